package stance

import (
	"strings"

	"github.com/geostance/geostance/lexicon"
)

// cueEntry is a lexicon entry compiled for matching.
type cueEntry struct {
	class  lexicon.Class
	role   lexicon.Role
	weight float64
	term   string
	file   string
	line   int
}

// cueNode is a node of the token trie of lexicon terms, keyed by folded
// token text.
type cueNode struct {
	next    map[string]*cueNode
	entries []cueEntry
}

// cueTrie finds lexicon terms, longest first, in folded tokens.
type cueTrie struct{ root cueNode }

func newCueTrie(l *lexicon.Lexicon) *cueTrie {
	t := &cueTrie{}
	for e := range l.All() {
		n := &t.root
		for _, w := range strings.Split(e.Term, " ") {
			c := n.next[w]
			if c == nil {
				if n.next == nil {
					n.next = make(map[string]*cueNode)
				}
				c = &cueNode{}
				n.next[w] = c
			}
			n = c
		}
		n.entries = append(n.entries, cueEntry{
			class: e.Class, role: e.Role, weight: e.Weight,
			term: e.Term, file: e.File, line: e.Line,
		})
	}
	return t
}

// longest returns the entries of the longest term starting at fold[i], and
// its length in tokens (0 when none starts there).
func (t *cueTrie) longest(fold []string, i int) ([]cueEntry, int) {
	var best []cueEntry
	bestN := 0
	n := &t.root
	for j := i; j < len(fold); j++ {
		if n = n.next[fold[j]]; n == nil {
			break
		}
		if len(n.entries) > 0 {
			best, bestN = n.entries, j-i+1
		}
	}
	return best, bestN
}
