package summary

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// DefaultLevel is the confidence level used when [Config.Level] is zero.
const DefaultLevel = 0.95

// DefaultBootstrap is the number of bootstrap replicates callers should
// offer by default. 2000 replicates put the Monte Carlo error of a 95%
// percentile endpoint well below the rounding used in reports (Efron &
// Tibshirani 1993, ch. 19, recommend at least 1000 for percentile intervals).
const DefaultBootstrap = 2000

// MaxMentions bounds [Record.Mentions]; larger values are rejected as
// corrupt input rather than silently dominating a weighted mean. The
// bound also keeps sums of squared weights far from int64 overflow.
const MaxMentions = 10_000

// MaxBootstrap bounds [Config.Bootstrap]: beyond it the Monte Carlo
// error is negligible and only the run time grows.
const MaxBootstrap = 1_000_000

// Undated is the period value given to records whose Date is zero.
const Undated = "undated"

// CI methods reported in ci_method.
const (
	// MethodT is the Student t interval around a mean.
	MethodT = "t"
	// MethodBootstrap is the percentile interval of a Poisson bootstrap
	// that reweights whole documents.
	MethodBootstrap = "bootstrap-documents"
	// MethodClusterT is a t interval with a document-clustered
	// (linearised, CR1) standard error; used for tilts without a bootstrap.
	MethodClusterT = "t-cluster"
)

// Config selects the grouping and the statistics of an [Aggregator].
// The zero value groups nothing (one overall row) with 95% t intervals.
type Config struct {
	// By lists the grouping keys: "target", "source", one period
	// granularity ("day", "week", "month", "quarter", "half", "year"),
	// or the name of a metadata field; the first eight names always mean
	// the built-in keys. Order fixes the column and sort order.
	By []string `json:"by"`
	// Level is the confidence level in (0, 1); 0 means DefaultLevel.
	Level float64 `json:"level"`
	// Bootstrap is the number of document-bootstrap replicates;
	// 0 selects t intervals.
	Bootstrap int `json:"bootstrap"`
	// Seed seeds the bootstrap; equal seeds give equal intervals.
	Seed uint64 `json:"seed"`
	// Weighted weights each record by its Mentions.
	Weighted bool `json:"weighted"`
	// Tilt lists pairs of targets (A, B) whose difference A - B is reported.
	Tilt [][2]string `json:"tilt"`
	// Focal, if set, names a state whose convergence with each target is reported.
	Focal string `json:"focal"`
	// Baseline, if set, names a key (metadata field, "source" or a period)
	// whose per-value mean over all targets is subtracted from each group's mean.
	// It is appended to By when By lacks it.
	Baseline string `json:"baseline"`
}

type keyKind uint8

const (
	keyTarget keyKind = iota
	keySource
	keyDay
	keyWeek
	keyMonth
	keyQuarter
	keyHalf
	keyYear
	keyMeta
)

var periodKinds = map[string]keyKind{
	"day": keyDay, "week": keyWeek, "month": keyMonth,
	"quarter": keyQuarter, "half": keyHalf, "year": keyYear,
}

func kindOf(name string) keyKind {
	switch name {
	case "target":
		return keyTarget
	case "source":
		return keySource
	}
	if k, ok := periodKinds[name]; ok {
		return k
	}
	return keyMeta
}

func isPeriod(k keyKind) bool { return k >= keyDay && k <= keyYear }

// columnName is the output column of a By key: periods share "period".
func columnName(name string) string {
	if isPeriod(kindOf(name)) {
		return "period"
	}
	return name
}

// reserved holds every column the writers emit besides group keys; a
// metadata field with one of these names would make rows ambiguous.
var reserved = map[string]bool{
	"kind": true, "period": true, "focal": true, "tilt": true,
	"n_sentences": true, "n_documents": true, "n_eff": true, "sum_weights": true,
	"mean": true, "sd": true, "se": true, "ci_low": true, "ci_high": true,
	"ci_method": true, "ci_level": true, "replicates": true,
	"pos_share": true, "pos_low": true, "pos_high": true,
	"neu_share": true, "neu_low": true, "neu_high": true,
	"neg_share": true, "neg_low": true, "neg_high": true,
	"baseline_mean": true, "vs_baseline": true,
	"estimate": true, "n_documents_a": true, "n_documents_b": true,
	"n_documents_both": true, "n_sentences_a": true, "n_sentences_b": true,
	"mean_a": true, "mean_b": true, "dropped": true,
}

// normalize validates c and returns the canonical copy stored by an
// Aggregator, so that configs compare equal exactly when they aggregate alike.
func (c Config) normalize() (Config, error) {
	n := Config{
		By:        slices.Clone(c.By),
		Level:     c.Level,
		Bootstrap: c.Bootstrap,
		Seed:      c.Seed,
		Weighted:  c.Weighted,
		Tilt:      slices.Clone(c.Tilt),
		Focal:     c.Focal,
		Baseline:  c.Baseline,
	}
	if n.Level == 0 {
		n.Level = DefaultLevel
	}
	if !(n.Level > 0 && n.Level < 1) || math.IsNaN(n.Level) {
		return Config{}, fmt.Errorf("summary: level %v outside (0, 1)", c.Level)
	}
	if n.Bootstrap < 0 || n.Bootstrap > MaxBootstrap {
		return Config{}, fmt.Errorf("summary: bootstrap replicates %d outside [0, %d]", n.Bootstrap, MaxBootstrap)
	}
	if n.Baseline != "" {
		if n.Baseline == "target" {
			return Config{}, errors.New(`summary: baseline cannot be "target": a baseline is a mean over all targets`)
		}
		if !slices.Contains(n.By, n.Baseline) {
			n.By = append(n.By, n.Baseline)
		}
	}
	seen := map[string]bool{}
	periods := 0
	for _, k := range n.By {
		if k == "" {
			return Config{}, errors.New("summary: empty grouping key")
		}
		if seen[k] {
			return Config{}, fmt.Errorf("summary: grouping key %q given twice", k)
		}
		seen[k] = true
		kind := kindOf(k)
		if isPeriod(kind) {
			periods++
		}
		if kind == keyMeta && reserved[k] {
			return Config{}, fmt.Errorf("summary: metadata field %q collides with an output column", k)
		}
	}
	if periods > 1 {
		return Config{}, errors.New("summary: at most one period granularity may be grouped on")
	}
	pairs := map[[2]string]bool{}
	for _, p := range n.Tilt {
		if p[0] == "" || p[1] == "" {
			return Config{}, fmt.Errorf("summary: tilt pair %q-%q has an empty target", p[0], p[1])
		}
		if p[0] == p[1] {
			return Config{}, fmt.Errorf("summary: tilt pair %q-%q compares a target with itself", p[0], p[1])
		}
		if pairs[p] {
			return Config{}, fmt.Errorf("summary: tilt pair %q-%q given twice", p[0], p[1])
		}
		pairs[p] = true
	}
	return n, nil
}

func (c Config) equal(d Config) bool {
	return slices.Equal(c.By, d.By) && c.Level == d.Level && c.Bootstrap == d.Bootstrap &&
		c.Seed == d.Seed && c.Weighted == d.Weighted && slices.Equal(c.Tilt, d.Tilt) &&
		c.Focal == d.Focal && c.Baseline == d.Baseline
}
