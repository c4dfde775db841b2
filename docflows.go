package realty

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"strings"

	"github.com/go-realty/realty/options"
)

// DocflowType names a kind of docflow, as its wire name. The constants
// are the names the client sends; Canonical maps the other spellings
// the service's reference uses to them.
type DocflowType string

// The docflow types.
const (
	// ObjectRequest orders an EGRN extract for one property
	// (options.ObjectRequest).
	ObjectRequest DocflowType = "object_request"
	// EncumbranceRequest registers a mortgage (options.EncumbranceRequest).
	EncumbranceRequest DocflowType = "encumbrance_request"
	// RightMovementRequest registers a sale (options.RightMovementRequest).
	RightMovementRequest DocflowType = "right_movement_request"
	// AdditionalPackageRequest sends extra documents to a docflow in
	// processing (options.AdditionalPackageRequest).
	AdditionalPackageRequest DocflowType = "additional_packet_request"
	// EquityAgreementRegistrationRequest registers an equity
	// construction agreement (options.EquityAgreementRegistrationRequest).
	EquityAgreementRegistrationRequest DocflowType = "equity_agreement_registration_request"
	// RightAssignmentRequest registers an assignment of a claim
	// (options.RightAssignmentRequest).
	RightAssignmentRequest DocflowType = "right_assignment_request"
	// CessationEncumbranceRequest removes an encumbrance
	// (options.CessationEncumbranceRequest).
	CessationEncumbranceRequest DocflowType = "cessation_encumbrance_request"
	// ActionRequest cancels, suspends or resumes an earlier docflow
	// (options.ActionRequest).
	ActionRequest DocflowType = "action_request"
)

// DocflowTypes returns the wire names of every docflow type this package
// knows, in the order of the service's reference.
func DocflowTypes() []DocflowType {
	return []DocflowType{ObjectRequest, EncumbranceRequest, RightMovementRequest,
		AdditionalPackageRequest, EquityAgreementRegistrationRequest, RightAssignmentRequest,
		CessationEncumbranceRequest, ActionRequest}
}

// docflowTypes maps the wire names, and every known spelling of a type
// folded by foldType, to the wire name.
var docflowTypes = map[string]DocflowType{}

func init() {
	for _, t := range DocflowTypes() {
		docflowTypes[string(t)] = t
		docflowTypes[foldType(string(t))] = t
	}
	// Spellings of earlier versions of the reference.
	docflowTypes[foldType("ecumbrance_request")] = EncumbranceRequest
	docflowTypes[foldType("additionalpackage_request")] = AdditionalPackageRequest
	docflowTypes[foldType("additional_package_request")] = AdditionalPackageRequest
}

// foldType folds case and underscores, so that "rightmovement_request"
// and "rightMovementRequest" find "right_movement_request".
func foldType(s string) string {
	return strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), "_", ""))
}

// Canonical returns the wire name of t, mapping the spellings that the
// reference also uses ("rightmovement_request",
// "additionalpackage_request", "cessationencumbrance_request",
// camel case, ...). An unknown type is returned unchanged.
func (t DocflowType) Canonical() DocflowType {
	if wire, ok := t.lookup(); ok {
		return wire
	}
	return t
}

// lookup finds t's wire name: directly for a wire name, the common case,
// or through its folded spelling.
func (t DocflowType) lookup() (DocflowType, bool) {
	if wire, ok := docflowTypes[string(t)]; ok {
		return wire, true
	}
	wire, ok := docflowTypes[foldType(string(t))]
	return wire, ok
}

// Known reports whether t is one of the docflow types this package
// knows, in any spelling.
func (t DocflowType) Known() bool {
	_, ok := t.lookup()
	return ok
}

// NewOptions returns a pointer to a zero options struct of type t (for
// example *options.ObjectRequest for ObjectRequest), ready to decode
// into, or false when t is unknown.
func (t DocflowType) NewOptions() (options.Options, bool) {
	switch t.Canonical() {
	case ObjectRequest:
		return &options.ObjectRequest{}, true
	case EncumbranceRequest:
		return &options.EncumbranceRequest{}, true
	case RightMovementRequest:
		return &options.RightMovementRequest{}, true
	case AdditionalPackageRequest:
		return &options.AdditionalPackageRequest{}, true
	case EquityAgreementRegistrationRequest:
		return &options.EquityAgreementRegistrationRequest{}, true
	case RightAssignmentRequest:
		return &options.RightAssignmentRequest{}, true
	case CessationEncumbranceRequest:
		return &options.CessationEncumbranceRequest{}, true
	case ActionRequest:
		return &options.ActionRequest{}, true
	}
	return nil, false
}

