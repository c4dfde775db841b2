package realty_test

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-realty/realty"
	"github.com/go-realty/realty/options"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestConnectionsAreReused makes 1,000 sequential calls of every kind,
// answered with successes and with API errors, and counts the TCP
// connections the server sees open: after the first, none. A body left
// unread or unclosed by the SDK would cost a new connection.
func TestConnectionsAreReused(t *testing.T) {
	var opened atomic.Int32
	mux := http.NewServeMux()
	docflow := `{"docflowId":"d-1","docflowType":"object_request","state":"queued"}`
	problem := `{"code":"validation","message":"bad","errors":[{"target":"options.type","message":"must be set"}]}`
	answer := func(status int, body string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			io.Copy(io.Discard, r.Body)
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(status)
			io.WriteString(w, body)
		}
	}
	mux.HandleFunc("POST /docflows/object_request", answer(http.StatusOK, docflow))
	mux.HandleFunc("POST /docflows/encumbrance_request", answer(http.StatusBadRequest, problem))
	mux.HandleFunc("GET /docflows/d-1", answer(http.StatusOK, docflow))
	mux.HandleFunc("GET /docflows/missing", answer(http.StatusNotFound, `{"message":"no such docflow"}`))
	mux.HandleFunc("POST /docflows/d-1", answer(http.StatusBadRequest, problem))
	mux.HandleFunc("GET /docflows/broken", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusInternalServerError)
		io.WriteString(w, "<html>"+strings.Repeat("x", 100<<10)+"</html>") // a large HTML error page
	})
	mux.HandleFunc("GET /docflows/d-1/files/f-1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		io.WriteString(w, "%PDF-1.4 result")
	})
	mux.HandleFunc("POST /docflows/d-1/files/f-1/signatures", func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("POST /contents", answer(http.StatusCreated, `{"id":"c-1","contentLink":"http://x/c-1"}`))
	mux.HandleFunc("GET /news", answer(http.StatusOK, `{"docflowNewsItem":[],"lastToken":"t"}`))
	srv := httptest.NewUnstartedServer(mux)
	srv.Config.ConnState = func(_ net.Conn, state http.ConnState) {
		if state == http.StateNew {
			opened.Add(1)
		}
	}
	srv.Start()
	defer srv.Close()

	c, err := realty.NewClient(realty.WithBaseURL(srv.URL), realty.WithSession("s"), realty.WithRetry(1, 0, 0))
	require.NoError(t, err)
	ctx := context.Background()
	object := options.ObjectRequest{Type: options.ExtractInfo, CadastralNumber: "47:14:1203001:814"}
	calls := []func() error{
		func() error { _, err := c.Docflows.Create(ctx, realty.ObjectRequest, "r", object); return err },
		func() error {
			_, err := c.Docflows.Create(ctx, realty.EncumbranceRequest, "r", options.EncumbranceRequest{})
			return err
		},
		func() error { _, err := c.Docflows.Get(ctx, "d-1"); return err },
		func() error { _, err := c.Docflows.Get(ctx, "missing"); return err },
		func() error { _, err := c.Docflows.Get(ctx, "broken"); return err },
		func() error { _, err := c.Docflows.Send(ctx, "d-1"); return err },
		func() error {
			dl, err := c.Files.Download(ctx, "d-1", "f-1")
			if err != nil {
				return err
			}
			_, err = io.Copy(io.Discard, dl)
			dl.Close()
			return err
		},
		func() error { return c.Signatures.Upload(ctx, "d-1", "f-1", strings.NewReader("sig")) },
		func() error { _, err := c.Contents.Upload(ctx, realty.MediaPDF, strings.NewReader("%PDF")); return err },
		func() error { _, err := c.News.List(ctx, "t"); return err },
	}
	c2, err := realty.NewClient(realty.WithBaseURL(srv.URL), realty.WithSession("s"), realty.WithoutValidation())
	require.NoError(t, err)
	calls[1] = func() error {
		_, err := c2.Docflows.Create(ctx, realty.EncumbranceRequest, "r", options.EncumbranceRequest{})
		return err
	}

	for _, call := range calls { // warm-up
		_ = call()
	}
	_ = calls[1]() // the second client's connection
	warm := opened.Load()
	errorsSeen := 0
	for i := range 1000 {
		if err := calls[i%len(calls)](); err != nil {
			errorsSeen++
		}
	}
	time.Sleep(10 * time.Millisecond) // let the server record any late connection
	assert.Equal(t, warm, opened.Load(), "new connections after warm-up")
	assert.Equal(t, 400, errorsSeen, "four calls in ten end in an API error")
}
