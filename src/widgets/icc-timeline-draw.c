/* icc-timeline-draw.c: size, style and snapshot of the timeline
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "icc-date.h"
#include "icc-enums.h"
#include "icc-timeline-private.h"

static gint32
today_day (void)
{
  IccDate today;

  icc_date_init_today (&today);

  return icc_date_get_day (&today);
}

void
_icc_timeline_invalidate_static (IccTimeline *self)
{
  g_clear_pointer (&self->static_node, gsk_render_node_unref);
  self->hover_item = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_icc_timeline_invalidate_all (IccTimeline *self)
{
  g_clear_pointer (&self->overview_node, gsk_render_node_unref);
  _icc_timeline_invalidate_static (self);
}

/* The palette from the widget's CSS: its colour and named colours, with the
 * light palette's as fallbacks. */
void
_icc_timeline_update_colors (IccTimeline *self)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  g_autoptr(GEnumClass) kinds = g_type_class_ref (ICC_TYPE_EVENT_KIND);
  IccTimelinePalette palette;
  GdkRGBA accent;
  GdkRGBA bg;
  GtkRoot *root;
  const char *bg_name = "window_bg_color";

  icc_timeline_palette_init_light (&palette);
  gtk_style_context_get_color (context, &palette.fg);

  if (gtk_style_context_lookup_color (context, "icc_timeline_accent", &accent) ||
      gtk_style_context_lookup_color (context, "accent_bg_color", &accent) ||
      gtk_style_context_lookup_color (context, "theme_selected_bg_color", &accent))
    icc_timeline_palette_set_accent (&palette, &accent);

  gtk_style_context_lookup_color (context, "icc_timeline_today", &palette.today);

  for (guint k = 0; k < ICC_N_EVENT_KINDS; k++)
    {
      GEnumValue *value = g_enum_get_value (kinds, k);
      g_autofree char *name = NULL;

      if (value == NULL)
        continue;

      name = g_strdup_printf ("icc_kind_%s", value->value_nick);
      g_strdelimit (name, "-", '_');
      gtk_style_context_lookup_color (context, name, &palette.kinds[k]);
    }

  /* What the timeline is drawn on: the window's background (the pane has
   * none of its own), the presentation's (style.css). */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (root != NULL && gtk_widget_has_css_class (GTK_WIDGET (root), "presentation"))
    bg_name = "theme_base_color";
  bg = palette.bg;
  if (!gtk_style_context_lookup_color (context, bg_name, &bg))
    gtk_style_context_lookup_color (context, "theme_bg_color", &bg);
  icc_timeline_palette_set_background (&palette, &bg);

  icc_timeline_renderer_set_palette (self->renderer, &palette);
}

int
_icc_timeline_item_at (IccTimeline *self,
                       double       x,
                       double       y)
{
  if (self->static_node == NULL)
    return -1;

  return icc_timeline_renderer_item_at (self->renderer, gtk_widget_get_height (GTK_WIDGET (self)),
                                        x, y);
}

double
_icc_timeline_cursor_x (IccTimeline *self)
{
  double day;

  if (!icc_timeline_view_get_cursor (self->view, &day))
    return -G_MAXDOUBLE;

  return _icc_timeline_x_at_day (self, floor (day) + 0.5);
}

static int
find_selected_item (IccTimeline *self)
{
  if (self->focus == NULL || self->static_node == NULL)
    return -1;

  return icc_timeline_renderer_find_event_item (self->renderer, self->view,
                                                icc_focus_get_event (self->focus));
}

