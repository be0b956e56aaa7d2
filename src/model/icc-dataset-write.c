/* icc-dataset-write.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "icc-dataset-json.h"
#include "icc-dataset-json-private.h"
#include "icc-enum-util.h"
#include "icc-enums.h"
#include "icc-file-replace.h"
#include "icc-json-writer.h"

/* Saving */

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

/* For required fields: written even when unset, so the file stays valid. */
static void
add_required_string (JsonBuilder *builder,
                     const char  *name,
                     const char  *value)
{
  add_string (builder, name, value != NULL ? value : "");
}

static void
add_date (JsonBuilder   *builder,
          const char    *name,
          const IccDate *date)
{
  g_autofree char *iso = NULL;

  if (!icc_date_is_set (date))
    return;

  iso = icc_date_to_iso (date);
  add_string (builder, name, iso);
}

static void
add_strv (JsonBuilder        *builder,
          const char         *name,
          const char * const *strv)
{
  if (strv == NULL || strv[0] == NULL)
    return;

  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
}

static void
add_extra (JsonBuilder        *builder,
           JsonObject         *extra,
           const char * const *known)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (extra == NULL)
    return;

  json_object_iter_init_ordered (&iter, extra);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      /* A known field in the extras would be written twice. */
      if (g_strv_contains (known, name))
        continue;

      json_builder_set_member_name (builder, name);
      json_builder_add_value (builder, json_node_copy (member));
    }
}

static void
build_article (JsonBuilder *builder,
               IccArticle  *article)
{
  json_builder_begin_object (builder);
  add_required_string (builder, "id", icc_article_get_id (article));
  add_required_string (builder, "title", icc_article_get_title (article));
  add_string (builder, "outlet", icc_article_get_outlet (article));
  add_string (builder, "author", icc_article_get_author (article));
  add_string (builder, "url", icc_article_get_url (article));
  add_date (builder, "date", icc_article_get_date (article));
  add_required_string (builder, "text", icc_article_get_text (article));
  add_string (builder, "edit_note", icc_article_get_edit_note (article));
  add_extra (builder, icc_article_get_extra (article), loader_article_fields);
  json_builder_end_object (builder);
}

static void
build_state (JsonBuilder *builder,
             IccState    *state)
{
  json_builder_begin_object (builder);
  add_required_string (builder, "code", icc_state_get_code (state));
  add_required_string (builder, "name", icc_state_get_name (state));
  add_string (builder, "group", icc_state_get_group (state));
  add_extra (builder, icc_state_get_extra (state), loader_state_fields);
  json_builder_end_object (builder);
}

static void
build_citation (JsonBuilder *builder,
                IccCitation *citation)
{
  IccStance stance = icc_citation_get_stance (citation);
  int start = icc_citation_get_hint_start (citation);
  int end = icc_citation_get_hint_end (citation);

  json_builder_begin_object (builder);
  add_required_string (builder, "article", icc_citation_get_article_id (citation));
  add_required_string (builder, "quote", icc_citation_get_quote (citation));
  add_string (builder, "prefix", icc_citation_get_prefix (citation));
  add_string (builder, "suffix", icc_citation_get_suffix (citation));
  if (start >= 0)
    {
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, start);
    }
  if (end >= 0)
    {
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, end);
    }
  if (stance != ICC_STANCE_REPORTS)
    add_string (builder, "stance", icc_enum_to_nick (ICC_TYPE_STANCE, stance));
  add_string (builder, "note", icc_citation_get_note (citation));
  if (icc_citation_get_comment (citation))
    add_string (builder, "part", "comment");
  add_extra (builder, icc_citation_get_extra (citation), loader_citation_fields);
  json_builder_end_object (builder);
}

static void
build_event (JsonBuilder *builder,
             IccEvent    *event)
{
  IccCertainty certainty = icc_event_get_certainty (event);
  guint n_citations = icc_event_get_n_citations (event);

  json_builder_begin_object (builder);
  add_required_string (builder, "id", icc_event_get_id (event));
  add_date (builder, "date", icc_event_get_date (event));
  add_date (builder, "end_date", icc_event_get_end_date (event));
  add_string (builder, "kind", icc_enum_to_nick (ICC_TYPE_EVENT_KIND, icc_event_get_kind (event)));
  add_strv (builder, "states", icc_event_get_states (event));
  add_required_string (builder, "title", icc_event_get_title (event));
  add_string (builder, "summary", icc_event_get_summary (event));
  if (certainty != ICC_CERTAINTY_CONFIRMED)
    add_string (builder, "certainty", icc_enum_to_nick (ICC_TYPE_CERTAINTY, certainty));
  add_string (builder, "certainty_note", icc_event_get_certainty_note (event));
  add_strv (builder, "sources", icc_event_get_sources (event));

  if (n_citations > 0)
    {
      json_builder_set_member_name (builder, "citations");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n_citations; i++)
        {
          g_autoptr(IccCitation) citation =
            g_list_model_get_item (icc_event_get_citations (event), i);

          build_citation (builder, citation);
        }
      json_builder_end_array (builder);
    }

  add_extra (builder, icc_event_get_extra (event), loader_event_fields);
  json_builder_end_object (builder);
}

static void
build_era (JsonBuilder *builder,
           IccEra      *era)
{
  json_builder_begin_object (builder);
  add_required_string (builder, "id", icc_era_get_id (era));
  add_required_string (builder, "title", icc_era_get_title (era));
  add_date (builder, "start", icc_era_get_start (era));
  add_date (builder, "end", icc_era_get_end (era));
  add_string (builder, "summary", icc_era_get_summary (era));
  add_extra (builder, icc_era_get_extra (era), loader_era_fields);
  json_builder_end_object (builder);
}

