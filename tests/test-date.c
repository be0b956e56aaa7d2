/* test-date.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "icc-date.h"

static void
test_parse_valid (void)
{
  static const struct {
    const char       *text;
    int               year, month, day;
    IccDatePrecision  precision;
  } cases[] = {
    { "2016", 2016, 0, 0, ICC_DATE_PRECISION_YEAR },
    { "2016-11", 2016, 11, 0, ICC_DATE_PRECISION_MONTH },
    { "2016-11-16", 2016, 11, 16, ICC_DATE_PRECISION_DAY },
    { "2016-02-29", 2016, 2, 29, ICC_DATE_PRECISION_DAY },
    { "2000-02-29", 2000, 2, 29, ICC_DATE_PRECISION_DAY },
    { "0001-01-01", 1, 1, 1, ICC_DATE_PRECISION_DAY },
    { "9999-12-31", 9999, 12, 31, ICC_DATE_PRECISION_DAY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = NULL;
      IccDate date;

      g_assert_true (icc_date_parse (cases[i].text, &date, &error));
      g_assert_no_error (error);
      g_assert_cmpint (date.year, ==, cases[i].year);
      g_assert_cmpint (date.month, ==, cases[i].month);
      g_assert_cmpint (date.day, ==, cases[i].day);
      g_assert_cmpint (icc_date_get_precision (&date), ==, cases[i].precision);

      iso = icc_date_to_iso (&date);
      g_assert_cmpstr (iso, ==, cases[i].text);
    }
}

static void
test_parse_invalid (void)
{
  static const char *cases[] = {
    "", "2016-02-30", "2015-02-29", "1900-02-29", "2016-13", "2016-00", "2016-11-00",
    "2016-11-31", "16-11-2016", "2016/11/16", "2016-1-5", "20161116", "2016-11-16T00:00",
    " 2016", "2016 ", "0000", "abcd", "2016-11-16-1", "٢٠١٦",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      IccDate date;

      g_assert_false (icc_date_parse (cases[i], &date, &error));
      g_assert_error (error, ICC_DATE_ERROR, ICC_DATE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "is not a valid date"));
    }

  {
    g_autoptr(GError) error = NULL;
    IccDate date;

    g_assert_false (icc_date_parse (NULL, &date, &error));
    g_assert_error (error, ICC_DATE_ERROR, ICC_DATE_ERROR_INVALID);
  }
}

static void
test_order (void)
{
  static const char *ordered[] = {
    "1998", "1998-07", "1998-07-17", "1998-07-18", "2000-12-31", "2016", "2016-01-01",
    "2016-11-16", "2016-12",
  };

  for (guint i = 0; i + 1 < G_N_ELEMENTS (ordered); i++)
    {
      IccDate a, b;

      g_assert_true (icc_date_parse (ordered[i], &a, NULL));
      g_assert_true (icc_date_parse (ordered[i + 1], &b, NULL));
      g_assert_cmpint (icc_date_compare (&a, &b), <, 0);
      g_assert_cmpint (icc_date_compare (&b, &a), >, 0);
      g_assert_cmpint (icc_date_compare (&a, &a), ==, 0);
      g_assert_true (icc_date_equal (&a, &a));
      g_assert_false (icc_date_equal (&a, &b));
    }
}

static void
test_day_numbers (void)
{
  IccDate date, back;
  GDate gdate;

  /* Day numbers agree with GDate's Julian days. */
  for (int year = 1; year <= 9999; year += 37)
    for (int month = 1; month <= 12; month += 5)
      {
        g_date_clear (&gdate, 1);
        g_date_set_dmy (&gdate, 28, month, year);
        g_assert_true (icc_date_init (&date, year, month, 28));
        g_assert_cmpint (icc_date_get_day (&date), ==, (gint32)g_date_get_julian (&gdate));

        icc_date_init_from_day (&back, icc_date_get_day (&date));
        g_assert_true (icc_date_equal (&date, &back));
      }

  /* A period starts on its first day and ends on its last. */
  g_assert_true (icc_date_parse ("2016", &date, NULL));
  g_assert_true (icc_date_parse ("2016-12-31", &back, NULL));
  g_assert_cmpint (icc_date_get_end_day (&date), ==, icc_date_get_day (&back));
  g_assert_true (icc_date_parse ("2016-01-01", &back, NULL));
  g_assert_cmpint (icc_date_get_day (&date), ==, icc_date_get_day (&back));

  g_assert_true (icc_date_parse ("2016-02", &date, NULL));
  g_assert_true (icc_date_parse ("2016-02-29", &back, NULL));
  g_assert_cmpint (icc_date_get_end_day (&date), ==, icc_date_get_day (&back));

  /* Consecutive days are consecutive numbers across a year boundary. */
  g_assert_true (icc_date_parse ("2016-12-31", &date, NULL));
  g_assert_true (icc_date_parse ("2017-01-01", &back, NULL));
  g_assert_cmpint (icc_date_get_day (&back) - icc_date_get_day (&date), ==, 1);
}

