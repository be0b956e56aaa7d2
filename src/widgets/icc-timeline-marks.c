/* icc-timeline-marks.c: the events' marks on a timeline, and the palette
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "icc-event.h"
#include "icc-timeline-renderer-private.h"

/* The renderer's events (icc-timeline-renderer.c draws the rest): the
 * kinds' shapes and colours, the light palette, markers, clusters and labels in
 * the static layer, and the items they make, found again by position or by
 * event and ringed on hover and selection. */

#define MARKER_RADIUS    ICC_TIMELINE_MARKER_RADIUS
#define CLUSTER_PX       28.0
#define LABEL_GAP        4.0
#define MIN_LABEL_WIDTH  40.0

typedef enum
{
  SHAPE_CIRCLE,
  SHAPE_SQUARE,
  SHAPE_DIAMOND,
  SHAPE_TRIANGLE_UP,
  SHAPE_TRIANGLE_DOWN,
  SHAPE_CROSS,
  SHAPE_HEXAGON,
  SHAPE_STAR,
} Shape;

/* Shape and colour both tell the kind apart (colour-blind safe: the
 * Okabe-Ito palette, and no two kinds of a lane share a shape). The colours
 * are named CSS colours (data/style.css) with these as fallbacks. */
static const struct {
  Shape       shape;
  const char *fallback;
} kind_styles[ICC_N_EVENT_KINDS] = {
  [ICC_EVENT_KIND_SIGNATURE] = { SHAPE_CIRCLE, "#56B4E9" },
  [ICC_EVENT_KIND_RATIFICATION] = { SHAPE_SQUARE, "#009E73" },
  [ICC_EVENT_KIND_ACCESSION] = { SHAPE_DIAMOND, "#009E73" },
  [ICC_EVENT_KIND_ENTRY_INTO_FORCE] = { SHAPE_TRIANGLE_UP, "#0072B2" },
  [ICC_EVENT_KIND_WITHDRAWAL_NOTICE] = { SHAPE_TRIANGLE_DOWN, "#E69F00" },
  [ICC_EVENT_KIND_WITHDRAWAL_EFFECTIVE] = { SHAPE_CROSS, "#D55E00" },
  [ICC_EVENT_KIND_WITHDRAWAL_REVOKED] = { SHAPE_HEXAGON, "#56B4E9" },
  [ICC_EVENT_KIND_SIGNATURE_WITHDRAWN] = { SHAPE_STAR, "#CC79A7" },
  [ICC_EVENT_KIND_ADOPTION] = { SHAPE_STAR, "#0072B2" },
  [ICC_EVENT_KIND_INVESTIGATION] = { SHAPE_CIRCLE, "#D55E00" },
  [ICC_EVENT_KIND_PRELIMINARY_EXAMINATION] = { SHAPE_DIAMOND, "#E69F00" },
  [ICC_EVENT_KIND_REPORT] = { SHAPE_SQUARE, "#999999" },
  [ICC_EVENT_KIND_WARRANT] = { SHAPE_TRIANGLE_UP, "#D55E00" },
  [ICC_EVENT_KIND_VERDICT] = { SHAPE_HEXAGON, "#CC79A7" },
  [ICC_EVENT_KIND_STATEMENT] = { SHAPE_CIRCLE, "#CC79A7" },
  [ICC_EVENT_KIND_OTHER] = { SHAPE_SQUARE, "#999999" },
};

/* The marker shapes as text, for the legend. */
static const char *shape_symbols[] = {
  [SHAPE_CIRCLE] = "●",
  [SHAPE_SQUARE] = "■",
  [SHAPE_DIAMOND] = "◆",
  [SHAPE_TRIANGLE_UP] = "▲",
  [SHAPE_TRIANGLE_DOWN] = "▼",
  [SHAPE_CROSS] = "✖",
  [SHAPE_HEXAGON] = "⬢",
  [SHAPE_STAR] = "★",
};

/* Palette (the rest is in icc-timeline-palette.c) ----------------------- */

void
icc_timeline_palette_init_light (IccTimelinePalette *palette)
{
  GdkRGBA accent;

  /* Adwaita's light window text colour, on the white of an export. */
  palette->fg = (GdkRGBA) { 0, 0, 0, 0.8 };
  gdk_rgba_parse (&accent, "#3584e4");
  icc_timeline_palette_set_accent (palette, &accent);
  gdk_rgba_parse (&palette->today, "#D55E00");
  for (guint k = 0; k < ICC_N_EVENT_KINDS; k++)
    gdk_rgba_parse (&palette->kinds[k], kind_styles[k].fallback);
  icc_timeline_palette_set_background (palette, &(GdkRGBA) { 1, 1, 1, 1 });
}

