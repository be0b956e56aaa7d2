/* icc-history.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "icc-dataset.h"
#include "icc-edit.h"

G_BEGIN_DECLS

#define ICC_HISTORY_ERROR (icc_history_error_quark ())

typedef enum
{
  /* The edit would make the dataset break a rule (the transition table, an
   * unknown state or article); it was not kept. */
  ICC_HISTORY_ERROR_INVALID,
} IccHistoryError;

#define ICC_TYPE_HISTORY (icc_history_get_type ())

G_DECLARE_FINAL_TYPE (IccHistory, icc_history, ICC, HISTORY, GObject)

/* The undo and redo stacks of one dataset, unlimited, and whether it has
 * changed since it was last saved. Every change to a dataset the user edits
 * goes through icc_history_perform(): it applies the edit, re-indexes, and
 * takes the edit back if the dataset would no longer index without errors.
 *
 * Properties: "can-undo", "can-redo", "undo-label", "redo-label" (the edit's
 * label, NULL when there is nothing), "modified". ::changed (IccEdit *edit,
 * gboolean undone) is emitted after every perform, undo and redo, once the
 * dataset is indexed again. */

GQuark       icc_history_error_quark (void);

IccHistory  *icc_history_new         (IccDataset  *dataset);
IccDataset  *icc_history_get_dataset (IccHistory  *self);

gboolean     icc_history_perform     (IccHistory  *self,
                                      IccEdit     *edit,
                                      GError     **error);
gboolean     icc_history_can_undo    (IccHistory  *self);
gboolean     icc_history_can_redo    (IccHistory  *self);
/* Return the edit undone or redone (transfer none), or NULL. */
IccEdit     *icc_history_undo        (IccHistory  *self);
IccEdit     *icc_history_redo        (IccHistory  *self);
const char  *icc_history_get_undo_label (IccHistory *self);
const char  *icc_history_get_redo_label (IccHistory *self);

/* Modified: the dataset differs from what was saved or loaded. */
gboolean     icc_history_get_modified (IccHistory *self);
/* Call after a save: the current state is what the file holds. */
void         icc_history_set_saved   (IccHistory  *self);
/* For a dataset restored from a recovery file: differs from every file. */
void         icc_history_set_unsaved (IccHistory  *self);

G_END_DECLS
