/* icc-window-edit.c: editing in the window
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The history of the window's dataset (undo, redo, modified), the commands
 * that edit events and articles, what closing with unsaved changes asks,
 * and the recovery file that keeps unsaved edits through a crash. Every
 * edit goes through icc_window_perform(); the views follow the dataset's
 * ::indexed signal and its list models by themselves.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "icc-article-editor.h"
#include "icc-article-import.h"
#include "icc-cite-dialog.h"
#include "icc-dataset-json.h"
#include "icc-event-editor.h"
#include "icc-recovery.h"
#include "icc-tour-editor.h"
#include "icc-window-private.h"

/* Unsaved edits reach the recovery file this long after the last change,
 * and never later than AUTOSAVE_MAX_DELAY after the first unsaved one. */
#define AUTOSAVE_DELAY_MS     2000
#define AUTOSAVE_MAX_DELAY_US (8 * G_USEC_PER_SEC)

static void schedule_autosave (IccWindow *self);

/* Messages */

static void
show_message (IccWindow  *self,
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

static gboolean
event_in_dataset (IccWindow *self,
                  IccEvent  *event)
{
  return event != NULL &&
         icc_dataset_lookup_event (self->dataset, icc_event_get_id (event)) == event;
}

static gboolean
article_in_dataset (IccWindow  *self,
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
      (!event_in_dataset (self, icc_citation_get_event (citation)) ||
       !article_in_dataset (self, icc_citation_get_article (citation))))
    icc_focus_set_citation (self->focus, NULL);
  if (icc_focus_get_event (self->focus) != NULL &&
      !event_in_dataset (self, icc_focus_get_event (self->focus)))
    icc_focus_set_event (self->focus, NULL);
  if (icc_focus_get_article (self->focus) != NULL &&
      !article_in_dataset (self, icc_focus_get_article (self->focus)))
    icc_focus_set_article (self->focus, NULL);

  if (ICC_IS_EVENT (subject) && event_in_dataset (self, ICC_EVENT (subject)))
    icc_focus_set_event (self->focus, ICC_EVENT (subject));
  else if (ICC_IS_CITATION (subject) &&
           event_in_dataset (self, icc_citation_get_event (ICC_CITATION (subject))))
    {
      icc_focus_set_event (self->focus, icc_citation_get_event (ICC_CITATION (subject)));
      if (icc_citation_get_article (ICC_CITATION (subject)) != NULL)
        icc_focus_set_citation (self->focus, ICC_CITATION (subject));
    }
  else if (ICC_IS_ARTICLE (subject) && article_in_dataset (self, ICC_ARTICLE (subject)))
    icc_focus_set_article (self->focus, ICC_ARTICLE (subject));
}

static void
history_changed_cb (IccWindow  *self,
                    IccEdit    *edit,
                    gboolean    undone,
                    IccHistory *history)
{
  show_subject (self, edit);
  schedule_autosave (self);
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

static void
perform_or_show (IccWindow *self,
                 IccEdit   *edit)
{
  g_autoptr(GError) error = NULL;

  if (!icc_window_perform (self, edit, &error))
    show_message (self, _("The change could not be made"), error->message);
}

typedef void (*ShowErrorFunc) (gpointer    dialog,
                               const char *message);

/* Performs what @dialog confirmed (@edit NULL: nothing changed) and closes
 * it, or leaves it open saying why the dataset refused. */
static void
perform_from_dialog (IccWindow     *self,
                     IccEdit       *edit,
                     GtkWindow     *dialog,
                     ShowErrorFunc  show_error)
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

  perform_from_dialog (self, edit, GTK_WINDOW (editor), (ShowErrorFunc)icc_event_editor_show_error);
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
  perform_or_show (self, edit);
}

/* Articles */

/* @article with an id the dataset does not use yet (ids are fixed when an
 * article is made, so a taken one means a copy). */
