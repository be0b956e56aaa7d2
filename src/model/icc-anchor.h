/* icc-anchor.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  ICC_ANCHOR_NONE,         /* Not found: the citation is an orphan. */
  ICC_ANCHOR_HINT,         /* The offset hint holds the quote. */
  ICC_ANCHOR_EXACT,        /* The quote occurs verbatim (prefix/suffix chose among copies). */
  ICC_ANCHOR_APPROXIMATE,  /* Whitespace/punctuation-tolerant match, above the minimum score. */
} IccAnchorMethod;

/* An article's text prepared for resolving many citations in it: what
 * every citation would otherwise recompute from the text (its validation,
 * where its characters are, its normalized letters and digits) is computed
 * once, the costly parts on first use. It points into the text, which must
 * outlive it and not change. */
typedef struct _IccAnchorText IccAnchorText;

/* What the citations of one indexing may spend in all, so that a file of
 * any number of citations is anchored in bounded time and memory (see
 * icc-anchor.c for the units and the bounds). A citation whose step finds
 * its pool spent skips the step: past the exact pool, only hints anchor;
 * past the approximate pool, only hints and exact matches do. The others
 * are orphans. */
typedef struct
{
  gint64 exact;        /* Work left for exact matching. */
  gint64 approximate;  /* Work left for approximate matching. */
  gint64 memory;       /* Bytes left for normalized texts kept from one citation to the next. */
} IccAnchorBudget;

void             icc_anchor_budget_init (IccAnchorBudget *budget);

IccAnchorText   *icc_anchor_text_new    (const char      *text);
void             icc_anchor_text_free   (IccAnchorText   *self);

/* Finds @quote in the prepared @text. Offsets are in characters (Unicode
 * code points), end exclusive; @hint_start/@hint_end are -1 when absent.
 * @budget, if not NULL, is charged for the work done and limits it; with
 * a NULL @budget, or one not spent, the results are those of
 * icc_anchor_resolve(). */
IccAnchorMethod  icc_anchor_resolve_in  (IccAnchorText   *text,
                                         IccAnchorBudget *budget,
                                         const char      *quote,
                                         const char      *prefix,
                                         const char      *suffix,
                                         int              hint_start,
                                         int              hint_end,
                                         int             *out_start,
                                         int             *out_end);

/* Finds @quote in @text, as icc_anchor_resolve_in() on @text prepared for
 * this one call, without a budget. The hint and exact matching take time
 * linear in the text (plus the quote and its context); approximate
 * matching has a fixed budget per call, past which the citation is not
 * found (see icc-anchor.c). */
IccAnchorMethod  icc_anchor_resolve     (const char      *text,
                                         const char      *quote,
                                         const char      *prefix,
                                         const char      *suffix,
                                         int              hint_start,
                                         int              hint_end,
                                         int             *out_start,
                                         int             *out_end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IccAnchorText, icc_anchor_text_free)

G_END_DECLS
