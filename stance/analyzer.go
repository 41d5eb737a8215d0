package stance

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"
	"sync"
	"time"

	"github.com/geostance/geostance/internal/segment"
	"github.com/geostance/geostance/lexicon"
)

// Default label thresholds: a score at or above DefaultPositive is
// Positive, at or below DefaultNegative Negative, Neutral in between. They
// were chosen on the project's golden sentences (testdata/attitude) and
// the NewsMTSC training split, where ±0.2 gave the best macro-F1 of the
// values 0.1 to 0.3 tried.
const (
	DefaultPositive = 0.2
	DefaultNegative = -0.2
)

// squashAlpha shapes the map from a raw evidence sum to a score in
// (-1, 1): score = raw / sqrt(raw² + squashAlpha). One clear cue of weight
// 2 ("praised") gives about 0.7; the score approaches ±1 as cues pile up.
const squashAlpha = 4

// relationScale brings the cooperation–conflict channel (Goldstein's
// -10..+10) onto the affect scale (-4..+4).
const relationScale = 2.5

// config holds the options of an Analyzer.
type config struct {
	lex      *lexicon.Lexicon
	gaz      *lexicon.Gazetteer
	pos, neg float64
	only     map[string]bool
	cal      Calibrator
	features bool
}

// Option configures an Analyzer.
type Option func(*config) error

// WithLexicon sets the lexicon (default: [lexicon.English]).
func WithLexicon(l *lexicon.Lexicon) Option {
	return func(c *config) error {
		if l == nil {
			return errors.New("stance: nil lexicon")
		}
		c.lex = l
		return nil
	}
}

// WithGazetteer sets the gazetteer of targets (default:
// [lexicon.Countries]); extend it with [lexicon.Gazetteer.Extend] to add
// people, parties or companies.
func WithGazetteer(g *lexicon.Gazetteer) Option {
	return func(c *config) error {
		if g == nil {
			return errors.New("stance: nil gazetteer")
		}
		c.gaz = g
		return nil
	}
}

// WithThresholds sets the label thresholds: scores >= pos are Positive,
// scores <= neg Negative. Defaults: DefaultPositive and DefaultNegative.
func WithThresholds(neg, pos float64) Option {
	return func(c *config) error {
		if !(neg < pos) || neg < -1 || pos > 1 || math.IsNaN(neg) || math.IsNaN(pos) {
			return fmt.Errorf("stance: thresholds must satisfy -1 <= neg < pos <= 1, got %g, %g", neg, pos)
		}
		c.neg, c.pos = neg, pos
		return nil
	}
}

// OnlyTargets restricts the output to the given target ids; other targets
// are still recognised (so they are not mistaken for anything else) but
// not reported.
func OnlyTargets(ids ...string) Option {
	return func(c *config) error {
		if len(ids) == 0 {
			return nil
		}
		c.only = make(map[string]bool, len(ids))
		for _, id := range ids {
			c.only[id] = true
		}
		return nil
	}
}

// Analyzer scores the attitude of sentences toward the targets they
// mention. It is immutable after New and safe for concurrent use by
// multiple goroutines.
type Analyzer struct {
	cfg  config
	mt   *matcher
	cues *cueTrie
	pool sync.Pool // *scratch
}

// New returns an Analyzer. With no options it uses the built-in English
// lexicon and the built-in gazetteer of states and organisations.
func New(opts ...Option) (*Analyzer, error) {
	cfg := config{pos: DefaultPositive, neg: DefaultNegative}
	for _, o := range opts {
		if err := o(&cfg); err != nil {
			return nil, err
		}
	}
	if cfg.lex == nil {
		cfg.lex = lexicon.English()
	}
	if cfg.gaz == nil {
		cfg.gaz = lexicon.Countries()
	}
	a := &Analyzer{cfg: cfg, mt: newMatcher(cfg.gaz), cues: newCueTrie(cfg.lex)}
	a.pool.New = func() any {
		sc := new(scratch)
		sc.tz.Tagger = a.mt.tag
		sc.tz.Mark = markRoots
		return sc
	}
	return a, nil
}

// Label returns the label of a score under the analyzer's thresholds.
func (a *Analyzer) Label(score float64) Label {
	switch {
	case score >= a.cfg.pos:
		return Positive
	case score <= a.cfg.neg:
		return Negative
	}
	return Neutral
}

