package lexicon

import (
	"errors"
	"fmt"
)

// maxErrors caps how many problems Parse collects before it gives up, as
// go/scanner's ErrorList does: past this a file is more likely the wrong
// format than a file with typos.
const maxErrors = 20

// ParseError is a problem at a position in a data file. Line and Col are
// 1-based; Col counts bytes, as text/scanner does, and is 0 when the whole
// line is at fault.
type ParseError struct {
	File string
	Line int
	Col  int
	Msg  string
	Err  error // underlying cause, if any (for example *strconv.NumError)
}

func (e *ParseError) Error() string {
	if e.Col > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

func (e *ParseError) Unwrap() error { return e.Err }

// errorList accumulates ParseErrors up to maxErrors.
type errorList struct {
	errs []error
}

// add records a problem and reports whether more may be added.
func (l *errorList) add(e *ParseError) bool {
	if len(l.errs) >= maxErrors {
		return false
	}
	l.errs = append(l.errs, e)
	if len(l.errs) == maxErrors {
		l.errs = append(l.errs, fmt.Errorf("%s: too many errors", e.File))
		return false
	}
	return true
}

func (l *errorList) err() error { return errors.Join(l.errs...) }
