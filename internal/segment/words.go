package segment

// Word lists used by the boundary rules and the tokenizer. They are small,
// hand-written for English news copy, and keyed by lower-case ASCII so that a
// lookup never allocates (see lowerKey).

// abbrevClass says how a word written with a final period behaves at a
// potential sentence end.
type abbrevClass uint8

const (
	notAbbrev abbrevClass = iota
	// clsTitle words stand before a name ("Gen. Munir"): never a sentence end
	// when written with an initial capital.
	clsTitle
	// clsOther words end a sentence only when the next word is a typical
	// sentence starter ("... and Co. The firm ...").
	clsOther
	// clsNever words introduce what follows ("e.g. China"): never an end.
	clsNever
)

// abbrevs lists the abbreviations known to both the splitter and the
// tokenizer, without their final period.
var abbrevs = map[string]abbrevClass{
	// Titles and ranks, including South Asian and military usage.
	"mr": clsTitle, "mrs": clsTitle, "ms": clsTitle, "mx": clsTitle, "messrs": clsTitle,
	"dr": clsTitle, "prof": clsTitle, "rev": clsTitle, "hon": clsTitle, "rt": clsTitle,
	"gen": clsTitle, "gens": clsTitle, "lt": clsTitle, "col": clsTitle, "maj": clsTitle,
	"capt": clsTitle, "cpt": clsTitle, "adm": clsTitle, "sgt": clsTitle, "cpl": clsTitle,
	"brig": clsTitle, "cmdr": clsTitle, "cdr": clsTitle, "cdre": clsTitle, "sqn": clsTitle,
	"ldr": clsTitle, "wg": clsTitle, "flt": clsTitle, "sen": clsTitle, "sens": clsTitle,
	"rep": clsTitle, "reps": clsTitle, "gov": clsTitle, "pres": clsTitle, "amb": clsTitle,
	"insp": clsTitle, "supt": clsTitle, "fr": clsTitle, "mme": clsTitle, "mlle": clsTitle,
	"sh": clsTitle, "smt": clsTitle, "adv": clsTitle, "engr": clsTitle, "atty": clsTitle,
	"cllr": clsTitle, "sec": clsTitle,

	// Words that introduce what follows.
	"e.g": clsNever, "i.e": clsNever, "cf": clsNever, "viz": clsNever, "vs": clsNever, "v": clsNever,

	// Everything else: companies, dates, places, measures, references.
	"etc": clsOther, "inc": clsOther, "ltd": clsOther, "co": clsOther, "corp": clsOther,
	"plc": clsOther, "llc": clsOther, "bros": clsOther, "pvt": clsOther, "intl": clsOther,
	"jan": clsOther, "feb": clsOther, "mar": clsOther, "apr": clsOther, "jun": clsOther,
	"jul": clsOther, "aug": clsOther, "sep": clsOther, "sept": clsOther, "oct": clsOther,
	"nov": clsOther, "dec": clsOther, "mon": clsOther, "tue": clsOther, "tues": clsOther,
	"wed": clsOther, "thu": clsOther, "thur": clsOther, "thurs": clsOther, "fri": clsOther,
	"sat": clsOther, "sun": clsOther, "approx": clsOther, "est": clsOther, "ave": clsOther,
	"blvd": clsOther, "rd": clsOther, "st": clsOther, "mt": clsOther, "ft": clsOther,
	"no": clsOther, "nos": clsOther, "vol": clsOther, "vols": clsOther, "jr": clsOther,
	"sr": clsOther, "dept": clsOther, "univ": clsOther, "assn": clsOther, "govt": clsOther,
	"rs": clsOther, "ca": clsOther, "al": clsOther, "fig": clsOther, "figs": clsOther,
	"pp": clsOther, "art": clsOther, "dist": clsOther, "addl": clsOther, "natl": clsOther,
	"dy": clsOther, "excl": clsOther, "incl": clsOther,

	// US states as news agencies abbreviate them in datelines ("PANAMA
	// CITY, Fla. (AP) —"); those that are English words too ("Ill.",
	// "Wash.", "Mass.") are left out, so that a sentence may end in one.
	"ala": clsOther, "ariz": clsOther, "ark": clsOther, "calif": clsOther, "colo": clsOther,
	"conn": clsOther, "fla": clsOther, "ga": clsOther, "kan": clsOther, "ky": clsOther,
	"md": clsOther, "mich": clsOther, "minn": clsOther, "mont": clsOther, "neb": clsOther,
	"nev": clsOther, "okla": clsOther, "tenn": clsOther, "tex": clsOther, "vt": clsOther,
	"va": clsOther, "wis": clsOther, "wyo": clsOther,
}

