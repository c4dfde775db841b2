package options

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// issue is what a test expects of one reported problem.
type issue struct{ target, code string }

func one(target, code string) []issue { return []issue{{target, code}} }

// issuesOf returns the problems of a Validate error, checking the shape
// every ValidationError must have.
func issuesOf(t *testing.T, err error) []issue {
	t.Helper()
	if err == nil {
		return nil
	}
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, CodeValidation, ve.Code)
	assert.Equal(t, "options", ve.Target)
	assert.NotEmpty(t, ve.Message)

	var got []issue
	for _, p := range ve.Errors {
		assert.NotEmpty(t, p.Message, "message of %s", p.Target)
		assert.Empty(t, p.Errors, "problems are not nested below one field")
		got = append(got, issue{p.Target, p.Code})
	}
	return got
}

// The paths the table below refers to again and again.
const (
	objectPath   = "options.object"
	ownerPath    = "options.whoseRightRestricted.individualOwnership.owner"
	personPath   = ownerPath + ".person"
	idDocPath    = personPath + ".identityDocument"
	bankPath     = "options.whoUseRestriction.encumbrancer[0]"
	orgPath      = bankPath + ".organization"
	reprPath     = bankPath + ".representative"
	agreePath    = "options.appliedDocuments.mortgageAgreement"
	contentPath  = agreePath + ".content"
	sharesPath   = "options.buyer.sharedOwnership.shares"
	buyerMortage = "options.buyer.individualOwnership.mortgage"
)

// The mutators below break one part of a valid EncumbranceRequest, the
// type that holds most shared objects.

func encumbrance(mutate func(*EncumbranceRequest)) EncumbranceRequest {
	return with(validEncumbranceRequest(), mutate)
}

func object(mutate func(*Object)) EncumbranceRequest {
	return encumbrance(func(r *EncumbranceRequest) { mutate(&r.Object) })
}

func owner(mutate func(*DocflowMember)) EncumbranceRequest {
	return encumbrance(func(r *EncumbranceRequest) {
		mutate(&r.WhoseRightRestricted.IndividualOwnership.Owner)
	})
}

func person(mutate func(*Person)) EncumbranceRequest {
	return owner(func(m *DocflowMember) { mutate(m.Person) })
}

func bank(mutate func(*DocflowMember)) EncumbranceRequest {
	return encumbrance(func(r *EncumbranceRequest) { mutate(&r.WhoUseRestriction.Encumbrancer[0]) })
}

func agreement(mutate func(*AppliedDocument)) EncumbranceRequest {
	return encumbrance(func(r *EncumbranceRequest) { mutate(&r.AppliedDocuments.MortgageAgreement) })
}

func sale(mutate func(*RightMovementRequest)) RightMovementRequest {
	return with(validRightMovementRequest(), mutate)
}

func share(i int, mutate func(*Share)) RightMovementRequest {
	return sale(func(r *RightMovementRequest) { mutate(&r.Buyer.SharedOwnership.Shares[i]) })
}

func mortgagedSale(m *Mortgage) RightMovementRequest {
	return sale(func(r *RightMovementRequest) {
		r.Buyer = Buyer{IndividualOwnership: &IndividualOwnership{Owner: validPersonMember(), Mortgage: m}}
	})
}

