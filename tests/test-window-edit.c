/* test-window-edit.c: editing in the window: undo, redo, the modified
 * title, articles, saving, closing with unsaved changes, recovery.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include <glib/gstdio.h>
#include <signal.h>
#include <unistd.h>

#include "icc-dataset-json.h"
#include "icc-article-editor.h"
#include "icc-cite-dialog.h"
#include "icc-edit.h"
#include "icc-event-editor.h"
#include "icc-reader.h"
#include "icc-recovery.h"
#include "icc-test-widgets.h"
#include "icc-test-window.h"
#include "icc-window-private.h"

static char *recovery_dir;

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main context until @condition (@data) holds, at most 20 s. */
static void
wait_for (gboolean (*condition) (gpointer),
          gpointer  data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (20000, timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
  g_assert_true (condition (data));
}

static gboolean
not_busy (gpointer data)
{
  return !icc_window_get_busy (data);
}



static GBytes *
save_bytes (IccDataset *dataset)
{
  gsize length = 0;
  char *data = icc_dataset_to_data (dataset, &length);

  return g_bytes_new_take (data, length);
}

static IccEvent *
new_statement (const char *id)
{
  IccDate date = { 2026, 12, 1 };
  const char *states[] = { "HU", NULL };
  IccEvent *event = icc_event_new (id, ICC_EVENT_KIND_STATEMENT, &date);

  icc_event_set_title (event, "A statement this morning");
  icc_event_set_states (event, states);

  return event;
}

/* Undo and redo as window actions, the title's mark of unsaved changes,
 * and the views following without a reload. */
static void
test_undo_redo_title (void)
{
  IccWindow *window = test_new_window ();
  IccDataset *dataset = icc_window_get_dataset (window);
  IccFocus *focus = icc_window_get_focus (window);
  g_autoptr(IccEvent) event = new_statement ("hu-this-morning");
  g_autoptr(IccEdit) edit = icc_edit_new_add_event (event);
  g_autofree char *title = g_strdup (gtk_window_get_title (GTK_WINDOW (window)));
  guint n = g_list_model_get_n_items (icc_dataset_get_events (dataset));
  g_autoptr(GError) error = NULL;

  g_assert_false (test_action_enabled (window, "undo"));
  g_assert_false (test_action_enabled (window, "redo"));
  g_assert_false (g_str_has_prefix (title, "•"));

  g_assert_true (icc_window_perform (window, edit, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (icc_dataset_get_events (dataset)), ==, n + 1);
  /* What was added is shown. */
  g_assert_true (icc_focus_get_event (focus) == event);
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));
  g_assert_true (test_action_enabled (window, "undo"));

  test_activate (window, "undo");
  g_assert_cmpuint (g_list_model_get_n_items (icc_dataset_get_events (dataset)), ==, n);
  g_assert_null (icc_focus_get_event (focus));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);
  g_assert_false (test_action_enabled (window, "undo"));
  g_assert_true (test_action_enabled (window, "redo"));

  test_activate (window, "redo");
  g_assert_true (icc_focus_get_event (focus) == event);
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));

  /* Delete Event on the selection; undo brings it back, selected. */
  test_activate (window, "delete-event");
  g_assert_null (icc_dataset_lookup_event (dataset, "hu-this-morning"));
  g_assert_null (icc_focus_get_event (focus));
  g_assert_false (test_action_enabled (window, "delete-event"));
  test_activate (window, "undo");
  g_assert_true (icc_dataset_lookup_event (dataset, "hu-this-morning") == event);
  g_assert_true (icc_focus_get_event (focus) == event);

  test_destroy_window (window);
}

/* A refused edit changes nothing and says why. */
static void
test_refused_edit (void)
{
  IccWindow *window = test_new_window ();
  IccDate date = { 2016, 12, 1 };
  const char *states[] = { "RU", NULL };
  g_autoptr(IccEvent) event = icc_event_new ("ru-x", ICC_EVENT_KIND_WITHDRAWAL_NOTICE, &date);
  g_autoptr(IccEdit) edit = NULL;
  g_autoptr(GError) error = NULL;

  icc_event_set_states (event, states);
  edit = icc_edit_new_add_event (event);
  g_assert_false (icc_window_perform (window, edit, &error));
  g_assert_error (error, ICC_HISTORY_ERROR, ICC_HISTORY_ERROR_INVALID);
  g_assert_false (test_action_enabled (window, "undo"));
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  test_destroy_window (window);
}

