/* icc-world-map-view-input.c: picking, hover and the tooltip; pointer, wheel,
 *                              gestures and keys
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "icc-world-map-view-private.h"

#define MAX_ZOOM        32.0

/* Picking and the tooltip. */

static int
pick_shape (IccWorldMapView *self,
            double           x,
            double           y)
{
  double mx, my;
  int shape;

  /* Dots first: they are drawn on top, and small states have nothing else. */
  for (guint i = 0; i < self->n_shapes; i++)
    {
      double cx, cy, px, py;

      if (!_icc_world_map_view_has_dot (self, i))
        continue;
      icc_world_map_get_centroid (self->map, i, &cx, &cy);
      _icc_world_map_view_map_to_widget (self, cx, cy, &px, &py);
      if ((px - x) * (px - x) + (py - y) * (py - y) <=
          (ICC_WORLD_MAP_DOT_RADIUS + 1) * (ICC_WORLD_MAP_DOT_RADIUS + 1))
        return i;
    }

  _icc_world_map_view_widget_to_map (self, x, y, &mx, &my);
  shape = icc_world_map_pick (self->map, mx, my);

  return shape;
}

IccState *
icc_world_map_view_pick (IccWorldMapView *self,
                         double           x,
                         double           y)
{
  int shape;

  g_return_val_if_fail (ICC_IS_WORLD_MAP_VIEW (self), NULL);

  shape = pick_shape (self, x, y);

  return shape >= 0 ? self->states[shape] : NULL;
}

gboolean
icc_world_map_view_click (IccWorldMapView *self,
                          double           x,
                          double           y)
{
  IccState *state;

  g_return_val_if_fail (ICC_IS_WORLD_MAP_VIEW (self), FALSE);

  state = icc_world_map_view_pick (self, x, y);
  if (state == NULL || self->focus == NULL)
    return FALSE;

  icc_focus_set_state (self->focus, state);

  return TRUE;
}

gboolean
icc_world_map_view_get_point (IccWorldMapView *self,
                              const char      *code,
                              double          *x,
                              double          *y)
{
  double mx, my;
  int shape;

  g_return_val_if_fail (ICC_IS_WORLD_MAP_VIEW (self), FALSE);

  shape = icc_world_map_find (self->map, code);
  if (shape < 0)
    return FALSE;

  icc_world_map_get_centroid (self->map, shape, &mx, &my);
  _icc_world_map_view_map_to_widget (self, mx, my, x, y);

  return TRUE;
}

static gboolean
icc_world_map_view_query_tooltip (GtkWidget  *widget,
                                  int         x,
                                  int         y,
                                  gboolean    keyboard,
                                  GtkTooltip *tooltip)
{
  IccWorldMapView *self = ICC_WORLD_MAP_VIEW (widget);
  g_autoptr(GString) text = g_string_new (NULL);
  IccState *state = NULL;
  IccEvent *since = NULL;
  IccStatus status;
  const IccDate *date;
  int shape;

  if (keyboard && self->focus != NULL)
    state = icc_focus_get_state (self->focus);
  else if (!keyboard)
    {
      shape = pick_shape (self, x, y);
      state = shape >= 0 ? self->states[shape] : NULL;
    }
  if (state == NULL || self->dataset == NULL || self->focus == NULL)
    return FALSE;

  date = icc_focus_get_date (self->focus);
  status = icc_dataset_status_at (self->dataset, state, date, &since);

  g_string_append_printf (text, "<b>%s</b>\n", icc_state_get_display_name (state));
  if (since != NULL)
    {
      g_autofree char *since_text = icc_date_format (icc_event_get_date (since));

      /* Translators: on the map's tooltip: "State Party since 1 July 2002". */
      g_string_append_printf (text, _("%s since %s"), icc_status_get_label (status), since_text);
      if (icc_event_get_certainty (since) != ICC_CERTAINTY_CONFIRMED)
        {
          g_autofree char *label = g_markup_escape_text (
              icc_certainty_get_label (icc_event_get_certainty (since)), -1);

          g_string_append_printf (text, "\n<i>%s</i>", label);
        }
    }
  else
    g_string_append (text, icc_status_get_label (status));

  gtk_tooltip_set_markup (tooltip, text->str);

  return TRUE;
}

/* Input. */

