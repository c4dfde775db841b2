package realty

import (
	"context"
	"encoding/json"
	"iter"
	"net/http"
	"time"

	"github.com/google/go-querystring/query"
)

// NewsService reads the news feed: one item for every change of any
// docflow of the account, in order, each with a token to resume after.
type NewsService service

// NewsItem is one change of a docflow.
type NewsItem struct {
	// Token marks this item in the feed: pass it as after to resume with
	// the next item.
	Token string `json:"token"`
	// Date is when the change happened.
	Date time.Time `json:"date,omitzero"`
	// Docflow is the docflow as it was after the change; its RequestID
	// is the caller's id given to Create.
	Docflow Docflow `json:"docflow"`
}

// NewsPage is one page of the feed.
type NewsPage struct {
	Items []NewsItem `json:"docflowNewsItem"`
	// LastToken is the token to pass as after for the next page.
	LastToken string `json:"lastToken"`
}

// UnmarshalJSON reads a page, accepting "news" and "items" for
// "docflowNewsItem".
func (p *NewsPage) UnmarshalJSON(b []byte) error {
	type plain NewsPage
	var aux struct {
		plain
		News  []NewsItem `json:"news"`
		Items []NewsItem `json:"items"`
	}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	*p = NewsPage(aux.plain)
	switch {
	case p.Items != nil:
	case aux.News != nil:
		p.Items = aux.News
	default:
		p.Items = aux.Items
	}
	return nil
}

type newsQuery struct {
	After string `url:"after,omitempty"`
}

// List returns the page of items that follow the token after. Without a
// token the feed starts at the current moment: the page is empty and
// its LastToken marks now.
func (s *NewsService) List(ctx context.Context, after string) (*NewsPage, error) {
	q, err := query.Values(newsQuery{After: after})
	if err != nil {
		return nil, err
	}
	r := &request{method: http.MethodGet, path: "/news", query: q.Encode(), kind: kindRead}
	page := new(NewsPage)
	if _, err := s.client.do(ctx, r, page); err != nil {
		return nil, err
	}
	return page, nil
}

// All iterates over the feed from the token after, page by page, and
// keeps polling for new items (see PollInterval) until ctx ends or the
// loop stops. It yields a non-nil error once and stops: an error of the
// service, or ctx's error when ctx ends.
//
// To resume exactly where a consumer left off, keep the Token of the
// last item it handled successfully and pass it as after: the item
// that failed comes again, and none is skipped.
func (s *NewsService) All(ctx context.Context, after string, opts ...PollOption) iter.Seq2[NewsItem, error] {
	poll := newPoll(opts)
	return func(yield func(NewsItem, error) bool) {
		token := after
		for {
			page, err := s.List(ctx, token)
			if err != nil {
				yield(NewsItem{}, err)
				return
			}
			for _, item := range page.Items {
				if !yield(item, nil) {
					return
				}
			}
			if page.LastToken != "" {
				token = page.LastToken
			}
			if len(page.Items) > 0 {
				poll.reset()
				continue
			}
			if err := poll.wait(ctx); err != nil {
				yield(NewsItem{}, err)
				return
			}
		}
	}
}