static IccArticle *
article_with_unique_id (IccWindow  *self,
                        IccArticle *article)
{
  g_autofree char *id = icc_dataset_make_unique_id (self->dataset, icc_article_get_id (article));
  IccArticle *copy;

  if (g_strcmp0 (id, icc_article_get_id (article)) == 0)
    return g_object_ref (article);

  copy = icc_article_new (id);
  icc_article_set_title (copy, icc_article_get_title (article));
  icc_article_set_outlet (copy, icc_article_get_outlet (article));
  icc_article_set_author (copy, icc_article_get_author (article));
  icc_article_set_date (copy, icc_article_get_date (article));
  icc_article_set_url (copy, icc_article_get_url (article));
  icc_article_set_text (copy, icc_article_get_text (article));
  icc_article_set_edit_note (copy, icc_article_get_edit_note (article));

  return copy;
}

/* Adds an imported or pasted article and opens it in the reader. */
static void
add_article (IccWindow  *self,
             IccArticle *imported)
{
  g_autoptr(IccArticle) article = NULL;
  g_autoptr(IccEdit) edit = NULL;

  if (self->dataset == NULL)
    return;

  article = article_with_unique_id (self, imported);
  edit = icc_edit_new_add_article (article);
  perform_or_show (self, edit);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(IccWindow) self = user_data;
  g_autoptr(IccArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  GFile *file = G_FILE (g_task_get_task_data (G_TASK (result)));

  article = icc_article_import_file_finish (result, &error);

  /* The window was closed meanwhile. */
  if (self->focus == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  _icc_window_set_busy (self, FALSE);

  if (article == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      /* TRANSLATORS: %s is a file name. */
      g_autofree char *primary = g_strdup_printf (_("Could not import “%s”"), name);

      show_message (self, primary, error->message);
      return;
    }

  add_article (self, article);
}

void
icc_window_import_article (IccWindow *self,
                           GFile     *file)
{
  g_return_if_fail (ICC_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  _icc_window_set_busy (self, TRUE);
  icc_article_import_file_async (file, self->cancellable, import_done_cb, g_object_ref (self));
}

static void
import_response_cb (IccWindow            *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        icc_window_import_article (self, file);
    }

  g_clear_object (&self->chooser);
}

static void
import_article_action (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  IccWindow *self = user_data;
  g_autoptr(GtkFileFilter) articles = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooser *chooser;

  if (self->chooser != NULL || self->dataset == NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Import an Article"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (import_response_cb), self, G_CONNECT_SWAPPED);
  chooser = GTK_FILE_CHOOSER (self->chooser);

  gtk_file_filter_set_name (articles, _("Articles (text, Markdown, web pages)"));
  gtk_file_filter_add_mime_type (articles, "text/plain");
  gtk_file_filter_add_mime_type (articles, "text/markdown");
  gtk_file_filter_add_mime_type (articles, "text/html");
  gtk_file_filter_add_suffix (articles, "txt");
  gtk_file_filter_add_suffix (articles, "md");
  gtk_file_filter_add_suffix (articles, "html");
  gtk_file_filter_add_suffix (articles, "htm");
  gtk_file_chooser_add_filter (chooser, articles);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);

  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
paste_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(IccWindow) self = user_data;
  g_autofree char *text = NULL;
  g_autoptr(IccArticle) article = NULL;
  g_autoptr(GError) error = NULL;

  text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  if (self->focus == NULL)
    return;

  if (text != NULL)
    article = icc_article_new_from_text (text, &error);
  else if (error == NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                         _("The clipboard holds no text."));

  if (article == NULL)
    {
      show_message (self, _("Could not paste an article"), error->message);
      return;
    }

  add_article (self, article);
}

static void
paste_article_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  IccWindow *self = user_data;
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));

  if (self->dataset == NULL)
    return;

  gdk_clipboard_read_text_async (clipboard, self->cancellable, paste_done_cb, g_object_ref (self));
}

