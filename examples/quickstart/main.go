// Quickstart scores a short news text with the built-in lexicon and
// gazetteer, then prints, for every state each sentence names, the label,
// the score in [-1, 1], the state whose view the sentence reports (if it
// says), and the words that moved the score, with the rules that weighed
// them.
//
// Run it from the repository root:
//
//	go run ./examples/quickstart
package main

import (
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/geostance/geostance/stance"
)

const text = `China and Pakistan signed a landmark agreement on power plants. ` +
	`Washington accused Islamabad of dragging its feet on reforms. ` +
	`Pakistani officials thanked the United States for flood relief.`

func main() {
	// One Analyzer serves any number of texts and goroutines: build it once.
	a, err := stance.New()
	if err != nil {
		log.Fatal(err)
	}
	doc, err := a.Analyze(context.Background(), text)
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range doc.Sentences {
		fmt.Printf("%d: %s\n", s.Index, s.Text)
		for _, t := range s.Targets {
			fmt.Printf("   %-13s %-8s %+.2f", t.Name, t.Label, t.Score)
			if t.Source != "" {
				fmt.Printf("  (source %s)", t.Source)
			}
			fmt.Println()
			for _, ev := range t.Evidence {
				fmt.Printf("      %-10q %+.2f  %s\n", ev.Text, ev.Weight, strings.Join(ev.Rules, " "))
			}
		}
	}
}
