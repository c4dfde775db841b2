package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-realty/realty"
	"github.com/go-realty/realty/internal/jsondiff"
	"github.com/go-realty/realty/realtytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Where the request bodies of other tests live: the reference's examples
// beside the project (absent in some checkouts) and the project's own
// valid fixtures of every docflow type.
const (
	conformanceRequests = "../../../shared/conformance/requests"
	projectRequests     = "../../testdata/create"
)

// registrationFile is a valid sale, which waits for signatures.
var registrationFile = filepath.Join(projectRequests, "right_movement_request.json")

func TestCreatePrintsTheQueuedDocflow(t *testing.T) {
	srv := fake(t)
	out := runCLI(t, on(srv, "create", "object_request", "testdata/object_request.json")...)
	requireCode(t, exitOK, out)

	records := srv.Docflows()
	require.Len(t, records, 1)
	assert.Equal(t, "extract-1", records[0].RequestID)
	assert.Contains(t, out.stdout, "docflow     "+records[0].ID+"\n")
	assert.Contains(t, out.stdout, "type        object_request\n")
	assert.Contains(t, out.stdout, "state       queued\n")
	assert.Contains(t, out.stdout, "request id  extract-1\n")
	assert.Empty(t, out.stderr)
}

func TestCreatePrintsSignersAndFilesOfASuspendedDocflow(t *testing.T) {
	srv := fake(t)
	out := runCLI(t, on(srv, "create", "right_movement_request", registrationFile)...)
	requireCode(t, exitOK, out)
	assert.Contains(t, out.stdout, "state       suspended\n")
	assert.Contains(t, out.stdout, "to sign (realty sign ID FILE_ID SIGNATURE_FILE):\n")
	assert.Regexp(t, `\n  \S+ \S+ \S+ \(personId \S+\)\n    statement +\S+\n`, out.stdout)

	out = runCLI(t, on(srv, "--json", "create", "right_movement_request", registrationFile)...)
	requireCode(t, exitOK, out)
	d := decode[realty.Docflow](t, out.stdout)
	assert.Equal(t, realty.StateSuspended, d.State)
	require.NotNil(t, d.Requirements)
	require.NotEmpty(t, d.Requirements.Signature)
	assert.Equal(t, realty.FileStatement, d.Requirements.Signature[0].Files[0].Type)
}

func TestCreateRequestIDFlagOverridesTheFile(t *testing.T) {
	srv := fake(t)
	out := runCLI(t, on(srv, "--json", "create", "--request-id", "mine-9",
		"object_request", "testdata/object_request.json")...)
	requireCode(t, exitOK, out)
	assert.Equal(t, "mine-9", decode[realty.Docflow](t, out.stdout).RequestID)
	assert.Equal(t, 1, srv.CreatedCount("mine-9"))
}

func TestCreateReadsStandardInputAndAcceptsOldTypeNames(t *testing.T) {
	srv := fake(t)
	body, err := os.ReadFile(registrationFile)
	require.NoError(t, err)
	out := invocation{args: on(srv, "create", "rightmovement_request", "-"), stdin: string(body)}.run(t)
	requireCode(t, exitOK, out)
	require.Len(t, srv.Docflows(), 1)
	assert.Equal(t, "right_movement_request", srv.Docflows()[0].Type)
}

func TestCreateUnknownTypeIsAUsageErrorListingTheTypes(t *testing.T) {
	out := runCLI(t, "create", "--dry-run", "flat_request", "testdata/object_request.json")
	requireCode(t, exitUsage, out)
	assert.Contains(t, out.stderr, `error: unknown docflow type "flat_request"; the types are: `)
	for _, typ := range realty.DocflowTypes() {
		assert.Contains(t, out.stderr, string(typ))
	}
}

func TestCreateWarnsOfUnknownFields(t *testing.T) {
	out := runCLI(t, "create", "--dry-run", "object_request", "testdata/unknown_fields.json")
	requireCode(t, exitOK, out)
	assert.Contains(t, out.stderr,
		"warning: options.format is not a field of object_request; it will not be sent\n")
	assert.Contains(t, out.stderr,
		"warning: priority is not a field of object_request; it will not be sent\n")
	assert.NotContains(t, out.stdout, "format")
	assert.NotContains(t, out.stdout, "priority")
}

