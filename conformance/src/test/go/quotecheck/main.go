// Command quotecheck answers strconv.Quote and strconv.Unquote questions in bulk,
// so that GoQuoteAgainstGoTest can compare gotrace's Java versions with Go's in a
// single process run.
//
// Every input line is a request and gets exactly one output line, in order.
// Payloads are hex so that any byte, newline included, survives the trip:
//
//	Q <hex bytes>   ->  <hex of strconv.Quote(string(bytes))>
//	U <hex bytes>   ->  OK <hex of strconv.Unquote(string(bytes))>   or   ERR
//
// Malformed requests are a bug in the test, so they stop the program (exit 1).
package main

import (
	"bufio"
	"encoding/hex"
	"fmt"
	"os"
	"strconv"
	"strings"
)

func main() {
	in := bufio.NewScanner(os.Stdin)
	// A request line holds up to a few kilobytes of hex; leave ample room.
	in.Buffer(make([]byte, 0, 1<<16), 1<<26)
	out := bufio.NewWriterSize(os.Stdout, 1<<16)
	for line := 1; in.Scan(); line++ {
		if err := answer(out, in.Text()); err != nil {
			fail(fmt.Errorf("line %d: %v", line, err))
		}
	}
	if err := in.Err(); err != nil {
		fail(err)
	}
	if err := out.Flush(); err != nil {
		fail(err)
	}
}

func answer(out *bufio.Writer, request string) error {
	op, payload, found := strings.Cut(request, " ")
	if !found {
		return fmt.Errorf("expected \"Q <hex>\" or \"U <hex>\", got %q", request)
	}
	data, err := hex.DecodeString(payload)
	if err != nil {
		return err
	}
	switch op {
	case "Q":
		out.WriteString(hex.EncodeToString([]byte(strconv.Quote(string(data)))))
	case "U":
		if s, err := strconv.Unquote(string(data)); err != nil {
			out.WriteString("ERR")
		} else {
			out.WriteString("OK ")
			out.WriteString(hex.EncodeToString([]byte(s)))
		}
	default:
		return fmt.Errorf("unknown operation %q", op)
	}
	return out.WriteByte('\n')
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "quotecheck:", err)
	os.Exit(1)
}
