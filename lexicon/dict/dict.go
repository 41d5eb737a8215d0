package dict

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// Category is a dictionary category. Nested categories (YAML mappings,
// WordStat indentation, Yoshikoder cnodes) are flattened to dotted paths
// such as "economy.inflation", so callers can roll counts up by prefix.
type Category struct {
	// Name is the category name as written in the file (nested names
	// joined with "."). Whitespace inside a name is collapsed to one space.
	Name string
	// Negated marks Lexicoder-style negation categories, whose last name
	// component starts with "neg_" (neg_positive, neg_negative): their
	// entries are phrases such as "not good" that stand in for the plain
	// entry they contain. The prefix is recognised in every format so that
	// the flag survives a round trip through TSV.
	Negated bool
}

// Entry is one dictionary pattern and the categories it counts for.
type Entry struct {
	// Pattern is the canonical pattern: lower-cased, words separated by
	// one space, with a trailing "*" when Wildcard is set.
	Pattern string
	// Words are the tokens the pattern matches, lower-cased and split the
	// way the tokenizer splits text ("didn't" becomes "did", "n't"). For
	// a wildcard pattern the last word is the prefix, without its "*".
	Words []string
	// Wildcard reports that the last word matches any token it prefixes.
	Wildcard bool
	// Categories are indexes into Dictionary.Categories, without repeats,
	// in the order the file assigned them.
	Categories []int
	// Weight is added to a category's weighted sum per match. It is 1
	// unless the format carries weights (TSV, WordStat "WORD (2)").
	Weight float64
	// Line is the 1-based line of the entry's first occurrence in the
	// source file: provenance for dictionary editors.
	Line int
}

// Dictionary is a parsed dictionary. Entries keep file order; a pattern
// listed under several categories is one Entry with several Categories.
type Dictionary struct {
	// Name is the Yoshikoder dictionary name, or else the file's base
	// name without its extension.
	Name string
	// Format is the format the dictionary was read from.
	Format Format
	// Categories are the categories in order of first appearance.
	Categories []Category
	// Entries are the patterns in order of first appearance.
	Entries []Entry
}

// Open reads the dictionary file at path. With f == Auto the format is
// detected from the extension (.dic .lc3 .yml .yaml .cat .ykd .tsv).
// Like Read, it returns whatever it could parse along with the error.
func Open(path string, f Format) (*Dictionary, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("dict: %w", err)
	}
	defer fh.Close()
	return Read(fh, path, f)
}

// Read parses a dictionary in format f from r; file names the source in
// error messages and, with f == Auto, decides the format by its extension.
//
// A malformed line does not stop Read: it reports every problem it finds
// (up to 50) as *Error values joined with errors.Join, and returns the
// dictionary built from the lines that did parse, so a caller may decide
// to go ahead with a real-world file that has a stray duplicate. The
// dictionary is nil only when r cannot be read or the format is unknown.
func Read(r io.Reader, file string, f Format) (*Dictionary, error) {
	d, errs := read(r, file, f)
	return d, errors.Join(errs...)
}

// Check reports every problem in a dictionary at once, each an *Error
// with its position, capped at 50 plus a final "too many errors". An
// empty result means Read would succeed.
func Check(r io.Reader, file string, f Format) []error {
	_, errs := read(r, file, f)
	return errs
}

func read(r io.Reader, file string, f Format) (*Dictionary, []error) {
	f, err := detect(file, f)
	if err != nil {
		return nil, []error{err}
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, []error{fmt.Errorf("dict: %s: %w", file, err)}
	}
	b := newBuilder(file, f)
	// Most lines of a large dictionary are entries: sizing for them up
	// front saves regrowing a 100,000-entry slice and map many times.
	hint := bytes.Count(data, []byte{'\n'})
	b.d.Entries = make([]Entry, 0, hint)
	b.entries = make(map[string]int, hint)
	if f == Yoshikoder {
		parseYoshikoder(b, data)
	} else {
		src := decodeText(data)
		switch f {
		case LIWC:
			parseLIWC(b, src)
		case Lexicoder:
			parseLexicoder(b, src)
		case YAML:
			parseYAML(b, src)
		case WordStat:
			parseWordStat(b, src)
		case TSV:
			parseTSV(b, src)
		}
	}
	return b.d, b.errs.errs
}

// builder accumulates a Dictionary and its problems.
type builder struct {
	d       *Dictionary
	errs    errorList
	cats    map[string]int
	entries map[string]int // matching key → index in d.Entries
}

func newBuilder(file string, f Format) *builder {
	name := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	return &builder{
		d:       &Dictionary{Name: name, Format: f},
		errs:    errorList{file: file},
		cats:    make(map[string]int),
		entries: make(map[string]int),
	}
}

