package dict

import (
	"errors"
	"fmt"
)

// maxErrors caps how many problems Read and Check report. Past this many
// a file is more likely in the wrong format than a file with a few typos,
// and a 100,000-line mistake should not produce 100,000 messages.
const maxErrors = 50

// Error is a problem at a position in a dictionary file. Line and Col are
// 1-based; Col counts bytes from the start of the line, as text/scanner
// does, and is 0 when the whole line is at fault.
type Error struct {
	File string
	Line int
	Col  int
	Msg  string
}

// Error renders the problem as "FILE:LINE:COL: msg", or "FILE:LINE: msg"
// when Col is 0, the form editors and CI logs turn into links.
func (e *Error) Error() string {
	if e.Col > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// errTooMany marks a truncated error list; callers may test for it with
// errors.Is.
var errTooMany = errors.New("too many errors")

// errorList collects problems up to maxErrors, then a final marker.
type errorList struct {
	file string
	errs []error
	full bool
}

func (l *errorList) add(line, col int, format string, args ...any) {
	if l.full {
		return
	}
	if len(l.errs) == maxErrors {
		l.errs = append(l.errs, fmt.Errorf("%s: %w", l.file, errTooMany))
		l.full = true
		return
	}
	l.errs = append(l.errs, &Error{File: l.file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)})
}
