// Custom-targets scores attitude toward targets that are not states: the
// European Union and NATO, which the built-in gazetteer already knows as
// organisations, and two fictional politicians declared in targets.tsv
// (entity kind "person", with the aliases that refer to them).
//
// Run it from the repository root:
//
//	go run ./examples/custom-targets
//
// The CLI reads the same file:
//
//	geostance score -targets examples/custom-targets/targets.tsv FILE
package main

import (
	"context"
	_ "embed"
	"fmt"
	"log"
	"strings"

	"github.com/geostance/geostance/lexicon"
	"github.com/geostance/geostance/stance"
)

//go:embed targets.tsv
var targets string

const text = `The EU praised Sunniva Orlek for her courage. ` +
	`Havran accused NATO of provoking a crisis. ` +
	`The EU and NATO signed a new cooperation agreement. ` +
	`Critics said Bertil Havran had failed his voters.`

func main() {
	// Extend returns a new gazetteer: the built-in one is shared and never
	// changes, so other Analyzers keep seeing only states and organisations.
	gaz, err := lexicon.Countries().Extend(strings.NewReader(targets), "targets.tsv")
	if err != nil {
		log.Fatal(err) // errors read targets.tsv:line:col: msg
	}
	a, err := stance.New(
		stance.WithGazetteer(gaz),
		stance.OnlyTargets("EU", "NATO", "ORLEK", "HAVRAN"),
	)
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
			kind := "target"
			if e, ok := gaz.Entity(t.ID); ok {
				kind = e.Kind.String()
			}
			fmt.Printf("   %-14s %-7s %-8s %+.2f\n", t.Name, kind, t.Label, t.Score)
		}
	}
}