func (b *builder) errorf(line, col int, format string, args ...any) {
	b.errs.add(line, col, format, args...)
}

// category returns the index of the category named name, adding it on
// first use.
func (b *builder) category(name string) int {
	name = collapseSpace(name)
	if i, ok := b.cats[name]; ok {
		return i
	}
	last := name[strings.LastIndexByte(name, '.')+1:]
	b.d.Categories = append(b.d.Categories, Category{
		Name:    name,
		Negated: strings.HasPrefix(strings.ToLower(last), "neg_"),
	})
	b.cats[name] = len(b.d.Categories) - 1
	return len(b.d.Categories) - 1
}

// addOpt says how add treats a pattern seen before.
type addOpt int

const (
	// mergeCategories: a pattern may reappear under another category
	// (Lexicoder sections, YAML lists, TSV lines); only a repeat in the
	// same category is a duplicate.
	mergeCategories addOpt = iota
	// onePerLine: every line lists all of an entry's categories (LIWC),
	// so any repeat of the pattern is a duplicate.
	onePerLine
)

// add records pattern p for categories cats at line:col.
func (b *builder) add(p pattern, cats []int, weight float64, line, col int, opt addOpt) {
	key := p.key()
	i, seen := b.entries[key]
	if !seen {
		b.d.Entries = append(b.d.Entries, Entry{
			Pattern:    p.text,
			Words:      p.words,
			Wildcard:   p.wildcard,
			Categories: cats, // callers pass distinct categories
			Weight:     weight,
			Line:       line,
		})
		b.entries[key] = len(b.d.Entries) - 1
		return
	}
	e := &b.d.Entries[i]
	if opt == onePerLine {
		b.errorf(line, col, "duplicate entry %q (first at line %d)", p.text, e.Line)
	}
	if e.Weight != weight {
		b.errorf(line, col, "entry %q has weight %s here but %s at line %d",
			p.text, formatWeight(weight), formatWeight(e.Weight), e.Line)
	}
	for _, c := range cats {
		if containsInt(e.Categories, c) {
			if opt != onePerLine {
				b.errorf(line, col, "duplicate entry %q in category %q (first at line %d)",
					p.text, b.d.Categories[c].Name, e.Line)
			}
			continue
		}
		e.Categories = append(e.Categories, c)
	}
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// pattern is a parsed, normalised dictionary pattern.
type pattern struct {
	text     string
	words    []string
	wildcard bool
}

// key identifies what a pattern matches: "didn't" and "did n't" are the
// same entry.
func (p pattern) key() string {
	if len(p.words) == 1 && !p.wildcard {
		return p.words[0]
	}
	k := strings.Join(p.words, " ")
	if p.wildcard {
		k += "*"
	}
	return k
}

// parsePattern normalises raw. On failure it returns the byte offset of
// the fault within raw and a message.
func parsePattern(raw string) (pattern, int, string) {
	if p, ok := simplePattern(raw); ok {
		return p, 0, ""
	}
	lead := len(raw) - len(strings.TrimLeftFunc(raw, unicode.IsSpace))
	fields := fieldsPos(raw, unicode.IsSpace)
	if len(fields) == 0 {
		return pattern{}, lead, "empty pattern"
	}
	var p pattern
	for i, f := range fields {
		w := f.text
		if isConditional(w) {
			return pattern{}, f.off, fmt.Sprintf("unsupported LIWC conditional token %q (only plain words and a final * wildcard are supported)", w)
		}
		if j := strings.IndexByte(w, '*'); j >= 0 {
			if i != len(fields)-1 || j != len(w)-1 {
				return pattern{}, f.off + j, "wildcard * is only supported at the end of the last word"
			}
			if j == 0 {
				return pattern{}, f.off, "wildcard * needs a prefix"
			}
			w = w[:j]
			p.wildcard = true
		}
		w = foldWord(w)
		if p.wildcard {
			// A split contraction cannot take a wildcard sensibly;
			// keep the prefix whole.
			p.words = append(p.words, w)
			break
		}
		p.words = appendSplit(p.words, w)
	}
	parts := make([]string, len(fields))
	for i, f := range fields {
		parts[i] = foldWord(f.text)
	}
	p.text = strings.Join(parts, " ")
	return p, 0, ""
}

// simplePattern handles the common case without allocating more than
// the result: one ASCII word, no brackets, at most a final "*".
func simplePattern(raw string) (pattern, bool) {
	n := len(raw)
	if n == 0 {
		return pattern{}, false
	}
	wild := raw[n-1] == '*'
	if wild {
		n--
	}
	if n == 0 {
		return pattern{}, false
	}
	upper := false
	for i := 0; i < n; i++ {
		c := raw[i]
		switch {
		case c >= 0x80, c <= ' ', c == '*', c == '<', c == '(', c == '\'':
			return pattern{}, false
		case 'A' <= c && c <= 'Z':
			upper = true
		}
	}
	w := raw[:n]
	if upper {
		w = strings.ToLower(w)
	}
	text := w
	if wild {
		text = raw
		if upper {
			text = w + "*"
		}
	}
	return pattern{text: text, words: []string{w}, wildcard: wild}, true
}

// isConditional reports LIWC tokens that stand for context rules rather
// than words: "<of>" and "(discrep)". Emoticons such as ":(" do not
// qualify because they do not both open and close with the brackets.
func isConditional(w string) bool {
	if len(w) < 3 {
		return false
	}
	return (w[0] == '<' && w[len(w)-1] == '>') || (w[0] == '(' && w[len(w)-1] == ')')
}

// foldWord lower-cases w and maps typographic apostrophes to ASCII ones,
// as the tokenizer folds text.
func foldWord(w string) string {
	w = strings.ToLower(w)
	if strings.ContainsRune(w, '\u2019') {
		w = strings.ReplaceAll(w, "\u2019", "'")
	}
	return w
}

// appendSplit appends w, splitting a negative contraction the way the
// tokenizer does ("didn't" → "did", "n't") so that dictionary phrases
// written as prose still match token sequences.
func appendSplit(words []string, w string) []string {
	if len(w) > 3 && strings.HasSuffix(w, "n't") {
		return append(words, w[:len(w)-3], "n't")
	}
	return append(words, w)
}

// field is a substring with its byte offset in the line.
type field struct {
	text string
	off  int
}

// fieldsPos splits s at runs of separators, keeping offsets.
func fieldsPos(s string, sep func(rune) bool) []field {
	var out []field
	start := -1
	for i, r := range s {
		if sep(r) {
			if start >= 0 {
				out = append(out, field{s[start:i], start})
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, field{s[start:], start})
	}
	return out
}

// collapseSpace trims s and turns every run of white space into a space.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// decodeText turns file bytes into a UTF-8 string: it drops a UTF-8 BOM,
// decodes UTF-16 files that start with a BOM (as Windows "Unicode" editors
// save them), and reads anything else that is not valid UTF-8 as
// Windows-1252, the encoding older LIWC and WordStat files use.
func decodeText(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case len(data) >= 2 && (data[0] == 0xFF && data[1] == 0xFE || data[0] == 0xFE && data[1] == 0xFF):
		return decodeUTF16(data[2:], data[0] == 0xFE)
	}
	if utf8.Valid(data) {
		return string(data)
	}
	return decodeWindows1252(data)
}

func decodeUTF16(data []byte, bigEndian bool) string {
	u := make([]uint16, len(data)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
		} else {
			u[i] = uint16(data[2*i+1])<<8 | uint16(data[2*i])
		}
	}
	return string(utf16.Decode(u))
}

