package segment

import (
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Kind is the kind of a Token.
type Kind uint8

// Token kinds.
const (
	Word   Kind = iota // letters, digits and marks: "China", "all-weather", "U.S.", "Gen.", "G20"
	Number             // digits with separators, a leading currency sign or a final %: "$2.5", "3.5%"
	Punct              // one punctuation rune, or a run of periods ("...") or hyphens ("--")
	Symbol             // any other rune, including bytes that are not valid UTF-8
	URL                // "https://www.dawn.com/news/1.2", "www.mofa.gov.pk", "dawn.com"
	Email              // "press@mofa.gov.pk"
	Clitic             // a piece split off a word: "'s", "'", "n't", "'re", "'ve", "'ll", "'d", "'m"
)

var kindNames = [...]string{"Word", "Number", "Punct", "Symbol", "URL", "Email", "Clitic"}

// String returns the name of k, such as "Word".
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(" + itoa(int(k)) + ")"
}

// Flags describe the shape of a Token.
type Flags uint8

// Token flags.
const (
	Capitalized Flags = 1 << iota // the first letter is upper-case
	AllCaps                       // at least two letters, all upper-case
	Hyphenated                    // a word with inner hyphens or en dashes; see Parts
	Dotted                        // a dotted acronym such as "U.S." or "e.g."
	Abbrev                        // a known abbreviation or an initial, with its period: "Gen.", "J."
)

var flagNames = [...]string{"Capitalized", "AllCaps", "Hyphenated", "Dotted", "Abbrev"}

// String returns the names of the flags set in f joined by "|", or "" when
// none is.
func (f Flags) String() string {
	var b strings.Builder
	for i, name := range flagNames {
		if f&(1<<i) != 0 {
			if b.Len() > 0 {
				b.WriteByte('|')
			}
			b.WriteString(name)
		}
	}
	return b.String()
}

// Token is one token of a text.
type Token struct {
	Start, End int // byte offsets into the text passed to Tokenize
	Kind       Kind
	Flags      Flags
	// Norm is the token text with ’ ‘ ʼ ′ replaced by ' and “ ” by ", case
	// kept. It is a substring of the text when nothing changed.
	Norm string
	// Fold is Norm lower-cased rune by rune with unicode.ToLower, for
	// lookups. It is Norm itself when Norm has no upper-case letter.
	Fold string
	// Tag is what the Tokenizer's Tagger gave Norm, for ASCII words with
	// upper-case letters; 0 for other tokens and when there is no Tagger.
	Tag uint32
}

// Tokenizer splits text into tokens. It holds buffers reused from call to
// call, so it is not safe for concurrent use: use one per goroutine. The zero
// value is ready to use.
type Tokenizer struct {
	toks  []Token
	buf   []byte  // changed Norm and Fold texts of the current call
	fix   []fixup // tokens whose Norm or Fold live in buf
	folds *foldCache
	// Tagger, when set, gives a Tag to each ASCII word with upper-case
	// letters, given the word and its folded form. It is called once for a word the Tokenizer has not met
	// recently, and its result is remembered with the word's folded form,
	// so that lookups of names ("China", "Washington") are done once rather
	// than in every sentence. It must return the same tag for the same word
	// and not be changed after the first call of Tokenize.
	Tagger func(word, fold string) uint32
	// Mark, when not 0, has Tokenize list in Marks the tokens a caller
	// wants to visit rather than scan for: hyphenated tokens, and
	// capitalised words whose tag has a bit of Mark or that have no tag
	// (not ASCII). A matcher of names then jumps from one to the next.
	Mark uint32
	// Marks holds the indices of the marked tokens of the last call, in
	// order; Tags holds the tags of all its tokens or'ed together.
	Marks []int32
	Tags  uint32
	// CapsWords is the number of words in capitals (AllCaps) of the last
	// call: fewer than three rule a headline in capitals out at once.
	CapsWords int
	// general turns the one-pass paths for common words off, so that tests
	// can check that they agree with the general scanner.
	general bool
}

// foldCache remembers the folded forms of recent ASCII words with capitals,
// and their tags, so that "China" is lower-cased and copied once rather
// than in every sentence. It is direct-mapped by a hash of the word.
// foldBits sets the size of a foldCache. News meets many names: on a
// megabyte of news sentences, 2^14 entries tokenise about 5% faster than
// 2^12, for fewer copies of names met again, at 384 KB a Tokenizer.
const foldBits = 14

type foldCache [1 << foldBits]foldEntry

// A foldEntry keeps a word and its tag together, so that a lookup reads
// one place in memory.
type foldEntry struct {
	words string // the word and its folded form, end to end
	tag   uint32
}

