/* icc-timeline-layout.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "icc-timeline-layout.h"

typedef struct
{
  gint32 day;
  gint32 end_day;
  guint  position;
  guint8 lane;
  guint8 kind;
  guint8 certainty;
} Entry;

typedef struct
{
  gint32 *days;
  gint32 *end_days;
  guint  *ranks;
  guint8 *kinds;
  guint8 *certainties;
  guint   n;
  gint32  max_len;
} Lane;

struct _IccTimelineIndex
{
  Entry      *entries;
  gint32     *days;
  guint       n;
  GHashTable *ranks;
  Lane        lanes[ICC_N_LANES];
  gint32      first_day;
  gint32      last_day;
};

static int
compare_entries (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const Entry *ea = a;
  const Entry *eb = b;

  if (ea->day != eb->day)
    return ea->day < eb->day ? -1 : 1;

  return ea->position < eb->position ? -1 : ea->position > eb->position;
}

IccTimelineIndex *
icc_timeline_index_new (GListModel *events)
{
  IccTimelineIndex *index;
  gboolean sorted = TRUE;
  guint n;

  g_return_val_if_fail (events == NULL || G_IS_LIST_MODEL (events), NULL);

  index = g_new0 (IccTimelineIndex, 1);
  index->ranks = g_hash_table_new (NULL, NULL);

  n = events != NULL ? g_list_model_get_n_items (events) : 0;
  index->n = n;
  index->entries = g_new0 (Entry, MAX (n, 1));
  index->days = g_new0 (gint32, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IccEvent) event = g_list_model_get_item (events, i);
      Entry *e = &index->entries[i];
      IccLane lane;

      e->day = icc_event_get_day (event);
      e->end_day = MAX (e->day, icc_event_get_end_day (event));
      e->position = i;
      lane = icc_event_get_lane (event);
      e->lane = lane < ICC_N_LANES ? lane : ICC_LANE_POLITICS;
      /* Kept here so that drawing never goes back to the model. */
      e->kind = icc_event_get_kind (event);
      e->certainty = icc_event_get_certainty (event);

      if (i > 0 && e->day < index->entries[i - 1].day)
        sorted = FALSE;
    }

  /* g_qsort_with_data is a stable merge sort */
  if (!sorted)
    g_qsort_with_data (index->entries, n, sizeof (Entry), compare_entries, NULL);

  for (guint l = 0; l < ICC_N_LANES; l++)
    index->lanes[l].n = 0;
  for (guint i = 0; i < n; i++)
    index->lanes[index->entries[i].lane].n++;
  for (guint l = 0; l < ICC_N_LANES; l++)
    {
      Lane *lane = &index->lanes[l];

      lane->days = g_new (gint32, MAX (lane->n, 1));
      lane->end_days = g_new (gint32, MAX (lane->n, 1));
      lane->ranks = g_new (guint, MAX (lane->n, 1));
      lane->kinds = g_new (guint8, MAX (lane->n, 1));
      lane->certainties = g_new (guint8, MAX (lane->n, 1));
      lane->n = 0;
    }

  index->first_day = G_MAXINT32;
  index->last_day = G_MININT32;

  for (guint i = 0; i < n; i++)
    {
      const Entry *e = &index->entries[i];
      Lane *lane = &index->lanes[e->lane];
      gpointer item = g_list_model_get_item (events, e->position);

      index->days[i] = e->day;
      lane->days[lane->n] = e->day;
      lane->end_days[lane->n] = e->end_day;
      lane->ranks[lane->n] = i;
      lane->kinds[lane->n] = e->kind;
      lane->certainties[lane->n] = e->certainty;
      lane->max_len = MAX (lane->max_len, e->end_day - e->day);
      lane->n++;

      /* Borrowed keys: the index is rebuilt when the model changes. */
      g_hash_table_insert (index->ranks, item, GUINT_TO_POINTER (i + 1));
      g_object_unref (item);

      index->first_day = MIN (index->first_day, e->day);
      index->last_day = MAX (index->last_day, e->end_day);
    }

  return index;
}

