/* icc-world-map-renderer.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "icc-enum-util.h"
#include "icc-timeline-renderer.h"
#include "icc-world-map-renderer.h"

/* Each status has the colour of the membership event that gives it
 * (data/style.css says so too): the timeline's kind colours. */
static const IccEventKind status_kinds[ICC_N_STATUSES] = {
  [ICC_STATUS_NONE] = ICC_EVENT_KIND_OTHER,
  [ICC_STATUS_SIGNATORY] = ICC_EVENT_KIND_SIGNATURE,
  [ICC_STATUS_RATIFIED] = ICC_EVENT_KIND_RATIFICATION,
  [ICC_STATUS_PARTY] = ICC_EVENT_KIND_ENTRY_INTO_FORCE,
  [ICC_STATUS_WITHDRAWING] = ICC_EVENT_KIND_WITHDRAWAL_NOTICE,
  [ICC_STATUS_WITHDRAWN] = ICC_EVENT_KIND_WITHDRAWAL_EFFECTIVE,
  [ICC_STATUS_UNSIGNED] = ICC_EVENT_KIND_SIGNATURE_WITHDRAWN,
};

void
icc_world_map_palette_init_light (IccWorldMapPalette *palette)
{
  gdk_rgba_parse (&palette->fg, "#2e3436");
  gdk_rgba_parse (&palette->sea, "#ffffff");
  gdk_rgba_parse (&palette->land, "#e4e4e1");
  for (guint s = 0; s < ICC_N_STATUSES; s++)
    gdk_rgba_parse (&palette->statuses[s], icc_timeline_kind_fallback_color (status_kinds[s]));
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
void
icc_world_map_palette_init_widget (IccWorldMapPalette *palette,
                                   GtkWidget          *widget)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GdkRGBA base;

  icc_world_map_palette_init_light (palette);
  gtk_style_context_get_color (context, &palette->fg);

  if (gtk_style_context_lookup_color (context, "theme_base_color", &base) ||
      gtk_style_context_lookup_color (context, "view_bg_color", &base))
    palette->sea = base;

  /* Land without data: the text colour, faint, so it works on light and
   * dark backgrounds alike. */
  palette->land = palette->fg;
  palette->land.alpha *= 0.12;

  for (guint s = 0; s < ICC_N_STATUSES; s++)
    {
      g_autofree char *name = g_strdup_printf ("icc_status_%s",
                                               icc_enum_to_nick (ICC_TYPE_STATUS, s));

      gtk_style_context_lookup_color (context, name, &palette->statuses[s]);
    }
}
G_GNUC_END_IGNORE_DEPRECATIONS

guint
icc_world_map_compute_fills (IccWorldMap *map,
                             IccDataset  *dataset,
                             gint32       day,
                             guint8      *fills)
{
  guint n = icc_world_map_get_n_shapes (map);
  guint changed = 0;

  for (guint i = 0; i < n; i++)
    {
      IccState *state = dataset != NULL ?
                        icc_dataset_lookup_state (dataset, icc_world_map_get_code (map, i)) :
                        NULL;
      guint8 fill = ICC_WORLD_MAP_FILL_LAND;

      if (state != NULL)
        {
          IccEvent *since = NULL;
          IccStatus status = icc_dataset_status_at_day (dataset, state, day, &since);

          fill = (guint8)status;
          if (since != NULL && icc_event_get_certainty (since) != ICC_CERTAINTY_CONFIRMED)
            fill |= ICC_WORLD_MAP_FILL_UNCERTAIN;
        }

      if (fills[i] != fill)
        changed++;
      fills[i] = fill;
    }

  return changed;
}

void
icc_world_map_append_path (cairo_t     *cr,
                           IccWorldMap *map,
                           guint        shape)
{
  const IccMapRing *rings;
  guint n_rings;

  rings = icc_world_map_get_rings (map, shape, &n_rings);
  for (guint r = 0; r < n_rings; r++)
    {
      const IccMapPoint *points = rings[r].points;

      cairo_move_to (cr, points[0].x, points[0].y);
      for (guint i = 1; i < rings[r].n_points; i++)
        cairo_line_to (cr, points[i].x, points[i].y);
      cairo_close_path (cr);
    }
}

void
icc_world_map_fill_color (const IccWorldMapPalette *palette,
                          guint8                    fill,
                          GdkRGBA                  *color,
                          gboolean                 *hatched)
{
  if (fill == ICC_WORLD_MAP_FILL_LAND)
    {
      *color = palette->land;
      *hatched = FALSE;
      return;
    }

  *color = palette->statuses[MIN (fill & ~ICC_WORLD_MAP_FILL_UNCERTAIN, ICC_N_STATUSES - 1)];
  *hatched = (fill & ICC_WORLD_MAP_FILL_UNCERTAIN) != 0;
}

/* Fills the current path, and keeps it, in @fill's colour; a fact not
 * confirmed hatched: the colour mixed with the background, crossed by 45°
 * stripes of the colour 6 pixels apart (@pixel user units a pixel). The
 * stripes are lines, not an image pattern: an SVG then holds paths that
 * every reader draws, where LibreOffice left a pattern white. */
