/* icc-world-map-view-compose.c: a frame of the world map from its runs
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The map's rasterized runs (icc-world-map-view-draw.c) written in each
 * state's colour on the date, and the small states' dots drawn over them,
 * into tiles of TILE × TILE pixels appended as one node each. A frame costs
 * the same whatever the date: it writes every run, as a fill of one pixel
 * value (or the hatch's two), and blends only the edge pixels. The tiles'
 * pixels come from a pool and go back to it when their node is freed, so
 * that a frame maps no fresh memory (page faults were a third of a frame:
 * bench-map). cairo copies each tile once, when it is freed: its node's
 * recording holds a snapshot of the image, which the image detaches by
 * copying it (64 KiB from the heap).
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "icc-world-map-view-private.h"

#define HATCH_PERIOD    6
#define TILE            128
/* 8 MiB of tiles kept for the next frames at most. */
#define MAX_FREE_TILES  128

static guint32
premultiply (const GdkRGBA *color,
             double         alpha)
{
  double a = CLAMP (color->alpha * alpha, 0, 1);

  return ((guint32)(a * 255 + .5) << 24) |
         ((guint32)(color->red * a * 255 + .5) << 16) |
         ((guint32)(color->green * a * 255 + .5) << 8) |
         (guint32)(color->blue * a * 255 + .5);
}

static void
ensure_luts (IccWorldMapView *self)
{
  if (self->luts_valid)
    return;

  for (guint v = 0; v < N_VARIANTS; v++)
    {
      guint8 fill = v == 2 * ICC_N_STATUSES ? ICC_WORLD_MAP_FILL_LAND
                    : v >= ICC_N_STATUSES ? (v - ICC_N_STATUSES) | ICC_WORLD_MAP_FILL_UNCERTAIN
                    : v;
      GdkRGBA color, stripe;
      gboolean hatched;

      icc_world_map_fill_color (&self->palette, fill, &color, &hatched);
      /* The hatch's light stripes: the colour, half towards the background. */
      stripe.red = (color.red + self->palette.sea.red * 1.2) / 2.2;
      stripe.green = (color.green + self->palette.sea.green * 1.2) / 2.2;
      stripe.blue = (color.blue + self->palette.sea.blue * 1.2) / 2.2;
      stripe.alpha = color.alpha;
      for (guint a = 0; a < 256; a++)
        {
          self->luts[v][0][a] = premultiply (&color, a / 255.0);
          self->luts[v][1][a] = premultiply (hatched ? &stripe : &color, a / 255.0);
        }
    }
  self->luts_valid = TRUE;
}

/* @src over @dst, premultiplied ARGB32. */
static inline guint32
over (guint32 src,
      guint32 dst)
{
  guint32 inverse = 255 - (src >> 24);
  guint32 rb = (dst & 0xff00ff) * inverse + 0x800080;
  guint32 ag = ((dst >> 8) & 0xff00ff) * inverse + 0x800080;

  rb = ((rb + ((rb >> 8) & 0xff00ff)) >> 8) & 0xff00ff;
  ag = (ag + ((ag >> 8) & 0xff00ff)) & 0xff00ff00;

  return src + rb + ag;
}

/* Writes @length pixels of a run at @out in @lut's colour: a fill, or
 * the hatch's stripes from @phase, or blended where not opaque. */
static inline void
write_run (guint32        *out,
           int             length,
           guint32       (*lut)[256],
           int             phase,
           int             period)
{
  if (lut[0][255] == lut[1][255] && lut[0][255] >> 24 == 255)
    {
      guint32 pixel = lut[0][255];

      for (int x = 0; x < length; x++)
        out[x] = pixel;
      return;
    }

  if (lut[0][255] >> 24 == 255 && lut[1][255] >> 24 == 255)
    {
      for (int x = 0; x < length; x++)
        {
          out[x] = lut[phase < period / 2][255];
          if (++phase == period)
            phase = 0;
        }
      return;
    }

  for (int x = 0; x < length; x++)
    {
      out[x] = over (lut[phase < period / 2][255], out[x]);
      if (++phase == period)
        phase = 0;
    }
}

