/* test-timeline-style.c: the timeline reads in every style (issue 13)
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In the light, dark and high contrast styles (and high contrast with a dark
 * preference): the count in a cluster's bubble and an era's title have AA
 * contrast (4.5:1) on what they are drawn on, era bands stand off the
 * background, and the focus ring, as rendered, stands 3:1 off it. In any
 * style, no axis label shows beside or under the cursor's date pill.
 */

#include "config.h"

#include <gtk/gtk.h>
#include <locale.h>

#include "icc-era.h"
#include "icc-event.h"
#include "icc-focus.h"
#include "icc-timeline-private.h"
#include "icc-ui-resources.h"
#include "icc-test-dates.h"

typedef struct
{
  const char *name;
  const char *theme;
  gboolean    dark;
} Style;

static const Style styles[] = {
  { "light", "Default", FALSE },
  { "dark", "Default", TRUE },
  { "hc", "HighContrast", FALSE },
  { "hc-dark", "HighContrast", TRUE },
};

typedef struct
{
  GtkWindow   *window;
  IccTimeline *timeline;
  GListStore  *events;
  GListStore  *eras;
  IccFocus    *focus;
} Fixture;

static void
add_event (GListStore   *store,
           const char   *id,
           const char   *date_text,
           IccEventKind  kind)
{
  g_autoptr(IccEvent) event = NULL;
  IccDate date;

  g_assert_true (icc_date_parse (date_text, &date, NULL));
  event = icc_event_new (id, kind, &date);
  icc_event_set_title (event, id);
  g_list_store_append (store, event);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  g_autoptr(IccEra) era = NULL;
  IccDate a;
  IccDate b;

  (void)icc_ui_resources_get_resource ();
  gtk_css_provider_load_from_resource (provider, "/org/example/IccTracker/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  fixture->events = g_list_store_new (ICC_TYPE_EVENT);
  add_event (fixture->events, "sign", "2000-09-13", ICC_EVENT_KIND_SIGNATURE);
  add_event (fixture->events, "eif", "2002-07-01", ICC_EVENT_KIND_ENTRY_INTO_FORCE);
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *id = g_strdup_printf ("dense%u", i);
      g_autofree char *date = g_strdup_printf ("2012-%02u-%02u", 1 + i / 3, 1 + i % 3);

      add_event (fixture->events, id, date, ICC_EVENT_KIND_REPORT);
    }
  add_event (fixture->events, "unsign", "2016-11-30", ICC_EVENT_KIND_SIGNATURE_WITHDRAWN);

  fixture->eras = g_list_store_new (ICC_TYPE_ERA);
  icc_date_init (&a, 2002, 7, 1);
  icc_date_init (&b, 2016, 11, 30);
  era = icc_era_new ("signatory", "Russia a signatory", &a, &b);
  g_list_store_append (fixture->eras, era);

  fixture->focus = icc_focus_new ();
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1280, 400);
  fixture->timeline = icc_timeline_new ();
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->timeline));
  icc_timeline_set_model (fixture->timeline, G_LIST_MODEL (fixture->events));
  icc_timeline_set_eras (fixture->timeline, G_LIST_MODEL (fixture->eras));
  icc_timeline_set_focus (fixture->timeline, fixture->focus);
  gtk_window_present (fixture->window);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  IccTimeline *timeline = g_object_ref (fixture->timeline);

  gtk_window_destroy (fixture->window);
  g_assert_finalize_object (timeline);
  g_clear_object (&fixture->events);
  g_clear_object (&fixture->eras);
  g_assert_finalize_object (fixture->focus);
  g_object_set (gtk_settings_get_default (),
                "gtk-theme-name", "Default",
                "gtk-application-prefer-dark-theme", FALSE,
                NULL);
}

/* Iterates the main loop until @done or 5 s. */
static gboolean
iterate_until (gboolean (*done) (Fixture *),
               Fixture   *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!done (fixture) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);

  return done (fixture);
}

static gboolean
is_allocated (Fixture *fixture)
{
  return gtk_widget_get_mapped (GTK_WIDGET (fixture->timeline)) &&
         gtk_widget_get_width (GTK_WIDGET (fixture->timeline)) > 0;
}

/* The palette follows the style: its background is the style's. */
static gboolean
palette_follows_style (Fixture *fixture)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (fixture->timeline));
  const IccTimelinePalette *palette =
    icc_timeline_renderer_get_palette (fixture->timeline->renderer);
  GdkRGBA bg;

  if (!gtk_style_context_lookup_color (context, "theme_bg_color", &bg))
    return FALSE;
  bg.alpha = 1;

  return gdk_rgba_equal (&bg, &palette->bg);
}

static void
set_style (Fixture     *fixture,
           const Style *style)
{
  g_object_set (gtk_settings_get_default (),
                "gtk-theme-name", style->theme,
                "gtk-application-prefer-dark-theme", style->dark,
                NULL);
  g_assert_true (iterate_until (is_allocated, fixture));
  g_assert_true (iterate_until (palette_follows_style, fixture));
}

