/* icc-world-map-view.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drawing: each state's shape is rasterized once per scale into an A8 mask
 * (borders cut out as gaps), and from it, once per colour used, an image
 * and a render node that paints it. A frame is then one kept node per
 * state, whatever the date: a new date only picks other nodes, so it costs
 * what an unchanged frame costs. (Texture nodes cost five times more with
 * GTK 4.8's cairo renderer, which copies a texture into a new surface at
 * every draw: bench-map.) Zooming draws the old images scaled until the
 * gesture pauses, then rasterizes again; panning needs nothing new until
 * it leaves the area rasterized (three times the view each way). Hover,
 * selection and the dots are drawn on top, uncached.
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "icc-enum-util.h"
#include "icc-world-map.h"
#include "icc-world-map-renderer.h"
#include "icc-world-map-view.h"

#define N_VARIANTS      (2 * ICC_N_STATUSES + 1)
#define MAX_ZOOM        32.0
#define REBUILD_DELAY   150
/* A small state whose shape covers less than this many pixels² gets a dot. */
#define DOT_MIN_AREA    60.0
#define HATCH_PERIOD    6

typedef struct
{
  cairo_surface_t *mask;   /* A8, NULL when empty or outside */
  int              x;      /* top left, device pixels of the map's space */
  int              y;
  /* Per colour: the coloured image, and a node that paints it. */
  cairo_surface_t *images[N_VARIANTS];
  GskRenderNode   *nodes[N_VARIANTS];
} ShapeCache;

struct _IccWorldMapView
{
  GtkWidget           parent_instance;

  IccWorldMap        *map;
  IccDataset         *dataset;
  IccFocus           *focus;
  guint8             *fills;
  IccState          **states;
  guint               n_shapes;
  IccWorldMapPalette  palette;

  /* The view: 1 = the whole world fits; the map point at the centre. */
  double              zoom;
  double              center_x;
  double              center_y;

  /* The rasterized shapes: at cache_scale device pixels per map unit, over
   * the rectangle (cache_x0, cache_y0)-(cache_x1, cache_y1) of device pixels
   * (map unit 0 at device pixel 0). */
  ShapeCache         *cache;
  double              cache_scale;
  int                 cache_x0;
  int                 cache_y0;
  int                 cache_x1;
  int                 cache_y1;
  guint               rebuild_id;

  GskRenderNode      *legend;
  int                 legend_width;
  double              legend_height;

  int                 hover;
  double              pointer_x;
  double              pointer_y;
  double              drag_center_x;
  double              drag_center_y;
  double              gesture_zoom;
  gboolean            dragged;
};

