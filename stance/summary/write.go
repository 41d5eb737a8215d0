package summary

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode"
)

// field is one output column of a row; writers share one description of
// each row so that JSON, CSV and the table cannot drift apart.
type field struct {
	name  string
	isStr bool
	isInt bool
	s     string
	f     float64
	i     int64
}

func str(name, v string) field         { return field{name: name, isStr: true, s: v} }
func num(name string, v float64) field { return field{name: name, f: v} }
func cnt(name string, v int64) field   { return field{name: name, isInt: true, i: v} }

func keyFields(keys []Key) []field {
	fs := make([]field, len(keys))
	for i, k := range keys {
		fs[i] = str(k.Name, k.Value)
	}
	return fs
}

func (st *Stats) fields() []field {
	fs := []field{
		cnt("n_sentences", st.NSentences), cnt("n_documents", int64(st.NDocuments)),
		cnt("sum_weights", st.SumWeights), num("n_eff", st.NEff),
		num("mean", st.Mean), num("sd", st.SD), num("se", st.SE),
		num("ci_low", st.CILow), num("ci_high", st.CIHigh),
		str("ci_method", st.CIMethod), num("ci_level", st.CILevel), cnt("replicates", int64(st.Replicates)),
	}
	for _, s := range [...]struct {
		p  string
		sh Share
	}{{"pos", st.Pos}, {"neu", st.Neu}, {"neg", st.Neg}} {
		fs = append(fs, num(s.p+"_share", s.sh.Share), num(s.p+"_low", s.sh.Low), num(s.p+"_high", s.sh.High))
	}
	if st.Baseline != "" {
		fs = append(fs, num("baseline_mean", st.BaselineMean), num("vs_baseline", st.VsBaseline))
	}
	return fs
}

func (r *Row) fields() []field {
	return append(append([]field{str("kind", "group")}, keyFields(r.Keys)...), r.Stats.fields()...)
}

func (r *FocalRow) fields() []field {
	fs := append([]field{str("kind", "focal"), str("focal", r.Focal)}, keyFields(r.Keys)...)
	return append(fs, r.Stats.fields()...)
}

// Name returns the tilt's label, "A-B".
func (r *TiltRow) Name() string { return r.A + "-" + r.B }

func (r *TiltRow) fields() []field {
	fs := append([]field{str("kind", "tilt"), str("tilt", r.Name())}, keyFields(r.Keys)...)
	return append(fs,
		num("estimate", r.Estimate), num("se", r.SE), num("ci_low", r.CILow), num("ci_high", r.CIHigh),
		str("ci_method", r.CIMethod), num("ci_level", r.CILevel),
		cnt("replicates", int64(r.Replicates)), cnt("dropped", int64(r.Dropped)),
		cnt("n_documents", int64(r.NDocuments)), cnt("n_documents_a", int64(r.NDocumentsA)),
		cnt("n_documents_b", int64(r.NDocumentsB)), cnt("n_documents_both", int64(r.NDocumentsBoth)),
		cnt("n_sentences_a", r.NSentencesA), cnt("n_sentences_b", r.NSentencesB),
		num("mean_a", r.MeanA), num("mean_b", r.MeanB),
	)
}

func marshalFields(fs []field) []byte {
	b := []byte{'{'}
	for i, f := range fs {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, f.name)
		b = append(b, ':')
		switch {
		case f.isStr:
			b = appendJSONString(b, f.s)
		case f.isInt:
			b = strconv.AppendInt(b, f.i, 10)
		case math.IsNaN(f.f) || math.IsInf(f.f, 0):
			b = append(b, "null"...)
		default:
			b = strconv.AppendFloat(b, f.f, 'g', -1, 64)
		}
	}
	return append(b, '}')
}

func appendJSONString(b []byte, s string) []byte {
	q, _ := json.Marshal(s) // a string always marshals
	return append(b, q...)
}

// MarshalJSON encodes the row as a flat object: "kind":"group", the
// group keys under their column names, then the statistics. Undefined
// values (NaN) are encoded as null.
func (r Row) MarshalJSON() ([]byte, error) { return marshalFields(r.fields()), nil }

// MarshalJSON encodes the row like [Row.MarshalJSON] with "kind":"focal"
// and a "focal" column.
func (r FocalRow) MarshalJSON() ([]byte, error) { return marshalFields(r.fields()), nil }

// MarshalJSON encodes the row with "kind":"tilt" and "tilt":"A-B";
// undefined values are null.
func (r TiltRow) MarshalJSON() ([]byte, error) { return marshalFields(r.fields()), nil }

func (s *Summary) allFields() [][]field {
	var rows [][]field
	for i := range s.Groups {
		rows = append(rows, s.Groups[i].fields())
	}
	for i := range s.Tilts {
		rows = append(rows, s.Tilts[i].fields())
	}
	for i := range s.Focal {
		rows = append(rows, s.Focal[i].fields())
	}
	return rows
}

