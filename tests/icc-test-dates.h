/* icc-test-dates.h: dates in tests, GLib only.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

/* The day number (as IccDate and the timeline count days: the Julian day of
 * GDate) of day @d of month @m of year @y. */
static inline gint32
dmy (int d,
     int m,
     int y)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);

  return (gint32)g_date_get_julian (&date);
}
