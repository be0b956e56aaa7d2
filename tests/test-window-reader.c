/* test-window-reader.c: the reader in the window never shows a blank page.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 13: open an article from the list, then select two events of
 * Russia that cite another article: the reader switched to it and showed an
 * empty page until the user scrolled; an article opened from the list
 * opened at the previous article's scroll position.
 */

#include "config.h"

#include <gtk/gtk.h>

#include "icc-dataset-json.h"
#include "icc-reader.h"
#include "icc-test-widgets.h"
#include "icc-test-window.h"
#include "icc-window-private.h"



/* Lets the window lay out and draw for a while (animations included). */

/* The text view's visible area holds text: some line of the buffer lies in
 * it, and it is not past the end of the text. */
static void
assert_text_visible (GtkTextView *view,
                     const char  *when)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GdkRectangle visible;
  GtkTextIter top, end;
  int end_y, end_height;

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_view_get_line_yrange (view, &end, &end_y, &end_height);
  gtk_text_view_get_iter_at_location (view, &top, visible.x, visible.y);

  g_test_message ("%s: visible y %d..%d, text ends at %d, top line offset %d", when,
                  visible.y, visible.y + visible.height, end_y + end_height,
                  gtk_text_iter_get_offset (&top));
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), >, 0);
  g_assert_cmpint (visible.height, >, 0);
  /* Not scrolled past the end of the text. */
  g_assert_cmpint (visible.y, <, end_y + end_height);
}

static void
test_never_blank (void)
{
  IccWindow *window = test_new_window ();
  IccDataset *dataset = icc_window_get_dataset (window);
  IccFocus *focus = icc_window_get_focus (window);
  IccReader *reader = ICC_READER (find_child (GTK_WIDGET (window), ICC_TYPE_READER));
  GtkTextView *view = icc_reader_get_text_view (reader);
  GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  const char *events[] = { "ru-order-361-rp", "ru-signature-withdrawn" };

  /* What the issue was seen at. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 1000);
  test_settle (500);
  icc_focus_set_state (focus, icc_dataset_lookup_state (dataset, "RU"));

  /* An article from the list, read down to its end. */
  icc_focus_set_citation (focus, NULL);
  icc_focus_set_article (focus, icc_dataset_lookup_article (dataset, "us-alleges-war-crimes-2016-11"));
  test_settle (300);
  gtk_adjustment_set_value (vadj, gtk_adjustment_get_upper (vadj));
  test_settle (300);
  assert_text_visible (view, "the first article, at its end");

  /* Then two events of Russia from the event list. */
  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      IccEvent *event = icc_dataset_lookup_event (dataset, events[i]);

      g_assert_nonnull (event);
      icc_focus_set_event (focus, event);
      test_settle (700);
      assert_text_visible (view, events[i]);
    }

  /* An article opened from the list (no event selected, so no passage to
   * show in it) opens at its top. */
  gtk_adjustment_set_value (vadj, gtk_adjustment_get_upper (vadj));
  test_settle (300);
  icc_focus_set_citation (focus, NULL);
  icc_focus_set_event (focus, NULL);
  g_assert_true (icc_focus_get_article (focus) !=
                 icc_dataset_lookup_article (dataset, "foreign-policy-2016-11"));
  icc_focus_set_article (focus, icc_dataset_lookup_article (dataset, "foreign-policy-2016-11"));
  test_settle (500);
  assert_text_visible (view, "an article from the list");
  {
    GdkRectangle visible;

    /* Its first line at the top (the text view's top margin above it). */
    gtk_text_view_get_visible_rect (view, &visible);
    g_assert_cmpint (visible.y, <=, 0);
  }

  test_destroy_window (window);
}

/* Every cited event, one after the other, in an order that jumps between
 * articles and along them: the passage is on screen each time. */
static void
test_every_passage_visible (void)
{
  IccWindow *window = test_new_window ();
  IccDataset *dataset = icc_window_get_dataset (window);
  IccFocus *focus = icc_window_get_focus (window);
  IccReader *reader = ICC_READER (find_child (GTK_WIDGET (window), ICC_TYPE_READER));
  GtkTextView *view = icc_reader_get_text_view (reader);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GListModel *events = icc_dataset_get_events (dataset);
  guint n = g_list_model_get_n_items (events);
  guint checked = 0;

  /* What the issue was seen at. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 1000);
  test_settle (500);

  /* Backwards: later events cite passages further down the same articles. */
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(IccEvent) event = g_list_model_get_item (events, i - 1);
      IccCitation *citation;
      GdkRectangle visible, passage;
      GtkTextIter iter;
      int start, end;
      g_autofree char *what = NULL;

      icc_focus_set_event (focus, event);
      citation = icc_focus_get_citation (focus);
      if (citation == NULL || !icc_citation_get_anchor (citation, &start, &end))
        continue;

      what = g_strdup_printf ("%s in %s", icc_event_get_id (event),
                              icc_citation_get_article_id (citation));

      /* The scroll waits for the lines' layout: poll, up to 10 s. */
      {
        gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

        do
          {
            test_settle (20);
            gtk_text_view_get_visible_rect (view, &visible);
            gtk_text_buffer_get_iter_at_offset (buffer, &iter, start);
            gtk_text_view_get_iter_location (view, &iter, &passage);
          }
        while ((passage.y + passage.height / 2 < visible.y ||
                passage.y + passage.height / 2 >= visible.y + visible.height) &&
               g_get_monotonic_time () < deadline);
      }

      assert_text_visible (view, what);

      /* The middle of its first line on screen (a scroll may leave a pixel
       * or two of the line's top above the edge). */
      if (passage.y + passage.height / 2 < visible.y ||
          passage.y + passage.height / 2 >= visible.y + visible.height)
        g_error ("%s: the passage at y %d..%d is not in the visible %d..%d", what,
                 passage.y, passage.y + passage.height, visible.y, visible.y + visible.height);
      checked++;
    }

  g_test_message ("%u passages checked", checked);
  g_assert_cmpuint (checked, >, 20);

  test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/window-reader/never-blank", test_never_blank);
  g_test_add_func ("/window-reader/every-passage-visible", test_every_passage_visible);

  return g_test_run ();
}