G_DEFINE_FINAL_TYPE (IccWorldMapView, icc_world_map_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_FOCUS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
drop_textures (IccWorldMapView *self)
{
  for (guint i = 0; i < self->n_shapes; i++)
    for (guint v = 0; v < N_VARIANTS; v++)
      {
        g_clear_pointer (&self->cache[i].nodes[v], gsk_render_node_unref);
        g_clear_pointer (&self->cache[i].images[v], cairo_surface_destroy);
      }
}

static void
drop_cache (IccWorldMapView *self)
{
  drop_textures (self);
  for (guint i = 0; i < self->n_shapes; i++)
    g_clear_pointer (&self->cache[i].mask, cairo_surface_destroy);
  self->cache_scale = 0;
}

static int
variant_of (guint8 fill)
{
  if (fill == ICC_WORLD_MAP_FILL_LAND)
    return 2 * ICC_N_STATUSES;

  return MIN (fill & ~ICC_WORLD_MAP_FILL_UNCERTAIN, ICC_N_STATUSES - 1) +
         ((fill & ICC_WORLD_MAP_FILL_UNCERTAIN) ? ICC_N_STATUSES : 0);
}

/* Pixels per map unit, in logical pixels. */
static double
get_scale (IccWorldMapView *self)
{
  IccMapBounds extent;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  icc_world_map_get_extent (self->map, &extent);

  return MIN (width / (extent.x1 - extent.x0), height / (extent.y1 - extent.y0)) * 0.98 *
         self->zoom;
}

static void
map_to_widget (IccWorldMapView *self,
               double           mx,
               double           my,
               double          *x,
               double          *y)
{
  double scale = get_scale (self);

  *x = (mx - self->center_x) * scale + gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  *y = (my - self->center_y) * scale + gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
}

static void
widget_to_map (IccWorldMapView *self,
               double           x,
               double           y,
               double          *mx,
               double          *my)
{
  double scale = get_scale (self);

  *mx = (x - gtk_widget_get_width (GTK_WIDGET (self)) / 2.0) / scale + self->center_x;
  *my = (y - gtk_widget_get_height (GTK_WIDGET (self)) / 2.0) / scale + self->center_y;
}

static void
update_fills (IccWorldMapView *self)
{
  const IccDate *date = self->focus != NULL ? icc_focus_get_date (self->focus) : NULL;
  gint32 day;

  if (date != NULL)
    day = icc_date_get_day (date);
  else
    {
      IccDate today;

      icc_date_init_today (&today);
      day = icc_date_get_day (&today);
    }

  for (guint i = 0; i < self->n_shapes; i++)
    self->states[i] = self->dataset != NULL ?
                      icc_dataset_lookup_state (self->dataset,
                                                icc_world_map_get_code (self->map, i)) :
                      NULL;

  if (icc_world_map_compute_fills (self->map, self->dataset, day, self->fills) > 0)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
date_changed_cb (IccWorldMapView *self)
{
  update_fills (self);
}

static void
state_changed_cb (IccWorldMapView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
events_changed_cb (IccWorldMapView *self)
{
  update_fills (self);
}

/* Rasterizing. */

static cairo_surface_t *
make_mask (IccWorldMapView *self,
           guint            shape,
           double           scale,
           int             *out_x,
           int             *out_y)
{
  IccMapBounds bounds;
  cairo_surface_t *mask;
  cairo_t *cr;
  int x0, y0, x1, y1;
  guint n_rings;

  icc_world_map_get_rings (self->map, shape, &n_rings);
  if (n_rings == 0)
    return NULL;

  icc_world_map_get_bounds (self->map, shape, &bounds);
  x0 = MAX ((int)floor (bounds.x0 * scale) - 1, self->cache_x0);
  y0 = MAX ((int)floor (bounds.y0 * scale) - 1, self->cache_y0);
  x1 = MIN ((int)ceil (bounds.x1 * scale) + 1, self->cache_x1);
  y1 = MIN ((int)ceil (bounds.y1 * scale) + 1, self->cache_y1);
  if (x1 <= x0 || y1 <= y0)
    return NULL;

  mask = cairo_image_surface_create (CAIRO_FORMAT_A8, x1 - x0, y1 - y0);
  cr = cairo_create (mask);
  cairo_translate (cr, -x0, -y0);
  cairo_scale (cr, scale, scale);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  icc_world_map_append_path (cr, self->map, shape);
  cairo_fill_preserve (cr);
  /* Borders as gaps: half a device pixel off each side of every border,
   * less when zoomed out so that small states keep their colour. */
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_set_line_width (cr, MIN (1.0, 0.6 * self->zoom) / scale);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_destroy (cr);
  cairo_surface_flush (mask);

  *out_x = x0;
  *out_y = y0;

  return mask;
}

static void
rebuild_cache (IccWorldMapView *self,
               double           scale,
               int              origin_x,
               int              origin_y,
               int              width,
               int              height)
{
  IccMapBounds extent;

  drop_cache (self);

  /* The view and one more view each way, within the world. */
  icc_world_map_get_extent (self->map, &extent);
  self->cache_x0 = MAX (-origin_x - width, (int)floor (extent.x0 * scale) - 2);
  self->cache_y0 = MAX (-origin_y - height, (int)floor (extent.y0 * scale) - 2);
  self->cache_x1 = MIN (-origin_x + 2 * width, (int)ceil (extent.x1 * scale) + 2);
  self->cache_y1 = MIN (-origin_y + 2 * height, (int)ceil (extent.y1 * scale) + 2);
  self->cache_scale = scale;

  for (guint i = 0; i < self->n_shapes; i++)
    self->cache[i].mask = make_mask (self, i, scale, &self->cache[i].x, &self->cache[i].y);
}

static guint32
premultiply (const GdkRGBA *color,
             double         alpha)
{
  double a = CLAMP (color->alpha * alpha, 0, 1);

  return ((guint32)(a * 255 + .5) << 24) |
         ((guint32)(color->red * a * 255 + .5) << 16) |
         ((guint32)(color->green * a * 255 + .5) << 8) |
         (guint32)(color->blue * a * 255 + .5);
}

static cairo_surface_t *
make_image (IccWorldMapView *self,
            ShapeCache      *cache,
            guint8           fill)
{
  int width = cairo_image_surface_get_width (cache->mask);
  int height = cairo_image_surface_get_height (cache->mask);
  int mask_stride = cairo_image_surface_get_stride (cache->mask);
  const guint8 *mask = cairo_image_surface_get_data (cache->mask);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  guint8 *pixels = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);
  guint32 colors[2][256];
  GdkRGBA color, stripe;
  gboolean hatched;

  icc_world_map_fill_color (&self->palette, fill, &color, &hatched);
  /* The hatch's light stripes: the colour, half towards the background. */
  stripe.red = (color.red + self->palette.sea.red * 1.2) / 2.2;
  stripe.green = (color.green + self->palette.sea.green * 1.2) / 2.2;
  stripe.blue = (color.blue + self->palette.sea.blue * 1.2) / 2.2;
  stripe.alpha = color.alpha;
  for (guint a = 0; a < 256; a++)
    {
      colors[0][a] = premultiply (&color, a / 255.0);
      colors[1][a] = premultiply (hatched ? &stripe : &color, a / 255.0);
    }

  for (int y = 0; y < height; y++)
    {
      const guint8 *row = mask + (gsize)y * mask_stride;
      guint32 *out = (guint32 *)(pixels + (gsize)y * stride);
      /* Stripes at 45°, continuous from one state to the next. */
      int phase = cache->x + cache->y + y + (1 << 20) * HATCH_PERIOD;

      for (int x = 0; x < width; x++)
        out[x] = colors[(phase + x) % HATCH_PERIOD < HATCH_PERIOD / 2][row[x]];
    }

  cairo_surface_mark_dirty (image);

  return image;
}

/* A node that paints the image: made once per colour and kept, so that a
 * frame only composites images (and GL can keep what it uploaded). */
static GskRenderNode *
make_node (ShapeCache      *cache,
           cairo_surface_t *image,
           int              ds)
{
  int width = cairo_image_surface_get_width (image);
  int height = cairo_image_surface_get_height (image);
  GskRenderNode *node;
  cairo_t *cr;

  node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT ((float)cache->x / ds, (float)cache->y / ds,
                                                  (float)width / ds, (float)height / ds));
  cr = gsk_cairo_node_get_draw_context (node);
  cairo_scale (cr, 1.0 / ds, 1.0 / ds);
  cairo_set_source_surface (cr, image, cache->x, cache->y);
  cairo_paint (cr);
  cairo_destroy (cr);

  return node;
}

static void
rebuild_cb (gpointer data)
{
  IccWorldMapView *self = data;

  self->rebuild_id = 0;
  self->cache_scale = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Drawing. */

static void
append_shape_outline (IccWorldMapView *self,
                      GtkSnapshot     *snapshot,
                      guint            shape,
                      const GdkRGBA   *color,
                      double           line_width)
{
  IccMapBounds bounds;
  double x0, y0, x1, y1, scale = get_scale (self);
  cairo_t *cr;

  icc_world_map_get_bounds (self->map, shape, &bounds);
  map_to_widget (self, bounds.x0, bounds.y0, &x0, &y0);
  map_to_widget (self, bounds.x1, bounds.y1, &x1, &y1);
  x0 = MAX (x0 - line_width, -line_width);
  y0 = MAX (y0 - line_width, -line_width);
  x1 = MIN (x1 + line_width, gtk_widget_get_width (GTK_WIDGET (self)) + line_width);
  y1 = MIN (y1 + line_width, gtk_widget_get_height (GTK_WIDGET (self)) + line_width);
  if (x1 <= x0 || y1 <= y0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x0, y0, x1 - x0, y1 - y0));
  cairo_translate (cr, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                   gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -self->center_x, -self->center_y);
  icc_world_map_append_path (cr, self->map, shape);
  cairo_identity_matrix (cr);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_set_line_width (cr, line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static gboolean
has_dot (IccWorldMapView *self,
         guint            shape)
{
  double scale;

  if (self->fills[shape] == ICC_WORLD_MAP_FILL_LAND || !icc_world_map_is_small (self->map, shape))
    return FALSE;

  scale = get_scale (self);

  return icc_world_map_get_area (self->map, shape) * scale * scale < DOT_MIN_AREA;
}

static void
append_dot (IccWorldMapView *self,
            GtkSnapshot     *snapshot,
            guint            shape,
            const GdkRGBA   *ring,
            double           ring_width)
{
  const double r = ICC_WORLD_MAP_DOT_RADIUS;
  GskRoundedRect outer;
  GdkRGBA color, stripe;
  gboolean hatched;
  double mx, my, x, y;

  icc_world_map_get_centroid (self->map, shape, &mx, &my);
  map_to_widget (self, mx, my, &x, &y);
  icc_world_map_fill_color (&self->palette, self->fills[shape], &color, &hatched);

  gsk_rounded_rect_init_from_rect (&outer, &GRAPHENE_RECT_INIT (x - r, y - r, 2 * r, 2 * r), r);
  gtk_snapshot_push_rounded_clip (snapshot, &outer);
  gtk_snapshot_append_color (snapshot, &color, &outer.bounds);
  if (hatched)
    {
      /* Not confirmed: a ring, its middle the background. */
      GskRoundedRect inner;

      stripe = self->palette.sea;
      gsk_rounded_rect_init_from_rect (&inner, &GRAPHENE_RECT_INIT (x - r / 2, y - r / 2, r, r),
                                       r / 2);
      gtk_snapshot_push_rounded_clip (snapshot, &inner);
      gtk_snapshot_append_color (snapshot, &stripe, &inner.bounds);
      gtk_snapshot_pop (snapshot);
    }
  gtk_snapshot_pop (snapshot);

  gtk_snapshot_append_border (snapshot, &outer,
                              (float[4]) { ring_width, ring_width, ring_width, ring_width },
                              (GdkRGBA[4]) { *ring, *ring, *ring, *ring });
}

static void
ensure_legend (IccWorldMapView *self,
               int              width)
{
  GtkSnapshot *snapshot;
  cairo_t *cr;
  double height;
  int legend_width = MIN (width - 16, 640);

  if (self->legend != NULL && self->legend_width == legend_width)
    return;

  g_clear_pointer (&self->legend, gsk_render_node_unref);
  self->legend_width = legend_width;
  if (legend_width < 80)
    return;

  /* Measure, then draw on a background of its own. */
  {
    cairo_surface_t *probe = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);

    cr = cairo_create (probe);
    height = icc_world_map_draw_legend (cr, gtk_widget_get_pango_context (GTK_WIDGET (self)),
                                        &self->palette, 0, 0, legend_width - 16);
    cairo_destroy (cr);
    cairo_surface_destroy (probe);
  }
  self->legend_height = height + 12;

  snapshot = gtk_snapshot_new ();
  {
    GskRoundedRect box;
    GdkRGBA bg = self->palette.sea;

    bg.alpha = 0.85;
    gsk_rounded_rect_init_from_rect (&box, &GRAPHENE_RECT_INIT (0, 0, legend_width,
                                                                self->legend_height), 6);
    gtk_snapshot_push_rounded_clip (snapshot, &box);
    gtk_snapshot_append_color (snapshot, &bg, &box.bounds);
    gtk_snapshot_pop (snapshot);
  }
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, legend_width,
                                                                 self->legend_height));
  icc_world_map_draw_legend (cr, gtk_widget_get_pango_context (GTK_WIDGET (self)),
                             &self->palette, 8, 6, legend_width - 16);
  cairo_destroy (cr);
  self->legend = gtk_snapshot_free_to_node (snapshot);
}

