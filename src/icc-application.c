/* icc-application.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "icc-application.h"
#include "icc-cli.h"
#include "icc-dataset-json.h"
#include "icc-window.h"

struct _IccApplication
{
  GtkApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (IccApplication, icc_application, GTK_TYPE_APPLICATION)

static int
icc_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  return icc_cli_handle_local_options (app, options);
}

static void
icc_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IccDataset) dataset = icc_dataset_load_bundled (&error);

      if (dataset == NULL)
        g_warning ("%s", error->message);
      window = GTK_WINDOW (icc_window_new (ICC_APPLICATION (app), dataset));
    }

  gtk_window_present (window);
}

static void
icc_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IccDataset) dataset = icc_dataset_load_file (files[i], NULL, NULL, &error);
      IccWindow *window = icc_window_new (ICC_APPLICATION (app), dataset);

      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
icc_application_class_init (IccApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->handle_local_options = icc_application_handle_local_options;
  app_class->activate = icc_application_activate;
  app_class->open = icc_application_open;
}

static void
icc_application_init (IccApplication *self)
{
  icc_cli_add_main_options (G_APPLICATION (self));
}

IccApplication *
icc_application_new (void)
{
  return g_object_new (ICC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/example/IccTracker",
                       NULL);
}
