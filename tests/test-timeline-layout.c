/* test-timeline-layout.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>

#include "icc-event.h"
#include "icc-timeline-layout.h"
#include "icc-test-dates.h"

#define WIDTH 1280.0
#define CLUSTER_PX 14.0
#define RADIUS 6.0
#define GAP 4.0

static IccEvent *
make_event (guint        n,
            gint32       day,
            IccEventKind kind)
{
  g_autofree char *id = g_strdup_printf ("e%u", n);
  g_autofree char *title = g_strdup_printf ("Event number %u", n);
  IccEvent *event;
  IccDate date;
  GDate g;

  g_date_clear (&g, 1);
  g_date_set_julian (&g, day);
  icc_date_init (&date, g_date_get_year (&g), g_date_get_month (&g), g_date_get_day (&g));
  event = icc_event_new (id, kind, &date);
  icc_event_set_title (event, title);

  return event;
}

/* @n events, one every @step days from @first, in the membership lane. */
static GListStore *
make_store (guint  n,
            gint32 first,
            double step)
{
  GListStore *store = g_list_store_new (ICC_TYPE_EVENT);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IccEvent) event = make_event (i, first + (gint32)floor (i * step),
                                              ICC_EVENT_KIND_SIGNATURE);

      g_list_store_append (store, event);
    }

  return store;
}

static int
label_width (guint    position,
             gpointer user_data)
{
  guint *calls = user_data;

  (*calls)++;

  return 100;
}

static void
init_params (IccTimelineLayoutParams *params,
             guint                   *calls)
{
  *params = (IccTimelineLayoutParams) { 0 };
  params->cluster_px = CLUSTER_PX;
  params->marker_radius = RADIUS;
  params->label_gap = GAP;
  params->min_label_width = 30;
  params->label_width = label_width;
  params->user_data = calls;
}

static guint
layout (IccTimelineIndex *index,
        double            start,
        double            end,
        GArray           *items)
{
  IccTimelineLayoutParams params;
  IccTimelineScale scale;
  guint calls = 0;

  init_params (&params, &calls);
  icc_timeline_scale_init (&scale, start, end, WIDTH);
  icc_timeline_layout_compute (index, &scale, &params, items);

  return calls;
}

static void
test_empty (void)
{
  g_autoptr(IccTimelineIndex) index = icc_timeline_index_new (NULL);
  g_autoptr(GListStore) store = g_list_store_new (ICC_TYPE_EVENT);
  g_autoptr(IccTimelineIndex) index2 = icc_timeline_index_new (G_LIST_MODEL (store));
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (IccTimelineItem));

  g_assert_cmpuint (icc_timeline_index_get_n_events (index), ==, 0);
  g_assert_false (icc_timeline_index_get_bounds (index, NULL, NULL));
  g_assert_cmpuint (icc_timeline_index_lower_bound (index, 1000), ==, 0);
  layout (index, 1000, 2000, items);
  g_assert_cmpuint (items->len, ==, 0);
  layout (index2, 1000, 2000, items);
  g_assert_cmpuint (items->len, ==, 0);
}

static void
test_binary_search (void)
{
  gint32 d = dmy (1, 3, 2016);
  g_autoptr(GListStore) store = make_store (10, d, 1);
  g_autoptr(IccTimelineIndex) index = icc_timeline_index_new (G_LIST_MODEL (store));
  gint32 first;
  gint32 last;

  g_assert_cmpuint (icc_timeline_index_get_n_events (index), ==, 10);
  g_assert_true (icc_timeline_index_get_bounds (index, &first, &last));
  g_assert_cmpint (first, ==, d);
  g_assert_cmpint (last, ==, d + 9);

  g_assert_cmpuint (icc_timeline_index_lower_bound (index, d - 1000), ==, 0);
  g_assert_cmpuint (icc_timeline_index_lower_bound (index, d), ==, 0);
  g_assert_cmpuint (icc_timeline_index_lower_bound (index, d + 0.5), ==, 1);
  g_assert_cmpuint (icc_timeline_index_lower_bound (index, d + 9), ==, 9);
  g_assert_cmpuint (icc_timeline_index_lower_bound (index, d + 9.01), ==, 10);
  g_assert_cmpuint (icc_timeline_index_lower_bound (index, d + 1000), ==, 10);

  g_assert_cmpuint (icc_timeline_index_count_range (index, d, d + 10), ==, 10);
  g_assert_cmpuint (icc_timeline_index_count_range (index, d + 3, d + 6), ==, 3);
  g_assert_cmpuint (icc_timeline_index_count_range (index, d + 6, d + 3), ==, 0);
  g_assert_cmpuint (icc_timeline_index_count_range (index, d - 10, d), ==, 0);

  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(IccEvent) event = g_list_model_get_item (G_LIST_MODEL (store), i);

      g_assert_cmpint (icc_timeline_index_find_event (index, event), ==, (int)i);
      g_assert_cmpuint (icc_timeline_index_get_position (index, i), ==, i);
    }
  g_assert_cmpint (icc_timeline_index_find_event (index, NULL), ==, -1);
}

