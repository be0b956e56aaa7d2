/* test-window.c: the main window, driven through its real widgets.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <json-glib/json-glib.h>

#include "icc-cli.h"
#include "icc-dataset-json.h"
#include "icc-event-panel.h"
#include "icc-export-image.h"
#include "icc-problems-dialog.h"
#include "icc-reader.h"
#include "icc-state-list.h"
#include "icc-test-util.h"
#include "icc-test-widgets.h"
#include "icc-window-private.h"

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

/* A new window selects its first event once its first frame is painted. */
static void
wait_for_initial_event (IccWindow *window)
{
  IccFocus *focus = icc_window_get_focus (window);
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (10000, timeout_cb, &timed_out);

  while (icc_focus_get_event (focus) == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
  g_assert_nonnull (icc_focus_get_event (focus));
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
  wait_for_initial_event (window);

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
  /* It says which dataset the window still shows. */
  g_assert_true (has_label_containing (GTK_WIDGET (dialog), "“The Rome Statute and its States”"));
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

/* A FIFO (or a device) is refused at once: the window does not wait for a
 * writer that never comes, and says why. */
static void
test_open_fifo (void)
{
  IccWindow *window = new_window ();
  IccDataset *before = icc_window_get_dataset (window);
  g_autofree char *dir = g_dir_make_tmp ("icc-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "pipe.icc.json", NULL);
  g_autoptr(GFile) fifo = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  IccProblemsDialog *dialog;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);

  icc_window_open_file (window, fifo);
  wait_while_busy (window);

  g_assert_true (icc_window_get_dataset (window) == before);
  dialog = find_problems_dialog ();
  g_assert_nonnull (dialog);
  text = icc_problems_dialog_get_text (dialog);
  g_assert_nonnull (strstr (text, "not a file"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  destroy_window (window);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
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

/* Play through time, Page Up and Page Down (issue 7). */

static GtkWidget *
find_actionable (GtkWidget  *widget,
                 const char *action_name)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_actionable (child, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Presses @keyval (no modifiers) the way the window's own shortcut
 * controllers would: the key binding must exist, and its action runs. */
static void
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) trigger = gtk_keyval_trigger_new (keyval, 0);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (!gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), trigger))
            continue;

          g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                       GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                       gtk_shortcut_get_arguments (shortcut)));
          return;
        }
    }

  g_assert_not_reached ();
}

static gint32
focus_day (IccWindow *window)
{
  return icc_date_get_day (icc_focus_get_date (icc_window_get_focus (window)));
}

static void
set_focus_day (IccWindow *window,
               gint32     day)
{
  IccDate date;

  icc_date_init_from_day (&date, day);
  icc_focus_set_date (icc_window_get_focus (window), &date);
  g_assert_cmpint (focus_day (window), ==, day);
}

/* The number of States Parties `icc-tracker --world-state DAY --format json`
 * prints for the bundled dataset. */
static gint64
cli_states_parties (gint32 day)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  IccDate date;

  icc_date_init_from_day (&date, day);
  iso = icc_date_to_iso (&date);
  g_assert_cmpint (icc_cli_world_state (NULL, iso, "json", out), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out->str, out->len, &error));
  g_assert_no_error (error);

  return json_object_get_int_member (json_node_get_object (json_parser_get_root (parser)),
                                     "states_parties");
}

static gboolean
play_state (IccWindow *window)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window), "play");

  return g_variant_get_boolean (state);
}

/* The play button shows what a click would do next. */
static void
assert_play_button (GtkWidget *button,
                    gboolean   playing)
{
  g_assert_cmpint (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)), ==, playing);
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (button)), ==,
                   playing ? "media-playback-pause-symbolic" : "media-playback-start-symbolic");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==,
                   playing ? "Pause (P)" : "Play Through Time (P)");
}

typedef struct
{
  IccWindow *window;
  GArray    *days;     /* focus day at each date change */
  GArray    *world;    /* the world's day then */
  GArray    *parties;  /* the world's States Parties then */
} Steps;

