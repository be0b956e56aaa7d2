/* icc-window-private.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "icc-player.h"
#include "icc-window.h"

G_BEGIN_DECLS

/* What win.export writes once its file chooser returns a file: @kind is the
 * action's target ("png", "svg", "pdf", "handout" or "timelinejs"). The
 * timeline image covers the timeline's visible range; its format comes from
 * the file name's extension. For tests, which cannot drive the chooser. */
gboolean icc_window_export_to_file (IccWindow   *self,
                                    const char  *kind,
                                    GFile       *file,
                                    GError     **error);

/* The player behind win.play and Page Up/Down (NULL without a dataset). */
IccPlayer *icc_window_get_player     (IccWindow   *self);

G_END_DECLS
