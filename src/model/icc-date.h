/* icc-date.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "icc-types.h"

G_BEGIN_DECLS

#define ICC_DATE_ERROR (icc_date_error_quark ())

typedef enum
{
  ICC_DATE_ERROR_INVALID,
} IccDateError;

/* A partial calendar date: a year, a month of a year or a day. A month or day
 * of 0 means "not given". An all-zero IccDate is "no date". */
typedef struct
{
  gint16 year;
  guint8 month;
  guint8 day;
} IccDate;

#define ICC_TYPE_DATE (icc_date_get_type ())

GType             icc_date_get_type      (void);
GQuark            icc_date_error_quark   (void);

IccDate          *icc_date_copy          (const IccDate *date);
void              icc_date_free          (IccDate       *date);

gboolean          icc_date_parse         (const char    *text,
                                          IccDate       *out,
                                          GError       **error);
/* A date as a person types it (see icc-date.c); empty: unset. */
gboolean          icc_date_parse_user    (const char    *text,
                                          IccDate       *out,
                                          GError       **error);
gboolean          icc_date_init          (IccDate       *date,
                                          int            year,
                                          int            month,
                                          int            day);
void              icc_date_clear         (IccDate       *date);
gboolean          icc_date_is_set        (const IccDate *date);
IccDatePrecision  icc_date_get_precision (const IccDate *date);
int               icc_date_compare       (const IccDate *a,
                                          const IccDate *b);
gboolean          icc_date_equal         (const IccDate *a,
                                          const IccDate *b);
char             *icc_date_to_iso        (const IccDate *date);
char             *icc_date_format        (const IccDate *date);

/* Day numbers count days from 0001-01-01 (day 1), as GDate's Julian days.
 * get_day is the first day of the period, get_end_day its last. */
gint32            icc_date_get_day       (const IccDate *date);
gint32            icc_date_get_end_day   (const IccDate *date);
void              icc_date_init_from_day (IccDate       *date,
                                          gint32         day);
void              icc_date_init_today    (IccDate       *date);
/* @date's first day moved by @days, @months and @years (a month's last day
 * when the day does not exist there). */
void              icc_date_add           (const IccDate *date,
                                          int            days,
                                          int            months,
                                          int            years,
                                          IccDate       *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IccDate, icc_date_free)

G_END_DECLS
