/* test-export-timelinejs.c: the dataset as TimelineJS 3 JSON.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "icc-dataset-json.h"
#include "icc-export-image.h"
#include "icc-export-timelinejs.h"
#include "icc-test-util.h"

static JsonObject *
parse_full (IccDataset *dataset,
            IccTour    *tour,
            const char *range,
            JsonParser *parser)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  double start = 0, end = 0;

  if (range != NULL)
    g_assert_true (icc_export_parse_range (range, &start, &end, NULL));
  data = icc_export_timelinejs_to_data (dataset, tour, start, end, &length);
  g_assert_nonnull (data);
  g_assert_true (json_parser_load_from_data (parser, data, length, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_node_get_object (json_parser_get_root (parser));
}

static JsonObject *
parse (IccDataset *dataset,
       JsonParser *parser)
{
  return parse_full (dataset, NULL, NULL, parser);
}

static gint32
slide_day (JsonObject *slide)
{
  JsonObject *start = json_object_get_object_member (slide, "start_date");
  IccDate date = { json_object_get_int_member (start, "year"),
                   json_object_get_int_member_with_default (start, "month", 0),
                   json_object_get_int_member_with_default (start, "day", 0) };

  return icc_date_get_day (&date);
}

/* Every event of the bundled dataset, in order, with its date and headline. */
static void
test_bundled_events (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IccDataset) dataset = icc_dataset_load_bundled (&error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  GListModel *events;
  JsonObject *root;
  JsonArray *slides;
  guint n;

  g_assert_no_error (error);
  root = parse (dataset, parser);
  events = icc_dataset_get_events (dataset);
  n = g_list_model_get_n_items (events);
  slides = json_object_get_array_member (root, "events");

  g_assert_cmpuint (json_array_get_length (slides), ==, n);
  g_assert_true (json_object_has_member (json_object_get_object_member (root, "title"), "text"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "eras")), ==,
                    g_list_model_get_n_items (icc_dataset_get_eras (dataset)));

  /* In date order, so the model's order but for events of the same day:
   * the adoption first. */
  for (guint i = 0; i < n; i++)
    {
      JsonObject *slide = json_array_get_object_element (slides, i);
      IccEvent *event = icc_dataset_lookup_event (dataset,
                                                  json_object_get_string_member (slide,
                                                                                 "unique_id"));
      JsonObject *start = json_object_get_object_member (slide, "start_date");
      JsonObject *text = json_object_get_object_member (slide, "text");
      const IccDate *date;
      g_autofree char *headline = NULL;

      g_assert_nonnull (event);
      date = icc_event_get_date (event);
      headline = g_markup_escape_text (icc_event_get_title (event), -1);
      g_assert_cmpint (json_object_get_int_member (start, "year"), ==, date->year);
      if (date->month > 0)
        g_assert_cmpint (json_object_get_int_member (start, "month"), ==, date->month);
      else
        g_assert_false (json_object_has_member (start, "month"));
      if (date->day > 0)
        g_assert_cmpint (json_object_get_int_member (start, "day"), ==, date->day);
      else
        g_assert_false (json_object_has_member (start, "day"));
      g_assert_cmpstr (json_object_get_string_member (text, "headline"), ==, headline);
      g_assert_nonnull (json_object_get_string_member (slide, "group"));
      if (i > 0)
        g_assert_cmpint (slide_day (json_array_get_object_element (slides, i - 1)), <=,
                         slide_day (slide));
    }
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (slides, 0),
                                                  "unique_id"), ==, "rome-statute-adopted");
}

/* The title slide is written for readers: no build notes. */
static void
test_title_slide (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IccDataset) dataset = icc_dataset_load_bundled (&error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *text;
  const char *html;

  g_assert_no_error (error);
  text = json_object_get_object_member (json_object_get_object_member (parse (dataset, parser),
                                                                       "title"), "text");
  html = json_object_get_string_member (text, "text");
  g_test_message ("title slide: %s", html);
  g_assert_nonnull (strstr (html, "Every state that signed"));
  g_assert_null (strstr (html, "tools/"));
  g_assert_null (strstr (html, "build-dataset"));
  g_assert_null (strstr (html, "docs/"));
  g_assert_nonnull (strstr (html, "events, 17 July 1998"));
}

/* With a tour: exactly its steps' events, under its title; with a range,
 * the events of the range. */
static void
test_tour_and_range (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IccDataset) dataset = icc_dataset_load_bundled (&error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) range_parser = json_parser_new ();
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  IccTour *tour;
  JsonObject *root;
  JsonArray *slides;
  double start, end;
  guint n_in_range = 0;

  g_assert_no_error (error);
  tour = icc_dataset_lookup_tour (dataset, "russia-2016");
  g_assert_nonnull (tour);
  for (guint i = 0; i < icc_tour_get_n_steps (tour); i++)
    g_hash_table_add (ids, (char *)icc_tour_get_step_event (tour, i));

  root = parse_full (dataset, tour, NULL, parser);
  slides = json_object_get_array_member (root, "events");
  g_assert_cmpuint (json_array_get_length (slides), ==, g_hash_table_size (ids));
  for (guint i = 0; i < json_array_get_length (slides); i++)
    g_assert_true (g_hash_table_contains (ids, json_object_get_string_member (
                                            json_array_get_object_element (slides, i),
                                            "unique_id")));
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (
                       json_object_get_object_member (root, "title"), "text"), "headline"),
                   ==, icc_tour_get_title (tour));

  root = parse_full (dataset, NULL, "2016-11..2016-11", range_parser);
  slides = json_object_get_array_member (root, "events");
  g_assert_true (icc_export_parse_range ("2016-11..2016-11", &start, &end, NULL));
  for (guint i = 0; i < g_list_model_get_n_items (icc_dataset_get_events (dataset)); i++)
    {
      g_autoptr(IccEvent) event = g_list_model_get_item (icc_dataset_get_events (dataset), i);

      n_in_range += icc_event_get_day (event) >= start && icc_event_get_day (event) < end;
    }
  g_assert_cmpuint (n_in_range, >, 0);
  g_assert_cmpuint (json_array_get_length (slides), ==, n_in_range);
}

