package main

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestRegistrationOnTheFake(t *testing.T) {
	require.NoError(t, run(context.Background()))
}
