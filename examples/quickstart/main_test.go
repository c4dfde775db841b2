package main

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestQuickstartOnTheFake(t *testing.T) {
	t.Setenv("REALTY_LOGIN", "")
	out := t.TempDir()
	require.NoError(t, run(out))
	entries, err := os.ReadDir(out)
	require.NoError(t, err)
	assert.NotEmpty(t, entries, "the extract was saved")
}
