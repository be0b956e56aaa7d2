/* icc-focus.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "icc-article.h"
#include "icc-citation.h"
#include "icc-date.h"
#include "icc-event.h"
#include "icc-state.h"

G_BEGIN_DECLS

#define ICC_TYPE_FOCUS (icc_focus_get_type ())

G_DECLARE_FINAL_TYPE (IccFocus, icc_focus, ICC, FOCUS, GObject)

/* What the user is looking at. Views never talk to each other: they read and
 * write this object's properties "date" (ICC_TYPE_DATE), "event", "state",
 * "article" and "citation". Setters notify only on change. */
IccFocus      *icc_focus_new          (void);
const IccDate *icc_focus_get_date     (IccFocus      *self);
void           icc_focus_set_date     (IccFocus      *self,
                                       const IccDate *date);
IccEvent      *icc_focus_get_event    (IccFocus      *self);
/* Sets the event and moves the date to the event's date. */
void           icc_focus_set_event    (IccFocus      *self,
                                       IccEvent      *event);
IccState      *icc_focus_get_state    (IccFocus      *self);
void           icc_focus_set_state    (IccFocus      *self,
                                       IccState      *state);
IccArticle    *icc_focus_get_article  (IccFocus      *self);
void           icc_focus_set_article  (IccFocus      *self,
                                       IccArticle    *article);
IccCitation   *icc_focus_get_citation (IccFocus      *self);
/* Sets the citation and its article. */
void           icc_focus_set_citation (IccFocus      *self,
                                       IccCitation   *citation);

G_END_DECLS