func TestCreateNamesTheFileAndPositionOfMalformedJSON(t *testing.T) {
	srv := fake(t)
	out := runCLI(t, on(srv, "create", "object_request", "testdata/malformed.json")...)
	requireCode(t, exitError, out)
	assert.Contains(t, out.stderr, "error: testdata/malformed.json:5:5: malformed JSON: ")
	assert.Empty(t, srv.Docflows())

	out = invocation{args: []string{"create", "--dry-run", "object_request", "-"},
		stdin: `{"options": {"type": 7}}`}.run(t)
	requireCode(t, exitError, out)
	assert.Contains(t, out.stderr, "error: standard input:1:22: ")
	assert.Contains(t, out.stderr, "options.type")
}

func TestCreateRefusesInvalidOptionsBeforeSending(t *testing.T) {
	srv := fake(t)
	out := runCLI(t, on(srv, "create", "object_request", "testdata/invalid.json")...)
	requireCode(t, exitError, out)
	assert.Equal(t, "error: invalid object_request options\n"+
		"  options.type: must be one of info, base, ownership (enum)\n"+
		"  options.cadastralNumber: must be a cadastral number such as 47:14:1203001:814 (format)\n",
		out.stderr)
	assert.Empty(t, out.stdout)
	assert.Zero(t, srv.Requests())
}

func TestCreateMissingFileFails(t *testing.T) {
	out := runCLI(t, "create", "--dry-run", "object_request", "testdata/no-such-file.json")
	requireCode(t, exitError, out)
	assert.Contains(t, out.stderr, "no-such-file.json")
}

func TestCreateReportsTheServiceRefusal(t *testing.T) {
	srv := fake(t)
	srv.FailNext(1, realtytest.Fault{Status: 403})
	out := runCLI(t, on(srv, "create", "object_request", "testdata/object_request.json")...)
	requireCode(t, exitError, out)
	assert.Regexp(t, `^error: POST /docflows/object_request: 403 Forbidden`, out.stderr)
	assert.True(t, strings.HasSuffix(out.stderr, "HTTP status: 403\n"), out.stderr)
}

func TestDryRunPrintsTheBodyWithoutCredentials(t *testing.T) {
	out := runCLI(t, "create", "--dry-run", "--request-id", "r-1", "object_request",
		"testdata/object_request.json")
	requireCode(t, exitOK, out)
	assert.JSONEq(t, `{"requestId": "r-1",
		"options": {"type": "info", "cadastralNumber": "76:23:031208:4410"}}`, out.stdout)

	out = runCLI(t, "--json", "create", "--dry-run", "object_request", "testdata/object_request.json")
	requireCode(t, exitOK, out)
	assert.Equal(t, `{"requestId":"extract-1","options":{"type":"info",`+
		`"cadastralNumber":"76:23:031208:4410"}}`+"\n", out.stdout)
}

func TestDryRunOfInvalidOptionsPrintsTheBodyAndTheProblems(t *testing.T) {
	out := runCLI(t, "create", "--dry-run", "object_request", "testdata/invalid.json")
	requireCode(t, exitError, out)
	assert.Contains(t, out.stdout, `"cadastralNumber": "somewhere"`)
	assert.Contains(t, out.stderr, "  options.type: must be one of")
}

// TestDryRunKeepsEveryFieldOfEveryExample runs a dry run of each example
// request of the reference and of the project, and checks that the body
// printed keeps every field of the file.
func TestDryRunKeepsEveryFieldOfEveryExample(t *testing.T) {
	var files []string
	for _, dir := range []string{conformanceRequests, projectRequests} {
		found, err := filepath.Glob(filepath.Join(dir, "*.json"))
		require.NoError(t, err)
		files = append(files, found...)
	}
	if len(files) == 0 {
		t.Skip("no example requests")
	}
	for _, file := range files {
		t.Run(file, func(t *testing.T) {
			typ := strings.TrimSuffix(filepath.Base(file), ".json")
			out := runCLI(t, "--json", "create", "--dry-run", typ, file)
			if out.code == exitError && filepath.Dir(file) == conformanceRequests {
				// The reference's own data may break its rules: accept
				// that, as long as validation is what says so.
				assert.Regexp(t, `^error: invalid \w+ options\n(  .*\n)+$`, out.stderr)
			} else {
				requireCode(t, exitOK, out)
				assert.Empty(t, out.stderr)
			}
			want, err := os.ReadFile(file)
			require.NoError(t, err)
			diffs, err := jsondiff.Compare(want, []byte(out.stdout), jsondiff.SDKRules)
			require.NoError(t, err)
			assert.Empty(t, diffs)
		})
	}
}
