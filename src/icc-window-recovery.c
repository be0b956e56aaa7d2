/* icc-window-recovery.c: unsaved edits kept through a crash
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window writes its unsaved edits to a recovery file (icc-recovery.h) a
 * few seconds after a change; the first window of the next start offers
 * what a crashed or killed session left.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "icc-dataset-json.h"
#include "icc-recovery.h"
#include "icc-window-private.h"

/* Unsaved edits reach the recovery file this long after the last change,
 * and never later than AUTOSAVE_MAX_DELAY after the first unsaved one. */
#define AUTOSAVE_DELAY_MS     2000
#define AUTOSAVE_MAX_DELAY_US (8 * G_USEC_PER_SEC)

/* Recovery: unsaved edits written a few seconds after the last change. */

static void
autosave_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not keep unsaved changes in the recovery folder: %s", error->message);
}

static void
autosave_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  JsonNode *root = task_data;
  const char *dir = g_object_get_data (G_OBJECT (task), "dir");
  GFile *file = g_object_get_data (G_OBJECT (task), "file");
  const char *title = g_object_get_data (G_OBJECT (task), "title");
  g_autoptr(GBytes) data = NULL;
  GError *error = NULL;
  gsize length;
  char *text;

  text = icc_dataset_json_to_data (root, &length);
  data = g_bytes_new_take (text, length);

  if (icc_recovery_write (dir, file, title, data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Writes the recovery file now: the JSON tree is made here, where the
 * dataset lives; its bytes and the file on a worker thread. */
void
icc_window_write_recovery (IccWindow *self)
{
  g_autoptr(GTask) task = NULL;
  GFile *file;

  g_return_if_fail (ICC_IS_WINDOW (self));

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  self->first_unsaved = 0;

  if (self->history == NULL || !icc_history_get_modified (self->history))
    return;

  file = icc_dataset_get_file (self->dataset);

  /* Not the window's cancellable: what is written at closing must finish. */
  task = g_task_new (NULL, NULL, autosave_done_cb, NULL);
  g_task_set_source_tag (task, icc_window_write_recovery);
  g_task_set_task_data (task, icc_dataset_to_json (self->dataset), (GDestroyNotify)json_node_unref);
  g_object_set_data_full (G_OBJECT (task), "dir", g_strdup (self->recovery_dir), g_free);
  if (file != NULL)
    g_object_set_data_full (G_OBJECT (task), "file", g_object_ref (file), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "title",
                          g_strdup (icc_dataset_get_title (self->dataset)), g_free);
  g_task_run_in_thread (task, autosave_thread);
}

static gboolean
autosave_cb (gpointer data)
{
  IccWindow *self = data;

  self->autosave_source = 0;
  icc_window_write_recovery (self);

  return G_SOURCE_REMOVE;
}

void
_icc_window_schedule_autosave (IccWindow *self)
{
  gint64 now = g_get_monotonic_time ();
  guint delay = AUTOSAVE_DELAY_MS;

  if (self->history == NULL || !icc_history_get_modified (self->history))
    return;

  if (self->first_unsaved == 0)
    self->first_unsaved = now;

  /* Edits every second must not put it off for ever. */
  if (now - self->first_unsaved + (gint64)delay * 1000 > AUTOSAVE_MAX_DELAY_US)
    delay = (guint)MAX (0, (AUTOSAVE_MAX_DELAY_US - (now - self->first_unsaved)) / 1000);

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  self->autosave_source = g_timeout_add (delay, autosave_cb, self);
}

/* After a save succeeded: the file holds the edits. */
void
_icc_window_edit_saved (IccWindow *self,
                        GFile     *old_file)
{
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  self->first_unsaved = 0;

  /* The recovery file went by the old name (none: untitled). */
  icc_recovery_remove (self->recovery_dir, old_file, NULL);
  if (self->dataset != NULL)
    icc_recovery_remove (self->recovery_dir, icc_dataset_get_file (self->dataset), NULL);

  if (self->close_after_save)
    gtk_window_destroy (GTK_WINDOW (self));
}

/* Restoring what a crashed session left. */

static void
restore_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  IccWindow *self = ICC_WINDOW (object);
  IccRecoveryEntry *entry = g_task_get_task_data (G_TASK (result));
  g_autoptr(IccDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  dataset = g_task_propagate_pointer (G_TASK (result), &error);
  if (self->focus == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  _icc_window_set_busy (self, FALSE);

  if (dataset == NULL)
    {
      /* Kept: it may be worth more to the user than this message. */
      _icc_window_show_message (self, _("Could not restore the unsaved changes"), error->message);
      return;
    }

  if (entry->uri != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (entry->uri);

      icc_dataset_set_file (dataset, file);
    }

  icc_window_set_dataset (self, dataset);
  icc_history_set_unsaved (self->history);

  /* Ours now: written again under this process, over the old one (same
   * file, same name); one left under another name goes. */
  icc_window_write_recovery (self);
  {
    g_autofree char *ours = icc_recovery_get_data_path (self->recovery_dir,
                                                        icc_dataset_get_file (dataset));

    if (g_strcmp0 (ours, entry->data_path) != 0)
      icc_recovery_entry_remove (entry, NULL);
  }
}

static void
restore_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  IccRecoveryEntry *entry = task_data;
  g_autoptr(GFile) file = g_file_new_for_path (entry->data_path);
  IccDataset *dataset;
  GError *error = NULL;

  dataset = icc_dataset_load_file (file, NULL, cancellable, &error);
  if (dataset == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, dataset, g_object_unref);
}

static IccRecoveryEntry *
entry_copy (const IccRecoveryEntry *entry)
{
  IccRecoveryEntry *copy = g_new0 (IccRecoveryEntry, 1);

  copy->data_path = g_strdup (entry->data_path);
  copy->uri = g_strdup (entry->uri);
  copy->title = g_strdup (entry->title);
  copy->written = entry->written;
  copy->pid = entry->pid;

  return copy;
}

void
icc_window_restore_recovery (IccWindow              *self,
                             const IccRecoveryEntry *entry)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ICC_IS_WINDOW (self));
  g_return_if_fail (entry != NULL);

  task = g_task_new (self, self->cancellable, restore_done_cb, NULL);
  g_task_set_source_tag (task, icc_window_restore_recovery);
  g_task_set_task_data (task, entry_copy (entry), (GDestroyNotify)icc_recovery_entry_free);
  _icc_window_set_busy (self, TRUE);
  g_task_run_in_thread (task, restore_thread);
}

