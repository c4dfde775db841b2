package realtytest

import (
	"io"
	"mime"
	"net/http"
	"os"
)

// contentTypes are the media types POST /contents accepts.
var contentTypes = map[string]bool{
	"application/pdf":               true,
	"application/xml":               true,
	"application/x-pkcs7-signature": true,
	"application/pgp-signature":     true,
}

// signatureTypes are the media types of uploaded signatures.
var signatureTypes = map[string]bool{
	"application/x-pkcs7-signature": true,
	"application/pgp-signature":     true,
}

// content is an uploaded file, kept on disk.
type content struct {
	id          string
	accountID   string
	path        string
	contentType string
	size        int64
}

// contentPointerJSON answers an upload.
type contentPointerJSON struct {
	ID          string `json:"id"`
	ContentLink string `json:"contentLink"`
}

// handleUploadContent serves POST /contents: it streams the body into a
// temporary file and answers 201 with the content's id and link.
func (s *Server) handleUploadContent(w http.ResponseWriter, r *http.Request, sess session) {
	mediaType, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || !contentTypes[mediaType] {
		writeError(w, http.StatusBadRequest, codeValidation, "Content-Type",
			"content type %q is not one of application/pdf, application/xml, "+
				"application/x-pkcs7-signature, application/pgp-signature", r.Header.Get("Content-Type"))
		return
	}

	tmp, err := os.CreateTemp(s.dir, "content-*")
	if err != nil {
		writeError(w, http.StatusServiceUnavailable, codeUnavailable, "", "cannot store the content: %v", err)
		return
	}
	size, err := io.Copy(tmp, r.Body)
	if closeErr := tmp.Close(); err == nil {
		err = closeErr
	}
	if err != nil || size == 0 {
		_ = os.Remove(tmp.Name())
		if err != nil {
			writeError(w, http.StatusBadRequest, codeBadRequest, "body", "cannot read the content: %v", err)
		} else {
			writeError(w, http.StatusBadRequest, codeValidation, "body", "the content is empty")
		}
		return
	}

	c := &content{id: newGUID(), accountID: sess.accountID, path: tmp.Name(), contentType: mediaType, size: size}
	s.mu.Lock()
	s.contents[c.id] = c
	s.mu.Unlock()

	link := s.link("contents", c.id)
	w.Header().Set("Location", link)
	writeJSON(w, http.StatusCreated, contentPointerJSON{ID: c.id, ContentLink: link})
}

// handleGetContent serves GET /contents/{contentId}: the uploaded bytes
// with their content type.
func (s *Server) handleGetContent(w http.ResponseWriter, r *http.Request, sess session) {
	id := r.PathValue("contentId")
	s.mu.Lock()
	c := s.contents[id]
	s.mu.Unlock()
	if c == nil || c.accountID != sess.accountID {
		writeError(w, http.StatusNotFound, codeNotFound, "contentId", "no content %q", id)
		return
	}

	f, err := os.Open(c.path)
	if err != nil {
		writeError(w, http.StatusServiceUnavailable, codeUnavailable, "", "cannot read content %s: %v", id, err)
		return
	}
	defer f.Close()
	serveBytes(w, r, c.contentType, f)
}

// Content reports the size and media type of the uploaded content with
// the id, of any account; ok is false when there is none.
func (s *Server) Content(id string) (size int64, contentType string, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.contents[id]
	if c == nil {
		return 0, "", false
	}
	return c.size, c.contentType, true
}
