/* icc-tour-editor.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "icc-focus.h"
#include "icc-history.h"

G_BEGIN_DECLS

#define ICC_TYPE_TOUR_EDITOR (icc_tour_editor_get_type ())

G_DECLARE_FINAL_TYPE (IccTourEditor, icc_tour_editor, ICC, TOUR_EDITOR, GtkWindow)

/* A non-modal window (transient for @parent, destroy-with-parent; closing
 * hides it) to build the dataset's tours: new and deleted tours, a tour's
 * title and description, its steps added from @focus's event, moved,
 * deleted, and each step's title and presenter note. Every change is an
 * edit performed on @history, so the main window's Undo takes it back; the
 * editor follows the history's ::changed signal to show undo and redo.
 * Selecting a step sets @focus's event.
 *
 * Actions: tours.new, tours.delete, tours.add-event, tours.move-up
 * (Alt+Up), tours.move-down (Alt+Down), tours.delete-step (Delete in the
 * list). Text typed in the fields is applied when the field is activated or
 * loses the focus, and when the window closes. */
GtkWidget *icc_tour_editor_new      (GtkWindow     *parent,
                                     IccHistory    *history,
                                     IccFocus      *focus);
/* Shows @tour (one of the dataset's). */
void       icc_tour_editor_set_tour (IccTourEditor *self,
                                     IccTour       *tour);
/* The tour shown, or NULL when the dataset has none. */
IccTour   *icc_tour_editor_get_tour (IccTourEditor *self);

G_END_DECLS
