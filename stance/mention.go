package stance

import (
	"math/bits"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/geostance/geostance/internal/segment"
	"github.com/geostance/geostance/lexicon"
)

// aliasRef is one gazetteer alias compiled for matching. The fields that
// listed and emit read for every mention come first, within the first 64
// bytes, so that a mention costs one cache line of its alias; id and name
// repeat ids[0] and names[0] there, as most aliases name one entity.
type aliasRef struct {
	// afterBloom has bit wordBit32(w) set for the last word w of each
	// list of lower-case words that, right before the alias, make it part
	// of a blocker ("ancient Greeks", "plaster of Paris"; see
	// matcher.after).
	afterBloom uint32
	sense      uint8 // senseDemonym or senseName: which checks of otherSense apply; 0 for none
	kindSense  uint8 // the senses of kindWords that apply after it: sense, and senseCapital for a capital
	check      uint8 // checkAfter, checkBefore, checkOwner, checkOrgan, checkLanguage: what inOtherName looks at
	careful    bool  // ambiguous, not or check set: rejected has something to read, whatever the sentence
	blocker    bool
	ambiguous  bool
	placed     bool      // only before a comma and a name of its own state (see placedBefore)
	seat       bool      // a seat of government that is not the capital: no mention as a place (see seatPlace)
	city       *aliasRef // the capital of another entity it is where it is a place (lexicon.Alias.City); nil for most
	noPlace    bool      // its targets are no places (organisations, parties, people): never a town's name
	shared     bool      // a demonym or institution another state shares (see matcher.shared and shareAliases)
	dateline   []string  // the states of an institution's name that several give theirs (lexicon.Alias.Dateline; see datelineOwner)
	after      []string  // or after one of these words mid-sentence (see placedAfter)
	letters    int32     // letters in the alias, for the all-caps rule
	kind       string    // name, demonym, capital, institution, combining, person; "" for blockers
	id, name   string    // ids[0] and names[0]; "" for blockers

	ids         []string
	names       []string
	from, to    time.Time
	unambiguous bool
	not         []string
	unless      []string   // words that lift the veto of not
	namesake    []string   // words that, with a US state named, make the alias a town there
	with        []string   // words or phrases of which the sentence must hold one (lexicon.Alias.With)
	notBloom    uint64     // bit wordBit(w) set for each word w of not
	notBloom2   uint64     // bit wordBit2(w) set for each word w of not
	notRuns     [][]string // the words of not that tokenize to several tokens, as their folds: "c++" is c, +, +; their first folds are in the blooms
}

// blockedAfter reports whether tokens [.., i) are the words of one of
// the lists of m.after for the alias a: the alias at token i is then part
// of a blocker.
func (m *matcher) blockedAfter(a *aliasRef, toks []segment.Token, i int) bool {
	for _, ws := range m.after[a] {
		if len(ws) > i {
			continue
		}
		k := i - len(ws)
		for _, w := range ws {
			if toks[k].Fold != w {
				break
			}
			k++
		}
		if k == i && (toks[i-len(ws)].Flags&segment.Capitalized != 0 || !fightWords[ws[0]]) {
			return true
		}
	}
	return false
}

// fightWords name events after a city only when capitalised: "the Siege
// of Khartoum" is the event, "the siege of Paris" the city under siege.
var fightWords = map[string]bool{"siege": true, "battle": true}

// calledThing reports whether the alias at tokens [i, i+n), after "a"
// or "an", is what a verb of naming calls something, ending its clause:
// "is called a Gibraltar", "dubbed it a Munich".
func calledThing(toks []segment.Token, i, n int) bool {
	if i < 2 || i+n < len(toks) && toks[i+n].Kind != segment.Punct {
		return false
	}
	// The verb right before, or before its object of up to two words in
	// lower case: "a cortado is called a Gibraltar", "the café calls its
	// cortado a Gibraltar".
	for k := i - 2; k >= 0 && k >= i-4; k-- {
		switch toks[k].Fold {
		case "called", "call", "calls", "dubbed", "dub", "dubs", "named", "nicknamed", "christened":
			return true
		}
		if toks[k].Kind != segment.Word || !startsLower(toks[k].Norm) {
			return false
		}
	}
	return false
}

// namedEventAt reports whether the words from token j, right after a
// demonym, make it the name of an event of the past, written with
// capitals: "the Nigerian Civil War", "the Croatian War of Independence",
// "the Iranian Revolution", "the Bosnian War ended". An event named after
// a state is not the state, as "the Vietnam War" is not (see otherThing);
// "Syria's civil war" is, and so are "the British War Office" and a
// headline's "Russian War Aims".
func (s *scan) namedEventAt(j int) bool {
	toks := s.toks
	t := &toks[j]
	if t.Flags&(segment.Capitalized|segment.AllCaps) == 0 {
		return false
	}
	switch t.Fold {
	case "revolution", "uprising":
		return true
	case "night", "nights":
		return !s.inHeadline() // a themed evening: "Mexican Night every Friday at Rosa’s"
	case "national":
		// "the Slovak National Uprising"; not "the Slovak National Council"
		return j+1 < len(toks) && (toks[j+1].Fold == "uprising" || toks[j+1].Fold == "revolution") && toks[j+1].Flags&(segment.Capitalized|segment.AllCaps) != 0
	case "civil", "revolutionary":
		return j+1 < len(toks) && toks[j+1].Fold == "war" && toks[j+1].Flags&(segment.Capitalized|segment.AllCaps) != 0
	case "war":
		if j+2 < len(toks) && toks[j+1].Fold == "of" && toks[j+2].Fold == "independence" {
			return true
		}
		return !s.inHeadline() && (j+1 == len(toks) || toks[j+1].Kind != segment.Word || toks[j+1].Flags&segment.Capitalized == 0)
	}
	return false
}

// compassBefore reports whether token i, a demonym, follows a compass
// word with a capital, which makes a region's name or another state's:
// "West Australian", "East German", "the East Australian Current", but
// "the south Australian coast". The states so named ("South Korean",
// "East Timorese") are listed whole, and found first as the longer alias.
func compassBefore(toks []segment.Token, i int) bool {
	if i == 0 || toks[i-1].Flags&segment.Capitalized == 0 {
		return false
	}
	switch toks[i-1].Fold {
	case "east", "west", "north", "south":
		return true
	}
	return false
}

// wordBit32 is wordBit for a mask of 32 bits.
func wordBit32(w string) uint32 {
	if w == "" {
		return 1
	}
	return 1 << ((len(w)*37 + int(w[0])) & 31)
}

// trieNode is a node of the token trie of aliases. Keys are token texts
// as normalised by the tokenizer (case kept).
type trieNode struct {
	next    strTable[*trieNode]
	aliases []*aliasRef
	firsts  [4]uint64 // bit c set: some key of next begins with byte c
	// first is what pick returns here for an exact match on any date: the
	// first alias when it is not a person's (whose dates count); nil when
	// pick must look.
	first *aliasRef
}

// setFirst sets first in n and every node under it.
func (n *trieNode) setFirst() {
	if len(n.aliases) > 0 && n.aliases[0].kind != "person" {
		n.first = n.aliases[0]
	}
	n.next.all(func(_ string, c *trieNode) { c.setFirst() })
}

// mayHave reports whether next may hold key: whether some key of next
// begins as it does.
func (n *trieNode) mayHave(key string) bool {
	c := key[0] // tokens are never empty
	return n.firsts[c>>6]>>(c&63)&1 != 0
}

func (n *trieNode) child(key string) *trieNode {
	if key != "" {
		n.firsts[key[0]>>6] |= 1 << (key[0] & 63)
	}
	c := n.next.at(key)
	if *c == nil {
		*c = &trieNode{}
	}
	return *c
}

// matcher finds mentions of gazetteer entities in tokenized sentences. It
// is immutable after construction.
type matcher struct {
	exact        trieNode             // keys: Norm
	folded       trieNode             // keys: Fold, for all-caps headlines
	combining    strTable[*aliasRef]  // combining forms, used only inside hyphenated compounds
	combFold     strTable[*aliasRef]  // the same, keyed by folded text, for all-caps text
	names        map[string]string    // entity id -> canonical name
	shared       map[*aliasRef]string // a shared alias -> the other state that shares it (see shareAliases)
	lowerFirst   []string             // first tokens of aliases that begin in lower case ("von der Leyen")
	lowerInitial [26]bool             // their initial letters, a cheap first test
	firstKinds   uint8                // bit k set: some alias starts with a token of segment.Kind k
	passLower    [256]uint64          // 1 for the lower-case ASCII letters that begin no alias
	lowerParts   bool                 // some one-word alias or combining form has no capital
	roots        strTable[rootNodes]  // the children of the roots of exact and folded, by key
	rootExact    []*trieNode          // nil, then the exact node of each entry of roots, in its order: what rootOf reads, packed
	// capsFirst says that every alias begins with a word with a capital
	// letter, or with lower-case words followed by an ASCII word with
	// capitals, its anchor ("von der Leyen"). Then, in a sentence with no
	// anchor, only words with capitals or hyphens may begin a mention.
	capsFirst bool
	anchors   map[string]bool // the anchors of the aliases that begin in lower case
	maxLower  int             // the most lower-case words before an anchor in such an alias
	// after holds, folded, the lower-case words of the blockers that end
	// with an alias ("ancient Greeks"), by alias: right before it they
	// make it part of the blocker. They are read back from the alias, so
	// that words such as "ancient" begin no lookup of their own.
	after map[*aliasRef][][]string
}

// rootNodes are the trie nodes under one first token of aliases, and the
// tag bits (tagAnchor, tagHead, tagClub, tagState) of the word.
type rootNodes struct {
	exact, folded *trieNode
	sense         uint32
}

// functionWords are capitalised words that do not make a neighbouring
// ambiguous alias part of a name ("In Washington", "Washington on Monday").
var functionWords = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(`a an the in at on of to from for with by as and or but nor yet so
		while when after before since during until meanwhile also both like unlike than if
		amid under over against into between among across about without within through toward towards upon via
		beyond behind beside besides outside versus
		although though even neither either whether unless because however despite once whereas
		not only still now today yesterday instead perhaps indeed thus then later earlier nevertheless
		where why how what which who
		this that these those it its he she they we i you his her their our my your
		is are was were be been has have had will would can could should may might must
		said says told mr mrs ms dr president prime minister king queen sheikh emir former late
		monday tuesday wednesday thursday friday saturday sunday
		january february march april may june july august september october november december
		jan feb mar apr jun jul aug sep sept oct nov dec
		north south east west northern southern eastern western central
		two three four five six seven eight nine ten eleven twelve twenty hundred hundreds thousand
		thousands million millions dozen dozens several many some more most few fewer less all every each other another
		d.c. dc`) {
		m[w] = true
	}
	return m
}()

func newMatcher(g *lexicon.Gazetteer) *matcher {
	m := &matcher{names: make(map[string]string), anchors: make(map[string]bool), after: make(map[*aliasRef][][]string),
		shared: make(map[*aliasRef]string)}
	places := make(map[string]bool) // the ids of states and territories
	for e := range g.Entities() {
		m.names[e.ID] = e.Name
		places[e.ID] = e.Kind == lexicon.EntityState || e.Kind == lexicon.EntityObserver || e.Kind == lexicon.EntityTerritory
	}
	var tz segment.Tokenizer
	oddFirst := false
	// A demonym that the gazetteer blocks before "language" names one.
	languages := make(map[string]bool)
	for a := range g.Aliases() {
		if lang, ok := strings.CutSuffix(a.Text, " language"); ok && a.Kind.String() == "trap" {
			languages[lang] = true
		}
	}
	// insert adds the alias ref, whose text is toks, to the tries.
	insert := func(toks []segment.Token, ref *aliasRef) {
		if startsLower(toks[0].Norm) && !slices.Contains(m.lowerFirst, toks[0].Norm) {
			m.lowerFirst = append(m.lowerFirst, toks[0].Norm)
			m.lowerInitial[toks[0].Norm[0]-'a'] = true
		}
		m.firstKinds |= 1 << toks[0].Kind
		switch {
		case toks[0].Kind == segment.Word && toks[0].Flags&(segment.Capitalized|segment.AllCaps) != 0:
		case startsLower(toks[0].Norm):
			k := slices.IndexFunc(toks, func(t segment.Token) bool { return t.Flags&(segment.Capitalized|segment.AllCaps) != 0 })
			if k < 0 || !isASCII(toks[k].Norm) || strings.ContainsRune(toks[k].Norm, '\'') {
				oddFirst = true
				break
			}
			m.anchors[toks[k].Norm] = true
			m.maxLower = max(m.maxLower, k)
		default:
			oddFirst = true
		}
		ne, nf := &m.exact, &m.folded
		for _, t := range toks {
			ne = ne.child(t.Norm)
			nf = nf.child(t.Fold)
		}
		ne.aliases = append(ne.aliases, ref)
		nf.aliases = append(nf.aliases, ref)
	}
	// insertExact adds a blocker ref, whose text is toks, to the exact
	// trie alone: a form of another blocker, whose folded text is the same.
	insertExact := func(toks []segment.Token, ref *aliasRef) {
		ne := &m.exact
		for _, t := range toks {
			ne = ne.child(t.Norm)
		}
		ne.aliases = append(ne.aliases, ref)
	}
	// Blockers that begin in lower case are read back from the alias they
	// end with, once every alias is known (see matcher.after).
	type pending struct {
		text string
		ref  *aliasRef
	}
	var later []pending
	// The refs are read on every mention: one array keeps them together.
	nrefs := 0
	for range g.Aliases() {
		nrefs++
	}
	refs := make([]aliasRef, 0, nrefs)
	// A city-state's name is its city's too ("the town of Monaco", "the
	// town of Luxembourg"): names inside a capital's, and those of states
	// without one, are not read as towns after townWords.
	capitals := map[string][]string{}
	for a := range g.Aliases() {
		if a.Kind == lexicon.AliasCapital {
			for _, id := range a.IDs {
				capitals[id] = append(capitals[id], a.Text)
			}
		}
	}
	cityState := func(a lexicon.Alias) bool {
		for _, id := range a.IDs {
			cs, ok := capitals[id]
			if !ok || slices.ContainsFunc(cs, func(c string) bool { return strings.Contains(c, a.Text) }) {
				return true
			}
		}
		return false
	}
	datelined := map[string]*aliasRef{} // a dateline alias's text -> its one ref
	for a := range g.Aliases() {
		if a.Dateline {
			if ref := datelined[a.Text]; ref != nil {
				ref.dateline = append(ref.dateline, a.IDs[0])
				continue // one ref reads the name for every state that gives it
			}
		}
		refs = append(refs, aliasRef{
			ids:         a.IDs,
			kind:        a.Kind.String(),
			from:        a.From,
			to:          a.To,
			unambiguous: a.Unambiguous,
			ambiguous:   a.Ambiguous,
			placed:      a.Placed,
			seat:        a.Seat,
			after:       a.After,
			not:         a.Not,
			unless:      a.Unless,
			namesake:    a.Namesake,
			with:        a.With,
			shared:      a.Shared != "",
		})
		ref := &refs[len(refs)-1]
		if a.Dateline {
			ref.dateline = []string{a.IDs[0]}
			datelined[a.Text] = ref
		}
		if a.Shared != "" {
			m.shared[ref] = a.Shared
		}
		if a.City != "" {
			ref.city = &aliasRef{kind: "capital", ids: []string{a.City}, names: []string{m.names[a.City]}, id: a.City, name: m.names[a.City]}
		}
		for _, id := range a.IDs {
			ref.names = append(ref.names, m.names[id])
		}
		if len(ref.ids) > 0 {
			ref.id, ref.name = ref.ids[0], ref.names[0]
			ref.noPlace = !slices.ContainsFunc(ref.ids, func(id string) bool { return places[id] })
		}
		for _, w := range a.Not {
			ref.notBloom |= wordBit(w)
			ref.notBloom2 |= wordBit2(w)
			if toks := tz.Tokenize(w); len(toks) > 1 {
				run := make([]string, len(toks))
				for k := range toks {
					run[k] = toks[k].Fold
				}
				ref.notRuns = append(ref.notRuns, run)
				ref.notBloom |= wordBit(run[0])
				ref.notBloom2 |= wordBit2(run[0])
			}
		}
		switch ref.kind {
		case "place", "trap":
			ref.blocker = true
		case "demonym":
			ref.sense = senseDemonym
		case "name", "capital", "institution":
			ref.sense = senseName
		}
		ref.kindSense = ref.sense
		if ref.kind == "capital" {
			ref.kindSense |= senseCapital
			for _, w := range namedAfterCity {
				m.after[ref] = append(m.after[ref], []string{w, "of"})
			}
			ref.afterBloom |= wordBit32("of")
		}
		if ref.kind == "name" && !cityState(a) {
			for _, w := range townWords {
				m.after[ref] = append(m.after[ref], []string{w, "of"})
			}
			ref.afterBloom |= wordBit32("of")
		}
		ref.check = aliasChecks(a.Text, ref, languages)
		ref.careful = ref.ambiguous || len(ref.not) > 0 || ref.check&(checkOwner|checkOrgan) != 0
		for _, r := range a.Text {
			if unicode.IsLetter(r) {
				ref.letters++
			}
		}
		if ref.kind == "combining" {
			*m.combining.at(normQuotes(a.Text)) = ref
			*m.combFold.at(strings.ToLower(normQuotes(a.Text))) = ref
			if len(a.IDs) < 2 {
				continue // a blend such as "AfPak" also stands alone
			}
		}
		toks := tz.Tokenize(a.Text)
		if len(toks) == 0 {
			continue
		}
		if ref.blocker && startsLower(toks[0].Norm) {
			later = append(later, pending{a.Text, ref})
			continue
		}
		insert(toks, ref)
		if t := titleCase(a.Text); ref.blocker && t != a.Text {
			// Headlines write "German Shepherd" for "German shepherd".
			insertExact(tz.Tokenize(t), ref)
		}
		if p, ok := pluralOf(a.Text); ref.blocker && ok {
			// "Chinese money plants" are the plant too. Only a last word
			// in lower case is made plural: a capitalised one may read as
			// a verb in a headline ("Qatar Opens").
			insert(tz.Tokenize(p), ref)
			insertExact(tz.Tokenize(titleCase(p)), ref)
		}
	}
	for _, p := range later {
		toks := tz.Tokenize(p.text)
		if !m.blockBackwards(toks) {
			insert(toks, p.ref)
		}
	}
	m.capsFirst = !oddFirst
	for c := 'a'; c <= 'z'; c++ {
		if !m.lowerInitial[c-'a'] {
			m.passLower[c] = 1
		}
	}
	m.exact.setFirst()
	m.exact.next.all(func(k string, n *trieNode) {
		m.roots.at(k).exact = n
		if len(n.aliases) > 0 && k == strings.ToLower(k) {
			m.lowerParts = true
		}
	})
	m.combining.all(func(k string, _ *aliasRef) {
		if k == strings.ToLower(k) {
			m.lowerParts = true
		}
	})
	m.folded.next.all(func(k string, n *trieNode) { m.roots.at(k).folded = n })
	// Words the matcher reads next to an alias are tagged by the same
	// lookup as roots, once per word.
	for w := range m.anchors {
		m.roots.at(w).sense |= tagAnchor
	}
	for _, s := range []struct {
		set map[string]bool
		bit uint32
	}{{nameHeads, tagHead}, {clubPrefixes, tagClub}, {usStates, tagState}, {usStateAbbrevs, tagState}, {usStateDotted, tagState}, {usStateSeconds, tagState}} {
		for w := range s.set {
			m.roots.at(w).sense |= s.bit
		}
	}
	for w := range usStateAbbrevs {
		m.roots.at(w + ".").sense |= tagState // one token where the splitter knows it: "Fla." before "(AP)"
	}
	m.rootExact = append(m.rootExact, nil) // for tags with no root
	for _, e := range m.roots.entries {
		m.rootExact = append(m.rootExact, e.val.exact)
	}
	return m
}

// pluralOf returns the plural of a text of two words or more whose last
// word is a noun in lower case ("Chinese money plant"), and false for
// any other text or a last word it cannot inflect with confidence.
func pluralOf(s string) (string, bool) {
	k := strings.LastIndexByte(s, ' ')
	w := s[k+1:]
	if k < 0 || len(w) < 3 {
		return "", false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return "", false
		}
	}
	switch {
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "z") ||
		strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh") || strings.HasSuffix(w, "f") ||
		strings.HasSuffix(w, "fe") || strings.HasSuffix(w, "o"):
		return "", false // plurals of their own, or irregular: left to the gazetteer
	case strings.HasSuffix(w, "y") && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		return s[:len(s)-1] + "ies", true
	}
	return s + "s", true
}

// titleCase returns s with every word after the first, and every part of
// a hyphenated word, beginning with a capital where it begins with an
// ASCII lower-case letter: "German shepherd" becomes "German Shepherd".
func titleCase(s string) string {
	b := []byte(s)
	for k := 1; k < len(b); k++ {
		if (b[k-1] == ' ' || b[k-1] == '-') && b[k] >= 'a' && b[k] <= 'z' {
			b[k] -= 'a' - 'A'
		}
	}
	return string(b)
}

// blockBackwards records a blocker whose text, toks, begins with
// lower-case words and ends with an alias ("ancient Greeks"): the words go
// to the alias's after list, and emit reads them only once the alias is
// found. It reports false, leaving the blocker to the tries, when the rest
// is not one alias.
func (m *matcher) blockBackwards(toks []segment.Token) bool {
	k := slices.IndexFunc(toks, func(t segment.Token) bool { return t.Flags&(segment.Capitalized|segment.AllCaps) != 0 })
	if k <= 0 {
		return false
	}
	n := &m.exact
	for _, t := range toks[k:] {
		if n = n.next.get(t.Norm); n == nil {
			return false
		}
	}
	if len(n.aliases) == 0 || n.aliases[0].blocker {
		return false
	}
	words := make([]string, k)
	for j := range words {
		words[j] = toks[j].Fold
	}
	for _, a := range n.aliases {
		m.after[a] = append(m.after[a], words)
		a.afterBloom |= wordBit32(words[k-1])
	}
	return true
}

// Values of aliasRef.check: the neighbours inOtherName reads.
// near relies on these values.
const (
	checkAfter    = 1 << iota // a proper name after it makes it part of that name ("Kenya Moore", "Japan Tobacco", "Kenyan Premier League")
	checkBefore               // a proper name before it does ("Irving Berlin", "Union Berlin", "Amnesty International Kenya")
	checkOwner                // an institution owned by a state named right before it ("Pakistan's Foreign Office")
	checkOrgan                // an organ named by common words, owned by any name before it ("Iran's Supreme National Security Council")
	checkLanguage             // a demonym that is also a language ("speaks fluent Russian")
)

// organHeads are the first words of institutions that other bodies name
// their own organs with: "Security Council", "General Assembly", "Foreign
// Office", "State Department".
var organHeads = newWordSet(`security general foreign state peace`, true)

// aliasChecks returns the checks of inOtherName that apply to an alias
// with text s. A state's name or capital written as a word can begin or
// end another proper name: a person ("Kenya Moore", "Jack London"), a
// company ("Japan Tobacco"), a club or a newspaper. Abbreviations
// ("U.S.", "UAE", "G20", "G-7") and ambiguous aliases, which partOfName
// reads, are left out.
func aliasChecks(s string, ref *aliasRef, languages map[string]bool) uint8 {
	var c uint8
	word := s != "" && s[0] >= 'A' && s[0] <= 'Z' && !strings.ContainsRune(s, '.') && !ref.ambiguous &&
		len(s) > 1 && !(s[1] >= 'A' && s[1] <= 'Z') && !(s[1] >= '0' && s[1] <= '9') && s[1] != '-'
	switch ref.kind {
	case "name":
		if word {
			c |= checkAfter | checkBefore
		}
	case "capital":
		if word {
			c |= checkAfter | checkBefore
		}
	case "institution":
		c |= checkOwner
		if first, _, _ := strings.Cut(s, " "); organHeads[first] {
			c |= checkOrgan
		}
	case "demonym":
		if languages[s] {
			c |= checkLanguage
		}
		if word {
			c |= checkAfter | checkBefore // "Kenyan Premier League", "Turkish Airlines"; "Samuel German"
		}
	}
	return c
}

// normQuotes maps typographic apostrophes to ASCII, as the tokenizer does.
func normQuotes(s string) string {
	if !strings.ContainsAny(s, "\u2019\u2018\u02bc") {
		return s
	}
	return quoteReplacer.Replace(s)
}

var quoteReplacer = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u02bc", "'")

// startsLower reports whether s begins with an ASCII lower-case letter.
func startsLower(s string) bool { return s != "" && s[0] >= 'a' && s[0] <= 'z' }

// allCaps reports whether every word of toks is written in capitals.
func allCaps(toks []segment.Token) bool {
	for i := range toks {
		if toks[i].Kind == segment.Word && toks[i].Flags&segment.AllCaps == 0 {
			return false
		}
	}
	return true
}

// isAllCaps reports whether the sentence is written in capitals (a
// headline): then longer names match whatever their case.
func isAllCaps(toks []segment.Token) bool {
	upper, other := 0, 0
	for i := range toks {
		t := &toks[i]
		if t.Kind != segment.Word || len(t.Norm) == 2 && t.Norm[1] == '.' || len(t.Norm) == 1 && t.Flags&segment.Capitalized != 0 {
			continue // an initial ("N. KOREA") or "A" and "I" are in capitals whatever the case
		}
		switch {
		case t.Flags&segment.AllCaps != 0:
			upper++
		case !hasLower(t.Norm):
			// A code of digits and a letter ("K2 TANKS", "F-35 JETS")
			// tells nothing of the headline's case.
		default:
			other++ // a word not in capitals
			if other*11 > len(toks) {
				return false // too many to be a headline: most sentences stop here
			}
		}
	}
	return upper >= 3 && other*10 < upper
}

// hasLower reports whether s holds an ASCII lower-case letter.
func hasLower(s string) bool {
	for k := 0; k < len(s); k++ {
		if 'a' <= s[k] && s[k] <= 'z' {
			return true
		}
	}
	return false
}

// shortCaps reports whether a sentence too short for isAllCaps has two
// words or more, all in capitals: "WHO KNEW?".
func shortCaps(toks []segment.Token) bool {
	words := 0
	for i := range toks {
		if toks[i].Kind == segment.Word {
			if toks[i].Flags&segment.AllCaps == 0 {
				return false
			}
			words++
		}
	}
	return words >= 2
}

// inCapsKicker reports whether token i is in a kicker in capitals: two
// words or more in capitals from the first up to a colon after token i,
// "YOU TOLD US: Readers on the price of parking".
func inCapsKicker(toks []segment.Token, i int) bool {
	for k := range toks {
		if toks[k].Norm == ":" {
			return k > i && k >= 2
		}
		if toks[k].Kind == segment.Word && toks[k].Flags&segment.AllCaps == 0 {
			return false
		}
	}
	return false
}

// visit says which tokens of a sentence find looks at, beside those of
// a dateline and every token of a headline: those of list, in order. anchored
// says that an alias may begin in lower case there (the sentence has an
// anchor): before each anchor listed then looks for its first words. tags
// are the tags of the sentence's words or'ed together, which tell whether
// otherSense may find anything.
type visit struct {
	list     []int32
	anchored bool
	tags     uint32
	caps     int // no fewer than the words in capitals: under three, no headline is
}

// markRoots is the Mark of a Tokenizer whose Tagger is the matcher's: its
// Marks are then the tokens that may begin an alias, as capitalWords
// finds them, and the anchors of the aliases that begin in lower case,
// before which listed looks for their first words.
const markRoots = ^uint32(0)&^(1<<tagRootBit-1) | tagAnchor

// visitOf returns the visit of the tokens toks, for a tokenizer that did
// not mark them (see find), its list kept in *buf for the next call.
func (m *matcher) visitOf(toks []segment.Token, buf *[]int32) visit {
	v := visit{list: (*buf)[:0], caps: len(toks)}
	for k := 0; k < len(toks); k += 64 {
		var mask uint64
		var tags uint32
		if m.capsFirst {
			mask, tags = capitalWords(toks[k:])
		} else {
			mask, tags = m.candidates(toks[k:])
		}
		v.tags |= tags
		v.anchored = v.anchored || m.capsFirst && tags&tagAnchor != 0
		for ; mask != 0; mask &= mask - 1 {
			v.list = append(v.list, int32(k+bits.TrailingZeros64(mask)))
		}
	}
	*buf = v.list
	return v
}

// A scan is find at work on one sentence: what its steps share, handed
// to them as one pointer. A scratch keeps one from sentence to sentence,
// with its buffer of parts.
type scan struct {
	m         *matcher
	dst       []Mention // the mentions found so far
	toks      []segment.Token
	parts     []segment.Token // a buffer for the parts of compounds
	text      string          // the sentence
	base      int             // its byte offset in the document
	date      time.Time
	v         visit     // the tokens to visit
	caps      bool      // the sentence is written in capitals
	senses    bool      // otherSense may find something: the sentence has a word it looks for
	headline  int       // 1 in a headline, 0 if not, -1 until needed (see inHeadline)
	namesake  *aliasRef // the last alias read as a namesake town (see nameOfPlace)
	community int       // the token after a demonym that inCommunity read with "American(s)"
	intoNext  int       // the compound whose first part ends a name begun before it (see intoCompound)
	offEnd    int       // the token after the last demonym passed over, 0 if none (see passedOver)
	first     int       // the index in dst of the sentence's first mention
	vetoes    []vetoMemo
	shared    []sharedMention // mentions of aliases another state shares (see shareAliases)
}

// A sharedMention is the index in scan.dst of the mention of a demonym
// or institution that another state shares, and its alias.
type sharedMention struct {
	k   int
	ref *aliasRef
}

// A vetoMemo is what vetoed said of an alias in the sentence, so that a
// sentence naming the alias again and again ("China ... China ...") is
// read once for its veto words, not once for each mention.
type vetoMemo struct {
	ref    *aliasRef
	vetoed bool
}

// vetoed is ref.vetoed(s.toks), read once a sentence.
func (s *scan) vetoed(ref *aliasRef) bool {
	for _, v := range s.vetoes {
		if v.ref == ref {
			return v.vetoed
		}
	}
	v := ref.vetoed(s.toks)
	s.vetoes = append(s.vetoes, vetoMemo{ref, v})
	return v
}

// inHeadline reports whether the sentence is a headline: in capitals or in
// Title Case. Most sentences never ask, so it is worked out when first
// asked.
func (s *scan) inHeadline() bool {
	if s.headline < 0 {
		s.headline = 0
		if s.caps || isTitleCase(s.toks) {
			s.headline = 1
		}
	}
	return s.headline == 1
}

// find appends to s.dst the mentions in s.toks, the tokens tz has just
// made of s.text, the sentence at byte offset s.base of its document. A
// scratch keeps its scan from sentence to sentence; visits is a buffer for
// the tokens to visit, when tz does not list them.
func (m *matcher) find(s *scan, tz *segment.Tokenizer, visits *[]int32) {
	if m.capsFirst && tz.Mark == markRoots {
		// tz has marked the tokens (its Tagger is m.tag) and every alias
		// begins with a capital: the marks are the visit.
		s.v.list, s.v.anchored, s.v.tags, s.v.caps = tz.Marks, tz.Tags&tagAnchor != 0, tz.Tags, tz.CapsWords
	} else {
		s.v = m.visitOf(s.toks, visits)
	}
	m.run(s)
}

func (m *matcher) run(s *scan) {
	s.m, s.headline, s.namesake, s.community, s.intoNext, s.offEnd, s.vetoes, s.shared = m, -1, nil, 0, -1, 0, s.vetoes[:0], s.shared[:0]
	s.first = len(s.dst)
	s.caps = s.v.caps >= 3 && isAllCaps(s.toks)
	s.senses = s.caps || s.v.tags&(tagHead|tagClub|tagState) != 0
	if !s.caps && (len(s.toks) == 0 || s.toks[0].Flags&segment.AllCaps == 0) {
		s.listed(0)
	} else {
		s.datelined()
	}
	if len(s.shared) > 0 {
		s.shareAliases()
	}
}

// shareAliases gives a demonym or institution that two states share
// ("Dominican", the "Amiri Diwan" of Qatar and of Kuwait) to the state the
// gazetteer does not give it (lexicon.Alias.Shared) when the sentence's
// dateline names that state and the rest of the sentence does not name
// the other: "Dominican" is the Dominican Republic's, but Dominica's in
// "ROSEAU, Dominica (AP) — Dominican officials said", and "Congolese"
// is DR Congo's but the Republic of the Congo's after "BRAZZAVILLE
// (Reuters) -". Without a dateline the demonym keeps its state, as
// writers contrast the two: "Relief flights from Dominica landed, while
// a Dominican navy vessel unloaded generators". The dateline is read as
// datelineOwner reads it (see datelineTarget).
func (s *scan) shareAliases() {
	dateline := s.datelineTarget()
	if dateline == "" {
		return
	}
	isShared := func(k int) bool {
		return slices.ContainsFunc(s.shared, func(sm sharedMention) bool { return sm.k == k })
	}
	for _, sm := range s.shared {
		other := s.m.shared[sm.ref]
		if dateline != other {
			continue
		}
		own := false
		for k := s.first; k < len(s.dst) && !own; k++ {
			own = s.dst[k].Target == sm.ref.id && !isShared(k)
		}
		if !own {
			s.dst[sm.k].Target, s.dst[sm.k].Name = other, s.m.names[other]
		}
	}
}

// datelined is the loop of find for a sentence in capitals or one that
// opens with a word in capitals, maybe a dateline: it visits every token
// while the sentence is in capitals or the dateline goes on.
func (s *scan) datelined() {
	m, toks, caps := s.m, s.toks, s.caps
	dateline := true // at the start of a line written "ISLAMABAD: ..." or "LONDON/PARIS –"
	for i := 0; i < len(toks); {
		if !dateline && !caps {
			// Past the dateline: the rest is an ordinary sentence.
			s.listed(i)
			return
		}
		capsHere := caps || (dateline && toks[i].Flags&segment.AllCaps != 0)
		if t := &toks[i]; !capsHere && startsLower(t.Norm) &&
			(t.Flags&segment.Hyphenated == 0 || !m.lowerParts && t.Norm == t.Fold) &&
			(!m.lowerInitial[t.Norm[0]-'a'] || !slices.Contains(m.lowerFirst, t.Norm)) {
			// Hardly any alias begins with a lower-case letter ("von der
			// Leyen"): skip the lookup for every other lower-case word, and
			// for compounds in lower case ("long-term") when no part of
			// one can be an alias.
			dateline = false
			i++
			continue
		}
		var root, rootFolded *trieNode
		midCaps := false
		if t := &toks[i]; m.firstKinds&(1<<t.Kind) != 0 {
			root = m.rootOf(t)
			if capsHere {
				rootFolded = m.roots.get(t.Fold).folded
			} else if root == nil && t.Flags&segment.AllCaps != 0 && (t.Tag&tagFolded != 0 || t.Tag == 0 && m.foldedOnly(t)) && !puzzleIn(toks) {
				// A word in capitals inside a sentence ("talks in NEW
				// DELHI", "PAKISTAN ZINDABAD") is read as in a headline.
				midCaps = true
				rootFolded = m.roots.get(t.Fold).folded
			}
		}
		if t := &toks[i]; root == nil && rootFolded == nil {
			// No alias starts here: what follows the lookup still applies.
			next := i + 1
			if t.Flags&segment.Hyphenated != 0 {
				next = s.matchParts(i)
			}
			dateline = dateline && t.Norm == "/" && i > 0 && toks[i-1].Flags&segment.AllCaps != 0 && len(s.dst) > 0
			i = next
			continue
		}
		ref, n := longest(toks, i, root, rootFolded, s.date)
		if n > 0 && !caps && capsHere && ref.kind != "" {
			// A capitalised place at the start counts only as a dateline,
			// followed by punctuation ("BEIJING, March 5 –"), or as the
			// first word of a kicker in capitals ("GEORGIA VOTES: ...").
			if i+n >= len(toks) || toks[i+n].Kind != segment.Punct && !capsKicker(toks, i+n) {
				ref, n = longest(toks, i, root, nil, s.date)
			}
		}
		if n > 0 && midCaps && !allCaps(toks[i:i+n]) {
			ref, n = longest(toks, i, root, nil, s.date) // "NEW Delhi" is not written in capitals
		}
		if n > 0 && midCaps && acronymBefore(toks, i, n, ref) {
			n = 0
		}
		if dateline && (n == 0 || toks[i].Flags&segment.AllCaps == 0) {
			dateline = false
		}
		if n > 0 && dateline && i+n < len(toks) && toks[i+n].Norm != "/" {
			dateline = false
		}
		if n == 0 {
			t, next := toks[i], i+1
			if t.Flags&segment.Hyphenated != 0 {
				next = s.matchParts(i)
			}
			if t.Norm == "/" && i > 0 {
				dateline = dateline && toks[i-1].Flags&segment.AllCaps != 0 && len(s.dst) > 0
			}
			i = next
			continue
		}
		if ref.blocker && root != nil {
			ref, n = tradeOfProduct(toks, i, n, ref, root)
		}
		if !ref.blocker {
			s.emit(i, n, ref)
		}
		i += n
	}
}

