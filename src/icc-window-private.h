/* icc-window-private.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "icc-after-frame.h"
#include "icc-event-panel.h"
#include "icc-fold-pane.h"
#include "icc-history.h"
#include "icc-recovery.h"
#include "icc-player.h"
#include "icc-reader.h"
#include "icc-state-list.h"
#include "icc-timeline.h"
#include "icc-window.h"
#include "icc-world-map-view.h"

G_BEGIN_DECLS

/* The window is split like gnome-text-editor's: icc-window.c (the window,
 * geometry, the dataset shown), icc-window-actions.c (its actions),
 * icc-window-date.c (the cursor's date: typed, picked, moved by keys),
 * icc-window-panes.c (F6 between the panes, the reader's keys anywhere),
 * icc-window-edit.c (editing: history, events, tours, closing),
 * icc-window-articles.c (articles and citations), icc-window-files.c
 * (opening and saving, on a worker thread) and icc-window-recovery.c
 * (unsaved edits kept through a crash). */
struct _IccWindow
{
  GtkApplicationWindow  parent_instance;

  /* Template widgets */
  GtkLabel             *title_label;
  GtkLabel             *date_label;
  GtkMenuButton        *date_button;
  GtkToggleButton      *find_button;
  GtkToggleButton      *play_button;
  GtkMenuButton        *menu_button;
  GtkMenuButton        *legend_button;
  GtkPopover           *legend_popover;
  GMenuModel           *main_menu;
  GtkPaned             *main_paned;
  GtkPaned             *content_paned;
  IccFoldPane          *detail_pane;
  GtkBox               *timeline_box;
  IccStateList         *state_list;
  GtkStack             *sidebar_stack;
  IccWorldMapView      *world_map;
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

  /* The cursor's date (icc-window-date.c) */
  GtkPopover           *date_popover;
  GtkEditable          *date_entry;
  GtkLabel             *date_message;
  GtkCalendar          *date_calendar;
  GtkWidget            *date_back_button;
  IccDate               chosen_date;
  guint                 select_date_source;
  gboolean              syncing_calendar;

  /* Editing (icc-window-edit.c) */
  IccHistory           *history;
  char                 *recovery_dir;
  guint                 autosave_source;
  gint64                first_unsaved;     /* monotonic time, 0: none pending */
  guint                 close_after_save : 1;
  guint                 discarded : 1;
  GtkWidget            *tour_editor;       /* weak */

  /* Panes (icc-window-panes.c): the focus each last had, weak */
  GtkWidget            *pane_focus[4];
};

/* icc-window.c */
void       icc_window_save_to_file   (IccWindow   *self,
                                      GFile       *file);
void       _icc_window_set_busy      (IccWindow   *self,
                                      gboolean     busy);
void       _icc_window_update_title  (IccWindow   *self);
void       _icc_window_update_actions (IccWindow  *self);

/* icc-window-panes.c */
void       _icc_window_panes_init    (IccWindow   *self);
void       _icc_window_panes_dispose (IccWindow   *self);
int        _icc_window_focused_pane  (IccWindow   *self);

/* icc-window-date.c */
void       _icc_window_date_init     (IccWindow   *self);
void       _icc_window_date_changed  (IccWindow   *self);

/* icc-window-edit.c, and what the other editing files share */
typedef void (*IccShowErrorFunc) (gpointer    dialog,
                                  const char *message);
void       _icc_window_show_message        (IccWindow  *self,
                                            const char *primary,
                                            const char *secondary);
/* Whether @event (@article) is in the window's dataset (not taken out by an
 * edit, and the same object as under its id). */
gboolean   _icc_window_has_event           (IccWindow  *self,
                                            IccEvent   *event);
gboolean   _icc_window_has_article         (IccWindow  *self,
                                            IccArticle *article);
void       _icc_window_perform_or_show     (IccWindow  *self,
                                            IccEdit    *edit);
/* Performs what @dialog confirmed (@edit NULL: nothing changed) and closes
 * it, or leaves it open with @show_error saying why the dataset refused. */
void       _icc_window_perform_from_dialog (IccWindow        *self,
                                            IccEdit          *edit,
                                            GtkWindow        *dialog,
                                            IccShowErrorFunc  show_error);

static inline void
_icc_window_set_action_enabled (IccWindow  *self,
                                const char *name,
                                gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

/* icc-window-articles.c */
void       _icc_window_articles_add_actions    (IccWindow *self);
void       _icc_window_articles_update_actions (IccWindow *self,
                                                gboolean   editable);

/* icc-window-recovery.c */
void       _icc_window_schedule_autosave   (IccWindow  *self);

/* icc-window-edit.c */
void       _icc_window_edit_add_actions    (IccWindow *self);
void       _icc_window_edit_set_dataset    (IccWindow *self);
void       _icc_window_edit_update_actions (IccWindow *self);
gboolean   _icc_window_edit_close_request  (IccWindow *self);
void       _icc_window_edit_saved          (IccWindow *self,
                                            GFile     *old_file);
void       _icc_window_edit_dispose        (IccWindow *self);
/* Every edit of the window's dataset goes through here (and so into its
 * undo history); FALSE with @error when the dataset refuses it. */
gboolean   icc_window_perform        (IccWindow   *self,
                                      IccEdit     *edit,
                                      GError     **error);
IccHistory *icc_window_get_history   (IccWindow   *self);
/* Opens the event editor: on @event, or for a new event from @prefill
 * (either may be NULL). */
GtkWidget *icc_window_open_event_editor (IccWindow *self,
                                         IccEvent  *event,
                                         IccEvent  *prefill);
/* win.cite-selection: the dialog opened on the reader's selection, or NULL
 * (nothing selected, or a message said why not). */
GtkWidget *icc_window_cite_selection (IccWindow   *self);
/* win.edit-article: the editor opened on the reader's article, or NULL. */
GtkWidget *icc_window_edit_article   (IccWindow   *self);
/* win.import-article once its chooser returned @file (for tests). */
void       icc_window_import_article (IccWindow   *self,
                                      GFile       *file);
/* Writes the recovery file of unsaved edits now (it is otherwise written
 * two to eight seconds after a change). */
void       icc_window_write_recovery (IccWindow   *self);
/* Asks whether to restore the newest unsaved edits a crashed session left;
 * FALSE when there are none. */
gboolean   icc_window_offer_recovery (IccWindow   *self);
/* Loads what @entry holds into the window, as unsaved changes. */
void       icc_window_restore_recovery (IccWindow              *self,
                                        const IccRecoveryEntry *entry);

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

/* icc-window-map.c: the List | Map switcher (issue 14) */
void       _icc_window_map_init      (IccWindow   *self);

G_END_DECLS
