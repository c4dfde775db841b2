package options

import "encoding/json"

// Options is implemented by the options struct of every docflow type.
// DocflowType returns the wire name of the type the options belong to
// (for example "object_request"); the realty client checks it against
// the type it is asked to create.
type Options interface {
	DocflowType() string
	// Validate checks the options against the service's documented
	// rules and returns a *ValidationError listing every problem, or
	// nil.
	Validate() error
}

// The wire names of the docflow types, as the realty client sends them.
const (
	wireObjectRequest               = "object_request"
	wireEncumbranceRequest          = "encumbrance_request"
	wireRightMovementRequest        = "right_movement_request"
	wireAdditionalPackageRequest    = "additional_packet_request"
	wireEquityAgreementRegistration = "equity_agreement_registration_request"
	wireRightAssignmentRequest      = "right_assignment_request"
	wireCessationEncumbrance        = "cessation_encumbrance_request"
	wireActionRequest               = "action_request"
)

// ObjectRequest orders an EGRN extract for one property. The docflow is
// queued at once: it has no requirements stage.
type ObjectRequest struct {
	Type            ExtractType `json:"type,omitempty"`
	CadastralNumber string      `json:"cadastralNumber,omitempty"`
}

// DocflowType returns "object_request".
func (ObjectRequest) DocflowType() string { return wireObjectRequest }

// EncumbranceRequest registers an encumbrance (a mortgage by agreement)
// on a property.
type EncumbranceRequest struct {
	EncumbranceType EncumbranceType `json:"encumbranceType,omitempty"`
	Object          Object          `json:"object,omitzero"`
	// WhoseRightRestricted is the owner whose right is encumbered.
	WhoseRightRestricted Holders `json:"whoseRightRestricted,omitzero"`
	// WhoUseRestriction is the mortgagee.
	WhoUseRestriction Encumbrancers        `json:"whoUseRestriction,omitzero"`
	AppliedDocuments  EncumbranceDocuments `json:"appliedDocuments,omitzero"`
}

// DocflowType returns "encumbrance_request".
func (EncumbranceRequest) DocflowType() string { return wireEncumbranceRequest }

// Holders are the owners whose right an encumbrance restricts: exactly
// one of an individual or a joint (spouses') ownership.
type Holders struct {
	IndividualOwnership  *IndividualOwnership  `json:"individualOwnership,omitempty"`
	CooperativeOwnership *CooperativeOwnership `json:"cooperativeOwnership,omitempty"`
}

// Encumbrancers are the parties in whose favour an encumbrance is
// registered (the mortgagee). Decoding accepts one member in place of
// the list.
type Encumbrancers struct {
	Encumbrancer Members `json:"encumbrancer,omitempty"`
}

// EncumbranceDocuments are the documents of an [EncumbranceRequest].
type EncumbranceDocuments struct {
	MortgageAgreement   AppliedDocument   `json:"mortgageAgreement,omitzero"` // required
	LoanAgreement       *AppliedDocument  `json:"loanAgreement,omitempty"`
	NotarySpouseConsent *AppliedDocument  `json:"notarySpouseConsent,omitempty"`
	Other               []AppliedDocument `json:"other,omitempty"`
}

// IndividualOwnership is ownership by one party. Mortgage applies to a
// buyer who pays with a mortgage loan.
type IndividualOwnership struct {
	Owner    DocflowMember `json:"owner,omitzero"`
	Mortgage *Mortgage     `json:"mortgage,omitempty"`
}

// CooperativeOwnership is the joint ownership of spouses. Mortgage and
// MarriageCertificate apply to buyers.
type CooperativeOwnership struct {
	Spouse1             DocflowMember    `json:"spouse1,omitzero"`
	Spouse2             DocflowMember    `json:"spouse2,omitzero"`
	Mortgage            *Mortgage        `json:"mortgage,omitempty"`
	MarriageCertificate *AppliedDocument `json:"marriageCertificate,omitempty"`
}

