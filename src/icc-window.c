/* icc-window.c: a stand-in until the window issue lands.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "icc-window.h"

struct _IccWindow
{
  GtkApplicationWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (IccWindow, icc_window, GTK_TYPE_APPLICATION_WINDOW)

static void
icc_window_class_init (IccWindowClass *klass)
{
}

static void
icc_window_init (IccWindow *self)
{
}

IccWindow *
icc_window_new (IccApplication *application,
                IccDataset     *dataset)
{
  IccWindow *self = g_object_new (ICC_TYPE_WINDOW, "application", application, NULL);
  GtkWidget *label = gtk_label_new (dataset != NULL ? icc_dataset_get_title (dataset)
                                                    : _("No dataset"));

  gtk_window_set_title (GTK_WINDOW (self), _("ICC Tracker"));
  gtk_window_set_default_size (GTK_WINDOW (self), 800, 600);
  gtk_window_set_child (GTK_WINDOW (self), label);

  return self;
}
