/* test-dataset-json.c: loading, validating and saving the dataset file format.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "icc-dataset-json.h"
#include "icc-enum-util.h"
#include "icc-json-strict.h"
#include "icc-test-load.h"

/* Helpers */

static char *
problems_to_string (GPtrArray *problems)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      g_autofree char *line = icc_problem_to_string (g_ptr_array_index (problems, i), NULL);

      g_string_append_printf (str, "  %s\n", line);
    }

  return g_string_free (str, FALSE);
}

static guint
count_severity (GPtrArray          *problems,
                IccProblemSeverity  severity)
{
  guint n = 0;

  for (guint i = 0; i < problems->len; i++)
    if (((IccProblem *)g_ptr_array_index (problems, i))->severity == severity)
      n++;

  return n;
}

/* TRUE if some problem of @severity, as "PATH: message", contains @fragment. */
static gboolean
has_problem (GPtrArray          *problems,
             IccProblemSeverity  severity,
             const char         *fragment)
{
  for (guint i = 0; i < problems->len; i++)
    {
      IccProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *text = icc_problem_to_string (problem, NULL);

      if (problem->severity == severity && strstr (text, fragment) != NULL)
        return TRUE;
    }

  return FALSE;
}

static IccDataset *
load_good (const char  *name,
           GPtrArray  **problems)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) local_problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  IccDataset *dataset;

  dataset = icc_dataset_load_file (file, &local_problems, NULL, &error);
  listing = problems_to_string (local_problems);
  if (error != NULL)
    g_test_message ("%s:\n%s", name, listing);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_nonnull (local_problems);
  g_assert_cmpuint (count_severity (local_problems, ICC_PROBLEM_ERROR), ==, 0);
  g_assert_true (g_file_equal (icc_dataset_get_file (dataset), file));

  if (problems != NULL)
    *problems = g_steal_pointer (&local_problems);

  return dataset;
}

/* The bad corpus: every file fails with the fragments of its .expect file. */

static void
test_bad_file (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", name, NULL);
  g_autofree char *base = g_strndup (name, strlen (name) - strlen (".json"));
  g_autofree char *expect_name = g_strconcat (base, ".expect", NULL);
  g_autofree char *expect_path = g_test_build_filename (G_TEST_DIST, "data", "bad",
                                                        expect_name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) bytes_problems = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) bytes_error = NULL;
  g_autoptr(IccDataset) dataset = NULL;
  g_autoptr(IccDataset) bytes_dataset = NULL;
  g_autofree char *expect = NULL;
  g_autofree char *listing = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_fragments = 0;

  g_assert_true (g_file_get_contents (expect_path, &expect, NULL, NULL));

  dataset = icc_dataset_load_file (file, &problems, NULL, &error);
  listing = problems_to_string (problems);
  g_test_message ("%s:\n%s", name, listing);

  g_assert_null (dataset);
  g_assert_error (error, ICC_DATASET_ERROR, ICC_DATASET_ERROR_INVALID);
  g_assert_nonnull (problems);
  g_assert_cmpuint (count_severity (problems, ICC_PROBLEM_ERROR), >, 0);

  lines = g_strsplit (expect, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *fragment = lines[i];

      if (fragment[0] == '\0' || fragment[0] == '#')
        continue;

      n_fragments++;

      /* "!fragment": no error may contain it (a consequence of another). */
      if (fragment[0] == '!')
        {
          if (has_problem (problems, ICC_PROBLEM_ERROR, fragment + 1))
            g_error ("%s: unexpected problem “%s” in\n%s", name, fragment + 1, listing);
        }
      else if (!has_problem (problems, ICC_PROBLEM_ERROR, fragment))
        g_error ("%s: no problem “%s” in\n%s", name, fragment, listing);
    }
  g_assert_cmpuint (n_fragments, >, 0);

  /* The same through the bytes entry point. */
  bytes = test_read_bytes (path);
  bytes_dataset = icc_dataset_load_bytes (bytes, &bytes_problems, &bytes_error);
  g_assert_null (bytes_dataset);
  g_assert_error (bytes_error, ICC_DATASET_ERROR, ICC_DATASET_ERROR_INVALID);
  g_assert_cmpuint (bytes_problems->len, ==, problems->len);
  g_assert_cmpstr (bytes_error->message, ==, error->message);
}

static void
test_bad_corpus_size (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "bad", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n_json = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      {
        g_autofree char *base = g_strndup (name, strlen (name) - strlen (".json"));
        g_autofree char *expect_name = g_strconcat (base, ".expect", NULL);
        g_autofree char *expect_path = g_build_filename (dir_path, expect_name, NULL);

        g_assert_true (g_file_test (expect_path, G_FILE_TEST_IS_REGULAR));
        n_json++;
      }

  g_assert_cmpuint (n_json, >=, 30);
}

/* Good files and the round trip */

static void
test_good_file (gconstpointer data)
{
  const char *name = data;
  g_autoptr(IccDataset) dataset = NULL;
  g_autoptr(IccDataset) reloaded = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_length, second_length;

  dataset = load_good (name, NULL);

  first = icc_dataset_to_data (dataset, &first_length);
  g_assert_cmpuint (strlen (first), ==, first_length);
  g_assert_true (g_utf8_validate (first, first_length, NULL));

  bytes = g_bytes_new (first, first_length);
  reloaded = icc_dataset_load_bytes (bytes, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reloaded);
  g_assert_null (icc_dataset_get_file (reloaded));

  second = icc_dataset_to_data (reloaded, &second_length);
  g_assert_cmpstr (first, ==, second);
  g_assert_cmpuint (first_length, ==, second_length);

  g_assert_cmpuint (g_list_model_get_n_items (icc_dataset_get_events (reloaded)), ==,
                    g_list_model_get_n_items (icc_dataset_get_events (dataset)));
  g_assert_cmpuint (g_list_model_get_n_items (icc_dataset_get_states (reloaded)), ==,
                    g_list_model_get_n_items (icc_dataset_get_states (dataset)));
}

