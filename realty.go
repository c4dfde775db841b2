// Package realty is a client for the Kontur.Reestro HTTP API, which files
// real-estate requests with Rosreestr, the Russian state property
// register: EGRN extracts, sales, mortgages, equity agreements, extra
// documents. Each request is a docflow: it is created, may wait for
// signatures or a state fee, is sent, and ends with result files or an
// error.
//
// Create a client, then a docflow with the options of its type:
//
//	client, err := realty.NewClient(
//		realty.WithCredentials(login, password, accountID),
//	)
//	if err != nil { ... }
//	docflow, err := client.Docflows.Create(ctx, realty.ObjectRequest, "order-42",
//		options.ObjectRequest{Type: options.ExtractInfo, CadastralNumber: "47:14:1203001:814"})
//
// The client logs in on the first call and again, once, when the session
// expires. Reads are retried on network errors, 429 and 5xx answers; a
// submission (creating or sending a docflow) is retried only when the
// service provably did not process it, so that a retry never files a
// request twice. Every error answer is an [*APIError]; see [ErrNotFound]
// and the other sentinels for errors.Is.
//
// The realtytest package runs an in-process fake of the service for
// tests and for trying the SDK without an account.
package realty

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

// Base URLs of the service.
const (
	// ProductionURL is the production service, the default.
	ProductionURL = "https://api.kontur.ru/realty/v1"
	// TestURL is the service's test environment.
	TestURL = "https://api.testkontur.ru/realty/v1"
)

// Version is the SDK's version, sent in the default User-Agent.
const Version = "0.1.0"

const (
	defaultUserAgent        = "realty-go/" + Version
	defaultMaxAttempts      = 4
	defaultMinBackoff       = 500 * time.Millisecond
	defaultMaxBackoff       = 30 * time.Second
	defaultMaxResponseBytes = 32 << 20
)

// Client talks to the Reestro API. Its services group the calls by the
// resource they act on. A Client is safe for concurrent use; create one
// and share it.
type Client struct {
	// Docflows creates, reads, sends and waits for docflows.
	Docflows *DocflowsService
	// News reads the feed of docflow changes.
	News *NewsService
	// Files downloads statements and result files.
	Files *FilesService
	// Signatures adds signatures to a docflow's files.
	Signatures *SignaturesService
	// Contents uploads documents and signatures.
	Contents *ContentsService
	// Cadastre looks up cadastral numbers by address.
	Cadastre *CadastreService

	baseURL   *url.URL
	base      string // baseURL as a string, the prefix of every request
	userAgent string
	apiKey    secret
	logger    *slog.Logger
	http      *http.Client // the caller's or a pooled one, wrapped by transport
	retry     *retryablehttp.Client
	auth      *authenticator

	requestHook  func(*http.Request, int)
	responseHook func(*http.Response)
	validate     bool
	maxBody      int64
	maxAttempts  int
	minBackoff   time.Duration
	maxBackoff   time.Duration
}

// service is the common state of the client's services.
type service struct{ client *Client }

// Option configures a Client in NewClient.
type Option func(*Client) error

// NewClient returns a Client for the production service, changed by
// opts. Without WithCredentials or WithSession every call fails with
// ErrUnauthorized.
func NewClient(opts ...Option) (*Client, error) {
	base, _ := url.Parse(ProductionURL)
	c := &Client{
		baseURL:     base,
		userAgent:   defaultUserAgent,
		logger:      slog.New(slog.DiscardHandler),
		validate:    true,
		maxBody:     defaultMaxResponseBytes,
		maxAttempts: defaultMaxAttempts,
		minBackoff:  defaultMinBackoff,
		maxBackoff:  defaultMaxBackoff,
	}
	c.auth = &authenticator{client: c}
	for _, opt := range opts {
		if err := opt(c); err != nil {
			return nil, err
		}
	}
	c.base = c.baseURL.String()
	c.setupTransport()
	c.Docflows = &DocflowsService{client: c}
	c.News = &NewsService{client: c}
	c.Files = &FilesService{client: c}
	c.Signatures = &SignaturesService{client: c}
	c.Contents = &ContentsService{client: c}
	c.Cadastre = &CadastreService{client: c}
	return c, nil
}

// WithBaseURL points the client at another base URL, such as TestURL or
// a realtytest server's URL. Paths of calls are appended to it.
func WithBaseURL(rawURL string) Option {
	return func(c *Client) error {
		u, err := url.Parse(rawURL)
		if err != nil {
			return fmt.Errorf("realty: invalid base URL: %w", err)
		}
		if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
			return fmt.Errorf("realty: invalid base URL %q: want http(s)://host/path", rawURL)
		}
		u.Path = strings.TrimSuffix(u.Path, "/")
		u.RawPath = ""
		u.RawQuery, u.Fragment = "", ""
		c.baseURL = u
		return nil
	}
}

// WithHTTPClient makes the client send its requests through hc, for
// proxies, TLS settings or timeouts of your own. The client wraps hc's
// transport and never changes hc itself.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *Client) error {
		if hc == nil {
			return errors.New("realty: WithHTTPClient: nil *http.Client")
		}
		c.http = hc
		return nil
	}
}

