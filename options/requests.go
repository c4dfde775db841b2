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
	// Type is the kind of extract: ExtractInfo, ExtractBase or
	// ExtractOwnership. Required.
	Type ExtractType `json:"type,omitempty"`
	// CadastralNumber is the number of the property the extract is
	// about, such as "47:14:1203001:814". Required.
	CadastralNumber string `json:"cadastralNumber,omitempty"`
}

// DocflowType returns "object_request".
func (ObjectRequest) DocflowType() string { return wireObjectRequest }

// EncumbranceRequest registers an encumbrance (a mortgage by agreement)
// on a property.
type EncumbranceRequest struct {
	// EncumbranceType is the kind of encumbrance; only
	// EncumbranceMortgage is allowed here. Required.
	EncumbranceType EncumbranceType `json:"encumbranceType,omitempty"`
	// Object is the property to encumber. Required; decoding also
	// accepts it as a one-element array.
	Object Object `json:"object,omitzero"`
	// WhoseRightRestricted is the owner whose right is encumbered.
	// Required.
	WhoseRightRestricted Holders `json:"whoseRightRestricted,omitzero"`
	// WhoUseRestriction is the mortgagee. Required.
	WhoUseRestriction Encumbrancers `json:"whoUseRestriction,omitzero"`
	// AppliedDocuments are the documents of the deal; the mortgage
	// agreement is required among them.
	AppliedDocuments EncumbranceDocuments `json:"appliedDocuments,omitzero"`
}

// DocflowType returns "encumbrance_request".
func (EncumbranceRequest) DocflowType() string { return wireEncumbranceRequest }

// Holders are the owners whose right an encumbrance restricts: exactly
// one of an individual or a joint (spouses') ownership.
type Holders struct {
	// IndividualOwnership is a sole owner; set it or
	// CooperativeOwnership, not both. It takes no Mortgage.
	IndividualOwnership *IndividualOwnership `json:"individualOwnership,omitempty"`
	// CooperativeOwnership is a couple of spouses who own jointly; set it
	// or IndividualOwnership, not both. It takes no Mortgage or
	// MarriageCertificate.
	CooperativeOwnership *CooperativeOwnership `json:"cooperativeOwnership,omitempty"`
}

// Encumbrancers are the parties in whose favour an encumbrance is
// registered (the mortgagee). Decoding accepts one member in place of
// the list.
type Encumbrancers struct {
	// Encumbrancer lists the mortgagees, usually the lending bank.
	// Required: at least one.
	Encumbrancer Members `json:"encumbrancer,omitempty"`
}

// EncumbranceDocuments are the documents of an [EncumbranceRequest].
type EncumbranceDocuments struct {
	// MortgageAgreement is the agreement that creates the mortgage.
	// Required.
	MortgageAgreement AppliedDocument `json:"mortgageAgreement,omitzero"`
	// LoanAgreement is the agreement of the loan the mortgage secures.
	// Optional.
	LoanAgreement *AppliedDocument `json:"loanAgreement,omitempty"`
	// NotarySpouseConsent is the spouse's consent to the deal,
	// certified by a notary. Optional.
	NotarySpouseConsent *AppliedDocument `json:"notarySpouseConsent,omitempty"`
	// Other are any further supporting documents. Optional.
	Other []AppliedDocument `json:"other,omitempty"`
}

// IndividualOwnership is ownership by one party. Mortgage applies to a
// buyer who pays with a mortgage loan.
type IndividualOwnership struct {
	// Owner is the sole owner. Required.
	Owner DocflowMember `json:"owner,omitzero"`
	// Mortgage holds a buyer's mortgage documents. Optional, and only a
	// Buyer's ownership may carry it.
	Mortgage *Mortgage `json:"mortgage,omitempty"`
}

// CooperativeOwnership is the joint ownership of spouses. Mortgage and
// MarriageCertificate apply to buyers.
type CooperativeOwnership struct {
	// Spouse1 is one of the spouses. Required.
	Spouse1 DocflowMember `json:"spouse1,omitzero"`
	// Spouse2 is the other spouse. Required.
	Spouse2 DocflowMember `json:"spouse2,omitzero"`
	// Mortgage holds the buyers' mortgage documents. Optional, and only
	// a Buyer's ownership may carry it.
	Mortgage *Mortgage `json:"mortgage,omitempty"`
	// MarriageCertificate is the spouses' marriage certificate. Optional,
	// and only a Buyer's ownership may carry it.
	MarriageCertificate *AppliedDocument `json:"marriageCertificate,omitempty"`
}

// SharedOwnership is ownership in shares.
type SharedOwnership struct {
	// Shares lists each owner with their fraction. Required: at least
	// one.
	Shares []Share `json:"shares,omitempty"`
}

