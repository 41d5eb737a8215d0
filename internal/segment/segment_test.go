package segment

import (
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSplitIncremental(t *testing.T) {
	tests := []struct {
		name  string
		data  string
		atEOF bool
		adv   int
	}{
		{"empty", "", false, 0},
		{"empty at EOF", "", true, 0},
		{"leading space is its own segment", "  \n Pakistan", false, 4},
		{"partial rune waits", "\xe2\x80", false, 0},
		{"acronym needs the next word", "the U.S. ", false, 0},
		{"acronym and starter", "the U.S. The", false, 0}, // "The" may go on: "Theresa"
		{"acronym and starter word", "the U.S. The ", false, 9},
		{"acronym and name", "the U.S. Navy sailed.", false, 0},
		{"question needs the next rune", "Why? ", false, 0},
		{"question then capital", "Why? B", false, 0}, // "B" may be the start of a speech verb
		{"question then word", "Why? Because ", false, 5},
		{"blank line is certain", "Talks ended\n\n", false, 13},
		{"text without end waits", "Talks ended", false, 0},
		{"text without end at EOF", "Talks ended", true, 11},
		{"trailing space at EOF", "Talks ended.  ", true, 14},
		{"CJK full stop waits for closers", "协议。", false, 0},
		{"CJK full stop is certain", "协议。双", false, 9},
		{"line end waits for the next line", "Headline\n", false, 0},
		{"line end then capital", "Headline\nBody", false, 9},
		{"line end then lower case", "Headline\nbody.", false, 0},
		{"long space run is certain", "Ends here" + strings.Repeat(" ", wsBreak), false, 9 + wsBreak},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			adv, tok, err := Split([]byte(tt.data), tt.atEOF)
			require.NoError(t, err)
			assert.Equal(t, tt.adv, adv, "Split(%q, %v) advance", tt.data, tt.atEOF)
			assert.Equal(t, tt.adv, len(tok), "Split(%q, %v) token", tt.data, tt.atEOF)
		})
	}
}

func TestMaxSentence(t *testing.T) {
	tests := []struct {
		name string
		unit string // repeated past MaxSentence
	}{
		{"spaces", "word "},
		{"no spaces", "é"},
		{"no spaces ASCII", "x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			long := strings.Repeat(tt.unit, MaxSentence/len(tt.unit)+100)
			text := "Short first.\n\n" + long + ". Short last."

			spans := Sentences(text, nil)
			require.GreaterOrEqual(t, len(spans), 4, "Sentences cuts the long run")
			assert.Equal(t, "Short first.", text[spans[0].Start:spans[0].End])
			assert.Equal(t, "Short last.", text[spans[len(spans)-1].Start:spans[len(spans)-1].End])
			for _, sp := range spans {
				assert.LessOrEqual(t, sp.End-sp.Start, MaxSentence)
				assert.True(t, utf8.ValidString(text[sp.Start:sp.End]), "piece %v cut inside a rune", sp)
			}

			sc := NewScanner(strings.NewReader(text))
			require.True(t, sc.Scan())
			assert.Equal(t, "Short first.", sc.Text())
			assert.False(t, sc.Scan())
			assert.ErrorIs(t, sc.Err(), ErrSentenceTooLong)
			assert.False(t, sc.Scan(), "Scan after an error")
		})
	}
}

func TestSentenceAtLimit(t *testing.T) {
	s := strings.Repeat("a", MaxSentence-1) + "."
	text := s + " Next one."
	want := []Span{{0, MaxSentence}, {MaxSentence + 1, len(text)}}
	assert.Equal(t, want, Sentences(text, nil))
	assert.Equal(t, want, scanAll(t, strings.NewReader(text)))
}

type failingReader struct {
	data string
	err  error
}

func (r *failingReader) Read(p []byte) (int, error) {
	if r.data == "" {
		return 0, r.err
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

func TestScannerReadError(t *testing.T) {
	boom := errors.New("boom")
	sc := NewScanner(&failingReader{data: "First one. Second one. Unfinished", err: boom})
	var got []string
	for sc.Scan() {
		got = append(got, sc.Text())
	}
	// Like bufio.Scanner, the data read before the error is still split.
	assert.Equal(t, []string{"First one.", "Second one.", "Unfinished"}, got)
	assert.ErrorIs(t, sc.Err(), boom)
}

type emptyReader struct{}

func (emptyReader) Read([]byte) (int, error) { return 0, nil }

func TestScannerNoProgress(t *testing.T) {
	sc := NewScanner(emptyReader{})
	assert.False(t, sc.Scan())
	assert.ErrorIs(t, sc.Err(), io.ErrNoProgress)
}

func TestScannerLargeStream(t *testing.T) {
	src, err := os.ReadFile("testdata/corpus.txt")
	require.NoError(t, err)
	text := strings.Repeat(string(src)+"\r\n\r\n", 40)
	want := Sentences(text, nil)
	require.Greater(t, len(want), 1000)
	assert.Equal(t, want, scanAll(t, strings.NewReader(text)))
	assert.Equal(t, want, scanAll(t, &choppyReader{s: text, seed: 7}))
}

func TestSentencesAppends(t *testing.T) {
	dst := []Span{{1, 2}}
	got := Sentences("One. Two.", dst)
	assert.Equal(t, []Span{{1, 2}, {0, 4}, {5, 9}}, got)
}

func TestNormFold(t *testing.T) {
	tests := []struct {
		text, norm, fold string
	}{
		{"China", "China", "china"},
		{"pakistan", "pakistan", "pakistan"},
		{"O’Brien", "O'Brien", "o'brien"},
		{"Ελλάδα", "Ελλάδα", "ελλάδα"},
		{"ÅLAND", "ÅLAND", "åland"},
		{"İZMİR", "İZMİR", "izmir"},
		{"\u212a", "\u212a", "k"}, // Kelvin sign
		{"“", `"`, `"`},
		{"Côte", "Côte", "côte"},
	}
	var tk Tokenizer
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			toks := tk.Tokenize(tt.text)
			require.Len(t, toks, 1)
			assert.Equal(t, tt.norm, toks[0].Norm, "Norm")
			assert.Equal(t, tt.fold, toks[0].Fold, "Fold")
			assert.Equal(t, Span{0, len(tt.text)}, Span{toks[0].Start, toks[0].End})
		})
	}
}

