package realtytest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/go-realty/realty/options"
)

// testClient speaks plain HTTP to a Server, as a client of the service
// would, holding one session.
type testClient struct {
	t       *testing.T
	srv     *Server
	http    *http.Client
	session string
}

// answer is a response read in full.
type answer struct {
	status int
	header http.Header
	body   []byte
}

// start starts a Server with opts and returns it with a client logged in
// to the built-in account.
func start(t *testing.T, opts ...Option) (*Server, *testClient) {
	t.Helper()
	srv := NewServer(opts...)
	t.Cleanup(srv.Close)
	c := newClient(t, srv)
	c.session = c.login(DefaultLogin, DefaultPassword, DefaultAccountID)
	return srv, c
}

// newClient returns a client of srv with no session and a transport of
// its own.
func newClient(t *testing.T, srv *Server) *testClient {
	transport := &http.Transport{MaxIdleConnsPerHost: 64}
	t.Cleanup(transport.CloseIdleConnections)
	return &testClient{t: t, srv: srv, http: &http.Client{Transport: transport}}
}

// login logs in and returns the session id, failing the test otherwise.
func (c *testClient) login(login, password, accountID string) string {
	c.t.Helper()
	a := c.call(http.MethodPost, "/auth", map[string]string{
		"login": login, "password": password, "accountId": accountID,
	})
	require.Equal(c.t, http.StatusOK, a.status, "%s", a.body)
	var resp struct{ UserID, SessionID string }
	require.NoError(c.t, json.Unmarshal(a.body, &resp))
	require.NotEmpty(c.t, resp.SessionID)
	return resp.SessionID
}

// request builds a request to path under the server's URL with the
// client's session.
func (c *testClient) request(ctx context.Context, method, path string, body io.Reader) *http.Request {
	c.t.Helper()
	req, err := http.NewRequestWithContext(ctx, method, c.srv.URL+path, body)
	require.NoError(c.t, err)
	if c.session != "" {
		req.Header.Set("Authorization", "auth.sid "+c.session)
	}
	return req
}

// send sends req and reads the whole answer.
func (c *testClient) send(req *http.Request) answer {
	c.t.Helper()
	resp, err := c.http.Do(req)
	require.NoError(c.t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(c.t, err)
	return answer{status: resp.StatusCode, header: resp.Header, body: body}
}

// call sends a request with body encoded as JSON (none when nil).
func (c *testClient) call(method, path string, body any) answer {
	c.t.Helper()
	var r io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		require.NoError(c.t, err)
		r = bytes.NewReader(b)
	}
	req := c.request(context.Background(), method, path, r)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return c.send(req)
}

// callRaw sends raw bytes with a content type.
func (c *testClient) callRaw(method, path, contentType string, body []byte) answer {
	c.t.Helper()
	req := c.request(context.Background(), method, path, bytes.NewReader(body))
	req.Header.Set("Content-Type", contentType)
	return c.send(req)
}

// wireDocflow is a docflow as a test reads it from the wire.
type wireDocflow struct {
	DocflowID    string          `json:"docflowId"`
	DocflowType  string          `json:"docflowType"`
	UserID       string          `json:"userId"`
	State        string          `json:"state"`
	RequestID    string          `json:"requestId"`
	Options      json.RawMessage `json:"options"`
	Requirements *struct {
		Signature []struct {
			Person options.Person `json:"person"`
			Files  []struct {
				ID, Type, ContentLink string
			} `json:"files"`
		} `json:"signature"`
		Payment []struct {
			UIN  string `json:"uin"`
			Summ string `json:"summ"`
		} `json:"payment"`
	} `json:"requirements"`
	Result *struct {
		Files []struct {
			ID          string `json:"id"`
			Type        string `json:"type"`
			ContentLink string `json:"contentLink"`
			Signatures  []struct {
				ID          string `json:"id"`
				ContentLink string `json:"contentLink"`
			} `json:"signatures"`
		} `json:"files"`
	} `json:"result"`
	Error *options.Problem `json:"error"`
}

