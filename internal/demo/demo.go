// Package demo holds the sample corpus that `geostance demo` scores.
//
// The corpus is fiction written for geostance: 50 short dated news reports
// and op-eds from two invented outlets, "The Ravi Ledger" (a Pakistani daily,
// country PAK) and "Northgate Review" (an international weekly, country GBR),
// spanning January 2023 to December 2024. They follow Pakistan's balancing
// between China and the United States, with India, Afghanistan, Iran, the
// Gulf states, Russia, Türkiye, Britain and Japan in supporting roles. The
// outlets, authors, officials, quotations and figures are invented; real
// places and states are named only so that the analyzer has targets to find.
// The corpus is part of geostance and is distributed under the same licence
// as the rest of the project.
//
// The story has an arc the demo summary is meant to reveal: attitude toward
// China is warm throughout but cools in the first half of 2024 (a power
// payment dispute and an attack on Chinese engineers), attitude toward the
// United States improves through 2024 (a new aid package and
// counter-terrorism cooperation), and The Ravi Ledger writes more warmly
// about China than Northgate Review does.
//
// The data is JSON Lines, one article per line, sorted by date:
//
//	{"id": "ravi-2023-001", "date": "2023-01-09", "outlet": "The Ravi Ledger",
//	 "country": "PAK", "author": "...", "title": "...", "text": "..."}
//
// date is ISO 8601 (YYYY-MM-DD), country is the outlet's ISO 3166-1 alpha-3
// code, and text separates paragraphs with a blank line ("\n\n") and opens
// with a wire-style dateline ("ISLAMABAD, Jan. 9 — ").
package demo

import _ "embed"

// corpus is kept as raw JSON Lines rather than Go values so that the articles
// stay editable as text and can be piped to the CLI unchanged.
//
//go:embed corpus.jsonl
var corpus []byte

// Corpus returns the embedded corpus in JSON Lines (one article per line).
// The slice is shared: callers must not modify it.
func Corpus() []byte { return corpus }
