/* icc-event.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "icc-citation-private.h"
#include "icc-enum-util.h"
#include "icc-enums.h"
#include "icc-event.h"

struct _IccEvent
{
  GObject       parent_instance;

  char         *id;
  char         *title;
  char         *summary;
  char         *certainty_note;
  char        **states;
  char        **sources;
  GListStore   *citations;
  JsonObject   *extra;
  IccDate       date;
  gint32        day;       /* of date, cached: events are sorted by it */
  IccDate       end_date;
  IccEventKind  kind;
  IccCertainty  certainty;
};

G_DEFINE_FINAL_TYPE (IccEvent, icc_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_DATE,
  PROP_END_DATE,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_CERTAINTY,
  PROP_CERTAINTY_NOTE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
icc_event_dispose (GObject *object)
{
  IccEvent *self = (IccEvent *)object;

  if (self->citations != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->citations));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(IccCitation) citation = NULL;

          citation = g_list_model_get_item (G_LIST_MODEL (self->citations), i);
          _icc_citation_set_event (citation, NULL);
        }
    }

  g_clear_object (&self->citations);

  G_OBJECT_CLASS (icc_event_parent_class)->dispose (object);
}

static void
icc_event_finalize (GObject *object)
{
  IccEvent *self = (IccEvent *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->certainty_note, g_free);
  g_clear_pointer (&self->states, g_strfreev);
  g_clear_pointer (&self->sources, g_strfreev);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (icc_event_parent_class)->finalize (object);
}

/* The date, and the day number the timeline and the status replay sort by. */
static void
store_date (IccEvent      *self,
            const IccDate *date)
{
  self->date = *date;
  self->day = icc_date_get_day (date);
}