static GskRenderNode *
render_node (Fixture *fixture)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (fixture->timeline));
  graphene_point_t origin;

  /* The snapshot GTK takes of the widget, CSS outline included, at the
   * widget's origin. */
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (fixture->timeline), parent,
                                           &GRAPHENE_POINT_INIT (0, 0), &origin));
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-origin.x, -origin.y));
  gtk_widget_snapshot_child (parent, GTK_WIDGET (fixture->timeline), snapshot);

  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

/* The colour of the pixel at (@x, @y) of the widget drawn on @bg. */
static GdkRGBA
rendered_pixel (Fixture       *fixture,
                const GdkRGBA *bg,
                int            x,
                int            y)
{
  g_autoptr(GskRenderNode) node = render_node (fixture);
  int width = gtk_widget_get_width (GTK_WIDGET (fixture->timeline));
  int height = gtk_widget_get_height (GTK_WIDGET (fixture->timeline));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  guint32 pixel;

  gdk_cairo_set_source_rgba (cr, bg);
  cairo_paint (cr);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  pixel = *(guint32 *)(cairo_image_surface_get_data (surface) +
                       y * cairo_image_surface_get_stride (surface) + x * 4);
  cairo_surface_destroy (surface);

  return (GdkRGBA) {
    ((pixel >> 16) & 0xff) / 255.0, ((pixel >> 8) & 0xff) / 255.0, (pixel & 0xff) / 255.0, 1
  };
}

static void
test_contrast (Fixture       *fixture,
               gconstpointer  data)
{
  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      const IccTimelinePalette *palette;
      GdkRGBA ring;
      double ratio;

      g_test_message ("style %s", styles[s].name);
      set_style (fixture, &styles[s]);
      palette = icc_timeline_renderer_get_palette (fixture->timeline->renderer);

      /* A cluster's count on its bubble; the bubble's outline. */
      ratio = icc_timeline_contrast_ratio (&palette->cluster_text, &palette->cluster_fill);
      g_test_message ("count on bubble %.2f", ratio);
      g_assert_cmpfloat (ratio, >=, 4.5);
      g_assert_cmpfloat (icc_timeline_contrast_ratio (&palette->cluster_line, &palette->bg), >=,
                         3);

      /* Era bands stand off the background, their edges clearly; titles
       * read on either band. */
      for (guint i = 0; i < 2; i++)
        {
          ratio = icc_timeline_contrast_ratio (&palette->era_fill[i], &palette->bg);
          g_test_message ("era band %u on background %.2f", i, ratio);
          g_assert_cmpfloat (ratio, >=, 1.1);
          g_assert_cmpfloat (icc_timeline_contrast_ratio (&palette->era_text,
                                                          &palette->era_fill[i]), >=, 4.5);
        }
      g_assert_cmpfloat (icc_timeline_contrast_ratio (&palette->era_edge, &palette->bg), >=, 1.8);

      /* The cursor's line and the selected event's ring, 3:1 as UI parts. */
      ratio = icc_timeline_contrast_ratio (&palette->accent_line, &palette->bg);
      g_test_message ("accent lines on background %.2f", ratio);
      g_assert_cmpfloat (ratio, >=, 3);

      /* The focus ring, as GTK draws it from style.css, on the left edge
       * halfway down (the lanes, clear of the axis and any marker). */
      gtk_window_set_focus_visible (fixture->window, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (fixture->timeline));
      g_assert_true (gtk_widget_has_visible_focus (GTK_WIDGET (fixture->timeline)));
      {
        gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

        /* The new state is drawn at the next frame. */
        do
          {
            g_main_context_iteration (NULL, FALSE);
            ring = rendered_pixel (fixture, &palette->bg, 1,
                                   gtk_widget_get_height (GTK_WIDGET (fixture->timeline)) / 2);
            ratio = icc_timeline_contrast_ratio (&ring, &palette->bg);
          }
        while (ratio < 3 && g_get_monotonic_time () < deadline);
      }
      g_test_message ("focus ring on background %.2f", ratio);
      g_assert_cmpfloat (ratio, >=, 3);
    }
}

static gboolean
rect_inside (const graphene_rect_t *inner,
             const graphene_rect_t *outer)
{
  return inner->origin.x >= outer->origin.x && inner->origin.y >= outer->origin.y &&
         inner->origin.x + inner->size.width <= outer->origin.x + outer->size.width &&
         inner->origin.y + inner->size.height <= outer->origin.y + outer->size.height;
}

/* Every text node of the top row that touches the pill lies inside it (it
 * is the pill's own date). */
