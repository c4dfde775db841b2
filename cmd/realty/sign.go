package main

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"
)

// signedFile is how a signature upload is printed with --json.
type signedFile struct {
	DocflowID string `json:"docflowId"`
	FileID    string `json:"fileId"`
	Signature string `json:"signature"`
}

// signCommand builds "realty sign".
func (a *app) signCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "sign ID FILE_ID SIGNATURE_FILE",
		Short: "Attach a detached signature to a file of a docflow",
		Long: `Sign uploads SIGNATURE_FILE, a detached signature, as a signature of the
file FILE_ID of the docflow ID. A suspended docflow lists the files that
each person must sign (realty get ID); download one with realty download
ID FILE_ID, sign it with the person's certificate, attach the signature
with realty sign, and once every file is signed, realty send ID.`,
		Example: `  realty download 3f1c9e2a-5b7d-4c8e-9f01-2a3b4c5d6e7f 7d2e4f60
  realty sign 3f1c9e2a-5b7d-4c8e-9f01-2a3b4c5d6e7f 7d2e4f60 statement.sig`,
		Args: exactArgs("ID", "FILE_ID", "SIGNATURE_FILE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			client, err := a.client()
			if err != nil {
				return err
			}
			f, err := os.Open(args[2])
			if err != nil {
				return err
			}
			defer f.Close()
			if err := client.Signatures.Upload(cmd.Context(), args[0], args[1], f); err != nil {
				return err
			}
			v := signedFile{DocflowID: args[0], FileID: args[1], Signature: args[2]}
			return a.printResult(v, func(w io.Writer) {
				fmt.Fprintf(w, "signed file %s of docflow %s with %s\n", v.FileID, v.DocflowID, v.Signature)
			})
		},
	}
}
