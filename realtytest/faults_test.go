package realtytest

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// createBody is a create request's body for an extract order.
func createBody(requestID string) map[string]any {
	return map[string]any{"requestId": requestID, "options": objectRequest()}
}

func TestFaultStatusAnswersWithoutHandling(t *testing.T) {
	srv, c := start(t)
	srv.FailNext(2, Fault{Status: http.StatusServiceUnavailable, RetryAfter: 1500 * time.Millisecond})

	for range 2 {
		a := c.call(http.MethodPost, "/docflows/object_request", createBody("r"))
		p := requireError(t, a, http.StatusServiceUnavailable)
		assert.Equal(t, "2", a.header.Get("Retry-After"), "whole seconds, rounded up")
		assert.NotEmpty(t, p.Message)
	}
	assert.Equal(t, 0, srv.CreatedCount("r"), "nothing was created")

	c.create("object_request", "r", objectRequest(), http.StatusOK)
	assert.Equal(t, 1, srv.CreatedCount("r"), "the fault applied to two requests only")
}

func TestFailNextSparesLogins(t *testing.T) {
	srv, c := start(t)
	srv.FailNext(1, Fault{Status: http.StatusInternalServerError})

	c.session = c.login(DefaultLogin, DefaultPassword, DefaultAccountID)

	requireError(t, c.call(http.MethodGet, "/news", nil), http.StatusInternalServerError)
	assert.Equal(t, http.StatusOK, c.call(http.MethodGet, "/news", nil).status)
}

func TestFaultDelayWaitsAndEndsWithTheClient(t *testing.T) {
	srv, c := start(t)

	srv.FailNext(1, Fault{Delay: 50 * time.Millisecond})
	began := time.Now()
	assert.Equal(t, http.StatusOK, c.call(http.MethodGet, "/news", nil).status)
	assert.GreaterOrEqual(t, time.Since(began), 50*time.Millisecond)

	srv.FailNext(1, Fault{Delay: time.Hour})
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	_, err := c.http.Do(c.request(ctx, http.MethodPost, "/docflows/object_request",
		strings.NewReader(`{"requestId":"late","options":{"type":"info","cadastralNumber":"76:23:031208:4410"}}`)))
	require.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Equal(t, 0, srv.CreatedCount("late"), "a request whose client gave up is not handled")
}

func TestFaultDropBeforeReadHandlesNothing(t *testing.T) {
	srv, c := start(t)
	srv.FailNext(1, Fault{DropBeforeRead: true})

	_, err := c.http.Do(c.request(context.Background(), http.MethodPost, "/docflows/object_request",
		strings.NewReader(`{"requestId":"d1","options":{"type":"info","cadastralNumber":"76:23:031208:4410"}}`)))

	require.Error(t, err)
	assert.Equal(t, 0, srv.CreatedCount("d1"))
}

func TestFaultDropAfterHandleCreatesButDoesNotAnswer(t *testing.T) {
	srv, c := start(t)
	srv.FailNext(1, Fault{DropAfterHandle: true})

	_, err := c.http.Do(c.request(context.Background(), http.MethodPost, "/docflows/object_request",
		strings.NewReader(`{"requestId":"d2","options":{"type":"info","cadastralNumber":"76:23:031208:4410"}}`)))

	require.Error(t, err)
	assert.Equal(t, 1, srv.CreatedCount("d2"), "the docflow exists though the client got no answer")
}

func TestFaultExpireSessionEndsTheSession(t *testing.T) {
	srv, c := start(t)
	srv.FailNext(1, Fault{ExpireSession: true})

	requireError(t, c.call(http.MethodGet, "/news", nil), http.StatusUnauthorized)
	requireError(t, c.call(http.MethodGet, "/news", nil), http.StatusUnauthorized)

	c.session = c.login(DefaultLogin, DefaultPassword, DefaultAccountID)
	assert.Equal(t, http.StatusOK, c.call(http.MethodGet, "/news", nil).status)
}

func TestFaultFuncDecidesPerRequest(t *testing.T) {
	srv, c := start(t)
	srv.SetFaultFunc(func(r *http.Request) Fault {
		if r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/suggest") {
			return Fault{Status: http.StatusTooManyRequests, RetryAfter: time.Second}
		}
		return Fault{}
	})

	a := c.call(http.MethodPost, "/location/cadastre/suggest", map[string]any{"region": map[string]string{"name": "x"}})
	requireError(t, a, http.StatusTooManyRequests)
	assert.Equal(t, "1", a.header.Get("Retry-After"))
	assert.Equal(t, http.StatusOK, c.call(http.MethodGet, "/news", nil).status)

	srv.SetFaultFunc(nil)
	assert.Equal(t, http.StatusOK, c.call(http.MethodPost, "/location/cadastre/suggest",
		map[string]any{"region": map[string]string{"name": "x"}}).status)
}

func TestRequestsCountsEveryRequest(t *testing.T) {
	srv, c := start(t) // one login
	srv.FailNext(1, Fault{Status: http.StatusBadGateway})
	c.call(http.MethodGet, "/news", nil)
	c.call(http.MethodGet, "/nowhere", nil)
	assert.Equal(t, 3, srv.Requests())
}
