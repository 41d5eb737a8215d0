package segment

import (
	"errors"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Span is a half-open byte range [Start, End).
type Span struct{ Start, End int }

// MaxSentence is the maximum length in bytes of one sentence, measured from
// its first to its last non-space byte. A Scanner stops with
// ErrSentenceTooLong past it; Sentences cuts a longer run into pieces of at
// most MaxSentence bytes (see Sentences). 256 KiB is about forty times the
// longest sentence found in ordinary news copy, so only text without any
// sentence punctuation or line structure reaches it.
const MaxSentence = 256 << 10

// ErrSentenceTooLong is returned by Split and reported by Scanner.Err when a
// sentence is longer than MaxSentence.
var ErrSentenceTooLong = errors.New("segment: sentence longer than MaxSentence")

const (
	// wsBreak is the length of a whitespace run that always separates
	// sentences. It also bounds how far Split must read to decide.
	wsBreak = 1024
	// maxLook bounds how many bytes past a whitespace run Split reads to
	// classify the next words.
	maxLook = 64
	// maxPrev bounds how far back Split looks for the word before a period.
	maxPrev = 32
	// maxBuffer is the most data Split may need to decide: past it an
	// undecided segment is certainly longer than MaxSentence.
	maxBuffer = MaxSentence + wsBreak + maxLook + 4*utf8.UTFMax
)

// Pseudo-runes returned by at.
const (
	runeEnd  = -1 // end of the input
	runeMore = -2 // end of the data so far; more is needed to decide
)

// at decodes the rune at data[i]. Bad bytes decode as utf8.RuneError with
// size 1, like utf8.DecodeRune.
func at(data []byte, i int, atEOF bool) (rune, int) {
	if i >= len(data) {
		if atEOF {
			return runeEnd, 0
		}
		return runeMore, 0
	}
	c := data[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if !atEOF && !utf8.FullRune(data[i:]) {
		return runeMore, 0
	}
	return utf8.DecodeRune(data[i:])
}

// isSpace reports whether r has the Unicode White_Space property.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 0 && asciiClass[r] == aSpace
	}
	return unicode.IsSpace(r)
}

// lineWeight is how many line breaks r counts as: form feed and the
// paragraph separator count as a blank line.
func lineWeight(r rune) int {
	switch r {
	case '\n', '\r', '\v', 0x85, 0x2028:
		return 1
	case '\f', 0x2029:
		return 2
	}
	return 0
}

// wsRun scans the whitespace run starting at i. It returns its end, the
// number of line breaks in it (CRLF counts once) and whether the data ran out
// before the run ended.
func wsRun(data []byte, i int, atEOF bool) (end, lines int, more bool) {
	for {
		r, size := at(data, i, atEOF)
		if r == runeMore {
			return i, lines, true
		}
		if r == runeEnd || !isSpace(r) {
			return i, lines, false
		}
		if r == '\r' && i+1 < len(data) && data[i+1] == '\n' {
			size = 2
		}
		lines += lineWeight(r)
		i += size
	}
}

func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '(', '[', '{', '“', '‘', '«', '‹', '„', '¿', '¡', '「', '『':
		return true
	}
	return false
}

func isQuoteCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', '›', '」', '』':
		return true
	}
	return false
}

func isBracketCloser(r rune) bool {
	return r == ')' || r == ']' || r == '}'
}

// next describes the start of the text after a whitespace run.
type next struct {
	r    rune   // first rune after up to four opening quotes or brackets
	word []byte // the ASCII letters starting at r, if at most 16 of them
	more bool   // data ran out before r and word were known
}

func peek(data []byte, i int, atEOF bool) next {
	var nx next
	for k := 0; ; k++ {
		r, size := at(data, i, atEOF)
		if r == runeMore {
			return next{more: true}
		}
		if k < 4 && isOpener(r) {
			i += size
			continue
		}
		nx.r = r
		break
	}
	j := i
	for j < len(data) && j-i <= 16 && isASCIILetter(data[j]) {
		j++
	}
	if j == len(data) && !atEOF && j-i <= 16 {
		return next{more: true}
	}
	if j-i <= 16 {
		nx.word = data[i:j]
	}
	return nx
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

func isLower(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z'
	}
	return unicode.IsLower(r)
}

