package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/go-realty/realty"
	"github.com/go-realty/realty/options"
)

// usageError is a wrong command line: exit status 2.
type usageError struct{ msg string }

// Error returns the message.
func (e *usageError) Error() string { return e.msg }

// usageErrorf returns a usage error with a formatted message.
func usageErrorf(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// isUsage reports whether err is, or wraps, a usage error.
func isUsage(err error) bool {
	var u *usageError
	return errors.As(err, &u)
}

// printError writes err on standard error: a summary line, then each
// nested problem on its own line, then the HTTP status of an answer of
// the service.
func (a *app) printError(err error) { writeError(a.stderr, err) }

// writeError writes err to w as printError describes.
func writeError(w io.Writer, err error) {
	summary, nested, status := describeError(err)
	fmt.Fprintf(w, "error: %s\n", summary)
	writeProblems(w, nested, "  ")
	if status != 0 {
		fmt.Fprintf(w, "HTTP status: %d\n", status)
	}
}

// describeError splits err into a summary line, its nested problems and
// the HTTP status of the service's answer (0 when there was none). The
// summary keeps what wraps the error (such as "login failed") and leaves
// the nested problems, which Error would join into it, to their lines.
func describeError(err error) (summary string, nested []realty.Problem, status int) {
	summary = err.Error()
	var apiErr *realty.APIError
	var valErr *realty.ValidationError
	var failure *docflowFailure
	switch {
	case errors.As(err, &apiErr):
		short := fmt.Sprintf("%s %s: %d %s", apiErr.Method, apiErr.Path,
			apiErr.StatusCode, http.StatusText(apiErr.StatusCode))
		switch {
		case apiErr.Message != "" || apiErr.Code != "":
			top := apiErr.Problem
			top.Errors = nil
			short += ": " + problemLine(top)
		case apiErr.Excerpt != "":
			short += fmt.Sprintf(": %q", apiErr.Excerpt)
		}
		summary = strings.Replace(summary, apiErr.Error(), short, 1)
		return summary, apiErr.Errors, apiErr.StatusCode
	case errors.As(err, &valErr):
		summary = strings.Replace(summary, valErr.Error(), valErr.Message, 1)
		return summary, valErr.Errors, 0
	case errors.As(err, &failure) && failure.docflow.Error != nil:
		return summary, failure.docflow.Error.Errors, 0
	}
	return summary, nil, 0
}

// problemLine renders a problem without its nested problems:
// "target: message (code)".
func problemLine(p realty.Problem) string {
	var b strings.Builder
	if p.Target != "" {
		b.WriteString(p.Target + ": ")
	}
	b.WriteString(p.Message)
	if p.Message == "" {
		b.WriteString("(no message)")
	}
	if p.Code != "" {
		fmt.Fprintf(&b, " (%s)", p.Code)
	}
	return b.String()
}

// writeProblems writes each problem on its own line, and its nested
// problems below it, further indented.
func writeProblems(w io.Writer, problems []realty.Problem, indent string) {
	for _, p := range problems {
		fmt.Fprintf(w, "%s%s\n", indent, problemLine(p))
		writeProblems(w, p.Errors, indent+"  ")
	}
}

// warnf writes a warning on standard error.
func (a *app) warnf(format string, args ...any) {
	fmt.Fprintf(a.stderr, "warning: "+format+"\n", args...)
}

// printResult writes a result on standard output: v as one line of JSON
// with --json, else what human writes.
func (a *app) printResult(v any, human func(w io.Writer)) error {
	if a.globals.json {
		return a.printJSON(v)
	}
	human(a.stdout)
	return nil
}

// printJSON writes v as one line of JSON on standard output.
func (a *app) printJSON(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(a.stdout, "%s\n", b)
	return err
}

// printDocflow writes a docflow: JSON with --json, else its id, type,
// state and request id, and what it waits for or has produced.
func (a *app) printDocflow(d *realty.Docflow) error {
	return a.printResult(d, func(w io.Writer) { writeDocflow(w, d) })
}

// writeDocflow writes the human-readable form of a docflow.
func writeDocflow(w io.Writer, d *realty.Docflow) {
	fmt.Fprintf(w, "docflow     %s\n", d.ID)
	fmt.Fprintf(w, "type        %s\n", d.Type)
	fmt.Fprintf(w, "state       %s\n", d.State)
	if d.RequestID != "" {
		fmt.Fprintf(w, "request id  %s\n", d.RequestID)
	}
	if d.Error != nil {
		fmt.Fprintf(w, "error       %s\n", problemLine(*d.Error))
		writeProblems(w, d.Error.Errors, "  ")
	}
	if d.Requirements != nil {
		writeRequirements(w, d.Requirements)
	}
	if d.Result != nil && len(d.Result.Files) > 0 {
		fmt.Fprintln(w, "result files (realty download ID):")
		for _, f := range d.Result.Files {
			fmt.Fprintf(w, "  %-28s %s\n", f.Type, f.ID)
		}
	}
}

// writeRequirements writes the signatures and state fees that a docflow
// waits for.
func writeRequirements(w io.Writer, r *realty.Requirements) {
	if len(r.Signature) > 0 {
		fmt.Fprintln(w, "to sign (realty sign ID FILE_ID SIGNATURE_FILE):")
	}
	for _, s := range r.Signature {
		fmt.Fprintf(w, "  %s\n", personName(s.Person))
		for _, f := range s.Files {
			fmt.Fprintf(w, "    %-12s %s\n", f.Type, f.ID)
		}
	}
	if len(r.Payment) > 0 {
		fmt.Fprintln(w, "to pay:")
	}
	for _, p := range r.Payment {
		fmt.Fprintf(w, "  state fee %s roubles, payment id (UIN) %s\n", p.Amount, p.UIN)
	}
}

// personName is a signer's full name, with the caller's person id when
// there is one.
func personName(p options.Person) string {
	name := strings.Join(strings.Fields(p.Surname+" "+p.Name+" "+p.Patronymic), " ")
	if p.PersonID != "" {
		name += " (personId " + p.PersonID + ")"
	}
	if name == "" {
		return "(unnamed)"
	}
	return name
}