static void
test_visible_edges (void)
{
  gint32 d = dmy (1, 3, 2016);
  g_autoptr(GListStore) store = make_store (10, d, 1);
  g_autoptr(IccTimelineIndex) index = icc_timeline_index_new (G_LIST_MODEL (store));
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (IccTimelineItem));

  /* Exactly the days of [d+3, d+6) are in the view. */
  layout (index, d + 3, d + 6, items);
  g_assert_cmpuint (items->len, ==, 3);
  for (guint i = 0; i < items->len; i++)
    {
      const IccTimelineItem *item = &g_array_index (items, IccTimelineItem, i);

      g_assert_cmpuint (item->count, ==, 1);
      g_assert_cmpint (item->first_day, ==, d + 3 + (int)i);
      g_assert_cmpuint (item->position, ==, 3 + i);
      g_assert_cmpfloat (item->x, >, 0);
      g_assert_cmpfloat (item->x, <, WIDTH);
    }

  /* A marker half off the left edge is still laid out (it is partly
   * visible), one far off screen is not. */
  layout (index, d + 0.5 + 0.001, d + 10.5, items);
  g_assert_cmpuint (items->len, ==, 10);
  layout (index, d + 1.5, d + 11.5, items);
  g_assert_cmpuint (items->len, ==, 9);

  /* Views wholly before or after the events. */
  layout (index, d - 100, d - 50, items);
  g_assert_cmpuint (items->len, ==, 0);
  layout (index, d + 50, d + 100, items);
  g_assert_cmpuint (items->len, ==, 0);
}

static void
test_lanes (void)
{
  gint32 d = dmy (1, 3, 2016);
  g_autoptr(GListStore) store = g_list_store_new (ICC_TYPE_EVENT);
  g_autoptr(IccEvent) a = make_event (0, d, ICC_EVENT_KIND_RATIFICATION);
  g_autoptr(IccEvent) b = make_event (1, d + 1, ICC_EVENT_KIND_WARRANT);
  g_autoptr(IccEvent) c = make_event (2, d + 2, ICC_EVENT_KIND_STATEMENT);
  g_autoptr(IccTimelineIndex) index = NULL;
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (IccTimelineItem));

  g_list_store_append (store, a);
  g_list_store_append (store, b);
  g_list_store_append (store, c);
  index = icc_timeline_index_new (G_LIST_MODEL (store));

  g_assert_cmpuint (icc_timeline_index_get_n_lane_events (index, ICC_LANE_MEMBERSHIP), ==, 1);
  g_assert_cmpuint (icc_timeline_index_get_n_lane_events (index, ICC_LANE_COURT), ==, 1);
  g_assert_cmpuint (icc_timeline_index_get_n_lane_events (index, ICC_LANE_POLITICS), ==, 1);

  /* Even at the coarsest zoom, events in different lanes never merge. */
  layout (index, d - 5000, d + 5000, items);
  g_assert_cmpuint (items->len, ==, 3);
  g_assert_cmpint (g_array_index (items, IccTimelineItem, 0).lane, ==, ICC_LANE_MEMBERSHIP);
  g_assert_cmpint (g_array_index (items, IccTimelineItem, 1).lane, ==, ICC_LANE_COURT);
  g_assert_cmpint (g_array_index (items, IccTimelineItem, 2).lane, ==, ICC_LANE_POLITICS);
  g_assert_cmpuint (g_array_index (items, IccTimelineItem, 1).position, ==, 1);
}

static guint
sum_counts (GArray *items,
            double  width)
{
  guint sum = 0;

  for (guint i = 0; i < items->len; i++)
    {
      const IccTimelineItem *item = &g_array_index (items, IccTimelineItem, i);

      if (item->x >= 0 && item->x < width)
        sum += item->count;
    }

  return sum;
}