static void
test_full_fields (void)
{
  g_autoptr(IccDataset) dataset = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) citations = NULL;
  IccArticle *article;
  IccEvent *event;
  IccState *state;
  IccCitation *citation;
  GListModel *list;
  g_autoptr(IccEra) era = NULL;
  g_autoptr(IccTour) tour = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *data = NULL;
  int start, end;

  dataset = load_good ("full.json", &problems);
  g_assert_cmpuint (problems->len, ==, 0);

  g_assert_cmpstr (icc_dataset_get_title (dataset), ==, "The Rome Statute and its States (test)");
  g_assert_cmpstr (icc_dataset_get_description (dataset), ==, "A small dataset with every field.");

  /* Article. */
  article = icc_dataset_lookup_article (dataset, "tass-2016-11-16");
  g_assert_nonnull (article);
  g_assert_cmpstr (icc_article_get_outlet (article), ==, "Example News");
  g_assert_cmpstr (icc_article_get_author (article), ==, "A. Writer");
  g_assert_cmpstr (icc_article_get_url (article), ==, "https://example.org/ru-icc");
  g_assert_cmpstr (icc_article_get_edit_note (article), ==, "Photo captions removed.");
  iso = icc_date_to_iso (icc_article_get_date (article));
  g_assert_cmpstr (iso, ==, "2016-11-16");
  g_clear_pointer (&iso, g_free);

  /* State. */
  state = icc_dataset_lookup_state (dataset, "BI");
  g_assert_nonnull (state);
  g_assert_cmpstr (icc_state_get_name (state), ==, "Burundi");
  g_assert_cmpstr (icc_state_get_group (state), ==, "african");

  /* Events are sorted, whatever the file order. */
  list = icc_dataset_get_events (dataset);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 10);
  {
    g_autoptr(IccEvent) first = g_list_model_get_item (list, 0);

    g_assert_cmpstr (icc_event_get_id (first), ==, "ru-signature");
  }

  /* Partial date. */
  event = icc_dataset_lookup_event (dataset, "bi-notice");
  g_assert_nonnull (event);
  g_assert_cmpint (icc_date_get_precision (icc_event_get_date (event)), ==,
                   ICC_DATE_PRECISION_MONTH);
  g_assert_cmpint (icc_event_get_certainty (event), ==, ICC_CERTAINTY_UNVERIFIED);
  g_assert_cmpint (icc_dataset_status_at (dataset, state, &(IccDate) { 2017, 1, 1 }, NULL), ==,
                   ICC_STATUS_WITHDRAWING);
  g_assert_cmpint (icc_dataset_status_at (dataset, state, &(IccDate) { 2018, 1, 1 }, NULL), ==,
                   ICC_STATUS_WITHDRAWN);

  event = icc_dataset_lookup_event (dataset, "ge-investigation");
  g_assert_cmpint (icc_date_get_precision (icc_event_get_date (event)), ==,
                   ICC_DATE_PRECISION_YEAR);

  /* Period. */
  event = icc_dataset_lookup_event (dataset, "war-2008");
  g_assert_nonnull (event);
  iso = icc_date_to_iso (icc_event_get_end_date (event));
  g_assert_cmpstr (iso, ==, "2008-08-12");
  g_clear_pointer (&iso, g_free);
  g_assert_cmpint (icc_event_get_kind (event), ==, ICC_EVENT_KIND_OTHER);
  g_assert_true (icc_event_involves_state (event, "GE"));
  g_assert_true (icc_event_involves_state (event, "RU"));

  /* Citations. */
  event = icc_dataset_lookup_event (dataset, "ru-signature-withdrawn");
  g_assert_nonnull (event);
  g_assert_cmpint (icc_event_get_certainty (event), ==, ICC_CERTAINTY_SINGLE_SOURCE);
  g_assert_cmpstr (icc_event_get_certainty_note (event), ==,
                   "Date of the notification from one source.");
  g_assert_cmpstr (icc_event_get_summary (event), ==, "The UN Secretary-General is notified.");
  g_assert_cmpstr (icc_event_get_sources (event)[0], ==, "C.N.886.2016.TREATIES-XVIII.10");
  g_assert_null (icc_event_get_sources (event)[1]);
  list = icc_event_get_citations (event);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  citation = g_list_model_get_item (list, 0);
  g_object_unref (citation);
  g_assert_cmpstr (icc_citation_get_article_id (citation), ==, "tass-2016-11-16");
  g_assert_cmpstr (icc_citation_get_prefix (citation), ==, "November 2016. ");
  g_assert_cmpstr (icc_citation_get_suffix (citation), ==, " from the Rome");
  g_assert_cmpint (icc_citation_get_hint_start (citation), ==, 26);
  g_assert_cmpint (icc_citation_get_hint_end (citation), ==, 60);
  g_assert_cmpint (icc_citation_get_stance (citation), ==, ICC_STANCE_DISPUTES);
  g_assert_cmpstr (icc_citation_get_note (citation), ==, "The article dates it 16 November.");
  g_assert_true (icc_citation_get_anchor (citation, &start, &end));
  g_assert_cmpint (start, ==, 26);
  g_assert_cmpint (end, ==, 60);
  g_assert_true (icc_citation_get_article (citation) == article);
  citation = g_list_model_get_item (list, 1);
  g_object_unref (citation);
  g_assert_cmpint (icc_citation_get_hint_start (citation), ==, -1);
  g_assert_cmpint (icc_citation_get_stance (citation), ==, ICC_STANCE_CONTEXT);
  g_assert_true (icc_citation_is_anchored (citation));
  citations = icc_dataset_get_article_citations (dataset, article);
  g_assert_cmpuint (citations->len, ==, 2);

  /* Eras. */
  list = icc_dataset_get_eras (dataset);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  era = g_list_model_get_item (list, 0);
  g_assert_cmpstr (icc_era_get_id (era), ==, "founding");
  g_assert_cmpstr (icc_era_get_title (era), ==, "Founding years");
  g_assert_cmpstr (icc_era_get_summary (era), ==, "From Rome to entry into force.");
  iso = icc_date_to_iso (icc_era_get_end (era));
  g_assert_cmpstr (iso, ==, "2002-07");
  g_clear_pointer (&iso, g_free);

  /* Tour. */
  tour = g_object_ref (icc_dataset_lookup_tour (dataset, "leaving"));
  g_assert_cmpstr (icc_tour_get_description (tour), ==, "Two ways out.");
  g_assert_cmpuint (icc_tour_get_n_steps (tour), ==, 3);
  g_assert_cmpstr (icc_tour_get_step_event (tour, 0), ==, "bi-notice");
  g_assert_cmpstr (icc_tour_get_step_title (tour, 0), ==, "Burundi");
  g_assert_cmpstr (icc_tour_get_step_note (tour, 0), ==, "The first State Party to leave.");
  g_assert_null (icc_tour_get_step_title (tour, 1));
  g_assert_cmpstr (icc_tour_get_step_note (tour, 2), ==, "A year later.");

  /* Saved fields, in the documented order. */
  data = icc_dataset_to_data (dataset, NULL);
  g_assert_true (g_str_has_prefix (data,
                                   "{\n  \"format\" : \"icc-tracker\",\n  \"version\" : 1,\n"));
  g_assert_nonnull (strstr (data, "\"date\" : \"2016-10\""));
  g_assert_nonnull (strstr (data, "\"end_date\" : \"2008-08-12\""));
  g_assert_nonnull (strstr (data, "\"certainty\" : \"single_source\""));
  g_assert_nonnull (strstr (data, "\"stance\" : \"disputes\""));
  g_assert_nonnull (strstr (data, "\"start\" : 26"));
  g_assert_true (strstr (data, "\"articles\"") < strstr (data, "\"states\""));
  g_assert_true (strstr (data, "\"states\"") < strstr (data, "\"events\""));
  g_assert_true (strstr (data, "\"events\"") < strstr (data, "\"eras\""));
  g_assert_true (strstr (data, "\"eras\"") < strstr (data, "\"tours\""));
  g_assert_true (g_str_has_suffix (data, "}\n"));
}

