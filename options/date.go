package options

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"time"
)

// Date is a calendar date without a time of day or a time zone, as the
// service writes birth, issue and registration dates. Its JSON form is
// "YYYY-MM-DD"; the zero Date is unset and is omitted when encoding.
type Date struct {
	Year  int        // the year, such as 2024
	Month time.Month // the month, January to December
	Day   int        // the day of the month, from 1
}

// dateLayout is the wire layout of a Date.
const dateLayout = "2006-01-02"

// NewDate returns the Date of the given year, month and day.
func NewDate(year int, month time.Month, day int) Date {
	return Date{Year: year, Month: month, Day: day}
}

// DateOf returns the calendar date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{Year: y, Month: m, Day: d}
}

// ParseDate parses a "YYYY-MM-DD" string. A date-time such as
// "2001-01-09T00:00:00" is accepted too and its date part is kept.
func ParseDate(s string) (Date, error) {
	if len(s) > len(dateLayout) && s[len(dateLayout)] == 'T' {
		s = s[:len(dateLayout)]
	}
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return Date{}, fmt.Errorf("options: invalid date %q: want YYYY-MM-DD", s)
	}
	return DateOf(t), nil
}

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d == Date{} }

// Time returns midnight UTC of d.
func (d Date) Time() time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
}

// After reports whether d is later than e.
func (d Date) After(e Date) bool { return d.Time().After(e.Time()) }

// String returns d as "YYYY-MM-DD", or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return string(d.appendTo(make([]byte, 0, len(dateLayout))))
}

// appendTo appends d as "YYYY-MM-DD" to b.
func (d Date) appendTo(b []byte) []byte {
	pad := func(b []byte, n, width int) []byte {
		for w, v := 1, 10; w < width; w, v = w+1, v*10 {
			if n < v {
				b = append(b, '0')
			}
		}
		return strconv.AppendInt(b, int64(n), 10)
	}
	b = pad(b, d.Year, 4)
	b = append(b, '-')
	b = pad(b, int(d.Month), 2)
	b = append(b, '-')
	return pad(b, d.Day, 2)
}

// MarshalJSON writes d as "YYYY-MM-DD" (null for the zero Date, which
// omitzero leaves out of every struct of this package).
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	b := make([]byte, 0, len(dateLayout)+2)
	b = append(b, '"')
	b = d.appendTo(b)
	return append(b, '"'), nil
}

// UnmarshalJSON reads "YYYY-MM-DD" (or a date-time, keeping its date);
// null and "" leave d unset.
func (d *Date) UnmarshalJSON(b []byte) error {
	if bytes.Equal(b, []byte("null")) {
		*d = Date{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("options: a date must be a string: %w", err)
	}
	if s == "" {
		*d = Date{}
		return nil
	}
	parsed, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = parsed
	return nil
}
