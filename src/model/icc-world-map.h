/* icc-world-map.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ICC_WORLD_MAP_ERROR (icc_world_map_error_quark ())

typedef enum
{
  ICC_WORLD_MAP_ERROR_INVALID,
} IccWorldMapError;

/* A point of the map, in map units: the Equal Earth projection of the unit
 * sphere times 12000, x to the east, y to the south (as on screen). The
 * whole world spans about ±32480 × ±15810 around (0, 0). */
typedef struct
{
  gint16 x;
  gint16 y;
} IccMapPoint;

typedef struct
{
  const IccMapPoint *points;
  guint              n_points;
} IccMapRing;

typedef struct
{
  double x0;
  double y0;
  double x1;
  double y1;
} IccMapBounds;

/* Map units² under which a state is too small to see at world scale and is
 * drawn as a dot: about 12,000 km² (Cyprus, Lebanon, the Gambia and
 * smaller). */
#define ICC_WORLD_MAP_SMALL_AREA 42000.0

#define ICC_TYPE_WORLD_MAP (icc_world_map_get_type ())

G_DECLARE_FINAL_TYPE (IccWorldMap, icc_world_map, ICC, WORLD_MAP, GObject)

GQuark             icc_world_map_error_quark   (void);

/* The geometry of data/map/world.map (tools/make-world-map.py, docs/MAP.md):
 * one shape per ISO 3166-1 alpha-2 code, in file (code) order. Fails with
 * ICC_WORLD_MAP_ERROR_INVALID on any inconsistency. */
IccWorldMap       *icc_world_map_new_from_bytes (GBytes             *bytes,
                                                 GError            **error);
/* The bundled map (the GResource), loaded once; never NULL. */
IccWorldMap       *icc_world_map_get_default    (void);

/* Equal Earth: longitude and latitude in degrees to map units. */
void               icc_world_map_project        (double              longitude,
                                                 double              latitude,
                                                 double             *x,
                                                 double             *y);

/* The bounds of the whole world (the projection's outline). */
void               icc_world_map_get_extent     (IccWorldMap        *self,
                                                 IccMapBounds       *bounds);
guint              icc_world_map_get_n_shapes   (IccWorldMap        *self);
/* The shape of the state with @code, or -1. */
int                icc_world_map_find           (IccWorldMap        *self,
                                                 const char         *code);
const char        *icc_world_map_get_code       (IccWorldMap        *self,
                                                 guint               shape);
/* Its rings (outer rings and holes, filled with the even-odd rule; none for
 * a state that is only a dot), valid as long as @self. */
const IccMapRing  *icc_world_map_get_rings      (IccWorldMap        *self,
                                                 guint               shape,
                                                 guint              *n_rings);
void               icc_world_map_get_bounds     (IccWorldMap        *self,
                                                 guint               shape,
                                                 IccMapBounds       *bounds);
/* A point inside the state (the centroid of its largest part when that is
 * inside it): where its dot and its label go. */
void               icc_world_map_get_centroid   (IccWorldMap        *self,
                                                 guint               shape,
                                                 double             *x,
                                                 double             *y);
/* In map units². */
double             icc_world_map_get_area       (IccWorldMap        *self,
                                                 guint               shape);
/* Under ICC_WORLD_MAP_SMALL_AREA: drawn as a dot at world scale. */
gboolean           icc_world_map_is_small       (IccWorldMap        *self,
                                                 guint               shape);
/* The shape at (@x, @y) in map units, or -1 (sea, or a blank area). A
 * spatial grid keeps this to the few shapes near the point. */
int                icc_world_map_pick           (IccWorldMap        *self,
                                                 double              x,
                                                 double              y);

G_END_DECLS
