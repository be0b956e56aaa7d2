/* icc-event-editor-private.h: what the event editor's files share
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "icc-event-editor.h"

G_BEGIN_DECLS

/* The dialog in two files, as gnome-text-editor splits its window:
 * icc-event-editor.c (the form: dates, the draft, its effect, confirming,
 * filling) and icc-event-editor-states.c (the state picker: the search,
 * its matches and the chosen states' chips). */

/* The form is a template; what changes with the fields (the chosen states'
 * chips, the matching states, the effect lines) is built here. Every change
 * of a field rebuilds the draft, checks it against the dataset and enables
 * "editor.confirm" only for a draft the dataset accepts. */

struct _IccEventEditor
{
  GtkWindow           parent_instance;

  IccDataset         *dataset;
  IccEvent           *event;
  /* The chosen states' codes, in the order chosen (owned strings). */
  GPtrArray          *states;
  /* The dataset's states matching the search, best first. */
  GListModel         *matches;
  GtkFilter          *filter;
  GtkSorter          *sorter;
  char               *search_text;
  gboolean            filling;

  GtkWidget          *error_box;
  GtkLabel           *error_label;
  GtkDropDown        *kind_dropdown;
  GtkEditable        *date_entry;
  GtkLabel           *date_caption;
  GtkEditable        *end_date_entry;
  GtkLabel           *end_date_caption;
  GtkFlowBox         *state_chips;
  GtkSearchEntry     *state_search;
  GtkWidget          *state_results_window;
  GtkListBox         *state_results;
  GtkBox             *effect_box;
  GtkEditable        *title_entry;
  GtkTextView        *summary_view;
  GtkDropDown        *certainty_dropdown;
  GtkEditable        *certainty_note_entry;
  GtkTextView        *sources_view;
  GtkWidget          *reason_separator;
  GtkLabel           *reason_label;
  GtkWidget          *confirm_button;
};

void     _icc_event_editor_update        (IccEventEditor *self);
gboolean _icc_event_editor_is_chosen     (IccEventEditor *self,
                                          const char     *code);
void     _icc_event_editor_rebuild_chips (IccEventEditor *self);
void     _icc_event_editor_init_states   (IccEventEditor *self);
void     _icc_event_editor_bind_states   (IccEventEditor *self,
                                          IccDataset     *dataset);

G_END_DECLS