/* A slide quotes at most two passages, each at most 280 characters, and
 * links the others. */
static void
test_long_citations (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IccDataset) dataset = icc_dataset_load_bundled (&error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *slides;
  guint n_shortened = 0;

  g_assert_no_error (error);
  slides = json_object_get_array_member (parse (dataset, parser), "events");
  for (guint i = 0; i < json_array_get_length (slides); i++)
    {
      JsonObject *slide = json_array_get_object_element (slides, i);
      IccEvent *event = icc_dataset_lookup_event (dataset,
                                                  json_object_get_string_member (slide,
                                                                                 "unique_id"));
      JsonObject *text = json_object_get_object_member (slide, "text");
      const char *html = json_object_get_string_member_with_default (text, "text", "");
      guint n_quotes = 0;

      for (const char *q = html; (q = strstr (q, "<blockquote>")) != NULL; q++)
        n_quotes++;
      g_assert_cmpuint (n_quotes, <=, 2);
      if (g_list_model_get_n_items (icc_event_get_citations (event)) > 2)
        {
          g_assert_nonnull (strstr (html, "more passage"));
          n_shortened++;
        }
    }
  g_assert_cmpuint (n_shortened, >, 0);
}

/* Markup in dataset strings is escaped; certainty and periods carry over. */
static void
test_escaping_and_periods (void)
{
  g_autoptr(IccDataset) dataset = icc_dataset_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *slide, *text;
  IccEvent *event;
  IccDate end;

  test_add_state (dataset, "GE", "Georgia");
  event = test_add_event (dataset, "war", ICC_EVENT_KIND_OTHER, "2008-08-08", "GE");
  icc_event_set_title (event, "<b>Bold & \"quoted\"");
  icc_event_set_summary (event, "<script>alert(1)</script>");
  icc_event_set_certainty (event, ICC_CERTAINTY_DISPUTED);
  icc_event_set_certainty_note (event, "Sources disagree");
  g_assert_true (icc_date_parse ("2008-08-12", &end, NULL));
  icc_event_set_end_date (event, &end);
  icc_dataset_set_title (dataset, "A & B");
  g_assert_true (icc_dataset_index (dataset, NULL, NULL));

  root = parse (dataset, parser);
  slide = json_array_get_object_element (json_object_get_array_member (root, "events"), 0);
  text = json_object_get_object_member (slide, "text");

  g_assert_cmpstr (json_object_get_string_member (text, "headline"), ==,
                   "&lt;b&gt;Bold &amp; &quot;quoted&quot;");
  g_assert_null (strstr (json_object_get_string_member (text, "text"), "<script>"));
  g_assert_nonnull (strstr (json_object_get_string_member (text, "text"), "&lt;script&gt;"));
  g_assert_nonnull (strstr (json_object_get_string_member (text, "text"), "Sources disagree"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (slide, "end_date"),
                                               "day"), ==, 12);
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (
                       json_object_get_object_member (root, "title"), "text"), "headline"),
                   ==, "A &amp; B");
}

static guint
n_slides_for_choice (IccDataset *dataset,
                     const char *choice,
                     double      start,
                     double      end)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  int fd = g_file_open_tmp ("icc-timelinejs-XXXXXX.json", &path, &error);

  g_assert_no_error (error);
  close (fd);
  file = g_file_new_for_path (path);
  g_assert_true (icc_export_timelinejs_to_file_for_choice (dataset, choice, start, end, file,
                                                           &error));
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  g_unlink (path);

  return json_array_get_length (json_object_get_array_member (
                                  json_node_get_object (json_parser_get_root (parser)),
                                  "events"));
}

/* The window's choice: all events, the dates it shows, or a tour's. */
static void
test_choice (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IccDataset) dataset = icc_dataset_load_bundled (&error);
  guint n = g_list_model_get_n_items (icc_dataset_get_events (dataset));
  double start, end;

  g_assert_no_error (error);
  g_assert_true (icc_export_parse_range ("2016-11..2016-11", &start, &end, NULL));
  g_assert_cmpuint (n_slides_for_choice (dataset, NULL, start, end), ==, n);
  g_assert_cmpuint (n_slides_for_choice (dataset, "all", start, end), ==, n);
  g_assert_cmpuint (n_slides_for_choice (dataset, "visible", start, end), <, 20);
  g_assert_cmpuint (n_slides_for_choice (dataset, "visible", start, end), >, 0);
  g_assert_cmpuint (n_slides_for_choice (dataset, "tour:russia-2016", start, end), ==,
                    icc_tour_get_n_steps (icc_dataset_lookup_tour (dataset, "russia-2016")));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/timelinejs/bundled-events", test_bundled_events);
  g_test_add_func ("/export/timelinejs/escaping-and-periods", test_escaping_and_periods);
  g_test_add_func ("/export/timelinejs/title-slide", test_title_slide);
  g_test_add_func ("/export/timelinejs/tour-and-range", test_tour_and_range);
  g_test_add_func ("/export/timelinejs/long-citations", test_long_citations);
  g_test_add_func ("/export/timelinejs/choice", test_choice);

  return g_test_run ();
}
