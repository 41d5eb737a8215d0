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
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/geostance/geostance/lexicon"
	"github.com/geostance/geostance/lexicon/dict"
)

// dataVersion is the version of the built-in lexicons and gazetteer. It
// changes when their entries or weights change, so that a study can cite
// the data it was scored with independently of the code.
const dataVersion = "2026.11"

// dataLicence is the licence of the built-in data, the project's own.
const dataLicence = "MIT"

var lexiconCommand = &command{
	name:    "lexicon",
	summary: "check, convert and list lexicons, gazetteers and coding dictionaries",
	usage: `Usage: geostance lexicon check [-format F] FILE...
       geostance lexicon convert [-format F] FILE
       geostance lexicon list [-out table|jsonl]

check reads each file and prints every problem at once, one per line, as
FILE:LINE:COL: message (FILE:LINE: message when the whole line is at
fault), or "FILE: ok" with the number of entries. It exits 1 if any file
has a problem.

convert writes a file in its canonical TSV form on stdout: a coding
dictionary as pattern<TAB>category[<TAB>weight] lines (the form score
-dict reads as .tsv), a lexicon or gazetteer in the sorted form of the
built-in files. A gazetteer that adds aliases to built-in states is
written without the built-in records.

list shows the built-in lexicons and the gazetteer with their data
version, size, provenance and licence.

Formats (-format, default auto):
  liwc, lexicoder, yaml, wordstat, yoshikoder, tsv   coding dictionaries
                                                     (.dic .lc3 .yml .cat .ykd .tsv)
  lexicon     a geostance lexicon: term<TAB>class<TAB>weight (as -lexicon)
  gazetteer   a geostance target file: ID<TAB>KIND<TAB>TEXT (as -targets);
              checked against the built-in gazetteer, so it may add
              aliases to built-in states
auto decides by the extension; a .tsv file whose first record has a
lexicon class (affect, relation, ...) in its second column is a lexicon,
one with a gazetteer KIND (state, name, demonym, ...) a gazetteer, and
any other a dictionary.

Exit codes: 0 ok, 1 a file has problems or cannot be read, 2 usage.

Examples:
  geostance lexicon check ir.yml lsd.lc3 mine.tsv
  geostance lexicon check -format lexicon my-lexicon.txt
  geostance lexicon convert LIWC2015.dic > liwc.tsv
  geostance lexicon convert -format gazetteer targets.tsv
  geostance lexicon list
  geostance lexicon list -out jsonl | jq .entries`,
	run: runLexicon,
}

func runLexicon(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return usagef("want a subcommand: check, convert or list")
	}
	switch args[0] {
	case "check":
		return e.lexiconCheck(args[1:])
	case "convert":
		return e.lexiconConvert(args[1:])
	case "list":
		return e.lexiconList(args[1:])
	case "-h", "-help", "--help", "help":
		fs := e.newFlagSet()
		return e.parse(fs, []string{"-h"})
	}
	return usagef("unknown subcommand %q: want check, convert or list", args[0])
}

// fileKind is what a file given to check or convert holds.
type fileKind int

const (
	kindDict fileKind = iota
	kindLexicon
	kindGazetteer
)

// lexiconFormat is a parsed -format flag: a dictionary format (Auto
// included) or one of our own TSV formats.
type lexiconFormat struct {
	kind fileKind
	dict dict.Format
	auto bool
}

func parseLexiconFormat(s string) (lexiconFormat, error) {
	switch strings.ToLower(s) {
	case "lexicon":
		return lexiconFormat{kind: kindLexicon}, nil
	case "gazetteer":
		return lexiconFormat{kind: kindGazetteer}, nil
	case "", "auto":
		return lexiconFormat{auto: true}, nil
	}
	f, err := dict.ParseFormat(s)
	if err != nil {
		return lexiconFormat{}, usagef("-format must be auto, lexicon, gazetteer, liwc, lexicoder, yaml, wordstat, yoshikoder or tsv, not %q", s)
	}
	return lexiconFormat{kind: kindDict, dict: f}, nil
}

