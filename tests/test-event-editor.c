/* test-event-editor.c: the dialog that adds or edits an event, driven
 * through its real widgets.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "icc-enum-util.h"
#include "icc-event-editor.h"
#include "icc-test-load.h"
#include "icc-test-widgets.h"

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static IccEventEditor *
editor_new (IccDataset *dataset,
            IccEvent   *event,
            IccEvent   *prefill)
{
  return g_object_ref (ICC_EVENT_EDITOR (icc_event_editor_new (NULL, dataset, event, prefill)));
}

static void
editor_destroy (IccEventEditor *editor)
{
  gtk_window_destroy (GTK_WINDOW (editor));
  wait_ms (20);
  g_assert_finalize_object (editor);
}

static gpointer
child (IccEventEditor *editor,
       const char     *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (editor),
                                                   ICC_TYPE_EVENT_EDITOR, name);

  g_assert_nonnull (object);
  return object;
}

static void
set_text (IccEventEditor *editor,
          const char     *name,
          const char     *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (editor, name)), text);
}

/* The text of every label under @widget, one per line. */
static void
append_label_texts (GtkWidget *widget,
                    GString   *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    append_label_texts (c, text);
}

static char *
get_text (IccEventEditor *editor,
          const char     *name)
{
  GString *text = g_string_new (NULL);

  append_label_texts (child (editor, name), text);
  return g_string_free (text, FALSE);
}

static gboolean
can_confirm (IccEventEditor *editor)
{
  return gtk_widget_get_sensitive (child (editor, "confirm_button"));
}

static IccEvent *
make_event (const char *kind_nick,
            const char *date_text,
            const char *state,
            const char *title)
{
  const char *states[] = { state, NULL };
  IccEvent *event;
  IccDate date;
  int kind;

  g_assert_true (icc_enum_from_nick (ICC_TYPE_EVENT_KIND, kind_nick, &kind));
  g_assert_true (icc_date_parse (date_text, &date, NULL));
  event = icc_event_new ("prefill", kind, &date);
  icc_event_set_title (event, title);
  icc_event_set_states (event, states);

  return event;
}

static void
test_new_from_prefill (void)
{
  g_autoptr(IccDataset) dataset = test_load_bundled ();
  g_autoptr(IccEvent) prefill = make_event ("statement", "2026-05-29", "FR", "A statement");
  const char *sources[] = { "https://example.org/a", "A book, p. 12", NULL };
  g_autoptr(IccEvent) draft = NULL;
  g_autoptr(GError) error = NULL;
  IccEventEditor *editor;
  IccDate end;

  icc_event_set_summary (prefill, "The selected sentence.");
  icc_event_set_sources (prefill, sources);
  icc_event_set_certainty (prefill, ICC_CERTAINTY_DISPUTED);
  icc_event_set_certainty_note (prefill, "Denied by the ministry");
  g_assert_true (icc_date_parse ("2026-06", &end, NULL));
  icc_event_set_end_date (prefill, &end);

  editor = editor_new (dataset, NULL, prefill);
  g_assert_null (icc_event_editor_get_event (editor));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "New Event");
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (editor)));
  g_assert_cmpstr (gtk_button_get_label (child (editor, "confirm_button")), ==, "_Add Event");
  g_assert_true (can_confirm (editor));

  draft = icc_event_editor_get_draft (editor, &error);
  g_assert_no_error (error);
  g_assert_nonnull (draft);
  g_assert_true (icc_event_fields_equal (draft, prefill));
  g_assert_cmpstr (icc_event_get_id (draft), ==, "fr-statement-2026-05-29");
  g_assert_null (icc_dataset_lookup_event (dataset, icc_event_get_id (draft)));

  /* Empty lines in the sources are dropped, spaces around a source too. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (child (editor, "sources_view")),
                            "\n  one  \n\n two\n", -1);
  g_clear_object (&draft);
  draft = icc_event_editor_get_draft (editor, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length ((char **)icc_event_get_sources (draft)), ==, 2);
  g_assert_cmpstr (icc_event_get_sources (draft)[0], ==, "one");
  g_assert_cmpstr (icc_event_get_sources (draft)[1], ==, "two");

  /* A non-membership event with no state takes its id from its title. */
  {
    GtkWidget *chip = gtk_widget_get_first_child (child (editor, "state_chips"));

    g_assert_nonnull (chip);
    g_signal_emit_by_name (gtk_widget_get_first_child (chip), "clicked");
  }
  g_clear_object (&draft);
  draft = icc_event_editor_get_draft (editor, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (icc_event_get_states (draft)[0], ==, NULL);
  g_assert_cmpstr (icc_event_get_id (draft), ==, "a-statement");

  editor_destroy (editor);
}

