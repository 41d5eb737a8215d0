// Package pipeline scores and summarises a corpus with Apache Beam: the
// same analysis as "geostance score" followed by "geostance summarize",
// spread over the workers of any Beam runner.
//
// [Build] adds the steps to a pipeline:
//
//	textio.Read        JSON Lines documents, one per line
//	ParDo(scoreFn)     one [Record] per (sentence, state), scored by a
//	                   stance.Analyzer built once per worker
//	Combine(SummaryFn) per-bundle *summary.Aggregator partials, merged
//	                   exactly, then summarised
//	ParDo(writeFn)     the summary JSONL (or the partial JSON) to one file
//
// # Equivalence with the command line
//
// Documents are read as geostance reads JSON Lines: "id" (a string or a
// number), "text", an optional "date" (YYYY-MM-DD or RFC 3339), optional
// "targets" (code-point spans scored as given ids), and every other field
// as metadata for grouping. Scores are rounded to the four decimals that
// score records carry, so the output equals, within rounding of sums,
// what
//
//	geostance score corpus.jsonl | geostance summarize [flags]
//
// writes for the same flags. Unlike the command line, the id is required:
// lines of a sharded input have no stable line number to stand in for it.
//
// # Merging
//
// The combiner's accumulator is a *summary.Aggregator, encoded between
// workers as its JSON partial ([summary.Aggregator.MarshalPartial]). Counts,
// bootstrap replicate sums and cluster moments merge exactly, and
// bootstrap intervals are identical for a seed however the runner splits
// the input; means and standard deviations agree to rounding (far below
// 1e-9). The aggregator counts a document's records as one cluster when
// they arrive one after another; scoreFn emits all records of a document
// from one element, so they reach one accumulator together when the
// runner lifts the combiner into the scoring stage, as the tests check
// on Prism. A runner that shuffled records before combining would still give
// the same means and bootstrap intervals, but would count a document
// once per run of its records in document counts and the t-cluster
// interval.
package pipeline
