package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/geostance/geostance/internal/demo"
	"github.com/geostance/geostance/internal/segment"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// dictSentence exercises clause scope, -window and weights with
// testdata/dict/mini.tsv: "army" (security), "loan*" (debt, weight 0.5)
// and "debt trap" (debt). The semicolon puts China and India in separate
// clauses.
const dictSentence = "China sent troops and loans to the army; India signed a trade deal and denounced the debt trap."

func TestDictCLI(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
		return p
	}
	td := func(name string) string { return filepath.Join("testdata", "dict", name) }
	// Same base name as mini.tsv in another directory: the category keys
	// would collide.
	clash := write("mini.yml", "security:\n  - troops\n")
	empty := write("empty.tsv", "# nothing here\n")
	noExt := write("dictionary", "army\tsecurity\n")
	doc := `{"id":"d1","text":"` + dictSentence + `"}` + "\n"

	cases := []cliCase{
		{name: "score dict", args: []string{"score", "-dict", td("mini.tsv"), "-in", "jsonl", "-"}, stdin: doc,
			stdout: []string{`"target":"CHN"`, `"categories":{"mini.debt":{"n":1,"sum":0.5},"mini.security":{"n":1,"sum":1}}`,
				`"categories":{"mini.debt":{"n":1,"sum":1}}`}},
		{name: "score two dicts", args: []string{"score", "-dict", td("mini.tsv"), "-dict", td("tone.lc3"), "-in", "jsonl", "-"},
			stdin: `{"id":"d2","text":"Pakistan called China reliable and the US not reliable; India was hostile."}` + "\n",
			stdout: []string{`"target":"CHN"`, `"categories":{"tone.positive":{"n":1,"sum":1},"tone.neg_positive":{"n":1,"sum":1}}`,
				`"categories":{"tone.negative":{"n":1,"sum":1}}`}},
		{name: "score window", args: []string{"score", "-dict", td("mini.tsv"), "-window", "2", "-out", "csv", "-in", "jsonl", "-"}, stdin: doc,
			stdout: []string{",meta,reasons,categories\n", "China@0-5,", ",,\n", "mini.security=1/1\n"}},
		{name: "score sentences", args: []string{"score", "-dict", td("mini.tsv"), "-sentences", "-only", "PAK", "-in", "jsonl", "-"}, stdin: doc,
			stdout: []string{`"target":null`, `"categories":{"mini.debt":{"n":2,"sum":1.5},"mini.security":{"n":1,"sum":1}}`}},
		{name: "score no match", args: []string{"score", "-dict", td("mini.tsv"), "-in", "text", "-"}, stdin: "China helped Pakistan.",
			stdout: []string{`"categories":{}`}},
		{name: "score csv without dict has no column", args: []string{"score", "-out", "csv", "-in", "jsonl", "-"}, stdin: doc,
			stdout: []string{",evidence,meta,reasons\n"}},
		{name: "score dict format", args: []string{"score", "-dict", noExt, "-dict-format", "tsv", "-in", "text", "-"}, stdin: dictSentence,
			stdout: []string{`"dictionary.security":{"n":1,"sum":1}`}},
		{name: "score dict no extension", args: []string{"score", "-dict", noExt, "-in", "text", "-"}, stdin: dictSentence,
			code: 1, stderr: []string{"cannot tell the format"}},
		{name: "score bad dict", args: []string{"score", "-dict", td("bad.dic"), "-in", "text", "-"}, stdin: dictSentence,
			code: 1, stderr: []string{"3 problems in dictionary", "bad.dic:5:6: unknown category id 7", "\ntestdata/dict/bad.dic:6:1: duplicate entry \"army\" (first at line 4)"}},
		{name: "score bad yaml", args: []string{"score", "-dict", td("bad.yml"), "-in", "text", "-"}, stdin: dictSentence,
			code: 1, stderr: []string{"bad.yml:4:18: unterminated quoted string"}},
		{name: "score empty dict", args: []string{"score", "-dict", empty, "-in", "text", "-"}, stdin: dictSentence,
			code: 1, stderr: []string{"no entries"}},
		{name: "score missing dict", args: []string{"score", "-dict", filepath.Join(dir, "nope.dic"), "-in", "text", "-"}, stdin: dictSentence,
			code: 1, stderr: []string{"no such file"}},
		{name: "score dict name clash", args: []string{"score", "-dict", td("mini.tsv"), "-dict", clash, "-in", "text", "-"}, stdin: dictSentence,
			code: 2, stderr: []string{`share the name "mini"`}},
		{name: "score bad dict format", args: []string{"score", "-dict", td("mini.tsv"), "-dict-format", "excel", "-"},
			code: 2, stderr: []string{"-dict-format", `unknown format "excel"`}},
		{name: "score negative window", args: []string{"score", "-dict", td("mini.tsv"), "-window", "-1", "-"},
			code: 2, stderr: []string{"-window must be 0 or more"}},
		{name: "score window without dict", args: []string{"score", "-window", "3", "-"},
			code: 2, stderr: []string{"give a -dict file"}},
		{name: "score dict parquet", args: []string{"score", "-dict", td("mini.tsv"), "-out", "parquet", "-"},
			code: 2, stderr: []string{"not parquet"}},
		{name: "score help", args: []string{"score", "-h"}, stdout: []string{"-dict FILE", "-window", "-dict-format", `"categories"`, "summarize -category"}},

		{name: "lexicon no subcommand", args: []string{"lexicon"}, code: 2, stderr: []string{"want a subcommand"}},
		{name: "lexicon unknown subcommand", args: []string{"lexicon", "lint"}, code: 2, stderr: []string{`unknown subcommand "lint"`}},
		{name: "lexicon help", args: []string{"lexicon", "-h"}, stdout: []string{"geostance lexicon check", "Exit codes", "Examples:"}},
		{name: "lexicon check help", args: []string{"lexicon", "check", "-h"}, stdout: []string{"-format"}},
		{name: "lexicon check ok", args: []string{"lexicon", "check", td("mini.dic"), td("mini.tsv"), td("tone.lc3"), "../../examples/dictionary/ir.yml"},
			stdout: []string{"mini.dic: ok (liwc dictionary, 3 entries in 2 categories)", "mini.tsv: ok (tsv dictionary, 3 entries in 2 categories)",
				"tone.lc3: ok (lexicoder dictionary, 6 entries in 3 categories)", "ir.yml: ok (yaml dictionary"}},
		{name: "lexicon check problems", args: []string{"lexicon", "check", td("bad.dic"), td("mini.tsv"), td("bad.yml"), td("bad-lexicon.tsv"), td("bad-targets.tsv")},
			code: 1,
			stdout: []string{
				"testdata/dict/bad.dic:5:6: unknown category id 7 (not in the % legend)\n",
				"testdata/dict/bad.dic:6:1: duplicate entry \"army\" (first at line 4)\n",
				"testdata/dict/bad.dic:7:5: wildcard * is only supported at the end of the last word\n",
				"mini.tsv: ok",
				"testdata/dict/bad.yml:4:18: unterminated quoted string\n",
				"testdata/dict/bad-lexicon.tsv:2:17: weight 9 out of range [-4, 4] for class affect\n",
				"testdata/dict/bad-lexicon.tsv:3:9: unknown class \"affectt\"",
				"testdata/dict/bad-targets.tsv:2:1: unknown id \"XYZ\"\n",
			},
			stderr: []string{"7 problem(s) in 4 of 5 file(s)"}},
		{name: "lexicon check forced format", args: []string{"lexicon", "check", "-format", "lexicon", td("mini.tsv")},
			code: 1, stdout: []string{"testdata/dict/mini.tsv:2:7: unknown class \"debt\"", "mini.tsv:3:1: want at least 3 tab-separated fields"}},
		{name: "lexicon check gazetteer extends built-in", args: []string{"lexicon", "check", "../../examples/custom-targets/targets.tsv"},
			stdout: []string{"targets.tsv: ok (gazetteer"}},
		{name: "lexicon check missing", args: []string{"lexicon", "check", filepath.Join(dir, "nope.yml")}, code: 1, stdout: []string{"no such file"}},
		{name: "lexicon check no files", args: []string{"lexicon", "check"}, code: 2, stderr: []string{"at least one FILE"}},
		{name: "lexicon check bad format", args: []string{"lexicon", "check", "-format", "xls", td("mini.tsv")}, code: 2, stderr: []string{"-format must be"}},
		{name: "lexicon convert liwc", args: []string{"lexicon", "convert", td("mini.dic")}, golden: "dict/convert-mini-dic"},
		{name: "lexicon convert lexicoder", args: []string{"lexicon", "convert", td("tone.lc3")}, stdout: []string{"not reliable\tneg_positive\t1\n"}},
		{name: "lexicon convert gazetteer", args: []string{"lexicon", "convert", "../../examples/custom-targets/targets.tsv"},
			stdout: []string{"ORLEK\tperson\tSunniva Orlek\nORLEK\tname\tSunniva Orlek\n"}},
		{name: "lexicon convert bad", args: []string{"lexicon", "convert", td("bad.dic")}, code: 1,
			stderr: []string{"bad.dic:5:6:", "not converted"}},
		{name: "lexicon convert two files", args: []string{"lexicon", "convert", td("mini.dic"), td("mini.tsv")}, code: 2, stderr: []string{"one FILE"}},
		{name: "lexicon list", args: []string{"lexicon", "list"},
			stdout: []string{"NAME", "affect", "relation", "modifiers", "gazetteer", dataVersion, "MIT", "Goldstein"}},
		{name: "lexicon list jsonl", args: []string{"lexicon", "list", "-out", "jsonl"},
			stdout: []string{`{"name":"affect","version":"` + dataVersion + `"`, `"licence":"MIT"`, `"sources":{`}},
		{name: "lexicon list bad out", args: []string{"lexicon", "list", "-out", "xml"}, code: 2, stderr: []string{"-out must be"}},
		{name: "lexicon list args", args: []string{"lexicon", "list", "x"}, code: 2, stderr: []string{"no arguments"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { runCase(t, c) })
	}
}

