package segment

import (
	"encoding/binary"
	"math/bits"
)

// Word-at-a-time ("SIMD within a register") tests on eight bytes at once.
// Each returns a mask with the high bit set in every byte that passes.
const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
	low = 0x7f7f7f7f7f7f7f7f
)

// eqMask marks the bytes of x equal to c. It is exact: no false positives
// from borrows between bytes.
func eqMask(x uint64, c byte) uint64 {
	t := x ^ (lsb * uint64(c))
	return ^((t&low + low) | t | low)
}

// rangeMask marks the bytes of x in [lo, hi], for hi < 0x80; bytes from 0x80
// up are never marked.
func rangeMask(x uint64, lo, hi byte) uint64 {
	a := x & low
	ge := a + lsb*uint64(0x80-lo)   // high bit set where a >= lo
	gt := a + lsb*uint64(0x80-hi-1) // high bit set where a > hi
	return ge &^ gt &^ x & msb
}

// firstEq marks the bytes of x equal to c. The lowest mark is exact; marks
// above it may be false where a borrow ran on (bytes equal to c^1 after a
// c), which is all that finding the first such byte needs, and cheaper than
// eqMask.
func firstEq(x uint64, c byte) uint64 {
	t := x ^ lsb*uint64(c)
	return (t - lsb) &^ t & msb
}

// skipPlain returns the first index from i up to limit at which Split has a
// decision to make: a byte that is not plain, except a space between two
// plain bytes. It returns limit if there is none before it; limit must not
// exceed len(data).
func skipPlain(data []byte, i, limit int) int {
	for i+8 <= limit {
		x := binary.LittleEndian.Uint64(data[i:])
		// Candidates: bytes below 0x22 (spaces, controls, "!"), ".", "?"
		// and bytes from 0x80 up. Only the lowest mark of each test is
		// exact, so the loop below checks the position it finds.
		cand := (x-lsb*0x22)&^x&msb | firstEq(x, '.') | firstEq(x, '?') | x&msb
		space := firstEq(x, ' ')
		// A space needs a decision only before another candidate; the
		// shift brings each byte's follower down onto it.
		stop := cand&^space | space&(cand>>8)
		if stop == 0 {
			if space>>56 != 0 {
				i += 7 // the last byte is a space: its follower is in the next word
			} else {
				i += 8
			}
			continue
		}
		i += bits.TrailingZeros64(stop) / 8
		if c := data[i]; plain[c] {
			i++
		} else if c == ' ' && i+1 < len(data) && plain[data[i+1]] {
			i += 2
		} else {
			return i
		}
	}
	return skipPlainBytewise(data, i, limit)
}

// skipPlainBytewise is skipPlain one byte at a time: its definition, and
// what it does with the last few bytes.
func skipPlainBytewise(data []byte, i, limit int) int {
	for i < limit {
		if c := data[i]; plain[c] {
			i++
		} else if c == ' ' && i+1 < len(data) && plain[data[i+1]] {
			i += 2
		} else {
			break
		}
	}
	return min(i, limit)
}
