package stance_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geostance/geostance/stance"
)

// mentionCase is one golden case of testdata/mentions/*.jsonl.
type mentionCase struct {
	Name string `json:"name"`
	Text string `json:"text"`
	Date string `json:"date"`
	Want []struct {
		Target string `json:"target"`
		Text   string `json:"text"`
		Kind   string `json:"kind"`
	} `json:"want"`
	Tags []string `json:"tags"`
	file string
	line int
}

func readJSONL[T any](t testing.TB, pattern string, set func(*T, string, int)) []T {
	t.Helper()
	files, err := filepath.Glob(pattern)
	require.NoError(t, err)
	require.NotEmpty(t, files, "no files match %s", pattern)
	var out []T
	for _, name := range files {
		f, err := os.Open(name)
		require.NoError(t, err)
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for n := 1; sc.Scan(); n++ {
			if strings.TrimSpace(sc.Text()) == "" {
				continue
			}
			var v T
			require.NoError(t, json.Unmarshal(sc.Bytes(), &v), "%s:%d", name, n)
			set(&v, name, n)
			out = append(out, v)
		}
		require.NoError(t, sc.Err())
		f.Close()
	}
	return out
}

func mentionsOf(s stance.Sentence) []stance.Mention {
	var ms []stance.Mention
	for _, t := range s.Targets {
		ms = append(ms, t.Mentions...)
	}
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Span.Start < ms[j].Span.Start })
	return ms
}

// options returns the document options of case c: its date, if it has one.
func (c *mentionCase) options(t *testing.T) []stance.DocOption {
	if c.Date == "" {
		return nil
	}
	d, err := time.Parse(time.DateOnly, c.Date)
	require.NoError(t, err, "%s:%d", c.file, c.line)
	return []stance.DocOption{stance.OnDate(d)}
}

// TestMentionsGolden checks every hand-written mention case: the full list
// of mentions, in order, with target, text and kind.
func TestMentionsGolden(t *testing.T) {
	a := newTestAnalyzer(t)
	cases := readJSONL(t, "testdata/mentions/*.jsonl", func(c *mentionCase, f string, n int) { c.file, c.line = f, n })
	var failed, traps, trapFailed int
	for _, c := range cases {
		opts := c.options(t)
		s := a.AnalyzeSentence(c.Text, 0, opts...)
		var got, want []string
		for _, m := range mentionsOf(s) {
			got = append(got, fmt.Sprintf("%s %q %s", m.Target, m.Text, m.Kind))
		}
		for _, w := range c.Want {
			want = append(want, fmt.Sprintf("%s %q %s", w.Target, w.Text, w.Kind))
		}
		isTrap := contains(c.Tags, "trap")
		if isTrap {
			traps++
		}
		if strings.Join(got, "; ") != strings.Join(want, "; ") {
			failed++
			if isTrap {
				trapFailed++
			}
			t.Errorf("%s:%d %s\n  text: %s\n  got:  %s\n  want: %s", c.file, c.line, c.Name, c.Text,
				strings.Join(got, "; "), strings.Join(want, "; "))
		}
	}
	t.Logf("mention cases: %d (traps %d); failed %d (traps %d)", len(cases), traps, failed, trapFailed)
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// TestMentionerAgrees checks that a Mentioner, its buffers reused from
// sentence to sentence, finds what Analyzer.Mentions finds, with and
// without a date and a restriction to some targets.
func TestMentionerAgrees(t *testing.T) {
	cases := readJSONL(t, "testdata/mentions/*.jsonl", func(c *mentionCase, f string, n int) { c.file, c.line = f, n })
	only, err := stance.New(stance.OnlyTargets("CHN", "USA", "GEO"))
	require.NoError(t, err)
	for _, a := range []*stance.Analyzer{newTestAnalyzer(t), only} {
		mr := a.Mentioner()
		var ms []stance.Mention
		for _, c := range cases {
			opts := c.options(t)
			ms = mr.AppendMentions(ms[:0], c.Text, 7, opts...)
			want := a.Mentions(c.Text, 7, opts...)
			if len(want) == 0 {
				assert.Empty(t, ms, "%s:%d", c.file, c.line)
				continue
			}
			assert.Equal(t, want, ms, "%s:%d", c.file, c.line)
		}
	}
}
