package consumertest

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/go-realty/realty"
	"github.com/go-realty/realty/realtytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/h2non/gock.v1"
)

// With realtytest: a real HTTP server that behaves like the service.
func TestOrderExtractWithRealtytest(t *testing.T) {
	srv := realtytest.NewServer(realtytest.WithAutoAdvance())
	defer srv.Close()
	client, err := realty.NewClient(realty.WithBaseURL(srv.URL), realty.WithSession(srv.Session()))
	require.NoError(t, err)

	files, err := OrderExtract(context.Background(), client, "order-1", "47:14:1203001:814",
		realty.PollInterval(10*time.Millisecond, 50*time.Millisecond))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	assert.Equal(t, 1, srv.CreatedCount("order-1"))
}

// With realtytest: the register fails the docflow.
func TestOrderExtractReportsARefusal(t *testing.T) {
	srv := realtytest.NewServer()
	defer srv.Close()
	client, err := realty.NewClient(realty.WithBaseURL(srv.URL), realty.WithSession(srv.Session()))
	require.NoError(t, err)

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	done := make(chan error, 1)
	go func() {
		_, err := OrderExtract(ctx, client, "order-2", "47:14:1203001:814",
			realty.PollInterval(10*time.Millisecond, 10*time.Millisecond))
		done <- err
	}()
	// Fail the docflow once it exists.
	require.Eventually(t, func() bool { return len(srv.Docflows()) == 1 }, 5*time.Second, 5*time.Millisecond)
	require.NoError(t, srv.Fail(srv.Docflows()[0].ID, "notFound", "no such property"))
	err = <-done
	assert.ErrorContains(t, err, "no such property")
}

// With gock: a canned 403 answer, to test the consumer's own error.
func TestOrderExtractWithoutAccessWithGock(t *testing.T) {
	defer gock.Off()
	httpClient := &http.Client{}
	gock.InterceptClient(httpClient)
	gock.New("https://reestro.example/realty/v1").
		Post("/docflows/object_request").
		MatchHeader("Authorization", "auth.sid test-session").
		Reply(http.StatusForbidden).
		JSON(map[string]string{"code": "forbidden", "message": "access for this account is restricted"})

	client, err := realty.NewClient(
		realty.WithBaseURL("https://reestro.example/realty/v1"),
		realty.WithHTTPClient(httpClient),
		realty.WithSession("test-session"),
	)
	require.NoError(t, err)

	_, err = OrderExtract(context.Background(), client, "order-3", "47:14:1203001:814")
	assert.ErrorIs(t, err, ErrNoAccess)
	assert.True(t, gock.IsDone())
}
