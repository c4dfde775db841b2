package jsondiff

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMissing(t *testing.T) {
	for _, tc := range []struct {
		name, want, got string
		problems        int
	}{
		{"equal", `{"a":1,"b":{"c":"x"}}`, `{"b":{"c":"x"},"a":1}`, 0},
		{"extra fields in got are fine", `{"a":1}`, `{"a":1,"z":2}`, 0},
		{"missing field", `{"a":1,"b":2}`, `{"a":1}`, 1},
		{"changed value", `{"a":{"b":"x"}}`, `{"a":{"b":"y"}}`, 1},
		{"empty string may be omitted", `{"a":"","b":1}`, `{"b":1}`, 0},
		{"one-element array becomes an object", `{"o":[{"x":1}]}`, `{"o":{"x":1}}`, 0},
		{"object becomes a one-element array", `{"o":{"x":1}}`, `{"o":[{"x":1}]}`, 0},
		{"two elements are not one object", `{"o":[{"x":1},{"x":2}]}`, `{"o":{"x":1}}`, 1},
		{"renamed key", `{"organisation":{"inn":"1"}}`, `{"organization":{"inn":"1"}}`, 0},
		{"droppable slip", `{"identityDocument":{"type":"x","number":"1"}}`, `{"identityDocument":{"number":"1"}}`, 0},
		{"not droppable elsewhere", `{"house":{"type":"д"}}`, `{"house":{}}`, 1},
		{"array lengths differ", `{"a":[1,2]}`, `{"a":[1]}`, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			problems, err := Missing([]byte(tc.want), []byte(tc.got), SDKRules)
			require.NoError(t, err)
			assert.Len(t, problems, tc.problems, "%v", problems)
		})
	}
}
