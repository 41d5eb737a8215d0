package stance

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/geostance/geostance/internal/segment"
	"github.com/geostance/geostance/lexicon"
)

// cue is a lexicon match in a sentence.
type cue struct {
	t0, t1   int // token range
	eval     *cueEntry
	negator  float64 // multiplier when this is a negator, else 0
	booster  float64 // added to 1 to scale the next cue (negative for dampeners)
	contrast float64
	hedge    float64
	cond     float64
	report   bool
	compare  string // the compare term ("than", "unlike" ...) or ""
	mood     bool   // eval is a mood word: it counts for the sentence only
}

// clauseInfo describes one clause of a sentence.
type clauseInfo struct {
	mult  float64
	rules ruleKey // the clause's contrast, condition and hedge rules
	// beforeMult and beforeWord are set on a clause opened by "but": the
	// factor and word that weaken the clauses before it.
	beforeMult float64
	beforeWord string
	preferAt   int // token index of the clause's first "prefer...", or -1
	compare    int // token index of its comparative marker, or -1
	cmpTerm    string
	cmpEnd     int // for "unlike": the end of the compared phrase
	cmpLo      int // the compared side starts after this token: the marker, or -1 for a passive "was overtaken by"
}

// mentionInfo is what attribution knows about a mention.
type mentionInfo struct {
	clause    int
	victim    bool // after against, on, in, at ...: a place or a victim
	agentBy   bool // after by: the doer
	from      bool // after from: the giver ("aid from China") or the speaker ("praise from Seoul")
	between   bool // after between: a party to a relation, not the thing evaluated
	source    bool // the subject of a reporting verb
	group     int  // mentions joined by "and" or commas share a group
	pronoun   bool // "it", "its", "their" standing for a target named earlier
	ofObject  bool // after "of": the object of a noun ("invasion of Ukraine")
	recipient bool // the first object of a verb of giving ("provided Vietnam with ...")
	recv      float64
}

// scratch holds the reusable buffers of one analysis.
type scratch struct {
	tz        segment.Tokenizer
	fold      []string
	parts     []segment.Token
	mentions  []Mention
	minfo     []mentionInfo
	cues      []cue
	cueAt     []int
	clause    []int
	clauses   []clauseInfo
	inMent    []bool
	mentOf    []int // the mention each token belongs to, or -1
	endAt     []int // the longest named mention whose last token this is, or -1
	pending   []pending
	seen      []string
	order     []int
	pos       []int
	clauseLo  []int
	sole      int
	explicit  bool // the targets are given spans, not gazetteer names
	headline  bool // most words are capitalised, so capitals mark no names
	bits      []wordBits
	first     []*cueNode
	groupBuf  []int
	ruleCache map[ruleKey][]string
}

// pending is one piece of evidence waiting to be grouped by target.
type pending struct {
	mention int
	ev      Evidence
	mask    ruleMask
}

// sentenceRelation weighs the cooperation–conflict channel in a sentence's
// overall score: events between parties ("talks", "sanctions") colour a
// sentence less than words that evaluate.
const sentenceRelation = 0.5

// negationScope is how many tokens a negator reaches forward, within its
// clause and up to the next punctuation ("no longer seen in Washington as
// a reliable partner").
const negationScope = 6

// negatedNegative scales a negated negative cue after the negator's own
// weight: not condemning someone is at most faint approval.
const negatedNegative = 0.25

