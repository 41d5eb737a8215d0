package demo

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// article mirrors one corpus line. The test decodes with DisallowUnknownFields
// so that a misspelt key fails here rather than silently dropping a field.
type article struct {
	ID      string `json:"id"`
	Date    string `json:"date"`
	Outlet  string `json:"outlet"`
	Country string `json:"country"`
	Author  string `json:"author"`
	Title   string `json:"title"`
	Text    string `json:"text"`

	line int       // 1-based line in corpus.jsonl, for positioned messages
	when time.Time // parsed Date
}

// pos formats a position the way compilers do, so a failing check can be
// jumped to from an editor.
func (a article) pos() string { return fmt.Sprintf("corpus.jsonl:%d", a.line) }

// parseCorpus decodes JSON Lines data named file, checking that every line
// is one object with exactly the article fields, none of them empty, and a
// valid date. It keeps going past bad lines and returns every problem as a
// "file:line: msg" error, joined.
func parseCorpus(file string, data []byte) ([]article, error) {
	var (
		arts []article
		errs []error
	)
	bad := func(line int, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s:%d: %s", file, line, fmt.Sprintf(format, args...)))
	}
	if len(data) == 0 {
		return nil, fmt.Errorf("%s: empty", file)
	}
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("%s: not valid UTF-8", file)
	}
	lines := bytes.Split(bytes.TrimSuffix(data, []byte("\n")), []byte("\n"))
	if data[len(data)-1] != '\n' {
		bad(len(lines), "last line lacks a trailing newline")
	}
	for i, raw := range lines {
		a := article{line: i + 1}
		if len(bytes.TrimSpace(raw)) == 0 {
			bad(a.line, "blank line")
			continue
		}
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&a); err != nil {
			bad(a.line, "%v", err)
			continue
		}
		if dec.More() {
			bad(a.line, "more than one JSON value on the line")
			continue
		}
		ok := true
		for _, f := range []struct{ name, val string }{
			{"id", a.ID}, {"date", a.Date}, {"outlet", a.Outlet}, {"country", a.Country},
			{"author", a.Author}, {"title", a.Title}, {"text", a.Text},
		} {
			switch {
			case strings.TrimSpace(f.val) == "":
				bad(a.line, "missing or empty %q", f.name)
				ok = false
			case f.val != strings.TrimSpace(f.val):
				bad(a.line, "%q has leading or trailing space", f.name)
				ok = false
			}
		}
		if !ok {
			continue
		}
		when, err := time.Parse(time.DateOnly, a.Date)
		if err != nil {
			bad(a.line, "date: %v", err)
			continue
		}
		a.when = when
		arts = append(arts, a)
	}
	return arts, errors.Join(errs...)
}

func TestParseCorpus(t *testing.T) {
	const good = `{"id": "x-2023-001", "date": "2023-01-02", "outlet": "O", "country": "PAK", "author": "A", "title": "T", "text": "X"}`
	tests := []struct {
		name    string
		in      string
		want    int    // articles returned
		wantErr string // substring of the joined error; "" means no error
	}{
		{"good", good + "\n" + good + "\n", 2, ""},
		{"empty", "", 0, "test.jsonl: empty"},
		{"no final newline", good, 1, "test.jsonl:1: last line lacks a trailing newline"},
		{"blank line", good + "\n\n" + good + "\n", 2, "test.jsonl:2: blank line"},
		{"not JSON", "{\n", 0, "test.jsonl:1: unexpected EOF"},
		{"unknown field", strings.Replace(good, `"text"`, `"txt"`, 1) + "\n", 0, `test.jsonl:1: json: unknown field "txt"`},
		{"empty author", strings.Replace(good, `"A"`, `""`, 1) + "\n", 0, `test.jsonl:1: missing or empty "author"`},
		{"padded title", strings.Replace(good, `"T"`, `" T"`, 1) + "\n", 0, `test.jsonl:1: "title" has leading or trailing space`},
		{"bad date", good + "\n" + strings.Replace(good, "2023-01-02", "2023-02-30", 1) + "\n", 1, "test.jsonl:2: date:"},
		{"two values", good + good + "\n", 0, "test.jsonl:1: more than one JSON value"},
		{"invalid UTF-8", "\xff\n", 0, "test.jsonl: not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := parseCorpus("test.jsonl", []byte(tt.in))
			if len(arts) != tt.want {
				t.Errorf("parseCorpus(%q) returned %d articles; want %d", tt.in, len(arts), tt.want)
			}
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("parseCorpus(%q) error = %v; want nil", tt.in, err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Errorf("parseCorpus(%q) error = %v; want one containing %q", tt.in, err, tt.wantErr)
			}
		})
	}
}

func TestCorpusParses(t *testing.T) {
	if _, err := parseCorpus("corpus.jsonl", Corpus()); err != nil {
		t.Error(err)
	}
}

