/* icc-country-names.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "icc-dataset.h"

G_BEGIN_DECLS

/* The name of the state with ISO 3166-1 alpha-2 @code in the user's language,
 * from iso-codes' "iso_3166-1" gettext domain, or NULL when iso-codes has no
 * translation for it (the caller keeps the dataset's English name). GLib only:
 * the command line uses it too. */
const char *icc_country_names_lookup (const char *code,
                                      const char *english_name);

/* "Russie, Fédération de" → "Fédération de Russie"; other names as they are. */
char       *icc_country_names_reading_order (const char *name);

/* Sets the display name of every state of @dataset. */
void        icc_country_names_apply  (IccDataset *dataset);

G_END_DECLS
