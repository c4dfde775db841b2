// Package realtytest runs an in-process fake of the Kontur.Reestro API on
// a loopback port, for tests and for trying the SDK without an account.
//
// The fake decodes every request from the wire into the types of the
// options package and checks it as the service would, so that an encoding
// mistake in a client fails its test. Docflows do not move by themselves:
// a test drives them with [Server.Advance] and [Server.Fail] (or opts in
// to [WithAutoAdvance]), so no test has to sleep. [Server.FailNext] and
// [Server.SetFaultFunc] inject failures: error statuses, delays and
// dropped connections.
//
//	srv := realtytest.NewServer()
//	defer srv.Close()
//	client, err := realty.NewClient(realty.WithBaseURL(srv.URL), realty.WithSession(srv.Session()))
//	docflow, err := client.Docflows.Create(ctx, realty.ObjectRequest, "order-1", opts)
//	state, err := srv.Advance(docflow.ID) // "sent"; once more, "completed"
//
// A client that logs in itself uses [DefaultLogin], [DefaultPassword]
// and [DefaultAccountID], or an account added with [WithAccount].
//
// Everything the fake keeps (docflows, news, uploaded contents) lives in
// memory or, for uploaded bytes, in a temporary directory that
// [Server.Close] removes. A Server is safe for concurrent use.
package realtytest
