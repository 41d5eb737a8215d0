module github.com/geostance/geostance/bench

go 1.24.9

require (
	github.com/cdipaolo/sentiment v0.0.0-20200617002423-c697f64e7f10
	github.com/geostance/geostance v0.0.0
	github.com/jonreiter/govader v0.0.0-20250429093935-f6505c8d03cc
)

require (
	github.com/cdipaolo/goml v0.0.0-20220715001353-00e0c845ae1c // indirect
	golang.org/x/text v0.28.0 // indirect
	golang.org/x/tools v0.36.0 // indirect
	gonum.org/v1/gonum v0.17.0 // indirect
)

replace github.com/geostance/geostance => ../
