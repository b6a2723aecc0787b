package dev.gotrace.semantic;

import java.util.ArrayList;
import java.util.List;

/**
 * The per-thread cursors of a generation, kept as a binary min-heap on the time of each cursor's
 * next event, with exactly the sift operations of Go's parser: when the earliest event cannot
 * advance, Go sorts the heap and tries the others in order, so which cursor comes first among
 * equal times must match Go's for the same traces to be accepted.
 */
final class Frontier {
  private final List<BatchCursor> heap = new ArrayList<>();

  int size() {
    return heap.size();
  }

  boolean isEmpty() {
    return heap.isEmpty();
  }

  BatchCursor get(int i) {
    return heap.get(i);
  }

  List<BatchCursor> cursors() {
    return heap;
  }

  void clear() {
    heap.clear();
  }

  void insert(BatchCursor c) {
    heap.add(c);
    siftUp(heap.size() - 1);
  }

  /** Restores the heap after cursor {@code i}'s time changed. */
  void update(int i) {
    if (siftUp(i) != i) {
      return;
    }
    siftDown(i);
  }

  void remove(int i) {
    while (i > 0) {
      swap((i - 1) / 2, i);
      i = (i - 1) / 2;
    }
    swap(0, heap.size() - 1);
    heap.remove(heap.size() - 1);
    siftDown(0);
  }

  /** Sorts by time as Go does before trying every cursor in turn; a sorted array is a heap. */
  void sort() {
    GoSort.sort(heap, (a, b) -> Long.compare(a.time, b.time));
  }

  private int siftUp(int i) {
    while (i > 0 && heap.get((i - 1) / 2).time > heap.get(i).time) {
      swap((i - 1) / 2, i);
      i = (i - 1) / 2;
    }
    return i;
  }

  private void siftDown(int i) {
    while (true) {
      int m = min3(i, 2 * i + 1, 2 * i + 2);
      if (m == i) {
        return;
      }
      swap(i, m);
      i = m;
    }
  }

  private int min3(int i0, int i1, int i2) {
    int minIndex = i0;
    long minTime = Long.MAX_VALUE;
    if (i0 < heap.size()) {
      minTime = heap.get(i0).time;
    }
    if (i1 < heap.size() && heap.get(i1).time < minTime) {
      minTime = heap.get(i1).time;
      minIndex = i1;
    }
    if (i2 < heap.size() && heap.get(i2).time < minTime) {
      minIndex = i2;
    }
    return minIndex;
  }

  private void swap(int i, int j) {
    BatchCursor t = heap.get(i);
    heap.set(i, heap.get(j));
    heap.set(j, t);
  }
}
