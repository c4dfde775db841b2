package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/go-realty/realty"
	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// progressThreshold is the size above which a download shows a progress
// bar on a terminal.
const progressThreshold = 1 << 20

// downloadCommand builds "realty download".
func (a *app) downloadCommand() *cobra.Command {
	var dir string
	cmd := &cobra.Command{
		Use:   "download ID [FILE_ID]",
		Short: "Save the result files of a docflow, or one of its files",
		Long: `Download saves every result file of the completed docflow ID, with their
signatures, into the folder -o (created when missing). With FILE_ID it
saves that one file of the docflow instead, such as a statement to sign,
with a progress bar on a terminal when the file is larger than 1 MiB.

A file is named after its type and id, such as egrn_outdoc-<id>.zip.
The paths written are printed, one a line.`,
		Example: `  realty download 3f1c9e2a-5b7d-4c8e-9f01-2a3b4c5d6e7f -o extracts
  realty download 3f1c9e2a-5b7d-4c8e-9f01-2a3b4c5d6e7f 7d2e4f60 -o sign`,
		Args: rangeArgs(1, "ID", "FILE_ID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			paths, err := a.download(cmd.Context(), args, dir)
			if len(paths) > 0 {
				if printErr := a.printPaths(paths); err == nil {
					err = printErr
				}
			}
			return err
		},
	}
	cmd.Flags().StringVarP(&dir, "output", "o", ".", "folder to save the files in")
	return cmd
}

// download saves the result files of the docflow args[0], or its file
// args[1], into dir and returns the paths written, also when a later
// file failed.
func (a *app) download(ctx context.Context, args []string, dir string) ([]string, error) {
	client, err := a.client()
	if err != nil {
		return nil, err
	}
	if len(args) == 1 {
		return saveResult(ctx, client, args[0], dir)
	}
	path, err := a.downloadFile(ctx, client, args[0], args[1], dir)
	if err != nil {
		return nil, err
	}
	return []string{path}, nil
}

// saveResult saves the result files of the docflow id into dir and
// returns the paths written, also when a later file failed.
func saveResult(ctx context.Context, c *realty.Client, id, dir string) ([]string, error) {
	d, err := c.Docflows.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if d.Result == nil || len(d.Result.Files) == 0 {
		return nil, fmt.Errorf("docflow %s has no result files: it is %s", id, d.State)
	}
	return c.Files.SaveResult(ctx, d, dir)
}

// downloadFile streams the file fileID of the docflow id into dir, named
// as SaveResult names it when the docflow lists the file, else after its
// id, and returns its path. A failed download leaves no file behind.
func (a *app) downloadFile(ctx context.Context, c *realty.Client, id, fileID, dir string) (string, error) {
	d, err := c.Docflows.Get(ctx, id)
	if err != nil {
		return "", err
	}
	dl, err := c.Files.Download(ctx, id, fileID)
	if err != nil {
		return "", err
	}
	defer dl.Close()

	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	name := realty.FileName(fileTypeOf(d, fileID), fileID, dl.ContentType)
	tmp, err := os.CreateTemp(dir, ".download-*")
	if err != nil {
		return "", err
	}
	_, err = io.Copy(io.MultiWriter(tmp, a.progress(dl.ContentLength)), dl)
	if closeErr := tmp.Close(); err == nil {
		err = closeErr
	}
	path := filepath.Join(dir, name)
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return "", fmt.Errorf("saving %s: %w", name, err)
	}
	return path, nil
}

// progress returns a progress bar of a download of size bytes on
// standard error when that is a terminal and the download is large
// enough to wait for, else a writer that discards what it gets.
func (a *app) progress(size int64) io.Writer {
	if size <= progressThreshold || !term.IsTerminal(int(a.stderr.Fd())) {
		return io.Discard
	}
	return progressbar.NewOptions64(size,
		progressbar.OptionSetWriter(a.stderr),
		progressbar.OptionSetDescription("downloading"),
		progressbar.OptionShowBytes(true),
		progressbar.OptionShowTotalBytes(true),
		progressbar.OptionShowCount(),
		progressbar.OptionUseIECUnits(true),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
}

// fileTypeOf returns the type of the file fileID among the docflow's
// result files and the files it asks to sign, or "" when it lists none.
func fileTypeOf(d *realty.Docflow, fileID string) realty.FileType {
	if d.Result != nil {
		for _, f := range d.Result.Files {
			if f.ID == fileID {
				return f.Type
			}
		}
	}
	if d.Requirements != nil {
		for _, s := range d.Requirements.Signature {
			for _, f := range s.Files {
				if f.ID == fileID {
					return f.Type
				}
			}
		}
	}
	return ""
}

// printPaths prints the paths written: one a line, or with --json as
// {"paths": [...]}.
func (a *app) printPaths(paths []string) error {
	return a.printResult(map[string][]string{"paths": paths}, func(w io.Writer) {
		for _, p := range paths {
			fmt.Fprintln(w, p)
		}
	})
}
