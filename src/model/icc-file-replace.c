/* icc-file-replace.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "icc-file-replace.h"

/* Symbolic links followed before giving up, as many as Linux follows in a path. */
#define MAX_LINKS 40

/* Bytes of the file's name kept in a temporary file's name, so that the
 * temporary name stays under NAME_MAX (255) with the 17 bytes added. */
#define TEMP_NAME_MAX 200

/* The random part of a temporary name: g_mkstemp_full() replaces it. */
#define TEMP_RANDOM "XXXXXX"

/* Data are written in pieces of this size, to look at the GCancellable in between. */
#define WRITE_CHUNK (1024 * 1024)

static void
set_read_error (GError     **error,
                int          errsv,
                const char  *path)
{
  g_autofree char *display_name = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
               _("Could not read “%s”: %s"), display_name, g_strerror (errsv));
}

static void
set_write_error (GError     **error,
                 int          errsv,
                 const char  *path)
{
  g_autofree char *display_name = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
               _("Could not write “%s”: %s"), display_name, g_strerror (errsv));
}

/* Follows @path's symbolic links to the file they lead to, and returns its
 * path. That file need not exist (a dangling link leads to where it would
 * be); when it does, @exists is set and @st has its lstat(). Paths are joined,
 * never simplified: "x/../y" is left for the kernel, which knows whether x is
 * itself a link. */
static char *
resolve_target (const char   *path,
                gboolean     *exists,
                struct stat  *st,
                GError      **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint n_links = 0; ; n_links++)
    {
      g_autofree char *target = NULL;

      if (lstat (current, st) != 0)
        {
          int errsv = errno;

          if (errsv != ENOENT)
            {
              set_read_error (error, errsv, current);
              return NULL;
            }

          *exists = FALSE;
          return g_steal_pointer (&current);
        }

      if (!S_ISLNK (st->st_mode))
        {
          *exists = TRUE;
          return g_steal_pointer (&current);
        }

      if (n_links == MAX_LINKS)
        {
          set_read_error (error, ELOOP, path);
          return NULL;
        }

      target = g_file_read_link (current, error);
      if (target == NULL)
        return NULL;

      if (!g_path_is_absolute (target))
        {
          g_autofree char *dir = g_path_get_dirname (current);
          char *joined = g_build_filename (dir, target, NULL);

          g_free (target);
          target = joined;
        }

      g_free (current);
      current = g_steal_pointer (&target);
    }
}

/* ".NAME.", the start of the temporary files' names for a file named @base. */
static char *
temp_prefix (const char *base)
{
  gsize length = strlen (base);

  if (length > TEMP_NAME_MAX)
    {
      /* Not in the middle of a UTF-8 character. */
      length = TEMP_NAME_MAX;
      while (length > 0 && ((guchar)base[length] & 0xc0) == 0x80)
        length--;
    }

  return g_strdup_printf (".%.*s.", (int)length, base);
}

static gboolean
is_temp_name (const char *name,
              const char *prefix)
{
  return strlen (name) == strlen (prefix) + strlen (TEMP_RANDOM)
                          + strlen (ICC_FILE_REPLACE_TEMP_SUFFIX)
         && g_str_has_prefix (name, prefix)
         && g_str_has_suffix (name, ICC_FILE_REPLACE_TEMP_SUFFIX);
}

/* Removes the temporary files that earlier saves of the same file left in
 * @dir when they were killed. A save in progress (another process saving the
 * same file) holds a lock on its temporary file, which is then left alone.
 * Best effort: what cannot be removed stays. */
static void
remove_stale_temp_files (const char *dir,
                         const char *prefix)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  if (folder == NULL)
    return;

  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = NULL;
      struct stat st;
      int fd;

      if (!is_temp_name (name, prefix))
        continue;

      path = g_build_filename (dir, name, NULL);
      fd = open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
      if (fd < 0)
        continue;

      /* A file system without locks cannot tell a live save from a dead
       * one; the file is removed then (the live save would fail, leaving
       * its target as it was). */
      if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode)
          && (flock (fd, LOCK_EX | LOCK_NB) == 0 || errno != EWOULDBLOCK))
        {
          if (g_unlink (path) == 0)
            g_debug ("Removed the stale temporary file %s", path);
        }

      close (fd);
    }
}

static gboolean
write_all (int            fd,
           const char    *data,
           gsize          length,
           const char    *temp_path,
           GCancellable  *cancellable,
           GError       **error)
{
  while (length > 0)
    {
      gssize written;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      written = write (fd, data, MIN (length, WRITE_CHUNK));
      if (written < 0)
        {
          int errsv = errno;

          if (errsv == EINTR)
            continue;

          set_write_error (error, errsv, temp_path);
          return FALSE;
        }

      data += written;
      length -= written;
    }

  return TRUE;
}

