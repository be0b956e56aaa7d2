/* test-export.c: the timeline as PNG and PDF, and the handout (the SVG and a
 * tour's slides: test-export-slides.c).
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <gtk/gtk.h>
#include <glib/gstdio.h>

#include "icc-dataset-json.h"
#include "icc-export-handout.h"
#include "icc-export-handout-private.h"
#include "icc-export-image.h"
#include "icc-test-export.h"

/* A passage and a certainty note each longer than a page. */
#define N_SENTENCES 400
#define N_NOTES     300
#define N_ROWS      150
/* How far pdftotext's word boxes may reach past the lines Pango laid out. */
#define BOX_SLACK   2.0

static IccDataset *dataset;
static char *tmpdir;

static GFile *
tmp_file (const char *name)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  return g_file_new_for_path (path);
}

/* The index of the page of @pages that has @needle, -1 if none has. */
static int
page_of (char       **pages,
         const char  *needle)
{
  for (guint i = 0; pages[i] != NULL; i++)
    if (strstr (pages[i], needle) != NULL)
      return i;

  return -1;
}

/* Asserts that @text has @prefix, a number, @suffix for each number of 1 to @n
 * exactly once, in order. */
static void
assert_numbered_in_order (const char *text,
                          const char *prefix,
                          const char *suffix,
                          guint       n)
{
  const char *from = text;

  for (guint i = 1; i <= n; i++)
    {
      g_autofree char *needle = g_strdup_printf ("%s%u%s", prefix, i, suffix);
      const char *found = strstr (from, needle);

      if (found == NULL)
        g_error ("“%s” is missing or out of order", needle);
      if (strstr (found + 1, needle) != NULL || strstr (text, needle) != found)
        g_error ("“%s” is there twice", needle);
      from = found + strlen (needle);
    }
}

/* The number in attribute @name of the XHTML element at @element. */
static double
attribute (const char *element,
           const char *name)
{
  g_autofree char *key = g_strdup_printf (" %s=\"", name);
  const char *value = strstr (element, key);

  g_assert_nonnull (value);

  return g_ascii_strtod (value + strlen (key), NULL);
}

/* Asserts that every word of the PDF lies inside the margins of the page
 * setup the handout is printed on, so no line runs off a page or is cut. */
static void
assert_words_within_margins (GFile *file)
{
  g_autofree char *xhtml = pdftotext (file, TRUE);
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  double top = gtk_page_setup_get_top_margin (setup, GTK_UNIT_POINTS);
  double bottom = gtk_page_setup_get_bottom_margin (setup, GTK_UNIT_POINTS);
  double left = gtk_page_setup_get_left_margin (setup, GTK_UNIT_POINTS);
  double right = gtk_page_setup_get_right_margin (setup, GTK_UNIT_POINTS);
  double width = 0, height = 0;
  guint n_words = 0;

  g_assert_nonnull (xhtml);
  for (const char *p = xhtml; (p = strchr (p, '<')) != NULL; p++)
    {
      if (g_str_has_prefix (p, "<page "))
        {
          width = attribute (p, "width");
          height = attribute (p, "height");
        }
      else if (g_str_has_prefix (p, "<word "))
        {
          g_assert_cmpfloat (height, >, 0);
          g_assert_cmpfloat (attribute (p, "xMin"), >=, left - BOX_SLACK);
          g_assert_cmpfloat (attribute (p, "xMax"), <=, width - right + BOX_SLACK);
          g_assert_cmpfloat (attribute (p, "yMin"), >=, top - BOX_SLACK);
          g_assert_cmpfloat (attribute (p, "yMax"), <=, height - bottom + BOX_SLACK);
          n_words++;
        }
    }
  g_assert_cmpuint (n_words, >, 0);
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

      /* The mode of a new file (0666 less the umask), not mkstemp()'s 0600. */
      {
        mode_t mask = umask (022);
        GStatBuf st;

        umask (mask);
        g_assert_cmpint (g_stat (path, &st), ==, 0);
        g_assert_cmpint (st.st_mode & 0777, ==, 0666 & ~mask);
      }

      keep_artifact (file);
    }
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

