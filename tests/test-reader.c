/* test-reader.c: the article reader, driven through its real widgets.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "icc-dataset-json.h"
#include "icc-test-load.h"
#include "icc-highlight-gutter.h"
#include "icc-reader.h"
#include "icc-test-widgets.h"

typedef struct
{
  int start;
  int end;
} Range;

/* The character ranges the tag called @name covers, in order. */
static GArray *
tag_ranges (GtkTextView *view,
            const char  *name)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  GtkTextIter iter;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_start_iter (buffer, &iter);

  if (!gtk_text_iter_starts_tag (&iter, tag))
    gtk_text_iter_forward_to_tag_toggle (&iter, tag);

  while (!gtk_text_iter_is_end (&iter))
    {
      Range range;

      g_assert_true (gtk_text_iter_starts_tag (&iter, tag));
      range.start = gtk_text_iter_get_offset (&iter);
      gtk_text_iter_forward_to_tag_toggle (&iter, tag);
      range.end = gtk_text_iter_get_offset (&iter);
      g_array_append_val (ranges, range);
      gtk_text_iter_forward_to_tag_toggle (&iter, tag);
    }

  return ranges;
}

static IccCitation *
nth_citation (IccEvent *event,
              guint     n)
{
  g_autoptr(IccCitation) citation = g_list_model_get_item (icc_event_get_citations (event), n);

  return citation;
}

static void
assert_ranges (GArray       *ranges,
               IccCitation **citations,
               guint         n_citations)
{
  g_assert_cmpuint (ranges->len, ==, n_citations);

  for (guint i = 0; i < n_citations; i++)
    {
      int start, end;

      g_assert_true (icc_citation_get_anchor (citations[i], &start, &end));
      g_assert_cmpint (g_array_index (ranges, Range, i).start, ==, start);
      g_assert_cmpint (g_array_index (ranges, Range, i).end, ==, end);
    }
}

static void
test_event_opens_article_and_emphasises (void)
{
  g_autoptr(IccDataset) dataset = test_load_data_file ("ui", "small.json");
  g_autoptr(IccFocus) focus = icc_focus_new ();
  IccReader *reader = g_object_ref_sink (ICC_READER (icc_reader_new ()));
  IccEvent *signature = icc_dataset_lookup_event (dataset, "ru-signature");
  IccEvent *withdrawal = icc_dataset_lookup_event (dataset, "ru-signature-withdrawn");
  IccArticle *paper = icc_dataset_lookup_article (dataset, "paper");
  GtkTextView *view = icc_reader_get_text_view (reader);
  g_autoptr(GArray) emphasis = NULL;
  g_autoptr(GArray) citations = NULL;
  g_autoptr(GArray) disputes = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  icc_reader_set_dataset (reader, dataset);
  icc_reader_set_focus (reader, focus);

  icc_focus_set_event (focus, withdrawal);

  /* The reader opened the article of the event's first citation. */
  g_assert_true (icc_focus_get_article (focus) == paper);
  g_assert_true (icc_focus_get_citation (focus) == nth_citation (withdrawal, 0));
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (view), &start, &end);
  text = gtk_text_iter_get_text (&start, &end);
  g_assert_cmpstr (text, ==, icc_article_get_text (paper));

  /* The emphasis covers exactly the anchored citation of the event; the
   * orphan citation of the same event is listed apart. */
  emphasis = tag_ranges (view, "emphasis");
  assert_ranges (emphasis, (IccCitation *[]) { nth_citation (withdrawal, 0) }, 1);
  g_assert_cmpuint (icc_reader_get_n_orphans (reader), ==, 1);

  /* Every anchored citation is highlighted; "disputes" has its own tag. */
  citations = tag_ranges (view, "citation");
  assert_ranges (citations, (IccCitation *[]) { nth_citation (signature, 0),
                                                nth_citation (withdrawal, 0) }, 2);
  disputes = tag_ranges (view, "disputes");
  assert_ranges (disputes, (IccCitation *[]) { nth_citation (signature, 1) }, 1);

  /* The gutter marks every highlight, once the layout is known (idle). */
  {
    IccHighlightGutter *gutter =
      ICC_HIGHLIGHT_GUTTER (find_child (GTK_WIDGET (reader), ICC_TYPE_HIGHLIGHT_GUTTER));
    gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    g_assert_nonnull (gutter);
    while (icc_highlight_gutter_get_n_marks (gutter) != 3 && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, FALSE);
    g_assert_cmpuint (icc_highlight_gutter_get_n_marks (gutter), ==, 3);
  }

  /* Another event of the same article moves the emphasis. */
  icc_focus_set_event (focus, signature);
  g_clear_pointer (&emphasis, g_array_unref);
  emphasis = tag_ranges (view, "emphasis");
  assert_ranges (emphasis, (IccCitation *[]) { nth_citation (signature, 0),
                                               nth_citation (signature, 1) }, 2);

  icc_reader_set_focus (reader, NULL);
  g_assert_finalize_object (reader);
}

