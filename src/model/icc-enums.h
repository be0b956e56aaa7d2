/* icc-enums.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Written with G_DEFINE_ENUM_TYPE rather than mkenums, so the nicks are the
 * snake_case names of the file format ("entry_into_force"), not mkenums'
 * kebab-case. */
#define ICC_TYPE_STATUS     (icc_status_get_type ())
#define ICC_TYPE_EVENT_KIND (icc_event_kind_get_type ())
#define ICC_TYPE_LANE       (icc_lane_get_type ())
#define ICC_TYPE_CERTAINTY  (icc_certainty_get_type ())
#define ICC_TYPE_STANCE     (icc_stance_get_type ())

GType icc_status_get_type     (void);
GType icc_event_kind_get_type (void);
GType icc_lane_get_type       (void);
GType icc_certainty_get_type  (void);
GType icc_stance_get_type     (void);

G_END_DECLS
