package stance

// Roles of mentions: markers before them, coordination, speakers, and the
// pronouns that stand for a target.

import (
	"sort"
	"strings"

	"github.com/geostance/geostance/internal/segment"
	"github.com/geostance/geostance/lexicon"
)

// copulaSubject returns the mention that is the subject of a copula at
// most five words before cue c ("Lithuania had been among the bravest",
// "Qatar has proved a most useful go-between"), or -1. The subject stands
// right before the copula and its auxiliaries; nothing between the copula
// and the cue may be punctuation, a target or another evaluative word.
func (sc *scratch) copulaSubject(toks []segment.Token, c *cue) int {
	p := c.t0 - 1
	for ; p >= 0 && p >= c.t0-6; p-- {
		f := sc.fold[p]
		if (sc.bits[p]&wbBe != 0 && f != "'s" && f != "get" && f != "gets" && f != "got" && f != "getting") || sc.bits[p]&wbCopula != 0 {
			break
		}
		if toks[p].Kind == segment.Punct || sc.inMent[p] || sc.bits[p]&(wbAgent|wbFrom) != 0 || sc.bits[p]&wbCopulaBreak != 0 {
			// "has been assailed by Democratic lawmakers": the cue is in a
			// phrase of its own, not what is said of the subject.
			return -1
		}
		if k := sc.cueAt[p]; k >= 0 && sc.cues[k].eval != nil && !sc.cues[k].mood {
			return -1
		}
	}
	if p < 0 || p < c.t0-6 {
		return -1
	}
	for p > 0 && (sc.bits[p-1]&wbBe != 0 && sc.fold[p-1] != "'s" || sc.bits[p-1]&wbAux != 0) {
		p--
	}
	// Of mentions that end together ("the decision on Sergeant
	// Bergdahl"), the longest is the subject.
	m := sc.endingAt(p)
	if m >= 0 && !sc.minfo[m].victim && !sc.minfo[m].ofObject {
		return m
	}
	// "Congressman Young's remarks were offensive", "Serbia's proposal for
	// Kosovo was unworkable": what is said of a thing someone has said or
	// done is said of its possessor, not of a place or object named in it.
	q := p - 1
	if m >= 0 {
		q = sc.mentions[m].tok0 - 1
	}
	for lo := q - 4; q > 0 && q >= lo; q-- {
		if sc.possessive(q) {
			return sc.endingAt(q)
		}
		if toks[q].Kind != segment.Word || sc.inMent[q] || sc.cueAt[q] >= 0 {
			break
		}
	}
	if m < 0 {
		// "the Chinese approach to restructuring its loans remained
		// slow": a demonym that opens the subject, after its determiner,
		// names whose the subject is, not a target inside a phrase after
		// its noun.
		return sc.demonymSubject(toks, p)
	}
	return m
}

// demonymSubject returns a demonym that begins the noun phrase ending
// before token p, right after a determiner at the start of its clause,
// after a comma or after a word that opens a clause ("whereas the Chinese
// approach"), at most eight tokens back; or -1.
func (sc *scratch) demonymSubject(toks []segment.Token, p int) int {
	for q := p - 1; q > 0 && q >= p-8; q-- {
		if toks[q].Kind == segment.Punct {
			return -1
		}
		if !sc.inMent[q] {
			continue
		}
		d := sc.mentOf[q]
		if d < 0 || sc.mentions[d].Kind != "demonym" || sc.mentions[d].tok0 != q {
			continue
		}
		b := q - 1
		if sc.bits[b]&wbDeterminer == 0 || sc.fold[b] == "its" || sc.fold[b] == "their" {
			continue
		}
		if b == 0 || toks[b-1].Kind == segment.Punct || sc.clause[b-1] != sc.clause[b] ||
			sc.bits[b-1]&(wbCausal|wbSubordinate|wbSubjectOpener) != 0 || sc.cueAt[b-1] >= 0 && sc.cues[sc.cueAt[b-1]].contrast != 0 {
			return d
		}
	}
	return -1
}

