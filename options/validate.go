package options

// The codes of the problems that Validate reports. A *ValidationError
// has the code CodeValidation; each Problem in its Errors has one of the
// others, and its Target is the JSON path of the field at fault, from
// the options root, with [i] for list elements:
//
//	options.object.cadastralNumber
//	options.buyer.sharedOwnership.shares[1].share.numerator
//
// Its Message says what is expected without quoting the value, which
// may be personal data.
const (
	// CodeValidation is the code of a *ValidationError as a whole, the
	// code the service gives its own validation failures.
	CodeValidation = "validation"
	// CodeRequired marks a required value, object or list that is
	// missing or empty.
	CodeRequired = "required"
	// CodeFormat marks a value without its documented form (a
	// cadastral number, SNILS, INN, GUID, date, number).
	CodeFormat = "format"
	// CodeOneOf marks a group of alternatives of which none or too
	// many are set; the Target is the object holding the group.
	CodeOneOf = "oneOf"
	// CodeEnum marks an enumeration value that the service does not
	// list (for this docflow type).
	CodeEnum = "enum"
	// CodeRange marks a value of the right form that is out of range:
	// a date in the future, a zero or improper share.
	CodeRange = "range"
	// CodeNotAllowed marks a field that is set where it does not
	// apply, such as a seller's mortgage.
	CodeNotAllowed = "notAllowed"
)

// Validate checks r against the service's documented rules and returns
// a *ValidationError listing every problem, or nil.
func (r ObjectRequest) Validate() error {
	w := newWalker()
	enumValue(w.field("type"), r.Type, true, wantExtractType)
	w.field("cadastralNumber").matches(r.CadastralNumber, true, cadastralFormat)
	return w.result(r.DocflowType())
}

// Validate checks r against the service's documented rules and returns
// a *ValidationError listing every problem, or nil. A mortgage by law
// (EncumbranceMortgageInLaw) cannot be registered by this request.
func (r EncumbranceRequest) Validate() error {
	w := newWalker()
	if r.EncumbranceType == EncumbranceMortgageInLaw {
		w.field("encumbranceType").report(CodeEnum,
			"must be mortgage: mortgageInLaw applies only to removing an encumbrance")
	} else {
		enumValue(w.field("encumbranceType"), r.EncumbranceType, true, wantEncumbranceType)
	}
	need(w.field("object"), &r.Object, walker.object)
	need(w.field("whoseRightRestricted"), &r.WhoseRightRestricted, walker.holders)
	need(w.field("whoUseRestriction"), &r.WhoUseRestriction, walker.encumbrancers)

	docs := w.field("appliedDocuments")
	need(docs.field("mortgageAgreement"), &r.AppliedDocuments.MortgageAgreement, walker.appliedDocument)
	maybe(docs.field("loanAgreement"), r.AppliedDocuments.LoanAgreement, walker.appliedDocument)
	maybe(docs.field("notarySpouseConsent"), r.AppliedDocuments.NotarySpouseConsent, walker.appliedDocument)
	each(docs.field("other"), r.AppliedDocuments.Other, walker.appliedDocument)
	return w.result(r.DocflowType())
}

// Validate checks r against the service's documented rules and returns
// a *ValidationError listing every problem, or nil.
func (r RightMovementRequest) Validate() error {
	w := newWalker()
	enumValue(w.field("rightMovementType"), r.RightMovementType, true, wantMovementType)
	need(w.field("object"), &r.Object, walker.object)
	need(w.field("seller"), &r.Seller, walker.seller)
	need(w.field("buyer"), &r.Buyer, walker.buyer)

	docs := w.field("appliedDocuments")
	need(docs.field("contractOfSale"), &r.AppliedDocuments.ContractOfSale, walker.appliedDocument)
	each(docs.field("other"), r.AppliedDocuments.Other, walker.appliedDocument)
	return w.result(r.DocflowType())
}

// Validate checks r against the service's documented rules and returns
// a *ValidationError listing every problem, or nil.
func (r AdditionalPackageRequest) Validate() error {
	w := newWalker()
	w.field("docflowId").matches(r.DocflowID, true, guidFormat)
	list := w.field("additionalDocuments")
	if list.nonEmpty(len(r.AdditionalDocuments)) {
		each(list, r.AdditionalDocuments, walker.additionalDocuments)
	}
	return w.result(r.DocflowType())
}