static void
icc_timeline_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  IccTimeline *self = (IccTimeline *)widget;
  const IccTimelinePalette *palette = icc_timeline_renderer_get_palette (self->renderer);
  GArray *items = icc_timeline_renderer_get_items (self->renderer);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  const IccDate *date;
  g_autofree char *label = NULL;
  int selected;

  g_assert (ICC_IS_TIMELINE (self));

  if (width <= 0 || height <= 0)
    return;

  if (self->static_node == NULL)
    {
      /* Cheap enough once per rebuild, and the day may have changed. */
      icc_timeline_view_set_today (self->view, today_day ());
      self->static_node = icc_timeline_renderer_render_static (self->renderer, self->view,
                                                               width, height);
    }
  if (self->overview_node == NULL)
    self->overview_node =
      icc_timeline_renderer_render_overview (self->renderer, self->view, width, height,
                                             gtk_widget_get_scale_factor (widget));

  gtk_snapshot_append_node (snapshot, self->static_node);
  gtk_snapshot_append_node (snapshot, self->overview_node);
  icc_timeline_renderer_snapshot_overview_window (self->renderer, self->view, snapshot,
                                                  width, height);

  if (self->drag_mode == ICC_TIMELINE_DRAG_SELECT)
    icc_timeline_renderer_snapshot_selection (self->renderer, self->view, snapshot, width, height,
                                              self->drag_select_start, self->drag_select_end);
  else
    {
      double start;
      double end;

      if (icc_timeline_view_get_selection (self->view, &start, &end))
        icc_timeline_renderer_snapshot_selection (self->renderer, self->view, snapshot,
                                                  width, height, start, end);
    }

  if (self->hover_item >= 0 && (guint)self->hover_item < items->len)
    {
      GdkRGBA hover = palette->fg;

      hover.alpha *= .5;
      icc_timeline_renderer_snapshot_ring (self->renderer, snapshot, height, self->hover_item,
                                           &hover, 1);
    }

  selected = find_selected_item (self);
  if (selected >= 0)
    {
      icc_timeline_renderer_snapshot_ring (self->renderer, snapshot, height, selected,
                                           &palette->accent_line, 2);
      /* The selected event is named whole, even among close neighbours. */
      icc_timeline_renderer_snapshot_full_label (self->renderer, self->view, snapshot, width,
                                                 height, selected);
    }

  /* The focus date as it is (a month, a year), not only its first day. */
  date = self->focus != NULL ? icc_focus_get_date (self->focus) : NULL;
  if (date != NULL && icc_date_is_set (date))
    label = icc_date_format (date);
  icc_timeline_renderer_snapshot_axis_labels (self->renderer, self->view, snapshot, width,
                                              height, label);
  icc_timeline_renderer_snapshot_cursor (self->renderer, self->view, snapshot, width, height,
                                         label);
}

static void
icc_timeline_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  IccTimeline *self = (IccTimeline *)widget;
  IccTimelineGeometry geometry;

  icc_timeline_geometry_init (&geometry, 0, 0,
                              icc_timeline_renderer_get_line_height (self->renderer));

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 800;
    }
  else
    {
      *minimum = geometry.axis_height + ICC_TIMELINE_OVERVIEW_HEIGHT +
                 ICC_N_LANES * (geometry.lane_heading + 24);
      *natural = geometry.axis_height + ICC_TIMELINE_OVERVIEW_HEIGHT + ICC_N_LANES * 80;
    }
}

static void
icc_timeline_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  IccTimeline *self = (IccTimeline *)widget;

  /* Allocation also runs when only a sibling changed: keep the caches. */
  if (width != self->static_width || height != self->static_height)
    {
      self->static_width = width;
      self->static_height = height;
      _icc_timeline_invalidate_all (self);
    }

  if (!self->range_set)
    {
      double start;
      double end;

      icc_timeline_view_get_fit_range (self->view, &start, &end);
      _icc_timeline_move_to (self, start, end, FALSE);
    }
}

static void
icc_timeline_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  IccTimeline *self = (IccTimeline *)widget;

  GTK_WIDGET_CLASS (g_type_class_peek_parent (G_OBJECT_GET_CLASS (widget)))->css_changed (widget,
                                                                                         change);

  _icc_timeline_update_colors (self);
  icc_timeline_renderer_set_context (self->renderer, gtk_widget_get_pango_context (widget));
  gtk_widget_queue_resize (widget);
  _icc_timeline_invalidate_all (self);
}

void
_icc_timeline_class_init_draw (GtkWidgetClass *widget_class)
{
  widget_class->snapshot = icc_timeline_snapshot;
  widget_class->measure = icc_timeline_measure;
  widget_class->size_allocate = icc_timeline_size_allocate;
  widget_class->css_changed = icc_timeline_css_changed;
}
