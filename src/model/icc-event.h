/* icc-event.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "icc-citation.h"
#include "icc-date.h"
#include "icc-types.h"

G_BEGIN_DECLS

#define ICC_TYPE_EVENT (icc_event_get_type ())

G_DECLARE_FINAL_TYPE (IccEvent, icc_event, ICC, EVENT, GObject)

IccEvent            *icc_event_new                (const char          *id,
                                                   IccEventKind         kind,
                                                   const IccDate       *date);
const char          *icc_event_get_id             (IccEvent            *self);
IccEventKind         icc_event_get_kind           (IccEvent            *self);
IccLane              icc_event_get_lane           (IccEvent            *self);
void                 icc_event_set_kind           (IccEvent            *self,
                                                   IccEventKind         kind);
const IccDate       *icc_event_get_date           (IccEvent            *self);
void                 icc_event_set_date           (IccEvent            *self,
                                                   const IccDate       *date);
/* The end of a period (e.g. a five-day war); unset for a single date. */
const IccDate       *icc_event_get_end_date       (IccEvent            *self);
void                 icc_event_set_end_date       (IccEvent            *self,
                                                   const IccDate       *end_date);
/* First and last day the event covers, for drawing and searching. */
gint32               icc_event_get_day            (IccEvent            *self);
gint32               icc_event_get_end_day        (IccEvent            *self);
const char          *icc_event_get_title          (IccEvent            *self);
void                 icc_event_set_title          (IccEvent            *self,
                                                   const char          *title);
const char          *icc_event_get_summary        (IccEvent            *self);
void                 icc_event_set_summary        (IccEvent            *self,
                                                   const char          *summary);
/* ISO 3166-1 alpha-2 codes of the states involved. */
const char * const  *icc_event_get_states         (IccEvent            *self);
void                 icc_event_set_states         (IccEvent            *self,
                                                   const char * const  *states);
gboolean             icc_event_involves_state     (IccEvent            *self,
                                                   const char          *code);
const char * const  *icc_event_get_sources        (IccEvent            *self);
void                 icc_event_set_sources        (IccEvent            *self,
                                                   const char * const  *sources);
IccCertainty         icc_event_get_certainty      (IccEvent            *self);
void                 icc_event_set_certainty      (IccEvent            *self,
                                                   IccCertainty         certainty);
const char          *icc_event_get_certainty_note (IccEvent            *self);
void                 icc_event_set_certainty_note (IccEvent            *self,
                                                   const char          *note);
/* A GListModel of IccCitation. */
GListModel          *icc_event_get_citations      (IccEvent            *self);
IccCitation         *icc_event_get_preferred_citation (IccEvent      *self,
                                                       IccArticle    *open_article);
guint                icc_event_get_n_citations    (IccEvent            *self);
void                 icc_event_add_citation       (IccEvent            *self,
                                                   IccCitation         *citation);
/* For editing: inserts at @position (at most the number of citations);
 * removing returns the position the citation had, or -1. */
void                 icc_event_insert_citation    (IccEvent            *self,
                                                   guint                position,
                                                   IccCitation         *citation);
int                  icc_event_remove_citation    (IccEvent            *self,
                                                   IccCitation         *citation);
/* Copies what the user edits (kind, dates, title, summary, states, sources,
 * certainty and its note) from @source; not the id, citations or extra
 * fields. A new event with the same fields holds a version for undo. */
void                 icc_event_copy_fields        (IccEvent            *self,
                                                   IccEvent            *source);
gboolean             icc_event_fields_equal       (IccEvent            *a,
                                                   IccEvent            *b);
JsonObject          *icc_event_get_extra          (IccEvent            *self);
void                 icc_event_set_extra          (IccEvent            *self,
                                                   JsonObject          *extra);

/* Order of the timeline: by first day, then by the order membership events
 * happen on one day, then by id. */
int                  icc_event_compare            (IccEvent            *a,
                                                   IccEvent            *b);

G_END_DECLS