static void
icc_world_map_view_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  IccWorldMapView *self = ICC_WORLD_MAP_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int ds = gtk_widget_get_scale_factor (widget);
  double scale = get_scale (self);
  double device_scale = scale * ds;
  double ox, oy;
  int origin_x, origin_y;
  double ratio;
  IccState *selected;

  if (width <= 0 || height <= 0)
    return;

  /* Where map unit 0 is, in device pixels, rounded so that textures sit on
   * whole pixels. */
  map_to_widget (self, 0, 0, &ox, &oy);
  origin_x = (int)round (ox * ds);
  origin_y = (int)round (oy * ds);

  if (self->cache_scale == 0)
    rebuild_cache (self, device_scale, origin_x, origin_y, width * ds, height * ds);
  else if (fabs (self->cache_scale - device_scale) > 1e-9 * device_scale)
    {
      /* Zooming: scale what there is, rasterize when the zoom pauses. */
      g_clear_handle_id (&self->rebuild_id, g_source_remove);
      self->rebuild_id = g_timeout_add_once (REBUILD_DELAY, rebuild_cb, self);
    }
  else if (-origin_x < self->cache_x0 || -origin_y < self->cache_y0 ||
           -origin_x + width * ds > self->cache_x1 || -origin_y + height * ds > self->cache_y1)
    {
      /* Panned out of the rasterized area: not at the world's edge. */
      IccMapBounds extent;

      icc_world_map_get_extent (self->map, &extent);
      if ((-origin_x < self->cache_x0 && self->cache_x0 > extent.x0 * device_scale) ||
          (-origin_y < self->cache_y0 && self->cache_y0 > extent.y0 * device_scale) ||
          (-origin_x + width * ds > self->cache_x1 && self->cache_x1 < extent.x1 * device_scale) ||
          (-origin_y + height * ds > self->cache_y1 && self->cache_y1 < extent.y1 * device_scale))
        rebuild_cache (self, device_scale, origin_x, origin_y, width * ds, height * ds);
    }

  ratio = device_scale / self->cache_scale;

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float)origin_x / ds,
                                                          (float)origin_y / ds));
  if (ratio != 1)
    gtk_snapshot_scale (snapshot, ratio, ratio);

  for (guint i = 0; i < self->n_shapes; i++)
    {
      ShapeCache *cache = &self->cache[i];
      int v;

      if (cache->mask == NULL)
        continue;

      v = variant_of (self->fills[i]);
      if (cache->nodes[v] == NULL)
        {
          cache->images[v] = make_image (self, cache, self->fills[i]);
          cache->nodes[v] = make_node (cache, cache->images[v], ds);
        }

      gtk_snapshot_append_node (snapshot, cache->nodes[v]);
    }
  gtk_snapshot_restore (snapshot);

  selected = self->focus != NULL ? icc_focus_get_state (self->focus) : NULL;

  for (guint i = 0; i < self->n_shapes; i++)
    if (has_dot (self, i))
      append_dot (self, snapshot, i, &self->palette.sea, 1);

  if (self->hover >= 0)
    {
      GdkRGBA color = self->palette.fg;

      color.alpha *= 0.6;
      if (has_dot (self, self->hover))
        append_dot (self, snapshot, self->hover, &color, 1.5);
      else
        append_shape_outline (self, snapshot, self->hover, &color, 1.5);
    }

  if (selected != NULL)
    {
      int shape = icc_world_map_find (self->map, icc_state_get_code (selected));

      if (shape >= 0 && has_dot (self, shape))
        append_dot (self, snapshot, shape, &self->palette.fg, 2);
      else if (shape >= 0)
        append_shape_outline (self, snapshot, shape, &self->palette.fg, 2);
    }

  ensure_legend (self, width);
  if (self->legend != NULL && height > self->legend_height + 40)
    {
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (8, height - self->legend_height - 8));
      gtk_snapshot_append_node (snapshot, self->legend);
      gtk_snapshot_restore (snapshot);
    }

  gtk_snapshot_pop (snapshot);
}