// create creates a docflow of typ and requires status.
func (c *testClient) create(typ, requestID string, opts any, status int) wireDocflow {
	c.t.Helper()
	a := c.call(http.MethodPost, "/docflows/"+typ, map[string]any{"requestId": requestID, "options": opts})
	require.Equal(c.t, status, a.status, "%s", a.body)
	return decode[wireDocflow](c.t, a.body)
}

// get reads a docflow.
func (c *testClient) get(id string) wireDocflow {
	c.t.Helper()
	a := c.call(http.MethodGet, "/docflows/"+id, nil)
	require.Equal(c.t, http.StatusOK, a.status, "%s", a.body)
	return decode[wireDocflow](c.t, a.body)
}

// download reads a URL that the server handed out.
func (c *testClient) download(link string) answer {
	c.t.Helper()
	require.True(c.t, strings.HasPrefix(link, c.srv.URL+"/"), "link %s is under the server's URL", link)
	return c.call(http.MethodGet, strings.TrimPrefix(link, c.srv.URL), nil)
}

// decode decodes JSON into a new T.
func decode[T any](t *testing.T, b []byte) T {
	t.Helper()
	var v T
	require.NoError(t, json.Unmarshal(b, &v), "%s", b)
	return v
}

// requireError checks that a is an Error answer of status and returns
// the Error.
func requireError(t *testing.T, a answer, status int) options.Problem {
	t.Helper()
	require.Equal(t, status, a.status, "%s", a.body)
	assert.Equal(t, "application/json", a.header.Get("Content-Type"))
	p := decode[options.Problem](t, a.body)
	assert.NotEmpty(t, p.Code)
	assert.NotEmpty(t, p.Message)
	return p
}

func TestLoginOpensASessionThatOtherCallsAccept(t *testing.T) {
	srv, c := start(t)

	a := c.call(http.MethodPost, "/auth", map[string]string{
		"login": DefaultLogin, "password": DefaultPassword, "accountId": DefaultAccountID,
	})

	require.Equal(t, http.StatusOK, a.status)
	resp := decode[map[string]string](t, a.body)
	assert.Regexp(t, `^[0-9a-f-]{36}$`, resp["userId"])
	assert.Regexp(t, `^[0-9a-f]{32}$`, resp["sessionId"])
	assert.NotEqual(t, c.session, resp["sessionId"], "each login opens a new session")

	c.session = resp["sessionId"]
	assert.Equal(t, http.StatusOK, c.call(http.MethodGet, "/news", nil).status)
	assert.Equal(t, 2+1, srv.Requests())
}

func TestLoginWithWrongCredentialsIs400(t *testing.T) {
	srv := NewServer()
	defer srv.Close()
	c := newClient(t, srv)

	for name, body := range map[string]map[string]string{
		"password": {"login": DefaultLogin, "password": "nope", "accountId": DefaultAccountID},
		"login":    {"login": "nobody@example.com", "password": DefaultPassword, "accountId": DefaultAccountID},
		"account":  {"login": DefaultLogin, "password": DefaultPassword, "accountId": "00000000-0000-4000-8000-000000000000"},
	} {
		t.Run(name, func(t *testing.T) {
			requireError(t, c.call(http.MethodPost, "/auth", body), http.StatusBadRequest)
		})
	}
	requireError(t, c.callRaw(http.MethodPost, "/auth", "application/json", []byte("{")), http.StatusBadRequest)
}

func TestCallsWithoutAValidSessionAre401(t *testing.T) {
	srv, c := start(t)
	for name, header := range map[string]string{
		"missing":      "",
		"unknown":      "auth.sid 0123456789abcdef0123456789abcdef",
		"other scheme": "Bearer " + c.session,
	} {
		t.Run(name, func(t *testing.T) {
			req, err := http.NewRequest(http.MethodGet, srv.URL+"/news", nil)
			require.NoError(t, err)
			if header != "" {
				req.Header.Set("Authorization", header)
			}
			requireError(t, c.send(req), http.StatusUnauthorized)
		})
	}
}

