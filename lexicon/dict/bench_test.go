package dict

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// synthWord builds a pronounceable pseudo-word from n, so generated
// dictionaries are deterministic and owe nothing to any real word list.
func synthWord(n int) string {
	const cons, vows = "bdfgklmnprstvz", "aeiou"
	var sb strings.Builder
	for {
		sb.WriteByte(cons[n%len(cons)])
		n /= len(cons)
		sb.WriteByte(vows[n%len(vows)])
		n /= len(vows)
		if n == 0 {
			return sb.String()
		}
	}
}

// synthLIWC writes a LIWC dictionary with n entries over 64 categories:
// mostly single words, one in ten a wildcard, one in ten a phrase.
func synthLIWC(n int) []byte {
	var b bytes.Buffer
	b.WriteString("%\n")
	for c := 1; c <= 64; c++ {
		fmt.Fprintf(&b, "%d\tcat%d\n", c, c)
	}
	b.WriteString("%\n")
	for i := range n {
		w := synthWord(i + 1000)
		switch i % 10 {
		case 0:
			w += "*"
		case 1:
			w = synthWord(i%500+1000) + " " + w
		}
		fmt.Fprintf(&b, "%s\t%d\t%d\n", w, i%64+1, (i*7+1)%64+1)
	}
	return b.Bytes()
}

// synthTokens returns about size bytes of tokens: a third drawn from the
// dictionary's words, the rest filler that matches nothing.
func synthTokens(size, n int) ([]string, int) {
	r := rand.New(rand.NewPCG(1, 2))
	var toks []string
	total := 0
	for total < size {
		var t string
		if r.IntN(3) == 0 {
			t = synthWord(r.IntN(n) + 1000)
		} else {
			t = "x" + synthWord(r.IntN(5000))
		}
		toks = append(toks, t)
		total += len(t) + 1
	}
	return toks, total
}

func BenchmarkRead(b *testing.B) {
	src := synthLIWC(100_000)
	d, err := Read(bytes.NewReader(src), "synth.dic", LIWC)
	if err != nil {
		b.Fatal(err)
	}
	var tsv bytes.Buffer
	if err := d.WriteTSV(&tsv); err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		f    Format
		src  []byte
	}{{"liwc-100k", LIWC, src}, {"tsv-100k", TSV, tsv.Bytes()}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Read(bytes.NewReader(bc.src), "synth", bc.f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("compile-100k", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			d.Compile()
		}
	})
}

func BenchmarkMatch(b *testing.B) {
	const n = 100_000
	d, err := Read(bytes.NewReader(synthLIWC(n)), "synth.dic", LIWC)
	if err != nil {
		b.Fatal(err)
	}
	m := d.Compile()
	toks, size := synthTokens(1<<20, n)
	b.Run("Match", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		hits := 0
		for b.Loop() {
			m.Match(toks, func(int, int, *Entry) { hits++ })
		}
		b.ReportMetric(float64(len(toks))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	})
	b.Run("Count", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		var c Counts
		for b.Loop() {
			c.Reset()
			m.Count(toks, 0, len(toks), &c)
		}
		b.ReportMetric(float64(len(toks))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	})
}

// TestLoad100k keeps the load-time budget honest without a benchmark run:
// a 100,000-entry dictionary must parse and compile well under a second
// (typically ~0.1 s), with a wide margin for slow CI machines and -race.
func TestLoad100k(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping 100k-entry load in -short mode")
	}
	src := synthLIWC(100_000)
	d, err := Read(bytes.NewReader(src), "synth.dic", LIWC)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Entries) != 100_000 {
		t.Fatalf("read %d entries; want 100000", len(d.Entries))
	}
	d.Compile()
}
