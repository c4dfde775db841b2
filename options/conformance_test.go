package options

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The reference's JSON examples live beside the repository, not in it:
// the package directory is options/, so they are two levels up.
var conformanceDir = filepath.Join("..", "..", "shared", "conformance")

// conformanceFiles returns the JSON files of one folder of the
// reference's examples, skipping the test when they are absent.
func conformanceFiles(t *testing.T, folder string) []string {
	t.Helper()
	dir := filepath.Join(conformanceDir, folder)
	if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
		t.Skipf("no reference examples at %s", dir)
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files, "no examples in %s", dir)
	return files
}

// optionsFor returns a pointer to a zero options value of the docflow
// type named by a wire name or by any spelling the reference also uses.
func optionsFor(docflowType string) (Options, bool) {
	switch docflowType {
	case "object_request":
		return new(ObjectRequest), true
	case "encumbrance_request", "ecumbrance_request":
		return new(EncumbranceRequest), true
	case "right_movement_request", "rightmovement_request":
		return new(RightMovementRequest), true
	case "additional_packet_request", "additionalpackage_request", "additional_package_request":
		return new(AdditionalPackageRequest), true
	case "equity_agreement_registration_request":
		return new(EquityAgreementRegistrationRequest), true
	case "right_assignment_request":
		return new(RightAssignmentRequest), true
	case "cessation_encumbrance_request", "cessationencumbrance_request":
		return new(CessationEncumbranceRequest), true
	case "action_request":
		return new(ActionRequest), true
	}
	return nil, false
}

func TestConformanceRequestsRoundTrip(t *testing.T) {
	for _, file := range conformanceFiles(t, "requests") {
		name := strings.TrimSuffix(filepath.Base(file), ".json")
		t.Run(name, func(t *testing.T) {
			opts, ok := optionsFor(name)
			require.True(t, ok, "no options type for the example %s", file)
			var body struct {
				RequestID string          `json:"requestId"`
				Options   json.RawMessage `json:"options"`
			}
			readJSON(t, file, &body)
			require.NotEmpty(t, body.Options)

			require.NoError(t, json.Unmarshal(body.Options, opts))
			encoded, err := json.Marshal(opts)
			require.NoError(t, err)

			assert.Empty(t, diffJSON(t, "options", body.Options, encoded))
		})
	}
}

func TestConformanceObjectsRoundTrip(t *testing.T) {
	for _, file := range conformanceFiles(t, "objects") {
		t.Run(filepath.Base(file), func(t *testing.T) {
			var raw json.RawMessage
			readJSON(t, file, &raw)
			key, inner := "object", raw
			if filepath.Base(file) != "object.json" {
				key, inner = onlyMember(t, raw)
			}
			value, ok := objectFor(key)
			require.True(t, ok, "no shared object type for the key %q of %s", key, file)

			require.NoError(t, json.Unmarshal(inner, value))
			encoded, err := json.Marshal(value)
			require.NoError(t, err)

			assert.Empty(t, diffJSON(t, key, inner, encoded))
		})
	}
}

// objectFor returns a pointer to a zero shared object of the kind that
// the key of a wrapped example names.
func objectFor(key string) (any, bool) {
	switch key {
	case "object":
		return new(Object), true
	case "person":
		return new(Person), true
	case "organisation", "organization":
		return new(Organization), true
	case "address":
		return new(Address), true
	case "appliedDocuments":
		return new(AppliedDocument), true
	}
	return nil, false
}

// onlyMember returns the key and value of a one-key JSON object.
func onlyMember(t *testing.T, raw json.RawMessage) (string, json.RawMessage) {
	t.Helper()
	var wrapper map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(raw, &wrapper))
	require.Len(t, wrapper, 1, "a wrapped example holds one object")
	for key, inner := range wrapper {
		return key, inner
	}
	panic("unreachable")
}

func TestConformanceRequestsValidate(t *testing.T) {
	for _, file := range conformanceFiles(t, "requests") {
		name := strings.TrimSuffix(filepath.Base(file), ".json")
		t.Run(name, func(t *testing.T) {
			opts, ok := optionsFor(name)
			require.True(t, ok, "no options type for the example %s", file)
			var body struct {
				Options json.RawMessage `json:"options"`
			}
			readJSON(t, file, &body)
			require.NoError(t, json.Unmarshal(body.Options, opts))

			err := opts.Validate()

			// The examples are the reference's data, which may break
			// a documented rule themselves: report what Validate finds,
			// and demand a clean result only of the example that has
			// no personal data to get wrong.
			if err != nil {
				t.Logf("Validate: %v", err)
			} else {
				t.Logf("Validate: no problem")
			}
			if name == "object_request" {
				assert.NoError(t, err)
			}
		})
	}
}

func readJSON(t *testing.T, file string, v any) {
	t.Helper()
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, v), "decode %s", file)
}

// diffJSON compares the encoding of a decoded value with the JSON it
// was decoded from, as generic trees, and returns every difference. See
// jsonDiff for what may differ.
func diffJSON(t *testing.T, path string, original, encoded []byte) []string {
	t.Helper()
	var o, e any
	require.NoError(t, json.Unmarshal(original, &o))
	require.NoError(t, json.Unmarshal(encoded, &e), "encoded: %s", encoded)
	key := path[strings.LastIndex(path, ".")+1:]
	return jsonDiff(path, key, o, e)
}

// keyAliases maps the spellings that decoders accept to the one that
// encoders write.
var keyAliases = map[string]string{
	"organisation": "organization",
	"objects":      "object",
	"document":     "documents",
	"denumerator":  "denominator",
}

