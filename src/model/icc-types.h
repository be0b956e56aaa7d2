/* icc-types.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _IccArticle  IccArticle;
typedef struct _IccCitation IccCitation;
typedef struct _IccDataset  IccDataset;
typedef struct _IccEra      IccEra;
typedef struct _IccEvent    IccEvent;
typedef struct _IccFocus    IccFocus;
typedef struct _IccState    IccState;
typedef struct _IccTour     IccTour;
typedef struct _IccWorld    IccWorld;
typedef struct _IccWorldRow IccWorldRow;

/* A state's relationship with the Rome Statute on one day. The JSON nicks
 * are generated from the value names by mkenums: ICC_STATUS_PARTY is "party". */
typedef enum
{
  ICC_STATUS_NONE,
  ICC_STATUS_SIGNATORY,
  ICC_STATUS_RATIFIED,
  ICC_STATUS_PARTY,
  ICC_STATUS_WITHDRAWING,
  ICC_STATUS_WITHDRAWN,
  ICC_STATUS_UNSIGNED,
} IccStatus;

#define ICC_N_STATUSES (ICC_STATUS_UNSIGNED + 1)

typedef enum
{
  /* Membership kinds: they change a state's status. */
  ICC_EVENT_KIND_SIGNATURE,
  ICC_EVENT_KIND_RATIFICATION,
  ICC_EVENT_KIND_ACCESSION,
  ICC_EVENT_KIND_ENTRY_INTO_FORCE,
  ICC_EVENT_KIND_WITHDRAWAL_NOTICE,
  ICC_EVENT_KIND_WITHDRAWAL_EFFECTIVE,
  ICC_EVENT_KIND_WITHDRAWAL_REVOKED,
  ICC_EVENT_KIND_SIGNATURE_WITHDRAWN,
  /* Court actions. */
  ICC_EVENT_KIND_ADOPTION,
  ICC_EVENT_KIND_INVESTIGATION,
  ICC_EVENT_KIND_PRELIMINARY_EXAMINATION,
  ICC_EVENT_KIND_REPORT,
  ICC_EVENT_KIND_WARRANT,
  ICC_EVENT_KIND_VERDICT,
  /* Political statements and context. */
  ICC_EVENT_KIND_STATEMENT,
  ICC_EVENT_KIND_OTHER,
} IccEventKind;

#define ICC_N_EVENT_KINDS (ICC_EVENT_KIND_OTHER + 1)

/* The three lanes of the timeline. */
typedef enum
{
  ICC_LANE_MEMBERSHIP,
  ICC_LANE_COURT,
  ICC_LANE_POLITICS,
} IccLane;

#define ICC_N_LANES (ICC_LANE_POLITICS + 1)

typedef enum
{
  ICC_CERTAINTY_CONFIRMED,
  ICC_CERTAINTY_SINGLE_SOURCE,
  ICC_CERTAINTY_DISPUTED,
  ICC_CERTAINTY_UNVERIFIED,
} IccCertainty;

typedef enum
{
  ICC_STANCE_REPORTS,
  ICC_STANCE_DISPUTES,
  ICC_STANCE_CONTEXT,
} IccStance;

typedef enum
{
  ICC_DATE_PRECISION_NONE,
  ICC_DATE_PRECISION_YEAR,
  ICC_DATE_PRECISION_MONTH,
  ICC_DATE_PRECISION_DAY,
} IccDatePrecision;

G_END_DECLS
