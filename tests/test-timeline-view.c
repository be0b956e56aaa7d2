/* test-timeline-view.c: the timeline's view state, without GTK or a display
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "icc-timeline-view.h"
#include "icc-test-dates.h"

#define MSEC G_TIME_SPAN_MILLISECOND

static IccEvent *
make_event (guint  n,
            gint32 day)
{
  g_autofree char *id = g_strdup_printf ("e%u", n);
  IccDate date;
  GDate g;

  g_date_clear (&g, 1);
  g_date_set_julian (&g, day);
  icc_date_init (&date, g_date_get_year (&g), g_date_get_month (&g), g_date_get_day (&g));

  return icc_event_new (id, ICC_EVENT_KIND_SIGNATURE, &date);
}

/* Events on 1 Jan of 2000, 2005, 2010. */
static GListStore *
make_store (void)
{
  GListStore *store = g_list_store_new (ICC_TYPE_EVENT);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(IccEvent) event = make_event (i, dmy (1, 1, 2000 + 5 * i));

      g_list_store_append (store, event);
    }

  return store;
}

typedef struct
{
  guint start;
  guint end;
  guint animating;
  guint can_go_back;
  guint cursor;
  guint has_cursor;
  guint selection;
  guint data;
} Counts;

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          Counts     *counts)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "start"))
    counts->start++;
  else if (g_str_equal (name, "end"))
    counts->end++;
  else if (g_str_equal (name, "animating"))
    counts->animating++;
  else if (g_str_equal (name, "can-go-back"))
    counts->can_go_back++;
  else if (g_str_equal (name, "cursor"))
    counts->cursor++;
  else if (g_str_equal (name, "has-cursor"))
    counts->has_cursor++;
  else if (g_str_has_prefix (name, "selection") || g_str_equal (name, "has-selection"))
    counts->selection++;
}

static void
data_changed_cb (IccTimelineView *view,
                 Counts          *counts)
{
  counts->data++;
}

static IccTimelineView *
make_view (Counts *counts)
{
  IccTimelineView *view = icc_timeline_view_new ();

  /* A fixed "today", so that the bounds do not depend on the clock. */
  icc_timeline_view_set_today (view, dmy (1, 1, 2012));
  if (counts != NULL)
    {
      g_signal_connect (view, "notify", G_CALLBACK (count_cb), counts);
      g_signal_connect (view, "data-changed", G_CALLBACK (data_changed_cb), counts);
    }

  return view;
}

static void
test_fit_model (void)
{
  g_autoptr(GListStore) store = make_store ();
  Counts counts = { 0 };
  IccTimelineView *view = make_view (&counts);
  double first;
  double last;
  double start;
  double end;

  icc_timeline_view_set_model (view, G_LIST_MODEL (store));
  g_assert_true (icc_timeline_view_get_model (view) == G_LIST_MODEL (store));
  g_assert_cmpuint (counts.data, ==, 1);
  g_assert_cmpuint (counts.start, ==, 1);
  g_assert_cmpuint (counts.end, ==, 1);

  icc_timeline_view_get_data_range (view, &first, &last);
  g_assert_cmpfloat (first, ==, dmy (1, 1, 2000));
  g_assert_cmpfloat (last, ==, dmy (1, 1, 2010) + 1);

  /* Fit all: the data with 3 % around. */
  start = icc_timeline_view_get_start (view);
  end = icc_timeline_view_get_end (view);
  g_assert_cmpfloat (start, <, first);
  g_assert_cmpfloat (end, >, last);
  g_assert_cmpfloat_with_epsilon (first - start, (last - first) * 0.03, 1e-6);

  /* Setting the same model again changes nothing. */
  icc_timeline_view_set_model (view, G_LIST_MODEL (store));
  g_assert_cmpuint (counts.data, ==, 1);
  g_assert_cmpuint (counts.start, ==, 1);

  /* A change of the model drops the index. */
  {
    g_autoptr(IccEvent) event = make_event (9, dmy (1, 6, 2011));

    g_list_store_append (store, event);
  }
  g_assert_cmpuint (counts.data, ==, 2);
  g_assert_cmpuint (icc_timeline_index_get_n_events (icc_timeline_view_get_index (view)), ==, 4);
  icc_timeline_view_get_data_range (view, &first, &last);
  g_assert_cmpfloat (last, ==, dmy (1, 6, 2011) + 1);

  g_assert_finalize_object (view);
}

