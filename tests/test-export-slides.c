/* test-export-slides.c: the timeline as SVG, and a tour as slides, drawn
 * with no display at all.
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
#include "icc-export-svg.h"
#include "icc-test-export.h"
#include "icc-timeline-renderer.h"

static IccDataset *dataset;
static char *tmpdir;

static GFile *
tmp_file (const char *name)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  return g_file_new_for_path (path);
}

typedef struct
{
  gboolean   in_desc;
  gboolean   saw_svg;
  GString   *desc;
  /* The markers' classes and titles, the clusters' counts, the texts. */
  GPtrArray *marker_classes;
  GPtrArray *marker_titles;
  guint      cluster_events;
  GPtrArray *texts;
  int        in;  /* 0, or 1 in a marker's <title>, 2 a cluster's, 3 a <text> */
  int        element;
} SvgScan;

static void
svg_scan_init (SvgScan *scan)
{
  *scan = (SvgScan) { FALSE, FALSE, g_string_new (NULL), g_ptr_array_new_with_free_func (g_free),
                      g_ptr_array_new_with_free_func (g_free), 0,
                      g_ptr_array_new_with_free_func (g_free), 0, 0 };
}

static void
svg_scan_clear (SvgScan *scan)
{
  g_string_free (scan->desc, TRUE);
  g_ptr_array_unref (scan->marker_classes);
  g_ptr_array_unref (scan->marker_titles);
  g_ptr_array_unref (scan->texts);
}

static void
svg_start (GMarkupParseContext  *context,
           const char           *element,
           const char          **names,
           const char          **values,
           gpointer              user_data,
           GError              **error)
{
  SvgScan *scan = user_data;

  if (g_str_equal (element, "svg"))
    scan->saw_svg = TRUE;
  scan->in_desc = g_str_equal (element, "desc");

  if (g_str_equal (element, "text"))
    {
      scan->in = 3;
      g_ptr_array_add (scan->texts, g_strdup (""));
    }
  else if (g_str_equal (element, "path"))
    {
      scan->element = 0;
      for (guint i = 0; names[i] != NULL; i++)
        if (g_str_equal (names[i], "class") && g_str_has_prefix (values[i], "marker "))
          {
            scan->element = 1;
            g_ptr_array_add (scan->marker_classes, g_strdup (values[i] + strlen ("marker ")));
          }
        else if (g_str_equal (names[i], "class") && g_str_equal (values[i], "cluster"))
          {
            scan->element = 2;
          }
    }
  else if (g_str_equal (element, "title") && scan->element != 0)
    {
      scan->in = scan->element;
    }
}

static void
svg_end (GMarkupParseContext  *context,
         const char           *element,
         gpointer              user_data,
         GError              **error)
{
  SvgScan *scan = user_data;

  scan->in_desc = FALSE;
  if (g_str_equal (element, "path"))
    scan->element = 0;
  scan->in = 0;
}

static void
svg_text (GMarkupParseContext  *context,
          const char           *text,
          gsize                 len,
          gpointer              user_data,
          GError              **error)
{
  SvgScan *scan = user_data;

  g_autofree char *str = g_strndup (text, len);

  if (scan->in_desc)
    g_string_append_len (scan->desc, text, len);

  if (scan->in == 1)
    g_ptr_array_add (scan->marker_titles, g_steal_pointer (&str));
  else if (scan->in == 2)
    scan->cluster_events += atoi (str);
  else if (scan->in == 3)
    {
      char **last = (char **)&scan->texts->pdata[scan->texts->len - 1];
      char *joined = g_strconcat (*last, str, NULL);

      g_free (*last);
      *last = joined;
    }
}