static void
test_edit_existing (void)
{
  g_autoptr(IccDataset) dataset = test_load_bundled ();
  IccEvent *event = icc_dataset_lookup_event (dataset, "hu-withdrawal-notice");
  g_autoptr(IccEvent) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *effect = NULL;
  IccEventEditor *editor;

  g_assert_nonnull (event);
  editor = editor_new (dataset, event, NULL);
  g_assert_true (icc_event_editor_get_event (editor) == event);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Edit Event");
  g_assert_cmpstr (gtk_button_get_label (child (editor, "confirm_button")), ==, "Sa_ve");
  g_assert_cmpstr (gtk_editable_get_text (child (editor, "date_entry")), ==, "2025-06-02");
  g_assert_cmpstr (gtk_editable_get_text (child (editor, "title_entry")), ==,
                   icc_event_get_title (event));

  draft = icc_event_editor_get_draft (editor, &error);
  g_assert_no_error (error);
  g_assert_true (icc_event_fields_equal (draft, event));
  g_assert_cmpstr (icc_event_get_id (draft), ==, "hu-withdrawal-notice");

  /* What the notice does to Hungary. */
  g_assert_true (can_confirm (editor));
  effect = get_text (editor, "effect_box");
  g_assert_nonnull (strstr (effect, "Hungary: State Party → Withdrawing from 2 June 2025"));

  editor_destroy (editor);
}

static void
test_dates (void)
{
  static const struct {
    const char *text;
    const char *iso;       /* NULL: refused */
    const char *caption;
  } cases[] = {
    { "2026-05-29", "2026-05-29", "29 May 2026" },
    { "2026-05", "2026-05", "May 2026" },
    { "2026", "2026", "2026" },
    { " 2026-5-9 ", "2026-05-09", "9 May 2026" },
    { "2026-02-30", NULL, "There is no day 30 in February 2026." },
    { "2026-13", NULL, "There is no month 13." },
    { "yesterday", NULL, "“yesterday” is not a date" },
    { "26", NULL, "is not a date" },
  };
  g_autoptr(IccDataset) dataset = test_load_bundled ();
  g_autoptr(IccEvent) prefill = make_event ("other", "2020", "FR", "Something");
  IccEventEditor *editor = editor_new (dataset, NULL, prefill);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(IccEvent) draft = NULL;
      g_autoptr(GError) error = NULL;
      GtkWidget *caption = child (editor, "date_caption");

      g_test_message ("%s", cases[i].text);
      set_text (editor, "date_entry", cases[i].text);
      g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (caption)), cases[i].caption));
      g_assert_true (gtk_widget_has_css_class (caption, "error") == (cases[i].iso == NULL));
      g_assert_true (can_confirm (editor) == (cases[i].iso != NULL));

      draft = icc_event_editor_get_draft (editor, &error);
      if (cases[i].iso != NULL)
        {
          g_autofree char *iso = NULL;

          g_assert_no_error (error);
          iso = icc_date_to_iso (icc_event_get_date (draft));
          g_assert_cmpstr (iso, ==, cases[i].iso);
        }
      else
        {
          g_assert_error (error, ICC_EVENT_EDITOR_ERROR, ICC_EVENT_EDITOR_ERROR_INVALID);
          g_assert_null (draft);
          /* The reason is in view below the form too. */
          g_assert_true (gtk_widget_get_visible (child (editor, "reason_label")));
        }
    }

  /* No date at all. */
  set_text (editor, "date_entry", "");
  g_assert_false (can_confirm (editor));

  /* An end date before the date. */
  set_text (editor, "date_entry", "2026-05-29");
  set_text (editor, "end_date_entry", "2026-05-28");
  g_assert_false (can_confirm (editor));
  g_assert_true (gtk_widget_has_css_class (child (editor, "end_date_caption"), "error"));
  set_text (editor, "end_date_entry", "2026-05");
  g_assert_true (can_confirm (editor));
  set_text (editor, "end_date_entry", "");
  g_assert_true (can_confirm (editor));

  /* No title. */
  set_text (editor, "title_entry", "   ");
  g_assert_false (can_confirm (editor));
  set_text (editor, "title_entry", "Something");
  g_assert_true (can_confirm (editor));

  editor_destroy (editor);
}