/* Tiles' pixels, TILE × TILE, kept for the next frame once the node that
 * painted them is freed. Shared by the widget and its nodes, which can
 * outlive it. */
struct _IccMapTilePool
{
  GPtrArray *free;
};

typedef struct
{
  IccMapTilePool  *pool;
  guint8          *pixels;
  cairo_surface_t *image;
} TileRef;

static void
tile_pool_clear (gpointer data)
{
  IccMapTilePool *pool = data;

  g_ptr_array_unref (pool->free);
}

void
_icc_world_map_tile_pool_unref (IccMapTilePool *pool)
{
  g_rc_box_release_full (pool, tile_pool_clear);
}

static guint8 *
tile_pool_take (IccMapTilePool *pool,
                int             height)
{
  guint8 *pixels;

  if (pool->free->len == 0)
    return g_malloc0 ((gsize)TILE * 4 * TILE);

  pixels = g_ptr_array_steal_index_fast (pool->free, pool->free->len - 1);
  memset (pixels, 0, (gsize)TILE * 4 * height);

  return pixels;
}

static void
tile_ref_free (gpointer data)
{
  TileRef *ref = data;

  /* The node's recording is finished by now; the image still holds its
   * snapshot, which it detaches by copying the pixels (cairo 1.16). */
  cairo_surface_destroy (ref->image);
  if (ref->pool->free->len < MAX_FREE_TILES)
    g_ptr_array_add (ref->pool->free, ref->pixels);
  else
    g_free (ref->pixels);
  _icc_world_map_tile_pool_unref (ref->pool);
  g_free (ref);
}

static const cairo_user_data_key_t tile_key;

/* Appends the tile of @pixels at (@x, @y) as a node that owns them: a
 * cairo node records the image as a snapshot; the image outlives the
 * node, so its pixels are never changed under the recording. */
static void
append_tile (IccMapTilePool *pool,
             GtkSnapshot    *snapshot,
             guint8         *pixels,
             int             x,
             int             y,
             int             width,
             int             height,
             int             ds)
{
  TileRef *ref = g_new (TileRef, 1);
  GskRenderNode *node;
  cairo_t *cr;

  ref->pool = g_rc_box_acquire (pool);
  ref->pixels = pixels;
  ref->image = cairo_image_surface_create_for_data (pixels, CAIRO_FORMAT_ARGB32, width, height,
                                                    TILE * 4);

  node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT ((float)x / ds, (float)y / ds,
                                                  (float)width / ds, (float)height / ds));
  cr = gsk_cairo_node_get_draw_context (node);
  cairo_scale (cr, 1.0 / ds, 1.0 / ds);
  cairo_set_source_surface (cr, ref->image, x, y);
  /* Drawn scaled (zooming, or to other pixels than the widget's), a
   * tile's edge takes its own pixels, not the transparency beyond: no
   * seams between tiles. */
  cairo_pattern_set_extend (cairo_get_source (cr), CAIRO_EXTEND_PAD);
  cairo_paint (cr);
  cairo_destroy (cr);
  if (cairo_surface_set_user_data (gsk_cairo_node_get_surface (node), &tile_key, ref,
                                   tile_ref_free) != CAIRO_STATUS_SUCCESS)
    tile_ref_free (ref);

  gtk_snapshot_append_node (snapshot, node);
  gsk_render_node_unref (node);
}

/* A small state's dot: its pixel, in device pixels of the map at
 * cache_scale, and its fill's variant. */
typedef struct
{
  int x;
  int y;
  int variant;
} MapDot;

