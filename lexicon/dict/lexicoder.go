package dict

import (
	"strings"
	"unicode"
)

// parseLexicoder reads a Lexicoder .lc3 file: "+name" starts a category,
// every other non-blank line is an entry of the current category.
func parseLexicoder(b *builder, src string) {
	cur := -1
	forEachLine(src, func(num int, text string) {
		t := strings.TrimSpace(text)
		if t == "" {
			return
		}
		col := len(text) - len(strings.TrimLeftFunc(text, unicode.IsSpace)) + 1
		if t[0] == '+' {
			name := strings.TrimSpace(t[1:])
			if name == "" {
				b.errorf(num, col, "empty category name after +")
				cur = -1
				return
			}
			// A category may be reopened later in the file; its
			// entries simply accumulate.
			cur = b.category(name)
			return
		}
		if cur < 0 {
			b.errorf(num, col, "entry %q before any +category line", t)
			return
		}
		p, off, msg := parsePattern(text)
		if msg != "" {
			b.errorf(num, off+1, "%s", msg)
			return
		}
		b.add(p, []int{cur}, 1, num, col, mergeCategories)
	})
}
