/* icc-timeline-renderer.c: geometry, text and the snapshot API of a timeline view
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "icc-date.h"
#include "icc-enum-util.h"
#include "icc-era.h"
#include "icc-event.h"
#include "icc-timeline-renderer-private.h"

/* The geometry, the renderer's text caches, the public snapshot API and the
 * layers drawn over the static one (icc-timeline-renderer-static.c): the
 * overview strip and its window, the range selection and the cursor. */

#define AXIS_HEIGHT      40.0   /* at least: two rows of labels set it */
#define OVERVIEW_HEIGHT  ICC_TIMELINE_OVERVIEW_HEIGHT
#define LANE_HEADING     16.0   /* at least: a line of text sets it */
#define AXIS_LABEL_MARGIN 6.0  /* between an axis label and the cursor's pill */
#define MAX_LABEL_LINES  3      /* of an event's label cut by the next marker */

/* Geometry -------------------------------------------------------------- */

/* The axis holds two rows of labels (years over months, say) and a lane
 * heading one line: with the presentation's large text they grow with it. */
void
icc_timeline_geometry_init (IccTimelineGeometry *geometry,
                            double               width,
                            double               height,
                            int                  line_height)
{
  geometry->width = width;
  geometry->height = height;
  geometry->axis_height = MAX (AXIS_HEIGHT, 2 * line_height + 4);
  geometry->lane_heading = MAX (LANE_HEADING, line_height);
  geometry->lanes_top = geometry->axis_height;
  geometry->lanes_bottom = MAX (geometry->lanes_top + 3, height - OVERVIEW_HEIGHT);
  geometry->lane_height = (geometry->lanes_bottom - geometry->lanes_top) / ICC_N_LANES;
  geometry->overview_top = height - OVERVIEW_HEIGHT;
  for (guint l = 0; l < ICC_N_LANES; l++)
    geometry->lane_tops[l] = geometry->lanes_top + l * geometry->lane_height;
  geometry->lane_tops[ICC_N_LANES] = geometry->lanes_bottom;
  /* A line of text, or a marker (a star reaches 1.3 radii) and its outline. */
  geometry->row_height = MAX (line_height + 3, 2.6 * ICC_TIMELINE_MARKER_RADIUS + 3);
  geometry->markers_on_top = FALSE;
}

double
icc_timeline_geometry_marker_y (const IccTimelineGeometry *geometry,
                                IccLane                    lane)
{
  double top = geometry->lane_tops[lane];
  double h = geometry->lane_tops[lane + 1] - top;

  if (geometry->markers_on_top)
    return top + geometry->lane_heading + 2 + geometry->row_height / 2;

  return top + geometry->lane_heading + (h - geometry->lane_heading) / 2;
}

int
icc_timeline_geometry_label_lines (const IccTimelineGeometry *geometry,
                                   int                        line_height)
{
  /* A label is centred on its marker, below the lane's heading. */
  double room = geometry->lane_height - geometry->lane_heading - 2;

  return CLAMP ((int)(room / MAX (1, line_height)), 1, MAX_LABEL_LINES);
}

int
icc_timeline_geometry_lane_at_y (const IccTimelineGeometry *geometry,
                                 double                     y)
{
  if (y < geometry->lanes_top || y >= geometry->lanes_bottom)
    return -1;

  for (guint l = 1; l < ICC_N_LANES; l++)
    if (y < geometry->lane_tops[l])
      return l - 1;

  return ICC_N_LANES - 1;
}

/* Renderer -------------------------------------------------------------- */

void
_icc_timeline_renderer_begin (IccTimelineRenderer *self,
                              IccTimelineView     *view,
                              int                  width,
                              int                  height)
{
  self->view = view;
  icc_timeline_geometry_init (&self->geometry, width, height, self->line_height);
  if (self->exporting && !self->export.overview)
    {
      /* No overview strip. */
      self->geometry.lanes_bottom = height;
      self->geometry.overview_top = height;
      self->geometry.lane_height = (height - self->geometry.lanes_top) / ICC_N_LANES;
      for (guint l = 0; l < ICC_N_LANES; l++)
        self->geometry.lane_tops[l] = self->geometry.lanes_top + l * self->geometry.lane_height;
      self->geometry.lane_tops[ICC_N_LANES] = height;
    }
  icc_timeline_scale_init (&self->scale, icc_timeline_view_get_start (view),
                           icc_timeline_view_get_end (view), MAX (1, width));
}

