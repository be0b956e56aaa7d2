/* icc-timeline-renderer-static.c: a timeline view's static layer
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "icc-date.h"
#include "icc-enum-util.h"
#include "icc-era.h"
#include "icc-event.h"
#include "icc-timeline-renderer-private.h"

/* The static layer, rebuilt only when the view changes: eras, axis, lanes,
 * today, the events' marks (icc-timeline-marks.c), lane headings and era
 * titles; an export's lanes fitted to their labels. */

#define MIN_ERA_TITLE_WIDTH 24.0 /* narrower room than this: no era title */

/* An export's lanes: each as tall as its heading, its markers and the
 * lines of labels under them, and what is left shared equally. */
static void
fit_lanes (IccTimelineRenderer *self)
{
  IccTimelineGeometry *g = &self->geometry;
  double avail = g->lanes_bottom - g->lanes_top;
  double fixed = g->lane_heading + g->row_height + 8;
  double need = 0;
  double extra;
  guint rows[ICC_N_LANES] = { 0 };
  int max_rows;

  g->markers_on_top = TRUE;

  /* As many lines as an equal share holds; then, for the busiest lane, as
   * many as the others leave it. */
  max_rows = MAX (0, (int)floor ((avail / ICC_N_LANES - fixed) / g->row_height));
  for (guint pass = 0; pass < 2; pass++)
    {
      guint busiest = 0;
      double others = 0;
      int more;

      _icc_timeline_renderer_layout_events (self, MIN ((guint)max_rows,
                                                       self->export.label_rows));
      memset (rows, 0, sizeof rows);
      for (guint i = 0; i < self->items->len; i++)
        {
          const IccTimelineItem *item = &g_array_index (self->items, IccTimelineItem, i);

          rows[item->lane] = MAX (rows[item->lane], item->label_row);
        }
      need = 0;
      for (guint l = 0; l < ICC_N_LANES; l++)
        {
          need += fixed + rows[l] * g->row_height;
          if (rows[l] > rows[busiest])
            busiest = l;
        }

      if (pass == 1 || (int)rows[busiest] < max_rows)
        break;

      others = need - fixed - rows[busiest] * g->row_height;
      more = (int)floor ((avail - others - fixed) / g->row_height);
      if (more <= max_rows)
        break;
      /* Other lanes could take more lines too: keep only what fits. */
      for (guint l = 0; l < ICC_N_LANES; l++)
        if (l != busiest)
          more = MIN (more, (int)floor ((avail - (need - fixed - rows[l] * g->row_height) -
                                         fixed) / g->row_height));
      if (more <= max_rows)
        break;
      max_rows = more;
    }

  extra = MAX (0, avail - need) / ICC_N_LANES;
  g->lane_tops[0] = g->lanes_top;
  for (guint l = 0; l < ICC_N_LANES; l++)
    g->lane_tops[l + 1] = g->lane_tops[l] + fixed + rows[l] * g->row_height + extra;
  g->lane_tops[ICC_N_LANES] = MAX (g->lane_tops[ICC_N_LANES], g->lanes_bottom);
}

static int
measure_text_cb (const char *text,
                 gpointer    user_data)
{
  int width;

  pango_layout_get_pixel_size (icc_timeline_renderer_get_text_layout (user_data, text),
                               &width, NULL);

  return width;
}

/* Drawing -------------------------------------------------------------- */

