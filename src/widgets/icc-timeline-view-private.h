/* icc-timeline-view-private.h: what the view's two files share
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "icc-timeline-view.h"

G_BEGIN_DECLS

/* The view in two files: icc-timeline-view.c (the object, its data, range,
 * history, cursor, selection and properties) and
 * icc-timeline-view-animation.c (moving the range, at once or animated).
 * GLib only, like the rest of libicc-timeline-core. */

typedef struct
{
  double start;
  double end;
} Range;

struct _IccTimelineView
{
  GObject           parent_instance;

  GListModel       *model;
  GSignalGroup     *model_signals;
  GListModel       *eras;
  GSignalGroup     *eras_signals;

  /* Rebuilt lazily after the model changed. */
  IccTimelineIndex *index;

  gint32            today;
  double            start;
  double            end;

  gint64            anim_begin;
  gint64            anim_duration;
  Range             anim_from;
  Range             anim_to;

  GArray           *history;
  gint64            last_history_push;

  double            cursor;
  Range             selection;

  guint             animating : 1;
  guint             has_cursor : 1;
  guint             has_selection : 1;
};

/* icc-timeline-view.c: the setters that notify. */
void _icc_timeline_view_set_animating (IccTimelineView *self,
                                       gboolean         animating);
void _icc_timeline_view_apply_range   (IccTimelineView *self,
                                       double           start,
                                       double           end);

G_END_DECLS
