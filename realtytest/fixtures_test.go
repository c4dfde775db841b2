package realtytest

import (
	"time"

	"github.com/go-realty/realty/options"
)

// The fixtures below each return new, valid options; persons differ by
// personId so that each one is a signer of its own.

func testAddress() options.Address {
	return options.Address{
		Region:    "Ярославская область",
		City:      options.AddressElement{Abbreviation: "г", Name: "Ярославль"},
		Street:    options.AddressElement{Abbreviation: "ул", Name: "Рябиновая"},
		House:     options.Building{Type: options.BuildingHouse, Name: "12"},
		Apartment: options.Apartment{Type: options.ApartmentFlat, Name: "7"},
	}
}

func testPerson(id string) options.Person {
	return options.Person{
		PersonID:   id,
		Name:       "Анна",
		Surname:    "Смирнова",
		Patronymic: "Викторовна",
		DateBirth:  options.NewDate(1990, time.February, 11),
		BirthPlace: "Ярославль",
		SNILS:      "123-456-789 01",
		Gender:     options.Female,
		IdentityDocument: options.IdentityDocument{
			DocumentType: options.IDRussianPassport,
			Series:       "7812",
			Number:       "345678",
			IssueDate:    options.NewDate(2012, time.May, 3),
			Issuer:       options.Issuer{Code: "760-002", Name: "УФМС"},
		},
		Citizenship: "Российская Федерация",
		Address:     testAddress(),
	}
}

func personMember(id string) options.DocflowMember {
	p := testPerson(id)
	return options.DocflowMember{Person: &p}
}

// bankMember is an organization acting through the person reprID.
func bankMember(reprID string) options.DocflowMember {
	return options.DocflowMember{
		Organization: &options.Organization{
			Name:    "АО Тестбанк",
			INN:     "7604123456",
			KPP:     "760401001",
			OGRN:    "1027600000001",
			RegDate: options.NewDate(2001, time.August, 20),
			Address: testAddress(),
		},
		Representative: &options.Representative{
			RepresentativeType: options.RepresentativeConfidant,
			Person:             testPerson(reprID),
			Attorney: &options.Attorney{
				Type:            options.DocPowerOfAttorneyBankRepresentative,
				AppliedDocument: testContent(),
			},
		},
	}
}

func testContent() options.Content {
	return options.Content{
		Info: options.ContentInfo{
			Type: options.ContentPDF,
			ContentPointer: options.ContentPointer{
				ID:          "5d3c1e7a-0b2f-4a69-8c14-6e9f2b7d0a31",
				ContentLink: "https://api.kontur.ru/realty/v1/contents/5d3c1e7a-0b2f-4a69-8c14-6e9f2b7d0a31",
			},
		},
		Signatures: []options.ContentPointer{{ID: "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d"}},
	}
}

func testDocument(t options.DocumentType) options.AppliedDocument {
	return options.AppliedDocument{
		DocumentType: t,
		Number:       "12/2024",
		IssueDate:    options.NewDate(2024, time.March, 1),
		Issuer:       options.Issuer{Name: "Нотариус"},
		Content:      testContent(),
	}
}

func testObject() options.Object {
	return options.Object{
		ObjectType:      options.ObjectFlat,
		UsagePurpose:    options.DwellingApartment,
		CadastralNumber: "76:23:031208:4410",
		Address:         testAddress(),
	}
}

func objectRequest() options.ObjectRequest {
	return options.ObjectRequest{Type: options.ExtractInfo, CadastralNumber: "76:23:031208:4410"}
}

// saleRequest has three signers: the seller "s1" and the spouses "b1"
// and "b2".
func saleRequest() options.RightMovementRequest {
	return options.RightMovementRequest{
		RightMovementType: options.RightMovementSale,
		Object:            testObject(),
		Seller:            options.Seller{IndividualOwnership: &options.IndividualOwnership{Owner: personMember("s1")}},
		Buyer: options.Buyer{CooperativeOwnership: &options.CooperativeOwnership{
			Spouse1: personMember("b1"),
			Spouse2: personMember("b2"),
		}},
		AppliedDocuments: options.SaleDocuments{ContractOfSale: testDocument(options.DocContractOfSale)},
	}
}

// mortgageRequest has two signers: the owner "o1" and the bank's
// representative "r1".
func mortgageRequest() options.EncumbranceRequest {
	return options.EncumbranceRequest{
		EncumbranceType:      options.EncumbranceMortgage,
		Object:               testObject(),
		WhoseRightRestricted: options.Holders{IndividualOwnership: &options.IndividualOwnership{Owner: personMember("o1")}},
		WhoUseRestriction:    options.Encumbrancers{Encumbrancer: options.Members{bankMember("r1")}},
		AppliedDocuments: options.EncumbranceDocuments{
			MortgageAgreement: testDocument(options.DocMortgageAgreement),
		},
	}
}

// equityRequest has three signers: the developer's representative "d1"
// and the share owners "h1" and "h2".
func equityRequest() options.EquityAgreementRegistrationRequest {
	return options.EquityAgreementRegistrationRequest{
		Object:    options.Objects{{CadastralNumber: "76:23:040117:6034", Address: testAddress()}},
		Developer: options.Developer{Developer: bankMember("d1")},
		Buyer: options.Buyer{SharedOwnership: &options.SharedOwnership{Shares: []options.Share{
			{Owner: personMember("h1"), Share: options.Fraction{Numerator: "1", Denominator: "2"}},
			{Owner: personMember("h2"), Share: options.Fraction{Numerator: "1", Denominator: "2"}},
		}}},
		AppliedDocuments: options.EquityDocuments{EquityAgreement: testDocument(options.DocEquityAgreement)},
	}
}

// assignmentRequest has two signers: "a1" and "a2".
func assignmentRequest() options.RightAssignmentRequest {
	return options.RightAssignmentRequest{
		Object: options.Objects{{CadastralNumber: "76:23:040117:6035", Address: testAddress()}},
		Seller: options.Seller{IndividualOwnership: &options.IndividualOwnership{Owner: personMember("a1")}},
		Buyer:  options.Buyer{IndividualOwnership: &options.IndividualOwnership{Owner: personMember("a2")}},
		AppliedDocuments: options.AssignmentDocuments{
			RightTransferAgreement: testDocument(options.DocRightTransferAgreement),
		},
	}
}

// cessationRequest has three signers: the spouses "c1" and "c2" and the
// bank's representative "r2".
func cessationRequest() options.CessationEncumbranceRequest {
	return options.CessationEncumbranceRequest{
		EncumbranceType: options.EncumbranceMortgage,
		Object:          testObject(),
		WhoseRightRestricted: options.Holders{CooperativeOwnership: &options.CooperativeOwnership{
			Spouse1: personMember("c1"),
			Spouse2: personMember("c2"),
		}},
		WhoUseRestriction: &options.Encumbrancers{Encumbrancer: options.Members{bankMember("r2")}},
	}
}

func additionalRequest(docflowID string) options.AdditionalPackageRequest {
	return options.AdditionalPackageRequest{
		DocflowID: docflowID,
		AdditionalDocuments: []options.AdditionalDocuments{{
			DocflowMember: personMember("s1"),
			Documents:     []options.AppliedDocument{testDocument(options.DocOther)},
		}},
	}
}

func actionRequest(action options.ActionType, docflowID string) options.ActionRequest {
	return options.ActionRequest{
		ActionType:    action,
		DocflowID:     docflowID,
		Cause:         "the parties changed their minds",
		DocflowMember: options.Members{personMember("s1")},
	}
}
