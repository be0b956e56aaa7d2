/* icc-window.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "icc-application.h"
#include "icc-dataset.h"
#include "icc-focus.h"
#include "icc-world.h"

G_BEGIN_DECLS

#define ICC_TYPE_WINDOW (icc_window_get_type ())

G_DECLARE_FINAL_TYPE (IccWindow, icc_window, ICC, WINDOW, GtkApplicationWindow)

/* A window on one dataset. Its views (state list, timeline, event panel,
 * reader) share one IccFocus and never talk to each other. */
IccWindow  *icc_window_new         (IccApplication *application,
                                    IccDataset     *dataset);
IccDataset *icc_window_get_dataset (IccWindow      *self);
void        icc_window_set_dataset (IccWindow      *self,
                                    IccDataset     *dataset);
IccFocus   *icc_window_get_focus   (IccWindow      *self);
IccWorld   *icc_window_get_world   (IccWindow      *self);
/* Loads @file in a thread; on success the window shows it, on failure a
 * dialog lists every problem and the window keeps its dataset. */
void        icc_window_open_file   (IccWindow      *self,
                                    GFile          *file);
/* TRUE while a file is being loaded or saved. */
gboolean    icc_window_get_busy    (IccWindow      *self);

G_END_DECLS
