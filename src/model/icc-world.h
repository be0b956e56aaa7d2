/* icc-world.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "icc-dataset.h"
#include "icc-world-row.h"

G_BEGIN_DECLS

#define ICC_TYPE_WORLD (icc_world_get_type ())

G_DECLARE_FINAL_TYPE (IccWorld, icc_world, ICC, WORLD, GObject)

/* A GListModel of IccWorldRow, one per state of the dataset, for one date.
 * Changing the date emits items-changed only for rows whose status changed
 * (consecutive rows batched), then notify::date and notify::counts. */
IccWorld      *icc_world_new                (IccDataset    *dataset);
IccDataset    *icc_world_get_dataset        (IccWorld      *self);
const IccDate *icc_world_get_date           (IccWorld      *self);
void           icc_world_set_date           (IccWorld      *self,
                                             const IccDate *date);
guint          icc_world_get_count          (IccWorld      *self,
                                             IccStatus      status);
/* How many of the rows with @status have it by an unverified event. */
guint          icc_world_get_unverified_count (IccWorld    *self,
                                             IccStatus      status);
/* party + withdrawing: a withdrawing state is a State Party until its
 * withdrawal takes effect. */
guint          icc_world_get_states_parties (IccWorld      *self);
/* "124 States Parties, 1 unverified · 31 signatories · …", translated. */
char          *icc_world_format_counts      (IccWorld      *self);

G_END_DECLS
