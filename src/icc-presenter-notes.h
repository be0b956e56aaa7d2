/* icc-presenter-notes.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ICC_TYPE_PRESENTER_NOTES (icc_presenter_notes_get_type ())

G_DECLARE_FINAL_TYPE (IccPresenterNotes, icc_presenter_notes, ICC, PRESENTER_NOTES, GtkWindow)

/* The presenter's view on a second monitor: where the tour is, the step's
 * note and what comes next. All strings are plain text. */
IccPresenterNotes *icc_presenter_notes_new      (void);
void               icc_presenter_notes_set_step (IccPresenterNotes *self,
                                                 const char        *progress,
                                                 const char        *title,
                                                 const char        *note,
                                                 const char        *next_title);

G_END_DECLS