static void
icc_world_map_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  IccWorldMapView *self = ICC_WORLD_MAP_VIEW (widget);

  /* A new size is a new scale: rasterize at once, not scaled. */
  self->cache_scale = 0;
  drop_cache (self);
}

static void
icc_world_map_view_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 200 : 120;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 640 : 360;
}

static void
icc_world_map_view_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  IccWorldMapView *self = ICC_WORLD_MAP_VIEW (widget);

  GTK_WIDGET_CLASS (icc_world_map_view_parent_class)->css_changed (widget, change);

  icc_world_map_palette_init_widget (&self->palette, widget);
  drop_textures (self);
  g_clear_pointer (&self->legend, gsk_render_node_unref);
  gtk_widget_queue_draw (widget);
}

/* Picking and the tooltip. */

static int
pick_shape (IccWorldMapView *self,
            double           x,
            double           y)
{
  double mx, my;
  int shape;

  /* Dots first: they are drawn on top, and small states have nothing else. */
  for (guint i = 0; i < self->n_shapes; i++)
    {
      double cx, cy, px, py;

      if (!has_dot (self, i))
        continue;
      icc_world_map_get_centroid (self->map, i, &cx, &cy);
      map_to_widget (self, cx, cy, &px, &py);
      if ((px - x) * (px - x) + (py - y) * (py - y) <=
          (ICC_WORLD_MAP_DOT_RADIUS + 1) * (ICC_WORLD_MAP_DOT_RADIUS + 1))
        return i;
    }

  widget_to_map (self, x, y, &mx, &my);
  shape = icc_world_map_pick (self->map, mx, my);

  return shape;
}

