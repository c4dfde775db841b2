package main

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-realty/realty/realtytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// completed creates an extract order on srv and advances it to the end.
func completed(t *testing.T, srv *realtytest.Server) string {
	t.Helper()
	d := createDocflow(t, srv, "object_request", "testdata/object_request.json")
	for range 2 {
		_, err := srv.Advance(d.ID)
		require.NoError(t, err)
	}
	return d.ID
}

func TestDownloadSavesEveryResultFile(t *testing.T) {
	srv := fake(t)
	id := completed(t, srv)
	dir := filepath.Join(t.TempDir(), "extracts")

	out := runCLI(t, on(srv, "download", id, "-o", dir)...)
	requireCode(t, exitOK, out)
	paths := strings.Split(strings.TrimSpace(out.stdout), "\n")
	var zips, pdfs int
	for _, path := range paths {
		assert.Equal(t, dir, filepath.Dir(path))
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		switch filepath.Ext(path) {
		case ".zip":
			zips++
			_, err := zip.NewReader(strings.NewReader(string(data)), int64(len(data)))
			assert.NoError(t, err, "%s is a ZIP archive", path)
		case ".pdf":
			pdfs++
			assert.True(t, strings.HasPrefix(string(data), "%PDF-"), "%s is a PDF", path)
		}
	}
	assert.Equal(t, 1, zips)
	assert.Equal(t, 1, pdfs)
	assert.Regexp(t, `/egrn_outdoc-[-0-9a-f]+\.zip$`, paths[0])

	out = runCLI(t, on(srv, "--json", "download", id, "-o", dir)...)
	requireCode(t, exitOK, out)
	assert.Equal(t, paths, decode[map[string][]string](t, out.stdout)["paths"])
}

func TestDownloadStreamsOneFile(t *testing.T) {
	srv := fake(t)
	id := completed(t, srv)
	const size = 3<<20 + 17
	fileID, err := srv.AddFile(id, "extract_ownership:xml", size)
	require.NoError(t, err)
	dir := t.TempDir()

	out := runCLI(t, on(srv, "download", id, fileID, "-o", dir)...)
	requireCode(t, exitOK, out)
	path := filepath.Join(dir, "extract_ownership_xml-"+fileID+".xml")
	assert.Equal(t, path+"\n", out.stdout)
	assert.Empty(t, out.stderr, "no progress bar when standard error is no terminal")

	data, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Len(t, data, size)
	for i := range data {
		if data[i] != realtytest.PatternByte(int64(i)) {
			t.Fatalf("byte %d differs", i)
		}
	}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary file is left")
}

func TestDownloadStatementToSign(t *testing.T) {
	srv := fake(t)
	d := createDocflow(t, srv, "right_movement_request", registrationFile)
	file := d.Requirements.Signature[0].Files[0].ID
	dir := t.TempDir()

	out := runCLI(t, on(srv, "download", d.ID, file, "-o", dir)...)
	requireCode(t, exitOK, out)
	assert.Equal(t, filepath.Join(dir, "statement-"+file+".pdf")+"\n", out.stdout)
}

func TestDownloadErrors(t *testing.T) {
	srv := fake(t)
	d := createDocflow(t, srv, "object_request", "testdata/object_request.json")
	dir := t.TempDir()

	out := runCLI(t, on(srv, "download", d.ID, "-o", dir)...)
	requireCode(t, exitError, out)
	assert.Equal(t, "error: docflow "+d.ID+" has no result files: it is queued\n", out.stderr)

	out = runCLI(t, on(srv, "download", d.ID, "no-such-file", "-o", dir)...)
	requireCode(t, exitError, out)
	assert.Contains(t, out.stderr, "HTTP status: 404\n")
	assert.Empty(t, out.stdout)

	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Empty(t, entries)
}
