package options_test

import (
	"errors"
	"fmt"

	"github.com/go-realty/realty/options"
)

func ExampleRightMovementRequest_Validate() {
	sale := options.RightMovementRequest{
		RightMovementType: options.RightMovementSale,
		Object:            options.Object{ObjectType: options.ObjectFlat, CadastralNumber: "47:14:1203001:814"},
		Seller: options.Seller{IndividualOwnership: &options.IndividualOwnership{
			Owner: options.DocflowMember{Person: &options.Person{Name: "Олег", SNILS: "123"}},
		}},
	}

	err := sale.Validate()
	var invalid *options.ValidationError
	if errors.As(err, &invalid) {
		fmt.Println(len(invalid.Errors), "problems; the malformed values:")
		for _, p := range invalid.Errors {
			if p.Code == options.CodeFormat {
				fmt.Printf("%s: %s\n", p.Target, p.Message)
			}
		}
	}
	// Output:
	// 11 problems; the malformed values:
	// options.seller.individualOwnership.owner.person.snils: must be 11 digits as 000-000-000 00
}
