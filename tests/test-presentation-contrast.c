/* test-presentation-contrast.c: the presentation is readable from the back of
 * the room.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders the presentation at 1920×1080 on the bundled dataset, every step of
 * the bundled tour and the "playing through time" page, in the light, dark and
 * high contrast styles. For every label on screen it takes the rendered pixels
 * of the label's visible rectangle, calls the most common colour the
 * background and the colour with the highest contrast against it the text
 * (the cores of glyphs 24 px and larger reach the full text colour), and
 * checks the WCAG 2 contrast ratio is at least 4.5:1 (AA). It also checks the
 * size of the fonts the labels are laid out with: body text at least 24 px,
 * titles at least 40 px.
 *
 * Text drawn by other widgets (the timeline's dates, lanes and event labels)
 * is found in the render nodes: each text node's pixels are measured the same
 * way, and its own colour over the measured background bounds the ratio from
 * below, so that a dark marker next to pale text cannot pass for it. Text
 * partly under a later opaque fill (the date pill over the axis) is counted,
 * not measured. Chart text has no size minimum (style.css: 20 px).
 *
 * With ICC_TEST_SAVE_PNG set, the renders are saved to /tmp/contrast-*.png.
 */

#include "config.h"

#include <gtk/gtk.h>
#include <locale.h>
#include <math.h>

#include "icc-dataset-json.h"
#include "icc-presentation.h"

#define TOUR "russia-2016"
#define WIDTH 1920
#define HEIGHT 1080
/* WCAG 2, success criterion 1.4.3 (AA). */
#define MIN_RATIO 4.5
#define MIN_BODY_PX 24.0
#define MIN_TITLE_PX 40.0
/* Pixels of background around a text node's ink bounds. */
#define RUN_MARGIN 3

typedef struct
{
  const char *name;
  const char *theme;
  gboolean    dark;
  gboolean    high_contrast;
} Style;

/* GTK 4.8 has no "HighContrastInverse" (it silently falls back to the
 * default theme): its dark high contrast is "HighContrast" with a dark
 * preference, as GNOME sets it. */
static const Style styles[] = {
  { "light", "Default", FALSE, FALSE },
  { "dark", "Default", TRUE, FALSE },
  { "hc", "HighContrast", FALSE, TRUE },
  { "hc-dark", "HighContrast", TRUE, TRUE },
};

/* Labels held to the title size; any other label is body text. */
static const char * const title_classes[] = {
  "presentation-title",
  "presentation-parties",
};

typedef struct
{
  guint32 background;  /* 0xRRGGBB */
  guint32 text;
  double  ratio;
  guint   n_colours;
} Measure;

/* One label, or one kind of text, over all the views of one style: its
 * worst figures. */
typedef struct
{
  char     *name;
  double    min_size;  /* the size the text must have, 0 if none */
  guint     n_views;
  Measure   worst;
  double    min_px;
} Result;

static void
result_free (gpointer data)
{
  Result *result = data;

  g_free (result->name);
  g_free (result);
}