// SharedOwnership is ownership in shares.
type SharedOwnership struct {
	Shares []Share `json:"shares,omitempty"`
}

// EvidenceOfOwnership proves a right that arose before 1998, when the
// register began.
type EvidenceOfOwnership struct {
	Documents []AppliedDocument `json:"documents,omitempty"`
}

// Seller is the side that gives up a property or a claim: at least one
// of the kinds of ownership.
type Seller struct {
	IndividualOwnership  *IndividualOwnership  `json:"individualOwnership,omitempty"`
	CooperativeOwnership *CooperativeOwnership `json:"cooperativeOwnership,omitempty"`
	SharedOwnership      *SharedOwnership      `json:"sharedOwnership,omitempty"`
	EvidenceOfOwnership  *EvidenceOfOwnership  `json:"evidenceOfOwnership,omitempty"`
}

// Buyer is the side that acquires a property or a claim: exactly one of
// the kinds of ownership.
type Buyer struct {
	IndividualOwnership  *IndividualOwnership  `json:"individualOwnership,omitempty"`
	CooperativeOwnership *CooperativeOwnership `json:"cooperativeOwnership,omitempty"`
	SharedOwnership      *SharedOwnership      `json:"sharedOwnership,omitempty"`
}

// RightMovementRequest registers a transfer of ownership (a sale).
type RightMovementRequest struct {
	RightMovementType RightMovementType `json:"rightMovementType,omitempty"`
	Object            Object            `json:"object,omitzero"`
	Seller            Seller            `json:"seller,omitzero"`
	Buyer             Buyer             `json:"buyer,omitzero"`
	AppliedDocuments  SaleDocuments     `json:"appliedDocuments,omitzero"`
}

// DocflowType returns "right_movement_request".
func (RightMovementRequest) DocflowType() string { return wireRightMovementRequest }

// SaleDocuments are the documents of a [RightMovementRequest].
type SaleDocuments struct {
	ContractOfSale AppliedDocument   `json:"contractOfSale,omitzero"` // required
	Other          []AppliedDocument `json:"other,omitempty"`
}

// AdditionalPackageRequest sends extra documents to a docflow that is
// already in processing.
type AdditionalPackageRequest struct {
	DocflowID           string                `json:"docflowId,omitempty"`
	AdditionalDocuments []AdditionalDocuments `json:"additionalDocuments,omitempty"`
}

// DocflowType returns "additional_packet_request".
func (AdditionalPackageRequest) DocflowType() string { return wireAdditionalPackageRequest }

// AdditionalDocuments are documents that one party submits.
type AdditionalDocuments struct {
	DocflowMember DocflowMember     `json:"docflowMember,omitzero"`
	Documents     []AppliedDocument `json:"documents,omitempty"`
}

// EquityAgreementRegistrationRequest registers an equity-participation
// construction agreement (DDU, federal law 214-FZ).
type EquityAgreementRegistrationRequest struct {
	// Object lists the land plots; a cadastral number and an address
	// suffice. Decoding also reads the key "objects".
	Object           Objects         `json:"object,omitempty"`
	Developer        Developer       `json:"developer,omitzero"`
	Buyer            Buyer           `json:"buyer,omitzero"`
	AppliedDocuments EquityDocuments `json:"appliedDocuments,omitzero"`
}

// DocflowType returns "equity_agreement_registration_request".
func (EquityAgreementRegistrationRequest) DocflowType() string {
	return wireEquityAgreementRegistration
}

// UnmarshalJSON decodes the options, reading "objects" as "object".
func (r *EquityAgreementRegistrationRequest) UnmarshalJSON(b []byte) error {
	type plain EquityAgreementRegistrationRequest
	var aux struct {
		plain
		Objects Objects `json:"objects"`
	}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	*r = EquityAgreementRegistrationRequest(aux.plain)
	if len(r.Object) == 0 && len(aux.Objects) > 0 {
		r.Object = aux.Objects
	}
	return nil
}

