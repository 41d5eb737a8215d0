package stance

// wordBits classifies the function words that attribution looks for, so
// that each token is looked up once per sentence (with the lexicon terms
// that start with it) rather than once per question asked of it.
type wordBits uint16

const (
	wbVictim        wordBits = 1 << iota // against, on, in, at, to ...: a place, a victim or a recipient follows
	wbAgent                              // by: the doer follows
	wbFrom                               // from: the giver of aid, or the speaker of praise, follows
	wbBetween                            // between, among: the parties of a relation follow
	wbOf                                 // of: the object of a noun follows
	wbDeterminer                         // the, both, its ...: skipped when looking for a marker
	wbBe                                 // forms of "be" and "get", before a passive participle
	wbOpener                             // which, who, where: open a clause after a comma
	wbCausal                             // because, whereas, since: always open a clause
	wbCoordinator                        // and, or, commas: join mentions
	wbBoundary                           // ; : dashes (also an ASCII "--") brackets: end a clause
	wbPronounSing                        // it, its, itself
	wbPronounPlural                      // they, their, them ...
	wbPronounPerson                      // he, his, she, her ...: stand for a person
	wbSubordinate                        // when, while, because ...: open a clause a negator does not reach
	wbInsert                             // heavy, well, naval ...: may stand inside a set phrase ("exchanged heavy fire", "joint naval patrols")
)

var functionWordBits = buildFunctionWords()

func buildFunctionWords() map[string]wordBits {
	m := map[string]wordBits{}
	add := func(b wordBits, words ...string) {
		for _, w := range words {
			m[w] |= b
		}
	}
	add(wbVictim, "against", "on", "upon", "in", "at", "into", "inside", "within", "across", "over", "toward", "towards", "to", "for")
	add(wbAgent, "by")
	add(wbFrom, "from")
	add(wbBetween, "between", "among", "amongst")
	add(wbOf, "of")
	add(wbDeterminer, "the", "both", "a", "an", "its", "their", "all", "neighbouring", "neighboring")
	add(wbBe, "is", "are", "was", "were", "be", "been", "being", "am", "'s", "get", "gets", "got", "getting")
	add(wbOpener, "which", "who", "whom", "where")
	add(wbCausal, "because", "whereas", "since")
	add(wbCoordinator, "and", ",", "&", "or", "nor", "the", "'s", "'")
	add(wbBoundary, ";", ":", "—", "–", "--", "(", ")", "[", "]")
	add(wbPronounSing, "it", "its", "itself")
	add(wbPronounPlural, "they", "their", "them", "themselves", "theirs")
	add(wbPronounPerson, "he", "him", "his", "himself", "she", "her", "hers", "herself")
	add(wbInsert, "heavy", "heavily", "fierce", "fiercely", "intense", "sporadic", "renewed", "well", "far", "badly", "sharply", "deeply", "further",
		"naval", "military", "air", "maritime", "security", "defence", "defense", "economic", "diplomatic", "bilateral", "trilateral")
	add(wbSubordinate, "when", "while", "because", "after", "before", "until", "since", "where", "who", "which", "whose")
	return m
}
