/* test-window-date.c: the cursor's date, typed, picked and moved by keys,
 * and the rule between selecting an event and the date chosen.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include <glib/gstdio.h>

#include "icc-changes.h"
#include "icc-changes-dialog.h"
#include "icc-dataset-json.h"
#include "icc-test-widgets.h"
#include "icc-test-window.h"
#include "icc-window-private.h"



static void
assert_cursor (IccWindow *window,
               int        year,
               int        month,
               int        day)
{
  const IccDate *date = icc_focus_get_date (icc_window_get_focus (window));
  IccDate expected;

  g_assert_true (icc_date_init (&expected, year, month, day));
  if (!icc_date_equal (date, &expected))
    {
      g_autofree char *got = icc_date_to_iso (date);
      g_autofree char *want = icc_date_to_iso (&expected);

      g_error ("the cursor is on %s, not %s", got, want);
    }
}

/* Types @text in the date field and presses Enter; returns the message
 * shown, or NULL when it went there. */
static const char *
type_date (IccWindow  *window,
           const char *text)
{
  g_action_group_activate_action (G_ACTION_GROUP (window), "go-to-date", NULL);
  gtk_editable_set_text (window->date_entry, text);
  g_signal_emit_by_name (window->date_entry, "activate");

  if (gtk_widget_get_visible (GTK_WIDGET (window->date_message)))
    return gtk_label_get_text (window->date_message);

  return NULL;
}

/* What the field takes and what it refuses, with the reason. */
static void
test_date_field (void)
{
  IccWindow *window = test_new_window ();
  g_autofree char *label = NULL;

  g_assert_null (type_date (window, "2010-01-01"));
  assert_cursor (window, 2010, 1, 1);
  /* The header says so. */
  label = icc_date_format (icc_focus_get_date (icc_window_get_focus (window)));
  g_assert_cmpstr (gtk_label_get_text (window->date_label), ==, label);

  g_assert_null (type_date (window, "16 November 2016"));
  assert_cursor (window, 2016, 11, 16);
  /* A month or a year: its first day. */
  g_assert_null (type_date (window, "2005-07"));
  assert_cursor (window, 2005, 7, 1);
  g_assert_null (type_date (window, "1999"));
  assert_cursor (window, 1999, 1, 1);

  g_assert_cmpstr (type_date (window, "2016-02-30"), ==, "There is no day 30 in February 2016.");
  g_assert_cmpstr (type_date (window, "2016-13-01"), ==, "There is no month 13.");
  g_assert_nonnull (g_strstr_len (type_date (window, "1997-12-31"), -1, "The timeline runs from 1 January 1998"));
  g_assert_nonnull (type_date (window, ""));
  /* Refused: the cursor stayed. */
  assert_cursor (window, 1999, 1, 1);

  test_destroy_window (window);
}

/* Today, and the day, month and year keys' action. */
static void
test_today_and_keys (void)
{
  IccWindow *window = test_new_window ();
  GActionGroup *group = G_ACTION_GROUP (window);
  IccDate today;

  g_assert_null (type_date (window, "2016-01-31"));
  g_action_group_activate_action (group, "move-cursor", g_variant_new_string ("+1d"));
  assert_cursor (window, 2016, 2, 1);
  g_action_group_activate_action (group, "move-cursor", g_variant_new_string ("-1d"));
  assert_cursor (window, 2016, 1, 31);
  g_action_group_activate_action (group, "move-cursor", g_variant_new_string ("+1m"));
  assert_cursor (window, 2016, 2, 29);
  g_action_group_activate_action (group, "move-cursor", g_variant_new_string ("+1y"));
  assert_cursor (window, 2017, 2, 28);
  g_action_group_activate_action (group, "move-cursor", g_variant_new_string ("-1m"));
  assert_cursor (window, 2017, 1, 28);
  /* Not before 1998. */
  g_action_group_activate_action (group, "move-cursor", g_variant_new_string ("-100y"));
  assert_cursor (window, 1998, 1, 1);

  g_action_group_activate_action (group, "go-to-today", NULL);
  icc_date_init_today (&today);
  g_assert_true (icc_date_equal (icc_focus_get_date (icc_window_get_focus (window)), &today));

  test_destroy_window (window);
}

/* Selecting an event moves the cursor to it; the date chosen stays one
 * click away. */
