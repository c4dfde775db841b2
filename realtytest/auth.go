package realtytest

import (
	"net/http"
	"strings"
)

// The built-in account that every Server accepts.
const (
	// DefaultLogin is the login of the built-in account.
	DefaultLogin = "tester@realtytest.example"
	// DefaultPassword is the password of the built-in account.
	DefaultPassword = "realtytest-password"
	// DefaultAccountID is the account id (a GUID) of the built-in
	// account.
	DefaultAccountID = "0c7e5a92-3d41-4b8f-a6e2-915f07d3c8b4"
)

// authScheme is the scheme of the Authorization header that carries a
// session.
const authScheme = "auth.sid"

// credential is one login that the server accepts.
type credential struct {
	login, password, accountID string
	userID                     string
}

// session is what a session id stands for.
type session struct {
	accountID string
	userID    string
}

// account holds what the server keeps per account.
type account struct {
	id   string
	news []newsItem
}

// addCredential registers a login, replacing one with the same login
// and account, and creates its account. A login keeps one user id across
// accounts.
func (s *Server) addCredential(c credential) {
	for _, known := range s.creds {
		if known.login == c.login {
			c.userID = known.userID
		}
	}
	if c.userID == "" {
		c.userID = newGUID()
	}
	for i, known := range s.creds {
		if known.login == c.login && known.accountID == c.accountID {
			s.creds[i] = c
			return
		}
	}
	s.creds = append(s.creds, c)
	if s.accounts[c.accountID] == nil {
		s.accounts[c.accountID] = &account{id: c.accountID}
	}
}

// authRequest is the body of POST /auth.
type authRequest struct {
	Login     string `json:"login"`
	Password  string `json:"password"`
	AccountID string `json:"accountId"`
}

// authResponse is the answer to a successful POST /auth.
type authResponse struct {
	UserID    string `json:"userId"`
	SessionID string `json:"sessionId"`
}

// handleAuth serves POST /auth: it opens a session for right
// credentials and answers 400 otherwise.
func (s *Server) handleAuth(w http.ResponseWriter, r *http.Request) {
	var req authRequest
	if !readJSON(w, r, &req) {
		return
	}

	s.mu.Lock()
	var found *credential
	for i, c := range s.creds {
		if c.login == req.Login && c.password == req.Password && strings.EqualFold(c.accountID, req.AccountID) {
			found = &s.creds[i]
			break
		}
	}
	var resp authResponse
	if found != nil {
		resp = authResponse{UserID: found.userID, SessionID: s.newSessionLocked(*found)}
	}
	s.mu.Unlock()

	if found == nil {
		writeError(w, http.StatusBadRequest, codeInvalidCredentials, "auth",
			"wrong login, password or account id")
		return
	}
	writeJSON(w, http.StatusOK, resp)
}

// newSessionLocked opens a session for c. s.mu must be held.
func (s *Server) newSessionLocked(c credential) string {
	id := newHex(16)
	s.sessions[id] = session{accountID: c.accountID, userID: c.userID}
	return id
}

// Session opens a new session of the built-in account and returns its
// id, ready for an "Authorization: auth.sid <id>" header; tools use it
// to hand out a session without logging in.
func (s *Server) Session() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range s.creds {
		if c.login == DefaultLogin && c.accountID == DefaultAccountID {
			return s.newSessionLocked(c)
		}
	}
	return ""
}

// ExpireSessions makes every session opened so far invalid: the next
// call with any of them gets 401, as after a session timeout.
func (s *Server) ExpireSessions() {
	s.mu.Lock()
	defer s.mu.Unlock()
	clear(s.sessions)
}

// sessionID returns the session id that a request's Authorization
// header carries, or "".
func sessionID(r *http.Request) string {
	scheme, id, ok := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
	if !ok || !strings.EqualFold(scheme, authScheme) {
		return ""
	}
	return strings.TrimSpace(id)
}

// expireSessionOf ends the session that r carries, if any.
func (s *Server) expireSessionOf(r *http.Request) {
	id := sessionID(r)
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.sessions, id)
}

// sessionHandler is a handler of an endpoint that needs a session.
type sessionHandler func(w http.ResponseWriter, r *http.Request, sess session)

// authed wraps h so that it runs only for a request with a valid
// session; other requests get 401.
func (s *Server) authed(h sessionHandler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id := sessionID(r)
		s.mu.Lock()
		sess, ok := s.sessions[id]
		s.mu.Unlock()
		if id == "" || !ok {
			writeError(w, http.StatusUnauthorized, codeUnauthorized, "Authorization",
				"no valid session: log in with POST /auth and send \"Authorization: auth.sid <sessionId>\"")
			return
		}
		h(w, r, sess)
	}
}
