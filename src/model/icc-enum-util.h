/* icc-enum-util.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "icc-enums.h"
#include "icc-types.h"

G_BEGIN_DECLS

/* JSON nicks <-> values for any enum type registered by mkenums. */
gboolean      icc_enum_from_nick        (GType         enum_type,
                                         const char   *nick,
                                         int          *value);
const char   *icc_enum_to_nick          (GType         enum_type,
                                         int           value);
char         *icc_enum_list_nicks       (GType         enum_type);

gboolean      icc_event_kind_is_membership (IccEventKind  kind);
IccLane       icc_event_kind_get_lane      (IccEventKind  kind);
const char   *icc_event_kind_get_label     (IccEventKind  kind);
const char   *icc_status_get_label         (IccStatus     status);
const char   *icc_certainty_get_label      (IccCertainty  certainty);
/* The mark shown after a status whose event is less than confirmed: "" when
 * confirmed, "*" for a single source, "?" when disputed or unverified. */
const char   *icc_certainty_get_mark       (IccCertainty  certainty);
const char   *icc_stance_get_label         (IccStance     stance);
const char   *icc_lane_get_label           (IccLane       lane);

/* The transition table of DESIGN §1: the status a state reaches when an event
 * of @kind happens to it while it has status @from. Returns FALSE if the event
 * does not fit. @before_ratification is the status the state had before its
 * instrument was deposited (for an accession withdrawn before entry into force). */
gboolean      icc_status_apply             (IccStatus     from,
                                            IccEventKind  kind,
                                            IccStatus     before_ratification,
                                            IccStatus    *to);

G_END_DECLS
