/* icc-presentation.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "icc-dataset.h"
#include "icc-focus.h"
#include "icc-player.h"

G_BEGIN_DECLS

#define ICC_TYPE_PRESENTATION (icc_presentation_get_type ())

G_DECLARE_FINAL_TYPE (IccPresentation, icc_presentation, ICC, PRESENTATION, GtkWindow)

/* The tour id that stands for "All events in date order". */
#define ICC_PRESENTATION_ALL_EVENTS "all"

typedef enum
{
  ICC_PRESENTATION_BLANK_NONE,
  ICC_PRESENTATION_BLANK_BLACK,
  ICC_PRESENTATION_BLANK_WHITE,
} IccPresentationBlank;

/* What Play plays (issue 16): the tour's dates (from its first step to its
 * last; every change for all events), the timeline's visible range, every
 * change of the dataset, or the dates given. */
typedef enum
{
  ICC_PRESENTATION_PERIOD_TOUR,
  ICC_PRESENTATION_PERIOD_VISIBLE,
  ICC_PRESENTATION_PERIOD_ALL,
  ICC_PRESENTATION_PERIOD_CHOSEN,
} IccPresentationPeriod;

/* Presentation mode: a fullscreen window showing one step of a tour at a
 * time (the timeline around it, the event's card, its first cited passage
 * and the world-state counts on its date), driven by the keys presenter
 * clickers send. It writes the shared @focus while it runs; leaving (Esc,
 * or closing it) gives back the date, the selection and the opener's
 * timeline view it found.
 *
 * Actions (and their keys): presentation.next (Right, Down, Page Down, space,
 * Return, KP_Enter), presentation.previous (Left, Up, Page Up, BackSpace),
 * presentation.first (Home), presentation.last (End), presentation.blank
 * (b, period: black and back), presentation.blank-white (w),
 * presentation.notes (n), presentation.play (p: play through time),
 * presentation.leave (Escape). */
IccPresentation      *icc_presentation_new          (GtkApplication  *app,
                                                     IccDataset      *dataset,
                                                     IccFocus        *focus);
/* Shows the window fullscreen on step 1 of the tour (NULL: the last tour
 * used, else the bundled "russia-2016" tour, else the first tour, else all
 * events; ICC_PRESENTATION_ALL_EVENTS: all events in date order). Presenter
 * notes go to a second window when the display has another monitor. */
void                  icc_presentation_start        (IccPresentation *self,
                                                     const char      *tour_id);
/* The window the presentation was opened from (by default the
 * application's active window): the presenter's monitor, and the date,
 * selection and timeline view that leaving gives back. Before start. */
void                  icc_presentation_set_opener   (IccPresentation *self,
                                                     GtkWindow       *opener);
/* Chooses a tour without showing the window. Returns FALSE for an unknown id. */
gboolean              icc_presentation_set_tour     (IccPresentation *self,
                                                     const char      *tour_id);
/* The id of the tour shown, or ICC_PRESENTATION_ALL_EVENTS. */
const char           *icc_presentation_get_tour     (IccPresentation *self);
IccDataset           *icc_presentation_get_dataset  (IccPresentation *self);
IccFocus             *icc_presentation_get_focus    (IccPresentation *self);
IccPlayer            *icc_presentation_get_player   (IccPresentation *self);
/* 0-based step and number of steps of the tour. */
guint                 icc_presentation_get_step     (IccPresentation *self);
guint                 icc_presentation_get_n_steps  (IccPresentation *self);
void                  icc_presentation_set_step     (IccPresentation *self,
                                                     guint            step);
IccPresentationBlank  icc_presentation_get_blank    (IccPresentation *self);
/* The period Play plays; @start and @end only for
 * ICC_PRESENTATION_PERIOD_CHOSEN (NULL: from the first change, to the
 * last). The period popover shows it. */
void                  icc_presentation_set_play_period (IccPresentation       *self,
                                                        IccPresentationPeriod  period,
                                                        const IccDate         *start,
                                                        const IccDate         *end);
IccPresentationPeriod icc_presentation_get_play_period (IccPresentation       *self);
gboolean              icc_presentation_get_notes_visible (IccPresentation *self);
/* The monitor the slides go to: the first of @monitors (GdkMonitor) that is
 * not @home, the presenter's; NULL when there is no other. With @home NULL
 * or not among them, the first monitor is taken as the presenter's.
 * Transfer full. */
GdkMonitor           *icc_presentation_choose_monitor (GListModel *monitors,
                                                       GdkMonitor *home);
/* The monitors to choose from instead of the display's, before start; NULL
 * for the display's. For tests: a virtual display (Xvfb) shows GDK a single
 * monitor, whatever RandR is told. */
void                  icc_presentation_set_monitors (IccPresentation *self,
                                                     GListModel      *monitors);
/* What start chose: the slides' monitor and the presenter's, where the
 * notes window went; both NULL with one monitor. */
GdkMonitor           *icc_presentation_get_slides_monitor (IccPresentation *self);
GdkMonitor           *icc_presentation_get_notes_monitor (IccPresentation *self);
/* The presenter-notes window, NULL with one monitor. */
GtkWindow            *icc_presentation_get_notes_window (IccPresentation *self);
/* The key bindings (a GListModel of GtkShortcut), for tests and the
 * shortcuts window. */
GListModel           *icc_presentation_get_shortcuts (IccPresentation *self);

G_END_DECLS
