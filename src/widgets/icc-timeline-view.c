/* icc-timeline-view.c: the timeline's view state, apart from any widget
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "icc-date.h"
#include "icc-timeline-view-private.h"

/* The view object: its data (events, eras, the index), today, the range and
 * its bounds, the zoom history, the cursor, the selection, its properties.
 * How the range moves is in icc-timeline-view-animation.c. */

#define DEFAULT_DURATION_MSEC 200
#define HISTORY_MAX           64

enum {
  PROP_0,
  PROP_MODEL,
  PROP_ERAS,
  PROP_START,
  PROP_END,
  PROP_ANIMATING,
  PROP_ANIMATION_DURATION,
  PROP_CAN_GO_BACK,
  PROP_HAS_CURSOR,
  PROP_CURSOR,
  PROP_HAS_SELECTION,
  PROP_SELECTION_START,
  PROP_SELECTION_END,
  N_PROPS
};

enum {
  DATA_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (IccTimelineView, icc_timeline_view, G_TYPE_OBJECT)

void
_icc_timeline_view_set_animating (IccTimelineView *self,
                                  gboolean         animating)
{
  if (self->animating == !!animating)
    return;

  self->animating = !!animating;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANIMATING]);
}

/* Sets the range, clamped; the animation is the caller's business. */
void
_icc_timeline_view_apply_range (IccTimelineView *self,
                                double           start,
                                double           end)
{
  double first;
  double last;

  icc_timeline_view_get_bounds (self, &first, &last);
  icc_timeline_clamp_range (&start, &end, first, last);

  if (start == self->start && end == self->end)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  if (start != self->start)
    {
      self->start = start;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
    }
  if (end != self->end)
    {
      self->end = end;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static void
set_history_len (IccTimelineView *self,
                 guint            len)
{
  gboolean could = self->history->len > 0;

  g_array_set_size (self->history, len);

  if (could != (len > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
}

static void
fit_now (IccTimelineView *self)
{
  double start;
  double end;

  icc_timeline_view_get_fit_range (self, &start, &end);
  icc_timeline_view_set_range (self, start, end);
}

static void
model_items_changed_cb (IccTimelineView *self,
                        guint            position,
                        guint            removed,
                        guint            added,
                        GListModel      *model)
{
  g_clear_pointer (&self->index, icc_timeline_index_free);
  g_signal_emit (self, signals[DATA_CHANGED], 0);
}

static void
eras_items_changed_cb (IccTimelineView *self,
                       guint            position,
                       guint            removed,
                       guint            added,
                       GListModel      *model)
{
  g_signal_emit (self, signals[DATA_CHANGED], 0);
}

IccTimelineView *
icc_timeline_view_new (void)
{
  return g_object_new (ICC_TYPE_TIMELINE_VIEW, NULL);
}

GListModel *
icc_timeline_view_get_model (IccTimelineView *self)
{
  g_return_val_if_fail (ICC_IS_TIMELINE_VIEW (self), NULL);

  return self->model;
}

void
icc_timeline_view_set_model (IccTimelineView *self,
                             GListModel      *model)
{
  g_return_if_fail (ICC_IS_TIMELINE_VIEW (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (!g_set_object (&self->model, model))
    return;

  g_object_freeze_notify (G_OBJECT (self));
  g_signal_group_set_target (self->model_signals, model);
  g_clear_pointer (&self->index, icc_timeline_index_free);

  /* A new dataset starts with everything in view. */
  fit_now (self);
  set_history_len (self, 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
  g_signal_emit (self, signals[DATA_CHANGED], 0);
  g_object_thaw_notify (G_OBJECT (self));
}

GListModel *
icc_timeline_view_get_eras (IccTimelineView *self)
{
  g_return_val_if_fail (ICC_IS_TIMELINE_VIEW (self), NULL);

  return self->eras;
}

void
icc_timeline_view_set_eras (IccTimelineView *self,
                            GListModel      *eras)
{
  g_return_if_fail (ICC_IS_TIMELINE_VIEW (self));
  g_return_if_fail (eras == NULL || G_IS_LIST_MODEL (eras));

  if (!g_set_object (&self->eras, eras))
    return;

  g_signal_group_set_target (self->eras_signals, eras);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERAS]);
  g_signal_emit (self, signals[DATA_CHANGED], 0);
}

IccTimelineIndex *
icc_timeline_view_get_index (IccTimelineView *self)
{
  g_return_val_if_fail (ICC_IS_TIMELINE_VIEW (self), NULL);

  if (self->index == NULL)
    self->index = icc_timeline_index_new (self->model);

  return self->index;
}

gint32
icc_timeline_view_get_today (IccTimelineView *self)
{
  g_return_val_if_fail (ICC_IS_TIMELINE_VIEW (self), 0);

  return self->today;
}

void
icc_timeline_view_set_today (IccTimelineView *self,
                             gint32           today)
{
  g_return_if_fail (ICC_IS_TIMELINE_VIEW (self));

  self->today = today;
}

double
icc_timeline_view_get_start (IccTimelineView *self)
{
  g_return_val_if_fail (ICC_IS_TIMELINE_VIEW (self), 0);

  return self->start;
}

double
icc_timeline_view_get_end (IccTimelineView *self)
{
  g_return_val_if_fail (ICC_IS_TIMELINE_VIEW (self), 0);

  return self->end;
}

void
icc_timeline_view_get_target_range (IccTimelineView *self,
                                    double          *start,
                                    double          *end)
{
  g_return_if_fail (ICC_IS_TIMELINE_VIEW (self));

  *start = self->animating ? self->anim_to.start : self->start;
  *end = self->animating ? self->anim_to.end : self->end;
}

void
icc_timeline_view_get_data_range (IccTimelineView *self,
                                  double          *first,
                                  double          *last)
{
  gint32 f;
  gint32 l;

  g_return_if_fail (ICC_IS_TIMELINE_VIEW (self));

  if (icc_timeline_index_get_bounds (icc_timeline_view_get_index (self), &f, &l))
    {
      *first = f;
      *last = l + 1;
    }
  else
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, G_DATE_JANUARY, 1998);
      *first = g_date_get_julian (&date);
      *last = self->today + 1;
    }
}

void
icc_timeline_view_get_bounds (IccTimelineView *self,
                              double          *first,
                              double          *last)
{
  double pad;

  g_return_if_fail (ICC_IS_TIMELINE_VIEW (self));

  icc_timeline_view_get_data_range (self, first, last);
  *last = MAX (*last, self->today + 1);
  pad = MAX (365, (*last - *first) * 0.1);
  *first -= pad;
  *last += pad;
}

void
icc_timeline_view_get_fit_range (IccTimelineView *self,
                                 double          *start,
                                 double          *end)
{
  double pad;

  g_return_if_fail (ICC_IS_TIMELINE_VIEW (self));

  icc_timeline_view_get_data_range (self, start, end);
  pad = MAX (5, (*end - *start) * 0.03);
  *start -= pad;
  *end += pad;
}

void
icc_timeline_view_set_range (IccTimelineView *self,
                             double           start,
                             double           end)
{
  g_return_if_fail (ICC_IS_TIMELINE_VIEW (self));
  g_return_if_fail (!isnan (start) && !isnan (end));

  _icc_timeline_view_set_animating (self, FALSE);
  _icc_timeline_view_apply_range (self, start, end);
}

guint
icc_timeline_view_get_animation_duration (IccTimelineView *self)
{
  g_return_val_if_fail (ICC_IS_TIMELINE_VIEW (self), 0);

  return self->anim_duration / G_TIME_SPAN_MILLISECOND;
}

void
icc_timeline_view_set_animation_duration (IccTimelineView *self,
                                          guint            msec)
{
  gint64 duration;

  g_return_if_fail (ICC_IS_TIMELINE_VIEW (self));

  duration = CLAMP (msec, 16, 5000) * G_TIME_SPAN_MILLISECOND;
  if (duration == self->anim_duration)
    return;

  self->anim_duration = duration;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANIMATION_DURATION]);
}

void
icc_timeline_view_push_history (IccTimelineView *self,
                                gboolean         coalesce,
                                gint64           now)
{
  Range range;

  g_return_if_fail (ICC_IS_TIMELINE_VIEW (self));

  if (coalesce && now - self->last_history_push < G_USEC_PER_SEC)
    {
      self->last_history_push = now;
      return;
    }

  self->last_history_push = coalesce ? now : G_MININT64 / 2;
  icc_timeline_view_get_target_range (self, &range.start, &range.end);

  if (self->history->len > 0)
    {
      Range *top = &g_array_index (self->history, Range, self->history->len - 1);

      if (top->start == range.start && top->end == range.end)
        return;
    }

  if (self->history->len >= HISTORY_MAX)
    g_array_remove_index (self->history, 0);
  g_array_append_val (self->history, range);

  if (self->history->len == 1)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
}

void
icc_timeline_view_zoom_to_range (IccTimelineView *self,
                                 double           day_a,
                                 double           day_b,
                                 gint64           now)
{
  g_return_if_fail (ICC_IS_TIMELINE_VIEW (self));

  if (day_a == day_b)
    return;

  icc_timeline_view_push_history (self, FALSE, now);
  icc_timeline_view_move_to (self, MIN (day_a, day_b), MAX (day_a, day_b), now);
}

gboolean
icc_timeline_view_go_back (IccTimelineView *self,
                           gint64           now)
{
  Range range;

  g_return_val_if_fail (ICC_IS_TIMELINE_VIEW (self), FALSE);

  if (self->history->len == 0)
    return FALSE;

  range = g_array_index (self->history, Range, self->history->len - 1);
  set_history_len (self, self->history->len - 1);
  icc_timeline_view_move_to (self, range.start, range.end, now);

  return TRUE;
}

gboolean
icc_timeline_view_get_can_go_back (IccTimelineView *self)
{
  g_return_val_if_fail (ICC_IS_TIMELINE_VIEW (self), FALSE);

  return self->history->len > 0;
}

gboolean
icc_timeline_view_get_cursor (IccTimelineView *self,
                              double          *day)
{
  g_return_val_if_fail (ICC_IS_TIMELINE_VIEW (self), FALSE);

  if (day != NULL)
    *day = self->cursor;

  return self->has_cursor;
}

void
icc_timeline_view_set_cursor (IccTimelineView *self,
                              double           day)
{
  g_return_if_fail (ICC_IS_TIMELINE_VIEW (self));
  g_return_if_fail (!isnan (day));

  g_object_freeze_notify (G_OBJECT (self));
  if (!self->has_cursor)
    {
      self->has_cursor = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_CURSOR]);
    }
  if (day != self->cursor)
    {
      self->cursor = day;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURSOR]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
