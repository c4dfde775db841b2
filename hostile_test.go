package realty

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTruncatedJSONIsADecodeError(t *testing.T) {
	mux, c, _ := setup(t)
	mux.HandleFunc("GET /realty/v1/docflows/d-1", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, `{"docflowId":"d-1","state":`)
	})
	_, err := c.Docflows.Get(context.Background(), "d-1")
	var decErr *DecodeError
	require.ErrorAs(t, err, &decErr)
	assert.Equal(t, http.StatusOK, decErr.Status)
}

func TestEndlessJSONStopsAtTheSizeLimit(t *testing.T) {
	mux, c, _ := setup(t, WithMaxResponseSize(1<<20))
	var sent atomic.Int64
	mux.HandleFunc("GET /realty/v1/docflows/d-1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"docflowId":"d-1","options":"`)
		chunk := []byte(strings.Repeat("a", 64<<10))
		// Up to 10 GiB, until the client hangs up.
		for sent.Load() < 10<<30 {
			n, err := w.Write(chunk)
			sent.Add(int64(n))
			if err != nil {
				return
			}
		}
	})
	start := time.Now()
	_, err := c.Docflows.Get(context.Background(), "d-1")
	require.ErrorIs(t, err, ErrResponseTooLarge)
	assert.Less(t, time.Since(start), 10*time.Second)
	assert.Less(t, sent.Load(), int64(64<<20), "the client stopped reading")
}

func TestContentTypeIsNotTrusted(t *testing.T) {
	mux, c, _ := setup(t)
	mux.HandleFunc("GET /realty/v1/docflows/plain", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		io.WriteString(w, queuedDocflow)
	})
	mux.HandleFunc("GET /realty/v1/docflows/html", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, "<html><body>maintenance</body></html>")
	})
	d, err := c.Docflows.Get(context.Background(), "plain")
	require.NoError(t, err, "a JSON body under another content type still decodes")
	assert.Equal(t, "d-1", d.ID)

	_, err = c.Docflows.Get(context.Background(), "html")
	var decErr *DecodeError
	require.ErrorAs(t, err, &decErr, "HTML labelled as JSON is a decode error")
}

func TestRetryAfterOfAYearIsCapped(t *testing.T) {
	mux, c, _ := setup(t, WithRetry(2, time.Millisecond, 50*time.Millisecond))
	var calls atomic.Int32
	mux.HandleFunc("GET /realty/v1/docflows/d-1", func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			w.Header().Set("Retry-After", "31536000")
			writeJSON(w, http.StatusServiceUnavailable, `{"message":"come back next year"}`)
			return
		}
		writeJSON(w, http.StatusOK, queuedDocflow)
	})
	start := time.Now()
	_, err := c.Docflows.Get(context.Background(), "d-1")
	require.NoError(t, err)
	assert.Less(t, time.Since(start), 5*time.Second)
}

func TestRedirectToAnotherHostCarriesNoSecrets(t *testing.T) {
	var elsewhere http.Header
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		elsewhere = r.Header.Clone()
		writeJSON(w, http.StatusOK, queuedDocflow)
	}))
	defer other.Close()

	mux, c, _ := setup(t, WithAPIKey("api-key-never-printed"))
	var here http.Header
	mux.HandleFunc("GET /realty/v1/docflows/d-1", func(w http.ResponseWriter, r *http.Request) {
		here = r.Header.Clone()
		http.Redirect(w, r, other.URL+"/stolen", http.StatusFound)
	})
	_, err := c.Docflows.Get(context.Background(), "d-1")
	require.NoError(t, err)
	assert.NotEmpty(t, here.Get("Authorization"), "the service itself gets the session")
	assert.NotEmpty(t, here.Get("X-Kontur-Apikey"))
	require.NotNil(t, elsewhere)
	assert.Empty(t, elsewhere.Get("Authorization"))
	assert.Empty(t, elsewhere.Get("X-Kontur-Apikey"))
}

// hostileIDs must each stay inside one path segment.
var hostileIDs = []string{"a/b", "..", ".", "../auth", "%2F", "50% off", "id with spaces", "номер-1", "x?y#z", "a\\b"}

func TestHostileIDsStayInOneSegment(t *testing.T) {
	// A bare handler: a ServeMux would clean "..", hiding what was sent.
	var paths []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		paths = append(paths, r.URL.EscapedPath())
		switch {
		case strings.Contains(r.URL.Path, "/files/") && r.Method == http.MethodGet:
			io.WriteString(w, "file")
		case strings.Contains(r.URL.Path, "/signatures"):
			w.WriteHeader(http.StatusNoContent)
		default:
			writeJSON(w, http.StatusOK, queuedDocflow)
		}
	}))
	defer srv.Close()
	c, err := NewClient(WithBaseURL(srv.URL+"/realty/v1"), WithSession("s"))
	require.NoError(t, err)
	ctx := context.Background()
	for _, id := range hostileIDs {
		paths = nil
		_, err := c.Docflows.Get(ctx, id)
		require.NoError(t, err)
		_, err = c.Docflows.Send(ctx, id)
		require.NoError(t, err)
		dl, err := c.Files.Download(ctx, id, id)
		require.NoError(t, err)
		dl.Close()
		require.NoError(t, c.Signatures.Upload(ctx, id, id, strings.NewReader("sig")))
		require.NoError(t, c.Signatures.Link(ctx, id, id, id))

		want := map[int]int{0: 4, 1: 4, 2: 6, 3: 7, 4: 8} // segments of each path
		require.Len(t, paths, len(want), id)
		for i, p := range paths {
			segments := strings.Split(strings.TrimPrefix(p, "/realty/v1/"), "/")
			assert.Len(t, segments, want[i]-2, "id %q became %s", id, p)
			for _, seg := range segments[1:] {
				if seg != "files" && seg != "signatures" {
					assert.Equal(t, segment(id), seg, "id %q", id)
				}
			}
		}
	}
}

func TestEmptyIDsFailBeforeAnyRequest(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { hits.Add(1) }))
	defer srv.Close()
	c, err := NewClient(WithBaseURL(srv.URL), WithSession("s"))
	require.NoError(t, err)
	ctx := context.Background()
	calls := map[string]func() error{
		"Get":           func() error { _, err := c.Docflows.Get(ctx, ""); return err },
		"Send":          func() error { _, err := c.Docflows.Send(ctx, ""); return err },
		"Wait":          func() error { _, err := c.Docflows.Wait(ctx, ""); return err },
		"Download":      func() error { _, err := c.Files.Download(ctx, "d", ""); return err },
		"Upload":        func() error { return c.Signatures.Upload(ctx, "", "f", strings.NewReader("s")) },
		"Link":          func() error { return c.Signatures.Link(ctx, "d", "f", "") },
		"Contents.Get":  func() error { _, err := c.Contents.Get(ctx, ""); return err },
		"Upload nil":    func() error { _, err := c.Contents.Upload(ctx, MediaPDF, nil); return err },
		"Create no opt": func() error { _, err := c.Docflows.Create(ctx, ObjectRequest, "r", nil); return err },
	}
	for name, call := range calls {
		err := call()
		assert.Error(t, err, name)
		assert.False(t, errors.Is(err, context.Canceled), name)
	}
	assert.Zero(t, hits.Load())
}

func TestHooksSeeNoSecrets(t *testing.T) {
	var seen []string
	mux, c, _ := setup(t, WithAPIKey("api-key-never-printed"),
		WithRequestHook(func(r *http.Request, attempt int) {
			seen = append(seen, fmt.Sprintf("%d %+v %v", attempt, r, r.Header))
		}),
		WithResponseHook(func(r *http.Response) {
			seen = append(seen, fmt.Sprintf("%+v %v", r.Request, r.Request.Header))
		}))
	mux.HandleFunc("GET /realty/v1/docflows/d-1", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, queuedDocflow)
	})
	_, err := c.Docflows.Get(context.Background(), "d-1")
	require.NoError(t, err)
	require.Len(t, seen, 4, "login and get, request and response each")
	for _, s := range seen {
		for _, secret := range []string{testPassword, testSession, "api-key-never-printed"} {
			assert.NotContains(t, s, secret)
		}
	}
}

func TestPanicInAHookCarriesNoSecrets(t *testing.T) {
	mux, c, _ := setup(t, WithSession(testSession), WithAPIKey("api-key-never-printed"),
		WithRequestHook(func(r *http.Request, attempt int) { panic(fmt.Sprintf("hook saw %#v", r)) }))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { writeJSON(w, http.StatusOK, queuedDocflow) })
	var message string
	func() {
		defer func() { message = fmt.Sprint(recover()) }()
		_, _ = c.Docflows.Get(context.Background(), "d-1")
	}()
	require.Contains(t, message, "hook saw")
	assert.NotContains(t, message, testSession)
	assert.NotContains(t, message, "api-key-never-printed")
}
