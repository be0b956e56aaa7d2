/* icc-timeline.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "icc-date.h"
#include "icc-enum-util.h"
#include "icc-era.h"
#include "icc-event.h"
#include "icc-timeline.h"
#include "icc-timeline-layout.h"
#include "icc-timeline-scale.h"

#define AXIS_HEIGHT      40.0   /* at least: two rows of labels set it */
#define OVERVIEW_HEIGHT  18.0
#define LANE_HEADING     16.0   /* at least: a line of text sets it */
#define MARKER_RADIUS    6.0
#define CLUSTER_PX       28.0
#define LABEL_GAP        4.0
#define MIN_LABEL_WIDTH  40.0
#define CURSOR_GRAB_PX   5.0
#define ZOOM_STEP        1.5
#define ANIMATION_USEC   (200 * G_TIME_SPAN_MILLISECOND)  /* default */
#define HISTORY_MAX      64
#define MAX_CACHED       2048

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

typedef enum
{
  DRAG_NONE,
  DRAG_PAN,
  DRAG_CURSOR,
  DRAG_SELECT,
  DRAG_OVERVIEW,
} DragMode;

typedef struct
{
  double start;
  double end;
} Range;

struct _IccTimeline
{
  GtkWidget          parent_instance;

  GListModel        *model;
  GSignalGroup      *model_signals;
  GListModel        *eras;
  GSignalGroup      *eras_signals;
  IccFocus          *focus;
  GSignalGroup      *focus_signals;

  /* Rebuilt lazily after the model changed. */
  IccTimelineIndex  *index;

  double             start;
  double             end;
  gint32             today;
  guint              range_set : 1;

  /* Animation of the visible range (frame clock tick). */
  guint              tick_id;
  gint64             anim_begin;
  gint64             anim_duration;
  Range              anim_from;
  Range              anim_to;
  guint              animating : 1;

  /* Kinetic panning after a drag, in pixels per second. */
  double             kinetic_velocity;
  gint64             kinetic_last;
  gint64             drag_last_t;
  double             drag_last_x;
  double             drag_velocity;

  GArray            *history;
  gint64             last_history_push;

  /* The static layer: dropped on size, data, style and range changes.
   * Hover, selection and cursor are drawn on top, uncached. */
  GskRenderNode     *static_node;
  GskRenderNode     *overview_node;
  GArray            *ticks;
  GArray            *items;
  GHashTable        *text_layouts;
  GHashTable        *event_layouts;
  int                static_width;
  int                static_height;

  GdkRGBA            fg;
  int                line_height;  /* of the widget's font, in pixels */
  GdkRGBA            accent;
  GdkRGBA            cursor_pill;  /* the accent, dark enough for white text */
  GdkRGBA            today_color;
  GdkRGBA            kind_colors[ICC_N_EVENT_KINDS];

  double             pointer_x;
  double             pointer_y;
  int                hover_item;
  guint              pointer_inside : 1;

  DragMode           drag_mode;
  Range              drag_begin_range;
  double             drag_x;
  gboolean           drag_moved;

  Range              zoom_begin_range;
  double             zoom_begin_x;

  /* Set while the timeline itself changes focus.event, which then needs no
   * scrolling into view (a click must not move what was clicked). */
  guint              selecting : 1;

  guint              has_selection : 1;
  Range              selection;
  GtkWidget         *selection_popover;
};

enum {
  PROP_0,
  PROP_MODEL,
  PROP_FOCUS,
  PROP_ERAS,
  PROP_START,
  PROP_END,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (IccTimeline, icc_timeline, GTK_TYPE_WIDGET)

static void set_range (IccTimeline *self,
                       double       start,
                       double       end);

/* Geometry ------------------------------------------------------------- */

/* The axis holds two rows of labels (years over months, say) and a lane
 * heading one line: with the presentation's large text they grow with it. */
static double
axis_height (IccTimeline *self)
{
  return MAX (AXIS_HEIGHT, 2 * self->line_height + 4);
}

static double
lane_heading (IccTimeline *self)
{
  return MAX (LANE_HEADING, self->line_height);
}

static double
lanes_top (IccTimeline *self)
{
  return axis_height (self);
}

static double
lanes_bottom (IccTimeline *self)
{
  return MAX (lanes_top (self) + 3, gtk_widget_get_height (GTK_WIDGET (self)) - OVERVIEW_HEIGHT);
}

static double
lane_height (IccTimeline *self)
{
  return (lanes_bottom (self) - lanes_top (self)) / ICC_N_LANES;
}

static double
lane_marker_y (IccTimeline *self,
               IccLane      lane)
{
  double h = lane_height (self);

  return lanes_top (self) + lane * h + lane_heading (self) + (h - lane_heading (self)) / 2;
}

static int
lane_at_y (IccTimeline *self,
           double       y)
{
  if (y < lanes_top (self) || y >= lanes_bottom (self))
    return -1;

  return CLAMP ((int)((y - lanes_top (self)) / lane_height (self)), 0, ICC_N_LANES - 1);
}

static void
get_scale (IccTimeline      *self,
           IccTimelineScale *scale)
{
  icc_timeline_scale_init (scale, self->start, self->end,
                           MAX (1, gtk_widget_get_width (GTK_WIDGET (self))));
}

static double
day_at_x (IccTimeline *self,
          double       x)
{
  IccTimelineScale scale;

  get_scale (self, &scale);

  return icc_timeline_scale_x_to_day (&scale, x);
}

static double
x_at_day (IccTimeline *self,
          double       day)
{
  IccTimelineScale scale;

  get_scale (self, &scale);

  return icc_timeline_scale_day_to_x (&scale, day);
}

static gint32
today_day (void)
{
  IccDate today;

  icc_date_init_today (&today);

  return icc_date_get_day (&today);
}

/* Index and bounds ----------------------------------------------------- */

static IccTimelineIndex *
ensure_index (IccTimeline *self)
{
  if (self->index == NULL)
    self->index = icc_timeline_index_new (self->model);

  return self->index;
}

/* The days of the data (or of the ICC's history without data). */
static void
get_data_range (IccTimeline *self,
                double      *first,
                double      *last)
{
  gint32 f;
  gint32 l;

  if (icc_timeline_index_get_bounds (ensure_index (self), &f, &l))
    {
      *first = f;
      *last = l + 1;
    }
  else
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, G_DATE_JANUARY, 1998);
      *first = g_date_get_julian (&date);
      *last = self->today + 1;
    }
}

/* Where panning may go: the data with room around it, and today. */
static void
get_bounds (IccTimeline *self,
            double      *first,
            double      *last)
{
  double pad;

  get_data_range (self, first, last);
  *last = MAX (*last, self->today + 1);
  pad = MAX (365, (*last - *first) * 0.1);
  *first -= pad;
  *last += pad;
}

static void
fit_range (IccTimeline *self,
           Range       *range)
{
  double pad;

  get_data_range (self, &range->start, &range->end);
  pad = MAX (5, (range->end - range->start) * 0.03);
  range->start -= pad;
  range->end += pad;
}

/* Caches --------------------------------------------------------------- */