// fold returns text[i:j], an ASCII word with upper-case letters,
// lower-cased, and its tag.
func (t *Tokenizer) fold(text string, i, j int) (string, uint32) {
	if t.folds == nil {
		t.folds = new(foldCache)
	}
	raw := text[i:j]
	// The hash mixes the length with the first and last eight bytes (or
	// all of a shorter word, read at once when the text goes on).
	var x uint64
	switch n := len(raw); {
	case n >= 8:
		x = load64(raw, 0) ^ bits.RotateLeft64(load64(raw, n-8), 29)
	case i+8 <= len(text):
		x = load64(text, i) & (uint64(1)<<(8*n) - 1)
	default:
		for k := n - 1; k >= 0; k-- {
			x = x<<8 | uint64(raw[k])
		}
	}
	h := (x ^ uint64(len(raw))) * 0x9e3779b97f4a7c15 >> (64 - foldBits)
	fe := &t.folds[h]
	e := &fe.words
	if len(*e) == 2*len(raw) && (*e)[:len(raw)] == raw {
		return (*e)[len(raw):], fe.tag
	}
	// One allocation holds a copy of the word, so that the cache does not
	// keep the caller's text alive, and its folded form.
	b := make([]byte, 2*len(raw))
	copy(b, raw)
	for k := 0; k < len(raw); k++ {
		c := raw[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[len(raw)+k] = c
	}
	*e = unsafe.String(&b[0], len(b)) // b is never written again
	var tag uint32
	if t.Tagger != nil {
		tag = t.Tagger((*e)[:len(raw)], (*e)[len(raw):])
	}
	fe.tag = tag
	return (*e)[len(raw):], tag
}

// fixup records where in buf the Norm and Fold of token tok are; a negative
// start means the field is already set.
type fixup struct {
	tok                        int
	normA, normB, foldA, foldB int
}

// Tokenize returns the tokens of text (a sentence or any string), in order,
// with byte offsets into text. Every Unicode space separates tokens and
// never belongs to one. The returned slice is reused by the next call; the
// strings in it stay valid. A call allocates only for the Norm and Fold
// texts that differ from the text: once for all words with curly quotes or
// non-ASCII capitals, and once for each ASCII word with capitals that the
// Tokenizer has not met recently; plus growth of the reused buffers.
func (t *Tokenizer) Tokenize(text string) []Token {
	t.toks, t.buf, t.fix, t.Marks, t.Tags = t.toks[:0], t.buf[:0], t.fix[:0], t.Marks[:0], 0
	t.CapsWords = 0
	n := len(text)
	for i := 0; i < n; {
		c := text[i]
		if c == ' ' && i+1 < n {
			// Most words follow a single space.
			i++
			c = text[i]
		}
		cl := asciiClass[c]
		if cl == aLetter {
			i = t.asciiWord(text, i)
			continue
		}
		switch cl {
		case aSpace:
			i++
			continue
		case aDigit:
			if !t.general {
				// Digits ended by a space or most punctuation are a
				// number by themselves: "2023", "15".
				j := i + 1
				for j < n && '0' <= text[j] && text[j] <= '9' {
					j++
				}
				if j == n || asciiClass[text[j]] == aSpace || text[j] != ',' && text[j] != '.' && text[j] != '-' && text[j] != '%' && wordByte[text[j]]&wbEnds != 0 {
					raw := text[i:j]
					t.put(i, j, Number, 0, raw, raw)
					i = j
					continue
				}
			}
			i = t.number(text, i, i)
			continue
		case aPunct, aSymbol:
			if c != '.' && c != '-' && c != '$' && !t.general {
				// One ASCII mark is a token by itself.
				kind := Symbol
				if asciiClass[c] == aPunct {
					kind = Punct
				}
				raw := text[i : i+1]
				t.put(i, i+1, kind, 0, raw, raw)
				i++
				continue
			}
			i = t.punct(text, i)
			continue
		}
		if c == 0xe2 && i+2 < n && text[i+1] == 0x80 && !t.general {
			// Curly quotes, dashes and the ellipsis, common in news copy,
			// are marks by themselves.
			switch text[i+2] {
			case 0x9c, 0x9d: // “ ”
				t.put(i, i+3, Punct, 0, `"`, `"`)
				i += 3
				continue
			case 0x98, 0x99: // ‘ ’
				t.put(i, i+3, Punct, 0, "'", "'")
				i += 3
				continue
			case 0x93, 0x94, 0xa6: // – — …
				raw := text[i : i+3]
				t.put(i, i+3, Punct, 0, raw, raw)
				i += 3
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			t.emit(text, i, i+1, Symbol, 0)
			i++
		case unicode.IsSpace(r):
			i += size
		case isWordRune(r) && !unicode.IsDigit(r):
			i = t.word(text, i, i, 0)
		case unicode.IsDigit(r):
			i = t.number(text, i, i)
		default:
			i = t.punct(text, i)
		}
	}
	if len(t.fix) > 0 {
		s := string(t.buf)
		for _, f := range t.fix {
			tok := &t.toks[f.tok]
			if f.normA >= 0 {
				tok.Norm = s[f.normA:f.normB]
			}
			if f.foldA >= 0 {
				tok.Fold = s[f.foldA:f.foldB]
			} else {
				tok.Fold = tok.Norm
			}
		}
	}
	return t.toks
}

// Classes of ASCII bytes; bytes from 0x80 up are aHigh.
const (
	aSymbol uint8 = iota
	aSpace
	aLetter
	aDigit
	aPunct
	aHigh
)

var asciiClass = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = aHigh
		case c == ' ' || ('\t' <= c && c <= '\r'):
			t[c] = aSpace
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
			t[c] = aLetter
		case '0' <= c && c <= '9':
			t[c] = aDigit
		case unicode.IsPunct(rune(c)):
			t[c] = aPunct
		}
	}
	return t
}()

