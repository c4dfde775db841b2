package realtytest

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSuggestFiltersByStreetAndHouse(t *testing.T) {
	_, c := start(t)
	cases := []struct {
		name  string
		query map[string]any
		want  []string // objectCn
	}{
		{"street and house with its sub-numbers", map[string]any{
			"region": map[string]string{"name": "Ярославская"},
			"street": map[string]string{"name": "ул. Рябиновая"},
			"house":  map[string]string{"number": "12"},
		}, []string{"76:23:031208:4410", "76:23:031208:4411", "76:23:031208:4502"}},
		{"flat", map[string]any{
			"region": map[string]string{"name": "Ярославская"},
			"street": map[string]string{"name": "рябиновая"},
			"house":  map[string]string{"number": "12"},
			"room":   map[string]string{"number": "15"},
		}, []string{"76:23:031208:4411"}},
		{"house with a slash", map[string]any{
			"region": map[string]string{"name": "Ярославская"},
			"street": map[string]string{"name": "Рябиновая"},
			"house":  map[string]string{"number": "12/2"},
		}, []string{"76:23:031208:4502"}},
		{"no match", map[string]any{
			"region": map[string]string{"name": "Ярославская"},
			"street": map[string]string{"name": "Несуществующая"},
		}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := c.call(http.MethodPost, "/location/cadastre/suggest", tc.query)
			require.Equal(t, http.StatusOK, a.status, "%s", a.body)
			var matches []map[string]any
			require.NoError(t, json.Unmarshal(a.body, &matches))
			require.NotNil(t, matches, "an empty result is [] rather than null")
			var got []string
			for _, m := range matches {
				got = append(got, m["objectCn"].(string))
				for _, key := range []string{"subjectId", "regionId", "settlementId", "srcObject", "regionKey"} {
					assert.IsType(t, float64(0), m[key], key+" is a number")
				}
				for _, key := range []string{"objectId", "street", "house", "apartment", "addressNotes"} {
					assert.IsType(t, "", m[key], key+" is a string")
				}
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestSuggestNeedsARegion(t *testing.T) {
	_, c := start(t)
	for _, body := range []map[string]any{
		{"street": map[string]string{"name": "Рябиновая"}},
		{"region": map[string]string{"name": " "}},
	} {
		p := requireError(t, c.call(http.MethodPost, "/location/cadastre/suggest", body), http.StatusBadRequest)
		assert.Equal(t, "region.name", p.Target)
	}
	requireError(t, c.callRaw(http.MethodPost, "/location/cadastre/suggest", "application/json", []byte("[")),
		http.StatusBadRequest)
}
