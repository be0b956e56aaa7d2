/* icc-timeline.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "icc-focus.h"
#include "icc-timeline-view.h"

G_BEGIN_DECLS

#define ICC_TYPE_TIMELINE (icc_timeline_get_type ())

G_DECLARE_FINAL_TYPE (IccTimeline, icc_timeline, ICC, TIMELINE, GtkWidget)

/* A zoomable timeline of IccEvents in three lanes, drawn with GtkSnapshot.
 *
 * "start" and "end" are day numbers (fractional; day 1 is 0001-01-01, as
 * icc_date_get_day) of the visible range. "model" is a GListModel of
 * IccEvent sorted by icc_event_compare, "eras" a GListModel of IccEra, and
 * "focus" the shared IccFocus: the timeline draws focus.date as its cursor
 * and focus.event as its selection, and sets both.
 *
 * Actions: timeline.zoom-in, timeline.zoom-out, timeline.fit-all,
 * timeline.go-back, timeline.zoom-to-selection.
 */

IccTimeline *icc_timeline_new                (void);

/* The view state the timeline shows and changes (range, cursor, selection,
 * history); a renderer can draw the same view elsewhere. */
IccTimelineView *icc_timeline_get_view       (IccTimeline *self);

GListModel  *icc_timeline_get_model          (IccTimeline *self);
void         icc_timeline_set_model          (IccTimeline *self,
                                              GListModel  *model);
IccFocus    *icc_timeline_get_focus          (IccTimeline *self);
void         icc_timeline_set_focus          (IccTimeline *self,
                                              IccFocus    *focus);
GListModel  *icc_timeline_get_eras           (IccTimeline *self);
void         icc_timeline_set_eras           (IccTimeline *self,
                                              GListModel  *eras);

double       icc_timeline_get_start          (IccTimeline *self);
double       icc_timeline_get_end            (IccTimeline *self);

/* Navigation. With @animate the view glides there in about 200 ms; the
 * start/end properties then change on every frame. Spans are kept between
 * about 10 days and 40 years. */
void         icc_timeline_zoom_to_range      (IccTimeline *self,
                                              double       start_day,
                                              double       end_day,
                                              gboolean     animate);
/* Zooms to [@start_day, @end_day], or closer around @event's day until the
 * event is drawn as a marker of its own, never inside a cluster, with its
 * whole label (down to about 10 days across). */
void         icc_timeline_zoom_to_event      (IccTimeline *self,
                                              IccEvent    *event,
                                              double       start_day,
                                              double       end_day,
                                              gboolean     animate);
/* @factor > 1 zooms in, keeping @around_day where it is on screen. */
void         icc_timeline_zoom_by_factor     (IccTimeline *self,
                                              double       factor,
                                              double       around_day,
                                              gboolean     animate);
void         icc_timeline_fit_all            (IccTimeline *self,
                                              gboolean     animate);
/* Returns to the view before the last zoom; FALSE if there is none. */
gboolean     icc_timeline_go_back            (IccTimeline *self,
                                              gboolean     animate);

/* A range selection, if any (Enter zooms to it, Escape clears it); a
 * Shift+drag zooms to the dragged range without one. */
gboolean     icc_timeline_get_selection      (IccTimeline *self,
                                              double      *start_day,
                                              double      *end_day);
void         icc_timeline_set_selection      (IccTimeline *self,
                                              double       start_day,
                                              double       end_day);
void         icc_timeline_clear_selection    (IccTimeline *self);
void         icc_timeline_zoom_to_selection  (IccTimeline *self);

/* Duration of animated navigation, in ms (default 200). */
void         icc_timeline_set_animation_duration (IccTimeline *self,
                                                  guint        msec);
guint        icc_timeline_get_animation_duration (IccTimeline *self);

G_END_DECLS
