package calibrate

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/geostance/geostance/internal/demo"
	"github.com/geostance/geostance/stance"
)

func BenchmarkZZModel(b *testing.B) {
	var sb strings.Builder
	for _, line := range bytes.Split(demo.Corpus(), []byte("\n")) {
		var d struct{ Text string }
		if json.Unmarshal(line, &d) == nil {
			sb.WriteString(d.Text)
			sb.WriteString("\n\n")
		}
	}
	src := sb.String()
	m, _ := Builtin()
	a, err := stance.New(stance.WithCalibrator(m))
	if err != nil {
		b.Fatal(err)
	}
	a0, _ := stance.New()
	b.Run("rules", func(b *testing.B) {
		for b.Loop() {
			a0.Analyze(context.Background(), src)
		}
	})
	b.Run("model", func(b *testing.B) {
		for b.Loop() {
			a.Analyze(context.Background(), src)
		}
	})
}
