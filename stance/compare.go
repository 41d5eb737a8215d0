package stance

// Comparatives: the side compared against gets the opposite.

import (
	"math"
	"slices"
	"strings"

	"github.com/geostance/geostance/internal/segment"
	"github.com/geostance/geostance/lexicon"
)

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
		aSide = sc.dropFinder(aSide, cl, k)
		bSide = sc.comparedSide(bSide, info)
		if len(aSide) == 0 || len(bSide) == 0 && !againstAll(sc, info) {
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
		// The comparative's own direction: +1 when the side before the
		// marker is preferred ("safer than", "outperforms"), -1 when it is
		// set below ("less than").
		// A bare word of amount ("more money than") is weaker: evidence
		// for the preferred side decides before it does.
		p, at, bare := 0.0, -1, false
		for t := 0; t < k; t++ {
			if sc.clause[t] == cl {
				if sign := a.comparativeSign(sc.fold[t]); sign != 0 {
					p, at, bare = sign, t, false
					if quantityWords[sc.fold[t]] {
						if q := sc.qualitySign(t+1, min(k, t+4)); q != 0 {
							p *= q
						} else {
							bare = true
						}
					} else if measureWords[sc.fold[t]] {
						// "inflation far higher than", "an arsenal growing
						// faster than expected": more of a bad thing is worse.
						if q := sc.qualitySign(max(0, t-4), t); q < 0 && sc.clause[max(0, t-4)] == cl {
							p = -p
						}
					}
				}
			}
		}
		switch {
		case p != 0:
		case directed > 0 && (info.cmpTerm == "rather than" || info.cmpTerm == "instead of"):
			p, at = 1, k
		case surpassing(info.cmpTerm):
			p, at = 1, k
		}
		// "No country has done more to help Syrian refugees than Jordan":
		// the side before the marker is nobody, and the one after it is
		// preferred to all.
		nobody := false
		for t := max(0, at-8); t < at && p != 0; t++ {
			if sc.clause[t] == cl && noneWords[sc.fold[t]] {
				nobody = true
			}
		}
		if nobody {
			p, aSide = -p, nil
		}
		if len(bSide) == 0 && sum != 0 {
			// Against everyone else or what was expected, a comparison
			// adds nothing to a side already judged in so many words.
			continue
		}
		var w float64
		var cueTok int
		cmpRule := ruleComparativeOpposite
		if sum != 0 && !nobody && (p == 0 || bare || p*sum > 0) {
			w = -sum / float64(len(targets))
			cueTok = k
			if m := sc.clauses[cl].mult; p != 0 && !bare && math.Abs(w) < m {
				// Little was said of the preferred side but the
				// comparative itself ("growing faster than Italy"), which
				// judges the other side in full.
				w = -p * m
			}
		} else {
			// Nothing, or only evidence that goes against the comparison
			// ("Greece, once the eurozone's basket case, is now growing
			// faster than Italy"), was said of the preferred side in so
			// many words: the comparative itself judges both sides.
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

// dropFinder removes from the preferred side of the comparison at marker
// k the subject of a verb of finding or regarding before it ("Dhaka has
// found in Beijing a more generous lender than ...", "Zambia regards China
// as a more flexible creditor"), when a target named after the verb is
// left: the one found is preferred, not the one who finds.
func (sc *scratch) dropFinder(ms []int, cl, k int) []int {
	v := -1
	for t := k - 1; t >= 0 && sc.clause[t] == cl; t-- {
		if findVerbs[sc.fold[t]] {
			v = t
			break
		}
	}
	if v < 0 || !slices.ContainsFunc(ms, func(m int) bool { return sc.mentions[m].tok0 > v }) {
		return ms
	}
	return slices.DeleteFunc(ms, func(m int) bool { return sc.mentions[m].tok1 <= v })
}

// comparedSide keeps, of the mentions after a comparative marker, the
// side compared against: the first of them, if it follows the marker
// closely ("than Riyadh", "than any of Washington's", "than it trusts
// China"), and those joined to it by "and", "or" or a comma, past a
// parenthesis ("than either Ethiopia, still bruised by civil war, or
// Somalia"), or by another "than" ("and with more success than
// Malaysia"). A target named later in the clause on other terms ("than
// Riyadh in embracing Israel") is no side of the comparison.
func (sc *scratch) comparedSide(ms []int, info *clauseInfo) []int {
	if info.cmpLo < 0 || len(ms) == 0 {
		return ms // "was overtaken by India": the subject, before the marker
	}
	// A pronoun there stands for the side before the marker: "than it
	// trusts China", "than its ties with Tehran".
	ms = slices.DeleteFunc(ms, func(m int) bool { return sc.minfo[m].pronoun })
	if len(ms) == 0 {
		return ms
	}
	slices.SortFunc(ms, func(x, y int) int { return sc.mentions[x].tok0 - sc.mentions[y].tok0 })
	if sc.mentions[ms[0]].tok0-info.cmpLo > comparedReach {
		return ms[:0]
	}
	for k := sc.mentions[ms[0]].tok1; k < len(sc.fold) && k <= sc.mentions[ms[0]].tok1+2; k++ {
		if expectVerbs[sc.fold[k]] {
			return ms[:0]
		}
	}
	out, last := ms[:1], ms[0]
	for _, m := range ms[1:] {
		if !sc.comparedJoin(sc.mentions[last].tok1, sc.mentions[m].tok0) {
			break
		}
		out, last = append(out, m), m
	}
	return out
}

// againstAll reports whether the side compared against is everyone else
// ("than any of its neighbours", "than any other country"): the side
// before the marker is then judged alone.
func againstAll(sc *scratch, info *clauseInfo) bool {
	if info.cmpLo < 0 || info.cmpTerm != "than" || info.cmpLo+1 >= len(sc.fold) {
		return false
	}
	return againstAllWords[sc.fold[info.cmpLo+1]]
}

// againstAllWords, right after "than", make the side compared against
// everyone else or what was expected: "than any other country", "than
// forecast", "than anyone expected".
var againstAllWords = func() map[string]bool {
	m := setOf("any", "anyone", "anybody", "all", "most", "ever", "before", "usual")
	for w := range expectVerbs {
		m[w] = true
	}
	return m
}()

// expectVerbs, after the target that follows "than", make the comparison
// one with what that target expected: "than the planners in Rawalpindi
// ever anticipated".
var expectVerbs = setOf("expected", "anticipated", "predicted", "forecast", "imagined", "thought", "hoped", "feared",
	"planned", "projected", "assumed", "estimated", "bargained", "envisaged")

// comparedJoin reports whether tokens [i, j), between two mentions after a
// comparative marker, keep the second on the compared side.
func (sc *scratch) comparedJoin(i, j int) bool {
	if i >= j {
		return true // two halves of one compound
	}
	if sc.fold[j-1] == "than" {
		return true
	}
	plain := true
	for k := i; k < j; k++ {
		if sc.bits[k]&(wbCoordinator|wbDeterminer) == 0 && sc.fold[k] != "either" && sc.fold[k] != "neither" {
			plain = false
			break
		}
	}
	if plain {
		return true
	}
	// A parenthesis set off by commas, then "or" or "and" ("or even").
	if f := sc.fold[j-1]; f == "even" || f == "perhaps" {
		j--
	}
	f := sc.fold[j-1]
	return sc.fold[i] == "," && j-i >= 3 && (f == "or" || f == "and" || f == "nor") && sc.fold[j-2] == ","
}

// comparedReach is how many tokens after its marker the side compared
// against may begin: "than it is to the United States".
const comparedReach = 7

// noneWords deny that anyone is the side before a comparative marker.
var noneWords = setOf("no", "none", "nobody", "few")

// measureWords are comparatives of size and speed, whose direction
// depends on what grows: "inflation higher than", "an arsenal growing
// faster than expected".
var measureWords = setOf("higher", "lower", "greater", "larger", "bigger", "smaller", "faster", "quicker")

// quantityWords are the comparatives of amount, whose direction depends
// on what they count: "less dependent", "more nerve and less noise".
var quantityWords = setOf("more", "less", "fewer")

// qualitySign returns the sign of the first evaluative cue that starts in
// tokens [i, j), or 0 when there is none: what a word of amount counts.
func (sc *scratch) qualitySign(i, j int) float64 {
	for t := i; t < j; t++ {
		if k := sc.cueAt[t]; k >= 0 && sc.cues[k].t0 == t && sc.cues[k].eval != nil && sc.cues[k].eval.weight != 0 {
			return math.Copysign(1, sc.cues[k].eval.weight)
		}
	}
	return 0
}

// surpassing reports whether a comparative marker is a verb of surpassing
// ("outperforms", "overtook"), which prefers its subject.
func surpassing(term string) bool {
	switch term {
	case "than", "rather than", "instead of", "as opposed to", "unlike", "over", "to", "not":
		// The frames of the modifiers lexicon and those markCompare
		// notes in context: every other compare term is a verb.
		return false
	}
	return true
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

// clefts credits the targets a cleft puts in focus after a contrast or a
// concession ("Although Paris signed the declaration, it is Warsaw that
// has delivered the tanks", "Washington talks of order, yet it is Beijing
// that builds the ports"): the writer names them as the ones who do what
// the others did not. A target the cleft sets aside ("it was New Zealand,
// not Canberra, that ...") is left to the comparison.
func (a *Analyzer) clefts(sc *scratch, toks []segment.Token, text string, base int) {
	contrasted := false
	for c := range sc.clauses {
		contrasted = contrasted || sc.clauses[c].rules.mask&(ruleAfter|ruleUnder) != 0
	}
	if !contrasted {
		return
	}
	for i := 0; i+3 < len(toks); i++ {
		if sc.bits[i]&wbPronounSing == 0 || sc.fold[i] != "it" || !cleftVerb[sc.fold[i+1]] {
			continue
		}
		cl := sc.clause[i]
		contrast := sc.clauses[cl].rules.mask&ruleAfter != 0
		for c := 0; c < cl && !contrast; c++ {
			contrast = sc.clauses[c].rules.mask&ruleUnder != 0
		}
		if !contrast {
			continue
		}
		rel := -1
		for k := i + 2; k < len(toks) && k <= i+cleftReach; k++ {
			if f := sc.fold[k]; f == "that" || f == "who" || f == "whose" {
				rel = k
				break
			}
			if sc.bits[k]&wbBoundary != 0 {
				break
			}
		}
		if rel < 0 {
			continue
		}
		info := &sc.clauses[cl]
		ev := Evidence{
			Span: Span{base + toks[i].Start, base + toks[i+1].End}, Text: text[toks[i].Start:toks[i+1].End],
			Term: "it " + sc.fold[i+1], Weight: cleftWeight * info.mult, Rules: sc.rules(ruleKey{mask: ruleCleft}),
		}
		// The focus follows the verb at once, but for a determiner or a
		// word or two ("it is the Dutch who", "it is German money that"):
		// "it was also an indictment of lenders in Beijing who" is no
		// cleft. A name in a parenthesis after a comma ("Jakarta's own
		// neighbours, Malaysia and Singapore, who") is the focus, and the
		// possessor before it is not.
		first, comma := -1, -1
		for k := i + 2; k < rel; k++ {
			if sc.fold[k] == "," && comma < 0 && first >= 0 {
				comma = k
			}
			if first < 0 && sc.inMent[k] {
				first = k
			}
		}
		if first < 0 || first > i+4 {
			continue
		}
		sc.seen = sc.seen[:0]
		for m := range sc.mentions {
			mm := &sc.mentions[m]
			if mm.tok0 <= i+1 || mm.tok0 >= rel || sc.minfo[m].pronoun || slices.Contains(sc.seen, mm.Target) {
				continue
			}
			if info.compare > i && info.compare < rel && mm.tok0 > info.cmpLo {
				continue // "not Canberra", "rather than Argentina"
			}
			if comma >= 0 && mm.tok1 < comma && mm.tok1 < len(toks) && sc.fold[mm.tok1] == "'s" && sc.mentionAfter(comma, rel) {
				continue
			}
			sc.seen = append(sc.seen, mm.Target)
			sc.pending = append(sc.pending, pending{mention: m, ev: ev, mask: ruleCleft})
		}
		i = rel
	}
}

// cleftVerb are the forms of "be" of a cleft: "it is Warsaw that", "it was
// India that".
var cleftVerb = setOf("is", "was", "'s")

// cleftReach is how far after "it" the relative pronoun of a cleft may
// stand: "it is Jakarta's own neighbours, Malaysia and Singapore, who".
const cleftReach = 14

// cleftWeight is the credit of a target in focus, on the affect scale.
const cleftWeight = 1.0

// mentionAfter reports whether a mention begins in tokens (i, j).
func (sc *scratch) mentionAfter(i, j int) bool {
	for k := i + 1; k < j; k++ {
		if sc.inMent[k] {
			return true
		}
	}
	return false
}
