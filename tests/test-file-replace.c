/* test-file-replace.c: atomic saves through symbolic and hard links.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "icc-file-replace.h"

typedef struct
{
  char *dir;
} Fixture;

/* Helpers */

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
      g_assert_cmpint (g_chmod (path, 0755), ==, 0);
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

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("icc-test-replace-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static char *
make_path (Fixture    *fixture,
           const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static void
write_file (const char *path,
            const char *contents,
            mode_t      mode)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static void
assert_contents (const char *path,
                 const char *expected)
{
  g_autofree char *contents = read_file (path);

  g_assert_cmpstr (contents, ==, expected);
}

static gboolean
replace_path (const char    *path,
              const char    *contents,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return icc_file_replace_contents (file, contents, strlen (contents), cancellable, error);
}

static void
assert_replace (const char *path,
                const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (replace_path (path, contents, NULL, &error));
  g_assert_no_error (error);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* The names in @dir, sorted, joined with spaces. */
static char *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, (char *)name);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **)names->pdata);
}

static void
assert_dir (const char *path,
            const char *expected)
{
  g_autofree char *names = list_dir (path);

  g_assert_cmpstr (names, ==, expected);
}

static void
assert_link (const char *path,
             const char *target)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *read = NULL;
  struct stat st;

  g_assert_cmpint (lstat (path, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  read = g_file_read_link (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read, ==, target);
}

static struct stat
stat_path (const char *path)
{
  struct stat st;

  g_assert_cmpint (lstat (path, &st), ==, 0);
  return st;
}

/* Regular files */

static void
test_regular (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autofree char *path = make_path (fixture, "data.json");
  gboolean is_root = geteuid () == 0;
  struct stat before, after;

  write_file (path, "old contents\n", 0640);
  /* Root can keep another owner and group; others keep theirs. */
  if (is_root)
    g_assert_cmpint (chown (path, 65534, 65534), ==, 0);
  before = stat_path (path);

  assert_replace (path, "new contents\n");

  assert_contents (path, "new contents\n");
  after = stat_path (path);
  g_assert_cmpuint (after.st_mode & 07777, ==, 0640);
  g_assert_cmpuint (after.st_uid, ==, before.st_uid);
  g_assert_cmpuint (after.st_gid, ==, before.st_gid);
  /* A new file renamed over the old one, not the old one rewritten. */
  g_assert_cmpuint (after.st_ino, !=, before.st_ino);
  assert_dir (fixture->dir, "data.json");

  /* Empty contents are contents too. */
  assert_replace (path, "");
  assert_contents (path, "");
  assert_dir (fixture->dir, "data.json");
}

static void
test_new_file (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autofree char *path = make_path (fixture, "new.json");
  mode_t old_umask = umask (022);

  assert_replace (path, "first contents\n");
  umask (old_umask);

  assert_contents (path, "first contents\n");
  /* What open() would have given it. */
  g_assert_cmpuint (stat_path (path).st_mode & 07777, ==, 0644);
  assert_dir (fixture->dir, "new.json");
}

/* Symbolic links */

static void
test_symlinks (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autofree char *real = make_path (fixture, "real");
  g_autofree char *links = make_path (fixture, "links");
  g_autofree char *data = g_build_filename (real, "data.json", NULL);
  g_autofree char *rel = g_build_filename (links, "rel.json", NULL);
  g_autofree char *via = make_path (fixture, "via");
  g_autofree char *via_data = g_build_filename (via, "data.json", NULL);
  struct
  {
    const char *name;
    const char *target; /* NULL: the absolute path of real/data.json. */
  } cases[] = {
    { "abs.json", NULL },               /* Absolute. */
    { "rel.json", "../real/data.json" }, /* Relative, to another folder. */
    { "chain.json", "rel.json" },       /* Relative, then relative. */
    { "chain-abs.json", "" },           /* Absolute (to rel.json), then relative. */
  };

  g_assert_cmpint (g_mkdir (real, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (links, 0755), ==, 0);
  write_file (data, "old\n", 0600);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *link = g_build_filename (links, cases[i].name, NULL);
      const char *target = cases[i].target;
      g_autofree char *contents = g_strdup_printf ("saved through %s\n", cases[i].name);

      if (target == NULL)
        target = data;
      else if (*target == '\0')
        target = rel;
      g_assert_cmpint (symlink (target, link), ==, 0);

      assert_replace (link, contents);

      assert_link (link, target);
      assert_contents (data, contents);
      assert_contents (link, contents);
      g_assert_cmpuint (stat_path (data).st_mode & 07777, ==, 0600);
      assert_dir (real, "data.json");
    }
  assert_dir (links, "abs.json chain-abs.json chain.json rel.json");

  /* Through a link to the folder. */
  g_assert_cmpint (symlink ("real", via), ==, 0);
  assert_replace (via_data, "saved through via/\n");
  assert_link (via, "real");
  assert_contents (data, "saved through via/\n");
  assert_dir (real, "data.json");
}

static void
test_dangling_symlink (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *real = make_path (fixture, "real");
  g_autofree char *link = make_path (fixture, "link.json");
  g_autofree char *created = g_build_filename (real, "new.json", NULL);
  g_autofree char *nowhere = make_path (fixture, "nowhere.json");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (real, 0755), ==, 0);
  g_assert_cmpint (symlink ("real/new.json", link), ==, 0);

  /* The link's target is created; the link stays. */
  assert_replace (link, "created through a dangling link\n");
  assert_link (link, "real/new.json");
  assert_contents (created, "created through a dangling link\n");
  assert_dir (real, "new.json");

  /* Into a folder that does not exist: an error, nothing created. */
  g_assert_cmpint (symlink ("missing/new.json", nowhere), ==, 0);
  g_assert_false (replace_path (nowhere, "lost\n", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "temporary file"));
  assert_link (nowhere, "missing/new.json");
  assert_dir (fixture->dir, "link.json nowhere.json real");
}