func TestValidate(t *testing.T) {
	tomorrow := NewDate(2024, time.June, 16)

	tests := []struct {
		name string
		opts Options
		want []issue // nil: the options are valid
		// secret is a value that must not appear in the error text.
		secret string
	}{
		// ObjectRequest.
		{name: "object request: valid", opts: validObjectRequest()},
		{name: "object request: type missing",
			opts: with(validObjectRequest(), func(r *ObjectRequest) { r.Type = "" }),
			want: one("options.type", CodeRequired)},
		{name: "object request: type unknown",
			opts: with(validObjectRequest(), func(r *ObjectRequest) { r.Type = "full" }),
			want: one("options.type", CodeEnum)},
		{name: "object request: cadastral number missing",
			opts: with(validObjectRequest(), func(r *ObjectRequest) { r.CadastralNumber = "" }),
			want: one("options.cadastralNumber", CodeRequired)},
		{name: "object request: cadastral quarter of 5 digits",
			opts:   with(validObjectRequest(), func(r *ObjectRequest) { r.CadastralNumber = "47:14:12030:814" }),
			want:   one("options.cadastralNumber", CodeFormat),
			secret: "47:14:12030:814"},
		{name: "object request: cadastral number with a trailing newline",
			opts: with(validObjectRequest(), func(r *ObjectRequest) { r.CadastralNumber = "47:14:1203001:814\n" }),
			want: one("options.cadastralNumber", CodeFormat)},
		{name: "object request: cadastral quarter of 6 digits",
			opts: with(validObjectRequest(), func(r *ObjectRequest) { r.CadastralNumber = "54:35:021060:1683" })},

		// EncumbranceRequest and the request-level rules.
		{name: "encumbrance: valid", opts: validEncumbranceRequest()},
		{name: "encumbrance: type missing",
			opts: encumbrance(func(r *EncumbranceRequest) { r.EncumbranceType = "" }),
			want: one("options.encumbranceType", CodeRequired)},
		{name: "encumbrance: mortgage in law is for cessation only",
			opts: encumbrance(func(r *EncumbranceRequest) { r.EncumbranceType = EncumbranceMortgageInLaw }),
			want: one("options.encumbranceType", CodeEnum)},
		{name: "encumbrance: type unknown",
			opts: encumbrance(func(r *EncumbranceRequest) { r.EncumbranceType = "pledge" }),
			want: one("options.encumbranceType", CodeEnum)},
		{name: "encumbrance: object missing",
			opts: encumbrance(func(r *EncumbranceRequest) { r.Object = Object{} }),
			want: one(objectPath, CodeRequired)},
		{name: "encumbrance: holders missing",
			opts: encumbrance(func(r *EncumbranceRequest) { r.WhoseRightRestricted = Holders{} }),
			want: one("options.whoseRightRestricted", CodeRequired)},
		{name: "encumbrance: both kinds of holders",
			opts: encumbrance(func(r *EncumbranceRequest) {
				r.WhoseRightRestricted.CooperativeOwnership = &CooperativeOwnership{
					Spouse1: validPersonMember(), Spouse2: validPersonMember()}
			}),
			want: one("options.whoseRightRestricted", CodeOneOf)},
		{name: "encumbrance: joint holders",
			opts: encumbrance(func(r *EncumbranceRequest) {
				r.WhoseRightRestricted = Holders{CooperativeOwnership: &CooperativeOwnership{
					Spouse1: validPersonMember(), Spouse2: validPersonMember()}}
			})},
		{name: "encumbrance: a holder's spouse missing",
			opts: encumbrance(func(r *EncumbranceRequest) {
				r.WhoseRightRestricted = Holders{CooperativeOwnership: &CooperativeOwnership{
					Spouse1: validPersonMember()}}
			}),
			want: one("options.whoseRightRestricted.cooperativeOwnership.spouse2", CodeRequired)},
		{name: "encumbrance: a holder with a mortgage",
			opts: encumbrance(func(r *EncumbranceRequest) {
				r.WhoseRightRestricted.IndividualOwnership.Mortgage = &Mortgage{
					LoanAgreement: ptr(validDocument(DocLoanAgreement))}
			}),
			want: one("options.whoseRightRestricted.individualOwnership.mortgage", CodeNotAllowed)},
		{name: "encumbrance: mortgagee missing",
			opts: encumbrance(func(r *EncumbranceRequest) { r.WhoUseRestriction = Encumbrancers{} }),
			want: one("options.whoUseRestriction", CodeRequired)},
		{name: "encumbrance: mortgagee list empty",
			opts: encumbrance(func(r *EncumbranceRequest) { r.WhoUseRestriction.Encumbrancer = Members{} }),
			want: one("options.whoUseRestriction.encumbrancer", CodeRequired)},
		{name: "encumbrance: mortgage agreement missing",
			opts: encumbrance(func(r *EncumbranceRequest) {
				r.AppliedDocuments.MortgageAgreement = AppliedDocument{}
			}),
			want: one(agreePath, CodeRequired)},
		{name: "encumbrance: optional loan agreement broken",
			opts: encumbrance(func(r *EncumbranceRequest) { r.AppliedDocuments.LoanAgreement.DocumentType = "" }),
			want: one("options.appliedDocuments.loanAgreement.documentType", CodeRequired)},
		{name: "encumbrance: other documents are checked one by one",
			opts: encumbrance(func(r *EncumbranceRequest) { r.AppliedDocuments.Other[1].Content = Content{} }),
			want: one("options.appliedDocuments.other[1].content", CodeRequired)},

		// Object.
		{name: "object: type missing",
			opts: object(func(o *Object) { o.ObjectType = "" }),
			want: one(objectPath+".objectType", CodeRequired)},
		{name: "object: type unknown",
			opts: object(func(o *Object) { o.ObjectType = "garage" }),
			want: one(objectPath+".objectType", CodeEnum)},
		{name: "object: cadastral number missing",
			opts: object(func(o *Object) { o.CadastralNumber = "" }),
			want: one(objectPath+".cadastralNumber", CodeRequired)},
		{name: "object: cadastral number malformed",
			opts: object(func(o *Object) { o.CadastralNumber = "47-14-1203001-814" }),
			want: one(objectPath+".cadastralNumber", CodeFormat)},
		{name: "object: address missing",
			opts: object(func(o *Object) { o.Address = Address{} }),
			want: one(objectPath+".address", CodeRequired)},
		{name: "object: no registration and no area",
			opts: object(func(o *Object) { o.Registration, o.Area = nil, nil })},
		{name: "object: registration without number",
			opts: object(func(o *Object) { o.Registration.Number = " " }),
			want: one(objectPath+".registration.number", CodeRequired)},
		{name: "object: registration in the future",
			opts: object(func(o *Object) { o.Registration.Date = tomorrow }),
			want: one(objectPath+".registration.date", CodeRange)},
		{name: "object: registration without date",
			opts: object(func(o *Object) { o.Registration.Date = Date{} })},
		{name: "object: area value not a number",
			opts: object(func(o *Object) { o.Area.Value = "56 м" }),
			want: one(objectPath+".area.value", CodeFormat)},
		{name: "object: area unit missing",
			opts: object(func(o *Object) { o.Area.Unit = "" }),
			want: one(objectPath+".area.unit", CodeRequired)},
		{name: "object: area unit unknown",
			opts: object(func(o *Object) { o.Area.Unit = "acre" }),
			want: one(objectPath+".area.unit", CodeEnum)},
		{name: "object: area in hectares with a decimal comma",
			opts: object(func(o *Object) { o.Area = &Area{Value: "0,12", Unit: Hectare} })},

		// Address.
		{name: "address: FIAS id and apartment",
			opts: object(func(o *Object) { o.Address = validFiasAddress() })},
		{name: "address: FIAS id malformed",
			opts: object(func(o *Object) { o.Address = Address{FiasID: "2f745e33020e4e4b8d3c0b145fafc6c4"} }),
			want: one(objectPath+".address.fiasId", CodeFormat)},
		{name: "address: neither FIAS id nor region",
			opts: object(func(o *Object) { o.Address.Region = "" }),
			want: one(objectPath+".address.region", CodeRequired)},
		{name: "address: street without name",
			opts: object(func(o *Object) { o.Address.Street.Name = "" }),
			want: one(objectPath+".address.street.name", CodeRequired)},
		{name: "address: house without kind",
			opts: object(func(o *Object) { o.Address.House.Type = "" }),
			want: one(objectPath+".address.house.type", CodeRequired)},
		{name: "address: building of unknown kind",
			opts: object(func(o *Object) { o.Address.Building = Building{Type: "корп", Name: "2"} }),
			want: one(objectPath+".address.building.type", CodeEnum)},
		{name: "address: structure of a listed kind",
			opts: object(func(o *Object) { o.Address.Structure = Building{Type: BuildingStroenie, Name: "2"} })},
		{name: "address: apartment of unknown kind",
			opts: object(func(o *Object) { o.Address.Apartment.Type = "офис" }),
			want: one(objectPath+".address.apartment.type", CodeEnum)},
		{name: "address: apartment without name",
			opts: object(func(o *Object) { o.Address.Apartment.Name = "" }),
			want: one(objectPath+".address.apartment.name", CodeRequired)},

		// DocflowMember.
		{name: "member: missing",
			opts: owner(func(m *DocflowMember) { *m = DocflowMember{} }),
			want: one(ownerPath, CodeRequired)},
		{name: "member: neither person nor organization",
			opts: owner(func(m *DocflowMember) { *m = DocflowMember{BenefitCategory: BenefitUSSRHero} }),
			want: one(ownerPath, CodeOneOf)},
		{name: "member: both person and organization",
			opts: owner(func(m *DocflowMember) { m.Organization = ptr(validOrganization()) }),
			want: []issue{{ownerPath, CodeOneOf}, {ownerPath + ".representative", CodeRequired}}},
		{name: "member: organization without representative",
			opts: bank(func(m *DocflowMember) { m.Representative = nil }),
			want: one(bankPath+".representative", CodeRequired)},
		{name: "member: person with a representative",
			opts: owner(func(m *DocflowMember) { m.Representative = validOrganizationMember().Representative })},
		{name: "member: known benefit category",
			opts: owner(func(m *DocflowMember) { m.BenefitCategory = BenefitInjuredByWWII })},
		{name: "member: unknown benefit category",
			opts: owner(func(m *DocflowMember) { m.BenefitCategory = "veteran" }),
			want: one(ownerPath+".benefitCategory", CodeEnum)},

		// Person.
		{name: "person: no personId and no patronymic",
			opts: person(func(p *Person) { p.PersonID, p.Patronymic = "", "" })},
		{name: "person: name missing",
			opts: person(func(p *Person) { p.Name = "" }),
			want: one(personPath+".name", CodeRequired)},
		{name: "person: name blank",
			opts: person(func(p *Person) { p.Name = " \t" }),
			want: one(personPath+".name", CodeRequired)},
		{name: "person: surname missing",
			opts: person(func(p *Person) { p.Surname = "" }),
			want: one(personPath+".surname", CodeRequired)},
		{name: "person: birth date missing",
			opts: person(func(p *Person) { p.DateBirth = Date{} }),
			want: one(personPath+".dateBirth", CodeRequired)},
		{name: "person: born tomorrow",
			opts: person(func(p *Person) { p.DateBirth = tomorrow }),
			want: one(personPath+".dateBirth", CodeRange)},
		{name: "person: born today",
			opts: person(func(p *Person) { p.DateBirth = testToday })},
		{name: "person: birth date not in the calendar",
			opts: person(func(p *Person) { p.DateBirth = NewDate(2001, time.February, 30) }),
			want: one(personPath+".dateBirth", CodeFormat)},
		{name: "person: birth place missing",
			opts: person(func(p *Person) { p.BirthPlace = "" }),
			want: one(personPath+".birthPlace", CodeRequired)},
		{name: "person: SNILS missing",
			opts: person(func(p *Person) { p.SNILS = "" }),
			want: one(personPath+".snils", CodeRequired)},
		{name: "person: SNILS with a dash before the check digits",
			opts:   person(func(p *Person) { p.SNILS = "987-654-321-01" }),
			want:   one(personPath+".snils", CodeFormat),
			secret: "987-654-321-01"},
		{name: "person: SNILS of 10 digits",
			opts:   person(func(p *Person) { p.SNILS = "9876543210" }),
			want:   one(personPath+".snils", CodeFormat),
			secret: "9876543210"},
		{name: "person: SNILS as bare digits",
			opts: person(func(p *Person) { p.SNILS = "98765432101" })},
		{name: "person: gender missing",
			opts: person(func(p *Person) { p.Gender = "" }),
			want: one(personPath+".gender", CodeRequired)},
		{name: "person: gender unknown",
			opts: person(func(p *Person) { p.Gender = "m" }),
			want: one(personPath+".gender", CodeEnum)},
		{name: "person: identity document missing",
			opts: person(func(p *Person) { p.IdentityDocument = IdentityDocument{} }),
			want: one(idDocPath, CodeRequired)},
		{name: "person: citizenship missing",
			opts: person(func(p *Person) { p.Citizenship = "" }),
			want: one(personPath+".citizenship", CodeRequired)},
		{name: "person: address missing",
			opts: person(func(p *Person) { p.Address = Address{} }),
			want: one(personPath+".address", CodeRequired)},
		{name: "person: address checked as any address",
			opts: person(func(p *Person) { p.Address.FiasID = "nope" }),
			want: one(personPath+".address.fiasId", CodeFormat)},

		// IdentityDocument.
		{name: "identity document: kind missing",
			opts: person(func(p *Person) { p.IdentityDocument.DocumentType = "" }),
			want: one(idDocPath+".documentType", CodeRequired)},
		{name: "identity document: kind unknown",
			opts: person(func(p *Person) { p.IdentityDocument.DocumentType = "russPasport" }),
			want: one(idDocPath+".documentType", CodeEnum)},
		{name: "identity document: number missing",
			opts: person(func(p *Person) { p.IdentityDocument.Number = "" }),
			want: one(idDocPath+".number", CodeRequired)},
		{name: "identity document: no series",
			opts: person(func(p *Person) { p.IdentityDocument.Series = "" })},
		{name: "identity document: issue date missing",
			opts: person(func(p *Person) { p.IdentityDocument.IssueDate = Date{} }),
			want: one(idDocPath+".issueDate", CodeRequired)},
		{name: "identity document: issued tomorrow",
			opts: person(func(p *Person) { p.IdentityDocument.IssueDate = tomorrow }),
			want: one(idDocPath+".issueDate", CodeRange)},
		{name: "identity document: issuer name missing",
			opts: person(func(p *Person) { p.IdentityDocument.Issuer.Name = "" }),
			want: one(idDocPath+".issuer.name", CodeRequired)},
		{name: "identity document: issuer code malformed",
			opts:   person(func(p *Person) { p.IdentityDocument.Issuer.Code = "54-0001" }),
			want:   one(idDocPath+".issuer.code", CodeFormat),
			secret: "54-0001"},
		{name: "identity document: issuer code blank",
			opts: person(func(p *Person) { p.IdentityDocument.Issuer.Code = " " }),
			want: one(idDocPath+".issuer.code", CodeFormat)},
		{name: "identity document: issuer code without dash",
			opts: person(func(p *Person) { p.IdentityDocument.Issuer.Code = "540001" })},
		{name: "identity document: issuer without code",
			opts: person(func(p *Person) { p.IdentityDocument.Issuer.Code = "" })},

		// Organization.
		{name: "organization: name missing",
			opts: bank(func(m *DocflowMember) { m.Organization.Name = "" }),
			want: one(orgPath+".name", CodeRequired)},
		{name: "organization: INN missing",
			opts: bank(func(m *DocflowMember) { m.Organization.INN = "" }),
			want: one(orgPath+".inn", CodeRequired)},
		{name: "organization: INN of 12 digits",
			opts:   bank(func(m *DocflowMember) { m.Organization.INN = "540612345678" }),
			want:   one(orgPath+".inn", CodeFormat),
			secret: "540612345678"},
		{name: "organization: KPP of 8 digits",
			opts: bank(func(m *DocflowMember) { m.Organization.KPP = "54060100" }),
			want: one(orgPath+".kpp", CodeFormat)},
		{name: "organization: KPP missing",
			opts: bank(func(m *DocflowMember) { m.Organization.KPP = "" }),
			want: one(orgPath+".kpp", CodeRequired)},
		{name: "organization: OGRN of 14 digits",
			opts: bank(func(m *DocflowMember) { m.Organization.OGRN = "10254000000001" }),
			want: one(orgPath+".ogrn", CodeFormat)},
		{name: "organization: OGRNIP of 15 digits",
			opts: bank(func(m *DocflowMember) { m.Organization.OGRN = "304540000000012" })},
		{name: "organization: registered tomorrow",
			opts: bank(func(m *DocflowMember) { m.Organization.RegDate = tomorrow }),
			want: one(orgPath+".regDate", CodeRange)},
		{name: "organization: registration date missing",
			opts: bank(func(m *DocflowMember) { m.Organization.RegDate = Date{} }),
			want: one(orgPath+".regDate", CodeRequired)},
		{name: "organization: address missing",
			opts: bank(func(m *DocflowMember) { m.Organization.Address = Address{} }),
			want: one(orgPath+".address", CodeRequired)},

		// Representative.
		{name: "representative: ground missing",
			opts: bank(func(m *DocflowMember) { m.Representative.RepresentativeType = "" }),
			want: one(reprPath+".representativeType", CodeRequired)},
		{name: "representative: ground unknown",
			opts: bank(func(m *DocflowMember) { m.Representative.RepresentativeType = "director" }),
			want: one(reprPath+".representativeType", CodeEnum)},
		{name: "representative: person missing",
			opts: bank(func(m *DocflowMember) { m.Representative.Person = Person{} }),
			want: one(reprPath+".person", CodeRequired)},
		{name: "representative: person checked as any person",
			opts: bank(func(m *DocflowMember) { m.Representative.Person.SNILS = "1" }),
			want: one(reprPath+".person.snils", CodeFormat)},
		{name: "representative: by law, without attorney",
			opts: bank(func(m *DocflowMember) {
				m.Representative.RepresentativeType = RepresentativeAuthorized
				m.Representative.Attorney = nil
			})},
		{name: "representative: attorney without kind",
			opts: bank(func(m *DocflowMember) { m.Representative.Attorney.Type = "" }),
			want: one(reprPath+".attorney.type", CodeRequired)},
		{name: "representative: attorney without content",
			opts: bank(func(m *DocflowMember) { m.Representative.Attorney.AppliedDocument = Content{} }),
			want: one(reprPath+".attorney.appliedDocument", CodeRequired)},

		// AppliedDocument, Content and ContentPointer.
		{name: "document: kind missing",
			opts: agreement(func(d *AppliedDocument) { d.DocumentType = "" }),
			want: one(agreePath+".documentType", CodeRequired)},
		{name: "document: kind unknown",
			opts: agreement(func(d *AppliedDocument) { d.DocumentType = "deed" }),
			want: one(agreePath+".documentType", CodeEnum)},
		{name: "document: kind and content only",
			opts: agreement(func(d *AppliedDocument) {
				*d = AppliedDocument{DocumentType: DocMortgageAgreement, Content: validContent()}
			})},
		{name: "document: issued tomorrow",
			opts: agreement(func(d *AppliedDocument) { d.IssueDate = tomorrow }),
			want: one(agreePath+".issueDate", CodeRange)},
		{name: "document: issuer without name",
			opts: agreement(func(d *AppliedDocument) { d.Issuer.Name = "" }),
			want: one(agreePath+".issuer.name", CodeRequired)},
		{name: "document: content missing",
			opts: agreement(func(d *AppliedDocument) { d.Content = Content{} }),
			want: one(contentPath, CodeRequired)},
		{name: "content: format missing",
			opts: agreement(func(d *AppliedDocument) { d.Content.Info.Type = "" }),
			want: one(contentPath+".info.type", CodeRequired)},
		{name: "content: format unknown",
			opts: agreement(func(d *AppliedDocument) { d.Content.Info.Type = "docx" }),
			want: one(contentPath+".info.type", CodeEnum)},
		{name: "content: XML",
			opts: agreement(func(d *AppliedDocument) { d.Content.Info.Type = ContentXML })},
		{name: "content: pointer missing",
			opts: agreement(func(d *AppliedDocument) { d.Content.Info.ContentPointer = ContentPointer{} }),
			want: one(contentPath+".info.contentPointer", CodeRequired)},
		{name: "content: pointer with a link but no id",
			opts: agreement(func(d *AppliedDocument) { d.Content.Info.ContentPointer.ID = "" }),
			want: one(contentPath+".info.contentPointer.id", CodeRequired)},
		{name: "content: pointer id not a GUID",
			opts: agreement(func(d *AppliedDocument) { d.Content.Info.ContentPointer.ID = "content-1" }),
			want: one(contentPath+".info.contentPointer.id", CodeFormat)},
		{name: "content: pointer id in capitals",
			opts: agreement(func(d *AppliedDocument) {
				d.Content.Info.ContentPointer.ID = "763A6A87-CFF0-44C8-8348-AF3D266FA982"
			})},
		{name: "content: second signature id not a GUID",
			opts: agreement(func(d *AppliedDocument) { d.Content.Signatures[1].ID = "x" }),
			want: one(contentPath+".signatures[1].id", CodeFormat)},
		{name: "content: no signatures",
			opts: agreement(func(d *AppliedDocument) { d.Content.Signatures = nil })},

		// RightMovementRequest: seller, buyer, shares, mortgage.
		{name: "sale: valid", opts: validRightMovementRequest()},
		{name: "sale: type missing",
			opts: sale(func(r *RightMovementRequest) { r.RightMovementType = "" }),
			want: one("options.rightMovementType", CodeRequired)},
		{name: "sale: type unknown",
			opts: sale(func(r *RightMovementRequest) { r.RightMovementType = "gift" }),
			want: one("options.rightMovementType", CodeEnum)},
		{name: "sale: object missing",
			opts: sale(func(r *RightMovementRequest) { r.Object = Object{} }),
			want: one(objectPath, CodeRequired)},
		{name: "sale: object without kind",
			opts: sale(func(r *RightMovementRequest) { r.Object.ObjectType = "" }),
			want: one(objectPath+".objectType", CodeRequired)},
		{name: "sale: seller missing",
			opts: sale(func(r *RightMovementRequest) { r.Seller = Seller{} }),
			want: one("options.seller", CodeRequired)},
		{name: "sale: seller with evidence of ownership only",
			opts: sale(func(r *RightMovementRequest) { r.Seller.IndividualOwnership = nil })},
		{name: "sale: seller in shares",
			opts: sale(func(r *RightMovementRequest) { r.Seller = Seller{SharedOwnership: validShares()} })},
		{name: "sale: seller's evidence without documents",
			opts: sale(func(r *RightMovementRequest) { r.Seller.EvidenceOfOwnership.Documents = nil }),
			want: one("options.seller.evidenceOfOwnership.documents", CodeRequired)},
		{name: "sale: seller's evidence document broken",
			opts: sale(func(r *RightMovementRequest) {
				r.Seller.EvidenceOfOwnership.Documents[0].DocumentType = "will"
			}),
			want: one("options.seller.evidenceOfOwnership.documents[0].documentType", CodeEnum)},
		{name: "sale: seller with a mortgage",
			opts: sale(func(r *RightMovementRequest) {
				r.Seller.IndividualOwnership.Mortgage = &Mortgage{LoanAgreement: ptr(validDocument(DocLoanAgreement))}
			}),
			want: one("options.seller.individualOwnership.mortgage", CodeNotAllowed)},
		{name: "sale: joint sellers with a marriage certificate",
			opts: sale(func(r *RightMovementRequest) {
				r.Seller.CooperativeOwnership = &CooperativeOwnership{
					Spouse1: validPersonMember(), Spouse2: validPersonMember(),
					MarriageCertificate: ptr(validDocument(DocMarriageCertificate))}
			}),
			want: one("options.seller.cooperativeOwnership.marriageCertificate", CodeNotAllowed)},
		{name: "sale: seller in shares without shares",
			opts: sale(func(r *RightMovementRequest) { r.Seller.SharedOwnership = &SharedOwnership{} }),
			want: one("options.seller.sharedOwnership.shares", CodeRequired)},
		{name: "sale: buyer missing",
			opts: sale(func(r *RightMovementRequest) { r.Buyer = Buyer{} }),
			want: one("options.buyer", CodeRequired)},
		{name: "sale: two kinds of buyer",
			opts: sale(func(r *RightMovementRequest) {
				r.Buyer.IndividualOwnership = &IndividualOwnership{Owner: validPersonMember()}
			}),
			want: one("options.buyer", CodeOneOf)},
		{name: "sale: buyer with a loan agreement",
			opts: mortgagedSale(&Mortgage{LoanAgreement: ptr(validDocument(DocLoanAgreement))})},
		{name: "sale: buyer's mortgage bond with its valuation",
			opts: mortgagedSale(&Mortgage{
				Mortgage:         ptr(validDocument(DocMortgage)),
				EvaluationReport: ptr(validDocument(DocEvaluationReport)),
			})},
		{name: "sale: buyer's mortgage bond without valuation",
			opts: mortgagedSale(&Mortgage{Mortgage: ptr(validDocument(DocMortgage))}),
			want: one(buyerMortage+".evaluationReport", CodeRequired)},
		{name: "sale: buyer's mortgage without documents",
			opts: mortgagedSale(&Mortgage{}),
			want: one(buyerMortage, CodeOneOf)},
		{name: "sale: buyer's mortgage document broken",
			opts: mortgagedSale(&Mortgage{PowerOfAttorneyBankRepresentative: &AppliedDocument{
				DocumentType: DocPowerOfAttorneyBankRepresentative}}),
			want: one(buyerMortage+".powerOfAttorneyBankRepresentative.content", CodeRequired)},
		{name: "sale: buying spouses with a broken marriage certificate",
			opts: sale(func(r *RightMovementRequest) {
				r.Buyer = Buyer{CooperativeOwnership: &CooperativeOwnership{
					Spouse1: validPersonMember(), Spouse2: validPersonMember(),
					MarriageCertificate: &AppliedDocument{Content: validContent()}}}
			}),
			want: one("options.buyer.cooperativeOwnership.marriageCertificate.documentType", CodeRequired)},
		{name: "sale: buying spouse missing",
			opts: sale(func(r *RightMovementRequest) {
				r.Buyer = Buyer{CooperativeOwnership: &CooperativeOwnership{Spouse2: validPersonMember()}}
			}),
			want: one("options.buyer.cooperativeOwnership.spouse1", CodeRequired)},
		{name: "sale: buyer in shares without shares",
			opts: sale(func(r *RightMovementRequest) { r.Buyer.SharedOwnership.Shares = []Share{} }),
			want: one(sharesPath, CodeRequired)},
		{name: "share: owner missing",
			opts: share(1, func(s *Share) { s.Owner = DocflowMember{} }),
			want: one(sharesPath+"[1].owner", CodeRequired)},
		{name: "share: numerator missing",
			opts: share(1, func(s *Share) { s.Share.Numerator = "" }),
			want: one(sharesPath+"[1].share.numerator", CodeRequired)},
		{name: "share: denominator missing",
			opts: share(0, func(s *Share) { s.Share.Denominator = "" }),
			want: one(sharesPath+"[0].share.denominator", CodeRequired)},
		{name: "share: numerator a fraction",
			opts: share(1, func(s *Share) { s.Share.Numerator = "2/3" }),
			want: one(sharesPath+"[1].share.numerator", CodeFormat)},
		{name: "share: negative denominator",
			opts: share(1, func(s *Share) { s.Share.Denominator = "-3" }),
			want: one(sharesPath+"[1].share.denominator", CodeFormat)},
		{name: "share: numerator zero",
			opts: share(1, func(s *Share) { s.Share.Numerator = "0" }),
			want: one(sharesPath+"[1].share.numerator", CodeRange)},
		{name: "share: denominator zero",
			opts: share(1, func(s *Share) { s.Share.Denominator = "00" }),
			want: one(sharesPath+"[1].share.denominator", CodeRange)},
		{name: "share: more than the whole",
			opts: share(1, func(s *Share) { s.Share.Numerator = "4" }),
			want: one(sharesPath+"[1].share.numerator", CodeRange)},
		{name: "share: more than the whole, in numbers past 64 bits",
			opts: share(1, func(s *Share) {
				s.Share = Fraction{Numerator: "100000000000000000000001", Denominator: "100000000000000000000000"}
			}),
			want: one(sharesPath+"[1].share.numerator", CodeRange)},
		{name: "share: the whole",
			opts: share(1, func(s *Share) { s.Share = Fraction{Numerator: "3", Denominator: "3"} })},
		{name: "sale: contract of sale missing",
			opts: sale(func(r *RightMovementRequest) { r.AppliedDocuments.ContractOfSale = AppliedDocument{} }),
			want: one("options.appliedDocuments.contractOfSale", CodeRequired)},
		{name: "sale: other document broken",
			opts: sale(func(r *RightMovementRequest) { r.AppliedDocuments.Other[0].Issuer.Name = "" }),
			want: one("options.appliedDocuments.other[0].issuer.name", CodeRequired)},

		// AdditionalPackageRequest.
		{name: "additional package: valid", opts: validAdditionalPackageRequest()},
		{name: "additional package: docflow id missing",
			opts: with(validAdditionalPackageRequest(), func(r *AdditionalPackageRequest) { r.DocflowID = "" }),
			want: one("options.docflowId", CodeRequired)},
		{name: "additional package: docflow id not a GUID",
			opts: with(validAdditionalPackageRequest(), func(r *AdditionalPackageRequest) {
				r.DocflowID = "39460b5e-2b0c-47bb-ad04-f680d32cc71"
			}),
			want: one("options.docflowId", CodeFormat)},
		{name: "additional package: no documents",
			opts: with(validAdditionalPackageRequest(), func(r *AdditionalPackageRequest) {
				r.AdditionalDocuments = nil
			}),
			want: one("options.additionalDocuments", CodeRequired)},
		{name: "additional package: submitter missing",
			opts: with(validAdditionalPackageRequest(), func(r *AdditionalPackageRequest) {
				r.AdditionalDocuments[0].DocflowMember = DocflowMember{}
			}),
			want: one("options.additionalDocuments[0].docflowMember", CodeRequired)},
		{name: "additional package: submitter's document list empty",
			opts: with(validAdditionalPackageRequest(), func(r *AdditionalPackageRequest) {
				r.AdditionalDocuments[0].Documents = nil
			}),
			want: one("options.additionalDocuments[0].documents", CodeRequired)},
		{name: "additional package: second submitter's document broken",
			opts: with(validAdditionalPackageRequest(), func(r *AdditionalPackageRequest) {
				r.AdditionalDocuments = append(r.AdditionalDocuments, AdditionalDocuments{
					DocflowMember: validOrganizationMember(),
					Documents:     []AppliedDocument{validDocument(DocOther), {DocumentType: DocOther}},
				})
			}),
			want: one("options.additionalDocuments[1].documents[1].content", CodeRequired)},

		// EquityAgreementRegistrationRequest.
		{name: "equity: valid", opts: validEquityAgreementRegistrationRequest()},
		{name: "equity: no objects",
			opts: with(validEquityAgreementRegistrationRequest(), func(r *EquityAgreementRegistrationRequest) {
				r.Object = nil
			}),
			want: one(objectPath, CodeRequired)},
		{name: "equity: second object's cadastral number malformed",
			opts: with(validEquityAgreementRegistrationRequest(), func(r *EquityAgreementRegistrationRequest) {
				r.Object[1].CadastralNumber = "54:35:021060"
			}),
			want: one(objectPath+"[1].cadastralNumber", CodeFormat)},
		{name: "equity: object without address",
			opts: with(validEquityAgreementRegistrationRequest(), func(r *EquityAgreementRegistrationRequest) {
				r.Object[0].Address = Address{}
			}),
			want: one(objectPath+"[0].address", CodeRequired)},
		{name: "equity: object of unknown kind",
			opts: with(validEquityAgreementRegistrationRequest(), func(r *EquityAgreementRegistrationRequest) {
				r.Object[0].ObjectType = "plot"
			}),
			want: one(objectPath+"[0].objectType", CodeEnum)},
		{name: "equity: developer missing",
			opts: with(validEquityAgreementRegistrationRequest(), func(r *EquityAgreementRegistrationRequest) {
				r.Developer = Developer{}
			}),
			want: one("options.developer", CodeRequired)},
		{name: "equity: developer's documents without the party",
			opts: with(validEquityAgreementRegistrationRequest(), func(r *EquityAgreementRegistrationRequest) {
				r.Developer.Developer = DocflowMember{}
			}),
			want: one("options.developer.developer", CodeRequired)},
		{name: "equity: developer without documents",
			opts: with(validEquityAgreementRegistrationRequest(), func(r *EquityAgreementRegistrationRequest) {
				r.Developer.AppliedDocuments = nil
			})},
		{name: "equity: developer's documents without build agreement",
			opts: with(validEquityAgreementRegistrationRequest(), func(r *EquityAgreementRegistrationRequest) {
				r.Developer.AppliedDocuments.BuildAgreement = AppliedDocument{}
			}),
			want: one("options.developer.appliedDocuments.buildAgreement", CodeRequired)},
		{name: "equity: developer's build plan broken",
			opts: with(validEquityAgreementRegistrationRequest(), func(r *EquityAgreementRegistrationRequest) {
				r.Developer.AppliedDocuments.BuildPlan = &AppliedDocument{Content: validContent()}
			}),
			want: one("options.developer.appliedDocuments.buildPlan.documentType", CodeRequired)},
		{name: "equity: buyer missing",
			opts: with(validEquityAgreementRegistrationRequest(), func(r *EquityAgreementRegistrationRequest) {
				r.Buyer = Buyer{}
			}),
			want: one("options.buyer", CodeRequired)},
		{name: "equity: equity agreement missing",
			opts: with(validEquityAgreementRegistrationRequest(), func(r *EquityAgreementRegistrationRequest) {
				r.AppliedDocuments.EquityAgreement = AppliedDocument{}
			}),
			want: one("options.appliedDocuments.equityAgreement", CodeRequired)},

		// RightAssignmentRequest.
		{name: "assignment: valid", opts: validRightAssignmentRequest()},
		{name: "assignment: no objects",
			opts: with(validRightAssignmentRequest(), func(r *RightAssignmentRequest) { r.Object = Objects{} }),
			want: one(objectPath, CodeRequired)},
		{name: "assignment: assignor proving an old right",
			opts: with(validRightAssignmentRequest(), func(r *RightAssignmentRequest) {
				r.Seller = Seller{EvidenceOfOwnership: &EvidenceOfOwnership{
					Documents: []AppliedDocument{validDocument(DocInheritanceByLaw)}}}
			}),
			want: []issue{
				{"options.seller", CodeOneOf},
				{"options.seller.evidenceOfOwnership", CodeNotAllowed},
			}},
		{name: "assignment: assignors in shares",
			opts: with(validRightAssignmentRequest(), func(r *RightAssignmentRequest) {
				r.Seller = Seller{SharedOwnership: validShares()}
			})},
		{name: "assignment: assignor with a mortgage",
			opts: with(validRightAssignmentRequest(), func(r *RightAssignmentRequest) {
				r.Seller.CooperativeOwnership.Mortgage = &Mortgage{}
			}),
			want: one("options.seller.cooperativeOwnership.mortgage", CodeNotAllowed)},
		{name: "assignment: two kinds of assignee",
			opts: with(validRightAssignmentRequest(), func(r *RightAssignmentRequest) {
				r.Buyer.SharedOwnership = validShares()
			}),
			want: one("options.buyer", CodeOneOf)},
		{name: "assignment: assignment agreement missing",
			opts: with(validRightAssignmentRequest(), func(r *RightAssignmentRequest) {
				r.AppliedDocuments.RightTransferAgreement = AppliedDocument{}
			}),
			want: one("options.appliedDocuments.rightTransferAgreement", CodeRequired)},

		// CessationEncumbranceRequest.
		{name: "cessation: valid, mortgage in law", opts: validCessationEncumbranceRequest()},
		{name: "cessation: mortgage by agreement, no optional parts",
			opts: with(validCessationEncumbranceRequest(), func(r *CessationEncumbranceRequest) {
				r.EncumbranceType = EncumbranceMortgage
				r.RegistrationRecord, r.WhoUseRestriction, r.AppliedDocuments = nil, nil, nil
			})},
		{name: "cessation: type missing",
			opts: with(validCessationEncumbranceRequest(), func(r *CessationEncumbranceRequest) {
				r.EncumbranceType = ""
			}),
			want: one("options.encumbranceType", CodeRequired)},
		{name: "cessation: type unknown",
			opts: with(validCessationEncumbranceRequest(), func(r *CessationEncumbranceRequest) {
				r.EncumbranceType = "arrest"
			}),
			want: one("options.encumbranceType", CodeEnum)},
		{name: "cessation: object missing",
			opts: with(validCessationEncumbranceRequest(), func(r *CessationEncumbranceRequest) {
				r.Object = Object{}
			}),
			want: one(objectPath, CodeRequired)},
		{name: "cessation: registration record without number",
			opts: with(validCessationEncumbranceRequest(), func(r *CessationEncumbranceRequest) {
				r.RegistrationRecord.Number = ""
			}),
			want: one("options.registrationRecord.number", CodeRequired)},
		{name: "cessation: registration record in the future",
			opts: with(validCessationEncumbranceRequest(), func(r *CessationEncumbranceRequest) {
				r.RegistrationRecord.Date = tomorrow
			}),
			want: one("options.registrationRecord.date", CodeRange)},
		{name: "cessation: holders missing",
			opts: with(validCessationEncumbranceRequest(), func(r *CessationEncumbranceRequest) {
				r.WhoseRightRestricted = Holders{}
			}),
			want: one("options.whoseRightRestricted", CodeRequired)},
		{name: "cessation: mortgagee side without mortgagee",
			opts: with(validCessationEncumbranceRequest(), func(r *CessationEncumbranceRequest) {
				r.WhoUseRestriction = &Encumbrancers{}
			}),
			want: one("options.whoUseRestriction.encumbrancer", CodeRequired)},
		{name: "cessation: other document broken",
			opts: with(validCessationEncumbranceRequest(), func(r *CessationEncumbranceRequest) {
				r.AppliedDocuments.Other[0].Content.Info.Type = ""
			}),
			want: one("options.appliedDocuments.other[0].content.info.type", CodeRequired)},

		// ActionRequest.
		{name: "action: valid", opts: validActionRequest()},
		{name: "action: no documents",
			opts: with(validActionRequest(), func(r *ActionRequest) { r.Documents = nil })},
		{name: "action: type missing",
			opts: with(validActionRequest(), func(r *ActionRequest) { r.ActionType = "" }),
			want: one("options.actionType", CodeRequired)},
		{name: "action: type unknown",
			opts: with(validActionRequest(), func(r *ActionRequest) { r.ActionType = "pause" }),
			want: one("options.actionType", CodeEnum)},
		{name: "action: docflow id missing",
			opts: with(validActionRequest(), func(r *ActionRequest) { r.DocflowID = "" }),
			want: one("options.docflowId", CodeRequired)},
		{name: "action: docflow id not a GUID",
			opts: with(validActionRequest(), func(r *ActionRequest) { r.DocflowID = "../auth" }),
			want: one("options.docflowId", CodeFormat)},
		{name: "action: cause blank",
			opts: with(validActionRequest(), func(r *ActionRequest) { r.Cause = "  " }),
			want: one("options.cause", CodeRequired)},
		{name: "action: no parties",
			opts: with(validActionRequest(), func(r *ActionRequest) { r.DocflowMember = nil }),
			want: one("options.docflowMember", CodeRequired)},
		{name: "action: second party's organization without representative",
			opts: with(validActionRequest(), func(r *ActionRequest) { r.DocflowMember[1].Representative = nil }),
			want: one("options.docflowMember[1].representative", CodeRequired)},
		{name: "action: document broken",
			opts: with(validActionRequest(), func(r *ActionRequest) { r.Documents[0].DocumentType = "consent" }),
			want: one("options.documents[0].documentType", CodeEnum)},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.opts.Validate()

			assert.Equal(t, tt.want, issuesOf(t, err))
			if tt.secret != "" {
				require.Error(t, err)
				assert.NotContains(t, err.Error(), tt.secret, "messages must not quote values")
			}
		})
	}
}

