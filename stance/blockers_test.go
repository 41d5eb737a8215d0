package stance

import (
	"slices"
	"strings"
	"testing"

	"github.com/geostance/geostance/internal/segment"
	"github.com/geostance/geostance/lexicon"
	"github.com/stretchr/testify/require"
)

// TestBlockerForms checks the forms of a blocker that the matcher reads
// besides the text as listed: its Title Case form, and lower-case words
// before an alias, read back from it in any case; a blocker in lower case
// whose rest is not one alias still blocks through the tries.
func TestBlockerForms(t *testing.T) {
	g, err := lexicon.ParseGazetteer(strings.NewReader(strings.Join([]string{
		"FRA\tstate\tFrance",
		"FRA\tname\tFrance",
		"FRA\tdemonym\tFrench",
		"FRA\tcapital\tParis",
		"-\ttrap\tFrench fries",
		"-\ttrap\tpardon my French",
		"-\ttrap\tplaster of Paris",
		"-\ttrap\told French quarter",
	}, "\n")), "test.tsv")
	require.NoError(t, err)
	m := newMatcher(g)
	require.Len(t, m.after, 3, "the blockers read back from French and Paris, and the town words before France")
	var tz segment.Tokenizer
	tz.Tagger = m.tag
	for _, tt := range []struct {
		text string
		want int
	}{
		{"French troops left the base.", 1},
		{"He ate French fries at the fair.", 0},
		{"Why French Fries Taste Better", 0},
		{"Pardon my French, he said.", 0},
		{"He said, pardon my French, that it was a mess.", 0},
		{"My French colleagues agreed.", 1},
		{"My French is poor.", 0}, // the language
		{"The cast is made of plaster of Paris.", 0},
		{"Talks in Paris resumed.", 1},
		{"They walked through the old French quarter.", 0},
		{"The old French navy ship was sold.", 1},
		{"They moved to the town of France last year.", 0},
		{"They moved to France last year.", 1},
		{"The South French Open was rained off.", 0},
		{"Vines on south French hillsides suffered.", 1},
	} {
		if got := findIn(m, &tz, tt.text); len(got) != tt.want {
			t.Errorf("find(%q) = %d mentions %v; want %d", tt.text, len(got), got, tt.want)
		}
	}
}

// TestContextWordsMatch checks that every word of the built-in gazetteer's
// unless=, after=, namesake= and with= lists is one token as the tokenizer makes
// it, so that it can be met at all; a word of not= that it splits ("c++")
// is met as the run of its tokens.
func TestContextWordsMatch(t *testing.T) {
	var tz segment.Tokenizer
	single := func(w string) bool {
		toks := tz.Tokenize(w)
		return len(toks) == 1 && toks[0].Fold == w
	}
	for a := range lexicon.Countries().Aliases() {
		for _, w := range append(slices.Clone(a.Unless), a.After...) {
			if !single(w) {
				t.Errorf("%s:%d: %q: context word %q is not one token", a.File, a.Line, a.Text, w)
			}
		}
		for _, p := range append(slices.Clone(a.Namesake), a.With...) {
			for _, w := range strings.Fields(p) {
				if !single(w) {
					t.Errorf("%s:%d: %q: word %q of namesake= or with= phrase %q is not one token", a.File, a.Line, a.Text, w, p)
				}
			}
		}
	}

	g, err := lexicon.ParseGazetteer(strings.NewReader(strings.Join([]string{
		"GCC\torg\tGulf Cooperation Council",
		"GCC\tname\tGCC\tnot=compiler|c++",
	}, "\n")), "test.tsv")
	require.NoError(t, err)
	m := newMatcher(g)
	tz.Tagger = m.tag
	for _, tt := range []struct {
		text string
		want int
	}{
		{"GCC ministers met in Riyadh.", 1},
		{"GCC 14 adds new warnings for dangling references in C++ code.", 0},
		{"GCC 14 is a faster compiler.", 0},
		{"GCC states and C-SPAN viewers.", 1},
	} {
		if got := findIn(m, &tz, tt.text); len(got) != tt.want {
			t.Errorf("find(%q) = %d mentions %v; want %d", tt.text, len(got), got, tt.want)
		}
	}
}

// findIn returns the mentions m finds in text, one sentence, tokenized by
// tz, whose Tagger is m.tag.
func findIn(m *matcher, tz *segment.Tokenizer, text string) []Mention {
	s := scan{toks: tz.Tokenize(text), text: text}
	m.find(&s, tz, new([]int32))
	return s.dst
}