func TestExpireSessionsEndsEverySession(t *testing.T) {
	srv, c := start(t)
	other := newClient(t, srv)
	other.session = srv.Session()
	require.Equal(t, http.StatusOK, other.call(http.MethodGet, "/news", nil).status, "Session gives a ready session")

	srv.ExpireSessions()

	requireError(t, c.call(http.MethodGet, "/news", nil), http.StatusUnauthorized)
	requireError(t, other.call(http.MethodGet, "/news", nil), http.StatusUnauthorized)
	c.session = c.login(DefaultLogin, DefaultPassword, DefaultAccountID)
	assert.Equal(t, http.StatusOK, c.call(http.MethodGet, "/news", nil).status, "a new login works")
}

func TestAccountsAreKeptApart(t *testing.T) {
	const otherAccount = "3b9d2f61-7c4e-4a08-b5d1-c2e7f9a04b6e"
	srv, c := start(t, WithAccount("second@example.com", "pw2", otherAccount))
	d := c.create("object_request", "r1", objectRequest(), http.StatusOK)
	upload := decode[map[string]string](t, c.callRaw(http.MethodPost, "/contents", "application/pdf", []byte("%PDF-1.4")).body)

	other := newClient(t, srv)
	other.session = other.login("second@example.com", "pw2", otherAccount)

	requireError(t, other.call(http.MethodGet, "/docflows/"+d.DocflowID, nil), http.StatusNotFound)
	requireError(t, other.call(http.MethodPost, "/docflows/"+d.DocflowID, nil), http.StatusNotFound)
	requireError(t, other.call(http.MethodGet, "/contents/"+upload["id"], nil), http.StatusNotFound)
	page := decode[newsPage](t, other.call(http.MethodGet, "/news?after=rtn-0", nil).body)
	assert.Empty(t, page.Items, "news is per account")
}

func TestAPIKeyIsRequiredWhenSet(t *testing.T) {
	srv := NewServer(WithAPIKey("k-123"))
	defer srv.Close()
	c := newClient(t, srv)

	requireError(t, c.call(http.MethodPost, "/auth", map[string]string{
		"login": DefaultLogin, "password": DefaultPassword, "accountId": DefaultAccountID,
	}), http.StatusForbidden)

	req := c.request(context.Background(), http.MethodPost, "/auth", strings.NewReader(fmt.Sprintf(
		`{"login":%q,"password":%q,"accountId":%q}`, DefaultLogin, DefaultPassword, DefaultAccountID)))
	req.Header.Set("X-Kontur-Apikey", "k-123")
	assert.Equal(t, http.StatusOK, c.send(req).status)
}

func TestUnknownEndpointsAnswerErrors(t *testing.T) {
	_, c := start(t)

	requireError(t, c.call(http.MethodGet, "/nothing/here", nil), http.StatusNotFound)
	a := c.call(http.MethodDelete, "/news", nil)
	requireError(t, a, http.StatusMethodNotAllowed)
	assert.Equal(t, "GET", a.header.Get("Allow"))
	requireError(t, c.call(http.MethodGet, "/docflows/", nil), http.StatusNotFound)
}

func TestEscapedSegmentsStayOneSegment(t *testing.T) {
	_, c := start(t)

	// "../auth" escaped as one segment must not reach POST /auth.
	p := requireError(t, c.call(http.MethodPost, "/docflows/..%2Fauth", nil), http.StatusNotFound)
	assert.Contains(t, p.Message, `"../auth"`)
	p = requireError(t, c.call(http.MethodGet, "/docflows/a%2Fb", nil), http.StatusNotFound)
	assert.Contains(t, p.Message, `"a/b"`)

	// Unescaped dot segments are not cleaned and redirected elsewhere.
	requireError(t, c.call(http.MethodGet, "/docflows/x/../../news", nil), http.StatusNotFound)
}

func TestCloseEndsGoroutinesAndRemovesContents(t *testing.T) {
	srv, c := start(t)
	a := c.callRaw(http.MethodPost, "/contents", "application/xml", []byte("<a/>"))
	require.Equal(t, http.StatusCreated, a.status)
	dir := srv.dir
	require.DirExists(t, dir)

	// A request stuck in a long delay must not hold Close up.
	srv.FailNext(1, Fault{Delay: time.Hour})
	go func() {
		resp, err := c.http.Do(c.request(context.Background(), http.MethodGet, "/news", nil))
		if err == nil {
			resp.Body.Close()
		}
	}()
	require.Eventually(t, func() bool { return srv.Requests() == 3 }, 5*time.Second, time.Millisecond)

	closed := make(chan struct{})
	go func() { srv.Close(); close(closed) }()
	select {
	case <-closed:
	case <-time.After(10 * time.Second):
		t.Fatal("Close waits for a delayed request")
	}
	srv.Close() // a second Close is harmless

	assert.NoDirExists(t, dir)
	c.http.CloseIdleConnections()
	assert.Eventually(t, func() bool { return !serverGoroutinesRunning() }, 5*time.Second, 10*time.Millisecond,
		"goroutines of the closed server still run")
}