// Validate checks r against the service's documented rules and returns
// a *ValidationError listing every problem, or nil.
func (r EquityAgreementRegistrationRequest) Validate() error {
	w := newWalker()
	w.field("object").objects(r.Object)
	need(w.field("developer"), &r.Developer, walker.developer)
	need(w.field("buyer"), &r.Buyer, walker.buyer)

	docs := w.field("appliedDocuments")
	need(docs.field("equityAgreement"), &r.AppliedDocuments.EquityAgreement, walker.appliedDocument)
	each(docs.field("other"), r.AppliedDocuments.Other, walker.appliedDocument)
	return w.result(r.DocflowType())
}

// Validate checks r against the service's documented rules and returns
// a *ValidationError listing every problem, or nil. The assignor cannot
// prove an old right with EvidenceOfOwnership here: only a sale takes
// it.
func (r RightAssignmentRequest) Validate() error {
	w := newWalker()
	w.field("object").objects(r.Object)
	need(w.field("seller"), &r.Seller, walker.assignor)
	need(w.field("buyer"), &r.Buyer, walker.buyer)

	docs := w.field("appliedDocuments")
	need(docs.field("rightTransferAgreement"), &r.AppliedDocuments.RightTransferAgreement,
		walker.appliedDocument)
	each(docs.field("other"), r.AppliedDocuments.Other, walker.appliedDocument)
	return w.result(r.DocflowType())
}

// Validate checks r against the service's documented rules and returns
// a *ValidationError listing every problem, or nil.
func (r CessationEncumbranceRequest) Validate() error {
	w := newWalker()
	enumValue(w.field("encumbranceType"), r.EncumbranceType, true, wantEncumbranceType)
	need(w.field("object"), &r.Object, walker.object)
	maybe(w.field("registrationRecord"), r.RegistrationRecord, walker.registration)
	need(w.field("whoseRightRestricted"), &r.WhoseRightRestricted, walker.holders)
	maybe(w.field("whoUseRestriction"), r.WhoUseRestriction, walker.encumbrancers)
	if r.AppliedDocuments != nil {
		each(w.field("appliedDocuments").field("other"), r.AppliedDocuments.Other,
			walker.appliedDocument)
	}
	return w.result(r.DocflowType())
}

// Validate checks r against the service's documented rules and returns
// a *ValidationError listing every problem, or nil.
func (r ActionRequest) Validate() error {
	w := newWalker()
	enumValue(w.field("actionType"), r.ActionType, true, wantActionType)
	w.field("docflowId").matches(r.DocflowID, true, guidFormat)
	w.field("cause").text(r.Cause)
	w.field("docflowMember").members(r.DocflowMember)
	each(w.field("documents"), r.Documents, walker.appliedDocument)
	return w.result(r.DocflowType())
}

// The checks of the parts that belong to the request types rather than
// to the shared objects.

// holders checks the owners whose right an encumbrance restricts.
func (w walker) holders(h *Holders) {
	w.exactlyOne("individualOwnership, cooperativeOwnership",
		h.IndividualOwnership != nil, h.CooperativeOwnership != nil)
	maybe(w.field("individualOwnership"), h.IndividualOwnership, holding.individual)
	maybe(w.field("cooperativeOwnership"), h.CooperativeOwnership, holding.cooperative)
}

// encumbrancers checks the mortgagee side of an encumbrance.
func (w walker) encumbrancers(e *Encumbrancers) {
	w.field("encumbrancer").members(e.Encumbrancer)
}

// seller checks the side of a sale that gives up the property; it may
// prove an old right with evidenceOfOwnership. A seller with no kind of
// ownership at all is the zero Seller, which need reports as missing.
func (w walker) seller(s *Seller) {
	w.sellerKinds(s)
	maybe(w.field("evidenceOfOwnership"), s.EvidenceOfOwnership, walker.evidence)
}

