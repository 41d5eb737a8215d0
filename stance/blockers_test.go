package stance

import (
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
		toks := tz.Tokenize(tt.text)
		s := scan{toks: toks, text: tt.text}
		m.find(&s, &tz, new([]int32))
		if got := s.dst; len(got) != tt.want {
			t.Errorf("find(%q) = %d mentions %v; want %d", tt.text, len(got), got, tt.want)
		}
	}
}
