/* icc-dataset.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "icc-anchor.h"
#include "icc-array-model.h"
#include "icc-dataset.h"
#include "icc-enum-util.h"

/* Where a state is while its events are replayed. */
typedef struct
{
  IccStatus status;
  IccStatus before_ratification;
} Walk;

struct _IccDataset
{
  GObject      parent_instance;

  char        *title;
  char        *description;
  GFile       *file;
  JsonObject  *extra;

  GListStore  *articles;
  GListStore  *states;
  IccArrayModel *events;             /* sorted by icc_dataset_index() */
  GListStore  *eras;
  GListStore  *tours;

  GHashTable  *article_by_id;
  GHashTable  *state_by_code;
  GHashTable  *event_by_id;
  GHashTable  *tour_by_id;

  /* Built by icc_dataset_index(). */
  GPtrArray   *sorted_events;        /* IccEvent, not owned */
  GHashTable  *transitions;          /* IccState -> GArray of IccTransition */
  GHashTable  *state_events;         /* IccState -> GPtrArray of IccEvent */
  GHashTable  *article_citations;    /* IccArticle -> GPtrArray of IccCitation */
  GArray      *change_days;
};

G_DEFINE_FINAL_TYPE (IccDataset, icc_dataset, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_FILE,
  N_PROPS
};

