/* icc-event-panel.h
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

#define ICC_TYPE_EVENT_PANEL (icc_event_panel_get_type ())

G_DECLARE_FINAL_TYPE (IccEventPanel, icc_event_panel, ICC, EVENT_PANEL, GtkWidget)

/* Follows focus.state (its events, in date order) and focus.event (title,
 * date, kind, states, summary, certainty and citations). Clicking a state
 * sets focus.state; clicking a citation sets focus.citation; choosing one of
 * the state's events sets focus.event. */
GtkWidget  *icc_event_panel_new          (void);
IccDataset *icc_event_panel_get_dataset  (IccEventPanel *self);
void        icc_event_panel_set_dataset  (IccEventPanel *self,
                                          IccDataset    *dataset);
IccFocus   *icc_event_panel_get_focus    (IccEventPanel *self);
void        icc_event_panel_set_focus    (IccEventPanel *self,
                                          IccFocus      *focus);
/* For tests: the events listed for focus.state, and the citation rows. */
GListModel *icc_event_panel_get_state_events (IccEventPanel *self);
GtkListBox *icc_event_panel_get_citation_list (IccEventPanel *self);

G_END_DECLS
