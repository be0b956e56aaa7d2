/* icc-test-widgets.h: finding widgets in tests that need a display.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <string.h>

/* The first widget of @type in the tree under @widget (itself included),
 * depth first, or NULL. */
static inline GtkWidget *
find_child (GtkWidget *widget,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Whether a GtkLabel under @widget (itself included) has @text in it,
 * shown or not. */
static inline gboolean
has_label_containing (GtkWidget  *widget,
                      const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label_containing (child, text))
      return TRUE;

  return FALSE;
}

/* Whether a label showing (visible, in a revealed child) has @text in it. */
static inline gboolean
label_text_shown (GtkWidget  *widget,
                  const char *text)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if (GTK_IS_REVEALER (widget) && !gtk_revealer_get_reveal_child (GTK_REVEALER (widget)))
    return FALSE;
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (label_text_shown (child, text))
      return TRUE;

  return FALSE;
}
