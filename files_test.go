package realty

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFileName(t *testing.T) {
	assert.Equal(t, "egrn_outdoc-1f2e.zip", FileName(FileEGRNOutdoc, "1f2e", "application/zip"))
	assert.Equal(t, "a_b_c.bin", FileName("", "a/b.c", "application/octet-stream"))
	assert.Equal(t, "extract_info_pdf-____.pdf", FileName(FileExtractInfoPDF, "файл", "application/pdf; charset=binary"))
	assert.Equal(t, "statement-____x.sig", FileName(FileStatement, "/../x", "application/x-pkcs7-signature"))
	assert.Equal(t, "x.xml", FileName("", "x", "text/xml"))
}
