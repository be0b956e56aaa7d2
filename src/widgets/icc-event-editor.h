/* icc-event-editor.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "icc-dataset.h"

G_BEGIN_DECLS

#define ICC_EVENT_EDITOR_ERROR (icc_event_editor_error_quark ())

typedef enum
{
  /* A field of the form holds no valid value (the message says which). */
  ICC_EVENT_EDITOR_ERROR_INVALID,
} IccEventEditorError;

#define ICC_TYPE_EVENT_EDITOR (icc_event_editor_get_type ())

G_DECLARE_FINAL_TYPE (IccEventEditor, icc_event_editor, ICC, EVENT_EDITOR, GtkWindow)

/* The dialog that adds an event or edits one: a modal window, transient for
 * @parent, titled "New Event" or "Edit Event". It does not change the
 * dataset: when the user confirms a valid draft it emits ::confirmed
 * (IccEvent *draft) and stays open; whoever opened it performs the edit
 * and closes it, or calls icc_event_editor_show_error(). Cancel and Escape
 * close it.
 *
 * @event: the event to edit, or NULL for a new one.
 * @prefill: for a new event, the fields to start from (kind, dates, title,
 *   summary, states…; its id is not used); may be NULL. */
GQuark       icc_event_editor_error_quark (void);

GtkWidget   *icc_event_editor_new        (GtkWindow       *parent,
                                          IccDataset      *dataset,
                                          IccEvent        *event,
                                          IccEvent        *prefill);
/* The edited event, or NULL for a new one. */
IccEvent    *icc_event_editor_get_event  (IccEventEditor  *self);
/* The fields as they stand, as a new event in no dataset, or NULL with
 * @error when a field is invalid. Its id is the edited event's, or for a new
 * one an id not yet used in the dataset, made from the first state's code,
 * the kind and the date ("fr-signature-2026-05-29"), or from the title when
 * there is no state. It does not say whether the dataset would accept it:
 * the dialog shows that, and confirms only what icc_dataset_check_event()
 * accepts. */
IccEvent    *icc_event_editor_get_draft  (IccEventEditor  *self,
                                          GError         **error);
/* Shows @message (say, why the edit was refused) at the top of the dialog,
 * until the fields change. */
void         icc_event_editor_show_error (IccEventEditor  *self,
                                          const char      *message);

G_END_DECLS
