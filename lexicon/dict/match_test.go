package dict

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
)

func mustReadString(t testing.TB, src, file string) *Dictionary {
	t.Helper()
	d, err := Read(strings.NewReader(src), file, Auto)
	if err != nil {
		t.Fatalf("Read(%s): %v", file, err)
	}
	return d
}

// matches renders every match as "start-end:pattern".
func matches(m *Matcher, text string) string {
	var out []string
	m.Match(strings.Fields(text), func(start, end int, e *Entry) {
		out = append(out, fmt.Sprintf("%d-%d:%s", start, end, e.Pattern))
	})
	return strings.Join(out, " ")
}

// counts renders Count over [from, to) as "cat=n/sum" in category order.
func counts(m *Matcher, text string, from, to int) string {
	var c Counts
	m.Count(strings.Fields(text), from, to, &c)
	var out []string
	c.Each(func(cat string, n int, sum float64) {
		out = append(out, fmt.Sprintf("%s=%d/%g", cat, n, sum))
	})
	return strings.Join(out, " ")
}

const matchDict = `pattern	category	weight
hand	body
in	function
hand in hand	coop	2
hand in glove	coop	3
accus*	blame
accuse	blame.exact
accusation*	blame.noun
betray*	blame
did n't help	blame
didn't deliver	blame
signing accord*	coop
signed accord*	coop.signed
reliable	positive
not reliable	neg_positive
not reliable	neg_positive.extra
trade war	hostility
war	hostility
`