/* The pixel @p, premultiplied, with @coverage (0 to 1) of its alpha. */
static inline guint32
pixel_times (guint32 p,
             double  coverage)
{
  guint32 c = (guint32)(coverage * 256 + .5);

  return ((((p & 0xff00ff) * c) >> 8) & 0xff00ff) | ((((p >> 8) & 0xff00ff) * c) & 0xff00ff00);
}

static inline double
disc_coverage (double radius,
               double distance)
{
  return CLAMP (radius - distance + 0.5, 0, 1);
}

/* A dot of @radius in @variant's colour, as append_dot() draws it: the
 * colour inside a ring of the background @ring wide, the middle the
 * background when not confirmed; @size × @size pixels. */
static void
make_dot_sprite (IccWorldMapView *self,
                 int              variant,
                 double           radius,
                 double           ring,
                 int              size,
                 guint32         *sprite)
{
  guint32 sea = premultiply (&self->palette.sea, 1);
  guint32 color = self->luts[variant][0][255];
  gboolean hatched = self->luts[variant][0][255] != self->luts[variant][1][255];

  for (int y = 0; y < size; y++)
    for (int x = 0; x < size; x++)
      {
        double distance = hypot (x - size / 2, y - size / 2);
        double outer = disc_coverage (radius, distance);
        /* The background's disc, the colour's inside it: a crisp ring. */
        guint32 pixel = pixel_times (sea, outer);

        pixel = over (pixel_times (color, disc_coverage (radius - ring, distance)), pixel);
        if (hatched)
          pixel = over (pixel_times (sea, disc_coverage (radius / 2, distance)), pixel);
        sprite[y * size + x] = pixel;
      }
}

static inline guint32 *
tile_row (IccMapTilePool  *pool,
          guint8         **tiles,
          int              column,
          int              row,
          int              height)
{
  if (tiles[column] == NULL)
    tiles[column] = tile_pool_take (pool, height);

  return (guint32 *)(tiles[column] + (gsize)row * TILE * 4);
}

/* Draws the dots of @dots that cross the band of rows from @band on;
 * @sprites holds a dot of each variant, @size × @size pixels. */
static void
draw_dots (IccMapTilePool   *pool,
           guint8          **tiles,
           const MapDot     *dots,
           guint             n_dots,
           guint32         **sprites,
           int               size,
           int               x0,
           int               x1,
           int               band,
           int               band_height)
{
  for (guint d = 0; d < n_dots; d++)
    {
      const MapDot *dot = &dots[d];
      int left = dot->x - size / 2, top = dot->y - size / 2;
      int from_y = MAX (top, band), to_y = MIN (top + size, band + band_height);
      int from_x = MAX (left, x0), to_x = MIN (left + size, x1);

      for (int y = from_y; y < to_y; y++)
        {
          const guint32 *row = sprites[dot->variant] + (y - top) * size;

          for (int x = from_x; x < to_x; x++)
            {
              guint32 *out;

              if (row[x - left] == 0)
                continue;

              out = tile_row (pool, tiles, (x - x0) / TILE, y - band, band_height) + (x - x0) % TILE;
              *out = over (row[x - left], *out);
            }
        }
    }
}

/* Appends the rasterized runs inside (x0, y0)-(x1, y1), device pixels of
 * the map at cache_scale, each in its state's fill today, to @snapshot
 * (translated to the map's origin and scaled to cache_scale) as tiles of
 * TILE × TILE pixels, leaving out those with no land (and no dot). */
