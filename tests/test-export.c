/* test-export.c: the timeline as PNG, SVG and PDF, and the handout.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdlib.h>
#include <string.h>
#include <gtk/gtk.h>

#include "icc-dataset-json.h"
#include "icc-export-handout.h"
#include "icc-export-image.h"

static IccDataset *dataset;
static char *tmpdir;

static GFile *
tmp_file (const char *name)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  return g_file_new_for_path (path);
}

/* Pages of a PDF, as pdfinfo reads them; -1 when pdfinfo is not installed. */
static int
pdfinfo_pages (GFile *file)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  const char *line;
  int status = 0;

  if (pdfinfo == NULL)
    return -1;

  argv[0] = pdfinfo;
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  line = strstr (out, "Pages:");
  g_assert_nonnull (line);

  return atoi (line + strlen ("Pages:"));
}

static void
test_png (void)
{
  static const double scales[] = { 1, 2 };

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      g_autofree char *name = g_strdup_printf ("timeline-%g.png", scales[i]);
      g_autoptr(GFile) file = tmp_file (name);
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_file_get_path (file);
      cairo_surface_t *png;
      double start, end;

      g_assert_true (icc_export_parse_range ("2016-10..2016-12", &start, &end, NULL));
      g_assert_true (icc_export_timeline (dataset, start, end, 1280, 720, scales[i],
                                          ICC_EXPORT_FORMAT_PNG, file, &error));
      g_assert_no_error (error);

      png = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (png), ==, (int)(1280 * scales[i]));
      g_assert_cmpint (cairo_image_surface_get_height (png), ==, (int)(720 * scales[i]));
      cairo_surface_destroy (png);

      /* Kept in the build directory to look at. */
      {
        g_autofree char *artifact = g_test_build_filename (G_TEST_BUILT, name, NULL);
        g_autoptr(GFile) dest = g_file_new_for_path (artifact);
        g_file_copy (file, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL);
      }
    }
}

typedef struct
{
  gboolean  in_desc;
  gboolean  saw_svg;
  GString  *desc;
} SvgScan;

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
}

static void
svg_end (GMarkupParseContext  *context,
         const char           *element,
         gpointer              user_data,
         GError              **error)
{
  ((SvgScan *)user_data)->in_desc = FALSE;
}

static void
svg_text (GMarkupParseContext  *context,
          const char           *text,
          gsize                 len,
          gpointer              user_data,
          GError              **error)
{
  SvgScan *scan = user_data;

  if (scan->in_desc)
    g_string_append_len (scan->desc, text, len);
}

static void
test_svg (void)
{
  static const GMarkupParser parser = { svg_start, svg_end, svg_text, NULL, NULL };
  g_autoptr(GFile) file = tmp_file ("timeline.svg");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  GMarkupParseContext *context;
  SvgScan scan = { FALSE, FALSE, g_string_new (NULL) };
  GListModel *events = icc_dataset_get_events (dataset);
  double start, end;
  gsize length;
  guint n_in_range = 0;

  g_assert_true (icc_export_parse_range ("2016-11-01..2016-11-30", &start, &end, NULL));
  g_assert_true (icc_export_timeline (dataset, start, end, 1280, 720, 1,
                                      ICC_EXPORT_FORMAT_SVG, file, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_load_contents (file, NULL, &contents, &length, NULL, NULL));
  context = g_markup_parse_context_new (&parser, 0, &scan, NULL);
  g_assert_true (g_markup_parse_context_parse (context, contents, length, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_markup_parse_context_free (context);
  g_assert_true (scan.saw_svg);

  /* Every event of November 2016 is named in the SVG's text. */
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(IccEvent) event = g_list_model_get_item (events, i);

      if (icc_event_get_day (event) < start || icc_event_get_day (event) >= end)
        continue;
      g_assert_nonnull (strstr (scan.desc->str, icc_event_get_title (event)));
      n_in_range++;
    }
  g_assert_cmpuint (n_in_range, >, 0);

  g_string_free (scan.desc, TRUE);
}

static void
test_pdf (void)
{
  g_autoptr(GFile) file = tmp_file ("timeline.pdf");
  g_autoptr(GError) error = NULL;

  g_assert_true (icc_export_timeline (dataset, 0, 0, 1280, 720, 1,
                                      ICC_EXPORT_FORMAT_PDF, file, &error));
  g_assert_no_error (error);

  if (pdfinfo_pages (file) == -1)
    g_test_skip ("pdfinfo is not installed");
  else
    g_assert_cmpint (pdfinfo_pages (file), ==, 1);
}

static void
test_handout (void)
{
  g_autoptr(GFile) file = tmp_file ("handout.pdf");
  g_autoptr(GError) error = NULL;
  guint n_pages = 0;

  g_assert_true (icc_export_handout_to_pdf (dataset, NULL, file, &n_pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, >=, 2);

  if (pdfinfo_pages (file) == -1)
    g_test_skip ("pdfinfo is not installed");
  else
    g_assert_cmpint (pdfinfo_pages (file), ==, (int)n_pages);
}

static void
test_bad_input (void)
{
  g_autoptr(GError) error = NULL;
  IccExportFormat format;
  double start, end;

  g_assert_false (icc_export_format_from_filename ("timeline.gif", &format, &error));
  g_assert_error (error, ICC_EXPORT_ERROR, ICC_EXPORT_ERROR_FORMAT);
  g_clear_error (&error);
  g_assert_true (icc_export_format_from_filename ("A.SVG", &format, NULL));
  g_assert_cmpint (format, ==, ICC_EXPORT_FORMAT_SVG);

  g_assert_false (icc_export_parse_range ("2016-11-30..2016-11-01", &start, &end, &error));
  g_assert_error (error, ICC_EXPORT_ERROR, ICC_EXPORT_ERROR_RANGE);
  g_clear_error (&error);
  g_assert_false (icc_export_parse_range ("2016-11-30", &start, &end, NULL));
  g_assert_false (icc_export_parse_range ("2016-02-30..2017", &start, &end, NULL));
  g_assert_true (icc_export_parse_range ("1998..2026", &start, &end, NULL));
  g_assert_cmpfloat (end - start, >, 365 * 28);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);

  dataset = icc_dataset_load_bundled (&error);
  g_assert_no_error (error);
  tmpdir = g_dir_make_tmp ("icc-export-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/export/png", test_png);
  g_test_add_func ("/export/svg", test_svg);
  g_test_add_func ("/export/pdf", test_pdf);
  g_test_add_func ("/export/handout", test_handout);
  g_test_add_func ("/export/bad-input", test_bad_input);

  status = g_test_run ();

  {
    g_autoptr(GFile) dir = g_file_new_for_path (tmpdir);
    const char *names[] = { "timeline-1.png", "timeline-2.png", "timeline.svg", "timeline.pdf",
                            "handout.pdf" };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autoptr(GFile) child = g_file_get_child (dir, names[i]);
        g_file_delete (child, NULL, NULL);
      }
    g_file_delete (dir, NULL, NULL);
  }

  g_clear_pointer (&tmpdir, g_free);
  g_clear_object (&dataset);

  return status;
}
