package lexicon

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// gazUNMembers is the list of the 193 UN member states by ISO 3166-1 alpha-3
// code, checked against the UN's own membership list (the most recent
// admission is South Sudan, 2011).
var gazUNMembers = strings.Fields(`
	AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN
	BOL BIH BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD
	CRI CIV HRV CUB CYP CZE DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN
	FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ
	IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX
	MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM NRU
	NPL NLD NZL NIC NER NGA PRK MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT
	KOR ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM
	ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV
	UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE`)

// Documented gaps in the built-in data, each explained in the header of
// data/gazetteer.tsv.
var (
	gazNoDemonym = map[string]string{
		"DMA": `"Dominican" is the Dominican Republic's`,
		"COG": `"Congolese" is DR Congo's`,
	}
	gazNoCapital = map[string]string{
		"BEL": `"Brussels" is the EU`,
		"SGP": "city-state named like the state",
		"MCO": "city-state named like the state",
	}
)

func TestCountriesParses(t *testing.T) {
	g, err := ParseGazetteer(bytes.NewReader(gazetteerTSV), "data/gazetteer.tsv")
	if err != nil {
		t.Fatalf("ParseGazetteer(data/gazetteer.tsv):\n%v", err)
	}
	if g.Len() != Countries().Len() {
		t.Errorf("Countries().Len() = %d; want %d", Countries().Len(), g.Len())
	}
	for e := range g.Entities() {
		if e.Kind == EntityOther {
			t.Errorf("data/gazetteer.tsv:%d: %s has kind %q: a typo for state, observer, territory or org?", e.Line, e.ID, e.KindWord)
		}
	}
}

// gazKinds returns, for each entity id, the alias kinds it has.
func gazKinds(g *Gazetteer) map[string]map[AliasKind]int {
	m := make(map[string]map[AliasKind]int)
	for a := range g.Aliases() {
		for _, id := range a.IDs {
			if m[id] == nil {
				m[id] = make(map[AliasKind]int)
			}
			m[id][a.Kind]++
		}
	}
	return m
}

func TestCountriesUNMembers(t *testing.T) {
	if len(gazUNMembers) != 193 {
		t.Fatalf("reference list has %d codes; want 193", len(gazUNMembers))
	}
	g := Countries()
	kinds := gazKinds(g)
	members := make(map[string]bool)
	for _, id := range gazUNMembers {
		if members[id] {
			t.Errorf("reference list repeats %s", id)
		}
		members[id] = true
		e, ok := g.Entity(id)
		if !ok {
			t.Errorf("UN member %s missing", id)
			continue
		}
		if e.Kind != EntityState {
			t.Errorf("%s (%s) has kind %v; want state", id, e.Name, e.Kind)
		}
		k := kinds[id]
		if k[AliasName] == 0 {
			t.Errorf("%s (%s) has no name alias", id, e.Name)
		}
		if _, gap := gazNoDemonym[id]; !gap && k[AliasDemonym] == 0 {
			t.Errorf("%s (%s) has no demonym", id, e.Name)
		}
		if _, gap := gazNoCapital[id]; !gap && k[AliasCapital] == 0 {
			t.Errorf("%s (%s) has no capital", id, e.Name)
		}
	}
	for id := range gazNoDemonym {
		if kinds[id][AliasDemonym] > 0 {
			t.Errorf("%s now has a demonym: remove it from gazNoDemonym", id)
		}
	}
	for id := range gazNoCapital {
		if kinds[id][AliasCapital] > 0 {
			t.Errorf("%s now has a capital: remove it from gazNoCapital", id)
		}
	}
	for e := range g.Entities() {
		if e.Kind == EntityState && !members[e.ID] && e.ID != "TWN" && e.ID != "XKX" {
			t.Errorf("%s (%s) is declared a state but is not a UN member, Taiwan or Kosovo", e.ID, e.Name)
		}
	}
}