static void
invalidate_static (IccTimeline *self)
{
  g_clear_pointer (&self->static_node, gsk_render_node_unref);
  self->hover_item = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
invalidate_all (IccTimeline *self)
{
  g_clear_pointer (&self->overview_node, gsk_render_node_unref);
  invalidate_static (self);
}

static void
invalidate_index (IccTimeline *self)
{
  g_clear_pointer (&self->index, icc_timeline_index_free);
  g_hash_table_remove_all (self->event_layouts);
  g_array_set_size (self->items, 0);
  invalidate_all (self);
}

static PangoLayout *
get_text_layout (IccTimeline *self,
                 const char  *text)
{
  PangoLayout *layout = g_hash_table_lookup (self->text_layouts, text);

  if (layout == NULL)
    {
      if (g_hash_table_size (self->text_layouts) > MAX_CACHED)
        g_hash_table_remove_all (self->text_layouts);

      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
      g_hash_table_insert (self->text_layouts, g_strdup (text), layout);
    }

  return layout;
}

static int
measure_text_cb (const char *text,
                 gpointer    user_data)
{
  int width;

  pango_layout_get_pixel_size (get_text_layout (user_data, text), &width, NULL);

  return width;
}

static PangoLayout *
get_event_layout (IccTimeline *self,
                  guint        position)
{
  PangoLayout *layout = g_hash_table_lookup (self->event_layouts, GUINT_TO_POINTER (position));

  if (layout == NULL)
    {
      g_autoptr(IccEvent) event = g_list_model_get_item (self->model, position);

      if (g_hash_table_size (self->event_layouts) > MAX_CACHED)
        g_hash_table_remove_all (self->event_layouts);

      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self),
                                               event != NULL ? icc_event_get_title (event) : "");
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

/* WCAG 2 relative luminance of an sRGB colour. */
static double
relative_luminance (const GdkRGBA *color)
{
  double c[3] = { color->red, color->green, color->blue };

  for (guint i = 0; i < 3; i++)
    c[i] = c[i] <= 0.04045 ? c[i] / 12.92 : pow ((c[i] + 0.055) / 1.055, 2.4);

  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

/* Darkens @background until white text on it has the WCAG AA contrast
 * (4.5:1), a little over it so that 8-bit rounding keeps it there. Adwaita's
 * light accent (#3584e4) gives 3.8:1; its dark and high contrast accents
 * already pass and are kept as they are. */
static void
darken_for_white_text (GdkRGBA *background)
{
  for (guint i = 0; i < 40 && 1.05 / (relative_luminance (background) + 0.05) < 4.6; i++)
    {
      background->red *= 0.97;
      background->green *= 0.97;
      background->blue *= 0.97;
    }
}

static void
update_colors (IccTimeline *self)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  g_autoptr(GEnumClass) kinds = g_type_class_ref (ICC_TYPE_EVENT_KIND);

  gtk_style_context_get_color (context, &self->fg);

  if (!gtk_style_context_lookup_color (context, "icc_timeline_accent", &self->accent) &&
      !gtk_style_context_lookup_color (context, "accent_bg_color", &self->accent) &&
      !gtk_style_context_lookup_color (context, "theme_selected_bg_color", &self->accent))
    gdk_rgba_parse (&self->accent, "#3584e4");
  self->cursor_pill = self->accent;
  darken_for_white_text (&self->cursor_pill);

  if (!gtk_style_context_lookup_color (context, "icc_timeline_today", &self->today_color))
    gdk_rgba_parse (&self->today_color, "#D55E00");

  for (guint k = 0; k < ICC_N_EVENT_KINDS; k++)
    {
      GEnumValue *value = g_enum_get_value (kinds, k);
      g_autofree char *name = NULL;

      if (value != NULL)
        {
          name = g_strdup_printf ("icc_kind_%s", value->value_nick);
          g_strdelimit (name, "-", '_');
        }

      if (name == NULL ||
          !gtk_style_context_lookup_color (context, name, &self->kind_colors[k]))
        gdk_rgba_parse (&self->kind_colors[k], kind_styles[k].fallback);
    }
}

/* Drawing -------------------------------------------------------------- */

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
draw_marker (IccTimeline  *self,
             cairo_t      *cr,
             IccEventKind  kind,
             IccCertainty  certainty,
             double        x,
             double        y)
{
  const GdkRGBA *color = &self->kind_colors[MIN (kind, ICC_N_EVENT_KINDS - 1)];
  Shape shape = kind_styles[MIN (kind, ICC_N_EVENT_KINDS - 1)].shape;

  shape_path (cr, shape, x, y, MARKER_RADIUS);

  if (certainty == ICC_CERTAINTY_CONFIRMED)
    {
      gdk_cairo_set_source_rgba (cr, color);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, self->fg.red, self->fg.green, self->fg.blue,
                             self->fg.alpha * .55);
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

static double
cluster_half_width (IccTimeline           *self,
                    const IccTimelineItem *item,
                    PangoLayout          **layout_out)
{
  char text[16];
  char key[17];
  PangoLayout *layout;
  int w;

  /* Short counts keep the pill narrower than the cluster spacing. */
  if (item->count >= 10000)
    g_snprintf (text, sizeof text, "%uk", item->count / 1000);
  else if (item->count >= 1000)
    g_snprintf (text, sizeof text, "%u.%uk", item->count / 1000, item->count % 1000 / 100);
  else
    g_snprintf (text, sizeof text, "%u", item->count);

  /* Keyed apart from plain texts: these are small and bold. */
  key[0] = '\x01';
  g_strlcpy (key + 1, text, sizeof key - 1);
  layout = g_hash_table_lookup (self->text_layouts, key);
  if (layout == NULL)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
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

static void
append_text (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             double         x,
             double         y,
             const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
draw_axis (IccTimeline *self,
           GtkSnapshot *snapshot,
           int          width,
           int          height)
{
  IccTimelineScale scale;
  GdkRGBA grid = self->fg;
  GdkRGBA major_grid = self->fg;
  GdkRGBA dim = self->fg;
  GdkRGBA band = self->fg;
  double bottom = lanes_bottom (self);

  grid.alpha *= .08;
  major_grid.alpha *= .2;
  dim.alpha *= .7;
  band.alpha *= .04;

  get_scale (self, &scale);
  icc_timeline_scale_compute_ticks (&scale, measure_text_cb, self, self->ticks);

  gtk_snapshot_append_color (snapshot, &band, &GRAPHENE_RECT_INIT (0, 0, width, axis_height (self)));
  gtk_snapshot_append_color (snapshot, &major_grid,
                             &GRAPHENE_RECT_INIT (0, axis_height (self) - 1, width, 1));

  for (guint i = 0; i < self->ticks->len; i++)
    {
      const IccTimelineTick *tick = &g_array_index (self->ticks, IccTimelineTick, i);
      double x = round (tick->x);

      if (tick->sub)
        {
          gtk_snapshot_append_color (snapshot, &major_grid,
                                     &GRAPHENE_RECT_INIT (x, axis_height (self) - 4, 1, 4));
        }
      else if (tick->major)
        {
          if (x >= 0)
            gtk_snapshot_append_color (snapshot, &major_grid,
                                       &GRAPHENE_RECT_INIT (x, 0, 1, bottom));
          if (tick->label != NULL)
            append_text (snapshot, get_text_layout (self, tick->label),
                         tick->label_x, 2, &self->fg);
        }
      else
        {
          if (x >= 0)
            {
              gtk_snapshot_append_color (snapshot, &major_grid,
                                         &GRAPHENE_RECT_INIT (x, axis_height (self) - 8, 1, 8));
              gtk_snapshot_append_color (snapshot, &grid,
                                         &GRAPHENE_RECT_INIT (x, axis_height (self), 1,
                                                              bottom - axis_height (self)));
            }
          if (tick->label != NULL)
            append_text (snapshot, get_text_layout (self, tick->label),
                         tick->label_x, axis_height (self) - self->line_height - 2, &dim);
        }
    }
}

static void
draw_eras (IccTimeline *self,
           GtkSnapshot *snapshot,
           int          width)
{
  guint n;
  double top = lanes_top (self);
  double bottom = lanes_bottom (self);

  if (self->eras == NULL)
    return;

  n = g_list_model_get_n_items (self->eras);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IccEra) era = g_list_model_get_item (self->eras, i);
      double x0 = x_at_day (self, icc_era_get_start_day (era));
      double x1 = x_at_day (self, icc_era_get_end_day (era) + 1.0);
      GdkRGBA tint = self->accent;
      PangoLayout *layout;
      int w;

      if (x1 < 0 || x0 > width)
        continue;

      x0 = MAX (x0, 0);
      x1 = MIN (x1, width);
      tint.alpha *= i % 2 == 0 ? .08 : .14;
      gtk_snapshot_append_color (snapshot, &tint,
                                 &GRAPHENE_RECT_INIT (x0, top, x1 - x0, bottom - top));

      layout = get_text_layout (self, icc_era_get_title (era));
      pango_layout_get_pixel_size (layout, &w, NULL);
      if (w + 8 <= x1 - x0)
        {
          GdkRGBA dim = self->fg;

          dim.alpha *= .6;
          append_text (snapshot, layout, x0 + 4, bottom - self->line_height - 2, &dim);
        }
    }
}

static void
draw_lanes (IccTimeline *self,
            GtkSnapshot *snapshot,
            int          width)
{
  GdkRGBA line = self->fg;
  double h = lane_height (self);

  line.alpha *= .15;

  for (guint l = 0; l < ICC_N_LANES; l++)
    {
      double y = lanes_top (self) + l * h;

      if (l > 0)
        gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (0, y, width, 1));
    }
}

static void
draw_lane_headings (IccTimeline *self,
                    GtkSnapshot *snapshot)
{
  GdkRGBA heading = self->fg;
  double h = lane_height (self);

  heading.alpha *= .75;

  for (guint l = 0; l < ICC_N_LANES; l++)
    {
      PangoLayout *layout = get_text_layout (self, icc_lane_get_label (l));

      append_text (snapshot, layout, 6, lanes_top (self) + l * h + 1, &heading);
    }
}

static void
draw_events (IccTimeline *self,
             GtkSnapshot *snapshot,
             int          width,
             int          height)
{
  IccTimelineLayoutParams params = {
    .cluster_px = CLUSTER_PX,
    .marker_radius = MARKER_RADIUS,
    .label_gap = LABEL_GAP,
    .min_label_width = MIN_LABEL_WIDTH,
    .label_width = label_width_cb,
    .user_data = self,
  };
  IccTimelineScale scale;
  GdkRGBA cluster_fill = self->fg;
  GdkRGBA cluster_line = self->fg;
  double top = lanes_top (self);
  double bottom = lanes_bottom (self);

  if (self->model == NULL)
    return;

  get_scale (self, &scale);
  icc_timeline_layout_compute (ensure_index (self), &scale, &params, self->items);

  if (self->items->len == 0)
    return;

  cluster_fill.alpha *= .12;
  cluster_line.alpha *= .5;

  /* Shapes in cairo nodes, one strip per lane (GTK 4.8 has no path
   * nodes); a strip is only as tall as a marker, so cheap to fill. */
  for (guint lane = 0; lane < ICC_N_LANES; lane++)
    {
      double y = lane_marker_y (self, lane);
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
                  const GdkRGBA *c = &self->kind_colors[MIN (kind, ICC_N_EVENT_KINDS - 1)];

                  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha * .45);
                  cairo_rectangle (cr, item->x, y - 3, item->x_end - item->x, 6);
                  cairo_fill (cr);
                }

              draw_marker (self, cr, kind, item->certainty, item->x, y);
            }
          else
            {
              double hw = cluster_half_width (self, item, NULL);
              double r = MARKER_RADIUS + 2;

              cairo_new_sub_path (cr);
              cairo_arc (cr, item->x - hw + r, y, r, G_PI / 2, 3 * G_PI / 2);
              cairo_arc (cr, item->x + hw - r, y, r, 3 * G_PI / 2, G_PI / 2);
              cairo_close_path (cr);
              gdk_cairo_set_source_rgba (cr, &cluster_fill);
              cairo_fill_preserve (cr);
              gdk_cairo_set_source_rgba (cr, &cluster_line);
              cairo_set_line_width (cr, 1);
              cairo_stroke (cr);
            }
        }

      g_clear_pointer (&cr, cairo_destroy);
    }

  /* Text over the shapes: cluster counts and the labels that fit. */
  for (guint i = 0; i < self->items->len; i++)
    {
      const IccTimelineItem *item = &g_array_index (self->items, IccTimelineItem, i);
      double y = lane_marker_y (self, item->lane);
      PangoLayout *layout;
      int w;
      int h;

      if (item->count > 1)
        {
          cluster_half_width (self, item, &layout);
          pango_layout_get_pixel_size (layout, &w, &h);
          append_text (snapshot, layout, item->x - w / 2.0, y - h / 2.0, &self->fg);
        }
      else if (item->label_width > 0)
        {
          layout = get_event_layout (self, item->position);
          if (item->label_ellipsized)
            {
              pango_layout_set_width (layout, (int)(item->label_width * PANGO_SCALE));
              pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
            }
          else
            {
              pango_layout_set_width (layout, -1);
            }
          pango_layout_get_pixel_size (layout, &w, &h);
          append_text (snapshot, layout, item->x + MARKER_RADIUS + LABEL_GAP, y - h / 2.0,
                       &self->fg);
        }
    }
}