static void
test_clusters_split (void)
{
  gint32 d = dmy (1, 3, 2016);
  g_autoptr(GListStore) store = make_store (100, d, 1);
  g_autoptr(IccTimelineIndex) index = icc_timeline_index_new (G_LIST_MODEL (store));
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (IccTimelineItem));
  double centre = d + 50;
  guint last_n = 0;

  /* 28 years: 100 consecutive days are one cluster, or two if they
   * straddle a bin boundary. */
  layout (index, centre - 14 * 365.25, centre + 14 * 365.25, items);
  g_assert_cmpuint (items->len, >=, 1);
  g_assert_cmpuint (items->len, <=, 2);
  g_assert_cmpuint (sum_counts (items, WIDTH), ==, 100);
  g_assert_cmpint (g_array_index (items, IccTimelineItem, 0).first_day, ==, d);
  g_assert_cmpfloat (g_array_index (items, IccTimelineItem, 0).label_width, ==, 0);

  /* Zooming in splits the clusters, never losing an event. */
  for (double span = 28 * 365.25; span >= 120; span /= 1.5)
    {
      layout (index, centre - span / 2, centre + span / 2, items);
      g_assert_cmpuint (sum_counts (items, WIDTH), ==, 100);
      last_n = MAX (last_n, items->len);

      /* Markers never stand closer than they can be drawn apart. */
      for (guint i = 1; i < items->len; i++)
        {
          const IccTimelineItem *a = &g_array_index (items, IccTimelineItem, i - 1);
          const IccTimelineItem *b = &g_array_index (items, IccTimelineItem, i);

          g_assert_cmpfloat (b->x - a->x, >=, CLUSTER_PX - 2 - 1e-6);
          g_assert_cmpint (b->first_day, >, a->first_day);
        }
    }
  g_assert_cmpuint (last_n, >, 2);

  /* 10 days: every event on its own. */
  layout (index, centre - 5, centre + 5, items);
  g_assert_cmpuint (items->len, ==, 10);
  for (guint i = 0; i < items->len; i++)
    g_assert_cmpuint (g_array_index (items, IccTimelineItem, i).count, ==, 1);
}

static void
test_same_day (void)
{
  gint32 d = dmy (1, 3, 2016);
  g_autoptr(GListStore) store = make_store (5, d, 0);
  g_autoptr(IccTimelineIndex) index = icc_timeline_index_new (G_LIST_MODEL (store));
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (IccTimelineItem));

  /* Even at the finest zoom, one day's events share one marker. */
  layout (index, d - 5, d + 5, items);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpuint (g_array_index (items, IccTimelineItem, 0).count, ==, 5);
}

static void
test_unsorted (void)
{
  gint32 d = dmy (1, 3, 2016);
  g_autoptr(GListStore) store = g_list_store_new (ICC_TYPE_EVENT);
  g_autoptr(IccTimelineIndex) index = NULL;
  gint32 days[] = { 5, 1, 3, 2, 4 };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(IccEvent) event = make_event (i, d + days[i], ICC_EVENT_KIND_SIGNATURE);

      g_list_store_append (store, event);
    }

  index = icc_timeline_index_new (G_LIST_MODEL (store));
  for (guint rank = 0; rank < G_N_ELEMENTS (days); rank++)
    g_assert_cmpint (icc_timeline_index_get_day (index, rank), ==, d + 1 + (int)rank);
  g_assert_cmpuint (icc_timeline_index_get_position (index, 0), ==, 1);
  g_assert_cmpuint (icc_timeline_index_get_position (index, 4), ==, 0);
}

static void
test_labels (void)
{
  gint32 d = dmy (1, 3, 2016);
  g_autoptr(GListStore) store = make_store (200, d, 1.7);
  g_autoptr(IccTimelineIndex) index = icc_timeline_index_new (G_LIST_MODEL (store));
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (IccTimelineItem));
  guint n_full = 0;

  for (double span = 10; span < 400; span *= 1.3)
    {
      guint calls = layout (index, d + 30, d + 30 + span, items);
      guint n_labels = 0;

      for (guint i = 0; i < items->len; i++)
        {
          const IccTimelineItem *item = &g_array_index (items, IccTimelineItem, i);
          double label_end = item->x + RADIUS + GAP + item->label_width;

          if (item->label_width == 0)
            continue;

          n_labels++;
          g_assert_cmpuint (item->count, ==, 1);
          g_assert_cmpfloat (item->label_width, <=, 100);
          g_assert_cmpfloat (item->label_width, >=, 30);
          g_assert_true (item->label_ellipsized == (item->label_width < 100));
          if (!item->label_ellipsized)
            n_full++;

          /* A label ends before the next marker begins. */
          if (i + 1 < items->len)
            {
              const IccTimelineItem *next = &g_array_index (items, IccTimelineItem, i + 1);

              g_assert_cmpfloat (label_end, <=, next->x - RADIUS - GAP + 1e-6);
            }
          else
            {
              g_assert_cmpfloat (label_end, <=, WIDTH + 1e-6);
            }
        }

      /* Only labels that can be drawn get measured. */
      g_assert_cmpuint (calls, ==, n_labels);
    }

  g_assert_cmpuint (n_full, >, 0);
}

