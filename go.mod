module github.com/geostance/geostance

go 1.24.0

require (
	github.com/cdipaolo/goml v0.0.0-20220715001353-00e0c845ae1c // indirect
	github.com/cdipaolo/sentiment v0.0.0-20200617002423-c697f64e7f10 // indirect
	github.com/stretchr/testify v1.12.1 // indirect
	golang.org/x/text v0.23.0 // indirect
	gonum.org/v1/gonum v0.17.0 // indirect
)
