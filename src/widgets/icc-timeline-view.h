/* icc-timeline-view.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "icc-timeline-layout.h"

G_BEGIN_DECLS

#define ICC_TYPE_TIMELINE_VIEW (icc_timeline_view_get_type ())

G_DECLARE_FINAL_TYPE (IccTimelineView, icc_timeline_view, ICC, TIMELINE_VIEW, GObject)

/* What a timeline shows, apart from any widget (Sysprof's lesson): the
 * events and eras, the visible range ("start", "end": day numbers as in
 * icc-timeline-scale.h), the cursor day, the range selection, the zoom
 * history and the range an animation heads to. GLib only: the widget turns
 * input into calls here and draws the view; an export makes a view of its
 * own and draws it with no display.
 *
 * Times of animation are the caller's clock in microseconds (the frame
 * clock's frame time in the widget); a @now below 0 moves at once. */

IccTimelineView  *icc_timeline_view_new                   (void);

GListModel       *icc_timeline_view_get_model             (IccTimelineView *self);
/* A new model fits all its events in view and forgets the history. */
void              icc_timeline_view_set_model             (IccTimelineView *self,
                                                           GListModel      *model);
GListModel       *icc_timeline_view_get_eras              (IccTimelineView *self);
void              icc_timeline_view_set_eras              (IccTimelineView *self,
                                                           GListModel      *eras);
/* The index of the model's events, rebuilt lazily after it changed; never
 * NULL. */
IccTimelineIndex *icc_timeline_view_get_index             (IccTimelineView *self);

/* The day drawn as "Today" (default: the day the view was made). */
gint32            icc_timeline_view_get_today             (IccTimelineView *self);
void              icc_timeline_view_set_today             (IccTimelineView *self,
                                                           gint32           today);

double            icc_timeline_view_get_start             (IccTimelineView *self);
double            icc_timeline_view_get_end               (IccTimelineView *self);
/* The range an animation heads to, else the visible range. */
void              icc_timeline_view_get_target_range      (IccTimelineView *self,
                                                           double          *start,
                                                           double          *end);
/* The days of the data (the ICC's history without data); where panning may
 * go (the data and today, with room around); the range "fit all" shows. */
void              icc_timeline_view_get_data_range        (IccTimelineView *self,
                                                           double          *first,
                                                           double          *last);
void              icc_timeline_view_get_bounds            (IccTimelineView *self,
                                                           double          *first,
                                                           double          *last);
void              icc_timeline_view_get_fit_range         (IccTimelineView *self,
                                                           double          *start,
                                                           double          *end);

/* Sets the visible range at once, clamped to the span limits and bounds,
 * and ends any animation. */
void              icc_timeline_view_set_range             (IccTimelineView *self,
                                                           double           start,
                                                           double           end);
/* Heads to a range: at once when @now < 0, else animated from @now. */
void              icc_timeline_view_move_to               (IccTimelineView *self,
                                                           double           start,
                                                           double           end,
                                                           gint64           now);
/* @factor > 1 zooms in around @around_day, from the target range (so that
 * successive wheel steps add up). */
void              icc_timeline_view_zoom_by_factor        (IccTimelineView *self,
                                                           double           factor,
                                                           double           around_day,
                                                           gint64           now);
void              icc_timeline_view_fit_all               (IccTimelineView *self,
                                                           gint64           now);
/* Pans so that @day is in the middle two thirds of the target range. */
void              icc_timeline_view_ensure_day_visible    (IccTimelineView *self,
                                                           double           day,
                                                           gint64           now);

/* Advances the animation to @now (ease-out cubic); TRUE while it goes on. */
gboolean          icc_timeline_view_tick                  (IccTimelineView *self,
                                                           gint64           now);
gboolean          icc_timeline_view_get_animating         (IccTimelineView *self);
void              icc_timeline_view_stop_animation        (IccTimelineView *self);
guint             icc_timeline_view_get_animation_duration (IccTimelineView *self);
void              icc_timeline_view_set_animation_duration (IccTimelineView *self,
                                                           guint            msec);

/* Remembers the target range for "go back"; with @coalesce, pushes within
 * a second of the last coalesced one count as one step (wheel bursts). */
void              icc_timeline_view_push_history          (IccTimelineView *self,
                                                           gboolean         coalesce,
                                                           gint64           now);
/* Zooms to the range between two days in either order (a Shift+drag), as
 * one step of the history; nothing when they are the same day. */
void              icc_timeline_view_zoom_to_range         (IccTimelineView *self,
                                                           double           day_a,
                                                           double           day_b,
                                                           gint64           now);
/* Returns to the range before the last zoom; FALSE if there is none. */
gboolean          icc_timeline_view_go_back               (IccTimelineView *self,
                                                           gint64           now);
gboolean          icc_timeline_view_get_can_go_back       (IccTimelineView *self);

/* The cursor: a day number (its first instant), or none. */
gboolean          icc_timeline_view_get_cursor            (IccTimelineView *self,
                                                           double          *day);
void              icc_timeline_view_set_cursor            (IccTimelineView *self,
                                                           double           day);
void              icc_timeline_view_clear_cursor          (IccTimelineView *self);

/* The range selection, ordered; FALSE when there is none. */
gboolean          icc_timeline_view_get_selection         (IccTimelineView *self,
                                                           double          *start_day,
                                                           double          *end_day);
void              icc_timeline_view_set_selection         (IccTimelineView *self,
                                                           double           start_day,
                                                           double           end_day);
void              icc_timeline_view_clear_selection       (IccTimelineView *self);

G_END_DECLS