// acronymBefore reports whether the demonym ref, found in capitals at
// token i of a sentence that is not, is an acronym before the noun it
// names, in lower case: "the DANE statistics agency". Writers put a
// state's name in capitals for emphasis ("talks in NEW DELHI"), hardly a
// demonym before its noun.
func acronymBefore(toks []segment.Token, i, n int, ref *aliasRef) bool {
	return n == 1 && ref.kind == "demonym" && i+1 < len(toks) && toks[i+1].Kind == segment.Word && startsLower(toks[i+1].Norm)
}

// capsKicker reports whether the words from token j are in capitals up
// to a colon: the rest of a kicker, "GEORGIA VOTES: Opposition Claims
// Fraud".
func capsKicker(toks []segment.Token, j int) bool {
	for ; j < len(toks) && toks[j].Kind == segment.Word; j++ {
		if toks[j].Flags&segment.AllCaps == 0 {
			return false
		}
	}
	return j < len(toks) && toks[j].Norm == ":"
}

// tradeOfProduct returns the demonym that begins a blocker for a style of
// product ("Vietnamese coffee", "Danish pastry") when a word of trade
// follows the blocker ("Vietnamese coffee exports"): the goods traded are
// the state's. Otherwise it returns the blocker, ref and n, found at
// token i; root is the trie node of token i.
func tradeOfProduct(toks []segment.Token, i, n int, ref *aliasRef, root *trieNode) (*aliasRef, int) {
	if n < 2 || root.first == nil || root.first.kind != "demonym" || i+n >= len(toks) ||
		!tradeWords[toks[i+n].Fold] && !housedTrade(toks[i+n-1].Fold, toks[i+n].Fold) &&
			!(i+n+2 < len(toks) && toks[i+n].Fold == "and" && tradeWords[toks[i+n+2].Fold]) { // "Mongolian beef and mutton exports"
		return ref, n
	}
	return root.first, 1
}

// tradeWords follow a product whose origin is traded.
var tradeWords = setOf(strings.Fields(`exports exporter exporters export imports importers output production
	growers farmers harvest harvests crop crops shipments producers`)...) // not "prices": "Turkish Coffee Prices Soar in Istanbul Cafes"

// housedTrade reports whether the last word of a blocker and the word
// after it name a business, a paper or an office, whose origin the
// demonym says: "a Dutch auction house", "a Chinese white paper", "the
// French Defence Ministry" (not the chess opening); but not "a Danish
// pastry house", a bakery of the kind.
func housedTrade(last, next string) bool {
	switch last {
	case "auction":
		return next == "house" || next == "houses"
	case "white":
		return next == "paper" || next == "papers"
	case "defence", "defense":
		switch next {
		case "ministry", "minister", "ministers", "secretary", "department", "officials", "chief", "chiefs", "forces",
			"budget", "spending", "procurement", "industry":
			return true
		}
	}
	return false
}

// listed is the loop of find for most sentences, not in capitals, from
// token from on, past any dateline: it visits the tokens of s.v alone, and
// reads none of what capitals and datelines change. An alias that begins in lower
// case ("von der Leyen") is looked for before its anchor, when s.v lists the
// anchor rather than every token.
func (s *scan) listed(from int) {
	m, toks, anchored := s.m, s.toks, s.v.anchored
	end := from // the end of the last alias found: tokens before it are inside it
	for _, k := range s.v.list {
		i := int(k)
		if i < end {
			continue
		}
		t := &toks[i]
		if anchored && t.Tag&tagAnchor != 0 {
			if end = s.before(i, end); i < end {
				continue
			}
		}
		if startsLower(t.Norm) && (t.Flags&segment.Hyphenated == 0 || !m.lowerParts && t.Norm == t.Fold) &&
			(!m.lowerInitial[t.Norm[0]-'a'] || !slices.Contains(m.lowerFirst, t.Norm)) {
			continue
		}
		var root, rootFolded *trieNode
		midCaps := false
		if m.firstKinds&(1<<t.Kind) != 0 {
			root = m.rootOf(t)
			if root == nil && t.Flags&segment.AllCaps != 0 && (t.Tag&tagFolded != 0 || t.Tag == 0 && m.foldedOnly(t)) && !puzzleIn(toks) {
				midCaps = true
				rootFolded = m.roots.get(t.Fold).folded
			}
		}
		n := 0
		var ref *aliasRef
		if root != nil && rootFolded == nil && (i+1 == len(toks) || !root.mayHave(toks[i+1].Norm) && !root.mayHave(toks[i+1].Fold)) {
			// The common case, longest's answer without the call: a name
			// that nothing after it extends ("China", a leader's "Trump").
			if ref = root.first; ref == nil {
				ref = pick(root.aliases, s.date, false)
			}
			if ref != nil {
				n = 1
			}
		} else if root != nil || rootFolded != nil {
			ref, n = longest(toks, i, root, rootFolded, s.date)
			if n > 0 && midCaps && !allCaps(toks[i:i+n]) {
				ref, n = longest(toks, i, root, nil, s.date)
			}
			if n > 0 && midCaps && acronymBefore(toks, i, n, ref) {
				n = 0
			}
		}
		if n == 0 {
			if t.Flags&segment.Hyphenated != 0 {
				end = s.matchParts(i)
			}
			continue
		}
		if ref.blocker && root != nil {
			ref, n = tradeOfProduct(toks, i, n, ref, root)
		}
		if !ref.blocker {
			s.emit(i, n, ref)
		}
		end = i + n
	}
}

// before looks for an alias that begins in lower case among the
// m.maxLower words before its anchor at token i, past token end, and adds
// its mentions. It returns the end of the alias found, or end.
func (s *scan) before(i, end int) int {
	m, toks := s.m, s.toks
	for j := max(end, i-m.maxLower); j < i; j++ {
		t := &toks[j]
		if !startsLower(t.Norm) || !m.lowerInitial[t.Norm[0]-'a'] || !slices.Contains(m.lowerFirst, t.Norm) {
			continue
		}
		if ref, n := longest(toks, j, m.rootOf(t), nil, s.date); j+n > i {
			if !ref.blocker {
				s.emit(j, n, ref)
			}
			return j + n
		}
	}
	return end
}

// emit adds the mentions of the alias ref found at tokens [i, i+n),
// unless passedOver finds it is not the state there, as the state it
// stands for where the place it names says which (Brussels, State
// House). It is apart from listed to keep the loop over the tokens
// short: most tokens are passed over.
func (s *scan) emit(i, n int, ref *aliasRef) {
	if s.passedOver(i, n, ref) {
		if ref.sense == senseDemonym {
			s.offEnd = i + n
		}
		return
	}
	if ref.city != nil {
		// "BRUSSELS (Reuters) -", "ministers met in Brussels": Belgium's
		// capital, not the EU; but "warnings from Brussels" are the EU's.
		if w := placeWord(s.toks, i, n); w != "" && w != "from" {
			ref = ref.city
		}
	}
	start, end := s.toks[i].Start, s.toks[i+n-1].End
	if ref.dateline != nil {
		if id := s.datelineOwner(i, ref); id != "" {
			s.dst = append(s.dst, Mention{
				Target: id, Name: s.m.names[id], Kind: ref.kind,
				Text: s.text[start:end], Span: Span{s.base + start, s.base + end},
				tok0: i, tok1: i + n,
			})
		}
		return
	}
	if ref.shared {
		s.shared = append(s.shared, sharedMention{len(s.dst), ref})
	}
	s.dst = append(s.dst, Mention{
		Target: ref.id, Name: ref.name, Kind: ref.kind,
		Text: s.text[start:end], Span: Span{s.base + start, s.base + end},
		tok0: i, tok1: i + n,
	})
	for k := 1; k < len(ref.ids); k++ { // "Sino-Pakistani" as one token is two
		s.dst = append(s.dst, Mention{
			Target: ref.ids[k], Name: ref.names[k], Kind: ref.kind,
			Text: s.text[start:end], Span: Span{s.base + start, s.base + end},
			tok0: i, tok1: i + n,
		})
	}
}

// datelineOwner returns the state whose institution the dateline alias
// ref at token i is: the state of the sentence's dateline ("LUSAKA
// (Reuters) - State House said") or of the possessive before it
// ("Kenya’s State House"), when the alias is one of that state's; ""
// otherwise, as where the name is another's ("BOSTON (AP) — the State
// House").
func (s *scan) datelineOwner(i int, ref *aliasRef) string {
	toks := s.toks
	if i > 1 && toks[i-1].Kind == segment.Clitic && len(s.dst) > s.first {
		if last := &s.dst[len(s.dst)-1]; last.tok1 == i-1 && slices.Contains(ref.dateline, last.Target) {
			return last.Target
		}
	}
	if id := s.datelineTarget(); slices.Contains(ref.dateline, id) {
		return id
	}
	return ""
}

// datelineTarget returns the state the sentence's dateline names, its
// first mention when that is a capital or a name in capitals that opens
// the sentence ("LUSAKA (Reuters) -", "ROSEAU, Dominica (AP) —"), or ""
// when it has none.
func (s *scan) datelineTarget() string {
	if len(s.dst) == s.first || s.toks[0].Flags&segment.AllCaps == 0 {
		return ""
	}
	if first := &s.dst[s.first]; first.tok0 == 0 && (first.Kind == "capital" || first.Kind == "name") {
		return first.Target
	}
	return ""
}

// passedOver reports whether the alias ref found at tokens [i, i+n) is
// not the state there.
func (s *scan) passedOver(i, n int, ref *aliasRef) bool {
	toks := s.toks
	if ref.with != nil && s.withoutContext(ref) {
		return true // "CAR PARK CHARGES TO DOUBLE", "the bank's CAR rose to 14%"
	}
	if ref.afterBloom != 0 && i > 0 && ref.afterBloom&wordBit32(toks[i-1].Fold) != 0 && s.m.blockedAfter(ref, toks, i) {
		return true // "ancient Greeks", "plaster of Paris"
	}
	if ref.seat && seatPlace(toks, i, n) {
		return true // "TEL AVIV (Reuters) -", "a port near Dar es Salaam"
	}
	if ref.sense != 0 && i+n < len(toks) && s.kindAfter(i+n, ref.kindSense) {
		return true
	}
	if ref.sense == senseDemonym && (compassBefore(toks, i) || i+n < len(toks) && s.namedEventAt(i+n)) {
		return true
	}
	if i == 0 && ref.kind == "demonym" && n < len(toks) && toks[n].Norm == "'s" && toks[len(toks)-1].Norm == "." && !s.inHeadline() {
		// A firm called by a demonym, in running text, with no article as
		// a person would have: "Indian’s new Scout is lighter."; not a
		// headline's "Briton’s body found in Spain".
		return true
	}
	if i > 0 && s.wordBefore(i, n, ref) {
		return true
	}
	if ref.sense == senseName && i+n+1 < len(toks) && isParticle(toks[i+n].Norm) && s.longerPlace(i+n+1, ref) {
		return true // the first words of a longer name: "San Juan de Lurigancho", "Santiago de los Caballeros"
	}
	if ref.namesake != nil && s.v.tags&tagState != 0 && anyWordOrPhrase(toks, ref.namesake) && s.namesUSState() {
		return true // a town in a US state: "a signpost in Maine points to Norway, Paris ..."
	}
	if n == 1 && (s.caps || len(toks) <= 4 && shortCaps(toks) || toks[0].Flags&segment.AllCaps != 0 && (toks[i].Fold == "us" || toks[i].Fold == "who") && inCapsKicker(toks, i)) && s.pronounInQuestion(i) { // "WHO KNEW?", "YOU TOLD US: Readers on parking" too
		return true // "WHAT THE RECOUNT TAUGHT US"
	}
	if (ref.placed || s.namesake != nil || ref.sense != 0 && s.nearOther(i, i+n, ref.sense)) && s.otherThing(i, n, ref) {
		return true
	}
	// Most names, capitals and demonyms are spared the call by their
	// neighbours (see near and senseNear).
	if (ref.careful || s.senses && ref.sense != 0 && senseNear(toks, i, i+n, ref.sense) || ref.check != 0 && near(toks, i, i+n, ref.check) != 0) &&
		s.rejected(i, n, ref) {
		return true
	}
	// The next of a list whose first was no people: "lessons in Filipino,
	// alongside Korean and Thai".
	return ref.sense == senseDemonym && s.offEnd > 0 && listLink(toks, s.offEnd, i)
}

// withoutContext reports whether the sentence lacks what an alias with
// words of context (lexicon.Alias.With) needs: one of the words, outside
// a sentence in capitals. The abbreviation is then the word it spells or
// another's: "CAR PARK CHARGES TO DOUBLE", "the bank's CAR rose to 14%".
func (s *scan) withoutContext(ref *aliasRef) bool {
	return s.caps || !anyWordOrPhrase(s.toks, ref.with)
}

// clueAlternative returns the token after an alternative in lower case
// that follows a clue's example at token k ("Lima or broad, perhaps": the
// comma), or k when there is none.
func clueAlternative(toks []segment.Token, k int) int {
	if k+2 < len(toks) && (toks[k].Norm == "or" || toks[k].Norm == "and") && toks[k+1].Kind == segment.Word && startsLower(toks[k+1].Norm) {
		return k + 2
	}
	return k
}

// seriesNews reports whether w, folded, after a series' title in a
// headline, says what the series does: "THE LAST OF US RETURNS", "...
// SEASON 2 REVIEW".
func seriesNews(w string) bool {
	switch w {
	case "returns", "season", "finale", "review", "renewed", "cast":
		return true
	}
	return false
}

// listLink reports whether the tokens [e, i) join the words before and
// after them in a list: ",", "and", "or", "alongside", "as well as",
// after a comma or not.
func listLink(toks []segment.Token, e, i int) bool {
	if e < i && toks[e].Norm == "," {
		e++
	}
	switch i - e {
	case 0:
		return toks[e-1].Norm == ","
	case 1:
		w := toks[e].Norm
		return w == "and" || w == "or" || w == "alongside"
	case 3:
		return toks[e].Norm == "as" && toks[e+1].Norm == "well" && toks[e+2].Norm == "as"
	}
	return false
}

// pronounInQuestion reports whether the word at token i of a headline in
// capitals is the pronoun "US" or "WHO" of a question: "US" as its last
// word ("WHAT THE RECOUNT TAUGHT US", "WHAT'S NEXT FOR US?"), "WHO" as the
// first word of a headline with a question mark ("WHO IS TO BLAME?") or
// before a plural verb ("WHO ARE YOU").
func (s *scan) pronounInQuestion(i int) bool {
	toks := s.toks
	switch toks[i].Fold {
	case "us":
		if i > 0 && toks[i-1].Fold == "the" {
			return false // "TALK TO THE US?"
		}
		if i > 1 && toks[i-1].Fold == "to" && toks[i-2].Fold == "up" {
			return true // the idiom: "IT'S UP TO US NOW, SAYS SKIPPER"
		}
		if i > 2 && toks[i-1].Fold == "of" && toks[i-2].Fold == "last" && toks[i-3].Fold == "the" &&
			(i+1 == len(toks) || toks[i+1].Kind == segment.Punct || seriesNews(toks[i+1].Fold)) {
			return true // the series: "THE LAST OF US RETURNS FOR A SECOND SEASON"; not "THE LAST OF US TROOPS LEAVE"
		}
		if i > 1 && toks[i-1].Fold == "of" && (i+1 == len(toks) || toks[i+1].Kind != segment.Word || !strings.HasSuffix(toks[i+1].Fold, "s")) {
			// A part of a group: "ALL OF US AT THE GARDEN CENTRE WISH
			// YOU"; but "ALL OF US TROOPS TO LEAVE".
			switch toks[i-2].Fold {
			case "all", "each", "both", "some", "many", "most", "none":
				return true
			}
		}
		if i > 1 && subjectPronoun(toks[i-2].Fold) && toks[i-1].Kind == segment.Word {
			return true // the object of a verb after its subject: "THEY TOLD US NOTHING"
		}
		if i > 1 && toks[i-2].Fold == "them" && toks[i-1].Kind == segment.Word && (i+1 == len(toks) || toks[i+1].Kind == segment.Punct || afterObjectUs(toks[i+1].Fold)) {
			return true // after a verb let or made to act: "DON'T LET THEM TAX US OUT OF OUR HOMES"; not "GIVE THEM US ARMS"
		}
		if i > 1 && toks[i-2].Fold == "n't" && toks[i-1].Kind == segment.Word && (i+1 == len(toks) || toks[i+1].Kind == segment.Punct || toks[i+1].Norm == "'") {
			// The object of a verb told not to: "DON'T FORGET US, SAY
			// VILLAGERS"; a closing quote after it is read as its
			// possessive's: "‘DON’T FORGET US’,".
			return true
		}
		if i > 0 && (i == 1 || isQuote(&toks[i-2])) && imperativeVerb(toks[i-1].Fold) && (i+1 == len(toks) || toks[i+1].Kind == segment.Punct || afterObjectUs(toks[i+1].Fold)) {
			return true // the object of a plea: "‘LEAVE US ALONE’: VILLAGERS FIGHT WIND FARM PLAN", "HELP US REBUILD"
		}
		if i == 2 && toks[1].Fold == "to" && pleaToVerb(toks[0].Fold) && (i+1 == len(toks) || toks[i+1].Kind == segment.Punct) {
			return true // and of a plea's "to": "WRITE TO US: READERS’ LETTERS", "LISTEN TO US, SAY FARMERS"
		}
		for _, t := range toks[i+1:] {
			if t.Kind != segment.Punct {
				return false
			}
		}
	case "who":
		// "WHO" opening a headline is as often the organisation ("WHO SAYS
		// CASES TOP 100,000"): only a plural verb or a question mark tells.
		if i+1 < len(toks) && (toks[i+1].Fold == "are" || toks[i+1].Fold == "were") {
			return true
		}
		if i > 0 && (whoAfter[toks[i-1].Fold] || len(s.dst) > 0 && s.dst[len(s.dst)-1].tok1 == i && s.dst[len(s.dst)-1].Kind == "demonym") {
			return true // a relative pronoun after people: "ZAMBIANS WHO LOST HOMES"
		}
		return i == 0 && slices.ContainsFunc(toks, func(t segment.Token) bool { return t.Norm == "?" })
	default:
		return false
	}
	if last := toks[len(toks)-1]; last.Norm == "?" {
		return true
	}
	// The question may follow a kicker: "HANGING CHADS: WHAT THE RECOUNT
	// TAUGHT US".
	k := i
	for k > 0 && toks[k-1].Norm != ":" {
		k--
	}
	switch toks[k].Fold {
	case "what", "why", "how", "who", "where", "when":
		return true
	}
	return false
}

// imperativeVerb reports whether w is a verb that a plea or an advert
// opens with, before "US" the pronoun: "LEAVE US ALONE", "LET US IN",
// "CALL US TODAY".
func imperativeVerb(w string) bool {
	switch w {
	case "let", "leave", "help", "join", "tell", "give", "save", "show", "hear", "forgive", "spare", "trust", "believe", "remember", "forget",
		"call", "contact", "email", "follow", "visit":
		return true
	}
	return false
}

// pleaToVerb reports whether w is a verb that a plea opens with, before
// "TO US": "WRITE TO US", "LISTEN TO US".
func pleaToVerb(w string) bool {
	switch w {
	case "write", "talk", "listen", "speak", "come", "send", "return", "turn", "reach", "report":
		return true
	}
	return false
}

// afterObjectUs reports whether w may follow "US" the object of a plea:
// "LEAVE US ALONE", "HELP US REBUILD", "LET US IN", "FOLLOW US ON".
func afterObjectUs(w string) bool {
	switch w {
	case "alone", "be", "know", "go", "live", "in", "out", "now", "today", "on", "at", "back", "through", "down", "rebuild", "a", "an", "your", "what", "how", "why", "more":
		return true
	}
	return false
}

// subjectPronoun reports whether w is a personal pronoun that can be the
// subject of a verb.
func subjectPronoun(w string) bool {
	switch w {
	case "i", "you", "he", "she", "we", "they":
		return true
	}
	return false
}

// petOrTongue reports whether the demonym at tokens [i, i+n), after a
// possessive and before the end of the sentence, a comma and a name, or a
// verb, is a noun of its own: a dog or a language ("terrified of their
// Maltese.", "Her Maltese, Coco,", "the couple's Maltese, Bella,", "Our
// Maltese needs a groomer", "His Spanish is rusty").
func (s *scan) petOrTongue(i, n int) bool {
	toks := s.toks
	if !ownedBefore(toks, i) {
		return false
	}
	j := i + n
	if j == len(toks) {
		return true
	}
	switch toks[j].Norm {
	case ".", "!", "?":
		return true
	case ",":
		// "Their Maltese, Bella, ..."; "The couple's Maltese, named Pudding,"
		return j+1 < len(toks) && (s.m.nameWord(&toks[j+1]) || toks[j+1].Fold == "named" || toks[j+1].Fold == "called")
	case "is", "was", "has", "had", "needs", "needed", "loves", "hates", "sleeps", "barks", "improved", "remains":
		return true
	}
	return false
}

// placedBefore reports whether the alias at tokens [i, i+n) stands before
// a comma and a name of its own state, as a dateline places a capital
// ("VICTORIA, Seychelles"), or before an apposition calling it that
// state's capital ("Victoria, the Seychelles capital,").
func (s *scan) placedBefore(i, n int, ref *aliasRef) bool {
	next, _ := s.nameAfterComma(i + n)
	if next == nil {
		next = s.capitalApposed(i + n)
	}
	return next != nil && slices.Contains(ref.ids, next.id)
}

// capitalApposed returns the state named in an apposition at token j
// that calls what comes before it the state's capital: ", the Seychelles
// capital" or ", the Seychellois capital".
func (s *scan) capitalApposed(j int) *aliasRef {
	toks := s.toks
	if j+2 >= len(toks) || toks[j].Norm != "," || toks[j+1].Fold != "the" {
		return nil
	}
	if j+4 < len(toks) && toks[j+2].Fold == "capital" && toks[j+3].Fold == "of" {
		// "Victoria, the capital of Seychelles,"
		if next, k := s.aliasAt(j + 4); k > 0 && next.kind == "name" {
			return next
		}
		return nil
	}
	next, k := s.aliasAt(j + 2)
	if k == 0 || next.kind != "name" && next.kind != "demonym" {
		return nil
	}
	if k += j + 2; k < len(toks) && toks[k].Fold == "capital" {
		return next
	}
	return nil
}

// placedEarlier reports whether the alias ref at tokens [i, i+n) was
// found placed before in the sentence ("VICTORIA, Seychelles — ... the
// foreign ministry in Victoria said"), or its state named there
// ("Maldivian and Seychellois officials met in Victoria").
func (s *scan) placedEarlier(i, n int, ref *aliasRef) bool {
	for k := range s.dst {
		if m := &s.dst[k]; m.Target == ref.id && (m.Kind == "name" || m.Kind == "demonym" ||
			m.Kind == "institution" && strings.Contains(m.Text, ref.name)) { // "the Maldives Monetary Authority ... banks in Male"
			return true
		}
	}
	return s.keptEarlier(i, n, ref)
}

// datelineState reports whether the name ref at tokens [i, i+n) is the
// state of a dateline, after its town in capitals and before the agency,
// the date or the dash: "VESTMANNAEYJAR, Iceland (AP) —". A name the
// gazetteer marks ambiguous may be a US state there ("SAVANNAH, Georgia
// (AP)").
func (s *scan) datelineState(i, n int, ref *aliasRef) bool {
	toks := s.toks
	if i < 2 || ref.ambiguous || ref.kind != "name" || toks[i-1].Norm != "," || i+n >= len(toks) || s.caps {
		return false
	}
	for k := 0; k < i-1; k++ {
		if toks[k].Kind != segment.Word || toks[k].Flags&segment.AllCaps == 0 {
			return false
		}
	}
	switch toks[i+n].Norm {
	case "(", "—", "–", "-", ",":
		return true
	}
	return false
}

// ownDateline reports whether the capital ref at token i opens the
// sentence in capitals, as a dateline, and its state is named by name
// later in the sentence.
func (s *scan) ownDateline(i int, ref *aliasRef) bool {
	if i != 0 || ref.kind != "capital" || s.toks[0].Flags&segment.AllCaps == 0 || s.caps {
		return false
	}
	for k := 1; k < len(s.toks); k++ {
		if s.toks[k].Flags&segment.Capitalized == 0 {
			continue
		}
		if next, n := s.aliasAt(k); n > 0 && next.kind == "name" && slices.Contains(ref.ids, next.id) {
			return true
		}
	}
	return false
}

// keptEarlier reports whether the alias ref at tokens [i, i+n), in any
// case, was reported earlier in the sentence.
func (s *scan) keptEarlier(i, n int, ref *aliasRef) bool {
	text := s.text[s.toks[i].Start:s.toks[i+n-1].End]
	for k := range s.dst {
		if m := &s.dst[k]; m.Target == ref.id && m.Kind == ref.kind && strings.EqualFold(m.Text, text) {
			return true
		}
	}
	return false
}

// aliasAt returns the longest alias that begins at token k as written,
// and its length in tokens (0 when none does): what the tests around a
// placed capital read of the words after it.
func (s *scan) aliasAt(k int) (*aliasRef, int) {
	return longest(s.toks, k, s.m.rootOf(&s.toks[k]), nil, s.date)
}

// titleEnd reports whether token k, right after a name, closes a quote,
// maybe after a comma or a full stop.
func titleEnd(toks []segment.Token, k int) bool {
	if k < len(toks) && (toks[k].Norm == "," || toks[k].Norm == ".") {
		k++
	}
	return k < len(toks) && isQuote(&toks[k])
}

// titleRunsOn reports whether the words from token k, after the first
// word of a quotation, go on in Title Case to its closing quote within
// eight words ("‘Manila in the Claws of Light’"), and no noun of a policy
// follows it ("“America First” policy").
func titleRunsOn(toks []segment.Token, k int) bool {
	for end := min(k+8, len(toks)); k < end; k++ {
		t := &toks[k]
		if (t.Norm == "," || t.Norm == ".") && k+1 < len(toks) && isQuote(&toks[k+1]) {
			k++ // "“The Indian Wants the Bronx,”"
			t = &toks[k]
		}
		if isQuote(t) {
			return k+1 == len(toks) || !sloganNouns[toks[k+1].Fold]
		}
		if t.Kind != segment.Word || t.Flags&segment.Capitalized == 0 && !titleSmallWords[t.Fold] {
			return false
		}
	}
	return false
}

// sloganNouns follow a slogan in quotes, which names what it is about.
var sloganNouns = setOf(strings.Fields(`policy policies doctrine agenda slogan campaign strategy
	plan approach movement platform programme program vision`)...)

// showAfter reports whether w, capitalised after a title and "the", names
// the kind of show the title was made into.
func showAfter(w string) bool {
	return w == "Musical" || w == "Movie" || w == "Opera" || w == "Ballet"
}

// workNamedBefore reports whether the words from token k, after a title
// in quotes, are the noun of a work, perhaps after one word that describes
// it: "(‘Madagascar’) Stage Musical", "(“Australia”) film".
func workNamedBefore(toks []segment.Token, k int) bool {
	for end := min(k+2, len(toks)); k < end; k++ {
		switch f := toks[k].Fold; {
		case titleNouns[f]:
			return true
		case f == "singer" || f == "star" || f == "hitmaker":
			return true // its maker: "“HAVANA” SINGER ADDS SECOND WEMBLEY DATE"
		}
	}
	return false
}

// quotedTitle reports whether the name at token i, before a closing
// quote, ends a title in quotes written in Title Case after a word that
// announces a work: "a version of “Postcards From Italy”", "Gillespie's
// “A Night in Tunisia”". A quote that is speech ("he said “Glory to
// Ukraine”") is announced by no such word.
func (s *scan) quotedTitle(i int) bool {
	toks := s.toks
	q := i - 1
	for ; q >= 0 && q >= i-6; q-- {
		t := &toks[q]
		if isQuote(t) {
			break
		}
		if t.Kind != segment.Word || t.Flags&segment.Capitalized == 0 && !titleSmallWords[t.Fold] {
			return false
		}
	}
	if q < 0 || !isQuote(&toks[q]) {
		return false
	}
	if q == 0 {
		// A title that opens the sentence, with a capital on a word of its
		// own: "“A Gentleman in Moscow” spent a year on the list"; not a
		// slogan: "“Stand With Ukraine”".
		for k := q + 2; k < i; k++ {
			if toks[k].Flags&segment.Capitalized != 0 && !titleSmallWords[toks[k].Fold] {
				return true
			}
		}
		// Or what a work does after it: "‘Paddington in Peru’ topped the
		// box office", "‘The Americans’ ran for six seasons"; or what it
		// is: "‘Lost in Thailand’, Xu Zheng’s 2012 road-trip comedy,".
		if i+2 >= len(toks) || !isQuote(&toks[i+1]) {
			return false
		}
		switch w := toks[i+2].Norm; w {
		case "topped", "ran", "aired", "premiered", "debuted":
			return true
		case ",":
			return s.apposedThing(i + 2)
		default:
			return takingsVerb(w)
		}
	}
	before := &toks[q-1]
	if q == i-1 {
		return workVerbs[before.Fold] // a title of one word: "George Ezra wrote “Budapest”"
	}
	return before.Kind == segment.Clitic || titleCues[before.Fold] || songBefore(toks, q) || // "closed the set with “Night Boat to Cairo”"
		before.Fold == "with" && q > 1 && (toks[q-2].Fold == "closed" || toks[q-2].Fold == "opened" || toks[q-2].Fold == "ended") || // "The choir closed with “On Jordan’s Stormy Banks,”"
		before.Fold == "on" && q > 1 && takeWords[toks[q-2].Fold] || // "a blistering take on “A Night in Tunisia,”"
		before.Fold == "to" && q > 1 && (toks[q-2].Fold == "sequel" || toks[q-2].Fold == "prequel") // "the sequel to “Osuofia in London,”"
}

var (
	// titleSmallWords are the words a title in Title Case leaves in lower
	// case, in English and in French ("“Dimanche à Bamako”").
	titleSmallWords = setOf(strings.Fields(`a an the of in on to from for and with at by
		à au de du des la le les et`)...)
	// titleCues announce the title of a work after them.
	titleCues = setOf(strings.Fields(`of version song single album film track titled called hit sang performed
		played covered novel book poem memoir wrote penned composed recorded released`)...)
	// titleVerbs, capitalised after a name inside quotes, make the quote a
	// title in Title Case rather than speech.
	titleVerbs = setOf(strings.Fields(`Is Was Are Were Has Had Will Can Must`)...)
	// workVerbs announce a work's title of one word in quotes, which
	// other cues may not ("the so-called “Russia” clause").
	workVerbs = setOf(strings.Fields(`wrote penned composed recorded released sang performed covered`)...)
	// takeWords announce a work's title after "on": "a take on", "a riff on".
	takeWords = setOf(strings.Fields(`take spin riff twist variation variations`)...)
)

// namesUSState reports whether the sentence names a US state or a
// Canadian province. The tokenizer's tags say so at once; without them
// (s.v.tags has every bit) each capitalised word is looked up.
func (s *scan) namesUSState() bool {
	if s.v.tags&tagState == 0 {
		return false
	}
	if s.v.tags != ^uint32(0) {
		return true
	}
	for k := range s.toks {
		if t := &s.toks[k]; t.Flags&(segment.Capitalized|segment.AllCaps) != 0 && s.m.roots.get(t.Norm).sense&tagState != 0 {
			return true
		}
	}
	return false
}

