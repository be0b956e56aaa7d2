/* icc-window-files.c: opening and saving a dataset, on a worker thread
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "icc-dataset-json.h"
#include "icc-problems-dialog.h"
#include "icc-window-private.h"

/* Loading. */

typedef struct
{
  GFile      *file;
  IccDataset *dataset;
  GPtrArray  *problems;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_clear_object (&data->dataset);
  g_clear_pointer (&data->problems, g_ptr_array_unref);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;

  data->dataset = icc_dataset_load_file (data->file, &data->problems, cancellable, &error);
  if (data->dataset == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  IccWindow *self = ICC_WINDOW (object);
  LoadData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  /* The window went away while the thread worked. */
  if (self->focus == NULL)
    return;

  _icc_window_set_busy (self, FALSE);
  _icc_window_update_actions (self);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      GtkWidget *dialog;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* The window keeps what it had, and says what that is. */
      dialog = icc_problems_dialog_new (GTK_WINDOW (self), data->file, data->problems, error);
      icc_problems_dialog_set_kept (ICC_PROBLEMS_DIALOG (dialog),
                                    self->dataset == NULL ? NULL
                                    : icc_dataset_get_title (self->dataset) != NULL
                                    ? icc_dataset_get_title (self->dataset) : _("Untitled"),
                                    self->dataset != NULL && icc_dataset_get_file (self->dataset) == NULL);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  if (icc_dataset_get_file (data->dataset) == NULL)
    icc_dataset_set_file (data->dataset, data->file);

  icc_window_set_dataset (self, data->dataset);
}

void
icc_window_open_file (IccWindow *self,
                      GFile     *file)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (ICC_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);

  task = g_task_new (self, self->cancellable, load_done_cb, NULL);
  g_task_set_source_tag (task, icc_window_open_file);
  g_task_set_task_data (task, data, (GDestroyNotify)load_data_free);

  _icc_window_set_busy (self, TRUE);
  _icc_window_update_actions (self);
  g_task_run_in_thread (task, load_thread);
}

/* Saving. */

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  JsonNode *root = g_object_get_data (G_OBJECT (task), "root");
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(IccDataset) check = NULL;
  GError *error = NULL;
  gsize length;
  char *text;

  /* The bytes are made here: a large dataset takes a while. */
  text = icc_dataset_json_to_data (root, &length);
  data = g_bytes_new_take (text, length);

  /* Only what loads is written: the bytes are read back as a file would
   * be, and a dataset with errors is refused, its problems shown. */
  check = icc_dataset_load_bytes (data, &problems, &error);
  if (check == NULL)
    {
      g_object_set_data_full (G_OBJECT (task), "problems",
                              g_steal_pointer (&problems), (GDestroyNotify)g_ptr_array_unref);
      g_task_return_error (task, error);
      return;
    }

  /* Only bytes cross to this thread: the dataset stays with the window. */
  if (icc_dataset_write_data (data, task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
show_error (IccWindow  *self,
            const char *primary,
            const char *secondary)
{
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                   "%s", primary);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  IccWindow *self = ICC_WINDOW (object);
  GFile *file = g_task_get_task_data (G_TASK (result));
  IccDataset *dataset = g_object_get_data (G_OBJECT (result), "dataset");
  GPtrArray *problems = g_object_get_data (G_OBJECT (result), "problems");
  g_autoptr(GFile) old_file = NULL;
  g_autoptr(GError) error = NULL;

  /* The window went away while the thread worked. */
  if (self->focus == NULL)
    return;

  _icc_window_set_busy (self, FALSE);
  _icc_window_update_actions (self);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *primary = NULL;

      /* Not saved after all (see icc_window_save_to_file()). */
      self->close_after_save = FALSE;
      if (self->history != NULL && icc_history_get_dataset (self->history) == dataset)
        icc_history_set_unsaved (self->history);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      if (problems != NULL)
        {
          GtkWidget *dialog = icc_problems_dialog_new (GTK_WINDOW (self), file, problems, error);

          gtk_window_present (GTK_WINDOW (dialog));
          return;
        }

      /* TRANSLATORS: %s is a file name. */
      primary = g_strdup_printf (_("Could not save “%s”"), name);
      show_error (self, primary, error->message);
      return;
    }

  if (icc_dataset_get_file (dataset) != NULL)
    old_file = g_object_ref (icc_dataset_get_file (dataset));
  icc_dataset_set_file (dataset, file);

  if (dataset == self->dataset)
    _icc_window_edit_saved (self, old_file);
}

void
icc_window_save_to_file (IccWindow *self,
                         GFile     *file)
{
  g_autoptr(GTask) task = NULL;
  JsonNode *root;

  /* The tree is made here, on the thread that owns the dataset; its bytes
   * are made, checked and written on the worker thread. */
  root = icc_dataset_to_json (self->dataset);

  /* What the file will hold is this state: edits made while the thread
   * writes make it modified again. A failed save marks it unsaved. */
  if (self->history != NULL)
    icc_history_set_saved (self->history);

  task = g_task_new (self, self->cancellable, save_done_cb, NULL);
  g_task_set_source_tag (task, icc_window_save_to_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "dataset", g_object_ref (self->dataset), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "root", root, (GDestroyNotify)json_node_unref);

  _icc_window_set_busy (self, TRUE);
  _icc_window_update_actions (self);
  g_task_run_in_thread (task, save_thread);
}
