package realtytest

import (
	"fmt"
	"net"
	"net/http"
	"time"
)

// Fault describes a failure to inject into the handling of one request;
// the zero Fault injects nothing. Fields combine in this order: Delay,
// then DropBeforeRead, ExpireSession, Status, and DropAfterHandle.
type Fault struct {
	// Status, when not 0, answers this status with an Error body
	// without handling the request (nothing is created or changed).
	Status int
	// RetryAfter, with Status, adds a Retry-After header of that many
	// whole seconds, rounded up.
	RetryAfter time.Duration
	// Delay waits this long before handling the request. The wait ends
	// early, without an answer, when the request's context ends (the
	// client gave up), and with a 503 when the server closes.
	Delay time.Duration
	// DropBeforeRead closes the connection without reading the request
	// body or handling the request: the client sees its connection cut.
	DropBeforeRead bool
	// DropAfterHandle handles the request in full (a create does create
	// the docflow) and then closes the connection without writing an
	// answer, so that the client cannot know the outcome.
	DropAfterHandle bool
	// ExpireSession ends the session the request carries and answers
	// 401, as the service does when a session has expired; a new login
	// works as usual.
	ExpireSession bool
}

// faultState holds the faults to inject.
type faultState struct {
	left int   // requests that next still applies to
	next Fault // for FailNext
	fn   func(r *http.Request) Fault
}

// FailNext applies f to each of the next n requests other than POST
// /auth, replacing what an earlier FailNext left; n <= 0 clears it. It
// is safe to call while requests run.
func (s *Server) FailNext(n int, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults.left = max(n, 0)
	s.faults.next = f
}

// SetFaultFunc makes fn decide the fault of every request, POST /auth
// included, that FailNext does not claim; nil stops it. fn runs before
// the request's body is read, must not read it, and may run
// concurrently.
func (s *Server) SetFaultFunc(fn func(r *http.Request) Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults.fn = fn
}

// faultFor returns the fault to apply to r.
func (s *Server) faultFor(r *http.Request) Fault {
	s.mu.Lock()
	if s.faults.left > 0 && !(r.Method == http.MethodPost && r.URL.Path == basePath+"/auth") {
		s.faults.left--
		f := s.faults.next
		s.mu.Unlock()
		return f
	}
	fn := s.faults.fn
	s.mu.Unlock()
	if fn == nil {
		return Fault{}
	}
	return fn(r)
}

// applyFault applies the fault chosen for r. It returns true when the
// fault has dealt with the request, so that it must not be handled
// again.
func (s *Server) applyFault(w http.ResponseWriter, r *http.Request) bool {
	f := s.faultFor(r)
	if f == (Fault{}) {
		return false
	}

	if f.Delay > 0 {
		timer := time.NewTimer(f.Delay)
		defer timer.Stop()
		select {
		case <-timer.C:
		case <-r.Context().Done():
			return true
		case <-s.done:
			writeError(w, http.StatusServiceUnavailable, codeUnavailable, "", "the server is closing")
			return true
		}
	}
	if f.DropBeforeRead {
		drop(w)
		return true
	}
	if f.ExpireSession {
		s.expireSessionOf(r)
		writeError(w, http.StatusUnauthorized, codeUnauthorized, "Authorization", "the session has expired")
		return true
	}
	if f.Status != 0 {
		if f.RetryAfter > 0 {
			seconds := (f.RetryAfter + time.Second - 1) / time.Second
			w.Header().Set("Retry-After", fmt.Sprint(int64(seconds)))
		}
		writeError(w, f.Status, codeInjected, "", "injected fault: %d %s", f.Status, http.StatusText(f.Status))
		return true
	}
	if f.DropAfterHandle {
		s.handle(&discardWriter{header: make(http.Header)}, r)
		drop(w)
		return true
	}
	return false
}

// drop closes the connection of w without an answer.
func drop(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		// Not reachable with the HTTP/1.1 server the fake runs; abort
		// the answer instead.
		panic(http.ErrAbortHandler)
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	closeHard(conn)
}

// closeHard closes conn at once, with a reset where the platform allows,
// so that the client sees the connection fail rather than a clean end.
func closeHard(conn net.Conn) {
	if tcp, ok := conn.(*net.TCPConn); ok {
		_ = tcp.SetLinger(0)
	}
	_ = conn.Close()
}

// discardWriter is a ResponseWriter that throws the answer away, for a
// request that is handled but never answered.
type discardWriter struct {
	header http.Header
}

// Header returns the headers, which are never sent.
func (d *discardWriter) Header() http.Header { return d.header }

// Write drops b.
func (d *discardWriter) Write(b []byte) (int, error) { return len(b), nil }

// WriteHeader drops the status.
func (d *discardWriter) WriteHeader(int) {}