// TestDictCategories checks the categories field of every record of a
// small input, in each scope.
func TestDictCategories(t *testing.T) {
	type counts map[string]struct {
		N   int     `json:"n"`
		Sum float64 `json:"sum"`
	}
	tests := []struct {
		name string
		args []string
		text string
		want map[string]counts // target ("" for the sentence record) → categories
	}{
		{
			name: "clauses",
			args: []string{"-sentences"},
			text: dictSentence,
			want: map[string]counts{
				"":    {"mini.debt": {2, 1.5}, "mini.security": {1, 1}},
				"CHN": {"mini.debt": {1, 0.5}, "mini.security": {1, 1}},
				"IND": {"mini.debt": {1, 1}},
			},
		},
		{
			name: "window 2",
			args: []string{"-window", "2"},
			text: dictSentence,
			want: map[string]counts{"CHN": {}, "IND": {"mini.security": {1, 1}}},
		},
		{
			// "loans to the army" lies in both windows; each counts it once.
			name: "overlapping windows",
			args: []string{"-window", "30"},
			text: dictSentence,
			want: map[string]counts{
				"CHN": {"mini.debt": {2, 1.5}, "mini.security": {1, 1}},
				"IND": {"mini.debt": {2, 1.5}, "mini.security": {1, 1}},
			},
		},
		{
			// The window ends inside "debt trap": a phrase across the edge
			// counts for neither side, and the inner "debt" is no entry.
			name: "phrase across the window edge",
			args: []string{"-window", "1"},
			text: "Pakistan fears the debt trap India describes.",
			want: map[string]counts{"PAK": {}, "IND": {}},
		},
		{
			name: "negated phrase hides the plain entry",
			args: []string{"-dict", filepath.Join("testdata", "dict", "tone.lc3")},
			text: "Analysts called China not reliable.",
			want: map[string]counts{"CHN": {"tone.neg_positive": {1, 1}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := []string{"score", "-in", "text"}
			if !strings.Contains(strings.Join(tt.args, " "), "-dict ") {
				args = append(args, "-dict", filepath.Join("testdata", "dict", "mini.tsv"))
			}
			args = append(append(args, tt.args...), "-")
			var out, errb bytes.Buffer
			code := run(context.Background(), args, strings.NewReader(tt.text), &out, &errb)
			require.Equal(t, 0, code, "stderr: %s", errb.String())
			got := map[string]counts{}
			sc := bufio.NewScanner(&out)
			for sc.Scan() {
				var rec struct {
					Target     *string `json:"target"`
					Categories counts  `json:"categories"`
				}
				require.NoError(t, json.Unmarshal(sc.Bytes(), &rec), sc.Text())
				require.NotNil(t, rec.Categories, "record without categories: %s", sc.Text())
				key := ""
				if rec.Target != nil {
					key = *rec.Target
				}
				got[key] = rec.Categories
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestSummarizeCategory(t *testing.T) {
	rec := func(doc, target string, cats string) string {
		return fmt.Sprintf(`{"id":%q,"sentence":0,"target":%q,"score":0.1,"label":"neutral","categories":{%s}}`+"\n", doc, target, cats)
	}
	in := rec("a", "CHN", `"ir.security":{"n":2,"sum":2},"ir.debt":{"n":1,"sum":1}`) +
		rec("b", "CHN", ``) +
		rec("c", "CHN", `"ir.debt":{"n":3,"sum":3}`) +
		rec("d", "CHN", `"ir.security":{"n":1,"sum":1}`)
	cases := []cliCase{
		// Presence: 2 of 4 records mention security.
		{name: "presence", args: []string{"summarize", "-category", "ir.security", "-"}, stdin: in,
			stdout: []string{`"target":"CHN"`, `"n_sentences":4`, `"mean":0.5,`, `"pos_share":0.5,`}},
		// Balance security vs debt: +1/3, 0, -1, +1 → mean 1/12.
		{name: "balance", args: []string{"summarize", "-category", "ir.security,ir.debt", "-"}, stdin: in,
			stdout: []string{`"mean":0.08333`}},
		{name: "no categories", args: []string{"summarize", "-category", "ir.security", "-"},
			stdin: `{"id":"a","sentence":0,"target":"CHN","score":0.1,"label":"neutral"}` + "\n",
			code:  1, stderr: []string{"<stdin>:1:", "score the corpus with -dict"}},
		{name: "bad spec", args: []string{"summarize", "-category", "a,b,c", "-"}, code: 2, stderr: []string{"DICT.CAT"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { runCase(t, c) })
	}
}

// TestDictConcurrent scores with several workers under -race: the
// dictionaries are shared and the scratch is per worker.
func TestDictConcurrent(t *testing.T) {
	corpus := filepath.Join(t.TempDir(), "corpus.jsonl")
	require.NoError(t, os.WriteFile(corpus, demo.Corpus(), 0o644))
	ir := filepath.Join("..", "..", "examples", "dictionary", "ir.yml")
	var one, many bytes.Buffer
	require.Equal(t, 0, run(context.Background(), []string{"score", "-quiet", "-workers", "1", "-dict", ir, corpus}, nil, &one, io.Discard))
	require.Equal(t, 0, run(context.Background(), []string{"score", "-quiet", "-workers", "8", "-dict", ir, corpus}, nil, &many, io.Discard))
	assert.Equal(t, one.String(), many.String())
	assert.Contains(t, one.String(), `"ir.security":{"n":`)
}

// writeBigDict writes a LIWC dictionary of n entries in 20 categories:
// the words of the demo corpus (so that scoring finds matches), then
// made-up words, every seventh a wildcard and every eleventh a phrase.
func writeBigDict(tb testing.TB, n int) string {
	tb.Helper()
	var b strings.Builder
	b.WriteString("%\n")
	for c := 1; c <= 20; c++ {
		fmt.Fprintf(&b, "%d\tcat%02d\n", c, c)
	}
	b.WriteString("%\n")
	seen := map[string]bool{}
	var tok segment.Tokenizer
	k := 0
	for line := range strings.SplitSeq(string(demo.Corpus()), "\n") {
		for _, t := range tok.Tokenize(line) {
			if t.Kind != segment.Word || seen[t.Fold] || k >= n {
				continue
			}
			seen[t.Fold] = true
			fmt.Fprintf(&b, "%s\t%d\n", t.Fold, k%20+1)
			k++
		}
	}
	const letters = "abcdefghijklmnopqrstuvwxyz"
	word := func(i int) string {
		w := []byte{'q'} // no English word starts "qz", so no clash with the corpus words
		w = append(w, 'z')
		for ; i > 0; i /= 26 {
			w = append(w, letters[i%26])
		}
		return string(w)
	}
	for i := 0; k < n; i++ {
		switch {
		case i%11 == 0:
			fmt.Fprintf(&b, "%s %s\t%d\n", word(i), word(i+1), k%20+1)
		case i%7 == 0:
			fmt.Fprintf(&b, "%s*\t%d\t%d\n", word(i), k%20+1, (k+3)%20+1)
		default:
			fmt.Fprintf(&b, "%s\t%d\n", word(i), k%20+1)
		}
		k++
	}
	path := filepath.Join(tb.TempDir(), "big.dic")
	require.NoError(tb, os.WriteFile(path, []byte(b.String()), 0o644))
	return path
}

// TestBigDictLoads checks that a 100,000-entry dictionary loads without
// problems; BenchmarkDictLoad measures how fast.
func TestBigDictLoads(t *testing.T) {
	path := writeBigDict(t, 100_000)
	o := dictOptions{files: []string{path}, format: "auto"}
	start := time.Now()
	ds, err := o.load("jsonl")
	require.NoError(t, err)
	t.Logf("loaded 100,000 entries in %v", time.Since(start))
	require.Len(t, ds.names, 20)
}

func BenchmarkDictLoad(b *testing.B) {
	path := writeBigDict(b, 100_000)
	o := dictOptions{files: []string{path}, format: "auto"}
	for b.Loop() {
		if _, err := o.load("jsonl"); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(100_000*float64(b.N)/b.Elapsed().Seconds(), "entries/s")
}

// benchScore runs score over the demo corpus, repeated copies times, with
// one worker. Loading a large dictionary costs the same whatever the corpus,
// so the repeated corpus shows the cost per sentence of counting.
func benchScore(b *testing.B, copies int, extra ...string) {
	src := bytes.Repeat(demo.Corpus(), copies)
	corpus := filepath.Join(b.TempDir(), "corpus.jsonl")
	require.NoError(b, os.WriteFile(corpus, src, 0o644))
	args := append(append([]string{"score", "-workers", "1", "-quiet"}, extra...), corpus)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if code := run(context.Background(), args, nil, io.Discard, io.Discard); code != 0 {
			b.Fatalf("exit code %d", code)
		}
	}
}

func BenchmarkScore(b *testing.B) {
	b.Run("demo", func(b *testing.B) { benchScore(b, 1) })
	b.Run("demo×40", func(b *testing.B) { benchScore(b, 40) })
	b.Run("builtin/demo×40", func(b *testing.B) { benchScore(b, 40, "-model", "builtin") })
}

func BenchmarkScoreWithDict(b *testing.B) {
	ir := filepath.Join("..", "..", "examples", "dictionary", "ir.yml")
	big := writeBigDict(b, 100_000)
	b.Run("ir.yml/demo", func(b *testing.B) { benchScore(b, 1, "-dict", ir) })
	b.Run("100k/demo", func(b *testing.B) { benchScore(b, 1, "-dict", big) })
	b.Run("ir.yml/demo×40", func(b *testing.B) { benchScore(b, 40, "-dict", ir) })
	b.Run("100k/demo×40", func(b *testing.B) { benchScore(b, 40, "-dict", big) })
}
