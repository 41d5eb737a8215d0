package jsonout

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", `"plain"`},
		{`quote " and \ slash`, `"quote \" and \\ slash"`},
		{"tab\tnew\nline\r", `"tab\tnew\nline\r"`},
		{"\x00\x1f", `"\u0000\u001f"`},
		{"bad \xff byte", `"bad \ufffd byte"`},
		{"sep \u2028 \u2029", `"sep \u2028 \u2029"`},
		{"Pakistan’s", `"Pakistan’s"`},
	}
	for _, tt := range tests {
		got := string(String(nil, tt.in))
		if got != tt.want {
			t.Errorf("String(%q) = %s; want %s", tt.in, got, tt.want)
		}
		var back string
		if err := json.Unmarshal([]byte(got), &back); err != nil {
			t.Errorf("String(%q) = %s is not valid JSON: %v", tt.in, got, err)
		}
	}
}

func TestFloat(t *testing.T) {
	tests := []struct {
		f    float64
		prec int
		want string
	}{
		{0.25, 4, "0.25"},
		{1, 4, "1"},
		{-0.00001, 4, "0"},
		{math.Copysign(0, -1), 4, "0"},
		{-0.61234, 3, "-0.612"},
		{math.NaN(), 4, "null"},
		{math.Inf(1), 4, "null"},
	}
	for _, tt := range tests {
		if got := string(Float(nil, tt.f, tt.prec)); got != tt.want {
			t.Errorf("Float(%v, %d) = %s; want %s", tt.f, tt.prec, got, tt.want)
		}
	}
}

// TestStringAgreesWithEncodingJSON checks String, whose fast path skips
// eight plain bytes at a time, against encoding/json on random text with
// every kind of byte near every position.
func TestStringAgreesWithEncodingJSON(t *testing.T) {
	alphabet := []string{"a", "Z", " ", "\"", "\\", "\n", "\t", "\x00", "\x1f", "\x7f", "é", "—", "\xff", "<", "\u2028", "~", "!"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(40) {
			if rng.IntN(3) == 0 {
				b.WriteString(alphabet[rng.IntN(len(alphabet))])
			} else {
				b.WriteByte('a' + byte(rng.IntN(26)))
			}
		}
		s := b.String()
		got := String(nil, s)
		var back string
		if err := json.Unmarshal(got, &back); err != nil {
			t.Fatalf("String(%q) = %s: not valid JSON: %v", s, got, err)
		}
		var want strings.Builder // s with each invalid byte replaced
		for _, r := range s {
			want.WriteRune(r)
		}
		if back != want.String() {
			t.Fatalf("String(%q) decodes to %q", s, back)
		}
	}
}
