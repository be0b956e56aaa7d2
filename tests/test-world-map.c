/* test-world-map.c: the world map's geometry (issue 14), without a display.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "icc-dataset-json.h"
#include "icc-world-map.h"

/* Every state of the bundled dataset (each has a status on every date, if
 * only "none") has a shape, or at least a dot, on the map. */
static void
test_every_state_on_map (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IccDataset) dataset = icc_dataset_load_bundled (&error);
  IccWorldMap *map = icc_world_map_get_default ();
  GListModel *states;
  guint n_small = 0;

  g_assert_no_error (error);
  states = icc_dataset_get_states (dataset);
  g_assert_cmpuint (g_list_model_get_n_items (states), >, 150);

  for (guint i = 0; i < g_list_model_get_n_items (states); i++)
    {
      g_autoptr(IccState) state = g_list_model_get_item (states, i);
      const char *code = icc_state_get_code (state);
      int shape = icc_world_map_find (map, code);
      guint n_rings = 0;
      double x, y;

      if (shape < 0)
        g_error ("%s (%s) is not on the map", icc_state_get_name (state), code);
      icc_world_map_get_rings (map, shape, &n_rings);
      /* A shape, or a dot: small states (and Tuvalu, which has no outline). */
      g_assert_true (n_rings > 0 || icc_world_map_is_small (map, shape));
      if (icc_world_map_is_small (map, shape))
        n_small++;

      /* Its centroid picks it (a shape), or it is a dot. */
      icc_world_map_get_centroid (map, shape, &x, &y);
      if (n_rings > 0 && icc_world_map_pick (map, x, y) != shape)
        g_error ("%s's centroid picks %d, not its own shape", code,
                 icc_world_map_pick (map, x, y));
    }

  /* The Caribbean and Pacific States Parties, Luxembourg, Malta… */
  g_assert_cmpuint (n_small, >, 30);
  g_assert_true (icc_world_map_is_small (map, icc_world_map_find (map, "LU")));
  g_assert_true (icc_world_map_is_small (map, icc_world_map_find (map, "TV")));
  g_assert_false (icc_world_map_is_small (map, icc_world_map_find (map, "HU")));
  g_assert_false (icc_world_map_is_small (map, icc_world_map_find (map, "RU")));
}

static void
test_pick_cities (void)
{
  static const struct {
    const char *city;
    double      lon;
    double      lat;
    const char *code;
  } cities[] = {
    { "Moscow", 37.62, 55.75, "RU" },
    { "Brasília", -47.88, -15.79, "BR" },
    { "Kyiv", 30.52, 50.45, "UA" },
    { "Budapest", 19.04, 47.50, "HU" },
    { "Washington", -77.04, 38.91, "US" },
    { "Anchorage", -149.90, 61.22, "US" },
    { "Vladivostok", 131.89, 43.12, "RU" },
    { "Maseru", 27.48, -29.31, "LS" },    /* a hole in South Africa */
    { "Johannesburg", 28.05, -26.20, "ZA" },
    { "Farafenni", -15.60, 13.57, "GM" },
    { "Hargeisa", 44.06, 9.56, "SO" },    /* Somaliland: Somalia's */
    { "Lefkoniko", 33.73, 35.25, "CY" },  /* Northern Cyprus: Cyprus's */
    { "Utrecht", 5.12, 52.09, "NL" },
  };
  IccWorldMap *map = icc_world_map_get_default ();
  double x, y;

  for (guint i = 0; i < G_N_ELEMENTS (cities); i++)
    {
      int shape;

      icc_world_map_project (cities[i].lon, cities[i].lat, &x, &y);
      shape = icc_world_map_pick (map, x, y);
      g_test_message ("%s: %s", cities[i].city,
                      shape >= 0 ? icc_world_map_get_code (map, shape) : "nothing");
      g_assert_cmpint (shape, >=, 0);
      g_assert_cmpstr (icc_world_map_get_code (map, shape), ==, cities[i].code);
    }

  /* The middle of the Atlantic and the Pacific: sea. */
  icc_world_map_project (-30, 30, &x, &y);
  g_assert_cmpint (icc_world_map_pick (map, x, y), ==, -1);
  icc_world_map_project (-140, 0, &x, &y);
  g_assert_cmpint (icc_world_map_pick (map, x, y), ==, -1);
  /* Outside the world. */
  g_assert_cmpint (icc_world_map_pick (map, 1e6, 0), ==, -1);
}

static void
test_projection (void)
{
  IccWorldMap *map = icc_world_map_get_default ();
  IccMapBounds extent;
  double x, y;

  icc_world_map_project (0, 0, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, 0, 1e-9);

  /* Šavrič et al. 2018: the map is 2.7066 × 1.3174 on the unit sphere. */
  icc_world_map_get_extent (map, &extent);
  g_assert_cmpfloat_with_epsilon (extent.x1 / 12000, 2.70663, 1e-4);
  g_assert_cmpfloat_with_epsilon (extent.y1 / 12000, 1.31736, 1e-4);
  g_assert_cmpfloat_with_epsilon (extent.x0, -extent.x1, 1e-6);
  g_assert_cmpfloat_with_epsilon (extent.y0, -extent.y1, 1e-6);
  /* North is up. */
  icc_world_map_project (0, 60, &x, &y);
  g_assert_cmpfloat (y, <, 0);
}

static void
test_broken_files (void)
{
  g_autoptr(GBytes) good = g_resources_lookup_data ("/org/example/IccTracker/map/world.map",
                                                     0, NULL);
  const char *inputs[] = { "", "ICCMAP", "PNG\r\n\x1a\n and more bytes to pass the header" };
  gsize size;
  const guint8 *data;
  g_autofree guint8 *copy = NULL;

  g_assert_nonnull (good);
  data = g_bytes_get_data (good, &size);

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (inputs[i], strlen (inputs[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(IccWorldMap) map = icc_world_map_new_from_bytes (bytes, &error);

      g_assert_null (map);
      g_assert_error (error, ICC_WORLD_MAP_ERROR, ICC_WORLD_MAP_ERROR_INVALID);
    }

  /* Truncated, and a ring pointing past the points. */
  {
    g_autoptr(GBytes) bytes = g_bytes_new (data, size - 4);
    g_autoptr(GError) error = NULL;
    g_autoptr(IccWorldMap) map = icc_world_map_new_from_bytes (bytes, &error);

    g_assert_null (map);
    g_assert_error (error, ICC_WORLD_MAP_ERROR, ICC_WORLD_MAP_ERROR_INVALID);
  }
  {
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(IccWorldMap) map = NULL;
    guint32 n_shapes;
    guint32 bad = GUINT32_TO_LE (0x7fffffff);

    copy = g_memdup2 (data, size);
    memcpy (&n_shapes, copy + 8, 4);
    /* The first ring's first point. */
    memcpy (copy + 24 + GUINT32_FROM_LE (n_shapes) * 28, &bad, 4);
    bytes = g_bytes_new (copy, size);
    map = icc_world_map_new_from_bytes (bytes, &error);
    g_assert_null (map);
    g_assert_error (error, ICC_WORLD_MAP_ERROR, ICC_WORLD_MAP_ERROR_INVALID);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/world-map/every-state", test_every_state_on_map);
  g_test_add_func ("/world-map/pick", test_pick_cities);
  g_test_add_func ("/world-map/projection", test_projection);
  g_test_add_func ("/world-map/broken", test_broken_files);

  return g_test_run ();
}