func TestCountriesOthers(t *testing.T) {
	g := Countries()
	for _, tt := range []struct {
		id   string
		kind EntityKind
	}{
		{"TWN", EntityState}, {"XKX", EntityState},
		{"VAT", EntityObserver}, {"PSE", EntityObserver},
		{"HKG", EntityTerritory}, {"MAC", EntityTerritory}, {"PRI", EntityTerritory}, {"GRL", EntityTerritory},
		{"EU", EntityOrg}, {"NATO", EntityOrg}, {"UN", EntityOrg}, {"ASEAN", EntityOrg}, {"SCO", EntityOrg},
		{"BRICS", EntityOrg}, {"QUAD", EntityOrg}, {"AU", EntityOrg}, {"GCC", EntityOrg},
	} {
		e, ok := g.Entity(tt.id)
		if !ok {
			t.Errorf("Entity(%q) missing", tt.id)
			continue
		}
		if e.Kind != tt.kind {
			t.Errorf("Entity(%q).Kind = %v; want %v", tt.id, e.Kind, tt.kind)
		}
	}
	// Organisation ids must never be mistaken for a country code.
	codes := make(map[string]bool)
	for _, id := range gazUNMembers {
		codes[id] = true
	}
	for e := range g.Entities() {
		if e.Kind != EntityOrg {
			codes[e.ID] = true
		}
	}
	for e := range g.Entities() {
		if e.Kind == EntityOrg && codes[e.ID] {
			t.Errorf("org id %s clashes with an ISO alpha-3 code", e.ID)
		}
		if e.ID != strings.ToUpper(e.ID) {
			t.Errorf("id %s is not upper case", e.ID)
		}
	}
}

