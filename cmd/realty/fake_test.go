package main

import (
	"bufio"
	"net"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/go-realty/realty/realtytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// freeAddr returns a loopback address with a port that is free now.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close())
	return addr
}

func TestFakeServesUntilInterrupted(t *testing.T) {
	addr := freeAddr(t)
	cmd := exec.Command(binary, "fake", "--addr", addr)
	cmd.Env = cleanEnv()
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { _ = cmd.Process.Kill() })

	printed := map[string]string{}
	lines := bufio.NewScanner(stdout)
	var export string
	for export == "" && lines.Scan() {
		line := lines.Text()
		if strings.HasPrefix(line, "export ") {
			export = line
			break
		}
		if key, value, ok := strings.Cut(line, "  "); ok {
			printed[key] = strings.TrimSpace(value)
		}
	}
	baseURL := "http://" + addr + "/realty/v1"
	require.Equal(t, realtytest.DefaultLogin, printed["login"])
	assert.Equal(t, realtytest.DefaultPassword, printed["password"])
	assert.Equal(t, realtytest.DefaultAccountID, printed["account id"])
	session := printed["session"]
	require.NotEmpty(t, session)
	assert.Equal(t, "export REALTY_BASE_URL="+baseURL+" REALTY_SESSION="+session, export)

	env := []string{"REALTY_BASE_URL=" + baseURL, "REALTY_SESSION=" + session}
	out := invocation{args: []string{"create", "object_request", "testdata/object_request.json"},
		env: env}.run(t)
	requireCode(t, exitOK, out)
	id := strings.Fields(strings.SplitN(out.stdout, "\n", 2)[0])[1]
	out = invocation{args: []string{"wait", "--poll", "10ms", id}, env: env}.run(t)
	requireCode(t, exitOK, out) // the fake moves docflows on by itself

	out = runCLI(t, "fake", "--addr", addr)
	requireCode(t, exitError, out)
	assert.Contains(t, out.stderr, "error: cannot start the fake service: realtytest: cannot listen on "+addr)

	require.NoError(t, cmd.Process.Signal(os.Interrupt))
	require.NoError(t, cmd.Wait())
}

func TestFakePrintsJSON(t *testing.T) {
	cmd := exec.Command(binary, "--json", "fake", "--addr", "127.0.0.1:0")
	cmd.Env = cleanEnv()
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { _ = cmd.Process.Kill() })

	lines := bufio.NewScanner(stdout)
	require.True(t, lines.Scan())
	v := decode[fakeService](t, lines.Text())
	assert.Regexp(t, `^http://127\.0\.0\.1:\d+/realty/v1$`, v.BaseURL)
	assert.NotEmpty(t, v.Session)

	out := runCLI(t, "--base-url", v.BaseURL, "--login", v.Login, "--password", v.Password,
		"--account", v.AccountID, "get", "x")
	requireCode(t, exitError, out)
	assert.Contains(t, out.stderr, "HTTP status: 404", "the printed account logs in")

	require.NoError(t, cmd.Process.Signal(os.Interrupt))
	require.NoError(t, cmd.Wait())
}
