package options

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-realty/realty/internal/jsondiff"

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
// was decoded from, both held under key, and returns every difference
// that the SDK's normalisations (jsondiff.SDKRules) do not allow.
func diffJSON(t *testing.T, key string, original, encoded []byte) []string {
	t.Helper()
	encodedKey := key
	if alias, ok := jsondiff.SDKRules.Aliases[key]; ok {
		encodedKey = alias
	}
	wrap := func(key string, b []byte) []byte {
		return []byte(fmt.Sprintf(`{%q:%s}`, key, b))
	}
	diffs, err := jsondiff.Compare(wrap(key, original), wrap(encodedKey, encoded), jsondiff.SDKRules)
	require.NoError(t, err, "encoded: %s", encoded)
	var out []string
	for _, d := range diffs {
		out = append(out, d.String())
	}
	return out
}
