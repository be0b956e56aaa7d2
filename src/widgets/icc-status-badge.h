/* icc-status-badge.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "icc-types.h"

G_BEGIN_DECLS

#define ICC_TYPE_STATUS_BADGE (icc_status_badge_get_type ())

G_DECLARE_FINAL_TYPE (IccStatusBadge, icc_status_badge, ICC, STATUS_BADGE, GtkWidget)

/* A coloured dot in the status palette of style.css (.status-party, …) and
 * the status in words. */
GtkWidget *icc_status_badge_new        (void);
IccStatus  icc_status_badge_get_status (IccStatusBadge *self);
void       icc_status_badge_reserve_widest (IccStatusBadge *self);
void       icc_status_badge_set_status (IccStatusBadge *self,
                                        IccStatus       status);
/* The certainty of the event that set the status: when it is less than
 * confirmed, a mark after the status ("*" or "?") and a tooltip (also the
 * accessible description) with the certainty and @note. */
void       icc_status_badge_set_certainty (IccStatusBadge *self,
                                           IccCertainty    certainty,
                                           const char     *note);

/* The CSS class of a status ("status-party"), shared with the timeline. */
const char *icc_status_get_css_class   (IccStatus       status);

G_END_DECLS
