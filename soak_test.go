package realty_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/go-realty/realty"
	"github.com/go-realty/realty/realtytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSoakNoSubmissionLostOrDoubled creates 2,000 docflows from 32
// goroutines through one client while the fake injects, at random, 503
// and 429 answers, connections dropped before and after the request is
// handled, answers slower than the call's timeout, and expired sessions.
// Then it holds the SDK's reports against the fake's records:
//
//   - created: filed exactly once;
//   - failed: not filed;
//   - outcome unknown: filed at most once, and the news feed tells which.
func TestSoakNoSubmissionLostOrDoubled(t *testing.T) {
	if testing.Short() {
		t.Skip("soak test")
	}
	const (
		workers   = 32
		creates   = 2000
		timeout   = 2 * time.Second
		slowDelay = 3 * time.Second
	)
	srv := realtytest.NewServer()
	t.Cleanup(srv.Close)

	var mu sync.Mutex
	rng := rand.New(rand.NewPCG(1, 2))
	srv.SetFaultFunc(func(r *http.Request) realtytest.Fault {
		if r.Method != http.MethodPost || r.URL.Path == "/realty/v1/auth" {
			return realtytest.Fault{}
		}
		mu.Lock()
		roll := rng.IntN(100)
		mu.Unlock()
		switch {
		case roll < 6:
			return realtytest.Fault{Status: http.StatusServiceUnavailable}
		case roll < 12:
			return realtytest.Fault{Status: http.StatusTooManyRequests, RetryAfter: time.Millisecond}
		case roll < 16:
			return realtytest.Fault{DropBeforeRead: true}
		case roll < 20:
			return realtytest.Fault{DropAfterHandle: true}
		case roll < 22:
			return realtytest.Fault{Delay: slowDelay}
		case roll < 26:
			return realtytest.Fault{ExpireSession: true}
		}
		return realtytest.Fault{}
	})

	client, err := realty.NewClient(
		realty.WithBaseURL(srv.URL),
		realty.WithCredentials(realtytest.DefaultLogin, realtytest.DefaultPassword, realtytest.DefaultAccountID),
		realty.WithRetry(4, time.Millisecond, 20*time.Millisecond),
	)
	require.NoError(t, err)
	start, err := client.News.List(context.Background(), "")
	require.NoError(t, err)
	_, opts := fixture(t, realty.ObjectRequest)

	type outcome int
	const (
		created outcome = iota
		failed
		unknown
	)
	results := make([]outcome, creates)
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				ctx, cancel := context.WithTimeout(context.Background(), timeout)
				_, err := client.Docflows.Create(ctx, realty.ObjectRequest, soakID(i), opts)
				cancel()
				switch {
				case err == nil:
					results[i] = created
				case errors.Is(err, realty.ErrOutcomeUnknown):
					results[i] = unknown
				default:
					results[i] = failed
				}
			}
		}()
	}
	for i := range creates {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	srv.SetFaultFunc(nil)

	counts := map[outcome]int{}
	unknownFiled := 0
	for i, o := range results {
		counts[o]++
		n := srv.CreatedCount(soakID(i))
		switch o {
		case created:
			assert.Equal(t, 1, n, "%s was reported created", soakID(i))
		case failed:
			assert.Equal(t, 0, n, "%s was reported failed", soakID(i))
		case unknown:
			assert.LessOrEqual(t, n, 1, "%s has an unknown outcome", soakID(i))
			unknownFiled += n
		}
	}
	seen := map[string]bool{}
	for _, rec := range srv.Docflows() {
		assert.False(t, seen[rec.RequestID], "requestId %s filed twice", rec.RequestID)
		seen[rec.RequestID] = true
	}

	// Reconciliation as the README tells it: the news feed names every
	// request that was filed, those of unknown outcome included.
	filed := map[string]bool{}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	token := start.LastToken
	for {
		page, err := client.News.List(ctx, token)
		require.NoError(t, err)
		if len(page.Items) == 0 {
			break
		}
		for _, item := range page.Items {
			filed[item.Docflow.RequestID] = true
		}
		token = page.LastToken
	}
	for i, o := range results {
		assert.Equal(t, srv.CreatedCount(soakID(i)) == 1, filed[soakID(i)], "%s (%v) in the news", soakID(i), o)
	}

	fmt.Printf("soak: %d creates by %d goroutines: %d created, %d failed, %d outcome unknown (%d of them filed); %d requests reached the fake\n",
		creates, workers, counts[created], counts[failed], counts[unknown], unknownFiled, srv.Requests())
	assert.Equal(t, creates, counts[created]+counts[failed]+counts[unknown])
	assert.Positive(t, counts[unknown], "the faults should leave some outcomes unknown")
	assert.Positive(t, counts[created])
}

func soakID(i int) string { return fmt.Sprintf("soak-%04d", i) }