// wordBefore reports whether the word before the alias ref at tokens
// [i, i+n) makes it something other than the state. One switch reads the
// word for every rule, since emit asks it of every mention.
func (s *scan) wordBefore(i, n int, ref *aliasRef) bool {
	toks := s.toks
	prev := &toks[i-1]
	if mealVerb(prev.Fold) {
		// A meal ordered by its cuisine, with no article: "Order Chinese
		// tonight"; not "ordered Chinese banks to".
		return ref.kind == "demonym" && n == 1 && mealEnds(toks, i+1)
	}
	switch prev.Fold {
	case "film", "movie", "novel", "album", "documentary", "musical", "play", "opera", "epic", "comedy", "cartoon": // titleNouns
		// The first word of a title after its noun: "Alejandro Zambra’s
		// novel Chilean Poet".
		return ref.kind == "demonym" && prev.Norm == prev.Fold && i+n < len(toks) && toks[i+n].Kind == segment.Word &&
			toks[i+n].Flags&segment.Capitalized != 0 && toks[i+n].Flags&segment.AllCaps == 0 && !s.inHeadline()
	case "de", "du", "des", "del", "della", "da", "do", "dos", "das":
		// A name in another language's name: "Rue de Tunis", "Antonio
		// José de Sucre".
		return ref.sense == senseName && prev.Norm == prev.Fold && i > 1 && toks[i-2].Flags&segment.Capitalized != 0
	case "flew", "fly", "flying", "booked":
		// An airline called by its demonym or its state's name: "He booked
		// Ethiopian through to Lagos", "flew Qatar via Doha"; not "flew
		// Syrian airspace".
		k := i + n
		return k == len(toks) || toks[k].Kind == segment.Punct || toks[k].Norm == "to" || toks[k].Norm == "through" ||
			toks[k].Norm == "via" || toks[k].Norm == "from" || toks[k].Norm == "into"
	case "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth":
		// A franchise: "a fourth Madagascar film"; a race named after
		// the city it ends in, won again: "Sainz won his fourth Dakar at
		// the age of 61", but "his second Washington visit".
		k := i + n
		return ref.sense == senseName && k < len(toks) && (titleNouns[toks[k].Fold] || toks[k].Fold == "sequel") ||
			ref.kind == "capital" && i > 1 && possessive(toks[i-2].Fold) && (k == len(toks) || toks[k].Kind == segment.Punct || eventPrep(toks[k].Norm))
	case "sang", "sing", "sings", "singing", "performed", "performs", "performing", "with":
		// A song: "the choir sang Jerusalem", "closed his set with
		// Budapest".
		return ref.sense == senseName && songBefore(toks, i) && (i+n == len(toks) || toks[i+n].Kind != segment.Clitic)
	case "of":
		if i > 1 && ref.check&checkLanguage != 0 && (toks[i-2].Fold == "speakers" || toks[i-2].Fold == "speaker") {
			return true // a language: "discriminates against speakers of Hungarian"
		}
		if i > 1 && ref.sense == senseName {
			switch toks[i-2].Fold {
			case "screening", "screenings", "matinee", "matinees", "remake", "rewatch":
				return true // a film: "a singalong screening of Madagascar"
			case "measure", "shot", "splash", "dash", "glass", "bottle":
				// A drink: "a measure of Montenegro over ice"; not "a glass of
				// Tbilisi's wine", "a shot of Russia's vodka".
				return ref.kindSense&senseCapital == 0 && (i+n == len(toks) || toks[i+n].Kind != segment.Clitic)
			case "season", "series":
				if w := toks[i-3].Fold; i > 2 && (ordinal(w) || w == "final" || w == "latest" || w == "new" || w == "next") {
					return true // a series: "The third season of Tehran"
				}
			case "setting", "arrangement", "rendition":
				if i > 3 && toks[i-3].Kind == segment.Clitic && toks[i-4].Flags&segment.Capitalized != 0 {
					return true // a composer's piece: "Parry’s setting of Jerusalem"; not "the film’s setting of Paris"
				}
			}
			if ref.ambiguous && i > 2 && toks[i-3].Fold == "state" && stateSymbols[toks[i-2].Fold] {
				return true // a US state's: "the official state song of Georgia"
			}
		}
		if s.v.tags&tagState != 0 && ref.kind == "name" && i > 1 && slices.Contains(townPlurals, toks[i-2].Fold) && townPairAfter(toks, i+n) {
			// Two towns of a US state: "the villages of Belgium and
			// Luxemburg, Wisconsin,".
			return true
		}
		// A town of a US state: "the Ohio town of Lima", "the Maine
		// village of Denmark".
		return s.v.tags&tagState != 0 && i > 2 && ref.kind != "demonym" &&
			(slices.Contains(townWords, toks[i-2].Fold) || toks[i-2].Fold == "city") && capitalIn(&toks[i-3], tagState, nil) &&
			(usStates[toks[i-3].Norm] || i > 3 && isStatePair(toks[i-4].Norm, toks[i-3].Norm))
	case ",":
		// A town of Washington State: "homes in Pullman, Washington, lost
		// power". No town comes before the capital, and a list of capitals
		// ("in Geneva, Washington and Moscow") is named by the mention before.
		return ref.kind == "capital" && toks[i].Fold == "washington" && n == 1 && s.townBefore(i-1) && addressEnds(toks, i+1)
	case "watched", "rewatched", "watching", "rewatching":
		// A film watched again: "The kids watched Madagascar for the
		// fourth time", "watched Madagascar twice"; not "investors watched
		// China for signs".
		return ref.kind == "name" && i+n < len(toks) && rewatched(toks, i+n)
	case "river":
		// A river named the English way, its noun in lower case first: "waded
		// into the river Jordan", "up the river Congo"; not "a river China
		// plans to dam".
		return ref.kind == "name" && prev.Norm == "river" && n == 1 && (riverState(toks[i].Fold) || toks[i].Fold == "congo" || toks[i].Fold == "gambia")
	case "themselves":
		// A name a band or a group took: "they called themselves Warsaw";
		// a state names itself in the singular ("the country called itself
		// Zaire").
		if i > 1 {
			switch toks[i-2].Fold {
			case "called", "call", "calling", "named", "renamed", "styled":
				return ref.sense == senseName
			}
		}
	case "my", "our", "your":
		// A pet of a breed called by its demonym, doing what a pet does:
		// "My Maltese won't stop barking", "Our Burmese follows us from
		// room to room and sulks"; not "my Maltese grandmother".
		k := i + n
		return ref.kind == "demonym" && n == 1 && !strings.HasSuffix(toks[i].Fold, "s") && k < len(toks) &&
			(toks[k].Norm == "wo" || toks[k].Norm == "keeps" || copula(toks[k].Norm) ||
				toks[k].Norm == "," && i > 1 && toks[i-2].Norm == "," || // a pet's name apposed: "Biscuit, our Maltese, turns seven"
				slices.ContainsFunc(toks[k:min(k+12, len(toks))], func(t segment.Token) bool { return dogVerb(t.Norm) })) // "Our Burmese follows us about and sulks"
	case "like", "unlike":
		// A language likened to another at the end of a sentence about
		// languages: "Burmese belongs to the Sino-Tibetan family, like
		// Chinese."
		k := i + n
		return ref.kind == "demonym" && i > 2 && toks[i-2].Norm == "," && (k == len(toks) || toks[k].Norm == ".") && languagesBefore(toks, i-2)
	case "includes", "include", "included", "including":
		// A language a family holds: "The Sino-Tibetan family includes
		// Burmese and hundreds of smaller tongues"; not "Burmese troops".
		k := i + n
		return ref.kind == "demonym" && (k == len(toks) || toks[k].Kind == segment.Punct || toks[k].Norm == "and" || toks[k].Norm == "or") &&
			languagesBefore(toks, i-1)
	case "carrier", "airline":
		// An airline called by its demonym: "Budget carrier Norwegian
		// added 14 routes"; "the Norwegian carrier" is the state's.
		return ref.kind == "demonym"
	case "to":
		// A verb: "HOW TO POLISH SILVER", "How to Polish Brass"; or the
		// idiom after a possessive: "The floods were his road to Damascus".
		return n == 1 && i > 1 && toks[i-2].Fold == "how" ||
			ref.kindSense&senseCapital != 0 && i > 2 && toks[i-2].Fold == "road" && possessive(toks[i-3].Fold) ||
			i > 2 && toks[i-2].Fold == "answers" && toks[i-3].Norm == "," // a pet's name: "GINGER TOM, ANSWERS TO CHAD"
	case "fifth-century", "5th-century", "fourth-century", "4th-century", "ancient":
		return ref.kindSense&senseCapital != 0 // the city of antiquity: "Fifth-century Athens had perhaps 30,000 citizens"
	case "formed":
		// A band a person formed: "David Sylvian formed Japan with his
		// brother"; a state is formed by a treaty, not by a person.
		return ref.sense == senseName && i > 1 && toks[i-2].Flags&segment.Capitalized != 0 &&
			(len(s.dst) == 0 || s.dst[len(s.dst)-1].tok1 != i-1)
	case "named", "called":
		// An animal's or a band's name: "a rhino named Sudan", "the last
		// male northern white rhino, named Sudan,", "a band called Japan";
		// not "the paper called China a threat".
		k := i - 2
		if k > 0 && toks[k].Norm == "," {
			k--
		}
		if ref.kind == "capital" && k >= 0 && (toks[k].Norm == "was" || toks[k].Norm == "were") && s.namesUSState() {
			return true // a town's older name: "Kitchener, Ontario, was called Berlin until 1916"
		}
		return k >= 0 && (animalNouns[toks[k].Fold] || namerNouns[toks[k].Fold]) // "a Senegal parrot called Kiwi", "a band called Japan"
	case "the":
		// A river: "The Niger floods every autumn", "down the Jordan to
		// the Dead Sea"; not "the Niger junta".
		if ref.kind == "demonym" {
			// A thing called by a demonym, opening a clause with a
			// singular verb: "The Polish is a chicken breed"; a people
			// takes a plural one ("The Polish are").
			// So is a dog of a breed called by its demonym, by what it does:
			// "The Maltese in the next flat barks every time the lift arrives".
			return n == 1 && (i == 1 || toks[i-2].Kind == segment.Punct) && i+1 < len(toks) && !strings.HasSuffix(toks[i].Fold, "s") &&
				(toks[i+1].Norm == "is" || toks[i+1].Norm == "was" || nounBefore(toks[i+1].Norm) && slices.ContainsFunc(toks[i+1:min(i+12, len(toks))], func(t segment.Token) bool { return dogVerb(t.Norm) }))
		}
		return ref.kind == "name" && n == 1 && riverState(toks[i].Fold) &&
			(riverAfter(toks, i+1) || i > 2 && toks[i-2].Norm == "in" && waterVerb(toks[i-3].Norm) || // "baptised in the Jordan"
				slices.ContainsFunc(toks[max(0, i-5):i-1], func(t segment.Token) bool { return t.Norm == "river" })) // "river traffic on the Niger"
	case "a", "an":
		// A noun after an article in a headline: "How to Carve a
		// Turkey", "HOW TO CARVE A TURKEY"; what a thing is called: "a
		// cortado is called a Gibraltar".
		if ref.kind == "demonym" {
			// An adjective that names no person, used as a noun, is a
			// thing: "a flat white, a Danish and a slice of cake"; but "a
			// Danish firm", and "a Canadian" is a person. So is the
			// subject of a verb: "what Americans call a Danish is known in
			// Denmark as wienerbrød".
			// A pet of a breed called by its demonym, named by a single
			// name: "A Maltese named Biscuit won best in show"; but "a
			// Maltese named Joseph Borg". Or in need of a home: "A Maltese
			// with a heart murmur needs a quiet home".
			// Before "and" another demonym makes it an adjective of a pair:
			// "a Danish and a French company".
			// A meal ordered by its cuisine: "Fancy a Chinese tonight?".
			return n == 1 && strings.HasSuffix(toks[i].Fold, "ish") &&
				(i+1 == len(toks) || toks[i+1].Kind == segment.Punct || toks[i+1].Norm == "with" || toks[i+1].Norm == "for" || copula(toks[i+1].Norm) || priceVerb(toks[i+1].Norm) ||
					(toks[i+1].Norm == "and" || toks[i+1].Norm == "or") && !s.demonymAt(i+2)) ||
				n == 1 && toks[i].Fold == "maltese" && petNamed(toks, i+1) ||
				n == 1 && breedDemonym(toks[i].Fold) && rehoming(toks, i+1) ||
				n == 1 && i > 1 && mealVerb(toks[i-2].Fold) && mealEnds(toks, i+1)
		}
		// A thing named after the place, alone: "a Havana and a large
		// cognac"; but "a Havana court", "a World Bank and IMF team".
		k := i + n
		// An acronym in capitals in a headline that is not names the body:
		// "Vietnam Becomes a BRICS Partner Country".
		return n == 1 && ref.kind == "name" && s.inHeadline() && (s.caps || toks[i].Flags&segment.AllCaps == 0) || calledThing(toks, i, n) ||
			n == 1 && ref.sense == senseName && (k == len(toks) || toks[k].Kind == segment.Punct && toks[k].Norm != "-" ||
				k+1 < len(toks) && (toks[k].Norm == "and" || toks[k].Norm == "or") && (toks[k+1].Norm == "a" || toks[k+1].Norm == "an"))
	}
	return false
}

// wordNoun reports whether w names a word or a phrase, which a language
// has: "(the French) word for".
func wordNoun(w string) bool {
	switch w {
	case "word", "words", "term", "terms", "name", "phrase", "expression", "noun", "verb":
		return true
	}
	return false
}

// agencyDateline reports whether the words in capitals at tokens [0, k)
// are a dateline's place, an agency's name in brackets after them: "MALE
// (Reuters) -", "VICTORIA (AFP) —".
func agencyDateline(toks []segment.Token, i, k int) bool {
	return i == 0 && allCaps(toks[:k]) && k+2 < len(toks) && toks[k].Norm == "(" && agencyNames[toks[k+1].Fold] && toks[k+2].Norm == ")"
}

// agencyNames are the news agencies whose names, in brackets, follow a
// dateline's place, folded.
var agencyNames = setOf(strings.Fields(`ap reuters afp upi dpa xinhua bloomberg pti ani ians efe ansa kyodo yonhap
	anadolu kuna wam spa bernama lusa tass irna apa mena nna`)...)

// priceVerb reports whether w says what a thing costs: "(a coffee and a
// Danish) cost $9".
func priceVerb(w string) bool {
	return w == "cost" || w == "costs" || w == "sells" || w == "sold"
}

// breedDemonym reports whether the demonym w, folded, is also a breed of
// dog or cat.
func breedDemonym(w string) bool {
	return w == "maltese" || w == "burmese" || w == "siamese" || w == "persian"
}

// rehoming reports whether the words from token k, up to twelve, say that
// what comes before them needs a home, as a rescued pet does: "(A Maltese)
// with a heart murmur needs a quiet home".
func rehoming(toks []segment.Token, k int) bool {
	for end := min(k+12, len(toks)); k+2 < end; k++ {
		if w := toks[k].Norm; (w == "needs" || w == "deserves" || w == "seeks") && toks[k+1].Norm == "a" {
			for j := k + 2; j < end && j <= k+4; j++ {
				if toks[j].Norm == "home" {
					return true
				}
			}
			return false
		}
	}
	return false
}

// nounBefore reports whether w, after a word, says that the word is a
// noun: a verb of a dog's or a preposition ("(The Maltese) barks", "(The
// Maltese) in the next flat"), not another noun ("The Maltese government").
func nounBefore(w string) bool {
	switch w {
	case "in", "on", "at", "next", "from", "upstairs", "downstairs":
		return true
	}
	return dogVerb(w)
}

// dogVerb reports whether w says what a dog does, and nothing else does.
func dogVerb(w string) bool {
	switch w {
	case "barks", "barked", "yaps", "yapped", "growls", "growled", "purrs", "purred", "sulks", "sulked", "sheds", "moults",
		"miaows", "meows", "howls", "sleeps", "naps", "snores":
		return true
	}
	return false
}

// eventPrep reports whether w, after the name of an event, begins what
// says when or how it was won: "(his fourth Dakar) at the age of 61".
func eventPrep(w string) bool {
	switch w {
	case "at", "in", "on", "since", "after", "before", "with", "by":
		return true
	}
	return false
}

// languagesBefore reports whether one of the ten words before token k
// names languages or their family.
func languagesBefore(toks []segment.Token, k int) bool {
	return slices.ContainsFunc(toks[max(0, k-10):k], func(t segment.Token) bool { return languageNouns[t.Fold] || t.Fold == "family" })
}

// mealEnds reports whether token k, after a cuisine's demonym, ends the
// order: the end, a mark that is no quote, "tonight" or "takeaway".
func mealEnds(toks []segment.Token, k int) bool {
	return k == len(toks) || toks[k].Kind == segment.Punct && !isQuote(&toks[k]) || toks[k].Fold == "tonight" || toks[k].Fold == "takeaway"
}

// mealVerb reports whether w, before a demonym or "a" and a demonym,
// orders a meal of the cuisine: "fancy a Chinese", "order an Indian",
// "Order Chinese tonight".
func mealVerb(w string) bool {
	switch w {
	case "fancy", "fancied", "order", "ordered", "ordering", "grab", "grabbed":
		return true
	}
	return false
}

// demonymAt reports whether a demonym begins at token k, maybe after an
// article.
func (s *scan) demonymAt(k int) bool {
	if k < len(s.toks) && (s.toks[k].Norm == "a" || s.toks[k].Norm == "an") {
		k++
	}
	if k >= len(s.toks) {
		return false
	}
	ref, n := s.aliasAt(k)
	return n > 0 && ref.kind == "demonym"
}

// capitalsAfter returns the token after at most two capitalised words
// from token k: the end of a name that a state's name begins ("China
// Crisis").
func capitalsAfter(toks []segment.Token, k int) int {
	for end := min(k+2, len(toks)); k < end && toks[k].Kind == segment.Word && toks[k].Flags&segment.Capitalized != 0; {
		k++
	}
	return k
}

// commaAfterCapitals reports whether a comma follows the capitalised
// words from token k (see capitalsAfter): the end of a name that an
// apposition may say what it is.
func commaAfterCapitals(toks []segment.Token, k int) bool {
	c := capitalsAfter(toks, k)
	return c < len(toks) && toks[c].Norm == ","
}

// petNamed reports whether the words from token k name an animal by a
// single name: "named Biscuit won", "called Pixie,".
func petNamed(toks []segment.Token, k int) bool {
	if k+1 >= len(toks) || toks[k].Norm != "named" && toks[k].Norm != "called" {
		return false
	}
	k++
	return toks[k].Kind == segment.Word && toks[k].Flags&segment.Capitalized != 0 &&
		(k+1 == len(toks) || toks[k+1].Kind != segment.Word || toks[k+1].Flags&segment.Capitalized == 0)
}

// seatPlace reports whether a seat of government that is not its state's
// capital, at tokens [i, i+n), is a place rather than the government: a
// dateline ("TEL AVIV (Reuters) -", "ABIDJAN, Ivory Coast —"), or a town
// after a word of place, or after others so placed ("flights to Tel Aviv",
// "offices in Nairobi and Dar es Salaam"). Where it stands for the
// government ("Tel Aviv said", "Rawalpindi's generals") it is a mention.
func seatPlace(toks []segment.Token, i, n int) bool { return placeWord(toks, i, n) != "" }

// placeWord returns the word that makes the town at tokens [i, i+n) a
// place, as seatPlace reads it: a noun of a town's parts after it, the
// mark after a dateline's town, or the word of place before it or before
// the list it ends; "" when there is none.
func placeWord(toks []segment.Token, i, n int) string {
	if i+n < len(toks) && placeAfter(toks[i+n].Fold) {
		return toks[i+n].Norm // "Tanzania’s Dar es Salaam port", "Tel Aviv residents"
	}
	if i == 0 {
		if datelineAt(toks, n) {
			return toks[n].Norm
		}
		return ""
	}
	k, listGoes := i-1, i+n < len(toks) && (toks[i+n].Norm == "," || toks[i+n].Fold == "and" || toks[i+n].Fold == "or")
	for stop := max(0, i-12); k > 1 && (toks[k].Fold == "and" || toks[k].Fold == "or" || toks[k].Norm == "," && listGoes) && toks[k-1].Flags&(segment.Capitalized|segment.AllCaps) != 0; {
		// Back over the towns of a list, up to twelve words so that a
		// sentence is not read once per mention: "in Nairobi, Kampala and
		// Dar es Salaam"; a comma only inside one ("in Lagos, Dar es
		// Salaam and Accra"), not before a clause ("in Taiwan Strait, The
		// Hague Says").
		k -= 2
		for k > stop && toks[k].Flags&(segment.Capitalized|segment.AllCaps) != 0 && toks[k].Kind == segment.Word {
			k--
		}
		if k <= stop {
			return ""
		}
	}
	switch w := toks[k].Fold; w {
	case "to", "via", "around", "across", "toward", "towards", "through", "outside", "linking", "connecting":
		return w
	case "for":
		if k > 0 && leaveVerb(toks[k-1].Fold) {
			return w // "left for Abidjan", "a ship bound for Dar es Salaam"
		}
	case "between":
		if k > 0 && routeNoun(toks[k-1].Fold) {
			return w // "a weekly ferry between Moroni and Dar es Salaam"
		}
	case "of":
		if k > 0 && townNouns(toks[k-1].Fold) {
			return w
		}
	default:
		if placePrep(w) {
			return w
		}
	}
	return ""
}

// datelineAt reports whether the n tokens that open toks are a dateline's
// place: a comma, a bracket, a dash or a colon follows them ("TEL AVIV
// (Reuters) -", "BRUSSELS, March 3 —").
func datelineAt(toks []segment.Token, n int) bool {
	if n < len(toks) && toks[n].Kind == segment.Punct {
		switch toks[n].Norm {
		case ",", "(", "—", "–", "-", ":", "/": // "DAR ES SALAAM/LILONGWE (Reuters) -"
			return true
		}
	}
	return false
}

// leaveVerb reports whether w, before "for", says where one goes: "left
// for", "bound for".
func leaveVerb(w string) bool {
	switch w {
	case "left", "leave", "leaves", "leaving", "departed", "departs", "bound", "headed", "heading", "sailed", "set", "flew":
		return true
	}
	return false
}

// routeNoun reports whether w, before "between", names a way of
// travelling from one town to another: "ferry between", "flights between".
func routeNoun(w string) bool {
	switch w {
	case "ferry", "ferries", "flight", "flights", "route", "routes", "road", "railway", "train", "trains", "bus", "buses", "sailings", "link":
		return true
	}
	return false
}

// placeAfter reports whether w, after a town's name, makes the name a
// place: its port, its people or its parts.
func placeAfter(w string) bool {
	switch w {
	case "port", "harbour", "harbor", "airport", "residents", "suburb", "suburbs", "skyline", "seafront", "bourse":
		return true
	}
	return false
}

// townNouns reports whether w, before "of", names a part of a town or the
// town itself: "the streets of Tel Aviv", "the port of Dar es Salaam".
func townNouns(w string) bool {
	switch w {
	case "streets", "port", "ports", "city", "suburbs", "outskirts", "centre", "center", "mayor", "beaches", "residents", "heart":
		return true
	}
	return false
}

// riverState reports whether w, folded, names both a state and a river,
// and the state goes without an article: after "the" the name may be the
// river's.
func riverState(w string) bool {
	switch w {
	case "niger", "jordan", "senegal", "paraguay", "uruguay":
		return true
	}
	return false
}

// waterVerb reports whether w, before "in the" and a name that
// riverState knows, is done in a river's water: "baptised in the Jordan".
func waterVerb(w string) bool {
	switch w {
	case "baptised", "baptized", "baptism", "bathed", "bathing", "waded", "wading", "swam", "swimming", "fished", "fishing",
		"paddled", "paddling", "drowned", "immersed":
		return true
	}
	return false
}

// riverAfter reports whether token k, after "the" and a name that
// riverState knows, says the name is the river's: the end of the sentence,
// a possessive, a preposition of place or a verb of flowing ("the Niger
// floods", "the Jordan's waters", "along the Niger to Timbuktu"). A noun
// after the name ("the Niger junta", "the Niger border") and a list ("the
// Niger and Mali juntas") leave it the state.
func riverAfter(toks []segment.Token, k int) bool {
	if k == len(toks) {
		return true
	}
	switch t := &toks[k]; t.Kind {
	case segment.Clitic:
		return true
	case segment.Punct:
		return t.Norm == "." || t.Norm == ";"
	}
	switch w := toks[k].Norm; w {
	case "into", "toward", "towards", "to", "through", "upstream", "downstream", "past", "below", "above",
		"where", "flows", "floods", "flooded", "rises", "rose", "runs", "winds", "meanders", "swells",
		"swelled", "drains", "empties", "burst", "bursts", "dried",
		"river", "basin", "valley", "delta", "estuary":
		return true // and its parts in lower case: "along the Niger river"
	default:
		return placePrep(w)
	}
}

// townBefore reports whether the comma at token j follows the name of a
// town that no mention covers, one to three capitalised words after a
// preposition of place or another town's address: "in Pullman,", "near
// Walla Walla,".
func (s *scan) townBefore(j int) bool {
	toks := s.toks
	if last := len(s.dst) - 1; last >= 0 && s.dst[last].tok1 == j {
		return false
	}
	k := j - 1
	for k >= 0 && k >= j-3 && toks[k].Kind == segment.Word && toks[k].Flags&segment.Capitalized != 0 {
		k--
	}
	if k == j-1 || k < 0 {
		return false
	}
	// Or another address before it: "Moscow, Idaho, and Pullman,".
	return placePrep(toks[k].Norm) || toks[k].Norm == "and" && k > 1 && toks[k-1].Norm == "," && usStates[toks[k-2].Norm]
}

// placePrep reports whether w is a preposition that puts what follows on
// a map: "in", "near", "from" ...
func placePrep(w string) bool {
	switch w {
	case "in", "near", "nearby", "outside", "from", "at", "into":
		return true
	}
	return false
}

// addressEnds reports whether the words from token j end an address of a
// town and its state: the end of the sentence, a bracket, or a comma and
// a word in lower case that does not go on a list or open a clause.
func addressEnds(toks []segment.Token, j int) bool {
	if j >= len(toks) || j == len(toks)-1 && toks[j].Kind == segment.Punct {
		return true
	}
	switch toks[j].Norm {
	case "(", ";":
		return true
	case ",":
		if j+1 >= len(toks) {
			return false
		}
		switch w := toks[j+1].Norm; w {
		case "and", "or", "which", "who", "whose", "where", "while":
			return false
		default:
			return toks[j+1].Kind == segment.Word && startsLower(w)
		}
	}
	return false
}

// songBefore reports whether the words before token i make what follows
// a song: a verb of singing right before it, or a concert's set "with"
// it ("closed his set with Budapest"). Not "played", which a team does
// against a state's team, nor "covered", which a reporter does to a state.
func songBefore(toks []segment.Token, i int) bool {
	switch toks[i-1].Fold {
	case "sang", "sing", "sings", "singing", "performed", "performs", "performing":
		return true
	case "with":
		// "his set", "the show"; not "talks were set with Moscow"
		return i > 2 && (toks[i-2].Fold == "set" || toks[i-2].Fold == "show" || toks[i-2].Fold == "gig" || toks[i-2].Fold == "concert") &&
			(possessive(toks[i-3].Fold) || toks[i-3].Fold == "the")
	}
	return false
}

// placeInOther reports whether the words from token k, after a capital
// and a comma, place it in another state: "in" and the state's name, or
// an apposition with "in" or "of" and a name or capital of another state
// within its first eight words ("a small island in the Bahamas", "a
// suburb on the south side of Canberra"). A place of the capital's own
// state ends the search: "Kyiv, a city of three million in Ukraine".
func (s *scan) placeInOther(k int, ref *aliasRef) bool {
	toks := s.toks
	end := k + 1
	place := true // "Kingston, in Jamaica"; "a move seen in Addis Ababa" is no place
	// An apposition: "a small island in the Bahamas", "the island in the Bahamas".
	if f := toks[k].Fold; f == "a" || f == "an" || f == "the" {
		end, place = min(len(toks)-1, k+8), false
	}
	for ; k < end && toks[k].Kind == segment.Word; k++ {
		if f := toks[k].Fold; f != "in" && f != "of" {
			place = place || placeNouns[f]
			continue
		}
		if !place {
			return false
		}
		j := k + 1
		if toks[j].Fold == "the" && j+1 < len(toks) {
			j++
		}
		if next, n := s.aliasAt(j); n > 0 && (next.kind == "name" || next.kind == "capital") {
			return !slices.Contains(next.ids, ref.id)
		} else if n > 0 && next.kind == "place" {
			return true // a region named after another state: "Bridgetown, in Western Australia’s South West"
		}
	}
	return false
}

// animalWords name the animals that are given names of states: "a rhino
// named Sudan", "Congo, a chimpanzee,".
const animalWords = `rhino rhinoceros elephant gorilla panda dog husky cat horse racehorse mare colt filly
	stallion gelding chimpanzee chimp orangutan parrot tortoise puppy kitten pony`

var animalNouns = setOf(strings.Fields(animalWords)...)

// stateSymbols are what a US state adopts as its own: "the state song of
// Georgia".
var stateSymbols = setOf(strings.Fields(`song bird flower tree motto capitol legislature fossil anthem`)...)

// cityParts are the placeNouns for a part of a city or its outskirts.
var cityParts = setOf("suburb", "borough", "district", "neighbourhood", "neighborhood", "township", "exurb")

// placeNouns say that an apposition describes a place.
var placeNouns = setOf(append(strings.Fields(`island islands islet atoll city suburb district port harbour
	harbor neighbourhood neighborhood region province county municipality resort settlement parish commune
	enclave valley peninsula`), townWords...)...)

// longerPlace reports whether token k, after an alias and a particle
// ("de", "del", "do"), goes on with a name, maybe after an article: the
// alias then begins a longer name, unless that name is of the alias's own
// state ("Santiago de Chile").
func (s *scan) longerPlace(k int, ref *aliasRef) bool {
	toks := s.toks
	if f := toks[k].Fold; (f == "la" || f == "las" || f == "los" || f == "el") && k+1 < len(toks) {
		k++
	}
	if toks[k].Flags&segment.Capitalized == 0 {
		return false
	}
	next, n := s.aliasAt(k)
	return n == 0 || !slices.Contains(next.ids, ref.id)
}

// placedAfter reports whether the placed alias ref at tokens [i, k)
// follows one of its words ref.after inside a sentence that is no
// headline, with no capitalised word after it: "talks in Male", "north of
// Male", where the word at a sentence's start ("Male nurses") or in a name
// ("a Male Voice Choir") is not the capital.
func (s *scan) placedAfter(i, k int, ref *aliasRef) bool {
	toks := s.toks
	return i > 0 && slices.Contains(ref.after, toks[i-1].Fold) && !s.inHeadline() &&
		(k == len(toks) || toks[k].Kind != segment.Word || toks[k].Flags&segment.Capitalized == 0)
}

// stateLater reports whether the state of the placed capital ref is named
// after token k in the sentence, by its name or, when demonyms is set, a
// demonym: "MALE (Reuters) - ... Maldivian passport holders", "officers
// from Victoria, Port Louis and Malé ..., the Seychelles defence ministry
// said".
func (s *scan) stateLater(k int, ref *aliasRef, demonyms bool) bool {
	names := func(next *aliasRef, n int) bool {
		return n > 0 && (next.kind == "name" || demonyms && next.kind == "demonym") && slices.Contains(next.ids, ref.id)
	}
	for ; k < len(s.toks); k++ {
		if names(s.aliasAt(k)) {
			return true
		}
		if t := &s.toks[k]; t.Flags&segment.Hyphenated != 0 && demonyms {
			// Or in a compound: "MALE (Reuters) - Indo-Maldivian relations".
			var buf [4]segment.Token
			parts := segment.Parts(s.text, *t, buf[:0])
			for j := range parts {
				if names(longest(parts, j, s.m.rootOf(&parts[j]), nil, s.date)) {
					return true
				}
			}
		}
	}
	return false
}

// placedIn reports whether the name or capital at tokens [0, n), which
// opens the sentence in capitals, is followed by a comma, a name of
// another state and the punctuation that ends a dateline's place: it is a
// namesake town of that state ("RABAT, Malta —", "TRINIDAD, Bolivia (AP)
// —"), not the state. An organisation is never a town.
func (s *scan) placedIn(n int, ref *aliasRef) bool {
	if ref.noPlace {
		return false
	}
	next, j := s.nameAfterComma(n)
	if next == nil || slices.Contains(ref.ids, next.id) || j >= len(s.toks) {
		return false
	}
	if own, name := s.m.names[ref.id], s.text[s.toks[n+1].Start:s.toks[j-1].End]; strings.HasSuffix(own, name) &&
		(len(own) == len(name) || own[len(own)-len(name)-1] == ' ') {
		// A short name two states share, the capital's own too, ending its
		// name: "BRAZZAVILLE, Congo (AP) —"; not "ABUJA, Niger".
		return false
	}
	switch t := &s.toks[j]; t.Norm {
	case "(", ",", "—", "–", "-":
		return t.Kind == segment.Punct
	}
	return false
}

// provinceAfter reports whether the comma at token j, after a state's
// name that opens a dateline, begins the name of the province the town so
// named lies in, which no alias begins, then the dateline's dash or
// agency: "MEXICO, Pampanga —", a town of the Philippines. A month has a
// day after it ("PANAMA, March 5 (Reuters)").
func (s *scan) provinceAfter(j int) bool {
	toks := s.toks
	if j+2 >= len(toks) || toks[j].Norm != "," || toks[j+1].Kind != segment.Word ||
		toks[j+1].Flags&segment.Capitalized == 0 || toks[j+1].Flags&segment.AllCaps != 0 || toks[j+2].Kind != segment.Punct {
		return false
	}
	switch toks[j+2].Norm {
	case "—", "–", "-", "(":
	default:
		return false
	}
	_, n := s.aliasAt(j + 1)
	return n == 0
}

// addressedIn reports whether the comma at token k begins the rest of an
// address in another state: its name, then the end of the sentence or a
// comma and a word in lower case ("in Rabat, Malta, reopen", "near Kandy,
// Sri Lanka."). A list of places goes on with a capital or "and": "talks
// in Rabat, Malta and Tunis".
func (s *scan) addressedIn(k int, ref *aliasRef) bool {
	if ref.noPlace {
		return false // an organisation is no town: "a full member of BRICS, Brazil, which"
	}
	next, j := s.nameAfterComma(k)
	if next == nil || slices.Contains(ref.ids, next.id) {
		return false
	}
	toks := s.toks
	switch {
	case j == len(toks) || toks[j].Norm == "." || toks[j].Norm == ")":
		return true
	case toks[j].Norm == "," && j+1 < len(toks):
		w := toks[j+1].Norm
		return startsLower(w) && w != "and" && w != "or"
	}
	return false
}

// rewatched reports whether the words from token k say that what was
// watched was watched again: "twice", "again", "for the fourth time".
func rewatched(toks []segment.Token, k int) bool {
	switch toks[k].Fold {
	case "twice", "again":
		return true
	case "for":
		return k+3 < len(toks) && toks[k+1].Fold == "the" && ordinal(toks[k+2].Fold) && toks[k+3].Fold == "time"
	}
	return false
}

// ordinal reports whether w is an ordinal number of the first dozen,
// "hundredth", "umpteenth", "nth" or "last". (wordBefore lists the
// ordinals it reads as cases of its switch, which every mention passes.)
func ordinal(w string) bool {
	switch w {
	case "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
		"eleventh", "twelfth", "umpteenth", "nth", "last", "hundredth":
		return true
	}
	return false
}

// bandVerb reports whether w, folded, after a name that opens a
// sentence, may say what a band does, or be the second word of its name
// ("China Crisis"): the gate to the reads of the whole sentence of
// bandTour and bandReunion.
func bandVerb(w string) bool {
	switch w {
	case "announce", "announces", "announced", "reunite", "reunites", "reunited", "reunion", "split", "splits", "crisis":
		return true
	}
	return false
}

// bandTour reports whether toks speak of a band's tour, which no state
// makes: an anniversary, reunion, farewell or comeback tour.
func bandTour(toks []segment.Token) bool {
	for k := 1; k < len(toks); k++ {
		if toks[k].Fold == "tour" || toks[k].Fold == "tours" {
			switch toks[k-1].Fold {
			case "anniversary", "reunion", "farewell", "comeback":
				return true
			}
		}
	}
	return false
}

// timeConj reports whether w, folded, opens a clause of time: "After
// Japan split in 1982, ...".
func timeConj(w string) bool {
	return w == "after" || w == "when" || w == "before" || w == "since" || w == "until"
}

// quoteClose returns the index of the quote that closes, within eight
// words, the quotation whose words go on at token k, or -1.
func quoteClose(toks []segment.Token, k int) int {
	for end := min(k+8, len(toks)); k < end; k++ {
		if isQuote(&toks[k]) {
			return k
		}
		if toks[k].Kind != segment.Word {
			return -1
		}
	}
	return -1
}

// workPeople reports whether w names those who make or play in a work.
func workPeople(w string) bool {
	switch w {
	case "director", "directors", "star", "stars", "actor", "actress", "cast", "author", "screenwriter", "producer":
		return true
	}
	return false
}

// bandReunion reports whether toks speak of a band, or one of its members
// gone solo, and its reunion or split.
func bandReunion(toks []segment.Token) bool {
	band, reunion := false, false
	for k := range toks {
		switch toks[k].Fold {
		case "band", "bands", "solo", "album", "albums":
			band = true // "pursued a solo career", "Japan split in 1982, shortly after the release of Tin Drum, their fifth album"
		case "reunion", "reunite", "reunites", "reunited", "split", "splits":
			reunion = true
		}
	}
	return band && reunion
}

// seasonReturn reports whether the words from token k say that what is
// named before them returns for another season of a series: "returns for
// a third season", "is back for its final series".
func seasonReturn(toks []segment.Token, k int) bool {
	switch {
	case k+2 < len(toks) && (toks[k].Norm == "returns" || toks[k].Norm == "returned") && toks[k+1].Norm == "for":
		k += 2
	case k+3 < len(toks) && (toks[k].Norm == "is" || toks[k].Norm == "was") && toks[k+1].Norm == "back" && toks[k+2].Norm == "for":
		k += 3
	default:
		return false
	}
	if w := toks[k].Norm; w == "a" || w == "an" || w == "its" || w == "their" || w == "the" {
		k++
	}
	if k < len(toks) && (ordinal(toks[k].Norm) || toks[k].Norm == "final" || toks[k].Norm == "new" || toks[k].Norm == "another") {
		k++
	}
	return k < len(toks) && (toks[k].Norm == "season" || toks[k].Norm == "series")
}

// listGoesOn reports whether the comma at token k, after a name, is
// followed by another name, a comma and an article or a third name: a
// list of states going on ("from Cuba, Haiti, the Dominican Republic",
// "JAPAN, U.S., AUSTRALIA PLEDGE FUNDS"), not an address.
func (s *scan) listGoesOn(k int) bool {
	_, j := s.nameAfterComma(k)
	if j == 0 || j+1 >= len(s.toks) || s.toks[j].Norm != "," {
		return false
	}
	switch s.toks[j+1].Fold {
	case "the", "a", "an":
		return true
	}
	ref, n := s.aliasAt(j + 1)
	if n == 0 && s.toks[j+1].Flags&segment.AllCaps != 0 {
		ref, n = longest(s.toks, j+1, nil, s.m.roots.get(s.toks[j+1].Fold).folded, s.date)
	}
	return n > 0 && ref.kind == "name"
}

