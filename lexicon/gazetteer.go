package lexicon

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"iter"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// EntityKind classifies a target declared in a gazetteer.
type EntityKind uint8

// Entity kinds. The first four are used by the built-in gazetteer; the
// others serve users' target files.
const (
	EntityOther     EntityKind = iota // any other KIND word; see [Entity.KindWord]
	EntityState                       // a sovereign state ("state")
	EntityObserver                    // a UN non-member observer state ("observer")
	EntityTerritory                   // a dependent or disputed territory ("territory")
	EntityOrg                         // an international organisation ("org")
	EntityPerson                      // a person as a target in its own right ("person")
	EntityParty                       // a political party ("party")
	EntityCompany                     // a company ("company")
)

var entityKindNames = [...]string{
	EntityOther:     "other",
	EntityState:     "state",
	EntityObserver:  "observer",
	EntityTerritory: "territory",
	EntityOrg:       "org",
	EntityPerson:    "person",
	EntityParty:     "party",
	EntityCompany:   "company",
}

// String returns the KIND word that declares entities of kind k.
func (k EntityKind) String() string {
	if int(k) < len(entityKindNames) {
		return entityKindNames[k]
	}
	return "EntityKind(" + strconv.Itoa(int(k)) + ")"
}

// AliasKind says how an alias refers to its entity, or, for the blockers
// AliasPlace and AliasTrap, why a text must not be read as a mention.
type AliasKind uint8

// Alias kinds.
const (
	AliasName        AliasKind = iota // official or common name: "PRC", "Britain"
	AliasDemonym                      // adjective or demonym, plurals listed: "Saudi", "Saudis"
	AliasCapital                      // capital used as a metonym: "Beijing"
	AliasInstitution                  // seat or institution used as a metonym: "Kremlin"
	AliasCombining                    // first part of a hyphenated compound: "Sino"
	AliasPerson                       // someone who speaks for the entity, between two dates
	AliasPlace                        // blocker: a place named after a state ("South China Sea")
	AliasTrap                         // blocker: a non-state sense ("Washington Post")
)

var aliasKindNames = [...]string{
	AliasName:        "name",
	AliasDemonym:     "demonym",
	AliasCapital:     "capital",
	AliasInstitution: "institution",
	AliasCombining:   "combining",
	AliasPerson:      "person",
	AliasPlace:       "place",
	AliasTrap:        "trap",
}

// String returns the KIND word of alias lines of kind k.
func (k AliasKind) String() string {
	if int(k) < len(aliasKindNames) {
		return aliasKindNames[k]
	}
	return "AliasKind(" + strconv.Itoa(int(k)) + ")"
}

// Blocker reports whether aliases of kind k veto a match instead of
// naming an entity.
func (k AliasKind) Blocker() bool { return k == AliasPlace || k == AliasTrap }

// Entity is a target declared in a gazetteer: a state, an organisation, or
// whatever a user's target file declares.
type Entity struct {
	ID       string     // "CHN", "EU", or a user's own id
	Name     string     // canonical English name, for display; matched only if also an alias
	Kind     EntityKind // what the target is; EntityOther for a user's own KIND word
	KindWord string     // the KIND column as written: Kind.String() except for EntityOther
	File     string     // file the entity was declared in, for provenance
	Line     int        // line of the declaration in File
}

// Alias is a text that refers to one or two entities, or a blocker that
// stops a longer text from being read as a mention.
type Alias struct {
	Text        string    // as written in the file (NFC)
	IDs         []string  // one or two entity ids; empty for AliasPlace and AliasTrap
	Kind        AliasKind // how Text refers to the entities, or why it blocks
	From, To    time.Time // AliasPerson only: valid in [From, To); To is zero when open
	Unambiguous bool      // a person alias that may match in a document with no date
	Ambiguous   bool      // reject next to another capitalised word that is not a name
	Placed      bool      // match only before a comma and a name of the alias's own entity
	Seat        bool      // a seat of government that is not the capital: a mention where it stands for the government, not where it is a place
	City        string    // the entity whose capital the alias is where it is a place rather than IDs[0] ("Brussels": the EU's, but Belgium's capital in "BRUSSELS (Reuters) -", "met in Brussels")
	After       []string  // lower-cased words after which a placed alias also matches mid-sentence ("in Male")
	Not         []string  // lower-cased context words that veto the match in a sentence
	Unless      []string  // lower-cased context words that lift a veto of Not ("Tbilisi" beside "Atlanta")
	Namesake    []string  // lower-cased context words or phrases that make the alias a town in a sentence naming a US state ("signpost", "road sign" beside "Maine")
	With        []string  // lower-cased context words or phrases of which a sentence must hold one for the alias to match ("bangui", "central african" for "CAR")
	Dateline    bool      // AliasInstitution only: a name several entities give an institution of their own ("State House"), each listing it: a mention only in a sentence whose dateline names one of them, or after one's possessive, as that one's
	Shared      string    // AliasDemonym and AliasInstitution only: another entity whose demonym or institution it is too, read as that one's in a sentence whose dateline names it and whose rest does not name IDs[0] ("ROSEAU, Dominica — Dominican officials")
	File        string    // file the alias came from, for provenance
	Line        int       // line in File
}

