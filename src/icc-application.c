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
#include "icc-country-names.h"
#include "icc-dataset-json.h"
#include "icc-presentation.h"
#include "icc-window.h"
#include "icc-window-private.h"

struct _IccApplication
{
  GtkApplication  parent_instance;

  GSettings      *settings;
  gboolean        recovery_offered;
  GThread        *preload;        /* loads the first window's dataset */
  guint           style_set : 1;  /* we set prefer-dark-theme */
};

G_DEFINE_FINAL_TYPE (IccApplication, icc_application, GTK_TYPE_APPLICATION)

static int
icc_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  return icc_cli_handle_local_options (app, options);
}

static IccDataset *
load_bundled (void)
{
  g_autoptr(GError) error = NULL;
  IccDataset *dataset = icc_dataset_load_bundled (&error);

  if (dataset == NULL)
    g_warning ("Could not load the bundled dataset: %s", error->message);

  return dataset;
}

/* Started once GTK is initialized (and with it the locale), it loads the
 * bundled dataset and iso-codes' names while the main thread builds the
 * first window. Nothing else sees the dataset until the thread is joined. */
static gpointer
preload_thread (gpointer data)
{
  IccDataset *dataset = load_bundled ();

  if (dataset != NULL)
    icc_country_names_apply (dataset);

  return dataset;
}

static IccWindow *
create_window (IccApplication *self)
{
  g_autoptr(IccDataset) dataset = NULL;
  IccWindow *window;

  /* The window's widgets do not need the dataset to be built. */
  window = icc_window_new (self, NULL);

  if (self->preload != NULL)
    dataset = g_thread_join (g_steal_pointer (&self->preload));
  else
    dataset = load_bundled ();
  icc_window_set_dataset (window, dataset);

  return window;
}

/* Once per process, in its first window: the unsaved edits a session that
 * crashed or was killed left in the recovery folder. */
static void
offer_recovery (IccApplication *self,
                IccWindow      *window)
{
  if (self->recovery_offered)
    return;

  self->recovery_offered = TRUE;
  icc_window_offer_recovery (window);
}

static void
icc_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (create_window (ICC_APPLICATION (app)));

  gtk_window_present (window);
  offer_recovery (ICC_APPLICATION (app), ICC_WINDOW (window));
}

/* One window per file. A window starts on the bundled dataset and keeps it
 * if the file cannot be loaded (the problems are shown in a dialog). */
static void
icc_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      IccWindow *window = create_window (ICC_APPLICATION (app));

      gtk_window_present (GTK_WINDOW (window));
      icc_window_open_file (window, files[i]);
      offer_recovery (ICC_APPLICATION (app), window);
    }
}

/* Style: light, dark or the system's. */

static void
apply_style (IccApplication *self)
{
  GtkSettings *gtk_settings = gtk_settings_get_default ();
  g_autofree char *style = g_settings_get_string (self->settings, "style");

  if (gtk_settings == NULL)
    return;

  if (g_strcmp0 (style, "dark") == 0 || g_strcmp0 (style, "light") == 0)
    {
      g_object_set (gtk_settings, "gtk-application-prefer-dark-theme",
                    g_strcmp0 (style, "dark") == 0, NULL);
      self->style_set = TRUE;
    }
  else if (self->style_set)
    {
      /* Resetting reloads the theme even when nothing changes: only undo
       * what we set (at start-up that is nothing, 9 ms saved). */
      gtk_settings_reset_property (gtk_settings, "gtk-application-prefer-dark-theme");
      self->style_set = FALSE;
    }
}

static void
style_changed_cb (IccApplication *self,
                  const char     *key,
                  GSettings      *settings)
{
  apply_style (self);
}

/* Actions. */

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (app));

  /* Close rather than quit, so that each window saves its geometry. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);

  g_list_free (windows);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *authors[] = { "The ICC Tracker Authors", NULL };

  gtk_show_about_dialog (gtk_application_get_active_window (app),
                         "program-name", _("ICC Tracker"),
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("States and the International Criminal Court, "
                                       "event by event, with the articles that report them"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", authors,
                         /* TRANSLATORS: your name(s), one per line. */
                         "translator-credits", _("translator-credits"),
                         "copyright", "© 2026 The ICC Tracker Authors",
                         NULL);
}

