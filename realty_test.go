package realty

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-realty/realty/options"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	testLogin     = "user@example.com"
	testPassword  = "pa55-w0rd-never-printed"
	testAccountID = "5ee84ac0-eb9a-4b42-b814-2f5f7c27c255"
	testSession   = "5e55-10n-never-printed"
)

// setup starts a server whose mux answers /auth with testSession, and a
// client with credentials and fast retries pointed at it.
func setup(t *testing.T, opts ...Option) (*http.ServeMux, *Client, *atomic.Int32) {
	t.Helper()
	mux := http.NewServeMux()
	logins := new(atomic.Int32)
	mux.HandleFunc("POST /realty/v1/auth", func(w http.ResponseWriter, r *http.Request) {
		n := logins.Add(1)
		var body map[string]string
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil || body["password"] != testPassword {
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprint(w, `{"code":"auth","message":"wrong login or password"}`)
			return
		}
		// The first login gets testSession, later ones a new session each.
		session := testSession
		if n > 1 {
			session = fmt.Sprint(testSession, "-", n)
		}
		fmt.Fprintf(w, `{"userId":"u1","sessionId":%q}`, session)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	all := append([]Option{
		WithBaseURL(srv.URL + "/realty/v1"),
		WithCredentials(testLogin, testPassword, testAccountID),
		WithRetry(3, time.Millisecond, 5*time.Millisecond),
	}, opts...)
	c, err := NewClient(all...)
	require.NoError(t, err)
	return mux, c, logins
}

func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	io.WriteString(w, body)
}

const queuedDocflow = `{"docflowId":"d-1","docflowType":"object_request","state":"queued","requestId":"r-1"}`

func objectOptions() options.ObjectRequest {
	return options.ObjectRequest{Type: options.ExtractInfo, CadastralNumber: "47:14:1203001:814"}
}

func TestCreateQueuedOn200(t *testing.T) {
	mux, c, _ := setup(t)
	mux.HandleFunc("POST /realty/v1/docflows/object_request", func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "auth.sid "+testSession, r.Header.Get("Authorization"))
		assert.Equal(t, "application/json", r.Header.Get("Content-Type"))
		body, _ := io.ReadAll(r.Body)
		assert.JSONEq(t, `{"requestId":"r-1","options":{"type":"info","cadastralNumber":"47:14:1203001:814"}}`, string(body))
		writeJSON(w, http.StatusOK, queuedDocflow)
	})

	d, err := c.Docflows.Create(context.Background(), ObjectRequest, "r-1", objectOptions())
	require.NoError(t, err)
	assert.Equal(t, "d-1", d.ID)
	assert.Equal(t, StateQueued, d.State)
	assert.Equal(t, ObjectRequest, d.Type)
	assert.Equal(t, "r-1", d.RequestID)
}

func TestCreateSuspendedOn201DecodesRequirements(t *testing.T) {
	mux, c, _ := setup(t)
	mux.HandleFunc("POST /realty/v1/docflows/object_request", func(w http.ResponseWriter, r *http.Request) {
		// A wrapped docflow with "type" and no state: the status decides.
		writeJSON(w, http.StatusCreated, `{"docflow":{"docflowId":"d-2","type":"object_request",
			"requirements":{"signature":[{"person":{"name":"Иван","surname":"Иванов","personId":"p1"},
			"files":[{"id":"f-1","type":"statement","contentLink":"https://x/f-1"}]}],
			"payment":[{"uin":"00000000700486290714","summ":"700"}]}}}`)
	})

	d, err := c.Docflows.Create(context.Background(), ObjectRequest, "", objectOptions())
	require.NoError(t, err)
	assert.Equal(t, StateSuspended, d.State)
	assert.Equal(t, ObjectRequest, d.Type)
	require.NotNil(t, d.Requirements)
	require.Len(t, d.Requirements.Signature, 1)
	assert.Equal(t, "p1", d.Requirements.Signature[0].Person.PersonID)
	assert.Equal(t, FilePointer{ID: "f-1", Type: FileStatement, ContentLink: "https://x/f-1"}, d.Requirements.Signature[0].Files[0])
	assert.Equal(t, []PaymentRequirement{{UIN: "00000000700486290714", Amount: "700"}}, d.Requirements.Payment)
}

