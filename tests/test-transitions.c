/* test-transitions.c: every transition of the table, and every rejected one.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "icc-enum-util.h"
#include "icc-test-util.h"

/* The table of DESIGN §1, written out independently of the code. */
static const struct {
  IccStatus    from;
  IccEventKind kind;
  IccStatus    to;
} allowed[] = {
  { ICC_STATUS_NONE,        ICC_EVENT_KIND_SIGNATURE,            ICC_STATUS_SIGNATORY },
  { ICC_STATUS_SIGNATORY,   ICC_EVENT_KIND_RATIFICATION,         ICC_STATUS_RATIFIED },
  { ICC_STATUS_NONE,        ICC_EVENT_KIND_ACCESSION,            ICC_STATUS_RATIFIED },
  { ICC_STATUS_RATIFIED,    ICC_EVENT_KIND_ENTRY_INTO_FORCE,     ICC_STATUS_PARTY },
  { ICC_STATUS_PARTY,       ICC_EVENT_KIND_WITHDRAWAL_NOTICE,    ICC_STATUS_WITHDRAWING },
  { ICC_STATUS_WITHDRAWING, ICC_EVENT_KIND_WITHDRAWAL_REVOKED,   ICC_STATUS_PARTY },
  { ICC_STATUS_WITHDRAWING, ICC_EVENT_KIND_WITHDRAWAL_EFFECTIVE, ICC_STATUS_WITHDRAWN },
  { ICC_STATUS_RATIFIED,    ICC_EVENT_KIND_WITHDRAWAL_EFFECTIVE, ICC_STATUS_NONE },
  { ICC_STATUS_SIGNATORY,   ICC_EVENT_KIND_SIGNATURE_WITHDRAWN,  ICC_STATUS_UNSIGNED },
};

static gboolean
is_allowed (IccStatus     from,
            IccEventKind  kind,
            IccStatus    *to)
{
  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    if (allowed[i].from == from && allowed[i].kind == kind)
      {
        *to = allowed[i].to;
        return TRUE;
      }
  return FALSE;
}

/* Exhaustive: every status × every membership kind. */
static void
test_table (void)
{
  guint n_allowed = 0;

  for (IccStatus from = 0; from < ICC_N_STATUSES; from++)
    for (IccEventKind kind = 0; kind < ICC_N_EVENT_KINDS; kind++)
      {
        IccStatus expected = ICC_STATUS_NONE, to = ICC_STATUS_NONE;
        gboolean ok = icc_status_apply (from, kind, ICC_STATUS_NONE, &to);

        if (!icc_event_kind_is_membership (kind))
          {
            g_assert_true (ok);
            g_assert_cmpint (to, ==, from);
            continue;
          }

        if (is_allowed (from, kind, &expected))
          {
            g_assert_true (ok);
            g_assert_cmpint (to, ==, expected);
            n_allowed++;
          }
        else
          g_assert_false (ok);
      }

  g_assert_cmpuint (n_allowed, ==, G_N_ELEMENTS (allowed));
}

/* A ratification withdrawn before entry into force returns to the status the
 * state had before depositing (signatory if it had signed). */
static void
test_instrument_withdrawn (void)
{
  g_autoptr(IccDataset) dataset = icc_dataset_new ();
  IccState *my = test_add_state (dataset, "MY", "Malaysia");
  IccState *xx = test_add_state (dataset, "XX", "Signed first");
  TestReport report = { 0 };

  test_add_event (dataset, "my-accession", ICC_EVENT_KIND_ACCESSION, "2019-03-04", "MY");
  test_add_event (dataset, "my-withdrawn", ICC_EVENT_KIND_WITHDRAWAL_EFFECTIVE, "2019-04-29", "MY");
  test_add_event (dataset, "xx-signature", ICC_EVENT_KIND_SIGNATURE, "2000-01-01", "XX");
  test_add_event (dataset, "xx-ratification", ICC_EVENT_KIND_RATIFICATION, "2019-03-04", "XX");
  test_add_event (dataset, "xx-withdrawn", ICC_EVENT_KIND_WITHDRAWAL_EFFECTIVE, "2019-04-29", "XX");

  g_assert_true (icc_dataset_index (dataset, test_report_cb, &report));
  g_assert_cmpuint (report.n_errors, ==, 0);

  g_assert_cmpint (test_status_on (dataset, my, "2019-03-03"), ==, ICC_STATUS_NONE);
  g_assert_cmpint (test_status_on (dataset, my, "2019-03-04"), ==, ICC_STATUS_RATIFIED);
  g_assert_cmpint (test_status_on (dataset, my, "2019-04-29"), ==, ICC_STATUS_NONE);
  g_assert_cmpint (test_status_on (dataset, xx, "2019-04-28"), ==, ICC_STATUS_RATIFIED);
  g_assert_cmpint (test_status_on (dataset, xx, "2019-04-29"), ==, ICC_STATUS_SIGNATORY);

  test_report_clear (&report);
}