static void
draw_axis (IccTimelineRenderer *self,
           GtkSnapshot *snapshot,
           int          width,
           int          height)
{
  IccTimelineScale scale;
  GdkRGBA grid = self->palette.fg;
  GdkRGBA major_grid = self->palette.fg;
  GdkRGBA dim = self->palette.fg;
  GdkRGBA band = self->palette.fg;
  double bottom = self->geometry.lanes_bottom;

  grid.alpha *= .08;
  major_grid.alpha *= .2;
  dim.alpha *= .7;
  band.alpha *= .04;

  scale = self->scale;
  icc_timeline_scale_compute_ticks (&scale, measure_text_cb, self, self->ticks);

  gtk_snapshot_append_color (snapshot, &band, &GRAPHENE_RECT_INIT (0, 0, width, self->geometry.axis_height));
  gtk_snapshot_append_color (snapshot, &major_grid,
                             &GRAPHENE_RECT_INIT (0, self->geometry.axis_height - 1, width, 1));

  for (guint i = 0; i < self->ticks->len; i++)
    {
      const IccTimelineTick *tick = &g_array_index (self->ticks, IccTimelineTick, i);
      double x = round (tick->x);

      if (tick->sub)
        {
          gtk_snapshot_append_color (snapshot, &major_grid,
                                     &GRAPHENE_RECT_INIT (x, self->geometry.axis_height - 4, 1, 4));
        }
      else if (tick->major)
        {
          /* The labels of this row go on top, uncached, around the cursor's
           * pill (icc_timeline_renderer_snapshot_axis_labels()). */
          if (x >= 0)
            gtk_snapshot_append_color (snapshot, &major_grid,
                                       &GRAPHENE_RECT_INIT (x, 0, 1, bottom));
        }
      else
        {
          if (x >= 0)
            {
              gtk_snapshot_append_color (snapshot, &major_grid,
                                         &GRAPHENE_RECT_INIT (x, self->geometry.axis_height - 8, 1, 8));
              gtk_snapshot_append_color (snapshot, &grid,
                                         &GRAPHENE_RECT_INIT (x, self->geometry.axis_height, 1,
                                                              bottom - self->geometry.axis_height));
            }
          if (tick->label != NULL)
            append_text (self, snapshot, icc_timeline_renderer_get_text_layout (self, tick->label),
                         tick->label_x, self->geometry.axis_height - self->line_height - 2, &dim);
        }
    }
}

/* The visible part of era @i, in pixels; FALSE when out of view. */
static gboolean
era_extent (IccTimelineRenderer *self,
            IccEra              *era,
            int                  width,
            double              *x0,
            double              *x1)
{
  *x0 = x_at_day (self, icc_era_get_start_day (era));
  *x1 = x_at_day (self, icc_era_get_end_day (era) + 1.0);

  if (*x1 < 0 || *x0 > width)
    return FALSE;

  *x0 = MAX (*x0, 0);
  *x1 = MIN (*x1, width);

  return TRUE;
}

/* Bands behind everything, opaque tints of the accent (so as visible in the
 * dark and high contrast styles as in the light one), with edges. */
static void
draw_eras (IccTimelineRenderer *self,
           GtkSnapshot *snapshot,
           int          width)
{
  GListModel *eras = icc_timeline_view_get_eras (self->view);
  double top = self->geometry.lanes_top;
  double bottom = self->geometry.lanes_bottom;
  guint n;

  if (eras == NULL)
    return;

  n = g_list_model_get_n_items (eras);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IccEra) era = g_list_model_get_item (eras, i);
      double x0;
      double x1;

      if (!era_extent (self, era, width, &x0, &x1))
        continue;

      gtk_snapshot_append_color (snapshot, &self->palette.era_fill[i % 2],
                                 &GRAPHENE_RECT_INIT (x0, top, x1 - x0, bottom - top));
      if (x1 - x0 >= 4)
        {
          gtk_snapshot_append_color (snapshot, &self->palette.era_edge,
                                     &GRAPHENE_RECT_INIT (x0, top, 1, bottom - top));
          gtk_snapshot_append_color (snapshot, &self->palette.era_edge,
                                     &GRAPHENE_RECT_INIT (x1 - 1, top, 1, bottom - top));
        }
    }
}

/* The eras' titles, over the events, in the top line of the band (the first
 * lane's heading line, right of its heading), ellipsized to the band. */
