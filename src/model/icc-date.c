/* icc-date.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "icc-date.h"

G_DEFINE_BOXED_TYPE (IccDate, icc_date, icc_date_copy, icc_date_free)
G_DEFINE_QUARK (icc-date-error-quark, icc_date_error)

IccDate *
icc_date_copy (const IccDate *date)
{
  return g_memdup2 (date, sizeof *date);
}

void
icc_date_free (IccDate *date)
{
  g_free (date);
}

void
icc_date_clear (IccDate *date)
{
  memset (date, 0, sizeof *date);
}

gboolean
icc_date_is_set (const IccDate *date)
{
  return date != NULL && date->year != 0;
}

gboolean
icc_date_init (IccDate *date,
               int      year,
               int      month,
               int      day)
{
  g_return_val_if_fail (date != NULL, FALSE);

  icc_date_clear (date);

  if (year < 1 || year > 9999)
    return FALSE;
  if (month < 0 || month > 12)
    return FALSE;
  if (day < 0 || (day > 0 && month == 0))
    return FALSE;
  if (day > 0 && day > g_date_get_days_in_month (month, year))
    return FALSE;

  date->year = year;
  date->month = month;
  date->day = day;

  return TRUE;
}

/* Reads exactly @n_digits ASCII digits. */
static gboolean
read_digits (const char **p,
             guint        n_digits,
             int         *value)
{
  int v = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      v = v * 10 + ((*p)[i] - '0');
    }

  *p += n_digits;
  *value = v;

  return TRUE;
}

gboolean
icc_date_parse (const char  *text,
                IccDate     *out,
                GError     **error)
{
  const char *p = text;
  int year = 0, month = 0, day = 0;
  IccDate date;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    goto invalid;

  if (!read_digits (&p, 4, &year))
    goto invalid;

  if (*p == '-')
    {
      p++;
      if (!read_digits (&p, 2, &month) || month == 0)
        goto invalid;

      if (*p == '-')
        {
          p++;
          if (!read_digits (&p, 2, &day) || day == 0)
            goto invalid;
        }
    }

  if (*p != '\0')
    goto invalid;

  if (!icc_date_init (&date, year, month, day))
    goto invalid;

  *out = date;

  return TRUE;

invalid:
  g_set_error (error, ICC_DATE_ERROR, ICC_DATE_ERROR_INVALID,
               /* Translators: %s is what the file had where a date was expected. */
               _("“%s” is not a valid date (expected YYYY, YYYY-MM or YYYY-MM-DD)"),
               text != NULL ? text : "");
  return FALSE;
}

IccDatePrecision
icc_date_get_precision (const IccDate *date)
{
  if (!icc_date_is_set (date))
    return ICC_DATE_PRECISION_NONE;
  if (date->month == 0)
    return ICC_DATE_PRECISION_YEAR;
  if (date->day == 0)
    return ICC_DATE_PRECISION_MONTH;
  return ICC_DATE_PRECISION_DAY;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * days_from_civil), shifted so that 0001-01-01 is day 1 like GDate's Julian
 * days. */
#define EPOCH_JULIAN 719163

static gint32
days_from_civil (int y,
                 int m,
                 int d)
{
  int era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468 + EPOCH_JULIAN;
}

static void
civil_from_days (gint32  julian,
                 int    *year,
                 int    *month,
                 int    *day)
{
  gint32 z = julian - EPOCH_JULIAN + 719468;
  int era = (z >= 0 ? z : z - 146096) / 146097;
  int doe = z - era * 146097;
  int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int y = yoe + era * 400;
  int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int mp = (5 * doy + 2) / 153;
  int d = doy - (153 * mp + 2) / 5 + 1;
  int m = mp + (mp < 10 ? 3 : -9);

  *year = y + (m <= 2);
  *month = m;
  *day = d;
}

