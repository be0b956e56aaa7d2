/* icc-article.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "icc-article.h"

struct _IccArticle
{
  GObject     parent_instance;

  char       *id;
  char       *title;
  char       *outlet;
  char       *author;
  char       *url;
  char       *text;
  char       *edit_note;
  IccDate     date;
  JsonObject *extra;
};

G_DEFINE_FINAL_TYPE (IccArticle, icc_article, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_OUTLET,
  PROP_AUTHOR,
  PROP_DATE,
  PROP_URL,
  PROP_TEXT,
  PROP_EDIT_NOTE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
set_string (IccArticle  *self,
            char       **field,
            const char  *value,
            guint        prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
icc_article_finalize (GObject *object)
{
  IccArticle *self = (IccArticle *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->outlet, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->edit_note, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (icc_article_parent_class)->finalize (object);
}

static void
icc_article_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  IccArticle *self = ICC_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_OUTLET:
      g_value_set_string (value, self->outlet);
      break;

    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;

    case PROP_DATE:
      g_value_set_boxed (value, &self->date);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_EDIT_NOTE:
      g_value_set_string (value, self->edit_note);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_article_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  IccArticle *self = ICC_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_TITLE:
      icc_article_set_title (self, g_value_get_string (value));
      break;

    case PROP_OUTLET:
      icc_article_set_outlet (self, g_value_get_string (value));
      break;

    case PROP_AUTHOR:
      icc_article_set_author (self, g_value_get_string (value));
      break;

    case PROP_DATE:
      icc_article_set_date (self, g_value_get_boxed (value));
      break;

    case PROP_URL:
      icc_article_set_url (self, g_value_get_string (value));
      break;

    case PROP_TEXT:
      icc_article_set_text (self, g_value_get_string (value));
      break;

    case PROP_EDIT_NOTE:
      icc_article_set_edit_note (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_article_class_init (IccArticleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = icc_article_finalize;
  object_class->get_property = icc_article_get_property;
  object_class->set_property = icc_article_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_OUTLET] =
    g_param_spec_string ("outlet", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL, ICC_TYPE_DATE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_EDIT_NOTE] =
    g_param_spec_string ("edit-note", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
icc_article_init (IccArticle *self)
{
}

IccArticle *
icc_article_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (ICC_TYPE_ARTICLE, "id", id, NULL);
}

const char *
icc_article_get_id (IccArticle *self)
{
  g_return_val_if_fail (ICC_IS_ARTICLE (self), NULL);
  return self->id;
}

const char *
icc_article_get_title (IccArticle *self)
{
  g_return_val_if_fail (ICC_IS_ARTICLE (self), NULL);
  return self->title;
}

void
icc_article_set_title (IccArticle *self,
                       const char *title)
{
  g_return_if_fail (ICC_IS_ARTICLE (self));
  set_string (self, &self->title, title, PROP_TITLE);
}

const char *
icc_article_get_outlet (IccArticle *self)
{
  g_return_val_if_fail (ICC_IS_ARTICLE (self), NULL);
  return self->outlet;
}

void
icc_article_set_outlet (IccArticle *self,
                        const char *outlet)
{
  g_return_if_fail (ICC_IS_ARTICLE (self));
  set_string (self, &self->outlet, outlet, PROP_OUTLET);
}

const char *
icc_article_get_author (IccArticle *self)
{
  g_return_val_if_fail (ICC_IS_ARTICLE (self), NULL);
  return self->author;
}

void
icc_article_set_author (IccArticle *self,
                        const char *author)
{
  g_return_if_fail (ICC_IS_ARTICLE (self));
  set_string (self, &self->author, author, PROP_AUTHOR);
}

const IccDate *
icc_article_get_date (IccArticle *self)
{
  g_return_val_if_fail (ICC_IS_ARTICLE (self), NULL);
  return &self->date;
}

void
icc_article_set_date (IccArticle    *self,
                      const IccDate *date)
{
  IccDate unset = { 0 };

  g_return_if_fail (ICC_IS_ARTICLE (self));

  if (date == NULL)
    date = &unset;

  if (icc_date_equal (&self->date, date))
    return;

  self->date = *date;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

const char *
icc_article_get_url (IccArticle *self)
{
  g_return_val_if_fail (ICC_IS_ARTICLE (self), NULL);
  return self->url;
}

/**
 * icc_article_is_web_url:
 * @url: (nullable): an address
 *
 * Whether @url is an absolute http or https address with a host: the only
 * kind the window opens (a file's "url" could otherwise be javascript:, file:
 * or a handler of some other application).
 */
gboolean
icc_article_is_web_url (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  if (url == NULL)
    return FALSE;

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);

  return (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) &&
         host != NULL && host[0] != '\0';
}

/**
 * icc_article_get_web_url:
 *
 * Returns: (nullable): the article's address when it is one to open in a web
 *   browser (see icc_article_is_web_url()), or %NULL
 */
const char *
icc_article_get_web_url (IccArticle *self)
{
  g_return_val_if_fail (ICC_IS_ARTICLE (self), NULL);

  return icc_article_is_web_url (self->url) ? self->url : NULL;
}

void
icc_article_set_url (IccArticle *self,
                     const char *url)
{
  g_return_if_fail (ICC_IS_ARTICLE (self));
  set_string (self, &self->url, url, PROP_URL);
}

const char *
icc_article_get_text (IccArticle *self)
{
  g_return_val_if_fail (ICC_IS_ARTICLE (self), NULL);
  return self->text != NULL ? self->text : "";
}

void
icc_article_set_text (IccArticle *self,
                      const char *text)
{
  g_return_if_fail (ICC_IS_ARTICLE (self));
  set_string (self, &self->text, text, PROP_TEXT);
}

const char *
icc_article_get_edit_note (IccArticle *self)
{
  g_return_val_if_fail (ICC_IS_ARTICLE (self), NULL);
  return self->edit_note;
}

void
icc_article_set_edit_note (IccArticle *self,
                           const char *edit_note)
{
  g_return_if_fail (ICC_IS_ARTICLE (self));
  set_string (self, &self->edit_note, edit_note, PROP_EDIT_NOTE);
}

JsonObject *
icc_article_get_extra (IccArticle *self)
{
  g_return_val_if_fail (ICC_IS_ARTICLE (self), NULL);
  return self->extra;
}

void
icc_article_set_extra (IccArticle *self,
                       JsonObject *extra)
{
  g_return_if_fail (ICC_IS_ARTICLE (self));

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}
