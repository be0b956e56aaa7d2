/* icc-reader-find.c: find in article: the search bar and its matches
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "icc-reader-private.h"

#define MAX_MATCHES    10000

static void
clear_matches (IccReader *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter begin, end;

  gtk_text_buffer_get_bounds (buffer, &begin, &end);
  gtk_text_buffer_remove_tag (buffer, self->match_tag, &begin, &end);
  gtk_text_buffer_remove_tag (buffer, self->current_match_tag, &begin, &end);
  gtk_label_set_text (self->find_label, "");
  self->n_matches = 0;
}

/* "2 of 4": which match, counted from the article's start. */
static void
show_current (IccReader         *self,
              const GtkTextIter *match_start,
              const GtkTextIter *match_end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->find_entry));
  GtkTextIter iter, start, end;
  g_autofree char *label = NULL;
  guint index = 0;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->current_match_tag, &start, &end);
  gtk_text_buffer_apply_tag (buffer, self->current_match_tag, match_start, match_end);

  iter = start;
  while (index < self->n_matches &&
         gtk_text_iter_forward_search (&iter, text,
                                       GTK_TEXT_SEARCH_CASE_INSENSITIVE | GTK_TEXT_SEARCH_TEXT_ONLY,
                                       &start, &end, NULL) &&
         gtk_text_iter_compare (&start, match_start) < 0)
    {
      iter = end;
      index++;
    }

  /* TRANSLATORS: which match of the search is shown, of how many. */
  label = g_strdup_printf (_("%u of %u"), index + 1, self->n_matches);
  gtk_label_set_text (self->find_label, label);
}

static gboolean
select_match (IccReader *self,
              gboolean   forward)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->find_entry));
  GtkTextSearchFlags flags = GTK_TEXT_SEARCH_CASE_INSENSITIVE | GTK_TEXT_SEARCH_TEXT_ONLY;
  GtkTextIter sel_start, sel_end, match_start, match_end, from;
  gboolean found;

  if (text == NULL || *text == '\0')
    return FALSE;

  gtk_text_buffer_get_selection_bounds (buffer, &sel_start, &sel_end);

  if (forward)
    {
      found = gtk_text_iter_forward_search (&sel_end, text, flags, &match_start, &match_end, NULL);
      if (!found)
        {
          gtk_text_buffer_get_start_iter (buffer, &from);
          found = gtk_text_iter_forward_search (&from, text, flags, &match_start, &match_end, NULL);
        }
    }
  else
    {
      found = gtk_text_iter_backward_search (&sel_start, text, flags,
                                             &match_start, &match_end, NULL);
      if (!found)
        {
          gtk_text_buffer_get_end_iter (buffer, &from);
          found = gtk_text_iter_backward_search (&from, text, flags,
                                                 &match_start, &match_end, NULL);
        }
    }

  if (found)
    {
      gtk_text_buffer_select_range (buffer, &match_start, &match_end);
      show_current (self, &match_start, &match_end);
      gtk_text_buffer_move_mark (buffer, self->scroll_mark, &match_start);
      gtk_text_view_scroll_to_mark (self->text_view, self->scroll_mark, 0.1, FALSE, 0, 0);
    }

  return found;
}

static void
find_changed_cb (IccReader      *self,
                 GtkSearchEntry *entry)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  GtkTextIter iter, match_start, match_end;
  guint n = 0;

  clear_matches (self);
  if (text == NULL || *text == '\0')
    return;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (n < MAX_MATCHES &&
         gtk_text_iter_forward_search (&iter, text,
                                       GTK_TEXT_SEARCH_CASE_INSENSITIVE | GTK_TEXT_SEARCH_TEXT_ONLY,
                                       &match_start, &match_end, NULL))
    {
      gtk_text_buffer_apply_tag (buffer, self->match_tag, &match_start, &match_end);
      iter = match_end;
      n++;
    }

  if (n == 0)
    {
      gtk_label_set_text (self->find_label, _("No matches"));
    }
  else
    {
      self->n_matches = n;
      gtk_text_buffer_get_start_iter (buffer, &iter);
      gtk_text_buffer_place_cursor (buffer, &iter);
      select_match (self, TRUE);
    }
}

static void
find_next_cb (IccReader      *self,
              GtkSearchEntry *entry)
{
  select_match (self, TRUE);
}

static void
find_previous_cb (IccReader      *self,
                  GtkSearchEntry *entry)
{
  select_match (self, FALSE);
}

static void
find_stop_cb (IccReader      *self,
              GtkSearchEntry *entry)
{
  icc_reader_set_search_mode (self, FALSE);
}

static void
search_mode_changed_cb (IccReader    *self,
                        GParamSpec   *pspec,
                        GtkSearchBar *search_bar)
{
  if (gtk_search_bar_get_search_mode (search_bar))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
      find_changed_cb (self, self->find_entry);
    }
  else
    {
      clear_matches (self);
    }

  _icc_reader_notify_search_mode (self);
}

void
_icc_reader_update_matches (IccReader *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    find_changed_cb (self, self->find_entry);
}

void
_icc_reader_init_find (IccReader *self)
{
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->find_entry));
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_changed_cb), self, G_CONNECT_SWAPPED);
}

void
_icc_reader_class_init_find (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, find_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_stop_cb);
}
