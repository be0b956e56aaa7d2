/* icc-dataset.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "icc-article.h"
#include "icc-citation.h"
#include "icc-date.h"
#include "icc-era.h"
#include "icc-event.h"
#include "icc-state.h"
#include "icc-tour.h"
#include "icc-types.h"

G_BEGIN_DECLS

#define ICC_TYPE_DATASET (icc_dataset_get_type ())

G_DECLARE_FINAL_TYPE (IccDataset, icc_dataset, ICC, DATASET, GObject)

/* One step of a state's history: from @day on it has @status because of @event. */
typedef struct
{
  gint32     day;
  IccStatus  status;
  IccEvent  *event;
} IccTransition;

/* What an event does to one state's status (icc_dataset_check_event()). */
typedef struct
{
  IccState  *state;
  IccStatus  before;
  IccStatus  after;
  gint32     day;
} IccStatusEffect;

/* Called by icc_dataset_index() for each problem it finds. @citation is NULL
 * for problems with an event as a whole. */
typedef void (*IccDatasetReportFunc) (IccEvent    *event,
                                      IccCitation *citation,
                                      gboolean     is_error,
                                      const char  *message,
                                      gpointer     user_data);

IccDataset          *icc_dataset_new                  (void);

const char          *icc_dataset_get_title            (IccDataset     *self);
void                 icc_dataset_set_title            (IccDataset     *self,
                                                       const char     *title);
const char          *icc_dataset_get_description      (IccDataset     *self);
void                 icc_dataset_set_description      (IccDataset     *self,
                                                       const char     *description);
/* The file the dataset came from, or NULL (the bundled dataset). */
GFile               *icc_dataset_get_file             (IccDataset     *self);
void                 icc_dataset_set_file             (IccDataset     *self,
                                                       GFile          *file);

/* GListModels of IccArticle, IccState (in file order), IccEvent (sorted with
 * icc_event_compare), IccEra and IccTour. */
GListModel          *icc_dataset_get_articles         (IccDataset     *self);
GListModel          *icc_dataset_get_states           (IccDataset     *self);
GListModel          *icc_dataset_get_events           (IccDataset     *self);
GListModel          *icc_dataset_get_eras             (IccDataset     *self);
GListModel          *icc_dataset_get_tours            (IccDataset     *self);

IccArticle          *icc_dataset_lookup_article       (IccDataset     *self,
                                                       const char     *id);
IccState            *icc_dataset_lookup_state         (IccDataset     *self,
                                                       const char     *code);
IccEvent            *icc_dataset_lookup_event         (IccDataset     *self,
                                                       const char     *id);
IccTour             *icc_dataset_lookup_tour          (IccDataset     *self,
                                                       const char     *id);

/* Building. Adding does not index: call icc_dataset_index() once after. The
 * add functions return FALSE when the id is already taken. */
gboolean             icc_dataset_add_article          (IccDataset     *self,
                                                       IccArticle     *article);
gboolean             icc_dataset_add_state            (IccDataset     *self,
                                                       IccState       *state);
gboolean             icc_dataset_add_event            (IccDataset     *self,
                                                       IccEvent       *event);
void                 icc_dataset_add_era              (IccDataset     *self,
                                                       IccEra         *era);
gboolean             icc_dataset_add_tour             (IccDataset     *self,
                                                       IccTour        *tour);

/* Editing (see IccHistory, which calls these and re-indexes). Events keep
 * their sorted place: icc_dataset_insert_event() puts a new event where
 * icc_event_compare() says, and icc_dataset_event_changed() moves an event
 * whose fields changed and tells the events model. Articles and tours keep
 * the place given, so that undoing a removal restores the file's order.
 * The remove functions return the position the item had, or -1. */
gboolean             icc_dataset_insert_event         (IccDataset     *self,
                                                       IccEvent       *event);
int                  icc_dataset_remove_event         (IccDataset     *self,
                                                       IccEvent       *event);
void                 icc_dataset_event_changed        (IccDataset     *self,
                                                       IccEvent       *event);
gboolean             icc_dataset_insert_article       (IccDataset     *self,
                                                       guint           position,
                                                       IccArticle     *article);
int                  icc_dataset_remove_article       (IccDataset     *self,
                                                       IccArticle     *article);
void                 icc_dataset_article_changed      (IccDataset     *self,
                                                       IccArticle     *article);
gboolean             icc_dataset_insert_tour          (IccDataset     *self,
                                                       guint           position,
                                                       IccTour        *tour);
int                  icc_dataset_remove_tour          (IccDataset     *self,
                                                       IccTour        *tour);
/* An id not yet used by an article, event or tour: @base made lowercase
 * ASCII letters, digits and '-', with "-2", "-3"… appended when taken. */
char                *icc_dataset_make_unique_id       (IccDataset     *self,
                                                       const char     *base);

/* Sorts events, resolves citations to articles and anchors them, and builds
 * each state's transitions. Every event that does not fit the transition
 * table, refers to an unknown state, or has a citation of an unknown article
 * is an error; a citation that cannot be anchored is a warning. Returns FALSE
 * if there was an error. */
gboolean             icc_dataset_index                (IccDataset          *self,
                                                       IccDatasetReportFunc report,
                                                       gpointer             user_data);

/* Whether giving the dataset @draft (a new event, or the new version of
 * @replaced) keeps every state's history within the transition table, and
 * what it does to statuses: see icc-dataset-check.c. */
gboolean             icc_dataset_check_event          (IccDataset     *self,
                                                       IccEvent       *draft,
                                                       IccEvent       *replaced,
                                                       GArray        **effects,
                                                       GError        **error);

/* The state's transitions in date order (not owned; valid until the dataset
 * changes). */
const IccTransition *icc_dataset_get_transitions      (IccDataset     *self,
                                                       IccState       *state,
                                                       guint          *n_transitions);
/* Status of @state on @date (its first day), by binary search. @since, if not
 * NULL, receives the event that gave that status (NULL for "none"). */
IccStatus            icc_dataset_status_at            (IccDataset     *self,
                                                       IccState       *state,
                                                       const IccDate  *date,
                                                       IccEvent      **since);
IccStatus            icc_dataset_status_at_day        (IccDataset     *self,
                                                       IccState       *state,
                                                       gint32          day,
                                                       IccEvent      **since);
/* Events involving the state, in date order (new array, elements not owned). */
GPtrArray           *icc_dataset_get_state_events     (IccDataset     *self,
                                                       IccState       *state);
/* Citations of an article, in text order (new array, elements not owned). */
GPtrArray           *icc_dataset_get_article_citations (IccDataset    *self,
                                                        IccArticle    *article);
/* Distinct days on which some state's status changes, ascending. */
GArray              *icc_dataset_get_change_days      (IccDataset     *self);
/* Index in the events model of the first event whose first day is >= @day
 * (binary search); the number of events if there is none. */
guint                icc_dataset_find_event_at_day    (IccDataset     *self,
                                                       gint32          day);

/* Top-level fields of the file this version does not know. */
JsonObject          *icc_dataset_get_extra            (IccDataset     *self);
void                 icc_dataset_set_extra            (IccDataset     *self,
                                                       JsonObject     *extra);

G_END_DECLS
