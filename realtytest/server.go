package realtytest

import (
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"sync/atomic"
)

// basePath is the prefix of every endpoint, as on the real service.
const basePath = "/realty/v1"

// defaultNewsPageSize is the number of news items a page holds unless
// WithNewsPageSize says otherwise.
const defaultNewsPageSize = 100

// Server is a fake Reestro service listening on a loopback port. Create it
// with NewServer, point a client at URL, and Close it when done.
type Server struct {
	// URL is the base URL of the fake service, "/realty/v1" prefix
	// included, such as "http://127.0.0.1:41234/realty/v1". Every endpoint
	// of the API is served under it.
	URL string

	cfg       config
	http      *httptest.Server
	mux       *http.ServeMux
	dir       string        // holds uploaded contents
	done      chan struct{} // closed by Close, to cut delays short
	closeOnce sync.Once
	requests  atomic.Int64

	mu       sync.Mutex
	creds    []credential
	accounts map[string]*account // by account id
	sessions map[string]session  // by session id
	docflows map[string]*docflow // by docflow id
	order    []*docflow          // in creation order
	contents map[string]*content // by content id
	faults   faultState
}

// config is what the options set; it does not change once the server
// runs.
type config struct {
	creds        []credential
	apiKey       string
	payment      *payment
	autoAdvance  bool
	wrapped      bool
	newsPageSize int
	addr         string
}

// Option changes how a Server created by NewServer behaves.
type Option func(*config)

// WithAccount adds an account that can log in with login and password;
// accountID is the account's GUID, sent in the login request. Docflows,
// news and contents are kept apart per account.
func WithAccount(login, password, accountID string) Option {
	return func(c *config) {
		c.creds = append(c.creds, credential{login: login, password: password, accountID: accountID})
	}
}

// WithAPIKey makes the server answer 403 to every request, login
// included, whose X-Kontur-Apikey header is not key.
func WithAPIKey(key string) Option {
	return func(c *config) { c.apiKey = key }
}

// WithPayment makes every registration docflow ask for a state fee once
// it has been sent: Advance moves it from "sent" to "suspended" with a
// payment requirement of uin and sum, and the next Advance treats the fee
// as paid.
func WithPayment(uin, sum string) Option {
	return func(c *config) { c.payment = &payment{UIN: uin, Sum: sum} }
}

// WithAutoAdvance makes every GET of a docflow that is neither final nor
// suspended (waiting for the client) advance it one step after the
// answer is written, so that a polling client sees "queued", then "sent",
// then "completed" without the test calling Advance.
func WithAutoAdvance() Option {
	return func(c *config) { c.autoAdvance = true }
}

// WithWrappedDocflows makes the server answer docflows (from create, get
// and send) wrapped as {"docflow": {...}}, a form the API reference also
// describes, instead of bare.
func WithWrappedDocflows() Option {
	return func(c *config) { c.wrapped = true }
}

// WithNewsPageSize sets how many items a news page holds at most; n <= 0
// keeps the default of 100.
func WithNewsPageSize(n int) Option {
	return func(c *config) { c.newsPageSize = n }
}

// WithAddr makes the server listen on addr ("host:port"; port 0 picks a
// free one) instead of a random loopback port, for a fake that other
// programs must find, such as the realty command's. Start returns an
// error when it cannot listen there; NewServer panics.
func WithAddr(addr string) Option {
	return func(c *config) { c.addr = addr }
}

// NewServer starts a fake service on a loopback port with the built-in
// account (DefaultLogin, DefaultPassword, DefaultAccountID) and those
// that the options add. It panics if it cannot listen or create its
// temporary directory, as httptest.NewServer does; Start returns those
// failures as errors instead.
func NewServer(opts ...Option) *Server {
	s, err := Start(opts...)
	if err != nil {
		panic(err.Error())
	}
	return s
}

// Start is NewServer for programs rather than tests: it returns an error
// when the server cannot listen or create its temporary directory.
func Start(opts ...Option) (*Server, error) {
	cfg := config{newsPageSize: defaultNewsPageSize}
	for _, opt := range opts {
		opt(&cfg)
	}
	if cfg.newsPageSize <= 0 {
		cfg.newsPageSize = defaultNewsPageSize
	}

	dir, err := os.MkdirTemp("", "realtytest-")
	if err != nil {
		return nil, fmt.Errorf("realtytest: cannot create a temporary directory: %w", err)
	}

	s := &Server{
		cfg:      cfg,
		dir:      dir,
		done:     make(chan struct{}),
		accounts: make(map[string]*account),
		sessions: make(map[string]session),
		docflows: make(map[string]*docflow),
		contents: make(map[string]*content),
	}
	s.addCredential(credential{login: DefaultLogin, password: DefaultPassword, accountID: DefaultAccountID})
	for _, c := range cfg.creds {
		s.addCredential(c)
	}
	s.routes()

	s.http = httptest.NewUnstartedServer(http.HandlerFunc(s.serve))
	// Dropped connections and clients that hang up make the standard
	// server log; that noise says nothing about the code under test.
	s.http.Config.ErrorLog = log.New(io.Discard, "", 0)
	if cfg.addr != "" {
		ln, err := net.Listen("tcp", cfg.addr)
		if err != nil {
			_ = os.RemoveAll(dir)
			return nil, fmt.Errorf("realtytest: cannot listen on %s: %w", cfg.addr, err)
		}
		s.http.Listener.Close()
		s.http.Listener = ln
	}
	// URL is set before the first request can arrive, since the
	// handlers build links from it.
	s.URL = "http://" + s.http.Listener.Addr().String() + basePath
	s.http.Start()
	return s, nil
}

