/* icc-shortcuts-window.c: the keyboard shortcuts window
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "icc-shortcuts-window.h"
#include "icc-ui-resources.h"

/* GTK 4.8's GtkShortcutLabel names Page Up and Page Down by its own
 * "keyboard label" strings, whose English is the key's symbol ("Page_Up");
 * no spelling of the accelerator ("Prior", "KP_Page_Up") renders otherwise.
 * Where GTK has no translation of them, the caps get ours. */
static void
relabel_keys (GtkWidget *widget)
{
  static const struct {
    const char *symbol;
    const char *label;
  } keys[] = {
    /* Translators: a key cap in the keyboard shortcuts window */
    { "Page_Up", NC_("keyboard label", "Page Up") },
    /* Translators: a key cap in the keyboard shortcuts window */
    { "Page_Down", NC_("keyboard label", "Page Down") },
  };

  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        {
          const char *gtk_label = g_dpgettext2 ("gtk40", "keyboard label", keys[i].symbol);

          if (g_str_equal (text, keys[i].symbol) && g_str_equal (gtk_label, keys[i].symbol))
            {
              /* Frees @text. */
              gtk_label_set_text (GTK_LABEL (widget),
                                  g_dpgettext2 (GETTEXT_PACKAGE, "keyboard label",
                                                keys[i].label));
              break;
            }
        }
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    relabel_keys (child);
}

GtkShortcutsWindow *
icc_shortcuts_window_new (void)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GtkShortcutsWindow *window;

  /* The resources live in a static library: referencing them links them in. */
  (void)icc_ui_resources_get_resource ();

  builder = gtk_builder_new_from_resource ("/org/example/IccTracker/ui/icc-shortcuts-window.ui");
  window = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
  relabel_keys (GTK_WIDGET (window));

  return window;
}
