package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/go-realty/realty"
	"github.com/go-realty/realty/realtytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// writeFile writes data to a new file name in a temporary folder and
// returns its path.
func writeFile(t *testing.T, name, data string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, []byte(data), 0o600))
	return path
}

func TestUploadStoresTheFileWithItsType(t *testing.T) {
	srv := fake(t)
	for file, want := range map[string]realty.MediaType{
		"contract.pdf": realty.MediaPDF,
		"plan.XML":     realty.MediaXML,
		"a.p7s":        realty.MediaPKCS7Signature,
		"a.sig":        realty.MediaPKCS7Signature,
		"b.asc":        realty.MediaPGPSignature,
		"b.pgp":        realty.MediaPGPSignature,
	} {
		t.Run(file, func(t *testing.T) {
			path := writeFile(t, file, "bytes of "+file)
			out := runCLI(t, on(srv, "--json", "upload", path)...)
			requireCode(t, exitOK, out)
			up := decode[uploadedContent](t, out.stdout)
			assert.NotEmpty(t, up.ContentLink)
			size, typ, ok := srv.Content(up.ID)
			require.True(t, ok)
			assert.Equal(t, int64(len("bytes of "+file)), size)
			assert.Equal(t, string(want), typ)
		})
	}
}

func TestUploadPrintsIDAndLink(t *testing.T) {
	srv := fake(t)
	out := runCLI(t, on(srv, "upload", "--type", "xml", writeFile(t, "plan.txt", "<plan/>"))...)
	requireCode(t, exitOK, out)
	assert.Regexp(t, `^content id    \S+\ncontent link  http://\S+/contents/\S+\n$`, out.stdout)
}

func TestUploadNeedsAKnownType(t *testing.T) {
	srv := fake(t)
	out := runCLI(t, on(srv, "upload", writeFile(t, "notes.txt", "x"))...)
	requireCode(t, exitUsage, out)
	assert.Contains(t, out.stderr, "cannot tell the type of")

	out = runCLI(t, on(srv, "upload", "--type", "doc", writeFile(t, "a.pdf", "x"))...)
	requireCode(t, exitUsage, out)
	assert.Contains(t, out.stderr, `unknown --type "doc"`)

	out = runCLI(t, on(srv, "upload", filepath.Join(t.TempDir(), "missing.pdf"))...)
	requireCode(t, exitError, out)
	assert.Zero(t, srv.Requests())
}

// signAll signs every file that docflow d asks to sign, with the command.
func signAll(t *testing.T, srv *realtytest.Server, d realty.Docflow) {
	t.Helper()
	require.NotNil(t, d.Requirements)
	signature := writeFile(t, "statement.sig", "a detached signature")
	for _, req := range d.Requirements.Signature {
		for _, f := range req.Files {
			out := runCLI(t, on(srv, "sign", d.ID, f.ID, signature)...)
			requireCode(t, exitOK, out)
			assert.Equal(t, "signed file "+f.ID+" of docflow "+d.ID+" with "+signature+"\n", out.stdout)
		}
	}
}

func TestSignThenSendAndWaitCompletes(t *testing.T) {
	srv := fake(t, realtytest.WithAutoAdvance())
	d := createDocflow(t, srv, "right_movement_request", registrationFile)
	signAll(t, srv, d)

	requireCode(t, exitOK, runCLI(t, on(srv, "send", d.ID)...))
	out := runCLI(t, on(srv, "wait", "--poll", "10ms", d.ID)...)
	requireCode(t, exitOK, out)
	assert.Contains(t, out.stdout, "state       completed\n")
}

func TestSignErrors(t *testing.T) {
	srv := fake(t)
	d := createDocflow(t, srv, "right_movement_request", registrationFile)
	signature := writeFile(t, "s.sig", "sig")

	out := runCLI(t, on(srv, "--json", "sign", d.ID, "no-such-file", signature)...)
	requireCode(t, exitError, out)
	assert.Contains(t, out.stderr, "HTTP status: 404\n")

	out = runCLI(t, on(srv, "sign", d.ID, "f", filepath.Join(t.TempDir(), "none.sig"))...)
	requireCode(t, exitError, out)
	assert.Contains(t, out.stderr, "none.sig")
}

func TestSignPrintsJSON(t *testing.T) {
	srv := fake(t)
	d := createDocflow(t, srv, "right_movement_request", registrationFile)
	file := d.Requirements.Signature[0].Files[0].ID
	signature := writeFile(t, "s.sig", "sig")
	out := runCLI(t, on(srv, "--json", "sign", d.ID, file, signature)...)
	requireCode(t, exitOK, out)
	assert.Equal(t, signedFile{DocflowID: d.ID, FileID: file, Signature: signature},
		decode[signedFile](t, out.stdout))
}
