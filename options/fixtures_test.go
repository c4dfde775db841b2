package options

import (
	"os"
	"testing"
	"time"
)

// testToday is the date every test of this package runs on.
var testToday = NewDate(2024, time.June, 15)

func TestMain(m *testing.M) {
	now = func() time.Time { return time.Date(2024, time.June, 15, 12, 0, 0, 0, time.UTC) }
	os.Exit(m.Run())
}

// with returns v changed by mutate, so that a test case can start from
// a valid value and break one thing.
func with[T any](v T, mutate func(*T)) T {
	mutate(&v)
	return v
}

// ptr returns a pointer to v.
func ptr[T any](v T) *T { return &v }

// The fixtures below each return a new, fully valid value.

func validFiasAddress() Address {
	return Address{
		FiasID:    "2f745e33-020e-4e4b-8d3c-0b145fafc6c4",
		Apartment: Apartment{Type: ApartmentFlat, Name: "81"},
	}
}

func validStructuredAddress() Address {
	return Address{
		Region:    "Новосибирская область",
		City:      AddressElement{Abbreviation: "г", Name: "Новосибирск"},
		Street:    AddressElement{Abbreviation: "ул", Name: "Челюскинцев"},
		House:     Building{Type: BuildingHouse, Name: "14"},
		Apartment: Apartment{Type: ApartmentFlat, Name: "81"},
	}
}

func validIdentityDocument() IdentityDocument {
	return IdentityDocument{
		DocumentType: IDRussianPassport,
		Series:       "1234",
		Number:       "123456",
		IssueDate:    NewDate(2010, time.March, 5),
		Issuer:       Issuer{Code: "540-001", Name: "ГУ МВД"},
	}
}

func validPerson() Person {
	return Person{
		Name:             "Ирина",
		Surname:          "Петрова",
		Patronymic:       "Олеговна",
		DateBirth:        NewDate(1985, time.April, 2),
		BirthPlace:       "Новосибирск",
		SNILS:            "112-233-445 95",
		Gender:           Female,
		IdentityDocument: validIdentityDocument(),
		Citizenship:      "Российская Федерация",
		Address:          validStructuredAddress(),
	}
}

func validPersonMember() DocflowMember {
	return DocflowMember{Person: ptr(validPerson())}
}

func validOrganization() Organization {
	return Organization{
		Name:    "Банк",
		INN:     "5406123456",
		KPP:     "540601001",
		OGRN:    "1025400000000",
		RegDate: NewDate(2002, time.October, 1),
		Address: validFiasAddress(),
	}
}

func validOrganizationMember() DocflowMember {
	return DocflowMember{
		Organization: ptr(validOrganization()),
		Representative: &Representative{
			RepresentativeType: RepresentativeConfidant,
			Person:             validPerson(),
			Attorney: &Attorney{
				Type:            DocPowerOfAttorneyBankRepresentative,
				AppliedDocument: validContent(),
			},
		},
	}
}

func validContent() Content {
	return Content{
		Info: ContentInfo{
			Type: ContentPDF,
			ContentPointer: ContentPointer{
				ID:          "763a6a87-cff0-44c8-8348-af3d266fa982",
				ContentLink: "https://api.kontur.ru/realty/v1/contents/763a6a87-cff0-44c8-8348-af3d266fa982",
			},
		},
		Signatures: []ContentPointer{
			{ID: "22b2ec5c-8aef-4175-b11d-2e86c587f9a5"},
			{ID: "22b2ec5c-8aef-4175-b11d-2e86c587f9a6"},
		},
	}
}

func validDocument(t DocumentType) AppliedDocument {
	return AppliedDocument{
		DocumentType: t,
		Number:       "77/2024",
		IssueDate:    NewDate(2024, time.May, 20),
		Issuer:       Issuer{Code: "540-021", Name: "Нотариус"},
		Content:      validContent(),
	}
}

func validObject() Object {
	return Object{
		ObjectType:      ObjectFlat,
		UsagePurpose:    DwellingApartment,
		CadastralNumber: "47:14:1203001:814",
		Address:         validStructuredAddress(),
		Registration:    &Registration{Number: "2001-118586", Date: NewDate(2001, time.December, 11)},
		Area:            &Area{Value: "56.4", Unit: SquareMetre},
	}
}

func validPlot() Object {
	return Object{CadastralNumber: "54:35:021060:1683", Address: validFiasAddress()}
}

func validShares() *SharedOwnership {
	return &SharedOwnership{Shares: []Share{
		{Owner: validPersonMember(), Share: Fraction{Numerator: "1", Denominator: "3"}},
		{Owner: validPersonMember(), Share: Fraction{Numerator: "2", Denominator: "3"}},
	}}
}

func validObjectRequest() ObjectRequest {
	return ObjectRequest{Type: ExtractInfo, CadastralNumber: "47:14:1203001:814"}
}