// isStarter reports whether nx begins with a capitalised sentence starter.
func (nx next) isStarter() bool {
	var buf [16]byte
	if len(nx.word) == 0 || !isUpper(nx.r) {
		return false
	}
	k, ok := lowerKey(&buf, nx.word)
	return ok && starters[string(k)]
}

// speechFollows reports whether one of the next four words, all on the same
// line, is a verb of saying: `"Why now?" Prime Minister Khan asked.` The
// second result asks for more data.
func speechFollows(data []byte, i int, atEOF bool) (bool, bool) {
	limit := i + maxLook
	for w := 0; w < 4; w++ {
		j := i
		for j < len(data) && j < limit && isASCIILetter(data[j]) {
			j++
		}
		if j == len(data) && !atEOF && j < limit {
			return false, true
		}
		var buf [16]byte
		if k, ok := lowerKey(&buf, data[i:j]); ok && speechVerbs[string(k)] {
			return true, false
		}
		if j >= len(data) || data[j] != ' ' || j+1 >= limit {
			return false, false
		}
		i = j + 1
	}
	return false, false
}

// wordClass is what the word before a period says about a sentence end.
type wordClass uint8

const (
	wRegular  wordClass = iota // an ordinary word or number: ends a sentence
	wNever                     // title, "e.g.", list marker: never ends one
	wStarters                  // acronym, initial, abbreviation: ends one before a starter
)

// prevClass classifies the word that ends just before the period at data[i].
func prevClass(data []byte, i int) wordClass {
	s := i
	for s > 0 {
		if c := data[s-1]; c < utf8.RuneSelf {
			if asciiClass[c] == aSpace {
				break
			}
			s--
		} else {
			r, size := utf8.DecodeLastRune(data[:s])
			if isSpace(r) {
				break
			}
			s -= size
		}
		if i-s > maxPrev {
			return wRegular
		}
	}
	w := data[s:i]
	if s == 0 && len(w) <= 3 && allDigits(w) && len(w) > 0 {
		return wNever // "1. The first point"
	}
	for len(w) > 0 {
		r, size := utf8.DecodeRune(w)
		if !isOpener(r) {
			break
		}
		w = w[size:]
	}
	for len(w) > 0 {
		r, size := utf8.DecodeLastRune(w)
		if !isQuoteCloser(r) && !isBracketCloser(r) {
			break
		}
		w = w[:len(w)-size]
	}
	if len(w) == 0 {
		return wRegular
	}
	var buf [16]byte
	if !maybeAbbrev(w) {
		// Not an abbreviation: only the tests below the switch apply.
	} else if k, ok := lowerKey(&buf, w); ok && len(k) <= maxAbbrev {
		switch abbrevs[string(k)] {
		case clsTitle:
			if 'A' <= w[0] && w[0] <= 'Z' {
				return wNever
			}
		case clsNever:
			return wNever
		case clsOther:
			return wStarters
		}
	}
	if len(w) == 1 && 'A' <= w[0] && w[0] <= 'Z' {
		return wStarters // an initial: "George W. Bush"
	}
	if isDotted(w) {
		return wStarters
	}
	return wRegular
}

