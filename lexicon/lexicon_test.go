package lexicon

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/unicode/norm"
)

var update = flag.Bool("update", false, "rewrite testdata/bad/*.err")

func TestEnglishParses(t *testing.T) {
	// English panics on broken embedded data; ParseFS shows the errors instead.
	_, err := ParseFS(dataFS, englishFiles...)
	require.NoError(t, err)

	l := English()
	counts := map[Class]int{}
	for e := range l.All() {
		counts[e.Class]++
	}
	t.Logf("English: %d entries, longest term %d tokens", l.Len(), l.MaxWords())
	for c := Affect; c < numClasses; c++ {
		t.Logf("  %-9s %5d", c, counts[c])
	}
	assert.GreaterOrEqual(t, counts[Affect], 3000, "affect entries")
	assert.GreaterOrEqual(t, counts[Relation], 600, "relation entries")
	assert.LessOrEqual(t, l.MaxWords(), MaxTermWords)
	assert.Same(t, l, English(), "English is built once and shared")
}

// fileEntries parses one embedded data file on its own and returns its
// entries in file order.
func fileEntries(t *testing.T, name string) ([]Entry, []byte) {
	t.Helper()
	src, err := dataFS.ReadFile(name)
	require.NoError(t, err)
	l, err := Parse(bytes.NewReader(src), name)
	require.NoError(t, err)
	entries := slices.Collect(l.All())
	slices.SortFunc(entries, func(a, b Entry) int { return a.Line - b.Line })
	return entries, src
}

func TestDataFilesCanonical(t *testing.T) {
	for _, name := range englishFiles {
		t.Run(filepath.Base(name), func(t *testing.T) {
			entries, src := fileEntries(t, name)
			require.NotEmpty(t, entries)
			for i, e := range entries {
				pos := name + ":" + strconv.Itoa(e.Line)
				if i > 0 && compareEntries(entries[i-1], e) >= 0 {
					t.Errorf("%s: %q %s is out of order after %q %s (want sorted by term, then class)",
						pos, e.Term, e.Class, entries[i-1].Term, entries[i-1].Class)
				}
				if e.Term != strings.ToLower(e.Term) || !norm.NFC.IsNormalString(e.Term) ||
					strings.Join(strings.Fields(e.Term), " ") != e.Term {
					t.Errorf("%s: term %q is not lower-case NFC tokens joined by single spaces", pos, e.Term)
				}
			}
			// Every src tag is declared in the header, before the first entry.
			declared := map[string]bool{}
			for i, line := range strings.Split(string(src), "\n") {
				if i+1 >= entries[0].Line {
					break
				}
				if tag, desc, ok, _ := parseSrcDecl(line); ok {
					assert.NotEmpty(t, desc, "%s:%d: src=%s has no description", name, i+1, tag)
					declared[tag] = true
				}
			}
			for _, e := range entries {
				if e.Source == "" {
					t.Errorf("%s:%d: %q has no src= tag", name, e.Line, e.Term)
				} else if !declared[e.Source] {
					t.Errorf("%s:%d: src=%s is not declared in the header", name, e.Line, e.Source)
				}
			}
		})
	}
}

func TestAffectRelationDisjoint(t *testing.T) {
	// A term in both files would be counted twice by an analyzer summing
	// both channels, so each term lives in one of them.
	affect, _ := fileEntries(t, "data/affect.tsv")
	relation, _ := fileEntries(t, "data/relation.tsv")
	inAffect := map[string]int{}
	for _, e := range affect {
		inAffect[e.Term] = e.Line
	}
	for _, e := range relation {
		if line, ok := inAffect[e.Term]; ok {
			t.Errorf("data/relation.tsv:%d: %q is also in data/affect.tsv:%d", e.Line, e.Term, line)
		}
	}
	for _, e := range affect {
		assert.Equal(t, Affect, e.Class, "data/affect.tsv:%d", e.Line)
	}
	for _, e := range relation {
		assert.Equal(t, Relation, e.Class, "data/relation.tsv:%d", e.Line)
	}
}

