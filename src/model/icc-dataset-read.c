/* icc-dataset-read.c
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

/* The second pass of the loader (see icc-dataset-json.c): the model objects
 * built from a tree, every field checked on the way. */

const char * const loader_dataset_fields[] = {
  "format", "version", "title", "description",
  "articles", "states", "events", "eras", "tours", NULL
};
const char * const loader_article_fields[] = {
  "id", "title", "outlet", "author", "url", "date", "text", "edit_note", NULL
};
const char * const loader_state_fields[] = { "code", "name", "group", NULL };
const char * const loader_event_fields[] = {
  "id", "date", "end_date", "kind", "states", "title", "summary", "certainty",
  "certainty_note", "sources", "citations", NULL
};
const char * const loader_citation_fields[] = {
  "article", "quote", "prefix", "suffix", "start", "end", "stance", "note", "part", NULL
};
const char * const loader_era_fields[] = { "id", "title", "start", "end", "summary", NULL };
const char * const loader_tour_fields[] = { "id", "title", "description", "steps", NULL };
const char * const loader_step_fields[] = { "event", "title", "note", "view", NULL };

static const char * const regional_groups[] = {
  "african", "asia_pacific", "eastern_european", "latin_american_caribbean", "weog", NULL
};

/* Articles */

static void
load_article (Loader   *self,
              JsonNode *node,
              guint     index)
{
  g_autofree char *path = loader_path_index ("articles", index);
  g_autoptr(IccArticle) article = NULL;
  g_autoptr(JsonObject) extra = NULL;
  const char *id, *title, *outlet, *author, *url, *text, *edit_note;
  JsonObject *object;
  IccDate date;
  gboolean ok = TRUE;
  FieldResult date_result;

  if (!loader_expect_type (self, node, path, TYPE_OBJECT))
    return;
  object = json_node_get_object (node);

  if (loader_read_id (self, object, path, "id", &id) != FIELD_OK ||
      !loader_register_id (self, self->article_ids, id, path, "id", ID_ARTICLE))
    ok = FALSE;
  loader_read_string (self, object, path, "title", TRUE, &title);
  loader_read_string (self, object, path, "outlet", FALSE, &outlet);
  loader_read_string (self, object, path, "author", FALSE, &author);
  if (loader_read_string (self, object, path, "url", FALSE, &url) == FIELD_OK &&
      url[0] != '\0' && !icc_article_is_web_url (url))
    {
      g_autofree char *url_path = loader_path_member (path, "url");

      report_warning (self, url_path, _("not an http or https address: it will not be opened"));
    }
  date_result = loader_read_date (self, object, path, "date", FALSE, &date);
  if (loader_read_string (self, object, path, "text", TRUE, &text) != FIELD_OK)
    ok = FALSE;
  loader_read_string (self, object, path, "edit_note", FALSE, &edit_note);
  extra = loader_read_extra (self, object, path, loader_article_fields);

  /* Citations of an article left out are left out too, without more
   * errors. */
  if (!ok)
    return;

  article = icc_article_new (id);
  icc_article_set_title (article, title);
  icc_article_set_outlet (article, outlet);
  icc_article_set_author (article, author);
  icc_article_set_url (article, url);
  if (date_result == FIELD_OK)
    icc_article_set_date (article, &date);
  icc_article_set_text (article, text);
  icc_article_set_edit_note (article, edit_note);
  icc_article_set_extra (article, extra);

  if (icc_dataset_add_article (self->dataset, article))
    g_hash_table_add (self->built_articles, g_strdup (id));
}

/* States */

static void
load_state (Loader   *self,
            JsonNode *node,
            guint     index)
{
  g_autofree char *path = loader_path_index ("states", index);
  g_autoptr(IccState) state = NULL;
  g_autoptr(JsonObject) extra = NULL;
  const char *code, *name, *group;
  JsonObject *object;
  gboolean ok = TRUE;

  if (!loader_expect_type (self, node, path, TYPE_OBJECT))
    return;
  object = json_node_get_object (node);

  if (loader_read_string (self, object, path, "code", TRUE, &code) != FIELD_OK)
    ok = FALSE;
  else if (!loader_is_state_code (code))
    {
      g_autofree char *code_path = loader_path_member (path, "code");

      loader_report_bad_state_code (self, code_path, code);
      ok = FALSE;
    }
  else if (!loader_register_id (self, self->state_codes, code, path, "code", ID_STATE))
    ok = FALSE;

  loader_read_string (self, object, path, "name", TRUE, &name);

  if (loader_read_string (self, object, path, "group", FALSE, &group) == FIELD_OK &&
      !g_strv_contains (regional_groups, group))
    {
      g_autofree char *group_path = loader_path_member (path, "group");
      g_autofree char *valid = g_strjoinv (", ", (char **)regional_groups);

      loader_report_unknown_value (self, group_path, group, valid);
      group = NULL;
    }

  extra = loader_read_extra (self, object, path, loader_state_fields);

  if (!ok)
    return;

  state = icc_state_new (code, name);
  icc_state_set_group (state, group);
  icc_state_set_extra (state, extra);

  icc_dataset_add_state (self->dataset, state);
}

