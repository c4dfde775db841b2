package options

// The checks of the shared objects. Each object has one check, used by
// every docflow type that holds it; the walker it gets is already at
// the object's path.

// The allowed values of each enumeration, as messages name them.
const (
	wantExtractType     = "one of info, base, ownership"
	wantEncumbranceType = "one of mortgage, mortgageInLaw"
	wantMovementType    = "sale"
	wantActionType      = "one of cancel, suspend, resume"
	wantObjectType      = "one of landPlot, room, flat, structure, unfinishedObject"
	wantAreaUnit        = "one of кв.м, га"
	wantBuildingType    = "one of д, к, литера, стр, срж, влд, двлд, ГСК, гараж"
	wantApartmentType   = "one of кв, бокс, ком, пом"
	wantBenefit         = "one of usssrHero, cavalierOfGlory, injuredByVov"
	wantGender          = "male or female"
	wantIdentityDoc     = "one of russPassport, inostrannyyPassport, vul, voennyyBilet, birthCertificate"
	wantRepresentative  = "confidant or authorized"
	wantContentType     = "pdf or xml"
	wantDocumentType    = "a document type the service lists (see DocumentType)"
)

// object checks a property of a registration: its kind, cadastral
// number and address are all needed.
func (w walker) object(o *Object) { w.objectFields(o, true) }

// listedObject checks an element of an object list (equity agreements,
// assignments), where a cadastral number and an address suffice.
func (w walker) listedObject(o *Object) { w.objectFields(o, false) }

func (w walker) objectFields(o *Object, needType bool) {
	enumValue(w.field("objectType"), o.ObjectType, needType, wantObjectType)
	w.field("cadastralNumber").matches(o.CadastralNumber, true, cadastralFormat)
	need(w.field("address"), &o.Address, walker.address)
	maybe(w.field("registration"), o.Registration, walker.registration)
	maybe(w.field("area"), o.Area, walker.area)
}

// objects checks a required list of properties.
func (w walker) objects(list Objects) {
	if w.nonEmpty(len(list)) {
		each(w, list, walker.listedObject)
	}
}

// registration checks a registration record: its number is needed, its
// date is optional.
func (w walker) registration(r *Registration) {
	w.field("number").text(r.Number)
	w.field("date").pastDate(r.Date, false)
}

// area checks a property's area.
func (w walker) area(a *Area) {
	w.field("value").matches(a.Value, true, decimalFormat)
	enumValue(w.field("unit"), a.Unit, true, wantAreaUnit)
}

// address checks an address. Either a FIAS id or a region is needed;
// a structured address is not required to name a house, because land
// plots and unfinished objects often have none. Each part that is set
// needs its name, and a house or apartment part its kind.
func (w walker) address(a *Address) {
	w.field("fiasId").matches(a.FiasID, false, guidFormat)
	if isBlank(a.FiasID) && isBlank(a.Region) {
		w.field("region").report(CodeRequired, "must be set when fiasId is not")
	}
	for _, el := range []struct {
		key string
		v   AddressElement
	}{
		{"autonomy", a.Autonomy}, {"district", a.District}, {"city", a.City},
		{"urbanDistrict", a.UrbanDistrict}, {"locality", a.Locality}, {"street", a.Street},
	} {
		if el.v != (AddressElement{}) {
			w.field(el.key).field("name").text(el.v.Name)
		}
	}
	for _, b := range []struct {
		key string
		v   Building
	}{{"house", a.House}, {"building", a.Building}, {"structure", a.Structure}} {
		if b.v != (Building{}) {
			addressPart(w.field(b.key), b.v.Type, b.v.Name, wantBuildingType)
		}
	}
	if a.Apartment != (Apartment{}) {
		addressPart(w.field("apartment"), a.Apartment.Type, a.Apartment.Name, wantApartmentType)
	}
}

// addressPart checks a house, building, structure or apartment part.
func addressPart[E openEnum](w walker, kind E, name, want string) {
	enumValue(w.field("type"), kind, true, want)
	w.field("name").text(name)
}

// member checks a party: a person or an organization, and an
// organization acts through a representative.
func (w walker) member(m *DocflowMember) {
	w.exactlyOne("person, organization", m.Person != nil, m.Organization != nil)
	maybe(w.field("person"), m.Person, walker.person)
	maybe(w.field("organization"), m.Organization, walker.organization)
	if m.Organization != nil && m.Representative == nil {
		w.field("representative").report(CodeRequired, "must be set for an organization")
	}
	maybe(w.field("representative"), m.Representative, walker.representative)
	enumValue(w.field("benefitCategory"), m.BenefitCategory, false, wantBenefit)
}

// members checks a required list of parties.
func (w walker) members(list Members) {
	if w.nonEmpty(len(list)) {
		each(w, list, walker.member)
	}
}

