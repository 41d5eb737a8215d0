// Package lexicon holds what geostance knows about words and names: the
// affect and cooperation–conflict lexicon that scores sentences, the
// modifier words that shape those scores, and the gazetteer of states.
//
// # Quick start
//
//	lex := lexicon.English() // built in, parsed once, shared
//	for _, e := range lex.Lookup("condemned") {
//		fmt.Println(e.Class, e.Weight, e.Role, e.File) // affect -2.5 patient data/affect.tsv
//	}
//
// Users add to or correct the built-in lexicon with a file of their own:
//
//	f, err := os.Open("mine.tsv")
//	...
//	mine, err := lexicon.Parse(f, "mine.tsv") // errors are file:line:col: msg
//	lex := lexicon.English().Extend(mine)     // mine wins for the same term and class
//
// or replace its affect and relation entries while keeping its modifiers:
//
//	lex := lexicon.English().Without(lexicon.Affect, lexicon.Relation).Extend(mine)
//
// A Lexicon is immutable and safe for concurrent use; Extend and Without
// return new ones.
//
// # Data files
//
// The built-in lexicon is four UTF-8 text files, embedded in the binary
// and meant to be read and edited by people:
//
//   - data/affect.tsv: about 8,000 evaluative words and set phrases of
//     news, politics, diplomacy, security, economy and governance,
//     weighted from -4 (most unfavourable) to +4.
//   - data/general.tsv: about 5,000 words of everyday English: evaluative
//     ones (class affect) and mood words (class mood: death, disaster,
//     paradise), which colour a sentence's overall attitude but are never
//     attributed to a target.
//   - data/relation.tsv: about 1,000 events and states between parties on
//     the cooperation–conflict channel, weighted from -10 (use of force) to
//     +10, graded against the anchor values of Goldstein (1992), "A
//     Conflict-Cooperation Scale for WEIS Events Data".
//   - data/modifiers.tsv: negators, boosters, dampeners, contrast words,
//     hedges, conditions, reporting verbs and comparative frames.
//
// Each line is one entry of TAB-separated fields:
//
//	term<TAB>class<TAB>weight[<TAB>key=value]...[<TAB># note]
//
// The term is lower-case NFC tokens joined by single spaces, exactly as
// the tokenizer emits them: clitics are tokens of their own ("did n't",
// "other 's"), a hyphenated compound is one token ("all-weather"), the
// apostrophe is written ' and a term has at most [MaxTermWords] tokens.
// The class is one of affect, relation, negator, booster, dampener,
// contrast, hedge, condition, report, compare and marker. The weight is a
// plain decimal in [-4, 4] for affect, [-10, 10] for relation and [-5, 5]
// for the other classes. Two keys are known: role=agent|patient|mutual,
// for affect and relation entries, and src=tag, naming a provenance tag
// that a "# src=tag description" comment above it declares. A field
// starting with '#' is a note and takes the rest of the line. Lines
// starting with '#' are comments; blank lines are ignored; a term may
// appear once per class. The built-in files are sorted by term, bytewise,
// and [Format] writes any lexicon in that canonical form.
//
// [Parse] keeps going after a bad line and reports every problem, up to
// 20, as a [*ParseError] printed "file:line:col: msg"; a bad weight
// unwraps to its [strconv.NumError], and a duplicate names both lines.
//
// # Roles
//
// The role says which party a sentence's entry speaks about, so that the
// analyzer can attribute attitude to the right state:
//
//   - role=patient: whom the act is done to or said about. "Beijing
//     condemned Washington" portrays the United States badly and leaves
//     China alone; "X was praised by Y" portrays X well.
//   - role=agent: the doer or possessor. "Russia's aggression against
//     Ukraine" portrays Russia badly and Ukraine not at all; "China
//     helped Pakistan" portrays China well.
//   - role=mutual: a relation both parties share. "X and Y reaffirmed
//     their partnership" portrays both well; "X and Y traded accusations"
//     portrays both badly.
//   - no role: whatever the word describes: "a reliable partner", "a
//     vassal state".
//
// # Provenance and licence
//
// Every entry and weight of the data files was written for geostance by
// its developers, by judgement, for the register of news, op-eds and
// diplomatic statements; no third-party word list was imported or
// transcribed. Each entry carries a src= tag naming the block it belongs
// to, documented in its file's header, and every [Entry] keeps its file
// and line, so evidence for a score can point at the line that produced
// it. The data is licensed, like the rest of the project, under the MIT
// licence.
//
// # Gazetteer
//
// The package also holds the gazetteer: the states the analyzer
// recognises, with their names, demonyms, capitals and other aliases
// ("Beijing" for China, "Pakistani" for Pakistan), in the same
// human-editable, position-checked TSV style. [Countries] returns the
// built-in one; see [Gazetteer] for its format and API.
package lexicon
