/* icc-reader-citations.c: the citations of the open article: the position
 * among them, moving between them, the pointer over them and the orphans
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "icc-enum-util.h"
#include "icc-reader-private.h"

int
_icc_reader_citation_index (IccReader   *self,
                            IccCitation *citation)
{
  guint index;

  if (citation != NULL && g_ptr_array_find (self->anchored, citation, &index))
    return index;

  return -1;
}

void
_icc_reader_update_position (IccReader *self)
{
  IccCitation *citation = self->focus != NULL ? icc_focus_get_citation (self->focus) : NULL;
  int index = _icc_reader_citation_index (self, citation);
  guint n = self->anchored->len;
  g_autofree char *text = NULL;

  if (n == 0)
    text = g_strdup ("");
  else if (index >= 0)
    /* TRANSLATORS: position among the highlighted passages of an article. */
    text = g_strdup_printf (_("Citation %d of %u"), index + 1, n);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u citation", "%u citations", n), n);

  gtk_label_set_text (self->position_label, text);
  /* Nothing to list In This Article: no button (it was a bare arrow). */
  gtk_widget_set_visible (GTK_WIDGET (self->outline_button), n > 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.previous-citation",
                                 n > 0 && index != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.next-citation",
                                 n > 0 && (index < 0 || (guint)index + 1 < n));
}

void
_icc_reader_scroll_to_citation (IccReader   *self,
                                IccCitation *citation)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter iter;
  int start, end;

  if (!icc_citation_get_anchor (citation, &start, &end))
    return;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, start);
  gtk_text_buffer_move_mark (buffer, self->scroll_mark, &iter);
  self->scrolled_at = g_get_monotonic_time ();
  /* A mark rather than an iter: the scroll waits for the lines' layout. */
  gtk_text_view_scroll_to_mark (self->text_view, self->scroll_mark, 0.0, TRUE, 0.0, 0.25);
}

/* Citations under the pointer. */

GPtrArray *
_icc_reader_citations_at_offset (IccReader *self,
                                 int        offset)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < self->anchored->len; i++)
    {
      IccCitation *citation = g_ptr_array_index (self->anchored, i);
      int start, end;

      if (icc_citation_get_anchor (citation, &start, &end) && offset >= start && offset < end)
        g_ptr_array_add (found, citation);
    }

  return found;
}

static int
offset_at_widget_point (IccReader *self,
                        double     x,
                        double     y)
{
  GtkTextIter iter;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         (int)x, (int)y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    return -1;

  return gtk_text_iter_get_offset (&iter);
}

void
_icc_reader_activate_citation (IccReader   *self,
                               IccCitation *citation)
{
  IccEvent *event;

  if (self->focus == NULL || citation == NULL)
    return;

  event = icc_citation_get_event (citation);

  /* The citation first: when the event changes, it is already one of its own
   * and the reader keeps it. */
  icc_focus_set_citation (self->focus, citation);
  if (event != NULL)
    icc_focus_set_event (self->focus, event);

  _icc_reader_scroll_to_citation (self, citation);
  _icc_reader_update_position (self);
}

static gboolean
text_query_tooltip_cb (IccReader  *self,
                       int         x,
                       int         y,
                       gboolean    keyboard_mode,
                       GtkTooltip *tooltip,
                       GtkWidget  *widget)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GString) text = NULL;
  int offset;

  if (keyboard_mode)
    return FALSE;

  offset = offset_at_widget_point (self, x, y);
  if (offset < 0)
    return FALSE;

  found = _icc_reader_citations_at_offset (self, offset);
  if (found->len == 0)
    return FALSE;

  text = g_string_new (NULL);
  for (guint i = 0; i < found->len; i++)
    {
      IccCitation *citation = g_ptr_array_index (found, i);
      IccEvent *event = icc_citation_get_event (citation);
      const char *note = icc_citation_get_note (citation);

      if (i > 0)
        g_string_append (text, "\n\n");
      if (event != NULL)
        {
          g_autofree char *date = icc_date_format (icc_event_get_date (event));

          /* TRANSLATORS: tooltip of a highlight: event title, then its date. */
          g_string_append_printf (text, _("%s (%s)"), icc_event_get_title (event), date);
        }
      if (icc_citation_get_stance (citation) != ICC_STANCE_REPORTS)
        g_string_append_printf (text, "\n%s",
                                icc_stance_get_label (icc_citation_get_stance (citation)));
      /* Issue 16: a reader's comment is labelled wherever it appears. */
      if (icc_citation_get_comment (citation))
        g_string_append_printf (text, "\n%s", _("A reader’s comment, not the article"));
      if (note != NULL && *note != '\0')
        g_string_append_printf (text, "\n%s", note);
    }

  /* Plain text: no markup reaches Pango from the dataset. */
  gtk_tooltip_set_text (tooltip, text->str);

  return TRUE;
}

static void
text_released_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  IccReader       *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  int offset;

  /* Selecting text is not clicking a highlight. */
  if (n_press != 1 || gtk_text_buffer_get_has_selection (buffer))
    return;

  offset = offset_at_widget_point (self, x, y);
  if (offset >= 0)
    icc_reader_activate_offset (self, offset);
}

