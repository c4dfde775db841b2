package realty_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-realty/realty"
	"github.com/go-realty/realty/options"
	"github.com/go-realty/realty/realtytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeClient starts a realtytest server and a client logged in to it.
func fakeClient(t *testing.T, opts ...realtytest.Option) (*realtytest.Server, *realty.Client) {
	t.Helper()
	srv := realtytest.NewServer(opts...)
	t.Cleanup(srv.Close)
	c, err := realty.NewClient(
		realty.WithBaseURL(srv.URL),
		realty.WithCredentials(realtytest.DefaultLogin, realtytest.DefaultPassword, realtytest.DefaultAccountID),
		realty.WithRetry(3, time.Millisecond, 10*time.Millisecond),
	)
	require.NoError(t, err)
	return srv, c
}

// fixture reads testdata/create/TYPE.json into the options of its type.
func fixture(t testing.TB, typ realty.DocflowType) (string, options.Options) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "create", string(typ)+".json"))
	require.NoError(t, err)
	var body struct {
		RequestID string          `json:"requestId"`
		Options   json.RawMessage `json:"options"`
	}
	require.NoError(t, json.Unmarshal(raw, &body))
	opts, ok := typ.NewOptions()
	require.True(t, ok)
	require.NoError(t, json.Unmarshal(body.Options, opts))
	return body.RequestID, opts
}

var fastPoll = realty.PollInterval(10*time.Millisecond, 20*time.Millisecond)

func TestEndToEndObjectRequest(t *testing.T) {
	_, c := fakeClient(t, realtytest.WithAutoAdvance())
	ctx := context.Background()
	requestID, opts := fixture(t, realty.ObjectRequest)

	d, err := c.Docflows.Create(ctx, realty.ObjectRequest, requestID, opts)
	require.NoError(t, err)
	assert.Equal(t, realty.StateQueued, d.State)
	assert.Equal(t, requestID, d.RequestID)

	d, err = c.Docflows.Wait(ctx, d.ID, fastPoll)
	require.NoError(t, err)
	require.Equal(t, realty.StateCompleted, d.State)
	require.NotNil(t, d.Result)

	dir := t.TempDir()
	paths, err := c.Files.SaveResult(ctx, d, dir)
	require.NoError(t, err)
	var sawZip, sawPDF bool
	for _, p := range paths {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		switch filepath.Ext(p) {
		case ".zip":
			sawZip = true
			zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
			require.NoError(t, err)
			require.NotEmpty(t, zr.File)
			f, err := zr.File[0].Open()
			require.NoError(t, err)
			xml, err := io.ReadAll(f)
			require.NoError(t, err)
			assert.Contains(t, string(xml), opts.(*options.ObjectRequest).CadastralNumber)
		case ".pdf":
			sawPDF = true
			assert.True(t, bytes.HasPrefix(data, []byte("%PDF-")))
		}
	}
	assert.True(t, sawZip && sawPDF, "saved %v", paths)

	decoded, err := d.DecodeOptions()
	require.NoError(t, err)
	assert.Equal(t, opts, decoded)
}

// signAll uploads a signature for every file each party must sign.
func signAll(t *testing.T, c *realty.Client, d *realty.Docflow) {
	t.Helper()
	require.NotNil(t, d.Requirements)
	require.NotEmpty(t, d.Requirements.Signature)
	for _, req := range d.Requirements.Signature {
		for _, f := range req.Files {
			sig := strings.NewReader("signature of " + req.Person.Surname + " on " + f.ID)
			require.NoError(t, c.Signatures.Upload(context.Background(), d.ID, f.ID, sig))
		}
	}
}