/* WCAG 2 relative luminance of an sRGB colour. */
static double
channel_linear (guint8 value)
{
  double c = value / 255.0;

  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
relative_luminance (guint32 rgb)
{
  return 0.2126 * channel_linear ((rgb >> 16) & 0xff)
         + 0.7152 * channel_linear ((rgb >> 8) & 0xff)
         + 0.0722 * channel_linear (rgb & 0xff);
}

static double
contrast_ratio (guint32 a,
                guint32 b)
{
  double la = relative_luminance (a);
  double lb = relative_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static guint32
rgba_to_rgb (const GdkRGBA *rgba)
{
  return ((guint32)lround (rgba->red * 255) << 16)
         | ((guint32)lround (rgba->green * 255) << 8)
         | (guint32)lround (rgba->blue * 255);
}

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* Lets the window lay out and paint a few frames after a change. */
static void
wait_for_frames (GtkWidget *widget,
                 guint      n_frames)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  gint64 start;

  g_assert_nonnull (clock);
  start = gdk_frame_clock_get_frame_counter (clock);
  while (gdk_frame_clock_get_frame_counter (clock) < start + n_frames)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      gtk_widget_queue_draw (widget);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* The widget as the window's own renderer draws it, as opaque 0xRRGGBB
 * pixels of width × height. */
typedef struct
{
  int            width;
  int            height;
  guint32       *pixels;
  GskRenderNode *node;
} Render;

static void
render_clear (Render *render)
{
  g_clear_pointer (&render->pixels, g_free);
  g_clear_pointer (&render->node, gsk_render_node_unref);
}

static void
render_widget (GtkWidget  *widget,
               const char *save_name,
               Render     *render)
{
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *data = NULL;
  gsize stride;

  render->width = gtk_widget_get_width (widget);
  render->height = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, snapshot, render->width, render->height);
  render->node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (render->node);
  g_assert_nonnull (renderer);
  texture = gsk_renderer_render_texture (renderer, render->node,
                                         &GRAPHENE_RECT_INIT (0, 0, render->width,
                                                              render->height));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, render->width);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, render->height);

  /* GDK_MEMORY_DEFAULT: premultiplied ARGB in native-endian 32-bit words. */
  stride = (gsize)render->width * 4;
  data = g_malloc (stride * render->height);
  gdk_texture_download (texture, data, stride);
  render->pixels = g_new (guint32, (gsize)render->width * render->height);
  for (gsize i = 0; i < (gsize)render->width * render->height; i++)
    {
      guint32 argb = ((guint32 *)(gpointer)data)[i];

      /* A presentation is opaque: text is never read through it. */
      g_assert_cmphex (argb >> 24, ==, 0xff);
      render->pixels[i] = argb & 0xffffff;
    }

  if (save_name != NULL && g_getenv ("ICC_TEST_SAVE_PNG") != NULL)
    {
      g_autofree char *path = g_strdup_printf ("/tmp/contrast-%s.png", save_name);

      g_assert_true (gdk_texture_save_to_png (texture, path));
      g_test_message ("Wrote %s", path);
    }
}

/* Background: the most common colour of the rectangle; text: the colour of
 * the highest contrast against it. */
static void
measure_rect (const Render       *render,
              const GdkRectangle *rect,
              Measure            *measure)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key, value;
  guint best_count = 0;

  for (int y = rect->y; y < rect->y + rect->height; y++)
    for (int x = rect->x; x < rect->x + rect->width; x++)
      {
        guint32 rgb = render->pixels[(gsize)y * render->width + x];
        /* Keys are colour + 1, so that black is not NULL. */
        gpointer k = GUINT_TO_POINTER (rgb + 1);
        guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, k)) + 1;

        g_hash_table_insert (counts, k, GUINT_TO_POINTER (count));
        if (count > best_count)
          {
            best_count = count;
            measure->background = rgb;
          }
      }

  measure->n_colours = g_hash_table_size (counts);
  measure->text = measure->background;
  measure->ratio = 1.0;
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint32 rgb = GPOINTER_TO_UINT (key) - 1;
      double ratio = contrast_ratio (rgb, measure->background);

      if (ratio > measure->ratio)
        {
          measure->ratio = ratio;
          measure->text = rgb;
        }
    }
}

/* The part of the widget on screen: its bounds in @root, clipped by every
 * ancestor that clips (scrolled windows, stacks, revealers) and by @root;
 * whole pixels only. */
static gboolean
visible_rect (GtkWidget    *widget,
              GtkWidget    *root,
              GdkRectangle *rect)
{
  graphene_rect_t bounds;
  graphene_rect_t clip;
  int x0, y0, x1, y1;

  if (!gtk_widget_compute_bounds (widget, root, &bounds))
    return FALSE;

  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL && w != root;
       w = gtk_widget_get_parent (w))
    {
      if (gtk_widget_get_overflow (w) != GTK_OVERFLOW_HIDDEN)
        continue;
      if (!gtk_widget_compute_bounds (w, root, &clip)
          || !graphene_rect_intersection (&bounds, &clip, &bounds))
        return FALSE;
    }

  graphene_rect_init (&clip, 0, 0, gtk_widget_get_width (root), gtk_widget_get_height (root));
  if (!graphene_rect_intersection (&bounds, &clip, &bounds))
    return FALSE;

  x0 = (int)ceilf (bounds.origin.x);
  y0 = (int)ceilf (bounds.origin.y);
  x1 = (int)floorf (bounds.origin.x + bounds.size.width);
  y1 = (int)floorf (bounds.origin.y + bounds.size.height);
  if (x1 <= x0 || y1 <= y0)
    return FALSE;

  rect->x = x0;
  rect->y = y0;
  rect->width = x1 - x0;
  rect->height = y1 - y0;
  return TRUE;
}

