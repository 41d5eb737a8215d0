// Package dict reads researchers' own coding dictionaries (LIWC,
// Lexicoder, quanteda YAML, WordStat, Yoshikoder and geostance TSV),
// checks them with positioned errors, and counts their categories in
// token sequences by longest match.
//
// Dictionaries such as the Lexicoder Sentiment Dictionary, LIWC or the
// Moral Foundations Dictionary cannot ship with geostance; this package
// lets a user bring the file they hold and count it around a target.
//
// # Quick start
//
//	d, err := dict.Open("lsd.lc3", dict.Auto) // format from the extension
//	if err != nil {
//		log.Fatal(err) // every problem, one "file:line:col: msg" per line
//	}
//	m := d.Compile() // immutable; share it between goroutines
//	var c dict.Counts
//	tokens := []string{"they", "did", "n't", "help", "and", "were", "not", "reliable"}
//	m.Count(tokens, 0, len(tokens), &c)
//	c.Each(func(cat string, n int, sum float64) { fmt.Println(cat, n, sum) })
//
// Read returns the entries it could parse together with the error, so a
// caller may knowingly use a real-world file that has a stray duplicate;
// Check lists the problems alone, for a linter or an editor.
//
// # Formats
//
// LIWC (.dic): a legend of "id<TAB>name" lines between two "%" lines, then
// "pattern<TAB>id<TAB>id..." entries. Ids may have leading zeros ("01"),
// legend lines may carry a trailing description, and entries may name
// legend categories instead of numbering them. A file without a legend is
// accepted when its entries name their categories ("good<TAB>posemo").
// Runs of spaces may replace tabs; then the categories are the trailing
// fields that are numbers or legend names, and the rest is the pattern,
// so a multiword pattern whose last word is a number needs a tab. LIWC
// has no comment syntax, and lines are taken as written.
//
// Lexicoder (.lc3): "+name" lines open a category; each other non-blank
// line is a pattern of the current category. A category may be reopened.
//
// YAML (.yml, .yaml): the quanteda subset — nested mappings whose leaves
// are block sequences ("- good"), flow sequences ("[good, great]") or one
// scalar; plain, single- and double-quoted scalars; "#" comments; a "---"
// document marker. A sequence may sit at its key's own indentation.
// Indentation must be spaces. Leaf keys are categories named by their
// dotted path ("economy.inflation"); an empty key is an empty category.
// Anchors, aliases, block scalars and flow mappings are reported as
// unsupported.
//
// WordStat (.cat): unindented lines are categories; an indented line is a
// subcategory when the next line is indented deeper and an entry
// otherwise. Entries may carry a weight, "GOOD (2)". Nested names are
// dotted ("HOSTILITY.THREATS"). Siblings must share one indentation.
//
// Yoshikoder (.ykd): XML with a <dictionary name="..."> root, nested
// <cnode name="..."> categories (dotted paths) and <pnode name="..."/>
// patterns. ISO-8859-1 and windows-1252 declarations are honoured; XML
// errors carry the decoder's line and column.
//
// TSV (.tsv): "pattern<TAB>category[<TAB>weight]" lines, weight 1 when
// absent, "#" comment lines; a pattern beginning with "#" or "\" is
// written with a leading "\". A pattern listed under several categories
// takes one line per category, all with the same weight.
// [Dictionary.WriteTSV] writes this form, and reading it back yields the
// same entries.
//
// # Patterns
//
// Patterns are lower-cased and their words split at white space. A "*" at
// the end of the last word matches any token that starts with the prefix
// (including the prefix itself); a "*" anywhere else is an error, as is a
// lone "*". Negative contractions are split as the tokenizer splits them,
// so "didn't help" matches the tokens "did", "n't", "help"; typographic
// apostrophes are read as "'". LIWC context tokens such as "<of>" and
// "(discrep)" and LIWC 2007 conditional codes ("134/125[02 464]/126")
// are reported as unsupported, with their position, rather than taken
// literally; emoticons such as ":(" are ordinary patterns. The same
// pattern twice in one category is an error naming both lines, and so is
// a LIWC pattern on two lines; in other formats a pattern listed under
// several categories becomes one entry with several categories.
//
// # Quirks handled
//
// Every format accepts a UTF-8 byte-order mark, CRLF or lone-CR line
// ends, UTF-16 files that start with a byte-order mark, and
// Windows-1252 text that is not valid UTF-8 (as older LIWC and WordStat
// files are). Blank lines and trailing white space are ignored. Problems
// are collected rather than fatal, up to 50.
//
// # Matching
//
// [Matcher.Match] scans tokens as the tokenizer emits them (lower case,
// "did" and "n't" separate, a hyphenated compound one token) from left to
// right and reports non-overlapping matches, preferring at each position
// the entry covering most tokens; on a tie, an entry of a negated category
// (a Lexicoder neg_* category) wins, then an exact word over a wildcard,
// then the longer wildcard prefix, then file order. Because the phrase
// "not reliable" in neg_positive covers the token "reliable", the plain
// positive entry inside it is not counted again. [Matcher.Count] tallies
// the matches that lie inside a window [from, to) of the tokens.
//
// # Concurrency
//
// A [Matcher] is immutable and safe for concurrent use. A [Counts] and a
// [Dictionary] are plain values: use each from one goroutine at a time.
package dict