static void
draw_today (IccTimeline *self,
            GtkSnapshot *snapshot,
            int          width)
{
  double x = x_at_day (self, self->today + 0.5);
  PangoLayout *layout;
  int w;

  if (x < 0 || x >= width)
    return;

  gtk_snapshot_append_color (snapshot, &self->today_color,
                             &GRAPHENE_RECT_INIT (round (x), lanes_top (self), 1,
                                                  lanes_bottom (self) - lanes_top (self)));

  /* The line has the colour; the word, next to it, the text colour: the
   * orange is 3.7:1 to 3.9:1 on the light and dark backgrounds, below AA. */
  /* Translators: the label of the line marking the current day */
  layout = get_text_layout (self, _("Today"));
  pango_layout_get_pixel_size (layout, &w, NULL);
  append_text (snapshot, layout, x + w + 6 < width ? x + 3 : x - w - 3,
               lanes_bottom (self) - self->line_height - 2, &self->fg);
}

static GskRenderNode *
render_static (IccTimeline *self,
               int          width,
               int          height)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  /* Cheap enough once per rebuild, and the day may have changed. */
  self->today = today_day ();

  draw_eras (self, snapshot, width);
  draw_axis (self, snapshot, width, height);
  draw_lanes (self, snapshot, width);
  draw_today (self, snapshot, width);
  draw_events (self, snapshot, width, height);
  draw_lane_headings (self, snapshot);

  return gtk_snapshot_free_to_node (snapshot);
}

static void
overview_range (IccTimeline *self,
                Range       *range)
{
  get_bounds (self, &range->start, &range->end);
}

/* The density histogram of the whole range, drawn once into a texture: its
 * cost per frame is one blit, however many events it shows. */
static GskRenderNode *
render_overview (IccTimeline *self,
                 int          width,
                 int          height)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  IccTimelineIndex *index = ensure_index (self);
  double y = height - OVERVIEW_HEIGHT;
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int tw = width * scale_factor;
  int th = (int)OVERVIEW_HEIGHT * scale_factor;
  GdkRGBA band = self->fg;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  Range range;
  guint max = 1;
  guint n_bins = MAX (1, width / 2);
  g_autofree guint *counts = g_new0 (guint, n_bins);

  band.alpha *= .06;
  gtk_snapshot_append_color (snapshot, &band, &GRAPHENE_RECT_INIT (0, y, width, OVERVIEW_HEIGHT));

  /* One binary search per 2-pixel column. */
  overview_range (self, &range);
  for (guint b = 0; b < n_bins; b++)
    {
      double d0 = range.start + (range.end - range.start) * b / n_bins;
      double d1 = range.start + (range.end - range.start) * (b + 1) / n_bins;

      counts[b] = icc_timeline_index_count_range (index, d0, d1);
      max = MAX (max, counts[b]);
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, tw, th);
  cr = cairo_create (surface);
  cairo_scale (cr, scale_factor, scale_factor);
  cairo_set_source_rgba (cr, self->fg.red, self->fg.green, self->fg.blue, self->fg.alpha * .35);
  for (guint b = 0; b < n_bins; b++)
    {
      double h;

      if (counts[b] == 0)
        continue;

      h = 2 + (OVERVIEW_HEIGHT - 4) * log1p (counts[b]) / log1p (max);
      cairo_rectangle (cr, b * 2, OVERVIEW_HEIGHT - h, 2, h);
    }
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize)cairo_image_surface_get_stride (surface) * th);
  texture = gdk_memory_texture_new (tw, th, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);

  gtk_snapshot_append_texture (snapshot, texture,
                               &GRAPHENE_RECT_INIT (0, y, width, OVERVIEW_HEIGHT));

  return gtk_snapshot_free_to_node (snapshot);
}

static void
draw_overview_window (IccTimeline *self,
                      GtkSnapshot *snapshot,
                      int          width,
                      int          height)
{
  GskRoundedRect outline;
  GdkRGBA fill = self->accent;
  GdkRGBA border[4];
  float widths[4] = { 1, 1, 1, 1 };
  Range range;
  double x0;
  double x1;
  double y = height - OVERVIEW_HEIGHT;

  overview_range (self, &range);
  x0 = (self->start - range.start) / (range.end - range.start) * width;
  x1 = (self->end - range.start) / (range.end - range.start) * width;
  x0 = CLAMP (x0, 0, width - 3);
  x1 = CLAMP (MAX (x1, x0 + 3), 3, width);

  fill.alpha *= .25;
  for (guint i = 0; i < 4; i++)
    border[i] = self->accent;

  gtk_snapshot_append_color (snapshot, &fill,
                             &GRAPHENE_RECT_INIT (x0, y + 1, x1 - x0, OVERVIEW_HEIGHT - 2));
  gsk_rounded_rect_init_from_rect (&outline,
                                   &GRAPHENE_RECT_INIT (x0, y + 1, x1 - x0, OVERVIEW_HEIGHT - 2),
                                   2);
  gtk_snapshot_append_border (snapshot, &outline, widths, border);
}

