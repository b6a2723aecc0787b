module gotrace.local/conformance/adapters/go

go 1.26.0

// The pinned golang.org/x/exp/trace under test; score-xexp.sh scores any other pin.
require golang.org/x/exp v0.0.0-20261113113407-e3970619a1a4