// plain marks the ASCII bytes Split passes over without a decision.
var plain = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = asciiClass[c] != aSpace && c != '.' && c != '?' && c != '!'
	}
	return t
}()

// Bits of wordByte.
const (
	wbWord   = 1 << iota // a letter, digit or underscore
	wbUpper              // an upper-case letter
	wbLetter             // a letter
	wbEnds               // a byte that cannot continue or join a word
	wbLower              // a lower-case letter
)

// wordByte classifies bytes for asciiWord. Bytes from 0x80 up are 0: they
// may be letters, apostrophes or dashes, which word decides.
var wordByte = func() (t [256]uint8) {
	for c := range utf8.RuneSelf {
		switch {
		case 'a' <= c && c <= 'z':
			t[c] = wbWord | wbLetter | wbLower
		case 'A' <= c && c <= 'Z':
			t[c] = wbWord | wbLetter | wbUpper
		case '0' <= c && c <= '9' || c == '_':
			t[c] = wbWord
		case strings.IndexByte("-'.@+%:", byte(c)) < 0:
			t[c] = wbEnds
		}
	}
	return t
}()

// asciiWord emits the word that starts with the ASCII letter at text[i] and
// returns its end. Most words are ASCII letters and digits ended by a space
// or punctuation that cannot join them to more; those are emitted here in
// one pass, and the rest are left to word.
func (t *Tokenizer) asciiWord(text string, i int) int {
	if t.general {
		return t.word(text, i, i, 0)
	}
	j, upper := wordEnd(text, i)
	var flags Flags
	for j+1 < len(text) && text[j] == '-' && isAlnum(text[j+1]) {
		// A compound: "Pak-China", "long-term".
		k, up := wordEnd(text, j+1)
		j, upper, flags = k, upper || up, Hyphenated
	}
	if j == len(text) || wordByte[text[j]]&wbEnds != 0 {
		if j < len(text) && text[j] == '$' && flags == 0 && currencyPrefix(text, i, j) {
			return t.number(text, i, j+1)
		}
		t.appendWord(text, i, j, upper, flags)
		return j
	}
	switch next := afterMark(text, j); {
	case text[j] == '.' && next && !maybeAbbrev(text[i:j]):
		// A sentence or clause ends after an ordinary word: "said."
		t.appendWord(text, i, j, upper, flags)
		return j
	case text[j] == '\'' && j+2 <= len(text) && text[j+1] == 's' && afterMark(text, j+1):
		// A possessive: "China's".
		t.appendWord(text, i, j, upper, flags)
		t.put(j, j+2, Clitic, 0, text[j:j+2], text[j:j+2])
		return j + 2
	case strings.HasPrefix(text[j:], "’s") && afterMark(text, j+3):
		t.appendWord(text, i, j, upper, flags)
		t.put(j, j+4, Clitic, 0, "'s", "'s")
		return j + 4
	}
	return t.word(text, i, j, flags)
}

// put appends a token to t.toks, filling it in place: on the hot path this
// is measurably cheaper than appending a Token literal, which is built on
// the stack and copied.
func (t *Tokenizer) put(start, end int, kind Kind, flags Flags, norm, fold string) {
	n := len(t.toks)
	if n == cap(t.toks) {
		t.toks = slices.Grow(t.toks, 1)
	}
	t.toks = t.toks[:n+1]
	tok := &t.toks[n]
	tok.Start, tok.End, tok.Kind, tok.Flags, tok.Norm, tok.Fold, tok.Tag = start, end, kind, flags, norm, fold, 0
	if flags&Hyphenated != 0 && t.Mark != 0 {
		t.Marks = append(t.Marks, int32(n))
	}
}

// afterMark reports whether the byte after text[j] ends the text or cannot
// join a word.
func afterMark(text string, j int) bool {
	return j+1 == len(text) || wordByte[text[j+1]]&wbEnds != 0
}

// appendWord appends the ASCII word text[i:j]; upper says whether it has
// an upper-case letter, and flags are the flags known so far.
func (t *Tokenizer) appendWord(text string, i, j int, upper bool, flags Flags) {
	raw := text[i:j]
	if !upper {
		t.put(i, j, Word, flags, raw, raw)
		return
	}
	if wordByte[text[i]]&wbUpper != 0 {
		flags |= Capitalized
	}
	if allCaps(raw) {
		flags |= AllCaps
		t.CapsWords++
	}
	fold, tag := t.fold(text, i, j)
	t.put(i, j, Word, flags, raw, fold)
	t.toks[len(t.toks)-1].Tag = tag
	t.Tags |= tag
	if tag&t.Mark != 0 && flags&(Capitalized|AllCaps) != 0 && flags&Hyphenated == 0 {
		t.Marks = append(t.Marks, int32(len(t.toks)-1))
	}
}