static void
svg_scan_file (GFile   *file,
               SvgScan *scan)
{
  static const GMarkupParser parser = { svg_start, svg_end, svg_text, NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  GMarkupParseContext *context;
  gsize length;

  svg_scan_init (scan);
  g_assert_true (g_file_load_contents (file, NULL, &contents, &length, NULL, NULL));
  context = g_markup_parse_context_new (&parser, 0, scan, NULL);
  g_assert_true (g_markup_parse_context_parse (context, contents, length, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_markup_parse_context_free (context);
  g_assert_true (scan->saw_svg);
  /* Text is text: no glyph outlines. */
  g_assert_null (strstr (contents, "<symbol"));
  g_assert_null (strstr (contents, "<image"));
}

/* Whether a <text> shows @label, whole or shortened ("South Afric…"). */
static gboolean
svg_shows_text (SvgScan    *scan,
                const char *label)
{
  for (guint i = 0; i < scan->texts->len; i++)
    {
      const char *text = scan->texts->pdata[i];

      if (g_str_equal (text, label))
        return TRUE;
      if (g_str_has_suffix (text, "…") && strlen (text) > strlen ("…") &&
          strncmp (text, label, strlen (text) - strlen ("…")) == 0)
        return TRUE;
    }

  return FALSE;
}

/* The first and last rows, above the legend, holding the marker colour. */
static void
marker_rows (cairo_surface_t *png,
             int             *top,
             int             *bottom)
{
  *top = -1;
  *bottom = -1;
  for (int y = 0; y < 720 - 70; y++)
    if (count_color_in (png, 0, 1280, y, y + 1, MARKER_RGB) > 0)
      {
        if (*top < 0)
          *top = y;
        *bottom = y;
      }
}

/* The SVG's markers are where the PNG's are: a browser or librsvg draws
 * each <path> at the height the image export draws its marker (the
 * geometry of lanes fitted to their labels, which drawing the axis once
 * reset before the markers were written). */
static void
assert_svg_markers_match_png (const char *svg_path,
                              const char *png_path)
{
  g_autofree char *rsvg = g_find_program_in_path ("rsvg-convert");
  g_autofree char *rendered = g_strconcat (svg_path, ".png", NULL);
  const char *argv[] = { NULL, "-o", rendered, svg_path, NULL };
  cairo_surface_t *from_svg, *from_png;
  int status = 0, svg_top, svg_bottom, png_top, png_bottom;

  if (rsvg == NULL)
    {
      g_test_message ("rsvg-convert is not installed: the SVG is not rendered");
      return;
    }
  argv[0] = rsvg;
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               NULL, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  from_svg = cairo_image_surface_create_from_png (rendered);
  from_png = cairo_image_surface_create_from_png (png_path);
  g_assert_cmpint (cairo_surface_status (from_svg), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_surface_status (from_png), ==, CAIRO_STATUS_SUCCESS);
  marker_rows (from_svg, &svg_top, &svg_bottom);
  marker_rows (from_png, &png_top, &png_bottom);
  g_test_message ("marker rows: SVG %d..%d, PNG %d..%d", svg_top, svg_bottom, png_top, png_bottom);
  g_assert_cmpint (png_top, >=, 0);
  g_assert_cmpint (ABS (svg_top - png_top), <=, 2);
  g_assert_cmpint (ABS (svg_bottom - png_bottom), <=, 2);
  cairo_surface_destroy (from_svg);
  cairo_surface_destroy (from_png);
  g_unlink (rendered);
}

static void
test_svg (void)
{
  g_autoptr(GFile) file = tmp_file ("timeline.svg");
  g_autoptr(GError) error = NULL;
  SvgScan scan;
  GListModel *events = icc_dataset_get_events (dataset);
  double start, end;
  guint n_in_range = 0;
  gboolean has_source = FALSE;

  g_assert_true (icc_export_parse_range ("2016-11-01..2016-11-30", &start, &end, NULL));
  g_assert_true (icc_export_timeline (dataset, start, end, 1280, 720, 1,
                                      ICC_EXPORT_FORMAT_SVG, file, &error));
  g_assert_no_error (error);
  svg_scan_file (file, &scan);

  /* Every event of November 2016 is named in the SVG's description. */
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(IccEvent) event = g_list_model_get_item (events, i);

      if (icc_event_get_day (event) < start || icc_event_get_day (event) >= end)
        continue;
      g_assert_nonnull (strstr (scan.desc->str, icc_event_get_title (event)));
      n_in_range++;
    }
  g_assert_cmpuint (n_in_range, >, 0);

  /* A marker element for every event in view, alone or in a cluster, each
   * with its label as a <text>; the title, the range, the lanes, the legend
   * and the source line are text too. */
  g_test_message ("%u events, %u markers, %u in clusters", n_in_range,
                  scan.marker_titles->len, scan.cluster_events);
  g_assert_cmpuint (scan.marker_titles->len, ==, scan.marker_classes->len);
  g_assert_cmpuint (scan.marker_titles->len + scan.cluster_events, >=, n_in_range);
  for (guint i = 0; i < scan.marker_titles->len; i++)
    g_assert_true (svg_shows_text (&scan, scan.marker_titles->pdata[i]));
  /* The lanes have room for every label, whole. */
  for (guint i = 0; i < scan.texts->len; i++)
    g_assert_false (g_str_has_suffix (scan.texts->pdata[i], "…"));
  g_assert_true (svg_shows_text (&scan, icc_dataset_get_title (dataset)));
  g_assert_true (svg_shows_text (&scan, "Membership"));
  g_assert_true (svg_shows_text (&scan, "Withdrawal notice"));
  g_assert_true (svg_shows_text (&scan, "Signature withdrawn"));
  for (guint i = 0; i < scan.texts->len; i++)
    {
      /* The window's extras stay out. */
      g_assert_cmpstr (scan.texts->pdata[i], !=, "Today");
      has_source |= g_str_has_prefix (scan.texts->pdata[i], "Source: ");
    }
  g_assert_true (has_source);
  svg_scan_clear (&scan);
  keep_artifact (file);

  /* The same range as an image: its markers at the same heights. */
  {
    g_autoptr(GFile) png = tmp_file ("timeline-compare.png");
    g_autofree char *svg_path = g_file_get_path (file);
    g_autofree char *png_path = g_file_get_path (png);

    g_assert_true (icc_export_timeline (dataset, start, end, 1280, 720, 1,
                                        ICC_EXPORT_FORMAT_PNG, png, &error));
    g_assert_no_error (error);
    assert_svg_markers_match_png (svg_path, png_path);
  }

  /* Over dates that hold today: still no Today. */
  g_assert_true (icc_export_parse_range ("1998..2100", &start, &end, NULL));
  g_assert_true (icc_export_timeline (dataset, start, end, 1280, 720, 1,
                                      ICC_EXPORT_FORMAT_SVG, file, &error));
  g_assert_no_error (error);
  svg_scan_file (file, &scan);
  for (guint i = 0; i < scan.texts->len; i++)
    g_assert_cmpstr (scan.texts->pdata[i], !=, "Today");
  g_assert_cmpuint (scan.marker_titles->len, >, 0);
  svg_scan_clear (&scan);
}

/* librsvg draws the marker of the one event where the scale puts it (and
 * the legend's, under the timeline): the SVG renders, not only parses. */
static void
assert_svg_renders_marker (const char *svg_path)
{
  g_autofree char *rsvg = g_find_program_in_path ("rsvg-convert");
  g_autofree char *png_path = g_strconcat (svg_path, ".png", NULL);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { NULL, "-o", png_path, svg_path, NULL };
  cairo_surface_t *png;
  double start, end;
  double day;
  int status = 0;
  int x;

  if (rsvg == NULL)
    {
      /* build-aux/install-deps --tests installs it (librsvg2-bin). */
      g_test_message ("rsvg-convert is not installed: the SVG is not rendered");
      return;
    }
  argv[0] = rsvg;
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  png = cairo_image_surface_create_from_png (png_path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, 1280);
  g_assert_true (icc_export_parse_range (ONE_EVENT_RANGE, &start, &end, NULL));
  day = icc_date_get_day (&(IccDate) { 2016, 11, 14 }) + 0.5;
  x = (int)round ((day - start) / (end - start) * 1280);
  g_assert_cmpuint (count_color_in (png, x - 2, x + 3, 0, 720 - 70, MARKER_RGB), >=, 10);
  g_assert_cmpuint (count_color_in (png, 0, x - 12, 0, 720 - 70, MARKER_RGB), ==, 0);
  g_assert_cmpuint (count_color_in (png, x + 12, 1280, 0, 720 - 70, MARKER_RGB), ==, 0);
  g_assert_cmpuint (count_color_in (png, 0, 1280, 720 - 70, 720, MARKER_RGB), >=, 10);
  cairo_surface_destroy (png);
}

/* icc-tracker --export=x.svg and --export-tour with no DISPLAY and no
 * WAYLAND_DISPLAY: the SVG renders its marker; an unknown tour is refused,
 * naming the tours there are. */
static void
test_cli_no_display (void)
{
  g_autofree char *dataset_path = g_build_filename (tmpdir, "one-event.json", NULL);
  g_autofree char *svg_path = g_build_filename (tmpdir, "cli.svg", NULL);
  g_autofree char *svg_arg = g_strdup_printf ("--export=%s", svg_path);
  g_autofree char *tour_path = g_build_filename (tmpdir, "cli-tour.pdf", NULL);
  g_autofree char *tour_arg = g_strdup_printf ("--export-tour=%s", tour_path);
  g_autoptr(GFile) tour_pdf = g_file_new_for_path (tour_path);
  g_autofree char *contents = NULL;
  g_autofree char *err = NULL;
  const char *svg_args[] = { svg_arg, "--range=" ONE_EVENT_RANGE, dataset_path, NULL };
  const char *tour_args[] = { tour_arg, NULL };
  const char *no_tour_args[] = { tour_arg, "--tour=nope", NULL };
  const char *marker;
  guint n_black = 0;

  g_assert_true (g_file_set_contents (dataset_path, ONE_EVENT_JSON, -1, NULL));

  g_assert_cmpint (run_cli (svg_args, &err), ==, 0);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_file_get_contents (svg_path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_nonnull (strstr (contents, ">Testland signs</text>"));
  g_assert_nonnull (strstr (contents, "<path class=\"marker statement\""));
  /* The timeline's lines are in its (translucent) black: it was drawn. */
  for (marker = contents; (marker = strstr (marker, "rgb(0%,0%,0%)")) != NULL; marker++)
    n_black++;
  g_assert_cmpuint (n_black, >=, 10);
  assert_svg_renders_marker (svg_path);

  g_assert_cmpint (run_cli (tour_args, &err), ==, 0);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (pdfinfo_pages (tour_pdf), !=, 0);
  g_assert_cmpint (run_cli (no_tour_args, &err), ==, 1);
  g_assert_nonnull (strstr (err, "russia-2016"));
}

/* A tour as slides: a PDF page a step, 16:9, each with the step's title
 * and its event's label; a PNG a step in a folder, each with the ring
 * around the step's marker. */
static void
test_tour (void)
{
  GListModel *tours = icc_dataset_get_tours (dataset);
  g_autoptr(IccTour) tour = g_list_model_get_item (tours, 0);
  g_autoptr(GFile) pdf = tmp_file ("tour.pdf");
  g_autoptr(GFile) dir = tmp_file ("tour");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  IccTimelinePalette palette;
  guint n = icc_tour_get_n_steps (tour);
  guint8 ring[3];

  g_assert_cmpuint (n, >, 1);
  g_assert_true (icc_export_tour (dataset, tour, 1280, 720, 1, pdf, &error));
  g_assert_no_error (error);
  keep_artifact (pdf);

  if (pdfinfo_pages (pdf) != -1)
    {
      g_assert_cmpint (pdfinfo_pages (pdf), ==, n);
      text = pdftotext (pdf, FALSE);
      pages = g_strsplit (text, "\f", -1);
      for (guint i = 0; i < n; i++)
        {
          IccEvent *event = icc_dataset_lookup_event (dataset, icc_tour_get_step_event (tour, i));
          g_autofree char *spaced = collapse_spaces (pages[i]);
          /* pdftotext gives the ligatures Pango shaped ("ﬁve"). */
          g_autofree char *fi = replace_all (spaced, "ﬁ", "fi");
          g_autofree char *fl = replace_all (fi, "ﬂ", "fl");
          g_autofree char *page = replace_all (fl, "ﬀ", "ff");
          g_autofree char *title = collapse_spaces (icc_tour_get_step_title (tour, i));
          g_autofree char *label = collapse_spaces (icc_event_get_title (event));

          g_test_message ("step %u: %s", i + 1, title);
          g_assert_nonnull (strstr (page, title));
          g_assert_nonnull (strstr (page, label));
        }
    }

  icc_timeline_palette_init_light (&palette);
  ring[0] = (guint8)(palette.cursor_pill.red * 255 + .5);
  ring[1] = (guint8)(palette.cursor_pill.green * 255 + .5);
  ring[2] = (guint8)(palette.cursor_pill.blue * 255 + .5);
  g_assert_true (icc_export_tour (dataset, tour, 1280, 720, 1, dir, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("step-%02u.png", i + 1);
      g_autoptr(GFile) file = g_file_get_child (dir, name);
      g_autofree char *path = g_file_get_path (file);
      cairo_surface_t *png = cairo_image_surface_create_from_png (path);

      g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (png), ==, 1280);
      g_assert_cmpint (cairo_image_surface_get_height (png), ==, 720);
      /* A ring of radius 9.5, 2.5 wide: well over a hundred pixels. */
      g_assert_cmpuint (count_color_in (png, 0, 1280, 80, 720 - 70, ring[0], ring[1], ring[2]),
                        >=, 80);
      cairo_surface_destroy (png);
      if (i == 0)
        keep_artifact (file);
    }
}

/* An SVG <text> says what Pango shows: the whole label, or its start and an
 * ellipsis; in the layout's font, at its baseline, as wide. */
static void
test_svg_text (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 10");
  GdkRGBA grey = { 0.5, 0.5, 0.5, 0.8 };
  g_autoptr(GString) svg = g_string_new (NULL);
  g_autofree char *whole = NULL;
  g_autofree char *cut = NULL;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, "South Africa <notifies> & withdraws", -1);
  whole = icc_export_svg_layout_text (layout);
  g_assert_cmpstr (whole, ==, "South Africa <notifies> & withdraws");

  pango_layout_set_width (layout, 60 * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  cut = icc_export_svg_layout_text (layout);
  g_test_message ("shortened: %s", cut);
  g_assert_true (g_str_has_suffix (cut, "…"));
  g_assert_cmpint (strncmp (cut, "South", 5), ==, 0);
  g_assert_cmpuint (strlen (cut), <, strlen (whole));

  pango_layout_set_width (layout, -1);
  icc_export_svg_append_text (svg, layout, 10, 20, &grey);
  g_test_message ("%s", svg->str);
  g_assert_true (g_str_has_prefix (svg->str, "<text x=\"10\" y=\""));
  g_assert_nonnull (strstr (svg->str, ">South Africa &lt;notifies&gt; &amp; withdraws</text>"));
  g_assert_nonnull (strstr (svg->str, "font-size=\"13.33px\""));
  /* Grey at 0.8 on the white page, opaque (LibreOffice cuts translucent
   * text to its own width). */
  g_assert_nonnull (strstr (svg->str, "fill=\"#999999\""));
  g_assert_null (strstr (svg->str, "fill-opacity"));

  /* A label cut by the next marker wraps: a <text> a line, a line apart. */
  g_string_truncate (svg, 0);
  pango_layout_set_width (layout, 90 * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (layout, -2);
  icc_export_svg_append_text (svg, layout, 10, 20, &grey);
  g_test_message ("%s", svg->str);
  {
    g_auto(GStrv) lines = g_strsplit (svg->str, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 3);
    g_assert_true (g_str_has_prefix (lines[0], "<text x=\"10\" y=\""));
    g_assert_true (g_str_has_prefix (lines[1], "<text x=\"10\" y=\""));
    g_assert_cmpfloat (g_ascii_strtod (lines[1] + strlen ("<text x=\"10\" y=\""), NULL) -
                       g_ascii_strtod (lines[0] + strlen ("<text x=\"10\" y=\""), NULL), >, 10);
    /* The space the line wrapped at is not part of it (nor of its
     * textLength). */
    g_assert_nonnull (strstr (lines[0], ">South Africa</text>"));
    g_assert_true (g_str_has_suffix (lines[1], "…</text>"));
  }
  g_assert_nonnull (strstr (svg->str, "textLength=\""));

  pango_font_description_free (font);
  g_object_unref (layout);
  g_object_unref (context);
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
  tmpdir = g_dir_make_tmp ("icc-export-slides-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/export/svg", test_svg);
  g_test_add_func ("/export/svg-text", test_svg_text);
  g_test_add_func ("/export/svg-cli-no-display", test_cli_no_display);
  g_test_add_func ("/export/tour", test_tour);

  status = g_test_run ();

  icc_test_remove_tree (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
  g_clear_object (&dataset);

  return status;
}
