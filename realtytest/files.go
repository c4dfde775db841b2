package realtytest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/go-realty/realty/options"
)

// file is a downloadable file of a docflow: a statement to sign, a
// result file, or a signature of one.
type file struct {
	id          string
	typ         string
	contentType string
	data        []byte // the bytes, unless the file is a pattern
	pattern     bool   // the bytes are generated on the fly
	size        int64
	signed      bool    // for a statement: a signature was given
	signatures  []*file // for a result file: its detached signatures
}

// newBytesFile returns a file that holds data.
func newBytesFile(typ, contentType string, data []byte) *file {
	return &file{id: newGUID(), typ: typ, contentType: contentType, data: data, size: int64(len(data))}
}

// newPatternFile returns a file of size bytes generated on the fly.
func newPatternFile(typ, contentType string, size int64) *file {
	return &file{id: newGUID(), typ: typ, contentType: contentType, pattern: true, size: size}
}

// open returns a reader of the file's bytes.
func (f *file) open() io.ReadSeeker {
	if f.pattern {
		return &patternReader{size: f.size}
	}
	return bytes.NewReader(f.data)
}

// PatternByte returns the byte at offset off of a file that AddFile
// generated, so that a test can check a download without holding a copy.
func PatternByte(off int64) byte { return byte(off % patternPeriod) }

// patternPeriod is the length after which the AddFile pattern repeats.
const patternPeriod = 251

// patternBlock holds the pattern from offset 0 for a little over 64 KiB,
// a whole number of periods, so that any offset's bytes can be copied
// from it in large pieces.
var patternBlock = func() []byte {
	b := make([]byte, patternPeriod*262)
	for i := range b {
		b[i] = PatternByte(int64(i))
	}
	return b
}()

// patternReader reads size bytes of the AddFile pattern: the byte at
// offset i is i mod 251, a prime, so that a block that went missing or
// came twice shows at any buffer size.
type patternReader struct {
	size, off int64
}

// Read fills b with the pattern from the current offset, copying from
// patternBlock rather than computing byte by byte.
func (p *patternReader) Read(b []byte) (int, error) {
	if p.off >= p.size {
		return 0, io.EOF
	}
	if rest := p.size - p.off; int64(len(b)) > rest {
		b = b[:rest]
	}
	n := 0
	for n < len(b) {
		start := (p.off + int64(n)) % patternPeriod
		n += copy(b[n:], patternBlock[start:])
	}
	p.off += int64(n)
	return n, nil
}

// Seek moves the offset, as io.Seeker says.
func (p *patternReader) Seek(offset int64, whence int) (int64, error) {
	switch whence {
	case io.SeekStart:
	case io.SeekCurrent:
		offset += p.off
	case io.SeekEnd:
		offset += p.size
	default:
		return 0, errors.New("realtytest: bad whence")
	}
	if offset < 0 {
		return 0, errors.New("realtytest: negative offset")
	}
	p.off = offset
	return offset, nil
}

