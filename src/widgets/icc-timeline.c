/* icc-timeline.c: the timeline widget, its API and what it follows
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "icc-date.h"
#include "icc-enum-util.h"
#include "icc-event.h"
#include "icc-timeline-private.h"

/* The IccTimeline object: its properties and public API, geometry, the
 * accessible state, motion (the view's animation and kinetic panning), the
 * view and the focus followed. Its other files are named in
 * icc-timeline-private.h. */

enum {
  PROP_0,
  PROP_MODEL,
  PROP_FOCUS,
  PROP_ERAS,
  PROP_START,
  PROP_END,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The closest icc_timeline_zoom_to_event() goes, in days across. */
#define MIN_EVENT_SPAN 12.0

G_DEFINE_FINAL_TYPE (IccTimeline, icc_timeline, GTK_TYPE_WIDGET)

/* Geometry ------------------------------------------------------------- */

void
_icc_timeline_get_geometry (IccTimeline         *self,
                            IccTimelineGeometry *geometry)
{
  icc_timeline_geometry_init (geometry,
                              gtk_widget_get_width (GTK_WIDGET (self)),
                              gtk_widget_get_height (GTK_WIDGET (self)),
                              icc_timeline_renderer_get_line_height (self->renderer));
}

static void
get_scale (IccTimeline      *self,
           IccTimelineScale *scale)
{
  icc_timeline_scale_init (scale,
                           icc_timeline_view_get_start (self->view),
                           icc_timeline_view_get_end (self->view),
                           MAX (1, gtk_widget_get_width (GTK_WIDGET (self))));
}

double
_icc_timeline_day_at_x (IccTimeline *self,
                        double       x)
{
  IccTimelineScale scale;

  get_scale (self, &scale);

  return icc_timeline_scale_x_to_day (&scale, x);
}

double
_icc_timeline_x_at_day (IccTimeline *self,
                        double       day)
{
  IccTimelineScale scale;

  get_scale (self, &scale);

  return icc_timeline_scale_day_to_x (&scale, day);
}

/* Accessibility --------------------------------------------------------- */

/* The slider's range is the data's, its value the cursor day. */
static void
update_accessible_range (IccTimeline *self)
{
  double first;
  double last;

  icc_timeline_view_get_data_range (self->view, &first, &last);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, first,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, last,
                                  -1);
}

static void
update_accessible_event (IccTimeline *self)
{
  IccEvent *event = self->focus != NULL ? icc_focus_get_event (self->focus) : NULL;
  const IccDate *date = self->focus != NULL ? icc_focus_get_date (self->focus) : NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *description = NULL;
  g_autofree char *value_text = NULL;

  if (date != NULL && icc_date_is_set (date))
    date_text = icc_date_format (date);

  if (event != NULL)
    {
      g_autofree char *event_date = icc_date_format (icc_event_get_date (event));

      /* Translators: accessible description of the timeline: the selected
       * event's date, title and kind */
      description = g_strdup_printf (_("Selected: %s, %s (%s)"),
                                     event_date,
                                     icc_event_get_title (event) ?: "",
                                     icc_event_kind_get_label (icc_event_get_kind (event)));
    }
  else
    {
      description = g_strdup (_("No event selected"));
    }

  if (date_text != NULL && event != NULL)
    value_text = g_strdup_printf ("%s: %s", date_text, icc_event_get_title (event) ?: "");
  else
    value_text = g_strdup (date_text != NULL ? date_text : "");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, value_text,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW,
                                  date_text != NULL ? (double)icc_date_get_day (date)
                                                    : icc_timeline_view_get_start (self->view),
                                  -1);
}

/* Motion: the view's animation and kinetic panning ---------------------- */

static void
update_zoom_actions (IccTimeline *self)
{
  double span = icc_timeline_view_get_end (self->view) - icc_timeline_view_get_start (self->view);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.zoom-in",
                                 span > ICC_TIMELINE_MIN_SPAN_DAYS + 1e-6);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.zoom-out",
                                 span < ICC_TIMELINE_MAX_SPAN_DAYS - 1e-6);
}

gboolean
_icc_timeline_animations_enabled (IccTimeline *self)
{
  gboolean enabled = TRUE;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return FALSE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)),
                "gtk-enable-animations", &enabled,
                NULL);

  return enabled;
}

