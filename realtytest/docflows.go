package realtytest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/go-realty/realty/options"
)

// The states of a docflow.
const (
	stateQueued    = "queued"
	stateSent      = "sent"
	stateSuspended = "suspended"
	stateCompleted = "completed"
	stateError     = "error"
)

// docflow is one submission as the server keeps it.
type docflow struct {
	id         string
	kind       *docflowKind
	accountID  string
	userID     string
	requestID  string
	state      string
	rawOptions json.RawMessage // as received
	options    options.Options // decoded from rawOptions

	statements         []*statement // one per party that must sign
	awaitingSignatures bool         // suspended until the statements are signed and sent
	paymentDue         bool         // suspended until the state fee is paid
	paid               bool

	result  []*file
	files   map[string]*file // every downloadable file, by id
	problem *options.Problem // set in state "error"
}

// statement is the application that one party must sign.
type statement struct {
	person options.Person
	file   *file
}

// payment is a state fee that a docflow waits for.
type payment struct {
	UIN string `json:"uin"`
	Sum string `json:"summ"`
}

// final reports whether the docflow has ended.
func (d *docflow) final() bool { return d.state == stateCompleted || d.state == stateError }

// inProcessing reports whether the docflow is on its way: queued, sent
// or suspended.
func (d *docflow) inProcessing() bool {
	return d.state == stateQueued || d.state == stateSent || d.state == stateSuspended
}

// unsignedStatements returns the ids of the statement files that no
// signature has been given for yet.
func (d *docflow) unsignedStatements() []string {
	var ids []string
	for _, st := range d.statements {
		if !st.file.signed {
			ids = append(ids, st.file.id)
		}
	}
	return ids
}

// statementFile returns the statement file with the id, or nil.
func (d *docflow) statementFile(id string) *file {
	for _, st := range d.statements {
		if st.file.id == id {
			return st.file
		}
	}
	return nil
}

// docflowJSON is a docflow as the API shows it.
type docflowJSON struct {
	DocflowID    string            `json:"docflowId"`
	DocflowType  string            `json:"docflowType"`
	UserID       string            `json:"userId,omitempty"`
	State        string            `json:"state"`
	RequestID    string            `json:"requestId"`
	Options      json.RawMessage   `json:"options,omitempty"`
	Requirements *requirementsJSON `json:"requirements,omitempty"`
	Result       *resultJSON       `json:"result,omitempty"`
	Error        *options.Problem  `json:"error,omitempty"`
}

// requirementsJSON is what a suspended docflow waits for.
type requirementsJSON struct {
	Signature []signatureRequirementJSON `json:"signature,omitempty"`
	Payment   []payment                  `json:"payment,omitempty"`
}

// signatureRequirementJSON asks one person to sign the listed files.
type signatureRequirementJSON struct {
	Person options.Person    `json:"person"`
	Files  []filePointerJSON `json:"files"`
}

// filePointerJSON points at a file to sign.
type filePointerJSON struct {
	ID          string `json:"id"`
	Type        string `json:"type"`
	ContentLink string `json:"contentLink"`
}

// resultJSON holds the result files of a docflow.
type resultJSON struct {
	Files []fileJSON `json:"files"`
}

// fileJSON is a result file with its signatures.
type fileJSON struct {
	ID          string              `json:"id"`
	Type        string              `json:"type"`
	ContentLink string              `json:"contentLink"`
	Signatures  []signatureLinkJSON `json:"signatures"`
}

// signatureLinkJSON points at a signature of a result file.
type signatureLinkJSON struct {
	ID          string `json:"id"`
	ContentLink string `json:"contentLink"`
}

