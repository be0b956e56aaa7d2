/* test-window-startup.c: what a new window shows in its first frame and
 * fills right after it (issue 11), and closing it in between.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "icc-dataset-json.h"
#include "icc-event-panel.h"
#include "icc-reader.h"
#include "icc-reader-private.h"
#include "icc-state-list.h"
#include "icc-test-widgets.h"
#include "icc-window.h"

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds, or until *@done is set. */
static void
iterate (guint     ms,
         gboolean *done)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (ms, timeout_cb, &timed_out);

  while (!timed_out && (done == NULL || !*done))
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
}

static void
wait_for_event (IccFocus *focus)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (10000, timeout_cb, &timed_out);

  while (icc_focus_get_event (focus) == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
}

static IccWindow *
new_window (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IccDataset) dataset = icc_dataset_load_bundled (&error);
  IccWindow *window;

  g_assert_no_error (error);
  window = g_object_ref (icc_window_new (NULL, dataset));
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

static void
destroy_window (IccWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
painted_cb (GdkFrameClock *clock,
            gboolean      *painted)
{
  *painted = TRUE;
}

/* The rows of the state list's view, not of its model. */
static guint
rows_in_view (IccWindow *window)
{
  GtkWidget *view = find_child (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW);

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (
    GTK_COLUMN_VIEW (view))));
}

static void
test_first_frame_then_event (void)
{
  IccWindow *window = new_window ();
  IccFocus *focus = icc_window_get_focus (window);
  IccStateList *list = ICC_STATE_LIST (find_child (GTK_WIDGET (window), ICC_TYPE_STATE_LIST));
  IccReader *reader = ICC_READER (find_child (GTK_WIDGET (window), ICC_TYPE_READER));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (icc_reader_get_text_view (reader));
  guint all = g_list_model_get_n_items (icc_state_list_get_model (list));
  GtkSelectionModel *selection;
  IccWorldRow *row;
  IccEvent *event;
  IccState *state;
  gboolean painted = FALSE;
  gulong handler;

  /* Before the first frame: no event yet, the top rows of the list only,
   * but the list's model (filter and sort) is whole. */
  g_assert_cmpuint (all, >, 100);
  g_assert_null (icc_focus_get_event (focus));
  g_assert_cmpuint (rows_in_view (window), <, all);

  handler = g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                              G_CALLBACK (painted_cb), &painted);
  iterate (10000, &painted);
  g_signal_handler_disconnect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), handler);
  g_assert_true (painted);

  /* Right after it: the event, its first state selected in the whole list,
   * its article in the reader. */
  wait_for_event (focus);
  event = icc_focus_get_event (focus);
  g_assert_nonnull (event);
  g_assert_cmpuint (rows_in_view (window), ==, all);
  /* (The bundled dataset's latest cited event may name no state: then no
   * state is selected.) */
  state = icc_focus_get_state (focus);
  if (icc_event_get_states (event)[0] != NULL)
    {
      g_assert_nonnull (state);
      g_assert_cmpstr (icc_state_get_code (state), ==, icc_event_get_states (event)[0]);
      selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (find_child (GTK_WIDGET (list),
                                                                        GTK_TYPE_COLUMN_VIEW)));
      row = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (selection));
      g_assert_nonnull (row);
      g_assert_true (icc_world_row_get_state (row) == state);
    }
  else
    {
      g_assert_null (state);
      (void)selection;
      (void)row;
    }
  g_assert_nonnull (icc_focus_get_article (focus));
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), >, 0);

  destroy_window (window);
}

/* A date chosen before the first frame is not overridden by the event the
 * window would have chosen. */
static void
test_early_choice_wins (void)
{
  IccWindow *window = new_window ();
  IccFocus *focus = icc_window_get_focus (window);
  IccDate date;

  g_assert_true (icc_date_parse ("2002-07-01", &date, NULL));
  icc_focus_set_date (focus, &date);
  iterate (500, NULL);

  g_assert_null (icc_focus_get_event (focus));
  g_assert_cmpint (icc_date_compare (icc_focus_get_date (focus), &date), ==, 0);

  destroy_window (window);
}

/* Whether a GtkLabel under @widget shows @text. */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;

  return FALSE;
}

/* The reader's "No Article" and the event panel's hint wait for the first
 * frame, which a new window's first event would replace at once (they
 * cost a tenth of that frame); with nothing to show they come right after
 * it. */
static void
test_placeholders_after_first_frame (void)
{
  g_autoptr(IccDataset) dataset = icc_dataset_new ();
  IccWindow *window = g_object_ref (icc_window_new (NULL, dataset));
  GtkWidget *reader = find_child (GTK_WIDGET (window), ICC_TYPE_READER);
  GtkWidget *panel = find_child (GTK_WIDGET (window), ICC_TYPE_EVENT_PANEL);
  const char *hint = "Choose an event on the timeline or in a state’s history";
  gboolean painted = FALSE;
  gulong handler;

  gtk_window_present (GTK_WINDOW (window));
  handler = g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "paint",
                              G_CALLBACK (painted_cb), &painted);
  iterate (10000, &painted);
  g_signal_handler_disconnect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), handler);
  g_assert_true (painted);
  /* In the first frame. */
  g_assert_false (shows_label (reader, "No Article"));
  g_assert_false (shows_label (panel, hint));

  iterate (300, NULL);
  g_assert_true (shows_label (reader, "No Article"));
  g_assert_true (shows_label (panel, hint));
  /* No citation to list: no In This Article button (a bare arrow). */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (ICC_READER (reader)->outline_button)));

  destroy_window (window);
}

static void
test_closed_before_first_frame (void)
{
  IccWindow *window = new_window ();

  destroy_window (window);
  /* Nothing left behind may run on the finalized window. */
  iterate (300, NULL);
}

static void
destroy_in_paint_cb (GdkFrameClock *clock,
                     IccWindow     *window)
{
  g_signal_handlers_disconnect_by_func (clock, destroy_in_paint_cb, window);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Closed after its first frame, before the idle that fills it. */
static void
test_closed_after_first_frame (void)
{
  IccWindow *window = new_window ();
  GdkFrameClock *clock = g_object_ref (gtk_widget_get_frame_clock (GTK_WIDGET (window)));
  gboolean timed_out = FALSE;
  guint id;

  /* Connected after the window's own handler: the fill is queued by now. */
  g_signal_connect (clock, "after-paint", G_CALLBACK (destroy_in_paint_cb), window);
  id = g_timeout_add (10000, timeout_cb, &timed_out);
  while (gtk_widget_get_mapped (GTK_WIDGET (window)) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_assert_false (timed_out);

  g_assert_null (icc_focus_get_event (icc_window_get_focus (window)));
  g_assert_finalize_object (window);
  iterate (300, NULL);
  g_object_unref (clock);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/window-startup/first-frame-then-event", test_first_frame_then_event);
  g_test_add_func ("/window-startup/early-choice-wins", test_early_choice_wins);
  g_test_add_func ("/window-startup/placeholders-after-first-frame",
                   test_placeholders_after_first_frame);
  g_test_add_func ("/window-startup/closed-before-first-frame", test_closed_before_first_frame);
  g_test_add_func ("/window-startup/closed-after-first-frame", test_closed_after_first_frame);

  return g_test_run ();
}