// endingAt returns the longest named mention (not a pronoun) whose last
// token is just before token i, or -1.
func (sc *scratch) endingAt(i int) int {
	if i <= 0 || i > len(sc.endAt) {
		return -1
	}
	return sc.endAt[i-1]
}

// servesFor are the verbs of "working for X", whose X is the principal.
var servesFor = setOf("working", "work", "works", "worked", "acting", "acts", "acted", "spying", "spied", "spies")

// describeMentions finds each mention's clause, role markers, sources and
// coordination groups.
func (a *Analyzer) describeMentions(sc *scratch, toks []segment.Token) {
	sc.minfo = resize(sc.minfo, len(sc.mentions))
	for i, m := range sc.mentions {
		mi := mentionInfo{clause: sc.clause[m.tok0], group: i}
		mb := sc.markerBefore(m.tok0)
		mi.victim, mi.agentBy, mi.from, mi.ofObject = mb&wbVictim != 0, mb&wbAgent != 0, mb&wbFrom != 0, mb&wbOf != 0
		if mi.victim {
			if p := sc.markerAt(m.tok0); p > 0 && sc.fold[p] == "in" && (officials[sc.fold[p-1]] || findVerbs[sc.fold[p-1]]) {
				// "officials in Hanoi": the state's own people, who speak
				// and act for it; no place or victim. "has found in Beijing
				// a generous lender": the one found.
				mi.victim = false
			}
		}
		mi.between = mb&wbBetween != 0
		mi.victim = mi.victim || sc.harmedObject(toks, m)
		mi.otherHead = sc.tiedNoun(m)
		if p := sc.markerAt(m.tok0); p >= 0 {
			if mi.victim && p > 0 && sc.fold[p] == "for" && servesFor[sc.fold[p-1]] {
				// "hackers working for the North Korean state": the one
				// served is the principal behind the act, not its victim.
				mi.victim = false
			}
			if mb&wbMarker == 0 && sc.bits[p]&wbGive != 0 {
				// "provide Vietnam with patrol vessels", "sold Poland
				// tanks": the first object of a verb of giving is its
				// recipient, not the giver of what follows.
				mi.recipient = true
			}
		}
		sc.minfo[i] = mi
	}
	// Coordination: "Pakistan and China", "China, Russia and Iran", and
	// the two halves of "Sino-Pakistani".
	for i := 1; i < len(sc.mentions); i++ {
		prev, cur := sc.mentions[i-1], sc.mentions[i]
		if sc.minfo[i].clause != sc.minfo[i-1].clause {
			continue
		}
		joined := cur.tok0 <= prev.tok0 // same compound token
		if !joined && cur.tok0 >= prev.tok1 {
			joined = true
			for k := prev.tok1; k < cur.tok0; k++ {
				if sc.bits[k]&wbCoordinator == 0 {
					joined = false
					break
				}
			}
		}
		if !joined && prev.Kind == "demonym" && cur.Kind == "demonym" && cur.tok0 > prev.tok1 {
			joined = headsCoordinated(sc, prev.tok1, cur.tok0)
		}
		if joined {
			g := &sc.minfo[i]
			g.group = sc.minfo[i-1].group
			first := &sc.minfo[g.group]
			// "from Seoul and Tokyo": the marker covers the whole group.
			if !g.victim && !g.agentBy && !g.from && !g.ofObject && !g.between {
				g.victim, g.agentBy, g.from, g.ofObject, g.between = first.victim, first.agentBy, first.from, first.ofObject, first.between
			}
		}
	}
	// Sources: the subject of a reporting verb ("Beijing condemned ...",
	// "Iran's foreign minister said"), the one named after "according to",
	// the agent of a passive one ("criticised by Korea"), or the one named
	// after the verb in an inverted attribution (", said Iran's envoy").
	sc.indexMentions()
	for m := range sc.mentions {
		// "Clapper: Trump rhetoric alarming allies": a name that opens the
		// sentence before a colon is who is quoted after it.
		if mm := &sc.mentions[m]; mm.tok0 == 0 && mm.tok1 < len(toks) && sc.fold[mm.tok1] == ":" {
			sc.minfo[m].source = true
		}
	}
	for ci := range sc.cues {
		cu := &sc.cues[ci]
		if !cu.report {
			continue
		}
		switch {
		case sc.fold[cu.t0] == "according":
			sc.markSource(cu.t1, 3, false)
		case a.passive(sc, cu):
			sc.markSource(cu.t1, 4, true)
		default:
			if m := a.subjectBefore(sc, toks, cu.t0); m >= 0 {
				if mt := sc.mentions[m].tok1; mt+1 == cu.t0 && sc.fold[mt] == "'s" {
					// "Mr. Trump's claims": a noun whose possessor is
					// judged with it, not a speaker kept out of it.
					continue
				}
				if mt := sc.mentions[m].tok1; mt+1 < cu.t0 && sc.fold[mt] == "'s" {
					if k := sc.cueAt[mt+1]; k >= 0 && sc.cues[k].eval != nil && sc.cues[k].eval.weight < 0 {
						// "Hungary's critics say": the critics speak,
						// about Hungary.
						continue
					}
				}
				sc.minfo[m].source = true
			} else if cu.t0 > 0 && toks[cu.t0-1].Kind == segment.Punct && !regardVerbs[sc.fold[cu.t0]] && !callVerbs[sc.fold[cu.t0]] {
				// A verb that gives its object a quality ("Tom Harris, a
				// columnist, called Varadkar arrogant") names no speaker
				// after it: the one named there is what it describes.
				sc.markSource(cu.t1, 3, false)
			}
		}
	}
	a.resolvePronouns(sc, toks)
	sc.resolveEpithets()
	sc.indexMentions()
}

