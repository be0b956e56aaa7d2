/* icc-window-actions.c: the window's actions (win.open, win.save, win.export…)
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "icc-changes.h"
#include "icc-changes-dialog.h"
#include "icc-dataset-json.h"
#include "icc-file-replace.h"
#include "icc-export-handout.h"
#include "icc-export-image.h"
#include "icc-export-map.h"
#include "icc-export-timelinejs.h"
#include "icc-reader.h"
#include "icc-shortcuts-window.h"
#include "icc-state-list.h"
#include "icc-window-private.h"

static void
add_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) datasets = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (datasets, _("ICC Tracker Datasets"));
  gtk_file_filter_add_mime_type (datasets, "application/x-icc-tracker+json");
  gtk_file_filter_add_mime_type (datasets, "application/json");
  gtk_file_filter_add_suffix (datasets, "json");
  gtk_file_chooser_add_filter (chooser, datasets);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
}

/* The window's one file chooser (opening, saving or exporting): modal, and
 * destroyed with the window. The caller sets it up, then shows it. */
static GtkFileChooser *
start_chooser (IccWindow            *self,
               const char           *title,
               GtkFileChooserAction  action,
               const char           *accept_label,
               GCallback             response_cb)
{
  g_assert (self->chooser == NULL);

  self->chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action,
                                               accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", response_cb, self, G_CONNECT_SWAPPED);

  return GTK_FILE_CHOOSER (self->chooser);
}

static void
open_response_cb (IccWindow            *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        icc_window_open_file (self, file);
    }

  g_clear_object (&self->chooser);
}

static void
open_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  IccWindow *self = user_data;
  GtkFileChooser *chooser;

  if (self->chooser != NULL)
    return;

  chooser = start_chooser (self, _("Open a Dataset"), GTK_FILE_CHOOSER_ACTION_OPEN,
                           _("_Open"), G_CALLBACK (open_response_cb));
  add_filters (chooser);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
save_as_response_cb (IccWindow            *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT && self->dataset != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        icc_window_save_to_file (self, file);
    }

  g_clear_object (&self->chooser);
}

static void
save_as_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  IccWindow *self = user_data;
  GtkFileChooser *chooser;
  GFile *current;

  if (self->chooser != NULL || self->dataset == NULL)
    return;

  chooser = start_chooser (self, _("Save the Dataset"), GTK_FILE_CHOOSER_ACTION_SAVE,
                           _("_Save"), G_CALLBACK (save_as_response_cb));
  add_filters (chooser);

  current = icc_dataset_get_file (self->dataset);
  if (current != NULL)
    gtk_file_chooser_set_file (chooser, current, NULL);
  else
    /* TRANSLATORS: the suggested file name of a saved dataset. */
    gtk_file_chooser_set_current_name (chooser, _("dataset.icc.json"));

  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
save_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  IccWindow *self = user_data;
  GFile *file;

  if (self->dataset == NULL)
    return;

  /* The bundled dataset has no file of its own. */
  file = icc_dataset_get_file (self->dataset);
  if (file == NULL || !g_file_is_native (file))
    save_as_action (NULL, NULL, self);
  else
    icc_window_save_to_file (self, file);
}

static void
find_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  IccWindow *self = user_data;

  icc_reader_set_search_mode (self->reader, TRUE);
}

static void
search_states_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  IccWindow *self = user_data;

  gtk_widget_grab_focus (GTK_WIDGET (self->state_list));
}

static void
play_change_state (GSimpleAction *action,
                   GVariant      *state,
                   gpointer       user_data)
{
  IccWindow *self = user_data;

  if (self->player != NULL)
    icc_player_set_playing (self->player, g_variant_get_boolean (state));

  /* The player may refuse to start (a dataset without membership changes). */
  g_simple_action_set_state (action,
                             g_variant_new_boolean (self->player != NULL &&
                                                    icc_player_get_playing (self->player)));
}

static void
step_change_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  IccWindow *self = user_data;

  if (self->player != NULL)
    icc_player_step (self->player, g_variant_get_int32 (param));
}

typedef struct
{
  const char *kind;       /* the target of win.export */
  const char *extension;
  const char *mime_type;
} ExportKind;

static const ExportKind export_kinds[] = {
  { "png", ".png", "image/png" },
  { "svg", ".svg", "image/svg+xml" },
  { "pdf", ".pdf", "application/pdf" },
  { "handout", ".pdf", "application/pdf" },
  { "timelinejs", ".json", "application/json" },
  { "map", ".png", "image/png" },
  { "world-state-csv", ".csv", "text/csv" },
};

/* The export dialog's checks of what a timeline image leaves out unless
 * asked: their choice ids, and the flags they stand for. The window keeps
 * the last ones checked, for the next export. */
#define EXPORT_SHOW_KEY "icc-export-show"

static const struct
{
  const char    *id;
  IccExportShow  flag;
} export_show_choices[] = {
  { "icc-show-today", ICC_EXPORT_SHOW_TODAY },
  { "icc-show-cursor", ICC_EXPORT_SHOW_CURSOR },
  { "icc-show-overview", ICC_EXPORT_SHOW_OVERVIEW },
};

