module github.com/go-realty/realty

go 1.24.0

require (
	github.com/hashicorp/go-retryablehttp v0.7.8
	github.com/stretchr/testify v1.12.1
	golang.org/x/sync v0.19.0
	gopkg.in/h2non/gock.v1 v1.1.2
)

require (
	github.com/google/go-querystring v1.2.0 // indirect
	github.com/h2non/parth v0.0.0-20190131123155-b4df798d6542 // indirect
	github.com/hashicorp/go-cleanhttp v0.5.2 // indirect
	go.yaml.in/yaml/v3 v3.0.5 // indirect
)