// resolveEpithets adds a mention for a noun that names a state by its tie
// to the one "its" stands for ("Pakistan's friendship and ties with its
// neighbour and close ally", after a visit to Beijing): the state named
// last before the pronoun that is not the pronoun's own. Like a pronoun's,
// the mention carries evidence to its target but is not reported. A noun
// with a name after it ("its ally China") is left to the name.
func (sc *scratch) resolveEpithets() {
	real := len(sc.mentions)
	for p := 0; p < real; p++ {
		pm := &sc.mentions[p]
		if !sc.minfo[p].pronoun || pm.Text != "its" || pm.tok0 == 0 || sc.fold[pm.tok0-1] != "with" {
			continue // a partner named by its tie: "ties with its neighbour"
		}
		j := 0
		for k := pm.tok0 + 1; k < len(sc.fold) && k <= pm.tok0+4; k++ {
			if w := sc.fold[k]; (tiedNouns[w] || giverNouns[w]) && !strings.HasSuffix(w, "s") { // one partner, not "its neighbours"
				j = k
				break
			}
			if sc.inMent[k] || sc.bits[k]&wbCoordinator != 0 {
				break
			}
		}
		if j == 0 || j+1 < len(sc.fold) && sc.inMent[j+1] {
			continue // "its ally China"
		}
		ant := -1
		for m := 0; m < real; m++ {
			mm := &sc.mentions[m]
			if sc.minfo[m].pronoun || mm.tok1 > pm.tok0 || mm.Target == pm.Target || mm.Kind == "demonym" {
				continue
			}
			if ant < 0 || mm.tok0 > sc.mentions[ant].tok0 {
				ant = m
			}
		}
		if ant < 0 {
			continue
		}
		sc.minfo[p].otherHead = j // what the neighbour does is not the pronoun's doing
		am := sc.mentions[ant]
		sc.mentions = append(sc.mentions, Mention{
			Target: am.Target, Name: am.Name, Kind: "pronoun",
			Text: sc.fold[j], Span: Span{am.Span.Start, am.Span.Start}, tok0: j, tok1: j + 1,
		})
		mi := mentionInfo{clause: sc.clause[j], group: len(sc.minfo), pronoun: true}
		mb := sc.markerBefore(j)
		mi.victim, mi.agentBy, mi.from, mi.ofObject = mb&wbVictim != 0, mb&wbAgent != 0, mb&wbFrom != 0, mb&wbOf != 0
		sc.minfo = append(sc.minfo, mi)
	}
}

