/* bench-import.c: the window's longest stall while it imports a large
 * article and shows it, and while it undoes and redoes that.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage (needs a display):
 *   GSETTINGS_SCHEMA_DIR=build/data GSETTINGS_BACKEND=memory \
 *     xvfb-run -a build/tests/bench/bench-import [MB]
 *
 * A text file of MB MiB (default 50) of plain paragraphs is imported with
 * win.import-article's code path; a 5 ms timer records how late the main
 * loop runs it. Reported: the time until the article is in the reader, the
 * longest gap between two timer runs (what a user sees as a freeze) and how
 * many gaps were over 100 ms.
 */

#include "config.h"

#include <gtk/gtk.h>
#include <glib/gstdio.h>

#include "icc-dataset-json.h"
#include "icc-window-private.h"

typedef struct
{
  gint64 last;
  gint64 longest;
  guint  over_100ms;
} Stalls;

static gboolean
tick_cb (gpointer data)
{
  Stalls *stalls = data;
  gint64 now = g_get_monotonic_time ();

  if (stalls->last != 0)
    {
      gint64 gap = now - stalls->last;

      stalls->longest = MAX (stalls->longest, gap);
      if (gap > 100 * 1000)
        stalls->over_100ms++;
    }
  stalls->last = now;

  return G_SOURCE_CONTINUE;
}

static char *
write_text (guint mb)
{
  g_autoptr(GString) text = g_string_new ("A large article\n\n");
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd;

  while (text->len < (gsize)mb * 1024 * 1024)
    g_string_append (text, "The Court's jurisdiction covers genocide, crimes against humanity "
                           "and war crimes committed on the territory of a State Party.\n\n");

  fd = g_file_open_tmp ("bench-import-XXXXXX.txt", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);

  return path;
}

static void
wait_idle (IccWindow *window,
           Stalls    *stalls)
{
  gint64 until;

  while (icc_window_get_busy (window))
    g_main_context_iteration (NULL, TRUE);

  /* What layout does after: half a second more. */
  until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  guint mb = argc > 1 ? (guint)g_ascii_strtoull (argv[1], NULL, 10) : 50;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(IccDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  Stalls stalls = { 0 };
  IccWindow *window;
  gint64 start;
  guint tick;

  gtk_init ();

  path = write_text (mb);
  file = g_file_new_for_path (path);
  dataset = icc_dataset_load_bundled (&error);
  g_assert_no_error (error);

  window = icc_window_new (NULL, dataset);
  gtk_window_present (GTK_WINDOW (window));
  wait_idle (window, &stalls);

  tick = g_timeout_add (5, tick_cb, &stalls);

  start = g_get_monotonic_time ();
  icc_window_import_article (window, file);
  while (icc_window_get_busy (window))
    g_main_context_iteration (NULL, TRUE);
  g_print ("import of %u MiB: in the reader after %.0f ms\n", mb,
           (g_get_monotonic_time () - start) / 1000.0);
  wait_idle (window, &stalls);
  g_print ("  longest main-loop stall %.0f ms, %u stalls over 100 ms\n",
           stalls.longest / 1000.0, stalls.over_100ms);

  stalls = (Stalls) { 0 };
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  wait_idle (window, &stalls);
  g_action_group_activate_action (G_ACTION_GROUP (window), "redo", NULL);
  wait_idle (window, &stalls);
  g_print ("undo and redo: longest stall %.0f ms, %u over 100 ms\n",
           stalls.longest / 1000.0, stalls.over_100ms);

  g_source_remove (tick);
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);

  return 0;
}