// person checks an individual: all but personId and patronymic is
// needed.
func (w walker) person(p *Person) {
	w.field("name").text(p.Name)
	w.field("surname").text(p.Surname)
	w.field("dateBirth").pastDate(p.DateBirth, true)
	w.field("birthPlace").text(p.BirthPlace)
	w.field("snils").matches(p.SNILS, true, snilsFormat)
	enumValue(w.field("gender"), p.Gender, true, wantGender)
	need(w.field("identityDocument"), &p.IdentityDocument, walker.identityDocument)
	w.field("citizenship").text(p.Citizenship)
	need(w.field("address"), &p.Address, walker.address)
}

// identityDocument checks a passport or other identity document. The
// series and the issuer's code are optional; a code that is given must
// have the documented form.
func (w walker) identityDocument(d *IdentityDocument) {
	enumValue(w.field("documentType"), d.DocumentType, true, wantIdentityDoc)
	w.field("number").text(d.Number)
	w.field("issueDate").pastDate(d.IssueDate, true)
	issuer := w.field("issuer")
	issuer.field("code").matches(d.Issuer.Code, false, issuerCodeFormat)
	issuer.field("name").text(d.Issuer.Name)
}

// organization checks a legal entity: every field is needed.
func (w walker) organization(o *Organization) {
	w.field("name").text(o.Name)
	w.field("inn").matches(o.INN, true, innFormat)
	w.field("kpp").matches(o.KPP, true, kppFormat)
	w.field("ogrn").matches(o.OGRN, true, ogrnFormat)
	w.field("regDate").pastDate(o.RegDate, true)
	need(w.field("address"), &o.Address, walker.address)
}

// representative checks who acts for a party, and the power of
// attorney when one is given.
func (w walker) representative(r *Representative) {
	enumValue(w.field("representativeType"), r.RepresentativeType, true, wantRepresentative)
	need(w.field("person"), &r.Person, walker.person)
	maybe(w.field("attorney"), r.Attorney, walker.attorney)
}

// attorney checks the document that grants a representative's power.
func (w walker) attorney(a *Attorney) {
	enumValue(w.field("type"), a.Type, true, wantDocumentType)
	need(w.field("appliedDocument"), &a.AppliedDocument, walker.content)
}

// share checks one owner's share of a shared ownership: a fraction of
// positive whole numbers no greater than one.
func (w walker) share(s *Share) {
	need(w.field("owner"), &s.Owner, walker.member)
	fraction := w.field("share")
	numerator, okN := fraction.field("numerator").positive(s.Share.Numerator)
	denominator, okD := fraction.field("denominator").positive(s.Share.Denominator)
	if okN && okD && lessDigits(denominator, numerator) {
		fraction.field("numerator").report(CodeRange, "must not exceed the denominator")
	}
}

// mortgage checks a buyer's mortgage documents: at least one, and a
// valuation wherever there is a mortgage bond.
func (w walker) mortgage(m *Mortgage) {
	w.atLeastOne("loanAgreement, mortgage, evaluationReport, powerOfAttorneyBankRepresentative",
		m.LoanAgreement != nil, m.Mortgage != nil, m.EvaluationReport != nil,
		m.PowerOfAttorneyBankRepresentative != nil)
	maybe(w.field("loanAgreement"), m.LoanAgreement, walker.appliedDocument)
	maybe(w.field("mortgage"), m.Mortgage, walker.appliedDocument)
	if m.Mortgage != nil && m.EvaluationReport == nil {
		w.field("evaluationReport").report(CodeRequired, "must be set with a mortgage bond")
	}
	maybe(w.field("evaluationReport"), m.EvaluationReport, walker.appliedDocument)
	maybe(w.field("powerOfAttorneyBankRepresentative"), m.PowerOfAttorneyBankRepresentative,
		walker.appliedDocument)
}

// appliedDocument checks an attached document: its kind and content are
// needed, its particulars are optional (an issuer that is given needs a
// name).
func (w walker) appliedDocument(d *AppliedDocument) {
	enumValue(w.field("documentType"), d.DocumentType, true, wantDocumentType)
	w.field("issueDate").pastDate(d.IssueDate, false)
	if d.Issuer != (Issuer{}) {
		w.field("issuer").field("name").text(d.Issuer.Name)
	}
	need(w.field("content"), &d.Content, walker.content)
}

// documents checks a required list of documents.
func (w walker) documents(list []AppliedDocument) {
	if w.nonEmpty(len(list)) {
		each(w, list, walker.appliedDocument)
	}
}

// content checks a reference to an uploaded file and its signatures.
func (w walker) content(c *Content) {
	info := w.field("info")
	enumValue(info.field("type"), c.Info.Type, true, wantContentType)
	need(info.field("contentPointer"), &c.Info.ContentPointer, walker.contentPointer)
	each(w.field("signatures"), c.Signatures, walker.contentPointer)
}

// contentPointer checks a reference to uploaded content: its id is
// needed.
func (w walker) contentPointer(p *ContentPointer) {
	w.field("id").matches(p.ID, true, guidFormat)
}
