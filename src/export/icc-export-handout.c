/* icc-export-handout.c: the handout's blocks, its print operation, the API
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>

#include "icc-enum-util.h"
#include "icc-export-handout.h"
#include "icc-export-handout-private.h"
#include "icc-export-image.h"
#include "icc-export-timeline-private.h"

/* A4 with margins of 2 cm, in points. */
#define PAGE_WIDTH  595.28
#define PAGE_HEIGHT 841.89
#define PAGE_MARGIN 56.69

/* The blocks of text a handout is made of, built from the dataset; the print
 * operation that lays them out and draws them through
 * icc-export-handout-pages.c; printing to a PDF file. */

static void
block_clear (gpointer data)
{
  Block *block = data;

  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_pointer (&block->text[i], g_free);
  _icc_handout_block_clear_layouts (block);
}

static void
handout_free (gpointer data)
{
  Handout *handout = data;

  g_clear_object (&handout->dataset);
  g_clear_pointer (&handout->blocks, g_array_unref);
  g_clear_pointer (&handout->units, g_array_unref);
  g_clear_pointer (&handout->page_headers, g_array_unref);
  g_clear_pointer (&handout->timeline, gsk_render_node_unref);
  g_clear_pointer (&handout->title, g_free);
  g_clear_pointer (&handout->subject, g_free);
  g_free (handout);
}

static void
add_block (Handout    *handout,
           BlockKind   kind,
           const char *font,
           double      indent,
           double      space_before,
           const char *a,
           const char *b,
           const char *c)
{
  Block block = { kind, font, indent, space_before, FALSE, -1,
                  { g_strdup (a), g_strdup (b), g_strdup (c) }, { NULL } };

  g_array_append_val (handout->blocks, block);
}

/* Keeps the block added last on the page of the first lines of the next one:
 * a heading with what it heads, a passage with its source. */
static void
keep_last_with_next (Handout *handout)
{
  g_array_index (handout->blocks, Block, handout->blocks->len - 1).keep_with_next = TRUE;
}

/* The events of the handout, in order. */
static GPtrArray *
collect_events (IccDataset *dataset,
                IccTour    *tour)
{
  GPtrArray *events = g_ptr_array_new_with_free_func (g_object_unref);

  if (tour != NULL)
    {
      for (guint i = 0; i < icc_tour_get_n_steps (tour); i++)
        {
          IccEvent *event = icc_dataset_lookup_event (dataset, icc_tour_get_step_event (tour, i));

          if (event != NULL)
            g_ptr_array_add (events, g_object_ref (event));
        }
    }
  else
    {
      GListModel *all = icc_dataset_get_events (dataset);
      guint n = g_list_model_get_n_items (all);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(IccEvent) event = g_list_model_get_item (all, i);

          if (icc_event_get_n_citations (event) > 0)
            g_ptr_array_add (events, g_object_ref (event));
        }
    }

  return events;
}

static char *
citation_source (IccCitation *citation)
{
  IccArticle *article = icc_citation_get_article (citation);
  g_autofree char *date = NULL;
  GString *str;

  /* Never the article's id: it means nothing to a reader. */
  if (article == NULL)
    return g_strdup (_("— an article not in the dataset"));

  str = g_string_new ("— ");
  if (icc_article_get_outlet (article) != NULL)
    g_string_append_printf (str, "%s, ", icc_article_get_outlet (article));
  g_string_append_printf (str, "“%s”", icc_article_get_title (article));
  date = icc_date_format (icc_article_get_date (article));
  if (*date != '\0')
    g_string_append_printf (str, ", %s", date);
  if (icc_article_get_url (article) != NULL)
    g_string_append_printf (str, ", %s", icc_article_get_url (article));

  return g_string_free (str, FALSE);
}

/* @quote in quotation marks, the marks inside it made the inner kind
 * ("“He said “no””" would double them): “He said ‘no’”. */
char *
_icc_handout_quote_passage (const char *quote)
{
  g_autoptr(GString) inner = g_string_new (NULL);
  g_autofree char *trimmed = g_strstrip (g_strdup (quote != NULL ? quote : ""));
  gboolean open = TRUE;

  for (const char *p = trimmed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x201C)        /* “ */
        {
          g_string_append (inner, "‘");
          open = FALSE;
        }
      else if (c == 0x201D)   /* ” */
        {
          g_string_append (inner, "’");
          open = TRUE;
        }
      else if (c == '"')
        {
          g_string_append (inner, open ? "‘" : "’");
          open = !open;
        }
      else
        {
          g_string_append_unichar (inner, c);
        }
    }

  /* Translators: a quoted passage; use your language's outer quotation
   * marks (the passage's own marks become the inner ones: ‘ ’). */
  return g_strdup_printf (_("“%s”"), inner->str);
}

