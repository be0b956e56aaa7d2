/* icc-citation.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "icc-types.h"

G_BEGIN_DECLS

#define ICC_TYPE_CITATION (icc_citation_get_type ())

G_DECLARE_FINAL_TYPE (IccCitation, icc_citation, ICC, CITATION, GObject)

/* A passage of an article that reports an event, anchored the way the W3C Web
 * Annotation model does: an exact quote, optional prefix/suffix and an offset
 * hint. The resolved range (in characters) is set by the dataset. */
IccCitation  *icc_citation_new            (const char   *article_id,
                                           const char   *quote);
/* A citation of the characters @start to @end (end exclusive) of
 * @article's text, for "Cite…" on a selection: white space at either end is
 * left out, the quote gets enough context before and after (prefix and
 * suffix) to be found again without its offsets, and the offsets as a hint.
 * It is checked with the loader's anchoring: G_IO_ERROR_INVALID_ARGUMENT
 * when nothing but white space is selected, or the passage would not anchor
 * back to the same place. */
IccCitation  *icc_citation_new_for_range  (IccArticle   *article,
                                           int           start,
                                           int           end,
                                           GError      **error);
const char   *icc_citation_get_article_id (IccCitation  *self);
const char   *icc_citation_get_quote      (IccCitation  *self);
const char   *icc_citation_get_prefix     (IccCitation  *self);
void          icc_citation_set_prefix     (IccCitation  *self,
                                           const char   *prefix);
const char   *icc_citation_get_suffix     (IccCitation  *self);
void          icc_citation_set_suffix     (IccCitation  *self,
                                           const char   *suffix);
/* The offset hint from the file, -1 when absent. */
int           icc_citation_get_hint_start (IccCitation  *self);
int           icc_citation_get_hint_end   (IccCitation  *self);
void          icc_citation_set_hint       (IccCitation  *self,
                                           int           start,
                                           int           end);
IccStance     icc_citation_get_stance     (IccCitation  *self);
void          icc_citation_set_stance     (IccCitation  *self,
                                           IccStance     stance);
/* The passage is in a reader's comment under the article, not in the
 * article's body ("part": "comment"): labelled as such wherever shown, and
 * never an event's first citation while it has another. */
gboolean      icc_citation_get_comment    (IccCitation  *self);
void          icc_citation_set_comment    (IccCitation  *self,
                                           gboolean      comment);
const char   *icc_citation_get_note       (IccCitation  *self);
void          icc_citation_set_note       (IccCitation  *self,
                                           const char   *note);

/* Resolved anchor: TRUE and the character range when anchored. */
gboolean      icc_citation_get_anchor     (IccCitation  *self,
                                           int          *start,
                                           int          *end);
void          icc_citation_set_anchor     (IccCitation  *self,
                                           int           start,
                                           int           end);
void          icc_citation_clear_anchor   (IccCitation  *self);
gboolean      icc_citation_is_anchored    (IccCitation  *self);

/* The event that holds this citation (not a reference) and its article. */
IccEvent     *icc_citation_get_event      (IccCitation  *self);
IccArticle   *icc_citation_get_article    (IccCitation  *self);
void          icc_citation_set_article    (IccCitation  *self,
                                           IccArticle   *article);

JsonObject   *icc_citation_get_extra      (IccCitation  *self);
void          icc_citation_set_extra      (IccCitation  *self,
                                           JsonObject   *extra);

G_END_DECLS
