package dict

import (
	"strconv"
	"strings"
)

// parseYAML reads the subset of YAML that quanteda dictionaries use:
// nested block mappings whose leaves are block sequences ("- good"), flow
// sequences ("[good, great]") or a single scalar, with plain, 'single'
// and "double" quoted scalars and # comments. Leaf keys become
// categories named by their dotted path ("economy.inflation").
func parseYAML(b *builder, src string) {
	const (
		kindNone   = iota // nothing below the key yet
		kindMap           // child keys
		kindList          // "- item" children
		kindScalar        // value on the key's own line
	)
	type frame struct {
		indent int
		child  int // indentation of the children, -1 until one is seen
		kind   int
		path   string
		cat    int
		line   int
	}
	stack := []frame{{indent: -1, child: -1, cat: -1}}
	keys := map[string]int{}
	leaf := func(f *frame) int {
		if f.cat < 0 {
			f.cat = b.category(f.path)
		}
		return f.cat
	}
	pop := func(keep func(frame) bool) {
		for len(stack) > 1 && !keep(stack[len(stack)-1]) {
			if f := &stack[len(stack)-1]; f.kind == kindNone {
				leaf(f) // an empty key is an empty category
			}
			stack = stack[:len(stack)-1]
		}
	}
	addPattern := func(f *frame, raw string, num, col int) {
		p, off, msg := parsePattern(raw)
		if msg != "" {
			b.errorf(num, col+off, "%s", msg)
			return
		}
		b.add(p, []int{leaf(f)}, 1, num, col, mergeCategories)
	}
	forEachLine(src, func(num int, text string) {
		ind := 0
		for ind < len(text) && text[ind] == ' ' {
			ind++
		}
		body := strings.TrimRight(text[ind:], " \t")
		if body == "" || body[0] == '#' {
			return
		}
		if body[0] == '\t' {
			b.errorf(num, ind+1, "bad indentation: tab character; YAML indents with spaces")
			return
		}
		if ind == 0 && (body == "---" || body == "...") {
			return
		}
		if body == "-" || strings.HasPrefix(body, "- ") {
			// A sequence may sit at its key's own indentation.
			pop(func(f frame) bool { return f.indent <= ind })
			top := &stack[len(stack)-1]
			switch {
			case len(stack) == 1:
				b.errorf(num, ind+1, "list item outside any category")
				return
			case top.kind == kindMap:
				b.errorf(num, ind+1, "bad indentation: list item among the keys of %q (line %d)", top.path, top.line)
				return
			case top.kind == kindScalar:
				b.errorf(num, ind+1, "bad indentation: list item below %q, which has a value on its line", top.path)
				return
			case top.child >= 0 && top.child != ind:
				b.errorf(num, ind+1, "bad indentation: item indented %d spaces, earlier items of %q use %d", ind, top.path, top.child)
				return
			}
			top.child, top.kind = ind, kindList
			rest := strings.TrimLeft(body[1:], " ")
			col := ind + 1 + len(body) - len(rest)
			if rest != "" && (rest[0] == '[' || rest[0] == '{') {
				b.errorf(num, col, "nested collections are not supported in a category list")
				return
			}
			val, ecol, msg := yamlScalar(rest)
			if msg != "" {
				b.errorf(num, col+ecol, "%s", msg)
				return
			}
			if val == "" && rest != "" && rest[0] != '"' && rest[0] != '\'' {
				return // "- # comment" holds nothing
			}
			addPattern(top, val, num, col)
			return
		}
		key, rest, rcol, msg := yamlKey(body)
		if msg != "" {
			b.errorf(num, ind+1+rcol, "%s", msg)
			return
		}
		pop(func(f frame) bool { return f.indent < ind })
		top := &stack[len(stack)-1]
		switch {
		case top.kind == kindList:
			b.errorf(num, ind+1, "bad indentation: key %q inside the list of %q (line %d)", key, top.path, top.line)
			return
		case top.kind == kindScalar:
			b.errorf(num, ind+1, "bad indentation: key %q below %q, which has a value on its line", key, top.path)
			return
		case top.child >= 0 && top.child != ind:
			b.errorf(num, ind+1, "bad indentation: key %q indented %d spaces, its siblings use %d", key, ind, top.child)
			return
		}
		top.child, top.kind = ind, kindMap
		path := key
		if len(stack) > 1 {
			path = top.path + "." + key
		}
		if first, dup := keys[path]; dup {
			b.errorf(num, ind+1, "duplicate key %q (first at line %d)", path, first)
		}
		keys[path] = num
		stack = append(stack, frame{indent: ind, child: -1, path: path, cat: -1, line: num})
		f := &stack[len(stack)-1]
		if rest == "" {
			return
		}
		f.kind = kindScalar
		col := ind + 1 + rcol
		switch {
		case rest == "~" || rest == "null" || rest == "[]":
			leaf(f)
		case rest[0] == '[':
			items, ecol, msg := yamlFlow(rest)
			if msg != "" {
				b.errorf(num, col+ecol, "%s", msg)
				return
			}
			leaf(f)
			for _, it := range items {
				addPattern(f, it.text, num, col+it.off)
			}
		case rest[0] == '{' || rest[0] == '|' || rest[0] == '>' || rest[0] == '&' || rest[0] == '!':
			b.errorf(num, col, "unsupported YAML construct %q (use a list of patterns)", rest[:1])
		default:
			val, ecol, msg := yamlScalar(rest)
			if msg != "" {
				b.errorf(num, col+ecol, "%s", msg)
				return
			}
			addPattern(f, val, num, col)
		}
	})
	pop(func(frame) bool { return false })
}