// AddFile adds a result file of fileType and size bytes to a docflow and
// returns its id. Its bytes are generated on the fly as they are
// downloaded (the byte at offset i is PatternByte(i)), so a test can
// download gigabytes without the server holding them. The content type
// follows fileType: PDF for "...pdf", XML for "...xml", ZIP otherwise.
func (s *Server) AddFile(docflowID, fileType string, size int64) (fileID string, err error) {
	if size < 0 {
		return "", fmt.Errorf("realtytest: negative file size %d", size)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docflows[docflowID]
	if d == nil {
		return "", fmt.Errorf("realtytest: no docflow %q", docflowID)
	}
	f := newPatternFile(fileType, contentTypeOf(fileType), size)
	d.files[f.id] = f
	d.result = append(d.result, f)
	return f.id, nil
}

// contentTypeOf guesses a result file's media type from its type.
func contentTypeOf(fileType string) string {
	switch {
	case strings.HasSuffix(fileType, "pdf"):
		return "application/pdf"
	case strings.HasSuffix(fileType, "xml"):
		return "application/xml"
	default:
		return "application/zip"
	}
}

// handleGetFile serves GET /docflows/{docflowId}/files/{fileId}: the
// bytes of a statement, a result file or a signature, with ranges.
func (s *Server) handleGetFile(w http.ResponseWriter, r *http.Request, sess session) {
	docflowID, fileID := r.PathValue("docflowId"), r.PathValue("fileId")

	s.mu.Lock()
	var f *file
	d := s.docflowOfLocked(sess.accountID, docflowID)
	if d != nil {
		f = d.files[fileID]
	}
	s.mu.Unlock()

	switch {
	case d == nil:
		writeError(w, http.StatusNotFound, codeNotFound, "docflowId", "no docflow %q", docflowID)
	case f == nil:
		writeError(w, http.StatusNotFound, codeNotFound, "fileId", "docflow %s has no file %q", docflowID, fileID)
	default:
		serveBytes(w, r, f.contentType, f.open())
	}
}

// handleUploadSignature serves POST
// /docflows/{docflowId}/files/{fileId}/signatures: the body is a
// detached signature of a statement file, which marks it signed. The
// signature's bytes are counted and dropped.
func (s *Server) handleUploadSignature(w http.ResponseWriter, r *http.Request, sess session) {
	n, err := io.Copy(io.Discard, r.Body)
	if err != nil {
		writeError(w, http.StatusBadRequest, codeBadRequest, "body", "cannot read the signature: %v", err)
		return
	}
	if n == 0 {
		writeError(w, http.StatusBadRequest, codeValidation, "body", "the signature is empty")
		return
	}
	if s.sign(w, r, sess, "") {
		w.WriteHeader(http.StatusNoContent)
	}
}

// handleLinkSignature serves POST
// /docflows/{docflowId}/files/{fileId}/signatures/{signatureId}: the
// signature is a content uploaded earlier, which marks the statement file
// signed.
func (s *Server) handleLinkSignature(w http.ResponseWriter, r *http.Request, sess session) {
	if s.sign(w, r, sess, r.PathValue("signatureId")) {
		w.WriteHeader(http.StatusCreated)
	}
}

// sign marks the statement file of the request signed, checking the
// signature content contentID when it is not "". It answers an error and
// returns false when it cannot.
func (s *Server) sign(w http.ResponseWriter, r *http.Request, sess session, contentID string) bool {
	s.mu.Lock()
	status, problem := s.signLocked(sess, r.PathValue("docflowId"), r.PathValue("fileId"), contentID)
	s.mu.Unlock()

	if problem != nil {
		writeProblem(w, status, *problem)
		return false
	}
	return true
}

// signLocked does the work of sign and returns the status and Error of
// a refusal, or a nil Error. s.mu must be held.
func (s *Server) signLocked(sess session, docflowID, fileID, contentID string) (int, *options.Problem) {
	refuse := func(status int, code, target, format string, args ...any) (int, *options.Problem) {
		return status, &options.Problem{Code: code, Target: target, Message: fmt.Sprintf(format, args...)}
	}

	d := s.docflowOfLocked(sess.accountID, docflowID)
	if d == nil {
		return refuse(http.StatusNotFound, codeNotFound, "docflowId", "no docflow %q", docflowID)
	}
	if d.files[fileID] == nil {
		return refuse(http.StatusNotFound, codeNotFound, "fileId", "docflow %s has no file %q", docflowID, fileID)
	}
	if contentID != "" {
		c := s.contents[contentID]
		if c == nil || c.accountID != sess.accountID {
			return refuse(http.StatusNotFound, codeNotFound, "signatureId", "no content %q", contentID)
		}
		if !signatureTypes[c.contentType] {
			return refuse(http.StatusBadRequest, codeValidation, "signatureId",
				"content %s is %s, not a signature", contentID, c.contentType)
		}
	}
	f := d.statementFile(fileID)
	if f == nil {
		return refuse(http.StatusBadRequest, codeValidation, "fileId",
			"file %s of docflow %s is not a statement to sign", fileID, docflowID)
	}
	if !d.awaitingSignatures {
		return refuse(http.StatusBadRequest, codeInvalidState, "docflowId",
			"docflow %s is %s and waits for no signature", docflowID, d.state)
	}
	f.signed = true
	return http.StatusOK, nil
}

// serveBytes answers r with the bytes of body and their content type,
// with Content-Length and ranges. An error that http.ServeContent answers
// by itself (an unsatisfiable range) gets an Error body like any other.
func serveBytes(w http.ResponseWriter, r *http.Request, contentType string, body io.ReadSeeker) {
	w.Header().Set("Content-Type", contentType)
	http.ServeContent(&jsonErrorWriter{ResponseWriter: w}, r, "", time.Time{}, body)
}

// jsonErrorWriter replaces the plain-text body of an error answer with
// an Error body.
type jsonErrorWriter struct {
	http.ResponseWriter
	failed bool
}

// WriteHeader writes the status, and for an error the Error body.
func (j *jsonErrorWriter) WriteHeader(status int) {
	if status < http.StatusBadRequest {
		j.ResponseWriter.WriteHeader(status)
		return
	}
	j.failed = true
	j.Header().Del("Content-Length")
	j.Header().Del("Content-Range")
	writeError(j.ResponseWriter, status, codeBadRequest, "Range", "%s", http.StatusText(status))
}

// Write drops the text of an error answer and passes other bytes on.
func (j *jsonErrorWriter) Write(b []byte) (int, error) {
	if j.failed {
		return len(b), nil
	}
	return j.ResponseWriter.Write(b)
}