static void
test_click_sets_event (void)
{
  g_autoptr(IccDataset) dataset = test_load_data_file ("ui", "small.json");
  g_autoptr(IccFocus) focus = icc_focus_new ();
  IccReader *reader = g_object_ref_sink (ICC_READER (icc_reader_new ()));
  IccEvent *signature = icc_dataset_lookup_event (dataset, "ru-signature");
  IccEvent *withdrawal = icc_dataset_lookup_event (dataset, "ru-signature-withdrawn");
  IccCitation *disputed = nth_citation (signature, 1);
  int start, end;

  icc_reader_set_dataset (reader, dataset);
  icc_reader_set_focus (reader, focus);
  icc_focus_set_event (focus, withdrawal);

  /* A click inside the disputed passage focuses its event and citation. */
  g_assert_true (icc_citation_get_anchor (disputed, &start, &end));
  g_assert_true (icc_reader_activate_offset (reader, start + 1));
  g_assert_true (icc_focus_get_event (focus) == signature);
  g_assert_true (icc_focus_get_citation (focus) == disputed);

  /* Outside every highlight nothing happens. */
  g_assert_false (icc_reader_activate_offset (reader, 0));
  g_assert_true (icc_focus_get_event (focus) == signature);

  /* Previous/next citation walk the highlights in text order. */
  gtk_widget_activate_action (GTK_WIDGET (reader), "reader.next-citation", NULL);
  g_assert_true (icc_focus_get_citation (focus) == nth_citation (withdrawal, 0));
  g_assert_true (icc_focus_get_event (focus) == withdrawal);
  gtk_widget_activate_action (GTK_WIDGET (reader), "reader.previous-citation", NULL);
  g_assert_true (icc_focus_get_citation (focus) == disputed);

  icc_reader_set_focus (reader, NULL);
  g_assert_finalize_object (reader);
}

static gboolean
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    {
      g_assert_false (gtk_label_get_use_markup (GTK_LABEL (widget)));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (widget)), ==, text);
      return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_label (child, text))
      return TRUE;

  return FALSE;
}

static void
test_markup_is_literal (void)
{
  g_autoptr(IccDataset) dataset = test_load_data_file ("ui", "small.json");
  g_autoptr(IccFocus) focus = icc_focus_new ();
  IccReader *reader = g_object_ref_sink (ICC_READER (icc_reader_new ()));
  IccArticle *paper = icc_dataset_lookup_article (dataset, "paper");

  icc_reader_set_dataset (reader, dataset);
  icc_reader_set_focus (reader, focus);
  icc_focus_set_article (focus, paper);

  g_assert_true (find_label (GTK_WIDGET (reader), "<i>Markup</i> & an article"));

  icc_reader_set_focus (reader, NULL);
  g_assert_finalize_object (reader);
}

