module gotrace.dev/tools/isprint

go 1.21
