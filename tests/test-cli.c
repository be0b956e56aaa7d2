/* test-cli.c: the command line's --validate and --world-state, without a
 * display: output formats and exit statuses of issue 2.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "icc-cli.h"
#include "icc-country-names.h"
#include "icc-enum-util.h"

static char *
data_path (const char *kind,
           const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", kind, name, NULL);
}

/* Valid files print nothing and exit 0; every problem of an invalid file is a
 * line "FILE: PATH: message" and the exit status is 1. */
static void
test_validate (void)
{
  g_autofree char *good = data_path ("good", "minimal.json");
  g_autofree char *bad = data_path ("bad", "date-february-30.json");
  g_autofree char *expected = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  const char *good_only[] = { good, NULL };
  const char *both[] = { good, bad, NULL };
  const char *missing[] = { "/nonexistent/dataset.json", NULL };
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (icc_cli_validate (good_only, out), ==, 0);
  g_assert_cmpstr (out->str, ==, "");

  g_assert_cmpint (icc_cli_validate (both, out), ==, 1);
  expected = g_strdup_printf ("%s: events[1].date: \"2016-02-30\" is not a valid date", bad);
  lines = g_strsplit (out->str, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_cmpstr (lines[0], ==, expected);
  g_assert_cmpstr (lines[1], ==, "");

  g_string_truncate (out, 0);
  g_assert_cmpint (icc_cli_validate (missing, out), ==, 1);
  g_assert_true (g_str_has_prefix (out->str, "/nonexistent/dataset.json: "));
  g_assert_true (g_str_has_suffix (out->str, "\n"));
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));

  return json_object_ref (json_node_get_object (root));
}

/* {"date","states_parties","counts":{…},"states":[{"code","name","status","since"}]},
 * with a withdrawing state still counted as a State Party. */
static void
test_world_state_json (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(JsonObject) root = NULL;
  JsonObject *counts;
  JsonArray *states;
  gint64 sum = 0;
  guint n;

  g_assert_cmpint (icc_cli_world_state (NULL, "2016-11-16", "json", out), ==, 0);
  root = parse_object (out->str);

  g_assert_cmpuint (json_object_get_size (root), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (root, "date"), ==, "2016-11-16");

  counts = json_object_get_object_member (root, "counts");
  g_assert_nonnull (counts);
  g_assert_true (json_object_has_member (counts, "party"));
  g_assert_true (json_object_has_member (counts, "withdrawing"));
  g_assert_true (json_object_has_member (counts, "signatory"));
  g_assert_cmpint (json_object_get_int_member (root, "states_parties"), ==,
                   json_object_get_int_member (counts, "party") +
                   json_object_get_int_member (counts, "withdrawing"));
  g_assert_cmpint (json_object_get_int_member (counts, "withdrawing"), >, 0);

  states = json_object_get_array_member (root, "states");
  g_assert_nonnull (states);
  n = json_array_get_length (states);
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *state = json_array_get_object_element (states, i);
      const char *status = json_object_get_string_member (state, "status");
      JsonNode *since = json_object_get_member (state, "since");

      const char *certainty = json_object_get_string_member (state, "certainty");
      int value;

      /* A certainty for every state, and its note when it is less than confirmed. */
      g_assert_nonnull (certainty);
      g_assert_true (icc_enum_from_nick (ICC_TYPE_CERTAINTY, certainty, &value));
      if (g_str_equal (certainty, "confirmed"))
        g_assert_cmpuint (json_object_get_size (state), ==, 5);
      else
        {
          g_assert_cmpuint (json_object_get_size (state), ==, 6);
          g_assert_nonnull (json_object_get_string_member (state, "certainty_note"));
        }
      if (g_str_equal (json_object_get_string_member (state, "code"), "RU"))
        g_assert_cmpstr (certainty, ==, "confirmed");
      g_assert_cmpuint (strlen (json_object_get_string_member (state, "code")), ==, 2);
      g_assert_nonnull (json_object_get_string_member (state, "name"));
      g_assert_true (json_object_has_member (counts, status));
      g_assert_nonnull (since);
      if (g_str_equal (status, "none"))
        g_assert_true (JSON_NODE_HOLDS_NULL (since));
      else
        g_assert_nonnull (json_node_get_string (since));
    }

  /* The counts add up to the rows. */
  {
    JsonObjectIter iter;
    const char *name;
    JsonNode *value;

    json_object_iter_init (&iter, counts);
    while (json_object_iter_next (&iter, &name, &value))
      sum += json_node_get_int (value);
  }
  g_assert_cmpint (sum, ==, n);
}

