/* test-save-kill.c: kills a process while it saves, and checks the file.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A child process saves two versions of a large dataset, A and B, one after
 * the other, until the parent kills it with SIGKILL after a random time. The
 * file must then load and be byte for byte A or B, and at most one temporary
 * file may be left, which the next save removes. Three cases: a regular file,
 * a file saved through a relative symbolic link, and a file with a second
 * (hard) link, which must keep the old contents.
 *
 * Environment: ICC_SAVE_KILL_COUNT kills per case (default 20),
 * ICC_SAVE_KILL_MB the size of the file in MiB (default 4), ICC_SAVE_KILL_SEED
 * the seed of the random delays (default 2026, printed). The defaults take
 * about 15 s under ASan. The full run, 200 kills per case of a 30 MiB file
 * (about 18 minutes under ASan on 2 cores, most of it waiting for saves of
 * 0.4 to 1 s; -t 0 lifts meson's timeout; the counts are in the test log):
 *
 *   ICC_SAVE_KILL_COUNT=200 ICC_SAVE_KILL_MB=30 \
 *     meson test -C _build test-save-kill -t 0
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <glib/gstdio.h>

#include "icc-dataset-json.h"
#include "icc-file-replace.h"
#include "icc-test-load.h"

typedef enum
{
  CASE_REGULAR,
  CASE_SYMLINK,
  CASE_HARD_LINK,
} Case;

static struct
{
  GBytes *a;
  GBytes *b;
  guint   n_kills;
  guint32 seed;
} setup;

/* Helpers */

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *value = g_getenv (name);
  guint64 parsed;

  if (value == NULL || *value == '\0')
    return fallback;

  g_assert_true (g_ascii_string_to_unsigned (value, 10, 1, G_MAXUINT32, &parsed, NULL));
  return (guint)parsed;
}

/* Version @version (a letter) of a valid dataset of about @size bytes, almost
 * all of it the text of one article, as icc_dataset_save_file() writes it. */
static GBytes *
make_version (char  version,
              gsize size)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IccDataset) dataset = NULL;
  char *data;
  gsize length;

  g_string_append_printf (json,
                          "{\"format\": \"icc-tracker\", \"version\": 1, "
                          "\"title\": \"Kill test, version %c\", \"states\": [], "
                          "\"events\": [], \"articles\": [{\"id\": \"long\", "
                          "\"title\": \"A long article\", \"text\": \"",
                          version);
  for (guint i = 0; json->len < size; i++)
    g_string_append_printf (json,
                            "Paragraph %u of version %c: the saved file must be all of "
                            "one version or all of the other.\\n\\n",
                            i, version);
  g_string_append (json, "The end.\"}]}\n");

  bytes = g_string_free_to_bytes (g_steal_pointer (&json));
  dataset = icc_dataset_load_bytes (bytes, NULL, &error);
  g_assert_no_error (error);

  data = icc_dataset_to_data (dataset, &length);
  return g_bytes_new_take (data, length);
}

static guint
count_temp_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ICC_FILE_REPLACE_TEMP_SUFFIX))
      n++;

  return n;
}

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static void
remove_tree (const char *path)
{
  struct stat st;

  g_assert_cmpint (lstat (path, &st), ==, 0);
  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_assert_cmpint (g_rmdir (path), ==, 0);
    }
  else
    g_assert_cmpint (g_unlink (path), ==, 0);
}

/* Saves @first, the other version, @first again and so on, until killed.
 * Writes a byte to @ready_fd once it starts. Never returns. */
G_GNUC_NORETURN static void
run_child (GFile  *file,
           GBytes *first,
           GBytes *second,
           int     ready_fd)
{
#ifdef __linux__
  /* Not to outlive a parent that failed. */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
#endif

  if (write (ready_fd, "r", 1) != 1)
    _exit (2);

  for (guint i = 0; ; i++)
    {
      GBytes *bytes = i % 2 == 0 ? first : second;
      gsize length;
      const char *data = g_bytes_get_data (bytes, &length);

      /* A failed save ends the child before the kill: the parent fails. */
      if (!icc_file_replace_contents (file, data, length, NULL, NULL))
        _exit (3);
    }
}

/* The test */