// WithCredentials makes the client log in with a user's login (an
// e-mail), password and account id (a GUID) on its first call, and log
// in again once when the session expires. The password is kept out of
// every log, error and printed value.
func WithCredentials(login, password, accountID string) Option {
	return func(c *Client) error {
		if login == "" || password == "" || accountID == "" {
			return errors.New("realty: WithCredentials: login, password and account id must all be set")
		}
		c.auth.creds = &credentials{login: login, password: secret(password), accountID: accountID}
		return nil
	}
}

// WithSession makes the client use a session id obtained elsewhere. The
// client never logs in then: when the session expires, calls fail with
// ErrUnauthorized.
func WithSession(sessionID string) Option {
	return func(c *Client) error {
		if sessionID == "" {
			return errors.New("realty: WithSession: empty session id")
		}
		c.auth.fixed = true
		c.auth.session = secret(sessionID)
		return nil
	}
}

// WithAPIKey sends key in the X-Kontur-Apikey header of every request to
// the service, as Kontur's APIs expect of registered integrations.
func WithAPIKey(key string) Option {
	return func(c *Client) error {
		c.apiKey = secret(key)
		return nil
	}
}

// WithUserAgent replaces the User-Agent header, "realty-go/VERSION" by
// default.
func WithUserAgent(ua string) Option {
	return func(c *Client) error {
		c.userAgent = ua
		return nil
	}
}

// WithLogger makes the client log each request at debug level (method,
// path, status, attempt, duration) and each retry at warn level with its
// reason. Headers, bodies and secrets are never logged.
func WithLogger(l *slog.Logger) Option {
	return func(c *Client) error {
		if l == nil {
			l = slog.New(slog.DiscardHandler)
		}
		c.logger = l
		return nil
	}
}

// WithRequestHook calls hook before each attempt of each request, with
// the attempt's number (1 for the first). The request it sees carries
// no Authorization or API key header: the client adds those to a copy
// at the last moment. The hook must not change or keep the request.
func WithRequestHook(hook func(req *http.Request, attempt int)) Option {
	return func(c *Client) error {
		c.requestHook = hook
		return nil
	}
}

// WithResponseHook calls hook with each answer as it arrives, before
// the client reads it; its Request is the one WithRequestHook saw,
// without secrets. The hook must not read or close the body.
func WithResponseHook(hook func(resp *http.Response)) Option {
	return func(c *Client) error {
		c.responseHook = hook
		return nil
	}
}

// WithRetry sets how many times a call is attempted in all (1 turns
// retries off) and the bounds of the jittered exponential backoff
// between attempts. A Retry-After answer header is honoured up to
// maxBackoff. The defaults are 4 attempts, 500ms and 30s.
func WithRetry(attempts int, minBackoff, maxBackoff time.Duration) Option {
	return func(c *Client) error {
		if attempts < 1 || minBackoff < 0 || maxBackoff < minBackoff {
			return errors.New("realty: WithRetry: want attempts >= 1 and 0 <= minBackoff <= maxBackoff")
		}
		c.maxAttempts, c.minBackoff, c.maxBackoff = attempts, minBackoff, maxBackoff
		return nil
	}
}

// WithMaxResponseSize limits how many bytes of a JSON answer the client
// reads, 32 MiB by default; a larger answer fails with
// ErrResponseTooLarge. Downloads of files and contents are streamed to
// the caller and not limited.
func WithMaxResponseSize(n int64) Option {
	return func(c *Client) error {
		if n <= 0 {
			return errors.New("realty: WithMaxResponseSize: want a positive size")
		}
		c.maxBody = n
		return nil
	}
}

// WithoutValidation stops Docflows.Create from validating options before
// sending them, for callers who must send what this SDK does not know
// yet. The service still validates them.
func WithoutValidation() Option {
	return func(c *Client) error {
		c.validate = false
		return nil
	}
}

// String describes the client by its base URL and how it
// authenticates, without any secret.
func (c Client) String() string {
	auth := "no credentials"
	switch {
	case c.auth.fixed:
		auth = "fixed session"
	case c.auth.creds != nil:
		auth = "login " + c.auth.creds.login
	}
	return fmt.Sprintf("realty.Client{%s, %s}", c.baseURL, auth)
}

// Format prints the client as String does, for every verb, so that no
// printed form of a Client shows its password, session or API key.
func (c Client) Format(f fmt.State, verb rune) { _, _ = io.WriteString(f, c.String()) }

// endpoint returns the URL of a path below the base URL. Each segment
// that carries a caller's value must come through segment.
func (c *Client) endpoint(path string) string {
	return c.base + path
}

// segment escapes a caller's value as one path segment, so that an id
// such as "../auth" or "a/b" cannot name another resource.
func segment(s string) string {
	if s == "." || s == ".." {
		return strings.ReplaceAll(s, ".", "%2E")
	}
	return url.PathEscape(s)
}
