// Quickstart orders an EGRN extract and saves it: log in, create an
// object_request, wait until it completes, download the result files.
//
// With no environment it runs against realtytest, the SDK's in-process
// fake of the service, so it needs no account:
//
//	go run ./examples/quickstart
//
// Against the real service, set REALTY_LOGIN, REALTY_PASSWORD and
// REALTY_ACCOUNT_ID (and REALTY_BASE_URL, the test host by default;
// REALTY_CADASTRAL_NUMBER picks the property). The files go to a new
// temporary folder, or to the folder given with -out.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"time"

	"github.com/go-realty/realty"
	"github.com/go-realty/realty/options"
	"github.com/go-realty/realty/realtytest"
)

func main() {
	out := flag.String("out", "", "folder for the result files (default: a new temporary folder)")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	clientOpts, cadastralNumber, poll, closeFake := connect()
	defer closeFake()
	client, err := realty.NewClient(clientOpts...)
	if err != nil {
		return err
	}

	fmt.Println("1. logging in")
	if err := client.Login(ctx); err != nil {
		return err
	}

	fmt.Println("2. ordering an extract for", cadastralNumber)
	docflow, err := client.Docflows.Create(ctx, realty.ObjectRequest,
		fmt.Sprintf("quickstart-%d", time.Now().UnixNano()),
		options.ObjectRequest{Type: options.ExtractInfo, CadastralNumber: cadastralNumber})
	if err != nil {
		return err
	}
	fmt.Printf("   docflow %s is %s\n", docflow.ID, docflow.State)

	fmt.Println("3. waiting for the register to answer")
	docflow, err = client.Docflows.Wait(ctx, docflow.ID, poll)
	if err != nil {
		return err
	}
	if docflow.State != realty.StateCompleted {
		return fmt.Errorf("docflow %s ended %s: %v", docflow.ID, docflow.State, docflow.Error)
	}
	fmt.Printf("   docflow %s is %s with %d files\n", docflow.ID, docflow.State, len(docflow.Result.Files))

	if out == "" {
		if out, err = os.MkdirTemp("", "realty-quickstart-"); err != nil {
			return err
		}
	}
	fmt.Println("4. downloading the extract to", out)
	paths, err := client.Files.SaveResult(ctx, docflow, out)
	if err != nil {
		return err
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return err
		}
		fmt.Printf("   %s (%d bytes)\n", p, info.Size())
	}
	fmt.Println("done")
	return nil
}

// connect returns the client options for the real service when
// REALTY_LOGIN is set, and otherwise starts a fake; closeFake stops it.
func connect() (opts []realty.Option, cadastralNumber string, poll realty.PollOption, closeFake func()) {
	cadastralNumber = os.Getenv("REALTY_CADASTRAL_NUMBER")
	if cadastralNumber == "" {
		cadastralNumber = "47:14:1203001:814"
	}
	if login := os.Getenv("REALTY_LOGIN"); login != "" {
		baseURL := os.Getenv("REALTY_BASE_URL")
		if baseURL == "" {
			baseURL = realty.TestURL
		}
		fmt.Println("using", baseURL, "as", login)
		return []realty.Option{
			realty.WithBaseURL(baseURL),
			realty.WithCredentials(login, os.Getenv("REALTY_PASSWORD"), os.Getenv("REALTY_ACCOUNT_ID")),
		}, cadastralNumber, realty.PollInterval(5*time.Second, time.Minute), func() {}
	}

	fake := realtytest.NewServer(realtytest.WithAutoAdvance())
	fmt.Println("REALTY_LOGIN is not set: using the built-in fake service at", fake.URL)
	return []realty.Option{
		realty.WithBaseURL(fake.URL),
		realty.WithCredentials(realtytest.DefaultLogin, realtytest.DefaultPassword, realtytest.DefaultAccountID),
	}, cadastralNumber, realty.PollInterval(100*time.Millisecond, time.Second), fake.Close
}
