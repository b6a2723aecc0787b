module gotrace.local/oracletests

go 1.23
