package options

import "encoding/json"

// Object is a property: a flat, a room, a land plot, a structure or an
// unfinished construction.
type Object struct {
	// ObjectType is the kind of property: ObjectLandPlot, ObjectRoom,
	// ObjectFlat, ObjectStructure or ObjectUnfinished. Required, except in
	// the object lists of equity agreements and assignments.
	ObjectType ObjectType `json:"objectType,omitempty"`
	// UsagePurpose says what the property is used for, a free string
	// (DwellingApartment for a dwelling). Validate does not check it.
	UsagePurpose UsagePurpose `json:"usagePurpose,omitempty"`
	// CadastralNumber is the property's number in the register, in the
	// form "AA:BB:CCCCCC:N" (district, area, quarter of 6 or 7 digits,
	// object), such as "47:14:1203001:814". Required.
	CadastralNumber string `json:"cadastralNumber,omitempty"`
	// Address is where the property is. Required.
	Address Address `json:"address,omitzero"`
	// Registration is the record of the rights already registered for
	// the property. Optional; giving it speeds registration up.
	Registration *Registration `json:"registration,omitempty"`
	// Area is the property's area. Optional.
	Area *Area `json:"area,omitempty"`
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
	// Number is the number of the registration record; required in a
	// Registration that is given.
	Number string `json:"number,omitempty"`
	// Date is the day the record was made. Optional; not in the future.
	Date Date `json:"date,omitzero"`
}

// Area is a property's area; Value is a decimal string.
type Area struct {
	// Value is the amount, digits with an optional fraction after "." or
	// ",", such as "56" or "56.5". Required.
	Value string `json:"value,omitempty"`
	// Unit is SquareMetre or Hectare. Required.
	Unit AreaUnit `json:"unit,omitempty"`
}

// Address is either a FIAS address object id with the apartment part,
// or a structured address down to the house.
type Address struct {
	// FiasID is the GUID of the FIAS address object; with it, only the
	// apartment part is needed. Either FiasID or Region is required.
	FiasID string `json:"fiasId,omitempty"`
	// Kladr is the address's code in the KLADR classifier, digits.
	// Optional.
	Kladr string `json:"kladr,omitempty"`
	// Region is the region's name, such as "Новосибирская область";
	// required when FiasID is empty.
	Region string `json:"region,omitempty"`
	// Autonomy is the autonomous district, where there is one.
	Autonomy AddressElement `json:"autonomy,omitzero"`
	// District is the district within the region.
	District AddressElement `json:"district,omitzero"`
	// City is the city or town, such as {"г", "Новосибирск"}.
	City AddressElement `json:"city,omitzero"`
	// UrbanDistrict is the district within the city.
	UrbanDistrict AddressElement `json:"urbanDistrict,omitzero"`
	// Locality is the settlement outside a city, such as a village.
	Locality AddressElement `json:"locality,omitzero"`
	// Street is the street, such as {"ул", "Ленина"}.
	Street AddressElement `json:"street,omitzero"`
	// House is the house part; its Type is usually BuildingHouse.
	// Optional: land plots and unfinished objects often have none.
	House Building `json:"house,omitzero"`
	// Building is the block or building part, such as a BuildingKorpus.
	Building Building `json:"building,omitzero"`
	// Structure is the structure part, such as a BuildingStroenie.
	Structure Building `json:"structure,omitzero"`
	// Apartment is the flat, room or premises within the house.
	Apartment Apartment `json:"apartment,omitzero"`
	// Note is free text about the address. Optional.
	Note string `json:"note,omitempty"`
}

// AddressElement is a named part of an address with its abbreviation,
// such as {"г", "Новосибирск"} or {"ул", "Ленина"}.
type AddressElement struct {
	// Abbreviation is the kind of the part as the address standard
	// shortens it, such as "г" (a city) or "ул" (a street).
	Abbreviation string `json:"abbreviation,omitempty"`
	// Name is the part's proper name; required in a part that is given.
	Name string `json:"name,omitempty"`
}

// Building is the house, building or structure part of an address.
type Building struct {
	// Type is the kind of building, one of the Building* constants
	// (BuildingHouse, BuildingKorpus, ...); required in a part that is given.
	Type BuildingType `json:"type,omitempty"`
	// Name is its number or name, such as "12" or "12А"; required in a
	// part that is given.
	Name string `json:"name,omitempty"`
}