static void
drop_text_caches (IccTimelineRenderer *self)
{
  PangoLayout *layout;

  g_hash_table_remove_all (self->text_layouts);
  g_hash_table_remove_all (self->event_layouts);

  layout = pango_layout_new (self->context);
  pango_layout_set_text (layout, "2016", -1);
  pango_layout_get_pixel_size (layout, NULL, &self->line_height);
  g_object_unref (layout);
}

IccTimelineRenderer *
icc_timeline_renderer_new (PangoContext *context)
{
  IccTimelineRenderer *self;

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);

  /* gtk_init() registers the render node types; without it (an export
   * with no display) asking for one type's GType registers them all. */
  g_type_ensure (GSK_TYPE_CONTAINER_NODE);

  self = g_new0 (IccTimelineRenderer, 1);
  self->context = g_object_ref (context);
  self->text_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->event_layouts = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->ticks = icc_timeline_ticks_new ();
  self->items = g_array_new (FALSE, TRUE, sizeof (IccTimelineItem));
  icc_timeline_palette_init_light (&self->palette);
  drop_text_caches (self);

  return self;
}

void
icc_timeline_renderer_free (IccTimelineRenderer *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->context);
  g_clear_pointer (&self->text_layouts, g_hash_table_unref);
  g_clear_pointer (&self->event_layouts, g_hash_table_unref);
  g_clear_pointer (&self->ticks, g_array_unref);
  g_clear_pointer (&self->items, g_array_unref);
  g_free (self);
}

void
icc_timeline_renderer_set_export (IccTimelineRenderer            *self,
                                  const IccTimelineExportOptions *options)
{
  self->exporting = options != NULL;
  self->export = options != NULL ? *options : (IccTimelineExportOptions) { 0 };
}

void
icc_timeline_renderer_set_context (IccTimelineRenderer *self,
                                   PangoContext        *context)
{
  g_return_if_fail (PANGO_IS_CONTEXT (context));

  g_set_object (&self->context, context);
  drop_text_caches (self);
}

void
icc_timeline_renderer_set_palette (IccTimelineRenderer      *self,
                                   const IccTimelinePalette *palette)
{
  self->palette = *palette;
}

const IccTimelinePalette *
icc_timeline_renderer_get_palette (IccTimelineRenderer *self)
{
  return &self->palette;
}

int
icc_timeline_renderer_get_line_height (IccTimelineRenderer *self)
{
  return self->line_height;
}

void
icc_timeline_renderer_invalidate_events (IccTimelineRenderer *self)
{
  g_hash_table_remove_all (self->event_layouts);
  g_array_set_size (self->items, 0);
}

PangoLayout *
icc_timeline_renderer_get_text_layout (IccTimelineRenderer *self,
                                       const char          *text)
{
  PangoLayout *layout = g_hash_table_lookup (self->text_layouts, text);

  if (layout == NULL)
    {
      if (g_hash_table_size (self->text_layouts) > MAX_CACHED)
        g_hash_table_remove_all (self->text_layouts);

      layout = pango_layout_new (self->context);
      pango_layout_set_text (layout, text, -1);
      g_hash_table_insert (self->text_layouts, g_strdup (text), layout);
    }

  return layout;
}

/* Events in each of @n_bins equal parts of the view's bounds; returns the
 * most in one (at least 1). */
static guint
overview_counts (IccTimelineView *view,
                 guint            n_bins,
                 guint           *counts)
{
  IccTimelineIndex *index = icc_timeline_view_get_index (view);
  double first;
  double last;
  guint max = 1;

  /* One binary search per bin. */
  icc_timeline_view_get_bounds (view, &first, &last);
  for (guint b = 0; b < n_bins; b++)
    {
      double d0 = first + (last - first) * b / n_bins;
      double d1 = first + (last - first) * (b + 1) / n_bins;

      counts[b] = icc_timeline_index_count_range (index, d0, d1);
      max = MAX (max, counts[b]);
    }

  return max;
}

