// Command geostance measures, sentence by sentence, the attitude that news,
// op-eds and diplomatic statements express toward named states.
//
// Run "geostance -h" for the subcommands, or "geostance demo" to see it work
// on the embedded sample corpus.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