static void
test_unknown_fields (void)
{
  static const char * const paths[] = {
    "x_top", "x_last", "articles[0].x_article", "states[0].x_state", "events[0].x_event",
    "events[0].citations[0].x_citation", "eras[0].x_era", "tours[0].x_tour",
    "tours[0].steps[0].x_step",
  };
  g_autoptr(IccDataset) dataset = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(IccCitation) citation = NULL;
  g_autoptr(IccEra) era = NULL;
  g_autofree char *data = NULL;
  JsonObject *extra;
  IccEvent *event;

  dataset = load_good ("unknown-fields.json", &problems);

  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (paths));
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *fragment = g_strdup_printf ("%s: warning: unknown field", paths[i]);

      g_assert_true (has_problem (problems, ICC_PROBLEM_WARNING, fragment));
    }

  extra = icc_dataset_get_extra (dataset);
  g_assert_nonnull (extra);
  g_assert_true (json_object_has_member (extra, "x_top"));
  g_assert_cmpstr (json_object_get_string_member (extra, "x_last"), ==, "end");
  g_assert_false (json_object_has_member (extra, "title"));

  extra = icc_article_get_extra (icc_dataset_lookup_article (dataset, "a1"));
  g_assert_cmpstr (json_object_get_string_member (extra, "x_article"), ==, "kept");
  extra = icc_state_get_extra (icc_dataset_lookup_state (dataset, "RU"));
  g_assert_cmpint (json_object_get_int_member (extra, "x_state"), ==, 643);
  event = icc_dataset_lookup_event (dataset, "e1");
  g_assert_true (json_object_has_member (icc_event_get_extra (event), "x_event"));
  citation = g_list_model_get_item (icc_event_get_citations (event), 0);
  g_assert_true (json_object_has_member (icc_citation_get_extra (citation), "x_citation"));
  era = g_list_model_get_item (icc_dataset_get_eras (dataset), 0);
  g_assert_cmpfloat (json_object_get_double_member (icc_era_get_extra (era), "x_era"), ==, 0.25);
  extra = icc_tour_get_extra (icc_dataset_lookup_tour (dataset, "t1"));
  g_assert_cmpstr (json_object_get_string_member (extra, "x_tour"), ==, "t");

  /* Kept when saving, every one. */
  data = icc_dataset_to_data (dataset, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      const char *name = strrchr (paths[i], '.') != NULL ? strrchr (paths[i], '.') + 1 : paths[i];
      g_autofree char *key = g_strdup_printf ("\"%s\" :", name);

      g_assert_nonnull (strstr (data, key));
    }
  g_assert_nonnull (strstr (data, "\"nested\" : [\n"));
  /* Known fields first, extras after them. */
  g_assert_true (strstr (data, "\"tours\"") < strstr (data, "\"x_top\""));
}

static void
test_orphan_citation_warning (void)
{
  g_autoptr(IccDataset) dataset = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(IccCitation) citation = NULL;
  IccProblem *problem;
  IccEvent *event;

  dataset = load_good ("orphan-citation.json", &problems);

  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpint (problem->severity, ==, ICC_PROBLEM_WARNING);
  g_assert_cmpstr (problem->path, ==, "events[0].citations[0]");
  /* The path names the event by its id too (issue 13). */
  g_assert_cmpstr (problem->id, ==, "e1");

  event = icc_dataset_lookup_event (dataset, "e1");
  citation = g_list_model_get_item (icc_event_get_citations (event), 0);
  g_assert_false (icc_citation_is_anchored (citation));
}

/* A file large enough for its parse tree to be freed on another thread: the
 * dataset keeps nothing of the tree (extras are deep copies, every value
 * type, nested), and loading it again and again is clean under ASan. */
