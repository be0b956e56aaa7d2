/* icc-focus.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "icc-focus.h"

struct _IccFocus
{
  GObject      parent_instance;

  IccDate      date;
  IccEvent    *event;
  IccState    *state;
  IccArticle  *article;
  IccCitation *citation;
};

G_DEFINE_FINAL_TYPE (IccFocus, icc_focus, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATE,
  PROP_EVENT,
  PROP_STATE,
  PROP_ARTICLE,
  PROP_CITATION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
icc_focus_dispose (GObject *object)
{
  IccFocus *self = (IccFocus *)object;

  g_clear_object (&self->event);
  g_clear_object (&self->state);
  g_clear_object (&self->article);
  g_clear_object (&self->citation);

  G_OBJECT_CLASS (icc_focus_parent_class)->dispose (object);
}

static void
icc_focus_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  IccFocus *self = ICC_FOCUS (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_boxed (value, &self->date);
      break;

    case PROP_EVENT:
      g_value_set_object (value, self->event);
      break;

    case PROP_STATE:
      g_value_set_object (value, self->state);
      break;

    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;

    case PROP_CITATION:
      g_value_set_object (value, self->citation);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_focus_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  IccFocus *self = ICC_FOCUS (object);

  switch (prop_id)
    {
    case PROP_DATE:
      icc_focus_set_date (self, g_value_get_boxed (value));
      break;

    case PROP_EVENT:
      icc_focus_set_event (self, g_value_get_object (value));
      break;

    case PROP_STATE:
      icc_focus_set_state (self, g_value_get_object (value));
      break;

    case PROP_ARTICLE:
      icc_focus_set_article (self, g_value_get_object (value));
      break;

    case PROP_CITATION:
      icc_focus_set_citation (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_focus_class_init (IccFocusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = icc_focus_dispose;
  object_class->get_property = icc_focus_get_property;
  object_class->set_property = icc_focus_set_property;

  properties [PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL, ICC_TYPE_DATE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_EVENT] =
    g_param_spec_object ("event", NULL, NULL, ICC_TYPE_EVENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_STATE] =
    g_param_spec_object ("state", NULL, NULL, ICC_TYPE_STATE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL, ICC_TYPE_ARTICLE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_CITATION] =
    g_param_spec_object ("citation", NULL, NULL, ICC_TYPE_CITATION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
icc_focus_init (IccFocus *self)
{
  icc_date_init_today (&self->date);
}

IccFocus *
icc_focus_new (void)
{
  return g_object_new (ICC_TYPE_FOCUS, NULL);
}

const IccDate *
icc_focus_get_date (IccFocus *self)
{
  g_return_val_if_fail (ICC_IS_FOCUS (self), NULL);
  return &self->date;
}

void
icc_focus_set_date (IccFocus      *self,
                    const IccDate *date)
{
  g_return_if_fail (ICC_IS_FOCUS (self));

  if (!icc_date_is_set (date) || icc_date_equal (&self->date, date))
    return;

  self->date = *date;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

IccEvent *
icc_focus_get_event (IccFocus *self)
{
  g_return_val_if_fail (ICC_IS_FOCUS (self), NULL);
  return self->event;
}

void
icc_focus_set_event (IccFocus *self,
                     IccEvent *event)
{
  g_return_if_fail (ICC_IS_FOCUS (self));
  g_return_if_fail (event == NULL || ICC_IS_EVENT (event));

  if (!g_set_object (&self->event, event))
    return;

  /* The date first, so that views following "event" see the right date. */
  if (event != NULL)
    icc_focus_set_date (self, icc_event_get_date (event));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
}

IccState *
icc_focus_get_state (IccFocus *self)
{
  g_return_val_if_fail (ICC_IS_FOCUS (self), NULL);
  return self->state;
}

void
icc_focus_set_state (IccFocus *self,
                     IccState *state)
{
  g_return_if_fail (ICC_IS_FOCUS (self));
  g_return_if_fail (state == NULL || ICC_IS_STATE (state));

  if (g_set_object (&self->state, state))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

IccArticle *
icc_focus_get_article (IccFocus *self)
{
  g_return_val_if_fail (ICC_IS_FOCUS (self), NULL);
  return self->article;
}

void
icc_focus_set_article (IccFocus   *self,
                       IccArticle *article)
{
  g_return_if_fail (ICC_IS_FOCUS (self));
  g_return_if_fail (article == NULL || ICC_IS_ARTICLE (article));

  if (g_set_object (&self->article, article))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
}

IccCitation *
icc_focus_get_citation (IccFocus *self)
{
  g_return_val_if_fail (ICC_IS_FOCUS (self), NULL);
  return self->citation;
}

void
icc_focus_set_citation (IccFocus    *self,
                        IccCitation *citation)
{
  g_return_if_fail (ICC_IS_FOCUS (self));
  g_return_if_fail (citation == NULL || ICC_IS_CITATION (citation));

  if (!g_set_object (&self->citation, citation))
    return;

  if (citation != NULL && icc_citation_get_article (citation) != NULL)
    icc_focus_set_article (self, icc_citation_get_article (citation));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CITATION]);
}
