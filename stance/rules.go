package stance

// ruleMask records the rules that shaped a piece of evidence. Evidence
// reports them as strings (Evidence.Rules); the mask lets a scratch buffer
// build each combination's string slice once and share it.
type ruleMask uint32

const (
	ruleAffect ruleMask = 1 << iota
	ruleRelation
	ruleNegated
	ruleBoosted
	ruleDampened
	ruleBefore // before-<contrast word>: the clause precedes "but"
	ruleAfter  // after-<contrast word>: the clause follows "but"
	ruleUnder  // under-<contrast word>: the clause is opened by "although"
	ruleConditional
	ruleHedged
	ruleRoleAny
	ruleRoleAgent
	ruleRolePatient
	ruleRoleMutual
	rulePassive
	ruleOtherClause
	ruleSoleTarget
	ruleComparative
	ruleComparativeOpposite
	ruleMood
	ruleInTarget
	ruleRegardedAs // the cue follows "sees X as": it describes X
	ruleCounterfactual
	ruleHypothetical
	ruleCleft
	ruleFormerly
	ruleOpposed
	ruleSummary // the cue is in a noun set after a comma that sums up the clause before it
)

// ruleNames are the strings of the rules without a word, in report order.
var ruleNames = []struct {
	bit  ruleMask
	name string
}{
	{ruleAffect, "affect"},
	{ruleRelation, "relation"},
	{ruleMood, "mood"},
	{ruleNegated, "negated"},
	{ruleBoosted, "boosted"},
	{ruleDampened, "dampened"},
	{ruleBefore, "before-"},
	{ruleAfter, "after-"},
	{ruleUnder, "under-"},
	{ruleConditional, "conditional"},
	{ruleHedged, "hedged"},
	{ruleRoleAny, "role:any"},
	{ruleRoleAgent, "role:agent"},
	{ruleRolePatient, "role:patient"},
	{ruleRoleMutual, "role:mutual"},
	{rulePassive, "passive"},
	{ruleOtherClause, "other-clause"},
	{ruleSoleTarget, "sole-target"},
	{ruleInTarget, "in-target"},
	{ruleRegardedAs, "regarded-as"},
	{ruleCounterfactual, "counterfactual"},
	{ruleHypothetical, "hypothetical"},
	{ruleCleft, "cleft"},
	{ruleFormerly, "formerly"},
	{ruleOpposed, "opposed"},
	{ruleSummary, "summary"},
	{ruleComparative, "comparative"},
	{ruleComparativeOpposite, "comparative:opposite"},
}

// ruleKey identifies one combination of rules: the mask and the contrast
// words of the before- and after-/under- rules.
type ruleKey struct {
	mask          ruleMask
	before, after string
}

// rules returns the strings of a rule combination. The slice is shared by
// every evidence with the same combination and must not be modified.
func (sc *scratch) rules(k ruleKey) []string {
	if r, ok := sc.ruleCache[k]; ok {
		return r
	}
	var out []string
	for _, rn := range ruleNames {
		if k.mask&rn.bit == 0 {
			continue
		}
		switch rn.bit {
		case ruleBefore:
			out = append(out, rn.name+k.before)
		case ruleAfter, ruleUnder:
			out = append(out, rn.name+k.after)
		default:
			out = append(out, rn.name)
		}
	}
	if sc.ruleCache == nil {
		sc.ruleCache = make(map[ruleKey][]string)
	}
	sc.ruleCache[k] = out
	return out
}