static void
record_step_cb (IccFocus   *focus,
                GParamSpec *pspec,
                Steps      *steps)
{
  IccWorld *world = icc_window_get_world (steps->window);
  gint32 day = icc_date_get_day (icc_focus_get_date (focus));
  gint32 world_day = icc_date_get_day (icc_world_get_date (world));
  guint parties = icc_world_get_states_parties (world);

  g_array_append_val (steps->days, day);
  g_array_append_val (steps->world, world_day);
  g_array_append_val (steps->parties, parties);
}

static void
wait_while_playing (IccWindow *window)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (20000, timeout_cb, &timed_out);

  while (play_state (window) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
  g_assert_false (play_state (window));
}

static void
run_loop_for (guint ms)
{
  gboolean timed_out = FALSE;

  g_timeout_add (ms, timeout_cb, &timed_out);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_play_through_time (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  IccWindow *window;
  IccWorld *world;
  GtkWidget *button;
  g_autoptr(GArray) days = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *words = NULL;
  Steps steps = { 0 };
  guint first, n;
  gulong handler;

  /* The fastest speed the setting allows: 100 ms per change. */
  g_settings_set_int (settings, "presentation-play-speed", 100);
  window = new_window ();
  world = icc_window_get_world (window);
  days = icc_dataset_get_change_days (icc_window_get_dataset (window));
  n = days->len;
  g_assert_cmpuint (n, >=, 4);

  button = find_actionable (GTK_WIDGET (window), "win.play");
  g_assert_true (GTK_IS_TOGGLE_BUTTON (button));
  g_assert_false (play_state (window));
  assert_play_button (button, FALSE);

  /* Play from the fourth change before the end: three steps. */
  first = n - 4;
  set_focus_day (window, g_array_index (days, gint32, first));
  steps.window = window;
  steps.days = g_array_new (FALSE, FALSE, sizeof (gint32));
  steps.world = g_array_new (FALSE, FALSE, sizeof (gint32));
  steps.parties = g_array_new (FALSE, FALSE, sizeof (guint));
  handler = g_signal_connect (icc_window_get_focus (window), "notify::date",
                              G_CALLBACK (record_step_cb), &steps);

  g_signal_emit_by_name (button, "clicked");
  g_assert_true (play_state (window));
  assert_play_button (button, TRUE);
  /* Playing starts where the focus is. */
  g_assert_cmpint (focus_day (window), ==, g_array_index (days, gint32, first));

  wait_while_playing (window);
  g_signal_handler_disconnect (icc_window_get_focus (window), handler);

  /* Step k went to change day first + k, and the world followed each. */
  g_assert_cmpuint (steps.days->len, ==, n - 1 - first);
  for (guint k = 0; k < steps.days->len; k++)
    {
      gint32 day = g_array_index (days, gint32, first + 1 + k);

      g_assert_cmpint (g_array_index (steps.days, gint32, k), ==, day);
      g_assert_cmpint (g_array_index (steps.world, gint32, k), ==, day);
      g_assert_cmpint (g_array_index (steps.parties, guint, k), ==, cli_states_parties (day));
    }

  /* It stopped on the last change, and the button and labels say so. */
  g_assert_cmpint (focus_day (window), ==, g_array_index (days, gint32, n - 1));
  g_assert_true (icc_date_equal (icc_world_get_date (world),
                                 icc_focus_get_date (icc_window_get_focus (window))));
  g_assert_cmpint (icc_world_get_states_parties (world), ==,
                   cli_states_parties (g_array_index (days, gint32, n - 1)));
  assert_play_button (button, FALSE);
  counts = icc_world_format_counts (world);
  g_assert_nonnull (find_label (GTK_WIDGET (window), counts));
  words = icc_date_format (icc_focus_get_date (icc_window_get_focus (window)));
  g_assert_nonnull (find_label (GTK_WIDGET (window), words));

  /* P at the end plays again from the first change... */
  press_key (GTK_WIDGET (window), GDK_KEY_p);
  g_assert_true (play_state (window));
  assert_play_button (button, TRUE);
  g_assert_cmpint (focus_day (window), ==, g_array_index (days, gint32, 0));
  g_assert_cmpint (icc_date_get_day (icc_world_get_date (world)), ==,
                   g_array_index (days, gint32, 0));

  /* ...and P again pauses: no more steps come. */
  press_key (GTK_WIDGET (window), GDK_KEY_p);
  g_assert_false (play_state (window));
  assert_play_button (button, FALSE);
  run_loop_for (350);
  g_assert_cmpint (focus_day (window), ==, g_array_index (days, gint32, 0));

  /* The button again, as a second click. */
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (play_state (window));
  g_signal_emit_by_name (button, "clicked");
  g_assert_false (play_state (window));
  assert_play_button (button, FALSE);

  g_array_unref (steps.days);
  g_array_unref (steps.world);
  g_array_unref (steps.parties);
  destroy_window (window);
  g_settings_reset (settings, "presentation-play-speed");
}

/* A dataset without membership changes has nothing to play. */
static void
test_play_without_changes (void)
{
  g_autoptr(IccDataset) dataset = icc_dataset_new ();
  IccWindow *window;
  GtkWidget *button;
  IccDate date;

  test_add_state (dataset, "NL", "Netherlands");
  g_assert_true (icc_dataset_index (dataset, NULL, NULL));

  window = icc_window_new (NULL, dataset);
  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (icc_date_parse ("2002-07-01", &date, NULL));
  icc_focus_set_date (icc_window_get_focus (window), &date);

  button = find_actionable (GTK_WIDGET (window), "win.play");
  press_key (GTK_WIDGET (window), GDK_KEY_p);
  g_assert_false (play_state (window));
  assert_play_button (button, FALSE);
  g_signal_emit_by_name (button, "clicked");
  g_assert_false (play_state (window));
  assert_play_button (button, FALSE);

  /* Page Up and Page Down have nowhere to go. */
  press_key (GTK_WIDGET (window), GDK_KEY_Page_Down);
  press_key (GTK_WIDGET (window), GDK_KEY_Page_Up);
  g_assert_true (icc_date_equal (icc_focus_get_date (icc_window_get_focus (window)), &date));

  destroy_window (window);
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  gint32 x = *(const gint32 *)a, y = *(const gint32 *)b;

  return x < y ? -1 : x > y;
}

/* Every day on which some state's status changes, from the transitions. */
static GArray *
transition_days (IccDataset *dataset)
{
  GListModel *states = icc_dataset_get_states (dataset);
  GArray *days = g_array_new (FALSE, FALSE, sizeof (gint32));
  guint out = 0;

  for (guint i = 0; i < g_list_model_get_n_items (states); i++)
    {
      g_autoptr(IccState) state = g_list_model_get_item (states, i);
      const IccTransition *transitions;
      guint n;

      transitions = icc_dataset_get_transitions (dataset, state, &n);
      for (guint j = 0; j < n; j++)
        g_array_append_val (days, transitions[j].day);
    }

  g_array_sort (days, compare_days);
  for (guint i = 0; i < days->len; i++)
    if (out == 0 || g_array_index (days, gint32, i) != g_array_index (days, gint32, out - 1))
      g_array_index (days, gint32, out++) = g_array_index (days, gint32, i);
  g_array_set_size (days, out);

  return days;
}

static void
test_page_keys_step_changes (void)
{
  IccWindow *window = new_window ();
  IccDataset *dataset = icc_window_get_dataset (window);
  IccWorld *world = icc_window_get_world (window);
  GListModel *states = icc_dataset_get_states (dataset);
  g_autoptr(GArray) days = transition_days (dataset);
  g_autoptr(GArray) change_days = icc_dataset_get_change_days (dataset);
  gint32 first, last;
  guint n = days->len;

  /* The player's change days are the transitions' days. */
  g_assert_cmpuint (n, >, 2);
  g_assert_cmpuint (change_days->len, ==, n);
  g_assert_cmpmem (change_days->data, n * sizeof (gint32), days->data, n * sizeof (gint32));
  first = g_array_index (days, gint32, 0);
  last = g_array_index (days, gint32, n - 1);

  /* Before the first change, Page Up stays and Page Down goes to it. */
  set_focus_day (window, first - 1);
  press_key (GTK_WIDGET (window), GDK_KEY_Page_Up);
  g_assert_cmpint (focus_day (window), ==, first - 1);
  press_key (GTK_WIDGET (window), GDK_KEY_Page_Down);
  g_assert_cmpint (focus_day (window), ==, first);

  /* Page Down visits every change day in order, each one a day on which
   * some state's status differs from the day before... */
  for (guint i = 1; i < n; i++)
    {
      gint32 day = g_array_index (days, gint32, i);
      gboolean changed = FALSE;

      press_key (GTK_WIDGET (window), GDK_KEY_Page_Down);
      g_assert_cmpint (focus_day (window), ==, day);
      g_assert_cmpint (icc_date_get_day (icc_world_get_date (world)), ==, day);

      for (guint j = 0; j < g_list_model_get_n_items (states) && !changed; j++)
        {
          g_autoptr(IccState) state = g_list_model_get_item (states, j);

          changed = icc_dataset_status_at_day (dataset, state, day, NULL) !=
                    icc_dataset_status_at_day (dataset, state, day - 1, NULL);
        }
      g_assert_true (changed);
    }

  /* ...and stays on the last. */
  press_key (GTK_WIDGET (window), GDK_KEY_Page_Down);
  g_assert_cmpint (focus_day (window), ==, last);

  /* Page Up walks them back to the first, and stays there. */
  for (guint i = n - 1; i > 0; i--)
    {
      press_key (GTK_WIDGET (window), GDK_KEY_Page_Up);
      g_assert_cmpint (focus_day (window), ==, g_array_index (days, gint32, i - 1));
    }
  press_key (GTK_WIDGET (window), GDK_KEY_Page_Up);
  g_assert_cmpint (focus_day (window), ==, first);

  /* From between two changes, each key goes to the nearest one its way. */
  for (guint i = 0; i + 1 < n; i++)
    {
      gint32 a = g_array_index (days, gint32, i), b = g_array_index (days, gint32, i + 1);

      if (b - a < 2)
        continue;

      set_focus_day (window, a + 1);
      g_action_group_activate_action (G_ACTION_GROUP (window), "step-change",
                                      g_variant_new_int32 (1));
      g_assert_cmpint (focus_day (window), ==, b);
      set_focus_day (window, b - 1);
      g_action_group_activate_action (G_ACTION_GROUP (window), "step-change",
                                      g_variant_new_int32 (-1));
      g_assert_cmpint (focus_day (window), ==, a);
    }

  /* After the last change, Page Down stays and Page Up goes back to it. */
  set_focus_day (window, last + 30);
  press_key (GTK_WIDGET (window), GDK_KEY_Page_Down);
  g_assert_cmpint (focus_day (window), ==, last + 30);
  press_key (GTK_WIDGET (window), GDK_KEY_Page_Up);
  g_assert_cmpint (focus_day (window), ==, last);

  /* Stepping does not start playing. */
  g_assert_false (play_state (window));

  destroy_window (window);
}

/* Exports (issue 7). */

typedef struct
{
  char  *root;
  guint  n_elements;
} SvgScan;

static void
svg_start_cb (GMarkupParseContext  *context,
              const char           *element,
              const char          **names,
              const char          **values,
              gpointer              user_data,
              GError              **error)
{
  SvgScan *scan = user_data;

  if (scan->root == NULL)
    scan->root = g_strdup (element);
  scan->n_elements++;
}

static void
assert_svg (GFile *file)
{
  static const GMarkupParser parser = { svg_start_cb, NULL, NULL, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  SvgScan scan = { 0 };
  gsize length;

  g_assert_true (g_file_load_contents (file, NULL, &data, &length, NULL, &error));
  g_assert_no_error (error);

  context = g_markup_parse_context_new (&parser, G_MARKUP_IGNORE_QUALIFIED, &scan, NULL);
  g_assert_true (g_markup_parse_context_parse (context, data, length, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (scan.root, ==, "svg");
  g_assert_cmpuint (scan.n_elements, >, 10);
  g_free (scan.root);
}

/* How often @needle occurs in @data: PDF streams hold NUL bytes, which stop
 * strstr. */
static guint
count_bytes (const char *data,
             gsize       length,
             const char *needle)
{
  gsize n = strlen (needle);
  guint count = 0;

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      count++;

  return count;
}

/* A complete PDF of one page (the timeline) or of several (the handout). */
static void
assert_pdf (GFile    *file,
            gboolean  several_pages)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;
  guint pages;

  g_assert_true (g_file_load_contents (file, NULL, &data, &length, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  g_assert_cmpuint (count_bytes (data + length - 32, 32, "%%EOF"), ==, 1);

  /* Page objects, not the page tree ("/Type /Pages"). */
  pages = count_bytes (data, length, "/Type /Page") - count_bytes (data, length, "/Type /Pages");
  if (several_pages)
    g_assert_cmpuint (pages, >, 1);
  else
    g_assert_cmpuint (pages, ==, 1);
}

static void
assert_png (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = gdk_texture_new_from_file (file, &error);

  g_assert_no_error (error);
  /* 1280 × 720 at two device pixels per pixel. */
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 2560);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 1440);
}

static void
assert_timelinejs (GFile      *file,
                   IccDataset *dataset)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  JsonObject *root;
  JsonArray *events;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  root = json_node_get_object (json_parser_get_root (parser));
  events = json_object_get_array_member (root, "events");
  g_assert_nonnull (events);
  g_assert_cmpuint (json_array_get_length (events), ==,
                    g_list_model_get_n_items (icc_dataset_get_events (dataset)));
  g_assert_true (json_object_has_member (json_array_get_object_element (events, 0),
                                         "start_date"));
}

/* What each target of win.export writes, and a file name to write it to. */
static const struct
{
  const char *kind;
  const char *name;
} export_kinds[] = {
  { "png", "timeline.png" },
  { "svg", "timeline.svg" },
  { "pdf", "timeline.pdf" },
  { "handout", "handout.pdf" },
  { "timelinejs", "timeline.json" },
};

static void
assert_export (GFile      *file,
               const char *kind,
               IccDataset *dataset)
{
  if (g_str_equal (kind, "png"))
    assert_png (file);
  else if (g_str_equal (kind, "svg"))
    assert_svg (file);
  else if (g_str_equal (kind, "pdf"))
    assert_pdf (file, FALSE);
  else if (g_str_equal (kind, "handout"))
    assert_pdf (file, TRUE);
  else if (g_str_equal (kind, "timelinejs"))
    assert_timelinejs (file, dataset);
  else
    g_assert_not_reached ();
}

/* The radio items of the "Play Speed" menu. */
static const int speeds[] = { 3000, 1500, 500 };

/* A name without an extension gets the chosen kind's; one with an
 * extension keeps it, and the image format follows what was typed. */
static void
test_export_extensions (void)
{
  IccWindow *window = new_window ();
  g_autofree char *dir = g_dir_make_tmp ("icc-window-XXXXXX", NULL);
  static const struct { const char *kind, *typed, *written; } cases[] = {
    { "svg", "slide", "slide.svg" },
    { "png", "slide", "slide.png" },
    { "pdf", "slide", "slide.pdf" },
    { "handout", "handout", "handout.pdf" },
    { "timelinejs", "class", "class.json" },
    { "svg", "typed.png", "typed.png" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *typed = g_build_filename (dir, cases[i].typed, NULL);
      g_autofree char *written = g_build_filename (dir, cases[i].written, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (typed);
      g_autoptr(GFile) result = g_file_new_for_path (written);
      g_autoptr(GError) error = NULL;
      const char *kind = cases[i].kind;

      g_test_message ("%s as \"%s\"", kind, cases[i].typed);
      g_assert_true (icc_window_export_to_file (window, kind, file, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_test (written, G_FILE_TEST_IS_REGULAR));
      if (g_str_has_suffix (written, ".png"))
        assert_png (result);
      else
        assert_export (result, kind, icc_window_get_dataset (window));
      g_assert_cmpint (g_remove (written), ==, 0);
    }

  destroy_window (window);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Without a dataset there is nothing to export or print. */
static void
test_export_needs_a_dataset (void)
{
  static const char * const names[] = { "export", "print-handout", "save", "save-as" };
  IccWindow *window = g_object_ref (icc_window_new (NULL, NULL));
  g_autoptr(GError) error = NULL;
  g_autoptr(IccDataset) dataset = icc_dataset_load_bundled (&error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), names[i]));

  icc_window_set_dataset (window, dataset);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), names[i]));

  destroy_window (window);
}

/* The "Play Speed" menu sets the key; a window's player follows it at
 * once, without loading another dataset. */
static void
test_play_speed_follows_setting (void)
{
  IccWindow *window = new_window ();
  g_autoptr(GSettings) settings = g_settings_new ("org.example.IccTracker");
  IccPlayer *player = icc_window_get_player (window);

  g_assert_nonnull (player);
  for (guint i = 0; i < G_N_ELEMENTS (speeds); i++)
    {
      g_settings_set_int (settings, "presentation-play-speed", speeds[i]);
      g_assert_cmpuint (icc_player_get_interval (player), ==, (guint)speeds[i]);
    }

  g_settings_reset (settings, "presentation-play-speed");
  g_assert_cmpuint (icc_player_get_interval (player), ==, 1500);
  destroy_window (window);
}

static void
test_export_writes_files (void)
{
  IccWindow *window = new_window ();
  g_autofree char *dir = g_dir_make_tmp ("icc-window-XXXXXX", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (export_kinds); i++)
    {
      g_autofree char *path = g_build_filename (dir, export_kinds[i].name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      g_test_message ("exporting %s", export_kinds[i].kind);
      g_assert_true (icc_window_export_to_file (window, export_kinds[i].kind, file, &error));
      g_assert_no_error (error);
      assert_export (file, export_kinds[i].kind, icc_window_get_dataset (window));
      g_assert_cmpint (g_remove (path), ==, 0);
    }

  /* A timeline image needs a known extension, and nothing is written without. */
  {
    g_autofree char *path = g_build_filename (dir, "timeline.txt", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;

    g_assert_false (icc_window_export_to_file (window, "png", file, &error));
    g_assert_error (error, ICC_EXPORT_ERROR, ICC_EXPORT_ERROR_FORMAT);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }

  /* A folder that is not there is an error, not a crash. */
  {
    g_autofree char *path = g_build_filename (dir, "missing", "timeline.json", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;

    g_assert_false (icc_window_export_to_file (window, "timelinejs", file, &error));
    g_assert_nonnull (error);
  }

  destroy_window (window);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Every item of @model and its submenus and sections as a detailed action
 * name: "action", "action::target" or "action(3000)". */
static void
collect_menu_items (GMenuModel *model,
                    GPtrArray  *items)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuLinkIter) links = NULL;
      g_autofree char *action = NULL;
      g_autoptr(GVariant) target = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
        {
          target = g_menu_model_get_item_attribute_value (model, i, G_MENU_ATTRIBUTE_TARGET,
                                                          NULL);
          g_ptr_array_add (items, g_action_print_detailed_name (action, target));
        }

      links = g_menu_model_iterate_item_links (model, i);
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) link = g_menu_link_iter_get_value (links);

          collect_menu_items (link, items);
        }
    }
}