static int
find_selected_item (IccTimeline *self)
{
  IccEvent *event;
  IccTimelineIndex *index;
  IccLane lane;
  guint lane_i;
  int rank;

  if (self->focus == NULL || self->model == NULL || self->static_node == NULL)
    return -1;

  event = icc_focus_get_event (self->focus);
  index = ensure_index (self);
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

static void
draw_ring (IccTimeline           *self,
           GtkSnapshot           *snapshot,
           const IccTimelineItem *item,
           const GdkRGBA         *color,
           float                  width)
{
  GskRoundedRect ring;
  GdkRGBA colors[4] = { *color, *color, *color, *color };
  float widths[4] = { width, width, width, width };
  double y = lane_marker_y (self, item->lane);
  double hw = item->count > 1 ? cluster_half_width (self, item, NULL) : MARKER_RADIUS;
  double r = item->count > 1 ? MARKER_RADIUS + 2 : MARKER_RADIUS;
  double pad = 3 + width;

  gsk_rounded_rect_init_from_rect (&ring,
                                   &GRAPHENE_RECT_INIT (item->x - hw - pad, y - r - pad,
                                                        2 * (hw + pad), 2 * (r + pad)),
                                   r + pad);
  gtk_snapshot_append_border (snapshot, &ring, widths, colors);
}

static void
draw_cursor (IccTimeline *self,
             GtkSnapshot *snapshot,
             int          width,
             int          height)
{
  const IccDate *date;
  g_autofree char *text = NULL;
  PangoLayout *layout;
  GskRoundedRect pill;
  GdkRGBA on_accent = { 1, 1, 1, 1 };
  double x;
  int w;
  int h;
  double px;

  if (self->focus == NULL)
    return;

  date = icc_focus_get_date (self->focus);
  if (date == NULL || !icc_date_is_set (date))
    return;

  x = x_at_day (self, icc_date_get_day (date) + 0.5);
  if (x < -1 || x > width + 1)
    return;

  gtk_snapshot_append_color (snapshot, &self->accent,
                             &GRAPHENE_RECT_INIT (round (x) - 1, 0, 2, lanes_bottom (self)));

  text = icc_date_format (date);
  layout = get_text_layout (self, text);
  pango_layout_get_pixel_size (layout, &w, &h);
  px = CLAMP (x - w / 2.0 - 6, 0, width - w - 12);

  gsk_rounded_rect_init_from_rect (&pill, &GRAPHENE_RECT_INIT (px, 1, w + 12, h + 2),
                                   (h + 2) / 2.0);
  gtk_snapshot_push_rounded_clip (snapshot, &pill);
  gtk_snapshot_append_color (snapshot, &self->cursor_pill, &pill.bounds);
  gtk_snapshot_pop (snapshot);
  append_text (snapshot, layout, px + 6, 2, &on_accent);
}

static void
draw_selection (IccTimeline *self,
                GtkSnapshot *snapshot,
                int          width)
{
  GdkRGBA fill = self->accent;
  double x0;
  double x1;

  if (!self->has_selection && self->drag_mode != DRAG_SELECT)
    return;

  x0 = x_at_day (self, MIN (self->selection.start, self->selection.end));
  x1 = x_at_day (self, MAX (self->selection.start, self->selection.end));
  x0 = CLAMP (x0, 0, width);
  x1 = CLAMP (x1, 0, width);

  fill.alpha *= .2;
  gtk_snapshot_append_color (snapshot, &fill,
                             &GRAPHENE_RECT_INIT (x0, lanes_top (self), x1 - x0,
                                                  lanes_bottom (self) - lanes_top (self)));
  gtk_snapshot_append_color (snapshot, &self->accent,
                             &GRAPHENE_RECT_INIT (x0, lanes_top (self), 1,
                                                  lanes_bottom (self) - lanes_top (self)));
  gtk_snapshot_append_color (snapshot, &self->accent,
                             &GRAPHENE_RECT_INIT (x1 - 1, lanes_top (self), 1,
                                                  lanes_bottom (self) - lanes_top (self)));
}

static void
icc_timeline_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  IccTimeline *self = (IccTimeline *)widget;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int selected;

  g_assert (ICC_IS_TIMELINE (self));

  if (width <= 0 || height <= 0)
    return;

  if (self->static_node == NULL)
    self->static_node = render_static (self, width, height);
  if (self->overview_node == NULL)
    self->overview_node = render_overview (self, width, height);

  gtk_snapshot_append_node (snapshot, self->static_node);
  gtk_snapshot_append_node (snapshot, self->overview_node);
  draw_overview_window (self, snapshot, width, height);
  draw_selection (self, snapshot, width);

  if (self->hover_item >= 0 && (guint)self->hover_item < self->items->len)
    {
      GdkRGBA hover = self->fg;

      hover.alpha *= .5;
      draw_ring (self, snapshot,
                 &g_array_index (self->items, IccTimelineItem, self->hover_item), &hover, 1);
    }

  selected = find_selected_item (self);
  if (selected >= 0)
    draw_ring (self, snapshot, &g_array_index (self->items, IccTimelineItem, selected),
               &self->accent, 2);

  draw_cursor (self, snapshot, width, height);
}

static void
icc_timeline_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  IccTimeline *self = (IccTimeline *)widget;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 800;
    }
  else
    {
      *minimum = axis_height (self) + OVERVIEW_HEIGHT + ICC_N_LANES * (lane_heading (self) + 24);
      *natural = axis_height (self) + OVERVIEW_HEIGHT + ICC_N_LANES * 80;
    }
}

static void
icc_timeline_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  IccTimeline *self = (IccTimeline *)widget;

  /* Allocation also runs when only a sibling changed: keep the caches. */
  if (width != self->static_width || height != self->static_height)
    {
      self->static_width = width;
      self->static_height = height;
      invalidate_all (self);
    }

  if (!self->range_set)
    {
      Range range;

      fit_range (self, &range);
      set_range (self, range.start, range.end);
    }

  if (self->selection_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->selection_popover));
}

static void
icc_timeline_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  IccTimeline *self = (IccTimeline *)widget;

  GTK_WIDGET_CLASS (icc_timeline_parent_class)->css_changed (widget, change);

  update_colors (self);
  g_hash_table_remove_all (self->text_layouts);
  g_hash_table_remove_all (self->event_layouts);
  pango_layout_get_pixel_size (get_text_layout (self, "2016"), NULL, &self->line_height);
  gtk_widget_queue_resize (widget);
  invalidate_all (self);
}

/* Range, animation and history ----------------------------------------- */

/* The slider's range is the data's, its value the cursor day. */
static void
update_accessible_range (IccTimeline *self)
{
  double first;
  double last;

  get_data_range (self, &first, &last);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, first,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, last,
                                  -1);
}

static void
update_zoom_actions (IccTimeline *self)
{
  double span = self->end - self->start;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.zoom-in",
                                 span > ICC_TIMELINE_MIN_SPAN_DAYS + 1e-6);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.zoom-out",
                                 span < ICC_TIMELINE_MAX_SPAN_DAYS - 1e-6);
}

static void
set_range (IccTimeline *self,
           double       start,
           double       end)
{
  double first;
  double last;

  get_bounds (self, &first, &last);
  icc_timeline_clamp_range (&start, &end, first, last);

  self->range_set = TRUE;

  if (start == self->start && end == self->end)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  if (start != self->start)
    {
      self->start = start;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
    }
  if (end != self->end)
    {
      self->end = end;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
    }
  g_object_thaw_notify (G_OBJECT (self));

  update_zoom_actions (self);
  invalidate_static (self);
}

static gboolean
animations_enabled (IccTimeline *self)
{
  gboolean enabled = TRUE;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return FALSE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)),
                "gtk-enable-animations", &enabled,
                NULL);

  return enabled;
}

static void
stop_motion (IccTimeline *self)
{
  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
  self->tick_id = 0;
  self->animating = FALSE;
  self->kinetic_velocity = 0;
}

/* The range the view is heading to. */
static void
get_target_range (IccTimeline *self,
                  Range       *range)
{
  if (self->animating)
    *range = self->anim_to;
  else
    *range = (Range) { self->start, self->end };
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  IccTimeline *self = (IccTimeline *)widget;
  gint64 now = gdk_frame_clock_get_frame_time (clock);

  if (self->animating)
    {
      double t = CLAMP ((double)(now - self->anim_begin) / self->anim_duration, 0, 1);
      double e = 1 - pow (1 - t, 3);

      set_range (self,
                 self->anim_from.start + (self->anim_to.start - self->anim_from.start) * e,
                 self->anim_from.end + (self->anim_to.end - self->anim_from.end) * e);

      if (t >= 1)
        {
          self->animating = FALSE;
          self->tick_id = 0;
          return G_SOURCE_REMOVE;
        }

      return G_SOURCE_CONTINUE;
    }

  if (self->kinetic_velocity != 0)
    {
      double dt = (now - self->kinetic_last) / (double)G_USEC_PER_SEC;
      double ppd = gtk_widget_get_width (widget) / (self->end - self->start);
      double shift = self->kinetic_velocity * dt / ppd;
      double old_start = self->start;

      /* The first tick can come in the frame the fling started in (same
       * frame time, as on a loaded machine): nothing has moved yet, which
       * must not read as having stopped. */
      if (dt <= 0)
        return G_SOURCE_CONTINUE;

      self->kinetic_last = now;
      set_range (self, self->start - shift, self->end - shift);
      self->kinetic_velocity *= exp (-dt * 4);

      /* Stop when slow or when the view hit its bounds. */
      if (fabs (self->kinetic_velocity) > 20 && self->start != old_start)
        return G_SOURCE_CONTINUE;
    }

  self->kinetic_velocity = 0;
  self->tick_id = 0;

  return G_SOURCE_REMOVE;
}

static void
move_to (IccTimeline *self,
         double       start,
         double       end,
         gboolean     animate)
{
  double first;
  double last;

  get_bounds (self, &first, &last);
  icc_timeline_clamp_range (&start, &end, first, last);

  if (!animate || !animations_enabled (self))
    {
      stop_motion (self);
      set_range (self, start, end);
      return;
    }

  self->kinetic_velocity = 0;
  self->anim_from = (Range) { self->start, self->end };
  self->anim_to = (Range) { start, end };
  self->anim_begin =
    gdk_frame_clock_get_frame_time (gtk_widget_get_frame_clock (GTK_WIDGET (self)));
  self->animating = TRUE;

  if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
}

/* Remembers the current view for "go back"; bursts of wheel steps and
 * gestures count as one step. */
static void
push_history (IccTimeline *self,
              gboolean     coalesce)
{
  gint64 now = g_get_monotonic_time ();
  Range range;

  if (coalesce && now - self->last_history_push < G_USEC_PER_SEC)
    {
      self->last_history_push = now;
      return;
    }

  self->last_history_push = coalesce ? now : 0;
  get_target_range (self, &range);

  if (self->history->len > 0)
    {
      Range *top = &g_array_index (self->history, Range, self->history->len - 1);

      if (top->start == range.start && top->end == range.end)
        return;
    }

  if (self->history->len >= HISTORY_MAX)
    g_array_remove_index (self->history, 0);
  g_array_append_val (self->history, range);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.go-back", TRUE);
}

/* Public navigation ---------------------------------------------------- */

