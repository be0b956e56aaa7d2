/* icc-citation.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "icc-anchor.h"
#include "icc-article.h"
#include "icc-citation-private.h"

struct _IccCitation
{
  GObject      parent_instance;

  char        *article_id;
  char        *quote;
  char        *prefix;
  char        *suffix;
  char        *note;
  int          hint_start;
  int          hint_end;
  int          anchor_start;
  int          anchor_end;
  IccStance    stance;
  gboolean     comment;    /* the passage is in a reader's comment */
  IccEvent    *event;      /* unowned: the event owns us */
  IccArticle  *article;
  JsonObject  *extra;
};

G_DEFINE_FINAL_TYPE (IccCitation, icc_citation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ARTICLE_ID,
  PROP_QUOTE,
  PROP_STANCE,
  PROP_NOTE,
  PROP_ANCHORED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
icc_citation_finalize (GObject *object)
{
  IccCitation *self = (IccCitation *)object;

  g_clear_pointer (&self->article_id, g_free);
  g_clear_pointer (&self->quote, g_free);
  g_clear_pointer (&self->prefix, g_free);
  g_clear_pointer (&self->suffix, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_object (&self->article);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (icc_citation_parent_class)->finalize (object);
}

static void
icc_citation_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  IccCitation *self = ICC_CITATION (object);

  switch (prop_id)
    {
    case PROP_ARTICLE_ID:
      g_value_set_string (value, self->article_id);
      break;

    case PROP_QUOTE:
      g_value_set_string (value, self->quote);
      break;

    case PROP_STANCE:
      g_value_set_enum (value, self->stance);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_ANCHORED:
      g_value_set_boolean (value, icc_citation_is_anchored (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_citation_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  IccCitation *self = ICC_CITATION (object);

  switch (prop_id)
    {
    case PROP_ARTICLE_ID:
      self->article_id = g_value_dup_string (value);
      break;

    case PROP_QUOTE:
      self->quote = g_value_dup_string (value);
      break;

    case PROP_STANCE:
      icc_citation_set_stance (self, g_value_get_enum (value));
      break;

    case PROP_NOTE:
      icc_citation_set_note (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_citation_class_init (IccCitationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = icc_citation_finalize;
  object_class->get_property = icc_citation_get_property;
  object_class->set_property = icc_citation_set_property;

  properties [PROP_ARTICLE_ID] =
    g_param_spec_string ("article-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_QUOTE] =
    g_param_spec_string ("quote", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_STANCE] =
    g_param_spec_enum ("stance", NULL, NULL, ICC_TYPE_STANCE, ICC_STANCE_REPORTS,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_ANCHORED] =
    g_param_spec_boolean ("anchored", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
icc_citation_init (IccCitation *self)
{
  self->hint_start = -1;
  self->hint_end = -1;
  self->anchor_start = -1;
  self->anchor_end = -1;
}

IccCitation *
icc_citation_new (const char *article_id,
                  const char *quote)
{
  g_return_val_if_fail (article_id != NULL, NULL);
  g_return_val_if_fail (quote != NULL, NULL);

  return g_object_new (ICC_TYPE_CITATION,
                       "article-id", article_id,
                       "quote", quote,
                       NULL);
}

/* Context kept around a quote: enough to tell copies of it apart. */
#define CONTEXT_MIN  32
#define CONTEXT_MAX 256

IccCitation *
icc_citation_new_for_range (IccArticle  *article,
                            int          start,
                            int          end,
                            GError     **error)
{
  g_autoptr(IccAnchorText) prepared = NULL;
  const char *text;
  const char *p;
  int n_chars;

  g_return_val_if_fail (ICC_IS_ARTICLE (article), NULL);

  text = icc_article_get_text (article);
  if (text == NULL)
    text = "";
  n_chars = (int)g_utf8_strlen (text, -1);
  start = CLAMP (start, 0, n_chars);
  end = CLAMP (end, start, n_chars);

  /* White space around the selection is not part of the passage. */
  p = g_utf8_offset_to_pointer (text, start);
  while (start < end && g_unichar_isspace (g_utf8_get_char (p)))
    {
      p = g_utf8_next_char (p);
      start++;
    }
  while (end > start &&
         g_unichar_isspace (g_utf8_get_char (g_utf8_offset_to_pointer (text, end - 1))))
    end--;

  if (start == end)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Select the passage to cite first."));
      return NULL;
    }

  prepared = icc_anchor_text_new (text);

  /* The shortest context that finds the passage again without the hint,
   * as the loader does when a file's offsets are stale. */
  for (int context = CONTEXT_MIN; context <= CONTEXT_MAX; context *= 2)
    {
      g_autofree char *quote = g_utf8_substring (text, start, end);
      g_autofree char *prefix = g_utf8_substring (text, MAX (0, start - context), start);
      g_autofree char *suffix = g_utf8_substring (text, end, MIN (n_chars, end + context));
      IccCitation *citation;
      int found_start = -1, found_end = -1;

      if (icc_anchor_resolve_in (prepared, NULL, quote, prefix, suffix, -1, -1,
                                 &found_start, &found_end) == ICC_ANCHOR_NONE ||
          found_start != start || found_end != end)
        {
          if (context < CONTEXT_MAX)
            continue;
        }

      citation = icc_citation_new (icc_article_get_id (article), quote);
      if (*prefix != '\0')
        icc_citation_set_prefix (citation, prefix);
      if (*suffix != '\0')
        icc_citation_set_suffix (citation, suffix);
      icc_citation_set_hint (citation, start, end);

      /* With its hint, as the dataset will anchor it. */
      if (icc_anchor_resolve_in (prepared, NULL, quote, prefix, suffix, start, end,
                                 &found_start, &found_end) == ICC_ANCHOR_NONE ||
          found_start != start || found_end != end)
        {
          g_object_unref (citation);
          break;
        }

      return citation;
    }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("This passage cannot be cited: it would not be found again "
                         "in the article."));
  return NULL;
}

const char *
icc_citation_get_article_id (IccCitation *self)
{
  g_return_val_if_fail (ICC_IS_CITATION (self), NULL);
  return self->article_id;
}

const char *
icc_citation_get_quote (IccCitation *self)
{
  g_return_val_if_fail (ICC_IS_CITATION (self), NULL);
  return self->quote;
}

const char *
icc_citation_get_prefix (IccCitation *self)
{
  g_return_val_if_fail (ICC_IS_CITATION (self), NULL);
  return self->prefix;
}

void
icc_citation_set_prefix (IccCitation *self,
                         const char  *prefix)
{
  g_return_if_fail (ICC_IS_CITATION (self));

  if (g_strcmp0 (prefix, self->prefix) != 0)
    {
      g_free (self->prefix);
      self->prefix = g_strdup (prefix);
    }
}

const char *
icc_citation_get_suffix (IccCitation *self)
{
  g_return_val_if_fail (ICC_IS_CITATION (self), NULL);
  return self->suffix;
}

void
icc_citation_set_suffix (IccCitation *self,
                         const char  *suffix)
{
  g_return_if_fail (ICC_IS_CITATION (self));

  if (g_strcmp0 (suffix, self->suffix) != 0)
    {
      g_free (self->suffix);
      self->suffix = g_strdup (suffix);
    }
}

int
icc_citation_get_hint_start (IccCitation *self)
{
  g_return_val_if_fail (ICC_IS_CITATION (self), -1);
  return self->hint_start;
}

int
icc_citation_get_hint_end (IccCitation *self)
{
  g_return_val_if_fail (ICC_IS_CITATION (self), -1);
  return self->hint_end;
}

void
icc_citation_set_hint (IccCitation *self,
                       int          start,
                       int          end)
{
  g_return_if_fail (ICC_IS_CITATION (self));

  self->hint_start = start;
  self->hint_end = end;
}

IccStance
icc_citation_get_stance (IccCitation *self)
{
  g_return_val_if_fail (ICC_IS_CITATION (self), ICC_STANCE_REPORTS);
  return self->stance;
}

void
icc_citation_set_stance (IccCitation *self,
                         IccStance    stance)
{
  g_return_if_fail (ICC_IS_CITATION (self));

  if (self->stance != stance)
    {
      self->stance = stance;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STANCE]);
    }
}

const char *
icc_citation_get_note (IccCitation *self)
{
  g_return_val_if_fail (ICC_IS_CITATION (self), NULL);
  return self->note;
}

void
icc_citation_set_note (IccCitation *self,
                       const char  *note)
{
  g_return_if_fail (ICC_IS_CITATION (self));

  if (g_strcmp0 (note, self->note) != 0)
    {
      g_free (self->note);
      self->note = g_strdup (note);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
    }
}

gboolean
icc_citation_get_anchor (IccCitation *self,
                         int         *start,
                         int         *end)
{
  g_return_val_if_fail (ICC_IS_CITATION (self), FALSE);

  if (start != NULL)
    *start = self->anchor_start;
  if (end != NULL)
    *end = self->anchor_end;

  return self->anchor_start >= 0;
}

void
icc_citation_set_anchor (IccCitation *self,
                         int          start,
                         int          end)
{
  gboolean was_anchored;

  g_return_if_fail (ICC_IS_CITATION (self));
  g_return_if_fail (start >= 0 && end >= start);

  was_anchored = icc_citation_is_anchored (self);
  self->anchor_start = start;
  self->anchor_end = end;

  if (!was_anchored)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANCHORED]);
}

void
icc_citation_clear_anchor (IccCitation *self)
{
  g_return_if_fail (ICC_IS_CITATION (self));

  if (!icc_citation_is_anchored (self))
    return;

  self->anchor_start = -1;
  self->anchor_end = -1;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANCHORED]);
}

gboolean
icc_citation_is_anchored (IccCitation *self)
{
  g_return_val_if_fail (ICC_IS_CITATION (self), FALSE);
  return self->anchor_start >= 0;
}

IccEvent *
icc_citation_get_event (IccCitation *self)
{
  g_return_val_if_fail (ICC_IS_CITATION (self), NULL);
  return self->event;
}

void
_icc_citation_set_event (IccCitation *self,
                         IccEvent    *event)
{
  self->event = event;
}

IccArticle *
icc_citation_get_article (IccCitation *self)
{
  g_return_val_if_fail (ICC_IS_CITATION (self), NULL);
  return self->article;
}

void
icc_citation_set_article (IccCitation *self,
                          IccArticle  *article)
{
  g_return_if_fail (ICC_IS_CITATION (self));
  g_set_object (&self->article, article);
}

JsonObject *
icc_citation_get_extra (IccCitation *self)
{
  g_return_val_if_fail (ICC_IS_CITATION (self), NULL);
  return self->extra;
}

void
icc_citation_set_extra (IccCitation *self,
                        JsonObject  *extra)
{
  g_return_if_fail (ICC_IS_CITATION (self));

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}

gboolean
icc_citation_get_comment (IccCitation *self)
{
  g_return_val_if_fail (ICC_IS_CITATION (self), FALSE);

  return self->comment;
}

void
icc_citation_set_comment (IccCitation *self,
                          gboolean     comment)
{
  g_return_if_fail (ICC_IS_CITATION (self));

  self->comment = !!comment;
}