// nameAfterComma returns the name alias after the comma at token j and
// the token after it, or nil when there is no comma or no name there.
func (s *scan) nameAfterComma(j int) (*aliasRef, int) {
	toks := s.toks
	if j+1 >= len(toks) || toks[j].Norm != "," {
		return nil, 0
	}
	next, k := s.aliasAt(j + 1)
	if k == 0 || next.kind != "name" {
		return nil, 0
	}
	return next, j + 1 + k
}

// inCommunity reports whether the demonym at tokens [i, i+n) names, with
// "American" or "Americans", a community of the United States ("Somali
// Americans", "an Armenian American group"), as the hyphenated forms do
// (see community): the words before and after it are then not states.
// Relations between the two are states ("the Korean American alliance").
func (s *scan) inCommunity(i, n int) bool {
	toks := s.toks
	j := i + n // the token after the pair
	switch {
	case j < len(toks) && isAmerican(toks[j].Fold):
		j++
	case i > 0 && i == s.community:
		return true // the "Americans" of a pair found above
	default:
		return false
	}
	if beforeRelation(toks, j) {
		return false
	}
	s.community = i + n
	return true
}

// styled reports whether the compound w ends in a word of styleWords:
// "chalet-style", "Bauhaus-inspired".
func styled(w string) bool {
	k := strings.LastIndexAny(w, "-–")
	return k >= 0 && styleWords[w[k+1:]]
}

// signsPlayer reports whether the words from token k, after a name, say
// that it signed a player, named with two words, as a club does and a
// state does not: "(Monaco) have signed Paul Pogba on a two-year deal",
// "(Monaco) signed striker Wissam Ben Yedder."; not "(Ukraine) signed
// Black Sea grain deals".
func (s *scan) signsPlayer(k int) bool {
	toks := s.toks
	if k < len(toks) && (toks[k].Norm == "have" || toks[k].Norm == "has") {
		k++
	}
	if k+2 >= len(toks) || toks[k].Norm != "signed" {
		return false
	}
	if k++; playerRoles[toks[k].Norm] {
		k++
	}
	n := 0
	for ; k < len(toks) && toks[k].Kind == segment.Word && toks[k].Flags&segment.Capitalized != 0 && s.m.roots.get(toks[k].Norm).exact == nil; k++ {
		n++
	}
	return n >= 2 && (k == len(toks) || toks[k].Kind == segment.Punct || toks[k].Norm == "on" || toks[k].Norm == "from" || toks[k].Norm == "for")
}

var playerRoles = setOf(strings.Fields(`striker midfielder defender winger goalkeeper forward full-back centre-back
	center-back playmaker keeper`)...)

// diesAged reports whether the words from token k say that someone died
// at an age: "dies at 95", "died aged 92".
func diesAged(toks []segment.Token, k int) bool {
	for ; k+2 < len(toks); k++ {
		if f := toks[k].Fold; (f == "dies" || f == "died") && (toks[k+1].Fold == "at" || toks[k+1].Fold == "aged") && toks[k+2].Kind == segment.Number {
			return true
		}
	}
	return false
}

// carrierVerb reports whether w may follow an airline called by its
// demonym at the start of a sentence about flights, whose words are
// flightWords. It is asked of the word after many demonyms, so it is a
// switch, not a map.
func carrierVerb(w string) bool {
	switch w {
	case "will", "has", "said", "says", "plans", "operates", "launched", "launches", "added", "adds",
		"cancelled", "canceled", "suspended", "resumed", "resumes", "took", "ordered", "orders", "cut", "cuts", "grounds", "grounded":
		return true
	}
	return false
}

// peopleWord reports whether the demonym w may be a plural noun, a
// people: "Iranians", "Chinese"; not "Ethiopian" or "Swiss", which a
// sentence may begin with only as an airline's name.
func peopleWord(w string) bool {
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "ese")
}

var flightWords = strings.Fields(`flight flights carrier airline route routes fleet aircraft passengers airbus boeing jet jets dreamliner`)

// isAmerican reports whether the folded word w is "american" or
// "americans", which name a US community after a demonym.
func isAmerican(w string) bool { return w == "americans" || w == "american" }

// beforeRelation reports whether token j names relations between states,
// which keeps a pair of them states: "the Korean American alliance",
// "Korean-American ties".
func beforeRelation(toks []segment.Token, j int) bool {
	return j < len(toks) && relationWords[toks[j].Fold]
}

// otherThing reports whether the alias ref at tokens [i, i+n) names
// something else, as the words around it say: a band, an animal or a work
// (see namedThing), a language after "translated from the", a namesake
// town (see placedIn, placedBefore and nameOfPlace), a style ("a Swiss
// chalet-style lodge") or a US community (see inCommunity). emit asks it of
// every mention, so the cheap tests come first.
func (s *scan) otherThing(i, n int, ref *aliasRef) bool {
	toks, k := s.toks, i+n
	if s.namesake == ref && !s.placedBefore(i, n, ref) && !s.stateLater(k, ref, false) {
		// The town again: "MOSCOW, Idaho (AP) — ... classes in Moscow";
		// but not "Born in Lima, Ohio, ... in Lima, Peru", nor another
		// name of the state: "Holland, Michigan, ... the Netherlands",
		// nor the capital set against the town, its state named by name
		// after it: "Moscow, Idaho, is 5,000 miles from Moscow, but ...
		// mail meant for Russia" (but "MOSCOW, Idaho — Students in Moscow
		// protested Russian policy").
		return true
	}
	if ref.placed && (!s.placedBefore(i, n, ref) && !s.placedEarlier(i, n, ref) && !s.stateLater(k, ref, true) && !s.placedAfter(i, k, ref) && !agencyDateline(toks, i, k) ||
		nameOfPlace(toks, i, k)) {
		return true // and the namesake town after it: "... rather than in Victoria, British Columbia"
	}
	if k < len(toks) && toks[k].Norm[0] == '_' {
		return true // a clue's blank: "14 Across: Turkish ___, rose-scented sweet (7)"
	}
	switch ref.sense {
	case senseName:
		if k < len(toks) && toks[k].Norm == "," && s.apposedPlace(k, ref) {
			return true // a namesake place: "shops in Jordan, a busy district of Kowloon,"
		}
		if k < len(toks) && toks[k].Norm == "," && (s.apposedThing(k) || i > 1 && toks[i-1].Norm == "," && apposedHeads[toks[i-2].Norm]) {
			return true // and the name apposed to its noun: "The last male northern white rhino, Sudan, died"
		}
		if k+2 < len(toks) && toks[k].Norm == "," && isAge(toks[k+1].Norm) && toks[k+2].Norm == "," && !s.inHeadline() &&
			(i > 0 && toks[i-1].Flags&segment.AllCaps == 0 && s.m.nameWord(&toks[i-1]) || personAhead(toks, k+3)) {
			// A person and her age: "Fernanda Montenegro, 94, is still
			// taking roles", "Jordan, 14, and her brother Malik, 11,".
			return true
		}
		if s.caps && k+3 < len(toks) && toks[k].Kind == segment.Word && toks[k+1].Norm == "," && isAge(toks[k+2].Norm) && toks[k+3].Norm == "," {
			return true // an obituary's headline, name and age: "CHAD EVERETT, 75, ACTOR WHO STARRED IN ‘MEDICAL CENTER’"
		}
		if i > 1 && toks[i-1].Norm == "," && (afterKin(toks, i-1) ||
			i > 5 && toks[i-2].Norm == "years" && toks[i-4].Norm == "of" && kinNouns[toks[i-5].Norm]) {
			// A person: "He leaves his wife, Georgia, and two sons, Jordan
			// and Chad", "his wife of 52 years, India,", "three daughters,
			// Georgia, India and Kenya". The word of kin is read as
			// written: a dateline's "LANG SON, Vietnam" is no son.
			return true
		}
		if i > 0 && k+1 < len(toks) && isQuote(&toks[i-1]) && isQuote(&toks[k]) && wordTalk(toks, k+1) {
			return true // the name as a word: "Online, “Chad” became slang for an overconfident young man"
		}
		if k+2 < len(toks) && toks[k].Norm == "," && (toks[k+1].Norm == "a" || toks[k+1].Norm == "an") && yearsOld(toks, k+2) &&
			(k+5 == len(toks) || !polityNoun(toks[k+5].Fold)) {
			return true // a person and an age: "Chad, a 34-year-old accountant from Dayton,"; not "Jordan, a 70-year-old kingdom,"
		}
		if k+2 < len(toks) && toks[k].Norm == "," && toks[k+1].Norm == "fronted" && toks[k+2].Norm == "by" {
			return true // a band: "Japan, fronted by David Sylvian, split in 1982"
		}
		if k+2 < len(toks) && toks[k].Norm == "," && castAfter(toks, k+1) {
			return true // a film and its cast: "Greenland, starring Gerard Butler,"
		}
		if i > 0 && k+1 < len(toks) && isQuote(&toks[i-1]) && (isQuote(&toks[k]) && toks[k+1].Norm == "," || toks[k].Norm == "," && isQuote(&toks[k+1])) &&
			(s.apposedThing(k+1) || madeBy(toks, k+2)) {
			// A title in quotes: "“Havana”, the 2017 hit, has passed three
			// billion streams", "“Madagascar,” the animated comedy",
			// "“Andorra”, by the Swiss playwright Max Frisch,".
			return true
		}
		if c := capitalsAfter(toks, k); c > k && c < len(toks) && toks[c].Norm == "," && !s.inHeadline() && s.apposedThing(c) {
			return true // the first word of a name apposed to a thing: "China Crisis, the Liverpool band,"
		}
		if k+2 < len(toks) && toks[k].Norm == "and" && toks[k+1].Flags&segment.Capitalized != 0 && toks[k+2].Norm == "," && s.apposedThing(k+2) {
			return true // the first of a pair the apposition names: "Chad and Jordan, the couple behind the bakery,"
		}
		if i > 0 && (toks[i-1].Kind == segment.Punct || workNouns.mayHave(toks[i-1].Norm) || workNouns.mayHave(toks[i-1].Fold) || toks[i-1].Norm == "name" || toks[i-1].Norm == "group" || toks[i-1].Norm == "veterans" || toks[i-1].Norm == "as") &&
			s.namedThing(i, n) {
			return true
		}
		if i > 2 && toks[i-1].Norm == "and" && namedList(toks, i-2) {
			return true // the last of a list of things: "synth-pop bands Berlin and Japan"
		}
		if i > 1 && (titleEnd(toks, k) || k+1 < len(toks) && toks[k].Kind == segment.Clitic && titleRunsOn(toks, k+1)) && s.quotedTitle(i) {
			return true // the last word of a title in quotes: "a version of “Postcards From Italy.”"
		}
		if i > 1 && isQuote(&toks[i-1]) && toks[i-2].Kind == segment.Clitic && titleRunsOn(toks, k) &&
			(len(s.dst) == 0 || s.dst[len(s.dst)-1].tok1 != i-2) {
			// The first word of a title after its maker's possessive: "Lino
			// Brocka’s ‘Manila in the Claws of Light’"; but not a slogan:
			// "Trump’s “America First” policy".
			return true
		}
		if c := k + 1; c+1 < len(toks) && toks[k].Norm == ":" {
			if c = subtitleEnd(toks, c); c > k+1 && c+2 < len(toks) && toks[c].Norm == "is" && toks[c+1].Norm == "on" && toks[c+2].Flags&segment.Capitalized != 0 {
				return true // a listing: "Madagascar: Escape 2 Africa is on BBC One at 3.10pm"
			}
			if c > k+1 && c < len(toks) && toks[c].Norm == "," && s.apposedThing(c) {
				// A title, its subtitle and what it is: "Monaco: What’s Yours
				// Is Mine, the co-op heist game,", "returns in Greenland:
				// Migration, the sequel to".
				return true
			}
		}
		if seasonReturn(toks, k) {
			return true // a series: "Tehran returns for a third season"
		}
		if i == 1 && isQuote(&toks[0]) {
			if c := quoteClose(toks, k); c > 0 && c+1 < len(toks) && workPeople(toks[c+1].Fold) {
				return true // a title that opens the sentence before its makers: "‘NAIROBI HALF LIFE’ DIRECTOR TO HEAD FESTIVAL JURY"
			}
		}
		if i == 0 && ref.kindSense&senseCapital != 0 && k+1 < len(toks) && toks[k].Norm == "," && toks[k+1].Norm == "who" {
			// A person of the name as the subject: "Sofia, who ran the
			// village’s post office,"; a city is "which". Not "Peru’s
			// ambassador in New Delhi, who".
			return true
		}
		if (i == 0 || i == 1 && timeConj(toks[0].Fold)) && k < len(toks) && bandVerb(toks[k].Fold) &&
			(bandTour(toks) || bandReunion(toks) || toks[k].Fold == "reunite" && len(ref.ids) == 1) {
			// A band: "CHINA CRISIS ANNOUNCE 40TH ANNIVERSARY TOUR", "JAPAN
			// REUNION RUMOURS DENIED BY BAND’S FORMER SINGER", and a name
			// that takes the plural verb of its members: "Japan Reunite
			// for One-Off Show"; not "Japan’s military band", nor "the two
			// Koreas reunite".
			return true
		}
		if (i == 2 || i == 3 && isQuote(&toks[0])) && toks[i-1].Norm == ":" && toks[i-2].Flags&segment.Capitalized != 0 &&
			(workAfter(toks, k) || k+1 < len(toks) && isQuote(&toks[k]) && workAfter(toks, k+1)) {
			return true // a series and its season: "Survivor: Vanuatu was filmed on Efate", "“Survivor: Vanuatu” was the ninth season"
		}
		if i > 1 && toks[i-1].Norm == "," && (titleNouns[toks[i-2].Fold] || toks[i-2].Fold == "sequel") &&
			(k < len(toks) && toks[k].Norm == ":" || k == len(toks) || k+1 == len(toks) && toks[k].Kind == segment.Punct) {
			return true // a work's title apposed to its noun: "is getting a sequel, Greenland: Migration."
		}
		if k+2 < len(toks) && toks[k].Norm == ":" && toks[k+1].Fold == "the" && toks[k+2].Flags&(segment.Capitalized|segment.AllCaps) != 0 {
			switch toks[k+2].Fold {
			case "musical", "movie", "opera", "ballet", "game", "series", "exhibition":
				return true // a work's subtitle that says what it is: "Madagascar: The Musical opens"
			}
		}
		if c := clueAlternative(toks, k); c+1 < len(toks) && toks[c].Norm == "," && (toks[c+1].Norm == "perhaps" || toks[c+1].Norm == "maybe" || toks[c+1].Norm == "say" ||
			c+2 < len(toks) && toks[c+1].Norm == "for" && toks[c+2].Norm == "one") && crosswordClue(toks) {
			return true // a clue's example, not the state: "1 Across: Panama, perhaps (3)", "7 Across: Lima or broad, perhaps (4)"
		}
		if k < len(toks) && (toks[k].Norm == "won" || toks[k].Norm == "beat") && racingMargin(toks, k+1) || raceWinnerAfter(toks, k) {
			return true // a racehorse: "Japan won the Juddmonte International at York by a head", "Australia, the 2014 Derby winner, now stands at Coolmore"
		}
		if s.signsPlayer(k) {
			return true // a club: "Monaco have signed Paul Pogba on a two-year deal"
		}
		if i > 1 && toks[i-1].Norm == "by" && recordNoun(toks[i-2].Fold) {
			return true // a band: "Tin Drum, the last studio album by Japan"
		}
		if seriesFilms(toks, i, k) {
			return true // a franchise: "all three Madagascar films"
		}
		if usRoute(toks, i, k) {
			return true // a highway: "Take US 1 south all the way to Key West"
		}
		if k < len(toks) && modelDigits(&toks[k]) && sizeSystem(toks[i].Norm) && anyWord(toks, sizeWords) {
			return true // a size: "Sizes run from EU 36 to EU 42"
		}
		if k+2 < len(toks) && toks[k].Kind == segment.Clitic && toks[k+1].Norm == "," && s.apposedThing(k+1) {
			return true // a firm's name: "Togo’s, the California sandwich chain,"
		}
		if ref.ambiguous && s.modelNumber(i, k) {
			return true // a model: "THE NEW JORDAN 4 SOLD OUT IN MINUTES", "The Jordan 191 that gave him his debut"
		}
		if i > 1 && toks[i-1].Norm == ":" && (toks[i-2].Norm == ")" || toks[i-2].Fold == "answer" || toks[i-2].Fold == "solution") && crosswordAnswer(toks) {
			return true // a puzzle's answer: "7 Down (Fine porcelain, 5): CHINA.", "Cryptic clue: ... (5). Answer: JAPAN."
		}
		if k+2 < len(toks) && toks[k].Norm == "," && performedBy(toks[k+1].Norm) && toks[k+2].Norm == "by" {
			return true // a work and its performers: "closed the service with Jerusalem, sung by the whole congregation"
		}
		if k < len(toks) && takingsVerb(toks[k].Norm) && boxOffice(toks) {
			return true // a film: "The original Madagascar took more than $500 million at the global box office"
		}
		if i > 0 && isQuote(&toks[i-1]) && k+1 < len(toks) && toks[k].Norm == ":" && titleRunsOn(toks, k+1) {
			return true // a title and its subtitle: "‘Greenland: Migration’ Sets January Release Date"
		}
		if i > 0 && isQuote(&toks[i-1]) && k+1 < len(toks) && toks[k].Kind == segment.Word && titleVerbs[toks[k].Norm] &&
			titleRunsOn(toks, k) && !s.inHeadline() {
			// A title in quotes whose verb has a capital, as speech's has
			// not: "“Paris Is Burning” remains the essential record".
			return true
		}
		if k+2 < len(toks) && toks[k].Norm == "(" && (isYear(toks[k+1].Norm) || filmRating(toks[k+1].Norm)) && toks[k+2].Norm == ")" {
			// A film and its year or its rating: "Khartoum (1966) is on BBC
			// Two", "Kids’ film night this Friday: Madagascar (U), 6pm".
			return true
		}
		if k < len(toks) && toks[k].Norm == "rivers" && i > 1 && toks[i-1].Norm == "and" {
			return true // the last of two rivers: "the Incomati and Maputo rivers"
		}
		if k+1 < len(toks) && toks[k].Fold == "the" && showAfter(toks[k+1].Norm) {
			return true // a show named after a film or a place: "Madagascar the Musical"
		}
		if k+1 < len(toks) && toks[k].Fold == "the" && animalNouns[toks[k+1].Fold] {
			return true // an animal's name: "Congo the chimpanzee painted some 400 pictures"
		}
		if i > 0 && isQuote(&toks[i-1]) && k < len(toks) && isQuote(&toks[k]) && workNamedBefore(toks, k+1) {
			return true // a title alone in quotes: "‘Madagascar’ Stage Musical Heads Out on Tour"
		}
		if titleStart(toks, i) > 1 && workAfter(toks, k) {
			return true // the last word of a title after its maker's possessive: "Roberto Bolaño’s By Night in Chile is narrated by"
		}
		if ownerTitle(toks, i) && !s.inHeadline() {
			return true // "Amor Towles’s A Gentleman in Moscow", "Ian Fleming’s From Russia, with Love"
		}
		if i > 1 && toks[i-1].Kind == segment.Clitic && toks[i-2].Flags&segment.Capitalized != 0 && (workAfter(toks, k) || workAfterTitle(toks, k)) &&
			(len(s.dst) == 0 || s.dst[len(s.dst)-1].tok1 != i-1) {
			// A director's film or a singer's song: "Baz Luhrmann's
			// Australia was filmed in Bowen", "George Ezra's Budapest was a
			// hit", maybe the first word of a longer title: "Lino Brocka’s
			// Manila in the Claws of Light screens on Saturday"; not
			// "Putin's Russia".
			return true
		}
		if ref.ambiguous && k+2 < len(toks) && toks[k].Kind == segment.Clitic &&
			(toks[k+1].Fold == "state" && stateSymbols[toks[k+2].Fold] || secretaryOfState(toks, k+1)) {
			// A US state's: "became Georgia’s state song in 1979", "Georgia’s
			// secretary of state certified the results".
			return true
		}
		if k+2 < len(toks) && recordVerb(toks[k].Fold) && (toks[k+1].Fold == "their" || toks[k+1].Fold == "its") && recordAfter(toks, k+2) {
			return true // a band: "Japan recorded their live album Oil on Canvas"
		}
		if k+2 < len(toks) && toks[k].Kind == segment.Clitic && (recordAfter(toks, k+1) || namedRecord(toks, k+1)) {
			// A band's: "Japan's 1981 album Tin Drum", "America's 1972
			// hit", "Japan’s Ghosts was an unlikely top-five hit".
			return true
		}
		if i == 0 && ref.kind == "name" && k+3 < len(toks) && toks[k].Norm == "," && householdGoods[toks[k+1].Fold] &&
			(toks[k+2].Fold == "and" || toks[k+2].Fold == "or" || toks[k+2].Norm == "," || toks[k+2].Norm == "&") {
			// Porcelain with a capital only as the first word, in a list of
			// other goods: "China, glassware and silver from the house",
			// "CHINA, GLASS AND SILVER:"; but "China, trade and immigration".
			return true
		}
		if i == 0 && ref.kind == "name" && k+1 < len(toks) && (toks[k].Fold == "and" || toks[k].Fold == "or" || toks[k].Norm == "&") && tableware[toks[k+1].Fold] {
			return true // "China and glassware should be washed by hand", "CHINA & GLASSWARE CLEARANCE"; but "China and silver prices"
		}
		if toks[i].Fold == "china" && (i == 0 && k < len(toks) && (toks[k].Norm == "from" || toks[k].Norm == "with" || toks[k].Fold == "sale" || toks[k].Fold == "sales" || toks[k].Fold == "clearance") ||
			i > 0 && toks[i-1].Fold == "pattern" || // "WILLOW PATTERN CHINA FETCHES £4,000 AT AUCTION"
			i > 1 && toks[i-1].Kind == segment.Clitic && (kinNouns[toks[i-2].Fold] || elderNouns[toks[i-2].Fold])) &&
			(porcelainIn(toks) || i > 2 && possessive(toks[i-3].Fold)) {
			// Porcelain with a capital as the first word, before "from",
			// "with" or a sale, or after a relative's possessive, in a
			// sentence of its makers, its wares or its care: "China from the
			// estate, including a Meissen dinner service", "CHINA SALE:
			// HALF-PRICE DINNER SERVICES", "Caring for Your Grandmother’s
			// China: Hand-Wash Only", or after one's own relative: "How to
			// Pack Your Grandmother’s China"; but "China’s porcelain
			// makers" are the state's.
			return true
		}
		if ref.kindSense&senseCapital != 0 && k+2 < len(toks) && toks[k].Norm == "," && s.placeInOther(k+1, ref) {
			// A town of another state: "La Paz, in Mexico's Baja California
			// Sur", "San Salvador, a small island in the Bahamas".
			return true
		}
		if ref.kindSense&senseCapital != 0 && k+1 < len(toks) && toks[k].Norm == "in" && !regionalCapital(ref.id) {
			if n := regionAfter(toks, k+1); n > 0 && (k+1+n == len(toks) || toks[k+1+n].Kind != segment.Word || startsLower(toks[k+1+n].Norm)) {
				// A town in a region of another state: "Lima in western
				// Ohio", "near Wellington in central New South Wales".
				return true
			}
		}
		if i > 0 && (placePrep(toks[i-1].Norm) || toks[i-1].Norm == "of" || toks[i-1].Norm == "to") &&
			(ref.kindSense&senseCapital != 0 || ref.kind == "name" && !s.listGoesOn(k) && !s.inHeadline() && stopped(toks)) && s.addressedIn(k, ref) {
			// A town of the name in another state: "the catacombs of St Paul in
			// Rabat, Malta, reopen", "the only paved road to Trinidad, Bolivia, for";
			// but a headline lists states so, in Title Case or with no full
			// stop: "NATO Says Door Remains Open to Georgia, Ukraine",
			// "Pentagon sends hospital ship to Dominica, Antigua".
			return true
		}
		// A town of another state in a dateline: "RABAT, Malta —",
		// "TRINIDAD, Bolivia (AP) —", and the town again after it: "LIBERIA,
		// Costa Rica — ... the airport in Liberia". Names that are written
		// in capitals anyway begin lists ("UK, US, Australia Agree ...").
		if i == 0 && toks[0].Flags&segment.AllCaps != 0 &&
			(ref.kindSense&senseCapital != 0 || ref.kind == "name" && !strings.Contains(toks[0].Norm, ".") &&
				(len(toks[0].Norm) > 4 || strings.EqualFold(toks[0].Norm, ref.name))) && // "MALI, Guinea", not "UK, US"
			(s.placedIn(n, ref) || ref.kind == "name" && s.provinceAfter(n)) && !s.listGoesOn(n) {
			s.namesake = ref
			return true
		}
		if i == 1 && ref.kindSense&senseCapital != 0 && toks[0].Flags&segment.AllCaps != 0 && toks[1].Flags&segment.AllCaps != 0 &&
			regionDirection(toks[0].Fold) && s.placedIn(i+n, ref) {
			// A town named after a capital and a point of the compass, in a
			// dateline: "EAST LONDON, South Africa, April 11 (Reuters)".
			s.namesake = ref
			return true
		}
		if i == 0 && k+1 < len(toks) && toks[k].Kind == segment.Word && toks[k].Flags&segment.Capitalized != 0 && toks[k+1].Norm == "," && diesAged(toks, k+2) {
			// A person in an obituary's headline: "CHAD VARAH, FOUNDER OF
			// THE SAMARITANS, DIES AT 95", "Israel Horovitz, Prolific
			// Playwright, Dies at 81".
			return true
		}
		if k+2 < len(toks) && (toks[k].Fold == "their" || toks[k].Fold == "its") && rankWord(toks[k+1].Fold) &&
			(toks[k+2].Norm == "No." || toks[k+2].Fold == "hit" || toks[k+2].Fold == "single" || toks[k+2].Fold == "album") {
			return true // a band: "“A Horse With No Name” gave America their first No. 1"
		}
		if ref.kindSense&senseCapital != 0 && i > 0 && k+1 < len(toks) && (isQuote(&toks[k]) || toks[k].Norm == "'") && toks[i-1].Kind == segment.Word && startsLower(toks[i-1].Norm) &&
			idiomNoun(toks[k+1].Fold) {
			// An idiom in quotes: "a “road to Damascus” moment", "His ‘road
			// to Damascus’ moment", whose closing quote the tokenizer reads as
			// a plural's possessive.
			return true
		}
		return false
	case senseDemonym:
		if crosswordClue(toks) {
			return true // a clue's word, a pastry as often as a people: "14 down: Danish, perhaps (6)"
		}
		if k+1 < len(toks) && wordNoun(toks[k].Norm) && (toks[k+1].Norm == "for" || toks[k+1].Norm == "meaning") {
			return true // a language's: "the French word for garden"
		}
		if k+2 < len(toks) && toks[k].Norm == "branch" && toks[k+1].Norm == "of" && languageAhead(toks, k+2) {
			return true // a branch of languages: "the Iranian branch of the Indo-European family"
		}
		if k < len(toks) && toks[k].Flags&segment.Hyphenated != 0 && styled(toks[k].Norm) {
			return true // a style: "a Swiss chalet-style lodge"
		}
		if i > 1 && toks[i-1].Norm == "The" && isQuote(&toks[i-2]) && (titleEnd(toks, k) || titleRunsOn(toks, k)) {
			// A title in quotes: "“The Mauritanian” tells the story of",
			// "“The Indian Wants the Bronx”".
			return true
		}
		if i > 2 && toks[i-1].Norm == "The" && toks[i-2].Kind == segment.Clitic && toks[i-3].Flags&segment.Capitalized != 0 {
			return true // a work's title after its maker's possessive: "Braque’s The Portuguese, painted in 1911,"
		}
		if titleStart(toks, i) > 1 && workAfter(toks, k) {
			return true // the last word of a title after its maker's possessive: "Cristina García’s Dreaming in Cuban was a finalist"
		}
		if ownerTitle(toks, i) && !s.inHeadline() {
			return true // "Graham Greene’s The Quiet American"
		}
		if i > 1 && toks[i-1].Fold == "original" && toks[i-2].Fold == "the" && (k == len(toks) || toks[k].Kind == segment.Punct) ||
			i > 2 && toks[i-1].Fold == "the" && toks[i-2].Fold == "from" && toks[i-3].Fold == "translated" {
			return true // a language: "a new translation from the original Greek.", "translated from the Slovene by"
		}
		if i > 0 && toks[i-1].Norm == "The" && !s.inHeadline() &&
			(i > 1 && toks[i-2].Kind == segment.Word || !collective(toks[i].Fold) && (reportedAt(toks, k) || boxOffice(toks) || itsAhead(toks, k)) || itsAfter(toks, k)) {
			// A paper: "according to The Australian", "The Australian
			// reported that"; but a people: "The Chinese reported that",
			// "“The Italians did not vote".
			return true
		}
		if k < len(toks) && toks[k].Norm == "," && s.apposedThing(k) {
			return true // a firm named so: "Ethiopian, Africa's largest airline,"
		}
		if i > 1 && k < len(toks) && toks[i-1].Norm == "," && toks[k].Norm == "," && animalNouns[toks[i-2].Fold] {
			return true // a pet's name: "Our Senegal parrot, Kiwi, has learned to mimic the microwave"
		}
		if c := capitalsAfter(toks, k); c > k && c < len(toks) && toks[c].Norm == "," && !s.inHeadline() && s.apposedThing(c) {
			return true // the first word of a firm's name: "Swazi Candles, the Malkerns workshop,"
		}
		if k < len(toks) && (i == 0 || toks[i-1].Kind == segment.Punct) &&
			(toks[k].Norm == "flies" || (carrierVerb(toks[k].Fold) || toks[k].Norm == "is") && !peopleWord(toks[i].Fold) && anyWord(toks, flightWords)) {
			// An airline, a demonym with no article: "Ethiopian flies daily
			// to Dublin", "Ethiopian will add a fourth weekly flight",
			// "Ethiopian is now the largest carrier on the continent"; not
			// "Iranians will again be able to fly".
			return true
		}
		if ref.check&checkLanguage != 0 && i > 0 && toks[i-1].Fold == "the" && k+1 < len(toks) && toks[k].Norm == "for" && isQuote(&toks[k+1]) {
			return true // a word's rendering: "the Japanese for “single number”"
		}
		if i > 1 && k < len(toks) && isQuote(&toks[i-1]) && isQuote(&toks[k]) && toks[i-2].Kind == segment.Clitic &&
			(len(s.dst) == 0 || s.dst[len(s.dst)-1].tok1 != i-2) {
			return true // a work's title after its maker's possessive: "Dvořák’s ‘American’ Quartet"
		}
		if v := asideEnd(toks, k); ref.check&checkLanguage != 0 && v+1 < len(toks) && (copula(toks[v].Norm) || toks[v].Norm == "a" || toks[v].Norm == "an") && languageAhead(toks, v+1) {
			// "Filipino is one of two official languages", "Portuguese is
			// spoken", "made Portuguese an official language", maybe past
			// an aside: "Burmese, like Tibetan, belongs to the Sino-Tibetan
			// language family"
			return true
		}
		if ref.check&checkLanguage != 0 && languageRole(toks, k) {
			return true // "demoting French from official language", "recognised Russian as a regional language"
		}
		if ref.check&checkLanguage != 0 && i > 1 && copula(toks[i-1].Norm) && languageNouns[toks[i-2].Fold] {
			return true // "Brazil’s official language is Portuguese"
		}
		if ref.check&checkLanguage != 0 && familyAfter(toks, k) {
			return true // "Linguists place Vietnamese in the Austroasiatic family", "how Burmese fits into the Sino-Tibetan family"
		}
		if ref.check&checkLanguage != 0 && i > 0 && toks[i-1].Norm == "between" && k+1 < len(toks) && toks[k].Norm == "and" && toks[k+1].Norm == "English" &&
			(k+2 == len(toks) || toks[k+2].Kind != segment.Word || toks[k+2].Flags&segment.Hyphenated != 0) {
			return true // two languages, English the other: "She switched between Filipino and English mid-sentence"
		}
		if ref.check&checkLanguage != 0 && pairedLanguage(toks, i, k) {
			return true // "Burmese and Tibetan both belong to the Sino-Tibetan language family"
		}
		if ref.check&checkLanguage != 0 && i > 2 && toks[i-1].Norm == "the" && langPrep(toks, i-2) && languageEnds(toks, k) {
			// isLanguage reads "translated from Portuguese", but is not
			// asked after "the": "translated from the Portuguese".
			return true
		}
		return s.petOrTongue(i, n) || s.inCommunity(i, n) // "Somali Americans in Minneapolis"
	}
	return false
}

// bareNoun reports whether the demonym at tokens [i, i+n) is a word for
// one of a people, which takes an article ("a Finn", "the Dane") or comes
// before a name ("Dane Christian Eriksen"), standing bare after a
// preposition: then it is a first name ("the injuries to Finn were").
func (s *scan) bareNoun(i, n int) bool {
	toks, k := s.toks, i+n
	return n == 1 && i > 0 && personNouns[toks[i].Norm] && bareBefore[toks[i-1].Norm] &&
		(k == len(toks) || toks[k].Flags&segment.Capitalized == 0) && !s.inHeadline()
}

// talkVerb reports whether w, folded, is a form of "talk".
func talkVerb(w string) bool {
	switch w {
	case "talk", "talks", "talked", "talking":
		return true
	}
	return false
}

// idiomEnds reports whether an idiom may end before token k: at the end,
// before punctuation other than a possessive, or before a preposition
// ("Talks Turkey With Developers"; but "Talks Turkey's Future").
func idiomEnds(toks []segment.Token, k int) bool {
	if k >= len(toks) {
		return true
	}
	switch t := &toks[k]; t.Kind {
	case segment.Punct:
		return true
	case segment.Word:
		switch t.Fold {
		case "with", "over", "on", "about", "at", "for", "to", "in":
			return true
		}
	}
	return false
}

// personNouns are the demonyms that name one person of a people and are
// nouns only; bareBefore are the words after which such a noun has no
// article (see bareNoun).
var (
	personNouns = setOf(strings.Fields(`Dane Finn Brit Briton Swede Pole Turk Spaniard Kiwi`)...)
	bareBefore  = setOf(strings.Fields(`to for with from by of on at about against like than and or`)...)
)

// boxOffice reports whether the sentence speaks of a film's takings or
// cast: then "The Mexican" is the film.
func boxOffice(toks []segment.Token) bool {
	for k := range toks {
		switch toks[k].Fold {
		case "starring", "co-starring":
			return true
		case "box":
			if k+1 < len(toks) && toks[k+1].Fold == "office" {
				return true
			}
		}
	}
	return false
}

// collective reports whether the demonym w names a people as a whole
// after "the" ("the Chinese", "the French", "the Swiss"), rather than one
// of them ("the Australian").
func collective(w string) bool {
	return strings.HasSuffix(w, "ese") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh") ||
		strings.HasSuffix(w, "s") // "Swiss", and plurals: "The Australians reported"
}

// paperParts are the parts and people of a paper that report for it.
var paperParts = setOf(strings.Fields(`diary column columnist editor editors editorial reporter reporters
	correspondent correspondents website site desk team investigation edition editions supplement
	magazine front masthead paywall newsroom`)...)

// itsAhead reports whether "its" is among the eight words from token k,
// before any punctuation: after "The" and a singular demonym it makes the
// demonym a paper's name, for a person's would be "his" or "her": "(The
// Namibian) has won a regional award for its investigative reporting".
func itsAhead(toks []segment.Token, k int) bool {
	if k >= len(toks) {
		return false
	}
	switch toks[k].Norm { // a verb right after the name, not a noun it qualifies: "The Korean battery maker ... its plant"
	case "has", "had", "is", "was", "will", "won", "wins":
	default:
		return false
	}
	for end := min(k+8, len(toks)); k < end && toks[k].Kind != segment.Punct; k++ {
		if toks[k].Norm == "its" {
			return true
		}
	}
	return false
}

