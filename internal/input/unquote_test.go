package input

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestUnquoteAgreesWithEncodingJSON decodes random JSON strings, escapes of
// every kind included, both ways.
func TestUnquoteAgreesWithEncodingJSON(t *testing.T) {
	pieces := []string{`a`, `Z`, ` `, `—`, `’`, `\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`,
		`\u2014`, `\u00e9`, `\u0041`, `\uD83D\uDE00`, `\ud83d`, `\ude00`, `\uD83Dx`, `\uDE00\uD83D`,
		`\u0000`, `\uFFFF`, `\uD83D\u0041`, `é`, `😀`}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b strings.Builder
		b.WriteByte('"')
		for range rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		b.WriteByte('"')
		raw := []byte(b.String())
		if !json.Valid(raw) {
			t.Fatalf("test string %s is not valid JSON", raw)
		}
		var want string
		if err := json.Unmarshal(raw, &want); err != nil {
			t.Fatal(err)
		}
		if got := unquote(raw); got != want {
			t.Fatalf("unquote(%s) = %q, want %q", raw, got, want)
		}
	}
}
