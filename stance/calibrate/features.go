package calibrate

import (
	"encoding/json"
	"math"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/cdipaolo/sentiment"
	"github.com/geostance/geostance/stance"
)

// numeric is one numeric feature computed from stance.Features.
type numeric struct {
	name string
	f    func(*stance.Features) float64
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// numerics are the numeric features, by name. The names are written to
// model files: renaming one breaks old models.
var numerics = []numeric{
	{"raw", func(f *stance.Features) float64 { return f.Raw }},
	{"score", func(f *stance.Features) float64 { return f.Raw / math.Sqrt(f.Raw*f.Raw+4) }},
	{"pos", func(f *stance.Features) float64 { return f.Pos }},
	{"neg", func(f *stance.Features) float64 { return f.Neg }},
	{"affect", func(f *stance.Features) float64 { return f.Affect }},
	{"relation", func(f *stance.Features) float64 { return f.Relation }},
	{"cues", func(f *stance.Features) float64 { return float64(f.Cues) }},
	{"negated", func(f *stance.Features) float64 { return float64(f.Negated) }},
	{"hedged", func(f *stance.Features) float64 { return float64(f.Hedged) }},
	{"contrast", func(f *stance.Features) float64 { return float64(f.Contrast) }},
	{"comparative", func(f *stance.Features) float64 { return float64(f.Comparative) }},
	{"passive", func(f *stance.Features) float64 { return float64(f.Passive) }},
	{"other_clause", func(f *stance.Features) float64 { return float64(f.OtherClause) }},
	{"is_source", func(f *stance.Features) float64 { return b2f(f.IsSource) }},
	{"has_source", func(f *stance.Features) float64 { return b2f(f.HasSource) }},
	{"victim", func(f *stance.Features) float64 { return b2f(f.Victim) }},
	{"possessor", func(f *stance.Features) float64 { return b2f(f.Possessor) }},
	{"position", func(f *stance.Features) float64 { return f.Position }},
	{"mentions", func(f *stance.Features) float64 { return float64(f.Mentions) }},
	{"targets", func(f *stance.Features) float64 { return float64(f.Targets) }},
	{"sentence_raw", func(f *stance.Features) float64 { return f.SentenceRaw }},
	{"sentence_score", func(f *stance.Features) float64 { return f.SentenceRaw / math.Sqrt(f.SentenceRaw*f.SentenceRaw+4) }},
	// Proximity rather than distance, so that "no evidence" (-1) sits at
	// 0 beside far-away evidence instead of beyond the nearest.
	{"proximity", func(f *stance.Features) float64 {
		if f.MinDistance < 0 {
			return 0
		}
		return 1 / (1 + float64(f.MinDistance))
	}},
	{"nb_clause", func(f *stance.Features) float64 { return naiveBayes(f.Clause) }},
	{"nb_window", func(f *stance.Features) float64 { return naiveBayes(f.Window...) }},
	{"nb_right", func(f *stance.Features) float64 { return naiveBayes(f.Right...) }},
	{"agent", func(f *stance.Features) float64 { return f.Agent }},
}

// Prefixes of the binary lexical features.
const (
	windowPrefix      = "w:"  // a word within a few tokens of a mention of the target
	bigramPrefix      = "b:"  // two adjacent words of that window
	clausePrefix      = "c:"  // a word of the clause that names the target
	leftPrefix        = "l:"  // a word of the window before a mention
	rightPrefix       = "r:"  // a word of the window after a mention
	beforePrefix      = "<:"  // the word just before a mention
	afterPrefix       = ">:"  // the word just after a mention
	clauseLeftPrefix  = "cl:" // a word of the clause before the window
	clauseRightPrefix = "cr:" // a word of the clause after the window
	termPrefix        = "e:"  // a lexicon term of the target's evidence, or a rule that weighed it, with the sign of its weight
)

// isLexical reports whether name is a lexical feature's.
func isLexical(name string) bool {
	for _, p := range [...]string{windowPrefix, bigramPrefix, clausePrefix, clauseLeftPrefix,
		clauseRightPrefix, leftPrefix, rightPrefix, beforePrefix, afterPrefix, termPrefix} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// lexicon says which kinds of lexical feature a model reads.
type lexicon struct {
	bigrams, clause, sides bool
	// terms reads the lexicon terms of the evidence. Models written
	// before it was added do not.
	terms bool
	// stem strips inflections from the words ("accused", "accuses",
	// "accusing" are one feature), which did better on the held-out
	// sentences. Models written before it was kept read words as they are.
	stem bool
}

// eachLexical calls fn with the parts of every lexical feature name of f,
// maybe more than once: a prefix and a word, the name being prefix+word,
// or for a pair also the second word, the name being
// prefix+word+" "+next. Side words repeat the window's words with the side
// they stand on, which tells "X sanctioned" from "sanctioned X", and the
// words next to a mention once more on their own.
func (lx lexicon) eachLexical(f *stance.Features, fn func(prefix, word, next string)) {
	word := func(w string) string {
		if lx.stem {
			return stem(w)
		}
		return w
	}
	words := func(prefix string, ws []string, punct bool) {
		for _, w := range ws {
			if punct || isWord(w) {
				fn(prefix, word(w), "")
			}
		}
	}
	prev := ""
	for _, w := range f.Window {
		if !isWord(w) {
			prev = ""
			continue
		}
		w = word(w)
		fn(windowPrefix, w, "")
		if lx.bigrams && prev != "" {
			fn(bigramPrefix, prev, w)
		}
		prev = w
	}
	if lx.clause {
		for w := range strings.FieldsSeq(f.Clause) {
			if isWord(w) {
				fn(clausePrefix, word(w), "")
			}
		}
		// Punctuation too: a colon or a quotation mark further on tells
		// of reported speech, and kept it did better on unseen sentences.
		words(clauseLeftPrefix, f.ClauseLeft, true)
		words(clauseRightPrefix, f.ClauseRight, true)
	}
	if lx.sides {
		words(leftPrefix, f.Left, false)
		words(rightPrefix, f.Right, false)
		words(beforePrefix, f.Before, true)
		words(afterPrefix, f.After, true)
	}
	if lx.terms {
		for _, t := range f.Terms {
			fn(termPrefix, t, "") // as the lexicon has them: terms are not words to stem
		}
	}
}

// lexical returns the lexical feature names of f, without duplicates.
func (lx lexicon) lexical(f *stance.Features) []string {
	seen := map[string]bool{}
	var out []string
	lx.eachLexical(f, func(prefix, word, next string) {
		s := prefix + word
		if next != "" {
			s += " " + next
		}
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	})
	return out
}

// stem strips the commonest inflections of an English word: -ing, -ed,
// -es and -s (but not -ss), leaving at least three letters. It is crude
// and need not give a word: it only has to merge the forms of one.
func stem(w string) string {
	n := len(w)
	switch {
	case n > 5 && strings.HasSuffix(w, "ing"):
		return w[:n-3]
	case n > 4 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "es")):
		return w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:n-1]
	}
	return w
}