// maxAbbrev is the length of the longest key in abbrevs.
const maxAbbrev = 6

// starters are words that usually open a sentence. After an acronym or an
// abbreviation of class clsOther, a capitalised starter marks a sentence end
// ("aid to the U.S. The talks ..."), while any other word continues it ("the
// U.S. Navy"). Keys are lower-case; the word in the text must be capitalised.
var starters = map[string]bool{
	"the": true, "a": true, "an": true, "it": true, "its": true, "he": true, "she": true,
	"they": true, "we": true, "i": true, "you": true, "this": true, "that": true,
	"these": true, "those": true, "there": true, "their": true, "his": true, "her": true,
	"our": true, "my": true, "your": true, "but": true, "and": true, "or": true, "so": true,
	"yet": true, "however": true, "in": true, "on": true, "at": true, "for": true,
	"from": true, "with": true, "without": true, "after": true, "before": true,
	"during": true, "since": true, "when": true, "while": true, "if": true, "as": true,
	"although": true, "though": true, "despite": true, "meanwhile": true, "also": true,
	"still": true, "now": true, "then": true, "thus": true, "hence": true,
	"instead": true, "earlier": true, "later": true, "last": true, "next": true,
	"both": true, "some": true, "many": true, "most": true, "several": true, "few": true,
	"such": true, "other": true, "another": true, "each": true, "every": true, "all": true,
	"any": true, "what": true, "who": true, "why": true, "how": true, "where": true,
	"which": true, "whether": true, "under": true, "unlike": true, "among": true,
	"amid": true, "according": true, "asked": true, "speaking": true,
	"separately": true, "yesterday": true, "today": true, "tomorrow": true,
	"officials": true, "analysts": true, "not": true, "neither": true, "only": true,
	"even": true, "indeed": true, "moreover": true, "furthermore": true,
	"nevertheless": true, "nonetheless": true, "overall": true, "finally": true,
	"here": true, "mr": true, "mrs": true, "ms": true, "no": true, "one": true,
}

// connectors are lower-case words after which a line cannot end a sentence:
// a hard-wrapped line ending in one of them continues on the next line.
var connectors = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "to": true, "in": true, "on": true,
	"at": true, "for": true, "and": true, "or": true, "but": true, "by": true,
	"with": true, "from": true, "as": true, "that": true, "than": true, "its": true,
	"their": true, "his": true, "her": true, "our": true, "was": true, "were": true,
	"is": true, "are": true, "has": true, "have": true, "had": true, "be": true,
	"been": true, "will": true, "would": true, "said": true, "into": true,
	"between": true, "against": true, "over": true, "under": true, "after": true,
	"before": true, "who": true, "which": true, "this": true, "not": true,
	"amid": true, "about": true,
}

// speechVerbs follow a quoted question or exclamation inside the same
// sentence: `"Why now?" Khan asked.`
var speechVerbs = map[string]bool{
	"said": true, "says": true, "asked": true, "asks": true, "added": true,
	"wrote": true, "told": true, "tweeted": true, "wondered": true, "demanded": true,
	"replied": true, "insisted": true, "remarked": true, "shouted": true,
	"declared": true, "questioned": true, "posted": true,
}

// tlds are the top-level domains accepted for bare domain names such as
// dawn.com (URLs with a scheme or "www." need no list).
var tlds = map[string]bool{
	"com": true, "org": true, "net": true, "gov": true, "edu": true, "int": true,
	"mil": true, "info": true, "io": true, "news": true, "tv": true, "co": true,
	"pk": true, "in": true, "cn": true, "uk": true, "us": true, "ae": true, "sa": true,
	"qa": true, "bd": true, "lk": true, "np": true, "af": true, "ir": true, "tr": true,
	"ru": true, "de": true, "fr": true, "eu": true, "jp": true, "kr": true, "za": true,
	"ng": true, "ke": true, "eg": true, "br": true, "mx": true, "ar": true, "cl": true,
	"au": true, "ca": true, "hk": true, "sg": true, "my": true, "id": true, "ph": true,
}

// lowerKey lower-cases an ASCII word into buf for a map lookup. It reports
// false for words that are too long or not ASCII letters, dots and
// apostrophes: none of the lists hold such words.
func lowerKey(buf *[16]byte, w []byte) ([]byte, bool) {
	if len(w) == 0 || len(w) > len(buf) {
		return nil, false
	}
	for i, c := range w {
		switch {
		case 'a' <= c && c <= 'z', c == '.':
			buf[i] = c
		case 'A' <= c && c <= 'Z':
			buf[i] = c + 'a' - 'A'
		default:
			return nil, false
		}
	}
	return buf[:len(w)], true
}
