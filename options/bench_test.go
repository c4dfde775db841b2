package options

import "testing"

// BenchmarkValidate measures Validate of a full sale with two buyers,
// which Docflows.Create runs before every submission.
func BenchmarkValidate(b *testing.B) {
	sale := validRightMovementRequest()
	b.ReportAllocs()
	for b.Loop() {
		if err := sale.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}
