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
