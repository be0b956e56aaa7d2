/* icc-export-map.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "icc-export-map.h"
#include "icc-export-svg.h"
#include "icc-world.h"
#include "icc-world-map-renderer.h"

#define MARGIN        24
#define FOOTER        116
#define DATE_SIZE     18
#define TEXT_SIZE     13
#define SOURCE_SIZE   11

void
icc_export_map_get_transform (int             width,
                              int             height,
                              cairo_matrix_t *matrix)
{
  IccMapBounds extent;
  double map_width = MAX (1, width - 2 * MARGIN);
  double map_height = MAX (1, height - 2 * MARGIN - FOOTER);
  double scale;

  icc_world_map_get_extent (icc_world_map_get_default (), &extent);
  scale = MIN (map_width / (extent.x1 - extent.x0), map_height / (extent.y1 - extent.y0));

  /* Longitude 0 in the middle of the page, the top of the world at the top
   * margin. */
  cairo_matrix_init_translate (matrix, width / 2.0, MARGIN - extent.y0 * scale);
  cairo_matrix_scale (matrix, scale, scale);
}

/* Text on the page, drawn, or with @svg written there as a <text>; returns
 * its height. */
static double
draw_text (cairo_t       *cr,
           GString       *svg,
           const char    *text,
           int            size,
           gboolean       bold,
           double         x,
           double         y,
           int            width,
           const GdkRGBA *color)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");
  int h;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (layout, text, -1);
  if (svg != NULL)
    {
      icc_export_svg_append_text (svg, layout, x, y, color);
    }
  else
    {
      gdk_cairo_set_source_rgba (cr, color);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
    }
  pango_layout_get_pixel_size (layout, NULL, &h);
  pango_font_description_free (font);

  return h;
}

static void
svg_text_cb (PangoLayout   *layout,
             double         x,
             double         y,
             const GdkRGBA *color,
             gpointer       user_data)
{
  icc_export_svg_append_text (user_data, layout, x, y, color);
}

/* The page; with @svg, its text written there as <text> elements. */
static void
draw_map (cairo_t       *cr,
          GString       *svg,
          IccDataset    *dataset,
          const IccDate *date,
          int            width,
          int            height)
{
  IccWorldMap *map = icc_world_map_get_default ();
  g_autofree guint8 *fills = g_new0 (guint8, icc_world_map_get_n_shapes (map));
  g_autoptr(IccWorld) world = icc_world_new (dataset);
  g_autofree char *date_text = icc_date_format (date);
  g_autofree char *counts = NULL;
  g_autofree char *heading = NULL;
  PangoContext *context;
  IccWorldMapPalette palette;
  IccMapBounds extent;
  cairo_matrix_t matrix;
  GdkRGBA dim;
  double y;

  icc_world_map_palette_init_light (&palette);
  icc_world_map_compute_fills (map, dataset, icc_date_get_day (date), fills);
  icc_world_set_date (world, date);
  counts = icc_world_format_counts (world);

  gdk_cairo_set_source_rgba (cr, &palette.sea);
  cairo_paint (cr);

  icc_export_map_get_transform (width, height, &matrix);
  cairo_save (cr);
  cairo_transform (cr, &matrix);
  icc_world_map_draw (cr, map, fills, &palette, 1 / matrix.xx);
  cairo_restore (cr);

  icc_world_map_get_extent (map, &extent);
  y = matrix.y0 + extent.y1 * matrix.yy + 16;

  {
    g_autoptr(PangoLayout) probe = pango_cairo_create_layout (cr);

    PangoFontDescription *font = pango_font_description_from_string ("Sans");

    pango_font_description_set_absolute_size (font, TEXT_SIZE * PANGO_SCALE);
    context = pango_layout_get_context (probe);
    pango_context_set_font_description (context, font);
    pango_font_description_free (font);
    y += icc_world_map_draw_legend_full (cr, context, &palette, MARGIN, y, width - 2 * MARGIN,
                                         svg != NULL ? svg_text_cb : NULL, svg) + 14;
  }

  /* Translators: the exported map's heading, "Statuses on 1 January 2010". */
  heading = g_strdup_printf (_("Statuses on %s"), date_text);
  y += draw_text (cr, svg, heading, DATE_SIZE, TRUE, MARGIN, y, width - 2 * MARGIN,
                  &palette.fg) + 4;
  y += draw_text (cr, svg, counts, TEXT_SIZE, FALSE, MARGIN, y, width - 2 * MARGIN,
                  &palette.fg) + 6;
  dim = palette.fg;
  dim.alpha *= 0.7;
  draw_text (cr, svg, _("Source: Natural Earth; ICC Tracker dataset. Equal Earth projection."),
             SOURCE_SIZE, FALSE, MARGIN, y, width - 2 * MARGIN, &dim);
}

void
icc_export_map_draw (cairo_t       *cr,
                     IccDataset    *dataset,
                     const IccDate *date,
                     int            width,
                     int            height)
{
  draw_map (cr, NULL, dataset, date, width, height);
}

typedef struct
{
  IccDataset    *dataset;
  const IccDate *date;
  int            width;
  int            height;
  GString       *svg;
} MapPage;

static gboolean
draw_map_page (cairo_t  *cr,
               gpointer  data)
{
  MapPage *page = data;

  draw_map (cr, page->svg, page->dataset, page->date, page->width, page->height);

  return TRUE;
}

gboolean
icc_export_map (IccDataset      *dataset,
                const IccDate   *date,
                int              width,
                int              height,
                double           scale,
                IccExportFormat  format,
                GFile           *file,
                GError         **error)
{
  g_autoptr(GString) svg = format == ICC_EXPORT_FORMAT_SVG ? g_string_new (NULL) : NULL;
  MapPage page = { dataset, date, width, height, svg };

  g_return_val_if_fail (ICC_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);

  return icc_export_page_to_file (dataset, width, height, scale, format, file,
                                  draw_map_page, &page, NULL, svg, error);
}
