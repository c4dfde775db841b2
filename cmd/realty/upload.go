package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-realty/realty"
	"github.com/spf13/cobra"
)

// mediaTypes maps the values of upload's --type to media types.
var mediaTypes = map[string]realty.MediaType{
	"pdf": realty.MediaPDF,
	"xml": realty.MediaXML,
	"sig": realty.MediaPKCS7Signature,
	"pgp": realty.MediaPGPSignature,
}

// extensionTypes maps file extensions to values of --type.
var extensionTypes = map[string]string{
	".pdf": "pdf", ".xml": "xml", ".sig": "sig", ".p7s": "sig", ".asc": "pgp", ".pgp": "pgp",
}

// uploadedContent is how an upload is printed with --json.
type uploadedContent struct {
	ID          string `json:"id"`
	ContentLink string `json:"contentLink,omitempty"`
	Location    string `json:"location,omitempty"`
}

// uploadCommand builds "realty upload".
func (a *app) uploadCommand() *cobra.Command {
	var typeName string
	cmd := &cobra.Command{
		Use:   "upload FILE",
		Short: "Upload a document or a signature that options refer to",
		Long: `Upload stores FILE with the service and prints its content id and link,
which the options of a request refer to as a contentPointer:

  "content": {"info": {"type": "pdf",
                       "contentPointer": {"id": ID, "contentLink": LINK}}}

The type comes from --type or else from the file's extension: .pdf, .xml,
.sig or .p7s (a PKCS#7 signature), .asc or .pgp (a PGP signature).`,
		Example: `  realty upload contract.pdf
  realty upload --type sig contract.pdf.sgn`,
		Args: exactArgs("FILE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			media, err := mediaTypeOf(args[0], typeName)
			if err != nil {
				return err
			}
			client, err := a.client()
			if err != nil {
				return err
			}
			f, err := os.Open(args[0])
			if err != nil {
				return err
			}
			defer f.Close()
			up, err := client.Contents.Upload(cmd.Context(), media, f)
			if err != nil {
				return err
			}
			return a.printUploaded(up)
		},
	}
	cmd.Flags().StringVar(&typeName, "type", "", "type of the file: pdf, xml, sig or pgp")
	return cmd
}

// mediaTypeOf returns the media type that --type names, or else the one
// the extension of file says.
func mediaTypeOf(file, typeName string) (realty.MediaType, error) {
	if typeName == "" {
		typeName = extensionTypes[strings.ToLower(filepath.Ext(file))]
		if typeName == "" {
			return "", usageErrorf("cannot tell the type of %s by its extension: give --type", file)
		}
	}
	media, ok := mediaTypes[typeName]
	if !ok {
		return "", usageErrorf("unknown --type %q: want pdf, xml, sig or pgp", typeName)
	}
	return media, nil
}

// printUploaded prints the id and link of an uploaded content.
func (a *app) printUploaded(up *realty.Uploaded) error {
	v := uploadedContent{ID: up.ID, ContentLink: up.ContentLink, Location: up.Location}
	return a.printResult(v, func(w io.Writer) {
		fmt.Fprintf(w, "content id    %s\n", v.ID)
		fmt.Fprintf(w, "content link  %s\n", v.ContentLink)
	})
}
