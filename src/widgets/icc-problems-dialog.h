/* icc-problems-dialog.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ICC_TYPE_PROBLEMS_DIALOG (icc_problems_dialog_get_type ())

G_DECLARE_FINAL_TYPE (IccProblemsDialog, icc_problems_dialog, ICC, PROBLEMS_DIALOG, GtkWindow)

/* Tells that @file could not be opened and lists every problem (IccProblem:
 * where, line/column, message). @problems may be NULL or empty, then
 * @error's message is shown. */
GtkWidget *icc_problems_dialog_new            (GtkWindow    *parent,
                                               GFile        *file,
                                               GPtrArray    *problems,
                                               const GError *error);
/* The lines shown, one per problem, for tests. */
void       icc_problems_dialog_set_kept       (IccProblemsDialog *self,
                                               const char        *title,
                                               gboolean           bundled);
guint      icc_problems_dialog_get_n_problems (IccProblemsDialog *self);
char      *icc_problems_dialog_get_text       (IccProblemsDialog *self);

G_END_DECLS
