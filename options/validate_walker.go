package options

import (
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
)

// now gives Validate the current time, to tell past dates from future
// ones; tests replace it to pin "today".
var now = time.Now

// walker carries the JSON path of the value being checked and reports
// the problems found under it. A walker is a small value: the path is a
// chain of nodes in the walk's state, each pointing at its parent, so
// that making a walker for a nested field costs an append, and the path
// string is built only when a problem is reported. Walkers made for
// different fields never disturb each other, whatever order they are
// used in.
type walker struct {
	walk *walk
	node int32 // index in walk.nodes; -1 at the options root
}

// walk is the state one Validate call shares among its walkers.
type walk struct {
	nodes []pathNode
	found []Problem
	today Date
}

// pathNode is one step of a path: a member key, or with key "" an
// array index.
type pathNode struct {
	parent int32
	index  int32
	key    string
}

// walks keeps the state of finished walks for the next Validate, so that
// validating allocates nothing for paths in the common case.
var walks = sync.Pool{New: func() any { return &walk{nodes: make([]pathNode, 0, 256)} }}

// newWalker starts a walk at the options root. Its result method ends
// the walk.
func newWalker() walker {
	wk := walks.Get().(*walk)
	wk.today = DateOf(now())
	return walker{walk: wk, node: -1}
}

// field returns a walker for the member key of the current object.
func (w walker) field(key string) walker {
	return w.push(pathNode{parent: w.node, key: key})
}

// elem returns a walker for element i of the current array.
func (w walker) elem(i int) walker {
	return w.push(pathNode{parent: w.node, index: int32(i)})
}

func (w walker) push(n pathNode) walker {
	w.walk.nodes = append(w.walk.nodes, n)
	return walker{walk: w.walk, node: int32(len(w.walk.nodes) - 1)}
}

// path returns the dotted path, such as "options.seller.shares[1].owner".
func (w walker) path() string {
	var chain []pathNode
	for i := w.node; i >= 0; i = w.walk.nodes[i].parent {
		chain = append(chain, w.walk.nodes[i])
	}
	b := []byte("options")
	for i := len(chain) - 1; i >= 0; i-- {
		if n := chain[i]; n.key != "" {
			b = append(append(b, '.'), n.key...)
		} else {
			b = append(b, '[')
			b = strconv.AppendInt(b, int64(n.index), 10)
			b = append(b, ']')
		}
	}
	return string(b)
}

// report records a problem at the current path. The message must not
// quote the value: values are personal data.
func (w walker) report(code, message string) {
	w.walk.found = append(w.walk.found, Problem{Code: code, Message: message, Target: w.path()})
}