static void
present_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *active = gtk_application_get_active_window (app);
  IccPresentation *presentation;

  /* Already presenting (or the notes window is active). */
  if (!ICC_IS_WINDOW (active) || icc_window_get_dataset (ICC_WINDOW (active)) == NULL)
    return;

  presentation = icc_presentation_new (app, icc_window_get_dataset (ICC_WINDOW (active)),
                                       icc_window_get_focus (ICC_WINDOW (active)));
  icc_presentation_set_opener (presentation, active);
  icc_presentation_start (presentation, NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "present", present_action },
};

static const struct {
  const char *action;
  const char *accels[3];
} accels[] = {
  { "win.open", { "<Control>o", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Shift><Control>s", NULL } },
  { "win.find", { "<Control>f", NULL } },
  { "win.go-to-date", { "<Control>g", NULL } },
  { "win.new-event", { "<Control>n", NULL } },
  { "win.edit-event", { "<Control>e", NULL } },
  { "win.import-article", { "<Control>i", NULL } },
  { "win.paste-article", { "<Shift><Control>v", NULL } },
  { "win.cite-selection", { "<Control>t", NULL } },
  { "win.add-to-tour", { "<Control>d", NULL } },
  { "win.edit-tours", { "<Shift><Control>t", NULL } },
  { "win.search-states", { "<Control>k", NULL } },
  { "win.show-map", { "<Control>m", NULL } },
  { "win.next-pane", { "F6", NULL } },
  { "win.previous-pane", { "<Shift>F6", NULL } },
  { "win.previous-citation", { "<Alt>Up", NULL } },
  { "win.next-citation", { "<Alt>Down", NULL } },
  { "win.article-outline", { "<Shift><Control>a", NULL } },
  { "win.show-legend", { "<Shift><Control>l", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "app.present", { "F5", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
};

static void
icc_application_startup (GApplication *app)
{
  IccApplication *self = ICC_APPLICATION (app);
  g_autoptr(GAction) style_action = NULL;
  g_autoptr(GAction) speed_action = NULL;
  g_autoptr(GtkCssProvider) provider = NULL;

  G_APPLICATION_CLASS (icc_application_parent_class)->startup (app);

  self->preload = g_thread_new ("icc-preload", preload_thread, NULL);

  gtk_window_set_default_icon_name (APP_ID);

  /* GtkApplication loads menus and the help overlay from resource-base-path,
   * but not style.css (libadwaita does; we do not use it). */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/org/example/IccTracker/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);

  self->settings = g_settings_new (APP_ID);
  style_action = g_settings_create_action (self->settings, "style");
  g_action_map_add_action (G_ACTION_MAP (app), style_action);
  /* Radio items of "Play Speed" in the main menu; players follow the key. */
  speed_action = g_settings_create_action (self->settings, "presentation-play-speed");
  g_action_map_add_action (G_ACTION_MAP (app), speed_action);
  g_signal_connect_object (self->settings, "changed::style",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  apply_style (self);
}

static void
icc_application_shutdown (GApplication *app)
{
  IccApplication *self = ICC_APPLICATION (app);

  /* Started up without a window (a command line that only exports). */
  if (self->preload != NULL)
    {
      IccDataset *dataset = g_thread_join (g_steal_pointer (&self->preload));

      g_clear_object (&dataset);
    }
  g_clear_object (&self->settings);

  G_APPLICATION_CLASS (icc_application_parent_class)->shutdown (app);
}

static void
icc_application_class_init (IccApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->handle_local_options = icc_application_handle_local_options;
  app_class->activate = icc_application_activate;
  app_class->open = icc_application_open;
  app_class->startup = icc_application_startup;
  app_class->shutdown = icc_application_shutdown;
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
