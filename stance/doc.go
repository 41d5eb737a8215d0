// Package stance measures, sentence by sentence, the attitude a text
// expresses toward each state (or other target) it names, and explains
// every score with the evidence that produced it.
//
// The attitude of a sentence toward a state is how favourably it portrays
// that state:
//
//   - Positive: the state is praised, thanked, trusted, helpful or
//     successful, or a party to cooperation the sentence presents well.
//     "X and Y signed a landmark accord" is positive for both.
//   - Negative: the state is blamed, accused, aggressive, unreliable or
//     failing, or a party to hostility. "X and Y traded accusations" is
//     negative for both.
//   - Neutral: the state is merely named, a place, a victim, or a speaker
//     whose own portrayal the sentence leaves alone. In "Beijing condemned
//     Washington" China is neutral and the United States negative; China
//     is reported as the [Target.Source] of that attitude.
//
// Comparatives split: "closer to A than to B" is positive for A and
// negative for B.
//
// States are found by the gazetteer ([lexicon.Countries]): names,
// demonyms, capitals and institutions used as metonyms ("the Kremlin"),
// combining forms ("Sino-Pakistani"), and leaders while in office. The
// words that carry attitude come from the lexicon ([lexicon.English]): an
// affect channel of evaluative words and a cooperation–conflict channel of
// relations between parties, plus modifiers (negators, boosters, contrast
// words, hedges, conditions, reporting verbs, comparative frames).
//
// # Quick start
//
//	a, err := stance.New() // built-in lexicon and gazetteer
//	if err != nil {
//		log.Fatal(err)
//	}
//	doc, err := a.Analyze(ctx, text, stance.OnDate(published))
//	if err != nil {
//		return err // only ctx.Err()
//	}
//	for _, s := range doc.Sentences {
//		for _, t := range s.Targets {
//			fmt.Println(t.ID, t.Label, t.Score, t.Source)
//			for _, ev := range t.Evidence {
//				fmt.Println("  ", ev.Text, ev.Weight, ev.Rules, ev.File, ev.Line)
//			}
//		}
//	}
//
// [OnDate] lets aliases that are valid only between two dates (heads of
// state, foreign ministers) match; without it they match only when their
// gazetteer line says they are unambiguous. To score people, parties or
// companies, extend the gazetteer with [lexicon.Gazetteer.Extend] and pass
// it [WithGazetteer]; to score spans you already know, pass them to
// Analyze [WithTargets]. [OnlyTargets] limits the output to some targets
// while still recognising the others, and [TargetedOnly] spares the work
// on sentences that name none of them.
//
// # Concurrency
//
// An [Analyzer] is immutable after [New] and safe for concurrent use by
// multiple goroutines: build one and share it. The [Document] and
// [Sentence] values it returns belong to the caller. Analyze checks its
// context between sentences and returns ctx.Err() unwrapped.
//
// # Offsets
//
// Every [Span] in the Go API is a half-open range of byte offsets into the
// text passed to [Analyzer.Analyze] (for [Analyzer.AnalyzeSentence], into
// the document the sentence came from: the base argument is added). The
// geostance command converts them to Unicode code points, as Python and R
// index strings, in everything it writes.
//
// # Evidence
//
// Each [Evidence] is one lexicon cue, with the lexicon file and line it
// came from and its Weight after every rule. A two-word set phrase keeps
// its sense with a word of degree inside it ("exchanged heavy fire", "fell
// well short"). [Target.Raw] is the sum of
// the weights given to a target; the sentence's own Raw sums every cue,
// whoever it is about. Rules lists what shaped the weight, in the order
// applied:
//
//   - affect: an evaluative word, weighted -4 to +4.
//   - relation: an event or state between parties on the
//     cooperation–conflict channel, whose -10 to +10 weight (after
//     Goldstein's scale) is divided by 2.5 to sit on the affect scale.
//   - negated: a negator ("not", "failed to", "far from") stands up to six
//     tokens before the cue in its clause, with no punctuation between. It
//     multiplies a favourable cue by its own negative weight; an
//     unfavourable cue keeps only a quarter of that, because "did not
//     condemn" is at most faint approval, and a reproach not uttered
//     ("India did not condemn Russia") is given to no one. A failing of
//     the doer's own under "never" ("has never missed a payment") keeps
//     0.6 of it: a trait of character. A negator
//     stops at the first unfavourable cue it reaches unless a list or an
//     "of" carries it on ("not afraid to succeed", "without fear of
//     delays"), does not reach into a clause opened by "when", "because",
//     "after" or a relative pronoun, and a negated negator cancels ("will
//     not give up on the accord"); "nor" after "neither" goes on negating.
//   - boosted, dampened: an intensifier ("deeply") or softener ("a bit")
//     right before the cue scales it by one plus its weight.
//   - after-W, before-W: a contrast word W such as "but", "yet" or
//     "however" opens a clause that weighs more (×1.5 for "but") and the
//     clauses before it weigh less (×0.5 for "but").
//   - under-W: a concessive word W such as "although" or "despite" opens a
//     subordinate clause, up to the next comma, that weighs less.
//   - outweighed: the target is judged the other way, by a cue given to
//     it directly, in the clause that prevails (after "but" or "yet", or
//     the main clause rather than an "although" clause), so this cue of
//     the overridden clause keeps a quarter of its weight.
//   - conditional: the cue stands in a clause opened by a condition ("if",
//     "as long as"), up to the next comma, and weighs less; so does the
//     clause right after such a condition when a modal says it is what the
//     condition would bring ("If Washington lifts the sanctions, ties could
//     improve").
//   - hedged: the cue's clause holds a hedge ("allegedly", "could",
//     "appears to"), which weakens the whole clause once.
//   - role:agent, role:patient, role:mutual, role:any: whom the cue was
//     given to, by the role its lexicon entry declares. An agent cue
//     evaluates the doer or possessor ("China's aid", "aid from China"), a
//     patient cue whom it is done to or said about ("accused Pakistan"), a
//     mutual cue every party of its clause except places and victims ("X
//     and Y signed an accord"), unless the relation is named as a time
//     or setting ("during the 1971 war", "in the early weeks of the
//     war"), whose parties the clause does not name; a cue of any role
//     goes to the nearest
//     target, the one before it on a tie. Relation entries with no role
//     are mutual. Targets joined by "and" or commas share what one gets.
//     A cooperative mutual cue that finds only one party weighs half:
//     who the unnamed partner is decides whether it is praise. A
//     possessive right before a cue ("Obama's impeachment", "Pyongyang's
//     reckless launches") marks whom a patient cue, or a harmful agent or
//     any-role cue, is about.
//     The possessor of a noun of giving or friendship ("Manila's largest
//     donor", "Kyiv's allies") is the one given to or befriended: the cue
//     goes to the giver or the friend, and a friend the clause does not
//     name ("China's all-weather friend can stop India") gets it not.
//     A patient cue before "each other" or "one another" goes to the
//     doers themselves, as a mutual one ("Greece and Türkiye accused
//     each other"). A patient verb that ends the sentence in a short tag
//     after a comma (", some analysts warn.") has no object: the target
//     before the comma is not what it is done to.
//   - passive: a patient cue in the passive voice ("was praised by ...")
//     goes to the target before it, not to the one after "by".
//   - sole-target: no target was in reach of the cue, but the sentence
//     names only one, which gets the cue at three quarters of its weight.
//     A relation ("talks", "war") is not passed on so: it needs its
//     parties named.
//   - in-target: the cue lies inside a target span given with
//     [WithTargets] ("the disgraced former mayor"), and so describes
//     that target alone. Only lower-case words count there: a
//     capitalised one is part of a name. So does an act of brokering
//     joined to a state's name by a hyphen ("a China-brokered deal",
//     "US-mediated talks").
//   - regarded-as: the cue follows "as" after a verb of regarding and
//     its object ("sees New Delhi as its principal partner", "described
//     Ottawa as a reliable friend"), and so describes that object, not
//     who regards it, whatever the cue's role. So does a word a verb of
//     naming gives its object ("calling the Ukrainian claims
//     fabrications"); when the object names no target, the word goes
//     neither to who named it ("a delay lawmakers in Taipei called
//     unacceptable") nor, after ", calling", to anyone.
//   - summary: the cue is a noun set after a comma that sums up what the
//     clause before it reports, the verb with which someone judged it, or
//     what that verb calls it ("..., a retaliation Vilnius dismissed as
//     crude bullying", "..., an offer Maputo welcomed as timely"): it is
//     about the act, and so about the clause's doer, not the judge. A
//     claim a speaker is reported to have made ("accused the UAE of ...,
//     a charge Abu Dhabi dismissed as baseless") is left to the usual
//     search.
//   - hypothetical: a harm under "any" ("in the wake of any armed
//     conflict", "will answer any aggression") is not said to have
//     happened, so it weighs nothing; nor does a good act that someone is
//     urged to do ("urged Dhaka to protect all its citizens", "called on
//     Islamabad to cooperate").
//   - A cue that qualifies the circumstances a clause happens amid ("amid
//     a worsening geo-political situation") is no one's doing: it counts
//     for the sentence only.
//   - opposed: an evil that a verb of opposing acts against ("dismantled
//     a terrorist cell", "tackling corruption") portrays no one by itself;
//     the one who acts against it is credited with half its weight.
//   - formerly: what was once said or once so ("once hailed as the crown
//     jewel", "Greece, once the eurozone's basket case, ...") is set
//     against what is so now, and weighs nothing; so does what a quarrel
//     did, said of it as it is ended ("ending a dispute that had soured
//     ties for a decade").
//   - counterfactual: a favourable comparative in a "would be ... if"
//     sentence ("would be a more credible leader if it spent more")
//     implies the target falls short now, so the cue counts against it.
//   - other-clause: the cue's clause names no target ("..., which has
//     grown fast"); the nearest target before it gets half its weight.
//   - comparative: a comparative ("more", "closer", "safer", an "-er" form
//     of a lexicon adjective) when nothing else in the clause carried
//     attitude; the preferred side gets its sign, the side after "than",
//     "rather than", "unlike" or "over" the opposite. A verb of
//     surpassing ("outpaced", "overtook") is a marker too: its object is
//     the side compared against, or in the passive ("was overtaken by
//     India") its subject. When the preferred side is where a leaning
//     goes ("warmer toward China than toward America", "looks to
//     Washington rather than Beijing"), the one who leans is no side.
//   - cleft: a cleft after a contrast or a concession puts a target in
//     focus as the one who does what the others did not ("Although Paris
//     signed the declaration, it is Warsaw that has delivered the tanks";
//     "..., yet it is Beijing that has been delivering ports"): the focus
//     gets a credit of 1 (times its clause's weight). A target the cleft
//     sets aside ("it was New Zealand, not Canberra, that") is left to the
//     comparison.
//   - comparative:opposite: the side compared against gets the opposite of
//     what the preferred side received, shared among its targets. When
//     that evidence goes against the comparative itself ("Greece, once
//     the eurozone's basket case, is now growing faster than Italy"), the
//     comparative decides, as under comparative. Words of amount take
//     their direction from what they count ("less dependent", "more
//     nerve"); "no country ... more than Jordan" prefers the side after
//     the marker to all. Who finds or regards ("Dhaka has found in
//     Beijing a more generous lender than ...") is no side: the one found
//     is preferred. The side compared against is the target right
//     after the marker and those joined to it by "and", "or" or a comma
//     ("than Uganda or Tanzania"), not one named later in the clause
//     ("than Riyadh in embracing Israel"); against everyone else ("more
//     than any other country") the preferred side is judged alone.
//
// A possessive pronoun can carry evidence: in "Pakistan thanked China for
// its support", "its" stands for China, the nearest target before it in
// its clause, so "support" counts toward China; a demonym ("Pakistani
// officials") and the side a comparison sets aside ("New Delhi, not
// Islamabad") are passed over. "He", "his", "she" and
// "her" stand for the nearest person named before them (a leader in the
// gazetteer, or a target given by span), unless a name that is no target
// stands between them. A partner named by its tie after "with its"
// ("ties with its neighbour", "cooperation with its ally") stands for
// the target named last before the pronoun that is not the pronoun's own:
// "flew to Tokyo to deepen cooperation with its partner" is about Japan.
// Such evidence has no rule of its own, and the pronoun is not listed
// among the target's [Target.Mentions].
//
// A speaker is kept out of what it says: the subject of a reporting verb
// ("condemned", "said"), the target after "according to" and the one
// named in an inverted attribution (", said Iran's envoy") become the
// [Target.Source] of the other targets, and take evidence only as a party
// to a relation that names no two other parties ("Pakistan announced a
// trade agreement with China": both positive). A target after "against", "on", "in", "to" and
// similar markers is a place or a victim: relations and agent cues pass it
// over, and other cues prefer any other target. For a reciprocal relation
// between exactly two targets, each is reported as the other's Source.
// A cooperative relation named as what a dispute or a statement is
// about, after "over", "about" or "on" ("traded barbs over the arms
// control treaty", "spoke about the partnership", "no willingness to
// compromise on the corridor"), is a subject, not an event between the
// parties, and is given to no one. A hostile one there is kept: "over its
// invasion of Ukraine" still says who invaded.
//
// # Labels
//
// A target's Raw sum r is squashed into a Score in (-1, 1) by
// r / sqrt(r² + 4): one cue of weight 2 gives about 0.71, and the score
// nears ±1 as cues add up. A Score at or above [DefaultPositive] (0.2) is
// [Positive], at or below [DefaultNegative] (-0.2) [Negative], and
// [Neutral] in between, so a raw sum must reach about ±0.41 to count.
// [WithThresholds] sets other thresholds; [Analyzer.Label] applies them to
// any score. The zero Label is Neutral.
//
// # Calibration
//
// The rules above are fixed, and a research team's own coding may draw the
// line between neutral and negative elsewhere, or weigh hedges and
// speakers differently. Package
// [github.com/geostance/geostance/stance/calibrate] fits a model to
// sentences the team has labelled by hand, from the [Features] the
// analyzer computes for each target; an Analyzer built [WithCalibrator]
// then scores and labels targets with that model, while the evidence is
// reported as before; the model's own grounds, the inputs its label rests
// on, are in [Target.Reasons]. [WithFeatures] fills in [Target.Features] without a
// model, for fitting one. The package's Builtin model is fitted on
// geostance's own labelled sentences about states; on new sentences of
// that kind it agrees with a human coder more often than the rules alone.
package stance
