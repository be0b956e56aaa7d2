/* test-window.c: the main window, driven through its real widgets.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include <glib/gstdio.h>

#include "icc-dataset-json.h"
#include "icc-event-panel.h"
#include "icc-problems-dialog.h"
#include "icc-reader.h"
#include "icc-state-list.h"
#include "icc-window.h"

static GtkWidget *
find_child (GtkWidget *widget,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkLabel *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_while_busy (IccWindow *window)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (10000, timeout_cb, &timed_out);

  while (icc_window_get_busy (window) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
  g_assert_false (icc_window_get_busy (window));
}

static GFile *
test_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "ui", name, NULL);

  return g_file_new_for_path (path);
}

static IccWindow *
new_window (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IccDataset) dataset = icc_dataset_load_bundled (&error);
  IccWindow *window;

  g_assert_no_error (error);
  window = icc_window_new (NULL, dataset);
  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

static void
destroy_window (IccWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static IccStatus
status_in_list (IccWindow  *window,
                const char *code)
{
  IccStateList *list = ICC_STATE_LIST (find_child (GTK_WIDGET (window), ICC_TYPE_STATE_LIST));
  GListModel *model = icc_state_list_get_model (list);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(IccWorldRow) row = g_list_model_get_item (model, i);

      if (g_strcmp0 (icc_state_get_code (icc_world_row_get_state (row)), code) == 0)
        return icc_world_row_get_status (row);
    }

  g_assert_not_reached ();
}

static void
test_focus_date_changes_russia (void)
{
  IccWindow *window = new_window ();
  IccFocus *focus = icc_window_get_focus (window);
  IccDate date;

  g_assert_true (icc_date_parse ("2016-11-29", &date, NULL));
  icc_focus_set_date (focus, &date);
  g_assert_cmpint (status_in_list (window, "RU"), ==, ICC_STATUS_SIGNATORY);

  g_assert_true (icc_date_parse ("2016-12-01", &date, NULL));
  icc_focus_set_date (focus, &date);
  g_assert_cmpint (status_in_list (window, "RU"), ==, ICC_STATUS_UNSIGNED);

  /* The header shows the date in words. */
  {
    g_autofree char *words = icc_date_format (&date);
    g_assert_nonnull (find_label (GTK_WIDGET (window), words));
  }

  destroy_window (window);
}

static void
test_event_sets_reader (void)
{
  IccWindow *window = new_window ();
  IccFocus *focus = icc_window_get_focus (window);
  IccDataset *dataset = icc_window_get_dataset (window);
  IccReader *reader = ICC_READER (find_child (GTK_WIDGET (window), ICC_TYPE_READER));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (icc_reader_get_text_view (reader));
  GtkTextTag *emphasis = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                                    "emphasis");
  GListModel *events = icc_dataset_get_events (dataset);
  guint checked = 0;

  /* Every event with exactly one anchored citation: the reader opens its
   * article and the emphasis covers exactly the anchored range. */
  for (guint i = 0; i < g_list_model_get_n_items (events) && checked < 25; i++)
    {
      g_autoptr(IccEvent) event = g_list_model_get_item (events, i);
      GListModel *citations = icc_event_get_citations (event);
      g_autoptr(IccCitation) citation = NULL;
      GtkTextIter iter;
      int start, end;

      if (g_list_model_get_n_items (citations) != 1)
        continue;
      citation = g_list_model_get_item (citations, 0);
      if (!icc_citation_get_anchor (citation, &start, &end))
        continue;

      icc_focus_set_event (focus, event);
      g_assert_true (icc_focus_get_article (focus) == icc_citation_get_article (citation));
      g_assert_true (icc_focus_get_citation (focus) == citation);

      gtk_text_buffer_get_start_iter (buffer, &iter);
      if (!gtk_text_iter_starts_tag (&iter, emphasis))
        g_assert_true (gtk_text_iter_forward_to_tag_toggle (&iter, emphasis));
      g_assert_cmpint (gtk_text_iter_get_offset (&iter), ==, start);
      g_assert_true (gtk_text_iter_forward_to_tag_toggle (&iter, emphasis));
      g_assert_cmpint (gtk_text_iter_get_offset (&iter), ==, end);
      g_assert_false (gtk_text_iter_forward_to_tag_toggle (&iter, emphasis));
      checked++;
    }

  /* The bundled dataset cites articles; the placeholder one did not. */
  if (checked == 0)
    g_test_incomplete ("the bundled dataset has no event with one anchored citation");

  destroy_window (window);
}

