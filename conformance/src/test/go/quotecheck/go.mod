module gotrace.dev/tools/quotecheck

go 1.21
