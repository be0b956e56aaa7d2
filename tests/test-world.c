/* test-world.c: IccWorld notifies only the rows whose status changed.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "icc-dataset-json.h"
#include "icc-test-load.h"
#include "icc-test-util.h"
#include "icc-world.h"

typedef struct
{
  guint   n_signals;
  guint   n_rows;
  GArray *positions;
} Changes;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  g_assert_cmpuint (removed, ==, added);
  changes->n_signals++;
  changes->n_rows += added;
  for (guint i = 0; i < added; i++)
    {
      guint p = position + i;
      g_array_append_val (changes->positions, p);
    }
}

static IccDataset *
make_dataset (void)
{
  IccDataset *dataset = icc_dataset_new ();

  test_add_state (dataset, "AA", "Alpha");
  test_add_state (dataset, "BB", "Bravo");
  test_add_state (dataset, "CC", "Charlie");
  test_add_state (dataset, "DD", "Delta");

  test_add_event (dataset, "aa-sig", ICC_EVENT_KIND_SIGNATURE, "1998-07-18", "AA");
  test_add_event (dataset, "bb-sig", ICC_EVENT_KIND_SIGNATURE, "1998-07-18", "BB");
  test_add_event (dataset, "cc-sig", ICC_EVENT_KIND_SIGNATURE, "1998-07-18", "CC");
  test_add_event (dataset, "aa-rat", ICC_EVENT_KIND_RATIFICATION, "2001-01-01", "AA");
  test_add_event (dataset, "aa-eif", ICC_EVENT_KIND_ENTRY_INTO_FORCE, "2002-07-01", "AA");
  test_add_event (dataset, "cc-rat", ICC_EVENT_KIND_RATIFICATION, "2001-06-01", "CC");
  test_add_event (dataset, "cc-eif", ICC_EVENT_KIND_ENTRY_INTO_FORCE, "2002-07-01", "CC");
  test_add_event (dataset, "cc-notice", ICC_EVENT_KIND_WITHDRAWAL_NOTICE, "2016-10-27", "CC");
  test_add_event (dataset, "bb-unsig", ICC_EVENT_KIND_SIGNATURE_WITHDRAWN, "2016-11-30", "BB");

  g_assert_true (icc_dataset_index (dataset, NULL, NULL));

  return dataset;
}

static void
set_date (IccWorld   *world,
          const char *text)
{
  IccDate date;

  g_assert_true (icc_date_parse (text, &date, NULL));
  icc_world_set_date (world, &date);
}

static void
test_only_changed_rows (void)
{
  g_autoptr(IccDataset) dataset = make_dataset ();
  g_autoptr(IccWorld) world = icc_world_new (dataset);
  Changes changes = { 0 };

  changes.positions = g_array_new (FALSE, FALSE, sizeof (guint));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (world)), ==, 4);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (world)) == ICC_TYPE_WORLD_ROW);

  set_date (world, "2016-11-16");
  g_signal_connect (world, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  /* Same statuses: nothing is announced. */
  set_date (world, "2016-11-17");
  g_assert_cmpuint (changes.n_signals, ==, 0);

  /* Only Bravo (row 1) changes on 2016-11-30. */
  set_date (world, "2016-11-30");
  g_assert_cmpuint (changes.n_signals, ==, 1);
  g_assert_cmpuint (changes.n_rows, ==, 1);
  g_assert_cmpuint (g_array_index (changes.positions, guint, 0), ==, 1);

  /* Back to 1998-07-17: rows 0, 1, 2 change (one batch), Delta does not. */
  changes.n_signals = changes.n_rows = 0;
  g_array_set_size (changes.positions, 0);
  set_date (world, "1998-07-17");
  g_assert_cmpuint (changes.n_signals, ==, 1);
  g_assert_cmpuint (changes.n_rows, ==, 3);

  /* Rows 0 and 2 change, row 1 between them does not: two signals. */
  set_date (world, "2001-01-01");
  changes.n_signals = changes.n_rows = 0;
  set_date (world, "2002-07-01");
  g_assert_cmpuint (changes.n_signals, ==, 2);
  g_assert_cmpuint (changes.n_rows, ==, 2);

  /* Only Charlie (row 2) notifies its withdrawal. */
  changes.n_signals = changes.n_rows = 0;
  set_date (world, "2016-11-29");
  g_assert_cmpuint (changes.n_signals, ==, 1);
  g_assert_cmpuint (changes.n_rows, ==, 1);

  g_array_unref (changes.positions);
  g_assert_finalize_object (g_steal_pointer (&world));
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *n_notify)
{
  (*n_notify)++;
}