/* The smallest font the label's text is laid out with, in pixels. */
static double
label_min_font_px (GtkLabel *label)
{
  PangoLayoutIter *iter = pango_layout_get_iter (gtk_label_get_layout (label));
  double min_px = G_MAXDOUBLE;

  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);
      PangoFontDescription *desc;

      if (run == NULL)
        continue;

      desc = pango_font_describe_with_absolute_size (run->item->analysis.font);
      min_px = MIN (min_px, pango_font_description_get_size (desc) / (double)PANGO_SCALE);
      pango_font_description_free (desc);
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);

  return min_px;
}

static gboolean
label_is_title (GtkWidget *label)
{
  for (guint i = 0; i < G_N_ELEMENTS (title_classes); i++)
    if (gtk_widget_has_css_class (label, title_classes[i]))
      return TRUE;

  return FALSE;
}

/* The widget's id in @root's template ("title_label"), or its nearest
 * ancestor's ("tour_dropdown/GtkLabel"). */
static char *
describe_widget (GtkWidget *widget,
                 GtkWidget *root)
{
  for (GtkWidget *w = widget; w != NULL && w != root; w = gtk_widget_get_parent (w))
    {
      const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (w));

      if (id == NULL
          || gtk_widget_get_template_child (root, G_OBJECT_TYPE (root), id) != G_OBJECT (w))
        continue;

      if (w == widget)
        return g_strdup (id);
      return g_strdup_printf ("%s/%s", id, G_OBJECT_TYPE_NAME (widget));
    }

  return g_strdup (G_OBJECT_TYPE_NAME (widget));
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget))
    {
      g_autofree char *text = g_strdup (gtk_label_get_text (GTK_LABEL (widget)));

      if (g_strstrip (text)[0] != '\0')
        g_ptr_array_add (labels, widget);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

/* Text drawn by other widgets than labels (the timeline's): the text nodes
 * of the render, with their bounds in the root's coordinates, clipped, and
 * the opaque fills drawn after them, which can hide them. */
typedef struct
{
  graphene_rect_t  bounds;
  GdkRGBA          color;
  double           px;
  guint            order;
} TextRun;

typedef struct
{
  graphene_rect_t  bounds;
  guint            order;
} Fill;

typedef struct
{
  GArray *runs;
  GArray *fills;
  guint   order;
} Walk;

static void
walk_node (GskRenderNode         *node,
           GskTransform          *transform,
           const graphene_rect_t *clip,
           Walk                  *walk)
{
  GskRenderNodeType type = gsk_render_node_get_node_type (node);
  graphene_rect_t rect;

  walk->order++;

  switch ((int)type)
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        walk_node (gsk_container_node_get_child (node, i), transform, clip, walk);
      break;

    case GSK_TRANSFORM_NODE:
      {
        GskTransform *child = gsk_transform_transform (gsk_transform_ref (transform),
                                                       gsk_transform_node_get_transform (node));

        walk_node (gsk_transform_node_get_child (node), child, clip, walk);
        gsk_transform_unref (child);
      }
      break;

    case GSK_CLIP_NODE:
    case GSK_ROUNDED_CLIP_NODE:
      if (type == GSK_CLIP_NODE)
        gsk_transform_transform_bounds (transform, gsk_clip_node_get_clip (node), &rect);
      else
        gsk_transform_transform_bounds (transform,
                                        &gsk_rounded_clip_node_get_clip (node)->bounds, &rect);
      if (graphene_rect_intersection (&rect, clip, &rect))
        walk_node (type == GSK_CLIP_NODE
                   ? gsk_clip_node_get_child (node)
                   : gsk_rounded_clip_node_get_child (node),
                   transform, &rect, walk);
      break;

    case GSK_OPACITY_NODE:
      walk_node (gsk_opacity_node_get_child (node), transform, clip, walk);
      break;

    case GSK_COLOR_MATRIX_NODE:
      walk_node (gsk_color_matrix_node_get_child (node), transform, clip, walk);
      break;

    case GSK_SHADOW_NODE:
      walk_node (gsk_shadow_node_get_child (node), transform, clip, walk);
      break;

    case GSK_DEBUG_NODE:
      walk_node (gsk_debug_node_get_child (node), transform, clip, walk);
      break;

    case GSK_BLEND_NODE:
      walk_node (gsk_blend_node_get_bottom_child (node), transform, clip, walk);
      walk_node (gsk_blend_node_get_top_child (node), transform, clip, walk);
      break;

    case GSK_CROSS_FADE_NODE:
      walk_node (gsk_cross_fade_node_get_start_child (node), transform, clip, walk);
      walk_node (gsk_cross_fade_node_get_end_child (node), transform, clip, walk);
      break;

    case GSK_COLOR_NODE:
      {
        Fill fill;

        if (gsk_color_node_get_color (node)->alpha < 0.5)
          break;
        gsk_render_node_get_bounds (node, &rect);
        gsk_transform_transform_bounds (transform, &rect, &fill.bounds);
        if (!graphene_rect_intersection (&fill.bounds, clip, &fill.bounds))
          break;
        fill.order = walk->order;
        g_array_append_val (walk->fills, fill);
      }
      break;

    case GSK_TEXT_NODE:
      {
        PangoFontDescription *desc;
        TextRun run;

        gsk_render_node_get_bounds (node, &rect);
        gsk_transform_transform_bounds (transform, &rect, &run.bounds);
        if (!graphene_rect_intersection (&run.bounds, clip, &run.bounds))
          break;

        run.color = *gsk_text_node_get_color (node);
        desc = pango_font_describe_with_absolute_size (gsk_text_node_get_font (node));
        run.px = pango_font_description_get_size (desc) / (double)PANGO_SCALE;
        pango_font_description_free (desc);
        run.order = walk->order;
        g_array_append_val (walk->runs, run);
      }
      break;

    default:
      break;
    }
}

