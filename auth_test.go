package realty

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSecretNeverPrints(t *testing.T) {
	s := secret("hunter2")
	for _, format := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%10s", "%T %v"} {
		out := fmt.Sprintf(format, s)
		assert.NotContains(t, out, "hunter2", format)
		assert.NotContains(t, out, fmt.Sprintf("%x", "hunter2"), format)
	}
	creds := credentials{login: "l", password: s, accountID: "a"}
	assert.NotContains(t, fmt.Sprintf("%+v %#v", creds, &creds), "hunter2")
	b, err := json.Marshal(struct{ S secret }{s})
	require.NoError(t, err)
	assert.NotContains(t, string(b), "hunter2")
	var logs bytes.Buffer
	slog.New(slog.NewJSONHandler(&logs, nil)).Info("x", "secret", s)
	assert.NotContains(t, logs.String(), "hunter2")
}

func TestSecretsStayOutOfLogsAndErrors(t *testing.T) {
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	mux, c, _ := setup(t, WithLogger(logger), WithAPIKey("api-key-never-printed"))

	var calls atomic.Int32
	mux.HandleFunc("GET /realty/v1/docflows/{id}", func(w http.ResponseWriter, r *http.Request) {
		switch calls.Add(1) {
		case 1:
			writeJSON(w, http.StatusServiceUnavailable, `{"message":"busy"}`)
		case 2:
			writeJSON(w, http.StatusUnauthorized, `{"message":"expired"}`)
		case 3:
			writeJSON(w, http.StatusOK, queuedDocflow)
		default:
			writeJSON(w, http.StatusNotFound, `{"message":"no such docflow"}`)
		}
	})

	var texts []string
	_, err := c.Docflows.Get(context.Background(), "d-1")
	require.NoError(t, err)
	_, err = c.Docflows.Get(context.Background(), "d-2")
	require.Error(t, err)
	texts = append(texts, err.Error(), fmt.Sprintf("%+v %#v", err, err))

	bad, err := NewClient(WithBaseURL(c.baseURL.String()), WithCredentials(testLogin, testPassword+"x", testAccountID),
		WithLogger(logger), WithRetry(1, 0, 0))
	require.NoError(t, err)
	_, err = bad.Docflows.Get(context.Background(), "d-3")
	require.ErrorIs(t, err, ErrUnauthorized)
	texts = append(texts, err.Error(), fmt.Sprintf("%+v %#v", err, err))
	texts = append(texts, fmt.Sprintf("%v %+v %#v %v %+v", c, c, c, *c, *c.Docflows))

	require.NotEmpty(t, logs.String())
	assert.Contains(t, logs.String(), "realty: retrying request", "the retry is logged")
	assert.Contains(t, logs.String(), "status=401")
	texts = append(texts, logs.String())
	for _, text := range texts {
		for _, s := range []string{testPassword, testSession, "api-key-never-printed"} {
			assert.False(t, strings.Contains(text, s), "%q leaked into: %s", s, text)
		}
	}
}
