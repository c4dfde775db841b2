package realtytest

import (
	"encoding/json"

	"github.com/go-realty/realty/options"
)

// docflowKind describes one docflow type: its wire name, how its options
// decode, and which life it leads.
type docflowKind struct {
	name string
	// registration kinds start suspended, waiting for the parties'
	// signatures; the others are queued at once.
	registration bool
	decode       func(raw []byte) (options.Options, error)
}

// decodeAs decodes raw options into the options type T.
func decodeAs[T options.Options](raw []byte) (options.Options, error) {
	var v T
	if err := json.Unmarshal(raw, &v); err != nil {
		return nil, err
	}
	return v, nil
}

// The wire names of the docflow types.
const (
	typeObject        = "object_request"
	typeEncumbrance   = "encumbrance_request"
	typeRightMovement = "right_movement_request"
	typeAdditional    = "additional_packet_request"
	typeEquity        = "equity_agreement_registration_request"
	typeAssignment    = "right_assignment_request"
	typeCessation     = "cessation_encumbrance_request"
	typeAction        = "action_request"
)

// kinds maps every accepted spelling of a docflow type, the wire name
// and the aliases the API reference has used, to its kind.
var kinds = func() map[string]*docflowKind {
	all := []struct {
		kind    *docflowKind
		aliases []string
	}{
		{&docflowKind{name: typeObject, decode: decodeAs[options.ObjectRequest]}, nil},
		{&docflowKind{name: typeEncumbrance, registration: true,
			decode: decodeAs[options.EncumbranceRequest]}, []string{"ecumbrance_request"}},
		{&docflowKind{name: typeRightMovement, registration: true,
			decode: decodeAs[options.RightMovementRequest]}, []string{"rightmovement_request"}},
		{&docflowKind{name: typeAdditional, decode: decodeAs[options.AdditionalPackageRequest]},
			[]string{"additionalpackage_request", "additional_package_request"}},
		{&docflowKind{name: typeEquity, registration: true,
			decode: decodeAs[options.EquityAgreementRegistrationRequest]}, nil},
		{&docflowKind{name: typeAssignment, registration: true,
			decode: decodeAs[options.RightAssignmentRequest]}, nil},
		{&docflowKind{name: typeCessation, registration: true,
			decode: decodeAs[options.CessationEncumbranceRequest]}, []string{"cessationencumbrance_request"}},
		{&docflowKind{name: typeAction, decode: decodeAs[options.ActionRequest]}, nil},
	}
	m := make(map[string]*docflowKind)
	for _, k := range all {
		m[k.kind.name] = k.kind
		for _, alias := range k.aliases {
			m[alias] = k.kind
		}
	}
	return m
}()
