/* test-world-map-view.c: the map widget (issue 14), from its pixels: the
 * five states' colours on three dates, a click on a state's pixel selects
 * it.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gtk/gtk.h>

#include "icc-test-load.h"
#include "icc-world-map-renderer.h"
#include "icc-world-map-view.h"

#define WIDTH  1280
#define HEIGHT 800

static const struct {
  const char *date;
  const char *code;
  IccStatus   status;
} expected[] = {
  { "2000-01-01", "RU", ICC_STATUS_NONE },
  { "2000-01-01", "BR", ICC_STATUS_NONE },
  { "2000-01-01", "US", ICC_STATUS_NONE },
  { "2000-01-01", "UA", ICC_STATUS_NONE },
  { "2000-01-01", "HU", ICC_STATUS_SIGNATORY },
  { "2016-12-01", "RU", ICC_STATUS_UNSIGNED },
  { "2016-12-01", "BR", ICC_STATUS_PARTY },
  { "2016-12-01", "US", ICC_STATUS_UNSIGNED },
  { "2016-12-01", "UA", ICC_STATUS_SIGNATORY },
  { "2016-12-01", "HU", ICC_STATUS_PARTY },
  { "2025-01-01", "RU", ICC_STATUS_UNSIGNED },
  { "2025-01-01", "BR", ICC_STATUS_PARTY },
  { "2025-01-01", "US", ICC_STATUS_UNSIGNED },
  { "2025-01-01", "UA", ICC_STATUS_PARTY },
  { "2025-01-01", "HU", ICC_STATUS_PARTY },
};

typedef struct
{
  GtkWindow       *window;
  IccWorldMapView *view;
  IccFocus        *focus;
  IccDataset      *dataset;
} Fixture;

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dataset = test_load_bundled ();
  fixture->focus = icc_focus_new ();
  fixture->view = ICC_WORLD_MAP_VIEW (icc_world_map_view_new ());
  icc_world_map_view_set_dataset (fixture->view, fixture->dataset);
  icc_world_map_view_set_focus (fixture->view, fixture->focus);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, WIDTH, HEIGHT);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  while (gtk_widget_get_width (GTK_WIDGET (fixture->view)) != WIDTH)
    g_main_context_iteration (NULL, TRUE);
  iterate ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (fixture->view), (gpointer *)&fixture->view);
  gtk_window_destroy (fixture->window);
  iterate ();
  g_assert_null (fixture->view);
  g_clear_object (&fixture->focus);
  g_assert_finalize_object (fixture->dataset);
}

static cairo_surface_t *
render (Fixture *fixture)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  cairo_surface_t *surface;
  cairo_t *cr;
  IccWorldMapPalette palette;
  int ds = gtk_widget_get_scale_factor (GTK_WIDGET (fixture->view));

  GTK_WIDGET_GET_CLASS (fixture->view)->snapshot (GTK_WIDGET (fixture->view), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  /* Behind the map, the view's background as the window draws it. */
  icc_world_map_palette_init_widget (&palette, GTK_WIDGET (fixture->view));
  /* At the display's scale, as GTK draws a window. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH * ds, HEIGHT * ds);
  cairo_surface_set_device_scale (surface, ds, ds);
  cr = cairo_create (surface);
  gdk_cairo_set_source_rgba (cr, &palette.sea);
  cairo_paint (cr);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  gsk_render_node_unref (node);

  return surface;
}

static gboolean
near (guint32        pixel,
      const GdkRGBA *color)
{
  int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

  return ABS (r - (int)(color->red * 255 + .5)) <= 6 &&
         ABS (g - (int)(color->green * 255 + .5)) <= 6 &&
         ABS (b - (int)(color->blue * 255 + .5)) <= 6;
}

/* The pixel at (@x, @y) in the widget's coordinates. */
static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  double ds;

  cairo_surface_get_device_scale (surface, &ds, NULL);

  return *(const guint32 *)(cairo_image_surface_get_data (surface) +
                            (gsize)(int)(y * ds) * cairo_image_surface_get_stride (surface) +
                            (int)(x * ds) * 4);
}

static void
test_colours (Fixture       *fixture,
              gconstpointer  data)
{
  IccWorldMapPalette palette;

  /* The widget's palette is the state list's (data/style.css). */
  icc_world_map_palette_init_widget (&palette, GTK_WIDGET (fixture->view));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      cairo_surface_t *surface;
      gboolean found = FALSE;
      IccDate date;
      double x, y;

      g_assert_true (icc_date_parse (expected[i].date, &date, NULL));
      icc_focus_set_date (fixture->focus, &date);
      surface = render (fixture);

      g_assert_true (icc_world_map_view_get_point (fixture->view, expected[i].code, &x, &y));
      for (int dy = -4; dy <= 4; dy++)
        for (int dx = -4; dx <= 4; dx++)
          {
            guint32 pixel = pixel_at (surface, (int)x + dx, (int)y + dy);

            for (guint s = 0; s < ICC_N_STATUSES; s++)
              if (near (pixel, &palette.statuses[s]))
                {
                  if (s != expected[i].status)
                    g_error ("%s on %s: a pixel of status %u", expected[i].code,
                             expected[i].date, s);
                  found = TRUE;
                }
          }
      if (!found)
        g_error ("%s on %s: no pixel of status %u", expected[i].code, expected[i].date,
                 expected[i].status);

      if (g_getenv ("ICC_TEST_KEEP_PNG") != NULL && i % 5 == 0)
        {
          g_autofree char *name = g_strdup_printf ("/tmp/test-world-map-view-%s.png",
                                                   expected[i].date);

          cairo_surface_write_to_png (surface, name);
        }
      cairo_surface_destroy (surface);
    }
}