// itsAfter reports whether the words from token k, after "The" and a
// plural demonym, go on with a verb and "its", as a work's or a firm's
// name does and a people's does not: "(The Americans) ended its six-season
// run".
func itsAfter(toks []segment.Token, k int) bool {
	return k+1 < len(toks) && toks[k].Kind == segment.Word && startsLower(toks[k].Norm) && toks[k+1].Norm == "its"
}

// reportedAt reports whether the words from token k say that a paper
// reported something: "reported that", "revealed on Tuesday".
func reportedAt(toks []segment.Token, k int) bool {
	if k < len(toks) && toks[k].Kind == segment.Clitic {
		// A part of the paper: "(The Australian)’s media diary reported",
		// "(The Australian)’s Sunday edition will carry".
		for end := min(k+4, len(toks)); k+1 < end && toks[k+1].Kind == segment.Word; k++ {
			if paperParts[toks[k+1].Norm] {
				return true
			}
		}
		return false
	}
	if k+1 < len(toks) && (toks[k].Norm == "first" || toks[k].Norm == "also" || toks[k].Norm == "previously" || toks[k].Norm == "exclusively") {
		k++ // "(The Namibian) first reported"
	}
	if k+1 >= len(toks) {
		return false
	}
	switch toks[k].Norm {
	case "reported", "reports", "revealed", "reveals":
		switch toks[k+1].Norm {
		case "that", "on", "last", "this", ",", "the":
			return true
		}
	case "ran", "runs", "carried", "carries", "published", "splashed":
		// What a paper prints: "(The Australian) ran the leaked memo
		// across its front page"; not "ran the marathon".
		for end := min(k+10, len(toks)); k < end; k++ {
			switch toks[k].Fold {
			case "front", "front-page", "edition", "headline", "story", "column", "editorial", "article", "interview", "cover", "page", "pages":
				return true
			}
		}
	}
	return false
}

// workLead reports whether w may begin the words workAfter reads: a cheap
// first test, asked of the word after a name after a possessive.
func workLead(w string) bool {
	return w == "was" || w == "is" || w == "became" || w == "," || w == "has" || w == "opens" || w == "returns" || w == "appears" || w == "appeared" || filmVerb(w) ||
		w == "Returns" || w == "Opens" // a Title Case headline's: "Michael Frayn’s Copenhagen Returns to the West End"
}

// recordAfter reports whether the words from token k, after a name's
// possessive, name one of its records: "(Japan's) debut album", "(America's)
// 1972 hit". A song or a single needs the year before it: "China's single
// biggest market" and "Japan's hit anime" are the state's.
func recordAfter(toks []segment.Token, k int) bool {
	year := isYear(toks[k].Norm)
	if year || toks[k].Norm == "debut" {
		k++
	}
	// And words of its rank: "Japan’s only top-five hit", "their first
	// album".
	chart := false
	for end := min(k+2, len(toks)); k < end && rankWord(toks[k].Fold); k++ {
		chart = chart || strings.HasPrefix(toks[k].Fold, "top-") || toks[k].Fold == "number-one"
		if k+2 < len(toks) && toks[k+1].Fold == "and" && rankWord(toks[k+2].Fold) {
			k, end = k+1, min(k+4, len(toks)) // "fifth and final studio album"
		}
	}
	if k >= len(toks) {
		return false
	}
	if k+1 < len(toks) && toks[k].Fold == "farewell" && toks[k+1].Fold == "tour" {
		return true // "After Japan’s farewell tour in 1982"
	}
	switch toks[k].Fold {
	case "album", "albums", "lp", "ep", "discography":
		return true
	case "hit", "single", "song":
		// "America's 1972 hit", or one named in quotes: "America’s hit “A
		// Horse with No Name”", or one that reached a place in the charts:
		// "Ghosts, Japan’s biggest hit, reached No 5"; not "China's hit on
		// exports".
		return year || chart || k+1 < len(toks) && isQuote(&toks[k+1]) || chartPlaceAhead(toks, k+1)
	}
	return false
}

// chartPlaceAhead reports whether a place in the charts, "No" and a
// number, is among the eight words from token k: "reached No 5 in 1982".
func chartPlaceAhead(toks []segment.Token, k int) bool {
	for end := min(k+8, len(toks)-1); k < end; k++ {
		if (toks[k].Norm == "No" || toks[k].Norm == "No.") && toks[k+1].Kind == segment.Number {
			return true
		}
	}
	return false
}

// namedRecord reports whether the words from token k, after a band's
// possessive, are a title in capitals and what makes it a record, a ranked
// hit or a reissue: "(Japan’s) Ghosts was an unlikely top-five hit". A verb
// of filming is not read: "China's President Xi was filmed" is no work.
func namedRecord(toks []segment.Token, k int) bool {
	quoted := k < len(toks) && isQuote(&toks[k]) // "(Japan’s) “Ghosts” still sounds"
	if quoted {
		k++
	}
	start := k
	for k < len(toks) && k < start+3 && toks[k].Kind == segment.Word && toks[k].Flags&segment.Capitalized != 0 && toks[k].Flags&segment.AllCaps == 0 {
		k++
	}
	if quoted && k > start && k < len(toks) && (isQuote(&toks[k]) || toks[k].Norm == "'") {
		k++
	}
	if k == start || k+1 >= len(toks) {
		return false
	}
	if recordNews(toks, k) {
		// "(Japan’s) Ghosts reached number five in 1982, the band’s only
		// top-ten single", "(Japan’s) Tin Drum still sounds like nothing
		// else released in 1981", "(Japan’s) Quiet Life gets a deluxe
		// vinyl reissue".
		return true
	}
	if toks[k].Norm != "was" && toks[k].Norm != "is" && toks[k].Norm != "remains" {
		return false
	}
	if w := toks[k+1].Norm; w == "reissued" || w == "remastered" {
		return true // "(Japan’s) Quiet Life was reissued on vinyl"
	}
	if k+2 >= len(toks) || toks[k+1].Norm != "a" && toks[k+1].Norm != "an" && toks[k+1].Norm != "the" {
		return false // "(Japan’s) “Ghosts” remains the most unlikely top-five single"
	}
	for end := min(k+6, len(toks)); k < end; k++ {
		switch toks[k].Norm {
		case "single", "album", "song":
			return true
		case "hit":
			// Ranked: "a top-five hit", "a 1982 hit"; "was a hit at the
			// summit" is said of people too.
			return rankWord(toks[k-1].Fold) || isYear(toks[k-1].Norm)
		}
	}
	return false
}

// secretaryOfState reports whether the words from token k are "secretary
// of state", an office of US states that no other state of the gazetteer's
// names so.
func secretaryOfState(toks []segment.Token, k int) bool {
	return k+2 < len(toks) && toks[k].Fold == "secretary" && toks[k+1].Fold == "of" && toks[k+2].Fold == "state"
}

// recordNews reports whether the ten words from token k, after a record's
// title, say that it reached a place in the charts ("reached number five
// in 1982, the band’s only top-ten single", "still sounds like nothing
// else that reached the Top 10"), was released in a year ("released in
// 1981") or is issued again ("gets a deluxe vinyl reissue"). It is asked
// of a name after a possessive and capitalised words, "China's Xi
// Jinping", so it reads a few words, not the sentence.
func recordNews(toks []segment.Token, k int) bool {
	for j, end := k, min(k+10, len(toks)); j < end; j++ {
		switch toks[j].Norm {
		case "reached", "peaked":
			if chartPlaceAhead(toks, j+1) {
				return true // "reached No. 5 in 1982"
			}
			for h := j + 1; h+1 < len(toks); h++ {
				if toks[h].Fold == "top" && toks[h+1].Kind == segment.Number {
					return true // "the Top 10"
				}
			}
			return anyWord(toks[j+1:], chartWords)
		case "released", "recorded":
			if j+2 < len(toks) && toks[j+1].Norm == "in" && isYear(toks[j+2].Norm) {
				return true // "still sounds like nothing else recorded in 1982"
			}
		case "reissue", "reissues", "reissued", "remaster", "remastered", "vinyl":
			if j < k+5 {
				return true
			}
		case "charts":
			return true // "still sounds like nothing else in the 1982 charts"
		}
	}
	return false
}

// chartWords say that a sentence is about a record's place in the charts.
var chartWords = strings.Fields(`single singles album albums chart charts band`)

// rankWord reports whether w ranks a record among a band's: "only",
// "first", "top-five", "final studio (album)".
func rankWord(w string) bool {
	switch w {
	case "only", "first", "second", "third", "fourth", "fifth", "last", "final", "latest", "studio", "live", "biggest", "lone",
		"number-one", "chart-topping":
		return true
	}
	return strings.HasPrefix(w, "top-")
}

// recordVerb reports whether w says what a band did with a record.
func recordVerb(w string) bool {
	switch w {
	case "recorded", "released", "reissued", "cut", "issued", "toured":
		return true
	}
	return false
}

// prepAfterWork reports whether w may follow the noun that calls a work
// one: "the song of the year", "the hit on the charts".
func prepAfterWork(w string) bool {
	switch w {
	case "of", "on", "in", "at", "that", "to", "for", "by", "since", "and":
		return true
	}
	return false
}

// songListened reports whether the words from token k say that a song
// was listened to: "has now been streamed", "was downloaded".
func songListened(toks []segment.Token, k int) bool {
	if k < len(toks) && (toks[k].Norm == "has" || toks[k].Norm == "had" || toks[k].Norm == "was") {
		k++
		if k < len(toks) && (toks[k].Norm == "now" || toks[k].Norm == "since" || toks[k].Norm == "already") {
			k++
		}
		if k < len(toks) && toks[k].Norm == "been" {
			k++
		}
	}
	if k >= len(toks) {
		return false
	}
	switch toks[k].Norm {
	case "streamed", "downloaded", "remixed", "sampled", "charted":
		return true
	}
	return false
}

// workAfterTitle reports whether workAfter reads a work after the rest
// of a title in Title Case that goes on from token k (see titleRunEnd):
// "(Manila) in the Claws of Light screens on Saturday".
func workAfterTitle(toks []segment.Token, k int) bool {
	e := titleRunEnd(toks, k)
	return e > k && (workAfter(toks, e) || e+1 < len(toks) && programmeEnd(toks[e].Norm) && toks[e+1].Norm == "the" ||
		e+1 < len(toks) && toks[e].Norm == "is" && toks[e+1].Norm == "screening") // "(Manila) in the Claws of Light is screening at the BFI"
}

// programmeEnd reports whether w says that a work opened or closed a
// festival's programme, after a title that runs on: "(Manila) in the
// Claws of Light closed the Cannes Classics sidebar".
func programmeEnd(w string) bool {
	switch w {
	case "opened", "closed", "opens", "closes":
		return true
	}
	return false
}

// workLeadAfterTitle is workLead asked of the word after the rest of a
// title that goes on from token j: the cheap first test of
// workAfterTitle.
func workLeadAfterTitle(toks []segment.Token, j int) bool {
	e := titleRunEnd(toks, j)
	return e < len(toks) && (workLead(toks[e].Norm) || e > j && programmeEnd(toks[e].Norm))
}

// ownerTitle reports whether token i is in a title in Title Case after
// its maker's possessive (see titleStart) that opens with an article or a
// preposition in capitals, as no phrase of prose does: "Amor Towles’s A
// Gentleman in Moscow", "Ian Fleming’s From Russia, with Love". A run
// with "and" may be two names ("China’s The Paper and Japan"); and in a
// headline "’s" may be "is": "Trump’s A Threat to America".
func ownerTitle(toks []segment.Token, i int) bool {
	ts := titleStart(toks, i)
	if ts < 2 || toks[ts-1].Norm != "'s" { // not a closing quote read as a plural's: "'Template For Success' For The U.S."
		return false
	}
	switch toks[ts].Norm {
	case "A", "An", "The", "From", "In", "On", "To", "Of", "For", "With", "By", "At":
	default:
		return false
	}
	for _, t := range toks[ts:i] {
		if t.Fold == "and" {
			return false
		}
	}
	return true
}

// titleStart returns the index of the first word of a title in Title Case
// that ends at the name at token i and begins after a maker's possessive
// ("Roberto Bolaño’s By Night in (Chile)"), or 0 when there is none. The
// title has at least one word with a capital before the name.
func titleStart(toks []segment.Token, i int) int {
	j := i - 1
	for ; j > 0 && j > i-6 && toks[j].Kind == segment.Word && (toks[j].Flags&segment.Capitalized != 0 || titleSmallWords[toks[j].Fold]); j-- {
	}
	if j == i-1 || j < 1 || toks[j].Kind != segment.Clitic || toks[j-1].Flags&segment.Capitalized == 0 || toks[j+1].Flags&segment.Capitalized == 0 {
		return 0
	}
	return j + 1
}

// titleRunEnd returns the index of the token after the words from token
// k that go on a title in Title Case, up to six and ending in a
// capitalised word ("(Manila) in the Claws of Light", "(Harare) North"), or
// k when none does.
func titleRunEnd(toks []segment.Token, k int) int {
	end := k
	for j := k; j < len(toks) && j < k+6 && toks[j].Kind == segment.Word; j++ {
		if t := &toks[j]; t.Flags&segment.Capitalized != 0 && t.Flags&segment.AllCaps == 0 {
			end = j + 1
		} else if !titleSmallWords[t.Fold] {
			break
		}
	}
	return end
}

// subtitleEnd returns the index of the token after the words from token
// k that go on a subtitle in Title Case, up to eight, its clitics and
// numbers among them: "What’s Yours Is Mine", "Escape 2 Africa".
func subtitleEnd(toks []segment.Token, k int) int {
	j := k
	for ; j < len(toks) && j < k+8; j++ {
		t := &toks[j]
		if t.Kind != segment.Clitic && t.Kind != segment.Number && (t.Kind != segment.Word || t.Flags&segment.Capitalized == 0 && !titleSmallWords[t.Fold]) {
			break
		}
	}
	return j
}

// seriesFilms reports whether a count or an ordinal before the name at
// token i and a word for films at token k make the name a franchise's:
// "all three Madagascar films", "the first Madagascar sequel".
func seriesFilms(toks []segment.Token, i, k int) bool {
	if i == 0 || k >= len(toks) {
		return false
	}
	switch toks[k].Norm {
	case "film", "films", "movie", "movies", "sequel", "sequels":
	default:
		return false
	}
	switch w := toks[i-1].Fold; w {
	case "two", "three", "four", "five", "both":
		return true
	default:
		return ordinal(w)
	}
}

// performedBy reports whether w, before "by", says who made or performed
// a work.
func performedBy(w string) bool {
	switch w {
	case "sung", "performed", "played", "recorded", "written", "composed", "directed", "painted", "narrated":
		return true
	}
	return false
}

// recordNoun reports whether w names a band's record, which "by" and the
// band's name follow.
func recordNoun(w string) bool {
	switch w {
	case "album", "albums", "single", "singles", "song", "songs", "track", "tracks", "lp", "ep":
		return true
	}
	return false
}

// takingsVerb reports whether w says what a film took at the box office
// (see boxOffice). Not "made" nor "opened": "China made up a fifth of the
// box office", "China opened its box office to".
func takingsVerb(w string) bool {
	switch w {
	case "took", "takes", "grossed", "grosses", "earned", "earns":
		return true
	}
	return false
}

// filmVerb reports whether w says what is done to a film.
func filmVerb(w string) bool {
	switch w {
	case "filmed", "premiered", "premieres", "flopped", "grossed", "panned", "remade", "screened", "screens",
		"imagines", "reimagines", "dramatises", "dramatizes":
		return true
	}
	return false
}

// stageAt reports whether the words from token k name the theatre as a
// place: "the stage", "the West End", "Broadway".
func stageAt(toks []segment.Token, k int) bool {
	switch {
	case toks[k].Norm == "Broadway":
		return true
	case toks[k].Norm != "the" || k+1 >= len(toks):
		return false
	case toks[k+1].Norm == "stage":
		return true
	}
	if k+2 < len(toks) && toks[k+1].Norm == "West" && toks[k+2].Norm == "End" {
		return true
	}
	// A named theatre: "the Hampstead Theatre", "the Old Vic Theatre".
	for j := k + 1; j < len(toks) && j < k+4 && toks[j].Kind == segment.Word && toks[j].Flags&segment.Capitalized != 0; j++ {
		if toks[j].Norm == "Theatre" || toks[j].Norm == "Theater" {
			return true
		}
	}
	return false
}

// workAfter reports whether the words from token k say what is done to a
// film or a song, or call it one: "flopped", "premiered", "was filmed",
// "was a slow-burning hit". Words a state may do too ("stars in", "is
// shot through with") are left out.
func workAfter(toks []segment.Token, k int) bool {
	if k+1 < len(toks) && toks[k].Norm == "," && toks[k+1].Norm == "about" {
		// What it is about, then what is done to it: "Michael Frayn’s
		// Copenhagen, about a 1941 meeting between two physicists, opens at
		// the Hampstead Theatre".
		for j := k + 2; j+1 < len(toks) && j < k+16; j++ {
			if toks[j].Norm == "," {
				k = j + 1
				break
			}
		}
	}
	if k+2 < len(toks) && toks[k].Norm == "," && toks[k+1].Norm == "in" && toks[k+2].Norm == "which" {
		// A clause about it, then what is done to a film: "Abderrahmane
		// Sissako’s Bamako, in which a mock trial is staged, screens on
		// Sunday".
		for j := k + 3; j+1 < len(toks) && j < k+20; j++ {
			if toks[j].Norm == "," {
				return filmVerb(toks[j+1].Norm)
			}
		}
	}
	if k+1 < len(toks) && toks[k].Norm == "," {
		// Its first printing or staging after a comma: "Joe Sacco’s
		// Palestine, first published as a comic series,"; "released"
		// only so: "Trump's America, released from the deal,".
		j, first := k+1, false
		if toks[j].Norm == "first" || toks[j].Norm == "originally" {
			j, first = j+1, true
		} else if toks[j].Norm == "later" {
			j++
		}
		if j < len(toks) && (toks[j].Norm == "published" || toks[j].Norm == "staged" || toks[j].Norm == "remixed" || first && toks[j].Norm == "released") {
			return true // and a song: "Fireboy DML’s Peru, later remixed with Ed Sheeran,"
		}
	}
	if k+1 < len(toks) && toks[k].Norm == "has" && toks[k+1].Norm == "been" {
		k++ // "has been translated" is read as "was translated"
	}
	if k < len(toks) && (toks[k].Norm == "was" || toks[k].Norm == "is" || toks[k].Norm == "been" || toks[k].Norm == "became") { // "Fireboy DML’s Peru became an afrobeats hit"
		k++
		v := k
		if v+1 < len(toks) && (toks[v].Norm == "first" || toks[v].Norm == "originally") {
			v++ // "was first published in 1946"
		}
		if v < len(toks) && (toks[v].Norm == "narrated" || toks[v].Norm == "directed" || toks[v].Norm == "adapted" || toks[v].Norm == "illustrated" ||
			toks[v].Norm == "revived" || toks[v].Norm == "staged" || toks[v].Norm == "translated" || toks[v].Norm == "reprinted" || toks[v].Norm == "published") {
			// "Brian Chikwava’s Harare North is narrated by an asylum
			// seeker", "Michael Frayn’s Copenhagen is revived at Hampstead",
			// "Åsne Seierstad’s The Bookseller of Kabul has been translated",
			// "Carlos Bulosan’s America Is in the Heart was first published".
			return true
		}
		if k < len(toks) && (toks[k].Norm == "a" || toks[k].Norm == "an") {
			for end := min(k+4, len(toks)); k < end; k++ {
				if titleNouns[toks[k].Norm] || toks[k].Norm == "hit" || toks[k].Norm == "single" || toks[k].Norm == "finalist" || toks[k].Norm == "bestseller" {
					return true // "was a finalist for the National Book Award"
				}
			}
			return false
		}
		if k < len(toks) && toks[k].Norm == "the" {
			// "Fireboy DML’s Peru was the most-streamed Nigerian song of
			// the year"; not "Xi's China is the film industry's largest
			// market": the noun ends its phrase.
			for end := min(k+5, len(toks)); k < end; k++ {
				if w := toks[k].Norm; titleNouns[w] || w == "hit" || w == "single" || w == "song" || w == "season" {
					return k+1 == len(toks) || toks[k+1].Kind != segment.Word || prepAfterWork(toks[k+1].Norm)
				}
			}
			return false
		}
	}
	if k < len(toks) && filmVerb(toks[k].Norm) {
		return true
	}
	if prizeAfter(toks, k) {
		return true // "Ian McEwan’s Amsterdam won the Booker Prize"
	}
	if k+2 < len(toks) && (toks[k].Norm == "appears" || toks[k].Norm == "appeared") && toks[k+1].Norm == "on" {
		for j := k + 2; j < len(toks) && j < k+6; j++ {
			if recordNoun(toks[j].Fold) {
				return true // a song on a record: "Bob Marley’s Zimbabwe appears on the 1979 album Survival"
			}
		}
	}
	if songListened(toks, k) {
		return true // "George Ezra’s Budapest has now been streamed"
	}
	if k+1 < len(toks) && toks[k].Norm == "opens" && toks[k+1].Norm == "with" {
		return true // a novel's first pages: "Richard Ford’s Canada opens with a bank robbery"
	}
	if plotAfter(toks, k) {
		return true // "Michael Crichton’s Congo follows an expedition"
	}
	if k+2 < len(toks) && (toks[k].Fold == "returns" || toks[k].Fold == "returned" || toks[k].Fold == "transfers" || toks[k].Fold == "opens") &&
		(toks[k+1].Fold == "to" || toks[k+1].Fold == "at") && (stageAt(toks, k+2) || toks[k].Fold != "opens" && toks[k+2].Fold == "print") {
		// A play: "Michael Frayn’s Copenhagen returns to the stage",
		// "returns to the West End", "opens at the Hampstead Theatre", in
		// a Title Case headline too ("Copenhagen Returns to the West End");
		// or a book: "Carlos Bulosan’s America Is in the Heart returns to print".
		return true
	}
	if k+1 < len(toks) && toks[k].Norm == "shot" {
		switch toks[k+1].Norm {
		case "in", "on", "at", "partly", "mostly", "largely", "entirely":
			return true // "was shot partly in the Kimberley"; not "shot through with"
		}
	}
	if sequelAhead(toks, k) {
		return true // "DreamWorks’ Madagascar spawned two sequels"
	}
	if k+3 < len(toks) && toks[k].Norm == "," && toks[k+1].Norm == "from" {
		j := k + 2
		if toks[j].Norm == "the" || toks[j].Norm == "a" || possessive(toks[j].Norm) {
			j++
		}
		if j+1 < len(toks) && isYear(toks[j].Norm) {
			j++ // "from his 1976 album"
		}
		if j+1 < len(toks) && titleNouns[toks[j].Fold] && (toks[j+1].Flags&segment.Capitalized != 0 || isQuote(&toks[j+1])) {
			// The title after it: "Bob Dylan’s Mozambique, from the album
			// Desire,"; not "Trump's America, from the film industry's view".
			return true
		}
	}
	for j := k; j+2 < len(toks) && j < k+5; j++ {
		if toks[j].Fold == "director" && toks[j+1].Norm == "'s" && toks[j+2].Fold == "cut" {
			return true // "Baz Luhrmann’s Australia is getting a director’s cut"
		}
	}
	// "returns to cinemas", "opens in theaters"; not "theatres of war".
	for end := min(k+4, len(toks)-1); k < end; k++ {
		if (toks[k].Norm == "to" || toks[k].Norm == "in") && screenWords[toks[k+1].Norm] &&
			(k+2 == len(toks) || toks[k+2].Norm != "of") {
			return true
		}
	}
	return false
}

// prizeAfter reports whether the words from token k say that a work won
// a prize of books, films or plays, which a state does not: "won the
// Booker Prize".
func prizeAfter(toks []segment.Token, k int) bool {
	return k+2 < len(toks) && (toks[k].Norm == "won" || toks[k].Norm == "wins") && toks[k+1].Norm == "the" && artsPrizes[toks[k+2].Fold]
}

// artsPrizes are the first words of the prizes of prizeAfter.
var artsPrizes = setOf("booker", "pulitzer", "goncourt", "palme", "costa", "whitbread", "hugo", "nebula", "tony", "olivier", "caldecott", "newbery")

// plotAfter reports whether the words from token k tell a story's plot:
// a verb of telling and, within four words, whom or what it follows:
// "(Congo) sends an expedition in search of", "follows an expedition";
// not "(Putin's Russia) follows a different path".
func plotAfter(toks []segment.Token, k int) bool {
	if k+2 >= len(toks) {
		return false
	}
	switch toks[k].Norm {
	case "follows", "sends", "tells", "traces", "chronicles":
	default:
		return false
	}
	for j, end := k+1, min(k+5, len(toks)); j < end; j++ {
		switch toks[j].Fold {
		case "expedition", "story", "tale", "adventures", "heroine", "hero", "narrator", "protagonist", "orphan":
			return true
		}
	}
	return false
}

// stopped reports whether toks end with punctuation, as a sentence of
// prose does and a headline does not.
func stopped(toks []segment.Token) bool {
	return len(toks) > 0 && toks[len(toks)-1].Kind == segment.Punct
}

// yearsOld reports whether the tokens from k give an age: "34-year-old",
// which the tokenizer splits as 34, -, year-old.
func yearsOld(toks []segment.Token, k int) bool {
	return k+2 < len(toks) && toks[k].Kind == segment.Number && toks[k+1].Norm == "-" && toks[k+2].Norm == "year-old"
}

// polityNoun reports whether w names a polity, which has an age as a
// person has: "a 70-year-old kingdom".
func polityNoun(w string) bool {
	switch w {
	case "state", "nation", "country", "kingdom", "republic", "monarchy", "democracy", "federation", "union", "emirate", "sultanate":
		return true
	}
	return false
}

// idiomNoun reports whether w, after a place's name in quotes, makes the
// quote an idiom: "a “road to Damascus” moment".
func idiomNoun(w string) bool { return w == "moment" || w == "conversion" }

// raceWinnerAfter reports whether the words from token k, after a name,
// appose it to a winner of one of the classic horse races: ", the 2014
// Derby winner", ", the Epsom Derby winner", ", the 2000 Guineas winner".
// A cup is left out: "Mexico, the 2023 Gold Cup winner" is a national side.
func raceWinnerAfter(toks []segment.Token, k int) bool {
	if k+3 >= len(toks) || toks[k].Norm != "," || toks[k+1].Fold != "the" {
		return false
	}
	j := k + 2
	if isYear(toks[j].Norm) {
		j++
	}
	for c := 0; c < 2 && j < len(toks) && toks[j].Flags&segment.Capitalized != 0 && !classicRaces[toks[j].Fold]; c++ {
		j++ // the course or country: "Epsom", "Irish"
	}
	return j+1 < len(toks) && classicRaces[toks[j].Fold] && toks[j].Flags&segment.Capitalized != 0 && (toks[j+1].Fold == "winner" || toks[j+1].Fold == "hero")
}

// classicRaces are horse races whose winner's name is apposed to them.
var classicRaces = setOf("derby", "oaks", "guineas", "leger", "arc")

// racingMargin reports whether the words from token k, up to twelve, hold
// a margin that only a race between horses or hounds is won by: "by a
// head", "by a short neck". Lengths are left out, as crews and boats win by
// them too.
func racingMargin(toks []segment.Token, k int) bool {
	for end := min(k+12, len(toks)); k+2 < end; k++ {
		if toks[k].Norm != "by" || toks[k+1].Norm != "a" {
			continue
		}
		j := k + 2
		if toks[j].Norm == "short" && j+1 < len(toks) {
			j++
		}
		if (toks[j].Norm == "head" || toks[j].Norm == "neck") && (j+1 == len(toks) || toks[j+1].Norm != "and") { // not "head and shoulders"
			return true
		}
	}
	return false
}

// sequelAhead reports whether one of the four words from token k says a
// work had sequels: "Madagascar spawned two sequels".
func sequelAhead(toks []segment.Token, k int) bool {
	for end := min(k+4, len(toks)); k < end; k++ {
		switch toks[k].Norm {
		case "sequel", "sequels", "prequel", "prequels", "spin-off", "spin-offs":
			return true
		}
	}
	return false
}

// screenWords are where films are shown.
var screenWords = setOf("cinemas", "cinema", "theaters", "theatres", "screens", "multiplexes")

// nearOther reports whether otherThing may find another sense of the
// alias of the given sense at tokens [i, j): whether the words next to it
// are those its tests begin with. It spares most mentions the call.
func (s *scan) nearOther(i, j int, sense uint8) bool {
	toks := s.toks
	var next *segment.Token
	if j < len(toks) {
		next = &toks[j]
		if next.Norm[0] == '_' {
			return true // a clue's blank (see otherThing)
		}
	}
	if sense == senseName {
		return s.nearOtherName(i, j, next)
	}
	return i == s.community && i > 0 || i > 0 && (toks[i-1].Fold == "the" || toks[i-1].Fold == "original" || ownedBefore(toks, i) || isQuote(&toks[i-1])) ||
		i > 1 && toks[i-1].Norm == "," && animalNouns[toks[i-2].Fold] ||
		i > 1 && copula(toks[i-1].Norm) && languageNouns[toks[i-2].Fold] ||
		j < len(toks) && (toks[j].Flags&segment.Hyphenated != 0 || isAmerican(toks[j].Fold) || copula(toks[j].Norm) || toks[j].Norm == "an" || toks[j].Norm == "a" || toks[j].Norm == "and" || toks[j].Norm == "both" || toks[j].Norm == "alongside" ||
			toks[j].Norm == "flies" || (i == 0 || toks[i-1].Kind == segment.Punct) && carrierVerb(toks[j].Fold) ||
			toks[j].Flags&segment.Capitalized != 0 && toks[j].Flags&segment.AllCaps == 0 && commaAfterCapitals(toks, j) ||
			(toks[j].Norm == "are" || toks[j].Norm == "among") && i > 0 && toks[i-1].Norm == "and" || // "Tetum and Portuguese are the official languages", "with Mandarin and Burmese among its languages"
			familyAfter(toks, j) || languageRole(toks, j) ||
			toks[j].Norm == "," && j+2 < len(toks) && (toks[j+1].Norm == "the" || toks[j+1].Norm == "a" || toks[j+1].Norm == "an" || toks[j+1].Norm == "like" || toks[j+2].Norm == "'s" || toks[j+2].Norm == "and")) ||
		crosswordClue(toks)
}

// nearOtherName is nearOther for a name, read from the kinds and words
// of the tokens on either side of it, prev and next (nil at the end).
func (s *scan) nearOtherName(i, j int, next *segment.Token) bool {
	toks := s.toks
	if i == 0 {
		return true
	}
	prev := &toks[i-1]
	if i == 1 && timeConj(prev.Fold) || prev.Fold == "pattern" {
		return true // a clause of time that opens the sentence: "After Japan split in 1982,"; "WILLOW PATTERN CHINA"
	}
	switch prev.Kind {
	case segment.Punct:
		return true
	case segment.Clitic:
		if toks[i].Fold == "china" || next != nil && (workLead(next.Norm) || prizeAfter(toks, j) || j+1 < len(toks) && (toks[j+1].Norm == "to" || toks[j+1].Norm == "in") ||
			sequelAhead(toks, j) || plotAfter(toks, j) || workLeadAfterTitle(toks, j)) {
			return true
		}
	case segment.Word:
		switch prev.Norm {
		case "name", "group", "veterans":
			return true
		case "as":
			if i > 1 && performVerb(toks[i-2].Fold) {
				return true
			}
		case "by":
			if i > 1 && recordNoun(toks[i-2].Fold) {
				return true
			}
		case "and":
			if i > 2 && namedList(toks, i-2) || next != nil && next.Norm == "rivers" {
				return true
			}
		}
	}
	if workNouns.mayHave(prev.Norm) ||
		prev.Flags&segment.Capitalized != 0 && (workNouns.mayHave(prev.Fold) || i > 1 && len(prev.Fold) <= 4 && titleSmallWords[prev.Fold]) {
		return true // "the band Japan", a title's words: "“On Jordan’s Stormy Banks,”"
	}
	if next == nil {
		return false
	}
	switch next.Kind {
	case segment.Punct:
		// A subtitle after a colon: "(Greenland): Migration, the sequel".
		return next.Norm == "," || next.Norm == "(" || isQuote(next) || next.Norm == "." && titleEnd(toks, j) ||
			next.Norm == ":" && j+1 < len(toks) && toks[j+1].Flags&segment.Capitalized != 0
	case segment.Number:
		return usRoute(toks, i, j) || s.modelNumber(i, j) || sizeSystem(toks[i].Norm)
	case segment.Clitic:
		return j+2 < len(toks) && (recordAfter(toks, j+1) || toks[j+1].Fold == "state" || toks[j+1].Fold == "secretary" || toks[j+1].Norm == "," || namedRecord(toks, j+1)) ||
			next.Norm == "'" && j+1 < len(toks) && idiomNoun(toks[j+1].Fold)
	case segment.Word:
		if next.Norm == "in" && s.regionAhead(j+1) || seriesFilms(toks, i, j) {
			return true
		}
		if j+1 < len(toks) && (next.Fold == "the" && (showAfter(toks[j+1].Norm) || animalNouns[toks[j+1].Fold]) || (next.Fold == "their" || next.Fold == "its") && rankWord(toks[j+1].Fold)) {
			return true
		}
		return workLead(next.Norm) && titleStart(toks, i) > 1 || takingsVerb(next.Norm)
	}
	return false
}

// asideEnd returns the index of the token after an aside of likeness
// that opens at the comma at token k, ", like Tibetan,", or k when none
// does.
func asideEnd(toks []segment.Token, k int) int {
	if k+3 >= len(toks) || toks[k].Norm != "," || toks[k+1].Norm != "like" && toks[k+1].Norm != "unlike" {
		return k
	}
	for j := k + 2; j < len(toks) && j < k+6; j++ {
		if toks[j].Norm == "," {
			return j + 1
		}
	}
	return k
}

// copula reports whether w is a verb after which languageAhead looks for
// what a demonym names. It is asked of the word after most demonyms, so
// it is a switch, not a map.
func copula(w string) bool {
	switch w {
	case "is", "was", "remains", "became", "becomes", "belongs", "has", "uses":
		return true
	}
	return false
}

// pairedLanguage reports whether the demonym at token i, ending at token
// k, is paired by "and" with another capitalised word and followed by a
// plural verb, or "in", that languageAhead finds a language after:
// "Burmese and Tibetan both belong to the Sino-Tibetan language family",
// "group Burmese and Tibetan in the Sino-Tibetan family of languages".
func pairedLanguage(toks []segment.Token, i, k int) bool {
	capWord := func(t *segment.Token) bool { return t.Kind == segment.Word && t.Flags&segment.Capitalized != 0 }
	for k+2 < len(toks) && toks[k].Norm == "," && capWord(&toks[k+1]) && (toks[k+2].Norm == "," || toks[k+2].Norm == "and") {
		k += 2 // "Hungarian, Finnish and Estonian are Finno-Ugric languages"
	}
	switch {
	case k+1 < len(toks) && (toks[k].Norm == "and" || toks[k].Norm == "alongside") && capWord(&toks[k+1]):
		k += 2 // "Burmese alongside Chinese in the Sino-Tibetan family"
	case i > 1 && toks[i-1].Norm == "and" && capWord(&toks[i-2]):
	default:
		return false
	}
	if k < len(toks) && toks[k].Norm == "both" {
		k++
	}
	if k >= len(toks) {
		return false
	}
	switch toks[k].Norm {
	case "are", "were", "belong", "share", "remain", "in", "among":
		return languageAhead(toks, k+1) // "with Mandarin and Burmese among its 400-odd languages"
	}
	return false
}

// familyAfter reports whether the words from token k, after a demonym,
// place it in a family of languages: "in the Austroasiatic family", or
// after a verb of fitting: "fits into the Sino-Tibetan family", "falls
// within the Turkic branch".
func familyAfter(toks []segment.Token, k int) bool {
	if k+1 < len(toks) {
		switch toks[k].Norm {
		case "in":
			return familyAt(toks, k+1)
		case "fits", "fit", "falls", "sits", "belongs":
			if p := toks[k+1].Norm; p == "in" || p == "into" || p == "within" {
				return familyAt(toks, k+2)
			}
		case "forms", "formed", "is", "was":
			// Its own branch of a family: "Albanian forms its own branch of
			// the Indo-European family".
			j := k + 1
			if j+1 < len(toks) && (toks[j].Norm == "its" || toks[j].Norm == "a") && toks[j+1].Norm == "own" {
				j += 2
			} else if toks[j].Norm == "a" {
				j++
			} else {
				return false
			}
			return j+2 < len(toks) && toks[j].Norm == "branch" && toks[j+1].Norm == "of" && familyAt(toks, j+2)
		}
	}
	return false
}

