/* icc-window-edit.c: editing in the window
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The history of the window's dataset (undo, redo, modified), the commands
 * that edit events and tours, and what closing with unsaved changes asks;
 * articles and citations are in icc-window-articles.c, the recovery file
 * that keeps unsaved edits through a crash in icc-window-recovery.c. Every
 * edit goes through icc_window_perform(); the views follow the dataset's
 * ::indexed signal and its list models by themselves.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "icc-event-editor.h"
#include "icc-recovery.h"
#include "icc-tour-editor.h"
#include "icc-window-private.h"


/* Messages */

void
_icc_window_show_message (IccWindow  *self,
              const char *primary,
              const char *secondary)
{
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                   "%s", primary);
  if (secondary != NULL)
    gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The focus after an edit: nothing that left the dataset stays selected,
 * and what the edit was about is shown. */

gboolean
_icc_window_has_event (IccWindow *self,
                  IccEvent  *event)
{
  return event != NULL &&
         icc_dataset_lookup_event (self->dataset, icc_event_get_id (event)) == event;
}

gboolean
_icc_window_has_article (IccWindow  *self,
                    IccArticle *article)
{
  return article != NULL &&
         icc_dataset_lookup_article (self->dataset, icc_article_get_id (article)) == article;
}

static void
show_subject (IccWindow *self,
              IccEdit   *edit)
{
  GObject *subject = icc_edit_get_subject (edit);
  IccCitation *citation = icc_focus_get_citation (self->focus);

  if (citation != NULL &&
      (!_icc_window_has_event (self, icc_citation_get_event (citation)) ||
       !_icc_window_has_article (self, icc_citation_get_article (citation))))
    icc_focus_set_citation (self->focus, NULL);
  if (icc_focus_get_event (self->focus) != NULL &&
      !_icc_window_has_event (self, icc_focus_get_event (self->focus)))
    icc_focus_set_event (self->focus, NULL);
  if (icc_focus_get_article (self->focus) != NULL &&
      !_icc_window_has_article (self, icc_focus_get_article (self->focus)))
    icc_focus_set_article (self->focus, NULL);

  if (ICC_IS_EVENT (subject) && _icc_window_has_event (self, ICC_EVENT (subject)))
    icc_focus_set_event (self->focus, ICC_EVENT (subject));
  else if (ICC_IS_CITATION (subject) &&
           _icc_window_has_event (self, icc_citation_get_event (ICC_CITATION (subject))))
    {
      icc_focus_set_event (self->focus, icc_citation_get_event (ICC_CITATION (subject)));
      if (icc_citation_get_article (ICC_CITATION (subject)) != NULL)
        icc_focus_set_citation (self->focus, ICC_CITATION (subject));
    }
  else if (ICC_IS_ARTICLE (subject) && _icc_window_has_article (self, ICC_ARTICLE (subject)))
    icc_focus_set_article (self->focus, ICC_ARTICLE (subject));
}

static void
history_changed_cb (IccWindow  *self,
                    IccEdit    *edit,
                    gboolean    undone,
                    IccHistory *history)
{
  show_subject (self, edit);
  _icc_window_schedule_autosave (self);
}

static void
history_modified_cb (IccWindow  *self,
                     GParamSpec *pspec,
                     IccHistory *history)
{
  _icc_window_update_title (self);

  /* Undone back to what the file holds: nothing to recover. */
  if (!icc_history_get_modified (history))
    {
      g_clear_handle_id (&self->autosave_source, g_source_remove);
      self->first_unsaved = 0;
      icc_recovery_remove (self->recovery_dir, icc_dataset_get_file (self->dataset), NULL);
    }
}

gboolean
icc_window_perform (IccWindow  *self,
                    IccEdit    *edit,
                    GError    **error)
{
  g_return_val_if_fail (ICC_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (ICC_IS_EDIT (edit), FALSE);

  if (self->history == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("There is no dataset to edit."));
      return FALSE;
    }

  return icc_history_perform (self->history, edit, error);
}

void
_icc_window_perform_or_show (IccWindow *self,
                 IccEdit   *edit)
{
  g_autoptr(GError) error = NULL;

  if (!icc_window_perform (self, edit, &error))
    _icc_window_show_message (self, _("The change could not be made"), error->message);
}

/* Performs what @dialog confirmed (@edit NULL: nothing changed) and closes
 * it, or leaves it open saying why the dataset refused. */
void
_icc_window_perform_from_dialog (IccWindow     *self,
                     IccEdit       *edit,
                     GtkWindow     *dialog,
                     IccShowErrorFunc  show_error)
{
  g_autoptr(GError) error = NULL;

  if (edit != NULL && !icc_window_perform (self, edit, &error))
    {
      show_error (dialog, error->message);
      return;
    }

  gtk_window_destroy (dialog);
}