func TestEndToEndRegistration(t *testing.T) {
	srv, c := fakeClient(t, realtytest.WithPayment("00000000700486290714", "2000"))
	ctx := context.Background()
	requestID, opts := fixture(t, realty.RightMovementRequest)

	d, err := c.Docflows.Create(ctx, "rightmovement_request", requestID, opts)
	require.NoError(t, err)
	assert.Equal(t, realty.StateSuspended, d.State)
	assert.Equal(t, realty.RightMovementRequest, d.Type)
	assert.Len(t, d.Requirements.Signature, 3, "seller and two buyers")

	_, err = c.Docflows.Send(ctx, d.ID)
	require.ErrorIs(t, err, realty.ErrValidation, "sending before signing")

	// The statement is a real file to sign.
	statement, err := c.Files.Download(ctx, d.ID, d.Requirements.Signature[0].Files[0].ID)
	require.NoError(t, err)
	head := make([]byte, 5)
	_, err = io.ReadFull(statement, head)
	require.NoError(t, err)
	require.NoError(t, statement.Close())
	assert.Equal(t, "%PDF-", string(head))

	signAll(t, c, d)
	d, err = c.Docflows.Send(ctx, d.ID)
	require.NoError(t, err)
	assert.Equal(t, realty.StateSent, d.State)

	_, err = srv.Advance(d.ID)
	require.NoError(t, err)
	d, err = c.Docflows.Wait(ctx, d.ID, fastPoll)
	require.NoError(t, err)
	require.Equal(t, realty.StateSuspended, d.State)
	require.Len(t, d.Requirements.Payment, 1)
	assert.Equal(t, "2000", d.Requirements.Payment[0].Amount)

	_, err = srv.Advance(d.ID) // paid
	require.NoError(t, err)
	_, err = srv.Advance(d.ID)
	require.NoError(t, err)
	d, err = c.Docflows.Get(ctx, d.ID)
	require.NoError(t, err)
	assert.Equal(t, realty.StateCompleted, d.State)
	require.NotEmpty(t, d.Result.Files)
	assert.Equal(t, realty.FileEGRNOutdoc, d.Result.Files[0].Type)
}

func TestEndToEndEveryType(t *testing.T) {
	srv, c := fakeClient(t)
	ctx := context.Background()

	// The parent that additional packages and actions refer to.
	_, parentOpts := fixture(t, realty.ObjectRequest)
	parent, err := c.Docflows.Create(ctx, realty.ObjectRequest, "parent", parentOpts)
	require.NoError(t, err)

	for _, typ := range []realty.DocflowType{
		realty.ObjectRequest, realty.EncumbranceRequest, realty.RightMovementRequest,
		realty.AdditionalPackageRequest, realty.EquityAgreementRegistrationRequest,
		realty.RightAssignmentRequest, realty.CessationEncumbranceRequest, realty.ActionRequest,
	} {
		t.Run(string(typ), func(t *testing.T) {
			requestID, opts := fixture(t, typ)
			switch o := opts.(type) {
			case *options.AdditionalPackageRequest:
				o.DocflowID = parent.ID
			case *options.ActionRequest:
				o.DocflowID = parent.ID
			}
			require.NoError(t, opts.Validate())

			d, err := c.Docflows.Create(ctx, typ, requestID, opts)
			require.NoError(t, err)
			assert.Equal(t, typ, d.Type)
			if d.State == realty.StateSuspended {
				signAll(t, c, d)
				d, err = c.Docflows.Send(ctx, d.ID)
				require.NoError(t, err)
			}
			for !d.State.Final() {
				_, err := srv.Advance(d.ID)
				require.NoError(t, err)
				d, err = c.Docflows.Get(ctx, d.ID)
				require.NoError(t, err)
			}
			assert.Equal(t, realty.StateCompleted, d.State)
			assert.Equal(t, 1, srv.CreatedCount(requestID))
		})
	}

	cancelled, err := c.Docflows.Get(ctx, parent.ID)
	require.NoError(t, err)
	assert.Equal(t, realty.StateError, cancelled.State, "the action request cancelled its target")
	require.NotNil(t, cancelled.Error)
	assert.Contains(t, cancelled.Error.Message, "withdrew")
}

func TestEndToEndValidationRejectsBeforeSending(t *testing.T) {
	srv, c := fakeClient(t)
	before := srv.Requests()
	_, err := c.Docflows.Create(context.Background(), realty.ObjectRequest, "bad",
		options.ObjectRequest{Type: options.ExtractInfo, CadastralNumber: "not a number"})
	require.ErrorIs(t, err, realty.ErrValidation)
	var valErr *realty.ValidationError
	require.ErrorAs(t, err, &valErr)
	assert.Equal(t, "options.cadastralNumber", realty.Problems(err)[0].Target)
	assert.Equal(t, before, srv.Requests(), "nothing was sent")
}

func TestEndToEndServerValidationWithoutClientValidation(t *testing.T) {
	srv := realtytest.NewServer()
	defer srv.Close()
	c, err := realty.NewClient(realty.WithBaseURL(srv.URL), realty.WithSession(srv.Session()), realty.WithoutValidation())
	require.NoError(t, err)
	_, err = c.Docflows.Create(context.Background(), realty.ObjectRequest, "bad",
		options.ObjectRequest{Type: options.ExtractInfo})
	require.ErrorIs(t, err, realty.ErrValidation)
	var apiErr *realty.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 400, apiErr.StatusCode)
	targets := []string{}
	for _, p := range realty.Problems(err) {
		targets = append(targets, p.Target)
	}
	assert.Contains(t, targets, "options.cadastralNumber")
}

