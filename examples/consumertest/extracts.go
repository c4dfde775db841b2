// Package consumertest shows how code that uses the realty SDK is tested:
// extracts.go is the consumer's own code, and extracts_test.go tests it
// twice, against realtytest (a whole fake service over HTTP) and with
// gock (canned HTTP answers, for the cases a fake does not reach).
package consumertest

import (
	"context"
	"errors"
	"fmt"

	"github.com/go-realty/realty"
	"github.com/go-realty/realty/options"
)

// ErrNoAccess is what the consumer reports when its account may not
// order extracts.
var ErrNoAccess = errors.New("this account may not order extracts")

// OrderExtract orders the extended extract of a property, waits for it
// and returns its result files: the consumer's own logic under test.
func OrderExtract(ctx context.Context, client *realty.Client, orderID, cadastralNumber string, poll ...realty.PollOption) ([]realty.File, error) {
	docflow, err := client.Docflows.Create(ctx, realty.ObjectRequest, orderID,
		options.ObjectRequest{Type: options.ExtractInfo, CadastralNumber: cadastralNumber})
	if errors.Is(err, realty.ErrForbidden) {
		return nil, ErrNoAccess
	}
	if err != nil {
		return nil, fmt.Errorf("ordering the extract: %w", err)
	}
	docflow, err = client.Docflows.Wait(ctx, docflow.ID, poll...)
	if err != nil {
		return nil, fmt.Errorf("waiting for the extract: %w", err)
	}
	if docflow.State != realty.StateCompleted {
		return nil, fmt.Errorf("the register refused the extract: %v", docflow.Error)
	}
	return docflow.Result.Files, nil
}
