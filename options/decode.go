package options

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// decodeString decodes a JSON string; null gives "".
func decodeString(b []byte) (string, error) {
	var s string
	if bytes.Equal(b, []byte("null")) {
		return "", nil
	}
	if err := json.Unmarshal(b, &s); err != nil {
		return "", err
	}
	return s, nil
}

// isArray reports whether a JSON value is an array.
func isArray(b []byte) bool {
	b = bytes.TrimLeft(b, " \t\r\n")
	return len(b) > 0 && b[0] == '['
}

// unwrapOne returns the single element of a JSON array, so that a field
// decided to be one object also accepts a one-element array. An empty
// array gives null; more than one element is an error, because keeping
// only the first would lose the others without a word.
func unwrapOne(b []byte, what string) ([]byte, error) {
	if !isArray(b) {
		return b, nil
	}
	var items []json.RawMessage
	if err := json.Unmarshal(b, &items); err != nil {
		return nil, err
	}
	switch len(items) {
	case 0:
		return []byte("null"), nil
	case 1:
		return items[0], nil
	default:
		return nil, fmt.Errorf("options: %s must be one object, got an array of %d", what, len(items))
	}
}

// decodeList decodes a JSON array into *dst, and a lone object as a
// one-element list, so that a field decided to be an array also accepts
// one object.
func decodeList[T any](b []byte, dst *[]T) error {
	if isArray(b) || bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		var items []T
		if err := json.Unmarshal(b, &items); err != nil {
			return err
		}
		*dst = items
		return nil
	}
	var one T
	if err := json.Unmarshal(b, &one); err != nil {
		return err
	}
	*dst = []T{one}
	return nil
}
