/* icc-edit.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "icc-dataset.h"

G_BEGIN_DECLS

#define ICC_TYPE_EDIT (icc_edit_get_type ())

G_DECLARE_FINAL_TYPE (IccEdit, icc_edit, ICC, EDIT, GObject)

/* One change to a dataset that can be applied and reverted: what the user
 * confirms in one dialog is one edit (a group when it changes several
 * things). An edit keeps references to what it adds or removes and records
 * positions when it is applied, so that reverting restores the dataset
 * exactly (byte for byte once saved). Edits do not index the dataset; an
 * IccHistory applies them and re-indexes.
 *
 * The constructors read what they need from the dataset as it is when they
 * are called (the fields an edit replaces, the steps a removal takes with
 * it): build an edit just before performing it. */

IccEdit     *icc_edit_new_group          (const char  *label);
void         icc_edit_group_add          (IccEdit     *self,
                                          IccEdit     *edit);
guint        icc_edit_group_get_n_edits  (IccEdit     *self);

/* Events. Removing an event also removes the tour steps that show it. */
IccEdit     *icc_edit_new_add_event      (IccEvent    *event);
IccEdit     *icc_edit_new_remove_event   (IccDataset  *dataset,
                                          IccEvent    *event);
/* Gives @event the fields of @draft (see icc_event_copy_fields()). */
IccEdit     *icc_edit_new_set_event      (IccEvent    *event,
                                          IccEvent    *draft);

/* Citations. */
IccEdit     *icc_edit_new_add_citation   (IccEvent    *event,
                                          IccCitation *citation);
IccEdit     *icc_edit_new_remove_citation (IccCitation *citation);
IccEdit     *icc_edit_new_set_citation   (IccCitation *citation,
                                          IccStance    stance,
                                          const char  *note);
/* The same, and the part: a reader's comment (TRUE) or the article's body. */
IccEdit     *icc_edit_new_set_citation_full (IccCitation *citation,
                                             IccStance    stance,
                                             const char  *note,
                                             gboolean     comment);

/* Articles. Removing an article also removes every citation of it. */
IccEdit     *icc_edit_new_add_article    (IccArticle  *article);
IccEdit     *icc_edit_new_remove_article (IccDataset  *dataset,
                                          IccArticle  *article);
/* Gives @article the metadata of @draft: title, outlet, author, date, URL
 * and edit note (not its text, which citations are anchored in). */
IccEdit     *icc_edit_new_set_article    (IccArticle  *article,
                                          IccArticle  *draft);

/* Tours and their steps. */
IccEdit     *icc_edit_new_add_tour       (IccTour     *tour);
IccEdit     *icc_edit_new_remove_tour    (IccTour     *tour);
IccEdit     *icc_edit_new_set_tour       (IccTour     *tour,
                                          const char  *title,
                                          const char  *description);
IccEdit     *icc_edit_new_insert_step    (IccTour     *tour,
                                          guint        position,
                                          const char  *event_id,
                                          const char  *title,
                                          const char  *note);
IccEdit     *icc_edit_new_remove_step    (IccTour     *tour,
                                          guint        position);
IccEdit     *icc_edit_new_set_step       (IccTour     *tour,
                                          guint        position,
                                          const char  *title,
                                          const char  *note);
/* Shows the map (or the timeline) on a step ("view"). */
IccEdit     *icc_edit_new_set_step_view  (IccTour     *tour,
                                          guint        position,
                                          IccTourView  view);
IccEdit     *icc_edit_new_move_step      (IccTour     *tour,
                                          guint        from,
                                          guint        to);

/* "Add Event", "Delete Article"…: for "Undo Add Event" in menus. */
const char  *icc_edit_get_label          (IccEdit     *self);
/* The event, article, citation or tour the edit is about (for a group, its
 * first edit's), so that the window can show it after undo or redo. */
GObject     *icc_edit_get_subject        (IccEdit     *self);

void         icc_edit_apply              (IccEdit     *self,
                                          IccDataset  *dataset);
void         icc_edit_revert             (IccEdit     *self,
                                          IccDataset  *dataset);

G_END_DECLS
