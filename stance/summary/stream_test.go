package summary_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geostance/geostance/stance/summary"
)

// clusteredDocs simulates g documents whose sentences share a document
// effect: toward CHN the expected score is muA, toward USA muB, and the
// two sides of a document move together, as the coverage of a
// document-clustered interval requires. Uniform noise keeps every score
// inside [-1, 1], so the true means are exactly muA and muB.
func clusteredDocs(rng *rand.Rand, g int, muA, muB float64) []summary.Record {
	var recs []summary.Record
	for d := range g {
		effect := 0.5 * (rng.Float64()*2 - 1)
		id := fmt.Sprintf("sim-%04d", d)
		for i := range 1 + rng.IntN(8) {
			target, mu := "CHN", muA
			if rng.IntN(2) == 0 {
				target, mu = "USA", muB
			}
			x := mu + effect + 0.3*(rng.Float64()*2-1)
			recs = append(recs, summary.Record{Doc: id, Sentence: i, Target: target, Score: x})
		}
	}
	return recs
}

// TestCoverage checks that the intervals cover the true value at about
// the nominal 95% rate on clustered data: the Poisson bootstrap of a
// group mean and of a tilt, and the CR1 t interval of a tilt. With 200
// simulations the standard error of a coverage rate near 0.95 is 0.015;
// the bounds allow for that and for the known slight undercoverage of
// percentile intervals with 60 clusters. Ignoring the clustering would
// cover far less often (the naive t interval is checked to show it).
func TestCoverage(t *testing.T) {
	const sims, g, muA, muB = 200, 60, 0.1, -0.2
	var boot, tiltBoot, tiltT, naive int
	for s := range sims {
		recs := clusteredDocs(rand.New(rand.NewPCG(uint64(s), 7)), g, muA, muB)
		sb := mustSummary(t, summary.Config{By: []string{"target"}, Tilt: [][2]string{{"CHN", "USA"}}, Bootstrap: 200, Seed: uint64(s)}, recs)
		st := mustSummary(t, summary.Config{By: []string{"target"}, Tilt: [][2]string{{"CHN", "USA"}}}, recs)
		chn := sb.Groups[0]
		require.Equal(t, "CHN", chn.Keys[0].Value)
		if chn.CILow <= muA && muA <= chn.CIHigh {
			boot++
		}
		if r := sb.Tilts[0]; r.CILow <= muA-muB && muA-muB <= r.CIHigh {
			tiltBoot++
		}
		if r := st.Tilts[0]; r.CILow <= muA-muB && muA-muB <= r.CIHigh {
			tiltT++
		}
		if c := st.Groups[0]; c.CILow <= muA && muA <= c.CIHigh {
			naive++
		}
	}
	rate := func(k int) float64 { return float64(k) / sims }
	t.Logf("coverage: bootstrap %.3f, tilt bootstrap %.3f, tilt t-cluster %.3f, naive t %.3f",
		rate(boot), rate(tiltBoot), rate(tiltT), rate(naive))
	for name, k := range map[string]int{"bootstrap": boot, "tilt bootstrap": tiltBoot, "tilt t-cluster": tiltT} {
		assert.GreaterOrEqual(t, rate(k), 0.89, name)
		assert.LessOrEqual(t, rate(k), 0.99, name)
	}
	assert.Less(t, rate(naive), 0.85, "the i.i.d. t interval should undercover on clustered data")
}

// shuffleWithinContiguity reorders documents and the records inside each
// document, keeping each document's records together.
func shuffleWithinContiguity(rng *rand.Rand, recs []summary.Record) []summary.Record {
	var docs [][]summary.Record
	for i := 0; i < len(recs); {
		j := i
		for j < len(recs) && recs[j].Doc == recs[i].Doc {
			j++
		}
		d := slices.Clone(recs[i:j])
		rng.Shuffle(len(d), func(a, b int) { d[a], d[b] = d[b], d[a] })
		docs = append(docs, d)
		i = j
	}
	rng.Shuffle(len(docs), func(a, b int) { docs[a], docs[b] = docs[b], docs[a] })
	return slices.Concat(docs...)
}

