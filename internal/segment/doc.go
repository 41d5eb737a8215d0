// Package segment splits news text into sentences and sentences into
// tokens, with byte offsets, for the rest of geostance.
//
// # Sentences
//
// [Split] is the one boundary function. It has the shape of a
// [bufio.SplitFunc], so [Sentences] (whole strings) and [Scanner] (streams)
// share it and agree exactly on the same input. Split is pure: it decides a
// boundary only when the data it has seen settles the question, and asks for
// more data otherwise, so the size of the reads never changes the result.
//
// The rules are written for English news copy from many countries:
//
//   - "?", "!" and their runs ("?!") end a sentence unless a lower-case word
//     follows (`"Why now?" the minister asked`) or, after a closing quote, a
//     verb of saying comes within the next four words (`"Is this fair?" Khan
//     asked`).
//   - A period followed by whitespace ends a sentence unless the word before
//     it says otherwise. Titles before names (Mr., Gen., Lt., Sen., Dr., ...)
//     never end one; "e.g.", "i.e.", "vs." and "v." never do. Dotted acronyms
//     (U.S., U.A.E., a.m.), single capital initials (George W. Bush) and
//     other known abbreviations (etc., Inc., Co., Jan., No., St., ...) end
//     one only when the next word is a capitalised sentence starter such as
//     "The", "It", "He" or "But": "aid to the U.S. The talks resumed" is two
//     sentences, "the U.S. Navy" and "the U.S. and China" are one. After any
//     other word a period ends the sentence unless a lower-case word follows.
//     A number of up to three digits and a period at the start of a sentence
//     is a list marker ("1. Pakistan will host ...").
//   - Closing quotes and brackets after the mark belong to the sentence it
//     ends (`He said "no."`). After a closing quote a period ends the
//     sentence unless a lower-case word follows, whatever the word before.
//   - An ellipsis ("..." or "…") ends a sentence only when whitespace and a
//     capitalised word follow.
//   - A period not followed by whitespace never ends a sentence, so numbers
//     (3.5%, 1,000.50, 9.30), URLs (https://www.dawn.com/news/1.2) and
//     e-mail addresses are never split. The CJK full stop and full-width
//     "！" and "？" end a sentence without a following space.
//   - A blank line (two line breaks with only whitespace between them), a
//     form feed, U+2029 or a run of more than 1 KiB of whitespace always
//     ends a sentence.
//   - A single line break after text without sentence punctuation ends the
//     sentence (headlines, datelines, bullet items), except when the text is
//     hard-wrapped: the next line starts with a lower-case letter, or the
//     line ends in a comma, a semicolon, a word broken at a hyphen, a
//     lower-case function word ("the", "of", "and", "said") or a title
//     ("Mr"). A line starting with a bullet ("- ", "• ", "* ", "— ", "1. ",
//     "2) ") always starts a new sentence.
//   - CRLF and a lone CR are line breaks, and every Unicode White_Space
//     rune (NBSP, thin space, U+3000, ...) is whitespace. Bytes that are not
//     valid UTF-8 are ordinary text.
//
// Sentences are reported trimmed of surrounding whitespace. A sentence may
// be at most [MaxSentence] bytes long: past it a Scanner stops with
// [ErrSentenceTooLong], while Sentences cuts the run into pieces of at most
// MaxSentence bytes, after a space where there is one, else at a rune
// boundary.
//
// # Tokens
//
// [Tokenizer.Tokenize] splits any text into [Token] values. Every Unicode
// space separates tokens. Words are runs of letters, digits and marks; a
// possessive or contraction clitic is split off as a [Clitic] token
// ("China's" → "China" "'s", "Americans'" → "Americans" "'", "didn't" →
// "did" "n't", "won't" → "wo" "n't", "can't" → "ca" "n't"), while other inner
// apostrophes stay in the word ("Côte d'Ivoire", "O'Brien"). Only 's, ',
// n't, 're, 've, 'll, 'd and 'm are clitics; ’ ‘ ʼ and ′ count as
// apostrophes. Compounds joined by hyphens or en dashes are one word with
// the [Hyphenated] flag ("Sino-Pakistani", "US–China"), and [Parts] splits
// them. Dotted acronyms ("U.S.", "e.g."), known abbreviations ("Gen.",
// "Rs.") and initials ("J.") keep their period, except an abbreviation whose
// period ends the text. Numbers keep inner commas and periods, a final "%"
// and a leading currency sign ("$2.5", "€40", "3.5%"). URLs (with a scheme,
// "www." or a bare domain under a known top-level domain) and e-mail
// addresses are one token. Any other rune is a one-rune [Punct] or [Symbol]
// token, except that runs of periods ("...") and of hyphens ("--") are one.
//
// Each token carries Norm, its text with typographic apostrophes and double
// quotes made ASCII, and Fold, Norm lower-cased for lookups. When nothing
// changes they are substrings of the input. A Tokenizer keeps the folded
// forms of the ASCII words with capitals it met recently ("China" ->
// "china"), so a call allocates only for words it has not seen, plus at most
// one string for the tokens with curly quotes or non-ASCII capitals.
//
// # Offsets
//
// All offsets are byte offsets: into the string passed to Sentences or
// Tokenize, or from the start of the stream for a Scanner. Spans are
// half-open, [Start, End).
//
// # Concurrency
//
// Split, Sentences and Parts are safe for concurrent use. A Scanner or a
// Tokenizer belongs to one goroutine at a time.
package segment