static void
test_large_file_keeps_nothing_of_the_tree (void)
{
  const char *extra_json =
    "{\"a\":[1,2.5,true,null,\"s\",{\"b\":\"c\"}],\"n\":{\"deep\":{\"er\":[]}}}";
  GString *json = g_string_new ("{\"format\":\"icc-tracker\",\"version\":1,\"title\":\"Large\",");
  g_autoptr(GBytes) bytes = NULL;

  g_string_append_printf (json, "\"x_top\":%s,", extra_json);
  g_string_append (json, "\"articles\":[{\"id\":\"a1\",\"title\":\"Long\",\"text\":\"");
  for (guint i = 0; i < 150000; i++)
    g_string_append (json, "The Rome Statute of the Court. ");
  g_string_append (json, "Russia withdrew its signature.\"}],");
  g_string_append (json, "\"states\":[{\"code\":\"RU\",\"name\":\"Russian Federation\"}],");
  g_string_append_printf (json, "\"events\":[{\"id\":\"e1\",\"date\":\"2000-09-13\","
                          "\"kind\":\"signature\",\"states\":[\"RU\"],\"title\":\"Signature\","
                          "\"x_event\":%s,\"citations\":[{\"article\":\"a1\","
                          "\"quote\":\"Russia withdrew its signature.\",\"start\":4650000,"
                          "\"end\":4650030}]}]}", extra_json);
  g_assert_cmpuint (json->len, >, 4 * 1024 * 1024);
  bytes = g_string_free_to_bytes (json);

  for (guint run = 0; run < 3; run++)
    {
      g_autoptr(IccDataset) dataset = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(IccCitation) citation = NULL;
      g_autoptr(JsonNode) node = json_node_alloc ();
      g_autofree char *top = NULL;
      g_autofree char *data = NULL;
      IccEvent *event;
      int start, end;

      dataset = icc_dataset_load_bytes (bytes, &problems, &error);
      g_assert_no_error (error);
      g_assert_nonnull (dataset);

      /* Wait a little, sometimes, so the tree is gone for good before we
       * look at what was copied from it. */
      if (run == 1)
        g_usleep (G_USEC_PER_SEC / 2);

      json_node_init_object (node, icc_dataset_get_extra (dataset));
      top = json_to_string (node, FALSE);
      g_assert_cmpstr (top, ==, "{\"x_top\":{\"a\":[1,2.5,true,null,\"s\",{\"b\":\"c\"}],"
                       "\"n\":{\"deep\":{\"er\":[]}}}}");

      event = icc_dataset_lookup_event (dataset, "e1");
      g_assert_nonnull (event);
      g_assert_cmpuint (icc_event_get_n_citations (event), ==, 1);
      citation = g_list_model_get_item (icc_event_get_citations (event), 0);
      g_assert_true (icc_citation_get_anchor (citation, &start, &end));
      g_assert_cmpint (start, ==, 4650000);
      g_assert_cmpint (end, ==, 4650030);

      data = icc_dataset_to_data (dataset, NULL);
      g_assert_nonnull (strstr (data, "\"x_event\" : {"));
      g_assert_nonnull (strstr (data, "\"deep\" : {"));
    }
}

/* An event's citation list exists from the start, empty, and follows
 * additions (it is made only when first needed). */
static void
test_event_citations_list (void)
{
  IccDate date;
  g_autoptr(IccEvent) event = NULL;
  g_autoptr(IccEvent) other = NULL;
  g_autoptr(IccCitation) citation = icc_citation_new ("a1", "a quote");
  GListModel *citations;

  icc_date_init (&date, 2016, 11, 16);
  event = icc_event_new ("e1", ICC_EVENT_KIND_STATEMENT, &date);
  other = icc_event_new ("e2", ICC_EVENT_KIND_STATEMENT, &date);

  g_assert_cmpuint (icc_event_get_n_citations (other), ==, 0);
  icc_event_add_citation (other, citation);
  g_assert_cmpuint (icc_event_get_n_citations (other), ==, 1);
  g_assert_true (icc_citation_get_event (citation) == other);

  g_assert_cmpuint (icc_event_get_n_citations (event), ==, 0);
  citations = icc_event_get_citations (event);
  g_assert_nonnull (citations);
  g_assert_cmpuint (g_list_model_get_n_items (citations), ==, 0);
  g_assert_true (g_list_model_get_item_type (citations) == ICC_TYPE_CITATION);
  g_assert_true (icc_event_get_citations (event) == citations);
}