// cp1252 maps bytes 0x80–0x9F of Windows-1252 to Unicode (the rest of the
// code page coincides with Latin-1). Undefined bytes become U+FFFD.
var cp1252 = [32]rune{
	'€', '\uFFFD', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\uFFFD', 'Ž', '\uFFFD',
	'\uFFFD', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\uFFFD', 'ž', 'Ÿ',
}

func decodeWindows1252(data []byte) string {
	var sb strings.Builder
	sb.Grow(len(data) + len(data)/8)
	for _, c := range data {
		switch {
		case c < 0x80:
			sb.WriteByte(c)
		case c < 0xA0:
			sb.WriteRune(cp1252[c-0x80])
		default:
			sb.WriteRune(rune(c))
		}
	}
	return sb.String()
}

// forEachLine calls fn with each line of src and its 1-based number,
// without the line terminator. Lines end at "\n", "\r\n", or a lone "\r"
// (classic Mac files).
func forEachLine(src string, fn func(num int, text string)) {
	num := 0
	for len(src) > 0 {
		num++
		i := strings.IndexAny(src, "\r\n")
		if i < 0 {
			fn(num, src)
			return
		}
		fn(num, src[:i])
		if src[i] == '\r' && i+1 < len(src) && src[i+1] == '\n' {
			i++
		}
		src = src[i+1:]
	}
}

// lastLine is the number of the line after the last one, where
// end-of-file problems are reported.
func lastLine(src string) int {
	n := 0
	forEachLine(src, func(num int, _ string) { n = num })
	return n + 1
}
