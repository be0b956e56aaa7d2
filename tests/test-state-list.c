/* test-state-list.c: the world-state list, driven through its real widgets.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "icc-dataset-json.h"
#include "icc-test-load.h"
#include "icc-state-list.h"
#include "icc-status-badge.h"
#include "icc-world.h"
#include "icc-test-widgets.h"

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @model has @n items (the search entry waits a
 * little before it filters). */
static void
wait_for_n_items (GListModel *model,
                  guint       n)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (5000, timeout_cb, &timed_out);

  while (g_list_model_get_n_items (model) != n && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
}

static IccWorldRow *
find_row (GListModel *model,
          const char *code)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(IccWorldRow) row = g_list_model_get_item (model, i);

      if (g_strcmp0 (icc_state_get_code (icc_world_row_get_state (row)), code) == 0)
        return row;
    }

  return NULL;
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
test_russia_status_follows_date (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IccDataset) dataset = icc_dataset_load_bundled (&error);
  g_autoptr(IccWorld) world = NULL;
  IccStateList *list;
  GListModel *model;
  IccWorldRow *row;

  g_assert_no_error (error);
  world = icc_world_new (dataset);
  list = g_object_ref_sink (ICC_STATE_LIST (icc_state_list_new ()));
  icc_state_list_set_world (list, world);
  model = icc_state_list_get_model (list);

  set_date (world, "2016-11-29");
  row = find_row (model, "RU");
  g_assert_nonnull (row);
  g_assert_cmpint (icc_world_row_get_status (row), ==, ICC_STATUS_SIGNATORY);

  set_date (world, "2016-12-01");
  row = find_row (model, "RU");
  g_assert_nonnull (row);
  g_assert_cmpint (icc_world_row_get_status (row), ==, ICC_STATUS_UNSIGNED);

  g_assert_finalize_object (list);
}

static void
test_search_filters_rows (void)
{
  g_autoptr(IccDataset) dataset = test_load_data_file ("ui", "small.json");
  g_autoptr(IccWorld) world = icc_world_new (dataset);
  IccStateList *list = g_object_ref_sink (ICC_STATE_LIST (icc_state_list_new ()));
  GtkEditable *entry = icc_state_list_get_search_entry (list);
  GListModel *model;

  icc_state_list_set_world (list, world);
  model = icc_state_list_get_model (list);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  /* By name, case-insensitively. */
  gtk_editable_set_text (entry, "russ");
  wait_for_n_items (model, 1);
  g_assert_nonnull (find_row (model, "RU"));

  /* By ISO code. */
  gtk_editable_set_text (entry, "za");
  wait_for_n_items (model, 1);
  g_assert_nonnull (find_row (model, "ZA"));

  gtk_editable_set_text (entry, "nothing like a state");
  wait_for_n_items (model, 0);

  gtk_editable_set_text (entry, "");
  wait_for_n_items (model, 2);

  g_assert_finalize_object (list);
}

/* Every UN member is in the bundled dataset, and a teacher finds it by the name
 * she knows: Türkiye by "Turkey" too. */
