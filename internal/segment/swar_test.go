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
	// A tagger that depends on the word and its folded form, so that a tag
	// read from the wrong cache entry shows.
	tagger := func(word, fold string) uint32 { return uint32(len(word))<<8 | uint32(fold[len(fold)-1]) }
	fast.Tagger, general.Tagger = tagger, tagger
	fast.Mark, general.Mark = 1, 1 // words whose last letter is odd
	for _, text := range texts {
		for _, sp := range append(Sentences(text, nil), Span{0, len(text)}) {
			s := text[sp.Start:sp.End]
			got, want := fast.Tokenize(s), general.Tokenize(s)
			if !slices.Equal(got, want) {
				t.Fatalf("Tokenize(%q):\n  fast    %v\n  general %v", s, got, want)
			}
			var marks []int32
			var tags uint32
			caps := 0
			for i, tok := range got {
				if tok.Flags&Hyphenated != 0 || tok.Flags&(Capitalized|AllCaps) != 0 && (tok.Tag == 0 || tok.Tag&1 != 0) {
					marks = append(marks, int32(i))
				}
				tags |= tok.Tag
				if tok.Kind == Word && tok.Flags&AllCaps != 0 {
					caps++
				}
			}
			for _, tz := range []*Tokenizer{&fast, &general} {
				if !slices.Equal(tz.Marks, marks) || tz.Tags != tags || tz.CapsWords != caps {
					t.Fatalf("Tokenize(%q) (general %v): Marks %v, Tags %x, CapsWords %d; want %v, %x, %d",
						s, tz.general, tz.Marks, tz.Tags, tz.CapsWords, marks, tags, caps)
				}
			}
			for i, tok := range got {
				if tok.Tag != 0 && tok.Tag != tagger(tok.Norm, tok.Fold) {
					t.Fatalf("Tokenize(%q)[%d] = %+v: tag %d, want %d", s, i, tok, tok.Tag, tagger(tok.Norm, tok.Fold))
				}
				if tok.Tag == 0 && tok.Kind == Word && tok.Fold != tok.Norm && isASCII(s[tok.Start:tok.End]) {
					t.Fatalf("Tokenize(%q)[%d] = %+v: an ASCII word with capitals has no tag", s, i, tok)
				}
			}
		}
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