// loadCorpus returns the embedded articles. Parse problems are reported once,
// by TestCorpusParses; the other tests just stop.
func loadCorpus(t *testing.T) []article {
	t.Helper()
	arts, err := parseCorpus("corpus.jsonl", Corpus())
	if err != nil {
		t.Fatal("corpus.jsonl does not parse; see TestCorpusParses")
	}
	return arts
}

func TestCorpusIDs(t *testing.T) {
	// ids read outlet-year-sequence, e.g. "ravi-2023-001"; the year must
	// agree with the date so an id alone says roughly when the piece ran.
	idRE := regexp.MustCompile(`^([a-z]+)-(\d{4})-(\d{3})$`)
	seen := map[string]int{}
	prefixOf := map[string]string{} // outlet -> id prefix
	for _, a := range loadCorpus(t) {
		if first, ok := seen[a.ID]; ok {
			t.Errorf("%s: duplicate id %q (first at line %d)", a.pos(), a.ID, first)
		}
		seen[a.ID] = a.line
		m := idRE.FindStringSubmatch(a.ID)
		if m == nil {
			t.Errorf("%s: id %q does not match %s", a.pos(), a.ID, idRE)
			continue
		}
		if m[2] != strconv.Itoa(a.when.Year()) {
			t.Errorf("%s: id %q has year %s; date is %s", a.pos(), a.ID, m[2], a.Date)
		}
		if p, ok := prefixOf[a.Outlet]; ok && p != m[1] {
			t.Errorf("%s: id prefix %q for %q; earlier ids use %q", a.pos(), m[1], a.Outlet, p)
		}
		prefixOf[a.Outlet] = m[1]
	}
}

func TestCorpusDates(t *testing.T) {
	first := time.Date(2023, time.January, 1, 0, 0, 0, 0, time.UTC)
	last := time.Date(2024, time.December, 31, 0, 0, 0, 0, time.UTC)
	var prev article
	for i, a := range loadCorpus(t) {
		if a.when.Before(first) || a.when.After(last) {
			t.Errorf("%s: date %s outside 2023-01-01..2024-12-31", a.pos(), a.Date)
		}
		if i > 0 && a.when.Before(prev.when) {
			t.Errorf("%s: date %s before %s at line %d; keep the corpus sorted by date",
				a.pos(), a.Date, prev.Date, prev.line)
		}
		prev = a
	}
}

func TestCorpusOutlets(t *testing.T) {
	countryRE := regexp.MustCompile(`^[A-Z]{3}$`) // ISO 3166-1 alpha-3
	country := map[string]string{}
	for _, a := range loadCorpus(t) {
		if !countryRE.MatchString(a.Country) {
			t.Errorf("%s: country %q is not an ISO 3166-1 alpha-3 code", a.pos(), a.Country)
		}
		if c, ok := country[a.Outlet]; ok && c != a.Country {
			t.Errorf("%s: outlet %q has country %q; earlier lines say %q", a.pos(), a.Outlet, a.Country, c)
		}
		country[a.Outlet] = a.Country
	}
	if len(country) != 2 {
		t.Errorf("corpus has %d outlets %v; want 2", len(country), country)
	}
}

// halfYear names the half-year an article falls in, e.g. "2024H1": the unit
// in which the demo summary reports change over time.
func halfYear(d time.Time) string {
	h := 1
	if d.Month() > time.June {
		h = 2
	}
	return fmt.Sprintf("%dH%d", d.Year(), h)
}

func TestCorpusCoverage(t *testing.T) {
	const (
		minArticles  = 48
		minHalves    = 4
		minPerHalf   = 10 // enough for a per-half-year mean to be worth showing
		minPerOutlet = 4  // per outlet per half-year, so outlets can be compared in every period
	)
	arts := loadCorpus(t)
	if len(arts) < minArticles {
		t.Errorf("corpus has %d articles; want >= %d", len(arts), minArticles)
	}
	perHalf := map[string]int{}
	perOutlet := map[string]map[string]int{}
	for _, a := range arts {
		h := halfYear(a.when)
		perHalf[h]++
		if perOutlet[h] == nil {
			perOutlet[h] = map[string]int{}
		}
		perOutlet[h][a.Outlet]++
	}
	if len(perHalf) < minHalves {
		t.Errorf("corpus spans %d half-years; want >= %d", len(perHalf), minHalves)
	}
	for h, n := range perHalf {
		if n < minPerHalf {
			t.Errorf("%s has %d articles; want >= %d", h, n, minPerHalf)
		}
		if len(perOutlet[h]) < 2 {
			t.Errorf("%s has articles from %d outlet(s); want both", h, len(perOutlet[h]))
		}
		for o, n := range perOutlet[h] {
			if n < minPerOutlet {
				t.Errorf("%s has %d articles from %q; want >= %d", h, n, o, minPerOutlet)
			}
		}
	}
}