func TestCountriesAliases(t *testing.T) {
	type want struct {
		id   string // "-" for blockers, "A+B" for two entities
		kind AliasKind
		text string
	}
	var tests []want
	add := func(id string, kind AliasKind, texts string) {
		for s := range strings.SplitSeq(texts, ";") {
			tests = append(tests, want{id, kind, strings.TrimSpace(s)})
		}
	}
	add("CHN", AliasName, "People's Republic of China; PRC")
	add("USA", AliasName, "United States; United States of America; USA; U.S.; US; U.S.A.; America")
	add("GBR", AliasName, "Britain; Great Britain; United Kingdom; UK; U.K.")
	add("TUR", AliasName, "Türkiye; Turkiye; Turkey")
	add("MMR", AliasName, "Burma; Myanmar")
	add("CIV", AliasName, "Ivory Coast; Côte d'Ivoire; Cote d'Ivoire")
	add("CZE", AliasName, "Czechia; Czech Republic")
	add("SWZ", AliasName, "Eswatini; Swaziland")
	add("PRK", AliasName, "DPRK; North Korea")
	add("KOR", AliasName, "ROK; South Korea; Republic of Korea; Korea")
	add("SAU", AliasName, "KSA; Saudi Arabia")
	add("ARE", AliasName, "UAE; U.A.E.; Emirates")
	add("RUS", AliasName, "Russian Federation")
	add("NLD", AliasName, "Holland")
	add("COG", AliasName, "Congo-Brazzaville; Republic of the Congo; Congo Republic")
	add("COD", AliasName, "DRC; DR Congo; Democratic Republic of the Congo; Congo-Kinshasa; Congo")
	add("GEO", AliasName, "Georgia")
	add("TCD", AliasName, "Chad")
	add("JOR", AliasName, "Jordan")
	add("CHN", AliasDemonym, "Chinese")
	add("PAK", AliasDemonym, "Pakistani; Pakistanis")
	add("USA", AliasDemonym, "American; Americans")
	add("GBR", AliasDemonym, "British; Briton; Britons")
	add("NLD", AliasDemonym, "Dutch")
	add("CHE", AliasDemonym, "Swiss")
	add("ARE", AliasDemonym, "Emirati; Emiratis")
	add("SAU", AliasDemonym, "Saudi; Saudis")
	add("PHL", AliasDemonym, "Filipino; Filipinos; Philippine")
	add("NER", AliasDemonym, "Nigerien")
	add("NGA", AliasDemonym, "Nigerian")
	add("DOM", AliasDemonym, "Dominican")
	add("KOR", AliasDemonym, "Korean")
	add("COD", AliasDemonym, "Congolese")
	add("CHN", AliasCapital, "Beijing")
	add("USA", AliasCapital, "Washington")
	add("IND", AliasCapital, "New Delhi; Delhi")
	add("PAK", AliasCapital, "Islamabad")
	add("RUS", AliasCapital, "Moscow")
	add("UKR", AliasCapital, "Kyiv; Kiev")
	add("TUR", AliasCapital, "Ankara")
	add("SAU", AliasCapital, "Riyadh")
	add("QAT", AliasCapital, "Doha")
	add("JPN", AliasCapital, "Tokyo")
	add("KOR", AliasCapital, "Seoul")
	add("AUS", AliasCapital, "Canberra")
	add("NZL", AliasCapital, "Wellington")
	add("LKA", AliasCapital, "Sri Jayawardenepura Kotte; Colombo")
	add("BOL", AliasCapital, "Sucre; La Paz")
	add("NLD", AliasCapital, "Amsterdam; The Hague")
	add("ZAF", AliasCapital, "Pretoria; Cape Town; Bloemfontein")
	add("MMR", AliasCapital, "Naypyidaw")
	add("CIV", AliasCapital, "Yamoussoukro; Abidjan")
	add("KAZ", AliasCapital, "Astana")
	add("NGA", AliasCapital, "Abuja")
	add("TZA", AliasCapital, "Dodoma")
	add("MYS", AliasCapital, "Kuala Lumpur; Putrajaya")
	add("ISR", AliasCapital, "Jerusalem")
	add("MDV", AliasCapital, "Malé")
	add("USA", AliasInstitution, "White House; Pentagon; State Department; Foggy Bottom; Capitol Hill")
	add("RUS", AliasInstitution, "Kremlin")
	add("CHN", AliasInstitution, "Zhongnanhai; PLA; People's Liberation Army; CPC; CCP")
	add("GBR", AliasInstitution, "Downing Street; Whitehall; Foreign Office")
	add("FRA", AliasInstitution, "Élysée; Elysee; Quai d'Orsay")
	add("IND", AliasInstitution, "South Block")
	add("PAK", AliasInstitution, "GHQ; ISI; Rawalpindi")
	add("IRN", AliasInstitution, "IRGC")
	add("ISR", AliasInstitution, "Mossad; Knesset")
	add("DEU", AliasInstitution, "Bundestag; Bundeswehr")
	add("EU", AliasInstitution, "Brussels")
	add("CHN", AliasCombining, "Sino")
	add("IND", AliasCombining, "Indo")
	add("PAK", AliasCombining, "Pak")
	add("RUS", AliasCombining, "Russo")
	add("GBR", AliasCombining, "Anglo")
	add("FRA", AliasCombining, "Franco")
	add("TUR", AliasCombining, "Turco")
	add("ITA", AliasCombining, "Italo")
	add("GRC", AliasCombining, "Greco")
	add("AUT", AliasCombining, "Austro")
	add("USA", AliasPerson, "Barack Obama; Donald Trump; Joe Biden")
	add("CHN", AliasPerson, "Xi Jinping; Xi; Wang Yi")
	add("RUS", AliasPerson, "Vladimir Putin; Putin")
	add("IND", AliasPerson, "Narendra Modi; Modi")
	add("PAK", AliasPerson, "Imran Khan; Shehbaz Sharif; Qamar Javed Bajwa")
	add("AFG+PAK", AliasCombining, "AfPak")
	add("KOR+PRK", AliasName, "Koreas")
	add("-", AliasPlace, "South China Sea; East China Sea; Indian Ocean; Gulf of Oman; Korean Peninsula; Taiwan Strait; "+
		"Sea of Japan; Latin America; South America; North America; Central America; American Samoa; Indo-Pacific; "+
		"New Mexico; New Guinea; Washington state; Washington State")
	add("-", AliasTrap, "Washington Post; Washington Times; George Washington; Denzel Washington; American Indian; "+
		"American Indians; Native American; Michael Jordan; Paris Hilton; Guinea pig; Guinea pigs; India Pale Ale; "+
		"Chinese New Year; Swiss cheese; French fries; Dutch oven; Turkish delight; Brussels sprouts")

	have := make(map[want]Alias)
	for a := range Countries().Aliases() {
		id := "-"
		if len(a.IDs) > 0 {
			id = strings.Join(a.IDs, "+")
		}
		k := want{id, a.Kind, a.Text}
		if _, dup := have[k]; !dup {
			have[k] = a
		}
	}
	for _, tt := range tests {
		if _, ok := have[tt]; !ok {
			t.Errorf("no %s alias %q for %s", tt.kind, tt.text, tt.id)
		}
	}

	for _, tt := range []struct {
		id, text    string
		from, to    string
		unambiguous bool
	}{
		{"CHN", "Xi Jinping", "2013-03-14", "", true},
		{"IND", "Narendra Modi", "2014-05-26", "", true},
		{"USA", "Barack Obama", "2009-01-20", "2017-01-20", false},
		{"USA", "Joe Biden", "2021-01-20", "2025-01-20", false},
		{"PAK", "Imran Khan", "2018-08-18", "2022-04-10", false},
		{"PAK", "Qamar Javed Bajwa", "2016-11-29", "2022-11-29", false},
	} {
		a, ok := have[want{tt.id, AliasPerson, tt.text}]
		if !ok {
			continue // reported above
		}
		if got := gazDate(a.From); got != tt.from {
			t.Errorf("%s: from = %s; want %s", tt.text, got, tt.from)
		}
		if got := gazDate(a.To); got != tt.to {
			t.Errorf("%s: to = %s; want %s", tt.text, got, tt.to)
		}
		if a.Unambiguous != tt.unambiguous {
			t.Errorf("%s: Unambiguous = %v; want %v", tt.text, a.Unambiguous, tt.unambiguous)
		}
	}
	// Donald Trump has two terms, and the gap between them is not covered.
	var terms []string
	for a := range Countries().Aliases() {
		if a.Kind == AliasPerson && a.Text == "Donald Trump" {
			terms = append(terms, gazDate(a.From)+".."+gazDate(a.To))
		}
	}
	if want := []string{"2017-01-20..2021-01-20", "2025-01-20.."}; !slices.Equal(terms, want) {
		t.Errorf("Donald Trump terms = %v; want %v", terms, want)
	}
	geo := have[want{"GEO", AliasName, "Georgia"}]
	if !geo.Ambiguous || !slices.Contains(geo.Not, "governor") || !slices.Contains(geo.Not, "atlanta") {
		t.Errorf("Georgia: Ambiguous = %v, Not = %v; want ambiguous with governor and atlanta", geo.Ambiguous, geo.Not)
	}
	if !slices.Contains(geo.Unless, "tbilisi") {
		t.Errorf("Georgia: Unless = %v; want tbilisi, which lifts the veto of atlanta", geo.Unless)
	}
	if nor := have[want{"NOR", AliasName, "Norway"}]; !slices.Contains(nor.Namesake, "signpost") || !slices.Contains(nor.Namesake, "road sign") || len(nor.Not) > 0 {
		t.Errorf("Norway: Namesake = %v, Not = %v; want signpost and the phrase road sign as a namesake's words only", nor.Namesake, nor.Not)
	}
	if !have[want{"USA", AliasCapital, "Washington"}].Ambiguous {
		t.Error("Washington is not marked ambiguous")
	}
	if v := have[want{"SYC", AliasCapital, "Victoria"}]; !v.Placed || v.Ambiguous {
		t.Errorf("Victoria: Placed = %v, Ambiguous = %v; want placed only", v.Placed, v.Ambiguous)
	}
	if m := have[want{"MDV", AliasCapital, "Male"}]; !m.Placed || !slices.Contains(m.After, "in") {
		t.Errorf("Male: Placed = %v, After = %v; want placed, and also after \"in\"", m.Placed, m.After)
	}
	if !have[want{"ISR", AliasCapital, "Tel Aviv"}].Seat || have[want{"ISR", AliasCapital, "Jerusalem"}].Seat {
		t.Error("Tel Aviv is not marked a seat, or Jerusalem is")
	}
	if c := have[want{"EU", AliasInstitution, "Brussels"}].City; c != "BEL" {
		t.Errorf("Brussels: City = %q; want BEL, whose capital it is as a place", c)
	}
}

func gazDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(gazDateLayout)
}

// TestCountriesConsistent guards the data against contradictions that the
// parser cannot see: one text naming two different entities, blockers that
// block nothing, or a blocker equal to an alias.
func TestCountriesConsistent(t *testing.T) {
	owner := make(map[string]Alias) // folded text -> first alias naming it
	var blockers []Alias
	var people []string
	for a := range Countries().Aliases() {
		switch {
		case a.Kind.Blocker():
			blockers = append(blockers, a)
			continue
		case a.Kind == AliasPerson:
			people = append(people, a.Text)
			continue // the same name may serve different entities at different times
		}
		text := gazFoldQuotes(a.Text)
		if b, ok := owner[text]; ok && !slices.Equal(a.IDs, b.IDs) && !(a.Dateline && b.Dateline) { // "State House" is each dateline's
			t.Errorf("line %d: %s %q names %v, but line %d names %v", a.Line, a.Kind, a.Text, a.IDs, b.Line, b.IDs)
			continue
		}
		owner[text] = a
	}
	texts := people
	for text := range owner {
		texts = append(texts, text)
	}
	for _, b := range blockers {
		text := gazFoldQuotes(b.Text)
		if _, ok := owner[text]; ok {
			t.Errorf("line %d: %s %q is also an alias", b.Line, b.Kind, b.Text)
		}
		if !slices.ContainsFunc(texts, func(s string) bool { return gazContainsWord(text, s) }) {
			t.Errorf("line %d: %s %q contains no alias, so it blocks nothing", b.Line, b.Kind, b.Text)
		}
	}
}