static void
test_symlink_loop (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *a = make_path (fixture, "a.json");
  g_autofree char *b = make_path (fixture, "b.json");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (symlink ("b.json", a), ==, 0);
  g_assert_cmpint (symlink ("a.json", b), ==, 0);

  g_assert_false (replace_path (a, "never\n", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS);
  assert_link (a, "b.json");
  assert_link (b, "a.json");
  assert_dir (fixture->dir, "a.json b.json");
}

/* Hard links */

/* The choice documented in icc-file-replace.h: a save is a rename, so the
 * name saved to gets a new file with the new contents, and the other names
 * keep the old file (g_file_replace() would rewrite the shared file in place,
 * which a kill can cut short). */
static void
test_hard_link (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *path = make_path (fixture, "data.json");
  g_autofree char *other = make_path (fixture, "other.json");
  struct stat before;

  write_file (path, "shared old contents\n", 0640);
  g_assert_cmpint (link (path, other), ==, 0);
  before = stat_path (path);
  g_assert_cmpuint (before.st_nlink, ==, 2);

  assert_replace (path, "new contents, for this name only\n");

  assert_contents (path, "new contents, for this name only\n");
  assert_contents (other, "shared old contents\n");
  g_assert_cmpuint (stat_path (path).st_nlink, ==, 1);
  g_assert_cmpuint (stat_path (path).st_mode & 07777, ==, 0640);
  g_assert_cmpuint (stat_path (other).st_nlink, ==, 1);
  g_assert_cmpuint (stat_path (other).st_ino, ==, before.st_ino);
  assert_dir (fixture->dir, "data.json other.json");
}

/* Errors */

static void
test_not_regular (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *file = make_path (fixture, "file.txt");
  g_autofree char *under_file = g_build_filename (file, "data.json", NULL);
  g_autofree char *folder = make_path (fixture, "folder");
  g_autofree char *pipe = make_path (fixture, "pipe");
  g_autofree char *pipe_link = make_path (fixture, "pipe.json");
  g_autoptr(GError) error = NULL;

  write_file (file, "a file, not a folder\n", 0644);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_cmpint (mkfifo (pipe, 0644), ==, 0);
  g_assert_cmpint (symlink ("pipe", pipe_link), ==, 0);

  /* A "folder" that is a file: fails for root too. */
  g_assert_false (replace_path (under_file, "never\n", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_clear_error (&error);

  g_assert_false (replace_path (folder, "never\n", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  /* A rename would put a file where the pipe is. */
  g_assert_false (replace_path (pipe_link, "never\n", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);
  g_assert_true (S_ISFIFO (stat_path (pipe).st_mode));

  assert_contents (file, "a file, not a folder\n");
  assert_dir (folder, "");
  assert_dir (fixture->dir, "file.txt folder pipe pipe.json");
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *path = make_path (fixture, "data.json");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  write_file (path, "old\n", 0644);
  g_cancellable_cancel (cancellable);

  g_assert_false (replace_path (path, "new\n", cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_contents (path, "old\n");
  assert_dir (fixture->dir, "data.json");
}

/* A write that fails half-way, in a child process (a file size limit stops
 * root too): the temporary file is removed, the old file stays. */
static void
test_write_fails (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *path = make_path (fixture, "data.json");
  g_autofree char *big = NULL;
  pid_t pid;
  int status = 0;

  write_file (path, "old\n", 0644);
  big = g_strnfill (256 * 1024, 'x');

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      GError *error = NULL;
      struct rlimit limit;
      gboolean saved;

      signal (SIGXFSZ, SIG_IGN);
      getrlimit (RLIMIT_FSIZE, &limit);
      limit.rlim_cur = 64 * 1024;
      if (setrlimit (RLIMIT_FSIZE, &limit) != 0)
        _exit (2);

      saved = icc_file_replace_contents (file, big, strlen (big), NULL, &error);
      if (saved || error == NULL)
        _exit (3);
      /* The message names the file that could not be written. */
      if (!g_error_matches (error, G_IO_ERROR, g_io_error_from_errno (EFBIG))
          || strstr (error->message, ICC_FILE_REPLACE_TEMP_SUFFIX) == NULL)
        _exit (4);
      g_error_free (error);
      _exit (0);
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  assert_contents (path, "old\n");
  assert_dir (fixture->dir, "data.json");
}

static void
test_read_only_folder (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *sub = make_path (fixture, "sub");
  g_autofree char *path = g_build_filename (sub, "data.json", NULL);
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root writes to read-only folders");
      return;
    }

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  write_file (path, "old\n", 0644);
  g_assert_cmpint (g_chmod (sub, 0555), ==, 0);

  /* The file is writable, its folder is not: no atomic save is possible. */
  g_assert_false (replace_path (path, "new\n", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "temporary file"));

  g_assert_cmpint (g_chmod (sub, 0755), ==, 0);
  assert_contents (path, "old\n");
  assert_dir (sub, "data.json");
}

static void
test_read_only_file (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *path = make_path (fixture, "data.json");
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root writes to read-only files");
      return;
    }

  /* The folder would allow a rename, but the file says no. */
  write_file (path, "old\n", 0444);
  g_assert_false (replace_path (path, "new\n", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  assert_contents (path, "old\n");
  assert_dir (fixture->dir, "data.json");
}

static void
test_non_native (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GFile) file = g_file_new_for_uri ("resource:///org/example/IccTracker/x.json");
  g_autoptr(GError) error = NULL;

  /* Resources are read-only: g_file_replace() says so. */
  g_assert_null (g_file_get_path (file));
  g_assert_false (icc_file_replace_contents (file, "x", 1, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_IO_ERROR);
}

/* Stale temporary files */

static void
test_stale_temp_files (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *path = make_path (fixture, "data.json");
  g_autofree char *live = make_path (fixture, ".data.json.live00.icc-save");
  g_autofree char *real = make_path (fixture, "real");
  g_autofree char *link = make_path (fixture, "link.json");
  g_autofree char *real_stale = g_build_filename (real, ".target.json.qwerty.icc-save", NULL);
  const char *stale[] = {
    ".data.json.abc123.icc-save",
    ".data.json.XYZ789.icc-save",
  };
  const char *kept[] = {
    ".data.json.abc12.icc-save",    /* Not six random characters. */
    ".other.json.abc123.icc-save",  /* Another file's. */
    "data.json.abc123.icc-save",    /* Not hidden. */
    ".data.json.abc123.icc-save~",  /* Not the suffix. */
  };
  int live_fd;

  write_file (path, "old\n", 0644);
  for (guint i = 0; i < G_N_ELEMENTS (stale); i++)
    {
      g_autofree char *name = make_path (fixture, stale[i]);

      write_file (name, "half a save", 0600);
    }
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *name = make_path (fixture, kept[i]);

      write_file (name, "not ours", 0600);
    }
  /* A save in progress in another process holds a lock on its file. */
  write_file (live, "a save in progress", 0600);
  live_fd = open (live, O_RDONLY | O_CLOEXEC);
  g_assert_cmpint (live_fd, >=, 0);
  g_assert_cmpint (flock (live_fd, LOCK_EX), ==, 0);

  assert_replace (path, "new\n");
  assert_contents (path, "new\n");
  assert_dir (fixture->dir,
              ".data.json.abc12.icc-save .data.json.abc123.icc-save~ .data.json.live00.icc-save "
              ".other.json.abc123.icc-save data.json data.json.abc123.icc-save");

  /* Once its process is gone, it is stale too. */
  close (live_fd);
  assert_replace (path, "newer\n");
  assert_dir (fixture->dir,
              ".data.json.abc12.icc-save .data.json.abc123.icc-save~ "
              ".other.json.abc123.icc-save data.json data.json.abc123.icc-save");

  /* Through a link: in the folder of the file it leads to, with that name. */
  g_assert_cmpint (g_mkdir (real, 0755), ==, 0);
  g_assert_cmpint (symlink ("real/target.json", link), ==, 0);
  write_file (real_stale, "half a save", 0600);
  assert_replace (link, "through the link\n");
  assert_dir (real, "target.json");
}

/* Names near NAME_MAX: the temporary name keeps the first 200 bytes of the
 * file's name, cut between UTF-8 characters. */
static void
test_long_name (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GString) name = g_string_new ("a");
  g_autofree char *path = NULL;
  g_autofree char *stale_name = NULL;
  g_autofree char *stale = NULL;

  for (guint i = 0; i < 120; i++)
    g_string_append (name, "é");
  g_assert_cmpuint (name->len, ==, 241);
  path = make_path (fixture, name->str);

  assert_replace (path, "long\n");
  assert_contents (path, "long\n");
  assert_dir (fixture->dir, name->str);

  /* Byte 200 is inside an "é": the prefix stops before it, at 199. */
  stale_name = g_strdup_printf (".%.*s.abcdef%s", 199, name->str, ICC_FILE_REPLACE_TEMP_SUFFIX);
  stale = make_path (fixture, stale_name);
  write_file (stale, "half a save", 0600);
  assert_replace (path, "longer\n");
  assert_contents (path, "longer\n");
  assert_dir (fixture->dir, name->str);
}

static void
add_test (const char *path,
          void (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_test ("/IccTracker/FileReplace/regular", test_regular);
  add_test ("/IccTracker/FileReplace/new-file", test_new_file);
  add_test ("/IccTracker/FileReplace/symlinks", test_symlinks);
  add_test ("/IccTracker/FileReplace/dangling-symlink", test_dangling_symlink);
  add_test ("/IccTracker/FileReplace/symlink-loop", test_symlink_loop);
  add_test ("/IccTracker/FileReplace/hard-link", test_hard_link);
  add_test ("/IccTracker/FileReplace/not-regular", test_not_regular);
  add_test ("/IccTracker/FileReplace/cancelled", test_cancelled);
  add_test ("/IccTracker/FileReplace/write-fails", test_write_fails);
  add_test ("/IccTracker/FileReplace/read-only-folder", test_read_only_folder);
  add_test ("/IccTracker/FileReplace/read-only-file", test_read_only_file);
  add_test ("/IccTracker/FileReplace/non-native", test_non_native);
  add_test ("/IccTracker/FileReplace/stale-temp-files", test_stale_temp_files);
  add_test ("/IccTracker/FileReplace/long-name", test_long_name);

  return g_test_run ();
}