// resolve decides the kind of the file name holding data when the format
// is auto: only a .tsv file can be any of the three.
func (f lexiconFormat) resolve(name string, data []byte) lexiconFormat {
	if !f.auto || !strings.EqualFold(filepath.Ext(name), ".tsv") {
		return f
	}
	for line := range strings.SplitSeq(string(data), "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) < 2 {
			break
		}
		if _, err := lexicon.ParseClass(fields[1]); err == nil {
			return lexiconFormat{kind: kindLexicon}
		}
		if gazetteerKinds[fields[1]] {
			return lexiconFormat{kind: kindGazetteer}
		}
		break
	}
	return lexiconFormat{kind: kindDict, dict: dict.TSV}
}

// gazetteerKinds are the KIND words of the gazetteer format, which no
// dictionary category is likely to share in a file's first record.
var gazetteerKinds = map[string]bool{
	"state": true, "observer": true, "territory": true, "org": true, "person": true,
	"party": true, "company": true, "name": true, "demonym": true, "capital": true,
	"institution": true, "combining": true, "place": true, "trap": true,
}

func (f lexiconFormat) String() string {
	switch f.kind {
	case kindLexicon:
		return "lexicon"
	case kindGazetteer:
		return "gazetteer"
	}
	return f.dict.String() + " dictionary"
}

// parsed is a file read by check or convert: exactly one of its values is
// set when it parsed cleanly.
type parsed struct {
	format lexiconFormat
	dict   *dict.Dictionary
	lex    *lexicon.Lexicon
	gaz    *lexicon.Gazetteer
	errs   []error
}

// readLexiconFile reads and parses one file. A file that cannot be read
// is reported as its only problem.
func readLexiconFile(name string, f lexiconFormat) parsed {
	data, err := os.ReadFile(name)
	if err != nil {
		return parsed{format: f, errs: []error{err}}
	}
	f = f.resolve(name, data)
	p := parsed{format: f}
	switch f.kind {
	case kindLexicon:
		p.lex, err = lexicon.Parse(bytes.NewReader(data), name)
		p.errs = flatten(err)
	case kindGazetteer:
		p.gaz, err = lexicon.Countries().Extend(bytes.NewReader(data), name)
		p.errs = flatten(err)
	default:
		p.dict, err = dict.Read(bytes.NewReader(data), name, f.dict)
		p.errs = flatten(err)
		if p.dict != nil {
			p.format.dict = p.dict.Format
		}
	}
	for i, err := range p.errs {
		p.errs[i] = trimPrefixError{err}
	}
	return p
}

// trimPrefixError drops the package prefix of an error whose message
// starts with the file name after it, so that every line check prints
// starts with the file.
type trimPrefixError struct{ error }

func (e trimPrefixError) Error() string {
	msg := e.error.Error()
	for _, p := range []string{"dict: ", "lexicon: "} {
		msg = strings.TrimPrefix(msg, p)
	}
	return msg
}

func (e trimPrefixError) Unwrap() error { return e.error }

// size describes what a parsed file holds, for check's "ok" line.
func (p parsed) size() string {
	switch {
	case p.dict != nil:
		return fmt.Sprintf("%d entries in %d categories", len(p.dict.Entries), len(p.dict.Categories))
	case p.lex != nil:
		return fmt.Sprintf("%d entries", p.lex.Len())
	case p.gaz != nil:
		return fmt.Sprintf("%d entities with the built-in ones", p.gaz.Len())
	}
	return ""
}

