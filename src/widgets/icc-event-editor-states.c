/* icc-event-editor-states.c: the event editor's state picker: the search, its
 *                             matches, the chosen states' chips
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "icc-event-editor-private.h"

/* The state picker. */

gboolean
_icc_event_editor_is_chosen (IccEventEditor *self,
                             const char     *code)
{
  for (guint i = 0; i < self->states->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->states, i), code) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
filter_state_cb (gpointer item,
                 gpointer user_data)
{
  IccEventEditor *self = user_data;
  IccState *state = item;
  const char *code = icc_state_get_code (state);
  const char *text = self->search_text;

  if (text == NULL || *text == '\0' || _icc_event_editor_is_chosen (self, code))
    return FALSE;

  return g_ascii_strncasecmp (code, text, strlen (text)) == 0 ||
         g_str_match_string (text, icc_state_get_display_name (state), TRUE) ||
         g_str_match_string (text, icc_state_get_name (state), TRUE);
}

/* 0: the code typed; 1: a name that starts with what was typed; 2: others. */
static int
match_rank (IccState   *state,
            const char *text)
{
  g_autofree char *name = g_utf8_casefold (icc_state_get_display_name (state), -1);
  g_autofree char *key = g_utf8_casefold (text, -1);

  if (g_ascii_strcasecmp (icc_state_get_code (state), text) == 0)
    return 0;

  return g_str_has_prefix (name, key) ? 1 : 2;
}

static int
sort_state_cb (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  IccEventEditor *self = user_data;
  IccState *state_a = (IccState *)a;
  IccState *state_b = (IccState *)b;
  int rank_a = match_rank (state_a, self->search_text != NULL ? self->search_text : "");
  int rank_b = match_rank (state_b, self->search_text != NULL ? self->search_text : "");

  if (rank_a != rank_b)
    return rank_a < rank_b ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;

  return gtk_ordering_from_cmpfunc (g_utf8_collate (icc_state_get_display_name (state_a),
                                                    icc_state_get_display_name (state_b)));
}

static GtkWidget *
create_match_row_cb (gpointer item,
                     gpointer user_data)
{
  IccState *state = item;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (icc_state_get_display_name (state));
  GtkWidget *code = gtk_label_new (icc_state_get_code (state));

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (code, "dim-label");
  gtk_widget_add_css_class (code, "monospace");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), code);

  return box;
}

static void
refilter (IccEventEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->state_search));

  g_free (self->search_text);
  self->search_text = g_strstrip (g_strdup (text));
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (self->sorter, GTK_SORTER_CHANGE_DIFFERENT);
  gtk_widget_set_visible (self->state_results_window, *self->search_text != '\0');
}

static void remove_state_cb (GtkButton      *button,
                             IccEventEditor *self);

void
_icc_event_editor_rebuild_chips (IccEventEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->state_chips))) != NULL)
    gtk_flow_box_remove (self->state_chips, child);

  for (guint i = 0; i < self->states->len; i++)
    {
      const char *code = g_ptr_array_index (self->states, i);
      IccState *state = icc_dataset_lookup_state (self->dataset, code);
      const char *name = state != NULL ? icc_state_get_display_name (state) : code;
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *icon = gtk_image_new_from_icon_name ("window-close-symbolic");
      g_autofree char *remove_label = NULL;

      gtk_box_append (GTK_BOX (box), gtk_label_new (name));
      gtk_box_append (GTK_BOX (box), icon);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_set_tooltip_text (button, code);
      /* Translators: the accessible name of a button that takes a state
       * off the event; %s is the state's name. */
      remove_label = g_strdup_printf (_("Remove %s"), name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                      -1);
      g_object_set_data_full (G_OBJECT (button), "code", g_strdup (code), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (remove_state_cb), self);

      gtk_flow_box_append (self->state_chips, button);
      /* One tab stop per chip: the button, not the flow box's child. */
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->state_chips), self->states->len > 0);
}

