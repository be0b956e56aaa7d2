/* test-bundled-dataset.c: the dataset compiled into the binary is complete and
 * agrees with the reference tables.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <string.h>

#include "icc-dataset.h"
#include "icc-dataset-json.h"
#include "icc-test-load.h"
#include "icc-enum-util.h"
#include "icc-world.h"

#define BUNDLED_RESOURCE "/org/example/IccTracker/dataset/icc-tracker.json"

static void
test_no_problems (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(IccDataset) dataset = NULL;

  bytes = g_resources_lookup_data (BUNDLED_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);

  dataset = icc_dataset_load_bytes (bytes, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_nonnull (problems);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = icc_problem_to_string (g_ptr_array_index (problems, i),
                                                     "icc-tracker.json");

      g_test_message ("%s", text);
    }
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_contents (void)
{
  g_autoptr(IccDataset) dataset = test_load_bundled ();
  const char *never_signed[] = { "CN", "IN", "PK" };

  g_assert_cmpstr (icc_dataset_get_title (dataset), ==, "The Rome Statute and its States");
  /* 157 states of the reference table, and 39 that never signed: every UN
   * member and observer state (test_un_members), and no other. */
  g_assert_cmpuint (g_list_model_get_n_items (icc_dataset_get_states (dataset)), ==, 196);
  g_assert_cmpuint (g_list_model_get_n_items (icc_dataset_get_articles (dataset)), ==, 5);
  g_assert_nonnull (icc_dataset_lookup_tour (dataset, "russia-2016"));

  for (guint i = 0; i < G_N_ELEMENTS (never_signed); i++)
    {
      IccState *state = icc_dataset_lookup_state (dataset, never_signed[i]);

      g_assert_nonnull (state);
      g_assert_cmpstr (icc_state_get_group (state), ==, "asia_pacific");
    }
  g_assert_cmpstr (icc_state_get_group (icc_dataset_lookup_state (dataset, "RU")), ==,
                   "eastern_european");
  g_assert_cmpstr (icc_state_get_group (icc_dataset_lookup_state (dataset, "CY")), ==,
                   "asia_pacific");
  g_assert_cmpstr (icc_state_get_group (icc_dataset_lookup_state (dataset, "IL")), ==,
                   "weog");
}

/* The 193 member states of the United Nations (South Sudan, admitted on
 * 14 July 2011, is the latest), by ISO 3166-1 alpha-2 code. Source: United
 * Nations, "Member States", https://www.un.org/en/about-us/member-states,
 * checked against iso-codes' iso_3166-1.json for the codes. */
static const char * const un_members[] = {
  "AD", "AE", "AF", "AG", "AL", "AM", "AO", "AR", "AT", "AU", "AZ", "BA", "BB", "BD", "BE",
  "BF", "BG", "BH", "BI", "BJ", "BN", "BO", "BR", "BS", "BT", "BW", "BY", "BZ", "CA", "CD",
  "CF", "CG", "CH", "CI", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CY", "CZ", "DE", "DJ",
  "DK", "DM", "DO", "DZ", "EC", "EE", "EG", "ER", "ES", "ET", "FI", "FJ", "FM", "FR", "GA",
  "GB", "GD", "GE", "GH", "GM", "GN", "GQ", "GR", "GT", "GW", "GY", "HN", "HR", "HT", "HU",
  "ID", "IE", "IL", "IN", "IQ", "IR", "IS", "IT", "JM", "JO", "JP", "KE", "KG", "KH", "KI",
  "KM", "KN", "KP", "KR", "KW", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU",
  "LV", "LY", "MA", "MC", "MD", "ME", "MG", "MH", "MK", "ML", "MM", "MN", "MR", "MT", "MU",
  "MV", "MW", "MX", "MY", "MZ", "NA", "NE", "NG", "NI", "NL", "NO", "NP", "NR", "NZ", "OM",
  "PA", "PE", "PG", "PH", "PK", "PL", "PT", "PW", "PY", "QA", "RO", "RS", "RU", "RW", "SA",
  "SB", "SC", "SD", "SE", "SG", "SI", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV",
  "SY", "SZ", "TD", "TG", "TH", "TJ", "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TZ", "UA",
  "UG", "US", "UY", "UZ", "VC", "VE", "VN", "VU", "WS", "YE", "ZA", "ZM", "ZW",
};

