package realty

import (
	"context"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

// callKind tells the retry policy how a call may be repeated.
type callKind int

const (
	// kindRead is an idempotent call: it is retried on network errors,
	// 429 and 5xx answers (but 501).
	kindRead callKind = iota
	// kindSubmit files or changes something (creating or sending a
	// docflow). It is retried only when the service provably did not
	// process it: an answer of 429 or 503, or a failure before the
	// request was written to the connection.
	kindSubmit
	// kindOnce has a body that can be read only once; it is never
	// retried.
	kindOnce
)

// callState is what one call (all its attempts) shares with the
// transport and the retry policy, through the request's context.
type callState struct {
	kind    callKind
	session secret
	method  string
	path    string
	// wrote is set when the current attempt's request was written to
	// the connection; after that, a network error leaves the outcome
	// of a submission unknown.
	wrote   atomic.Bool
	attempt int
	// retryReason says why the previous attempt is being repeated.
	retryReason string
}

type callStateKey struct{}

func stateOf(ctx context.Context) *callState {
	st, _ := ctx.Value(callStateKey{}).(*callState)
	return st
}

// transport sets the authentication headers of each attempt at the
// last moment, and only on requests to the service's own host (a
// redirect elsewhere never carries them), records whether the request
// was written, and logs the attempt.
type transport struct {
	client *Client
	base   http.RoundTripper
}

// RoundTrip sends one attempt of a call.
func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	st := stateOf(req.Context())
	if st == nil {
		return t.base.RoundTrip(req)
	}
	st.attempt++
	st.wrote.Store(false)
	log := t.client.logger
	if st.attempt > 1 {
		log.LogAttrs(req.Context(), slog.LevelWarn, "realty: retrying request",
			slog.String("method", st.method), slog.String("path", st.path),
			slog.Int("attempt", st.attempt), slog.String("reason", st.retryReason))
	}

	// A shallow copy with its own headers: the caller's request is left
	// as it was, and the secrets live only in the copy.
	out := new(http.Request)
	*out = *req
	out.Header = req.Header.Clone()
	if out.URL.Host == t.client.baseURL.Host && out.URL.Scheme == t.client.baseURL.Scheme {
		if st.session != "" {
			out.Header.Set("Authorization", "auth.sid "+string(st.session))
		}
		if t.client.apiKey != "" {
			out.Header.Set("X-Kontur-Apikey", string(t.client.apiKey))
		}
	}

	if hook := t.client.requestHook; hook != nil {
		hook(req, st.attempt)
	}
	start := time.Now()
	resp, err := t.base.RoundTrip(out)
	status := 0
	if resp != nil {
		status = resp.StatusCode
		resp.Request = req // the request without its secrets
		if hook := t.client.responseHook; hook != nil {
			hook(resp)
		}
	}
	if log.Enabled(req.Context(), slog.LevelDebug) {
		attrs := []slog.Attr{
			slog.String("method", st.method), slog.String("path", st.path),
			slog.Int("status", status), slog.Int("attempt", st.attempt),
			slog.Duration("duration", time.Since(start)),
		}
		if err != nil {
			attrs = append(attrs, slog.String("error", err.Error()))
		}
		log.LogAttrs(req.Context(), slog.LevelDebug, "realty: request", attrs...)
	}
	return resp, err
}

// setupTransport builds the retrying client around the caller's HTTP
// client, or a pooled one.
func (c *Client) setupTransport() {
	var hc http.Client
	if c.http != nil {
		hc = *c.http
	} else {
		pooled := http.DefaultTransport.(*http.Transport).Clone()
		pooled.MaxIdleConnsPerHost = 64
		hc.Transport = pooled
	}
	base := hc.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	// The wrapper deliberately has no CloseIdleConnections method:
	// go-retryablehttp closes idle connections after every failed call,
	// which would cost a new connection after each API error.
	hc.Transport = &transport{client: c, base: base}
	c.http = &hc
	c.retry = &retryablehttp.Client{
		HTTPClient:   c.http,
		RetryWaitMin: c.minBackoff,
		RetryWaitMax: c.maxBackoff,
		RetryMax:     c.maxAttempts - 1,
		CheckRetry:   c.checkRetry,
		Backoff:      c.backoff,
		ErrorHandler: retryablehttp.PassthroughErrorHandler,
	}
}

// checkRetry decides whether an attempt is repeated; see callKind.
func (c *Client) checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	st := stateOf(ctx)
	if st == nil {
		return retryablehttp.DefaultRetryPolicy(ctx, resp, err)
	}

	retry := false
	switch st.kind {
	case kindOnce:
	case kindSubmit:
		if err != nil {
			// Before the request was written, a submission fails like a
			// read: retried unless the failure is one a retry cannot mend
			// (a bad certificate, an unsupported scheme).
			if !st.wrote.Load() {
				retry, _ = retryablehttp.DefaultRetryPolicy(ctx, resp, err)
			}
		} else {
			retry = resp.StatusCode == http.StatusTooManyRequests ||
				resp.StatusCode == http.StatusServiceUnavailable
		}
	default:
		retry, _ = retryablehttp.DefaultRetryPolicy(ctx, resp, err)
	}
	if retry {
		if err != nil {
			st.retryReason = err.Error()
		} else {
			st.retryReason = "status " + strconv.Itoa(resp.StatusCode)
		}
	}
	return retry, nil
}

// backoff waits exponentially longer from minWait up to maxWait, with
// jitter so that many clients do not retry in step. A Retry-After
// header is honoured, but never beyond maxWait.
func (c *Client) backoff(minWait, maxWait time.Duration, attempt int, resp *http.Response) time.Duration {
	wait := retryablehttp.DefaultBackoff(minWait, maxWait, attempt, resp)
	if resp != nil && resp.Header.Get("Retry-After") != "" {
		return min(wait, maxWait)
	}
	if wait <= 0 {
		return 0
	}
	// Full jitter over the upper half: [wait/2, wait).
	half := wait / 2
	return half + rand.N(wait-half)
}
