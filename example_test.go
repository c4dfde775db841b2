package realty_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/go-realty/realty"
	"github.com/go-realty/realty/options"
	"github.com/go-realty/realty/realtytest"
)

func ExampleNewClient() {
	// The test environment of the service, with a user's credentials.
	// The client logs in on its first call.
	client, err := realty.NewClient(
		realty.WithBaseURL(realty.TestURL),
		realty.WithCredentials("user@example.com", "password", "5ee84ac0-eb9a-4b42-b814-2f5f7c27c255"),
		realty.WithRetry(3, time.Second, 10*time.Second),
	)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(client)
	// Output: realty.Client{https://api.testkontur.ru/realty/v1, login user@example.com}
}

func ExampleDocflowsService_Create() {
	fake := realtytest.NewServer() // stands in for the service here
	defer fake.Close()
	client, _ := realty.NewClient(realty.WithBaseURL(fake.URL), realty.WithSession(fake.Session()))

	docflow, err := client.Docflows.Create(context.Background(), realty.ObjectRequest, "order-42",
		options.ObjectRequest{Type: options.ExtractInfo, CadastralNumber: "47:14:1203001:814"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(docflow.Type, docflow.State, docflow.RequestID)
	// Output: object_request queued order-42
}

func ExampleDocflowsService_Create_validation() {
	client, _ := realty.NewClient(realty.WithSession("any"))

	// Nothing is sent: the options are checked first.
	_, err := client.Docflows.Create(context.Background(), realty.ObjectRequest, "order-43",
		options.ObjectRequest{Type: "full", CadastralNumber: "47:14"})
	fmt.Println(errors.Is(err, realty.ErrValidation))
	for _, problem := range realty.Problems(err) {
		fmt.Println(problem.Target, "-", problem.Code)
	}
	// Output:
	// true
	// options.type - enum
	// options.cadastralNumber - format
}

func ExampleDocflowsService_Wait() {
	fake := realtytest.NewServer(realtytest.WithAutoAdvance())
	defer fake.Close()
	client, _ := realty.NewClient(realty.WithBaseURL(fake.URL), realty.WithSession(fake.Session()))
	ctx := context.Background()

	docflow, _ := client.Docflows.Create(ctx, realty.ObjectRequest, "order-44",
		options.ObjectRequest{Type: options.ExtractInfo, CadastralNumber: "47:14:1203001:814"})
	docflow, err := client.Docflows.Wait(ctx, docflow.ID, realty.PollInterval(10*time.Millisecond, time.Second))
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range docflow.Result.Files {
		fmt.Println(docflow.State, f.Type)
	}
	// Output:
	// completed egrn:outdoc
	// completed extract_info:pdf
}

func ExampleNewsService_All() {
	fake := realtytest.NewServer()
	defer fake.Close()
	client, _ := realty.NewClient(realty.WithBaseURL(fake.URL), realty.WithSession(fake.Session()))
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()

	start, _ := client.News.List(ctx, "") // the feed from now on
	docflow, _ := client.Docflows.Create(ctx, realty.ObjectRequest, "order-45",
		options.ObjectRequest{Type: options.ExtractInfo, CadastralNumber: "47:14:1203001:814"})
	fake.Advance(docflow.ID)

	for item, err := range client.News.All(ctx, start.LastToken) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(item.Docflow.RequestID, item.Docflow.State)
		// Keep item.Token: resuming after it loses nothing.
		if item.Docflow.State == realty.StateSent {
			break
		}
	}
	// Output:
	// order-45 queued
	// order-45 sent
}

func ExampleContentsService_Upload() {
	fake := realtytest.NewServer()
	defer fake.Close()
	client, _ := realty.NewClient(realty.WithBaseURL(fake.URL), realty.WithSession(fake.Session()))

	// A file or any io.ReadSeeker is streamed, and resent if need be.
	uploaded, err := client.Contents.Upload(context.Background(), realty.MediaPDF,
		strings.NewReader("%PDF-1.4 contract"))
	if err != nil {
		log.Fatal(err)
	}
	document := options.AppliedDocument{
		DocumentType: options.DocContractOfSale,
		Content: options.Content{Info: options.ContentInfo{
			Type:           options.ContentPDF,
			ContentPointer: uploaded.ContentPointer,
		}},
	}
	fmt.Println(document.Content.Info.ContentPointer.ID != "")
	// Output: true
}

func ExampleAPIError() {
	fake := realtytest.NewServer()
	defer fake.Close()
	client, _ := realty.NewClient(realty.WithBaseURL(fake.URL), realty.WithSession(fake.Session()))

	_, err := client.Docflows.Get(context.Background(), "00000000-0000-0000-0000-000000000000")
	var apiErr *realty.APIError
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.StatusCode, errors.Is(err, realty.ErrNotFound))
	}
	// Output: 404 true
}