const char *
icc_timeline_kind_fallback_color (IccEventKind kind)
{
  return kind_styles[MIN (kind, ICC_N_EVENT_KINDS - 1)].fallback;
}

const char *
icc_timeline_kind_symbol (IccEventKind kind)
{
  return shape_symbols[kind_styles[MIN (kind, ICC_N_EVENT_KINDS - 1)].shape];
}

/* Labels ---------------------------------------------------------------- */

static PangoLayout *
get_event_layout (IccTimelineRenderer *self,
                  guint                position)
{
  PangoLayout *layout = g_hash_table_lookup (self->event_layouts, GUINT_TO_POINTER (position));

  if (layout == NULL)
    {
      GListModel *model = icc_timeline_view_get_model (self->view);
      g_autoptr(IccEvent) event = model != NULL ? g_list_model_get_item (model, position) : NULL;

      if (g_hash_table_size (self->event_layouts) > MAX_CACHED)
        g_hash_table_remove_all (self->event_layouts);

      layout = pango_layout_new (self->context);
      pango_layout_set_text (layout, event != NULL ? icc_event_get_title (event) : "", -1);
      pango_layout_set_single_paragraph_mode (layout, TRUE);
      g_hash_table_insert (self->event_layouts, GUINT_TO_POINTER (position), layout);
    }

  return layout;
}

static int
label_width_cb (guint    position,
                gpointer user_data)
{
  PangoLayout *layout = get_event_layout (user_data, position);
  int width;

  pango_layout_set_width (layout, -1);
  pango_layout_get_pixel_size (layout, &width, NULL);

  return width;
}

/* Drawing --------------------------------------------------------------- */

