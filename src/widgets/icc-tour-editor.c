/* icc-tour-editor.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "icc-tour-editor-private.h"

/* Built in C: the tour drop-down (the dataset's tours model itself), the
 * tour's fields, its steps (a GtkStringList of row labels, spliced where
 * they differ, under a GtkListView) and the selected step's fields. The
 * model is never changed here but through icc_history_perform(); the view
 * follows the tour's ::steps-changed and notify signals, the tours model
 * and the history's ::changed, so undo and redo show as any edit does. */


G_DEFINE_FINAL_TYPE (IccTourEditor, icc_tour_editor, GTK_TYPE_WINDOW)

static void new_tour_action    (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param);
static void delete_tour_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param);
static void add_event_action   (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param);
static void move_action        (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param);
static void delete_step_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param);
static void apply_pending      (IccTourEditor *self);

static void
icc_tour_editor_dispose (GObject *object)
{
  IccTourEditor *self = (IccTourEditor *)object;

  /* Focus leaving the fields while the window goes applies nothing. */
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->history);
  if (self->tour_signals != NULL)
    g_signal_group_set_target (self->tour_signals, NULL);
  g_clear_object (&self->tour_signals);
  g_clear_object (&self->tour);
  g_clear_object (&self->focus);
  g_clear_object (&self->dataset);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (icc_tour_editor_parent_class)->dispose (object);
}

static gboolean
icc_tour_editor_close_request (GtkWindow *window)
{
  IccTourEditor *self = ICC_TOUR_EDITOR (window);

  /* What was typed last is kept. */
  apply_pending (self);

  return GTK_WINDOW_CLASS (icc_tour_editor_parent_class)->close_request (window);
}

static void
icc_tour_editor_class_init (IccTourEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = icc_tour_editor_dispose;
  window_class->close_request = icc_tour_editor_close_request;

  gtk_widget_class_install_action (widget_class, "tours.new", NULL, new_tour_action);
  gtk_widget_class_install_action (widget_class, "tours.delete", NULL, delete_tour_action);
  gtk_widget_class_install_action (widget_class, "tours.add-event", NULL, add_event_action);
  gtk_widget_class_install_action (widget_class, "tours.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "tours.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "tours.delete-step", NULL, delete_step_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "tours.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK,
                                       "tours.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "tours.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK,
                                       "tours.move-down", NULL);
}

static void
icc_tour_editor_init (IccTourEditor *self)
{
  self->step_shown = GTK_INVALID_LIST_POSITION;
}

/* Helpers */

static gboolean
tour_in_dataset (IccTourEditor *self,
                 IccTour       *tour)
{
  return tour != NULL && self->dataset != NULL &&
         icc_dataset_lookup_tour (self->dataset, icc_tour_get_id (tour)) == tour;
}

static void
show_error (IccTourEditor *self,
            const char    *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static gboolean
perform (IccTourEditor *self,
         IccEdit       *edit)
{
  g_autoptr(GError) error = NULL;

  if (self->history == NULL)
    return FALSE;

  if (!icc_history_perform (self->history, edit, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }

  show_error (self, NULL);
  return TRUE;
}

/* Text with the outer white space removed, NULL when nothing is left. */
static char *
field_value (const char *text)
{
  g_autofree char *value = g_strstrip (g_strdup (text != NULL ? text : ""));

  return *value != '\0' ? g_steal_pointer (&value) : NULL;
}

static gboolean
same_value (const char *a,
            const char *b)
{
  return g_strcmp0 (a != NULL && *a != '\0' ? a : NULL,
                    b != NULL && *b != '\0' ? b : NULL) == 0;
}

/* Sets @text only when it differs, so that the cursor stays. */
static void
set_editable_text (GtkEditable *editable,
                   const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (editable), text != NULL ? text : "") != 0)
    gtk_editable_set_text (editable, text != NULL ? text : "");
}

static char *
get_note_text (IccTourEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->step_note);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static guint
selected_step (IccTourEditor *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (self->tour == NULL || selected >= icc_tour_get_n_steps (self->tour))
    return GTK_INVALID_LIST_POSITION;

  return selected;
}

static IccEvent *
step_event (IccTourEditor *self,
            guint          step)
{
  return icc_dataset_lookup_event (self->dataset, icc_tour_get_step_event (self->tour, step));
}

/* Enabled actions and sensitive fields */