/* Part of the text is under an opaque fill drawn after it. */
static gboolean
run_is_covered (const TextRun *run,
                GArray        *fills)
{
  for (guint i = 0; i < fills->len; i++)
    {
      const Fill *fill = &g_array_index (fills, Fill, i);
      graphene_rect_t overlap;

      if (fill->order > run->order
          && graphene_rect_intersection (&run->bounds, &fill->bounds, &overlap)
          && overlap.size.width * overlap.size.height >= 1)
        return TRUE;
    }

  return FALSE;
}

/* The text's own colour over the background measured behind it. */
static guint32
composite (const GdkRGBA *color,
           guint32        background)
{
  guint32 rgb = 0;
  double channels[3] = { color->blue, color->green, color->red };

  for (guint i = 0; i < 3; i++)
    {
      double b = (background >> (8 * i)) & 0xff;

      rgb |= (guint32)lround (color->alpha * channels[i] * 255 + (1 - color->alpha) * b)
             << (8 * i);
    }

  return rgb;
}

typedef struct
{
  const Style *style;
  GPtrArray   *results;   /* Result, in order of first appearance */
  GHashTable  *by_name;   /* name → Result */
  GString     *failures;
  guint        n_measured;
  guint        n_covered;
} Survey;

/* Measures one text in one view and checks it; @min_size 0: no minimum. */
static void
survey_text (Survey             *survey,
             const Render       *render,
             const char         *name,
             const char         *view,
             const GdkRectangle *rect,
             const GdkRGBA      *color,
             double              px,
             double              min_size)
{
  Result *result = g_hash_table_lookup (survey->by_name, name);
  Measure measure;

  if (result == NULL)
    {
      result = g_new0 (Result, 1);
      result->name = g_strdup (name);
      result->min_size = min_size;
      result->worst.ratio = G_MAXDOUBLE;
      result->min_px = G_MAXDOUBLE;
      g_ptr_array_add (survey->results, result);
      g_hash_table_insert (survey->by_name, result->name, result);
    }

  /* Scrolled out of view: nothing to read, nothing to measure. */
  if (rect == NULL)
    return;

  measure_rect (render, rect, &measure);
  /* Drawn text of a known colour: the pixels could show a darker shape
   * next to it; the colour itself over its background is the lower bound. */
  if (color != NULL)
    {
      guint32 text = composite (color, measure.background);
      double ratio = contrast_ratio (text, measure.background);

      if (ratio < measure.ratio)
        {
          measure.ratio = ratio;
          measure.text = text;
        }
    }
  survey->n_measured++;
  result->n_views++;
  if (measure.ratio < result->worst.ratio)
    result->worst = measure;
  result->min_px = MIN (result->min_px, px);

  /* A blank or misplaced render would pass vacuously. */
  if (measure.n_colours < 2)
    g_string_append_printf (survey->failures,
                            "%s: %s (%s): a single colour in %d×%d+%d+%d, no text drawn\n",
                            survey->style->name, name, view, rect->width, rect->height,
                            rect->x, rect->y);
  if (measure.ratio < MIN_RATIO)
    g_string_append_printf (survey->failures,
                            "%s: %s (%s): contrast %.2f:1 (#%06x on #%06x at %d,%d) "
                            "below %.1f:1\n",
                            survey->style->name, name, view, measure.ratio, measure.text,
                            measure.background, rect->x, rect->y, MIN_RATIO);
  if (px < min_size)
    g_string_append_printf (survey->failures, "%s: %s (%s): %.1f px below %.0f px\n",
                            survey->style->name, name, view, px, min_size);
}

