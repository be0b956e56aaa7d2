/* test-export-timelinejs.c: the dataset as TimelineJS 3 JSON.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <json-glib/json-glib.h>

#include "icc-dataset-json.h"
#include "icc-export-timelinejs.h"
#include "icc-test-util.h"

static JsonObject *
parse (IccDataset *dataset,
       JsonParser *parser)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  data = icc_export_timelinejs_to_data (dataset, &length);
  g_assert_nonnull (data);
  g_assert_true (json_parser_load_from_data (parser, data, length, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_node_get_object (json_parser_get_root (parser));
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

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IccEvent) event = g_list_model_get_item (events, i);
      JsonObject *slide = json_array_get_object_element (slides, i);
      JsonObject *start = json_object_get_object_member (slide, "start_date");
      JsonObject *text = json_object_get_object_member (slide, "text");
      const IccDate *date = icc_event_get_date (event);
      g_autofree char *headline = g_markup_escape_text (icc_event_get_title (event), -1);

      g_assert_cmpstr (json_object_get_string_member (slide, "unique_id"), ==,
                       icc_event_get_id (event));
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
    }
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/timelinejs/bundled-events", test_bundled_events);
  g_test_add_func ("/export/timelinejs/escaping-and-periods", test_escaping_and_periods);

  return g_test_run ();
}
