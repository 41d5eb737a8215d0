package lexicon

import (
	"bufio"
	"cmp"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Class says how an entry acts on a sentence: it carries attitude itself
// (Affect, Relation) or it modifies the terms around it.
type Class uint8

// The classes, in the order [Lexicon.All] sorts them. The zero Class is
// invalid so that a forgotten field is caught rather than read as Affect.
const (
	Affect    Class = iota + 1 // evaluative word: praise, blame, success, failure
	Relation                   // cooperation–conflict event or state, graded on the Goldstein scale
	Negator                    // flips or weakens what follows: not, never, no
	Booster                    // intensifies: very, deeply, strongly
	Dampener                   // weakens: somewhat, slightly
	Contrast                   // shifts weight to the clause after it: but, however
	Hedge                      // lowers commitment: reportedly, allegedly
	Condition                  // opens an unreal clause: if, unless
	Report                     // reporting verb: said, claimed, told
	Compare                    // comparative frame: closer to, more than
	Marker                     // anything else the analyzer looks for
	Mood                       // the feel of a scene (death, disaster, paradise): counts for the whole sentence, not for a target
	numClasses
)

var classNames = [...]string{
	Affect:    "affect",
	Relation:  "relation",
	Negator:   "negator",
	Booster:   "booster",
	Dampener:  "dampener",
	Contrast:  "contrast",
	Hedge:     "hedge",
	Condition: "condition",
	Report:    "report",
	Compare:   "compare",
	Marker:    "marker",
	Mood:      "mood",
}

// String returns the word that names the class in a data file.
func (c Class) String() string {
	if c == 0 || c >= numClasses {
		return "Class(" + strconv.Itoa(int(c)) + ")"
	}
	return classNames[c]
}

// ParseClass returns the class named by s, as written in a data file.
func ParseClass(s string) (Class, error) {
	for c := Affect; c < numClasses; c++ {
		if classNames[c] == s {
			return c, nil
		}
	}
	return 0, fmt.Errorf("lexicon: unknown class %q (want one of %s)", s, strings.Join(classNames[1:], ", "))
}

// weightRange returns the inclusive bounds a weight of class c must lie in.
// Affect follows the -4..+4 rating scale that human sentiment ratings use;
// Relation follows Goldstein's -10..+10 conflict–cooperation scale;
// modifiers are multipliers or offsets and need less room.
func (c Class) weightRange() (lo, hi float64) {
	switch c {
	case Affect, Mood:
		return -4, 4
	case Relation:
		return -10, 10
	default:
		return -5, 5
	}
}

// Role says which party of a sentence an entry evaluates.
type Role uint8

// The roles. See the package documentation for how the analyzer uses them.
const (
	RoleAny     Role = iota // evaluates whatever it describes or is attached to
	RoleAgent               // evaluates the doer or possessor: "X's invasion of Y" blames X
	RolePatient             // evaluates whom it is done to or said about: "X condemned Y" blames Y
	RoleMutual              // a relation both parties share: "X and Y signed an accord"
)

var roleNames = [...]string{"any", "agent", "patient", "mutual"}

// String returns the role's name; all but RoleAny are the values of the
// role= key in a data file.
func (r Role) String() string {
	if int(r) < len(roleNames) {
		return roleNames[r]
	}
	return "Role(" + strconv.Itoa(int(r)) + ")"
}

func parseRole(s string) (Role, bool) {
	switch s {
	case "agent":
		return RoleAgent, true
	case "patient":
		return RolePatient, true
	case "mutual":
		return RoleMutual, true
	}
	return RoleAny, false
}

// MaxTermWords is the longest multiword term a data file may hold, in
// tokens. Matching cost grows with it, and longer idioms are better
// written as their shortest distinctive part.
const MaxTermWords = 6

// Entry is one line of a data file.
type Entry struct {
	Term   string  // folded tokens joined by single spaces
	Class  Class   // what the entry does
	Weight float64 // affect [-4,4], relation [-10,10], others [-5,5]
	Role   Role    // whom it evaluates; RoleAny for modifiers
	Source string  // provenance tag from the src= key, "" if none
	File   string  // file the entry came from, e.g. "data/affect.tsv"
	Line   int     // 1-based line in File
	Note   string  // the line's "# note" field, without the '#'
}

// entryKey identifies an entry: a term may appear once per class.
type entryKey struct {
	term  string
	class Class
}

func compareEntries(a, b Entry) int {
	if c := strings.Compare(a.Term, b.Term); c != 0 {
		return c
	}
	return cmp.Compare(a.Class, b.Class)
}

// Lexicon is a set of entries indexed by term. It is immutable after
// construction and safe for concurrent use by multiple goroutines;
// [Lexicon.Extend] and [Lexicon.Without] return new lexicons.
type Lexicon struct {
	entries  []Entry            // sorted by compareEntries
	index    map[string][]Entry // term → its entries, sub-slices of entries
	sources  map[string]string  // src tag → description from the file header
	maxWords int
}

// build indexes entries, which it takes ownership of.
func build(entries []Entry, sources map[string]string) *Lexicon {
	if !slices.IsSortedFunc(entries, compareEntries) {
		// Sorting indices and moving each Entry once beats swapping the
		// large structs in place by a factor of about three.
		order := make([]int32, len(entries))
		for i := range order {
			order[i] = int32(i)
		}
		slices.SortFunc(order, func(a, b int32) int { return compareEntries(entries[a], entries[b]) })
		sorted := make([]Entry, len(entries))
		for i, j := range order {
			sorted[i] = entries[j]
		}
		entries = sorted
	}
	l := &Lexicon{
		entries: entries,
		index:   make(map[string][]Entry, len(entries)),
		sources: sources,
	}
	for i := 0; i < len(entries); {
		j := i + 1
		for j < len(entries) && entries[j].Term == entries[i].Term {
			j++
		}
		l.index[entries[i].Term] = entries[i:j:j]
		l.maxWords = max(l.maxWords, strings.Count(entries[i].Term, " ")+1)
		i = j
	}
	return l
}

// Lookup returns the entries for a folded term (lower-case NFC tokens
// joined by single spaces), one per class, sorted by class. It returns nil
// when the term is absent. The slice is the caller's to keep.
func (l *Lexicon) Lookup(term string) []Entry {
	if es, ok := l.index[term]; ok {
		return slices.Clone(es)
	}
	return nil
}

// Len returns the number of entries.
func (l *Lexicon) Len() int { return len(l.entries) }

// All yields every entry, sorted by term, then class.
func (l *Lexicon) All() iter.Seq[Entry] {
	return func(yield func(Entry) bool) {
		for _, e := range l.entries {
			if !yield(e) {
				return
			}
		}
	}
}

// MaxWords returns the number of tokens in the longest term, which bounds
// how far ahead a matcher has to look.
func (l *Lexicon) MaxWords() int { return l.maxWords }

// Extend returns a new lexicon holding l's entries and other's, where an
// entry of other replaces l's entry for the same term and class. This is
// how users add to or correct the built-in lexicon.
func (l *Lexicon) Extend(other *Lexicon) *Lexicon {
	override := make(map[entryKey]bool, len(other.entries))
	for _, e := range other.entries {
		override[entryKey{e.Term, e.Class}] = true
	}
	entries := make([]Entry, 0, len(l.entries)+len(other.entries))
	for _, e := range l.entries {
		if !override[entryKey{e.Term, e.Class}] {
			entries = append(entries, e)
		}
	}
	entries = append(entries, other.entries...)
	sources := maps.Clone(l.sources)
	if sources == nil {
		sources = map[string]string{}
	}
	for tag, desc := range other.sources {
		sources[tag] = desc
	}
	return build(entries, sources)
}

// Without returns a new lexicon lacking the entries of the given classes.
// With [Lexicon.Extend] it lets users replace the built-in affect and
// relation entries with their own while keeping the built-in modifiers:
//
//	lex := lexicon.English().Without(lexicon.Affect, lexicon.Relation).Extend(mine)
func (l *Lexicon) Without(c ...Class) *Lexicon {
	entries := make([]Entry, 0, len(l.entries))
	for _, e := range l.entries {
		if !slices.Contains(c, e.Class) {
			entries = append(entries, e)
		}
	}
	sources := map[string]string{}
	for _, e := range entries {
		if desc, ok := l.sources[e.Source]; ok {
			sources[e.Source] = desc
		}
	}
	return build(entries, sources)
}

// Format writes l as a canonical data file: a header declaring the src
// tags in use, then one line per entry sorted by term and class, with
// weights in their shortest exact decimal form. Parse reads it back to an
// equal lexicon (File and Line aside).
func Format(w io.Writer, l *Lexicon) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# geostance lexicon, %d entries: term<TAB>class<TAB>weight[<TAB>key=value]...[<TAB># note]\n", len(l.entries))
	for _, tag := range slices.Sorted(maps.Keys(l.sources)) {
		if desc := l.sources[tag]; desc != "" {
			fmt.Fprintf(bw, "# src=%s %s\n", tag, desc)
		} else {
			fmt.Fprintf(bw, "# src=%s\n", tag)
		}
	}
	var line []byte
	for _, e := range l.entries {
		line = appendEntry(line[:0], e)
		line = append(line, '\n')
		bw.Write(line)
	}
	return bw.Flush()
}

