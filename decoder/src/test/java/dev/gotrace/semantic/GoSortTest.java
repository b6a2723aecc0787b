package dev.gotrace.semantic;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link GoSort} leaves equal keys in the order Go's {@code slices.SortFunc} leaves them. The
 * expected orders ({@code go-sort-orders.txt}: keys, then the original indexes in sorted order)
 * were written by {@code sortcheck/} ({@code go run . < keys > orders}); the lists cover the
 * insertion-sort sizes, the quicksort paths (median of three, ninther, partial insertion sort,
 * many equal keys, pattern breaking) and the heap sort fallback's inputs.
 */
final class GoSortTest {
  @Test
  void equalKeysEndUpWhereGoPutsThem() throws Exception {
    int checked = 0;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        GoSortTest.class.getResourceAsStream("go-sort-orders.txt"), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] parts = line.split("\\|");
        String[] keys = parts[0].trim().split(" ");
        List<long[]> items = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
          items.add(new long[] {Long.parseLong(keys[i]), i});
        }
        GoSort.sort(items, Comparator.comparingLong(a -> a[0]));
        StringBuilder order = new StringBuilder();
        for (long[] item : items) {
          order.append(order.length() == 0 ? "" : " ").append(item[1]);
        }
        assertWithMessage("order of %s", parts[0]).that(order.toString()).isEqualTo(parts[1]);
        checked++;
      }
    }
    assertWithMessage("lists checked").that(checked).isEqualTo(288);
  }
}
