package main

import (
	"fmt"
	"io"

	"github.com/go-realty/realty"
	"github.com/spf13/cobra"
)

// suggestCommand builds "realty suggest".
func (a *app) suggestCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "suggest FILE",
		Short: "Find the cadastral numbers of the properties at an address",
		Long: `Suggest prints the properties that match the address in FILE (or - for
standard input): their cadastral numbers and full addresses. FILE holds
a JSON query; region is required, and the more parts it gives the fewer
properties match:

  {"region": {"name": "..."}, "city": {"name": "..."},
   "street": {"name": "..."}, "house": {"number": "12"},
   "room": {"number": "7"}}

The other parts are autonomousCounty, district and settlement (each
{"name"}); a house may also give buildingNumber and structureNumber.`,
		Example: `  realty suggest address.json
  echo '{"region":{"name":"Ярославская"},"street":{"name":"Рябиновая"}}' |
    realty suggest -`,
		Args: exactArgs("FILE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			var query realty.SuggestQuery
			if err := a.readDocument(args[0], "a cadastre query", &query); err != nil {
				return err
			}
			client, err := a.client()
			if err != nil {
				return err
			}
			matches, err := client.Cadastre.Suggest(cmd.Context(), query)
			if err != nil {
				return err
			}
			if len(matches) == 0 {
				fmt.Fprintln(a.stderr, "no property matches the address")
			}
			return a.printResult(matches, func(w io.Writer) { writeMatches(w, matches) })
		},
	}
}

// writeMatches writes each match as its cadastral number and address.
func writeMatches(w io.Writer, matches []realty.CadastreMatch) {
	for _, m := range matches {
		fmt.Fprintf(w, "%-22s %s\n", m.CadastralNumber, m.AddressNotes)
	}
}