static void
test_click (Fixture       *fixture,
            gconstpointer  data)
{
  const char *codes[] = { "HU", "BR", "RU", "US", "UA", "LU", "TV" };
  double x, y;

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_assert_true (icc_world_map_view_get_point (fixture->view, codes[i], &x, &y));
      g_assert_true (icc_world_map_view_click (fixture->view, x, y));
      g_assert_nonnull (icc_focus_get_state (fixture->focus));
      g_assert_cmpstr (icc_state_get_code (icc_focus_get_state (fixture->focus)), ==, codes[i]);
    }

  /* The sea selects nothing and keeps the selection. */
  g_assert_false (icc_world_map_view_click (fixture->view, 2, 2));
  g_assert_cmpstr (icc_state_get_code (icc_focus_get_state (fixture->focus)), ==, "TV");
}

/* Whether any pixel of the 9 × 9 square at (@x, @y) is near @color. */
static gboolean
square_has (cairo_surface_t *surface,
            double           x,
            double           y,
            const GdkRGBA   *color)
{
  for (int dy = -4; dy <= 4; dy++)
    for (int dx = -4; dx <= 4; dx++)
      if (near (pixel_at (surface, (int)x + dx, (int)y + dy), color))
        return TRUE;

  return FALSE;
}

/* A state whose fact is not confirmed is hatched (its colour and a lighter
 * stripe), a small state is a dot in its status's colour ringed by the
 * background, and neither leaks onto its neighbours: with the drawing
 * made of runs and tiles (icc-world-map-view-compose.c), and at the
 * display's scale (this test also runs with GDK_SCALE=2). */
static void
test_hatch_and_dots (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(IccDataset) dataset = icc_dataset_new ();
  const char *codes[] = { "BR", "MT", "LU", NULL };
  IccWorldMapPalette palette;
  GdkRGBA ratified, signatory, stripe, land;
  cairo_surface_t *surface;
  double x, y;
  IccDate date;

  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_autoptr(IccState) state = icc_state_new (codes[i], codes[i]);

      icc_dataset_add_state (dataset, state);
    }
  {
    g_autoptr(IccEvent) sign = NULL, ratify = NULL;

    icc_date_init (&date, 2000, 1, 1);
    sign = icc_event_new ("sign", ICC_EVENT_KIND_SIGNATURE, &date);
    icc_event_set_states (sign, (const char * const[]) { "BR", "MT", "LU", NULL });
    icc_dataset_add_event (dataset, sign);
    icc_date_init (&date, 2001, 1, 1);
    ratify = icc_event_new ("ratify", ICC_EVENT_KIND_RATIFICATION, &date);
    icc_event_set_states (ratify, (const char * const[]) { "BR", NULL });
    icc_event_set_certainty (ratify, ICC_CERTAINTY_SINGLE_SOURCE);
    icc_dataset_add_event (dataset, ratify);
  }
  g_assert_true (icc_dataset_index (dataset, NULL, NULL));
  icc_world_map_view_set_dataset (fixture->view, dataset);
  icc_date_init (&date, 2001, 6, 1);
  icc_focus_set_date (fixture->focus, &date);

  icc_world_map_palette_init_widget (&palette, GTK_WIDGET (fixture->view));
  ratified = palette.statuses[ICC_STATUS_RATIFIED];
  signatory = palette.statuses[ICC_STATUS_SIGNATORY];
  stripe.red = (ratified.red + palette.sea.red * 1.2) / 2.2;
  stripe.green = (ratified.green + palette.sea.green * 1.2) / 2.2;
  stripe.blue = (ratified.blue + palette.sea.blue * 1.2) / 2.2;
  stripe.alpha = 1;

  surface = render (fixture);
  if (g_getenv ("ICC_TEST_KEEP_PNG") != NULL)
    cairo_surface_write_to_png (surface, "/tmp/test-world-map-view-hatch.png");

  /* Brazil, ratified on one source: both the colour and the stripe. */
  g_assert_true (icc_world_map_view_get_point (fixture->view, "BR", &x, &y));
  g_assert_true (square_has (surface, x, y, &ratified));
  g_assert_true (square_has (surface, x, y, &stripe));

  /* Malta, a signatory: a dot in the status's colour. */
  g_assert_true (icc_world_map_view_get_point (fixture->view, "MT", &x, &y));
  g_assert_true (near (pixel_at (surface, x, y), &signatory));
  /* Luxembourg, a signatory among land (its neighbours are not in this
   * dataset): a dot, ringed by the background to stand out of the land. */
  g_assert_true (icc_world_map_view_get_point (fixture->view, "LU", &x, &y));
  g_assert_true (near (pixel_at (surface, x, y), &signatory));
  g_assert_true (square_has (surface, x, y, &palette.sea));

  /* Argentina, beside Brazil, not in this dataset: land (translucent,
   * over the background). */
  g_assert_true (icc_world_map_view_get_point (fixture->view, "AR", &x, &y));
  land.red = palette.sea.red + (palette.land.red - palette.sea.red) * palette.land.alpha;
  land.green = palette.sea.green + (palette.land.green - palette.sea.green) * palette.land.alpha;
  land.blue = palette.sea.blue + (palette.land.blue - palette.sea.blue) * palette.land.alpha;
  land.alpha = 1;
  g_assert_true (square_has (surface, x, y, &land));
  g_assert_false (square_has (surface, x, y, &ratified));

  cairo_surface_destroy (surface);
  icc_world_map_view_set_dataset (fixture->view, NULL);
}