static void
set_view (IccWorldMapView *self,
          double           zoom,
          double           center_x,
          double           center_y)
{
  IccMapBounds extent;

  icc_world_map_get_extent (self->map, &extent);
  self->zoom = CLAMP (zoom, 1.0, MAX_ZOOM);
  self->center_x = CLAMP (center_x, extent.x0, extent.x1);
  self->center_y = CLAMP (center_y, extent.y0, extent.y1);
  if (self->zoom == 1.0)
    self->center_x = self->center_y = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Zooms by @factor keeping the map point under (@x, @y) where it is. */
static void
zoom_at (IccWorldMapView *self,
         double           factor,
         double           x,
         double           y)
{
  double mx, my, zoom, scale;

  _icc_world_map_view_widget_to_map (self, x, y, &mx, &my);
  zoom = CLAMP (self->zoom * factor, 1.0, MAX_ZOOM);
  scale = _icc_world_map_view_get_scale (self) * zoom / self->zoom;
  set_view (self, zoom,
            mx - (x - gtk_widget_get_width (GTK_WIDGET (self)) / 2.0) / scale,
            my - (y - gtk_widget_get_height (GTK_WIDGET (self)) / 2.0) / scale);
}

double
icc_world_map_view_get_zoom (IccWorldMapView *self)
{
  g_return_val_if_fail (ICC_IS_WORLD_MAP_VIEW (self), 1);

  return self->zoom;
}

void
icc_world_map_view_reset (IccWorldMapView *self)
{
  g_return_if_fail (ICC_IS_WORLD_MAP_VIEW (self));

  set_view (self, 1, 0, 0);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           IccWorldMapView          *self)
{
  int shape = pick_shape (self, x, y);

  self->pointer_x = x;
  self->pointer_y = y;
  if (shape >= 0 && self->states[shape] == NULL)
    shape = -1;
  if (shape != self->hover)
    {
      self->hover = shape;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave_cb (GtkEventControllerMotion *controller,
          IccWorldMapView          *self)
{
  if (self->hover >= 0)
    {
      self->hover = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           IccWorldMapView          *self)
{
  zoom_at (self, pow (1.25, -dy), self->pointer_x, self->pointer_y);

  return TRUE;
}

static void
drag_begin_cb (GtkGestureDrag  *gesture,
               double           x,
               double           y,
               IccWorldMapView *self)
{
  self->drag_center_x = self->center_x;
  self->drag_center_y = self->center_y;
  self->dragged = FALSE;
}

static void
drag_update_cb (GtkGestureDrag  *gesture,
                double           dx,
                double           dy,
                IccWorldMapView *self)
{
  double scale = _icc_world_map_view_get_scale (self);

  if (!self->dragged && dx * dx + dy * dy < 16)
    return;
  self->dragged = TRUE;
  if (self->zoom > 1.0)
    set_view (self, self->zoom, self->drag_center_x - dx / scale,
              self->drag_center_y - dy / scale);
}

static void
drag_end_cb (GtkGestureDrag  *gesture,
             double           dx,
             double           dy,
             IccWorldMapView *self)
{
  double x, y;

  /* A press and release in place is a click. */
  if (!self->dragged && gtk_gesture_drag_get_start_point (gesture, &x, &y))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self));
      icc_world_map_view_click (self, x + dx, y + dy);
    }
}

static void
zoom_begin_cb (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               IccWorldMapView  *self)
{
  self->gesture_zoom = self->zoom;
}

static void
zoom_scale_changed_cb (GtkGestureZoom  *gesture,
                       double           scale,
                       IccWorldMapView *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  zoom_at (self, self->gesture_zoom * scale / self->zoom, x, y);
}

static gboolean
reset_shortcut_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  icc_world_map_view_reset (ICC_WORLD_MAP_VIEW (widget));

  return TRUE;
}

static gboolean
zoom_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  IccWorldMapView *self = ICC_WORLD_MAP_VIEW (widget);

  zoom_at (self, g_variant_get_double (args), gtk_widget_get_width (widget) / 2.0,
           gtk_widget_get_height (widget) / 2.0);

  return TRUE;
}

static gboolean
pan_shortcut_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  IccWorldMapView *self = ICC_WORLD_MAP_VIEW (widget);
  double scale = _icc_world_map_view_get_scale (self);
  double dx, dy;

  g_variant_get (args, "(dd)", &dx, &dy);
  set_view (self, self->zoom, self->center_x + dx * 80 / scale, self->center_y + dy * 80 / scale);

  return TRUE;
}

void
_icc_world_map_view_class_init_input (GtkWidgetClass *widget_class)
{
  widget_class->query_tooltip = icc_world_map_view_query_tooltip;

  gtk_widget_class_add_binding (widget_class, GDK_KEY_0, 0, reset_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_0, 0, reset_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, reset_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_plus, 0, zoom_shortcut_cb, "d", 1.5);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_equal, 0, zoom_shortcut_cb, "d", 1.5);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Add, 0, zoom_shortcut_cb, "d", 1.5);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_minus, 0, zoom_shortcut_cb, "d", 1 / 1.5);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Subtract, 0, zoom_shortcut_cb, "d",
                                1 / 1.5);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, 0, pan_shortcut_cb, "(dd)", -1.0, 0.0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, 0, pan_shortcut_cb, "(dd)", 1.0, 0.0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, 0, pan_shortcut_cb, "(dd)", 0.0, -1.0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, 0, pan_shortcut_cb, "(dd)", 0.0, 1.0);
}

void
_icc_world_map_view_init_input (IccWorldMapView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
}