func TestValidateAcceptsEveryValidFixture(t *testing.T) {
	for _, opts := range validOptions() {
		assert.NoError(t, opts.Validate(), "%T", opts)
	}
}

func TestValidateReportsEveryProblemAtOnce(t *testing.T) {
	t.Run("zero values", func(t *testing.T) {
		want := map[string][]issue{
			"object_request": {
				{"options.type", CodeRequired},
				{"options.cadastralNumber", CodeRequired},
			},
			"encumbrance_request": {
				{"options.encumbranceType", CodeRequired},
				{"options.object", CodeRequired},
				{"options.whoseRightRestricted", CodeRequired},
				{"options.whoUseRestriction", CodeRequired},
				{"options.appliedDocuments.mortgageAgreement", CodeRequired},
			},
			"right_movement_request": {
				{"options.rightMovementType", CodeRequired},
				{"options.object", CodeRequired},
				{"options.seller", CodeRequired},
				{"options.buyer", CodeRequired},
				{"options.appliedDocuments.contractOfSale", CodeRequired},
			},
			"additional_packet_request": {
				{"options.docflowId", CodeRequired},
				{"options.additionalDocuments", CodeRequired},
			},
			"equity_agreement_registration_request": {
				{"options.object", CodeRequired},
				{"options.developer", CodeRequired},
				{"options.buyer", CodeRequired},
				{"options.appliedDocuments.equityAgreement", CodeRequired},
			},
			"right_assignment_request": {
				{"options.object", CodeRequired},
				{"options.seller", CodeRequired},
				{"options.buyer", CodeRequired},
				{"options.appliedDocuments.rightTransferAgreement", CodeRequired},
			},
			"cessation_encumbrance_request": {
				{"options.encumbranceType", CodeRequired},
				{"options.object", CodeRequired},
				{"options.whoseRightRestricted", CodeRequired},
			},
			"action_request": {
				{"options.actionType", CodeRequired},
				{"options.docflowId", CodeRequired},
				{"options.cause", CodeRequired},
				{"options.docflowMember", CodeRequired},
			},
		}
		for _, opts := range newOptions() {
			zero := derefOptions(opts)
			assert.Equal(t, want[zero.DocflowType()], issuesOf(t, zero.Validate()), zero.DocflowType())
		}
	})

	t.Run("problems deep in different parts", func(t *testing.T) {
		opts := sale(func(r *RightMovementRequest) {
			r.Object.CadastralNumber = "47:14"
			r.Seller.IndividualOwnership.Owner.Person.SNILS = "000"
			r.Seller.IndividualOwnership.Owner.Person.IdentityDocument.IssueDate = NewDate(2030, 1, 1)
			r.Buyer.SharedOwnership.Shares[1].Share.Numerator = "5"
			r.AppliedDocuments.Other[0].Content.Signatures = []ContentPointer{{ContentLink: "https://x"}}
		})

		err := opts.Validate()

		seller := "options.seller.individualOwnership.owner.person"
		assert.Equal(t, []issue{
			{"options.object.cadastralNumber", CodeFormat},
			{seller + ".snils", CodeFormat},
			{seller + ".identityDocument.issueDate", CodeRange},
			{sharesPath + "[1].share.numerator", CodeRange},
			{"options.appliedDocuments.other[0].content.signatures[0].id", CodeRequired},
		}, issuesOf(t, err))
		assert.Contains(t, err.Error(), "options.object.cadastralNumber: must be a cadastral number")
	})
}