static void
test_bundled (void)
{
  g_autoptr(IccDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  dataset = icc_dataset_load_bundled (&error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_null (icc_dataset_get_file (dataset));
  g_assert_cmpuint (g_list_model_get_n_items (icc_dataset_get_states (dataset)), >, 0);
}

/* Positions */

/* Paths name elements by their index, with every digit: the 1st, 11th and
 * 120th events of a file carry an unknown field. */
static void
test_index_paths (void)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"icc-tracker\", \"version\": 1, "
                                          "\"title\": \"Many\", \"states\": "
                                          "[{\"code\": \"RU\", \"name\": \"Russia\"}], "
                                          "\"events\": [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IccDataset) dataset = NULL;

  for (guint i = 0; i < 120; i++)
    g_string_append_printf (json, "%s{\"id\": \"e%u\", \"date\": \"2000-09-13\", "
                            "\"kind\": \"other\", \"states\": [\"RU\"], "
                            "\"title\": \"Event %u\"%s}",
                            i > 0 ? ", " : "", i, i,
                            i == 0 || i == 10 || i == 119 ? ", \"x_k\": 1" : "");
  g_string_append (json, "]}");

  bytes = g_bytes_new (json->str, json->len);
  dataset = icc_dataset_load_bytes (bytes, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (problems->len, ==, 3);
  g_assert_true (has_problem (problems, ICC_PROBLEM_WARNING, "events[0].x_k: warning"));
  g_assert_true (has_problem (problems, ICC_PROBLEM_WARNING, "events[10].x_k: warning"));
  g_assert_true (has_problem (problems, ICC_PROBLEM_WARNING, "events[119].x_k: warning"));
}

/* icc_utf8_validate() answers as g_utf8_validate_len(), return value and
 * stopping place, on every alignment of the cases that matter (NUL, each
 * kind of bad sequence, a sequence cut by the end) and on random bytes. */
static void
check_utf8_like_glib (const char *data,
                      gsize       size)
{
  const char *ours = NULL;
  const char *glib = NULL;
  gboolean ours_ok = icc_utf8_validate (data, size, &ours);
  gboolean glib_ok = g_utf8_validate_len (data, size, &glib);

  g_assert_cmpint (ours_ok, ==, glib_ok);
  g_assert_true (ours == glib);
}

static void
test_utf8_validate (void)
{
  static const char * const pieces[] = {
    "", "a", "\xc3\xa9", "\xe2\x80\x9c", "\xf0\x9f\x98\x80", "\0", "\xc3", "\xe2\x80",
    "\xf0\x9f\x98", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xff", "\x80",
    "\xef\xbb\xbf",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  char buffer[64];

  for (guint piece = 0; piece < G_N_ELEMENTS (pieces); piece++)
    {
      /* The NUL piece is one byte long, the others as strlen() says. */
      gsize piece_len = piece == 5 ? 1 : strlen (pieces[piece]);

      for (guint before = 0; before < 20; before++)
        for (guint after = 0; after < 12; after++)
          {
            gsize size = before + piece_len + after;

            memset (buffer, 'x', sizeof buffer);
            memcpy (buffer + before, pieces[piece], piece_len);
            check_utf8_like_glib (buffer, size);
          }
    }

  for (guint n = 0; n < 20000; n++)
    {
      gsize size = g_rand_int_range (rand, 0, sizeof buffer);

      for (gsize i = 0; i < size; i++)
        {
          /* Mostly ASCII, as files are, with lead and continuation bytes. */
          int kind = g_rand_int_range (rand, 0, 10);

          buffer[i] = kind < 6 ? (char)g_rand_int_range (rand, 1, 0x80)
                    : kind < 9 ? (char)g_rand_int_range (rand, 0x80, 0x100)
                    : '\0';
        }
      check_utf8_like_glib (buffer, size);
    }

  check_utf8_like_glib (NULL, 0);
}

static IccProblem *
load_single_problem (const char *text,
                     gssize      length)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IccDataset) dataset = NULL;

  bytes = g_bytes_new (text, length >= 0 ? (gsize)length : strlen (text));
  dataset = icc_dataset_load_bytes (bytes, &problems, &error);
  g_assert_null (dataset);
  g_assert_error (error, ICC_DATASET_ERROR, ICC_DATASET_ERROR_INVALID);
  g_assert_cmpuint (problems->len, ==, 1);

  return icc_problem_copy (g_ptr_array_index (problems, 0));
}

static void
test_invalid_utf8_position (void)
{
  static const char text[] = "{\n  \"title\": \"Côte d'Ivoire \xc3\x28\"\n}\n";
  g_autoptr(IccProblem) problem = NULL;
  g_autofree char *line = NULL;

  problem = load_single_problem (text, sizeof text - 1);
  g_assert_cmpint (problem->severity, ==, ICC_PROBLEM_ERROR);
  g_assert_cmpint (problem->line, ==, 2);
  /* In characters: "ô" is one. */
  g_assert_cmpint (problem->column, ==, 27);
  g_assert_nonnull (strstr (problem->message, "UTF-8"));

  line = icc_problem_to_string (problem, "x.json");
  g_assert_cmpstr (line, ==, "x.json:2:27: the file is not valid UTF-8");
}

static void
test_syntax_error_position (void)
{
  g_autoptr(IccProblem) problem = NULL;
  g_autoptr(IccProblem) wide = NULL;

  /* A missing comma: reported where it belongs, after the value. */
  problem = load_single_problem ("{\n  \"format\": \"icc-tracker\"\n  \"version\": 1\n}\n", -1);
  g_assert_cmpint (problem->line, ==, 2);
  g_assert_cmpint (problem->column, ==, 26);
  g_assert_cmpstr (problem->message, ==,
                   "syntax error: a “,” or “}” is missing here, after a value");

  /* The column is in characters, not bytes. */
  wide = load_single_problem ("{\n  \"format\": \"ééé\" \"version\": 1\n}\n", -1);
  g_assert_cmpint (wide->line, ==, 2);
  g_assert_cmpint (wide->column, ==, 18);
}

static void
test_problem_escapes_control_characters (void)
{
  g_autoptr(IccProblem) problem = NULL;
  g_autofree char *line = NULL;

  problem = icc_problem_new (ICC_PROBLEM_ERROR, "events[\"a\nb\"]", 0, 0,
                             "id \"x\ny.json: forged\x1b[31m\t\xe2\x80\xae\" \xff é");
  g_assert_cmpstr (problem->path, ==, "events[\"a\\nb\"]");
  g_assert_cmpstr (problem->message, ==,
                   "id \"x\\ny.json: forged\\u001B[31m\\t\\u202E\" \xef\xbf\xbd é");

  line = icc_problem_to_string (problem, "f.json");
  g_assert_null (strchr (line, '\n'));
  g_assert_true (g_utf8_validate (line, -1, NULL));
}

/* The 60 MB file with one unmatched quote: refused at the quote, in one
 * pass, without json-glib ever seeing it. */
static void
test_unclosed_string_large (void)
{
  gsize size = 60 * 1024 * 1024;
  char *data = g_malloc (size);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IccDataset) dataset = NULL;
  const IccProblem *problem;
  static const char head[] = "{\"title\": \"";

  memcpy (data, head, strlen (head));
  memset (data + strlen (head), 'a', size - strlen (head));
  bytes = g_bytes_new_take (data, size);

  dataset = icc_dataset_load_bytes (bytes, &problems, &error);
  g_assert_null (dataset);
  g_assert_error (error, ICC_DATASET_ERROR, ICC_DATASET_ERROR_INVALID);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpint (problem->line, ==, 1);
  g_assert_cmpint (problem->column, ==, 11);
  g_assert_cmpstr (problem->message, ==, "syntax error: a string is not closed");
}

/* What json-glib 1.6's generator wrote wrong (found by the fuzzer): raw
 * control characters in strings, and "1e+20.0" for a double with an
 * exponent. Whatever loads saves as strict JSON that loads again to the
 * same bytes. */