static gboolean
article_metadata_equal (IccArticle *a,
                        IccArticle *b)
{
  return g_strcmp0 (icc_article_get_title (a), icc_article_get_title (b)) == 0 &&
         g_strcmp0 (icc_article_get_outlet (a), icc_article_get_outlet (b)) == 0 &&
         g_strcmp0 (icc_article_get_author (a), icc_article_get_author (b)) == 0 &&
         icc_date_equal (icc_article_get_date (a), icc_article_get_date (b)) &&
         g_strcmp0 (icc_article_get_url (a), icc_article_get_url (b)) == 0 &&
         g_strcmp0 (icc_article_get_edit_note (a), icc_article_get_edit_note (b)) == 0;
}

static void
article_editor_confirmed_cb (IccWindow        *self,
                             IccArticle       *draft,
                             IccArticleEditor *editor)
{
  IccArticle *article = icc_article_editor_get_article (editor);
  g_autoptr(IccEdit) edit = NULL;

  if (self->dataset == NULL || !article_in_dataset (self, article))
    return;

  if (!article_metadata_equal (article, draft))
    edit = icc_edit_new_set_article (article, draft);

  perform_from_dialog (self, edit, GTK_WINDOW (editor), (ShowErrorFunc)icc_article_editor_show_error);
}

/* Edit Article on the article open in the reader. */
GtkWidget *
icc_window_edit_article (IccWindow *self)
{
  IccArticle *article = icc_focus_get_article (self->focus);
  GtkWidget *editor;

  if (self->dataset == NULL || article == NULL)
    return NULL;

  editor = icc_article_editor_new (GTK_WINDOW (self), article);
  g_signal_connect_object (editor, "confirmed",
                           G_CALLBACK (article_editor_confirmed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));

  return editor;
}

static void
edit_article_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  icc_window_edit_article (user_data);
}

static guint
count_citations_of (IccWindow  *self,
                    IccArticle *article)
{
  GListModel *events = icc_dataset_get_events (self->dataset);
  const char *id = icc_article_get_id (article);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(IccEvent) event = g_list_model_get_item (events, i);
      GListModel *citations;

      if (icc_event_get_n_citations (event) == 0)
        continue;
      citations = icc_event_get_citations (event);
      for (guint j = 0; j < g_list_model_get_n_items (citations); j++)
        {
          g_autoptr(IccCitation) citation = g_list_model_get_item (citations, j);

          n += g_strcmp0 (icc_citation_get_article_id (citation), id) == 0;
        }
    }

  return n;
}

static void
delete_article_response_cb (GtkDialog *dialog,
                            int        response,
                            IccWindow *self)
{
  IccArticle *article = g_object_get_data (G_OBJECT (dialog), "article");

  if (response == GTK_RESPONSE_ACCEPT && self->dataset != NULL &&
      article_in_dataset (self, article))
    {
      g_autoptr(IccEdit) edit = icc_edit_new_remove_article (self->dataset, article);

      perform_or_show (self, edit);
    }

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
delete_article_action (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  IccWindow *self = user_data;
  IccArticle *article = icc_focus_get_article (self->focus);
  g_autofree char *primary = NULL;
  g_autofree char *secondary = NULL;
  GtkWidget *dialog;
  GtkWidget *button;
  guint n;

  if (article == NULL || self->dataset == NULL)
    return;

  n = count_citations_of (self, article);
  /* TRANSLATORS: %s is an article's title. */
  primary = g_strdup_printf (_("Delete “%s”?"), icc_article_get_title (article));
  if (n > 0)
    secondary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Its %u citation is deleted with it. Undo brings both back.",
                                              "Its %u citations are deleted with it. Undo brings them all back.",
                                              n), n);
  else
    secondary = g_strdup (_("No event cites it. Undo brings it back."));

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, "%s", primary);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Delete"), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_object_set_data_full (G_OBJECT (dialog), "article", g_object_ref (article), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_article_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Citations */

