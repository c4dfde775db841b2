package realty

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/go-realty/realty/internal/jsondiff"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// conformanceDir is where the reference's JSON examples live beside the
// project; tests that need them skip when it is absent.
const conformanceDir = "../shared/conformance"

func readConformance(t *testing.T, name string) []byte {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(conformanceDir, name))
	if os.IsNotExist(err) {
		t.Skipf("%s is absent", conformanceDir)
	}
	require.NoError(t, err)
	return raw
}

// roundTrip decodes raw into v, encodes v again and asserts that every
// field survives.
func roundTrip(t *testing.T, raw []byte, v any) {
	t.Helper()
	require.NoError(t, json.Unmarshal(raw, v))
	again, err := json.Marshal(v)
	require.NoError(t, err)
	diffs, err := jsondiff.Compare(raw, again, jsondiff.SDKRules)
	require.NoError(t, err)
	assert.Empty(t, diffs, "re-encoded: %s", again)
}

func TestConformanceResponses(t *testing.T) {
	t.Run("error", func(t *testing.T) {
		var p Problem
		roundTrip(t, readConformance(t, "responses/error.json"), &p)
		require.Len(t, p.Errors, 1)
		assert.Equal(t, "objectRequest.options.cadastralNumber", p.Errors[0].Target)
	})
	t.Run("requirements-signature", func(t *testing.T) {
		var v struct {
			Requirements *Requirements `json:"requirements"`
		}
		roundTrip(t, readConformance(t, "responses/requirements-signature.json"), &v)
		require.Len(t, v.Requirements.Signature, 1)
		assert.Equal(t, FileStatement, v.Requirements.Signature[0].Files[0].Type)
	})
	t.Run("requirements-payment", func(t *testing.T) {
		var v struct {
			Requirements *Requirements `json:"requirements"`
		}
		roundTrip(t, readConformance(t, "responses/requirements-payment.json"), &v)
		assert.Equal(t, "700", v.Requirements.Payment[0].Amount)
	})
	t.Run("result", func(t *testing.T) {
		var v struct {
			Result *Result `json:"result"`
		}
		roundTrip(t, readConformance(t, "responses/result.json"), &v)
		assert.Equal(t, FileOutdoc, v.Result.Files[0].Type)
	})
	t.Run("result-files", func(t *testing.T) {
		var r Result
		roundTrip(t, readConformance(t, "responses/result-files.json"), &r)
		require.Len(t, r.Files[0].Signatures, 1)
	})
}
