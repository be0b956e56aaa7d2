/* icc-changes-dialog.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "icc-dataset.h"
#include "icc-focus.h"

G_BEGIN_DECLS

#define ICC_TYPE_CHANGES_DIALOG (icc_changes_dialog_get_type ())

G_DECLARE_FINAL_TYPE (IccChangesDialog, icc_changes_dialog, ICC, CHANGES_DIALOG, GtkWindow)

/* "What Changed": every status change between two dates (the end left
 * empty: since the start), each row one click from its event (it sets
 * @focus's state and event), exportable as CSV ("changes.export"). Follows
 * the dataset's edits. */
GtkWidget *icc_changes_dialog_new       (GtkWindow        *parent,
                                         IccDataset       *dataset,
                                         IccFocus         *focus);
/* Shows the changes from @first_day to @last_day and puts them in the
 * fields. */
void       icc_changes_dialog_set_range (IccChangesDialog *self,
                                         gint32            first_day,
                                         gint32            last_day);
/* The changes shown (IccStatusChange; transfer none). */
GArray    *icc_changes_dialog_get_changes (IccChangesDialog *self);
/* Reads the fields and shows their range; FALSE (and a message in the
 * dialog) when they do not make one. */
gboolean   icc_changes_dialog_apply     (IccChangesDialog *self);
/* Writes the changes shown as CSV to @file (atomically). */
gboolean   icc_changes_dialog_export    (IccChangesDialog *self,
                                         GFile            *file,
                                         GError          **error);

G_END_DECLS
