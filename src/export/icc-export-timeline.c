/* icc-export-timeline.c: the timeline as an image, a page of a slide deck
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "icc-enum-util.h"
#include "icc-enums.h"
#include "icc-export-image.h"
#include "icc-export-timeline-private.h"
#include "icc-export-svg.h"
#include "icc-timeline-renderer.h"
#include "icc-timeline-view.h"

/* A page: the title and the date range over the timeline, a legend of the
 * kinds shown and a source line under it. The timeline is the window's
 * renderer (icc-timeline-renderer.h) as an export draws it: no overview
 * strip, cursor or Today unless asked (IccExportShow), lanes as tall as
 * their labels need. In an SVG its
 * markers are <path>s and its text <text>, written here (icc-export-svg.h);
 * in a PNG or a PDF, cairo draws them. icc-export-tour.c makes a tour's
 * slides of such pages. */

#define MARGIN        24
#define TITLE_SIZE    20
#define SUBTITLE_SIZE 12
#define LEGEND_SIZE   12
#define LEGEND_ROW    20
/* The timeline's: 0.9em of GTK's default "Sans 10" (data/style.css). */
#define EXPORT_FONT   "Sans 9.9"
/* Lines of labels a lane may have under its markers. */
#define LABEL_ROWS    12


/* Text of the exports: the default cairo font map, not a display's. */
static PangoContext *
create_pango_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  PangoFontDescription *font = pango_font_description_from_string (EXPORT_FONT);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* As GTK sets up a widget's context: glyphs at fractional positions, so
   * that text is as wide as on screen and in a vector file. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_font_description (context, font);
  pango_context_set_language (context, pango_language_get_default ());
  pango_font_description_free (font);

  return context;
}

/* Where an SVG's own elements go while its timeline is drawn: its text and
 * the shapes over the markers (the cursor, the overview strip), and the
 * Today line under them. */
typedef struct
{
  GString *over;
  GString *under;
} SvgSink;

static void
svg_sink_clear (SvgSink *sink)
{
  if (sink->over != NULL)
    g_string_free (sink->over, TRUE);
  if (sink->under != NULL)
    g_string_free (sink->under, TRUE);
  sink->over = sink->under = NULL;
}

static void
svg_text_cb (PangoLayout   *layout,
             double         x,
             double         y,
             const GdkRGBA *color,
             gpointer       user_data)
{
  SvgSink *sink = user_data;

  icc_export_svg_append_text (sink->over, layout, x, y, color);
}

static void
svg_rect_cb (const char            *role,
             const graphene_rect_t *rect,
             double                 radius,
             const GdkRGBA         *fill,
             const GdkRGBA         *stroke,
             gpointer               user_data)
{
  SvgSink *sink = user_data;

  icc_export_svg_append_rect (g_str_equal (role, "today") ? sink->under : sink->over, role,
                              rect->origin.x, rect->origin.y, rect->size.width,
                              rect->size.height, radius, fill, stroke);
}

/* Draws the timeline of @dataset into a render node, with what @show asks
 * for (IccExportShow); with @sink, its text and the shapes of @show go
 * there as SVG elements and its markers are left out (see
 * append_svg_marks()). */
static GskRenderNode *
render_timeline (IccDataset           *dataset,
                 double               *start_day,
                 double               *end_day,
                 int                   width,
                 int                   height,
                 guint                 show,
                 gint32                cursor_day,
                 SvgSink              *sink,
                 IccEvent             *current,
                 IccTimelineRenderer **renderer_out)
{
  g_autoptr(IccTimelineView) view = NULL;
  IccTimelineRenderer *renderer;
  IccTimelineExportOptions options = {
    .label_rows = LABEL_ROWS,
    .current = current,
    .today = (show & ICC_EXPORT_SHOW_TODAY) != 0,
    .cursor = (show & ICC_EXPORT_SHOW_CURSOR) != 0,
    .overview = (show & ICC_EXPORT_SHOW_OVERVIEW) != 0,
  };
  PangoContext *context;
  GtkSnapshot *snapshot;

  /* A view of our own and the widget's renderer, with no widget, window or
   * display, in the light palette. */
  view = icc_timeline_view_new ();
  icc_timeline_view_set_model (view, icc_dataset_get_events (dataset));
  icc_timeline_view_set_eras (view, icc_dataset_get_eras (dataset));
  if (*start_day > 0 && *end_day > *start_day)
    icc_timeline_view_set_range (view, *start_day, *end_day);
  *start_day = icc_timeline_view_get_start (view);
  *end_day = icc_timeline_view_get_end (view);
  if (options.cursor)
    icc_timeline_view_set_cursor (view, cursor_day);

  context = create_pango_context ();
  renderer = icc_timeline_renderer_new (context);
  g_object_unref (context);

  if (sink != NULL)
    {
      options.no_shapes = TRUE;
      options.text_func = svg_text_cb;
      options.rect_func = svg_rect_cb;
      options.text_data = sink;
    }
  icc_timeline_renderer_set_export (renderer, &options);

  snapshot = gtk_snapshot_new ();
  icc_timeline_renderer_snapshot (renderer, view, snapshot, width, height);

  if (renderer_out != NULL)
    *renderer_out = renderer;
  else
    icc_timeline_renderer_free (renderer);

  return gtk_snapshot_free_to_node (snapshot);
}