icc_timeline_view_clear_cursor (IccTimelineView *self)
{
  g_return_if_fail (ICC_IS_TIMELINE_VIEW (self));

  if (!self->has_cursor)
    return;

  self->has_cursor = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_CURSOR]);
}

gboolean
icc_timeline_view_get_selection (IccTimelineView *self,
                                 double          *start_day,
                                 double          *end_day)
{
  g_return_val_if_fail (ICC_IS_TIMELINE_VIEW (self), FALSE);

  if (!self->has_selection)
    return FALSE;

  if (start_day != NULL)
    *start_day = self->selection.start;
  if (end_day != NULL)
    *end_day = self->selection.end;

  return TRUE;
}

void
icc_timeline_view_set_selection (IccTimelineView *self,
                                 double           start_day,
                                 double           end_day)
{
  Range range;

  g_return_if_fail (ICC_IS_TIMELINE_VIEW (self));
  g_return_if_fail (!isnan (start_day) && !isnan (end_day));

  range = (Range) { MIN (start_day, end_day), MAX (start_day, end_day) };

  g_object_freeze_notify (G_OBJECT (self));
  if (range.start != self->selection.start)
    {
      self->selection.start = range.start;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION_START]);
    }
  if (range.end != self->selection.end)
    {
      self->selection.end = range.end;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION_END]);
    }
  if (!self->has_selection)
    {
      self->has_selection = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_SELECTION]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
