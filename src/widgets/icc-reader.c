/* icc-reader.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "icc-ui-resources.h"

#include "icc-enum-util.h"
#include "icc-highlight-gutter.h"
#include "icc-reader.h"

/* About 70 characters of body text: a comfortable line length. */
#define READING_WIDTH  680
#define MIN_MARGIN     18
#define MAX_MATCHES    10000

struct _IccReader
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkLabel           *title_label;
  GtkMenuButton      *articles_button;
  GtkPopover         *articles_popover;
  GtkSearchEntry     *articles_search;
  GtkListView        *articles_view;
  GtkLabel           *meta_label;
  GtkLabel           *edit_note_label;
  GtkWidget          *edit_note_button;
  GtkWidget          *link_button;
  GtkLabel           *position_label;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *find_entry;
  GtkLabel           *find_label;
  GtkScrolledWindow  *scroller;
  GtkTextView        *text_view;
  IccHighlightGutter *gutter;
  GtkExpander        *orphans_expander;
  GtkListBox         *orphans_list;
  GtkWidget          *probe_citation;
  GtkWidget          *probe_disputes;
  GtkWidget          *probe_emphasis;
  GtkWidget          *probe_match;

  /* Borrowed: owned by the buffer and its tag table, created once. */
  GtkTextTag         *citation_tag;
  GtkTextTag         *disputes_tag;
  GtkTextTag         *emphasis_tag;
  GtkTextTag         *match_tag;
  GtkTextMark        *scroll_mark;

  /* Owned */
  IccDataset         *dataset;
  IccFocus           *focus;
  GSignalGroup       *focus_signals;
  IccArticle         *article;
  GPtrArray          *anchored;   /* IccCitation, in text order */
  GPtrArray          *orphans;    /* IccCitation */
  GtkFilterListModel *articles_filter_model;
  GtkCustomFilter    *articles_filter;
  char               *articles_search_text;
  guint               colors_idle;
  guint               margins_idle;
  guint               gutter_idle;
  int                 last_width;
  gint64              scrolled_at;  /* when we last scrolled to a citation */
  guint               over_citation : 1;
};

G_DEFINE_FINAL_TYPE (IccReader, icc_reader, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_FOCUS,
  PROP_SEARCH_MODE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void queue_gutter_update (IccReader *self);

static IccEvent *
focus_event (IccReader *self)
{
  return self->focus != NULL ? icc_focus_get_event (self->focus) : NULL;
}

static int
citation_index (IccReader   *self,
                IccCitation *citation)
{
  guint index;

  if (citation != NULL && g_ptr_array_find (self->anchored, citation, &index))
    return index;

  return -1;
}

static void
update_position (IccReader *self)
{
  IccCitation *citation = self->focus != NULL ? icc_focus_get_citation (self->focus) : NULL;
  int index = citation_index (self, citation);
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

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.previous-citation",
                                 n > 0 && index != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.next-citation",
                                 n > 0 && (index < 0 || (guint)index + 1 < n));
}

static void
scroll_to_citation (IccReader   *self,
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

static void
apply_emphasis (IccReader *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  IccEvent *event = focus_event (self);
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

/* Find in article. */

static void
clear_matches (IccReader *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter begin, end;

  gtk_text_buffer_get_bounds (buffer, &begin, &end);
  gtk_text_buffer_remove_tag (buffer, self->match_tag, &begin, &end);
  gtk_label_set_text (self->find_label, "");
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
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match",
                                                             "%u matches", n), n);

      gtk_label_set_text (self->find_label, label);
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

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SEARCH_MODE]);
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
  GdkRGBA citation, disputes, emphasis, match;
  GdkRGBA underline;

  self->colors_idle = 0;

  probe_color (self->probe_citation, &citation);
  probe_color (self->probe_disputes, &disputes);
  probe_color (self->probe_emphasis, &emphasis);
  probe_color (self->probe_match, &match);

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

  solid (&citation);
  solid (&disputes);
  solid (&emphasis);
  icc_highlight_gutter_set_color (self->gutter, ICC_HIGHLIGHT_CITATION, &citation);
  icc_highlight_gutter_set_color (self->gutter, ICC_HIGHLIGHT_DISPUTES, &disputes);
  icc_highlight_gutter_set_color (self->gutter, ICC_HIGHLIGHT_EMPHASIS, &emphasis);

  return G_SOURCE_REMOVE;
}

