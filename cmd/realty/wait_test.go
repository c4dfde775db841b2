package main

import (
	"strings"
	"testing"

	"github.com/go-realty/realty"
	"github.com/go-realty/realty/realtytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWaitShowsEachStateAndEndsWhenCompleted(t *testing.T) {
	srv := fake(t, realtytest.WithAutoAdvance())
	d := createDocflow(t, srv, "object_request", "testdata/object_request.json")

	out := runCLI(t, on(srv, "wait", "--poll", "10ms", d.ID)...)
	requireCode(t, exitOK, out)
	prefix := "docflow " + d.ID + ": "
	assert.Equal(t, prefix+"queued\n"+prefix+"sent\n"+prefix+"completed\n", out.stderr,
		"one line per change when standard error is no terminal")
	assert.Contains(t, out.stdout, "state       completed\n")
	assert.Contains(t, out.stdout, "result files (realty download ID):\n")
}

func TestWaitPrintsJSON(t *testing.T) {
	srv := fake(t, realtytest.WithAutoAdvance())
	d := createDocflow(t, srv, "object_request", "testdata/object_request.json")
	out := runCLI(t, on(srv, "--json", "wait", "--poll", "10ms", d.ID)...)
	requireCode(t, exitOK, out)
	done := decode[realty.Docflow](t, out.stdout)
	assert.Equal(t, realty.StateCompleted, done.State)
	require.NotNil(t, done.Result)
	assert.NotEmpty(t, done.Result.Files)
}

func TestWaitForAFailedDocflowExitsOneWithItsError(t *testing.T) {
	srv := fake(t)
	d := createDocflow(t, srv, "object_request", "testdata/object_request.json")
	require.NoError(t, srv.Fail(d.ID, "refused", "no such property in the register"))

	out := runCLI(t, on(srv, "wait", "--poll", "10ms", d.ID)...)
	requireCode(t, exitError, out)
	assert.Contains(t, out.stdout, "state       error\n")
	assert.True(t, strings.HasSuffix(out.stderr, "error: docflow "+d.ID+
		" ended in error: no such property in the register (refused)\n"), out.stderr)
}

func TestWaitStopsAtRequirements(t *testing.T) {
	srv := fake(t, realtytest.WithAutoAdvance())
	d := createDocflow(t, srv, "right_movement_request", registrationFile)
	out := runCLI(t, on(srv, "wait", "--poll", "10ms", d.ID)...)
	requireCode(t, exitError, out)
	assert.Contains(t, out.stdout, "to sign (realty sign ID FILE_ID SIGNATURE_FILE):\n")
	assert.Contains(t, out.stderr, "error: docflow "+d.ID+
		" is suspended: it waits for the requirements printed above\n")
}

func TestWaitGivesUpAfterTheTimeout(t *testing.T) {
	srv := fake(t)
	d := createDocflow(t, srv, "object_request", "testdata/object_request.json")
	out := runCLI(t, on(srv, "wait", "--timeout", "150ms", "--poll", "20ms", d.ID)...)
	requireCode(t, exitError, out)
	assert.Contains(t, out.stderr, "error: gave up waiting for docflow "+d.ID+
		" after 150ms; it is queued\n")
}

func TestWaitErrors(t *testing.T) {
	srv := fake(t)
	out := runCLI(t, on(srv, "wait", "--poll", "10ms", "missing")...)
	requireCode(t, exitError, out)
	assert.Contains(t, out.stderr, "HTTP status: 404\n")

	out = runCLI(t, on(srv, "wait", "--poll", "0s", "missing")...)
	requireCode(t, exitUsage, out)
	assert.Contains(t, out.stderr, "--poll must be positive")
}