/* Each rejected transition is an error naming the event, through the dataset. */
static void
test_rejected_in_dataset (void)
{
  static const struct {
    IccEventKind first;   /* or -1 */
    IccEventKind second;
  } rejected[] = {
    { -1, ICC_EVENT_KIND_RATIFICATION },
    { -1, ICC_EVENT_KIND_ENTRY_INTO_FORCE },
    { -1, ICC_EVENT_KIND_WITHDRAWAL_NOTICE },
    { -1, ICC_EVENT_KIND_WITHDRAWAL_EFFECTIVE },
    { -1, ICC_EVENT_KIND_WITHDRAWAL_REVOKED },
    { -1, ICC_EVENT_KIND_SIGNATURE_WITHDRAWN },
    { ICC_EVENT_KIND_SIGNATURE, ICC_EVENT_KIND_SIGNATURE },
    { ICC_EVENT_KIND_SIGNATURE, ICC_EVENT_KIND_ACCESSION },
    { ICC_EVENT_KIND_SIGNATURE, ICC_EVENT_KIND_WITHDRAWAL_NOTICE },
    { ICC_EVENT_KIND_SIGNATURE, ICC_EVENT_KIND_ENTRY_INTO_FORCE },
    { ICC_EVENT_KIND_ACCESSION, ICC_EVENT_KIND_SIGNATURE_WITHDRAWN },
    { ICC_EVENT_KIND_ACCESSION, ICC_EVENT_KIND_WITHDRAWAL_NOTICE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rejected); i++)
    {
      g_autoptr(IccDataset) dataset = icc_dataset_new ();
      TestReport report = { 0 };

      test_add_state (dataset, "RU", "Russian Federation");
      if ((int)rejected[i].first >= 0)
        test_add_event (dataset, "first", rejected[i].first, "2000-09-13", "RU");
      test_add_event (dataset, "bad", rejected[i].second, "2016-11-30", "RU");

      g_assert_false (icc_dataset_index (dataset, test_report_cb, &report));
      g_assert_cmpuint (report.n_errors, ==, 1);
      g_assert_true (g_str_has_prefix (report.last_message, "bad: "));
      g_assert_nonnull (strstr (report.last_message, "cannot happen to RU"));

      test_report_clear (&report);
    }
}

static void
test_membership_needs_state (void)
{
  g_autoptr(IccDataset) dataset = icc_dataset_new ();
  TestReport report = { 0 };

  test_add_event (dataset, "stateless", ICC_EVENT_KIND_SIGNATURE, "2000-01-01", NULL);
  test_add_event (dataset, "unknown", ICC_EVENT_KIND_STATEMENT, "2000-01-01", "ZZ");

  g_assert_false (icc_dataset_index (dataset, test_report_cb, &report));
  g_assert_cmpuint (report.n_errors, ==, 2);

  test_report_clear (&report);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/transitions/table", test_table);
  g_test_add_func ("/transitions/instrument-withdrawn", test_instrument_withdrawn);
  g_test_add_func ("/transitions/rejected-in-dataset", test_rejected_in_dataset);
  g_test_add_func ("/transitions/membership-needs-state", test_membership_needs_state);

  return g_test_run ();
}
