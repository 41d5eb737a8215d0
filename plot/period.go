package plot

import (
	"fmt"
	"strconv"
	"time"

	"github.com/geostance/geostance/stance/summary"
)

// granularity is the calendar unit of a period value, as written by
// stance/summary: day 2006-01-02, week 2006-W01, month 2006-01,
// quarter 2006-Q1, half 2006-H1, year 2006.
type granularity uint8

const (
	noPeriod granularity = iota
	gDay
	gWeek
	gMonth
	gQuarter
	gHalf
	gYear
)

// axisName is the x axis label of a granularity.
func (g granularity) axisName() string {
	return [...]string{"period", "day", "ISO week", "month", "quarter", "half-year", "year"}[g]
}

// perName is used in titles: "per month".
func (g granularity) perName() string {
	return [...]string{"period", "day", "week", "month", "quarter", "half-year", "year"}[g]
}

// epochMonday is a Monday, so that whole weeks since it number ISO weeks.
var epochMonday = time.Date(1970, 1, 5, 0, 0, 0, 0, time.UTC)

// parsePeriod returns the granularity of a period value and its ordinal:
// consecutive periods of one granularity have consecutive ordinals, so a
// gap in the data is a gap on the axis. The value "undated" yields
// noPeriod and a nil error: it is valid output, it just has no place in time.
func parsePeriod(v string) (g granularity, ord int, err error) {
	if v == summary.Undated {
		return noPeriod, 0, nil
	}
	bad := func() (granularity, int, error) {
		return noPeriod, 0, fmt.Errorf("period %q is not a day, week, month, quarter, half-year or year", v)
	}
	if len(v) < 4 {
		return bad()
	}
	y, ok := digits(v[:4])
	if !ok {
		return bad()
	}
	rest := v[4:]
	switch {
	case rest == "":
		return gYear, y, nil
	case len(rest) == 3 && rest[0] == '-' && (rest[1] == 'H' || rest[1] == 'Q'):
		n, ok := digits(rest[2:])
		if rest[1] == 'H' && ok && n >= 1 && n <= 2 {
			return gHalf, y*2 + n - 1, nil
		}
		if rest[1] == 'Q' && ok && n >= 1 && n <= 4 {
			return gQuarter, y*4 + n - 1, nil
		}
	case len(rest) == 3 && rest[0] == '-':
		if m, ok := digits(rest[1:]); ok && m >= 1 && m <= 12 {
			return gMonth, y*12 + m - 1, nil
		}
	case len(rest) == 4 && rest[:2] == "-W":
		w, ok := digits(rest[2:])
		if !ok || w < 1 || w > 53 {
			return bad()
		}
		// Monday of ISO week 1 is the Monday on or before 4 January.
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(w-1))
		if yy, ww := monday.ISOWeek(); yy != y || ww != w {
			return noPeriod, 0, fmt.Errorf("period %q: year %d has no ISO week %d", v, y, w)
		}
		return gWeek, int(monday.Sub(epochMonday).Hours()) / (24 * 7), nil
	case len(rest) == 6 && rest[0] == '-' && rest[3] == '-':
		t, err := time.Parse("2006-01-02", v)
		if err != nil {
			return bad()
		}
		return gDay, int(t.Sub(epochMonday).Hours() / 24), nil
	}
	return bad()
}

// digits parses a string of ASCII digits only (no sign, no spaces).
func digits(s string) (int, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// periodLabel formats an ordinal of g back into its period value.
func periodLabel(g granularity, ord int) string {
	switch g {
	case gDay:
		return epochMonday.AddDate(0, 0, ord).Format("2006-01-02")
	case gWeek:
		y, w := epochMonday.AddDate(0, 0, 7*ord).ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	case gMonth:
		return fmt.Sprintf("%04d-%02d", floorDiv(ord, 12), ord-12*floorDiv(ord, 12)+1)
	case gQuarter:
		return fmt.Sprintf("%04d-Q%d", floorDiv(ord, 4), ord-4*floorDiv(ord, 4)+1)
	case gHalf:
		return fmt.Sprintf("%04d-H%d", floorDiv(ord, 2), ord-2*floorDiv(ord, 2)+1)
	case gYear:
		return fmt.Sprintf("%04d", ord)
	}
	return ""
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}
