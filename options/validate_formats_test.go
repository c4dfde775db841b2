package options

import (
	"regexp"
	"testing"
)

// documentedFormats are the regular expressions of the reference that the
// hand-written formats implement.
var documentedFormats = []struct {
	name string
	re   *regexp.Regexp
	f    format
}{
	{"cadastral", regexp.MustCompile(`^\d{2}:\d{2}:\d{6,7}:\d+$`), cadastralFormat},
	{"snils", regexp.MustCompile(`^\d{3}-?\d{3}-?\d{3}\s?\d{2}$`), snilsFormat},
	{"issuer code", regexp.MustCompile(`^\d{3}-?\d{3}$`), issuerCodeFormat},
	{"inn", regexp.MustCompile(`^\d{10}$`), innFormat},
	{"kpp", regexp.MustCompile(`^\d{9}$`), kppFormat},
	{"ogrn", regexp.MustCompile(`^(\d{13}|\d{15})$`), ogrnFormat},
	{"guid", regexp.MustCompile(`^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$`), guidFormat},
	{"decimal", regexp.MustCompile(`^\d+([.,]\d+)?$`), decimalFormat},
	{"whole", regexp.MustCompile(`^\d+$`), wholeFormat},
}

var formatSamples = []string{
	"", "1", "12", "47:14:1203001:814", "47:14:120300:8", "47:14:12030011:8", "47:14:1203001:",
	"4:14:1203001:8", "47-14-1203001-814", "000-000-000 55", "00000000055", "000-000-000-55",
	"000000000 55", "000-000-000\t55", "000-000-000  55", "123-123", "123123", "12-3123",
	"1234567890", "123456789", "1234567890123", "123456789012345", "12345678901234",
	"2f745e33-020e-4e4b-8d3c-0b145fafc6c4", "2F745E33-020E-4E4B-8D3C-0B145FAFC6C4",
	"2f745e33020e4e4b8d3c0b145fafc6c4", "2f745e33-020e-4e4b-8d3c-0b145fafc6c", "g2745e33-020e-4e4b-8d3c-0b145fafc6c4",
	"56", "56.5", "56,5", "56.", ".5", "5.5.5", "٣٣", "１２３", "12\n", "\n12",
}

func TestFormatsAgreeWithTheDocumentedExpressions(t *testing.T) {
	for _, df := range documentedFormats {
		for _, s := range formatSamples {
			if got, want := df.f.ok(s), df.re.MatchString(s); got != want {
				t.Errorf("%s(%q) = %v, the expression says %v", df.name, s, got, want)
			}
		}
	}
}

func FuzzFormats(f *testing.F) {
	for _, s := range formatSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, df := range documentedFormats {
			if got, want := df.f.ok(s), df.re.MatchString(s); got != want {
				t.Errorf("%s(%q) = %v, the expression says %v", df.name, s, got, want)
			}
		}
	})
}
