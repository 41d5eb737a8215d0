package stance_test

import (
	"context"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geostance/geostance/stance"
)

// fuzzSeeds returns the texts of the golden cases, plus inputs that have
// tripped text tools before: invalid UTF-8, lone surrogates, NULs, runs of
// punctuation and pronouns with no antecedent.
func fuzzSeeds(tb testing.TB) []string {
	tb.Helper()
	seeds := []string{
		"",
		" ",
		"\x00",
		"China\xff praised\xc3 Pakistan.",
		"\xed\xa0\x80 Beijing \xf4\x90\x80\x80 condemned Washington.",
		"!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
		"China, China, China, China, China and China.",
		"It praised them; they thanked it, but its allies blamed their rivals.",
		"India is closer to Russia than to the U.S., not China, unlike Japan.",
		"Sino-Pakistani-Indo-US ties, rather than Pak-China ones, improved.",
		"CHINA WARNS US AGAINST ARMS SALES TO TAIWAN",
		"Pakistan prefers China to the US over Japan over India.",
		"\"Why now?\" Beijing asked. \"Because,\" said Washington.",
	}
	return append(seeds, stance.GoldenTexts(tb)...)
}

// FuzzMentions checks that every mention lies inside its sentence, in
// order, and quotes the sentence exactly.
func FuzzMentions(f *testing.F) {
	for i, s := range fuzzSeeds(f) {
		f.Add(s, i*7)
	}
	a := newTestAnalyzer(f)
	f.Fuzz(func(t *testing.T, text string, base int) {
		base = max(base, 0) % (1 << 30) // a document offset: never negative
		ms := a.Mentions(text, base)
		prev := base
		for i, m := range ms {
			if m.Span.Start < prev || m.Span.End < m.Span.Start || m.Span.End > base+len(text) {
				t.Fatalf("Mentions(%q, %d)[%d].Span = %v: out of order or outside [%d, %d)", text, base, i, m.Span, prev, base+len(text))
			}
			if got := text[m.Span.Start-base : m.Span.End-base]; got != m.Text {
				t.Fatalf("Mentions(%q)[%d].Text = %q; the span holds %q", text, i, m.Text, got)
			}
			if m.Target == "" || m.Kind == "" {
				t.Fatalf("Mentions(%q)[%d] = %+v: empty target or kind", text, i, m)
			}
			prev = m.Span.Start
		}
	})
}

// FuzzAnalyze checks Analyze end to end on arbitrary text: spans, evidence,
// scores and labels are consistent, and Analyze agrees with
// AnalyzeSentence on each of its sentences.
func FuzzAnalyze(f *testing.F) {
	for i, s := range fuzzSeeds(f) {
		f.Add(s, i%2 == 0)
	}
	a := newTestAnalyzer(f)
	date := time.Date(2023, 5, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, text string, dated bool) {
		var opts []stance.DocOption
		if dated {
			opts = append(opts, stance.OnDate(date))
		}
		doc, err := a.Analyze(context.Background(), text, opts...)
		if err != nil {
			t.Fatalf("Analyze(%q) = %v", text, err)
		}
		prevEnd, prevIndex := 0, -1
		for i := range doc.Sentences {
			s := &doc.Sentences[i]
			sp := s.Span
			if sp.Start < prevEnd || sp.End <= sp.Start || sp.End > len(text) {
				t.Fatalf("Analyze(%q): sentence %d span %v is empty, out of order or outside the text", text, i, sp)
			}
			if s.Text != text[sp.Start:sp.End] {
				t.Fatalf("Analyze(%q): sentence %d Text = %q; span holds %q", text, i, s.Text, text[sp.Start:sp.End])
			}
			if s.Index <= prevIndex {
				t.Fatalf("Analyze(%q): sentence %d Index = %d after %d", text, i, s.Index, prevIndex)
			}
			prevEnd, prevIndex = sp.End, s.Index
			checkScore(t, a, text, "sentence", s.Score, s.Label)
			checkEvidence(t, text, sp, s.Evidence)
			mentions := 0
			for k := range s.Targets {
				tg := &s.Targets[k]
				checkScore(t, a, text, "target "+tg.ID, tg.Score, tg.Label)
				checkEvidence(t, text, sp, tg.Evidence)
				if len(tg.Mentions) == 0 {
					t.Fatalf("Analyze(%q): target %s has no mention", text, tg.ID)
				}
				for _, m := range tg.Mentions {
					if m.Target != tg.ID || m.Span.Start < sp.Start || m.Span.End > sp.End || m.Text != text[m.Span.Start:m.Span.End] {
						t.Fatalf("Analyze(%q): target %s mention %+v outside sentence %v or misquoted", text, tg.ID, m, sp)
					}
				}
				mentions += len(tg.Mentions)
			}
			if n := len(a.Mentions(s.Text, sp.Start, opts...)); n != mentions {
				t.Fatalf("Analyze(%q): sentence %d has %d target mentions; Mentions finds %d", text, i, mentions, n)
			}
			alone := a.AnalyzeSentence(s.Text, sp.Start, opts...)
			alone.Index = s.Index
			require.Equal(t, *s, alone, "Analyze(%q) sentence %d differs from AnalyzeSentence", text, i)
		}
	})
}

func checkScore(t *testing.T, a *stance.Analyzer, text, what string, score float64, label stance.Label) {
	t.Helper()
	if math.IsNaN(score) || score < -1 || score > 1 {
		t.Fatalf("Analyze(%q): %s score %v outside [-1, 1]", text, what, score)
	}
	if want := a.Label(score); label != want {
		t.Fatalf("Analyze(%q): %s label %v for score %v; thresholds give %v", text, what, label, score, want)
	}
}

func checkEvidence(t *testing.T, text string, sp stance.Span, evs []stance.Evidence) {
	t.Helper()
	for _, ev := range evs {
		if ev.Span.Start < sp.Start || ev.Span.End > sp.End || ev.Span.End < ev.Span.Start {
			t.Fatalf("Analyze(%q): evidence %q span %v outside sentence %v", text, ev.Text, ev.Span, sp)
		}
		if ev.Text != text[ev.Span.Start:ev.Span.End] {
			t.Fatalf("Analyze(%q): evidence Text = %q; span holds %q", text, ev.Text, text[ev.Span.Start:ev.Span.End])
		}
		if math.IsNaN(ev.Weight) || math.IsInf(ev.Weight, 0) {
			t.Fatalf("Analyze(%q): evidence %q weight %v", text, ev.Text, ev.Weight)
		}
	}
}
