/* icc-era.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "icc-era.h"

struct _IccEra
{
  GObject     parent_instance;

  char       *id;
  char       *title;
  char       *summary;
  IccDate     start;
  IccDate     end;
  JsonObject *extra;
};

G_DEFINE_FINAL_TYPE (IccEra, icc_era, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
icc_era_finalize (GObject *object)
{
  IccEra *self = (IccEra *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (icc_era_parent_class)->finalize (object);
}

static void
icc_era_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  IccEra *self = ICC_ERA (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_era_class_init (IccEraClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = icc_era_finalize;
  object_class->get_property = icc_era_get_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
icc_era_init (IccEra *self)
{
}

IccEra *
icc_era_new (const char    *id,
             const char    *title,
             const IccDate *start,
             const IccDate *end)
{
  IccEra *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (icc_date_is_set (start), NULL);
  g_return_val_if_fail (icc_date_is_set (end), NULL);

  self = g_object_new (ICC_TYPE_ERA, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->start = *start;
  self->end = *end;

  return self;
}

const char *
icc_era_get_id (IccEra *self)
{
  g_return_val_if_fail (ICC_IS_ERA (self), NULL);
  return self->id;
}

const char *
icc_era_get_title (IccEra *self)
{
  g_return_val_if_fail (ICC_IS_ERA (self), NULL);
  return self->title != NULL ? self->title : "";
}

const IccDate *
icc_era_get_start (IccEra *self)
{
  g_return_val_if_fail (ICC_IS_ERA (self), NULL);
  return &self->start;
}

const IccDate *
icc_era_get_end (IccEra *self)
{
  g_return_val_if_fail (ICC_IS_ERA (self), NULL);
  return &self->end;
}

gint32
icc_era_get_start_day (IccEra *self)
{
  g_return_val_if_fail (ICC_IS_ERA (self), 0);
  return icc_date_get_day (&self->start);
}

gint32
icc_era_get_end_day (IccEra *self)
{
  g_return_val_if_fail (ICC_IS_ERA (self), 0);
  return icc_date_get_end_day (&self->end);
}

const char *
icc_era_get_summary (IccEra *self)
{
  g_return_val_if_fail (ICC_IS_ERA (self), NULL);
  return self->summary;
}

void
icc_era_set_summary (IccEra     *self,
                     const char *summary)
{
  g_return_if_fail (ICC_IS_ERA (self));

  if (g_strcmp0 (summary, self->summary) != 0)
    {
      g_free (self->summary);
      self->summary = g_strdup (summary);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
    }
}

JsonObject *
icc_era_get_extra (IccEra *self)
{
  g_return_val_if_fail (ICC_IS_ERA (self), NULL);
  return self->extra;
}

void
icc_era_set_extra (IccEra     *self,
                   JsonObject *extra)
{
  g_return_if_fail (ICC_IS_ERA (self));

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}