func TestCorpusMentions(t *testing.T) {
	// Every article must be about Pakistan and at least one of the two powers
	// the demo tracks; plain substrings are enough because the corpus is
	// written to name them outright.
	tests := []struct {
		name  string
		anyOf []string
	}{
		{"Pakistan", []string{"Pakistan"}},
		{"China or the United States", []string{
			"China", "Chinese", "Beijing", "Sino-",
			"United States", "U.S.", "Washington", "American", "Pentagon",
		}},
	}
	arts := loadCorpus(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, a := range arts {
				s := a.Title + "\n" + a.Text
				found := false
				for _, w := range tt.anyOf {
					if strings.Contains(s, w) {
						found = true
						break
					}
				}
				if !found {
					t.Errorf("%s: %s does not mention any of %q", a.pos(), a.ID, tt.anyOf)
				}
			}
		})
	}
}

// datelineRE matches the wire-style opening "CITY, Mon. D — " using AP month
// abbreviations.
var datelineRE = regexp.MustCompile(`^[A-Z][A-Z .'-]*[A-Z], (Jan\.|Feb\.|March|April|May|June|July|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.) (\d{1,2}) — \S`)

var apMonth = map[string]time.Month{
	"Jan.": time.January, "Feb.": time.February, "March": time.March, "April": time.April,
	"May": time.May, "June": time.June, "July": time.July, "Aug.": time.August,
	"Sept.": time.September, "Oct.": time.October, "Nov.": time.November, "Dec.": time.December,
}

func TestCorpusDatelines(t *testing.T) {
	for _, a := range loadCorpus(t) {
		m := datelineRE.FindStringSubmatch(a.Text)
		if m == nil {
			t.Errorf("%s: text does not open with a dateline like \"ISLAMABAD, Jan. 9 — \"", a.pos())
			continue
		}
		day, _ := strconv.Atoi(m[2]) // \d{1,2} always converts
		if apMonth[m[1]] != a.when.Month() || day != a.when.Day() {
			t.Errorf("%s: dateline says %s %s; date is %s", a.pos(), m[1], m[2], a.Date)
		}
	}
}

// abbreviations are the period-bearing abbreviations the corpus uses
// mid-sentence; countSentences hides their periods so they do not end a
// sentence.
var abbreviations = []string{"U.S.", "Gen.", "No.", "Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."}

// countSentences is a rough sentence counter, good enough to keep articles
// within the brief's length: it counts '.', '?' and '!' that are followed,
// possibly after a closing quote, by whitespace or the end of the text.
func countSentences(s string) int {
	for _, abbr := range abbreviations {
		s = strings.ReplaceAll(s, abbr, strings.ReplaceAll(abbr, ".", "_"))
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '.' && s[i] != '?' && s[i] != '!' {
			continue
		}
		j := i + 1
		for j < len(s) && (s[j] == '"' || s[j] == ')') {
			j++
		}
		if j == len(s) || s[j] == ' ' || s[j] == '\n' {
			n++
			i = j - 1
		}
	}
	return n
}

func TestCountSentences(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"One. Two.", 2},
		{`He said "yes." Then left.`, 2},
		{"The U.S. and Gen. Khan met on Jan. 9 in No. 3 Street.", 1},
		{"It cost $1.2 billion. Really?", 2},
		{"First.\n\nSecond!", 2},
	}
	for _, tt := range tests {
		if got := countSentences(tt.in); got != tt.want {
			t.Errorf("countSentences(%q) = %d; want %d", tt.in, got, tt.want)
		}
	}
}

func TestCorpusShape(t *testing.T) {
	const minSentences, maxSentences = 4, 9
	for _, a := range loadCorpus(t) {
		if strings.ContainsAny(a.Text, "\r\t") {
			t.Errorf("%s: text contains a carriage return or tab", a.pos())
		}
		for i, p := range strings.Split(a.Text, "\n\n") {
			if p == "" || p != strings.TrimSpace(p) || strings.Contains(p, "\n") {
				t.Errorf("%s: paragraph %d is empty, padded or broken by a single newline", a.pos(), i+1)
			}
		}
		if n := countSentences(a.Text); n < minSentences || n > maxSentences {
			t.Errorf("%s: %s has about %d sentences; want %d-%d", a.pos(), a.ID, n, minSentences, maxSentences)
		}
		if strings.Contains(a.Title, "\n") {
			t.Errorf("%s: title spans several lines", a.pos())
		}
	}
}

func TestCorpusIsShared(t *testing.T) {
	// Corpus hands out the embedded bytes without copying; this pins that
	// contract so a change to copying (or to a fresh slice) is deliberate.
	a, b := Corpus(), Corpus()
	if len(a) == 0 || &a[0] != &b[0] {
		t.Error("Corpus() returned distinct or empty slices; want the shared embedded bytes")
	}
}
