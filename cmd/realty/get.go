package main

import (
	"context"

	"github.com/go-realty/realty"
	"github.com/spf13/cobra"
)

// getCommand builds "realty get".
func (a *app) getCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "get ID",
		Short: "Print a docflow: its state, requirements and results",
		Long: `Get prints the docflow with the id ID: its type, state and request id,
what it waits for (the files each person must sign, the state fees to
pay), its result files once it has completed, and its error if it
failed.`,
		Example: `  realty get 3f1c9e2a-5b7d-4c8e-9f01-2a3b4c5d6e7f
  realty get --json 3f1c9e2a-5b7d-4c8e-9f01-2a3b4c5d6e7f | jq .state`,
		Args: exactArgs("ID"),
		RunE: a.docflowRunE(func(ctx context.Context, c *realty.Client, id string) (*realty.Docflow, error) {
			return c.Docflows.Get(ctx, id)
		}),
	}
}
