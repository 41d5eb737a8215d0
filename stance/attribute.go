package stance

// Attribution: which targets a weighed cue is about.

import (
	"math"
	"slices"
	"strings"

	"github.com/geostance/geostance/internal/segment"
	"github.com/geostance/geostance/lexicon"
)

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

// roleRule maps a lexicon role to its rule.
var roleRule = [...]ruleMask{
	lexicon.RoleAny:     ruleRoleAny,
	lexicon.RoleAgent:   ruleRoleAgent,
	lexicon.RolePatient: ruleRolePatient,
	lexicon.RoleMutual:  ruleRoleMutual,
}

// soleTargetFactor weighs the cues of a sentence that names one target
// but that attribution could not tie to it.
const soleTargetFactor = 0.75

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
	if d := sc.summaryAct(toks, c); d >= 0 {
		// ", a retaliation Vilnius dismissed as crude bullying": the
		// noun, the verb that judges it and the words it is given are
		// about the act the clause before reports, and so about its doer.
		rk.mask = rk.mask&^(ruleRoleAny|ruleRoleAgent|ruleRolePatient|ruleRoleMutual) | ruleSummary
		a.attributeTo(sc, a.group(sc, d, func(k int) bool { return !sc.minfo[k].victim && !sc.minfo[k].pronoun }), ev, rk, 1)
		return
	}
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
		if mi.otherHead > 0 && c.t0 > mi.otherHead && role != lexicon.RoleMutual {
			return false // "China's all-weather friend can also effectively stop India": the friend acts
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
		if role == lexicon.RoleMutual {
			// "Lithuania had been among the bravest of Kyiv's allies",
			// "calling Vilnius one of Ukraine's truest friends": the friend
			// is the one the phrase is said of, or no one named ("China's
			// all-weather friend can stop India").
			m := sc.copulaSubject(toks, c)
			if n, v := sc.namedAs(toks, c); m < 0 && v >= 0 {
				m = n
			}
			if m < 0 || !eligible(m) {
				return
			}
			a.attributeTo(sc, a.group(sc, m, eligible), ev, rk, 1)
			return
		}
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
	if chosen == nil && c.eval.class == lexicon.Affect {
		if m, v := sc.namedAs(toks, c); v >= 0 {
			// "calling the Ukrainian claims fabrications", "a delay lawmakers
			// in Taipei called unacceptable": the word describes what was so
			// named, never who named it.
			switch {
			case m >= 0:
				if !eligible(m) {
					return
				}
				chosen = a.group(sc, m, eligible)
				rk.mask = rk.mask&^(ruleRoleAny|ruleRoleAgent|ruleRolePatient|ruleRoleMutual) | ruleRegardedAs
			case strings.HasSuffix(sc.fold[v], "ing"):
				// ", calling the conduct dangerous": the speaker's words about
				// a thing that names no target.
				return
			default:
				// "a deal that officials in Warsaw called the best": who
				// named it stands right before the verb.
				own := eligible
				eligible = func(k int) bool {
					mm := &sc.mentions[k]
					return own(k) && !(mm.tok1 <= v && mm.tok1 >= v-3)
				}
			}
		}
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
			if m := a.nearest(sc, c, cl, eligible, before); m != nil && !hasPunctBetween(toks, sc.mentions[m[0]].tok1, c.t0) &&
				(c.t0-sc.mentions[m[0]].tok1 <= 2 && !sc.minfo[m[0]].victim || c.eval.weight < 0 && possessiveWithin(sc, sc.mentions[m[0]], c.t0, 4)) {
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
			if backgroundEvent(sc, c) {
				// "in the early weeks of the war", "after the ceasefire
				// was signed": an event named as a time or a setting has
				// parties of its own, whom the clause does not name.
				break
			}
			// Otherwise the parties are every target of the clause but places,
			// victims, objects of the cue ("blockade of Taiwan"), speakers and
			// those named after it as where something comes from ("unity
			// against drug trafficking from Afghanistan").
			for _, m := range sc.window(cl, c.t0) {
				mi := &sc.minfo[m]
				if mi.clause == cl && eligible(m) && !mi.victim && !(mi.from && sc.mentions[m].tok0 > c.t1) && !(mi.ofObject && sc.mentions[m].tok0-c.t1 <= 2) &&
					!(refused && sc.mentions[m].tok0 >= c.t1) {
					chosen = append(chosen, m)
				}
			}
			if w := a.withParty(sc, c, cl, eligible); w >= 0 && len(chosen) > 0 &&
				!slices.ContainsFunc(chosen, func(m int) bool { return sc.minfo[m].group != sc.minfo[w].group }) {
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
				return eligible(m) && !mi.victim && !mi.from && !mi.between && !(mi.recipient && modifiesNoun(sc, toks, c)) &&
					!qualifiesCueAfter(sc, c, m)
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
	if chosen == nil && role != lexicon.RolePatient && !passive && !(role == lexicon.RoleMutual && backgroundEvent(sc, c)) {
		// A clause that names no target ("..., which has grown fast")
		// speaks of the nearest target outside it, at half weight.
		best, bestD := -1, math.MaxInt
		for _, m := range sc.before(c.t0) {
			if mi := &sc.minfo[m]; mi.source || mi.victim || sc.mentions[m].tok0 > c.t0 || mi.otherHead > 0 && c.t0 > mi.otherHead {
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
	a.attributeTo(sc, chosen, ev, rk, factor)
}

// attributeTo gives evidence ev, scaled by factor, to the targets of the
// mentions chosen, once each.
func (a *Analyzer) attributeTo(sc *scratch, chosen []int, ev Evidence, rk ruleKey, factor float64) {
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
		if !sc.possessive(mm.tok1) {
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
	"defender", "defenders", "champion", "champions", "investor", "investors", "funder", "funders",
	"ally", "allies", "friend", "friends")

// beneficiary returns the possessor of a noun phrase headed by a giver
// noun or another noun of a tie that cue c stands in or heads ("Kyiv's
// most consistent supporter", "Manila's largest aid donor", "India's most
// dependable defence partner"), with at most three words between the
// possessive and the cue, or -1.
func (sc *scratch) beneficiary(c *cue, cl int) int {
	head := c.t1 - 1
	if !giverNouns[sc.fold[head]] && !tiedNouns[sc.fold[head]] {
		head = -1
		for k := c.t1; k < len(sc.fold) && k <= c.t1+1; k++ {
			if giverNouns[sc.fold[k]] || tiedNouns[sc.fold[k]] {
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
		if sc.possessive(k) {
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

// namedAs reports whether cue c is what a verb of naming (wbNaming:
// "called", "branded") calls its object, with no "as" ("calling the conduct
// dangerous", "a move Seoul called reckless"). It returns the mention the
// object names, or -1 when it names none, and the verb's token, or -1
// when there is no such verb.
func (sc *scratch) namedAs(toks []segment.Token, c *cue) (m, v int) {
	cl := sc.clause[c.t0]
	for v := c.t0 - 1; v >= 0 && v >= c.t0-5 && sc.clause[v] == cl; v-- {
		if toks[v].Kind == segment.Punct {
			return -1, -1
		}
		if sc.bits[v]&wbNaming == 0 {
			continue
		}
		if f := sc.fold[v+1]; f == "for" || f == "on" || f == "off" || f == "upon" || f == "up" || f == "out" || f == "as" {
			return -1, -1
		}
		for k := v + 1; k < c.t0; k++ {
			if sc.inMent[k] && !sc.minfo[sc.mentOf[k]].pronoun {
				return sc.mentOf[k], v
			}
		}
		return -1, v
	}
	return -1, -1
}

// backgroundEvent reports whether relation cue c is named by "the" after
// a preposition of time or setting, maybe with one word between ("of the
// war", "since the 2022 war", "after the ceasefire").
func backgroundEvent(sc *scratch, c *cue) bool {
	p := c.t0 - 1
	if p >= 0 && sc.fold[p] != "the" && sc.cueAt[p] < 0 && !sc.inMent[p] {
		p-- // "the 2022 war", "the brief war"
	}
	if p < 1 || sc.fold[p] != "the" {
		return false
	}
	switch sc.fold[p-1] {
	case "of":
		// "the early weeks of the war", "the eve of the summit"; not "the
		// second phase of the corridor".
		return p >= 2 && timeOf[sc.fold[p-2]]
	case "in", "during", "since", "after", "before", "throughout", "into", "from", "until", "amid", "following", "despite":
		return true
	}
	return false
}

// timeOf are the nouns of "the weeks of the war", "the eve of the summit".
var timeOf = setOf("weeks", "days", "months", "years", "start", "end", "height", "eve", "aftermath", "course", "outbreak",
	"wake", "run-up", "hours", "final", "first", "last", "early", "middle")

// eachOther reports whether "each other" or "one another" starts at token
// i, or "the other" there after "each" right before the verb ending at i
// ("India and China each accused the other").
func eachOther(fold []string, i int) bool {
	if i+1 >= len(fold) {
		return false
	}
	switch a, b := fold[i], fold[i+1]; {
	case a == "each" && b == "other", a == "one" && b == "another":
		return true
	case a == "the" && b == "other":
		return i >= 2 && fold[i-2] == "each"
	}
	return false
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
	return sc.introducedBy(cl, end, eligible)
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
	return sc.introducedBy(cl, with, eligible)
}

// introducedBy returns the eligible mention of clause cl that the word at
// token p introduces ("with China", "between the US and ..."), at most one
// determiner between, or -1.
func (sc *scratch) introducedBy(cl, p int, eligible func(int) bool) int {
	for _, m := range sc.window(cl, p) {
		mm := &sc.mentions[m]
		if mm.tok0 > p && mm.tok0 <= p+2 && sc.markerAt(mm.tok0) == p && eligible(m) {
			return m
		}
	}
	return -1
}

// possessiveWithin reports whether mention m is a possessive ("Washington's")
// ending at most gap tokens before token t: the possessor of what t names,
// whatever marks the phrase ("retaliate against Washington's new steel
// tariffs").
func possessiveWithin(sc *scratch, m Mention, t, gap int) bool {
	return m.tok1 < t && t-m.tok1 <= gap && sc.possessive(m.tok1)
}

// qualifiesCueAfter reports whether mention m, after cue c, is a demonym
// that qualifies a cue of its own right after it ("used the downturn to
// draw American investment"): the word it qualifies is what it is about.
func qualifiesCueAfter(sc *scratch, c *cue, m int) bool {
	mm := &sc.mentions[m]
	return mm.tok0 >= c.t1 && mm.Kind == "demonym" && mm.tok1 < len(sc.cueAt) && sc.cueAt[mm.tok1] >= 0
}

// summaryAct returns the doer of the act that a noun set after a comma
// sums up, when cue c is that noun, the verb with which someone judged it
// or what the verb calls it: "..., a retaliation Vilnius dismissed as crude
// bullying", "..., an offer Maputo welcomed as timely and generous", "...,
// a designation Havana called arbitrary". The doer is the first target of
// the sentence that is not a place or a victim; -1 when there is none or
// the cue stands elsewhere.
func (sc *scratch) summaryAct(toks []segment.Token, c *cue) int {
	if !sc.summaries {
		return -1
	}
	q := -1 // the comma before the noun
	for k := c.t0 - 1; k >= 0 && k >= c.t0-10; k-- {
		if sc.fold[k] == "," {
			q = k
			break
		}
		if sc.bits[k]&wbBoundary != 0 {
			return -1
		}
	}
	if q < 1 || q+4 >= len(toks) || sc.fold[q+1] != "a" && sc.fold[q+1] != "an" || c.t0 < q+2 {
		return -1
	}
	// The verb of judging: after the noun (one or two words) and the
	// judge (a target or a few words: "rights groups"), within reach.
	v := -1
	for k := q + 3; k < len(toks) && k <= q+9; k++ {
		if f := sc.fold[k]; f == "," || sc.bits[k]&wbBoundary != 0 || relativePronouns[f] && k > q+4 {
			// A relative pronoun may follow the noun ("a silence that
			// rights groups call indefensible"), not open another clause.
			return -1
		}
		if judgeVerbs[sc.fold[k]] || sc.bits[k]&wbNaming != 0 {
			v = k
			break
		}
	}
	if v < 0 || c.t0 > v && sc.clause[c.t0] != sc.clause[v] {
		return -1
	}
	if c.t0 < v && c.t1 > q+3 {
		return -1 // a word of the judge's ("officials", "rights groups"), not the noun
	}
	for m := range sc.mentions {
		if mm := &sc.mentions[m]; mm.tok0 > v && sc.clause[mm.tok0] == sc.clause[v] {
			return -1 // what it is called names other parties ("hybrid warfare orchestrated with the Kremlin")
		}
	}
	// The doer is the first target of the clause before the comma. A
	// claim that a speaker is reported to have made ("Sudan's army
	// accused the UAE of ..., a charge Abu Dhabi dismissed as baseless")
	// is left to the usual search: what it is called is about the claim,
	// and the speaker is kept out of what it reports.
	claim := claimNouns[sc.fold[q+2]] || claimNouns[sc.fold[q+3]]
	doer := -1
	for _, m := range sc.order {
		mm, mi := &sc.mentions[m], &sc.minfo[m]
		if mm.tok1 > q {
			break
		}
		if mi.source && claim {
			return -1
		}
		if doer < 0 && mi.clause == sc.clause[q-1] && !mi.victim && !mi.pronoun && !mi.from {
			doer = m
		}
	}
	return doer
}

// claimNouns sum up what someone said.
var claimNouns = setOf("charge", "charges", "allegation", "allegations", "claim", "claims", "accusation",
	"accusations", "assertion", "assertions", "remark", "remarks", "statement", "comments", "comment", "suggestion",
	"report", "reports", "story", "version", "account", "narrative", "assessment", "view", "warning", "threat",
	"concern", "concerns", "fear", "fears")

// judgeVerbs are the verbs with which a judge welcomes or dismisses what a
// summing-up noun names ("an offer Maputo welcomed as timely"), besides
// the verbs of naming (wbNaming).
var judgeVerbs = setOf("welcomed", "welcomes", "dismissed", "dismisses", "described", "describes", "hailed", "hails",
	"praised", "praises", "lauded", "applauded", "condemned", "condemns", "denounced", "denounces", "derided",
	"decried", "deplored", "rejected", "rejects", "criticised", "criticized", "slammed", "blasted", "saw", "sees", "see",
	"describe", "welcome", "dismiss", "hail", "praise", "condemn", "denounce", "reject", "criticise", "criticize")

// possessive reports whether token k is a possessive clitic: "'s", or "'"
// after a plural ("the Philippines' coast guard").
func (sc *scratch) possessive(k int) bool {
	return k >= 0 && k < len(sc.fold) && (sc.fold[k] == "'s" || sc.fold[k] == "'")
}
