package stance_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/geostance/geostance/internal/segment"
	"github.com/geostance/geostance/stance"
)

// pathological inputs: each builds a text of about n units that has been
// slow for text tools: runs of punctuation, thousands of mentions or cues
// in one sentence (all within segment.MaxSentence), and a run with no
// sentence end, which Analyze must cut into MaxSentence pieces.
var pathological = []struct {
	name  string
	sizes [3]int
	make  func(n int) string
}{
	{"exclamations", [3]int{100_000, 200_000, 400_000}, func(n int) string { return strings.Repeat("!", n) }},
	{"periods", [3]int{100_000, 200_000, 400_000}, func(n int) string { return strings.Repeat(".", n) }},
	{"mentions", [3]int{2000, 4000, 8000}, func(n int) string { return strings.Repeat("China, ", n) + "and Japan." }},
	{"mentions and cues", [3]int{500, 1000, 2000}, func(n int) string { return strings.Repeat("China praised Japan, ", n) + "end." }},
	{"pronouns", [3]int{250, 500, 1000}, func(n int) string {
		return "China and Japan met; " + strings.Repeat("it praised them and they thanked it, ", n)
	}},
	{"comparatives", [3]int{500, 1000, 2000}, func(n int) string { return strings.Repeat("India is closer to China than to Japan; ", n) }},
	{"negations", [3]int{500, 1000, 2000}, func(n int) string { return strings.Repeat("China did not not never condemn Japan, ", n) }},
	{"preference", [3]int{1000, 2000, 4000}, func(n int) string { return "Pakistan prefers China " + strings.Repeat("to Japan ", n) }},
	{"relative pronouns", [3]int{1000, 2000, 4000}, func(n int) string { return strings.Repeat("India, which ", n) + "won." }},
	{"to without preference", [3]int{2000, 4000, 8000}, func(n int) string { return "China went " + strings.Repeat("to Japan ", n) }},
	{"run without end", [3]int{4 * segment.MaxSentence, 8 * segment.MaxSentence, 16 * segment.MaxSentence},
		func(n int) string { return strings.Repeat("word ", n/5) }},
}

// timeOp returns the fastest of several timings of f, each long enough to
// be measured: the minimum is what a loaded machine disturbs least.
func timeOp(f func()) time.Duration {
	best := time.Duration(1 << 62)
	for range 5 {
		n, start := 0, time.Now()
		for n == 0 || time.Since(start) < 20*time.Millisecond {
			f()
			n++
		}
		best = min(best, time.Since(start)/time.Duration(n))
	}
	return best
}

// TestLinearTime checks that doubling a pathological input no more than
// about doubles the time Analyze takes. A quadratic step quadruples it; the
// bound leaves room for noise and cache effects.
func TestLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("times Analyze on inputs of up to 1 MiB")
	}
	a := newTestAnalyzer(t)
	ctx := context.Background()
	for _, p := range pathological {
		t.Run(p.name, func(t *testing.T) {
			var texts [3]string
			for i, n := range p.sizes {
				texts[i] = p.make(n)
			}
			// Two doublings multiply the time by 4 when linear and by 16
			// when quadratic; 10 tolerates one step disturbed by a busy
			// machine, and a disturbed measurement is taken again: a
			// quadratic step fails every attempt.
			var r1, r2 float64
			for range 3 {
				var times [3]time.Duration
				for i, text := range texts {
					times[i] = timeOp(func() {
						if _, err := a.Analyze(ctx, text); err != nil {
							t.Fatal(err)
						}
					})
				}
				r1 = float64(times[1]) / float64(times[0])
				r2 = float64(times[2]) / float64(times[1])
				t.Logf("%v: %v %v %v; ratios %.2f %.2f", p.sizes, times[0], times[1], times[2], r1, r2)
				if r1*r2 <= 10 {
					return
				}
			}
			t.Errorf("time grows faster than linearly: ratios %.2f and %.2f for two doublings of the input", r1, r2)
		})
	}
}

func BenchmarkPathological(b *testing.B) {
	a := newTestAnalyzer(b)
	ctx := context.Background()
	for _, p := range pathological {
		for _, n := range p.sizes {
			text := p.make(n)
			b.Run(fmt.Sprintf("%s/%d", p.name, n), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				for b.Loop() {
					if _, err := a.Analyze(ctx, text); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// TestSentencesLinear times the sentence splitter that Analyze (and every
// command reading JSON Lines or CSV) applies to a whole text, on a run
// with no sentence end: it is cut every segment.MaxSentence bytes, and
// each cut must cost the piece it cuts, not the rest of the text.
func TestSentencesLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("splits up to 16 MiB")
	}
	sizes := [3]int{16 * segment.MaxSentence, 32 * segment.MaxSentence, 64 * segment.MaxSentence}
	var r1, r2 float64
	for range 3 { // as in TestLinearTime
		var times [3]time.Duration
		for i, n := range sizes {
			text := strings.Repeat("word ", n/5)
			times[i] = timeOp(func() { segment.Sentences(text, nil) })
		}
		r1 = float64(times[1]) / float64(times[0])
		r2 = float64(times[2]) / float64(times[1])
		t.Logf("%v bytes: %v %v %v; ratios %.2f %.2f", sizes, times[0], times[1], times[2], r1, r2)
		if r1*r2 <= 10 {
			return
		}
	}
	t.Errorf("segment.Sentences grows faster than linearly: ratios %.2f and %.2f for two doublings", r1, r2)
}

// Analyze, like every function of a shared Analyzer, returns the same
// result for the same text; the limits above bound how long it may take.
var _ = stance.Neutral
