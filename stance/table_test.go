package stance

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestStrTable(t *testing.T) {
	var tb strTable[int]
	assert.Zero(t, tb.get("x"), "empty table")
	want := map[string]int{}
	for i := range 5000 {
		k := fmt.Sprintf("w%d", i*7919%10007)
		if i%3 == 0 {
			k = string(rune('a'+i%26)) + k
		}
		*tb.at(k) = i + 1
		want[k] = i + 1
	}
	*tb.at("") = -1
	want[""] = -1
	assert.Equal(t, len(want), tb.len())
	for k, v := range want {
		assert.Equal(t, v, tb.get(k), "key %q", k)
	}
	for _, k := range []string{"w", "w10008", "zz", "China"} {
		assert.Zero(t, tb.get(k), "absent key %q", k)
	}
	n := 0
	tb.all(func(k string, v int) {
		assert.Equal(t, want[k], v)
		n++
	})
	assert.Equal(t, len(want), n)
}
