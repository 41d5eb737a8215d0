package eval

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geostance/geostance/stance"
)

func TestRead(t *testing.T) {
	tests := []struct {
		name   string
		format Format
		in     string
		check  func(t *testing.T, g []Sentence)
	}{
		{
			name: "jsonl", format: JSONL,
			in: `{"id": "a", "text": "Japan praised Canada.", "labels": {"JPN": "neutral", "CAN": "positive"}, "tags": ["t1"]}` + "\n",
			check: func(t *testing.T, g []Sentence) {
				require.Len(t, g, 1)
				assert.Equal(t, []string{"t1"}, g[0].Tags)
				require.Len(t, g[0].Targets, 2)
				assert.Equal(t, "CAN", g[0].Targets[0].ID) // sorted by id
				assert.Equal(t, stance.Positive, g[0].Targets[0].Label)
				assert.False(t, g[0].Explicit())
			},
		},
		{
			name: "jsonl explicit", format: JSONL,
			in: `{"id": "b", "text": "Ms Ng thanked him.", "targets": [{"id": "ng", "start": 0, "end": 5}], "labels": {"ng": "positive"}}` + "\n",
			check: func(t *testing.T, g []Sentence) {
				require.Len(t, g[0].Targets, 1)
				assert.Equal(t, []stance.Span{{Start: 0, End: 5}}, g[0].Targets[0].Spans)
			},
		},
		{
			name: "csv", format: CSV,
			in: "id,sentence,target,start,end,text,label,tags\n" +
				"d1,0,CHN,,,China and India signed a pact.,positive,x;y\n" +
				"d1,0,IND,,,China and India signed a pact.,positive,\n" +
				"d2,0,p,0;9,2;11,Li said Li would go.,neutral,\n" +
				"d3,0,USA,,,Not coded yet.,,\n",
			check: func(t *testing.T, g []Sentence) {
				require.Len(t, g, 2)
				assert.Equal(t, "d1#0", g[0].ID)
				assert.Len(t, g[0].Targets, 2)
				assert.Equal(t, []string{"x", "y"}, g[0].Tags)
				assert.Equal(t, []stance.Span{{Start: 0, End: 2}, {Start: 9, End: 11}}, g[1].Targets[0].Spans)
			},
		},
		{
			name: "newsmtsc", format: NewsMTSC,
			in: `{"primary_gid": "g1", "sentence_normalized": "“Cruz” won.", "targets": [{"from": 1, "to": 5, "mention": "Cruz", "polarity": 6.0, "further_mentions": [{"from": 1, "to": 3}]}]}` + "\n",
			check: func(t *testing.T, g []Sentence) {
				require.Len(t, g[0].Targets, 1)
				tg := g[0].Targets[0]
				assert.Equal(t, "1:Cruz", tg.ID)
				assert.Equal(t, stance.Positive, tg.Label)
				assert.Len(t, tg.Spans, 2)
			},
		},
		{
			name: "vader", format: VADER,
			in: "1_1\t-1.5\tA grim day.\r\n1_2\t2\tA fine day.\r\n",
			check: func(t *testing.T, g []Sentence) {
				require.Len(t, g, 2)
				assert.True(t, g[0].Rated)
				assert.Equal(t, -1.5, g[0].Rating)
				assert.Equal(t, "A grim day.", g[0].Text)
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := Read(strings.NewReader(tt.in), "gold", tt.format)
			require.NoError(t, err)
			tt.check(t, g)
		})
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name   string
		format Format
		in     string
		want   []string
	}{
		{"jsonl bad label", JSONL, `{"text": "x", "labels": {"CHN": "good"}}`, []string{`gold:1: labels["CHN"]`}},
		{"jsonl no labels", JSONL, "\n" + `{"text": "x"}`, []string{"gold:2: no \"labels\""}},
		{"csv bad label", CSV, "text,target,label\nx,CHN,good\n", []string{"gold:2:7: stance: unknown label"}},
		{"csv no target column", CSV, "text,label\nx,positive\n", []string{"gold:1:1: no \"target\" column"}},
		{"csv bad span", CSV, "text,target,start,end,label\nabc,p,1,9,neutral\n", []string{"gold:2:7: span [1, 9) outside the text (3 code points)"}},
		{"csv conflicting", CSV, "id,text,target,label\na,x,CHN,positive\na,x,CHN,negative\n", []string{"gold:3:", "coded twice"}},
		{"newsmtsc polarity", NewsMTSC, `{"sentence_normalized": "ab", "targets": [{"from": 0, "to": 1, "polarity": 5.0}]}`, []string{"gold:1: targets[0]: polarity 5"}},
		{"vader rating", VADER, "1\tx\ttext\n", []string{"gold:1:3: rating \"x\""}},
		{"two errors", VADER, "1\tx\ttext\nno tabs\n", []string{"gold:1:3:", "gold:2: want ID<TAB>rating<TAB>text"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tt.in), "gold", tt.format)
			require.Error(t, err)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}

func TestDetect(t *testing.T) {
	assert.Equal(t, CSV, Detect("a.csv", nil))
	assert.Equal(t, VADER, Detect("x_GroundTruth.txt", nil))
	assert.Equal(t, NewsMTSC, Detect("dev.jsonl", []byte(`{"primary_gid": "x", "sentence_normalized": "y"}`)))
	assert.Equal(t, JSONL, Detect("gold.jsonl", []byte(`{"text": "y"}`)))
}

func TestEvaluate(t *testing.T) {
	a, err := stance.New()
	require.NoError(t, err)
	gold, err := Read(strings.NewReader(
		`{"id": "1", "text": "Japan praised Canada for its generous help.", "labels": {"CAN": "positive", "MEX": "negative"}, "tags": ["x"]}`+"\n"+
			`{"id": "2", "text": "Hi.", "targets": [{"id": "p", "start": 0, "end": 2}], "labels": {"p": "neutral"}, "ratings": {"p": 0.5}}`+"\n"),
		"gold", JSONL)
	require.NoError(t, err)
	r, err := Evaluate(context.Background(), a, gold, 5)
	require.NoError(t, err)
	assert.Equal(t, 3, r.Items)
	assert.Equal(t, 1, r.Missing, "MEX is not in the sentence: counted as predicted neutral")
	require.NotNil(t, r.Accuracy)
	assert.InDelta(t, 2.0/3, *r.Accuracy, 1e-9)
	assert.Equal(t, 1, r.Confusion[0][1], "negative predicted neutral")
	require.Len(t, r.Worst, 1)
	assert.True(t, r.Worst[0].Missing)
	assert.Equal(t, 1, r.Rated)
	assert.Nil(t, r.Pearson, "one rating: r undefined")
	require.Len(t, r.Tags, 1)
	assert.Equal(t, 2, r.Tags[0].N)

	var b strings.Builder
	require.NoError(t, WriteTable(&b, r))
	assert.Contains(t, b.String(), "counted as predicted neutral")
	assert.Contains(t, b.String(), "Pearson r             undefined")
}

func TestByteSpan(t *testing.T) {
	s := "“Cruz” won"
	sp := ByteSpan(s, stance.Span{Start: 1, End: 5})
	assert.Equal(t, "Cruz", s[sp.Start:sp.End])
	sp = ByteSpan(s, stance.Span{Start: 6, End: 10})
	assert.Equal(t, " won", s[sp.Start:sp.End])
}