func (e *env) lexiconCheck(args []string) error {
	fs := e.newFlagSet()
	format := fs.String("format", "auto", "file format: auto, lexicon, gazetteer, liwc, lexicoder, yaml, wordstat, yoshikoder or tsv")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	f, err := parseLexiconFormat(*format)
	if err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("check wants at least one FILE")
	}
	w := bufio.NewWriter(e.stdout)
	problems, bad := 0, 0
	for _, name := range fs.Args() {
		p := readLexiconFile(name, f)
		if len(p.errs) == 0 {
			fmt.Fprintf(w, "%s: ok (%s, %s)\n", name, p.format, p.size())
			continue
		}
		bad++
		problems += len(p.errs)
		for _, err := range p.errs {
			fmt.Fprintln(w, err)
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if bad > 0 {
		fmt.Fprintf(e.stderr, "geostance lexicon: %d problem(s) in %d of %d file(s)\n", problems, bad, fs.NArg())
		return errReported
	}
	return nil
}

func (e *env) lexiconConvert(args []string) error {
	fs := e.newFlagSet()
	format := fs.String("format", "auto", "input format: auto, lexicon, gazetteer, liwc, lexicoder, yaml, wordstat, yoshikoder or tsv")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	f, err := parseLexiconFormat(*format)
	if err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("convert wants one FILE")
	}
	name := fs.Arg(0)
	p := readLexiconFile(name, f)
	if len(p.errs) > 0 {
		for _, err := range p.errs {
			fmt.Fprintln(e.stderr, err)
		}
		fmt.Fprintf(e.stderr, "geostance lexicon: %s not converted: fix the %d problem(s) above\n", name, len(p.errs))
		return errReported
	}
	w := bufio.NewWriter(e.stdout)
	switch {
	case p.dict != nil:
		err = p.dict.WriteTSV(w)
	case p.lex != nil:
		err = lexicon.Format(w, p.lex)
	case p.gaz != nil:
		err = writeOwnGazetteer(w, p.gaz)
	}
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	return err
}

// writeOwnGazetteer writes g, which extends the built-in gazetteer, in
// canonical form without the built-in records: Extend keeps them first and
// in order, so they are the leading lines of the canonical text.
func writeOwnGazetteer(w io.Writer, g *lexicon.Gazetteer) error {
	var base, all bytes.Buffer
	if err := lexicon.FormatGazetteer(&base, lexicon.Countries()); err != nil {
		return err
	}
	if err := lexicon.FormatGazetteer(&all, g); err != nil {
		return err
	}
	header, _, _ := bytes.Cut(base.Bytes(), []byte("\n"))
	own, ok := bytes.CutPrefix(all.Bytes(), base.Bytes())
	if !ok {
		return fmt.Errorf("gazetteer: the built-in records do not lead the extended gazetteer") // unreachable: Extend appends
	}
	if _, err := w.Write(append(header, '\n')); err != nil {
		return err
	}
	_, err := w.Write(own)
	return err
}

// builtinData describes one built-in data file for lexicon list.
type builtinData struct {
	Name       string         `json:"name"`
	Version    string         `json:"version"`
	Entries    int            `json:"entries"`
	Aliases    int            `json:"aliases,omitempty"`
	File       string         `json:"file"`
	Licence    string         `json:"licence"`
	Provenance string         `json:"provenance"`
	Sources    map[string]int `json:"sources,omitempty"` // src tag → entries
}

// builtinProvenance summarises each data file's header.
var builtinProvenance = map[string]string{
	"affect":    "written for geostance by its developers, 2026, by judgement; no third-party word list",
	"relation":  "written for geostance, 2026; weights graded against the Goldstein (1992) WEIS scale anchors",
	"modifiers": "written for geostance by its developers, 2026, weights by judgement",
	"gazetteer": "compiled for geostance from public reference facts (ISO 3166-1 codes, UN membership, official names, capitals, dates of office)",
}