/* The height of a bar of the overview's histogram. */
static double
overview_bar_height (guint count,
                     guint max)
{
  return 2 + (OVERVIEW_HEIGHT - 4) * log1p (count) / log1p (max);
}

/* The density histogram of the whole range, drawn once into a texture: its
 * cost per frame is one blit, however many events it shows. */
GskRenderNode *
icc_timeline_renderer_render_overview (IccTimelineRenderer *self,
                                       IccTimelineView     *view,
                                       int                  width,
                                       int                  height,
                                       int                  scale_factor)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  double y = height - OVERVIEW_HEIGHT;
  int tw = width * scale_factor;
  int th = (int)OVERVIEW_HEIGHT * scale_factor;
  GdkRGBA band = self->palette.fg;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guint max;
  guint n_bins = MAX (1, width / 2);
  g_autofree guint *counts = g_new0 (guint, n_bins);

  band.alpha *= .06;
  gtk_snapshot_append_color (snapshot, &band, &GRAPHENE_RECT_INIT (0, y, width, OVERVIEW_HEIGHT));

  /* A 2-pixel column a bin. */
  max = overview_counts (view, n_bins, counts);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, tw, th);
  cr = cairo_create (surface);
  cairo_scale (cr, scale_factor, scale_factor);
  cairo_set_source_rgba (cr, self->palette.fg.red, self->palette.fg.green,
                         self->palette.fg.blue, self->palette.fg.alpha * .35);
  for (guint b = 0; b < n_bins; b++)
    {
      double h;

      if (counts[b] == 0)
        continue;

      h = overview_bar_height (counts[b], max);
      cairo_rectangle (cr, b * 2, OVERVIEW_HEIGHT - h, 2, h);
    }
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize)cairo_image_surface_get_stride (surface) * th);
  texture = gdk_memory_texture_new (tw, th, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);

  gtk_snapshot_append_texture (snapshot, texture,
                               &GRAPHENE_RECT_INIT (0, y, width, OVERVIEW_HEIGHT));

  return gtk_snapshot_free_to_node (snapshot);
}

/* An export's overview strip: the window's, as shapes (a bar a 2-pixel
 * column), so that an SVG or a PDF holds no image. */
static void
snapshot_export_overview (IccTimelineRenderer *self,
                          IccTimelineView     *view,
                          GtkSnapshot         *snapshot,
                          int                  width,
                          int                  height)
{
  GdkRGBA band = self->palette.fg;
  GdkRGBA bar = self->palette.fg;
  double y = height - OVERVIEW_HEIGHT;
  guint max;
  guint n_bins = MAX (1, width / 2);
  g_autofree guint *counts = g_new0 (guint, n_bins);

  band.alpha *= .06;
  bar.alpha *= .35;
  append_rect (self, snapshot, "overview", &GRAPHENE_RECT_INIT (0, y, width, OVERVIEW_HEIGHT), 0,
               &band, NULL);
  max = overview_counts (view, n_bins, counts);
  for (guint b = 0; b < n_bins; b++)
    {
      double h;

      if (counts[b] == 0)
        continue;

      h = overview_bar_height (counts[b], max);
      append_rect (self, snapshot, "overview-bar",
                   &GRAPHENE_RECT_INIT (b * 2, y + OVERVIEW_HEIGHT - h, 2, h), 0, &bar, NULL);
    }
  icc_timeline_renderer_snapshot_overview_window (self, view, snapshot, width, height);
}