// slips are the fields, by the key of the object holding them, that
// API.md names as documentation slips which a round trip may drop.
var slips = map[string][]string{
	"identityDocument":    {"type"},
	"evidenceOfOwnership": {"objectType"},
}

// reshaped are the keys whose value API.md decides to be one object or
// an array where the reference also shows the other form: a
// one-element array and its lone element compare equal there.
var reshaped = []string{
	"object", "objects", "contentPointer", "encumbrancer", "docflowMember",
	"document", "documents",
}

// jsonDiff walks an original JSON tree and its re-encoded form (key is
// the member name that holds them) and returns where they differ. Every
// value of the original must be in the encoding, equal, except that an
// empty string may be left out, a documentation slip may be dropped, an
// alias is written under its decided spelling, and a reshaped key may
// turn a one-element array into its element or back. The encoding must
// hold nothing that the original does not.
func jsonDiff(path, key string, original, encoded any) []string {
	if slices.Contains(reshaped, key) {
		if one, ok := loneElement(original); ok && !isJSONArray(encoded) {
			original = one
		} else if one, ok := loneElement(encoded); ok && !isJSONArray(original) {
			encoded = one
		}
	}

	switch o := original.(type) {
	case map[string]any:
		e, ok := encoded.(map[string]any)
		if !ok {
			return []string{fmt.Sprintf("%s: an object became %T", path, encoded)}
		}
		return objectDiff(path, key, o, e)
	case []any:
		e, ok := encoded.([]any)
		if !ok {
			return []string{fmt.Sprintf("%s: an array became %T", path, encoded)}
		}
		if len(o) != len(e) {
			return []string{fmt.Sprintf("%s: %d elements became %d", path, len(o), len(e))}
		}
		var diffs []string
		for i := range o {
			diffs = append(diffs, jsonDiff(fmt.Sprintf("%s[%d]", path, i), key, o[i], e[i])...)
		}
		return diffs
	default:
		if original != encoded {
			return []string{fmt.Sprintf("%s: %v became %v", path, original, encoded)}
		}
		return nil
	}
}

func objectDiff(path, key string, original, encoded map[string]any) []string {
	var diffs []string
	written := map[string]bool{}
	for k, ov := range original {
		ek := k
		if alias, ok := keyAliases[k]; ok {
			ek = alias
		}
		ev, ok := encoded[ek]
		switch {
		case ok:
			written[ek] = true
			diffs = append(diffs, jsonDiff(path+"."+k, ek, ov, ev)...)
		case ov == "" || slices.Contains(slips[key], k):
			// may be dropped
		default:
			diffs = append(diffs, fmt.Sprintf("%s.%s: missing from the encoding", path, k))
		}
	}
	for k := range encoded {
		if !written[k] {
			diffs = append(diffs, fmt.Sprintf("%s.%s: added by the encoding", path, k))
		}
	}
	slices.Sort(diffs)
	return diffs
}

func loneElement(v any) (any, bool) {
	a, ok := v.([]any)
	if !ok || len(a) != 1 {
		return nil, false
	}
	return a[0], true
}

func isJSONArray(v any) bool {
	_, ok := v.([]any)
	return ok
}

// The comparison above decides what conformance means, so it is tested
// on its own: a helper that accepted everything would pass every
// example.
func TestJSONDiff(t *testing.T) {
	diff := func(original, encoded string) []string {
		return diffJSON(t, "options", []byte(original), []byte(encoded))
	}

	tests := []struct {
		name              string
		original, encoded string
		want              []string
	}{
		{name: "equal", original: `{"a":"1","b":{"c":["x"]}}`, encoded: `{"b":{"c":["x"]},"a":"1"}`},
		{name: "value changed", original: `{"a":"1"}`, encoded: `{"a":"2"}`,
			want: []string{"options.a: 1 became 2"}},
		{name: "field dropped", original: `{"a":"1","b":"2"}`, encoded: `{"a":"1"}`,
			want: []string{"options.b: missing from the encoding"}},
		{name: "field added", original: `{"a":"1"}`, encoded: `{"a":"1","z":"2"}`,
			want: []string{"options.z: added by the encoding"}},
		{name: "empty string dropped", original: `{"a":"1","b":""}`, encoded: `{"a":"1"}`},
		{name: "slip dropped",
			original: `{"identityDocument":{"number":"1","type":"x"}}`,
			encoded:  `{"identityDocument":{"number":"1"}}`},
		{name: "slip kept only where API.md names it",
			original: `{"person":{"number":"1","type":"x"}}`,
			encoded:  `{"person":{"number":"1"}}`,
			want:     []string{"options.person.type: missing from the encoding"}},
		{name: "alias respelled",
			original: `{"organisation":{"name":"a"}}`,
			encoded:  `{"organization":{"name":"a"}}`},
		{name: "alias respelled with a changed value",
			original: `{"organisation":{"name":"a"}}`,
			encoded:  `{"organization":{"name":"b"}}`,
			want:     []string{"options.organisation.name: a became b"}},
		{name: "one-element array became its element",
			original: `{"object":[{"a":"1"}]}`, encoded: `{"object":{"a":"1"}}`},
		{name: "lone object became a one-element array",
			original: `{"encumbrancer":{"a":"1"}}`, encoded: `{"encumbrancer":[{"a":"1"}]}`},
		{name: "reshaping only where API.md decides",
			original: `{"other":{"a":"1"}}`, encoded: `{"other":[{"a":"1"}]}`,
			want: []string{"options.other: an object became []interface {}"}},
		{name: "array shortened",
			original: `{"documents":["a","b"]}`, encoded: `{"documents":["a"]}`,
			want: []string{"options.documents: 2 elements became 1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, diff(tt.original, tt.encoded))
		})
	}
}
