package main

import (
	"strings"
	"testing"

	"github.com/go-realty/realty"
	"github.com/go-realty/realty/realtytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSuggestPrintsTheMatches(t *testing.T) {
	srv := fake(t)
	out := runCLI(t, on(srv, "suggest", "testdata/suggest.json")...)
	requireCode(t, exitOK, out)
	assert.Contains(t, out.stdout, "76:23:031208:4410      г Ярославль, ул Рябиновая, д. 12, кв. 7\n")
	assert.Empty(t, out.stderr)

	out = runCLI(t, on(srv, "--json", "suggest", "testdata/suggest.json")...)
	requireCode(t, exitOK, out)
	matches := decode[[]realty.CadastreMatch](t, out.stdout)
	require.NotEmpty(t, matches)
	assert.Equal(t, "76:23:031208:4410", matches[0].CadastralNumber)
}

func TestSuggestFromStandardInputWarnsOfUnknownFields(t *testing.T) {
	srv := fake(t)
	out := invocation{args: on(srv, "suggest", "-"),
		stdin: `{"region": {"name": "Ярославская"}, "street": {"name": "Тихий"}, "zip": "150000"}`,
	}.run(t)
	requireCode(t, exitOK, out)
	assert.Contains(t, out.stdout, "76:23:031305:5120")
	assert.Equal(t, "warning: zip is not a field of a cadastre query; it will not be sent\n", out.stderr)
}

func TestSuggestWithoutMatches(t *testing.T) {
	srv := fake(t)
	out := invocation{args: on(srv, "suggest", "-"),
		stdin: `{"region": {"name": "Ярославская"}, "street": {"name": "Нет такой"}}`}.run(t)
	requireCode(t, exitOK, out)
	assert.Empty(t, out.stdout)
	assert.Equal(t, "no property matches the address\n", out.stderr)
}

func TestSuggestReportsTheServiceRefusal(t *testing.T) {
	srv := fake(t)
	out := invocation{args: on(srv, "suggest", "-"), stdin: `{"street": {"name": "Тихий"}}`}.run(t)
	requireCode(t, exitError, out)
	assert.Contains(t, out.stderr, "region is required")

	srv.FailNext(1, realtytest.Fault{Status: 400})
	out = runCLI(t, on(srv, "suggest", "testdata/suggest.json")...)
	requireCode(t, exitError, out)
	assert.Regexp(t, "^error: POST /location/cadastre/suggest: 400 Bad Request: ", out.stderr)
	assert.True(t, strings.HasSuffix(out.stderr, "\nHTTP status: 400\n"), out.stderr)
}

func TestSuggestTheReferenceExample(t *testing.T) {
	const file = "../../../shared/conformance/other/cadastre-suggest-request.json"
	srv := fake(t)
	out := runCLI(t, on(srv, "suggest", file)...)
	if out.code == exitError && out.stderr == "error: open "+file+": no such file or directory\n" {
		t.Skip("the reference's examples are absent")
	}
	requireCode(t, exitOK, out)
	assert.NotContains(t, out.stderr, "warning:")
}