// Gazetteer is a set of target entities and their aliases, in file order.
// It is immutable once parsed and safe for concurrent use.
type Gazetteer struct {
	entities []Entity
	aliases  []Alias
	order    []gazRef // declarations and aliases interleaved as read, for FormatGazetteer
	index    map[string]int
}

// gazRef points into entities (entity true) or aliases.
type gazRef struct {
	entity bool
	i      int
}

//go:embed data/gazetteer.tsv
var gazetteerTSV []byte

var countries = sync.OnceValue(func() *Gazetteer {
	g, err := ParseGazetteer(bytes.NewReader(gazetteerTSV), "data/gazetteer.tsv")
	if err != nil {
		panic("lexicon: embedded data/gazetteer.tsv: " + err.Error()) // unreachable: TestCountriesParses
	}
	return g
})

// Countries returns the built-in gazetteer: the 193 UN member states,
// Taiwan, Kosovo, the two UN observer states, a few territories with an
// identity of their own in the news, and the main international
// organisations, with their names, demonyms, capitals, institutions and
// (date-bounded) leaders. It is shared and read-only.
func Countries() *Gazetteer { return countries() }

// Entity returns the entity declared with the given id.
func (g *Gazetteer) Entity(id string) (Entity, bool) {
	i, ok := g.index[id]
	if !ok {
		return Entity{}, false
	}
	return g.entities[i], true
}

// Entities yields the declared entities in file order.
func (g *Gazetteer) Entities() iter.Seq[Entity] {
	return func(yield func(Entity) bool) {
		for _, e := range g.entities {
			if !yield(e) {
				return
			}
		}
	}
}

// Aliases yields the aliases and blockers in file order. Each yielded
// Alias owns its slices: changing them does not change g.
func (g *Gazetteer) Aliases() iter.Seq[Alias] {
	return func(yield func(Alias) bool) {
		for _, a := range g.aliases {
			a.IDs = slices.Clone(a.IDs)
			a.Not = slices.Clone(a.Not)
			a.Unless = slices.Clone(a.Unless)
			a.Namesake = slices.Clone(a.Namesake)
			a.With = slices.Clone(a.With)
			if !yield(a) {
				return
			}
		}
	}
}

// Len returns the number of entities.
func (g *Gazetteer) Len() int { return len(g.entities) }