void
icc_timeline_zoom_to_range (IccTimeline *self,
                            double       start_day,
                            double       end_day,
                            gboolean     animate)
{
  g_return_if_fail (ICC_IS_TIMELINE (self));
  g_return_if_fail (end_day >= start_day);

  move_to (self, start_day, end_day, animate);
}

void
icc_timeline_zoom_by_factor (IccTimeline *self,
                             double       factor,
                             double       around_day,
                             gboolean     animate)
{
  Range range;

  g_return_if_fail (ICC_IS_TIMELINE (self));
  g_return_if_fail (factor > 0);

  /* Successive wheel steps add up to where the animation is heading. */
  get_target_range (self, &range);
  icc_timeline_zoom_range (&range.start, &range.end, factor, around_day);
  move_to (self, range.start, range.end, animate);
}

void
icc_timeline_fit_all (IccTimeline *self,
                      gboolean     animate)
{
  Range range;

  g_return_if_fail (ICC_IS_TIMELINE (self));

  fit_range (self, &range);
  move_to (self, range.start, range.end, animate);
}

gboolean
icc_timeline_go_back (IccTimeline *self,
                      gboolean     animate)
{
  Range range;

  g_return_val_if_fail (ICC_IS_TIMELINE (self), FALSE);

  if (self->history->len == 0)
    return FALSE;

  range = g_array_index (self->history, Range, self->history->len - 1);
  g_array_set_size (self->history, self->history->len - 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.go-back", self->history->len > 0);
  move_to (self, range.start, range.end, animate);

  return TRUE;
}

gboolean
icc_timeline_get_selection (IccTimeline *self,
                            double      *start_day,
                            double      *end_day)
{
  g_return_val_if_fail (ICC_IS_TIMELINE (self), FALSE);

  if (!self->has_selection)
    return FALSE;

  if (start_day != NULL)
    *start_day = MIN (self->selection.start, self->selection.end);
  if (end_day != NULL)
    *end_day = MAX (self->selection.start, self->selection.end);

  return TRUE;
}

static void
update_selection_popover (IccTimeline *self)
{
  double x0;
  double x1;
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.zoom-to-selection",
                                 self->has_selection);

  if (!self->has_selection)
    {
      gtk_popover_popdown (GTK_POPOVER (self->selection_popover));
      return;
    }

  x0 = CLAMP (x_at_day (self, MIN (self->selection.start, self->selection.end)), 0, width);
  x1 = CLAMP (x_at_day (self, MAX (self->selection.start, self->selection.end)), 0, width);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->selection_popover),
                               &(GdkRectangle) { x0, lanes_top (self), MAX (1, x1 - x0), 1 });

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_popover_popup (GTK_POPOVER (self->selection_popover));
}

void
icc_timeline_set_selection (IccTimeline *self,
                            double       start_day,
                            double       end_day)
{
  g_return_if_fail (ICC_IS_TIMELINE (self));

  self->has_selection = TRUE;
  self->selection = (Range) { MIN (start_day, end_day), MAX (start_day, end_day) };
  update_selection_popover (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
icc_timeline_clear_selection (IccTimeline *self)
{
  g_return_if_fail (ICC_IS_TIMELINE (self));

  if (!self->has_selection)
    return;

  self->has_selection = FALSE;
  update_selection_popover (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
icc_timeline_zoom_to_selection (IccTimeline *self)
{
  double start;
  double end;

  g_return_if_fail (ICC_IS_TIMELINE (self));

  if (!icc_timeline_get_selection (self, &start, &end))
    return;

  push_history (self, FALSE);
  icc_timeline_clear_selection (self);
  move_to (self, start, end, TRUE);
}

/* Selection of events --------------------------------------------------- */

static void
update_accessible_event (IccTimeline *self)
{
  IccEvent *event = self->focus != NULL ? icc_focus_get_event (self->focus) : NULL;
  const IccDate *date = self->focus != NULL ? icc_focus_get_date (self->focus) : NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *description = NULL;
  g_autofree char *value_text = NULL;

  if (date != NULL && icc_date_is_set (date))
    date_text = icc_date_format (date);

  if (event != NULL)
    {
      g_autofree char *event_date = icc_date_format (icc_event_get_date (event));

      /* Translators: accessible description of the timeline: the selected
       * event's date, title and kind */
      description = g_strdup_printf (_("Selected: %s, %s (%s)"),
                                     event_date,
                                     icc_event_get_title (event) ?: "",
                                     icc_event_kind_get_label (icc_event_get_kind (event)));
    }
  else
    {
      description = g_strdup (_("No event selected"));
    }

  if (date_text != NULL && event != NULL)
    value_text = g_strdup_printf ("%s: %s", date_text, icc_event_get_title (event) ?: "");
  else
    value_text = g_strdup (date_text != NULL ? date_text : "");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, value_text,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW,
                                  date_text != NULL ? (double)icc_date_get_day (date) : self->start,
                                  -1);
}

/* Pans (animated) so that @day is in the middle third of the view. */
static void
ensure_day_visible (IccTimeline *self,
                    double       day)
{
  Range range;
  double span;

  get_target_range (self, &range);
  span = range.end - range.start;

  if (day >= range.start + span / 6 && day <= range.end - span / 6)
    return;

  move_to (self, day - span / 2, day + span / 2, TRUE);
}

static void
select_rank (IccTimeline *self,
             guint        rank)
{
  IccTimelineIndex *index = ensure_index (self);
  g_autoptr(IccEvent) event = NULL;

  if (self->focus == NULL || rank >= icc_timeline_index_get_n_events (index))
    return;

  event = g_list_model_get_item (self->model, icc_timeline_index_get_position (index, rank));
  self->selecting = TRUE;
  icc_focus_set_event (self->focus, event);
  self->selecting = FALSE;
  ensure_day_visible (self, icc_event_get_day (event) + 0.5);
}

static void
select_relative (IccTimeline *self,
                 int          direction)
{
  IccTimelineIndex *index;
  const IccDate *date;
  guint n;
  int rank;

  if (self->model == NULL || self->focus == NULL)
    return;

  index = ensure_index (self);
  n = icc_timeline_index_get_n_events (index);
  if (n == 0)
    return;

  rank = icc_timeline_index_find_event (index, icc_focus_get_event (self->focus));

  if (rank >= 0)
    {
      rank += direction;
    }
  else
    {
      /* No selection: the first event after (or before) the cursor. */
      date = icc_focus_get_date (self->focus);
      if (date != NULL && icc_date_is_set (date))
        {
          gint32 day = icc_date_get_day (date);

          if (direction > 0)
            rank = icc_timeline_index_lower_bound (index, day + 1);
          else
            rank = (int)icc_timeline_index_lower_bound (index, day) - 1;
        }
      else
        {
          rank = direction > 0 ? 0 : (int)n - 1;
        }
    }

  if (rank >= 0 && (guint)rank < n)
    select_rank (self, rank);
}

static void
set_focus_day (IccTimeline *self,
               double       day)
{
  IccDate date;

  if (self->focus == NULL)
    return;

  icc_date_init_from_day (&date, (gint32)floor (day));
  icc_focus_set_date (self->focus, &date);
}

/* Input ----------------------------------------------------------------- */

static int
item_at (IccTimeline *self,
         double       x,
         double       y)
{
  int lane = lane_at_y (self, y);
  int found;

  if (lane < 0 || self->static_node == NULL)
    return -1;

  if (fabs (y - lane_marker_y (self, lane)) > MARKER_RADIUS + 6)
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

static double
cursor_x (IccTimeline *self)
{
  const IccDate *date;

  if (self->focus == NULL)
    return -G_MAXDOUBLE;

  date = icc_focus_get_date (self->focus);
  if (date == NULL || !icc_date_is_set (date))
    return -G_MAXDOUBLE;

  return x_at_day (self, icc_date_get_day (date) + 0.5);
}

static void
motion_cb (IccTimeline              *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *motion)
{
  int hover;
  const char *cursor = NULL;

  self->pointer_inside = TRUE;
  self->pointer_x = x;
  self->pointer_y = y;

  if (self->drag_mode != DRAG_NONE)
    return;

  hover = item_at (self, x, y);
  if (hover != self->hover_item)
    {
      self->hover_item = hover;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }

  if (hover >= 0 || y >= gtk_widget_get_height (GTK_WIDGET (self)) - OVERVIEW_HEIGHT)
    cursor = "pointer";
  else if (y < lanes_bottom (self) && fabs (x - cursor_x (self)) <= CURSOR_GRAB_PX)
    cursor = "col-resize";
  else if (y < axis_height (self))
    cursor = "text";

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);
}

static void
leave_cb (IccTimeline              *self,
          GtkEventControllerMotion *motion)
{
  self->pointer_inside = FALSE;
  if (self->hover_item != -1)
    {
      self->hover_item = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static gboolean
scroll_cb (IccTimeline              *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *scroll)
{
  GdkModifierType state;
  gboolean wheel;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double around;

  if (width <= 0)
    return GDK_EVENT_PROPAGATE;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (scroll));
  wheel = gtk_event_controller_scroll_get_unit (scroll) == GDK_SCROLL_UNIT_WHEEL;

  if (state & GDK_CONTROL_MASK)
    {
      double steps = wheel ? -dy : -dy / 20.;

      push_history (self, TRUE);
      around = day_at_x (self, self->pointer_inside ? self->pointer_x : width / 2);
      icc_timeline_zoom_by_factor (self, pow (ZOOM_STEP, steps), around, wheel);
      return GDK_EVENT_STOP;
    }

  /* Horizontal and vertical wheels both pan time. */
  {
    double delta = fabs (dx) > fabs (dy) ? dx : dy;
    Range range;
    double shift;

    if (state & GDK_SHIFT_MASK && dx == 0)
      delta = dy;

    get_target_range (self, &range);

    if (wheel)
      {
        shift = delta * (range.end - range.start) * 0.15;
        move_to (self, range.start + shift, range.end + shift, TRUE);
      }
    else
      {
        shift = delta * (self->end - self->start) / width;
        move_to (self, self->start + shift, self->end + shift, FALSE);
      }
  }

  return GDK_EVENT_STOP;
}

static void
start_kinetic (IccTimeline *self,
               double       velocity)
{
  self->kinetic_velocity = CLAMP (velocity, -6000, 6000);

  if (fabs (self->kinetic_velocity) <= 100 || !animations_enabled (self))
    {
      self->kinetic_velocity = 0;
      return;
    }

  self->kinetic_last =
    gdk_frame_clock_get_frame_time (gtk_widget_get_frame_clock (GTK_WIDGET (self)));
  if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
}

/* A touchpad swipe goes on after the fingers leave, like a drag's fling. */
static void
decelerate_cb (IccTimeline              *self,
               double                    vel_x,
               double                    vel_y,
               GtkEventControllerScroll *scroll)
{
  GdkModifierType state;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (scroll));
  if (state & GDK_CONTROL_MASK || self->animating)
    return;

  start_kinetic (self, -(fabs (vel_x) > fabs (vel_y) ? vel_x : vel_y));
}

static void
overview_centre_at (IccTimeline *self,
                    double       x,
                    gboolean     animate)
{
  Range range;
  double width = MAX (1, gtk_widget_get_width (GTK_WIDGET (self)));
  double span = self->end - self->start;
  double day;

  overview_range (self, &range);
  day = range.start + (range.end - range.start) * x / width;
  move_to (self, day - span / 2, day + span / 2, animate);
}

static void
drag_begin_cb (IccTimeline    *self,
               double          x,
               double          y,
               GtkGestureDrag *drag)
{
  GdkModifierType state;
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (drag));

  stop_motion (self);
  self->drag_begin_range = (Range) { self->start, self->end };
  self->drag_x = x;
  self->drag_moved = FALSE;
  self->drag_last_t = g_get_monotonic_time ();
  self->drag_last_x = 0;
  self->drag_velocity = 0;

  if (y >= height - OVERVIEW_HEIGHT)
    self->drag_mode = DRAG_OVERVIEW;
  else if (state & GDK_SHIFT_MASK)
    self->drag_mode = DRAG_SELECT;
  else if (fabs (x - cursor_x (self)) <= CURSOR_GRAB_PX)
    self->drag_mode = DRAG_CURSOR;
  else
    self->drag_mode = DRAG_PAN;
}

static void
drag_update_cb (IccTimeline    *self,
                double          offset_x,
                double          offset_y,
                GtkGestureDrag *drag)
{
  double width = MAX (1, gtk_widget_get_width (GTK_WIDGET (self)));
  double ppd = width / (self->drag_begin_range.end - self->drag_begin_range.start);

  if (!self->drag_moved && fabs (offset_x) < 3 && fabs (offset_y) < 3)
    return;

  if (!self->drag_moved)
    {
      self->drag_moved = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (drag), GTK_EVENT_SEQUENCE_CLAIMED);

      if (self->drag_mode == DRAG_PAN)
        {
          push_history (self, FALSE);
          gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
        }
      else if (self->drag_mode == DRAG_SELECT)
        {
          self->selection.start = day_at_x (self, self->drag_x);
          self->has_selection = FALSE;
        }
    }

  switch (self->drag_mode)
    {
    case DRAG_PAN:
      set_range (self,
                 self->drag_begin_range.start - offset_x / ppd,
                 self->drag_begin_range.end - offset_x / ppd);
      {
        gint64 now = g_get_monotonic_time ();
        double dt = (now - self->drag_last_t) / (double)G_USEC_PER_SEC;

        /* Smoothed speed of the pointer, for the fling at the end. */
        if (dt > 0.001)
          {
            double v = (offset_x - self->drag_last_x) / dt;

            self->drag_velocity = self->drag_velocity * .4 + v * .6;
            self->drag_last_t = now;
            self->drag_last_x = offset_x;
          }
      }
      break;

    case DRAG_CURSOR:
      set_focus_day (self, day_at_x (self, CLAMP (self->drag_x + offset_x, 0, width - 1)));
      break;

    case DRAG_SELECT:
      self->selection.end = day_at_x (self, self->drag_x + offset_x);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;

    case DRAG_OVERVIEW:
      overview_centre_at (self, self->drag_x + offset_x, FALSE);
      break;

    case DRAG_NONE:
    default:
      break;
    }
}

static void
drag_end_cb (IccTimeline    *self,
             double          offset_x,
             double          offset_y,
             GtkGestureDrag *drag)
{
  DragMode mode = self->drag_mode;

  self->drag_mode = DRAG_NONE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);

  if (!self->drag_moved)
    return;

  if (mode == DRAG_PAN)
    {
      gint64 now = g_get_monotonic_time ();

      /* Fling: keep going with the speed of the last motion, if recent. */
      if (now - self->drag_last_t < 80 * G_TIME_SPAN_MILLISECOND)
        start_kinetic (self, self->drag_velocity);
    }
  else if (mode == DRAG_SELECT)
    {
      self->selection.end = day_at_x (self, self->drag_x + offset_x);
      icc_timeline_set_selection (self, self->selection.start, self->selection.end);
    }
}

