/* icc-problem.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  ICC_PROBLEM_ERROR,
  ICC_PROBLEM_WARNING,
} IccProblemSeverity;

/* One thing wrong with a dataset file: where (JSON path like
 * "events[12].date", and line/column for syntax errors, 0 when unknown) and
 * what, in one translated sentence. */
typedef struct
{
  IccProblemSeverity  severity;
  char               *path;
  int                 line;
  int                 column;
  char               *message;
  /* The id (or state code) of the event, article, state, era or tour the
   * path is in, when the file gives one: "events[307]" alone names nothing
   * a person can find (issue 13). NULL otherwise. */
  char               *id;
} IccProblem;

#define ICC_TYPE_PROBLEM (icc_problem_get_type ())

GType       icc_problem_get_type (void);
IccProblem *icc_problem_new      (IccProblemSeverity  severity,
                                  const char         *path,
                                  int                 line,
                                  int                 column,
                                  const char         *message);
IccProblem *icc_problem_copy     (const IccProblem   *problem);
void        icc_problem_free     (IccProblem         *problem);
/* "FILE: PATH: message" or "FILE:LINE:COLUMN: message" (and "warning: "
 * before the message of a warning); @filename may be NULL. */
char       *icc_problem_to_string (const IccProblem  *problem,
                                   const char        *filename);

char       *icc_escape_control_characters (const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IccProblem, icc_problem_free)

G_END_DECLS
