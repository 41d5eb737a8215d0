package stance

// Weighing a cue: negation, intensifiers, hedges and contrast.

import (
	"strings"

	"github.com/geostance/geostance/internal/segment"
	"github.com/geostance/geostance/lexicon"
)

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
	// A participle with its agent after a noun ("the regions annexed by
	// Russia") is a clause of its own: a negator before the noun is not
	// about it.
	reduced := c.t1 < len(toks) && sc.fold[c.t1] == "by" && c.t0 > 0 && sc.bits[c.t0-1]&wbBe == 0 && sc.cueAt[c.t0-1] < 0 &&
		toks[c.t0-1].Kind == segment.Word && participle(sc.fold[c.t1-1])
	for k := ci - 1; k >= 0 && !reduced; k-- {
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
		case p.negator != 0 && w < 0 && presupposedBy(sc, c, p):
			// "has not recognised Russia's annexation of Crimea": a harm
			// named as someone's is taken as done; the negator is about
			// the verb before it.
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
				// A failing of one's own that one has never shown ("has
				// never missed a payment", "never abandoned its allies",
				// "has not once defaulted") is a trait of character, and
				// keeps more.
				if never := sc.fold[p.t0] == "never" || sc.fold[p.t0] == "not" && p.t1 < len(sc.fold) && sc.fold[p.t1] == "once"; never &&
					(c.eval.role == lexicon.RoleAgent || c.eval.role == lexicon.RoleAny && strings.HasSuffix(sc.fold[c.t0], "ed")) {
					w *= p.negator * neverNegative
				} else {
					w *= p.negator * negatedNegative
				}
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
	if !negated && rejectedAlternative(sc, c.t0) {
		// "chose dialogue rather than confrontation", "a partner, not a
		// threat ... instead of": what is set aside is what the doer is
		// not, as if negated.
		negated = true
		if w < 0 {
			w *= rejectedNegator * negatedNegative
		} else {
			w *= rejectedNegator
		}
		rk.mask |= ruleNegated
	}
	if w < 0 && !negated && hypothetical(sc, toks, c) {
		// "in the wake of any armed conflict", "will respond to any
		// aggression": a harm under "any" is not said to have happened,
		// so it is nobody's doing.
		w = 0
		rk.mask |= ruleHypothetical
	}
	if w > 0 && !negated && urgedTo(sc, c) {
		// "urged Dhaka to protect all its citizens", "called on Islamabad
		// to cooperate": what someone is urged to do it has not done.
		w = 0
		rk.mask |= ruleHypothetical
	}
	if formerly(sc, c) || sc.ofEndedQuarrel(toks, c) {
		// "once hailed as the crown jewel", "Greece, once the eurozone's
		// basket case, is now ...": what was said or true once is set
		// against what is so now.
		w = 0
		rk.mask |= ruleFormerly
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

// hypothetical reports whether cue c is governed by "any", right before
// it or with one word between ("any future aggression").
func hypothetical(sc *scratch, toks []segment.Token, c *cue) bool {
	for p := c.t0 - 1; p >= 0 && p >= c.t0-2 && sc.clause[p] == sc.clause[c.t0]; p-- {
		if sc.fold[p] == "any" {
			return !hasPunctBetween(toks, p, c.t0)
		}
		if k := sc.cueAt[p]; k >= 0 && sc.cues[k].eval != nil || sc.inMent[p] {
			return false
		}
	}
	return false
}

// participle reports whether w looks like a past participle: "annexed",
// "taken".
func participle(w string) bool {
	return len(w) > 4 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en"))
}

// formerly reports whether cue c describes what once was or was once
// said: "once hailed as the crown jewel", "once the eurozone's basket
// case", up to three words of its noun phrase between.
func formerly(sc *scratch, c *cue) bool {
	once := false
	for p := c.t0 - 1; p >= 0 && p >= c.t0-6 && !once; p-- {
		once = sc.bits[p]&wbAux != 0 && sc.fold[p] == "once"
	}
	if !once {
		return false
	}
	p := c.t0 - 1
	for k := 0; p >= 0 && k < 3; k++ {
		if f := sc.fold[p]; sc.bits[p]&wbDeterminer == 0 && f != "'s" && (sc.cueAt[p] >= 0 || !isWord(f) || sc.bits[p] != 0) {
			break
		}
		p--
	}
	if p >= 1 && sc.fold[p] == "as" && onceSaid[sc.fold[p-1]] {
		p -= 2
	}
	return p >= 0 && sc.fold[p] == "once" && p+1 < c.t0 && sc.fold[p+1] != "again" && sc.fold[p+1] != "more"
}

// onceSaid are the verbs of "once hailed as", "once seen as".
var onceSaid = setOf("hailed", "touted", "billed", "heralded", "trumpeted", "celebrated", "praised", "lauded",
	"seen", "regarded", "described", "marketed", "sold", "presented", "promoted", "considered", "viewed", "dismissed", "derided")

// neverNegative scales a failing of the doer's own under "never", after
// the negator's weight, as negatedNegative does other negated negatives.
const neverNegative = 0.6

// rejectedNegator is the negator weight of a marker of the alternative
// set aside, as that of "not" in the modifiers lexicon.
const rejectedNegator = -0.8

// rejectedAlternative reports whether the cue at token t is the
// alternative set aside by "rather than", "instead of" or "as opposed to"
// right before it, past determiners and "as".
func rejectedAlternative(sc *scratch, t int) bool {
	p := t - 1
	for p >= 0 && (sc.bits[p]&wbDeterminer != 0 || sc.fold[p] == "as") && !sc.inMent[p] {
		p--
	}
	if p < 1 || strings.HasSuffix(sc.fold[t], "ing") {
		// "should solve its own problems instead of blaming Kabul": an
		// act after the marker may be the one being done.
		return false
	}
	switch a, b := sc.fold[p-1], sc.fold[p]; {
	case a == "rather" && b == "than", a == "instead" && b == "of", a == "opposed" && b == "to":
		return sc.clause[p] == sc.clause[t]
	}
	return false
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
var endsQuarrel = setOf("end", "ends", "ended", "ending", "put", "bury", "buries", "buried", "burying", "lift", "lifts", "lifted", "lifting", "ease", "eases", "eased", "easing", "overcame", "overcome", "overcoming", "avert", "averted", "averting", "settle", "settles", "settled", "settling",
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

// presupposedBy reports whether cue c is headed by a possessive mention
// ("Russia's annexation") that a word other than the negator p stands
// between p and: the possessive takes the act as done, whatever is negated
// before it.
func presupposedBy(sc *scratch, c, p *cue) bool {
	k := c.t0 - 1
	if k < 1 || !sc.possessive(k) || !sc.inMent[k-1] {
		return false
	}
	m := sc.mentions[sc.mentOf[k-1]]
	return m.tok0 > p.t1
}

// urgedTo reports whether cue c is in what a verb of urging asks of its
// object: after "to" at most three tokens before it, with such a verb at
// most six tokens before "to" and no punctuation between ("urged Dhaka to
// protect", "called on the Taliban government to cooperate").
func urgedTo(sc *scratch, c *cue) bool {
	for k := c.t0 - 1; k >= 1 && k >= c.t0-3; k-- {
		if sc.fold[k] != "to" {
			continue
		}
		for j := k - 1; j >= 0 && j >= k-6; j-- {
			f := sc.fold[j]
			if f == "," || sc.bits[j]&wbBoundary != 0 {
				return false
			}
			if urgeVerbs[f] || f == "on" && j > 0 && callVerbs[sc.fold[j-1]] {
				return true
			}
		}
		return false
	}
	return false
}

// urgeVerbs ask their object to do what follows "to".
var urgeVerbs = setOf("urged", "urges", "urging", "urge", "pressed", "presses", "pressing", "pushed", "pushing",
	"exhorted", "implored", "demanded", "demands", "asked", "asks", "asking", "appealed", "appeals", "told", "tells",
	"encouraged", "encourages", "encouraging", "pressured", "pressuring")

// ofEndedQuarrel reports whether cue c lies in a relative clause about a
// quarrel that a verb of ending has ended ("ending a dispute that had
// soured ties for more than a decade"): what the quarrel did is past, set
// against its end.
func (sc *scratch) ofEndedQuarrel(toks []segment.Token, c *cue) bool {
	r := -1 // the relative pronoun before c
	for k := c.t0 - 1; k >= 1 && k >= c.t0-4; k-- {
		if f := sc.fold[k]; f == "that" || f == "which" {
			r = k
			break
		}
		if sc.cueAt[k] >= 0 || sc.inMent[k] || sc.bits[k]&wbBoundary != 0 || sc.fold[k] == "," {
			return false
		}
	}
	if r < 1 {
		return false
	}
	q := sc.cueAt[r-1] // the quarrel, right before it
	if q < 0 || sc.cues[q].eval == nil || sc.cues[q].eval.weight >= 0 {
		return false
	}
	for k := sc.cues[q].t0 - 1; k >= 0 && k >= sc.cues[q].t0-4; k-- {
		if endsQuarrel[sc.fold[k]] {
			return true
		}
		if sc.bits[k]&(wbDeterminer|wbInsert) == 0 && sc.cueAt[k] < 0 && toks[k].Flags&segment.Hyphenated == 0 {
			return false // not "ending a decade-long border dispute"
		}
	}
	return false
}
