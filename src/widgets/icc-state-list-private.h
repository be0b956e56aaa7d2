/* icc-state-list-private.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "icc-after-frame.h"
#include "icc-state-list.h"

G_BEGIN_DECLS

/* The state list in two files: icc-state-list.c (the widget, its columns,
 * search and selection) and icc-state-list-filter.c (the filters: statuses
 * on the date, several at once, and what a state's history holds; the
 * filter function; what the empty list says). */

/* What a state's history can be filtered on. */
typedef enum
{
  ICC_STATE_HISTORY_WITHDRAWN,           /* a withdrawal took effect */
  ICC_STATE_HISTORY_WITHDRAWAL_REVOKED,  /* a notice of withdrawal was revoked */
  ICC_STATE_HISTORY_SIGNATURE_WITHDRAWN, /* its signature was withdrawn */
} IccStateHistory;

#define ICC_N_STATE_HISTORIES (ICC_STATE_HISTORY_SIGNATURE_WITHDRAWN + 1)

struct _IccStateList
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkLabel           *counts_label;
  GtkSearchEntry     *search_entry;
  GtkMenuButton      *filter_button;
  GtkLabel           *empty_label;
  GtkButton          *empty_button;
  GtkStack           *stack;
  GtkColumnView      *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *since_column;

  /* Owned */
  IccWorld           *world;
  IccFocus           *focus;
  GSignalGroup       *focus_signals;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  GtkSliceListModel  *slice_model;   /* the first rows, until the first frame */
  GtkSingleSelection *selection;
  IccAfterFrame      *all_rows;
  GBinding           *counts_binding;
  char               *search;       /* casefolded, NULL when empty */
  guint               status_mask;   /* 1 << IccStatus shown; 0: all */
  guint               history_mask;  /* IccStateHistory shown; 0: all */
  GtkCheckButton     *status_checks[ICC_N_STATUSES];
  GtkCheckButton     *history_checks[ICC_N_STATE_HISTORIES];
  guint               syncing_checks : 1;
  guint               scroll_tick;
  guint               syncing : 1;
};

/* icc-state-list.c */
gboolean _icc_state_list_matches_search  (IccStateList *self,
                                          IccWorldRow  *row);
void     _icc_state_list_update_empty    (IccStateList *self);
void     _icc_state_list_filter_changed  (IccStateList *self);

/* icc-state-list-filter.c */
void     _icc_state_list_init_filter     (IccStateList *self);
gboolean _icc_state_list_filter_row      (gpointer      item,
                                          gpointer      user_data);
gboolean _icc_state_list_has_filters     (IccStateList *self);

G_END_DECLS