/* The two non-member observer states of the same page, and the Cook Islands,
 * a State Party of the Rome Statute that is not a UN member. */
static const char * const other_states[] = { "VA", "PS", "CK" };

static void
test_un_members (void)
{
  g_autoptr(IccDataset) dataset = test_load_bundled ();
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (G_N_ELEMENTS (un_members), ==, 193);

  for (guint i = 0; i < G_N_ELEMENTS (un_members); i++)
    {
      g_assert_true (g_hash_table_add (codes, (gpointer)un_members[i]));
      if (icc_dataset_lookup_state (dataset, un_members[i]) == NULL)
        g_error ("UN member %s is not in the bundled dataset", un_members[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (other_states); i++)
    {
      g_assert_true (g_hash_table_add (codes, (gpointer)other_states[i]));
      if (icc_dataset_lookup_state (dataset, other_states[i]) == NULL)
        g_error ("%s is not in the bundled dataset", other_states[i]);
    }
  g_assert_cmpuint (g_hash_table_size (codes), ==,
                    g_list_model_get_n_items (icc_dataset_get_states (dataset)));

  /* Names a teacher searches for: as iso-codes has them, and Türkiye's former
   * English name with it. */
  g_assert_cmpstr (icc_state_get_name (icc_dataset_lookup_state (dataset, "TR")), ==,
                   "Türkiye (Turkey)");
  g_assert_cmpstr (icc_state_get_name (icc_dataset_lookup_state (dataset, "SA")), ==,
                   "Saudi Arabia");
  g_assert_cmpstr (icc_state_get_name (icc_dataset_lookup_state (dataset, "KP")), ==,
                   "North Korea");
  g_assert_null (icc_state_get_group (icc_dataset_lookup_state (dataset, "VA")));
}

/* A quote that says a state "withdrew from" (or "will withdraw from") the
 * Court or its Statute is wrong unless the state's withdrawal had taken
 * effect: Russia was never a party, and South Africa, Burundi and Gambia had
 * only given notice in November 2016. Such a citation must dispute the record. */
static void
test_withdrew_from_disputes (void)
{
  g_autoptr(IccDataset) dataset = test_load_bundled ();
  g_autoptr(GRegex) regex = NULL;
  GListModel *events = icc_dataset_get_events (dataset);
  guint n_found = 0;

  regex = g_regex_new ("withdr\\w*\\s+from\\s+(the\\s+)?"
                       "(international criminal court|icc|court|rome statute)",
                       G_REGEX_CASELESS, 0, NULL);
  g_assert_nonnull (regex);

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(IccEvent) event = g_list_model_get_item (events, i);
      GListModel *citations = icc_event_get_citations (event);
      const char * const *states = icc_event_get_states (event);

      for (guint j = 0; citations != NULL && j < g_list_model_get_n_items (citations); j++)
        {
          g_autoptr(IccCitation) citation = g_list_model_get_item (citations, j);
          gboolean all_withdrawn = states != NULL && states[0] != NULL;

          if (!g_regex_match (regex, icc_citation_get_quote (citation), 0, NULL))
            continue;
          for (guint k = 0; states != NULL && states[k] != NULL; k++)
            {
              IccState *state = icc_dataset_lookup_state (dataset, states[k]);

              if (icc_dataset_status_at (dataset, state, icc_event_get_date (event), NULL) !=
                  ICC_STATUS_WITHDRAWN)
                all_withdrawn = FALSE;
            }
          n_found++;
          if (!all_withdrawn && icc_citation_get_stance (citation) != ICC_STANCE_DISPUTES)
            g_error ("%s: \"%s\" says a state withdrew that had not: its stance must be "
                     "disputes", icc_event_get_id (event), icc_citation_get_quote (citation));
        }
    }

  /* CNN's and the last article's Russia, Foreign Policy's and the last
   * article's three African states. */
  g_assert_cmpuint (n_found, >=, 8);
}

static int
certainty_rank (IccCertainty certainty)
{
  /* The order of the enumeration: confirmed, single source, disputed, unverified. */
  return (int)certainty;
}

static char *
format_day (const IccDate *date)
{
  static const char * const months[] = {
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
  };
  g_autofree char *iso = icc_date_to_iso (date);
  int y, m, d;

  if (sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3 || m < 1 || m > 12)
    return NULL;
  return g_strdup_printf ("%d %s %d", d, months[m - 1], y);
}

/* An event is no more certain than the membership events it names: those of
 * its states on its own date (the sixtieth ratification names the ten
 * deposits of 11 April 2002). And an event whose summary gives the date of a
 * less certain membership event of its states (Putin's order and Russia's
 * notification of 30 November 2016) must say that date is not confirmed. */
static void
test_no_event_more_certain_than_membership (void)
{
  g_autoptr(IccDataset) dataset = test_load_bundled ();
  GListModel *events = icc_dataset_get_events (dataset);
  guint n = g_list_model_get_n_items (events);
  guint n_named = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IccEvent) event = g_list_model_get_item (events, i);
      const char * const *states = icc_event_get_states (event);
      const char *summary = icc_event_get_summary (event);

      if (icc_event_kind_is_membership (icc_event_get_kind (event)) || states == NULL)
        continue;

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(IccEvent) member = g_list_model_get_item (events, j);
          gboolean shared = FALSE;

          if (!icc_event_kind_is_membership (icc_event_get_kind (member)))
            continue;
          for (guint k = 0; states[k] != NULL; k++)
            shared |= icc_event_involves_state (member, states[k]);
          if (!shared ||
              certainty_rank (icc_event_get_certainty (member)) <=
              certainty_rank (icc_event_get_certainty (event)))
            continue;

          if (icc_date_equal (icc_event_get_date (event), icc_event_get_date (member)))
            g_error ("%s is %s, but %s, on the same day, is only %s",
                     icc_event_get_id (event),
                     icc_enum_to_nick (ICC_TYPE_CERTAINTY, icc_event_get_certainty (event)),
                     icc_event_get_id (member),
                     icc_enum_to_nick (ICC_TYPE_CERTAINTY, icc_event_get_certainty (member)));

          if (summary != NULL)
            {
              g_autofree char *day = format_day (icc_event_get_date (member));

              if (day != NULL && strstr (summary, day) != NULL)
                {
                  n_named++;
                  if (strstr (summary, "not confirmed") == NULL &&
                      strstr (summary, "unverified") == NULL)
                    g_error ("%s gives %s, the date of %s (%s), as if it were confirmed",
                             icc_event_get_id (event), day, icc_event_get_id (member),
                             icc_enum_to_nick (ICC_TYPE_CERTAINTY,
                                               icc_event_get_certainty (member)));
                }
            }
        }
    }

  /* At least Putin's order names the notification of 30 November 2016. */
  g_assert_cmpuint (n_named, >=, 1);
  g_assert_cmpint (icc_event_get_certainty (icc_dataset_lookup_event (dataset,
                                                                      "sixty-ratifications")),
                   !=, ICC_CERTAINTY_CONFIRMED);
}

