package stance

import (
	"fmt"
	"time"
)

// Span is a half-open range [Start, End) of byte offsets into the text
// given to [Analyzer.Analyze].
type Span struct{ Start, End int }

// Label is the attitude class of a score.
type Label int8

// The three labels; the zero Label is Neutral.
const (
	Negative Label = -1
	Neutral  Label = 0
	Positive Label = 1
)

func (l Label) String() string {
	switch l {
	case Negative:
		return "negative"
	case Positive:
		return "positive"
	}
	return "neutral"
}

// ParseLabel parses "positive", "neutral" or "negative" (also "pos", "neu",
// "neg", "+1", "0", "-1").
func ParseLabel(s string) (Label, error) {
	switch s {
	case "positive", "pos", "+1", "1", "Positive":
		return Positive, nil
	case "neutral", "neu", "0", "Neutral":
		return Neutral, nil
	case "negative", "neg", "-1", "Negative":
		return Negative, nil
	}
	return Neutral, fmt.Errorf("stance: unknown label %q (want positive, neutral or negative)", s)
}

// Mention is one place where a sentence names a target.
type Mention struct {
	Target string // entity id: ISO 3166-1 alpha-3 for states ("CHN"), an id of its own otherwise
	Name   string // the entity's canonical name ("China")
	Kind   string // name, demonym, capital, institution, combining, person, or explicit
	Text   string // the text as written
	Span   Span

	tok0, tok1 int // token range in the sentence
	victim     bool
}

// Evidence is one cue that contributed to a score, with the rules that
// shaped its weight.
type Evidence struct {
	Span   Span
	Text   string   // the cue as written in the sentence
	Term   string   // the lexicon term it matched
	Weight float64  // contribution to the target's raw sum, after every rule
	Rules  []string // how the weight came about, in order: "affect", "relation", "role:patient", "negated", ...
	File   string   // lexicon file of the entry ("data/affect.tsv"): provenance for editors
	Line   int      // line of the entry in File
}

// Target is the attitude of one sentence toward one target.
type Target struct {
	ID       string
	Name     string
	Score    float64 // in [-1, 1]
	Label    Label
	Source   string  // the target whose attitude this is, when the sentence says ("Beijing condemned ..."); "" otherwise
	Raw      float64 // sum of the evidence weights before squashing into [-1, 1]
	Mentions []Mention
	Evidence []Evidence
	Features *Features // set when the Analyzer computes features (WithFeatures, WithCalibrator)
	// Reasons are the inputs a Calibrator's label rests on, strongest
	// first, when one scored the target and gives them (see Calibrator).
	// The Evidence stays the rules'.
	Reasons []Reason
	Clauses []Span // the clauses that name the target, in order: the scope of targeted counting
}

// Sentence is one analysed sentence.
type Sentence struct {
	Index    int
	Span     Span
	Text     string
	Score    float64 // the sentence's overall attitude, in [-1, 1], as whole-sentence tools measure it
	Label    Label
	Raw      float64
	Evidence []Evidence // every cue of the sentence, in input order
	Targets  []Target   // one per target the sentence mentions, in order of first mention
}

// Document is the result of analysing a text.
type Document struct {
	Sentences []Sentence
}

// TargetSpan names a span of the text as a target to score, for targets the
// gazetteer does not know (people, companies) or when the targets are given.
type TargetSpan struct {
	ID   string
	Span Span // byte offsets into the text
}

// docConfig holds the per-document options.
type docConfig struct {
	date         time.Time
	targets      []TargetSpan
	targetedOnly bool
}

// DocOption configures one call of [Analyzer.Analyze].
type DocOption func(*docConfig)

// OnDate sets the document's date, which decides the aliases that are valid
// only between two dates (heads of state, foreign ministers).
func OnDate(t time.Time) DocOption { return func(c *docConfig) { c.date = t } }

// TargetedOnly leaves unweighed the sentences that name no target (or,
// with [OnlyTargets], none of those wanted): their Score is 0, their Label
// neutral, and they have no Evidence. A caller that wants only the
// attitudes toward targets is spared the work on the rest, which in most
// news is the larger part.
func TargetedOnly() DocOption { return func(c *docConfig) { c.targetedOnly = true } }

// WithTargets scores only the given spans, as targets with the given ids,
// instead of the states the gazetteer finds.
func WithTargets(ts ...TargetSpan) DocOption {
	return func(c *docConfig) { c.targets = append(c.targets, ts...) }
}
