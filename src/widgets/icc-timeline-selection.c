/* icc-timeline-selection.c: the timeline's selections and its actions
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "icc-date.h"
#include "icc-event.h"
#include "icc-timeline-private.h"

/* The range selection (set by the API; Enter zooms to it); the selected event and
 * the cursor day, which live in the IccFocus; the zoom anchor; and the
 * timeline.* actions. */

/* Range selection ------------------------------------------------------- */

gboolean
icc_timeline_get_selection (IccTimeline *self,
                            double      *start_day,
                            double      *end_day)
{
  g_return_val_if_fail (ICC_IS_TIMELINE (self), FALSE);

  return icc_timeline_view_get_selection (self->view, start_day, end_day);
}

static void
update_selection_action (IccTimeline *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.zoom-to-selection",
                                 icc_timeline_view_get_selection (self->view, NULL, NULL));
}

void
icc_timeline_set_selection (IccTimeline *self,
                            double       start_day,
                            double       end_day)
{
  g_return_if_fail (ICC_IS_TIMELINE (self));

  icc_timeline_view_set_selection (self->view, start_day, end_day);
  update_selection_action (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
icc_timeline_clear_selection (IccTimeline *self)
{
  g_return_if_fail (ICC_IS_TIMELINE (self));

  if (!icc_timeline_view_get_selection (self->view, NULL, NULL))
    return;

  icc_timeline_view_clear_selection (self->view);
  update_selection_action (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
icc_timeline_zoom_to_selection (IccTimeline *self)
{
  double start;
  double end;

  g_return_if_fail (ICC_IS_TIMELINE (self));

  if (!icc_timeline_get_selection (self, &start, &end))
    return;

  _icc_timeline_push_history (self, FALSE);
  icc_timeline_clear_selection (self);
  _icc_timeline_move_to (self, start, end, TRUE);
}

/* Selection of events --------------------------------------------------- */

/* Pans (animated) so that @day is in the middle third of the view. */
void
_icc_timeline_ensure_day_visible (IccTimeline *self,
                                  double       day)
{
  double start;
  double end;
  double span;

  icc_timeline_view_get_target_range (self->view, &start, &end);
  span = end - start;

  if (day >= start + span / 6 && day <= end - span / 6)
    return;

  _icc_timeline_move_to (self, day - span / 2, day + span / 2, TRUE);
}

void
_icc_timeline_select_rank (IccTimeline *self,
                           guint        rank)
{
  IccTimelineIndex *index = icc_timeline_view_get_index (self->view);
  g_autoptr(IccEvent) event = NULL;

  if (self->focus == NULL || rank >= icc_timeline_index_get_n_events (index))
    return;

  event = g_list_model_get_item (icc_timeline_view_get_model (self->view),
                                 icc_timeline_index_get_position (index, rank));
  self->selecting = TRUE;
  icc_focus_set_event (self->focus, event);
  self->selecting = FALSE;
  _icc_timeline_ensure_day_visible (self, icc_event_get_day (event) + 0.5);
}

/* Left/Right step from where the user is looking. While the cursor is on
 * the selected event (its day, or within its period), the step is from that
 * event, so that events of one day are visited one by one; once the cursor
 * was moved elsewhere (dragged, typed, a click on the axis), the step is to
 * the first event after the cursor's day (Right) or the last one before it
 * (Left), whatever is selected. Without a cursor, from the selected event,
 * else from the first or last event. */
void
_icc_timeline_select_relative (IccTimeline *self,
                               int          direction)
{
  IccTimelineIndex *index;
  IccEvent *selected;
  const IccDate *date;
  gboolean has_cursor;
  gint32 day = 0;
  guint n;
  int rank;

  if (icc_timeline_view_get_model (self->view) == NULL || self->focus == NULL)
    return;

  index = icc_timeline_view_get_index (self->view);
  n = icc_timeline_index_get_n_events (index);
  if (n == 0)
    return;

  selected = icc_focus_get_event (self->focus);
  rank = selected != NULL ? icc_timeline_index_find_event (index, selected) : -1;
  date = icc_focus_get_date (self->focus);
  has_cursor = date != NULL && icc_date_is_set (date);
  if (has_cursor)
    day = icc_date_get_day (date);

  if (rank >= 0 &&
      (!has_cursor ||
       (day >= icc_event_get_day (selected) && day <= icc_event_get_end_day (selected))))
    {
      rank += direction;
    }
  else if (has_cursor)
    {
      if (direction > 0)
        rank = icc_timeline_index_lower_bound (index, day + 1);
      else
        rank = (int)icc_timeline_index_lower_bound (index, day) - 1;
    }
  else
    {
      rank = direction > 0 ? 0 : (int)n - 1;
    }

  if (rank >= 0 && (guint)rank < n)
    _icc_timeline_select_rank (self, rank);
}

void
_icc_timeline_set_focus_day (IccTimeline *self,
                             double       day)
{
  IccDate date;

  if (self->focus == NULL)
    return;

  icc_date_init_from_day (&date, (gint32)floor (day));
  icc_focus_set_date (self->focus, &date);
}

double
_icc_timeline_zoom_anchor (IccTimeline *self)
{
  const IccDate *date = self->focus != NULL ? icc_focus_get_date (self->focus) : NULL;
  double start;
  double end;

  icc_timeline_view_get_target_range (self->view, &start, &end);

  if (date != NULL && icc_date_is_set (date))
    {
      double day = icc_date_get_day (date) + 0.5;

      if (day >= start && day <= end)
        return day;
    }

  return (start + end) / 2;
}

/* Actions ---------------------------------------------------------------- */

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  IccTimeline *self = ICC_TIMELINE (widget);

  if (g_str_equal (action_name, "timeline.zoom-in"))
    {
      _icc_timeline_push_history (self, TRUE);
      icc_timeline_zoom_by_factor (self, ICC_TIMELINE_ZOOM_STEP, _icc_timeline_zoom_anchor (self),
                                   TRUE);
    }
  else if (g_str_equal (action_name, "timeline.zoom-out"))
    {
      _icc_timeline_push_history (self, TRUE);
      icc_timeline_zoom_by_factor (self, 1 / ICC_TIMELINE_ZOOM_STEP,
                                   _icc_timeline_zoom_anchor (self), TRUE);
    }
  else if (g_str_equal (action_name, "timeline.fit-all"))
    {
      _icc_timeline_push_history (self, FALSE);
      icc_timeline_fit_all (self, TRUE);
    }
  else if (g_str_equal (action_name, "timeline.go-back"))
    {
      icc_timeline_go_back (self, TRUE);
    }
  else if (g_str_equal (action_name, "timeline.zoom-to-selection"))
    {
      icc_timeline_zoom_to_selection (self);
    }
}

void
_icc_timeline_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.fit-all", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.go-back", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-to-selection", NULL, zoom_action);
}

void
_icc_timeline_init_selection (IccTimeline *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.go-back", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.zoom-to-selection", FALSE);
}
