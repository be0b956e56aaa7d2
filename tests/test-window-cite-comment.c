/* test-window-cite-comment.c: a reader's comment cited from the Cite
 * dialog (issue 16): the check button sets the new citation's part, the
 * add is one undo step, the file keeps it ("part": "comment"), Edit
 * Citation changes it undoably, and an event with a body citation never
 * shows the comment first.
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
#include "icc-cite-dialog.h"
#include "icc-event-panel.h"
#include "icc-reader.h"
#include "icc-test-widgets.h"
#include "icc-test-window.h"
#include "icc-window-private.h"

#define ARTICLE "blog-russia-withdraws-support"
#define EVENT "ru-signature"
/* How the event panel labels a reader's comment. */
#define COMMENT_LABEL "a reader’s comment"

/* The first reader's comment under the blog post. */
#define COMMENT "By Russia withdrawing its signature from the ICC, this may have an impact"

static gboolean
not_busy (gpointer data)
{
  return !icc_window_get_busy (data);
}

static IccCiteDialog *
find_cite_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ICC_IS_CITE_DIALOG (window))
        return ICC_CITE_DIALOG (window);
    }

  return NULL;
}

static IccCitation *
find_comment_citation (IccEvent *event)
{
  GListModel *citations = icc_event_get_citations (event);

  for (guint i = 0; i < g_list_model_get_n_items (citations); i++)
    {
      g_autoptr(IccCitation) citation = g_list_model_get_item (citations, i);

      if (g_str_has_prefix (icc_citation_get_quote (citation), "By Russia withdrawing"))
        return citation;
    }

  return NULL;
}

static void
test_cite_comment (void)
{
  GtkWidget *panel;
  IccWindow *window = test_new_window ();
  IccDataset *dataset = icc_window_get_dataset (window);
  IccEvent *event = icc_dataset_lookup_event (dataset, EVENT);
  IccCitation *preferred = NULL;
  guint n = icc_event_get_n_citations (event);
  IccCiteDialog *dialog;
  GtkCheckButton *check;
  IccCitation *citation;
  g_autofree char *dir = g_dir_make_tmp ("icc-cite-comment-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "saved.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(IccDataset) loaded = NULL;
  g_autoptr(GError) error = NULL;
  IccCitation *reloaded;
  IccCitation *first;

  g_assert_cmpuint (n, >, 0);
  preferred = icc_event_get_preferred_citation (event, NULL);
  g_assert_nonnull (preferred);
  g_assert_false (icc_citation_get_comment (preferred));

  /* The check button, off for a new citation: the article does not say
   * where its comments start. */
  test_select_passage (window, ARTICLE, COMMENT);
  dialog = ICC_CITE_DIALOG (icc_window_cite_selection (window));
  g_assert_nonnull (dialog);
  check = GTK_CHECK_BUTTON (find_child (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON));
  g_assert_nonnull (check);
  g_assert_true (gtk_check_button_get_use_underline (check));
  g_assert_cmpstr (gtk_check_button_get_label (check), ==,
                   "A _reader’s comment, not the article");
  g_assert_false (gtk_check_button_get_active (check));
  g_assert_false (icc_cite_dialog_get_comment (dialog));
  gtk_check_button_set_active (check, TRUE);
  g_assert_true (icc_cite_dialog_get_comment (dialog));
  icc_cite_dialog_set_event (dialog, event);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "cite.confirm", NULL));
  g_assert_null (find_cite_dialog ());

  g_assert_cmpuint (icc_event_get_n_citations (event), ==, n + 1);
  citation = find_comment_citation (event);
  g_assert_nonnull (citation);
  g_assert_true (icc_citation_get_comment (citation));
  g_assert_true (icc_citation_is_anchored (citation));

  /* The event's body citation still comes first, whatever is open. */
  g_assert_true (icc_event_get_preferred_citation (event, NULL) == preferred);
  first = icc_event_get_preferred_citation (event, icc_citation_get_article (citation));
  g_assert_false (icc_citation_get_comment (first));

  /* Saved as "part": "comment", and read back so. */
  icc_window_save_to_file (window, file);
  g_assert_true (test_wait_until (not_busy, window, 20000));
  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  {
    g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    g_autofree char *quoted = g_regex_escape_string (COMMENT, -1);
    g_autofree char *pattern = g_strconcat ("\"quote\"\\s*:\\s*\"", quoted,
                                            "[^}]*\"part\"\\s*:\\s*\"comment\"", NULL);

    g_assert_true (g_regex_match_simple (pattern, text, 0, 0));
  }
  loaded = icc_dataset_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  reloaded = find_comment_citation (icc_dataset_lookup_event (loaded, EVENT));
  g_assert_nonnull (reloaded);
  g_assert_true (icc_citation_get_comment (reloaded));
  g_assert_true (icc_citation_is_anchored (reloaded));
  first = icc_event_get_preferred_citation (icc_dataset_lookup_event (loaded, EVENT), NULL);
  g_assert_false (icc_citation_get_comment (first));

  /* Edit Citation shows the part and changes it, one undo step. */
  icc_focus_set_citation (icc_window_get_focus (window), citation);
  test_activate (window, "edit-citation");
  dialog = find_cite_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (icc_cite_dialog_get_comment (dialog));
  icc_focus_set_event (icc_window_get_focus (window), event);
  panel = find_child (GTK_WIDGET (window), ICC_TYPE_EVENT_PANEL);
  g_assert_true (has_label_containing (panel, COMMENT_LABEL));
  icc_cite_dialog_set_comment (dialog, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "cite.confirm", NULL));
  g_assert_false (icc_citation_get_comment (citation));
  /* The event panel follows the edit and its undo. */
  g_assert_false (has_label_containing (panel, COMMENT_LABEL));
  test_activate (window, "undo");
  g_assert_true (icc_citation_get_comment (citation));
  g_assert_true (has_label_containing (panel, COMMENT_LABEL));

  /* Undo takes the citation back. */
  test_activate (window, "undo");
  g_assert_cmpuint (icc_event_get_n_citations (event), ==, n);
  g_assert_null (find_comment_citation (event));
  g_assert_true (icc_event_get_preferred_citation (event, NULL) == preferred);

  test_destroy_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *recovery_dir = g_dir_make_tmp ("icc-cite-comment-recovery-XXXXXX", &error);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  int status;

  g_assert_no_error (error);
  g_setenv ("ICC_TRACKER_RECOVERY_DIR", recovery_dir, TRUE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/window-cite-comment/cite-comment", test_cite_comment);

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
