package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-realty/realty"
	"github.com/go-realty/realty/realtytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// binary is the path of the realty command that TestMain builds.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "realty-cmd-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "realty")
	build := exec.Command("go", "build", "-o", binary, ".")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building the realty command:", err)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// outcome is what a run of the command did.
type outcome struct {
	code   int
	stdout string
	stderr string
}

// invocation is a run of the command to make: its arguments, extra
// environment and standard input.
type invocation struct {
	args  []string
	env   []string
	stdin string
}

// runCLI runs the command with args and an environment without REALTY_*
// variables.
func runCLI(t *testing.T, args ...string) outcome {
	t.Helper()
	return invocation{args: args}.run(t)
}

func (inv invocation) run(t *testing.T) outcome {
	t.Helper()
	cmd := exec.Command(binary, inv.args...)
	cmd.Env = append(cleanEnv(), inv.env...)
	cmd.Stdin = strings.NewReader(inv.stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exitErr *exec.ExitError
	if err != nil && !errors.As(err, &exitErr) {
		t.Fatalf("running realty %v: %v", inv.args, err)
	}
	out := outcome{code: cmd.ProcessState.ExitCode(), stdout: stdout.String(), stderr: stderr.String()}
	assertNoPanic(t, out)
	return out
}

// cleanEnv is the test's environment without the variables the command
// reads.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "REALTY_") {
			env = append(env, kv)
		}
	}
	return env
}

// assertNoPanic checks that no run ever shows a Go panic or stack.
func assertNoPanic(t *testing.T, out outcome) {
	t.Helper()
	for _, s := range []string{"panic:", "goroutine ", ".go:"} {
		assert.NotContains(t, out.stderr, s)
	}
}

// fake starts a fake service for one test.
func fake(t *testing.T, opts ...realtytest.Option) *realtytest.Server {
	t.Helper()
	srv := realtytest.NewServer(opts...)
	t.Cleanup(srv.Close)
	return srv
}

// on returns the global flags that point the command at srv with a
// fresh session, followed by args.
func on(srv *realtytest.Server, args ...string) []string {
	return append([]string{"--base-url", srv.URL, "--session", srv.Session()}, args...)
}

// decode decodes the JSON of a command's standard output into a new T.
func decode[T any](t *testing.T, stdout string) T {
	t.Helper()
	var v T
	require.NoError(t, json.Unmarshal([]byte(stdout), &v), "stdout: %s", stdout)
	return v
}

// requireCode asserts the exit status, showing the output when it is
// wrong.
func requireCode(t *testing.T, want int, out outcome) {
	t.Helper()
	require.Equal(t, want, out.code, "stdout:\n%s\nstderr:\n%s", out.stdout, out.stderr)
}

func TestUnknownCommandIsAUsageError(t *testing.T) {
	out := runCLI(t, "frobnicate")
	requireCode(t, exitUsage, out)
	assert.Contains(t, out.stderr, `error: unknown command "frobnicate"`)
	assert.Contains(t, out.stderr, "Run 'realty --help' for usage.")
	assert.Empty(t, out.stdout)
}

func TestUnknownFlagIsAUsageError(t *testing.T) {
	out := runCLI(t, "get", "--frobnicate", "x")
	requireCode(t, exitUsage, out)
	assert.Contains(t, out.stderr, "error: unknown flag: --frobnicate")
	assert.Contains(t, out.stderr, "Run 'realty get --help' for usage.")
}

func TestWrongNumberOfArgumentsIsAUsageError(t *testing.T) {
	for _, args := range [][]string{
		{"get"}, {"get", "a", "b"}, {"send"}, {"wait"}, {"create", "object_request"},
		{"download"}, {"download", "a", "b", "c"}, {"upload"}, {"sign", "a", "b"},
		{"suggest"}, {"news", "x"}, {"fake", "x"},
	} {
		t.Run(strings.Join(args, "_"), func(t *testing.T) {
			out := runCLI(t, args...)
			requireCode(t, exitUsage, out)
			assert.Regexp(t, `^error: (missing|unexpected argument) `, out.stderr)
		})
	}
}

func TestNoCommandPrintsTheHelp(t *testing.T) {
	out := runCLI(t)
	requireCode(t, exitOK, out)
	assert.Contains(t, out.stdout, "Available Commands:")
}

// createDocflow creates a docflow of typ from file on srv with the
// command and returns it.
func createDocflow(t *testing.T, srv *realtytest.Server, typ, file string) realty.Docflow {
	t.Helper()
	out := runCLI(t, on(srv, "--json", "create", typ, file)...)
	requireCode(t, exitOK, out)
	return decode[realty.Docflow](t, out.stdout)
}