static void
zoom_to_item (IccTimeline           *self,
              const IccTimelineItem *item)
{
  double first = item->first_day;
  double last = item->last_day + 1.0;
  double pad = MAX (2, (last - first) * 0.15);

  push_history (self, FALSE);
  move_to (self, first - pad, last + pad, TRUE);
}

static void
pressed_cb (IccTimeline     *self,
            int              n_press,
            double           x,
            double           y,
            GtkGestureClick *click)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (click));

  if (button == 8)
    {
      icc_timeline_go_back (self, TRUE);
      gtk_gesture_set_state (GTK_GESTURE (click), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }

  if (button == GDK_BUTTON_PRIMARY)
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
released_cb (IccTimeline     *self,
             int              n_press,
             double           x,
             double           y,
             GtkGestureClick *click)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (click));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  int hit;

  /* 0: no current event (a synthesized click, as in the tests). */
  if (button != GDK_BUTTON_PRIMARY && button != 0)
    return;

  if (y >= height - OVERVIEW_HEIGHT)
    {
      push_history (self, FALSE);
      overview_centre_at (self, x, TRUE);
      return;
    }

  if (y < axis_height (self))
    {
      set_focus_day (self, day_at_x (self, x));
      return;
    }

  hit = item_at (self, x, y);
  if (hit >= 0)
    {
      IccTimelineItem item = g_array_index (self->items, IccTimelineItem, hit);

      if (item.count > 1)
        {
          zoom_to_item (self, &item);
        }
      else if (n_press >= 2)
        {
          zoom_to_item (self, &item);
        }
      else if (self->focus != NULL)
        {
          g_autoptr(IccEvent) event = g_list_model_get_item (self->model, item.position);

          self->selecting = TRUE;
          icc_focus_set_event (self->focus, event);
          self->selecting = FALSE;
        }
      return;
    }

  if (self->has_selection)
    {
      double d = day_at_x (self, x);
      double s;
      double e;

      icc_timeline_get_selection (self, &s, &e);
      if (d >= s && d <= e)
        icc_timeline_zoom_to_selection (self);
      else
        icc_timeline_clear_selection (self);
    }
}

static void
zoom_begin_cb (IccTimeline      *self,
               GdkEventSequence *sequence,
               GtkGestureZoom   *zoom)
{
  double cx;
  double cy;

  stop_motion (self);
  push_history (self, FALSE);
  self->zoom_begin_range = (Range) { self->start, self->end };
  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (zoom), &cx, &cy))
    cx = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  self->zoom_begin_x = cx;
}

static void
zoom_scale_changed_cb (IccTimeline    *self,
                       double          scale,
                       GtkGestureZoom *zoom)
{
  double width = MAX (1, gtk_widget_get_width (GTK_WIDGET (self)));
  Range range = self->zoom_begin_range;
  double around;

  if (scale <= 0)
    return;

  /* @scale is relative to the start of the gesture. */
  around = range.start + (range.end - range.start) * self->zoom_begin_x / width;
  icc_timeline_zoom_range (&range.start, &range.end, scale, around);
  move_to (self, range.start, range.end, FALSE);
}

static double
zoom_anchor (IccTimeline *self)
{
  const IccDate *date = self->focus != NULL ? icc_focus_get_date (self->focus) : NULL;
  Range range;

  get_target_range (self, &range);

  if (date != NULL && icc_date_is_set (date))
    {
      double day = icc_date_get_day (date) + 0.5;

      if (day >= range.start && day <= range.end)
        return day;
    }

  return (range.start + range.end) / 2;
}