static void
add_export_show_choices (IccWindow      *self,
                         GtkFileChooser *chooser)
{
  guint show = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self), EXPORT_SHOW_KEY));
  /* The file chooser shows a choice's label as it is: no mnemonics. */
  const char *labels[] = {
    /* Translators: a check of the timeline's export dialog: the line
     * marking the current day. */
    _("Include Today"),
    /* Translators: a check of the timeline's export dialog: the cursor's
     * line and date. */
    _("Include the cursor"),
    /* Translators: a check of the timeline's export dialog: the strip of
     * the whole timeline under the lanes. */
    _("Include the overview strip"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (export_show_choices); i++)
    {
      gtk_file_chooser_add_choice (chooser, export_show_choices[i].id, labels[i], NULL, NULL);
      gtk_file_chooser_set_choice (chooser, export_show_choices[i].id,
                                   show & export_show_choices[i].flag ? "true" : "false");
    }
}

static void
save_export_show_choices (IccWindow      *self,
                          GtkFileChooser *chooser)
{
  guint show = 0;

  for (guint i = 0; i < G_N_ELEMENTS (export_show_choices); i++)
    if (g_strcmp0 (gtk_file_chooser_get_choice (chooser, export_show_choices[i].id),
                   "true") == 0)
      show |= export_show_choices[i].flag;

  g_object_set_data (G_OBJECT (self), EXPORT_SHOW_KEY, GUINT_TO_POINTER (show));
}

static const ExportKind *
lookup_export_kind (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (export_kinds); i++)
    if (g_str_equal (export_kinds[i].kind, kind))
      return &export_kinds[i];

  return NULL;
}

/* A name without an extension gets the one of the chosen kind ("slide" →
 * "slide.svg"); a name with one keeps it, and the image format follows it:
 * what the user typed wins. */
static GFile *
file_with_extension (GFile            *file,
                     const ExportKind *kind)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GFile) parent = NULL;
  g_autofree char *named = NULL;

  if (name == NULL || strrchr (name, '.') != NULL)
    return g_object_ref (file);

  parent = g_file_get_parent (file);
  if (parent == NULL)
    return g_object_ref (file);

  named = g_strconcat (name, kind->extension, NULL);

  return g_file_get_child (parent, named);
}

gboolean
icc_window_export_to_file (IccWindow   *self,
                           const char  *kind,
                           GFile       *file,
                           GError     **error)
{
  const ExportKind *export_kind;
  g_autoptr(GFile) target = NULL;
  g_autofree char *name = NULL;
  IccExportFormat format;

  g_return_val_if_fail (ICC_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (self->dataset != NULL, FALSE);

  export_kind = lookup_export_kind (kind);
  g_return_val_if_fail (export_kind != NULL, FALSE);
  target = file_with_extension (file, export_kind);

  /* The events chosen in the export dialog (all, when not from it). */
  if (g_str_equal (kind, "timelinejs"))
    {
      const char *choice = g_object_get_data (G_OBJECT (self), ICC_EXPORT_TIMELINEJS_CHOICE);

      return icc_export_timelinejs_to_file_for_choice (self->dataset, choice,
                                                       icc_timeline_get_start (self->timeline),
                                                       icc_timeline_get_end (self->timeline),
                                                       target, error);
    }

  if (g_str_equal (kind, "handout"))
    return icc_export_handout_to_pdf (self->dataset, NULL, target, NULL, error);

  /* The list as it stands on the cursor's date, for a spreadsheet. */
  if (g_str_equal (kind, "world-state-csv"))
    {
      g_autofree char *csv = icc_world_to_csv (self->world);

      return icc_file_replace_contents (target, csv, strlen (csv), NULL, error);
    }

  name = g_file_get_basename (target);
  if (!icc_export_format_from_filename (name, &format, error))
    return FALSE;

  if (g_str_equal (kind, "map"))
    return icc_export_map (self->dataset, icc_focus_get_date (self->focus),
                           ICC_EXPORT_MAP_WIDTH, ICC_EXPORT_MAP_HEIGHT, 2, format, target, error);

  /* With what the export dialog's checks last asked for; the cursor on
   * the window's date. */
  return icc_export_timeline_full (self->dataset,
                                   icc_timeline_get_start (self->timeline),
                                   icc_timeline_get_end (self->timeline),
                                   1280, 720, 2,
                                   GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self),
                                                                        EXPORT_SHOW_KEY)),
                                   icc_date_get_day (icc_focus_get_date (self->focus)),
                                   format, target, error);
}

IccPlayer *
icc_window_get_player (IccWindow *self)
{
  g_return_val_if_fail (ICC_IS_WINDOW (self), NULL);

  return self->player;
}

