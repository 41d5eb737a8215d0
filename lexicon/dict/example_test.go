package dict_test

import (
	"fmt"
	"strings"

	"github.com/geostance/geostance/lexicon/dict"
)

func Example() {
	const lc3 = `+positive
reliable
commend*
+negative
reckless
+neg_positive
not reliable
`
	d, err := dict.Read(strings.NewReader(lc3), "cues.lc3", dict.Auto)
	if err != nil {
		fmt.Println(err)
		return
	}
	m := d.Compile()
	tokens := strings.Fields("officials commended the reliable partner but called the other not reliable")
	var c dict.Counts
	m.Count(tokens, 0, len(tokens), &c)
	c.Each(func(cat string, n int, sum float64) {
		fmt.Printf("%s %d %.3f\n", cat, n, sum)
	})
	// Output:
	// positive 2 2.000
	// neg_positive 1 1.000
}

func ExampleCheck() {
	const dic = "%\n1\tpraise\n%\nally\t1\nally\t1\nfoe\t2\n"
	for _, err := range dict.Check(strings.NewReader(dic), "cues.dic", dict.Auto) {
		fmt.Println(err)
	}
	// Output:
	// cues.dic:5:1: duplicate entry "ally" (first at line 4)
	// cues.dic:6:5: unknown category id 2 (not in the % legend)
}

func ExampleMatcher_Match() {
	d, _ := dict.Read(strings.NewReader("hand\tbody\nhand in hand\tcoop\naccus*\tblame\n"), "cues.tsv", dict.Auto)
	tokens := strings.Fields("hand in hand they accused")
	d.Compile().Match(tokens, func(start, end int, e *dict.Entry) {
		fmt.Println(start, end, e.Pattern)
	})
	// Output:
	// 0 3 hand in hand
	// 4 5 accus*
}