static void
test_refusal (void)
{
  g_autoptr(IccDataset) dataset = test_load_bundled ();
  g_autoptr(IccEvent) prefill = make_event ("withdrawal_notice", "2016-12-01", "RU",
                                            "Russia withdraws");
  IccEventEditor *editor = editor_new (dataset, NULL, prefill);
  g_autofree char *effect = get_text (editor, "effect_box");
  g_autofree char *reason = get_text (editor, "reason_label");

  /* Russia had withdrawn its signature the day before. */
  g_assert_false (can_confirm (editor));
  g_assert_nonnull (strstr (effect, "Russia"));
  g_assert_nonnull (strstr (effect, "Withdrawal notice"));
  g_assert_nonnull (strstr (reason, "Russia"));

  /* A membership event needs a state. */
  g_signal_emit_by_name (gtk_widget_get_first_child (
                           gtk_widget_get_first_child (child (editor, "state_chips"))),
                         "clicked");
  g_assert_false (can_confirm (editor));
  g_free (reason);
  reason = get_text (editor, "reason_label");
  g_assert_nonnull (strstr (reason, "Choose the state"));

  editor_destroy (editor);
}

static void
test_effects (void)
{
  g_autoptr(IccDataset) dataset = test_load_bundled ();
  g_autoptr(IccEvent) notice = make_event ("withdrawal_notice", "2026-05-29", "FR",
                                           "France withdraws");
  g_autoptr(IccEvent) signature = make_event ("signature", "2026-05", "CN", "China signs");
  g_autoptr(IccEvent) statement = make_event ("statement", "2026-05", "CN", "China speaks");
  IccEventEditor *editor;
  g_autofree char *effect = NULL;

  editor = editor_new (dataset, NULL, notice);
  g_assert_true (can_confirm (editor));
  effect = get_text (editor, "effect_box");
  g_assert_cmpstr (effect, ==, "France: State Party → Withdrawing from 29 May 2026\n");
  editor_destroy (editor);
  g_clear_pointer (&effect, g_free);

  /* The date's precision is kept. */
  editor = editor_new (dataset, NULL, signature);
  g_assert_true (can_confirm (editor));
  effect = get_text (editor, "effect_box");
  g_assert_cmpstr (effect, ==, "China: Not signed → Signatory from May 2026\n");

  /* Changing the kind updates the effect. */
  gtk_drop_down_set_selected (child (editor, "kind_dropdown"), ICC_EVENT_KIND_RATIFICATION);
  g_clear_pointer (&effect, g_free);
  effect = get_text (editor, "effect_box");
  g_assert_nonnull (strstr (effect, "China"));
  g_assert_false (can_confirm (editor));
  editor_destroy (editor);
  g_clear_pointer (&effect, g_free);

  editor = editor_new (dataset, NULL, statement);
  g_assert_true (can_confirm (editor));
  effect = get_text (editor, "effect_box");
  g_assert_cmpstr (effect, ==, "Does not change any state’s status.\n");
  editor_destroy (editor);
}

