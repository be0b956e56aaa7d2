/* icc-cli-export.c: --export, --export-tour and --export-timelinejs
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "icc-cli.h"
#include "icc-dataset.h"
#include "icc-export-image.h"
#include "icc-export-timelinejs.h"

/* The tour @id of @dataset, or its first when @id is NULL; NULL with the
 * reason, and the tours there are, in @out. */
static IccTour *
find_tour (IccDataset *dataset,
           const char *id,
           GString    *out)
{
  GListModel *tours = icc_dataset_get_tours (dataset);
  guint n = g_list_model_get_n_items (tours);
  g_autoptr(GString) ids = g_string_new (NULL);
  IccTour *tour;

  if (id != NULL && (tour = icc_dataset_lookup_tour (dataset, id)) != NULL)
    return tour;

  if (id == NULL && n > 0)
    {
      g_autoptr(IccTour) first = g_list_model_get_item (tours, 0);

      /* The dataset holds it. */
      return first;
    }

  if (n == 0)
    {
      g_string_append_printf (out, "%s\n", _("The dataset has no tour"));
      return NULL;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IccTour) tour_i = g_list_model_get_item (tours, i);

      if (i > 0)
        g_string_append (ids, ", ");
      g_string_append (ids, icc_tour_get_id (tour_i));
    }
  g_string_append_printf (out, _("No tour “%s” in the dataset; its tours: %s"), id, ids->str);
  g_string_append_c (out, '\n');

  return NULL;
}

int
icc_cli_export_timelinejs (const char *dataset_file,
                           const char *output,
                           const char *tour_id,
                           const char *range,
                           GString    *out)
{
  g_autoptr(IccDataset) dataset = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  IccTour *tour = NULL;
  double start = 0, end = 0;

  if (range != NULL && !icc_export_parse_range (range, &start, &end, &error))
    {
      g_string_append_printf (out, "%s\n", error->message);
      return 2;
    }

  dataset = _icc_cli_load_dataset (dataset_file, out);
  if (dataset == NULL)
    return 1;

  if (tour_id != NULL && (tour = find_tour (dataset, tour_id, out)) == NULL)
    return 1;

  file = g_file_new_for_commandline_arg (output);
  if (!icc_export_timelinejs_to_file (dataset, tour, start, end, file, NULL, &error))
    {
      g_string_append_printf (out, "%s: %s\n", output, error->message);
      return 1;
    }

  return 0;
}

int
icc_cli_export_tour (const char *dataset_file,
                     const char *output,
                     const char *tour_id,
                     const char *size,
                     double      scale,
                     GString    *out)
{
  g_autoptr(IccDataset) dataset = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  IccTour *tour;
  int width = 1280, height = 720;

  if (!_icc_cli_parse_size_and_scale (size, &width, &height, &scale, out))
    return 2;

  dataset = _icc_cli_load_dataset (dataset_file, out);
  if (dataset == NULL)
    return 1;

  tour = find_tour (dataset, tour_id, out);
  if (tour == NULL)
    return 1;

  file = g_file_new_for_commandline_arg (output);
  if (!icc_export_tour (dataset, tour, width, height, scale, file, &error))
    {
      g_string_append_printf (out, "%s\n", error->message);
      return 1;
    }

  return 0;
}

int
icc_cli_export_image (const char *dataset_file,
                      const char *output,
                      const char *range,
                      const char *size,
                      double      scale,
                      const char *show_text,
                      const char *date_text,
                      GString    *out)
{
  g_autoptr(IccDataset) dataset = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  IccExportFormat format;
  IccExportShow show = 0;
  IccDate date;
  double start = 0, end = 0;
  int width = 1280, height = 720;

  if (!icc_export_format_from_filename (output, &format, &error) ||
      (range != NULL && !icc_export_parse_range (range, &start, &end, &error)) ||
      (show_text != NULL && !icc_export_parse_show (show_text, &show, &error)))
    {
      g_string_append_printf (out, "%s\n", error->message);
      return 2;
    }

  /* The cursor's date: --date's, or today's, as --export-map's. */
  if (date_text != NULL && !(show & ICC_EXPORT_SHOW_CURSOR))
    {
      g_string_append_printf (out, "%s\n", _("--date with --export needs --show=cursor"));
      return 2;
    }
  if (!_icc_cli_parse_date_or_today (date_text, &date, out))
    return 2;

  if (!_icc_cli_parse_size_and_scale (size, &width, &height, &scale, out))
    return 2;

  dataset = _icc_cli_load_dataset (dataset_file, out);
  if (dataset == NULL)
    return 1;

  file = g_file_new_for_commandline_arg (output);
  if (!icc_export_timeline_full (dataset, start, end, width, height, scale, show,
                                 icc_date_get_day (&date), format, file, &error))
    {
      g_string_append_printf (out, "%s\n", error->message);
      return 1;
    }

  return 0;
}