func TestEndToEndNewsResumeFromMidPage(t *testing.T) {
	_, c := fakeClient(t, realtytest.WithNewsPageSize(3))
	ctx := context.Background()
	start, err := c.News.List(ctx, "")
	require.NoError(t, err)
	assert.Empty(t, start.Items)

	_, opts := fixture(t, realty.ObjectRequest)
	for i := range 8 {
		_, err := c.Docflows.Create(ctx, realty.ObjectRequest, "news-"+string(rune('a'+i)), opts)
		require.NoError(t, err)
	}

	// A consumer handles five items, fails on the sixth, and stops.
	var handled []string
	var lastGood string
	for item, err := range c.News.All(ctx, start.LastToken, fastPoll) {
		require.NoError(t, err)
		if len(handled) == 5 {
			break // the sixth item failed
		}
		handled = append(handled, item.Docflow.RequestID)
		lastGood = item.Token
	}
	// It resumes after the last item it handled.
	resumeCtx, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	for item, err := range c.News.All(resumeCtx, lastGood, fastPoll) {
		if err != nil {
			require.ErrorIs(t, err, context.DeadlineExceeded)
			break
		}
		handled = append(handled, item.Docflow.RequestID)
	}
	assert.Equal(t, []string{"news-a", "news-b", "news-c", "news-d", "news-e", "news-f", "news-g", "news-h"}, handled)
}

func TestEndToEndContentsAndCadastre(t *testing.T) {
	_, c := fakeClient(t)
	ctx := context.Background()
	up, err := c.Contents.Upload(ctx, realty.MediaPDF, bytes.NewReader([]byte("%PDF-1.4 a contract")))
	require.NoError(t, err)
	assert.NotEmpty(t, up.ID)
	assert.NotEmpty(t, up.Location)
	dl, err := c.Contents.Get(ctx, up.ID)
	require.NoError(t, err)
	data, err := io.ReadAll(dl)
	require.NoError(t, err)
	require.NoError(t, dl.Close())
	assert.Equal(t, "%PDF-1.4 a contract", string(data))
	assert.Equal(t, string(realty.MediaPDF), dl.ContentType)

	_, err = c.Contents.Upload(ctx, "text/plain", strings.NewReader("x"))
	assert.ErrorContains(t, err, "content type")

	_, err = c.Contents.Get(ctx, "no-such-content")
	assert.ErrorIs(t, err, realty.ErrNotFound)

	_, err = c.Cadastre.Suggest(ctx, realty.SuggestQuery{})
	assert.ErrorContains(t, err, "region")
}

func TestEndToEndCadastreSuggest(t *testing.T) {
	_, c := fakeClient(t)
	matches, err := c.Cadastre.Suggest(context.Background(), realty.SuggestQuery{
		Region: realty.Name{Name: "Ярославская область"},
		Street: &realty.Name{Name: "ул Рябиновая"},
		House:  &realty.SuggestHouse{Number: "12"},
		Room:   &realty.SuggestRoom{Number: "7"},
	})
	require.NoError(t, err)
	require.NotEmpty(t, matches)
	assert.Equal(t, "76:23:031208:4410", matches[0].CadastralNumber)
	assert.NotEmpty(t, matches[0].AddressNotes)
	assert.NotZero(t, matches[0].RegionID)
}

func TestWaitReportsEachPoll(t *testing.T) {
	_, c := fakeClient(t, realtytest.WithAutoAdvance())
	ctx := context.Background()
	_, opts := fixture(t, realty.ObjectRequest)
	d, err := c.Docflows.Create(ctx, realty.ObjectRequest, "watched", opts)
	require.NoError(t, err)

	var states []realty.State
	d, err = c.Docflows.Wait(ctx, d.ID, fastPoll, realty.OnPoll(func(d *realty.Docflow) {
		states = append(states, d.State)
	}))
	require.NoError(t, err)
	assert.Equal(t, realty.StateCompleted, d.State)
	assert.Equal(t, []realty.State{realty.StateQueued, realty.StateSent, realty.StateCompleted}, states)
}
