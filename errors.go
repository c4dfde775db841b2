package realty

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/go-realty/realty/options"
)

// Problem is the service's error object: code, message, the dotted path
// of the resource or field at fault (Target), extra attributes (Context)
// and nested problems. An APIError, a failed docflow and a client-side
// ValidationError all carry it.
type Problem = options.Problem

// ValidationError lists every problem that client-side validation found
// in a docflow's options, before anything was sent. Its shape is that of
// the service's 400 answer, so one handler of Problems serves both.
type ValidationError = options.ValidationError

// Sentinel errors for the answers that callers branch on. Match them with
// errors.Is; use errors.As with *APIError for the details.
var (
	// ErrUnauthorized: no valid session (401), or the login was refused.
	ErrUnauthorized = errors.New("realty: unauthorized")
	// ErrForbidden: access for this account is restricted (403).
	ErrForbidden = errors.New("realty: forbidden")
	// ErrNotFound: no such docflow, file or content (404).
	ErrNotFound = errors.New("realty: not found")
	// ErrValidation: the request is invalid, found by the service (400)
	// or by the client's own validation before sending.
	ErrValidation = options.ErrInvalid
	// ErrNotSupported: the register does not accept this request yet
	// (501).
	ErrNotSupported = errors.New("realty: not supported by the register yet")
	// ErrRateLimited: too many requests (429), after the retries.
	ErrRateLimited = errors.New("realty: rate limited")
	// ErrServer: the service failed (5xx other than 501), after the
	// retries.
	ErrServer = errors.New("realty: server error")

	// ErrOutcomeUnknown: a submission (creating or sending a docflow)
	// was written to the connection, but no answer came. The service
	// may or may not have processed it; it is not repeated, so that
	// nothing is filed twice. Look the request up in the news feed by
	// its requestId before filing it again.
	ErrOutcomeUnknown = errors.New("realty: the request was sent but its outcome is unknown")

	// ErrResponseTooLarge: an answer was larger than the limit set with
	// WithMaxResponseSize.
	ErrResponseTooLarge = errors.New("realty: answer too large")
)

// APIError is a non-2xx answer of the service. Its embedded Problem
// holds the error object of the answer's body; when the body was empty
// or not such an object (an HTML page of a proxy, say), Excerpt holds
// the start of the body instead.
type APIError struct {
	// StatusCode is the HTTP status of the answer.
	StatusCode int
	// Method is the HTTP method of the request.
	Method string
	// Path is the request's path, relative to the base URL and without
	// the query.
	Path string
	// Problem is the error object of the answer's body; zero when the
	// body held none (see Excerpt).
	Problem
	// Excerpt is at most 512 bytes of a body that was not an error
	// object.
	Excerpt string

	login bool // the answer refused a login
}

// Error describes the answer: status, request and the service's
// problem.
func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "realty: %s %s: %d %s", e.Method, e.Path, e.StatusCode, http.StatusText(e.StatusCode))
	switch {
	case e.Message != "" || e.Code != "" || len(e.Errors) > 0:
		b.WriteString(": ")
		b.WriteString(e.Problem.Error())
	case e.Excerpt != "":
		fmt.Fprintf(&b, ": %q", e.Excerpt)
	}
	return b.String()
}

// Is matches the sentinel errors of this package by status.
func (e *APIError) Is(target error) bool {
	switch target {
	case ErrUnauthorized:
		return e.StatusCode == http.StatusUnauthorized ||
			e.login && (e.StatusCode == http.StatusBadRequest || e.StatusCode == http.StatusForbidden)
	case ErrForbidden:
		return e.StatusCode == http.StatusForbidden
	case ErrNotFound:
		return e.StatusCode == http.StatusNotFound
	case ErrValidation:
		return e.StatusCode == http.StatusBadRequest && !e.login
	case ErrNotSupported:
		return e.StatusCode == http.StatusNotImplemented
	case ErrRateLimited:
		return e.StatusCode == http.StatusTooManyRequests
	case ErrServer:
		return e.StatusCode >= 500 && e.StatusCode != http.StatusNotImplemented
	}
	return false
}

// Problems returns the nested problems of err when it is an *APIError or
// a *ValidationError (each with the dotted Target of a field), or nil.
func Problems(err error) []Problem {
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		if len(apiErr.Errors) > 0 {
			return apiErr.Errors
		}
		if apiErr.Message != "" {
			return []Problem{apiErr.Problem}
		}
		return nil
	}
	var valErr *ValidationError
	if errors.As(err, &valErr) {
		return valErr.Errors
	}
	return nil
}

// DecodeError reports a 2xx answer whose body could not be read as the
// expected JSON.
type DecodeError struct {
	// Method is the HTTP method of the request.
	Method string
	// Path is the request's path, relative to the base URL and without
	// the query.
	Path string
	// Status is the HTTP status of the answer, a 2xx code.
	Status int
	// Err is why the body could not be read: a JSON error, or a
	// required value (such as an id) that the answer lacked.
	Err error
}

// Error describes the request and the decoding failure.
func (e *DecodeError) Error() string {
	return fmt.Sprintf("realty: %s %s: %d answer is not the expected JSON: %v", e.Method, e.Path, e.Status, e.Err)
}

// Unwrap returns the decoding error.
func (e *DecodeError) Unwrap() error { return e.Err }