func TestMatch(t *testing.T) {
	m := mustReadString(t, strings.Replace(matchDict, "pattern", "#pattern", 1), "m.tsv").Compile()
	tests := []struct {
		name, text, want string
	}{
		{"longest match wins", "hand in hand in", "0-3:hand in hand 3-4:in"},
		{"shorter phrase when longer fails", "hand in glove hand in", "0-3:hand in glove 3-4:hand 4-5:in"},
		{"no overlap, left to right", "hand hand in hand", "0-1:hand 1-4:hand in hand"},
		{"exact beats wildcard", "accuse accused", "0-1:accuse 1-2:accus*"},
		{"longer prefix beats shorter", "accusations", "0-1:accusation*"},
		{"wildcard matches its bare prefix", "accus betray", "0-1:accus* 1-2:betray*"},
		{"pattern written as tokens", "they did n't help", "1-4:did n't help"},
		{"contraction split in pattern", "did n't deliver", "0-3:didn't deliver"},
		{"wildcard last word of phrase", "signed accords", "0-2:signed accord*"},
		{"negated phrase hides plain entry", "not reliable partner", "0-2:not reliable"},
		{"plain entry alone", "a reliable partner", "1-2:reliable"},
		{"multiword then single", "trade war war", "0-2:trade war 2-3:war"},
		{"phrase cut short at end", "hand in", "0-1:hand 1-2:in"},
		{"nothing", "peace talks", ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := matches(m, tt.text); got != tt.want {
				t.Errorf("Match(%q) = %q; want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestCount(t *testing.T) {
	m := mustReadString(t, matchDict[strings.IndexByte(matchDict, '\n')+1:], "m.tsv").Compile()
	tests := []struct {
		name     string
		text     string
		from, to int
		want     string
	}{
		{"multiword counts once with its weight", "hand in hand", 0, 3, "coop=1/2"},
		{"negated entry not double counted", "not reliable", 0, 2, "neg_positive=1/1 neg_positive.extra=1/1"},
		{"plain entry counts", "very reliable", 0, 2, "positive=1/1"},
		{"window excludes match straddling its start", "not reliable ally", 1, 3, ""},
		{"window excludes match straddling its end", "the trade war", 0, 2, ""},
		{"window keeps whole matches", "war and hand in hand", 0, 5, "body=0/0 coop=1/2 hostility=1/1"},
		{"window [from,to) half-open", "war war war", 1, 2, "hostility=1/1"},
		{"clamped bounds", "war war", -5, 99, "hostility=2/2"},
		{"empty window", "war", 1, 1, ""},
		{"inverted window", "war war", 2, 1, ""},
		{"several categories per entry", "signed accords", 0, 2, "coop.signed=1/1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := counts(m, tt.text, tt.from, tt.to)
			want := strings.ReplaceAll(tt.want, "body=0/0 ", "") // Each skips zero counts
			if got != want {
				t.Errorf("Count(%q, %d, %d) = %q; want %q", tt.text, tt.from, tt.to, got, want)
			}
		})
	}
}

func TestCountsReuse(t *testing.T) {
	m := mustReadString(t, "war\thostility\t2\nally\tcoop\n", "m.tsv").Compile()
	toks := strings.Fields("war ally war")
	var c Counts
	if n, sum := c.Get("hostility"); n != 0 || sum != 0 {
		t.Errorf("zero Counts.Get = %d, %g; want 0, 0", n, sum)
	}
	m.Count(toks, 0, 3, &c)
	m.Count(toks, 0, 1, &c) // Count adds
	if n, sum := c.Get("hostility"); n != 3 || sum != 6 {
		t.Errorf("Get(hostility) = %d, %g; want 3, 6", n, sum)
	}
	c.Reset()
	if n, _ := c.Get("hostility"); n != 0 {
		t.Errorf("after Reset Get(hostility) = %d; want 0", n)
	}
	allocs := testing.AllocsPerRun(100, func() {
		c.Reset()
		m.Count(toks, 0, len(toks), &c)
	})
	if allocs != 0 {
		t.Errorf("Count allocates %v times per run; want 0", allocs)
	}

	// A Counts moved to another matcher starts over at that matcher's size.
	other := mustReadString(t, "a\tx\nb\ty\nc\tz\n", "o.tsv").Compile()
	other.Count([]string{"c"}, 0, 1, &c)
	if got := fmt.Sprint(c.n); got != "[0 0 1]" {
		t.Errorf("counts after switching matcher = %s; want [0 0 1]", got)
	}
}

func TestWords(t *testing.T) {
	tests := []struct {
		in       string
		words    []string
		wildcard bool
		pattern  string
	}{
		{"Didn't  Help", []string{"did", "n't", "help"}, false, "didn't help"},
		{"won\u2019t", []string{"wo", "n't"}, false, "won't"},
		{"ABANDON*", []string{"abandon"}, true, "abandon*"},
		{"well-known", []string{"well-known"}, false, "well-known"},
		{"n't", []string{"n't"}, false, "n't"},
		{":(", []string{":("}, false, ":("},
	}
	for _, tt := range tests {
		p, _, msg := parsePattern(tt.in)
		if msg != "" {
			t.Errorf("parsePattern(%q): %s", tt.in, msg)
			continue
		}
		if !reflect.DeepEqual(p.words, tt.words) || p.wildcard != tt.wildcard || p.text != tt.pattern {
			t.Errorf("parsePattern(%q) = %q %v %q; want %q %v %q", tt.in, p.words, p.wildcard, p.text, tt.words, tt.wildcard, tt.pattern)
		}
	}
}

func TestCompileIsolated(t *testing.T) {
	d := mustReadString(t, "war\thostility\n", "m.tsv")
	m := d.Compile()
	d.Entries[0].Words[0] = "peace"
	d.Categories[0].Name = "changed"
	if got := counts(m, "war", 0, 1); got != "hostility=1/1" {
		t.Errorf("after editing the dictionary Count = %q; want %q", got, "hostility=1/1")
	}
}

func TestMatcherConcurrent(t *testing.T) {
	m := mustReadString(t, matchDict[strings.IndexByte(matchDict, '\n')+1:], "m.tsv").Compile()
	text := "not reliable hand in hand accused signed accords did n't help"
	want := counts(m, text, 0, 100)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 100 {
				if got := counts(m, text, 0, 100); got != want {
					t.Errorf("concurrent Count = %q; want %q", got, want)
					return
				}
			}
		}()
	}
	wg.Wait()
}
