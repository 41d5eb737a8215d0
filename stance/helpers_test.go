package stance_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/geostance/geostance/stance"
)

func newTestAnalyzer(t testing.TB) *stance.Analyzer {
	t.Helper()
	a, err := stance.New()
	require.NoError(t, err)
	return a
}