static void
test_search_filters_rows (void)
{
  IccWindow *window = new_window ();
  IccStateList *list = ICC_STATE_LIST (find_child (GTK_WIDGET (window), ICC_TYPE_STATE_LIST));
  GListModel *model = icc_state_list_get_model (list);
  guint all = g_list_model_get_n_items (model);
  gboolean timed_out = FALSE;
  guint id;

  g_assert_cmpuint (all, >, 1);

  gtk_editable_set_text (icc_state_list_get_search_entry (list), "russia");
  id = g_timeout_add (5000, timeout_cb, &timed_out);
  while (g_list_model_get_n_items (model) == all && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  {
    g_autoptr(IccWorldRow) row = g_list_model_get_item (model, 0);
    g_assert_cmpstr (icc_state_get_code (icc_world_row_get_state (row)), ==, "RU");
  }

  destroy_window (window);
}

static IccProblemsDialog *
find_problems_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ICC_IS_PROBLEMS_DIALOG (toplevel))
        return ICC_PROBLEMS_DIALOG (toplevel);
    }

  return NULL;
}

static void
test_malformed_file_keeps_dataset (void)
{
  IccWindow *window = new_window ();
  IccDataset *before = icc_window_get_dataset (window);
  g_autoptr(GFile) file = test_file ("malformed.json");
  g_autofree char *title = g_strdup (gtk_window_get_title (GTK_WINDOW (window)));
  IccProblemsDialog *dialog;
  g_autofree char *text = NULL;

  icc_window_open_file (window, file);
  wait_while_busy (window);

  /* The window is unchanged... */
  g_assert_true (icc_window_get_dataset (window) == before);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);

  /* ...and a dialog tells where the problem is. */
  dialog = find_problems_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_cmpuint (icc_problems_dialog_get_n_problems (dialog), >=, 1);
  text = icc_problems_dialog_get_text (dialog);
  g_assert_nonnull (strstr (text, "Line 4, column"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_null (find_problems_dialog ());

  destroy_window (window);
}

static void
test_markup_title_is_literal (void)
{
  IccWindow *window = new_window ();
  g_autoptr(GFile) file = test_file ("small.json");
  const char *title = "<b>Bold & \"quoted\"";
  GtkLabel *label;

  icc_window_open_file (window, file);
  wait_while_busy (window);

  g_assert_cmpstr (icc_dataset_get_title (icc_window_get_dataset (window)), ==, title);
  g_assert_null (find_problems_dialog ());

  label = find_label (GTK_WIDGET (window), title);
  g_assert_nonnull (label);
  g_assert_false (gtk_label_get_use_markup (label));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);

  /* The window opened on the latest cited event, whose certainty note (in
   * the event panel) has markup characters too. */
  g_assert_cmpstr (icc_event_get_id (icc_focus_get_event (icc_window_get_focus (window))), ==,
                   "ru-signature-withdrawn");
  label = find_label (GTK_WIDGET (window), "One <source> & no more.");
  g_assert_nonnull (label);
  g_assert_false (gtk_label_get_use_markup (label));

  destroy_window (window);
}