// WriteJSONL writes one JSON object per line: group rows, then tilt rows,
// then focal rows.
func (s *Summary) WriteJSONL(w io.Writer) error {
	bw := bufio.NewWriter(w)
	for _, fs := range s.allFields() {
		bw.Write(marshalFields(fs))
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// WriteCSV writes a header row and one row per group, tilt and focal
// row. Columns are the union over row kinds, led by "kind"; a cell that
// does not apply to a row's kind, or is undefined, is empty.
func (s *Summary) WriteCSV(w io.Writer) error {
	rows := s.allFields()
	var header []string
	seen := map[string]bool{}
	addCol := func(n string) {
		if !seen[n] {
			seen[n] = true
			header = append(header, n)
		}
	}
	addCol("kind")
	if s.Config.Focal != "" {
		addCol("focal")
	}
	if len(s.Config.Tilt) > 0 {
		addCol("tilt")
	}
	for _, b := range s.Config.By {
		addCol(columnName(b))
	}
	if s.Config.Focal != "" {
		addCol("target")
	}
	for _, fs := range rows {
		for _, f := range fs {
			addCol(f.name)
		}
	}
	pos := map[string]int{}
	for i, h := range header {
		pos[h] = i
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	rec := make([]string, len(header))
	for _, fs := range rows {
		clear(rec)
		for _, f := range fs {
			rec[pos[f.name]] = cellText(f, 'g', -1)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func cellText(f field, format byte, prec int) string {
	switch {
	case f.isStr:
		return f.s
	case f.isInt:
		return strconv.FormatInt(f.i, 10)
	case math.IsNaN(f.f) || math.IsInf(f.f, 0):
		return ""
	}
	return strconv.FormatFloat(f.f, format, prec, 64)
}

// WriteTable writes an aligned, human-readable table per row kind, with
// three decimals and "-" for undefined values.
func (s *Summary) WriteTable(w io.Writer) error {
	bw := bufio.NewWriter(w)
	level := fmt.Sprintf("%g%% CI", 100*s.Config.Level)
	baseline := s.Config.Baseline != ""
	section := func(title string, rows [][]field, cols []string) {
		if len(rows) == 0 {
			return
		}
		fmt.Fprintf(bw, "%s\n", title)
		tw := tabwriter.NewWriter(bw, 0, 0, 2, ' ', tabwriter.AlignRight)
		head := make([]string, len(cols))
		for i, c := range cols {
			head[i] = c
			if c == "ci" {
				head[i] = level
			}
		}
		fmt.Fprintln(tw, strings.Join(head, "\t")+"\t")
		for _, fs := range rows {
			byName := map[string]field{}
			for _, f := range fs {
				byName[f.name] = f
			}
			cells := make([]string, len(cols))
			for i, c := range cols {
				switch c {
				case "ci":
					lo, hi := byName["ci_low"], byName["ci_high"]
					cells[i] = "[" + dash(lo) + ", " + dash(hi) + "]"
				default:
					f, ok := byName[c]
					if !ok {
						cells[i] = "-"
						continue
					}
					if !f.isStr && !f.isInt && strings.HasSuffix(c, "_share") {
						f.f *= 100
					}
					cells[i] = dash(f)
				}
			}
			fmt.Fprintln(tw, strings.Join(cells, "\t")+"\t")
		}
		tw.Flush()
		fmt.Fprintln(bw)
	}
	keyCols := func(keys []Key) []string {
		var cs []string
		for _, k := range keys {
			cs = append(cs, k.Name)
		}
		return cs
	}
	stats := []string{"n_sentences", "n_documents", "mean", "sd", "ci", "pos_share", "neu_share", "neg_share"}
	if baseline {
		stats = append(stats, "vs_baseline")
	}
	if len(s.Groups) > 0 {
		section("groups (shares in %)", fieldsOf(s.Groups, (*Row).fields),
			append(keyCols(s.Groups[0].Keys), stats...))
	}
	if len(s.Tilts) > 0 {
		section("tilt", fieldsOf(s.Tilts, (*TiltRow).fields),
			append(append([]string{"tilt"}, keyCols(s.Tilts[0].Keys)...),
				"estimate", "ci", "mean_a", "mean_b", "n_documents_a", "n_documents_b", "n_documents_both"))
	}
	if len(s.Focal) > 0 {
		section("focal (shares in %)", fieldsOf(s.Focal, (*FocalRow).fields),
			append(append([]string{"focal"}, keyCols(s.Focal[0].Keys)...), stats...))
	}
	return bw.Flush()
}

func fieldsOf[T any](rows []T, f func(*T) []field) [][]field {
	out := make([][]field, len(rows))
	for i := range rows {
		out[i] = f(&rows[i])
	}
	return out
}

func dash(f field) string {
	if f.isStr {
		// Quote values that would be invisible or break the alignment.
		if f.s == "" || strings.ContainsFunc(f.s, func(r rune) bool { return !unicode.IsPrint(r) }) {
			return strconv.Quote(f.s)
		}
		return f.s
	}
	t := cellText(f, 'f', 3)
	if t == "" {
		return "-"
	}
	return t
}
