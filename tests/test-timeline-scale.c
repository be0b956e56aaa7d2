/* test-timeline-scale.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>

#include "icc-timeline-scale.h"
#include "icc-test-dates.h"

/* A monospace stand-in for Pango: 7 px per character. */
static int
measure (const char *text,
         gpointer    user_data)
{
  guint *calls = user_data;

  if (calls != NULL)
    (*calls)++;

  return 7 * (int)g_utf8_strlen (text, -1);
}

static void
test_mapping (void)
{
  IccTimelineScale scale;
  double start = dmy (1, 1, 2016);

  icc_timeline_scale_init (&scale, start, start + 10, 1280);

  g_assert_cmpfloat_with_epsilon (icc_timeline_scale_pixels_per_day (&scale), 128, 1e-9);
  g_assert_cmpfloat_with_epsilon (icc_timeline_scale_day_to_x (&scale, start), 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (icc_timeline_scale_day_to_x (&scale, start + 0.5), 64, 1e-9);
  g_assert_cmpfloat_with_epsilon (icc_timeline_scale_day_to_x (&scale, start + 10), 1280, 1e-9);
  g_assert_cmpfloat_with_epsilon (icc_timeline_scale_x_to_day (&scale, 640), start + 5, 1e-9);

  /* Fractional days survive a round trip at every zoom level. */
  for (double span = 10; span < 15000; span *= 1.7)
    {
      icc_timeline_scale_init (&scale, start - span / 3, start - span / 3 + span, 997);
      for (double x = -50; x < 1100; x += 13.25)
        {
          double day = icc_timeline_scale_x_to_day (&scale, x);

          g_assert_cmpfloat_with_epsilon (icc_timeline_scale_day_to_x (&scale, day), x, 1e-6);
        }
    }

  /* A degenerate range is widened rather than dividing by zero. */
  icc_timeline_scale_init (&scale, start, start, 0);
  g_assert_true (isfinite (icc_timeline_scale_day_to_x (&scale, start + 3)));
}

static void
test_units (void)
{
  gint32 wed = dmy (16, 11, 2016);

  g_assert_cmpint (icc_timeline_unit_floor (ICC_TIMELINE_UNIT_DAY, wed), ==, wed);
  g_assert_cmpint (icc_timeline_unit_floor (ICC_TIMELINE_UNIT_WEEK, wed), ==, dmy (14, 11, 2016));
  g_assert_cmpint (icc_timeline_unit_floor (ICC_TIMELINE_UNIT_MONTH, wed), ==, dmy (1, 11, 2016));
  g_assert_cmpint (icc_timeline_unit_floor (ICC_TIMELINE_UNIT_QUARTER, wed), ==, dmy (1, 10, 2016));
  g_assert_cmpint (icc_timeline_unit_floor (ICC_TIMELINE_UNIT_YEAR, wed), ==, dmy (1, 1, 2016));
  g_assert_cmpint (icc_timeline_unit_floor (ICC_TIMELINE_UNIT_TWO_YEARS, wed), ==,
                   dmy (1, 1, 2016));
  g_assert_cmpint (icc_timeline_unit_floor (ICC_TIMELINE_UNIT_FIVE_YEARS, wed), ==,
                   dmy (1, 1, 2015));
  g_assert_cmpint (icc_timeline_unit_floor (ICC_TIMELINE_UNIT_DECADE, wed), ==, dmy (1, 1, 2010));
  g_assert_cmpint (icc_timeline_unit_next (ICC_TIMELINE_UNIT_TWO_YEARS, dmy (1, 1, 2016)), ==,
                   dmy (1, 1, 2018));
  g_assert_cmpint (icc_timeline_unit_next (ICC_TIMELINE_UNIT_FIVE_YEARS, dmy (1, 1, 2015)), ==,
                   dmy (1, 1, 2020));

  g_assert_cmpint (icc_timeline_unit_next (ICC_TIMELINE_UNIT_MONTH, dmy (1, 1, 2016)), ==,
                   dmy (1, 2, 2016));
  g_assert_cmpint (icc_timeline_unit_next (ICC_TIMELINE_UNIT_MONTH, dmy (1, 12, 2016)), ==,
                   dmy (1, 1, 2017));
  g_assert_cmpint (icc_timeline_unit_next (ICC_TIMELINE_UNIT_QUARTER, dmy (1, 10, 2016)), ==,
                   dmy (1, 1, 2017));
  g_assert_cmpint (icc_timeline_unit_next (ICC_TIMELINE_UNIT_WEEK, dmy (14, 11, 2016)), ==,
                   dmy (21, 11, 2016));
  g_assert_cmpint (icc_timeline_unit_next (ICC_TIMELINE_UNIT_DECADE, dmy (1, 1, 2010)), ==,
                   dmy (1, 1, 2020));
}

static void
test_labels (void)
{
  gint32 day = dmy (14, 11, 2016);
  struct {
    IccTimelineUnit unit;
    guint variant;
    const char *expected;
  } cases[] = {
    { ICC_TIMELINE_UNIT_DAY, 0, "Mon 14" },
    { ICC_TIMELINE_UNIT_DAY, 1, "14" },
    { ICC_TIMELINE_UNIT_WEEK, 0, "14 Nov" },
    { ICC_TIMELINE_UNIT_MONTH, 0, "November" },
    { ICC_TIMELINE_UNIT_MONTH, 1, "Nov" },
    { ICC_TIMELINE_UNIT_QUARTER, 0, "Q4" },
    { ICC_TIMELINE_UNIT_YEAR, 0, "2016" },
    { ICC_TIMELINE_UNIT_DECADE, 0, "2016" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = icc_timeline_format_label (cases[i].unit, cases[i].variant, day);

      g_assert_cmpstr (label, ==, cases[i].expected);
    }
}

static IccTimelineUnit
unit_for_span (double span,
               double width)
{
  g_autoptr(GArray) ticks = icc_timeline_ticks_new ();
  IccTimelineScale scale;
  double start = dmy (1, 6, 2010);

  icc_timeline_scale_init (&scale, start, start + span, width);

  return icc_timeline_scale_compute_ticks (&scale, measure, NULL, ticks);
}

static void
test_tick_choice (void)
{
  /* One case per zoom level of the benchmark and between them. */
  /* Years are labelled whenever their labels fit, every 2 or 5 years
   * before decades (issue 13: a window 1280 px wide, its timeline 895 px,
   * showed decades only). */
  g_assert_cmpint (unit_for_span (40 * 365.25, 1280), ==, ICC_TIMELINE_UNIT_TWO_YEARS);
  g_assert_cmpint (unit_for_span (28 * 365.25, 895), ==, ICC_TIMELINE_UNIT_TWO_YEARS);
  g_assert_cmpint (unit_for_span (40 * 365.25, 600), ==, ICC_TIMELINE_UNIT_FIVE_YEARS);
  g_assert_cmpint (unit_for_span (40 * 365.25, 250), ==, ICC_TIMELINE_UNIT_DECADE);
  g_assert_cmpint (unit_for_span (28 * 365.25, 1280), ==, ICC_TIMELINE_UNIT_YEAR);
  g_assert_cmpint (unit_for_span (10 * 365.25, 1280), ==, ICC_TIMELINE_UNIT_YEAR);
  g_assert_cmpint (unit_for_span (5 * 365.25, 1280), ==, ICC_TIMELINE_UNIT_QUARTER);
  g_assert_cmpint (unit_for_span (2 * 365.25, 1280), ==, ICC_TIMELINE_UNIT_MONTH);
  g_assert_cmpint (unit_for_span (365.25, 1280), ==, ICC_TIMELINE_UNIT_MONTH);
  g_assert_cmpint (unit_for_span (91, 1280), ==, ICC_TIMELINE_UNIT_WEEK);
  g_assert_cmpint (unit_for_span (31, 1280), ==, ICC_TIMELINE_UNIT_DAY);
  g_assert_cmpint (unit_for_span (10, 1280), ==, ICC_TIMELINE_UNIT_DAY);

  /* Narrower views choose coarser units. */
  g_assert_cmpint (unit_for_span (28 * 365.25, 400), ==, ICC_TIMELINE_UNIT_FIVE_YEARS);
  g_assert_cmpint (unit_for_span (10, 200), ==, ICC_TIMELINE_UNIT_WEEK);

  /* Finer units never get chosen for wider spans. */
  for (guint w = 300; w <= 2400; w += 300)
    {
      IccTimelineUnit last = ICC_TIMELINE_UNIT_DAY;

      for (double span = 10; span <= 40 * 365.25; span *= 1.1)
        {
          IccTimelineUnit unit = unit_for_span (span, w);

          g_assert_cmpint (unit, >=, last);
          last = unit;
        }
    }
}

static void
check_no_overlap (const IccTimelineScale *scale,
                  GArray                 *ticks,
                  gboolean                major)
{
  double last_end = -G_MAXDOUBLE;
  guint n_labels = 0;

  for (guint i = 0; i < ticks->len; i++)
    {
      const IccTimelineTick *tick = &g_array_index (ticks, IccTimelineTick, i);

      if (tick->major != major || tick->label == NULL)
        continue;

      g_assert_cmpint (tick->label_width, ==, measure (tick->label, NULL));
      g_assert_cmpfloat (tick->label_x, >=, 0);
      g_assert_cmpfloat (tick->label_x + tick->label_width, <=, scale->width);
      g_assert_cmpfloat (tick->label_x, >=, last_end);
      last_end = tick->label_x + tick->label_width;
      n_labels++;
    }

  /* The minor row always says something. */
  if (!major)
    g_assert_cmpuint (n_labels, >, 0);
}

static void
test_no_overlap (void)
{
  g_autoptr(GArray) ticks = icc_timeline_ticks_new ();
  double base = dmy (1, 1, 1998);
  guint calls = 0;
  guint n_views = 0;

  for (guint w = 320; w <= 2560; w += 160)
    for (double span = 10; span <= 40 * 365.25; span *= 1.23)
      for (double offset = 0; offset < 400; offset += 97.3)
        {
          IccTimelineScale scale;

          icc_timeline_scale_init (&scale, base + offset, base + offset + span, w);
          icc_timeline_scale_compute_ticks (&scale, measure, &calls, ticks);

          /* Ticks come in order within each row. */
          for (guint i = 1; i < ticks->len; i++)
            {
              const IccTimelineTick *a = &g_array_index (ticks, IccTimelineTick, i - 1);
              const IccTimelineTick *b = &g_array_index (ticks, IccTimelineTick, i);

              if (a->major == b->major && a->sub == b->sub)
                g_assert_cmpfloat (a->x, <, b->x);
              if (b->sub)
                g_assert_null (b->label);
            }

          check_no_overlap (&scale, ticks, FALSE);
          check_no_overlap (&scale, ticks, TRUE);
          n_views++;
        }

  /* Measuring is bounded: no unit tries thousands of labels. */
  g_assert_cmpuint (calls / n_views, <, 200);
}

static void
test_major_context (void)
{
  g_autoptr(GArray) ticks = icc_timeline_ticks_new ();
  IccTimelineScale scale;
  gboolean found_month = FALSE;

  /* The week of 14-30 November 2016: days, with the month as context. */
  icc_timeline_scale_init (&scale, dmy (14, 11, 2016), dmy (1, 12, 2016), 1280);
  g_assert_cmpint (icc_timeline_scale_compute_ticks (&scale, measure, NULL, ticks), ==,
                   ICC_TIMELINE_UNIT_DAY);

  for (guint i = 0; i < ticks->len; i++)
    {
      const IccTimelineTick *tick = &g_array_index (ticks, IccTimelineTick, i);

      /* The sticky label names the month the view starts in. */
      if (tick->major && g_strcmp0 (tick->label, "November 2016") == 0)
        found_month = TRUE;
    }

  g_assert_true (found_month);
}

static void
test_clamp_zoom (void)
{
  double start = 1000;
  double end = 1100;

  /* Zooming keeps the anchor day in place. */
  icc_timeline_zoom_range (&start, &end, 2, 1025);
  g_assert_cmpfloat_with_epsilon (end - start, 50, 1e-9);
  g_assert_cmpfloat_with_epsilon ((1025 - start) / (end - start), 0.25, 1e-9);

  /* Span limits. */
  icc_timeline_zoom_range (&start, &end, 1000, 1025);
  g_assert_cmpfloat_with_epsilon (end - start, ICC_TIMELINE_MIN_SPAN_DAYS, 1e-9);
  icc_timeline_zoom_range (&start, &end, 1e-6, 1025);
  g_assert_cmpfloat_with_epsilon (end - start, ICC_TIMELINE_MAX_SPAN_DAYS, 1e-9);

  /* Clamping slides the range inside the bounds. */
  start = 50;
  end = 150;
  icc_timeline_clamp_range (&start, &end, 100, 1000);
  g_assert_cmpfloat (start, ==, 100);
  g_assert_cmpfloat (end, ==, 200);

  start = 950;
  end = 1050;
  icc_timeline_clamp_range (&start, &end, 100, 1000);
  g_assert_cmpfloat (end, ==, 1000);
  g_assert_cmpfloat (start, ==, 900);

  /* A range wider than the bounds is centred on them. */
  start = 0;
  end = 2000;
  icc_timeline_clamp_range (&start, &end, 100, 200);
  g_assert_cmpfloat_with_epsilon (start + end, 300, 1e-9);

  /* Too small a range grows to the minimum span around its centre. */
  start = 500;
  end = 501;
  icc_timeline_clamp_range (&start, &end, 0, 1000);
  g_assert_cmpfloat_with_epsilon (end - start, ICC_TIMELINE_MIN_SPAN_DAYS, 1e-9);
  g_assert_cmpfloat_with_epsilon (start + end, 1001, 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timeline/scale/mapping", test_mapping);
  g_test_add_func ("/timeline/scale/units", test_units);
  g_test_add_func ("/timeline/scale/labels", test_labels);
  g_test_add_func ("/timeline/scale/tick-choice", test_tick_choice);
  g_test_add_func ("/timeline/scale/no-overlap", test_no_overlap);
  g_test_add_func ("/timeline/scale/major-context", test_major_context);
  g_test_add_func ("/timeline/scale/clamp-zoom", test_clamp_zoom);

  return g_test_run ();
}