static void
draw_era_titles (IccTimelineRenderer *self,
                 GtkSnapshot *snapshot,
                 int          width)
{
  GListModel *eras = icc_timeline_view_get_eras (self->view);
  PangoLayout *heading;
  int heading_end;
  guint n;

  if (eras == NULL)
    return;

  heading = icc_timeline_renderer_get_text_layout (self, icc_lane_get_label (0));
  pango_layout_get_pixel_size (heading, &heading_end, NULL);
  heading_end += 6 + 8;

  n = g_list_model_get_n_items (eras);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IccEra) era = g_list_model_get_item (eras, i);
      g_autofree char *key = NULL;
      PangoLayout *layout;
      double x0;
      double x1;
      double room;
      int w;

      if (!era_extent (self, era, width, &x0, &x1))
        continue;

      x0 = MAX (x0 + 4, heading_end);
      room = x1 - 4 - x0;
      if (room < MIN_ERA_TITLE_WIDTH)
        continue;

      /* A layout of its own, so that ellipsizing leaves the shared one be. */
      key = g_strconcat ("era\x1f", icc_era_get_title (era), NULL);
      layout = icc_timeline_renderer_get_text_layout (self, key);
      if (g_strcmp0 (pango_layout_get_text (layout), icc_era_get_title (era)) != 0)
        pango_layout_set_text (layout, icc_era_get_title (era), -1);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_width (layout, -1);
      pango_layout_get_pixel_size (layout, &w, NULL);
      if (w > room)
        pango_layout_set_width (layout, (int)(room * PANGO_SCALE));

      append_text (self, snapshot, layout, x0, self->geometry.lanes_top + 1, &self->palette.era_text);
    }
}

static void
draw_lanes (IccTimelineRenderer *self,
            GtkSnapshot *snapshot,
            int          width)
{
  GdkRGBA line = self->palette.fg;

  line.alpha *= .15;

  for (guint l = 0; l < ICC_N_LANES; l++)
    {
      double y = self->geometry.lane_tops[l];

      if (l > 0)
        gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (0, y, width, 1));
    }
}

static void
draw_lane_headings (IccTimelineRenderer *self,
                    GtkSnapshot *snapshot)
{
  GdkRGBA heading = self->palette.fg;

  heading.alpha *= .75;

  for (guint l = 0; l < ICC_N_LANES; l++)
    {
      PangoLayout *layout = icc_timeline_renderer_get_text_layout (self, icc_lane_get_label (l));

      append_text (self, snapshot, layout, 6, self->geometry.lane_tops[l] + 1, &heading);
    }
}

static void
draw_today (IccTimelineRenderer *self,
            GtkSnapshot *snapshot,
            int          width)
{
  double x = x_at_day (self, icc_timeline_view_get_today (self->view) + 0.5);
  PangoLayout *layout;
  int w;

  if (x < 0 || x >= width)
    return;

  append_rect (self, snapshot, "today",
               &GRAPHENE_RECT_INIT (round (x), self->geometry.lanes_top, 1,
                                    self->geometry.lanes_bottom - self->geometry.lanes_top),
               0, &self->palette.today, NULL);

  /* The line has the colour; the word, next to it, the text colour: the
   * orange is 3.7:1 to 3.9:1 on the light and dark backgrounds, below AA. */
  /* Translators: the label of the line marking the current day */
  layout = icc_timeline_renderer_get_text_layout (self, _("Today"));
  pango_layout_get_pixel_size (layout, &w, NULL);
  append_text (self, snapshot, layout, x + w + 6 < width ? x + 3 : x - w - 3,
               self->geometry.lanes_bottom - self->line_height - 2, &self->palette.fg);
}

GskRenderNode *
icc_timeline_renderer_render_static (IccTimelineRenderer *self,
                                     IccTimelineView     *view,
                                     int                  width,
                                     int                  height)
{
  GtkSnapshot *snapshot;

  g_return_val_if_fail (ICC_IS_TIMELINE_VIEW (view), NULL);

  _icc_timeline_renderer_begin (self, view, width, height);
  snapshot = gtk_snapshot_new ();

  if (self->exporting && self->export.label_rows > 0)
    fit_lanes (self);
  else
    _icc_timeline_renderer_layout_events (self, 0);

  draw_eras (self, snapshot, width);
  draw_axis (self, snapshot, width, height);
  draw_lanes (self, snapshot, width);
  if (!self->exporting || self->export.today)
    draw_today (self, snapshot, width);
  _icc_timeline_renderer_draw_events (self, snapshot, width, height);
  draw_lane_headings (self, snapshot);
  draw_era_titles (self, snapshot, width);

  return gtk_snapshot_free_to_node (snapshot);
}
