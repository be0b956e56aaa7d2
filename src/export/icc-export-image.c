/* icc-export-image.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <glib/gi18n.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>

#include "icc-export-image.h"
#include "icc-timeline-renderer.h"
#include "icc-timeline-view.h"

#define MARGIN        24
#define TITLE_SIZE    20
#define SUBTITLE_SIZE 12
/* The timeline's: 0.9em of GTK's default "Sans 10" (data/style.css). */
#define EXPORT_FONT   "Sans 9.9"

G_DEFINE_QUARK (icc-export-error-quark, icc_export_error)

gboolean
icc_export_format_from_filename (const char       *filename,
                                 IccExportFormat  *format,
                                 GError          **error)
{
  g_autofree char *lower = g_ascii_strdown (filename != NULL ? filename : "", -1);

  if (g_str_has_suffix (lower, ".png"))
    *format = ICC_EXPORT_FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = ICC_EXPORT_FORMAT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = ICC_EXPORT_FORMAT_PDF;
  else
    {
      g_set_error (error, ICC_EXPORT_ERROR, ICC_EXPORT_ERROR_FORMAT,
                   _("“%s”: the file name must end in .png, .svg or .pdf"), filename);
      return FALSE;
    }

  return TRUE;
}

gboolean
icc_export_parse_range (const char  *text,
                        double      *start_day,
                        double      *end_day,
                        GError     **error)
{
  g_auto(GStrv) parts = NULL;
  IccDate start, end;

  if (text == NULL || strstr (text, "..") == NULL)
    goto invalid;

  parts = g_strsplit (text, "..", 2);
  if (!icc_date_parse (parts[0], &start, NULL) || !icc_date_parse (parts[1], &end, NULL))
    goto invalid;

  if (icc_date_get_end_day (&end) < icc_date_get_day (&start))
    goto invalid;

  *start_day = icc_date_get_day (&start);
  *end_day = icc_date_get_end_day (&end) + 1;

  return TRUE;

invalid:
  g_set_error (error, ICC_EXPORT_ERROR, ICC_EXPORT_ERROR_RANGE,
               _("“%s” is not a date range: use START..END, as in 2016-11-14..2016-11-30"),
               text != NULL ? text : "");
  return FALSE;
}

gboolean
icc_export_parse_show (const char     *text,
                       IccExportShow  *show,
                       GError        **error)
{
  static const struct { const char *word; IccExportShow flag; } words[] = {
    { "today", ICC_EXPORT_SHOW_TODAY },
    { "cursor", ICC_EXPORT_SHOW_CURSOR },
    { "overview", ICC_EXPORT_SHOW_OVERVIEW },
  };
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", ",", -1);

  *show = 0;
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *word = g_strstrip (parts[i]);
      guint w;

      for (w = 0; w < G_N_ELEMENTS (words); w++)
        if (g_ascii_strcasecmp (word, words[w].word) == 0)
          break;

      if (w == G_N_ELEMENTS (words))
        {
          /* Translators: an error of --show; "today", "cursor" and
           * "overview" are the words it takes, not to be translated. */
          g_set_error (error, ICC_EXPORT_ERROR, ICC_EXPORT_ERROR_FORMAT,
                       _("--show does not know “%s”: use today, cursor or overview, "
                         "separated by commas"), word);
          return FALSE;
        }
      *show |= words[w].flag;
    }

  return TRUE;
}

static gboolean
insert_svg_description (const char  *path,
                        const char  *description,
                        const char  *body,
                        GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GString) out = NULL;
  const char *svg, *close, *end;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;

  svg = strstr (contents, "<svg");
  close = svg != NULL ? strchr (svg, '>') : NULL;
  if (close == NULL)
    {
      g_set_error (error, ICC_EXPORT_ERROR, ICC_EXPORT_ERROR_WRITE, _("Could not write the SVG"));
      return FALSE;
    }

  out = g_string_new_len (contents, close + 1 - contents);
  g_string_append_c (out, '\n');
  if (description != NULL)
    g_string_append (out, description);
  end = body != NULL ? g_strrstr (close + 1, "</svg>") : NULL;
  if (end != NULL)
    {
      g_string_append_len (out, close + 1, end - (close + 1));
      g_string_append (out, body);
      g_string_append (out, end);
    }
  else
    {
      g_string_append (out, close + 1);
    }

  return g_file_set_contents (path, out->str, out->len, error);
}

/* Writes @n_pages pages that @draw_page draws (a PDF), or, with @draw, one
 * page: see icc_export_page_to_file(). */
