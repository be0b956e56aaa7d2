/* test-tour-editor.c: the tour editor, driven through the window's actions
 * and its own, each change undone by the window's Undo.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include <glib/gstdio.h>
#include <string.h>

#include "icc-dataset-json.h"
#include "icc-edit.h"
#include "icc-presentation.h"
#include "icc-test-widgets.h"
#include "icc-test-window.h"
#include "icc-tour-editor.h"
#include "icc-window-private.h"

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
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
  wait_ms (20);
  g_assert_finalize_object (window);
}

static void
editor_activate (IccTourEditor *editor,
                 const char    *name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), name, NULL));
}

static GBytes *
save_bytes (IccDataset *dataset)
{
  gsize length = 0;
  char *data = icc_dataset_to_data (dataset, &length);

  return g_bytes_new_take (data, length);
}

/* The widget named @name under @widget. */
static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
named (IccTourEditor *editor,
       const char    *name)
{
  GtkWidget *widget = find_named (GTK_WIDGET (editor), name);

  g_assert_nonnull (widget);
  return widget;
}

static GtkSingleSelection *
steps_selection (IccTourEditor *editor)
{
  return GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (named (editor, "steps"))));
}

static const char *
row_text (IccTourEditor *editor,
          guint          position)
{
  GListModel *rows = gtk_single_selection_get_model (steps_selection (editor));
  g_autoptr(GtkStringObject) row = g_list_model_get_item (rows, position);

  g_assert_nonnull (row);
  return gtk_string_object_get_string (row);
}

static IccEvent *
event_at (IccDataset *dataset,
          guint       position)
{
  g_autoptr(IccEvent) event = g_list_model_get_item (icc_dataset_get_events (dataset), position);

  return event;
}

static const char *
step_event (IccTour *tour,
            guint    step)
{
  return icc_tour_get_step_event (tour, step);
}

static void
undo_all (IccWindow *window)
{
  IccHistory *history = icc_window_get_history (window);

  while (icc_history_can_undo (history))
    test_activate (window, "undo");
}

static void
assert_bytes_equal (GBytes *a,
                    GBytes *b)
{
  g_assert_cmpmem (g_bytes_get_data (a, NULL), g_bytes_get_size (a),
                   g_bytes_get_data (b, NULL), g_bytes_get_size (b));
}

/* win.new-tour, steps added, moved, titled, noted and deleted; the tour
 * deleted; each undone by the window's Undo; the presentation offers it. */
