/* icc-after-frame.c: work that can wait until a widget's frame is on screen.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * icc_after_frame_new() calls back once the widget has been mapped and its
 * frame clock has painted a frame, from an idle after that frame, so that
 * the work is not part of it. A new window uses it to show itself first and
 * fill what its first frame does not need right after. Freeing the handle
 * cancels the call: owners free it in dispose, and in the callback, which
 * may free it (the handle is not used once the callback runs).
 */

#include "config.h"

#include "icc-after-frame.h"

struct _IccAfterFrame
{
  GtkWidget         *widget;    /* unowned: the owner frees us first */
  IccAfterFrameFunc  callback;
  GdkFrameClock     *clock;     /* owned while waiting for its paint */
  gulong             map_id;
  gulong             unmap_id;
  gulong             paint_id;
  guint              idle_id;
};

static gboolean
idle_cb (gpointer data)
{
  IccAfterFrame *self = data;

  self->idle_id = 0;
  /* May free self. */
  self->callback (self->widget);

  return G_SOURCE_REMOVE;
}

static void
stop_waiting_for_paint (IccAfterFrame *self)
{
  if (self->clock != NULL)
    g_clear_signal_handler (&self->paint_id, self->clock);
  g_clear_object (&self->clock);
}

static void
after_paint_cb (GdkFrameClock *clock,
                IccAfterFrame *self)
{
  stop_waiting_for_paint (self);
  g_clear_signal_handler (&self->map_id, self->widget);
  g_clear_signal_handler (&self->unmap_id, self->widget);

  /* Below GTK's relayout and redraw: the frame has gone out by then. */
  self->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, idle_cb, self, NULL);
}

static void
map_cb (GtkWidget     *widget,
        IccAfterFrame *self)
{
  if (self->clock != NULL)
    return;

  self->clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  self->paint_id = g_signal_connect (self->clock, "after-paint",
                                     G_CALLBACK (after_paint_cb), self);
}

/* Unmapped before its frame: wait for the next map (and its clock). */
static void
unmap_cb (GtkWidget     *widget,
          IccAfterFrame *self)
{
  stop_waiting_for_paint (self);
}

/* Calls @callback with @widget once @widget is mapped and its frame has been
 * painted, from an idle. Free the result with icc_after_frame_free() to
 * cancel, at the latest when @widget is disposed. */
IccAfterFrame *
icc_after_frame_new (GtkWidget         *widget,
                     IccAfterFrameFunc  callback)
{
  IccAfterFrame *self;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (callback != NULL, NULL);

  self = g_new0 (IccAfterFrame, 1);
  self->widget = widget;
  self->callback = callback;
  self->map_id = g_signal_connect (widget, "map", G_CALLBACK (map_cb), self);
  self->unmap_id = g_signal_connect (widget, "unmap", G_CALLBACK (unmap_cb), self);

  if (gtk_widget_get_mapped (widget))
    map_cb (widget, self);

  return self;
}

void
icc_after_frame_free (IccAfterFrame *self)
{
  if (self == NULL)
    return;

  stop_waiting_for_paint (self);
  g_clear_signal_handler (&self->map_id, self->widget);
  g_clear_signal_handler (&self->unmap_id, self->widget);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_free (self);
}
