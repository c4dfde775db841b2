package realty

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/go-realty/realty/options"
)

// ContentsService uploads documents and signatures that options then
// refer to (options.Content), and reads them back.
type ContentsService service

// MediaType is the type of an uploaded content.
type MediaType string

// The media types the service accepts.
const (
	MediaPDF            MediaType = "application/pdf"
	MediaXML            MediaType = "application/xml"
	MediaPKCS7Signature MediaType = "application/x-pkcs7-signature"
	MediaPGPSignature   MediaType = "application/pgp-signature"
)

// Known reports whether the service accepts m.
func (m MediaType) Known() bool {
	switch m {
	case MediaPDF, MediaXML, MediaPKCS7Signature, MediaPGPSignature:
		return true
	}
	return false
}

// Uploaded is a stored content: the pointer to put in options.Content,
// and the URL the service gave in its Location header.
type Uploaded struct {
	// ContentPointer holds the content's id and link, ready to put in
	// an options.ContentInfo or in options.Content's Signatures; its
	// ContentLink falls back to Location when the answer had none.
	options.ContentPointer
	// Location is the URL of the content from the answer's Location
	// header, or empty.
	Location string
}

// Upload stores a document or a signature and returns where it is. The
// body is streamed, never held in memory: from an io.ReadSeeker (a
// file, a bytes.Reader) it is rewound and resent when the service
// provably did not get it; from another reader it is sent once.
func (s *ContentsService) Upload(ctx context.Context, mediaType MediaType, body io.Reader) (*Uploaded, error) {
	if !mediaType.Known() {
		return nil, fmt.Errorf("realty: content type %q: want one of %s, %s, %s, %s",
			mediaType, MediaPDF, MediaXML, MediaPKCS7Signature, MediaPGPSignature)
	}
	if body == nil {
		return nil, errors.New("realty: nil content body")
	}
	r := &request{method: http.MethodPost, path: "/contents", kind: kindSubmit, contentType: string(mediaType)}
	if err := r.streamBody(body); err != nil {
		return nil, err
	}
	up := new(Uploaded)
	resp, err := s.client.do(ctx, r, &up.ContentPointer)
	if err != nil {
		return nil, err
	}
	up.Location = resp.Header.Get("Location")
	if up.ContentLink == "" {
		up.ContentLink = up.Location
	}
	if up.ID == "" {
		return nil, &DecodeError{Method: r.method, Path: r.path, Status: resp.StatusCode,
			Err: errors.New("the answer has no content id")}
	}
	return up, nil
}

// Get streams the content with the given id. The caller must close the
// returned Download.
func (s *ContentsService) Get(ctx context.Context, id string) (*Download, error) {
	if id == "" {
		return nil, errors.New("realty: empty content id")
	}
	return s.client.download(ctx, "/contents/"+segment(id))
}
