package stance

import (
	"cmp"
	"slices"
	"strings"

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
	// otherHead is, when not 0, the token of a noun that names another
	// party by its tie to this one, right after its possessive ("China's
	// all-weather friend"): what that party does is not this one's doing.
	otherHead int
	recv      float64
}

// scratch holds the reusable buffers of one analysis.
type scratch struct {
	tz        segment.Tokenizer
	visits    []int32    // the tokens find visits, when tz does not list them
	scan      scan       // the matcher's state and buffers
	evidence  []Evidence // the sentence's evidence, before it is copied out
	fold      []string
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
	summaries bool // a comma before "a" or "an" may open a noun that sums up a clause (see summaryAct)
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

// backdrop reports whether cue c qualifies the circumstances (wbCircumstance) a clause
// happens amid ("amid a worsening geo-political situation", "amid a
// worsening global economic environment"): they are no one's doing, so
// the cue counts for the sentence alone.
func backdrop(sc *scratch, c *cue) bool {
	noun := false
	for k := c.t1; k < len(sc.fold) && k <= c.t1+2 && !noun; k++ {
		noun = sc.bits[k]&wbCircumstance != 0
	}
	if !noun {
		return false
	}
	for p := c.t0 - 1; p >= 0 && p >= c.t0-4; p-- {
		switch sc.fold[p] {
		case "amid", "amidst", "midst":
			return true
		}
		if sc.inMent[p] || sc.fold[p] == "," {
			return false
		}
	}
	return false
}

// countedByComparative reports whether cue c is what "less" or "fewer"
// right before it counts in a comparison that follows ("far less
// disruption than Ethiopia"): the comparative judges both sides by it,
// the other way from the cue, which says nothing of its own.
func countedByComparative(sc *scratch, c *cue) bool {
	if c.t0 == 0 || sc.fold[c.t0-1] != "less" && sc.fold[c.t0-1] != "fewer" {
		return false
	}
	info := &sc.clauses[sc.clause[c.t0]]
	return info.compare > c.t0 && info.compare-c.t1 <= 3 && info.cmpTerm == "than"
}

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
func (a *Analyzer) sentence(sc *scratch, s *Sentence, text string, base int, dc *docConfig, explicit []TargetSpan) {
	explicitMode := len(dc.targets) > 0
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
		ms := &sc.scan
		ms.dst, ms.toks, ms.text, ms.base, ms.date = sc.mentions, toks, text, base, dc.date
		a.mt.find(ms, &sc.tz, &sc.visits)
		sc.mentions = ms.dst
	}
	if dc.targetedOnly && !a.wanted(sc.mentions) {
		s.Score, s.Label, s.Raw, s.Evidence, s.Targets = 0, a.Label(0), 0, nil, s.Targets[:0]
		return
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
	sc.evidence = sc.evidence[:0]
	sc.summaries = false
	for k := 1; k < len(sc.fold); k++ {
		if f := sc.fold[k]; (f == "a" || f == "an") && sc.fold[k-1] == "," {
			sc.summaries = true // see summaryAct
			break
		}
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
		sc.evidence = append(sc.evidence, ev)
		if !c.mood && w < 0 && opposedBy(sc, c.t0) {
			// "dismantled a terrorist cell", "tackling corruption": who acts
			// against an evil is credited with part of its weight.
			credit := ev
			credit.Weight = -w * opposeCredit
			credit.Rules = sc.rules(ruleKey{mask: rk.mask | ruleOpposed})
			a.attribute(sc, toks, ci, credit, ruleKey{mask: rk.mask | ruleOpposed, before: rk.before, after: rk.after})
		} else if !c.mood && !(w < 0 && opposed(sc, c.t0)) && !(c.eval.class == lexicon.Relation && w > 0 && !sc.inMent[c.t0] && topicOf(sc, toks, c.t0)) &&
			!(c.eval.weight > 0 && harmed(sc, toks, ci)) && !countedByComparative(sc, c) && !backdrop(sc, c) {
			a.attribute(sc, toks, ci, ev, rk)
		}
	}
	a.comparatives(sc, toks, text, base)
	a.clefts(sc, toks, text, base)
	if explicitMode {
		sc.shareNested()
	}

	s.Raw = sentRaw
	s.Score = squash(sentRaw)
	s.Label = a.Label(s.Score)
	// The sentence's evidence and its targets' share one allocation: the
	// targets have no more pieces than are pending.
	s.Evidence = nil
	var spare []Evidence
	if n := len(sc.evidence); n > 0 {
		all := make([]Evidence, n, n+len(sc.pending))
		copy(all, sc.evidence)
		s.Evidence, spare = all[:n:n], all[n:]
	}
	s.Targets = a.collect(sc, toks, base, s.Targets[:0], spare)
	if a.cfg.features {
		for i := range s.Targets {
			t := &s.Targets[i]
			t.Features = a.features(sc, t, sentRaw, len(s.Targets))
			if a.cfg.cal != nil && calibrates(a.cfg.cal, t.Features) {
				if ex, ok := a.cfg.cal.(explainer); ok {
					t.Score, t.Label, t.Reasons = ex.Explain(t.Features)
				} else {
					t.Score, t.Label = a.cfg.cal.Calibrate(t.Features)
				}
			}
		}
	}
}

// wanted reports whether ms holds a mention of a target the analyzer
// reports.
func (a *Analyzer) wanted(ms []Mention) bool {
	if a.cfg.only == nil {
		return len(ms) > 0
	}
	return slices.ContainsFunc(ms, func(m Mention) bool { return a.cfg.only[m.Target] })
}

// opposeCredit is the share of an evil's weight that acting against it
// ("dismantled a terrorist cell") earns the one who acts.
const opposeCredit = 0.5

// opposedBy reports whether the cue at token i is an evil that a verb of
// opposing right before it acts against ("dismantled a terrorist cell",
// "tackling corruption"), past determiners and up to two other words.
func opposedBy(sc *scratch, i int) bool {
	p := i - 1
	for p >= 0 && sc.bits[p]&wbDeterminer != 0 {
		p--
	}
	for k := p; k >= 0 && k >= p-2; k-- {
		if sc.bits[k]&wbOppose != 0 {
			return true
		}
		if sc.cueAt[k] >= 0 || sc.inMent[k] || sc.bits[k]&wbDeterminer == 0 && !isWord(sc.fold[k]) {
			return false
		}
	}
	return false
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
	// "help fight racism", "tackling crime", "dismantled a terrorist
	// cell", "reduce child poverty": the one who fights an evil is not
	// portrayed by it.
	return sc.fold[p] == "against" || opposedBy(sc, i)
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

// shareNested gives a given target span that lies inside another one
// ("Apuron" in "Archbishop Anthony S. Apuron", or the same span given
// twice) the evidence of the span around it: both name one referent, but
// attribution reads the words around the outer span only.
func (sc *scratch) shareNested() {
	n := len(sc.pending)
	for in := range sc.mentions {
		mi := &sc.mentions[in]
		for out := range sc.mentions {
			mo := &sc.mentions[out]
			if out == in || mo.Target == mi.Target || mi.tok0 < mo.tok0 || mi.tok1 > mo.tok1 ||
				mo.tok1-mo.tok0 == mi.tok1-mi.tok0 && out > in {
				continue
			}
			for k := 0; k < n; k++ {
				p := sc.pending[k]
				if p.mention != out || sc.hasPending(in, p.ev.Span, n) {
					continue
				}
				p.mention = in
				sc.pending = append(sc.pending, p)
			}
			break
		}
	}
}

// hasPending reports whether mention m already holds evidence at span sp
// among the first n pending entries.
func (sc *scratch) hasPending(m int, sp Span, n int) bool {
	for k := 0; k < n; k++ {
		if sc.pending[k].mention == m && sc.pending[k].ev.Span == sp {
			return true
		}
	}
	return false
}
