package realtytest

import (
	"context"
	"io"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestContentUploadAndDownload(t *testing.T) {
	srv, c := start(t)
	body := []byte("<?xml version=\"1.0\"?><doc/>")

	a := c.callRaw(http.MethodPost, "/contents", "application/xml; charset=utf-8", body)

	require.Equal(t, http.StatusCreated, a.status, "%s", a.body)
	ptr := decode[map[string]string](t, a.body)
	assert.Equal(t, srv.URL+"/contents/"+ptr["id"], ptr["contentLink"])
	assert.Equal(t, ptr["contentLink"], a.header.Get("Location"))

	size, contentType, ok := srv.Content(ptr["id"])
	require.True(t, ok)
	assert.Equal(t, int64(len(body)), size)
	assert.Equal(t, "application/xml", contentType)

	got := c.download(ptr["contentLink"])
	require.Equal(t, http.StatusOK, got.status)
	assert.Equal(t, body, got.body)
	assert.Equal(t, "application/xml", got.header.Get("Content-Type"))

	requireError(t, c.call(http.MethodGet, "/contents/nope", nil), http.StatusNotFound)
	_, _, ok = srv.Content("nope")
	assert.False(t, ok)
}

func TestContentRejectsOtherTypesAndEmptyBodies(t *testing.T) {
	_, c := start(t)
	for _, contentType := range []string{"text/plain", "application/json", "", "application/zip"} {
		p := requireError(t, c.callRaw(http.MethodPost, "/contents", contentType, []byte("x")), http.StatusBadRequest)
		assert.Equal(t, "Content-Type", p.Target, contentType)
	}
	requireError(t, c.callRaw(http.MethodPost, "/contents", "application/pdf", nil), http.StatusBadRequest)
}

func TestContentUploadIsStreamedToDisk(t *testing.T) {
	srv, c := start(t)
	const size = 256 << 20

	before := totalAlloc()
	req := c.request(context.Background(), http.MethodPost, "/contents", io.LimitReader(&patternReader{size: size}, size))
	req.Header.Set("Content-Type", "application/pdf")
	req.ContentLength = size
	a := c.send(req)
	allocated := totalAlloc() - before

	require.Equal(t, http.StatusCreated, a.status, "%s", a.body)
	ptr := decode[map[string]string](t, a.body)
	stored, _, ok := srv.Content(ptr["id"])
	require.True(t, ok)
	assert.Equal(t, int64(size), stored)
	assert.Less(t, allocated, uint64(size/8), "the upload is not held in memory")

	resp, err := c.http.Do(c.request(context.Background(), http.MethodGet, "/contents/"+ptr["id"], nil))
	require.NoError(t, err)
	defer resp.Body.Close()
	n, mismatch := checkPattern(t, resp.Body)
	assert.Equal(t, int64(size), n)
	assert.Equal(t, int64(-1), mismatch)
}