static void
test_bounded_work (void)
{
  gint32 d = dmy (1, 1, 1998);
  double span = dmy (1, 1, 2026) - d;
  g_autoptr(GListStore) store = make_store (100000, d, span / 100000);
  g_autoptr(IccTimelineIndex) index = icc_timeline_index_new (G_LIST_MODEL (store));
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (IccTimelineItem));

  /* Clustering caps what a full screen holds: one marker per cluster width. */
  layout (index, d, d + span, items);
  g_assert_cmpuint (items->len, <=, WIDTH / CLUSTER_PX + 4);
  g_assert_cmpuint (sum_counts (items, WIDTH), >=, 99000);

  /* A tenth of the events filling the same screen gives the same markers. */
  {
    g_autoptr(GListStore) sparse = make_store (10000, d, span / 10000);
    g_autoptr(IccTimelineIndex) sparse_index = icc_timeline_index_new (G_LIST_MODEL (sparse));
    g_autoptr(GArray) sparse_items = g_array_new (FALSE, TRUE, sizeof (IccTimelineItem));

    for (double s = span; s > 300; s /= 3)
      {
        layout (index, d + 100, d + 100 + s, items);
        layout (sparse_index, d + 100, d + 100 + s, sparse_items);
        g_assert_cmpuint (items->len, ==, sparse_items->len);
      }
  }

  layout (index, d + 1000, d + 1010, items);
  g_assert_cmpuint (items->len, <=, 10 * (guint)ceil (100000 / span) + 2);
}

/* With lines under the markers (an export), a label too long for the room
 * beside its marker goes whole on the first line under it where it touches
 * no other label and its leader line (down from the marker) crosses none,
 * the lines from the right making a staircase; one that no line has room
 * for is shortened beside its marker. A preferred event's label is placed
 * first. */
static void
test_label_rows (void)
{
  gint32 d = dmy (1, 3, 2016);
  g_autoptr(GListStore) store = make_store (12, d, 4);
  g_autoptr(IccTimelineIndex) index = icc_timeline_index_new (G_LIST_MODEL (store));
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (IccTimelineItem));
  IccTimelineLayoutParams params;
  IccTimelineScale scale;
  guint calls = 0;
  guint n_under = 0;

  init_params (&params, &calls);
  params.label_rows = 4;
  /* 12 markers 4 days apart over 60 days: 40 px apart, labels of 100 px. */
  icc_timeline_scale_init (&scale, d - 4, d + 56, WIDTH);
  icc_timeline_layout_compute (index, &scale, &params, items);

  g_assert_cmpuint (items->len, ==, 12);
  for (guint i = 0; i < items->len; i++)
    {
      const IccTimelineItem *item = &g_array_index (items, IccTimelineItem, i);
      double leader = MAX (0, item->x - 1);

      g_assert_cmpuint (item->label_row, <=, 4);
      if (item->label_row == 0)
        {
          /* Whole beside its marker, or shortened there. */
          g_assert_true (item->label_width == 100 || item->label_ellipsized);
          continue;
        }

      n_under++;
      g_assert_cmpfloat (item->label_width, ==, 100);
      g_assert_false (item->label_ellipsized);
      /* Under its marker, or ending at the right edge. */
      g_assert_true (item->label_x == leader + ICC_TIMELINE_UNDER_LABEL_INDENT ||
                     item->label_x + item->label_width == WIDTH);
      g_assert_cmpfloat (item->label_x + item->label_width, <=, WIDTH + 1e-6);

      for (guint j = 0; j < items->len; j++)
        {
          const IccTimelineItem *other = &g_array_index (items, IccTimelineItem, j);

          if (j == i || other->label_row == 0)
            continue;
          /* Apart from the labels of its line… */
          if (other->label_row == item->label_row)
            g_assert_true (other->label_x >= item->label_x + item->label_width + 2 * GAP - 1e-6 ||
                           item->label_x >= other->label_x + other->label_width + 2 * GAP - 1e-6);
          /* …and its leader clear of the labels of the lines it passes. */
          if (other->label_row <= item->label_row)
            g_assert_true (other->label_x >= leader + 1 ||
                           other->label_x + other->label_width <= leader);
        }
    }
  /* A staircase: three lines under the last three markers. */
  g_assert_cmpuint (n_under, >=, 3);
  g_assert_cmpuint (g_array_index (items, IccTimelineItem, 10).label_row, ==, 1);
  g_assert_cmpuint (g_array_index (items, IccTimelineItem, 9).label_row, ==, 2);

  /* Preferred, the fourth event's label goes first, on the first line. */
  params.prefer = TRUE;
  params.prefer_position = 3;
  icc_timeline_layout_compute (index, &scale, &params, items);
  for (guint i = 0; i < items->len; i++)
    {
      const IccTimelineItem *item = &g_array_index (items, IccTimelineItem, i);

      if (item->position == 3)
        {
          g_assert_cmpuint (item->label_row, ==, 1);
          g_assert_cmpfloat (item->label_width, ==, 100);
        }
    }
}