// gazContainsWord reports whether sub occurs in s at word boundaries.
func gazContainsWord(s, sub string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], sub)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(sub)
		before, _ := utf8.DecodeLastRuneInString(s[:start])
		after, _ := utf8.DecodeRuneInString(s[end:])
		if !unicode.IsLetter(before) && !unicode.IsLetter(after) { // an en dash is no letter: "Paris–Nice"
			return true
		}
		i = start + 1
	}
}

// gazStrip returns g's entities and aliases without provenance, for
// comparing gazetteers read from different files.
func gazStrip(g *Gazetteer) ([]Entity, []Alias) {
	var es []Entity
	for e := range g.Entities() {
		e.File, e.Line = "", 0
		es = append(es, e)
	}
	var as []Alias
	for a := range g.Aliases() {
		a.File, a.Line = "", 0
		as = append(as, a)
	}
	return es, as
}

func gazEqual(t *testing.T, want, got *Gazetteer) {
	t.Helper()
	we, wa := gazStrip(want)
	ge, ga := gazStrip(got)
	if !slices.Equal(we, ge) {
		t.Errorf("entities differ: %d want, %d got", len(we), len(ge))
		for i := range min(len(we), len(ge)) {
			if we[i] != ge[i] {
				t.Errorf("first difference: want %+v, got %+v", we[i], ge[i])
				break
			}
		}
	}
	eq := func(a, b Alias) bool {
		return a.Text == b.Text && slices.Equal(a.IDs, b.IDs) && a.Kind == b.Kind && a.From.Equal(b.From) &&
			a.To.Equal(b.To) && a.Unambiguous == b.Unambiguous && a.Ambiguous == b.Ambiguous && a.Placed == b.Placed && a.Seat == b.Seat && a.City == b.City && a.Dateline == b.Dateline && a.Shared == b.Shared &&
			slices.Equal(a.After, b.After) && slices.Equal(a.Not, b.Not) && slices.Equal(a.Unless, b.Unless) && slices.Equal(a.Namesake, b.Namesake) && slices.Equal(a.With, b.With)
	}
	if !slices.EqualFunc(wa, ga, eq) {
		t.Errorf("aliases differ: %d want, %d got", len(wa), len(ga))
		for i := range min(len(wa), len(ga)) {
			if !eq(wa[i], ga[i]) {
				t.Errorf("first difference: want %+v, got %+v", wa[i], ga[i])
				break
			}
		}
	}
}

func TestFormatGazetteerRoundTrip(t *testing.T) {
	g := Countries()
	var buf bytes.Buffer
	if err := FormatGazetteer(&buf, g); err != nil {
		t.Fatal(err)
	}
	h, err := ParseGazetteer(bytes.NewReader(buf.Bytes()), "formatted.tsv")
	if err != nil {
		t.Fatalf("ParseGazetteer(FormatGazetteer(Countries())):\n%v", err)
	}
	gazEqual(t, g, h)
	var again bytes.Buffer
	if err := FormatGazetteer(&again, h); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("FormatGazetteer is not stable: formatting the parsed output gives different bytes")
	}
}

