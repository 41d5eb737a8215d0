package stance_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geostance/geostance/stance"
)

// TestAnalyzerConcurrent shares one Analyzer among 8 goroutines; under
// -race this checks that analysis keeps no shared mutable state, and the
// results must equal the sequential ones.
func TestAnalyzerConcurrent(t *testing.T) {
	a := newTestAnalyzer(t)
	ctx := context.Background()
	texts := strings.Split(newsCorpus(t), "\n\n")
	want := make([]*stance.Document, len(texts))
	for i, s := range texts {
		d, err := a.Analyze(ctx, s)
		require.NoError(t, err)
		want[i] = d
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Each goroutine starts at a different text so that the
			// analyses really overlap.
			for k := range texts {
				i := (k + g*len(texts)/8) % len(texts)
				d, err := a.Analyze(ctx, texts[i])
				if !assert.NoError(t, err) || !assert.Equal(t, want[i], d, "goroutine %d, text %d", g, i) {
					return
				}
				s := d.Sentences
				for j := range s {
					alone := a.AnalyzeSentence(s[j].Text, s[j].Span.Start)
					alone.Index = s[j].Index
					if !assert.Equal(t, s[j], alone) {
						return
					}
				}
				_ = a.Mentions(texts[i], 0)
			}
		}()
	}
	wg.Wait()
}

// countdownCtx is a context that reports itself cancelled after its Err
// method has been called n times: a cancellation in the middle of a call,
// placed exactly.
type countdownCtx struct {
	context.Context
	n atomic.Int64
}

func (c *countdownCtx) Err() error {
	if c.n.Add(-1) < 0 {
		return context.Canceled
	}
	return nil
}

func TestAnalyzeCancelled(t *testing.T) {
	a := newTestAnalyzer(t)
	text := strings.Repeat(newsCorpus(t), 20)

	t.Run("before", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		doc, err := a.Analyze(ctx, text)
		assert.Nil(t, doc)
		assert.Same(t, context.Canceled, err, "Analyze must return ctx.Err() unwrapped")
	})
	t.Run("mid-document", func(t *testing.T) {
		ctx := &countdownCtx{Context: context.Background()}
		ctx.n.Store(10)
		doc, err := a.Analyze(ctx, text)
		assert.Nil(t, doc, "a cancelled analysis returns no partial document")
		assert.Same(t, context.Canceled, err)
	})
	t.Run("deadline", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), time.Nanosecond)
		defer cancel()
		<-ctx.Done()
		_, err := a.Analyze(ctx, text)
		assert.True(t, errors.Is(err, context.DeadlineExceeded), "err = %v", err)
	})
	t.Run("promptly", func(t *testing.T) {
		// A timing on a shared machine can be disturbed, so the check
		// passes if one of three attempts shows a prompt return; an
		// Analyze that ignored cancellation would fail all three.
		var last string
		for range 3 {
			if last = cancelPromptly(t, a, text); last == "" {
				return
			}
		}
		t.Error(last)
	})
}

// cancelPromptly cancels an Analyze of text part way and returns what went
// wrong, or "" if it returned context.Canceled soon after.
func cancelPromptly(t *testing.T, a *stance.Analyzer, text string) string {
	start := time.Now()
	_, err := a.Analyze(context.Background(), text)
	require.NoError(t, err)
	full := time.Since(start)
	if full < 50*time.Millisecond {
		t.Skipf("the whole text takes only %v; too short to cancel in the middle", full)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := a.Analyze(ctx, text)
		done <- err
	}()
	time.Sleep(full / 10)
	cancelled := time.Now()
	cancel()
	select {
	case err := <-done:
		if err == nil {
			return "Analyze finished before it was cancelled"
		}
		require.Same(t, context.Canceled, err)
		// One sentence is the most Analyze may run past a cancellation; a
		// generous bound for loaded machines.
		if took := time.Since(cancelled); took > 100*time.Millisecond+full/4 {
			return fmt.Sprintf("Analyze took %v to notice a cancellation (the whole text takes %v)", took, full)
		}
		return ""
	case <-time.After(10 * time.Second):
		t.Fatal("Analyze did not return after cancellation")
	}
	return ""
}