static gboolean
rects_contain_point (GArray *rects,
                     double  x,
                     double  y)
{
  for (guint i = 0; i < rects->len; i++)
    {
      const GdkRectangle *r = &g_array_index (rects, GdkRectangle, i);

      if (x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height)
        return TRUE;
    }

  return FALSE;
}

/* Measures every label on screen in one view of the presentation, then
 * every other text the render draws (the timeline's). */
static void
survey_view (Survey     *survey,
             GtkWidget  *presentation,
             const char *view,
             const char *save_name)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GArray) label_rects = g_array_new (FALSE, FALSE, sizeof (GdkRectangle));
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (TextRun));
  g_autoptr(GArray) fills = g_array_new (FALSE, FALSE, sizeof (Fill));
  Walk walk = { runs, fills, 0 };
  graphene_rect_t all;
  Render render = { 0 };

  render_widget (presentation, save_name, &render);
  collect_labels (presentation, labels);
  g_assert_cmpuint (labels->len, >, 0);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);
      g_autofree char *name = describe_widget (label, presentation);
      gboolean visible;
      GdkRectangle rect;

      visible = visible_rect (label, presentation, &rect);
      if (visible)
        g_array_append_val (label_rects, rect);
      survey_text (survey, &render, name, view, visible ? &rect : NULL, NULL,
                   label_min_font_px (GTK_LABEL (label)),
                   label_is_title (label) ? MIN_TITLE_PX : MIN_BODY_PX);
    }

  graphene_rect_init (&all, 0, 0, render.width, render.height);
  walk_node (render.node, NULL, &all, &walk);
  for (guint i = 0; i < runs->len; i++)
    {
      const TextRun *run = &g_array_index (runs, TextRun, i);
      graphene_point_t center;
      g_autofree char *owner = NULL;
      g_autofree char *color = NULL;
      g_autofree char *name = NULL;
      GtkWidget *picked;
      GdkRectangle rect;

      graphene_rect_get_center (&run->bounds, &center);
      if (rects_contain_point (label_rects, center.x, center.y))
        continue;

      picked = gtk_widget_pick (presentation, center.x, center.y, GTK_PICK_NON_TARGETABLE);
      owner = picked != NULL ? describe_widget (picked, presentation) : g_strdup ("?");
      color = gdk_rgba_to_string (&run->color);
      name = g_strdup_printf ("%s text %s", owner, color);
      /* Text nodes have the glyphs' ink bounds: a margin around them, so
       * that the background is the most common colour even for one digit. */
      rect.x = MAX (0, (int)floorf (run->bounds.origin.x) - RUN_MARGIN);
      rect.y = MAX (0, (int)floorf (run->bounds.origin.y) - RUN_MARGIN);
      rect.width = MIN (render.width,
                        (int)ceilf (run->bounds.origin.x + run->bounds.size.width) + RUN_MARGIN)
                   - rect.x;
      rect.height = MIN (render.height,
                         (int)ceilf (run->bounds.origin.y + run->bounds.size.height) + RUN_MARGIN)
                    - rect.y;
      /* Under the timeline's date pill, say: not to be read there. */
      if (run_is_covered (run, fills))
        {
          survey->n_covered++;
          continue;
        }
      /* The timeline's labels are read from the back of the room too, at
       * 24 px; only the counts inside cluster markers are smaller (Pango's
       * "small" scale, 20 px), to stay inside their circle. */
      survey_text (survey, &render, name, view, &rect, &run->color, run->px,
                   MIN_BODY_PX * PANGO_SCALE_SMALL - 0.5);
    }

  render_clear (&render);
}

/* The theme asked for is the one loaded: light or dark background, and the
 * high contrast theme's darker borders rather than the default's. */