static void
icc_event_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  IccEvent *self = ICC_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_DATE:
      g_value_set_boxed (value, &self->date);
      break;

    case PROP_END_DATE:
      g_value_set_boxed (value, icc_date_is_set (&self->end_date) ? &self->end_date : NULL);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_CERTAINTY:
      g_value_set_enum (value, self->certainty);
      break;

    case PROP_CERTAINTY_NOTE:
      g_value_set_string (value, self->certainty_note);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_event_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  IccEvent *self = ICC_EVENT (object);
  const IccDate *date;

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    case PROP_DATE:
      date = g_value_get_boxed (value);
      if (date != NULL)
        store_date (self, date);
      break;

    case PROP_END_DATE:
      icc_event_set_end_date (self, g_value_get_boxed (value));
      break;

    case PROP_TITLE:
      icc_event_set_title (self, g_value_get_string (value));
      break;

    case PROP_SUMMARY:
      icc_event_set_summary (self, g_value_get_string (value));
      break;

    case PROP_CERTAINTY:
      icc_event_set_certainty (self, g_value_get_enum (value));
      break;

    case PROP_CERTAINTY_NOTE:
      icc_event_set_certainty_note (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_event_class_init (IccEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = icc_event_dispose;
  object_class->finalize = icc_event_finalize;
  object_class->get_property = icc_event_get_property;
  object_class->set_property = icc_event_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, ICC_TYPE_EVENT_KIND, ICC_EVENT_KIND_OTHER,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL, ICC_TYPE_DATE,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_END_DATE] =
    g_param_spec_boxed ("end-date", NULL, NULL, ICC_TYPE_DATE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_CERTAINTY] =
    g_param_spec_enum ("certainty", NULL, NULL, ICC_TYPE_CERTAINTY, ICC_CERTAINTY_CONFIRMED,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_CERTAINTY_NOTE] =
    g_param_spec_string ("certainty-note", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
icc_event_init (IccEvent *self)
{
}

IccEvent *
icc_event_new (const char    *id,
               IccEventKind   kind,
               const IccDate *date)
{
  IccEvent *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (icc_date_is_set (date), NULL);

  /* As the construct-only properties would, without looking them up by
   * name and copying their values through GValues: a large file makes
   * 100,000 events. */
  self = g_object_new (ICC_TYPE_EVENT, NULL);
  self->id = g_strdup (id);
  self->kind = kind;
  store_date (self, date);

  return self;
}

const char *
icc_event_get_id (IccEvent *self)
{
  g_return_val_if_fail (ICC_IS_EVENT (self), NULL);
  return self->id;
}

IccEventKind
icc_event_get_kind (IccEvent *self)
{
  g_return_val_if_fail (ICC_IS_EVENT (self), ICC_EVENT_KIND_OTHER);
  return self->kind;
}

IccLane
icc_event_get_lane (IccEvent *self)
{
  g_return_val_if_fail (ICC_IS_EVENT (self), ICC_LANE_POLITICS);
  return icc_event_kind_get_lane (self->kind);
}

void
icc_event_set_kind (IccEvent     *self,
                    IccEventKind  kind)
{
  g_return_if_fail (ICC_IS_EVENT (self));
  g_return_if_fail ((guint)kind < ICC_N_EVENT_KINDS);

  if (self->kind != kind)
    {
      self->kind = kind;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
    }
}

const IccDate *
icc_event_get_date (IccEvent *self)
{
  g_return_val_if_fail (ICC_IS_EVENT (self), NULL);
  return &self->date;
}

void
icc_event_set_date (IccEvent      *self,
                    const IccDate *date)
{
  g_return_if_fail (ICC_IS_EVENT (self));
  g_return_if_fail (icc_date_is_set (date));

  if (icc_date_equal (&self->date, date))
    return;

  store_date (self, date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

const IccDate *
icc_event_get_end_date (IccEvent *self)
{
  g_return_val_if_fail (ICC_IS_EVENT (self), NULL);
  return &self->end_date;
}

void
icc_event_set_end_date (IccEvent      *self,
                        const IccDate *end_date)
{
  IccDate unset = { 0 };

  g_return_if_fail (ICC_IS_EVENT (self));

  if (end_date == NULL)
    end_date = &unset;

  if (icc_date_equal (&self->end_date, end_date))
    return;

  self->end_date = *end_date;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END_DATE]);
}

gint32
icc_event_get_day (IccEvent *self)
{
  g_return_val_if_fail (ICC_IS_EVENT (self), 0);
  return self->day;
}

gint32
icc_event_get_end_day (IccEvent *self)
{
  g_return_val_if_fail (ICC_IS_EVENT (self), 0);

  if (icc_date_is_set (&self->end_date))
    return icc_date_get_end_day (&self->end_date);

  return icc_date_get_end_day (&self->date);
}

const char *
icc_event_get_title (IccEvent *self)
{
  g_return_val_if_fail (ICC_IS_EVENT (self), NULL);
  return self->title != NULL ? self->title : "";
}

void
icc_event_set_title (IccEvent   *self,
                     const char *title)
{
  g_return_if_fail (ICC_IS_EVENT (self));

  if (g_strcmp0 (title, self->title) != 0)
    {
      g_free (self->title);
      self->title = g_strdup (title);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
}

const char *
icc_event_get_summary (IccEvent *self)
{
  g_return_val_if_fail (ICC_IS_EVENT (self), NULL);
  return self->summary;
}

void
icc_event_set_summary (IccEvent   *self,
                       const char *summary)
{
  g_return_if_fail (ICC_IS_EVENT (self));

  if (g_strcmp0 (summary, self->summary) != 0)
    {
      g_free (self->summary);
      self->summary = g_strdup (summary);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
    }
}

const char * const *
icc_event_get_states (IccEvent *self)
{
  static const char * const empty[] = { NULL };

  g_return_val_if_fail (ICC_IS_EVENT (self), empty);
  return self->states != NULL ? (const char * const *)self->states : empty;
}

void
icc_event_set_states (IccEvent           *self,
                      const char * const *states)
{
  g_return_if_fail (ICC_IS_EVENT (self));

  g_strfreev (self->states);
  self->states = g_strdupv ((char **)states);
}

gboolean
icc_event_involves_state (IccEvent   *self,
                          const char *code)
{
  g_return_val_if_fail (ICC_IS_EVENT (self), FALSE);

  return self->states != NULL && code != NULL &&
         g_strv_contains ((const char * const *)self->states, code);
}

const char * const *
icc_event_get_sources (IccEvent *self)
{
  static const char * const empty[] = { NULL };

  g_return_val_if_fail (ICC_IS_EVENT (self), empty);
  return self->sources != NULL ? (const char * const *)self->sources : empty;
}

void
icc_event_set_sources (IccEvent           *self,
                       const char * const *sources)
{
  g_return_if_fail (ICC_IS_EVENT (self));

  g_strfreev (self->sources);
  self->sources = g_strdupv ((char **)sources);
}

IccCertainty
icc_event_get_certainty (IccEvent *self)
{
  g_return_val_if_fail (ICC_IS_EVENT (self), ICC_CERTAINTY_CONFIRMED);
  return self->certainty;
}

void
icc_event_set_certainty (IccEvent     *self,
                         IccCertainty  certainty)
{
  g_return_if_fail (ICC_IS_EVENT (self));

  if (self->certainty != certainty)
    {
      self->certainty = certainty;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CERTAINTY]);
    }
}

const char *
icc_event_get_certainty_note (IccEvent *self)
{
  g_return_val_if_fail (ICC_IS_EVENT (self), NULL);
  return self->certainty_note;
}

void
icc_event_set_certainty_note (IccEvent   *self,
                              const char *note)
{
  g_return_if_fail (ICC_IS_EVENT (self));

  if (g_strcmp0 (note, self->certainty_note) != 0)
    {
      g_free (self->certainty_note);
      self->certainty_note = g_strdup (note);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CERTAINTY_NOTE]);
    }
}