static void
test_state_picker (void)
{
  g_autoptr(IccDataset) dataset = test_load_bundled ();
  IccEventEditor *editor = editor_new (dataset, NULL, NULL);
  GtkListBox *results = child (editor, "state_results");
  g_autoptr(IccEvent) draft = NULL;
  g_autofree char *chips = NULL;
  g_autofree char *first = NULL;
  GtkListBoxRow *row;

  g_assert_false (gtk_widget_get_visible (child (editor, "state_results_window")));

  /* By name: "fra" lists France first. */
  set_text (editor, "state_search", "fra");
  g_assert_true (gtk_widget_get_visible (child (editor, "state_results_window")));
  row = gtk_list_box_get_row_at_index (results, 0);
  g_assert_nonnull (row);
  {
    GString *text = g_string_new (NULL);

    append_label_texts (GTK_WIDGET (row), text);
    first = g_string_free (text, FALSE);
  }
  g_assert_cmpstr (first, ==, "France\nFR\n");

  /* Enter adds the first match and clears the search. */
  g_signal_emit_by_name (child (editor, "state_search"), "activate");
  g_assert_cmpstr (gtk_editable_get_text (child (editor, "state_search")), ==, "");
  g_assert_false (gtk_widget_get_visible (child (editor, "state_results_window")));
  chips = get_text (editor, "state_chips");
  g_assert_cmpstr (chips, ==, "France\n");

  /* By code, a row activated; a chosen state is no longer offered. */
  set_text (editor, "state_search", "fr");
  for (guint i = 0; (row = gtk_list_box_get_row_at_index (results, i)) != NULL; i++)
    {
      GString *text = g_string_new (NULL);

      append_label_texts (GTK_WIDGET (row), text);
      g_assert_null (strstr (text->str, "France"));
      g_string_free (text, TRUE);
    }
  set_text (editor, "state_search", "hu");
  row = gtk_list_box_get_row_at_index (results, 0);
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activate");
  g_clear_pointer (&chips, g_free);
  chips = get_text (editor, "state_chips");
  g_assert_cmpstr (chips, ==, "France\nHungary\n");

  /* Nothing matches. */
  set_text (editor, "state_search", "atlantis");
  g_assert_null (gtk_list_box_get_row_at_index (results, 0));
  g_signal_emit_by_name (child (editor, "state_search"), "activate");
  g_clear_pointer (&chips, g_free);
  chips = get_text (editor, "state_chips");
  g_assert_cmpstr (chips, ==, "France\nHungary\n");

  set_text (editor, "date_entry", "2026-05-29");
  set_text (editor, "title_entry", "France and Hungary");
  draft = icc_event_editor_get_draft (editor, NULL);
  g_assert_nonnull (draft);
  g_assert_cmpstr (icc_event_get_states (draft)[0], ==, "FR");
  g_assert_cmpstr (icc_event_get_states (draft)[1], ==, "HU");
  g_assert_null (icc_event_get_states (draft)[2]);
  /* The default kind is the first, a signature: its id names the first state. */
  g_assert_cmpstr (icc_event_get_id (draft), ==, "fr-signature-2026-05-29");

  editor_destroy (editor);
}

static void
confirmed_cb (IccEventEditor *editor,
              IccEvent       *draft,
              GPtrArray      *drafts)
{
  g_assert_true (ICC_IS_EVENT (draft));
  g_ptr_array_add (drafts, g_object_ref (draft));
}

static gboolean
is_toplevel (IccEventEditor *editor)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (window == G_OBJECT (editor))
        return TRUE;
    }

  return FALSE;
}

static void
test_confirmed (void)
{
  g_autoptr(IccDataset) dataset = test_load_bundled ();
  g_autoptr(IccEvent) prefill = make_event ("signature", "2026-05-29", "CN", "China signs");
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  IccEventEditor *editor = editor_new (dataset, NULL, prefill);

  g_signal_connect (editor, "confirmed", G_CALLBACK (confirmed_cb), drafts);

  g_signal_emit_by_name (child (editor, "confirm_button"), "clicked");
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_true (icc_event_fields_equal (g_ptr_array_index (drafts, 0), prefill));
  /* The dialog stays open until the window has made the edit. */
  g_assert_true (is_toplevel (editor));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.confirm", NULL));
  g_assert_cmpuint (drafts->len, ==, 2);

  /* Invalid: nothing is emitted. */
  set_text (editor, "title_entry", "");
  g_assert_false (can_confirm (editor));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.confirm", NULL);
  g_signal_emit_by_name (child (editor, "confirm_button"), "clicked");
  g_assert_cmpuint (drafts->len, ==, 2);

  /* Refused by the dataset: nothing either. */
  set_text (editor, "title_entry", "China signs");
  set_text (editor, "date_entry", "2026-05-29");
  gtk_drop_down_set_selected (child (editor, "kind_dropdown"), ICC_EVENT_KIND_WITHDRAWAL_NOTICE);
  g_assert_false (can_confirm (editor));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.confirm", NULL);
  g_assert_cmpuint (drafts->len, ==, 2);

  /* The window's message, until a field changes. */
  icc_event_editor_show_error (editor, "The edit was refused.");
  g_assert_true (gtk_widget_get_visible (child (editor, "error_box")));
  gtk_drop_down_set_selected (child (editor, "kind_dropdown"), ICC_EVENT_KIND_SIGNATURE);
  g_assert_false (gtk_widget_get_visible (child (editor, "error_box")));
  g_assert_true (can_confirm (editor));

  editor_destroy (editor);
}