// assignor checks the side of an assignment that gives up the claim.
func (w walker) assignor(s *Seller) {
	w.atLeastOne("individualOwnership, cooperativeOwnership, sharedOwnership",
		s.IndividualOwnership != nil, s.CooperativeOwnership != nil, s.SharedOwnership != nil)
	w.sellerKinds(s)
	w.field("evidenceOfOwnership").notAllowed(s.EvidenceOfOwnership != nil,
		"only a sale (right_movement_request) takes evidence of ownership")
}

// sellerKinds checks the kinds of ownership a seller and an assignor
// share.
func (w walker) sellerKinds(s *Seller) {
	maybe(w.field("individualOwnership"), s.IndividualOwnership, holding.individual)
	maybe(w.field("cooperativeOwnership"), s.CooperativeOwnership, holding.cooperative)
	maybe(w.field("sharedOwnership"), s.SharedOwnership, walker.sharedOwnership)
}

// buyer checks the side that acquires a property or a claim.
func (w walker) buyer(b *Buyer) {
	w.exactlyOne("individualOwnership, cooperativeOwnership, sharedOwnership",
		b.IndividualOwnership != nil, b.CooperativeOwnership != nil, b.SharedOwnership != nil)
	maybe(w.field("individualOwnership"), b.IndividualOwnership, buying.individual)
	maybe(w.field("cooperativeOwnership"), b.CooperativeOwnership, buying.cooperative)
	maybe(w.field("sharedOwnership"), b.SharedOwnership, walker.sharedOwnership)
}

// ownership says whose ownership is checked: a buyer's may carry a
// mortgage and a marriage certificate, a seller's or a holder's may not.
type ownership struct{ buying bool }

var (
	buying  = ownership{buying: true}
	holding = ownership{buying: false}
)

// individual checks an ownership by one party.
func (k ownership) individual(w walker, o *IndividualOwnership) {
	need(w.field("owner"), &o.Owner, walker.member)
	buyerOnly(k, w.field("mortgage"), o.Mortgage, walker.mortgage)
}

// cooperative checks the joint ownership of spouses.
func (k ownership) cooperative(w walker, o *CooperativeOwnership) {
	need(w.field("spouse1"), &o.Spouse1, walker.member)
	need(w.field("spouse2"), &o.Spouse2, walker.member)
	buyerOnly(k, w.field("mortgage"), o.Mortgage, walker.mortgage)
	buyerOnly(k, w.field("marriageCertificate"), o.MarriageCertificate, walker.appliedDocument)
}

// buyerOnly checks a field that only a buyer's ownership takes, and
// reports it as out of place in any other.
func buyerOnly[T any](k ownership, w walker, v *T, check func(walker, *T)) {
	if k.buying {
		maybe(w, v, check)
		return
	}
	w.notAllowed(v != nil, "only a buyer's ownership carries it")
}

// sharedOwnership checks an ownership in shares.
func (w walker) sharedOwnership(o *SharedOwnership) {
	shares := w.field("shares")
	if shares.nonEmpty(len(o.Shares)) {
		each(shares, o.Shares, walker.share)
	}
}

// evidence checks the proof of a right that arose before 1998.
func (w walker) evidence(e *EvidenceOfOwnership) {
	w.field("documents").documents(e.Documents)
}

// additionalDocuments checks one party's documents of an additional
// package.
func (w walker) additionalDocuments(a *AdditionalDocuments) {
	need(w.field("docflowMember"), &a.DocflowMember, walker.member)
	w.field("documents").documents(a.Documents)
}

// developer checks the builder of an equity agreement and, when given,
// the builder's documents.
func (w walker) developer(d *Developer) {
	need(w.field("developer"), &d.Developer, walker.member)
	maybe(w.field("appliedDocuments"), d.AppliedDocuments, walker.developerDocuments)
}

// developerDocuments checks the builder's documents: the build
// agreement is needed, the others are optional.
func (w walker) developerDocuments(d *DeveloperDocuments) {
	need(w.field("buildAgreement"), &d.BuildAgreement, walker.appliedDocument)
	maybe(w.field("projectDeclaration"), d.ProjectDeclaration, walker.appliedDocument)
	maybe(w.field("buildPlan"), d.BuildPlan, walker.appliedDocument)
}
