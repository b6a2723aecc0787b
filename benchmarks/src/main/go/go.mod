module gotrace.local/benchmarks

go 1.22