void
icc_timeline_index_free (IccTimelineIndex *index)
{
  if (index == NULL)
    return;

  for (guint l = 0; l < ICC_N_LANES; l++)
    {
      g_free (index->lanes[l].days);
      g_free (index->lanes[l].end_days);
      g_free (index->lanes[l].ranks);
      g_free (index->lanes[l].kinds);
      g_free (index->lanes[l].certainties);
    }

  g_hash_table_unref (index->ranks);
  g_free (index->entries);
  g_free (index->days);
  g_free (index);
}

guint
icc_timeline_index_get_n_events (const IccTimelineIndex *index)
{
  g_return_val_if_fail (index != NULL, 0);

  return index->n;
}

gboolean
icc_timeline_index_get_bounds (const IccTimelineIndex *index,
                               gint32                 *first_day,
                               gint32                 *last_day)
{
  g_return_val_if_fail (index != NULL, FALSE);

  if (index->n == 0)
    return FALSE;

  if (first_day != NULL)
    *first_day = index->first_day;
  if (last_day != NULL)
    *last_day = index->last_day;

  return TRUE;
}

guint
icc_timeline_index_get_n_lane_events (const IccTimelineIndex *index,
                                      IccLane                 lane)
{
  g_return_val_if_fail (index != NULL, 0);
  g_return_val_if_fail (lane < ICC_N_LANES, 0);

  return index->lanes[lane].n;
}

guint
icc_timeline_index_get_position (const IccTimelineIndex *index,
                                 guint                   rank)
{
  g_return_val_if_fail (index != NULL, 0);
  g_return_val_if_fail (rank < index->n, 0);

  return index->entries[rank].position;
}

gint32
icc_timeline_index_get_day (const IccTimelineIndex *index,
                            guint                   rank)
{
  g_return_val_if_fail (index != NULL, 0);
  g_return_val_if_fail (rank < index->n, 0);

  return index->days[rank];
}

int
icc_timeline_index_find_event (const IccTimelineIndex *index,
                               IccEvent               *event)
{
  g_return_val_if_fail (index != NULL, -1);

  if (event == NULL)
    return -1;

  return (int)GPOINTER_TO_UINT (g_hash_table_lookup (index->ranks, event)) - 1;
}

guint
icc_timeline_index_get_lane_position (const IccTimelineIndex *index,
                                      IccLane                 lane,
                                      guint                   i)
{
  g_return_val_if_fail (index != NULL, 0);
  g_return_val_if_fail (lane < ICC_N_LANES, 0);
  g_return_val_if_fail (i < index->lanes[lane].n, 0);

  return index->entries[index->lanes[lane].ranks[i]].position;
}

