/* icc-state-list.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "icc-focus.h"
#include "icc-world.h"

G_BEGIN_DECLS

#define ICC_TYPE_STATE_LIST (icc_state_list_get_type ())

G_DECLARE_FINAL_TYPE (IccStateList, icc_state_list, ICC, STATE_LIST, GtkWidget)

/* The world-state list: every state of an IccWorld with its status on the
 * focus date, searchable by name or ISO code, filtered by status, sortable.
 * Selecting a row sets focus.state; a change of focus.state selects its row. */
GtkWidget  *icc_state_list_new              (void);
IccWorld   *icc_state_list_get_world        (IccStateList *self);
void        icc_state_list_set_world        (IccStateList *self,
                                             IccWorld     *world);
IccFocus   *icc_state_list_get_focus        (IccStateList *self);
void        icc_state_list_set_focus        (IccStateList *self,
                                             IccFocus     *focus);
/* The rows shown, after search, filter and sort (a GListModel of IccWorldRow). */
GListModel *icc_state_list_get_model        (IccStateList *self);
GtkEditable *icc_state_list_get_search_entry (IccStateList *self);
/* -1 for every status, else an IccStatus. */
void        icc_state_list_set_status_filter (IccStateList *self,
                                              int           status);

/* Several statuses on the date (a mask of 1 << IccStatus) and histories (a
 * mask of 1 << IccStateHistory: ever withdrawn, withdrawal revoked,
 * signature withdrawn); 0 shows all. */
void           icc_state_list_set_filters (IccStateList *self,
                                           guint         status_mask,
                                           guint         history_mask);

G_END_DECLS
