/* icc-scroll-animations.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "icc-scroll-animations.h"

/* A workaround for a GTK bug (4.8 to at least 4.20): when a GtkScrolledWindow
 * is unmapped while one of its adjustments is animating a scroll (as
 * gtk_text_view_scroll_to_mark() does), gtk_adjustment_enable_animation()
 * sets the adjustment to the animation's target, and a "value-changed"
 * handler can end the animation there (GtkTextView's does, when a scroll to a
 * mark is pending), disconnecting the frame-clock handler; GtkAdjustment
 * then disconnects the same handler again, by id 0:
 * "g_signal_handler_disconnect: assertion 'handler_id > 0' failed". Harmless
 * in use, but fatal in tests (G_DEBUG=fatal-warnings): it was test-window's
 * flake, about one run in seven, when a window closed while its reader
 * scrolled.
 *
 * Setting an adjustment to its own value ends its animation cleanly, without
 * emitting "value-changed". Called by the toplevels on unmap, before their
 * children are unmapped. */

static void
stop_adjustment (GtkAdjustment *adjustment)
{
  if (adjustment != NULL)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment));
}

/**
 * icc_stop_scroll_animations:
 * @widget: a widget
 *
 * Ends the scroll animations of every scrolled window in @widget and its
 * descendants, where they are (see above).
 */
void
icc_stop_scroll_animations (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (GTK_IS_SCROLLED_WINDOW (widget))
    {
      stop_adjustment (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (widget)));
      stop_adjustment (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (widget)));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    icc_stop_scroll_animations (child);
}