/* The text of each page of the PDF at @file, white space collapsed; NULL
 * (and the test skipped) when pdfinfo or pdftotext is not installed. Asserts
 * that there are @n_pages, each with text inside the margins. */
static GStrv
handout_pages (GFile *file,
               guint  n_pages)
{
  g_autofree char *out = pdftotext (file, FALSE);
  char **pages;

  if (out == NULL || pdfinfo_pages (file) == -1)
    {
      g_test_skip ("pdfinfo or pdftotext is not installed");
      return NULL;
    }
  g_assert_cmpint (pdfinfo_pages (file), ==, (int)n_pages);
  assert_words_within_margins (file);

  /* pdftotext ends every page with a form feed. */
  pages = g_strsplit (out, "\f", -1);
  g_assert_cmpuint (g_strv_length (pages), ==, n_pages + 1);
  g_clear_pointer (&pages[n_pages], g_free);
  for (guint i = 0; i < n_pages; i++)
    {
      char *page = collapse_spaces (pages[i]);

      g_assert_cmpuint (strlen (page), >, 1);
      g_free (pages[i]);
      pages[i] = page;
    }

  return pages;
}

/* Asserts that every passage the handout cites for @handout_dataset's first
 * tour is whole in one of @texts. */
static void
assert_passages_in (IccDataset *handout_dataset,
                    char      **texts)
{
  g_autoptr(IccTour) tour = g_list_model_get_item (icc_dataset_get_tours (handout_dataset), 0);

  for (guint i = 0; i < icc_tour_get_n_steps (tour); i++)
    {
      IccEvent *event = icc_dataset_lookup_event (handout_dataset,
                                                  icc_tour_get_step_event (tour, i));
      GListModel *citations = icc_event_get_citations (event);

      for (guint j = 0; j < g_list_model_get_n_items (citations); j++)
        {
          g_autoptr(IccCitation) citation = g_list_model_get_item (citations, j);
          /* As the handout prints it: its own marks made inner ones. */
          g_autofree char *quoted = _icc_handout_quote_passage (icc_citation_get_quote (citation));
          g_autofree char *quote = collapse_spaces (quoted);

          if (page_of (texts, quote) == -1)
            g_error ("No page has the whole of “%.60s…”", quote);
        }
    }
}

/* Prints the handout of @handout_dataset's first tour to @name, asserts it
 * has at least @min_pages, keeps it as a test artifact, and returns the text
 * of each page (NULL, the test skipped, without pdftotext). */
static GStrv
print_handout (IccDataset  *handout_dataset,
               const char  *name,
               guint        min_pages,
               GFile      **file_out)
{
  g_autoptr(GFile) file = tmp_file (name);
  g_autoptr(GError) error = NULL;
  guint n_pages = 0;

  g_assert_true (icc_export_handout_to_pdf (handout_dataset, NULL, file, &n_pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, >=, min_pages);
  keep_artifact (file);
  if (file_out != NULL)
    *file_out = g_object_ref (file);

  return handout_pages (file, n_pages);
}

/* The text of all @pages as one, white space collapsed, without the page
 * numbers at their feet and the table's header repeated at their top (both
 * fall inside a text that a page break cuts). */
static char *
joined_text (char **pages)
{
  g_autofree char *joined = g_strjoinv (" ", pages);
  g_autoptr(GRegex) footer = g_regex_new ("\\s*Page [0-9]+ of [0-9]+\\s*"
                                          "(Date\\s+Event\\s+Certainty\\s)?", 0, 0, NULL);
  g_autofree char *text = g_regex_replace_literal (footer, joined, -1, 0, " ", 0, NULL);

  return collapse_spaces (text);
}

static void
test_handout (void)
{
  /* The bundled tour: the title, timeline and table on the first page, its
   * cited passages on the next ones (four pages in all with the fonts of
   * Debian 12; the count depends on the fonts). */
  g_auto(GStrv) pages = print_handout (dataset, "handout.pdf", 2, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IccTour) tour = g_list_model_get_item (icc_dataset_get_tours (dataset), 0);
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  const char *argv[] = { "pdfinfo", NULL, NULL };
  const char *repeated = "Russia also criticized the court's handling of the country's five-day "
                         "conflict";
  const char *p;
  guint n;

  /* Its passages, all shorter than a third of a page, are never split. */
  if (pages == NULL)
    return;
  assert_passages_in (dataset, pages);
  text = g_strjoinv (" ", pages);

  /* Each passage once, with the events it is cited for; its address. */
  for (n = 0, p = text; (p = strstr (p, repeated)) != NULL; p++)
    n++;
  g_assert_cmpuint (n, ==, 1);
  g_assert_nonnull (strstr (text, "Cited for: 7 August 2008 — Russo-Georgian war"));
  g_assert_nonnull (strstr (text, "http://www.cnn.com/2016/11/16/world/"));
  /* No doubled quotation marks. */
  g_assert_null (strstr (text, "““"));
  g_assert_null (strstr (text, "””"));
  g_assert_null (strstr (text, "”\""));
  /* Page numbers, and the tour's notes as questions. */
  g_assert_nonnull (strstr (text, "Page 1 of "));
  g_assert_nonnull (strstr (text, "For discussion"));
  g_assert_nonnull (strstr (text, icc_tour_get_step_note (tour, 0)));

  /* The PDF's title and subject. */
  path = g_build_filename (tmpdir, "handout.pdf", NULL);
  argv[0] = g_find_program_in_path ("pdfinfo");
  argv[1] = path;
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &info, NULL, NULL, &error));
  g_assert_no_error (error);
  g_free ((char *)argv[0]);
  g_assert_nonnull (strstr (info, icc_tour_get_title (tour)));
  g_assert_nonnull (strstr (info, "Subject:"));
  g_assert_nonnull (strstr (info, "The Rome Statute and its States"));
}

