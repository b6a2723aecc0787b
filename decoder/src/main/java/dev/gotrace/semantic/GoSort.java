package dev.gotrace.semantic;

import java.util.Comparator;
import java.util.List;

/**
 * The unstable sort of Go's {@code slices.SortFunc} (pattern-defeating quicksort, insertion sort
 * for short runs, heapsort as a fallback), reimplemented so that elements that compare equal end
 * up in the same order as in Go. The parser sorts its per-thread cursors and CPU samples by
 * timestamp, and which of two equal-time cursors is tried first can decide what it accepts.
 */
final class GoSort {
  private static final int MAX_INSERTION = 12;

  private GoSort() {}

  static <T> void sort(List<T> data, Comparator<? super T> cmp) {
    int n = data.size();
    new Run<T>(data, cmp).pdqsort(0, n, 64 - Long.numberOfLeadingZeros(n));
  }

  private static final class Run<T> {
    private final List<T> data;
    private final Comparator<? super T> cmp;

    Run(List<T> data, Comparator<? super T> cmp) {
      this.data = data;
      this.cmp = cmp;
    }

    private boolean less(int i, int j) {
      return cmp.compare(data.get(i), data.get(j)) < 0;
    }

    private void swap(int i, int j) {
      T t = data.get(i);
      data.set(i, data.get(j));
      data.set(j, t);
    }

    void insertionSort(int a, int b) {
      for (int i = a + 1; i < b; i++) {
        for (int j = i; j > a && less(j, j - 1); j--) {
          swap(j, j - 1);
        }
      }
    }

    private void siftDown(int lo, int hi, int first) {
      int root = lo;
      while (true) {
        int child = 2 * root + 1;
        if (child >= hi) {
          return;
        }
        if (child + 1 < hi && less(first + child, first + child + 1)) {
          child++;
        }
        if (!less(first + root, first + child)) {
          return;
        }
        swap(first + root, first + child);
        root = child;
      }
    }

    private void heapSort(int a, int b) {
      int first = a;
      int hi = b - a;
      for (int i = (hi - 1) / 2; i >= 0; i--) {
        siftDown(i, hi, first);
      }
      for (int i = hi - 1; i >= 0; i--) {
        swap(first, first + i);
        siftDown(0, i, first);
      }
    }

    void pdqsort(int a, int b, int limit) {
      boolean wasBalanced = true;
      boolean wasPartitioned = true;
      while (true) {
        int length = b - a;
        if (length <= MAX_INSERTION) {
          insertionSort(a, b);
          return;
        }
        if (limit == 0) {
          heapSort(a, b);
          return;
        }
        if (!wasBalanced) {
          breakPatterns(a, b);
          limit--;
        }
        long pivotAndHint = choosePivot(a, b);
        int pivot = (int) (pivotAndHint >> 2);
        int hint = (int) (pivotAndHint & 3);
        if (hint == DECREASING) {
          reverseRange(a, b);
          pivot = (b - 1) - (pivot - a);
          hint = INCREASING;
        }
        if (wasBalanced && wasPartitioned && hint == INCREASING && partialInsertionSort(a, b)) {
          return;
        }
        if (a > 0 && !less(a - 1, pivot)) {
          a = partitionEqual(a, b, pivot);
          continue;
        }
        long midAndFlag = partition(a, b, pivot);
        int mid = (int) (midAndFlag >> 1);
        wasPartitioned = (midAndFlag & 1) != 0;
        int leftLen = mid - a;
        int rightLen = b - mid;
        int balanceThreshold = length / 8;
        if (leftLen < rightLen) {
          wasBalanced = leftLen >= balanceThreshold;
          pdqsort(a, mid, limit);
          a = mid + 1;
        } else {
          wasBalanced = rightLen >= balanceThreshold;
          pdqsort(mid + 1, b, limit);
          b = mid;
        }
      }
    }