func TestEnglishEntries(t *testing.T) {
	tests := []struct {
		term  string
		class Class
		sign  int // -1 unfavourable, +1 favourable
		role  Role
	}{
		{"condemned", Affect, -1, RolePatient},
		{"condemnation", Affect, -1, RolePatient},
		{"denounced", Affect, -1, RolePatient},
		{"criticised", Affect, -1, RolePatient},
		{"criticized", Affect, -1, RolePatient},
		{"blamed", Affect, -1, RolePatient},
		{"lambasted", Affect, -1, RolePatient},
		{"praised", Affect, +1, RolePatient},
		{"hailed", Affect, +1, RolePatient},
		{"thanked", Affect, +1, RolePatient},
		{"congratulated", Affect, +1, RolePatient},
		{"trusted", Affect, +1, RolePatient},
		{"distrust", Affect, -1, RolePatient},
		{"aggression", Affect, -1, RoleAgent},
		{"bullying", Affect, -1, RoleAgent},
		{"violated", Affect, -1, RoleAgent},
		{"intimidation", Affect, -1, RoleAgent},
		{"meddling", Affect, -1, RoleAgent},
		{"atrocities", Affect, -1, RoleAgent},
		{"betrayal", Affect, -1, RoleAgent},
		{"stab in the back", Affect, -1, RoleAgent},
		{"hegemony", Affect, -1, RoleAgent},
		{"helped", Affect, +1, RoleAgent},
		{"rescued", Affect, +1, RoleAgent},
		{"reliable", Affect, +1, RoleAny},
		{"steadfast", Affect, +1, RoleAny},
		{"prosperous", Affect, +1, RoleAny},
		{"landmark", Affect, +1, RoleAny},
		{"win-win", Affect, +1, RoleAny},
		{"time-tested", Affect, +1, RoleAny},
		{"lifeline", Affect, +1, RoleAny},
		{"unreliable", Affect, -1, RoleAny},
		{"corrupt", Affect, -1, RoleAny},
		{"vassal", Affect, -1, RoleAny},
		{"pariah", Affect, -1, RoleAny},
		{"rigged", Affect, -1, RoleAny},
		{"destabilising", Affect, -1, RoleAgent},
		{"destabilizing", Affect, -1, RoleAgent},
		{"hypocritical", Affect, -1, RoleAny},
		{"at loggerheads", Affect, -1, RoleMutual},
		{"see eye to eye", Affect, +1, RoleMutual},
		{"all-weather friend", Affect, +1, RoleMutual},
		{"partnership", Relation, +1, RoleMutual},
		{"alliance", Relation, +1, RoleMutual},
		{"reaffirmed", Relation, +1, RoleMutual},
		{"signed", Relation, +1, RoleMutual},
		{"détente", Relation, +1, RoleMutual},
		{"detente", Relation, +1, RoleMutual},
		{"joint exercises", Relation, +1, RoleMutual},
		{"mediated", Relation, +1, RoleAgent},
		{"pledged", Relation, +1, RoleAgent},
		{"bailout", Relation, +1, RoleAgent},
		{"rivalry", Relation, -1, RoleMutual},
		{"standoff", Relation, -1, RoleMutual},
		{"traded accusations", Relation, -1, RoleMutual},
		{"trade war", Relation, -1, RoleMutual},
		{"invasion", Relation, -1, RoleAgent},
		{"airstrikes", Relation, -1, RoleAgent},
		{"annexation", Relation, -1, RoleAgent},
		{"debt trap", Relation, -1, RoleAgent},
		{"threatened", Relation, -1, RoleAgent},
		{"sanctions", Relation, -1, RolePatient},
		{"expelled", Relation, -1, RolePatient},
	}
	l := English()
	for _, tt := range tests {
		t.Run(tt.term, func(t *testing.T) {
			var got *Entry
			for _, e := range l.Lookup(tt.term) {
				if e.Class == tt.class {
					got = &e
				}
			}
			require.NotNil(t, got, "Lookup(%q) has no %s entry", tt.term, tt.class)
			assert.Equal(t, tt.sign, sign(got.Weight), "Lookup(%q).Weight = %v", tt.term, got.Weight)
			assert.Equal(t, tt.role, got.Role, "Lookup(%q).Role", tt.term)
			assert.NotZero(t, got.Line)
		})
	}
}