/* The passage's own quotation marks become inner ones. */
static void
test_handout_nested_quotes (void)
{
  static const struct { const char *quote; const char *printed; } cases[] = {
    { "plain", "“plain”" },
    { "“Not justified,” a spokesperson said.",
      "“‘Not justified,’ a spokesperson said.”" },
    { "the \"five-day war\" of 2008", "“the ‘five-day war’ of 2008”" },
    { "  spaced  ", "“spaced”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *printed = _icc_handout_quote_passage (cases[i].quote);

      g_assert_cmpstr (printed, ==, cases[i].printed);
    }
}

#define LONG_DATASET_JSON \
  "{\"format\": \"icc-tracker\", \"version\": 1, \"title\": \"Long passages\"," \
  " \"articles\": [{\"id\": \"a\", \"title\": \"A long article\", \"outlet\": \"Outlet\"," \
  "   \"date\": \"2016-11-16\", \"text\": \"%s\"}]," \
  " \"states\": []," \
  " \"events\": [" \
  "  {\"id\": \"passage\", \"date\": \"2016-11-16\", \"kind\": \"statement\"," \
  "   \"title\": \"An event with a long passage\"," \
  "   \"citations\": [{\"article\": \"a\", \"quote\": \"%s\"}]}," \
  "  {\"id\": \"note\", \"date\": \"2016-11-30\", \"kind\": \"statement\"," \
  "   \"title\": \"An event with a long note\", \"certainty\": \"unverified\"," \
  "   \"certainty_note\": \"%s\"}]," \
  " \"tours\": [{\"id\": \"t\", \"title\": \"A long tour\"," \
  "   \"steps\": [{\"event\": \"note\"}, {\"event\": \"passage\"}]}]}"

/* A dataset whose tour has an event with a certainty note longer than a page
 * and one citing a passage of N_SENTENCES, which is longer than two. */
static IccDataset *
long_dataset (void)
{
  g_autoptr(GString) passage = g_string_new (NULL);
  g_autoptr(GString) note = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  IccDataset *long_passages;
  char *json;

  for (guint i = 1; i <= N_SENTENCES; i++)
    g_string_append_printf (passage, "%sSentence %u of the passage.", i > 1 ? " " : "", i);
  for (guint i = 1; i <= N_NOTES; i++)
    g_string_append_printf (note, "%sNote %u.", i > 1 ? " " : "", i);

  json = g_strdup_printf (LONG_DATASET_JSON, passage->str, passage->str, note->str);
  bytes = g_bytes_new_take (json, strlen (json));
  long_passages = icc_dataset_load_bytes (bytes, NULL, &error);
  g_assert_no_error (error);

  return long_passages;
}

/* Blocks higher than a page are split between lines, and nothing is lost. */
static void
test_handout_long (void)
{
  g_autoptr(IccDataset) long_passages = long_dataset ();
  /* The first page, the note over the next ones, the passage on the rest
   * (with the fonts of Debian 12). */
  g_auto(GStrv) pages = print_handout (long_passages, "handout-long.pdf", 3, NULL);
  g_autofree char *text = NULL;
  int first, last;

  if (pages == NULL)
    return;

  text = joined_text (pages);
  assert_passages_in (long_passages, (char *[]) { text, NULL });
  assert_numbered_in_order (text, "Sentence ", " of the passage.", N_SENTENCES);
  assert_numbered_in_order (text, "Note ", ".", N_NOTES);

  /* The note runs over a page break (two on A4 with the fonts of Debian
   * 12), the passage over at least one. */
  first = page_of (pages, "Note 1.");
  last = page_of (pages, "Note " G_STRINGIFY (N_NOTES) ".");
  g_assert_cmpint (first, >=, 0);
  g_assert_cmpint (last, >=, first + 1);
  first = page_of (pages, "Sentence 1 of");
  last = page_of (pages, "Sentence " G_STRINGIFY (N_SENTENCES) " of");
  g_assert_cmpint (first, >=, 0);
  g_assert_cmpint (last, >=, first + 1);

  /* The heading stays with the passage's first lines, its source and the
   * event it is cited for with its last. */
  g_assert_cmpint (page_of (pages, "Cited passages “Sentence 1 of"), ==, first);
  g_assert_cmpint (page_of (pages, "— Outlet, “A long article”"), ==, last);
  g_assert_cmpint (page_of (pages, "Cited for: 16 November 2016 — An event with a long passage"),
                   ==, last);
}

/* A dataset whose tour has N_ROWS events, too many for the table to fit one
 * page. */
static IccDataset *
many_rows_dataset (void)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  IccDataset *many_rows;

  g_string_append (json, "{\"format\": \"icc-tracker\", \"version\": 1,"
                         " \"title\": \"Many rows\", \"articles\": [], \"states\": [],"
                         " \"events\": [");
  for (guint i = 1; i <= N_ROWS; i++)
    g_string_append_printf (json, "%s{\"id\": \"e%u\", \"date\": \"2016-%02u-%02u\","
                            " \"kind\": \"statement\", \"title\": \"Row %u of the table.\"}",
                            i > 1 ? ", " : "", i, 1 + (i - 1) / 28, 1 + (i - 1) % 28, i);
  g_string_append (json, "], \"tours\": [{\"id\": \"t\", \"title\": \"A long table\", \"steps\": [");
  for (guint i = 1; i <= N_ROWS; i++)
    g_string_append_printf (json, "%s{\"event\": \"e%u\"}", i > 1 ? ", " : "", i);
  g_string_append (json, "]}]}");

  bytes = g_string_free_to_bytes (g_steal_pointer (&json));
  many_rows = icc_dataset_load_bytes (bytes, NULL, &error);
  g_assert_no_error (error);

  return many_rows;
}

