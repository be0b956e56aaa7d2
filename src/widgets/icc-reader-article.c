/* icc-reader-article.c: the open article: its header, its text and
 * citations loaded, its reading width and Open Original
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "icc-reader-private.h"

/* About 70 characters of body text: a comfortable line length. */
#define READING_WIDTH  680
#define MIN_MARGIN     18

void
_icc_reader_update_header (IccReader *self)
{
  IccArticle *article = self->article;
  g_autoptr(GString) meta = g_string_new (NULL);
  const char *url;
  const char *edit_note;

  /* "No Article" only once a frame has been shown without one: a new
   * window opens its first article right after its first frame, and
   * measuring the placeholder's wrapped lines at every width the panes
   * try was a tenth of that frame (bench-startup). */
  if (article == NULL)
    {
      gtk_label_set_text (self->title_label, self->placeholder_shown ? _("No Article") : "");
      gtk_label_set_text (self->meta_label, !self->placeholder_shown ? "" :
                          _("Choose an event with citations, or an article from the list."));
      gtk_widget_set_visible (self->link_button, FALSE);
      gtk_widget_set_visible (self->edit_note_button, FALSE);
      return;
    }

  gtk_label_set_text (self->title_label, icc_article_get_title (article));

  if (icc_article_get_outlet (article) != NULL)
    g_string_append (meta, icc_article_get_outlet (article));
  if (icc_article_get_author (article) != NULL)
    {
      if (meta->len > 0)
        g_string_append (meta, " · ");
      g_string_append (meta, icc_article_get_author (article));
    }
  if (icc_date_is_set (icc_article_get_date (article)))
    {
      g_autofree char *date = icc_date_format (icc_article_get_date (article));

      if (meta->len > 0)
        g_string_append (meta, " · ");
      g_string_append (meta, date);
    }
  gtk_label_set_text (self->meta_label, meta->str);
  gtk_widget_set_visible (GTK_WIDGET (self->meta_label), meta->len > 0);

  edit_note = icc_article_get_edit_note (article);
  gtk_label_set_text (self->edit_note_label, edit_note != NULL ? edit_note : "");
  gtk_widget_set_visible (self->edit_note_button, edit_note != NULL && *edit_note != '\0');

  url = icc_article_get_web_url (article);
  gtk_widget_set_visible (self->link_button, url != NULL);
  gtk_widget_set_tooltip_text (self->link_button, url);
}

static int
compare_anchors (gconstpointer a,
                 gconstpointer b)
{
  IccCitation *ca = *(IccCitation **)a;
  IccCitation *cb = *(IccCitation **)b;
  int sa = 0, sb = 0, ea = 0, eb = 0;

  icc_citation_get_anchor (ca, &sa, &ea);
  icc_citation_get_anchor (cb, &sb, &eb);

  if (sa != sb)
    return sa < sb ? -1 : 1;
  return ea < eb ? -1 : ea > eb;
}

/* Sorts the open article's citations into anchored and orphans and
 * highlights the anchored ones, over tags applied before. */
static void
apply_citations (IccReader *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter buffer_start, buffer_end;
  IccArticle *article = self->article;
  int n_chars;

  g_ptr_array_set_size (self->anchored, 0);
  g_ptr_array_set_size (self->orphans, 0);

  gtk_text_buffer_get_bounds (buffer, &buffer_start, &buffer_end);
  gtk_text_buffer_remove_tag (buffer, self->citation_tag, &buffer_start, &buffer_end);
  gtk_text_buffer_remove_tag (buffer, self->disputes_tag, &buffer_start, &buffer_end);
  n_chars = gtk_text_buffer_get_char_count (buffer);

  if (article != NULL && self->dataset != NULL)
    {
      g_autoptr(GPtrArray) citations = icc_dataset_get_article_citations (self->dataset, article);

      for (guint i = 0; i < citations->len; i++)
        {
          IccCitation *c = g_ptr_array_index (citations, i);
          int start, end;

          /* An anchor outside the text is an orphan too: never trust offsets. */
          if (icc_citation_get_anchor (c, &start, &end) &&
              start >= 0 && start <= end && end <= n_chars)
            g_ptr_array_add (self->anchored, g_object_ref (c));
          else
            g_ptr_array_add (self->orphans, g_object_ref (c));
        }
      g_ptr_array_sort (self->anchored, compare_anchors);
    }

  for (guint i = 0; i < self->anchored->len; i++)
    {
      IccCitation *c = g_ptr_array_index (self->anchored, i);
      GtkTextIter begin, end;
      int start, stop;

      icc_citation_get_anchor (c, &start, &stop);
      gtk_text_buffer_get_iter_at_offset (buffer, &begin, start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, stop);
      gtk_text_buffer_apply_tag (buffer,
                                 icc_citation_get_stance (c) == ICC_STANCE_DISPUTES
                                 ? self->disputes_tag : self->citation_tag,
                                 &begin, &end);
    }

  _icc_reader_update_header (self);
  _icc_reader_rebuild_orphans (self);
  _icc_reader_apply_emphasis (self);
}