    /** Returns the new pivot index shifted left by one, with bit 0 set if nothing moved. */
    private long partition(int a, int b, int pivot) {
      swap(a, pivot);
      int i = a + 1;
      int j = b - 1;
      while (i <= j && less(i, a)) {
        i++;
      }
      while (i <= j && !less(j, a)) {
        j--;
      }
      if (i > j) {
        swap(j, a);
        return ((long) j << 1) | 1;
      }
      swap(i, j);
      i++;
      j--;
      while (true) {
        while (i <= j && less(i, a)) {
          i++;
        }
        while (i <= j && !less(j, a)) {
          j--;
        }
        if (i > j) {
          break;
        }
        swap(i, j);
        i++;
        j--;
      }
      swap(j, a);
      return (long) j << 1;
    }

    private int partitionEqual(int a, int b, int pivot) {
      swap(a, pivot);
      int i = a + 1;
      int j = b - 1;
      while (true) {
        while (i <= j && !less(a, i)) {
          i++;
        }
        while (i <= j && less(a, j)) {
          j--;
        }
        if (i > j) {
          break;
        }
        swap(i, j);
        i++;
        j--;
      }
      return i;
    }

    private boolean partialInsertionSort(int a, int b) {
      final int maxSteps = 5;
      final int shortestShifting = 50;
      int i = a + 1;
      for (int step = 0; step < maxSteps; step++) {
        while (i < b && !less(i, i - 1)) {
          i++;
        }
        if (i == b) {
          return true;
        }
        if (b - a < shortestShifting) {
          return false;
        }
        swap(i, i - 1);
        if (i - a >= 2) {
          for (int j = i - 1; j >= 1; j--) {
            if (!less(j, j - 1)) {
              break;
            }
            swap(j, j - 1);
          }
        }
        if (b - i >= 2) {
          for (int j = i + 1; j < b; j++) {
            if (!less(j, j - 1)) {
              break;
            }
            swap(j, j - 1);
          }
        }
      }
      return false;
    }

    private void breakPatterns(int a, int b) {
      int length = b - a;
      if (length >= 8) {
        long random = length;
        int modulus = 1 << (64 - Long.numberOfLeadingZeros(length));
        for (int idx = a + (length / 4) * 2 - 1; idx <= a + (length / 4) * 2 + 1; idx++) {
          random ^= random << 13;
          random ^= random >>> 7;
          random ^= random << 17;
          int other = (int) (random & (modulus - 1));
          if (other >= length) {
            other -= length;
          }
          swap(idx, a + other);
        }
      }
    }

    private static final int UNKNOWN = 0;
    private static final int INCREASING = 1;
    private static final int DECREASING = 2;

    /** Returns the pivot index shifted left by two, with the sortedness hint in the low bits. */
    private long choosePivot(int a, int b) {
      final int shortestNinther = 50;
      final int maxSwaps = 4 * 3;
      int l = b - a;
      int[] swaps = {0};
      int i = a + l / 4;
      int j = a + l / 4 * 2;
      int k = a + l / 4 * 3;
      if (l >= 8) {
        if (l >= shortestNinther) {
          i = median(i - 1, i, i + 1, swaps);
          j = median(j - 1, j, j + 1, swaps);
          k = median(k - 1, k, k + 1, swaps);
        }
        j = median(i, j, k, swaps);
      }
      int hint = swaps[0] == 0 ? INCREASING : swaps[0] == maxSwaps ? DECREASING : UNKNOWN;
      return ((long) j << 2) | hint;
    }

    private int median(int a, int b, int c, int[] swaps) {
      if (less(b, a)) {
        swaps[0]++;
        int t = a;
        a = b;
        b = t;
      }
      if (less(c, b)) {
        swaps[0]++;
        int t = b;
        b = c;
        c = t;
      }
      if (less(b, a)) {
        swaps[0]++;
        int t = a;
        a = b;
        b = t;
      }
      return b;
    }

    private void reverseRange(int a, int b) {
      for (int i = a, j = b - 1; i < j; i++, j--) {
        swap(i, j);
      }
    }
  }
}