/* Events */

static IccCitation *
load_citation (Loader     *self,
               JsonNode   *node,
               const char *path)
{
  g_autoptr(IccCitation) citation = NULL;
  g_autoptr(JsonObject) extra = NULL;
  const char *article, *quote_text, *prefix, *suffix, *note, *part = NULL;
  JsonObject *object;
  gint64 start = -1, end = -1;
  FieldResult start_result, end_result;
  int stance = ICC_STANCE_REPORTS;
  gboolean ok = TRUE;

  if (!loader_expect_type (self, node, path, TYPE_OBJECT))
    return NULL;
  object = json_node_get_object (node);

  if (loader_read_id (self, object, path, "article", &article) != FIELD_OK)
    ok = FALSE;
  else if (!g_hash_table_contains (self->article_ids, article))
    {
      g_autofree char *article_path = loader_path_member (path, "article");

      g_autofree char *quoted = loader_quote (article);

      if (!self->articles_unreadable)
        /* Translators: %s is a quoted article id. */
        report_error (self, article_path, _("unknown article %s"), quoted);
      ok = FALSE;
    }
  else if (!g_hash_table_contains (self->built_articles, article))
    ok = FALSE;

  if (loader_read_string (self, object, path, "quote", TRUE, &quote_text) != FIELD_OK)
    ok = FALSE;
  else if (quote_text[0] == '\0')
    {
      g_autofree char *quote_path = loader_path_member (path, "quote");

      report_error (self, quote_path, _("must not be empty"));
      ok = FALSE;
    }

  loader_read_string (self, object, path, "prefix", FALSE, &prefix);
  loader_read_string (self, object, path, "suffix", FALSE, &suffix);

  start_result = loader_read_int (self, object, path, "start", FALSE, 0, G_MAXINT, &start);
  end_result = loader_read_int (self, object, path, "end", FALSE, 0, G_MAXINT, &end);
  if (start_result == FIELD_INVALID || end_result == FIELD_INVALID)
    ok = FALSE;
  else if (start_result == FIELD_OK && end_result == FIELD_OK && start > end)
    {
      /* Translators: offsets of a citation in its article's text. */
      report_error (self, path, _("start (%d) is after end (%d)"), (int)start, (int)end);
      ok = FALSE;
    }
  if (start_result != FIELD_OK)
    start = -1;
  if (end_result != FIELD_OK)
    end = -1;

  loader_read_enum (self, object, path, "stance", FALSE, ICC_TYPE_STANCE, &stance);
  loader_read_string (self, object, path, "note", FALSE, &note);
  if (loader_read_string (self, object, path, "part", FALSE, &part) == FIELD_OK &&
      part != NULL && g_strcmp0 (part, "body") != 0 && g_strcmp0 (part, "comment") != 0)
    {
      g_autofree char *part_path = loader_path_member (path, "part");

      report_error (self, part_path, _("must be \"body\" or \"comment\""));
      ok = FALSE;
    }
  extra = loader_read_extra (self, object, path, loader_citation_fields);

  if (!ok)
    return NULL;

  citation = icc_citation_new (article, quote_text);
  icc_citation_set_prefix (citation, prefix);
  icc_citation_set_suffix (citation, suffix);
  icc_citation_set_hint (citation, (int)start, (int)end);
  icc_citation_set_stance (citation, stance);
  icc_citation_set_note (citation, note);
  icc_citation_set_comment (citation, g_strcmp0 (part, "comment") == 0);
  icc_citation_set_extra (citation, extra);

  return g_steal_pointer (&citation);
}

/* Reads "states" of an event: returns the valid codes (borrowed) in @codes
 * and FALSE if any is bad. */
