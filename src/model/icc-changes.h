/* icc-changes.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "icc-dataset.h"
#include "icc-world.h"

G_BEGIN_DECLS

/* "What changed between two dates": every change of a state's status from
 * @first_day to @last_day (both included), by date then state, read from the
 * dataset's transitions; and the reports made of them and of a world state
 * (CSV for spreadsheets, JSON, text). */
typedef struct
{
  IccState  *state;      /* not owned */
  IccEvent  *event;      /* that made the change; not owned */
  IccStatus  from;
  IccStatus  to;
  gint32     day;
} IccStatusChange;

GArray   *icc_changes_between       (IccDataset    *dataset,
                                     gint32         first_day,
                                     gint32         last_day);
/* Reads "START..END" (ISO dates of any precision: from the first day of
 * START to the last of END); "START.." runs to the later of today and the
 * last event. */
gboolean  icc_changes_parse_range   (const char    *text,
                                     IccDataset    *dataset,
                                     gint32        *first_day,
                                     gint32        *last_day,
                                     GError       **error);
/* RFC 4180 CSV with a header line, CRLF line ends, UTF-8. */
char     *icc_changes_to_csv        (GArray        *changes);
char     *icc_changes_to_json       (GArray        *changes,
                                     gint32         first_day,
                                     gint32         last_day);
void      icc_changes_to_text       (GArray        *changes,
                                     gint32         first_day,
                                     gint32         last_day,
                                     GString       *out);
char     *icc_world_to_csv          (IccWorld      *world);

G_END_DECLS
