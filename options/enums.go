package options

import "slices"

// The enumerations below are open: each is a string type whose constants
// are the values the service's reference lists. A value without a
// constant still decodes and encodes unchanged; its Known method tells
// whether the reference lists it, and Validate reports one that it does
// not.

// ExtractType is the kind of EGRN extract an [ObjectRequest] orders.
type ExtractType string

// The extract kinds.
const (
	// ExtractInfo is the extended extract of the main characteristics
	// and the registered rights.
	ExtractInfo ExtractType = "info"
	// ExtractBase is the basic extract of the same.
	ExtractBase ExtractType = "base"
	// ExtractOwnership is the extract of the history of ownership
	// transfers.
	ExtractOwnership ExtractType = "ownership"
)

// Known reports whether t is one of the listed extract kinds.
func (t ExtractType) Known() bool {
	return slices.Contains([]ExtractType{ExtractInfo, ExtractBase, ExtractOwnership}, t)
}

// EncumbranceType is the kind of encumbrance registered or removed.
type EncumbranceType string

// The encumbrance kinds.
const (
	// EncumbranceMortgage is a mortgage by agreement.
	EncumbranceMortgage EncumbranceType = "mortgage"
	// EncumbranceMortgageInLaw is a mortgage by law; only a
	// [CessationEncumbranceRequest] takes it.
	EncumbranceMortgageInLaw EncumbranceType = "mortgageInLaw"
)

// Known reports whether t is one of the listed encumbrance kinds.
func (t EncumbranceType) Known() bool {
	return t == EncumbranceMortgage || t == EncumbranceMortgageInLaw
}

// RightMovementType is the kind of transfer of ownership.
type RightMovementType string

// RightMovementSale is a sale, the only transfer the service lists.
const RightMovementSale RightMovementType = "sale"

// Known reports whether t is one of the listed transfer kinds.
func (t RightMovementType) Known() bool { return t == RightMovementSale }

// ActionType is what an [ActionRequest] does to an earlier docflow.
type ActionType string

// The actions.
const (
	ActionCancel  ActionType = "cancel"  // cancel the docflow
	ActionSuspend ActionType = "suspend" // suspend its registration
	ActionResume  ActionType = "resume"  // resume a suspended registration
)

// Known reports whether t is one of the listed actions.
func (t ActionType) Known() bool {
	return slices.Contains([]ActionType{ActionCancel, ActionSuspend, ActionResume}, t)
}

// ObjectType is the kind of property.
type ObjectType string

// The property kinds.
const (
	ObjectLandPlot   ObjectType = "landPlot"
	ObjectRoom       ObjectType = "room"
	ObjectFlat       ObjectType = "flat"
	ObjectStructure  ObjectType = "structure"
	ObjectUnfinished ObjectType = "unfinishedObject" // unfinished construction
)

// Known reports whether t is one of the listed property kinds.
func (t ObjectType) Known() bool {
	return slices.Contains([]ObjectType{ObjectLandPlot, ObjectRoom, ObjectFlat,
		ObjectStructure, ObjectUnfinished}, t)
}

// UsagePurpose is what a property is used for, a free string in the
// reference; DwellingApartment is the value its examples use.
type UsagePurpose string

// DwellingApartment is a dwelling. The reference also spells it
// "dwellingAppartment"; both are kept as given.
const DwellingApartment UsagePurpose = "dwellingApartment"

// AreaUnit is the unit of a property's area.
type AreaUnit string

// The area units. Decoding reads "гa" (with a Latin "a", a slip of the
// reference) as Hectare.
const (
	SquareMetre AreaUnit = "кв.м"
	Hectare     AreaUnit = "га"
)

// Known reports whether u is one of the listed units.
func (u AreaUnit) Known() bool { return u == SquareMetre || u == Hectare }

// UnmarshalJSON reads a unit, mending the Latin-"a" spelling of Hectare.
func (u *AreaUnit) UnmarshalJSON(b []byte) error {
	s, err := decodeString(b)
	if err != nil {
		return err
	}
	if s == "гa" {
		s = string(Hectare)
	}
	*u = AreaUnit(s)
	return nil
}

// BuildingType is the kind of a house, building or structure part of an
// [Address].
type BuildingType string

