package realtytest

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/xml"
	"fmt"
	"strings"
	"time"

	"github.com/go-realty/realty/options"
)

// statementPDF returns the statement that the n-th signer of d signs: a
// one-page PDF that names the docflow, the file and the signer.
func statementPDF(d *docflow, person options.Person, n int) []byte {
	lines := []string{
		"Statement for state registration (realtytest)",
		"Docflow: " + d.id,
		"Type: " + d.kind.name,
		fmt.Sprintf("Signer %d, person id: %s", n, person.PersonID),
		"Cadastral number: " + cadastralNumber(d.options),
	}
	return onePagePDF(lines)
}

// extractPDF returns the printable EGRN extract of a completed docflow.
func extractPDF(d *docflow) []byte {
	return onePagePDF([]string{
		"EGRN extract (realtytest)",
		"Docflow: " + d.id,
		"Cadastral number: " + cadastralNumber(d.options),
		"Issued: " + time.Now().UTC().Format(time.RFC3339),
	})
}

// onePagePDF returns a valid one-page PDF 1.4 document that shows lines
// in Helvetica. Characters outside printable ASCII are shown as "?",
// since the standard fonts have no Cyrillic.
func onePagePDF(lines []string) []byte {
	var text bytes.Buffer
	text.WriteString("BT\n/F1 12 Tf\n16 TL\n56 786 Td\n")
	for _, line := range lines {
		fmt.Fprintf(&text, "(%s) Tj T*\n", pdfString(line))
	}
	text.WriteString("ET")

	objects := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] " +
			"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", text.Len(), text.Bytes()),
	}

	var b bytes.Buffer
	// The second line's high bytes mark the file as binary for tools
	// that guess.
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objects))
	for i, obj := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, obj)
	}
	xrefAt := b.Len()
	// Each cross-reference entry is exactly 20 bytes, end of line
	// included.
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xrefAt)
	return b.Bytes()
}

// pdfString escapes s for a PDF literal string.
func pdfString(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r > 0x7e:
			b.WriteByte('?')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// extractXML is the made-up XML extract inside an "egrn:outdoc" archive.
type extractXML struct {
	XMLName   xml.Name `xml:"urn:realtytest:egrn extract"`
	DocflowID string   `xml:"docflowId,attr"`
	Type      string   `xml:"docflowType,attr"`
	Issued    string   `xml:"issued"`
	Object    struct {
		CadastralNumber string `xml:"cadastralNumber"`
		Status          string `xml:"status"`
	} `xml:"object"`
}

// extractZIP returns the "egrn:outdoc" archive of a completed docflow: a
// ZIP holding one XML extract named after the cadastral number.
func extractZIP(d *docflow) []byte {
	cn := cadastralNumber(d.options)
	doc := extractXML{DocflowID: d.id, Type: d.kind.name, Issued: time.Now().UTC().Format(time.RFC3339)}
	doc.Object.CadastralNumber = cn
	doc.Object.Status = "registered"
	body, err := xml.MarshalIndent(doc, "", "  ")
	if err != nil {
		panic(fmt.Sprintf("realtytest: cannot encode an extract: %v", err))
	}

	name := "extract.xml"
	if cn != "" {
		name = "extract-" + strings.ReplaceAll(cn, ":", "_") + ".xml"
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	entry, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: time.Now()})
	if err == nil {
		_, _ = entry.Write([]byte(xml.Header))
		_, err = entry.Write(body)
	}
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		panic(fmt.Sprintf("realtytest: cannot build an archive: %v", err))
	}
	return b.Bytes()
}

// detachedSignature returns the made-up signature of a result file: a
// short text with the file's SHA-256, not a real CMS structure.
func detachedSignature(f *file) []byte {
	sum := sha256.Sum256(f.data)
	return fmt.Appendf(nil, "realtytest detached signature\nfile: %s\nsha256: %x\n", f.id, sum)
}