static void
test_range_clamped (void)
{
  g_autoptr(GListStore) store = make_store ();
  Counts counts = { 0 };
  IccTimelineView *view = make_view (&counts);
  double first;
  double last;
  double day = dmy (1, 1, 2005);

  icc_timeline_view_set_model (view, G_LIST_MODEL (store));
  counts = (Counts) { 0 };

  /* Too narrow: widened to the minimum span around its middle. */
  icc_timeline_view_set_range (view, day, day + 1);
  g_assert_cmpfloat_with_epsilon (icc_timeline_view_get_end (view) -
                                  icc_timeline_view_get_start (view),
                                  ICC_TIMELINE_MIN_SPAN_DAYS, 1e-6);
  g_assert_cmpuint (counts.start, ==, 1);
  g_assert_cmpuint (counts.end, ==, 1);

  /* The same range again: no notification. */
  icc_timeline_view_set_range (view, day, day + 1);
  g_assert_cmpuint (counts.start, ==, 1);
  g_assert_cmpuint (counts.end, ==, 1);

  /* Far outside the bounds: slid back in. */
  icc_timeline_view_get_bounds (view, &first, &last);
  icc_timeline_view_set_range (view, first - 5000, first - 4000);
  g_assert_cmpfloat (icc_timeline_view_get_start (view), >=, first);
  g_assert_cmpfloat (icc_timeline_view_get_end (view), <=, last);

  /* Zooming keeps the day under the anchor in place. */
  icc_timeline_view_set_range (view, day - 100, day + 100);
  icc_timeline_view_zoom_by_factor (view, 2, day - 50, -1);
  g_assert_cmpfloat_with_epsilon (icc_timeline_view_get_start (view), day - 75, 1e-6);
  g_assert_cmpfloat_with_epsilon (icc_timeline_view_get_end (view), day + 25, 1e-6);

  g_assert_finalize_object (view);
}

static void
test_animation (void)
{
  g_autoptr(GListStore) store = make_store ();
  Counts counts = { 0 };
  IccTimelineView *view = make_view (&counts);
  double day = dmy (1, 1, 2005);
  double start;
  double end;

  icc_timeline_view_set_model (view, G_LIST_MODEL (store));
  icc_timeline_view_set_range (view, day - 100, day + 100);
  g_assert_cmpuint (icc_timeline_view_get_animation_duration (view), ==, 200);
  counts = (Counts) { 0 };

  icc_timeline_view_move_to (view, day, day + 100, 1000 * MSEC);
  g_assert_true (icc_timeline_view_get_animating (view));
  g_assert_cmpuint (counts.animating, ==, 1);
  /* Nothing moves before the first tick; the target is known at once. */
  g_assert_cmpfloat (icc_timeline_view_get_start (view), ==, day - 100);
  icc_timeline_view_get_target_range (view, &start, &end);
  g_assert_cmpfloat (start, ==, day);
  g_assert_cmpfloat (end, ==, day + 100);

  /* Half way in time is more than half way in space: ease-out. */
  g_assert_true (icc_timeline_view_tick (view, 1100 * MSEC));
  g_assert_cmpfloat_with_epsilon (icc_timeline_view_get_start (view),
                                  day - 100 + 100 * (1 - pow (0.5, 3)), 1e-6);

  /* Successive zooms add up to the target, not to where the view is. */
  icc_timeline_view_zoom_by_factor (view, 2, day + 50, 1100 * MSEC);
  icc_timeline_view_get_target_range (view, &start, &end);
  g_assert_cmpfloat_with_epsilon (start, day + 25, 1e-6);
  g_assert_cmpfloat_with_epsilon (end, day + 75, 1e-6);

  g_assert_false (icc_timeline_view_tick (view, 1400 * MSEC));
  g_assert_false (icc_timeline_view_get_animating (view));
  g_assert_cmpfloat_with_epsilon (icc_timeline_view_get_start (view), day + 25, 1e-6);
  g_assert_cmpfloat_with_epsilon (icc_timeline_view_get_end (view), day + 75, 1e-6);
  g_assert_cmpuint (counts.animating, ==, 2);

  /* A longer animation (the presentation's). */
  icc_timeline_view_set_animation_duration (view, 400);
  icc_timeline_view_move_to (view, day - 100, day + 100, 0);
  g_assert_true (icc_timeline_view_tick (view, 300 * MSEC));
  g_assert_false (icc_timeline_view_tick (view, 400 * MSEC));
  g_assert_cmpfloat (icc_timeline_view_get_start (view), ==, day - 100);

  /* set_range ends an animation. */
  icc_timeline_view_move_to (view, day, day + 100, 0);
  icc_timeline_view_set_range (view, day - 50, day + 50);
  g_assert_false (icc_timeline_view_get_animating (view));
  g_assert_false (icc_timeline_view_tick (view, 100 * MSEC));
  g_assert_cmpfloat (icc_timeline_view_get_start (view), ==, day - 50);

  g_assert_finalize_object (view);
}

