/* test-status-at.c: a state's status on the day before, of and after each event.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "icc-test-util.h"

static void
test_boundaries (void)
{
  g_autoptr(IccDataset) dataset = icc_dataset_new ();
  IccState *ru = test_add_state (dataset, "RU", "Russian Federation");
  IccState *za = test_add_state (dataset, "ZA", "South Africa");
  IccState *cn = test_add_state (dataset, "CN", "China");
  IccEvent *since = NULL;
  IccEvent *signature;
  IccDate date;

  signature = test_add_event (dataset, "ru-sig", ICC_EVENT_KIND_SIGNATURE, "2000-09-13", "RU");
  test_add_event (dataset, "ru-unsig", ICC_EVENT_KIND_SIGNATURE_WITHDRAWN, "2016-11-30", "RU");
  /* Added out of order on purpose: the dataset sorts. */
  test_add_event (dataset, "za-revoke", ICC_EVENT_KIND_WITHDRAWAL_REVOKED, "2017-03-07", "ZA");
  test_add_event (dataset, "za-sig", ICC_EVENT_KIND_SIGNATURE, "1998-07-17", "ZA");
  test_add_event (dataset, "za-rat", ICC_EVENT_KIND_RATIFICATION, "2000-11-27", "ZA");
  test_add_event (dataset, "za-eif", ICC_EVENT_KIND_ENTRY_INTO_FORCE, "2002-07-01", "ZA");
  test_add_event (dataset, "za-notice", ICC_EVENT_KIND_WITHDRAWAL_NOTICE, "2016-10-19", "ZA");

  g_assert_true (icc_dataset_index (dataset, NULL, NULL));

  g_assert_cmpint (test_status_on (dataset, ru, "2000-09-12"), ==, ICC_STATUS_NONE);
  g_assert_cmpint (test_status_on (dataset, ru, "2000-09-13"), ==, ICC_STATUS_SIGNATORY);
  g_assert_cmpint (test_status_on (dataset, ru, "2000-09-14"), ==, ICC_STATUS_SIGNATORY);
  g_assert_cmpint (test_status_on (dataset, ru, "2016-11-29"), ==, ICC_STATUS_SIGNATORY);
  g_assert_cmpint (test_status_on (dataset, ru, "2016-11-30"), ==, ICC_STATUS_UNSIGNED);
  g_assert_cmpint (test_status_on (dataset, ru, "2016-12-01"), ==, ICC_STATUS_UNSIGNED);

  g_assert_cmpint (test_status_on (dataset, za, "1998-07-16"), ==, ICC_STATUS_NONE);
  g_assert_cmpint (test_status_on (dataset, za, "1998-07-17"), ==, ICC_STATUS_SIGNATORY);
  g_assert_cmpint (test_status_on (dataset, za, "2000-11-26"), ==, ICC_STATUS_SIGNATORY);
  g_assert_cmpint (test_status_on (dataset, za, "2000-11-27"), ==, ICC_STATUS_RATIFIED);
  g_assert_cmpint (test_status_on (dataset, za, "2002-06-30"), ==, ICC_STATUS_RATIFIED);
  g_assert_cmpint (test_status_on (dataset, za, "2002-07-01"), ==, ICC_STATUS_PARTY);
  g_assert_cmpint (test_status_on (dataset, za, "2016-10-18"), ==, ICC_STATUS_PARTY);
  g_assert_cmpint (test_status_on (dataset, za, "2016-10-19"), ==, ICC_STATUS_WITHDRAWING);
  g_assert_cmpint (test_status_on (dataset, za, "2017-03-06"), ==, ICC_STATUS_WITHDRAWING);
  g_assert_cmpint (test_status_on (dataset, za, "2017-03-07"), ==, ICC_STATUS_PARTY);
  g_assert_cmpint (test_status_on (dataset, za, "2026-11-23"), ==, ICC_STATUS_PARTY);

  g_assert_cmpint (test_status_on (dataset, cn, "2016-11-16"), ==, ICC_STATUS_NONE);

  g_assert_true (icc_date_parse ("2010-01-01", &date, NULL));
  g_assert_cmpint (icc_dataset_status_at (dataset, ru, &date, &since), ==, ICC_STATUS_SIGNATORY);
  g_assert_true (since == signature);
  g_assert_cmpint (icc_dataset_status_at (dataset, cn, &date, &since), ==, ICC_STATUS_NONE);
  g_assert_null (since);
}

/* Signed and ratified on one day: the signature applies first. */
static void
test_same_day (void)
{
  g_autoptr(IccDataset) dataset = icc_dataset_new ();
  IccState *xx = test_add_state (dataset, "XX", "Same day");

  test_add_event (dataset, "b-rat", ICC_EVENT_KIND_RATIFICATION, "2001-05-05", "XX");
  test_add_event (dataset, "a-sig", ICC_EVENT_KIND_SIGNATURE, "2001-05-05", "XX");

  g_assert_true (icc_dataset_index (dataset, NULL, NULL));
  g_assert_cmpint (test_status_on (dataset, xx, "2001-05-04"), ==, ICC_STATUS_NONE);
  g_assert_cmpint (test_status_on (dataset, xx, "2001-05-05"), ==, ICC_STATUS_RATIFIED);
}