static void
update_actions (IccTourEditor *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_tour = self->tour != NULL;
  guint n_steps = has_tour ? icc_tour_get_n_steps (self->tour) : 0;
  guint selected = selected_step (self);
  gboolean has_step = selected != GTK_INVALID_LIST_POSITION;

  gtk_widget_action_set_enabled (widget, "tours.new", self->history != NULL);
  gtk_widget_action_set_enabled (widget, "tours.delete", has_tour);
  gtk_widget_action_set_enabled (widget, "tours.add-event",
                                 has_tour && icc_focus_get_event (self->focus) != NULL);
  gtk_widget_action_set_enabled (widget, "tours.move-up", has_step && selected > 0);
  gtk_widget_action_set_enabled (widget, "tours.move-down", has_step && selected + 1 < n_steps);
  gtk_widget_action_set_enabled (widget, "tours.delete-step", has_step);

  gtk_widget_set_sensitive (self->tour_box, has_tour);
  gtk_widget_set_sensitive (self->step_box, has_step);
}

/* The steps */

static char *
step_label (IccTourEditor *self,
            guint          step)
{
  IccEvent *event = step_event (self, step);
  const char *title = icc_tour_get_step_title (self->tour, step);
  g_autofree char *date = NULL;
  const char *event_title;

  if (event != NULL)
    {
      date = icc_date_to_iso (icc_event_get_date (event));
      event_title = icc_event_get_title (event);
    }
  else
    {
      date = g_strdup ("?");
      event_title = icc_tour_get_step_event (self->tour, step);
    }

  if (title != NULL && *title != '\0')
    /* TRANSLATORS: a step of a tour: its number, its event's date and
     * title, then the step's own title. */
    return g_strdup_printf (_("%u. %s — %s — %s"), step + 1, date, event_title, title);

  /* TRANSLATORS: a step of a tour: its number, its event's date and title. */
  return g_strdup_printf (_("%u. %s — %s"), step + 1, date, event_title);
}

/* Splices the rows where they differ from the tour's steps (numbers
 * included), so that a one-step change changes one row. */
static void
sync_rows (IccTourEditor *self)
{
  GListModel *rows = G_LIST_MODEL (self->rows);
  guint n_old = g_list_model_get_n_items (rows);
  guint n_new = self->tour != NULL ? icc_tour_get_n_steps (self->tour) : 0;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree const char **additions = NULL;
  guint start = 0, end_old = n_old, end_new = n_new;

  for (guint i = 0; i < n_new; i++)
    g_ptr_array_add (labels, step_label (self, i));

  while (start < n_old && start < n_new &&
         g_strcmp0 (gtk_string_list_get_string (self->rows, start),
                    g_ptr_array_index (labels, start)) == 0)
    start++;
  while (end_old > start && end_new > start &&
         g_strcmp0 (gtk_string_list_get_string (self->rows, end_old - 1),
                    g_ptr_array_index (labels, end_new - 1)) == 0)
    {
      end_old--;
      end_new--;
    }

  if (start == end_old && start == end_new)
    return;

  additions = g_new0 (const char *, end_new - start + 1);
  for (guint i = start; i < end_new; i++)
    additions[i - start] = g_ptr_array_index (labels, i);
  gtk_string_list_splice (self->rows, start, end_old - start, additions);
}

/* The selected step into the step fields. */
static void
show_selected_step (IccTourEditor *self)
{
  guint selected = selected_step (self);
  IccEvent *event = NULL;
  const char *title = NULL;
  const char *note = NULL;
  g_autofree char *shown_note = NULL;

  self->step_shown = selected;

  if (selected != GTK_INVALID_LIST_POSITION)
    {
      event = step_event (self, selected);
      title = icc_tour_get_step_title (self->tour, selected);
      note = icc_tour_get_step_note (self->tour, selected);
    }

  self->syncing_steps = TRUE;
  gtk_check_button_set_active (self->step_map_check,
                               selected != GTK_INVALID_LIST_POSITION &&
                               icc_tour_get_step_view (self->tour, selected) == ICC_TOUR_VIEW_MAP);
  self->syncing_steps = FALSE;
  set_editable_text (self->step_title, title);
  /* Empty, the step shows its event's title. */
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->step_title),
                                  event != NULL ? icc_event_get_title (event) : NULL);
  shown_note = get_note_text (self);
  if (g_strcmp0 (shown_note, note != NULL ? note : "") != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->step_note),
                              note != NULL ? note : "", -1);
}

