/* icc-world-map-view-draw.c: rasterizing and drawing the world map
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drawing: the shapes are rasterized once per scale, each into an A8
 * mask (borders cut out as gaps) kept as runs of pixels row by row
 * (MapSpan): whole runs inside a shape, and its edge pixels one by one with
 * their coverage. A frame writes the visible runs in their states' colours,
 * and the small states' dots, into tiles (icc-world-map-view-compose.c), so
 * that a new date, on which every state may change colour, costs what an
 * unchanged frame costs, and no frame composites a node per state (237
 * image nodes cost 3 ms a frame: bench-map). Zooming draws the runs of the
 * old scale scaled until the gesture pauses, then rasterizes again; panning
 * needs nothing new until it leaves the area rasterized (three times the
 * view each way). Hover and selection are drawn on top.
 */

#include "config.h"

#include <math.h>

#include "icc-world-map-view-private.h"

/* A small state whose shape covers less than this many pixels² gets a dot. */
#define DOT_MIN_AREA    60.0
#define REBUILD_DELAY   150

void
_icc_world_map_view_drop_cache (IccWorldMapView *self)
{
  g_clear_pointer (&self->spans, g_free);
  g_clear_pointer (&self->row_starts, g_free);
  self->cache_scale = 0;
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

/* Appends the runs of @mask (at @mask_x, @mask_y in the map's device
 * pixels) to @spans, each with its row (from cache_y0) in @rows. */
static void
append_spans (IccWorldMapView *self,
              cairo_surface_t *mask,
              int              mask_x,
              int              mask_y,
              guint            shape,
              GArray          *spans,
              GArray          *rows)
{
  int width = cairo_image_surface_get_width (mask);
  int height = cairo_image_surface_get_height (mask);
  int stride = cairo_image_surface_get_stride (mask);
  const guint8 *data = cairo_image_surface_get_data (mask);

  for (int y = 0; y < height; y++)
    {
      const guint8 *row = data + (gsize)y * stride;
      guint row_index = mask_y + y - self->cache_y0;
      int x = 0;

      while (x < width)
        {
          MapSpan span = { mask_x + x - self->cache_x0, 1, shape, row[x] };

          if (row[x] == 0)
            {
              x++;
              continue;
            }
          if (row[x] == 255)
            while (x + span.length < width && row[x + span.length] == 255)
              span.length++;
          g_array_append_val (spans, span);
          g_array_append_val (rows, row_index);
          x += span.length;
        }
    }
}

static void
rebuild_cache (IccWorldMapView *self,
               double           scale,
               int              origin_x,
               int              origin_y,
               int              width,
               int              height,
               int              pad)
{
  IccMapBounds extent;
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (MapSpan));
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint *next = NULL;
  guint n_rows;

  _icc_world_map_view_drop_cache (self);

  /* The view and one more view each way, within the world and @pad more
   * (the dots of the states at its edge). */
  icc_world_map_get_extent (self->map, &extent);
  self->cache_x0 = MAX (-origin_x - width, (int)floor (extent.x0 * scale) - pad);
  self->cache_y0 = MAX (-origin_y - height, (int)floor (extent.y0 * scale) - pad);
  self->cache_x1 = MIN (-origin_x + 2 * width, (int)ceil (extent.x1 * scale) + pad);
  self->cache_y1 = MIN (-origin_y + 2 * height, (int)ceil (extent.y1 * scale) + pad);
  self->cache_scale = scale;
  n_rows = MAX (self->cache_y1 - self->cache_y0, 0);

  for (guint i = 0; i < self->n_shapes; i++)
    {
      int x, y;
      cairo_surface_t *mask = make_mask (self, i, scale, &x, &y);

      if (mask != NULL)
        {
          append_spans (self, mask, x, y, i, spans, rows);
          cairo_surface_destroy (mask);
        }
    }

  /* Sorted by row (a counting sort), each row's runs in the shapes' order. */
  self->row_starts = g_new0 (guint, n_rows + 1);
  for (guint k = 0; k < rows->len; k++)
    self->row_starts[g_array_index (rows, guint, k) + 1]++;
  for (guint r = 0; r < n_rows; r++)
    self->row_starts[r + 1] += self->row_starts[r];
  self->spans = g_new (MapSpan, MAX (spans->len, 1));
  next = g_memdup2 (self->row_starts, sizeof (guint) * (n_rows + 1));
  for (guint k = 0; k < spans->len; k++)
    self->spans[next[g_array_index (rows, guint, k)]++] = g_array_index (spans, MapSpan, k);
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
  double x0, y0, x1, y1, scale = _icc_world_map_view_get_scale (self);
  cairo_t *cr;

  icc_world_map_get_bounds (self->map, shape, &bounds);
  _icc_world_map_view_map_to_widget (self, bounds.x0, bounds.y0, &x0, &y0);
  _icc_world_map_view_map_to_widget (self, bounds.x1, bounds.y1, &x1, &y1);
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

gboolean
_icc_world_map_view_has_dot (IccWorldMapView *self,
                             guint            shape)
{
  double scale;

  if (self->fills[shape] == ICC_WORLD_MAP_FILL_LAND || !icc_world_map_is_small (self->map, shape))
    return FALSE;

  scale = _icc_world_map_view_get_scale (self);

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
  _icc_world_map_view_map_to_widget (self, mx, my, &x, &y);
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
               int              legend_width)
{
  GtkSnapshot *snapshot;
  cairo_t *cr;
  double height;

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
  double scale = _icc_world_map_view_get_scale (self);
  double device_scale = scale * ds;
  double ox, oy;
  int origin_x, origin_y;
  double ratio;
  IccState *selected;
  /* Beyond the world's edge, room for the dots of the states on it. */
  int pad = (int)ceil ((ICC_WORLD_MAP_DOT_RADIUS + 2) * ds);

  if (width <= 0 || height <= 0)
    return;

  /* Where map unit 0 is, in device pixels, rounded so that textures sit on
   * whole pixels. */
  _icc_world_map_view_map_to_widget (self, 0, 0, &ox, &oy);
  origin_x = (int)round (ox * ds);
  origin_y = (int)round (oy * ds);

  if (self->cache_scale == 0)
    rebuild_cache (self, device_scale, origin_x, origin_y, width * ds, height * ds, pad);
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
        rebuild_cache (self, device_scale, origin_x, origin_y, width * ds, height * ds, pad);
    }

  ratio = device_scale / self->cache_scale;

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float)origin_x / ds,
                                                          (float)origin_y / ds));
  if (ratio != 1)
    gtk_snapshot_scale (snapshot, ratio, ratio);

  {
    /* The view in device pixels of the map at cache_scale. */
    int x0 = MAX ((int)floor (-origin_x / ratio), self->cache_x0);
    int y0 = MAX ((int)floor (-origin_y / ratio), self->cache_y0);
    int x1 = MIN ((int)ceil ((width * ds - origin_x) / ratio), self->cache_x1);
    int y1 = MIN ((int)ceil ((height * ds - origin_y) / ratio), self->cache_y1);

    _icc_world_map_view_append_map (self, snapshot, x0, y0, x1, y1, ds, ratio);
  }
  gtk_snapshot_restore (snapshot);

  selected = self->focus != NULL ? icc_focus_get_state (self->focus) : NULL;

  if (self->hover >= 0)
    {
      GdkRGBA color = self->palette.fg;

      color.alpha *= 0.6;
      if (_icc_world_map_view_has_dot (self, self->hover))
        append_dot (self, snapshot, self->hover, &color, 1.5);
      else
        append_shape_outline (self, snapshot, self->hover, &color, 1.5);
    }

  if (selected != NULL)
    {
      int shape = icc_world_map_find (self->map, icc_state_get_code (selected));

      if (shape >= 0 && _icc_world_map_view_has_dot (self, shape))
        append_dot (self, snapshot, shape, &self->palette.fg, 2);
      else if (shape >= 0)
        append_shape_outline (self, snapshot, shape, &self->palette.fg, 2);
    }

  /* Below the map, or, when the whole world leaves a margin at its side
   * (a wide, low view: the presentation's map steps), a column in that
   * margin, so that the legend covers no state. */
  {
    IccMapBounds extent;
    double whole_width;
    int side;

    icc_world_map_get_extent (self->map, &extent);
    whole_width = (extent.x1 - extent.x0) * _icc_world_map_view_get_scale (self) / self->zoom;
    side = (int)((width - whole_width) / 2) - 16;
    ensure_legend (self, self->zoom <= 1.0 && side >= 150 ? MIN (side, 260) : MIN (width - 16, 640));
  }
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
  _icc_world_map_view_drop_cache (self);
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

  GTK_WIDGET_CLASS (g_type_class_peek_parent (G_OBJECT_GET_CLASS (widget)))->css_changed (widget,
                                                                                         change);

  icc_world_map_palette_init_widget (&self->palette, widget);
  self->luts_valid = FALSE;
  g_clear_pointer (&self->legend, gsk_render_node_unref);
  gtk_widget_queue_draw (widget);
}

void
_icc_world_map_view_class_init_draw (GtkWidgetClass *widget_class)
{
  widget_class->snapshot = icc_world_map_view_snapshot;
  widget_class->size_allocate = icc_world_map_view_size_allocate;
  widget_class->measure = icc_world_map_view_measure;
  widget_class->css_changed = icc_world_map_view_css_changed;
}