// The building kinds, as the Russian address standard abbreviates them.
const (
	BuildingHouse             BuildingType = "д"      // дом, a house
	BuildingKorpus            BuildingType = "к"      // корпус, a block
	BuildingLitera            BuildingType = "литера" // a lettered building
	BuildingStroenie          BuildingType = "стр"    // строение, a building
	BuildingSooruzhenie       BuildingType = "срж"    // сооружение, a structure
	BuildingVladenie          BuildingType = "влд"    // владение, a holding
	BuildingDomovladenie      BuildingType = "двлд"   // домовладение, a homestead
	BuildingGarageCooperative BuildingType = "ГСК"    // a garage cooperative
	BuildingGarage            BuildingType = "гараж"  // a garage
)

// Known reports whether t is one of the listed building kinds.
func (t BuildingType) Known() bool {
	return slices.Contains([]BuildingType{BuildingHouse, BuildingKorpus, BuildingLitera,
		BuildingStroenie, BuildingSooruzhenie, BuildingVladenie, BuildingDomovladenie,
		BuildingGarageCooperative, BuildingGarage}, t)
}

// ApartmentType is the kind of the apartment part of an [Address].
type ApartmentType string

// The apartment kinds.
const (
	ApartmentFlat     ApartmentType = "кв"   // квартира, a flat
	ApartmentBox      ApartmentType = "бокс" // a box
	ApartmentRoom     ApartmentType = "ком"  // комната, a room
	ApartmentPremises ApartmentType = "пом"  // помещение, premises
)

// Known reports whether t is one of the listed apartment kinds.
func (t ApartmentType) Known() bool {
	return slices.Contains([]ApartmentType{ApartmentFlat, ApartmentBox, ApartmentRoom,
		ApartmentPremises}, t)
}

// BenefitCategory exempts a party from the state fee.
type BenefitCategory string

// The fee exemptions.
const (
	BenefitUSSRHero        BenefitCategory = "usssrHero"       // Hero of the USSR or of Russia
	BenefitCavalierOfGlory BenefitCategory = "cavalierOfGlory" // full cavalier of the Order of Glory
	BenefitInjuredByWWII   BenefitCategory = "injuredByVov"    // war invalid of 1941-1945
)

// Known reports whether c is one of the listed exemptions.
func (c BenefitCategory) Known() bool {
	return slices.Contains([]BenefitCategory{BenefitUSSRHero, BenefitCavalierOfGlory,
		BenefitInjuredByWWII}, c)
}

// Gender is a person's gender.
type Gender string

// The genders.
const (
	Male   Gender = "male"
	Female Gender = "female"
)

// Known reports whether g is one of the listed genders.
func (g Gender) Known() bool { return g == Male || g == Female }

// IdentityDocumentType is the kind of a person's identity document.
type IdentityDocumentType string

// The identity document kinds.
const (
	IDRussianPassport  IdentityDocumentType = "russPassport"
	IDForeignPassport  IdentityDocumentType = "inostrannyyPassport"
	IDTemporaryCard    IdentityDocumentType = "vul"          // temporary identity card
	IDMilitaryCard     IdentityDocumentType = "voennyyBilet" // military id
	IDBirthCertificate IdentityDocumentType = "birthCertificate"
)

// Known reports whether t is one of the listed identity documents.
func (t IdentityDocumentType) Known() bool {
	return slices.Contains([]IdentityDocumentType{IDRussianPassport, IDForeignPassport,
		IDTemporaryCard, IDMilitaryCard, IDBirthCertificate}, t)
}

// RepresentativeType is the ground on which a representative acts.
type RepresentativeType string

// The representation grounds.
const (
	RepresentativeConfidant  RepresentativeType = "confidant"  // by power of attorney
	RepresentativeAuthorized RepresentativeType = "authorized" // by law
)

// Known reports whether t is one of the listed grounds.
func (t RepresentativeType) Known() bool {
	return t == RepresentativeConfidant || t == RepresentativeAuthorized
}

// ContentType is the format of an uploaded document.
type ContentType string

// The document formats.
const (
	ContentPDF ContentType = "pdf"
	ContentXML ContentType = "xml"
)

// Known reports whether t is one of the listed formats.
func (t ContentType) Known() bool { return t == ContentPDF || t == ContentXML }

// DocumentType is the kind of an [AppliedDocument].
type DocumentType string