/* Rows, selection and step fields after a change of the steps. */
static void
update_rows (IccTourEditor *self,
             guint          selected)
{
  self->syncing_steps = TRUE;
  sync_rows (self);
  gtk_single_selection_set_selected (self->selection, selected);
  self->syncing_steps = FALSE;

  show_selected_step (self);
  update_actions (self);
}

static void
select_step (IccTourEditor *self,
             guint          step)
{
  update_rows (self, step);
  if (step != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->steps), "list.scroll-to-item", "u", step);
}

static void
steps_changed_cb (IccTourEditor *self,
                  guint          position,
                  guint          removed,
                  guint          added,
                  IccTour       *tour)
{
  guint selected = gtk_single_selection_get_selected (self->selection);
  guint n_steps = icc_tour_get_n_steps (tour);

  /* The same step stays selected; a removed one's place goes to the next. */
  if (selected != GTK_INVALID_LIST_POSITION)
    {
      if (selected >= position + removed)
        selected = selected - removed + added;
      else if (selected >= position && removed != added)
        selected = n_steps > 0 ? MIN (position, n_steps - 1) : GTK_INVALID_LIST_POSITION;
    }

  update_rows (self, selected);
}

/* Applies the step fields to the step they show, if they changed. */
static void
apply_step (IccTourEditor *self)
{
  g_autofree char *title = NULL;
  g_autofree char *note_text = NULL;
  g_autofree char *note = NULL;
  g_autoptr(IccEdit) edit = NULL;
  guint step = self->step_shown;

  if (self->history == NULL || !tour_in_dataset (self, self->tour) ||
      step >= icc_tour_get_n_steps (self->tour))
    return;

  title = field_value (gtk_editable_get_text (self->step_title));
  note_text = get_note_text (self);
  note = field_value (note_text);
  if (same_value (title, icc_tour_get_step_title (self->tour, step)) &&
      same_value (note, icc_tour_get_step_note (self->tour, step)))
    return;

  edit = icc_edit_new_set_step (self->tour, step, title, note);
  perform (self, edit);
}

/* Issue 14: the presentation shows the world map on the step's date. */
void
_icc_tour_editor_step_map_toggled_cb (IccTourEditor  *self,
                                      GtkCheckButton *check)
{
  g_autoptr(IccEdit) edit = NULL;
  IccTourView view = gtk_check_button_get_active (check) ? ICC_TOUR_VIEW_MAP
                                                         : ICC_TOUR_VIEW_TIMELINE;
  guint step = self->step_shown;

  if (self->syncing_steps || self->history == NULL || !tour_in_dataset (self, self->tour) ||
      step >= icc_tour_get_n_steps (self->tour) ||
      icc_tour_get_step_view (self->tour, step) == view)
    return;

  edit = icc_edit_new_set_step_view (self->tour, step, view);
  perform (self, edit);
}

void
_icc_tour_editor_step_selected_cb (IccTourEditor      *self,
                                   GParamSpec         *pspec,
                                   GtkSingleSelection *selection)
{
  guint selected;
  IccEvent *event;

  if (self->syncing_steps)
    return;

  /* What was typed goes to the step it was typed for. */
  apply_step (self);
  show_selected_step (self);
  update_actions (self);

  /* The main window shows the step's event. */
  selected = selected_step (self);
  event = selected != GTK_INVALID_LIST_POSITION ? step_event (self, selected) : NULL;
  if (event != NULL)
    icc_focus_set_event (self->focus, event);
}

/* The tour */

static void
show_tour_fields (IccTourEditor *self)
{
  set_editable_text (self->title, self->tour != NULL ? icc_tour_get_title (self->tour) : NULL);
  set_editable_text (self->description,
                     self->tour != NULL ? icc_tour_get_description (self->tour) : NULL);
}

static void
apply_tour (IccTourEditor *self)
{
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autoptr(IccEdit) edit = NULL;

  if (self->history == NULL || !tour_in_dataset (self, self->tour))
    return;

  title = field_value (gtk_editable_get_text (self->title));
  description = field_value (gtk_editable_get_text (self->description));
  if (title == NULL)
    {
      show_error (self, _("A tour needs a title."));
      show_tour_fields (self);
      return;
    }
  if (same_value (title, icc_tour_get_title (self->tour)) &&
      same_value (description, icc_tour_get_description (self->tour)))
    return;

  edit = icc_edit_new_set_tour (self->tour, title, description);
  perform (self, edit);
}

