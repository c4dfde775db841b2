package options

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/stretchr/testify/require"
)

// FuzzOptionsDecodeValidate feeds arbitrary JSON to the decoder of every
// docflow type and to Validate. Neither may panic, and options that
// decode and validate must survive an encode and decode unchanged and
// still validate.
func FuzzOptionsDecodeValidate(f *testing.F) {
	for _, opts := range validOptions() {
		data, err := json.Marshal(opts)
		require.NoError(f, err)
		f.Add(data)
	}
	// The tolerated forms: one-element arrays, lone objects, aliases.
	f.Add([]byte(`{"type":"info","cadastralNumber":"47:14:1203001:814","object":[{"area":{"unit":"гa"}}]}`))
	f.Add([]byte(`{"objects":{"cadastralNumber":"1"},"docflowMember":{"organisation":{"name":"a"}},` +
		`"document":{"content":{"info":{"contentPointer":[{"id":"b"}]}}},"share":{"denumerator":"2"}}`))

	f.Fuzz(func(t *testing.T, data []byte) {
		for _, first := range newOptions() {
			if json.Unmarshal(data, first) != nil {
				continue
			}
			if first.Validate() != nil {
				continue
			}

			encoded, err := json.Marshal(first)
			require.NoError(t, err)
			second := reflect.New(reflect.TypeOf(first).Elem()).Interface().(Options)
			require.NoError(t, json.Unmarshal(encoded, second), "decode %s", encoded)

			dropEmptySlices(reflect.ValueOf(first))
			dropEmptySlices(reflect.ValueOf(second))
			require.Equal(t, first, second, "round trip of %s", encoded)
			require.NoError(t, second.Validate())
		}
	})
}

// dropEmptySlices sets every empty, non-nil slice under v to nil. An
// empty JSON array and an absent one both mean "none", and encoding
// writes neither, so a round trip may turn the first into the second.
func dropEmptySlices(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			dropEmptySlices(v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			dropEmptySlices(v.Field(i))
		}
	case reflect.Slice:
		if v.Len() == 0 && !v.IsNil() && v.CanSet() {
			v.Set(reflect.Zero(v.Type()))
		}
		for i := range v.Len() {
			dropEmptySlices(v.Index(i))
		}
	}
}

func TestDropEmptySlices(t *testing.T) {
	r := &ActionRequest{DocflowMember: Members{}, Documents: []AppliedDocument{
		{Content: Content{Signatures: []ContentPointer{}}},
	}}

	dropEmptySlices(reflect.ValueOf(r))

	require.Nil(t, r.DocflowMember)
	require.Len(t, r.Documents, 1)
	require.Nil(t, r.Documents[0].Content.Signatures)
}
