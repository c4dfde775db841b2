package options

import (
	"errors"
	"fmt"
	"strings"
)

// Problem is the service's error object: the body of a 400 answer, the
// error of a failed docflow, and each entry of a [ValidationError]. Target
// names the resource or field at fault as a dotted path
// ("options.object.cadastralNumber"); Errors holds nested problems.
type Problem struct {
	// Code classifies the problem, such as "validation" or "required".
	Code string `json:"code,omitempty"`
	// Message explains the problem to a person.
	Message string `json:"message,omitempty"`
	// Target is the resource or the dotted path of the field at fault.
	Target string `json:"target,omitempty"`
	// Context holds extra attributes the service adds.
	Context map[string]any `json:"context,omitempty"`
	// Errors are the nested problems, one per field at fault.
	Errors []Problem `json:"errors,omitempty"`
}

// Error returns the problem as "target: message (code)", followed by its
// nested problems.
func (p Problem) Error() string {
	var b strings.Builder
	p.write(&b)
	return b.String()
}

func (p Problem) write(b *strings.Builder) {
	if p.Target != "" {
		b.WriteString(p.Target)
		b.WriteString(": ")
	}
	b.WriteString(p.Message)
	if p.Message == "" {
		b.WriteString("(no message)")
	}
	if p.Code != "" {
		fmt.Fprintf(b, " (%s)", p.Code)
	}
	for i, nested := range p.Errors {
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString("; ")
		}
		nested.write(b)
	}
}

// ValidationError lists every problem that Validate found in a set of
// options. It has the shape of the service's own 400 answer (code
// "validation", one nested Problem per field), so that one handler can
// serve both.
type ValidationError struct {
	// Problem has code "validation", target "options", and one nested
	// problem per field at fault.
	Problem
}

// Error returns the summary and every problem on one line.
func (e *ValidationError) Error() string {
	var b strings.Builder
	b.WriteString(e.Message)
	for i, p := range e.Errors {
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString("; ")
		}
		p.write(&b)
	}
	return b.String()
}

// ErrInvalid is matched by errors.Is on every *ValidationError.
var ErrInvalid = errors.New("invalid request")

// Is reports whether target is ErrInvalid.
func (e *ValidationError) Is(target error) bool { return target == ErrInvalid }