/* Usage errors exit 2 and say why; a bad dataset exits 1. */
static void
test_world_state_errors (void)
{
  g_autofree char *bad = data_path ("bad", "date-february-30.json");
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_cmpint (icc_cli_world_state (NULL, "2016-02-30", "json", out), ==, 2);
  g_assert_nonnull (strstr (out->str, "2016-02-30"));

  g_string_truncate (out, 0);
  g_assert_cmpint (icc_cli_world_state (NULL, "2016-11-16", "xml", out), ==, 2);
  g_assert_nonnull (strstr (out->str, "xml"));

  g_string_truncate (out, 0);
  g_assert_cmpint (icc_cli_world_state (bad, "2016-11-16", "text", out), ==, 1);
  g_assert_true (g_str_has_prefix (out->str, bad));
}

/* The text table: a heading, the counts line, then one aligned row a state. */
static void
test_world_state_text (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  const char *status_column;
  gsize offset;

  g_assert_cmpint (icc_cli_world_state (NULL, "2016-11-16", NULL, out), ==, 0);
  lines = g_strsplit (out->str, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >, 5);
  g_assert_true (g_str_has_prefix (lines[0], "World state on "));
  g_assert_true (g_str_has_prefix (lines[1], "124 States Parties (3 withdrawing)"));
  /* Some statuses rest on a single source: the legend of the marks. */
  g_assert_true (g_str_has_prefix (lines[2], "* the event behind the status has a single source"));
  g_assert_cmpstr (lines[3], ==, "");

  /* Every row's status starts in the heading's "Status" column. */
  status_column = strstr (lines[4], "Status");
  g_assert_nonnull (status_column);
  offset = g_utf8_pointer_to_offset (lines[4], status_column);
  for (guint i = 5; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      const char *at = g_utf8_offset_to_pointer (lines[i], offset);

      g_assert_cmpuint (g_utf8_strlen (lines[i], -1), >, offset);
      g_assert_true (at[0] != ' ' && g_utf8_get_char (g_utf8_prev_char (at)) == ' ');
    }
}

/* A status that rests on an unverified event has a mark in the text table:
 * Hungary's withdrawal, Russia's notification. */
static void
test_world_state_text_marks (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  guint n_marked = 0;

  g_assert_cmpint (icc_cli_world_state (NULL, "2026-12-02", "text", out), ==, 0);
  lines = g_strsplit (out->str, "\n", -1);
  g_assert_nonnull (strstr (lines[1], "3 withdrawn, 1 unverified"));
  g_assert_nonnull (strstr (lines[2], "? it is disputed or unverified"));
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "HU "))
        {
          g_assert_nonnull (strstr (lines[i], "Withdrawn ?"));
          n_marked++;
        }
      else if (g_str_has_prefix (lines[i], "RU "))
        {
          g_assert_nonnull (strstr (lines[i], "Signature withdrawn ?"));
          n_marked++;
        }
      else if (g_str_has_prefix (lines[i], "FR "))
        g_assert_null (strstr (lines[i], "?"));
    }
  g_assert_cmpuint (n_marked, ==, 2);
}

/* A name from the file cannot write control characters to a terminal (an
 * escape sequence, a second line). */
