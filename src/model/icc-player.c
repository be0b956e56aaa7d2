/* icc-player.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "icc-player.h"

#define MIN_INTERVAL 100
#define MAX_INTERVAL 10000

struct _IccPlayer
{
  GObject     parent_instance;

  IccDataset *dataset;
  IccFocus   *focus;
  guint       interval;
  guint       timeout_id;
  gint32      range_first;  /* G_MININT32: from the first change */
  gint32      range_last;   /* G_MAXINT32: to the last */
};

G_DEFINE_FINAL_TYPE (IccPlayer, icc_player, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_FOCUS,
  PROP_PLAYING,
  PROP_INTERVAL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The current day, or G_MININT32 when the focus has no date. */
static gint32
current_day (IccPlayer *self)
{
  const IccDate *date = icc_focus_get_date (self->focus);

  if (date == NULL || !icc_date_is_set (date))
    return G_MININT32;

  return icc_date_get_day (date);
}

/* The change days within the range played. */
static GArray *
get_change_days (IccPlayer *self)
{
  GArray *days;
  guint kept = 0;

  if (self->dataset == NULL)
    return g_array_new (FALSE, FALSE, sizeof (gint32));

  days = icc_dataset_get_change_days (self->dataset);
  for (guint i = 0; i < days->len; i++)
    {
      gint32 day = g_array_index (days, gint32, i);

      if (day >= self->range_first && day <= self->range_last)
        g_array_index (days, gint32, kept++) = day;
    }
  g_array_set_size (days, kept);

  return days;
}

static void
go_to_day (IccPlayer *self,
           gint32     day)
{
  IccDate date;

  icc_date_init_from_day (&date, day);
  icc_focus_set_date (self->focus, &date);
}

static void
stop (IccPlayer *self)
{
  if (self->timeout_id == 0)
    return;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
}

static gboolean
timeout_cb (gpointer user_data)
{
  IccPlayer *self = user_data;
  /* Keeps the player alive to the end of this function, whatever a
   * handler of the date change does to it. */
  G_GNUC_UNUSED g_autoptr(IccPlayer) hold = g_object_ref (self);
  g_autoptr(GArray) days = NULL;
  guint source_id = self->timeout_id;
  gboolean stepped;

  stepped = icc_player_step (self, 1);

  /* A handler of the date change stopped, restarted or disposed the player:
   * this source is already removed, and timeout_id is no longer ours. */
  if (self->timeout_id != source_id)
    return G_SOURCE_REMOVE;

  if (!stepped)
    {
      self->timeout_id = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
      return G_SOURCE_REMOVE;
    }

  /* Stop on the last change rather than one interval after it. */
  days = get_change_days (self);
  if (days->len == 0 || current_day (self) >= g_array_index (days, gint32, days->len - 1))
    {
      self->timeout_id = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
start_timeout (IccPlayer *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add_full (G_PRIORITY_DEFAULT, self->interval,
                                         timeout_cb, self, NULL);
  g_source_set_name_by_id (self->timeout_id, "[icc-tracker] player step");
}

static void
icc_player_dispose (GObject *object)
{
  IccPlayer *self = (IccPlayer *)object;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_object (&self->dataset);
  g_clear_object (&self->focus);

  G_OBJECT_CLASS (icc_player_parent_class)->dispose (object);
}

static void
icc_player_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  IccPlayer *self = ICC_PLAYER (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;

    case PROP_FOCUS:
      g_value_set_object (value, self->focus);
      break;

    case PROP_PLAYING:
      g_value_set_boolean (value, icc_player_get_playing (self));
      break;

    case PROP_INTERVAL:
      g_value_set_uint (value, self->interval);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_player_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  IccPlayer *self = ICC_PLAYER (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      self->dataset = g_value_dup_object (value);
      break;

    case PROP_FOCUS:
      self->focus = g_value_dup_object (value);
      break;

    case PROP_PLAYING:
      icc_player_set_playing (self, g_value_get_boolean (value));
      break;

    case PROP_INTERVAL:
      icc_player_set_interval (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_player_class_init (IccPlayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = icc_player_dispose;
  object_class->get_property = icc_player_get_property;
  object_class->set_property = icc_player_set_property;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL,
                         ICC_TYPE_DATASET,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FOCUS] =
    g_param_spec_object ("focus", NULL, NULL,
                         ICC_TYPE_FOCUS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PLAYING] =
    g_param_spec_boolean ("playing", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_INTERVAL] =
    g_param_spec_uint ("interval", NULL, NULL,
                       MIN_INTERVAL, MAX_INTERVAL, ICC_PLAYER_DEFAULT_INTERVAL,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
icc_player_init (IccPlayer *self)
{
  self->range_first = G_MININT32;
  self->range_last = G_MAXINT32;
  self->interval = ICC_PLAYER_DEFAULT_INTERVAL;
}

IccPlayer *
icc_player_new (IccDataset *dataset,
                IccFocus   *focus)
{
  g_return_val_if_fail (dataset == NULL || ICC_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (ICC_IS_FOCUS (focus), NULL);

  return g_object_new (ICC_TYPE_PLAYER,
                       "dataset", dataset,
                       "focus", focus,
                       NULL);
}

IccDataset *
icc_player_get_dataset (IccPlayer *self)
{
  g_return_val_if_fail (ICC_IS_PLAYER (self), NULL);

  return self->dataset;
}

IccFocus *
icc_player_get_focus (IccPlayer *self)
{
  g_return_val_if_fail (ICC_IS_PLAYER (self), NULL);

  return self->focus;
}

gboolean
icc_player_get_playing (IccPlayer *self)
{
  g_return_val_if_fail (ICC_IS_PLAYER (self), FALSE);

  return self->timeout_id != 0;
}

void
icc_player_set_playing (IccPlayer *self,
                        gboolean   playing)
{
  g_autoptr(GArray) days = NULL;
  gint32 day;

  g_return_if_fail (ICC_IS_PLAYER (self));

  playing = !!playing;
  if (playing == icc_player_get_playing (self))
    return;

  if (!playing)
    {
      stop (self);
      return;
    }

  days = get_change_days (self);
  if (days->len == 0)
    return;

  /* From the end, or from before the beginning, start at the first change. */
  day = current_day (self);
  if (day >= g_array_index (days, gint32, days->len - 1) ||
      day < g_array_index (days, gint32, 0))
    go_to_day (self, g_array_index (days, gint32, 0));

  start_timeout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
}

void
icc_player_toggle (IccPlayer *self)
{
  g_return_if_fail (ICC_IS_PLAYER (self));

  icc_player_set_playing (self, !icc_player_get_playing (self));
}

guint
icc_player_get_interval (IccPlayer *self)
{
  g_return_val_if_fail (ICC_IS_PLAYER (self), ICC_PLAYER_DEFAULT_INTERVAL);

  return self->interval;
}

void
icc_player_set_interval (IccPlayer *self,
                         guint      interval_ms)
{
  g_return_if_fail (ICC_IS_PLAYER (self));

  interval_ms = CLAMP (interval_ms, MIN_INTERVAL, MAX_INTERVAL);
  if (interval_ms == self->interval)
    return;

  self->interval = interval_ms;

  /* A new speed takes effect at once. */
  if (self->timeout_id != 0)
    start_timeout (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVAL]);
}

double
icc_player_get_speed (IccPlayer *self)
{
  g_return_val_if_fail (ICC_IS_PLAYER (self), 0);

  return 1000.0 / self->interval;
}

void
icc_player_set_speed (IccPlayer *self,
                      double     steps_per_second)
{
  g_return_if_fail (ICC_IS_PLAYER (self));
  g_return_if_fail (steps_per_second > 0);

  icc_player_set_interval (self, (guint)CLAMP (1000.0 / steps_per_second + 0.5,
                                               MIN_INTERVAL, MAX_INTERVAL));
}

gboolean
icc_player_step (IccPlayer *self,
                 int        direction)
{
  g_autoptr(GArray) days = NULL;
  gint32 day;

  g_return_val_if_fail (ICC_IS_PLAYER (self), FALSE);

  days = get_change_days (self);
  if (days->len == 0 || direction == 0)
    return FALSE;

  day = current_day (self);
  if (day == G_MININT32)
    {
      go_to_day (self, g_array_index (days, gint32, 0));
      return TRUE;
    }

  if (direction > 0)
    {
      for (guint i = 0; i < days->len; i++)
        {
          gint32 d = g_array_index (days, gint32, i);

          if (d > day)
            {
              go_to_day (self, d);
              return TRUE;
            }
        }
    }
  else
    {
      for (guint i = days->len; i > 0; i--)
        {
          gint32 d = g_array_index (days, gint32, i - 1);

          if (d < day)
            {
              go_to_day (self, d);
              return TRUE;
            }
        }
    }

  return FALSE;
}

guint
icc_player_get_n_changes (IccPlayer *self)
{
  g_autoptr(GArray) days = NULL;

  g_return_val_if_fail (ICC_IS_PLAYER (self), 0);

  days = get_change_days (self);

  return days->len;
}

int
icc_player_get_position (IccPlayer *self)
{
  g_autoptr(GArray) days = NULL;
  gint32 day;
  int position = -1;

  g_return_val_if_fail (ICC_IS_PLAYER (self), -1);

  days = get_change_days (self);
  day = current_day (self);
  for (guint i = 0; i < days->len; i++)
    {
      if (g_array_index (days, gint32, i) > day)
        break;
      position = (int)i;
    }

  return position;
}

void
icc_player_set_range (IccPlayer *self,
                      gint32     first_day,
                      gint32     last_day)
{
  g_return_if_fail (ICC_IS_PLAYER (self));
  g_return_if_fail (first_day <= last_day);

  self->range_first = first_day;
  self->range_last = last_day;
}

void
icc_player_clear_range (IccPlayer *self)
{
  g_return_if_fail (ICC_IS_PLAYER (self));

  self->range_first = G_MININT32;
  self->range_last = G_MAXINT32;
}

gboolean
icc_player_get_range (IccPlayer *self,
                      gint32    *first_day,
                      gint32    *last_day)
{
  g_return_val_if_fail (ICC_IS_PLAYER (self), FALSE);

  if (first_day != NULL)
    *first_day = self->range_first;
  if (last_day != NULL)
    *last_day = self->range_last;

  return self->range_first != G_MININT32 || self->range_last != G_MAXINT32;
}

void
icc_player_play_from_start (IccPlayer *self)
{
  g_autoptr(GArray) days = NULL;

  g_return_if_fail (ICC_IS_PLAYER (self));

  days = get_change_days (self);
  if (days->len == 0)
    return;

  go_to_day (self, g_array_index (days, gint32, 0));
  if (!icc_player_get_playing (self))
    {
      start_timeout (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
    }
}