/* After an edit (the dataset was indexed again): the article's citations
 * and header again, where the reader stands. */
void
_icc_reader_refresh_article (IccReader *self)
{
  /* Still loading: the citations come when the text is all there. */
  if (self->load_idle != 0)
    {
      _icc_reader_update_header (self);
      return;
    }

  apply_citations (self);
  _icc_reader_update_position (self);
}

/* Once the text is in the buffer: highlights, matches, and the place. */
static void
finish_load (IccReader *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  IccCitation *citation;

  apply_citations (self);

  _icc_reader_update_matches (self);

  citation = self->focus != NULL ? icc_focus_get_citation (self->focus) : NULL;
  if (citation != NULL && _icc_reader_citation_index (self, citation) >= 0)
    {
      _icc_reader_scroll_to_citation (self, citation);
    }
  else
    {
      GtkTextIter start;

      gtk_text_buffer_get_start_iter (buffer, &start);
      gtk_text_buffer_place_cursor (buffer, &start);
      gtk_text_buffer_move_mark (buffer, self->scroll_mark, &start);
      gtk_text_view_scroll_to_mark (self->text_view, self->scroll_mark, 0, TRUE, 0, 0);
    }

  _icc_reader_update_position (self);
}

/* Bytes (and characters taken away) per main-loop turn: a GtkTextBuffer
 * takes about 30 ms a megabyte, so a 50 MB article would freeze the window
 * for a second and a half in one piece. */
#define LOAD_CHUNK   (256 * 1024)
#define LOAD_LARGE   (2 * LOAD_CHUNK)

static gboolean
load_idle_cb (gpointer data)
{
  IccReader *self = data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  const char *text = self->article != NULL ? icc_article_get_text (self->article) : NULL;
  gsize length = text != NULL ? self->load_length : 0;
  GtkTextIter start, end;
  gsize stop;

  if (self->unloading)
    {
      int n_chars = gtk_text_buffer_get_char_count (buffer);

      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_get_iter_at_offset (buffer, &start, MAX (0, n_chars - LOAD_CHUNK));
      gtk_text_buffer_delete (buffer, &start, &end);
      if (n_chars > LOAD_CHUNK)
        return G_SOURCE_CONTINUE;
      self->unloading = FALSE;
    }

  if (self->load_offset < length)
    {
      stop = MIN (self->load_offset + LOAD_CHUNK, length);
      /* Never inside a character. */
      while (stop < length && (text[stop] & 0xC0) == 0x80)
        stop--;

      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert (buffer, &end, text + self->load_offset, stop - self->load_offset);
      self->load_offset = stop;
      if (stop < length)
        return G_SOURCE_CONTINUE;
    }

  self->load_idle = 0;
  finish_load (self);

  return G_SOURCE_REMOVE;
}

