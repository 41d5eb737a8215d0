package stance

// Cues and clauses: finding the lexicon's entries in a sentence and the
// clause boundaries that limit what they reach.

import (
	"math"
	"strings"

	"github.com/geostance/geostance/internal/segment"
	"github.com/geostance/geostance/lexicon"
)

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
			if toks[i].Flags&segment.Hyphenated == 0 {
				i++
				continue
			}
			if e := a.compoundAct(sc.fold[i]); e != nil {
				// "a China-brokered deal", "US-mediated talks": the act
				// named after the hyphen is the state's own.
				sc.cueAt[i] = len(sc.cues)
				sc.cues = append(sc.cues, cue{t0: i, t1: i + 1, eval: e})
			}
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

// compoundActs are the acts that a state's name before a hyphen
// ("China-brokered", "Qatar-mediated") names the doer of.
var compoundActs = setOf("brokered", "mediated")

// compoundAct returns the lexicon entry of the act after the last hyphen
// of a compound that begins with a mention, when it is one of
// compoundActs, or nil.
func (a *Analyzer) compoundAct(fold string) *cueEntry {
	k := strings.LastIndexByte(fold, '-')
	if k < 0 || !compoundActs[fold[k+1:]] {
		return nil
	}
	if n := a.cues.firstWord(fold[k+1:]); n != nil {
		for i := range n.entries {
			if e := &n.entries[i]; e.class == lexicon.Relation || e.class == lexicon.Affect {
				return e
			}
		}
	}
	return nil
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
				// "Pyongyang, however, answered with a launch": a subject set
				// off before a parenthetical contrast belongs to the clause
				// the contrast opens.
				subject := cu.contrast >= 1 && i-clauseStart >= 2 && i-clauseStart <= parentheticalSubject &&
					sc.fold[i-1] == "," && cu.t1 < len(toks) && sc.fold[cu.t1] == "," &&
					mentionNext(sc, clauseStart)
				if i > clauseStart {
					c = newClause()
					if subject {
						for k := clauseStart; k < i; k++ {
							sc.clause[k] = c
						}
					}
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
	// "If Washington lifts the sanctions, ties could improve": what a
	// condition opening the sentence would bring about is as conditional as
	// the condition, when a modal says so.
	for c := 1; c < len(sc.clauses); c++ {
		prev, cl := &sc.clauses[c-1], &sc.clauses[c]
		if prev.rules.mask&ruleConditional == 0 || cl.rules.mask&ruleConditional != 0 || !sc.modalIn(c) {
			continue
		}
		cl.mult *= consequenceFactor
		cl.rules.mask |= ruleConditional
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

// parentheticalSubject is the most tokens, comma included, that a subject
// before a parenthetical contrast may have ("the United Nations, on the
// other hand, ...").
const parentheticalSubject = 7

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

// consequenceFactor weighs the clause a condition before it would bring
// about, as "if" weighs the condition.
const consequenceFactor = 0.5

// modalIn reports whether clause c holds a modal of what may come:
// "could", "would", "might", "will".
func (sc *scratch) modalIn(c int) bool {
	for i, cl := range sc.clause {
		if cl == c {
			switch sc.fold[i] {
			case "could", "would", "might", "will", "'ll", "may":
				return true
			}
		}
	}
	return false
}

// preferBefore reports whether a "prefer..." word comes before token i in
// its clause.
func preferBefore(sc *scratch, i int) bool {
	p := sc.clauses[sc.clause[i]].preferAt
	return p >= 0 && p < i
}