// allCaps reports whether the ASCII word s has two letters or more and no
// lower-case letter.
func allCaps(s string) bool {
	n := 0
	for k := 0; k < len(s); k++ {
		b := wordByte[s[k]]
		if b&wbLower != 0 {
			return false
		}
		n += int(b>>2) & 1
	}
	return n >= 2
}

// abbrevShapes has bit c-'a' of [n][f-'a'] set when some abbreviation of n
// letters starts with f and ends with c.
var abbrevShapes = func() (t [maxAbbrev + 1][26]uint32) {
	for k := range abbrevs {
		if f, l := k[0], k[len(k)-1]; 'a' <= f && f <= 'z' && 'a' <= l && l <= 'z' {
			t[len(k)][f-'a'] |= 1 << (l - 'a')
		}
	}
	return t
}()

// maybeAbbrev reports whether the ASCII word w could be an abbreviation or
// an initial when a period follows: the cheap test before period decides.
func maybeAbbrev[T string | []byte](w T) bool {
	if len(w) > maxAbbrev {
		return false
	}
	f, l := w[0]|0x20, w[len(w)-1]|0x20
	if f < 'a' || f > 'z' || l < 'a' || l > 'z' {
		return true
	}
	return len(w) == 1 || abbrevShapes[len(w)][f-'a']&(1<<(l-'a')) != 0
}

// wordEnd returns the end of the run of ASCII letters, digits and
// underscores at text[i:], and whether it has an upper-case letter.
func wordEnd(text string, i int) (int, bool) {
	var upper uint64
	for i+8 <= len(text) {
		x := load64(text, i)
		// x|0x20 lower-cases ASCII letters and turns no other byte into
		// one; bit 5 of a letter, moved up to bit 7, is its case.
		letters := rangeMask(x|lsb*0x20, 'a', 'z')
		if stop := ^letters & msb; stop != 0 {
			n := bits.TrailingZeros64(stop) / 8
			upper |= letters & (uint64(1)<<(8*n) - 1) &^ (x << 2)
			i += n
			if c := byte(x >> (8 * n)); '0' <= c && c <= '9' || c == '_' {
				break // finish byte by byte
			}
			return i, upper != 0
		}
		upper |= letters &^ (x << 2)
		i += 8
	}
	for ; i < len(text); i++ {
		b := wordByte[text[i]]
		if b&wbWord == 0 {
			break
		}
		upper |= uint64(b & wbUpper)
	}
	return i, upper != 0
}

// load64 reads the eight bytes of s from i as a little-endian word.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// fewerThanTwoLetters reports whether the ASCII word s has fewer than two
// letters.
func fewerThanTwoLetters(s string) bool {
	n := 0
	for k := 0; k < len(s); k++ {
		n += int(wordByte[s[k]]>>2) & 1
	}
	return n < 2
}

// emit appends the token text[s:e], computing its case flags, Norm and Fold.
func (t *Tokenizer) emit(text string, s, e int, kind Kind, flags Flags) {
	raw := text[s:e]
	k := 0
	for k < len(raw) && (raw[k]-'a' < 26 || raw[k]-'0' < 10) {
		k++
	}
	if k == len(raw) {
		// Lower-case ASCII letters and digits, the common case: Norm and Fold
		// are the text itself.
		t.put(s, e, kind, flags, raw, raw)
		return
	}
	letters, uppers := 0, 0
	needNorm, needFold, ascii := false, false, true
	for k := 0; k < len(raw); {
		c := raw[k]
		if c < utf8.RuneSelf {
			switch {
			case 'A' <= c && c <= 'Z':
				if letters == 0 {
					flags |= Capitalized
				}
				letters++
				uppers++
				needFold = true
			case 'a' <= c && c <= 'z':
				letters++
			}
			k++
			continue
		}
		ascii = false
		r, size := utf8.DecodeRuneInString(raw[k:])
		k += size
		if normRune(r) != r {
			needNorm = true
			continue
		}
		if unicode.IsLetter(r) {
			if unicode.IsUpper(r) || unicode.IsTitle(r) {
				if letters == 0 {
					flags |= Capitalized
				}
				uppers++
			}
			letters++
		}
		if unicode.ToLower(r) != r {
			needFold = true
		}
	}
	if letters >= 2 && uppers == letters {
		flags |= AllCaps
	}
	tok := Token{Start: s, End: e, Kind: kind, Flags: flags, Norm: raw, Fold: raw}
	switch {
	case !needNorm && !needFold:
	case ascii:
		tok.Fold, tok.Tag = t.fold(text, s, e)
	default:
		if c, ok := commonPiece(raw, kind, needFold); ok {
			tok.Norm, tok.Fold = c, c
			break
		}
		f := fixup{tok: len(t.toks), normA: -1, foldA: -1}
		if needNorm {
			f.normA = len(t.buf)
			t.buf = appendMapped(t.buf, raw, false)
			f.normB = len(t.buf)
		}
		if needFold {
			f.foldA = len(t.buf)
			t.buf = appendMapped(t.buf, raw, true)
			f.foldB = len(t.buf)
		}
		t.fix = append(t.fix, f)
	}
	t.Tags |= tok.Tag
	if kind == Word && flags&AllCaps != 0 {
		t.CapsWords++
	}
	if t.Mark != 0 && (tok.Flags&Hyphenated != 0 || tok.Flags&(Capitalized|AllCaps) != 0 && (tok.Tag == 0 || tok.Tag&t.Mark != 0)) {
		t.Marks = append(t.Marks, int32(len(t.toks)))
	}
	t.toks = append(t.toks, tok)
}

