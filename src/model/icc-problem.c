/* icc-problem.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "icc-problem.h"

G_DEFINE_BOXED_TYPE (IccProblem, icc_problem, icc_problem_copy, icc_problem_free)

IccProblem *
icc_problem_new (IccProblemSeverity  severity,
                 const char         *path,
                 int                 line,
                 int                 column,
                 const char         *message)
{
  IccProblem *problem;

  problem = g_new0 (IccProblem, 1);
  problem->severity = severity;
  problem->path = g_strdup (path != NULL ? path : "");
  problem->line = MAX (line, 0);
  problem->column = MAX (column, 0);
  problem->message = g_strdup (message != NULL ? message : "");

  return problem;
}

IccProblem *
icc_problem_copy (const IccProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  return icc_problem_new (problem->severity,
                          problem->path,
                          problem->line,
                          problem->column,
                          problem->message);
}

void
icc_problem_free (IccProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->path);
  g_free (problem->message);
  g_free (problem);
}

char *
icc_problem_to_string (const IccProblem *problem,
                       const char       *filename)
{
  GString *str;

  g_return_val_if_fail (problem != NULL, NULL);

  str = g_string_new (NULL);

  if (problem->line > 0)
    {
      /* Syntax errors: "FILE:LINE:COLUMN: message". */
      if (filename != NULL)
        g_string_append_printf (str, "%s:", filename);
      g_string_append_printf (str, "%d:", problem->line);
      if (problem->column > 0)
        g_string_append_printf (str, "%d:", problem->column);
      g_string_append_c (str, ' ');
    }
  else
    {
      if (filename != NULL)
        g_string_append_printf (str, "%s: ", filename);
      if (problem->path != NULL && problem->path[0] != '\0')
        g_string_append_printf (str, "%s: ", problem->path);
    }

  if (problem->severity == ICC_PROBLEM_WARNING)
    /* Translators: the prefix of a problem that does not stop the file from loading. */
    g_string_append (str, _("warning: "));

  g_string_append (str, problem->message);

  return g_string_free (str, FALSE);
}
