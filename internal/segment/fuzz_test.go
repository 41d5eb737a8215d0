package segment

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzSegment checks the invariants of Split, Sentences, Scanner, Tokenize
// and Parts on arbitrary bytes.
func FuzzSegment(f *testing.F) {
	files, _ := filepath.Glob("testdata/sentences/*.txt")
	files = append(files, "testdata/tokens/tokens.txt")
	for _, path := range files {
		for _, c := range readCases(&testing.T{}, path) {
			f.Add([]byte(c.input))
		}
	}
	if src, err := os.ReadFile("testdata/corpus.txt"); err == nil {
		f.Add(src)
	}
	// Tokenizers live across inputs, as in use: their caches carry over.
	var tk, general Tokenizer
	general.general = true
	f.Fuzz(func(t *testing.T, data []byte) {
		// Raw segments tile the input.
		for off := 0; off < len(data); {
			adv, tok, err := Split(data[off:], true)
			if err != nil {
				t.Fatalf("Split at %d: %v", off, err) // inputs are far below MaxSentence
			}
			if adv <= 0 || off+adv > len(data) || !bytes.Equal(tok, data[off:off+adv]) {
				t.Fatalf("Split at %d returned advance %d, token %q", off, adv, tok)
			}
			off += adv
		}

		text := string(data)
		spans := Sentences(text, nil)
		prev := 0
		for i, sp := range spans {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(text) {
				t.Fatalf("span %d %v out of order, empty or outside text of length %d", i, sp, len(text))
			}
			prev = sp.End
			s := text[sp.Start:sp.End]
			first, _ := utf8.DecodeRuneInString(s)
			last, _ := utf8.DecodeLastRuneInString(s)
			if unicode.IsSpace(first) || unicode.IsSpace(last) {
				t.Fatalf("span %d %q is not trimmed", i, s)
			}
		}
		// Text outside the spans is whitespace.
		prev = 0
		for _, sp := range append(spans, Span{len(text), len(text)}) {
			if gap := text[prev:sp.Start]; strings.TrimFunc(gap, unicode.IsSpace) != "" {
				t.Fatalf("text %q between sentences is not whitespace", gap)
			}
			prev = sp.End
		}

		for seed := uint32(0); seed < 3; seed++ {
			var r interface{ Read([]byte) (int, error) } = strings.NewReader(text)
			if seed > 0 {
				r = &choppyReader{s: text, seed: seed}
			}
			var got []Span
			sc := NewScanner(r)
			for sc.Scan() {
				sp := sc.Span()
				if sc.Text() != text[sp.Start:sp.End] {
					t.Fatalf("Scanner.Text() = %q; want %q", sc.Text(), text[sp.Start:sp.End])
				}
				got = append(got, sp)
			}
			if err := sc.Err(); err != nil {
				t.Fatalf("Scanner.Err() = %v", err)
			}
			if !equalSpans(got, spans) {
				t.Fatalf("Scanner (seed %d) = %v; Sentences = %v", seed, got, spans)
			}
		}

		checkTokenize(t, &tk, &general, text)
		for _, sp := range spans {
			checkTokenize(t, &tk, &general, text[sp.Start:sp.End])
		}
	})
}

// checkTokenize checks the tokens of text from tk, and that general, a
// Tokenizer with its fast paths off, agrees.
func checkTokenize(t *testing.T, tk, general *Tokenizer, text string) {
	t.Helper()
	toks := tk.Tokenize(text)
	checkTokens(t, text, toks)
	if want := general.Tokenize(text); !slices.Equal(toks, want) {
		t.Fatalf("Tokenize(%q):\n  fast    %v\n  general %v", text, toks, want)
	}
	var parts []Token
	for _, tok := range toks {
		parts = Parts(text, tok, parts[:0])
		prev := tok.Start
		for _, p := range parts {
			if p.Start < prev || p.End < p.Start || p.End > tok.End {
				t.Fatalf("Parts(%q) gave %v outside the token", text[tok.Start:tok.End], p)
			}
			prev = p.End
			if raw := text[p.Start:p.End]; p.Norm != refNorm(raw) || p.Fold != refFold(p.Norm) {
				t.Fatalf("Parts(%q) part %q: Norm %q, Fold %q", text[tok.Start:tok.End], raw, p.Norm, p.Fold)
			}
		}
	}
}

func equalSpans(a, b []Span) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