// commonPiece returns, for a lower-case clitic or a punctuation mark written
// with curly quotes or apostrophes ("’s", "n’t", "“"), its normalised form as
// a constant, so that no copy is needed.
func commonPiece(raw string, kind Kind, upper bool) (string, bool) {
	var key [8]byte
	if upper || kind != Clitic && kind != Punct || len(raw) > len(key) {
		return "", false
	}
	switch string(appendMapped(key[:0], raw, false)) {
	case "'":
		return "'", true
	case "\"":
		return "\"", true
	case "'s":
		return "'s", true
	case "n't":
		return "n't", true
	case "'re":
		return "'re", true
	case "'ve":
		return "'ve", true
	case "'ll":
		return "'ll", true
	case "'d":
		return "'d", true
	case "'m":
		return "'m", true
	}
	return "", false
}

// normRune maps typographic apostrophes, primes and double quotes to their
// ASCII forms.
func normRune(r rune) rune {
	switch r {
	case '’', '‘', 'ʼ', '′':
		return '\''
	case '“', '”':
		return '"'
	}
	return r
}

// appendMapped appends s with normRune applied and, if lower, lower-cased.
// Bytes that are not valid UTF-8 are copied unchanged.
func appendMapped(buf []byte, s string, lower bool) []byte {
	for k := 0; k < len(s); {
		c := s[k]
		if c < utf8.RuneSelf {
			if lower && 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			k++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[k:])
		if r == utf8.RuneError && size == 1 {
			buf = append(buf, c)
			k++
			continue
		}
		if m := normRune(r); m != r {
			r = m
		} else if lower {
			r = unicode.ToLower(r)
		}
		buf = utf8.AppendRune(buf, r)
		k += size
	}
	return buf
}

// isWordRune reports whether r continues a word: letters, digits, marks,
// connector punctuation ("_") and the zero-width joiners used in Indic and
// Perso-Arabic scripts.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		cl := asciiClass[r]
		return cl == aLetter || cl == aDigit || r == '_'
	}
	if r == 'ʼ' {
		return false // a letter by category, but written as an apostrophe
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) ||
		unicode.Is(unicode.Pc, r) || r == 0x200C || r == 0x200D || r == 0xAD
}

// runeAt decodes the rune at text[i], or returns -1 at the end.
func runeAt(text string, i int) (rune, int) {
	if i >= len(text) {
		return -1, 0
	}
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:])
}

// scanWord skips the word runes starting at i.
func scanWord(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if cl := asciiClass[c]; cl == aLetter || cl == aDigit || c == '_' {
				i++
				continue
			}
			return i
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			return i
		}
		i += size
	}
	return i
}

// isHyphen reports whether r joins the parts of a compound: the ASCII
// hyphen-minus, the Unicode hyphens U+2010 and U+2011 and the en dash U+2013,
// which news copy uses for pairs of states ("US–China"). The em dash is
// punctuation.
func isHyphen(r rune) bool {
	return r == '-' || r == 0x2010 || r == 0x2011 || r == 0x2013
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == '‘' || r == 'ʼ' || r == '′'
}

// word scans a word that starts at start and whose first word runes have
// been passed up to i, emits it (with any clitic) and returns its end.
func (t *Tokenizer) word(text string, start, i int, flags Flags) int {
	kind := Word
	for {
		i = scanWord(text, i)
		r, size := runeAt(text, i)
		switch {
		case isHyphen(r):
			if r2, _ := runeAt(text, i+size); r2 >= 0 && isWordRune(r2) {
				flags |= Hyphenated
				i += size
				continue
			}
		case isApostrophe(r):
			if end, ok := t.apostrophe(text, start, i, size, kind, flags); ok {
				return end
			}
			if r2, _ := runeAt(text, i+size); r2 >= 0 && unicode.IsLetter(r2) {
				i += size // O'Brien, Côte d'Ivoire
				continue
			}
		case r == '.':
			if end, k := emailAt(text, start); end > 0 {
				t.emit(text, start, end, k, 0)
				return end
			}
			if end, ok := t.period(text, start, i, flags); ok {
				return end
			}
		case r == '$' && flags == 0 && currencyPrefix(text, start, i):
			return t.number(text, start, i+1)
		case r == '@' || r == '+' || r == '%':
			if end, k := emailAt(text, start); end > 0 {
				t.emit(text, start, end, k, 0)
				return end
			}
		case r == ':':
			if strings.HasPrefix(text[i:], "://") && isScheme(text[start:i]) {
				end := urlEnd(text, i+3)
				t.emit(text, start, end, URL, 0)
				return end
			}
		}
		break
	}
	t.emit(text, start, i, kind, flags)
	return i
}

