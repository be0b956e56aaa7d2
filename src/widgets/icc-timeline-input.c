/* icc-timeline-input.c: pointer, wheel, gestures and keys of the timeline
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "icc-timeline-private.h"

#define CURSOR_GRAB_PX 5.0

static void
motion_cb (IccTimeline              *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *motion)
{
  IccTimelineGeometry geometry;
  int hover;
  const char *cursor = NULL;

  self->pointer_inside = TRUE;
  self->pointer_x = x;
  self->pointer_y = y;

  if (self->drag_mode != ICC_TIMELINE_DRAG_NONE)
    return;

  _icc_timeline_get_geometry (self, &geometry);
  hover = _icc_timeline_item_at (self, x, y);
  if (hover != self->hover_item)
    {
      self->hover_item = hover;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }

  if (hover >= 0 || y >= gtk_widget_get_height (GTK_WIDGET (self)) - ICC_TIMELINE_OVERVIEW_HEIGHT)
    cursor = "pointer";
  else if (y < geometry.lanes_bottom && fabs (x - _icc_timeline_cursor_x (self)) <= CURSOR_GRAB_PX)
    cursor = "col-resize";
  else if (y < geometry.axis_height)
    cursor = "text";

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);
}

static void
leave_cb (IccTimeline              *self,
          GtkEventControllerMotion *motion)
{
  self->pointer_inside = FALSE;
  if (self->hover_item != -1)
    {
      self->hover_item = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static gboolean
scroll_cb (IccTimeline              *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *scroll)
{
  GdkModifierType state;
  gboolean wheel;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double around;

  if (width <= 0)
    return GDK_EVENT_PROPAGATE;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (scroll));
  wheel = gtk_event_controller_scroll_get_unit (scroll) == GDK_SCROLL_UNIT_WHEEL;

  if (state & GDK_CONTROL_MASK)
    {
      double steps = wheel ? -dy : -dy / 20.;

      _icc_timeline_push_history (self, TRUE);
      around = _icc_timeline_day_at_x (self, self->pointer_inside ? self->pointer_x : width / 2);
      icc_timeline_zoom_by_factor (self, pow (ICC_TIMELINE_ZOOM_STEP, steps), around, wheel);
      return GDK_EVENT_STOP;
    }

  /* Horizontal and vertical wheels both pan time. */
  {
    double delta = fabs (dx) > fabs (dy) ? dx : dy;
    double start;
    double end;
    double shift;

    if (state & GDK_SHIFT_MASK && dx == 0)
      delta = dy;

    icc_timeline_view_get_target_range (self->view, &start, &end);

    if (wheel)
      {
        shift = delta * (end - start) * 0.15;
        _icc_timeline_move_to (self, start + shift, end + shift, TRUE);
      }
    else
      {
        start = icc_timeline_view_get_start (self->view);
        end = icc_timeline_view_get_end (self->view);
        shift = delta * (end - start) / width;
        _icc_timeline_move_to (self, start + shift, end + shift, FALSE);
      }
  }

  return GDK_EVENT_STOP;
}

static void
start_kinetic (IccTimeline *self,
               double       velocity)
{
  self->kinetic_velocity = CLAMP (velocity, -6000, 6000);

  if (fabs (self->kinetic_velocity) <= 100 || !_icc_timeline_animations_enabled (self))
    {
      self->kinetic_velocity = 0;
      return;
    }

  self->kinetic_last =
    gdk_frame_clock_get_frame_time (gtk_widget_get_frame_clock (GTK_WIDGET (self)));
  _icc_timeline_ensure_tick (self);
}

/* A touchpad swipe goes on after the fingers leave, like a drag's fling. */
static void
decelerate_cb (IccTimeline              *self,
               double                    vel_x,
               double                    vel_y,
               GtkEventControllerScroll *scroll)
{
  GdkModifierType state;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (scroll));
  if (state & GDK_CONTROL_MASK || icc_timeline_view_get_animating (self->view))
    return;

  start_kinetic (self, -(fabs (vel_x) > fabs (vel_y) ? vel_x : vel_y));
}

