package realty

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hangUp closes the connection without answering.
func hangUp(t *testing.T, w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	require.NoError(t, err)
	conn.Close()
}

func TestGetRetriedOn503(t *testing.T) {
	mux, c, _ := setup(t)
	var calls atomic.Int32
	mux.HandleFunc("GET /realty/v1/docflows/d-1", func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) < 3 {
			writeJSON(w, http.StatusServiceUnavailable, `{"message":"busy"}`)
			return
		}
		writeJSON(w, http.StatusOK, queuedDocflow)
	})
	d, err := c.Docflows.Get(context.Background(), "d-1")
	require.NoError(t, err)
	assert.Equal(t, "d-1", d.ID)
	assert.EqualValues(t, 3, calls.Load())
}

func TestGetRetriesExhaustedReturnLastAnswer(t *testing.T) {
	mux, c, _ := setup(t)
	var calls atomic.Int32
	mux.HandleFunc("GET /realty/v1/docflows/d-1", func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		writeJSON(w, http.StatusServiceUnavailable, `{"message":"busy"}`)
	})
	_, err := c.Docflows.Get(context.Background(), "d-1")
	require.ErrorIs(t, err, ErrServer)
	assert.EqualValues(t, 3, calls.Load(), "WithRetry(3, ...) attempts three times")
}

func TestGetRetriedOnResetConnection(t *testing.T) {
	mux, c, _ := setup(t)
	var calls atomic.Int32
	mux.HandleFunc("GET /realty/v1/docflows/d-1", func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			hangUp(t, w)
			return
		}
		writeJSON(w, http.StatusOK, queuedDocflow)
	})
	_, err := c.Docflows.Get(context.Background(), "d-1")
	require.NoError(t, err)
	assert.EqualValues(t, 2, calls.Load())
}

func TestCreateNotRetriedOn500(t *testing.T) {
	mux, c, _ := setup(t)
	var calls atomic.Int32
	mux.HandleFunc("POST /realty/v1/docflows/object_request", func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		writeJSON(w, http.StatusInternalServerError, `{"message":"oops"}`)
	})
	_, err := c.Docflows.Create(context.Background(), ObjectRequest, "r", objectOptions())
	require.ErrorIs(t, err, ErrServer)
	assert.EqualValues(t, 1, calls.Load())
}

func TestCreateRetriedOn503And429(t *testing.T) {
	mux, c, _ := setup(t)
	var calls atomic.Int32
	mux.HandleFunc("POST /realty/v1/docflows/object_request", func(w http.ResponseWriter, r *http.Request) {
		switch calls.Add(1) {
		case 1:
			writeJSON(w, http.StatusServiceUnavailable, `{"message":"busy"}`)
		case 2:
			writeJSON(w, http.StatusTooManyRequests, `{"message":"slow down"}`)
		default:
			writeJSON(w, http.StatusOK, queuedDocflow)
		}
	})
	_, err := c.Docflows.Create(context.Background(), ObjectRequest, "r", objectOptions())
	require.NoError(t, err)
	assert.EqualValues(t, 3, calls.Load())
}

func TestCreateNotRetriedAfterRequestWasSent(t *testing.T) {
	mux, c, _ := setup(t)
	var calls atomic.Int32
	mux.HandleFunc("POST /realty/v1/docflows/object_request", func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		hangUp(t, w)
	})
	_, err := c.Docflows.Create(context.Background(), ObjectRequest, "r", objectOptions())
	require.ErrorIs(t, err, ErrOutcomeUnknown)
	assert.EqualValues(t, 1, calls.Load())
}

func TestCreateNotRetriedOnTimeoutAfterRequestWasSent(t *testing.T) {
	mux, c, _ := setup(t, WithHTTPClient(&http.Client{Timeout: 100 * time.Millisecond}))
	var calls atomic.Int32
	release := make(chan struct{})
	defer close(release)
	mux.HandleFunc("POST /realty/v1/docflows/object_request", func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})

	_, err := c.Docflows.Create(context.Background(), ObjectRequest, "r", objectOptions())
	require.ErrorIs(t, err, ErrOutcomeUnknown)
	var netErr net.Error
	require.ErrorAs(t, err, &netErr)
	assert.True(t, netErr.Timeout())
	assert.EqualValues(t, 1, calls.Load())
}