func isAlnum(c byte) bool { return isASCIILetter(c) || '0' <= c && c <= '9' }

func isScheme(s string) bool {
	return strings.EqualFold(s, "http") || strings.EqualFold(s, "https") || strings.EqualFold(s, "ftp")
}

// apostrophe handles the apostrophe of size asz at text[i] after the word
// text[start:i]. It splits off a clitic when there is one and reports whether
// it emitted the word.
func (t *Tokenizer) apostrophe(text string, start, i, asz int, kind Kind, flags Flags) (int, bool) {
	j := i + asz
	k := j
	for k < len(text) && k-j < 3 && isASCIILetter(text[k]) {
		k++
	}
	if r, _ := runeAt(text, k); r >= 0 && isWordRune(r) {
		return 0, false // more letters follow: not a clitic
	}
	var key [16]byte
	suffix, _ := lowerKey(&key, []byte(text[j:k])) // at most 3 bytes: does not escape
	switch string(suffix) {
	case "":
		c := text[i-1] | 0x20
		if c != 's' {
			return 0, false
		}
		// "Americans'": the apostrophe alone marks the plural possessive.
	case "s", "re", "ve", "ll", "d", "m":
	case "t":
		if i-1 < start || text[i-1]|0x20 != 'n' {
			return 0, false
		}
		i-- // "didn't" -> "did" + "n't"
	default:
		return 0, false
	}
	if i > start {
		t.emit(text, start, i, kind, flags)
	}
	t.emit(text, i, k, Clitic, 0)
	return k, true
}

// ambiguousAbbrevs are abbreviations that are also common words; they take
// their period only when capitalised ("No. 3" but "said no.").
var ambiguousAbbrevs = map[string]bool{
	"no": true, "nos": true, "sun": true, "sat": true, "wed": true, "art": true,
	"mar": true, "fig": true, "figs": true, "est": true, "dist": true,
}

// period handles the period at text[i] after the word text[start:i]: a
// dotted acronym, a domain name, a known abbreviation or an initial keep it.
func (t *Tokenizer) period(text string, start, i int, flags Flags) (int, bool) {
	r2, _ := runeAt(text, i+1)
	word := text[start:i]
	if r2 >= 0 && r2 < utf8.RuneSelf && isASCIILetter(byte(r2)) {
		// A dotted acronym may be the last part of a compound:
		// "China-U.S. ties".
		part := start
		if flags&Hyphenated != 0 {
			part = lastPart(text, start, i)
		}
		if part == start || part < i && i-part <= 2 {
			if end := dottedAt(text, part); end > 0 {
				flags |= Dotted
				var key [16]byte
				if k, ok := lowerKey(&key, []byte(text[part:end-1])); ok && abbrevs[string(k)] != notAbbrev {
					flags |= Abbrev
				}
				if r, size := runeAt(text, end); isHyphen(r) {
					if r3, _ := runeAt(text, end+size); r3 >= 0 && isWordRune(r3) {
						return t.word(text, start, end+size, flags|Hyphenated), true // "U.S.-led"
					}
				}
				t.emit(text, start, end, Word, flags)
				return end, true
			}
		}
		if strings.EqualFold(word, "www") {
			end := urlEnd(text, i)
			t.emit(text, start, end, URL, 0)
			return end, true
		}
		if end := domainAt(text, start); end > 0 {
			if end < len(text) && text[end] == '/' {
				end = urlEnd(text, end) // a path: dawn.com/news/1
			}
			t.emit(text, start, end, URL, 0)
			return end, true
		}
		return 0, false
	}
	if r2 >= 0 && isWordRune(r2) {
		return 0, false
	}
	if flags&Hyphenated != 0 || len(word) > 8 {
		return 0, false
	}
	var key [16]byte
	k, ok := lowerKey(&key, []byte(word))
	known := ok && abbrevs[string(k)] != notAbbrev
	switch {
	case known && abbrevs[string(k)] == clsTitle && !isUpper(rune(word[0])):
		known = false
	case known && ambiguousAbbrevs[string(k)] && !isUpper(rune(word[0])):
		known = false
	case !known && len(word) == 1 && isUpper(rune(word[0])):
		// An initial: "J. F. Kennedy", "George W. Bush".
		known = initialFollows(text, i+1)
	}
	if !known || atTextEnd(text, i+1) {
		return 0, false
	}
	t.emit(text, start, i+1, Word, flags|Abbrev)
	return i + 1, true
}

// initialFollows reports whether a space and a capitalised word follow i.
func initialFollows(text string, i int) bool {
	r, size := runeAt(text, i)
	if r < 0 || !isSpace(r) {
		return false
	}
	r, _ = runeAt(text, i+size)
	return r >= 0 && isUpper(r)
}

// atTextEnd reports whether only closing quotes, brackets and spaces follow
// i, so that a period there ends the text rather than an abbreviation.
func atTextEnd(text string, i int) bool {
	for i < len(text) {
		r, size := runeAt(text, i)
		if !isSpace(r) && !isQuoteCloser(r) && !isBracketCloser(r) {
			return false
		}
		i += size
	}
	return true
}