func sign(w float64) int {
	switch {
	case w > 0:
		return 1
	case w < 0:
		return -1
	}
	return 0
}

func TestVictimWordsMild(t *testing.T) {
	// The analyzer cannot tell a victim from a perpetrator by these words.
	for _, term := range []string{"killed", "wounded", "casualties", "displaced", "refugees"} {
		for _, e := range English().Lookup(term) {
			if e.Class == Affect || e.Class == Relation {
				assert.GreaterOrEqual(t, e.Weight, -1.0, "%s:%d: %q", e.File, e.Line, term)
			}
		}
	}
}

const sample = "# sample\n" +
	"# src=t a test tag\n" +
	"\n" +
	"stab in the back\taffect\t-2.5\trole=agent\tsrc=t\t# idiom\n" +
	"good\taffect\t2\n" +
	"not\tnegator\t-0.75\n" +
	"good\tbooster\t0.1\t# also a booster, oddly\n" +
	"ally\trelation\t6\trole=mutual\n" +
	"did n't help\taffect\t-1\trole=agent\n" +
	"condemned\taffect\t-2.5\trole=patient\tsrc=t\n"

func mustParse(t testing.TB, src, file string) *Lexicon {
	t.Helper()
	l, err := Parse(strings.NewReader(src), file)
	require.NoError(t, err)
	return l
}

func TestParse(t *testing.T) {
	l := mustParse(t, sample, "sample.tsv")
	assert.Equal(t, 7, l.Len())
	assert.Equal(t, 4, l.MaxWords())

	got := l.Lookup("good")
	require.Len(t, got, 2)
	assert.Equal(t, Entry{Term: "good", Class: Affect, Weight: 2, File: "sample.tsv", Line: 5}, got[0])
	assert.Equal(t, Entry{Term: "good", Class: Booster, Weight: 0.1, File: "sample.tsv", Line: 7,
		Note: "also a booster, oddly"}, got[1])

	got = l.Lookup("stab in the back")
	require.Len(t, got, 1)
	assert.Equal(t, Entry{Term: "stab in the back", Class: Affect, Weight: -2.5, Role: RoleAgent,
		Source: "t", File: "sample.tsv", Line: 4, Note: "idiom"}, got[0])

	assert.Nil(t, l.Lookup("bad"))
	assert.Nil(t, l.Lookup("stab"))

	// Lookup hands out copies: changing one leaves the lexicon alone.
	got[0].Weight = 99
	assert.Equal(t, -2.5, l.Lookup("stab in the back")[0].Weight)

	var terms []string
	for e := range l.All() {
		terms = append(terms, e.Term+"/"+e.Class.String())
	}
	assert.Equal(t, []string{"ally/relation", "condemned/affect", "did n't help/affect", "good/affect",
		"good/booster", "not/negator", "stab in the back/affect"}, terms)
}

func TestParseTolerates(t *testing.T) {
	// A byte-order mark, CRLF line ends, a last line without newline and
	// notes holding tabs are all read.
	src := "\ufeffgood\taffect\t2\r\nbad\taffect\t-2\t# a note\twith a tab\r\nfine\taffect\t+1.0"
	l := mustParse(t, src, "x.tsv")
	assert.Equal(t, 3, l.Len())
	assert.Equal(t, "a note\twith a tab", l.Lookup("bad")[0].Note)
	assert.Equal(t, 1.0, l.Lookup("fine")[0].Weight)

	empty := mustParse(t, "# nothing here\n\n", "empty.tsv")
	assert.Zero(t, empty.Len())
	assert.Zero(t, empty.MaxWords())
}