static GtkMenuButton *
find_primary_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return GTK_MENU_BUTTON (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_primary_menu_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_menu_has_exports (void)
{
  static const char * const needs_state[] = {
    "undo", "redo", "edit-event", "delete-event", "edit-article", "delete-article",
    "cite-selection", "edit-citation", "delete-citation", NULL
  };
  IccWindow *window = new_window ();
  GtkMenuButton *button = find_primary_menu_button (GTK_WIDGET (window));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  guint n_win = 0;

  g_assert_nonnull (button);
  /* Sensitive (its inner button too) before its popover exists. */
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_assert_true (gtk_widget_is_sensitive (gtk_widget_get_first_child (GTK_WIDGET (button))));
  /* The popover is built when the menu first opens. */
  gtk_menu_button_popup (button);
  g_assert_nonnull (gtk_menu_button_get_menu_model (button));
  gtk_menu_button_popdown (button);
  collect_menu_items (gtk_menu_button_get_menu_model (button), items);

  /* One item per export, and printing. */
  for (guint i = 0; i < G_N_ELEMENTS (export_kinds); i++)
    {
      g_autofree char *item = g_strdup_printf ("win.export::%s", export_kinds[i].kind);

      g_assert_true (g_ptr_array_find_with_equal_func (items, item, g_str_equal, NULL));
    }
  g_assert_true (g_ptr_array_find_with_equal_func (items, "win.print-handout", g_str_equal,
                                                   NULL));

  /* Play speeds, radio items of the app's settings action. */
  for (guint i = 0; i < G_N_ELEMENTS (speeds); i++)
    {
      g_autofree char *item = g_strdup_printf ("app.presentation-play-speed(%d)", speeds[i]);

      g_assert_true (g_ptr_array_find_with_equal_func (items, item, g_str_equal, NULL));
    }

  /* Every win. item names an enabled action of the window taking its
   * target, win.show-help-overlay included: the window builds the shortcuts
   * window itself, on first use. */
  for (guint i = 0; i < items->len; i++)
    {
      const char *item = g_ptr_array_index (items, i);
      g_autofree char *name = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GVariant) target = NULL;
      const GVariantType *type;

      if (!g_str_has_prefix (item, "win."))
        continue;

      g_assert_true (g_action_parse_detailed_name (item + strlen ("win."), &name, &target,
                                                   &error));
      g_assert_no_error (error);
      g_test_message ("menu item %s", item);
      g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), name));
      /* Undo and redo need an edit, the others a selection. */
      if (!g_strv_contains (needs_state, name))
        g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), name));
      type = g_action_group_get_action_parameter_type (G_ACTION_GROUP (window), name);
      if (target == NULL)
        g_assert_null (type);
      else
        g_assert_true (type != NULL && g_variant_is_of_type (target, type));
      n_win++;
    }
  g_assert_cmpuint (n_win, >=, G_N_ELEMENTS (export_kinds) + 1);
  /* Built when first shown (not here: GTK 4.8's shortcuts window warns
   * about a label's width as it lays itself out). */
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

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
  g_test_add_func ("/window/open-fifo", test_open_fifo);
  g_test_add_func ("/window/save-writes-the-file", test_save_writes_the_file);
  g_test_add_func ("/window/citation-row-opens-passage", test_citation_row_opens_passage);
  g_test_add_func ("/window/geometry-persists", test_geometry_persists);
  g_test_add_func ("/window/export-extensions", test_export_extensions);
  g_test_add_func ("/window/export-needs-a-dataset", test_export_needs_a_dataset);
  g_test_add_func ("/window/play-speed-follows-setting", test_play_speed_follows_setting);
  g_test_add_func ("/window/play-through-time", test_play_through_time);
  g_test_add_func ("/window/play-without-changes", test_play_without_changes);
  g_test_add_func ("/window/page-keys-step-changes", test_page_keys_step_changes);
  g_test_add_func ("/window/export-writes-files", test_export_writes_files);
  g_test_add_func ("/window/menu-has-exports", test_menu_has_exports);

  return g_test_run ();
}
