package realtytest

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
)

// newGUID returns a random version 4 GUID, the form of every id the
// service hands out.
func newGUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// newHex returns n random bytes as hex.
func newHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// pathEscape escapes s as one path segment.
func pathEscape(s string) string { return url.PathEscape(s) }
