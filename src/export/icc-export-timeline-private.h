/* icc-export-timeline-private.h: a page of the timeline, for its exports
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "icc-dataset.h"
#include "icc-timeline-renderer.h"

G_BEGIN_DECLS

/* A page of icc-export-timeline.c: the title and subtitle over the
 * timeline from start_day to end_day, the legend and the source line. */
typedef struct
{
  IccDataset          *dataset;
  const char          *title;
  const char          *subtitle;
  double               start_day;
  double               end_day;
  int                  width;
  int                  height;
  gboolean             svg;
  IccEvent            *current;  /* a tour step's: ringed, never in a cluster */
  guint                show;     /* IccExportShow */
  gint32               cursor_day;

  /* Made while drawing. */
  GString             *svg_body;
  IccTimelineRenderer *renderer;
} TimelinePage;

/* An IccExportDrawFunc: draws @data, a TimelinePage, into @cr; leaves its
 * renderer in it, for the caller to free. */
gboolean _icc_export_draw_timeline_page (cairo_t  *cr,
                                         gpointer  data);

/* The legend of the kinds of @dataset's events from @start_day to @end_day
 * (as a page has it) in rows @width wide from (0, 0) of @cr; returns its
 * height. */
double   _icc_export_timeline_legend    (cairo_t    *cr,
                                         IccDataset *dataset,
                                         double      start_day,
                                         double      end_day,
                                         int         width);

G_END_DECLS
