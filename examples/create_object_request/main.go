// Create_object_request orders an EGRN extract of one property and
// prints the docflow the service created.
//
//	go run ./examples/create_object_request 47:14:1203001:814
//
// It uses the service named by REALTY_BASE_URL (the test host by
// default) with REALTY_LOGIN, REALTY_PASSWORD and REALTY_ACCOUNT_ID, or,
// when REALTY_LOGIN is not set, realtytest, the SDK's in-process fake.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/go-realty/realty"
	"github.com/go-realty/realty/options"
	"github.com/go-realty/realty/realtytest"
)

func main() {
	cadastralNumber := "47:14:1203001:814"
	if len(os.Args) > 1 {
		cadastralNumber = os.Args[1]
	}

	base, login, password, account := os.Getenv("REALTY_BASE_URL"), os.Getenv("REALTY_LOGIN"),
		os.Getenv("REALTY_PASSWORD"), os.Getenv("REALTY_ACCOUNT_ID")
	if base == "" {
		base = realty.TestURL
	}
	if login == "" {
		fake := realtytest.NewServer()
		defer fake.Close()
		base, login, password, account = fake.URL, realtytest.DefaultLogin,
			realtytest.DefaultPassword, realtytest.DefaultAccountID
	}

	client, err := realty.NewClient(realty.WithBaseURL(base), realty.WithCredentials(login, password, account))
	if err != nil {
		fail(err)
	}
	docflow, err := client.Docflows.Create(context.Background(), realty.ObjectRequest, "extract-order-1",
		options.ObjectRequest{Type: options.ExtractInfo, CadastralNumber: cadastralNumber})
	if err != nil {
		fail(err)
	}
	fmt.Printf("docflow %s (%s) is %s\n", docflow.ID, docflow.Type, docflow.State)
}

// fail prints err, and each field the service or the validation
// rejected on a line of its own, and exits.
func fail(err error) {
	fmt.Fprintln(os.Stderr, "error:", err)
	for _, p := range realty.Problems(err) {
		fmt.Fprintf(os.Stderr, "  %s: %s\n", p.Target, p.Message)
	}
	var apiErr *realty.APIError
	if errors.As(err, &apiErr) {
		fmt.Fprintln(os.Stderr, "  HTTP status:", apiErr.StatusCode)
	}
	os.Exit(1)
}