static gboolean
has_article (gpointer data)
{
  IccWindow *window = data;

  return !icc_window_get_busy (window) &&
         icc_focus_get_article (icc_window_get_focus (window)) != NULL &&
         g_str_has_prefix (icc_article_get_id (icc_focus_get_article (icc_window_get_focus (window))),
                           "imported");
}

/* Import Article from a web page: added, opened in the reader, undoable;
 * a second import of the same page gets an id of its own. */
static void
test_import_article (void)
{
  IccWindow *window = test_new_window ();
  IccDataset *dataset = icc_window_get_dataset (window);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", "page.html", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint n = g_list_model_get_n_items (icc_dataset_get_articles (dataset));
  IccArticle *first, *second;
  IccReader *reader;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  icc_window_import_article (window, file);
  wait_for (has_article, window);
  g_assert_cmpuint (g_list_model_get_n_items (icc_dataset_get_articles (dataset)), ==, n + 1);
  first = icc_focus_get_article (icc_window_get_focus (window));

  /* The reader shows it. */
  reader = ICC_READER (find_child (GTK_WIDGET (window), ICC_TYPE_READER));
  buffer = gtk_text_view_get_buffer (icc_reader_get_text_view (reader));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, icc_article_get_text (first));

  icc_focus_set_article (icc_window_get_focus (window), NULL);
  icc_window_import_article (window, file);
  wait_for (has_article, window);
  second = icc_focus_get_article (icc_window_get_focus (window));
  g_assert_true (second != first);
  g_assert_cmpstr (icc_article_get_id (second), !=, icc_article_get_id (first));
  g_assert_cmpuint (g_list_model_get_n_items (icc_dataset_get_articles (dataset)), ==, n + 2);

  test_activate (window, "undo");
  test_activate (window, "undo");
  g_assert_cmpuint (g_list_model_get_n_items (icc_dataset_get_articles (dataset)), ==, n);
  g_assert_null (icc_focus_get_article (icc_window_get_focus (window)));

  test_destroy_window (window);
}

typedef struct
{
  GtkTextBuffer *buffer;
  int            n_chars;
} Filled;

static gboolean
buffer_filled (gpointer data)
{
  Filled *filled = data;

  return gtk_text_buffer_get_char_count (filled->buffer) == filled->n_chars;
}

/* A large article goes into the reader a piece per main-loop turn, whole
 * in the end; undoing its import empties the reader in pieces too. */
