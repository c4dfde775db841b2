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
	// Items are the changes of the page, in the feed's order; empty
	// when nothing happened after the token. Decoding also reads the keys
	// "news" and "items".
	Items []NewsItem `json:"docflowNewsItem"`
	// LastToken is the token to pass as after for the next page.
	LastToken string `json:"lastToken"`
}

// newsPageJSON is the decoding form of a NewsPage, with the other names
// of its list of items.
type newsPageJSON struct {
	Items     []newsItemJSON `json:"docflowNewsItem"`
	News      []newsItemJSON `json:"news"`
	AltItems  []newsItemJSON `json:"items"`
	LastToken string         `json:"lastToken"`
}

type newsItemJSON struct {
	Token   string      `json:"token"`
	Date    time.Time   `json:"date"`
	Docflow docflowJSON `json:"docflow"`
}

func (p *newsPageJSON) page() (*NewsPage, error) {
	items := p.Items
	switch {
	case items != nil:
	case p.News != nil:
		items = p.News
	default:
		items = p.AltItems
	}
	page := &NewsPage{LastToken: p.LastToken, Items: make([]NewsItem, len(items))}
	for i, item := range items {
		d, err := item.Docflow.docflow()
		if err != nil {
			return nil, err
		}
		page.Items[i] = NewsItem{Token: item.Token, Date: item.Date, Docflow: d}
	}
	return page, nil
}

// UnmarshalJSON reads a page, accepting "news" and "items" for
// "docflowNewsItem".
func (p *NewsPage) UnmarshalJSON(b []byte) error {
	var aux newsPageJSON
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	page, err := aux.page()
	if err != nil {
		return err
	}
	*p = *page
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
	var aux newsPageJSON
	resp, err := s.client.do(ctx, r, &aux)
	if err != nil {
		return nil, err
	}
	page, err := aux.page()
	if err != nil {
		return nil, &DecodeError{Method: r.method, Path: r.path, Status: resp.StatusCode, Err: err}
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
