/* icc-export-timelinejs.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "icc-dataset.h"

G_BEGIN_DECLS

/* The dataset as TimelineJS 3 JSON (https://timeline.knightlab.com/docs/json-format.html):
 * a title slide, one slide per event (start_date/end_date objects, headline
 * and text with every dataset string HTML-escaped, group = lane) and eras. */
char     *icc_export_timelinejs_to_data (IccDataset    *dataset,
                                         gsize         *length);
gboolean  icc_export_timelinejs_to_file (IccDataset    *dataset,
                                         GFile         *file,
                                         GCancellable  *cancellable,
                                         GError       **error);

G_END_DECLS
