/* test-export-show.c: what an export leaves out unless asked (--show:
 * the Today line, the cursor, the overview strip), and its leader lines,
 * drawn with no display at all.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <gtk/gtk.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "icc-dataset-json.h"
#include "icc-export-image.h"
#include "icc-test-export.h"
#include "icc-timeline-renderer.h"

#define CURSOR_RANGE "2016-10-01..2016-12-31"
#define CURSOR_DATE  "2016-11-14"

static IccDataset *dataset;
static char *tmpdir;
static IccTimelinePalette palette;

/* Runs --export=@name (in the temporary folder) with @range and @show (may
 * be NULL) and the cursor's @date (may be NULL), on the bundled dataset;
 * returns the file's path. */
static char *
export (const char *name,
        const char *range,
        const char *show,
        const char *date)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autofree char *export_arg = g_strdup_printf ("--export=%s", path);
  g_autofree char *range_arg = g_strdup_printf ("--range=%s", range);
  g_autofree char *show_arg = show != NULL ? g_strdup_printf ("--show=%s", show) : NULL;
  g_autofree char *date_arg = date != NULL ? g_strdup_printf ("--date=%s", date) : NULL;
  g_autofree char *err = NULL;
  const char *args[5] = { export_arg, range_arg, NULL, NULL, NULL };
  guint n = 2;
  int status;

  if (show_arg != NULL)
    args[n++] = show_arg;
  if (date_arg != NULL)
    args[n++] = date_arg;

  status = run_cli (args, &err);
  if (status != 0)
    g_printerr ("%s", err);
  g_assert_cmpint (status, ==, 0);

  return g_steal_pointer (&path);
}

static char *
read_svg (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  /* Well-formed, whatever it shows. */
  {
    g_autoptr(GMarkupParseContext) context = NULL;
    g_autoptr(GError) error = NULL;
    GMarkupParser parser = { 0 };

    context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
    g_markup_parse_context_parse (context, contents, -1, &error);
    g_assert_no_error (error);
  }

  return contents;
}

/* Attribute @attr (a number) of the first <rect class="@class"> of @svg,
 * or -1. */
static double
svg_rect_attr (const char *svg,
               const char *class,
               const char *attr)
{
  g_autofree char *start = g_strdup_printf ("<rect class=\"%s\" ", class);
  g_autofree char *name = g_strdup_printf (" %s=\"", attr);
  const char *p = strstr (svg, start);
  const char *end = p != NULL ? strchr (p, '>') : NULL;
  const char *value = p != NULL ? strstr (p, name) : NULL;

  if (value == NULL || value > end)
    return -1;

  return g_ascii_strtod (value + strlen (name), NULL);
}

static double
svg_rect_x (const char *svg,
            const char *class)
{
  return svg_rect_attr (svg, class, "x");
}

/* Pixels of @png in columns [@x0, @x1) and rows [@y0, @y1) that are
 * bluer than red by more than 100 levels: the accent (#3584e4), even
 * blended with the white by a line on a half pixel. */
static guint
count_accent_in (cairo_surface_t *png,
                 int              x0,
                 int              x1,
                 int              y0,
                 int              y1)
{
  int stride = cairo_image_surface_get_stride (png);
  const guint8 *data;
  guint n = 0;

  cairo_surface_flush (png);
  data = cairo_image_surface_get_data (png);
  for (int y = MAX (y0, 0); y < MIN (y1, cairo_image_surface_get_height (png)); y++)
    for (int x = MAX (x0, 0); x < MIN (x1, cairo_image_surface_get_width (png)); x++)
      {
        guint32 p = *(const guint32 *)(data + y * stride + x * 4);

        if ((int)(p & 0xff) - (int)((p >> 16) & 0xff) > 100)
          n++;
      }

  return n;
}

static cairo_surface_t *
load_png (const char *path)
{
  cairo_surface_t *png = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, 1280);

  return png;
}

#define RGB8(c) (guint8)((c).red * 255 + .5), (guint8)((c).green * 255 + .5), \
                (guint8)((c).blue * 255 + .5)

/* The Today line: with --show=today, in its colour where today is, in the
 * PNG and as a <rect class="today"> and "Today" as <text> in the SVG;
 * without, none of them. */
