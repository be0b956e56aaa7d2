/* icc-tour.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "icc-types.h"

G_BEGIN_DECLS

#define ICC_TYPE_TOUR (icc_tour_get_type ())

G_DECLARE_FINAL_TYPE (IccTour, icc_tour, ICC, TOUR, GObject)

/* What a step shows beside its event's card: the timeline around it (the
 * default), or the world map on its date ("view": "map", issue 14). */
typedef enum
{
  ICC_TOUR_VIEW_TIMELINE,
  ICC_TOUR_VIEW_MAP,
} IccTourView;

/* An ordered list of event ids to present, each step with an optional title
 * and a short presenter note. */
IccTour      *icc_tour_new            (const char  *id,
                                       const char  *title);
const char   *icc_tour_get_id         (IccTour     *self);
const char   *icc_tour_get_title      (IccTour     *self);
void          icc_tour_set_title      (IccTour     *self,
                                       const char  *title);
const char   *icc_tour_get_description (IccTour    *self);
void          icc_tour_set_description (IccTour    *self,
                                        const char *description);
guint         icc_tour_get_n_steps    (IccTour     *self);
void          icc_tour_add_step       (IccTour     *self,
                                       const char  *event_id,
                                       const char  *title,
                                       const char  *note);
/* Editing. Each change emits ::steps-changed (position, removed, added). */
void          icc_tour_insert_step    (IccTour     *self,
                                       guint        position,
                                       const char  *event_id,
                                       const char  *title,
                                       const char  *note);
void          icc_tour_remove_step    (IccTour     *self,
                                       guint        position);
void          icc_tour_set_step_text  (IccTour     *self,
                                       guint        position,
                                       const char  *title,
                                       const char  *note);
void          icc_tour_move_step      (IccTour     *self,
                                       guint        from,
                                       guint        to);
const char   *icc_tour_get_step_event (IccTour     *self,
                                       guint        step);
const char   *icc_tour_get_step_title (IccTour     *self,
                                       guint        step);
const char   *icc_tour_get_step_note  (IccTour     *self,
                                       guint        step);
IccTourView   icc_tour_get_step_view  (IccTour     *self,
                                       guint        step);
/* Emits ::steps-changed (position, 1, 1) when the view changes. */
void          icc_tour_set_step_view  (IccTour     *self,
                                       guint        step,
                                       IccTourView  view);
JsonObject   *icc_tour_get_extra      (IccTour     *self);
void          icc_tour_set_extra      (IccTour     *self,
                                       JsonObject  *extra);

G_END_DECLS
