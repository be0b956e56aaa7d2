/* icc-world-map-view-private.h: what the world map widget's files share
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "icc-enum-util.h"
#include "icc-world-map.h"
#include "icc-world-map-renderer.h"
#include "icc-world-map-view.h"

G_BEGIN_DECLS

/* The widget in three files, as gnome-text-editor splits its window:
 * icc-world-map-view.c (the object, its properties, the view's
 * coordinates and the fills followed from the dataset and the focus),
 * icc-world-map-view-draw.c (rasterizing, the snapshot, size and style)
 * and icc-world-map-view-input.c (picking, hover and the tooltip;
 * pointer, wheel, gestures and keys). */

#define N_VARIANTS      (2 * ICC_N_STATUSES + 1)

/* A run of pixels of one shape on one row of the rasterized map: every
 * pixel of it inside the shape (cover 255), or one pixel of the shape's
 * edge, partly covered. */
typedef struct
{
  int     x;       /* from cache_x0, device pixels */
  int     length;
  guint16 shape;
  guint8  cover;
} MapSpan;

typedef struct _IccMapTilePool IccMapTilePool;

struct _IccWorldMapView
{
  GtkWidget           parent_instance;

  IccWorldMap        *map;
  IccDataset         *dataset;
  IccFocus           *focus;
  guint8             *fills;
  IccState          **states;
  guint               n_shapes;
  IccWorldMapPalette  palette;

  /* The view: 1 = the whole world fits; the map point at the centre. */
  double              zoom;
  double              center_x;
  double              center_y;

  /* The rasterized shapes: at cache_scale device pixels per map unit, over
   * the rectangle (cache_x0, cache_y0)-(cache_x1, cache_y1) of device pixels
   * (map unit 0 at device pixel 0), as runs of pixels row by row: the runs
   * of row r are spans[row_starts[r]] to spans[row_starts[r + 1]]. */
  MapSpan            *spans;
  guint              *row_starts;
  /* Per fill variant, plain and in the hatch's stripe, the premultiplied
   * pixel at each coverage; valid while luts_valid. */
  guint32           (*luts)[2][256];
  gboolean            luts_valid;
  IccMapTilePool     *tile_pool;
  double              cache_scale;
  int                 cache_x0;
  int                 cache_y0;
  int                 cache_x1;
  int                 cache_y1;
  guint               rebuild_id;

  GskRenderNode      *legend;
  int                 legend_width;
  double              legend_height;

  int                 hover;
  double              pointer_x;
  double              pointer_y;
  double              drag_center_x;
  double              drag_center_y;
  double              gesture_zoom;
  gboolean            dragged;
};

/* Which of the N_VARIANTS colours a fill is drawn in. */
static inline int
_icc_world_map_view_variant_of (guint8 fill)
{
  if (fill == ICC_WORLD_MAP_FILL_LAND)
    return 2 * ICC_N_STATUSES;

  return MIN (fill & ~ICC_WORLD_MAP_FILL_UNCERTAIN, ICC_N_STATUSES - 1) +
         ((fill & ICC_WORLD_MAP_FILL_UNCERTAIN) ? ICC_N_STATUSES : 0);
}

double   _icc_world_map_view_get_scale       (IccWorldMapView *self);
void     _icc_world_map_view_map_to_widget   (IccWorldMapView *self,
                                             double           mx,
                                             double           my,
                                             double          *x,
                                             double          *y);
void     _icc_world_map_view_widget_to_map   (IccWorldMapView *self,
                                             double           x,
                                             double           y,
                                             double          *mx,
                                             double          *my);
void     _icc_world_map_view_drop_cache      (IccWorldMapView *self);
gboolean _icc_world_map_view_has_dot         (IccWorldMapView *self,
                                             guint            shape);
void     _icc_world_map_view_append_map     (IccWorldMapView *self,
                                             GtkSnapshot     *snapshot,
                                             int              x0,
                                             int              y0,
                                             int              x1,
                                             int              y1,
                                             int              ds,
                                             double           ratio);
void     _icc_world_map_tile_pool_unref      (IccMapTilePool  *pool);
void     _icc_world_map_view_class_init_draw (GtkWidgetClass  *widget_class);
void     _icc_world_map_view_class_init_input (GtkWidgetClass *widget_class);
void     _icc_world_map_view_init_input      (IccWorldMapView *self);

G_END_DECLS
