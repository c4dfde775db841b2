package realty_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-realty/realty"
	"github.com/go-realty/realty/realtytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	bigFile   = 256 << 20
	heapLimit = 16 << 20
)

// heapWatch samples the live heap every 8 MiB that passes through it and
// keeps the highest reading.
type heapWatch struct {
	seen, nextCheck int64
	peak            uint64
}

func (h *heapWatch) passed(n int) {
	h.seen += int64(n)
	if h.seen < h.nextCheck {
		return
	}
	h.nextCheck = h.seen + 8<<20
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	h.peak = max(h.peak, ms.HeapAlloc)
}

// Write counts what a download writes.
func (h *heapWatch) Write(p []byte) (int, error) { h.passed(len(p)); return len(p), nil }

// generator is a non-seekable reader of n pattern bytes that watches the
// heap as it is read.
type generator struct {
	left  int64
	watch *heapWatch
}

func (g *generator) Read(p []byte) (int, error) {
	if g.left == 0 {
		return 0, io.EOF
	}
	n := min(int64(len(p)), g.left)
	for i := range p[:n] {
		p[i] = byte(i)
	}
	g.left -= n
	g.watch.passed(int(n))
	return int(n), nil
}

func TestDownloadOf256MiBStreams(t *testing.T) {
	if testing.Short() {
		t.Skip("moves 256 MiB")
	}
	srv, c := fakeClient(t)
	ctx := context.Background()
	_, opts := fixture(t, realty.ObjectRequest)
	d, err := c.Docflows.Create(ctx, realty.ObjectRequest, "big", opts)
	require.NoError(t, err)
	fileID, err := srv.AddFile(d.ID, "egrn:outdoc", bigFile)
	require.NoError(t, err)

	dl, err := c.Files.Download(ctx, d.ID, fileID)
	require.NoError(t, err)
	defer dl.Close()
	assert.EqualValues(t, bigFile, dl.ContentLength)
	watch := &heapWatch{}
	n, err := io.Copy(watch, dl)
	require.NoError(t, err)
	assert.EqualValues(t, bigFile, n)
	assert.Less(t, watch.peak, uint64(heapLimit), "peak heap %d bytes", watch.peak)
}

func TestUploadOf256MiBFromNonSeekableReaderStreams(t *testing.T) {
	if testing.Short() {
		t.Skip("moves 256 MiB")
	}
	srv, c := fakeClient(t)
	watch := &heapWatch{}
	up, err := c.Contents.Upload(context.Background(), realty.MediaPDF, &generator{left: bigFile, watch: watch})
	require.NoError(t, err)
	size, _, ok := srv.Content(up.ID)
	require.True(t, ok)
	assert.EqualValues(t, bigFile, size)
	assert.Less(t, watch.peak, uint64(heapLimit), "peak heap %d bytes", watch.peak)
}

func TestUploadFromNonSeekableReaderIsNeverRetried(t *testing.T) {
	srv, c := fakeClient(t)
	_, err := c.News.List(context.Background(), "") // logs in
	require.NoError(t, err)
	srv.FailNext(1, realtytest.Fault{Status: http.StatusServiceUnavailable})
	before := srv.Requests()
	_, err = c.Contents.Upload(context.Background(), realty.MediaPDF, &generator{left: 1 << 10, watch: &heapWatch{}})
	require.ErrorIs(t, err, realty.ErrServer)
	assert.Equal(t, before+1, srv.Requests())
}

func TestUploadFromSeekerIsRetriedWhole(t *testing.T) {
	for name, body := range map[string]io.ReadSeeker{
		"ReaderAt":   io.NewSectionReader(&patternReaderAt{}, 0, 1<<20),
		"ReadSeeker": &onlySeeker{io.NewSectionReader(&patternReaderAt{}, 0, 1<<20)},
	} {
		t.Run(name, func(t *testing.T) {
			srv, c := fakeClient(t)
			srv.FailNext(2, realtytest.Fault{Status: http.StatusServiceUnavailable})
			up, err := c.Contents.Upload(context.Background(), realty.MediaXML, body)
			require.NoError(t, err)
			size, _, ok := srv.Content(up.ID)
			require.True(t, ok)
			assert.EqualValues(t, 1<<20, size)
		})
	}
}

// onlySeeker hides every method but Read and Seek.
type onlySeeker struct{ rs io.ReadSeeker }

func (o *onlySeeker) Read(p []byte) (int, error)                { return o.rs.Read(p) }
func (o *onlySeeker) Seek(off int64, whence int) (int64, error) { return o.rs.Seek(off, whence) }

type patternReaderAt struct{}

func (patternReaderAt) ReadAt(p []byte, off int64) (int, error) {
	for i := range p {
		p[i] = byte(off + int64(i))
	}
	return len(p), nil
}

func TestWaitRequestRateIsBounded(t *testing.T) {
	var gets atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gets.Add(1)
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"docflowId":"d-1","state":"queued"}`)
	}))
	defer srv.Close()
	c, err := realty.NewClient(realty.WithBaseURL(srv.URL), realty.WithSession("s"))
	require.NoError(t, err)

	for _, tc := range []struct {
		name    string
		opts    []realty.PollOption
		waitFor time.Duration
		most    int32
	}{
		// 1s, 1.5s, 2.25s...: at most 3 polls in 3 seconds.
		{"defaults", nil, 3 * time.Second, 3},
		// A zero interval is floored at 10ms: at most 101 polls in 1s.
		{"zero interval", []realty.PollOption{realty.PollInterval(0, 0)}, time.Second, 101},
	} {
		t.Run(tc.name, func(t *testing.T) {
			gets.Store(0)
			ctx, cancel := context.WithTimeout(context.Background(), tc.waitFor)
			defer cancel()
			d, err := c.Docflows.Wait(ctx, "d-1", tc.opts...)
			require.ErrorIs(t, err, context.DeadlineExceeded)
			require.NotNil(t, d, "the last docflow seen comes with the error")
			assert.Equal(t, realty.StateQueued, d.State)
			assert.LessOrEqual(t, gets.Load(), tc.most)
			assert.GreaterOrEqual(t, gets.Load(), int32(2))
		})
	}
}