static void
test_format (void)
{
  IccDate date;
  g_autofree char *day = NULL;
  g_autofree char *month = NULL;
  g_autofree char *year = NULL;
  g_autofree char *none = NULL;

  g_assert_true (icc_date_parse ("2016-11-16", &date, NULL));
  day = icc_date_format (&date);
  g_assert_cmpstr (day, ==, "16 November 2016");

  g_assert_true (icc_date_parse ("2016-11", &date, NULL));
  month = icc_date_format (&date);
  g_assert_cmpstr (month, ==, "November 2016");

  g_assert_true (icc_date_parse ("2016", &date, NULL));
  year = icc_date_format (&date);
  g_assert_cmpstr (year, ==, "2016");

  icc_date_clear (&date);
  g_assert_false (icc_date_is_set (&date));
  none = icc_date_format (&date);
  g_assert_cmpstr (none, ==, "");
}

static void
test_boxed (void)
{
  IccDate date;
  g_autoptr(IccDate) copy = NULL;
  GValue value = G_VALUE_INIT;

  g_assert_true (icc_date_parse ("2002-07-01", &date, NULL));
  copy = icc_date_copy (&date);
  g_assert_true (icc_date_equal (copy, &date));

  g_value_init (&value, ICC_TYPE_DATE);
  g_value_set_boxed (&value, &date);
  g_assert_true (icc_date_equal (g_value_get_boxed (&value), &date));
  g_value_unset (&value);
}

/* What a person types in a date field. */
static void
test_parse_user (void)
{
  static const struct { const char *text; int y, m, d; } good[] = {
    { "2010-01-01", 2010, 1, 1 },
    { " 2010-1-1 ", 2010, 1, 1 },
    { "2016-11", 2016, 11, 0 },
    { "2016", 2016, 0, 0 },
    { "1 January 2010", 2010, 1, 1 },
    { "January 1, 2010", 2010, 1, 1 },
  };
  static const struct { const char *text; const char *message; } bad[] = {
    { "2016-02-30", "There is no day 30 in February 2016." },
    { "2016-13-01", "There is no month 13." },
    { "yesterday", "“yesterday” is not a date: type it as 2026-05-29, 2026-05 or 2026." },
    { "1 January", "“1 January” is not a date: type it as 2026-05-29, 2026-05 or 2026." },
  };
  IccDate date;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (icc_date_parse_user (good[i].text, &date, &error));
      g_assert_no_error (error);
      g_assert_cmpint (date.year, ==, good[i].y);
      g_assert_cmpint (date.month, ==, good[i].m);
      g_assert_cmpint (date.day, ==, good[i].d);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (icc_date_parse_user (bad[i].text, &date, &error));
      g_assert_error (error, ICC_DATE_ERROR, ICC_DATE_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, bad[i].message);
      g_assert_false (icc_date_is_set (&date));
    }

  /* Empty: no date, no error. */
  g_assert_true (icc_date_parse_user ("  ", &date, NULL));
  g_assert_false (icc_date_is_set (&date));
}

/* The cursor's day, month and year keys. */
static void
test_add (void)
{
  static const struct { IccDate from; int days, months, years; IccDate to; } cases[] = {
    { { 2016, 1, 31 }, 0, 1, 0, { 2016, 2, 29 } },
    { { 2016, 2, 29 }, 0, 0, 1, { 2017, 2, 28 } },
    { { 2016, 3, 1 }, -1, 0, 0, { 2016, 2, 29 } },
    { { 2016, 12, 31 }, 1, 0, 0, { 2017, 1, 1 } },
    { { 2016, 1, 15 }, 0, -1, 0, { 2015, 12, 15 } },
    { { 2016, 0, 0 }, 0, 0, -1, { 2015, 1, 1 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      IccDate out;

      icc_date_add (&cases[i].from, cases[i].days, cases[i].months, cases[i].years, &out);
      g_assert_true (icc_date_equal (&out, &cases[i].to));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse-valid", test_parse_valid);
  g_test_add_func ("/date/parse-invalid", test_parse_invalid);
  g_test_add_func ("/date/order", test_order);
  g_test_add_func ("/date/day-numbers", test_day_numbers);
  g_test_add_func ("/date/format", test_format);
  g_test_add_func ("/date/boxed", test_boxed);

  g_test_add_func ("/date/parse-user", test_parse_user);
  g_test_add_func ("/date/add", test_add);

  return g_test_run ();
}
