/* icc-timeline-scale.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "icc-timeline-scale.h"

/* Space between a tick line and its label, and between two labels. */
#define LABEL_PAD 4
/* Ticks closer than this are too dense to read, whatever their labels. */
#define MIN_TICK_SPACING 36.0
/* Unlabelled ticks closer than this are noise. */
#define MIN_SUB_SPACING 6.0

/* Shortest period of each unit, in days, so that a fit at this length
 * holds for every tick of the unit. */
static const double unit_min_days[ICC_TIMELINE_N_UNITS] = {
  1, 7, 28, 90, 365, 730, 1826, 3652,
};

#define MAX_VARIANTS 2

/* GDateTime formats, the longest first; NULL ends the list. */
static const char *minor_formats[ICC_TIMELINE_N_UNITS][MAX_VARIANTS + 1] = {
  [ICC_TIMELINE_UNIT_DAY] = { "%a %-d", "%-d", NULL },
  [ICC_TIMELINE_UNIT_WEEK] = { "%-d %b", "%-d", NULL },
  [ICC_TIMELINE_UNIT_MONTH] = { "%B", "%b", NULL },
  [ICC_TIMELINE_UNIT_QUARTER] = { "Q", NULL, NULL },
  [ICC_TIMELINE_UNIT_YEAR] = { "%Y", NULL, NULL },
  [ICC_TIMELINE_UNIT_TWO_YEARS] = { "%Y", NULL, NULL },
  [ICC_TIMELINE_UNIT_FIVE_YEARS] = { "%Y", NULL, NULL },
  [ICC_TIMELINE_UNIT_DECADE] = { "%Y", NULL, NULL },
};

void
icc_timeline_tick_clear (gpointer data)
{
  IccTimelineTick *tick = data;

  g_clear_pointer (&tick->label, g_free);
}

GArray *
icc_timeline_ticks_new (void)
{
  GArray *ticks = g_array_new (FALSE, TRUE, sizeof (IccTimelineTick));

  g_array_set_clear_func (ticks, icc_timeline_tick_clear);

  return ticks;
}

void
icc_timeline_scale_init (IccTimelineScale *scale,
                         double            start,
                         double            end,
                         double            width)
{
  g_return_if_fail (scale != NULL);

  scale->start = start;
  scale->end = end > start ? end : start + 1;
  scale->width = width > 1 ? width : 1;
}

double
icc_timeline_scale_get_span (const IccTimelineScale *scale)
{
  return scale->end - scale->start;
}

double
icc_timeline_scale_pixels_per_day (const IccTimelineScale *scale)
{
  return scale->width / (scale->end - scale->start);
}

double
icc_timeline_scale_day_to_x (const IccTimelineScale *scale,
                             double                  day)
{
  return (day - scale->start) * scale->width / (scale->end - scale->start);
}

double
icc_timeline_scale_x_to_day (const IccTimelineScale *scale,
                             double                  x)
{
  return scale->start + x * (scale->end - scale->start) / scale->width;
}

void
icc_timeline_clamp_range (double *start,
                          double *end,
                          double  bounds_start,
                          double  bounds_end)
{
  double span;
  double centre;

  g_return_if_fail (start != NULL && end != NULL);

  span = CLAMP (*end - *start, ICC_TIMELINE_MIN_SPAN_DAYS, ICC_TIMELINE_MAX_SPAN_DAYS);
  centre = (*start + *end) / 2;
  *start = centre - span / 2;
  *end = *start + span;

  if (bounds_end <= bounds_start)
    return;

  if (span >= bounds_end - bounds_start)
    {
      *start = (bounds_start + bounds_end) / 2 - span / 2;
      *end = *start + span;
    }
  else if (*start < bounds_start)
    {
      *start = bounds_start;
      *end = bounds_start + span;
    }
  else if (*end > bounds_end)
    {
      *end = bounds_end;
      *start = bounds_end - span;
    }
}

void
icc_timeline_zoom_range (double *start,
                         double *end,
                         double  factor,
                         double  around_day)
{
  double span;
  double new_span;
  double frac;

  g_return_if_fail (start != NULL && end != NULL);
  g_return_if_fail (factor > 0);

  span = *end - *start;
  if (span <= 0)
    return;

  new_span = CLAMP (span / factor, ICC_TIMELINE_MIN_SPAN_DAYS, ICC_TIMELINE_MAX_SPAN_DAYS);
  frac = CLAMP ((around_day - *start) / span, 0., 1.);
  *start = around_day - frac * new_span;
  *end = *start + new_span;
}