static void
test_build_a_tour (void)
{
  IccWindow *window = new_window ();
  IccDataset *dataset = icc_window_get_dataset (window);
  IccFocus *focus = icc_window_get_focus (window);
  GListModel *tours = icc_dataset_get_tours (dataset);
  g_autoptr(GBytes) before = save_bytes (dataset);
  g_autoptr(GBytes) with_steps = NULL;
  guint n_tours = g_list_model_get_n_items (tours);
  IccEvent *first = event_at (dataset, 0);
  IccEvent *second = event_at (dataset, 5);
  const char *first_id = icc_event_get_id (first);
  const char *second_id = icc_event_get_id (second);
  IccTourEditor *editor;
  IccTour *tour;
  GtkSingleSelection *selection;
  g_autofree char *tour_id = NULL;

  g_assert_true (test_action_enabled (window, "new-tour"));
  g_assert_true (test_action_enabled (window, "edit-tours"));
  icc_focus_set_event (focus, NULL);
  g_assert_false (test_action_enabled (window, "add-to-tour"));

  /* New Tour: one more tour, shown, its title focused. */
  test_activate (window, "new-tour");
  g_assert_cmpuint (g_list_model_get_n_items (tours), ==, n_tours + 1);
  g_assert_nonnull (window->tour_editor);
  editor = ICC_TOUR_EDITOR (window->tour_editor);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *)&editor);
  tour = icc_tour_editor_get_tour (editor);
  g_assert_nonnull (tour);
  tour_id = g_strdup (icc_tour_get_id (tour));
  g_assert_true (g_str_has_prefix (tour_id, "tour"));
  g_assert_cmpstr (icc_tour_get_title (tour), ==, "Untitled Tour");
  g_assert_true (icc_dataset_lookup_tour (dataset, tour_id) == tour);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (editor, "tour-title"))), ==,
                   "Untitled Tour");
  g_assert_cmpuint (icc_tour_get_n_steps (tour), ==, 0);
  g_assert_false (gtk_widget_is_sensitive (named (editor, "step-title")));

  /* Undo takes it back, the editor shows another tour; redo brings it. */
  test_activate (window, "undo");
  g_assert_cmpuint (g_list_model_get_n_items (tours), ==, n_tours);
  g_assert_true (icc_tour_editor_get_tour (editor) != tour);
  test_activate (window, "redo");
  g_assert_true (icc_tour_editor_get_tour (editor) == tour);

  /* Add Selected Event: from the window (at the end of the tour shown),
   * then from the editor, after the selected step. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "tours.add-event", NULL);
  g_assert_cmpuint (icc_tour_get_n_steps (tour), ==, 0);
  icc_focus_set_event (focus, first);
  test_activate (window, "add-to-tour");
  g_assert_cmpuint (icc_tour_get_n_steps (tour), ==, 1);
  g_assert_cmpstr (step_event (tour, 0), ==, first_id);
  g_assert_null (icc_tour_get_step_title (tour, 0));
  g_assert_true (g_str_has_prefix (row_text (editor, 0), "1. "));
  g_assert_nonnull (strstr (row_text (editor, 0), icc_event_get_title (first)));

  editor_activate (editor, "tours.add-event");
  selection = steps_selection (editor);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 1);
  icc_focus_set_event (focus, second);
  editor_activate (editor, "tours.add-event");
  g_assert_cmpuint (icc_tour_get_n_steps (tour), ==, 3);
  g_assert_cmpstr (step_event (tour, 0), ==, first_id);
  g_assert_cmpstr (step_event (tour, 1), ==, first_id);
  g_assert_cmpstr (step_event (tour, 2), ==, second_id);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 2);
  g_assert_true (g_str_has_prefix (row_text (editor, 2), "3. "));

  /* Inserted after the selected step, not at the end. */
  gtk_single_selection_set_selected (selection, 0);
  g_assert_true (icc_focus_get_event (focus) == first);
  icc_focus_set_event (focus, second);
  editor_activate (editor, "tours.add-event");
  g_assert_cmpstr (step_event (tour, 1), ==, second_id);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 1);
  test_activate (window, "undo");
  g_assert_cmpuint (icc_tour_get_n_steps (tour), ==, 3);
  g_assert_cmpstr (step_event (tour, 1), ==, first_id);

  /* Move Up and Move Down, in the model; the selection follows. */
  gtk_single_selection_set_selected (selection, 2);
  gtk_widget_activate_action (GTK_WIDGET (editor), "tours.move-down", NULL);
  g_assert_cmpstr (step_event (tour, 2), ==, second_id);
  editor_activate (editor, "tours.move-up");
  g_assert_cmpstr (step_event (tour, 1), ==, second_id);
  g_assert_cmpstr (step_event (tour, 2), ==, first_id);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 1);
  editor_activate (editor, "tours.move-up");
  g_assert_cmpstr (step_event (tour, 0), ==, second_id);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);
  editor_activate (editor, "tours.move-down");
  g_assert_cmpstr (step_event (tour, 0), ==, first_id);
  g_assert_cmpstr (step_event (tour, 1), ==, second_id);
  test_activate (window, "undo");
  g_assert_cmpstr (step_event (tour, 0), ==, second_id);
  g_assert_cmpstr (step_event (tour, 1), ==, first_id);
  test_activate (window, "redo");
  g_assert_cmpstr (step_event (tour, 0), ==, first_id);
  g_assert_cmpstr (step_event (tour, 1), ==, second_id);
  g_assert_cmpstr (step_event (tour, 2), ==, first_id);

  /* A step's title (applied on Enter) and note (applied on close). */
  gtk_single_selection_set_selected (selection, 1);
  g_assert_true (icc_focus_get_event (focus) == second);
  g_assert_true (gtk_widget_is_sensitive (named (editor, "step-title")));
  gtk_editable_set_text (GTK_EDITABLE (named (editor, "step-title")), "  The turn  ");
  g_signal_emit_by_name (named (editor, "step-title"), "activate");
  g_assert_cmpstr (icc_tour_get_step_title (tour, 1), ==, "The turn");
  g_assert_nonnull (strstr (row_text (editor, 1), "The turn"));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 1);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (named (editor, "step-note"))),
                            "Say why it matters.", -1);
  gtk_window_close (GTK_WINDOW (editor));
  g_assert_nonnull (editor);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpstr (icc_tour_get_step_note (tour, 1), ==, "Say why it matters.");
  g_assert_cmpstr (icc_tour_get_step_title (tour, 1), ==, "The turn");
  test_activate (window, "undo");
  g_assert_null (icc_tour_get_step_note (tour, 1));
  g_assert_cmpstr (icc_tour_get_step_title (tour, 1), ==, "The turn");
  test_activate (window, "redo");
  g_assert_cmpstr (icc_tour_get_step_note (tour, 1), ==, "Say why it matters.");

  /* Edit Tours… shows the same editor on the same tour. */
  test_activate (window, "edit-tours");
  g_assert_true (window->tour_editor == GTK_WIDGET (editor));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_true (icc_tour_editor_get_tour (editor) == tour);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (editor, "step-title"))), ==,
                   "The turn");

  /* Typed, then another step picked: the text goes to the step it was
   * typed for, and the fields show the other step. */
  gtk_editable_set_text (GTK_EDITABLE (named (editor, "step-title")), "Changed");
  gtk_single_selection_set_selected (selection, 2);
  g_assert_cmpstr (icc_tour_get_step_title (tour, 1), ==, "Changed");
  g_assert_null (icc_tour_get_step_title (tour, 2));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (editor, "step-title"))), ==, "");
  g_assert_true (icc_focus_get_event (focus) == first);
  test_activate (window, "undo");
  g_assert_cmpstr (icc_tour_get_step_title (tour, 1), ==, "The turn");
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 2);

  /* Issue 14: the step can show the map in the presentation, and Undo
   * takes it back; the check follows. */
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (named (editor, "step-map"))));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (named (editor, "step-map")), TRUE);
  g_assert_cmpint (icc_tour_get_step_view (tour, 2), ==, ICC_TOUR_VIEW_MAP);
  test_activate (window, "undo");
  g_assert_cmpint (icc_tour_get_step_view (tour, 2), ==, ICC_TOUR_VIEW_TIMELINE);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (named (editor, "step-map"))));
  test_activate (window, "redo");
  g_assert_cmpint (icc_tour_get_step_view (tour, 2), ==, ICC_TOUR_VIEW_MAP);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (named (editor, "step-map"))));
  test_activate (window, "undo");

  /* The tour's title; an empty one is refused. */
  gtk_editable_set_text (GTK_EDITABLE (named (editor, "tour-title")), "Opening moves");
  g_signal_emit_by_name (named (editor, "tour-title"), "activate");
  g_assert_cmpstr (icc_tour_get_title (tour), ==, "Opening moves");
  gtk_editable_set_text (GTK_EDITABLE (named (editor, "tour-title")), " ");
  g_signal_emit_by_name (named (editor, "tour-title"), "activate");
  g_assert_cmpstr (icc_tour_get_title (tour), ==, "Opening moves");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (editor, "tour-title"))), ==,
                   "Opening moves");

  /* Delete Step: the next step is selected in its place. */
  gtk_single_selection_set_selected (selection, 0);
  editor_activate (editor, "tours.delete-step");
  g_assert_cmpuint (icc_tour_get_n_steps (tour), ==, 2);
  g_assert_cmpstr (step_event (tour, 0), ==, second_id);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (editor, "step-title"))), ==,
                   "The turn");
  g_assert_true (g_str_has_prefix (row_text (editor, 0), "1. "));
  test_activate (window, "undo");
  g_assert_cmpuint (icc_tour_get_n_steps (tour), ==, 3);
  g_assert_cmpstr (step_event (tour, 0), ==, first_id);
  test_activate (window, "redo");
  g_assert_cmpuint (icc_tour_get_n_steps (tour), ==, 2);
  with_steps = save_bytes (dataset);

  /* The presentation opened now offers the tour, with its steps. */
  {
    IccPresentation *presentation = g_object_ref (icc_presentation_new (NULL, dataset, focus));

    g_assert_true (icc_presentation_set_tour (presentation, tour_id));
    g_assert_cmpuint (icc_presentation_get_n_steps (presentation), ==, 2);
    g_assert_true (icc_focus_get_event (focus) == second);
    gtk_window_destroy (GTK_WINDOW (presentation));
    wait_ms (20);
    g_assert_finalize_object (presentation);
  }

  /* Delete Tour: another tour is shown; Undo brings it back, shown. */
  editor_activate (editor, "tours.delete");
  g_assert_cmpuint (g_list_model_get_n_items (tours), ==, n_tours);
  g_assert_null (icc_dataset_lookup_tour (dataset, tour_id));
  g_assert_true (icc_tour_editor_get_tour (editor) != tour);
  test_activate (window, "undo");
  g_assert_true (icc_dataset_lookup_tour (dataset, tour_id) == tour);
  g_assert_true (icc_tour_editor_get_tour (editor) == tour);
  {
    g_autoptr(GBytes) now = save_bytes (dataset);

    assert_bytes_equal (now, with_steps);
  }

  /* Everything undone: the file's bytes again. */
  undo_all (window);
  {
    g_autoptr(GBytes) now = save_bytes (dataset);

    assert_bytes_equal (now, before);
  }
  g_assert_null (icc_dataset_lookup_tour (dataset, tour_id));

  destroy_window (window);
  g_assert_null (editor);
}