static void
icc_reader_css_changed (GtkWidget         *widget,
                        GtkCssStyleChange *change)
{
  IccReader *self = ICC_READER (widget);

  GTK_WIDGET_CLASS (icc_reader_parent_class)->css_changed (widget, change);

  /* The probes' styles are updated after ours: read them when idle. */
  if (self->colors_idle == 0)
    self->colors_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_colors_idle, self, NULL);
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
  if (width != self->last_width && citation != NULL && citation_index (self, citation) >= 0 &&
      g_get_monotonic_time () - self->scrolled_at < 2 * G_USEC_PER_SEC)
    scroll_to_citation (self, citation);
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

/* The gutter. */

static gboolean
update_gutter_idle (gpointer data)
{
  IccReader *self = data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view));
  double total = MAX (1.0, gtk_adjustment_get_upper (vadj));
  IccEvent *event = focus_event (self);
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
    scroll_to_citation (self, g_ptr_array_index (self->anchored, index));
}

/* Citations under the pointer. */

static GPtrArray *
citations_at_offset (IccReader *self,
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

static void
activate_citation (IccReader   *self,
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

  scroll_to_citation (self, citation);
  update_position (self);
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

  found = citations_at_offset (self, offset);
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
  g_autoptr(GPtrArray) found = offset >= 0 ? citations_at_offset (self, offset) : NULL;
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

  activate_citation (self, citation);
}

static void
rebuild_orphans (IccReader *self)
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

/* The article. */

static void
update_header (IccReader *self)
{
  IccArticle *article = self->article;
  g_autoptr(GString) meta = g_string_new (NULL);
  const char *url;
  const char *edit_note;

  if (article == NULL)
    {
      gtk_label_set_text (self->title_label, _("No Article"));
      gtk_label_set_text (self->meta_label,
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

static void
load_article (IccReader *self)
{
  IccArticle *article = self->focus != NULL ? icc_focus_get_article (self->focus) : NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  IccCitation *citation;
  int n_chars;

  g_set_object (&self->article, article);
  g_ptr_array_set_size (self->anchored, 0);
  g_ptr_array_set_size (self->orphans, 0);

  gtk_text_buffer_set_text (buffer, article != NULL && icc_article_get_text (article) != NULL
                                    ? icc_article_get_text (article) : "", -1);
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

  update_header (self);
  rebuild_orphans (self);
  apply_emphasis (self);

  if (gtk_search_bar_get_search_mode (self->search_bar))
    find_changed_cb (self, self->find_entry);

  citation = self->focus != NULL ? icc_focus_get_citation (self->focus) : NULL;
  if (citation != NULL && citation_index (self, citation) >= 0)
    {
      scroll_to_citation (self, citation);
    }
  else
    {
      GtkTextIter start;

      gtk_text_buffer_get_start_iter (buffer, &start);
      gtk_text_buffer_place_cursor (buffer, &start);
      gtk_text_buffer_move_mark (buffer, self->scroll_mark, &start);
      gtk_text_view_scroll_to_mark (self->text_view, self->scroll_mark, 0, TRUE, 0, 0);
    }

  update_position (self);
}

static void
focus_article_changed_cb (IccReader  *self,
                          GParamSpec *pspec,
                          IccFocus   *focus)
{
  if (icc_focus_get_article (focus) != self->article)
    load_article (self);
}

static void
focus_citation_changed_cb (IccReader  *self,
                           GParamSpec *pspec,
                           IccFocus   *focus)
{
  IccCitation *citation = icc_focus_get_citation (focus);

  if (citation != NULL && icc_citation_get_article (citation) == self->article)
    {
      if (citation_index (self, citation) >= 0)
        scroll_to_citation (self, citation);
      else if (self->orphans->len > 0)
        gtk_expander_set_expanded (self->orphans_expander, TRUE);
    }

  update_position (self);
}

/* DESIGN §2: selecting an event opens the article of its preferred citation
 * (icc_event_get_preferred_citation(): the open article wins when the event
 * cites it too) and scrolls to it. */
static void
focus_event_changed_cb (IccReader  *self,
                        GParamSpec *pspec,
                        IccFocus   *focus)
{
  IccEvent *event = icc_focus_get_event (focus);
  IccCitation *current = icc_focus_get_citation (focus);

  apply_emphasis (self);

  if (event == NULL)
    return;

  if (current != NULL && icc_citation_get_event (current) == event)
    {
      update_position (self);
      return;
    }

  icc_focus_set_citation (focus, icc_event_get_preferred_citation (event, self->article));

  update_position (self);
}

/* Actions. */

static void
move_citation (IccReader *self,
               int        direction)
{
  IccCitation *citation = self->focus != NULL ? icc_focus_get_citation (self->focus) : NULL;
  int index = citation_index (self, citation);
  int n = self->anchored->len;

  if (n == 0)
    return;

  if (index < 0)
    index = direction > 0 ? 0 : n - 1;
  else
    index = CLAMP (index + direction, 0, n - 1);

  activate_citation (self, g_ptr_array_index (self->anchored, index));
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

static void
link_clicked_cb (IccReader *self,
                 GtkButton *button)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *url = self->article != NULL ? icc_article_get_web_url (self->article) : NULL;

  /* Only on click, and only http and https: the reader never loads anything
   * by itself, and a file's address cannot start another application. */
  if (url != NULL)
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, url, GDK_CURRENT_TIME);
}

/* The list of all articles. */

static gboolean
filter_article (gpointer item,
                gpointer user_data)
{
  IccReader *self = user_data;
  IccArticle *article = item;
  const char *fields[3];

  if (self->articles_search_text == NULL)
    return TRUE;

  fields[0] = icc_article_get_title (article);
  fields[1] = icc_article_get_outlet (article);
  fields[2] = icc_article_get_author (article);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *folded = NULL;

      if (fields[i] == NULL)
        continue;
      folded = g_utf8_casefold (fields[i], -1);
      if (strstr (folded, self->articles_search_text) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
articles_search_changed_cb (IccReader      *self,
                            GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  g_clear_pointer (&self->articles_search_text, g_free);
  if (text != NULL && *text != '\0')
    self->articles_search_text = g_utf8_casefold (text, -1);

  gtk_filter_changed (GTK_FILTER (self->articles_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
open_article (IccReader  *self,
              IccArticle *article)
{
  if (self->focus == NULL || article == NULL)
    return;

  icc_focus_set_article (self->focus, article);
  gtk_popover_popdown (self->articles_popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
articles_view_activate_cb (IccReader   *self,
                           guint        position,
                           GtkListView *view)
{
  g_autoptr(IccArticle) article =
    g_list_model_get_item (G_LIST_MODEL (self->articles_filter_model), position);

  open_article (self, article);
}

static void
articles_search_activate_cb (IccReader      *self,
                             GtkSearchEntry *entry)
{
  g_autoptr(IccArticle) article =
    g_list_model_get_item (G_LIST_MODEL (self->articles_filter_model), 0);

  open_article (self, article);
}

static void
articles_popover_show_cb (IccReader  *self,
                          GtkPopover *popover)
{
  gtk_editable_set_text (GTK_EDITABLE (self->articles_search), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->articles_search));
}

static void
article_row_setup_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *meta = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 40);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_ellipsize (GTK_LABEL (meta), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_add_css_class (meta, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), meta);
  gtk_list_item_set_child (item, box);
}

static void
article_row_bind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  IccArticle *article = gtk_list_item_get_item (item);
  GtkWidget *title = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *meta = gtk_widget_get_next_sibling (title);
  g_autoptr(GString) line = g_string_new (NULL);

  if (icc_article_get_outlet (article) != NULL)
    g_string_append (line, icc_article_get_outlet (article));
  if (icc_date_is_set (icc_article_get_date (article)))
    {
      g_autofree char *date = icc_date_format (icc_article_get_date (article));

      if (line->len > 0)
        g_string_append (line, " · ");
      g_string_append (line, date);
    }

  gtk_label_set_text (GTK_LABEL (title), icc_article_get_title (article));
  gtk_label_set_text (GTK_LABEL (meta), line->str);
}

/* GObject. */

static void
icc_reader_root (GtkWidget *widget)
{
  IccReader *self = ICC_READER (widget);

  GTK_WIDGET_CLASS (icc_reader_parent_class)->root (widget);

  if (self->colors_idle == 0)
    self->colors_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_colors_idle, self, NULL);
}

static void
icc_reader_dispose (GObject *object)
{
  IccReader *self = (IccReader *)object;
  GtkWidget *child;

  icc_reader_set_focus (self, NULL);
  g_clear_object (&self->focus_signals);

  g_clear_handle_id (&self->colors_idle, g_source_remove);
  g_clear_handle_id (&self->margins_idle, g_source_remove);
  g_clear_handle_id (&self->gutter_idle, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), ICC_TYPE_READER);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->articles_filter_model);
  g_clear_object (&self->articles_filter);
  g_clear_object (&self->dataset);
  g_clear_object (&self->article);
  g_clear_pointer (&self->articles_search_text, g_free);
  if (self->anchored != NULL)
    g_ptr_array_set_size (self->anchored, 0);
  if (self->orphans != NULL)
    g_ptr_array_set_size (self->orphans, 0);

  G_OBJECT_CLASS (icc_reader_parent_class)->dispose (object);
}

static void
icc_reader_finalize (GObject *object)
{
  IccReader *self = (IccReader *)object;

  g_clear_pointer (&self->anchored, g_ptr_array_unref);
  g_clear_pointer (&self->orphans, g_ptr_array_unref);

  G_OBJECT_CLASS (icc_reader_parent_class)->finalize (object);
}

static void
icc_reader_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  IccReader *self = ICC_READER (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;

    case PROP_FOCUS:
      g_value_set_object (value, self->focus);
      break;

    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, icc_reader_get_search_mode (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_reader_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  IccReader *self = ICC_READER (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      icc_reader_set_dataset (self, g_value_get_object (value));
      break;

    case PROP_FOCUS:
      icc_reader_set_focus (self, g_value_get_object (value));
      break;

    case PROP_SEARCH_MODE:
      icc_reader_set_search_mode (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_reader_class_init (IccReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icc_reader_dispose;
  object_class->finalize = icc_reader_finalize;
  object_class->get_property = icc_reader_get_property;
  object_class->set_property = icc_reader_set_property;

  widget_class->css_changed = icc_reader_css_changed;
  widget_class->root = icc_reader_root;

  properties [PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, ICC_TYPE_DATASET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_FOCUS] =
    g_param_spec_object ("focus", NULL, NULL, ICC_TYPE_FOCUS,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SEARCH_MODE] =
    g_param_spec_boolean ("search-mode", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The resources live in a static library: referencing them links their
   * object file in, whose constructor registers them. */
  (void)icc_ui_resources_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/IccTracker/ui/icc-reader.ui");
  gtk_widget_class_bind_template_child (widget_class, IccReader, title_label);
  gtk_widget_class_bind_template_child (widget_class, IccReader, articles_button);
  gtk_widget_class_bind_template_child (widget_class, IccReader, articles_popover);
  gtk_widget_class_bind_template_child (widget_class, IccReader, articles_search);
  gtk_widget_class_bind_template_child (widget_class, IccReader, articles_view);
  gtk_widget_class_bind_template_child (widget_class, IccReader, meta_label);
  gtk_widget_class_bind_template_child (widget_class, IccReader, edit_note_label);
  gtk_widget_class_bind_template_child (widget_class, IccReader, edit_note_button);
  gtk_widget_class_bind_template_child (widget_class, IccReader, link_button);
  gtk_widget_class_bind_template_child (widget_class, IccReader, position_label);
  gtk_widget_class_bind_template_child (widget_class, IccReader, search_bar);
  gtk_widget_class_bind_template_child (widget_class, IccReader, find_entry);
  gtk_widget_class_bind_template_child (widget_class, IccReader, find_label);
  gtk_widget_class_bind_template_child (widget_class, IccReader, scroller);
  gtk_widget_class_bind_template_child (widget_class, IccReader, text_view);
  gtk_widget_class_bind_template_child (widget_class, IccReader, gutter);
  gtk_widget_class_bind_template_child (widget_class, IccReader, orphans_expander);
  gtk_widget_class_bind_template_child (widget_class, IccReader, orphans_list);
  gtk_widget_class_bind_template_child (widget_class, IccReader, probe_citation);
  gtk_widget_class_bind_template_child (widget_class, IccReader, probe_disputes);
  gtk_widget_class_bind_template_child (widget_class, IccReader, probe_emphasis);
  gtk_widget_class_bind_template_child (widget_class, IccReader, probe_match);
  gtk_widget_class_bind_template_callback (widget_class, articles_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, articles_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, articles_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, articles_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, link_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_query_tooltip_cb);
  gtk_widget_class_bind_template_callback (widget_class, gutter_mark_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, orphan_activated_cb);

  gtk_widget_class_install_action (widget_class, "reader.previous-citation", NULL,
                                   previous_citation_action);
  gtk_widget_class_install_action (widget_class, "reader.next-citation", NULL,
                                   next_citation_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "reader.previous-citation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "reader.next-citation", NULL);

  gtk_widget_class_set_css_name (widget_class, "reader");

  g_type_ensure (ICC_TYPE_HIGHLIGHT_GUTTER);
}

static void
icc_reader_init (IccReader *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkSingleSelection *selection;
  GtkTextBuffer *buffer;
  GtkTextTagTable *table;
  GtkGesture *click;
  GtkEventController *motion;
  GtkTextIter start;

  self->focus_signals = g_signal_group_new (ICC_TYPE_FOCUS);
  g_signal_group_connect_swapped (self->focus_signals, "notify::article",
                                  G_CALLBACK (focus_article_changed_cb), self);
  g_signal_group_connect_swapped (self->focus_signals, "notify::citation",
                                  G_CALLBACK (focus_citation_changed_cb), self);
  g_signal_group_connect_swapped (self->focus_signals, "notify::event",
                                  G_CALLBACK (focus_event_changed_cb), self);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->anchored = g_ptr_array_new_with_free_func (g_object_unref);
  self->orphans = g_ptr_array_new_with_free_func (g_object_unref);

  /* One tag per style, created once; later tags have higher priority. */
  buffer = gtk_text_view_get_buffer (self->text_view);
  table = gtk_text_buffer_get_tag_table (buffer);
  self->citation_tag = gtk_text_buffer_create_tag (buffer, "citation", NULL);
  self->disputes_tag = gtk_text_buffer_create_tag (buffer, "disputes", NULL);
  self->emphasis_tag = gtk_text_buffer_create_tag (buffer, "emphasis", NULL);
  self->match_tag = gtk_text_buffer_create_tag (buffer, "match", NULL);
  gtk_text_tag_set_priority (self->match_tag, gtk_text_tag_table_get_size (table) - 1);
  gtk_text_buffer_get_start_iter (buffer, &start);
  self->scroll_mark = gtk_text_buffer_create_mark (buffer, NULL, &start, TRUE);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->find_entry));
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_changed_cb), self, G_CONNECT_SWAPPED);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (text_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (click));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (text_motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), motion);

  g_signal_connect_object (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->text_view)),
                           "notify::page-size", G_CALLBACK (hadjustment_page_size_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view)),
                           "changed", G_CALLBACK (vadjustment_changed_cb),
                           self, G_CONNECT_SWAPPED);

  self->articles_filter = gtk_custom_filter_new (filter_article, self, NULL);
  self->articles_filter_model =
    gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->articles_filter)));
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->articles_filter_model)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  g_signal_connect (factory, "setup", G_CALLBACK (article_row_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (article_row_bind_cb), NULL);
  gtk_list_view_set_factory (self->articles_view, factory);
  gtk_list_view_set_model (self->articles_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  update_header (self);
  update_position (self);
}

GtkWidget *
icc_reader_new (void)
{
  return g_object_new (ICC_TYPE_READER, NULL);
}

IccDataset *
icc_reader_get_dataset (IccReader *self)
{
  g_return_val_if_fail (ICC_IS_READER (self), NULL);

  return self->dataset;
}

void
icc_reader_set_dataset (IccReader  *self,
                        IccDataset *dataset)
{
  g_return_if_fail (ICC_IS_READER (self));
  g_return_if_fail (dataset == NULL || ICC_IS_DATASET (dataset));

  if (!g_set_object (&self->dataset, dataset))
    return;

  gtk_filter_list_model_set_model (self->articles_filter_model,
                                   dataset != NULL ? icc_dataset_get_articles (dataset) : NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->articles_button),
                            dataset != NULL &&
                            g_list_model_get_n_items (icc_dataset_get_articles (dataset)) > 0);
  load_article (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATASET]);
}