// State is the state of a docflow. Decoding a Docflow trims spaces
// around it.
type State string

// The docflow states.
const (
	// StateQueued: waiting to be sent; no action needed.
	StateQueued State = "queued"
	// StateVerified: being checked (listed by earlier versions of the
	// reference).
	StateVerified State = "verified"
	// StateSent: with Rosreestr.
	StateSent State = "sent"
	// StateSuspended: needs action; see Docflow.Requirements.
	StateSuspended State = "suspended"
	// StateCompleted: done; see Docflow.Result. Final.
	StateCompleted State = "completed"
	// StateError: failed; see Docflow.Error. Final.
	StateError State = "error"
)

// Final reports whether s is a state a docflow never leaves.
func (s State) Final() bool { return s == StateCompleted || s == StateError }

// Docflow is one submission and where it stands.
type Docflow struct {
	// ID is the docflow's id, a GUID the service assigns; pass it to
	// Get, Send, Wait and the files and signatures calls.
	ID string `json:"docflowId"`
	// Type is the docflow's type. Decoding also reads the key "type"
	// and keeps the spelling the service sent; compare Type.Canonical().
	Type DocflowType `json:"docflowType,omitempty"`
	// UserID is the id of the service's user who created the docflow.
	UserID string `json:"userId,omitempty"`
	// State is where the docflow stands, one of the State* constants;
	// decoding trims spaces around it.
	State State `json:"state,omitempty"`
	// RequestID is the caller's own id given to Create, echoed back;
	// empty when none was given.
	RequestID string `json:"requestId,omitempty"`
	// Options are the options the docflow was created with, as the
	// service returns them; DecodeOptions gives them typed.
	Options json.RawMessage `json:"options,omitempty"`
	// Error says why a docflow in StateError failed.
	Error *Problem `json:"error,omitempty"`
	// Requirements say what a suspended docflow waits for.
	Requirements *Requirements `json:"requirements,omitempty"`
	// Result holds the files of a completed docflow.
	Result *Result `json:"result,omitempty"`
}

// docflowJSON is the decoding form of a Docflow: its fields, the "type"
// spelling of its type, and the {"docflow": ...} wrapper. It has no
// UnmarshalJSON of its own, so that encoding/json decodes it (and lists
// of it, in news pages) in a single pass, and its fields are its own
// rather than embedded, which encoding/json reaches faster: news pages
// hold a hundred docflows each. TestDocflowJSONHasEveryField keeps the
// two lists of fields alike.
type docflowJSON struct {
	ID           string          `json:"docflowId"`
	Type         DocflowType     `json:"docflowType"`
	UserID       string          `json:"userId"`
	State        State           `json:"state"`
	RequestID    string          `json:"requestId"`
	Options      json.RawMessage `json:"options"`
	Error        *Problem        `json:"error"`
	Requirements *Requirements   `json:"requirements"`
	Result       *Result         `json:"result"`

	LegacyType DocflowType     `json:"type"`
	Wrapped    json.RawMessage `json:"docflow"`
}

// docflow returns the decoded Docflow, opening a wrapper once (never
// recursively).
func (aux *docflowJSON) docflow() (Docflow, error) {
	if aux.ID == "" && len(aux.Wrapped) > 0 && string(aux.Wrapped) != "null" {
		var inner docflowJSON
		if err := json.Unmarshal(aux.Wrapped, &inner); err != nil {
			return Docflow{}, err
		}
		aux = &inner
	}
	d := Docflow{
		ID:           aux.ID,
		Type:         aux.Type,
		UserID:       aux.UserID,
		State:        State(strings.TrimSpace(string(aux.State))),
		RequestID:    aux.RequestID,
		Options:      aux.Options,
		Error:        aux.Error,
		Requirements: aux.Requirements,
		Result:       aux.Result,
	}
	if d.Type == "" {
		d.Type = aux.LegacyType
	}
	return d, nil
}

// UnmarshalJSON reads a docflow bare or wrapped as {"docflow": {...}},
// reads "type" as "docflowType", and trims spaces around the state.
func (d *Docflow) UnmarshalJSON(b []byte) error {
	var aux docflowJSON
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	decoded, err := aux.docflow()
	if err != nil {
		return err
	}
	*d = decoded
	return nil
}

