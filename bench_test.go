package realty_test

// Benchmarks of the SDK against the leanest hand-written net/http and
// encoding/json code doing the same work over the same loopback server.
// Each benchmark has an "sdk" and a "raw" sub-benchmark; compare them
// with benchstat, raw as the base:
//
//	go test -run '^$' -bench . -benchmem -count 10 . > bench.txt
//	grep -v /sdk- bench.txt | sed s,/raw-,-, > raw.txt
//	grep -v /raw- bench.txt | sed s,/sdk-,-, > sdk.txt
//	benchstat raw.txt sdk.txt

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-realty/realty"
	"github.com/go-realty/realty/options"
)

const benchSession = "bench-session"

// benchServer answers the benchmarked calls with canned bodies.
type benchServer struct {
	*httptest.Server
	created   []byte
	completed []byte
	file      []byte
}

func newBenchServer(b *testing.B) *benchServer {
	b.Helper()
	s := &benchServer{
		created:   []byte(`{"docflowId":"7d1f0c2e-5b8a-4f7e-9c3d-2a1b0c9d8e7f","docflowType":"right_movement_request","userId":"u-1","state":"queued","requestId":"bench"}`),
		completed: completedDocflow(10),
		file:      benchFile(),
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /docflows/right_movement_request", func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.Write(s.created)
	})
	mux.HandleFunc("GET /docflows/{id}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(s.completed)
	})
	mux.HandleFunc("GET /docflows/{id}/files/{file}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/zip")
		w.Header().Set("Content-Length", strconv.Itoa(len(s.file)))
		w.Write(s.file)
	})
	pages := newsPages(10_000, 100)
	mux.HandleFunc("GET /news", func(w http.ResponseWriter, r *http.Request) {
		after, _ := strconv.Atoi(r.URL.Query().Get("after"))
		w.Header().Set("Content-Type", "application/json")
		if page := after / 100; page < len(pages) {
			w.Write(pages[page])
			return
		}
		fmt.Fprintf(w, `{"docflowNewsItem":[],"lastToken":"%d"}`, after)
	})
	s.Server = httptest.NewServer(mux)
	b.Cleanup(s.Close)
	return s
}

// benchFile is the 64 MiB file of BenchmarkDownload, made once for all
// benchmarks so that no benchmark starts with a fresh 64 MiB of garbage.
var benchFile = sync.OnceValue(func() []byte {
	return bytes.Repeat([]byte("0123456789abcdef"), 64<<20/16)
})

// settle collects garbage left by what ran before, so that the sdk and
// raw sub-benchmarks start alike.
func settle(b *testing.B) {
	b.Helper()
	runtime.GC()
	b.ResetTimer()
}

// completedDocflow is a completed docflow with n result files.
func completedDocflow(n int) []byte {
	var files []string
	for i := range n {
		files = append(files, fmt.Sprintf(`{"id":"f%02d-0000-4000-8000-000000000000","type":"egrn:outdoc",
			"contentLink":"https://api.kontur.ru/realty/v1/docflows/d/files/f%02d",
			"signatures":[{"id":"s%02d","contentLink":"https://api.kontur.ru/realty/v1/docflows/d/files/s%02d"}]}`, i, i, i, i))
	}
	return []byte(`{"docflowId":"7d1f0c2e-5b8a-4f7e-9c3d-2a1b0c9d8e7f","docflowType":"object_request","userId":"u-1",
		"state":"completed","requestId":"bench","options":{"type":"info","cadastralNumber":"47:14:1203001:814"},
		"result":{"files":[` + strings.Join(files, ",") + `]}}`)
}

