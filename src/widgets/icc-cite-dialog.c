/* icc-cite-dialog.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "icc-cite-dialog.h"
#include "icc-enum-util.h"

/* Built in C: a quote, a search entry over the events (a list whose
 * selection is the event cited), "New Event from Selection", the stance,
 * the note and whether the passage is a reader's comment. Enter in the
 * search picks the first match. */

struct _IccCiteDialog
{
  GtkWindow           parent_instance;

  IccDataset         *dataset;
  IccCitation        *citation;
  GtkCustomFilter    *filter;
  GtkFilterListModel *matches;
  GtkSingleSelection *selection;
  char               *search_text;

  GtkSearchEntry     *search;
  GtkWidget          *list_box;
  GtkListView        *list;
  GtkDropDown        *stance;
  GtkEditable        *note;
  GtkCheckButton     *comment_check;
  GtkLabel           *error_label;
  GtkWidget          *confirm_button;
};

enum {
  CONFIRMED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (IccCiteDialog, icc_cite_dialog, GTK_TYPE_WINDOW)

static void confirm_action   (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param);
static void new_event_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param);

static void
icc_cite_dialog_dispose (GObject *object)
{
  IccCiteDialog *self = (IccCiteDialog *)object;

  g_clear_object (&self->selection);
  g_clear_object (&self->dataset);
  g_clear_object (&self->citation);
  g_clear_pointer (&self->search_text, g_free);

  G_OBJECT_CLASS (icc_cite_dialog_parent_class)->dispose (object);
}

static void
icc_cite_dialog_class_init (IccCiteDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icc_cite_dialog_dispose;

  signals [CONFIRMED] =
    g_signal_new ("confirmed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, ICC_TYPE_EVENT, G_TYPE_INT, G_TYPE_STRING);

  /* cite.confirm: the Cite (or Save) button; cite.new-event: "New Event
   * from Selection". */
  gtk_widget_class_install_action (widget_class, "cite.confirm", NULL, confirm_action);
  gtk_widget_class_install_action (widget_class, "cite.new-event", NULL, new_event_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "cite.confirm", NULL);
}

static void
icc_cite_dialog_init (IccCiteDialog *self)
{
}

/* Matching: every word of the search in the event's title, id or date. */

static gboolean
event_matches (gpointer item,
               gpointer user_data)
{
  IccCiteDialog *self = user_data;
  IccEvent *event = item;
  g_autofree char *date = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *haystack = NULL;
  g_auto(GStrv) words = NULL;

  if (self->search_text == NULL || *self->search_text == '\0')
    return TRUE;

  date = icc_date_to_iso (icc_event_get_date (event));
  joined = g_strjoin (" ", icc_event_get_title (event), icc_event_get_id (event), date, NULL);
  haystack = g_utf8_casefold (joined, -1);
  words = g_strsplit (self->search_text, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && strstr (haystack, words[i]) == NULL)
      return FALSE;

  return TRUE;
}

static void
update_confirm (IccCiteDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cite.confirm",
                                 self->citation != NULL ||
                                 gtk_single_selection_get_selected_item (self->selection) != NULL);
}

static void
search_changed_cb (IccCiteDialog  *self,
                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  g_free (self->search_text);
  self->search_text = g_utf8_casefold (text, -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_confirm (self);
}

/* Rows: the date, then the title. */

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_list_item_set_child (item, label);
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  IccEvent *event = gtk_list_item_get_item (item);
  g_autofree char *date = icc_date_format (icc_event_get_date (event));
  /* TRANSLATORS: a row of the events to cite: a date, then a title. */
  g_autofree char *text = g_strdup_printf (_("%s — %s"), date, icc_event_get_title (event));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
selection_changed_cb (IccCiteDialog *self)
{
  update_confirm (self);
}

static void
confirm (IccCiteDialog *self,
         IccEvent      *event)
{
  g_autofree char *note = icc_cite_dialog_get_note (self);

  g_signal_emit (self, signals[CONFIRMED], 0, event, (int)icc_cite_dialog_get_stance (self), note);
}

static void
confirm_clicked_cb (IccCiteDialog *self)
{
  IccEvent *event;

  event = self->citation != NULL ? icc_citation_get_event (self->citation)
                                 : icc_cite_dialog_get_event (self);
  if (event != NULL)
    confirm (self, event);
}

static void
new_event_clicked_cb (IccCiteDialog *self)
{
  confirm (self, NULL);
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  confirm_clicked_cb (ICC_CITE_DIALOG (widget));
}

static void
new_event_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  new_event_clicked_cb (ICC_CITE_DIALOG (widget));
}