// dottedAt returns the end of the dotted acronym starting at start (two or
// more pieces of one or two ASCII letters, each followed by a period except
// maybe the last), or 0.
func dottedAt(text string, start int) int {
	i, pieces := start, 0
	for {
		j := i
		for j < len(text) && j-i <= 2 && isASCIILetter(text[j]) {
			j++
		}
		if j == i || j-i > 2 {
			return 0
		}
		if j < len(text) && text[j] == '.' {
			pieces++
			i = j + 1
			if r, _ := runeAt(text, i); r >= 0 && r < utf8.RuneSelf && isASCIILetter(byte(r)) {
				continue
			}
			if pieces < 2 {
				return 0
			}
			return i
		}
		if pieces < 1 {
			return 0
		}
		if r, _ := runeAt(text, j); r >= 0 && isWordRune(r) {
			return 0
		}
		return j // "U.S" without a final period
	}
}

// domainAt returns the end of the domain name starting at start (labels of
// ASCII letters, digits and hyphens joined by periods, ending in a known
// top-level domain), or 0.
func domainAt(text string, start int) int {
	i, labels, last := start, 0, start
	for {
		j := i
		for j < len(text) && (isAlnum(text[j]) || text[j] == '-') {
			j++
		}
		if j == i {
			break
		}
		labels++
		last = i
		i = j
		if j+1 < len(text) && text[j] == '.' && isAlnum(text[j+1]) {
			i = j + 1
			continue
		}
		break
	}
	if labels < 2 {
		return 0
	}
	if r, _ := runeAt(text, i); r >= 0 && isWordRune(r) {
		return 0
	}
	var key [16]byte
	if k, ok := lowerKey(&key, []byte(text[last:i])); !ok || !tlds[string(k)] {
		return 0
	}
	return i
}

// emailAt returns the end and kind of the e-mail address starting at start,
// or 0.
func emailAt(text string, start int) (int, Kind) {
	i := start
	for i < len(text) {
		c := text[i]
		if isASCIILetter(c) || '0' <= c && c <= '9' || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' {
			i++
			continue
		}
		break
	}
	if i == start || i >= len(text) || text[i] != '@' || text[i-1] == '.' {
		return 0, 0
	}
	j := i + 1
	dots, lastDot := 0, -1
	for j < len(text) {
		c := text[j]
		if isASCIILetter(c) || '0' <= c && c <= '9' || c == '-' {
			j++
			continue
		}
		if c == '.' && j+1 < len(text) && (isASCIILetter(text[j+1]) || '0' <= text[j+1] && text[j+1] <= '9') && text[j-1] != '.' && text[j-1] != '@' {
			dots++
			lastDot = j
			j++
			continue
		}
		break
	}
	if dots == 0 || j-lastDot < 3 {
		return 0, 0
	}
	for k := lastDot + 1; k < j; k++ {
		if !isASCIILetter(text[k]) {
			return 0, 0
		}
	}
	return j, Email
}

// urlEnd returns the end of a URL whose body continues at i: up to the next
// space, quote or angle bracket, less trailing punctuation and unbalanced
// closing brackets.
func urlEnd(text string, i int) int {
	start := i
	for i < len(text) {
		r, size := runeAt(text, i)
		if isSpace(r) || r == '"' || r == '<' || r == '>' || r == '“' || r == '”' || r == '’' ||
			(r == utf8.RuneError && size == 1) {
			break
		}
		i += size
	}
	for i > start {
		c := text[i-1]
		switch c {
		case '.', ',', ';', ':', '!', '?', '\'':
			i--
			continue
		case ')', ']':
			opening := "("
			if c == ']' {
				opening = "["
			}
			if strings.Count(text[start:i], opening) < strings.Count(text[start:i], string(c)) {
				i--
				continue
			}
		}
		break
	}
	return i
}

// number scans a number whose digits start at i, after an optional currency
// sign at start.
func (t *Tokenizer) number(text string, start, i int) int {
	var flags Flags
	sep := false
	for {
		for i < len(text) {
			if c := text[i]; '0' <= c && c <= '9' {
				i++
				continue
			}
			r, size := runeAt(text, i)
			if r < utf8.RuneSelf || !unicode.IsDigit(r) {
				break
			}
			i += size
		}
		r, size := runeAt(text, i)
		r2, _ := runeAt(text, i+size)
		digitNext := r2 >= 0 && unicode.IsDigit(r2)
		switch {
		case (r == ',' || r == '.') && digitNext:
			sep = true
			i += size
			continue
		case isHyphen(r) && digitNext:
			flags |= Hyphenated
			i += size
			continue
		case r == '%':
			i += size
		case r >= 0 && !sep && flags == 0 && isWordRune(r) && !isCurrency(text, start):
			return t.word(text, start, i, 0) // "1990s", "3rd", "5G"
		}
		break
	}
	t.emit(text, start, i, Number, flags)
	return i
}