/* Each cited passage once, in the order of the events, with its source and
 * every event it supports; with what the dataset says instead when it
 * disputes one. */
static void
add_passages (Handout   *handout,
              GPtrArray *events)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean any = FALSE;

  for (guint i = 0; i < events->len; i++)
    {
      GListModel *citations = icc_event_get_citations (g_ptr_array_index (events, i));

      for (guint j = 0; j < g_list_model_get_n_items (citations); j++)
        {
          g_autoptr(IccCitation) citation = g_list_model_get_item (citations, j);
          g_autofree char *key = g_strdup_printf ("%s\n%s",
                                                  icc_citation_get_article_id (citation),
                                                  icc_citation_get_quote (citation));
          g_autofree char *quote = NULL;
          g_autofree char *source = NULL;
          g_autoptr(GString) supports = g_string_new (NULL);
          g_autoptr(GString) notes = g_string_new (NULL);

          if (g_hash_table_contains (seen, key))
            continue;
          g_hash_table_add (seen, g_steal_pointer (&key));

          if (!any)
            {
              add_block (handout, BLOCK_TEXT, "Sans Bold 13", 0, 14, _("Cited passages"),
                         NULL, NULL);
              keep_last_with_next (handout);
              any = TRUE;
            }

          /* The events of the handout citing the same passage. */
          for (guint k = i; k < events->len; k++)
            {
              IccEvent *event = g_ptr_array_index (events, k);
              GListModel *others = icc_event_get_citations (event);

              for (guint l = 0; l < g_list_model_get_n_items (others); l++)
                {
                  g_autoptr(IccCitation) other = g_list_model_get_item (others, l);
                  g_autofree char *date = NULL;

                  if (g_strcmp0 (icc_citation_get_article_id (other),
                                 icc_citation_get_article_id (citation)) != 0 ||
                      g_strcmp0 (icc_citation_get_quote (other),
                                 icc_citation_get_quote (citation)) != 0)
                    continue;

                  date = icc_date_format (icc_event_get_date (event));
                  g_string_append_printf (supports, "%s%s — %s", supports->len > 0 ? "; " : "",
                                          date, icc_event_get_title (event));
                  if (icc_citation_get_stance (other) == ICC_STANCE_DISPUTES)
                    g_string_append_printf (notes, "%s%s", notes->len > 0 ? " " : "",
                                            icc_citation_get_note (other) != NULL ?
                                            icc_citation_get_note (other) : "");
                  break;
                }
            }

          quote = _icc_handout_quote_passage (icc_citation_get_quote (citation));
          source = citation_source (citation);
          add_block (handout, BLOCK_TEXT, "Serif Italic 10", 12, 8, quote, NULL, NULL);
          keep_last_with_next (handout);
          add_block (handout, BLOCK_TEXT, "Sans 8", 12, 1, source, NULL, NULL);
          keep_last_with_next (handout);
          {
            /* Translators: under a passage of a handout, the events it is
             * cited for. */
            g_autofree char *line = g_strdup_printf (_("Cited for: %s"), supports->str);

            add_block (handout, BLOCK_TEXT, "Sans 8", 12, 1, line, NULL, NULL);
          }
          if (notes->len > 0)
            {
              g_autofree char *note = g_strdup_printf (_("The reference disagrees: %s"),
                                                       notes->str);

              keep_last_with_next (handout);
              add_block (handout, BLOCK_TEXT, "Sans Bold 8", 12, 1, note, NULL, NULL);
            }
        }
    }
}

