/* icc-world-map-view.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "icc-dataset.h"
#include "icc-focus.h"

G_BEGIN_DECLS

#define ICC_TYPE_WORLD_MAP_VIEW (icc_world_map_view_get_type ())

G_DECLARE_FINAL_TYPE (IccWorldMapView, icc_world_map_view, ICC, WORLD_MAP_VIEW, GtkWidget)

/* The world map of statuses on the focus date (issue 14): every state in
 * the state list's colours, a hatch where the fact is not confirmed, small
 * states as dots; hover tells, a click sets focus.state; scroll or pinch
 * zooms, drag pans, 0 or Ctrl+0 shows the whole world again. */
GtkWidget  *icc_world_map_view_new         (void);
IccDataset *icc_world_map_view_get_dataset (IccWorldMapView *self);
void        icc_world_map_view_set_dataset (IccWorldMapView *self,
                                            IccDataset      *dataset);
IccFocus   *icc_world_map_view_get_focus   (IccWorldMapView *self);
void        icc_world_map_view_set_focus   (IccWorldMapView *self,
                                            IccFocus        *focus);

/* The state of the dataset drawn at (@x, @y) in widget coordinates (its
 * dot first), or NULL. */
IccState   *icc_world_map_view_pick        (IccWorldMapView *self,
                                            double           x,
                                            double           y);
/* What a click at (@x, @y) does: focus.state to the state there, if any.
 * Returns whether there was one. */
gboolean    icc_world_map_view_click       (IccWorldMapView *self,
                                            double           x,
                                            double           y);
/* Where the state with @code has its centroid (its dot) in widget
 * coordinates. */
gboolean    icc_world_map_view_get_point   (IccWorldMapView *self,
                                            const char      *code,
                                            double          *x,
                                            double          *y);
/* 1 shows the whole world. */
double      icc_world_map_view_get_zoom    (IccWorldMapView *self);
void        icc_world_map_view_reset       (IccWorldMapView *self);

G_END_DECLS