func TestCreateValidationErrorOn400(t *testing.T) {
	mux, c, _ := setup(t)
	mux.HandleFunc("POST /realty/v1/docflows/object_request", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusBadRequest, `{"code":"validation","message":"Failed to validate input request",
			"target":"api","context":{"traceId":"t-9"},"errors":[{"code":"validation","message":"must not be null",
			"target":"objectRequest.options.cadastralNumber"}]}`)
	})

	_, err := c.Docflows.Create(context.Background(), ObjectRequest, "r", objectOptions())
	require.Error(t, err)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusBadRequest, apiErr.StatusCode)
	assert.Equal(t, "validation", apiErr.Code)
	assert.Equal(t, "api", apiErr.Target)
	assert.Equal(t, map[string]any{"traceId": "t-9"}, apiErr.Context)
	require.Len(t, apiErr.Errors, 1)
	assert.Equal(t, "objectRequest.options.cadastralNumber", apiErr.Errors[0].Target)
	assert.ErrorIs(t, err, ErrValidation)
	assert.NotErrorIs(t, err, ErrNotFound)
	assert.Equal(t, apiErr.Errors, Problems(err))
	assert.Contains(t, err.Error(), "objectRequest.options.cadastralNumber: must not be null")
}

func TestErrorStatusesMapToSentinels(t *testing.T) {
	for _, tc := range []struct {
		status   int
		body     string
		sentinel error
	}{
		{http.StatusForbidden, `{"code":"forbidden","message":"access restricted"}`, ErrForbidden},
		{http.StatusNotFound, `{"code":"notFound","message":"no such docflow"}`, ErrNotFound},
		{http.StatusNotImplemented, `{"code":"notImplemented","message":"not yet"}`, ErrNotSupported},
		{http.StatusBadGateway, "<html><body><h1>502 Bad Gateway</h1></body></html>", ErrServer},
		{http.StatusInternalServerError, "", ErrServer},
	} {
		t.Run(fmt.Sprint(tc.status), func(t *testing.T) {
			mux, c, _ := setup(t, WithRetry(1, 0, 0))
			mux.HandleFunc("GET /realty/v1/docflows/d-1", func(w http.ResponseWriter, r *http.Request) {
				if strings.HasPrefix(tc.body, "<") {
					w.Header().Set("Content-Type", "text/html")
				}
				w.WriteHeader(tc.status)
				io.WriteString(w, tc.body)
			})
			_, err := c.Docflows.Get(context.Background(), "d-1")
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.sentinel)
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, tc.status, apiErr.StatusCode)
			assert.Equal(t, "/docflows/d-1", apiErr.Path)
			if strings.HasPrefix(tc.body, "{") {
				assert.NotEmpty(t, apiErr.Message)
				assert.Empty(t, apiErr.Excerpt)
			} else {
				assert.Equal(t, tc.body, apiErr.Excerpt)
			}
		})
	}
}

func TestErrorExcerptIsBounded(t *testing.T) {
	mux, c, _ := setup(t, WithRetry(1, 0, 0))
	mux.HandleFunc("GET /realty/v1/docflows/d-1", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadGateway)
		io.WriteString(w, strings.Repeat("я", 10_000))
	})
	_, err := c.Docflows.Get(context.Background(), "d-1")
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.LessOrEqual(t, len(apiErr.Excerpt), excerptLimit)
	assert.NotEmpty(t, apiErr.Excerpt)
}

