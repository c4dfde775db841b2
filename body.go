package realty

import (
	"io"
	"sync"

	"github.com/hashicorp/go-retryablehttp"
)

// streamBody sets r's body to stream from body without buffering it. An
// io.ReadSeeker is sent from where it stands, with its length, and can
// be sent again for a retry; any other reader is sent once, chunked, and
// the call is never retried.
func (r *request) streamBody(body io.Reader) error {
	rs, ok := body.(io.ReadSeeker)
	if !ok {
		r.once = body
		r.length = -1
		r.kind = kindOnce
		return nil
	}
	start, err := rs.Seek(0, io.SeekCurrent)
	if err != nil {
		return err
	}
	end, err := rs.Seek(0, io.SeekEnd)
	if err != nil {
		return err
	}
	if _, err := rs.Seek(start, io.SeekStart); err != nil {
		return err
	}
	r.length = end - start

	// The transport may still be writing one attempt's body after its
	// answer came (a server may answer 503 before reading it all), so
	// attempts must not share a read position. A ReaderAt gives each
	// attempt a reader of its own; a plain ReadSeeker is rewound only
	// once the transport has closed the previous attempt's body.
	if ra, ok := body.(io.ReaderAt); ok {
		r.rewind = func() (io.Reader, error) {
			return io.NopCloser(io.NewSectionReader(ra, start, r.length)), nil
		}
		return nil
	}
	var previous *attemptBody
	r.rewind = retryablehttp.ReaderFunc(func() (io.Reader, error) {
		if previous != nil {
			<-previous.closed
		}
		if _, err := rs.Seek(start, io.SeekStart); err != nil {
			return nil, err
		}
		previous = &attemptBody{Reader: rs, closed: make(chan struct{})}
		return previous, nil
	})
	return nil
}

// attemptBody is one attempt's view of a shared ReadSeeker; it says when
// the transport is done with it.
type attemptBody struct {
	io.Reader
	closed chan struct{}
	once   sync.Once
}

// Close marks the attempt's body as no longer read. The caller's reader
// stays open: it is the caller's to close.
func (b *attemptBody) Close() error {
	b.once.Do(func() { close(b.closed) })
	return nil
}