static gboolean
load_event_states (Loader      *self,
                   JsonObject  *object,
                   const char  *path,
                   GPtrArray  **codes)
{
  g_autoptr(GPtrArray) strings = NULL;
  gboolean ok = TRUE;

  *codes = g_ptr_array_new ();

  switch (loader_read_string_array (self, object, path, "states", &strings))
    {
    case FIELD_ABSENT:
      g_ptr_array_add (*codes, NULL);
      return TRUE;

    case FIELD_INVALID:
      ok = FALSE;
      break;

    case FIELD_OK:
    default:
      break;
    }

  if (strings == NULL)
    {
      g_ptr_array_add (*codes, NULL);
      return FALSE;
    }

  for (guint i = 0; i + 1 < strings->len; i++)
    {
      const char *code = g_ptr_array_index (strings, i);
      g_autofree char *states_path = NULL;
      g_autofree char *code_path = NULL;
      gboolean seen = FALSE;

      for (guint j = 0; j < (*codes)->len; j++)
        if (g_strcmp0 (g_ptr_array_index (*codes, j), code) == 0)
          seen = TRUE;

      /* Paths are made only for a problem: this runs for every event. */
      if (!loader_is_state_code (code) || seen ||
          (!g_hash_table_contains (self->state_codes, code) && !self->states_unreadable))
        {
          states_path = loader_path_member (path, "states");
          code_path = loader_path_index (states_path, i);
        }

      if (!loader_is_state_code (code))
        {
          loader_report_bad_state_code (self, code_path, code);
          ok = FALSE;
        }
      else if (seen)
        {
          g_autofree char *quoted = loader_quote (code);

          report_error (self, code_path, _("state %s is listed twice"), quoted);
          ok = FALSE;
        }
      else
        {
          if (!g_hash_table_contains (self->state_codes, code))
            {
              g_autofree char *quoted = loader_quote (code);

              if (!self->states_unreadable)
                /* Translators: %s is a quoted state code. */
                report_error (self, code_path, _("unknown state %s"), quoted);
              ok = FALSE;
            }
          g_ptr_array_add (*codes, (gpointer)code);
        }
    }

  g_ptr_array_add (*codes, NULL);

  return ok;
}