static GtkTextBuffer *
reader_buffer (IccWindow *self)
{
  return gtk_text_view_get_buffer (icc_reader_get_text_view (self->reader));
}

static void
cite_confirmed_cb (IccWindow     *self,
                   IccEvent      *event,
                   int            stance,
                   const char    *note,
                   IccCiteDialog *dialog)
{
  IccCitation *citation = g_object_get_data (G_OBJECT (dialog), "icc-citation");
  g_autoptr(IccEdit) edit = NULL;

  if (self->dataset == NULL || citation == NULL)
    return;

  /* A new citation is in no event yet: its fields are set directly. */
  icc_citation_set_stance (citation, stance);
  icc_citation_set_note (citation, note);

  if (event == NULL)
    {
      IccArticle *article = icc_citation_get_article (citation);
      const IccDate *date = article != NULL ? icc_article_get_date (article) : NULL;
      g_autoptr(IccEvent) prefill = NULL;
      IccState *state = icc_focus_get_state (self->focus);
      GtkWidget *editor;

      /* On the article's date, the passage as its summary. */
      if (date == NULL || !icc_date_is_set (date))
        date = icc_focus_get_date (self->focus);
      prefill = icc_event_new ("", ICC_EVENT_KIND_STATEMENT, date);
      icc_event_set_summary (prefill, icc_citation_get_quote (citation));
      if (state != NULL)
        {
          const char *codes[] = { icc_state_get_code (state), NULL };

          icc_event_set_states (prefill, codes);
        }

      editor = icc_window_open_event_editor (self, NULL, prefill);
      if (editor != NULL)
        g_object_set_data_full (G_OBJECT (editor), "icc-citation",
                                g_object_ref (citation), g_object_unref);
      gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }

  edit = icc_edit_new_add_citation (event, citation);
  perform_from_dialog (self, edit, GTK_WINDOW (dialog), (ShowErrorFunc)icc_cite_dialog_show_error);
}

