/* icc-dataset.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "icc-array-model.h"
#include "icc-dataset.h"
#include "icc-dataset-private.h"

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

/* Articles, states and tours: a list in the file's order and an index by
 * id (code). */
static gboolean
insert_keyed (GListStore *store,
              GHashTable *by_id,
              guint       position,
              gpointer    item,
              const char *id)
{
  if (g_hash_table_contains (by_id, id))
    return FALSE;

  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (store)));
  g_hash_table_insert (by_id, (char *)id, item);
  g_list_store_insert (store, position, item);

  return TRUE;
}

static int
remove_keyed (GListStore *store,
              GHashTable *by_id,
              gpointer    item,
              const char *id)
{
  g_autoptr(GObject) hold = NULL;
  guint position;

  if (!g_list_store_find (store, item, &position))
    return -1;

  hold = g_object_ref (item);
  g_hash_table_remove (by_id, id);
  g_list_store_remove (store, position);

  return (int)position;
}

gboolean
icc_dataset_add_article (IccDataset *self,
                         IccArticle *article)
{
  g_return_val_if_fail (ICC_IS_DATASET (self), FALSE);
  g_return_val_if_fail (ICC_IS_ARTICLE (article), FALSE);

  return insert_keyed (self->articles, self->article_by_id, G_MAXUINT, article,
                       icc_article_get_id (article));
}

gboolean
icc_dataset_add_state (IccDataset *self,
                       IccState   *state)
{
  g_return_val_if_fail (ICC_IS_DATASET (self), FALSE);
  g_return_val_if_fail (ICC_IS_STATE (state), FALSE);

  return insert_keyed (self->states, self->state_by_code, G_MAXUINT, state,
                       icc_state_get_code (state));
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
  g_return_val_if_fail (ICC_IS_DATASET (self), FALSE);
  g_return_val_if_fail (ICC_IS_TOUR (tour), FALSE);

  return insert_keyed (self->tours, self->tour_by_id, G_MAXUINT, tour, icc_tour_get_id (tour));
}

/* Where @event goes in the sorted events: after every event that sorts
 * before it (binary search; the list is sorted except for @skip). */
static guint
sorted_position (IccDataset *self,
                 IccEvent   *event)
{
  gpointer const *items;
  guint lo = 0, hi;

  items = icc_array_model_get_items (self->events, &hi);
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (icc_event_compare (items[mid], event) <= 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

gboolean
icc_dataset_insert_event (IccDataset *self,
                          IccEvent   *event)
{
  const char *id;

  g_return_val_if_fail (ICC_IS_DATASET (self), FALSE);
  g_return_val_if_fail (ICC_IS_EVENT (event), FALSE);

  id = icc_event_get_id (event);
  if (g_hash_table_contains (self->event_by_id, id))
    return FALSE;

  g_hash_table_insert (self->event_by_id, (char *)id, event);
  icc_array_model_insert (self->events, sorted_position (self, event), event);

  return TRUE;
}

int
icc_dataset_remove_event (IccDataset *self,
                          IccEvent   *event)
{
  g_autoptr(IccEvent) hold = NULL;
  int position;

  g_return_val_if_fail (ICC_IS_DATASET (self), -1);
  g_return_val_if_fail (ICC_IS_EVENT (event), -1);

  position = icc_array_model_find (self->events, event);
  if (position < 0)
    return -1;

  hold = g_object_ref (event);
  g_hash_table_remove (self->event_by_id, icc_event_get_id (event));
  g_ptr_array_remove (self->sorted_events, event);
  icc_array_model_remove (self->events, position);

  return position;
}

void
icc_dataset_event_changed (IccDataset *self,
                           IccEvent   *event)
{
  g_autoptr(IccEvent) hold = NULL;
  gpointer const *items;
  int position;
  guint n;

  g_return_if_fail (ICC_IS_DATASET (self));
  g_return_if_fail (ICC_IS_EVENT (event));

  position = icc_array_model_find (self->events, event);
  g_return_if_fail (position >= 0);

  items = icc_array_model_get_items (self->events, &n);
  if ((position == 0 || icc_event_compare (items[position - 1], event) <= 0) &&
      ((guint)position + 1 == n || icc_event_compare (event, items[position + 1]) <= 0))
    {
      icc_array_model_item_changed (self->events, position);
      return;
    }

  hold = g_object_ref (event);
  icc_array_model_remove (self->events, position);
  icc_array_model_insert (self->events, sorted_position (self, event), event);
}

gboolean
icc_dataset_insert_article (IccDataset *self,
                            guint       position,
                            IccArticle *article)
{
  g_return_val_if_fail (ICC_IS_DATASET (self), FALSE);
  g_return_val_if_fail (ICC_IS_ARTICLE (article), FALSE);

  return insert_keyed (self->articles, self->article_by_id, position, article,
                       icc_article_get_id (article));
}

int
icc_dataset_remove_article (IccDataset *self,
                            IccArticle *article)
{
  g_return_val_if_fail (ICC_IS_DATASET (self), -1);
  g_return_val_if_fail (ICC_IS_ARTICLE (article), -1);

  g_hash_table_remove (self->article_citations, article);

  return remove_keyed (self->articles, self->article_by_id, article, icc_article_get_id (article));
}

void
icc_dataset_article_changed (IccDataset *self,
                             IccArticle *article)
{
  guint position;

  g_return_if_fail (ICC_IS_DATASET (self));
  g_return_if_fail (ICC_IS_ARTICLE (article));

  if (g_list_store_find (self->articles, article, &position))
    g_list_model_items_changed (G_LIST_MODEL (self->articles), position, 1, 1);
}

gboolean
icc_dataset_insert_tour (IccDataset *self,
                         guint       position,
                         IccTour    *tour)
{
  g_return_val_if_fail (ICC_IS_DATASET (self), FALSE);
  g_return_val_if_fail (ICC_IS_TOUR (tour), FALSE);

  return insert_keyed (self->tours, self->tour_by_id, position, tour, icc_tour_get_id (tour));
}

int
icc_dataset_remove_tour (IccDataset *self,
                         IccTour    *tour)
{
  g_return_val_if_fail (ICC_IS_DATASET (self), -1);
  g_return_val_if_fail (ICC_IS_TOUR (tour), -1);

  return remove_keyed (self->tours, self->tour_by_id, tour, icc_tour_get_id (tour));
}

static gboolean
id_is_taken (IccDataset *self,
             const char *id)
{
  return g_hash_table_contains (self->article_by_id, id) ||
         g_hash_table_contains (self->event_by_id, id) ||
         g_hash_table_contains (self->tour_by_id, id);
}

char *
icc_dataset_make_unique_id (IccDataset *self,
                            const char *base)
{
  g_autoptr(GString) slug = g_string_new (NULL);
  char *id;

  g_return_val_if_fail (ICC_IS_DATASET (self), NULL);

  for (const char *p = base != NULL ? base : ""; *p != '\0' && slug->len < 60; p++)
    {
      char c = g_ascii_tolower (*p);

      if (g_ascii_isalnum (c))
        g_string_append_c (slug, c);
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len == 0)
    g_string_append (slug, "item");

  if (!id_is_taken (self, slug->str))
    return g_strdup (slug->str);

  for (guint i = 2; ; i++)
    {
      id = g_strdup_printf ("%s-%u", slug->str, i);
      if (!id_is_taken (self, id))
        return id;
      g_free (id);
    }
}

void
_icc_dataset_emit_indexed (IccDataset *self)
{
  g_signal_emit (self, signals[INDEXED], 0);
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