static void
test_world_state_text_escapes (void)
{
  static const char json[] =
    "{\"format\":\"icc-tracker\",\"version\":1,\"title\":\"T\",\"events\":[],"
    "\"states\":[{\"code\":\"XA\",\"name\":\"Bad\\u001b[31mland\\nXB forged\"}]}";
  g_autofree char *dir = g_dir_make_tmp ("icc-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "escapes.json", NULL);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  g_assert_cmpint (icc_cli_world_state (path, "2016-11-16", "text", out), ==, 0);
  g_assert_null (strchr (out->str, '\x1b'));
  g_assert_nonnull (strstr (out->str, "Bad\\u001B[31mland\\nXB forged"));

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* --changes on the autumn of 2016 (issue 14): South Africa, Burundi and the
 * Gambia give notice, Russia withdraws its signature. */
static void
test_changes (void)
{
  static const char * const expected[] = {
    "2016-10-19,ZA,South Africa,party,withdrawing,",
    "2016-10-27,BI,Burundi,party,withdrawing,",
    "2016-11-10,GM,Gambia,party,withdrawing,",
    "2016-11-30,RU,Russia,signatory,unsigned,",
  };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  JsonArray *changes;

  g_assert_cmpint (icc_cli_changes (NULL, "2016-10-01..2016-12-31", "csv", out), ==, 0);
  lines = g_strsplit (out->str, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, "date,code,state,from,to,certainty,event");
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_nonnull (lines[i + 1]);
      g_assert_true (g_str_has_prefix (lines[i + 1], expected[i]));
    }
  g_assert_cmpstr (lines[G_N_ELEMENTS (expected) + 1], ==, "");

  g_string_truncate (out, 0);
  g_assert_cmpint (icc_cli_changes (NULL, "2016-10..2016-12", "json", out), ==, 0);
  json_parser_load_from_data (parser, out->str, -1, &error);
  g_assert_no_error (error);
  changes = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                          "changes");
  g_assert_cmpuint (json_array_get_length (changes), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (changes, 3),
                                                  "to"), ==, "unsigned");

  g_string_truncate (out, 0);
  g_assert_cmpint (icc_cli_changes (NULL, "2016-10-01..2016-12-31", NULL, out), ==, 0);
  g_assert_nonnull (strstr (out->str, "Changes from 1 October 2016 to 31 December 2016: 4"));
  g_assert_nonnull (strstr (out->str, "2016-11-30  RU  Russia: Signatory → Signature withdrawn"));

  /* Since a date: to the last event at least. */
  g_string_truncate (out, 0);
  g_assert_cmpint (icc_cli_changes (NULL, "2016-10-01..", "csv", out), ==, 0);
  g_assert_nonnull (strstr (out->str, "2016-11-30,RU,"));

  g_string_truncate (out, 0);
  g_assert_cmpint (icc_cli_changes (NULL, "2016-12-31..2016-10-01", "text", out), ==, 2);
  g_assert_nonnull (strstr (out->str, "ends before it starts"));
  g_string_truncate (out, 0);
  g_assert_cmpint (icc_cli_changes (NULL, "2016-13..2017", "text", out), ==, 2);
  g_string_truncate (out, 0);
  g_assert_cmpint (icc_cli_changes (NULL, "2016..2017", "xml", out), ==, 2);
}

/* --world-state --format=csv: a header and a row per state; a field with a
 * comma is quoted. */
static void
test_world_state_csv (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (icc_cli_world_state (NULL, "2016-12-01", "csv", out), ==, 0);
  lines = g_strsplit (out->str, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, "code,state,status,since,certainty");
  g_assert_cmpuint (g_strv_length (lines), >, 190);
  g_assert_nonnull (strstr (out->str, "\r\nRU,Russia,unsigned,2016-11-30,"));
}

/* iso-codes' sorting forms read as cut in a heading (issue 13). */
static void
test_country_name_reading_order (void)
{
  static const char * const cases[][2] = {
    { "Russie, Fédération de", "Fédération de Russie" },
    { "Corée, République populaire démocratique de", "République populaire démocratique de Corée" },
    { "Iran, République islamique d'", "République islamique d'Iran" },
    { "Bolivie, état plurinational de", "état plurinational de Bolivie" },
    { "Corea, República de", "República de Corea" },
    { "Korea, Republic of", "Republic of Korea" },
    { "Russie", "Russie" },
    { "Bonaire, Saint-Eustache et Saba", "Bonaire, Saint-Eustache et Saba" },
    { "Virgin Islands, British", "Virgin Islands, British" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *ordered = icc_country_names_reading_order (cases[i][0]);

      g_assert_cmpstr (ordered, ==, cases[i][1]);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/country-name-reading-order", test_country_name_reading_order);
  g_test_add_func ("/cli/validate", test_validate);
  g_test_add_func ("/cli/world-state-json", test_world_state_json);
  g_test_add_func ("/cli/world-state-errors", test_world_state_errors);
  g_test_add_func ("/cli/world-state-text", test_world_state_text);
  g_test_add_func ("/cli/world-state-text-marks", test_world_state_text_marks);
  g_test_add_func ("/cli/world-state-text-escapes", test_world_state_text_escapes);
  g_test_add_func ("/cli/changes", test_changes);
  g_test_add_func ("/cli/world-state-csv", test_world_state_csv);

  return g_test_run ();
}
