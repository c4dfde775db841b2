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
	{"76:23:0:4410", 176000000000, 176401000000, 176401000017, 1, 176, "76:23:031208:4410",
		"РЯБИНОВАЯ|УЛ", "12||", "7", "г Ярославль, ул Рябиновая, д. 12, кв. 7"},
	{"76:23:0:4411", 176000000000, 176401000000, 176401000017, 1, 176, "76:23:031208:4411",
		"РЯБИНОВАЯ|УЛ", "12||", "15", "г Ярославль, ул Рябиновая, д. 12, кв. 15"},
	{"76:23:0:4502", 176000000000, 176401000000, 176401000017, 1, 176, "76:23:031208:4502",
		"РЯБИНОВАЯ|УЛ", "12/2||", "3", "г Ярославль, ул Рябиновая, д. 12/2, кв. 3"},
	{"76:23:0:5120", 176000000000, 176401000000, 176401000017, 1, 176, "76:23:031305:5120",
		"ТИХИЙ|ПЕР", "5|1|", "", "г Ярославль, пер Тихий, д. 5, к. 1"},
	{"76:23:0:6034", 176000000000, 176401000000, 176401000017, 1, 176, "76:23:040117:6034",
		"СОЛНЕЧНАЯ НАБЕРЕЖНАЯ|УЛ", "40||", "101", "г Ярославль, ул Солнечная Набережная, д. 40, кв. 101"},
	{"76:23:0:6035", 176000000000, 176401000000, 176401000017, 1, 176, "76:23:040117:6035",
		"СОЛНЕЧНАЯ НАБЕРЕЖНАЯ|УЛ", "40||", "102", "г Ярославль, ул Солнечная Набережная, д. 40, кв. 102"},
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
