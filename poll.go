package realty

import (
	"context"
	"time"
)

// PollOption changes how Docflows.Wait and News.All poll.
type PollOption func(*poll)

// Bounds of polling. The floor keeps any setting from turning a poll
// loop into a busy loop against the service.
const (
	defaultPollMin = time.Second
	defaultPollMax = 30 * time.Second
	minPollFloor   = 10 * time.Millisecond
)

// PollInterval sets the first and the longest pause between polls (1s
// and 30s by default). Each pause is half again as long as the one
// before, up to the longest; a pause shorter than 10ms is taken as
// 10ms.
func PollInterval(first, longest time.Duration) PollOption {
	return func(p *poll) {
		p.first = max(first, minPollFloor)
		p.longest = max(longest, p.first)
	}
}

// OnPoll makes Docflows.Wait call fn with the docflow each poll
// returns, for example to show its state as it changes. News.All
// ignores it.
func OnPoll(fn func(*Docflow)) PollOption {
	return func(p *poll) { p.observe = fn }
}

// poll paces a loop of requests.
type poll struct {
	first, longest, next time.Duration
	observe              func(*Docflow)
}

func newPoll(opts []PollOption) *poll {
	p := &poll{first: defaultPollMin, longest: defaultPollMax}
	for _, opt := range opts {
		opt(p)
	}
	p.reset()
	return p
}

func (p *poll) reset() { p.next = p.first }

// wait pauses for the next interval, or until ctx ends.
func (p *poll) wait(ctx context.Context) error {
	timer := time.NewTimer(p.next)
	defer timer.Stop()
	p.next = min(p.next+p.next/2, p.longest)
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
		return nil
	}
}
