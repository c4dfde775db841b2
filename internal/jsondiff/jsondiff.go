// Package jsondiff compares a JSON document with its re-encoding after a
// decode into the SDK's types, allowing for the normalisations the SDK
// makes on purpose: a one-element array read as one object (or the
// reverse) where the SDK decides the form, a respelt key written under
// its decided spelling, empty strings left out, and documented slips
// dropped. The conformance tests use it to prove that the typed model
// keeps every field, and the realty command to warn of fields it does
// not know.
package jsondiff

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// Rules are the normalisations a comparison allows.
type Rules struct {
	// Aliases maps a key spelling that decoders accept to the one
	// encoders write.
	Aliases map[string]string
	// Slips lists, by the key of the object holding them, the fields a
	// round trip may drop.
	Slips map[string][]string
	// Reshaped lists the keys whose value may turn from a one-element
	// array into its element, or back.
	Reshaped []string
}

// SDKRules are the normalisations of the realty SDK's encoders.
var SDKRules = Rules{
	Aliases: map[string]string{
		"organisation": "organization",
		"objects":      "object",
		"document":     "documents",
		"denumerator":  "denominator",
	},
	Slips: map[string][]string{
		"identityDocument":    {"type"},
		"evidenceOfOwnership": {"objectType"},
	},
	Reshaped: []string{
		"object", "objects", "contentPointer", "encumbrancer", "docflowMember",
		"document", "documents",
	},
}

// Kind says how a field differs.
type Kind int

// The kinds of difference.
const (
	// Missing: the original has the field, the encoding does not.
	Missing Kind = iota
	// Changed: the field's value or shape differs.
	Changed
	// Added: the encoding has a field the original does not.
	Added
)

// Difference is one field that did not survive the round trip as the
// rules allow.
type Difference struct {
	// Path is the field's dotted path in the original, such as
	// "options.seller.shares[1].owner".
	Path string
	Kind Kind
	// Detail describes a Changed field.
	Detail string
}

// String describes the difference in one line.
func (d Difference) String() string {
	switch d.Kind {
	case Missing:
		return d.Path + ": missing from the encoding"
	case Added:
		return d.Path + ": added by the encoding"
	}
	return d.Path + ": " + d.Detail
}

// Compare returns every difference between original and encoded that
// the rules do not allow, sorted by path, or none.
func Compare(original, encoded []byte, rules Rules) ([]Difference, error) {
	var o, e any
	if err := json.Unmarshal(original, &o); err != nil {
		return nil, fmt.Errorf("jsondiff: original: %w", err)
	}
	if err := json.Unmarshal(encoded, &e); err != nil {
		return nil, fmt.Errorf("jsondiff: encoding: %w", err)
	}
	c := comparison{rules: rules}
	c.value("", "", o, e)
	slices.SortFunc(c.found, func(a, b Difference) int { return strings.Compare(a.Path, b.Path) })
	return c.found, nil
}

type comparison struct {
	rules Rules
	found []Difference
}

// value compares two values held under the member name key.
func (c *comparison) value(path, key string, original, encoded any) {
	if slices.Contains(c.rules.Reshaped, key) {
		if one, ok := lone(original); ok && !isArray(encoded) {
			original = one
		} else if one, ok := lone(encoded); ok && !isArray(original) {
			encoded = one
		}
	}

	switch o := original.(type) {
	case map[string]any:
		e, ok := encoded.(map[string]any)
		if !ok {
			c.changed(path, fmt.Sprintf("an object became %s", describe(encoded)))
			return
		}
		c.object(path, key, o, e)
	case []any:
		e, ok := encoded.([]any)
		if !ok {
			c.changed(path, fmt.Sprintf("an array became %s", describe(encoded)))
			return
		}
		if len(o) != len(e) {
			c.changed(path, fmt.Sprintf("%d elements became %d", len(o), len(e)))
			return
		}
		for i := range o {
			c.value(fmt.Sprintf("%s[%d]", path, i), key, o[i], e[i])
		}
	default:
		if original != encoded {
			c.changed(path, fmt.Sprintf("%v became %v", original, encoded))
		}
	}
}

func (c *comparison) object(path, key string, original, encoded map[string]any) {
	written := map[string]bool{}
	for k, ov := range original {
		ek := k
		if alias, ok := c.rules.Aliases[k]; ok {
			ek = alias
		}
		ev, ok := encoded[ek]
		switch {
		case ok:
			written[ek] = true
			c.value(join(path, k), ek, ov, ev)
		case ov == "" || slices.Contains(c.rules.Slips[key], k):
			// may be dropped
		default:
			c.found = append(c.found, Difference{Path: join(path, k), Kind: Missing})
		}
	}
	for k := range encoded {
		if !written[k] {
			c.found = append(c.found, Difference{Path: join(path, k), Kind: Added})
		}
	}
}

func (c *comparison) changed(path, detail string) {
	c.found = append(c.found, Difference{Path: path, Kind: Changed, Detail: detail})
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func lone(v any) (any, bool) {
	a, ok := v.([]any)
	if !ok || len(a) != 1 {
		return nil, false
	}
	return a[0], true
}

func isArray(v any) bool {
	_, ok := v.([]any)
	return ok
}

func describe(v any) string {
	switch v.(type) {
	case map[string]any:
		return "an object"
	case []any:
		return "an array"
	case nil:
		return "null"
	}
	return fmt.Sprintf("%v", v)
}