IccState *
icc_world_map_view_pick (IccWorldMapView *self,
                         double           x,
                         double           y)
{
  int shape;

  g_return_val_if_fail (ICC_IS_WORLD_MAP_VIEW (self), NULL);

  shape = pick_shape (self, x, y);

  return shape >= 0 ? self->states[shape] : NULL;
}

gboolean
icc_world_map_view_click (IccWorldMapView *self,
                          double           x,
                          double           y)
{
  IccState *state;

  g_return_val_if_fail (ICC_IS_WORLD_MAP_VIEW (self), FALSE);

  state = icc_world_map_view_pick (self, x, y);
  if (state == NULL || self->focus == NULL)
    return FALSE;

  icc_focus_set_state (self->focus, state);

  return TRUE;
}

gboolean
icc_world_map_view_get_point (IccWorldMapView *self,
                              const char      *code,
                              double          *x,
                              double          *y)
{
  double mx, my;
  int shape;

  g_return_val_if_fail (ICC_IS_WORLD_MAP_VIEW (self), FALSE);

  shape = icc_world_map_find (self->map, code);
  if (shape < 0)
    return FALSE;

  icc_world_map_get_centroid (self->map, shape, &mx, &my);
  map_to_widget (self, mx, my, x, y);

  return TRUE;
}

