package stance_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geostance/geostance/stance"
)

// attitudeCase is one golden sentence of testdata/attitude/*.jsonl.
type attitudeCase struct {
	ID      string            `json:"id"`
	Text    string            `json:"text"`
	Date    string            `json:"date"`
	Labels  map[string]string `json:"labels"`
	Sources map[string]string `json:"sources"`
	Tags    []string          `json:"tags"`
	file    string
	line    int
}

// Floors under which TestAttitudeGolden fails: about 0.02 under what the
// analyzer reached when they were last set, so that a change that loses
// ground on any phenomenon is noticed. Raise them as it improves. They
// apply to the studied gold: sentences whose errors have been read when
// rules and lexicon entries were written. The blind sittings that joined
// the gold unstudied, for the built-in model to learn from (see
// unstudied), are scored apart, under floorUnstudied, so that adding more
// of them, each harder than the last studied, does not pull the floors of
// the rest down.
var (
	floorAccuracy  = 0.76
	floorMacroF1   = 0.76
	floorUnstudied = 0.69 // accuracy
	floorTag       = map[string]float64{
		"abbreviation":     0.75,
		"blind":            0.71,
		"comparative":      0.75,
		"conflict":         0.86,
		"contrast":         0.6,
		"cooperation":      0.85,
		"demonym":          0.73,
		"hedged":           0.66,
		"metonym":          0.71,
		"multi-target":     0.73,
		"negation":         0.7,
		"neutral-mention":  0.89,
		"reported-speech":  0.78,
		"seed-style-op-ed": 0.56,
		"trap":             0.75,
	}
)

// unstudied reports whether the golden sentence id belongs to a blind
// sitting that joined the gold unstudied: blind-2701 and on (see
// testdata/attitude/README.md).
func unstudied(id string) bool {
	n, ok := strings.CutPrefix(id, "blind-")
	return ok && (len(n) == 4 && n >= "2701" || len(n) == 5) // blind-10001 and on too
}

// TestAttitudeGolden scores the hand-labelled sentences and reports
// accuracy per phenomenon tag, macro-F1 over the three labels, and the
// mentions missed or invented.
func TestAttitudeGolden(t *testing.T) {
	a := newTestAnalyzer(t)
	cases := readJSONL(t, "testdata/attitude/*.jsonl", func(c *attitudeCase, f string, n int) { c.file, c.line = f, n })
	var conf [3][3]int // [gold][pred], index label+1
	type tally struct{ ok, n int }
	perTag := map[string]*tally{}
	missed, spurious, srcOK, srcN := 0, 0, 0, 0
	var errs []string
	seen := map[string]string{} // id -> file:line, for the README's unique ids
	for _, c := range cases {
		at := fmt.Sprintf("%s:%d", c.file, c.line)
		if first, dup := seen[c.ID]; dup {
			t.Errorf("%s: duplicate id %q (first at %s)", at, c.ID, first)
		}
		seen[c.ID] = at
		var opts []stance.DocOption
		if c.Date != "" {
			d, err := time.Parse(time.DateOnly, c.Date)
			require.NoError(t, err, "%s:%d", c.file, c.line)
			opts = append(opts, stance.OnDate(d))
		}
		s := a.AnalyzeSentence(c.Text, 0, opts...)
		got := map[string]stance.Target{}
		for _, tg := range s.Targets {
			got[tg.ID] = tg
			if _, ok := c.Labels[tg.ID]; !ok {
				spurious++
				errs = append(errs, fmt.Sprintf("%s:%d %s: found %s, not labelled", c.file, c.line, c.ID, tg.ID))
			}
		}
		for _, id := range sortedKeys(c.Labels) {
			gold, err := stance.ParseLabel(c.Labels[id])
			require.NoError(t, err, "%s:%d", c.file, c.line)
			tg, found := got[id]
			pred := stance.Neutral
			if found {
				pred = tg.Label
			} else {
				missed++
			}
			tags := append([]string{"all"}, c.Tags...)
			if unstudied(c.ID) {
				tags = []string{"unstudied"}
			} else {
				conf[gold+1][pred+1]++
			}
			for _, tag := range tags {
				if perTag[tag] == nil {
					perTag[tag] = &tally{}
				}
				perTag[tag].n++
				if pred == gold {
					perTag[tag].ok++
				}
			}
			if pred != gold {
				errs = append(errs, fmt.Sprintf("%s:%d %s %s: got %v (%.2f), want %v | %s", c.file, c.line, c.ID, id, pred, tg.Score, gold, c.Text))
			}
			if want, ok := c.Sources[id]; ok {
				srcN++
				if tg.Source == want {
					srcOK++
				}
			}
		}
	}
	acc := float64(perTag["all"].ok) / float64(perTag["all"].n)
	f1 := macroF1(conf)
	var b strings.Builder
	fmt.Fprintf(&b, "golden attitude: %d sentences; studied: %d target labels, accuracy %.3f, macro-F1 %.3f; missed mentions %d, spurious %d; sources %d/%d\n",
		len(cases), perTag["all"].n, acc, f1, missed, spurious, srcOK, srcN)
	for _, tag := range sortedKeys(perTag) {
		tl := perTag[tag]
		fmt.Fprintf(&b, "  %-18s %4d  %.3f\n", tag, tl.n, float64(tl.ok)/float64(tl.n))
	}
	fmt.Fprintf(&b, "confusion [gold neg, neu, pos] x [pred neg, neu, pos]: %v\n", conf)
	t.Log(b.String())
	if testing.Verbose() {
		t.Log("errors:\n" + strings.Join(errs, "\n"))
	}
	if acc < floorAccuracy {
		t.Errorf("accuracy %.3f under the floor %.3f", acc, floorAccuracy)
	}
	if f1 < floorMacroF1 {
		t.Errorf("macro-F1 %.3f under the floor %.3f", f1, floorMacroF1)
	}
	if tl := perTag["unstudied"]; tl != nil && float64(tl.ok)/float64(tl.n) < floorUnstudied {
		t.Errorf("unstudied sittings: accuracy %.3f under the floor %.3f", float64(tl.ok)/float64(tl.n), floorUnstudied)
	}
	for tag, floor := range floorTag {
		if tl := perTag[tag]; tl == nil || float64(tl.ok)/float64(tl.n) < floor {
			t.Errorf("tag %s: accuracy under the floor %.3f", tag, floor)
		}
	}
}

