package realtytest

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// newsTokenPrefix starts every news token, so that tokens do not look
// like numbers a client could do sums with.
const newsTokenPrefix = "rtn-"

// newsItem is one state change of a docflow, with the docflow as it was
// right after it.
type newsItem struct {
	token   string
	date    time.Time
	docflow json.RawMessage
}

// newsToken returns the token of the n-th item of an account's feed; 0
// stands for the start of the feed.
func newsToken(n int) string { return newsTokenPrefix + strconv.Itoa(n) }

// parseNewsToken returns the position a token stands for, and false for
// a token that the server did not hand out.
func parseNewsToken(token string, feedLen int) (int, bool) {
	digits, ok := strings.CutPrefix(token, newsTokenPrefix)
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(digits)
	if err != nil || n < 0 || n > feedLen || strconv.Itoa(n) != digits {
		return 0, false
	}
	return n, true
}

// recordNewsLocked appends the current form of d to its account's news.
// s.mu must be held.
func (s *Server) recordNewsLocked(d *docflow) {
	acc := s.accounts[d.accountID]
	acc.news = append(acc.news, newsItem{
		token:   newsToken(len(acc.news) + 1),
		date:    time.Now().UTC(),
		docflow: s.renderLocked(d),
	})
}

// newsItemJSON is a news item as the API shows it.
type newsItemJSON struct {
	Token   string          `json:"token"`
	Date    string          `json:"date"`
	Docflow json.RawMessage `json:"docflow"`
}

// newsPageJSON is a page of news.
type newsPageJSON struct {
	Items     []newsItemJSON `json:"docflowNewsItem"`
	LastToken string         `json:"lastToken"`
}

// handleNews serves GET /news: the items after the token in the query's
// "after", at most a page of them. Without "after" the feed starts now:
// the page is empty and its lastToken is the newest item's.
func (s *Server) handleNews(w http.ResponseWriter, r *http.Request, sess session) {
	after := r.URL.Query().Get("after")

	s.mu.Lock()
	feed := s.accounts[sess.accountID].news
	page := newsPageJSON{Items: []newsItemJSON{}, LastToken: newsToken(len(feed))}
	from, valid := 0, true
	if after != "" {
		from, valid = parseNewsToken(after, len(feed))
	}
	if after != "" && valid {
		to := min(from+s.cfg.newsPageSize, len(feed))
		page.LastToken = after
		for _, item := range feed[from:to] {
			page.Items = append(page.Items, newsItemJSON{
				Token:   item.token,
				Date:    item.date.Format(time.RFC3339),
				Docflow: item.docflow,
			})
			page.LastToken = item.token
		}
	}
	s.mu.Unlock()

	if !valid {
		writeError(w, http.StatusBadRequest, codeValidation, "after", "unknown news token %q", after)
		return
	}
	writeJSON(w, http.StatusOK, page)
}
