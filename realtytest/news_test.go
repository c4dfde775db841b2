package realtytest

import (
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// newsPage is a news page as a test reads it.
type newsPage struct {
	Items []struct {
		Token   string      `json:"token"`
		Date    string      `json:"date"`
		Docflow wireDocflow `json:"docflow"`
	} `json:"docflowNewsItem"`
	LastToken string `json:"lastToken"`
}

// newsAfter reads one page of news after token.
func (c *testClient) newsAfter(token string) newsPage {
	c.t.Helper()
	a := c.call(http.MethodGet, "/news?after="+url.QueryEscape(token), nil)
	require.Equal(c.t, http.StatusOK, a.status, "%s", a.body)
	return decode[newsPage](c.t, a.body)
}

// event is one news item reduced to what the tests compare.
type event struct{ docflow, state string }

// readAllNews pages through the news after token to its end.
func readAllNews(t *testing.T, c *testClient, token string) []event {
	t.Helper()
	var events []event
	for range 10000 {
		page := c.newsAfter(token)
		if len(page.Items) == 0 {
			assert.Equal(t, token, page.LastToken, "an empty page keeps the token")
			return events
		}
		for _, item := range page.Items {
			events = append(events, event{item.Docflow.DocflowID, item.Docflow.State})
		}
		assert.Equal(t, page.Items[len(page.Items)-1].Token, page.LastToken)
		token = page.LastToken
	}
	t.Fatal("the news never ends")
	return nil
}

func TestNewsHasEachStateChangeOnce(t *testing.T) {
	srv, c := start(t, WithNewsPageSize(2))
	opening := c.call(http.MethodGet, "/news", nil)
	require.Equal(t, http.StatusOK, opening.status)
	first := decode[newsPage](t, opening.body)
	assert.Empty(t, first.Items, "without after the feed starts now")
	assert.JSONEq(t, `[]`, string(decode[map[string]json.RawMessage](t, opening.body)["docflowNewsItem"]))

	order := c.create("object_request", "o", objectRequest(), http.StatusOK)
	sale := c.create("right_movement_request", "s", saleRequest(), http.StatusCreated)
	for range 2 {
		_, err := srv.Advance(order.DocflowID)
		require.NoError(t, err)
	}
	c.get(order.DocflowID) // a read is no change
	require.NoError(t, srv.Fail(sale.DocflowID, "rejected", "no"))

	events := readAllNews(t, c, first.LastToken)
	assert.Equal(t, []event{
		{order.DocflowID, "queued"},
		{sale.DocflowID, "suspended"},
		{order.DocflowID, "sent"},
		{order.DocflowID, "completed"},
		{sale.DocflowID, "error"},
	}, events)
}

func TestNewsItemsCarryTokenDateAndDocflow(t *testing.T) {
	_, c := start(t)
	c.create("right_movement_request", "s", saleRequest(), http.StatusCreated)

	page := c.newsAfter("rtn-0")

	require.Len(t, page.Items, 1)
	item := page.Items[0]
	assert.NotRegexp(t, `^\d+$`, item.Token, "tokens are not plain numbers")
	_, err := time.Parse(time.RFC3339, item.Date)
	assert.NoError(t, err)
	assert.Equal(t, "suspended", item.Docflow.State)
	require.NotNil(t, item.Docflow.Requirements, "the item holds the docflow as it was")
	assert.Len(t, item.Docflow.Requirements.Signature, 3)
}

func TestNewsResumesFromAMidPageToken(t *testing.T) {
	_, c := start(t, WithNewsPageSize(4))
	begin := c.newsAfter("rtn-0").LastToken
	var ids []string
	for range 7 {
		ids = append(ids, c.create("object_request", "n", objectRequest(), http.StatusOK).DocflowID)
	}

	page := c.newsAfter(begin)
	require.Len(t, page.Items, 4)
	// A consumer handled two items, failed on the third and resumes.
	resumed := readAllNews(t, c, page.Items[1].Token)

	var want []event
	for _, id := range ids[2:] {
		want = append(want, event{id, "queued"})
	}
	assert.Equal(t, want, resumed, "nothing lost, nothing repeated")
}

func TestNewsWithoutAfterStartsAtTheNewestItem(t *testing.T) {
	_, c := start(t)
	c.create("object_request", "a", objectRequest(), http.StatusOK)

	now := decode[newsPage](t, c.call(http.MethodGet, "/news", nil).body)
	assert.Empty(t, now.Items)

	later := c.create("object_request", "b", objectRequest(), http.StatusOK)
	events := readAllNews(t, c, now.LastToken)
	assert.Equal(t, []event{{later.DocflowID, "queued"}}, events)
}

func TestNewsRejectsUnknownTokens(t *testing.T) {
	_, c := start(t)
	for _, token := range []string{"garbage", "rtn-", "rtn-5", "rtn--1", "rtn-01", "5"} {
		a := c.call(http.MethodGet, "/news?after="+url.QueryEscape(token), nil)
		p := requireError(t, a, http.StatusBadRequest)
		assert.Equal(t, "after", p.Target, token)
	}
	assert.Regexp(t, regexp.MustCompile(`^rtn-0$`), decode[newsPage](t, c.call(http.MethodGet, "/news", nil).body).LastToken)
}