static void
overview_centre_at (IccTimeline *self,
                    double       x,
                    gboolean     animate)
{
  double width = MAX (1, gtk_widget_get_width (GTK_WIDGET (self)));
  double span = icc_timeline_view_get_end (self->view) - icc_timeline_view_get_start (self->view);
  double first;
  double last;
  double day;

  icc_timeline_view_get_bounds (self->view, &first, &last);
  day = first + (last - first) * x / width;
  _icc_timeline_move_to (self, day - span / 2, day + span / 2, animate);
}

static void
drag_begin_cb (IccTimeline    *self,
               double          x,
               double          y,
               GtkGestureDrag *drag)
{
  GdkModifierType state;
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (drag));

  _icc_timeline_stop_motion (self);
  self->drag_begin_start = icc_timeline_view_get_start (self->view);
  self->drag_begin_end = icc_timeline_view_get_end (self->view);
  self->drag_x = x;
  self->drag_moved = FALSE;
  self->drag_last_t = g_get_monotonic_time ();
  self->drag_last_x = 0;
  self->drag_velocity = 0;

  if (y >= height - ICC_TIMELINE_OVERVIEW_HEIGHT)
    self->drag_mode = ICC_TIMELINE_DRAG_OVERVIEW;
  else if (state & GDK_SHIFT_MASK)
    self->drag_mode = ICC_TIMELINE_DRAG_SELECT;
  else if (fabs (x - _icc_timeline_cursor_x (self)) <= CURSOR_GRAB_PX)
    self->drag_mode = ICC_TIMELINE_DRAG_CURSOR;
  else
    self->drag_mode = ICC_TIMELINE_DRAG_PAN;
}

static void
drag_update_cb (IccTimeline    *self,
                double          offset_x,
                double          offset_y,
                GtkGestureDrag *drag)
{
  double width = MAX (1, gtk_widget_get_width (GTK_WIDGET (self)));
  double ppd = width / (self->drag_begin_end - self->drag_begin_start);

  if (!self->drag_moved && fabs (offset_x) < 3 && fabs (offset_y) < 3)
    return;

  if (!self->drag_moved)
    {
      self->drag_moved = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (drag), GTK_EVENT_SEQUENCE_CLAIMED);

      if (self->drag_mode == ICC_TIMELINE_DRAG_PAN)
        {
          _icc_timeline_push_history (self, FALSE);
          gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
        }
      else if (self->drag_mode == ICC_TIMELINE_DRAG_SELECT)
        {
          self->drag_select_start = _icc_timeline_day_at_x (self, self->drag_x);
          self->drag_select_end = self->drag_select_start;
          icc_timeline_view_clear_selection (self->view);
        }
    }

  switch (self->drag_mode)
    {
    case ICC_TIMELINE_DRAG_PAN:
      icc_timeline_view_set_range (self->view,
                                   self->drag_begin_start - offset_x / ppd,
                                   self->drag_begin_end - offset_x / ppd);
      {
        gint64 now = g_get_monotonic_time ();
        double dt = (now - self->drag_last_t) / (double)G_USEC_PER_SEC;

        /* Smoothed speed of the pointer, for the fling at the end. */
        if (dt > 0.001)
          {
            double v = (offset_x - self->drag_last_x) / dt;

            self->drag_velocity = self->drag_velocity * .4 + v * .6;
            self->drag_last_t = now;
            self->drag_last_x = offset_x;
          }
      }
      break;

    case ICC_TIMELINE_DRAG_CURSOR:
      _icc_timeline_set_focus_day (self, _icc_timeline_day_at_x (self, CLAMP (self->drag_x + offset_x, 0, width - 1)));
      break;

    case ICC_TIMELINE_DRAG_SELECT:
      self->drag_select_end = _icc_timeline_day_at_x (self, self->drag_x + offset_x);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;

    case ICC_TIMELINE_DRAG_OVERVIEW:
      overview_centre_at (self, self->drag_x + offset_x, FALSE);
      break;

    case ICC_TIMELINE_DRAG_NONE:
    default:
      break;
    }
}