// renderLocked encodes the docflow as the API shows it. s.mu must be
// held.
func (s *Server) renderLocked(d *docflow) json.RawMessage {
	v := docflowJSON{
		DocflowID:   d.id,
		DocflowType: d.kind.name,
		UserID:      d.userID,
		State:       d.state,
		RequestID:   d.requestID,
		Options:     d.rawOptions,
		Error:       d.problem,
	}
	if d.state == stateSuspended {
		req := &requirementsJSON{}
		if d.awaitingSignatures {
			req.Signature = []signatureRequirementJSON{}
			for _, st := range d.statements {
				req.Signature = append(req.Signature, signatureRequirementJSON{
					Person: st.person,
					Files: []filePointerJSON{{
						ID:          st.file.id,
						Type:        st.file.typ,
						ContentLink: s.link("docflows", d.id, "files", st.file.id),
					}},
				})
			}
		}
		if d.paymentDue && s.cfg.payment != nil {
			req.Payment = []payment{*s.cfg.payment}
		}
		v.Requirements = req
	}
	if len(d.result) > 0 {
		v.Result = &resultJSON{}
		for _, f := range d.result {
			fj := fileJSON{
				ID:          f.id,
				Type:        f.typ,
				ContentLink: s.link("docflows", d.id, "files", f.id),
				Signatures:  []signatureLinkJSON{},
			}
			for _, sig := range f.signatures {
				fj.Signatures = append(fj.Signatures, signatureLinkJSON{
					ID:          sig.id,
					ContentLink: s.link("docflows", d.id, "files", sig.id),
				})
			}
			v.Result.Files = append(v.Result.Files, fj)
		}
	}
	raw, err := json.Marshal(v)
	if err != nil {
		// Every part was decoded or built by the server itself.
		panic(fmt.Sprintf("realtytest: cannot encode docflow %s: %v", d.id, err))
	}
	return raw
}

// answer wraps a rendered docflow as WithWrappedDocflows asks.
func (s *Server) answer(raw json.RawMessage) any {
	if s.cfg.wrapped {
		return map[string]json.RawMessage{"docflow": raw}
	}
	return raw
}

// docflowOfLocked returns the docflow with the id if it belongs to the
// account, else nil. s.mu must be held.
func (s *Server) docflowOfLocked(accountID, id string) *docflow {
	d := s.docflows[id]
	if d == nil || d.accountID != accountID {
		return nil
	}
	return d
}

// handleDocflowPost serves POST /docflows/{x}: a create when x names a
// docflow type, else a send of docflow x.
func (s *Server) handleDocflowPost(w http.ResponseWriter, r *http.Request, sess session) {
	x := r.PathValue("x")
	if kind, ok := kinds[x]; ok {
		s.createDocflow(w, r, sess, kind)
		return
	}
	s.sendDocflow(w, sess, x)
}

// createRequest is the body of a create.
type createRequest struct {
	RequestID string          `json:"requestId"`
	Options   json.RawMessage `json:"options"`
}

// createDocflow decodes, checks and stores a new docflow, answering 200
// when it is queued and 201 when it waits for signatures.
func (s *Server) createDocflow(w http.ResponseWriter, r *http.Request, sess session, kind *docflowKind) {
	var req createRequest
	if !readJSON(w, r, &req) {
		return
	}
	raw := bytes.TrimSpace(req.Options)
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		writeError(w, http.StatusBadRequest, codeValidation, "options", "options are required")
		return
	}
	opts, err := kind.decode(raw)
	if err != nil {
		writeError(w, http.StatusBadRequest, codeBadRequest, "options",
			"cannot decode the options of %s: %v", kind.name, err)
		return
	}
	if err := opts.Validate(); err != nil {
		var invalid *options.ValidationError
		if errors.As(err, &invalid) {
			writeProblem(w, http.StatusBadRequest, invalid.Problem)
			return
		}
		writeError(w, http.StatusBadRequest, codeValidation, "options", "%v", err)
		return
	}

	s.mu.Lock()
	d, problem := s.createLocked(sess, kind, req.RequestID, raw, opts)
	var body json.RawMessage
	if problem == nil {
		body = s.renderLocked(d)
	}
	s.mu.Unlock()

	if problem != nil {
		writeProblem(w, http.StatusBadRequest, *problem)
		return
	}
	status := http.StatusOK
	if d.kind.registration {
		status = http.StatusCreated
	}
	writeJSON(w, status, s.answer(body))
}

