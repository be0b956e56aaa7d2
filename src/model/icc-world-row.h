/* icc-world-row.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "icc-date.h"
#include "icc-event.h"
#include "icc-state.h"
#include "icc-types.h"

G_BEGIN_DECLS

#define ICC_TYPE_WORLD_ROW (icc_world_row_get_type ())

G_DECLARE_FINAL_TYPE (IccWorldRow, icc_world_row, ICC, WORLD_ROW, GObject)

/* One row of IccWorld: a state, its status on the world's date and the date
 * it has had that status since (unset for "none"). */
IccWorldRow   *icc_world_row_new        (IccState      *state);
IccState      *icc_world_row_get_state  (IccWorldRow   *self);
IccStatus      icc_world_row_get_status (IccWorldRow   *self);
const IccDate *icc_world_row_get_since  (IccWorldRow   *self);
IccEvent      *icc_world_row_get_since_event (IccWorldRow *self);
/* The certainty of the status: that of the event that set it (confirmed when
 * no event did, for "none"), and that event's note. */
IccCertainty   icc_world_row_get_certainty (IccWorldRow *self);
const char    *icc_world_row_get_certainty_note (IccWorldRow *self);
/* Returns TRUE if anything changed (and notifies). */
gboolean       icc_world_row_update     (IccWorldRow   *self,
                                         IccStatus      status,
                                         IccEvent      *since_event);

G_END_DECLS