static void
tour_notify_cb (IccTourEditor *self,
                GParamSpec    *pspec,
                IccTour       *tour)
{
  show_tour_fields (self);
}

void
_icc_tour_editor_tour_field_done_cb (IccTourEditor *self,
                                     gpointer       sender)
{
  apply_tour (self);
}

void
_icc_tour_editor_step_field_done_cb (IccTourEditor *self,
                                     gpointer       sender)
{
  apply_step (self);
}

static void
focus_event_cb (IccTourEditor *self,
                GParamSpec    *pspec,
                IccFocus      *focus)
{
  update_actions (self);
}

static void
apply_pending (IccTourEditor *self)
{
  apply_tour (self);
  apply_step (self);
}

static void
show_tour (IccTourEditor *self,
           IccTour       *tour)
{
  if (!g_set_object (&self->tour, tour))
    return;

  g_signal_group_set_target (self->tour_signals, tour);
  self->step_shown = GTK_INVALID_LIST_POSITION;
  show_error (self, NULL);
  show_tour_fields (self);
  update_rows (self, GTK_INVALID_LIST_POSITION);
}

/* Shows @tour in the drop-down and below it. @apply: the fields of the tour
 * shown are applied first (not while the history is telling of an edit). */
static void
select_tour (IccTourEditor *self,
             IccTour       *tour,
             gboolean       apply)
{
  GListModel *tours = icc_dataset_get_tours (self->dataset);
  guint position = GTK_INVALID_LIST_POSITION;

  if (apply && tour != self->tour)
    apply_pending (self);

  for (guint i = 0; tour != NULL && i < g_list_model_get_n_items (tours); i++)
    {
      g_autoptr(IccTour) item = g_list_model_get_item (tours, i);

      if (item == tour)
        position = i;
    }
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  self->syncing_tours = TRUE;
  gtk_drop_down_set_selected (self->tours, position);
  self->syncing_tours = FALSE;
  show_tour (self, tour);
}

/* The drop-down's choice, after the user's pick or a change of the tours. */
static void
follow_drop_down (IccTourEditor *self)
{
  IccTour *tour = gtk_drop_down_get_selected_item (self->tours);

  if (self->syncing_tours || tour == self->tour)
    return;

  /* A tour that has just left the dataset keeps nothing. */
  if (tour_in_dataset (self, self->tour))
    apply_pending (self);
  show_tour (self, tour);
}

void
_icc_tour_editor_tour_selected_cb (IccTourEditor *self,
                                   GParamSpec    *pspec,
                                   GtkDropDown   *drop_down)
{
  follow_drop_down (self);
}

void
_icc_tour_editor_tours_changed_cb (IccTourEditor *self,
                                   guint          position,
                                   guint          removed,
                                   guint          added,
                                   GListModel    *tours)
{
  follow_drop_down (self);
}

char *
_icc_tour_editor_tour_label_cb (IccTour    *tour,
                                const char *title,
                                gpointer    user_data)
{
  return g_strdup (title != NULL && *title != '\0' ? title : icc_tour_get_id (tour));
}

/* Undo and redo, here or in the main window: the tour they are about is
 * shown; labels follow events that changed. */
static void
history_changed_cb (IccTourEditor *self,
                    IccEdit       *edit,
                    gboolean       undone,
                    IccHistory    *history)
{
  GObject *subject = icc_edit_get_subject (edit);

  if (ICC_IS_TOUR (subject) && ICC_TOUR (subject) != self->tour &&
      tour_in_dataset (self, ICC_TOUR (subject)))
    select_tour (self, ICC_TOUR (subject), FALSE);
  else if (self->tour != NULL)
    update_rows (self, gtk_single_selection_get_selected (self->selection));
  else
    update_actions (self);
}

/* Actions */

static void
new_tour_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  IccTourEditor *self = ICC_TOUR_EDITOR (widget);
  g_autofree char *id = NULL;
  g_autoptr(IccTour) tour = NULL;
  g_autoptr(IccEdit) edit = NULL;

  apply_pending (self);

  id = icc_dataset_make_unique_id (self->dataset, "tour");
  tour = icc_tour_new (id, _("Untitled Tour"));
  edit = icc_edit_new_add_tour (tour);
  if (!perform (self, edit))
    return;

  select_tour (self, tour, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->title));
  gtk_editable_select_region (self->title, 0, -1);
}

