package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/go-realty/realty"
	"github.com/spf13/cobra"
)

// newsLine is how one news item is printed: a line of JSON.
type newsLine struct {
	Token       string             `json:"token"`
	Date        time.Time          `json:"date,omitzero"`
	DocflowID   string             `json:"docflowId"`
	DocflowType realty.DocflowType `json:"docflowType,omitempty"`
	State       realty.State       `json:"state,omitempty"`
	RequestID   string             `json:"requestId,omitempty"`
}

// newsCommand builds "realty news".
func (a *app) newsCommand() *cobra.Command {
	var after string
	var follow bool
	var poll time.Duration
	cmd := &cobra.Command{
		Use:   "news",
		Short: "Print the feed of docflow changes as JSON lines",
		Long: `News prints the changes of the account's docflows, oldest first, one
line of JSON per change:

  {"token":"...","date":"...","docflowId":"...","docflowType":"...",
   "state":"...","requestId":"..."}

It starts after the change --after names, or now. Without --follow it
stops at the end of the feed; with --follow it waits for new changes
until interrupted (Ctrl-C). On the way out it prints "last-token: TOKEN"
on standard error (with --json also {"lastToken":"TOKEN"} as a last
line): pass it as --after to resume where it stopped.`,
		Example: `  realty news                     # no change yet: prints the token of now
  realty news --after 0f9a7c3e    # the changes since that token
  realty news --follow | grep '"state":"completed"'`,
		Args: exactArgs(),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.news(cmd.Context(), after, follow, poll)
		},
	}
	cmd.Flags().StringVar(&after, "after", "", "token of the change to start after (default: now)")
	cmd.Flags().BoolVar(&follow, "follow", false, "keep waiting for new changes until interrupted")
	cmd.Flags().DurationVar(&poll, "poll", time.Second,
		"with --follow, first pause between polls of an idle feed")
	return cmd
}

// news prints the feed after the token after, following it when follow
// is set, and prints the token to resume from on the way out.
func (a *app) news(ctx context.Context, after string, follow bool, poll time.Duration) error {
	client, err := a.client()
	if err != nil {
		return err
	}
	last := after
	if follow {
		err = a.followNews(ctx, client, &last, poll)
	} else {
		err = a.readNews(ctx, client, &last)
	}
	fmt.Fprintf(a.stderr, "last-token: %s\n", last)
	if a.globals.json {
		if printErr := a.printJSON(map[string]string{"lastToken": last}); err == nil {
			err = printErr
		}
	}
	return err
}

// readNews prints the pages of the feed after *last until an empty
// page, keeping *last at the token to resume from.
func (a *app) readNews(ctx context.Context, c *realty.Client, last *string) error {
	for {
		page, err := c.News.List(ctx, *last)
		if err != nil {
			return err
		}
		for _, item := range page.Items {
			if err := a.printNewsItem(item, last); err != nil {
				return err
			}
		}
		if page.LastToken != "" {
			*last = page.LastToken
		}
		if len(page.Items) == 0 {
			return nil
		}
	}
}

// followNews prints the feed after *last as it grows, until ctx ends,
// keeping *last at the token of the last item printed. Without a token
// it starts now, and asks the feed first for the token of now.
func (a *app) followNews(ctx context.Context, c *realty.Client, last *string, poll time.Duration) error {
	if *last == "" {
		page, err := c.News.List(ctx, "")
		if err != nil {
			return err
		}
		*last = page.LastToken
	}
	for item, err := range c.News.All(ctx, *last, realty.PollInterval(poll, longestPause)) {
		if errors.Is(err, context.Canceled) && ctx.Err() != nil {
			return nil // interrupted: the way --follow ends
		}
		if err != nil {
			return err
		}
		if err := a.printNewsItem(item, last); err != nil {
			return err
		}
	}
	return nil
}

// printNewsItem prints item as a line of JSON and moves *last to its
// token.
func (a *app) printNewsItem(item realty.NewsItem, last *string) error {
	err := a.printJSON(newsLine{
		Token:       item.Token,
		Date:        item.Date,
		DocflowID:   item.Docflow.ID,
		DocflowType: item.Docflow.Type,
		State:       item.Docflow.State,
		RequestID:   item.Docflow.RequestID,
	})
	if err == nil && item.Token != "" {
		*last = item.Token
	}
	return err
}
