package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/go-realty/realty"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/term"
)

// globals are the flags that every command shares.
type globals struct {
	baseURL       string
	session       string
	login         string
	password      string
	account       string
	apiKey        string
	passwordStdin bool
	json          bool
	verbose       bool
}

// envFlag ties a string flag to the environment variable that sets it
// when the flag is not given.
type envFlag struct {
	name  string
	env   string
	value *string
	usage string
}

// envFlags lists the flags that have an environment variable. None of
// them has a default in the help: the environment's value, which may be
// a secret, must never be shown there.
func (g *globals) envFlags() []envFlag {
	return []envFlag{
		{"base-url", "REALTY_BASE_URL", &g.baseURL,
			"base URL of the service (default " + realty.ProductionURL + ")"},
		{"session", "REALTY_SESSION", &g.session, "session id to use instead of logging in"},
		{"login", "REALTY_LOGIN", &g.login, "login (an e-mail) to log in with"},
		{"password", "REALTY_PASSWORD", &g.password, "password to log in with"},
		{"account", "REALTY_ACCOUNT_ID", &g.account, "account id (a GUID) to log in to"},
		{"api-key", "REALTY_API_KEY", &g.apiKey, "API key sent as X-Kontur-Apikey"},
	}
}

// bind declares the global flags on fs.
func (g *globals) bind(fs *pflag.FlagSet) {
	for _, f := range g.envFlags() {
		fs.StringVar(f.value, f.name, "", fmt.Sprintf("%s ($%s)", f.usage, f.env))
	}
	fs.BoolVar(&g.passwordStdin, "password-stdin", false,
		"read the password from the first line of standard input")
	fs.BoolVar(&g.json, "json", false, "print results as JSON (one document or JSON lines)")
	fs.BoolVar(&g.verbose, "verbose", false, "log each request to the service on standard error")
}

// resolve fills the flags that were not given from their environment
// variables and checks that they agree with each other.
func (g *globals) resolve(fs *pflag.FlagSet) error {
	for _, f := range g.envFlags() {
		if v, ok := os.LookupEnv(f.env); ok && !fs.Changed(f.name) {
			*f.value = v
		}
	}
	if g.baseURL == "" {
		g.baseURL = realty.ProductionURL
	}
	if g.passwordStdin && fs.Changed("password") {
		return usageErrorf("--password and --password-stdin exclude each other")
	}
	return nil
}

// errNoCredentials is the usage error of a command that needs the
// service but was given no way to authenticate.
var errNoCredentials = usageErrorf(
	"no credentials: set --session or --login/--password/--account (or REALTY_* variables)")

// client builds a client of the service from the global flags: with the
// session when one is given, else with the login, password and account.
func (a *app) client() (*realty.Client, error) {
	g := &a.globals
	opts := []realty.Option{realty.WithBaseURL(g.baseURL)}
	switch {
	case g.session != "":
		opts = append(opts, realty.WithSession(g.session))
	case g.login != "" && g.account != "" && (g.password != "" || g.passwordStdin):
		password, err := a.password()
		if err != nil {
			return nil, err
		}
		opts = append(opts, realty.WithCredentials(g.login, password, g.account))
	default:
		return nil, errNoCredentials
	}
	if g.apiKey != "" {
		opts = append(opts, realty.WithAPIKey(g.apiKey))
	}
	if g.verbose {
		handler := slog.NewTextHandler(a.stderr, &slog.HandlerOptions{Level: slog.LevelDebug})
		opts = append(opts, realty.WithLogger(slog.New(handler)))
	}
	client, err := realty.NewClient(opts...)
	if err != nil {
		return nil, usageErrorf("%v", err) // a flag's value is wrong
	}
	return client, nil
}

// password returns the password of the flags, or reads it from standard
// input with --password-stdin: without echo, after a prompt on standard
// error, when standard input is a terminal.
func (a *app) password() (string, error) {
	if !a.globals.passwordStdin {
		return a.globals.password, nil
	}
	fd := int(a.stdin.Fd())
	if term.IsTerminal(fd) {
		fmt.Fprint(a.stderr, "Password: ")
		b, err := term.ReadPassword(fd)
		fmt.Fprintln(a.stderr)
		if err != nil {
			return "", fmt.Errorf("reading the password: %w", err)
		}
		return string(b), nil
	}
	line, err := bufio.NewReader(a.stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("reading the password from standard input: %w", err)
	}
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return "", usageErrorf("--password-stdin: standard input holds no password")
	}
	return line, nil
}

// checkStdin refuses a file argument "-" when standard input carries
// the password.
func (a *app) checkStdin(file string) error {
	if file == "-" && a.globals.passwordStdin {
		return usageErrorf("--password-stdin and the file - cannot both read standard input")
	}
	return nil
}

// docflowCall is a call of the service about one docflow that returns
// it.
type docflowCall func(ctx context.Context, c *realty.Client, id string) (*realty.Docflow, error)

// docflowRunE runs call on the docflow of the first argument with a
// client of the global flags, and prints the docflow it returns.
func (a *app) docflowRunE(call docflowCall) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		client, err := a.client()
		if err != nil {
			return err
		}
		d, err := call(cmd.Context(), client, args[0])
		if err != nil {
			return err
		}
		return a.printDocflow(d)
	}
}
