/* bench-load.c: loading a large dataset, against json-glib parsing it alone.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generates a valid dataset of 100,000 events and 10,000 articles (with
 * 20,000 citations carrying offset hints), writes it to a temporary file and
 * times, over several runs, (a) json_parser_load_from_data on its bytes (and
 * freeing the tree it built) and
 * (b) icc_dataset_load_bytes (parse + validate + build + index + anchor).
 * Target (DESIGN §7): (b) within 1.5x of (a). Also prints the memory held
 * per event once loaded.
 *
 * The loader frees the parse tree of a large file on another thread (see
 * free_tree_later() in icc-dataset-json.c): each run waits a second for it
 * before measuring memory or starting the next run, so that runs do not
 * overlap.
 *
 * Usage: bench-load [N_EVENTS [N_ARTICLES [RUNS]]]
 */

#include <stdio.h>
#include <stdlib.h>
#include <malloc.h>
#include <json-glib/json-glib.h>

#include "icc-dataset-json.h"
#include "bench-util.h"

static const char *words[] = {
  "court", "statute", "state", "party", "withdrawal", "signature", "Rome", "treaty",
  "prosecutor", "investigation", "Crimea", "Kremlin", "decree", "justice", "international",
  "crimes", "jurisdiction", "ratified", "member", "United", "Nations", "Hague",
};

static void
append_text (GString *str,
             GRand   *rand,
             guint    n_words)
{
  for (guint i = 0; i < n_words; i++)
    {
      if (i > 0)
        g_string_append_c (str, (i % 17 == 0) ? '.' : ' ');
      if (i % 17 == 0 && i > 0)
        g_string_append_c (str, ' ');
      g_string_append (str, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
    }
}

static char *
generate (guint  n_events,
          guint  n_articles,
          gsize *length)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  GString *json = g_string_new (NULL);
  guint n_states = 26 * 26;
  guint event_id = 0;
  guint per_state = 5;
  static const char *membership[] = {
    "signature", "ratification", "entry_into_force", "withdrawal_notice", "withdrawal_revoked",
  };
  static const char *other[] = { "statement", "report", "investigation", "other", "warrant" };

  g_string_append (json, "{\"format\":\"icc-tracker\",\"version\":1,\"title\":\"Benchmark\",");

  g_string_append (json, "\"articles\":[");
  for (guint a = 0; a < n_articles; a++)
    {
      GString *text = g_string_new (NULL);
      g_autofree char *escaped = NULL;

      append_text (text, rand, 300);
      g_ptr_array_add (texts, g_string_free (text, FALSE));
      g_string_append_printf (json, "%s{\"id\":\"a%u\",\"title\":\"Article %u\",\"outlet\":\"Outlet\","
                              "\"date\":\"2016-11-16\",\"text\":\"%s\"}",
                              a > 0 ? "," : "", a, a, (char *)g_ptr_array_index (texts, a));
    }
  g_string_append (json, "],");

  g_string_append (json, "\"states\":[");
  for (guint s = 0; s < n_states; s++)
    g_string_append_printf (json, "%s{\"code\":\"%c%c\",\"name\":\"State %u\"}",
                            s > 0 ? "," : "", 'A' + s / 26, 'A' + s % 26, s);
  g_string_append (json, "],");

  g_string_append (json, "\"events\":[");
  for (guint s = 0; s < n_states && event_id < n_events; s++)
    for (guint k = 0; k < per_state && event_id < n_events; k++, event_id++)
      g_string_append_printf (json,
                              "%s{\"id\":\"e%u\",\"date\":\"%04u-%02u-%02u\",\"kind\":\"%s\","
                              "\"states\":[\"%c%c\"],\"title\":\"Event %u\"}",
                              event_id > 0 ? "," : "", event_id, 1999 + k * 4, 1 + s % 12,
                              1 + s % 28, membership[k], 'A' + s / 26, 'A' + s % 26, event_id);
  for (guint citation = 0; event_id < n_events; event_id++)
    {
      guint day = g_rand_int_range (rand, 0, 28 * 365);
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, 1, 1998);
      g_date_add_days (&date, day);
      g_string_append_printf (json,
                              ",{\"id\":\"e%u\",\"date\":\"%04u-%02u-%02u\",\"kind\":\"%s\","
                              "\"states\":[\"%c%c\"],\"title\":\"Event %u\","
                              "\"summary\":\"A summary of event %u.\"",
                              event_id, g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), other[event_id % G_N_ELEMENTS (other)],
                              'A' + (event_id % n_states) / 26, 'A' + event_id % 26,
                              event_id, event_id);
      /* One event in five cites two passages. */
      if (event_id % 5 == 0 && n_articles > 0)
        {
          g_string_append (json, ",\"citations\":[");
          for (guint c = 0; c < 2; c++, citation++)
            {
              guint a = citation % n_articles;
              const char *text = g_ptr_array_index (texts, a);
              glong len = g_utf8_strlen (text, -1);
              glong start = (citation * 37) % MAX (1, len - 40);
              g_autofree char *quote = g_utf8_substring (text, start, start + 30);

              g_string_append_printf (json, "%s{\"article\":\"a%u\",\"quote\":\"%s\","
                                      "\"start\":%ld,\"end\":%ld}",
                                      c > 0 ? "," : "", a, quote, start, start + 30);
            }
          g_string_append (json, "]");
        }
      g_string_append (json, "}");
    }
  g_string_append (json, "]}");

  *length = json->len;
  return g_string_free (json, FALSE);
}

