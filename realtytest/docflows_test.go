package realtytest

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/go-realty/realty/options"
)

func TestObjectRequestRunsFromQueuedToCompletedWithRealFiles(t *testing.T) {
	srv, c := start(t)

	d := c.create("object_request", "order-1", objectRequest(), http.StatusOK)
	assert.Regexp(t, `^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`, d.DocflowID)
	assert.Equal(t, "object_request", d.DocflowType)
	assert.Equal(t, "queued", d.State)
	assert.Equal(t, "order-1", d.RequestID)
	assert.NotEmpty(t, d.UserID)
	assert.JSONEq(t, `{"type":"info","cadastralNumber":"76:23:031208:4410"}`, string(d.Options))
	assert.Nil(t, d.Requirements)
	assert.Nil(t, d.Result)

	for _, want := range []string{"sent", "completed"} {
		state, err := srv.Advance(d.DocflowID)
		require.NoError(t, err)
		assert.Equal(t, want, state)
		assert.Equal(t, want, c.get(d.DocflowID).State)
	}
	_, err := srv.Advance(d.DocflowID)
	assert.Error(t, err, "a completed docflow does not move")

	got := c.get(d.DocflowID)
	require.NotNil(t, got.Result)
	require.Len(t, got.Result.Files, 2)
	byType := map[string]int{}
	for i, f := range got.Result.Files {
		byType[f.Type] = i
		assert.Equal(t, srv.URL+"/docflows/"+d.DocflowID+"/files/"+f.ID, f.ContentLink)
		require.Len(t, f.Signatures, 1)
		sig := c.download(f.Signatures[0].ContentLink)
		assert.Equal(t, http.StatusOK, sig.status)
		assert.NotEmpty(t, sig.body)
	}

	zipFile := c.download(got.Result.Files[byType["egrn:outdoc"]].ContentLink)
	require.Equal(t, http.StatusOK, zipFile.status)
	assert.Equal(t, "application/zip", zipFile.header.Get("Content-Type"))
	assert.Equal(t, strconv.Itoa(len(zipFile.body)), zipFile.header.Get("Content-Length"))
	extract := onlyXMLIn(t, zipFile.body)
	var parsed struct {
		CadastralNumber string `xml:"object>cadastralNumber"`
	}
	require.NoError(t, xml.Unmarshal(extract, &parsed), "the extract is well-formed XML")
	assert.Equal(t, "76:23:031208:4410", parsed.CadastralNumber)

	pdf := c.download(got.Result.Files[byType["extract_info:pdf"]].ContentLink)
	require.Equal(t, http.StatusOK, pdf.status)
	assert.Equal(t, "application/pdf", pdf.header.Get("Content-Type"))
	requireValidPDF(t, pdf.body)
}

// onlyXMLIn opens a ZIP archive, requires one XML file in it and returns
// its bytes.
func onlyXMLIn(t *testing.T, archive []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(archive), int64(len(archive)))
	require.NoError(t, err)
	require.Len(t, zr.File, 1)
	assert.Regexp(t, `\.xml$`, zr.File[0].Name)
	rc, err := zr.File[0].Open()
	require.NoError(t, err)
	defer rc.Close()
	body, err := io.ReadAll(rc)
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(body, []byte("<?xml")), "%s", body)
	return body
}

