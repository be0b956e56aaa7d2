/* icc-world-map.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file (written by tools/make-world-map.py, described in docs/MAP.md),
 * all little-endian:
 *   header  "ICCMAP\0\1", u32 n_shapes, u32 n_rings, u32 n_points,
 *           f32 projected units per map unit
 *   shapes  n_shapes × { char code[2], u16 flags, u32 first_ring,
 *           u32 n_rings, i16 cx, cy, x0, y0, x1, y1, f32 area }
 *   rings   n_rings × { u32 first_point, u32 n_points }
 *   points  n_points × { i16 x, y }
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "icc-map-resources.h"
#include "icc-world-map.h"

#define MAGIC          "ICCMAP\0\1"
#define HEADER_SIZE    24
#define SHAPE_SIZE     28
#define RING_SIZE      8
#define POINT_SIZE     4
#define MAP_UNITS      12000.0
#define GRID_COLUMNS   64
#define GRID_ROWS      32

typedef struct
{
  char         code[3];
  guint        first_ring;
  guint        n_rings;
  double       cx;
  double       cy;
  IccMapBounds bounds;
  double       area;
} Shape;

struct _IccWorldMap
{
  GObject      parent_instance;

  Shape       *shapes;
  guint        n_shapes;
  IccMapRing  *rings;
  guint        n_rings;
  IccMapPoint *points;
  guint        n_points;
  IccMapBounds extent;

  /* GRID_COLUMNS × GRID_ROWS cells over the extent, each the shapes whose
   * bounds meet it: cell i holds grid_shapes[grid_start[i]…grid_start[i+1]). */
  guint       *grid_start;
  guint16     *grid_shapes;
};

G_DEFINE_FINAL_TYPE (IccWorldMap, icc_world_map, G_TYPE_OBJECT)

G_DEFINE_QUARK (icc-world-map-error-quark, icc_world_map_error)

static void
icc_world_map_finalize (GObject *object)
{
  IccWorldMap *self = ICC_WORLD_MAP (object);

  g_free (self->shapes);
  g_free (self->rings);
  g_free (self->points);
  g_free (self->grid_start);
  g_free (self->grid_shapes);

  G_OBJECT_CLASS (icc_world_map_parent_class)->finalize (object);
}

static void
icc_world_map_class_init (IccWorldMapClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = icc_world_map_finalize;
}

static void
icc_world_map_init (IccWorldMap *self)
{
}

void
icc_world_map_project (double  longitude,
                       double  latitude,
                       double *x,
                       double *y)
{
  const double a1 = 1.340264, a2 = -0.081106, a3 = 0.000893, a4 = 0.003796;
  const double m = sqrt (3.0) / 2.0;
  double lambda = longitude * G_PI / 180.0;
  double theta = asin (m * sin (latitude * G_PI / 180.0));
  double t2 = theta * theta;
  double t6 = t2 * t2 * t2;

  *x = MAP_UNITS * lambda * cos (theta) /
       (m * (a1 + 3 * a2 * t2 + t6 * (7 * a3 + 9 * a4 * t2)));
  *y = -MAP_UNITS * theta * (a1 + a2 * t2 + t6 * (a3 + a4 * t2));
}

static void
compute_extent (IccMapBounds *extent)
{
  double unused;

  icc_world_map_project (-180, 0, &extent->x0, &unused);
  icc_world_map_project (180, 0, &extent->x1, &unused);
  icc_world_map_project (0, 90, &unused, &extent->y0);
  icc_world_map_project (0, -90, &unused, &extent->y1);
}

static guint32
read_u32 (const guint8 *p)
{
  guint32 v;

  memcpy (&v, p, 4);
  return GUINT32_FROM_LE (v);
}

static gint16
read_i16 (const guint8 *p)
{
  guint16 v;

  memcpy (&v, p, 2);
  return (gint16)GUINT16_FROM_LE (v);
}

static float
read_f32 (const guint8 *p)
{
  guint32 v = read_u32 (p);
  float f;

  memcpy (&f, &v, 4);
  return f;
}

