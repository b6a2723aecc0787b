module gotrace.local/conformance/programs

go 1.22
