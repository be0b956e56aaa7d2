/* icc-export-tour.c: a tour as slides, a PNG or a PDF page a step
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "icc-export-image.h"
#include "icc-export-timeline-private.h"

typedef struct
{
  IccDataset *dataset;
  IccTour    *tour;
  int         width;
  int         height;
  double      start_day;  /* the tour's events, with a margin */
  double      end_day;
} TourExport;

/* Sets up @page for step @step; FALSE when its event is not in the
 * dataset. */
static gboolean
tour_page (TourExport   *tour,
           guint         step,
           TimelinePage *page,
           char        **title,
           char        **subtitle)
{
  IccEvent *event = icc_dataset_lookup_event (tour->dataset,
                                              icc_tour_get_step_event (tour->tour, step));
  const char *step_title = icc_tour_get_step_title (tour->tour, step);
  g_autofree char *date = NULL;

  if (event == NULL)
    return FALSE;

  date = icc_date_format (icc_event_get_date (event));
  *title = g_strdup (step_title != NULL && *step_title != '\0' ? step_title
                                                               : icc_event_get_title (event));
  /* Translators: under a tour step's slide title: the event's date, the
   * tour's title, the step's number and the number of steps. */
  *subtitle = g_strdup_printf (_("%s · %s · %u of %u"), date, icc_tour_get_title (tour->tour),
                               step + 1, icc_tour_get_n_steps (tour->tour));
  *page = (TimelinePage) {
    .dataset = tour->dataset,
    .title = *title,
    .subtitle = *subtitle,
    .start_day = tour->start_day,
    .end_day = tour->end_day,
    .width = tour->width,
    .height = tour->height,
    .current = event,
  };

  return TRUE;
}

static gboolean
draw_tour_page (cairo_t  *cr,
                guint     step,
                gpointer  data)
{
  TourExport *tour = data;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  TimelinePage page;
  gboolean ok;

  if (!tour_page (tour, step, &page, &title, &subtitle))
    return FALSE;
  ok = _icc_export_draw_timeline_page (cr, &page);
  g_clear_pointer (&page.renderer, icc_timeline_renderer_free);

  return ok;
}

gboolean
icc_export_tour (IccDataset  *dataset,
                 IccTour     *tour,
                 int          width,
                 int          height,
                 double       scale,
                 GFile       *target,
                 GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *lower = NULL;
  TourExport export = { dataset, tour, width, height, G_MAXDOUBLE, -G_MAXDOUBLE };
  guint n;
  double margin;

  g_return_val_if_fail (ICC_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (ICC_IS_TOUR (tour), FALSE);
  g_return_val_if_fail (G_IS_FILE (target), FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);

  n = icc_tour_get_n_steps (tour);
  for (guint i = 0; i < n; i++)
    {
      IccEvent *event = icc_dataset_lookup_event (dataset, icc_tour_get_step_event (tour, i));

      if (event == NULL)
        {
          g_set_error (error, ICC_EXPORT_ERROR, ICC_EXPORT_ERROR_DRAW,
                       _("Step %u of the tour “%s” shows an event that is not in the dataset"),
                       i + 1, icc_tour_get_title (tour));
          return FALSE;
        }
      export.start_day = MIN (export.start_day, icc_event_get_day (event));
      export.end_day = MAX (export.end_day, icc_event_get_day (event) + 1);
    }
  if (n == 0)
    {
      g_set_error (error, ICC_EXPORT_ERROR, ICC_EXPORT_ERROR_DRAW,
                   _("The tour “%s” has no steps"), icc_tour_get_title (tour));
      return FALSE;
    }
  /* A tenth of the span (at least a fortnight) on each side. */
  margin = MAX (14, (export.end_day - export.start_day) / 10);
  export.start_day = floor (export.start_day - margin);
  export.end_day = ceil (export.end_day + margin);

  path = g_file_get_path (target);
  lower = g_ascii_strdown (path != NULL ? path : "", -1);
  if (g_str_has_suffix (lower, ".pdf"))
    return icc_export_pages_to_pdf (dataset, width, height, target, n, draw_tour_page, &export,
                                    error);

  if (path == NULL || g_mkdir_with_parents (path, 0777) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not make the folder “%s”: %s"), path != NULL ? path : "",
                   g_strerror (saved));
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("step-%02u.png", i + 1);
      g_autoptr(GFile) file = g_file_get_child (target, name);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      TimelinePage page;
      gboolean ok;

      tour_page (&export, i, &page, &title, &subtitle);
      ok = icc_export_page_to_file (dataset, width, height, scale, ICC_EXPORT_FORMAT_PNG, file,
                                    _icc_export_draw_timeline_page, &page, NULL, NULL,
                                    error);
      g_clear_pointer (&page.renderer, icc_timeline_renderer_free);
      if (!ok)
        return FALSE;
    }

  return TRUE;
}