func TestParseGazetteerFormat(t *testing.T) {
	src := "\uFEFF# a target file\r\n" +
		"\r\n" +
		"  # indented comment\n" +
		"XYZ\tstate\tXyzland\t# trailing note\n" +
		"XYZ\tname\tXyzland\n" +
		"XYZ\tdemonym\tXyzish\tambiguous=true\tnot=Foo|bar\n" +
		"XYZ\tperson\tAnna Xyz\tfrom=2020-01-01\tto=2024-01-01\n" +
		"XYZ\tperson\tAnna Xyz\tfrom=2024-01-01\tunambiguous=true\n" +
		"XYZ\tname\tCo\u0302te\n" + // decomposed ô, stored composed
		"ABC\tmilitia\tAbc Front\n" +
		"ABC\tname\tAbc\n" +
		"XYZ+ABC\tname\tXyzabc\n" +
		"-\tplace\tXyzland Sea\n" +
		"KIM\tperson\tKim Lee\n" +
		"KIM\tname\tKim Lee\n"
	g, err := ParseGazetteer(strings.NewReader(src), "t.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() != 3 {
		t.Errorf("Len() = %d; want 3", g.Len())
	}
	for _, tt := range []struct {
		id, name, word string
		kind           EntityKind
		line           int
	}{
		{"XYZ", "Xyzland", "state", EntityState, 4},
		{"ABC", "Abc Front", "militia", EntityOther, 10},
		{"KIM", "Kim Lee", "person", EntityPerson, 14},
	} {
		e, ok := g.Entity(tt.id)
		want := Entity{ID: tt.id, Name: tt.name, Kind: tt.kind, KindWord: tt.word, File: "t.tsv", Line: tt.line}
		if !ok || e != want {
			t.Errorf("Entity(%q) = %+v, %v; want %+v", tt.id, e, ok, want)
		}
	}
	if _, ok := g.Entity("NOPE"); ok {
		t.Error(`Entity("NOPE") found`)
	}
	var as []Alias
	for a := range g.Aliases() {
		as = append(as, a)
	}
	if len(as) != 9 {
		t.Fatalf("got %d aliases; want 9", len(as))
	}
	d := as[1]
	if d.Text != "Xyzish" || d.Kind != AliasDemonym || !d.Ambiguous || !slices.Equal(d.Not, []string{"foo", "bar"}) || d.Line != 6 {
		t.Errorf("demonym = %+v", d)
	}
	p1, p2 := as[2], as[3]
	if gazDate(p1.From) != "2020-01-01" || gazDate(p1.To) != "2024-01-01" || p1.Unambiguous {
		t.Errorf("first person = %+v", p1)
	}
	if gazDate(p2.From) != "2024-01-01" || !p2.To.IsZero() || !p2.Unambiguous {
		t.Errorf("second person = %+v", p2)
	}
	if as[4].Text != "Côte" {
		t.Errorf("text %q not NFC", as[4].Text)
	}
	if !slices.Equal(as[6].IDs, []string{"XYZ", "ABC"}) {
		t.Errorf("two-entity alias IDs = %v", as[6].IDs)
	}
	if b := as[7]; b.Kind != AliasPlace || b.IDs != nil || b.Text != "Xyzland Sea" {
		t.Errorf("blocker = %+v", b)
	}
	// The yielded slices are copies.
	for a := range g.Aliases() {
		if len(a.Not) > 0 {
			a.Not[0] = "changed"
		}
	}
	for a := range g.Aliases() {
		if slices.Contains(a.Not, "changed") {
			t.Error("Aliases yields slices shared with the gazetteer")
		}
	}
}