static void
test_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  /* A year each side: today stays inside even if the year turns while the
   * test runs. */
  g_autofree char *range = g_strdup_printf ("%d..%d", g_date_time_get_year (now) - 1,
                                            g_date_time_get_year (now) + 1);
  g_autofree char *svg_with = NULL;
  g_autofree char *svg_without = NULL;
  g_autofree char *png_with_path = NULL;
  g_autofree char *png_without_path = NULL;
  g_autofree char *path = NULL;
  cairo_surface_t *with;
  cairo_surface_t *without;
  double x;

  path = export ("today.svg", range, "today", NULL);
  svg_with = read_svg (path);
  g_clear_pointer (&path, g_free);
  path = export ("no-today.svg", range, NULL, NULL);
  svg_without = read_svg (path);

  x = svg_rect_x (svg_with, "today");
  g_assert_cmpfloat (x, >, 0);
  g_assert_cmpfloat (x, <, 1280);
  g_assert_nonnull (strstr (svg_with, ">Today</text>"));
  g_assert_null (strstr (svg_without, "class=\"today\""));
  g_assert_null (strstr (svg_without, ">Today</text>"));

  png_with_path = export ("today.png", range, "today", NULL);
  png_without_path = export ("no-today.png", range, NULL, NULL);
  with = load_png (png_with_path);
  without = load_png (png_without_path);
  /* A line down the lanes, a pixel wide (markers of the same orange are a
   * dozen pixels tall). */
  g_assert_cmpuint (count_color_in (with, (int)x, (int)x + 1, 120, 500, RGB8 (palette.today)),
                    >, 300);
  g_assert_cmpuint (count_color_in (without, (int)x, (int)x + 1, 120, 500,
                                    RGB8 (palette.today)), <, 60);
  cairo_surface_destroy (with);
  cairo_surface_destroy (without);
}

/* The cursor on --date: its line down the lanes and its date in a pill in
 * the PNG; a <rect class="cursor">, a <rect class="cursor-pill"> and its
 * date as <text> in the SVG; none of them unasked. */
static void
test_cursor (void)
{
  g_autofree char *svg_with = NULL;
  g_autofree char *svg_without = NULL;
  g_autofree char *png_with_path = NULL;
  g_autofree char *png_without_path = NULL;
  g_autofree char *path = NULL;
  cairo_surface_t *with;
  cairo_surface_t *without;
  double x;
  int column;

  path = export ("cursor.svg", CURSOR_RANGE, "cursor", CURSOR_DATE);
  svg_with = read_svg (path);
  g_clear_pointer (&path, g_free);
  path = export ("no-cursor.svg", CURSOR_RANGE, NULL, NULL);
  svg_without = read_svg (path);

  /* 14 November, 44 days into 92: x ≈ 44.5 / 92 × 1280 ≈ 619. */
  x = svg_rect_x (svg_with, "cursor");
  g_assert_cmpfloat (fabs (x + 1 - 44.5 / 92 * 1280), <, 4);
  g_assert_cmpfloat (svg_rect_x (svg_with, "cursor-pill"), >, x - 120);
  g_assert_nonnull (strstr (svg_with, ">14 November 2016</text>"));
  g_assert_null (strstr (svg_without, "class=\"cursor"));
  g_assert_null (strstr (svg_without, ">14 November 2016</text>"));
  /* Nothing else asked, nothing else drawn. */
  g_assert_null (strstr (svg_with, "class=\"today\""));
  g_assert_null (strstr (svg_with, "class=\"overview"));

  png_with_path = export ("cursor.png", CURSOR_RANGE, "cursor", CURSOR_DATE);
  png_without_path = export ("no-cursor.png", CURSOR_RANGE, NULL, NULL);
  with = load_png (png_with_path);
  without = load_png (png_without_path);
  column = (int)x;
  g_assert_cmpuint (count_color_in (with, column, column + 2, 120, 500,
                                    RGB8 (palette.accent_line)), >, 600);
  g_assert_cmpuint (count_color_in (without, column, column + 2, 120, 500,
                                    RGB8 (palette.accent_line)), <, 60);
  /* The pill, over the axis at the top of the timeline. */
  g_assert_cmpuint (count_color_in (with, column - 60, column + 60, 80, 105,
                                    RGB8 (palette.cursor_pill)), >, 500);
  g_assert_cmpuint (count_color_in (without, column - 60, column + 60, 80, 105,
                                    RGB8 (palette.cursor_pill)), <, 20);
  cairo_surface_destroy (with);
  cairo_surface_destroy (without);
}