static void
test_import_large_article (void)
{
  IccWindow *window = test_new_window ();
  IccDataset *dataset = icc_window_get_dataset (window);
  g_autoptr(GString) text = g_string_new ("A large article\n\n");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  IccReader *reader = ICC_READER (find_child (GTK_WIDGET (window), ICC_TYPE_READER));
  Filled filled = { gtk_text_view_get_buffer (icc_reader_get_text_view (reader)), 0 };
  IccArticle *article;
  GtkTextIter start, end;
  g_autofree char *shown = NULL;
  int fd;

  while (text->len < 3 * 1024 * 1024)
    g_string_append (text, "Une phrase en français, avec des accents : é, è, à, ç.\n\n");
  fd = g_file_open_tmp ("icc-large-XXXXXX.txt", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  file = g_file_new_for_path (path);

  icc_window_import_article (window, file);
  wait_for (has_article, window);
  article = icc_focus_get_article (icc_window_get_focus (window));
  filled.n_chars = (int)g_utf8_strlen (icc_article_get_text (article), -1);

  /* Not all at once... */
  g_assert_cmpint (gtk_text_buffer_get_char_count (filled.buffer), <, filled.n_chars);
  /* ...but all of it, every character whole. */
  wait_for (buffer_filled, &filled);
  gtk_text_buffer_get_bounds (filled.buffer, &start, &end);
  shown = gtk_text_buffer_get_text (filled.buffer, &start, &end, FALSE);
  g_assert_cmpstr (shown, ==, icc_article_get_text (article));

  test_activate (window, "undo");
  g_assert_null (icc_focus_get_article (icc_window_get_focus (window)));
  filled.n_chars = 0;
  wait_for (buffer_filled, &filled);
  g_assert_cmpuint (g_list_model_get_n_items (icc_dataset_get_articles (dataset)), ==, 5);

  test_destroy_window (window);
  g_unlink (path);
}

/* Saving: the file loads as the same model, a second save gives the same
 * bytes, the title loses its mark; a dataset that would not load is not
 * written. */
static void
test_save_and_refuse_invalid (void)
{
  IccWindow *window = test_new_window ();
  IccDataset *dataset = icc_window_get_dataset (window);
  g_autoptr(IccEvent) event = new_statement ("hu-saved");
  g_autoptr(IccEdit) edit = icc_edit_new_add_event (event);
  g_autofree char *dir = g_dir_make_tmp ("icc-save-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "saved.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(IccDataset) loaded = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) reloaded = NULL;
  g_autoptr(IccEvent) bad = NULL;
  g_autoptr(GError) error = NULL;
  IccDate date = { 2020, 1, 1 };
  const char *nowhere[] = { "XX", NULL };

  g_assert_true (icc_window_perform (window, edit, NULL));
  expected = save_bytes (dataset);

  icc_window_save_to_file (window, file);
  wait_for (not_busy, window);
  g_assert_false (icc_history_get_modified (icc_window_get_history (window)));
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));
  g_assert_true (g_file_equal (icc_dataset_get_file (dataset), file));

  g_assert_true (g_file_load_bytes (file, NULL, NULL, NULL) != NULL);
  first = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (first, expected));
  loaded = icc_dataset_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  reloaded = save_bytes (loaded);
  g_assert_true (g_bytes_equal (reloaded, expected));

  icc_window_save_to_file (window, file);
  wait_for (not_busy, window);
  second = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_true (g_bytes_equal (first, second));

  /* An event of an unknown state, put in behind the history's back. */
  bad = icc_event_new ("bad", ICC_EVENT_KIND_STATEMENT, &date);
  icc_event_set_states (bad, nowhere);
  icc_dataset_insert_event (dataset, bad);
  icc_window_save_to_file (window, file);
  wait_for (not_busy, window);
  {
    g_autoptr(GBytes) after = g_file_load_bytes (file, NULL, NULL, &error);

    g_assert_true (g_bytes_equal (after, first));
  }
  /* Not saved: it says so. */
  g_assert_true (icc_history_get_modified (icc_window_get_history (window)));
  icc_dataset_remove_event (dataset, bad);

  test_destroy_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

/* Cite… on a selection: for an existing event, one undo step; the passage
 * is highlighted in the reader. Then Edit Citation and Delete Citation. */
