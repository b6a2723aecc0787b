module gotrace.local/semanticseed

go 1.22
