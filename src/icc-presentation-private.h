/* icc-presentation-private.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "icc-presentation.h"
#include "icc-presenter-notes.h"
#include "icc-timeline.h"
#include "icc-world.h"

G_BEGIN_DECLS

/* The window in six files, as gnome-text-editor splits its window:
 * icc-presentation.c (the object, its construction and API),
 * icc-presentation-card.c (what the slides say: the step card, the time
 * page, the counts, the notes, the progress), icc-presentation-fit.c (the
 * card's type fitted to the screen, a step in two slides when it must), icc-presentation-tour.c (the
 * tour, its steps and stepping through them), icc-presentation-play.c
 * (playing through time) and icc-presentation-actions.c (the actions and
 * their keys, the presenter-notes window they reach too). */

/* The least and most the timeline shows around the current event, in days. */
#define MIN_HALF_SPAN 180.0
#define MAX_HALF_SPAN (20 * 365.25)

typedef struct
{
  IccEvent   *event;
  const char *title;   /* owned by the tour */
  const char *note;    /* owned by the tour */
  IccTourView view;
} Step;

struct _IccPresentation
{
  GtkWindow             parent_instance;

  /* Template widgets */
  GtkWidget            *content;
  GtkDropDown          *tour_dropdown;
  GtkButton            *play_button;
  GtkMenuButton        *period_button;
  GtkCheckButton       *period_tour_check;
  GtkCheckButton       *period_visible_check;
  GtkCheckButton       *period_all_check;
  GtkCheckButton       *period_chosen_check;
  GtkWidget            *period_dates_box;
  GtkEditable          *period_start_entry;
  GtkEditable          *period_end_entry;
  GtkLabel             *period_error_label;
  GtkLabel             *hint_label;
  GtkLabel             *progress_label;
  GtkStack             *view_stack;
  IccTimeline          *timeline;
  GtkWidget            *world_map;
  GtkStack             *stack;
  GtkLabel             *kicker_label;
  GtkLabel             *date_label;
  GtkLabel             *title_label;
  GtkLabel             *meta_label;
  GtkLabel             *change_label;
  GtkWidget            *certainty_box;
  GtkLabel             *certainty_label;
  GtkLabel             *certainty_note_label;
  GtkLabel             *summary_label;
  GtkWidget            *quote_box;
  GtkLabel             *quote_label;
  GtkLabel             *source_label;
  GtkLabel             *continued_label;
  GtkWidget            *event_page;
  GtkLabel             *time_date_label;
  GtkLabel             *time_parties_label;
  GtkLabel             *time_changes_label;
  GtkLabel             *counts_label;
  GtkRevealer          *message_revealer;
  GtkLabel             *message_label;
  GtkWidget            *blank;

  /* Owned */
  IccDataset           *dataset;
  IccFocus             *focus;
  IccWorld             *world;
  IccPlayer            *player;
  GSettings            *settings;
  GPtrArray            *tour_ids;       /* char *, parallel to the drop-down */
  IccTour              *tour;           /* NULL for all events */
  char                 *tour_id;
  GArray               *steps;          /* Step */
  IccPresenterNotes    *notes_window;
  GListModel           *monitors;         /* NULL: the display's */
  GdkMonitor           *slides_monitor;   /* NULL with one monitor */
  GdkMonitor           *notes_monitor;
  GtkShortcutController *shortcuts;

  /* What the teacher left, given back on leaving (Esc). */
  gboolean              have_return;
  IccDate               return_date;
  IccEvent             *return_event;
  IccState             *return_state;
  IccArticle           *return_article;
  IccCitation          *return_citation;
  GtkWindow            *opener;           /* weak */
  IccTimeline          *return_timeline;  /* weak: the opener's */
  double                return_start;
  double                return_end;

  guint                 step;
  IccPresentationPeriod period;
  IccDate               period_start;   /* unset: from the first change */
  IccDate               period_end;     /* unset: to the last */
  IccPresentationBlank  blank_mode;
  guint                 compact_idle_id;
  guint                 fit_idle_id;
  guint                 message_timeout_id;
  guint                 part;           /* of the step, when it needs two slides */
  guint                 n_parts;
  guint                 time_mode : 1;
  guint                 syncing : 1;
  guint                 compact : 1;
  guint                 rezoom : 1;     /* the timeline's width changed */
  int                   fit_height;     /* of the card's viewport at the last fit */
};

/* icc-presentation-card.c */
void        _icc_presentation_update_card         (IccPresentation *self);
void        _icc_presentation_update_time_page    (IccPresentation *self);
void        _icc_presentation_update_counts       (IccPresentation *self);
void        _icc_presentation_update_notes        (IccPresentation *self);
void        _icc_presentation_update_progress     (IccPresentation *self);

/* icc-presentation-fit.c */
void        _icc_presentation_queue_fit           (IccPresentation *self);
void        _icc_presentation_reset_parts         (IccPresentation *self);
void        _icc_presentation_apply_part          (IccPresentation *self);
void        _icc_presentation_check_fit           (IccPresentation *self);
gboolean    _icc_presentation_step_part           (IccPresentation *self,
                                                   int              delta);

/* icc-presentation-tour.c */
const Step *_icc_presentation_current_step        (IccPresentation *self);
void        _icc_presentation_load_tour           (IccPresentation *self,
                                                   const char      *tour_id);
void        _icc_presentation_fill_tours          (IccPresentation *self);
const char *_icc_presentation_default_tour        (IccPresentation *self);
void        _icc_presentation_show_view           (IccPresentation *self);
void        _icc_presentation_zoom_to_step        (IccPresentation *self,
                                                   gboolean         animate);
void        _icc_presentation_show_step           (IccPresentation *self,
                                                   guint            step,
                                                   gboolean         animate);
void        _icc_presentation_focus_event_changed_cb (IccPresentation *self,
                                                      GParamSpec      *pspec,
                                                      IccFocus        *focus);
void        _icc_presentation_class_init_tour     (GtkWidgetClass  *widget_class);

/* icc-presentation-play.c */
void        _icc_presentation_set_time_mode       (IccPresentation *self,
                                                   gboolean         time_mode);
void        _icc_presentation_focus_date_changed_cb (IccPresentation *self,
                                                     GParamSpec      *pspec,
                                                     IccFocus        *focus);
void        _icc_presentation_player_playing_changed_cb (IccPresentation *self,
                                                         GParamSpec      *pspec,
                                                         IccPlayer       *player);

void        _icc_presentation_start_playing       (IccPresentation *self);
void        _icc_presentation_update_period       (IccPresentation *self);
void        _icc_presentation_class_init_play     (GtkWidgetClass  *widget_class);

/* icc-presentation-actions.c */
void        _icc_presentation_class_init_actions  (GtkWidgetClass  *widget_class);
void        _icc_presentation_init_shortcuts      (IccPresentation *self);
void        _icc_presentation_setup_notes_window  (IccPresentation *self,
                                                   GdkMonitor      *monitor);
void        _icc_presentation_show_message        (IccPresentation *self,
                                                   const char      *message);

G_END_DECLS