// createLocked stores a new docflow after the checks that need the other
// docflows, and applies a cancel. s.mu must be held.
func (s *Server) createLocked(sess session, kind *docflowKind, requestID string,
	raw json.RawMessage, opts options.Options) (*docflow, *options.Problem) {
	var cancel *docflow
	var cause string
	switch o := opts.(type) {
	case options.AdditionalPackageRequest:
		target := s.docflowOfLocked(sess.accountID, o.DocflowID)
		if target == nil || !target.inProcessing() {
			return nil, &options.Problem{
				Code:    codeValidation,
				Message: fmt.Sprintf("docflow %q is not a docflow of this account in processing", o.DocflowID),
				Target:  "options.docflowId",
			}
		}
	case options.ActionRequest:
		target := s.docflowOfLocked(sess.accountID, o.DocflowID)
		if target == nil {
			return nil, &options.Problem{
				Code:    codeValidation,
				Message: fmt.Sprintf("docflow %q is not a docflow of this account", o.DocflowID),
				Target:  "options.docflowId",
			}
		}
		if o.ActionType == options.ActionCancel {
			if target.final() {
				return nil, &options.Problem{
					Code:    codeInvalidState,
					Message: fmt.Sprintf("docflow %s is already %s", target.id, target.state),
					Target:  "options.docflowId",
				}
			}
			cancel, cause = target, o.Cause
		}
	}

	d := &docflow{
		id:         newGUID(),
		kind:       kind,
		accountID:  sess.accountID,
		userID:     sess.userID,
		requestID:  requestID,
		state:      stateQueued,
		rawOptions: raw,
		options:    opts,
		files:      make(map[string]*file),
	}
	if kind.registration {
		d.state = stateSuspended
		d.awaitingSignatures = true
		for i, person := range signers(opts) {
			f := newBytesFile("statement", "application/pdf", statementPDF(d, person, i+1))
			d.files[f.id] = f
			d.statements = append(d.statements, &statement{person: person, file: f})
		}
	}
	s.docflows[d.id] = d
	s.order = append(s.order, d)
	s.recordNewsLocked(d)

	if cancel != nil {
		if cause == "" {
			cause = "cancelled by action request " + d.id
		}
		s.endLocked(cancel, options.Problem{Code: "cancelled", Message: cause})
	}
	return d, nil
}

// handleGetDocflow serves GET /docflows/{docflowId}; with
// WithAutoAdvance it then moves the docflow one step.
func (s *Server) handleGetDocflow(w http.ResponseWriter, r *http.Request, sess session) {
	id := r.PathValue("docflowId")

	s.mu.Lock()
	d := s.docflowOfLocked(sess.accountID, id)
	var body json.RawMessage
	if d != nil {
		body = s.renderLocked(d)
		if s.cfg.autoAdvance && !d.final() && d.state != stateSuspended {
			_, _ = s.stepLocked(d)
		}
	}
	s.mu.Unlock()

	if d == nil {
		writeError(w, http.StatusNotFound, codeNotFound, "docflowId", "no docflow %q", id)
		return
	}
	writeJSON(w, http.StatusOK, s.answer(body))
}

// sendDocflow serves POST /docflows/{docflowId}: it sends a docflow whose
// statements are all signed, and leaves a docflow already on its way as
// it is.
func (s *Server) sendDocflow(w http.ResponseWriter, sess session, id string) {
	s.mu.Lock()
	d := s.docflowOfLocked(sess.accountID, id)
	var problem *options.Problem
	var body json.RawMessage
	switch {
	case d == nil:
	case d.final():
		problem = &options.Problem{
			Code:    codeInvalidState,
			Message: fmt.Sprintf("docflow %s is %s and cannot be sent", d.id, d.state),
			Target:  "docflowId",
		}
	case d.awaitingSignatures:
		if unsigned := d.unsignedStatements(); len(unsigned) > 0 {
			problem = &options.Problem{
				Code: codeInvalidState,
				Message: fmt.Sprintf("%d statement file(s) still need a signature: %s",
					len(unsigned), strings.Join(unsigned, ", ")),
				Target:  "requirements.signature",
				Context: map[string]any{"files": unsigned},
			}
			break
		}
		d.awaitingSignatures = false
		s.setStateLocked(d, stateSent)
	}
	if d != nil && problem == nil {
		body = s.renderLocked(d)
	}
	s.mu.Unlock()

	switch {
	case d == nil:
		writeError(w, http.StatusNotFound, codeNotFound, "docflowId",
			"no docflow type or docflow %q", id)
	case problem != nil:
		writeProblem(w, http.StatusBadRequest, *problem)
	default:
		writeJSON(w, http.StatusOK, s.answer(body))
	}
}

// Record is what Docflows reports of one docflow.
type Record struct {
	ID        string // the docflow id
	Type      string // the wire name of its type, aliases resolved
	RequestID string // the client's request id, as received
	State     string // the current state
}

// Docflows returns every docflow created so far, of every account, in
// creation order; tests use it to check what a client submitted.
func (s *Server) Docflows() []Record {
	s.mu.Lock()
	defer s.mu.Unlock()
	records := make([]Record, 0, len(s.order))
	for _, d := range s.order {
		records = append(records, Record{ID: d.id, Type: d.kind.name, RequestID: d.requestID, State: d.state})
	}
	return records
}

// CreatedCount returns how many docflows were created with requestID;
// tests use it to prove that a retried submission was not filed twice.
func (s *Server) CreatedCount(requestID string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, d := range s.order {
		if d.requestID == requestID {
			n++
		}
	}
	return n
}