typedef struct
{
  guint  n_headers;     /* Words "Certainty", which only the header has. */
  double header_top;
  double first_row_top; /* Of the highest word "Row". */
} HeaderPlace;

/* Where the table header and the first row are on page @page of @file. */
static HeaderPlace
header_place (GFile *file,
              int    page)
{
  g_autofree char *xhtml = pdftotext (file, TRUE);
  HeaderPlace place = { 0, G_MAXDOUBLE, G_MAXDOUBLE };
  int n = -1;

  g_assert_nonnull (xhtml);
  for (const char *p = xhtml; (p = strchr (p, '<')) != NULL; p++)
    {
      const char *text;

      if (g_str_has_prefix (p, "<page "))
        n++;
      if (n != page || !g_str_has_prefix (p, "<word ") || (text = strchr (p, '>')) == NULL)
        continue;
      text++;
      if (g_str_has_prefix (text, "Certainty<"))
        {
          place.n_headers++;
          place.header_top = MIN (place.header_top, attribute (p, "yMin"));
        }
      else if (g_str_has_prefix (text, "Row<"))
        place.first_row_top = MIN (place.first_row_top, attribute (p, "yMin"));
    }

  return place;
}

/* A table continued on the next page starts it with its header row again. */
static void
test_handout_table_header (void)
{
  g_autoptr(IccDataset) many_rows = many_rows_dataset ();
  g_autoptr(GFile) file = NULL;
  g_auto(GStrv) pages = print_handout (many_rows, "handout-table.pdf", 3, &file);
  g_autofree char *text = NULL;
  int first, last;

  if (pages == NULL)
    return;

  first = page_of (pages, "Row 1 of the table.");
  last = page_of (pages, "Row " G_STRINGIFY (N_ROWS) " of the table.");
  g_assert_cmpint (first, ==, 0);
  g_assert_cmpint (last, >=, first + 2);
  for (int i = first + 1; i <= last; i++)
    {
      HeaderPlace place = header_place (file, i);

      /* Continued pages have the header once, above every row. */
      g_test_message ("page %d: header at %.1f pt, first row at %.1f pt", i + 1,
                      place.header_top, place.first_row_top);
      g_assert_cmpuint (place.n_headers, ==, 1);
      g_assert_cmpfloat (place.header_top, <, place.first_row_top);
    }
  g_assert_cmpuint (header_place (file, first).n_headers, ==, 1);

  text = joined_text (pages);
  assert_numbered_in_order (text, "Row ", " of the table.", N_ROWS);
}