func validEncumbranceRequest() EncumbranceRequest {
	return EncumbranceRequest{
		EncumbranceType:      EncumbranceMortgage,
		Object:               validObject(),
		WhoseRightRestricted: Holders{IndividualOwnership: &IndividualOwnership{Owner: validPersonMember()}},
		WhoUseRestriction:    Encumbrancers{Encumbrancer: Members{validOrganizationMember()}},
		AppliedDocuments: EncumbranceDocuments{
			MortgageAgreement: validDocument(DocMortgageAgreement),
			LoanAgreement:     ptr(validDocument(DocLoanAgreement)),
			Other:             []AppliedDocument{validDocument(DocOther), validDocument(DocOther)},
		},
	}
}

func validRightMovementRequest() RightMovementRequest {
	return RightMovementRequest{
		RightMovementType: RightMovementSale,
		Object:            validObject(),
		Seller: Seller{
			IndividualOwnership: &IndividualOwnership{Owner: validPersonMember()},
			EvidenceOfOwnership: &EvidenceOfOwnership{
				Documents: []AppliedDocument{validDocument(DocInheritanceByLaw)},
			},
		},
		Buyer: Buyer{SharedOwnership: validShares()},
		AppliedDocuments: SaleDocuments{
			ContractOfSale: validDocument(DocContractOfSale),
			Other:          []AppliedDocument{validDocument(DocOther)},
		},
	}
}

func validAdditionalPackageRequest() AdditionalPackageRequest {
	return AdditionalPackageRequest{
		DocflowID: "39460b5e-2b0c-47bb-ad04-f680d32cc71b",
		AdditionalDocuments: []AdditionalDocuments{{
			DocflowMember: validPersonMember(),
			Documents:     []AppliedDocument{validDocument(DocOther)},
		}},
	}
}

func validEquityAgreementRegistrationRequest() EquityAgreementRegistrationRequest {
	return EquityAgreementRegistrationRequest{
		Object: Objects{validPlot(), validPlot()},
		Developer: Developer{
			Developer: validOrganizationMember(),
			AppliedDocuments: &DeveloperDocuments{
				BuildAgreement:     validDocument(DocBuildAgreement),
				ProjectDeclaration: ptr(validDocument(DocProjectDeclaration)),
			},
		},
		Buyer: Buyer{CooperativeOwnership: &CooperativeOwnership{
			Spouse1:             validPersonMember(),
			Spouse2:             validPersonMember(),
			Mortgage:            &Mortgage{LoanAgreement: ptr(validDocument(DocLoanAgreement))},
			MarriageCertificate: ptr(validDocument(DocMarriageCertificate)),
		}},
		AppliedDocuments: EquityDocuments{EquityAgreement: validDocument(DocEquityAgreement)},
	}
}

func validRightAssignmentRequest() RightAssignmentRequest {
	return RightAssignmentRequest{
		Object: Objects{validPlot()},
		Seller: Seller{CooperativeOwnership: &CooperativeOwnership{
			Spouse1: validPersonMember(),
			Spouse2: validPersonMember(),
		}},
		Buyer: Buyer{IndividualOwnership: &IndividualOwnership{Owner: validPersonMember()}},
		AppliedDocuments: AssignmentDocuments{
			RightTransferAgreement: validDocument(DocRightTransferAgreement),
		},
	}
}

func validCessationEncumbranceRequest() CessationEncumbranceRequest {
	return CessationEncumbranceRequest{
		EncumbranceType:    EncumbranceMortgageInLaw,
		Object:             validObject(),
		RegistrationRecord: &Registration{Number: "54:35:021060:1683-54/001/2019-3", Date: NewDate(2019, time.July, 1)},
		WhoseRightRestricted: Holders{CooperativeOwnership: &CooperativeOwnership{
			Spouse1: validPersonMember(),
			Spouse2: validPersonMember(),
		}},
		WhoUseRestriction: &Encumbrancers{Encumbrancer: Members{validOrganizationMember()}},
		AppliedDocuments:  &OtherDocuments{Other: []AppliedDocument{validDocument(DocOther)}},
	}
}

func validActionRequest() ActionRequest {
	return ActionRequest{
		ActionType:    ActionSuspend,
		DocflowID:     "39460b5e-2b0c-47bb-ad04-f680d32cc71b",
		Cause:         "the parties agreed to wait for the lender",
		DocflowMember: Members{validPersonMember(), validOrganizationMember()},
		Documents:     []AppliedDocument{validDocument(DocOther)},
	}
}

// validOptions returns a fully valid value of every docflow type.
func validOptions() []Options {
	return []Options{
		validObjectRequest(),
		validEncumbranceRequest(),
		validRightMovementRequest(),
		validAdditionalPackageRequest(),
		validEquityAgreementRegistrationRequest(),
		validRightAssignmentRequest(),
		validCessationEncumbranceRequest(),
		validActionRequest(),
	}
}

// newOptions returns a pointer to a zero value of every docflow type,
// ready to be decoded into.
func newOptions() []Options {
	return []Options{
		new(ObjectRequest),
		new(EncumbranceRequest),
		new(RightMovementRequest),
		new(AdditionalPackageRequest),
		new(EquityAgreementRegistrationRequest),
		new(RightAssignmentRequest),
		new(CessationEncumbranceRequest),
		new(ActionRequest),
	}
}