// familyAt reports whether the words from token k name a family of
// languages: "the Austroasiatic family", "the Sino-Tibetan language
// family"; not "the family business".
func familyAt(toks []segment.Token, k int) bool {
	if k < len(toks) && toks[k].Fold == "the" {
		k++
	}
	if k >= len(toks) || toks[k].Kind != segment.Word || toks[k].Flags&segment.Capitalized == 0 {
		return false
	}
	if k++; k < len(toks) && toks[k].Fold == "language" {
		k++
	}
	return k < len(toks) && (toks[k].Fold == "family" || toks[k].Fold == "branch" || toks[k].Fold == "group" && toks[k-1].Flags&segment.Hyphenated != 0)
}

// languageAhead reports whether the words from token k to the end of the
// clause, up to ten, say that the demonym before the verb is a language:
// "(Filipino is) one of two official languages", "(Portuguese is) widely
// spoken", "(Somali has been) written in the Latin script", "(Lithuanian
// is) often called the most archaic of the living Indo-European
// languages".
func languageAhead(toks []segment.Token, k int) bool {
	for end := min(len(toks), k+10); k < end && (toks[k].Kind == segment.Word || toks[k].Kind == segment.Clitic || toks[k].Kind == segment.Number || toks[k].Norm == "-"); k++ { // "the app’s fastest-growing language", "its 400-odd languages"
		switch toks[k].Fold {
		case "language", "languages", "tongue", "dialect", "dialects", "spoken", "lingua", "script", "alphabet",
			"grammar", "vocabulary", "written", "heard", "understood", "family": // "Burmese belongs to the Sino-Tibetan family"
			return true
		case "group", "branch":
			if t := &toks[k-1]; t.Flags&segment.Hyphenated != 0 && t.Flags&segment.Capitalized != 0 {
				return true // "(Thai is) part of the Kra-Dai group"
			}
		}
	}
	return false
}

// languageRole reports whether the words from token k give the demonym
// before them a language's standing: "(French) from official language to
// working language", "(Russian) as a regional language", "(Russian)
// keeps its status as an official language".
func languageRole(toks []segment.Token, k int) bool {
	if k+3 < len(toks) && toks[k+1].Norm == "its" && toks[k+2].Norm == "status" {
		switch toks[k].Norm {
		case "keeps", "kept", "keep", "retains", "retained", "retain", "loses", "lost", "lose", "gains", "gained", "regains", "regained":
			k += 3 // "Russian keeps its status as an official language"
		}
	}
	if k >= len(toks) || toks[k].Norm != "as" && toks[k].Norm != "from" && toks[k].Norm != "to" {
		return false
	}
	for j := k + 1; j < len(toks) && j <= k+5; j++ {
		switch toks[j].Norm {
		case "a", "an", "the", "its", "official", "national", "working", "second", "sole", "only", "state",
			"regional", "minority", "co-official", "foreign", "compulsory", "mandatory", "main":
			continue
		case "language", "languages", "tongue":
			return true
		}
		return false
	}
	return false
}

// languageNouns name a language, which a demonym after a copula may be,
// or make a sentence one about languages, where "kin to" reads one.
var languageNouns = setOf("language", "languages", "tongue", "dialect", "dialects")

// wordTalk reports whether the words from token k, up to three, speak of
// what came before as a word: "became slang", "is a nickname".
func wordTalk(toks []segment.Token, k int) bool {
	for end := min(len(toks), k+3); k < end && toks[k].Kind == segment.Word; k++ {
		switch toks[k].Fold {
		case "slang", "nickname", "insult", "meme", "shorthand", "word", "term":
			return true
		}
	}
	return false
}

// castAfter reports whether the words from token k name a film's cast or
// director: "starring Gerard Butler", "directed by Ric Roman Waugh".
func castAfter(toks []segment.Token, k int) bool {
	switch toks[k].Fold {
	case "starring", "co-starring":
		return toks[k+1].Kind == segment.Word && toks[k+1].Flags&segment.Capitalized != 0
	case "directed", "ridden", "trained": // a film's director, a racehorse's jockey or trainer: "Japan, ridden by Ryan Moore,"
		return k+2 < len(toks) && toks[k+1].Fold == "by" && toks[k+2].Kind == segment.Word && toks[k+2].Flags&segment.Capitalized != 0
	}
	return false
}

// madeBy reports whether the words from token k name a work's maker:
// "by" and a name ("by Max Frisch"), or "by", an article and a noun for a
// maker within five words ("by the Swiss playwright Max Frisch"); not "by
// contrast".
func madeBy(toks []segment.Token, k int) bool {
	if k+1 >= len(toks) || toks[k].Fold != "by" {
		return false
	}
	if t := &toks[k+1]; t.Kind == segment.Word && t.Flags&segment.Capitalized != 0 {
		return true
	}
	if f := toks[k+1].Fold; f != "the" && f != "a" && f != "an" {
		return false
	}
	for j := k + 2; j < len(toks) && j <= k+6 && toks[j].Kind == segment.Word; j++ {
		if makerNouns[toks[j].Fold] {
			return true
		}
	}
	return false
}

// makerNouns name the makers of works.
var makerNouns = setOf(strings.Fields(`author writer playwright dramatist novelist poet director filmmaker
	film-maker composer songwriter singer-songwriter artist painter sculptor photographer band singer rapper`)...)

// personAhead reports whether the words from token k, up to four, speak
// of a person: a personal pronoun or a word of kin.
func personAhead(toks []segment.Token, k int) bool {
	for end := min(len(toks), k+4); k < end; k++ {
		switch toks[k].Norm {
		case "her", "his", "she", "he", "their":
			return true
		}
		if kinNouns[toks[k].Norm] {
			return true
		}
	}
	return false
}

