/* icc-reader-article-list.c: the list of all articles, in a popover with
 * a search entry, from which an article opens
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "icc-reader-private.h"

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
  GtkSelectionModel *selection = gtk_list_view_get_model (self->articles_view);
  GListModel *articles = G_LIST_MODEL (self->articles_filter_model);
  guint n;

  gtk_editable_set_text (GTK_EDITABLE (self->articles_search), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->articles_search));

  /* The open article is the selected row. */
  n = g_list_model_get_n_items (articles);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (selection), GTK_INVALID_LIST_POSITION);
  for (guint i = 0; i < n && self->article != NULL; i++)
    {
      g_autoptr(IccArticle) article = g_list_model_get_item (articles, i);

      if (article == self->article)
        {
          gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (selection), i);
          break;
        }
    }
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

  /* Every row says the same things, known or not (issue 13). */
  if (icc_article_get_outlet (article) != NULL)
    g_string_append (line, icc_article_get_outlet (article));
  else
    g_string_append (line, _("Outlet not recorded"));
  g_string_append (line, " · ");
  if (icc_date_is_set (icc_article_get_date (article)))
    {
      g_autofree char *date = icc_date_format (icc_article_get_date (article));

      g_string_append (line, date);
    }
  else
    g_string_append (line, _("undated"));

  gtk_label_set_text (GTK_LABEL (title), icc_article_get_title (article));
  gtk_label_set_text (GTK_LABEL (meta), line->str);
}

/* Set up. */

void
_icc_reader_init_article_list (IccReader *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkSingleSelection *selection;

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
}

void
_icc_reader_class_init_article_list (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, articles_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, articles_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, articles_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, articles_view_activate_cb);
}
