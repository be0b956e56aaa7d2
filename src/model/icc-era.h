/* icc-era.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "icc-date.h"
#include "icc-types.h"

G_BEGIN_DECLS

#define ICC_TYPE_ERA (icc_era_get_type ())

G_DECLARE_FINAL_TYPE (IccEra, icc_era, ICC, ERA, GObject)

/* A titled period shaded behind the timeline's events. */
IccEra        *icc_era_new            (const char    *id,
                                       const char    *title,
                                       const IccDate *start,
                                       const IccDate *end);
const char    *icc_era_get_id         (IccEra        *self);
const char    *icc_era_get_title      (IccEra        *self);
const IccDate *icc_era_get_start      (IccEra        *self);
const IccDate *icc_era_get_end        (IccEra        *self);
gint32         icc_era_get_start_day  (IccEra        *self);
gint32         icc_era_get_end_day    (IccEra        *self);
const char    *icc_era_get_summary    (IccEra        *self);
void           icc_era_set_summary    (IccEra        *self,
                                       const char    *summary);
JsonObject    *icc_era_get_extra      (IccEra        *self);
void           icc_era_set_extra      (IccEra        *self,
                                       JsonObject    *extra);

G_END_DECLS
