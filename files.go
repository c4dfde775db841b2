package realty

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

// FilesService downloads the files of a docflow: statements to sign and
// result files.
type FilesService service

// Download is a file's content being streamed from the service. Read it
// and Close it; nothing of it is held in memory by the client.
type Download struct {
	// ReadCloser streams the bytes of the file; the caller must close
	// it.
	io.ReadCloser
	// ContentType is the media type the service gave, such as
	// "application/zip" or "application/pdf".
	ContentType string
	// ContentLength is the size in bytes, or -1 when unknown.
	ContentLength int64
}

// Download streams the file fileID of docflow docflowID. The caller must
// close the returned Download.
func (s *FilesService) Download(ctx context.Context, docflowID, fileID string) (*Download, error) {
	if docflowID == "" || fileID == "" {
		return nil, errors.New("realty: empty docflow or file id")
	}
	return s.client.download(ctx, "/docflows/"+segment(docflowID)+"/files/"+segment(fileID))
}

// download streams the answer of a GET to the caller.
func (c *Client) download(ctx context.Context, path string) (*Download, error) {
	r := &request{method: http.MethodGet, path: path, kind: kindRead}
	resp, err := c.send(ctx, r)
	if err != nil {
		return nil, err
	}
	return &Download{
		ReadCloser:    resp.Body,
		ContentType:   resp.Header.Get("Content-Type"),
		ContentLength: resp.ContentLength,
	}, nil
}

// SaveResult downloads every result file of a completed docflow, and
// each file's signatures, into dir (created when missing), and returns
// the paths written. Each file is streamed to disk; a file is named
// after its type and id, such as "egrn_outdoc-<id>.zip", and a
// signature "<file name>.<n>.sig". A file that fails to download is not
// left half-written.
func (s *FilesService) SaveResult(ctx context.Context, d *Docflow, dir string) ([]string, error) {
	if d == nil || d.Result == nil || len(d.Result.Files) == 0 {
		return nil, errors.New("realty: the docflow has no result files")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var paths []string
	for _, f := range d.Result.Files {
		dl, err := s.Download(ctx, d.ID, f.ID)
		if err != nil {
			return paths, err
		}
		name := FileName(f.Type, f.ID, dl.ContentType)
		path, err := saveStream(dl, filepath.Join(dir, name))
		if err != nil {
			return paths, err
		}
		paths = append(paths, path)

		for i, sig := range f.Signatures {
			dl, err := s.Download(ctx, d.ID, sig.ID)
			if err != nil {
				return paths, err
			}
			path, err := saveStream(dl, filepath.Join(dir, fmt.Sprintf("%s.%d.sig", name, i+1)))
			if err != nil {
				return paths, err
			}
			paths = append(paths, path)
		}
	}
	return paths, nil
}

// FileName is the name SaveResult gives a file: "<type>-<id>" (the id
// alone when the type is empty) with every character but ASCII letters,
// digits and hyphens replaced by "_", and an extension for the media
// type (".zip", ".pdf", ".xml", ".sig", or ".bin" for any other).
func FileName(fileType FileType, id, contentType string) string {
	clean := func(s string) string {
		return strings.Map(func(r rune) rune {
			switch {
			case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-':
				return r
			}
			return '_'
		}, s)
	}
	name := clean(id)
	if fileType != "" {
		name = clean(string(fileType)) + "-" + name
	}
	return name + extension(contentType)
}

// extension returns the file extension of a media type.
func extension(contentType string) string {
	mediaType, _, _ := mime.ParseMediaType(contentType)
	switch mediaType {
	case "application/zip", "application/x-zip-compressed":
		return ".zip"
	case "application/pdf":
		return ".pdf"
	case "application/xml", "text/xml":
		return ".xml"
	case "application/x-pkcs7-signature", "application/pkcs7-signature":
		return ".sig"
	}
	return ".bin"
}

// saveStream copies dl to path through a temporary file, so that a
// failed copy leaves nothing behind, and closes dl.
func saveStream(dl *Download, path string) (string, error) {
	defer dl.Close()
	tmp, err := os.CreateTemp(filepath.Dir(path), ".download-*")
	if err != nil {
		return "", err
	}
	_, err = io.Copy(tmp, dl)
	if closeErr := tmp.Close(); err == nil {
		err = closeErr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return "", fmt.Errorf("realty: saving %s: %w", filepath.Base(path), err)
	}
	return path, nil
}