/* Many transitions: binary search agrees with a linear scan on every day. */
static void
test_binary_search (void)
{
  g_autoptr(IccDataset) dataset = icc_dataset_new ();
  IccState *xx = test_add_state (dataset, "XX", "Busy");
  const IccTransition *transitions;
  IccDate start;
  guint n;

  test_add_event (dataset, "sig", ICC_EVENT_KIND_SIGNATURE, "1998-07-17", "XX");
  test_add_event (dataset, "rat", ICC_EVENT_KIND_RATIFICATION, "1999-01-01", "XX");
  test_add_event (dataset, "eif", ICC_EVENT_KIND_ENTRY_INTO_FORCE, "2002-07-01", "XX");
  for (int year = 2003; year < 2020; year++)
    {
      g_autofree char *notice_id = g_strdup_printf ("notice-%d", year);
      g_autofree char *revoke_id = g_strdup_printf ("revoke-%d", year);
      g_autofree char *notice = g_strdup_printf ("%d-02-01", year);
      g_autofree char *revoke = g_strdup_printf ("%d-09-15", year);

      test_add_event (dataset, notice_id, ICC_EVENT_KIND_WITHDRAWAL_NOTICE, notice, "XX");
      test_add_event (dataset, revoke_id, ICC_EVENT_KIND_WITHDRAWAL_REVOKED, revoke, "XX");
    }

  g_assert_true (icc_dataset_index (dataset, NULL, NULL));
  transitions = icc_dataset_get_transitions (dataset, xx, &n);
  g_assert_cmpuint (n, ==, 3 + 2 * 17);

  g_assert_true (icc_date_parse ("1998-01-01", &start, NULL));
  for (gint32 day = icc_date_get_day (&start); day < icc_date_get_day (&start) + 365 * 23; day++)
    {
      IccStatus expected = ICC_STATUS_NONE;

      for (guint i = 0; i < n; i++)
        if (transitions[i].day <= day)
          expected = transitions[i].status;

      g_assert_cmpint (icc_dataset_status_at_day (dataset, xx, day, NULL), ==, expected);
    }
}

static void
test_partial_date (void)
{
  g_autoptr(IccDataset) dataset = icc_dataset_new ();
  IccState *xx = test_add_state (dataset, "XX", "Partial");

  test_add_event (dataset, "sig", ICC_EVENT_KIND_SIGNATURE, "2016-11", "XX");

  g_assert_true (icc_dataset_index (dataset, NULL, NULL));
  g_assert_cmpint (test_status_on (dataset, xx, "2016-10-31"), ==, ICC_STATUS_NONE);
  g_assert_cmpint (test_status_on (dataset, xx, "2016-11-01"), ==, ICC_STATUS_SIGNATORY);
}

static void
test_lookups_and_changes (void)
{
  g_autoptr(IccDataset) dataset = icc_dataset_new ();
  g_autoptr(GArray) days = NULL;
  g_autoptr(GPtrArray) events = NULL;
  IccState *ru = test_add_state (dataset, "RU", "Russian Federation");
  IccDate date;

  test_add_event (dataset, "ru-unsig", ICC_EVENT_KIND_SIGNATURE_WITHDRAWN, "2016-11-30", "RU");
  test_add_event (dataset, "ru-sig", ICC_EVENT_KIND_SIGNATURE, "2000-09-13", "RU");
  test_add_event (dataset, "statement", ICC_EVENT_KIND_STATEMENT, "2016-11-16", "RU");
  test_add_event (dataset, "other", ICC_EVENT_KIND_OTHER, "2008-08", NULL);

  g_assert_true (icc_dataset_index (dataset, NULL, NULL));

  g_assert_true (icc_dataset_lookup_state (dataset, "RU") == ru);
  g_assert_null (icc_dataset_lookup_state (dataset, "ZZ"));
  g_assert_nonnull (icc_dataset_lookup_event (dataset, "ru-sig"));
  g_assert_false (icc_dataset_add_state (dataset, ru));

  days = icc_dataset_get_change_days (dataset);
  g_assert_cmpuint (days->len, ==, 2);

  events = icc_dataset_get_state_events (dataset, ru);
  g_assert_cmpuint (events->len, ==, 3);
  g_assert_cmpstr (icc_event_get_id (g_ptr_array_index (events, 0)), ==, "ru-sig");
  g_assert_cmpstr (icc_event_get_id (g_ptr_array_index (events, 1)), ==, "statement");
  g_assert_cmpstr (icc_event_get_id (g_ptr_array_index (events, 2)), ==, "ru-unsig");

  /* The events model is sorted. */
  {
    g_autoptr(IccEvent) first = g_list_model_get_item (icc_dataset_get_events (dataset), 0);
    g_autoptr(IccEvent) last = g_list_model_get_item (icc_dataset_get_events (dataset), 3);

    g_assert_cmpstr (icc_event_get_id (first), ==, "ru-sig");
    g_assert_cmpstr (icc_event_get_id (last), ==, "ru-unsig");
  }

  g_assert_true (icc_date_parse ("2008-08-15", &date, NULL));
  g_assert_cmpuint (icc_dataset_find_event_at_day (dataset, icc_date_get_day (&date)), ==, 2);
  g_assert_cmpuint (icc_dataset_find_event_at_day (dataset, 0), ==, 0);
  g_assert_cmpuint (icc_dataset_find_event_at_day (dataset, G_MAXINT32), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/status-at/boundaries", test_boundaries);
  g_test_add_func ("/status-at/same-day", test_same_day);
  g_test_add_func ("/status-at/binary-search", test_binary_search);
  g_test_add_func ("/status-at/partial-date", test_partial_date);
  g_test_add_func ("/status-at/lookups-and-changes", test_lookups_and_changes);

  return g_test_run ();
}
