/* test-array-model.c: the list model behind the dataset's events.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "icc-array-model.h"
#include "icc-event.h"

typedef struct
{
  guint n_signals;
  guint position, removed, added;
} Changes;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->n_signals++;
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
}

static IccEvent *
make_event (const char *id,
            int         year)
{
  IccDate date;

  icc_date_init (&date, year, 1, 1);
  return icc_event_new (id, ICC_EVENT_KIND_STATEMENT, &date);
}

/* By date only, so that stability shows. */
static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  return icc_date_compare (icc_event_get_date (*(IccEvent **)a),
                           icc_event_get_date (*(IccEvent **)b));
}

static const char *
id_at (GListModel *model,
       guint       position)
{
  g_autoptr(IccEvent) event = g_list_model_get_item (model, position);

  return icc_event_get_id (event);
}

static void
test_append_and_get (void)
{
  g_autoptr(IccArrayModel) model = icc_array_model_new (ICC_TYPE_EVENT);
  GListModel *list = G_LIST_MODEL (model);
  Changes changes = { 0 };
  guint n = 99;

  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  g_assert_true (g_list_model_get_item_type (list) == ICC_TYPE_EVENT);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_assert_null (g_list_model_get_item (list, 0));

  for (int i = 0; i < 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%d", i);
      g_autoptr(IccEvent) event = make_event (id, 2000 + i);

      icc_array_model_append (model, event);
      g_assert_cmpuint (changes.n_signals, ==, (guint)i + 1);
      g_assert_cmpuint (changes.position, ==, (guint)i);
      g_assert_cmpuint (changes.removed, ==, 0);
      g_assert_cmpuint (changes.added, ==, 1);
    }

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  g_assert_cmpstr (id_at (list, 0), ==, "e0");
  g_assert_cmpstr (id_at (list, 2), ==, "e2");
  g_assert_null (g_list_model_get_item (list, 3));
  g_assert_nonnull (icc_array_model_get_items (model, &n));
  g_assert_cmpuint (n, ==, 3);
}

static void
test_sort (void)
{
  static const struct { const char *id; int year; } events[] = {
    { "late", 2016 }, { "z-first-of-2000", 2000 }, { "early", 1998 }, { "a-second-of-2000", 2000 },
  };
  static const char *sorted[] = { "early", "z-first-of-2000", "a-second-of-2000", "late" };
  g_autoptr(IccArrayModel) model = icc_array_model_new (ICC_TYPE_EVENT);
  GListModel *list = G_LIST_MODEL (model);
  Changes changes = { 0 };
  gpointer const *items;
  guint n;

  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      g_autoptr(IccEvent) event = make_event (events[i].id, events[i].year);

      icc_array_model_append (model, event);
    }

  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  g_assert_true (icc_array_model_sort (model, compare_events));
  g_assert_cmpuint (changes.n_signals, ==, 1);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, 4);
  g_assert_cmpuint (changes.added, ==, 4);

  /* Stable: the two events of 2000 keep their order. */
  items = icc_array_model_get_items (model, &n);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (sorted));
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpstr (id_at (list, i), ==, sorted[i]);
      g_assert_cmpstr (icc_event_get_id (items[i]), ==, sorted[i]);
    }

  /* Already sorted: nothing changes, nothing is emitted. */
  g_assert_false (icc_array_model_sort (model, compare_events));
  g_assert_cmpuint (changes.n_signals, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/IccTracker/ArrayModel/append-and-get", test_append_and_get);
  g_test_add_func ("/IccTracker/ArrayModel/sort", test_sort);

  return g_test_run ();
}