static void
test_save_writes_strict_json (void)
{
  const char *json =
    "{\"format\":\"icc-tracker\",\"version\":1,\"title\":\"a\\u001fb\\u0001\\u007f\","
    "\"states\":[],\"events\":[],\"x\":[1e20,-2.5E-7,0.1,3,{},[],null,true]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GBytes) saved_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IccDataset) dataset = NULL;
  g_autoptr(IccDataset) reloaded = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;
  gsize length, length_again;

  dataset = icc_dataset_load_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  saved = icc_dataset_to_data (dataset, &length);
  g_assert_nonnull (strstr (saved, "\"title\" : \"a\\u001fb\\u0001\x7f\""));
  g_assert_nonnull (strstr (saved, "1e+20,"));
  g_assert_null (strstr (saved, "e+20.0"));

  saved_bytes = g_bytes_new_static (saved, length);
  reloaded = icc_dataset_load_bytes (saved_bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (icc_dataset_get_title (reloaded), ==, "a\x1f" "b\x01\x7f");
  saved_again = icc_dataset_to_data (reloaded, &length_again);
  g_assert_cmpmem (saved, length, saved_again, length_again);
}

/* "Open Original" opens http and https only; a file's other addresses load
 * with a warning. */
static void
test_article_web_url (void)
{
  static const struct { const char *url; gboolean web; } urls[] = {
    { "https://www.example.org/news/1", TRUE },
    { "HTTP://example.org", TRUE },
    { "javascript:alert(1)", FALSE },
    { "file:///etc/passwd", FALSE },
    { "https:///no-host", FALSE },
    { "ftp://example.org/a", FALSE },
    { "example.org/relative", FALSE },
    { "", FALSE },
    { NULL, FALSE },
  };
  const char *json =
    "{\"format\":\"icc-tracker\",\"version\":1,\"title\":\"T\",\"states\":[],"
    "\"events\":[],\"articles\":[{\"id\":\"a\",\"title\":\"A\",\"text\":\"x\","
    "\"url\":\"javascript:alert(1)\"}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IccDataset) dataset = NULL;
  IccProblem *problem;
  IccArticle *article;

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    g_assert_cmpint (icc_article_is_web_url (urls[i].url), ==, urls[i].web);

  dataset = icc_dataset_load_bytes (bytes, &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpint (problem->severity, ==, ICC_PROBLEM_WARNING);
  g_assert_cmpstr (problem->path, ==, "articles[0].url");

  article = icc_dataset_lookup_article (dataset, "a");
  g_assert_cmpstr (icc_article_get_url (article), ==, "javascript:alert(1)");
  g_assert_null (icc_article_get_web_url (article));
  icc_article_set_url (article, "https://example.org/");
  g_assert_cmpstr (icc_article_get_web_url (article), ==, "https://example.org/");
}

/* A FIFO would block the reader until a writer comes; a device could be read
 * without end. Both are refused at once. */
static void
test_not_regular_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("icc-test-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo.json", NULL);
  const char *paths[] = { fifo, "/dev/null", "/dev/zero" };

  g_assert_nonnull (dir);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(IccDataset) dataset = NULL;

      dataset = icc_dataset_load_file (file, &problems, NULL, &error);
      g_assert_null (dataset);
      g_assert_error (error, ICC_DATASET_ERROR, ICC_DATASET_ERROR_IO);
      g_assert_nonnull (strstr (error->message, "not a file"));
      g_assert_cmpuint (problems->len, ==, 1);
    }

  g_assert_cmpint (g_remove (fifo), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_truncated (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "full.json", NULL);
  g_autoptr(GBytes) bytes = test_read_bytes (path);
  const char *data;
  gsize size;

  data = g_bytes_get_data (bytes, &size);

  /* Every prefix: an error (or, for none of them, a dataset), never a crash. */
  for (gsize cut = 0; cut < size - 2; cut += 7)
    {
      g_autoptr(GBytes) prefix = g_bytes_new (data, cut);
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(IccDataset) dataset = NULL;

      dataset = icc_dataset_load_bytes (prefix, &problems, &error);
      g_assert_null (dataset);
      g_assert_error (error, ICC_DATASET_ERROR, ICC_DATASET_ERROR_INVALID);
      g_assert_cmpuint (problems->len, ==, 1);
      if (cut > 0)
        g_assert_cmpint (((IccProblem *)g_ptr_array_index (problems, 0))->line, >, 0);
    }
}

static void
test_mutations (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "full.json", NULL);
  g_autoptr(GBytes) bytes = test_read_bytes (path);
  static const char replacements[] = "{}[]\",:0-9aZ \n\\\x80";
  g_autoptr(GRand) rand = g_rand_new_with_seed (2016);
  const char *data;
  gsize size;

  data = g_bytes_get_data (bytes, &size);

  for (guint i = 0; i < 1500; i++)
    {
      g_autofree char *copy = g_memdup2 (data, size);
      g_autoptr(GBytes) mutated = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(IccDataset) dataset = NULL;

      for (guint j = 0; j < 1 + i % 3; j++)
        copy[g_rand_int_range (rand, 0, size)] =
          replacements[g_rand_int_range (rand, 0, sizeof replacements - 1)];

      mutated = g_bytes_new (copy, size);
      dataset = icc_dataset_load_bytes (mutated, &problems, &error);
      g_assert_nonnull (problems);
      if (dataset == NULL)
        {
          g_assert_nonnull (error);
          g_assert_cmpuint (count_severity (problems, ICC_PROBLEM_ERROR), >, 0);
        }
      else
        {
          g_autofree char *saved = icc_dataset_to_data (dataset, NULL);
          g_autoptr(GBytes) saved_bytes = g_bytes_new_static (saved, strlen (saved));
          g_autoptr(IccDataset) reloaded = NULL;
          g_autoptr(GError) reload_error = NULL;
          g_autofree char *saved_again = NULL;

          g_assert_no_error (error);
          reloaded = icc_dataset_load_bytes (saved_bytes, NULL, &reload_error);
          g_assert_no_error (reload_error);
          saved_again = icc_dataset_to_data (reloaded, NULL);
          g_assert_cmpstr (saved, ==, saved_again);
        }
    }
}

#define DEEP_LINE_1 \
  "{\"format\": \"icc-tracker\", \"version\": 1, \"title\": \"[[[\", " \
  "\"states\": [], \"events\": [],\n"
#define DEEP_LINE_2 " \"x_deep\": "

static void
test_deep_nesting (void)
{
  g_autoptr(GString) text = g_string_new (DEEP_LINE_1 DEEP_LINE_2);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IccDataset) dataset = NULL;
  IccProblem *problem;
  gsize prefix_length = text->len;

  /* Deep enough to crash a recursive parser. */
  for (guint i = 0; i < 150000; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < 150000; i++)
    g_string_append_c (text, ']');
  g_string_append (text, "}\n");

  bytes = g_bytes_new (text->str, text->len);
  dataset = icc_dataset_load_bytes (bytes, &problems, &error);
  g_assert_null (dataset);
  g_assert_error (error, ICC_DATASET_ERROR, ICC_DATASET_ERROR_INVALID);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpint (problem->line, ==, 2);
  /* The first bracket too many; the ones in "title" do not count. */
  g_assert_cmpint (problem->column, ==, (int)strlen (DEEP_LINE_2) + 256);
  g_assert_nonnull (strstr (problem->message, "nested too deeply"));

  /* Deep but within the limit: loaded and kept. */
  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_clear_error (&error);
  g_string_truncate (text, prefix_length);
  for (guint i = 0; i < 255; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < 255; i++)
    g_string_append_c (text, ']');
  g_string_append (text, "}\n");
  bytes = g_bytes_new (text->str, text->len);
  dataset = icc_dataset_load_bytes (bytes, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (problems->len, ==, 1);
}