/* A reader's comment under an article is never the first citation of an
 * event that has any other. */
static void
test_comment_never_first (void)
{
  g_autoptr(IccDataset) dataset = test_load_bundled ();
  GListModel *events = icc_dataset_get_events (dataset);
  guint n_comments = 0;

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(IccEvent) event = g_list_model_get_item (events, i);
      GListModel *citations = icc_event_get_citations (event);
      guint n = citations != NULL ? g_list_model_get_n_items (citations) : 0;
      gboolean saw_body = FALSE;
      gboolean first_is_comment = FALSE;

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(IccCitation) citation = g_list_model_get_item (citations, j);
          IccArticle *article = icc_citation_get_article (citation);
          const char *text = icc_article_get_text (article);
          const char *label = strstr (text, "READERS’ COMMENTS");
          int start, end;
          gboolean in_comment;

          g_assert_true (icc_citation_get_anchor (citation, &start, &end));
          in_comment = label != NULL &&
                       start >= g_utf8_pointer_to_offset (text, label);
          /* The dataset marks exactly these ("part": "comment"). */
          g_assert_cmpint (icc_citation_get_comment (citation), ==, in_comment);
          if (in_comment)
            {
              n_comments++;
              g_assert_nonnull (icc_citation_get_note (citation));
              g_assert_nonnull (strstr (icc_citation_get_note (citation), "reader"));
            }
          else
            saw_body = TRUE;
          if (j == 0)
            first_is_comment = in_comment;
        }
      if (first_is_comment && saw_body)
        g_error ("%s: a reader's comment is the first citation", icc_event_get_id (event));
      if (saw_body)
        {
          IccCitation *preferred = icc_event_get_preferred_citation (event, NULL);
          const char *text = icc_article_get_text (icc_citation_get_article (preferred));
          const char *label = strstr (text, "READERS’ COMMENTS");
          int start, end;

          g_assert_true (icc_citation_get_anchor (preferred, &start, &end));
          g_assert_true (label == NULL || start < g_utf8_pointer_to_offset (text, label));
          g_assert_false (icc_citation_get_comment (preferred));
        }
    }

  g_assert_cmpuint (n_comments, >=, 2);

  /* Even with the blog open in the reader, its reader's comment is not what
   * Russia's notification opens. */
  {
    IccEvent *event = icc_dataset_lookup_event (dataset, "ru-signature-withdrawn");
    IccArticle *blog = icc_dataset_lookup_article (dataset, "blog-russia-withdraws-support");
    IccCitation *preferred;

    g_assert_nonnull (event);
    g_assert_nonnull (blog);
    preferred = icc_event_get_preferred_citation (event, blog);
    g_assert_nonnull (preferred);
    g_assert_false (icc_citation_get_comment (preferred));
  }
}

