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

/* Text of the exports: the default cairo font map, not a display's. */
static PangoContext *
create_pango_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  PangoFontDescription *font = pango_font_description_from_string (EXPORT_FONT);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* As GTK sets up a widget's context: glyphs at fractional positions, so
   * that text is as wide as on screen and in a vector file. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_font_description (context, font);
  pango_context_set_language (context, pango_language_get_default ());
  pango_font_description_free (font);

  return context;
}

GskRenderNode *
icc_export_timeline_node (IccDataset *dataset,
                          double     *start_day,
                          double     *end_day,
                          int         width,
                          int         height)
{
  g_autoptr(IccTimelineView) view = NULL;
  g_autoptr(IccTimelineRenderer) renderer = NULL;
  PangoContext *context;
  GtkSnapshot *snapshot;

  g_return_val_if_fail (ICC_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  /* A view of our own and the widget's renderer, with no widget, window or
   * display: what the window shows, in the light palette. */
  view = icc_timeline_view_new ();
  icc_timeline_view_set_model (view, icc_dataset_get_events (dataset));
  icc_timeline_view_set_eras (view, icc_dataset_get_eras (dataset));
  if (*start_day > 0 && *end_day > *start_day)
    icc_timeline_view_set_range (view, *start_day, *end_day);
  /* The cursor on today, as a new window shows it. */
  icc_timeline_view_set_cursor (view, icc_timeline_view_get_today (view));
  *start_day = icc_timeline_view_get_start (view);
  *end_day = icc_timeline_view_get_end (view);

  context = create_pango_context ();
  renderer = icc_timeline_renderer_new (context);
  g_object_unref (context);

  snapshot = gtk_snapshot_new ();
  icc_timeline_renderer_snapshot (renderer, view, snapshot, width, height);

  return gtk_snapshot_free_to_node (snapshot);
}

static char *
format_range (double start_day,
              double end_day)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  IccDate date;

  icc_date_init_from_day (&date, (gint32)start_day);
  start = icc_date_format (&date);
  icc_date_init_from_day (&date, (gint32)MAX (start_day, end_day - 1));
  end = icc_date_format (&date);

  /* Translators: a date range, "14 November 2016 – 30 November 2016". */
  return g_strdup_printf (_("%s – %s"), start, end);
}

static void
draw_text (cairo_t    *cr,
           const char *text,
           int         size,
           gboolean    bold,
           double      x,
           double      y,
           int         width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  /* Dataset text: set as text, never as markup. */
  pango_layout_set_text (layout, text, -1);

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);

  pango_font_description_free (font);
  g_object_unref (layout);
}

/* Title, range and timeline on one page. */
static void
draw_page (cairo_t       *cr,
           IccDataset    *dataset,
           GskRenderNode *node,
           const char    *range,
           int            width,
           int            height)
{
  double top = MARGIN + TITLE_SIZE * 1.4 + SUBTITLE_SIZE * 1.6 + MARGIN / 2;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  cairo_set_source_rgb (cr, 0.12, 0.12, 0.12);
  draw_text (cr, icc_dataset_get_title (dataset), TITLE_SIZE, TRUE, MARGIN, MARGIN,
             width - 2 * MARGIN);
  cairo_set_source_rgb (cr, 0.30, 0.30, 0.30);
  draw_text (cr, range, SUBTITLE_SIZE, FALSE, MARGIN, MARGIN + TITLE_SIZE * 1.4,
             width - 2 * MARGIN);

  if (node != NULL)
    {
      cairo_save (cr);
      cairo_translate (cr, 0, top);
      cairo_rectangle (cr, 0, 0, width, height - top);
      cairo_clip (cr);
      gsk_render_node_draw (node, cr);
      cairo_restore (cr);
    }
}

/* A text alternative for the SVG: a <title> and a <desc> listing the events
 * in view, so the exported image is searchable and accessible. */