static void
test_selection_keeps_chosen_date (void)
{
  IccWindow *window = test_new_window ();
  IccFocus *focus = icc_window_get_focus (window);
  IccEvent *event = icc_dataset_lookup_event (icc_window_get_dataset (window), "ru-signature");

  g_assert_null (type_date (window, "2010-01-01"));
  g_assert_false (gtk_widget_get_visible (window->date_back_button));

  icc_focus_set_event (focus, event);
  assert_cursor (window, 2000, 9, 13);
  g_assert_true (gtk_widget_get_visible (window->date_back_button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (window->date_back_button)), ==,
                   "_Back to 1 January 2010");

  g_action_group_activate_action (G_ACTION_GROUP (window), "go-to-chosen-date", NULL);
  assert_cursor (window, 2010, 1, 1);
  g_assert_false (gtk_widget_get_visible (window->date_back_button));
  /* The event stays selected. */
  g_assert_true (icc_focus_get_event (focus) == event);

  /* A date set some other way (the cursor dragged) is the choice too. */
  {
    IccDate dragged = { 2012, 6, 15 };

    icc_focus_set_date (focus, &dragged);
    g_assert_false (gtk_widget_get_visible (window->date_back_button));
    icc_focus_set_event (focus, icc_dataset_lookup_event (icc_window_get_dataset (window),
                                                          "hu-signature"));
    g_assert_true (gtk_widget_get_visible (window->date_back_button));
    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (window->date_back_button)), ==,
                     "_Back to 15 June 2012");
  }

  test_destroy_window (window);
}

static IccChangesDialog *
find_changes_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ICC_IS_CHANGES_DIALOG (window))
        return ICC_CHANGES_DIALOG (window);
    }

  return NULL;
}

/* What Changed in the autumn of 2016: four changes, each a click from its
 * event, as CSV; the cursor's date and the world state as CSV too. */
static void
test_what_changed (void)
{
  IccWindow *window = test_new_window ();
  IccDataset *dataset = icc_window_get_dataset (window);
  IccFocus *focus = icc_window_get_focus (window);
  IccChangesDialog *dialog;
  GArray *changes;
  IccDate first = { 2016, 10, 1 }, last = { 2016, 12, 31 };
  g_autofree char *dir = g_dir_make_tmp ("icc-changes-XXXXXX", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "changes.csv", NULL);
  g_autofree char *world_path = g_build_filename (dir, "world.csv", NULL);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
  g_autoptr(GFile) world_file = g_file_new_for_path (world_path);
  g_autofree char *csv = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *row;

  g_action_group_activate_action (G_ACTION_GROUP (window), "show-changes", NULL);
  dialog = find_changes_dialog ();
  g_assert_nonnull (dialog);

  icc_changes_dialog_set_range (dialog, icc_date_get_day (&first), icc_date_get_day (&last));
  changes = icc_changes_dialog_get_changes (dialog);
  g_assert_cmpuint (changes->len, ==, 4);
  g_assert_cmpstr (icc_state_get_code (g_array_index (changes, IccStatusChange, 0).state), ==, "ZA");
  g_assert_cmpstr (icc_state_get_code (g_array_index (changes, IccStatusChange, 3).state), ==, "RU");

  /* A row selects its event and state. */
  row = GTK_LIST_BOX_ROW (gtk_widget_get_first_child (GTK_WIDGET (find_child (GTK_WIDGET (dialog),
                                                                              GTK_TYPE_LIST_BOX))));
  g_signal_emit_by_name (gtk_widget_get_parent (GTK_WIDGET (row)), "row-activated", row);
  g_assert_cmpstr (icc_event_get_id (icc_focus_get_event (focus)), ==, "za-withdrawal-notice");
  g_assert_cmpstr (icc_state_get_code (icc_focus_get_state (focus)), ==, "ZA");

  g_assert_true (icc_changes_dialog_export (dialog, csv_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "date,code,state,from,to,certainty,event\r\n"
                                        "2016-10-19,ZA,South Africa,party,withdrawing,"));
  g_clear_pointer (&csv, g_free);

  /* The world state on the cursor's date, from the export menu. */
  g_assert_true (icc_window_export_to_file (window, "world-state-csv", world_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (world_path, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "code,state,status,since,certainty\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nZA,South Africa,"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  test_destroy_window (window);
  g_unlink (csv_path);
  g_unlink (world_path);
  g_rmdir (dir);
  (void)dataset;
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/window-date/field", test_date_field);
  g_test_add_func ("/window-date/today-and-keys", test_today_and_keys);
  g_test_add_func ("/window-date/selection-keeps-chosen-date", test_selection_keeps_chosen_date);
  g_test_add_func ("/window-date/what-changed", test_what_changed);

  return g_test_run ();
}