// currencyPrefix reports whether text[i:j], before a dollar sign at j,
// names the dollar ("US$5", "NZ$20", "HK$3", "A$4"): one to three capitals,
// with a digit after the sign. The amount is then one number, and the
// letters are no mention of a state.
func currencyPrefix(text string, i, j int) bool {
	if j-i < 1 || j-i > 3 || j+1 >= len(text) || text[j+1] < '0' || text[j+1] > '9' {
		return false
	}
	for k := i; k < j; k++ {
		if text[k] < 'A' || text[k] > 'Z' {
			return false
		}
	}
	return true
}

// isCurrency reports whether text starts at start with a currency sign.
func isCurrency(text string, start int) bool {
	r, _ := runeAt(text, start)
	return r >= 0 && unicode.Is(unicode.Sc, r)
}

// punct emits the punctuation or symbol token at text[i]: one rune, except
// that runs of periods and of hyphens are one token and a currency sign
// before a digit starts a number.
func (t *Tokenizer) punct(text string, i int) int {
	r, size := runeAt(text, i)
	end := i + size
	switch {
	case r == '.' || r == '-':
		for end < len(text) && rune(text[end]) == r {
			end++
		}
	case r == '$' || r >= utf8.RuneSelf && unicode.Is(unicode.Sc, r):
		if r2, _ := runeAt(text, end); r2 >= 0 && unicode.IsDigit(r2) {
			return t.number(text, i, end)
		}
	}
	kind := Symbol
	if r < utf8.RuneSelf && asciiClass[r] == aPunct || r >= utf8.RuneSelf && (unicode.IsPunct(r) || normRune(r) != r) {
		kind = Punct
	}
	t.emit(text, i, end, kind, 0)
	return end
}

// Parts appends to dst the hyphen-separated parts of a Hyphenated token of
// text, as tokens with offsets into text, and returns it: "Sino-Pakistani"
// gives "Sino" and "Pakistani", "US–China" (en dash) gives "US" and "China".
// A token without the Hyphenated flag is appended unchanged.
func Parts(text string, tok Token, dst []Token) []Token {
	if tok.Flags&Hyphenated == 0 {
		return append(dst, tok)
	}
	raw := tok.Norm // a token that is not from text: Norm is the best guess
	if 0 <= tok.Start && tok.Start <= tok.End && tok.End <= len(text) {
		raw = text[tok.Start:tok.End]
	}
	norm, fold := tok.Norm, tok.Fold
	ra, na, fa := 0, 0, 0
	for {
		rb, rn := nextHyphen(raw, ra)
		nb, nn := nextHyphen(norm, na)
		fb, fn := nextHyphen(fold, fa)
		last := rn == 0 || nn == 0 || fn == 0
		if last {
			rb, nb, fb = len(raw), len(norm), len(fold)
		}
		part := Token{
			Start: tok.Start + ra, End: tok.Start + rb, Kind: tok.Kind,
			Norm: norm[na:nb], Fold: fold[fa:fb],
		}
		part.Flags = partFlags(raw[ra:rb])
		if tok.Kind == Word && allNumeric(raw[ra:rb]) {
			part.Kind = Number
		}
		dst = append(dst, part)
		if last {
			return dst
		}
		ra, na, fa = rb+rn, nb+nn, fb+fn
	}
}

// lastPart returns the start of the last hyphen-separated part of the
// compound text[start:i].
func lastPart(text string, start, i int) int {
	for k := i - 1; k > start; k-- {
		if text[k] == '-' {
			return k + 1
		}
		if k >= start+2 && text[k-2] == 0xe2 && text[k-1] == 0x80 && (text[k] == 0x90 || text[k] == 0x91 || text[k] == 0x93) {
			return k + 1
		}
	}
	return start
}

// nextHyphen returns the index and size of the first hyphen in s at or after
// i, or len(s), 0.
func nextHyphen(s string, i int) (int, int) {
	for ; i < len(s); i++ {
		switch s[i] {
		case '-':
			return i, 1
		case 0xe2: // U+2010, U+2011 and U+2013 are E2 80 90, 91 and 93
			if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x90 || s[i+2] == 0x91 || s[i+2] == 0x93) {
				return i, 3
			}
		}
	}
	return len(s), 0
}

func partFlags(s string) Flags {
	var f Flags
	letters, uppers := 0, 0
	for k := 0; k < len(s); {
		r, size := rune(s[k]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[k:])
		}
		k += size
		if r < utf8.RuneSelf && !isASCIILetter(byte(r)) || r >= utf8.RuneSelf && !unicode.IsLetter(r) {
			continue
		}
		if isUpper(r) {
			if letters == 0 {
				f |= Capitalized
			}
			uppers++
		}
		letters++
	}
	if letters >= 2 && uppers == letters {
		f |= AllCaps
	}
	if n := len(s); n > 1 && s[n-1] == '.' && isDotted([]byte(s[:n-1])) {
		f |= Dotted
	}
	return f
}

func allNumeric(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsDigit(r) && r != ',' && r != '.' && r != '%' {
			return false
		}
	}
	return true
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}