/* Gives the temporary file the permissions of the file it replaces. */
static gboolean
copy_permissions (int                 fd,
                  const struct stat  *original,
                  const char         *temp_path,
                  GError            **error)
{
  mode_t mode = original->st_mode & 0777;
  struct stat st;

  if (fstat (fd, &st) != 0)
    {
      set_write_error (error, errno, temp_path);
      return FALSE;
    }

  /* Only root may give a file away; a user may set a group they belong to. */
  if (st.st_uid != original->st_uid || st.st_gid != original->st_gid)
    {
      if (fchown (fd, original->st_uid, original->st_gid) != 0
          && fchown (fd, (uid_t)-1, original->st_gid) != 0)
        g_debug ("Could not keep the group of %s: %s", temp_path, g_strerror (errno));

      if (fstat (fd, &st) != 0)
        {
          set_write_error (error, errno, temp_path);
          return FALSE;
        }

      /* Another group than the file's: it gets no more than others do. */
      if (st.st_gid != original->st_gid)
        mode = (mode & 0707) | ((mode & 07) << 3);
    }

  if (fchmod (fd, mode) != 0)
    {
      set_write_error (error, errno, temp_path);
      return FALSE;
    }

  return TRUE;
}

/* So that the rename itself is on the disk. Best effort: the file is
 * already replaced, and a file system may not sync folders (EINVAL). */
static void
sync_folder (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0 || fsync (fd) != 0)
    g_debug ("Could not sync the folder %s: %s", dir, g_strerror (errno));

  if (fd >= 0)
    close (fd);
}

static gboolean
replace_native (const char    *path,
                const char    *data,
                gsize          length,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *temp_path = NULL;
  gboolean exists = FALSE;
  struct stat st = { 0 };
  int fd;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  target = resolve_target (path, &exists, &st, error);
  if (target == NULL)
    return FALSE;

  /* A rename would replace a folder, a device or a pipe with a file. */
  if (exists && !S_ISREG (st.st_mode))
    {
      g_autofree char *display_name = g_filename_display_name (target);

      if (S_ISDIR (st.st_mode))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                     _("Could not write “%s”: %s"), display_name, _("It is a folder"));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                     _("Could not write “%s”: %s"), display_name,
                     /* Translators: why a file could not be saved: it is, e.g., a device. */
                     _("It is not a regular file"));
      return FALSE;
    }

  /* A rename needs only the folder to be writable; a file made read-only
   * must stay as it is, as with g_file_replace(), which opens it to write. */
  if (exists && faccessat (AT_FDCWD, target, W_OK, AT_EACCESS) != 0)
    {
      set_write_error (error, errno, target);
      return FALSE;
    }

  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  prefix = temp_prefix (base);

  remove_stale_temp_files (dir, prefix);

  /* Private while it is written, when there are permissions to keep; a new
   * file gets what open() would give it. */
  temp_path = g_strconcat (dir, G_DIR_SEPARATOR_S, prefix, TEMP_RANDOM,
                           ICC_FILE_REPLACE_TEMP_SUFFIX, NULL);
  fd = g_mkstemp_full (temp_path, O_WRONLY | O_CLOEXEC, exists ? 0600 : 0666);
  if (fd < 0)
    {
      int errsv = errno;
      g_autofree char *display_name = g_filename_display_name (dir);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   /* Translators: the first %s is a folder, the second why (e.g.
                    * "Permission denied"). */
                   _("Could not create a temporary file in “%s”: %s"),
                   display_name, g_strerror (errsv));
      return FALSE;
    }

  /* Held until the file is renamed (closing releases it), so that another
   * process saving the same file does not take it for a stale one. */
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    g_debug ("Could not lock %s: %s", temp_path, g_strerror (errno));

  if (!write_all (fd, data, length, temp_path, cancellable, error)
      || (exists && !copy_permissions (fd, &st, temp_path, error)))
    goto failed;

  if (fsync (fd) != 0)
    {
      set_write_error (error, errno, temp_path);
      goto failed;
    }

  /* The last moment a cancellation can leave the old file. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto failed;

  if (g_rename (temp_path, target) != 0)
    {
      set_write_error (error, errno, target);
      goto failed;
    }

  /* The data are synced: closing cannot lose them now. */
  close (fd);
  sync_folder (dir);

  return TRUE;

failed:
  close (fd);
  g_unlink (temp_path);

  return FALSE;
}

/* g_file_replace(), for files that have no local path. GLib 2.74 closes the
 * stream normally after a failed write, so the backend may commit a partly
 * written file (as the local backend does with a full disk or a file size
 * limit). Closing with a cancelled GCancellable drops the temporary file
 * instead, leaving the old file as it was. */
static gboolean
replace_with_gio (GFile         *file,
                  const char    *data,
                  gsize          length,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) abort_close = NULL;

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, error);
  if (stream == NULL)
    return FALSE;

  if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), data, length, NULL,
                                  cancellable, error))
    {
      abort_close = g_cancellable_new ();
      g_cancellable_cancel (abort_close);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abort_close, NULL);
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);
}

gboolean
icc_file_replace_contents (GFile         *file,
                           const char    *data,
                           gsize          length,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    return replace_with_gio (file, data, length, cancellable, error);

  return replace_native (path, data, length, cancellable, error);
}
