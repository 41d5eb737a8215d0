package eval

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// WriteTable writes r as readable text: the headline statistics, the
// per-class table, the confusion matrix, accuracy by tag and the worst
// errors with their evidence.
func WriteTable(w io.Writer, r *Report) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	p := func(format string, args ...any) { fmt.Fprintf(tw, format, args...) }
	p("sentences\t%d\n", r.Sentences)
	if r.Items > 0 {
		p("labelled targets\t%d\n", r.Items)
		if r.Missing > 0 {
			p("not found\t%d (%.1f%%; the analyzer did not find these targets, counted as predicted neutral)\n",
				r.Missing, 100*float64(r.Missing)/float64(r.Items))
		} else {
			p("not found\t0\n")
		}
		p("accuracy\t%s\n", num(r.Accuracy))
		p("macro-F1\t%s\n", num(r.MacroF1))
		p("Krippendorff's alpha\t%s\t(nominal; system and gold as two coders)\n", num(r.Alpha))
	}
	if r.Rated > 0 {
		p("rated items\t%d\n", r.Rated)
		p("Pearson r\t%s\n", num(r.Pearson))
		p("Spearman rho\t%s\n", num(r.Spearman))
	}
	if len(r.Classes) > 0 {
		p("\nclass\tprecision\trecall\tF1\tsupport\n")
		for _, c := range r.Classes {
			p("%s\t%s\t%s\t%s\t%d\n", c.Label, num(c.Precision), num(c.Recall), num(c.F1), c.Support)
		}
	}
	if r.Confusion != nil {
		p("\ngold \\ predicted\tnegative\tneutral\tpositive\n")
		for i, c := range Classes {
			p("%s\t%d\t%d\t%d\n", c, r.Confusion[i][0], r.Confusion[i][1], r.Confusion[i][2])
		}
	}
	if len(r.Tags) > 0 {
		p("\ntag\tn\taccuracy\n")
		for _, t := range r.Tags {
			p("%s\t%d\t%s\n", t.Tag, t.N, num(t.Accuracy))
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(r.Worst) > 0 {
		fmt.Fprintf(w, "\nworst errors:\n")
	}
	for i, e := range r.Worst {
		gold := e.Gold
		if e.Rating != nil {
			if gold != "" {
				gold += ", "
			}
			gold += fmt.Sprintf("rating %.2f", *e.Rating)
		}
		where := e.ID
		if e.File != "" && e.Line > 0 {
			where = fmt.Sprintf("%s:%d (%s)", e.File, e.Line, e.ID)
		}
		fmt.Fprintf(w, "%2d. %s\n    %s\n", i+1, where, oneLine(e.Text))
		target := e.Target
		if target == "" {
			target = "(sentence)"
		}
		fmt.Fprintf(w, "    %s: gold %s, predicted %s (%+.3f)", target, gold, e.Predicted, e.Score)
		if e.Missing {
			fmt.Fprintf(w, ", target not found")
		}
		fmt.Fprintln(w)
		for _, ev := range e.Evidence {
			fmt.Fprintf(w, "      %+.2f %q", ev.Weight, ev.Text)
			if len(ev.Rules) > 0 {
				fmt.Fprintf(w, " [%s]", strings.Join(ev.Rules, ", "))
			}
			fmt.Fprintln(w)
		}
	}
	return nil
}

// num formats an optional statistic.
func num(v *float64) string {
	if v == nil {
		return "undefined"
	}
	return fmt.Sprintf("%.3f", *v)
}

// oneLine folds the line breaks of a sentence for display.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
