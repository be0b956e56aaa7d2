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

#include "icc-enum-util.h"
#include "icc-export-handout.h"
#include "icc-export-handout-private.h"
#include "icc-export-image.h"

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

  if (article == NULL)
    return g_strdup (icc_citation_get_article_id (citation));

  str = g_string_new ("— ");
  if (icc_article_get_outlet (article) != NULL)
    g_string_append_printf (str, "%s, ", icc_article_get_outlet (article));
  g_string_append_printf (str, "“%s”", icc_article_get_title (article));
  date = icc_date_format (icc_article_get_date (article));
  if (*date != '\0')
    g_string_append_printf (str, ", %s", date);

  return g_string_free (str, FALSE);
}

/* A cited passage, then its source, then what the dataset says instead when
 * the passage disputes it: kept together at the page breaks between them. */
static void
add_citation_blocks (Handout     *handout,
                     IccCitation *citation)
{
  g_autofree char *quote = g_strdup_printf ("“%s”", icc_citation_get_quote (citation));
  g_autofree char *source = citation_source (citation);
  g_autofree char *note = NULL;

  add_block (handout, BLOCK_TEXT, "Serif Italic 10", 12, 3, quote, NULL, NULL);
  keep_last_with_next (handout);
  add_block (handout, BLOCK_TEXT, "Sans 8", 12, 1, source, NULL, NULL);
  if (icc_citation_get_stance (citation) != ICC_STANCE_DISPUTES)
    return;

  keep_last_with_next (handout);
  note = g_strdup_printf (_("The reference disagrees: %s"),
                          icc_citation_get_note (citation) != NULL ?
                          icc_citation_get_note (citation) : "");
  add_block (handout, BLOCK_TEXT, "Sans Bold 8", 12, 1, note, NULL, NULL);
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

  add_block (handout, BLOCK_TEXT, "Sans Bold 13", 0, 14, _("Cited passages"), NULL, NULL);
  keep_last_with_next (handout);
  for (guint i = 0; i < events->len; i++)
    {
      IccEvent *event = g_ptr_array_index (events, i);
      GListModel *citations = icc_event_get_citations (event);
      guint n = g_list_model_get_n_items (citations);
      g_autofree char *date = icc_date_format (icc_event_get_date (event));
      g_autofree char *heading = g_strdup_printf ("%s — %s", date, icc_event_get_title (event));

      if (n == 0)
        continue;

      add_block (handout, BLOCK_TEXT, "Sans Bold 10", 0, 8, heading, NULL, NULL);
      keep_last_with_next (handout);
      for (guint j = 0; j < n; j++)
        {
          g_autoptr(IccCitation) citation = g_list_model_get_item (citations, j);
          add_citation_blocks (handout, citation);
        }
    }

  return handout;
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                Handout           *handout)
{
  _icc_handout_paginate (handout, context);

  gtk_print_operation_set_n_pages (operation, handout->n_pages);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              Handout           *handout)
{
  _icc_handout_draw_page (handout, context, page_nr);
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
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *path = NULL;
  g_autofree char *tmp_path = NULL;
  g_autoptr(GFile) tmp_file = NULL;
  g_autoptr(GError) local_error = NULL;
  GtkPrintOperationResult result;
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

  operation = icc_export_handout_new_operation (dataset, tour);
  gtk_print_operation_set_export_filename (operation, tmp_path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL,
                                    &local_error);

  /* Anything but APPLY (an error, or a cancelled export) leaves the empty
   * temporary file: never rename it over the target. */
  if (result != GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_unlink (tmp_path);
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, ICC_EXPORT_ERROR, ICC_EXPORT_ERROR_WRITE,
                     _("Could not write “%s”: %s"), path,
                     g_strerror (result == GTK_PRINT_OPERATION_RESULT_CANCEL ? ECANCELED : EIO));
      return FALSE;
    }

  if (n_pages != NULL)
    {
      int pages = 0;

      g_object_get (operation, "n-pages", &pages, NULL);
      *n_pages = MAX (pages, 0);
    }

  tmp_file = g_file_new_for_path (tmp_path);
  if (!g_file_move (tmp_file, file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
    {
      g_unlink (tmp_path);
      return FALSE;
    }

  return TRUE;
}
