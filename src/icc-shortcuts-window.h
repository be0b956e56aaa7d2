/* icc-shortcuts-window.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The keyboard shortcuts window (data/ui/icc-shortcuts-window.ui), its key
 * caps named as a keyboard names them. */
GtkShortcutsWindow *icc_shortcuts_window_new (void);

G_END_DECLS
