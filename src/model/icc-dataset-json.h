/* icc-dataset-json.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "icc-dataset.h"
#include "icc-problem.h"

G_BEGIN_DECLS

#define ICC_DATASET_ERROR (icc_dataset_error_quark ())

typedef enum
{
  ICC_DATASET_ERROR_INVALID,   /* The file has errors; see the problems. */
  ICC_DATASET_ERROR_TOO_LARGE, /* Over ICC_DATASET_MAX_SIZE. */
  ICC_DATASET_ERROR_IO,
} IccDatasetError;

#define ICC_DATASET_FORMAT      "icc-tracker"
#define ICC_DATASET_VERSION     1
#define ICC_DATASET_MAX_SIZE    (256 * 1024 * 1024)

GQuark      icc_dataset_error_quark      (void);

/* Loads a dataset of format version 1. @problems (may be NULL) receives a new
 * GPtrArray of IccProblem: every error and warning found, not just the first.
 * Returns NULL and sets @error when there is any error; warnings alone do not
 * fail. */
IccDataset *icc_dataset_load_bytes       (GBytes        *bytes,
                                          GPtrArray    **problems,
                                          GError       **error);
IccDataset *icc_dataset_load_file        (GFile         *file,
                                          GPtrArray    **problems,
                                          GCancellable  *cancellable,
                                          GError       **error);
/* The bundled dataset, from the GResource. */
IccDataset *icc_dataset_load_bundled     (GError       **error);

/* Serializes to JSON (pretty-printed, UTF-8), keeping unknown fields. */
char       *icc_dataset_to_data          (IccDataset    *self,
                                          gsize         *length);
/* The same in two halves: the tree, made where the dataset lives, and its
 * bytes, made on any thread (a save's worker) while the dataset changes. */
JsonNode   *icc_dataset_to_json          (IccDataset    *self);
char       *icc_dataset_json_to_data     (JsonNode      *root,
                                          gsize         *length);
/* Writes atomically, through symbolic and hard links, keeping permissions:
 * to a temporary file renamed over the real file only once every byte is on
 * the disk (see icc-file-replace.h); then makes @file the dataset's file.
 * On the thread that owns @self. */
gboolean    icc_dataset_save_file        (IccDataset    *self,
                                          GFile         *file,
                                          GCancellable  *cancellable,
                                          GError       **error);
/* The same for a dataset serialized already, touching no dataset: for a
 * worker thread (the caller then records the file). */
gboolean    icc_dataset_write_data       (GBytes        *data,
                                          GFile         *file,
                                          GCancellable  *cancellable,
                                          GError       **error);

G_END_DECLS