// DecodeOptions decodes the docflow's Options into the options struct of
// its type, returned as a pointer (for example *options.ObjectRequest).
func (d *Docflow) DecodeOptions() (options.Options, error) {
	opts, ok := d.Type.NewOptions()
	if !ok {
		return nil, fmt.Errorf("realty: unknown docflow type %q", d.Type)
	}
	if len(d.Options) == 0 {
		return nil, fmt.Errorf("realty: docflow %s carries no options", d.ID)
	}
	if err := json.Unmarshal(d.Options, opts); err != nil {
		return nil, fmt.Errorf("realty: options of docflow %s: %w", d.ID, err)
	}
	return opts, nil
}

// Requirements are what a suspended docflow waits for: signatures of the
// listed persons on the listed files, and state fees.
type Requirements struct {
	// Signature lists who must sign which files.
	Signature []SignatureRequirement `json:"signature,omitempty"`
	// Payment lists the state fees to pay.
	Payment []PaymentRequirement `json:"payment,omitempty"`
}

// SignatureRequirement asks Person to sign each of Files with a detached
// signature (see SignaturesService).
type SignatureRequirement struct {
	// Person is who must sign; its PersonID is the one the caller gave
	// in the options, where one was given.
	Person options.Person `json:"person,omitzero"`
	// Files are the files that need the person's signature, each
	// usually a FileStatement.
	Files []FilePointer `json:"files,omitempty"`
}

// PaymentRequirement is a state fee to pay: its payment id (UIN) and
// amount in roubles, as a decimal string. Rosreestr learns of a payment
// within a day.
type PaymentRequirement struct {
	// UIN is the unique identifier of the charge to quote when paying,
	// digits (20 in the reference's example).
	UIN string `json:"uin,omitempty"`
	// Amount is the fee in roubles, a decimal string such as "700"; its
	// key on the wire is "summ".
	Amount string `json:"summ,omitempty"`
}

// FileType is the kind of a docflow's file.
type FileType string

// The file kinds.
const (
	// FileStatement is the application that the parties sign.
	FileStatement FileType = "statement"
	// FileEGRNOutdoc is a ZIP of result documents, new EGRN format.
	FileEGRNOutdoc FileType = "egrn:outdoc"
	// FileOutdoc is a ZIP of result documents, old format.
	FileOutdoc FileType = "outdoc"
	// The extracts of an object request, by kind and format.
	FileEGRNExtractInfoXML      FileType = "egrn:extract_info:xml"
	FileExtractInfoXML          FileType = "extract_info:xml"
	FileExtractInfoPDF          FileType = "extract_info:pdf"
	FileEGRNExtractOwnershipXML FileType = "egrn:extract_ownership:xml"
	FileExtractOwnershipXML     FileType = "extract_ownership:xml"
	FileExtractOwnershipPDF     FileType = "extract_ownership:pdf"
)

// FilePointer identifies a file of a docflow.
type FilePointer struct {
	// ID is the file's id within the docflow, a GUID; pass it to
	// Files.Download and Signatures.Upload.
	ID string `json:"id"`
	// Type is the kind of file, such as FileStatement.
	Type FileType `json:"type,omitempty"`
	// ContentLink is the URL the file can be downloaded from.
	ContentLink string `json:"contentLink,omitempty"`
}

// Result holds the files of a completed docflow.
type Result struct {
	// Files are the result files; see FilesService.SaveResult.
	Files []File `json:"files,omitempty"`
}

// File is a result file and its signatures.
type File struct {
	// ID is the file's id within the docflow, a GUID; pass it to
	// Files.Download.
	ID string `json:"id"`
	// Type is the kind of file: FileEGRNOutdoc or FileOutdoc for a
	// registration, one of the extract kinds for an object request.
	Type FileType `json:"type,omitempty"`
	// ContentLink is the URL the file can be downloaded from.
	ContentLink string `json:"contentLink,omitempty"`
	// Signatures point to the detached signatures of the file, each
	// downloadable by its ID like a file.
	Signatures []options.ContentPointer `json:"signatures,omitempty"`
}

// DocflowsService creates docflows and follows them.
type DocflowsService service

// createBody is the body of POST /docflows/{docflowType}.
type createBody struct {
	RequestID string          `json:"requestId,omitempty"`
	Options   options.Options `json:"options"`
}

