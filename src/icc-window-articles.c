/* icc-window-articles.c: articles and citations in the window
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Import Article (a worker thread), Paste as New Article, Edit and Delete
 * Article, and citations: Cite… on the reader's selection (for an event, or
 * a new event made from it), Edit and Delete Citation. Every change is an
 * edit performed through icc_window_perform() (icc-window-edit.c).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "icc-article-editor.h"
#include "icc-article-import.h"
#include "icc-cite-dialog.h"
#include "icc-window-private.h"

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
  _icc_window_perform_or_show (self, edit);
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

      _icc_window_show_message (self, primary, error->message);
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
      _icc_window_show_message (self, _("Could not paste an article"), error->message);
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

  if (self->dataset == NULL || !_icc_window_has_article (self, article))
    return;

  if (!article_metadata_equal (article, draft))
    edit = icc_edit_new_set_article (article, draft);

  _icc_window_perform_from_dialog (self, edit, GTK_WINDOW (editor), (IccShowErrorFunc)icc_article_editor_show_error);
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
      _icc_window_has_article (self, article))
    {
      g_autoptr(IccEdit) edit = icc_edit_new_remove_article (self->dataset, article);

      _icc_window_perform_or_show (self, edit);
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

  /* A new citation is in no event yet: its fields are set directly, and
   * adding it is the one edit undo takes back. */
  icc_citation_set_stance (citation, stance);
  icc_citation_set_note (citation, note);
  icc_citation_set_comment (citation, icc_cite_dialog_get_comment (dialog));

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
  _icc_window_perform_from_dialog (self, edit, GTK_WINDOW (dialog), (IccShowErrorFunc)icc_cite_dialog_show_error);
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
      _icc_window_show_message (self, _("The selection cannot be cited"), error->message);
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
  gboolean comment = icc_cite_dialog_get_comment (dialog);
  g_autoptr(IccEdit) edit = NULL;

  if (citation == NULL || icc_citation_get_event (citation) == NULL)
    return;

  if ((int)icc_citation_get_stance (citation) == stance &&
      g_strcmp0 (icc_citation_get_note (citation), note) == 0 &&
      icc_citation_get_comment (citation) == comment)
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }

  edit = icc_edit_new_set_citation_full (citation, stance, note, comment);
  _icc_window_perform_from_dialog (self, edit, GTK_WINDOW (dialog), (IccShowErrorFunc)icc_cite_dialog_show_error);
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
  _icc_window_perform_or_show (self, edit);
}

static void
selection_changed_cb (IccWindow  *self)
{
  _icc_window_update_actions (self);
}

static const GActionEntry article_actions[] = {
  { "import-article", import_article_action },
  { "paste-article", paste_article_action },
  { "edit-article", edit_article_action },
  { "delete-article", delete_article_action },
  { "cite-selection", cite_selection_action },
  { "edit-citation", edit_citation_action },
  { "delete-citation", delete_citation_action },
};

void
_icc_window_articles_add_actions (IccWindow *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  GtkTextView *text_view = icc_reader_get_text_view (self->reader);

  g_action_map_add_action_entries (G_ACTION_MAP (self), article_actions,
                                   G_N_ELEMENTS (article_actions), self);

  /* The reader's context menu cites what is selected. */
  g_menu_append (section, _("C_ite…"), "win.cite-selection");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  gtk_text_view_set_extra_menu (text_view, G_MENU_MODEL (menu));
  g_signal_connect_object (gtk_text_view_get_buffer (text_view), "notify::has-selection",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
}

void
_icc_window_articles_update_actions (IccWindow *self,
                                     gboolean   editable)
{
  gboolean has_article = editable && icc_focus_get_article (self->focus) != NULL;
  gboolean has_citation = editable && icc_focus_get_citation (self->focus) != NULL;

  _icc_window_set_action_enabled (self, "import-article", editable);
  _icc_window_set_action_enabled (self, "paste-article", editable);
  _icc_window_set_action_enabled (self, "edit-article", has_article);
  _icc_window_set_action_enabled (self, "delete-article", has_article);
  _icc_window_set_action_enabled (self, "cite-selection",
                                  has_article && gtk_text_buffer_get_has_selection (reader_buffer (self)));
  _icc_window_set_action_enabled (self, "edit-citation", has_citation);
  _icc_window_set_action_enabled (self, "delete-citation", has_citation);
}