// isAge reports whether w is a number that may be a person's age, 1 to
// 119.
func isAge(w string) bool {
	if len(w) == 0 || len(w) > 3 || w[0] == '0' || len(w) == 3 && w[0] != '1' {
		return false
	}
	for i := range len(w) {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return len(w) < 3 || w[1] < '2'
}

// isYear reports whether w is a year of the last two millennia.
func isYear(w string) bool {
	if len(w) != 4 || w[0] != '1' && w[0] != '2' {
		return false
	}
	for i := 1; i < 4; i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// possessive reports whether w is a possessive determiner.
func possessive(w string) bool {
	switch w {
	case "my", "your", "his", "her", "its", "our", "their":
		return true
	}
	return false
}

// ownedBefore reports whether token i follows a possessive: a pronoun
// ("her Maltese") or a common noun's "'s" ("the couple's Maltese"), not a
// name's ("Malta's Maltese").
func ownedBefore(toks []segment.Token, i int) bool {
	if i == 0 {
		return false
	}
	if possessive(toks[i-1].Fold) {
		return true
	}
	return i > 1 && toks[i-1].Kind == segment.Clitic && toks[i-1].Norm == "'s" && startsLower(toks[i-2].Norm)
}

// namedThing reports whether the name at tokens [i, i+n), i > 0, names a
// band, a horse or a work, as the words before it say: the noun for it
// ("the band Japan", "the racehorse Luxembourg"), or quotes around the name
// alone, or with a year, after a word ("the play “Copenhagen”", "In
// “Togo,” Willem Dafoe plays", "Van Halen's “Panama”", "“Holland,
// 1945”"), or opening the sentence before a word in lower case
// ("“Madagascar” remains the studio's best-selling franchise"). A state
// may follow a work's noun as the subject of a clause ("the film China
// banned"), so a work's title counts only in quotes or after a year, a
// genre or an author's possessive ("Max Frisch's play Andorra"); a group's
// name must not begin a list ("the trio Russia, China and Iran"); and a
// name alone in quotes at the start of a quotation ("“Russia,” he said"),
// after a verb of saying, or after a state's possessive ("China's “Japan”
// policy") is the state's. An apposition after the name is read by
// apposedThing.
func (s *scan) namedThing(i, n int) bool {
	toks, j, k := s.toks, i-1, i+n
	quoted := isQuote(&toks[j])
	if quoted {
		if k < len(toks) && (toks[k].Norm == "," || toks[k].Norm == ".") {
			k++
			if toks[k-1].Norm == "," && k+1 < len(toks) && isYear(toks[k].Norm) {
				// A title with its year: “Holland, 1945”, “Holland, 1945,”.
				if isQuote(&toks[k+1]) {
					k++
				} else if k+2 < len(toks) && (toks[k+1].Norm == "," || toks[k+1].Norm == ".") && isQuote(&toks[k+2]) {
					k += 2
				}
			}
		}
		if k >= len(toks) || !isQuote(&toks[k]) {
			return false
		}
		if j--; j < 0 {
			// A title as the subject: "“Madagascar” remains the studio's
			// best-selling franchise", not a quote ("“China,” he said").
			return k == i+n && k+1 < len(toks) && toks[k+1].Kind == segment.Word && startsLower(toks[k+1].Norm)
		}
		t := &toks[j]
		if t.Kind == segment.Clitic && (t.Norm == "'s" || t.Norm == "'") { // "DreamWorks' “Madagascar”"
			last := len(s.dst) - 1
			return last < 0 || s.dst[last].tok1 != j
		}
		return t.Kind == segment.Word && !sayWords[t.Fold]
	}
	w := toks[j].Norm
	if s.inHeadline() && toks[j].Fold != "brand" {
		// "Eighties Band Berlin to Reunite"; but "Brand India" is the
		// state's image, whatever the case.
		w = toks[j].Fold
	}
	if titleNouns[w] || w == "hit" || w == "single" { // "Camila Cabello’s hit Havana"
		// "The 2009 film Lebanon", "the animated film Madagascar", "The
		// 1938 Hollywood film Algiers": a year or a genre before the noun
		// marks a title, where "the film China banned" has none.
		return j > 0 && (isYear(toks[j-1].Norm) || titleGenres[toks[j-1].Fold] || j > 1 && isYear(toks[j-2].Norm) ||
			toks[j-1].Norm == "'s" && j > 1 && toks[j-2].Flags&segment.Capitalized != 0 &&
				(len(s.dst) == 0 || s.dst[len(s.dst)-1].tok1 != j-1)) // an author's, not a state's
	}
	if w == "group" || w == "veterans" {
		// "Indie group Beirut", "the folk-rock group America", "Soft-rock
		// veterans America"; but "the group China leads"
		if j == 0 {
			return false
		}
		g := toks[j-1].Fold
		if h := strings.LastIndexByte(g, '-'); h >= 0 && !musicGenres[g] {
			g = g[h+1:]
		}
		return musicGenres[g]
	}
	if w == "game" {
		return j > 0 && gameKinds[toks[j-1].Fold] // "the board game Puerto Rico"; but "the game Brazil lost"
	}
	if w == "as" {
		return j > 0 && performVerb(toks[j-1].Fold) // a musician's other name: "who records as Bahamas"
	}
	if w == "name" {
		// A band's or a person's other name: "played under the name
		// Warsaw", "went by the name Chad"; but "took the name Ghana".
		return j > 1 && toks[j-1].Norm == "the" && (toks[j-2].Norm == "under" || toks[j-2].Norm == "by")
	}
	if pluralNamers[w] {
		return k < len(toks) && (toks[k].Norm == "and" || toks[k].Norm == ",") // "bands Berlin and Japan"
	}
	if !groupNouns[w] {
		return namerNouns[w]
	}
	// "the folk-rock trio America, formed by", "trio America and synth-pop
	// act Berlin", but not a list
	if k+1 < len(toks) && toks[k].Norm == "and" {
		return toks[k+1].Kind == segment.Word && startsLower(toks[k+1].Norm)
	}
	return k >= len(toks) || (toks[k].Norm != "," ||
		k+1 < len(toks) && toks[k+1].Kind == segment.Word && startsLower(toks[k+1].Norm) && toks[k+1].Norm != "and")
}

// namedList reports whether the capitalised words and commas that end at
// token j follow one of pluralNamers: the names before the last of a list
// of things, "bands Berlin, Beirut and Japan".
func namedList(toks []segment.Token, j int) bool {
	named := false
	for end := max(j-8, 0); j > end; j-- {
		t := &toks[j]
		if t.Kind == segment.Word && t.Flags&segment.Capitalized != 0 {
			named = true
			continue
		}
		if t.Norm != "," {
			return named && t.Kind == segment.Word && pluralNamers[t.Fold]
		}
	}
	return false
}

// afterKin reports whether the comma at token j follows a word of kin,
// maybe past the names before it in a list: "three daughters, Georgia,
// (India)".
func afterKin(toks []segment.Token, j int) bool {
	for n := 0; j > 0 && n < 4; n++ {
		if kinNouns[toks[j-1].Norm] {
			return true
		}
		if j < 3 || toks[j-1].Kind != segment.Word || toks[j-1].Flags&segment.Capitalized == 0 || toks[j-2].Norm != "," {
			return false
		}
		j -= 2
	}
	return false
}

// performVerb reports whether w is a verb of a musician's work, after
// which "as" introduces a stage name.
func performVerb(w string) bool {
	switch w {
	case "records", "recorded", "recording", "performs", "performed", "performing":
		return true
	}
	return false
}

// apposedPlace reports whether the comma at token j, after the alias ref,
// opens an apposition that places a namesake elsewhere: an article, at
// most two words, a noun of a place (placeNouns) and "of", "in", "near",
// "outside" or a point of the compass and "of" before a name that is not
// ref's own state's ("Jordan, a busy district of Kowloon", "Lebanon, a
// borough in Pennsylvania", "Denmark, a coastal town west of Albany"), or
// with no noun, on a coast of a place the gazetteer knows as another
// ("Denmark, on the south coast of Western Australia");
// not "Doha, a city in Qatar". It is placeInOther's reading for a state's
// name, narrower in its shape and wider in its place, which need be no
// state's.
func (s *scan) apposedPlace(j int, ref *aliasRef) bool {
	toks := s.toks
	k := j + 1
	if k+5 < len(toks) && toks[k].Norm == "on" && toks[k+1].Norm == "the" && regionDirection(toks[k+2].Norm) && toks[k+3].Norm == "coast" && toks[k+4].Norm == "of" {
		// Where the town lies, with no noun for it, in a place the
		// gazetteer knows as another: "Denmark, on the south coast of
		// Western Australia,"; not "Norway, on the west coast of
		// Scandinavia".
		next, n := s.aliasAt(k + 5)
		return n > 0 && !slices.Contains(next.ids, ref.id)
	}
	if k >= len(toks) || toks[k].Norm != "a" && toks[k].Norm != "an" && toks[k].Norm != "the" {
		return false
	}
	named := -1 // the first word of a place named before the noun
	for k++; k < len(toks) && k <= j+4 && !placeNouns[toks[k].Norm]; k++ {
		switch t := &toks[k]; {
		case t.Kind != segment.Word:
			return false
		case t.Flags&segment.Capitalized != 0:
			if named < 0 {
				named = k
			}
		case !startsLower(t.Norm):
			return false
		}
	}
	if k >= len(toks) || !placeNouns[toks[k].Norm] {
		return false
	}
	if named >= 0 {
		// A part of a city named before its noun: "San Marino, the leafy
		// Los Angeles suburb,"; but not when the name is the alias's own
		// state's: "Victoria, the Seychellois harbour district".
		if !cityParts[toks[k].Norm] || k+1 < len(toks) && toks[k+1].Kind == segment.Word {
			return false
		}
		other, n := s.aliasAt(named)
		return n == 0 || !slices.Contains(other.ids, ref.id)
	}
	// Then where it is: "of", "in" or "on" a place, or a point of the
	// compass from one ("a coastal town west of Albany", "a farming town on
	// Western Australia’s south coast"), maybe after its size ("a city of
	// 60,000 in Rio Grande do Sul").
	if k+3 < len(toks) && toks[k+1].Norm == "of" && toks[k+2].Kind == segment.Number && (toks[k+3].Norm == "in" || toks[k+3].Norm == "on") {
		k += 2
	}
	switch k++; {
	case k+1 < len(toks) && (toks[k].Norm == "of" || toks[k].Norm == "in" || toks[k].Norm == "on" || toks[k].Norm == "near" || toks[k].Norm == "beside" || toks[k].Norm == "outside"):
		k++
	case k+2 < len(toks) && regionDirection(toks[k].Norm) && toks[k+1].Norm == "of":
		k += 2
	default:
		return false
	}
	if k+3 < len(toks) && toks[k].Norm == "the" && regionDirection(toks[k+1].Norm) && toks[k+2].Norm == "of" {
		k += 3 // "a small town in the south of Minas Gerais"
	}
	if toks[k].Kind != segment.Word || toks[k].Flags&segment.Capitalized == 0 {
		return false
	}
	next, n := s.aliasAt(k)
	return n == 0 || !slices.Contains(next.ids, ref.id)
}

// apposedThing reports whether the comma at token j opens an apposition
// that says what the name before it is, when that is a band, an animal, a
// shop, a firm, a drink or a work: an article, a possessive determiner or
// a person's possessive, up to five words and one of apposedHeads before
// a comma, a relative clause or a participle, with no preposition between;
// or when it is a person's other name ("the stage name of", "a
// pseudonym").
func (s *scan) apposedThing(j int) bool {
	toks := s.toks
	word := func(t *segment.Token) string {
		if s.caps {
			return t.Fold // "JAPAN, THE NEW WAVE BAND, TO REISSUE"
		}
		return t.Norm
	}
	k := j + 1
	switch {
	case k+1 >= len(toks):
		return false
	case word(&toks[k]) == "the" || word(&toks[k]) == "a" || word(&toks[k]) == "an" || possessive(word(&toks[k])):
		k++ // "Madagascar, its 2005 animated hit"
	default:
		// Or a possessive: "Beirut, Zach Condon's band,".
		for k < len(toks) && k <= j+3 && toks[k].Kind == segment.Word && toks[k].Flags&segment.Capitalized != 0 {
			k++
		}
		if k == j+1 || k >= len(toks) || toks[k].Kind != segment.Clitic || toks[k].Norm != "'s" {
			return false
		}
		k++
	}
	for end := k + 5; k < len(toks) && k <= end; k++ {
		t := &toks[k]
		if t.Kind == segment.Clitic && t.Norm == "'s" {
			// "The Australian, the country’s only national broadsheet,",
			// "Sudan, the world’s last male northern white rhino,".
			end++
			continue
		}
		if t.Kind != segment.Word && !isYear(t.Norm) && t.Norm != "+" { // "Greenland, the 2020 disaster film,", "the Apple TV+ thriller"
			return false
		}
		switch word(t) {
		case "of", "for", "in", "at", "on", "to", "from", "with", "by", "and", "or", "than", "as":
			return false // past the head: "China, the largest market for Hollywood film,"
		}
		if apposedHeads[word(t)] {
			// Then a clause about it, or the end: "Montenegro, the Italian
			// amaro."; not "China, the largest film market". The clause
			// may open with its subject's name: "Japan, the band David
			// Sylvian formed,".
			// A work may be of another: "Congo, the 1995 film of Michael
			// Crichton’s thriller,".
			return k+1 == len(toks) || apposedAfter[word(&toks[k+1])] || toks[k+1].Norm == "." || toks[k+1].Norm == ";" ||
				toks[k+1].Norm == "of" && titleNouns[word(t)] || toks[k+1].Norm == "to" && (word(t) == "sequel" || word(t) == "prequel") ||
				toks[k+1].Kind == segment.Word && toks[k+1].Flags&segment.Capitalized != 0 && toks[k+1].Flags&segment.AllCaps == 0 && !s.inHeadline()
		}
		if t.Norm == "moniker" || t.Norm == "pseudonym" || t.Norm == "name" && (toks[k-1].Norm == "stage" || toks[k-1].Norm == "pen") {
			return true // a person's: "Bahamas, the stage name of the Canadian songwriter Afie Jurvanen,"
		}
		if t.Norm == "hit" && k > j+2 && (isYear(toks[k-1].Norm) || titleGenres[toks[k-1].Fold] || toks[k-1].Flags&segment.Capitalized != 0 ||
			rankWord(toks[k-1].Fold) && possessive(word(&toks[k-2]))) {
			// A song or a film: "Havana, the Camila Cabello hit", "“Havana”,
			// the 2017 hit,", "Madagascar, its 2005 animated hit"; not "the
			// hardest hit".
			return true
		}
	}
	return false
}

var (
	apposedHeads = setOf(strings.Fields(animalWords + ` band songwriter singer rapper musician duo trio quartet couple twins
		chain supermarket retailer grocer brand label film movie novel album song play typeface font prison group
		singer-songwriter airline carrier amaro liqueur aperitif aperitivo brandy gin vodka rum whisky drink beverage brew beer wine
		dish stew porridge snack pastry cheese sauce dance
		whiskey lager cartoon sequel franchise fabric cloth cotton textile game cortado espresso coffee cocktail
		drama series sitcom newspaper broadsheet tabloid daily paper epic biopic documentary musical thriller comedy opera
		character gladiator villain protagonist actor actress novelist poet painter sculptor footballer
		ferry liner ship vessel tanker yacht schooner car racecar train workshop maker makers bakery boutique memoir memoirs novella`)...)
	apposedAfter = setOf(strings.Fields(`, who whose that which fronted formed founded known behind in at with from on based led best about
		worn woven made used named sold served set starring designed created bred brewed distilled built
		flavoured flavored infused aged grown kept housed popular prized beloved loved favoured favored famous famed
		trained ridden owned sired brought`)...)
	// namerNouns, groupNouns and titleNouns are the nouns namedThing reads
	// before a name, with "name" itself, and workNouns passes the three
	// sets: a cheap first test.
	namerNouns = setOf(strings.Fields(`band brand racehorse colt filly mare gelding stallion thriller sitcom miniseries
		chain supermarket retailer moniker pseudonym drama singer singer-songwriter songwriter rapper musician
		firm company operator romantics rockers popsters ferry liner`)...)  // and a band by its genre: "the new romantics Japan"
	// pluralNamers name the things listed after them: "synth-pop bands
	// Berlin and Japan", "the racehorses Oman and Chad". Not "acts",
	// "chains" or "films": "the hostile acts Russia and China deny".
	pluralNamers = setOf(strings.Fields(`bands duos trios brands racehorses supermarkets
		sons daughters brothers sisters children grandchildren grandsons granddaughters`)...)
	// kinNouns, before a comma, make the name after it a person's: "his
	// wife, Georgia,", "two sons, Jordan and Chad".
	kinNouns = setOf(strings.Fields(`wife husband son sons daughter daughters brother brothers sister sisters
		children grandchildren grandson grandsons granddaughter granddaughters`)...)
	// elderNouns, with kinNouns, are the relatives whose possessive makes
	// "China" their porcelain: "Grandmother’s China".
	elderNouns = setOf(strings.Fields(`grandmother grandmothers grandma granny nan nana grandparents
		gran grandad grandpa mother mum mom aunt parents family`)...)
	gameKinds   = setOf(strings.Fields(`board video card computer strategy`)...)                           // before "game"
	musicGenres = setOf(strings.Fields(`indie rock pop punk folk metal jazz rap synth-pop electronic`)...) // before "group"
	titleNouns  = setOf(strings.Fields(`film movie novel album documentary musical play opera epic comedy cartoon`)...)
	titleGenres = setOf(strings.Fields(`animated hit cult silent disaster horror action comedy drama war spy`)...)
	groupNouns  = setOf(strings.Fields(`trio duo quartet quintet`)...)
	workNouns   = func() wordFilter {
		var f wordFilter
		for _, set := range []map[string]bool{namerNouns, groupNouns, titleNouns, pluralNamers} {
			for w := range set {
				f.add(w)
			}
		}
		f.add("game")
		f.add("hit")
		f.add("single")
		return f
	}()
	sayWords = setOf(strings.Fields(`said says say told tells asked asks answered replied wrote
		writes added adds shouted chanted declared tweeted posted so-called`)...)
)

// isQuote reports whether t is a quotation mark.
func isQuote(t *segment.Token) bool {
	return t.Kind == segment.Punct && (t.Norm == `"` || t.Norm == "'")
}

// kindAt reports whether the token at j names a kind of thing found
// anywhere (see kindWords) when it follows an alias of the given sense:
// "a Jamaican restaurant", "Korean firs", a language after a demonym
// ("Haitian Creole"); but "the British Lily Allen" is a person. Its
// caller has passed the token through kindFilter.
func (s *scan) kindAt(j int, sense uint8) bool {
	t := &s.toks[j]
	if k := kindWords.senses[t.Fold] & sense; k != 0 {
		// Treaties are named with capitals ("the Ottawa Convention"),
		// kinds in lower case: "Kenya Seed Company" is no kind of seed; but
		// breeds of dog are written with capitals ("the Estonian Hound").
		return k&senseCapital != 0 || (t.Flags&segment.Capitalized == 0 || s.inHeadline() || breedHeads[t.Fold] || s.namedShop(j)) && !s.qualifiedAt(j+1)
	}
	// "Haitian Creole", "Nigerian Pidgin": a language, spoken anywhere.
	if sense&senseDemonym == 0 || languageNames.senses[t.Fold] == 0 {
		return false
	}
	switch t.Fold {
	case "guarani", "guaraní":
		// The language has a capital, the currency none: "the Paraguayan
		// guaraní held steady".
		return t.Flags&segment.Capitalized != 0 || s.inHeadline()
	case "english", "spanish", "french", "portuguese", "german":
		// A language that is a demonym too may qualify what follows:
		// "Kenyan French beans".
		if k := j + 1; k < len(s.toks) && s.toks[k].Kind == segment.Word && startsLower(s.toks[k].Norm) && !langAfter(s.toks[k].Fold) {
			return false
		}
	}
	return true
}

// namedShop reports whether the kind word at token j, with a capital after
// a one-word demonym, ends a shop's name that begins with other words in
// capitals: "Golden Dragon Chinese Takeaway".
func (s *scan) namedShop(j int) bool {
	if j < 3 {
		return false
	}
	t := &s.toks[j-2]
	return t.Kind == segment.Word && t.Flags&segment.Capitalized != 0 && t.Fold != "the" && kindWords.senses[s.toks[j].Fold]&senseDemonym != 0
}

// filmRating reports whether w is a film's age rating as British and US
// listings print it: "(U)", "(PG)", "(12A)", "(PG-13)". The ratings that
// are numbers alone are left out: "Chad (18) and Niger (12)" may count
// troops.
func filmRating(w string) bool {
	switch w {
	case "U", "PG", "12A", "15A", "PG-13", "NC-17":
		return true
	}
	return false
}

// dishFilling reports whether w may stand between a demonym and the dish
// it names. It is asked of the word after most mentions, so it is a
// switch, not a map.
func dishFilling(w string) bool {
	switch w {
	case "beef", "chicken", "pork", "lamb", "mutton", "goat", "fish", "prawn", "shrimp", "vegetable", "veggie", "bean",
		"cinnamon", "cardamom", "almond", "apple", "cheese", "chocolate", "cream", "custard", "honey", "jam", "rice", "potato": // "Swedish cinnamon buns"
		return true
	}
	return false
}

// breedHeads are the kind words that end the names of breeds of dog,
// written with capitals.
var breedHeads = setOf(strings.Fields(`hound hounds terrier terriers spaniel spaniels wolfhound wolfhounds
	mastiff mastiffs sheepdog sheepdogs retriever retrievers`)...)

// kindAfter reports whether token j, right after an alias, is a kind
// word (see kindAt), or begins a pair or list of adjectives before one:
// "Somali and Abyssinian cats".
func (s *scan) kindAfter(j int, sense uint8) bool {
	toks := s.toks
	if kindFilter.mayHave(toks[j].Fold) {
		return s.kindAt(j, sense)
	}
	if j+1 < len(toks) && dishFilling(toks[j].Norm) && kindFilter.mayHave(toks[j+1].Fold) {
		return s.kindAt(j+1, sense) // "Jamaican beef patties"
	}
	// "Thai, Burmese and Khmer keyboards"
	for end := min(j+8, len(toks)); j+2 < end && toks[j+1].Flags&segment.Capitalized != 0; j += 2 {
		switch toks[j].Norm {
		case "and", "or", "&":
			return kindFilter.mayHave(toks[j+2].Fold) && s.kindAt(j+2, sense)
		case ",":
		default:
			return false
		}
	}
	return false
}

// qualifiedAt reports whether token j names what a kind word before it
// only qualifies, a commodity ("Indonesian cooking oil"), a swimmer of a
// stroke ("the South African butterfly swimmer", "butterfly specialist")
// or a business ("the South Korean bakery chain"): then the demonym says
// where that comes from.
func (s *scan) qualifiedAt(j int) bool {
	if j >= len(s.toks) {
		return false
	}
	switch s.toks[j].Fold {
	case "oil", "oils", "gas", "swimmer", "swimmers", "specialist", "specialists",
		"chain", "chains", "franchise", "group", "company", "firm", "operator": // "the South Korean bakery chain"
		return true
	}
	return false
}

// rejected reports whether the alias ref found at tokens [i, i+n) is not
// the state here: part of another name or sense (see inOtherName), part
// of a person's name, vetoed by a word of the sentence (unless its own
// state's name follows it after a comma), or read in another sense (see
// otherSense, which it calls when s.senses is set).
func (s *scan) rejected(i, n int, ref *aliasRef) bool {
	if ref.check != 0 && s.inOtherName(i, n, ref) {
		return true
	}
	if ref.ambiguous && s.partOfName(i, n) &&
		!(ref.sense == senseDemonym && i+n < len(s.toks) && (seaWords[s.toks[i+n].Norm] || officeOfState(s.toks, i+n))) {
		// But a demonym before a sea's name says where ("a Georgian Black
		// Sea port"), and one before an office whose ("the Georgian
		// Embassy in Baghdad").
		return true
	}
	if ref.ambiguous && ref.kind == "name" && i+n+1 < len(s.toks) && s.toks[i+n].Kind == segment.Clitic &&
		eateryNouns[s.toks[i+n+1].Fold] {
		return true // a first name's place: "Chad's Diner", "Jordan's Bar and Grill"
	}
	if ref.ambiguous && ref.kind == "demonym" && s.bareNoun(i, n) {
		return true
	}
	if toks, k := s.toks, i+n; ref.ambiguous && ref.kind == "name" && k+2 < len(toks) && (toks[k].Norm == "and" || toks[k].Norm == "or") &&
		(usStates[toks[k+1].Norm] || toks[k+1].Norm == "Washington") && toks[k+2].Fold == "state" {
		return true // a US state paired with another: "Voters in Georgia and Washington state"
	}
	if toks := s.toks; i > 0 && toks[i].Fold == "turkey" && talkVerb(toks[i-1].Fold) && idiomEnds(toks, i+n) {
		return true // the idiom, in a headline: "Council Talks Turkey With Developers", "TALK TURKEY:"
	}
	if len(ref.not) > 0 && s.vetoed(ref) && !s.placedBefore(i, n, ref) && !officeOfState(s.toks, i+n) && !s.pairedWithState(i, n, ref) &&
		!s.keptEarlier(i, n, ref) && !s.ownDateline(i, ref) && !s.datelineState(i, n, ref) {
		// Unless its own state places it ("TRIPOLI, Libya — ...
		// Lebanon's judiciary"), and so it again ("... Lebanon's
		// ambassador returned to Tripoli"), or names it after it as a
		// dateline ("SANTIAGO (Reuters) - Chile will send milk to Cuba"),
		// it is the state of a dateline ("VESTMANNAEYJAR, Iceland (AP) — A
		// white Christmas"),
		// an office only a state holds
		// follows it ("ATHENS (AP) — Georgia's foreign minister") or it is
		// paired with another state ("imports from Turkey and Poland").
		return true
	}
	return s.senses && ref.sense != 0 && s.otherSense(i, n, ref)
}

// pairedWithState reports whether the name ref at tokens [i, i+n) is
// joined by "and" or "or" to the name of another state, before or after
// it, or opens a list of them: "cheap imports from Turkey and Poland" in
// a sentence of turkey farmers and Christmas.
func (s *scan) pairedWithState(i, n int, ref *aliasRef) bool {
	if ref.kind != "name" {
		return false
	}
	toks := s.toks
	if i > 1 && (toks[i-1].Norm == "and" || toks[i-1].Norm == "or") && len(s.dst) > 0 {
		if last := &s.dst[len(s.dst)-1]; last.tok1 == i-1 && last.Kind == "name" && last.Target != ref.id {
			return true
		}
	}
	if k := i + n; k+1 < len(toks) && (toks[k].Norm == "and" || toks[k].Norm == "or") {
		if next, m := s.aliasAt(k + 1); m > 0 && next.kind == "name" && next.id != ref.id {
			return true
		}
	}
	if k := i + n; k+1 < len(toks) && toks[k].Norm == "," {
		// The first of a list that goes on: "travellers from the Emirates,
		// Kuwait and Oman".
		if next, m := s.aliasAt(k + 1); m > 0 && next.kind == "name" && next.id != ref.id && k+1+m < len(toks) {
			switch toks[k+1+m].Norm {
			case "and", "or": // not an address: "Antigua, Guatemala, ringed by"
				return true
			}
		}
	}
	return false
}

// officeOfState reports whether the words from token k, after a name or a
// demonym, perhaps its possessive and one word more, name an office or a
// body only a sovereign state has: "('s) foreign minister", "(Georgian)
// embassy", "(Georgian) troops". A US state has none of them, nor a town
// (its guardsmen are not written "Georgian troops").
func officeOfState(toks []segment.Token, k int) bool {
	if k < len(toks) && toks[k].Kind == segment.Clitic {
		k++
	}
	for end := min(k+2, len(toks)); k < end; k++ {
		switch toks[k].Fold {
		case "minister", "ministry", "embassy", "parliament", "troops", "soldiers": // not "ambassador": "The Polish Ambassador played a DJ set"
			return true
		}
	}
	return false
}

// inOtherName reports whether the alias ref found at tokens [i, i+n) is
// part of another name or sense, as ref.check says where to look: next to
// a proper name that is not a known alias ("Kenya Moore", "Irving
// Berlin", "Colombo Strikers"), owned by a state named before it
// ("Russia's Security Council"), or a language ("fluent in French").
// Names are read so only outside headlines, where every word has a
// capital.
func (s *scan) inOtherName(i, n int, ref *aliasRef) bool {
	m, toks, dst := s.m, s.toks, s.dst
	if ref.check&checkLanguage != 0 && isLanguage(toks, i, n) {
		return true
	}
	if s.caps || toks[i].Flags&segment.AllCaps != 0 {
		return false // in capitals, the words around are too
	}
	found := false
	if ref.check&(checkOwner|checkOrgan) != 0 && i > 0 {
		k := i
		if toks[k-1].Kind == segment.Clitic && toks[k-1].Norm == "'s" {
			k--
		}
		if last := len(dst) - 1; last >= 0 && dst[last].tok1 == k {
			// The state named before owns it: "Pakistan's Foreign Office"
			// is not Britain's, "the US State Department" is the US's,
			// "Uganda's State House" Uganda's.
			return !slices.Contains(ref.ids, dst[last].Target) && !slices.Contains(ref.dateline, dst[last].Target)
		}
		p := &toks[i-1]
		found = ref.check&checkOrgan != 0 && p.Kind == segment.Word &&
			p.Flags&(segment.Capitalized|segment.AllCaps) != 0 && !functionWords[p.Fold]
	}
	if !found && ref.check&checkAfter != 0 && i+n < len(toks) && !m.endsTitle(toks, i, n) {
		t := &toks[i+n]
		found = t.Flags&segment.Abbrev == 0 && m.nameWord(t) // not "Monrovia Oct. 3"
		if found && ref.kind == "demonym" {
			// A demonym qualifies names of every kind ("Chinese Premier
			// Li", "the American Serena Williams"): only a name that ends
			// in a head such as "League" or "Airlines" is another thing's.
			j := i + n + 1
			found = capitalIn(t, tagHead, nameHeads) || j < len(toks) && capitalIn(&toks[j], tagHead, nameHeads)
		} else if found && stateWords[t.Fold] {
			// "Pakistan Army", but "Nepal Premier League"
			j := i + n + 1
			found = j < len(toks) && capitalIn(&toks[j], tagHead, nameHeads)
		}
	}
	if !found && ref.check&checkBefore != 0 && i > 0 {
		found = m.nameWord(&toks[i-1]) && toks[i-1].Fold != "if" && // "If Beijing agrees"
			(len(dst) == 0 || dst[len(dst)-1].tok1 != i) // "the Nigerian-born New Zealand fighter"
		switch {
		case !found:
		case ref.kind == "name":
			found = s.brandBefore(i, n)
		case ref.kind == "demonym":
			found = s.surname(i, n)
		}
	}
	return found && !s.inHeadline()
}

// brandBefore reports whether the name at tokens [i, i+n), after a
// capitalised word, ends the name of a firm's or a charity's branch, a
// show or a place ("shares in British American Tobacco Kenya", "Amnesty
// International Kenya", "Good Morning America", "hikers in Kashubian
// Switzerland"). At the start of a sentence every word has a capital
// ("Neighbouring Nigeria"), and a state keeps its name after the words of
// keepsName ("Communist China", "on Monday Nigeria said"), and before
// "'s" ("made Jeremy Corbyn Britain's prime minister") or a word in
// capitals ("MUST WATCH Turkey to US").
func (s *scan) brandBefore(i, n int) bool {
	toks := s.toks
	if !s.nameEndsAt(i) {
		return false
	}
	if toks[i-1].Fold == "bank" && toks[i-2].Flags&segment.Capitalized == 0 {
		return false // a central bank ("said Bank Indonesia"), not a lender's branch ("Islami Bank Bangladesh")
	}
	j := i + n
	return j >= len(toks) || toks[j].Kind != segment.Clitic
}

// surname reports whether the demonym at tokens [i, i+n), after a
// capitalised word, is a person's surname ("the baker Samuel German,",
// "Gavin Turk's bronze"): in mid-sentence, and with no word after it that
// it could qualify. A demonym used as an adjective has its noun after it
// ("Prime Minister Modi's Indian government").
func (s *scan) surname(i, n int) bool {
	toks := s.toks
	if !s.nameEndsAt(i) {
		return false
	}
	j := i + n
	return j >= len(toks) || toks[j].Kind != segment.Word
}

// nameEndsAt reports whether the capitalised word before token i may begin
// a name that the alias at i ends: it stands in mid-sentence after a word
// or a comma ("an American baker, Sam German."), is not written in
// capitals and is none of keepsName.
func (s *scan) nameEndsAt(i int) bool {
	toks := s.toks
	return i >= 2 && (toks[i-2].Kind == segment.Word || toks[i-2].Norm == ",") &&
		toks[i-1].Flags&segment.AllCaps == 0 && !keepsName[toks[i-1].Fold]
}

// keepsName are capitalised words that qualify a state's name rather than
// make it part of another: times, regimes and eras, and parts.
var keepsName = setOf(strings.Fields(`monday tuesday wednesday thursday friday saturday sunday
		january february march april may june july august september october november december
		communist nazi soviet imperial tsarist czarist fascist maoist bolshevik socialist islamic
		republican democratic royal red free vichy weimar apartheid colonial occupied independent
		modern ancient old new post-war postwar wartime global brexit team mainland greater
		northern southern eastern western north south east west central upper lower united`)...)

// endsTitle reports whether the alias at tokens [i, i+n) ends a title
// before a person's name: after "to" or "for", with two capitalised words
// after it ("Ambassador to Russia Lynne Tracy", "envoy for Afghanistan
// Zalmay Khalilzad"). One word is no person's name ("returns to the London
// Palladium").
func (m *matcher) endsTitle(toks []segment.Token, i, n int) bool {
	if i == 0 {
		return false
	}
	if p := toks[i-1].Norm; p != "to" && p != "for" && (p != "the" || i == 1 || toks[i-2].Norm != "to") {
		return false
	}
	return i+n+1 < len(toks) && m.nameWord(&toks[i+n]) && m.nameWord(&toks[i+n+1])
}

// stateWords are capitalised words that, after a state's name, name one
// of its bodies or officials rather than another thing ("Pakistan Army",
// "China Coast Guard", "Israel Defence Minister", "Pakistan PM"), a
// dealing with it in a title ("the Iran Deal", "G20 Summit"), a slogan
// about it ("America First") or its national team ("Pakistan Women").
var stateWords = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(`army navy air coast guard guards police rangers marines marine
		armed force forces military defence defense border security intelligence
		foreign interior home finance treasury trade commerce energy health justice
		ministry ministries minister ministers embassy embassies ambassador ambassadors envoy consulate
		consul mission government cabinet parliament senate assembly premier chancellor secretary
		spokesman spokeswoman spokesperson official officials deputy vice chief supreme
		election customs constitution pm summit summits talks deal deals sanctions policy relations
		investigation probe collusion crisis visit trip great first women men high commission commissioner`) {
		m[w] = true
	}
	return m
}()

// isLanguage reports whether the demonym at tokens [i, i+n) names a
// language: not followed by a noun it qualifies ("killed in Russian
// shelling", "in Chinese waters") and after a word of speaking, writing or
// learning, maybe past other languages of a list ("fluent in Arabic and
// French", "speaks Russian and some German"). The words after are read
// first: most demonyms qualify the noun that follows.
func isLanguage(toks []segment.Token, i, n int) bool {
	j := i + n
	listed := false   // a language that is no demonym later in the list: "Albanian, Icelandic and Swahili"
	lastPure := false // the list ends with a language that names no people, so that no noun after it makes the list adjectives
	// The list may be a range: "from Burmese to Cantonese".
	for j+1 < len(toks) && (toks[j].Norm == "and" || toks[j].Norm == "or" || toks[j].Norm == "," || toks[j].Norm == "to" && i > 0 && toks[i-1].Norm == "from") {
		k := j + 1
		if k+1 < len(toks) && tongueAdjective(toks[k].Norm) {
			k++ // "fluent Slovak and conversational Hungarian"
		}
		if toks[k].Kind != segment.Word || toks[k].Flags&segment.Capitalized == 0 {
			break
		}
		lastPure = tongueOnly(toks[k].Fold)
		listed = listed || lastPure || listLanguage(toks[k].Fold)
		j = k + 1 // past a list of languages
	}
	if lastPure && (j == len(toks) || toks[j].Kind != segment.Word || startsLower(toks[j].Norm)) {
		return true // "classes in Somali and Arabic run on Tuesdays"
	}
	if j > i+n && j < len(toks) && toks[j].Kind == segment.Word && toks[j].Flags&segment.Capitalized != 0 {
		j++ // the last of the list in two words: "Korean and Brazilian Portuguese"
	}
	// A broadcaster's service in a language: "VOA's Spanish service", "its
	// Georgian and Armenian services". A possessive before the list is
	// then its cue.
	service := j < len(toks) && (toks[j].Fold == "service" || toks[j].Fold == "services")
	if !service && !languageEnds(toks, j) {
		return false
	}
	if listed || (j > i+n || j < len(toks) && toks[j].Kind == segment.Punct) && i > 0 && tongueAdjective(toks[i-1].Fold) {
		return true // "was never real Swedish,", "requires fluent Slovak and conversational Hungarian"
	}
	// A demonym after "and", "or" or a comma may be an item of a list
	// whose items have a phrase each: "speaks Guaraní at home and Spanish
	// at the market", "Russian at home, Turkish with her grandmother". Up
	// to three words in lower case are passed over to the language before.
	pass := 0
	if i > 0 && (toks[i-1].Norm == "and" || toks[i-1].Norm == "or" || toks[i-1].Norm == "," || toks[i-1].Norm == "than") {
		pass = 3 // or set against one: "in Mandarin rather than Mongolian"
	}
	k := i - 1
	for steps := 0; k >= 0 && steps < 10; steps++ {
		t := &toks[k]
		if langCue(t.Fold) || langPrep(toks, k) || subjectOf(toks, k) || service && (t.Norm == "'s" || t.Fold == "its" || t.Fold == "their") ||
			t.Flags&segment.Capitalized != 0 && listLanguage(t.Fold) ||
			t.Fold == "to" && k > 1 && toks[k-2].Fold == "from" && listLanguage(toks[k-1].Fold) || // "range from Hindi to Icelandic"
			t.Fold == "to" && k > 0 && kinWord(toks[k-1].Fold) && slices.ContainsFunc(toks, func(t segment.Token) bool { return languageNouns[t.Fold] }) { // "a Finno-Ugric language, distant kin to Finnish"
			return true
		}
		if !langFiller(t.Fold) && (t.Kind != segment.Word || t.Flags&segment.Capitalized == 0 || k == 0) {
			if pass == 0 || k == 0 || t.Kind != segment.Word || !startsLower(t.Norm) {
				return false
			}
			pass-- // a word of the phrase; the word before it must be one too, or the language
			if p := &toks[k-1]; p.Kind != segment.Word || pass == 0 && p.Flags&segment.Capitalized == 0 {
				return false
			}
		}
		k--
	}
	return false
}

// near returns the checks of inOtherName, among those of check, that the
// neighbours of tokens [i, j) may call for: checkAfter when token j has a capital, checkBefore
// when token i-1 has one, and checkLanguage when token i-1 may be a word
// before a language (see langBloom). It is asked of nearly every mention,
// so it is written to be inlined, without branches on the words: a word
// in capitals is also Capitalized, the flag's bit 0, which is checkAfter's.
func near(toks []segment.Token, i, j int, check uint8) uint8 {
	var c uint8
	if j < len(toks) {
		c = uint8(toks[j].Flags) & 1
	}
	if check > checkAfter && i > 0 { // a name reads only the word after it
		t := &toks[i-1]
		w := len(t.Fold)*37 + int(t.Fold[0]) // wordBit's bit; tokens are never empty
		c |= uint8(t.Flags)&1<<1 | uint8(langBloom>>(w&63)&1)<<4
	}
	return c & check
}

// langBloom has the wordBit of every word that langCue, langFiller or
// langPrep accepts, and of the "'s" before a broadcaster's service:
// a word before a demonym whose bit is not set rules a language out at
// once.
var langBloom = func() uint64 {
	var b uint64
	for _, set := range []map[string]bool{langCues, langFillers, {"'s": true, "to": true, "of": true, "than": true}} {
		for w := range set {
			b |= wordBit(w)
		}
	}
	return b
}()

// langCue reports whether a language may be named after w: "speaks
// Spanish", "fluent in Arabic", "translated into Ukrainian", "the app
// now supports Thai", "languages such as Polish", "the use of Russian",
// "the many varieties of Chinese".
func langCue(w string) bool { return langCues[w] }

var langCues = setOf(strings.Fields(`speak speaks spoke spoken speaking in into supports languages language use uses using picked
	read reads learn learns learned learnt learning study studies studied studying
	teach teaches taught teaching know knows knew understand understands understood write writes wrote writing
	variety varieties dialect dialects practise practises practised practising practice practices practiced practicing`)...)

// listLanguage reports whether w names a language and nothing else: a
// demonym in a list with one is a language too ("Sanskrit, Greek and
// Latin").
func listLanguage(w string) bool {
	switch w {
	case "english", "latin", "sanskrit", "arabic", "hindi", "urdu", "swahili", "hebrew", "mandarin",
		"cantonese", "persian", "farsi", "bengali", "punjabi", "tamil", "telugu", "pashto", "dari",
		"kurdish", "tagalog", "amharic", "yoruba", "hausa", "igbo", "zulu", "xhosa", "catalan",
		"basque", "welsh", "gaelic", "yiddish", "esperanto", "tibetan", "khmer":
		return true
	}
	return false
}

// tongueOnly reports whether w, among the words of listLanguage, names a
// language and no people: a list that ends with it is a list of
// languages whatever follows ("classes in Somali and Arabic run on
// Tuesdays"), where "Somali and Swahili traders" are peoples.
func tongueOnly(w string) bool {
	switch w {
	case "latin", "sanskrit", "arabic", "hindi", "urdu", "mandarin", "farsi", "dari", "amharic", "esperanto":
		return true
	}
	return false
}

// subjectOf reports whether token k is "of" after a noun of teaching,
// which makes the language what is taught: "the Department of Spanish and
// Portuguese", "a professor of Russian".
func subjectOf(toks []segment.Token, k int) bool {
	if k == 0 || toks[k].Fold != "of" {
		return false
	}
	switch toks[k-1].Fold {
	case "department", "departments", "faculty", "professor", "professors", "lecturer", "lecturers",
		"teacher", "teachers", "tutor", "tutors", "chair":
		return true
	}
	return false
}

// langPrep reports whether token k is a preposition that a verb of
// translating or switching before it makes the way to a language: "from"
// or "to" ("translated from Norwegian", "translates novels from
// Portuguese", "switched to Latvian", "switching from Russian to
// Latvian"). After "from the" it is not looked for: "the" before a
// demonym is too common for every one to be read as a word before a
// language.
func langPrep(toks []segment.Token, k int) bool {
	if k == 0 || toks[k].Fold != "from" && toks[k].Fold != "to" {
		return false
	}
	if toks[k].Fold == "to" && k > 2 && toks[k-2].Fold == "from" && langPrep(toks, k-2) {
		return true // "from Russian to Latvian"
	}
	// The verb may have its object first: "translates novels from".
	for j := k - 1; j >= max(0, k-3); j-- {
		switch toks[j].Fold {
		case "translated", "translation", "translations", "translating", "translate", "translates",
			"switched", "switching", "switch", "switches":
			return true
		}
		if toks[j].Kind != segment.Word || !startsLower(toks[j].Norm) {
			return false
		}
	}
	return false
}

// kinWord reports whether w says that one language is related to another
// after it: "kin to", "akin to", "related to".
func kinWord(w string) bool {
	return w == "kin" || w == "akin" || w == "related" || w == "cousin" || w == "sister"
}

// tongueAdjective reports whether w, before a demonym that nothing
// follows, makes it a noun and so a language: "never real Swedish",
// "in halting Polish."
func tongueAdjective(w string) bool {
	switch w {
	case "real", "proper", "pure", "broken", "fluent", "perfect", "flawless", "passable", "halting", "rudimentary", "conversational":
		return true
	}
	return false
}

// langFiller reports whether w may stand between a cue and a language:
// "speaks fluent Russian", "a bit of German", the conjunctions of a list
// and the words that open one ("languages including Polish").
func langFiller(w string) bool { return langFillers[w] }

var langFillers = setOf(strings.Fields(`fluent some a little bit of basic good perfect broken passable
	native halting rudimentary excellent decent conversational rusty serviceable workable flawless real proper pure
	impeccable limited mostly only also both either mainly and or but well , from
	including include includes included such as like herself himself themselves myself yourself up`)...)

// languageEnds reports whether a language may end before token j: at the
// end of the sentence, before punctuation, or before a word that does not
// make it an adjective ("switched to Latvian only at school", not
// "switched to Chinese suppliers").
func languageEnds(toks []segment.Token, j int) bool {
	if j >= len(toks) {
		return true
	}
	t := &toks[j]
	return t.Kind == segment.Punct ||
		t.Kind == segment.Word && (startsLower(t.Norm) || t.Flags&segment.AllCaps != 0) && (langAfter(t.Fold) || strings.HasSuffix(t.Fold, "ly")) // "LEARN JAPANESE IN 12 WEEKS"
}

// langAfter reports whether w may follow a language without making it an
// adjective: "learn Korean because", "speaks Russian and".
func langAfter(w string) bool {
	switch w {
	case "and", "or", "but", "nor", "because", "as", "with", "to", "at", "on", "for", "from", "while",
		"when", "since", "after", "before", "during", "so", "than", "then", "too", "also", "instead",
		"well", "now", "again", "rather", "not", "by", "about", "over", "outside", "inside", "near", "through",
		"without", "against", "in", "into", "of", "this", "next", "last", "every", "each", "all", "until",
		"today", "online", "here", "there", "yet", "even", "though", "if", "once", "which", "who",
		"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could",
		"start", "starts", "begin", "begins", "ahead", "remain", "remained", "back", "alongside", "alone":
		return true
	}
	return false
}

// candidates returns a mask of the first 64 tokens of toks, for a sentence
// not in capitals and past its dateline, with bit k set unless the loop in
// find would pass over token k without a lookup: a lower-case word that
// begins no alias, or punctuation, a number or a symbol when no alias begins
// with one. It is the loop's fast path, computed without branches because
// which tokens matter is as good as random to a branch predictor. It also
// returns the tags of those tokens or'ed together, which tell find
// whether otherSense may find anything.
func (m *matcher) candidates(toks []segment.Token) (uint64, uint32) {
	var mask uint64
	for k := range toks[:min(len(toks), 64)] {
		t := &toks[k]
		kindOK := uint64(m.firstKinds>>t.Kind) & 1
		hyphen := b2u(t.Flags&segment.Hyphenated != 0)
		mask |= (hyphen | kindOK&^m.passLower[t.Norm[0]]) << k // tokens are never empty
	}
	return mask, ^uint32(0) // no tags were read: any may be there
}

// capitalWords is candidates for a matcher whose aliases all begin with
// capitals (capsFirst): it reads no more than each token's flags and tag.
// Its tokens come from a Tokenizer whose Tagger is the matcher's.
func capitalWords(toks []segment.Token) (uint64, uint32) {
	var mask uint64
	var tags uint32
	for k := range toks[:min(len(toks), 64)] {
		t := &toks[k]
		// A capitalised word that begins no alias (its tag says so) is
		// passed over like a lower-case one; a word the tokenizer did not
		// tag (Tag 0: not ASCII) is looked up.
		capital := b2u(t.Flags&(segment.Capitalized|segment.AllCaps) != 0) & b2u(t.Tag-1 >= 1<<tagRootBit-1) // Tag 0 wraps round
		mask |= (capital | b2u(t.Flags&segment.Hyphenated != 0)) << k
		tags |= t.Tag
	}
	if tags&tagAnchor != 0 {
		// An alias may begin in lower case here: visit every token.
		return ^uint64(0) >> (64 - min(len(toks), 64)), tags
	}
	return mask, tags
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// wordBit returns one bit chosen by the length and the first byte of w, so
// that a mask of a few words' bits rules most other words out at once.
func wordBit(w string) uint64 {
	if w == "" {
		return 1
	}
	return 1 << ((len(w)*37 + int(w[0])) & 63)
}

// wordBit2 is wordBit by the last byte and the length: a word passes a
// veto list's mask only when both bits are set, which the long lists
// ("Georgia") need to keep the scan from comparing strings.
func wordBit2(w string) uint64 {
	if w == "" {
		return 1
	}
	return 1 << ((len(w)*13 + int(w[len(w)-1])*7) & 63)
}

// vetoed reports whether the sentence has one of the words of a.not and
// none of a.unless. Sentences and veto lists are short, so a scan beats
// building a set.
func (a *aliasRef) vetoed(toks []segment.Token) bool {
	for i := range toks {
		f := toks[i].Fold
		if a.notBloom&wordBit(f) != 0 && a.notBloom2&wordBit2(f) != 0 && (slices.Contains(a.not, f) || runAt(toks, i, a.notRuns)) ||
			toks[i].Flags&segment.Hyphenated != 0 && a.vetoPart(f) {
			return len(a.unless) == 0 || !a.lifted(toks)
		}
	}
	return false
}

// runAt reports whether one of runs, the folds of consecutive tokens,
// begins at token i.
func runAt(toks []segment.Token, i int, runs [][]string) bool {
	for _, run := range runs {
		if i+len(run) > len(toks) {
			continue
		}
		k := 0
		for k < len(run) && toks[i+k].Fold == run[k] {
			k++
		}
		if k == len(run) {
			return true
		}
	}
	return false
}

// vetoPart reports whether the first part of the compound f is one of
// a.not: "Atlanta-based" vetoes Georgia as "Atlanta" does.
func (a *aliasRef) vetoPart(f string) bool {
	h := strings.IndexByte(f, '-')
	return h > 0 && slices.Contains(a.not, f[:h])
}

// lifted reports whether the sentence has one of the words of a.unless,
// standing as a name of its own: not the first word of a longer one ("the
// Ottawa Senators") nor a town of a US state ("Moscow, Idaho").
func (a *aliasRef) lifted(toks []segment.Token) bool {
	for i := range toks {
		if whole, part := wordIn(&toks[i], a.unless); part || whole && !inLongerName(toks, i) {
			return true
		}
	}
	return false
}

// inLongerName reports whether the word at token i begins a longer name
// ("the Ottawa Senators") or is a town of a US state ("Moscow, Idaho"). In
// a headline every word is capitalised, so a capital after it says nothing
// there: "Georgian Leader Meets Atlanta Mayor in Tbilisi Talks".
func inLongerName(toks []segment.Token, i int) bool {
	return i+1 < len(toks) && toks[i+1].Kind == segment.Word && toks[i+1].Flags&segment.Capitalized != 0 && toks[i+1].Flags&segment.AllCaps == 0 && !isTitleCase(toks) ||
		i+2 < len(toks) && toks[i+1].Norm == "," && usStates[toks[i+2].Norm]
}

// anyWord reports whether some token of toks, folded, is one of words, or
// begins with one before a hyphen.
func anyWord(toks []segment.Token, words []string) bool {
	for i := range toks {
		if whole, part := wordIn(&toks[i], words); whole || part {
			return true
		}
	}
	return false
}

// anyWordOrPhrase is anyWord for words that may hold phrases of words
// separated by single spaces ("road sign"), read as consecutive tokens.
func anyWordOrPhrase(toks []segment.Token, words []string) bool {
	for _, w := range words {
		if !strings.Contains(w, " ") {
			continue
		}
		for i := range toks {
			rest := w
			for k := i; rest != "" && k < len(toks); k++ {
				part, after, _ := strings.Cut(rest, " ")
				if toks[k].Fold != part {
					break
				}
				rest = after
			}
			if rest == "" {
				return true
			}
		}
	}
	return anyWord(toks, words)
}

// wordIn reports whether the token, folded, is one of words (whole), or
// else a compound whose first part is ("Tbilisi-based": part).
func wordIn(t *segment.Token, words []string) (whole, part bool) {
	if slices.Contains(words, t.Fold) {
		return true, false
	}
	if t.Flags&segment.Hyphenated != 0 {
		if h := strings.IndexByte(t.Fold, '-'); h > 0 && slices.Contains(words, t.Fold[:h]) {
			return false, true
		}
	}
	return false, false
}

// longest returns the longest alias valid on date that starts at token i,
// and its length in tokens. exact and folded are the trie nodes under token
// i, by its text and by its folded text; folded is nil except in text
// written in capitals.
func longest(toks []segment.Token, i int, exact, folded *trieNode, date time.Time) (*aliasRef, int) {
	best, bestN := longestExact(toks, i, i, exact, date)
	for n, j := folded, i; n != nil; {
		if a := pick(n.aliases, date, true); a != nil && j-i+1 > bestN {
			best, bestN = a, j-i+1
		}
		if j++; j == len(toks) || !n.mayHave(toks[j].Fold) {
			break
		}
		n = n.next.get(toks[j].Fold)
	}
	return best, bestN
}

// longestExact returns the longest alias that begins at token i and
// goes on through node n, the trie node of token j, matching words as
// written. A small word capitalised in Title Case ("Bank Of England") is
// tried in lower case too, and the longer match of the two is kept: the
// gazetteer lists some names with the capital ("Bank Of America") so
// that both forms may be read.
func longestExact(toks []segment.Token, i, j int, n *trieNode, date time.Time) (*aliasRef, int) {
	var best *aliasRef
	bestN := 0
	for n != nil {
		a := n.first
		if a == nil && len(n.aliases) > 0 {
			a = pick(n.aliases, date, false)
		}
		if a != nil {
			best, bestN = a, j-i+1
		}
		if j++; j == len(toks) {
			break
		}
		t := &toks[j]
		if c := t.Norm[0]; c >= 'A' && c <= 'Z' && n.mayHave(t.Fold) && titleSmallWords[t.Fold] {
			// The rare word that may be either: walk both ways.
			var next *trieNode
			if n.mayHave(t.Norm) {
				next = n.next.get(t.Norm)
			}
			a1, n1 := longestExact(toks, i, j, next, date)
			if a2, n2 := longestExact(toks, i, j, n.next.get(t.Fold), date); n2 > n1 {
				a1, n1 = a2, n2
			}
			if n1 > bestN {
				best, bestN = a1, n1
			}
			break
		}
		if !n.mayHave(t.Norm) {
			break
		}
		n = n.next.get(t.Norm)
	}
	return best, bestN
}

// pick returns the first alias usable on date. In all-caps text only
// aliases of four letters or more match case-insensitively.
func pick(as []*aliasRef, date time.Time, folded bool) *aliasRef {
	for _, a := range as {
		if folded && a.letters < 4 {
			continue
		}
		if a.kind == "person" {
			if date.IsZero() {
				if !a.unambiguous {
					continue
				}
			} else if (!a.from.IsZero() && date.Before(a.from)) || (!a.to.IsZero() && !date.Before(a.to)) {
				continue
			}
		}
		return a
	}
	return nil
}

// partOfName reports whether tokens [i, i+n) sit inside a longer proper
// name: next to a capitalised word that is not a function word or a known
// alias ("Denzel Washington", "Washington Post").
func (s *scan) partOfName(i, n int) bool {
	m, toks := s.m, s.toks
	if i > 0 && m.nameWord(&toks[i-1]) && !(s.inHeadline() && headlineVerb(toks[i-1].Fold)) {
		return true
	}
	j := i + n
	if j >= len(toks) || !m.nameWord(&toks[j]) {
		return false
	}
	// In a headline every word is capitalised, so only a first name before
	// the alias ("Denzel Washington Wins Oscar") gives a person away.
	return !s.inHeadline()
}

// eateryNouns name the places that bear their owner's first name.
var eateryNouns = setOf(strings.Fields(`diner diners cafe café bar pub grill restaurant bakery deli tavern
	pizzeria bistro barbershop saloon eatery`)...)

// seaWords begin the names of seas and coasts, which a demonym before them
// places: "the Georgian Black Sea coast".
var seaWords = setOf(strings.Fields(`Black Red Caspian Baltic Aegean Adriatic Mediterranean Caribbean
	Pacific Atlantic Arctic Ionian`)...)

// headlineVerb reports whether w, a capitalised word before an alias in a
// headline, folded, looks like the verb of the headline rather than a first
// name: one of baseVerbs, or a word that ends in an "s" that no first name
// of the kind ends in ("Malaysia Rejects Washington's Call", "Japan Urges
// Jordan to ..."; but "Chris", "Thomas", "Carlos").
func headlineVerb(w string) bool {
	n := len(w)
	if baseVerbs[w] {
		return true
	}
	if n < 4 || w[n-1] != 's' {
		return false
	}
	switch w[n-2] {
	case 's', 'u', 'a', 'i', 'o':
		return false
	}
	return true
}

// baseVerbs are verbs that a headline with a plural subject puts before
// a state ("Families Urge Washington to ...", "ALLIES PRESS TEHRAN"), and
// that are no first names; and the particles of phrasal verbs that come
// between the verb and the state ("Croatia Knock Out Holland").
var baseVerbs = setOf(strings.Fields(`urge tell warn ask press slam hit blast join meet visit call defy
	snub rebuff blame accuse thank praise sue lobby court woo reject condemn criticise criticize target
	sanction pressure push help aid arm fund back host send sign sell buy lift ease bar ban boost restore
	resume deport extradite release invite recognise recognize supply deliver train grant give offer admit
	accept welcome edge beat stun rout thrash sink crush oust knock eliminate outplay humble shock upset
	out off past`)...)

func (m *matcher) nameWord(t *segment.Token) bool {
	if t.Kind != segment.Word || t.Flags&(segment.Capitalized|segment.AllCaps) == 0 {
		return false
	}
	if functionWords[t.Fold] {
		return false
	}
	if t.Flags&segment.Hyphenated != 0 {
		if h := strings.LastIndexByte(t.Norm, '-'); h >= 0 && startsLower(t.Norm[h+1:]) {
			return false // an adjective of a compound: "Swedish-speaking Finns"
		}
	}
	if n := m.rootOf(t); n != nil && len(n.aliases) > 0 && !n.aliases[0].blocker {
		return false // a name of its own ("Washington Beijing"), not the first word of one
	}
	if m.roots.get(t.Fold).folded != nil && t.Flags&segment.AllCaps != 0 {
		return false
	}
	return true
}

// Tags that the matcher gives capitalised words through the tokenizer (see
// segment.Tokenizer.Tagger): bit 0 is always set; bits 1 to 4 say what the
// word is to the matcher besides a first word of aliases (the anchor of an
// alias that begins in lower case, a word that makes a name before it
// another thing's, a club's prefix, a US state); the bits from tagRootBit
// up hold 1 + the index of the word in roots, or 0.
const (
	tagSet     = 1
	tagAnchor  = 2
	tagHead    = 4  // a word of nameHeads
	tagClub    = 8  // a word of clubPrefixes
	tagState   = 16 // a word of usStates, usStateAbbrevs or usStateSeconds
	tagFolded  = 32 // a word in capitals that begins no alias, but its folded form does ("DELHI"); the index is the folded form's if the word has none
	tagRootBit = 6
)

// tag is the matcher's Tagger: it looks up once what find needs to know of
// a capitalised word.
func (m *matcher) tag(word, fold string) uint32 {
	k := m.roots.index(word)
	var tag uint32 = tagSet
	if k >= 0 {
		tag |= m.roots.entries[k].val.sense
	}
	if upperWord(word) && (k < 0 || m.roots.entries[k].val.exact == nil) {
		if f := m.roots.index(fold); f >= 0 && m.roots.entries[f].val.folded != nil && m.roots.entries[f].val.exact == nil {
			tag |= tagFolded
			if k < 0 {
				// Index the folded form, so that the candidate scan visits
				// the word; it begins no alias as written, which rootOf finds.
				k = f
			}
		}
	}
	return tag | uint32(k+1)<<tagRootBit
}

// puzzleIn reports whether toks are a puzzle's, whose answers and words
// are printed in capitals: "Rearrange the letters of SPAIN", "find AFGHAN
// and MALTESE in the grid". It is asked only of a word in capitals inside
// a sentence that is not.
func puzzleIn(toks []segment.Token) bool {
	if len(toks) > 2 && toks[0].Kind == segment.Number && (toks[1].Fold == "across" || toks[1].Fold == "down") {
		return true // a numbered clue: "4 Down: Scrap of card left behind in a punched ballot (4) — CHAD"
	}
	for k := 0; k < min(len(toks)-1, 4); k++ {
		if (toks[k].Fold == "answer" || toks[k].Fold == "answers" || toks[k].Fold == "solution") && toks[k+1].Norm == ":" {
			return true // the answer after its clue's sentence: "Answer: TURKEY.", "Yesterday’s answer: DANISH."
		}
	}
	for k := range toks {
		switch toks[k].Fold {
		case "crossword", "crosswords", "cryptic", "anagram", "anagrams", "letters", "grid", "clue", "clues", "across", "ladder",
			"wordsearch", "puzzle", "puzzles", "sudoku":
			return true
		}
	}
	return false
}

// modelNumber reports whether token k, after a name at token i that is
// also a maker's, is a model's number: after an article or "new", a number
// of up to three digits followed by a word that no alias begins ("THE NEW
// JORDAN 4 SOLD OUT", "the Jordan 191 that"), or by an apposition that
// says what it is ("The Jordan 191, Michael Schumacher’s debut car,"); not
// a score ("Jordan 2 Iraq 1") nor a sum ("give Jordan 5 million euros").
func (s *scan) modelNumber(i, k int) bool {
	toks := s.toks
	if i == 0 || k+1 >= len(toks) || !modelDigits(&toks[k]) || toks[k+1].Kind != segment.Word && (toks[k+1].Norm != "," || !s.apposedThing(k+1)) {
		return false
	}
	switch toks[i-1].Fold {
	case "the", "a", "new", "air":
	default:
		return false
	}
	if toks[k+1].Kind != segment.Word {
		return true // the apposition
	}
	_, n := s.aliasAt(k + 1)
	return n == 0 && (toks[k+1].Flags&segment.AllCaps == 0 || s.m.roots.get(toks[k+1].Fold).folded == nil)
}

// sizeSystem reports whether w names a system of clothing and shoe sizes,
// which a size's number follows in a sentence of sizes: "EU 36", "UK 8".
func sizeSystem(w string) bool {
	return w == "EU" || w == "UK" || w == "US"
}

// sizeWords are the words of a sentence of sizes (see sizeSystem); "EU 27
// leaders" is not one.
var sizeWords = []string{"size", "sizes", "sizing"}

// modelDigits reports whether t is a number of one to three digits and
// nothing else, as a model's or a route's is: "4", "191"; not "$5", "2.5"
// or "1,000".
func modelDigits(t *segment.Token) bool {
	if t.Kind != segment.Number || len(t.Norm) > 3 {
		return false
	}
	for _, c := range []byte(t.Norm) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// usRoute reports whether the name at token i, "US", and the number at
// token k name a US highway: the number of a route, then a direction
// ("US 1 south") or, before it, a verb of driving ("take US 101"); not a
// score ("US 2, Iran 1").
func usRoute(toks []segment.Token, i, k int) bool {
	if k >= len(toks) || !modelDigits(&toks[k]) || toks[i].Norm != "US" && toks[i].Norm != "U.S." {
		return false
	}
	if k+1 < len(toks) {
		switch toks[k+1].Fold {
		case "north", "south", "east", "west", "northbound", "southbound", "eastbound", "westbound":
			return true
		}
	}
	if i > 0 {
		switch toks[i-1].Fold {
		case "take", "took", "taking", "via", "along", "onto", "off":
			return true
		case "on":
			return k+1 == len(toks) || toks[k+1].Kind == segment.Punct // "stranded drivers on U.S. 95."
		}
	}
	return false
}

// crosswordAnswer reports whether toks are a crossword's clue and its
// answer: a clue's number and direction, or the word "clue", before the
// answer.
func crosswordAnswer(toks []segment.Token) bool {
	for k := 1; k < len(toks); k++ {
		if (toks[k].Norm == "Down" || toks[k].Norm == "Across") && toks[k-1].Kind == segment.Number || toks[k].Fold == "clue" {
			return true
		}
	}
	return false
}

// crosswordClue reports whether toks are a crossword's clue: they end in
// the answer's length, "(6)" or "(4,5)", and name the puzzle or the
// clue's direction ("14 down:").
func crosswordClue(toks []segment.Token) bool {
	n := len(toks)
	if n > 0 && toks[n-1].Norm == "." {
		n--
	}
	if n < 4 || toks[n-1].Norm != ")" || toks[n-2].Kind != segment.Number || toks[n-3].Norm != "(" {
		return false
	}
	return puzzleIn(toks) || slices.ContainsFunc(toks[:n], func(t segment.Token) bool { return t.Fold == "down" })
}

// foldedOnly reports, for an untagged word, what tagFolded says: that its
// folded form begins an alias and no alias begins with it or its folded
// form as written.
func (m *matcher) foldedOnly(t *segment.Token) bool {
	r := m.roots.get(t.Fold)
	return r.folded != nil && r.exact == nil && m.roots.get(t.Norm).exact == nil
}

// upperWord reports whether the ASCII word w has no lower-case letter.
func upperWord(w string) bool {
	for k := 0; k < len(w); k++ {
		if w[k] >= 'a' && w[k] <= 'z' {
			return false
		}
	}
	return true
}

// rootOf returns the trie node under token t as the first token of an
// alias, or nil. It is small enough to be inlined: a tagged word's node is
// read from its tag, rootExact[0] being nil for words that begin no alias.
func (m *matcher) rootOf(t *segment.Token) *trieNode {
	if t.Tag == 0 {
		return m.roots.get(t.Norm).exact
	}
	return m.rootExact[t.Tag>>tagRootBit]
}

// matchParts finds mentions inside a hyphenated compound: "Sino-Pakistani",
// "Pak-China", "US-led". The last part may begin a name that goes on
// past the compound ("US-North Korea talks", "Indo-Sri Lankan"). It
// returns the index of the token after the compound and such a name.
func (s *scan) matchParts(i int) int {
	m, toks := s.m, s.toks
	t := &toks[i]
	// A compound in capitals is read as in a headline in capitals, in
	// any sentence: "ETHIOPIA-SOMALIA ROW: Turkey to Host Talks".
	caps := s.caps || t.Flags&segment.AllCaps != 0
	next := i + 1
	if !caps && t.Norm == t.Fold && !m.lowerParts {
		// A compound in lower case ("long-term") holds no alias when
		// every one-word alias and combining form has a capital.
		return next
	}
	s.parts = segment.Parts(s.text, *t, s.parts[:0])
	parts := s.parts
	if len(parts) < 2 || m.community(toks, i, parts) || phraseCompound(parts) || fairAt(toks, next, parts) {
		return next
	}
	for k, p := range parts {
		w, f := p.Norm, p.Fold
		if k == 0 && s.intoNext == i {
			continue // the end of a name the compound before began: "Korea" of "Japan-South Korea-China"
		}
		if !caps && !m.lowerParts && w == f {
			continue // a part in lower case ("anti-", "-led")
		}
		var ref *aliasRef
		start, tok0, end := p.Start, i, p.End
		if k == 0 && i > 0 && toks[i-1].Flags&segment.Capitalized != 0 {
			first := w
			if caps {
				first = f
			}
			if r, j := s.nameIntoCompound(i, first, caps); r != nil {
				// "Hong Kong-based", "Saudi Arabia-led": the name began
				// before the compound, and what was found of it there
				// ("Saudi") gives way to it. It is read as a part would
				// be: "Hong Kong-style milk tea" is no mention.
				for len(s.dst) > 0 && s.dst[len(s.dst)-1].tok0 >= j {
					s.dst = s.dst[:len(s.dst)-1]
				}
				ref, start, tok0 = r, toks[j].Start, j
			}
		}
		// The last part's root is looked up first, to see whether a name
		// goes on past the compound, and kept for the lookups below.
		last := k == len(parts)-1 && next < len(toks)
		var root *trieNode
		if last {
			root = m.roots.get(w).exact
			var folded *trieNode
			if caps {
				folded = m.roots.get(f).folded
			}
			if r, n := longest(toks, i, root, folded, s.date); n > 1 && !r.blocker {
				ref, next, end = r, i+n, toks[i+n-1].End
			} else if n > 1 && parts[0].Norm != parts[0].Fold {
				// A place past a pair of names is no state: "the EU-Latin
				// America summit". After a prefix in lower case the blocker
				// so found is left alone: in "post-Soviet Russia" the state
				// past the compound is today's.
				next = i + n
				continue
			} else if r, e := s.intoCompound(root, folded, next); r != nil {
				ref, end = r, e
			}
		}
		if ref == nil {
			if c := m.combining.get(w); c != nil {
				ref = c
			} else {
				if !last {
					root = m.roots.get(w).exact
				}
				if root != nil {
					ref = pick(root.aliases, time.Time{}, false)
				} else if caps {
					if c := m.combFold.get(f); c != nil {
						ref = c
					} else if n := m.roots.get(f).folded; n != nil {
						ref = pick(n.aliases, time.Time{}, true)
					}
				}
			}
		}
		if ref != nil && (ref.kind == "person" || ref.ambiguous && !othersLower(parts, k) && !m.othersStates(parts, k) && !(s.inHeadline() && othersParticiples(parts, k))) {
			// A person, or a name in a name ("Georgia-Pacific"); but
			// "Russo-Georgian", and a headline's "Georgian-Flagged Tanker".
			ref = nil
		}
		if ref == nil || ref.blocker || ref.placed || ref.with != nil || len(ref.not) > 0 && !originPart(parts, k+1) && s.vetoed(ref) {
			continue // a capital placed only by its state's name is not read in a compound ("San Jose-based"), nor an abbreviation read only beside its words ("CAR-T")
		}
		if root != nil && k+1 < len(parts) && blockedBy(root, parts[k+1].Norm) {
			continue // a blocker written with a hyphen: "an Ankara-print jumpsuit", "a Panama-hat maker"
		}
		if k+1 < len(parts) && (styleWords[parts[k+1].Fold] || parts[k+1].Fold == "speaking" || ref.kind == "demonym" && langWords[parts[k+1].Fold]) {
			continue // "Russian-speaking", "Tonga-speaking", "Spanish-language", "Moroccan-style tiles", "Tokyo-style flats"
		}
		if k > 0 && parts[k-1].Fold == "trans" && parts[k-1].Norm != "trans" {
			continue // a route named across it: "the Trans-Gabon Railway", "the Trans-Canada Highway"; but "the trans-Afghan railway" would cross the state
		}
		if ref.kind == "combining" && len(ref.ids) == 1 && othersLower(parts, k) {
			continue // a combining form needs a partner: "Franco-era", "Pak-choi"
		}
		tok1 := max(i+1, next)
		if s.intoNext == i+1 && last {
			tok1 = i + 2
		}
		for j, id := range ref.ids {
			s.dst = append(s.dst, Mention{
				Target: id, Name: ref.names[j], Kind: ref.kind,
				Text: s.text[start:end], Span: Span{s.base + start, s.base + end},
				tok0: tok0, tok1: tok1,
			})
		}
	}
	return next
}

// fairAt reports whether the words from token j, after a compound, name
// the compound a trade fair or a firm: "the China-ASEAN Expo", "the
// China-South Asia Expo", an event named after its parties as a grand prix
// is after its state; "Pak-Libya Holding Company", "Pak-Oman Investment
// Company", a joint venture of the two, whose parts are all names (not
// "a Canada-based company"). A summit is their meeting ("the Anglo-Irish
// Summit"), and keeps them.
func fairAt(toks []segment.Token, j int, parts []segment.Token) bool {
	for end := min(j+3, len(toks)); j < end && toks[j].Flags&(segment.Capitalized|segment.AllCaps) != 0; j++ {
		switch toks[j].Fold {
		case "expo", "exposition":
			return true
		case "holding", "holdings", "company", "corporation":
			return !slices.ContainsFunc(parts, func(p segment.Token) bool { return p.Kind == segment.Word && startsLower(p.Norm) })
		}
	}
	return false
}

// originPart reports whether parts[k] says that what the part before it
// names is where someone or something comes from: "a Danish-born baker"
// is no pastry, whatever words of baking veto "Danish" in the sentence.
func originPart(parts []segment.Token, k int) bool {
	if k >= len(parts) {
		return false
	}
	switch parts[k].Fold {
	case "born", "raised", "educated", "trained":
		return true
	}
	return false
}

// blockedBy reports whether the alias at trie node n and the word w after
// it make a blocker.
func blockedBy(n *trieNode, w string) bool {
	if !n.mayHave(w) {
		return false
	}
	c := n.next.get(w)
	return c != nil && len(c.aliases) > 0 && c.aliases[0].blocker
}

// intoCompound returns the alias of two words whose first is the last
// part of a compound, at trie node exact as written or folded in a
// headline in capitals, and whose second is the first part of the
// compound at token j ("Japan-South Korea-China"), and the alias's end;
// it marks token j's first part as read. It returns nil when there is no
// such alias.
func (s *scan) intoCompound(exact, folded *trieNode, j int) (*aliasRef, int) {
	t := &s.toks[j]
	if exact == nil && folded == nil || t.Flags&segment.Hyphenated == 0 {
		return nil, 0
	}
	h := strings.IndexByte(t.Norm, '-')
	if h <= 0 {
		return nil, 0
	}
	var a *aliasRef
	if exact != nil && exact.mayHave(t.Norm[:h]) {
		if c := exact.next.get(t.Norm[:h]); c != nil {
			a = c.first
		}
	}
	if a == nil && folded != nil && folded.mayHave(t.Fold[:h]) {
		if c := folded.next.get(t.Fold[:h]); c != nil {
			a = pick(c.aliases, s.date, true)
		}
	}
	if a == nil || a.blocker {
		return nil, 0
	}
	s.intoNext = j
	return a, t.Start + h
}

// nameIntoCompound returns the alias of two or three words, if any, that
// the one or two capitalised words before token i begin and the first
// part of its compound, first, ends, and the index of its first token. In
// capitals the words are read folded.
func (s *scan) nameIntoCompound(i int, first string, caps bool) (*aliasRef, int) {
	toks := s.toks
	for j := max(i-2, 0); j < i; j++ { // the longer name first: "Papua New Guinea", not "New Guinea"
		if !allCapitalised(toks[j:i]) {
			continue
		}
		var n *trieNode
		if caps {
			// In capitals the folded trie is read: "COSTA RICA-LED PUSH".
			n = s.m.roots.get(toks[j].Fold).folded
			for q := j + 1; q < i && n != nil; q++ {
				n = n.next.get(toks[q].Fold)
			}
		} else {
			n = s.m.roots.get(toks[j].Norm).exact
			for q := j + 1; q < i && n != nil; q++ {
				n = n.next.get(toks[q].Norm)
			}
		}
		if n == nil {
			continue
		}
		if n = n.next.get(first); n != nil {
			if a := pick(n.aliases, s.date, false); a != nil {
				return a, j
			}
		}
	}
	return nil, -1
}

// allCapitalised reports whether every token of toks is a capitalised word.
func allCapitalised(toks []segment.Token) bool {
	for k := range toks {
		if toks[k].Kind != segment.Word || toks[k].Flags&segment.Capitalized == 0 {
			return false
		}
	}
	return true
}

// community reports whether the compound at token i, split into parts,
// names an ethnic community of the United States ("Jamaican-American
// singer", "Korean-Americans"), not its two states, unless a word of
// relations follows ("Russian-American relations").
func (m *matcher) community(toks []segment.Token, i int, parts []segment.Token) bool {
	if len(parts) != 2 || !isAmerican(parts[1].Fold) {
		return false
	}
	n := m.roots.get(parts[0].Norm).exact
	if n == nil || len(n.aliases) == 0 || n.aliases[0].kind != "demonym" {
		// A combining form names the pair of states unless the compound
		// says people: "Franco-Americans", "Franco-American families",
		// but "Franco-American relations", "the Sino-American rivalry".
		return m.combining.get(parts[0].Norm) != nil &&
			(parts[1].Fold == "americans" || i+1 < len(toks) && peopleNouns[toks[i+1].Fold])
	}
	return !beforeRelation(toks, i+1)
}

// peopleNouns, after a combining form joined to "American", make the
// compound a community of the United States (see community).
// whoAfter are the people a relative "who" follows in a headline in
// capitals: "FAMILIES WHO LOST HOMES".
var whoAfter = setOf(strings.Fields(`those people men women children families migrants refugees voters workers
	residents farmers students patients parents victims survivors man woman boy girl teenager teen child
	mother father student worker doctor nurse veteran actor actress singer star player writer author artist`)...) // "THE TEENAGER WHO BUILT A ROCKET"

var peopleNouns = setOf(strings.Fields(`families family community communities heritage descent population
	immigrants settlers descendants enclave neighbourhood neighborhood parish parishes`)...)

// relationWords are nouns of dealings between states: after a compound of
// two demonyms they make it the pair of states.
var relationWords = newWordSet(`relations relationship ties talks summit alliance partnership trade
	dialogue cooperation rivalry deal agreement treaty war border friendship tensions`, false)

// othersLower reports whether every part of a compound but part k begins
// in lower case: then an ambiguous alias in it is the place ("Washington-led",
// "Jordan-based"), not part of a double name.
// phraseCompound reports whether a compound is a phrase written with
// hyphens ("road-to-Damascus", "Ghana-must-go bags"): three parts or more,
// two of them in lower case. A state's name in one is part of the phrase.
func phraseCompound(parts []segment.Token) bool {
	if len(parts) < 3 {
		return false
	}
	lower := 0
	for _, p := range parts {
		if startsLower(p.Norm) {
			lower++
		}
	}
	return lower >= 2
}

// styleWords, after a demonym, a name or a capital in a compound, make it a
// style or a flavour rather than the people or the state ("Moroccan-style
// tiles", "Thai-inspired", "Tokyo-style flats", "a Cyprus-type deposit",
// "Cuban-heeled boots").
var styleWords = setOf("style", "styled", "type", "spiced", "flavoured", "flavored", "inspired", "themed", "heeled")

// othersParticiples reports whether the parts but parts[k] are
// participles in "-ed", which a headline writes with a capital:
// "Georgian-Flagged", "Jordan-Based".
func othersParticiples(parts []segment.Token, k int) bool {
	for j := range parts {
		if j != k && !strings.HasSuffix(parts[j].Fold, "ed") {
			return false
		}
	}
	return true
}

func othersLower(parts []segment.Token, k int) bool {
	for j := range parts {
		if j != k && !startsLower(parts[j].Norm) {
			return false
		}
	}
	return true
}

// othersStates reports whether every part of a compound but part k is a
// combining form or an unambiguous name or demonym of a state: then an
// ambiguous alias in it is a state too ("Russo-Georgian", "Armenian-Georgian").
func (m *matcher) othersStates(parts []segment.Token, k int) bool {
	for j := range parts {
		if j == k {
			continue
		}
		if m.combining.get(parts[j].Norm) != nil {
			continue
		}
		n := m.roots.get(parts[j].Norm).exact
		if n == nil || len(n.aliases) == 0 {
			return false
		}
		if a := n.aliases[0]; a.blocker || a.ambiguous || a.kind == "person" {
			return false
		}
	}
	return true
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for k := 0; k < len(s); k++ {
		if s[k] >= 0x80 {
			return false
		}
	}
	return true
}

// Values of aliasRef.sense.
const (
	senseDemonym = 1 // part of a name ("Philippine Airlines")
	senseName    = 2 // a namesake town, a club or part of a name ("Kenya Airways")
	senseCapital = 4 // of kindWords only: words that make a capital the name of a treaty
)

// newWordSet returns the set of the space-separated words of s; with
// title set, of the words with their first letter in upper case, and in
// capitals.
func newWordSet(s string, title bool) map[string]bool {
	set := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		if title {
			set[strings.ToUpper(w)] = true // as written in an all-caps headline
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		set[w] = true
	}
	return set
}

// nameHeads are capitalised words that, right after a state's name or
// capital, or a demonym, make the pair the name of something else: an
// airline, a street, a venue, a team, a league, a newspaper ("Kenya
// Airways", "Islamabad Expressway", "Islamabad United", "Pakistan Super
// League", "China Daily", "Bahrain Grand Prix"), an event ("the Puerto
// Rican Day Parade"), a company ("American Media Inc."). They are not
// read in headlines, where every word is capitalised ("China Road Deal
// Stalls"), except strongHeads.
var nameHeads = newWordSet(`airlines airways airport road street avenue boulevard lane highway
	expressway motorway chowk square gate bridge station stadium hotel mall tower towers club
	university college school hospital museum zoo league liga regiment gambit super olympics games open masters
	international daily today herald tribune observer gazette television united FC grand
	stakes derby breweries brewery ferries ferry railways railway theatre theater arena
	institute distillers distillery lions hill center centre opening quarter times conference arch
	island highlands river church cathedral mosque temple cup ekstraklasa extraliga market day parade festival
	inc inc. corp corp. corporation ltd ltd. plc llc holdings society association exchange`, true)

// kindWords are the nouns that, after a state's name, demonym or capital,
// make the phrase the name of a kind of thing found anywhere: a cuisine,
// a thing made or played in a style, or the words of a language after a
// demonym ("a Jamaican restaurant", "Thai cuisine", "a Canadian canoe",
// "Brazilian funk", "the Korean vocabulary"; "a Paris café" is in Paris), a
// species of plant or animal after any of them ("Chilean bellflower",
// "Korean fir", "Congo tetras", "Paris daisies"), a treaty after a capital
// ("the Ottawa Convention"). The value is the senses (senseDemonym,
// senseName, senseCapital) it applies to. Nouns of things that are also
// traded by origin (roses, oak, maple, palm, teak, pine) are left out: "Kenyan
// roses", "French oak" and "Malaysian palm oil" come from there, as
// "Indonesian cooking oil" does (see qualifiedAt); so are words that name
// a place or a person there ("the Australian bush", "the Chinese setter"
// of a volleyball team).
var kindWords = func() *kindSet {
	k := newKindSet(`restaurant restaurants takeaway takeaways eatery eateries canteen canteens cuisine
		cookery cooking recipe recipes dish dishes bistro bistros café cafés cafe cafes bakery bakeries
		deli delis buffet buffets biscuit biscuits bun buns pastry pastries plov spaghetti halwa cake cakes bread breads curry curries patty patties
		canoe canoes`, senseDemonym)
	k.add(`bellflower bellflowers fleabane anemone anemones balsam iris irises
		begonia begonias daisy daisies lily lilies knotweed honeysuckle clematis lilac lilacs bluebell bluebells poppy poppies aster
		asters fern ferns shrub shrubs fir firs spruce spruces laurel laurels elm elms cypress cypresses
		spaniel spaniels terrier terriers hound hounds wolfhound wolfhounds mastiff
		mastiffs sheepdog sheepdogs retriever retrievers goose geese wasp wasps hornet hornets
		beetle beetles mantis mantises cockroach cockroaches tetra tetras cichlid cichlids gecko geckos
		frog frogs viper vipers kestrel kestrels eagle eagles owl owls parakeet parakeets
		myna mynas mynah mynahs finch finches sparrow sparrows moth moths butterfly butterflies
		tilapia catfish salamander salamanders lizard lizards tortoise tortoises cobra cobras
		bulldog bulldogs gooseberry gooseberries hyacinth hyacinths guava guavas papaya papayas tamarind
		acacia acacias sunbird sunbirds colobus braids twists plait plaits
		babbler babblers chameleon chameleons hemorrhagic haemorrhagic heron herons vulture vultures
		plover plovers frogmouth frogmouths bantam bantams grouper groupers
		medlar medlars hedgehog hedgehogs creeper creepers hen hens rooster roosters
		coelacanth coelacanths grass grasses gull gulls cat cats kitten kittens warbler warblers
		crow crows raven ravens magpie magpies cactus cacti cactuses flatworm flatworms kingfisher kingfishers
		mole-rat mole-rats squirrel squirrels skink skinks snail snails crocodile crocodiles alligator alligators slug slugs`, senseDemonym|senseName)
	k.add(`festival festivals`, senseDemonym) // of a people's culture, held anywhere: "Irish festivals in Ohio"
	k.add(`teacup teacups teapot teapots saucer saucers tableware dinnerware figurine figurines`, senseName)
	k.add(`frontman frontwoman`, senseName) // a band's: "Beirut frontman Zach Condon"; "American frontman" says where he is from
	k.add(`sisters brothers`, senseName)    // a family's: "the five Lisbon sisters", "the Jordan brothers"; "Chinese sisters" says where they are from
	k.add(`sweater sweaters jumper jumpers lace voile garden gardens massage massages hammam hammams style kilim kilims edition editions
		blouse blouses funk salsa vocabulary grammar loanword loanwords harp harps
		subtitles subtitle surtitles surtitle captions dubbing lessons classes courses tutor tutors textbook textbooks dictionary dictionaries
		translator translators translation translations immersion manicure manicures pedicure pedicures
		blowout blowouts blow-dry blow-dries blowdry blowdries plate typeface typefaces font fonts keyboard keyboards
		sandstone limestone modernism realism impressionism expressionism regionalism minimalism`, senseDemonym) // "the Indian plate" of the Earth's crust; "Russian plates" are cars' too
	// A treaty or declaration takes the name of the city where it was
	// signed ("the Ottawa Convention", "the Oslo Accords", "the Paris
	// Agreement"); a treaty with a state takes the state's name ("the
	// Iran agreement").
	k.add(`convention conventions accord accords agreement agreements declaration protocol`, senseCapital)
	// A city has no border: "near the Washington border" is the US
	// state's, as a state's name before it is the state's ("the China
	// border").
	k.add(`border`, senseCapital)
	return k
}()

// namedAfterCity are the words that, before "of" and a capital, make the
// phrase the name of an event or of another place: treaties and congresses
// take the name of the city where they were signed or met ("the Treaty of
// Bucharest", "the Congress of Vienna"), and no capital is a village ("the
// village of Paris in the Chelyabinsk region"). Each capital is given them
// as words that make it part of a blocker (see matcher.after). So are
// battles and sieges fought there ("the Battle of Algiers"), and gulfs and
// bays ("the Gulf of Riga").
var namedAfterCity = []string{"treaty", "peace", "congress", "protocol", "convention", "declaration",
	"battle", "siege", "village", "hamlet", "township", "gulf", "bay"}

// householdGoods are the goods listed with china (see otherThing).
var householdGoods = setOf(strings.Fields(`glass glassware silver silverware crystal cutlery crockery linen linens
	furniture pottery porcelain ceramics antiques jewellery jewelry`)...)

// porcelainWords, in a sentence, make a "China" that opens it or follows a
// possessive the porcelain (see otherThing).
var porcelainWords = strings.Fields(`meissen wedgwood spode limoges sèvres dinner dinnerware teacup teacups
	saucer saucers hand-wash hand-washed dishwasher-safe porcelain crockery auction heirloom heirlooms`)

// porcelainBloom has the wordBit of every word of porcelainWords.
var porcelainBloom = func() (b uint64) {
	for _, w := range porcelainWords {
		b |= wordBit(w)
	}
	return b
}()

// porcelainIn reports whether toks hold one of porcelainWords. Most
// sentences that open with "China" are about the state, so each word is
// read through porcelainBloom first.
func porcelainIn(toks []segment.Token) bool {
	for i := range toks {
		if f := toks[i].Fold; porcelainBloom&wordBit(f) != 0 && slices.Contains(porcelainWords, f) {
			return true
		}
	}
	return false
}

// tableware are the household goods that, right after "and", make
// china the porcelain (see otherThing).
var tableware = setOf(strings.Fields(`glass glassware silverware crystal cutlery crockery porcelain linen linens`)...)

// regionAfter returns the number of tokens, from k, of a direction word
// if there is one ("western", "central") and a state of the United States
// or Australia or a province of Canada that follows it, or 0.
func regionAfter(toks []segment.Token, k int) int {
	start := k
	if k < len(toks) && regionDirection(toks[k].Fold) {
		k++
	}
	switch {
	case k >= len(toks):
		return 0
	case usStates[toks[k].Norm]:
		return k + 1 - start
	case k+1 < len(toks) && isStatePair(toks[k].Norm, toks[k+1].Norm):
		return k + 2 - start
	case k+2 < len(toks) && toks[k].Norm == "New" && toks[k+1].Norm == "South" && toks[k+2].Norm == "Wales":
		return k + 3 - start
	}
	return 0
}

// regionAhead reports whether regionAfter may find a region at token k: a
// cheap first test, asked after every name followed by "in", that reads
// the sentence's tags for a US state or a Canadian or Australian one
// before reading the words.
func (s *scan) regionAhead(k int) bool {
	if s.v.tags&tagState == 0 && !(k+1 < len(s.toks) && (s.toks[k].Norm == "New" || s.toks[k+1].Norm == "New")) {
		return false
	}
	return regionAfter(s.toks, k) > 0
}

// regionDirection reports whether w places a town within a region:
// "western Ohio", "central-west New South Wales".
func regionDirection(w string) bool {
	switch w {
	case "central", "northern", "southern", "eastern", "western", "rural", "upstate", "far",
		"north", "south", "east", "west", "northeastern", "northwestern", "southeastern", "southwestern",
		"north-east", "north-west", "south-east", "south-west", "central-west", "central-east":
		return true
	}
	return false
}

// regionalCapital reports whether the capital of the state id lies in one
// of the regions regionAfter reads: "Ottawa in Ontario" is the capital.
func regionalCapital(id string) bool {
	return id == "USA" || id == "CAN" || id == "AUS" || id == "MEX"
}

// townPlurals, before "of" and a state's name paired with another town
// and a US state, make both towns of that state (see townPairAfter).
var townPlurals = []string{"towns", "villages", "hamlets", "townships", "boroughs"}

// townPairAfter reports whether the tokens from k name a second town and
// the US state of both: "(the villages of Belgium) and Luxemburg,
// Wisconsin,".
func townPairAfter(toks []segment.Token, k int) bool {
	if k+3 >= len(toks) || toks[k].Norm != "and" || toks[k+1].Kind != segment.Word ||
		toks[k+1].Flags&segment.Capitalized == 0 || toks[k+2].Norm != "," {
		return false
	}
	return usStates[toks[k+3].Norm] || k+4 < len(toks) && isStatePair(toks[k+3].Norm, toks[k+4].Norm)
}

// townWords, before "of" and a state's name, make it the name of a town:
// "the town of Denmark, near Albany", "the village of Lebanon, Ohio". The
// plural is left out: "the towns of Norway" are more often in Norway.
var townWords = []string{"town", "village", "hamlet", "township", "borough", "shire"}

// languageNames are the names of languages that follow a demonym as a
// language spoken there or elsewhere, capitalised as languages are ("Haitian
// Creole", "Mexican Spanish", "Indian English"), the first word of a sign
// language ("Kenyan Sign Language"), and the words for the script a
// language is written in ("Georgian script"). Other languages that are
// themselves demonyms ("Brazilian Portuguese") are left to the
// gazetteer's blockers.
var languageNames = newKindSet(`creole pidgin patois hokkien cantonese mandarin arabic darija
	guarani guaraní sign script alphabet syllabary english spanish french portuguese german`, senseDemonym)

// kindFilter passes every word of kindWords and languageNames: a cheap first
// test for the word after each mention.
var kindFilter = func() wordFilter {
	f := kindWords.filter
	for k := range f {
		f[k] |= languageNames.filter[k]
	}
	return f
}()

// A kindSet holds words with the senses they apply to.
type kindSet struct {
	filter wordFilter // a cheap first test
	senses map[string]uint8
}

func newKindSet(words string, sense uint8) *kindSet {
	k := &kindSet{senses: map[string]uint8{}}
	k.add(words, sense)
	return k
}

// add adds the words, separated by white space, with the senses.
func (k *kindSet) add(words string, sense uint8) {
	for w := range strings.FieldsSeq(words) {
		k.senses[w] |= sense
		k.filter.add(w)
	}
}

// A wordFilter tells at the cost of a few instructions that a word is not
// in a set, for sets that a word of a sentence is rarely in: a bit for each
// word of the set among 4096, chosen by a hash of the word's length and of
// its first, middle and last bytes. About one word in twenty-five outside a
// set of a hundred and fifty passes.
type wordFilter [64]uint64

func filterBit(w string) uint {
	x := uint64(len(w)) | uint64(w[0])<<8 | uint64(w[len(w)-1])<<16 | uint64(w[len(w)/2])<<24
	return uint(x * 0x9e3779b97f4a7c15 >> 52)
}

func (f *wordFilter) add(w string) {
	if w != "" {
		b := filterBit(w)
		f[b>>6] |= 1 << (b & 63)
	}
}

// mayHave reports whether w may be in the set: false means it is not.
func (f *wordFilter) mayHave(w string) bool {
	if w == "" {
		return false
	}
	b := filterBit(w)
	return f[b>>6]>>(b&63)&1 != 0
}

// strongHeads are the nameHeads that are never verbs or plain nouns in a
// headline, so that they are read there too ("Kenya Airways Returns to
// Profit"). "Airport", "Expressway" and "Motorway" are not: a headline's
// "Vilnius Airport" or "Nairobi Expressway" is as well the city's airport
// or road, which in lower case names the city.
var strongHeads = newWordSet(`airlines airways stadium olympics gambit`, true)

// isParticle reports whether w joins the parts of names in Romance
// languages: a state's name or capital after one, with a capital before
// it, is part of such a name, a street's, a person's or a firm's ("Rue de
// Tunis", "Antonio José de Sucre", "Gaz de France").
func isParticle(w string) bool {
	if len(w) < 2 || w[0] != 'd' {
		return false // most words, at the cost of one comparison
	}
	switch w {
	case "de", "du", "des", "del", "della", "da", "do", "dos", "das":
		return true
	}
	return false
}

// clubPrefixes are capitalised words that, right before a capital or a
// state's name, make a sports club of it ("Real Madrid", "Dynamo Kyiv",
// "FC Tokyo"), a street in Spanish, Portuguese or French ("Calle
// Venezuela", "Avenida Brasil"), a neighbourhood of a city elsewhere
// ("Little Jamaica"), a pageant's title ("Miss India") or a ship ("MS
// Estonia", "HMS Ceylon", "SS Great Britain").
var clubPrefixes = newWordSet(`real atletico dynamo dinamo spartak lokomotiv sporting hertha
	partizan CSKA ajax rapid slavia sparta legia hapoel maccabi lazio star
	calle avenida rua praça rue little miss mr hms hmas hmcs hmnzs uss ss ms mv rms FC FK AS`, true)

// usStates are the US states, Canadian provinces and Australian states
// (those of one word that is no other name), and the British counties with
// towns named after a capital, that, after a comma, make the town before
// them a namesake of a capital or a state ("Lima, Ohio", "Cairo,
// Illinois", "Lebanon, Pennsylvania", "Wellington, Shropshire"); usStateAbbrevs are
// read only when a period follows ("Athens, Ga."). States whose names are
// also cities or states elsewhere (New York, Washington, Georgia) are left
// out, so that a list such as "Paris, New York and Tokyo" keeps Paris.
var usStates = newWordSet(`alabama alaska arizona arkansas california colorado connecticut
	delaware florida hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland
	massachusetts michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma
	oregon pennsylvania tennessee texas utah vermont virginia wisconsin wyoming
	ontario quebec alberta manitoba saskatchewan newfoundland yukon queensland tasmania
	shropshire somerset ayrshire`, true)

// isStatePair reports whether a and b are a US state, a Canadian province
// or a Mexican state of two words that is not also a city or a place
// elsewhere (New York: see inNewYork). Their second words are in
// usStates or usStateSeconds, so that they are tagged as usStates are.
func isStatePair(a, b string) bool {
	switch a {
	case "New":
		return b == "Hampshire" || b == "Jersey" || b == "Mexico" || b == "Brunswick"
	case "British":
		return b == "Columbia"
	case "Nova":
		return b == "Scotia"
	case "North", "South":
		return b == "Carolina" || b == "Dakota"
	case "West":
		return b == "Virginia"
	case "Rhode":
		return b == "Island"
	case "Baja":
		return b == "California" // and "Baja California Sur": "La Paz, Baja California Sur"
	}
	return false
}

// usStateSeconds are words of the states isStatePair knows.
var usStateSeconds = newWordSet(`hampshire jersey mexico carolina dakota rhode brunswick columbia scotia york`, true)

// usStateAbbrevs are the news-agency abbreviations of US states.
var usStateAbbrevs = newWordSet(`ala ariz ark calif colo conn del fla ga ill ind kan ky la md
	mass mich minn miss mo mont neb nev okla ore pa tenn vt va wash wis wyo ont`, true)

// usStateDotted are the abbreviations of two-word US states written with
// their periods, one token each ("Bogota, N.J."), and of New South Wales,
// written in capitals ("Wellington, NSW"). "D.C." is not one: "Washington,
// D.C." is the capital.
var usStateDotted = newWordSet(`N.J. N.Y. N.C. S.C. N.H. N.M. N.D. S.D. R.I. NSW`, false)

// langWords are words that, as the second part of a compound, make the
// demonym before them a language: "Russian-speaking", "Spanish-language".
// The gazetteer blocks the same words written apart ("Russian speakers").
var langWords = newWordSet(`language languages speaker speakers speaking dialect dialects`, false)

// otherSense reports whether the alias ref at tokens [i, i+n) is read in
// a sense other than the state: a namesake town, a club, or part of the
// name of an airline, a street or a venue. It is called only when the
// tags of the sentence have a word it looks for (s.senses) and one is next
// to the alias (senseNear).
func (s *scan) otherSense(i, n int, ref *aliasRef) bool {
	toks := s.toks
	j := i + n
	if ref.sense == senseName && nameOfPlace(toks, i, j) && (!s.caps || i == 0 || toks[i-1].Norm != "AS") { // "AS Kigali"; not "SHILLING FALLS AS KENYA CUTS RATES"
		s.namesake = ref
		return true
	}
	if j >= len(toks) || !capitalIn(&toks[j], tagHead, nameHeads) {
		return false
	}
	return !s.inHeadline() || strongHeads[toks[j].Norm]
}

// senseNear reports whether otherSense may find another sense of the
// alias at tokens [i, j), whose sense is sense: whether a club's prefix is
// before a name, or a comma or a head word after it (a word the tokenizer
// did not tag may be either). It spares most mentions the call.
func senseNear(toks []segment.Token, i, j int, sense uint8) bool {
	if j < len(toks) && (capitalMaybe(&toks[j], tagHead) || sense == senseName && toks[j].Norm == ",") {
		return true
	}
	return sense == senseName && i > 0 && (capitalMaybe(&toks[i-1], tagClub) || i > 1 && toks[i-1].Kind == segment.Number && capitalMaybe(&toks[i-2], tagClub))
}

// capitalMaybe reports whether t may be a capitalised word of those tagged
// bit: it is capitalised, and tagged so or not tagged at all.
func capitalMaybe(t *segment.Token, bit uint32) bool {
	return t.Flags&segment.Capitalized != 0 && (t.Tag&bit != 0 || t.Tag == 0)
}

// capitalIn reports whether t is a capitalised word of f, whose tag bit
// is bit: through its tag when the matcher's Tagger gave it one. A nil f
// accepts every untagged capitalised word, for a caller that checks the
// word itself.
func capitalIn(t *segment.Token, bit uint32, f map[string]bool) bool {
	if t.Flags&segment.Capitalized == 0 {
		return false
	}
	if t.Tag != 0 {
		return t.Tag&bit != 0
	}
	return f == nil || f[t.Norm]
}

// inNewYork reports whether the words from token j, right after "X, New
// York", make X a town in the state: a comma and a lower-case word, as
// in "Greece, New York, a suburb of Rochester", or a parenthesis. A list
// of cities goes on with a name or "and": "Paris, New York and Tokyo",
// "Paris, New York, London".
func inNewYork(toks []segment.Token, j int) bool {
	switch toks[j].Norm {
	case "(":
		return true
	case ",":
		w := toks[j+1].Norm
		return toks[j+1].Kind == segment.Word && startsLower(w) && w != "and" && w != "or"
	}
	return false
}

// nameOfPlace reports whether the name or capital at tokens [i, j) is a
// namesake town followed by its US state or province ("Dublin, Ohio"), or
// the name of a club ("Real Madrid").
func nameOfPlace(toks []segment.Token, i, j int) bool {
	if i > 0 && capitalIn(&toks[i-1], tagClub, clubPrefixes) ||
		i > 1 && toks[i-1].Kind == segment.Number && capitalIn(&toks[i-2], tagClub, clubPrefixes) { // "FC 105 Libreville"
		return true
	}
	if j+1 >= len(toks) || toks[j].Norm != "," {
		return false
	}
	t := &toks[j+1]
	if j+2 < len(toks) && isStatePair(t.Norm, toks[j+2].Norm) {
		return true // "Berlin, New Hampshire"
	}
	if j+4 < len(toks) && t.Norm == "New" && toks[j+2].Norm == "York" && inNewYork(toks, j+3) {
		return true // "Greece, New York, a suburb of Rochester"; not "Paris, New York and Tokyo"
	}
	if !capitalIn(t, tagState, nil) {
		return false
	}
	if usStates[t.Norm] {
		return !ownProvince(toks[i].Fold, t.Fold)
	}
	if w, ok := strings.CutSuffix(t.Norm, "."); ok && usStateAbbrevs[w] {
		return !ownProvince(toks[i].Fold, strings.ToLower(w)) // "Fla." before "(AP)" is one token
	}
	return usStateDotted[t.Norm] || j+2 < len(toks) && toks[j+2].Norm == "." && usStateAbbrevs[t.Norm]
}

// ownProvince reports whether the province after a capital, both folded,
// is the capital's own: "OTTAWA, Ontario (AP)" is Canada's capital, as
// "Ottawa, Kansas" is not.
func ownProvince(capital, province string) bool {
	return capital == "ottawa" && (province == "ontario" || province == "ont")
}