GskRenderNode *
icc_export_timeline_node (IccDataset *dataset,
                          double     *start_day,
                          double     *end_day,
                          int         width,
                          int         height)
{
  g_return_val_if_fail (ICC_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  return render_timeline (dataset, start_day, end_day, width, height, 0, 0, NULL, NULL, NULL);
}

static char *
format_range (double start_day,
              double end_day)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  IccDate date;

  icc_date_init_from_day (&date, (gint32)start_day);
  start = icc_date_format (&date);
  icc_date_init_from_day (&date, (gint32)MAX (start_day, end_day - 1));
  end = icc_date_format (&date);

  /* Translators: a date range, "14 November 2016 – 30 November 2016". */
  return g_strdup_printf (_("%s – %s"), start, end);
}

static PangoLayout *
create_layout (cairo_t    *cr,
               const char *text,
               int         size,
               gboolean    bold,
               int         width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  cairo_font_options_destroy (options);
  pango_layout_context_changed (layout);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  if (width > 0)
    {
      pango_layout_set_width (layout, width * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  /* Dataset text: set as text, never as markup. */
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (font);

  return layout;
}

/* Text on the page: laid out by Pango, drawn by cairo or written as an SVG
 * <text>. Returns its width. */
static int
page_text (TimelinePage  *page,
           cairo_t       *cr,
           const char    *text,
           int            size,
           gboolean       bold,
           double         x,
           double         y,
           int            width,
           const GdkRGBA *color)
{
  PangoLayout *layout = create_layout (cr, text, size, bold, width);
  int w;

  pango_layout_get_pixel_size (layout, &w, NULL);
  if (page->svg)
    {
      icc_export_svg_append_text (page->svg_body, layout, x, y, color);
    }
  else
    {
      gdk_cairo_set_source_rgba (cr, color);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
    }
  g_object_unref (layout);

  return w;
}

/* The kinds of the events in the range, and whether one is unconfirmed. */
static guint32
kinds_in_range (TimelinePage *page,
                gboolean     *unconfirmed)
{
  GListModel *events = icc_dataset_get_events (page->dataset);
  guint n = g_list_model_get_n_items (events);
  guint32 kinds = 0;

  *unconfirmed = FALSE;
  for (guint i = icc_dataset_find_event_at_day (page->dataset, (gint32)page->start_day);
       i < n; i++)
    {
      g_autoptr(IccEvent) event = g_list_model_get_item (events, i);

      if (icc_event_get_day (event) >= page->end_day)
        break;
      kinds |= 1u << MIN (icc_event_get_kind (event), 31);
      if (icc_event_get_certainty (event) != ICC_CERTAINTY_CONFIRMED)
        *unconfirmed = TRUE;
    }

  return kinds;
}

typedef struct
{
  IccEventKind  kind;
  IccCertainty  certainty;
  const char   *label;
  int           width;
} LegendEntry;

static GArray *
legend_entries (TimelinePage *page,
                cairo_t      *cr)
{
  GArray *entries = g_array_new (FALSE, TRUE, sizeof (LegendEntry));
  gboolean unconfirmed;
  guint32 kinds = kinds_in_range (page, &unconfirmed);

  for (guint k = 0; k < ICC_N_EVENT_KINDS; k++)
    if (kinds & (1u << k))
      {
        LegendEntry entry = { k, ICC_CERTAINTY_CONFIRMED, icc_event_kind_get_label (k), 0 };

        g_array_append_val (entries, entry);
      }
  if (unconfirmed)
    {
      /* Translators: in a timeline image's legend, beside a hollow dashed
       * marker: an event whose certainty is less than confirmed. */
      LegendEntry entry = { ICC_EVENT_KIND_OTHER, ICC_CERTAINTY_UNVERIFIED,
                            _("Not confirmed (hollow, dashed)"), 0 };

      g_array_append_val (entries, entry);
    }

  for (guint i = 0; i < entries->len; i++)
    {
      LegendEntry *entry = &g_array_index (entries, LegendEntry, i);
      g_autoptr(PangoLayout) layout = create_layout (cr, entry->label, LEGEND_SIZE, FALSE, 0);

      pango_layout_get_pixel_size (layout, &entry->width, NULL);
      entry->width += 22;
    }

  return entries;
}

static int
legend_rows (GArray *entries,
             int     width)
{
  int rows = entries->len > 0 ? 1 : 0;
  double x = 0;

  for (guint i = 0; i < entries->len; i++)
    {
      const LegendEntry *entry = &g_array_index (entries, LegendEntry, i);

      if (x > 0 && x + entry->width > width)
        {
          rows++;
          x = 0;
        }
      x += entry->width + 16;
    }

  return rows;
}

static void
draw_legend (TimelinePage *page,
             cairo_t      *cr,
             GArray       *entries,
             double        top)
{
  GdkRGBA text = { 0.12, 0.12, 0.12, 1 };
  double x = MARGIN;
  double y = top;

  for (guint i = 0; i < entries->len; i++)
    {
      const LegendEntry *entry = &g_array_index (entries, LegendEntry, i);

      if (x > MARGIN && x + entry->width > page->width - MARGIN)
        {
          x = MARGIN;
          y += LEGEND_ROW;
        }
      icc_timeline_renderer_draw_marker (page->renderer, cr, entry->kind, entry->certainty,
                                         x + 8, y + LEGEND_SIZE * 0.7);
      page_text (page, cr, entry->label, LEGEND_SIZE, FALSE, x + 20, y, 0, &text);
      x += entry->width + 16;
    }
}

double
_icc_export_timeline_legend (cairo_t    *cr,
                             IccDataset *dataset,
                             double      start_day,
                             double      end_day,
                             int         width)
{
  TimelinePage page = {
    .dataset = dataset,
    .start_day = start_day,
    .end_day = end_day,
    .width = width + 2 * MARGIN,
  };
  g_autoptr(GArray) entries = NULL;
  PangoContext *context;
  int rows;

  entries = legend_entries (&page, cr);
  rows = legend_rows (entries, width);

  context = create_pango_context ();
  page.renderer = icc_timeline_renderer_new (context);
  g_object_unref (context);
  cairo_save (cr);
  cairo_translate (cr, -MARGIN, 0);
  draw_legend (&page, cr, entries, 0);
  cairo_restore (cr);
  icc_timeline_renderer_free (page.renderer);

  return rows * LEGEND_ROW;
}

/* The markers and clusters of the timeline as SVG paths, one a visible
 * event or cluster, each with its event's title as a tooltip. */
static void
append_svg_marks (TimelinePage *page,
                  double        top)
{
  GArray *items = icc_timeline_renderer_get_items (page->renderer);
  const IccTimelinePalette *palette = icc_timeline_renderer_get_palette (page->renderer);
  GListModel *events = icc_dataset_get_events (page->dataset);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (surface);
  GdkRGBA outline = palette->fg;
  GdkRGBA cluster_fill = palette->fg;
  GdkRGBA cluster_line = palette->fg;
  GString *svg = page->svg_body;

  outline.alpha *= .55;
  cluster_fill.alpha *= .12;
  cluster_line.alpha *= .5;

  g_string_append_printf (svg, "<g id=\"markers\" transform=\"translate(0,%d)\">\n", (int)top);
  for (guint i = 0; i < items->len; i++)
    {
      const IccTimelineItem *item = &g_array_index (items, IccTimelineItem, i);
      const GdkRGBA *color = &palette->kinds[MIN (item->kind, ICC_N_EVENT_KINDS - 1)];
      g_autofree char *title = NULL;
      double y;

      if (item->x + ICC_TIMELINE_MARKER_RADIUS < 0 ||
          item->x - ICC_TIMELINE_MARKER_RADIUS > page->width)
        continue;

      cairo_new_path (cr);
      y = icc_timeline_renderer_item_path (page->renderer, cr, i);

      if (item->count > 1)
        {
          title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events",
                                                item->count), item->count);
          g_string_append (svg, "<path class=\"cluster\" d=\"");
          icc_export_svg_append_path_data (svg, cr);
          g_string_append_c (svg, '"');
          icc_export_svg_append_color (svg, "fill", &cluster_fill);
          icc_export_svg_append_color (svg, "stroke", &cluster_line);
        }
      else
        {
          g_autoptr(IccEvent) event = g_list_model_get_item (events, item->position);

          title = g_markup_escape_text (event != NULL ? icc_event_get_title (event) : "", -1);
          if (item->x_end > item->x)
            {
              GdkRGBA bar = *color;
              char buf[4][G_ASCII_DTOSTR_BUF_SIZE];

              bar.alpha *= .45;
              g_string_append_printf (svg, "<rect class=\"period\" x=\"%s\" y=\"%s\" width=\"%s\""
                                      " height=\"6\"",
                                      g_ascii_formatd (buf[0], sizeof buf[0], "%.2f", item->x),
                                      g_ascii_formatd (buf[1], sizeof buf[1], "%.2f", y - 3),
                                      g_ascii_formatd (buf[2], sizeof buf[2], "%.2f",
                                                       item->x_end - item->x));
              icc_export_svg_append_color (svg, "fill", &bar);
              g_string_append (svg, "/>\n");
            }
          g_string_append_printf (svg, "<path class=\"marker %s\" d=\"",
                                  icc_enum_to_nick (ICC_TYPE_EVENT_KIND, item->kind));
          icc_export_svg_append_path_data (svg, cr);
          g_string_append_c (svg, '"');
          if (item->certainty == ICC_CERTAINTY_CONFIRMED)
            {
              icc_export_svg_append_color (svg, "fill", color);
              icc_export_svg_append_color (svg, "stroke", &outline);
            }
          else
            {
              GdkRGBA pale = *color;

              pale.alpha *= .18;
              icc_export_svg_append_color (svg, "fill", &pale);
              icc_export_svg_append_color (svg, "stroke", color);
              g_string_append (svg, " stroke-width=\"2\" stroke-dasharray=\"2.5 1.5\"");
            }
        }
      g_string_append_printf (svg, "><title>%s</title></path>\n", title);
    }
  g_string_append (svg, "</g>\n");

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The item of the page's current event, or -1. */
static int
current_item (TimelinePage *page)
{
  g_autoptr(IccTimelineView) view = icc_timeline_view_new ();

  icc_timeline_view_set_model (view, icc_dataset_get_events (page->dataset));

  return icc_timeline_renderer_find_event_item (page->renderer, view, page->current);
}

/* Renders the page's timeline; a tour step's event, when it falls in a
 * cluster, has the range narrowed around it until it stands alone. */
static GskRenderNode *
render_page_timeline (TimelinePage *page,
                      int           height,
                      SvgSink      *sink)
{
  GskRenderNode *node = NULL;

  for (guint attempt = 0; attempt < 12; attempt++)
    {
      double day;
      double span;
      int i;

      g_clear_pointer (&node, gsk_render_node_unref);
      g_clear_pointer (&page->renderer, icc_timeline_renderer_free);
      svg_sink_clear (sink);
      if (page->svg)
        {
          sink->over = g_string_new (NULL);
          sink->under = g_string_new (NULL);
        }

      node = render_timeline (page->dataset, &page->start_day, &page->end_day, page->width,
                              height, page->show, page->cursor_day, page->svg ? sink : NULL,
                              page->current, &page->renderer);
      if (node == NULL || page->current == NULL)
        break;

      i = current_item (page);
      if (i >= 0 && g_array_index (icc_timeline_renderer_get_items (page->renderer),
                                   IccTimelineItem, i).count == 1)
        break;

      /* A third of the span, around the event. */
      day = icc_event_get_day (page->current) + 0.5;
      span = (page->end_day - page->start_day) / 3;
      if (span < 4)
        break;
      page->start_day = floor (day - span / 2);
      page->end_day = ceil (day + span / 2);
    }

  return node;
}

/* A ring around the current event's marker. */
static void
ring_current (TimelinePage *page,
              cairo_t      *cr,
              double        top)
{
  const IccTimelinePalette *palette = icc_timeline_renderer_get_palette (page->renderer);
  GArray *items = icc_timeline_renderer_get_items (page->renderer);
  int i = current_item (page);
  const IccTimelineItem *item;
  double y;

  if (i < 0)
    return;

  item = &g_array_index (items, IccTimelineItem, i);
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_translate (cr, 0, top);
  y = icc_timeline_renderer_item_path (page->renderer, cr, i);
  cairo_new_path (cr);
  cairo_arc (cr, item->x, y, ICC_TIMELINE_MARKER_RADIUS + 3.5, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &palette->cursor_pill);
  cairo_set_line_width (cr, 2.5);
  cairo_stroke (cr);
  cairo_restore (cr);
}

gboolean
_icc_export_draw_timeline_page (cairo_t  *cr,
                                gpointer  data)
{
  TimelinePage *page = data;
  GdkRGBA title = { 0.12, 0.12, 0.12, 1 };
  GdkRGBA dim = { 0.30, 0.30, 0.30, 1 };
  g_autoptr(GskRenderNode) node = NULL;
  SvgSink sink = { NULL, NULL };
  g_autoptr(GArray) entries = NULL;
  g_autofree char *source = NULL;
  double top = MARGIN + TITLE_SIZE * 1.4 + SUBTITLE_SIZE * 1.6 + MARGIN / 2;
  double footer;
  int timeline_height;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  page_text (page, cr, page->title, TITLE_SIZE, TRUE, MARGIN, MARGIN, page->width - 2 * MARGIN,
             &title);
  page_text (page, cr, page->subtitle, SUBTITLE_SIZE, FALSE, MARGIN, MARGIN + TITLE_SIZE * 1.4,
             page->width - 2 * MARGIN, &dim);

  entries = legend_entries (page, cr);
  footer = MARGIN / 2 + legend_rows (entries, page->width - 2 * MARGIN) * LEGEND_ROW +
           SUBTITLE_SIZE * 1.6 + MARGIN / 2;
  timeline_height = (int)floor (page->height - top - footer);
  if (timeline_height < 60)
    return FALSE;

  node = render_page_timeline (page, timeline_height, &sink);
  if (node == NULL)
    {
      svg_sink_clear (&sink);
      return FALSE;
    }
  /* A tour step's range may have narrowed: the kinds it shows. */
  g_array_unref (entries);
  entries = legend_entries (page, cr);

  cairo_save (cr);
  cairo_translate (cr, 0, top);
  cairo_rectangle (cr, 0, 0, page->width, timeline_height);
  cairo_clip (cr);
  gsk_render_node_draw (node, cr);
  cairo_restore (cr);

  if (page->current != NULL)
    ring_current (page, cr, top);

  if (page->svg)
    {
      /* The Today line under the markers; the text, the cursor and the
       * overview strip over them, in the order the window draws them. */
      if (sink.under->len > 0)
        g_string_append_printf (page->svg_body, "<g id=\"today\" transform=\"translate(0,%d)\">\n"
                                "%s</g>\n", (int)top, sink.under->str);
      append_svg_marks (page, top);
      g_string_append_printf (page->svg_body, "<g id=\"labels\" transform=\"translate(0,%d)\">\n%s"
                              "</g>\n", (int)top, sink.over->str);
    }
  svg_sink_clear (&sink);

  draw_legend (page, cr, entries, top + timeline_height + MARGIN / 2);

  {
    GListModel *events = icc_dataset_get_events (page->dataset);
    guint n = g_list_model_get_n_items (events);
    g_autoptr(IccEvent) last = n > 0 ? g_list_model_get_item (events, n - 1) : NULL;
    g_autofree char *last_date = last != NULL ? icc_date_format (icc_event_get_date (last))
                                              : g_strdup ("");

    if (last != NULL)
      /* Translators: the source line under an exported timeline: the
       * dataset's title and the date of its latest event. */
      source = g_strdup_printf (_("Source: ICC Tracker dataset “%s”, events up to %s"),
                                icc_dataset_get_title (page->dataset), last_date);
    else
      /* Translators: the source line under an exported timeline of a
       * dataset with no events. */
      source = g_strdup_printf (_("Source: ICC Tracker dataset “%s”"),
                                icc_dataset_get_title (page->dataset));
  }
  page_text (page, cr, source, SUBTITLE_SIZE, FALSE, MARGIN,
             page->height - MARGIN / 2 - SUBTITLE_SIZE * 1.4, page->width - 2 * MARGIN, &dim);

  return TRUE;
}

/* A text alternative for the SVG: a <title> and a <desc> listing the events
 * in view, so the exported image is searchable and accessible. */
static char *
svg_description (IccDataset *dataset,
                 const char *title,
                 const char *range,
                 double      start_day,
                 double      end_day)
{
  GListModel *events = icc_dataset_get_events (dataset);
  guint n = g_list_model_get_n_items (events);
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);
  g_autofree char *escaped_range = g_markup_escape_text (range, -1);
  GString *str = g_string_new (NULL);

  g_string_append_printf (str, "<title>%s, %s</title>\n<desc>", escaped_title, escaped_range);
  for (guint i = icc_dataset_find_event_at_day (dataset, (gint32)start_day); i < n; i++)
    {
      g_autoptr(IccEvent) event = g_list_model_get_item (events, i);
      g_autofree char *date = NULL;
      g_autofree char *text = NULL;

      if (icc_event_get_day (event) >= end_day)
        break;

      date = icc_date_to_iso (icc_event_get_date (event));
      text = g_markup_escape_text (icc_event_get_title (event), -1);
      g_string_append_printf (str, "%s: %s\n", date, text);
    }
  g_string_append (str, "</desc>\n");

  return g_string_free (str, FALSE);
}

