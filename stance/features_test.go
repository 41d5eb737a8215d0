package stance_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geostance/geostance/stance"
)

// TestFeaturesSides checks the words a model reads around a target: the
// window on each side of every mention and the words right next to it.
func TestFeaturesSides(t *testing.T) {
	a, err := stance.New(stance.WithFeatures())
	require.NoError(t, err)
	s := a.AnalyzeSentence("Sanctions against Iran were eased after Iran agreed to inspections.", 0)
	var f *stance.Features
	for _, tg := range s.Targets {
		if tg.ID == "IRN" {
			f = tg.Features
		}
	}
	require.NotNil(t, f, "features of Iran")
	assert.Equal(t, []string{"against", "after"}, f.Before)
	assert.Equal(t, []string{"were", "agreed"}, f.After)
	// Each mention's window holds the other mention ("iran").
	assert.Equal(t, []string{"sanctions", "against", "against", "iran", "were", "eased", "after"}, f.Left)
	assert.Equal(t, []string{"were", "eased", "after", "iran", "agreed"}, f.Right[:5])
	assert.Len(t, f.Window, len(f.Left)+len(f.Right))
}

// TestFeaturesClauseSides checks the words of the target's clause beyond
// the window, each side apart.
func TestFeaturesClauseSides(t *testing.T) {
	a, err := stance.New(stance.WithFeatures())
	require.NoError(t, err)
	s := a.AnalyzeSentence("After months of quiet talks in the Gulf, Iran has agreed to admit the inspectors by the end of the year.", 0)
	require.Len(t, s.Targets, 1)
	f := s.Targets[0].Features
	assert.Equal(t, []string{"after", "months", "of", "quiet"}, f.ClauseLeft)
	assert.Equal(t, []string{"inspectors", "by", "the", "end", "of", "the", "year", "."}, f.ClauseRight)
	assert.Equal(t, []string{"talks", "in", "the", "gulf", ","}, f.Left)
}

// TestFeaturesTerms checks the signed terms and rules of each target's
// evidence: the sign is the weight's after every rule, so a negated
// praise is a minus.
func TestFeaturesTerms(t *testing.T) {
	a, err := stance.New(stance.WithFeatures())
	require.NoError(t, err)
	s := a.AnalyzeSentence("Pakistan did not praise India, although India thanked Pakistan.", 0)
	terms := map[string][]string{}
	for _, tg := range s.Targets {
		terms[tg.ID] = tg.Features.Terms
	}
	assert.Equal(t, []string{"-praise", "-@affect", "-@negated", "-@role:patient"}, terms["IND"])
	assert.Equal(t, []string{"+thanked", "+@affect", "+@under-although", "+@role:patient"}, terms["PAK"])
}