func TestClassAndRoleNames(t *testing.T) {
	for c := Affect; c < numClasses; c++ {
		got, err := ParseClass(c.String())
		require.NoError(t, err)
		assert.Equal(t, c, got)
	}
	_, err := ParseClass("Affect")
	assert.ErrorContains(t, err, `unknown class "Affect"`)
	assert.Equal(t, "Class(0)", Class(0).String())
	assert.Equal(t, "Class(200)", Class(200).String())
	assert.Equal(t, []string{"any", "agent", "patient", "mutual", "Role(9)"},
		[]string{RoleAny.String(), RoleAgent.String(), RolePatient.String(), RoleMutual.String(), Role(9).String()})
}

func TestParseErrorUnwrap(t *testing.T) {
	_, err := Parse(strings.NewReader("good\taffect\t2,5\n"), "w.tsv")
	var pe *ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, ParseError{File: "w.tsv", Line: 1, Col: 13, Msg: `bad weight "2,5": want a plain decimal number such as -1.5`,
		Err: pe.Err}, *pe)
	var ne *strconv.NumError
	require.ErrorAs(t, err, &ne)
	assert.Equal(t, strconv.ErrSyntax, ne.Err)
}

func TestParseFS(t *testing.T) {
	fsys := fstest.MapFS{
		"a.tsv": {Data: []byte("good\taffect\t2\nally\trelation\t5\n")},
		"b.tsv": {Data: []byte("# src=b from b\nnot\tnegator\t-1\tsrc=b\n")},
		"c.tsv": {Data: []byte("# c\nnice\taffect\t1\nally\trelation\t6\n")},
	}
	l, err := ParseFS(fsys, "a.tsv", "b.tsv")
	require.NoError(t, err)
	assert.Equal(t, 3, l.Len())
	assert.Equal(t, "b.tsv", l.Lookup("not")[0].File)

	_, err = ParseFS(fsys, "a.tsv", "c.tsv")
	assert.EqualError(t, err, `c.tsv:3:1: duplicate entry "ally" relation (first at a.tsv:2)`)

	_, err = ParseFS(fsys, "a.tsv", "missing.tsv")
	assert.ErrorContains(t, err, "missing.tsv")

	_, err = ParseFS(fsys)
	assert.Error(t, err)
}

func TestExtendWithout(t *testing.T) {
	base := mustParse(t, sample, "base.tsv")
	user := mustParse(t, "good\taffect\t3\t# stronger\nsplendid\taffect\t3\n", "user.tsv")

	ext := base.Extend(user)
	assert.Equal(t, base.Len()+1, ext.Len())
	good := ext.Lookup("good")
	require.Len(t, good, 2)
	assert.Equal(t, 3.0, good[0].Weight, "the user's entry replaces the built-in one")
	assert.Equal(t, "user.tsv", good[0].File)
	assert.Equal(t, Booster, good[1].Class, "other classes of the term are kept")
	assert.Equal(t, 2.0, base.Lookup("good")[0].Weight, "Extend leaves its receiver alone")

	rep := base.Without(Affect, Relation).Extend(user)
	var classes []Class
	for e := range rep.All() {
		classes = append(classes, e.Class)
	}
	assert.Equal(t, []Class{Affect, Booster, Negator, Affect}, classes)
	assert.Equal(t, 1, base.Without(Affect, Relation, Booster).Len())
	assert.Equal(t, 1, base.Without(Affect, Relation, Booster).MaxWords())
}