// reproach reports whether w is the base form of a verb of reproach, whose
// other forms are reporting verbs in the lexicon.
func reproach(w string) bool {
	switch w {
	case "condemn", "criticise", "criticize", "accuse", "denounce", "rebuke", "censure",
		"condemnation", "condemnations", "criticism", "censures", "denunciation", "rebukes":
		return true
	}
	return false
}

// markerBefore returns the word class of the word before token i that
// marks a mention's role, looking past determiners: "from both
// Washington", "at the UN".
func (sc *scratch) markerBefore(i int) wordBits {
	for p := i - 1; p >= 0 && p >= i-3; p-- {
		if sc.bits[p]&wbDeterminer == 0 {
			return sc.bits[p]
		}
	}
	return 0
}

// markerAt returns the index of the word markerBefore reads for a mention
// at token i, or -1.
func (sc *scratch) markerAt(i int) int {
	for p := i - 1; p >= 0 && p >= i-3; p-- {
		if sc.bits[p]&wbDeterminer == 0 {
			return p
		}
	}
	return -1
}

// resolvePronouns adds a mention for each "it", "its", "they", "their"
// that stands for a target named earlier in the sentence: the nearest
// target before it in its own clause, or else the sentence's first target
// that is not a place or a victim ("Sri Lanka's debt crisis exposed years
// of mismanagement, yet its recovery ..."). Such mentions carry evidence to
// their target but are not reported as mentions.
func (a *Analyzer) resolvePronouns(sc *scratch, toks []segment.Token) {
	real := len(sc.mentions)
	nextGroup := real
	topic := -1 // the sentence's first target that is not a place
	for m := 0; m < real; m++ {
		if !sc.minfo[m].victim {
			topic = m
			break
		}
	}
	for i, f := range sc.fold {
		plural := sc.bits[i]&wbPronounPlural != 0
		person := sc.bits[i]&wbPronounPerson != 0
		ant := -1
		if rel := relativeAfter(sc, i); rel >= 0 {
			ant, plural, person = rel, true, false
		} else if sc.inMent[i] || !(plural || person || sc.bits[i]&wbPronounSing != 0) {
			continue
		}
		if person {
			if ant = sc.personBefore(toks, i, real); ant < 0 {
				continue
			}
		}
		// An object pronoun is not its own verb's subject ("both
		// Washington and Tehran trust it": not Tehran), or it would read
		// "itself".
		subj := -1
		if f == "them" || f == "it" && objectPlace(toks, sc.bits, i) {
			for e := i; e >= i-3 && e > 0; e-- {
				if m := sc.endingAt(e); m >= 0 && !hasPunctBetween(toks, e, i) {
					subj = sc.minfo[m].group
					break
				}
			}
		}
		if ant < 0 {
			info := &sc.clauses[sc.clause[i]]
			for _, m := range sc.window(sc.clause[i], i) {
				if sc.minfo[m].group == subj {
					continue
				}
				// The side a comparison sets aside ("New Delhi, not
				// Islamabad, as its partner") is not what "its" means.
				// Nor does "its" stand for a demonym, which names the
				// people of a noun ("Pakistani officials ... its loans").
				if mm := &sc.mentions[m]; mm.tok1 <= i && !(info.compare >= 0 && mm.tok0 > info.cmpLo && mm.tok0 < info.cmpEnd && i >= info.cmpEnd) &&
					!(mm.Kind == "demonym" && !plural && !person) {
					ant = m // the nearest before in the clause
				}
			}
		}
		if ant < 0 && topic >= 0 && sc.mentions[topic].tok1 <= i && sc.minfo[topic].group != subj {
			ant = topic
		}
		if ant < 0 {
			continue
		}
		members := []int{ant}
		if plural {
			members = members[:0]
			for _, m := range sc.around(ant) {
				if m < real && sc.minfo[m].group == sc.minfo[ant].group {
					members = append(members, m)
				}
			}
		}
		for _, m := range members {
			am := sc.mentions[m]
			sc.mentions = append(sc.mentions, Mention{
				Target: am.Target, Name: am.Name, Kind: "pronoun",
				Text: f, Span: Span{am.Span.Start, am.Span.Start}, tok0: i, tok1: i + 1,
			})
			mi := mentionInfo{clause: sc.clause[i], group: nextGroup, pronoun: true}
			mb := sc.markerBefore(i)
			mi.victim, mi.agentBy, mi.from, mi.ofObject = mb&wbVictim != 0, mb&wbAgent != 0, mb&wbFrom != 0, mb&wbOf != 0
			sc.minfo = append(sc.minfo, mi)
		}
		nextGroup++
	}
}

