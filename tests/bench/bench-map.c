/* bench-map.c: frame cost of the world map (issue 14)
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders IccWorldMapView at 1280x800 (snapshot, then the render node drawn
 * to a cairo image surface, as bench-timeline does) and reports:
 * - the first frame at a size (every shape rasterized);
 * - a frame for the same date again (unchanged), and a frame for a new date
 *   on which every state has another colour (a dataset where all states
 *   sign, ratify with an unconfirmed fact, and become parties together),
 *   the first time each colour is seen and after; their ratio;
 * - scrubbing the bundled dataset's cursor through 28 years a month at a
 *   time: the state list's model (IccWorld) and the map updated, per step.
 * Each number is the median (and the worst) of FRAMES frames, best of 3.
 *
 * Run under a display: xvfb-run -a build/tests/bench/bench-map
 */

#include "config.h"

#include <gtk/gtk.h>
#include <locale.h>

#include "bench-util.h"
#include "icc-dataset-json.h"
#include "icc-world.h"
#include "icc-world-map.h"
#include "icc-world-map-view.h"

#define WIDTH  1280
#define HEIGHT 800
#define FRAMES 200
#define ROUNDS 3

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static double
render_frame (GtkWidget       *view,
              cairo_surface_t *surface)
{
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  cairo_t *cr;
  gint64 begin = g_get_monotonic_time ();

  snapshot = gtk_snapshot_new ();
  GTK_WIDGET_GET_CLASS (view)->snapshot (view, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);

  cr = cairo_create (surface);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_clear_pointer (&node, gsk_render_node_unref);

  return (g_get_monotonic_time () - begin) / 1000.0;
}

/* Every shape of the map a state, all signing, ratifying (single source)
 * and becoming parties on the same days. */
static IccDataset *
make_all_change_dataset (void)
{
  IccWorldMap *map = icc_world_map_get_default ();
  IccDataset *dataset = icc_dataset_new ();
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  const struct { const char *id; IccEventKind kind; const char *date; } steps[] = {
    { "sig", ICC_EVENT_KIND_SIGNATURE, "2000-01-01" },
    { "rat", ICC_EVENT_KIND_RATIFICATION, "2001-01-01" },
    { "eif", ICC_EVENT_KIND_ENTRY_INTO_FORCE, "2002-01-01" },
  };

  for (guint i = 0; i < icc_world_map_get_n_shapes (map); i++)
    {
      g_autoptr(IccState) state = icc_state_new (icc_world_map_get_code (map, i),
                                                 icc_world_map_get_code (map, i));

      icc_dataset_add_state (dataset, state);
      g_ptr_array_add (codes, (gpointer)icc_world_map_get_code (map, i));
    }
  g_ptr_array_add (codes, NULL);

  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    {
      g_autoptr(IccEvent) event = NULL;
      IccDate date;

      icc_date_parse (steps[s].date, &date, NULL);
      event = icc_event_new (steps[s].id, steps[s].kind, &date);
      icc_event_set_states (event, (const char * const *)codes->pdata);
      if (steps[s].kind == ICC_EVENT_KIND_RATIFICATION)
        icc_event_set_certainty (event, ICC_CERTAINTY_SINGLE_SOURCE);
      icc_dataset_add_event (dataset, event);
    }

  g_assert_true (icc_dataset_index (dataset, NULL, NULL));

  return dataset;
}

static void
set_date (IccFocus   *focus,
          const char *text)
{
  IccDate date;

  icc_date_parse (text, &date, NULL);
  icc_focus_set_date (focus, &date);
}