/* Size limit */

static void
test_too_large_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("icc-test-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(IccDataset) dataset = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  int fd;

  g_assert_no_error (error);
  path = g_build_filename (dir, "huge.json", NULL);

  /* A sparse file: nothing is written, and the loader must not read it. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  if (ftruncate (fd, (off_t)ICC_DATASET_MAX_SIZE + 1) != 0)
    g_error ("ftruncate: %s", g_strerror (errno));
  close (fd);

  file = g_file_new_for_path (path);
  dataset = icc_dataset_load_file (file, &problems, NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, ICC_DATASET_ERROR, ICC_DATASET_ERROR_TOO_LARGE);
  g_assert_cmpuint (problems->len, ==, 1);
  g_clear_error (&error);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* The same size as bytes, mapped rather than read. */
  mapped = g_mapped_file_new (path, FALSE, &error);
  g_assert_no_error (error);
  bytes = g_mapped_file_get_bytes (mapped);
  dataset = icc_dataset_load_bytes (bytes, &problems, &error);
  g_assert_null (dataset);
  g_assert_error (error, ICC_DATASET_ERROR, ICC_DATASET_ERROR_TOO_LARGE);
  g_assert_cmpuint (problems->len, ==, 1);

  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_pointer (&mapped, g_mapped_file_unref);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/icc/dataset.json");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IccDataset) dataset = NULL;

  dataset = icc_dataset_load_file (file, &problems, NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, ICC_DATASET_ERROR, ICC_DATASET_ERROR_IO);
  g_assert_cmpuint (problems->len, ==, 1);
}

/* Saving */

static guint
count_dir_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static gboolean
dir_is_writable (const char *path)
{
  g_autofree char *probe = g_build_filename (path, "probe", NULL);
  int fd = g_open (probe, O_WRONLY | O_CREAT | O_EXCL, 0644);

  if (fd < 0)
    return FALSE;

  close (fd);
  g_unlink (probe);

  return TRUE;
}