static void
check_pill_clear (GskRenderNode         *node,
                  const graphene_rect_t *pill,
                  guint                 *n_inside)
{
  switch ((int)gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        check_pill_clear (gsk_container_node_get_child (node, i), pill, n_inside);
      break;

    case GSK_TRANSFORM_NODE:
      {
        GskTransform *transform = gsk_transform_node_get_transform (node);
        float dx;
        float dy;
        graphene_rect_t moved;

        g_assert_cmpint (gsk_transform_get_category (transform), >=,
                         GSK_TRANSFORM_CATEGORY_2D_TRANSLATE);
        gsk_transform_to_translate (transform, &dx, &dy);
        graphene_rect_offset_r (pill, -dx, -dy, &moved);
        check_pill_clear (gsk_transform_node_get_child (node), &moved, n_inside);
      }
      break;

    case GSK_ROUNDED_CLIP_NODE:
      check_pill_clear (gsk_rounded_clip_node_get_child (node), pill, n_inside);
      break;

    case GSK_CLIP_NODE:
      check_pill_clear (gsk_clip_node_get_child (node), pill, n_inside);
      break;

    case GSK_TEXT_NODE:
      {
        graphene_rect_t bounds;
        graphene_rect_t margin;
        graphene_rect_t ink;

        gsk_render_node_get_bounds (node, &bounds);
        graphene_rect_inset_r (pill, -4, 0, &margin);
        if (!graphene_rect_intersection (&bounds, &margin, NULL))
          break;
        /* The pill's own text (its glyphs' ink may pass its edge by a
         * pixel). */
        graphene_rect_inset_r (pill, -2, -2, &ink);
        if (!rect_inside (&bounds, &ink))
          g_test_message ("text %g,%g %gx%g touches the pill %g,%g %gx%g",
                          bounds.origin.x, bounds.origin.y, bounds.size.width,
                          bounds.size.height, pill->origin.x, pill->origin.y,
                          pill->size.width, pill->size.height);
        g_assert_true (rect_inside (&bounds, &ink));
        (*n_inside)++;
      }
      break;

    default:
      break;
    }
}

/* The pill: the rounded clip around the cursor's date. */
static gboolean
find_pill (GskRenderNode   *node,
           graphene_rect_t *pill)
{
  switch ((int)gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        if (find_pill (gsk_container_node_get_child (node, i), pill))
          return TRUE;
      return FALSE;

    case GSK_ROUNDED_CLIP_NODE:
      *pill = gsk_rounded_clip_node_get_clip (node)->bounds;
      return TRUE;

    default:
      return FALSE;
    }
}

static void
test_pill_clear_of_axis_labels (Fixture       *fixture,
                                gconstpointer  data)
{
  struct {
    double start;
    double end;
  } ranges[] = {
    { dmy (1, 1, 1998), dmy (1, 1, 2026) },   /* decades, years */
    { dmy (1, 1, 2016), dmy (1, 1, 2018) },   /* years over months */
    { dmy (1, 11, 2016), dmy (1, 1, 2017) },  /* months over days */
  };

  g_assert_true (iterate_until (is_allocated, fixture));
  g_assert_false (icc_timeline_axis_label_hidden (0, 40, 50, 150));
  g_assert_true (icc_timeline_axis_label_hidden (0, 46, 50, 150));
  g_assert_true (icc_timeline_axis_label_hidden (60, 90, 50, 150));
  g_assert_false (icc_timeline_axis_label_hidden (160, 200, 50, 150));

  for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
    {
      icc_timeline_zoom_to_range (fixture->timeline, ranges[r].start, ranges[r].end, FALSE);

      /* The cursor across the range, 25 places. */
      for (guint i = 0; i < 25; i++)
        {
          g_autoptr(GskRenderNode) node = NULL;
          double day = ranges[r].start + (ranges[r].end - ranges[r].start) * (i + .5) / 25;
          graphene_rect_t pill;
          guint n_inside = 0;
          IccDate date;

          icc_date_init_from_day (&date, (gint32)day);
          icc_focus_set_date (fixture->focus, &date);
          node = render_node (fixture);
          g_assert_true (find_pill (node, &pill));
          check_pill_clear (node, &pill, &n_inside);
          g_assert_cmpuint (n_inside, ==, 1);
        }
    }
}

/* A label cut by the next marker wraps onto the lines its lane has room
 * for: taller lanes show more of it (issue 13: "Signature withdr…"). */
static void
test_label_lines (void)
{
  IccTimelineGeometry geometry;

  icc_timeline_geometry_init (&geometry, 800, 160, 15);
  g_assert_cmpint (icc_timeline_geometry_label_lines (&geometry, 15), ==, 1);
  icc_timeline_geometry_init (&geometry, 800, 220, 15);
  g_assert_cmpint (icc_timeline_geometry_label_lines (&geometry, 15), ==, 2);
  icc_timeline_geometry_init (&geometry, 800, 300, 15);
  g_assert_cmpint (icc_timeline_geometry_label_lines (&geometry, 15), ==, 3);
  icc_timeline_geometry_init (&geometry, 800, 1000, 15);
  g_assert_cmpint (icc_timeline_geometry_label_lines (&geometry, 15), ==, 3);
  /* The presentation's large text: fewer lines in the same lanes. */
  icc_timeline_geometry_init (&geometry, 800, 300, 30);
  g_assert_cmpint (icc_timeline_geometry_label_lines (&geometry, 30), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timeline/style/label-lines", test_label_lines);
  g_test_add ("/timeline/style/contrast", Fixture, NULL,
              fixture_setup, test_contrast, fixture_teardown);
  g_test_add ("/timeline/style/pill-clear-of-axis-labels", Fixture, NULL,
              fixture_setup, test_pill_clear_of_axis_labels, fixture_teardown);

  return g_test_run ();
}
