/* icc-list-tab.c: Tab leaves a list in one step
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In GTK 4.8 a GtkListView or GtkColumnView is as many Tab stops as it has
 * rows: Tab walked the 196 rows of the state list one by one (issue 13).
 * GTK 4.12's gtk_list_view_set_tab_behavior() is what this stands in for:
 * the list is one stop, the arrows move inside it, and Tab or Shift+Tab
 * moves to the widget after or before it. The list remembers its focused
 * row, so coming back lands on it.
 *
 * How: for the time of one focus move, the list cannot take focus, so the
 * window's usual Tab chain, which starts from the focused row, skips
 * everything inside the list.
 */

#include "config.h"

#include "icc-list-tab.h"

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkWidget             *list)
{
  GtkDirectionType direction;
  GtkRoot *root;
  gboolean moved;

  if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    direction = (state & GDK_SHIFT_MASK) ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD;
  else if (keyval == GDK_KEY_ISO_Left_Tab)
    direction = GTK_DIR_TAB_BACKWARD;
  else
    return FALSE;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  root = gtk_widget_get_root (list);
  if (root == NULL)
    return FALSE;

  gtk_widget_set_can_focus (list, FALSE);
  moved = gtk_widget_child_focus (GTK_WIDGET (root), direction);
  gtk_widget_set_can_focus (list, TRUE);

  /* At the end of the chain, wrap around as GtkWindow does. */
  if (!moved)
    {
      gtk_widget_set_can_focus (list, FALSE);
      gtk_root_set_focus (root, NULL);
      moved = gtk_widget_child_focus (GTK_WIDGET (root), direction);
      gtk_widget_set_can_focus (list, TRUE);
    }

  return TRUE;
}

/**
 * icc_list_tab_leaves:
 * @list: a GtkListView, GtkColumnView or GtkGridView
 *
 * Makes @list a single Tab stop.
 */
void
icc_list_tab_leaves (GtkWidget *list)
{
  GtkEventController *controller;

  g_return_if_fail (GTK_IS_WIDGET (list));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), list);
  gtk_widget_add_controller (list, controller);
}