static void
test_save_atomic (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("icc-test-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) missing = NULL;
  g_autoptr(GCancellable) cancellable = NULL;
  g_autoptr(IccDataset) dataset = NULL;
  g_autoptr(IccDataset) reloaded = NULL;
  g_autofree char *reloaded_data = NULL;
  IccDate date = { 2016, 11, 16 };
  g_autoptr(IccEvent) event = icc_event_new ("new-event", ICC_EVENT_KIND_STATEMENT, &date);

  g_assert_no_error (error);
  path = g_build_filename (dir, "dataset.icc.json", NULL);
  file = g_file_new_for_path (path);

  dataset = load_good ("full.json", NULL);
  g_assert_true (icc_dataset_save_file (dataset, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (icc_dataset_get_file (dataset), file));
  g_assert_cmpuint (count_dir_entries (dir), ==, 1);

  expected = icc_dataset_to_data (dataset, NULL);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);

  reloaded = icc_dataset_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  reloaded_data = icc_dataset_to_data (reloaded, NULL);
  g_assert_cmpstr (reloaded_data, ==, expected);

  /* A change that an interrupted save must not half-write. */
  icc_event_set_title (event, "A new statement");
  g_assert_true (icc_dataset_add_event (dataset, event));
  g_assert_true (icc_dataset_index (dataset, NULL, NULL));

  /* Cancelled: an error, the old file intact, no temporary file left. */
  cancellable = g_cancellable_new ();
  g_cancellable_cancel (cancellable);
  g_assert_false (icc_dataset_save_file (dataset, file, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, expected);
  g_clear_pointer (&after, g_free);
  g_assert_cmpuint (count_dir_entries (dir), ==, 1);

  /* A read-only folder (meaningless as root, who may write anyway). */
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  if (!dir_is_writable (dir))
    {
      g_assert_false (icc_dataset_save_file (dataset, file, NULL, &error));
      g_assert_error (error, ICC_DATASET_ERROR, ICC_DATASET_ERROR_IO);
      g_clear_error (&error);
      g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
      g_assert_cmpstr (after, ==, expected);
      g_clear_pointer (&after, g_free);
      g_assert_cmpuint (count_dir_entries (dir), ==, 1);
    }
  else
    g_test_message ("running as root: read-only folder case not checked");
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);

  /* A write that fails half-way (a file size limit applies to root too):
   * the temporary file is removed and the old file is not replaced. */
  {
    struct rlimit old_limit, limit;
    void (*old_handler) (int);
    gboolean saved;

    g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
    limit = old_limit;
    limit.rlim_cur = 1024;
    old_handler = signal (SIGXFSZ, SIG_IGN);
    g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

    saved = icc_dataset_save_file (dataset, file, NULL, &error);

    g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
    signal (SIGXFSZ, old_handler);

    g_assert_false (saved);
    g_assert_error (error, ICC_DATASET_ERROR, ICC_DATASET_ERROR_IO);
    g_clear_error (&error);
    g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
    g_assert_cmpstr (after, ==, expected);
    g_clear_pointer (&after, g_free);
    g_assert_cmpuint (count_dir_entries (dir), ==, 1);
  }

  /* A folder that does not exist. */
  {
    g_autofree char *missing_path = g_build_filename (dir, "no", "such", "dataset.json", NULL);

    missing = g_file_new_for_path (missing_path);
    g_assert_false (icc_dataset_save_file (dataset, missing, NULL, &error));
    g_assert_error (error, ICC_DATASET_ERROR, ICC_DATASET_ERROR_IO);
    g_clear_error (&error);
    g_assert_true (g_file_equal (icc_dataset_get_file (dataset), file));
    g_assert_cmpuint (count_dir_entries (dir), ==, 1);
  }

  /* And a successful save replaces it. */
  g_assert_true (icc_dataset_save_file (dataset, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_nonnull (strstr (after, "\"new-event\""));
  g_assert_cmpuint (count_dir_entries (dir), ==, 1);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Problems */

static void
test_problem_to_string (void)
{
  g_autoptr(IccProblem) error = icc_problem_new (ICC_PROBLEM_ERROR, "events[12].date", 0, 0,
                                                 "\"2016-02-30\" is not a valid date");
  g_autoptr(IccProblem) warning = icc_problem_new (ICC_PROBLEM_WARNING, "x_note", 0, 0,
                                                   "unknown field, kept when saving");
  g_autoptr(IccProblem) syntax = icc_problem_new (ICC_PROBLEM_ERROR, NULL, 3, 7, "syntax error");
  g_autoptr(IccProblem) root = icc_problem_new (ICC_PROBLEM_ERROR, "", 0, 0, "the file is empty");
  g_autoptr(IccProblem) copy = icc_problem_copy (syntax);
  g_autofree char *s1 = icc_problem_to_string (error, "f.json");
  g_autofree char *s2 = icc_problem_to_string (warning, "f.json");
  g_autofree char *s3 = icc_problem_to_string (syntax, "f.json");
  g_autofree char *s4 = icc_problem_to_string (root, "f.json");
  g_autofree char *s5 = icc_problem_to_string (error, NULL);
  g_autofree char *s6 = icc_problem_to_string (copy, NULL);

  g_assert_cmpstr (s1, ==, "f.json: events[12].date: \"2016-02-30\" is not a valid date");
  g_assert_cmpstr (s2, ==, "f.json: x_note: warning: unknown field, kept when saving");
  g_assert_cmpstr (s3, ==, "f.json:3:7: syntax error");
  g_assert_cmpstr (s4, ==, "f.json: the file is empty");
  g_assert_cmpstr (s5, ==, "events[12].date: \"2016-02-30\" is not a valid date");
  g_assert_cmpstr (s6, ==, "3:7: syntax error");
  g_assert_cmpstr (syntax->path, ==, "");
  g_assert_true (G_TYPE_IS_BOXED (ICC_TYPE_PROBLEM));
}

static void
test_error_message (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(IccDataset) dataset = NULL;
  const char *text =
    "{\"format\": \"icc-tracker\", \"version\": 1, \"title\": 3, \"states\": [], \"events\": {}}";

  bytes = g_bytes_new_static (text, strlen (text));
  dataset = icc_dataset_load_bytes (bytes, &problems, &error);
  g_assert_null (dataset);
  g_assert_error (error, ICC_DATASET_ERROR, ICC_DATASET_ERROR_INVALID);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpstr (error->message, ==,
                   "The dataset has 2 errors, the first: title: expected a string, found a number");

  /* problems may be NULL. */
  g_clear_error (&error);
  g_assert_null (icc_dataset_load_bytes (bytes, NULL, &error));
  g_assert_error (error, ICC_DATASET_ERROR, ICC_DATASET_ERROR_INVALID);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *bad_path = NULL;
  g_autofree char *good_path = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) bad_dir = NULL;
  g_autoptr(GDir) good_dir = NULL;
  const char *name;

  g_test_init (&argc, &argv, NULL);

  bad_path = g_test_build_filename (G_TEST_DIST, "data", "bad", NULL);
  bad_dir = g_dir_open (bad_path, 0, NULL);
  g_assert_nonnull (bad_dir);
  while ((name = g_dir_read_name (bad_dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));

  good_path = g_test_build_filename (G_TEST_DIST, "data", "good", NULL);
  good_dir = g_dir_open (good_path, 0, NULL);
  g_assert_nonnull (good_dir);
  while ((name = g_dir_read_name (good_dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strconcat ("good/", name, NULL));

  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file_name = g_ptr_array_index (names, i);
      g_autofree char *test_path = NULL;

      if (g_str_has_prefix (file_name, "good/"))
        {
          test_path = g_strconcat ("/IccTracker/DatasetJson/good/", file_name + 5, NULL);
          g_test_add_data_func (test_path, file_name + 5, test_good_file);
        }
      else
        {
          test_path = g_strconcat ("/IccTracker/DatasetJson/bad/", file_name, NULL);
          g_test_add_data_func (test_path, file_name, test_bad_file);
        }
    }

  g_test_add_func ("/IccTracker/DatasetJson/bad-corpus-size", test_bad_corpus_size);
  g_test_add_func ("/IccTracker/DatasetJson/full-fields", test_full_fields);
  g_test_add_func ("/IccTracker/DatasetJson/unknown-fields", test_unknown_fields);
  g_test_add_func ("/IccTracker/DatasetJson/index-paths", test_index_paths);
  g_test_add_func ("/IccTracker/DatasetJson/utf8-validate", test_utf8_validate);
  g_test_add_func ("/IccTracker/DatasetJson/orphan-citation", test_orphan_citation_warning);
  g_test_add_func ("/IccTracker/DatasetJson/bundled", test_bundled);
  g_test_add_func ("/IccTracker/DatasetJson/large-file", test_large_file_keeps_nothing_of_the_tree);
  g_test_add_func ("/IccTracker/DatasetJson/event-citations", test_event_citations_list);
  g_test_add_func ("/IccTracker/DatasetJson/invalid-utf8-position", test_invalid_utf8_position);
  g_test_add_func ("/IccTracker/DatasetJson/problem-escapes-control-characters",
                   test_problem_escapes_control_characters);
  g_test_add_func ("/IccTracker/DatasetJson/unclosed-string-large", test_unclosed_string_large);
  g_test_add_func ("/IccTracker/DatasetJson/not-regular-file", test_not_regular_file);
  g_test_add_func ("/IccTracker/DatasetJson/article-web-url", test_article_web_url);
  g_test_add_func ("/IccTracker/DatasetJson/save-writes-strict-json",
                   test_save_writes_strict_json);
  g_test_add_func ("/IccTracker/DatasetJson/syntax-error-position", test_syntax_error_position);
  g_test_add_func ("/IccTracker/DatasetJson/truncated", test_truncated);
  g_test_add_func ("/IccTracker/DatasetJson/mutations", test_mutations);
  g_test_add_func ("/IccTracker/DatasetJson/deep-nesting", test_deep_nesting);
  g_test_add_func ("/IccTracker/DatasetJson/too-large", test_too_large_file);
  g_test_add_func ("/IccTracker/DatasetJson/missing-file", test_missing_file);
  g_test_add_func ("/IccTracker/DatasetJson/save-atomic", test_save_atomic);
  g_test_add_func ("/IccTracker/DatasetJson/problem-to-string", test_problem_to_string);
  g_test_add_func ("/IccTracker/DatasetJson/error-message", test_error_message);

  return g_test_run ();
}
