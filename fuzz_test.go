package realty

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"testing"
)

// cannedClient returns a client whose every request is answered with
// status and body, without a network.
func cannedClient(t testing.TB, status int, body []byte) *Client {
	hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		return &http.Response{
			StatusCode:    status,
			Header:        http.Header{"Content-Type": {"application/json"}},
			Body:          io.NopCloser(bytes.NewReader(body)),
			ContentLength: int64(len(body)),
			Request:       r,
		}, nil
	})}
	c, err := NewClient(WithBaseURL("https://reestro.test/realty/v1"), WithHTTPClient(hc),
		WithCredentials("u", "p", "a"), WithRetry(1, 0, 0), WithMaxResponseSize(1<<20))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// checkTyped fails unless err is nil or one of the SDK's typed errors.
func checkTyped(t *testing.T, err error) {
	t.Helper()
	var decErr *DecodeError
	var apiErr *APIError
	if err != nil && !errors.As(err, &decErr) && !errors.As(err, &apiErr) && !errors.Is(err, ErrResponseTooLarge) {
		t.Fatalf("untyped error %T: %v", err, err)
	}
}

func fuzzSeeds(f *testing.F, seeds ...string) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
}

func FuzzDecodeDocflow(f *testing.F) {
	fuzzSeeds(f, queuedDocflow, `{"docflow":{"docflowId":"x","type":"object_request"}}`,
		`{"docflowId":"d","state":" sent","requirements":{"signature":[{"files":[{"id":"f"}]}]},"result":{"files":[{"id":"r","signatures":[[{"id":"s"}]]}]}}`)
	f.Fuzz(func(t *testing.T, body []byte) {
		c := cannedClient(t, http.StatusOK, body)
		c.auth.fixed, c.auth.session = true, "s"
		d, err := c.Docflows.Get(context.Background(), "d")
		checkTyped(t, err)
		if err == nil && d.ID == "" {
			t.Fatal("a docflow without an id was accepted")
		}
	})
}

func FuzzDecodeNewsPage(f *testing.F) {
	fuzzSeeds(f, `{"docflowNewsItem":[{"token":"t1","date":"2026-12-01T10:00:00Z","docflow":{"docflowId":"d"}}],"lastToken":"t1"}`,
		`{"news":[],"lastToken":"x"}`, `{"items":[{"token":"a","docflow":{"docflow":{"docflowId":"w"}}}]}`)
	f.Fuzz(func(t *testing.T, body []byte) {
		c := cannedClient(t, http.StatusOK, body)
		c.auth.fixed, c.auth.session = true, "s"
		_, err := c.News.List(context.Background(), "t0")
		checkTyped(t, err)
	})
}

func FuzzDecodeError(f *testing.F) {
	fuzzSeeds(f, `{"code":"validation","message":"m","target":"api","context":{"k":[1,{"x":null}]},"errors":[{"code":"c","errors":[{}]}]}`,
		"<html>502</html>", "", "\xff\xfe")
	f.Fuzz(func(t *testing.T, body []byte) {
		c := cannedClient(t, http.StatusBadRequest, body)
		c.auth.fixed, c.auth.session = true, "s"
		_, err := c.Docflows.Get(context.Background(), "d")
		var apiErr *APIError
		if !errors.As(err, &apiErr) {
			t.Fatalf("want an *APIError, got %T: %v", err, err)
		}
		_ = apiErr.Error()
		if len(apiErr.Excerpt) > excerptLimit {
			t.Fatalf("excerpt of %d bytes", len(apiErr.Excerpt))
		}
	})
}

func FuzzDecodeCadastreMatches(f *testing.F) {
	fuzzSeeds(f, `[{"objectId":"54:35:0:1","subjectId":150000000000,"regionId":1,"objectCn":"54:35:000000:1"}]`, `[]`, `{}`)
	f.Fuzz(func(t *testing.T, body []byte) {
		c := cannedClient(t, http.StatusOK, body)
		c.auth.fixed, c.auth.session = true, "s"
		_, err := c.Cadastre.Suggest(context.Background(), SuggestQuery{Region: Name{Name: "r"}})
		checkTyped(t, err)
	})
}

func FuzzDecodeLoginAnswer(f *testing.F) {
	fuzzSeeds(f, `{"userId":"u","sessionId":"s"}`, `{"sessionId":""}`, `null`)
	f.Fuzz(func(t *testing.T, body []byte) {
		c := cannedClient(t, http.StatusOK, body)
		checkTyped(t, c.Login(context.Background()))
	})
}