func allDigits(w []byte) bool {
	for _, c := range w {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// isDotted reports whether w is a dotted acronym without its final period:
// two or more pieces of one or two letters joined by periods ("U.S",
// "U.A.E", "a.m", "Ph.D"). Longer pieces make a domain name ("gov.uk").
func isDotted(w []byte) bool {
	pieces, run := 0, 0
	for _, c := range w {
		switch {
		case isASCIILetter(c):
			run++
			if run > 2 {
				return false
			}
		case c == '.' && run > 0:
			pieces++
			run = 0
		default:
			return false
		}
	}
	return run > 0 && pieces >= 1
}

// decision is the outcome of examining a potential boundary.
type decision uint8

const (
	dContinue decision = iota // not a boundary: keep scanning at pos
	dBreak                    // boundary: text ends at end, segment at adv
	dMore                     // need more data
)

// Split is the one boundary function, shaped like bufio.SplitFunc: it
// returns the length of the first raw segment of data (sentence text plus the
// whitespace after it), or 0, nil, nil to ask for more data when !atEOF.
// Raw segments tile the input exactly. Whitespace at the start of data is a
// segment of its own, and so may be the tail of a long whitespace run after a
// certain boundary, so that a reader never holds more than a bounded amount
// of whitespace. Split returns ErrSentenceTooLong when the sentence at the
// start of data is longer than MaxSentence. It never modifies data.
func Split(data []byte, atEOF bool) (advance int, token []byte, err error) {
	if len(data) == 0 {
		return 0, nil, nil
	}
	if w, _, more := wsRun(data, 0, atEOF); w > 0 {
		return w, data[:w], nil
	} else if more {
		return needMore(data)
	}
	i := 0
	for {
		i = skipPlain(data, i, min(len(data), MaxSentence+1))
		if i > MaxSentence {
			return 0, nil, ErrSentenceTooLong
		}
		r, size := at(data, i, atEOF)
		var (
			d        decision
			end, adv int
		)
		switch {
		case r == runeMore:
			return needMore(data)
		case r == runeEnd:
			return len(data), data, nil
		case r == '.' || r == '?' || r == '!' || r == '…' || r == '‽':
			d, end, adv = terminal(data, i, atEOF)
		case r == '。' || r == '！' || r == '？' || r == '｡':
			d, end, adv = fullStop(data, i, atEOF)
		case isSpace(r):
			d, end, adv = lineEnd(data, i, atEOF)
		default:
			i += size
			continue
		}
		switch d {
		case dMore:
			return needMore(data)
		case dBreak:
			if end > MaxSentence {
				return 0, nil, ErrSentenceTooLong
			}
			return adv, data[:adv], nil
		}
		i = adv
	}
}

func needMore(data []byte) (int, []byte, error) {
	if len(data) >= maxBuffer {
		return 0, nil, ErrSentenceTooLong
	}
	return 0, nil, nil
}

// terminal decides whether the run of sentence punctuation at data[i] ends a
// sentence.
func terminal(data []byte, i int, atEOF bool) (decision, int, int) {
	if i > 0 && stopNameEnd[data[i-1]] {
		if in, more := stopInName(data, i, atEOF); more {
			return dMore, 0, 0
		} else if in {
			return dContinue, 0, i + 1
		}
	}
	if i+2 < len(data) && data[i] == '.' && data[i+1] == ' ' && 'A' <= data[i+2] && data[i+2] <= 'Z' &&
		prevClass(data, i) == wRegular {
		// The common sentence end, ". The", after an ordinary word: what
		// the rest of the function would decide whatever the next word is.
		return dBreak, i + 1, i + 2
	}
	j := i
	dots, question, ellipsis := 0, false, false
	for {
		r, size := at(data, j, atEOF)
		switch r {
		case '.':
			dots++
		case '?', '!', '‽':
			question = true
		case '…':
			ellipsis = true
		default:
			size = 0
		}
		if size == 0 {
			break
		}
		j += size
	}
	quoted := false
	for {
		r, size := at(data, j, atEOF)
		if isQuoteCloser(r) {
			quoted = true
		} else if !isBracketCloser(r) {
			break
		}
		j += size
	}
	end := j
	r, _ := at(data, j, atEOF)
	switch {
	case r == runeMore:
		return dMore, 0, 0
	case r == runeEnd:
		return dBreak, end, end
	case !isSpace(r):
		return dContinue, 0, j // "U.S.-led", "1.5", "dawn.com"
	}
	w, lines, more := wsRun(data, j, atEOF)
	if lines >= 2 || w-j >= wsBreak {
		return dBreak, end, w
	}
	if more {
		return dMore, 0, 0
	}
	nx := peek(data, w, atEOF)
	if nx.more {
		return dMore, 0, 0
	}
	if nx.r == runeEnd {
		return dBreak, end, w
	}
	credit := false
	if lines == 0 && dots == 1 && w < len(data) && data[w] == '(' {
		c, more := agencyCredit(data, w, atEOF)
		if more {
			return dMore, 0, 0
		}
		credit = c
	}
	brk := false
	switch {
	case question:
		brk = !isLower(nx.r)
		if brk && quoted && isUpper(nx.r) {
			speech, more := speechFollows(data, w, atEOF)
			if more {
				return dMore, 0, 0
			}
			brk = !speech
		}
	case ellipsis || dots >= 2:
		brk = isUpper(nx.r)
	case quoted:
		brk = !isLower(nx.r)
	case lines == 0 && (nx.r == '—' || nx.r == '–'):
		// A dash after one period on the same line follows an abbreviation
		// in a dateline ("SPOKANE, Wash. — Wildfire ..."); a sentence does
		// not begin with one, though a byline on its own line may.
	case credit:
		// So does an agency's name in brackets: "OLYMPIA, Wash. (AP) —".
	default:
		switch prevClass(data, i) {
		case wRegular:
			brk = !isLower(nx.r)
		case wStarters:
			brk = nx.isStarter()
		}
	}
	if brk {
		return dBreak, end, w
	}
	return dContinue, 0, w
}

// agencies are the news agencies whose names, in brackets, follow a
// dateline.
var agencies = [...]string{"(AP)", "(Reuters)", "(AFP)", "(UPI)", "(dpa)", "(Xinhua)", "(Bloomberg)", "(PTI)", "(ANI)", "(IANS)"}

// agencyCredit reports whether data[w:] begins with one of agencies; more
// is set when the data may hold one but has not been read that far.
func agencyCredit(data []byte, w int, atEOF bool) (credit, more bool) {
	for _, a := range agencies {
		switch n := len(data) - w; {
		case n >= len(a):
			if string(data[w:w+len(a)]) == a {
				return true, false
			}
		case !atEOF && string(data[w:]) == a[:n]:
			return false, true
		}
	}
	return false, false
}

// namesWithStop are names that hold a full stop or an exclamation mark
// before a space and a capital, where no sentence ends: a band and a
// company whose second part is a state's name.
var namesWithStop = [...]struct{ head, tail string }{
	{"Portugal", ". The Man"},
	{"Yahoo", "! Japan"},
}

// stopNameEnd holds the last byte of the first part of each of
// namesWithStop: most sentence ends are spared the look at the names.
var stopNameEnd = func() (t [256]bool) {
	for _, n := range namesWithStop {
		t[n.head[len(n.head)-1]] = true
	}
	return t
}()

// stopInName reports whether the punctuation at data[i] is inside one of
// namesWithStop, or that more data is needed to tell.
func stopInName(data []byte, i int, atEOF bool) (in, more bool) {
	for _, n := range namesWithStop {
		h := i - len(n.head)
		if h < 0 || data[i] != n.tail[0] || string(data[h:i]) != n.head || (h > 0 && isASCIILetter(data[h-1])) {
			continue
		}
		rest := data[i:]
		if len(rest) < len(n.tail) {
			if !atEOF && string(rest) == n.tail[:len(rest)] {
				return false, true
			}
			continue
		}
		if string(rest[:len(n.tail)]) == n.tail && (len(rest) == len(n.tail) || !isASCIILetter(rest[len(n.tail)])) {
			return true, false
		}
	}
	return false, false
}

// fullStop handles the CJK full stop and full-width marks, which end a
// sentence without a following space.
func fullStop(data []byte, i int, atEOF bool) (decision, int, int) {
	j := i
	for {
		r, size := at(data, j, atEOF)
		if r == runeMore {
			return dMore, 0, 0
		}
		switch {
		case r == '。' || r == '！' || r == '？' || r == '｡' || r == '!' || r == '?':
		case isQuoteCloser(r) || isBracketCloser(r) || r == '）':
		default:
			size = 0
		}
		if size == 0 {
			break
		}
		j += size
	}
	w, _, _ := wsRun(data, j, atEOF)
	return dBreak, j, w
}

// lineEnd decides whether the whitespace run at data[i], which follows text
// without sentence punctuation, separates sentences.
func lineEnd(data []byte, i int, atEOF bool) (decision, int, int) {
	w, lines, more := wsRun(data, i, atEOF)
	if lines >= 2 || w-i >= wsBreak {
		return dBreak, i, w
	}
	if more {
		return dMore, 0, 0
	}
	if w == len(data) {
		return dBreak, i, w
	}
	if lines == 0 {
		return dContinue, 0, w
	}
	bullet, r, more := lineStart(data, w, atEOF)
	switch {
	case more:
		return dMore, 0, 0
	case bullet:
		return dBreak, i, w
	case isLower(r), lineContinues(data[:i]):
		return dContinue, 0, w
	}
	return dBreak, i, w
}

// lineStart reports whether the line at data[i] starts with a bullet ("- ",
// "• ", "12. ", "3) ") and returns its first rune.
func lineStart(data []byte, i int, atEOF bool) (bullet bool, first rune, more bool) {
	r, size := at(data, i, atEOF)
	switch r {
	case runeMore:
		return false, r, true
	case '-', '*', '•', '◦', '▪', '‣', '●', '–', '—', '·':
		r2, _ := at(data, i+size, atEOF)
		if r2 == runeMore {
			return false, r, true
		}
		return isSpace(r2), r, false
	}
	j := i
	for j < len(data) && j-i < 3 && '0' <= data[j] && data[j] <= '9' {
		j++
	}
	if j == i {
		return false, r, false
	}
	r2, _ := at(data, j, atEOF)
	if r2 != '.' && r2 != ')' {
		return false, r, r2 == runeMore
	}
	r3, _ := at(data, j+1, atEOF)
	return isSpace(r3), r, r3 == runeMore
}

// lineContinues reports whether a line ending without sentence punctuation
// obviously continues on the next: it ends in a comma or semicolon, in a word
// broken at a hyphen, in a lower-case function word ("the", "of") or in a
// title ("Mr").
func lineContinues(line []byte) bool {
	n := len(line)
	if n == 0 {
		return false
	}
	switch line[n-1] {
	case ',', ';':
		return true
	case '-':
		return n >= 2 && isASCIILetter(line[n-2])
	}
	s := n
	for s > 0 && n-s <= 16 && isASCIILetter(line[s-1]) {
		s--
	}
	if s == n || n-s > 16 {
		return false
	}
	if s > 0 {
		if c := line[s-1]; c < utf8.RuneSelf && !isSpaceByte(c) && !isOpenerByte(c) {
			return false // "U.S.-the" or "x/the" is not a function word at a line end
		}
	}
	w := line[s:]
	var buf [16]byte
	k, ok := lowerKey(&buf, w)
	if !ok {
		return false
	}
	if 'a' <= w[0] && w[0] <= 'z' && connectors[string(k)] {
		return true
	}
	return 'A' <= w[0] && w[0] <= 'Z' && abbrevs[string(k)] == clsTitle
}

func isSpaceByte(c byte) bool { return asciiClass[c] == aSpace }

func isOpenerByte(c byte) bool { return c == '(' || c == '"' || c == '\'' || c == '[' }

// Sentences appends to dst the spans of the sentences of text and returns
// it. Each span is trimmed of leading and trailing Unicode whitespace;
// whitespace-only segments yield no span. Sentences uses Split, so it agrees
// exactly with a Scanner over the same text, except that where a Scanner
// stops with ErrSentenceTooLong, Sentences cuts the run after its last space
// within the first MaxSentence bytes (or at a rune boundary if it has no
// space) and carries on with the rest.
func Sentences(text string, dst []Span) []Span {
	data := unsafe.Slice(unsafe.StringData(text), len(text)) // Split only reads
	off := 0
	for off < len(data) {
		rest := data[off:]
		adv, _, err := Split(rest, true)
		if err != nil {
			adv = cut(rest)
		}
		if adv <= 0 { // unreachable: Split always advances at EOF
			adv = len(rest)
		}
		if a, b := trim(rest[:adv]); a < b {
			dst = append(dst, Span{off + a, off + b})
		}
		off += adv
	}
	return dst
}

// cut returns where to cut a run longer than MaxSentence: after the last
// ASCII space or line break in its first MaxSentence bytes, else at the last
// rune boundary before that.
func cut(data []byte) int {
	n := min(len(data), MaxSentence)
	for k := n - 1; k > 0; k-- {
		if isSpaceByte(data[k]) {
			return k + 1
		}
	}
	k := n
	for k > 1 && k < len(data) && !utf8.RuneStart(data[k]) && n-k < utf8.UTFMax {
		k--
	}
	return k
}

// trim returns the bounds of seg without leading and trailing whitespace.
func trim(seg []byte) (int, int) {
	a, b := 0, len(seg)
	if a < b && seg[a] < utf8.RuneSelf && !isSpaceByte(seg[a]) {
		return a, trimEnd(seg, a, b)
	}
	for a < b {
		r, size := utf8.DecodeRune(seg[a:])
		if !isSpace(r) {
			break
		}
		a += size
	}
	return a, trimEnd(seg, a, b)
}

func trimEnd(seg []byte, a, b int) int {
	for b > a {
		if c := seg[b-1]; c < utf8.RuneSelf {
			if !isSpaceByte(c) {
				return b
			}
			b--
			continue
		}
		r, size := utf8.DecodeLastRune(seg[a:b])
		if !isSpace(r) {
			break
		}
		b -= size
	}
	return b
}