func macroF1(conf [3][3]int) float64 {
	var sum float64
	for k := 0; k < 3; k++ {
		tp := conf[k][k]
		fp, fn := 0, 0
		for j := 0; j < 3; j++ {
			if j != k {
				fp += conf[j][k]
				fn += conf[k][j]
			}
		}
		if tp == 0 {
			continue
		}
		p := float64(tp) / float64(tp+fp)
		r := float64(tp) / float64(tp+fn)
		sum += 2 * p * r / (p + r)
	}
	return sum / 3
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// TestHeldoutWellFormed checks the held-out sentences of testdata/heldout
// as data only: ids unique across them and the gold, known labels, and
// the heldout tag. It does not score them; `geostance eval` does, and
// their errors are not to be read (see testdata/heldout/README.md).
func TestHeldoutWellFormed(t *testing.T) {
	set := func(c *attitudeCase, f string, n int) { c.file, c.line = f, n }
	held := readJSONL(t, "testdata/heldout/*.jsonl", set)
	ids := map[string]string{}
	for _, c := range readJSONL(t, "testdata/attitude/*.jsonl", set) {
		ids[c.ID] = fmt.Sprintf("%s:%d", c.file, c.line)
	}
	for _, c := range held {
		at := fmt.Sprintf("%s:%d", c.file, c.line)
		if prev, ok := ids[c.ID]; ok {
			t.Errorf("%s: id %q is also at %s", at, c.ID, prev)
		}
		ids[c.ID] = at
		if len(c.Tags) == 0 || c.Tags[0] != "heldout" {
			t.Errorf("%s: the first tag is not heldout: %v", at, c.Tags)
		}
		if strings.TrimSpace(c.Text) == "" || len(c.Labels) == 0 {
			t.Errorf("%s: no text or no labels", at)
		}
		for target, label := range c.Labels {
			switch label {
			case "positive", "neutral", "negative":
			default:
				t.Errorf("%s: %s: label %q is not positive, neutral or negative", at, target, label)
			}
		}
	}
	require.NotEmpty(t, held)
}
