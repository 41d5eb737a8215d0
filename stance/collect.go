package stance

// Collecting evidence into targets, with their clauses and sources.

import (
	"slices"

	"github.com/geostance/geostance/internal/segment"
)

// collect groups mentions and evidence by target, in order of first
// mention, and scores each target. The targets' Mentions and Evidence are
// cut from one backing array each, to keep allocations per sentence low;
// the evidence's is spare when it is large enough.
func (a *Analyzer) collect(sc *scratch, toks []segment.Token, base int, dst []Target, spare []Evidence) []Target {
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
		if !sc.minfo[m].pronoun && (a.cfg.only == nil || a.cfg.only[sc.mentions[m].Target]) {
			nMentions++
		}
	}
	if cap(dst) < nMentions {
		dst = make([]Target, 0, nMentions) // at most one target a mention: one allocation
	}
	for m := range sc.mentions {
		mm := &sc.mentions[m]
		if sc.minfo[m].pronoun || (a.cfg.only != nil && !a.cfg.only[mm.Target]) {
			continue
		}
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
		evs := spare[:0]
		if cap(evs) < nEv {
			evs = make([]Evidence, 0, nEv)
		}
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
	// The clauses of all targets share one backing array too. A target is
	// named in no more clauses than it has mentions.
	spans := make([]Span, 0, nMentions)
	for i := range dst {
		t := &dst[i]
		start := len(spans)
		spans = a.clauseSpans(sc, toks, base, t.ID, spans)
		t.Clauses = spans[start:len(spans):len(spans)]
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

// clauseSpans appends to dst the byte spans of the clauses that mention
// target id.
func (a *Analyzer) clauseSpans(sc *scratch, toks []segment.Token, base int, id string, dst []Span) []Span {
	first := len(dst)
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
			if n := len(dst); n == first || dst[n-1] != sp {
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