// The document kinds.
const (
	DocContractOfSale                    DocumentType = "contractOfSale"
	DocEvaluationReport                  DocumentType = "evaluationReport"
	DocMortgage                          DocumentType = "mortgage" // a mortgage bond
	DocLoanAgreement                     DocumentType = "loanAgreement"
	DocMortgageAgreement                 DocumentType = "mortgageAgreement"
	DocNotarySpouseConsent               DocumentType = "notarySpouseConsent"
	DocPermissionGuardianshipAuthority   DocumentType = "permissionGuardianshipAuthority"
	DocBirthCertificate                  DocumentType = "birthCertificate"
	DocStateRegistrationCertificate      DocumentType = "stateRegistrationCertificate"
	DocPowerOfAttorney                   DocumentType = "powerOfAttorney"
	DocPowerOfAttorneyBankRepresentative DocumentType = "powerOfAttorneyBankRepresentative"
	DocEquityAgreement                   DocumentType = "equityAgreement"
	DocAcceptanceTransferAct             DocumentType = "acceptanceTransferAct"
	DocPermissionForCommissioning        DocumentType = "permissionForCommissioning"
	DocBalanceSheet                      DocumentType = "balanceSheet"
	DocMajorTransactionsApproval         DocumentType = "majorTransactionsApproval"
	DocRefuseOfPurchase                  DocumentType = "refuseOfPurchase"
	DocRightTransferAgreement            DocumentType = "rightTransferAgreement"
	DocStatementFromHomeBook             DocumentType = "statementFromHomeBook"
	DocMarriageContract                  DocumentType = "marriageContract"
	DocInheritanceByLaw                  DocumentType = "inheritanceByLaw"
	DocInheritanceByWill                 DocumentType = "inheritanceByWill"
	DocContractOfGift                    DocumentType = "contractOfGift"
	DocContractOfChange                  DocumentType = "contractOfChange"
	DocInvestmentAgreement               DocumentType = "investmentAgreement"
	DocContractOfPrivatization           DocumentType = "contractOfPrivatization"
	DocCourtDecision                     DocumentType = "lowAgreement" // the wire name is spelled so
	DocAgreementOfShareAllocation        DocumentType = "agreementOfShareAllocation"
	DocAgreementOfShareDistribution      DocumentType = "agreementOfShareDistribution"
	DocActOfDivisionOfProperty           DocumentType = "actOfDivisionOfProperty"
	DocPartnershipAgreement              DocumentType = "partnershipAgreement"
	DocIndemnityAgreement                DocumentType = "indemnityAgreement"
	DocMarriageCertificate               DocumentType = "marriageCertificate"
	DocBuildAgreement                    DocumentType = "buildAgreement"
	DocProjectDeclaration                DocumentType = "projectDeclaration"
	DocBuildPlan                         DocumentType = "buildPlan"
	DocBuildDescription                  DocumentType = "buildDescription"
	DocCessationOfLoanAgreement          DocumentType = "cessationOfLoanAgreement"
	DocOther                             DocumentType = "other"
)

var documentTypes = []DocumentType{
	DocContractOfSale, DocEvaluationReport, DocMortgage, DocLoanAgreement,
	DocMortgageAgreement, DocNotarySpouseConsent, DocPermissionGuardianshipAuthority,
	DocBirthCertificate, DocStateRegistrationCertificate, DocPowerOfAttorney,
	DocPowerOfAttorneyBankRepresentative, DocEquityAgreement, DocAcceptanceTransferAct,
	DocPermissionForCommissioning, DocBalanceSheet, DocMajorTransactionsApproval,
	DocRefuseOfPurchase, DocRightTransferAgreement, DocStatementFromHomeBook,
	DocMarriageContract, DocInheritanceByLaw, DocInheritanceByWill, DocContractOfGift,
	DocContractOfChange, DocInvestmentAgreement, DocContractOfPrivatization,
	DocCourtDecision, DocAgreementOfShareAllocation, DocAgreementOfShareDistribution,
	DocActOfDivisionOfProperty, DocPartnershipAgreement, DocIndemnityAgreement,
	DocMarriageCertificate, DocBuildAgreement, DocProjectDeclaration, DocBuildPlan,
	DocBuildDescription, DocCessationOfLoanAgreement, DocOther,
}

// Known reports whether t is one of the listed document kinds.
func (t DocumentType) Known() bool { return slices.Contains(documentTypes, t) }
