/* icc-timeline-view-animation.c: how a timeline view's range moves
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "icc-timeline-view-private.h"

/* The view's motions, at once or animated: to a range, by a zoom factor, to
 * fit all, to show a day; and the animation's ticks (ease-out cubic). */

void
icc_timeline_view_move_to (IccTimelineView *self,
                           double           start,
                           double           end,
                           gint64           now)
{
  double first;
  double last;

  g_return_if_fail (ICC_IS_TIMELINE_VIEW (self));
  g_return_if_fail (!isnan (start) && !isnan (end));

  if (now < 0)
    {
      icc_timeline_view_set_range (self, start, end);
      return;
    }

  icc_timeline_view_get_bounds (self, &first, &last);
  icc_timeline_clamp_range (&start, &end, first, last);

  self->anim_from = (Range) { self->start, self->end };
  self->anim_to = (Range) { start, end };
  self->anim_begin = now;
  _icc_timeline_view_set_animating (self, TRUE);
}

void
icc_timeline_view_zoom_by_factor (IccTimelineView *self,
                                  double           factor,
                                  double           around_day,
                                  gint64           now)
{
  double start;
  double end;

  g_return_if_fail (ICC_IS_TIMELINE_VIEW (self));
  g_return_if_fail (factor > 0);

  icc_timeline_view_get_target_range (self, &start, &end);
  icc_timeline_zoom_range (&start, &end, factor, around_day);
  icc_timeline_view_move_to (self, start, end, now);
}

void
icc_timeline_view_fit_all (IccTimelineView *self,
                           gint64           now)
{
  double start;
  double end;

  g_return_if_fail (ICC_IS_TIMELINE_VIEW (self));

  icc_timeline_view_get_fit_range (self, &start, &end);
  icc_timeline_view_move_to (self, start, end, now);
}

void
icc_timeline_view_ensure_day_visible (IccTimelineView *self,
                                      double           day,
                                      gint64           now)
{
  double start;
  double end;
  double span;

  g_return_if_fail (ICC_IS_TIMELINE_VIEW (self));

  icc_timeline_view_get_target_range (self, &start, &end);
  span = end - start;

  if (day >= start + span / 6 && day <= end - span / 6)
    return;

  icc_timeline_view_move_to (self, day - span / 2, day + span / 2, now);
}

gboolean
icc_timeline_view_tick (IccTimelineView *self,
                        gint64           now)
{
  double t;
  double e;

  g_return_val_if_fail (ICC_IS_TIMELINE_VIEW (self), FALSE);

  if (!self->animating)
    return FALSE;

  t = CLAMP ((double)(now - self->anim_begin) / self->anim_duration, 0, 1);
  e = 1 - pow (1 - t, 3);

  _icc_timeline_view_apply_range (self,
                                  self->anim_from.start +
                                    (self->anim_to.start - self->anim_from.start) * e,
                                  self->anim_from.end +
                                    (self->anim_to.end - self->anim_from.end) * e);

  if (t >= 1)
    {
      _icc_timeline_view_set_animating (self, FALSE);
      return FALSE;
    }

  return TRUE;
}

gboolean
icc_timeline_view_get_animating (IccTimelineView *self)
{
  g_return_val_if_fail (ICC_IS_TIMELINE_VIEW (self), FALSE);

  return self->animating;
}

void
icc_timeline_view_stop_animation (IccTimelineView *self)
{
  g_return_if_fail (ICC_IS_TIMELINE_VIEW (self));

  _icc_timeline_view_set_animating (self, FALSE);
}