// ParseGazetteer reads a gazetteer in the format below; file names the
// input in error messages. It reports every problem it finds (up to a
// limit), each as a *[ParseError] positioned at file:line:col, joined with
// [errors.Join].
//
// # Format
//
// The input is UTF-8 text, one record per line. Blank lines are ignored,
// as are lines whose first non-blank character is '#' and, on any line,
// everything from a TAB followed by '#' (a trailing note). A record has
// TAB-separated columns:
//
//	ID <TAB> KIND <TAB> TEXT [<TAB> key=value]...
//
// No column may be empty or start or end with a space.
//
// A declaration introduces an entity: ID is new, KIND says what it is and
// TEXT is its canonical name, shown in reports. KIND is state, observer,
// territory, org, party or company; person with no from= on a new ID
// declares a person; any other lower-case word ("union", "militia")
// declares an entity of kind [EntityOther] that keeps the word. IDs are
// letters, digits and '_'; each is declared once, before its aliases, and
// every declaration needs at least one alias in the same file, since the
// canonical name is not matched by itself:
//
//	CHN	state	China
//	CHN	name	China
//	CHN	name	People's Republic of China
//
// An alias line gives a text that refers to a declared entity. KIND is
// one of
//
//	name         official and common names: "PRC", "Britain", "Türkiye"
//	demonym      adjectives and demonyms, every plural written out: "Saudi", "Saudis"
//	capital      the capital as a metonym: "Beijing"
//	institution  seats and institutions as metonyms: "Kremlin", "Brussels" for EU
//	combining    the first part of a hyphenated compound only: "Sino" in "Sino-Indian"
//	person       someone who speaks for the entity; needs from=
//	place        blocker: a place containing a name ("South China Sea"); ID is "-"
//	trap         blocker: a non-state sense ("Washington Post"); ID is "-"
//
// A name, demonym or combining form may refer to two entities at once,
// written ID+ID: "KOR+PRK	name	Koreas"; a combining form with two ids is
// a blend that also stands alone ("AFG+PAK	combining	AfPak"). Matching is case-sensitive and treats ’ as ',
// so TEXT is written as the news writes it. A blocker written in running
// text also blocks its Title Case form ("German shepherd" blocks "German
// Shepherd"), and the lower-case words that begin one ("ancient Greeks")
// match in any case.
//
// Alias lines take optional fields, each at most once:
//
//	from=YYYY-MM-DD   person: first day in office (required)
//	to=YYYY-MM-DD     person: first day out of office (exclusive); open if absent
//	unambiguous=true  person: may match in a document that has no date
//	ambiguous=true    not next to an unknown capitalised word ("Chad Smith")
//	placed=true       only before a comma and a name of its own entity, as a
//	                  dateline places a capital too ambiguous to stand alone:
//	                  "VICTORIA, Seychelles", but not "Victoria Beckham" or "Lake Victoria"
//	seat=true         capitals and institutions only: a seat of government
//	                  that is not the capital, a mention where it stands for
//	                  the government ("Tel Aviv said") but not where it is a
//	                  place: a dateline ("TEL AVIV (Reuters) -") or after a
//	                  word of place ("talks in Tel Aviv")
//	city=ID           capitals and institutions of one entity only: where the
//	                  alias is a place, in a dateline or after a word of place
//	                  other than "from", it is the capital of ID: "Brussels"
//	                  stands for the EU ("warnings from Brussels"), but
//	                  "BRUSSELS (Reuters) -" and "ministers met in Brussels"
//	                  name Belgium's capital
//	after=w1|w2|...   placed aliases only: also right after one of these
//	                  words inside a sentence that is not a headline, unless a
//	                  capitalised word follows: a capital that is otherwise
//	                  a common word at the start of a sentence ("talks in
//	                  Male", but not "Male nurses" or "a Male Voice Choir")
//	not=w1|w2|...     not in a sentence containing any of these words (lower-cased);
//	                  a word that tokenizes to several tokens ("c++"), or a
//	                  phrase of words separated by single spaces ("party
//	                  food"), is met as their run
//	unless=w1|w2|...  but in one containing any of these, whatever not= says:
//	                  "Georgian soldiers" beside "ATLANTA" and "Tbilisi"
//	namesake=w1|w2|.. not in a sentence that names a US state or a Canadian
//	                  province and contains any of these words, or phrases
//	                  of words separated by single spaces ("road sign"): a
//	                  town of the name there ("a signpost in Maine points to
//	                  Norway"), or a thing of the name raised there
//	                  ("Turkey farmers in Minnesota")
//	with=w1|w2|...    only in a sentence, not in capitals, that contains one
//	                  of these words or phrases, and never inside a compound:
//	                  an abbreviation that is mostly something else ("CAR",
//	                  the Central African Republic beside "Bangui" or "Chad",
//	                  but not a car park, a CAR-T therapy or a bank's capital
//	                  adequacy ratio)
//	dateline=true     institutions of one entity only: a name that several
//	                  entities give an institution of their own, each
//	                  listing it ("State House", the presidency of Kenya,
//	                  Nigeria, Zambia and others); a mention only in a
//	                  sentence whose dateline names one of them ("LUSAKA
//	                  (Reuters) - State House said") or after one's
//	                  possessive ("Kenya's State House"), as that one's
//	shared=ID         demonym or institution: also entity ID's, declared
//	                  anywhere in the file; read as ID's in a sentence whose
//	                  dateline names ID and whose rest does not name the
//	                  alias's own entity: "Dominican" is the Dominican
//	                  Republic's, but Dominica's in "ROSEAU, Dominica (AP)
//	                  — Dominican officials said"; the Amiri Diwan is
//	                  Qatar's, but Kuwait's after "KUWAIT CITY (KUNA) —"
//
// Blockers and declarations take no fields. The same TEXT may appear once
// per ID and KIND; a person may appear again with dates that do not
// overlap.
func ParseGazetteer(r io.Reader, file string) (*Gazetteer, error) {
	g := &Gazetteer{index: make(map[string]int)}
	return g.parse(r, file)
}