// result returns the collected problems as a *ValidationError, or nil.
func (w walker) result(docflowType string) error {
	found := w.walk.found
	w.walk.found, w.walk.nodes = nil, w.walk.nodes[:0]
	walks.Put(w.walk)
	if len(found) == 0 {
		return nil
	}
	return &ValidationError{Problem: Problem{
		Code:    CodeValidation,
		Message: "invalid " + docflowType + " options",
		Target:  "options",
		Errors:  found,
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
	w.present(!isBlank(s))
}

// isBlank reports whether s holds nothing but white space. Unlike
// strings.TrimSpace it stops at the first other character, which is the
// first one of nearly every value.
func isBlank(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// nonEmpty checks that a required list has at least one element.
func (w walker) nonEmpty(n int) bool {
	if n == 0 {
		w.report(CodeRequired, "must have at least one element")
	}
	return n > 0
}

// format is a documented form that a string value must have, with the
// words that tell the caller what is expected. The checks are written
// out rather than compiled from regular expressions: Validate runs
// before every submission, and a regexp match costs more than the rest
// of a validation. validate_formats_test.go holds the documented regular
// expressions and checks that each format agrees with its own.
type format struct {
	ok   func(string) bool
	want string
}

// The formats the service documents.
var (
	cadastralFormat = format{func(s string) bool {
		c := scanner{s: s}
		return c.digits(2, 2) && c.byte(":") && c.digits(2, 2) && c.byte(":") &&
			c.digits(6, 7) && c.byte(":") && c.digits(1, -1) && c.end()
	}, "a cadastral number such as 47:14:1203001:814"}
	snilsFormat = format{func(s string) bool {
		c := scanner{s: s}
		return c.digits(3, 3) && c.optional("-") && c.digits(3, 3) && c.optional("-") &&
			c.digits(3, 3) && c.optional(" \t\n\f\r") && c.digits(2, 2) && c.end()
	}, "11 digits as 000-000-000 00"}
	issuerCodeFormat = format{func(s string) bool {
		c := scanner{s: s}
		return c.digits(3, 3) && c.optional("-") && c.digits(3, 3) && c.end()
	}, "6 digits as 000-000"}
	innFormat  = format{digitsOnly(10), "10 digits"}
	kppFormat  = format{digitsOnly(9), "9 digits"}
	ogrnFormat = format{func(s string) bool { return digitsOnly(13)(s) || digitsOnly(15)(s) },
		"13 digits (15 for an OGRNIP)"}
	guidFormat = format{func(s string) bool {
		c := scanner{s: s}
		return c.hex(8) && c.byte("-") && c.hex(4) && c.byte("-") && c.hex(4) && c.byte("-") &&
			c.hex(4) && c.byte("-") && c.hex(12) && c.end()
	}, "a GUID such as 00000000-0000-0000-0000-000000000000"}
	decimalFormat = format{func(s string) bool {
		c := scanner{s: s}
		if !c.digits(1, -1) {
			return false
		}
		if c.end() {
			return true
		}
		return c.byte(".,") && c.digits(1, -1) && c.end()
	}, "a decimal number such as 56 or 56.5"}
	wholeFormat = format{func(s string) bool {
		c := scanner{s: s}
		return c.digits(1, -1) && c.end()
	}, "a positive whole number"}
)

// digitsOnly matches exactly n ASCII digits.
func digitsOnly(n int) func(string) bool {
	return func(s string) bool {
		c := scanner{s: s}
		return c.digits(n, n) && c.end()
	}
}

// scanner reads a string from the start, one expected piece at a time.
type scanner struct {
	s string
	i int
}

// digits reads at least lo and at most hi ASCII digits (hi < 0: no
// limit), as many as there are.
func (c *scanner) digits(lo, hi int) bool {
	n := 0
	for c.i < len(c.s) && c.s[c.i] >= '0' && c.s[c.i] <= '9' && (hi < 0 || n < hi) {
		c.i++
		n++
	}
	return n >= lo
}

// hex reads exactly n hexadecimal digits.
func (c *scanner) hex(n int) bool {
	for ; n > 0; n-- {
		if c.i == len(c.s) || !isHex(c.s[c.i]) {
			return false
		}
		c.i++
	}
	return true
}

func isHex(b byte) bool {
	return b >= '0' && b <= '9' || b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F'
}

// byte reads one byte out of set.
func (c *scanner) byte(set string) bool {
	if c.i < len(c.s) && strings.IndexByte(set, c.s[c.i]) >= 0 {
		c.i++
		return true
	}
	return false
}

// optional reads one byte out of set if there is one.
func (c *scanner) optional(set string) bool {
	c.byte(set)
	return true
}

// end reports whether the whole string has been read.
func (c *scanner) end() bool { return c.i == len(c.s) }

// matches checks s against f. An empty s is a problem only when the
// value is required; a value of blanks is never accepted.
func (w walker) matches(s string, required bool, f format) bool {
	if s == "" || (required && isBlank(s)) {
		if required {
			w.report(CodeRequired, "must be set")
		}
		return false
	}
	if !f.ok(s) {
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
	case d.After(w.walk.today):
		w.report(CodeRange, "must not be in the future")
	}
}

// positive checks a decimal string holding a whole number greater than
// zero and returns its digits without leading zeros, and whether it is
// one.
func (w walker) positive(s string) (digits string, ok bool) {
	if !w.matches(s, true, wholeFormat) {
		return "", false
	}
	digits = strings.TrimLeft(s, "0")
	if digits == "" {
		w.report(CodeRange, "must be greater than zero")
		return "", false
	}
	return digits, true
}

// lessDigits compares two whole numbers written without leading zeros,
// of any length.
func lessDigits(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
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
func need[T any](w walker, v *T, check func(walker, *T)) {
	if w.present(!isZero(v)) {
		check(w, v)
	}
}

// maybe checks an optional nested value when it is set.
func maybe[T any](w walker, v *T, check func(walker, *T)) {
	if v != nil {
		check(w, v)
	}
}

// each checks every element of a list, each at its own index.
func each[T any](w walker, items []T, check func(walker, *T)) {
	for i := range items {
		check(w.elem(i), &items[i])
	}
}

// isZero reports whether v is its type's zero value; it also serves
// structs that hold slices and so cannot be compared with ==.
func isZero[T any](v *T) bool {
	return reflect.ValueOf(v).Elem().IsZero()
}
