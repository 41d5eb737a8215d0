module github.com/geostance/geostance

go 1.24.0

require (
	github.com/stretchr/testify v1.12.1
	golang.org/x/text v0.23.0
	gonum.org/v1/gonum v0.17.0
)

require go.yaml.in/yaml/v3 v3.0.5 // indirect
