package main

import (
	"fmt"
	"io"

	"github.com/go-realty/realty/realtytest"
	"github.com/spf13/cobra"
)

// fakeService is how the fake's details are printed with --json.
type fakeService struct {
	BaseURL   string `json:"baseUrl"`
	Login     string `json:"login"`
	Password  string `json:"password"`
	AccountID string `json:"accountId"`
	Session   string `json:"session"`
}

// fakeCommand builds "realty fake".
func (a *app) fakeCommand() *cobra.Command {
	var addr string
	cmd := &cobra.Command{
		Use:   "fake",
		Short: "Run a fake of the service on this machine, to try the tool",
		Long: `Fake runs a fake Reestro service on --addr until interrupted (Ctrl-C),
to try the tool and scripts without an account. It prints its base URL,
the login, password and account id of its built-in account, a session
ready to use, and a line to export them to the other commands.

Docflows of the fake move on each time they are read, so that realty
wait sees them complete; it forgets everything when it stops.`,
		Example: `  realty fake --addr 127.0.0.1:8080 &
  export REALTY_BASE_URL=http://127.0.0.1:8080/realty/v1 REALTY_SESSION=...
  realty create object_request order.json`,
		Args: exactArgs(),
		RunE: func(cmd *cobra.Command, _ []string) error {
			srv, err := startFake(addr)
			if err != nil {
				return err
			}
			defer srv.Close()
			if err := a.printFake(srv); err != nil {
				return err
			}
			<-cmd.Context().Done()
			return nil
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on, host:port")
	return cmd
}

// startFake starts the fake service on addr.
func startFake(addr string) (*realtytest.Server, error) {
	srv, err := realtytest.Start(realtytest.WithAutoAdvance(), realtytest.WithAddr(addr))
	if err != nil {
		return nil, fmt.Errorf("cannot start the fake service: %w", err)
	}
	return srv, nil
}

// printFake prints how to reach and use the fake service srv.
func (a *app) printFake(srv *realtytest.Server) error {
	v := fakeService{
		BaseURL:   srv.URL,
		Login:     realtytest.DefaultLogin,
		Password:  realtytest.DefaultPassword,
		AccountID: realtytest.DefaultAccountID,
		Session:   srv.Session(),
	}
	return a.printResult(v, func(w io.Writer) {
		fmt.Fprintf(w, "fake Reestro service at %s (Ctrl-C stops it)\n", v.BaseURL)
		fmt.Fprintf(w, "login       %s\n", v.Login)
		fmt.Fprintf(w, "password    %s\n", v.Password)
		fmt.Fprintf(w, "account id  %s\n", v.AccountID)
		fmt.Fprintf(w, "session     %s\n", v.Session)
		fmt.Fprintf(w, "export REALTY_BASE_URL=%s REALTY_SESSION=%s\n", v.BaseURL, v.Session)
	})
}
