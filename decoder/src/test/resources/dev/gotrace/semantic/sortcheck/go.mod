module gotrace.local/sortcheck

go 1.22
