package main

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/go-realty/realty"
	"github.com/go-realty/realty/options"
	"github.com/spf13/cobra"
)

// createBody is the body of a create request: the caller's request id
// and the options of the docflow's type.
type createBody struct {
	RequestID string          `json:"requestId,omitempty"`
	Options   options.Options `json:"options"`
}

// createCommand builds "realty create".
func (a *app) createCommand() *cobra.Command {
	var requestID string
	var dryRun bool
	cmd := &cobra.Command{
		Use:   "create TYPE FILE",
		Short: "Create a docflow of TYPE from a JSON request body",
		Long: `Create files a new docflow of type TYPE. FILE (or - for standard input)
holds the request body as the API documents it:

  {"requestId": "order-42", "options": {...the options of TYPE...}}

The options are checked before anything is sent; a field that the tool
does not know is reported as a warning and left out. The new docflow is
printed with what it waits for: the files each person must sign, and
the state fees to pay.

TYPE is one of:
  ` + typeList("\n  ") + `
(the older spellings such as rightmovement_request are accepted too).`,
		Example: `  realty create object_request order.json
  realty create right_movement_request sale.json --request-id sale-7
  realty create --dry-run encumbrance_request mortgage.json`,
		Args: exactArgs("TYPE", "FILE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.create(cmd, args[0], args[1], requestID, dryRun)
		},
	}
	cmd.Flags().StringVar(&requestID, "request-id", "", "request id to send instead of the file's")
	cmd.Flags().BoolVar(&dryRun, "dry-run", false,
		"check the request and print the body that would be sent, sending nothing")
	return cmd
}

// create decodes, checks and files (or with dryRun prints) the request of
// file as a docflow of the type typeName.
func (a *app) create(cmd *cobra.Command, typeName, file, requestID string, dryRun bool) error {
	typ := realty.DocflowType(typeName)
	opts, ok := typ.NewOptions()
	if !ok {
		return usageErrorf("unknown docflow type %q; the types are: %s", typeName, typeList(", "))
	}
	typ = typ.Canonical()

	body := &createBody{Options: opts}
	if err := a.readDocument(file, string(typ), body); err != nil {
		return err
	}
	body.Options = opts // "options": null would have cleared it
	if requestID != "" {
		body.RequestID = requestID
	}
	invalid := opts.Validate()
	if dryRun {
		if err := a.printBody(body); err != nil {
			return err
		}
		return invalid
	}
	if invalid != nil {
		return invalid
	}

	client, err := a.client()
	if err != nil {
		return err
	}
	d, err := client.Docflows.Create(cmd.Context(), typ, body.RequestID, opts)
	if err != nil {
		return err
	}
	return a.printDocflow(d)
}

// printBody prints the body a create would send: as sent with --json,
// indented otherwise.
func (a *app) printBody(body *createBody) error {
	b, err := json.Marshal(body)
	if err != nil {
		return err
	}
	if !a.globals.json {
		var indented bytes.Buffer
		if err := json.Indent(&indented, b, "", "  "); err != nil {
			return err
		}
		b = indented.Bytes()
	}
	_, err = a.stdout.Write(append(b, '\n'))
	return err
}

// typeList joins the wire names of the docflow types with sep.
func typeList(sep string) string {
	names := make([]string, len(realty.DocflowTypes()))
	for i, t := range realty.DocflowTypes() {
		names[i] = string(t)
	}
	return strings.Join(names, sep)
}
