package input

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
)

// validCases are values json.Valid accepts and rejects at each step of
// the grammar: white space, literals, numbers, strings and their escapes,
// nesting and what may follow a value.
var validCases = []string{
	``, ` `, `{}`, ` { } `, `[]`, `[ ]`, `{"a":1}`, `{"a" : 1 , "b":[1,2]}`, `{"a":1,}`, `{,}`, `{"a"}`, `{"a":}`,
	`{"a":1 "b":2}`, `{1:2}`, `[1,]`, `[,1]`, `[1 2]`, `{"a":1}}`, `{"a":1}{}`, `{"a":1} x`, `{"a":1`, `[`, `{`,
	`true`, `false`, `null`, `tru`, `nul`, `True`, `nulll`, `[true,false,null]`,
	`0`, `-0`, `01`, `-`, `1.`, `1.5`, `.5`, `1e5`, `1E+5`, `1e-5`, `1e`, `1e+`, `-1.5e-10`, `2.e3`, `00`, `-01`, `1x`,
	`""`, `"a"`, `"\""`, `"\\"`, `"\/"`, `"\b\f\n\r\t"`, `"\u00e9"`, `"\u00E9"`, `"\u00g9"`, `"\u12"`, `"\x"`, `"\'"`,
	"\"a\tb\"", "\"a\nb\"", "\"\x1f\"", "\"\x7f\"", "\"é—’\"", `"abc`, `"abc\"`, `"abc\\"`, `"\`, `"\u`,
	"{\"text\":\"\xff\xfe\"}", "\t{\"a\":\r\n1}\n", "\u00a0{}", "\ufeff{}",
	`{"id":"a","text":"Pakistan and China signed a deal.","targets":[{"id":"t1","start":0,"end":8}],"n":-1.25e3}`,
	strings.Repeat("[", 10000) + strings.Repeat("]", 10000),
	strings.Repeat("[", 10001) + strings.Repeat("]", 10001),
	strings.Repeat(`{"a":`, 10000) + "1" + strings.Repeat("}", 10000),
	strings.Repeat(`{"a":`, 10001) + "1" + strings.Repeat("}", 10001),
}

func TestValidJSONAgreesWithEncodingJSON(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := validJSON([]byte(s)), json.Valid([]byte(s)); got != want {
			t.Fatalf("validJSON(%.80q) = %v; json.Valid says %v", s, got, want)
		}
	}
	for _, s := range validCases {
		check(s)
	}
	// Random mutations of valid records: a byte dropped, doubled or
	// replaced by one of JSON's own.
	pieces := []byte("{}[]\":,\\-+.0123456789eEtrufalsn \t\n\x01a")
	rng := rand.New(rand.NewPCG(5, 6))
	for range 50000 {
		b := []byte(validCases[rng.IntN(len(validCases)-4)])
		for range 1 + rng.IntN(3) {
			if len(b) == 0 {
				break
			}
			k := rng.IntN(len(b))
			switch rng.IntN(3) {
			case 0:
				b = append(b[:k], b[k+1:]...)
			case 1:
				b = append(b[:k+1], b[k:]...)
			default:
				b[k] = pieces[rng.IntN(len(pieces))]
			}
		}
		check(string(b))
	}
}

func FuzzValidJSON(f *testing.F) {
	for _, s := range validCases[:len(validCases)-4] {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := validJSON(b), json.Valid(b); got != want {
			t.Fatalf("validJSON(%q) = %v; json.Valid says %v", b, got, want)
		}
	})
}

func BenchmarkValidJSON(b *testing.B) {
	line := []byte(`{"id": "train-42", "text": "The Japan-South Korea-China trilateral summit, the first in four years, was held in Seoul on Monday, where leaders pledged to \u201cdeepen\u201d cooperation on trade, supply chains and the ageing of their populations.", "date": "2024-05-27", "outlet": "Wire"}`)
	b.SetBytes(int64(len(line)))
	b.Run("geostance", func(b *testing.B) {
		for b.Loop() {
			validJSON(line)
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		for b.Loop() {
			json.Valid(line)
		}
	})
}