// objectPlace reports whether the pronoun at token i stands as an object:
// at the end of the sentence or of a phrase, or before a preposition.
func objectPlace(toks []segment.Token, bits []wordBits, i int) bool {
	return i > 0 && (i+1 >= len(toks) || toks[i+1].Kind == segment.Punct || bits[i+1]&wbObjectFollow != 0)
}

// personBefore returns the mention that "he" or "she" at token i stands
// for: the nearest person named before it in the sentence (a gazetteer
// person, or a target given by span, which in news is most often a
// person), unless a name that is no target stands between them, or a place
// or victim marker ("in Lymington", "on Thursday") says it is no one who
// acts; else -1.
func (sc *scratch) personBefore(toks []segment.Token, i, real int) int {
	best := -1
	for _, m := range sc.before(i) {
		k := sc.mentions[m].Kind
		if m < real && sc.mentions[m].tok1 <= i && (k == "person" || k == "explicit") &&
			(best < 0 || sc.mentions[m].tok0 > sc.mentions[best].tok0) {
			best = m
		}
	}
	if best < 0 {
		return -1
	}
	mm, mi := &sc.mentions[best], &sc.minfo[best]
	if mi.victim || mi.from || mi.between {
		return -1
	}
	for k := mm.tok1; k < i; k++ {
		// Another name may be the one the pronoun stands for; a
		// capitalised word after "in", "on" or "at" is a place or a day.
		if capitalised(toks[k]) && k > 0 && toks[k-1].Kind != segment.Punct && !sc.inMent[k] &&
			sc.bits[k-1]&wbVictim == 0 && !capitalised(toks[k-1]) {
			return -1
		}
	}
	return best
}

// relativeAfter returns the mention that a relative pronoun at token i
// stands for when it opens a parenthesis right after that mention ("Peru,
// which was praised ...", "Kenya and Ghana, whose economies ..."), or -1.
func relativeAfter(sc *scratch, i int) int {
	if i < 2 || sc.inMent[i] || sc.fold[i-1] != "," {
		return -1
	}
	switch sc.fold[i] {
	case "which", "who", "whom", "whose":
	default:
		return -1
	}
	// The mentions named in the sentence, not the pronouns resolved so
	// far, in order of position: the one that ends before the comma.
	best := -1
	p := sort.Search(len(sc.order), func(k int) bool { return sc.mentions[sc.order[k]].tok0 >= i-1 })
	for k := p - 1; k >= 0 && sc.mentions[sc.order[k]].tok1 == i-1; k-- {
		if m := sc.order[k]; best < 0 || m < best {
			best = m
		}
	}
	return best
}

