package realty

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"
)

// secret holds a password, session id or API key. Every way of printing,
// logging or encoding it shows "[redacted]"; the value itself is read
// only where a request is built.
type secret string

const redacted = "[redacted]"

// String returns "[redacted]", or "" when the secret is empty.
func (s secret) String() string {
	if s == "" {
		return ""
	}
	return redacted
}

// GoString keeps the value out of %#v.
func (s secret) GoString() string { return `"` + s.String() + `"` }

// Format keeps the value out of every fmt verb.
func (s secret) Format(f fmt.State, verb rune) {
	if verb == 'v' && f.Flag('#') {
		_, _ = io.WriteString(f, s.GoString())
		return
	}
	_, _ = io.WriteString(f, s.String())
}

// LogValue keeps the value out of slog.
func (s secret) LogValue() slog.Value { return slog.StringValue(s.String()) }

// MarshalJSON keeps the value out of JSON.
func (s secret) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// credentials are a user's login details.
type credentials struct {
	login     string
	password  secret
	accountID string
}

// Format prints the login alone, whatever the verb.
func (c credentials) Format(f fmt.State, verb rune) {
	_, _ = fmt.Fprintf(f, "credentials{login: %s}", c.login)
}

// loginTimeout bounds a login, which runs on behalf of every caller
// waiting for it and so cannot follow any one caller's context.
const loginTimeout = time.Minute

// authenticator keeps the client's session. A session obtained by
// logging in carries a generation number: a caller that saw a 401 with
// generation g logs in again only if no one has done so since, and
// callers that arrive during a login wait for it and share its result.
type authenticator struct {
	client *Client
	creds  *credentials
	fixed  bool // a session given with WithSession: never log in

	mu      sync.Mutex
	session secret
	gen     uint64

	logins singleflight.Group
}

// errNoCredentials is returned when the client has neither credentials
// nor a session.
var errNoCredentials = fmt.Errorf("%w: the client has no credentials: use WithCredentials or WithSession", ErrUnauthorized)

// canLogin reports whether the client may log in (again).
func (a *authenticator) canLogin() bool { return a.creds != nil && !a.fixed }

// current returns the session to use and its generation, logging in
// first when there is none yet.
func (a *authenticator) current(ctx context.Context) (secret, uint64, error) {
	a.mu.Lock()
	session, gen := a.session, a.gen
	a.mu.Unlock()
	if session != "" {
		return session, gen, nil
	}
	if !a.canLogin() {
		return "", 0, errNoCredentials
	}
	return a.refresh(ctx, gen)
}

// refresh logs in again unless a login newer than generation seen has
// already happened, and returns the new session.
func (a *authenticator) refresh(ctx context.Context, seen uint64) (secret, uint64, error) {
	if session, gen, ok := a.newerThan(seen); ok {
		return session, gen, nil
	}
	ch := a.logins.DoChan("login", func() (any, error) {
		if session, gen, ok := a.newerThan(seen); ok {
			return loginResult{session, gen}, nil
		}
		loginCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), loginTimeout)
		defer cancel()
		session, err := a.login(loginCtx)
		if err != nil {
			return nil, err
		}
		a.mu.Lock()
		defer a.mu.Unlock()
		a.session = session
		a.gen++
		return loginResult{a.session, a.gen}, nil
	})
	select {
	case <-ctx.Done():
		return "", 0, ctx.Err()
	case res := <-ch:
		if res.Err != nil {
			return "", 0, res.Err
		}
		r := res.Val.(loginResult)
		return r.session, r.gen, nil
	}
}

type loginResult struct {
	session secret
	gen     uint64
}

// newerThan returns the current session when a login has happened
// since generation seen.
func (a *authenticator) newerThan(seen uint64) (secret, uint64, bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.session != "" && a.gen != seen {
		return a.session, a.gen, true
	}
	return "", 0, false
}

// login calls POST /auth.
func (a *authenticator) login(ctx context.Context) (secret, error) {
	body, err := json.Marshal(struct {
		Login     string `json:"login"`
		Password  string `json:"password"`
		AccountID string `json:"accountId"`
	}{a.creds.login, string(a.creds.password), a.creds.accountID})
	if err != nil {
		return "", err
	}
	r := &request{method: http.MethodPost, path: "/auth", kind: kindRead, json: body, noAuth: true}
	var answer struct {
		SessionID string `json:"sessionId"`
	}
	resp, err := a.client.do(ctx, r, &answer)
	if err != nil {
		return "", &loginError{err}
	}
	if answer.SessionID == "" {
		return "", &loginError{&DecodeError{Method: r.method, Path: r.path,
			Status: resp.StatusCode, Err: errors.New("the answer has no sessionId")}}
	}
	return secret(answer.SessionID), nil
}

// loginError says that a login failed, and why.
type loginError struct{ err error }

// Error says the login failed, then why.
func (e *loginError) Error() string {
	return "realty: login failed: " + strings.TrimPrefix(e.err.Error(), "realty: ")
}

// Unwrap returns why the login failed.
func (e *loginError) Unwrap() error { return e.err }

// Login logs in now with the client's credentials, so that wrong
// credentials show at start-up rather than at the first call. Calls log
// in by themselves when needed; Login is never required. A client made
// WithSession has nothing to log in with and returns nil.
func (c *Client) Login(ctx context.Context) error {
	if !c.auth.canLogin() {
		if c.auth.fixed {
			return nil
		}
		return errNoCredentials
	}
	c.auth.mu.Lock()
	gen := c.auth.gen
	c.auth.mu.Unlock()
	_, _, err := c.auth.refresh(ctx, gen)
	return err
}
