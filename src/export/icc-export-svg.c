/* icc-export-svg.c: text and shapes as SVG elements
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "icc-export-svg.h"

/* The text @line of @layout shows, ellipsis included. */
static char *
line_text (PangoLayout     *layout,
           PangoLayoutLine *line)
{
  const char *text = pango_layout_get_text (layout);
  GString *str;

  if (!pango_layout_is_ellipsized (layout))
    return g_strndup (text + line->start_index, line->length);

  /* The runs in visual order are the text's for a left-to-right line; the
   * ellipsis run stands for the text it hides. */
  str = g_string_new (NULL);
  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *run = l->data;

      if (run->item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS)
        g_string_append (str, "…");
      else
        g_string_append_len (str, text + run->item->offset, run->item->length);
    }

  return g_string_free (str, FALSE);
}

char *
icc_export_svg_layout_text (PangoLayout *layout)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly (layout, 0);

  if (line == NULL)
    return g_strdup ("");

  return line_text (layout, line);
}

void
icc_export_svg_append_color (GString       *svg,
                             const char    *attribute,
                             const GdkRGBA *color)
{
  char opacity[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (svg, " %s=\"#%02x%02x%02x\"", attribute,
                          (guint)(CLAMP (color->red, 0, 1) * 255 + .5),
                          (guint)(CLAMP (color->green, 0, 1) * 255 + .5),
                          (guint)(CLAMP (color->blue, 0, 1) * 255 + .5));
  if (color->alpha < 1)
    g_string_append_printf (svg, " %s-opacity=\"%s\"", attribute,
                            g_ascii_formatd (opacity, sizeof opacity, "%.3g", color->alpha));
}

static void
append_number (GString *svg,
               double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* Locale-independent: a French locale must not write "12,5". */
  g_string_append (svg, g_ascii_formatd (buf, sizeof buf, "%.2f", value));
  /* "12.50" → "12.5", "12.00" → "12". */
  while (svg->len > 0 && svg->str[svg->len - 1] == '0')
    g_string_truncate (svg, svg->len - 1);
  if (svg->len > 0 && svg->str[svg->len - 1] == '.')
    g_string_truncate (svg, svg->len - 1);
}

void
icc_export_svg_append_text (GString       *svg,
                            PangoLayout   *layout,
                            double         x,
                            double         y,
                            const GdkRGBA *color)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly (layout, 0);
  PangoFontDescription *desc = NULL;
  g_autofree char *family = NULL;
  int weight = PANGO_WEIGHT_NORMAL;
  PangoLayoutIter *iter;
  GdkRGBA opaque;
  double size;

  if (line == NULL)
    return;

  /* The font Pango chose for the first run, at its size in pixels. */
  if (line->runs != NULL)
    {
      PangoGlyphItem *run = line->runs->data;

      desc = pango_font_describe_with_absolute_size (run->item->analysis.font);
    }
  else
    {
      PangoContext *context = pango_layout_get_context (layout);

      desc = pango_font_description_copy (pango_context_get_font_description (context));
    }
  size = (double)pango_font_description_get_size (desc) / PANGO_SCALE;
  if (!pango_font_description_get_size_is_absolute (desc))
    size *= 96.0 / 72.0;
  weight = pango_font_description_get_weight (desc);
  family = g_markup_escape_text (pango_font_description_get_family (desc) != NULL ?
                                 pango_font_description_get_family (desc) : "Sans", -1);
  pango_font_description_free (desc);

  /* Opaque, as the colour on the white page: LibreOffice cuts translucent
   * text set to a textLength at the width its own font gives it. */
  opaque = (GdkRGBA) {
    color->red * color->alpha + 1 - color->alpha,
    color->green * color->alpha + 1 - color->alpha,
    color->blue * color->alpha + 1 - color->alpha,
    1
  };

  /* A <text> a line (a label cut by the next marker wraps), each at its
   * baseline. */
  iter = pango_layout_get_iter (layout);
  do
    {
      /* Without the space a wrapped line ends with: Pango's width, the
       * textLength, leaves it out. */
      g_autofree char *text = g_strchomp (line_text (layout,
                                                     pango_layout_iter_get_line_readonly (iter)));
      g_autofree char *escaped = NULL;
      PangoRectangle logical;

      if (*text == '\0')
        continue;

      escaped = g_markup_escape_text (text, -1);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      g_string_append (svg, "<text x=\"");
      append_number (svg, x + (double)logical.x / PANGO_SCALE);
      g_string_append (svg, "\" y=\"");
      append_number (svg, y + (double)pango_layout_iter_get_baseline (iter) / PANGO_SCALE);
      g_string_append_printf (svg, "\" font-family=\"%s, sans-serif\" font-size=\"", family);
      append_number (svg, size);
      /* As wide as Pango made it, whatever fonts the viewer has: labels laid
       * out not to touch never do. */
      g_string_append (svg, "px\" textLength=\"");
      append_number (svg, (double)logical.width / PANGO_SCALE);
      g_string_append (svg, "\"");
      if (weight != PANGO_WEIGHT_NORMAL)
        g_string_append_printf (svg, " font-weight=\"%d\"", weight);
      icc_export_svg_append_color (svg, "fill", &opaque);
      g_string_append_printf (svg, ">%s</text>\n", escaped);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

void
icc_export_svg_append_rect (GString       *svg,
                            const char    *class,
                            double         x,
                            double         y,
                            double         width,
                            double         height,
                            double         radius,
                            const GdkRGBA *fill,
                            const GdkRGBA *stroke)
{
  g_string_append_printf (svg, "<rect class=\"%s\" x=\"", class);
  append_number (svg, x);
  g_string_append (svg, "\" y=\"");
  append_number (svg, y);
  g_string_append (svg, "\" width=\"");
  append_number (svg, width);
  g_string_append (svg, "\" height=\"");
  append_number (svg, height);
  g_string_append_c (svg, '"');
  if (radius > 0)
    {
      g_string_append (svg, " rx=\"");
      append_number (svg, radius);
      g_string_append (svg, "\" ry=\"");
      append_number (svg, radius);
      g_string_append_c (svg, '"');
    }
  icc_export_svg_append_color (svg, "fill", fill);
  if (stroke != NULL)
    {
      icc_export_svg_append_color (svg, "stroke", stroke);
      g_string_append (svg, " stroke-width=\"1\"");
    }
  g_string_append (svg, "/>\n");
}

void
icc_export_svg_append_path_data (GString *svg,
                                 cairo_t *cr)
{
  cairo_path_t *path = cairo_copy_path (cr);

  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    {
      cairo_path_data_t *data = &path->data[i];
      static const char *commands[] = { "M", "L", "C", "Z" };
      int n_points = data->header.type == CAIRO_PATH_CURVE_TO ? 3 :
                     data->header.type == CAIRO_PATH_CLOSE_PATH ? 0 : 1;

      if (svg->len > 0 && svg->str[svg->len - 1] != '"')
        g_string_append_c (svg, ' ');
      g_string_append (svg, commands[data->header.type]);
      for (int p = 1; p <= n_points; p++)
        {
          if (p > 1)
            g_string_append_c (svg, ' ');
          append_number (svg, data[p].point.x);
          g_string_append_c (svg, ',');
          append_number (svg, data[p].point.y);
        }
    }
  cairo_path_destroy (path);
}
