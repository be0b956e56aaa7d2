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

/* Finds @quote in @text. Offsets are in characters (Unicode code points), end
 * exclusive; @hint_start/@hint_end are -1 when absent. The hint and exact
 * matching take time linear in the text (plus the quote and its context);
 * approximate matching has a fixed budget, past which the citation is not
 * found (see icc-anchor.c). */
IccAnchorMethod icc_anchor_resolve (const char *text,
                                    const char *quote,
                                    const char *prefix,
                                    const char *suffix,
                                    int         hint_start,
                                    int         hint_end,
                                    int        *out_start,
                                    int        *out_end);

G_END_DECLS
