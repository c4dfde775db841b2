package options

import "encoding/json"

// Object is a property: a flat, a room, a land plot, a structure or an
// unfinished construction.
type Object struct {
	ObjectType      ObjectType    `json:"objectType,omitempty"`
	UsagePurpose    UsagePurpose  `json:"usagePurpose,omitempty"`
	CadastralNumber string        `json:"cadastralNumber,omitempty"` // e.g. "47:14:1203001:814"
	Address         Address       `json:"address,omitzero"`
	Registration    *Registration `json:"registration,omitempty"` // speeds registration up
	Area            *Area         `json:"area,omitempty"`
}

// UnmarshalJSON decodes an Object, also from a one-element array.
func (o *Object) UnmarshalJSON(b []byte) error {
	b, err := unwrapOne(b, "object")
	if err != nil {
		return err
	}
	type plain Object
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*o = Object(p)
	return nil
}

// Objects is a list of properties. Decoding also accepts one object.
type Objects []Object

// UnmarshalJSON decodes a list of objects, or a single object.
func (o *Objects) UnmarshalJSON(b []byte) error { return decodeList(b, (*[]Object)(o)) }

// Registration identifies an earlier registration record: of a
// property's rights, or of an encumbrance.
type Registration struct {
	Number string `json:"number,omitempty"`
	Date   Date   `json:"date,omitzero"`
}

// Area is a property's area; Value is a decimal string.
type Area struct {
	Value string   `json:"value,omitempty"`
	Unit  AreaUnit `json:"unit,omitempty"`
}

// Address is either a FIAS address object id with the apartment part,
// or a structured address down to the house.
type Address struct {
	FiasID        string         `json:"fiasId,omitempty"` // GUID of the FIAS address object
	Kladr         string         `json:"kladr,omitempty"`
	Region        string         `json:"region,omitempty"`
	Autonomy      AddressElement `json:"autonomy,omitzero"`
	District      AddressElement `json:"district,omitzero"`
	City          AddressElement `json:"city,omitzero"`
	UrbanDistrict AddressElement `json:"urbanDistrict,omitzero"`
	Locality      AddressElement `json:"locality,omitzero"`
	Street        AddressElement `json:"street,omitzero"`
	House         Building       `json:"house,omitzero"`
	Building      Building       `json:"building,omitzero"`
	Structure     Building       `json:"structure,omitzero"`
	Apartment     Apartment      `json:"apartment,omitzero"`
	Note          string         `json:"note,omitempty"` // free text
}

// AddressElement is a named part of an address with its abbreviation,
// such as {"г", "Новосибирск"} or {"ул", "Ленина"}.
type AddressElement struct {
	Abbreviation string `json:"abbreviation,omitempty"`
	Name         string `json:"name,omitempty"`
}

// Building is the house, building or structure part of an address.
type Building struct {
	Type BuildingType `json:"type,omitempty"`
	Name string       `json:"name,omitempty"`
}

// Apartment is the apartment part of an address.
type Apartment struct {
	Type ApartmentType `json:"type,omitempty"`
	Name string        `json:"name,omitempty"`
}

// DocflowMember is a party of a deal: a person or an organization (one
// of them), acting in person or through a representative. An
// organization always acts through a representative.
type DocflowMember struct {
	Person          *Person         `json:"person,omitempty"`
	Organization    *Organization   `json:"organization,omitempty"`
	Representative  *Representative `json:"representative,omitempty"`
	BenefitCategory BenefitCategory `json:"benefitCategory,omitempty"` // a state-fee exemption
}

// UnmarshalJSON decodes a DocflowMember, reading "organisation" as
// "organization".
func (m *DocflowMember) UnmarshalJSON(b []byte) error {
	type plain DocflowMember
	var aux struct {
		plain
		Organisation *Organization `json:"organisation"`
	}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	*m = DocflowMember(aux.plain)
	if m.Organization == nil {
		m.Organization = aux.Organisation
	}
	return nil
}

// Members is a list of parties. Decoding also accepts one party.
type Members []DocflowMember

// UnmarshalJSON decodes a list of parties, or a single party.
func (m *Members) UnmarshalJSON(b []byte) error { return decodeList(b, (*[]DocflowMember)(m)) }

// Person is an individual. Every field but PersonID and Patronymic is
// required by the service.
type Person struct {
	// PersonID is the client's own optional id of the person, which the
	// service echoes in signature requirements to tell signers apart.
	PersonID         string           `json:"personId,omitempty"`
	Name             string           `json:"name,omitempty"`
	Surname          string           `json:"surname,omitempty"`
	Patronymic       string           `json:"patronymic,omitempty"`
	DateBirth        Date             `json:"dateBirth,omitzero"`
	BirthPlace       string           `json:"birthPlace,omitempty"`
	SNILS            string           `json:"snils,omitempty"` // insurance number, "000-000-000 00"
	Gender           Gender           `json:"gender,omitempty"`
	IdentityDocument IdentityDocument `json:"identityDocument,omitzero"`
	Citizenship      string           `json:"citizenship,omitempty"`
	Address          Address          `json:"address,omitzero"`
}