func TestGazetteerKindStrings(t *testing.T) {
	for k, want := range map[EntityKind]string{
		EntityOther: "other", EntityState: "state", EntityObserver: "observer", EntityTerritory: "territory",
		EntityOrg: "org", EntityPerson: "person", EntityParty: "party", EntityCompany: "company", 99: "EntityKind(99)",
	} {
		if got := k.String(); got != want {
			t.Errorf("EntityKind(%d).String() = %q; want %q", k, got, want)
		}
	}
	for k, want := range map[AliasKind]string{
		AliasName: "name", AliasDemonym: "demonym", AliasCapital: "capital", AliasInstitution: "institution",
		AliasCombining: "combining", AliasPerson: "person", AliasPlace: "place", AliasTrap: "trap", 99: "AliasKind(99)",
	} {
		if got := k.String(); got != want {
			t.Errorf("AliasKind(%d).String() = %q; want %q", k, got, want)
		}
	}
}

// gazErrorLines renders err as one line per joined error.
func gazErrorLines(err error) string {
	if err == nil {
		return ""
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var b strings.Builder
		for _, e := range j.Unwrap() {
			b.WriteString(e.Error())
			b.WriteByte('\n')
		}
		return b.String()
	}
	return err.Error() + "\n"
}

// TestParseGazetteerBadFiles parses each testdata/gazetteer/*.tsv and
// compares every reported error with the hand-written .err file beside it.
func TestParseGazetteerBadFiles(t *testing.T) {
	files, err := filepath.Glob("testdata/gazetteer/*.tsv")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test files: %v", err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".tsv")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(strings.TrimSuffix(file, ".tsv") + ".err")
			if err != nil {
				t.Fatal(err)
			}
			g, err := ParseGazetteer(bytes.NewReader(src), name+".tsv")
			if err == nil {
				t.Fatalf("ParseGazetteer(%s) = %d entities, no error; want errors", file, g.Len())
			}
			if g != nil {
				t.Errorf("ParseGazetteer(%s) returned a gazetteer with its error", file)
			}
			if got := gazErrorLines(err); got != string(want) {
				t.Errorf("ParseGazetteer(%s) errors:\n%s\nwant:\n%s", file, got, want)
			}
			var pe *ParseError
			if !errors.As(err, &pe) || pe.File != name+".tsv" || pe.Line < 1 {
				t.Errorf("errors.As(err, *ParseError) = %+v", pe)
			}
		})
	}
}

func TestParseGazetteerErrorCap(t *testing.T) {
	src := strings.Repeat("XYZ\tname\tX\n", 50)
	_, err := ParseGazetteer(strings.NewReader(src), "many.tsv")
	lines := strings.Split(strings.TrimSpace(gazErrorLines(err)), "\n")
	if len(lines) != maxErrors+1 || lines[len(lines)-1] != "many.tsv: too many errors" {
		t.Errorf("got %d error lines ending %q; want %d ending in too many errors", len(lines), lines[len(lines)-1], maxErrors+1)
	}
}

func TestGazetteerExtend(t *testing.T) {
	base := Countries()
	n := base.Len()
	custom := "# targets for a study of Argentine politics\n" +
		"MILEI\tperson\tJavier Milei\n" +
		"MILEI\tname\tJavier Milei\n" +
		"MILEI\tname\tMilei\n" +
		"MERC\torg\tMercado Común\n" +
		"MERC\tname\tMercado Común\n" +
		"ARG\tperson\tSantiago Cafiero\tfrom=2021-09-20\tto=2023-12-10\n" +
		"CHN\tname\tMiddle Kingdom\n" +
		"-\ttrap\tChina Beach\n"
	g, err := base.Extend(strings.NewReader(custom), "targets.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() != n+2 || base.Len() != n {
		t.Errorf("Len() = %d, base %d; want %d, %d", g.Len(), base.Len(), n+2, n)
	}
	if e, _ := g.Entity("MILEI"); e.Kind != EntityPerson || e.File != "targets.tsv" || e.Line != 2 {
		t.Errorf("MILEI = %+v", e)
	}
	if e, _ := g.Entity("CHN"); e.File != "data/gazetteer.tsv" {
		t.Errorf("CHN = %+v", e)
	}
	var found []string
	for a := range g.Aliases() {
		if a.File == "targets.tsv" {
			found = append(found, a.Text)
		}
	}
	if want := []string{"Javier Milei", "Milei", "Mercado Común", "Santiago Cafiero", "Middle Kingdom", "China Beach"}; !slices.Equal(found, want) {
		t.Errorf("aliases from targets.tsv = %q; want %q", found, want)
	}
	for a := range base.Aliases() {
		if a.Text == "Middle Kingdom" {
			t.Error("Extend changed the base gazetteer")
		}
	}
	var buf bytes.Buffer
	if err := FormatGazetteer(&buf, g); err != nil {
		t.Fatal(err)
	}
	h, err := ParseGazetteer(&buf, "all.tsv")
	if err != nil {
		t.Fatalf("round trip of an extended gazetteer: %v", err)
	}
	gazEqual(t, g, h)
}