gint32
icc_date_get_day (const IccDate *date)
{
  if (!icc_date_is_set (date))
    return 0;

  return days_from_civil (date->year,
                          date->month > 0 ? date->month : 1,
                          date->day > 0 ? date->day : 1);
}

gint32
icc_date_get_end_day (const IccDate *date)
{
  if (!icc_date_is_set (date))
    return 0;

  if (date->month == 0)
    return days_from_civil (date->year, 12, 31);

  if (date->day == 0)
    return days_from_civil (date->year, date->month,
                            g_date_get_days_in_month (date->month, date->year));

  return icc_date_get_day (date);
}

void
icc_date_init_from_day (IccDate *date,
                        gint32   day)
{
  int y, m, d;

  g_return_if_fail (date != NULL);

  day = CLAMP (day, 1, days_from_civil (9999, 12, 31));
  civil_from_days (day, &y, &m, &d);

  date->year = y;
  date->month = m;
  date->day = d;
}

void
icc_date_init_today (IccDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  icc_date_init (date,
                 g_date_time_get_year (now),
                 g_date_time_get_month (now),
                 g_date_time_get_day_of_month (now));
}

int
icc_date_compare (const IccDate *a,
                  const IccDate *b)
{
  gint32 da = icc_date_get_day (a);
  gint32 db = icc_date_get_day (b);

  if (da != db)
    return da < db ? -1 : 1;

  /* Same first day: the coarser period first ("2016" before "2016-01-01"). */
  return (int)icc_date_get_precision (a) - (int)icc_date_get_precision (b);
}

gboolean
icc_date_equal (const IccDate *a,
                const IccDate *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return a->year == b->year && a->month == b->month && a->day == b->day;
}

char *
icc_date_to_iso (const IccDate *date)
{
  switch (icc_date_get_precision (date))
    {
    case ICC_DATE_PRECISION_YEAR:
      return g_strdup_printf ("%04d", date->year);

    case ICC_DATE_PRECISION_MONTH:
      return g_strdup_printf ("%04d-%02d", date->year, date->month);

    case ICC_DATE_PRECISION_DAY:
      return g_strdup_printf ("%04d-%02d-%02d", date->year, date->month, date->day);

    case ICC_DATE_PRECISION_NONE:
    default:
      return g_strdup ("");
    }
}

char *
icc_date_format (const IccDate *date)
{
  g_autoptr(GDateTime) dt = NULL;

  if (!icc_date_is_set (date))
    return g_strdup ("");

  dt = g_date_time_new_utc (date->year,
                            date->month > 0 ? date->month : 1,
                            date->day > 0 ? date->day : 1,
                            0, 0, 0);
  if (dt == NULL)
    return icc_date_to_iso (date);

  switch (icc_date_get_precision (date))
    {
    case ICC_DATE_PRECISION_YEAR:
      return g_strdup_printf ("%d", date->year);

    case ICC_DATE_PRECISION_MONTH:
      /* Translators: a month and year, as in "November 2016"; see strftime(3),
       * %OB is the month name in the nominative case. */
      return g_date_time_format (dt, _("%OB %Y"));

    case ICC_DATE_PRECISION_DAY:
      /* Translators: a full date, as in "16 November 2016"; see strftime(3). */
      return g_date_time_format (dt, _("%-d %B %Y"));

    case ICC_DATE_PRECISION_NONE:
    default:
      return g_strdup ("");
    }
}

/* "2026", "2026-5", "2026-05-29": a four-digit year and up to two more
 * numbers of one or two digits. Returns how many numbers there were, or 0. */
static guint
scan_numeric_date (const char *text,
                   int         values[3])
{
  const char *p = text;

  for (guint n = 0; n < 3; n++)
    {
      int digits = 0;

      values[n] = 0;
      while (g_ascii_isdigit (*p) && digits < 5)
        {
          values[n] = values[n] * 10 + (*p - '0');
          digits++;
          p++;
        }

      if (digits == 0 || (n == 0 && digits != 4) || (n > 0 && digits > 2))
        return 0;
      if (*p == '\0')
        return n + 1;
      if (*p != '-')
        return 0;
      p++;
    }

  return 0;
}

