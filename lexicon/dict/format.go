package dict

import (
	"fmt"
	"path/filepath"
	"strings"
)

// Format is a dictionary file format. The zero value, Auto, asks Open,
// Read and Check to detect the format from the file name's extension.
type Format int

// The supported formats. Each is described in the package documentation.
const (
	Auto       Format = iota // detect from the extension
	LIWC                     // LIWC .dic: % legend, then word<TAB>ids
	Lexicoder                // Lexicoder .lc3: +category lines, then entries
	YAML                     // quanteda-style YAML (.yml, .yaml)
	WordStat                 // WordStat .cat: indented categories and entries
	Yoshikoder               // Yoshikoder .ykd: XML cnode/pnode tree
	TSV                      // geostance TSV: pattern<TAB>category[<TAB>weight]
)

var formatNames = [...]string{
	Auto:       "auto",
	LIWC:       "liwc",
	Lexicoder:  "lexicoder",
	YAML:       "yaml",
	WordStat:   "wordstat",
	Yoshikoder: "yoshikoder",
	TSV:        "tsv",
}

// String returns the lower-case name of f, which ParseFormat accepts.
func (f Format) String() string {
	if f >= 0 && int(f) < len(formatNames) {
		return formatNames[f]
	}
	return fmt.Sprintf("Format(%d)", int(f))
}

// formatAliases maps names and extensions (without the dot) to formats.
var formatAliases = map[string]Format{
	"auto": Auto, "": Auto,
	"liwc": LIWC, "dic": LIWC,
	"lexicoder": Lexicoder, "lc3": Lexicoder, "lcd": Lexicoder,
	"yaml": YAML, "yml": YAML, "quanteda": YAML,
	"wordstat": WordStat, "cat": WordStat,
	"yoshikoder": Yoshikoder, "ykd": Yoshikoder,
	"tsv": TSV,
}

// ParseFormat returns the format named s: a name as printed by
// Format.String, or a file extension with or without its dot ("dic",
// ".lc3", "yml"). Case is ignored.
func ParseFormat(s string) (Format, error) {
	f, ok := formatAliases[strings.ToLower(strings.TrimPrefix(strings.TrimSpace(s), "."))]
	if !ok {
		return Auto, fmt.Errorf("dict: unknown format %q (want liwc, lexicoder, yaml, wordstat, yoshikoder or tsv)", s)
	}
	return f, nil
}

// detect resolves Auto from the file name's extension.
func detect(file string, f Format) (Format, error) {
	if f != Auto {
		if f < 0 || int(f) >= len(formatNames) {
			return Auto, fmt.Errorf("dict: %s: invalid format %d", file, int(f))
		}
		return f, nil
	}
	ext := filepath.Ext(file)
	g, err := ParseFormat(ext)
	if err != nil || g == Auto {
		return Auto, fmt.Errorf("dict: %s: cannot tell the format from extension %q; give one of liwc, lexicoder, yaml, wordstat, yoshikoder, tsv", file, ext)
	}
	return g, nil
}
