package options

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// decode decodes data into a new T and fails the test on an error.
func decode[T any](t *testing.T, data string) T {
	t.Helper()
	var v T
	require.NoError(t, json.Unmarshal([]byte(data), &v))
	return v
}

// encode encodes v and fails the test on an error.
func encode(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

func TestDecodeOneObjectFromOneElementArray(t *testing.T) {
	t.Run("object of an encumbrance", func(t *testing.T) {
		r := decode[EncumbranceRequest](t, `{"object":[{"cadastralNumber":"47:14:1203001:814"}]}`)
		assert.Equal(t, "47:14:1203001:814", r.Object.CadastralNumber)
		assert.JSONEq(t, `{"object":{"cadastralNumber":"47:14:1203001:814"}}`, encode(t, r))
	})
	t.Run("object of a cessation", func(t *testing.T) {
		r := decode[CessationEncumbranceRequest](t, `{"object":[{"objectType":"flat"}]}`)
		assert.Equal(t, ObjectFlat, r.Object.ObjectType)
	})
	t.Run("content pointer", func(t *testing.T) {
		c := decode[Content](t, `{"info":{"type":"pdf","contentPointer":[{"id":"a","contentLink":"l"}]}}`)
		assert.Equal(t, ContentPointer{ID: "a", ContentLink: "l"}, c.Info.ContentPointer)
		assert.JSONEq(t, `{"info":{"type":"pdf","contentPointer":{"id":"a","contentLink":"l"}}}`, encode(t, c))
	})
	t.Run("empty array is unset", func(t *testing.T) {
		o := decode[Object](t, `[]`)
		assert.Equal(t, Object{}, o)
	})
}

func TestDecodeRejectsManyWhereOneIsExpected(t *testing.T) {
	for name, data := range map[string]string{
		"object":          `{"object":[{"cadastralNumber":"1"},{"cadastralNumber":"2"}]}`,
		"content pointer": `{"appliedDocuments":{"mortgageAgreement":{"content":{"info":{"contentPointer":[{"id":"a"},{"id":"b"}]}}}}}`,
	} {
		t.Run(name, func(t *testing.T) {
			var r EncumbranceRequest
			err := json.Unmarshal([]byte(data), &r)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "array of 2")
		})
	}
}

func TestDecodeListFromLoneObject(t *testing.T) {
	t.Run("encumbrancer", func(t *testing.T) {
		r := decode[EncumbranceRequest](t, `{"whoUseRestriction":{"encumbrancer":{"person":{"name":"A"}}}}`)
		require.Len(t, r.WhoUseRestriction.Encumbrancer, 1)
		assert.Equal(t, "A", r.WhoUseRestriction.Encumbrancer[0].Person.Name)
		assert.JSONEq(t, `{"whoUseRestriction":{"encumbrancer":[{"person":{"name":"A"}}]}}`, encode(t, r))
	})
	t.Run("docflow member", func(t *testing.T) {
		r := decode[ActionRequest](t, `{"docflowMember":{"person":{"name":"A"}}}`)
		require.Len(t, r.DocflowMember, 1)
		assert.Equal(t, "A", r.DocflowMember[0].Person.Name)
	})
	t.Run("objects", func(t *testing.T) {
		r := decode[RightAssignmentRequest](t, `{"object":{"cadastralNumber":"47:14:1203001:814"}}`)
		assert.Equal(t, Objects{{CadastralNumber: "47:14:1203001:814"}}, r.Object)
	})
	t.Run("arrays stay arrays", func(t *testing.T) {
		r := decode[ActionRequest](t, `{"docflowMember":[{"person":{"name":"A"}},{"person":{"name":"B"}}]}`)
		require.Len(t, r.DocflowMember, 2)
		assert.Equal(t, "B", r.DocflowMember[1].Person.Name)
	})
}

