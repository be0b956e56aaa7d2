/* bench-startup.c: start to first frame, ICC Tracker vs a bare GTK window.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts itself as a child process, RUNS times each way, in turn:
 *   bare:  a GtkApplication that shows an empty GtkApplicationWindow;
 *   app:   IccApplication, activated as from the desktop, which opens the
 *          bundled dataset in its window;
 *   headerbar: for reference only, a window with a header bar, two buttons
 *          and a label (what a first frame with any text costs);
 *   app-header: for reference only, IccApplication as in "app", its window
 *          built and given the dataset in full, but only its header bar
 *          shown: the floor that deferring any pane's drawing could reach.
 * The child writes a line when its window has painted its first frame and
 * exits at once; the time is from spawning the child to reading that line,
 * so it counts loading the libraries, GTK's start, the dataset and the
 * first layout and paint. Target (DESIGN §7): app within 1.3x of bare.
 *
 *   GSETTINGS_SCHEMA_DIR=_build/bench/data GSETTINGS_BACKEND=memory \
 *     xvfb-run -a _build/bench/tests/bench/bench-startup [RUNS]
 *
 * With BENCH_STARTUP_PHASES=1 in the environment, each child also writes to
 * standard error when it reached each phase (startup, activate, the window
 * added, realized, mapped, the first frame's layout and paint), in
 * milliseconds since it was spawned: where the time goes, by the clock.
 */

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <gtk/gtk.h>

#include "icc-application.h"
#include "bench-util.h"

/* When the parent spawned this child (g_get_monotonic_time), or 0. */
static gint64 spawned_at;

/* The app-header child: hide the window's content before it is shown. */
static gboolean header_only;

static void
phase (const char *name)
{
  if (spawned_at != 0)
    g_printerr ("phase %-14s %6.1f ms\n", name,
                (g_get_monotonic_time () - spawned_at) / 1000.0);
}

/* Connected swapped: the name comes first. */
static void
phase_cb (const char *name,
          gpointer    instance)
{
  phase (name);
}

static void
connect_phase (gpointer    instance,
               const char *signal,
               const char *name,
               gboolean    after)
{
  g_signal_connect_data (instance, signal, G_CALLBACK (phase_cb), (gpointer)name, NULL,
                         G_CONNECT_SWAPPED | (after ? G_CONNECT_AFTER : 0));
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  phase ("after-paint");
  fputs ("painted\n", stdout);
  fflush (stdout);
  /* The frame is what is measured: skip the teardown. */
  _exit (0);
}

static void
map_cb (GtkWidget *window,
        gpointer   user_data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  phase ("map");
  connect_phase (clock, "layout", "layout", FALSE);
  connect_phase (clock, "paint", "paint", FALSE);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window,
                 gpointer        user_data)
{
  phase ("window-added");
  /* Emitted once the window is built (its template is in place). */
  if (header_only && gtk_window_get_child (window) != NULL)
    gtk_widget_set_visible (gtk_window_get_child (window), FALSE);
  connect_phase (window, "realize", "realize", FALSE);
  g_signal_connect (window, "map", G_CALLBACK (map_cb), NULL);
}

static void
bare_activate_cb (GtkApplication *app,
                  gpointer        user_data)
{
  GtkWidget *window = gtk_application_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
}

/* A window as small as a GNOME application's can be: a header bar with
 * two buttons, and one line of text. Not the target's reference (that is
 * the bare window); it shows what text and a header bar alone cost,
 * which under Mesa's software GL is most of a first frame. */
static void
headerbar_activate_cb (GtkApplication *app,
                       gpointer        user_data)
{
  GtkWidget *window = gtk_application_window_new (app);
  GtkWidget *header = gtk_header_bar_new ();
  GtkWidget *menu = gtk_menu_button_new ();

  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), gtk_button_new_with_label ("Open"));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "open-menu-symbolic");
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), menu);
  gtk_window_set_titlebar (GTK_WINDOW (window), header);
  gtk_window_set_title (GTK_WINDOW (window), "The Rome Statute and its States");
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("Choose an event on the timeline"));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
}