// Developer is the builder of an equity agreement and, when the first
// agreement for the object is registered, its documents.
type Developer struct {
	Developer        DocflowMember       `json:"developer,omitzero"`
	AppliedDocuments *DeveloperDocuments `json:"appliedDocuments,omitempty"`
}

// DeveloperDocuments are the builder's documents, sent with the first
// equity agreement registered for an object.
type DeveloperDocuments struct {
	BuildAgreement     AppliedDocument  `json:"buildAgreement,omitzero"` // required
	ProjectDeclaration *AppliedDocument `json:"projectDeclaration,omitempty"`
	BuildPlan          *AppliedDocument `json:"buildPlan,omitempty"`
}

// EquityDocuments are the documents of an
// [EquityAgreementRegistrationRequest].
type EquityDocuments struct {
	EquityAgreement AppliedDocument   `json:"equityAgreement,omitzero"` // required
	Other           []AppliedDocument `json:"other,omitempty"`
}

// RightAssignmentRequest registers an assignment of a claim (a cession).
type RightAssignmentRequest struct {
	Object           Objects             `json:"object,omitempty"`
	Seller           Seller              `json:"seller,omitzero"` // the assignor
	Buyer            Buyer               `json:"buyer,omitzero"`  // the assignee
	AppliedDocuments AssignmentDocuments `json:"appliedDocuments,omitzero"`
}

// DocflowType returns "right_assignment_request".
func (RightAssignmentRequest) DocflowType() string { return wireRightAssignmentRequest }

// AssignmentDocuments are the documents of a [RightAssignmentRequest].
type AssignmentDocuments struct {
	RightTransferAgreement AppliedDocument   `json:"rightTransferAgreement,omitzero"` // required
	Other                  []AppliedDocument `json:"other,omitempty"`
}

// CessationEncumbranceRequest removes an encumbrance from a property.
type CessationEncumbranceRequest struct {
	EncumbranceType EncumbranceType `json:"encumbranceType,omitempty"`
	Object          Object          `json:"object,omitzero"`
	// RegistrationRecord identifies the encumbrance's registration
	// record.
	RegistrationRecord   *Registration   `json:"registrationRecord,omitempty"`
	WhoseRightRestricted Holders         `json:"whoseRightRestricted,omitzero"`
	WhoUseRestriction    *Encumbrancers  `json:"whoUseRestriction,omitempty"`
	AppliedDocuments     *OtherDocuments `json:"appliedDocuments,omitempty"`
}

// DocflowType returns "cessation_encumbrance_request".
func (CessationEncumbranceRequest) DocflowType() string { return wireCessationEncumbrance }

// OtherDocuments are supporting documents of no particular role.
type OtherDocuments struct {
	Other []AppliedDocument `json:"other,omitempty"`
}

// ActionRequest cancels, suspends or resumes an earlier docflow.
type ActionRequest struct {
	ActionType ActionType `json:"actionType,omitempty"`
	DocflowID  string     `json:"docflowId,omitempty"` // the docflow acted upon
	Cause      string     `json:"cause,omitempty"`
	// DocflowMember lists who asks: the parties of the deal to suspend
	// or resume, all of them to cancel.
	DocflowMember Members `json:"docflowMember,omitempty"`
	// Documents are supporting documents, such as the lender's consent.
	// Decoding also reads the key "document".
	Documents []AppliedDocument `json:"documents,omitempty"`
}

// DocflowType returns "action_request".
func (ActionRequest) DocflowType() string { return wireActionRequest }

// UnmarshalJSON decodes the options, reading "document" as "documents".
func (r *ActionRequest) UnmarshalJSON(b []byte) error {
	type plain ActionRequest
	var aux struct {
		plain
		Document json.RawMessage `json:"document"`
	}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	*r = ActionRequest(aux.plain)
	if len(r.Documents) == 0 && len(aux.Document) > 0 {
		return decodeList(aux.Document, &r.Documents)
	}
	return nil
}
