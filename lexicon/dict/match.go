package dict

import (
	"slices"
	"strings"
)

// Matcher finds dictionary entries in token sequences. It is immutable
// after Compile and safe for concurrent use by multiple goroutines.
type Matcher struct {
	cats    []Category
	entries []Entry
	negated []bool // entry counts for a negated category
	// exact maps a first word to the entries starting with it (every
	// entry except one-word wildcards), best candidates first.
	exact map[string][]int32
	// One-word wildcard entries live in a byte trie of their prefixes:
	// walking a token through it visits every wildcard that prefixes the
	// token and usually stops after a byte or two. Edges are keyed by
	// node<<8 | byte in one map, which hashes faster than strings.
	edges    map[uint64]int32
	nodeEnts [][]int32 // per node, the entries whose prefix ends there
}

func edgeKey(node int32, c byte) uint64 { return uint64(node)<<8 | uint64(c) }

// Compile builds a Matcher for d. Later changes to d do not affect it.
func (d *Dictionary) Compile() *Matcher {
	m := &Matcher{
		cats:     slices.Clone(d.Categories),
		entries:  make([]Entry, 0, len(d.Entries)),
		exact:    make(map[string][]int32),
		edges:    make(map[uint64]int32),
		nodeEnts: make([][]int32, 1),
	}
	for _, e := range d.Entries {
		if len(e.Words) == 0 || (e.Wildcard && e.Words[len(e.Words)-1] == "") {
			continue // cannot match anything; Read never builds one
		}
		e.Words = slices.Clone(e.Words)
		e.Categories = slices.DeleteFunc(slices.Clone(e.Categories), func(c int) bool {
			return c < 0 || c >= len(d.Categories)
		})
		neg := false
		for _, c := range e.Categories {
			neg = neg || d.Categories[c].Negated
		}
		i := int32(len(m.entries))
		m.entries = append(m.entries, e)
		m.negated = append(m.negated, neg)
		if e.Wildcard && len(e.Words) == 1 {
			node, p := int32(0), e.Words[0]
			for j := 0; j < len(p); j++ {
				next, ok := m.edges[edgeKey(node, p[j])]
				if !ok {
					next = int32(len(m.nodeEnts))
					m.nodeEnts = append(m.nodeEnts, nil)
					m.edges[edgeKey(node, p[j])] = next
				}
				node = next
			}
			m.nodeEnts[node] = append(m.nodeEnts[node], i)
			continue
		}
		m.exact[e.Words[0]] = append(m.exact[e.Words[0]], i)
	}
	for _, list := range m.exact {
		slices.SortStableFunc(list, func(a, b int32) int {
			if m.better(a, b) {
				return -1
			}
			if m.better(b, a) {
				return 1
			}
			return 0
		})
	}
	return m
}

// better reports whether entry a should win over entry b when both match
// at the same position: more tokens first (longest match), then entries of
// negated categories (so "not good" beats "good" on a tie), then exact
// words over wildcards, then longer wildcard prefixes, then file order.
func (m *Matcher) better(a, b int32) bool {
	ea, eb := &m.entries[a], &m.entries[b]
	if la, lb := len(ea.Words), len(eb.Words); la != lb {
		return la > lb
	}
	if na, nb := m.negated[a], m.negated[b]; na != nb {
		return na
	}
	if ea.Wildcard != eb.Wildcard {
		return !ea.Wildcard
	}
	if ea.Wildcard {
		pa, pb := len(ea.Words[len(ea.Words)-1]), len(eb.Words[len(eb.Words)-1])
		if pa != pb {
			return pa > pb
		}
	}
	return a < b
}

// matchesAt reports whether e matches tokens starting at i.
func (e *Entry) matchesAt(tokens []string, i int) bool {
	n := len(e.Words)
	if i+n > len(tokens) {
		return false
	}
	for k := 0; k < n-1; k++ {
		if tokens[i+k] != e.Words[k] {
			return false
		}
	}
	last, t := e.Words[n-1], tokens[i+n-1]
	if e.Wildcard {
		return strings.HasPrefix(t, last)
	}
	return t == last
}