func TestGazetteerExtendErrors(t *testing.T) {
	chn, _ := Countries().Entity("CHN")
	var prc Alias
	for a := range Countries().Aliases() {
		if a.Text == "PRC" {
			prc = a
		}
	}
	for _, tt := range []struct {
		name, src, want string
	}{
		{"redeclare", "CHN\tstate\tChina\n",
			"t.tsv:1:1: duplicate entity \"CHN\" (first at data/gazetteer.tsv:" + strconv.Itoa(chn.Line) + ")\n"},
		{"duplicate alias", "CHN\tname\tPRC\n",
			"t.tsv:1:10: duplicate name \"PRC\" for CHN (first at data/gazetteer.tsv:" + strconv.Itoa(prc.Line) + ")\n"},
		{"overlap", "USA\tperson\tDonald Trump\tfrom=2020-01-01\tto=2022-01-01\n",
			"t.tsv:1:12: person \"Donald Trump\" for USA overlaps the dates at data/gazetteer.tsv:"},
		{"no from", "USA\tperson\tJ. Doe\n",
			"t.tsv:1: person alias needs from=YYYY-MM-DD (to declare a new person, use an id not declared before)\n"},
		{"typo kind", "USA\tnmae\tUncle Sam\n",
			"t.tsv:1:5: unknown alias kind \"nmae\" (want name, demonym, capital, institution, combining, person, place or trap)\n"},
		{"unused", "P1\tparty\tThe Party\n",
			"t.tsv:1: entity \"P1\" has no aliases: its name is matched only when also given as a name alias\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Countries().Extend(strings.NewReader(tt.src), "t.tsv")
			if got := gazErrorLines(err); !strings.HasPrefix(got, tt.want) {
				t.Errorf("Extend(%q) errors:\n%s\nwant prefix:\n%s", tt.src, got, tt.want)
			}
		})
	}
}

func FuzzParseGazetteer(f *testing.F) {
	f.Add([]byte("XYZ\tstate\tXyzland\nXYZ\tname\tXyz\tambiguous=true\tnot=a|b\n-\ttrap\tXyz Bar\n"))
	f.Add([]byte("P\tperson\tP P\nP\tname\tP\nQ\tmilitia\tQ\nQ+P\tdemonym\tQP\n"))
	f.Add([]byte("USA\tperson\tX\tfrom=2020-01-01\tto=2019-01-01\n"))
	if files, _ := filepath.Glob("testdata/gazetteer/*.tsv"); len(files) > 0 {
		for _, file := range files {
			if src, err := os.ReadFile(file); err == nil {
				f.Add(src)
			}
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		g, err := ParseGazetteer(bytes.NewReader(src), "fuzz.tsv")
		if err != nil {
			lines := bytes.Count(src, []byte("\n")) + 1
			_ = gazErrorLines(err) // rendering must not panic
			var pe *ParseError
			if errors.As(err, &pe) && (pe.Line < 1 || pe.Line > lines) {
				t.Fatalf("error line %d outside 1..%d: %v", pe.Line, lines, pe)
			}
			return
		}
		var buf bytes.Buffer
		if err := FormatGazetteer(&buf, g); err != nil {
			t.Fatal(err)
		}
		h, err := ParseGazetteer(bytes.NewReader(buf.Bytes()), "formatted.tsv")
		if err != nil {
			t.Fatalf("formatted output does not parse: %v\n%s", err, buf.Bytes())
		}
		gazEqual(t, g, h)
	})
}

func BenchmarkParseGazetteer(b *testing.B) {
	b.SetBytes(int64(len(gazetteerTSV)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseGazetteer(bytes.NewReader(gazetteerTSV), "data/gazetteer.tsv"); err != nil {
			b.Fatal(err)
		}
	}
}