// yamlKey splits "key: rest" (key plain or quoted). rest has comments and
// surrounding blanks removed; rcol is rest's 0-based offset in body, or
// the fault's offset when msg is set.
func yamlKey(body string) (key, rest string, rcol int, msg string) {
	var end int // offset just past the key
	if body[0] == '"' || body[0] == '\'' {
		k, n, m := yamlQuoted(body)
		if m != "" {
			return "", "", n, m
		}
		key, end = k, n
		if end >= len(body) || body[end] != ':' {
			return "", "", end, "expected ':' after quoted key"
		}
	} else {
		i := 0
		for ; i < len(body); i++ {
			if body[i] == ':' && (i+1 == len(body) || body[i+1] == ' ') {
				break
			}
			if body[i] == '#' && i > 0 && body[i-1] == ' ' {
				i = len(body)
				break
			}
		}
		if i == len(body) {
			return "", "", 0, "expected \"key:\" or \"- item\""
		}
		key, end = strings.TrimSpace(body[:i]), i
	}
	if collapseSpace(key) == "" {
		return "", "", 0, "empty key"
	}
	r := body[end+1:]
	trimmed := strings.TrimLeft(r, " ")
	rcol = end + 1 + len(r) - len(trimmed)
	if strings.HasPrefix(trimmed, "#") {
		trimmed = ""
	}
	return key, trimmed, rcol, ""
}

// yamlScalar reads one scalar filling s (after blanks): quoted or plain,
// with a trailing comment allowed. ecol is the fault's offset in s.
func yamlScalar(s string) (val string, ecol int, msg string) {
	if s == "" {
		return "", 0, ""
	}
	if s[0] == '"' || s[0] == '\'' {
		v, n, m := yamlQuoted(s)
		if m != "" {
			return "", n, m
		}
		if r := strings.TrimLeft(s[n:], " \t"); r != "" && r[0] != '#' {
			return "", n, "unexpected text after quoted string"
		}
		return v, 0, ""
	}
	if i := strings.Index(s, " #"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s), 0, ""
}

// yamlQuoted reads the quoted scalar at the start of s and returns its
// value and the offset just past the closing quote (or of the fault).
func yamlQuoted(s string) (string, int, string) {
	q := s[0]
	if q == '\'' {
		var sb strings.Builder
		for i := 1; i < len(s); i++ {
			if s[i] != '\'' {
				sb.WriteByte(s[i])
				continue
			}
			if i+1 < len(s) && s[i+1] == '\'' {
				sb.WriteByte('\'')
				i++
				continue
			}
			return sb.String(), i + 1, ""
		}
		return "", 0, "unterminated quoted string"
	}
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			v, err := strconv.Unquote(s[:i+1])
			if err != nil {
				return "", 0, "bad escape in quoted string"
			}
			return v, i + 1, ""
		}
	}
	return "", 0, "unterminated quoted string"
}

// yamlFlow reads a flow sequence "[a, 'b c', "d"]" filling s.
func yamlFlow(s string) ([]field, int, string) {
	var items []field
	i := 1
	for {
		for i < len(s) && s[i] == ' ' {
			i++
		}
		if i >= len(s) {
			return nil, i, "unterminated [ list"
		}
		if s[i] == ']' && len(items) == 0 {
			i++
			break
		}
		start := i
		var v string
		if s[i] == '"' || s[i] == '\'' {
			val, n, m := yamlQuoted(s[i:])
			if m != "" {
				return nil, i + n, m
			}
			v, i = val, i+n
		} else {
			for i < len(s) && s[i] != ',' && s[i] != ']' {
				i++
			}
			v = strings.TrimSpace(s[start:i])
		}
		items = append(items, field{v, start})
		for i < len(s) && s[i] == ' ' {
			i++
		}
		if i >= len(s) {
			return nil, i, "unterminated [ list"
		}
		if s[i] == ']' {
			i++
			break
		}
		if s[i] != ',' {
			return nil, i, "expected ',' or ']' in list"
		}
		i++
	}
	if r := strings.TrimLeft(s[i:], " \t"); r != "" && r[0] != '#' {
		return nil, i, "unexpected text after ]"
	}
	return items, 0, ""
}