/* The history of a new dataset. */
void
_icc_window_edit_set_dataset (IccWindow *self)
{
  /* The tour editor edits the old dataset's history. */
  if (self->tour_editor != NULL)
    gtk_window_destroy (GTK_WINDOW (self->tour_editor));
  g_clear_weak_pointer (&self->tour_editor);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->history);
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  self->first_unsaved = 0;

  if (self->dataset != NULL)
    {
      self->history = icc_history_new (self->dataset);
      g_signal_connect_object (self->history, "changed",
                               G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->history, "notify::modified",
                               G_CALLBACK (history_modified_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->history, "notify::can-undo",
                               G_CALLBACK (_icc_window_update_actions), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->history, "notify::can-redo",
                               G_CALLBACK (_icc_window_update_actions), self, G_CONNECT_SWAPPED);
    }
}

IccHistory *
icc_window_get_history (IccWindow *self)
{
  g_return_val_if_fail (ICC_IS_WINDOW (self), NULL);
  return self->history;
}

/* Undo and redo */

static void
undo_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  IccWindow *self = user_data;

  if (self->history != NULL)
    icc_history_undo (self->history);
}

static void
redo_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  IccWindow *self = user_data;

  if (self->history != NULL)
    icc_history_redo (self->history);
}

/* Events */

static void
editor_confirmed_cb (IccWindow      *self,
                     IccEvent       *draft,
                     IccEventEditor *editor)
{
  IccEvent *event = icc_event_editor_get_event (editor);
  IccCitation *citation = g_object_get_data (G_OBJECT (editor), "icc-citation");
  g_autoptr(IccEdit) edit = NULL;

  if (self->dataset == NULL)
    return;

  if (event != NULL)
    {
      /* Nothing changed: nothing to undo. */
      if (icc_event_fields_equal (event, draft))
        {
          gtk_window_destroy (GTK_WINDOW (editor));
          return;
        }
      edit = icc_edit_new_set_event (event, draft);
    }
  else if (citation != NULL && icc_citation_get_event (citation) == NULL)
    {
      /* "New Event from Selection": the event and its citation, one step. */
      g_autoptr(IccEdit) add_event = icc_edit_new_add_event (draft);
      g_autoptr(IccEdit) add_citation = icc_edit_new_add_citation (draft, citation);

      edit = icc_edit_new_group (_("Cite in New Event"));
      icc_edit_group_add (edit, add_event);
      icc_edit_group_add (edit, add_citation);
    }
  else
    edit = icc_edit_new_add_event (draft);

  _icc_window_perform_from_dialog (self, edit, GTK_WINDOW (editor), (IccShowErrorFunc)icc_event_editor_show_error);
}

/* Opens the event editor on @event (NULL: a new event, from @prefill). */
GtkWidget *
icc_window_open_event_editor (IccWindow *self,
                              IccEvent  *event,
                              IccEvent  *prefill)
{
  GtkWidget *editor;

  g_return_val_if_fail (ICC_IS_WINDOW (self), NULL);

  if (self->dataset == NULL)
    return NULL;

  editor = icc_event_editor_new (GTK_WINDOW (self), self->dataset, event, prefill);
  g_signal_connect_object (editor, "confirmed",
                           G_CALLBACK (editor_confirmed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));

  return editor;
}

static void
new_event_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  IccWindow *self = user_data;
  g_autoptr(IccEvent) prefill = NULL;
  const IccDate *date = icc_focus_get_date (self->focus);
  IccState *state = icc_focus_get_state (self->focus);

  /* On the cursor's date, about the selected state. */
  if (date != NULL && icc_date_is_set (date))
    {
      prefill = icc_event_new ("", ICC_EVENT_KIND_STATEMENT, date);
      if (state != NULL)
        {
          const char *codes[] = { icc_state_get_code (state), NULL };

          icc_event_set_states (prefill, codes);
        }
    }

  icc_window_open_event_editor (self, NULL, prefill);
}

static void
edit_event_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  IccWindow *self = user_data;
  IccEvent *event = icc_focus_get_event (self->focus);

  if (event != NULL)
    icc_window_open_event_editor (self, event, NULL);
}

static void
delete_event_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  IccWindow *self = user_data;
  IccEvent *event = icc_focus_get_event (self->focus);
  g_autoptr(IccEdit) edit = NULL;

  if (event == NULL || self->dataset == NULL)
    return;

  /* No question asked: Undo brings it back, citations and steps too. */
  edit = icc_edit_new_remove_event (self->dataset, event);
  _icc_window_perform_or_show (self, edit);
}

/* Tours: one editor per window, hidden when closed, so that it remembers
 * the tour it showed. */

static GtkWidget *
open_tour_editor (IccWindow *self)
{
  if (self->tour_editor == NULL)
    {
      GtkWidget *editor = icc_tour_editor_new (GTK_WINDOW (self), self->history, self->focus);

      g_set_weak_pointer (&self->tour_editor, editor);
    }
  gtk_window_present (GTK_WINDOW (self->tour_editor));

  return self->tour_editor;
}

static void
new_tour_action (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  IccWindow *self = user_data;

  if (self->history != NULL)
    gtk_widget_activate_action (open_tour_editor (self), "tours.new", NULL);
}

static void
edit_tours_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  IccWindow *self = user_data;

  if (self->history != NULL)
    open_tour_editor (self);
}

