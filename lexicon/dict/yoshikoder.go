package dict

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// parseYoshikoder reads a Yoshikoder .ykd file: a <dictionary> element
// holding nested <cnode name="..."> categories whose <pnode name="..."/>
// children are the patterns. Other elements and attributes are ignored.
func parseYoshikoder(b *builder, data []byte) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.CharsetReader = charsetReader
	type open struct {
		name string
		cat  int // innermost category at this depth, -1 if none
	}
	var stack []open
	sawRoot := false
	for {
		line, col := dec.InputPos()
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			l, c := dec.InputPos()
			msg := err.Error()
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				msg = se.Msg
			}
			b.errorf(l, c, "broken XML: %s", msg)
			return
		}
		cur := -1
		if len(stack) > 0 {
			cur = stack[len(stack)-1].cat
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			switch {
			case len(stack) == 0 && sawRoot:
				b.errorf(line, col, "second root element <%s>", name)
				return
			case len(stack) == 0 && name != "dictionary":
				b.errorf(line, col, "root element is <%s>, want <dictionary>", name)
				return
			case len(stack) == 0:
				sawRoot = true
				if n := collapseSpace(attr(t, "name")); n != "" {
					b.d.Name = n
				}
			case name == "cnode":
				n := collapseSpace(attr(t, "name"))
				if n == "" {
					b.errorf(line, col, "<cnode> without a name")
					cur = -2 // skip its subtree: its patterns have no category
					break
				}
				if cur >= 0 {
					n = b.d.Categories[cur].Name + "." + n
				} else if cur == -2 {
					break
				}
				cur = b.category(n)
			case name == "pnode":
				p, _, msg := parsePattern(attr(t, "name"))
				switch {
				case cur == -2:
				case cur < 0:
					b.errorf(line, col, "<pnode> outside any <cnode>")
				case msg != "":
					b.errorf(line, col, "<pnode name=%q>: %s", attr(t, "name"), msg)
				default:
					b.add(p, []int{cur}, 1, line, col, mergeCategories)
				}
			}
			stack = append(stack, open{name, cur})
		case xml.EndElement:
			// The decoder has already checked that tags balance.
			stack = stack[:len(stack)-1]
		}
	}
	if !sawRoot {
		b.errorf(1, 0, "no <dictionary> element")
	}
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// charsetReader lets the XML decoder read files declared as Latin-1 or
// Windows-1252, which older Yoshikoder versions wrote.
func charsetReader(charset string, r io.Reader) (io.Reader, error) {
	switch strings.ToLower(charset) {
	case "iso-8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "us-ascii", "ascii":
		data, err := io.ReadAll(r)
		if err != nil {
			return nil, err
		}
		return strings.NewReader(decodeWindows1252(data)), nil
	}
	return nil, fmt.Errorf("unsupported encoding %q (want UTF-8, ISO-8859-1 or windows-1252)", charset)
}