static void
export_response_cb (IccWindow            *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const char *kind = g_object_get_data (G_OBJECT (chooser), "icc-export-kind");

  if (response == GTK_RESPONSE_ACCEPT && self->dataset != NULL)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (g_strcmp0 (kind, "timelinejs") == 0)
    g_object_set_data_full (G_OBJECT (self), ICC_EXPORT_TIMELINEJS_CHOICE,
                            g_strdup (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser),
                                                                   ICC_EXPORT_TIMELINEJS_CHOICE)),
                            g_free);
  if (response == GTK_RESPONSE_ACCEPT && (g_strcmp0 (kind, "png") == 0 ||
                                          g_strcmp0 (kind, "svg") == 0 ||
                                          g_strcmp0 (kind, "pdf") == 0))
    save_export_show_choices (self, GTK_FILE_CHOOSER (chooser));
  if (file != NULL && !icc_window_export_to_file (self, kind, file, &error))
    {
      GtkWidget *message = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL,
                                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                                   _("Could not export"));

      gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (message), "%s",
                                                error->message);
      g_signal_connect (message, "response", G_CALLBACK (gtk_window_destroy), NULL);
      gtk_window_present (GTK_WINDOW (message));
    }

  g_object_set_data (G_OBJECT (self), ICC_EXPORT_TIMELINEJS_CHOICE, NULL);
  g_clear_object (&self->chooser);
}

static void
export_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  IccWindow *self = user_data;
  const ExportKind *kind = lookup_export_kind (g_variant_get_string (param, NULL));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *description = NULL;
  GtkFileChooser *chooser;
  const char *suggested;

  /* One chooser at a time, as for opening and saving. */
  if (kind == NULL || self->chooser != NULL || self->dataset == NULL)
    return;

  if (g_str_equal (kind->kind, "timelinejs"))
    suggested = _("timeline.json");
  else if (g_str_equal (kind->kind, "handout"))
    suggested = _("handout.pdf");
  else if (g_str_equal (kind->kind, "svg"))
    suggested = _("timeline.svg");
  else if (g_str_equal (kind->kind, "pdf"))
    suggested = _("timeline.pdf");
  else if (g_str_equal (kind->kind, "world-state-csv"))
    /* TRANSLATORS: the suggested file name of the world state as CSV. */
    suggested = _("world-state.csv");
  else if (g_str_equal (kind->kind, "map"))
    /* TRANSLATORS: the suggested file name of an exported map. */
    suggested = _("map.png");
  else
    suggested = _("timeline.png");

  chooser = start_chooser (self, _("Export"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                           G_CALLBACK (export_response_cb));
  gtk_file_chooser_set_current_name (chooser, suggested);
  gtk_file_filter_add_mime_type (filter, kind->mime_type);
  gtk_file_filter_add_suffix (filter, kind->extension + 1);
  description = g_content_type_get_description (kind->mime_type);
  gtk_file_filter_set_name (filter, description);
  gtk_file_chooser_add_filter (chooser, filter);
  if (g_str_equal (kind->kind, "timelinejs"))
    icc_export_timelinejs_add_choice (chooser, self->dataset);
  if (g_str_equal (kind->kind, "png") || g_str_equal (kind->kind, "svg") ||
      g_str_equal (kind->kind, "pdf"))
    add_export_show_choices (self, chooser);
  g_object_set_data (G_OBJECT (chooser), "icc-export-kind", (gpointer)kind->kind);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
print_handout_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  IccWindow *self = user_data;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  if (self->dataset == NULL)
    return;

  operation = icc_export_handout_new_operation (self->dataset, NULL);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                           GTK_WINDOW (self), &error);
  if (error != NULL)
    g_warning ("Printing failed: %s", error->message);
}

/* What Changed: the status changes between two dates, from the cursor's
 * year to start with. */
static void
show_changes_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  IccWindow *self = user_data;
  GtkWidget *dialog;

  if (self->dataset == NULL)
    return;

  dialog = icc_changes_dialog_new (GTK_WINDOW (self), self->dataset, self->focus);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GtkApplication would build the shortcuts window for every new window from
 * resource-base-path's gtk/help-overlay.ui (15 ms of the first frame under
 * Xvfb); it is built here the first time it is asked for instead. Once set,
 * GtkApplicationWindow keeps this action rather than adding its own. */
static void
show_help_overlay_action (GSimpleAction *action,
                          GVariant      *param,
                          gpointer       user_data)
{
  GtkApplicationWindow *window = user_data;
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      overlay = icc_shortcuts_window_new ();
      gtk_application_window_set_help_overlay (window, overlay);
    }

  gtk_window_present (GTK_WINDOW (overlay));
}

static const GActionEntry win_actions[] = {
  { "play", NULL, NULL, "false", play_change_state },
  { "step-change", step_change_action, "i" },
  { "export", export_action, "s" },
  { "print-handout", print_handout_action },
  { "open", open_action },
  { "save", save_action },
  { "save-as", save_as_action },
  { "find", find_action },
  { "search-states", search_states_action },
  { "show-changes", show_changes_action },
  { "show-help-overlay", show_help_overlay_action },
};

void
icc_window_add_actions (IccWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions,
                                   G_N_ELEMENTS (win_actions), self);
}
