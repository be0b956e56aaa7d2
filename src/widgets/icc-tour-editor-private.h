/* icc-tour-editor-private.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "icc-tour-editor.h"

G_BEGIN_DECLS

/* The tour editor in two files: icc-tour-editor.c (the object, the tour and
 * its steps, applying the fields, the actions) and icc-tour-editor-build.c
 * (its widgets, built in code, and the callbacks they are wired to). */
struct _IccTourEditor
{
  GtkWindow           parent_instance;

  IccHistory         *history;
  IccFocus           *focus;
  IccDataset         *dataset;
  IccTour            *tour;
  GSignalGroup       *tour_signals;
  GtkStringList      *rows;
  GtkSingleSelection *selection;
  /* The step the step fields show (their edits go there), or
   * GTK_INVALID_LIST_POSITION. */
  guint               step_shown;
  guint               syncing_tours : 1;
  guint               syncing_steps : 1;

  GtkLabel           *error_label;
  GtkDropDown        *tours;
  GtkWidget          *tour_box;
  GtkEditable        *title;
  GtkEditable        *description;
  GtkListView        *steps;
  GtkWidget          *step_box;
  GtkEditable        *step_title;
  GtkCheckButton     *step_map_check;
  GtkTextView        *step_note;
};

/* icc-tour-editor-build.c */
void _icc_tour_editor_build (IccTourEditor *self);

/* icc-tour-editor.c: what the widgets call */
char * _icc_tour_editor_tour_label_cb (IccTour    *tour,
                                       const char *title,
                                       gpointer    user_data);
void _icc_tour_editor_tour_selected_cb (IccTourEditor *self,
                                        GParamSpec    *pspec,
                                        GtkDropDown   *drop_down);
void _icc_tour_editor_tours_changed_cb (IccTourEditor *self,
                                        guint          position,
                                        guint          removed,
                                        guint          added,
                                        GListModel    *tours);
void _icc_tour_editor_tour_field_done_cb (IccTourEditor *self,
                                          gpointer       sender);
void _icc_tour_editor_step_field_done_cb (IccTourEditor *self,
                                          gpointer       sender);
void _icc_tour_editor_step_selected_cb (IccTourEditor      *self,
                                        GParamSpec         *pspec,
                                        GtkSingleSelection *selection);
void _icc_tour_editor_step_map_toggled_cb (IccTourEditor  *self,
                                           GtkCheckButton *check);

G_END_DECLS
