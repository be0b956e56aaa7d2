/* bench-timeline.c: frame cost of the timeline
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders IccTimeline at 1280x400 (snapshot, then the render node drawn to
 * a cairo image surface) at five zoom levels and compares, in one run:
 * - at the coarse levels, 100,000 events over 1998-2026 against 10,000;
 * - at the fine levels, 100 events inside the view against the same 100
 *   plus 99,900 outside it.
 * Every frame moves the view by a hair, so the cached static layer is
 * rebuilt as it is while panning or zooming: the worst case. Each number is
 * the median of 100 frames, the best of 3 alternating rounds.
 *
 * Run under a display: xvfb-run -a build/tests/bench/bench-timeline
 */

#include "config.h"

#include <gtk/gtk.h>
#include <locale.h>
#include <stdlib.h>

#include "icc-event.h"
#include "icc-focus.h"
#include "icc-timeline.h"
#include "bench-util.h"

#define WIDTH  1280
#define HEIGHT 400
#define FRAMES 100
#define ROUNDS 3

typedef struct
{
  const char *name;
  int         y0, m0, d0;
  int         y1, m1, d1;
  gboolean    coarse;
} Level;

static const Level levels[] = {
  { "all",    1998, 1, 1,  2026, 1, 1,   TRUE },
  { "5y",     2014, 1, 1,  2019, 1, 1,   TRUE },
  { "1y",     2016, 1, 1,  2017, 1, 1,   TRUE },
  { "1month", 2016, 11, 1, 2016, 12, 1,  FALSE },
  { "10days", 2016, 11, 14, 2016, 11, 24, FALSE },
};

static const IccEventKind kinds[] = {
  ICC_EVENT_KIND_SIGNATURE, ICC_EVENT_KIND_RATIFICATION, ICC_EVENT_KIND_WARRANT,
  ICC_EVENT_KIND_REPORT, ICC_EVENT_KIND_STATEMENT, ICC_EVENT_KIND_INVESTIGATION,
  ICC_EVENT_KIND_WITHDRAWAL_NOTICE, ICC_EVENT_KIND_OTHER,
};

static gint32
dmy (int d,
     int m,
     int y)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);

  return (gint32)g_date_get_julian (&date);
}

static void
append_event (GPtrArray *events,
              guint      n,
              gint32     day)
{
  g_autofree char *id = g_strdup_printf ("bench-%u", n);
  g_autofree char *title = g_strdup_printf ("Benchmark event number %u", n);
  IccEvent *event;
  IccDate date;

  icc_date_init_from_day (&date, day);
  event = icc_event_new (id, kinds[n % G_N_ELEMENTS (kinds)], &date);
  icc_event_set_title (event, title);
  if (n % 7 == 0)
    icc_event_set_certainty (event, ICC_CERTAINTY_SINGLE_SOURCE);
  g_ptr_array_add (events, event);
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  return icc_event_compare (*(IccEvent **)a, *(IccEvent **)b);
}

static GListModel *
make_model (GPtrArray *events)
{
  GListStore *store = g_list_store_new (ICC_TYPE_EVENT);

  g_ptr_array_sort (events, compare_events);
  g_list_store_splice (store, 0, 0, events->pdata, events->len);

  return G_LIST_MODEL (store);
}

/* @n events spread evenly over [first, last). */
static GListModel *
make_spread (guint  n,
             gint32 first,
             gint32 last)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    append_event (events, i, first + (gint32)((gint64)(last - first) * i / n));

  return make_model (events);
}

/* 100 events inside [v0, v1), and @n_outside more over 1998-2026 outside it. */
static GListModel *
make_inside_outside (gint32 v0,
                     gint32 v1,
                     guint  n_outside)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  gint32 first = dmy (1, 1, 1998);
  gint32 last = dmy (1, 1, 2026);
  gint32 outside_days = (last - first) - (v1 - v0);

  for (guint i = 0; i < 100; i++)
    append_event (events, i, v0 + (gint32)((gint64)(v1 - v0) * i / 100));

  for (guint i = 0; i < n_outside; i++)
    {
      gint32 day = first + (gint32)((gint64)outside_days * i / MAX (n_outside, 1));

      if (day >= v0)
        day += v1 - v0;
      append_event (events, 100 + i, day);
    }

  return make_model (events);
}

static gboolean
is_ready (IccTimeline *timeline)
{
  return gtk_widget_get_mapped (GTK_WIDGET (timeline)) &&
         gtk_widget_get_width (GTK_WIDGET (timeline)) == WIDTH;
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static double
render_frame (IccTimeline     *timeline,
              cairo_surface_t *surface)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (timeline));
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  graphene_point_t origin;
  cairo_t *cr;
  gint64 begin;
  gint64 end;

  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (timeline), parent,
                                           &GRAPHENE_POINT_INIT (0, 0), &origin));

  begin = g_get_monotonic_time ();

  snapshot = gtk_snapshot_new ();
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-origin.x, -origin.y));
  gtk_widget_snapshot_child (parent, GTK_WIDGET (timeline), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);

  cr = cairo_create (surface);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  end = g_get_monotonic_time ();

  g_clear_pointer (&node, gsk_render_node_unref);

  return (end - begin) / 1000.0;
}