static void
load_event (Loader   *self,
            JsonNode *node,
            guint     index)
{
  g_autofree char *path = loader_path_index ("events", index);
  g_autoptr(IccEvent) event = NULL;
  g_autoptr(JsonObject) extra = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GPtrArray) citations = NULL;
  g_autoptr(GPtrArray) citation_paths = NULL;
  const char *id, *title, *summary, *certainty_note;
  JsonArray *citations_array;
  JsonObject *object;
  IccDate date, end_date;
  FieldResult date_result, end_result, kind_result;
  int kind = ICC_EVENT_KIND_OTHER;
  int certainty = ICC_CERTAINTY_CONFIRMED;
  gboolean ok = TRUE;

  if (!loader_expect_type (self, node, path, TYPE_OBJECT))
    return;
  object = json_node_get_object (node);

  if (loader_read_id (self, object, path, "id", &id) != FIELD_OK ||
      !loader_register_id (self, self->event_ids, id, path, "id", ID_EVENT))
    ok = FALSE;

  date_result = loader_read_date (self, object, path, "date", TRUE, &date);
  end_result = loader_read_date (self, object, path, "end_date", FALSE, &end_date);
  if (date_result != FIELD_OK || end_result == FIELD_INVALID)
    ok = FALSE;
  else if (end_result == FIELD_OK && loader_date_before (&end_date, &date))
    {
      g_autofree char *end_path = loader_path_member (path, "end_date");
      g_autofree char *end_iso = icc_date_to_iso (&end_date);
      g_autofree char *date_iso = icc_date_to_iso (&date);

      report_error (self, end_path, _("\"%s\" is before the event's date \"%s\""),
                    end_iso, date_iso);
      ok = FALSE;
    }

  kind_result = loader_read_enum (self, object, path, "kind", TRUE, ICC_TYPE_EVENT_KIND, &kind);
  if (kind_result != FIELD_OK)
    ok = FALSE;

  if (!load_event_states (self, object, path, &codes))
    ok = FALSE;
  else if (kind_result == FIELD_OK &&
           icc_event_kind_is_membership (kind) &&
           codes->len <= 1)
    {
      const char *nick = icc_enum_to_nick (ICC_TYPE_EVENT_KIND, kind);

      /* Translators: %s is a membership event kind of the file format, like
       * "ratification". */
      report_error (self, path,
                    _("a membership event (\"%s\") needs at least one state in \"states\""),
                    nick);
      ok = FALSE;
    }

  loader_read_string (self, object, path, "title", TRUE, &title);
  loader_read_string (self, object, path, "summary", FALSE, &summary);
  loader_read_enum (self, object, path, "certainty", FALSE, ICC_TYPE_CERTAINTY, &certainty);
  loader_read_string (self, object, path, "certainty_note", FALSE, &certainty_note);
  loader_read_string_array (self, object, path, "sources", &sources);
  extra = loader_read_extra (self, object, path, loader_event_fields);

  citations = g_ptr_array_new_with_free_func (g_object_unref);
  citation_paths = g_ptr_array_new_with_free_func (g_free);
  if (loader_read_array (self, object, path, "citations", FALSE, &citations_array) == FIELD_OK)
    {
      g_autofree char *citations_path = loader_path_member (path, "citations");
      guint n = json_array_get_length (citations_array);

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *citation_path = loader_path_index (citations_path, i);
          IccCitation *citation;

          citation = load_citation (self, json_array_get_element (citations_array, i),
                                    citation_path);
          if (citation != NULL)
            {
              g_ptr_array_add (citations, citation);
              g_ptr_array_add (citation_paths, g_steal_pointer (&citation_path));
            }
        }
    }

  if (!ok)
    {
      /* Its states' histories are incomplete: do not report their
       * transitions. */
      for (guint i = 0; codes != NULL && i + 1 < codes->len; i++)
        g_hash_table_insert (self->tainted_states,
                             g_strdup (g_ptr_array_index (codes, i)), NULL);
      return;
    }

  event = icc_event_new (id, kind, &date);
  if (end_result == FIELD_OK)
    icc_event_set_end_date (event, &end_date);
  icc_event_set_title (event, title);
  icc_event_set_summary (event, summary);
  icc_event_set_states (event, (const char * const *)codes->pdata);
  icc_event_set_certainty (event, certainty);
  icc_event_set_certainty_note (event, certainty_note);
  if (sources != NULL)
    icc_event_set_sources (event, (const char * const *)sources->pdata);
  icc_event_set_extra (event, extra);

  for (guint i = 0; i < citations->len; i++)
    {
      IccCitation *citation = g_ptr_array_index (citations, i);

      icc_event_add_citation (event, citation);
      g_hash_table_insert (self->paths, citation, g_steal_pointer (&citation_paths->pdata[i]));
    }

  if (icc_dataset_add_event (self->dataset, event))
    g_hash_table_insert (self->paths, event, g_steal_pointer (&path));
}

/* Eras */

static void
load_era (Loader   *self,
          JsonNode *node,
          guint     index)
{
  g_autofree char *path = loader_path_index ("eras", index);
  g_autoptr(IccEra) era = NULL;
  g_autoptr(JsonObject) extra = NULL;
  const char *id, *title, *summary;
  JsonObject *object;
  IccDate start, end;
  gboolean ok = TRUE;

  if (!loader_expect_type (self, node, path, TYPE_OBJECT))
    return;
  object = json_node_get_object (node);

  if (loader_read_id (self, object, path, "id", &id) != FIELD_OK ||
      !loader_register_id (self, self->era_ids, id, path, "id", ID_ERA))
    ok = FALSE;
  if (loader_read_string (self, object, path, "title", TRUE, &title) != FIELD_OK)
    ok = FALSE;
  if (loader_read_date (self, object, path, "start", TRUE, &start) != FIELD_OK)
    ok = FALSE;
  if (loader_read_date (self, object, path, "end", TRUE, &end) != FIELD_OK)
    ok = FALSE;
  else if (icc_date_is_set (&start) && loader_date_before (&end, &start))
    {
      g_autofree char *end_path = loader_path_member (path, "end");
      g_autofree char *end_iso = icc_date_to_iso (&end);
      g_autofree char *start_iso = icc_date_to_iso (&start);

      report_error (self, end_path, _("\"%s\" is before the era's start \"%s\""),
                    end_iso, start_iso);
      ok = FALSE;
    }
  loader_read_string (self, object, path, "summary", FALSE, &summary);
  extra = loader_read_extra (self, object, path, loader_era_fields);

  if (!ok)
    return;

  era = icc_era_new (id, title, &start, &end);
  icc_era_set_summary (era, summary);
  icc_era_set_extra (era, extra);

  icc_dataset_add_era (self->dataset, era);
}

