/* icc-world-map-renderer.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "icc-dataset.h"
#include "icc-world-map.h"

G_BEGIN_DECLS

/* What the map draws: shared by the map widget (icc-world-map-view.c) and the
 * export (icc-export-map.c). Nothing here needs a display. */

typedef struct
{
  GdkRGBA fg;                        /* text, outlines, the legend */
  GdkRGBA sea;                       /* behind the states, between them */
  GdkRGBA land;                      /* a territory the dataset has not */
  GdkRGBA statuses[ICC_N_STATUSES];  /* the state list's status colours */
} IccWorldMapPalette;

/* The light theme: data/style.css's status colours (the timeline's kind
 * fallbacks, which they equal), for exports. */
void        icc_world_map_palette_init_light  (IccWorldMapPalette *palette);
/* The widget's theme: its text colour and the named colours icc_status_*
 * that colour the state list's badges (data/style.css). */
void        icc_world_map_palette_init_widget (IccWorldMapPalette *palette,
                                               GtkWidget          *widget);

/* One byte per shape of the map: the status, with this bit when the event
 * that gave it is not confirmed; or ICC_WORLD_MAP_FILL_LAND when the
 * dataset has no such state. */
#define ICC_WORLD_MAP_FILL_UNCERTAIN 0x80
#define ICC_WORLD_MAP_FILL_LAND      0xff

/* Sets @fills (icc_world_map_get_n_shapes() bytes) for @day; returns the
 * number of shapes whose fill changed. */
guint       icc_world_map_compute_fills       (IccWorldMap        *map,
                                               IccDataset         *dataset,
                                               gint32              day,
                                               guint8             *fills);

/* The shape's rings as a cairo path, in map units. */
void        icc_world_map_append_path         (cairo_t            *cr,
                                               IccWorldMap        *map,
                                               guint               shape);
/* The colour of a fill, and whether it is hatched (not confirmed). */
void        icc_world_map_fill_color          (const IccWorldMapPalette *palette,
                                               guint8              fill,
                                               GdkRGBA            *color,
                                               gboolean           *hatched);

/* The whole map as vectors (for PNG, SVG and PDF): @cr's user space in map
 * units, @pixel the size of a pixel in map units (borders, dots). */
void        icc_world_map_draw                (cairo_t            *cr,
                                               IccWorldMap        *map,
                                               const guint8       *fills,
                                               const IccWorldMapPalette *palette,
                                               double              pixel);

/* The legend: a swatch and the status's name for each status, then the
 * hatching, as one Pango layout per entry laid out in rows no wider than
 * @width; draws at (x, y) and returns the height used. */
double      icc_world_map_draw_legend         (cairo_t            *cr,
                                               PangoContext       *context,
                                               const IccWorldMapPalette *palette,
                                               double              x,
                                               double              y,
                                               double              width);

/* As icc_world_map_draw_legend(), with each label given to @text_func (an
 * export that writes its text itself: SVG's <text>) instead of drawn. */
typedef void (*IccWorldMapTextFunc) (PangoLayout   *layout,
                                     double         x,
                                     double         y,
                                     const GdkRGBA *color,
                                     gpointer       user_data);
double      icc_world_map_draw_legend_full    (cairo_t            *cr,
                                               PangoContext       *context,
                                               const IccWorldMapPalette *palette,
                                               double              x,
                                               double              y,
                                               double              width,
                                               IccWorldMapTextFunc text_func,
                                               gpointer            user_data);

/* Radius of a small state's dot, in pixels. */
#define ICC_WORLD_MAP_DOT_RADIUS 4.0

G_END_DECLS