static GtkEventController *
find_controller (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), name) == 0)
        return controller;
    }

  g_assert_not_reached ();
  return NULL;
}

static gboolean
press_key (GtkEventController *controller,
           guint               keyval)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
  return handled;
}

/* The keyboard paths, by their handlers (GTK cannot synthesize key presses):
 * Down from the search into the matches and Up back, Escape in the search,
 * Ctrl+Enter anywhere. */
static void
test_keyboard (void)
{
  g_autoptr(IccDataset) dataset = test_load_bundled ();
  g_autoptr(IccEvent) prefill = make_event ("signature", "2026-05-29", "CN", "China signs");
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  IccEventEditor *editor = editor_new (dataset, NULL, prefill);
  GtkWidget *search = child (editor, "state_search");
  GtkEventController *shortcuts;
  g_autoptr(GtkShortcut) shortcut = NULL;
  g_autofree char *trigger = NULL;
  GtkWidget *focus;

  g_signal_connect (editor, "confirmed", G_CALLBACK (confirmed_cb), drafts);
  gtk_window_present (GTK_WINDOW (editor));
  wait_ms (200);

  gtk_widget_grab_focus (search);
  set_text (editor, "state_search", "fra");
  g_assert_true (press_key (find_controller (search, "icc-event-editor-search-keys"),
                            GDK_KEY_Down));
  focus = gtk_root_get_focus (GTK_ROOT (editor));
  g_assert_true (GTK_IS_LIST_BOX_ROW (focus));
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (focus)), ==, 0);

  g_assert_true (press_key (find_controller (child (editor, "state_results"),
                                             "icc-event-editor-results-keys"),
                            GDK_KEY_Up));
  focus = gtk_root_get_focus (GTK_ROOT (editor));
  g_assert_true (focus == search || gtk_widget_is_ancestor (focus, search));

  /* Other keys go on to the entry. */
  g_assert_false (press_key (find_controller (search, "icc-event-editor-search-keys"),
                             GDK_KEY_a));

  /* Ctrl+Enter confirms, in the capture phase so that text views do not
   * take it for a new line. */
  shortcuts = find_controller (GTK_WIDGET (editor), "icc-event-editor-shortcuts");
  g_assert_cmpint (gtk_event_controller_get_propagation_phase (shortcuts), ==, GTK_PHASE_CAPTURE);
  shortcut = g_list_model_get_item (G_LIST_MODEL (shortcuts), 0);
  trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
  g_assert_cmpstr (trigger, ==, "<Control>Return|<Control>KP_Enter");
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                               GTK_WIDGET (editor), NULL));
  g_assert_cmpuint (drafts->len, ==, 1);

  /* Escape in the search clears it first, then closes the dialog. */
  g_signal_emit_by_name (search, "stop-search");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "");
  g_assert_true (is_toplevel (editor));
  g_signal_emit_by_name (search, "stop-search");
  wait_ms (20);
  g_assert_false (is_toplevel (editor));

  g_assert_finalize_object (editor);
}

/* Every field is labelled, for the keyboard (a mnemonic) and for assistive
 * technologies (the label names it). */