static gboolean
day_to_dmy (gint32     day,
            GDateDay  *d,
            GDateMonth *m,
            GDateYear *y)
{
  GDate date;

  if (day < 1)
    return FALSE;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32)day);
  if (!g_date_valid (&date))
    return FALSE;

  *d = g_date_get_day (&date);
  *m = g_date_get_month (&date);
  *y = g_date_get_year (&date);

  return TRUE;
}

gint32
icc_timeline_unit_floor (IccTimelineUnit unit,
                         gint32          day)
{
  GDate date;
  GDateYear year;
  GDateMonth month;

  if (day < 1)
    return 1;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32)day);
  year = g_date_get_year (&date);
  month = g_date_get_month (&date);

  switch (unit)
    {
    case ICC_TIMELINE_UNIT_DAY:
      return day;

    case ICC_TIMELINE_UNIT_WEEK:
      return day - ((int)g_date_get_weekday (&date) - G_DATE_MONDAY);

    case ICC_TIMELINE_UNIT_MONTH:
      g_date_set_dmy (&date, 1, month, year);
      break;

    case ICC_TIMELINE_UNIT_QUARTER:
      g_date_set_dmy (&date, 1, ((month - 1) / 3) * 3 + 1, year);
      break;

    case ICC_TIMELINE_UNIT_YEAR:
      g_date_set_dmy (&date, 1, G_DATE_JANUARY, year);
      break;

    case ICC_TIMELINE_UNIT_TWO_YEARS:
      g_date_set_dmy (&date, 1, G_DATE_JANUARY, MAX (2, year - year % 2));
      break;

    case ICC_TIMELINE_UNIT_FIVE_YEARS:
      g_date_set_dmy (&date, 1, G_DATE_JANUARY, MAX (5, year - year % 5));
      break;

    case ICC_TIMELINE_UNIT_DECADE:
      g_date_set_dmy (&date, 1, G_DATE_JANUARY, MAX (1, year - year % 10));
      break;

    default:
      g_return_val_if_reached (day);
    }

  return (gint32)g_date_get_julian (&date);
}

gint32
icc_timeline_unit_next (IccTimelineUnit unit,
                        gint32          day)
{
  GDate date;

  if (day < 1)
    day = 1;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32)day);

  switch (unit)
    {
    case ICC_TIMELINE_UNIT_DAY:
      return day + 1;

    case ICC_TIMELINE_UNIT_WEEK:
      return day + 7;

    case ICC_TIMELINE_UNIT_MONTH:
      g_date_add_months (&date, 1);
      break;

    case ICC_TIMELINE_UNIT_QUARTER:
      g_date_add_months (&date, 3);
      break;

    case ICC_TIMELINE_UNIT_YEAR:
      g_date_add_years (&date, 1);
      break;

    case ICC_TIMELINE_UNIT_TWO_YEARS:
      g_date_add_years (&date, 2);
      break;

    case ICC_TIMELINE_UNIT_FIVE_YEARS:
      g_date_add_years (&date, 5);
      break;

    case ICC_TIMELINE_UNIT_DECADE:
      g_date_add_years (&date, 10);
      break;

    default:
      g_return_val_if_reached (day + 1);
    }

  return (gint32)g_date_get_julian (&date);
}

static char *
format_day (const char *format,
            gint32      day)
{
  g_autoptr(GDateTime) dt = NULL;
  GDateDay d;
  GDateMonth m;
  GDateYear y;

  if (!day_to_dmy (day, &d, &m, &y))
    return g_strdup ("");

  dt = g_date_time_new_utc (y, m, d, 0, 0, 0);
  if (dt == NULL)
    return g_strdup ("");

  return g_date_time_format (dt, format);
}

