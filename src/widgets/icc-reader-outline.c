/* icc-reader-outline.c: "In This Article", the events the open article
 * reports, in the order of its text
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The citation counter in the reader's toolbar ("Citation 9 of 23") opens a
 * popover listing the article's highlighted passages in text order: each
 * row names the event, its date and the passage's stance. Choosing a row
 * shows its passage, and only that: the selected event and the date cursor
 * stay where they were (issue 13), so that a reader can see what an article
 * reports without the timeline jumping across the years. A click on the
 * highlight itself selects the event.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "icc-enum-util.h"
#include "icc-reader-private.h"

static GtkWidget *
create_row (IccCitation *citation,
            guint        index)
{
  IccEvent *event = icc_citation_get_event (citation);
  IccStance stance = icc_citation_get_stance (citation);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (event != NULL ? icc_event_get_title (event) : NULL);
  GtkWidget *meta;
  g_autoptr(GString) line = g_string_new (NULL);

  /* TRANSLATORS: the number of a passage in "In This Article". */
  g_string_printf (line, _("%u."), index + 1);
  if (event != NULL)
    {
      g_autofree char *date = icc_date_format (icc_event_get_date (event));

      g_string_append_printf (line, " %s", date);
    }
  /* What the passage does: reports the event, disputes it… */
  g_string_append_printf (line, " · %s", icc_stance_get_label (stance));
  if (icc_citation_get_comment (citation))
    g_string_append_printf (line, " · %s", _("a reader’s comment, not the article"));
  meta = gtk_label_new (line->str);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 40);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_ellipsize (GTK_LABEL (meta), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_add_css_class (meta, "caption");
  if (stance == ICC_STANCE_DISPUTES)
    gtk_widget_add_css_class (meta, "outline-disputes");

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), meta);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "icc-citation", g_object_ref (citation), g_object_unref);

  return row;
}

/* The rows, made when the popover opens: nothing to do on each load. */
static void
outline_popover_show_cb (IccReader  *self,
                         GtkPopover *popover)
{
  IccCitation *current = self->focus != NULL ? icc_focus_get_citation (self->focus) : NULL;
  GtkListBoxRow *selected = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->outline_list))) != NULL)
    gtk_list_box_remove (self->outline_list, child);

  for (guint i = 0; i < self->anchored->len; i++)
    {
      IccCitation *citation = g_ptr_array_index (self->anchored, i);
      GtkWidget *row = create_row (citation, i);

      gtk_list_box_append (self->outline_list, row);
      if (citation == current)
        selected = GTK_LIST_BOX_ROW (row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->outline_empty), self->anchored->len == 0);
  if (selected == NULL)
    selected = gtk_list_box_get_row_at_index (self->outline_list, 0);
  if (selected != NULL)
    {
      gtk_list_box_select_row (self->outline_list, selected);
      gtk_widget_grab_focus (GTK_WIDGET (selected));
    }
}

/**
 * _icc_reader_show_citation:
 *
 * Shows @citation's passage without selecting its event (and so without
 * moving the date cursor).
 */
void
_icc_reader_show_citation (IccReader   *self,
                           IccCitation *citation)
{
  if (self->focus == NULL || citation == NULL)
    return;

  icc_focus_set_citation (self->focus, citation);
  _icc_reader_scroll_to_citation (self, citation);
  _icc_reader_update_position (self);
}

static void
outline_row_activated_cb (IccReader     *self,
                          GtkListBoxRow *row,
                          GtkListBox    *list)
{
  IccCitation *citation = g_object_get_data (G_OBJECT (row), "icc-citation");

  gtk_popover_popdown (self->outline_popover);
  _icc_reader_show_citation (self, citation);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
outline_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  IccReader *self = ICC_READER (widget);

  if (gtk_widget_get_visible (GTK_WIDGET (self->outline_button)))
    gtk_menu_button_popup (self->outline_button);
}

void
_icc_reader_class_init_outline (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, outline_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, outline_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "reader.show-outline", NULL, outline_action);
}
