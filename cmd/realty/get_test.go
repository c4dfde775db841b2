package main

import (
	"testing"

	"github.com/go-realty/realty"
	"github.com/go-realty/realty/realtytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGetPrintsTheDocflow(t *testing.T) {
	srv := fake(t)
	d := createDocflow(t, srv, "object_request", "testdata/object_request.json")
	_, err := srv.Advance(d.ID)
	require.NoError(t, err)

	out := runCLI(t, on(srv, "get", d.ID)...)
	requireCode(t, exitOK, out)
	assert.Equal(t, "docflow     "+d.ID+"\ntype        object_request\n"+
		"state       sent\nrequest id  extract-1\n", out.stdout)

	out = runCLI(t, on(srv, "--json", "get", d.ID)...)
	requireCode(t, exitOK, out)
	assert.Equal(t, realty.StateSent, decode[realty.Docflow](t, out.stdout).State)
}

func TestGetShowsResultFilesAndErrors(t *testing.T) {
	srv := fake(t)
	done := createDocflow(t, srv, "object_request", "testdata/object_request.json")
	for range 2 {
		_, err := srv.Advance(done.ID)
		require.NoError(t, err)
	}
	out := runCLI(t, on(srv, "get", done.ID)...)
	requireCode(t, exitOK, out)
	assert.Contains(t, out.stdout, "state       completed\nrequest id  extract-1\n"+
		"result files (realty download ID):\n  egrn:outdoc ")

	failed := createDocflow(t, srv, "object_request", "testdata/object_request.json")
	require.NoError(t, srv.Fail(failed.ID, "refused", "the register refused the request"))
	out = runCLI(t, on(srv, "get", failed.ID)...)
	requireCode(t, exitOK, out)
	assert.Contains(t, out.stdout, "state       error\n")
	assert.Contains(t, out.stdout, "error       the register refused the request (refused)\n")
}

func TestGetUnknownDocflowIsNotFound(t *testing.T) {
	srv := fake(t)
	out := runCLI(t, on(srv, "get", "no-such-docflow")...)
	requireCode(t, exitError, out)
	assert.Equal(t, "error: GET /docflows/no-such-docflow: 404 Not Found: "+
		`docflowId: no docflow "no-such-docflow" (notFound)`+"\nHTTP status: 404\n", out.stderr)
	assert.Empty(t, out.stdout)
}

func TestSendRefusesUnsignedThenSendsSignedDocflow(t *testing.T) {
	srv := fake(t)
	d := createDocflow(t, srv, "right_movement_request", registrationFile)

	out := runCLI(t, on(srv, "send", d.ID)...)
	requireCode(t, exitError, out)
	assert.Regexp(t, `^error: POST /docflows/\S+: 400 Bad Request: .*still need a signature`, out.stderr)
	assert.Contains(t, out.stderr, "HTTP status: 400\n")

	signAll(t, srv, d)
	out = runCLI(t, on(srv, "send", d.ID)...)
	requireCode(t, exitOK, out)
	assert.Contains(t, out.stdout, "state       sent\n")
}

func TestGetShowsTheStateFeeToPay(t *testing.T) {
	srv := fake(t, realtytest.WithPayment("32100000000000000001", "2000"))
	d := createDocflow(t, srv, "right_movement_request", registrationFile)
	signAll(t, srv, d)
	requireCode(t, exitOK, runCLI(t, on(srv, "send", d.ID)...))
	state, err := srv.Advance(d.ID)
	require.NoError(t, err)
	require.Equal(t, "suspended", state)

	out := runCLI(t, on(srv, "get", d.ID)...)
	requireCode(t, exitOK, out)
	assert.Contains(t, out.stdout, "state       suspended\n")
	assert.Contains(t, out.stdout,
		"to pay:\n  state fee 2000 roubles, payment id (UIN) 32100000000000000001\n")

	out = runCLI(t, on(srv, "wait", "--poll", "10ms", d.ID)...)
	requireCode(t, exitError, out)
	assert.Contains(t, out.stdout, "to pay:\n")
}
