/* icc-dataset-private.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* IccDataset is split in two: icc-dataset.c (the object, its lists and
 * lookups) and icc-dataset-index.c (the index built by icc_dataset_index():
 * transitions replayed per state, statuses on a day, anchored citations). */

#include "icc-dataset.h"

G_BEGIN_DECLS

/* Where a state is while its events are replayed. */
typedef struct
{
  IccStatus status;
  IccStatus before_ratification;
} Walk;

struct _IccDataset
{
  GObject      parent_instance;

  char        *title;
  char        *description;
  GFile       *file;
  JsonObject  *extra;

  GListStore  *articles;
  GListStore  *states;
  IccArrayModel *events;             /* sorted by icc_dataset_index() */
  GListStore  *eras;
  GListStore  *tours;

  GHashTable  *article_by_id;
  GHashTable  *state_by_code;
  GHashTable  *event_by_id;
  GHashTable  *tour_by_id;

  /* Built by icc_dataset_index(). */
  GPtrArray   *sorted_events;        /* IccEvent, not owned */
  GHashTable  *transitions;          /* IccState -> GArray of IccTransition */
  GHashTable  *state_events;         /* IccState -> GPtrArray of IccEvent */
  GHashTable  *article_citations;    /* IccArticle -> GPtrArray of IccCitation */
  GArray      *change_days;
};

void _icc_dataset_emit_indexed (IccDataset *self);

G_END_DECLS