func TestCreateRetriedWhenConnectionRefused(t *testing.T) {
	// Nothing listens on the address: the request never leaves, so the
	// submission is retried (and fails in the end with a plain error).
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	ln.Close()

	c, err := NewClient(WithBaseURL("http://"+addr), WithSession("s"), WithRetry(3, time.Millisecond, time.Millisecond))
	require.NoError(t, err)
	attempts := countAttempts(c)
	_, err = c.Docflows.Create(context.Background(), ObjectRequest, "r", objectOptions())
	require.Error(t, err)
	assert.NotErrorIs(t, err, ErrOutcomeUnknown)
	assert.EqualValues(t, 3, attempts.Load())
}

// countAttempts counts the attempts that c's transport makes, including
// those that never reach a server.
func countAttempts(c *Client) *atomic.Int32 {
	attempts := new(atomic.Int32)
	inner := c.http.Transport.(*transport).base
	c.http.Transport.(*transport).base = roundTripFunc(func(r *http.Request) (*http.Response, error) {
		attempts.Add(1)
		return inner.RoundTrip(r)
	})
	return attempts
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestRetryAfterIsHonoured(t *testing.T) {
	mux, c, _ := setup(t, WithRetry(2, time.Millisecond, 2*time.Second))
	var first time.Time
	var gap time.Duration
	var calls atomic.Int32
	mux.HandleFunc("GET /realty/v1/docflows/d-1", func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			first = time.Now()
			w.Header().Set("Retry-After", "1")
			writeJSON(w, http.StatusTooManyRequests, `{"message":"slow down"}`)
			return
		}
		gap = time.Since(first)
		writeJSON(w, http.StatusOK, queuedDocflow)
	})
	_, err := c.Docflows.Get(context.Background(), "d-1")
	require.NoError(t, err)
	assert.GreaterOrEqual(t, gap, 900*time.Millisecond, "waited for Retry-After, not the 1ms backoff")
}

func TestRetryAfterIsCappedAtMaxBackoff(t *testing.T) {
	c, err := NewClient(WithRetry(2, time.Millisecond, 50*time.Millisecond))
	require.NoError(t, err)
	resp := &http.Response{StatusCode: http.StatusServiceUnavailable, Header: http.Header{"Retry-After": {"31536000"}}}
	assert.Equal(t, 50*time.Millisecond, c.backoff(c.minBackoff, c.maxBackoff, 0, resp))
}

func TestCancellationWhileBackingOff(t *testing.T) {
	mux, c, _ := setup(t, WithRetry(5, 10*time.Second, 10*time.Second))
	var calls atomic.Int32
	mux.HandleFunc("GET /realty/v1/docflows/d-1", func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		writeJSON(w, http.StatusServiceUnavailable, `{"message":"busy"}`)
	})
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := c.Docflows.Get(ctx, "d-1")
	require.Error(t, err)
	assert.True(t, errors.Is(err, context.DeadlineExceeded), "got %v", err)
	assert.Less(t, time.Since(start), 5*time.Second)
	assert.EqualValues(t, 1, calls.Load())
}

func TestCreateNotRetriedOnAnUntrustedCertificate(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, queuedDocflow)
	}))
	defer srv.Close()
	c, err := NewClient(WithBaseURL(srv.URL), WithSession("s"), WithRetry(3, time.Millisecond, time.Millisecond))
	require.NoError(t, err)
	attempts := countAttempts(c)

	_, err = c.Docflows.Create(context.Background(), ObjectRequest, "r", objectOptions())
	require.Error(t, err)
	assert.Contains(t, err.Error(), "certificate")
	assert.NotErrorIs(t, err, ErrOutcomeUnknown)
	assert.EqualValues(t, 1, attempts.Load(), "a bad certificate is not retried")
}
