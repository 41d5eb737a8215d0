package dict

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*/*.tsv.want and *.err")

// TestGolden reads every dictionary under testdata/<format>/. A file with
// a .err companion must produce exactly those errors, one per line; any
// other file must read cleanly and write the canonical TSV in .tsv.want.
// Regenerate with: go test ./lexicon/dict -run TestGolden -update
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*/*")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, path := range files {
		if strings.HasSuffix(path, ".want") || strings.HasSuffix(path, ".err") {
			continue
		}
		n++
		t.Run(filepath.Base(filepath.Dir(path))+"/"+filepath.Base(path), func(t *testing.T) {
			data := mustRead(t, path)
			name := filepath.Base(path)
			errs := Check(bytes.NewReader(data), name, Auto)
			errFile := path + ".err"
			_, statErr := os.Stat(errFile)
			if expectErr := statErr == nil; expectErr || (*update && len(errs) > 0) {
				var got strings.Builder
				for _, e := range errs {
					got.WriteString(e.Error())
					got.WriteByte('\n')
				}
				compareGolden(t, errFile, got.String())
				return
			}
			if len(errs) > 0 {
				t.Fatalf("Check(%s) = %v; want no errors", name, errs)
			}
			d, err := Read(bytes.NewReader(data), name, Auto)
			if err != nil {
				t.Fatalf("Read(%s): %v", name, err)
			}
			var out bytes.Buffer
			if err := d.WriteTSV(&out); err != nil {
				t.Fatal(err)
			}
			compareGolden(t, path+".tsv.want", out.String())

			// The canonical TSV reads back to the same entries.
			back, err := Read(bytes.NewReader(out.Bytes()), name+".tsv", TSV)
			if err != nil {
				t.Fatalf("Read(WriteTSV(%s)): %v", name, err)
			}
			if got, want := entryView(back), entryView(d); !reflect.DeepEqual(got, want) {
				t.Errorf("Read(WriteTSV(%s)) entries = %v; want %v", name, got, want)
			}
		})
	}
	if n < 10 {
		t.Errorf("found %d testdata dictionaries; want at least 10", n)
	}
}

func compareGolden(t *testing.T, file, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (create it with -update, then check it by hand)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs\n--- want\n%s--- got\n%saccept with: go test ./lexicon/dict -run '%s' -update",
			file, want, got, t.Name())
	}
}

// entryView is what a TSV round trip must keep of each entry.
type entryKey struct {
	Pattern    string
	Words      string
	Wildcard   bool
	Categories string
	Weight     float64
}

func entryView(d *Dictionary) []entryKey {
	out := make([]entryKey, len(d.Entries))
	for i, e := range d.Entries {
		cats := make([]string, len(e.Categories))
		for j, c := range e.Categories {
			cats[j] = d.Categories[c].Name
			if d.Categories[c].Negated {
				cats[j] += "(negated)"
			}
		}
		out[i] = entryKey{e.Pattern, strings.Join(e.Words, "|"), e.Wildcard, strings.Join(cats, ","), e.Weight}
	}
	return out
}

func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
