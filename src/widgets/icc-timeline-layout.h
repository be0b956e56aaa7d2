/* icc-timeline-layout.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "icc-event.h"
#include "icc-timeline-scale.h"
#include "icc-types.h"

G_BEGIN_DECLS

/* Pure layout of the timeline, with no widget in it: which events are
 * visible, in which lane, merged into which cluster, with which label.
 *
 * An IccTimelineIndex is built once per change of the event model (O(n))
 * and holds the day numbers of the events sorted by day, per lane, so that
 * a layout costs binary searches: its cost depends on the pixels of the view,
 * not on the number of events held.
 */

typedef struct _IccTimelineIndex IccTimelineIndex;

typedef struct
{
  IccLane lane;
  guint   first;            /* index of the first event in the lane */
  guint   count;            /* 1 for a single marker, more for a cluster */
  guint   position;         /* model position of the first event */
  gint32  first_day;
  gint32  last_day;         /* last day covered (end of a period) */
  double  x;                /* centre of the marker */
  double  x_end;            /* end of a single event's period bar, else x */
  guint8  kind;             /* IccEventKind of the first event */
  guint8  certainty;        /* IccCertainty of the first event */
  double  label_width;      /* 0 when the label is culled */
  guint   label_ellipsized : 1;
  guint   label_row : 7;    /* 0: beside the marker; n: n lines under it */
  double  label_x;          /* where a label under its marker starts */
} IccTimelineItem;

/* Returns the width in pixels of the label of the event at @position. */
typedef int (*IccTimelineLabelFunc) (guint    position,
                                     gpointer user_data);

typedef struct
{
  double               cluster_px;      /* markers closer than this merge */
  double               marker_radius;
  double               label_gap;
  double               min_label_width; /* narrower room than this: no label */
  IccTimelineLabelFunc label_width;     /* may be NULL: no labels */
  gpointer             user_data;
  /* Lines of labels a lane has under its markers (0: none, every label
   * beside its marker, up to the next one): a label too long for the room
   * beside its marker goes on the first line under it where it fits whole,
   * starting at the marker, with a leader line from the marker that
   * crosses no other label, and is shortened only when none has room. */
  guint                label_rows;
  /* The event at this model position has its label placed first on those
   * lines (a tour step's). */
  gboolean             prefer;
  guint                prefer_position;
} IccTimelineLayoutParams;

#define ICC_TIMELINE_MAX_LABEL_ROWS      32
/* A label under its marker starts this far right of MAX (0, x - 1), unless
 * it would pass the right edge: then it ends there. */
#define ICC_TIMELINE_UNDER_LABEL_INDENT  5.0

IccTimelineIndex *icc_timeline_index_new              (GListModel             *events);
void              icc_timeline_index_free             (IccTimelineIndex       *index);
guint             icc_timeline_index_get_n_events     (const IccTimelineIndex *index);
/* First day of the first event and last day of the latest ending one;
 * FALSE if there are no events. */
gboolean          icc_timeline_index_get_bounds       (const IccTimelineIndex *index,
                                                       gint32                 *first_day,
                                                       gint32                 *last_day);
guint             icc_timeline_index_get_n_lane_events (const IccTimelineIndex *index,
                                                       IccLane                 lane);

/* Events in day order ("rank"); the model is expected sorted by day, and
 * is sorted here if it is not. */
guint             icc_timeline_index_get_position     (const IccTimelineIndex *index,
                                                       guint                   rank);
gint32            icc_timeline_index_get_day          (const IccTimelineIndex *index,
                                                       guint                   rank);
/* The rank of @event, or -1. */
int               icc_timeline_index_find_event       (const IccTimelineIndex *index,
                                                       IccEvent               *event);
/* The first rank whose day is >= @day (n_events if none). */
guint             icc_timeline_index_lower_bound      (const IccTimelineIndex *index,
                                                       double                  day);
/* Rank of an event inside a lane. */
guint             icc_timeline_index_get_lane_position (const IccTimelineIndex *index,
                                                       IccLane                 lane,
                                                       guint                   i);
/* The lane of the event of @rank and its index inside the lane. */
guint             icc_timeline_index_get_lane_index   (const IccTimelineIndex *index,
                                                       guint                   rank,
                                                       IccLane                *lane);
/* Number of events in [from_day, to_day), all lanes, by binary search. */
guint             icc_timeline_index_count_range      (const IccTimelineIndex *index,
                                                       double                  from_day,
                                                       double                  to_day);

/* Fills @items (IccTimelineItem) lane by lane, in x order within a lane. */
void              icc_timeline_layout_compute         (const IccTimelineIndex        *index,
                                                       const IccTimelineScale        *scale,
                                                       const IccTimelineLayoutParams *params,
                                                       GArray                        *items);
/* The item of @lane whose marker is nearest to @x within @tolerance, or -1. */
int               icc_timeline_layout_find_item       (GArray                        *items,
                                                       IccLane                        lane,
                                                       double                         x,
                                                       double                         tolerance);

/* The item of @items that holds the event of @rank (a marker of its own or
 * a cluster), or -1 when it is not laid out. */
int               icc_timeline_layout_find_rank       (const IccTimelineIndex        *index,
                                                       GArray                        *items,
                                                       guint                          rank);
/* The widest span in days, from @max_span down to @min_span, of a view
 * @width pixels wide centred on @centre_day, in which the event of @rank is
 * a marker of its own with its whole label (issue 16: a presentation
 * step's event is never folded into a cluster). Where no span gives the
 * whole label (neighbours a day or two away), the widest that gives it a
 * shortened label, else its own marker; where none gives that either
 * (events of one lane on one day), @min_span. */
double            icc_timeline_layout_fit_event       (const IccTimelineIndex        *index,
                                                       const IccTimelineLayoutParams *params,
                                                       guint                          rank,
                                                       double                         width,
                                                       double                         centre_day,
                                                       double                         min_span,
                                                       double                         max_span);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IccTimelineIndex, icc_timeline_index_free)

G_END_DECLS