static void
build_tour (JsonBuilder *builder,
            IccTour     *tour)
{
  GPtrArray *step_extras = loader_tour_get_step_extras (tour);
  guint n_steps = icc_tour_get_n_steps (tour);

  json_builder_begin_object (builder);
  add_required_string (builder, "id", icc_tour_get_id (tour));
  add_required_string (builder, "title", icc_tour_get_title (tour));
  add_string (builder, "description", icc_tour_get_description (tour));

  json_builder_set_member_name (builder, "steps");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_steps; i++)
    {
      json_builder_begin_object (builder);
      add_required_string (builder, "event", icc_tour_get_step_event (tour, i));
      add_string (builder, "title", icc_tour_get_step_title (tour, i));
      add_string (builder, "note", icc_tour_get_step_note (tour, i));
      if (icc_tour_get_step_view (tour, i) == ICC_TOUR_VIEW_MAP)
        add_string (builder, "view", "map");
      if (step_extras != NULL && i < step_extras->len)
        add_extra (builder, g_ptr_array_index (step_extras, i), loader_step_fields);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_extra (builder, icc_tour_get_extra (tour), loader_tour_fields);
  json_builder_end_object (builder);
}

typedef void (*BuildItemFunc) (JsonBuilder *builder,
                               gpointer     item);

static void
build_list (JsonBuilder   *builder,
            const char    *name,
            GListModel    *model,
            gboolean       required,
            BuildItemFunc  build_item)
{
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;

  if (n == 0 && !required)
    return;

  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      build_item (builder, item);
    }
  json_builder_end_array (builder);
}

/**
 * icc_dataset_to_json:
 * @self: a dataset
 *
 * The dataset as the JSON tree a file holds, on the thread that owns the
 * dataset. The tree shares nothing with the dataset: it can be serialized
 * with icc_dataset_json_to_data() on another thread while the dataset
 * changes.
 *
 * Returns: (transfer full): the root object
 */
JsonNode *
icc_dataset_to_json (IccDataset *self)
{
  g_autoptr(JsonBuilder) builder = NULL;

  g_return_val_if_fail (ICC_IS_DATASET (self), NULL);

  builder = json_builder_new ();
  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, ICC_DATASET_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, ICC_DATASET_VERSION);
  add_required_string (builder, "title", icc_dataset_get_title (self));
  add_string (builder, "description", icc_dataset_get_description (self));

  build_list (builder, "articles", icc_dataset_get_articles (self), FALSE,
              (BuildItemFunc)build_article);
  build_list (builder, "states", icc_dataset_get_states (self), TRUE,
              (BuildItemFunc)build_state);
  build_list (builder, "events", icc_dataset_get_events (self), TRUE,
              (BuildItemFunc)build_event);
  build_list (builder, "eras", icc_dataset_get_eras (self), FALSE,
              (BuildItemFunc)build_era);
  build_list (builder, "tours", icc_dataset_get_tours (self), FALSE,
              (BuildItemFunc)build_tour);

  add_extra (builder, icc_dataset_get_extra (self), loader_dataset_fields);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* The file's bytes for a tree icc_dataset_to_json() made; any thread. */
char *
icc_dataset_json_to_data (JsonNode *root,
                          gsize    *length)
{
  g_autofree char *json = NULL;
  gsize json_length = 0;
  char *data;

  g_return_val_if_fail (root != NULL, NULL);

  json = icc_json_write_pretty (root, &json_length);

  /* End the file with a newline, as text files do. */
  data = g_malloc (json_length + 2);
  memcpy (data, json, json_length);
  data[json_length] = '\n';
  data[json_length + 1] = '\0';

  if (length != NULL)
    *length = json_length + 1;

  return data;
}

char *
icc_dataset_to_data (IccDataset *self,
                     gsize      *length)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (ICC_IS_DATASET (self), NULL);

  root = icc_dataset_to_json (self);

  return icc_dataset_json_to_data (root, length);
}

/* Atomic through symbolic and hard links, keeping permissions, and without
 * leaving temporary files behind: see icc-file-replace.h. */
static gboolean
replace_contents (GFile         *file,
                  const char    *data,
                  gsize          length,
                  GCancellable  *cancellable,
                  GError       **error)
{
  return icc_file_replace_contents (file, data, length, cancellable, error);
}

/**
 * icc_dataset_write_data:
 * @data: a dataset as icc_dataset_to_data() made it
 * @file: where to write it
 *
 * Writes @data to @file atomically. It touches no dataset, so it can run on
 * a worker thread while the dataset stays with the thread that owns it
 * (which serializes first, and records the file when this succeeds).
 */
gboolean
icc_dataset_write_data (GBytes        *data,
                        GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *bytes;
  gsize length;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = g_bytes_get_data (data, &length);

  /* Written to a temporary file in the same folder, then renamed over the
   * target: an error leaves the old file as it was. */
  if (!replace_contents (file, bytes, length, cancellable, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        {
          g_autofree char *name = g_file_get_parse_name (file);

          /* Translators: the first %s is a file name, the second why it could not be written. */
          g_set_error (error, ICC_DATASET_ERROR, ICC_DATASET_ERROR_IO,
                       _("Could not save “%s”: %s"), name, local_error->message);
        }
      return FALSE;
    }

  return TRUE;
}

gboolean
icc_dataset_save_file (IccDataset    *self,
                       GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GBytes) data = NULL;
  char *text;
  gsize length;

  g_return_val_if_fail (ICC_IS_DATASET (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  text = icc_dataset_to_data (self, &length);
  data = g_bytes_new_take (text, length);

  if (!icc_dataset_write_data (data, file, cancellable, error))
    return FALSE;

  icc_dataset_set_file (self, file);

  return TRUE;
}