static void
recovery_response_cb (GtkDialog *dialog,
                      int        response,
                      IccWindow *self)
{
  IccRecoveryEntry *entry = g_object_get_data (G_OBJECT (dialog), "entry");

  if (response == GTK_RESPONSE_ACCEPT)
    icc_window_restore_recovery (self, entry);
  else if (response == GTK_RESPONSE_REJECT)
    icc_recovery_entry_remove (entry, NULL);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* At start: offers the newest unsaved edits a crashed session left.
 * Returns whether there were any. */
gboolean
icc_window_offer_recovery (IccWindow *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *time = NULL;
  g_autofree char *what = NULL;
  g_autofree char *secondary = NULL;
  IccRecoveryEntry *entry;
  GtkWidget *dialog;

  g_return_val_if_fail (ICC_IS_WINDOW (self), FALSE);

  entries = icc_recovery_list_orphans (self->recovery_dir);
  if (entries->len == 0)
    return FALSE;

  entry = g_ptr_array_index (entries, 0);
  when = g_date_time_new_from_unix_local (entry->written / G_USEC_PER_SEC);
  time = when != NULL ? g_date_time_format (when, "%c") : g_strdup ("?");

  if (entry->uri != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (entry->uri);

      what = g_file_get_parse_name (file);
    }
  else
    what = g_strdup (entry->title != NULL && *entry->title != '\0'
                     ? entry->title : _("an unsaved dataset"));

  /* TRANSLATORS: the first %s is a file name or a dataset's title, the
   * second a date and time. */
  secondary = g_strdup_printf (_("ICC Tracker stopped before changes to “%s” were saved. "
                                 "They were kept on %s."), what, time);

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   "%s", _("Restore Unsaved Changes?"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Discard"), GTK_RESPONSE_REJECT);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Later"), GTK_RESPONSE_CANCEL);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Restore"), GTK_RESPONSE_ACCEPT);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_object_set_data_full (G_OBJECT (dialog), "entry",
                          g_ptr_array_steal_index (entries, 0),
                          (GDestroyNotify)icc_recovery_entry_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (recovery_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}
