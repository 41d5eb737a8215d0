package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"hash/maphash"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/geostance/geostance/internal/input"
)

// inputOptions are the flags shared by every command that reads documents.
type inputOptions struct {
	format  string
	textCol string
	idCol   string
	dateCol string
	skipBad bool
}

func (o *inputOptions) register(fs *flag.FlagSet) {
	fs.StringVar(&o.format, "in", "", "input format: text, jsonl or csv (default: from the file extension, text for stdin)")
	fs.StringVar(&o.textCol, "text-col", "text", "CSV column holding the text")
	fs.StringVar(&o.idCol, "id-col", "id", "CSV column holding the document id")
	fs.StringVar(&o.dateCol, "date-col", "date", "CSV column holding the date (YYYY-MM-DD or RFC 3339)")
	fs.BoolVar(&o.skipBad, "skip-bad", false, "report bad records on stderr and go on, instead of stopping")
}

// document is one input document. Plain-text documents are read sentence
// by sentence from body, so a file of any size is held in bounded memory.
type document struct {
	*input.Document
	body io.Reader

	dateMetaOnce sync.Once // workers share a document's batches
	dateMeta     []byte
}

// accounting counts records so that none is lost silently:
// read = processed + skipped.
type accounting struct {
	read, skipped int
	progress      *progress // nil unless progress is shown

	// Documents that share an id are all processed, but records from
	// them cannot be told apart downstream (summarize clusters by id), so
	// each repeat is reported with the place of the first. Ids are kept
	// as 64-bit hashes with compact places: a million ids cost about
	// 30 MB, and a false report needs a hash collision (odds near 1e-7
	// for a million ids).
	seed       maphash.Seed
	seen       map[uint64]place
	files      []string // place.file indexes it
	duplicates int
}

// place is where a document starts: a file of accounting.files and a line.
type place struct {
	file, line int32
}

func (acc *accounting) placeString(p place) string {
	if p.line == 0 {
		return acc.files[p.file]
	}
	return fmt.Sprintf("%s:%d", acc.files[p.file], p.line)
}

// maxDuplicateWarnings bounds the duplicate-id lines on stderr; the rest
// are counted in one closing line.
const maxDuplicateWarnings = 10

// checkID reports a document whose id an earlier document of the run had.
func (acc *accounting) checkID(stderr io.Writer, d *input.Document) {
	if acc.seen == nil {
		acc.seen = make(map[uint64]place)
		acc.seed = maphash.MakeSeed()
	}
	if n := len(acc.files); n == 0 || acc.files[n-1] != d.File {
		acc.files = append(acc.files, d.File)
	}
	here := place{int32(len(acc.files) - 1), int32(d.Line)}
	h := maphash.String(acc.seed, d.ID)
	first, dup := acc.seen[h]
	if !dup {
		acc.seen[h] = here
		return
	}
	acc.duplicates++
	if acc.duplicates <= maxDuplicateWarnings {
		fmt.Fprintf(stderr, "geostance: %s: duplicate id %q (first at %s); both are processed\n", acc.placeString(here), d.ID, acc.placeString(first))
	}
}

// forEachDocument calls fn for every document of the named files (stdin for
// "-" or when there are none), in order. Bad records stop the run, or with
// -skip-bad are reported on stderr and counted.
func (e *env) forEachDocument(ctx context.Context, o *inputOptions, names []string, acc *accounting, fn func(*document) error) error {
	var forced input.Format
	if o.format != "" {
		f, err := input.ParseFormat(o.format)
		if err != nil {
			return usagef("%v", err)
		}
		forced = f
	}
	if len(names) == 0 {
		names = []string{"-"}
	}
	for _, name := range names {
		format := forced
		if o.format == "" {
			format = input.Detect(name)
		}
		if err := e.readFile(ctx, name, format, o, acc, fn); err != nil {
			return err
		}
	}
	if acc.duplicates > maxDuplicateWarnings {
		fmt.Fprintf(e.stderr, "geostance: %d document(s) repeat an earlier id\n", acc.duplicates)
	}
	if acc.skipped > 0 {
		fmt.Fprintf(e.stderr, "geostance: skipped %d bad record(s) of %d\n", acc.skipped, acc.read)
	}
	return nil
}

func (e *env) readFile(ctx context.Context, name string, format input.Format, o *inputOptions, acc *accounting, fn func(*document) error) error {
	r, display, closeFile, err := e.open(name)
	if err != nil {
		return err
	}
	defer closeFile()
	if acc.progress != nil {
		r = countingReader{r: r, n: &acc.progress.read}
	}
	if format == input.Text {
		if err := ctx.Err(); err != nil {
			return err
		}
		acc.read++
		id := filepath.Base(name)
		if name == "-" {
			id = "-"
		}
		d := &input.Document{ID: id, File: display}
		acc.checkID(e.stderr, d)
		return fn(&document{Document: d, body: input.SkipBOM(r)})
	}
	var rd input.Reader
	if format == input.JSONL {
		// Records are parsed on as many goroutines as there are processors,
		// so that one reading goroutine does not hold parallel scoring back.
		prd := input.NewParallelJSONL(r, display, runtime.GOMAXPROCS(0))
		defer prd.Close()
		rd = prd
	} else {
		rd = input.NewCSV(r, display, input.CSVColumns{Text: o.textCol, ID: o.idCol, Date: o.dateCol})
	}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		d, err := rd.Next()
		if err == io.EOF {
			return nil
		}
		var re *input.RecordError
		if errors.As(err, &re) {
			acc.read++
			if !o.skipBad {
				return fmt.Errorf("%w (use -skip-bad to skip bad records)", re)
			}
			acc.skipped++
			fmt.Fprintf(e.stderr, "geostance: %v (skipped)\n", re)
			continue
		}
		if err != nil {
			return err
		}
		acc.read++
		acc.checkID(e.stderr, d)
		if err := fn(&document{Document: d}); err != nil {
			return err
		}
	}
}

// open opens the named input, "-" being stdin, and returns it with the
// name that messages should use for it and a function that closes it.
func (e *env) open(name string) (r io.Reader, display string, closeFile func(), err error) {
	if name == "-" {
		return e.stdin, "<stdin>", func() {}, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, "", nil, err
	}
	return f, name, func() { f.Close() }, nil
}
