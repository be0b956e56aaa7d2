/* icc-list-tab.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void icc_list_tab_leaves (GtkWidget *list);

G_END_DECLS