static void
test_counts (void)
{
  g_autoptr(IccDataset) dataset = make_dataset ();
  g_autoptr(IccWorld) world = icc_world_new (dataset);
  g_autofree char *counts = NULL;
  g_autoptr(IccWorldRow) row = NULL;
  guint n_notify = 0;

  g_signal_connect (world, "notify::counts", G_CALLBACK (count_notify_cb), &n_notify);

  set_date (world, "2016-11-16");
  g_assert_cmpuint (icc_world_get_count (world, ICC_STATUS_PARTY), ==, 1);
  g_assert_cmpuint (icc_world_get_count (world, ICC_STATUS_WITHDRAWING), ==, 1);
  g_assert_cmpuint (icc_world_get_count (world, ICC_STATUS_SIGNATORY), ==, 1);
  g_assert_cmpuint (icc_world_get_count (world, ICC_STATUS_NONE), ==, 1);
  g_assert_cmpuint (icc_world_get_states_parties (world), ==, 2);

  counts = icc_world_format_counts (world);
  g_assert_true (g_str_has_prefix (counts, "2 States Parties (1 withdrawing)"));
  g_assert_nonnull (strstr (counts, "1 signatory"));

  row = g_list_model_get_item (G_LIST_MODEL (world), 2);
  g_assert_cmpint (icc_world_row_get_status (row), ==, ICC_STATUS_WITHDRAWING);
  {
    g_autofree char *since = icc_date_to_iso (icc_world_row_get_since (row));
    g_assert_cmpstr (since, ==, "2016-10-27");
  }

  g_assert_cmpuint (n_notify, >=, 1);
  n_notify = 0;
  set_date (world, "2016-11-17");
  g_assert_cmpuint (n_notify, ==, 0);
}

/* Re-indexing the dataset rebuilds the rows. */
static void
test_reindex (void)
{
  g_autoptr(IccDataset) dataset = make_dataset ();
  g_autoptr(IccWorld) world = icc_world_new (dataset);

  test_add_state (dataset, "EE", "Echo");
  g_assert_true (icc_dataset_index (dataset, NULL, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (world)), ==, 5);
}

/* A status carries the certainty of the event that set it, and the counts
 * line says how many statuses are unverified. */
static void
test_certainty (void)
{
  g_autoptr(IccDataset) dataset = test_load_bundled ();
  g_autoptr(IccWorld) world = icc_world_new (dataset);
  g_autofree char *counts = NULL;
  g_autofree char *counts_2016 = NULL;

  /* Hungary's withdrawal taking effect on 2 June 2026 is unverified; Russia's
   * UN notification of 30 November 2016 too. */
  set_date (world, "2026-12-02");
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (world)); i++)
    {
      g_autoptr(IccWorldRow) row = g_list_model_get_item (G_LIST_MODEL (world), i);
      const char *code = icc_state_get_code (icc_world_row_get_state (row));

      if (g_str_equal (code, "HU") || g_str_equal (code, "RU"))
        {
          g_assert_cmpint (icc_world_row_get_certainty (row), ==, ICC_CERTAINTY_UNVERIFIED);
          g_assert_nonnull (icc_world_row_get_certainty_note (row));
        }
      else if (g_str_equal (code, "FR") || g_str_equal (code, "CN"))
        {
          g_assert_cmpint (icc_world_row_get_certainty (row), ==, ICC_CERTAINTY_CONFIRMED);
          g_assert_null (icc_world_row_get_certainty_note (row));
        }
    }
  g_assert_cmpuint (icc_world_get_unverified_count (world, ICC_STATUS_WITHDRAWN), ==, 1);
  g_assert_cmpuint (icc_world_get_unverified_count (world, ICC_STATUS_UNSIGNED), ==, 1);
  g_assert_cmpuint (icc_world_get_unverified_count (world, ICC_STATUS_PARTY), ==, 0);
  counts = icc_world_format_counts (world);
  g_test_message ("%s", counts);
  g_assert_nonnull (strstr (counts, " · 3 withdrawn, 1 unverified"));
  g_assert_nonnull (strstr (counts, " · 4 signatures withdrawn, 1 unverified"));
  g_assert_null (strstr (counts, "States Parties, "));

  /* On 16 November 2016 nothing rests on an unverified event. */
  set_date (world, "2016-11-16");
  counts_2016 = icc_world_format_counts (world);
  g_assert_null (strstr (counts_2016, "unverified"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/world/only-changed-rows", test_only_changed_rows);
  g_test_add_func ("/world/counts", test_counts);
  g_test_add_func ("/world/certainty", test_certainty);
  g_test_add_func ("/world/reindex", test_reindex);

  return g_test_run ();
}
