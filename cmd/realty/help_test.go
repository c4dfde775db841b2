package main

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/go-realty/realty"
	"github.com/stretchr/testify/assert"
)

// commands are every command of the tool, the root as "".
var commands = []string{
	"", "create", "get", "send", "wait", "news", "download", "upload", "sign",
	"suggest", "fake",
}

func TestHelpOfEveryCommandIsCompleteAndFitsEightyColumns(t *testing.T) {
	for _, name := range append(commands, "help") {
		t.Run("realty "+name, func(t *testing.T) {
			out := runCLI(t, strings.Fields(name+" --help")...)
			requireCode(t, exitOK, out)
			for i, line := range strings.Split(out.stdout, "\n") {
				assert.LessOrEqual(t, utf8.RuneCountInString(line), helpWidth,
					"line %d is too wide: %q", i+1, line)
			}
			assert.Contains(t, out.stdout, "Usage:")
			if name != "help" {
				assert.Contains(t, out.stdout, "Examples:")
				assert.Contains(t, out.stdout, "--json")
			}
		})
	}
}

func TestHelpShowsNoValueOfTheEnvironment(t *testing.T) {
	secrets := []string{"env-password-123", "env-session-456", "env-key-789"}
	env := []string{
		"REALTY_PASSWORD=" + secrets[0], "REALTY_SESSION=" + secrets[1],
		"REALTY_API_KEY=" + secrets[2], "REALTY_LOGIN=someone@example.com",
		"REALTY_BASE_URL=http://127.0.0.1:1/elsewhere",
	}
	for _, name := range commands {
		out := invocation{args: strings.Fields(name + " --help"), env: env}.run(t)
		requireCode(t, exitOK, out)
		for _, s := range append(secrets, "someone@example.com", "elsewhere") {
			assert.NotContains(t, out.stdout+out.stderr, s)
		}
		assert.Contains(t, out.stdout, "$REALTY_PASSWORD")
		assert.Contains(t, out.stdout, "$REALTY_SESSION")
	}
}

func TestHelpListsTheDocflowTypes(t *testing.T) {
	out := runCLI(t, "create", "--help")
	requireCode(t, exitOK, out)
	for _, typ := range realty.DocflowTypes() {
		assert.Contains(t, out.stdout, "  "+string(typ)+"\n")
	}
}
