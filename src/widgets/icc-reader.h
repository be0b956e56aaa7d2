/* icc-reader.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "icc-dataset.h"
#include "icc-focus.h"

G_BEGIN_DECLS

#define ICC_TYPE_READER (icc_reader_get_type ())

G_DECLARE_FINAL_TYPE (IccReader, icc_reader, ICC, READER, GtkWidget)

/* The article reader. Shows focus.article with every citation of it
 * highlighted (tag "citation", or "disputes" for the disputes stance), the
 * citations of focus.event emphasised (tag "emphasis") and find matches
 * (tag "match"). When focus.event changes it opens the article of the
 * event's preferred citation (icc_event_get_preferred_citation(): the open
 * one if the event cites it) and
 * scrolls to focus.citation. Clicking a highlight sets focus.event and
 * focus.citation. */
GtkWidget   *icc_reader_new             (void);
IccDataset  *icc_reader_get_dataset     (IccReader  *self);
void         icc_reader_set_dataset     (IccReader  *self,
                                         IccDataset *dataset);
IccFocus    *icc_reader_get_focus       (IccReader  *self);
void         icc_reader_set_focus       (IccReader  *self,
                                         IccFocus   *focus);
gboolean     icc_reader_get_search_mode (IccReader  *self);
void         icc_reader_set_search_mode (IccReader  *self,
                                         gboolean    search_mode);
/* The text view, for tests and accessibility. */
GtkTextView *icc_reader_get_text_view   (IccReader  *self);
/* Citations of the open article that could not be anchored. */
guint        icc_reader_get_n_orphans   (IccReader  *self);
/* Sets focus.event and focus.citation to the citation covering @offset (in
 * characters) of the open article, as a click there does. Returns FALSE when
 * no citation covers it. */
gboolean     icc_reader_activate_offset (IccReader  *self,
                                         int         offset);

G_END_DECLS