static void
test_cite_selection (void)
{
  IccWindow *window = test_new_window ();
  IccDataset *dataset = icc_window_get_dataset (window);
  IccFocus *focus = icc_window_get_focus (window);
  IccEvent *event = icc_dataset_lookup_event (dataset, "hu-withdrawal-notice");
  IccArticle *article = icc_dataset_lookup_article (dataset, "cnn-2016-11-16");
  IccCiteDialog *dialog;
  IccCitation *citation;
  IccReader *reader;
  guint n = icc_event_get_n_citations (event);
  g_autoptr(GPtrArray) cited = NULL;
  const char *text = icc_article_get_text (article);
  g_autofree char *passage = g_utf8_substring (text, 0, 40);

  /* Nothing selected: nothing to cite. */
  icc_focus_set_article (focus, article);
  g_assert_false (test_action_enabled (window, "cite-selection"));

  test_select_passage (window, "cnn-2016-11-16", passage);
  g_assert_true (test_action_enabled (window, "cite-selection"));

  dialog = ICC_CITE_DIALOG (icc_window_cite_selection (window));
  g_assert_nonnull (dialog);
  icc_cite_dialog_set_search (dialog, "hungary notice");
  g_assert_cmpuint (g_list_model_get_n_items (icc_cite_dialog_get_matches (dialog)), >=, 1);
  icc_cite_dialog_set_event (dialog, event);
  g_assert_true (icc_cite_dialog_get_event (dialog) == event);
  icc_cite_dialog_set_stance (dialog, ICC_STANCE_CONTEXT);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "cite.confirm", NULL));

  g_assert_cmpuint (icc_event_get_n_citations (event), ==, n + 1);
  citation = g_list_model_get_item (icc_event_get_citations (event), n);
  g_object_unref (citation);
  g_assert_cmpint (icc_citation_get_stance (citation), ==, ICC_STANCE_CONTEXT);
  g_assert_true (icc_citation_is_anchored (citation));
  g_assert_true (icc_focus_get_citation (focus) == citation);
  cited = icc_dataset_get_article_citations (dataset, article);
  g_assert_true (g_ptr_array_find (cited, citation, NULL));
  /* The reader lists it with the article's highlights. */
  reader = ICC_READER (find_child (GTK_WIDGET (window), ICC_TYPE_READER));
  g_assert_cmpuint (icc_reader_get_n_orphans (reader), ==, 0);

  /* Edit Citation: the note. */
  test_activate (window, "edit-citation");
  dialog = NULL;
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

        if (ICC_IS_CITE_DIALOG (w))
          dialog = ICC_CITE_DIALOG (w);
      }
  }
  g_assert_nonnull (dialog);
  icc_cite_dialog_set_stance (dialog, ICC_STANCE_DISPUTES);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "cite.confirm", NULL));
  g_assert_cmpint (icc_citation_get_stance (citation), ==, ICC_STANCE_DISPUTES);

  test_activate (window, "delete-citation");
  g_assert_cmpuint (icc_event_get_n_citations (event), ==, n);
  test_activate (window, "undo");
  g_assert_cmpuint (icc_event_get_n_citations (event), ==, n + 1);
  test_activate (window, "undo");
  g_assert_cmpint (icc_citation_get_stance (citation), ==, ICC_STANCE_CONTEXT);
  test_activate (window, "undo");
  g_assert_cmpuint (icc_event_get_n_citations (event), ==, n);
  g_assert_false (icc_history_get_modified (icc_window_get_history (window)));

  test_destroy_window (window);
}

/* Edit Article: metadata changed as one undo step; no change, no step. */
static void
test_edit_article (void)
{
  IccWindow *window = test_new_window ();
  IccDataset *dataset = icc_window_get_dataset (window);
  IccArticle *article = icc_dataset_lookup_article (dataset, "cnn-2016-11-16");
  IccArticleEditor *editor;
  g_autoptr(IccArticle) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strdup (icc_article_get_title (article));
  GtkEditable *title_entry;

  icc_focus_set_article (icc_window_get_focus (window), article);
  g_assert_true (test_action_enabled (window, "edit-article"));

  /* Unchanged: closes, nothing to undo. */
  editor = ICC_ARTICLE_EDITOR (icc_window_edit_article (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "article-editor.confirm", NULL));
  g_assert_false (test_action_enabled (window, "undo"));

  editor = ICC_ARTICLE_EDITOR (icc_window_edit_article (window));
  draft = icc_article_editor_get_draft (editor, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (icc_article_get_title (draft), ==, title);

  /* The editor's first field is the title. */
  title_entry = GTK_EDITABLE (find_child (GTK_WIDGET (editor), GTK_TYPE_ENTRY));
  gtk_editable_set_text (title_entry, "Russia quits, says CNN");
  g_clear_object (&draft);
  draft = icc_article_editor_get_draft (editor, &error);
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "article-editor.confirm", NULL));
  g_assert_cmpstr (icc_article_get_title (article), ==, "Russia quits, says CNN");
  g_assert_cmpstr (icc_history_get_undo_label (icc_window_get_history (window)), ==, "Edit Article");

  test_activate (window, "undo");
  g_assert_cmpstr (icc_article_get_title (article), ==, title);

  test_destroy_window (window);
}

static IccEventEditor *
find_event_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ICC_IS_EVENT_EDITOR (window))
        return ICC_EVENT_EDITOR (window);
    }

  return NULL;
}

/* "New Event from Selection": the editor starts on the article's date with
 * the passage as summary; confirming adds the event and its citation as one
 * step. */
