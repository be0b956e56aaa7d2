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

G_BEGIN_DECLS

#define ICC_TYPE_WINDOW (icc_window_get_type ())

G_DECLARE_FINAL_TYPE (IccWindow, icc_window, ICC, WINDOW, GtkApplicationWindow)

IccWindow *icc_window_new (IccApplication *application,
                           IccDataset     *dataset);

G_END_DECLS
