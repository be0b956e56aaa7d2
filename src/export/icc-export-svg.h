/* icc-export-svg.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* SVG elements the exports write themselves, where cairo's SVG surface
 * would not do: text as <text> (cairo 1.16 writes glyphs as <symbol>
 * outlines, which no slide tool can edit) and shapes as plain <path>s
 * (cairo nodes reach an SVG surface as recording surfaces, which librsvg
 * and Chromium do not draw). */

/* A <text> element a line of @layout with the layout's top left corner
 * at (@x, @y), in its font, size, weight and @color (made opaque on white);
 * an ellipsized layout writes the text it shows ("South Afric…"). */
void icc_export_svg_append_text  (GString       *svg,
                                  PangoLayout   *layout,
                                  double         x,
                                  double         y,
                                  const GdkRGBA *color);
/* The text @layout shows on its first line, ellipsis included. */
char *icc_export_svg_layout_text (PangoLayout   *layout);
/* The path of @cr as the value of a "d" attribute. */
void icc_export_svg_append_path_data (GString   *svg,
                                      cairo_t   *cr);
/* A <rect class="@class"> at (@x, @y), @width × @height, its corners
 * rounded by @radius, filled with @fill and outlined a pixel wide with
 * @stroke (may be NULL). */
void icc_export_svg_append_rect  (GString       *svg,
                                  const char    *class,
                                  double         x,
                                  double         y,
                                  double         width,
                                  double         height,
                                  double         radius,
                                  const GdkRGBA *fill,
                                  const GdkRGBA *stroke);
/* fill="rgb(…)" fill-opacity="…" for @attribute "fill" (or "stroke"). */
void icc_export_svg_append_color (GString       *svg,
                                  const char    *attribute,
                                  const GdkRGBA *color);

G_END_DECLS
