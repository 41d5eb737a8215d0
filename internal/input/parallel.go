package input

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"sync"
)

// NewParallelJSONL returns a reader of JSON Lines that parses records on
// workers goroutines while one goroutine reads lines ahead, so that reading
// is not the serial part of a parallel job. Next returns the same documents
// and errors, in the same order, as the reader of NewJSONL. Close stops the
// goroutines; a reader read to its end needs no Close.
func NewParallelJSONL(r io.Reader, file string, workers int) ReadCloser {
	p := &parallelJSONL{
		order: make(chan *lineBatch, 4*max(workers, 1)),
		stop:  make(chan struct{}),
		free:  make(chan []byte, 8*max(workers, 1)),
	}
	work := make(chan *lineBatch, 4*max(workers, 1))
	for range max(workers, 1) {
		go func() {
			for b := range work {
				b.parse(file)
				// Parsed documents hold copies, not the line buffer: it can
				// take the next batch's lines.
				select {
				case p.free <- b.text[:0]:
				default:
				}
				b.text = nil
			}
		}()
	}
	go p.read(&jsonlReader{br: bufio.NewReaderSize(r, 64<<10), file: file}, work)
	return p
}

// ReadCloser is a Reader that holds goroutines until it is read to its end
// or closed.
type ReadCloser interface {
	Reader
	io.Closer
}

// Lines are parsed in batches, so that handing them between goroutines
// costs little next to parsing them.
const (
	batchLines = 64
	batchBytes = 256 << 10
)

// lineBatch is a run of input lines and, once done is closed, what they
// parse to.
type lineBatch struct {
	text  []byte // the lines, end to end
	ends  []int  // the end of each line in text
	lines []int  // the line number of each
	long  []bool // whether each line was too long to keep
	docs  []*Document
	errs  []error
	err   error // after the lines: io.EOF or the error that ended the input
	done  chan struct{}
}

func (b *lineBatch) parse(file string) {
	b.docs = make([]*Document, len(b.ends))
	b.errs = make([]error, len(b.ends))
	start := 0
	for i, end := range b.ends {
		r := jsonlReader{file: file, line: b.lines[i]}
		if b.long[i] {
			b.errs[i] = r.errorf(0, "line longer than %d MiB", MaxDocument>>20)
		} else {
			b.docs[i], b.errs[i] = r.parse(b.text[start:end])
		}
		start = end
	}
	close(b.done)
}

type parallelJSONL struct {
	order chan *lineBatch // batches in input order
	stop  chan struct{}   // closed by Close
	free  chan []byte     // line buffers of parsed batches, for reuse
	once  sync.Once
	cur   *lineBatch
	next  int // index in cur of the next line
	err   error
}

// read splits the input into batches of lines and hands each to the
// workers and, in order, to Next.
func (p *parallelJSONL) read(r *jsonlReader, work chan<- *lineBatch) {
	defer close(work)
	defer close(p.order)
	newBatch := func() *lineBatch {
		b := &lineBatch{done: make(chan struct{})}
		select {
		case b.text = <-p.free:
		default:
			b.text = make([]byte, 0, batchBytes+batchBytes/4)
		}
		return b
	}
	b := newBatch()
	send := func() bool {
		select {
		case p.order <- b:
		case <-p.stop:
			return false
		}
		select {
		case work <- b:
		case <-p.stop:
			return false
		}
		b = newBatch()
		return true
	}
	for {
		line, tooLong, err := r.readLine()
		if err != nil {
			if err != io.EOF {
				err = fmt.Errorf("%s: %w", r.file, err)
			}
			b.err = err
			send()
			return
		}
		r.line++
		if r.line == 1 {
			line = bytes.TrimPrefix(line, []byte("\uFEFF"))
		}
		if !tooLong && len(bytes.TrimSpace(line)) == 0 {
			continue // blank lines separate nothing and hold no record
		}
		b.text = append(b.text, line...)
		b.ends = append(b.ends, len(b.text))
		b.lines = append(b.lines, r.line)
		b.long = append(b.long, tooLong)
		if (len(b.ends) == batchLines || len(b.text) >= batchBytes) && !send() {
			return
		}
	}
}

func (p *parallelJSONL) Next() (*Document, error) {
	for {
		if p.err != nil {
			return nil, p.err
		}
		if p.cur != nil && p.next < len(p.cur.ends) {
			i := p.next
			p.next++
			return p.cur.docs[i], p.cur.errs[i]
		}
		if p.cur != nil && p.cur.err != nil {
			p.err = p.cur.err
			continue
		}
		b, ok := <-p.order
		if !ok {
			p.err = io.EOF // closed
			continue
		}
		<-b.done
		p.cur, p.next = b, 0
	}
}

// Close stops reading ahead: the goroutines end once the line being read
// is in. Next then returns io.EOF.
func (p *parallelJSONL) Close() error {
	p.once.Do(func() { close(p.stop) })
	if p.err == nil {
		p.err = io.EOF
	}
	return nil
}
