package stance_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geostance/geostance/stance"
)

// TestGivenTargetWords checks that the lower-case words of a target span
// given with WithTargets describe that target, and that the capitalised
// words of a name do not.
func TestGivenTargetWords(t *testing.T) {
	a := newTestAnalyzer(t)
	tests := []struct {
		name, text, span string
		want             stance.Label
		inTarget         bool // evidence with the in-target rule is expected
	}{
		{"modifier", "The disgraced former mayor of Lyon returned to court on Monday.", "The disgraced former mayor of Lyon", stance.Negative, true},
		{"apposition", "Students in Porto cheered the tireless campaigner Ana Lima.", "the tireless campaigner Ana Lima", stance.Positive, true},
		{"name", "Hope Mensah chaired the meeting in Accra.", "Hope Mensah", stance.Neutral, false},
		{"other target", "The coach Ivo Silva criticised the referee Marco Dias.", "the referee Marco Dias", stance.Negative, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := strings.Index(tt.text, tt.span)
			require.GreaterOrEqual(t, i, 0)
			s := a.AnalyzeSentence(tt.text, 0, stance.WithTargets(stance.TargetSpan{ID: "T", Span: stance.Span{Start: i, End: i + len(tt.span)}}))
			require.Len(t, s.Targets, 1)
			tg := s.Targets[0]
			assert.Equal(t, tt.want, tg.Label, "AnalyzeSentence(%q).Targets[0].Label", tt.text)
			in := false
			for _, e := range tg.Evidence {
				in = in || slices.Contains(e.Rules, "in-target")
			}
			assert.Equal(t, tt.inTarget, in, "in-target evidence for %q: %+v", tt.text, tg.Evidence)
		})
	}
}
