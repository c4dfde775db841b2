package jsondiff

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The comparison decides what conformance means, so it is tested on its
// own: one that accepted everything would pass every example.
func TestCompare(t *testing.T) {
	for _, tc := range []struct {
		name, original, encoded string
		want                    []string
	}{
		{name: "equal", original: `{"a":"1","b":{"c":["x"]}}`, encoded: `{"b":{"c":["x"]},"a":"1"}`},
		{name: "value changed", original: `{"a":"1"}`, encoded: `{"a":"2"}`, want: []string{"a: 1 became 2"}},
		{name: "field dropped", original: `{"a":"1","b":"2"}`, encoded: `{"a":"1"}`,
			want: []string{"b: missing from the encoding"}},
		{name: "field added", original: `{"a":"1"}`, encoded: `{"a":"1","z":"2"}`,
			want: []string{"z: added by the encoding"}},
		{name: "empty string dropped", original: `{"a":"1","b":""}`, encoded: `{"a":"1"}`},
		{name: "slip dropped", original: `{"identityDocument":{"number":"1","type":"x"}}`,
			encoded: `{"identityDocument":{"number":"1"}}`},
		{name: "slip dropped only where it is a slip", original: `{"person":{"number":"1","type":"x"}}`,
			encoded: `{"person":{"number":"1"}}`, want: []string{"person.type: missing from the encoding"}},
		{name: "alias respelt", original: `{"organisation":{"name":"a"}}`, encoded: `{"organization":{"name":"a"}}`},
		{name: "alias respelt with a changed value", original: `{"organisation":{"name":"a"}}`,
			encoded: `{"organization":{"name":"b"}}`, want: []string{"organisation.name: a became b"}},
		{name: "one-element array became its element", original: `{"object":[{"a":"1"}]}`, encoded: `{"object":{"a":"1"}}`},
		{name: "lone object became a one-element array", original: `{"encumbrancer":{"a":"1"}}`,
			encoded: `{"encumbrancer":[{"a":"1"}]}`},
		{name: "reshaping only where decided", original: `{"other":{"a":"1"}}`, encoded: `{"other":[{"a":"1"}]}`,
			want: []string{"other: an object became an array"}},
		{name: "two elements are not one object", original: `{"object":[{"a":"1"},{"a":"2"}]}`,
			encoded: `{"object":{"a":"1"}}`, want: []string{"object: an array became an object"}},
		{name: "array shortened", original: `{"documents":["a","b"]}`, encoded: `{"documents":["a"]}`,
			want: []string{"documents: 2 elements became 1"}},
		{name: "nested path", original: `{"options":{"shares":[{"x":"1"},{"x":"2","y":"3"}]}}`,
			encoded: `{"options":{"shares":[{"x":"1"},{"x":"2"}]}}`,
			want:    []string{"options.shares[1].y: missing from the encoding"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			diffs, err := Compare([]byte(tc.original), []byte(tc.encoded), SDKRules)
			require.NoError(t, err)
			var got []string
			for _, d := range diffs {
				got = append(got, d.String())
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestCompareRejectsMalformedJSON(t *testing.T) {
	_, err := Compare([]byte(`{`), []byte(`{}`), SDKRules)
	assert.Error(t, err)
	_, err = Compare([]byte(`{}`), []byte(`nope`), SDKRules)
	assert.Error(t, err)
}
