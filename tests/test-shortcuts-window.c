/* test-shortcuts-window.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>
#include <locale.h>

#include "icc-shortcuts-window.h"

static void
collect_labels (GtkWidget *widget,
                GPtrArray *texts)
{
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts);
}

/* The group titled @title holds a shortcut titled @shortcut. */
static gboolean
group_has (GtkWidget  *widget,
           const char *title,
           const char *shortcut)
{
  if (GTK_IS_SHORTCUTS_GROUP (widget))
    {
      g_autofree char *group_title = NULL;

      g_object_get (widget, "title", &group_title, NULL);
      if (g_strcmp0 (group_title, title) != 0)
        return FALSE;

      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          g_autofree char *child_title = NULL;

          if (!GTK_IS_SHORTCUTS_SHORTCUT (child))
            continue;
          g_object_get (child, "title", &child_title, NULL);
          if (g_strcmp0 (child_title, shortcut) == 0)
            return TRUE;
        }
      return FALSE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (group_has (child, title, shortcut))
      return TRUE;

  return FALSE;
}

static void
test_page_keys (void)
{
  GtkShortcutsWindow *window = icc_shortcuts_window_new ();
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  /* Page Up/Down in the window step through membership changes: they are
   * navigation, not presentation (issue 13). */
  g_assert_true (group_has (GTK_WIDGET (window), "Navigation",
                            "Previous or next membership change"));
  g_assert_false (group_has (GTK_WIDGET (window), "Presentation",
                             "Previous or next membership change"));

  /* Key caps read as on a keyboard, never as key symbols. */
  collect_labels (GTK_WIDGET (window), texts);
  g_assert_true (g_ptr_array_find_with_equal_func (texts, "Page Up", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (texts, "Page Down", g_str_equal, NULL));
  g_assert_false (g_ptr_array_find_with_equal_func (texts, "Page_Up", g_str_equal, NULL));
  g_assert_false (g_ptr_array_find_with_equal_func (texts, "Page_Down", g_str_equal, NULL));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/shortcuts-window/page-keys", test_page_keys);

  return g_test_run ();
}
