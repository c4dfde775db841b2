package realty

import (
	"io"

	"github.com/hashicorp/go-retryablehttp"
)

// streamBody sets r's body to stream from body without buffering it: an
// io.ReadSeeker is rewound to where it started for each attempt, and
// its length is sent; any other reader is sent once, chunked, and the
// call is never retried.
func (r *request) streamBody(body io.Reader) error {
	if rs, ok := body.(io.ReadSeeker); ok {
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
		r.rewind = retryablehttp.ReaderFunc(func() (io.Reader, error) {
			_, err := rs.Seek(start, io.SeekStart)
			// NopCloser: the transport closes a body that is a Closer,
			// which would end a file before the next attempt.
			return io.NopCloser(rs), err
		})
		return nil
	}
	r.once = body
	r.length = -1
	r.kind = kindOnce
	return nil
}
