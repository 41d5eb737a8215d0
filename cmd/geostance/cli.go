package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"sort"
	"strings"
	"syscall"
)

// Exit codes, as listed in the usage text.
const (
	exitOK    = 0 // success
	exitError = 1 // bad input, an unreadable file, a failed write
	exitUsage = 2 // bad flags or arguments
)

// command is one subcommand.
type command struct {
	name    string
	summary string
	usage   string // the synopsis and examples shown by -h
	run     func(ctx context.Context, env *env, args []string) error
}

// env carries the streams of one invocation.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	cmd            *command
}

// usageError marks a problem with flags or arguments (exit 2).
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// errReported means the command has already reported its problems on stderr.
var errReported = errors.New("reported")

func commands() []*command {
	return []*command{
		demoCommand,
		mentionsCommand,
		scoreCommand,
		summarizeCommand,
		plotCommand,
		sentencesCommand,
		evalCommand,
		sampleCommand,
		calibrateCommand,
		lexiconCommand,
		versionCommand,
	}
}

const mainUsage = `geostance measures the attitude that text expresses toward named states.

Usage:
  geostance <command> [flags] [FILE|-]...

Commands:
%s
Run "geostance <command> -h" for a command's flags and examples.

Input (shared by every command that reads documents):
  plain text    each file is one document, its id the file name; "-" is stdin
  JSON Lines    -in jsonl or a .jsonl file: {"id", "text", "date", ...} per line
  CSV           -in csv or a .csv file: a header row; -text-col, -id-col, -date-col

Offsets in JSON output are Unicode code points of the document text, as
Python and R index strings.

Exit codes: 0 success, 1 error (bad input, unreadable file), 2 usage.
`

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cmds := commands()
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" || args[0] == "help" {
		w := stdout
		code := exitOK
		if len(args) == 0 {
			w, code = stderr, exitUsage
		}
		printMainUsage(w, cmds)
		return code
	}
	if args[0] == "-version" || args[0] == "--version" {
		args[0] = "version"
	}
	var cmd *command
	for _, c := range cmds {
		if c.name == args[0] {
			cmd = c
		}
	}
	if cmd == nil {
		fmt.Fprintf(stderr, "geostance: unknown command %q\n", args[0])
		printMainUsage(stderr, cmds)
		return exitUsage
	}
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, cmd: cmd}
	err := cmd.run(ctx, e, args[1:])
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.Is(err, errReported):
		return exitError
	case errors.Is(err, syscall.EPIPE):
		// The reader of our output has gone away (geostance score | head):
		// not an error of ours, and nothing more can be said to it.
		return exitError
	}
	var ue *usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "geostance %s: %s\n", cmd.name, ue.msg)
		fmt.Fprintf(stderr, "Run \"geostance %s -h\" for usage.\n", cmd.name)
		return exitUsage
	}
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(stderr, "geostance: interrupted")
		return exitError
	}
	fmt.Fprintf(stderr, "geostance: %s\n", err)
	return exitError
}

func printMainUsage(w io.Writer, cmds []*command) {
	var b strings.Builder
	for _, c := range cmds {
		fmt.Fprintf(&b, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, mainUsage, b.String())
}

// newFlagSet returns a flag set whose -h prints the command's usage and
// examples followed by its flags.
func (e *env) newFlagSet() *flag.FlagSet {
	fs := flag.NewFlagSet(e.cmd.name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		out := fs.Output()
		fmt.Fprintf(out, "%s\n\nFlags:\n", strings.TrimSpace(e.cmd.usage))
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags; -h prints usage on stdout and returns flag.ErrHelp.
func (e *env) parse(fs *flag.FlagSet, args []string) error {
	for _, a := range args {
		if a == "--" {
			break
		}
		if a == "-h" || a == "-help" || a == "--help" {
			fs.SetOutput(e.stdout)
			fs.Usage()
			return flag.ErrHelp
		}
	}
	if err := fs.Parse(args); err != nil {
		return &usageError{msg: err.Error()}
	}
	return nil
}

var versionCommand = &command{
	name:    "version",
	summary: "print the version of geostance and of its data",
	usage: `Usage: geostance version

Prints the module version (from the build information) and the Go version.

Example:
  geostance version`,
	run: func(ctx context.Context, e *env, args []string) error {
		fs := e.newFlagSet()
		if err := e.parse(fs, args); err != nil {
			return err
		}
		if fs.NArg() > 0 {
			return usagef("version takes no arguments")
		}
		fmt.Fprintf(e.stdout, "geostance %s (%s)\n", version(), goVersion())
		return nil
	},
}

func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok || bi.Main.Version == "" {
		return "(devel)"
	}
	return bi.Main.Version
}

func goVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown Go"
	}
	return bi.GoVersion
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