static void
add_state (IccEventEditor *self,
           IccState       *state)
{
  if (_icc_event_editor_is_chosen (self, icc_state_get_code (state)))
    return;

  g_ptr_array_add (self->states, g_strdup (icc_state_get_code (state)));
  _icc_event_editor_rebuild_chips (self);
  gtk_editable_set_text (GTK_EDITABLE (self->state_search), "");
  refilter (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->state_search));
  _icc_event_editor_update (self);
}

static void
remove_state_cb (GtkButton      *button,
                 IccEventEditor *self)
{
  const char *code = g_object_get_data (G_OBJECT (button), "code");

  for (guint i = 0; i < self->states->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->states, i), code) == 0)
      {
        g_ptr_array_remove_index (self->states, i);
        break;
      }

  /* The button goes away with the chips: keep the focus in the picker. */
  gtk_widget_grab_focus (GTK_WIDGET (self->state_search));
  _icc_event_editor_rebuild_chips (self);
  refilter (self);
  _icc_event_editor_update (self);
}

static void
search_changed_cb (IccEventEditor *self)
{
  refilter (self);
}

static void
search_activate_cb (IccEventEditor *self)
{
  g_autoptr(IccState) first = NULL;

  refilter (self);
  first = g_list_model_get_item (self->matches, 0);
  if (first != NULL)
    add_state (self, first);
  else
    gtk_widget_error_bell (GTK_WIDGET (self));
}

/* Escape in the search clears it, and closes the dialog when it is empty. */
static void
search_stop_cb (IccEventEditor *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->state_search)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->state_search), "");
  else
    gtk_window_close (GTK_WINDOW (self));
}

static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       IccEventEditor        *self)
{
  GtkListBoxRow *row;

  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;

  row = gtk_list_box_get_row_at_index (self->state_results, 0);
  if (row == NULL)
    return FALSE;

  gtk_list_box_select_row (self->state_results, row);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  return TRUE;
}

/* Up from the first match goes back to the search. */
static gboolean
results_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        IccEventEditor        *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if ((keyval != GDK_KEY_Up && keyval != GDK_KEY_KP_Up) ||
      focus == NULL || !GTK_IS_LIST_BOX_ROW (focus) ||
      gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (focus)) != 0)
    return FALSE;

  gtk_widget_grab_focus (GTK_WIDGET (self->state_search));
  return TRUE;
}

static void
result_activated_cb (IccEventEditor *self,
                     GtkListBoxRow  *row)
{
  g_autoptr(IccState) state = g_list_model_get_item (self->matches,
                                                     gtk_list_box_row_get_index (row));

  if (state != NULL)
    add_state (self, state);
}

void
_icc_event_editor_init_states (IccEventEditor *self)
{
  GtkEventController *controller;

  /* The filter follows every keystroke (a few hundred states), so that
   * Enter always adds what is shown. */
  g_signal_connect_swapped (self->state_search, "changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->state_search, "activate", G_CALLBACK (search_activate_cb), self);
  g_signal_connect_swapped (self->state_search, "stop-search", G_CALLBACK (search_stop_cb), self);
  /* The controllers are named for tests. */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (controller, "icc-event-editor-search-keys");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->state_search), controller);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (controller, "icc-event-editor-results-keys");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (results_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->state_results), controller);
  g_signal_connect_swapped (self->state_results, "row-activated",
                            G_CALLBACK (result_activated_cb), self);
  gtk_list_box_set_placeholder (self->state_results,
                                g_object_new (GTK_TYPE_LABEL,
                                              "label", _("No state matches."),
                                              "margin-top", 6,
                                              "margin-bottom", 6,
                                              "css-classes", (const char *[]) { "dim-label", NULL },
                                              NULL));
}

void
_icc_event_editor_bind_states (IccEventEditor *self,
                               IccDataset     *dataset)
{
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;

  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_state_cb, self, NULL));
  self->sorter = GTK_SORTER (gtk_custom_sorter_new (sort_state_cb, self, NULL));
  filtered = gtk_filter_list_model_new (g_object_ref (icc_dataset_get_states (dataset)),
                                        self->filter);
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered), self->sorter);
  self->matches = G_LIST_MODEL (sorted);
  gtk_list_box_bind_model (self->state_results, self->matches, create_match_row_cb, NULL, NULL);
}