void
_icc_timeline_stop_motion (IccTimeline *self)
{
  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
  self->tick_id = 0;
  self->kinetic_velocity = 0;
  icc_timeline_view_stop_animation (self->view);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  IccTimeline *self = (IccTimeline *)widget;
  gint64 now = gdk_frame_clock_get_frame_time (clock);

  if (icc_timeline_view_get_animating (self->view))
    {
      if (icc_timeline_view_tick (self->view, now))
        return G_SOURCE_CONTINUE;

      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }

  if (self->kinetic_velocity != 0)
    {
      double start = icc_timeline_view_get_start (self->view);
      double end = icc_timeline_view_get_end (self->view);
      double dt = (now - self->kinetic_last) / (double)G_USEC_PER_SEC;
      double ppd = gtk_widget_get_width (widget) / (end - start);
      double shift = self->kinetic_velocity * dt / ppd;

      /* The first tick can come in the frame the fling started in (same
       * frame time, as on a loaded machine): nothing has moved yet, which
       * must not read as having stopped. */
      if (dt <= 0)
        return G_SOURCE_CONTINUE;

      self->kinetic_last = now;
      icc_timeline_view_set_range (self->view, start - shift, end - shift);
      self->kinetic_velocity *= exp (-dt * 4);

      /* Stop when slow or when the view hit its bounds. */
      if (fabs (self->kinetic_velocity) > 20 && icc_timeline_view_get_start (self->view) != start)
        return G_SOURCE_CONTINUE;
    }

  self->kinetic_velocity = 0;
  self->tick_id = 0;

  return G_SOURCE_REMOVE;
}

void
_icc_timeline_ensure_tick (IccTimeline *self)
{
  if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
}

gint64
_icc_timeline_motion_now (IccTimeline *self,
                          gboolean     animate)
{
  self->range_set = TRUE;

  if (!animate || !_icc_timeline_animations_enabled (self))
    {
      _icc_timeline_stop_motion (self);
      return -1;
    }

  self->kinetic_velocity = 0;

  return gdk_frame_clock_get_frame_time (gtk_widget_get_frame_clock (GTK_WIDGET (self)));
}

void
_icc_timeline_move_to (IccTimeline *self,
                       double       start,
                       double       end,
                       gboolean     animate)
{
  icc_timeline_view_move_to (self->view, start, end, _icc_timeline_motion_now (self, animate));
}

/* Remembers the current view for "go back"; bursts of wheel steps and
 * gestures count as one step. */
void
_icc_timeline_push_history (IccTimeline *self,
                            gboolean     coalesce)
{
  icc_timeline_view_push_history (self->view, coalesce, g_get_monotonic_time ());
}

static void
view_notify_cb (IccTimeline     *self,
                GParamSpec      *pspec,
                IccTimelineView *view)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "start") || g_str_equal (name, "end"))
    {
      g_object_notify_by_pspec (G_OBJECT (self),
                                properties[name[0] == 's' ? PROP_START : PROP_END]);
      update_zoom_actions (self);
      _icc_timeline_invalidate_static (self);
    }
  else if (g_str_equal (name, "animating"))
    {
      if (icc_timeline_view_get_animating (view))
        _icc_timeline_ensure_tick (self);
    }
  else if (g_str_equal (name, "can-go-back"))
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.go-back",
                                     icc_timeline_view_get_can_go_back (view));
    }
}

static void
view_data_changed_cb (IccTimeline     *self,
                      IccTimelineView *view)
{
  icc_timeline_renderer_invalidate_events (self->renderer);
  update_accessible_range (self);
  _icc_timeline_invalidate_all (self);
}

/* Public navigation ---------------------------------------------------- */

void
icc_timeline_zoom_to_range (IccTimeline *self,
                            double       start_day,
                            double       end_day,
                            gboolean     animate)
{
  g_return_if_fail (ICC_IS_TIMELINE (self));
  g_return_if_fail (end_day >= start_day);

  _icc_timeline_move_to (self, start_day, end_day, animate);
}

void
icc_timeline_zoom_to_event (IccTimeline *self,
                            IccEvent    *event,
                            double       start_day,
                            double       end_day,
                            gboolean     animate)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  double centre = (start_day + end_day) / 2;
  double span;

  g_return_if_fail (ICC_IS_TIMELINE (self));
  g_return_if_fail (ICC_IS_EVENT (event));
  g_return_if_fail (end_day >= start_day);

  /* Not laid out yet: the range as asked. */
  if (width <= 0 || end_day - start_day <= MIN_EVENT_SPAN)
    {
      _icc_timeline_move_to (self, start_day, end_day, animate);
      return;
    }

  span = icc_timeline_renderer_fit_event (self->renderer, self->view, width, event, centre,
                                          MIN_EVENT_SPAN, end_day - start_day);
  _icc_timeline_move_to (self, centre - span / 2, centre + span / 2, animate);
}