static char *
svg_description (IccDataset *dataset,
                 const char *range,
                 double      start_day,
                 double      end_day)
{
  GListModel *events = icc_dataset_get_events (dataset);
  guint n = g_list_model_get_n_items (events);
  g_autofree char *title = g_markup_escape_text (icc_dataset_get_title (dataset), -1);
  g_autofree char *escaped_range = g_markup_escape_text (range, -1);
  GString *str = g_string_new (NULL);

  g_string_append_printf (str, "<title>%s, %s</title>\n<desc>", title, escaped_range);
  for (guint i = icc_dataset_find_event_at_day (dataset, (gint32)start_day); i < n; i++)
    {
      g_autoptr(IccEvent) event = g_list_model_get_item (events, i);
      g_autofree char *date = NULL;
      g_autofree char *text = NULL;

      if (icc_event_get_day (event) >= end_day)
        break;

      date = icc_date_to_iso (icc_event_get_date (event));
      text = g_markup_escape_text (icc_event_get_title (event), -1);
      g_string_append_printf (str, "%s: %s\n", date, text);
    }
  g_string_append (str, "</desc>\n");

  return g_string_free (str, FALSE);
}

static gboolean
insert_svg_description (const char  *path,
                        const char  *description,
                        GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GString) out = NULL;
  const char *svg, *close;
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
  g_string_append (out, description);
  g_string_append (out, close + 1);

  return g_file_set_contents (path, out->str, out->len, error);
}

/**
 * icc_export_page_to_file:
 *
 * Writes one page that @draw draws (@width × @height logical pixels) to
 * @file as PNG (at @scale device pixels per logical pixel), SVG (with
 * @svg_description, if not NULL, as its <desc>) or PDF (titled with the
 * dataset's title). The file is written beside the target and renamed over
 * it, so a failed export never leaves a truncated file where a good one was.
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
                         GError            **error)
{
  g_autofree char *path = NULL;
  g_autofree char *tmp_path = NULL;
  g_autoptr(GFile) tmp_file = NULL;
  cairo_surface_t *surface = NULL;
  cairo_status_t status;

  g_return_val_if_fail (ICC_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (draw != NULL, FALSE);

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
      cairo_t *cr = cairo_create (surface);

      draw (cr, user_data);
      cairo_destroy (cr);

      if (format == ICC_EXPORT_FORMAT_PNG)
        status = cairo_surface_write_to_png (surface, tmp_path);
      else
        {
          cairo_surface_finish (surface);
          status = cairo_surface_status (surface);
        }
    }
  cairo_surface_destroy (surface);

  if (status == CAIRO_STATUS_SUCCESS && format == ICC_EXPORT_FORMAT_SVG &&
      svg_description != NULL && !insert_svg_description (tmp_path, svg_description, error))
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

typedef struct
{
  IccDataset    *dataset;
  GskRenderNode *node;
  const char    *range;
  int            width;
  int            height;
} TimelinePage;

static void
draw_timeline_page (cairo_t  *cr,
                    gpointer  data)
{
  TimelinePage *page = data;

  draw_page (cr, page->dataset, page->node, page->range, page->width, page->height);
}

gboolean
icc_export_timeline (IccDataset       *dataset,
                     double            start_day,
                     double            end_day,
                     int               width,
                     int               height,
                     double            scale,
                     IccExportFormat   format,
                     GFile            *file,
                     GError          **error)
{
  g_autoptr(GskRenderNode) node = NULL;
  g_autofree char *range = NULL;
  g_autofree char *description = NULL;
  TimelinePage page;
  int timeline_height;

  g_return_val_if_fail (ICC_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);

  timeline_height = height - (int)(MARGIN + TITLE_SIZE * 1.4 + SUBTITLE_SIZE * 1.6 + MARGIN / 2);
  g_return_val_if_fail (timeline_height > 0, FALSE);
  node = icc_export_timeline_node (dataset, &start_day, &end_day, width, timeline_height);
  if (node == NULL)
    {
      g_set_error (error, ICC_EXPORT_ERROR, ICC_EXPORT_ERROR_DRAW,
                   _("Could not draw the timeline"));
      return FALSE;
    }
  range = format_range (start_day, end_day);
  if (format == ICC_EXPORT_FORMAT_SVG)
    description = svg_description (dataset, range, start_day, end_day);

  page = (TimelinePage) { dataset, node, range, width, height };

  return icc_export_page_to_file (dataset, width, height, scale, format, file,
                                  draw_timeline_page, &page, description, error);
}
