/* fuzz-dataset.c: libFuzzer target for the dataset loader.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loads the input as a dataset file. Every problem must print as valid
 * UTF-8. A dataset that loads is looked at on a few dates, then saved,
 * loaded again and saved again: a loaded dataset must always save to a file
 * that loads, and saving that gives the same bytes (docs/FORMAT.md, "Saving").
 * Any broken rule aborts, and libFuzzer keeps the input. Build and run with
 * tests/fuzz/run-fuzz.
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "icc-dataset-json.h"
#include "icc-world.h"

#define FUZZ_NAME "fuzz-dataset"
#include "fuzz-util.h"

static void
check_problems (GPtrArray *problems,
                gboolean   loaded)
{
  guint n_errors = 0;

  if (problems == NULL)
    fail ("no problems array");

  for (guint i = 0; i < problems->len; i++)
    {
      const IccProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *line = NULL;
      g_autofree char *with_file = NULL;

      if (problem->message == NULL || !g_utf8_validate (problem->message, -1, NULL))
        fail ("problem %u: message is not valid UTF-8", i);
      if (problem->path != NULL && !g_utf8_validate (problem->path, -1, NULL))
        fail ("problem %u: path is not valid UTF-8", i);
      if (problem->line < 0 || problem->column < 0)
        fail ("problem %u: line %d, column %d", i, problem->line, problem->column);

      line = icc_problem_to_string (problem, NULL);
      with_file = icc_problem_to_string (problem, "fuzz.icc.json");
      if (line == NULL || !g_utf8_validate (line, -1, NULL))
        fail ("problem %u: icc_problem_to_string() is not valid UTF-8", i);
      if (with_file == NULL || !g_utf8_validate (with_file, -1, NULL))
        fail ("problem %u: icc_problem_to_string() with a file is not valid UTF-8", i);

      if (problem->severity == ICC_PROBLEM_ERROR)
        n_errors++;
    }

  if (loaded && n_errors > 0)
    fail ("the dataset loaded with %u errors", n_errors);
  if (!loaded && n_errors == 0)
    fail ("the dataset did not load, and no problem is an error");
}

static void
check_world_on (IccWorld      *world,
                const IccDate *date)
{
  GListModel *rows = G_LIST_MODEL (world);
  guint n_rows = g_list_model_get_n_items (rows);
  g_autofree char *counts = NULL;
  guint total = 0;

  if (!icc_date_is_set (date))
    return;

  icc_world_set_date (world, date);

  for (guint status = 0; status < ICC_N_STATUSES; status++)
    total += icc_world_get_count (world, status);
  if (total != n_rows)
    fail ("the counts add up to %u, for %u states", total, n_rows);
  if (icc_world_get_states_parties (world) !=
      icc_world_get_count (world, ICC_STATUS_PARTY) +
      icc_world_get_count (world, ICC_STATUS_WITHDRAWING))
    fail ("States Parties are not party + withdrawing");

  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(IccWorldRow) row = g_list_model_get_item (rows, i);
      IccStatus status = icc_world_row_get_status (row);
      IccEvent *since = icc_world_row_get_since_event (row);

      if ((int)status < 0 || status >= ICC_N_STATUSES)
        fail ("row %u: status %d", i, (int)status);
      /* "none" may come from an event too: an accession withdrawn before
       * its entry into force. */
      if (status != ICC_STATUS_NONE && since == NULL)
        fail ("row %u: status %d from no event", i, (int)status);
      if (since != NULL && icc_event_get_day (since) > icc_date_get_day (date))
        fail ("row %u: since an event after the date", i);
    }

  counts = icc_world_format_counts (world);
  if (counts == NULL || !g_utf8_validate (counts, -1, NULL))
    fail ("icc_world_format_counts() is not valid UTF-8");
}

/* The world state on the dates of the Rome Statute's adoption and of
 * Russia's withdrawal of its signature, and on the first and last event
 * and change days of the dataset itself. */
static void
check_world (IccDataset *dataset)
{
  g_autoptr(IccWorld) world = icc_world_new (dataset);
  g_autoptr(GArray) change_days = icc_dataset_get_change_days (dataset);
  GListModel *events = icc_dataset_get_events (dataset);
  guint n_events = g_list_model_get_n_items (events);
  IccDate date;

  icc_date_init (&date, 1998, 7, 17);
  check_world_on (world, &date);
  icc_date_init (&date, 2016, 11, 16);
  check_world_on (world, &date);

  if (n_events > 0)
    {
      g_autoptr(IccEvent) first = g_list_model_get_item (events, 0);
      g_autoptr(IccEvent) last = g_list_model_get_item (events, n_events - 1);

      check_world_on (world, icc_event_get_date (first));
      check_world_on (world, icc_event_get_date (last));
      check_world_on (world, icc_event_get_end_date (last));
    }

  for (guint i = 1; i < change_days->len; i++)
    if (g_array_index (change_days, gint32, i - 1) >= g_array_index (change_days, gint32, i))
      fail ("change days are not ascending at %u", i);

  if (change_days->len > 0)
    {
      icc_date_init_from_day (&date, g_array_index (change_days, gint32, change_days->len - 1));
      check_world_on (world, &date);
    }
}

static void
check_round_trip (IccDataset *dataset)
{
  g_autoptr(IccDataset) reloaded = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_length = 0;
  gsize second_length = 0;

  first = icc_dataset_to_data (dataset, &first_length);
  if (first == NULL || strlen (first) != first_length)
    fail ("the saved file has a NUL byte or a wrong length");
  if (!g_utf8_validate (first, first_length, NULL))
    fail ("the saved file is not valid UTF-8");

  bytes = g_bytes_new_static (first, first_length);
  reloaded = icc_dataset_load_bytes (bytes, &problems, &error);
  if (reloaded == NULL)
    {
      for (guint i = 0; problems != NULL && i < problems->len; i++)
        {
          g_autofree char *line = icc_problem_to_string (g_ptr_array_index (problems, i),
                                                         "saved");
          fprintf (stderr, "%s\n", line);
        }
      fail ("the saved file does not load: %s", error != NULL ? error->message : "no error");
    }
  check_problems (problems, TRUE);

  second = icc_dataset_to_data (reloaded, &second_length);
  if (second_length != first_length || memcmp (first, second, first_length) != 0)
    {
      gsize at = 0;

      while (at < first_length && at < second_length && first[at] == second[at])
        at++;
      fprintf (stderr, "first save (%" G_GSIZE_FORMAT " bytes) from byte %" G_GSIZE_FORMAT
               ":\n%.200s\nsecond save (%" G_GSIZE_FORMAT " bytes):\n%.200s\n",
               first_length, at, first + at, second_length, second + at);
      fail ("saving the reloaded dataset gives other bytes");
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(IccDataset) dataset = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = g_bytes_new (data, size);
  dataset = icc_dataset_load_bytes (bytes, &problems, &error);

  if ((dataset == NULL) != (error != NULL))
    fail ("returned %p with error %p", (gpointer)dataset, (gpointer)error);
  check_problems (problems, dataset != NULL);

  if (dataset == NULL)
    return 0;

  check_world (dataset);
  check_round_trip (dataset);

  return 0;
}
