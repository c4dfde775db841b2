package realtytest

import (
	"net/http"
	"strings"
)

// suggestName is a named part of a cadastre query.
type suggestName struct {
	Name string `json:"name"`
}

// suggestRequest is the body of POST /location/cadastre/suggest.
type suggestRequest struct {
	Region           *suggestName `json:"region"`
	AutonomousCounty *suggestName `json:"autonomousCounty"`
	District         *suggestName `json:"district"`
	City             *suggestName `json:"city"`
	Settlement       *suggestName `json:"settlement"`
	Street           *suggestName `json:"street"`
	House            *struct {
		Number          string `json:"number"`
		BuildingNumber  string `json:"buildingNumber"`
		StructureNumber string `json:"structureNumber"`
		SructureNumber  string `json:"sructureNumber"` // the current reference page's spelling
	} `json:"house"`
	Room *struct {
		Number string `json:"number"`
	} `json:"room"`
}

// suggestion is one match of a cadastre query, in the service's form:
// street and house are "NAME|ABBR" and "number|building|structure".
type suggestion struct {
	ObjectID     string `json:"objectId"`
	SubjectID    int64  `json:"subjectId"`
	RegionID     int64  `json:"regionId"`
	SettlementID int64  `json:"settlementId"`
	SrcObject    int64  `json:"srcObject"`
	RegionKey    int64  `json:"regionKey"`
	ObjectCN     string `json:"objectCn"`
	Street       string `json:"street"`
	House        string `json:"house"`
	Apartment    string `json:"apartment"`
	AddressNotes string `json:"addressNotes"`
}

// cadastre is the fake's whole register: made-up flats and houses in a
// made-up part of Yaroslavl.
var cadastre = []suggestion{
	yaroslavl("4410", "031208", "РЯБИНОВАЯ|УЛ", "12||", "7", "ул Рябиновая, д. 12, кв. 7"),
	yaroslavl("4411", "031208", "РЯБИНОВАЯ|УЛ", "12||", "15", "ул Рябиновая, д. 12, кв. 15"),
	yaroslavl("4502", "031208", "РЯБИНОВАЯ|УЛ", "12/2||", "3", "ул Рябиновая, д. 12/2, кв. 3"),
	yaroslavl("5120", "031305", "ТИХИЙ|ПЕР", "5|1|", "", "пер Тихий, д. 5, к. 1"),
	yaroslavl("6034", "040117", "СОЛНЕЧНАЯ НАБЕРЕЖНАЯ|УЛ", "40||", "101",
		"ул Солнечная Набережная, д. 40, кв. 101"),
	yaroslavl("6035", "040117", "СОЛНЕЧНАЯ НАБЕРЕЖНАЯ|УЛ", "40||", "102",
		"ул Солнечная Набережная, д. 40, кв. 102"),
}

// yaroslavl returns an entry of the register: the object number within
// its cadastral quarter, the quarter, and the address.
func yaroslavl(number, quarter, street, house, apartment, notes string) suggestion {
	return suggestion{
		ObjectID:     "76:23:0:" + number,
		SubjectID:    176000000000,
		RegionID:     176401000000,
		SettlementID: 176401000017,
		SrcObject:    1,
		RegionKey:    176,
		ObjectCN:     "76:23:" + quarter + ":" + number,
		Street:       street,
		House:        house,
		Apartment:    apartment,
		AddressNotes: "г Ярославль, " + notes,
	}
}

// streetWords are the abbreviations a caller may put before a street's
// name; they are ignored when matching.
var streetWords = map[string]bool{
	"УЛ": true, "УЛ.": true, "УЛИЦА": true, "ПЕР": true, "ПЕР.": true, "ПЕРЕУЛОК": true,
	"ПР-КТ": true, "ПРОСПЕКТ": true, "Ш": true, "Ш.": true, "ШОССЕ": true,
}

// handleSuggest serves POST /location/cadastre/suggest: the entries of
// the built-in register on the street and at the house (and flat) asked
// for. region.name is required; the other address parts are accepted and
// not matched, since the whole register lies in one city.
func (s *Server) handleSuggest(w http.ResponseWriter, r *http.Request, _ session) {
	var req suggestRequest
	if !readJSON(w, r, &req) {
		return
	}
	if req.Region == nil || strings.TrimSpace(req.Region.Name) == "" {
		writeError(w, http.StatusBadRequest, codeValidation, "region.name", "region.name is required")
		return
	}

	matches := []suggestion{}
	for _, entry := range cadastre {
		if matchesQuery(entry, req) {
			matches = append(matches, entry)
		}
	}
	writeJSON(w, http.StatusOK, matches)
}

// matchesQuery reports whether an entry of the register fits a query.
func matchesQuery(entry suggestion, req suggestRequest) bool {
	if req.Street != nil {
		var words []string
		for _, word := range strings.Fields(strings.ToUpper(req.Street.Name)) {
			if !streetWords[word] {
				words = append(words, word)
			}
		}
		name, _, _ := strings.Cut(entry.Street, "|")
		if !strings.Contains(name, strings.Join(words, " ")) {
			return false
		}
	}
	if req.House != nil && req.House.Number != "" {
		number, _, _ := strings.Cut(entry.House, "|")
		want := strings.ToUpper(strings.TrimSpace(req.House.Number))
		if number != want && !strings.HasPrefix(number, want+"/") {
			return false
		}
	}
	if req.Room != nil && req.Room.Number != "" && entry.Apartment != strings.TrimSpace(req.Room.Number) {
		return false
	}
	return true
}