static void
test_find_in_article (void)
{
  g_autoptr(IccDataset) dataset = test_load_data_file ("ui", "small.json");
  g_autoptr(IccFocus) focus = icc_focus_new ();
  IccReader *reader = g_object_ref_sink (ICC_READER (icc_reader_new ()));
  GtkWidget *window = gtk_window_new ();
  GtkTextView *view = icc_reader_get_text_view (reader);
  GtkSearchEntry *entry = NULL;
  g_autoptr(GArray) matches = NULL;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (reader));
  icc_reader_set_dataset (reader, dataset);
  icc_reader_set_focus (reader, focus);
  icc_focus_set_article (focus, icc_dataset_lookup_article (dataset, "paper"));

  icc_reader_set_search_mode (reader, TRUE);
  g_assert_true (icc_reader_get_search_mode (reader));

  {
    /* The find entry is the search bar's: type into it. */
    GtkWidget *bar = gtk_widget_get_first_child (GTK_WIDGET (reader));
    GtkWidget *box;

    while (bar != NULL && !GTK_IS_SEARCH_BAR (bar))
      bar = gtk_widget_get_next_sibling (bar);
    g_assert_nonnull (bar);
    box = gtk_search_bar_get_child (GTK_SEARCH_BAR (bar));

    entry = GTK_SEARCH_ENTRY (box != NULL ? gtk_widget_get_first_child (box) : NULL);
  }
  g_assert_true (GTK_IS_SEARCH_ENTRY (entry));

  gtk_editable_set_text (GTK_EDITABLE (entry), "2000");
  g_signal_emit_by_name (entry, "search-changed");
  matches = tag_ranges (view, "match");
  g_assert_cmpuint (matches->len, ==, 2);

  /* Which match, of how many; the current one has a tag of its own. */
  g_assert_true (find_label (GTK_WIDGET (reader), "1 of 2"));
  {
    g_autoptr(GArray) current = tag_ranges (view, "current-match");

    g_assert_cmpuint (current->len, ==, 1);
    g_assert_cmpint (g_array_index (current, Range, 0).start, ==,
                     g_array_index (matches, Range, 0).start);
  }
  g_signal_emit_by_name (entry, "next-match");
  g_assert_true (find_label (GTK_WIDGET (reader), "2 of 2"));
  g_signal_emit_by_name (entry, "next-match");
  g_assert_true (find_label (GTK_WIDGET (reader), "1 of 2"));
  g_signal_emit_by_name (entry, "previous-match");
  g_assert_true (find_label (GTK_WIDGET (reader), "2 of 2"));

  icc_reader_set_search_mode (reader, FALSE);
  g_clear_pointer (&matches, g_array_unref);
  matches = tag_ranges (view, "match");
  g_assert_cmpuint (matches->len, ==, 0);

  icc_reader_set_focus (reader, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (reader);
}

static void
test_article_list_opens_article (void)
{
  g_autoptr(IccDataset) dataset = test_load_data_file ("ui", "small.json");
  g_autoptr(IccFocus) focus = icc_focus_new ();
  IccReader *reader = g_object_ref_sink (ICC_READER (icc_reader_new ()));
  GtkListView *articles;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (icc_reader_get_text_view (reader));

  icc_reader_set_dataset (reader, dataset);
  icc_reader_set_focus (reader, focus);
  g_assert_null (icc_focus_get_article (focus));
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, 0);

  /* The list of all articles is the only list view in the reader. */
  articles = GTK_LIST_VIEW (find_child (GTK_WIDGET (reader), GTK_TYPE_LIST_VIEW));
  g_assert_nonnull (articles);
  g_signal_emit_by_name (articles, "activate", 0);

  g_assert_true (icc_focus_get_article (focus) == icc_dataset_lookup_article (dataset, "paper"));
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), >, 0);
  g_assert_cmpuint (icc_reader_get_n_orphans (reader), ==, 1);

  icc_reader_set_focus (reader, NULL);
  g_assert_finalize_object (reader);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reader/event-opens-article-and-emphasises",
                   test_event_opens_article_and_emphasises);
  g_test_add_func ("/reader/click-sets-event", test_click_sets_event);
  g_test_add_func ("/reader/markup-is-literal", test_markup_is_literal);
  g_test_add_func ("/reader/find-in-article", test_find_in_article);
  g_test_add_func ("/reader/article-list-opens-article", test_article_list_opens_article);

  return g_test_run ();
}
