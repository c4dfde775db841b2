package realty

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"strings"

	"github.com/hashicorp/go-retryablehttp"
)

// request is one call to the service before authentication.
type request struct {
	method string
	path   string // below the base URL; caller values escaped by segment
	query  string // encoded query, without "?"
	kind   callKind

	contentType string
	json        []byte                   // a JSON body, or
	rewind      retryablehttp.ReaderFunc // a body that can be read again, or
	once        io.Reader                // a body that can be read only once
	length      int64                    // of rewind or once; -1 when unknown
	noAuth      bool                     // the login call itself
}

// send performs r with the client's session, logging in first when it
// has none and once more when the session has expired (401). It returns
// a 2xx answer whose body the caller must close, an *APIError for any
// other answer, or the error of the transport.
func (c *Client) send(ctx context.Context, r *request) (*http.Response, error) {
	if ctx == nil {
		return nil, errors.New("realty: nil context")
	}
	var (
		session secret
		gen     uint64
		err     error
	)
	if !r.noAuth {
		session, gen, err = c.auth.current(ctx)
		if err != nil {
			return nil, err
		}
	}
	resp, err := c.attempt(ctx, r, session)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusUnauthorized && !r.noAuth && r.once == nil && c.auth.canLogin() {
		c.discard(resp)
		session, _, err = c.auth.refresh(ctx, gen)
		if err != nil {
			return nil, err
		}
		resp, err = c.attempt(ctx, r, session)
		if err != nil {
			return nil, err
		}
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, c.errorFrom(r, resp, r.noAuth)
	}
	return resp, nil
}

// attempt runs r through the retrying transport with the given session.
func (c *Client) attempt(ctx context.Context, r *request, session secret) (*http.Response, error) {
	st := &callState{kind: r.kind, session: session, method: r.method, path: r.path}
	ctx = context.WithValue(ctx, callStateKey{}, st)
	ctx = httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
		WroteRequest: func(httptrace.WroteRequestInfo) { st.wrote.Store(true) },
	})
	url := c.endpoint(r.path)
	if r.query != "" {
		url += "?" + r.query
	}

	var (
		resp *http.Response
		err  error
	)
	if r.once != nil {
		var req *http.Request
		req, err = http.NewRequestWithContext(ctx, r.method, url, r.once)
		if err != nil {
			return nil, fmt.Errorf("realty: %s %s: %w", r.method, r.path, err)
		}
		req.ContentLength = r.length
		c.setHeaders(req.Header, r)
		resp, err = c.http.Do(req)
	} else {
		var body any
		switch {
		case r.json != nil:
			body = r.json
		case r.rewind != nil:
			body = r.rewind
		}
		var req *retryablehttp.Request
		req, err = retryablehttp.NewRequestWithContext(ctx, r.method, url, body)
		if err != nil {
			return nil, fmt.Errorf("realty: %s %s: %w", r.method, r.path, err)
		}
		if r.rewind != nil {
			req.ContentLength = r.length
		}
		c.setHeaders(req.Header, r)
		resp, err = c.retry.Do(req)
	}
	if err != nil {
		if resp != nil {
			c.discard(resp)
		}
		return nil, c.transportError(r, st, err)
	}
	return resp, nil
}

func (c *Client) setHeaders(h http.Header, r *request) {
	h.Set("User-Agent", c.userAgent)
	h.Set("Accept", "application/json")
	switch {
	case r.contentType != "":
		h.Set("Content-Type", r.contentType)
	case r.json != nil:
		h.Set("Content-Type", "application/json")
	}
}

// transportError describes a call that got no answer. A submission
// whose request had been written may have been processed: its error
// matches ErrOutcomeUnknown.
func (c *Client) transportError(r *request, st *callState, err error) error {
	if r.kind != kindRead && st.wrote.Load() {
		return fmt.Errorf("realty: %s %s: %w: %w", r.method, r.path, ErrOutcomeUnknown, err)
	}
	return fmt.Errorf("realty: %s %s: %w", r.method, r.path, err)
}

// discard reads what is left of a body (up to a bound) and closes it, so
// that the connection can carry the next request.
func (c *Client) discard(resp *http.Response) {
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, drainLimit))
	_ = resp.Body.Close()
}

// drainLimit bounds how much of an unwanted body is read to keep its
// connection; past it, closing the connection is cheaper.
const drainLimit = 256 << 10

// do sends r and decodes a JSON answer into out (when out is not nil).
// It returns the answer, whose body is closed.
func (c *Client) do(ctx context.Context, r *request, out any) (*http.Response, error) {
	resp, err := c.send(ctx, r)
	if err != nil {
		return nil, err
	}
	if out == nil {
		c.discard(resp)
		return resp, nil
	}
	// decode reads the body to its end (or past the limit): closing is
	// all that is left to do.
	defer resp.Body.Close()
	return resp, c.decode(r, resp, out)
}

// decode reads a JSON answer into out through the size limit.
func (c *Client) decode(r *request, resp *http.Response, out any) error {
	body, err := readLimited(resp.Body, resp.ContentLength, c.maxBody)
	if err != nil {
		return fmt.Errorf("realty: %s %s: %w", r.method, r.path, err)
	}
	if err := json.Unmarshal(body, out); err != nil {
		return &DecodeError{Method: r.method, Path: r.path, Status: resp.StatusCode, Err: err}
	}
	return nil
}

// readLimited reads all of body, or fails with ErrResponseTooLarge when
// it holds more than limit bytes.
func readLimited(body io.Reader, size, limit int64) ([]byte, error) {
	var buf bytes.Buffer
	if size > 0 && size <= limit {
		buf.Grow(int(size) + bytes.MinRead) // ReadFrom wants room for its last read
	}
	n, err := buf.ReadFrom(io.LimitReader(body, limit+1))
	if err != nil {
		return nil, err
	}
	if n > limit {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrResponseTooLarge, limit)
	}
	return buf.Bytes(), nil
}

// errorBodyLimit bounds how much of an error answer is read.
const errorBodyLimit = 64 << 10

// excerptLimit bounds the part of a non-JSON error body kept in an
// APIError.
const excerptLimit = 512

// errorFrom turns a non-2xx answer into an *APIError and closes it.
func (c *Client) errorFrom(r *request, resp *http.Response, login bool) error {
	defer c.discard(resp)
	body, _ := io.ReadAll(io.LimitReader(resp.Body, errorBodyLimit))
	e := &APIError{
		StatusCode: resp.StatusCode,
		Method:     r.method,
		Path:       r.path,
		login:      login,
	}
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) > 0 && trimmed[0] == '{' && json.Unmarshal(trimmed, &e.Problem) == nil {
		return e
	}
	e.Problem = Problem{}
	e.Excerpt = excerpt(trimmed)
	return e
}

// excerpt returns the start of a body as text, cut at a character
// boundary.
func excerpt(body []byte) string {
	if len(body) > excerptLimit {
		body = body[:excerptLimit]
	}
	s := strings.ToValidUTF8(string(body), "")
	return strings.TrimSpace(s)
}