static void
test_cite_in_new_event (void)
{
  IccWindow *window = test_new_window ();
  IccDataset *dataset = icc_window_get_dataset (window);
  IccArticle *article = icc_dataset_lookup_article (dataset, "cnn-2016-11-16");
  IccEventEditor *editor;
  IccCiteDialog *dialog;
  GtkTextBuffer *summary;
  GtkTextIter start, end;
  g_autofree char *summary_text = NULL;
  guint n = g_list_model_get_n_items (icc_dataset_get_events (dataset));
  const char *text = icc_article_get_text (article);
  g_autofree char *passage = g_utf8_substring (text, 0, 30);
  IccEvent *added;
  IccCitation *citation;

  test_select_passage (window, "cnn-2016-11-16", passage);
  dialog = ICC_CITE_DIALOG (icc_window_cite_selection (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "cite.new-event", NULL));

  editor = find_event_editor ();
  g_assert_nonnull (editor);
  g_assert_null (icc_event_editor_get_event (editor));
  summary = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (editor),
                                                                                     ICC_TYPE_EVENT_EDITOR,
                                                                                     "summary_view")));
  gtk_text_buffer_get_bounds (summary, &start, &end);
  summary_text = gtk_text_buffer_get_text (summary, &start, &end, FALSE);
  g_assert_cmpstr (g_strstrip (summary_text), ==, g_strstrip (passage));

  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (editor),
                                                                      ICC_TYPE_EVENT_EDITOR,
                                                                      "title_entry")),
                         "What CNN reported");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.confirm", NULL));
  g_assert_null (find_event_editor ());

  g_assert_cmpuint (g_list_model_get_n_items (icc_dataset_get_events (dataset)), ==, n + 1);
  added = icc_focus_get_event (icc_window_get_focus (window));
  g_assert_nonnull (added);
  g_assert_cmpstr (icc_event_get_title (added), ==, "What CNN reported");
  g_assert_true (icc_date_equal (icc_event_get_date (added), icc_article_get_date (article)));
  g_assert_cmpuint (icc_event_get_n_citations (added), ==, 1);
  citation = g_list_model_get_item (icc_event_get_citations (added), 0);
  g_object_unref (citation);
  g_assert_true (icc_citation_is_anchored (citation));
  g_assert_cmpstr (icc_history_get_undo_label (icc_window_get_history (window)), ==,
                   "Cite in New Event");

  /* One step: both go. */
  test_activate (window, "undo");
  g_assert_cmpuint (g_list_model_get_n_items (icc_dataset_get_events (dataset)), ==, n);
  g_assert_false (test_action_enabled (window, "undo"));

  test_destroy_window (window);
}

static GtkMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_MESSAGE_DIALOG (window))
        return GTK_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static gboolean
recovery_written (gpointer data)
{
  g_autoptr(GPtrArray) entries = icc_recovery_list_orphans (recovery_dir);

  return entries->len > 0;
}

static gboolean
window_gone (gpointer data)
{
  return *(gpointer *)data == NULL;
}

/* Closing with unsaved changes asks; Cancel keeps the window, Discard
 * closes it and drops the recovery file. */
static void
test_close_asks (void)
{
  IccWindow *window = test_new_window ();
  g_autoptr(IccEvent) event = new_statement ("hu-close");
  g_autoptr(IccEdit) edit = icc_edit_new_add_event (event);
  GtkMessageDialog *dialog;
  gpointer weak = window;

  g_assert_true (icc_window_perform (window, edit, NULL));
  icc_window_write_recovery (window);
  wait_for (recovery_written, NULL);

  gtk_window_close (GTK_WINDOW (window));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_assert_null (find_message_dialog ());
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  gtk_window_close (GTK_WINDOW (window));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_REJECT);
  g_object_unref (window);
  wait_for (window_gone, &weak);
  g_assert_false (recovery_written (NULL));
}

static gboolean
recovery_is_ours (gpointer data)
{
  g_autoptr(GPtrArray) entries = icc_recovery_list_orphans (recovery_dir);

  return entries->len == 1 &&
         ((IccRecoveryEntry *)g_ptr_array_index (entries, 0))->pid == (int)getpid ();
}

/* The child of test_recovery_after_kill(): edits, waits for the recovery
 * file the timer writes, and is killed. */
