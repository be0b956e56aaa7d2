/* icc-timeline-private.h: what the timeline widget's files share
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "icc-timeline.h"
#include "icc-timeline-renderer.h"
#include "icc-timeline-view.h"

G_BEGIN_DECLS

/* The widget in five files, as gnome-text-editor splits its window:
 * icc-timeline.c (the object, its API, the view and focus followed),
 * icc-timeline-draw.c (size, style and snapshot), icc-timeline-input.c
 * (pointer, wheel, gestures, keys, kinetic panning),
 * icc-timeline-selection.c (the range selection, the selected event and
 * the actions) and icc-timeline-tooltip.c. The view state is an
 * IccTimelineView; drawing is the IccTimelineRenderer's. */

#define ICC_TIMELINE_ZOOM_STEP 1.5

typedef enum
{
  ICC_TIMELINE_DRAG_NONE,
  ICC_TIMELINE_DRAG_PAN,
  ICC_TIMELINE_DRAG_CURSOR,
  ICC_TIMELINE_DRAG_SELECT,
  ICC_TIMELINE_DRAG_OVERVIEW,
} IccTimelineDragMode;

struct _IccTimeline
{
  GtkWidget            parent_instance;

  IccTimelineView     *view;
  IccTimelineRenderer *renderer;
  IccFocus            *focus;
  GSignalGroup        *focus_signals;

  /* The frame clock tick driving the view's animation and kinetic panning
   * (in pixels per second). */
  guint                tick_id;
  double               kinetic_velocity;
  gint64               kinetic_last;
  gint64               drag_last_t;
  double               drag_last_x;
  double               drag_velocity;

  /* The static layer: dropped on size, data, style and range changes.
   * Hover, selection and cursor are drawn on top, uncached. */
  GskRenderNode       *static_node;
  GskRenderNode       *overview_node;
  int                  static_width;
  int                  static_height;

  double               pointer_x;
  double               pointer_y;
  int                  hover_item;

  IccTimelineDragMode  drag_mode;
  double               drag_begin_start;
  double               drag_begin_end;
  double               drag_x;
  double               drag_select_start;
  double               drag_select_end;
  gboolean             drag_moved;

  double               zoom_begin_start;
  double               zoom_begin_end;
  double               zoom_begin_x;

  guint                pointer_inside : 1;
  guint                range_set : 1;
  /* Set while the timeline itself changes focus.event, which then needs no
   * scrolling into view (a click must not move what was clicked). */
  guint                selecting : 1;
};

/* icc-timeline.c */
void     _icc_timeline_get_geometry     (IccTimeline         *self,
                                         IccTimelineGeometry *geometry);
double   _icc_timeline_day_at_x         (IccTimeline         *self,
                                         double               x);
double   _icc_timeline_x_at_day         (IccTimeline         *self,
                                         double               day);
void     _icc_timeline_move_to          (IccTimeline         *self,
                                         double               start,
                                         double               end,
                                         gboolean             animate);
/* The time to animate from (the frame time), or -1 to move at once; ends
 * a fling or an animation that the move replaces. */
gint64   _icc_timeline_motion_now       (IccTimeline         *self,
                                         gboolean             animate);
void     _icc_timeline_stop_motion      (IccTimeline         *self);
gboolean _icc_timeline_animations_enabled (IccTimeline       *self);
void     _icc_timeline_ensure_tick      (IccTimeline         *self);
void     _icc_timeline_push_history     (IccTimeline         *self,
                                         gboolean             coalesce);

/* icc-timeline-draw.c */
void     _icc_timeline_invalidate_static (IccTimeline        *self);
void     _icc_timeline_invalidate_all   (IccTimeline         *self);
void     _icc_timeline_update_colors    (IccTimeline         *self);
int      _icc_timeline_item_at          (IccTimeline         *self,
                                         double               x,
                                         double               y);
double   _icc_timeline_cursor_x         (IccTimeline         *self);
void     _icc_timeline_class_init_draw  (GtkWidgetClass      *widget_class);

/* icc-timeline-input.c */
void     _icc_timeline_init_input       (IccTimeline         *self);

/* icc-timeline-selection.c */
void     _icc_timeline_ensure_day_visible (IccTimeline       *self,
                                         double               day);
void     _icc_timeline_select_rank      (IccTimeline         *self,
                                         guint                rank);
void     _icc_timeline_select_relative  (IccTimeline         *self,
                                         int                  direction);
void     _icc_timeline_set_focus_day    (IccTimeline         *self,
                                         double               day);
double   _icc_timeline_zoom_anchor      (IccTimeline         *self);
void     _icc_timeline_init_selection   (IccTimeline         *self);
void     _icc_timeline_class_init_actions (GtkWidgetClass    *widget_class);

/* icc-timeline-tooltip.c */
gboolean _icc_timeline_query_tooltip    (GtkWidget           *widget,
                                         int                  x,
                                         int                  y,
                                         gboolean             keyboard_mode,
                                         GtkTooltip          *tooltip);

G_END_DECLS