/* The selected event at the end of the tour the editor shows, or the first
 * tour, or a new one. */
static void
add_to_tour_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  IccWindow *self = user_data;
  IccEvent *event = icc_focus_get_event (self->focus);
  GListModel *tours;
  g_autoptr(IccTour) tour = NULL;
  g_autoptr(IccEdit) edit = NULL;

  if (event == NULL || self->history == NULL)
    return;

  tours = icc_dataset_get_tours (self->dataset);
  if (self->tour_editor != NULL &&
      icc_tour_editor_get_tour (ICC_TOUR_EDITOR (self->tour_editor)) != NULL)
    tour = g_object_ref (icc_tour_editor_get_tour (ICC_TOUR_EDITOR (self->tour_editor)));
  else if (g_list_model_get_n_items (tours) > 0)
    tour = g_list_model_get_item (tours, 0);

  if (tour != NULL)
    edit = icc_edit_new_insert_step (tour, icc_tour_get_n_steps (tour),
                                     icc_event_get_id (event), NULL, NULL);
  else
    {
      g_autofree char *id = icc_dataset_make_unique_id (self->dataset, "tour");
      g_autoptr(IccTour) new_tour = icc_tour_new (id, _("Untitled Tour"));
      g_autoptr(IccEdit) add_tour = icc_edit_new_add_tour (new_tour);
      g_autoptr(IccEdit) add_step = icc_edit_new_insert_step (new_tour, 0, icc_event_get_id (event),
                                                              NULL, NULL);

      /* "Undo New Tour": the tour goes with its step. */
      edit = icc_edit_new_group (_("New Tour"));
      icc_edit_group_add (edit, add_tour);
      icc_edit_group_add (edit, add_step);
    }

  _icc_window_perform_or_show (self, edit);
}

/* Closing with unsaved changes: Save, Discard or Cancel. */

static void
close_response_cb (GtkDialog *dialog,
                   int        response,
                   IccWindow *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));

  switch (response)
    {
    case GTK_RESPONSE_ACCEPT:
      /* Closes once saved (see _icc_window_edit_saved()). */
      self->close_after_save = TRUE;
      g_action_group_activate_action (G_ACTION_GROUP (self), "save", NULL);
      break;

    case GTK_RESPONSE_REJECT:
      icc_recovery_remove (self->recovery_dir, icc_dataset_get_file (self->dataset), NULL);
      self->discarded = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      break;

    default:
      break;
    }
}

/* Returns TRUE to keep the window open (a question is asked). */
gboolean
_icc_window_edit_close_request (IccWindow *self)
{
  g_autofree char *primary = NULL;
  GtkWidget *dialog;
  GtkWidget *button;
  const char *title;

  if (self->discarded || self->history == NULL || !icc_history_get_modified (self->history))
    return FALSE;

  title = icc_dataset_get_title (self->dataset);
  /* TRANSLATORS: %s is the dataset's title. */
  primary = g_strdup_printf (_("Save changes to “%s”?"),
                             title != NULL && *title != '\0' ? title : _("the dataset"));

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, "%s", primary);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("Changes not saved are lost."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Discard"), GTK_RESPONSE_REJECT);
  gtk_widget_add_css_class (button, "destructive-action");
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Save"), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

/* Set-up */

static const GActionEntry edit_actions[] = {
  { "undo", undo_action },
  { "redo", redo_action },
  { "new-event", new_event_action },
  { "edit-event", edit_event_action },
  { "delete-event", delete_event_action },
  { "new-tour", new_tour_action },
  { "add-to-tour", add_to_tour_action },
  { "edit-tours", edit_tours_action },
};

void
_icc_window_edit_add_actions (IccWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), edit_actions,
                                   G_N_ELEMENTS (edit_actions), self);
  _icc_window_articles_add_actions (self);
  self->recovery_dir = icc_recovery_get_dir ();
}

/* Called with the other actions' sensitivity (busy, dataset, focus). */
void
_icc_window_edit_update_actions (IccWindow *self)
{
  gboolean editable = self->history != NULL && self->busy == 0;
  gboolean has_event = editable && icc_focus_get_event (self->focus) != NULL;

  _icc_window_set_action_enabled (self, "undo", editable && icc_history_can_undo (self->history));
  _icc_window_set_action_enabled (self, "redo", editable && icc_history_can_redo (self->history));
  _icc_window_set_action_enabled (self, "new-event", editable);
  _icc_window_set_action_enabled (self, "edit-event", has_event);
  _icc_window_set_action_enabled (self, "delete-event", has_event);
  _icc_window_set_action_enabled (self, "new-tour", editable);
  _icc_window_set_action_enabled (self, "add-to-tour", has_event);
  _icc_window_set_action_enabled (self, "edit-tours", editable);
  _icc_window_articles_update_actions (self, editable);
}

void
_icc_window_edit_dispose (IccWindow *self)
{
  if (self->tour_editor != NULL)
    gtk_window_destroy (GTK_WINDOW (self->tour_editor));
  g_clear_weak_pointer (&self->tour_editor);
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->history);
  g_clear_pointer (&self->recovery_dir, g_free);
}
