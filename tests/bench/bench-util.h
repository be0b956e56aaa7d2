/* bench-util.h: what the benchmark programs share.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdlib.h>

static inline int
bench_compare_doubles (const void *a,
                       const void *b)
{
  double da = *(const double *)a, db = *(const double *)b;

  return (da > db) - (da < db);
}

/* Sorts @n times in place, to read a median or a worst case from them. */
static inline void
bench_sort_doubles (double *values,
                    size_t  n)
{
  qsort (values, n, sizeof (double), bench_compare_doubles);
}