// Extend returns a new gazetteer holding g's entities and aliases followed
// by those read from r, in the format of [ParseGazetteer]. Lines in r may
// add aliases to g's entities, declare new ones and add blockers; g is
// unchanged. Errors are reported as by ParseGazetteer.
func (g *Gazetteer) Extend(r io.Reader, file string) (*Gazetteer, error) {
	h := &Gazetteer{
		entities: slices.Clone(g.entities),
		aliases:  slices.Clone(g.aliases),
		order:    slices.Clone(g.order),
		index:    make(map[string]int, len(g.index)),
	}
	for id, i := range g.index {
		h.index[id] = i
	}
	return h.parse(r, file)
}

// FormatGazetteer writes g in the canonical form of the format read by
// [ParseGazetteer]: records in their original order, no comments or
// blank lines, fields in the order from, to, unambiguous, ambiguous, not.
// Parsing the output yields g again, up to File and Line.
func FormatGazetteer(w io.Writer, g *Gazetteer) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("# ID\tKIND\tTEXT\t[key=value]...\n")
	for _, r := range g.order {
		if r.entity {
			e := g.entities[r.i]
			fmt.Fprintf(bw, "%s\t%s\t%s\n", e.ID, e.KindWord, e.Name)
			continue
		}
		a := g.aliases[r.i]
		id := "-"
		if len(a.IDs) > 0 {
			id = strings.Join(a.IDs, "+")
		}
		fmt.Fprintf(bw, "%s\t%s\t%s", id, a.Kind, a.Text)
		if !a.From.IsZero() {
			fmt.Fprintf(bw, "\tfrom=%s", a.From.Format(gazDateLayout))
		}
		if !a.To.IsZero() {
			fmt.Fprintf(bw, "\tto=%s", a.To.Format(gazDateLayout))
		}
		if a.Unambiguous {
			bw.WriteString("\tunambiguous=true")
		}
		if a.Ambiguous {
			bw.WriteString("\tambiguous=true")
		}
		if a.Placed {
			bw.WriteString("\tplaced=true")
		}
		if a.Seat {
			bw.WriteString("\tseat=true")
		}
		if a.City != "" {
			fmt.Fprintf(bw, "\tcity=%s", a.City)
		}
		if len(a.After) > 0 {
			fmt.Fprintf(bw, "\tafter=%s", strings.Join(a.After, "|"))
		}
		if len(a.Not) > 0 {
			fmt.Fprintf(bw, "\tnot=%s", strings.Join(a.Not, "|"))
		}
		if len(a.Unless) > 0 {
			fmt.Fprintf(bw, "\tunless=%s", strings.Join(a.Unless, "|"))
		}
		if len(a.Namesake) > 0 {
			fmt.Fprintf(bw, "\tnamesake=%s", strings.Join(a.Namesake, "|"))
		}
		if len(a.With) > 0 {
			fmt.Fprintf(bw, "\twith=%s", strings.Join(a.With, "|"))
		}
		if a.Dateline {
			bw.WriteString("\tdateline=true")
		}
		if a.Shared != "" {
			fmt.Fprintf(bw, "\tshared=%s", a.Shared)
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

const gazDateLayout = "2006-01-02"

// gazMaxLine bounds a line: the longest real record is a few hundred bytes,
// so anything near this is a binary or mis-encoded file.
const gazMaxLine = 64 << 10

// gazField is one TAB-separated column and its 1-based byte column.
type gazField struct {
	s   string
	col int
}

// gazAliasKey identifies an alias for duplicate detection: the same text may
// appear once per id set and kind, except that a person may return for
// another term whose dates do not overlap.
type gazAliasKey struct {
	ids, text string
	kind      AliasKind
}

// gazParser holds the state of one ParseGazetteer or Extend call.
type gazParser struct {
	g       *Gazetteer
	file    string
	errs    errorList
	full    bool                  // errs stopped accepting
	first   int                   // index in g.entities of the first entity of this file
	uses    []int                 // aliases per entity of this file, by index-first
	seen    map[gazAliasKey][]int // indices into g.aliases
	laterAt map[string]int        // declarations by line, to explain aliases that come too early
}

func (g *Gazetteer) parse(r io.Reader, file string) (*Gazetteer, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("lexicon: reading %s: %w", file, err)
	}
	p := &gazParser{g: g, file: file, first: len(g.entities), seen: make(map[gazAliasKey][]int)}
	for i, a := range g.aliases {
		k := gazKeyOf(a)
		p.seen[k] = append(p.seen[k], i)
	}
	lines := gazSplitLines(data)
	p.laterAt = gazDeclaredLater(lines)
	for n, line := range lines {
		if p.full {
			break
		}
		p.line(n+1, line)
	}
	for i, c := range p.uses {
		if c == 0 && !p.full {
			e := g.entities[p.first+i]
			p.errorf(e.Line, 0, nil, "entity %q has no aliases: its name is matched only when also given as a name alias", e.ID)
		}
	}
	if err := p.errs.err(); err != nil {
		return nil, err
	}
	return g, nil
}

// gazSplitLines splits data into lines without their terminators, dropping a
// leading byte order mark and the CR of CRLF endings.
func gazSplitLines(data []byte) []string {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	s := string(data)
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	return lines
}

// gazDeclaredLater maps the ids of lines that certainly declare an entity to
// their line numbers, so an alias that comes first can say where its
// entity is.
func gazDeclaredLater(lines []string) map[string]int {
	m := make(map[string]int)
	for n, line := range lines {
		cols := strings.SplitN(line, "\t", 3)
		if len(cols) < 3 {
			continue
		}
		switch cols[1] {
		case "state", "observer", "territory", "org", "party", "company":
			if _, ok := m[cols[0]]; !ok {
				m[cols[0]] = n + 1
			}
		}
	}
	return m
}

func (p *gazParser) errorf(line, col int, cause error, format string, args ...any) {
	if p.full {
		return
	}
	p.full = !p.errs.add(&ParseError{File: p.file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...), Err: cause})
}

