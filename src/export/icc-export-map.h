/* icc-export-map.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "icc-dataset.h"
#include "icc-export-image.h"

G_BEGIN_DECLS

#define ICC_EXPORT_MAP_WIDTH  1600
#define ICC_EXPORT_MAP_HEIGHT 920

/* Where the map goes on a page of @width × @height: the transform from map
 * units (icc-world-map.h) to the page, the whole world centred on longitude 0
 * and as wide as the page allows above the legend. */
void     icc_export_map_get_transform (int              width,
                                       int              height,
                                       cairo_matrix_t  *matrix);

/* The page: the map of the statuses on @date, a legend, the date, the
 * counts and the source, in the light palette. Needs no display. */
void     icc_export_map_draw          (cairo_t         *cr,
                                       IccDataset      *dataset,
                                       const IccDate   *date,
                                       int              width,
                                       int              height);

/* The page to @file as PNG (at @scale device pixels per logical pixel), SVG
 * (its text as <text>) or PDF, written beside it and renamed over it. */
gboolean icc_export_map               (IccDataset      *dataset,
                                       const IccDate   *date,
                                       int              width,
                                       int              height,
                                       double           scale,
                                       IccExportFormat  format,
                                       GFile           *file,
                                       GError         **error);

G_END_DECLS
