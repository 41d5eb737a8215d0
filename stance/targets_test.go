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

// TestGivenTargetsOrder checks that target spans give the same result in
// whatever order they are listed: a place named after its topic ("on
// Russia") stays neutral though listed first.
func TestGivenTargetsOrder(t *testing.T) {
	a := newTestAnalyzer(t)
	text := "Mr. Lund is the latest minister to be caught between his words and the truth on Russia."
	span := func(id, s string) stance.TargetSpan {
		i := strings.Index(text, s)
		require.GreaterOrEqual(t, i, 0)
		return stance.TargetSpan{ID: id, Span: stance.Span{Start: i, End: i + len(s)}}
	}
	lund, russia := span("lund", "Mr. Lund"), span("russia", "Russia")
	labels := func(ts ...stance.TargetSpan) map[string]stance.Label {
		out := map[string]stance.Label{}
		for _, tg := range a.AnalyzeSentence(text, 0, stance.WithTargets(ts...)).Targets {
			out[tg.ID] = tg.Label
		}
		return out
	}
	want := map[string]stance.Label{"lund": stance.Negative, "russia": stance.Neutral}
	assert.Equal(t, want, labels(lund, russia), "spans in text order")
	assert.Equal(t, want, labels(russia, lund), "spans in reverse order")
}

// TestTargetedOnly checks that TargetedOnly leaves the sentences without a
// wanted target unweighed and changes nothing in the others.
func TestTargetedOnly(t *testing.T) {
	text := "Beijing praised Islamabad's steadfast support. The talks were a disgraceful failure. " +
		"Tokyo welcomed the generous offer."
	ctx := t.Context()
	for _, tt := range []struct {
		name     string
		opts     []stance.Option
		weighed  []bool // by sentence
		nTargets []int
	}{
		{"all targets", nil, []bool{true, false, true}, []int{2, 0, 1}},
		{"only JPN", []stance.Option{stance.OnlyTargets("JPN")}, []bool{false, false, true}, []int{0, 0, 1}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a, err := stance.New(tt.opts...)
			require.NoError(t, err)
			full, err := a.Analyze(ctx, text)
			require.NoError(t, err)
			part, err := a.Analyze(ctx, text, stance.TargetedOnly())
			require.NoError(t, err)
			require.Len(t, part.Sentences, len(full.Sentences))
			require.Len(t, full.Sentences, 3)
			for i, s := range part.Sentences {
				assert.Len(t, s.Targets, tt.nTargets[i], "sentence %d", i)
				if tt.weighed[i] {
					assert.Equal(t, full.Sentences[i], s, "sentence %d", i)
					continue
				}
				require.NotEmpty(t, full.Sentences[i].Evidence, "sentence %d has cues to leave unweighed", i)
				assert.Empty(t, s.Evidence, "sentence %d", i)
				assert.Zero(t, s.Score, "sentence %d", i)
				assert.Equal(t, stance.Neutral, s.Label, "sentence %d", i)
				assert.Equal(t, full.Sentences[i].Span, s.Span, "sentence %d", i)
			}
		})
	}
}

// TestGivenTargetsNested checks that a target span inside another one,
// or the same span given twice, takes the attitude of the span around it:
// both name one referent.
func TestGivenTargetsNested(t *testing.T) {
	a := newTestAnalyzer(t)
	tests := []struct {
		name, text, outer, inner string
		want                     stance.Label
	}{
		{"surname in full name", "Bishop Tomasz Nowak was convicted of fraud by a court in Gdansk.", "Bishop Tomasz Nowak", "Nowak", stance.Negative},
		{"name in title", "Finance Minister Akua Mensah won praise for taming inflation.", "Finance Minister Akua Mensah", "Akua Mensah", stance.Positive},
		{"same span twice", "Governor Ruiz was praised for the flood response.", "Governor Ruiz", "Governor Ruiz", stance.Positive},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := strings.Index(tt.text, tt.outer)
			i := o + strings.Index(tt.outer, tt.inner)
			require.GreaterOrEqual(t, o, 0)
			s := a.AnalyzeSentence(tt.text, 0, stance.WithTargets(
				stance.TargetSpan{ID: "outer", Span: stance.Span{Start: o, End: o + len(tt.outer)}},
				stance.TargetSpan{ID: "inner", Span: stance.Span{Start: i, End: i + len(tt.inner)}}))
			got := map[string]stance.Label{}
			for _, tg := range s.Targets {
				got[tg.ID] = tg.Label
			}
			assert.Equal(t, map[string]stance.Label{"outer": tt.want, "inner": tt.want}, got, "AnalyzeSentence(%q)", tt.text)
		})
	}
}