// derefOptions returns the value a pointer made by newOptions points to,
// so that Validate runs on a value as callers call it.
func derefOptions(p Options) Options {
	switch v := p.(type) {
	case *ObjectRequest:
		return *v
	case *EncumbranceRequest:
		return *v
	case *RightMovementRequest:
		return *v
	case *AdditionalPackageRequest:
		return *v
	case *EquityAgreementRegistrationRequest:
		return *v
	case *RightAssignmentRequest:
		return *v
	case *CessationEncumbranceRequest:
		return *v
	case *ActionRequest:
		return *v
	}
	panic(fmt.Sprintf("derefOptions: %T", p))
}

func TestValidationErrorWorksWithErrorsAs(t *testing.T) {
	err := fmt.Errorf("create docflow: %w", ObjectRequest{}.Validate())

	var ve *ValidationError
	require.True(t, errors.As(err, &ve))
	assert.Equal(t, CodeValidation, ve.Code)
	assert.Len(t, ve.Errors, 2)
	assert.Equal(t, "options.type", ve.Errors[0].Target)
	assert.True(t, errors.Is(err, ve))
}

func TestValidateReturnsUntypedNil(t *testing.T) {
	// A typed nil *ValidationError inside an error would not compare
	// equal to nil.
	for _, opts := range validOptions() {
		err := opts.Validate()
		assert.True(t, err == nil, "%T", opts)
	}
}

func TestValidateTakesTodayFromNow(t *testing.T) {
	opts := person(func(p *Person) { p.DateBirth = NewDate(2024, time.June, 16) })
	require.Error(t, opts.Validate(), "the day after the pinned today is in the future")

	saved := now
	t.Cleanup(func() { now = saved })
	now = func() time.Time { return time.Date(2024, time.June, 16, 0, 0, 0, 0, time.UTC) }

	assert.NoError(t, opts.Validate())
}