gboolean
icc_export_timeline (IccDataset       *dataset,
                     double            start_day,
                     double            end_day,
                     int               width,
                     int               height,
                     double            scale,
                     IccExportFormat   format,
                     GFile            *file,
                     GError          **error)
{
  return icc_export_timeline_full (dataset, start_day, end_day, width, height, scale, 0, 0,
                                   format, file, error);
}

gboolean
icc_export_timeline_full (IccDataset       *dataset,
                          double            start_day,
                          double            end_day,
                          int               width,
                          int               height,
                          double            scale,
                          IccExportShow     show,
                          gint32            cursor_day,
                          IccExportFormat   format,
                          GFile            *file,
                          GError          **error)
{
  g_autofree char *range = NULL;
  g_autofree char *description = NULL;
  g_autoptr(IccTimelineView) view = NULL;
  TimelinePage page = { 0 };
  gboolean ok;

  g_return_val_if_fail (ICC_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);

  /* The range the view will show (all events when none is given). */
  view = icc_timeline_view_new ();
  icc_timeline_view_set_model (view, icc_dataset_get_events (dataset));
  if (start_day > 0 && end_day > start_day)
    icc_timeline_view_set_range (view, start_day, end_day);
  start_day = icc_timeline_view_get_start (view);
  end_day = icc_timeline_view_get_end (view);

  range = format_range (start_day, end_day);
  page = (TimelinePage) {
    .dataset = dataset,
    .title = icc_dataset_get_title (dataset),
    .subtitle = range,
    .start_day = start_day,
    .end_day = end_day,
    .width = width,
    .height = height,
    .svg = format == ICC_EXPORT_FORMAT_SVG,
    .show = show,
    .cursor_day = cursor_day,
  };
  if (page.svg)
    {
      description = svg_description (dataset, page.title, range, start_day, end_day);
      page.svg_body = g_string_new (NULL);
    }

  ok = icc_export_page_to_file (dataset, width, height, scale, format, file,
                                _icc_export_draw_timeline_page, &page, description, page.svg_body,
                                error);
  if (ok && page.renderer == NULL)
    {
      g_set_error (error, ICC_EXPORT_ERROR, ICC_EXPORT_ERROR_DRAW,
                   _("Could not draw the timeline"));
      ok = FALSE;
    }

  g_clear_pointer (&page.renderer, icc_timeline_renderer_free);
  if (page.svg_body != NULL)
    g_string_free (page.svg_body, TRUE);

  return ok;
}