icc_timeline_view_clear_selection (IccTimelineView *self)
{
  g_return_if_fail (ICC_IS_TIMELINE_VIEW (self));

  if (!self->has_selection)
    return;

  self->has_selection = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_SELECTION]);
}

static void
icc_timeline_view_dispose (GObject *object)
{
  IccTimelineView *self = (IccTimelineView *)object;

  g_signal_group_set_target (self->model_signals, NULL);
  g_signal_group_set_target (self->eras_signals, NULL);
  g_clear_object (&self->model);
  g_clear_object (&self->eras);
  g_clear_pointer (&self->index, icc_timeline_index_free);

  G_OBJECT_CLASS (icc_timeline_view_parent_class)->dispose (object);
}

static void
icc_timeline_view_finalize (GObject *object)
{
  IccTimelineView *self = (IccTimelineView *)object;

  g_clear_object (&self->model_signals);
  g_clear_object (&self->eras_signals);
  g_clear_pointer (&self->history, g_array_unref);

  G_OBJECT_CLASS (icc_timeline_view_parent_class)->finalize (object);
}

static void
icc_timeline_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  IccTimelineView *self = ICC_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_ERAS:
      g_value_set_object (value, self->eras);
      break;

    case PROP_START:
      g_value_set_double (value, self->start);
      break;

    case PROP_END:
      g_value_set_double (value, self->end);
      break;

    case PROP_ANIMATING:
      g_value_set_boolean (value, self->animating);
      break;

    case PROP_ANIMATION_DURATION:
      g_value_set_uint (value, icc_timeline_view_get_animation_duration (self));
      break;

    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, self->history->len > 0);
      break;

    case PROP_HAS_CURSOR:
      g_value_set_boolean (value, self->has_cursor);
      break;

    case PROP_CURSOR:
      g_value_set_double (value, self->cursor);
      break;

    case PROP_HAS_SELECTION:
      g_value_set_boolean (value, self->has_selection);
      break;

    case PROP_SELECTION_START:
      g_value_set_double (value, self->selection.start);
      break;

    case PROP_SELECTION_END:
      g_value_set_double (value, self->selection.end);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_timeline_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  IccTimelineView *self = ICC_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      icc_timeline_view_set_model (self, g_value_get_object (value));
      break;

    case PROP_ERAS:
      icc_timeline_view_set_eras (self, g_value_get_object (value));
      break;

    case PROP_ANIMATION_DURATION:
      icc_timeline_view_set_animation_duration (self, g_value_get_uint (value));
      break;

    case PROP_CURSOR:
      icc_timeline_view_set_cursor (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_timeline_view_class_init (IccTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = icc_timeline_view_dispose;
  object_class->finalize = icc_timeline_view_finalize;
  object_class->get_property = icc_timeline_view_get_property;
  object_class->set_property = icc_timeline_view_set_property;

  properties [PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL, rw);
  properties [PROP_ERAS] =
    g_param_spec_object ("eras", NULL, NULL, G_TYPE_LIST_MODEL, rw);
  properties [PROP_START] =
    g_param_spec_double ("start", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, ro);
  properties [PROP_END] =
    g_param_spec_double ("end", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, ro);
  properties [PROP_ANIMATING] =
    g_param_spec_boolean ("animating", NULL, NULL, FALSE, ro);
  properties [PROP_ANIMATION_DURATION] =
    g_param_spec_uint ("animation-duration", NULL, NULL, 16, 5000, DEFAULT_DURATION_MSEC, rw);
  properties [PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL, FALSE, ro);
  properties [PROP_HAS_CURSOR] =
    g_param_spec_boolean ("has-cursor", NULL, NULL, FALSE, ro);
  properties [PROP_CURSOR] =
    g_param_spec_double ("cursor", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, rw);
  properties [PROP_HAS_SELECTION] =
    g_param_spec_boolean ("has-selection", NULL, NULL, FALSE, ro);
  properties [PROP_SELECTION_START] =
    g_param_spec_double ("selection-start", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, ro);
  properties [PROP_SELECTION_END] =
    g_param_spec_double ("selection-end", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The events or eras changed: what is drawn must be laid out again. */
  signals [DATA_CHANGED] =
    g_signal_new ("data-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
icc_timeline_view_init (IccTimelineView *self)
{
  IccDate today;

  icc_date_init_today (&today);
  self->today = icc_date_get_day (&today);
  self->anim_duration = DEFAULT_DURATION_MSEC * G_TIME_SPAN_MILLISECOND;
  self->last_history_push = G_MININT64 / 2;
  self->history = g_array_new (FALSE, FALSE, sizeof (Range));

  self->model_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->model_signals, "items-changed",
                                 G_CALLBACK (model_items_changed_cb), self, G_CONNECT_SWAPPED);
  self->eras_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->eras_signals, "items-changed",
                                 G_CALLBACK (eras_items_changed_cb), self, G_CONNECT_SWAPPED);

  /* Without data: the ICC's history up to today. */
  fit_now (self);
}
