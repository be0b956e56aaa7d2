/* icc-window-private.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "icc-after-frame.h"
#include "icc-event-panel.h"
#include "icc-player.h"
#include "icc-reader.h"
#include "icc-state-list.h"
#include "icc-timeline.h"
#include "icc-window.h"

G_BEGIN_DECLS

/* The window is split like gnome-text-editor's: icc-window.c (the window,
 * loading and saving, geometry) and icc-window-actions.c (its actions). */
struct _IccWindow
{
  GtkApplicationWindow  parent_instance;

  /* Template widgets */
  GtkLabel             *title_label;
  GtkLabel             *date_label;
  GtkToggleButton      *find_button;
  GtkToggleButton      *play_button;
  GtkMenuButton        *menu_button;
  GMenuModel           *main_menu;
  GtkPaned             *main_paned;
  GtkPaned             *content_paned;
  GtkPaned             *detail_paned;
  GtkBox               *timeline_box;
  IccStateList         *state_list;
  IccEventPanel        *event_panel;
  IccReader            *reader;

  IccTimeline          *timeline;

  /* Owned */
  IccDataset           *dataset;
  IccWorld             *world;
  IccFocus             *focus;
  GSettings            *settings;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  IccPlayer            *player;
  IccAfterFrame        *initial_event;  /* selects it after the first frame */
  gulong                initial_event_guard;
  guint                 busy;
};

/* icc-window.c */
void       icc_window_save_to_file   (IccWindow   *self,
                                      GFile       *file);

/* icc-window-actions.c */
void       icc_window_add_actions    (IccWindow   *self);

/* What win.export writes once its file chooser returns a file: @kind is the
 * action's target ("png", "svg", "pdf", "handout" or "timelinejs"). The
 * timeline image covers the timeline's visible range; its format comes from
 * the file name's extension. For tests, which cannot drive the chooser. */
gboolean icc_window_export_to_file (IccWindow   *self,
                                    const char  *kind,
                                    GFile       *file,
                                    GError     **error);

/* The player behind win.play and Page Up/Down (NULL without a dataset). */
IccPlayer *icc_window_get_player     (IccWindow   *self);

G_END_DECLS