static gboolean
icc_world_map_view_query_tooltip (GtkWidget  *widget,
                                  int         x,
                                  int         y,
                                  gboolean    keyboard,
                                  GtkTooltip *tooltip)
{
  IccWorldMapView *self = ICC_WORLD_MAP_VIEW (widget);
  g_autoptr(GString) text = g_string_new (NULL);
  IccState *state = NULL;
  IccEvent *since = NULL;
  IccStatus status;
  const IccDate *date;
  int shape;

  if (keyboard && self->focus != NULL)
    state = icc_focus_get_state (self->focus);
  else if (!keyboard)
    {
      shape = pick_shape (self, x, y);
      state = shape >= 0 ? self->states[shape] : NULL;
    }
  if (state == NULL || self->dataset == NULL || self->focus == NULL)
    return FALSE;

  date = icc_focus_get_date (self->focus);
  status = icc_dataset_status_at (self->dataset, state, date, &since);

  g_string_append_printf (text, "<b>%s</b>\n", icc_state_get_display_name (state));
  if (since != NULL)
    {
      g_autofree char *since_text = icc_date_format (icc_event_get_date (since));

      /* Translators: on the map's tooltip: "State Party since 1 July 2002". */
      g_string_append_printf (text, _("%s since %s"), icc_status_get_label (status), since_text);
      if (icc_event_get_certainty (since) != ICC_CERTAINTY_CONFIRMED)
        {
          g_autofree char *label = g_markup_escape_text (
              icc_certainty_get_label (icc_event_get_certainty (since)), -1);

          g_string_append_printf (text, "\n<i>%s</i>", label);
        }
    }
  else
    g_string_append (text, icc_status_get_label (status));

  gtk_tooltip_set_markup (tooltip, text->str);

  return TRUE;
}

/* Input. */