static void
list_activate_cb (IccCiteDialog *self,
                  guint          position)
{
  gtk_single_selection_set_selected (self->selection, position);
  confirm_clicked_cb (self);
}

/* Enter in the search: the first match, or the selected one. */
static void
search_activate_cb (IccCiteDialog *self)
{
  if (gtk_single_selection_get_selected_item (self->selection) == NULL &&
      g_list_model_get_n_items (G_LIST_MODEL (self->matches)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);

  confirm_clicked_cb (self);
}

static GtkWidget *
labelled (GtkWidget  *box,
          const char *mnemonic,
          GtkWidget  *field)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), field);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), field);

  return label;
}

static void
build (IccCiteDialog *self,
       const char    *quote)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkStringList) stances = gtk_string_list_new (NULL);
  GtkWidget *box, *quote_label, *scrolled, *cancel, *new_event, *comment;
  GtkWidget *header;
  g_autofree char *shown = NULL;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_window_set_child (GTK_WINDOW (self), box);

  /* The passage, shortened for a long one: plain text, never markup. */
  if (quote != NULL && g_utf8_strlen (quote, -1) > 400)
    {
      g_autofree char *start = g_utf8_substring (quote, 0, 400);

      shown = g_strconcat ("“", start, "…”", NULL);
    }
  else
    shown = g_strconcat ("“", quote != NULL ? quote : "", "”", NULL);
  quote_label = gtk_label_new (shown);
  gtk_label_set_wrap (GTK_LABEL (quote_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (quote_label), 0);
  gtk_label_set_selectable (GTK_LABEL (quote_label), FALSE);
  gtk_widget_add_css_class (quote_label, "dim-label");
  gtk_box_append (GTK_BOX (box), quote_label);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));

  /* The events. */
  self->list_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_vexpand (self->list_box, TRUE);
  gtk_box_append (GTK_BOX (box), self->list_box);

  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search, "placeholder-text", _("Search events by title, date or id"), NULL);
  labelled (self->list_box, _("The _event this passage is about"), GTK_WIDGET (self->search));
  g_signal_connect_object (self->search, "search-changed",
                           G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search, "activate",
                           G_CALLBACK (search_activate_cb), self, G_CONNECT_SWAPPED);

  self->filter = gtk_custom_filter_new (event_matches, self, NULL);
  self->matches = gtk_filter_list_model_new (g_object_ref (icc_dataset_get_events (self->dataset)),
                                             GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->matches));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (row_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind_cb), NULL);
  self->list = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)),
                                                 g_object_ref (factory)));
  gtk_list_view_set_single_click_activate (self->list, FALSE);
  g_signal_connect_object (self->list, "activate",
                           G_CALLBACK (list_activate_cb), self, G_CONNECT_SWAPPED);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Events"), -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 180);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_widget_add_css_class (scrolled, "frame");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_box_append (GTK_BOX (self->list_box), scrolled);

  new_event = gtk_button_new_with_mnemonic (_("_New Event from Selection…"));
  gtk_widget_set_halign (new_event, GTK_ALIGN_START);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (new_event), "cite.new-event");
  gtk_box_append (GTK_BOX (self->list_box), new_event);

  /* Stance and note. */
  for (IccStance stance = ICC_STANCE_REPORTS; stance <= ICC_STANCE_CONTEXT; stance++)
    gtk_string_list_append (stances, icc_stance_get_label (stance));
  self->stance = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (stances)), NULL));
  labelled (box, _("_Stance"), GTK_WIDGET (self->stance));

  self->note = GTK_EDITABLE (gtk_entry_new ());
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->note),
                                  _("Why this passage matters, or what it gets wrong"));
  labelled (box, _("N_ote"), GTK_WIDGET (self->note));

  /* The part (issue 16): an article does not record where its readers'
   * comments start, so this is off until the user says otherwise. */
  comment = gtk_check_button_new_with_mnemonic (_("A _reader’s comment, not the article"));
  self->comment_check = GTK_CHECK_BUTTON (comment);
  gtk_box_append (GTK_BOX (box), comment);

  /* Buttons in the header bar, as GNOME dialogs have them. */
  header = gtk_header_bar_new ();
  gtk_header_bar_set_show_title_buttons (GTK_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), cancel);
  self->confirm_button = gtk_button_new_with_mnemonic (self->citation != NULL ? _("_Save") : _("C_ite"));
  gtk_widget_add_css_class (self->confirm_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->confirm_button), "cite.confirm");
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), self->confirm_button);
  gtk_window_set_titlebar (GTK_WINDOW (self), header);

}