/**
 * icc_date_parse_user:
 * @text: what a person typed
 * @out: (out): the date; unset for an empty text
 * @error: why @text is not a date, in words for the person
 *
 * Reads a date as typed: the ISO form with the precision typed (2026-05-29,
 * 2026-05, 2026; one-digit months and days too), or a full date in the
 * locale's usual form (GDate's parser) when the year is written out. An empty
 * text is an unset date.
 */
gboolean
icc_date_parse_user (const char  *text,
                     IccDate     *out,
                     GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  int values[3];
  guint n;
  GDate parsed;

  icc_date_clear (out);
  if (*stripped == '\0')
    return TRUE;

  n = scan_numeric_date (stripped, values);
  if (n > 0)
    {
      if (icc_date_init (out, values[0], n > 1 ? values[1] : 0, n > 2 ? values[2] : 0))
        return TRUE;

      icc_date_clear (out);
      if (n > 1 && (values[1] < 1 || values[1] > 12))
        {
          /* Translators: %d is a number typed as the month of a date. */
          g_set_error (error, ICC_DATE_ERROR, ICC_DATE_ERROR_INVALID,
                       _("There is no month %d."), values[1]);
          return FALSE;
        }
      if (n > 2 && icc_date_init (out, values[0], values[1], 0))
        {
          g_autofree char *month = icc_date_format (out);

          icc_date_clear (out);
          /* Translators: "There is no day 30 in February 2026." */
          g_set_error (error, ICC_DATE_ERROR, ICC_DATE_ERROR_INVALID,
                       _("There is no day %d in %s."), values[2], month);
          return FALSE;
        }
    }
  else
    {
      g_date_clear (&parsed, 1);
      g_date_set_parse (&parsed, stripped);
      if (g_date_valid (&parsed))
        {
          g_autofree char *year = g_strdup_printf ("%d", g_date_get_year (&parsed));

          /* GDate fills in the current year, reads "26" as 2026 and "1
           * January" as the year 1: only a year written out in full is what
           * the user meant. */
          if (g_date_get_year (&parsed) >= 1000 && strstr (stripped, year) != NULL &&
              icc_date_init (out, g_date_get_year (&parsed), g_date_get_month (&parsed),
                             g_date_get_day (&parsed)))
            return TRUE;
          icc_date_clear (out);
        }
    }

  /* Translators: %s is what the user typed as a date. */
  g_set_error (error, ICC_DATE_ERROR, ICC_DATE_ERROR_INVALID,
               _("“%s” is not a date: type it as 2026-05-29, 2026-05 or 2026."), stripped);
  return FALSE;
}

/**
 * icc_date_add:
 * @date: a day
 * @days: days to add (negative: back)
 * @months: months to add; the day is kept, or the month's last day
 * @years: years to add, likewise (29 February to 28 February)
 * @out: (out): the day reached
 *
 * Moves a day by days, months and years, for the cursor's keys. A date of
 * lesser precision counts from its first day.
 */
void
icc_date_add (const IccDate *date,
              int            days,
              int            months,
              int            years,
              IccDate       *out)
{
  GDate g;

  g_return_if_fail (date != NULL);
  g_return_if_fail (out != NULL);

  g_date_clear (&g, 1);
  g_date_set_julian (&g, (guint32)icc_date_get_day (date));

  months += 12 * years;
  if (months > 0)
    g_date_add_months (&g, (guint)months);
  else if (months < 0)
    g_date_subtract_months (&g, (guint)-months);

  if (days > 0)
    g_date_add_days (&g, (guint)days);
  else if (days < 0)
    g_date_subtract_days (&g, (guint)-days);

  icc_date_init_from_day (out, (gint32)g_date_get_julian (&g));
}