void
icc_timeline_renderer_snapshot_overview_window (IccTimelineRenderer *self,
                                                IccTimelineView     *view,
                                                GtkSnapshot         *snapshot,
                                                int                  width,
                                                int                  height)
{
  GskRoundedRect outline;
  GdkRGBA fill = self->palette.accent;
  GdkRGBA border[4];
  float widths[4] = { 1, 1, 1, 1 };
  double first;
  double last;
  double x0;
  double x1;
  double y = height - OVERVIEW_HEIGHT;

  icc_timeline_view_get_bounds (view, &first, &last);
  x0 = (icc_timeline_view_get_start (view) - first) / (last - first) * width;
  x1 = (icc_timeline_view_get_end (view) - first) / (last - first) * width;
  x0 = CLAMP (x0, 0, width - 3);
  x1 = CLAMP (MAX (x1, x0 + 3), 3, width);

  fill.alpha *= .25;
  if (self->export.rect_func != NULL)
    {
      append_rect (self, snapshot, "overview-window",
                   &GRAPHENE_RECT_INIT (x0, y + 1, x1 - x0, OVERVIEW_HEIGHT - 2), 2, &fill,
                   &self->palette.accent);
      return;
    }

  for (guint i = 0; i < 4; i++)
    border[i] = self->palette.accent;

  gtk_snapshot_append_color (snapshot, &fill,
                             &GRAPHENE_RECT_INIT (x0, y + 1, x1 - x0, OVERVIEW_HEIGHT - 2));
  gsk_rounded_rect_init_from_rect (&outline,
                                   &GRAPHENE_RECT_INIT (x0, y + 1, x1 - x0, OVERVIEW_HEIGHT - 2),
                                   2);
  gtk_snapshot_append_border (snapshot, &outline, widths, border);
}

/* The cursor's pill for @label (NULL: the cursor's date): FALSE when there
 * is no cursor or it is out of view. */
static gboolean
cursor_pill (IccTimelineRenderer  *self,
             const char           *label,
             double               *cursor_x,
             PangoLayout         **layout_out,
             graphene_rect_t      *rect)
{
  g_autofree char *text = NULL;
  PangoLayout *layout;
  double day;
  double x;
  double width = self->geometry.width;
  int w;
  int h;

  if (!icc_timeline_view_get_cursor (self->view, &day))
    return FALSE;

  x = x_at_day (self, floor (day) + 0.5);
  if (x < -1 || x > width + 1)
    return FALSE;

  if (label == NULL)
    {
      IccDate date;

      icc_date_init_from_day (&date, (gint32)floor (day));
      label = text = icc_date_format (&date);
    }
  layout = icc_timeline_renderer_get_text_layout (self, label);
  pango_layout_get_pixel_size (layout, &w, &h);

  *cursor_x = x;
  *layout_out = layout;
  graphene_rect_init (rect, CLAMP (x - w / 2.0 - 6, 0, width - w - 12), 1, w + 12, h + 2);

  return TRUE;
}

void
icc_timeline_renderer_snapshot_axis_labels (IccTimelineRenderer *self,
                                            IccTimelineView     *view,
                                            GtkSnapshot         *snapshot,
                                            int                  width,
                                            int                  height,
                                            const char          *label)
{
  graphene_rect_t pill;
  PangoLayout *pill_layout;
  double cursor_x;
  gboolean has_pill;

  _icc_timeline_renderer_begin (self, view, width, height);
  /* An export draws no cursor pill unless asked: every label shows. */
  has_pill = (!self->exporting || self->export.cursor) &&
             cursor_pill (self, label, &cursor_x, &pill_layout, &pill);

  for (guint i = 0; i < self->ticks->len; i++)
    {
      const IccTimelineTick *tick = &g_array_index (self->ticks, IccTimelineTick, i);

      if (tick->sub || !tick->major || tick->label == NULL)
        continue;

      /* A label the pill would cover, even in part, is left out: the pill
       * says the date in full ("1 December 2016", never "… 2016 2016"). */
      if (has_pill &&
          icc_timeline_axis_label_hidden (tick->label_x, tick->label_x + tick->label_width,
                                          pill.origin.x, pill.origin.x + pill.size.width))
        continue;

      append_text (self, snapshot, icc_timeline_renderer_get_text_layout (self, tick->label),
                   tick->label_x, 2, &self->palette.fg);
    }
}

gboolean
icc_timeline_axis_label_hidden (double label_x0,
                                double label_x1,
                                double pill_x0,
                                double pill_x1)
{
  /* With room between them for the eye to tell them apart. */
  return label_x1 + AXIS_LABEL_MARGIN > pill_x0 && label_x0 - AXIS_LABEL_MARGIN < pill_x1;
}