/* The legend and the source line take the last 70 pixels of a page of 400. */
#define LEGEND_TOP 330

/* The marker of the one event is drawn in its colour where the scale puts
 * it, and nowhere else in the timeline; the legend shows it once. */
static void
test_png_pixels (void)
{
  static const double scales[] = { 1, 2 };
  g_autoptr(IccDataset) one = one_event_dataset ();

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      g_autofree char *name = g_strdup_printf ("pixels-%g.png", scales[i]);
      g_autoptr(GFile) file = tmp_file (name);
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_file_get_path (file);
      cairo_surface_t *png;
      double start, end;
      double day;
      int x;
      int w;
      int bottom;

      g_assert_true (icc_export_parse_range (ONE_EVENT_RANGE, &start, &end, NULL));
      g_assert_true (icc_export_timeline (one, start, end, 800, 400, scales[i],
                                          ICC_EXPORT_FORMAT_PNG, file, &error));
      g_assert_no_error (error);

      png = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
      w = cairo_image_surface_get_width (png);

      /* The marker's centre: the middle of its day, across the width. */
      day = icc_event_get_day (g_list_model_get_item (icc_dataset_get_events (one), 0)) + 0.5;
      g_object_unref (g_list_model_get_item (icc_dataset_get_events (one), 0));
      x = (int)round ((day - start) / (end - start) * 800 * scales[i]);
      g_test_message ("marker expected at x = %d of %d", x, w);

      /* A filled circle of radius 6: dozens of pixels of its colour, and
       * none elsewhere above the legend, which shows the kind once. */
      bottom = (int)(LEGEND_TOP * scales[i]);
      g_assert_cmpuint (count_color_in (png, x - 2 * scales[i], x + 2 * scales[i] + 1,
                                        0, bottom, MARKER_RGB), >=, 10 * scales[i]);
      g_assert_cmpuint (count_color_in (png, 0, x - 12 * scales[i], 0, bottom, MARKER_RGB), ==, 0);
      g_assert_cmpuint (count_color_in (png, x + 12 * scales[i], w, 0, bottom, MARKER_RGB), ==, 0);
      g_assert_cmpuint (count_color_in (png, 0, w, bottom, G_MAXINT, MARKER_RGB), >=,
                        10 * scales[i]);

      cairo_surface_destroy (png);
      keep_artifact (file);
    }
}