static Handout *
handout_new (IccDataset *dataset,
             IccTour    *tour)
{
  Handout *handout = g_new0 (Handout, 1);
  g_autoptr(IccTour) default_tour = NULL;
  g_autoptr(GPtrArray) events = NULL;
  double start = 0, end = 0;
  int header;

  if (tour == NULL && g_list_model_get_n_items (icc_dataset_get_tours (dataset)) > 0)
    tour = default_tour = g_list_model_get_item (icc_dataset_get_tours (dataset), 0);
  events = collect_events (dataset, tour);

  handout->dataset = g_object_ref (dataset);
  handout->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (handout->blocks, block_clear);
  handout->units = g_array_new (FALSE, TRUE, sizeof (Unit));
  handout->page_headers = g_array_new (FALSE, FALSE, sizeof (int));

  /* The timeline over the events' dates, with a margin of a tenth each side. */
  if (events->len > 0)
    {
      double first = icc_event_get_day (g_ptr_array_index (events, 0));
      double last = first;

      for (guint i = 0; i < events->len; i++)
        {
          first = MIN (first, icc_event_get_day (g_ptr_array_index (events, i)));
          last = MAX (last, icc_event_get_end_day (g_ptr_array_index (events, i)) + 1);
        }
      start = first - (last - first) / 10 - 15;
      end = last + (last - first) / 10 + 15;
    }
  handout->timeline = icc_export_timeline_node (dataset, &start, &end,
                                                TIMELINE_WIDTH, TIMELINE_HEIGHT);
  handout->timeline_start = start;
  handout->timeline_end = end;
  {
    /* Measured on a scratch surface: the legend's rows. */
    cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
    cairo_t *cr = cairo_create (surface);

    handout->legend_height = LEGEND_GAP + _icc_export_timeline_legend (cr, dataset, start, end,
                                                                       TIMELINE_WIDTH);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }

  handout->title = g_strdup (tour != NULL ? icc_tour_get_title (tour)
                                          : icc_dataset_get_title (dataset));
  /* Translators: the subject of a handout PDF; %s is the dataset's title. */
  handout->subject = g_strdup_printf (_("A handout of events, sources and questions from “%s”"),
                                      icc_dataset_get_title (dataset));

  add_block (handout, BLOCK_TEXT, "Sans Bold 18", 0, 0, icc_dataset_get_title (dataset),
             NULL, NULL);
  if (tour != NULL)
    add_block (handout, BLOCK_TEXT, "Sans 13", 0, 2, icc_tour_get_title (tour), NULL, NULL);
  if (tour != NULL && icc_tour_get_description (tour) != NULL)
    add_block (handout, BLOCK_TEXT, "Sans 10", 0, 2, icc_tour_get_description (tour), NULL, NULL);
  add_block (handout, BLOCK_TIMELINE, NULL, 0, 8, NULL, NULL, NULL);

  add_block (handout, BLOCK_TEXT, "Sans Bold 13", 0, 10, _("Events"), NULL, NULL);
  keep_last_with_next (handout);
  add_block (handout, BLOCK_ROW, "Sans Bold 9", 0, 4, _("Date"), _("Event"), _("Certainty"));
  keep_last_with_next (handout);
  header = handout->blocks->len - 1;
  for (guint i = 0; i < events->len; i++)
    {
      IccEvent *event = g_ptr_array_index (events, i);
      g_autofree char *date = icc_date_format (icc_event_get_date (event));
      g_autofree char *certainty = NULL;

      if (icc_event_get_certainty_note (event) != NULL &&
          icc_event_get_certainty (event) != ICC_CERTAINTY_CONFIRMED)
        certainty = g_strdup_printf ("%s: %s",
                                     icc_certainty_get_label (icc_event_get_certainty (event)),
                                     icc_event_get_certainty_note (event));
      else
        certainty = g_strdup (icc_certainty_get_label (icc_event_get_certainty (event)));

      add_block (handout, BLOCK_ROW, "Sans 9", 0, 2, date, icc_event_get_title (event), certainty);
      g_array_index (handout->blocks, Block, handout->blocks->len - 1).header = header;
    }

  add_passages (handout, events);

  /* The presenter's notes of the tour's steps make good questions. */
  if (tour != NULL)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < icc_tour_get_n_steps (tour); i++)
        {
          const char *note = icc_tour_get_step_note (tour, i);
          const char *title = icc_tour_get_step_title (tour, i);
          g_autofree char *item = NULL;

          if (note == NULL || *note == '\0')
            continue;
          if (!any)
            {
              add_block (handout, BLOCK_TEXT, "Sans Bold 13", 0, 14,
                         _("For discussion"), NULL, NULL);
              keep_last_with_next (handout);
              any = TRUE;
            }
          /* Translators: a discussion question of a handout: the tour
           * step's number and title, then its note. */
          item = g_strdup_printf (_("%u. %s: %s"), i + 1,
                                  title != NULL && *title != '\0' ? title : _("Step"), note);
          add_block (handout, BLOCK_TEXT, "Sans 10", 0, 4, item, NULL, NULL);
        }
    }

  return handout;
}