static void
edit_and_get_killed (void)
{
  g_autofree char *expected_path = g_build_filename (recovery_dir, "expected.bytes", NULL);
  IccWindow *window = test_new_window ();
  g_autoptr(IccEvent) event = new_statement ("hu-recovered");
  g_autoptr(IccEdit) edit = icc_edit_new_add_event (event);
  g_autoptr(IccEdit) rename = NULL;
  g_autoptr(GBytes) bytes = NULL;
  IccTour *tour = icc_dataset_lookup_tour (icc_window_get_dataset (window), "russia-2016");

  g_assert_true (icc_window_perform (window, edit, NULL));
  rename = icc_edit_new_set_tour (tour, "My lesson", NULL);
  g_assert_true (icc_window_perform (window, rename, NULL));
  bytes = save_bytes (icc_window_get_dataset (window));
  g_assert_true (g_file_set_contents (expected_path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL));

  /* Written by the timer, within 10 s of the last change. */
  wait_for (recovery_written, NULL);
  kill (getpid (), SIGKILL);
}

/* A process edits and is killed; a new window offers the edits back and
 * restores them exactly. */
static void
test_recovery_after_kill (void)
{
  g_autofree char *expected_path = g_build_filename (recovery_dir, "expected.bytes", NULL);
  g_autoptr(GFile) expected_file = g_file_new_for_path (expected_path);
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) restored = NULL;
  GtkMessageDialog *dialog;
  IccWindow *window;
  IccDataset *before;

  if (g_test_subprocess ())
    {
      edit_and_get_killed ();
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  /* Killed, not passed. */
  g_assert_false (g_test_trap_has_passed ());

  expected = g_file_load_bytes (expected_file, NULL, NULL, NULL);
  g_assert_nonnull (expected);
  g_unlink (expected_path);
  g_assert_true (recovery_written (NULL));

  window = test_new_window ();
  before = icc_window_get_dataset (window);
  g_assert_true (icc_window_offer_recovery (window));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  wait_for (not_busy, window);
  g_assert_true (icc_window_get_dataset (window) != before);

  restored = save_bytes (icc_window_get_dataset (window));
  g_assert_true (g_bytes_equal (restored, expected));
  /* Still unsaved, and undo has nothing to take back. */
  g_assert_true (icc_history_get_modified (icc_window_get_history (window)));
  g_assert_false (test_action_enabled (window, "undo"));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));

  /* The recovery file is this process's now. */
  wait_for (recovery_is_ours, NULL);

  test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* Recovery files of this test stay in a folder of its own, which the
   * subprocess of test_recovery_after_kill() shares. */
  if (g_getenv ("ICC_WINDOW_EDIT_RECOVERY_DIR") != NULL)
    recovery_dir = g_strdup (g_getenv ("ICC_WINDOW_EDIT_RECOVERY_DIR"));
  else
    {
      recovery_dir = g_dir_make_tmp ("icc-window-edit-XXXXXX", &error);
      g_assert_no_error (error);
      g_setenv ("ICC_WINDOW_EDIT_RECOVERY_DIR", recovery_dir, TRUE);
    }
  g_setenv ("ICC_TRACKER_RECOVERY_DIR", recovery_dir, TRUE);

  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/window-edit/undo-redo-title", test_undo_redo_title);
  g_test_add_func ("/window-edit/refused-edit", test_refused_edit);
  g_test_add_func ("/window-edit/import-article", test_import_article);
  g_test_add_func ("/window-edit/import-large-article", test_import_large_article);
  g_test_add_func ("/window-edit/save-and-refuse-invalid", test_save_and_refuse_invalid);
  g_test_add_func ("/window-edit/cite-selection", test_cite_selection);
  g_test_add_func ("/window-edit/edit-article", test_edit_article);
  g_test_add_func ("/window-edit/cite-in-new-event", test_cite_in_new_event);
  g_test_add_func ("/window-edit/close-asks", test_close_asks);
  g_test_add_func ("/window-edit/recovery-after-kill", test_recovery_after_kill);

  status = g_test_run ();

  if (!g_test_subprocess ())
  {
    g_autoptr(GDir) dir = g_dir_open (recovery_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (recovery_dir, name, NULL);

        g_unlink (path);
      }
    g_rmdir (recovery_dir);
    g_free (recovery_dir);
  }

  return status;
}