// Apartment is the apartment part of an address.
type Apartment struct {
	// Type is the kind of apartment: ApartmentFlat, ApartmentBox,
	// ApartmentRoom or ApartmentPremises; required in a part that is given.
	Type ApartmentType `json:"type,omitempty"`
	// Name is its number or name; required in a part that is given.
	Name string `json:"name,omitempty"`
}

// DocflowMember is a party of a deal: a person or an organization (one
// of them), acting in person or through a representative. An
// organization always acts through a representative.
type DocflowMember struct {
	// Person is the party when it is an individual; set exactly one of
	// Person and Organization.
	Person *Person `json:"person,omitempty"`
	// Organization is the party when it is a legal entity; set exactly
	// one of Person and Organization.
	Organization *Organization `json:"organization,omitempty"`
	// Representative is who acts for the party. Required with an
	// Organization, optional with a Person who acts in person.
	Representative *Representative `json:"representative,omitempty"`
	// BenefitCategory exempts the party from the state fee:
	// BenefitUSSRHero, BenefitCavalierOfGlory or BenefitInjuredByWWII.
	// Optional.
	BenefitCategory BenefitCategory `json:"benefitCategory,omitempty"`
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
	PersonID string `json:"personId,omitempty"`
	// Name is the person's given name. Required.
	Name string `json:"name,omitempty"`
	// Surname is the person's family name. Required.
	Surname string `json:"surname,omitempty"`
	// Patronymic is the name derived from the father's; optional, as
	// not everyone has one.
	Patronymic string `json:"patronymic,omitempty"`
	// DateBirth is the date of birth, not in the future. Required.
	DateBirth Date `json:"dateBirth,omitzero"`
	// BirthPlace is where the person was born. Required.
	BirthPlace string `json:"birthPlace,omitempty"`
	// SNILS is the person's pension insurance number, 11 digits written
	// "000-000-000 00" (the hyphens and the space may be left out).
	// Required.
	SNILS string `json:"snils,omitempty"`
	// Gender is Male or Female. Required.
	Gender Gender `json:"gender,omitempty"`
	// IdentityDocument is the person's passport or other identity
	// document. Required.
	IdentityDocument IdentityDocument `json:"identityDocument,omitzero"`
	// Citizenship is the person's country of citizenship, such as
	// "Российская Федерация". Required.
	Citizenship string `json:"citizenship,omitempty"`
	// Address is the person's address. Required.
	Address Address `json:"address,omitzero"`
}

// IdentityDocument is a person's passport or other identity document.
type IdentityDocument struct {
	// DocumentType is the kind of document, one of the ID* constants
	// (IDRussianPassport, IDForeignPassport, ...). Required.
	DocumentType IdentityDocumentType `json:"documentType,omitempty"`
	// Series is the document's series, such as a passport's 4 digits.
	// Optional.
	Series string `json:"series,omitempty"`
	// Number is the document's number. Required.
	Number string `json:"number,omitempty"`
	// IssueDate is the day the document was issued, not in the future.
	// Required.
	IssueDate Date `json:"issueDate,omitzero"`
	// Issuer is who issued the document; its Name is required.
	Issuer Issuer `json:"issuer,omitzero"`
}

// Issuer is the body that issued a document. Code, the issuing unit's
// code ("000-000"), is optional.
type Issuer struct {
	// Code is the issuing unit's code, 6 digits written "000-000" (the
	// hyphen may be left out). Optional.
	Code string `json:"code,omitempty"`
	// Name is the issuing body's name. Required.
	Name string `json:"name,omitempty"`
}

// Organization is a legal entity. Every field is required by the
// service.
type Organization struct {
	// Name is the entity's registered name. Required.
	Name string `json:"name,omitempty"`
	// INN is the taxpayer number of the entity, 10 digits. Required.
	INN string `json:"inn,omitempty"`
	// KPP is the tax registration reason code, 9 digits. Required.
	KPP string `json:"kpp,omitempty"`
	// OGRN is the state registration number, 13 digits (15 for an
	// individual entrepreneur's OGRNIP). Required.
	OGRN string `json:"ogrn,omitempty"`
	// RegDate is the day the entity was registered, not in the future.
	// Required.
	RegDate Date `json:"regDate,omitzero"`
	// Address is the entity's address. Required.
	Address Address `json:"address,omitzero"`
}

