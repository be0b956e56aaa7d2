/* test-recovery.c: recovery files of unsaved edits.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "icc-recovery.h"

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("icc-recovery-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* Sets the pid in an entry's description, as another process would have. */
static void
set_pid (const char *data_path,
         int         pid)
{
  g_autofree char *stem = g_strndup (data_path, strlen (data_path) - strlen (".json"));
  g_autofree char *info = g_strconcat (stem, ".ini", NULL);
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_key_file_load_from_file (keys, info, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  g_key_file_set_integer (keys, "Recovery", "pid", pid);
  g_key_file_save_to_file (keys, info, &error);
  g_assert_no_error (error);
}

/* The id of a process that has exited. */
static int
dead_pid (void)
{
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (0);
  waitpid (pid, NULL, 0);

  return pid;
}

static void
test_write_list_remove (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *sub = g_build_filename (dir, "a", "b", NULL);
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/some dataset.json");
  g_autoptr(GBytes) one = g_bytes_new_static ("{\"one\": 1}", 10);
  g_autoptr(GBytes) two = g_bytes_new_static ("{\"two\": 2}", 10);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  IccRecoveryEntry *entry;

  /* The folder is made as needed. */
  g_assert_true (icc_recovery_write (sub, file, "Title", one, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (icc_recovery_write (sub, NULL, NULL, one, NULL, &error));
  /* Replaced, not added. */
  g_assert_true (icc_recovery_write (sub, file, "Title 2", two, NULL, &error));
  g_assert_no_error (error);

  /* This process wrote them: they are orphans only for a later process,
   * which the pid stands in for. */
  entries = icc_recovery_list_orphans (sub);
  g_assert_cmpuint (entries->len, ==, 2);
  for (guint i = 0; i < entries->len; i++)
    set_pid (((IccRecoveryEntry *)g_ptr_array_index (entries, i))->data_path, dead_pid ());
  g_clear_pointer (&entries, g_ptr_array_unref);

  entries = icc_recovery_list_orphans (sub);
  g_assert_cmpuint (entries->len, ==, 2);
  /* Newest first: the second write of the file. */
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->title, ==, "Title 2");
  g_assert_cmpstr (entry->uri, ==, "file:///tmp/some%20dataset.json");
  g_assert_true (g_file_get_contents (entry->data_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "{\"two\": 2}");
  g_assert_cmpint (entry->written, >, 0);
  entry = g_ptr_array_index (entries, 1);
  g_assert_null (entry->uri);
  g_assert_true (g_str_has_suffix (entry->data_path, "untitled.json"));
  g_clear_pointer (&entries, g_ptr_array_unref);

  g_assert_true (icc_recovery_remove (sub, file, &error));
  g_assert_no_error (error);
  /* Removing what is not there is fine. */
  g_assert_true (icc_recovery_remove (sub, file, &error));
  entries = icc_recovery_list_orphans (sub);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_true (icc_recovery_entry_remove (g_ptr_array_index (entries, 0), &error));
  g_assert_no_error (error);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = icc_recovery_list_orphans (sub);
  g_assert_cmpuint (entries->len, ==, 0);

  remove_dir (sub);
  {
    g_autofree char *a = g_build_filename (dir, "a", NULL);

    g_rmdir (a);
    g_rmdir (dir);
  }
}

/* Files of a process still running are its own, not offered; neither is
 * data without its description, nor a missing folder. */
static void
test_running_and_incomplete (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *missing = g_build_filename (dir, "missing", NULL);
  g_autofree char *stray = g_build_filename (dir, "stray.json", NULL);
  g_autoptr(GBytes) data = g_bytes_new_static ("{}", 2);
  g_autoptr(GPtrArray) entries = NULL;

  g_assert_true (icc_recovery_write (dir, NULL, NULL, data, NULL, NULL));
  entries = icc_recovery_list_orphans (dir);
  g_assert_cmpuint (entries->len, ==, 1);
  set_pid (((IccRecoveryEntry *)g_ptr_array_index (entries, 0))->data_path, getppid ());
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = icc_recovery_list_orphans (dir);
  g_assert_cmpuint (entries->len, ==, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);

  g_assert_true (g_file_set_contents (stray, "{}", -1, NULL));
  entries = icc_recovery_list_orphans (dir);
  g_assert_cmpuint (entries->len, ==, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);

  entries = icc_recovery_list_orphans (missing);
  g_assert_cmpuint (entries->len, ==, 0);

  remove_dir (dir);
}

static void
test_dir (void)
{
  g_autofree char *dir = NULL;

  g_setenv ("ICC_TRACKER_RECOVERY_DIR", "/somewhere", TRUE);
  dir = icc_recovery_get_dir ();
  g_assert_cmpstr (dir, ==, "/somewhere");
  g_clear_pointer (&dir, g_free);

  g_unsetenv ("ICC_TRACKER_RECOVERY_DIR");
  dir = icc_recovery_get_dir ();
  g_assert_true (g_str_has_suffix (dir, "/icc-tracker/recovery"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/recovery/write-list-remove", test_write_list_remove);
  g_test_add_func ("/recovery/running-and-incomplete", test_running_and_incomplete);
  g_test_add_func ("/recovery/dir", test_dir);

  return g_test_run ();
}
