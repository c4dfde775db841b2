package realtytest

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"runtime"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAddFileStreamsAGeneratedFile(t *testing.T) {
	srv, c := start(t)
	d := c.create("object_request", "big", objectRequest(), http.StatusOK)
	const size = 64 << 20

	fileID, err := srv.AddFile(d.DocflowID, "egrn:extract_info:xml", size)
	require.NoError(t, err)
	got := c.get(d.DocflowID)
	require.Len(t, got.Result.Files, 1)
	assert.Equal(t, fileID, got.Result.Files[0].ID)

	before := totalAlloc()
	resp, err := c.http.Do(c.request(context.Background(), http.MethodGet,
		"/docflows/"+d.DocflowID+"/files/"+fileID, nil))
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, strconv.Itoa(size), resp.Header.Get("Content-Length"))
	assert.Equal(t, "application/xml", resp.Header.Get("Content-Type"))

	n, mismatch := checkPattern(t, resp.Body)
	assert.Equal(t, int64(size), n)
	assert.Equal(t, int64(-1), mismatch, "first byte off the pattern")
	assert.Less(t, totalAlloc()-before, uint64(size/4), "the file is streamed, not built in memory")
}

// checkPattern reads r to its end and returns how many bytes it held and
// the offset of the first that differs from PatternByte, or -1.
func checkPattern(t *testing.T, r io.Reader) (n, mismatch int64) {
	t.Helper()
	got := make([]byte, 256<<10)
	want := make([]byte, len(got))
	mismatch = -1
	for {
		k, err := io.ReadFull(r, got)
		if k > 0 && mismatch < 0 {
			expected := &patternReader{size: n + int64(k), off: n}
			_, _ = io.ReadFull(expected, want[:k])
			if !bytes.Equal(got[:k], want[:k]) {
				for i := range k {
					if got[i] != want[i] {
						mismatch = n + int64(i)
						break
					}
				}
			}
		}
		n += int64(k)
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return n, mismatch
		}
		require.NoError(t, err)
	}
}

// totalAlloc returns the bytes allocated on the heap so far.
func totalAlloc() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.TotalAlloc
}

func TestAddFileServesRanges(t *testing.T) {
	srv, c := start(t)
	d := c.create("object_request", "range", objectRequest(), http.StatusOK)
	fileID, err := srv.AddFile(d.DocflowID, "extract_info:pdf", 1000)
	require.NoError(t, err)

	req := c.request(context.Background(), http.MethodGet, "/docflows/"+d.DocflowID+"/files/"+fileID, nil)
	req.Header.Set("Range", "bytes=500-502")
	a := c.send(req)

	require.Equal(t, http.StatusPartialContent, a.status)
	assert.Equal(t, "application/pdf", a.header.Get("Content-Type"))
	assert.Equal(t, []byte{PatternByte(500), PatternByte(501), PatternByte(502)}, a.body)
}

func TestAddFileErrors(t *testing.T) {
	srv, c := start(t)
	_, err := srv.AddFile("nope", "outdoc", 1)
	assert.Error(t, err)
	d := c.create("object_request", "x", objectRequest(), http.StatusOK)
	_, err = srv.AddFile(d.DocflowID, "outdoc", -1)
	assert.Error(t, err)
}

func TestPatternReaderSeeks(t *testing.T) {
	p := &patternReader{size: 300}
	off, err := p.Seek(-10, io.SeekEnd)
	require.NoError(t, err)
	assert.Equal(t, int64(290), off)
	rest, err := io.ReadAll(p)
	require.NoError(t, err)
	require.Len(t, rest, 10)
	assert.Equal(t, PatternByte(290), rest[0])
	assert.Equal(t, byte(290%251), rest[0])
	_, err = p.Seek(-1, io.SeekStart)
	assert.Error(t, err)
}

func TestPatternReaderMatchesPatternByte(t *testing.T) {
	for _, off := range []int64{0, 1, 250, 251, 252, 65000, 65535, 1 << 20, 1<<20 + 7} {
		p := &patternReader{size: off + 70000, off: off}
		got := make([]byte, 70000)
		_, err := io.ReadFull(p, got)
		require.NoError(t, err)
		for i, b := range got {
			if b != PatternByte(off+int64(i)) {
				t.Fatalf("offset %d: byte %d is %d, want %d", off, i, b, PatternByte(off+int64(i)))
			}
		}
	}
}

func TestUnsatisfiableRangeAnswersAnError(t *testing.T) {
	srv, c := start(t)
	d := c.create("object_request", "range", objectRequest(), http.StatusOK)
	fileID, err := srv.AddFile(d.DocflowID, "outdoc", 10)
	require.NoError(t, err)

	req := c.request(context.Background(), http.MethodGet, "/docflows/"+d.DocflowID+"/files/"+fileID, nil)
	req.Header.Set("Range", "bytes=50-60")
	requireError(t, c.send(req), http.StatusRequestedRangeNotSatisfiable)
}
