/* icc-state.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "icc-types.h"

G_BEGIN_DECLS

#define ICC_TYPE_STATE (icc_state_get_type ())

G_DECLARE_FINAL_TYPE (IccState, icc_state, ICC, STATE, GObject)

/* A state, identified by its ISO 3166-1 alpha-2 code. Its status is not
 * stored here: it is derived from the dataset's events (IccDataset). */
IccState      *icc_state_new        (const char  *code,
                                     const char  *name);
const char    *icc_state_get_code   (IccState    *self);
/* The English name from the dataset. */
const char    *icc_state_get_name   (IccState    *self);
void           icc_state_set_name   (IccState    *self,
                                     const char  *name);
/* The name in the user's language from iso-codes when there is one, else
 * the dataset's name. */
const char    *icc_state_get_display_name (IccState *self);
void           icc_state_set_display_name (IccState *self,
                                           const char *display_name);
/* UN regional group nick: "african", "asia_pacific", "eastern_european",
 * "latin_american_caribbean", "weog"; NULL when unknown. */
const char    *icc_state_get_group  (IccState    *self);
void           icc_state_set_group  (IccState    *self,
                                     const char  *group);
JsonObject    *icc_state_get_extra  (IccState    *self);
void           icc_state_set_extra  (IccState    *self,
                                     JsonObject  *extra);


G_END_DECLS