func TestDecodeAliases(t *testing.T) {
	t.Run("organisation", func(t *testing.T) {
		m := decode[DocflowMember](t, `{"organisation":{"name":"Bank"}}`)
		require.NotNil(t, m.Organization)
		assert.Equal(t, "Bank", m.Organization.Name)
		assert.JSONEq(t, `{"organization":{"name":"Bank"}}`, encode(t, m))
	})
	t.Run("objects", func(t *testing.T) {
		r := decode[EquityAgreementRegistrationRequest](t, `{"objects":[{"cadastralNumber":"47:14:1203001:814"}]}`)
		assert.Equal(t, Objects{{CadastralNumber: "47:14:1203001:814"}}, r.Object)
		assert.JSONEq(t, `{"object":[{"cadastralNumber":"47:14:1203001:814"}]}`, encode(t, r))
	})
	t.Run("document", func(t *testing.T) {
		r := decode[ActionRequest](t, `{"document":[{"documentType":"other"}]}`)
		assert.Equal(t, []AppliedDocument{{DocumentType: DocOther}}, r.Documents)
		assert.JSONEq(t, `{"documents":[{"documentType":"other"}]}`, encode(t, r))
	})
	t.Run("document as a lone object", func(t *testing.T) {
		r := decode[ActionRequest](t, `{"document":{"documentType":"other"}}`)
		assert.Equal(t, []AppliedDocument{{DocumentType: DocOther}}, r.Documents)
	})
	t.Run("denumerator", func(t *testing.T) {
		s := decode[Share](t, `{"share":{"numerator":"1","denumerator":"2"}}`)
		assert.Equal(t, Fraction{Numerator: "1", Denominator: "2"}, s.Share)
		assert.JSONEq(t, `{"share":{"numerator":"1","denominator":"2"}}`, encode(t, s))
	})
	t.Run("the decided spelling wins over its alias", func(t *testing.T) {
		m := decode[DocflowMember](t, `{"organisation":{"name":"Old"},"organization":{"name":"New"}}`)
		assert.Equal(t, "New", m.Organization.Name)
		r := decode[EquityAgreementRegistrationRequest](t,
			`{"objects":[{"cadastralNumber":"old"}],"object":[{"cadastralNumber":"new"}]}`)
		assert.Equal(t, "new", r.Object[0].CadastralNumber)
		a := decode[ActionRequest](t, `{"document":[{"number":"old"}],"documents":[{"number":"new"}]}`)
		assert.Equal(t, "new", a.Documents[0].Number)
		f := decode[Fraction](t, `{"denumerator":"3","denominator":"4"}`)
		assert.Equal(t, "4", f.Denominator)
	})
}

func TestDecodeHectareWithLatinA(t *testing.T) {
	a := decode[Area](t, `{"value":"1.5","unit":"гa"}`)
	assert.Equal(t, Hectare, a.Unit)
	assert.True(t, a.Unit.Known())
	assert.JSONEq(t, `{"value":"1.5","unit":"га"}`, encode(t, a))
	assert.Equal(t, SquareMetre, decode[Area](t, `{"unit":"кв.м"}`).Unit)
}

func TestUnknownEnumValuesRoundTripUnchanged(t *testing.T) {
	for _, tt := range []struct {
		name string
		data string
		into func() any
	}{
		{"extract type", `{"type":"full","cadastralNumber":"47:14:1203001:814"}`, func() any { return new(ObjectRequest) }},
		{"encumbrance type", `{"encumbranceType":"arrest"}`, func() any { return new(CessationEncumbranceRequest) }},
		{"movement type", `{"rightMovementType":"gift"}`, func() any { return new(RightMovementRequest) }},
		{"action type", `{"actionType":"pause"}`, func() any { return new(ActionRequest) }},
		{"object type", `{"objectType":"garage"}`, func() any { return new(Object) }},
		{"usage purpose", `{"usagePurpose":"dwellingAppartment"}`, func() any { return new(Object) }},
		{"area unit", `{"unit":"сотка"}`, func() any { return new(Area) }},
		{"building and apartment", `{"house":{"type":"корп","name":"1"},"apartment":{"type":"офис","name":"2"}}`,
			func() any { return new(Address) }},
		{"benefit and gender", `{"person":{"gender":"x"},"benefitCategory":"veteran"}`,
			func() any { return new(DocflowMember) }},
		{"identity document", `{"documentType":"russPasport"}`, func() any { return new(IdentityDocument) }},
		{"representative", `{"representativeType":"director"}`, func() any { return new(Representative) }},
		{"document and content", `{"documentType":"deed","content":{"info":{"type":"docx"}}}`,
			func() any { return new(AppliedDocument) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			v := tt.into()
			require.NoError(t, json.Unmarshal([]byte(tt.data), v))
			assert.JSONEq(t, tt.data, encode(t, v))
		})
	}

	t.Run("Known tells them apart", func(t *testing.T) {
		assert.False(t, ExtractType("full").Known())
		assert.True(t, ExtractOwnership.Known())
		assert.False(t, DocumentType("deed").Known())
		assert.True(t, DocCourtDecision.Known())
	})
}

func TestDecodeIgnoresUnknownFields(t *testing.T) {
	r := decode[ObjectRequest](t, `{"type":"info","cadastralNumber":"47:14:1203001:814",
		"priority":{"level":3},"tags":["a"]}`)
	assert.Equal(t, validObjectRequest(), r)
	assert.JSONEq(t, `{"type":"info","cadastralNumber":"47:14:1203001:814"}`, encode(t, r))

	p := decode[Person](t, `{"name":"A","identityDocument":{"type":"russPasport","number":"1"}}`)
	assert.Equal(t, Person{Name: "A", IdentityDocument: IdentityDocument{Number: "1"}}, p)
}

