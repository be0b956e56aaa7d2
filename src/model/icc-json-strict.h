/* icc-json-strict.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean icc_json_check_strict (const char  *data,
                                gsize        size,
                                guint        max_depth,
                                gsize       *error_offset,
                                char       **error_message);

G_END_DECLS
