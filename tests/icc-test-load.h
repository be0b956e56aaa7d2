/* icc-test-load.h: loading the datasets tests run on, asserting they load.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "icc-dataset-json.h"

/* The bytes of the file at @path, which must be readable. */
static inline GBytes *
test_read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

/* The bundled dataset. */
static inline IccDataset *
test_load_bundled (void)
{
  g_autoptr(GError) error = NULL;
  IccDataset *dataset = icc_dataset_load_bundled (&error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);

  return dataset;
}

/* tests/data/@subdir/@name, which must load without errors. */
static inline IccDataset *
test_load_data_file (const char *subdir,
                     const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", subdir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  IccDataset *dataset = icc_dataset_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);

  return dataset;
}
