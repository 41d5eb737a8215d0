package segment

import (
	"errors"
	"io"
)

var errBadRead = errors.New("segment: reader returned an invalid count")

// Scanner reads the sentences of a stream with bounded memory, in the manner
// of bufio.Scanner with Split as its split function. It holds at most about
// MaxSentence plus a few kilobytes of input. Successive calls to Scan step
// through the sentences; Text and Span describe the current one. A Scanner
// agrees exactly with Sentences on the same input as long as no sentence is
// longer than MaxSentence.
type Scanner struct {
	r    io.Reader
	buf  []byte
	a, b int   // unread data is buf[a:b]
	off  int   // stream offset of buf[a]
	eof  bool  // r returned io.EOF or an error: no more reads
	err  error // first error other than io.EOF
	tok  []byte
	span Span
	done bool
	// need is how much unread data Split last saw without deciding. Reads
	// continue until the unread data has grown by half, so that a long
	// sentence delivered in small reads is not rescanned once per read.
	need int
}

// NewScanner returns a Scanner reading from r.
func NewScanner(r io.Reader) *Scanner {
	return &Scanner{r: r}
}

// Scan advances to the next sentence, which is then available through Text
// and Span. It returns false when the input is exhausted or an error
// occurred; Err tells which.
func (s *Scanner) Scan() bool {
	if s.done {
		return false
	}
	for {
		if s.b > s.a || s.eof {
			data := s.buf[s.a:s.b]
			adv, _, err := Split(data, s.eof)
			if err != nil {
				s.err = err
				return s.stop()
			}
			if adv > 0 {
				seg := data[:adv]
				segOff := s.off
				s.a += adv
				s.off += adv
				if x, y := trim(seg); x < y {
					s.tok = seg[x:y]
					s.span = Span{segOff + x, segOff + y}
					return true
				}
				continue
			}
			if s.eof {
				return s.stop()
			}
			s.need = len(data)
		}
		if err := s.fill(); err != nil {
			// Like bufio.Scanner, split what was read before the error
			// as if the input ended there, then report the error.
			s.err = err
			s.eof = true
		}
	}
}

func (s *Scanner) stop() bool {
	s.done = true
	s.tok = nil
	return false
}

// fill reads more data, first making room: unread data moves to the front
// of the buffer, which grows up to maxBuffer bytes. Like bufio.Scanner it
// returns after the first read that yields data, so that sentences from an
// interactive stream are delivered as soon as they are complete; only while
// more than 4 KiB are pending does it read on until they have grown by half.
func (s *Scanner) fill() error {
	if s.a > 0 {
		n := copy(s.buf, s.buf[s.a:s.b])
		s.a, s.b = 0, n
	}
	if s.b == len(s.buf) {
		if len(s.buf) >= maxBuffer {
			return ErrSentenceTooLong // unreachable: Split reports it first
		}
		size := min(max(2*len(s.buf), 4096), maxBuffer)
		nb := make([]byte, size)
		copy(nb, s.buf[:s.b])
		s.buf = nb
	}
	for empty := 0; s.b < len(s.buf); {
		n, err := s.r.Read(s.buf[s.b:])
		if n < 0 || n > len(s.buf)-s.b {
			return errBadRead
		}
		s.b += n
		if err == io.EOF {
			s.eof = true
			return nil
		}
		if err != nil {
			return err
		}
		if n > 0 {
			if pending := s.b - s.a; pending < 4096 || pending >= s.need+s.need/2 {
				return nil
			}
			empty = 0
			continue
		}
		if empty++; empty >= 100 {
			return io.ErrNoProgress
		}
	}
	return nil
}

// Text returns the current sentence, trimmed of surrounding whitespace.
func (s *Scanner) Text() string { return string(s.tok) }

// Span returns the byte range of the current sentence, trimmed of
// surrounding whitespace, as offsets from the start of the stream.
func (s *Scanner) Span() Span { return s.span }

// Err returns the first error met by the Scanner: nil at a clean end of
// input, ErrSentenceTooLong when a sentence is longer than MaxSentence, or
// the error of the underlying reader.
func (s *Scanner) Err() error { return s.err }
