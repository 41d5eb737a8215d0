package stance

import (
	"bytes"
	"encoding/json"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/geostance/geostance/internal/demo"
	"github.com/geostance/geostance/internal/segment"
)

func TestTmpCG(t *testing.T) {
	mode := os.Getenv("CGMODE")
	if mode == "" {
		t.Skip()
	}
	var b strings.Builder
	for _, line := range bytes.Split(demo.Corpus(), []byte("\n")) {
		var d struct{ Text string }
		if json.Unmarshal(line, &d) != nil {
			continue
		}
		b.WriteString(d.Text)
		b.WriteString("\n\n")
	}
	src := b.String()
	a, _ := New()
	var tz segment.Tokenizer
	var sp []segment.Span
	var ms []Mention
	mr := a.Mentioner()
	runtime.GC()
	reps := 600
	if os.Getenv("CGREPS") == "0" {
		reps = 0
	}
	for r := 0; r < reps; r++ {
		sp = segment.Sentences(src, sp[:0])
		for _, s := range sp {
			if mode == "base" {
				tz.Tokenize(src[s.Start:s.End])
			} else {
				ms = mr.AppendMentions(ms[:0], src[s.Start:s.End], s.Start)
			}
		}
	}
}