void
_icc_world_map_view_append_map (IccWorldMapView *self,
                                GtkSnapshot     *snapshot,
                                int              x0,
                                int              y0,
                                int              x1,
                                int              y1,
                                int              ds,
                                double           ratio)
{
  int n_columns = (x1 - x0 + TILE - 1) / TILE;
  guint8 **tiles;
  guint8 *variants;
  gboolean hatched[N_VARIANTS];
  MapDot *dots;
  guint n_dots = 0;
  guint32 *sprites[N_VARIANTS] = { NULL, };
  double radius;
  int size;
  /* The hatch's period in device pixels: as wide on screen at any scale. */
  int period = HATCH_PERIOD * ds;

  if (x1 <= x0 || y1 <= y0)
    return;

  ensure_luts (self);
  if (self->tile_pool == NULL)
    {
      self->tile_pool = g_rc_box_new (IccMapTilePool);
      self->tile_pool->free = g_ptr_array_new_with_free_func (g_free);
    }
  tiles = g_newa (guint8 *, n_columns);

  /* The dots, the size of the widget's pixels whatever the zoom. */
  dots = g_newa (MapDot, self->n_shapes);
  radius = ICC_WORLD_MAP_DOT_RADIUS * ds / ratio;
  size = 2 * (int)ceil (radius + 1) + 1;
  for (guint i = 0; i < self->n_shapes; i++)
    if (_icc_world_map_view_has_dot (self, i))
      {
        MapDot *dot = &dots[n_dots++];
        double mx, my;

        icc_world_map_get_centroid (self->map, i, &mx, &my);
        dot->x = (int)floor (mx * self->cache_scale);
        dot->y = (int)floor (my * self->cache_scale);
        dot->variant = _icc_world_map_view_variant_of (self->fills[i]);
        if (sprites[dot->variant] == NULL)
          {
            sprites[dot->variant] = g_new (guint32, size * size);
            make_dot_sprite (self, dot->variant, radius, ds / ratio, size, sprites[dot->variant]);
          }
      }

  /* Each state's colour today, and which colours are hatched. */
  variants = g_newa (guint8, self->n_shapes);
  for (guint i = 0; i < self->n_shapes; i++)
    variants[i] = _icc_world_map_view_variant_of (self->fills[i]);
  for (guint v = 0; v < N_VARIANTS; v++)
    hatched[v] = self->luts[v][0][255] != self->luts[v][1][255];

  for (int band = y0; band < y1; band += TILE)
    {
      int band_height = MIN (TILE, y1 - band);

      memset (tiles, 0, sizeof (guint8 *) * n_columns);

      for (int cy = band; cy < band + band_height; cy++)
        {
          guint r = cy - self->cache_y0;

          for (guint k = self->row_starts[r]; k < self->row_starts[r + 1]; k++)
            {
              const MapSpan *span = &self->spans[k];
              int variant = variants[span->shape];
              guint32 (*lut)[256] = self->luts[variant];
              int from = MAX (self->cache_x0 + span->x, x0) - x0;
              int to = MIN (self->cache_x0 + span->x + span->length, x1) - x0;
              int phase = 0;

              if (from >= to)
                continue;

              /* Stripes at 45°, continuous from one state to the next. */
              if (hatched[variant])
                phase = ((from + x0 + cy) % period + period) % period;

              if (span->cover < 255)
                {
                  guint32 *out = tile_row (self->tile_pool, tiles, from / TILE, cy - band, band_height) +
                                 from % TILE;

                  *out = over (lut[phase < period / 2][span->cover], *out);
                  continue;
                }

              /* Tile by tile. */
              while (from < to)
                {
                  int column = from / TILE;
                  int end = MIN (to, (column + 1) * TILE);
                  guint32 *out = tile_row (self->tile_pool, tiles, column, cy - band, band_height) +
                                 from % TILE;

                  write_run (out, end - from, lut, phase, period);
                  if (hatched[variant])
                    phase = (phase + end - from) % period;
                  from = end;
                }
            }
        }

      draw_dots (self->tile_pool, tiles, dots, n_dots, sprites, size, x0, x1, band, band_height);

      for (int column = 0; column < n_columns; column++)
        if (tiles[column] != NULL)
          append_tile (self->tile_pool, snapshot, tiles[column], x0 + column * TILE, band,
                       MIN (TILE, x1 - x0 - column * TILE), band_height, ds);
    }

  for (guint v = 0; v < N_VARIANTS; v++)
    g_free (sprites[v]);
}

