/* test-export-map.c: the exported world map (issue 14), from its pixels, and
 * --export-map, without a display.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <glib/gstdio.h>

#include "icc-cli.h"
#include "icc-dataset-json.h"
#include "icc-enum-util.h"
#include "icc-export-map.h"
#include "icc-world-map.h"
#include "icc-world-map-renderer.h"

/* The statuses of the five states on its three dates. */
static const struct {
  const char *date;
  const char *code;
  IccStatus   status;
} expected[] = {
  { "2000-01-01", "RU", ICC_STATUS_NONE },
  { "2000-01-01", "BR", ICC_STATUS_NONE },
  { "2000-01-01", "US", ICC_STATUS_NONE },
  { "2000-01-01", "UA", ICC_STATUS_NONE },
  { "2000-01-01", "HU", ICC_STATUS_SIGNATORY },
  { "2016-12-01", "RU", ICC_STATUS_UNSIGNED },
  { "2016-12-01", "BR", ICC_STATUS_PARTY },
  { "2016-12-01", "US", ICC_STATUS_UNSIGNED },
  { "2016-12-01", "UA", ICC_STATUS_SIGNATORY },
  { "2016-12-01", "HU", ICC_STATUS_PARTY },
  { "2025-01-01", "RU", ICC_STATUS_UNSIGNED },
  { "2025-01-01", "BR", ICC_STATUS_PARTY },
  { "2025-01-01", "US", ICC_STATUS_UNSIGNED },
  { "2025-01-01", "UA", ICC_STATUS_PARTY },
  { "2025-01-01", "HU", ICC_STATUS_PARTY },
};

static gboolean
near (guint32        pixel,
      const GdkRGBA *color)
{
  int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

  return ABS (r - (int)(color->red * 255 + .5)) <= 6 &&
         ABS (g - (int)(color->green * 255 + .5)) <= 6 &&
         ABS (b - (int)(color->blue * 255 + .5)) <= 6;
}

/* Around (@x, @y) some pixel has @status's colour (a hatch mixes it with
 * lighter stripes) and none has another status's. */
static void
assert_status_at (cairo_surface_t          *surface,
                  const IccWorldMapPalette *palette,
                  double                    x,
                  double                    y,
                  IccStatus                 status,
                  const char               *what)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  gboolean found = FALSE;

  for (int dy = -4; dy <= 4; dy++)
    for (int dx = -4; dx <= 4; dx++)
      {
        int px = (int)x + dx, py = (int)y + dy;
        guint32 pixel = *(const guint32 *)(data + (gsize)py * stride + px * 4);

        for (guint s = 0; s < ICC_N_STATUSES; s++)
          if (near (pixel, &palette->statuses[s]))
            {
              if (s != status)
                g_error ("%s: a pixel of %s's colour", what,
                         icc_enum_to_nick (ICC_TYPE_STATUS, s));
              found = TRUE;
            }
      }

  if (!found)
    g_error ("%s: no pixel of %s's colour", what, icc_enum_to_nick (ICC_TYPE_STATUS, status));
}

static void
test_pixels (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IccDataset) dataset = icc_dataset_load_bundled (&error);
  IccWorldMap *map = icc_world_map_get_default ();
  IccWorldMapPalette palette;
  const int width = 1600, height = 920;

  g_assert_no_error (error);
  icc_world_map_palette_init_light (&palette);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      cairo_t *cr = cairo_create (surface);
      g_autofree char *what = g_strdup_printf ("%s on %s", expected[i].code, expected[i].date);
      cairo_matrix_t matrix;
      IccDate date;
      double x, y;

      g_assert_true (icc_date_parse (expected[i].date, &date, NULL));
      /* The dataset agrees with the issue… */
      g_assert_cmpint (icc_dataset_status_at (dataset,
                                              icc_dataset_lookup_state (dataset, expected[i].code),
                                              &date, NULL), ==, expected[i].status);

      /* …and so does the picture. */
      icc_export_map_draw (cr, dataset, &date, width, height);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      icc_export_map_get_transform (width, height, &matrix);
      icc_world_map_get_centroid (map, icc_world_map_find (map, expected[i].code), &x, &y);
      cairo_matrix_transform_point (&matrix, &x, &y);
      g_assert_cmpfloat (x, >, 8);
      g_assert_cmpfloat (x, <, width - 8);
      assert_status_at (surface, &palette, x, y, expected[i].status, what);

      if (g_getenv ("ICC_TEST_KEEP_PNG") != NULL && strcmp (expected[i].code, "RU") == 0)
        {
          g_autofree char *name = g_strdup_printf ("/tmp/test-export-map-%s.png",
                                                   expected[i].date);

          cairo_surface_write_to_png (surface, name);
        }
      cairo_surface_destroy (surface);
    }
}