// EvidenceOfOwnership proves a right that arose before 1998, when the
// register began.
type EvidenceOfOwnership struct {
	// Documents are the papers that prove the old right. Required: at
	// least one.
	Documents []AppliedDocument `json:"documents,omitempty"`
}

// Seller is the side that gives up a property or a claim: at least one
// of the kinds of ownership.
type Seller struct {
	// IndividualOwnership is a sole owner who sells; it takes no
	// Mortgage.
	IndividualOwnership *IndividualOwnership `json:"individualOwnership,omitempty"`
	// CooperativeOwnership is a couple of spouses who sell what they own
	// jointly; it takes no Mortgage or MarriageCertificate.
	CooperativeOwnership *CooperativeOwnership `json:"cooperativeOwnership,omitempty"`
	// SharedOwnership is the owners in shares who sell.
	SharedOwnership *SharedOwnership `json:"sharedOwnership,omitempty"`
	// EvidenceOfOwnership proves a right that arose before 1998; only a
	// sale (a RightMovementRequest) takes it.
	EvidenceOfOwnership *EvidenceOfOwnership `json:"evidenceOfOwnership,omitempty"`
}

// Buyer is the side that acquires a property or a claim: exactly one of
// the kinds of ownership.
type Buyer struct {
	// IndividualOwnership is a sole buyer, with a Mortgage when a loan
	// pays. Set exactly one of the three fields.
	IndividualOwnership *IndividualOwnership `json:"individualOwnership,omitempty"`
	// CooperativeOwnership is a couple of spouses who buy into joint
	// ownership. Set exactly one of the three fields.
	CooperativeOwnership *CooperativeOwnership `json:"cooperativeOwnership,omitempty"`
	// SharedOwnership is several buyers who take shares. Set exactly one
	// of the three fields.
	SharedOwnership *SharedOwnership `json:"sharedOwnership,omitempty"`
}

// RightMovementRequest registers a transfer of ownership (a sale).
type RightMovementRequest struct {
	// RightMovementType is the kind of transfer; RightMovementSale is the
	// only one. Required.
	RightMovementType RightMovementType `json:"rightMovementType,omitempty"`
	// Object is the property sold. Required.
	Object Object `json:"object,omitzero"`
	// Seller is who gives the property up: at least one kind of
	// ownership. Required.
	Seller Seller `json:"seller,omitzero"`
	// Buyer is who acquires it: exactly one kind of ownership. Required.
	Buyer Buyer `json:"buyer,omitzero"`
	// AppliedDocuments are the documents of the sale; the contract of
	// sale is required among them.
	AppliedDocuments SaleDocuments `json:"appliedDocuments,omitzero"`
}

// DocflowType returns "right_movement_request".
func (RightMovementRequest) DocflowType() string { return wireRightMovementRequest }

// SaleDocuments are the documents of a [RightMovementRequest].
type SaleDocuments struct {
	// ContractOfSale is the sale contract. Required.
	ContractOfSale AppliedDocument `json:"contractOfSale,omitzero"`
	// Other are any further supporting documents. Optional.
	Other []AppliedDocument `json:"other,omitempty"`
}

// AdditionalPackageRequest sends extra documents to a docflow that is
// already in processing.
type AdditionalPackageRequest struct {
	// DocflowID is the GUID of the docflow that the documents join; it
	// must be in processing. Required.
	DocflowID string `json:"docflowId,omitempty"`
	// AdditionalDocuments lists the documents by the party that submits
	// them. Required: at least one entry.
	AdditionalDocuments []AdditionalDocuments `json:"additionalDocuments,omitempty"`
}

// DocflowType returns "additional_packet_request".
func (AdditionalPackageRequest) DocflowType() string { return wireAdditionalPackageRequest }

// AdditionalDocuments are documents that one party submits.
type AdditionalDocuments struct {
	// DocflowMember is the party that submits the documents. Required.
	DocflowMember DocflowMember `json:"docflowMember,omitzero"`
	// Documents are the documents submitted. Required: at least one.
	Documents []AppliedDocument `json:"documents,omitempty"`
}

// EquityAgreementRegistrationRequest registers an equity-participation
// construction agreement (DDU, federal law 214-FZ).
type EquityAgreementRegistrationRequest struct {
	// Object lists the land plots; a cadastral number and an address
	// suffice. Decoding also reads the key "objects".
	Object Objects `json:"object,omitempty"`
	// Developer is the builder and, for the first agreement on the
	// object, its documents. Required.
	Developer Developer `json:"developer,omitzero"`
	// Buyer is the participant who acquires the claim: exactly one kind
	// of ownership. Required.
	Buyer Buyer `json:"buyer,omitzero"`
	// AppliedDocuments are the documents of the deal; the equity
	// agreement is required among them.
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
	// Developer is the building company as a party. Required.
	Developer DocflowMember `json:"developer,omitzero"`
	// AppliedDocuments are the builder's documents, needed only with the
	// first agreement registered for the object.
	AppliedDocuments *DeveloperDocuments `json:"appliedDocuments,omitempty"`
}