/* First i in [lo, hi) with days[i] >= day, or hi. */
static guint
lower_bound (const gint32 *days,
             guint         lo,
             guint         hi,
             double        day)
{
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if ((double)days[mid] < day)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

guint
icc_timeline_index_lower_bound (const IccTimelineIndex *index,
                                double                  day)
{
  g_return_val_if_fail (index != NULL, 0);

  return lower_bound (index->days, 0, index->n, day);
}

guint
icc_timeline_index_get_lane_index (const IccTimelineIndex *index,
                                   guint                   rank,
                                   IccLane                *lane)
{
  const Lane *l;
  guint lo = 0;
  guint hi;

  g_return_val_if_fail (index != NULL, 0);
  g_return_val_if_fail (rank < index->n, 0);

  l = &index->lanes[index->entries[rank].lane];
  if (lane != NULL)
    *lane = index->entries[rank].lane;

  /* Ranks within a lane are increasing. */
  hi = l->n;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (l->ranks[mid] < rank)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

guint
icc_timeline_index_count_range (const IccTimelineIndex *index,
                                double                  from_day,
                                double                  to_day)
{
  guint lo;
  guint hi;

  g_return_val_if_fail (index != NULL, 0);

  if (to_day <= from_day)
    return 0;

  lo = lower_bound (index->days, 0, index->n, from_day);
  hi = lower_bound (index->days, lo, index->n, to_day);

  return hi - lo;
}

/* What a line under the markers holds: a label, or a leader line passing
 * it on its way to a lower line (with a pixel clear either side). */
typedef struct
{
  guint  row;
  double x0;
  double x1;
} LabelBox;

static gboolean
box_free (GArray *boxes,
          guint   row,
          double  x0,
          double  x1)
{
  for (guint i = 0; i < boxes->len; i++)
    {
      const LabelBox *box = &g_array_index (boxes, LabelBox, i);

      if (box->row == row && box->x0 < x1 && box->x1 > x0)
        return FALSE;
    }

  return TRUE;
}

/* The label of @item, -label_width wide, on the first line under the
 * markers where it fits whole, starting at its marker (or ending at the
 * right edge when it would pass it), with a leader line from the marker
 * (at MAX (0, x - 1), a pixel wide) that crosses no label on the lines it
 * passes, nor the line's it ends on: so no label covers a leader either.
 * Where none has room, the room beside the marker (label_x), ellipsized. */
static void
place_under (IccTimelineItem               *item,
             const IccTimelineScale        *scale,
             const IccTimelineLayoutParams *params,
             GArray                        *boxes)
{
  guint max_rows = MIN (params->label_rows, ICC_TIMELINE_MAX_LABEL_ROWS);
  double label_x = item->x + params->marker_radius + params->label_gap;
  double limit = item->label_x;
  int w = (int)-item->label_width;
  double leader_x = MAX (0, item->x - 1);
  double under_x = MIN (leader_x + ICC_TIMELINE_UNDER_LABEL_INDENT, scale->width - w);
  double gap = params->label_gap;

  item->label_width = 0;
  item->label_x = 0;

  for (guint r = 1; r <= max_rows && under_x >= 0; r++)
    {
      if (!box_free (boxes, r, leader_x - 1, leader_x + 2))
        break;
      if (!box_free (boxes, r, under_x - gap, under_x + w + gap))
        continue;

      item->label_width = w;
      item->label_row = r;
      item->label_x = under_x;
      g_array_append_val (boxes, ((LabelBox) { r, under_x - gap, under_x + w + gap }));
      for (guint above = 1; above <= r; above++)
        g_array_append_val (boxes, ((LabelBox) { above, leader_x - 1, leader_x + 2 }));
      return;
    }

  if (limit - label_x >= params->min_label_width)
    {
      item->label_width = limit - label_x;
      item->label_ellipsized = TRUE;
    }
}

/* Markers are binned on a grid of cluster_px columns anchored at day 0, so
 * a full screen holds one marker per column however dense the data, and
 * panning never reshuffles the clusters. A bin with one event draws it
 * where it is; a bin with more draws a cluster at the bin's centre (or at
 * the day, when all its events share one). A marker closer than
 * cluster_px - 2 to the previous one merges into it. */
static void
layout_lane (const IccTimelineIndex        *index,
             IccLane                        lane_id,
             const IccTimelineScale        *scale,
             const IccTimelineLayoutParams *params,
             GArray                        *items)
{
  const Lane *lane = &index->lanes[lane_id];
  double ppd = icc_timeline_scale_pixels_per_day (scale);
  double bin_days = params->cluster_px / ppd;
  double margin_days = (params->cluster_px + params->marker_radius) / ppd;
  double min_gap = params->cluster_px - 2;
  double lo_day;
  double hi_day;
  guint first_item = items->len;
  gboolean have_prev = FALSE;
  IccTimelineItem prev = { 0 };
  GArray *boxes;
  guint i;
  guint end;

  if (lane->n == 0)
    return;

  /* Periods that started before the view still show their bar, within
   * reason: a bar longer than a few screens is found from its cluster. */
  lo_day = scale->start - margin_days - MIN ((double)lane->max_len, 4 * scale->width / ppd);
  hi_day = scale->end + margin_days;

  /* Marker centres are at day + 0.5; start at a bin boundary. */
  lo_day = floor (lo_day / bin_days) * bin_days;
  i = lower_bound (lane->days, 0, lane->n, lo_day - 0.5);
  end = lower_bound (lane->days, i, lane->n, hi_day - 0.5);

  while (i < end)
    {
      IccTimelineItem item = { 0 };
      double first_centre = lane->days[i] + 0.5;
      double bin = floor (first_centre / bin_days);
      guint j;

      /* The events whose centre falls in this bin (one binary search, so a
       * bin costs the same with 3 events or 3,000). */
      j = lower_bound (lane->days, i + 1, end, (bin + 1) * bin_days - 0.5);

      item.lane = lane_id;
      item.first = i;
      item.count = j - i;
      item.position = index->entries[lane->ranks[i]].position;
      item.first_day = lane->days[i];
      item.kind = lane->kinds[i];
      item.certainty = lane->certainties[i];
      item.last_day = MAX (lane->days[j - 1], lane->end_days[j - 1]);

      if (item.count == 1 || lane->days[j - 1] == lane->days[i])
        item.x = icc_timeline_scale_day_to_x (scale, first_centre);
      else
        item.x = icc_timeline_scale_day_to_x (scale, (bin + 0.5) * bin_days);
      item.x_end = item.x;

      if (item.count == 1 && lane->end_days[i] > lane->days[i])
        item.x_end = icc_timeline_scale_day_to_x (scale, lane->end_days[i] + 1.0);

      i = j;

      if (have_prev && item.x - prev.x < min_gap)
        {
          /* Too close to draw apart: one cluster, where the first was. */
          prev.count += item.count;
          prev.last_day = MAX (prev.last_day, item.last_day);
          prev.x_end = prev.x;
          continue;
        }

      if (have_prev && MAX (prev.x, prev.x_end) >= -params->cluster_px)
        g_array_append_val (items, prev);

      prev = item;
      have_prev = TRUE;

      if (item.x > scale->width + params->cluster_px)
        break;
    }

  if (have_prev && MAX (prev.x, prev.x_end) >= -params->cluster_px &&
      prev.x <= scale->width + params->cluster_px)
    g_array_append_val (items, prev);

  /* Labels go right of their marker, up to the next marker of the lane. */
  if (params->label_width == NULL)
    return;

  for (guint k = first_item; k < items->len; k++)
    {
      IccTimelineItem *item = &g_array_index (items, IccTimelineItem, k);
      double label_x = item->x + params->marker_radius + params->label_gap;
      double limit;
      int w;

      if (item->count != 1 || item->x < -params->marker_radius)
        continue;

      if (k + 1 < items->len)
        {
          const IccTimelineItem *next = &g_array_index (items, IccTimelineItem, k + 1);

          limit = next->x - params->marker_radius * (next->count > 1 ? 2 : 1)
                  - params->label_gap;
        }
      else
        {
          limit = scale->width;
        }

      if (params->label_rows == 0 && limit - label_x < params->min_label_width)
        continue;

      w = params->label_width (item->position, params->user_data);

      if (label_x + w <= limit)
        {
          item->label_width = w;
          continue;
        }

      /* For the lines under the markers, below: the width wanted, and the
       * room beside the marker should none have room. */
      item->label_width = -w;
      item->label_x = limit;
    }

  /* Lines under the markers: the preferred event's label first, then from
   * the right (a left item's label going lower than its right
   * neighbours', a staircase). */
  boxes = g_array_new (FALSE, FALSE, sizeof (LabelBox));
  for (guint k = first_item; k < items->len && params->prefer; k++)
    {
      IccTimelineItem *item = &g_array_index (items, IccTimelineItem, k);

      if (item->label_width < 0 && item->position == params->prefer_position)
        place_under (item, scale, params, boxes);
    }
  for (guint k = items->len; k > first_item; k--)
    {
      IccTimelineItem *item = &g_array_index (items, IccTimelineItem, k - 1);

      if (item->label_width < 0)
        place_under (item, scale, params, boxes);
    }
  g_array_unref (boxes);
}

void
icc_timeline_layout_compute (const IccTimelineIndex        *index,
                             const IccTimelineScale        *scale,
                             const IccTimelineLayoutParams *params,
                             GArray                        *items)
{
  g_return_if_fail (index != NULL);
  g_return_if_fail (scale != NULL);
  g_return_if_fail (params != NULL);
  g_return_if_fail (params->cluster_px > 0);
  g_return_if_fail (items != NULL);

  g_array_set_size (items, 0);

  for (guint l = 0; l < ICC_N_LANES; l++)
    layout_lane (index, l, scale, params, items);
}

int
icc_timeline_layout_find_item (GArray  *items,
                               IccLane  lane,
                               double   x,
                               double   tolerance)
{
  int best = -1;
  double best_distance = G_MAXDOUBLE;

  g_return_val_if_fail (items != NULL, -1);

  /* Few items (bounded by the width): a scan is enough. */
  for (guint k = 0; k < items->len; k++)
    {
      const IccTimelineItem *item = &g_array_index (items, IccTimelineItem, k);
      double distance;

      if (item->lane != lane)
        continue;

      distance = fabs (item->x - x);
      if (item->count == 1 && x > item->x && x <= item->x_end)
        distance = 0;

      if (distance <= tolerance && distance < best_distance)
        {
          best = k;
          best_distance = distance;
        }
    }

  return best;
}

int
icc_timeline_layout_find_rank (const IccTimelineIndex *index,
                               GArray                 *items,
                               guint                   rank)
{
  IccLane lane;
  guint i;

  g_return_val_if_fail (index != NULL, -1);
  g_return_val_if_fail (items != NULL, -1);

  if (rank >= index->n)
    return -1;

  i = icc_timeline_index_get_lane_index (index, rank, &lane);
  for (guint k = 0; k < items->len; k++)
    {
      const IccTimelineItem *item = &g_array_index (items, IccTimelineItem, k);

      if (item->lane == lane && i >= item->first && i < item->first + item->count)
        return k;
    }

  return -1;
}

/* How well the event of @rank shows: -1 folded into a cluster (or not laid
 * out), else the width of its label (0: none), G_MAXDOUBLE when whole. */
static double
event_fit (const IccTimelineIndex        *index,
           const IccTimelineLayoutParams *params,
           guint                          rank,
           const IccTimelineScale        *scale,
           GArray                        *items)
{
  const IccTimelineItem *item;
  int k;

  icc_timeline_layout_compute (index, scale, params, items);
  k = icc_timeline_layout_find_rank (index, items, rank);
  if (k < 0)
    return -1;

  item = &g_array_index (items, IccTimelineItem, k);
  if (item->count != 1)
    return -1;
  if (params->label_width == NULL || (item->label_width > 0 && !item->label_ellipsized))
    return G_MAXDOUBLE;

  return item->label_width;
}

double
icc_timeline_layout_fit_event (const IccTimelineIndex        *index,
                               const IccTimelineLayoutParams *params,
                               guint                          rank,
                               double                         width,
                               double                         centre_day,
                               double                         min_span,
                               double                         max_span)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (IccTimelineItem));
  double best_span = min_span;
  double best = -1;

  g_return_val_if_fail (index != NULL, min_span);
  g_return_val_if_fail (params != NULL, min_span);
  g_return_val_if_fail (min_span > 0 && max_span >= min_span, min_span);

  if (width <= 0 || rank >= index->n)
    return max_span;

  /* Clusters depend on the grid of bins, not only on the span: step down
   * by a tenth at a time (about 70 layouts from 40 years to 10 days), each
   * costing what the pixels of the view cost. The widest span with the
   * whole label wins, else the one that shows most of it. */
  for (double span = max_span; span >= min_span; span *= 0.9)
    {
      IccTimelineScale scale = { centre_day - span / 2, centre_day + span / 2, width };
      double fit = event_fit (index, params, rank, &scale, items);

      if (fit == G_MAXDOUBLE)
        return span;
      if (fit > best)
        {
          best = fit;
          best_span = span;
        }
    }

  return best_span;
}
