package main

import (
	"context"
	"io"
	"os"
	"testing"
)

func TestZZProfileWorkload(t *testing.T) {
	f := os.Getenv("ZZ_FILE")
	if f == "" {
		t.Skip()
	}
	if code := run(context.Background(), []string{"score", "-workers", "1", "-quiet", f}, nil, io.Discard, io.Discard); code != 0 {
		t.Fatal(code)
	}
}
