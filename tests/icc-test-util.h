/* icc-test-util.h: building small datasets in tests without a file.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "icc-dataset.h"

static inline IccState *
test_add_state (IccDataset *dataset,
                const char *code,
                const char *name)
{
  g_autoptr(IccState) state = icc_state_new (code, name);

  g_assert_true (icc_dataset_add_state (dataset, state));
  return state;
}

static inline IccEvent *
test_add_event (IccDataset   *dataset,
                const char   *id,
                IccEventKind  kind,
                const char   *date_text,
                const char   *state_code)
{
  const char *states[] = { state_code, NULL };
  g_autoptr(IccEvent) event = NULL;
  IccDate date;

  g_assert_true (icc_date_parse (date_text, &date, NULL));
  event = icc_event_new (id, kind, &date);
  icc_event_set_title (event, id);
  if (state_code != NULL)
    icc_event_set_states (event, states);
  g_assert_true (icc_dataset_add_event (dataset, event));

  return event;
}

static inline IccStatus
test_status_on (IccDataset *dataset,
                IccState   *state,
                const char *date_text)
{
  IccDate date;

  g_assert_true (icc_date_parse (date_text, &date, NULL));
  return icc_dataset_status_at (dataset, state, &date, NULL);
}

typedef struct
{
  guint  n_errors;
  guint  n_warnings;
  char  *last_message;
} TestReport;

static inline void
test_report_cb (IccEvent    *event,
                IccCitation *citation,
                gboolean     is_error,
                const char  *message,
                gpointer     user_data)
{
  TestReport *report = user_data;

  if (is_error)
    report->n_errors++;
  else
    report->n_warnings++;

  g_free (report->last_message);
  report->last_message = g_strdup_printf ("%s: %s", icc_event_get_id (event), message);
}

static inline void
test_report_clear (TestReport *report)
{
  g_clear_pointer (&report->last_message, g_free);
  report->n_errors = report->n_warnings = 0;
}
