// Package jsonout appends JSON values to byte slices without reflection,
// for the fixed record shapes geostance writes millions of times.
package jsonout

import (
	"math"
	"strconv"
	"unicode/utf8"
)

const hex = "0123456789abcdef"

// String appends s as a JSON string. Invalid UTF-8 becomes U+FFFD, as
// encoding/json does, so the output is always valid JSON.
func String(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if i+8 <= len(s) && plain8(s[i:i+8]) {
			i += 8
			continue
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		// U+2028 and U+2029 are valid JSON but break JavaScript readers.
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// plain8 reports whether the eight bytes of s are ASCII that a JSON string
// holds as they are: no control byte, quote or backslash. Each test below
// sets a high bit for some byte exactly when one byte fails it.
func plain8(s string) bool {
	x := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	const lsb, msb = 0x0101010101010101, 0x8080808080808080
	quote, backslash := x^(lsb*'"'), x^(lsb*'\\')
	control := (x - lsb*0x20) &^ x
	return (x|control|(quote-lsb)&^quote|(backslash-lsb)&^backslash)&msb == 0
}

// Int appends n.
func Int(b []byte, n int) []byte { return strconv.AppendInt(b, int64(n), 10) }

// Float appends f rounded to prec decimals, without trailing zeros; NaN and
// infinities, which JSON cannot hold, become null.
func Float(b []byte, f float64, prec int) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(b, "null"...)
	}
	if f == 0 {
		return append(b, '0') // also turns -0 into 0
	}
	start := len(b)
	b = strconv.AppendFloat(b, f, 'f', prec, 64)
	// Trim trailing zeros and a bare point: 0.2500 -> 0.25, 1.000 -> 1.
	if prec > 0 {
		end := len(b)
		for end > start && b[end-1] == '0' {
			end--
		}
		if end > start && b[end-1] == '.' {
			end--
		}
		b = b[:end]
	}
	if s := string(b[start:]); s == "-0" {
		b = append(b[:start], '0')
	}
	return b
}

// Key appends a quoted object key and a colon; key must need no escaping.
func Key(b []byte, key string) []byte {
	b = append(b, '"')
	b = append(b, key...)
	return append(b, '"', ':')
}