static gboolean
invalid (GError    **error,
         const char *what)
{
  g_set_error (error, ICC_WORLD_MAP_ERROR, ICC_WORLD_MAP_ERROR_INVALID,
               "Invalid map file: %s", what);
  return FALSE;
}

static void
grid_cells (IccWorldMap        *self,
            const IccMapBounds *b,
            int                *c0,
            int                *r0,
            int                *c1,
            int                *r1)
{
  double cw = (self->extent.x1 - self->extent.x0) / GRID_COLUMNS;
  double rh = (self->extent.y1 - self->extent.y0) / GRID_ROWS;

  *c0 = CLAMP ((int)floor ((b->x0 - self->extent.x0) / cw), 0, GRID_COLUMNS - 1);
  *c1 = CLAMP ((int)floor ((b->x1 - self->extent.x0) / cw), 0, GRID_COLUMNS - 1);
  *r0 = CLAMP ((int)floor ((b->y0 - self->extent.y0) / rh), 0, GRID_ROWS - 1);
  *r1 = CLAMP ((int)floor ((b->y1 - self->extent.y0) / rh), 0, GRID_ROWS - 1);
}

static void
build_grid (IccWorldMap *self)
{
  guint n_cells = GRID_COLUMNS * GRID_ROWS;
  g_autofree guint *fill = g_new0 (guint, n_cells);
  guint total = 0;

  self->grid_start = g_new0 (guint, n_cells + 1);

  /* Count, then fill: two passes over the shapes' cells. */
  for (guint s = 0; s < self->n_shapes; s++)
    {
      int c0, r0, c1, r1;

      if (self->shapes[s].n_rings == 0)
        continue;
      grid_cells (self, &self->shapes[s].bounds, &c0, &r0, &c1, &r1);
      for (int r = r0; r <= r1; r++)
        for (int c = c0; c <= c1; c++)
          self->grid_start[r * GRID_COLUMNS + c + 1]++;
    }

  for (guint i = 0; i < n_cells; i++)
    {
      total += self->grid_start[i + 1];
      self->grid_start[i + 1] = total;
    }

  self->grid_shapes = g_new (guint16, MAX (total, 1));

  for (guint s = 0; s < self->n_shapes; s++)
    {
      int c0, r0, c1, r1;

      if (self->shapes[s].n_rings == 0)
        continue;
      grid_cells (self, &self->shapes[s].bounds, &c0, &r0, &c1, &r1);
      for (int r = r0; r <= r1; r++)
        for (int c = c0; c <= c1; c++)
          {
            guint cell = r * GRID_COLUMNS + c;

            self->grid_shapes[self->grid_start[cell] + fill[cell]++] = (guint16)s;
          }
    }
}