static gboolean
key_pressed_cb (IccTimeline           *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *key)
{
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK);

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      if (mods == GDK_ALT_MASK)
        return icc_timeline_go_back (self, TRUE);
      if (mods != 0)
        return GDK_EVENT_PROPAGATE;
      select_relative (self, -1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      if (mods != 0)
        return GDK_EVENT_PROPAGATE;
      select_relative (self, 1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      if (mods != 0 || icc_timeline_index_get_n_events (ensure_index (self)) == 0)
        return GDK_EVENT_PROPAGATE;
      select_rank (self, 0);
      return GDK_EVENT_STOP;

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      if (mods != 0 || icc_timeline_index_get_n_events (ensure_index (self)) == 0)
        return GDK_EVENT_PROPAGATE;
      select_rank (self, icc_timeline_index_get_n_events (ensure_index (self)) - 1);
      return GDK_EVENT_STOP;

    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      push_history (self, TRUE);
      icc_timeline_zoom_by_factor (self, ZOOM_STEP, zoom_anchor (self), TRUE);
      return GDK_EVENT_STOP;

    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      push_history (self, TRUE);
      icc_timeline_zoom_by_factor (self, 1 / ZOOM_STEP, zoom_anchor (self), TRUE);
      return GDK_EVENT_STOP;

    case GDK_KEY_0:
    case GDK_KEY_KP_0:
      if ((mods & GDK_CONTROL_MASK) == 0)
        return GDK_EVENT_PROPAGATE;
      push_history (self, FALSE);
      icc_timeline_fit_all (self, TRUE);
      return GDK_EVENT_STOP;

    case GDK_KEY_BackSpace:
      return icc_timeline_go_back (self, TRUE);

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      if (!self->has_selection)
        return GDK_EVENT_PROPAGATE;
      icc_timeline_zoom_to_selection (self);
      return GDK_EVENT_STOP;

    case GDK_KEY_Escape:
      if (!self->has_selection)
        return GDK_EVENT_PROPAGATE;
      icc_timeline_clear_selection (self);
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

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

static char *
legend_markup (IccTimeline *self,
               IccLane      lane)
{
  GString *markup = g_string_new (NULL);
  g_autofree char *heading = g_markup_escape_text (icc_lane_get_label (lane), -1);

  g_string_append_printf (markup, "<b>%s</b>", heading);

  for (guint k = 0; k < ICC_N_EVENT_KINDS; k++)
    {
      const GdkRGBA *c = &self->kind_colors[k];
      g_autofree char *label = NULL;

      if (icc_event_kind_get_lane (k) != lane)
        continue;

      label = g_markup_escape_text (icc_event_kind_get_label (k), -1);
      g_string_append_printf (markup, "\n<span foreground=\"#%02x%02x%02x\">%s</span> %s",
                              (guint)(c->red * 255), (guint)(c->green * 255),
                              (guint)(c->blue * 255),
                              shape_symbols[kind_styles[k].shape], label);
    }

  g_string_append_printf (markup, "\n<i>%s</i>",
                          /* Translators: legend of the timeline's markers */
                          _("Hollow, dashed: not confirmed. A number: several events."));

  return g_string_free (markup, FALSE);
}

static gboolean
icc_timeline_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard_mode,
                            GtkTooltip *tooltip)
{
  IccTimeline *self = (IccTimeline *)widget;
  g_autoptr(IccEvent) event = NULL;
  GString *markup;
  int hit;

  /* The legend of a lane, on its heading. */
  if (!keyboard_mode && lane_at_y (self, y) >= 0)
    {
      int lane = lane_at_y (self, y);
      double heading_top = lanes_top (self) + lane * lane_height (self);
      int w;

      pango_layout_get_pixel_size (get_text_layout (self, icc_lane_get_label (lane)), &w, NULL);
      if (y < heading_top + lane_heading (self) && x < w + 12)
        {
          g_autofree char *legend = legend_markup (self, lane);

          gtk_tooltip_set_markup (tooltip, legend);
          return TRUE;
        }
    }

  if (keyboard_mode)
    {
      if (self->focus == NULL || icc_focus_get_event (self->focus) == NULL)
        return FALSE;
      event = g_object_ref (icc_focus_get_event (self->focus));
    }
  else
    {
      hit = item_at (self, x, y);

      if (hit < 0)
        {
          if (y < axis_height (self))
            {
              IccDate date;
              g_autofree char *text = NULL;

              icc_date_init_from_day (&date, (gint32)floor (day_at_x (self, x)));
              text = icc_date_format (&date);
              gtk_tooltip_set_text (tooltip, text);
              return TRUE;
            }
          return FALSE;
        }

      {
        IccTimelineItem item = g_array_index (self->items, IccTimelineItem, hit);

        if (item.count > 1)
          {
            IccDate first;
            IccDate last;
            g_autofree char *first_text = NULL;
            g_autofree char *last_text = NULL;
            g_autofree char *text = NULL;

            icc_date_init_from_day (&first, item.first_day);
            icc_date_init_from_day (&last, item.last_day);
            first_text = icc_date_format (&first);
            last_text = icc_date_format (&last);
            text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%u event, %s – %s\nClick to zoom in",
                                                 "%u events, %s – %s\nClick to zoom in",
                                                 item.count),
                                    item.count, first_text, last_text);
            gtk_tooltip_set_text (tooltip, text);
            return TRUE;
          }

        event = g_list_model_get_item (self->model, item.position);
      }
    }

  if (event == NULL)
    return FALSE;

  markup = g_string_new (NULL);
  {
    g_autofree char *date = icc_date_format (icc_event_get_date (event));
    g_autofree char *title = g_markup_escape_text (icc_event_get_title (event) ?: "", -1);
    const char * const *states = icc_event_get_states (event);
    IccCertainty certainty = icc_event_get_certainty (event);

    g_string_append_printf (markup, "<b>%s</b>\n%s · %s", title, date,
                            icc_event_kind_get_label (icc_event_get_kind (event)));
    if (icc_event_get_end_date (event) != NULL && icc_date_is_set (icc_event_get_end_date (event)))
      {
        g_autofree char *end = icc_date_format (icc_event_get_end_date (event));

        /* Translators: the end date of a period in a timeline tooltip */
        g_string_append_printf (markup, _(" to %s"), end);
      }

    if (states != NULL && states[0] != NULL)
      {
        g_autofree char *joined = g_strjoinv (", ", (char **)states);
        g_autofree char *escaped = g_markup_escape_text (joined, -1);

        /* Translators: the states involved in an event, in a tooltip */
        g_string_append_printf (markup, "\n%s %s", _("States:"), escaped);
      }

    if (certainty != ICC_CERTAINTY_CONFIRMED)
      {
        const char *note = icc_event_get_certainty_note (event);
        g_autofree char *escaped = g_markup_escape_text (note != NULL ? note : "", -1);

        g_string_append_printf (markup, "\n<i>%s</i>", icc_certainty_get_label (certainty));
        if (note != NULL && note[0] != '\0')
          g_string_append_printf (markup, "<i>: %s</i>", escaped);
      }
  }

  gtk_tooltip_set_markup (tooltip, markup->str);
  g_string_free (markup, TRUE);

  return TRUE;
}

/* Actions ---------------------------------------------------------------- */

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  IccTimeline *self = ICC_TIMELINE (widget);

  if (g_str_equal (action_name, "timeline.zoom-in"))
    {
      push_history (self, TRUE);
      icc_timeline_zoom_by_factor (self, ZOOM_STEP, zoom_anchor (self), TRUE);
    }
  else if (g_str_equal (action_name, "timeline.zoom-out"))
    {
      push_history (self, TRUE);
      icc_timeline_zoom_by_factor (self, 1 / ZOOM_STEP, zoom_anchor (self), TRUE);
    }
  else if (g_str_equal (action_name, "timeline.fit-all"))
    {
      push_history (self, FALSE);
      icc_timeline_fit_all (self, TRUE);
    }
  else if (g_str_equal (action_name, "timeline.go-back"))
    {
      icc_timeline_go_back (self, TRUE);
    }
  else if (g_str_equal (action_name, "timeline.zoom-to-selection"))
    {
      icc_timeline_zoom_to_selection (self);
    }
}

/* Model and focus ------------------------------------------------------- */

static void
model_items_changed_cb (IccTimeline *self,
                        guint        position,
                        guint        removed,
                        guint        added,
                        GListModel  *model)
{
  invalidate_index (self);
  update_accessible_range (self);
}

static void
eras_items_changed_cb (IccTimeline *self,
                       guint        position,
                       guint        removed,
                       guint        added,
                       GListModel  *model)
{
  invalidate_static (self);
}

