package realty

import (
	"context"
	"errors"
	"io"
	"net/http"
)

// SignaturesService adds detached signatures to the files of a docflow,
// as its signature requirements ask.
type SignaturesService service

// Upload sends the bytes of a detached signature of file fileID of
// docflow docflowID. A signature from an io.ReadSeeker (a file, a
// bytes.Reader) can be resent when the service provably did not get it;
// from another reader it is sent once.
func (s *SignaturesService) Upload(ctx context.Context, docflowID, fileID string, signature io.Reader) error {
	if docflowID == "" || fileID == "" {
		return errors.New("realty: empty docflow or file id")
	}
	if signature == nil {
		return errors.New("realty: nil signature")
	}
	r := &request{
		method:      http.MethodPost,
		path:        "/docflows/" + segment(docflowID) + "/files/" + segment(fileID) + "/signatures",
		kind:        kindSubmit,
		contentType: "application/octet-stream",
	}
	if err := r.streamBody(signature); err != nil {
		return err
	}
	_, err := s.client.do(ctx, r, nil)
	return err
}

// Link attaches an already uploaded signature content (see
// ContentsService.Upload) to file fileID of docflow docflowID.
func (s *SignaturesService) Link(ctx context.Context, docflowID, fileID, signatureID string) error {
	if docflowID == "" || fileID == "" || signatureID == "" {
		return errors.New("realty: empty docflow, file or signature id")
	}
	r := &request{
		method: http.MethodPost,
		path:   "/docflows/" + segment(docflowID) + "/files/" + segment(fileID) + "/signatures/" + segment(signatureID),
		kind:   kindSubmit,
	}
	_, err := s.client.do(ctx, r, nil)
	return err
}