static void
text_motion_cb (GtkEventControllerMotion *motion,
                double                    x,
                double                    y,
                IccReader                *self)
{
  int offset = offset_at_widget_point (self, x, y);
  g_autoptr(GPtrArray) found =
    offset >= 0 ? _icc_reader_citations_at_offset (self, offset) : NULL;
  gboolean over = found != NULL && found->len > 0;

  if (over == self->over_citation)
    return;

  self->over_citation = over;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->text_view), over ? "pointer" : NULL);
}

/* Orphans: citations of this article whose passage was not found. */

static GtkWidget *
create_orphan_row (IccCitation *citation)
{
  IccEvent *event = icc_citation_get_event (citation);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *quoted = NULL;
  GtkWidget *quote;
  GtkWidget *meta;

  /* TRANSLATORS: a quoted passage; use your language's quotation marks. */
  quoted = g_strdup_printf (_("“%s”"), icc_citation_get_quote (citation));
  quote = gtk_label_new (quoted);
  meta = gtk_label_new (event != NULL ? icc_event_get_title (event) : NULL);

  gtk_label_set_xalign (GTK_LABEL (quote), 0);
  gtk_label_set_wrap (GTK_LABEL (quote), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (quote), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (quote), FALSE);
  gtk_widget_add_css_class (quote, "orphan-quote");
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_wrap (GTK_LABEL (meta), TRUE);
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_add_css_class (meta, "caption");

  gtk_box_append (GTK_BOX (box), quote);
  gtk_box_append (GTK_BOX (box), meta);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, _("Show this event"));
  g_object_set_data_full (G_OBJECT (row), "icc-citation", g_object_ref (citation), g_object_unref);

  return row;
}

static void
orphan_activated_cb (IccReader     *self,
                     GtkListBoxRow *row,
                     GtkListBox    *list)
{
  IccCitation *citation = g_object_get_data (G_OBJECT (row), "icc-citation");

  _icc_reader_activate_citation (self, citation);
}

void
_icc_reader_rebuild_orphans (IccReader *self)
{
  GtkWidget *child;
  g_autofree char *label = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->orphans_list))) != NULL)
    gtk_list_box_remove (self->orphans_list, child);

  for (guint i = 0; i < self->orphans->len; i++)
    gtk_list_box_append (self->orphans_list,
                         create_orphan_row (g_ptr_array_index (self->orphans, i)));

  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u cited passage not found in this article",
                                        "%u cited passages not found in this article",
                                        self->orphans->len),
                           self->orphans->len);
  gtk_expander_set_label (self->orphans_expander, label);
  gtk_widget_set_visible (GTK_WIDGET (self->orphans_expander), self->orphans->len > 0);
}

/* Previous and next citation. */

static void
move_citation (IccReader *self,
               int        direction)
{
  IccCitation *citation = self->focus != NULL ? icc_focus_get_citation (self->focus) : NULL;
  int index = _icc_reader_citation_index (self, citation);
  int n = self->anchored->len;

  if (n == 0)
    return;

  if (index < 0)
    index = direction > 0 ? 0 : n - 1;
  else
    index = CLAMP (index + direction, 0, n - 1);

  _icc_reader_activate_citation (self, g_ptr_array_index (self->anchored, index));
}

static void
previous_citation_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  move_citation (ICC_READER (widget), -1);
}

static void
next_citation_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  move_citation (ICC_READER (widget), 1);
}

/* Keeping the passage in view while the text's layout settles: the text
 * view scrolls to a passage with the heights of the lines above it still
 * estimated, and as they are measured the passage can slide out of view
 * (a test saw it 450 px below the page). For two seconds after a scroll,
 * when the text's height changes, the reader scrolls to it again if it is
 * not on the page. */
static void
vadjustment_changed_cb (IccReader     *self,
                        GtkAdjustment *adjustment)
{
  IccCitation *citation = self->focus != NULL ? icc_focus_get_citation (self->focus) : NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GdkRectangle visible, passage;
  GtkTextIter iter;
  int start, end;

  if (citation == NULL || _icc_reader_citation_index (self, citation) < 0 ||
      g_get_monotonic_time () - self->scrolled_at > 2 * G_USEC_PER_SEC ||
      !icc_citation_get_anchor (citation, &start, &end))
    return;

  gtk_text_view_get_visible_rect (self->text_view, &visible);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, start);
  gtk_text_view_get_iter_location (self->text_view, &iter, &passage);
  if (passage.y >= visible.y && passage.y + passage.height <= visible.y + visible.height)
    return;

  gtk_text_buffer_move_mark (buffer, self->scroll_mark, &iter);
  gtk_text_view_scroll_to_mark (self->text_view, self->scroll_mark, 0.0, TRUE, 0.0, 0.25);
}

/* Set up. */

void
_icc_reader_init_citations (IccReader *self)
{
  GtkGesture *click;
  GtkEventController *motion;

  g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view)),
                           "changed", G_CALLBACK (vadjustment_changed_cb), self,
                           G_CONNECT_SWAPPED);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (text_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (click));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (text_motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), motion);
}

void
_icc_reader_class_init_citations (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, text_query_tooltip_cb);
  gtk_widget_class_bind_template_callback (widget_class, orphan_activated_cb);

  gtk_widget_class_install_action (widget_class, "reader.previous-citation", NULL,
                                   previous_citation_action);
  gtk_widget_class_install_action (widget_class, "reader.next-citation", NULL,
                                   next_citation_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "reader.previous-citation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "reader.next-citation", NULL);
}
