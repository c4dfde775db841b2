package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/go-realty/realty/internal/jsondiff"
)

// readInput returns the bytes of the file name, or of standard input
// when name is "-".
func (a *app) readInput(name string) ([]byte, error) {
	if err := a.checkStdin(name); err != nil {
		return nil, err
	}
	if name == "-" {
		return io.ReadAll(a.stdin)
	}
	return os.ReadFile(name)
}

// readDocument reads the JSON document of file (or standard input for
// "-") into v, and warns of every field of it that v does not keep, and
// so will not be sent; what names the kind of document in the warnings.
func (a *app) readDocument(file, what string, v any) error {
	data, err := a.readInput(file)
	if err != nil {
		return err
	}
	if err := decodeInput(file, data, v); err != nil {
		return err
	}
	sent, err := json.Marshal(v)
	if err != nil {
		return err
	}
	warnings, err := lostFields(data, sent, what)
	if err != nil {
		return err
	}
	for _, w := range warnings {
		a.warnf("%s", w)
	}
	return nil
}

// decodeInput decodes the JSON data of the file name into v, naming the
// file and the line and column of a syntax or type error.
func decodeInput(name string, data []byte, v any) error {
	if name == "-" {
		name = "standard input"
	}
	err := json.Unmarshal(data, v)
	var syntaxErr *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &syntaxErr):
		return fmt.Errorf("%s:%s: malformed JSON: %v", name, position(data, syntaxErr.Offset), err)
	case errors.As(err, &typeErr) && typeErr.Offset > 0:
		return fmt.Errorf("%s:%s: %v", name, position(data, typeErr.Offset), err)
	}
	return fmt.Errorf("%s: %w", name, err)
}

// position returns "LINE:COLUMN" (both from 1) of the byte at offset.
func position(data []byte, offset int64) string {
	offset = min(max(offset, 1), int64(len(data)))
	before := data[:offset]
	line := bytes.Count(before, []byte("\n")) + 1
	column := len(before) - bytes.LastIndexByte(before, '\n') - 1
	return fmt.Sprintf("%d:%d", line, max(column, 1))
}

// lostFields compares the JSON data of an input with sent, the JSON that
// its decoded value encodes to, and returns a warning for each field of
// data that sent lacks or changes: fields the SDK does not know. what
// names the kind of document, such as a docflow type.
func lostFields(data, sent []byte, what string) ([]string, error) {
	diffs, err := jsondiff.Compare(data, sent, jsondiff.SDKRules)
	if err != nil {
		return nil, err
	}
	warnings := make([]string, 0, len(diffs))
	for _, d := range diffs {
		switch d.Kind {
		case jsondiff.Missing:
			warnings = append(warnings,
				fmt.Sprintf("%s is not a field of %s; it will not be sent", d.Path, what))
		case jsondiff.Changed:
			warnings = append(warnings,
				fmt.Sprintf("%s will not be sent as written (%s)", d.Path, d.Detail))
		}
	}
	return warnings, nil
}