// isWord reports whether w holds a letter: punctuation and numbers make
// poor lexical features.
func isWord(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// nbTable is the English naive-Bayes model of github.com/cdipaolo/sentiment,
// trained on IMDB reviews, as the log-odds of each word (positive over
// negative, counts smoothed by one) and of the prior. Restoring the model
// takes about 0.3 s, so it is done once, on first use; nil when it cannot
// be restored.
var nbTable = sync.OnceValue(func() *logOdds {
	// The library's asset is its models as JSON; they are read here into
	// plain maps rather than restored, which would put the words behind a
	// lock and hide them.
	data, err := sentiment.Asset("model.json")
	if err != nil {
		return nil
	}
	var models map[sentiment.Language]struct {
		Words         map[string]struct{ Count []uint64 } `json:"words"`
		Probabilities []float64                           `json:"probabilities"`
	}
	if err := json.Unmarshal(data, &models); err != nil {
		return nil
	}
	nb, ok := models[sentiment.English]
	if !ok || len(nb.Probabilities) < 2 {
		return nil
	}
	t := &logOdds{prior: math.Log(nb.Probabilities[1] / nb.Probabilities[0]), words: make(map[string]float64, len(nb.Words))}
	for w, c := range nb.Words {
		if len(c.Count) >= 2 {
			t.words[w] = math.Log(float64(c.Count[1]+1) / float64(c.Count[0]+1))
		}
	}
	return t
})

// logOdds is a naive-Bayes model as log-odds.
type logOdds struct {
	prior float64
	words map[string]float64
}

// naiveBayes returns the naive-Bayes probability that the text made of
// parts, joined by spaces, is positive: 0.5 when the model is unavailable
// or knows none of the words. It sums log-odds rather than multiplying
// probabilities, which underflow on long clauses in the library's own
// Probability. Words are the runs of letters between spaces, lower-cased,
// other characters dropped, as the library reads them. The parts are read
// in place, not joined, so that scoring allocates nothing.
func naiveBayes(parts ...string) float64 {
	t := nbTable()
	if t == nil {
		return 0.5
	}
	lo := t.prior
	var buf [64]byte
	word := buf[:0]
	flush := func() {
		if len(word) > 0 {
			lo += t.words[string(word)] // no allocation: a map index by a converted slice
			word = word[:0]
		}
	}
	for _, text := range parts {
		for _, r := range text {
			switch {
			case r < utf8.RuneSelf && 'a' <= r && r <= 'z':
				word = append(word, byte(r))
			case r < utf8.RuneSelf && 'A' <= r && r <= 'Z':
				word = append(word, byte(r+'a'-'A'))
			case unicode.IsLetter(r):
				word = utf8.AppendRune(word, unicode.ToLower(r))
			case r == ' ' || unicode.IsSpace(r):
				flush()
			}
		}
		flush()
	}
	return 1 / (1 + math.Exp(-lo))
}
