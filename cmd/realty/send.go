package main

import (
	"context"

	"github.com/go-realty/realty"
	"github.com/spf13/cobra"
)

// sendCommand builds "realty send".
func (a *app) sendCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "send ID",
		Short: "Send a signed docflow to Rosreestr",
		Long: `Send sends the docflow with the id ID to Rosreestr once every file
that its requirements list has been signed (see realty sign), and
prints the docflow. A docflow that needs no signatures is sent by the
service on its own.`,
		Example: `  realty send 3f1c9e2a-5b7d-4c8e-9f01-2a3b4c5d6e7f`,
		Args:    exactArgs("ID"),
		RunE: a.docflowRunE(func(ctx context.Context, c *realty.Client, id string) (*realty.Docflow, error) {
			return c.Docflows.Send(ctx, id)
		}),
	}
}