// TestOrderInvariance checks that bootstrap intervals and cluster-robust
// standard errors are identical, bit for bit, under any order of
// documents and of records within them.
func TestOrderInvariance(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	recs := randomRecords(rng, 600, 40)
	for _, boot := range []int{0, 150} {
		cfg := mergeConfig
		cfg.Bootstrap = boot
		want := mustSummary(t, cfg, recs)
		for trial := range 5 {
			got := mustSummary(t, cfg, shuffleWithinContiguity(rng, recs))
			requireSameRows(t, jsonRows(t, want), jsonRows(t, got))
			for i, r := range want.Tilts {
				assert.Equal(t, r.SE, got.Tilts[i].SE, "trial %d B=%d tilt %d se", trial, boot, i)
				assert.Equal(t, r.NDocumentsBoth, got.Tilts[i].NDocumentsBoth)
			}
		}
	}
}

// TestNonContiguousDocument pins down what happens when a document's
// records are interrupted by another document's: its runs count as
// separate documents (clusters), while bootstrap replicates, which depend
// on the document id only, do not change.
func TestNonContiguousDocument(t *testing.T) {
	r := func(doc string, x float64) summary.Record { return summary.Record{Doc: doc, Target: "CHN", Score: x} }
	together := []summary.Record{r("a", 0.1), r("b", 0.5), r("b", 0.4), r("c", -0.3), r("d", 0.2)}
	split := []summary.Record{r("a", 0.1), r("b", 0.5), r("c", -0.3), r("b", 0.4), r("d", 0.2)}
	cfg := summary.Config{Bootstrap: 300, Seed: 3}
	g1, g2 := mustSummary(t, cfg, together).Groups[0], mustSummary(t, cfg, split).Groups[0]
	assert.Equal(t, 4, g1.NDocuments)
	assert.Equal(t, 5, g2.NDocuments, "the two runs of b are two clusters")
	assert.Equal(t, g1.CILow, g2.CILow)
	assert.Equal(t, g1.CIHigh, g2.CIHigh)

	// A group's first document stays open, so a later run of it joins it.
	first := []summary.Record{r("a", 0.1), r("b", 0.5), r("a", 0.4), r("c", -0.3)}
	assert.Equal(t, 3, mustSummary(t, cfg, first).Groups[0].NDocuments)
}

// TestPauseInvariance checks that writing a partial or computing a
// summary in the middle of a document changes nothing that follows.
func TestPauseInvariance(t *testing.T) {
	recs := randomRecords(rand.New(rand.NewPCG(21, 22)), 400, 30)
	want := jsonRows(t, mustSummary(t, mergeConfig, recs))
	a, err := summary.NewAggregator(mergeConfig)
	require.NoError(t, err)
	for i, r := range recs {
		require.NoError(t, a.Add(r))
		if i%37 == 0 {
			var buf bytes.Buffer
			require.NoError(t, a.MarshalPartial(&buf))
			_, err := a.Summary()
			require.NoError(t, err)
		}
	}
	requireSameRows(t, want, jsonRows(t, must(a.Summary())))
}

// TestShardInsideDocument merges shards cut inside documents, including a
// document spread over three shards, in every order.
func TestShardInsideDocument(t *testing.T) {
	recs := clusteredDocs(rand.New(rand.NewPCG(5, 6)), 12, 0.1, -0.1)
	cfg := summary.Config{By: []string{"target"}, Tilt: [][2]string{{"CHN", "USA"}}, Bootstrap: 100, Seed: 9}
	want := mustSummary(t, cfg, recs)
	wantRows := jsonRows(t, want)
	// Cut points every 3 records land inside most documents.
	var parts [][]summary.Record
	for i := 0; i < len(recs); i += 3 {
		parts = append(parts, recs[i:min(i+3, len(recs))])
	}
	for _, order := range [][]int{nil, {1}, {2}} {
		idx := make([]int, len(parts))
		for i := range idx {
			idx[i] = i
		}
		if order != nil {
			rand.New(rand.NewPCG(uint64(order[0]), 1)).Shuffle(len(idx), func(a, b int) { idx[a], idx[b] = idx[b], idx[a] })
		}
		total, err := summary.NewAggregator(cfg)
		require.NoError(t, err)
		for _, i := range idx {
			a, err := summary.NewAggregator(cfg)
			require.NoError(t, err)
			for _, r := range parts[i] {
				require.NoError(t, a.Add(r))
			}
			require.NoError(t, total.Merge(roundTrip(t, a)))
		}
		got := must(total.Summary())
		requireSameRows(t, wantRows, jsonRows(t, got))
		assert.Equal(t, want.Tilts[0].SE, got.Tilts[0].SE)
		assert.Equal(t, want.Groups[0].NDocuments, got.Groups[0].NDocuments)
	}
}
