package realtytest

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"

	"github.com/go-realty/realty/options"
)

// Codes of the Error bodies that the fake answers with.
const (
	codeBadRequest         = "badRequest"
	codeValidation         = "validation"
	codeInvalidCredentials = "invalidCredentials"
	codeUnauthorized       = "unauthorized"
	codeForbidden          = "forbidden"
	codeNotFound           = "notFound"
	codeMethodNotAllowed   = "methodNotAllowed"
	codeInvalidState       = "invalidState"
	codeTooLarge           = "tooLarge"
	codeInjected           = "injectedFault"
	codeUnavailable        = "unavailable"
)

// maxJSONBody caps the JSON bodies the fake reads; uploads of bytes are
// streamed to disk instead and have no cap.
const maxJSONBody = 8 << 20

// writeJSON answers status with v encoded as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		body, _ = json.Marshal(options.Problem{
			Code:    "internal",
			Message: "realtytest: cannot encode the answer: " + err.Error(),
		})
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// writeProblem answers status with p as the Error body.
func writeProblem(w http.ResponseWriter, status int, p options.Problem) {
	writeJSON(w, status, p)
}

// writeError answers status with an Error body built from its parts.
func writeError(w http.ResponseWriter, status int, code, target, format string, args ...any) {
	writeProblem(w, status, options.Problem{
		Code:    code,
		Message: fmt.Sprintf(format, args...),
		Target:  target,
	})
}

// readJSON decodes a request's JSON body into v, answering 400 (or 413
// for a body over maxJSONBody) and returning false when it cannot.
func readJSON(w http.ResponseWriter, r *http.Request, v any) bool {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxJSONBody))
	if err == nil {
		err = json.Unmarshal(body, v)
	}
	if err == nil {
		return true
	}
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		writeError(w, http.StatusRequestEntityTooLarge, codeTooLarge, "body",
			"the body is larger than %d bytes", tooLarge.Limit)
		return false
	}
	writeError(w, http.StatusBadRequest, codeBadRequest, "body",
		"the body is not valid JSON: %v", err)
	return false
}
