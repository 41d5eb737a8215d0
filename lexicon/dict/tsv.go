package dict

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode"
)

// parseTSV reads the geostance TSV format: pattern<TAB>category[<TAB>weight]
// per line, "#" comment lines. A pattern that itself starts with "#" or
// "\" is written with a leading "\".
func parseTSV(b *builder, src string) {
	forEachLine(src, func(num int, text string) {
		t := strings.TrimLeftFunc(text, unicode.IsSpace)
		if t == "" || t[0] == '#' {
			return
		}
		fs := strings.Split(text, "\t")
		offs := make([]int, len(fs))
		for i, o := 1, 0; i < len(fs); i++ {
			o += len(fs[i-1]) + 1
			offs[i] = o
		}
		if len(fs) < 2 {
			b.errorf(num, 0, "want pattern<TAB>category[<TAB>weight]; found no tab")
			return
		}
		if len(fs) > 3 {
			b.errorf(num, offs[3]+1, "too many fields: want pattern<TAB>category[<TAB>weight]")
			return
		}
		raw := fs[0]
		lead := len(raw) - len(strings.TrimLeftFunc(raw, unicode.IsSpace))
		raw = raw[lead:]
		if strings.HasPrefix(raw, `\`) {
			raw = raw[1:]
			lead++
		}
		p, off, msg := parsePattern(raw)
		if msg != "" {
			b.errorf(num, lead+off+1, "%s", msg)
			return
		}
		name := strings.TrimSpace(fs[1])
		if name == "" {
			b.errorf(num, offs[1]+1, "empty category name")
			return
		}
		weight := 1.0
		if len(fs) == 3 {
			w, ok := parseWeight(strings.TrimSpace(fs[2]))
			if !ok {
				b.errorf(num, offs[2]+1, "bad weight %q: want a finite number", strings.TrimSpace(fs[2]))
				return
			}
			weight = w
		}
		b.add(p, []int{b.category(name)}, weight, num, lead+1, mergeCategories)
	})
}

// parseWeight parses a finite decimal weight.
func parseWeight(s string) (float64, bool) {
	w, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(w) || math.IsInf(w, 0) {
		return 0, false
	}
	return w, true
}

// formatWeight prints w exactly, in the shortest form that reads back.
func formatWeight(w float64) string {
	return strconv.FormatFloat(w, 'g', -1, 64)
}

// WriteTSV writes d in the canonical geostance TSV format: a comment
// header, then one pattern<TAB>category<TAB>weight line per entry and
// category, in entry order. Reading the output back as TSV yields the same
// entries (patterns, words, wildcards, weights and category names, in
// order); categories without entries and source line numbers are not
// kept.
func (d *Dictionary) WriteTSV(w io.Writer) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("# ")
	bw.WriteString(collapseSpace(d.Name))
	bw.WriteString(" (from ")
	bw.WriteString(d.Format.String())
	bw.WriteString(")\n# pattern\tcategory\tweight\n")
	for i := range d.Entries {
		e := &d.Entries[i]
		pat := e.Pattern
		if strings.HasPrefix(pat, "#") || strings.HasPrefix(pat, `\`) {
			pat = `\` + pat
		}
		wt := formatWeight(e.Weight)
		for _, c := range e.Categories {
			if c < 0 || c >= len(d.Categories) {
				return fmt.Errorf("dict: entry %q refers to category %d; the dictionary has %d", e.Pattern, c, len(d.Categories))
			}
			bw.WriteString(pat)
			bw.WriteByte('\t')
			bw.WriteString(d.Categories[c].Name)
			bw.WriteByte('\t')
			bw.WriteString(wt)
			bw.WriteByte('\n')
		}
	}
	return bw.Flush()
}