// markSource marks as a source the first mention starting at most gap
// tokens after token t (with byAgent, the first after "by").
func (sc *scratch) markSource(t, gap int, byAgent bool) {
	p := sort.Search(len(sc.order), func(k int) bool { return sc.mentions[sc.order[k]].tok0 >= t })
	for _, m := range sc.order[p:min(len(sc.order), p+attributionReach)] {
		if sc.mentions[m].tok0-t > gap {
			return
		}
		if !byAgent || sc.minfo[m].agentBy {
			sc.minfo[m].source = true
			return
		}
	}
}

// subjectBefore returns the mention that is the subject of a verb at token
// v: the nearest mention before it in its clause, at most eight tokens away
// and with no comma between, or -1.
func (a *Analyzer) subjectBefore(sc *scratch, toks []segment.Token, v int) int {
	best := -1
	for _, m := range sc.window(sc.clause[v], v) {
		mm := &sc.mentions[m]
		if mm.tok1 > v || sc.minfo[m].clause != sc.clause[v] {
			continue
		}
		if v-mm.tok1 > 8 || sc.minfo[m].victim || sc.minfo[m].agentBy || sc.minfo[m].from {
			continue
		}
		if v > 0 && sc.fold[v-1] == "and" && sc.objectOfVerb(sc.mentions[sc.minfo[m].group].tok0) {
			// "India condemned Pakistan and said ...": the second verb
			// shares the first one's subject, not its object.
			continue
		}
		ok := true
		for k := mm.tok1; k < v; k++ {
			// A relative pronoun opens a clause with a subject of its own
			// ("signed an agreement that both governments described").
			if f := sc.fold[k]; f == "," || f == "\"" || k > mm.tok1 && relativePronouns[f] {
				ok = false
				break
			}
		}
		if ok {
			best = m
		}
	}
	return best
}

// relativePronouns open a relative clause.
var relativePronouns = setOf("that", "which", "who", "whom", "whose")

// findVerbs are the verbs of "has found in Beijing a more generous
// lender", "finds Tokyo a steadier partner": their object is what the
// rest of the clause describes, and their subject only the one who finds.
var findVerbs = setOf("find", "finds", "found", "finding", "regard", "regards", "regarded", "regarding",
	"consider", "considers", "considered", "considering", "see", "sees", "saw", "seeing", "view", "views", "viewed")

// officials are the people who act for a state, named by where they sit:
// "officials in Hanoi", "policymakers in Washington". Diplomats, envoys
// and negotiators are left out: "Western diplomats in Beijing" are
// foreigners posted there.
var officials = setOf("officials", "policymakers", "policy-makers", "authorities", "leaders", "rulers",
	"ministers", "lawmakers", "legislators", "strategists", "planners", "generals", "government", "regime")

// passive reports whether cue c is a participle after a form of "be" or
// "get" ("was praised", "has been accused").
func (a *Analyzer) passive(sc *scratch, c *cue) bool {
	w := sc.fold[c.t0]
	if !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "en") {
		return false
	}
	if last := c.t1 - 1; last > c.t0 && !accusations[w] && (sc.bits[last]&(wbVictim|wbOf|wbFrom) != 0 || sc.fold[last] == "with") {
		// "has been impressed with Rubio", "was disappointed in Tokyo":
		// a participle that names its own preposition takes the one it
		// evaluates after it; the subject only feels it. A verb of blame
		// keeps its subject the one blamed ("was charged with fraud").
		return false
	}
	for k := c.t0 - 1; k >= 0 && k >= c.t0-3; k-- {
		f := sc.fold[k]
		if sc.bits[k]&wbBe != 0 {
			return true
		}
		if ci := sc.cueAt[k]; ci >= 0 && (sc.cues[ci].booster != 0 || sc.cues[ci].negator != 0) {
			continue
		}
		if strings.HasSuffix(f, "ly") || f == "also" || f == "widely" || f == "repeatedly" {
			continue
		}
		return false
	}
	return false
}

