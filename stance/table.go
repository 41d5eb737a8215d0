package stance

import "math/bits"

// strTable maps strings to values for lookups on the hot path: token texts
// in the lexicon and gazetteer tries. Its hash reads a few bytes where a
// map's reads the whole string, and most lookups miss or compare one key.
// It is built once and read concurrently.
type strTable[V any] struct {
	slots   []int32 // 1 + index in entries of the first entry of each hash; 0 for none
	shift   uint8   // 64 - log2(len(slots))
	entries []tableEntry[V]
}

type tableEntry[V any] struct {
	key  string
	val  V
	next int32 // 1 + index of the next entry with the same hash; 0 for none
}

// hash mixes the length with the first, middle and last two bytes.
func (t *strTable[V]) hash(s string) int {
	n := len(s)
	if n == 0 {
		return 0
	}
	x := uint64(n) | uint64(s[0])<<8 | uint64(s[n-1])<<16 | uint64(s[n/2])<<24 |
		uint64(s[(n-1)/2])<<32 | uint64(s[n/4])<<40 | uint64(s[n-1-n/4])<<48
	return int(x * 0x9e3779b97f4a7c15 >> t.shift)
}

// get returns the value under s, or the zero value.
func (t *strTable[V]) get(s string) V {
	if len(t.slots) > 0 {
		for k := t.slots[t.hash(s)]; k != 0; {
			e := &t.entries[k-1]
			if e.key == s {
				return e.val
			}
			k = e.next
		}
	}
	var zero V
	return zero
}

// index returns the index of s among the keys in the order they were
// added, or -1.
func (t *strTable[V]) index(s string) int {
	if len(t.slots) > 0 {
		for k := t.slots[t.hash(s)]; k != 0; {
			e := &t.entries[k-1]
			if e.key == s {
				return int(k - 1)
			}
			k = e.next
		}
	}
	return -1
}

// at returns a pointer to the value under s, adding s with the zero value
// if it is missing. Pointers are valid until the next call of at.
func (t *strTable[V]) at(s string) *V {
	if len(t.slots) > 0 {
		for k := t.slots[t.hash(s)]; k != 0; {
			e := &t.entries[k-1]
			if e.key == s {
				return &e.val
			}
			k = e.next
		}
	}
	if 2*(len(t.entries)+1) > len(t.slots) {
		t.rehash(max(4, 4*len(t.slots)))
	}
	h := t.hash(s)
	t.entries = append(t.entries, tableEntry[V]{key: s, next: t.slots[h]})
	t.slots[h] = int32(len(t.entries))
	return &t.entries[len(t.entries)-1].val
}

func (t *strTable[V]) rehash(size int) {
	t.slots = make([]int32, size)
	t.shift = uint8(64 - bits.TrailingZeros(uint(size)))
	for i := range t.entries {
		e := &t.entries[i]
		h := t.hash(e.key)
		e.next, t.slots[h] = t.slots[h], int32(i+1)
	}
}

// len returns the number of keys.
func (t *strTable[V]) len() int { return len(t.entries) }

// all calls f for each key and value, in the order they were added.
func (t *strTable[V]) all(f func(string, V)) {
	for i := range t.entries {
		f(t.entries[i].key, t.entries[i].val)
	}
}