static void
canvas_init_for_print (HandoutCanvas   *canvas,
                       GtkPrintContext *context)
{
  canvas->cr = gtk_print_context_get_cairo_context (context);
  canvas->pango = gtk_print_context_create_pango_context (context);
  canvas->width = gtk_print_context_get_width (context);
  canvas->height = gtk_print_context_get_height (context);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                Handout           *handout)
{
  HandoutCanvas canvas;

  canvas_init_for_print (&canvas, context);
  _icc_handout_paginate (handout, &canvas);
  g_object_unref (canvas.pango);

  gtk_print_operation_set_n_pages (operation, handout->n_pages);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              Handout           *handout)
{
  HandoutCanvas canvas;

  canvas_init_for_print (&canvas, context);
  _icc_handout_draw_page (handout, &canvas, page_nr);
  g_object_unref (canvas.pango);
}

GtkPrintOperation *
icc_export_handout_new_operation (IccDataset *dataset,
                                  IccTour    *tour)
{
  GtkPrintOperation *operation;
  Handout *handout;

  g_return_val_if_fail (ICC_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (tour == NULL || ICC_IS_TOUR (tour), NULL);

  handout = handout_new (dataset, tour);
  operation = gtk_print_operation_new ();
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, icc_dataset_get_title (dataset));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_object_set_data_full (G_OBJECT (operation), "icc-handout", handout, handout_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), handout);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), handout);

  return operation;
}

gboolean
icc_export_handout_to_pdf (IccDataset  *dataset,
                           IccTour     *tour,
                           GFile       *file,
                           guint       *n_pages,
                           GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *tmp_path = NULL;
  g_autoptr(GFile) tmp_file = NULL;
  int fd;

  g_return_val_if_fail (ICC_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, ICC_EXPORT_ERROR, ICC_EXPORT_ERROR_WRITE,
                   _("Can only export to a local file"));
      return FALSE;
    }

  /* Write next to the target, then rename over it. */
  tmp_path = g_strdup_printf ("%s.XXXXXX", path);
  /* 0666 less the umask, as a new file gets (g_mkstemp() gives 0600). */
  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  /* Drawn by cairo into a PDF of our own, with no print operation: no
   * display is needed, and the PDF gets its title and subject. */
  {
    Handout *handout = handout_new (dataset, tour);
    cairo_surface_t *surface = cairo_pdf_surface_create (tmp_path, PAGE_WIDTH, PAGE_HEIGHT);
    cairo_status_t status;
    HandoutCanvas canvas;

    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, handout->title);
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, handout->subject);
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "ICC Tracker");
    canvas.cr = cairo_create (surface);
    canvas.pango = pango_cairo_create_context (canvas.cr);
    {
      cairo_font_options_t *options = cairo_font_options_create ();

      /* As a print context's: fonts in points, unhinted metrics. */
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      pango_cairo_context_set_font_options (canvas.pango, options);
      cairo_font_options_destroy (options);
      pango_cairo_context_set_resolution (canvas.pango, 72);
    }
    canvas.width = PAGE_WIDTH - 2 * PAGE_MARGIN;
    canvas.height = PAGE_HEIGHT - 2 * PAGE_MARGIN;

    _icc_handout_paginate (handout, &canvas);
    for (int page = 0; page < handout->n_pages; page++)
      {
        cairo_save (canvas.cr);
        cairo_translate (canvas.cr, PAGE_MARGIN, PAGE_MARGIN);
        _icc_handout_draw_page (handout, &canvas, page);
        cairo_restore (canvas.cr);
        cairo_show_page (canvas.cr);
      }
    status = cairo_status (canvas.cr);
    if (n_pages != NULL)
      *n_pages = MAX (handout->n_pages, 0);
    if (handout->timeline == NULL && status == CAIRO_STATUS_SUCCESS)
      status = CAIRO_STATUS_INVALID_STATUS;

    g_object_unref (canvas.pango);
    cairo_destroy (canvas.cr);
    cairo_surface_finish (surface);
    if (status == CAIRO_STATUS_SUCCESS)
      status = cairo_surface_status (surface);
    cairo_surface_destroy (surface);
    handout_free (handout);

    if (status != CAIRO_STATUS_SUCCESS)
      {
        g_unlink (tmp_path);
        g_set_error (error, ICC_EXPORT_ERROR, ICC_EXPORT_ERROR_DRAW,
                     _("Could not write “%s”: %s"), path,
                     status == CAIRO_STATUS_INVALID_STATUS ? _("the timeline could not be drawn")
                                                           : cairo_status_to_string (status));
        return FALSE;
      }
  }

  tmp_file = g_file_new_for_path (tmp_path);
  if (!g_file_move (tmp_file, file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
    {
      g_unlink (tmp_path);
      return FALSE;
    }

  return TRUE;
}
