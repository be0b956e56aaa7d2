/* icc-timeline-renderer-private.h: what the renderer's files share
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "icc-timeline-renderer.h"
#include "icc-timeline-scale.h"

G_BEGIN_DECLS

/* The renderer in three files: icc-timeline-renderer.c (geometry, text,
 * the snapshot API, the overview, the cursor and the selection),
 * icc-timeline-renderer-static.c (the static layer: eras, axis, lanes,
 * today, lane headings) and icc-timeline-marks.c (the kinds' shapes and
 * palette, the events' markers, clusters and labels, and the items they
 * make). */

#define MAX_CACHED       2048

struct _IccTimelineRenderer
{
  PangoContext        *context;
  IccTimelinePalette   palette;
  int                  line_height;  /* of the context's font, in pixels */

  GHashTable          *text_layouts;
  GHashTable          *event_layouts;
  GArray              *ticks;
  GArray              *items;

  gboolean             exporting;
  IccTimelineExportOptions export;

  /* Set for the time of one drawing call. */
  IccTimelineView     *view;
  IccTimelineScale     scale;
  IccTimelineGeometry  geometry;
};

static inline void
append_text (IccTimelineRenderer *self,
             GtkSnapshot         *snapshot,
             PangoLayout         *layout,
             double               x,
             double               y,
             const GdkRGBA       *color)
{
  if (self->export.text_func != NULL)
    {
      self->export.text_func (layout, x, y, color, self->export.text_data);
      return;
    }

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* A rectangle of the Today line, the cursor or the overview strip: see
 * IccTimelineRectFunc. */
static inline void
append_rect (IccTimelineRenderer   *self,
             GtkSnapshot           *snapshot,
             const char            *role,
             const graphene_rect_t *rect,
             double                 radius,
             const GdkRGBA         *fill,
             const GdkRGBA         *stroke)
{
  GskRoundedRect rounded;

  if (self->export.rect_func != NULL)
    {
      self->export.rect_func (role, rect, radius, fill, stroke, self->export.text_data);
      return;
    }

  if (radius <= 0 && stroke == NULL)
    {
      gtk_snapshot_append_color (snapshot, fill, rect);
      return;
    }

  gsk_rounded_rect_init_from_rect (&rounded, rect, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, fill, rect);
  gtk_snapshot_pop (snapshot);
  if (stroke != NULL)
    {
      float widths[4] = { 1, 1, 1, 1 };
      GdkRGBA colors[4] = { *stroke, *stroke, *stroke, *stroke };

      gtk_snapshot_append_border (snapshot, &rounded, widths, colors);
    }
}

static inline double
x_at_day (IccTimelineRenderer *self,
          double               day)
{
  return icc_timeline_scale_day_to_x (&self->scale, day);
}

/* icc-timeline-renderer.c */
void _icc_timeline_renderer_begin         (IccTimelineRenderer *self,
                                           IccTimelineView     *view,
                                           int                  width,
                                           int                  height);

/* icc-timeline-marks.c */
void _icc_timeline_renderer_layout_events (IccTimelineRenderer *self,
                                           guint                label_rows);
void _icc_timeline_renderer_draw_events (IccTimelineRenderer *self,
                                         GtkSnapshot         *snapshot,
                                         int                  width,
                                         int                  height);

G_END_DECLS