// IdentityDocument is a person's passport or other identity document.
type IdentityDocument struct {
	DocumentType IdentityDocumentType `json:"documentType,omitempty"`
	Series       string               `json:"series,omitempty"`
	Number       string               `json:"number,omitempty"`
	IssueDate    Date                 `json:"issueDate,omitzero"`
	Issuer       Issuer               `json:"issuer,omitzero"`
}

// Issuer is the body that issued a document. Code, the issuing unit's
// code ("000-000"), is optional.
type Issuer struct {
	Code string `json:"code,omitempty"`
	Name string `json:"name,omitempty"`
}

// Organization is a legal entity. Every field is required by the
// service.
type Organization struct {
	Name    string  `json:"name,omitempty"`
	INN     string  `json:"inn,omitempty"`  // 10 digits
	KPP     string  `json:"kpp,omitempty"`  // 9 digits
	OGRN    string  `json:"ogrn,omitempty"` // 13 digits, or 15 for an OGRNIP
	RegDate Date    `json:"regDate,omitzero"`
	Address Address `json:"address,omitzero"`
}

// Representative acts for a party, by power of attorney or by law.
type Representative struct {
	RepresentativeType RepresentativeType `json:"representativeType,omitempty"`
	Person             Person             `json:"person,omitzero"`
	Attorney           *Attorney          `json:"attorney,omitempty"`
}

// Attorney is the document that grants a representative's power: its
// kind (DocPowerOfAttorney, DocPowerOfAttorneyBankRepresentative) and
// its uploaded content.
type Attorney struct {
	Type            DocumentType `json:"type,omitempty"`
	AppliedDocument Content      `json:"appliedDocument,omitzero"`
}

// Share is a party's fraction of a shared ownership.
type Share struct {
	Owner DocflowMember `json:"owner,omitzero"`
	Share Fraction      `json:"share,omitzero"`
}

// Fraction is a share such as 1/2, written as decimal strings.
type Fraction struct {
	Numerator   string `json:"numerator,omitempty"`
	Denominator string `json:"denominator,omitempty"`
}

// UnmarshalJSON decodes a Fraction, reading "denumerator" as
// "denominator".
func (f *Fraction) UnmarshalJSON(b []byte) error {
	type plain Fraction
	var aux struct {
		plain
		Denumerator string `json:"denumerator"`
	}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	*f = Fraction(aux.plain)
	if f.Denominator == "" {
		f.Denominator = aux.Denumerator
	}
	return nil
}

// Mortgage holds the documents of a mortgage by law that a buyer takes
// out to pay for the property.
type Mortgage struct {
	LoanAgreement *AppliedDocument `json:"loanAgreement,omitempty"`
	// Mortgage is the mortgage bond, where the loan agreement provides
	// for one.
	Mortgage *AppliedDocument `json:"mortgage,omitempty"`
	// EvaluationReport is the valuation, required with a bond.
	EvaluationReport                  *AppliedDocument `json:"evaluationReport,omitempty"`
	PowerOfAttorneyBankRepresentative *AppliedDocument `json:"powerOfAttorneyBankRepresentative,omitempty"`
}

// AppliedDocument is a document attached to a request: its kind, its
// particulars and its uploaded content with signatures.
type AppliedDocument struct {
	DocumentType DocumentType `json:"documentType,omitempty"`
	Series       string       `json:"series,omitempty"`
	Number       string       `json:"number,omitempty"`
	IssueDate    Date         `json:"issueDate,omitzero"`
	Issuer       Issuer       `json:"issuer,omitzero"`
	Content      Content      `json:"content,omitzero"`
}

// Content refers to an uploaded document file and its detached
// signatures (see the realty client's Contents.Upload).
type Content struct {
	Info       ContentInfo      `json:"info,omitzero"`
	Signatures []ContentPointer `json:"signatures,omitempty"`
}

// ContentInfo gives an uploaded file's format and where it is.
type ContentInfo struct {
	Type           ContentType    `json:"type,omitempty"`
	ContentPointer ContentPointer `json:"contentPointer,omitzero"`
}

// ContentPointer identifies uploaded content: its id and its URL.
type ContentPointer struct {
	ID          string `json:"id,omitempty"`
	ContentLink string `json:"contentLink,omitempty"`
}

// UnmarshalJSON decodes a ContentPointer, also from a one-element array.
func (p *ContentPointer) UnmarshalJSON(b []byte) error {
	b, err := unwrapOne(b, "contentPointer")
	if err != nil {
		return err
	}
	type plain ContentPointer
	var v plain
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*p = ContentPointer(v)
	return nil
}