/* Tours */

static void
load_tour (Loader   *self,
           JsonNode *node,
           guint     index)
{
  g_autofree char *path = loader_path_index ("tours", index);
  g_autofree char *steps_path = NULL;
  g_autoptr(IccTour) tour = NULL;
  g_autoptr(JsonObject) extra = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GPtrArray) step_extras = NULL;
  const char *id, *title, *description;
  JsonArray *steps_array;
  JsonObject *object;
  gboolean ok = TRUE;
  gboolean any_step_extra = FALSE;

  if (!loader_expect_type (self, node, path, TYPE_OBJECT))
    return;
  object = json_node_get_object (node);

  if (loader_read_id (self, object, path, "id", &id) != FIELD_OK ||
      !loader_register_id (self, self->tour_ids, id, path, "id", ID_TOUR))
    ok = FALSE;
  if (loader_read_string (self, object, path, "title", TRUE, &title) != FIELD_OK)
    ok = FALSE;
  loader_read_string (self, object, path, "description", FALSE, &description);
  extra = loader_read_extra (self, object, path, loader_tour_fields);

  /* Quadruples of borrowed strings: event, title, note, view. */
  steps = g_ptr_array_new ();
  step_extras = g_ptr_array_new_with_free_func (loader_object_unref_nullable);
  steps_path = loader_path_member (path, "steps");

  if (loader_read_array (self, object, path, "steps", TRUE, &steps_array) == FIELD_OK)
    {
      guint n = json_array_get_length (steps_array);

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *step_path = loader_path_index (steps_path, i);
          JsonNode *step_node = json_array_get_element (steps_array, i);
          JsonObject *step;
          JsonObject *step_extra;
          const char *event, *step_title, *note, *view = NULL;

          if (!loader_expect_type (self, step_node, step_path, TYPE_OBJECT))
            {
              ok = FALSE;
              continue;
            }
          step = json_node_get_object (step_node);

          if (loader_read_id (self, step, step_path, "event", &event) != FIELD_OK)
            ok = FALSE;
          else if (!g_hash_table_contains (self->event_ids, event))
            {
              g_autofree char *event_path = loader_path_member (step_path, "event");

              g_autofree char *quoted = loader_quote (event);

              if (!self->events_unreadable)
                /* Translators: %s is a quoted event id. */
                report_error (self, event_path, _("unknown event %s"), quoted);
              ok = FALSE;
            }
          loader_read_string (self, step, step_path, "title", FALSE, &step_title);
          loader_read_string (self, step, step_path, "note", FALSE, &note);
          if (loader_read_string (self, step, step_path, "view", FALSE, &view) == FIELD_OK &&
              view != NULL && g_strcmp0 (view, "map") != 0 && g_strcmp0 (view, "timeline") != 0)
            {
              g_autofree char *view_path = loader_path_member (step_path, "view");

              report_error (self, view_path, _("must be \"timeline\" or \"map\""));
              ok = FALSE;
            }

          step_extra = loader_read_extra (self, step, step_path, loader_step_fields);
          any_step_extra |= step_extra != NULL;

          g_ptr_array_add (steps, (gpointer)event);
          g_ptr_array_add (steps, (gpointer)step_title);
          g_ptr_array_add (steps, (gpointer)note);
          g_ptr_array_add (steps, (gpointer)view);
          g_ptr_array_add (step_extras, step_extra);
        }
    }
  else
    ok = FALSE;

  if (!ok)
    return;

  tour = icc_tour_new (id, title);
  icc_tour_set_description (tour, description);
  for (guint i = 0; i + 3 < steps->len; i += 4)
    {
      icc_tour_add_step (tour,
                         g_ptr_array_index (steps, i),
                         g_ptr_array_index (steps, i + 1),
                         g_ptr_array_index (steps, i + 2));
      if (g_strcmp0 (g_ptr_array_index (steps, i + 3), "map") == 0)
        icc_tour_set_step_view (tour, i / 4, ICC_TOUR_VIEW_MAP);
    }
  icc_tour_set_extra (tour, extra);
  if (any_step_extra)
    g_object_set_data_full (G_OBJECT (tour), STEP_EXTRAS_KEY,
                            g_steal_pointer (&step_extras),
                            (GDestroyNotify)g_ptr_array_unref);

  icc_dataset_add_tour (self->dataset, tour);
}