static void
test_accessible (void)
{
  static const char * const fields[] = {
    "kind_dropdown", "date_entry", "end_date_entry", "state_search", "title_entry",
    "summary_view", "certainty_dropdown", "certainty_note_entry", "sources_view",
  };
  g_autoptr(IccDataset) dataset = test_load_bundled ();
  g_autoptr(IccEvent) prefill = make_event ("signature", "2026-05-29", "CN", "China signs");
  IccEventEditor *editor = editor_new (dataset, NULL, prefill);
  GtkWidget *focus;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *field = child (editor, fields[i]);
      GList *labels = gtk_widget_list_mnemonic_labels (field);

      g_test_message ("%s", fields[i]);
      g_assert_cmpuint (g_list_length (labels), ==, 1);
      /* A reference list is given as its items and NULL in GTK 4.8. */
      gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (field),
                                           GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                           labels->data, NULL);
      g_list_free (labels);
    }

  /* A chip is one tab stop, its button, named for what it does. */
  gtk_window_present (GTK_WINDOW (editor));
  wait_ms (200);
  g_assert_true (gtk_widget_child_focus (child (editor, "state_chips"), GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (GTK_ROOT (editor));
  g_assert_true (GTK_IS_BUTTON (focus));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (focus), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Remove China");

  editor_destroy (editor);
}

static void
render_to_png (GtkWidget  *widget,
               const char *path)
{
  GdkPaintable *paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_object_unref (paintable);
}

/* The dialog at its default size, light and dark, to PNGs in the build
 * directory (artifacts to look at); its default size fits a 1024x600 screen. */
static void
test_render (void)
{
  static const struct { const char *name; gboolean dark; } themes[] = {
    { "light", FALSE },
    { "dark", TRUE },
  };
  g_autoptr(IccDataset) dataset = test_load_bundled ();
  IccEvent *event = icc_dataset_lookup_event (dataset, "hu-withdrawal-notice");
  GtkSettings *settings = gtk_settings_get_default ();

  for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
    {
      IccEventEditor *editor = editor_new (dataset, event, NULL);
      g_autofree char *name = g_strdup_printf ("event-editor-%s.png", themes[t].name);
      g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
      g_autofree char *name_end = NULL;
      g_autofree char *path_end = NULL;
      GtkAdjustment *adjustment;
      GtkWidget *form;
      int width, height;

      g_object_set (settings, "gtk-application-prefer-dark-theme", themes[t].dark, NULL);
      set_text (editor, "state_search", "ge");
      gtk_window_present (GTK_WINDOW (editor));
      wait_ms (500);

      gtk_window_get_default_size (GTK_WINDOW (editor), &width, &height);
      g_assert_cmpint (width, <=, 1024);
      g_assert_cmpint (height, <=, 600 - 60);
      render_to_png (GTK_WIDGET (editor), path);
      g_test_message ("Wrote %s", path);

      /* The end of the form, with a reason not to confirm. */
      set_text (editor, "title_entry", "");
      wait_ms (200);
      /* The first scrolled window is the form's. */
      form = find_child (GTK_WIDGET (editor), GTK_TYPE_SCROLLED_WINDOW);
      adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (form));
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      wait_ms (200);
      name_end = g_strdup_printf ("event-editor-%s-end.png", themes[t].name);
      path_end = g_test_build_filename (G_TEST_BUILT, name_end, NULL);
      render_to_png (GTK_WIDGET (editor), path_end);
      g_test_message ("Wrote %s", path_end);

      editor_destroy (editor);
    }

  g_object_set (settings, "gtk-application-prefer-dark-theme", FALSE, NULL);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/event-editor/new-from-prefill", test_new_from_prefill);
  g_test_add_func ("/event-editor/edit-existing", test_edit_existing);
  g_test_add_func ("/event-editor/dates", test_dates);
  g_test_add_func ("/event-editor/refusal", test_refusal);
  g_test_add_func ("/event-editor/effects", test_effects);
  g_test_add_func ("/event-editor/state-picker", test_state_picker);
  g_test_add_func ("/event-editor/confirmed", test_confirmed);
  g_test_add_func ("/event-editor/keyboard", test_keyboard);
  g_test_add_func ("/event-editor/accessible", test_accessible);
  g_test_add_func ("/event-editor/render", test_render);

  return g_test_run ();
}
