package dict

import (
	"strconv"
	"strings"
	"unicode"
)

// wsLine is a non-blank line of a WordStat file.
type wsLine struct {
	num    int
	indent string // leading tabs and spaces
	text   string // the rest, right-trimmed
}

// parseWordStat reads a WordStat .cat file. Unindented lines are
// top-level categories; an indented line is a subcategory when the next
// line is indented deeper, and an entry otherwise. Entries may carry a
// weight in parentheses, "GOOD (2)".
func parseWordStat(b *builder, src string) {
	var lines []wsLine
	forEachLine(src, func(num int, text string) {
		t := strings.TrimRightFunc(text, unicode.IsSpace)
		if t == "" {
			return
		}
		body := strings.TrimLeft(t, " \t")
		lines = append(lines, wsLine{num, t[:len(t)-len(body)], body})
	})
	type frame struct {
		indent string
		child  string // indentation of the first child, "" until one is seen
		cat    int
		line   int
	}
	var stack []frame
	for i, ln := range lines {
		deeper := i+1 < len(lines) && len(lines[i+1].indent) > len(ln.indent)
		for len(stack) > 0 && len(stack[len(stack)-1].indent) >= len(ln.indent) {
			stack = stack[:len(stack)-1]
		}
		if ln.indent == "" {
			stack = append(stack[:0], frame{cat: b.category(ln.text), line: ln.num})
			continue
		}
		if len(stack) == 0 {
			b.errorf(ln.num, 1, "bad nesting: indented line %q is outside any category", ln.text)
			continue
		}
		top := &stack[len(stack)-1]
		if !strings.HasPrefix(ln.indent, top.indent) {
			b.errorf(ln.num, 1, "bad nesting: indentation mixes tabs and spaces differently from line %d", top.line)
			continue
		}
		if top.cat < 0 {
			continue // below a misplaced entry, already reported
		}
		if top.child == "" {
			top.child = ln.indent
		} else if ln.indent != top.child {
			b.errorf(ln.num, 1, "bad nesting: indentation matches no enclosing level (siblings under line %d are indented %s)",
				top.line, describeIndent(top.child))
			continue
		}
		cat := top.cat
		pat, weight, wcol, ok := splitWordStatWeight(ln.text)
		col := len(ln.indent) + 1
		if !ok {
			b.errorf(ln.num, col+wcol, "bad weight in %q: want a finite number in parentheses", ln.text)
			continue
		}
		if deeper {
			if wcol > 0 {
				b.errorf(lines[i+1].num, 1, "bad nesting: line is indented below entry %q (line %d)", ln.text, ln.num)
				stack = append(stack, frame{indent: ln.indent, cat: -1, line: ln.num})
			} else {
				parent := b.d.Categories[cat].Name
				stack = append(stack, frame{indent: ln.indent, cat: b.category(parent + "." + ln.text), line: ln.num})
				continue
			}
		}
		p, off, msg := parsePattern(pat)
		if msg != "" {
			b.errorf(ln.num, col+off, "%s", msg)
			continue
		}
		b.add(p, []int{cat}, weight, ln.num, col, mergeCategories)
	}
}

// splitWordStatWeight splits "WORD (2)" into "WORD" and 2. wcol is the
// 0-based offset of "(" (0 when there is no weight); ok is false when the
// parentheses hold something other than a number.
func splitWordStatWeight(s string) (pat string, weight float64, wcol int, ok bool) {
	if !strings.HasSuffix(s, ")") {
		return s, 1, 0, true
	}
	open := strings.LastIndexByte(s, '(')
	if open <= 0 || s[open-1] != ' ' {
		// "(discrep)" or an emoticon such as ":-)" is part of the
		// pattern, not a weight.
		return s, 1, 0, true
	}
	w, good := parseWeight(strings.TrimSpace(s[open+1 : len(s)-1]))
	if !good {
		return s, 0, open, false
	}
	return strings.TrimSpace(s[:open]), w, open, true
}

func describeIndent(s string) string {
	tabs := strings.Count(s, "\t")
	switch {
	case tabs == len(s) && tabs == 1:
		return "with 1 tab"
	case tabs == len(s):
		return "with " + strconv.Itoa(tabs) + " tabs"
	case tabs == 0:
		return "with " + strconv.Itoa(len(s)) + " spaces"
	}
	return "with " + strconv.Itoa(tabs) + " tabs and " + strconv.Itoa(len(s)-tabs) + " spaces"
}