// where names the position of an earlier record: just the line within the
// same file, file:line across files.
func (p *gazParser) where(file string, line int) string {
	if file == p.file {
		return "line " + strconv.Itoa(line)
	}
	return file + ":" + strconv.Itoa(line)
}

func (p *gazParser) line(n int, line string) {
	if !utf8.ValidString(line) {
		col := 1
		for i, r := range line {
			if r == utf8.RuneError {
				col = i + 1
				break
			}
		}
		p.errorf(n, col, nil, "invalid UTF-8")
		return
	}
	if len(line) > gazMaxLine {
		p.errorf(n, 0, nil, "line longer than %d bytes", gazMaxLine)
		return
	}
	if i := strings.Index(line, "\t#"); i >= 0 {
		line = line[:i]
	}
	line = strings.TrimRight(line, " \t")
	if t := strings.TrimLeft(line, " "); t == "" || t[0] == '#' {
		return
	}
	var cols []gazField
	start := 0
	for i := 0; i <= len(line); i++ {
		if i == len(line) || line[i] == '\t' {
			cols = append(cols, gazField{line[start:i], start + 1})
			start = i + 1
		}
	}
	bad := false
	for _, c := range cols {
		switch {
		case c.s == "":
			p.errorf(n, c.col, nil, "empty column")
			bad = true
		case strings.TrimSpace(c.s) != c.s:
			p.errorf(n, c.col, nil, "column %q starts or ends with a space", c.s)
			bad = true
		}
	}
	if bad {
		return
	}
	if len(cols) < 3 {
		p.errorf(n, 0, nil, "want ID<TAB>KIND<TAB>TEXT, got %d column(s); columns are separated by tabs", len(cols))
		return
	}
	id, kind, text, extra := cols[0], cols[1], cols[2], cols[3:]
	if c := strings.IndexFunc(text.s, unicode.IsControl); c >= 0 {
		p.errorf(n, text.col+c, nil, "control character in text")
		return
	}
	text.s = norm.NFC.String(text.s)

	if ak, ok := parseAliasKind(kind.s); ok {
		if ak == AliasPerson && !p.declared(id.s) && !gazHasKey(extra, "from") && gazValidID(id.s) {
			if len(extra) > 0 {
				p.errorf(n, extra[0].col, nil, "declaration of person %q takes no key=value fields (a person alias needs from=)", id.s)
				return
			}
			p.declare(n, id, EntityPerson, kind.s, text)
			return
		}
		p.alias(n, id, ak, kind, text, extra)
		return
	}
	ek, ok := parseEntityKind(kind.s)
	if !ok {
		p.errorf(n, kind.col, nil, "unknown kind %q", kind.s)
		return
	}
	if ek == EntityOther && p.declared(id.s) {
		p.errorf(n, kind.col, nil, "unknown alias kind %q (want name, demonym, capital, institution, combining, person, place or trap)", kind.s)
		return
	}
	if len(extra) > 0 {
		p.errorf(n, extra[0].col, nil, "entity declarations take no key=value fields")
		return
	}
	p.declare(n, id, ek, kind.s, text)
}

