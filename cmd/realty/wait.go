package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/go-realty/realty"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// longestPause bounds the growing pause between two polls.
const longestPause = 30 * time.Second

// waitCommand builds "realty wait".
func (a *app) waitCommand() *cobra.Command {
	var timeout, poll time.Duration
	cmd := &cobra.Command{
		Use:   "wait ID",
		Short: "Wait until a docflow completes, fails or needs action",
		Long: `Wait polls the docflow with the id ID and shows its state as it changes
on standard error: one line rewritten in place on a terminal, a line per
change otherwise. The pause between polls grows from --poll to 30s.

It stops when the docflow has completed (exit status 0), ended in error
(1, with the error), or is suspended to wait for signatures or a state
fee (1, with what it waits for); the docflow is printed in each case.`,
		Example: `  realty wait 3f1c9e2a-5b7d-4c8e-9f01-2a3b4c5d6e7f
  realty wait --timeout 10m 3f1c9e2a-5b7d-4c8e-9f01-2a3b4c5d6e7f && \
    realty download 3f1c9e2a-5b7d-4c8e-9f01-2a3b4c5d6e7f`,
		Args: exactArgs("ID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if poll <= 0 {
				return usageErrorf("--poll must be positive")
			}
			return a.wait(cmd.Context(), args[0], timeout, poll)
		},
	}
	cmd.Flags().DurationVar(&timeout, "timeout", 0, "give up after this long (0: never)")
	cmd.Flags().DurationVar(&poll, "poll", time.Second, "first pause between two polls")
	return cmd
}

// wait follows the docflow id until it settles or timeout (when not 0)
// passes, prints it, and fails unless it has completed.
func (a *app) wait(ctx context.Context, id string, timeout, poll time.Duration) error {
	client, err := a.client()
	if err != nil {
		return err
	}
	if timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}

	show := a.stateDisplay(id)
	d, err := pollDocflow(ctx, client, id, poll, show)
	show("")
	if err != nil {
		return waitError(err, id, d, timeout)
	}
	if err := a.printDocflow(d); err != nil {
		return err
	}
	if d.State != realty.StateCompleted {
		return &docflowFailure{docflow: d}
	}
	return nil
}

// pollDocflow waits for the docflow id to be final or to wait for its
// requirements, calling show with each new state; the pause between two
// polls grows from first to longestPause. It returns the docflow last
// seen, also with an error.
func pollDocflow(ctx context.Context, c *realty.Client, id string, first time.Duration,
	show func(realty.State)) (*realty.Docflow, error) {
	var shown realty.State
	return c.Docflows.Wait(ctx, id, realty.PollInterval(first, longestPause),
		realty.OnPoll(func(d *realty.Docflow) {
			if d.State != shown {
				shown = d.State
				show(d.State)
			}
		}))
}

// waitError explains why waiting stopped before the docflow d (nil when
// none was seen) settled.
func waitError(err error, id string, d *realty.Docflow, timeout time.Duration) error {
	state := "unknown"
	if d != nil {
		state = string(d.State)
	}
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("gave up waiting for docflow %s after %s; it is %s", id, timeout, state)
	case errors.Is(err, context.Canceled):
		return fmt.Errorf("interrupted while waiting for docflow %s; it is %s", id, state)
	}
	return err
}

// docflowFailure is a docflow that ended in error, or stopped to wait for
// its requirements, while the tool waited for it.
type docflowFailure struct {
	docflow *realty.Docflow
}

// Error says how the docflow ended, or what it waits for.
func (e *docflowFailure) Error() string {
	d := e.docflow
	if d.State != realty.StateError {
		return fmt.Sprintf("docflow %s is %s: it waits for the requirements printed above", d.ID, d.State)
	}
	if d.Error == nil {
		return fmt.Sprintf("docflow %s ended in error", d.ID)
	}
	return fmt.Sprintf("docflow %s ended in error: %s", d.ID, problemLine(*d.Error))
}

// stateDisplay returns a function that shows a docflow's state on
// standard error: on a terminal as one line rewritten in place, else a
// line per state. The empty state ends the display.
func (a *app) stateDisplay(id string) func(realty.State) {
	live := term.IsTerminal(int(a.stderr.Fd()))
	shown := false
	return func(s realty.State) {
		switch {
		case s == "":
			if live && shown {
				fmt.Fprintln(a.stderr)
			}
		case live:
			fmt.Fprintf(a.stderr, "\rdocflow %s: %-12s", id, s)
		default:
			fmt.Fprintf(a.stderr, "docflow %s: %s\n", id, s)
		}
		shown = true
	}
}