static void
fill_path (cairo_t                  *cr,
           const IccWorldMapPalette *palette,
           guint8                    fill,
           double                    pixel)
{
  const double period = 6 * pixel;
  GdkRGBA color, light;
  gboolean hatched;
  cairo_path_t *path;
  double x1, y1, x2, y2;

  icc_world_map_fill_color (palette, fill, &color, &hatched);
  if (!hatched)
    {
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_fill_preserve (cr);
      return;
    }

  light.red = color.red + (palette->sea.red - color.red) * 0.55;
  light.green = color.green + (palette->sea.green - color.green) * 0.55;
  light.blue = color.blue + (palette->sea.blue - color.blue) * 0.55;
  light.alpha = color.alpha;
  gdk_cairo_set_source_rgba (cr, &light);
  cairo_fill_preserve (cr);

  path = cairo_copy_path (cr);
  cairo_fill_extents (cr, &x1, &y1, &x2, &y2);
  cairo_save (cr);
  cairo_clip (cr);
  /* The lines x + y = k × period, across the extents. */
  for (double k = floor ((x1 + y1) / period); k * period <= x2 + y2 + period; k++)
    {
      cairo_move_to (cr, k * period - y1 + period, y1 - period);
      cairo_line_to (cr, k * period - y2 - period, y2 + period);
    }
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_set_line_width (cr, 0.35 * period);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_stroke (cr);
  cairo_restore (cr);

  cairo_new_path (cr);
  cairo_append_path (cr, path);
  cairo_path_destroy (path);
}

void
icc_world_map_draw (cairo_t                  *cr,
                    IccWorldMap              *map,
                    const guint8             *fills,
                    const IccWorldMapPalette *palette,
                    double                    pixel)
{
  guint n = icc_world_map_get_n_shapes (map);

  cairo_save (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  for (guint i = 0; i < n; i++)
    {
      guint n_rings;

      icc_world_map_get_rings (map, i, &n_rings);
      if (n_rings == 0)
        continue;
      cairo_new_path (cr);
      icc_world_map_append_path (cr, map, i);
      fill_path (cr, palette, fills[i], pixel);
      /* Borders in the background colour, as gaps between states. */
      gdk_cairo_set_source_rgba (cr, &palette->sea);
      cairo_set_line_width (cr, 0.6 * pixel);
      cairo_stroke (cr);
    }

  /* Small states as dots over their shapes, so each can be seen. */
  for (guint i = 0; i < n; i++)
    {
      double x, y;

      if (!icc_world_map_is_small (map, i) || fills[i] == ICC_WORLD_MAP_FILL_LAND)
        continue;
      icc_world_map_get_centroid (map, i, &x, &y);
      cairo_new_path (cr);
      cairo_arc (cr, x, y, ICC_WORLD_MAP_DOT_RADIUS * pixel, 0, 2 * G_PI);
      fill_path (cr, palette, fills[i], pixel / 2);
      gdk_cairo_set_source_rgba (cr, &palette->sea);
      cairo_set_line_width (cr, 1.2 * pixel);
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}

double
icc_world_map_draw_legend (cairo_t                  *cr,
                           PangoContext             *context,
                           const IccWorldMapPalette *palette,
                           double                    x,
                           double                    y,
                           double                    width)
{
  return icc_world_map_draw_legend_full (cr, context, palette, x, y, width, NULL, NULL);
}

double
icc_world_map_draw_legend_full (cairo_t                  *cr,
                                PangoContext             *context,
                                const IccWorldMapPalette *palette,
                                double                    x,
                                double                    y,
                                double                    width,
                                IccWorldMapTextFunc       text_func,
                                gpointer                  user_data)
{
  const double swatch = 12, gap = 6, spacing = 18;
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  double cx = x, cy = y, line_height = 0;

  for (guint e = 0; e < ICC_N_STATUSES + 2; e++)
    {
      guint8 fill;
      const char *label;
      int lw, lh;
      double entry;

      if (e < ICC_N_STATUSES)
        {
          fill = e;
          label = icc_status_get_label (e);
        }
      else if (e == ICC_N_STATUSES)
        {
          fill = ICC_STATUS_PARTY | ICC_WORLD_MAP_FILL_UNCERTAIN;
          /* TRANSLATORS: the map's legend: a hatched colour. */
          label = _("Not confirmed");
        }
      else
        {
          fill = ICC_WORLD_MAP_FILL_LAND;
          /* TRANSLATORS: the map's legend: a territory the dataset has not. */
          label = _("Not in the dataset");
        }

      pango_layout_set_text (layout, label, -1);
      pango_layout_get_pixel_size (layout, &lw, &lh);
      entry = swatch + gap + lw;
      line_height = MAX (line_height, MAX (lh, swatch));
      if (cx > x && cx + entry > x + width)
        {
          cx = x;
          cy += line_height + 6;
        }

      cairo_save (cr);
      cairo_rectangle (cr, cx, cy + (lh - swatch) / 2, swatch, swatch);
      fill_path (cr, palette, fill, 0.5);
      cairo_set_source_rgba (cr, palette->fg.red, palette->fg.green, palette->fg.blue, 0.25);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      cairo_restore (cr);

      if (text_func != NULL)
        {
          text_func (layout, cx + swatch + gap, cy, &palette->fg, user_data);
        }
      else
        {
          gdk_cairo_set_source_rgba (cr, &palette->fg);
          cairo_move_to (cr, cx + swatch + gap, cy);
          pango_cairo_show_layout (cr, layout);
        }

      cx += entry + spacing;
    }

  return cy + line_height - y;
}