/* The span chosen for an event makes it a marker of its own with its whole
 * label, however dense its neighbourhood (issue 16: presentation steps). */
static void
test_fit_event (void)
{
  gint32 d = dmy (1, 1, 2000);
  /* 2,000 events, one every 3 days: clusters at any span over a few months. */
  g_autoptr(GListStore) store = make_store (2000, d, 3);
  g_autoptr(IccTimelineIndex) index = icc_timeline_index_new (G_LIST_MODEL (store));
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (IccTimelineItem));
  static const guint ranks[] = { 0, 1, 500, 1001, 1999 };
  IccTimelineLayoutParams params;
  guint calls = 0;

  init_params (&params, &calls);

  /* At 40 years across, the middle event is in a cluster. */
  layout (index, d + 3000 - 7300, d + 3000 + 7300, items);
  {
    int k = icc_timeline_layout_find_rank (index, items, 1000);

    g_assert_cmpint (k, >=, 0);
    g_assert_cmpuint (g_array_index (items, IccTimelineItem, k).count, >, 1);
  }

  for (guint i = 0; i < G_N_ELEMENTS (ranks); i++)
    {
      guint rank = ranks[i];
      double centre = icc_timeline_index_get_day (index, rank) + 0.5;
      double span = icc_timeline_layout_fit_event (index, &params, rank, WIDTH, centre,
                                                   10, 14600);
      const IccTimelineItem *item;
      int k;

      g_assert_cmpfloat (span, >=, 10);
      g_assert_cmpfloat (span, <, 14600);
      layout (index, centre - span / 2, centre + span / 2, items);
      k = icc_timeline_layout_find_rank (index, items, rank);
      g_assert_cmpint (k, >=, 0);
      item = &g_array_index (items, IccTimelineItem, k);
      g_assert_cmpuint (item->count, ==, 1);
      g_assert_cmpfloat (item->label_width, ==, 100);
      g_assert_false (item->label_ellipsized);
    }

  /* Alone in its years: the widest span is kept. */
  {
    g_autoptr(GListStore) sparse = make_store (3, d, 3000);
    g_autoptr(IccTimelineIndex) sparse_index = icc_timeline_index_new (G_LIST_MODEL (sparse));
    double centre = icc_timeline_index_get_day (sparse_index, 1) + 0.5;

    g_assert_cmpfloat (icc_timeline_layout_fit_event (sparse_index, &params, 1, WIDTH, centre,
                                                      10, 7300), ==, 7300);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timeline/layout/empty", test_empty);
  g_test_add_func ("/timeline/layout/binary-search", test_binary_search);
  g_test_add_func ("/timeline/layout/visible-edges", test_visible_edges);
  g_test_add_func ("/timeline/layout/lanes", test_lanes);
  g_test_add_func ("/timeline/layout/clusters-split", test_clusters_split);
  g_test_add_func ("/timeline/layout/same-day", test_same_day);
  g_test_add_func ("/timeline/layout/unsorted", test_unsorted);
  g_test_add_func ("/timeline/layout/labels", test_labels);
  g_test_add_func ("/timeline/layout/label-rows", test_label_rows);
  g_test_add_func ("/timeline/layout/bounded-work", test_bounded_work);
  g_test_add_func ("/timeline/layout/fit-event", test_fit_event);

  return g_test_run ();
}