func TestDate(t *testing.T) {
	t.Run("parse", func(t *testing.T) {
		d, err := ParseDate("2001-01-09")
		require.NoError(t, err)
		assert.Equal(t, NewDate(2001, time.January, 9), d)
	})
	t.Run("parse a date-time, keeping its date", func(t *testing.T) {
		d, err := ParseDate("2001-01-09T23:59:59")
		require.NoError(t, err)
		assert.Equal(t, NewDate(2001, time.January, 9), d)
	})
	t.Run("parse errors", func(t *testing.T) {
		for _, s := range []string{"", "2001-13-01", "2001-02-30", "09.01.2001", "2001-1-9", "20010109"} {
			_, err := ParseDate(s)
			assert.Error(t, err, "%q", s)
		}
	})
	t.Run("format", func(t *testing.T) {
		assert.Equal(t, "2001-01-09", NewDate(2001, time.January, 9).String())
		assert.Equal(t, "0099-12-31", NewDate(99, time.December, 31).String())
		assert.Equal(t, `"2001-01-09"`, encode(t, NewDate(2001, time.January, 9)))
	})
	t.Run("zero", func(t *testing.T) {
		var d Date
		assert.True(t, d.IsZero())
		assert.False(t, NewDate(2001, 1, 1).IsZero())
		assert.Equal(t, "", d.String())
		assert.Equal(t, "null", encode(t, d))
	})
	t.Run("decode", func(t *testing.T) {
		assert.Equal(t, NewDate(2019, time.July, 1), decode[Registration](t, `{"date":"2019-07-01"}`).Date)
		assert.True(t, decode[Registration](t, `{"date":""}`).Date.IsZero())
		assert.True(t, decode[Registration](t, `{"date":null}`).Date.IsZero())
		var r Registration
		assert.Error(t, json.Unmarshal([]byte(`{"date":20190701}`), &r))
		assert.Error(t, json.Unmarshal([]byte(`{"date":"1 July 2019"}`), &r))
	})
	t.Run("omitted when unset", func(t *testing.T) {
		assert.Equal(t, `{"number":"1"}`, encode(t, Registration{Number: "1"}))
		assert.Equal(t, `{"number":"1","date":"2019-07-01"}`,
			encode(t, Registration{Number: "1", Date: NewDate(2019, time.July, 1)}))
	})
	t.Run("order", func(t *testing.T) {
		assert.True(t, NewDate(2001, 1, 2).After(NewDate(2001, 1, 1)))
		assert.False(t, NewDate(2001, 1, 1).After(NewDate(2001, 1, 1)))
	})
}

func TestZeroValuesEncodeAsEmptyObject(t *testing.T) {
	for _, v := range []any{
		ObjectRequest{}, EncumbranceRequest{}, RightMovementRequest{},
		AdditionalPackageRequest{}, EquityAgreementRegistrationRequest{},
		RightAssignmentRequest{}, CessationEncumbranceRequest{}, ActionRequest{},
		Object{}, Address{}, DocflowMember{}, Person{}, IdentityDocument{}, Organization{},
		Representative{}, Share{}, Mortgage{}, AppliedDocument{}, Content{}, ContentPointer{},
		Registration{}, Area{}, Holders{}, Seller{}, Buyer{}, Developer{},
	} {
		assert.Equal(t, "{}", encode(t, v), "%T", v)
	}
}

func TestEncodingWritesNoEmptyValues(t *testing.T) {
	// Partly set values: the unset nested objects must vanish, not
	// appear as {}.
	assert.Equal(t, `{"encumbranceType":"mortgage"}`,
		encode(t, EncumbranceRequest{EncumbranceType: EncumbranceMortgage}))
	assert.Equal(t, `{"person":{"name":"A"}}`, encode(t, DocflowMember{Person: &Person{Name: "A"}}))
	assert.Equal(t, `{"content":{"info":{"type":"pdf"}}}`,
		encode(t, AppliedDocument{Content: Content{Info: ContentInfo{Type: ContentPDF}}}))

	// Full values: nothing empty anywhere in the tree.
	for _, opts := range validOptions() {
		var tree any
		require.NoError(t, json.Unmarshal([]byte(encode(t, opts)), &tree))
		assert.Empty(t, emptyValues("options", tree), "%T", opts)
	}
}

// emptyValues returns the paths of "", null, {} and [] in a JSON tree.
func emptyValues(path string, v any) []string {
	var found []string
	switch v := v.(type) {
	case nil:
		found = append(found, path)
	case string:
		if v == "" {
			found = append(found, path)
		}
	case map[string]any:
		if len(v) == 0 {
			found = append(found, path)
		}
		for k, e := range v {
			found = append(found, emptyValues(path+"."+k, e)...)
		}
	case []any:
		if len(v) == 0 {
			found = append(found, path)
		}
		for i, e := range v {
			found = append(found, emptyValues(fmt.Sprintf("%s[%d]", path, i), e)...)
		}
	}
	return found
}