// Create files a new docflow of type t with the options of that type
// (options.ObjectRequest for ObjectRequest, and so on; a value or a
// pointer). requestID is the caller's own id of the request, echoed in
// the docflow and the news feed; it may be empty.
//
// The options are validated first (see WithoutValidation): a
// *ValidationError returns before anything is sent. The service answers
// 200 with a queued docflow, or 201 with a suspended one whose
// Requirements say what it waits for. Create is retried only when the
// service provably did not get the request; when the request was sent
// but no answer came, the error matches ErrOutcomeUnknown: look for
// requestID in the news feed before creating it again.
func (s *DocflowsService) Create(ctx context.Context, t DocflowType, requestID string, opts options.Options) (*Docflow, error) {
	if opts == nil {
		return nil, errors.New("realty: Create: nil options")
	}
	if v := reflect.ValueOf(opts); v.Kind() == reflect.Pointer && v.IsNil() {
		return nil, fmt.Errorf("realty: Create: nil %T options", opts)
	}
	wire := t.Canonical()
	if !t.Known() {
		return nil, fmt.Errorf("realty: Create: unknown docflow type %q", t)
	}
	if DocflowType(opts.DocflowType()) != wire {
		return nil, fmt.Errorf("realty: Create: %T are the options of %s, not of %s", opts, opts.DocflowType(), wire)
	}
	if s.client.validate {
		if err := opts.Validate(); err != nil {
			return nil, err
		}
	}
	body, err := json.Marshal(createBody{RequestID: requestID, Options: opts})
	if err != nil {
		return nil, fmt.Errorf("realty: Create: encoding options: %w", err)
	}

	r := &request{method: http.MethodPost, path: "/docflows/" + segment(string(wire)), kind: kindSubmit, json: body}
	resp, d, err := s.client.docflow(ctx, r)
	if err != nil {
		return nil, err
	}
	if d.State == "" {
		d.State = StateQueued
		if resp.StatusCode == http.StatusCreated {
			d.State = StateSuspended
		}
	}
	return d, nil
}

// docflow sends r and decodes the docflow it answers with; an answer
// without a docflowId is an error, not an empty docflow.
func (c *Client) docflow(ctx context.Context, r *request) (*http.Response, *Docflow, error) {
	var aux docflowJSON
	resp, err := c.do(ctx, r, &aux)
	if err != nil {
		return nil, nil, err
	}
	d, err := aux.docflow()
	if err == nil && d.ID == "" {
		err = errors.New("the answer has no docflowId")
	}
	if err != nil {
		return nil, nil, &DecodeError{Method: r.method, Path: r.path, Status: resp.StatusCode, Err: err}
	}
	return resp, &d, nil
}

// Get returns the docflow with the given id.
func (s *DocflowsService) Get(ctx context.Context, id string) (*Docflow, error) {
	return s.docflowCall(ctx, http.MethodGet, id, kindRead)
}

// Send sends a docflow to Rosreestr once its signatures are in place
// and returns it. Like Create, it is retried only when the service
// provably did not get the request.
func (s *DocflowsService) Send(ctx context.Context, id string) (*Docflow, error) {
	return s.docflowCall(ctx, http.MethodPost, id, kindSubmit)
}

func (s *DocflowsService) docflowCall(ctx context.Context, method, id string, kind callKind) (*Docflow, error) {
	if id == "" {
		return nil, errors.New("realty: empty docflow id")
	}
	r := &request{method: method, path: "/docflows/" + segment(id), kind: kind}
	_, d, err := s.client.docflow(ctx, r)
	return d, err
}

// Wait polls a docflow until it is final (completed or error) or
// suspended with requirements that the caller must meet, and returns it.
// It pauses between polls as PollInterval says (1s growing to 30s by
// default), so its request rate is bounded whatever the service
// answers. When a poll fails or ctx ends, it returns the error with the
// last docflow it saw (nil if none).
func (s *DocflowsService) Wait(ctx context.Context, id string, opts ...PollOption) (*Docflow, error) {
	poll := newPoll(opts)
	var last *Docflow
	for {
		d, err := s.Get(ctx, id)
		if err != nil {
			return last, err
		}
		last = d
		if poll.observe != nil {
			poll.observe(d)
		}
		if d.State.Final() || d.State == StateSuspended && d.Requirements.pending() {
			return d, nil
		}
		if err := poll.wait(ctx); err != nil {
			return d, err
		}
	}
}

// pending reports whether r asks for anything.
func (r *Requirements) pending() bool {
	return r != nil && (len(r.Signature) > 0 || len(r.Payment) > 0)
}
