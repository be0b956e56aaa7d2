/* icc-reader-highlights.c: the highlights of the reader: their tags, the
 * emphasis of the focused event's citations, their colours and the gutter
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "icc-reader-private.h"

/* The gutter. */

static gboolean
update_gutter_idle (gpointer data)
{
  IccReader *self = data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view));
  double total = MAX (1.0, gtk_adjustment_get_upper (vadj));
  IccEvent *event = _icc_reader_focus_event (self);
  g_autoptr(GArray) marks = g_array_sized_new (FALSE, FALSE, sizeof (IccHighlightMark),
                                               self->anchored->len);

  self->gutter_idle = 0;

  for (guint i = 0; i < self->anchored->len; i++)
    {
      IccCitation *citation = g_ptr_array_index (self->anchored, i);
      IccHighlightMark mark;
      GdkRectangle first, last;
      GtkTextIter iter;
      int start, end;

      if (!icc_citation_get_anchor (citation, &start, &end))
        continue;

      gtk_text_buffer_get_iter_at_offset (buffer, &iter, start);
      gtk_text_view_get_iter_location (self->text_view, &iter, &first);
      gtk_text_buffer_get_iter_at_offset (buffer, &iter, end);
      gtk_text_view_get_iter_location (self->text_view, &iter, &last);

      mark.start = first.y / total;
      mark.end = (last.y + last.height) / total;
      if (event != NULL && icc_citation_get_event (citation) == event)
        mark.kind = ICC_HIGHLIGHT_EMPHASIS;
      else if (icc_citation_get_stance (citation) == ICC_STANCE_DISPUTES)
        mark.kind = ICC_HIGHLIGHT_DISPUTES;
      else
        mark.kind = ICC_HIGHLIGHT_CITATION;
      g_array_append_val (marks, mark);
    }

  icc_highlight_gutter_set_marks (self->gutter, (IccHighlightMark *)(gpointer)marks->data,
                                  marks->len);

  return G_SOURCE_REMOVE;
}

static void
queue_gutter_update (IccReader *self)
{
  if (self->gutter_idle == 0)
    self->gutter_idle = g_idle_add (update_gutter_idle, self);
}

static void
vadjustment_changed_cb (IccReader     *self,
                        GtkAdjustment *adjustment)
{
  queue_gutter_update (self);
}

static void
gutter_mark_activated_cb (IccReader          *self,
                          guint               index,
                          IccHighlightGutter *gutter)
{
  if (index < self->anchored->len)
    _icc_reader_scroll_to_citation (self, g_ptr_array_index (self->anchored, index));
}

/* Emphasis: the citations of the focused event. */

void
_icc_reader_apply_emphasis (IccReader *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  IccEvent *event = _icc_reader_focus_event (self);
  GtkTextIter begin, end;

  gtk_text_buffer_get_bounds (buffer, &begin, &end);
  gtk_text_buffer_remove_tag (buffer, self->emphasis_tag, &begin, &end);

  for (guint i = 0; event != NULL && i < self->anchored->len; i++)
    {
      IccCitation *citation = g_ptr_array_index (self->anchored, i);
      int start, stop;

      if (icc_citation_get_event (citation) != event ||
          !icc_citation_get_anchor (citation, &start, &stop))
        continue;

      gtk_text_buffer_get_iter_at_offset (buffer, &begin, start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, stop);
      gtk_text_buffer_apply_tag (buffer, self->emphasis_tag, &begin, &end);
    }

  queue_gutter_update (self);
}

/* Colours come from style.css through invisible labels, so that light, dark
 * and high contrast each get theirs. */

static void
probe_color (GtkWidget *probe,
             GdkRGBA   *color)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (probe), color);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
solid (GdkRGBA *color)
{
  color->alpha = MIN (1.0, MAX (0.65, color->alpha * 2.5));
}

static gboolean
update_colors_idle (gpointer data)
{
  IccReader *self = data;
  GdkRGBA citation, disputes, emphasis, match, current;
  GdkRGBA underline, white = { 1, 1, 1, 1 };

  self->colors_idle = 0;

  probe_color (self->probe_citation, &citation);
  probe_color (self->probe_disputes, &disputes);
  probe_color (self->probe_emphasis, &emphasis);
  probe_color (self->probe_match, &match);
  probe_color (self->probe_current_match, &current);

  underline = disputes;
  underline.alpha = 1.0;

  g_object_set (self->citation_tag, "background-rgba", &citation, NULL);
  g_object_set (self->disputes_tag,
                "background-rgba", &disputes,
                "underline", PANGO_UNDERLINE_ERROR,
                "underline-rgba", &underline,
                NULL);
  g_object_set (self->emphasis_tag, "background-rgba", &emphasis, NULL);
  g_object_set (self->match_tag, "background-rgba", &match, NULL);
  g_object_set (self->current_match_tag,
                "background-rgba", &current,
                "foreground-rgba", &white,
                NULL);

  solid (&citation);
  solid (&disputes);
  solid (&emphasis);
  icc_highlight_gutter_set_color (self->gutter, ICC_HIGHLIGHT_CITATION, &citation);
  icc_highlight_gutter_set_color (self->gutter, ICC_HIGHLIGHT_DISPUTES, &disputes);
  icc_highlight_gutter_set_color (self->gutter, ICC_HIGHLIGHT_EMPHASIS, &emphasis);

  return G_SOURCE_REMOVE;
}

void
_icc_reader_queue_update_colors (IccReader *self)
{
  if (self->colors_idle == 0)
    self->colors_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_colors_idle, self, NULL);
}

/* Set up. */

void
_icc_reader_init_highlights (IccReader *self)
{
  GtkTextBuffer *buffer;
  GtkTextTagTable *table;

  /* One tag per style, created once; later tags have higher priority. */
  buffer = gtk_text_view_get_buffer (self->text_view);
  table = gtk_text_buffer_get_tag_table (buffer);
  self->citation_tag = gtk_text_buffer_create_tag (buffer, "citation", NULL);
  self->disputes_tag = gtk_text_buffer_create_tag (buffer, "disputes", NULL);
  self->emphasis_tag = gtk_text_buffer_create_tag (buffer, "emphasis", NULL);
  self->match_tag = gtk_text_buffer_create_tag (buffer, "match", NULL);
  gtk_text_tag_set_priority (self->match_tag, gtk_text_tag_table_get_size (table) - 1);
  self->current_match_tag = gtk_text_buffer_create_tag (buffer, "current-match", NULL);
  gtk_text_tag_set_priority (self->current_match_tag, gtk_text_tag_table_get_size (table) - 1);

  g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view)),
                           "changed", G_CALLBACK (vadjustment_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

void
_icc_reader_class_init_highlights (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, gutter_mark_activated_cb);
}
