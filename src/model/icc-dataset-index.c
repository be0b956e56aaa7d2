/* icc-dataset-index.c
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
#include "icc-dataset-private.h"
#include "icc-enum-util.h"

/* The index of a dataset, built by icc_dataset_index(): events sorted, each
 * state's membership events replayed through the transition table, the days
 * on which a status changes, and every citation anchored in its article. */

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

static void
add_article_citation (IccDataset  *self,
                      IccArticle  *article,
                      IccCitation *citation)
{
  GPtrArray *list = g_hash_table_lookup (self->article_citations, article);

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (self->article_citations, article, list);
    }
  g_ptr_array_add (list, citation);
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
      int start, end;

      /* Anchored before in the same article (re-indexing after an edit):
       * neither the text nor the quote can have changed. */
      if (article != NULL && icc_citation_get_article (citation) == article &&
          icc_citation_is_anchored (citation))
        {
          add_article_citation (self, article, citation);
          continue;
        }

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

      add_article_citation (self, article, citation);
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

  _icc_dataset_emit_indexed (self);

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