static void
focus_event_changed_cb (IccTimeline *self,
                        GParamSpec  *pspec,
                        IccFocus    *focus)
{
  IccEvent *event = icc_focus_get_event (focus);

  update_accessible_event (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  /* Selected elsewhere (a list, a tour): bring it into view. */
  if (event != NULL && self->range_set && !self->selecting && self->drag_mode == DRAG_NONE)
    ensure_day_visible (self, icc_event_get_day (event) + 0.5);
}

static void
focus_date_changed_cb (IccTimeline *self,
                       GParamSpec  *pspec,
                       IccFocus    *focus)
{
  update_accessible_event (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GListModel *
icc_timeline_get_model (IccTimeline *self)
{
  g_return_val_if_fail (ICC_IS_TIMELINE (self), NULL);

  return self->model;
}

void
icc_timeline_set_model (IccTimeline *self,
                        GListModel  *model)
{
  g_return_if_fail (ICC_IS_TIMELINE (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (!g_set_object (&self->model, model))
    return;

  g_signal_group_set_target (self->model_signals, model);
  invalidate_index (self);
  update_accessible_range (self);

  /* A new dataset starts with everything in view. */
  if (gtk_widget_get_width (GTK_WIDGET (self)) > 0 || self->range_set)
    {
      Range range;

      fit_range (self, &range);
      stop_motion (self);
      set_range (self, range.start, range.end);
    }
  g_array_set_size (self->history, 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.go-back", FALSE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

IccFocus *
icc_timeline_get_focus (IccTimeline *self)
{
  g_return_val_if_fail (ICC_IS_TIMELINE (self), NULL);

  return self->focus;
}

void
icc_timeline_set_focus (IccTimeline *self,
                        IccFocus    *focus)
{
  g_return_if_fail (ICC_IS_TIMELINE (self));
  g_return_if_fail (focus == NULL || ICC_IS_FOCUS (focus));

  if (!g_set_object (&self->focus, focus))
    return;

  g_signal_group_set_target (self->focus_signals, focus);
  update_accessible_event (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS]);
}

GListModel *
icc_timeline_get_eras (IccTimeline *self)
{
  g_return_val_if_fail (ICC_IS_TIMELINE (self), NULL);

  return self->eras;
}

void
icc_timeline_set_eras (IccTimeline *self,
                       GListModel  *eras)
{
  g_return_if_fail (ICC_IS_TIMELINE (self));
  g_return_if_fail (eras == NULL || G_IS_LIST_MODEL (eras));

  if (!g_set_object (&self->eras, eras))
    return;

  g_signal_group_set_target (self->eras_signals, eras);
  invalidate_static (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERAS]);
}

double
icc_timeline_get_start (IccTimeline *self)
{
  g_return_val_if_fail (ICC_IS_TIMELINE (self), 0);

  return self->start;
}

double
icc_timeline_get_end (IccTimeline *self)
{
  g_return_val_if_fail (ICC_IS_TIMELINE (self), 0);

  return self->end;
}

IccTimeline *
icc_timeline_new (void)
{
  return g_object_new (ICC_TYPE_TIMELINE, NULL);
}

/* GObject --------------------------------------------------------------- */

static void
icc_timeline_dispose (GObject *object)
{
  IccTimeline *self = (IccTimeline *)object;

  stop_motion (self);

  g_clear_pointer (&self->selection_popover, gtk_widget_unparent);

  g_signal_group_set_target (self->model_signals, NULL);
  g_signal_group_set_target (self->eras_signals, NULL);
  g_signal_group_set_target (self->focus_signals, NULL);
  g_clear_object (&self->model);
  g_clear_object (&self->eras);
  g_clear_object (&self->focus);

  g_clear_pointer (&self->index, icc_timeline_index_free);
  g_clear_pointer (&self->static_node, gsk_render_node_unref);
  g_clear_pointer (&self->overview_node, gsk_render_node_unref);

  G_OBJECT_CLASS (icc_timeline_parent_class)->dispose (object);
}

static void
icc_timeline_finalize (GObject *object)
{
  IccTimeline *self = (IccTimeline *)object;

  /* Freed here so that a second dispose stays safe. */
  g_clear_object (&self->model_signals);
  g_clear_object (&self->eras_signals);
  g_clear_object (&self->focus_signals);
  g_clear_pointer (&self->ticks, g_array_unref);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->history, g_array_unref);
  g_clear_pointer (&self->text_layouts, g_hash_table_unref);
  g_clear_pointer (&self->event_layouts, g_hash_table_unref);

  G_OBJECT_CLASS (icc_timeline_parent_class)->finalize (object);
}

static void
icc_timeline_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  IccTimeline *self = ICC_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_FOCUS:
      g_value_set_object (value, self->focus);
      break;

    case PROP_ERAS:
      g_value_set_object (value, self->eras);
      break;

    case PROP_START:
      g_value_set_double (value, self->start);
      break;

    case PROP_END:
      g_value_set_double (value, self->end);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_timeline_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  IccTimeline *self = ICC_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      icc_timeline_set_model (self, g_value_get_object (value));
      break;

    case PROP_FOCUS:
      icc_timeline_set_focus (self, g_value_get_object (value));
      break;

    case PROP_ERAS:
      icc_timeline_set_eras (self, g_value_get_object (value));
      break;

    case PROP_START:
      {
        double start = g_value_get_double (value);
        double end = MAX (self->end, start + ICC_TIMELINE_MIN_SPAN_DAYS);

        move_to (self, start, end, FALSE);
      }
      break;

    case PROP_END:
      {
        double end = g_value_get_double (value);
        double start = MIN (self->start, end - ICC_TIMELINE_MIN_SPAN_DAYS);

        move_to (self, start, end, FALSE);
      }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_timeline_class_init (IccTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icc_timeline_dispose;
  object_class->finalize = icc_timeline_finalize;
  object_class->get_property = icc_timeline_get_property;
  object_class->set_property = icc_timeline_set_property;

  widget_class->snapshot = icc_timeline_snapshot;
  widget_class->measure = icc_timeline_measure;
  widget_class->size_allocate = icc_timeline_size_allocate;
  widget_class->css_changed = icc_timeline_css_changed;
  widget_class->query_tooltip = icc_timeline_query_tooltip;

  properties [PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_FOCUS] =
    g_param_spec_object ("focus", NULL, NULL,
                         ICC_TYPE_FOCUS,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ERAS] =
    g_param_spec_object ("eras", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_START] =
    g_param_spec_double ("start", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_END] =
    g_param_spec_double ("end", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.fit-all", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.go-back", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-to-selection", NULL, zoom_action);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SLIDER);
}

static void
icc_timeline_init (IccTimeline *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;
  GtkWidget *button;

  self->anim_duration = ANIMATION_USEC;

  self->hover_item = -1;
  self->today = today_day ();
  self->ticks = icc_timeline_ticks_new ();
  self->items = g_array_new (FALSE, TRUE, sizeof (IccTimelineItem));
  self->history = g_array_new (FALSE, FALSE, sizeof (Range));
  self->text_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->event_layouts = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  /* Translators: accessible name of the timeline */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("No event selected"),
                                  -1);

  self->model_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->model_signals, "items-changed",
                                 G_CALLBACK (model_items_changed_cb), self, G_CONNECT_SWAPPED);
  self->eras_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->eras_signals, "items-changed",
                                 G_CALLBACK (eras_items_changed_cb), self, G_CONNECT_SWAPPED);
  self->focus_signals = g_signal_group_new (ICC_TYPE_FOCUS);
  g_signal_group_connect_object (self->focus_signals, "notify::event",
                                 G_CALLBACK (focus_event_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->focus_signals, "notify::date",
                                 G_CALLBACK (focus_date_changed_cb), self, G_CONNECT_SWAPPED);

  /* The overview texture is drawn at the device scale. */
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (invalidate_all), NULL);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_object (controller, "motion", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "leave", G_CALLBACK (leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES |
                                                GTK_EVENT_CONTROLLER_SCROLL_KINETIC);
  g_signal_connect_object (controller, "scroll", G_CALLBACK (scroll_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "decelerate", G_CALLBACK (decelerate_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (pressed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "released", G_CALLBACK (released_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  g_signal_connect_object (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "drag-update", G_CALLBACK (drag_update_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "drag-end", G_CALLBACK (drag_end_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_object (gesture, "begin", G_CALLBACK (zoom_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  /* Offered after a Shift+drag, like Sysprof's scrubber. */
  self->selection_popover = gtk_popover_new ();
  gtk_popover_set_autohide (GTK_POPOVER (self->selection_popover), FALSE);
  gtk_popover_set_position (GTK_POPOVER (self->selection_popover), GTK_POS_TOP);
  button = gtk_button_new_with_mnemonic (_("_Zoom to Selection"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "timeline.zoom-to-selection");
  gtk_popover_set_child (GTK_POPOVER (self->selection_popover), button);
  gtk_widget_set_parent (self->selection_popover, GTK_WIDGET (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.go-back", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.zoom-to-selection", FALSE);

  update_colors (self);
}

/* The presentation glides more slowly between events than the window. */
void
icc_timeline_set_animation_duration (IccTimeline *self,
                                     guint        msec)
{
  g_return_if_fail (ICC_IS_TIMELINE (self));

  self->anim_duration = CLAMP (msec, 16, 5000) * G_TIME_SPAN_MILLISECOND;
}

guint
icc_timeline_get_animation_duration (IccTimeline *self)
{
  g_return_val_if_fail (ICC_IS_TIMELINE (self), 0);

  return self->anim_duration / G_TIME_SPAN_MILLISECOND;
}