func (p *gazParser) declared(id string) bool {
	_, ok := p.g.index[id]
	return ok
}

func gazHasKey(fields []gazField, key string) bool {
	for _, f := range fields {
		if k, _, _ := strings.Cut(f.s, "="); k == key {
			return true
		}
	}
	return false
}

func gazValidID(id string) bool {
	if id == "" {
		return false
	}
	for _, r := range id {
		if !(r == '_' || r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))) {
			return false
		}
	}
	return true
}

func parseAliasKind(s string) (AliasKind, bool) {
	for k, name := range aliasKindNames {
		if name == s {
			return AliasKind(k), true
		}
	}
	return 0, false
}

// parseEntityKind maps a KIND word to an entity kind: a known word, or
// EntityOther for any other lower-case word.
func parseEntityKind(s string) (EntityKind, bool) {
	for k, name := range entityKindNames {
		if name == s && EntityKind(k) != EntityOther {
			return EntityKind(k), true
		}
	}
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return 0, false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r == '-') {
			return 0, false
		}
	}
	return EntityOther, true
}

func (p *gazParser) declare(n int, id gazField, kind EntityKind, word string, name gazField) {
	if strings.Contains(id.s, "+") {
		p.errorf(n, id.col, nil, "a declaration names one entity, not %q", id.s)
		return
	}
	if !gazValidID(id.s) {
		p.errorf(n, id.col, nil, "bad id %q: want letters, digits and '_'", id.s)
		return
	}
	if i, ok := p.g.index[id.s]; ok {
		first := p.g.entities[i]
		p.errorf(n, id.col, nil, "duplicate entity %q (first at %s)", id.s, p.where(first.File, first.Line))
		return
	}
	p.g.index[id.s] = len(p.g.entities)
	p.g.order = append(p.g.order, gazRef{entity: true, i: len(p.g.entities)})
	p.g.entities = append(p.g.entities, Entity{ID: id.s, Name: name.s, Kind: kind, KindWord: word, File: p.file, Line: n})
	p.uses = append(p.uses, 0)
}

func (p *gazParser) alias(n int, id gazField, kind AliasKind, kindCol, text gazField, extra []gazField) {
	a := Alias{Text: text.s, Kind: kind, File: p.file, Line: n}
	if kind.Blocker() {
		if id.s != "-" {
			p.errorf(n, id.col, nil, "a %s blocker takes the id \"-\", not %q", kind, id.s)
			return
		}
		if len(extra) > 0 {
			p.errorf(n, extra[0].col, nil, "a %s blocker takes no key=value fields", kind)
			return
		}
	} else if !p.aliasIDs(n, id, kind, &a) {
		return
	}
	if !p.fields(n, kind, extra, &a) {
		return
	}
	k := gazKeyOf(a)
	for _, j := range p.seen[k] {
		b := p.g.aliases[j]
		if kind.Blocker() {
			p.errorf(n, text.col, nil, "duplicate %s %q (first at %s)", kind, a.Text, p.where(b.File, b.Line))
			return
		}
		if kind != AliasPerson {
			p.errorf(n, text.col, nil, "duplicate %s %q for %s (first at %s)", kind, a.Text, id.s, p.where(b.File, b.Line))
			return
		}
		if gazOverlaps(a, b) {
			p.errorf(n, text.col, nil, "person %q for %s overlaps the dates at %s", a.Text, id.s, p.where(b.File, b.Line))
			return
		}
	}
	p.seen[k] = append(p.seen[k], len(p.g.aliases))
	p.g.order = append(p.g.order, gazRef{i: len(p.g.aliases)})
	p.g.aliases = append(p.g.aliases, a)
	for _, e := range a.IDs {
		if i := p.g.index[e] - p.first; i >= 0 {
			p.uses[i]++
		}
	}
}