// best returns the winning entry at position i, or -1.
func (m *Matcher) best(tokens []string, i int) int32 {
	win := int32(-1)
	for _, c := range m.exact[tokens[i]] {
		if m.entries[c].matchesAt(tokens, i) {
			win = c // lists are sorted best first
			break
		}
	}
	if win >= 0 && len(m.entries[win].Words) > 1 {
		return win // one-word wildcards cannot beat a longer match
	}
	if len(m.edges) == 0 {
		return win
	}
	t, node := tokens[i], int32(0)
	for j := 0; j < len(t); j++ {
		next, ok := m.edges[edgeKey(node, t[j])]
		if !ok {
			break
		}
		node = next
		for _, c := range m.nodeEnts[node] {
			if win < 0 || m.better(c, win) {
				win = c
			}
		}
	}
	return win
}

// Match scans tokens, which must be folded the way the tokenizer emits
// them (lower case; "did" and "n't" separate; a hyphenated compound one
// token), and calls fn for each non-overlapping longest match from left
// to right, with the match's token range [start, end) and its entry. When
// several entries match the same longest span, one from a negated
// category wins, then an exact word over a wildcard, then the longer
// wildcard prefix, then the entry listed first. fn must not modify e.
func (m *Matcher) Match(tokens []string, fn func(start, end int, e *Entry)) {
	for i := 0; i < len(tokens); {
		w := m.best(tokens, i)
		if w < 0 {
			i++
			continue
		}
		e := &m.entries[w]
		fn(i, i+len(e.Words), e)
		i += len(e.Words)
	}
}

// Counts holds per-category match counts and weighted sums. The zero
// value is ready to use; a Counts is sized for the Matcher that last
// filled it and is reused without allocating after that. A Counts must not
// be used by several goroutines at once.
type Counts struct {
	m   *Matcher
	n   []int
	sum []float64
}

// Reset zeroes every count, keeping the storage.
func (c *Counts) Reset() {
	clear(c.n)
	clear(c.sum)
}

// Each calls fn for every category with at least one match, in the
// dictionary's category order, with the number of matches and the sum of
// their weights.
func (c *Counts) Each(fn func(cat string, n int, sum float64)) {
	for i, n := range c.n {
		if n > 0 {
			fn(c.m.cats[i].Name, n, c.sum[i])
		}
	}
}

// Get returns the count and weighted sum of the named category (zero for
// an unknown name or an empty Counts).
func (c *Counts) Get(cat string) (n int, sum float64) {
	if c.m == nil {
		return 0, 0
	}
	for i := range c.m.cats {
		if c.m.cats[i].Name == cat {
			return c.n[i], c.sum[i]
		}
	}
	return 0, 0
}

// Count adds to c the matches that lie entirely within tokens[from:to]:
// each match adds 1 to the count of every category of its entry and the
// entry's weight to their sums. Matches are those of Match over all of
// tokens, so a phrase straddling the window edge counts for neither side
// and a negated phrase ("not good") hides the plain entry inside it: no
// double counting, and a multiword entry counts once. from and to are
// clamped to [0, len(tokens)]. If c was last filled by another Matcher it
// is reset first.
func (m *Matcher) Count(tokens []string, from, to int, c *Counts) {
	if c.m != m {
		c.m = m
		c.n = slices.Grow(c.n[:0], len(m.cats))[:len(m.cats)]
		c.sum = slices.Grow(c.sum[:0], len(m.cats))[:len(m.cats)]
		c.Reset()
	}
	from, to = max(from, 0), min(to, len(tokens))
	if from >= to {
		return
	}
	for i := 0; i < to; {
		w := m.best(tokens, i)
		if w < 0 {
			i++
			continue
		}
		e := &m.entries[w]
		end := i + len(e.Words)
		if i >= from && end <= to {
			for _, k := range e.Categories {
				c.n[k]++
				c.sum[k] += e.Weight
			}
		}
		i = end
	}
}
