package options

func (r ObjectRequest) Validate() error                      { return nil }
func (r EncumbranceRequest) Validate() error                 { return nil }
func (r RightMovementRequest) Validate() error               { return nil }
func (r AdditionalPackageRequest) Validate() error           { return nil }
func (r EquityAgreementRegistrationRequest) Validate() error { return nil }
func (r RightAssignmentRequest) Validate() error             { return nil }
func (r CessationEncumbranceRequest) Validate() error        { return nil }
func (r ActionRequest) Validate() error                      { return nil }