void
icc_timeline_renderer_snapshot_cursor (IccTimelineRenderer *self,
                                       IccTimelineView     *view,
                                       GtkSnapshot         *snapshot,
                                       int                  width,
                                       int                  height,
                                       const char          *label)
{
  PangoLayout *layout;
  graphene_rect_t rect;
  GdkRGBA on_accent = { 1, 1, 1, 1 };
  double x;

  _icc_timeline_renderer_begin (self, view, width, height);
  if (!cursor_pill (self, label, &x, &layout, &rect))
    return;

  append_rect (self, snapshot, "cursor", &GRAPHENE_RECT_INIT (round (x) - 1, 0, 2,
                                                            self->geometry.lanes_bottom), 0,
               &self->palette.accent_line, NULL);
  append_rect (self, snapshot, "cursor-pill", &rect, rect.size.height / 2.0,
               &self->palette.cursor_pill, NULL);
  append_text (self, snapshot, layout, rect.origin.x + 6, 2, &on_accent);
}

void
icc_timeline_renderer_snapshot_selection (IccTimelineRenderer *self,
                                          IccTimelineView     *view,
                                          GtkSnapshot         *snapshot,
                                          int                  width,
                                          int                  height,
                                          double               start_day,
                                          double               end_day)
{
  GdkRGBA fill = self->palette.accent;
  double top;
  double bottom;
  double x0;
  double x1;

  _icc_timeline_renderer_begin (self, view, width, height);
  top = self->geometry.lanes_top;
  bottom = self->geometry.lanes_bottom;
  x0 = x_at_day (self, MIN (start_day, end_day));
  x1 = x_at_day (self, MAX (start_day, end_day));
  x0 = CLAMP (x0, 0, width);
  x1 = CLAMP (x1, 0, width);

  fill.alpha *= .2;
  gtk_snapshot_append_color (snapshot, &fill,
                             &GRAPHENE_RECT_INIT (x0, top, x1 - x0, bottom - top));
  gtk_snapshot_append_color (snapshot, &self->palette.accent,
                             &GRAPHENE_RECT_INIT (x0, top, 1, bottom - top));
  gtk_snapshot_append_color (snapshot, &self->palette.accent,
                             &GRAPHENE_RECT_INIT (x1 - 1, top, 1, bottom - top));
}

void
icc_timeline_renderer_snapshot (IccTimelineRenderer *self,
                                IccTimelineView     *view,
                                GtkSnapshot         *snapshot,
                                int                  width,
                                int                  height)
{
  GskRenderNode *node;
  double s;
  double e;

  g_return_if_fail (ICC_IS_TIMELINE_VIEW (view));
  g_return_if_fail (GTK_IS_SNAPSHOT (snapshot));

  if (width <= 0 || height <= 0)
    return;

  node = icc_timeline_renderer_render_static (self, view, width, height);
  gtk_snapshot_append_node (snapshot, node);
  gsk_render_node_unref (node);
  if (self->exporting)
    {
      /* The axis's top labels are drawn apart from the static node in the
       * window (around the cursor's pill); an export has no pill. Drawing
       * them sets the geometry up again: keep the lanes fitted to the
       * export's labels, which its SVG markers and rings are placed by. */
      IccTimelineGeometry fitted = self->geometry;

      if (self->export.overview)
        snapshot_export_overview (self, view, snapshot, width, height);
      icc_timeline_renderer_snapshot_axis_labels (self, view, snapshot, width, height, NULL);
      self->geometry = fitted;
      if (self->export.cursor)
        icc_timeline_renderer_snapshot_cursor (self, view, snapshot, width, height, NULL);
      self->geometry = fitted;
      return;
    }
  node = icc_timeline_renderer_render_overview (self, view, width, height, 1);
  gtk_snapshot_append_node (snapshot, node);
  gsk_render_node_unref (node);
  icc_timeline_renderer_snapshot_overview_window (self, view, snapshot, width, height);
  if (icc_timeline_view_get_selection (view, &s, &e))
    icc_timeline_renderer_snapshot_selection (self, view, snapshot, width, height, s, e);
  icc_timeline_renderer_snapshot_axis_labels (self, view, snapshot, width, height, NULL);
  icc_timeline_renderer_snapshot_cursor (self, view, snapshot, width, height, NULL);
}