static void
check_theme (GtkWidget   *widget,
             const Style *style)
{
  GtkSettings *settings = gtk_widget_get_settings (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GdkRGBA base, borders, default_borders;

  g_object_set (settings,
                "gtk-theme-name", "Default",
                "gtk-application-prefer-dark-theme", style->dark,
                NULL);
  g_assert_true (gtk_style_context_lookup_color (context, "borders", &default_borders));

  g_object_set (settings, "gtk-theme-name", style->theme, NULL);
  g_assert_true (gtk_style_context_lookup_color (context, "theme_base_color", &base));
  g_assert_true (gtk_style_context_lookup_color (context, "borders", &borders));

  if (style->dark)
    g_assert_cmpfloat (relative_luminance (rgba_to_rgb (&base)), <, 0.2);
  else
    g_assert_cmpfloat (relative_luminance (rgba_to_rgb (&base)), >, 0.8);

  if (style->high_contrast)
    g_assert_cmpfloat (contrast_ratio (rgba_to_rgb (&borders), rgba_to_rgb (&base)), >,
                       contrast_ratio (rgba_to_rgb (&default_borders), rgba_to_rgb (&base)));
  else
    g_assert_true (gdk_rgba_equal (&borders, &default_borders));
}

static void
survey_style (IccDataset  *dataset,
              const Style *style,
              GString     *failures)
{
  g_autoptr(IccFocus) focus = icc_focus_new ();
  IccPresentation *presentation = g_object_ref (icc_presentation_new (NULL, dataset, focus));
  GtkWidget *widget = GTK_WIDGET (presentation);
  gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (result_free);
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *play_name = g_strdup_printf ("%s-play", style->name);
  Survey survey = { style, results, by_name, failures, 0, 0 };
  guint n_steps;
  IccDate date;

  check_theme (widget, style);

  gtk_window_set_default_size (GTK_WINDOW (presentation), WIDTH, HEIGHT);
  g_assert_true (icc_presentation_set_tour (presentation, TOUR));
  gtk_window_present (GTK_WINDOW (presentation));
  while (gtk_widget_get_width (widget) != WIDTH || gtk_widget_get_height (widget) != HEIGHT)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
    }

  g_test_message ("%s: theme \"%s\"%s, drawn by %s", style->name, style->theme,
                  style->dark ? " (dark)" : "",
                  G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (presentation))));

  /* Every step, with the notes panel on every other one. */
  n_steps = icc_presentation_get_n_steps (presentation);
  g_assert_cmpuint (n_steps, >, 0);
  for (guint step = 0; step < n_steps; step++)
    {
      g_autofree char *view = g_strdup_printf ("step %u", step + 1);

      icc_presentation_set_step (presentation, step);
      if ((step % 2 == 1) != icc_presentation_get_notes_visible (presentation))
        g_assert_true (gtk_widget_activate_action (widget, "presentation.notes", NULL));
      wait_for_frames (widget, 3);
      survey_view (&survey, widget, view, step == 10 ? style->name : NULL);
    }

  /* Playing through time: the date, big, and the number of States Parties. */
  g_assert_true (gtk_widget_activate_action (widget, "presentation.play", NULL));
  g_assert_true (gtk_widget_activate_action (widget, "presentation.play", NULL));
  icc_date_init (&date, 2017, 10, 27);
  icc_focus_set_date (focus, &date);
  wait_for_frames (widget, 3);
  survey_view (&survey, widget, "playing", play_name);

  for (guint i = 0; i < results->len; i++)
    {
      Result *result = g_ptr_array_index (results, i);

      if (result->n_views == 0)
        g_test_message ("%s: %s never on screen at %d×%d", style->name, result->name,
                        WIDTH, HEIGHT);
      else
        g_test_message ("%s: %s %.1f:1 (#%06x on #%06x), %.0f px, worst of %u views",
                        style->name, result->name, result->worst.ratio, result->worst.text,
                        result->worst.background, result->min_px, result->n_views);
    }
  g_assert_cmpuint (survey.n_measured, >, 0);
  g_test_message ("%s: %u texts measured, %u texts drawn over by later fills not measured",
                  style->name, survey.n_measured, survey.n_covered);

  g_assert_true (gtk_widget_activate_action (widget, "presentation.leave", NULL));
  wait_ms (50);
  g_assert_finalize_object (presentation);
}