static void
shape_path (cairo_t *cr,
            Shape    shape,
            double   x,
            double   y,
            double   r)
{
  switch (shape)
    {
    case SHAPE_CIRCLE:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;

    case SHAPE_SQUARE:
      cairo_rectangle (cr, x - r * .85, y - r * .85, r * 1.7, r * 1.7);
      break;

    case SHAPE_DIAMOND:
      cairo_move_to (cr, x, y - r * 1.2);
      cairo_line_to (cr, x + r * 1.2, y);
      cairo_line_to (cr, x, y + r * 1.2);
      cairo_line_to (cr, x - r * 1.2, y);
      cairo_close_path (cr);
      break;

    case SHAPE_TRIANGLE_UP:
      cairo_move_to (cr, x, y - r * 1.2);
      cairo_line_to (cr, x + r * 1.1, y + r * .8);
      cairo_line_to (cr, x - r * 1.1, y + r * .8);
      cairo_close_path (cr);
      break;

    case SHAPE_TRIANGLE_DOWN:
      cairo_move_to (cr, x, y + r * 1.2);
      cairo_line_to (cr, x + r * 1.1, y - r * .8);
      cairo_line_to (cr, x - r * 1.1, y - r * .8);
      cairo_close_path (cr);
      break;

    case SHAPE_CROSS:
      {
        double a = r * .35;
        double b = r;

        cairo_move_to (cr, x - b, y - b + a);
        cairo_line_to (cr, x - b + a, y - b);
        cairo_line_to (cr, x, y - a);
        cairo_line_to (cr, x + b - a, y - b);
        cairo_line_to (cr, x + b, y - b + a);
        cairo_line_to (cr, x + a, y);
        cairo_line_to (cr, x + b, y + b - a);
        cairo_line_to (cr, x + b - a, y + b);
        cairo_line_to (cr, x, y + a);
        cairo_line_to (cr, x - b + a, y + b);
        cairo_line_to (cr, x - b, y + b - a);
        cairo_line_to (cr, x - a, y);
        cairo_close_path (cr);
      }
      break;

    case SHAPE_HEXAGON:
      for (int i = 0; i < 6; i++)
        {
          double a = G_PI / 3 * i;

          if (i == 0)
            cairo_move_to (cr, x + r * 1.05 * cos (a), y + r * 1.05 * sin (a));
          else
            cairo_line_to (cr, x + r * 1.05 * cos (a), y + r * 1.05 * sin (a));
        }
      cairo_close_path (cr);
      break;

    case SHAPE_STAR:
      for (int i = 0; i < 10; i++)
        {
          double a = -G_PI / 2 + G_PI / 5 * i;
          double rr = i % 2 == 0 ? r * 1.3 : r * .55;

          if (i == 0)
            cairo_move_to (cr, x + rr * cos (a), y + rr * sin (a));
          else
            cairo_line_to (cr, x + rr * cos (a), y + rr * sin (a));
        }
      cairo_close_path (cr);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Confirmed events are filled; anything less is hollow and dashed, so an
 * unconfirmed fact never looks settled. */
static void
draw_marker (IccTimelineRenderer *self,
             cairo_t      *cr,
             IccEventKind  kind,
             IccCertainty  certainty,
             double        x,
             double        y)
{
  const GdkRGBA *color = &self->palette.kinds[MIN (kind, ICC_N_EVENT_KINDS - 1)];
  Shape shape = kind_styles[MIN (kind, ICC_N_EVENT_KINDS - 1)].shape;

  shape_path (cr, shape, x, y, MARKER_RADIUS);

  if (certainty == ICC_CERTAINTY_CONFIRMED)
    {
      gdk_cairo_set_source_rgba (cr, color);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, self->palette.fg.red, self->palette.fg.green, self->palette.fg.blue,
                             self->palette.fg.alpha * .55);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }
  else
    {
      static const double dashes[] = { 2.5, 1.5 };

      cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * .18);
      cairo_fill_preserve (cr);
      gdk_cairo_set_source_rgba (cr, color);
      cairo_set_line_width (cr, 2);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
}

void
icc_timeline_cluster_count_text (guint  count,
                                 char  *text,
                                 gsize  size)
{
  /* Short counts keep the pill narrower than the cluster spacing. */
  if (count >= 10000)
    g_snprintf (text, size, "%uk", count / 1000);
  else if (count >= 1000)
    g_snprintf (text, size, "%u.%uk", count / 1000, count % 1000 / 100);
  else
    g_snprintf (text, size, "%u", count);
}

void
icc_timeline_renderer_draw_marker (IccTimelineRenderer *self,
                                   cairo_t             *cr,
                                   IccEventKind         kind,
                                   IccCertainty         certainty,
                                   double               x,
                                   double               y)
{
  cairo_new_path (cr);
  draw_marker (self, cr, kind, certainty, x, y);
}

static double
cluster_half_width (IccTimelineRenderer   *self,
                    const IccTimelineItem *item,
                    PangoLayout          **layout_out)
{
  char text[16];
  char key[17];
  PangoLayout *layout;
  int w;

  icc_timeline_cluster_count_text (item->count, text, sizeof text);

  /* Keyed apart from plain texts: these are small and bold. */
  key[0] = '\x01';
  g_strlcpy (key + 1, text, sizeof key - 1);
  layout = g_hash_table_lookup (self->text_layouts, key);
  if (layout == NULL)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      layout = pango_layout_new (self->context);
      pango_layout_set_text (layout, text, -1);
      g_hash_table_insert (self->text_layouts, g_strdup (key), layout);
      pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  pango_layout_get_pixel_size (layout, &w, NULL);

  if (layout_out != NULL)
    *layout_out = layout;

  return CLAMP (w / 2.0 + 4, MARKER_RADIUS + 2, CLUSTER_PX / 2 - 1);
}

double
icc_timeline_renderer_fit_event (IccTimelineRenderer *self,
                                 IccTimelineView     *view,
                                 int                  width,
                                 IccEvent            *event,
                                 double               centre_day,
                                 double               min_span,
                                 double               max_span)
{
  IccTimelineLayoutParams params = {
    .cluster_px = CLUSTER_PX,
    .marker_radius = MARKER_RADIUS,
    .label_gap = LABEL_GAP,
    .min_label_width = MIN_LABEL_WIDTH,
    .label_width = label_width_cb,
    .user_data = self,
  };
  const IccTimelineIndex *index;
  int rank;

  g_return_val_if_fail (self != NULL, max_span);
  g_return_val_if_fail (ICC_IS_EVENT (event), max_span);

  index = icc_timeline_view_get_index (view);
  rank = index != NULL ? icc_timeline_index_find_event (index, event) : -1;
  if (rank < 0)
    return max_span;

  return icc_timeline_layout_fit_event (index, &params, rank, width, centre_day, min_span,
                                        max_span);
}

void
_icc_timeline_renderer_layout_events (IccTimelineRenderer *self,
                                      guint                label_rows)
{
  IccTimelineLayoutParams params = {
    .cluster_px = CLUSTER_PX,
    .marker_radius = MARKER_RADIUS,
    .label_gap = LABEL_GAP,
    .min_label_width = MIN_LABEL_WIDTH,
    .label_width = label_width_cb,
    .user_data = self,
    .label_rows = label_rows,
  };
  IccTimelineScale scale;
  IccTimelineIndex *index;
  int rank;

  if (icc_timeline_view_get_model (self->view) == NULL)
    {
      g_array_set_size (self->items, 0);
      return;
    }

  /* An export's current event (a tour step's) has its label placed first. */
  index = icc_timeline_view_get_index (self->view);
  rank = self->export.current != NULL ? icc_timeline_index_find_event (index,
                                                                        self->export.current)
                                      : -1;
  if (rank >= 0)
    {
      params.prefer = TRUE;
      params.prefer_position = icc_timeline_index_get_position (index, rank);
    }

  scale = self->scale;
  icc_timeline_layout_compute (index, &scale, &params, self->items);
}

/* The outline of an item: its kind's shape, or a cluster's pill. */
static void
item_path (IccTimelineRenderer   *self,
           cairo_t               *cr,
           const IccTimelineItem *item,
           double                 y)
{
  if (item->count == 1)
    {
      shape_path (cr, kind_styles[MIN (item->kind, ICC_N_EVENT_KINDS - 1)].shape, item->x, y,
                  MARKER_RADIUS);
    }
  else
    {
      double hw = cluster_half_width (self, item, NULL);
      double r = MARKER_RADIUS + 2;

      cairo_new_sub_path (cr);
      cairo_arc (cr, item->x - hw + r, y, r, G_PI / 2, 3 * G_PI / 2);
      cairo_arc (cr, item->x + hw - r, y, r, 3 * G_PI / 2, G_PI / 2);
      cairo_close_path (cr);
    }
}

double
icc_timeline_renderer_item_path (IccTimelineRenderer *self,
                                 cairo_t             *cr,
                                 guint                i)
{
  const IccTimelineItem *item;
  double y;

  g_return_val_if_fail (i < self->items->len, 0);

  item = &g_array_index (self->items, IccTimelineItem, i);
  y = icc_timeline_geometry_marker_y (&self->geometry, item->lane);
  item_path (self, cr, item, y);

  return y;
}

void
_icc_timeline_renderer_draw_events (IccTimelineRenderer *self,
                                    GtkSnapshot         *snapshot,
                                    int                  width,
                                    int                  height)
{
  const GdkRGBA *cluster_fill = &self->palette.cluster_fill;
  const GdkRGBA *cluster_line = &self->palette.cluster_line;
  GdkRGBA leader = self->palette.fg;
  double top = self->geometry.lanes_top;
  double bottom = self->geometry.lanes_bottom;
  int label_lines;
  int current = -1;

  if (self->items->len == 0)
    return;

  leader.alpha *= .3;

  /* Shapes in cairo nodes, one strip per lane (GTK 4.8 has no path
   * nodes); a strip is only as tall as a marker, so cheap to fill. */
  for (guint lane = 0; lane < ICC_N_LANES && !self->export.no_shapes; lane++)
    {
      double y = icc_timeline_geometry_marker_y (&self->geometry, lane);
      double strip_top = MAX (top, y - MARKER_RADIUS * 1.5 - 2);
      double strip_bottom = MIN (bottom, y + MARKER_RADIUS * 1.5 + 2);
      cairo_t *cr = NULL;

      for (guint i = 0; i < self->items->len; i++)
        {
          const IccTimelineItem *item = &g_array_index (self->items, IccTimelineItem, i);

          if (item->lane != lane)
            continue;

          if (cr == NULL)
            {
              cr = gtk_snapshot_append_cairo (snapshot,
                                              &GRAPHENE_RECT_INIT (0, strip_top, width,
                                                                   strip_bottom - strip_top));
              cairo_rectangle (cr, 0, strip_top, width, strip_bottom - strip_top);
              cairo_clip (cr);
            }

          if (item->count == 1)
            {
              IccEventKind kind = item->kind;

              if (item->x_end > item->x)
                {
                  const GdkRGBA *c = &self->palette.kinds[MIN (kind, ICC_N_EVENT_KINDS - 1)];

                  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha * .45);
                  cairo_rectangle (cr, item->x, y - 3, item->x_end - item->x, 6);
                  cairo_fill (cr);
                }

              draw_marker (self, cr, kind, item->certainty, item->x, y);
            }
          else
            {
              item_path (self, cr, item, y);
              gdk_cairo_set_source_rgba (cr, cluster_fill);
              cairo_fill_preserve (cr);
              gdk_cairo_set_source_rgba (cr, cluster_line);
              cairo_set_line_width (cr, 1);
              cairo_stroke (cr);
            }
        }

      g_clear_pointer (&cr, cairo_destroy);
    }

  label_lines = icc_timeline_geometry_label_lines (&self->geometry, self->line_height);
  /* An export's lines under the markers are for whole labels: one cut by
   * the next marker keeps to its own line, over none of theirs. */
  if (self->exporting && self->export.label_rows > 0)
    label_lines = 1;

  /* An export's current event (a tour step's): its label in the accent. */
  if (self->export.current != NULL)
    current = icc_timeline_renderer_find_event_item (self, self->view, self->export.current);

  /* Text over the shapes: cluster counts and the labels that fit. */
  for (guint i = 0; i < self->items->len; i++)
    {
      const IccTimelineItem *item = &g_array_index (self->items, IccTimelineItem, i);
      double y = icc_timeline_geometry_marker_y (&self->geometry, item->lane);
      const GdkRGBA *label_color = (int)i == current ? &self->palette.cursor_pill
                                                     : &self->palette.fg;
      PangoLayout *layout;
      int w;
      int h;

      if (item->count > 1)
        {
          cluster_half_width (self, item, &layout);
          pango_layout_get_pixel_size (layout, &w, &h);
          append_text (self, snapshot, layout, item->x - w / 2.0, y - h / 2.0,
                       &self->palette.cluster_text);
        }
      else if (item->label_width > 0)
        {
          layout = get_event_layout (self, item->position);
          if (item->label_ellipsized)
            {
              /* A label cut by the next marker takes the lines the lane
               * has room for, then is ellipsized. */
              pango_layout_set_width (layout, (int)(item->label_width * PANGO_SCALE));
              pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
              pango_layout_set_height (layout, -label_lines);
              pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
            }
          else
            {
              pango_layout_set_width (layout, -1);
              pango_layout_set_height (layout, -1);
            }
          pango_layout_get_pixel_size (layout, &w, &h);
          if (item->label_row == 0)
            {
              append_text (self, snapshot, layout, item->x + MARKER_RADIUS + LABEL_GAP,
                           y - h / 2.0, label_color);
            }
          else
            {
              /* Under the marker, a line leading down to it. */
              double row_y = y + item->label_row * self->geometry.row_height;
              double x = MAX (0, item->x - 1);

              gtk_snapshot_append_color (snapshot, &leader,
                                         &GRAPHENE_RECT_INIT (x, y + MARKER_RADIUS + 1, 1,
                                                              row_y - y - MARKER_RADIUS - 1));
              append_text (self, snapshot, layout, item->label_x, row_y - h / 2.0,
                           label_color);
            }
        }
    }
}

