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
	next    strTable[*cueNode]
	entries []cueEntry
	bits    wordBits // set on first-word nodes of function words
}

// cueTrie finds lexicon terms, longest first, in folded tokens.
type cueTrie struct {
	root  cueNode
	first [256]bool // the first bytes of first words: most punctuation and numbers begin none
}

func newCueTrie(l *lexicon.Lexicon) *cueTrie {
	t := &cueTrie{}
	for w, b := range functionWordBits {
		*t.root.next.at(w) = &cueNode{bits: b}
		t.first[w[0]] = true
	}
	for e := range l.All() {
		if e.Term != "" {
			t.first[e.Term[0]] = true
		}
		n := &t.root
		for _, w := range strings.Split(e.Term, " ") {
			c := n.next.at(w)
			if *c == nil {
				*c = &cueNode{}
			}
			n = *c
		}
		n.entries = append(n.entries, cueEntry{
			class: e.Class, role: e.Role, weight: e.Weight,
			term: e.Term, file: e.File, line: e.Line,
		})
	}
	return t
}

// firstWord returns the node of the terms whose first word is w, or nil.
func (t *cueTrie) firstWord(w string) *cueNode {
	if w == "" || !t.first[w[0]] {
		return nil
	}
	return t.root.next.get(w)
}

// longestFrom returns the entries of the longest term starting at fold[i],
// whose first-word node is first, and its length in tokens (0 when none
// starts there).
func longestFrom(first *cueNode, fold []string, i int) ([]cueEntry, int) {
	if first == nil {
		return nil, 0
	}
	var best []cueEntry
	bestN := 0
	if len(first.entries) > 0 {
		best, bestN = first.entries, 1
	}
	n := first
	for j := i + 1; j < len(fold) && n.next.len() > 0; j++ {
		if n = n.next.get(fold[j]); n == nil {
			break
		}
		if len(n.entries) > 0 {
			best, bestN = n.entries, j-i+1
		}
	}
	return best, bestN
}