static gboolean
write_pages (IccDataset         *dataset,
             int                 width,
             int                 height,
             double              scale,
             IccExportFormat     format,
             GFile              *file,
             guint               n_pages,
             IccExportPageFunc   draw_page,
             IccExportDrawFunc   draw,
             gpointer            user_data,
             const char         *svg_description,
             GString            *svg_body,
             GError            **error)
{
  g_autofree char *path = NULL;
  g_autofree char *tmp_path = NULL;
  g_autoptr(GFile) tmp_file = NULL;
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  gboolean drawn = TRUE;

  g_return_val_if_fail (ICC_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (draw != NULL || draw_page != NULL, FALSE);
  g_return_val_if_fail (n_pages <= 1 || format == ICC_EXPORT_FORMAT_PDF, FALSE);

  /* CLAMP keeps a NaN, and a NaN size is undefined behaviour below. */
  scale = isnan (scale) ? 1.0 : CLAMP (scale, 0.5, 4.0);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, ICC_EXPORT_ERROR, ICC_EXPORT_ERROR_WRITE,
                   _("Can only export to a local file"));
      return FALSE;
    }

  tmp_path = g_strdup_printf ("%s.XXXXXX", path);
  {
    /* 0666 less the umask, as a new file gets (g_mkstemp() gives 0600). */
    int fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0666);

    if (fd < 0)
      {
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                     _("Could not write “%s”: %s"), path, g_strerror (errno));
        return FALSE;
      }
    close (fd);
  }

  switch (format)
    {
    case ICC_EXPORT_FORMAT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                            (int)(width * scale), (int)(height * scale));
      cairo_surface_set_device_scale (surface, scale, scale);
      break;

    case ICC_EXPORT_FORMAT_SVG:
      surface = cairo_svg_surface_create (tmp_path, width, height);
      /* Pixels, as the PNG: "1280pt" would be 1707 pixels in a browser. */
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      break;

    case ICC_EXPORT_FORMAT_PDF:
      surface = cairo_pdf_surface_create (tmp_path, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                      icc_dataset_get_title (dataset));
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "ICC Tracker");
      break;

    default:
      g_assert_not_reached ();
    }

  /* Too large for cairo (over 32767 pixels a side), or the file could not
   * be opened: drawing into an error surface only warns. */
  status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    {
      for (guint i = 0; i < MAX (n_pages, 1) && drawn && status == CAIRO_STATUS_SUCCESS; i++)
        {
          cairo_t *cr = cairo_create (surface);

          drawn = draw != NULL ? draw (cr, user_data) : draw_page (cr, i, user_data);
          status = cairo_status (cr);
          if (n_pages > 0)
            cairo_show_page (cr);
          cairo_destroy (cr);
        }

      if (!drawn || status != CAIRO_STATUS_SUCCESS)
        ;
      else if (format == ICC_EXPORT_FORMAT_PNG)
        status = cairo_surface_write_to_png (surface, tmp_path);
      else
        {
          cairo_surface_finish (surface);
          status = cairo_surface_status (surface);
        }
    }
  cairo_surface_destroy (surface);

  if (!drawn)
    {
      g_unlink (tmp_path);
      g_set_error (error, ICC_EXPORT_ERROR, ICC_EXPORT_ERROR_DRAW,
                   _("Could not write “%s”: the image could not be drawn"), path);
      return FALSE;
    }

  if (status == CAIRO_STATUS_SUCCESS && format == ICC_EXPORT_FORMAT_SVG &&
      (svg_description != NULL || svg_body != NULL) &&
      !insert_svg_description (tmp_path, svg_description,
                               svg_body != NULL ? svg_body->str : NULL, error))
    {
      g_unlink (tmp_path);
      return FALSE;
    }

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp_path);
      g_set_error (error, ICC_EXPORT_ERROR, ICC_EXPORT_ERROR_WRITE,
                   _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }

  tmp_file = g_file_new_for_path (tmp_path);
  if (!g_file_move (tmp_file, file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
    {
      g_unlink (tmp_path);
      return FALSE;
    }

  return TRUE;
}

/**
 * icc_export_page_to_file:
 *
 * Writes one page that @draw draws (@width × @height logical pixels) to
 * @file as PNG (at @scale device pixels per logical pixel), SVG (with
 * @svg_description, if not NULL, as its <title> and <desc>, and @svg_body's
 * elements, if any, drawn over cairo's) or PDF (titled with the dataset's
 * title). @draw returns FALSE when it could not draw: the export then fails
 * with ICC_EXPORT_ERROR_DRAW and writes nothing. The file is written beside
 * the target and renamed over it, so a failed export never leaves a
 * truncated file where a good one was.
 */
gboolean
icc_export_page_to_file (IccDataset         *dataset,
                         int                 width,
                         int                 height,
                         double              scale,
                         IccExportFormat     format,
                         GFile              *file,
                         IccExportDrawFunc   draw,
                         gpointer            user_data,
                         const char         *svg_description,
                         GString            *svg_body,
                         GError            **error)
{
  return write_pages (dataset, width, height, scale, format, file, 0, NULL, draw, user_data,
                      svg_description, svg_body, error);
}

/**
 * icc_export_pages_to_pdf:
 *
 * Writes @n_pages pages of @width × @height points that @draw draws to
 * @file as one PDF, as icc_export_page_to_file() writes one.
 */
gboolean
icc_export_pages_to_pdf (IccDataset         *dataset,
                         int                 width,
                         int                 height,
                         GFile              *file,
                         guint               n_pages,
                         IccExportPageFunc   draw,
                         gpointer            user_data,
                         GError            **error)
{
  g_return_val_if_fail (n_pages > 0, FALSE);

  return write_pages (dataset, width, height, 1, ICC_EXPORT_FORMAT_PDF, file, n_pages, draw,
                      NULL, user_data, NULL, NULL, error);
}