static void
test_certainty (void)
{
  g_autoptr(IccDataset) dataset = test_load_bundled ();
  IccEvent *event;

  /* The reference: Russia's UN notification date is unverified, the decree of
   * 16 November 2016 is confirmed. */
  event = icc_dataset_lookup_event (dataset, "ru-signature-withdrawn");
  g_assert_nonnull (event);
  g_assert_cmpint (icc_event_get_certainty (event), ==, ICC_CERTAINTY_UNVERIFIED);
  g_assert_nonnull (icc_event_get_certainty_note (event));

  event = icc_dataset_lookup_event (dataset, "ru-order-361-rp");
  g_assert_nonnull (event);
  g_assert_cmpint (icc_event_get_certainty (event), ==, ICC_CERTAINTY_CONFIRMED);

  event = icc_dataset_lookup_event (dataset, "hu-withdrawal-effective");
  g_assert_nonnull (event);
  g_assert_cmpint (icc_event_get_certainty (event), ==, ICC_CERTAINTY_UNVERIFIED);

  event = icc_dataset_lookup_event (dataset, "ba-signature");
  g_assert_nonnull (event);
  g_assert_cmpint (icc_event_get_certainty (event), ==, ICC_CERTAINTY_DISPUTED);

  event = icc_dataset_lookup_event (dataset, "cr-ratification");
  g_assert_nonnull (event);
  g_assert_cmpint (icc_event_get_certainty (event), ==, ICC_CERTAINTY_SINGLE_SOURCE);
}

static void
test_citations_anchor (void)
{
  g_autoptr(IccDataset) dataset = test_load_bundled ();
  GListModel *articles = icc_dataset_get_articles (dataset);
  GListModel *events = icc_dataset_get_events (dataset);
  guint n_articles = g_list_model_get_n_items (articles);
  guint n_events = g_list_model_get_n_items (events);
  guint total = 0;
  guint n_disputes = 0;

  for (guint i = 0; i < n_events; i++)
    {
      g_autoptr(IccEvent) event = g_list_model_get_item (events, i);
      GListModel *citations = icc_event_get_citations (event);
      guint n = g_list_model_get_n_items (citations);

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(IccCitation) citation = g_list_model_get_item (citations, j);
          int start = -1;
          int end = -1;

          if (!icc_citation_get_anchor (citation, &start, &end))
            g_error ("citation %u of %s (%s) is not anchored", j,
                     icc_event_get_id (event), icc_citation_get_quote (citation));
          g_assert_cmpint (icc_citation_get_hint_start (citation), >=, 0);
          g_assert_cmpint (start, ==, icc_citation_get_hint_start (citation));
          g_assert_cmpint (end, ==, icc_citation_get_hint_end (citation));
          g_assert_nonnull (icc_citation_get_article (citation));
          if (icc_citation_get_stance (citation) == ICC_STANCE_DISPUTES)
            {
              g_assert_nonnull (icc_citation_get_note (citation));
              n_disputes++;
            }
          total++;
        }
    }
  g_assert_cmpuint (total, >=, 40);
  g_assert_cmpuint (n_disputes, >=, 3);

  for (guint i = 0; i < n_articles; i++)
    {
      g_autoptr(IccArticle) article = g_list_model_get_item (articles, i);
      g_autoptr(GPtrArray) citations = icc_dataset_get_article_citations (dataset, article);

      g_test_message ("%s: %u citations", icc_article_get_id (article), citations->len);
      g_assert_cmpuint (citations->len, >=, 5);
    }
}

