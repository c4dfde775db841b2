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
	Region           Name          `json:"region"`
	AutonomousCounty *Name         `json:"autonomousCounty,omitempty"`
	District         *Name         `json:"district,omitempty"`
	City             *Name         `json:"city,omitempty"`
	Settlement       *Name         `json:"settlement,omitempty"`
	Street           *Name         `json:"street,omitempty"`
	House            *SuggestHouse `json:"house,omitempty"`
	Room             *SuggestRoom  `json:"room,omitempty"`
}

// Name is a named part of an address in a SuggestQuery.
type Name struct {
	Name string `json:"name"`
}

// SuggestHouse is the house part of a SuggestQuery.
type SuggestHouse struct {
	Number          string `json:"number,omitempty"`
	BuildingNumber  string `json:"buildingNumber,omitempty"`
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
	Number string `json:"number,omitempty"`
}

// CadastreMatch is a property that matches a SuggestQuery.
type CadastreMatch struct {
	ObjectID     string `json:"objectId"`
	SubjectID    int64  `json:"subjectId,omitempty"`
	RegionID     int64  `json:"regionId,omitempty"`
	SettlementID int64  `json:"settlementId,omitempty"`
	SrcObject    int64  `json:"srcObject,omitempty"`
	RegionKey    int64  `json:"regionKey,omitempty"`
	// CadastralNumber is the property's cadastral number.
	CadastralNumber string `json:"objectCn"`
	Street          string `json:"street,omitempty"`
	House           string `json:"house,omitempty"`
	Apartment       string `json:"apartment,omitempty"`
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