func TestTokenizeNormIsSubstring(t *testing.T) {
	text := "pakistan and china signed an accord"
	var tk Tokenizer
	for _, tok := range tk.Tokenize(text) {
		// Same backing memory: no copy was made.
		assert.Equal(t, text[tok.Start:tok.End], tok.Norm)
		assert.True(t, unsafeSameString(tok.Norm, text[tok.Start:tok.End]), "Norm of %q was copied", tok.Norm)
		assert.True(t, unsafeSameString(tok.Fold, tok.Norm), "Fold of %q was copied", tok.Norm)
	}
}

func TestTokenizeAllocs(t *testing.T) {
	var tk Tokenizer
	lower := "pakistan and china signed an all-weather accord worth $2.5 billion, officials said."
	mixed := "Pakistan’s army chief, Gen. Munir, met U.S. officials in Washington on Monday."
	tk.Tokenize(mixed) // grow the buffers
	assert.Zero(t, testing.AllocsPerRun(100, func() { tk.Tokenize(lower) }))
	assert.LessOrEqual(t, testing.AllocsPerRun(100, func() { tk.Tokenize(mixed) }), 1.0)
}

func TestTokenStringsOutliveCall(t *testing.T) {
	var tk Tokenizer
	first := tk.Tokenize("Pakistan’s PRIME Minister")
	folds := []string{first[0].Fold, first[1].Norm, first[2].Fold}
	tk.Tokenize("ZZZZZZZZ ZZZZZZZZZZZ ZZZZZZZZZZZZZZZZZZZ")
	assert.Equal(t, []string{"pakistan", "'s", "prime"}, folds)
}

func TestParts(t *testing.T) {
	text := "Sino-Pakistani US–China d’Ivoire-born U.S.-led 2023-24 China-U.S. peace"
	var tk Tokenizer
	toks := tk.Tokenize(text)
	require.Len(t, toks, 7)
	var got []string
	for _, tok := range toks {
		for _, p := range Parts(text, tok, nil) {
			got = append(got, p.Kind.String()+" "+text[p.Start:p.End]+" "+p.Norm+" "+p.Fold+" "+p.Flags.String())
		}
	}
	want := []string{
		"Word Sino Sino sino Capitalized",
		"Word Pakistani Pakistani pakistani Capitalized",
		"Word US US us Capitalized|AllCaps",
		"Word China China china Capitalized",
		"Word d’Ivoire d'Ivoire d'ivoire ",
		"Word born born born ",
		"Word U.S. U.S. u.s. Capitalized|AllCaps|Dotted",
		"Word led led led ",
		"Number 2023 2023 2023 ",
		"Number 24 24 24 ",
		"Word China China china Capitalized",
		"Word U.S. U.S. u.s. Capitalized|AllCaps|Dotted",
		"Word peace peace peace ",
	}
	assert.Equal(t, want, got)
}

func TestPartsHandBuilt(t *testing.T) {
	tok := Token{Start: 10, End: 19, Flags: Hyphenated, Norm: "Pak-China", Fold: "pak-china"}
	parts := Parts("", tok, nil)
	require.Len(t, parts, 2)
	assert.Equal(t, Span{10, 13}, Span{parts[0].Start, parts[0].End})
	assert.Equal(t, Span{14, 19}, Span{parts[1].Start, parts[1].End})
	assert.Equal(t, "china", parts[1].Fold)
	// Inconsistent fields must not panic.
	assert.NotPanics(t, func() { Parts("x", Token{Flags: Hyphenated, Norm: "a-b-c", Fold: "a"}, nil) })
}

func TestKindFlagsString(t *testing.T) {
	assert.Equal(t, "Clitic", Clitic.String())
	assert.Equal(t, "Kind(42)", Kind(42).String())
	assert.Equal(t, "", Flags(0).String())
	assert.Equal(t, "Capitalized|Abbrev", (Capitalized | Abbrev).String())
}

func TestMaxAbbrev(t *testing.T) {
	for k := range abbrevs {
		assert.LessOrEqual(t, len(k), maxAbbrev, "abbreviation %q", k)
	}
}

func TestScannerLongSentenceSmallReads(t *testing.T) {
	// 200 KB without a boundary, read 1 to 7 bytes at a time: the Scanner
	// must not rescan the pending data once per read.
	text := strings.Repeat("word ", 40000) + "end."
	start := time.Now()
	got := scanAll(t, &choppyReader{s: text, seed: 3})
	assert.Equal(t, []Span{{0, len(text)}}, got)
	assert.Less(t, time.Since(start), 20*time.Second)
}

func TestCurrencyPrefix(t *testing.T) {
	var tk Tokenizer
	for _, general := range []bool{false, true} {
		tk.general = general
		text := "It cost US$20 million, NZ$3.5 billion or USD$4; the US $5 and Prices$9."
		var got []string
		for _, tok := range tk.Tokenize(text) {
			got = append(got, tok.Kind.String()+" "+text[tok.Start:tok.End])
		}
		assert.Subset(t, got, []string{"Number US$20", "Number NZ$3.5", "Number USD$4", "Word US", "Number $5", "Word Prices", "Number $9"})
		assert.NotContains(t, got, "Word NZ")
	}
}