static void
test_history (void)
{
  g_autoptr(GListStore) store = make_store ();
  Counts counts = { 0 };
  IccTimelineView *view = make_view (&counts);
  double day = dmy (1, 1, 2005);
  double fit_start;

  icc_timeline_view_set_model (view, G_LIST_MODEL (store));
  fit_start = icc_timeline_view_get_start (view);
  counts = (Counts) { 0 };

  g_assert_false (icc_timeline_view_get_can_go_back (view));
  g_assert_false (icc_timeline_view_go_back (view, -1));

  icc_timeline_view_push_history (view, FALSE, 0);
  icc_timeline_view_set_range (view, day - 100, day + 100);
  g_assert_true (icc_timeline_view_get_can_go_back (view));
  g_assert_cmpuint (counts.can_go_back, ==, 1);

  /* Wheel steps within a second are one step back. */
  icc_timeline_view_push_history (view, TRUE, 10 * G_USEC_PER_SEC);
  icc_timeline_view_set_range (view, day - 50, day + 50);
  icc_timeline_view_push_history (view, TRUE, 10 * G_USEC_PER_SEC + 300 * MSEC);
  icc_timeline_view_set_range (view, day - 20, day + 20);
  icc_timeline_view_push_history (view, TRUE, 10 * G_USEC_PER_SEC + 600 * MSEC);
  icc_timeline_view_set_range (view, day - 10, day + 10);

  g_assert_true (icc_timeline_view_go_back (view, -1));
  g_assert_cmpfloat (icc_timeline_view_get_start (view), ==, day - 100);
  g_assert_true (icc_timeline_view_go_back (view, -1));
  g_assert_cmpfloat (icc_timeline_view_get_start (view), ==, fit_start);
  g_assert_false (icc_timeline_view_get_can_go_back (view));
  g_assert_cmpuint (counts.can_go_back, ==, 2);
  g_assert_false (icc_timeline_view_go_back (view, -1));

  /* A Shift+drag's range, dragged right to left: one step, undone by go back. */
  icc_timeline_view_set_range (view, day - 400, day + 400);
  icc_timeline_view_zoom_to_range (view, day + 60, day - 30, -1);
  g_assert_cmpfloat (icc_timeline_view_get_start (view), ==, day - 30);
  g_assert_cmpfloat (icc_timeline_view_get_end (view), ==, day + 60);
  icc_timeline_view_zoom_to_range (view, day, day, -1);
  g_assert_cmpfloat (icc_timeline_view_get_start (view), ==, day - 30);
  g_assert_true (icc_timeline_view_go_back (view, -1));
  g_assert_cmpfloat (icc_timeline_view_get_start (view), ==, day - 400);
  g_assert_cmpfloat (icc_timeline_view_get_end (view), ==, day + 400);
  g_assert_false (icc_timeline_view_get_can_go_back (view));

  /* A new model forgets the history. */
  icc_timeline_view_push_history (view, FALSE, 0);
  icc_timeline_view_set_range (view, day - 100, day + 100);
  g_assert_true (icc_timeline_view_get_can_go_back (view));
  icc_timeline_view_set_model (view, NULL);
  g_assert_false (icc_timeline_view_get_can_go_back (view));

  g_assert_finalize_object (view);
}

static void
test_cursor_selection (void)
{
  Counts counts = { 0 };
  IccTimelineView *view = make_view (&counts);
  double day = dmy (14, 11, 2005);
  double s;
  double e;

  g_assert_false (icc_timeline_view_get_cursor (view, NULL));
  icc_timeline_view_set_cursor (view, day);
  g_assert_true (icc_timeline_view_get_cursor (view, &s));
  g_assert_cmpfloat (s, ==, day);
  g_assert_cmpuint (counts.cursor, ==, 1);
  g_assert_cmpuint (counts.has_cursor, ==, 1);
  icc_timeline_view_set_cursor (view, day);
  g_assert_cmpuint (counts.cursor, ==, 1);
  icc_timeline_view_clear_cursor (view);
  icc_timeline_view_clear_cursor (view);
  g_assert_false (icc_timeline_view_get_cursor (view, NULL));
  g_assert_cmpuint (counts.has_cursor, ==, 2);

  g_assert_false (icc_timeline_view_get_selection (view, NULL, NULL));
  icc_timeline_view_set_selection (view, day + 10, day);
  g_assert_true (icc_timeline_view_get_selection (view, &s, &e));
  g_assert_cmpfloat (s, ==, day);
  g_assert_cmpfloat (e, ==, day + 10);
  g_assert_cmpuint (counts.selection, ==, 3);
  icc_timeline_view_set_selection (view, day, day + 10);
  g_assert_cmpuint (counts.selection, ==, 3);
  icc_timeline_view_clear_selection (view);
  g_assert_false (icc_timeline_view_get_selection (view, NULL, NULL));
  g_assert_cmpuint (counts.selection, ==, 4);

  /* ensure_day_visible: inside the middle, no move; outside, centred. */
  icc_timeline_view_set_range (view, day - 60, day + 60);
  icc_timeline_view_ensure_day_visible (view, day + 10, -1);
  g_assert_cmpfloat (icc_timeline_view_get_start (view), ==, day - 60);
  icc_timeline_view_ensure_day_visible (view, day + 55, -1);
  g_assert_cmpfloat (icc_timeline_view_get_start (view), ==, day - 5);

  g_assert_finalize_object (view);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timeline-view/fit-model", test_fit_model);
  g_test_add_func ("/timeline-view/range-clamped", test_range_clamped);
  g_test_add_func ("/timeline-view/animation", test_animation);
  g_test_add_func ("/timeline-view/history", test_history);
  g_test_add_func ("/timeline-view/cursor-selection", test_cursor_selection);

  return g_test_run ();
}