static void
delete_tour_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  IccTourEditor *self = ICC_TOUR_EDITOR (widget);
  g_autoptr(IccEdit) edit = NULL;

  if (!tour_in_dataset (self, self->tour))
    return;

  apply_pending (self);
  edit = icc_edit_new_remove_tour (self->tour);
  perform (self, edit);
}

static void
add_event_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  IccTourEditor *self = ICC_TOUR_EDITOR (widget);
  IccEvent *event = icc_focus_get_event (self->focus);
  g_autoptr(IccEdit) edit = NULL;
  guint selected, position;

  if (event == NULL || !tour_in_dataset (self, self->tour))
    return;

  apply_pending (self);

  /* After the selected step, or at the end. */
  selected = selected_step (self);
  position = selected != GTK_INVALID_LIST_POSITION ? selected + 1
                                                   : icc_tour_get_n_steps (self->tour);
  edit = icc_edit_new_insert_step (self->tour, position, icc_event_get_id (event), NULL, NULL);
  if (perform (self, edit))
    select_step (self, position);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  IccTourEditor *self = ICC_TOUR_EDITOR (widget);
  gboolean up = g_str_equal (action_name, "tours.move-up");
  g_autoptr(IccEdit) edit = NULL;
  guint selected, to;

  if (!tour_in_dataset (self, self->tour))
    return;

  apply_pending (self);

  selected = selected_step (self);
  if (selected == GTK_INVALID_LIST_POSITION ||
      (up && selected == 0) ||
      (!up && selected + 1 >= icc_tour_get_n_steps (self->tour)))
    return;

  to = up ? selected - 1 : selected + 1;
  edit = icc_edit_new_move_step (self->tour, selected, to);
  if (perform (self, edit))
    select_step (self, to);
}

static void
delete_step_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  IccTourEditor *self = ICC_TOUR_EDITOR (widget);
  g_autoptr(IccEdit) edit = NULL;
  guint selected;

  if (!tour_in_dataset (self, self->tour))
    return;

  apply_pending (self);

  selected = selected_step (self);
  if (selected == GTK_INVALID_LIST_POSITION)
    return;

  /* The next step is selected in its place (see steps_changed_cb()). */
  edit = icc_edit_new_remove_step (self->tour, selected);
  perform (self, edit);
}

GtkWidget *
icc_tour_editor_new (GtkWindow  *parent,
                     IccHistory *history,
                     IccFocus   *focus)
{
  IccTourEditor *self;
  GListModel *tours;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ICC_IS_HISTORY (history), NULL);
  g_return_val_if_fail (ICC_IS_FOCUS (focus), NULL);

  self = g_object_new (ICC_TYPE_TOUR_EDITOR,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       "hide-on-close", TRUE,
                       "title", _("Tours"),
                       "default-width", 560,
                       "default-height", 680,
                       NULL);
  self->history = g_object_ref (history);
  self->focus = g_object_ref (focus);
  self->dataset = g_object_ref (icc_history_get_dataset (history));
  self->tour_signals = g_signal_group_new (ICC_TYPE_TOUR);
  g_signal_group_connect_swapped (self->tour_signals, "steps-changed",
                                  G_CALLBACK (steps_changed_cb), self);
  g_signal_group_connect_swapped (self->tour_signals, "notify::title",
                                  G_CALLBACK (tour_notify_cb), self);
  g_signal_group_connect_swapped (self->tour_signals, "notify::description",
                                  G_CALLBACK (tour_notify_cb), self);

  _icc_tour_editor_build (self);

  g_signal_connect_object (history, "changed",
                           G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "notify::event",
                           G_CALLBACK (focus_event_cb), self, G_CONNECT_SWAPPED);

  tours = icc_dataset_get_tours (self->dataset);
  if (g_list_model_get_n_items (tours) > 0)
    {
      g_autoptr(IccTour) first = g_list_model_get_item (tours, 0);

      select_tour (self, first, FALSE);
    }
  update_actions (self);

  return GTK_WIDGET (self);
}

void
icc_tour_editor_set_tour (IccTourEditor *self,
                          IccTour       *tour)
{
  g_return_if_fail (ICC_IS_TOUR_EDITOR (self));
  g_return_if_fail (tour == NULL || ICC_IS_TOUR (tour));

  if (tour != NULL && tour_in_dataset (self, tour))
    select_tour (self, tour, TRUE);
}

IccTour *
icc_tour_editor_get_tour (IccTourEditor *self)
{
  g_return_val_if_fail (ICC_IS_TOUR_EDITOR (self), NULL);

  return self->tour;
}