// requireValidPDF checks a PDF's header, trailer and that every
// cross-reference offset points at its object.
func requireValidPDF(t *testing.T, pdf []byte) {
	t.Helper()
	require.True(t, bytes.HasPrefix(pdf, []byte("%PDF-")), "starts with %%PDF-")
	require.True(t, bytes.HasSuffix(pdf, []byte("%%EOF\n")))

	m := regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n$`).FindSubmatch(pdf)
	require.NotNil(t, m)
	xrefAt, err := strconv.Atoi(string(m[1]))
	require.NoError(t, err)
	require.True(t, bytes.HasPrefix(pdf[xrefAt:], []byte("xref\n0 ")), "startxref points at the xref table")

	entries := regexp.MustCompile(`(\d{10}) 00000 n \n`).FindAllSubmatch(pdf[xrefAt:], -1)
	require.NotEmpty(t, entries)
	for i, e := range entries {
		off, err := strconv.Atoi(string(e[1]))
		require.NoError(t, err)
		want := strconv.Itoa(i+1) + " 0 obj"
		assert.True(t, bytes.HasPrefix(pdf[off:], []byte(want)), "entry %d points at %q", i+1, want)
	}

	stream := regexp.MustCompile(`(?s)/Length (\d+) >>\nstream\n(.*?)\nendstream`).FindSubmatch(pdf)
	require.NotNil(t, stream)
	assert.Equal(t, string(stream[1]), strconv.Itoa(len(stream[2])), "the stream's /Length is exact")
}

func TestEveryTypeSpellingCreatesItsWireType(t *testing.T) {
	_, c := start(t)
	target := c.create("object_request", "target", objectRequest(), http.StatusOK).DocflowID

	cases := []struct {
		path, want string
		opts       any
		status     int
	}{
		{"object_request", "object_request", objectRequest(), 200},
		{"right_movement_request", "right_movement_request", saleRequest(), 201},
		{"rightmovement_request", "right_movement_request", saleRequest(), 201},
		{"encumbrance_request", "encumbrance_request", mortgageRequest(), 201},
		{"ecumbrance_request", "encumbrance_request", mortgageRequest(), 201},
		{"additional_packet_request", "additional_packet_request", additionalRequest(target), 200},
		{"additionalpackage_request", "additional_packet_request", additionalRequest(target), 200},
		{"additional_package_request", "additional_packet_request", additionalRequest(target), 200},
		{"equity_agreement_registration_request", "equity_agreement_registration_request", equityRequest(), 201},
		{"right_assignment_request", "right_assignment_request", assignmentRequest(), 201},
		{"cessation_encumbrance_request", "cessation_encumbrance_request", cessationRequest(), 201},
		{"cessationencumbrance_request", "cessation_encumbrance_request", cessationRequest(), 201},
		{"action_request", "action_request", actionRequest(options.ActionSuspend, target), 200},
	}
	for _, tc := range cases {
		t.Run(tc.path, func(t *testing.T) {
			d := c.create(tc.path, "r-"+tc.path, tc.opts, tc.status)
			assert.Equal(t, tc.want, d.DocflowType)
		})
	}
}

func TestRegistrationsAskEveryPartyToSign(t *testing.T) {
	_, c := start(t)
	cases := []struct {
		typ     string
		opts    any
		signers []string // personIds
	}{
		{"right_movement_request", saleRequest(), []string{"s1", "b1", "b2"}},
		{"encumbrance_request", mortgageRequest(), []string{"o1", "r1"}},
		{"equity_agreement_registration_request", equityRequest(), []string{"d1", "h1", "h2"}},
		{"right_assignment_request", assignmentRequest(), []string{"a1", "a2"}},
		{"cessation_encumbrance_request", cessationRequest(), []string{"c1", "c2", "r2"}},
	}
	for _, tc := range cases {
		t.Run(tc.typ, func(t *testing.T) {
			d := c.create(tc.typ, "r", tc.opts, http.StatusCreated)
			assert.Equal(t, "suspended", d.State)
			require.NotNil(t, d.Requirements)
			var got []string
			files := map[string]bool{}
			for _, req := range d.Requirements.Signature {
				got = append(got, req.Person.PersonID)
				require.Len(t, req.Files, 1)
				f := req.Files[0]
				assert.Equal(t, "statement", f.Type)
				assert.False(t, files[f.ID], "each signer has a statement of their own")
				files[f.ID] = true

				pdf := c.download(f.ContentLink)
				require.Equal(t, http.StatusOK, pdf.status)
				assert.Equal(t, "application/pdf", pdf.header.Get("Content-Type"))
				requireValidPDF(t, pdf.body)
			}
			assert.Equal(t, tc.signers, got)
		})
	}
}

func TestRightMovementIsSentOnlyWhenEveryStatementIsSigned(t *testing.T) {
	srv, c := start(t)
	d := c.create("right_movement_request", "sale-1", saleRequest(), http.StatusCreated)
	require.Len(t, d.Requirements.Signature, 3)
	fileOf := func(i int) string { return d.Requirements.Signature[i].Files[0].ID }

	p := requireError(t, c.call(http.MethodPost, "/docflows/"+d.DocflowID, nil), http.StatusBadRequest)
	for i := range 3 {
		assert.Contains(t, p.Message, fileOf(i), "the error names each file still to sign")
	}
	_, err := srv.Advance(d.DocflowID)
	assert.Error(t, err, "Advance does not skip the signatures")

	path := "/docflows/" + d.DocflowID + "/files/"
	assert.Equal(t, http.StatusNoContent,
		c.callRaw(http.MethodPost, path+fileOf(0)+"/signatures", "application/x-pkcs7-signature", []byte("sig0")).status)
	assert.Equal(t, http.StatusNoContent,
		c.callRaw(http.MethodPost, path+fileOf(1)+"/signatures", "application/octet-stream", []byte("sig1")).status)

	p = requireError(t, c.call(http.MethodPost, "/docflows/"+d.DocflowID, nil), http.StatusBadRequest)
	assert.Contains(t, p.Message, fileOf(2))
	assert.NotContains(t, p.Message, fileOf(0))

	up := decode[map[string]string](t,
		c.callRaw(http.MethodPost, "/contents", "application/pgp-signature", []byte("sig2")).body)
	assert.Equal(t, http.StatusCreated, c.call(http.MethodPost, path+fileOf(2)+"/signatures/"+up["id"], nil).status)

	sent := c.call(http.MethodPost, "/docflows/"+d.DocflowID, nil)
	require.Equal(t, http.StatusOK, sent.status, "%s", sent.body)
	sentDocflow := decode[wireDocflow](t, sent.body)
	assert.Equal(t, "sent", sentDocflow.State)
	assert.Nil(t, sentDocflow.Requirements, "requirements are cleared")

	state, err := srv.Advance(d.DocflowID)
	require.NoError(t, err)
	assert.Equal(t, "completed", state)
	got := c.get(d.DocflowID)
	require.Len(t, got.Result.Files, 1)
	assert.Equal(t, "egrn:outdoc", got.Result.Files[0].Type)
	onlyXMLIn(t, c.download(got.Result.Files[0].ContentLink).body)

	requireError(t, c.call(http.MethodPost, "/docflows/"+d.DocflowID, nil), http.StatusBadRequest)
}

func TestSignatureErrors(t *testing.T) {
	_, c := start(t)
	d := c.create("encumbrance_request", "m", mortgageRequest(), http.StatusCreated)
	file := d.Requirements.Signature[0].Files[0].ID
	base := "/docflows/" + d.DocflowID + "/files/"
	pdf := decode[map[string]string](t, c.callRaw(http.MethodPost, "/contents", "application/pdf", []byte("%PDF")).body)

	requireError(t, c.callRaw(http.MethodPost, "/docflows/nope/files/"+file+"/signatures",
		"application/octet-stream", []byte("s")), http.StatusNotFound)
	requireError(t, c.callRaw(http.MethodPost, base+"nope/signatures", "application/octet-stream", []byte("s")),
		http.StatusNotFound)
	requireError(t, c.call(http.MethodPost, base+file+"/signatures/nope", nil), http.StatusNotFound)
	requireError(t, c.callRaw(http.MethodPost, base+file+"/signatures", "application/octet-stream", nil),
		http.StatusBadRequest)
	requireError(t, c.call(http.MethodPost, base+file+"/signatures/"+pdf["id"], nil), http.StatusBadRequest)
	requireError(t, c.call(http.MethodGet, base+"nope", nil), http.StatusNotFound)
}

func TestPaymentSuspendsARegistrationUntilPaid(t *testing.T) {
	srv, c := start(t, WithPayment("18810000000000000001", "4000"))
	d := signedAndSent(t, c, "encumbrance_request", mortgageRequest())

	state, err := srv.Advance(d.DocflowID)
	require.NoError(t, err)
	assert.Equal(t, "suspended", state)
	got := c.get(d.DocflowID)
	require.NotNil(t, got.Requirements)
	assert.Empty(t, got.Requirements.Signature)
	require.Len(t, got.Requirements.Payment, 1)
	assert.Equal(t, "18810000000000000001", got.Requirements.Payment[0].UIN)
	assert.Equal(t, "4000", got.Requirements.Payment[0].Summ)

	for _, want := range []string{"sent", "completed"} {
		state, err := srv.Advance(d.DocflowID)
		require.NoError(t, err)
		assert.Equal(t, want, state)
	}
	got = c.get(d.DocflowID)
	assert.Nil(t, got.Requirements)
	assert.Len(t, got.Result.Files, 1)
}

// signedAndSent creates a registration docflow, signs every statement
// and sends it.
func signedAndSent(t *testing.T, c *testClient, typ string, opts any) wireDocflow {
	t.Helper()
	d := c.create(typ, "signed", opts, http.StatusCreated)
	for _, req := range d.Requirements.Signature {
		a := c.callRaw(http.MethodPost, "/docflows/"+d.DocflowID+"/files/"+req.Files[0].ID+"/signatures",
			"application/x-pkcs7-signature", []byte("signature"))
		require.Equal(t, http.StatusNoContent, a.status, "%s", a.body)
	}
	a := c.call(http.MethodPost, "/docflows/"+d.DocflowID, nil)
	require.Equal(t, http.StatusOK, a.status, "%s", a.body)
	return decode[wireDocflow](t, a.body)
}

func TestAdditionalPackageNeedsADocflowInProcessing(t *testing.T) {
	srv, c := start(t)
	sale := c.create("right_movement_request", "sale", saleRequest(), http.StatusCreated)

	accepted := c.create("additional_packet_request", "extra", additionalRequest(sale.DocflowID), http.StatusOK)
	assert.Equal(t, "queued", accepted.State)

	done := c.create("object_request", "done", objectRequest(), http.StatusOK)
	for range 2 {
		_, err := srv.Advance(done.DocflowID)
		require.NoError(t, err)
	}
	for name, target := range map[string]string{
		"completed": done.DocflowID,
		"unknown":   "7e0d4c2b-1a3f-4e5d-8c6b-9a0f1e2d3c4b",
	} {
		t.Run(name, func(t *testing.T) {
			a := c.call(http.MethodPost, "/docflows/additional_packet_request",
				map[string]any{"options": additionalRequest(target)})
			p := requireError(t, a, http.StatusBadRequest)
			assert.Equal(t, "options.docflowId", p.Target)
		})
	}
}

func TestCancelActionEndsItsTargetInError(t *testing.T) {
	srv, c := start(t)
	sale := c.create("right_movement_request", "sale", saleRequest(), http.StatusCreated)

	action := c.create("action_request", "cancel-1", actionRequest(options.ActionCancel, sale.DocflowID), http.StatusOK)
	assert.Equal(t, "queued", action.State)

	got := c.get(sale.DocflowID)
	assert.Equal(t, "error", got.State)
	require.NotNil(t, got.Error)
	assert.Equal(t, "cancelled", got.Error.Code)
	assert.Equal(t, "the parties changed their minds", got.Error.Message)
	assert.Nil(t, got.Requirements)

	for _, want := range []string{"sent", "completed"} {
		state, err := srv.Advance(action.DocflowID)
		require.NoError(t, err)
		assert.Equal(t, want, state)
	}

	p := requireError(t, c.call(http.MethodPost, "/docflows/action_request",
		map[string]any{"options": actionRequest(options.ActionCancel, sale.DocflowID)}), http.StatusBadRequest)
	assert.Equal(t, "options.docflowId", p.Target, "an ended docflow cannot be cancelled again")
	p = requireError(t, c.call(http.MethodPost, "/docflows/action_request",
		map[string]any{"options": actionRequest(options.ActionCancel, "7e0d4c2b-1a3f-4e5d-8c6b-9a0f1e2d3c4b")}),
		http.StatusBadRequest)
	assert.Equal(t, "options.docflowId", p.Target)
}

func TestSuspendActionLeavesItsTargetAlone(t *testing.T) {
	_, c := start(t)
	sale := c.create("right_movement_request", "sale", saleRequest(), http.StatusCreated)
	c.create("action_request", "suspend", actionRequest(options.ActionSuspend, sale.DocflowID), http.StatusOK)
	assert.Equal(t, "suspended", c.get(sale.DocflowID).State)
}

func TestCreateRejectsBadBodies(t *testing.T) {
	_, c := start(t)

	requireError(t, c.callRaw(http.MethodPost, "/docflows/object_request", "application/json", []byte(`{"options":`)),
		http.StatusBadRequest)
	p := requireError(t, c.call(http.MethodPost, "/docflows/object_request", map[string]any{"requestId": "x"}),
		http.StatusBadRequest)
	assert.Equal(t, "options", p.Target)
	requireError(t, c.callRaw(http.MethodPost, "/docflows/right_movement_request", "application/json",
		[]byte(`{"options":{"object":[{},{}]}}`)), http.StatusBadRequest)
	requireError(t, c.call(http.MethodPost, "/docflows/no_such_request",
		map[string]any{"options": objectRequest()}), http.StatusNotFound)
}

func TestCreateAnswersValidationProblems(t *testing.T) {
	_, c := start(t)
	bad := objectRequest()
	bad.CadastralNumber = "not a number"

	a := c.call(http.MethodPost, "/docflows/object_request", map[string]any{"options": bad})

	p := requireError(t, a, http.StatusBadRequest)
	want := bad.Validate()
	require.Error(t, want, "the options package rejects the fixture")
	var invalid *options.ValidationError
	require.ErrorAs(t, want, &invalid)
	assert.Equal(t, invalid.Problem, p, "the body is the ValidationError's Problem")
	assert.Equal(t, "validation", p.Code)
	require.NotEmpty(t, p.Errors)
	assert.Equal(t, "options.cadastralNumber", p.Errors[0].Target)
}

func TestSendOfQueuedIsANoOpAndOfEndedIs400(t *testing.T) {
	srv, c := start(t)
	d := c.create("object_request", "q", objectRequest(), http.StatusOK)

	a := c.call(http.MethodPost, "/docflows/"+d.DocflowID, nil)
	require.Equal(t, http.StatusOK, a.status)
	assert.Equal(t, "queued", decode[wireDocflow](t, a.body).State)

	require.NoError(t, srv.Fail(d.DocflowID, "rejected", "Rosreestr refused"))
	requireError(t, c.call(http.MethodPost, "/docflows/"+d.DocflowID, nil), http.StatusBadRequest)
	requireError(t, c.call(http.MethodPost, "/docflows/7e0d4c2b-1a3f-4e5d-8c6b-9a0f1e2d3c4b", nil),
		http.StatusNotFound)
}

func TestFailEndsADocflowWithAnError(t *testing.T) {
	srv, c := start(t)
	d := c.create("object_request", "f", objectRequest(), http.StatusOK)

	require.NoError(t, srv.Fail(d.DocflowID, "rejected", "no such object"))

	got := c.get(d.DocflowID)
	assert.Equal(t, "error", got.State)
	assert.Equal(t, &options.Problem{Code: "rejected", Message: "no such object"}, got.Error)
	assert.Error(t, srv.Fail(d.DocflowID, "again", "x"), "an ended docflow cannot fail again")
	assert.Error(t, srv.Fail("nope", "x", "y"))
	_, err := srv.Advance("nope")
	assert.Error(t, err)
}

func TestAutoAdvanceMovesDocflowsAsTheyArePolled(t *testing.T) {
	_, c := start(t, WithAutoAdvance())
	d := c.create("object_request", "auto", objectRequest(), http.StatusOK)

	var seen []string
	for range 4 {
		seen = append(seen, c.get(d.DocflowID).State)
	}
	assert.Equal(t, []string{"queued", "sent", "completed", "completed"}, seen)

	sale := c.create("right_movement_request", "sale", saleRequest(), http.StatusCreated)
	for range 3 {
		assert.Equal(t, "suspended", c.get(sale.DocflowID).State, "a docflow waiting for signatures stays")
	}
}

func TestWrappedDocflows(t *testing.T) {
	_, c := start(t, WithWrappedDocflows())
	create := c.call(http.MethodPost, "/docflows/object_request", map[string]any{"options": objectRequest()})
	require.Equal(t, http.StatusOK, create.status)

	var wrapped struct{ Docflow wireDocflow }
	require.NoError(t, json.Unmarshal(create.body, &wrapped))
	assert.Equal(t, "queued", wrapped.Docflow.State)

	for _, method := range []string{http.MethodGet, http.MethodPost} {
		a := c.call(method, "/docflows/"+wrapped.Docflow.DocflowID, nil)
		require.Equal(t, http.StatusOK, a.status)
		var again struct{ Docflow wireDocflow }
		require.NoError(t, json.Unmarshal(a.body, &again))
		assert.Equal(t, wrapped.Docflow.DocflowID, again.Docflow.DocflowID, method)
	}
}

func TestDocflowsAndCreatedCountRecordSubmissions(t *testing.T) {
	srv, c := start(t)
	a := c.create("object_request", "same", objectRequest(), http.StatusOK)
	b := c.create("rightmovement_request", "same", saleRequest(), http.StatusCreated)
	c.create("object_request", "other", objectRequest(), http.StatusOK)

	assert.Equal(t, 2, srv.CreatedCount("same"))
	assert.Equal(t, 0, srv.CreatedCount("none"))
	records := srv.Docflows()
	require.Len(t, records, 3)
	assert.Equal(t, Record{ID: a.DocflowID, Type: "object_request", RequestID: "same", State: "queued"}, records[0])
	assert.Equal(t, Record{ID: b.DocflowID, Type: "right_movement_request", RequestID: "same", State: "suspended"},
		records[1])
}

func TestGetOfAnUnknownDocflowIs404(t *testing.T) {
	_, c := start(t)
	requireError(t, c.call(http.MethodGet, "/docflows/7e0d4c2b-1a3f-4e5d-8c6b-9a0f1e2d3c4b", nil), http.StatusNotFound)
}
