/* icc-export-timelinejs.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "icc-dataset.h"

G_BEGIN_DECLS

/* The dataset as TimelineJS 3 JSON (https://timeline.knightlab.com/docs/json-format.html):
 * a title slide written for readers, one slide per event (start_date and
 * end_date objects, headline and text with every dataset string
 * HTML-escaped, at most two passages quoted and shortened, the others
 * linked, group = lane) in date order, the adoption before the signatures
 * of its day, and the eras over them. Only the events of @tour's steps
 * (all without a tour) between @start_day and @end_day (day numbers, end
 * exclusive; both 0 for all days). */
char     *icc_export_timelinejs_to_data (IccDataset    *dataset,
                                         IccTour       *tour,
                                         double         start_day,
                                         double         end_day,
                                         gsize         *length);
gboolean  icc_export_timelinejs_to_file (IccDataset    *dataset,
                                         IccTour       *tour,
                                         double         start_day,
                                         double         end_day,
                                         GFile         *file,
                                         GCancellable  *cancellable,
                                         GError       **error);

/* The export dialog's choice of events: all, the dates the window's
 * timeline shows, or a tour's (its id after "tour:"). */
#define ICC_EXPORT_TIMELINEJS_CHOICE "icc-events"
void      icc_export_timelinejs_add_choice         (GtkFileChooser *chooser,
                                                    IccDataset     *dataset);
gboolean  icc_export_timelinejs_to_file_for_choice (IccDataset     *dataset,
                                                    const char     *choice,
                                                    double          visible_start,
                                                    double          visible_end,
                                                    GFile          *file,
                                                    GError        **error);

G_END_DECLS