static void
test_kill (gconstpointer user_data)
{
  Case kind = GPOINTER_TO_INT (user_data);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("icc-test-save-kill-XXXXXX", &error);
  g_autofree char *real_dir = NULL;
  g_autofree char *real_path = NULL;
  g_autofree char *save_path = NULL;
  g_autofree char *other_path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (setup.seed + kind);
  g_autoptr(IccDataset) dataset = NULL;
  guint n_old = 0, n_new = 0, n_temp_left = 0, n_a = 0;
  gint64 start, save_usec;
  GBytes *current;

  g_assert_no_error (error);
  real_dir = kind == CASE_SYMLINK ? g_build_filename (dir, "real", NULL) : g_strdup (dir);
  real_path = g_build_filename (real_dir, "dataset.icc.json", NULL);
  if (kind == CASE_SYMLINK)
    {
      g_autofree char *links = g_build_filename (dir, "links", NULL);

      g_assert_cmpint (g_mkdir (real_dir, 0755), ==, 0);
      g_assert_cmpint (g_mkdir (links, 0755), ==, 0);
      save_path = g_build_filename (links, "dataset.icc.json", NULL);
      g_assert_cmpint (symlink ("../real/dataset.icc.json", save_path), ==, 0);
    }
  else
    save_path = g_strdup (real_path);
  if (kind == CASE_HARD_LINK)
    other_path = g_build_filename (dir, "other-name.icc.json", NULL);
  file = g_file_new_for_path (save_path);

  /* The first save, as the application saves, times one save. */
  dataset = icc_dataset_load_bytes (setup.a, NULL, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  g_assert_true (icc_dataset_save_file (dataset, file, NULL, &error));
  g_assert_no_error (error);
  save_usec = MAX (g_get_monotonic_time () - start, 1000);
  current = setup.a;
  {
    g_autoptr(GBytes) saved = test_read_bytes (real_path);

    g_assert_true (g_bytes_equal (saved, setup.a));
  }
  g_test_message ("one save of %" G_GSIZE_FORMAT " bytes: %.1f ms",
                  g_bytes_get_size (setup.a), save_usec / 1000.0);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < setup.n_kills; i++)
    {
      g_autoptr(GBytes) saved = NULL;
      g_autoptr(IccDataset) loaded = NULL;
      GBytes *old = current;
      GBytes *next = current == setup.a ? setup.b : setup.a;
      int ready[2];
      char byte;
      pid_t pid;
      int status = 0;
      guint n_temp;
      struct stat other_before = { 0 };
      gulong delay;

      /* A second name for the file, anew each time: the first save breaks it. */
      if (kind == CASE_HARD_LINK)
        {
          if (g_unlink (other_path) != 0)
            g_assert_cmpint (errno, ==, ENOENT);
          g_assert_cmpint (link (real_path, other_path), ==, 0);
          g_assert_cmpint (lstat (other_path, &other_before), ==, 0);
          g_assert_cmpuint (other_before.st_nlink, ==, 2);
        }

      g_assert_cmpint (pipe (ready), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (ready[0]);
          run_child (file, next, current, ready[1]);
        }
      close (ready[1]);
      g_assert_cmpint (read (ready[0], &byte, 1), ==, 1);
      close (ready[0]);

      /* Within the first three saves; more often the first, where the hard
       * link is broken. */
      delay = g_rand_int_range (rand, 0, (gint32)MIN (save_usec * 5 / 2, G_MAXINT32));
      g_usleep (delay);
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      if (!WIFSIGNALED (status) || WTERMSIG (status) != SIGKILL)
        g_error ("the child ended before the kill (status %d): a save failed", status);

      /* The file is one version or the other, whole, and loads. */
      saved = test_read_bytes (real_path);
      if (g_bytes_equal (saved, old))
        n_old++;
      else if (g_bytes_equal (saved, next))
        {
          n_new++;
          current = next;
        }
      else
        g_error ("kill %u (after %lu us): the file is neither version (%" G_GSIZE_FORMAT
                 " bytes)", i, delay, g_bytes_get_size (saved));
      if (current == setup.a)
        n_a++;

      loaded = icc_dataset_load_file (file, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (loaded);

      /* At most the temporary file of the save that was killed, and nothing
       * else but the file (and its other name). */
      n_temp = count_temp_files (real_dir);
      g_assert_cmpuint (n_temp, <=, 1);
      g_assert_cmpuint (count_entries (real_dir), ==,
                        (kind == CASE_HARD_LINK ? 2 : 1) + n_temp);
      n_temp_left += n_temp;

      if (kind == CASE_SYMLINK)
        {
          g_autofree char *target = g_file_read_link (save_path, &error);
          g_autofree char *links = g_path_get_dirname (save_path);

          g_assert_no_error (error);
          g_assert_cmpstr (target, ==, "../real/dataset.icc.json");
          g_assert_cmpuint (count_entries (links), ==, 1);
        }
      else if (kind == CASE_HARD_LINK)
        {
          g_autoptr(GBytes) other = test_read_bytes (other_path);
          struct stat other_after;

          /* The other name keeps the old file, untouched. */
          g_assert_cmpint (lstat (other_path, &other_after), ==, 0);
          g_assert_cmpuint (other_after.st_ino, ==, other_before.st_ino);
          g_assert_true (g_bytes_equal (other, old));
        }
    }

  g_test_message ("%u kills in %.1f s: %u found the old version, %u the new one "
                  "(%u A, %u B); %u left a temporary file, each removed by the next save",
                  setup.n_kills, (g_get_monotonic_time () - start) / 1e6,
                  n_old, n_new, n_a, setup.n_kills - n_a, n_temp_left);

  /* A last save removes what the last kill left. */
  g_assert_true (icc_dataset_save_file (dataset, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_temp_files (real_dir), ==, 0);

  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  gsize size;
  int status;

  g_test_init (&argc, &argv, NULL);

  setup.n_kills = env_uint ("ICC_SAVE_KILL_COUNT", 20);
  setup.seed = env_uint ("ICC_SAVE_KILL_SEED", 2026);
  size = (gsize)env_uint ("ICC_SAVE_KILL_MB", 4) * 1024 * 1024;
  setup.a = make_version ('A', size);
  setup.b = make_version ('B', size + 4096);
  g_test_message ("ICC_SAVE_KILL_COUNT=%u ICC_SAVE_KILL_MB=%" G_GSIZE_FORMAT
                  " ICC_SAVE_KILL_SEED=%u",
                  setup.n_kills, size / (1024 * 1024), setup.seed);

  g_test_add_data_func ("/IccTracker/SaveKill/regular",
                        GINT_TO_POINTER (CASE_REGULAR), test_kill);
  g_test_add_data_func ("/IccTracker/SaveKill/symlink",
                        GINT_TO_POINTER (CASE_SYMLINK), test_kill);
  g_test_add_data_func ("/IccTracker/SaveKill/hard-link",
                        GINT_TO_POINTER (CASE_HARD_LINK), test_kill);

  status = g_test_run ();

  g_bytes_unref (setup.a);
  g_bytes_unref (setup.b);

  return status;
}