// Representative acts for a party, by power of attorney or by law.
type Representative struct {
	// RepresentativeType is the ground of the power:
	// RepresentativeConfidant (a power of attorney) or
	// RepresentativeAuthorized (by law). Required.
	RepresentativeType RepresentativeType `json:"representativeType,omitempty"`
	// Person is the individual who acts. Required.
	Person Person `json:"person,omitzero"`
	// Attorney is the document that grants the power, such as a power of
	// attorney. Validate does not require it.
	Attorney *Attorney `json:"attorney,omitempty"`
}

// Attorney is the document that grants a representative's power: its
// kind (DocPowerOfAttorney, DocPowerOfAttorneyBankRepresentative) and
// its uploaded content.
type Attorney struct {
	// Type is the kind of document, DocPowerOfAttorney or
	// DocPowerOfAttorneyBankRepresentative. Required.
	Type DocumentType `json:"type,omitempty"`
	// AppliedDocument is the uploaded file of the document and its
	// signatures. Required.
	AppliedDocument Content `json:"appliedDocument,omitzero"`
}

// Share is a party's fraction of a shared ownership.
type Share struct {
	// Owner is the party that holds the share. Required.
	Owner DocflowMember `json:"owner,omitzero"`
	// Share is the size of the share, such as 1/2. Required.
	Share Fraction `json:"share,omitzero"`
}

// Fraction is a share such as 1/2, written as decimal strings.
type Fraction struct {
	// Numerator is the top of the fraction: a whole number above zero,
	// in digits, no greater than Denominator. Required.
	Numerator string `json:"numerator,omitempty"`
	// Denominator is the bottom of the fraction: a whole number above
	// zero, in digits. Required.
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
	// LoanAgreement is the agreement of the loan that pays for the
	// property. At least one of the four documents is required.
	LoanAgreement *AppliedDocument `json:"loanAgreement,omitempty"`
	// Mortgage is the mortgage bond, where the loan agreement provides
	// for one.
	Mortgage *AppliedDocument `json:"mortgage,omitempty"`
	// EvaluationReport is the valuation, required with a bond.
	EvaluationReport *AppliedDocument `json:"evaluationReport,omitempty"`
	// PowerOfAttorneyBankRepresentative is the power of attorney of the
	// lender's representative. Optional.
	PowerOfAttorneyBankRepresentative *AppliedDocument `json:"powerOfAttorneyBankRepresentative,omitempty"`
}

// AppliedDocument is a document attached to a request: its kind, its
// particulars and its uploaded content with signatures.
type AppliedDocument struct {
	// DocumentType is the kind of document, one of the Doc* constants
	// (DocContractOfSale, DocMortgageAgreement, ...). Required.
	DocumentType DocumentType `json:"documentType,omitempty"`
	// Series is the document's series, where it has one. Optional.
	Series string `json:"series,omitempty"`
	// Number is the document's number, where it has one. Optional.
	Number string `json:"number,omitempty"`
	// IssueDate is the day the document was issued or signed; optional,
	// not in the future.
	IssueDate Date `json:"issueDate,omitzero"`
	// Issuer is who issued the document. Optional; when given, its Name
	// is required.
	Issuer Issuer `json:"issuer,omitzero"`
	// Content is the uploaded file of the document and its signatures.
	// Required.
	Content Content `json:"content,omitzero"`
}

// Content refers to an uploaded document file and its detached
// signatures (see the realty client's Contents.Upload).
type Content struct {
	// Info gives the uploaded file's format and where it is. Required.
	Info ContentInfo `json:"info,omitzero"`
	// Signatures point to the uploaded detached signatures of the file.
	Signatures []ContentPointer `json:"signatures,omitempty"`
}

// ContentInfo gives an uploaded file's format and where it is.
type ContentInfo struct {
	// Type is the file's format, ContentPDF or ContentXML. Required.
	Type ContentType `json:"type,omitempty"`
	// ContentPointer points to the uploaded file. Required; decoding
	// also accepts it as a one-element array.
	ContentPointer ContentPointer `json:"contentPointer,omitzero"`
}

// ContentPointer identifies uploaded content: its id and its URL.
type ContentPointer struct {
	// ID is the content's id that the service gave on upload, a GUID.
	// Required.
	ID string `json:"id,omitempty"`
	// ContentLink is the URL of the uploaded content, as the service
	// gave it. Validate does not require it.
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