// aliasIDs checks and stores the ids of an alias line.
func (p *gazParser) aliasIDs(n int, id gazField, kind AliasKind, a *Alias) bool {
	if id.s == "-" {
		p.errorf(n, id.col, nil, "a %s alias needs an entity id, not \"-\"", kind)
		return false
	}
	ids := strings.Split(id.s, "+")
	if len(ids) > 1 && kind != AliasName && kind != AliasDemonym && kind != AliasCombining {
		p.errorf(n, id.col, nil, "only name, demonym and combining aliases may name two entities (%q)", id.s)
		return false
	}
	if len(ids) > 2 {
		p.errorf(n, id.col, nil, "an alias names at most two entities, not %q", id.s)
		return false
	}
	if len(ids) == 2 && ids[0] == ids[1] {
		p.errorf(n, id.col, nil, "entity %q named twice in %q", ids[0], id.s)
		return false
	}
	ok := true
	col := id.col
	for _, e := range ids {
		switch {
		case !gazValidID(e):
			p.errorf(n, col, nil, "bad id %q: want letters, digits and '_'", e)
			ok = false
		case !p.declared(e):
			if at, later := p.laterAt[e]; later && at > n {
				p.errorf(n, col, nil, "unknown id %q: declared at line %d, after its first alias", e, at)
			} else {
				p.errorf(n, col, nil, "unknown id %q", e)
			}
			ok = false
		}
		col += len(e) + 1
	}
	a.IDs = ids
	return ok
}

