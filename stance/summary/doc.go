// Package summary turns per-sentence attitude scores into publishable
// statistics: group means with confidence intervals, label shares,
// document-clustered bootstrap intervals, tilts between two states,
// convergence with a focal state, and differences from a baseline
// ("house style"). Aggregates are mergeable, so shards of a corpus can be
// summarised separately, stored as JSON partials, and combined exactly.
//
// # Quick start
//
//	a, err := summary.NewAggregator(summary.Config{By: []string{"target", "month"}, Bootstrap: summary.DefaultBootstrap})
//	for _, r := range records {
//		if err := a.Add(r); err != nil { ... }
//	}
//	s, err := a.Summary()
//	err = s.WriteJSONL(os.Stdout)
//
// # Groups
//
// Records are grouped by any combination of keys listed in [Config.By]:
// "target", "source", one period granularity, or a metadata field by
// name. Periods are formatted in the location of the record's Date:
// day 2006-01-02, week 2006-W01 (ISO 8601 week and week-year), month
// 2006-01, quarter 2006-Q1, half 2006-H1, year 2006. Records with a zero
// Date fall in period "undated" and are counted in [Summary.Undated]
// whether or not a period is grouped on. A missing metadata field groups
// as "". Whole-sentence records (Target "") form their own target group
// "" and are pooled with the rest when "target" is not grouped on.
//
// # Statistics of a group
//
// Each record i has score x_i in [-1, 1] and weight w_i: 1, or its
// Mentions (at least 1) when [Config.Weighted] is set. With W = Σw_i:
//
//	mean  m   = Σ w_i x_i / W
//	n_eff     = W² / Σ w_i²                     (Kish's effective sample size)
//	sd    s   = sqrt( Σ w_i (x_i - m)² / (W - Σw_i²/W) )   (reliability weights)
//	se        = s / sqrt(n_eff)
//	t CI      = m ± t(1-α/2, n_eff - 1) · se
//
// With unit weights these are the usual mean, n-1 standard deviation and
// Student t interval. The t interval treats sentences as independent;
// sentences of one document are not, so prefer the bootstrap below when
// documents contribute many sentences. A mean score lies in [-1, 1], so
// a t interval from very few sentences that reaches past that range is
// clipped to it (and a tilt's cluster t interval to [-2, 2]).
//
// The shares of positive, neutral and negative labels are counted over
// records (never weighted) and carry Wilson (1927) score intervals:
//
//	(p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n),  z = Φ⁻¹(1-α/2).
//
// # Document bootstrap
//
// With [Config.Bootstrap] B > 0 the interval of each group's mean is the
// percentile interval (Efron & Tibshirani 1993, ch. 13) of a Poisson
// bootstrap over documents, the clusters within which sentences are
// correlated (Cameron & Miller 2015). In replicate b, document d gets a
// weight w_b(d) ~ Poisson(1), and the replicate mean is
//
//	m_b = Σ_d w_b(d) S_d / Σ_d w_b(d) W_d,
//
// where S_d and W_d are the document's weighted score sum and weight in
// the group. This is the online bootstrap of Hanley & MacGibbon (2006)
// and Chamandy et al. (2012): as the number of documents grows, Poisson(1)
// counts approach the multinomial counts of resampling G documents with
// replacement, so the interval approximates the classical document
// bootstrap, while each group keeps only B replicate sums, whatever the
// number of documents. A group that has seen at most B/2 documents keeps
// instead, for each, its generator key, W_d and S_d (24 bytes, against
// 16·B bytes of sums) and computes the sums when asked: fine groupings
// (target by day and outlet, say) have many such groups. Both forms hold
// exact integers and give the same replicates. The endpoints are the empirical α/2 and 1-α/2
// quantiles of the replicates. A replicate in which every document of the
// group drew weight 0 (probability e^-G) has no mean and is left out;
// "replicates" reports how many were kept. ci_method is
// "bootstrap-documents"; with fewer than two documents the interval is
// undefined (a single cluster says nothing about variation between
// documents).
//
// w_b(d) is a pure function of [Config.Seed], a 64-bit FNV-1a hash of the
// document id, and b: a splitmix64 counter-based generator (Steele, Lea &
// Flood 2014) whose output is inverted through the Poisson(1) distribution
// function at 64-bit resolution. Every shard therefore gives a document
// the same weights, whatever the record order, and a document's weights
// are drawn once for all the groups it reaches. Replicate sums are exact
// integers: scores rounded to multiples of 2^-24 (6e-8, far below the
// four decimals of score records) times integer weights. Intervals are
// thus identical, bit for bit, for a seed, whatever the order of
// documents and however shards were split and merged, even inside a
// document. A group with a bootstrap holds at most 2^34 weighted records,
// which keeps replicate sums within int64.
//
// # Tilt
//
// For a pair (A, B) in [Config.Tilt] and each group formed by the
// non-target keys, the tilt is mean(A) - mean(B) over the records toward A
// and toward B. Its bootstrap is paired: both means of a replicate use
// the same document weights; replicates in which either side has no
// weight are dropped and counted in "dropped". Without a bootstrap the
// interval is a t interval on G-1 degrees of freedom (G documents) with
// the CR1 cluster-robust standard error of the linearised difference of
// ratio means,
//
//	u_d = (S_Ad - m_A W_Ad)/W_A - (S_Bd - m_B W_Bd)/W_B,   se² = G/(G-1) Σ u_d²,
//
// and ci_method is "t-cluster". Σ u_d² is a quadratic form in the
// per-document vector x_d = (S_Ad, W_Ad, S_Bd, W_Bd), so each pair keeps,
// instead of documents, the sums Σ x_d and Σ x_d x_dᵀ (14 numbers) as
// exact integers (math/big), added when a document ends. At the end,
// u_d·W_A²·W_B² is an integer combination of x_d, and Σ u_d² is computed
// exactly and rounded once. Rows report the documents mentioning A, B,
// both, and either.
//
// # Documents and contiguity
//
// geostance score writes the records of a document one after another,
// and the aggregator relies on it: a document's sums (n, W, S for each
// group it reaches) are kept only until a record of another document
// arrives, then added to the group's document count, replicate sums and
// tilt moments, and forgotten. Memory therefore grows with the number of
// groups, not with documents or records: without a bootstrap a group
// costs a few hundred bytes; with B replicates at most 16·B bytes more,
// and 24 bytes per document while it has seen no more than B/2.
//
// Records of one document that are not contiguous form separate clusters:
// the document is counted once per run of records, and its runs enter the
// cluster-robust variance as separate documents (unless an earlier run is
// still open, as a group's first document is: then they are joined). Bootstrap intervals are
// unaffected, since a document's weights depend on its id only and
// replicate sums are linear in its records. Shards are handled exactly:
// the first document each group sees in a stream, the document being
// read when a partial is written, and every such piece of a merged
// partial are kept open, with their id, so that the pieces of a document
// that spans shards are added up before it is counted. A shard cut in
// the middle of a document (split -l on score output, say) thus merges to
// the one-piece result. Open pieces cost about a hundred bytes per group
// and shard.
//
// # Focal state
//
// With [Config.Focal] F, focal rows report, for each target T other than
// F, the attitude toward T in records that describe F's relations with T:
// records spoken by F (Source == F) or naming F among Others. They carry
// the same statistics as groups, keyed by the non-target keys and target.
//
// # Baseline
//
// With [Config.Baseline] K, each group (and focal row) also reports
// baseline_mean, the mean of all records sharing the group's value of K
// over all targets (including whole-sentence records), and vs_baseline =
// mean - baseline_mean. K is appended to By when By lacks it, so every
// row has a value of K. K may be "source", a period, or a metadata field,
// but not "target".
//
// # Undefined values
//
// Values that do not exist (the sd of one record, an interval from one
// document, the tilt of a group without A) are NaN in the Go structs,
// null in JSON, empty in CSV and "-" in the text table. JSON never
// contains NaN or Inf.
//
// # Merging shards
//
// Each [Aggregator] keeps, per group: record count, Σw, Σw², the running
// weighted mean and M2 = Σ w(x-m)² (Welford's update, West 1979), label
// counts, the document count, open document pieces, B replicate sums (or
// the list of its few documents) and, per tilt pair, the moments above.
// [Aggregator.Merge] combines two aggregates with equal configs by Chan,
// Golub & LeVeque's (1979) pairwise formula, with d = m_b - m_a:
//
//	mean = m_a + d·W_b/W,   M2 = M2_a + M2_b + d²·W_a·W_b/W,
//
// and by adding counts, replicate sums and moments, and joining open
// pieces of the same document. Counts, replicate sums and moments merge
// exactly; means and variances agree to rounding (far below 1e-9) in any
// merge order.
//
// # Partial format
//
// [Aggregator.MarshalPartial] writes one JSON object; [DecodePartial]
// reads it, rejecting unknown fields and inconsistent counts:
//
//	{
//	  "format": "geostance-partial", "version": 2,
//	  "config": {"by": [...], "level": 0.95, "bootstrap": 0, "seed": 0,
//	             "weighted": false, "tilt": [["CHN","USA"]], "focal": "", "baseline": ""},
//	  "records": 12, "undated": 0,
//	  "main":     [group, ...],   keys: the By values
//	  "tilt":     [group, ...],   keys: non-target By values, then the target
//	  "focal":    [group, ...],   keys: non-target By values, then the target
//	  "baseline": [group, ...],   keys: [baseline value]; no documents or replicates
//	  "pairs":    [pair, ...]
//	}
//	group = {"keys": [...], "n": 3, "w": 3, "w2": 3, "mean": 0.1, "m2": 0.02,
//	         "labels": [negative, neutral, positive], "docs": 1,
//	         "open": [[id, n, w, s_hi, s_lo, q], ...],
//	         "reps_w": [B integers], "reps_s": [B integers]}   or
//	         "few": [[key, w, q], ...]                         (at most B/2)
//	pair  = {"tilt": ["CHN","USA"], "keys": [non-target values],
//	         "docs": [either, A, B, both], "open": [[id, side A..., side B...], ...],
//	         "moments": [14 decimal integers: Σx_d, then Σx_di·x_dj for i <= j]}
//
// "docs" counts closed documents; "open" lists open pieces, where
// s_hi·2^64 + s_lo (two's complement) is Σ w·x in units of 2^-52 and q the
// same sum in units of 2^-24. reps_w and reps_s are the replicate sums
// Σ w_b(d)·W_d and Σ w_b(d)·S_d (units of 2^-24); a group that has seen
// few documents lists them instead in "few", by generator key, weight and
// score sum (units of 2^-24). To summarise a sharded
// corpus, write one partial per shard, decode them, Merge them into one
// Aggregator in any order, and call Summary.
//
// # Output
//
// Rows are sorted by their key values. JSON rows are flat objects with a
// "kind" ("group", "tilt" or "focal") and the keys under their column
// names: "target", "source", "period", or the metadata field's name.
// [Summary.WriteCSV] writes the union of columns under one header.
//
// # References
//
//   - E. B. Wilson (1927), Probable inference, the law of succession, and
//     statistical inference. JASA 22(158):209-212.
//   - T. F. Chan, G. H. Golub, R. J. LeVeque (1979), Updating formulae and
//     a pairwise algorithm for computing sample variances. Stanford
//     CS report STAN-CS-79-773.
//   - D. H. D. West (1979), Updating mean and variance estimates: an
//     improved method. CACM 22(9):532-535.
//   - B. Efron, R. J. Tibshirani (1993), An Introduction to the Bootstrap.
//     Chapman & Hall.
//   - A. C. Cameron, D. L. Miller (2015), A practitioner's guide to
//     cluster-robust inference. J. Human Resources 50(2):317-372.
//   - L. Kish (1965), Survey Sampling. Wiley (effective sample size).
//   - J. A. Hanley, B. MacGibbon (2006), Creating non-parametric
//     bootstrap samples using Poisson frequencies. Computer Methods and
//     Programs in Biomedicine 83(1):57-62.
//   - N. Chamandy, O. Muralidharan, A. Najmi, S. Naidu (2012), Estimating
//     uncertainty for massive data streams. Google technical report.
//   - G. L. Steele, D. Lea, C. H. Flood (2014), Fast splittable
//     pseudorandom number generators. OOPSLA 2014 (splitmix64).
//
// # Concurrency
//
// An Aggregator is not safe for concurrent use; give each goroutine its
// own and merge them. A Summary is a plain value.
package summary
