package stance

import (
	"slices"
	"sort"
)

// attributionReach bounds how many mentions on each side of a cue
// attribution considers. Real sentences name a handful of targets; the
// bound keeps a pathological sentence naming thousands linear in time.
const attributionReach = 24

// indexMentions orders the mentions by position and records each
// clause's range in that order, for windowed searches.
func (sc *scratch) indexMentions() {
	n := len(sc.mentions)
	sc.order = resize(sc.order, n)
	for i := range sc.order {
		sc.order[i] = i
	}
	slices.SortStableFunc(sc.order, func(x, y int) int { return sc.mentions[x].tok0 - sc.mentions[y].tok0 })
	sc.pos = resize(sc.pos, n)
	for p, m := range sc.order {
		sc.pos[m] = p
	}
	nc := len(sc.clauses)
	sc.clauseLo = resize(sc.clauseLo, nc+1)
	for c := 0; c <= nc; c++ {
		sc.clauseLo[c] = sort.Search(n, func(p int) bool { return sc.minfo[sc.order[p]].clause >= c })
	}
	sc.sole = -1
	for m := range sc.mentions {
		if sc.minfo[m].pronoun {
			continue
		}
		if sc.sole < 0 {
			sc.sole = m
		} else if sc.mentions[m].Target != sc.mentions[sc.sole].Target {
			sc.sole = -2
			break
		}
	}
	if sc.sole < -1 {
		sc.sole = -1
	}
}

// window returns, from the mentions of clause cl in order of position, at
// most attributionReach before token t and as many from it on.
func (sc *scratch) window(cl, t int) []int {
	if cl < 0 || cl+1 >= len(sc.clauseLo) {
		return nil
	}
	lo, hi := sc.clauseLo[cl], sc.clauseLo[cl+1]
	p := lo + sort.Search(hi-lo, func(k int) bool { return sc.mentions[sc.order[lo+k]].tok0 >= t })
	return sc.order[max(lo, p-attributionReach):min(hi, p+attributionReach)]
}

// around returns at most attributionReach mentions on each side of
// mention m in the whole sentence, in order of position.
func (sc *scratch) around(m int) []int {
	p := sc.pos[m]
	return sc.order[max(0, p-attributionReach):min(len(sc.order), p+attributionReach+1)]
}

// before returns at most attributionReach mentions that start before
// token t, in the whole sentence, in order of position.
func (sc *scratch) before(t int) []int {
	p := sort.Search(len(sc.order), func(k int) bool { return sc.mentions[sc.order[k]].tok0 >= t })
	return sc.order[max(0, p-attributionReach):p]
}