static double
median (double *values,
        guint   n)
{
  bench_sort_doubles (values, n);
  return values[n / 2];
}

int
main (int   argc,
      char *argv[])
{
  guint n_events = argc > 1 ? atoi (argv[1]) : 100000;
  guint n_articles = argc > 2 ? atoi (argv[2]) : 10000;
  guint runs = argc > 3 ? atoi (argv[3]) : 5;
  g_autofree double *parse_ms = g_new0 (double, runs);
  g_autofree double *load_ms = g_new0 (double, runs);
  g_autoptr(GBytes) bytes = NULL;
  struct mallinfo2 before, after;
  char *data;
  gsize length;
  double parse, load;

  data = generate (n_events, n_articles, &length);
  bytes = g_bytes_new_take (data, length);
  printf ("dataset: %u events, %u articles, %.1f MiB\n",
          n_events, n_articles, length / (1024.0 * 1024.0));

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(IccDataset) dataset = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      gint64 t0, t1, t2;

      t0 = g_get_monotonic_time ();
      if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), length, &error))
        g_error ("%s", error->message);
      /* The parser the loader uses. The tree is json-glib's to free: part
       * of parsing it alone. */
      g_clear_object (&parser);
      t1 = g_get_monotonic_time ();
      parse_ms[r] = (t1 - t0) / 1000.0;

      g_usleep (G_USEC_PER_SEC);
      before = mallinfo2 ();
      t1 = g_get_monotonic_time ();
      dataset = icc_dataset_load_bytes (bytes, &problems, &error);
      t2 = g_get_monotonic_time ();
      load_ms[r] = (t2 - t1) / 1000.0;
      g_usleep (G_USEC_PER_SEC);
      after = mallinfo2 ();

      if (dataset == NULL)
        g_error ("load failed: %s", error->message);

      if (r == 0)
        printf ("memory per event (events + articles + indexes): %.0f bytes\n",
                (double)(after.uordblks - before.uordblks) / n_events);
    }

  parse = median (parse_ms, runs);
  load = median (load_ms, runs);
  printf ("json_parse median_ms=%.1f\n", parse);
  printf ("dataset_load median_ms=%.1f\n", load);
  printf ("ratio=%.2f\n", load / parse);

  return 0;
}