IccFocus *
icc_reader_get_focus (IccReader *self)
{
  g_return_val_if_fail (ICC_IS_READER (self), NULL);

  return self->focus;
}

void
icc_reader_set_focus (IccReader *self,
                      IccFocus  *focus)
{
  g_return_if_fail (ICC_IS_READER (self));
  g_return_if_fail (focus == NULL || ICC_IS_FOCUS (focus));

  if (self->focus == focus)
    return;

  g_set_object (&self->focus, focus);
  g_signal_group_set_target (self->focus_signals, focus);

  if (self->anchored != NULL)
    load_article (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FOCUS]);
}

gboolean
icc_reader_get_search_mode (IccReader *self)
{
  g_return_val_if_fail (ICC_IS_READER (self), FALSE);

  return gtk_search_bar_get_search_mode (self->search_bar);
}

void
icc_reader_set_search_mode (IccReader *self,
                            gboolean   search_mode)
{
  g_return_if_fail (ICC_IS_READER (self));

  /* The search bar notifies, and we forward that as our own notify. */
  gtk_search_bar_set_search_mode (self->search_bar, !!search_mode);
}

GtkTextView *
icc_reader_get_text_view (IccReader *self)
{
  g_return_val_if_fail (ICC_IS_READER (self), NULL);

  return self->text_view;
}

guint
icc_reader_get_n_orphans (IccReader *self)
{
  g_return_val_if_fail (ICC_IS_READER (self), 0);

  return self->orphans->len;
}

gboolean
icc_reader_activate_offset (IccReader *self,
                            int        offset)
{
  g_autoptr(GPtrArray) found = NULL;
  IccCitation *chosen = NULL;
  IccEvent *event;

  g_return_val_if_fail (ICC_IS_READER (self), FALSE);

  found = citations_at_offset (self, offset);
  if (found->len == 0)
    return FALSE;

  /* Overlapping highlights: the one after the focused event's, in turn. */
  event = focus_event (self);
  chosen = g_ptr_array_index (found, 0);
  for (guint i = 0; i < found->len; i++)
    {
      IccCitation *citation = g_ptr_array_index (found, i);

      if (event != NULL && icc_citation_get_event (citation) == event)
        {
          chosen = g_ptr_array_index (found, (i + 1) % found->len);
          break;
        }
    }

  activate_citation (self, chosen);

  return TRUE;
}
