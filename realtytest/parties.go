package realtytest

import (
	"encoding/json"

	"github.com/go-realty/realty/options"
)

// signers returns the people who must sign the statement of a
// registration, in the order the options name them: each party's person,
// or for an organization its representative. A person named twice signs
// once.
func signers(opts options.Options) []options.Person {
	var c signerList
	switch o := opts.(type) {
	case options.EncumbranceRequest:
		c.holders(o.WhoseRightRestricted)
		c.members(o.WhoUseRestriction.Encumbrancer)
	case options.RightMovementRequest:
		c.seller(o.Seller)
		c.buyer(o.Buyer)
	case options.EquityAgreementRegistrationRequest:
		c.member(o.Developer.Developer)
		c.buyer(o.Buyer)
	case options.RightAssignmentRequest:
		c.seller(o.Seller)
		c.buyer(o.Buyer)
	case options.CessationEncumbranceRequest:
		c.holders(o.WhoseRightRestricted)
		if o.WhoUseRestriction != nil {
			c.members(o.WhoUseRestriction.Encumbrancer)
		}
	}
	return c.people
}

// signerList gathers signers without repeats.
type signerList struct {
	people []options.Person
	seen   map[string]bool
}

// member adds the person who signs for a party.
func (c *signerList) member(m options.DocflowMember) {
	switch {
	case m.Person != nil:
		c.add(*m.Person)
	case m.Organization != nil && m.Representative != nil:
		c.add(m.Representative.Person)
	}
}

// add adds p unless it is already listed.
func (c *signerList) add(p options.Person) {
	key, _ := json.Marshal(p)
	if c.seen[string(key)] {
		return
	}
	if c.seen == nil {
		c.seen = make(map[string]bool)
	}
	c.seen[string(key)] = true
	c.people = append(c.people, p)
}

func (c *signerList) members(ms []options.DocflowMember) {
	for _, m := range ms {
		c.member(m)
	}
}

func (c *signerList) individual(o *options.IndividualOwnership) {
	if o != nil {
		c.member(o.Owner)
	}
}

func (c *signerList) cooperative(o *options.CooperativeOwnership) {
	if o != nil {
		c.member(o.Spouse1)
		c.member(o.Spouse2)
	}
}

func (c *signerList) shared(o *options.SharedOwnership) {
	if o != nil {
		for _, share := range o.Shares {
			c.member(share.Owner)
		}
	}
}

func (c *signerList) holders(h options.Holders) {
	c.individual(h.IndividualOwnership)
	c.cooperative(h.CooperativeOwnership)
}

func (c *signerList) seller(s options.Seller) {
	c.individual(s.IndividualOwnership)
	c.cooperative(s.CooperativeOwnership)
	c.shared(s.SharedOwnership)
}

func (c *signerList) buyer(b options.Buyer) {
	c.individual(b.IndividualOwnership)
	c.cooperative(b.CooperativeOwnership)
	c.shared(b.SharedOwnership)
}

// cadastralNumber returns the cadastral number of the (first) property a
// docflow is about, or "".
func cadastralNumber(opts options.Options) string {
	first := func(objects options.Objects) string {
		if len(objects) == 0 {
			return ""
		}
		return objects[0].CadastralNumber
	}
	switch o := opts.(type) {
	case options.ObjectRequest:
		return o.CadastralNumber
	case options.EncumbranceRequest:
		return o.Object.CadastralNumber
	case options.RightMovementRequest:
		return o.Object.CadastralNumber
	case options.CessationEncumbranceRequest:
		return o.Object.CadastralNumber
	case options.EquityAgreementRegistrationRequest:
		return first(o.Object)
	case options.RightAssignmentRequest:
		return first(o.Object)
	}
	return ""
}