char *
icc_timeline_format_label (IccTimelineUnit unit,
                           guint           variant,
                           gint32          day)
{
  const char *format = NULL;

  g_return_val_if_fail (unit < ICC_TIMELINE_N_UNITS, NULL);

  if (unit == ICC_TIMELINE_UNIT_QUARTER)
    {
      GDateDay d;
      GDateMonth m;
      GDateYear y;

      if (!day_to_dmy (day, &d, &m, &y))
        return g_strdup ("");

      /* Translators: a quarter of a year on the timeline axis: Q1 to Q4 */
      return g_strdup_printf (_("Q%d"), (m - 1) / 3 + 1);
    }

  format = minor_formats[unit][0];
  for (guint i = 1; i <= variant && i < MAX_VARIANTS && minor_formats[unit][i] != NULL; i++)
    format = minor_formats[unit][i];

  return format_day (format, day);
}

static guint
n_variants (IccTimelineUnit unit)
{
  guint n = 0;

  while (n < MAX_VARIANTS && minor_formats[unit][n] != NULL)
    n++;

  return n;
}

/* Appends the ticks of @unit across the view. With @check, stops and
 * returns FALSE as soon as a visible label does not fit before the next
 * tick; without, culls the labels that do not fit. */
static gboolean
append_row (const IccTimelineScale *scale,
            IccTimelineUnit         unit,
            const char             *format,
            guint                   variant,
            gboolean                major,
            IccTimelineMeasureFunc  measure,
            gpointer                user_data,
            gboolean                check,
            GArray                 *ticks)
{
  gint32 first;
  gint32 last;
  double last_label_end = -G_MAXDOUBLE;
  guint begin = ticks->len;

  first = icc_timeline_unit_floor (unit, (gint32)floor (MAX (1, scale->start)));
  last = (gint32)ceil (MAX (1, scale->end));

  for (gint32 day = first; day <= last; day = icc_timeline_unit_next (unit, day))
    {
      IccTimelineTick tick = { 0 };
      gint32 next = icc_timeline_unit_next (unit, day);
      double next_x = icc_timeline_scale_day_to_x (scale, next);
      double label_x;

      tick.day = day;
      tick.x = icc_timeline_scale_day_to_x (scale, day);
      tick.major = !!major;

      label_x = tick.x + LABEL_PAD;
      tick.label_x = label_x;

      /* A label that starts off screen is left out; a label that would stick
       * out at the right is left out too. */
      if (label_x >= 0 && label_x < scale->width)
        {
          g_autofree char *label = NULL;
          int w;

          if (format != NULL)
            label = format_day (format, day);
          else
            label = icc_timeline_format_label (unit, variant, day);

          w = measure (label, user_data);

          if (label_x + w + LABEL_PAD > next_x || label_x < last_label_end)
            {
              if (check)
                {
                  g_array_set_size (ticks, begin);
                  return FALSE;
                }
            }
          else if (label_x + w <= scale->width)
            {
              tick.label = g_steal_pointer (&label);
              tick.label_width = w;
              last_label_end = label_x + w + LABEL_PAD;
            }
        }

      if (tick.x < scale->width)
        g_array_append_val (ticks, tick);

      if (next <= day)
        break;
    }

  return TRUE;
}

