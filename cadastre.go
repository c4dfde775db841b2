package realty

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
)

// CadastreService looks up cadastral numbers by address.
type CadastreService service

// SuggestQuery is an address to look up. Region is required; the more
// parts are given, the fewer matches come back.
type SuggestQuery struct {
	// Region is the region to search in, such as "Новосибирская
	// область". Required: Suggest refuses an empty name.
	Region Name `json:"region"`
	// AutonomousCounty is the autonomous district, where there is one.
	// Optional.
	AutonomousCounty *Name `json:"autonomousCounty,omitempty"`
	// District is the district within the region. Optional.
	District *Name `json:"district,omitempty"`
	// City is the city or town, such as "Новосибирск". Optional.
	City *Name `json:"city,omitempty"`
	// Settlement is the settlement outside a city. Optional.
	Settlement *Name `json:"settlement,omitempty"`
	// Street is the street's name, such as "Татьяны Снежиной". Optional.
	Street *Name `json:"street,omitempty"`
	// House is the house's number and parts. Optional.
	House *SuggestHouse `json:"house,omitempty"`
	// Room is the flat or room within the house. Optional.
	Room *SuggestRoom `json:"room,omitempty"`
}

// Name is a named part of an address in a SuggestQuery.
type Name struct {
	// Name is the part's name as written, such as "Татьяны Снежиной".
	Name string `json:"name"`
}

// SuggestHouse is the house part of a SuggestQuery.
type SuggestHouse struct {
	// Number is the house number, such as "39" or "39/1".
	Number string `json:"number,omitempty"`
	// BuildingNumber is the number of the building (korpus) within the
	// house. Optional.
	BuildingNumber string `json:"buildingNumber,omitempty"`
	// StructureNumber is the number of the structure (stroenie).
	// Optional; decoding also reads the misspelt "sructureNumber".
	StructureNumber string `json:"structureNumber,omitempty"`
}

// UnmarshalJSON reads a house, accepting the reference's misspelt key
// "sructureNumber".
func (h *SuggestHouse) UnmarshalJSON(b []byte) error {
	type plain SuggestHouse
	var aux struct {
		plain
		Misspelt string `json:"sructureNumber"`
	}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	*h = SuggestHouse(aux.plain)
	if h.StructureNumber == "" {
		h.StructureNumber = aux.Misspelt
	}
	return nil
}

// SuggestRoom is the room part of a SuggestQuery.
type SuggestRoom struct {
	// Number is the flat or room number, such as "120".
	Number string `json:"number,omitempty"`
}

// CadastreMatch is a property that matches a SuggestQuery.
type CadastreMatch struct {
	// ObjectID is the service's id of the property, a short form of its
	// cadastral number such as "54:35:0:5911"; use CadastralNumber in
	// options.
	ObjectID string `json:"objectId"`
	// SubjectID is the service's numeric code of the region (subject of
	// the federation); the reference does not define it further.
	SubjectID int64 `json:"subjectId,omitempty"`
	// RegionID is the service's numeric code of the area within the
	// region (a city in the reference's example); not defined further.
	RegionID int64 `json:"regionId,omitempty"`
	// SettlementID is the service's numeric code of the settlement; not
	// defined further by the reference.
	SettlementID int64 `json:"settlementId,omitempty"`
	// SrcObject is a number that the reference lists without
	// explaining (1 in its example).
	SrcObject int64 `json:"srcObject,omitempty"`
	// RegionKey is a numeric key of the region that the reference lists
	// without explaining (154 for the Novosibirsk region in its example).
	RegionKey int64 `json:"regionKey,omitempty"`
	// CadastralNumber is the property's cadastral number.
	CadastralNumber string `json:"objectCn"`
	// Street is the street as the service writes it: the name, "|" and
	// the abbreviation, such as "ТАТЬЯНЫ СНЕЖИНОЙ|УЛ".
	Street string `json:"street,omitempty"`
	// House is the house as the service writes it: the number and the
	// further parts joined by "|", such as "39||".
	House string `json:"house,omitempty"`
	// Apartment is the flat or room number, such as "120".
	Apartment string `json:"apartment,omitempty"`
	// AddressNotes is the full address as one line.
	AddressNotes string `json:"addressNotes,omitempty"`
}

// Suggest returns the properties that match an address.
func (s *CadastreService) Suggest(ctx context.Context, q SuggestQuery) ([]CadastreMatch, error) {
	if q.Region.Name == "" {
		return nil, errors.New("realty: Suggest: the region is required")
	}
	body, err := json.Marshal(q)
	if err != nil {
		return nil, err
	}
	r := &request{method: http.MethodPost, path: "/location/cadastre/suggest", kind: kindRead, json: body}
	var matches []CadastreMatch
	if _, err := s.client.do(ctx, r, &matches); err != nil {
		return nil, err
	}
	return matches, nil
}
