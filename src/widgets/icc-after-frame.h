/* icc-after-frame.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _IccAfterFrame IccAfterFrame;

typedef void (*IccAfterFrameFunc) (GtkWidget *widget);

IccAfterFrame *icc_after_frame_new  (GtkWidget         *widget,
                                     IccAfterFrameFunc  callback);
void           icc_after_frame_free (IccAfterFrame     *self);

G_END_DECLS
