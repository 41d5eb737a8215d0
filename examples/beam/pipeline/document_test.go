package pipeline

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geostance/geostance/stance"
)

func TestParseDocument(t *testing.T) {
	tests := []struct {
		name    string
		line    string
		want    Document
		wantErr string
	}{
		{name: "full", line: `{"id":"a","date":"2023-04-05","text":"Hi.","outlet":"Wire","rank":3,"tags":["x"]}`,
			want: Document{ID: "a", Text: "Hi.", DateRaw: "2023-04-05", Date: time.Date(2023, 4, 5, 0, 0, 0, 0, time.UTC),
				Meta: map[string]string{"outlet": "Wire", "rank": "3"}}},
		{name: "numeric id", line: `{"id":17,"text":"Hi."}`, want: Document{ID: "17", Text: "Hi."}},
		{name: "bom", line: "\uFEFF{\"id\":\"b\",\"text\":\"Hi.\"}", want: Document{ID: "b", Text: "Hi."}},
		{name: "object meta", line: `{"id":"c","text":"Hi.","src":{"a": [1, 2]}}`,
			want: Document{ID: "c", Text: "Hi.", Meta: map[string]string{"src": `{"a":[1,2]}`}}},
		{name: "targets in code points", line: `{"id":"d","text":"Ünal met Li.","targets":[{"id":"p","start":9,"end":11}]}`,
			want: Document{ID: "d", Text: "Ünal met Li.", Targets: []stance.TargetSpan{{ID: "p", Span: stance.Span{Start: 10, End: 12}}}}},
		{name: "missing id", line: `{"text":"Hi."}`, wantErr: `missing "id"`},
		{name: "bad id", line: `{"id":true,"text":"Hi."}`, wantErr: `"id" must be a string or a number`},
		{name: "missing text", line: `{"id":"e"}`, wantErr: `"text" must be a string`},
		{name: "numeric text", line: `{"id":"e","text":5}`, wantErr: `"text" must be a string`},
		{name: "bad date", line: `{"id":"f","text":"Hi.","date":"2023-02-30"}`, wantErr: `date "2023-02-30" is not YYYY-MM-DD or RFC 3339`},
		{name: "span outside", line: `{"id":"g","text":"Hi.","targets":[{"id":"p","start":1,"end":9}]}`, wantErr: "outside the text"},
		{name: "not json", line: `{"id":`, wantErr: "malformed JSON"},
		{name: "null", line: `null`, wantErr: "want an object"},
		{name: "two values", line: `{"id":"h","text":"a"} {}`, wantErr: "more than one value"},
		{name: "invalid utf8", line: "{\"id\":\"i\",\"text\":\"\xff\"}", wantErr: "invalid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseDocument([]byte(tt.line))
			if tt.wantErr != "" {
				require.Error(t, err, "ParseDocument(%q)", tt.line)
				assert.Contains(t, err.Error(), tt.wantErr)
				assert.Regexp(t, "^pipeline: ", err.Error())
				return
			}
			require.NoError(t, err, "ParseDocument(%q)", tt.line)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestScore(t *testing.T) {
	a, err := stance.New()
	require.NoError(t, err)
	d, err := ParseDocument([]byte(`{"id":"x","date":"2023-06-01","outlet":"Wire","text":"Pakistan thanked China for its help. Quiet day."}`))
	require.NoError(t, err)
	recs, err := Score(context.Background(), a, &d)
	require.NoError(t, err)
	require.NotEmpty(t, recs)
	var china *Record
	for i := range recs {
		r := &recs[i]
		assert.Equal(t, "x", r.Doc)
		assert.Equal(t, "2023-06-01", r.Date)
		assert.Equal(t, "Wire", r.Meta["outlet"])
		assert.GreaterOrEqual(t, r.Mentions, 1)
		assert.Equal(t, round4(r.Score), r.Score, "scores carry four decimals")
		if r.Target == "CHN" {
			china = r
		}
	}
	require.NotNil(t, china, "records %+v lack CHN", recs)
	assert.Equal(t, 1, china.Label, "Pakistan thanked China: label toward CHN")
	assert.Contains(t, china.Others, "PAK")

	sr, err := china.Summary()
	require.NoError(t, err)
	assert.Equal(t, time.Date(2023, 6, 1, 0, 0, 0, 0, time.UTC), sr.Date)
	bad := Record{Doc: "y", Date: "soon"}
	_, err = bad.Summary()
	assert.ErrorContains(t, err, `date "soon"`)
}

func TestRound4(t *testing.T) {
	for _, tt := range []struct{ in, want float64 }{
		{0, 0}, {0.12344, 0.1234}, {0.12346, 0.1235}, {-0.99999, -1}, {1, 1}, {-0.00001, 0},
	} {
		assert.Equal(t, tt.want, round4(tt.in), "round4(%v)", tt.in)
	}
}
