/* icc-recovery.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "icc-file-replace.h"
#include "icc-recovery.h"

#define GROUP "Recovery"

char *
icc_recovery_get_dir (void)
{
  const char *dir = g_getenv ("ICC_TRACKER_RECOVERY_DIR");

  if (dir != NULL && *dir != '\0')
    return g_strdup (dir);

  return g_build_filename (g_get_user_data_dir (), "icc-tracker", "recovery", NULL);
}

/* KEY: a hash of the file's URI, so that any file name gives a safe one. */
static char *
recovery_key (GFile *file)
{
  g_autofree char *uri = NULL;

  if (file == NULL)
    return g_strdup ("untitled");

  uri = g_file_get_uri (file);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
}

static char *
recovery_path (const char *dir,
               GFile      *file,
               const char *suffix)
{
  g_autofree char *key = recovery_key (file);
  g_autofree char *name = g_strconcat (key, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

char *
icc_recovery_get_data_path (const char *dir,
                            GFile      *file)
{
  g_return_val_if_fail (dir != NULL, NULL);

  return recovery_path (dir, file, ".json");
}

static gboolean
replace (const char    *path,
         const char    *data,
         gsize          length,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return icc_file_replace_contents (file, data, length, cancellable, error);
}

gboolean
icc_recovery_write (const char    *dir,
                    GFile         *file,
                    const char    *title,
                    GBytes        *data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autofree char *data_path = NULL;
  g_autofree char *info_path = NULL;
  g_autofree char *info = NULL;
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  gsize data_length, info_length;
  const char *bytes;

  g_return_val_if_fail (dir != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  data_path = recovery_path (dir, file, ".json");
  info_path = recovery_path (dir, file, ".ini");

  bytes = g_bytes_get_data (data, &data_length);
  if (!replace (data_path, bytes, data_length, cancellable, error))
    return FALSE;

  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_key_file_set_string (keys, GROUP, "uri", uri);
    }
  if (title != NULL)
    g_key_file_set_string (keys, GROUP, "title", title);
  g_key_file_set_int64 (keys, GROUP, "written", g_get_real_time ());
  g_key_file_set_integer (keys, GROUP, "pid", (int)getpid ());
  info = g_key_file_to_data (keys, &info_length, NULL);

  return replace (info_path, info, info_length, cancellable, error);
}

static gboolean
unlink_if_there (const char  *path,
                 GError     **error)
{
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

gboolean
icc_recovery_remove (const char  *dir,
                     GFile       *file,
                     GError     **error)
{
  g_autofree char *data_path = NULL;
  g_autofree char *info_path = NULL;

  g_return_val_if_fail (dir != NULL, FALSE);

  data_path = recovery_path (dir, file, ".json");
  info_path = recovery_path (dir, file, ".ini");

  /* The description first: without it the data are not offered. */
  return unlink_if_there (info_path, error) && unlink_if_there (data_path, error);
}

void
icc_recovery_entry_free (IccRecoveryEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->data_path);
  g_free (entry->uri);
  g_free (entry->title);
  g_free (entry);
}

gboolean
icc_recovery_entry_remove (IccRecoveryEntry  *entry,
                           GError           **error)
{
  g_autofree char *info_path = NULL;
  g_autofree char *stem = NULL;

  g_return_val_if_fail (entry != NULL, FALSE);
  g_return_val_if_fail (g_str_has_suffix (entry->data_path, ".json"), FALSE);

  stem = g_strndup (entry->data_path, strlen (entry->data_path) - strlen (".json"));
  info_path = g_strconcat (stem, ".ini", NULL);

  return unlink_if_there (info_path, error) && unlink_if_there (entry->data_path, error);
}

/* A process with that id runs (and is not this one): its recovery files
 * are in use. A process id reused since is taken as running: the files are
 * offered at a later start. */
static gboolean
process_is_running (int pid)
{
  if (pid <= 0 || pid == (int)getpid ())
    return FALSE;

  return kill (pid, 0) == 0 || errno == EPERM;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const IccRecoveryEntry *ea = *(IccRecoveryEntry **)a;
  const IccRecoveryEntry *eb = *(IccRecoveryEntry **)b;

  return (ea->written < eb->written) - (ea->written > eb->written);
}

GPtrArray *
icc_recovery_list_orphans (const char *dir)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify)icc_recovery_entry_free);
  g_autoptr(GDir) folder = NULL;
  const char *name;

  g_return_val_if_fail (dir != NULL, entries);

  folder = g_dir_open (dir, 0, NULL);
  if (folder == NULL)
    return entries;

  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autoptr(GKeyFile) keys = g_key_file_new ();
      g_autoptr(IccRecoveryEntry) entry = NULL;
      g_autofree char *info_path = NULL;
      g_autofree char *stem = NULL;

      if (!g_str_has_suffix (name, ".ini") || name[0] == '.')
        continue;

      info_path = g_build_filename (dir, name, NULL);
      if (!g_key_file_load_from_file (keys, info_path, G_KEY_FILE_NONE, NULL))
        continue;

      entry = g_new0 (IccRecoveryEntry, 1);
      stem = g_strndup (info_path, strlen (info_path) - strlen (".ini"));
      entry->data_path = g_strconcat (stem, ".json", NULL);
      entry->uri = g_key_file_get_string (keys, GROUP, "uri", NULL);
      entry->title = g_key_file_get_string (keys, GROUP, "title", NULL);
      entry->written = g_key_file_get_int64 (keys, GROUP, "written", NULL);
      entry->pid = g_key_file_get_integer (keys, GROUP, "pid", NULL);

      if (!g_file_test (entry->data_path, G_FILE_TEST_IS_REGULAR) ||
          process_is_running (entry->pid))
        continue;

      g_ptr_array_add (entries, g_steal_pointer (&entry));
    }

  g_ptr_array_sort (entries, compare_entries);

  return entries;
}