// fields parses the key=value columns of an alias line into a.
func (p *gazParser) fields(n int, kind AliasKind, extra []gazField, a *Alias) bool {
	ok := true
	seen := make(map[string]bool, len(extra))
	var toCol int
	for _, f := range extra {
		key, val, found := strings.Cut(f.s, "=")
		if !found || key == "" {
			p.errorf(n, f.col, nil, "bad field %q: want key=value", f.s)
			ok = false
			continue
		}
		if seen[key] {
			p.errorf(n, f.col, nil, "duplicate key %q", key)
			ok = false
			continue
		}
		seen[key] = true
		vcol := f.col + len(key) + 1
		switch key {
		case "from", "to", "unambiguous":
			if kind != AliasPerson {
				p.errorf(n, f.col, nil, "%s= is only for person aliases", key)
				ok = false
				continue
			}
		case "shared":
			if kind != AliasDemonym && kind != AliasInstitution || len(a.IDs) != 1 {
				p.errorf(n, f.col, nil, "shared= is only for demonyms and institutions of one entity")
				ok = false
				continue
			}
		case "seat":
			if kind != AliasCapital && kind != AliasInstitution {
				p.errorf(n, f.col, nil, "seat= is only for capitals and institutions")
				ok = false
				continue
			}
		case "city":
			if kind != AliasCapital && kind != AliasInstitution || len(a.IDs) != 1 {
				p.errorf(n, f.col, nil, "city= is only for capitals and institutions of one entity")
				ok = false
				continue
			}
		case "dateline":
			if kind != AliasInstitution || len(a.IDs) != 1 {
				p.errorf(n, f.col, nil, "dateline= is only for institutions of one entity")
				ok = false
				continue
			}
		case "ambiguous", "not", "unless", "namesake", "with", "placed", "after":
		default:
			p.errorf(n, f.col, nil, "unknown key %q (want from, to, unambiguous, ambiguous, placed, seat, city, dateline, after, not, unless, namesake, with or shared)", key)
			ok = false
			continue
		}
		switch key {
		case "from", "to":
			t, err := time.Parse(gazDateLayout, val)
			if err != nil {
				p.errorf(n, vcol, err, "bad date %q: want YYYY-MM-DD", val)
				ok = false
				continue
			}
			if key == "from" {
				a.From = t
			} else {
				a.To, toCol = t, vcol
			}
		case "unambiguous", "ambiguous", "placed", "seat", "dateline":
			b, err := strconv.ParseBool(val)
			if err != nil {
				p.errorf(n, vcol, err, "bad %s value %q: want true or false", key, val)
				ok = false
				continue
			}
			switch key {
			case "unambiguous":
				a.Unambiguous = b
			case "ambiguous":
				a.Ambiguous = b
			case "seat":
				a.Seat = b
			case "dateline":
				a.Dateline = b
			default:
				a.Placed = b
			}
		case "shared", "city":
			_, later := p.laterAt[val]
			switch {
			case !gazValidID(val):
				p.errorf(n, vcol, nil, "bad id %q: want letters, digits and '_'", val)
				ok = false
			case !p.declared(val) && !later:
				p.errorf(n, vcol, nil, "unknown id %q", val)
				ok = false
			case val == a.IDs[0]:
				p.errorf(n, vcol, nil, "%s=%s names the alias's own entity", key, val)
				ok = false
			case key == "city":
				a.City = val
			default:
				a.Shared = val
			}
		case "not", "unless", "namesake", "with", "after":
			words := &a.Not
			switch key {
			case "unless":
				words = &a.Unless
			case "namesake":
				words = &a.Namesake
			case "with":
				words = &a.With
			case "after":
				words = &a.After
			}
			for w := range strings.SplitSeq(val, "|") {
				if w == "" || strings.IndexFunc(w, unicode.IsSpace) >= 0 && (!takesPhrases(key) || !spacedWords(w)) {
					p.errorf(n, vcol, nil, "bad %s= word %q: want single words separated by '|'%s", key, w, phraseHint(key))
					ok = false
					break
				}
				*words = append(*words, norm.NFC.String(strings.ToLower(w)))
				vcol += len(w) + 1
			}
		}
	}
	if !ok {
		return false
	}
	if len(a.Unless) > 0 && len(a.Not) == 0 {
		p.errorf(n, 0, nil, "unless= lifts the veto of not=, and there is none")
		return false
	}
	if len(a.After) > 0 && !a.Placed {
		p.errorf(n, 0, nil, "after= widens placed=true, and there is none")
		return false
	}
	if kind == AliasPerson && a.From.IsZero() {
		p.errorf(n, 0, nil, "person alias needs from=YYYY-MM-DD (to declare a new person, use an id not declared before)")
		return false
	}
	if !a.To.IsZero() && !a.To.After(a.From) {
		p.errorf(n, toCol, nil, "to=%s is not after from=%s", a.To.Format(gazDateLayout), a.From.Format(gazDateLayout))
		return false
	}
	return true
}

func gazKeyOf(a Alias) gazAliasKey {
	return gazAliasKey{ids: strings.Join(a.IDs, "+"), text: gazFoldQuotes(a.Text), kind: a.Kind}
}

// gazFoldQuotes makes typographic and typewriter apostrophes equal, as the
// matcher does, so "Côte d’Ivoire" duplicates "Côte d'Ivoire".
func gazFoldQuotes(s string) string {
	if !strings.ContainsAny(s, "\u2019\u2018\u02bc") {
		return s // the common case; Replace would scan the same way and allocate
	}
	return gazQuotes.Replace(s)
}

var gazQuotes = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u02bc", "'")

// gazOverlaps reports whether two person aliases share a day in office.
func gazOverlaps(a, b Alias) bool {
	aEndsBefore := !a.To.IsZero() && !a.To.After(b.From)
	bEndsBefore := !b.To.IsZero() && !b.To.After(a.From)
	return !aEndsBefore && !bEndsBefore
}

// spacedWords reports whether w is words separated by single spaces: a
// phrase of namesake=, not= or with=, such as "road sign".
func spacedWords(w string) bool {
	for part := range strings.SplitSeq(w, " ") {
		if part == "" || strings.IndexFunc(part, unicode.IsSpace) >= 0 {
			return false
		}
	}
	return true
}

// takesPhrases reports whether the key's words may be phrases.
func takesPhrases(key string) bool {
	return key == "namesake" || key == "not" || key == "with"
}

// phraseHint says, in an error about the words of key, what else the key
// takes.
func phraseHint(key string) string {
	if takesPhrases(key) {
		return ", or phrases of words separated by single spaces"
	}
	return ""
}