static void
set_window_size (Fixture *fixture,
                 int      width,
                 int      height)
{
  gtk_window_set_default_size (fixture->window, width, height);
  while (gtk_widget_get_width (GTK_WIDGET (fixture->view)) != width ||
         gtk_widget_get_height (GTK_WIDGET (fixture->view)) != height)
    g_main_context_iteration (NULL, TRUE);
  iterate ();
}

/* Activates the view's key binding for @keyval, as pressing it does. */
static void
press (Fixture *fixture,
       guint    keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->view));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      g_autoptr(GListModel) shortcuts = NULL;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      shortcuts = g_object_ref (G_LIST_MODEL (controller));
      for (guint k = 0; k < g_list_model_get_n_items (shortcuts); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, k);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                           GTK_WIDGET (fixture->view),
                                                           gtk_shortcut_get_arguments (shortcut)));
              return;
            }
        }
    }
  g_assert_not_reached ();
}

/* A narrow map still draws the dots of the states at the world's edge
 * (Tuvalu's is 6 px from its right edge at 1280 px; the drawn area now
 * reaches a dot's size past the edge), and zooming (drawn scaled until
 * rasterized again) and panning past every edge of the world write within
 * their tiles (this test runs under AddressSanitizer in CI). */
static void
test_edges_zoom_pan (Fixture       *fixture,
                     gconstpointer  data)
{
  const guint keys[] = { GDK_KEY_Left, GDK_KEY_Up, GDK_KEY_Right, GDK_KEY_Down };
  IccWorldMapPalette palette;
  cairo_surface_t *surface;
  double x, y;

  icc_world_map_palette_init_widget (&palette, GTK_WIDGET (fixture->view));
  set_window_size (fixture, 480, 300);
  surface = render (fixture);
  g_assert_true (icc_world_map_view_get_point (fixture->view, "TV", &x, &y));
  g_assert_false (near (pixel_at (surface, x, y), &palette.sea));
  for (int dx = -2; dx <= 2; dx++)
    g_assert_cmphex (pixel_at (surface, x + dx, y), ==, pixel_at (surface, x, y));
  cairo_surface_destroy (surface);

  set_window_size (fixture, 641, 397);
  for (guint step = 0; step < 24; step++)
    {
      /* In, then out, drawn at the old scale each time; then rasterized. */
      press (fixture, step < 8 ? GDK_KEY_plus : step < 12 ? GDK_KEY_minus : keys[step % 4]);
      cairo_surface_destroy (render (fixture));
      if (step % 3 == 2)
        {
          GTK_WIDGET_GET_CLASS (fixture->view)->size_allocate (GTK_WIDGET (fixture->view),
                                                              641, 397, -1);
          cairo_surface_destroy (render (fixture));
        }
    }
  /* Far past the edges at the largest zoom. */
  for (guint step = 0; step < 40; step++)
    {
      press (fixture, keys[(step / 10) % 4]);
      cairo_surface_destroy (render (fixture));
    }
  press (fixture, GDK_KEY_0);
  cairo_surface_destroy (render (fixture));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/world-map-view/colours", Fixture, NULL,
              fixture_set_up, test_colours, fixture_tear_down);
  g_test_add ("/world-map-view/click", Fixture, NULL,
              fixture_set_up, test_click, fixture_tear_down);
  g_test_add ("/world-map-view/hatch-and-dots", Fixture, NULL,
              fixture_set_up, test_hatch_and_dots, fixture_tear_down);
  g_test_add ("/world-map-view/edges-zoom-pan", Fixture, NULL,
              fixture_set_up, test_edges_zoom_pan, fixture_tear_down);

  return g_test_run ();
}
