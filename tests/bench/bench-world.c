/* bench-world.c: scrubbing the date cursor over the bundled dataset.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Moves an IccWorld day by day from 1998-07-17 to 2026-12-31 (as dragging
 * the timeline's cursor does) and reports the median and worst time of one
 * update, and how many rows were announced changed. Target (DESIGN §7): one
 * update well under a frame (16 ms); only changed rows notified.
 */

#include <stdio.h>
#include <stdlib.h>

#include "icc-dataset-json.h"
#include "icc-world.h"
#include "bench-util.h"

static guint rows_announced;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  rows_announced += added;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IccDataset) dataset = icc_dataset_load_bundled (&error);
  g_autoptr(IccWorld) world = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  IccDate first, last, date;
  gint32 day;

  if (dataset == NULL)
    g_error ("%s", error->message);

  world = icc_world_new (dataset);
  g_signal_connect (world, "items-changed", G_CALLBACK (items_changed_cb), NULL);

  icc_date_init (&first, 1998, 7, 17);
  icc_date_init (&last, 2026, 12, 31);

  for (day = icc_date_get_day (&first); day <= icc_date_get_day (&last); day++)
    {
      gint64 t0, t1;
      double ms;

      icc_date_init_from_day (&date, day);
      t0 = g_get_monotonic_time ();
      icc_world_set_date (world, &date);
      t1 = g_get_monotonic_time ();
      ms = (t1 - t0) / 1000.0;
      g_array_append_val (times, ms);
    }

  bench_sort_doubles (&g_array_index (times, double, 0), times->len);
  printf ("states=%u updates=%u rows_announced=%u\n",
          g_list_model_get_n_items (G_LIST_MODEL (world)), times->len, rows_announced);
  printf ("update median_ms=%.4f p99_ms=%.4f max_ms=%.4f\n",
          g_array_index (times, double, times->len / 2),
          g_array_index (times, double, times->len * 99 / 100),
          g_array_index (times, double, times->len - 1));

  return 0;
}
