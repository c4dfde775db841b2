package main

import (
	"bytes"
	"errors"
	"fmt"
	"testing"

	"github.com/go-realty/realty"
	"github.com/stretchr/testify/assert"
)

// errorText returns what the command prints for err.
func errorText(err error) string {
	var b bytes.Buffer
	writeError(&b, err)
	return b.String()
}

func TestErrorOfTheServiceListsEveryNestedProblemAndTheStatus(t *testing.T) {
	err := &realty.APIError{StatusCode: 400, Method: "POST", Path: "/docflows/object_request",
		Problem: realty.Problem{Code: "validation", Message: "Failed to validate input request",
			Target: "api", Errors: []realty.Problem{
				{Code: "validation", Message: "must not be null",
					Target: "objectRequest.options.cadastralNumber"},
				{Message: "is wrong", Target: "objectRequest.options.type", Errors: []realty.Problem{
					{Message: "deeper", Target: "x.y"},
				}},
			}}}
	assert.Equal(t, "error: POST /docflows/object_request: 400 Bad Request: "+
		"api: Failed to validate input request (validation)\n"+
		"  objectRequest.options.cadastralNumber: must not be null (validation)\n"+
		"  objectRequest.options.type: is wrong\n"+
		"    x.y: deeper\n"+
		"HTTP status: 400\n", errorText(err))
}

func TestErrorKeepsWhatWrapsIt(t *testing.T) {
	err := fmt.Errorf("realty: login failed: %w", &realty.APIError{StatusCode: 502,
		Method: "POST", Path: "/auth", Excerpt: "<html>bad gateway</html>"})
	assert.Equal(t, "error: realty: login failed: POST /auth: 502 Bad Gateway: "+
		`"<html>bad gateway</html>"`+"\nHTTP status: 502\n", errorText(err))
}

func TestErrorOfAFailedDocflow(t *testing.T) {
	err := &docflowFailure{docflow: &realty.Docflow{ID: "d-1", State: realty.StateError,
		Error: &realty.Problem{Code: "refused", Message: "refused by the register",
			Errors: []realty.Problem{{Target: "options.object", Message: "no such object"}}}}}
	assert.Equal(t, "error: docflow d-1 ended in error: refused by the register (refused)\n"+
		"  options.object: no such object\n", errorText(err))
}

func TestPlainError(t *testing.T) {
	assert.Equal(t, "error: something broke\n", errorText(errors.New("something broke")))
}

func TestPosition(t *testing.T) {
	data := []byte("ab\ncd\n")
	for offset, want := range map[int64]string{0: "1:1", 1: "1:1", 2: "1:2", 5: "2:2", 99: "3:1"} {
		assert.Equal(t, want, position(data, offset), "offset %d", offset)
	}
}
