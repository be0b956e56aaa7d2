/* icc-citation-private.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "icc-citation.h"
#include "icc-enums.h"

G_BEGIN_DECLS

/* Called by IccEvent when it adopts the citation. */
void _icc_citation_set_event (IccCitation *self,
                              IccEvent    *event);

G_END_DECLS
