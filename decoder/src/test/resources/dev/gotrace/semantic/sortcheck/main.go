// Command sortcheck sorts lists of keys with slices.SortFunc (comparing keys only) and prints
// where each element went, so that gotrace's copy of the algorithm can be checked for the order
// it gives equal keys. Input: one list per line, keys separated by spaces. Output: one line per
// list, the original indexes in sorted order.
package main

import (
	"bufio"
	"cmp"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
)

type item struct{ key, index int64 }

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<24)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for in.Scan() {
		var items []item
		for i, f := range strings.Fields(in.Text()) {
			k, err := strconv.ParseInt(f, 10, 64)
			if err != nil {
				panic(err)
			}
			items = append(items, item{k, int64(i)})
		}
		slices.SortFunc(items, func(a, b item) int { return cmp.Compare(a.key, b.key) })
		for i, it := range items {
			if i > 0 {
				out.WriteByte(' ')
			}
			fmt.Fprint(out, it.index)
		}
		out.WriteByte('\n')
	}
}
