/* icc-article-editor.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "icc-article-editor.h"

/* A small form built in C: one entry per field, the date checked as typed,
 * the Save action enabled only for valid fields. */

struct _IccArticleEditor
{
  GtkWindow    parent_instance;

  IccArticle  *article;

  GtkEditable *title;
  GtkEditable *outlet;
  GtkEditable *author;
  GtkEditable *date;
  GtkEditable *url;
  GtkEditable *edit_note;
  GtkLabel    *message;
};

enum {
  CONFIRMED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (IccArticleEditor, icc_article_editor, GTK_TYPE_WINDOW)

static void
icc_article_editor_dispose (GObject *object)
{
  IccArticleEditor *self = (IccArticleEditor *)object;

  g_clear_object (&self->article);

  G_OBJECT_CLASS (icc_article_editor_parent_class)->dispose (object);
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  IccArticleEditor *self = ICC_ARTICLE_EDITOR (widget);
  g_autoptr(IccArticle) draft = NULL;
  g_autoptr(GError) error = NULL;

  draft = icc_article_editor_get_draft (self, &error);
  if (draft == NULL)
    {
      icc_article_editor_show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[CONFIRMED], 0, draft);
}

static void
icc_article_editor_class_init (IccArticleEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icc_article_editor_dispose;

  signals [CONFIRMED] =
    g_signal_new ("confirmed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ICC_TYPE_ARTICLE);

  gtk_widget_class_install_action (widget_class, "article-editor.confirm", NULL, confirm_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "article-editor.confirm", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "article-editor.confirm", NULL);
}

static void
icc_article_editor_init (IccArticleEditor *self)
{
}

/* The date field: empty, or a date as the data format writes it. */
static gboolean
read_date (IccArticleEditor  *self,
           IccDate           *date,
           GError           **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (self->date)));
  g_autoptr(GError) parse_error = NULL;

  icc_date_clear (date);
  if (*text == '\0')
    return TRUE;

  if (!icc_date_parse (text, date, &parse_error))
    {
      /* TRANSLATORS: %s is what the user typed as a date. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a date: type it as 2016-11-16, 2016-11 or 2016."), text);
      return FALSE;
    }

  return TRUE;
}

static void
fields_changed_cb (IccArticleEditor *self)
{
  g_autoptr(IccArticle) draft = NULL;
  g_autoptr(GError) error = NULL;

  draft = icc_article_editor_get_draft (self, &error);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "article-editor.confirm", draft != NULL);
  icc_article_editor_show_error (self, error != NULL ? error->message : NULL);
}

static GtkEditable *
add_field (IccArticleEditor *self,
           GtkGrid          *grid,
           int               row,
           const char       *mnemonic,
           const char       *value)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), value != NULL ? value : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  g_signal_connect_object (entry, "changed", G_CALLBACK (fields_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, entry, 1, row, 1, 1);

  return GTK_EDITABLE (entry);
}

GtkWidget *
icc_article_editor_new (GtkWindow  *parent,
                        IccArticle *article)
{
  IccArticleEditor *self;
  GtkWidget *box, *grid, *header, *cancel, *save;
  g_autofree char *date = NULL;

  g_return_val_if_fail (ICC_IS_ARTICLE (article), NULL);

  self = g_object_new (ICC_TYPE_ARTICLE_EDITOR,
                       "transient-for", parent,
                       "modal", TRUE,
                       "destroy-with-parent", TRUE,
                       "title", _("Edit Article"),
                       "default-width", 520,
                       NULL);
  self->article = g_object_ref (article);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_window_set_child (GTK_WINDOW (self), box);

  self->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message, TRUE);
  gtk_label_set_xalign (self->message, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->message));

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_box_append (GTK_BOX (box), grid);

  if (icc_date_is_set (icc_article_get_date (article)))
    date = icc_date_to_iso (icc_article_get_date (article));

  self->title = add_field (self, GTK_GRID (grid), 0, _("_Title"), icc_article_get_title (article));
  self->outlet = add_field (self, GTK_GRID (grid), 1, _("_Outlet"), icc_article_get_outlet (article));
  self->author = add_field (self, GTK_GRID (grid), 2, _("_Author"), icc_article_get_author (article));
  self->date = add_field (self, GTK_GRID (grid), 3, _("_Date"), date);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->date), _("2016-11-16, 2016-11 or 2016"));
  self->url = add_field (self, GTK_GRID (grid), 4, _("_Web address"), icc_article_get_url (article));
  self->edit_note = add_field (self, GTK_GRID (grid), 5, _("_Left out"),
                               icc_article_get_edit_note (article));
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->edit_note),
                                  _("What was removed from the text as published"));

  header = gtk_header_bar_new ();
  gtk_header_bar_set_show_title_buttons (GTK_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), cancel);
  save = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "article-editor.confirm");
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), save);
  gtk_window_set_titlebar (GTK_WINDOW (self), header);
  gtk_window_set_default_widget (GTK_WINDOW (self), save);

  gtk_widget_grab_focus (GTK_WIDGET (self->title));

  return GTK_WIDGET (self);
}

IccArticle *
icc_article_editor_get_article (IccArticleEditor *self)
{
  g_return_val_if_fail (ICC_IS_ARTICLE_EDITOR (self), NULL);
  return self->article;
}

static char *
field_text (GtkEditable *field)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (field)));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

IccArticle *
icc_article_editor_get_draft (IccArticleEditor  *self,
                              GError           **error)
{
  g_autoptr(IccArticle) draft = NULL;
  g_autofree char *title = NULL;
  g_autofree char *outlet = NULL;
  g_autofree char *author = NULL;
  g_autofree char *url = NULL;
  g_autofree char *edit_note = NULL;
  IccDate date;

  g_return_val_if_fail (ICC_IS_ARTICLE_EDITOR (self), NULL);

  title = field_text (self->title);
  if (title == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("An article needs a title."));
      return NULL;
    }

  if (!read_date (self, &date, error))
    return NULL;

  outlet = field_text (self->outlet);
  author = field_text (self->author);
  url = field_text (self->url);
  edit_note = field_text (self->edit_note);

  draft = icc_article_new (icc_article_get_id (self->article));
  icc_article_set_title (draft, title);
  icc_article_set_outlet (draft, outlet);
  icc_article_set_author (draft, author);
  icc_article_set_date (draft, icc_date_is_set (&date) ? &date : NULL);
  icc_article_set_url (draft, url);
  icc_article_set_edit_note (draft, edit_note);

  return g_steal_pointer (&draft);
}

void
icc_article_editor_show_error (IccArticleEditor *self,
                               const char       *message)
{
  g_return_if_fail (ICC_IS_ARTICLE_EDITOR (self));

  gtk_label_set_text (self->message, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), message != NULL);
}