// newsPages are the pages of a feed of total items; the token of an item
// is its index, so that page k follows the token k*size.
func newsPages(total, size int) [][]byte {
	var pages [][]byte
	for start := 0; start < total; start += size {
		var items []string
		for i := start; i < start+size; i++ {
			items = append(items, fmt.Sprintf(`{"token":"%d","date":"2026-12-01T10:00:00Z",
				"docflow":{"docflowId":"d-%d","docflowType":"object_request","state":"sent","requestId":"r-%d"}}`, i+1, i, i))
		}
		pages = append(pages, []byte(fmt.Sprintf(`{"docflowNewsItem":[%s],"lastToken":"%d"}`,
			strings.Join(items, ","), start+size)))
	}
	return pages
}

// benchTransport is the transport both sides use.
func benchTransport() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 64
	return t
}

func sdkClient(b *testing.B, s *benchServer) *realty.Client {
	b.Helper()
	c, err := realty.NewClient(realty.WithBaseURL(s.URL), realty.WithSession(benchSession),
		realty.WithHTTPClient(&http.Client{Transport: benchTransport()}))
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// rawClient is what a careful hand-written integration would do.
type rawClient struct {
	base string
	http *http.Client
}

func (c *rawClient) newRequest(ctx context.Context, method, path string, body []byte) (*http.Request, error) {
	var r io.Reader
	if body != nil {
		r = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, r)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "auth.sid "+benchSession)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", "raw/1")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return req, nil
}

func (c *rawClient) doJSON(req *http.Request, out any) error {
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		io.Copy(io.Discard, resp.Body)
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	err = json.NewDecoder(resp.Body).Decode(out)
	io.Copy(io.Discard, resp.Body)
	return err
}

// rawDocflow decodes the same fields as realty.Docflow.
type rawDocflow struct {
	ID           string               `json:"docflowId"`
	Type         string               `json:"docflowType"`
	UserID       string               `json:"userId"`
	State        string               `json:"state"`
	RequestID    string               `json:"requestId"`
	Options      json.RawMessage      `json:"options"`
	Error        *realty.Problem      `json:"error"`
	Requirements *realty.Requirements `json:"requirements"`
	Result       *realty.Result       `json:"result"`
}

func (c *rawClient) create(ctx context.Context, opts options.RightMovementRequest) (*rawDocflow, error) {
	body, err := json.Marshal(struct {
		RequestID string                       `json:"requestId"`
		Options   options.RightMovementRequest `json:"options"`
	}{"bench", opts})
	if err != nil {
		return nil, err
	}
	req, err := c.newRequest(ctx, http.MethodPost, "/docflows/right_movement_request", body)
	if err != nil {
		return nil, err
	}
	d := new(rawDocflow)
	return d, c.doJSON(req, d)
}

func newRawClient(s *benchServer) *rawClient {
	return &rawClient{base: s.URL, http: &http.Client{Transport: benchTransport()}}
}

func benchSale(b *testing.B) options.RightMovementRequest {
	b.Helper()
	_, opts := fixture(b, realty.RightMovementRequest)
	return *opts.(*options.RightMovementRequest)
}

