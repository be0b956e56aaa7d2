/* icc-cli-changes.c: --changes=START..END
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "icc-changes.h"
#include "icc-cli.h"

int
icc_cli_changes (const char *filename,
                 const char *range,
                 const char *format,
                 GString    *out)
{
  g_autoptr(IccDataset) dataset = NULL;
  g_autoptr(GArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  gint32 first, last;

  if (format == NULL)
    format = "text";

  if (!g_str_equal (format, "text") && !g_str_equal (format, "json") &&
      !g_str_equal (format, "csv"))
    {
      g_string_append_printf (out, _("Unknown format “%s”: use text, json or csv"), format);
      g_string_append_c (out, '\n');
      return 2;
    }

  /* The range is checked before the dataset is read, except an open end,
   * which runs to the dataset's last event. */
  if (!icc_changes_parse_range (range, NULL, &first, &last, &error))
    {
      g_string_append_printf (out, "--changes: %s\n", error->message);
      return 2;
    }

  dataset = _icc_cli_load_dataset (filename, out);
  if (dataset == NULL)
    return 1;

  icc_changes_parse_range (range, dataset, &first, &last, NULL);
  changes = icc_changes_between (dataset, first, last);

  if (g_str_equal (format, "json"))
    {
      g_autofree char *json = icc_changes_to_json (changes, first, last);
      g_string_append_printf (out, "%s\n", json);
    }
  else if (g_str_equal (format, "csv"))
    {
      g_autofree char *csv = icc_changes_to_csv (changes);
      g_string_append (out, csv);
    }
  else
    icc_changes_to_text (changes, first, last, out);

  return 0;
}
