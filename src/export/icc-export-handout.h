/* icc-export-handout.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "icc-dataset.h"

G_BEGIN_DECLS

/* A printable handout of a tour (NULL: the dataset's first tour, or all
 * cited events when it has none): the timeline over the tour's dates, a
 * table of its events with dates and certainty, and each cited passage with
 * its source. Drawn through GtkPrintOperation, so printing and exporting to
 * PDF share one code path. */
GtkPrintOperation *icc_export_handout_new_operation (IccDataset  *dataset,
                                                     IccTour     *tour);
gboolean           icc_export_handout_to_pdf        (IccDataset  *dataset,
                                                     IccTour     *tour,
                                                     GFile       *file,
                                                     guint       *n_pages,
                                                     GError     **error);

G_END_DECLS