IccWorldMap *
icc_world_map_new_from_bytes (GBytes  *bytes,
                              GError **error)
{
  g_autoptr(IccWorldMap) self = NULL;
  const guint8 *data;
  const guint8 *p;
  gsize size;
  guint64 needed;
  guint n_shapes;
  guint n_rings;
  guint n_points;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);

  if (size < HEADER_SIZE || memcmp (data, MAGIC, 8) != 0)
    {
      invalid (error, "not a map file of this version");
      return NULL;
    }

  n_shapes = read_u32 (data + 8);
  n_rings = read_u32 (data + 12);
  n_points = read_u32 (data + 16);
  if (n_shapes > G_MAXUINT16 || n_rings > G_MAXINT32 || n_points > G_MAXINT32)
    {
      invalid (error, "too many shapes, rings or points");
      return NULL;
    }

  needed = HEADER_SIZE + (guint64)n_shapes * SHAPE_SIZE + (guint64)n_rings * RING_SIZE +
           (guint64)n_points * POINT_SIZE;
  if (needed != size)
    {
      invalid (error, "the size does not match the counts");
      return NULL;
    }

  self = g_object_new (ICC_TYPE_WORLD_MAP, NULL);
  self->n_shapes = n_shapes;
  self->n_rings = n_rings;
  self->n_points = n_points;
  self->shapes = g_new0 (Shape, MAX (n_shapes, 1));
  self->rings = g_new0 (IccMapRing, MAX (n_rings, 1));
  self->points = g_new0 (IccMapPoint, MAX (n_points, 1));

  p = data + HEADER_SIZE + (gsize)n_shapes * SHAPE_SIZE + (gsize)n_rings * RING_SIZE;
  for (guint i = 0; i < n_points; i++, p += POINT_SIZE)
    {
      self->points[i].x = read_i16 (p);
      self->points[i].y = read_i16 (p + 2);
    }

  p = data + HEADER_SIZE + (gsize)n_shapes * SHAPE_SIZE;
  for (guint i = 0; i < n_rings; i++, p += RING_SIZE)
    {
      guint first = read_u32 (p);
      guint count = read_u32 (p + 4);

      if (count < 3 || first > n_points || count > n_points - first)
        {
          invalid (error, "a ring is out of range");
          return NULL;
        }
      self->rings[i].points = self->points + first;
      self->rings[i].n_points = count;
    }

  p = data + HEADER_SIZE;
  for (guint i = 0; i < n_shapes; i++, p += SHAPE_SIZE)
    {
      Shape *shape = &self->shapes[i];
      double area = read_f32 (p + 24);

      if (!g_ascii_isupper (p[0]) || !g_ascii_isupper (p[1]))
        {
          invalid (error, "a code is not two capital letters");
          return NULL;
        }
      memcpy (shape->code, p, 2);
      shape->first_ring = read_u32 (p + 4);
      shape->n_rings = read_u32 (p + 8);
      if (shape->first_ring > n_rings || shape->n_rings > n_rings - shape->first_ring)
        {
          invalid (error, "a shape's rings are out of range");
          return NULL;
        }
      if (i > 0 && strcmp (self->shapes[i - 1].code, shape->code) >= 0)
        {
          invalid (error, "the codes are not sorted");
          return NULL;
        }
      shape->cx = read_i16 (p + 12);
      shape->cy = read_i16 (p + 14);
      shape->bounds.x0 = read_i16 (p + 16);
      shape->bounds.y0 = read_i16 (p + 18);
      shape->bounds.x1 = read_i16 (p + 20);
      shape->bounds.y1 = read_i16 (p + 22);
      if (!isfinite (area) || area < 0 || shape->bounds.x0 > shape->bounds.x1 ||
          shape->bounds.y0 > shape->bounds.y1)
        {
          invalid (error, "a shape's area or bounds are wrong");
          return NULL;
        }
      shape->area = area * MAP_UNITS * MAP_UNITS;
    }

  compute_extent (&self->extent);

  build_grid (self);

  return g_steal_pointer (&self);
}

IccWorldMap *
icc_world_map_get_default (void)
{
  static IccWorldMap *map;

  if (g_once_init_enter (&map))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      IccWorldMap *loaded;

      bytes = g_resource_lookup_data (icc_map_resources_get_resource (),
                                      "/org/example/IccTracker/map/world.map",
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes != NULL)
        loaded = icc_world_map_new_from_bytes (bytes, &error);
      else
        loaded = NULL;
      /* The file is built into the binary and checked by the tests. */
      if (loaded == NULL)
        g_error ("The bundled world map: %s", error->message);
      g_once_init_leave (&map, loaded);
    }

  return map;
}

void
icc_world_map_get_extent (IccWorldMap  *self,
                          IccMapBounds *bounds)
{
  g_return_if_fail (ICC_IS_WORLD_MAP (self));

  *bounds = self->extent;
}

guint
icc_world_map_get_n_shapes (IccWorldMap *self)
{
  g_return_val_if_fail (ICC_IS_WORLD_MAP (self), 0);

  return self->n_shapes;
}

int
icc_world_map_find (IccWorldMap *self,
                    const char  *code)
{
  guint lo = 0;
  guint hi;

  g_return_val_if_fail (ICC_IS_WORLD_MAP (self), -1);

  if (code == NULL)
    return -1;

  hi = self->n_shapes;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      int cmp = strcmp (self->shapes[mid].code, code);

      if (cmp == 0)
        return (int)mid;
      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return -1;
}