void
icc_timeline_zoom_by_factor (IccTimeline *self,
                             double       factor,
                             double       around_day,
                             gboolean     animate)
{
  g_return_if_fail (ICC_IS_TIMELINE (self));
  g_return_if_fail (factor > 0);

  /* Successive wheel steps add up to where the animation is heading. */
  icc_timeline_view_zoom_by_factor (self->view, factor, around_day,
                                    _icc_timeline_motion_now (self, animate));
}

void
icc_timeline_fit_all (IccTimeline *self,
                      gboolean     animate)
{
  g_return_if_fail (ICC_IS_TIMELINE (self));

  icc_timeline_view_fit_all (self->view, _icc_timeline_motion_now (self, animate));
}

gboolean
icc_timeline_go_back (IccTimeline *self,
                      gboolean     animate)
{
  g_return_val_if_fail (ICC_IS_TIMELINE (self), FALSE);

  if (!icc_timeline_view_get_can_go_back (self->view))
    return FALSE;

  return icc_timeline_view_go_back (self->view, _icc_timeline_motion_now (self, animate));
}

/* Focus ------------------------------------------------------------------ */

static void
focus_event_changed_cb (IccTimeline *self,
                        GParamSpec  *pspec,
                        IccFocus    *focus)
{
  IccEvent *event = icc_focus_get_event (focus);

  update_accessible_event (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  /* Selected elsewhere (a list, a tour): bring it into view. */
  if (event != NULL && self->range_set && !self->selecting &&
      self->drag_mode == ICC_TIMELINE_DRAG_NONE)
    _icc_timeline_ensure_day_visible (self, icc_event_get_day (event) + 0.5);
}

/* The view's cursor follows focus.date. */
static void
sync_cursor (IccTimeline *self)
{
  const IccDate *date = self->focus != NULL ? icc_focus_get_date (self->focus) : NULL;

  if (date != NULL && icc_date_is_set (date))
    icc_timeline_view_set_cursor (self->view, icc_date_get_day (date));
  else
    icc_timeline_view_clear_cursor (self->view);
}

static void
focus_date_changed_cb (IccTimeline *self,
                       GParamSpec  *pspec,
                       IccFocus    *focus)
{
  sync_cursor (self);
  update_accessible_event (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

IccTimelineView *
icc_timeline_get_view (IccTimeline *self)
{
  g_return_val_if_fail (ICC_IS_TIMELINE (self), NULL);

  return self->view;
}

GListModel *
icc_timeline_get_model (IccTimeline *self)
{
  g_return_val_if_fail (ICC_IS_TIMELINE (self), NULL);

  return icc_timeline_view_get_model (self->view);
}

void
icc_timeline_set_model (IccTimeline *self,
                        GListModel  *model)
{
  g_return_if_fail (ICC_IS_TIMELINE (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (model == icc_timeline_view_get_model (self->view))
    return;

  /* A new dataset starts with everything in view, and no history. */
  _icc_timeline_stop_motion (self);
  icc_timeline_view_set_model (self->view, model);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

IccFocus *
icc_timeline_get_focus (IccTimeline *self)
{
  g_return_val_if_fail (ICC_IS_TIMELINE (self), NULL);

  return self->focus;
}

void
icc_timeline_set_focus (IccTimeline *self,
                        IccFocus    *focus)
{
  g_return_if_fail (ICC_IS_TIMELINE (self));
  g_return_if_fail (focus == NULL || ICC_IS_FOCUS (focus));

  if (!g_set_object (&self->focus, focus))
    return;

  g_signal_group_set_target (self->focus_signals, focus);
  sync_cursor (self);
  update_accessible_event (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS]);
}

GListModel *
icc_timeline_get_eras (IccTimeline *self)
{
  g_return_val_if_fail (ICC_IS_TIMELINE (self), NULL);

  return icc_timeline_view_get_eras (self->view);
}

void
icc_timeline_set_eras (IccTimeline *self,
                       GListModel  *eras)
{
  g_return_if_fail (ICC_IS_TIMELINE (self));
  g_return_if_fail (eras == NULL || G_IS_LIST_MODEL (eras));

  if (eras == icc_timeline_view_get_eras (self->view))
    return;

  icc_timeline_view_set_eras (self->view, eras);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERAS]);
}

double
icc_timeline_get_start (IccTimeline *self)
{
  g_return_val_if_fail (ICC_IS_TIMELINE (self), 0);

  return icc_timeline_view_get_start (self->view);
}

double
icc_timeline_get_end (IccTimeline *self)
{
  g_return_val_if_fail (ICC_IS_TIMELINE (self), 0);

  return icc_timeline_view_get_end (self->view);
}

/* The presentation glides more slowly between events than the window. */
void
icc_timeline_set_animation_duration (IccTimeline *self,
                                     guint        msec)
{
  g_return_if_fail (ICC_IS_TIMELINE (self));

  icc_timeline_view_set_animation_duration (self->view, msec);
}

guint
icc_timeline_get_animation_duration (IccTimeline *self)
{
  g_return_val_if_fail (ICC_IS_TIMELINE (self), 0);

  return icc_timeline_view_get_animation_duration (self->view);
}

IccTimeline *
icc_timeline_new (void)
{
  return g_object_new (ICC_TYPE_TIMELINE, NULL);
}

/* GObject --------------------------------------------------------------- */

static void
icc_timeline_dispose (GObject *object)
{
  IccTimeline *self = (IccTimeline *)object;

  _icc_timeline_stop_motion (self);

  g_signal_group_set_target (self->focus_signals, NULL);
  g_clear_object (&self->focus);
  g_signal_handlers_disconnect_by_data (self->view, self);
  icc_timeline_view_set_model (self->view, NULL);
  icc_timeline_view_set_eras (self->view, NULL);

  g_clear_pointer (&self->static_node, gsk_render_node_unref);
  g_clear_pointer (&self->overview_node, gsk_render_node_unref);

  G_OBJECT_CLASS (icc_timeline_parent_class)->dispose (object);
}

static void
icc_timeline_finalize (GObject *object)
{
  IccTimeline *self = (IccTimeline *)object;

  /* Freed here so that a second dispose stays safe. */
  g_clear_object (&self->view);
  g_clear_pointer (&self->renderer, icc_timeline_renderer_free);
  g_clear_object (&self->focus_signals);

  G_OBJECT_CLASS (icc_timeline_parent_class)->finalize (object);
}

static void
icc_timeline_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  IccTimeline *self = ICC_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, icc_timeline_get_model (self));
      break;

    case PROP_FOCUS:
      g_value_set_object (value, self->focus);
      break;

    case PROP_ERAS:
      g_value_set_object (value, icc_timeline_get_eras (self));
      break;

    case PROP_START:
      g_value_set_double (value, icc_timeline_get_start (self));
      break;

    case PROP_END:
      g_value_set_double (value, icc_timeline_get_end (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_timeline_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  IccTimeline *self = ICC_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      icc_timeline_set_model (self, g_value_get_object (value));
      break;

    case PROP_FOCUS:
      icc_timeline_set_focus (self, g_value_get_object (value));
      break;

    case PROP_ERAS:
      icc_timeline_set_eras (self, g_value_get_object (value));
      break;

    case PROP_START:
      {
        double start = g_value_get_double (value);
        double end = MAX (icc_timeline_get_end (self), start + ICC_TIMELINE_MIN_SPAN_DAYS);

        _icc_timeline_move_to (self, start, end, FALSE);
      }
      break;

    case PROP_END:
      {
        double end = g_value_get_double (value);
        double start = MIN (icc_timeline_get_start (self), end - ICC_TIMELINE_MIN_SPAN_DAYS);

        _icc_timeline_move_to (self, start, end, FALSE);
      }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_timeline_class_init (IccTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icc_timeline_dispose;
  object_class->finalize = icc_timeline_finalize;
  object_class->get_property = icc_timeline_get_property;
  object_class->set_property = icc_timeline_set_property;

  _icc_timeline_class_init_draw (widget_class);
  widget_class->query_tooltip = _icc_timeline_query_tooltip;

  properties [PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_FOCUS] =
    g_param_spec_object ("focus", NULL, NULL,
                         ICC_TYPE_FOCUS,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ERAS] =
    g_param_spec_object ("eras", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_START] =
    g_param_spec_double ("start", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_END] =
    g_param_spec_double ("end", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  _icc_timeline_class_init_actions (widget_class);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SLIDER);
}

static void
icc_timeline_init (IccTimeline *self)
{
  self->hover_item = -1;
  self->view = icc_timeline_view_new ();
  self->renderer = icc_timeline_renderer_new (gtk_widget_get_pango_context (GTK_WIDGET (self)));
  g_signal_connect_object (self->view, "notify", G_CALLBACK (view_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "data-changed", G_CALLBACK (view_data_changed_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  /* Translators: accessible name of the timeline */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("No event selected"),
                                  -1);

  self->focus_signals = g_signal_group_new (ICC_TYPE_FOCUS);
  g_signal_group_connect_object (self->focus_signals, "notify::event",
                                 G_CALLBACK (focus_event_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->focus_signals, "notify::date",
                                 G_CALLBACK (focus_date_changed_cb), self, G_CONNECT_SWAPPED);

  /* The overview texture is drawn at the device scale. */
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (_icc_timeline_invalidate_all), NULL);

  _icc_timeline_init_input (self);
  _icc_timeline_init_selection (self);

  _icc_timeline_update_colors (self);
}