static void
drag_end_cb (IccTimeline    *self,
             double          offset_x,
             double          offset_y,
             GtkGestureDrag *drag)
{
  IccTimelineDragMode mode = self->drag_mode;

  self->drag_mode = ICC_TIMELINE_DRAG_NONE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);

  if (!self->drag_moved)
    return;

  if (mode == ICC_TIMELINE_DRAG_PAN)
    {
      gint64 now = g_get_monotonic_time ();

      /* Fling: keep going with the speed of the last motion, if recent. */
      if (now - self->drag_last_t < 80 * G_TIME_SPAN_MILLISECOND)
        start_kinetic (self, self->drag_velocity);
    }
  else if (mode == ICC_TIMELINE_DRAG_SELECT)
    {
      /* Shift+drag zooms to the dragged range at once, as one step back. */
      self->drag_select_end = _icc_timeline_day_at_x (self, self->drag_x + offset_x);
      icc_timeline_view_zoom_to_range (self->view, self->drag_select_start,
                                       self->drag_select_end,
                                       _icc_timeline_motion_now (self, TRUE));
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
zoom_to_item (IccTimeline           *self,
              const IccTimelineItem *item)
{
  double first = item->first_day;
  double last = item->last_day + 1.0;
  double pad = MAX (2, (last - first) * 0.15);

  _icc_timeline_push_history (self, FALSE);
  _icc_timeline_move_to (self, first - pad, last + pad, TRUE);
}

static void
pressed_cb (IccTimeline     *self,
            int              n_press,
            double           x,
            double           y,
            GtkGestureClick *click)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (click));

  if (button == 8)
    {
      icc_timeline_go_back (self, TRUE);
      gtk_gesture_set_state (GTK_GESTURE (click), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }

  if (button == GDK_BUTTON_PRIMARY)
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
released_cb (IccTimeline     *self,
             int              n_press,
             double           x,
             double           y,
             GtkGestureClick *click)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (click));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  IccTimelineGeometry geometry;
  int hit;

  /* 0: no current event (a synthesized click, as in the tests). */
  if (button != GDK_BUTTON_PRIMARY && button != 0)
    return;

  if (y >= height - ICC_TIMELINE_OVERVIEW_HEIGHT)
    {
      _icc_timeline_push_history (self, FALSE);
      overview_centre_at (self, x, TRUE);
      return;
    }

  _icc_timeline_get_geometry (self, &geometry);
  if (y < geometry.axis_height)
    {
      _icc_timeline_set_focus_day (self, _icc_timeline_day_at_x (self, x));
      return;
    }

  hit = _icc_timeline_item_at (self, x, y);
  if (hit >= 0)
    {
      IccTimelineItem item = g_array_index (icc_timeline_renderer_get_items (self->renderer), IccTimelineItem, hit);

      if (item.count > 1)
        {
          zoom_to_item (self, &item);
        }
      else if (n_press >= 2)
        {
          zoom_to_item (self, &item);
        }
      else if (self->focus != NULL)
        {
          g_autoptr(IccEvent) event = g_list_model_get_item (icc_timeline_view_get_model (self->view),
                                                              item.position);

          self->selecting = TRUE;
          icc_focus_set_event (self->focus, event);
          self->selecting = FALSE;
        }
      return;
    }

  if (icc_timeline_view_get_selection (self->view, NULL, NULL))
    {
      double d = _icc_timeline_day_at_x (self, x);
      double s;
      double e;

      icc_timeline_get_selection (self, &s, &e);
      if (d >= s && d <= e)
        icc_timeline_zoom_to_selection (self);
      else
        icc_timeline_clear_selection (self);
    }
}