static void
test_save_writes_the_file (void)
{
  IccWindow *window = new_window ();
  g_autoptr(GFile) source = test_file ("small.json");
  g_autofree char *dir = g_dir_make_tmp ("icc-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "copy.icc.json", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (path);
  g_autoptr(IccDataset) reloaded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_copy (source, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  icc_window_open_file (window, copy);
  wait_while_busy (window);
  g_assert_true (g_file_equal (icc_dataset_get_file (icc_window_get_dataset (window)), copy));

  /* Save writes the dataset back to its file (atomically, in a thread). */
  icc_dataset_set_title (icc_window_get_dataset (window), "Saved & reloaded");
  g_action_group_activate_action (G_ACTION_GROUP (window), "save", NULL);
  g_assert_true (icc_window_get_busy (window));
  wait_while_busy (window);

  reloaded = icc_dataset_load_file (copy, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (icc_dataset_get_title (reloaded), ==, "Saved & reloaded");
  g_assert_nonnull (icc_dataset_lookup_event (reloaded, "ru-signature-withdrawn"));

  destroy_window (window);
  g_assert_true (g_file_delete (copy, NULL, NULL));
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_citation_row_opens_passage (void)
{
  IccWindow *window = new_window ();
  g_autoptr(GFile) file = test_file ("small.json");
  IccFocus *focus = icc_window_get_focus (window);
  IccEventPanel *panel;
  IccEvent *signature;
  GtkListBox *list;
  GtkListBoxRow *row;
  g_autoptr(IccCitation) disputed = NULL;

  icc_window_open_file (window, file);
  wait_while_busy (window);

  signature = icc_dataset_lookup_event (icc_window_get_dataset (window), "ru-signature");
  icc_focus_set_event (focus, signature);

  /* One row per citation; activating the second (the disputing one) makes
   * it the focused citation, which the reader shows. */
  panel = ICC_EVENT_PANEL (find_child (GTK_WIDGET (window), ICC_TYPE_EVENT_PANEL));
  list = icc_event_panel_get_citation_list (panel);
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 1));
  g_assert_null (gtk_list_box_get_row_at_index (list, 2));
  row = gtk_list_box_get_row_at_index (list, 1);
  g_signal_emit_by_name (list, "row-activated", row);

  disputed = g_list_model_get_item (icc_event_get_citations (signature), 1);
  g_assert_true (icc_focus_get_citation (focus) == disputed);
  g_assert_true (icc_focus_get_event (focus) == signature);

  /* A state button of the event panel sets focus.state. */
  icc_focus_set_state (focus, NULL);
  {
    GtkWidget *flow = find_child (GTK_WIDGET (panel), GTK_TYPE_FLOW_BOX);
    GtkWidget *button = find_child (flow, GTK_TYPE_BUTTON);

    g_assert_nonnull (button);
    g_signal_emit_by_name (button, "clicked");
    g_assert_cmpstr (icc_state_get_code (icc_focus_get_state (focus)), ==, "RU");
  }

  destroy_window (window);
}

static void
test_geometry_persists (void)
{
  IccWindow *window = new_window ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkPaned *paned = GTK_PANED (find_child (GTK_WIDGET (window), GTK_TYPE_PANED));

  gtk_paned_set_position (paned, 333);
  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (settings, "sidebar-position"), ==, 333);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  g_object_unref (window);

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/window/focus-date-changes-russia", test_focus_date_changes_russia);
  g_test_add_func ("/window/event-sets-reader", test_event_sets_reader);
  g_test_add_func ("/window/search-filters-rows", test_search_filters_rows);
  g_test_add_func ("/window/malformed-file-keeps-dataset", test_malformed_file_keeps_dataset);
  g_test_add_func ("/window/markup-title-is-literal", test_markup_title_is_literal);
  g_test_add_func ("/window/save-writes-the-file", test_save_writes_the_file);
  g_test_add_func ("/window/citation-row-opens-passage", test_citation_row_opens_passage);
  g_test_add_func ("/window/geometry-persists", test_geometry_persists);

  return g_test_run ();
}