func appendEntry(b []byte, e Entry) []byte {
	b = append(b, e.Term...)
	b = append(b, '\t')
	b = append(b, e.Class.String()...)
	b = append(b, '\t')
	b = strconv.AppendFloat(b, e.Weight, 'f', -1, 64)
	if e.Role != RoleAny {
		b = append(b, "\trole="...)
		b = append(b, e.Role.String()...)
	}
	if e.Source != "" {
		b = append(b, "\tsrc="...)
		b = append(b, e.Source...)
	}
	if e.Note != "" {
		b = append(b, "\t# "...)
		b = append(b, e.Note...)
	}
	return b
}

// Parse reads a data file (see the package documentation for its format).
// file names the input in error messages and in each Entry. When the input
// has problems Parse reports all of them, up to a cap, as *ParseError
// values joined with [errors.Join], and returns a nil lexicon.
func Parse(r io.Reader, file string) (*Lexicon, error) {
	p := newLexParser()
	if err := p.parse(r, file); err != nil {
		return nil, err
	}
	return p.finish()
}

// ParseFS parses the named files of fsys and merges them into one
// lexicon. A term and class present in two files is a duplicate, reported
// with both positions, as within one file.
func ParseFS(fsys fs.FS, names ...string) (*Lexicon, error) {
	if len(names) == 0 {
		return nil, errors.New("lexicon: ParseFS: no file names")
	}
	p := newLexParser()
	var errs []error
	for _, name := range names {
		f, err := fsys.Open(name)
		if err != nil {
			errs = append(errs, fmt.Errorf("lexicon: %w", err))
			continue
		}
		err = p.parse(f, name)
		f.Close()
		if err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return p.finish()
}

type lexParser struct {
	entries []Entry
	seen    map[entryKey]int // → index in entries
	sources map[string]string
}

func newLexParser() *lexParser {
	return &lexParser{seen: map[entryKey]int{}, sources: map[string]string{}}
}

func (p *lexParser) finish() (*Lexicon, error) {
	return build(p.entries, p.sources), nil
}

// parse adds the entries of one file to p.
func (p *lexParser) parse(r io.Reader, file string) error {
	var (
		errs     errorList
		declared = map[string]bool{} // src tags declared so far in this file
		lineNo   int
	)
	data, err := io.ReadAll(r)
	if err != nil {
		errs.add(&ParseError{File: file, Line: 1, Msg: err.Error(), Err: err})
		return errs.err()
	}
	// One string for the whole file: entries' terms and notes are slices
	// of it, which saves an allocation per line.
	text := strings.TrimPrefix(string(data), "\ufeff")
	p.entries = slices.Grow(p.entries, strings.Count(text, "\n")+1)
	for len(text) > 0 {
		var line string
		line, text, _ = strings.Cut(text, "\n")
		line = strings.TrimSuffix(line, "\r") // tolerate files saved on Windows
		lineNo++
		e, tag, desc, perr := parseLine(line, file, lineNo)
		if perr != nil {
			if !errs.add(perr) {
				return errs.err()
			}
			continue
		}
		if tag != "" { // a "# src=tag description" declaration
			declared[tag] = true
			if _, ok := p.sources[tag]; !ok || p.sources[tag] == "" {
				p.sources[tag] = desc
			}
			continue
		}
		if e.Term == "" { // comment or blank line
			continue
		}
		k := entryKey{e.Term, e.Class}
		if i, dup := p.seen[k]; dup {
			first := p.entries[i]
			where := "line " + strconv.Itoa(first.Line)
			if first.File != file {
				where = first.File + ":" + strconv.Itoa(first.Line)
			}
			if !errs.add(&ParseError{File: file, Line: lineNo, Col: 1,
				Msg: fmt.Sprintf("duplicate entry %q %s (first at %s)", e.Term, e.Class, where)}) {
				return errs.err()
			}
			continue
		}
		if e.Source != "" && !declared[e.Source] {
			if !errs.add(&ParseError{File: file, Line: lineNo, Col: srcCol(line),
				Msg: fmt.Sprintf("src tag %q is not declared by a \"# src=%s description\" comment above it", e.Source, e.Source)}) {
				return errs.err()
			}
			continue
		}
		p.seen[k] = len(p.entries)
		p.entries = append(p.entries, e)
	}
	return errs.err()
}

// srcCol returns the 1-based byte column of the src= value of a line.
func srcCol(line string) int {
	if i := strings.Index(line, "\tsrc="); i >= 0 {
		return i + 1 + len("\tsrc=")
	}
	return 1
}

// tsvField is a tab-separated field and its 1-based byte column.
type tsvField struct {
	s   string
	col int
}

// parseLine parses one line. It returns a zero Entry for blank and comment
// lines, and a non-empty tag for a "# src=tag description" declaration.
func parseLine(line, file string, lineNo int) (e Entry, tag, desc string, err *ParseError) {
	errAt := func(col int, cause error, format string, args ...any) *ParseError {
		return &ParseError{File: file, Line: lineNo, Col: col, Msg: fmt.Sprintf(format, args...), Err: cause}
	}
	if !utf8.ValidString(line) {
		i := 0
		for i < len(line) {
			r, size := utf8.DecodeRuneInString(line[i:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			i += size
		}
		return e, "", "", errAt(i+1, nil, "invalid UTF-8")
	}
	trimmed := strings.TrimLeft(line, " \t")
	switch {
	case trimmed == "":
		return e, "", "", nil
	case trimmed[0] == '#':
		tag, desc, ok, msg := parseSrcDecl(trimmed)
		if msg != "" {
			return e, "", "", errAt(len(line)-len(trimmed)+1, nil, "%s", msg)
		}
		if ok {
			return e, tag, desc, nil
		}
		return e, "", "", nil
	case len(trimmed) != len(line):
		return e, "", "", errAt(1, nil, "line starts with white space; an entry starts with its term")
	}

	// Split into fields; a note takes the rest of the line, tabs included.
	var buf [8]tsvField // enough for every well-formed line: no allocation
	fields := buf[:0]
	note, hasNote := "", false
	for col := 0; ; {
		end := strings.IndexByte(line[col:], '\t')
		if len(fields) >= 3 && strings.HasPrefix(line[col:], "#") {
			note, hasNote = strings.TrimSpace(line[col+1:]), true
			break
		}
		if end < 0 {
			fields = append(fields, tsvField{line[col:], col + 1})
			break
		}
		fields = append(fields, tsvField{line[col : col+end], col + 1})
		col += end + 1
	}
	if len(fields) < 3 {
		msg := fmt.Sprintf("want at least 3 tab-separated fields (term, class, weight), got %d", len(fields))
		if looksSpaceSeparated(fields) {
			msg += "; fields must be separated by tabs, not spaces"
		}
		return e, "", "", errAt(1, nil, "%s", msg)
	}
	for _, f := range fields {
		if f.s == "" {
			return e, "", "", errAt(f.col, nil, "empty field (two tabs in a row, or a trailing tab)")
		}
	}
	for _, f := range fields[1:] {
		if strings.TrimSpace(f.s) != f.s {
			return e, "", "", errAt(f.col, nil, "field %q has leading or trailing spaces; separate fields with exactly one tab", f.s)
		}
	}

	term := fields[0]
	if msg, col := checkTerm(term.s); msg != "" {
		return e, "", "", errAt(term.col+col, nil, "%s", msg)
	}
	e.Term, e.File, e.Line = term.s, file, lineNo
	if hasNote {
		e.Note = note
	}

	c, cerr := ParseClass(fields[1].s)
	if cerr != nil {
		return e, "", "", errAt(fields[1].col, nil, "unknown class %q (want one of %s)", fields[1].s, strings.Join(classNames[1:], ", "))
	}
	e.Class = c

	ws := fields[2]
	w, werr := strconv.ParseFloat(ws.s, 64)
	if werr != nil {
		return e, "", "", errAt(ws.col, werr, "bad weight %q: want a plain decimal number such as -1.5", ws.s)
	}
	if !isPlainDecimal(ws.s) {
		return e, "", "", errAt(ws.col, nil, "bad weight %q: want a plain decimal number such as -1.5", ws.s)
	}
	if lo, hi := c.weightRange(); w < lo || w > hi || math.IsNaN(w) {
		return e, "", "", errAt(ws.col, nil, "weight %s out of range [%g, %g] for class %s", ws.s, lo, hi, c)
	}
	e.Weight = w

	var seenRole, seenSrc bool
	for _, f := range fields[3:] {
		k, v, ok := strings.Cut(f.s, "=")
		if !ok {
			return e, "", "", errAt(f.col, nil, "field %q: want key=value, or a note starting with '#'", f.s)
		}
		if k == "role" && seenRole || k == "src" && seenSrc {
			return e, "", "", errAt(f.col, nil, "key %q given twice", k)
		}
		switch k {
		case "role":
			seenRole = true
			if c != Affect && c != Relation {
				return e, "", "", errAt(f.col, nil, "role= applies only to affect and relation entries, not %s", c)
			}
			r, ok := parseRole(v)
			if !ok {
				return e, "", "", errAt(f.col+len("role="), nil, "unknown role %q (want agent, patient or mutual)", v)
			}
			e.Role = r
		case "src":
			seenSrc = true
			if !isTag(v) {
				return e, "", "", errAt(f.col+len("src="), nil, "bad src tag %q: want lower-case letters, digits and '-'", v)
			}
			e.Source = v
		default:
			return e, "", "", errAt(f.col, nil, "unknown key %q (want role or src)", k)
		}
	}
	return e, "", "", nil
}

// parseSrcDecl recognises a header comment "# src=tag description". It
// returns ok=false for ordinary comments and a message for a malformed
// declaration.
func parseSrcDecl(comment string) (tag, desc string, ok bool, msg string) {
	rest := strings.TrimSpace(strings.TrimPrefix(comment, "#"))
	if !strings.HasPrefix(rest, "src=") {
		return "", "", false, ""
	}
	rest = rest[len("src="):]
	tag, desc, _ = strings.Cut(rest, " ")
	tag, _, _ = strings.Cut(tag, "\t")
	desc = strings.TrimSpace(strings.TrimPrefix(rest, tag))
	if !isTag(tag) {
		return "", "", false, fmt.Sprintf("bad src declaration %q: want \"# src=tag description\" with a tag of lower-case letters, digits and '-'", comment)
	}
	return tag, desc, true, ""
}

func isTag(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// isPlainDecimal reports whether s is an optionally signed decimal without
// exponent, hexadecimal, underscores, Inf or NaN, all of which ParseFloat
// accepts but a hand-edited data file should not contain.
func isPlainDecimal(s string) bool {
	s = strings.TrimLeft(s, "+-")
	digits, dot := 0, false
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] >= '0' && s[i] <= '9':
			digits++
		case s[i] == '.' && !dot:
			dot = true
		default:
			return false
		}
	}
	return digits > 0
}

// looksSpaceSeparated reports whether a line with too few tab-separated
// fields has a class name among the space-separated words of one field:
// the usual result of an editor that expands tabs to spaces.
func looksSpaceSeparated(fields []tsvField) bool {
	for _, f := range fields {
		if !strings.Contains(f.s, " ") {
			continue
		}
		for _, w := range strings.Fields(f.s) {
			if _, err := ParseClass(w); err == nil {
				return true
			}
		}
	}
	return false
}

// clitics are the endings a tokenizer splits off as tokens of their own,
// so that a term holding one glued to its word could never match.
var clitics = []string{"n't", "'s", "'re", "'ll", "'ve", "'d", "'m"}

// checkTerm validates a term and returns a message and the 0-based byte
// offset of the problem, or "" when the term is well formed.
func checkTerm(term string) (msg string, off int) {
	if plainASCIITerm(term) {
		return checkTokens(term)
	}
	if strings.TrimSpace(term) != term {
		return "term has leading or trailing white space (tab/space confusion?)", 0
	}
	if i := strings.Index(term, "  "); i >= 0 {
		return "term has two spaces in a row; separate tokens with one space", i
	}
	if i := strings.IndexFunc(term, func(r rune) bool { return unicode.IsSpace(r) && r != ' ' }); i >= 0 {
		return "term contains white space other than single spaces", i
	}
	if !norm.NFC.IsNormalString(term) {
		return fmt.Sprintf("term %+q is not in Unicode normalization form NFC", term), 0
	}
	if i := strings.IndexFunc(term, func(r rune) bool { return unicode.IsUpper(r) || unicode.IsTitle(r) }); i >= 0 {
		return fmt.Sprintf("term %q is not lower-case", term), i
	}
	if i := strings.IndexAny(term, "\u2019\u2018\u02bc"); i >= 0 {
		return "write the apostrophe as ' (U+0027), as the tokenizer folds it", i
	}
	return checkTokens(term)
}

// plainASCIITerm reports whether term is made of lower-case ASCII
// letters, digits, hyphens, apostrophes, dots and single inner spaces: the common case,
// which needs none of the Unicode checks.
func plainASCIITerm(term string) bool {
	if term == "" || term[0] == ' ' || term[len(term)-1] == ' ' {
		return false
	}
	for i := 0; i < len(term); i++ {
		switch c := term[i]; {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '-', c == '\'', c == '.':
		case c == ' ' && term[i-1] != ' ':
		default:
			return false
		}
	}
	return true
}

// checkTokens checks the token count and the clitics of a term whose
// characters are known to be well formed.
func checkTokens(term string) (msg string, off int) {
	if n := strings.Count(term, " ") + 1; n > MaxTermWords {
		return fmt.Sprintf("term has %d tokens; at most %d are allowed", n, MaxTermWords), 0
	}
	off = 0
	for tok := range strings.SplitSeq(term, " ") {
		if strings.IndexByte(tok, '\'') < 0 {
			off += len(tok) + 1
			continue
		}
		for _, c := range clitics {
			if len(tok) > len(c) && strings.HasSuffix(tok, c) {
				stem := strings.TrimSuffix(tok, c)
				if r, _ := utf8.DecodeLastRuneInString(stem); unicode.IsLetter(r) {
					return fmt.Sprintf("token %q glues a clitic to its word; write %q as the tokenizer splits it", tok, stem+" "+c), off + len(stem)
				}
			}
		}
		off += len(tok) + 1
	}
	return "", 0
}

//go:embed data/affect.tsv data/relation.tsv data/modifiers.tsv data/general.tsv
var dataFS embed.FS

// englishFiles are the built-in data files, in the order they are parsed.
var englishFiles = []string{"data/affect.tsv", "data/relation.tsv", "data/modifiers.tsv", "data/general.tsv"}

var english = sync.OnceValue(func() *Lexicon {
	l, err := ParseFS(dataFS, englishFiles...)
	if err != nil {
		panic("lexicon: embedded data is broken: " + err.Error()) // unreachable: TestEnglishParses
	}
	return l
})

// English returns the built-in English lexicon: data/affect.tsv,
// data/relation.tsv and data/modifiers.tsv. It is parsed on first use and
// shared; it is immutable, like every Lexicon.
func English() *Lexicon { return english() }
