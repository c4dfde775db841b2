// Package options holds the typed request options of every Reestro docflow
// type and the objects they share (properties, addresses, parties,
// documents).
//
// Each docflow type has one struct here: [ObjectRequest],
// [EncumbranceRequest], [RightMovementRequest], [AdditionalPackageRequest],
// [EquityAgreementRegistrationRequest], [RightAssignmentRequest],
// [CessationEncumbranceRequest] and [ActionRequest]. Each implements
// [Options], so any of them can be passed to the realty client's
// Docflows.Create:
//
//	opts := options.ObjectRequest{
//		Type:            options.ExtractInfo,
//		CadastralNumber: "47:14:1203001:814",
//	}
//	docflow, err := client.Docflows.Create(ctx, realty.ObjectRequest, "my-id-1", opts)
//
// # Encoding and decoding
//
// Encoding writes only the fields that are set: optional values use
// omitempty or omitzero, so no "", null or {} reaches the service. A
// required nested object is held by value; an alternative of an
// "exactly one of" group (a person or an organization, one kind of
// ownership) is held by pointer, so that the one that is set is plain to
// see.
//
// Decoding is tolerant, because the service's reference shows several
// forms of the same thing: where a field is one object it also accepts a
// one-element array, where it is an array it also accepts one object,
// and the spellings "organisation", "objects", "document" and
// "denumerator" are read as "organization", "object", "documents" and
// "denominator". Unknown fields are ignored and enumerations are open:
// a value this package has no constant for decodes and encodes
// unchanged (Validate reports it). An array of more than one element
// where one object is expected is an error rather than a silent loss.
//
// Dates are date-only values ([Date]) written as YYYY-MM-DD.
//
// # Validation
//
// Every options struct has a Validate method that checks it against the
// service's documented rules (required fields, "exactly one of" groups,
// the formats of cadastral numbers, SNILS, INN, KPP, OGRN and GUIDs,
// dates of past events not in the future, known enumeration values) and
// returns a [*ValidationError] that lists every problem at once, each with
// the dotted path of its field ("options.seller.individualOwnership.owner.
// person.snils"). The realty client runs it before sending anything.
package options
