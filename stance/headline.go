package stance

import (
	"strings"

	"github.com/geostance/geostance/internal/segment"
)

// Headlines capitalise their words, so capitals there say nothing about
// names. The matcher and attribution each ask whether a line is one, with
// a test suited to what they do next.

// isTitleCase reports whether a line is written in headline style, every
// word of four letters or more capitalised ("Chad Ends Defence Pact With
// France"). The matcher asks it before it reads capitals as a sign of a
// longer name: one lower-case word ("Denzel Washington wins an Oscar") is
// enough to show that capitals there mark names.
func isTitleCase(toks []segment.Token) bool {
	words := 0
	for i := range toks {
		t := &toks[i]
		if t.Kind != segment.Word || len(t.Fold) < 4 || t.Fold[0] >= '0' && t.Fold[0] <= '9' {
			continue // short function words are often lower-case in headlines, and numbers ("201st") have no case
		}
		if t.Flags&(segment.Capitalized|segment.AllCaps) == 0 && !elidedCapital(t.Norm) && !articledCapital(t.Norm) {
			return false
		}
		words++
	}
	return words >= 3
}

// elidedCapital reports whether w is a capitalised word after an elided
// "de", which keeps its lower case in a headline ("Côte d'Ivoire Agrees
// Deal"). An elided article is no sign of a headline: "the Qatar Prix de
// l'Arc de Triomphe" is the name of a race in running text.
func elidedCapital(w string) bool {
	return len(w) > 2 && w[0] == 'd' && w[1] == '\'' && w[2] >= 'A' && w[2] <= 'Z'
}

// articledCapital reports whether w is a capitalised word after an Arabic
// article, which keeps its lower case in a headline ("Trade Across Bab
// al-Hawa Rebounds", "Cairo Hails el-Sisi Visit").
func articledCapital(w string) bool {
	h := strings.IndexByte(w, '-')
	if h < 2 || h+1 >= len(w) || w[h+1] < 'A' || w[h+1] > 'Z' {
		return false
	}
	switch w[:h] {
	case "al", "el", "ul", "ad", "an", "ar", "as", "ash", "at", "az", "ud":
		return true
	}
	return false
}

// titleCased reports whether more than two in three words of a sentence
// are capitalised, as in a headline, where capitals say nothing about
// names. It is looser than isTitleCase because attribution asks it of the
// whole sentence, where a headline's odd lower-case word ("Pakistan, China
// Sign Gwadar Pact amid Protests") must not make every capital a name. A sentence full of names and titles ("Senator Tammy Baldwin asked
// the Government Accountability Office ...") is capitalised about half way
// and is no headline.
func titleCased(toks []segment.Token) bool {
	words, caps := 0, 0
	for i := range toks {
		t := &toks[i]
		if t.Kind != segment.Word || len(t.Norm) < 4 {
			continue
		}
		words++
		if c := t.Norm[0]; c >= 'A' && c <= 'Z' {
			caps++
		}
	}
	return words > 0 && 3*caps > 2*words
}