func BenchmarkCreate(b *testing.B) {
	s := newBenchServer(b)
	sale := benchSale(b)
	ctx := context.Background()
	b.Run("sdk", func(b *testing.B) {
		c := sdkClient(b, s)
		b.ReportAllocs()
		settle(b)
		for b.Loop() {
			if _, err := c.Docflows.Create(ctx, realty.RightMovementRequest, "bench", sale); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("raw", func(b *testing.B) {
		c := newRawClient(s)
		b.ReportAllocs()
		settle(b)
		for b.Loop() {
			if _, err := c.create(ctx, sale); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkCreateParallel(b *testing.B) {
	s := newBenchServer(b)
	sale := benchSale(b)
	ctx := context.Background()
	b.Run("sdk", func(b *testing.B) {
		c := sdkClient(b, s)
		b.ReportAllocs()
		settle(b)
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				if _, err := c.Docflows.Create(ctx, realty.RightMovementRequest, "bench", sale); err != nil {
					b.Error(err)
					return
				}
			}
		})
	})
	b.Run("raw", func(b *testing.B) {
		c := newRawClient(s)
		b.ReportAllocs()
		settle(b)
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				if _, err := c.create(ctx, sale); err != nil {
					b.Error(err)
					return
				}
			}
		})
	})
}

func BenchmarkGet(b *testing.B) {
	s := newBenchServer(b)
	ctx := context.Background()
	const id = "7d1f0c2e-5b8a-4f7e-9c3d-2a1b0c9d8e7f"
	b.Run("sdk", func(b *testing.B) {
		c := sdkClient(b, s)
		b.ReportAllocs()
		settle(b)
		for b.Loop() {
			d, err := c.Docflows.Get(ctx, id)
			if err != nil || len(d.Result.Files) != 10 {
				b.Fatal(err)
			}
		}
	})
	b.Run("raw", func(b *testing.B) {
		c := newRawClient(s)
		b.ReportAllocs()
		settle(b)
		for b.Loop() {
			req, err := c.newRequest(ctx, http.MethodGet, "/docflows/"+id, nil)
			if err != nil {
				b.Fatal(err)
			}
			var d rawDocflow
			if err := c.doJSON(req, &d); err != nil || len(d.Result.Files) != 10 {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkNews(b *testing.B) {
	s := newBenchServer(b)
	ctx := context.Background()
	b.Run("sdk", func(b *testing.B) {
		c := sdkClient(b, s)
		drainNews(b, func(token string) (int, string, error) {
			page, err := c.News.List(ctx, token)
			if err != nil {
				return 0, "", err
			}
			return len(page.Items), page.LastToken, nil
		})
	})
	b.Run("raw", func(b *testing.B) {
		c := newRawClient(s)
		drainNews(b, func(token string) (int, string, error) {
			req, err := c.newRequest(ctx, http.MethodGet, "/news?after="+token, nil)
			if err != nil {
				return 0, "", err
			}
			var page struct {
				Items []struct {
					Token   string     `json:"token"`
					Date    time.Time  `json:"date"`
					Docflow rawDocflow `json:"docflow"`
				} `json:"docflowNewsItem"`
				LastToken string `json:"lastToken"`
			}
			if err := c.doJSON(req, &page); err != nil {
				return 0, "", err
			}
			return len(page.Items), page.LastToken, nil
		})
	})
}

// drainNews reads the whole feed once per iteration through list, which
// returns a page's item count and its last token.
func drainNews(b *testing.B, list func(token string) (int, string, error)) {
	b.ReportAllocs()
	settle(b)
	for b.Loop() {
		total, token := 0, "0"
		for {
			n, next, err := list(token)
			if err != nil {
				b.Fatal(err)
			}
			if n == 0 {
				break
			}
			total, token = total+n, next
		}
		if total != 10_000 {
			b.Fatalf("drained %d items", total)
		}
	}
}

func BenchmarkDownload(b *testing.B) {
	s := newBenchServer(b)
	ctx := context.Background()
	b.Run("sdk", func(b *testing.B) {
		c := sdkClient(b, s)
		b.SetBytes(int64(len(s.file)))
		b.ReportAllocs()
		settle(b)
		for b.Loop() {
			dl, err := c.Files.Download(ctx, "d", "f")
			if err != nil {
				b.Fatal(err)
			}
			if _, err := io.Copy(io.Discard, dl); err != nil {
				b.Fatal(err)
			}
			dl.Close()
		}
	})
	b.Run("raw", func(b *testing.B) {
		c := newRawClient(s)
		b.SetBytes(int64(len(s.file)))
		b.ReportAllocs()
		settle(b)
		for b.Loop() {
			req, err := c.newRequest(ctx, http.MethodGet, "/docflows/d/files/f", nil)
			if err != nil {
				b.Fatal(err)
			}
			resp, err := c.http.Do(req)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := io.Copy(io.Discard, resp.Body); err != nil {
				b.Fatal(err)
			}
			resp.Body.Close()
		}
	})
}