/* Items ----------------------------------------------------------------- */

GArray *
icc_timeline_renderer_get_items (IccTimelineRenderer *self)
{
  return self->items;
}

void
icc_timeline_renderer_clear_items (IccTimelineRenderer *self)
{
  g_array_set_size (self->items, 0);
}

int
icc_timeline_renderer_find_event_item (IccTimelineRenderer *self,
                                       IccTimelineView     *view,
                                       IccEvent            *event)
{
  IccTimelineIndex *index;
  IccLane lane;
  guint lane_i;
  int rank;

  if (event == NULL || icc_timeline_view_get_model (view) == NULL)
    return -1;

  index = icc_timeline_view_get_index (view);
  rank = icc_timeline_index_find_event (index, event);
  if (rank < 0)
    return -1;

  lane_i = icc_timeline_index_get_lane_index (index, rank, &lane);

  for (guint i = 0; i < self->items->len; i++)
    {
      const IccTimelineItem *item = &g_array_index (self->items, IccTimelineItem, i);

      if (item->lane == lane && lane_i >= item->first && lane_i < item->first + item->count)
        return i;
    }

  return -1;
}

void
icc_timeline_renderer_snapshot_ring (IccTimelineRenderer *self,
                                     GtkSnapshot         *snapshot,
                                     int                  height,
                                     guint                i,
                                     const GdkRGBA       *color,
                                     float                width)
{
  const IccTimelineItem *item;
  GskRoundedRect ring;
  GdkRGBA colors[4] = { *color, *color, *color, *color };
  float widths[4] = { width, width, width, width };
  double y;
  double hw;
  double r;
  double pad = 3 + width;

  g_return_if_fail (i < self->items->len);

  item = &g_array_index (self->items, IccTimelineItem, i);
  icc_timeline_geometry_init (&self->geometry, self->geometry.width, height, self->line_height);
  y = icc_timeline_geometry_marker_y (&self->geometry, item->lane);
  hw = item->count > 1 ? cluster_half_width (self, item, NULL) : MARKER_RADIUS;
  r = item->count > 1 ? MARKER_RADIUS + 2 : MARKER_RADIUS;

  gsk_rounded_rect_init_from_rect (&ring,
                                   &GRAPHENE_RECT_INIT (item->x - hw - pad, y - r - pad,
                                                        2 * (hw + pad), 2 * (r + pad)),
                                   r + pad);
  gtk_snapshot_append_border (snapshot, &ring, widths, colors);
}