/* Most events cite nothing: their list is made when first asked for. */
static GListStore *
ensure_citations (IccEvent *self)
{
  if (self->citations == NULL)
    self->citations = g_list_store_new (ICC_TYPE_CITATION);

  return self->citations;
}

GListModel *
icc_event_get_citations (IccEvent *self)
{
  g_return_val_if_fail (ICC_IS_EVENT (self), NULL);
  return G_LIST_MODEL (ensure_citations (self));
}

/**
 * icc_event_get_preferred_citation:
 * @self: an event
 * @open_article: (nullable): the article already open, if any
 *
 * The one rule for which of an event's citations is shown when the event is
 * selected (DESIGN §2), used by the reader, the event panel and the
 * presentation: a citation anchored in @open_article (so the reader does not
 * jump away from what the user reads), else the first anchored citation,
 * else the first whose article exists (an orphan, listed apart), else none;
 * a reader's comment (icc_citation_get_comment()) comes only when the event
 * has nothing else (issue 16: a comment is never shown as the source).
 *
 * Returns: (transfer none) (nullable): the citation
 */
IccCitation *
icc_event_get_preferred_citation (IccEvent   *self,
                                  IccArticle *open_article)
{
  GListModel *citations;
  IccCitation *first = NULL;
  IccCitation *first_anchored = NULL;
  IccCitation *first_comment = NULL;
  guint n;

  g_return_val_if_fail (ICC_IS_EVENT (self), NULL);

  if (self->citations == NULL)
    return NULL;

  citations = G_LIST_MODEL (self->citations);
  n = g_list_model_get_n_items (citations);
  for (guint i = 0; i < n; i++)
    {
      /* The store keeps a reference: the pointer outlives this one. */
      g_autoptr(IccCitation) citation = g_list_model_get_item (citations, i);
      IccArticle *article = icc_citation_get_article (citation);

      if (article == NULL)
        continue;
      if (icc_citation_get_comment (citation))
        {
          if (first_comment == NULL ||
              (!icc_citation_is_anchored (first_comment) && icc_citation_is_anchored (citation)))
            first_comment = citation;
          continue;
        }
      if (first == NULL)
        first = citation;
      if (!icc_citation_is_anchored (citation))
        continue;
      if (open_article != NULL && article == open_article)
        return citation;
      if (first_anchored == NULL)
        first_anchored = citation;
    }

  if (first_anchored != NULL)
    return first_anchored;

  return first != NULL ? first : first_comment;
}

guint
icc_event_get_n_citations (IccEvent *self)
{
  g_return_val_if_fail (ICC_IS_EVENT (self), 0);

  if (self->citations == NULL)
    return 0;

  return g_list_model_get_n_items (G_LIST_MODEL (self->citations));
}

