package main

import (
	"testing"

	"github.com/go-realty/realty/realtytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// loginFlags are the flags that log in to srv's built-in account with
// password.
func loginFlags(srv *realtytest.Server, password string) []string {
	return []string{"--base-url", srv.URL, "--login", realtytest.DefaultLogin,
		"--password", password, "--account", realtytest.DefaultAccountID}
}

func TestMissingCredentialsAreAUsageError(t *testing.T) {
	srv := fake(t)
	for name, args := range map[string][]string{
		"none":        {"--base-url", srv.URL, "get", "x"},
		"no password": {"--base-url", srv.URL, "--login", "a@b.c", "--account", "x", "get", "x"},
		"no account":  {"--base-url", srv.URL, "--login", "a@b.c", "--password", "p", "get", "x"},
	} {
		t.Run(name, func(t *testing.T) {
			out := runCLI(t, args...)
			requireCode(t, exitUsage, out)
			assert.Contains(t, out.stderr, "error: no credentials: set --session or "+
				"--login/--password/--account (or REALTY_* variables)\n")
			assert.Zero(t, srv.Requests())
		})
	}
}

func TestWrongPasswordFailsWithoutShowingIt(t *testing.T) {
	srv := fake(t)
	const password = "not-the-Password-42"
	out := runCLI(t, append(loginFlags(srv, password), "--verbose", "get", "x")...)
	requireCode(t, exitError, out)
	assert.Contains(t, out.stderr, "login failed")
	assert.Contains(t, out.stderr, "HTTP status: 400\n")
	assert.NotContains(t, out.stdout+out.stderr, password)
}

func TestLoginWithFlags(t *testing.T) {
	srv := fake(t)
	out := runCLI(t, append(loginFlags(srv, realtytest.DefaultPassword), "create",
		"object_request", "testdata/object_request.json")...)
	requireCode(t, exitOK, out)
	require.Len(t, srv.Docflows(), 1)
}

func TestLoginWithEnvironmentVariables(t *testing.T) {
	srv := fake(t)
	out := invocation{
		args: []string{"--verbose", "create", "object_request", "testdata/object_request.json"},
		env: []string{"REALTY_BASE_URL=" + srv.URL, "REALTY_LOGIN=" + realtytest.DefaultLogin,
			"REALTY_PASSWORD=" + realtytest.DefaultPassword, "REALTY_ACCOUNT_ID=" + realtytest.DefaultAccountID},
	}.run(t)
	requireCode(t, exitOK, out)
	require.Len(t, srv.Docflows(), 1)
	assert.Contains(t, out.stderr, "/auth", "--verbose logs the requests")
	assert.NotContains(t, out.stderr, realtytest.DefaultPassword)
}

func TestFlagsOverrideEnvironmentVariables(t *testing.T) {
	srv := fake(t)
	out := invocation{
		args: on(srv, "get", "x"),
		env:  []string{"REALTY_BASE_URL=http://127.0.0.1:1/nowhere", "REALTY_SESSION=stale"},
	}.run(t)
	requireCode(t, exitError, out)
	assert.Contains(t, out.stderr, "HTTP status: 404", "the flags' server and session are used")
}

func TestSessionFromTheEnvironmentIsNeverShown(t *testing.T) {
	srv := fake(t)
	session := srv.Session()
	out := invocation{
		args: []string{"--verbose", "get", "x"},
		env:  []string{"REALTY_BASE_URL=" + srv.URL, "REALTY_SESSION=" + session},
	}.run(t)
	requireCode(t, exitError, out)
	assert.NotContains(t, out.stdout+out.stderr, session)
}

func TestPasswordFromStandardInput(t *testing.T) {
	srv := fake(t)
	args := []string{"--base-url", srv.URL, "--login", realtytest.DefaultLogin,
		"--account", realtytest.DefaultAccountID, "--password-stdin",
		"create", "object_request", "testdata/object_request.json"}

	out := invocation{args: args, stdin: realtytest.DefaultPassword + "\n"}.run(t)
	requireCode(t, exitOK, out)
	assert.NotContains(t, out.stdout+out.stderr, realtytest.DefaultPassword)
	assert.NotContains(t, out.stderr, "Password:", "no prompt when standard input is no terminal")

	out = invocation{args: args, stdin: "wrong\n"}.run(t)
	requireCode(t, exitError, out)

	out = invocation{args: args}.run(t)
	requireCode(t, exitUsage, out)
	assert.Contains(t, out.stderr, "standard input holds no password")
}

func TestPasswordStdinExcludesOtherUsesOfStandardInput(t *testing.T) {
	srv := fake(t)
	out := runCLI(t, "--base-url", srv.URL, "--password-stdin", "--password", "x", "get", "y")
	requireCode(t, exitUsage, out)
	assert.Contains(t, out.stderr, "exclude each other")

	out = invocation{args: []string{"--base-url", srv.URL, "--login", realtytest.DefaultLogin,
		"--account", realtytest.DefaultAccountID, "--password-stdin", "suggest", "-"},
		stdin: realtytest.DefaultPassword + "\n{}"}.run(t)
	requireCode(t, exitUsage, out)
	assert.Contains(t, out.stderr, "cannot both read standard input")
}

func TestAPIKeyIsSent(t *testing.T) {
	srv := fake(t, realtytest.WithAPIKey("the-key-1"))

	out := runCLI(t, on(srv, "get", "x")...)
	requireCode(t, exitError, out)
	assert.Contains(t, out.stderr, "HTTP status: 403")

	out = invocation{args: on(srv, "get", "x"), env: []string{"REALTY_API_KEY=the-key-1"}}.run(t)
	requireCode(t, exitError, out)
	assert.Contains(t, out.stderr, "HTTP status: 404")
	assert.NotContains(t, out.stderr, "the-key-1")
}

func TestWrongBaseURLIsAUsageError(t *testing.T) {
	out := runCLI(t, "--base-url", "::nowhere", "--session", "s", "get", "x")
	requireCode(t, exitUsage, out)
	assert.Contains(t, out.stderr, "invalid base URL")
}