static IccStatus
status_from_nick (const char *nick)
{
  int value = -1;

  if (!icc_enum_from_nick (ICC_TYPE_STATUS, nick, &value))
    g_error ("unknown status %s", nick);

  return (IccStatus)value;
}

/* tests/data/reference-status.txt holds, for each state and each date of the
 * reference table, the status on the day before and on the day itself, derived
 * from the table by tools/build-dataset.py independently of the dataset's
 * events. */
static void
test_world_matches_reference (void)
{
  g_autoptr(IccDataset) dataset = test_load_bundled ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_checked = 0;

  path = g_test_build_filename (G_TEST_DIST, "data", "reference-status.txt", NULL);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      IccState *state;
      IccStatus expected;
      IccStatus status;
      IccDate date;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;

      fields = g_strsplit (lines[i], " ", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 3);

      state = icc_dataset_lookup_state (dataset, fields[0]);
      if (state == NULL)
        g_error ("state %s of the reference is not in the dataset", fields[0]);
      g_assert_true (icc_date_parse (fields[1], &date, NULL));
      expected = status_from_nick (fields[2]);

      status = icc_dataset_status_at (dataset, state, &date, NULL);
      if (status != expected)
        g_error ("%s on %s: dataset says %s, reference %s", fields[0], fields[1],
                 icc_enum_to_nick (ICC_TYPE_STATUS, status), fields[2]);
      n_checked++;
    }

  /* Two checks per date of the 157 reference rows, at the very least. */
  g_assert_cmpuint (n_checked, >=, 2 * 157);
}

static void
test_states_parties (void)
{
  const struct
  {
    const char *date;
    guint       parties;
  } table[] = {
    /* The summary table of the reference (reference/README.md). */
    { "2002-07-01", 66 },
    { "2016-11-16", 124 },
    { "2017-10-28", 123 },
    { "2019-03-18", 122 },
    { "2024-02-01", 124 },
    { "2025-01-01", 125 },
  };
  g_autoptr(IccDataset) dataset = test_load_bundled ();
  g_autoptr(IccWorld) world = icc_world_new (dataset);

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      IccDate date;

      g_assert_true (icc_date_parse (table[i].date, &date, NULL));
      icc_world_set_date (world, &date);
      g_test_message ("%s: %u States Parties", table[i].date,
                      icc_world_get_states_parties (world));
      g_assert_cmpuint (icc_world_get_states_parties (world), ==, table[i].parties);
    }

  /* On 16 November 2016: 121 parties and 3 withdrawing (South Africa, Burundi,
   * Gambia); Russia was still a signatory. */
  {
    IccDate date;

    g_assert_true (icc_date_parse ("2016-11-16", &date, NULL));
    icc_world_set_date (world, &date);
    g_assert_cmpuint (icc_world_get_count (world, ICC_STATUS_PARTY), ==, 121);
    g_assert_cmpuint (icc_world_get_count (world, ICC_STATUS_WITHDRAWING), ==, 3);
    g_assert_cmpint (icc_dataset_status_at (dataset,
                                            icc_dataset_lookup_state (dataset, "RU"),
                                            &date, NULL), ==, ICC_STATUS_SIGNATORY);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bundled-dataset/no-problems", test_no_problems);
  g_test_add_func ("/bundled-dataset/contents", test_contents);
  g_test_add_func ("/bundled-dataset/un-members", test_un_members);
  g_test_add_func ("/bundled-dataset/certainty", test_certainty);
  g_test_add_func ("/bundled-dataset/withdrew-from-disputes", test_withdrew_from_disputes);
  g_test_add_func ("/bundled-dataset/no-event-more-certain-than-membership",
                   test_no_event_more_certain_than_membership);
  g_test_add_func ("/bundled-dataset/comment-never-first", test_comment_never_first);
  g_test_add_func ("/bundled-dataset/citations-anchor", test_citations_anchor);
  g_test_add_func ("/bundled-dataset/world-matches-reference", test_world_matches_reference);
  g_test_add_func ("/bundled-dataset/states-parties", test_states_parties);

  return g_test_run ();
}
