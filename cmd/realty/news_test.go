package main

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/go-realty/realty/realtytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lastToken returns the token of the "last-token: " line of stderr.
func lastToken(t *testing.T, stderr string) string {
	t.Helper()
	for _, line := range strings.Split(stderr, "\n") {
		if token, ok := strings.CutPrefix(line, "last-token: "); ok {
			return token
		}
	}
	t.Fatalf("no last-token line in %q", stderr)
	return ""
}

// newsLines decodes the JSON lines of a news output.
func newsLines(t *testing.T, stdout string) []newsLine {
	t.Helper()
	var lines []newsLine
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		if line != "" {
			lines = append(lines, decode[newsLine](t, line))
		}
	}
	return lines
}

func TestNewsResumesFromTheLastToken(t *testing.T) {
	srv := fake(t, realtytest.WithNewsPageSize(2))
	out := runCLI(t, on(srv, "news")...)
	requireCode(t, exitOK, out)
	assert.Empty(t, out.stdout, "the feed starts now")
	start := lastToken(t, out.stderr)
	require.NotEmpty(t, start)

	first := createDocflow(t, srv, "object_request", "testdata/object_request.json")
	for range 2 {
		_, err := srv.Advance(first.ID)
		require.NoError(t, err)
	}
	out = runCLI(t, on(srv, "news", "--after", start)...)
	requireCode(t, exitOK, out)
	lines := newsLines(t, out.stdout)
	require.Len(t, lines, 3, "three changes over two pages")
	for i, state := range []string{"queued", "sent", "completed"} {
		assert.Equal(t, first.ID, lines[i].DocflowID)
		assert.Equal(t, state, string(lines[i].State))
		assert.Equal(t, "object_request", string(lines[i].DocflowType))
		assert.Equal(t, "extract-1", lines[i].RequestID)
		assert.False(t, lines[i].Date.IsZero())
	}
	resume := lastToken(t, out.stderr)
	assert.Equal(t, lines[2].Token, resume)

	second := createDocflow(t, srv, "object_request", "testdata/object_request.json")
	out = runCLI(t, on(srv, "--json", "news", "--after", resume)...)
	requireCode(t, exitOK, out)
	rows := strings.Split(strings.TrimSpace(out.stdout), "\n")
	require.Len(t, rows, 2)
	item := decode[newsLine](t, rows[0])
	assert.Equal(t, second.ID, item.DocflowID)
	assert.JSONEq(t, `{"lastToken": "`+item.Token+`"}`, rows[1])
	assert.Equal(t, "last-token: "+item.Token+"\n", out.stderr)
}

func TestNewsFollowPrintsNewChangesUntilInterrupted(t *testing.T) {
	srv := fake(t)
	start := lastToken(t, runCLI(t, on(srv, "news")...).stderr)

	cmd := exec.Command(binary, on(srv, "--json", "news", "--follow", "--poll", "10ms",
		"--after", start)...)
	cmd.Env = cleanEnv()
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	require.NoError(t, cmd.Start())
	lines := bufio.NewScanner(stdout)

	d := createDocflow(t, srv, "object_request", "testdata/object_request.json")
	require.True(t, lines.Scan(), "a line for the new docflow")
	item := decode[newsLine](t, lines.Text())
	assert.Equal(t, d.ID, item.DocflowID)

	require.NoError(t, cmd.Process.Signal(os.Interrupt))
	require.True(t, lines.Scan(), "the last token as a last line")
	assert.JSONEq(t, `{"lastToken": "`+item.Token+`"}`, lines.Text())
	_, _ = io.Copy(io.Discard, stdout)
	require.NoError(t, cmd.Wait(), "an interrupt is how --follow ends: exit status 0")
	assert.Equal(t, "last-token: "+item.Token+"\n", stderr.String())
}

func TestNewsFollowWithoutTokenStartsNow(t *testing.T) {
	srv := fake(t)
	createDocflow(t, srv, "object_request", "testdata/object_request.json")

	cmd := exec.Command(binary, on(srv, "news", "--follow", "--poll", "10ms")...)
	cmd.Env = cleanEnv()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	require.NoError(t, cmd.Start())
	require.Eventually(t, func() bool { return srv.Requests() >= 2 }, 5*time.Second, 10*time.Millisecond)
	require.NoError(t, cmd.Process.Signal(os.Interrupt))
	require.NoError(t, cmd.Wait())
	assert.Empty(t, stdout.String(), "the docflow created before is not news")
	assert.NotEmpty(t, lastToken(t, stderr.String()))
}

func TestNewsErrorStillPrintsTheLastToken(t *testing.T) {
	srv := fake(t)
	start := lastToken(t, runCLI(t, on(srv, "news")...).stderr)
	srv.FailNext(1, realtytest.Fault{Status: 501})
	out := runCLI(t, on(srv, "news", "--after", start)...)
	requireCode(t, exitError, out)
	assert.Contains(t, out.stderr, "last-token: "+start+"\n")
	assert.Contains(t, out.stderr, "HTTP status: 501\n")
}