static void
set_view (IccWorldMapView *self,
          double           zoom,
          double           center_x,
          double           center_y)
{
  IccMapBounds extent;

  icc_world_map_get_extent (self->map, &extent);
  self->zoom = CLAMP (zoom, 1.0, MAX_ZOOM);
  self->center_x = CLAMP (center_x, extent.x0, extent.x1);
  self->center_y = CLAMP (center_y, extent.y0, extent.y1);
  if (self->zoom == 1.0)
    self->center_x = self->center_y = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Zooms by @factor keeping the map point under (@x, @y) where it is. */
static void
zoom_at (IccWorldMapView *self,
         double           factor,
         double           x,
         double           y)
{
  double mx, my, zoom, scale;

  widget_to_map (self, x, y, &mx, &my);
  zoom = CLAMP (self->zoom * factor, 1.0, MAX_ZOOM);
  scale = get_scale (self) * zoom / self->zoom;
  set_view (self, zoom,
            mx - (x - gtk_widget_get_width (GTK_WIDGET (self)) / 2.0) / scale,
            my - (y - gtk_widget_get_height (GTK_WIDGET (self)) / 2.0) / scale);
}

double
icc_world_map_view_get_zoom (IccWorldMapView *self)
{
  g_return_val_if_fail (ICC_IS_WORLD_MAP_VIEW (self), 1);

  return self->zoom;
}

void
icc_world_map_view_reset (IccWorldMapView *self)
{
  g_return_if_fail (ICC_IS_WORLD_MAP_VIEW (self));

  set_view (self, 1, 0, 0);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           IccWorldMapView          *self)
{
  int shape = pick_shape (self, x, y);

  self->pointer_x = x;
  self->pointer_y = y;
  if (shape >= 0 && self->states[shape] == NULL)
    shape = -1;
  if (shape != self->hover)
    {
      self->hover = shape;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave_cb (GtkEventControllerMotion *controller,
          IccWorldMapView          *self)
{
  if (self->hover >= 0)
    {
      self->hover = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           IccWorldMapView          *self)
{
  zoom_at (self, pow (1.25, -dy), self->pointer_x, self->pointer_y);

  return TRUE;
}

static void
drag_begin_cb (GtkGestureDrag  *gesture,
               double           x,
               double           y,
               IccWorldMapView *self)
{
  self->drag_center_x = self->center_x;
  self->drag_center_y = self->center_y;
  self->dragged = FALSE;
}

static void
drag_update_cb (GtkGestureDrag  *gesture,
                double           dx,
                double           dy,
                IccWorldMapView *self)
{
  double scale = get_scale (self);

  if (!self->dragged && dx * dx + dy * dy < 16)
    return;
  self->dragged = TRUE;
  if (self->zoom > 1.0)
    set_view (self, self->zoom, self->drag_center_x - dx / scale,
              self->drag_center_y - dy / scale);
}

static void
drag_end_cb (GtkGestureDrag  *gesture,
             double           dx,
             double           dy,
             IccWorldMapView *self)
{
  double x, y;

  /* A press and release in place is a click. */
  if (!self->dragged && gtk_gesture_drag_get_start_point (gesture, &x, &y))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self));
      icc_world_map_view_click (self, x + dx, y + dy);
    }
}

static void
zoom_begin_cb (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               IccWorldMapView  *self)
{
  self->gesture_zoom = self->zoom;
}

static void
zoom_scale_changed_cb (GtkGestureZoom  *gesture,
                       double           scale,
                       IccWorldMapView *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  zoom_at (self, self->gesture_zoom * scale / self->zoom, x, y);
}

static gboolean
reset_shortcut_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  icc_world_map_view_reset (ICC_WORLD_MAP_VIEW (widget));

  return TRUE;
}

static gboolean
zoom_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  IccWorldMapView *self = ICC_WORLD_MAP_VIEW (widget);

  zoom_at (self, g_variant_get_double (args), gtk_widget_get_width (widget) / 2.0,
           gtk_widget_get_height (widget) / 2.0);

  return TRUE;
}

static gboolean
pan_shortcut_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  IccWorldMapView *self = ICC_WORLD_MAP_VIEW (widget);
  double scale = get_scale (self);
  double dx, dy;

  g_variant_get (args, "(dd)", &dx, &dy);
  set_view (self, self->zoom, self->center_x + dx * 80 / scale, self->center_y + dy * 80 / scale);

  return TRUE;
}

/* Properties. */

