/* icc-json-writer.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

char *icc_json_write_pretty (JsonNode *root,
                             gsize    *length);

G_END_DECLS
