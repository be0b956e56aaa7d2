/* icc-window-panes.c: moving between the window's panes, and the reader's
 * keys from anywhere in the window (issue 13)
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * F6 and Shift+F6 (win.next-pane, win.previous-pane) move the keyboard focus
 * to the next or previous pane: the states (list or map), the timeline, the
 * event and the article. A pane gets back the widget that last had the focus
 * in it, or its first one; the focus is shown (as after Tab), and a folded
 * window shows the pane it moves to. GtkPaned's own F6 only cycles the
 * children of the innermost paned, and hid the focused row of the event list
 * under its heading.
 *
 * Shift+Ctrl+L (win.show-legend) opens the legend of colours and shapes.
 *
 * Alt+Up and Alt+Down (win.previous-citation, win.next-citation) and
 * Shift+Ctrl+A (win.article-outline, "In This Article") act on the reader
 * wherever the focus is.
 */

#include "config.h"

#include "icc-legend.h"
#include "icc-window-private.h"

typedef enum {
  PANE_STATES,
  PANE_TIMELINE,
  PANE_EVENT,
  PANE_ARTICLE,
  N_PANES
} Pane;

static GtkWidget *
pane_widget (IccWindow *self,
             Pane       pane)
{
  switch (pane)
    {
    case PANE_STATES:
      return gtk_stack_get_visible_child (self->sidebar_stack);
    case PANE_TIMELINE:
      return GTK_WIDGET (self->timeline_box);
    case PANE_EVENT:
      return GTK_WIDGET (self->event_panel);
    case PANE_ARTICLE:
      return GTK_WIDGET (self->reader);
    case N_PANES:
    default:
      g_assert_not_reached ();
    }
}

/* The pane holding @widget, or -1. */
static int
pane_of (IccWindow *self,
         GtkWidget *widget)
{
  for (Pane pane = 0; widget != NULL && pane < N_PANES; pane++)
    {
      GtkWidget *pane_root = pane_widget (self, pane);

      if (pane_root != NULL && (widget == pane_root || gtk_widget_is_ancestor (widget, pane_root)))
        return pane;
    }

  return -1;
}

/* Remembers the focused widget of each pane, to give it back. */
static void
focus_widget_changed_cb (IccWindow  *self,
                         GParamSpec *pspec,
                         gpointer    unused)
{
  GtkWidget *focused = gtk_window_get_focus (GTK_WINDOW (self));
  int pane = pane_of (self, focused);

  if (pane >= 0)
    g_set_weak_pointer (&self->pane_focus[pane], focused);
}

/* The first list or text view shown in @widget, depth first. */
static GtkWidget *
main_widget (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;

  if (GTK_IS_LIST_VIEW (widget) || GTK_IS_COLUMN_VIEW (widget) || GTK_IS_TEXT_VIEW (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = main_widget (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
focus_pane (IccWindow *self,
            Pane       pane)
{
  GtkWidget *root = pane_widget (self, pane);
  GtkWidget *last = self->pane_focus[pane];

  if (root == NULL)
    return FALSE;

  /* Folded: show the pane first. */
  if (pane == PANE_EVENT || pane == PANE_ARTICLE)
    icc_fold_pane_set_visible_child (self->detail_pane, root);

  if (!gtk_widget_get_mapped (root) || !gtk_widget_is_sensitive (root))
    return FALSE;

  gtk_window_set_focus_visible (GTK_WINDOW (self), TRUE);

  if (last != NULL && gtk_widget_get_mapped (last) && gtk_widget_is_ancestor (last, root) &&
      gtk_widget_grab_focus (last))
    return TRUE;

  /* Its main list or text, else its first focusable widget. A title would
   * come first, and a selectable label selects all its text on focus. */
  if ((last = main_widget (root)) != NULL && gtk_widget_grab_focus (last))
    return TRUE;
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  return gtk_widget_child_focus (root, GTK_DIR_TAB_FORWARD);
}

static void
move_pane (IccWindow *self,
           int        direction)
{
  int current = pane_of (self, gtk_window_get_focus (GTK_WINDOW (self)));

  if (current < 0)
    current = direction > 0 ? N_PANES - 1 : 0;

  for (int i = 1; i <= N_PANES; i++)
    {
      Pane pane = (current + direction * i + N_PANES * 2) % N_PANES;

      /* Folded, the event and the article take turns in one place: both are
       * stops, the one shown first. */
      if (focus_pane (self, pane))
        return;
    }
}

/**
 * _icc_window_focused_pane:
 *
 * Returns: the index of the pane holding the focus (0 states, 1 timeline,
 *   2 event, 3 article), or -1. For tests.
 */
int
_icc_window_focused_pane (IccWindow *self)
{
  return pane_of (self, gtk_window_get_focus (GTK_WINDOW (self)));
}

static void
next_pane_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  move_pane (user_data, 1);
}

static void
previous_pane_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  move_pane (user_data, -1);
}

/* The reader's keys, from anywhere. */

static void
reader_action (IccWindow  *self,
               const char *name)
{
  icc_fold_pane_set_visible_child (self->detail_pane, GTK_WIDGET (self->reader));
  gtk_widget_activate_action (GTK_WIDGET (self->reader), name, NULL);
}

static void
previous_citation_action (GSimpleAction *action,
                          GVariant      *param,
                          gpointer       user_data)
{
  reader_action (user_data, "reader.previous-citation");
}

static void
next_citation_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  reader_action (user_data, "reader.next-citation");
}

static void
article_outline_action (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  reader_action (user_data, "reader.show-outline");
}

/* The legend is built the first time it is shown, not with the window. */
static void
legend_popover_show_cb (IccWindow  *self,
                        GtkPopover *popover)
{
  if (gtk_popover_get_child (popover) == NULL)
    gtk_popover_set_child (popover, icc_legend_new ());
}

static void
show_legend_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  IccWindow *self = user_data;

  gtk_menu_button_popup (self->legend_button);
}

static const GActionEntry pane_actions[] = {
  { "show-legend", show_legend_action },
  { "next-pane", next_pane_action },
  { "previous-pane", previous_pane_action },
  { "previous-citation", previous_citation_action },
  { "next-citation", next_citation_action },
  { "article-outline", article_outline_action },
};

void
_icc_window_panes_init (IccWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), pane_actions,
                                   G_N_ELEMENTS (pane_actions), self);
  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (focus_widget_changed_cb), NULL);
  g_signal_connect_object (self->legend_popover, "show", G_CALLBACK (legend_popover_show_cb),
                           self, G_CONNECT_SWAPPED);
}

void
_icc_window_panes_dispose (IccWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->pane_focus); i++)
    g_clear_weak_pointer (&self->pane_focus[i]);
}