static void
test_presentation_contrast (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IccDataset) dataset = icc_dataset_load_bundled (&error);
  g_autoptr(GString) failures = g_string_new (NULL);
  GtkSettings *settings = gtk_settings_get_default ();
  g_autofree char *theme_name = NULL;
  gboolean animations;

  g_assert_no_error (error);
  g_assert_nonnull (dataset);

  /* Views settle without waiting out the crossfades. */
  g_object_get (settings,
                "gtk-theme-name", &theme_name,
                "gtk-enable-animations", &animations,
                NULL);
  g_object_set (settings, "gtk-enable-animations", FALSE, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    survey_style (dataset, &styles[i], failures);

  g_object_set (settings,
                "gtk-theme-name", theme_name,
                "gtk-application-prefer-dark-theme", FALSE,
                "gtk-enable-animations", animations,
                NULL);

  if (failures->len > 0)
    g_test_fail_printf ("Not readable from the back of the room:\n%s", failures->str);
}

/* The measurement itself, on labels of known colours: it finds the text's
 * full colour in 24 px glyphs, and it sees what opacity does to a label. */
static void
test_contrast_measure (void)
{
  static const struct {
    const char *css_class;
    guint32     text;         /* on white */
    double      opacity;
  } cases[] = {
    { "black", 0x000000, 1.0 },
    { "grey", 0x767676, 1.0 },     /* the lightest grey meeting AA on white */
    { "dim", 0x2e3436, 0.55 },     /* dim-label over Adwaita's text colour */
  };
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  GtkWidget *window = g_object_ref (gtk_window_new ());
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *labels[G_N_ELEMENTS (cases)];
  Render render = { 0 };

  gtk_css_provider_load_from_data (provider,
                                   "window.contrast-measure { background: #ffffff; }\n"
                                   ".contrast-measure label { font-size: 24px; }\n"
                                   ".contrast-measure .black { color: #000000; }\n"
                                   ".contrast-measure .grey { color: #767676; }\n"
                                   ".contrast-measure .dim { color: #2e3436; opacity: 0.55; }\n",
                                   -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);

  gtk_widget_add_css_class (window, "contrast-measure");
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 240);
  gtk_window_set_child (GTK_WINDOW (window), box);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      labels[i] = gtk_label_new ("Rome Statute · 124 States Parties");
      gtk_widget_add_css_class (labels[i], cases[i].css_class);
      gtk_box_append (GTK_BOX (box), labels[i]);
    }
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frames (window, 3);

  render_widget (window, NULL, &render);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint32 seen = 0;
      double expected;
      GdkRectangle rect;
      Measure measure;

      /* What the text colour looks like at its opacity over white. */
      for (int shift = 0; shift <= 16; shift += 8)
        {
          double c = (cases[i].text >> shift) & 0xff;

          seen |= (guint32)lround (255 - cases[i].opacity * (255 - c)) << shift;
        }
      expected = contrast_ratio (seen, 0xffffff);

      g_assert_true (visible_rect (labels[i], window, &rect));
      measure_rect (&render, &rect, &measure);
      g_test_message ("%s: measured %.2f:1 (#%06x on #%06x), expected %.2f:1",
                      cases[i].css_class, measure.ratio, measure.text, measure.background,
                      expected);
      g_assert_cmphex (measure.background, ==, 0xffffff);
      g_assert_cmpfloat_with_epsilon (measure.ratio, expected, 0.1);
      g_assert_cmpfloat_with_epsilon (label_min_font_px (GTK_LABEL (labels[i])), 24.0, 0.5);
    }
  render_clear (&render);

  /* The formula: WCAG's own reference points. */
  g_assert_cmpfloat_with_epsilon (contrast_ratio (0x000000, 0xffffff), 21.0, 0.001);
  g_assert_cmpfloat_with_epsilon (contrast_ratio (0x767676, 0xffffff), 4.54, 0.01);
  g_assert_cmpfloat (contrast_ratio (0x777777, 0xffffff), <, MIN_RATIO);
  /* And the classic failure: dim text is below AA. */
  g_assert_cmpfloat (contrast_ratio (0x8c8f90, 0xffffff), <, MIN_RATIO);

  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (provider));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) css_provider = NULL;

  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);

  /* What the application loads from its resource base path. */
  css_provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css_provider, "/org/example/IccTracker/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css_provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add_func ("/IccTracker/PresentationContrast/measure", test_contrast_measure);
  g_test_add_func ("/IccTracker/PresentationContrast/aa", test_presentation_contrast);

  return g_test_run ();
}