/* The whole world, centred on longitude 0, as wide as the page. */
static void
test_layout (void)
{
  IccMapBounds extent;
  cairo_matrix_t matrix;
  double x0, y0, x1, y1, x, y;

  icc_world_map_get_extent (icc_world_map_get_default (), &extent);
  icc_export_map_get_transform (1600, 920, &matrix);
  x0 = extent.x0, y0 = extent.y0, x1 = extent.x1, y1 = extent.y1;
  cairo_matrix_transform_point (&matrix, &x0, &y0);
  cairo_matrix_transform_point (&matrix, &x1, &y1);
  g_assert_cmpfloat_with_epsilon (x0, 24, 0.5);
  g_assert_cmpfloat_with_epsilon (x1, 1600 - 24, 0.5);
  g_assert_cmpfloat (y1, <, 920 - 100);
  icc_world_map_project (0, 0, &x, &y);
  cairo_matrix_transform_point (&matrix, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 800, 0.01);
}

static void
test_cli (void)
{
  g_autofree char *dir = g_dir_make_tmp ("icc-export-map-XXXXXX", NULL);
  const char *names[] = { "map.png", "map.svg", "map.pdf" };
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_nonnull (dir);
  /* No display: the test runs without one. */
  g_assert_null (g_getenv ("DISPLAY"));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_string_truncate (out, 0);
      g_assert_cmpint (icc_cli_export_map (NULL, path, "2016-12-01", i == 0 ? "800x460" : NULL,
                                           0, out), ==, 0);
      g_assert_cmpstr (out->str, ==, "");
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 1000);
      if (i == 0)
        {
          cairo_surface_t *png = cairo_image_surface_create_from_png (path);

          g_assert_cmpint (cairo_image_surface_get_width (png), ==, 800);
          g_assert_cmpint (cairo_image_surface_get_height (png), ==, 460);
          cairo_surface_destroy (png);
        }
      if (i == 1)
        {
          /* Its text is text, for a slide tool to edit: no glyph outlines. */
          g_assert_nonnull (strstr (contents, ">Statuses on 1 December 2016</text>"));
          g_assert_nonnull (strstr (contents, ">State Party</text>"));
          g_assert_nonnull (strstr (contents, ">Source: Natural Earth;"));
          g_assert_null (strstr (contents, "<symbol"));
          /* The hatching is lines, no image pattern: LibreOffice drew
           * patterns white. */
          g_assert_null (strstr (contents, "<pattern"));
          g_assert_null (strstr (contents, "<image"));
        }
      g_unlink (path);
    }

  /* Wrong date, size, extension: exit status 2 and a message. */
  g_string_truncate (out, 0);
  g_assert_cmpint (icc_cli_export_map (NULL, "/tmp/x.png", "2016-02-30", NULL, 0, out), ==, 2);
  g_assert_cmpstr (out->str, !=, "");
  g_string_truncate (out, 0);
  g_assert_cmpint (icc_cli_export_map (NULL, "/tmp/x.png", NULL, "big", 0, out), ==, 2);
  g_string_truncate (out, 0);
  g_assert_cmpint (icc_cli_export_map (NULL, "/tmp/x.gif", NULL, NULL, 0, out), ==, 2);
  g_string_truncate (out, 0);
  g_assert_cmpint (icc_cli_export_map (NULL, "/nonexistent/dir/x.png", NULL, NULL, 0, out), ==, 1);

  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export-map/pixels", test_pixels);
  g_test_add_func ("/export-map/layout", test_layout);
  g_test_add_func ("/export-map/cli", test_cli);

  return g_test_run ();
}