void
icc_timeline_renderer_snapshot_full_label (IccTimelineRenderer *self,
                                           IccTimelineView     *view,
                                           GtkSnapshot         *snapshot,
                                           int                  width,
                                           int                  height,
                                           guint                i)
{
  const IccTimelineItem *item;
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(IccEvent) event = NULL;
  GdkRGBA on_accent = { 1, 1, 1, 1 };
  GskRoundedRect pill;
  GListModel *model;
  double x, y;
  int w, h;

  g_return_if_fail (i < self->items->len);

  item = &g_array_index (self->items, IccTimelineItem, i);
  model = icc_timeline_view_get_model (view);
  if (item->count != 1 || (item->label_width > 0 && !item->label_ellipsized) || model == NULL)
    return;

  event = g_list_model_get_item (model, item->position);
  if (event == NULL || icc_event_get_title (event) == NULL)
    return;

  /* Not from the cache: the drawn labels' layouts carry their widths. */
  layout = pango_layout_new (self->context);
  pango_layout_set_text (layout, icc_event_get_title (event), -1);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_get_pixel_size (layout, &w, &h);

  icc_timeline_geometry_init (&self->geometry, width, height, self->line_height);
  y = icc_timeline_geometry_marker_y (&self->geometry, item->lane);
  x = CLAMP (item->x + MARKER_RADIUS + LABEL_GAP, 0, MAX (0, width - w - 12));

  gsk_rounded_rect_init_from_rect (&pill, &GRAPHENE_RECT_INIT (x, y - h / 2.0 - 1, w + 12, h + 2),
                                   (h + 2) / 2.0);
  gtk_snapshot_push_rounded_clip (snapshot, &pill);
  gtk_snapshot_append_color (snapshot, &self->palette.cursor_pill, &pill.bounds);
  gtk_snapshot_pop (snapshot);
  append_text (self, snapshot, layout, x + 6, y - h / 2.0, &on_accent);
}

int
icc_timeline_renderer_item_at (IccTimelineRenderer *self,
                               int                  height,
                               double               x,
                               double               y)
{
  int lane;
  int found;

  icc_timeline_geometry_init (&self->geometry, self->geometry.width, height, self->line_height);
  lane = icc_timeline_geometry_lane_at_y (&self->geometry, y);
  if (lane < 0)
    return -1;

  if (fabs (y - icc_timeline_geometry_marker_y (&self->geometry, lane)) > MARKER_RADIUS + 6)
    return -1;

  found = icc_timeline_layout_find_item (self->items, lane, x, MARKER_RADIUS + 3);
  if (found < 0)
    {
      /* Clusters are wider than single markers. */
      for (guint i = 0; i < self->items->len; i++)
        {
          const IccTimelineItem *item = &g_array_index (self->items, IccTimelineItem, i);

          if (item->lane == (guint)lane && item->count > 1 &&
              fabs (item->x - x) <= cluster_half_width (self, item, NULL))
            return i;
        }
    }

  return found;
}
