package realty

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/go-realty/realty/options"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/h2non/gock.v1"
)

const gockBase = "https://reestro.test/realty/v1"

// gockClient returns a client whose requests gock answers; it has
// logged in already with a mocked POST /auth.
func gockClient(t *testing.T, opts ...Option) *Client {
	t.Helper()
	t.Cleanup(gock.Off)
	hc := &http.Client{}
	gock.InterceptClient(hc)
	gock.New(gockBase).Post("/auth").
		JSON(map[string]string{"login": testLogin, "password": testPassword, "accountId": testAccountID}).
		Reply(http.StatusOK).JSON(map[string]string{"userId": "u1", "sessionId": testSession})
	c, err := NewClient(append([]Option{
		WithBaseURL(gockBase), WithHTTPClient(hc),
		WithCredentials(testLogin, testPassword, testAccountID),
	}, opts...)...)
	require.NoError(t, err)
	return c
}

func TestCreateSendsEachTypeUnderItsWireName(t *testing.T) {
	for _, wire := range []DocflowType{ObjectRequest, EncumbranceRequest, RightMovementRequest, AdditionalPackageRequest} {
		t.Run(string(wire), func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("testdata", "create", string(wire)+".json"))
			require.NoError(t, err)
			var body struct {
				RequestID string          `json:"requestId"`
				Options   json.RawMessage `json:"options"`
			}
			require.NoError(t, json.Unmarshal(raw, &body))
			opts, ok := wire.NewOptions()
			require.True(t, ok)
			require.NoError(t, json.Unmarshal(body.Options, opts))

			c := gockClient(t)
			gock.New(gockBase).Post("/docflows/"+string(wire)).
				MatchHeader("Authorization", "^auth.sid "+testSession+"$").
				MatchType("json").
				BodyString(string(raw)).
				Reply(http.StatusOK).
				JSON(map[string]string{"docflowId": "d-" + string(wire), "docflowType": string(wire), "state": "queued"})

			d, err := c.Docflows.Create(context.Background(), wire, body.RequestID, opts)
			require.NoError(t, err)
			assert.Equal(t, "d-"+string(wire), d.ID)
			assert.True(t, gock.IsDone(), "the request did not match the fixture")
		})
	}
}

func TestCreateAcceptsAliasesAndSendsTheWireName(t *testing.T) {
	for alias, wire := range map[DocflowType]DocflowType{
		"rightmovement_request":        RightMovementRequest,
		"additionalpackage_request":    AdditionalPackageRequest,
		"additional_package_request":   AdditionalPackageRequest,
		"ecumbrance_request":           EncumbranceRequest,
		"cessationencumbrance_request": CessationEncumbranceRequest,
	} {
		t.Run(string(alias), func(t *testing.T) {
			assert.Equal(t, wire, alias.Canonical())
			opts, ok := alias.NewOptions()
			require.True(t, ok)
			c := gockClient(t, WithoutValidation())
			gock.New(gockBase).Post("/docflows/" + string(wire)).
				Reply(http.StatusCreated).JSON(map[string]string{"docflowId": "d-1", "state": "suspended"})
			_, err := c.Docflows.Create(context.Background(), alias, "", opts)
			require.NoError(t, err)
			assert.True(t, gock.IsDone())
		})
	}
}

func TestCreateRefusesOptionsOfAnotherType(t *testing.T) {
	c := gockClient(t)
	_, err := c.Docflows.Create(context.Background(), EncumbranceRequest, "r", objectOptions())
	require.Error(t, err)
	assert.Contains(t, err.Error(), "not of encumbrance_request")
	assert.False(t, gock.HasUnmatchedRequest(), "no request may be sent")
}