static double
measure (IccTimeline     *timeline,
         GListModel      *model,
         const Level     *level,
         cairo_surface_t *surface,
         guint            repeat)
{
  double start = dmy (level->d0, level->m0, level->y0);
  double end = dmy (level->d1, level->m1, level->y1);
  double times[FRAMES];

  icc_timeline_set_model (timeline, model);
  icc_timeline_zoom_to_range (timeline, start, end, FALSE);
  iterate ();

  /* Warm up: builds the index and the text caches. */
  for (guint i = 0; i < 5; i++)
    render_frame (timeline, surface);

  for (guint r = 0; r < repeat; r++)
    for (guint i = 0; i < FRAMES; i++)
      {
        /* A hair of panning: the static layer is stale, as on every frame
         * of a pan or zoom. */
        double shift = (i % 2 ? 1 : -1) * (end - start) * 1e-4;

        icc_timeline_zoom_to_range (timeline, start + shift, end + shift, FALSE);
        times[i] = render_frame (timeline, surface);
      }

  bench_sort_doubles (times, FRAMES);

  return times[FRAMES / 2];
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(IccFocus) focus = NULL;
  GtkWindow *window;
  IccTimeline *timeline;
  cairo_surface_t *surface;
  double worst = 0;
  GString *lines = g_string_new (NULL);
  gint64 deadline;

  setlocale (LC_ALL, "");
  gtk_init ();

  focus = icc_focus_new ();
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_resizable (window, FALSE);
  timeline = icc_timeline_new ();
  gtk_widget_set_size_request (GTK_WIDGET (timeline), WIDTH, HEIGHT);
  icc_timeline_set_focus (timeline, focus);
  gtk_window_set_child (window, GTK_WIDGET (timeline));
  gtk_window_present (window);

  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!is_ready (timeline) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  if (!is_ready (timeline))
    {
      g_printerr ("The timeline was not shown at %dx%d: is there a display?\n", WIDTH, HEIGHT);
      return EXIT_FAILURE;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);

  for (guint l = 0; l < G_N_ELEMENTS (levels); l++)
    {
      const Level *level = &levels[l];
      /* For profiling one level: BENCH_LEVEL=10days perf record ... */
      const char *only = g_getenv ("BENCH_LEVEL");
      g_autoptr(GListModel) small = NULL;
      g_autoptr(GListModel) large = NULL;
      guint n_small;
      double t_small;
      double t_large;
      double ratio;
      const char *repeat;

      if (only != NULL && g_strcmp0 (only, level->name) != 0)
        continue;

      if (level->coarse)
        {
          gint32 first = dmy (1, 1, 1998);
          gint32 last = dmy (1, 1, 2026);

          small = make_spread (10000, first, last);
          large = make_spread (100000, first, last);
          n_small = 10000;
        }
      else
        {
          gint32 v0 = dmy (level->d0, level->m0, level->y0);
          gint32 v1 = dmy (level->d1, level->m1, level->y1);

          small = make_inside_outside (v0, v1, 0);
          large = make_inside_outside (v0, v1, 99900);
          n_small = 100;
        }

      /* For profiling: BENCH_REPEAT=small|large runs those frames 50 times. */
      repeat = g_getenv ("BENCH_REPEAT");
      /* Rounds alternate the two sets, and each keeps its best median, so a
       * burst of load from other processes does not decide the ratio. */
      t_small = G_MAXDOUBLE;
      t_large = G_MAXDOUBLE;
      for (guint round = 0; round < ROUNDS; round++)
        {
          t_small = MIN (t_small, measure (timeline, small, level, surface,
                                           g_strcmp0 (repeat, "small") ? 1 : 50));
          t_large = MIN (t_large, measure (timeline, large, level, surface,
                                           g_strcmp0 (repeat, "large") ? 1 : 50));
        }
      ratio = t_large / t_small;
      worst = MAX (worst, ratio);

      g_print ("# %s: %u events %.3f ms, 100000 events %.3f ms, ratio %.2f\n",
               level->name, n_small, t_small, t_large, ratio);
      g_string_append_printf (lines, "zoom=%s events=%u median_ms=%.3f\n",
                              level->name, n_small, t_small);
      g_string_append_printf (lines, "zoom=%s events=%u median_ms=%.3f\n",
                              level->name, 100000, t_large);

      icc_timeline_set_model (timeline, NULL);
    }

  g_print ("%sworst_ratio=%.2f\n", lines->str, worst);

  g_string_free (lines, TRUE);
  cairo_surface_destroy (surface);
  gtk_window_destroy (window);

  return EXIT_SUCCESS;
}