void
_icc_reader_load_article (IccReader *self)
{
  IccArticle *article = self->focus != NULL ? icc_focus_get_article (self->focus) : NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  const char *text = article != NULL ? icc_article_get_text (article) : NULL;
  gboolean large_before;

  g_clear_handle_id (&self->load_idle, g_source_remove);
  g_set_object (&self->article, article);

  /* Another text: it starts at its top. Left where the last one was read,
   * the view showed an empty page past the end of a shorter text until
   * the user scrolled (GtkTextView keeps the adjustment's value while the
   * new lines are laid out). */
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view)), 0);

  /* A large text before (or still going out) leaves in pieces too. */
  large_before = self->unloading || gtk_text_buffer_get_char_count (buffer) > LOAD_LARGE;

  self->load_length = text != NULL ? strlen (text) : 0;
  if (!large_before && self->load_length <= LOAD_LARGE)
    {
      self->unloading = FALSE;
      gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
      finish_load (self);
      return;
    }

  /* In pieces, after the header, from the main loop. */
  g_ptr_array_set_size (self->anchored, 0);
  g_ptr_array_set_size (self->orphans, 0);
  _icc_reader_update_header (self);
  _icc_reader_rebuild_orphans (self);
  self->load_offset = 0;
  self->unloading = large_before;
  if (!large_before)
    gtk_text_buffer_set_text (buffer, "", 0);
  /* At the priority of GtkTextView's layout validation (GDK's redraw + 5):
   * a lower one would wait until every line inserted so far is laid out,
   * a higher one would hold frames back until the whole text is in. */
  self->load_idle = g_idle_add_full (GDK_PRIORITY_REDRAW + 5, load_idle_cb, self, NULL);
}

/* Reading width: margins grow so that lines stay about READING_WIDTH wide. */

static gboolean
update_margins_idle (gpointer data)
{
  IccReader *self = data;
  GtkAdjustment *hadj = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->text_view));
  int width = (int)gtk_adjustment_get_page_size (hadj);
  int margin = MAX (MIN_MARGIN, (width - READING_WIDTH) / 2);

  IccCitation *citation = self->focus != NULL ? icc_focus_get_citation (self->focus) : NULL;

  self->margins_idle = 0;

  if (gtk_text_view_get_left_margin (self->text_view) != margin)
    {
      gtk_text_view_set_left_margin (self->text_view, margin);
      gtk_text_view_set_right_margin (self->text_view, margin);
    }

  /* The text reflowed soon after we showed a passage (the window is still
   * settling its size): keep that passage in view. Later, the reader's
   * scroll position is the user's. */
  if (width != self->last_width && citation != NULL &&
      _icc_reader_citation_index (self, citation) >= 0 &&
      g_get_monotonic_time () - self->scrolled_at < 2 * G_USEC_PER_SEC)
    _icc_reader_scroll_to_citation (self, citation);
  self->last_width = width;

  return G_SOURCE_REMOVE;
}

static void
hadjustment_page_size_cb (IccReader     *self,
                          GParamSpec    *pspec,
                          GtkAdjustment *adjustment)
{
  if (self->margins_idle == 0)
    self->margins_idle = g_idle_add (update_margins_idle, self);
}

/* Open Original. */

/* No browser started: say so, and leave the address on the clipboard. */
static void
show_uri_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      data)
{
  g_autofree char *url = data;
  g_autoptr(GError) error = NULL;
  GtkWindow *window = GTK_WINDOW (object);
  GtkWidget *dialog;

  if (gtk_show_uri_full_finish (window, result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (window)), url);
  dialog = gtk_message_dialog_new (window, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_WARNING, GTK_BUTTONS_CLOSE,
                                   "%s", _("Could Not Open the Original"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            _("No web browser could be started for %s (%s). "
                                              "The address is on the clipboard."),
                                            url, error->message);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
link_clicked_cb (IccReader *self,
                 GtkButton *button)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *url = self->article != NULL ? icc_article_get_web_url (self->article) : NULL;

  /* Only on click, and only http and https: the reader never loads anything
   * by itself, and a file's address cannot start another application. */
  if (url != NULL && GTK_IS_WINDOW (root))
    gtk_show_uri_full (GTK_WINDOW (root), url, GDK_CURRENT_TIME, NULL, show_uri_cb, g_strdup (url));
}

/* Set up. */

void
_icc_reader_init_article (IccReader *self)
{
  g_signal_connect_object (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->text_view)),
                           "notify::page-size", G_CALLBACK (hadjustment_page_size_cb),
                           self, G_CONNECT_SWAPPED);
}

void
_icc_reader_class_init_article (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, link_clicked_cb);
}
