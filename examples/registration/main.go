// Registration files a sale of a flat (a right_movement_request) on
// realtytest, the SDK's in-process fake of the service, and follows it
// to the end: the parties sign their statements, the docflow is sent,
// the state fee is asked for and paid, and the register completes it.
//
//	go run ./examples/registration
package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/go-realty/realty"
	"github.com/go-realty/realty/options"
	"github.com/go-realty/realty/realtytest"
)

func main() {
	if err := run(context.Background()); err != nil {
		fmt.Fprintln(os.Stderr, "registration:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context) error {
	fake := realtytest.NewServer(realtytest.WithPayment("32100000000000000001", "2000"))
	defer fake.Close()
	client, err := realty.NewClient(
		realty.WithBaseURL(fake.URL),
		realty.WithCredentials(realtytest.DefaultLogin, realtytest.DefaultPassword, realtytest.DefaultAccountID),
	)
	if err != nil {
		return err
	}

	// The sale contract is uploaded first; the options refer to it.
	contract, err := client.Contents.Upload(ctx, realty.MediaPDF, strings.NewReader("%PDF-1.4 contract of sale"))
	if err != nil {
		return err
	}
	fmt.Println("uploaded the contract as content", contract.ID)

	docflow, err := client.Docflows.Create(ctx, realty.RightMovementRequest, "sale-0001", sale(contract.ContentPointer))
	if err != nil {
		return err
	}
	fmt.Printf("docflow %s is %s: %d parties must sign\n", docflow.ID, docflow.State, len(docflow.Requirements.Signature))

	for _, req := range docflow.Requirements.Signature {
		for _, file := range req.Files {
			// A real integration signs the statement (downloaded with
			// client.Files.Download) with the party's certificate.
			signature := strings.NewReader("detached signature of " + req.Person.Surname)
			if err := client.Signatures.Upload(ctx, docflow.ID, file.ID, signature); err != nil {
				return err
			}
			fmt.Printf("  %s %s signed %s\n", req.Person.Name, req.Person.Surname, file.Type)
		}
	}

	if docflow, err = client.Docflows.Send(ctx, docflow.ID); err != nil {
		return err
	}
	fmt.Println("sent:", docflow.State)

	// The fake moves only when told to; the real register moves by itself.
	for !docflow.State.Final() {
		if _, err := fake.Advance(docflow.ID); err != nil {
			return err
		}
		if docflow, err = client.Docflows.Get(ctx, docflow.ID); err != nil {
			return err
		}
		fmt.Println("now:", docflow.State)
		if docflow.Requirements != nil {
			for _, fee := range docflow.Requirements.Payment {
				fmt.Printf("  pay the state fee of %s roubles, payment id %s\n", fee.Amount, fee.UIN)
			}
		}
	}
	if docflow.State != realty.StateCompleted {
		return fmt.Errorf("the sale failed: %v", docflow.Error)
	}
	for _, f := range docflow.Result.Files {
		fmt.Println("result file:", f.Type, f.ID)
	}
	return nil
}

// sale describes the deal: one seller, two buyers in equal shares.
func sale(contract options.ContentPointer) options.RightMovementRequest {
	document := func(kind options.DocumentType) options.AppliedDocument {
		return options.AppliedDocument{
			DocumentType: kind,
			Number:       "77/2025-118",
			IssueDate:    options.NewDate(2025, 3, 14),
			Content: options.Content{Info: options.ContentInfo{
				Type: options.ContentPDF, ContentPointer: contract,
			}},
		}
	}
	half := options.Fraction{Numerator: "1", Denominator: "2"}
	return options.RightMovementRequest{
		RightMovementType: options.RightMovementSale,
		Object: options.Object{
			ObjectType:      options.ObjectFlat,
			UsagePurpose:    options.DwellingApartment,
			CadastralNumber: "76:23:031208:4410",
			Address: options.Address{
				Region:    "Ярославская область",
				City:      options.AddressElement{Abbreviation: "г", Name: "Ярославль"},
				Street:    options.AddressElement{Abbreviation: "ул", Name: "Рябиновая"},
				House:     options.Building{Type: options.BuildingHouse, Name: "12"},
				Apartment: options.Apartment{Type: options.ApartmentFlat, Name: "7"},
			},
		},
		Seller: options.Seller{IndividualOwnership: &options.IndividualOwnership{
			Owner: party("Олег", "Кузнецов", options.Male, "123-456-789 64"),
		}},
		Buyer: options.Buyer{SharedOwnership: &options.SharedOwnership{Shares: []options.Share{
			{Owner: party("Ирина", "Волкова", options.Female, "234-567-890 12"), Share: half},
			{Owner: party("Павел", "Волков", options.Male, "345-678-901 23"), Share: half},
		}}},
		AppliedDocuments: options.SaleDocuments{ContractOfSale: document(options.DocContractOfSale)},
	}
}

// party is an adult citizen with a Russian passport.
func party(name, surname string, gender options.Gender, snils string) options.DocflowMember {
	return options.DocflowMember{Person: &options.Person{
		Name: name, Surname: surname,
		DateBirth:  options.NewDate(1985, 6, 1),
		BirthPlace: "Ярославль",
		SNILS:      snils,
		Gender:     gender,
		IdentityDocument: options.IdentityDocument{
			DocumentType: options.IDRussianPassport,
			Series:       "7805", Number: "123456",
			IssueDate: options.NewDate(2015, 7, 2),
			Issuer:    options.Issuer{Code: "760-003", Name: "УМВД России по Ярославской области"},
		},
		Citizenship: "Российская Федерация",
		Address:     options.Address{FiasID: "0c5b2444-70a0-4932-980c-b4dc0d3f02b5"},
	}}
}
