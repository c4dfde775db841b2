// Command realty files and follows real-estate requests with Rosreestr
// through the Kontur.Reestro API, from a shell or a script.
//
// Each request is a docflow. "realty create" files one from a JSON file
// that holds the request body as the API documents it; "realty get",
// "send" and "wait" follow it; "realty download" saves its result files;
// "realty upload" stores the documents that a request refers to, "realty
// sign" attaches a detached signature to a file that must be signed, and
// "realty suggest" finds cadastral numbers by address. "realty news"
// prints the feed of docflow changes and can follow it, and "realty fake"
// runs a fake of the service on this machine to try all of it.
//
// The tool logs in with --login, --password and --account, or uses a
// session given with --session; each flag has a REALTY_* environment
// variable. Results go to standard output, human-readable or, with
// --json, as JSON; warnings, progress and errors go to standard error.
// The exit status is 0 on success, 1 when the service or the validation
// of a request refused it, and 2 when the command line was wrong.
//
// Install it with
//
//	go install github.com/go-realty/realty/cmd/realty@latest
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// helpWidth is the width that every line of the help fits in.
const helpWidth = 80

// Exit statuses.
const (
	exitOK    = 0
	exitError = 1 // the service, a validation or the input refused the request
	exitUsage = 2 // the command line was wrong
)

// main runs the command line until it is done or interrupted.
func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:])
	stop()
	os.Exit(code)
}

// app is one run of the tool: its streams and global flags.
type app struct {
	stdin   *os.File
	stdout  *os.File
	stderr  *os.File
	globals globals
	// started is set once the command line has parsed and a command
	// runs; an error before that is a usage error.
	started bool
}

// newApp returns a run of the tool on the process's standard streams.
func newApp() *app {
	return &app{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}
}

// run executes the command line args and returns the exit status. A
// panic is reported as an error, without a stack.
func run(ctx context.Context, args []string) (code int) {
	a := newApp()
	defer func() {
		if r := recover(); r != nil {
			a.printError(fmt.Errorf("internal error: %v", r))
			code = exitError
		}
	}()

	root := a.rootCommand()
	root.SetArgs(args)
	cmd, err := root.ExecuteContextC(ctx)
	if err == nil {
		return exitOK
	}
	a.printError(err)
	if isUsage(err) || !a.started {
		fmt.Fprintf(a.stderr, "Run '%s --help' for usage.\n", cmd.CommandPath())
		return exitUsage
	}
	return exitError
}

// rootCommand builds the command tree.
func (a *app) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "realty",
		Short: "File and follow real-estate requests with Kontur.Reestro",
		Long: `realty files real-estate requests with Rosreestr through the
Kontur.Reestro API and follows them. Each request is a docflow: create it
from a JSON file, sign its statements, send it, wait for it to complete
and download its result files.

Authentication: --session, or --login, --password and --account. Every
global flag can be set by its environment variable instead (REALTY_*).

Results go to standard output (JSON with --json); warnings, progress and
errors go to standard error. Exit status: 0 on success, 1 when the
service or a validation refused the request, 2 on a wrong command line.`,
		Example: `  export REALTY_LOGIN=me@example.com REALTY_ACCOUNT_ID=<guid>
  realty --password-stdin create object_request order.json < password
  realty wait 3f1c9e2a-5b7d-4c8e-9f01-2a3b4c5d6e7f
  realty fake --addr 127.0.0.1:8080    # try it all on a local fake`,
		SilenceErrors: true,
		SilenceUsage:  true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			a.started = true
			return a.globals.resolve(cmd.Flags())
		},
	}
	root.CompletionOptions.DisableDefaultCmd = true
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageErrorf("%v", err) })
	a.globals.bind(root.PersistentFlags())
	setHelpWidth(root)

	root.AddCommand(
		a.createCommand(), a.getCommand(), a.sendCommand(), a.waitCommand(),
		a.newsCommand(), a.downloadCommand(), a.uploadCommand(), a.signCommand(),
		a.suggestCommand(), a.fakeCommand(),
	)
	return root
}

// setHelpWidth makes the help wrap flag descriptions at helpWidth
// columns; the rest of the help is written to fit.
func setHelpWidth(root *cobra.Command) {
	cobra.AddTemplateFunc("wrappedFlags", func(fs *pflag.FlagSet) string {
		return fs.FlagUsagesWrapped(helpWidth)
	})
	tmpl := root.UsageTemplate()
	tmpl = strings.ReplaceAll(tmpl, ".LocalFlags.FlagUsages", "wrappedFlags .LocalFlags")
	tmpl = strings.ReplaceAll(tmpl, ".InheritedFlags.FlagUsages", "wrappedFlags .InheritedFlags")
	root.SetUsageTemplate(tmpl)
}

// exactArgs accepts exactly n arguments, named in the message.
func exactArgs(names ...string) cobra.PositionalArgs {
	return rangeArgs(len(names), names...)
}

// rangeArgs accepts at least min of the arguments names.
func rangeArgs(min int, names ...string) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		switch {
		case len(args) < min:
			return usageErrorf("missing %s", strings.Join(names[len(args):min], " and "))
		case len(args) > len(names):
			return usageErrorf("unexpected argument %q", args[len(names)])
		}
		return nil
	}
}
