package plot

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		in   string
		want granularity
	}{
		{"2023-01-31", gDay},
		{"1969-12-31", gDay},
		{"2023-W01", gWeek},
		{"2020-W53", gWeek},
		{"2023-01", gMonth},
		{"2023-12", gMonth},
		{"2023-Q4", gQuarter},
		{"2023-H1", gHalf},
		{"2023-H2", gHalf},
		{"2024", gYear},
		{"undated", noPeriod},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			g, ord, err := parsePeriod(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, g, "parsePeriod(%q) granularity", tt.in)
			if g != noPeriod {
				assert.Equal(t, tt.in, periodLabel(g, ord), "periodLabel(parsePeriod(%q))", tt.in)
			}
		})
	}
}

// Consecutive periods must have consecutive ordinals, across year ends,
// or gaps would appear where there are none.
func TestParsePeriodConsecutive(t *testing.T) {
	pairs := [][2]string{
		{"2023-12-31", "2024-01-01"},
		{"2020-W53", "2021-W01"},
		{"2023-W52", "2024-W01"},
		{"2023-12", "2024-01"},
		{"2023-Q4", "2024-Q1"},
		{"2023-H2", "2024-H1"},
		{"2023", "2024"},
	}
	for _, p := range pairs {
		_, a, err := parsePeriod(p[0])
		require.NoError(t, err)
		_, b, err := parsePeriod(p[1])
		require.NoError(t, err)
		assert.Equal(t, a+1, b, "ordinal(%s)+1 = ordinal(%s)", p[0], p[1])
	}
}

func TestParsePeriodErrors(t *testing.T) {
	for _, in := range []string{"", "23", "2023-H3", "2023-H0", "2023-Q5", "2023-13", "2023-00",
		"2021-W53", "2023-W00", "2023-02-30", "20x3", "2023-1", "+123", "2023-01-01T00:00", "2023-Hx"} {
		_, _, err := parsePeriod(in)
		assert.Error(t, err, "parsePeriod(%q)", in)
	}
}

func TestValueRange(t *testing.T) {
	tests := []struct {
		name           string
		lo, hi, limit  float64
		wantLo, wantHi float64 // bounds the range must include
	}{
		{"tiny positive", 0.30, 0.32, 1, 0, 0.32},
		{"full", -1, 1, 1, -1, 1},
		{"past the limit", -3, 3, 1, -1, 1},
		{"tilt", -0.1, 0.4, 2, -0.1, 0.4},
		{"no data", 0, 0, 1, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lo, hi := valueRange(tt.lo, tt.hi, tt.limit, 0.5*tt.limit)
			assert.LessOrEqual(t, lo, tt.wantLo)
			assert.GreaterOrEqual(t, hi, tt.wantHi)
			assert.GreaterOrEqual(t, lo, -tt.limit, "range within the limits")
			assert.LessOrEqual(t, hi, tt.limit, "range within the limits")
			assert.GreaterOrEqual(t, hi-lo, 0.5*tt.limit-1e-12, "range never squashed")
			assert.LessOrEqual(t, lo, 0.0, "zero on the axis")
			assert.GreaterOrEqual(t, hi, 0.0, "zero on the axis")
		})
	}
}

func TestValueTicks(t *testing.T) {
	var labels []string
	for _, tk := range valueTicks(-1, 1) {
		if tk.Label != "" {
			labels = append(labels, tk.Label)
		}
	}
	assert.Equal(t, []string{"−1", "−0.75", "−0.5", "−0.25", "0", "0.25", "0.5", "0.75", "1"}, labels)
	labels = nil
	for _, tk := range valueTicks(-0.45, 0.65) {
		if tk.Label != "" {
			labels = append(labels, tk.Label)
		}
	}
	assert.Equal(t, []string{"−0.4", "−0.2", "0", "0.2", "0.4", "0.6"}, labels, "no rounding noise")
}
