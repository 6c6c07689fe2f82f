/* Introsort-free quicksort (median-of-three, Hoare partition, insertion sort for short ranges)
 * of n signed 32-bit integers in place. Returns the median element. */
#define MAXN 262144

int data[MAXN];

static int less(int a, int b) { return a < b; }

static void swap(int *a, int *b) {
  int t = *a;
  *a = *b;
  *b = t;
}

static void insertion_sort(int *a, int lo, int hi) {
  for (int i = lo + 1; i <= hi; i++) {
    int v = a[i];
    int j = i - 1;
    while (j >= lo && less(v, a[j])) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}

static int median_of_three(int *a, int lo, int hi) {
  int mid = lo + (hi - lo) / 2;
  if (less(a[mid], a[lo])) swap(&a[mid], &a[lo]);
  if (less(a[hi], a[lo])) swap(&a[hi], &a[lo]);
  if (less(a[hi], a[mid])) swap(&a[hi], &a[mid]);
  return a[mid];
}

static int partition(int *a, int lo, int hi) {
  int pivot = median_of_three(a, lo, hi);
  int i = lo - 1, j = hi + 1;
  for (;;) {
    do i++; while (less(a[i], pivot));
    do j--; while (less(pivot, a[j]));
    if (i >= j) return j;
    swap(&a[i], &a[j]);
  }
}

static void quicksort(int *a, int lo, int hi) {
  while (hi - lo > 16) {
    int p = partition(a, lo, hi);
    /* recurse into the smaller half, loop on the larger one */
    if (p - lo < hi - p) {
      quicksort(a, lo, p);
      lo = p + 1;
    } else {
      quicksort(a, p + 1, hi);
      hi = p;
    }
  }
  insertion_sort(a, lo, hi);
}

int sort_ints(int n) {
  quicksort(data, 0, n - 1);
  return data[n / 2];
}