static void
test_search_bundled_states (void)
{
  const struct
  {
    const char *search;
    const char *code;
  } cases[] = {
    { "Turkey", "TR" },
    { "türkiye", "TR" },
    { "Saudi Arabia", "SA" },
    { "North Korea", "KP" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(IccDataset) dataset = icc_dataset_load_bundled (&error);
  g_autoptr(IccWorld) world = NULL;
  IccStateList *list;
  GtkEditable *entry;
  GListModel *model;

  g_assert_no_error (error);
  world = icc_world_new (dataset);
  list = g_object_ref_sink (ICC_STATE_LIST (icc_state_list_new ()));
  entry = icc_state_list_get_search_entry (list);
  icc_state_list_set_world (list, world);
  model = icc_state_list_get_model (list);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      IccWorldRow *row;

      gtk_editable_set_text (entry, cases[i].search);
      wait_for_n_items (model, 1);
      row = find_row (model, cases[i].code);
      g_assert_nonnull (row);
      /* Never signed: not signed, not a missing row. */
      g_assert_cmpint (icc_world_row_get_status (row), ==, ICC_STATUS_NONE);
    }

  g_assert_finalize_object (list);
}

/* Runs the main loop until a status badge is on screen under @widget. */
static GtkWidget *
wait_for_badge (GtkWidget *widget)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (5000, timeout_cb, &timed_out);
  GtkWidget *badge;

  while ((badge = find_child (widget, ICC_TYPE_STATUS_BADGE)) == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
  g_assert_nonnull (badge);
  return badge;
}

/* A status that rests on an unverified event has a mark, and a tooltip with
 * the certainty and its note; a confirmed one has neither. */
static void
test_certainty_mark (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IccDataset) dataset = icc_dataset_load_bundled (&error);
  g_autoptr(IccWorld) world = NULL;
  GtkWidget *window = gtk_window_new ();
  IccStateList *list;
  GtkEditable *entry;
  GListModel *model;
  GtkWidget *badge;
  GtkWidget *label;
  const char *tooltip;

  g_assert_no_error (error);
  world = icc_world_new (dataset);
  list = ICC_STATE_LIST (icc_state_list_new ());
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 400);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (list));
  icc_state_list_set_world (list, world);
  model = icc_state_list_get_model (list);
  entry = icc_state_list_get_search_entry (list);
  set_date (world, "2026-12-02");
  gtk_window_present (GTK_WINDOW (window));

  gtk_editable_set_text (entry, "Hungary");
  wait_for_n_items (model, 1);
  badge = wait_for_badge (GTK_WIDGET (list));
  label = find_child (badge, GTK_TYPE_LABEL);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Withdrawn ?");
  tooltip = gtk_widget_get_tooltip_text (badge);
  g_assert_nonnull (tooltip);
  g_assert_true (g_str_has_prefix (tooltip, "Unverified: "));
  g_assert_nonnull (strstr (tooltip, "29 May 2026"));

  /* France's status is confirmed: no mark, no tooltip. */
  gtk_editable_set_text (entry, "France");
  wait_for_n_items (model, 1);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  badge = wait_for_badge (GTK_WIDGET (list));
  label = find_child (badge, GTK_TYPE_LABEL);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "State Party");
  g_assert_null (gtk_widget_get_tooltip_text (badge));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_status_filter (void)
{
  g_autoptr(IccDataset) dataset = test_load_data_file ("ui", "small.json");
  g_autoptr(IccWorld) world = icc_world_new (dataset);
  IccStateList *list = g_object_ref_sink (ICC_STATE_LIST (icc_state_list_new ()));
  GListModel *model;

  icc_state_list_set_world (list, world);
  model = icc_state_list_get_model (list);

  /* On 2016-12-01 South Africa is a signatory and Russia has withdrawn its
   * signature. */
  set_date (world, "2016-12-01");
  icc_state_list_set_status_filter (list, ICC_STATUS_UNSIGNED);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_nonnull (find_row (model, "RU"));

  /* The row leaves the filter when the date moves. */
  set_date (world, "2010-01-01");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  icc_state_list_set_status_filter (list, -1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  g_assert_finalize_object (list);
}

/* Several statuses at once, a state's history, and an empty list that says
 * when the filters hide what the search finds (issue 14). */
static void
test_filters (void)
{
  g_autoptr(IccDataset) dataset = test_load_bundled ();
  g_autoptr(IccWorld) world = icc_world_new (dataset);
  IccStateList *list = g_object_ref_sink (ICC_STATE_LIST (icc_state_list_new ()));
  GtkEditable *search;
  GtkLabel *empty_label;
  GtkWidget *empty_button;
  GListModel *model;
  guint parties, withdrawing;

  icc_state_list_set_world (list, world);
  model = icc_state_list_get_model (list);
  set_date (world, "2016-12-01");

  icc_state_list_set_filters (list, 1u << ICC_STATUS_PARTY, 0);
  parties = g_list_model_get_n_items (model);
  icc_state_list_set_filters (list, 1u << ICC_STATUS_WITHDRAWING, 0);
  withdrawing = g_list_model_get_n_items (model);
  g_assert_cmpuint (withdrawing, ==, 3);
  icc_state_list_set_filters (list, (1u << ICC_STATUS_PARTY) | (1u << ICC_STATUS_WITHDRAWING), 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, parties + withdrawing);

  /* History, on any date: a withdrawal took effect (Burundi, the
   * Philippines); a notice revoked (South Africa, the Gambia); a signature
   * withdrawn (Russia, the United States). */
  icc_state_list_set_filters (list, 0, 1u << 0);
  g_assert_nonnull (find_row (model, "BI"));
  g_assert_nonnull (find_row (model, "PH"));
  g_assert_null (find_row (model, "ZA"));
  icc_state_list_set_filters (list, 0, 1u << 1);
  g_assert_nonnull (find_row (model, "ZA"));
  g_assert_nonnull (find_row (model, "GM"));
  g_assert_null (find_row (model, "BI"));
  icc_state_list_set_filters (list, 0, 1u << 2);
  g_assert_nonnull (find_row (model, "RU"));
  g_assert_nonnull (find_row (model, "US"));
  g_assert_null (find_row (model, "FR"));

  /* The search finds France, the filter hides it: the list says so and
   * offers to show all. */
  search = icc_state_list_get_search_entry (list);
  gtk_editable_set_text (search, "France");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  empty_label = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (list), ICC_TYPE_STATE_LIST,
                                                          "empty_label"));
  empty_button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (list), ICC_TYPE_STATE_LIST,
                                                            "empty_button"));
  g_assert_cmpstr (gtk_label_get_text (empty_label), ==, "The filters hide the 1 state that matches");
  g_assert_true (gtk_widget_get_visible (empty_button));
  g_signal_emit_by_name (empty_button, "clicked");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_nonnull (find_row (model, "FR"));

  /* Nothing to find: no button. */
  gtk_editable_set_text (search, "Atlantis");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpstr (gtk_label_get_text (empty_label), ==, "No Matching States");
  g_assert_false (gtk_widget_get_visible (empty_button));

  g_assert_finalize_object (list);
}