// DeveloperDocuments are the builder's documents, sent with the first
// equity agreement registered for an object.
type DeveloperDocuments struct {
	// BuildAgreement is the builder's agreement for the construction.
	// Required.
	BuildAgreement AppliedDocument `json:"buildAgreement,omitzero"`
	// ProjectDeclaration is the builder's project declaration.
	// Optional.
	ProjectDeclaration *AppliedDocument `json:"projectDeclaration,omitempty"`
	// BuildPlan is the plan of the building under construction.
	// Optional.
	BuildPlan *AppliedDocument `json:"buildPlan,omitempty"`
}

// EquityDocuments are the documents of an
// [EquityAgreementRegistrationRequest].
type EquityDocuments struct {
	// EquityAgreement is the equity-participation agreement itself.
	// Required.
	EquityAgreement AppliedDocument `json:"equityAgreement,omitzero"`
	// Other are any further supporting documents. Optional.
	Other []AppliedDocument `json:"other,omitempty"`
}

// RightAssignmentRequest registers an assignment of a claim (a cession).
type RightAssignmentRequest struct {
	// Object lists the properties the claim concerns; a cadastral number
	// and an address suffice. Required: at least one.
	Object Objects `json:"object,omitempty"`
	// Seller is the assignor, who gives the claim up: at least one kind
	// of ownership, and no EvidenceOfOwnership. Required.
	Seller Seller `json:"seller,omitzero"`
	// Buyer is the assignee, who takes the claim: exactly one kind of
	// ownership. Required.
	Buyer Buyer `json:"buyer,omitzero"`
	// AppliedDocuments are the documents of the deal; the assignment
	// agreement is required among them.
	AppliedDocuments AssignmentDocuments `json:"appliedDocuments,omitzero"`
}

// DocflowType returns "right_assignment_request".
func (RightAssignmentRequest) DocflowType() string { return wireRightAssignmentRequest }

// AssignmentDocuments are the documents of a [RightAssignmentRequest].
type AssignmentDocuments struct {
	// RightTransferAgreement is the agreement that assigns the claim.
	// Required.
	RightTransferAgreement AppliedDocument `json:"rightTransferAgreement,omitzero"`
	// Other are any further supporting documents. Optional.
	Other []AppliedDocument `json:"other,omitempty"`
}

// CessationEncumbranceRequest removes an encumbrance from a property.
type CessationEncumbranceRequest struct {
	// EncumbranceType is the kind of encumbrance removed:
	// EncumbranceMortgage or EncumbranceMortgageInLaw. Required.
	EncumbranceType EncumbranceType `json:"encumbranceType,omitempty"`
	// Object is the encumbered property. Required; decoding also accepts
	// it as a one-element array.
	Object Object `json:"object,omitzero"`
	// RegistrationRecord identifies the encumbrance's registration
	// record. Optional.
	RegistrationRecord *Registration `json:"registrationRecord,omitempty"`
	// WhoseRightRestricted is the owner whose right the encumbrance
	// restricts. Required.
	WhoseRightRestricted Holders `json:"whoseRightRestricted,omitzero"`
	// WhoUseRestriction is the mortgagee. Optional.
	WhoUseRestriction *Encumbrancers `json:"whoUseRestriction,omitempty"`
	// AppliedDocuments are supporting documents. Optional.
	AppliedDocuments *OtherDocuments `json:"appliedDocuments,omitempty"`
}

// DocflowType returns "cessation_encumbrance_request".
func (CessationEncumbranceRequest) DocflowType() string { return wireCessationEncumbrance }

// OtherDocuments are supporting documents of no particular role.
type OtherDocuments struct {
	// Other are the documents. Optional.
	Other []AppliedDocument `json:"other,omitempty"`
}

// ActionRequest cancels, suspends or resumes an earlier docflow.
type ActionRequest struct {
	// ActionType is what to do: ActionCancel, ActionSuspend or
	// ActionResume. Required.
	ActionType ActionType `json:"actionType,omitempty"`
	// DocflowID is the GUID of the docflow acted upon. Required.
	DocflowID string `json:"docflowId,omitempty"`
	// Cause says why, in free text. Required.
	Cause string `json:"cause,omitempty"`
	// DocflowMember lists who asks: the parties of the deal to suspend
	// or resume, all of them to cancel. Required: at least one.
	DocflowMember Members `json:"docflowMember,omitempty"`
	// Documents are supporting documents, such as the lender's consent.
	// Optional. Decoding also reads the key "document".
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