// headsCoordinated reports whether tokens [i, j), between two demonyms,
// are the plain head of the first and a coordinator: "Pakistani troops
// and Afghan Taliban forces", "Indian officials, Chinese diplomats". A
// head that carries attitude of its own ("Chinese loans and American
// sanctions") keeps the two apart.
func headsCoordinated(sc *scratch, i, j int) bool {
	if j-i < 2 || j-i > 4 || sc.bits[j-1]&wbCoordinator == 0 || sc.fold[j-1] == "the" || sc.fold[j-1] == "'s" {
		return false
	}
	for k := i; k < j-1; k++ {
		if sc.cueAt[k] >= 0 || sc.bits[k] != 0 || !isWord(sc.fold[k]) {
			return false
		}
	}
	return true
}

// objectOfVerb reports whether the mention starting at token i is the
// object of a verb of judging or reporting right before it, past
// determiners: "condemned Pakistan", "praised the Philippines".
func (sc *scratch) objectOfVerb(i int) bool {
	p := i - 1
	for p >= 0 && sc.bits[p]&wbDeterminer != 0 {
		p--
	}
	if p < 0 {
		return false
	}
	k := sc.cueAt[p]
	if k < 0 || sc.cues[k].t1 != p+1 {
		return false
	}
	c := &sc.cues[k]
	return c.report || c.eval != nil && c.eval.role == lexicon.RolePatient
}

// harmedObject reports whether mention m is the object of a harmful verb
// right before it, past determiners and numbers ("killed two Bangladeshi
// villagers", "plunging Kyiv into darkness"): a victim, whom the word
// does not portray. A verb whose lexicon entry names a role ("condemned
// Pakistan") judges its object, and what a state has or does being
// harmed ("tarnished Zambia's reputation") is a failing of its own.
func (sc *scratch) harmedObject(toks []segment.Token, m Mention) bool {
	p := m.tok0 - 1
	for p >= 0 && (sc.bits[p]&wbDeterminer != 0 || toks[p].Kind == segment.Number || numberWords[sc.fold[p]]) {
		p--
	}
	if p < 0 || sc.possessive(m.tok1) || m.tok1 < len(toks) && sc.cueAt[m.tok1] >= 0 {
		return false // "delayed EU aid packages": it qualifies a word that is judged
	}
	k := sc.cueAt[p]
	if k < 0 || sc.cues[k].t1 != p+1 {
		return false
	}
	c := &sc.cues[k]
	if c.eval == nil || c.eval.weight >= 0 || c.eval.role != lexicon.RoleAny {
		return false
	}
	w := sc.fold[p]
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")
}

// tiedNoun returns the token of a noun that names another party by its tie
// to mention m, the possessor before it, with at most three words between
// ("China's all-weather friend", "Moscow's closest partners"), or 0.
func (sc *scratch) tiedNoun(m Mention) int {
	k := m.tok1
	if !sc.possessive(k) {
		return 0
	}
	for j := k + 1; j < len(sc.fold) && j <= k+4; j++ {
		if giverNouns[sc.fold[j]] || tiedNouns[sc.fold[j]] {
			return j
		}
		if sc.inMent[j] || sc.bits[j]&wbCoordinator != 0 {
			return 0
		}
	}
	return 0
}

// tiedNouns, with giverNouns, name a party by its tie to another: the
// possessor of one is the other.
var tiedNouns = setOf("neighbour", "neighbours", "neighbor", "neighbors", "partner", "partners",
	"rival", "rivals", "foe", "foes", "enemy", "enemies", "adversary", "adversaries", "client", "clients")

// numberWords are the numbers written as words that count a harmed
// object ("killed two Bangladeshi villagers").
var numberWords = newWordSet(`two three four five six seven eight nine ten eleven twelve dozens
	scores hundreds thousands several many some`, false)
