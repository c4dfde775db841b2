package realtytest

import (
	"fmt"

	"github.com/go-realty/realty/options"
)

// Advance moves a docflow one step along its life and returns its new
// state:
//
//   - queued -> sent -> completed for extract orders, additional
//     packages and action requests;
//   - sent -> completed for registrations, or with WithPayment sent ->
//     suspended (the fee is due) -> sent (paid) -> completed.
//
// A completed docflow carries its result files. Advance fails for an
// unknown docflow, a final one, and one that waits for signatures (sign
// its statements and send it over HTTP instead).
func (s *Server) Advance(docflowID string) (state string, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docflows[docflowID]
	if d == nil {
		return "", fmt.Errorf("realtytest: no docflow %q", docflowID)
	}
	return s.stepLocked(d)
}

// Fail ends a docflow in state "error" with an error of code and
// message, as when Rosreestr refuses a request. It fails for an unknown
// docflow and for one that has already ended.
func (s *Server) Fail(docflowID string, code, message string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docflows[docflowID]
	if d == nil {
		return fmt.Errorf("realtytest: no docflow %q", docflowID)
	}
	if d.final() {
		return fmt.Errorf("realtytest: docflow %s has already ended in state %q", d.id, d.state)
	}
	s.endLocked(d, options.Problem{Code: code, Message: message})
	return nil
}

// stepLocked moves d one step, as Advance describes. s.mu must be held.
func (s *Server) stepLocked(d *docflow) (string, error) {
	switch d.state {
	case stateQueued:
		s.setStateLocked(d, stateSent)
	case stateSent:
		if d.kind.registration && s.cfg.payment != nil && !d.paid {
			d.paymentDue = true
			s.setStateLocked(d, stateSuspended)
			break
		}
		s.completeLocked(d)
	case stateSuspended:
		if d.awaitingSignatures {
			return d.state, fmt.Errorf("realtytest: docflow %s waits for the signatures of its statements: "+
				"sign them and send it", d.id)
		}
		d.paymentDue = false
		d.paid = true
		s.setStateLocked(d, stateSent)
	default:
		return d.state, fmt.Errorf("realtytest: docflow %s has already ended in state %q", d.id, d.state)
	}
	return d.state, nil
}

// setStateLocked changes d's state and publishes the change in the news.
// s.mu must be held.
func (s *Server) setStateLocked(d *docflow, state string) {
	d.state = state
	s.recordNewsLocked(d)
}

// completeLocked ends d in state "completed" with the result files of its
// type. s.mu must be held.
func (s *Server) completeLocked(d *docflow) {
	switch {
	case d.kind.name == typeObject:
		s.addResultLocked(d, newBytesFile("egrn:outdoc", "application/zip", extractZIP(d)))
		s.addResultLocked(d, newBytesFile("extract_info:pdf", "application/pdf", extractPDF(d)))
	case d.kind.registration:
		s.addResultLocked(d, newBytesFile("egrn:outdoc", "application/zip", extractZIP(d)))
	}
	s.setStateLocked(d, stateCompleted)
}

// addResultLocked adds f and a detached signature of it to d's result.
// s.mu must be held.
func (s *Server) addResultLocked(d *docflow, f *file) {
	sig := newBytesFile("signature", "application/octet-stream", detachedSignature(f))
	f.signatures = append(f.signatures, sig)
	d.files[f.id] = f
	d.files[sig.id] = sig
	d.result = append(d.result, f)
}

// endLocked ends d in state "error" with problem. s.mu must be held.
func (s *Server) endLocked(d *docflow, problem options.Problem) {
	d.problem = &problem
	d.awaitingSignatures = false
	d.paymentDue = false
	s.setStateLocked(d, stateError)
}