static void
test_selection_and_focus (void)
{
  g_autoptr(IccDataset) dataset = test_load_data_file ("ui", "small.json");
  g_autoptr(IccWorld) world = icc_world_new (dataset);
  g_autoptr(IccFocus) focus = icc_focus_new ();
  IccStateList *list = g_object_ref_sink (ICC_STATE_LIST (icc_state_list_new ()));
  IccState *za = icc_dataset_lookup_state (dataset, "ZA");
  IccState *ru = icc_dataset_lookup_state (dataset, "RU");
  GtkSelectionModel *selection;
  GListModel *model;
  guint position = GTK_INVALID_LIST_POSITION;

  icc_state_list_set_world (list, world);
  icc_state_list_set_focus (list, focus);
  model = icc_state_list_get_model (list);

  /* focus.state selects its row. */
  icc_focus_set_state (focus, za);
  selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (find_child (GTK_WIDGET (list),
                                                                    GTK_TYPE_COLUMN_VIEW)));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (gtk_selection_model_is_selected (selection, i))
      position = i;
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  {
    g_autoptr(IccWorldRow) row = g_list_model_get_item (model, position);
    g_assert_true (icc_world_row_get_state (row) == za);
  }

  /* Selecting a row sets focus.state. */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(IccWorldRow) row = g_list_model_get_item (model, i);

      if (icc_world_row_get_state (row) == ru)
        gtk_selection_model_select_item (selection, i, TRUE);
    }
  g_assert_true (icc_focus_get_state (focus) == ru);

  icc_state_list_set_focus (list, NULL);
  g_assert_finalize_object (list);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/state-list/russia-status-follows-date", test_russia_status_follows_date);
  g_test_add_func ("/state-list/search-filters-rows", test_search_filters_rows);
  g_test_add_func ("/state-list/search-bundled-states", test_search_bundled_states);
  g_test_add_func ("/state-list/status-filter", test_status_filter);
  g_test_add_func ("/state-list/filters", test_filters);
  g_test_add_func ("/state-list/certainty-mark", test_certainty_mark);
  g_test_add_func ("/state-list/selection-and-focus", test_selection_and_focus);

  return g_test_run ();
}
