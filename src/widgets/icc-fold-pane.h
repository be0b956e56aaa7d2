/* icc-fold-pane.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ICC_TYPE_FOLD_PANE (icc_fold_pane_get_type())

G_DECLARE_FINAL_TYPE (IccFoldPane, icc_fold_pane, ICC, FOLD_PANE, GtkWidget)

GtkWidget  *icc_fold_pane_new                   (void);
GtkWidget  *icc_fold_pane_get_start_child       (IccFoldPane *self);
void        icc_fold_pane_set_start_child       (IccFoldPane *self,
                                                 GtkWidget   *child);
GtkWidget  *icc_fold_pane_get_end_child         (IccFoldPane *self);
void        icc_fold_pane_set_end_child         (IccFoldPane *self,
                                                 GtkWidget   *child);
void        icc_fold_pane_set_titles            (IccFoldPane *self,
                                                 const char  *start_title,
                                                 const char  *end_title);
gboolean    icc_fold_pane_get_folded            (IccFoldPane *self);
GtkWidget  *icc_fold_pane_get_visible_child     (IccFoldPane *self);
void        icc_fold_pane_set_visible_child     (IccFoldPane *self,
                                                 GtkWidget   *child);
int         icc_fold_pane_get_position          (IccFoldPane *self);
void        icc_fold_pane_set_position          (IccFoldPane *self,
                                                 int          position);
gboolean    icc_fold_pane_folds_at              (IccFoldPane *self,
                                                 int          width);

G_END_DECLS
