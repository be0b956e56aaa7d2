/* icc-world-row.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "icc-enums.h"
#include "icc-world-row.h"

struct _IccWorldRow
{
  GObject    parent_instance;

  IccState  *state;
  IccEvent  *since_event;
  IccStatus  status;
};

G_DEFINE_FINAL_TYPE (IccWorldRow, icc_world_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_STATUS,
  PROP_SINCE,
  PROP_SINCE_EVENT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
icc_world_row_finalize (GObject *object)
{
  IccWorldRow *self = (IccWorldRow *)object;

  g_clear_object (&self->state);
  g_clear_object (&self->since_event);

  G_OBJECT_CLASS (icc_world_row_parent_class)->finalize (object);
}

static void
icc_world_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  IccWorldRow *self = ICC_WORLD_ROW (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_object (value, self->state);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_SINCE:
      g_value_set_boxed (value, self->since_event != NULL ?
                                icc_event_get_date (self->since_event) : NULL);
      break;

    case PROP_SINCE_EVENT:
      g_value_set_object (value, self->since_event);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_world_row_class_init (IccWorldRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = icc_world_row_finalize;
  object_class->get_property = icc_world_row_get_property;

  properties [PROP_STATE] =
    g_param_spec_object ("state", NULL, NULL, ICC_TYPE_STATE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, ICC_TYPE_STATUS, ICC_STATUS_NONE,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SINCE] =
    g_param_spec_boxed ("since", NULL, NULL, ICC_TYPE_DATE,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SINCE_EVENT] =
    g_param_spec_object ("since-event", NULL, NULL, ICC_TYPE_EVENT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
icc_world_row_init (IccWorldRow *self)
{
}

IccWorldRow *
icc_world_row_new (IccState *state)
{
  IccWorldRow *self;

  g_return_val_if_fail (ICC_IS_STATE (state), NULL);

  self = g_object_new (ICC_TYPE_WORLD_ROW, NULL);
  self->state = g_object_ref (state);

  return self;
}

IccState *
icc_world_row_get_state (IccWorldRow *self)
{
  g_return_val_if_fail (ICC_IS_WORLD_ROW (self), NULL);
  return self->state;
}

IccStatus
icc_world_row_get_status (IccWorldRow *self)
{
  g_return_val_if_fail (ICC_IS_WORLD_ROW (self), ICC_STATUS_NONE);
  return self->status;
}

const IccDate *
icc_world_row_get_since (IccWorldRow *self)
{
  static const IccDate unset = { 0 };

  g_return_val_if_fail (ICC_IS_WORLD_ROW (self), NULL);

  if (self->since_event == NULL)
    return &unset;

  return icc_event_get_date (self->since_event);
}

IccEvent *
icc_world_row_get_since_event (IccWorldRow *self)
{
  g_return_val_if_fail (ICC_IS_WORLD_ROW (self), NULL);
  return self->since_event;
}

IccCertainty
icc_world_row_get_certainty (IccWorldRow *self)
{
  g_return_val_if_fail (ICC_IS_WORLD_ROW (self), ICC_CERTAINTY_CONFIRMED);

  if (self->since_event == NULL)
    return ICC_CERTAINTY_CONFIRMED;

  return icc_event_get_certainty (self->since_event);
}

const char *
icc_world_row_get_certainty_note (IccWorldRow *self)
{
  g_return_val_if_fail (ICC_IS_WORLD_ROW (self), NULL);

  if (self->since_event == NULL)
    return NULL;

  return icc_event_get_certainty_note (self->since_event);
}

gboolean
icc_world_row_update (IccWorldRow *self,
                      IccStatus    status,
                      IccEvent    *since_event)
{
  gboolean status_changed;
  gboolean since_changed;

  g_return_val_if_fail (ICC_IS_WORLD_ROW (self), FALSE);

  status_changed = self->status != status;
  since_changed = self->since_event != since_event;

  if (!status_changed && !since_changed)
    return FALSE;

  self->status = status;
  g_set_object (&self->since_event, since_event);

  if (status_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  if (since_changed)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SINCE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SINCE_EVENT]);
    }

  return TRUE;
}