// builtins lists the built-in lexicons, in the order the analyzer loads
// them, and the gazetteer.
func builtins() []builtinData {
	byFile := map[string]*builtinData{}
	var out []*builtinData
	for e := range lexicon.English().All() {
		b := byFile[e.File]
		if b == nil {
			name := strings.TrimSuffix(filepath.Base(e.File), filepath.Ext(e.File))
			b = &builtinData{Name: name, Version: dataVersion, File: "lexicon/" + e.File, Licence: dataLicence,
				Provenance: builtinProvenance[name], Sources: map[string]int{}}
			byFile[e.File] = b
			out = append(out, b)
		}
		b.Entries++
		if e.Source != "" {
			b.Sources[e.Source]++
		}
	}
	desc := srcDescriptions()
	for _, b := range out {
		if b.Provenance == "" {
			// A data file without a summary here: its src tags' own
			// descriptions say where its entries come from.
			var ds []string
			for _, t := range sortedKeys(b.Sources) {
				ds = append(ds, "src="+t+": "+desc[t])
			}
			b.Provenance = strings.Join(ds, "; ")
		}
	}
	order := []string{"affect", "relation", "modifiers"}
	slices.SortStableFunc(out, func(a, b *builtinData) int {
		ia, ib := slices.Index(order, a.Name), slices.Index(order, b.Name)
		if ia < 0 {
			ia = len(order)
		}
		if ib < 0 {
			ib = len(order)
		}
		return ia - ib
	})
	res := make([]builtinData, 0, len(out)+1)
	for _, b := range out {
		res = append(res, *b)
	}
	g := lexicon.Countries()
	aliases := 0
	for range g.Aliases() {
		aliases++
	}
	res = append(res, builtinData{Name: "gazetteer", Version: dataVersion, Entries: g.Len(), Aliases: aliases,
		File: "lexicon/data/gazetteer.tsv", Licence: dataLicence, Provenance: builtinProvenance["gazetteer"]})
	return res
}

// srcDescriptions returns the description of every src tag of the
// built-in lexicon, as its files' headers declare them. Format writes
// them back as "# src=tag description" lines, which is the one place they
// are exposed.
func srcDescriptions() map[string]string {
	var buf bytes.Buffer
	out := map[string]string{}
	if lexicon.Format(&buf, lexicon.English()) != nil {
		return out
	}
	for line := range strings.SplitSeq(buf.String(), "\n") {
		if !strings.HasPrefix(line, "#") {
			break
		}
		if rest, ok := strings.CutPrefix(line, "# src="); ok {
			tag, d, _ := strings.Cut(rest, " ")
			out[tag] = d
		}
	}
	return out
}

// sourceTags renders the src tag counts as "gen 2100, dip 800".
func sourceTags(m map[string]int) string {
	tags := sortedKeys(m)
	slices.SortStableFunc(tags, func(a, b string) int { return m[b] - m[a] })
	parts := make([]string, len(tags))
	for i, t := range tags {
		parts[i] = t + " " + strconv.Itoa(m[t])
	}
	return strings.Join(parts, ", ")
}

func (e *env) lexiconList(args []string) error {
	fs := e.newFlagSet()
	out := fs.String("out", "table", "output: table or jsonl")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("list takes no arguments")
	}
	if *out != "table" && *out != "jsonl" {
		return usagef("-out must be table or jsonl, not %q", *out)
	}
	data := builtins()
	w := bufio.NewWriter(e.stdout)
	if *out == "jsonl" {
		for _, d := range data {
			b, err := json.Marshal(d)
			if err != nil {
				return err
			}
			w.Write(append(b, '\n'))
		}
		return w.Flush()
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tVERSION\tENTRIES\tLICENCE\tFILE\tPROVENANCE")
	for _, d := range data {
		size := strconv.Itoa(d.Entries)
		if d.Aliases > 0 {
			size += " (" + strconv.Itoa(d.Aliases) + " aliases)"
		}
		prov := d.Provenance
		if len(d.Sources) > 0 {
			prov += "; src tags: " + sourceTags(d.Sources)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", d.Name, d.Version, size, d.Licence, d.File, prov)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	return w.Flush()
}