func TestCreateRefusesUnknownTypeAndNilOptions(t *testing.T) {
	c := gockClient(t)
	_, err := c.Docflows.Create(context.Background(), "no_such_request", "r", objectOptions())
	assert.ErrorContains(t, err, `unknown docflow type "no_such_request"`)
	_, err = c.Docflows.Create(context.Background(), ObjectRequest, "r", nil)
	assert.ErrorContains(t, err, "nil options")
	var typedNil *options.ObjectRequest
	_, err = c.Docflows.Create(context.Background(), ObjectRequest, "r", typedNil)
	assert.ErrorContains(t, err, "nil")
	assert.False(t, gock.HasUnmatchedRequest())
}

func TestPathSegmentsAreEscaped(t *testing.T) {
	for id, path := range map[string]string{
		"../auth":    "/docflows/..%2Fauth",
		"..":         "/docflows/%2E%2E",
		"a/b":        "/docflows/a%2Fb",
		"50% off":    "/docflows/50%25%20off",
		"д-1":        "/docflows/%D0%B4-1",
		"x?y=1#frag": "/docflows/x%3Fy=1%23frag",
	} {
		t.Run(id, func(t *testing.T) {
			var got string
			mux, c, _ := setup(t)
			mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
				got = r.URL.EscapedPath()
				writeJSON(w, http.StatusOK, queuedDocflow)
			})
			_, err := c.Docflows.Get(context.Background(), id)
			require.NoError(t, err)
			assert.Equal(t, "/realty/v1"+path, got)
		})
	}
}

func TestEmptyDocflowIDIsAnError(t *testing.T) {
	c := gockClient(t)
	_, err := c.Docflows.Get(context.Background(), "")
	assert.ErrorContains(t, err, "empty docflow id")
	_, err = c.Docflows.Send(context.Background(), "")
	assert.ErrorContains(t, err, "empty docflow id")
	assert.False(t, gock.HasUnmatchedRequest())
}

func TestDocflowWithoutIDIsAnError(t *testing.T) {
	c := gockClient(t)
	gock.New(gockBase).Get("/docflows/d-1").Reply(http.StatusOK).JSON(map[string]string{"state": "queued"})
	_, err := c.Docflows.Get(context.Background(), "d-1")
	var decErr *DecodeError
	require.ErrorAs(t, err, &decErr)
	assert.Contains(t, err.Error(), "no docflowId")
}

func TestDocflowDecodingTolerance(t *testing.T) {
	var d Docflow
	require.NoError(t, json.Unmarshal([]byte(`{"docflowId":"d","docflowType":"encumbranceRequest",
		"state":" verified","unknownField":{"x":1}}`), &d))
	assert.Equal(t, StateVerified, d.State)
	assert.Equal(t, EncumbranceRequest, d.Type.Canonical())
	assert.False(t, d.State.Final())

	require.NoError(t, json.Unmarshal([]byte(`{"docflow":{"docflowId":"w","state":"completed"}}`), &d))
	assert.Equal(t, "w", d.ID)
	assert.True(t, d.State.Final())
}

func TestDocflowJSONHasEveryField(t *testing.T) {
	form := reflect.TypeOf(docflowJSON{})
	model := reflect.TypeOf(Docflow{})
	for i := range model.NumField() {
		f := model.Field(i)
		g, ok := form.FieldByName(f.Name)
		require.True(t, ok, "docflowJSON lacks %s", f.Name)
		assert.Equal(t, f.Type, g.Type, f.Name)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		assert.Equal(t, name, g.Tag.Get("json"), f.Name)
	}
	assert.Equal(t, model.NumField()+2, form.NumField(), "the model's fields and the two spellings")

	// Every field survives the decoding form.
	full := `{"docflowId":"d","docflowType":"object_request","userId":"u","state":"error","requestId":"r",
		"options":{"type":"info"},"error":{"message":"m"},"requirements":{"payment":[{"uin":"1"}]},
		"result":{"files":[{"id":"f"}]}}`
	var d Docflow
	require.NoError(t, json.Unmarshal([]byte(full), &d))
	again, err := json.Marshal(d)
	require.NoError(t, err)
	assert.JSONEq(t, full, string(again))
}