static void
zoom_begin_cb (IccTimeline      *self,
               GdkEventSequence *sequence,
               GtkGestureZoom   *zoom)
{
  double cx;
  double cy;

  _icc_timeline_stop_motion (self);
  _icc_timeline_push_history (self, FALSE);
  self->zoom_begin_start = icc_timeline_view_get_start (self->view);
  self->zoom_begin_end = icc_timeline_view_get_end (self->view);
  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (zoom), &cx, &cy))
    cx = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  self->zoom_begin_x = cx;
}

static void
zoom_scale_changed_cb (IccTimeline    *self,
                       double          scale,
                       GtkGestureZoom *zoom)
{
  double width = MAX (1, gtk_widget_get_width (GTK_WIDGET (self)));
  double start = self->zoom_begin_start;
  double end = self->zoom_begin_end;
  double around;

  if (scale <= 0)
    return;

  /* @scale is relative to the start of the gesture. */
  around = start + (end - start) * self->zoom_begin_x / width;
  icc_timeline_zoom_range (&start, &end, scale, around);
  _icc_timeline_move_to (self, start, end, FALSE);
}

static gboolean
key_pressed_cb (IccTimeline           *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *key)
{
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK);

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      if (mods == GDK_ALT_MASK)
        return icc_timeline_go_back (self, TRUE);
      if (mods != 0)
        return GDK_EVENT_PROPAGATE;
      _icc_timeline_select_relative (self, -1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      if (mods != 0)
        return GDK_EVENT_PROPAGATE;
      _icc_timeline_select_relative (self, 1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      if (mods != 0 || icc_timeline_index_get_n_events (icc_timeline_view_get_index (self->view)) == 0)
        return GDK_EVENT_PROPAGATE;
      _icc_timeline_select_rank (self, 0);
      return GDK_EVENT_STOP;

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      if (mods != 0 || icc_timeline_index_get_n_events (icc_timeline_view_get_index (self->view)) == 0)
        return GDK_EVENT_PROPAGATE;
      _icc_timeline_select_rank (self, icc_timeline_index_get_n_events (icc_timeline_view_get_index (self->view)) - 1);
      return GDK_EVENT_STOP;

    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      _icc_timeline_push_history (self, TRUE);
      icc_timeline_zoom_by_factor (self, ICC_TIMELINE_ZOOM_STEP, _icc_timeline_zoom_anchor (self), TRUE);
      return GDK_EVENT_STOP;

    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      _icc_timeline_push_history (self, TRUE);
      icc_timeline_zoom_by_factor (self, 1 / ICC_TIMELINE_ZOOM_STEP, _icc_timeline_zoom_anchor (self), TRUE);
      return GDK_EVENT_STOP;

    case GDK_KEY_0:
    case GDK_KEY_KP_0:
      if ((mods & GDK_CONTROL_MASK) == 0)
        return GDK_EVENT_PROPAGATE;
      _icc_timeline_push_history (self, FALSE);
      icc_timeline_fit_all (self, TRUE);
      return GDK_EVENT_STOP;

    case GDK_KEY_BackSpace:
      return icc_timeline_go_back (self, TRUE);

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      if (!icc_timeline_view_get_selection (self->view, NULL, NULL))
        return GDK_EVENT_PROPAGATE;
      icc_timeline_zoom_to_selection (self);
      return GDK_EVENT_STOP;

    case GDK_KEY_Escape:
      if (!icc_timeline_view_get_selection (self->view, NULL, NULL))
        return GDK_EVENT_PROPAGATE;
      icc_timeline_clear_selection (self);
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

void
_icc_timeline_init_input (IccTimeline *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_object (controller, "motion", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "leave", G_CALLBACK (leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES |
                                                GTK_EVENT_CONTROLLER_SCROLL_KINETIC);
  g_signal_connect_object (controller, "scroll", G_CALLBACK (scroll_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "decelerate", G_CALLBACK (decelerate_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (pressed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "released", G_CALLBACK (released_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  g_signal_connect_object (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "drag-update", G_CALLBACK (drag_update_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "drag-end", G_CALLBACK (drag_end_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_object (gesture, "begin", G_CALLBACK (zoom_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
}
