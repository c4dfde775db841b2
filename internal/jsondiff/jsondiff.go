// Package jsondiff finds what a decode and re-encode of a JSON document
// lost: every field of the original must survive with its value, allowing
// for the normalisations the SDK makes on purpose (one object for a
// one-element array, the "organization" spelling, empty strings left out,
// documented slips dropped). The conformance tests use it, and so does
// the realty command to warn of fields it does not know.
package jsondiff

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// Rules are the normalisations a comparison allows.
type Rules struct {
	// Renames maps a key of the original to the key the SDK writes.
	Renames map[string]string
	// Droppable lists "parent.key" pairs that may be missing from the
	// re-encoded document (slips of the reference documentation).
	Droppable []string
}

// SDKRules are the normalisations of the realty SDK's encoders.
var SDKRules = Rules{
	Renames:   map[string]string{"organisation": "organization", "objects": "object", "document": "documents", "denumerator": "denominator"},
	Droppable: []string{"identityDocument.type", "evidenceOfOwnership.objectType"},
}

// Missing returns a description of every field of want that got lacks
// or holds with another value, or nil when got keeps all of want.
func Missing(want, got []byte, rules Rules) ([]string, error) {
	var w, g any
	if err := json.Unmarshal(want, &w); err != nil {
		return nil, fmt.Errorf("jsondiff: original: %w", err)
	}
	if err := json.Unmarshal(got, &g); err != nil {
		return nil, fmt.Errorf("jsondiff: re-encoded: %w", err)
	}
	var out []string
	compare("$", "", w, g, rules, &out)
	return out, nil
}

func compare(path, parentKey string, want, got any, rules Rules, out *[]string) {
	// One object and a one-element array are the same thing here.
	if wa, ok := want.([]any); ok && len(wa) == 1 {
		if _, isArr := got.([]any); !isArr {
			compare(path+"[0]", parentKey, wa[0], got, rules, out)
			return
		}
	}
	if ga, ok := got.([]any); ok && len(ga) == 1 {
		if _, isArr := want.([]any); !isArr {
			compare(path, parentKey, want, ga[0], rules, out)
			return
		}
	}

	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			*out = append(*out, fmt.Sprintf("%s: want an object, got %v", path, got))
			return
		}
		for key, wv := range w {
			if s, isStr := wv.(string); isStr && s == "" {
				continue
			}
			gkey := key
			if renamed, ok := rules.Renames[key]; ok {
				gkey = renamed
			}
			gv, ok := g[gkey]
			if !ok {
				if !slices.Contains(rules.Droppable, lastKey(path)+"."+key) {
					*out = append(*out, fmt.Sprintf("%s.%s: missing", path, key))
				}
				continue
			}
			compare(path+"."+key, key, wv, gv, rules, out)
		}
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			*out = append(*out, fmt.Sprintf("%s: want %d elements, got %v", path, len(w), got))
			return
		}
		for i := range w {
			compare(fmt.Sprintf("%s[%d]", path, i), parentKey, w[i], g[i], rules, out)
		}
	default:
		if !reflect.DeepEqual(want, got) {
			*out = append(*out, fmt.Sprintf("%s: want %v, got %v", path, want, got))
		}
	}
}

// lastKey returns the last object key of a path such as
// "$.a.b[0].identityDocument".
func lastKey(path string) string {
	path = strings.TrimRight(path, "]0123456789[")
	if i := strings.LastIndex(path, "."); i >= 0 {
		return path[i+1:]
	}
	return path
}
