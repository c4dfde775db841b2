package main

import (
	"bufio"
	"bytes"
	"io"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/go-realty/realty/realtytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// onTerminal runs the command on a pseudo-terminal, with script(1), and
// returns what the terminal showed; it skips the test where script is
// missing. answer, when not nil, is called with the terminal's output
// as it comes and may type into the terminal.
func onTerminal(t *testing.T, args []string, answer func(shown *bufio.Reader, typed io.Writer)) string {
	t.Helper()
	script, err := exec.LookPath("script")
	if err != nil {
		t.Skip("script(1) is not installed")
	}
	line := binary
	for _, arg := range args {
		line += " '" + arg + "'"
	}
	cmd := exec.Command(script, "-qec", line, "/dev/null")
	cmd.Env = cleanEnv()
	stdin, err := cmd.StdinPipe()
	require.NoError(t, err)
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())

	var shown bytes.Buffer
	reader := bufio.NewReader(io.TeeReader(stdout, &shown))
	if answer != nil {
		answer(reader, stdin)
	}
	_, _ = io.Copy(io.Discard, reader)
	require.NoError(t, cmd.Wait(), "shown: %q", shown.String())
	return shown.String()
}

func TestWaitOnATerminalRewritesOneLine(t *testing.T) {
	srv := fake(t, realtytest.WithAutoAdvance())
	d := createDocflow(t, srv, "object_request", "testdata/object_request.json")

	shown := onTerminal(t, on(srv, "wait", "--poll", "10ms", d.ID), nil)
	prefix := "\rdocflow " + d.ID + ": "
	assert.Contains(t, shown, prefix+"queued      "+prefix+"sent        "+prefix+"completed   \r\n")
}

func TestDownloadOnATerminalShowsProgress(t *testing.T) {
	srv := fake(t)
	id := completed(t, srv)
	fileID, err := srv.AddFile(id, "egrn:outdoc", 64<<20)
	require.NoError(t, err)

	shown := onTerminal(t, on(srv, "download", id, fileID, "-o", t.TempDir()), nil)
	assert.Contains(t, shown, "downloading")
	assert.Contains(t, shown, "/64 MiB")
	assert.Contains(t, shown, "egrn_outdoc-"+fileID+".zip")
}

func TestPasswordOnATerminalIsPromptedForAndNotEchoed(t *testing.T) {
	srv := fake(t)
	args := []string{"--base-url", srv.URL, "--login", realtytest.DefaultLogin,
		"--account", realtytest.DefaultAccountID, "--password-stdin",
		"create", "object_request", "testdata/object_request.json"}

	shown := onTerminal(t, args, func(shown *bufio.Reader, typed io.Writer) {
		prompt := make(chan error, 1)
		go func() {
			_, err := shown.ReadString(':')
			prompt <- err
		}()
		select {
		case err := <-prompt:
			require.NoError(t, err)
		case <-time.After(10 * time.Second):
			t.Fatal("no password prompt")
		}
		// The prompt comes just before echo is turned off: type as a
		// person would, a moment after it.
		time.Sleep(500 * time.Millisecond)
		_, err := io.WriteString(typed, realtytest.DefaultPassword+"\r")
		require.NoError(t, err)
	})
	assert.True(t, strings.HasPrefix(shown, "Password:"), shown)
	assert.NotContains(t, shown, realtytest.DefaultPassword)
	assert.Contains(t, shown, "state       queued")
	assert.Len(t, srv.Docflows(), 1)
}