/* Add Selected Event to Tour without any tour makes one, in one undo step. */
static void
test_add_to_no_tour (void)
{
  IccWindow *window = new_window ();
  IccDataset *dataset = icc_window_get_dataset (window);
  GListModel *tours = icc_dataset_get_tours (dataset);
  IccEvent *event = event_at (dataset, 3);
  g_autoptr(IccTour) tour = NULL;
  g_autoptr(GError) error = NULL;

  while (g_list_model_get_n_items (tours) > 0)
    {
      g_autoptr(IccTour) item = g_list_model_get_item (tours, 0);
      g_autoptr(IccEdit) edit = icc_edit_new_remove_tour (item);

      g_assert_true (icc_window_perform (window, edit, &error));
      g_assert_no_error (error);
    }

  icc_focus_set_event (icc_window_get_focus (window), event);
  test_activate (window, "add-to-tour");
  g_assert_cmpuint (g_list_model_get_n_items (tours), ==, 1);
  tour = g_list_model_get_item (tours, 0);
  g_assert_cmpstr (icc_tour_get_title (tour), ==, "Untitled Tour");
  g_assert_cmpuint (icc_tour_get_n_steps (tour), ==, 1);
  g_assert_cmpstr (icc_tour_get_step_event (tour, 0), ==, icc_event_get_id (event));

  /* The editor opens on it; with no tour left it has nothing to edit. */
  test_activate (window, "edit-tours");
  g_assert_true (icc_tour_editor_get_tour (ICC_TOUR_EDITOR (window->tour_editor)) == tour);
  test_activate (window, "undo");
  g_assert_cmpuint (g_list_model_get_n_items (tours), ==, 0);
  g_assert_null (icc_tour_editor_get_tour (ICC_TOUR_EDITOR (window->tour_editor)));
  g_assert_false (gtk_widget_is_sensitive (named (ICC_TOUR_EDITOR (window->tour_editor),
                                                  "tour-title")));

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *recovery_dir = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  int status;

  /* Unsaved edits' recovery files go to a folder of this test's own. */
  recovery_dir = g_dir_make_tmp ("icc-tour-editor-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("ICC_TRACKER_RECOVERY_DIR", recovery_dir, TRUE);

  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tour-editor/build-a-tour", test_build_a_tour);
  g_test_add_func ("/tour-editor/add-to-no-tour", test_add_to_no_tour);

  status = g_test_run ();

  dir = g_dir_open (recovery_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (recovery_dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (recovery_dir);

  return status;
}