var (
	cmpPositive = setOf("more", "closer", "better", "greater", "stronger", "warmer", "deeper", "higher", "further", "faster", "quicker", "nimbler", "safer", "firmer")
	cmpNegative = setOf("less", "worse", "weaker", "cooler", "colder", "fewer", "lower", "farther")
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// sentence analyses one sentence into s.
func (a *Analyzer) sentence(sc *scratch, s *Sentence, text string, base int, date time.Time, explicit []TargetSpan, explicitMode bool) {
	s.Span = Span{base, base + len(text)}
	s.Text = text
	toks := sc.tz.Tokenize(text)
	sc.fold = sc.fold[:0]
	for _, t := range toks {
		sc.fold = append(sc.fold, t.Fold)
	}

	// Mentions.
	sc.mentions = sc.mentions[:0]
	if explicitMode {
		sc.mentions = explicitMentions(sc.mentions, toks, text, base, explicit)
	} else {
		sc.mentions, sc.parts = a.mt.match(sc.mentions, toks, text, base, date, sc.parts)
	}
	sc.inMent = resize(sc.inMent, len(toks))
	sc.mentOf = resize(sc.mentOf, len(toks))
	sc.endAt = resize(sc.endAt, len(toks))
	for i := range sc.inMent {
		sc.inMent[i] = false
		sc.mentOf[i] = -1
		sc.endAt[i] = -1
	}
	for mi, m := range sc.mentions {
		for k := m.tok0; k < m.tok1; k++ {
			sc.inMent[k] = true
			sc.mentOf[k] = mi
		}
		if e := sc.endAt[m.tok1-1]; e < 0 || m.tok0 < sc.mentions[e].tok0 {
			sc.endAt[m.tok1-1] = mi
		}
	}

	sc.explicit = explicitMode
	a.findCues(sc, toks)
	a.splitClauses(sc, toks)
	a.describeMentions(sc, toks)

	// Evaluate every cue.
	sc.pending = sc.pending[:0]
	var sentRaw float64
	nEval := 0
	for ci := range sc.cues {
		if sc.cues[ci].eval != nil {
			nEval++
		}
	}
	s.Evidence = nil
	if nEval > 0 {
		s.Evidence = make([]Evidence, 0, nEval)
	}
	for ci := range sc.cues {
		c := &sc.cues[ci]
		if c.eval == nil || intensifier(sc, toks, ci) {
			continue
		}
		w, rk := a.weigh(sc, toks, ci)
		if c.eval.class == lexicon.Relation {
			sentRaw += w * sentenceRelation
		} else {
			sentRaw += w
		}
		ev := Evidence{
			Span: Span{base + toks[c.t0].Start, base + toks[c.t1-1].End},
			Text: text[toks[c.t0].Start:toks[c.t1-1].End],
			Term: c.eval.term, Weight: w, Rules: sc.rules(rk),
			File: c.eval.file, Line: c.eval.line,
		}
		s.Evidence = append(s.Evidence, ev)
		if !c.mood && !(w < 0 && opposed(sc, c.t0)) && !(c.eval.class == lexicon.Relation && w > 0 && topicOf(sc, toks, c.t0)) &&
			!(c.eval.weight > 0 && harmed(sc, toks, ci)) {
			a.attribute(sc, toks, ci, ev, rk)
		}
	}
	a.comparatives(sc, toks, text, base)

	s.Raw = sentRaw
	s.Score = squash(sentRaw)
	s.Label = a.Label(s.Score)
	s.Targets = a.collect(sc, toks, base, s.Targets[:0])
	if a.cfg.features {
		for i := range s.Targets {
			t := &s.Targets[i]
			t.Features = a.features(sc, t, sentRaw, len(s.Targets))
			if a.cfg.cal != nil {
				t.Score, t.Label = a.cfg.cal.Calibrate(t.Features)
			}
		}
	}
}

// opposed reports whether the cue at token i is what someone stands
// against ("cooperation against terrorism"): an evil opposed is no
// portrayal of whoever opposes it.
func opposed(sc *scratch, i int) bool {
	p := i - 1
	for p >= 0 && sc.bits[p]&wbDeterminer != 0 {
		p--
	}
	if p < 0 {
		return false
	}
	if sc.fold[p] == "against" || sc.bits[p]&wbDefeat != 0 {
		return true
	}
	// "help fight racism", "tackling crime", "to end the abuse", "reduce
	// child poverty": the one who fights an evil is not portrayed by it.
	for k := p; k >= 0 && k >= p-2; k-- {
		if opposeVerbs[sc.fold[k]] {
			return true
		}
		if sc.cueAt[k] >= 0 || sc.inMent[k] || sc.bits[k]&wbDeterminer == 0 && !isWord(sc.fold[k]) {
			return false
		}
	}
	return false
}

// harmed reports whether cue ci, a good thing, is the object of an act
// of harm right before it ("a threat to our democracy", "stalling the aid
// package", "obstructing food aid"): then the act carries the judgement,
// and the good thing harmed praises no one. A harm word that is also a
// negator ("eroded trust") already reverses what follows it.
func harmed(sc *scratch, toks []segment.Token, ci int) bool {
	if ci == 0 {
		return false
	}
	c, p := &sc.cues[ci], &sc.cues[ci-1]
	if p.eval != nil && !p.mood && p.eval.weight > 0 && p.t1 == c.t0 {
		// "stalling humanitarian assistance": one phrase, harmed whole.
		return harmed(sc, toks, ci-1)
	}
	if p.eval == nil || p.mood || p.eval.weight >= 0 || p.booster != 0 || p.negator != 0 ||
		c.t0-p.t1 > 2 || sc.clause[p.t0] != sc.clause[c.t0] {
		return false
	}
	if w := sc.fold[p.t1-1]; p.eval.role == lexicon.RoleAny && !harmPreps[w] && !strings.HasSuffix(w, "ing") && !strings.HasSuffix(w, "ed") {
		// A quality ("an upset victory", "weak leadership") is no act;
		// a verb is ("obstructing food aid").
		return false
	}
	if negatorBefore(sc, toks, ci-1) {
		return false
	}
	for k := p.t1; k < c.t0; k++ {
		// "away from Russia and toward France": a second phrase.
		if toks[k].Kind == segment.Punct || sc.inMent[k] || sc.bits[k]&wbCoordinator != 0 && sc.fold[k] != "the" && sc.fold[k] != "'s" {
			return false
		}
	}
	return true
}

// harmPreps end a noun of harm that names what is harmed after it
// ("threat to", "attack on", "damage to").
var harmPreps = setOf("to", "on", "against", "of")

// isWord reports whether a folded token starts with a letter.
func isWord(f string) bool {
	return f != "" && (f[0] >= 'a' && f[0] <= 'z' || f[0] >= 0x80)
}

// opposeVerbs take as object an evil their subject works to end.
var opposeVerbs = setOf("fight", "fights", "fighting", "fought", "combat", "combats", "combating", "combatting",
	"tackle", "tackles", "tackling", "tackled", "curb", "curbs", "curbing", "curbed", "eradicate", "eradicates",
	"eradicating", "eradicated", "eliminate", "eliminates", "eliminating", "reduce", "reduces", "reducing",
	"prevent", "prevents", "preventing", "end", "ending", "counter", "countering",
	// Words of dealing with an evil: "his handling of the crisis", "its
	// response to the floods", "to address the concerns".
	"handle", "handles", "handled", "handling", "response", "respond", "responds", "responded", "responding",
	"address", "addresses", "addressed", "addressing", "confront", "confronts", "confronted", "confronting",
	"resolve", "resolves", "resolved", "resolving", "solve", "solves", "solved", "solving",
	// Words of being cleared of one: "acquitted of all charges".
	"acquitted", "cleared", "exonerated", "absolved")

// topicOf reports whether the relation cue at token i is what a dispute
// or a statement is about ("traded barbs over the future of the arms
// control treaty", "spoke about the partnership", "shown little
// willingness to compromise on the corridor") or what a thing is for ("a
// forum for regional cooperation"): there it names a subject or a
// purpose, not an event between the sentence's parties. It looks back at
// most seven words, and not past punctuation or a target. It is asked of
// cooperative relations only: a hostile act there is still someone's
// ("sanctions over its invasion of Ukraine").
func topicOf(sc *scratch, toks []segment.Token, i int) bool {
	for p := i - 1; p >= 0 && p >= i-7; p-- {
		if toks[p].Kind == segment.Punct || sc.inMent[p] {
			return false
		}
		switch sc.fold[p] {
		case "over":
			return true
		case "on":
			// Unless "on" ends a phrase of its own ("give up on the
			// accord"), whose object the cue then is.
			return !insideCue(sc, p)
		case "about":
			return p == 0 || !bringAbout[sc.fold[p-1]]
		case "for":
			// "a forum for regional cooperation", "a roadmap for peace":
			// what a thing is meant for, not what its parties did.
			return i-p <= 2 && p > 0 && purposeNouns[sc.fold[p-1]]
		}
	}
	return false
}

// purposeNouns are nouns whose "for" names their purpose.
var purposeNouns = setOf("forum", "forums", "platform", "platforms", "framework", "frameworks", "mechanism",
	"mechanisms", "venue", "vehicle", "roadmap", "blueprint", "plan", "plans", "proposal", "proposals", "basis",
	"template", "model", "hopes", "hope", "prospects", "calls", "call", "push", "appeal", "appeals")

// insideCue reports whether token p belongs to a cue of several words
// that starts before it.
func insideCue(sc *scratch, p int) bool {
	for k := range sc.cues {
		if c := &sc.cues[k]; c.t0 < p && p < c.t1 {
			return true
		}
	}
	return false
}

// bringAbout are the verbs before "about" that make what follows an
// outcome ("brought about a ceasefire"), not a topic.
var bringAbout = setOf("bring", "brings", "brought", "bringing", "set", "sets", "setting", "came", "come", "comes")

func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// explicitMentions turns given target spans into mentions over the tokens
// they cover.
func explicitMentions(dst []Mention, toks []segment.Token, text string, base int, ts []TargetSpan) []Mention {
	n := len(dst)
	for _, t := range ts {
		lo, hi := t.Span.Start-base, t.Span.End-base
		t0, t1 := -1, -1
		for i, tok := range toks {
			if tok.End > lo && tok.Start < hi {
				if t0 < 0 {
					t0 = i
				}
				t1 = i + 1
			}
		}
		if t0 < 0 {
			continue
		}
		lo, hi = max(lo, 0), min(hi, len(text))
		dst = append(dst, Mention{
			Target: t.ID, Name: t.ID, Kind: "explicit",
			Text: text[lo:hi], Span: Span{base + lo, base + hi},
			tok0: t0, tok1: t1,
		})
	}
	// In text order, as the matcher gives them: coordination and the
	// roles read neighbours. Spans may come in any order.
	slices.SortStableFunc(dst[n:], func(a, b Mention) int { return cmp.Or(a.tok0-b.tok0, a.tok1-b.tok1) })
	return dst
}

// findCues matches lexicon terms, longest first, outside mentions.
func (a *Analyzer) findCues(sc *scratch, toks []segment.Token) {
	sc.cues = sc.cues[:0]
	sc.cueAt = resize(sc.cueAt, len(toks))
	sc.bits = resize(sc.bits, len(toks))
	sc.first = resize(sc.first, len(toks))
	for i := range sc.cueAt {
		sc.cueAt[i] = -1
		n := a.cues.firstWord(sc.fold[i])
		sc.first[i] = n
		sc.bits[i] = 0
		if n != nil {
			sc.bits[i] = n.bits
		}
	}
	headline := titleCased(toks)
	sc.headline = headline
	for i := 0; i < len(toks); {
		if sc.inMent[i] && !sc.explicit {
			i++
			continue
		}
		entries, n := longestFrom(sc.first[i], sc.fold, i)
		if n <= 1 && i+2 < len(toks) && sc.bits[i+1]&wbInsert != 0 && sc.first[i] != nil {
			// A two-word set phrase with a word of degree inside it
			// ("exchanged heavy fire", "fell well short").
			if nd := sc.first[i].next.get(sc.fold[i+2]); nd != nil && len(nd.entries) > 0 {
				entries, n = nd.entries, 3
			}
		}
		// A set phrase keeps its sense when capitalised ("a Trojan
		// horse", "the Economic Corridor"); a single word may be a name.
		if n == 0 || (n == 1 && !headline && nameWord(toks, i)) {
			i++
			continue
		}
		// A given target span may hold words that describe the target
		// ("the disgraced former senator", "a landmark ruling"): they count
		// when they are lower case, and so not part of a name.
		if overlaps(sc.inMent, i, i+n) && (!sc.explicit || sc.mentionAt(i, i+n) < 0 || !lowerCase(toks[i:i+n])) {
			i++
			continue
		}
		c := cue{t0: i, t1: i + n}
		for k := range entries {
			e := &entries[k]
			switch e.class {
			case lexicon.Affect, lexicon.Relation:
				if c.eval == nil || c.mood || e.class == lexicon.Affect {
					c.eval, c.mood = e, false
				}
			case lexicon.Mood:
				if c.eval == nil {
					c.eval, c.mood = e, true
				}
			case lexicon.Negator:
				c.negator = e.weight
			case lexicon.Booster, lexicon.Dampener:
				c.booster = e.weight
			case lexicon.Contrast:
				c.contrast = e.weight
			case lexicon.Hedge:
				c.hedge = e.weight
			case lexicon.Condition:
				c.cond = e.weight
			case lexicon.Report:
				c.report = true
			case lexicon.Compare:
				c.compare = e.term
			}
		}
		if sc.inMent[i] {
			// Inside a target span only the evaluative sense counts: a
			// "but" or "said" there does not shape the sentence.
			if c.eval == nil {
				i++
				continue
			}
			c = cue{t0: c.t0, t1: c.t1, eval: c.eval, mood: c.mood, negator: c.negator, booster: c.booster}
		}
		sc.cueAt[i] = len(sc.cues)
		sc.cues = append(sc.cues, c)
		i += n
	}
}

// nameWord reports whether token i is a capitalised word inside a
// sentence: part of a name or title ("the Democratic candidate", "Taylor
// Swift", "Hurricane Sandy"), not the evaluative word it is spelt like.
// The first word, and a word after an opening quote, bracket, colon or
// dash, start a sentence of their own; an all-capitals word is emphasis.
func nameWord(toks []segment.Token, i int) bool {
	if i == 0 || toks[i].Kind != segment.Word {
		return false
	}
	n := toks[i].Norm
	if len(n) < 2 || n[0] < 'A' || n[0] > 'Z' || n[1] < 'a' || n[1] > 'z' {
		return false
	}
	p := toks[i-1]
	if p.Kind == segment.Punct {
		return false // after . " ( : — a new sentence or quotation may start
	}
	return (i > 1 && capitalised(p)) || (i+1 < len(toks) && capitalised(toks[i+1]))
}

func capitalised(t segment.Token) bool {
	return t.Kind == segment.Word && len(t.Norm) > 1 && t.Norm[0] >= 'A' && t.Norm[0] <= 'Z'
}

// titleCased reports whether more than two in three words of a sentence
// are capitalised, as in a headline, where capitals say nothing about
// names. A sentence full of names and titles ("Senator Tammy Baldwin asked
// the Government Accountability Office ...") is capitalised about half way
// and is no headline.
func titleCased(toks []segment.Token) bool {
	words, caps := 0, 0
	for i := range toks {
		t := &toks[i]
		if t.Kind != segment.Word || len(t.Norm) < 4 {
			continue
		}
		words++
		if c := t.Norm[0]; c >= 'A' && c <= 'Z' {
			caps++
		}
	}
	return words > 0 && 3*caps > 2*words
}

// mentionAt returns the mention that holds tokens [i, j) whole, or -1.
func (sc *scratch) mentionAt(i, j int) int {
	if m := sc.mentOf[i]; m >= 0 && sc.mentions[m].tok0 <= i && j <= sc.mentions[m].tok1 {
		return m
	}
	return -1
}

func lowerCase(toks []segment.Token) bool {
	for i := range toks {
		if toks[i].Norm != toks[i].Fold {
			return false
		}
	}
	return true
}

func overlaps(in []bool, i, j int) bool {
	for k := i; k < j; k++ {
		if in[k] {
			return true
		}
	}
	return false
}

// splitClauses assigns every token to a clause. Clauses end at semicolons,
// colons, dashes and brackets; start at contrast and condition words and at
// relative or causal openers after a comma; and a subordinate clause opened
// by "although" or "if" ends at the next comma.
func (a *Analyzer) splitClauses(sc *scratch, toks []segment.Token) {
	sc.clause = resize(sc.clause, len(toks))
	sc.clauses = sc.clauses[:0]
	newClause := func() int {
		sc.clauses = append(sc.clauses, clauseInfo{mult: 1, compare: -1, preferAt: -1})
		return len(sc.clauses) - 1
	}
	c := newClause()
	clauseStart := 0
	subUntilComma := false
	for i := range toks {
		f := sc.fold[i]
		if ci := sc.cueAt[i]; ci >= 0 {
			cu := &sc.cues[ci]
			switch {
			case cu.contrast > 0 && a.pairedWords(sc, ci):
				// "a difficult but indispensable ally": two words of one
				// phrase, not two clauses.
			case cu.contrast > 0:
				if i > clauseStart {
					c = newClause()
					clauseStart = i
				}
				if cu.contrast >= 1 {
					sc.clauses[c].mult *= cu.contrast
					sc.clauses[c].rules.mask |= ruleAfter
					sc.clauses[c].rules.after = sc.fold[i]
					// The clauses before it are weakened below, in one pass.
					sc.clauses[c].beforeMult = math.Max(0.25, 2-cu.contrast)
					sc.clauses[c].beforeWord = sc.fold[i]
				} else {
					sc.clauses[c].mult *= cu.contrast
					sc.clauses[c].rules.mask |= ruleUnder
					sc.clauses[c].rules.after = sc.fold[i]
					subUntilComma = true
				}
			case cu.cond > 0:
				if i > clauseStart {
					c = newClause()
					clauseStart = i
				}
				sc.clauses[c].mult *= cu.cond
				sc.clauses[c].rules.mask |= ruleConditional
				subUntilComma = true
			}
		} else if f == "as" && i > clauseStart && sc.fold[i-1] == "," && mentionNext(sc, i+1) {
			// ", as Malaysia offered to mediate": a clause of its own
			// with its own subject, which takes no part in what came
			// before.
			c = newClause()
			clauseStart = i
		} else if ((sc.bits[i]&wbOpener != 0 && i > 0 && sc.fold[i-1] == ",") || sc.bits[i]&wbCausal != 0) && i > clauseStart {
			c = newClause()
			clauseStart = i
			// ", which ..." set off by commas is a parenthesis about what
			// comes before it: it ends at the next comma.
			subUntilComma = sc.bits[i]&wbOpener != 0
		}
		sc.clause[i] = c
		if sc.clauses[c].preferAt < 0 && strings.HasPrefix(f, "prefer") {
			sc.clauses[c].preferAt = i
		}
		if sc.bits[i]&wbBoundary != 0 || (f == "," && subUntilComma) {
			subUntilComma = false
			c = newClause()
			clauseStart = i + 1
		}
	}
	// A "but" weakens every clause before it: walk back with the product
	// of the factors of the contrasts met so far.
	mult, word := 1.0, ""
	for c := len(sc.clauses) - 1; c >= 0; c-- {
		cl := &sc.clauses[c]
		if mult != 1 {
			cl.mult *= mult
			cl.rules.mask |= ruleBefore
			cl.rules.before = word
		}
		if cl.beforeMult != 0 {
			mult *= cl.beforeMult
			if word == "" {
				word = cl.beforeWord
			}
		}
	}
	// Hedges weaken their whole clause once; comparative markers are noted.
	for ci := range sc.cues {
		cu := &sc.cues[ci]
		cl := &sc.clauses[sc.clause[cu.t0]]
		if cu.hedge > 0 && cl.rules.mask&ruleHedged == 0 {
			cl.mult *= cu.hedge
			cl.rules.mask |= ruleHedged
		}
		if cu.compare != "" {
			a.markCompare(sc, toks, cu.t0, cu.t1, cu.compare)
		}
	}
	// Markers that are comparative only in context: "prefers A to B",
	// "A, not B, ...".
	for i, f := range sc.fold {
		switch {
		case f == "to" && sc.cueAt[i] < 0 && preferBefore(sc, i):
			a.markCompare(sc, toks, i, i+1, "to")
		case f == "not" && i > 0 && sc.fold[i-1] == "," && i+1 < len(toks) && sc.inMent[i+1]:
			a.markCompare(sc, toks, i, i+1, "not")
		}
	}
}

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
	return sc.endingAt(p)
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

// accusations are the verbs of "accused X of ...": what follows "of",
// "for" or "with" is what X is held to have done.
var accusations = setOf("accuse", "accuses", "accused", "accusing", "blame", "blames", "blamed", "blaming",
	"charge", "charges", "charged", "charging", "fault", "faults", "faulted", "condemn", "condemns", "condemned",
	"condemning", "criticise", "criticised", "criticises", "criticising", "criticize", "criticized", "criticizes",
	"criticizing", "denounce", "denounced", "denounces", "denouncing", "suspect", "suspects", "suspected")

// accusedOf returns the mention X of "accused X of ...", "blamed X for
// ...", "charged X with ..." when cue c stands in what follows, at most
// ten words on and in the same clause, or -1.
func (sc *scratch) accusedOf(toks []segment.Token, c *cue) int {
	cl := sc.clause[c.t0]
	for q := c.t0 - 1; q > 1 && q >= c.t0-10 && sc.clause[q] == cl; q-- {
		if toks[q].Kind == segment.Punct {
			return -1
		}
		switch sc.fold[q] {
		case "of", "for", "with":
		default:
			continue
		}
		m := sc.endingAt(q)
		if m < 0 {
			continue
		}
		v := sc.mentions[m].tok0 - 1
		for v >= 0 && sc.bits[v]&wbDeterminer != 0 {
			v--
		}
		if v >= 0 && accusations[sc.fold[v]] {
			return m
		}
		return -1
	}
	return -1
}

// mentionNext reports whether a target is named at token i, after any
// determiners ("the EU").
func mentionNext(sc *scratch, i int) bool {
	for i < len(sc.fold) && sc.bits[i]&wbDeterminer != 0 && !sc.inMent[i] {
		i++
	}
	return i < len(sc.fold) && sc.inMent[i]
}

// attributionTag reports whether cue c ends the sentence as the verb of a
// short tag after a comma that names no target or opens with one (", some
// analysts warn.", ", Seoul said."):
// the verb has no object, so what comes before the comma is not what it is
// done to.
func attributionTag(sc *scratch, toks []segment.Token, c *cue) bool {
	for i := c.t1; i < len(toks); i++ {
		if toks[i].Kind != segment.Punct || sc.fold[i] == "," {
			return false
		}
	}
	// A target that opens the tag (", US officials warn.") is the verb's
	// subject, the speaker, and no more its object than the rest; one
	// further in (", a response Kathmandu praised.") is the subject of a
	// clause about what came before, which may be the object.
	named := false
	for p := c.t0 - 1; p >= 0 && p >= c.t0-5; p-- {
		switch {
		case sc.inMent[p]:
			named = true
		case sc.fold[p] == ",":
			return p < c.t0-1 && (!named || mentionNext(sc, p+1))
		case toks[p].Kind == segment.Punct:
			return false
		}
	}
	return false
}

// regardVerbs are the verbs of "sees X as ...": what follows "as"
// describes their object.
var regardVerbs = setOf("see", "sees", "saw", "seen", "seeing", "view", "views", "viewed", "viewing",
	"regard", "regards", "regarded", "regarding", "describe", "describes", "described", "describing",
	"portray", "portrays", "portrayed", "portraying", "depict", "depicts", "depicted",
	"embrace", "embraces", "embraced", "embracing", "treat", "treats", "treated", "treating",
	"cast", "casts", "brand", "brands", "branded", "label", "labels", "labelled", "labeled",
	"hail", "hails", "hailed", "tout", "touts", "touted", "paint", "paints", "painted",
	"characterise", "characterises", "characterised", "characterize", "characterizes", "characterized",
	"dismiss", "dismisses", "dismissed", "denounce", "denounces", "denounced", "recognise", "recognises",
	"recognised", "recognize", "recognizes", "recognized", "present", "presents", "presented")

// callVerbs are the verbs of "calls X ADJ": they give their object a
// quality, so the one named after them is described, not speaking.
var callVerbs = setOf("call", "calls", "called", "calling", "dub", "dubs", "dubbed", "term", "terms", "termed",
	"deem", "deems", "deemed", "declare", "declares", "declared", "pronounce", "pronounced", "accuse", "accuses",
	"accused", "praise", "praises", "praised", "thank", "thanks", "thanked", "blame", "blames", "blamed")

// regardedAs returns the mention that a cue at token t describes through
// "VERB X as ...": "sees New Delhi as its principal partner", "described
// Ottawa as a reliable friend", "sees New Delhi, not Islamabad, as ...". At
// most four words ("its principal", "a more dependable") stand between
// "as" and the cue. It returns -1 when there is no such frame.
func (sc *scratch) regardedAs(t, cl int) int {
	as := -1
	for k := t - 1; k >= 0 && k >= t-5; k-- {
		if sc.clause[k] != cl || sc.inMent[k] && sc.fold[k] != "its" && sc.fold[k] != "their" {
			return -1
		}
		if sc.fold[k] == "as" {
			as = k
			break
		}
		if f := sc.fold[k]; f == "," || f == "and" || f == "or" {
			return -1
		}
	}
	if as < 2 {
		return -1
	}
	end := as
	if info := &sc.clauses[cl]; sc.fold[as-1] == "," && info.cmpTerm == "not" && info.cmpEnd == as-1 && info.compare > 0 && sc.fold[info.compare-1] == "," {
		// "New Delhi, not Islamabad, as ...": the one preferred.
		end = info.compare - 1
	}
	m := sc.endingAt(end)
	if m < 0 {
		// "described the Philippine president as a pawn": a demonym and
		// at most two words of its noun phrase.
		for k := end - 1; k >= 0 && k >= end-2; k-- {
			if sc.bits[k]&wbFunction != 0 || sc.cueAt[k] >= 0 {
				break
			}
			if d := sc.endingAt(k); d >= 0 && sc.mentions[d].Kind == "demonym" {
				m = d
				break
			}
		}
		if m < 0 {
			return -1
		}
	}
	v := sc.mentions[m].tok0 - 1
	for v >= 0 && sc.bits[v]&wbDeterminer != 0 && sc.fold[v] != "its" && sc.fold[v] != "their" {
		v-- // "described the United States as"
	}
	if v > 0 && (sc.fold[v] == "to" || sc.fold[v] == "of") && referVerbs[sc.fold[v-1]] {
		// "referred to Kabul as ...", "thinks of Ankara as ...".
		return m
	}
	if v < 0 || !regardVerbs[sc.fold[v]] {
		return -1
	}
	return m
}

// referVerbs take "to" or "of" before the one they regard as something:
// "referred to Kabul as a partner", "thinks of Ankara as an ally".
var referVerbs = setOf("refer", "refers", "referred", "referring", "think", "thinks", "thought", "thinking",
	"speak", "speaks", "spoke", "speaking", "spoken")

// pairedWords reports whether contrast cue ci joins two evaluative words
// that stand right before and after it.
func (a *Analyzer) pairedWords(sc *scratch, ci int) bool {
	c := &sc.cues[ci]
	if ci == 0 || ci+1 == len(sc.cues) || c.t1-c.t0 != 1 {
		return false
	}
	p, n := &sc.cues[ci-1], &sc.cues[ci+1]
	return p.eval != nil && n.eval != nil && p.t1 == c.t0 && n.t0 == c.t1
}

// markCompare notes a comparative marker at tokens [t0, t1) in its clause:
// the compared-against side runs from the marker to the clause end, or to
// the next comma when the marker follows a comma or opens the sentence
// ("Kenya, rather than Ethiopia, has ...", "Unlike Canada, Australia ...").
func (a *Analyzer) markCompare(sc *scratch, toks []segment.Token, t0, t1 int, term string) {
	cl := &sc.clauses[sc.clause[t0]]
	if cl.compare >= 0 {
		return
	}
	if term == "over" && !preferBefore(sc, t0) {
		return
	}
	cl.compare, cl.cmpTerm, cl.cmpEnd, cl.cmpLo = t0, term, len(toks), t0
	if a.passive(sc, &cue{t0: t0, t1: t1}) {
		// "Japan was overtaken by India": the subject is the side
		// compared against.
		cl.cmpLo, cl.cmpEnd = -1, t0
		return
	}
	if t0 == 0 || sc.fold[t0-1] == "," || term == "unlike" {
		for k := t1; k < len(toks); k++ {
			if sc.fold[k] == "," {
				cl.cmpEnd = k
				break
			}
		}
	}
}

// preferBefore reports whether a "prefer..." word comes before token i in
// its clause.
func preferBefore(sc *scratch, i int) bool {
	p := sc.clauses[sc.clause[i]].preferAt
	return p >= 0 && p < i
}

// modifiesNoun reports whether cue c is followed by a plain word that it
// modifies ("offers Pakistan a valuable platform"): such a quality is the
// gift's, and so its giver's, while a noun that ends the phrase ("gave
// Clinton the lead") stays with whom it was given to.
func modifiesNoun(sc *scratch, toks []segment.Token, c *cue) bool {
	n := c.t1
	if n >= len(toks) || toks[n].Kind == segment.Punct || sc.inMent[n] || sc.bits[n]&wbFunction != 0 || strings.HasSuffix(sc.fold[c.t1-1], "ly") {
		return false
	}
	// The noun may itself be a gift of the relation lexicon ("a generous
	// concessional loan").
	k := sc.cueAt[n]
	return k < 0 || sc.cues[k].eval != nil && sc.cues[k].eval.class == lexicon.Relation
}

// describeMentions finds each mention's clause, role markers, sources and
// coordination groups.
func (a *Analyzer) describeMentions(sc *scratch, toks []segment.Token) {
	sc.minfo = resize(sc.minfo, len(sc.mentions))
	for i, m := range sc.mentions {
		mi := mentionInfo{clause: sc.clause[m.tok0], group: i}
		mb := sc.markerBefore(m.tok0)
		mi.victim, mi.agentBy, mi.from, mi.ofObject = mb&wbVictim != 0, mb&wbAgent != 0, mb&wbFrom != 0, mb&wbOf != 0
		if mi.victim {
			if p := sc.markerAt(m.tok0); p > 0 && sc.fold[p] == "in" && officials[sc.fold[p-1]] {
				// "officials in Hanoi": the state's own people, who speak
				// and act for it; no place or victim.
				mi.victim = false
			}
		}
		mi.between = mb&wbBetween != 0
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
	sc.indexMentions()
}

// reproach reports whether w is the base form of a verb of reproach, whose
// other forms are reporting verbs in the lexicon.
func reproach(w string) bool {
	switch w {
	case "condemn", "criticise", "criticize", "accuse", "denounce", "rebuke", "censure":
		return true
	}
	return false
}

// roleRule maps a lexicon role to its rule.
var roleRule = [...]ruleMask{
	lexicon.RoleAny:     ruleRoleAny,
	lexicon.RoleAgent:   ruleRoleAgent,
	lexicon.RolePatient: ruleRolePatient,
	lexicon.RoleMutual:  ruleRoleMutual,
}

// prevailedFactor weighs the evidence a target receives in a clause that a
// contrast overrides, when the prevailing clause judges it the other way:
// "Sri Lanka's debt crisis exposed years of mismanagement, yet its
// recovery has surprised the sceptics" is, on balance, praise.
const prevailedFactor = 0.25

// prevails returns the rule of the clauses whose evidence for target id a
// contrast overrides: ruleBefore when a clause after "but" or "yet" judges
// the target directly and with the opposite sign, ruleUnder when the main
// clause does so against an "although" clause; 0 when neither.
func (a *Analyzer) prevails(sc *scratch, id string) ruleMask {
	var before, after, under, main float64
	var directAfter, directMain bool
	const indirect = ruleSoleTarget | ruleOtherClause | ruleNegated
	for _, p := range sc.pending {
		if sc.mentions[p.mention].Target != id {
			continue
		}
		w := p.ev.Weight
		switch {
		case p.mask&ruleBefore != 0:
			before += w
		case p.mask&ruleUnder != 0:
			under += w
		case p.mask&ruleAfter != 0:
			after += w
			directAfter = directAfter || p.mask&indirect == 0
		default:
			main += w
			directMain = directMain || p.mask&indirect == 0
		}
	}
	var out ruleMask
	if directAfter && before*after < 0 {
		out |= ruleBefore
	}
	if directMain && under*(main+after) < 0 {
		out |= ruleUnder
	}
	return out
}

// soleTargetFactor weighs the cues of a sentence that names one target
// but that attribution could not tie to it.
const soleTargetFactor = 0.75

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

// subjectPlace reports whether mention m stands where a subject does: at
// the start of its clause, after punctuation or after a word that opens a
// clause, and not after a verb whose object it is ("saw Mr Bolton
// ousted").
func (sc *scratch) subjectPlace(toks []segment.Token, m int) bool {
	p := sc.mentions[m].tok0 - 1
	for p >= 0 && sc.bits[p]&wbDeterminer != 0 {
		p--
	}
	return p < 0 || toks[p].Kind == segment.Punct || sc.bits[p]&wbSubjectOpener != 0 || sc.clause[p] != sc.clause[sc.mentions[m].tok0]
}

// placeAfterObject reports whether mention m is a place after the object
// of cue c ("condemned the shelling in Kharkiv", "denounced the arrests
// at the embassy in Tehran"): the act is done to the object, not to the
// place.
func (sc *scratch) placeAfterObject(c *cue, m int) bool {
	if sc.minfo[m].pronoun {
		return false // "the strings attached to its loans": a possessor, not a place
	}
	p := sc.markerAt(sc.mentions[m].tok0)
	if p <= c.t1 || sc.bits[p]&wbPlace == 0 {
		return false
	}
	for k := c.t1; k < p; k++ {
		if sc.bits[k]&wbDeterminer == 0 {
			return true
		}
	}
	return false
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

// weigh returns the weight of evaluative cue ci after its modifiers, with
// the rules that produced it.
func (a *Analyzer) weigh(sc *scratch, toks []segment.Token, ci int) (float64, ruleKey) {
	c := &sc.cues[ci]
	w := c.eval.weight
	var rk ruleKey
	switch c.eval.class {
	case lexicon.Relation:
		w /= relationScale
		rk.mask |= ruleRelation
	case lexicon.Mood:
		rk.mask |= ruleMood
	default:
		rk.mask |= ruleAffect
	}
	cl := sc.clause[c.t0]
	// Modifiers before the cue, within its clause: a negator up to
	// negationScope tokens before it, a booster or dampener right before.
	negated := false
	// A negator reaches the evaluative words after it up to one that is
	// followed by "for", "against" ...: in "did not apologise for the
	// racist remarks" the remarks stay racist.
	next, reached := c.t0, true
	for k := ci - 1; k >= 0; k-- {
		p := &sc.cues[k]
		if sc.clause[p.t0] != cl || c.t0-p.t1 > negationScope {
			break
		}
		if hasPunctBetween(toks, p.t1, c.t0) || p.negator != 0 && subordinateBetween(sc.bits, p.t1, c.t0) {
			break
		}
		if p.eval != nil && p.negator == 0 && !p.mood {
			if reached && (!joined(sc.fold, p.t1, next) || p.eval.weight < 0 && !coordinated(sc.fold, p.t1, next)) {
				reached = false
			}
			next = p.t0
		}
		switch {
		case p.negator != 0 && endsQuarrel[sc.fold[p.t0]] && prepositionBetween(sc, p.t1, c.t0):
			// A verb of ending reaches its own object only ("resolve
			// their differences through dialogue": not the dialogue).
		case p.negator != 0 && !negated && reached && sc.fold[p.t0] != "nor" && negatorBefore(sc, toks, k):
			// "does not abandon its partners", "would not give up on
			// reform": a negating verb that is itself negated leaves its
			// object as it was. A "nor" after "neither" goes on negating.
			negated = true
		case p.negator != 0 && !negated && reached:
			negated = true
			if w < 0 && !(c.eval.role == lexicon.RoleMutual && endsQuarrel[sc.fold[p.t0]]) {
				// "did not condemn" is not praise: a negated negative
				// cue keeps only a little of its weight, with the sign flipped.
				w *= p.negator * negatedNegative
			} else {
				// Ending a quarrel the parties share ("settled their border
				// dispute", "ended a seven-year rupture") is itself an act
				// of reconciliation, so it counts in full.
				w *= p.negator
			}
			rk.mask |= ruleNegated
		case p.booster != 0 && c.t0-p.t1 <= 1:
			w *= 1 + p.booster
			if p.booster > 0 {
				rk.mask |= ruleBoosted
			} else {
				rk.mask |= ruleDampened
			}
		}
	}
	if w > 0 && !negated && counterfactual(sc, ci) {
		// "Germany would be a more credible leader if it spent more":
		// the better state of things that the condition would bring says
		// that it is not so now.
		w *= -counterfactualFactor
		rk.mask |= ruleCounterfactual
	}
	info := &sc.clauses[cl]
	if info.mult != 1 {
		w *= info.mult
		rk.mask |= info.rules.mask
		rk.before, rk.after = info.rules.before, info.rules.after
	}
	return w, rk
}

// counterfactualFactor weighs a favourable word that a counterfactual
// turns into a present shortcoming: an implication, not a statement.
const counterfactualFactor = 1.0

// counterfactual reports whether cue ci stands in a clause of the form
// "would be a more X ... if ...": "would" and then a comparative shortly
// before the cue in its clause, and a condition opening a clause shortly
// after it.
func counterfactual(sc *scratch, ci int) bool {
	c := &sc.cues[ci]
	cl := sc.clause[c.t0]
	cond := false
	for k := ci + 1; k < len(sc.cues) && sc.cues[k].t0 <= c.t1+counterfactualReach; k++ {
		if sc.cues[k].cond > 0 && sc.clause[sc.cues[k].t0] != cl {
			cond = true
			break
		}
	}
	if !cond {
		return false
	}
	would, comparative := false, false
	for p := c.t0 - 1; p >= 0 && p >= c.t0-counterfactualReach && sc.clause[p] == cl; p-- {
		switch f := sc.fold[p]; {
		case f == "would" || f == "'d":
			would = true
		case !would && (f == "more" || f == "better" || f == "far"):
			comparative = true
		}
	}
	return would && comparative
}

// counterfactualReach is how many words "would" may stand before the cue,
// and the condition after it: "would be a far more credible leader in
// Europe if".
const counterfactualReach = 8

// endsQuarrel are the first words of negators that put an end to what
// follows: applied to a quarrel both parties share, they make peace.
var endsQuarrel = setOf("end", "ends", "ended", "ending", "put", "ease", "eases", "eased", "easing", "overcame", "overcome", "overcoming", "avert", "averted", "averting", "settle", "settles", "settled", "settling",
	"resolve", "resolves", "resolved", "resolving", "defuse", "defused", "defusing", "mend", "mended", "mending", "heal", "healed", "healing")

// prepositionBetween reports whether a preposition stands in tokens
// [i, j), ending the noun phrase that starts at i.
func prepositionBetween(sc *scratch, i, j int) bool {
	for k := i; k < j; k++ {
		if sc.bits[k]&(wbVictim|wbAgent|wbFrom|wbBetween) != 0 || sc.bits[k]&wbCopulaBreak != 0 && sc.fold[k] != "that" {
			return true
		}
		switch sc.fold[k] {
		case "through", "via", "after", "before", "during", "amid", "under", "despite":
			return true
		}
	}
	return false
}

// negatorBefore reports whether cue k has a negator before it within
// negationScope tokens, in its clause and with no punctuation between.
func negatorBefore(sc *scratch, toks []segment.Token, k int) bool {
	c := &sc.cues[k]
	for j := k - 1; j >= 0; j-- {
		p := &sc.cues[j]
		if sc.clause[p.t0] != sc.clause[c.t0] || c.t0-p.t1 > negationScope || hasPunctBetween(toks, p.t1, c.t0) {
			return false
		}
		if p.negator != 0 {
			return !subordinateBetween(sc.bits, p.t1, c.t0)
		}
		if p.eval != nil && !p.mood {
			// "was not happy with Tokyo and therefore not impressed with
			// Seoul": an evaluative word between them is what the first
			// negator negates, so the second is not negated by it.
			return false
		}
	}
	return false
}

// intensifier reports whether cue ci, an evaluative word that is also a
// booster, only intensifies the cue right after it because that cue has
// the opposite sign: "exceptionally partisan", "a great shame", "deeply
// flawed" say nothing good.
func intensifier(sc *scratch, toks []segment.Token, ci int) bool {
	c := &sc.cues[ci]
	if c.booster <= 0 || ci+1 >= len(sc.cues) {
		return false
	}
	n := &sc.cues[ci+1]
	return n.eval != nil && n.eval.weight*c.eval.weight < 0 && n.t0-c.t1 <= 1 &&
		sc.clause[n.t0] == sc.clause[c.t0] && !hasPunctBetween(toks, c.t1, n.t0)
}

// joined reports whether tokens [i, j), between two cues, keep them in
// one phrase for a negator: a preposition of cause or target ("for",
// "against", "over") opens a new one.
func joined(fold []string, i, j int) bool {
	for k := i; k < j; k++ {
		switch fold[k] {
		case "for", "against", "over", "after", "despite":
			return false
		}
	}
	return true
}

// coordinated reports whether tokens [i, j), between two cues, join them
// as a list ("corrupt and incompetent") or the second is the object of the
// first ("without fear of reprisal"), where a negator before the first
// reaches both.
func coordinated(fold []string, i, j int) bool {
	for k := i; k < j; k++ {
		switch fold[k] {
		case "and", "or", "nor", ",", "of":
		default:
			return false
		}
	}
	return true
}

// subordinateBetween reports whether tokens [i, j) hold a word that opens
// a clause of its own, beyond the reach of a negator before it: "the hunt
// ended when marshals arrested him".
func subordinateBetween(bits []wordBits, i, j int) bool {
	for k := i; k < j; k++ {
		if bits[k]&wbSubordinate != 0 {
			return true
		}
	}
	return false
}

func hasPunctBetween(toks []segment.Token, i, j int) bool {
	for k := i; k < j; k++ {
		if toks[k].Kind == segment.Punct {
			return true
		}
	}
	return false
}

// attribute gives the evidence of cue ci to the mentions it is about.
func (a *Analyzer) attribute(sc *scratch, toks []segment.Token, ci int, ev Evidence, rk ruleKey) {
	c := &sc.cues[ci]
	cl := sc.clause[c.t0]
	role := c.eval.role
	switch {
	case c.eval.class == lexicon.Relation && role == lexicon.RoleAny:
		role = lexicon.RoleMutual
	case role == lexicon.RoleAny && ci+1 < len(sc.cues) && sc.cues[ci+1].t0 == c.t1 && sc.cues[ci+1].eval != nil &&
		sc.cues[ci+1].eval.class == lexicon.Relation && (sc.cues[ci+1].eval.role == lexicon.RoleMutual || sc.cues[ci+1].eval.role == lexicon.RoleAny):
		// A word that qualifies a relation named next ("waning ties
		// between Washington and Beijing", "fraternal ties") is said of
		// the relation's parties.
		role = lexicon.RoleMutual
	case role == lexicon.RoleAny && c.t1-c.t0 == 1 && len(sc.fold[c.t0]) > 5 && strings.HasSuffix(sc.fold[c.t0], "ly"):
		// An adverb ("effectively stop India", "acted responsibly")
		// describes how its doer acts, not the one acted upon.
		role = lexicon.RoleAgent
	}
	if sc.inMent[c.t0] {
		// A word inside a given target span describes that target alone.
		if m := sc.mentionAt(c.t0, c.t1); m >= 0 {
			rk.mask |= ruleInTarget
			sc.seen = sc.seen[:0]
			sc.minfo[m].recv += ev.Weight
			ev.Rules = sc.rules(rk)
			sc.pending = append(sc.pending, pending{mention: m, ev: ev, mask: rk.mask})
		}
		return
	}
	passive := a.passive(sc, c)
	if role == lexicon.RolePatient && rk.mask&ruleNegated != 0 && c.eval.weight < 0 && !passive &&
		(c.report || reproach(sc.fold[c.t0]) || c.eval.class == lexicon.Relation) {
		// "India did not condemn Russia", "Thailand did not join the
		// sanctions against Russia": a reproach or a penalty someone did
		// not deliver is no praise of whom it would have been about.
		return
	}
	if role == lexicon.RolePatient && c.eval.weight < 0 && c.t0 > 0 && (c.report || reproach(sc.fold[c.t0])) {
		if k := sc.cueAt[c.t0-1]; k >= 0 && sc.cues[k].eval != nil && sc.cues[k].eval.weight < 0 && sc.reportAfterAdverb(&sc.cues[k]) == ci {
			// "was falsely accused", "wrongly blamed Kenya": a reproach
			// said to be unfounded tells against the one who made it.
			return
		}
	}
	eligible := func(m int) bool {
		mi := &sc.minfo[m]
		mm := &sc.mentions[m]
		if mm.tok0 < c.t1 && mm.tok1 > c.t0 {
			return false
		}
		if mi.source && !(mm.tok0 >= c.t1 && mm.tok0-c.t1 <= 1) {
			return false
		}
		info := &sc.clauses[mi.clause]
		if mi.clause == cl && info.compare >= 0 && mm.tok0 > info.cmpLo && mm.tok0 < info.cmpEnd {
			return false // the compared-against side gets the opposite, later
		}
		return true
	}
	if b := sc.beneficiary(c, cl); b >= 0 {
		// "Manila's largest aid donor", "Kyiv's most consistent
		// supporter": the possessor is the one given to; the giver is
		// whom the phrase is said of.
		own := eligible
		eligible = func(m int) bool { return m != b && sc.minfo[m].group != sc.minfo[b].group && own(m) }
	}
	var chosen []int
	soloMutual := false
	rk.mask |= roleRule[role]
	if r := sc.reportAfterAdverb(c); r >= 0 {
		// "Pakistan falsely claimed", "he wrongly blamed the press": an
		// adverb of a reporting verb says how its speaker spoke, and so
		// portrays the speaker, whom attribution otherwise keeps out; of
		// a passive one ("was wrongly accused") it portrays the accuser,
		// never the one accused.
		rc := &sc.cues[r]
		if a.passive(sc, rc) {
			m := a.agentAfter(sc, rc, cl, func(int) bool { return true })
			if m < 0 {
				return
			}
			chosen = a.group(sc, m, func(k int) bool { return !sc.minfo[k].victim })
		} else if m := a.subjectBefore(sc, toks, rc.t0); m >= 0 {
			chosen = a.group(sc, m, func(k int) bool { return !sc.minfo[k].victim })
		}
		// A speaker set off by a parenthesis ("China, Pakistan's closest
		// partner, had warmly welcomed") is left to the usual search.
	}
	if m := sc.regardedAs(c.t0, cl); chosen == nil && m >= 0 && !passive && eligible(m) {
		// "Washington sees New Delhi, not Islamabad, as its principal
		// partner": what follows "as" is said of the one so regarded,
		// not of who regards it, whatever the word's role.
		chosen = a.group(sc, m, eligible)
		rk.mask = rk.mask&^(ruleRoleAny|ruleRoleAgent|ruleRolePatient|ruleRoleMutual) | ruleRegardedAs
	}
	if chosen == nil {
		switch role {
		case lexicon.RolePatient:
			notAgent := func(m int) bool {
				mi := &sc.minfo[m]
				// The "from" of "away from Pakistan" is the cue's own word.
				own := sc.mentions[m].tok0 >= c.t1 && sc.markerAt(sc.mentions[m].tok0) >= c.t0 && sc.markerAt(sc.mentions[m].tok0) < c.t1
				return eligible(m) && (own || !mi.agentBy && !mi.from)
			}
			if eachOther(sc.fold, c.t1) {
				// "Greece and Türkiye accused each other": the doers are the
				// ones done to, speakers or not.
				chosen = a.nearest(sc, c, cl, func(m int) bool {
					mi := &sc.minfo[m]
					return !mi.victim && !mi.agentBy && !mi.from
				}, before)
				rk.mask = rk.mask&^ruleRolePatient | ruleRoleMutual
			} else if passive {
				// The passive's subject, not a place inside it ("Indonesian
				// peacekeepers in Lebanon were praised"); a place only when
				// nothing else is named.
				chosen = a.nearest(sc, c, cl, func(m int) bool { return notAgent(m) && !sc.minfo[m].victim }, before)
				if chosen == nil {
					chosen = a.nearest(sc, c, cl, notAgent, before)
				}
				rk.mask |= rulePassive
			} else {
				// The subject right before an active verb of blame ("the
				// drills that Taipei condemned as reckless") does the act and
				// is not its object; nor is its own name as a place after it
				// ("the EU summoned both envoys to Brussels"). Praise is left
				// alone: those who hail a launch or a deal are most often its
				// parties.
				subjGroup, subjTarget := -1, ""
				if s := sc.endingAt(c.t0); s >= 0 && c.eval.weight < 0 && sc.subjectPlace(toks, s) {
					subjGroup, subjTarget = sc.minfo[s].group, sc.mentions[s].Target
				}
				notSubject := func(m int) bool {
					return sc.minfo[m].group != subjGroup &&
						(sc.mentions[m].Target != subjTarget || sc.mentions[m].tok0 >= c.t1 && !sc.minfo[m].victim)
				}
				chosen = a.nearest(sc, c, cl, func(m int) bool {
					return notAgent(m) && notSubject(m) && !sc.placeAfterObject(c, m)
				}, after)
				if chosen == nil {
					if m := sc.possessor(c, cl, eligible); m >= 0 {
						if namesObjectAfter(sc, toks, c) {
							// "China's criticism of the plan", "Trump's
							// admiration for Putin": the possessor is the
							// one who criticises or admires, and what it
							// is about is no target.
							return
						}
						// "called for Obama's impeachment": the one impeached.
						chosen = a.group(sc, m, eligible)
						break
					}
					if !attributionTag(sc, toks, c) {
						chosen = a.nearest(sc, c, cl, func(m int) bool {
							return notAgent(m) && notSubject(m) && !sc.minfo[m].victim
						}, before)
					}
				}
			}
		case lexicon.RoleAgent:
			if m := a.agentAfter(sc, c, cl, eligible); m >= 0 {
				chosen = a.group(sc, m, eligible)
			} else if m := sc.accusedOf(toks, c); m >= 0 && c.eval.weight < 0 && eligible(m) {
				// "accused Ankara of violating Iraqi sovereignty with
				// repeated airstrikes": the one accused is the doer of
				// what it is accused of.
				chosen = a.group(sc, m, eligible)
			} else if m := sc.endingAt(c.t0); m >= 0 && sc.mentions[m].Kind == "demonym" && !passive && eligible(m) {
				// "Chinese loans", "Russian aggression": a demonym right
				// before the act names its doer.
				chosen = a.group(sc, m, eligible)
			} else if m := sc.possessor(c, cl, eligible); m >= 0 && !passive && c.eval.weight < 0 {
				// "condemned Russia's invasion of Ukraine": the possessor of
				// a harmful act is its doer, whatever marks the phrase it
				// heads (of a helpful one it may be the one helped:
				// "came to Pakistan's rescue").
				chosen = a.group(sc, m, eligible)
			} else if c.eval.weight > 0 && recipientBefore(sc, toks, c) {
				// "Tunisia requested a loan", "he needed help": the one
				// who asks for or receives a favour is not its giver, and
				// the giver is not named.
				return
			} else if m := appositiveSubject(sc, toks, c); m >= 0 && !passive && eligible(m) {
				// "Japan, long Bangladesh's largest donor, pledged ...": the
				// doer is the one the parenthesis is about, not a name
				// inside it.
				chosen = a.group(sc, m, eligible)
			} else if !passive {
				chosen = a.nearest(sc, c, cl, func(m int) bool {
					return eligible(m) && !sc.minfo[m].victim && !sc.minfo[m].ofObject && !sc.minfo[m].recipient && !sc.minfo[m].between
				}, before)
			}
		case lexicon.RoleMutual:
			// A relation named right after its parties ("Pak-China
			// cooperation", "China's all-weather friend", "US-India ties") is
			// theirs alone.
			// Cooperation refused or withheld ("Ghana refused to cooperate
			// with the AU inquiry") is the refuser's doing: the party
			// named after it is not to blame.
			refused := rk.mask&ruleNegated != 0 && c.eval.weight > 0
			if m := a.nearest(sc, c, cl, eligible, before); m != nil && c.t0-sc.mentions[m[0]].tok1 <= 2 &&
				!hasPunctBetween(toks, sc.mentions[m[0]].tok1, c.t0) && !sc.minfo[m[0]].victim {
				chosen = append(chosen, m...)
				// "its partnership with Guatemala": the other party follows.
				if w := a.withParty(sc, c, cl, eligible); w >= 0 && !refused {
					chosen = append(chosen[:len(chosen):len(chosen)], a.group(sc, w, eligible)...)
				}
				break
			}
			// "ties between the US and China", "waning ties between ...":
			// the parties are named after "between".
			if m := a.betweenParty(sc, ci, cl, eligible); m >= 0 {
				chosen = a.group(sc, m, eligible)
				break
			}
			// Otherwise the parties are every target of the clause but places,
			// victims, objects of the cue ("blockade of Taiwan") and speakers.
			for _, m := range sc.window(cl, c.t0) {
				mi := &sc.minfo[m]
				if mi.clause == cl && eligible(m) && !mi.victim && !(mi.ofObject && sc.mentions[m].tok0-c.t1 <= 2) &&
					!(refused && sc.mentions[m].tok0 >= c.t1) {
					chosen = append(chosen, m)
				}
			}
			if w := a.withParty(sc, c, cl, eligible); w >= 0 && len(chosen) > 0 && all(chosen, func(m int) bool { return sc.minfo[m].group == sc.minfo[w].group }) {
				// "Hanoi described a convergence with Manila", "Seoul hailed
				// its partnership with Canberra": a speaker who names only the
				// other party of a relation is the first.
				for _, m := range sc.window(cl, c.t0) {
					if mi := &sc.minfo[m]; mi.source && mi.clause == cl && sc.mentions[m].tok1 <= c.t0 {
						chosen = append(chosen, m)
					}
				}
			}
			// Cooperation credited to one party, its partner unnamed ("Trump
			// and his allies", "arrived for a visit"), says less of it than
			// cooperation between named parties: who the partner is makes
			// it praise or not. Hostility marks its one party all the same.
			soloMutual = c.eval.weight > 0 && oneTarget(sc, chosen)
		default:
			if !sc.headline && describesName(sc, toks, c.t1) {
				// "the veteran envoy Ana Ruiz": the cue describes a person
				// who is not a target.
				return
			}
			if m := sc.accusedOf(toks, c); m >= 0 && c.eval.weight < 0 && eligible(m) {
				// "accused Japan of hyping up a threat": what one is
				// accused of describes the accused.
				chosen = a.group(sc, m, eligible)
				break
			}
			if m := sc.copulaSubject(toks, c); m >= 0 && eligible(m) && !sc.minfo[m].source {
				// "Lithuania had been among the bravest of Kyiv's allies": a
				// word predicated of the subject describes it, whatever
				// names follow it. A place before the subject ("In
				// Congress, he has been ...") is no part of it.
				chosen = a.group(sc, m, func(k int) bool { return eligible(k) && !sc.minfo[k].victim })
				break
			}
			if m := sc.possessor(c, cl, eligible); m >= 0 && c.eval.weight < 0 {
				// "a protest over Pyongyang's reckless launches": a harmful
				// quality of what the possessor has or does is theirs. A
				// favourable word there often only classifies the thing
				// ("the UN's humanitarian appeal").
				chosen = a.group(sc, m, eligible)
				break
			}
			chosen = a.nearest(sc, c, cl, func(m int) bool {
				mi := &sc.minfo[m]
				return eligible(m) && !mi.victim && !mi.from && !mi.between && !(mi.recipient && modifiesNoun(sc, toks, c))
			}, either)
			if chosen == nil {
				chosen = a.nearest(sc, c, cl, eligible, either)
			}
		}
	}
	factor := 1.0
	if soloMutual {
		factor = soloPartyFactor
	}
	if chosen == nil && !passive && role != lexicon.RoleMutual {
		if m := sc.sole; m >= 0 && !sc.minfo[m].victim && !sc.minfo[m].source {
			// A sentence about one target speaks of it throughout, but a
			// relation needs its parties named.
			chosen = a.group(sc, m, func(int) bool { return true })
			factor = soleTargetFactor
			rk.mask |= ruleSoleTarget
		}
	}
	if chosen == nil && role != lexicon.RolePatient && !passive {
		// A clause that names no target ("..., which has grown fast")
		// speaks of the nearest target outside it, at half weight.
		best, bestD := -1, math.MaxInt
		for _, m := range sc.before(c.t0) {
			if sc.minfo[m].source || sc.minfo[m].victim || sc.mentions[m].tok0 > c.t0 {
				continue
			}
			if d := c.t0 - sc.mentions[m].tok1; d < bestD {
				best, bestD = m, d
			}
		}
		if best >= 0 {
			chosen = a.group(sc, best, func(m int) bool { return !sc.minfo[m].source })
			factor = 0.5
			rk.mask |= ruleOtherClause
		}
	}
	sc.seen = sc.seen[:0]
	rules := sc.rules(rk)
	for _, m := range chosen {
		t := sc.mentions[m].Target
		if slices.Contains(sc.seen, t) {
			continue
		}
		sc.seen = append(sc.seen, t)
		e := ev
		e.Weight *= factor
		e.Rules = rules
		sc.minfo[m].recv += e.Weight
		sc.pending = append(sc.pending, pending{mention: m, ev: e, mask: rk.mask})
	}
}

// all reports whether every element of s satisfies f.
func all(s []int, f func(int) bool) bool {
	for _, v := range s {
		if !f(v) {
			return false
		}
	}
	return true
}

// officials are the people who act for a state, named by where they sit:
// "officials in Hanoi", "policymakers in Washington". Diplomats, envoys
// and negotiators are left out: "Western diplomats in Beijing" are
// foreigners posted there.
var officials = setOf("officials", "policymakers", "policy-makers", "authorities", "leaders", "rulers",
	"ministers", "lawmakers", "legislators", "strategists", "planners", "generals", "government", "regime")

// objectPreps introduce the one an act of judging is about ("criticism
// of", "admiration for", "contempt toward").
var objectPreps = setOf("of", "for", "toward", "towards", "on", "against", "at", "over")

// namesObjectAfter reports whether cue c ends in, or is followed by, a
// preposition that names what it is about.
func namesObjectAfter(sc *scratch, toks []segment.Token, c *cue) bool {
	if c.t1 < len(toks) && objectPreps[sc.fold[c.t1]] {
		return true
	}
	return c.t1-c.t0 > 1 && objectPreps[sc.fold[c.t1-1]]
}

// reportAfterAdverb returns the reporting verb cue that evaluative cue c,
// a single adverb ("falsely", "rightly"), directly precedes, or -1.
func (sc *scratch) reportAfterAdverb(c *cue) int {
	if c.t1-c.t0 != 1 || c.t1 >= len(sc.cueAt) || c.eval.class != lexicon.Affect || c.eval.role != lexicon.RoleAny {
		return -1
	}
	if w := sc.fold[c.t0]; len(w) <= 5 || !strings.HasSuffix(w, "ly") {
		return -1
	}
	if r := sc.cueAt[c.t1]; r >= 0 && sc.cues[r].report {
		return r
	}
	return -1
}

// recipientVerbs take as object a favour that their subject receives:
// "received aid", "sought assistance", "needs another loan".
var recipientVerbs = setOf("receive", "receives", "received", "receiving", "get", "gets", "got", "getting",
	"need", "needs", "needed", "needing", "seek", "seeks", "sought", "seeking", "request", "requests",
	"requested", "requesting", "accept", "accepts", "accepted", "accepting", "obtain", "obtains", "obtained",
	"spend", "spends", "spent", "spending", "repay", "repays", "repaid", "repaying", "enjoy", "enjoys", "enjoyed")

// askVerbs are the verbs of "asked for help": the favour after "for" goes
// to their subject.
var askVerbs = setOf("ask", "asks", "asked", "asking", "apply", "applies", "applied", "applying",
	"appeal", "appeals", "appealed", "appealing", "beg", "begs", "begged", "plead", "pleads", "pleaded",
	"lobby", "lobbies", "lobbied", "call", "calls", "called", "calling", "qualify", "qualifies", "qualified")

// favours are the material help that a recipient asks for or gets. Backing
// and endorsement are left out: to have them says something good of whom
// they go to.
var favours = setOf("aid", "assistance", "help", "loan", "loans", "bailout", "bailouts", "funding", "funds",
	"grant", "grants", "credit", "credits", "relief", "handout", "handouts", "rescue", "lifeline", "donations",
	"subsidies", "subsidy", "money", "financing", "investment", "investments", "deposit", "deposits")

// recipientBefore reports whether cue c, a favour, is the object of a verb of
// receiving or asking ("requested a bailout", "asked for more aid",
// "received the first tranche of the loan"), at most six words before it,
// with no punctuation or target in between.
func recipientBefore(sc *scratch, toks []segment.Token, c *cue) bool {
	if !favours[sc.fold[c.t1-1]] {
		return false
	}
	for k := c.t0 - 1; k >= 0 && k >= c.t0-6; k-- {
		if sc.inMent[k] || toks[k].Kind == segment.Punct || sc.fold[k] == "to" {
			// "seeks to attract investment": the favour is the object of
			// another verb.
			return false
		}
		f := sc.fold[k]
		if recipientVerbs[f] || f == "for" && k > 0 && askVerbs[sc.fold[k-1]] {
			return true
		}
	}
	return false
}

// oneTarget reports whether mentions ms are all of one target.
func oneTarget(sc *scratch, ms []int) bool {
	if len(ms) == 0 {
		return false
	}
	t := sc.mentions[ms[0]].Target
	for _, m := range ms[1:] {
		if sc.mentions[m].Target != t {
			return false
		}
	}
	return true
}

// soloPartyFactor weighs a cooperative relation that names only one of
// its parties.
const soloPartyFactor = 0.5

// possessor returns the mention whose possessive ("Obama's", "Daniels'")
// stands right before cue c, at most one word between, in its clause; or
// -1.
func (sc *scratch) possessor(c *cue, cl int, eligible func(int) bool) int {
	for _, m := range sc.window(cl, c.t0) {
		mm := &sc.mentions[m]
		if mm.tok1 >= c.t0 || sc.minfo[m].clause != cl || !eligible(m) {
			continue
		}
		if f := sc.fold[mm.tok1]; f != "'s" && f != "'" {
			continue
		}
		if gap := c.t0 - mm.tok1 - 1; gap >= 0 && gap <= 1 && (gap == 0 || !sc.inMent[mm.tok1+1]) {
			return m
		}
	}
	return -1
}

// appositionOpeners are words that open a noun phrase in apposition.
var appositionOpeners = setOf("a", "an", "the", "long", "once", "now", "still", "itself", "already", "traditionally",
	"historically", "formerly", "currently", "another", "one", "its", "their", "his", "her")

// appositiveSubject returns the mention that a verb cue c follows as its
// subject across a parenthesis set off by commas ("Japan, long
// Bangladesh's largest donor, has pledged ..."), or -1. At most three
// lower-case words (auxiliaries, adverbs) stand between the closing comma
// and the cue, and at most twelve tokens inside the parenthesis.
func appositiveSubject(sc *scratch, toks []segment.Token, c *cue) int {
	k := c.t0 - 1
	for n := 0; k >= 0 && n < 3 && sc.fold[k] != ","; k, n = k-1, n+1 {
		if toks[k].Kind != segment.Word || sc.inMent[k] || sc.cueAt[k] >= 0 || capitalised(toks[k]) {
			return -1
		}
	}
	if k < 1 || sc.fold[k] != "," {
		return -1
	}
	inner := false
	for j := k - 1; j >= 1 && j >= k-13; j-- {
		if sc.fold[j] == "," {
			if !inner || !sc.inMent[j-1] {
				return -1
			}
			m := sc.mentOf[j-1]
			if m < 0 || sc.mentions[m].tok1 != j || sc.minfo[m].pronoun {
				return -1
			}
			// A parenthesis opens with a noun phrase ("a close ally of
			// Riyadh", "long Dhaka's donor", "Kenya's neighbour"), not a
			// verb of a list of actions ("..., do everything to deny him,
			// and support ...").
			if f := sc.fold[j+1]; !appositionOpeners[f] && !sc.inMent[j+1] && !capitalised(toks[j+1]) {
				return -1
			}
			return m
		}
		if toks[j].Kind == segment.Punct {
			return -1
		}
		inner = inner || sc.inMent[j]
	}
	return -1
}

// giverNouns name a party by what it gives or does for another: the
// possessor of one ("Manila's donor") is the other.
var giverNouns = setOf("donor", "donors", "supporter", "supporters", "backer", "backers", "lender", "lenders",
	"creditor", "creditors", "sponsor", "sponsors", "benefactor", "benefactors", "patron", "patrons",
	"provider", "providers", "supplier", "suppliers", "guarantor", "guarantors", "protector", "protectors",
	"defender", "defenders", "champion", "champions", "investor", "investors", "funder", "funders")

// beneficiary returns the possessor of a noun phrase headed by a giver
// noun that cue c stands in or heads ("Kyiv's most consistent supporter",
// "Manila's largest aid donor"), with at most three words between the
// possessive and the cue, or -1.
func (sc *scratch) beneficiary(c *cue, cl int) int {
	head := c.t1 - 1
	if !giverNouns[sc.fold[head]] {
		head = -1
		for k := c.t1; k < len(sc.fold) && k <= c.t1+1; k++ {
			if giverNouns[sc.fold[k]] {
				head = k
				break
			}
			if sc.inMent[k] || sc.cueAt[k] >= 0 {
				break
			}
		}
		if head < 0 {
			return -1
		}
	}
	for k := c.t0 - 1; k >= 0 && k >= c.t0-4; k-- {
		if sc.clause[k] != cl {
			return -1
		}
		if f := sc.fold[k]; f == "'s" || f == "'" {
			if k > 0 && sc.inMent[k-1] {
				return sc.mentOf[k-1]
			}
			return -1
		}
		if sc.inMent[k] {
			return -1
		}
	}
	return -1
}

// describesName reports whether a name of two or more capitalised words
// that is not a target starts at token i, or after one lower-case word
// there ("the veteran envoy Ana Ruiz", "embattled Mayor Dan Cole"): then a
// cue ending at i describes that name.
func describesName(sc *scratch, toks []segment.Token, i int) bool {
	for k := i; k < len(toks) && k <= i+1; k++ {
		if sc.inMent[k] || toks[k].Kind != segment.Word {
			return false
		}
		if capitalised(toks[k]) {
			return k+1 < len(toks) && capitalised(toks[k+1]) && !sc.inMent[k+1]
		}
	}
	return false
}

// eachOther reports whether "each other" or "one another" starts at token i.
func eachOther(fold []string, i int) bool {
	return i+1 < len(fold) && (fold[i] == "each" && fold[i+1] == "other" || fold[i] == "one" && fold[i+1] == "another")
}

type direction int

const (
	before direction = iota
	after
	either
)

// nearest returns the eligible mention of clause cl nearest to cue c in
// the given direction, with the mentions coordinated with it.
func (a *Analyzer) nearest(sc *scratch, c *cue, cl int, eligible func(int) bool, dir direction) []int {
	best, bestD := -1, math.MaxInt
	for _, m := range sc.window(cl, c.t0) {
		mm := &sc.mentions[m]
		if sc.minfo[m].clause != cl || !eligible(m) {
			continue
		}
		var d int
		switch {
		case mm.tok1 <= c.t0:
			if dir == after {
				continue
			}
			d = c.t0 - mm.tok1
		case mm.tok0 >= c.t1:
			if dir == before {
				continue
			}
			d = mm.tok0 - c.t1
			if dir == either {
				d++ // ties go to the mention before: the subject or possessor
			}
		default:
			continue
		}
		if d < bestD {
			best, bestD = m, d
		}
	}
	if best < 0 {
		return nil
	}
	return a.group(sc, best, eligible)
}

// group returns m and the eligible mentions coordinated with it, in a
// buffer reused by the next call.
func (a *Analyzer) group(sc *scratch, m int, eligible func(int) bool) []int {
	out := sc.groupBuf[:0]
	defer func() { sc.groupBuf = out }()
	for _, k := range sc.around(m) {
		if sc.minfo[k].group == sc.minfo[m].group && (k == m || eligible(k)) {
			out = append(out, k)
		}
	}
	return out
}

// agentAfter returns a mention after the cue marked as the doer ("by
// Russia", "aid from China"), or -1.
func (a *Analyzer) agentAfter(sc *scratch, c *cue, cl int, eligible func(int) bool) int {
	for _, m := range sc.window(cl, c.t1) {
		mm := &sc.mentions[m]
		mi := &sc.minfo[m]
		// "aid from China" names the giver; "praise from Seoul" the speaker.
		doer := mi.agentBy || (mi.from && c.eval.class == lexicon.Relation)
		// The "by" of "stands by Pakistan" belongs to the cue: Pakistan
		// is the one stood by.
		own := mm.tok0 >= c.t1 && sc.markerAt(mm.tok0) < c.t1
		if mm.tok0 >= c.t1 && mi.clause == cl && doer && !own && mm.tok0-c.t1 <= 6 && eligible(m) {
			return m
		}
	}
	return -1
}

// betweenParty returns the first mention after "between" or "among" right
// after relation cue ci, or after the relation it qualifies ("ties between
// the US and China", "waning ties between Washington and Beijing"), or -1.
func (a *Analyzer) betweenParty(sc *scratch, ci, cl int, eligible func(int) bool) int {
	end := sc.cues[ci].t1
	if next := ci + 1; next < len(sc.cues) && sc.cues[next].t0 == end && sc.cues[next].eval != nil &&
		sc.cues[next].eval.class == lexicon.Relation {
		end = sc.cues[next].t1 // the cue qualifies the relation named next
	}
	if end+1 >= len(sc.fold) || sc.fold[end] != "between" && sc.fold[end] != "among" {
		return -1
	}
	for _, m := range sc.window(cl, end) {
		mm := &sc.mentions[m]
		if mm.tok0 > end && mm.tok0 <= end+2 && sc.markerAt(mm.tok0) == end && eligible(m) {
			return m
		}
	}
	return -1
}

// withParty returns the mention right after relation cue c introduced by
// "with" ("ties with Russia"), also past a short "of" phrase that
// completes the cue ("convergence of interests with China", "exchange of
// views with Tehran"), or -1.
func (a *Analyzer) withParty(sc *scratch, c *cue, cl int, eligible func(int) bool) int {
	with := c.t1
	if with < len(sc.fold) && sc.fold[with] == "of" {
		for k := with + 2; k <= with+3 && k < len(sc.fold); k++ {
			if sc.fold[k] == "with" && sc.clause[k] == cl {
				with = k
				break
			}
		}
	}
	if with+1 >= len(sc.fold) || sc.fold[with] != "with" {
		return -1
	}
	for _, m := range sc.window(cl, with) {
		mm := &sc.mentions[m]
		if mm.tok0 > with && mm.tok0 <= with+2 && sc.markerAt(mm.tok0) == with && eligible(m) {
			return m
		}
	}
	return -1
}

// passive reports whether cue c is a participle after a form of "be" or
// "get" ("was praised", "has been accused").
func (a *Analyzer) passive(sc *scratch, c *cue) bool {
	w := sc.fold[c.t0]
	if !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "en") {
		return false
	}
	if last := c.t1 - 1; last > c.t0 && (sc.bits[last]&(wbVictim|wbOf|wbFrom) != 0 || sc.fold[last] == "with") {
		// "has been impressed with Rubio", "was disappointed in Tokyo":
		// a participle that names its own preposition takes the one it
		// evaluates after it; the subject only feels it.
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

// comparatives gives the compared-against side of "closer to A than B",
// "A rather than B", "unlike B, A" the opposite of what the other side got.
func (a *Analyzer) comparatives(sc *scratch, toks []segment.Token, text string, base int) {
	for cl := range sc.clauses {
		info := &sc.clauses[cl]
		if info.compare < 0 {
			continue
		}
		k := info.compare
		var aSide, bSide []int
		for _, m := range sc.order[sc.clauseLo[cl]:sc.clauseLo[cl+1]] {
			mi := &sc.minfo[m]
			if mi.clause != cl || mi.source {
				continue
			}
			mm := &sc.mentions[m]
			if mm.tok0 > info.cmpLo && mm.tok0 < info.cmpEnd {
				bSide = append(bSide, m)
			} else {
				aSide = append(aSide, m)
			}
		}
		if len(aSide) == 0 || len(bSide) == 0 {
			continue
		}
		// "warmer toward China than toward America", "looks to Washington
		// rather than Beijing": when the preferred side is named as where
		// a leaning goes, the one who leans is no side of the comparison.
		// Both sides must be so named ("toward A than toward B"), or the
		// marker must follow the one side directly ("to A rather than B"):
		// in "a more dependable ally to Ukraine than Hungary" Ukraine is
		// only the one helped.
		parallel := false
		for _, m := range bSide {
			parallel = parallel || sc.directedAt(sc.mentions[m].tok0)
		}
		directed := 0
		for _, m := range aSide {
			if mm := &sc.mentions[m]; sc.directedAt(mm.tok0) && (parallel || mm.tok1 == k && info.cmpTerm != "than") {
				aSide[directed] = m
				directed++
			}
		}
		if directed > 0 {
			aSide = aSide[:directed]
		}
		var sum float64
		targets := map[string]bool{}
		for _, m := range aSide {
			sum += sc.minfo[m].recv
			targets[sc.mentions[m].Target] = true
		}
		var w float64
		var cueTok int
		cmpRule := ruleComparativeOpposite
		if sum != 0 {
			w = -sum / float64(len(targets))
			cueTok = k
		} else {
			p, at := 0.0, -1
			for t := 0; t < k; t++ {
				if sc.clause[t] != cl {
					continue
				}
				if sign := a.comparativeSign(sc.fold[t]); sign != 0 {
					p, at = sign, t
				}
			}
			if p == 0 && directed > 0 && (info.cmpTerm == "rather than" || info.cmpTerm == "instead of") {
				p, at = 1, k
			}
			if p == 0 {
				continue
			}
			w, cueTok, cmpRule = -p*sc.clauses[cl].mult, at, ruleComparative
			// The preferred side gets the comparative's own sign.
			ev := Evidence{
				Span: Span{base + toks[at].Start, base + toks[at].End}, Text: text[toks[at].Start:toks[at].End],
				Term: sc.fold[at], Weight: -w, Rules: sc.rules(ruleKey{mask: ruleComparative}),
			}
			done := map[string]bool{}
			for _, m := range aSide {
				if t := sc.mentions[m].Target; !done[t] {
					done[t] = true
					sc.pending = append(sc.pending, pending{mention: m, ev: ev})
				}
			}
		}
		ev := Evidence{
			Span: Span{base + toks[cueTok].Start, base + toks[cueTok].End}, Text: text[toks[cueTok].Start:toks[cueTok].End],
			Term: sc.fold[cueTok], Weight: w, Rules: sc.rules(ruleKey{mask: cmpRule}),
		}
		done := map[string]bool{}
		for _, m := range bSide {
			if t := sc.mentions[m].Target; !done[t] && !targets[t] {
				done[t] = true
				sc.pending = append(sc.pending, pending{mention: m, ev: ev})
			}
		}
	}
}

// directedAt reports whether the mention starting at token i is named as
// the way a leaning goes: right after "toward", "to" or "on", or after
// "toward" and a determiner.
func (sc *scratch) directedAt(i int) bool {
	p := sc.markerAt(i)
	if p < 0 {
		return false
	}
	switch sc.fold[p] {
	case "toward", "towards", "to", "on":
		return true
	}
	return false
}

// comparativeSign returns +1 for a comparative that favours the side it
// describes ("more", "closer", "safer"), -1 for one that disfavours it
// ("less", "worse"), and 0 otherwise. An "-er" adjective takes the sign
// of its base form in the lexicon.
func (a *Analyzer) comparativeSign(w string) float64 {
	switch {
	case cmpPositive[w]:
		return 1
	case cmpNegative[w]:
		return -1
	case len(w) < 5 || !strings.HasSuffix(w, "er"):
		return 0
	}
	stem := w[:len(w)-2]
	bases := []string{stem, w[:len(w)-1]}
	if strings.HasSuffix(stem, "i") {
		bases = append(bases, stem[:len(stem)-1]+"y")
	}
	if n := len(stem); n > 2 && stem[n-1] == stem[n-2] {
		bases = append(bases, stem[:n-1])
	}
	for _, b := range bases {
		if n := a.cues.firstWord(b); n != nil {
			for _, e := range n.entries {
				if e.class == lexicon.Affect && e.weight != 0 {
					return math.Copysign(1, e.weight)
				}
			}
		}
	}
	return 0
}

// collect groups mentions and evidence by target, in order of first
// mention, and scores each target. The targets' Mentions and Evidence are
// cut from one backing array each, to keep allocations per sentence low.
func (a *Analyzer) collect(sc *scratch, toks []segment.Token, base int, dst []Target) []Target {
	find := func(id string) int {
		for i := range dst {
			if dst[i].ID == id {
				return i
			}
		}
		return -1
	}
	nMentions := 0
	for m := range sc.mentions {
		mm := &sc.mentions[m]
		if sc.minfo[m].pronoun || (a.cfg.only != nil && !a.cfg.only[mm.Target]) {
			continue
		}
		nMentions++
		if find(mm.Target) < 0 {
			dst = append(dst, Target{ID: mm.Target, Name: mm.Name})
		}
	}
	if len(dst) == 0 {
		return dst
	}
	// Mentions, grouped by target in order of appearance.
	ms := make([]Mention, 0, nMentions)
	for i := range dst {
		start := len(ms)
		for m := range sc.mentions {
			if !sc.minfo[m].pronoun && sc.mentions[m].Target == dst[i].ID {
				ms = append(ms, sc.mentions[m])
			}
		}
		dst[i].Mentions = ms[start:len(ms):len(ms)]
	}
	// Evidence, grouped by target and sorted by position.
	nEv := 0
	for _, p := range sc.pending {
		if find(sc.mentions[p.mention].Target) >= 0 {
			nEv++
		}
	}
	if nEv > 0 {
		evs := make([]Evidence, 0, nEv)
		for i := range dst {
			start := len(evs)
			f := a.prevails(sc, dst[i].ID)
			for _, p := range sc.pending {
				if sc.mentions[p.mention].Target == dst[i].ID {
					e := p.ev
					if p.mask&f != 0 {
						e.Weight *= prevailedFactor
						e.Rules = append(e.Rules[:len(e.Rules):len(e.Rules)], "outweighed")
					}
					evs = append(evs, e)
					dst[i].Raw += e.Weight
				}
			}
			dst[i].Evidence = evs[start:len(evs):len(evs)]
			slices.SortStableFunc(dst[i].Evidence, func(x, y Evidence) int { return x.Span.Start - y.Span.Start })
		}
	}
	pa, pb := a.reciprocal(sc)
	for i := range dst {
		t := &dst[i]
		t.Clauses = a.clauseSpans(sc, toks, base, t.ID, t.Clauses[:0])
		t.Score = squash(t.Raw)
		t.Label = a.Label(t.Score)
		t.Source = a.sourceOf(sc, t.ID)
		switch {
		case t.Source != "":
		case t.ID == pa:
			t.Source = pb
		case t.ID == pb:
			t.Source = pa
		}
	}
	return dst
}

// clauseSpans returns the byte spans of the clauses that mention target id.
func (a *Analyzer) clauseSpans(sc *scratch, toks []segment.Token, base int, id string, dst []Span) []Span {
	last := -1
	for m := range sc.mentions {
		mi := &sc.minfo[m]
		if sc.mentions[m].Target != id || mi.pronoun || mi.clause == last {
			continue
		}
		last = mi.clause
		// Clause numbers never decrease along the tokens (splitClauses
		// only opens new ones), so a clause's tokens are found by binary
		// search: a scan of every token per clause is quadratic in a
		// sentence of many clauses.
		lo, _ := slices.BinarySearch(sc.clause, mi.clause)
		hi, _ := slices.BinarySearch(sc.clause, mi.clause+1)
		hi--
		if lo <= hi {
			sp := Span{base + toks[lo].Start, base + toks[hi].End}
			if n := len(dst); n == 0 || dst[n-1] != sp {
				dst = append(dst, sp)
			}
		}
	}
	return dst
}

// sourceOf returns the target whose attitude toward target id the
// sentence reports: the speaker of a reporting verb in the clause that
// first names id, else the nearest speaker before it, else any speaker.
func (a *Analyzer) sourceOf(sc *scratch, id string) string {
	first := -1
	for m := range sc.mentions {
		if sc.mentions[m].Target == id && !sc.minfo[m].pronoun && (first < 0 || sc.mentions[m].tok0 < sc.mentions[first].tok0) {
			first = m
		}
	}
	if first < 0 {
		return ""
	}
	f := &sc.mentions[first]
	same, before, other := "", "", ""
	beforeTok := -1
	for m := range sc.mentions {
		mm := &sc.mentions[m]
		if !sc.minfo[m].source || mm.Target == id {
			continue
		}
		if other == "" {
			other = mm.Target
		}
		if same == "" && sc.minfo[m].clause == sc.minfo[first].clause {
			same = mm.Target
		}
		if mm.tok0 < f.tok0 && mm.tok0 > beforeTok {
			before, beforeTok = mm.Target, mm.tok0
		}
	}
	switch {
	case same != "":
		return same
	case before != "":
		return before
	}
	return other
}

// reciprocal returns the two parties of a reciprocal relation — a mutual
// cue shared by exactly two targets, each the other's source — when the
// sentence names no speaker.
func (a *Analyzer) reciprocal(sc *scratch) (pa, pb string) {
	for m := range sc.mentions {
		if sc.minfo[m].source {
			return "", ""
		}
	}
	for _, p := range sc.pending {
		if p.mask&ruleRoleMutual == 0 {
			continue
		}
		switch t := sc.mentions[p.mention].Target; {
		case pa == "" || t == pa:
			pa = t
		case pb == "" || t == pb:
			pb = t
		default:
			return "", "" // three or more parties
		}
	}
	if pb == "" {
		return "", ""
	}
	return pa, pb
}