IccTimelineUnit
icc_timeline_scale_compute_ticks (const IccTimelineScale *scale,
                                  IccTimelineMeasureFunc  measure,
                                  gpointer                user_data,
                                  GArray                 *ticks)
{
  static const char *major_formats[] = { "%B %Y", "%b %Y", NULL };
  double ppd;
  IccTimelineUnit unit = ICC_TIMELINE_UNIT_DECADE;
  gboolean found = FALSE;
  guint minor_len;

  g_return_val_if_fail (scale != NULL, ICC_TIMELINE_UNIT_YEAR);
  g_return_val_if_fail (measure != NULL, ICC_TIMELINE_UNIT_YEAR);
  g_return_val_if_fail (ticks != NULL, ICC_TIMELINE_UNIT_YEAR);

  g_array_set_size (ticks, 0);
  ppd = icc_timeline_scale_pixels_per_day (scale);

  for (guint u = 0; u < ICC_TIMELINE_N_UNITS && !found; u++)
    {
      if (unit_min_days[u] * ppd < MIN_TICK_SPACING)
        continue;

      for (guint v = 0; v < n_variants (u) && !found; v++)
        {
          if (append_row (scale, u, NULL, v, FALSE, measure, user_data, TRUE, ticks))
            {
              unit = u;
              found = TRUE;
            }
        }
    }

  /* Too narrow for any unit: decades, with the labels that fit. */
  if (!found)
    append_row (scale, ICC_TIMELINE_UNIT_DECADE, NULL, 0, FALSE, measure, user_data,
                FALSE, ticks);

  minor_len = ticks->len;

  /* The major row gives the context the minor labels leave out. */
  if (unit == ICC_TIMELINE_UNIT_DAY || unit == ICC_TIMELINE_UNIT_WEEK)
    {
      gboolean done = FALSE;

      for (guint i = 0; major_formats[i] != NULL && !done; i++)
        done = append_row (scale, ICC_TIMELINE_UNIT_MONTH, major_formats[i], 0, TRUE,
                           measure, user_data, TRUE, ticks);
      if (!done)
        append_row (scale, ICC_TIMELINE_UNIT_MONTH, "%b %Y", 0, TRUE, measure, user_data,
                    FALSE, ticks);
    }
  else if (unit == ICC_TIMELINE_UNIT_MONTH || unit == ICC_TIMELINE_UNIT_QUARTER)
    {
      append_row (scale, ICC_TIMELINE_UNIT_YEAR, "%Y", 0, TRUE, measure, user_data,
                  FALSE, ticks);
    }

  /* A sticky major label at the left edge names the period the view starts
   * in, when its own tick is off screen and there is room. */
  if (ticks->len > minor_len)
    {
      IccTimelineTick *first = &g_array_index (ticks, IccTimelineTick, minor_len);

      if (first->x + LABEL_PAD < 0 && first->label == NULL)
        {
          IccTimelineTick *second = ticks->len > minor_len + 1
            ? &g_array_index (ticks, IccTimelineTick, minor_len + 1) : NULL;
          double limit = second != NULL ? second->x : scale->width;
          const char *format = unit <= ICC_TIMELINE_UNIT_WEEK ? "%B %Y" : "%Y";
          g_autofree char *label = format_day (format, (gint32)first->day);
          int w = measure (label, user_data);

          if (unit <= ICC_TIMELINE_UNIT_WEEK && LABEL_PAD + w + LABEL_PAD > limit)
            {
              g_free (label);
              label = format_day ("%b %Y", (gint32)first->day);
              w = measure (label, user_data);
            }

          if (LABEL_PAD + w + LABEL_PAD <= limit)
            {
              first->label = g_steal_pointer (&label);
              first->label_width = w;
              first->label_x = LABEL_PAD;
            }
        }
    }

  /* Sub ticks: years between decades (and 2 or 5 years), quarters between years, months
   * between quarters, days between weeks. */
  {
    static const int finer[ICC_TIMELINE_N_UNITS] = {
      [ICC_TIMELINE_UNIT_DAY] = -1,
      [ICC_TIMELINE_UNIT_WEEK] = ICC_TIMELINE_UNIT_DAY,
      [ICC_TIMELINE_UNIT_MONTH] = -1,
      [ICC_TIMELINE_UNIT_QUARTER] = ICC_TIMELINE_UNIT_MONTH,
      [ICC_TIMELINE_UNIT_YEAR] = ICC_TIMELINE_UNIT_QUARTER,
      [ICC_TIMELINE_UNIT_TWO_YEARS] = ICC_TIMELINE_UNIT_YEAR,
      [ICC_TIMELINE_UNIT_FIVE_YEARS] = ICC_TIMELINE_UNIT_YEAR,
      [ICC_TIMELINE_UNIT_DECADE] = ICC_TIMELINE_UNIT_YEAR,
    };
    int sub_unit = finer[unit];

    if (sub_unit >= 0 && unit_min_days[sub_unit] * ppd >= MIN_SUB_SPACING)
      {
        gint32 first = icc_timeline_unit_floor (sub_unit, (gint32)floor (MAX (1, scale->start)));
        gint32 last = (gint32)ceil (MAX (1, scale->end));

        for (gint32 day = first; day <= last; day = icc_timeline_unit_next (sub_unit, day))
          {
            IccTimelineTick tick = { 0 };

            tick.day = day;
            tick.x = icc_timeline_scale_day_to_x (scale, day);
            tick.sub = TRUE;
            if (tick.x >= 0 && tick.x < scale->width &&
                icc_timeline_unit_floor (unit, day) != day)
              g_array_append_val (ticks, tick);
          }
      }
  }

  return unit;
}
