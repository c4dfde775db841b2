package options

import (
	"math/big"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// now gives Validate the current time, to tell past dates from future
// ones; tests replace it to pin "today".
var now = time.Now

// walker carries the JSON path of the value being checked and collects
// the problems found under it. Copies share one list of problems, so a
// walker for a nested field is made by value (field, elem) and reports
// into the same result.
type walker struct {
	path  string
	found *[]Problem
	today Date
}

// newWalker starts a walk at the options root.
func newWalker() walker {
	return walker{path: "options", found: new([]Problem), today: DateOf(now())}
}

// field returns a walker for the member key of the current object.
func (w walker) field(key string) walker {
	w.path += "." + key
	return w
}

// elem returns a walker for element i of the current array.
func (w walker) elem(i int) walker {
	w.path += "[" + strconv.Itoa(i) + "]"
	return w
}

// report records a problem at the current path. The message must not
// quote the value: values are personal data.
func (w walker) report(code, message string) {
	*w.found = append(*w.found, Problem{Code: code, Message: message, Target: w.path})
}

// result returns the collected problems as a *ValidationError, or nil.
func (w walker) result(docflowType string) error {
	if len(*w.found) == 0 {
		return nil
	}
	return &ValidationError{Problem: Problem{
		Code:    CodeValidation,
		Message: "invalid " + docflowType + " options",
		Target:  "options",
		Errors:  *w.found,
	}}
}

// present reports a missing value and returns whether it is set.
func (w walker) present(set bool) bool {
	if !set {
		w.report(CodeRequired, "must be set")
	}
	return set
}

// text checks a required free-text value; blank counts as missing.
func (w walker) text(s string) {
	w.present(strings.TrimSpace(s) != "")
}

// nonEmpty checks that a required list has at least one element.
func (w walker) nonEmpty(n int) bool {
	if n == 0 {
		w.report(CodeRequired, "must have at least one element")
	}
	return n > 0
}

// format is a pattern that a string value must match, with the words
// that tell the caller what is expected.
type format struct {
	re   *regexp.Regexp
	want string
}

// The formats the service documents.
var (
	cadastralFormat = format{regexp.MustCompile(`^\d{2}:\d{2}:\d{6,7}:\d+$`),
		"a cadastral number such as 47:14:1203001:814"}
	snilsFormat = format{regexp.MustCompile(`^\d{3}-?\d{3}-?\d{3}\s?\d{2}$`),
		"11 digits as 000-000-000 00"}
	issuerCodeFormat = format{regexp.MustCompile(`^\d{3}-?\d{3}$`),
		"6 digits as 000-000"}
	innFormat  = format{regexp.MustCompile(`^\d{10}$`), "10 digits"}
	kppFormat  = format{regexp.MustCompile(`^\d{9}$`), "9 digits"}
	ogrnFormat = format{regexp.MustCompile(`^(\d{13}|\d{15})$`), "13 digits (15 for an OGRNIP)"}
	guidFormat = format{regexp.MustCompile(
		`^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$`),
		"a GUID such as 00000000-0000-0000-0000-000000000000"}
	decimalFormat = format{regexp.MustCompile(`^\d+([.,]\d+)?$`),
		"a decimal number such as 56 or 56.5"}
	wholeFormat = format{regexp.MustCompile(`^\d+$`), "a positive whole number"}
)

// matches checks s against f. An empty s is a problem only when the
// value is required; a value of blanks is never accepted.
func (w walker) matches(s string, required bool, f format) bool {
	if s == "" || (required && strings.TrimSpace(s) == "") {
		if required {
			w.report(CodeRequired, "must be set")
		}
		return false
	}
	if !f.re.MatchString(s) {
		w.report(CodeFormat, "must be "+f.want)
		return false
	}
	return true
}

// pastDate checks the date of an event that has already happened: a
// real calendar date, not after today.
func (w walker) pastDate(d Date, required bool) {
	switch {
	case d.IsZero():
		if required {
			w.report(CodeRequired, "must be set")
		}
	case d.Year < 1 || d.Year > 9999 || DateOf(d.Time()) != d:
		w.report(CodeFormat, "must be a calendar date YYYY-MM-DD")
	case d.After(w.today):
		w.report(CodeRange, "must not be in the future")
	}
}

// positive checks a decimal string holding a whole number greater than
// zero and returns its value, or nil when it is not one.
func (w walker) positive(s string) *big.Int {
	if !w.matches(s, true, wholeFormat) {
		return nil
	}
	n, _ := new(big.Int).SetString(s, 10)
	if n.Sign() == 0 {
		w.report(CodeRange, "must be greater than zero")
		return nil
	}
	return n
}

// exactlyOne reports a group of alternatives (named in names) of which
// not exactly one is set.
func (w walker) exactlyOne(names string, set ...bool) {
	if countSet(set) != 1 {
		w.report(CodeOneOf, "set exactly one of "+names)
	}
}

// atLeastOne reports a group of alternatives (named in names) of which
// none is set.
func (w walker) atLeastOne(names string, set ...bool) {
	if countSet(set) == 0 {
		w.report(CodeOneOf, "set at least one of "+names)
	}
}

func countSet(set []bool) int {
	n := 0
	for _, s := range set {
		if s {
			n++
		}
	}
	return n
}

// notAllowed reports a field that is set where it does not apply; why
// says where it does.
func (w walker) notAllowed(set bool, why string) {
	if set {
		w.report(CodeNotAllowed, "must not be set: "+why)
	}
}

// openEnum is one of this package's enumerations.
type openEnum interface {
	~string
	Known() bool
}

// enumValue checks an enumeration value against the listed values; want
// names them for the message.
func enumValue[E openEnum](w walker, v E, required bool, want string) {
	if v == "" {
		if required {
			w.report(CodeRequired, "must be set")
		}
		return
	}
	if !v.Known() {
		w.report(CodeEnum, "must be "+want)
	}
}

// need checks a required nested value: a zero one is reported as
// missing, any other is handed to check.
func need[T any](w walker, v T, check func(walker, T)) {
	if w.present(!isZero(v)) {
		check(w, v)
	}
}

// maybe checks an optional nested value when it is set.
func maybe[T any](w walker, v *T, check func(walker, T)) {
	if v != nil {
		check(w, *v)
	}
}

// each checks every element of a list, each at its own index.
func each[T any](w walker, items []T, check func(walker, T)) {
	for i, item := range items {
		check(w.elem(i), item)
	}
}

// isZero reports whether v is its type's zero value; it also serves
// structs that hold slices and so cannot be compared with ==.
func isZero[T any](v T) bool {
	return reflect.ValueOf(&v).Elem().IsZero()
}