enum {
  INDEXED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
icc_dataset_dispose (GObject *object)
{
  IccDataset *self = (IccDataset *)object;

  g_clear_pointer (&self->transitions, g_hash_table_unref);
  g_clear_pointer (&self->state_events, g_hash_table_unref);
  g_clear_pointer (&self->article_citations, g_hash_table_unref);
  g_clear_pointer (&self->sorted_events, g_ptr_array_unref);
  g_clear_pointer (&self->change_days, g_array_unref);
  g_clear_pointer (&self->article_by_id, g_hash_table_unref);
  g_clear_pointer (&self->state_by_code, g_hash_table_unref);
  g_clear_pointer (&self->event_by_id, g_hash_table_unref);
  g_clear_pointer (&self->tour_by_id, g_hash_table_unref);
  g_clear_object (&self->articles);
  g_clear_object (&self->states);
  g_clear_object (&self->events);
  g_clear_object (&self->eras);
  g_clear_object (&self->tours);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (icc_dataset_parent_class)->dispose (object);
}

static void
icc_dataset_finalize (GObject *object)
{
  IccDataset *self = (IccDataset *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (icc_dataset_parent_class)->finalize (object);
}

static void
icc_dataset_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  IccDataset *self = ICC_DATASET (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_dataset_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  IccDataset *self = ICC_DATASET (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      icc_dataset_set_title (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      icc_dataset_set_description (self, g_value_get_string (value));
      break;

    case PROP_FILE:
      icc_dataset_set_file (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_dataset_class_init (IccDatasetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = icc_dataset_dispose;
  object_class->finalize = icc_dataset_finalize;
  object_class->get_property = icc_dataset_get_property;
  object_class->set_property = icc_dataset_set_property;

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted after icc_dataset_index() rebuilt the indexes. */
  signals [INDEXED] =
    g_signal_new ("indexed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
icc_dataset_init (IccDataset *self)
{
  self->articles = g_list_store_new (ICC_TYPE_ARTICLE);
  self->states = g_list_store_new (ICC_TYPE_STATE);
  self->events = icc_array_model_new (ICC_TYPE_EVENT);
  self->eras = g_list_store_new (ICC_TYPE_ERA);
  self->tours = g_list_store_new (ICC_TYPE_TOUR);

  self->article_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->state_by_code = g_hash_table_new (g_str_hash, g_str_equal);
  self->event_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->tour_by_id = g_hash_table_new (g_str_hash, g_str_equal);

  self->sorted_events = g_ptr_array_new ();
  self->transitions = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_array_unref);
  self->state_events = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
  self->article_citations = g_hash_table_new_full (NULL, NULL, NULL,
                                                   (GDestroyNotify)g_ptr_array_unref);
  self->change_days = g_array_new (FALSE, FALSE, sizeof (gint32));
}

IccDataset *
icc_dataset_new (void)
{
  return g_object_new (ICC_TYPE_DATASET, NULL);
}

const char *
icc_dataset_get_title (IccDataset *self)
{
  g_return_val_if_fail (ICC_IS_DATASET (self), NULL);
  return self->title != NULL ? self->title : "";
}

void
icc_dataset_set_title (IccDataset *self,
                       const char *title)
{
  g_return_if_fail (ICC_IS_DATASET (self));

  if (g_strcmp0 (title, self->title) != 0)
    {
      g_free (self->title);
      self->title = g_strdup (title);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
}

const char *
icc_dataset_get_description (IccDataset *self)
{
  g_return_val_if_fail (ICC_IS_DATASET (self), NULL);
  return self->description;
}

void
icc_dataset_set_description (IccDataset *self,
                             const char *description)
{
  g_return_if_fail (ICC_IS_DATASET (self));

  if (g_strcmp0 (description, self->description) != 0)
    {
      g_free (self->description);
      self->description = g_strdup (description);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
    }
}

GFile *
icc_dataset_get_file (IccDataset *self)
{
  g_return_val_if_fail (ICC_IS_DATASET (self), NULL);
  return self->file;
}

void
icc_dataset_set_file (IccDataset *self,
                      GFile      *file)
{
  g_return_if_fail (ICC_IS_DATASET (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

GListModel *
icc_dataset_get_articles (IccDataset *self)
{
  g_return_val_if_fail (ICC_IS_DATASET (self), NULL);
  return G_LIST_MODEL (self->articles);
}

GListModel *
icc_dataset_get_states (IccDataset *self)
{
  g_return_val_if_fail (ICC_IS_DATASET (self), NULL);
  return G_LIST_MODEL (self->states);
}

GListModel *
icc_dataset_get_events (IccDataset *self)
{
  g_return_val_if_fail (ICC_IS_DATASET (self), NULL);
  return G_LIST_MODEL (self->events);
}

GListModel *
icc_dataset_get_eras (IccDataset *self)
{
  g_return_val_if_fail (ICC_IS_DATASET (self), NULL);
  return G_LIST_MODEL (self->eras);
}

GListModel *
icc_dataset_get_tours (IccDataset *self)
{
  g_return_val_if_fail (ICC_IS_DATASET (self), NULL);
  return G_LIST_MODEL (self->tours);
}

IccArticle *
icc_dataset_lookup_article (IccDataset *self,
                            const char *id)
{
  g_return_val_if_fail (ICC_IS_DATASET (self), NULL);
  return id != NULL ? g_hash_table_lookup (self->article_by_id, id) : NULL;
}

IccState *
icc_dataset_lookup_state (IccDataset *self,
                          const char *code)
{
  g_return_val_if_fail (ICC_IS_DATASET (self), NULL);
  return code != NULL ? g_hash_table_lookup (self->state_by_code, code) : NULL;
}

IccEvent *
icc_dataset_lookup_event (IccDataset *self,
                          const char *id)
{
  g_return_val_if_fail (ICC_IS_DATASET (self), NULL);
  return id != NULL ? g_hash_table_lookup (self->event_by_id, id) : NULL;
}

IccTour *
icc_dataset_lookup_tour (IccDataset *self,
                         const char *id)
{
  g_return_val_if_fail (ICC_IS_DATASET (self), NULL);
  return id != NULL ? g_hash_table_lookup (self->tour_by_id, id) : NULL;
}

gboolean
icc_dataset_add_article (IccDataset *self,
                         IccArticle *article)
{
  const char *id;

  g_return_val_if_fail (ICC_IS_DATASET (self), FALSE);
  g_return_val_if_fail (ICC_IS_ARTICLE (article), FALSE);

  id = icc_article_get_id (article);
  if (g_hash_table_contains (self->article_by_id, id))
    return FALSE;

  g_hash_table_insert (self->article_by_id, (char *)id, article);
  g_list_store_append (self->articles, article);

  return TRUE;
}

gboolean
icc_dataset_add_state (IccDataset *self,
                       IccState   *state)
{
  const char *code;

  g_return_val_if_fail (ICC_IS_DATASET (self), FALSE);
  g_return_val_if_fail (ICC_IS_STATE (state), FALSE);

  code = icc_state_get_code (state);
  if (g_hash_table_contains (self->state_by_code, code))
    return FALSE;

  g_hash_table_insert (self->state_by_code, (char *)code, state);
  g_list_store_append (self->states, state);

  return TRUE;
}

gboolean
icc_dataset_add_event (IccDataset *self,
                       IccEvent   *event)
{
  const char *id;

  g_return_val_if_fail (ICC_IS_DATASET (self), FALSE);
  g_return_val_if_fail (ICC_IS_EVENT (event), FALSE);

  id = icc_event_get_id (event);
  if (g_hash_table_contains (self->event_by_id, id))
    return FALSE;

  g_hash_table_insert (self->event_by_id, (char *)id, event);
  icc_array_model_append (self->events, event);

  return TRUE;
}

void
icc_dataset_add_era (IccDataset *self,
                     IccEra     *era)
{
  g_return_if_fail (ICC_IS_DATASET (self));
  g_return_if_fail (ICC_IS_ERA (era));

  g_list_store_append (self->eras, era);
}

gboolean
icc_dataset_add_tour (IccDataset *self,
                      IccTour    *tour)
{
  const char *id;

  g_return_val_if_fail (ICC_IS_DATASET (self), FALSE);
  g_return_val_if_fail (ICC_IS_TOUR (tour), FALSE);

  id = icc_tour_get_id (tour);
  if (g_hash_table_contains (self->tour_by_id, id))
    return FALSE;

  g_hash_table_insert (self->tour_by_id, (char *)id, tour);
  g_list_store_append (self->tours, tour);

  return TRUE;
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  return icc_event_compare (*(IccEvent **)a, *(IccEvent **)b);
}

static int
compare_citations (gconstpointer a,
                   gconstpointer b)
{
  IccCitation *ca = *(IccCitation **)a;
  IccCitation *cb = *(IccCitation **)b;
  int sa = G_MAXINT, sb = G_MAXINT;

  icc_citation_get_anchor (ca, &sa, NULL);
  icc_citation_get_anchor (cb, &sb, NULL);
  if (sa < 0)
    sa = G_MAXINT;
  if (sb < 0)
    sb = G_MAXINT;

  return (sa > sb) - (sa < sb);
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  gint32 da = *(const gint32 *)a;
  gint32 db = *(const gint32 *)b;

  return (da > db) - (da < db);
}

static void
sort_events (IccDataset *self)
{
  gpointer const *events;
  guint n;

  icc_array_model_sort (self->events, compare_events);

  events = icc_array_model_get_items (self->events, &n);
  g_ptr_array_set_size (self->sorted_events, 0);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->sorted_events, events[i]);
}

static void
report (IccDatasetReportFunc  func,
        gpointer              user_data,
        IccEvent             *event,
        IccCitation          *citation,
        gboolean              is_error,
        const char           *message)
{
  if (func != NULL)
    func (event, citation, is_error, message, user_data);
}

static gboolean
replay_membership (IccDataset           *self,
                   IccEvent             *event,
                   IccState             *state,
                   GHashTable           *walks,
                   IccDatasetReportFunc  func,
                   gpointer              user_data)
{
  IccEventKind kind = icc_event_get_kind (event);
  Walk *walk = g_hash_table_lookup (walks, state);
  IccTransition transition;
  GArray *transitions;
  IccStatus to;

  if (walk == NULL)
    {
      walk = g_new0 (Walk, 1);
      walk->status = ICC_STATUS_NONE;
      walk->before_ratification = ICC_STATUS_NONE;
      g_hash_table_insert (walks, state, walk);
    }

  if (!icc_status_apply (walk->status, kind, walk->before_ratification, &to))
    {
      g_autofree char *message = NULL;

      /* Translators: the first %s is an event kind ("withdrawal_notice"), the
       * second a state code ("RU"), the third a status ("signatory"). */
      message = g_strdup_printf (_("a “%s” event cannot happen to %s "
                                   "while its status is “%s”"),
                                 icc_enum_to_nick (ICC_TYPE_EVENT_KIND, kind),
                                 icc_state_get_code (state),
                                 icc_enum_to_nick (ICC_TYPE_STATUS, walk->status));
      report (func, user_data, event, NULL, TRUE, message);
      return FALSE;
    }

  if (kind == ICC_EVENT_KIND_RATIFICATION || kind == ICC_EVENT_KIND_ACCESSION)
    walk->before_ratification = walk->status;

  walk->status = to;

  transitions = g_hash_table_lookup (self->transitions, state);
  if (transitions == NULL)
    {
      transitions = g_array_new (FALSE, FALSE, sizeof (IccTransition));
      g_hash_table_insert (self->transitions, state, transitions);
    }

  transition.day = icc_event_get_day (event);
  transition.status = to;
  transition.event = event;
  g_array_append_val (transitions, transition);
  g_array_append_val (self->change_days, transition.day);

  return TRUE;
}

/* @texts: IccArticle -> IccAnchorText, each article's text prepared once
 * per indexing; @budget: what all the citations of the indexing may spend
 * (see icc-anchor.h). */
static gboolean
index_citations (IccDataset           *self,
                 IccEvent             *event,
                 GHashTable           *texts,
                 IccAnchorBudget      *budget,
                 IccDatasetReportFunc  func,
                 gpointer              user_data)
{
  guint n = icc_event_get_n_citations (event);
  GListModel *citations;
  gboolean ok = TRUE;

  if (n == 0)
    return TRUE;

  citations = icc_event_get_citations (event);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IccCitation) citation = g_list_model_get_item (citations, i);
      const char *article_id = icc_citation_get_article_id (citation);
      IccArticle *article = icc_dataset_lookup_article (self, article_id);
      IccAnchorText *text;
      GPtrArray *list;
      int start, end;

      icc_citation_clear_anchor (citation);
      icc_citation_set_article (citation, article);

      if (article == NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("cites the unknown article “%s”"), article_id);
          report (func, user_data, event, citation, TRUE, message);
          ok = FALSE;
          continue;
        }

      text = g_hash_table_lookup (texts, article);
      if (text == NULL)
        {
          text = icc_anchor_text_new (icc_article_get_text (article));
          g_hash_table_insert (texts, article, text);
        }

      if (icc_anchor_resolve_in (text, budget,
                                 icc_citation_get_quote (citation),
                                 icc_citation_get_prefix (citation),
                                 icc_citation_get_suffix (citation),
                                 icc_citation_get_hint_start (citation),
                                 icc_citation_get_hint_end (citation),
                                 &start, &end) != ICC_ANCHOR_NONE)
        icc_citation_set_anchor (citation, start, end);
      else
        {
          g_autofree char *message =
            g_strdup_printf (_("the quote cannot be found in article “%s”; "
                               "it is shown as an orphan"), article_id);
          report (func, user_data, event, citation, FALSE, message);
        }

      list = g_hash_table_lookup (self->article_citations, article);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (self->article_citations, article, list);
        }
      g_ptr_array_add (list, citation);
    }

  return ok;
}

gboolean
icc_dataset_index (IccDataset           *self,
                   IccDatasetReportFunc  report_func,
                   gpointer              user_data)
{
  g_autoptr(GHashTable) walks = NULL;
  g_autoptr(GHashTable) texts = NULL;
  IccAnchorBudget budget;
  GHashTableIter iter;
  gpointer value;
  gboolean ok = TRUE;

  g_return_val_if_fail (ICC_IS_DATASET (self), FALSE);

  g_hash_table_remove_all (self->transitions);
  g_hash_table_remove_all (self->state_events);
  g_hash_table_remove_all (self->article_citations);
  g_array_set_size (self->change_days, 0);

  sort_events (self);

  walks = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  texts = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)icc_anchor_text_free);
  icc_anchor_budget_init (&budget);

  for (guint i = 0; i < self->sorted_events->len; i++)
    {
      IccEvent *event = g_ptr_array_index (self->sorted_events, i);
      const char * const *codes = icc_event_get_states (event);
      gboolean membership = icc_event_kind_is_membership (icc_event_get_kind (event));

      if (membership && codes[0] == NULL)
        {
          report (report_func, user_data, event, NULL, TRUE,
                  _("a membership event must name at least one state"));
          ok = FALSE;
        }

      for (guint j = 0; codes[j] != NULL; j++)
        {
          IccState *state = icc_dataset_lookup_state (self, codes[j]);
          GPtrArray *events;

          if (state == NULL)
            {
              g_autofree char *message =
                g_strdup_printf (_("refers to the unknown state “%s”"), codes[j]);
              report (report_func, user_data, event, NULL, TRUE, message);
              ok = FALSE;
              continue;
            }

          events = g_hash_table_lookup (self->state_events, state);
          if (events == NULL)
            {
              events = g_ptr_array_new ();
              g_hash_table_insert (self->state_events, state, events);
            }
          g_ptr_array_add (events, event);

          if (membership && !replay_membership (self, event, state, walks,
                                                report_func, user_data))
            ok = FALSE;
        }

      if (!index_citations (self, event, texts, &budget, report_func, user_data))
        ok = FALSE;
    }

  /* Before the handlers of ::indexed run. */
  g_clear_pointer (&texts, g_hash_table_unref);

  g_hash_table_iter_init (&iter, self->article_citations);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_sort (value, compare_citations);

  /* Sort and make unique. */
  g_array_sort (self->change_days, compare_days);
  if (self->change_days->len > 0)
    {
      guint out = 1;

      for (guint i = 1; i < self->change_days->len; i++)
        {
          gint32 day = g_array_index (self->change_days, gint32, i);

          if (day != g_array_index (self->change_days, gint32, out - 1))
            g_array_index (self->change_days, gint32, out++) = day;
        }
      g_array_set_size (self->change_days, out);
    }

  g_signal_emit (self, signals[INDEXED], 0);

  return ok;
}

const IccTransition *
icc_dataset_get_transitions (IccDataset *self,
                             IccState   *state,
                             guint      *n_transitions)
{
  GArray *transitions;

  g_return_val_if_fail (ICC_IS_DATASET (self), NULL);
  g_return_val_if_fail (ICC_IS_STATE (state), NULL);

  transitions = g_hash_table_lookup (self->transitions, state);

  if (n_transitions != NULL)
    *n_transitions = transitions != NULL ? transitions->len : 0;

  return transitions != NULL ? (const IccTransition *)(gpointer)transitions->data : NULL;
}

IccStatus
icc_dataset_status_at_day (IccDataset  *self,
                           IccState    *state,
                           gint32       day,
                           IccEvent   **since)
{
  const IccTransition *transitions;
  guint n, lo, hi;

  g_return_val_if_fail (ICC_IS_DATASET (self), ICC_STATUS_NONE);
  g_return_val_if_fail (ICC_IS_STATE (state), ICC_STATUS_NONE);

  if (since != NULL)
    *since = NULL;

  transitions = icc_dataset_get_transitions (self, state, &n);

  /* lo = number of transitions on or before @day. */
  lo = 0;
  hi = n;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (transitions[mid].day <= day)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (lo == 0)
    return ICC_STATUS_NONE;

  if (since != NULL)
    *since = transitions[lo - 1].event;

  return transitions[lo - 1].status;
}

IccStatus
icc_dataset_status_at (IccDataset     *self,
                       IccState       *state,
                       const IccDate  *date,
                       IccEvent      **since)
{
  g_return_val_if_fail (date != NULL, ICC_STATUS_NONE);

  return icc_dataset_status_at_day (self, state, icc_date_get_day (date), since);
}

GPtrArray *
icc_dataset_get_state_events (IccDataset *self,
                              IccState   *state)
{
  GPtrArray *events;

  g_return_val_if_fail (ICC_IS_DATASET (self), NULL);
  g_return_val_if_fail (ICC_IS_STATE (state), NULL);

  events = g_hash_table_lookup (self->state_events, state);
  if (events == NULL)
    return g_ptr_array_new ();

  return g_ptr_array_copy (events, NULL, NULL);
}

GPtrArray *
icc_dataset_get_article_citations (IccDataset *self,
                                   IccArticle *article)
{
  GPtrArray *citations;

  g_return_val_if_fail (ICC_IS_DATASET (self), NULL);
  g_return_val_if_fail (ICC_IS_ARTICLE (article), NULL);

  citations = g_hash_table_lookup (self->article_citations, article);
  if (citations == NULL)
    return g_ptr_array_new ();

  return g_ptr_array_copy (citations, NULL, NULL);
}

GArray *
icc_dataset_get_change_days (IccDataset *self)
{
  g_return_val_if_fail (ICC_IS_DATASET (self), NULL);
  return g_array_copy (self->change_days);
}

guint
icc_dataset_find_event_at_day (IccDataset *self,
                               gint32      day)
{
  guint lo = 0, hi;

  g_return_val_if_fail (ICC_IS_DATASET (self), 0);

  hi = self->sorted_events->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (icc_event_get_day (g_ptr_array_index (self->sorted_events, mid)) < day)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

JsonObject *
icc_dataset_get_extra (IccDataset *self)
{
  g_return_val_if_fail (ICC_IS_DATASET (self), NULL);
  return self->extra;
}

void
icc_dataset_set_extra (IccDataset *self,
                       JsonObject *extra)
{
  g_return_if_fail (ICC_IS_DATASET (self));

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}
