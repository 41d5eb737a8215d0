package stance_test

import (
	"testing"

	"github.com/geostance/geostance/internal/segment"
	"github.com/geostance/geostance/stance"
)

func BenchmarkZZMentOnly(b *testing.B) {
	a := newTestAnalyzer(b)
	src := newsCorpus(b)
	mr := a.Mentioner()
	var sp []segment.Span
	var ms []stance.Mention
	for b.Loop() {
		sp = segment.Sentences(src, sp[:0])
		for _, s := range sp {
			ms = mr.AppendMentions(ms[:0], src[s.Start:s.End], s.Start)
		}
	}
}
func BenchmarkZZTokOnly(b *testing.B) {
	src := newsCorpus(b)
	var tz segment.Tokenizer
	var sp []segment.Span
	for b.Loop() {
		sp = segment.Sentences(src, sp[:0])
		for _, s := range sp {
			tz.Tokenize(src[s.Start:s.End])
		}
	}
}