static void
median_max (double *times,
            guint   n,
            double *median,
            double *max)
{
  bench_sort_doubles (times, n);
  *median = times[n / 2];
  *max = times[n - 1];
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(IccDataset) dataset = NULL;
  g_autoptr(IccDataset) bundled = NULL;
  g_autoptr(IccFocus) focus = icc_focus_new ();
  g_autoptr(IccWorld) world = NULL;
  const char *dates[] = { "2000-06-01", "2001-06-01", "2002-06-01" };
  cairo_surface_t *surface;
  GtkWidget *window, *view;
  double times[FRAMES], same_median = G_MAXDOUBLE, same_max = G_MAXDOUBLE;
  double new_median = G_MAXDOUBLE, new_max = G_MAXDOUBLE, first_size, first_colour[3];
  double scrub_median, scrub_max, zoom_frame, rebuild;
  guint n_scrub = 0;
  double scrub[28 * 12 + 12];

  setlocale (LC_ALL, "");
  gtk_init ();

  dataset = make_all_change_dataset ();
  view = icc_world_map_view_new ();
  icc_world_map_view_set_dataset (ICC_WORLD_MAP_VIEW (view), dataset);
  icc_world_map_view_set_focus (ICC_WORLD_MAP_VIEW (view), focus);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (view) != WIDTH || gtk_widget_get_height (view) != HEIGHT)
    g_main_context_iteration (NULL, TRUE);
  iterate ();

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);

  /* A new size: every shape rasterized; then the first frame on each of
   * the other dates. */
  set_date (focus, dates[0]);
  /* Drop the cache as a new size does. */
  GTK_WIDGET_GET_CLASS (view)->size_allocate (view, WIDTH, HEIGHT, -1);
  first_size = render_frame (view, surface);
  first_colour[0] = first_size;
  for (guint d = 1; d < 3; d++)
    {
      set_date (focus, dates[d]);
      first_colour[d] = render_frame (view, surface);
    }

  for (guint round = 0; round < ROUNDS; round++)
    {
      double median, max;

      set_date (focus, dates[2]);
      for (guint f = 0; f < FRAMES; f++)
        times[f] = render_frame (view, surface);
      median_max (times, FRAMES, &median, &max);
      same_median = MIN (same_median, median);
      same_max = MIN (same_max, max);

      for (guint f = 0; f < FRAMES; f++)
        {
          set_date (focus, dates[f % 3]);
          times[f] = render_frame (view, surface);
        }
      median_max (times, FRAMES, &median, &max);
      new_median = MIN (new_median, median);
      new_max = MIN (new_max, max);
    }

  /* Zooming: the old scale's runs drawn scaled, then rasterized again at
   * rest. */
  zoom_frame = 0;
  rebuild = 0;
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (view);
    GtkEventController *controller = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

        if (GTK_IS_EVENT_CONTROLLER_SCROLL (c))
          controller = c;
      }
    if (controller != NULL)
      {
        gboolean handled;

        g_signal_emit_by_name (controller, "scroll", 0.0, -1.0, &handled);
        zoom_frame = render_frame (view, surface);
        GTK_WIDGET_GET_CLASS (view)->size_allocate (view, WIDTH, HEIGHT, -1);
        rebuild = render_frame (view, surface);
      }
  }

  /* Scrubbing the real dataset: IccWorld (the list's model) and the map. */
  bundled = icc_dataset_load_bundled (NULL);
  world = icc_world_new (bundled);
  icc_world_map_view_reset (ICC_WORLD_MAP_VIEW (view));
  icc_world_map_view_set_dataset (ICC_WORLD_MAP_VIEW (view), bundled);
  /* Rasterized again at the reset's scale, as the widget does when the
   * zoom has rested (this loop runs no main loop to fire that timeout). */
  GTK_WIDGET_GET_CLASS (view)->size_allocate (view, WIDTH, HEIGHT, -1);
  set_date (focus, "1998-01-01");
  render_frame (view, surface);
  for (int year = 1998; year < 2026; year++)
    for (int month = 1; month <= 12; month++)
      {
        IccDate date;
        gint64 begin;

        icc_date_init (&date, year, month, 1);
        begin = g_get_monotonic_time ();
        icc_world_set_date (world, &date);
        icc_focus_set_date (focus, &date);
        render_frame (view, surface);
        scrub[n_scrub++] = (g_get_monotonic_time () - begin) / 1000.0;
      }
  median_max (scrub, n_scrub, &scrub_median, &scrub_max);

  g_print ("bench-map: %dx%d, snapshot + render to a cairo image surface, ms\n", WIDTH, HEIGHT);
  g_print ("  first frame at a size (rasterize all shapes):   %7.2f\n", first_size);
  g_print ("  first frame on each other date:                 %7.2f %7.2f\n",
           first_colour[1], first_colour[2]);
  g_print ("  same date again      median %6.2f  worst %6.2f\n", same_median, same_max);
  g_print ("  every state changes  median %6.2f  worst %6.2f\n", new_median, new_max);
  g_print ("  ratio changed/unchanged (medians): %.2f\n", new_median / same_median);
  g_print ("  zoom step (drawn scaled) %6.2f, rasterized again at rest %6.2f\n",
           zoom_frame, rebuild);
  g_print ("  scrub 1998-2026 by month, list model + map: median %6.2f  worst %6.2f (%u steps)\n",
           scrub_median, scrub_max, n_scrub);

  cairo_surface_destroy (surface);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();

  return 0;
}