// Close stops the server: it cuts injected delays short, closes every
// connection, waits for the handlers that still run, and removes the
// uploaded contents. Close may be called more than once.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		close(s.done)
		s.http.CloseClientConnections()
		s.http.Close()
		_ = os.RemoveAll(s.dir)
	})
}

// Requests returns how many requests the server has received, logins and
// requests that a fault answered included.
func (s *Server) Requests() int { return int(s.requests.Load()) }

// routes registers every endpoint of the API.
func (s *Server) routes() {
	s.mux = http.NewServeMux()
	s.mux.HandleFunc("POST "+basePath+"/auth", s.handleAuth)
	s.mux.HandleFunc("POST "+basePath+"/docflows/{x}", s.authed(s.handleDocflowPost))
	s.mux.HandleFunc("GET "+basePath+"/docflows/{docflowId}", s.authed(s.handleGetDocflow))
	s.mux.HandleFunc("GET "+basePath+"/docflows/{docflowId}/files/{fileId}", s.authed(s.handleGetFile))
	s.mux.HandleFunc("POST "+basePath+"/docflows/{docflowId}/files/{fileId}/signatures",
		s.authed(s.handleUploadSignature))
	s.mux.HandleFunc("POST "+basePath+"/docflows/{docflowId}/files/{fileId}/signatures/{signatureId}",
		s.authed(s.handleLinkSignature))
	s.mux.HandleFunc("GET "+basePath+"/news", s.authed(s.handleNews))
	s.mux.HandleFunc("POST "+basePath+"/contents", s.authed(s.handleUploadContent))
	s.mux.HandleFunc("GET "+basePath+"/contents/{contentId}", s.authed(s.handleGetContent))
	s.mux.HandleFunc("POST "+basePath+"/location/cadastre/suggest", s.authed(s.handleSuggest))
	s.mux.HandleFunc("/", s.handleUnknown)
}

// serve is the entry of every request: it counts it, applies a fault,
// checks the API key and the path, and routes it.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	s.requests.Add(1)
	if s.applyFault(w, r) {
		return
	}
	s.handle(w, r)
}

// handle checks the API key and the path, and routes the request.
func (s *Server) handle(w http.ResponseWriter, r *http.Request) {
	if s.cfg.apiKey != "" && r.Header.Get("X-Kontur-Apikey") != s.cfg.apiKey {
		writeError(w, http.StatusForbidden, codeForbidden, "X-Kontur-Apikey",
			"the API key is missing or wrong")
		return
	}
	// The standard mux redirects a path with "." or ".." segments to
	// its cleaned form, which could make a badly escaped id reach another
	// resource; the real service must not be assumed to do that, so such
	// a path is simply not found.
	if !canonicalPath(r.URL.EscapedPath()) {
		writeError(w, http.StatusNotFound, codeNotFound, "path",
			"no such resource: %s", r.URL.EscapedPath())
		return
	}
	s.mux.ServeHTTP(w, r)
}

// canonicalPath reports whether an escaped path has no empty, "." or
// ".." segment.
func canonicalPath(p string) bool {
	if !strings.HasPrefix(p, "/") {
		return false
	}
	for _, seg := range strings.Split(p[1:], "/") {
		if seg == "" || seg == "." || seg == ".." {
			return false
		}
	}
	return true
}

// handleUnknown answers a request that matches no endpoint: 405 when the
// path exists for another method, else 404.
func (s *Server) handleUnknown(w http.ResponseWriter, r *http.Request) {
	var allowed []string
	for _, method := range []string{http.MethodGet, http.MethodPost} {
		if method == r.Method {
			continue
		}
		other := r.Clone(r.Context())
		other.Method = method
		if _, pattern := s.mux.Handler(other); pattern != "/" && pattern != "" {
			allowed = append(allowed, method)
		}
	}
	if len(allowed) > 0 {
		w.Header().Set("Allow", strings.Join(allowed, ", "))
		writeError(w, http.StatusMethodNotAllowed, codeMethodNotAllowed, "method",
			"%s is not allowed on %s", r.Method, r.URL.EscapedPath())
		return
	}
	writeError(w, http.StatusNotFound, codeNotFound, "path", "no such resource: %s", r.URL.EscapedPath())
}

// link returns the absolute URL of an endpoint under URL, escaping each
// segment on its own.
func (s *Server) link(segments ...string) string {
	var b strings.Builder
	b.WriteString(s.URL)
	for _, seg := range segments {
		b.WriteByte('/')
		b.WriteString(pathEscape(seg))
	}
	return b.String()
}
