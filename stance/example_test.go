package stance_test

import (
	"context"
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/geostance/geostance/lexicon"
	"github.com/geostance/geostance/stance"
)

// An Analyzer is built once, with the built-in lexicon and gazetteer
// unless told otherwise, and shared. Its thresholds decide the labels.
func ExampleNew() {
	a, err := stance.New()
	if err != nil {
		log.Fatal(err)
	}
	strict, err := stance.New(stance.WithThresholds(-0.5, 0.5))
	if err != nil {
		log.Fatal(err)
	}
	for _, score := range []float64{0.3, -0.6} {
		fmt.Printf("%+.3f: default %s, strict %s\n", score, a.Label(score), strict.Label(score))
	}

	_, err = stance.New(stance.WithThresholds(0.5, -0.5))
	fmt.Println(err)
	// Output:
	// +0.300: default positive, strict neutral
	// -0.600: default negative, strict negative
	// stance: thresholds must satisfy -1 <= neg < pos <= 1, got 0.5, -0.5
}

// Analyze splits a text into sentences and scores each state a sentence
// names. A speaker's own portrayal is untouched by what it says: the
// sentence reports the speaker as the Source of the others' scores.
func ExampleAnalyzer_Analyze() {
	a, err := stance.New()
	if err != nil {
		log.Fatal(err)
	}
	text := "China and Pakistan signed a landmark trade agreement. " +
		"Washington accused Islamabad of harbouring militants."
	doc, err := a.Analyze(context.Background(), text)
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range doc.Sentences {
		for _, t := range s.Targets {
			fmt.Printf("%d %s %s", s.Index, t.ID, t.Label)
			if t.Source != "" {
				fmt.Printf(" (source %s)", t.Source)
			}
			fmt.Println()
		}
	}
	// Output:
	// 0 CHN positive (source PAK)
	// 0 PAK positive (source CHN)
	// 1 USA neutral
	// 1 PAK negative (source USA)
}

// People who speak for a state are mentions of it only while in office,
// so the document's date decides whom "Rutte" stands for.
func ExampleOnDate() {
	a, err := stance.New()
	if err != nil {
		log.Fatal(err)
	}
	text := "Rutte praised the plan."
	for _, day := range []string{"2023-05-01", "2025-05-01"} {
		date, err := time.Parse(time.DateOnly, day)
		if err != nil {
			log.Fatal(err)
		}
		doc, err := a.Analyze(context.Background(), text, stance.OnDate(date))
		if err != nil {
			log.Fatal(err)
		}
		for _, t := range doc.Sentences[0].Targets {
			fmt.Println(day, t.Name)
		}
	}
	// Output:
	// 2023-05-01 Netherlands
	// 2025-05-01 NATO
}

// AnalyzeSentence scores one sentence as given. Spans are byte offsets
// into the document the sentence came from, here 100 bytes in, and every
// piece of evidence says which rules weighed it.
func ExampleAnalyzer_AnalyzeSentence() {
	a, err := stance.New()
	if err != nil {
		log.Fatal(err)
	}
	s := a.AnalyzeSentence("Beijing condemned Washington.", 100)
	fmt.Println(s.Span)
	for _, t := range s.Targets {
		fmt.Println(t.ID, t.Label, t.Mentions[0].Text, t.Mentions[0].Kind, t.Mentions[0].Span)
		for _, ev := range t.Evidence {
			fmt.Println("  ", ev.Text, ev.Span, strings.Join(ev.Rules, " "))
		}
	}
	// Output:
	// {100 129}
	// CHN neutral Beijing capital {100 107}
	// USA negative Washington capital {118 128}
	//    condemned {108 117} affect role:patient
}

// AppendMentions finds the targets of many sentences without scoring them,
// reusing one slice.
func ExampleAnalyzer_AppendMentions() {
	a, err := stance.New()
	if err != nil {
		log.Fatal(err)
	}
	var ms []stance.Mention
	for _, s := range []string{
		"ISLAMABAD: Sino-Pakistani ties were on the agenda in Washington.",
		"Denzel Washington visited Georgia, the Atlanta one.",
	} {
		ms = a.AppendMentions(ms[:0], s, 0)
		for _, m := range ms {
			fmt.Println(m.Target, m.Kind, m.Text, m.Span)
		}
	}
	// Output:
	// PAK capital ISLAMABAD {0 9}
	// CHN combining Sino {11 15}
	// PAK demonym Pakistani {16 25}
	// USA capital Washington {53 63}
}

// Targets that are not states are declared in the gazetteer format and
// added to the built-in gazetteer; here a fictional minister, scored
// beside the European Union, which the built-in gazetteer knows.
func Example_customTargets() {
	const people = "ROSSEL\tperson\tAmara Rossel\n" +
		"ROSSEL\tname\tAmara Rossel\n" +
		"ROSSEL\tname\tRossel\n"
	gaz, err := lexicon.Countries().Extend(strings.NewReader(people), "people.tsv")
	if err != nil {
		log.Fatal(err)
	}
	a, err := stance.New(stance.WithGazetteer(gaz))
	if err != nil {
		log.Fatal(err)
	}
	doc, err := a.Analyze(context.Background(),
		"The EU praised Amara Rossel for her courage. Critics said Rossel had failed the farmers.")
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range doc.Sentences {
		for _, t := range s.Targets {
			fmt.Println(s.Index, t.ID, t.Name, t.Label)
		}
	}
	// Output:
	// 0 EU European Union neutral
	// 0 ROSSEL Amara Rossel positive
	// 1 ROSSEL Amara Rossel negative
}

// WithTargets scores given spans instead of the states the gazetteer
// finds, for targets known only by their position in the text.
func ExampleWithTargets() {
	a, err := stance.New()
	if err != nil {
		log.Fatal(err)
	}
	text := "The ministry thanked the consortium for its generous help."
	start := strings.Index(text, "the consortium")
	span := stance.Span{Start: start, End: start + len("the consortium")}
	doc, err := a.Analyze(context.Background(), text,
		stance.WithTargets(stance.TargetSpan{ID: "consortium", Span: span}))
	if err != nil {
		log.Fatal(err)
	}
	for _, t := range doc.Sentences[0].Targets {
		fmt.Println(t.ID, t.Label, t.Mentions[0].Text)
	}
	// Output:
	// consortium positive the consortium
}