/* The overview strip: its bars and the range framed in the accent. */
static void
test_overview (void)
{
  g_autofree char *svg_with = NULL;
  g_autofree char *svg_without = NULL;
  g_autofree char *png_with_path = NULL;
  g_autofree char *png_without_path = NULL;
  g_autofree char *path = NULL;
  cairo_surface_t *with;
  cairo_surface_t *without;
  const char *p;
  guint bars = 0;
  double x0, x1, y;

  path = export ("overview.svg", CURSOR_RANGE, "overview", NULL);
  svg_with = read_svg (path);
  g_clear_pointer (&path, g_free);
  path = export ("no-overview.svg", CURSOR_RANGE, NULL, NULL);
  svg_without = read_svg (path);

  g_assert_cmpfloat (svg_rect_x (svg_with, "overview"), ==, 0);
  g_assert_cmpfloat (svg_rect_x (svg_with, "overview-window"), >, 0);
  for (p = svg_with; (p = strstr (p, "class=\"overview-bar\"")) != NULL; p++)
    bars++;
  g_assert_cmpuint (bars, >, 50);
  g_assert_null (strstr (svg_without, "class=\"overview"));
  /* Shapes, not an image. */
  g_assert_null (strstr (svg_with, "<image"));

  /* A decade of the dataset's three: a wide window, outlined in the
   * accent, in the strip at the bottom of the timeline (83 pixels down the
   * page, under the title). */
  g_clear_pointer (&path, g_free);
  path = export ("overview-decade.svg", "2010..2019", "overview", NULL);
  g_clear_pointer (&svg_with, g_free);
  svg_with = read_svg (path);
  x0 = svg_rect_x (svg_with, "overview-window");
  x1 = x0 + svg_rect_attr (svg_with, "overview-window", "width");
  y = 83 + svg_rect_attr (svg_with, "overview-window", "y");
  g_assert_cmpfloat (x1 - x0, >, 200);
  png_with_path = export ("overview.png", "2010..2019", "OVERVIEW", NULL);
  png_without_path = export ("no-overview.png", "2010..2019", NULL, NULL);
  with = load_png (png_with_path);
  without = load_png (png_without_path);
  /* Its top edge. */
  g_assert_cmpuint (count_accent_in (with, x0 + 4, x1 - 4, y - 1, y + 2), >, (x1 - x0) * .8);
  g_assert_cmpuint (count_accent_in (without, x0 + 4, x1 - 4, y - 1, y + 2), <, 20);
  cairo_surface_destroy (with);
  cairo_surface_destroy (without);
}

/* An unknown word is refused, naming the words there are; so are --date
 * without the cursor and --show without --export (with --export-map too). */