// Analyze splits text into sentences and scores each one toward the targets
// it mentions. Offsets in the result are bytes into text. It checks ctx
// between sentences and returns ctx.Err() when it is done.
func (a *Analyzer) Analyze(ctx context.Context, text string, opts ...DocOption) (*Document, error) {
	var dc docConfig
	for _, o := range opts {
		o(&dc)
	}
	targets := append([]TargetSpan(nil), dc.targets...)
	sort.SliceStable(targets, func(i, j int) bool { return targets[i].Span.Start < targets[j].Span.Start })
	spans := segment.Sentences(text, nil)
	doc := &Document{Sentences: make([]Sentence, 0, len(spans))}
	sc := a.pool.Get().(*scratch)
	defer a.pool.Put(sc)
	for i, sp := range spans {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		var explicit []TargetSpan
		if len(dc.targets) > 0 {
			explicit = sentenceTargets(targets, sp)
			if len(explicit) == 0 {
				continue
			}
		}
		doc.Sentences = append(doc.Sentences, Sentence{})
		s := &doc.Sentences[len(doc.Sentences)-1]
		a.sentence(sc, s, text[sp.Start:sp.End], sp.Start, &dc, explicit)
		s.Index = i
	}
	return doc, nil
}

// AnalyzeSentence scores one sentence as it stands, without splitting it.
// base is the byte offset of the sentence in its document: spans in the
// result are offset by it.
func (a *Analyzer) AnalyzeSentence(text string, base int, opts ...DocOption) Sentence {
	var dc docConfig
	for _, o := range opts {
		o(&dc)
	}
	var s Sentence
	sc := a.pool.Get().(*scratch)
	a.sentence(sc, &s, text, base, &dc, dc.targets)
	a.pool.Put(sc)
	return s
}

// sentenceTargets returns the explicit targets that overlap sentence sp.
func sentenceTargets(ts []TargetSpan, sp segment.Span) []TargetSpan {
	var out []TargetSpan
	for _, t := range ts {
		if t.Span.Start < sp.End && t.Span.End > sp.Start {
			out = append(out, t)
		}
	}
	return out
}

// squash maps a raw evidence sum into (-1, 1).
func squash(raw float64) float64 {
	return raw / math.Sqrt(raw*raw+squashAlpha)
}

// Mentions returns the mentions of targets in one sentence, without
// scoring it: the cheaper call when only the targets are wanted. base is
// the byte offset of the sentence in its document.
func (a *Analyzer) Mentions(text string, base int, opts ...DocOption) []Mention {
	ms := a.AppendMentions(nil, text, base, opts...)
	if len(ms) == 0 {
		return nil
	}
	return ms
}

// AppendMentions is Mentions appending to dst: a loop over many sentences
// that reuses one slice allocates nothing for the mentions themselves. On
// one goroutine, a Mentioner does the same without borrowing buffers for
// each sentence.
func (a *Analyzer) AppendMentions(dst []Mention, text string, base int, opts ...DocOption) []Mention {
	sc := a.pool.Get().(*scratch)
	defer a.pool.Put(sc)
	return a.appendMentions(sc, dst, text, base, opts)
}

// A Mentioner finds the mentions of targets sentence by sentence, as
// Analyzer.AppendMentions does, in buffers of its own that it keeps from
// call to call. A loop over many sentences spares that way the cost of
// borrowing buffers for each; a Mentioner is not safe for concurrent use,
// so each goroutine needs its own.
type Mentioner struct {
	a  *Analyzer
	sc *scratch
}

// Mentioner returns a new Mentioner that finds what a finds.
func (a *Analyzer) Mentioner() *Mentioner {
	return &Mentioner{a: a, sc: a.pool.New().(*scratch)}
}

// AppendMentions appends to dst the mentions of targets in one sentence
// and returns the extended slice, as Analyzer.AppendMentions does.
func (m *Mentioner) AppendMentions(dst []Mention, text string, base int, opts ...DocOption) []Mention {
	return m.a.appendMentions(m.sc, dst, text, base, opts)
}

func (a *Analyzer) appendMentions(sc *scratch, dst []Mention, text string, base int, opts []DocOption) []Mention {
	var date time.Time
	if len(opts) > 0 {
		var dc docConfig // escapes to the options: allocate only when there are some
		for _, o := range opts {
			o(&dc)
		}
		date = dc.date
	}
	toks := sc.tz.Tokenize(text)
	n := len(dst)
	ms := &sc.scan
	ms.dst, ms.toks, ms.text, ms.base, ms.date = dst, toks, text, base, date
	a.mt.find(ms, &sc.tz, &sc.visits)
	dst = ms.dst
	if a.cfg.only == nil {
		return dst
	}
	kept := dst[:n]
	for _, m := range dst[n:] {
		if a.cfg.only[m.Target] {
			kept = append(kept, m)
		}
	}
	return kept
}
