/* icc-state.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"


#include "icc-state.h"

struct _IccState
{
  GObject     parent_instance;

  char       *code;
  char       *name;
  char       *display_name;
  char       *group;
  JsonObject *extra;
};

G_DEFINE_FINAL_TYPE (IccState, icc_state, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  PROP_DISPLAY_NAME,
  PROP_GROUP,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
icc_state_finalize (GObject *object)
{
  IccState *self = (IccState *)object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->group, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (icc_state_parent_class)->finalize (object);
}

static void
icc_state_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  IccState *self = ICC_STATE (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, icc_state_get_display_name (self));
      break;

    case PROP_GROUP:
      g_value_set_string (value, self->group);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_state_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  IccState *self = ICC_STATE (object);

  switch (prop_id)
    {
    case PROP_CODE:
      self->code = g_value_dup_string (value);
      break;

    case PROP_NAME:
      icc_state_set_name (self, g_value_get_string (value));
      break;

    case PROP_DISPLAY_NAME:
      icc_state_set_display_name (self, g_value_get_string (value));
      break;

    case PROP_GROUP:
      icc_state_set_group (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_state_class_init (IccStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = icc_state_finalize;
  object_class->get_property = icc_state_get_property;
  object_class->set_property = icc_state_set_property;

  properties [PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_GROUP] =
    g_param_spec_string ("group", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
icc_state_init (IccState *self)
{
}

IccState *
icc_state_new (const char *code,
               const char *name)
{
  g_return_val_if_fail (code != NULL, NULL);

  return g_object_new (ICC_TYPE_STATE, "code", code, "name", name, NULL);
}

const char *
icc_state_get_code (IccState *self)
{
  g_return_val_if_fail (ICC_IS_STATE (self), NULL);
  return self->code;
}

const char *
icc_state_get_name (IccState *self)
{
  g_return_val_if_fail (ICC_IS_STATE (self), NULL);
  return self->name != NULL ? self->name : self->code;
}

void
icc_state_set_name (IccState   *self,
                    const char *name)
{
  g_return_if_fail (ICC_IS_STATE (self));

  if (g_strcmp0 (name, self->name) != 0)
    {
      g_free (self->name);
      self->name = g_strdup (name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
      if (self->display_name == NULL)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
    }
}

const char *
icc_state_get_display_name (IccState *self)
{
  g_return_val_if_fail (ICC_IS_STATE (self), NULL);
  return self->display_name != NULL ? self->display_name : icc_state_get_name (self);
}

void
icc_state_set_display_name (IccState   *self,
                            const char *display_name)
{
  g_return_if_fail (ICC_IS_STATE (self));

  if (g_strcmp0 (display_name, self->display_name) != 0)
    {
      g_free (self->display_name);
      self->display_name = g_strdup (display_name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
    }
}

const char *
icc_state_get_group (IccState *self)
{
  g_return_val_if_fail (ICC_IS_STATE (self), NULL);
  return self->group;
}

void
icc_state_set_group (IccState   *self,
                     const char *group)
{
  g_return_if_fail (ICC_IS_STATE (self));

  if (g_strcmp0 (group, self->group) != 0)
    {
      g_free (self->group);
      self->group = g_strdup (group);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUP]);
    }
}

JsonObject *
icc_state_get_extra (IccState *self)
{
  g_return_val_if_fail (ICC_IS_STATE (self), NULL);
  return self->extra;
}

void
icc_state_set_extra (IccState   *self,
                     JsonObject *extra)
{
  g_return_if_fail (ICC_IS_STATE (self));

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}