func TestExpiredSessionLogsInAgainOnce(t *testing.T) {
	mux, c, logins := setup(t)
	var calls atomic.Int32
	mux.HandleFunc("GET /realty/v1/docflows/d-1", func(w http.ResponseWriter, r *http.Request) {
		// The first session expires after the first call.
		if calls.Add(1) == 2 {
			writeJSON(w, http.StatusUnauthorized, `{"code":"unauthorized","message":"session expired"}`)
			return
		}
		writeJSON(w, http.StatusOK, queuedDocflow)
	})

	_, err := c.Docflows.Get(context.Background(), "d-1")
	require.NoError(t, err)
	d, err := c.Docflows.Get(context.Background(), "d-1")
	require.NoError(t, err)
	assert.Equal(t, "d-1", d.ID)
	assert.EqualValues(t, 2, logins.Load())
	assert.EqualValues(t, 3, calls.Load())
}

func TestUnauthorizedAfterFreshLoginIsReturned(t *testing.T) {
	mux, c, logins := setup(t)
	var calls atomic.Int32
	mux.HandleFunc("GET /realty/v1/docflows/d-1", func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		writeJSON(w, http.StatusUnauthorized, `{"code":"unauthorized","message":"no access"}`)
	})

	_, err := c.Docflows.Get(context.Background(), "d-1")
	require.ErrorIs(t, err, ErrUnauthorized)
	assert.EqualValues(t, 2, logins.Load(), "one lazy login, one after the 401")
	assert.EqualValues(t, 2, calls.Load(), "the call is repeated once")
}

func TestWrongPasswordIsUnauthorized(t *testing.T) {
	mux, _, _ := setup(t)
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c, err := NewClient(WithBaseURL(srv.URL+"/realty/v1"), WithCredentials(testLogin, "wrong", testAccountID))
	require.NoError(t, err)

	_, err = c.Docflows.Get(context.Background(), "d-1")
	require.ErrorIs(t, err, ErrUnauthorized)
	assert.NotErrorIs(t, err, ErrValidation)
	assert.Contains(t, err.Error(), "login failed")
	assert.Contains(t, err.Error(), "wrong login or password")
}

func TestFixedSessionNeverLogsIn(t *testing.T) {
	mux, _, logins := setup(t)
	mux.HandleFunc("GET /realty/v1/docflows/d-1", func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "auth.sid fixed", r.Header.Get("Authorization"))
		writeJSON(w, http.StatusUnauthorized, `{"message":"expired"}`)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c, err := NewClient(WithBaseURL(srv.URL+"/realty/v1"), WithSession("fixed"))
	require.NoError(t, err)

	_, err = c.Docflows.Get(context.Background(), "d-1")
	require.ErrorIs(t, err, ErrUnauthorized)
	assert.Zero(t, logins.Load())
}

func TestNoCredentialsFailsBeforeAnyRequest(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { hits.Add(1) }))
	defer srv.Close()
	c, err := NewClient(WithBaseURL(srv.URL))
	require.NoError(t, err)
	_, err = c.Docflows.Get(context.Background(), "d-1")
	require.ErrorIs(t, err, ErrUnauthorized)
	assert.Zero(t, hits.Load())
}

func TestConcurrentUnauthorizedCausesOneLogin(t *testing.T) {
	mux, c, logins := setup(t)
	// Log in once, then expire that session: the next 50 calls all see
	// 401 with the same session.
	var expired atomic.Bool
	var gate sync.WaitGroup
	gate.Add(50)
	mux.HandleFunc("GET /realty/v1/docflows/{id}", func(w http.ResponseWriter, r *http.Request) {
		if expired.Load() && r.Header.Get("Authorization") == "auth.sid "+testSession {
			gate.Done()
			gate.Wait() // every caller holds the old session before any re-login
			writeJSON(w, http.StatusUnauthorized, `{"message":"expired"}`)
			return
		}
		writeJSON(w, http.StatusOK, queuedDocflow)
	})
	_, err := c.Docflows.Get(context.Background(), "warm-up")
	require.NoError(t, err)
	require.EqualValues(t, 1, logins.Load())
	expired.Store(true)

	var wg sync.WaitGroup
	errs := make(chan error, 50)
	for i := range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := c.Docflows.Get(context.Background(), fmt.Sprint("d-", i))
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		assert.NoError(t, err)
	}
	assert.EqualValues(t, 2, logins.Load(), "one lazy login and one re-login for 50 callers")
}