const char *
icc_world_map_get_code (IccWorldMap *self,
                        guint        shape)
{
  g_return_val_if_fail (ICC_IS_WORLD_MAP (self), NULL);
  g_return_val_if_fail (shape < self->n_shapes, NULL);

  return self->shapes[shape].code;
}

const IccMapRing *
icc_world_map_get_rings (IccWorldMap *self,
                         guint        shape,
                         guint       *n_rings)
{
  g_return_val_if_fail (ICC_IS_WORLD_MAP (self), NULL);
  g_return_val_if_fail (shape < self->n_shapes, NULL);

  *n_rings = self->shapes[shape].n_rings;

  return self->rings + self->shapes[shape].first_ring;
}

void
icc_world_map_get_bounds (IccWorldMap  *self,
                          guint         shape,
                          IccMapBounds *bounds)
{
  g_return_if_fail (ICC_IS_WORLD_MAP (self));
  g_return_if_fail (shape < self->n_shapes);

  *bounds = self->shapes[shape].bounds;
}

void
icc_world_map_get_centroid (IccWorldMap *self,
                            guint        shape,
                            double      *x,
                            double      *y)
{
  g_return_if_fail (ICC_IS_WORLD_MAP (self));
  g_return_if_fail (shape < self->n_shapes);

  *x = self->shapes[shape].cx;
  *y = self->shapes[shape].cy;
}

double
icc_world_map_get_area (IccWorldMap *self,
                        guint        shape)
{
  g_return_val_if_fail (ICC_IS_WORLD_MAP (self), 0);
  g_return_val_if_fail (shape < self->n_shapes, 0);

  return self->shapes[shape].area;
}

gboolean
icc_world_map_is_small (IccWorldMap *self,
                        guint        shape)
{
  g_return_val_if_fail (ICC_IS_WORLD_MAP (self), FALSE);
  g_return_val_if_fail (shape < self->n_shapes, FALSE);

  return self->shapes[shape].area < ICC_WORLD_MAP_SMALL_AREA;
}

/* Even-odd rule over all the shape's rings, so holes (Lesotho in South
 * Africa) are outside. */
static gboolean
shape_contains (IccWorldMap *self,
                const Shape *shape,
                double       x,
                double       y)
{
  gboolean inside = FALSE;

  for (guint r = 0; r < shape->n_rings; r++)
    {
      const IccMapRing *ring = &self->rings[shape->first_ring + r];
      guint j = ring->n_points - 1;

      for (guint i = 0; i < ring->n_points; j = i++)
        {
          double xi = ring->points[i].x, yi = ring->points[i].y;
          double xj = ring->points[j].x, yj = ring->points[j].y;

          if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
            inside = !inside;
        }
    }

  return inside;
}

int
icc_world_map_pick (IccWorldMap *self,
                    double       x,
                    double       y)
{
  IccMapBounds point = { x, y, x, y };
  int c0, r0, c1, r1;
  int best = -1;
  guint cell;

  g_return_val_if_fail (ICC_IS_WORLD_MAP (self), -1);

  if (x < self->extent.x0 || x > self->extent.x1 || y < self->extent.y0 ||
      y > self->extent.y1)
    return -1;

  grid_cells (self, &point, &c0, &r0, &c1, &r1);
  cell = r0 * GRID_COLUMNS + c0;

  /* Simplified borders can overlap a little: the smallest shape wins, so
   * that Monaco, San Marino and the Holy See can be picked. */
  for (guint i = self->grid_start[cell]; i < self->grid_start[cell + 1]; i++)
    {
      const Shape *shape = &self->shapes[self->grid_shapes[i]];

      if (x >= shape->bounds.x0 && x <= shape->bounds.x1 &&
          y >= shape->bounds.y0 && y <= shape->bounds.y1 &&
          (best < 0 || shape->area < self->shapes[best].area) &&
          shape_contains (self, shape, x, y))
        best = self->grid_shapes[i];
    }

  return best;
}