void
icc_event_add_citation (IccEvent    *self,
                        IccCitation *citation)
{
  g_return_if_fail (ICC_IS_EVENT (self));
  g_return_if_fail (ICC_IS_CITATION (citation));
  g_return_if_fail (icc_citation_get_event (citation) == NULL);

  _icc_citation_set_event (citation, self);
  g_list_store_append (ensure_citations (self), citation);
}

void
icc_event_insert_citation (IccEvent    *self,
                           guint        position,
                           IccCitation *citation)
{
  GListStore *citations;

  g_return_if_fail (ICC_IS_EVENT (self));
  g_return_if_fail (ICC_IS_CITATION (citation));
  g_return_if_fail (icc_citation_get_event (citation) == NULL);

  citations = ensure_citations (self);
  g_return_if_fail (position <= g_list_model_get_n_items (G_LIST_MODEL (citations)));

  _icc_citation_set_event (citation, self);
  g_list_store_insert (citations, position, citation);
}

int
icc_event_remove_citation (IccEvent    *self,
                           IccCitation *citation)
{
  guint position;

  g_return_val_if_fail (ICC_IS_EVENT (self), -1);
  g_return_val_if_fail (ICC_IS_CITATION (citation), -1);

  if (self->citations == NULL ||
      !g_list_store_find (self->citations, citation, &position))
    return -1;

  _icc_citation_set_event (citation, NULL);
  g_list_store_remove (self->citations, position);

  return (int)position;
}

void
icc_event_copy_fields (IccEvent *self,
                       IccEvent *source)
{
  g_return_if_fail (ICC_IS_EVENT (self));
  g_return_if_fail (ICC_IS_EVENT (source));

  if (self == source)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  icc_event_set_kind (self, source->kind);
  icc_event_set_date (self, &source->date);
  icc_event_set_end_date (self, &source->end_date);
  icc_event_set_title (self, source->title);
  icc_event_set_summary (self, source->summary);
  icc_event_set_states (self, (const char * const *)source->states);
  icc_event_set_sources (self, (const char * const *)source->sources);
  icc_event_set_certainty (self, source->certainty);
  icc_event_set_certainty_note (self, source->certainty_note);
  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
strv_equal0 (char **a,
             char **b)
{
  static char *empty[] = { NULL };

  return g_strv_equal ((const char * const *)(a != NULL ? a : empty),
                       (const char * const *)(b != NULL ? b : empty));
}

gboolean
icc_event_fields_equal (IccEvent *a,
                        IccEvent *b)
{
  g_return_val_if_fail (ICC_IS_EVENT (a), FALSE);
  g_return_val_if_fail (ICC_IS_EVENT (b), FALSE);

  return a->kind == b->kind &&
         icc_date_equal (&a->date, &b->date) &&
         icc_date_equal (&a->end_date, &b->end_date) &&
         g_strcmp0 (a->title, b->title) == 0 &&
         g_strcmp0 (a->summary, b->summary) == 0 &&
         strv_equal0 (a->states, b->states) &&
         strv_equal0 (a->sources, b->sources) &&
         a->certainty == b->certainty &&
         g_strcmp0 (a->certainty_note, b->certainty_note) == 0;
}

JsonObject *
icc_event_get_extra (IccEvent *self)
{
  g_return_val_if_fail (ICC_IS_EVENT (self), NULL);
  return self->extra;
}

void
icc_event_set_extra (IccEvent   *self,
                     JsonObject *extra)
{
  g_return_if_fail (ICC_IS_EVENT (self));

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}

int
icc_event_compare (IccEvent *a,
                   IccEvent *b)
{
  int cmp;

  if (a->day != b->day)
    return a->day < b->day ? -1 : 1;

  cmp = icc_date_compare (&a->date, &b->date);
  if (cmp != 0)
    return cmp;

  /* Same date: the kinds' enum order is the order membership events happen
   * in on one day (a ratification before an entry into force). */
  if (a->kind != b->kind)
    return a->kind < b->kind ? -1 : 1;

  return g_strcmp0 (a->id, b->id);
}
