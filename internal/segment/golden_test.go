package segment

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// goldenCase is one "=== name" block of a testdata file.
type goldenCase struct {
	name  string
	file  string
	line  int // line of the "===" header, for messages
	input string
	want  []string
}

// readCases parses a testdata file of "=== name" / input / "---" / expected
// blocks. Input lines are joined with \n and unescaped; expected lines are
// returned as written, blank lines dropped.
func readCases(t *testing.T, path string) []goldenCase {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	var (
		cases   []goldenCase
		cur     *goldenCase
		inInput bool
		input   []string
	)
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "=== "):
			cases = append(cases, goldenCase{name: strings.TrimPrefix(line, "=== "), file: path, line: n})
			cur, inInput, input = &cases[len(cases)-1], true, nil
		case cur == nil:
			// comments before the first case
		case inInput && line == "---":
			s, err := unescape(strings.Join(input, "\n"))
			if err != nil {
				t.Fatalf("%s:%d: %v", path, n, err)
			}
			cur.input, inInput = s, false
		case inInput:
			input = append(input, line)
		case line != "":
			cur.want = append(cur.want, line)
		}
	}
	require.NoError(t, sc.Err())
	for _, c := range cases {
		if c.input == "" && c.want == nil && c.name != "empty" {
			t.Fatalf("%s:%d: case %q has no input", c.file, c.line, c.name)
		}
	}
	return cases
}

// unescape interprets \n \r \t \f \\ \xHH and \uXXXX.
func unescape(s string) (string, error) {
	if !strings.Contains(s, `\`) {
		return s, nil
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			b.WriteByte(c)
			continue
		}
		i++
		switch s[i] {
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'f':
			b.WriteByte('\f')
		case '\\':
			b.WriteByte('\\')
		case 'x', 'u':
			n := 2
			if s[i] == 'u' {
				n = 4
			}
			if i+n >= len(s) {
				return "", fmt.Errorf("short escape in %q", s)
			}
			v, err := strconv.ParseUint(s[i+1:i+1+n], 16, 32)
			if err != nil {
				return "", fmt.Errorf("bad escape in %q: %w", s, err)
			}
			if n == 2 {
				b.WriteByte(byte(v))
			} else {
				b.WriteRune(rune(v))
			}
			i += n
		default:
			return "", fmt.Errorf("unknown escape \\%c in %q", s[i], s)
		}
	}
	return b.String(), nil
}

// escape renders s for comparison with expectations: control characters
// other than space, line and paragraph separators and bytes that are not
// valid UTF-8 are written as escapes; the rest is literal.
func escape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\\':
			b.WriteString(`\\`)
		case r < ' ' || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r == 0xa0 || r == 0x2028 || r == 0x2029:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func TestSentencesGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/sentences/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	total := 0
	for _, path := range files {
		for _, c := range readCases(t, path) {
			total++
			t.Run(strings.TrimSuffix(filepath.Base(path), ".txt")+"/"+c.name, func(t *testing.T) {
				var got []string
				for _, sp := range Sentences(c.input, nil) {
					got = append(got, escape(c.input[sp.Start:sp.End]))
				}
				assert.Equal(t, c.want, got, "%s:%d: Sentences(%q)", c.file, c.line, c.input)
				assert.Equal(t, Sentences(c.input, nil), scanAll(t, strings.NewReader(c.input)),
					"%s:%d: Scanner disagrees with Sentences", c.file, c.line)
				assert.Equal(t, Sentences(c.input, nil), scanAll(t, &choppyReader{s: c.input, seed: 1}),
					"%s:%d: Scanner over short reads disagrees with Sentences", c.file, c.line)
			})
		}
	}
	if total < 90 {
		t.Errorf("only %d sentence cases; want at least 90", total)
	}
}

func TestTokensGolden(t *testing.T) {
	var tk Tokenizer
	cases := readCases(t, "testdata/tokens/tokens.txt")
	if len(cases) < 40 {
		t.Errorf("only %d token cases; want at least 40", len(cases))
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			toks := tk.Tokenize(c.input)
			checkTokens(t, c.input, toks)
			var got []string
			for _, tok := range toks {
				got = append(got, renderToken(c.input, tok))
			}
			assert.Equal(t, c.want, got, "%s:%d: Tokenize(%q)", c.file, c.line, c.input)
		})
	}
}

func renderToken(text string, tok Token) string {
	raw := text[tok.Start:tok.End]
	s := tok.Kind.String() + " " + escape(raw)
	if f := tok.Flags.String(); f != "" {
		s += " " + f
	}
	if tok.Norm != raw {
		s += " norm=" + escape(tok.Norm)
	}
	return s
}

// checkTokens verifies the invariants every token list must satisfy: tokens
// are in order, inside the text, free of spaces, and their Norm and Fold
// derive from their text.
func checkTokens(t testing.TB, text string, toks []Token) {
	t.Helper()
	prev := 0
	for i, tok := range toks {
		if tok.Start < prev || tok.End <= tok.Start || tok.End > len(text) {
			t.Fatalf("token %d [%d,%d) out of order or outside text of length %d (previous end %d)",
				i, tok.Start, tok.End, len(text), prev)
		}
		prev = tok.End
		raw := text[tok.Start:tok.End]
		for _, r := range raw {
			if unicode.IsSpace(r) {
				t.Fatalf("token %d %q contains a space", i, raw)
			}
		}
		if want := refNorm(raw); tok.Norm != want {
			t.Fatalf("token %d %q: Norm = %q; want %q", i, raw, tok.Norm, want)
		}
		if want := refFold(tok.Norm); tok.Fold != want {
			t.Fatalf("token %d %q: Fold = %q; want %q", i, raw, tok.Fold, want)
		}
	}
}

// refNorm and refFold are slow, obviously correct versions of Norm and Fold.
func refNorm(s string) string {
	return strings.NewReplacer("’", "'", "‘", "'", "ʼ", "'", "′", "'", "“", `"`, "”", `"`).Replace(s)
}

func refFold(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteByte(s[i])
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		i += size
	}
	return b.String()
}

// scanAll collects the spans a Scanner finds in r.
func scanAll(t testing.TB, r io.Reader) []Span {
	t.Helper()
	var spans []Span
	sc := NewScanner(r)
	for sc.Scan() {
		spans = append(spans, sc.Span())
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("Scanner.Err() = %v", err)
	}
	return spans
}

// choppyReader returns 1 to 7 bytes per Read, in a fixed pseudo-random
// pattern, to exercise the Scanner's need-more-data paths.
type choppyReader struct {
	s    string
	seed uint32
}

func (r *choppyReader) Read(p []byte) (int, error) {
	if r.s == "" {
		return 0, io.EOF
	}
	r.seed = r.seed*1103515245 + 12345
	n := min(int(r.seed>>16)%7+1, len(p), len(r.s))
	copy(p, r.s[:n])
	r.s = r.s[n:]
	return n, nil
}
