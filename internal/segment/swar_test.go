package segment

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/geostance/geostance/internal/demo"
)

func TestSkipPlain(t *testing.T) {
	// Bytes chosen to make every case frequent: plain letters, spaces,
	// sentence punctuation, control spaces, high bytes and the bytes next
	// to the edges of the tested ranges.
	alphabet := []byte("ab  .?!\t\n\r\v\f\x08\x0e\x1f,-'\x7f\x80\xc3\xe2Z0")
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		data := make([]byte, rng.IntN(40))
		for k := range data {
			if rng.IntN(3) == 0 {
				data[k] = alphabet[rng.IntN(len(alphabet))]
			} else {
				data[k] = 'a' + byte(rng.IntN(26))
			}
		}
		for i := 0; i <= len(data); i++ {
			limit := i + rng.IntN(len(data)-i+1)
			if got, want := skipPlain(data, i, limit), skipPlainBytewise(data, i, limit); got != want {
				t.Fatalf("skipPlain(%q, %d, %d) = %d, want %d", data, i, limit, got, want)
			}
		}
	}
}

func TestMasks(t *testing.T) {
	for c := range 256 {
		x := uint64(c) << 16
		if got, want := eqMask(x, '.') != 0, c == '.'; got != want {
			t.Errorf("eqMask(%#x, '.'): %v", c, got)
		}
		if got, want := rangeMask(x, '\t', '\r') != 0, '\t' <= c && c <= '\r'; got != want {
			t.Errorf("rangeMask(%#x): %v", c, got)
		}
	}
}

// TestTokenizeFastPathsAgree checks the one-pass paths for common words
// against the general scanner on every test text and the demo reports.
func TestTokenizeFastPathsAgree(t *testing.T) {
	var texts []string
	files, _ := filepath.Glob("testdata/sentences/*.txt")
	for _, path := range append(files, "testdata/tokens/tokens.txt") {
		for _, c := range readCases(t, path) {
			texts = append(texts, c.input)
		}
	}
	src, err := os.ReadFile("testdata/corpus.txt")
	require.NoError(t, err)
	texts = append(texts, string(src))
	for line := range bytes.Lines(demo.Corpus()) {
		var rec struct{ Text string }
		require.NoError(t, json.Unmarshal(line, &rec))
		texts = append(texts, rec.Text)
	}
	// Edges: marks at the very end, possessives of both kinds, abbreviations.
	texts = append(texts, "said.", "Gen.", "China's", "China’s", "China’s.", "U.S.", "a.", "J. F. Kennedy",
		"etc.", "approx. 5", "Xs'", "X's's", "it's", "Nos.", "nos. 3", "Co.", "co.", "A.", "WORD.\"", "word.'s",
		"“Yes,” she said — twice – and ‘no’… ’90s", "“", "—", "\xe2\x80", "a\xe2\x80\x9c")
	var fast, general Tokenizer
	general.general = true
	for _, text := range texts {
		for _, sp := range append(Sentences(text, nil), Span{0, len(text)}) {
			s := text[sp.Start:sp.End]
			got, want := fast.Tokenize(s), general.Tokenize(s)
			if !slices.Equal(got, want) {
				t.Fatalf("Tokenize(%q):\n  fast    %v\n  general %v", s, got, want)
			}
		}
	}
}
