/* icc-cite-dialog.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "icc-dataset.h"

G_BEGIN_DECLS

#define ICC_TYPE_CITE_DIALOG (icc_cite_dialog_get_type ())

G_DECLARE_FINAL_TYPE (IccCiteDialog, icc_cite_dialog, ICC, CITE_DIALOG, GtkWindow)

/* "Cite…": which event a selected passage reports (a searchable list of the
 * dataset's events, or a new event made from the selection), its stance and
 * a note. With @citation, it edits that citation's stance and note instead
 * (the event is fixed). It changes nothing by itself: it emits
 * ::confirmed (IccEvent *event, int stance, const char *note) with the
 * chosen event (NULL: "New Event from Selection"), and whoever opened it
 * makes the edit and closes it, or calls icc_cite_dialog_show_error().
 *
 * @quote: the passage, shown at the top. @event: the event to start on
 * (the selected one), or NULL. */
GtkWidget   *icc_cite_dialog_new        (GtkWindow     *parent,
                                         IccDataset    *dataset,
                                         const char    *quote,
                                         IccEvent      *event,
                                         IccCitation   *citation);
IccEvent    *icc_cite_dialog_get_event  (IccCiteDialog *self);
void         icc_cite_dialog_set_event  (IccCiteDialog *self,
                                         IccEvent      *event);
IccStance    icc_cite_dialog_get_stance (IccCiteDialog *self);
void         icc_cite_dialog_set_stance (IccCiteDialog *self,
                                         IccStance      stance);
/* The note, or NULL when empty (new string). */
char        *icc_cite_dialog_get_note   (IccCiteDialog *self);
/* Whether the passage is a reader's comment under the article rather than
 * the article's body ("part": "comment"); off for a new citation, the
 * citation's own when editing one. */
gboolean     icc_cite_dialog_get_comment (IccCiteDialog *self);
void         icc_cite_dialog_set_comment (IccCiteDialog *self,
                                          gboolean       comment);
void         icc_cite_dialog_set_search (IccCiteDialog *self,
                                         const char    *text);
/* The events the search leaves, in date order (transfer none). */
GListModel  *icc_cite_dialog_get_matches (IccCiteDialog *self);
void         icc_cite_dialog_show_error (IccCiteDialog *self,
                                         const char    *message);

G_END_DECLS