/* The timeline's text (lane headings, the event's label) is in the PDF. */
static void
test_pdf_text (void)
{
  g_autoptr(IccDataset) one = one_event_dataset ();
  g_autoptr(GFile) file = tmp_file ("pixels.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  double start, end;

  g_assert_true (icc_export_parse_range (ONE_EVENT_RANGE, &start, &end, NULL));
  g_assert_true (icc_export_timeline (one, start, end, 800, 400, 1,
                                      ICC_EXPORT_FORMAT_PDF, file, &error));
  g_assert_no_error (error);

  text = pdftotext (file, FALSE);
  if (text == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }
  g_assert_nonnull (strstr (text, "Membership"));
  g_assert_nonnull (strstr (text, "Politics"));
  g_assert_nonnull (strstr (text, "Testland signs"));
  /* An axis label: the day of a tick (weeks or days at this scale). */
  g_assert_nonnull (strstr (text, "14"));
  keep_artifact (file);
}

/* icc-tracker --export=x.pdf and --export-handout with no DISPLAY and no
 * WAYLAND_DISPLAY; a failed export exits non-zero, and leaves no file. */
static void
test_cli_no_display (void)
{
  g_autofree char *dataset_path = g_build_filename (tmpdir, "one-event.json", NULL);
  g_autofree char *pdf_path = g_build_filename (tmpdir, "cli.pdf", NULL);
  g_autofree char *pdf_arg = g_strdup_printf ("--export=%s", pdf_path);
  g_autofree char *err = NULL;
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  g_autofree char *text = NULL;
  const char *pdf_args[] = { pdf_arg, "--range=" ONE_EVENT_RANGE, dataset_path, NULL };
  const char *bad_args[] = { "--export=/nonexistent/dir/x.svg", dataset_path, NULL };

  g_assert_true (g_file_set_contents (dataset_path, ONE_EVENT_JSON, -1, NULL));

  g_assert_cmpint (run_cli (pdf_args, &err), ==, 0);
  g_clear_pointer (&err, g_free);
  text = pdftotext (pdf, FALSE);
  if (text != NULL)
    {
      g_assert_nonnull (strstr (text, "Membership"));
      g_assert_nonnull (strstr (text, "Testland signs"));
    }

  g_assert_cmpint (run_cli (bad_args, &err), !=, 0);
  g_assert_nonnull (strstr (err, "/nonexistent/dir/x.svg"));
  g_clear_pointer (&err, g_free);

  /* Too small to draw the timeline in: an error, and no file. */
  {
    g_autofree char *small_path = g_build_filename (tmpdir, "small.png", NULL);
    g_autofree char *small_arg = g_strdup_printf ("--export=%s", small_path);
    const char *small_args[] = { small_arg, "--size=200x150", NULL };

    g_assert_cmpint (run_cli (small_args, &err), ==, 1);
    g_assert_nonnull (strstr (err, "could not be drawn"));
    g_assert_false (g_file_test (small_path, G_FILE_TEST_EXISTS));
    g_clear_pointer (&err, g_free);
  }

  /* The handout too. */
  {
    g_autofree char *handout_path = g_build_filename (tmpdir, "cli-handout.pdf", NULL);
    g_autofree char *handout_arg = g_strdup_printf ("--export-handout=%s", handout_path);
    g_autoptr(GFile) handout_pdf = g_file_new_for_path (handout_path);
    const char *handout_args[] = { handout_arg, NULL };

    g_assert_cmpint (run_cli (handout_args, &err), ==, 0);
    g_assert_true (g_file_query_exists (handout_pdf, NULL));
  }
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
  g_test_add_func ("/export/pdf", test_pdf);
  g_test_add_func ("/export/png-pixels", test_png_pixels);
  g_test_add_func ("/export/pdf-text", test_pdf_text);
  g_test_add_func ("/export/cli-no-display", test_cli_no_display);
  g_test_add_func ("/export/handout", test_handout);
  g_test_add_func ("/export/handout-long", test_handout_long);
  g_test_add_func ("/export/handout-table-header", test_handout_table_header);
  g_test_add_func ("/export/bad-input", test_bad_input);
  g_test_add_func ("/export/handout-nested-quotes", test_handout_nested_quotes);

  status = g_test_run ();

  icc_test_remove_tree (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
  g_clear_object (&dataset);

  return status;
}