// serverGoroutinesRunning reports whether a goroutine of an HTTP server
// or of this package (other than the test's own) is running.
func serverGoroutinesRunning() bool {
	buf := make([]byte, 1<<20)
	stacks := string(buf[:runtime.Stack(buf, true)])
	for _, g := range strings.Split(stacks, "\n\n") {
		if strings.Contains(g, "net/http.(*conn).serve") || strings.Contains(g, "realtytest.(*Server)") {
			return true
		}
	}
	return false
}

func TestConcurrentClients(t *testing.T) {
	srv, _ := start(t, WithNewsPageSize(7))
	const clients = 32

	var wg sync.WaitGroup
	for i := range clients {
		wg.Go(func() {
			c := newClient(t, srv)
			c.session = c.login(DefaultLogin, DefaultPassword, DefaultAccountID)
			requestID := fmt.Sprintf("req-%d", i)

			d := c.create("object_request", requestID, objectRequest(), http.StatusOK)
			for range 2 {
				_, err := srv.Advance(d.DocflowID)
				assert.NoError(t, err)
			}
			got := c.get(d.DocflowID)
			assert.Equal(t, "completed", got.State)
			assert.Equal(t, http.StatusOK, c.download(got.Result.Files[0].ContentLink).status)

			up := c.callRaw(http.MethodPost, "/contents", "application/pdf", []byte("%PDF-1.4 "+requestID))
			assert.Equal(t, http.StatusCreated, up.status)
			assert.Equal(t, http.StatusOK, c.call(http.MethodGet, "/news?after=rtn-0", nil).status)
			assert.Equal(t, http.StatusOK, c.call(http.MethodPost, "/location/cadastre/suggest",
				map[string]any{"region": map[string]string{"name": "Ярославская"}}).status)
			assert.Equal(t, 1, srv.CreatedCount(requestID))
		})
	}
	wg.Wait()

	assert.Len(t, srv.Docflows(), clients)
	items := readAllNews(t, newClientWithSession(t, srv), "rtn-0")
	assert.Len(t, items, clients*3, "every state change of every docflow, once")
}

// newClientWithSession returns a client holding a fresh session of the
// built-in account.
func newClientWithSession(t *testing.T, srv *Server) *testClient {
	c := newClient(t, srv)
	c.session = srv.Session()
	return c
}

func TestTempDirIsPrivateToTheServer(t *testing.T) {
	a, b := NewServer(), NewServer()
	defer a.Close()
	defer b.Close()
	assert.NotEqual(t, a.dir, b.dir)
	info, err := os.Stat(a.dir)
	require.NoError(t, err)
	assert.True(t, info.IsDir())
}

func TestURLIsTheListenerWithThePrefix(t *testing.T) {
	srv := NewServer(WithAddr("127.0.0.1:0"))
	defer srv.Close()
	assert.Equal(t, srv.http.URL+"/realty/v1", srv.URL)
	assert.Regexp(t, `^http://127\.0\.0\.1:\d+/realty/v1$`, srv.URL)
}

func TestStartReportsAnAddressInUse(t *testing.T) {
	first, err := Start(WithAddr("127.0.0.1:0"))
	require.NoError(t, err)
	defer first.Close()
	addr := strings.TrimPrefix(strings.TrimSuffix(first.URL, basePath), "http://")

	second, err := Start(WithAddr(addr))
	require.Error(t, err)
	assert.Nil(t, second)
	assert.Contains(t, err.Error(), "cannot listen on "+addr)
	assert.Panics(t, func() { NewServer(WithAddr(addr)) })
}
