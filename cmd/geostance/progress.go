package main

import (
	"fmt"
	"io"
	"os"
	"sync/atomic"
	"time"
)

// progress reports documents, sentences per second and, when the input
// size is known, the time left, on a terminal's stderr.
type progress struct {
	w         io.Writer
	start     time.Time
	total     int64 // input bytes, 0 if unknown
	read      atomic.Int64
	docs      atomic.Int64
	sentences atomic.Int64
	stop      chan struct{}
	done      chan struct{}
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// inputSize returns the total size of the named regular files, or 0 when
// any is stdin or not a regular file.
func inputSize(names []string) int64 {
	var n int64
	for _, name := range names {
		if name == "-" {
			return 0
		}
		st, err := os.Stat(name)
		if err != nil || !st.Mode().IsRegular() {
			return 0
		}
		n += st.Size()
	}
	return n
}

func startProgress(w io.Writer, total int64) *progress {
	p := &progress{w: w, start: time.Now(), total: total, stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(p.done)
		t := time.NewTicker(500 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				p.print(false)
			case <-p.stop:
				p.print(true)
				return
			}
		}
	}()
	return p
}

func (p *progress) print(final bool) {
	el := time.Since(p.start).Seconds()
	s := p.sentences.Load()
	line := fmt.Sprintf("\rgeostance: %d documents, %d sentences, %.0f sentences/s", p.docs.Load(), s, float64(s)/max(el, 1e-9))
	if r := p.read.Load(); p.total > 0 && r > 0 && !final {
		left := el * float64(p.total-r) / float64(r)
		line += fmt.Sprintf(", %d%%, about %s left", 100*r/p.total, time.Duration(left*float64(time.Second)).Round(time.Second))
	}
	if final {
		line += "\n"
	}
	fmt.Fprint(p.w, line+"\x1b[K")
}

func (p *progress) finish() {
	if p == nil {
		return
	}
	close(p.stop)
	<-p.done
}

// countingReader counts the bytes read through it into n.
type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c countingReader) Read(b []byte) (int, error) {
	k, err := c.r.Read(b)
	c.n.Add(int64(k))
	return k, err
}