/* The whole file */

typedef void (*LoadElementFunc) (Loader   *self,
                                 JsonNode *node,
                                 guint     index);

static gboolean
load_list (Loader          *self,
           JsonObject      *root,
           const char      *member,
           gboolean         required,
           LoadElementFunc  load_element)
{
  JsonArray *array;
  guint n;

  switch (loader_read_array (self, root, "", member, required, &array))
    {
    case FIELD_ABSENT:
      return TRUE;

    case FIELD_INVALID:
      return FALSE;

    case FIELD_OK:
    default:
      break;
    }

  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    load_element (self, json_array_get_element (array, i), i);

  return TRUE;
}

static void
index_report_cb (IccEvent    *event,
                 IccCitation *citation,
                 gboolean     is_error,
                 const char  *message,
                 gpointer     user_data)
{
  Loader *self = user_data;
  const char *path = NULL;

  /* Only the first transition error of a state: the next ones are usually
   * its consequences. */
  if (is_error && event != NULL && citation == NULL)
    {
      const char * const *codes = icc_event_get_states (event);
      gpointer tainted_by;

      for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
        if (g_hash_table_lookup_extended (self->tainted_states, codes[i], NULL, &tainted_by) &&
            tainted_by != event)
          return;

      for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
        if (!g_hash_table_contains (self->tainted_states, codes[i]))
          g_hash_table_insert (self->tainted_states, g_strdup (codes[i]), event);
    }

  if (citation != NULL)
    path = g_hash_table_lookup (self->paths, citation);
  if (path == NULL && event != NULL)
    path = g_hash_table_lookup (self->paths, event);

  loader_add (self, is_error ? ICC_PROBLEM_ERROR : ICC_PROBLEM_WARNING,
              path, 0, 0, message != NULL ? message : "");
}

void
loader_load_root (Loader     *self,
           JsonObject *root)
{
  g_autoptr(JsonObject) extra = NULL;
  const char *format, *title, *description;
  gint64 version;

  /* Another kind of file, or a newer format: the rest would be noise. */
  if (loader_read_string (self, root, "", "format", TRUE, &format) == FIELD_OK &&
      g_strcmp0 (format, ICC_DATASET_FORMAT) != 0)
    {
      g_autofree char *quoted = loader_quote (format);

      report_error (self, "format", _("%s is not an ICC Tracker dataset (expected \"%s\")"),
                    quoted, ICC_DATASET_FORMAT);
      return;
    }

  if (loader_read_int (self, root, "", "version", TRUE, G_MININT64, G_MAXINT64, &version) == FIELD_OK &&
      version != ICC_DATASET_VERSION)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, version);

      if (version > ICC_DATASET_VERSION)
        {
          /* Translators: %s is the format version of the file, %d the one we read. */
          report_error (self, "version",
                        _("the file was written by a newer version of ICC Tracker "
                          "(format version %s; this version reads version %d)"),
                        number, ICC_DATASET_VERSION);
          return;
        }

      /* Translators: %s is the format version of the file, %d the one we read. */
      report_error (self, "version", _("unsupported format version %s (expected %d)"),
                    number, ICC_DATASET_VERSION);
    }

  loader_read_string (self, root, "", "title", TRUE, &title);
  loader_read_string (self, root, "", "description", FALSE, &description);
  icc_dataset_set_title (self->dataset, title);
  icc_dataset_set_description (self->dataset, description);
  extra = loader_read_extra (self, root, "", loader_dataset_fields);
  icc_dataset_set_extra (self->dataset, extra);

  self->articles_unreadable = !load_list (self, root, "articles", FALSE, load_article);
  self->states_unreadable = !load_list (self, root, "states", TRUE, load_state);
  self->events_unreadable = !load_list (self, root, "events", TRUE, load_event);
  load_list (self, root, "eras", FALSE, load_era);
  load_list (self, root, "tours", FALSE, load_tour);

  /* A failed index always reports why; just in case it did not. */
  if (!icc_dataset_index (self->dataset, index_report_cb, self) && self->n_errors == 0)
    report_error (self, "", _("the dataset is not consistent"));
}

/* Line and 1-based column, in characters, of byte @offset of @data (valid
 * UTF-8 up to @offset). */
