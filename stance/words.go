package stance

// wordBits classifies the function words that attribution looks for, so
// that each token is looked up once per sentence (with the lexicon terms
// that start with it) rather than once per question asked of it.
type wordBits uint32

const (
	wbVictim        wordBits = 1 << iota // against, on, in, at, to ...: a place, a victim or a recipient follows
	wbAgent                              // by: the doer follows
	wbFrom                               // from: the giver of aid, or the speaker of praise, follows
	wbBetween                            // between, among: the parties of a relation follow
	wbOf                                 // of: the object of a noun follows
	wbDeterminer                         // the, both, its, southern ...: skipped when looking for a marker ("in northern Iraq")
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
	wbCopula                             // remains, became, proved ...: link a subject to what is said of it
	wbAux                                // has, will, may, still ...: stand between a subject and its copula
	wbCopulaBreak                        // for, with, than, that ...: open a phrase of their own after a copula
	wbGive                               // provide, sold, granted ...: take their recipient as first object
	wbOppose                             // fight, tackle, foiled, handling ...: their object is an evil acted against
	wbObjectFollow                       // as, to, for ...: may follow an object pronoun, not a subject one
	wbSubjectOpener                      // that, as, while ...: a name after them opens a clause as its subject
	wbPlace                              // in, at, within ...: a place follows
	wbNaming                             // callVerbs and "branded", "labelled" ...: name their object what follows
	wbCircumstance                       // situation, climate, conditions ...: the backdrop of a clause
)

// wbMarker are the bits of the words that mark a mention's role.
const wbMarker = wbVictim | wbAgent | wbFrom | wbBetween | wbOf

// wbFunction are the bits of the function words proper, before the word
// classes added for single questions (copulas, verbs of giving ...).
const wbFunction = wbCopula - 1

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
	add(wbDeterminer, "the", "both", "a", "an", "its", "their", "all", "neighbouring", "neighboring", "southern", "northern", "eastern", "western", "central")
	add(wbBe, "is", "are", "was", "were", "be", "been", "being", "am", "'s", "get", "gets", "got", "getting")
	add(wbOpener, "which", "who", "whom", "whose", "where")
	add(wbCausal, "because", "whereas", "since")
	add(wbCoordinator, "and", ",", "&", "or", "nor", "the", "'s", "'")
	add(wbBoundary, ";", ":", "—", "–", "--", "(", ")", "[", "]")
	add(wbPronounSing, "it", "its", "itself")
	add(wbPronounPlural, "they", "their", "them", "themselves", "theirs")
	add(wbPronounPerson, "he", "him", "his", "himself", "she", "her", "hers", "herself")
	add(wbInsert, "heavy", "heavily", "fierce", "fiercely", "intense", "sporadic", "renewed", "well", "far", "badly", "sharply", "deeply", "further",
		"naval", "military", "air", "maritime", "security", "defence", "defense", "economic", "diplomatic", "bilateral", "trilateral")
	add(wbSubordinate, "when", "while", "because", "after", "before", "until", "since", "where", "who", "which", "whose")
	add(wbCopula, "remain", "remains", "remained", "become", "becomes", "became", "seem", "seems", "seemed",
		"prove", "proves", "proved", "proven", "appear", "appears", "appeared")
	add(wbAux, "has", "have", "had", "will", "would", "may", "might", "could", "can", "still", "yet",
		"long", "now", "always", "also", "not", "never", "n't", "once", "again", "increasingly", "to")
	add(wbCopulaBreak, "for", "with", "against", "over", "after", "to", "than", "in", "on", "at", "that", "which", "who")
	add(wbGive, "provide", "provides", "provided", "providing", "supply", "supplies", "supplied", "supplying",
		"give", "gives", "gave", "giving", "grant", "grants", "granted", "granting", "offer", "offers", "offered", "offering",
		"lend", "lends", "lent", "lending", "send", "sends", "sent", "sending", "sell", "sells", "sold", "selling",
		"award", "awards", "awarded", "awarding", "promise", "promises", "promised", "promising", "hand", "hands", "handed", "handing")
	add(wbOppose, "fight", "fights", "fighting", "fought", "combat", "combats", "combating", "combatting",
		"tackle", "tackles", "tackling", "tackled", "curb", "curbs", "curbing", "curbed", "eradicate", "eradicates",
		"eradicating", "eradicated", "eliminate", "eliminates", "eliminating", "reduce", "reduces", "reducing",
		"prevent", "prevents", "preventing", "end", "ending", "counter", "countering",
		// Verbs of defeat: "dismantled a terrorist cell", "foiled a plot".
		"dismantle", "dismantles", "dismantled", "dismantling", "foil", "foils", "foiled", "foiling",
		"bust", "busts", "busted", "busting", "thwart", "thwarts", "thwarted", "thwarting", "uncover", "uncovers",
		"uncovered", "uncovering", "neutralise", "neutralised", "neutralize", "neutralized", "disrupt", "disrupted",
		"intercept", "intercepted", "intercepting",
		// Dealing with an evil: "his handling of the crisis", "its response
		// to the floods", "to address the concerns".
		"handle", "handles", "handled", "handling", "response", "respond", "responds", "responded", "responding",
		"address", "addresses", "addressed", "addressing", "confront", "confronts", "confronted", "confronting",
		"resolve", "resolves", "resolved", "resolving", "solve", "solves", "solved", "solving",
		// Mending or exposing one: "fixing a broken asylum system", "root out
		// graft", "exposed corruption in the police".
		"fix", "fixes", "fixed", "fixing", "repair", "repairs", "repaired", "repairing", "overhaul", "overhauls",
		"overhauled", "overhauling", "reform", "reforming", "reshape", "reshaping", "rebuild", "rebuilding",
		"mitigate", "mitigating", "alleviate", "alleviating", "expose", "exposes", "exposed", "exposing",
		"root", "rooting", "stamp", "stamping", "crack", "cracking",
		// Being cleared of one: "acquitted of all charges".
		"acquitted", "cleared", "exonerated", "absolved")
	add(wbObjectFollow, "as", "to", "for", "in", "on", "at", "with", "and", "or", "but", "from", "into",
		"over", "up", "down", "out", "off", "back", "again", "because", "if", "when", "after", "before", "by", "too")
	add(wbSubjectOpener, "that", "which", "who", "as", "and", "but", "yet", "while", "when", "after", "before",
		"because", "since", "if", "though", "although", "whereas", "until", "once")
	add(wbPlace, "in", "at", "inside", "within", "across")
	for w := range callVerbs {
		add(wbNaming, w)
	}
	add(wbNaming, "calling", "dubbing", "terming", "deeming", "branded", "branding", "labelled", "labeled", "labelling", "labeling")
	add(wbCircumstance, "situation", "conditions", "climate", "environment", "circumstances", "backdrop", "atmosphere")
	return m
}
