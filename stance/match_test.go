package stance

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/geostance/geostance/internal/demo"
	"github.com/geostance/geostance/internal/segment"
	"github.com/stretchr/testify/require"
)

// TestCandidatePathsAgree checks that the matcher's fast path, which looks
// only at words with capitals and at the tags the tokenizer gives them,
// finds the same mentions as the general path that visits every token, over
// every golden text and the demo corpus, and in headline capitals too.
func TestCandidatePathsAgree(t *testing.T) {
	check := pathsChecker(t)
	for _, doc := range GoldenTexts(t) {
		check(t, doc)
		check(t, strings.ToUpper(doc))
	}
}

// FuzzCandidatePaths is TestCandidatePathsAgree on any text.
func FuzzCandidatePaths(f *testing.F) {
	for _, text := range GoldenTexts(f)[:200] {
		f.Add(text)
	}
	f.Add("von der Leyen met LONDON/PARIS officials in Pak-China talks")
	check := pathsChecker(f)
	f.Fuzz(check)
}

// pathsChecker returns a function that fails t when the fast and the
// general path of the embedded gazetteer's matcher find different mentions
// in a sentence of text.
func pathsChecker(tb testing.TB) func(t *testing.T, text string) {
	a, err := New()
	require.NoError(tb, err)
	require.True(tb, a.mt.capsFirst, "the embedded gazetteer has an alias whose first word has no capital")
	var tagged, plain segment.Tokenizer
	tagged.Tagger, tagged.Mark = a.mt.tag, markRoots
	general := *a.mt
	general.capsFirst = false
	date := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	var fast, slow []Mention
	var fastVisits, slowVisits []int32
	return func(t *testing.T, text string) {
		for _, sp := range segment.Sentences(text, nil) {
			s := text[sp.Start:sp.End]
			ft := tagged.Tokenize(s)
			fs := scan{dst: fast[:0], toks: ft, text: s, base: sp.Start, date: date}
			a.mt.find(&fs, &tagged, &fastVisits)
			fast = fs.dst
			st := plain.Tokenize(s)
			ss := scan{dst: slow[:0], toks: st, text: s, base: sp.Start, date: date}
			general.find(&ss, &plain, &slowVisits)
			slow = ss.dst
			if !reflect.DeepEqual(fast, slow) {
				t.Fatalf("sentence %q:\n  fast    %+v\n  general %+v", s, fast, slow)
			}
		}
	}
}

// goldenTexts returns the texts of the golden mention and attitude cases and
// of the demo corpus.
func GoldenTexts(t testing.TB) []string {
	t.Helper()
	var texts []string
	files, err := filepath.Glob("testdata/*/*.jsonl")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, name := range files {
		f, err := os.Open(name)
		require.NoError(t, err)
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var c struct{ Text string }
			require.NoError(t, json.Unmarshal(sc.Bytes(), &c), name)
			texts = append(texts, c.Text)
		}
		require.NoError(t, sc.Err())
		f.Close()
	}
	for line := range strings.SplitSeq(string(demo.Corpus()), "\n") {
		var d struct{ Text string }
		if json.Unmarshal([]byte(line), &d) == nil {
			texts = append(texts, d.Text)
		}
	}
	return texts
}
