/* icc-problem.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "icc-problem.h"

G_DEFINE_BOXED_TYPE (IccProblem, icc_problem, icc_problem_copy, icc_problem_free)

/* Problems quote the file's text (ids, values, field names): one line of
 * printable, valid UTF-8 each, so that a newline in an id cannot forge a
 * second problem in `--validate` output, nor a control character reach a
 * terminal. Line breaks and tabs become \n and \t, other control and
 * format characters \uXXXX. */
static gboolean
is_unsafe (gunichar c)
{
  return g_unichar_iscntrl (c) ||
         c == 0x2028 || c == 0x2029 ||            /* line and paragraph separators */
         (c >= 0x202a && c <= 0x202e) ||          /* bidirectional embeddings */
         (c >= 0x2066 && c <= 0x2069);            /* bidirectional isolates */
}

/**
 * icc_escape_control_characters:
 * @text: (nullable): text from a file
 *
 * Returns: @text as one printable line of valid UTF-8: line breaks and tabs
 *   as \n and \t, other control and format characters as \uXXXX, invalid
 *   bytes as U+FFFD
 */
char *
icc_escape_control_characters (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  const char *unsafe = NULL;
  GString *str;

  for (const char *p = valid; *p != '\0' && unsafe == NULL; p = g_utf8_next_char (p))
    if (is_unsafe (g_utf8_get_char (p)))
      unsafe = p;

  if (unsafe == NULL)
    return g_steal_pointer (&valid);

  str = g_string_new_len (valid, unsafe - valid);
  for (const char *p = unsafe; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        g_string_append (str, "\\n");
      else if (c == '\t')
        g_string_append (str, "\\t");
      else if (is_unsafe (c))
        g_string_append_printf (str, "\\u%04X", c);
      else
        g_string_append_unichar (str, c);
    }

  return g_string_free (str, FALSE);
}

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
  problem->path = icc_escape_control_characters (path);
  problem->line = MAX (line, 0);
  problem->column = MAX (column, 0);
  problem->message = icc_escape_control_characters (message);

  return problem;
}

IccProblem *
icc_problem_copy (const IccProblem *problem)
{
  IccProblem *copy;

  g_return_val_if_fail (problem != NULL, NULL);

  copy = icc_problem_new (problem->severity, problem->path, problem->line,
                          problem->column, problem->message);
  copy->id = g_strdup (problem->id);

  return copy;
}

void
icc_problem_free (IccProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->path);
  g_free (problem->message);
  g_free (problem->id);
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