GtkWidget *
icc_cite_dialog_new (GtkWindow   *parent,
                     IccDataset  *dataset,
                     const char  *quote,
                     IccEvent    *event,
                     IccCitation *citation)
{
  IccCiteDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ICC_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (citation == NULL || ICC_IS_CITATION (citation), NULL);

  self = g_object_new (ICC_TYPE_CITE_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "destroy-with-parent", TRUE,
                       "title", citation != NULL ? _("Edit Citation") : _("Cite Passage"),
                       "default-width", 520,
                       "default-height", 520,
                       NULL);
  self->dataset = g_object_ref (dataset);
  if (citation != NULL)
    self->citation = g_object_ref (citation);

  build (self, citation != NULL ? icc_citation_get_quote (citation) : quote);

  if (citation != NULL)
    {
      /* The event is the citation's: only the stance and note change. */
      gtk_widget_set_visible (self->list_box, FALSE);
      icc_cite_dialog_set_stance (self, icc_citation_get_stance (citation));
      gtk_editable_set_text (self->note, icc_citation_get_note (citation) != NULL
                                         ? icc_citation_get_note (citation) : "");
      icc_cite_dialog_set_comment (self, icc_citation_get_comment (citation));
      gtk_widget_grab_focus (GTK_WIDGET (self->stance));
    }
  else
    {
      if (event != NULL)
        icc_cite_dialog_set_event (self, event);
      gtk_widget_grab_focus (GTK_WIDGET (self->search));
    }

  update_confirm (self);

  return GTK_WIDGET (self);
}

IccEvent *
icc_cite_dialog_get_event (IccCiteDialog *self)
{
  g_return_val_if_fail (ICC_IS_CITE_DIALOG (self), NULL);

  if (self->citation != NULL)
    return icc_citation_get_event (self->citation);

  return gtk_single_selection_get_selected_item (self->selection);
}

void
icc_cite_dialog_set_event (IccCiteDialog *self,
                           IccEvent      *event)
{
  GListModel *matches;

  g_return_if_fail (ICC_IS_CITE_DIALOG (self));

  matches = G_LIST_MODEL (self->matches);
  for (guint i = 0; i < g_list_model_get_n_items (matches); i++)
    {
      g_autoptr(IccEvent) item = g_list_model_get_item (matches, i);

      if (item == event)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

IccStance
icc_cite_dialog_get_stance (IccCiteDialog *self)
{
  guint selected;

  g_return_val_if_fail (ICC_IS_CITE_DIALOG (self), ICC_STANCE_REPORTS);

  selected = gtk_drop_down_get_selected (self->stance);
  return selected <= ICC_STANCE_CONTEXT ? (IccStance)selected : ICC_STANCE_REPORTS;
}

void
icc_cite_dialog_set_stance (IccCiteDialog *self,
                            IccStance      stance)
{
  g_return_if_fail (ICC_IS_CITE_DIALOG (self));
  gtk_drop_down_set_selected (self->stance, stance);
}

char *
icc_cite_dialog_get_note (IccCiteDialog *self)
{
  g_autofree char *note = NULL;

  g_return_val_if_fail (ICC_IS_CITE_DIALOG (self), NULL);

  note = g_strstrip (g_strdup (gtk_editable_get_text (self->note)));
  return *note != '\0' ? g_steal_pointer (&note) : NULL;
}

gboolean
icc_cite_dialog_get_comment (IccCiteDialog *self)
{
  g_return_val_if_fail (ICC_IS_CITE_DIALOG (self), FALSE);

  return gtk_check_button_get_active (self->comment_check);
}

void
icc_cite_dialog_set_comment (IccCiteDialog *self,
                             gboolean       comment)
{
  g_return_if_fail (ICC_IS_CITE_DIALOG (self));

  gtk_check_button_set_active (self->comment_check, comment);
}

void
icc_cite_dialog_set_search (IccCiteDialog *self,
                            const char    *text)
{
  g_return_if_fail (ICC_IS_CITE_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search), text);
  /* At once, not after the entry's delay. */
  search_changed_cb (self, self->search);
}

GListModel *
icc_cite_dialog_get_matches (IccCiteDialog *self)
{
  g_return_val_if_fail (ICC_IS_CITE_DIALOG (self), NULL);
  return G_LIST_MODEL (self->matches);
}

void
icc_cite_dialog_show_error (IccCiteDialog *self,
                            const char    *message)
{
  g_return_if_fail (ICC_IS_CITE_DIALOG (self));

  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}