static int
run_child (const char *mode)
{
  g_autoptr(GtkApplication) app = NULL;
  const char *t0 = g_getenv ("BENCH_STARTUP_SPAWNED_AT");

  if (t0 != NULL && g_getenv ("BENCH_STARTUP_PHASES") != NULL)
    spawned_at = g_ascii_strtoll (t0, NULL, 10);
  phase ("main");

  if (g_str_equal (mode, "bare"))
    {
      app = gtk_application_new ("org.example.IccTracker.BenchBare", G_APPLICATION_NON_UNIQUE);
      g_signal_connect (app, "activate", G_CALLBACK (bare_activate_cb), NULL);
    }
  else if (g_str_equal (mode, "headerbar"))
    {
      app = gtk_application_new ("org.example.IccTracker.BenchHeaderbar",
                                 G_APPLICATION_NON_UNIQUE);
      g_signal_connect (app, "activate", G_CALLBACK (headerbar_activate_cb), NULL);
    }
  else
    {
      header_only = g_str_equal (mode, "app-header");
      app = GTK_APPLICATION (icc_application_new ());
      /* No second instance to find over D-Bus: both ways skip that. */
      g_application_set_flags (G_APPLICATION (app),
                               g_application_get_flags (G_APPLICATION (app)) |
                               G_APPLICATION_NON_UNIQUE);
    }
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
  connect_phase (app, "startup", "startup", FALSE);
  connect_phase (app, "startup", "startup-done", TRUE);
  connect_phase (app, "activate", "activate", FALSE);
  connect_phase (app, "activate", "activate-done", TRUE);

  return g_application_run (G_APPLICATION (app), 0, NULL);
}

/* Milliseconds from spawning a child in @mode to its first frame. */
static double
time_child (const char *self,
            const char *mode)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  g_autofree char *now = NULL;
  gint64 start = g_get_monotonic_time ();

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  now = g_strdup_printf ("%" G_GINT64_FORMAT, start);
  g_subprocess_launcher_setenv (launcher, "BENCH_STARTUP_SPAWNED_AT", now, TRUE);
  child = g_subprocess_launcher_spawn (launcher, &error, self, "--child", mode, NULL);
  if (child == NULL)
    g_error ("%s", error->message);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  if (line == NULL || !g_str_equal (line, "painted"))
    g_error ("The %s child did not paint a frame%s%s", mode,
             error != NULL ? ": " : "", error != NULL ? error->message : "");

  {
    double ms = (g_get_monotonic_time () - start) / 1000.0;

    g_subprocess_wait (child, NULL, NULL);
    return ms;
  }
}

int
main (int   argc,
      char *argv[])
{
  static const char * const modes[] = { "bare", "app", "headerbar", "app-header" };
  double medians[G_N_ELEMENTS (modes)];
  int runs = 11;

  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2]);
  if (argc > 1)
    runs = MAX (1, atoi (argv[1]));

  {
    g_autofree double *times = g_new (double, G_N_ELEMENTS (modes) * runs);

    /* One warm-up each (page cache, font cache), then in turn. */
    for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
      time_child (argv[0], modes[m]);
    for (int r = 0; r < runs; r++)
      for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
        times[m * runs + r] = time_child (argv[0], modes[m]);

    for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
      {
        double *t = times + m * runs;

        bench_sort_doubles (t, runs);
        medians[m] = t[runs / 2];
        printf ("mode=%s runs=%d median_ms=%.1f min_ms=%.1f max_ms=%.1f\n",
                modes[m], runs, medians[m], t[0], t[runs - 1]);
      }
  }
  printf ("ratio=%.2f\n", medians[1] / medians[0]);
  printf ("headerbar_ratio=%.2f (a header bar and a label vs the bare window)\n",
          medians[2] / medians[0]);
  printf ("app_header_ratio=%.2f (the app with only its header bar shown vs the bare window)\n",
          medians[3] / medians[0]);

  return 0;
}