func TestFormatRoundTrip(t *testing.T) {
	for name, l := range map[string]*Lexicon{
		"sample":  mustParse(t, sample, "sample.tsv"),
		"English": English(),
	} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, Format(&buf, l))
			back, err := Parse(&buf, "formatted.tsv")
			require.NoError(t, err)
			assertSameEntries(t, l, back)
			assert.Equal(t, l.sources, back.sources)

			// Formatting is canonical: a second round gives the same bytes.
			var again, twice bytes.Buffer
			require.NoError(t, Format(&again, back))
			require.NoError(t, Format(&twice, l))
			assert.Equal(t, twice.String(), again.String())
		})
	}
}

// assertSameEntries compares two lexicons entry by entry, File and Line
// aside.
func assertSameEntries(t *testing.T, want, got *Lexicon) {
	t.Helper()
	strip := func(l *Lexicon) []Entry {
		var es []Entry
		for e := range l.All() {
			e.File, e.Line = "", 0
			es = append(es, e)
		}
		return es
	}
	w, g := strip(want), strip(got)
	require.Equal(t, len(w), len(g))
	for i := range w {
		if w[i] != g[i] {
			t.Fatalf("entry %d: got %+v, want %+v", i, g[i], w[i])
		}
	}
}

// TestBadFiles checks the messages for malformed data files against the
// hand-written testdata/bad/*.err.
func TestBadFiles(t *testing.T) {
	files, err := filepath.Glob("testdata/bad/*.tsv")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(strings.TrimSuffix(name, ".tsv"), func(t *testing.T) {
			src, err := os.ReadFile(path)
			require.NoError(t, err)
			l, err := Parse(bytes.NewReader(src), name)
			require.Error(t, err, "Parse(%s) accepted a bad file", name)
			assert.Nil(t, l)
			for _, e := range flatten(err) {
				var pe *ParseError
				if errors.As(e, &pe) {
					assert.GreaterOrEqual(t, pe.Line, 1)
					assert.LessOrEqual(t, pe.Line, bytes.Count(src, []byte("\n"))+1)
				}
			}
			got := err.Error() + "\n"
			golden := strings.TrimSuffix(path, ".tsv") + ".err"
			if *update {
				require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
				return
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err)
			assert.Equal(t, string(want), got, "accept: go test ./lexicon -run '%s' -update", t.Name())
		})
	}
}

func flatten(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(sample))
	f.Add([]byte("good\taffect\t2\tsrc=x\n"))
	files, _ := filepath.Glob("testdata/bad/*.tsv")
	for _, path := range files {
		if src, err := os.ReadFile(path); err == nil {
			f.Add(src)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		l, err := Parse(bytes.NewReader(src), "fuzz.tsv")
		if err != nil {
			lines := bytes.Count(src, []byte("\n")) + 1
			for _, e := range flatten(err) {
				_ = e.Error()
				var pe *ParseError
				if errors.As(e, &pe) && (pe.Line < 1 || pe.Line > lines+1) {
					t.Fatalf("error line %d outside 1..%d: %v", pe.Line, lines+1, pe)
				}
			}
			return
		}
		var buf bytes.Buffer
		if err := Format(&buf, l); err != nil {
			t.Fatal(err)
		}
		back, err := Parse(&buf, "formatted.tsv")
		if err != nil {
			t.Fatalf("Parse(Format(l)): %v\n%s", err, buf.String())
		}
		assertSameEntries(t, l, back)
	})
}

func BenchmarkParse(b *testing.B) {
	var srcs [][]byte
	var size int64
	for _, name := range englishFiles {
		src, err := dataFS.ReadFile(name)
		require.NoError(b, err)
		srcs = append(srcs, src)
		size += int64(len(src))
	}
	fsys := fstest.MapFS{}
	for i, name := range englishFiles {
		fsys[name] = &fstest.MapFile{Data: srcs[i]}
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseFS(fsys, englishFiles...); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLookup(b *testing.B) {
	l := English()
	terms := []string{"condemned", "the", "stab in the back", "partnership", "zzz"}
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range terms {
			_ = l.Lookup(t)
		}
	}
}
