package dict

import (
	"strconv"
	"strings"
	"unicode"
)

// parseLIWC reads a LIWC .dic file: an optional category legend between
// two "%" lines, then one entry per line.
func parseLIWC(b *builder, src string) {
	const (
		start = iota
		inLegend
		inEntries
	)
	var (
		state     = start
		legend    bool            // a legend was opened
		openLine  int             // line of the opening %
		closeLine int             // line of the closing %
		ids       = map[int]int{} // legend id → category index
		idLine    = map[int]int{}
		nameLine  = map[string]int{}
		lastEntry int
	)
	forEachLine(src, func(num int, text string) {
		t := strings.TrimSpace(text)
		if t == "" {
			return
		}
		col := strings.Index(text, t) + 1
		if t == "%" {
			switch state {
			case start:
				state, legend, openLine = inLegend, true, num
			case inLegend:
				state, closeLine = inEntries, num
			default:
				switch {
				case closeLine > 0:
					b.errorf(num, col, "unbalanced %%: the legend was already closed at line %d", closeLine)
				case legend:
					b.errorf(num, col, "unbalanced %%: the legend opened at line %d was closed late, after entries", openLine)
				default:
					b.errorf(num, col, "unbalanced %%: a legend must come before the first entry (line %d)", lastEntry)
				}
			}
			return
		}
		switch state {
		case start:
			state = inEntries
		case inLegend:
			fs := fieldsPos(text, unicode.IsSpace)
			id, err := strconv.Atoi(fs[0].text)
			if err != nil {
				// An entry where the legend should be: the closing %
				// is missing. Say so once and read on as entries.
				b.errorf(openLine, 1, "unbalanced %%: the legend opened here is not closed before line %d", num)
				state, closeLine = inEntries, num
				break
			}
			if id < 0 {
				b.errorf(num, fs[0].off+1, "bad category id %q", fs[0].text)
				return
			}
			if len(fs) < 2 {
				b.errorf(num, 0, "legend line needs an id and a category name")
				return
			}
			// Later fields are descriptions some LIWC versions add.
			name := fs[1].text
			if first, dup := idLine[id]; dup {
				b.errorf(num, fs[0].off+1, "duplicate category id %d (first at line %d)", id, first)
				return
			}
			if first, dup := nameLine[name]; dup {
				b.errorf(num, fs[1].off+1, "duplicate category name %q (first at line %d)", name, first)
				return
			}
			idLine[id], nameLine[name] = num, num
			ids[id] = b.category(name)
			return
		}
		lastEntry = num
		liwcEntry(b, num, text, legend, ids)
	})
	if state == inLegend {
		b.errorf(openLine, 1, "unbalanced %%: the legend opened here is never closed")
	}
}

// liwcEntry parses "pattern<TAB>id<TAB>id...". Fields may be separated by
// runs of spaces instead of tabs; then the categories are the longest run
// of trailing fields that look like category references, so multiword
// patterns still work as long as their words are not numbers.
func liwcEntry(b *builder, num int, text string, legend bool, ids map[int]int) {
	var pat field
	var refs []field
	if tab := strings.IndexByte(strings.TrimSpace(text), '\t'); tab >= 0 {
		lead := len(text) - len(strings.TrimLeftFunc(text, unicode.IsSpace))
		body := text[lead:]
		tab = strings.IndexByte(body, '\t')
		pat = field{body[:tab], lead}
		for _, f := range fieldsPos(body[tab:], unicode.IsSpace) {
			refs = append(refs, field{f.text, lead + tab + f.off})
		}
	} else {
		fs := fieldsPos(text, unicode.IsSpace)
		k := 1
		if legend {
			k = len(fs)
			for k > 1 && isLIWCRef(fs[k-1].text, b) {
				k--
			}
		}
		pat = field{text[fs[0].off : fs[k-1].off+len(fs[k-1].text)], fs[0].off}
		refs = fs[k:]
	}
	p, off, msg := parsePattern(pat.text)
	if msg != "" {
		b.errorf(num, pat.off+off+1, "%s", msg)
		return
	}
	pcol := pat.off + 1 + len(pat.text) - len(strings.TrimLeftFunc(pat.text, unicode.IsSpace))
	if len(refs) == 0 {
		b.errorf(num, pcol, "entry %q has no categories", p.text)
		return
	}
	var cats []int
	ok := true
	for _, r := range refs {
		c, msg := liwcRef(b, r.text, legend, ids)
		if msg != "" {
			b.errorf(num, r.off+1, "%s", msg)
			ok = false
			continue
		}
		if containsInt(cats, c) {
			b.errorf(num, r.off+1, "category %q repeated", r.text)
			continue
		}
		cats = append(cats, c)
	}
	if !ok && len(cats) == 0 {
		return
	}
	b.add(p, cats, 1, num, pcol, onePerLine)
}

// isLIWCRef reports whether s can stand as a category reference after a
// legend: a number or a legend name.
func isLIWCRef(s string, b *builder) bool {
	if _, err := strconv.Atoi(s); err == nil {
		return true
	}
	_, ok := b.cats[s]
	return ok
}

// liwcRef resolves one category reference.
func liwcRef(b *builder, s string, legend bool, ids map[int]int) (int, string) {
	id, err := strconv.Atoi(s)
	switch {
	case err == nil && legend:
		c, ok := ids[id]
		if !ok {
			return 0, "unknown category id " + s + " (not in the % legend)"
		}
		return c, ""
	case err == nil:
		return 0, "category id " + s + " used but the file has no % legend"
	case strings.ContainsAny(s, "/[]<>()"):
		return 0, "unsupported LIWC conditional category " + strconv.Quote(s)
	case legend:
		// Some files name legend categories instead of numbering them.
		c, ok := b.cats[s]
		if !ok {
			return 0, "unknown category " + strconv.Quote(s) + " (not in the % legend)"
		}
		return c, ""
	default:
		return b.category(s), ""
	}
}