/* Cite… on the reader's selection (also from its context menu). */
GtkWidget *
icc_window_cite_selection (IccWindow *self)
{
  IccArticle *article = icc_focus_get_article (self->focus);
  g_autoptr(IccCitation) citation = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextIter start, end;
  GtkWidget *dialog;

  if (self->dataset == NULL || article == NULL ||
      !gtk_text_buffer_get_selection_bounds (reader_buffer (self), &start, &end))
    return NULL;

  citation = icc_citation_new_for_range (article,
                                         gtk_text_iter_get_offset (&start),
                                         gtk_text_iter_get_offset (&end),
                                         &error);
  if (citation == NULL)
    {
      show_message (self, _("The selection cannot be cited"), error->message);
      return NULL;
    }
  icc_citation_set_article (citation, article);

  dialog = icc_cite_dialog_new (GTK_WINDOW (self), self->dataset,
                                icc_citation_get_quote (citation),
                                icc_focus_get_event (self->focus), NULL);
  g_object_set_data_full (G_OBJECT (dialog), "icc-citation",
                          g_steal_pointer (&citation), g_object_unref);
  g_signal_connect_object (dialog, "confirmed",
                           G_CALLBACK (cite_confirmed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static void
cite_selection_action (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  icc_window_cite_selection (user_data);
}

static void
edit_citation_confirmed_cb (IccWindow     *self,
                            IccEvent      *event,
                            int            stance,
                            const char    *note,
                            IccCiteDialog *dialog)
{
  IccCitation *citation = g_object_get_data (G_OBJECT (dialog), "icc-citation");
  g_autoptr(IccEdit) edit = NULL;

  if (citation == NULL || icc_citation_get_event (citation) == NULL)
    return;

  if ((int)icc_citation_get_stance (citation) == stance &&
      g_strcmp0 (icc_citation_get_note (citation), note) == 0)
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }

  edit = icc_edit_new_set_citation (citation, stance, note);
  perform_from_dialog (self, edit, GTK_WINDOW (dialog), (ShowErrorFunc)icc_cite_dialog_show_error);
}

static void
edit_citation_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  IccWindow *self = user_data;
  IccCitation *citation = icc_focus_get_citation (self->focus);
  GtkWidget *dialog;

  if (self->dataset == NULL || citation == NULL || icc_citation_get_event (citation) == NULL)
    return;

  dialog = icc_cite_dialog_new (GTK_WINDOW (self), self->dataset, NULL, NULL, citation);
  g_object_set_data_full (G_OBJECT (dialog), "icc-citation",
                          g_object_ref (citation), g_object_unref);
  g_signal_connect_object (dialog, "confirmed",
                           G_CALLBACK (edit_citation_confirmed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_citation_action (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  IccWindow *self = user_data;
  IccCitation *citation = icc_focus_get_citation (self->focus);
  g_autoptr(IccEdit) edit = NULL;

  if (self->dataset == NULL || citation == NULL || icc_citation_get_event (citation) == NULL)
    return;

  edit = icc_edit_new_remove_citation (citation);
  perform_or_show (self, edit);
}

static void
selection_changed_cb (IccWindow  *self)
{
  _icc_window_update_actions (self);
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

  perform_or_show (self, edit);
}

/* Recovery: unsaved edits written a few seconds after the last change. */

static void
autosave_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not keep unsaved changes in the recovery folder: %s", error->message);
}

static void
autosave_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  JsonNode *root = task_data;
  const char *dir = g_object_get_data (G_OBJECT (task), "dir");
  GFile *file = g_object_get_data (G_OBJECT (task), "file");
  const char *title = g_object_get_data (G_OBJECT (task), "title");
  g_autoptr(GBytes) data = NULL;
  GError *error = NULL;
  gsize length;
  char *text;

  text = icc_dataset_json_to_data (root, &length);
  data = g_bytes_new_take (text, length);

  if (icc_recovery_write (dir, file, title, data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Writes the recovery file now: the JSON tree is made here, where the
 * dataset lives; its bytes and the file on a worker thread. */
void
icc_window_write_recovery (IccWindow *self)
{
  g_autoptr(GTask) task = NULL;
  GFile *file;

  g_return_if_fail (ICC_IS_WINDOW (self));

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  self->first_unsaved = 0;

  if (self->history == NULL || !icc_history_get_modified (self->history))
    return;

  file = icc_dataset_get_file (self->dataset);

  /* Not the window's cancellable: what is written at closing must finish. */
  task = g_task_new (NULL, NULL, autosave_done_cb, NULL);
  g_task_set_source_tag (task, icc_window_write_recovery);
  g_task_set_task_data (task, icc_dataset_to_json (self->dataset), (GDestroyNotify)json_node_unref);
  g_object_set_data_full (G_OBJECT (task), "dir", g_strdup (self->recovery_dir), g_free);
  if (file != NULL)
    g_object_set_data_full (G_OBJECT (task), "file", g_object_ref (file), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "title",
                          g_strdup (icc_dataset_get_title (self->dataset)), g_free);
  g_task_run_in_thread (task, autosave_thread);
}

static gboolean
autosave_cb (gpointer data)
{
  IccWindow *self = data;

  self->autosave_source = 0;
  icc_window_write_recovery (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_autosave (IccWindow *self)
{
  gint64 now = g_get_monotonic_time ();
  guint delay = AUTOSAVE_DELAY_MS;

  if (self->history == NULL || !icc_history_get_modified (self->history))
    return;

  if (self->first_unsaved == 0)
    self->first_unsaved = now;

  /* Edits every second must not put it off for ever. */
  if (now - self->first_unsaved + (gint64)delay * 1000 > AUTOSAVE_MAX_DELAY_US)
    delay = (guint)MAX (0, (AUTOSAVE_MAX_DELAY_US - (now - self->first_unsaved)) / 1000);

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  self->autosave_source = g_timeout_add (delay, autosave_cb, self);
}

/* After a save succeeded: the file holds the edits. */
void
_icc_window_edit_saved (IccWindow *self,
                        GFile     *old_file)
{
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  self->first_unsaved = 0;

  /* The recovery file went by the old name (none: untitled). */
  icc_recovery_remove (self->recovery_dir, old_file, NULL);
  if (self->dataset != NULL)
    icc_recovery_remove (self->recovery_dir, icc_dataset_get_file (self->dataset), NULL);

  if (self->close_after_save)
    gtk_window_destroy (GTK_WINDOW (self));
}

/* Restoring what a crashed session left. */

static void
restore_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  IccWindow *self = ICC_WINDOW (object);
  IccRecoveryEntry *entry = g_task_get_task_data (G_TASK (result));
  g_autoptr(IccDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  dataset = g_task_propagate_pointer (G_TASK (result), &error);
  if (self->focus == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  _icc_window_set_busy (self, FALSE);

  if (dataset == NULL)
    {
      /* Kept: it may be worth more to the user than this message. */
      show_message (self, _("Could not restore the unsaved changes"), error->message);
      return;
    }

  if (entry->uri != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (entry->uri);

      icc_dataset_set_file (dataset, file);
    }

  icc_window_set_dataset (self, dataset);
  icc_history_set_unsaved (self->history);

  /* Ours now: written again under this process, over the old one (same
   * file, same name); one left under another name goes. */
  icc_window_write_recovery (self);
  {
    g_autofree char *ours = icc_recovery_get_data_path (self->recovery_dir,
                                                        icc_dataset_get_file (dataset));

    if (g_strcmp0 (ours, entry->data_path) != 0)
      icc_recovery_entry_remove (entry, NULL);
  }
}

static void
restore_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  IccRecoveryEntry *entry = task_data;
  g_autoptr(GFile) file = g_file_new_for_path (entry->data_path);
  IccDataset *dataset;
  GError *error = NULL;

  dataset = icc_dataset_load_file (file, NULL, cancellable, &error);
  if (dataset == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, dataset, g_object_unref);
}

static IccRecoveryEntry *
entry_copy (const IccRecoveryEntry *entry)
{
  IccRecoveryEntry *copy = g_new0 (IccRecoveryEntry, 1);

  copy->data_path = g_strdup (entry->data_path);
  copy->uri = g_strdup (entry->uri);
  copy->title = g_strdup (entry->title);
  copy->written = entry->written;
  copy->pid = entry->pid;

  return copy;
}

void
icc_window_restore_recovery (IccWindow              *self,
                             const IccRecoveryEntry *entry)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ICC_IS_WINDOW (self));
  g_return_if_fail (entry != NULL);

  task = g_task_new (self, self->cancellable, restore_done_cb, NULL);
  g_task_set_source_tag (task, icc_window_restore_recovery);
  g_task_set_task_data (task, entry_copy (entry), (GDestroyNotify)icc_recovery_entry_free);
  _icc_window_set_busy (self, TRUE);
  g_task_run_in_thread (task, restore_thread);
}

static void
recovery_response_cb (GtkDialog *dialog,
                      int        response,
                      IccWindow *self)
{
  IccRecoveryEntry *entry = g_object_get_data (G_OBJECT (dialog), "entry");

  if (response == GTK_RESPONSE_ACCEPT)
    icc_window_restore_recovery (self, entry);
  else if (response == GTK_RESPONSE_REJECT)
    icc_recovery_entry_remove (entry, NULL);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* At start: offers the newest unsaved edits a crashed session left.
 * Returns whether there were any. */
gboolean
icc_window_offer_recovery (IccWindow *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *time = NULL;
  g_autofree char *what = NULL;
  g_autofree char *secondary = NULL;
  IccRecoveryEntry *entry;
  GtkWidget *dialog;

  g_return_val_if_fail (ICC_IS_WINDOW (self), FALSE);

  entries = icc_recovery_list_orphans (self->recovery_dir);
  if (entries->len == 0)
    return FALSE;

  entry = g_ptr_array_index (entries, 0);
  when = g_date_time_new_from_unix_local (entry->written / G_USEC_PER_SEC);
  time = when != NULL ? g_date_time_format (when, "%c") : g_strdup ("?");

  if (entry->uri != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (entry->uri);

      what = g_file_get_parse_name (file);
    }
  else
    what = g_strdup (entry->title != NULL && *entry->title != '\0'
                     ? entry->title : _("an unsaved dataset"));

  /* TRANSLATORS: the first %s is a file name or a dataset's title, the
   * second a date and time. */
  secondary = g_strdup_printf (_("ICC Tracker stopped before changes to “%s” were saved. "
                                 "They were kept on %s."), what, time);

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   "%s", _("Restore Unsaved Changes?"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Discard"), GTK_RESPONSE_REJECT);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Later"), GTK_RESPONSE_CANCEL);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Restore"), GTK_RESPONSE_ACCEPT);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_object_set_data_full (G_OBJECT (dialog), "entry",
                          g_ptr_array_steal_index (entries, 0),
                          (GDestroyNotify)icc_recovery_entry_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (recovery_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
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
  { "import-article", import_article_action },
  { "paste-article", paste_article_action },
  { "edit-article", edit_article_action },
  { "delete-article", delete_article_action },
  { "cite-selection", cite_selection_action },
  { "edit-citation", edit_citation_action },
  { "delete-citation", delete_citation_action },
  { "new-tour", new_tour_action },
  { "add-to-tour", add_to_tour_action },
  { "edit-tours", edit_tours_action },
};

void
_icc_window_edit_add_actions (IccWindow *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  GtkTextView *text_view = icc_reader_get_text_view (self->reader);

  g_action_map_add_action_entries (G_ACTION_MAP (self), edit_actions,
                                   G_N_ELEMENTS (edit_actions), self);
  self->recovery_dir = icc_recovery_get_dir ();

  /* The reader's context menu cites what is selected. */
  g_menu_append (section, _("C_ite…"), "win.cite-selection");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  gtk_text_view_set_extra_menu (text_view, G_MENU_MODEL (menu));
  g_signal_connect_object (gtk_text_view_get_buffer (text_view), "notify::has-selection",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
set_enabled (IccWindow  *self,
             const char *name,
             gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

/* Called with the other actions' sensitivity (busy, dataset, focus). */
void
_icc_window_edit_update_actions (IccWindow *self)
{
  gboolean editable = self->history != NULL && self->busy == 0;
  gboolean has_event = editable && icc_focus_get_event (self->focus) != NULL;
  gboolean has_article = editable && icc_focus_get_article (self->focus) != NULL;

  set_enabled (self, "undo", editable && icc_history_can_undo (self->history));
  set_enabled (self, "redo", editable && icc_history_can_redo (self->history));
  set_enabled (self, "new-event", editable);
  set_enabled (self, "edit-event", has_event);
  set_enabled (self, "delete-event", has_event);
  set_enabled (self, "import-article", editable);
  set_enabled (self, "paste-article", editable);
  set_enabled (self, "edit-article", has_article);
  set_enabled (self, "delete-article", has_article);
  set_enabled (self, "cite-selection",
               has_article && gtk_text_buffer_get_has_selection (reader_buffer (self)));
  set_enabled (self, "edit-citation", editable && icc_focus_get_citation (self->focus) != NULL);
  set_enabled (self, "delete-citation", editable && icc_focus_get_citation (self->focus) != NULL);
  set_enabled (self, "new-tour", editable);
  set_enabled (self, "add-to-tour", has_event);
  set_enabled (self, "edit-tours", editable);
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
