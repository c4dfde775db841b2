package realty

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the package's tests when any goroutine is still running
// after them: the client must leave none behind once its calls return.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}
