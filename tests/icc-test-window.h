/* icc-test-window.h: a main window on the bundled dataset, and waiting in
 * the main loop, for the UI tests that drive the window.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <stdio.h>
#include <string.h>

#include "icc-dataset-json.h"
#include "icc-reader.h"
#include "icc-test-widgets.h"
#include "icc-window.h"

/* Iterates the main context until @condition (@data) holds or @timeout_ms
 * pass; returns whether it holds. */
static inline gboolean
test_wait_until (gboolean (*condition) (gpointer),
                 gpointer   data,
                 guint      timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64)timeout_ms * 1000;

  while (!condition (data) && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);

  return condition (data);
}

/* Lets the window lay out and draw for @ms milliseconds. */
static inline void
test_settle (guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64)ms * 1000;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static inline gboolean
test_window_has_event (gpointer data)
{
  return icc_focus_get_event (icc_window_get_focus (data)) != NULL;
}

/* Whether @widget is the trough or slider of the vertical scrollbar of a
 * GtkScrolledWindow holding a GtkTextView. */
static inline gboolean
test_is_text_view_scrollbar_part (GtkWidget *widget)
{
  GtkWidget *range = gtk_widget_get_parent (widget);
  GtkWidget *scrollbar = range != NULL ? gtk_widget_get_parent (range) : NULL;
  GtkWidget *scrolled = scrollbar != NULL ? gtk_widget_get_parent (scrollbar) : NULL;

  if (range != NULL && !GTK_IS_RANGE (range) && GTK_IS_RANGE (scrollbar))
    {
      /* The slider is a gizmo in the trough. */
      range = scrollbar;
      scrollbar = scrolled;
      scrolled = scrollbar != NULL ? gtk_widget_get_parent (scrollbar) : NULL;
    }

  return (GTK_IS_RANGE (range) && GTK_IS_SCROLLBAR (scrollbar) &&
          GTK_IS_SCROLLED_WINDOW (scrolled) &&
          GTK_IS_TEXT_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled))));
}

/* GTK 4.8 bug, tolerated here and nowhere else: GtkTextView runs its pending
 * layout validation in its snapshot, which sets its vertical adjustment's
 * upper bound; the GtkScrolledWindow's scrollbar, drawn after the text,
 * then has lost its trough's allocation, and GTK warns "Trying to snapshot
 * GtkGizmo 0x… without a current allocation" and skips the trough for that
 * frame. test-window-reader saw it in about one run in three under load,
 * before and after this session's changes; a probe on the adjustment found
 * its "changed" signal emitted from GtkTextView's code inside
 * gtk_widget_snapshot_child(), after the frame's layout (issue 13's note).
 * Our code is not on that path, and GTK draws the trough again in the next
 * frame. That one warning is printed, not made fatal; every other warning
 * (a gizmo elsewhere included) still aborts the test, and its widget's
 * ancestry is printed to find it. */
static inline GLogWriterOutput
test_log_writer (GLogLevelFlags   level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         data)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      const char *message = fields[i].value;
      const char *at;
      gpointer pointer = NULL;

      if (g_strcmp0 (fields[i].key, "MESSAGE") != 0 || fields[i].length != -1 ||
          strstr (message, "without a current allocation") == NULL ||
          (at = strstr (message, " 0x")) == NULL ||
          sscanf (at, " %p", &pointer) != 1 || !GTK_IS_WIDGET (pointer))
        continue;

      if (g_str_has_prefix (message, "Trying to snapshot GtkGizmo ") &&
          test_is_text_view_scrollbar_part (pointer))
        {
          g_printerr ("tolerated (GTK 4.8, a text view's scrollbar): %s\n", message);
          return G_LOG_WRITER_HANDLED;
        }

      for (GtkWidget *widget = pointer; widget != NULL; widget = gtk_widget_get_parent (widget))
        g_printerr ("  in %s (%s) %p, %s, %s, %d×%d\n", G_OBJECT_TYPE_NAME (widget),
                    gtk_widget_get_css_name (widget), (gpointer)widget,
                    gtk_widget_get_mapped (widget) ? "mapped" : "unmapped",
                    gtk_widget_get_child_visible (widget) ? "child-visible" : "child-hidden",
                    gtk_widget_get_width (widget), gtk_widget_get_height (widget));
    }

  return g_log_writer_default (level, fields, n_fields, data);
}

/* A window on the bundled dataset, presented, once it has selected its
 * first event (after its first frame). The caller owns a reference. */
static inline IccWindow *
test_new_window (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IccDataset) dataset = icc_dataset_load_bundled (&error);
  static gsize writer_set = 0;
  IccWindow *window;

  if (g_once_init_enter (&writer_set))
    {
      g_log_set_writer_func (test_log_writer, NULL, NULL);
      g_once_init_leave (&writer_set, 1);
    }

  g_assert_no_error (error);
  window = icc_window_new (NULL, dataset);
  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (test_wait_until (test_window_has_event, window, 10000));

  return window;
}

/* Destroys @window and checks nothing else holds it. */
static inline void
test_destroy_window (IccWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* Whether @window's action @name (without "win.") is enabled. */
static inline gboolean
test_action_enabled (IccWindow  *window,
                     const char *name)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (window), name);
}

/* Activates @window's action @name, which must be enabled. */
static inline void
test_activate (IccWindow  *window,
               const char *name)
{
  g_assert_true (test_action_enabled (window, name));
  g_action_group_activate_action (G_ACTION_GROUP (window), name, NULL);
}

/* Opens @article_id in @window's reader and selects @passage in it. */
static inline void
test_select_passage (IccWindow  *window,
                     const char *article_id,
                     const char *passage)
{
  IccDataset *dataset = icc_window_get_dataset (window);
  IccArticle *article = icc_dataset_lookup_article (dataset, article_id);
  IccReader *reader = ICC_READER (find_child (GTK_WIDGET (window), ICC_TYPE_READER));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (icc_reader_get_text_view (reader));
  const char *text = icc_article_get_text (article);
  const char *at = strstr (text, passage);
  GtkTextIter start, end;
  int offset;

  g_assert_nonnull (at);
  icc_focus_set_citation (icc_window_get_focus (window), NULL);
  icc_focus_set_article (icc_window_get_focus (window), article);
  offset = (int)g_utf8_pointer_to_offset (text, at);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, offset);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, offset + (int)g_utf8_strlen (passage, -1));
  gtk_text_buffer_select_range (buffer, &start, &end);
}