void
icc_world_map_view_set_dataset (IccWorldMapView *self,
                                IccDataset      *dataset)
{
  g_return_if_fail (ICC_IS_WORLD_MAP_VIEW (self));
  g_return_if_fail (dataset == NULL || ICC_IS_DATASET (dataset));

  if (self->dataset == dataset)
    return;

  if (self->dataset != NULL)
    g_signal_handlers_disconnect_by_func (icc_dataset_get_events (self->dataset),
                                          events_changed_cb, self);
  g_set_object (&self->dataset, dataset);
  if (dataset != NULL)
    g_signal_connect_object (icc_dataset_get_events (dataset), "items-changed",
                             G_CALLBACK (events_changed_cb), self, G_CONNECT_SWAPPED);

  memset (self->fills, ICC_WORLD_MAP_FILL_LAND, self->n_shapes);
  update_fills (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

IccDataset *
icc_world_map_view_get_dataset (IccWorldMapView *self)
{
  g_return_val_if_fail (ICC_IS_WORLD_MAP_VIEW (self), NULL);

  return self->dataset;
}

void
icc_world_map_view_set_focus (IccWorldMapView *self,
                              IccFocus        *focus)
{
  g_return_if_fail (ICC_IS_WORLD_MAP_VIEW (self));
  g_return_if_fail (focus == NULL || ICC_IS_FOCUS (focus));

  if (self->focus == focus)
    return;

  if (self->focus != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->focus, date_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->focus, state_changed_cb, self);
    }
  g_set_object (&self->focus, focus);
  if (focus != NULL)
    {
      g_signal_connect_object (focus, "notify::date", G_CALLBACK (date_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (focus, "notify::state", G_CALLBACK (state_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  update_fills (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS]);
}

IccFocus *
icc_world_map_view_get_focus (IccWorldMapView *self)
{
  g_return_val_if_fail (ICC_IS_WORLD_MAP_VIEW (self), NULL);

  return self->focus;
}

GtkWidget *
icc_world_map_view_new (void)
{
  return g_object_new (ICC_TYPE_WORLD_MAP_VIEW, NULL);
}

static void
icc_world_map_view_dispose (GObject *object)
{
  IccWorldMapView *self = ICC_WORLD_MAP_VIEW (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  icc_world_map_view_set_focus (self, NULL);
  icc_world_map_view_set_dataset (self, NULL);
  g_clear_pointer (&self->legend, gsk_render_node_unref);

  G_OBJECT_CLASS (icc_world_map_view_parent_class)->dispose (object);
}

static void
icc_world_map_view_finalize (GObject *object)
{
  IccWorldMapView *self = ICC_WORLD_MAP_VIEW (object);

  drop_cache (self);
  g_free (self->cache);
  g_free (self->fills);
  g_free (self->states);

  G_OBJECT_CLASS (icc_world_map_view_parent_class)->finalize (object);
}

static void
icc_world_map_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  IccWorldMapView *self = ICC_WORLD_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;

    case PROP_FOCUS:
      g_value_set_object (value, self->focus);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_world_map_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  IccWorldMapView *self = ICC_WORLD_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      icc_world_map_view_set_dataset (self, g_value_get_object (value));
      break;

    case PROP_FOCUS:
      icc_world_map_view_set_focus (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_world_map_view_class_init (IccWorldMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icc_world_map_view_dispose;
  object_class->finalize = icc_world_map_view_finalize;
  object_class->get_property = icc_world_map_view_get_property;
  object_class->set_property = icc_world_map_view_set_property;

  widget_class->snapshot = icc_world_map_view_snapshot;
  widget_class->size_allocate = icc_world_map_view_size_allocate;
  widget_class->measure = icc_world_map_view_measure;
  widget_class->css_changed = icc_world_map_view_css_changed;
  widget_class->query_tooltip = icc_world_map_view_query_tooltip;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, ICC_TYPE_DATASET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOCUS] =
    g_param_spec_object ("focus", NULL, NULL, ICC_TYPE_FOCUS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_0, 0, reset_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_0, 0, reset_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, reset_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_plus, 0, zoom_shortcut_cb, "d", 1.5);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_equal, 0, zoom_shortcut_cb, "d", 1.5);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Add, 0, zoom_shortcut_cb, "d", 1.5);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_minus, 0, zoom_shortcut_cb, "d", 1 / 1.5);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Subtract, 0, zoom_shortcut_cb, "d",
                                1 / 1.5);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, 0, pan_shortcut_cb, "(dd)", -1.0, 0.0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, 0, pan_shortcut_cb, "(dd)", 1.0, 0.0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, 0, pan_shortcut_cb, "(dd)", 0.0, -1.0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, 0, pan_shortcut_cb, "(dd)", 0.0, 1.0);

  gtk_widget_class_set_css_name (widget_class, "worldmap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
icc_world_map_view_init (IccWorldMapView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->map = icc_world_map_get_default ();
  self->n_shapes = icc_world_map_get_n_shapes (self->map);
  self->fills = g_malloc (self->n_shapes);
  memset (self->fills, ICC_WORLD_MAP_FILL_LAND, self->n_shapes);
  self->states = g_new0 (IccState *, self->n_shapes);
  self->cache = g_new0 (ShapeCache, self->n_shapes);
  self->zoom = 1;
  self->hover = -1;
  icc_world_map_palette_init_light (&self->palette);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("World map of statuses"),
                                  -1);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
}