static void
test_refused (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "refused.png", NULL);
  g_autofree char *export_arg = g_strdup_printf ("--export=%s", path);
  g_autofree char *err = NULL;
  const char *unknown[] = { export_arg, "--show=today,tody", NULL };
  const char *date_only[] = { export_arg, "--show=today", "--date=2016-11-14", NULL };
  const char *no_export[] = { "--world-state=2016-11-14", "--show=today", NULL };
  g_autofree char *map_path = g_build_filename (tmpdir, "refused-map.png", NULL);
  g_autofree char *map_arg = g_strdup_printf ("--export-map=%s", map_path);
  const char *map[] = { map_arg, "--show=today", NULL };

  g_assert_cmpint (run_cli (unknown, &err), ==, 2);
  g_assert_nonnull (strstr (err, "“tody”"));
  g_assert_nonnull (strstr (err, "today, cursor or overview"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (date_only, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--show=cursor"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (no_export, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--show"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  /* The map has no Today, cursor or strip: refused, not ignored. */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (map, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--show"));
  g_assert_false (g_file_test (map_path, G_FILE_TEST_EXISTS));

  {
    IccExportShow show = 0;
    g_autoptr(GError) error = NULL;

    g_assert_true (icc_export_parse_show ("today, cursor,overview", &show, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (show, ==, ICC_EXPORT_SHOW_TODAY | ICC_EXPORT_SHOW_CURSOR |
                                ICC_EXPORT_SHOW_OVERVIEW);
    g_assert_false (icc_export_parse_show ("today,now", &show, &error));
    g_assert_error (error, ICC_EXPORT_ERROR, ICC_EXPORT_ERROR_FORMAT);
  }
}

/* Leader lines ---------------------------------------------------------- */

static PangoContext *
create_export_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  PangoFontDescription *font = pango_font_description_from_string ("Sans 9.9");
  cairo_font_options_t *options = cairo_font_options_create ();

  /* As icc-export-timeline.c sets its context up. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_font_description (context, font);
  pango_font_description_free (font);

  return context;
}

/* Lays out @range at @width × @height as an export does and checks that
 * no label under its marker has a leader line crossing another label's
 * box: a label beside its marker (on line 0, taken as reaching down the
 * lines too, since one cut short wraps) or on a line the leader passes or
 * ends on. Returns how many leader lines there were. */
static guint
check_leaders (const char *range,
               int         width,
               int         height,
               gboolean    overview)
{
  g_autoptr(IccTimelineView) view = icc_timeline_view_new ();
  PangoContext *context = create_export_context ();
  g_autoptr(IccTimelineRenderer) renderer = icc_timeline_renderer_new (context);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GError) error = NULL;
  IccTimelineExportOptions options = { .label_rows = 12, .overview = overview };
  double start, end;
  GArray *items;
  guint leaders = 0;

  g_assert_true (icc_export_parse_range (range, &start, &end, &error));
  icc_timeline_view_set_model (view, icc_dataset_get_events (dataset));
  icc_timeline_view_set_range (view, start, end);
  g_object_unref (context);
  icc_timeline_renderer_set_export (renderer, &options);
  node = icc_timeline_renderer_render_static (renderer, view, width, height);
  items = icc_timeline_renderer_get_items (renderer);

  for (guint i = 0; i < items->len; i++)
    {
      const IccTimelineItem *item = &g_array_index (items, IccTimelineItem, i);
      double leader_x0;
      double leader_x1;

      if (item->label_width <= 0 || item->label_row == 0)
        continue;

      leaders++;
      leader_x0 = MAX (0, item->x - 1);
      leader_x1 = leader_x0 + 1;
      for (guint j = 0; j < items->len; j++)
        {
          const IccTimelineItem *other = &g_array_index (items, IccTimelineItem, j);
          double x0;
          double x1;

          if (j == i || other->lane != item->lane || other->label_width <= 0 ||
              other->label_row > item->label_row)
            continue;

          if (other->label_row == 0)
            {
              x0 = other->x + ICC_TIMELINE_MARKER_RADIUS;
              x1 = x0 + 10 + other->label_width;
            }
          else
            {
              x0 = other->label_x;
              x1 = x0 + other->label_width;
            }

          if (x0 < leader_x1 && x1 > leader_x0)
            g_error ("%s: the leader line of item %u (x %.1f, line %u) crosses the label of "
                     "item %u (%.1f to %.1f, line %u)", range, i, item->x, item->label_row, j,
                     x0, x1, other->label_row);
        }
    }

  return leaders;
}

static void
test_leaders (void)
{
  guint leaders = 0;

  /* Busy ranges at a slide's size: a page's timeline (its height less the
   * title, legend and source) and the whole of one, with and without the
   * overview strip. */
  leaders += check_leaders ("2016-10-01..2016-12-31", 1280, 560, FALSE);
  leaders += check_leaders ("2016-10-01..2016-12-31", 1280, 720, TRUE);
  leaders += check_leaders ("1998..2026", 1280, 560, FALSE);
  leaders += check_leaders ("1998..2026", 1280, 720, TRUE);
  leaders += check_leaders ("2002..2004", 1280, 560, FALSE);
  leaders += check_leaders ("2016..2026", 1280, 560, FALSE);
  /* The layouts did put labels under their markers. */
  g_assert_cmpuint (leaders, >, 10);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* No display: exports need none (gtk_init() is never called). */
  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");
  g_test_init (&argc, &argv, NULL);

  dataset = icc_dataset_load_bundled (&error);
  g_assert_no_error (error);
  tmpdir = g_dir_make_tmp ("icc-export-show-XXXXXX", &error);
  g_assert_no_error (error);
  icc_timeline_palette_init_light (&palette);

  g_test_add_func ("/export/show/today", test_today);
  g_test_add_func ("/export/show/cursor", test_cursor);
  g_test_add_func ("/export/show/overview", test_overview);
  g_test_add_func ("/export/show/refused", test_refused);
  g_test_add_func ("/export/leader-lines", test_leaders);

  status = g_test_run ();

  icc_test_remove_tree (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
  g_clear_object (&dataset);

  return status;
}
