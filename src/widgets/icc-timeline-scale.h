/* icc-timeline-scale.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Pure time <-> x arithmetic for the timeline, with no widget in it.
 *
 * Times are day numbers as doubles: day 1 is 0001-01-01 (GDate's Julian
 * days) and 1.5 is the middle of that day. A view shows [start, end) across
 * @width pixels.
 */

#define ICC_TIMELINE_MIN_SPAN_DAYS 10.0
#define ICC_TIMELINE_MAX_SPAN_DAYS (40.0 * 365.25)

typedef struct
{
  double start;
  double end;
  double width;
} IccTimelineScale;

typedef enum
{
  ICC_TIMELINE_UNIT_DAY,
  ICC_TIMELINE_UNIT_WEEK,
  ICC_TIMELINE_UNIT_MONTH,
  ICC_TIMELINE_UNIT_QUARTER,
  ICC_TIMELINE_UNIT_YEAR,
  ICC_TIMELINE_UNIT_TWO_YEARS,   /* even years */
  ICC_TIMELINE_UNIT_FIVE_YEARS,  /* years ending in 0 and 5 */
  ICC_TIMELINE_UNIT_DECADE,
} IccTimelineUnit;

#define ICC_TIMELINE_N_UNITS (ICC_TIMELINE_UNIT_DECADE + 1)

typedef struct
{
  double  day;     /* first day of the period the tick starts */
  double  x;
  double  label_x; /* where the label starts */
  char   *label;   /* NULL when the label is culled */
  int     label_width;
  guint   major : 1;
  guint   sub : 1;     /* an unlabelled tick of the next finer unit */
} IccTimelineTick;

/* Returns the width in pixels @text takes when drawn. */
typedef int (*IccTimelineMeasureFunc) (const char *text,
                                       gpointer    user_data);

void             icc_timeline_scale_init          (IccTimelineScale       *scale,
                                                   double                  start,
                                                   double                  end,
                                                   double                  width);
double           icc_timeline_scale_get_span      (const IccTimelineScale *scale);
double           icc_timeline_scale_pixels_per_day (const IccTimelineScale *scale);
double           icc_timeline_scale_day_to_x      (const IccTimelineScale *scale,
                                                   double                  day);
double           icc_timeline_scale_x_to_day      (const IccTimelineScale *scale,
                                                   double                  x);

/* View arithmetic. Spans are clamped to [MIN_SPAN, MAX_SPAN] and the view
 * slid back inside [bounds_start, bounds_end] when it fits there. */
void             icc_timeline_clamp_range         (double                 *start,
                                                   double                 *end,
                                                   double                  bounds_start,
                                                   double                  bounds_end);
void             icc_timeline_zoom_range          (double                 *start,
                                                   double                 *end,
                                                   double                  factor,
                                                   double                  around_day);

/* Chooses the finest unit (and the longest label format of it) whose labels
 * cannot overlap at this scale, then fills @ticks (IccTimelineTick, with
 * icc_timeline_tick_clear as clear func) with the minor ticks of that unit
 * and the major ticks of the next coarser context (months around days and
 * weeks, years around months and quarters), then unlabelled "sub" ticks of
 * the next finer unit when they are far enough apart. Labels of a row never
 * overlap and never stick out of [0, width). */
IccTimelineUnit  icc_timeline_scale_compute_ticks (const IccTimelineScale *scale,
                                                   IccTimelineMeasureFunc  measure,
                                                   gpointer                user_data,
                                                   GArray                 *ticks);
void             icc_timeline_tick_clear          (gpointer                tick);
GArray          *icc_timeline_ticks_new           (void);

/* Localized label of the period of @unit starting on @day ("Nov", "2016",
 * "Q4", "14"); @variant 0 is the longest form. */
char            *icc_timeline_format_label        (IccTimelineUnit         unit,
                                                   guint                   variant,
                                                   gint32                  day);
/* The first day of the period of @unit containing @day, and the next one. */
gint32           icc_timeline_unit_floor          (IccTimelineUnit         unit,
                                                   gint32                  day);
gint32           icc_timeline_unit_next           (IccTimelineUnit         unit,
                                                   gint32                  day);

G_END_DECLS
