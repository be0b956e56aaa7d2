/* icc-file-replace.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How the names of the temporary files end: `.NAME.XXXXXX.icc-save`. */
#define ICC_FILE_REPLACE_TEMP_SUFFIX ".icc-save"

/* Replaces the contents of @file with the @length bytes of @data, atomically:
 * after an error, a cancellation or the process being killed, @file has its
 * old contents or the new ones, never a part of them. Once the call has
 * returned TRUE, the new contents are on the disk (fsync).
 *
 * A local file is replaced as follows (docs/FORMAT.md says the same for
 * users):
 *
 *  - Symbolic links are followed, a chain of them too (relative and absolute
 *    targets, at most 40 links; a loop is G_IO_ERROR_TOO_MANY_LINKS). The
 *    file they lead to is replaced; the links stay links, pointing where
 *    they did. A dangling link creates the file it points to.
 *  - The data go to a temporary file in the folder of that file, named
 *    `.NAME.XXXXXX.icc-save` (NAME is the file's name, its first 200 bytes
 *    when longer; XXXXXX random), created exclusively with mode 0600 and
 *    locked (flock) while in use. Once every byte is written, it gets the
 *    permissions of the old file, is synced (fsync), and is renamed over the
 *    file; then the folder is synced. The folder must therefore be writable,
 *    and so must the file (a read-only file is refused, as g_file_replace()
 *    refuses it, although the rename alone would need only the folder).
 *  - Permissions: the old file's read, write and execute bits for user,
 *    group and others (not setuid, setgid or sticky), its owner and group
 *    when the system allows it (root; a group the user belongs to); when the
 *    group cannot be kept, the group gets no more than others. A new file gets
 *    0666 less the umask. ACLs and extended attributes are not copied.
 *  - Hard links: the rename gives the saved name a new file, so the name
 *    saved to has the new contents and the file's other names keep the old
 *    ones (the link is broken). This is a choice: g_file_replace() (and so the
 *    GNOME editors that save with it) writes a file that has more than one
 *    name, or is reached through a symbolic link, in place, truncating it
 *    first, so a kill during the save can leave it cut short. Its
 *    G_FILE_CREATE_REPLACE_DESTINATION flag does rename ("replace the
 *    destination as if it didn't exist before"), but then replaces a
 *    symbolic link itself with a regular file and does not keep the
 *    permissions. We rename always, following links and keeping permissions.
 *  - On any error the temporary file is removed and the file is untouched;
 *    @error (G_IO_ERROR domain) names what failed. A temporary file left by a
 *    killed save is removed at the start of the next save of the same file
 *    (not while another process saving that file holds its lock).
 *
 * Any other GFile (g_file_get_path() returns NULL) is written with
 * g_file_replace(), whose atomicity is the backend's. */
gboolean icc_file_replace_contents (GFile         *file,
                                    const char    *data,
                                    gsize          length,
                                    GCancellable  *cancellable,
                                    GError       **error);

G_END_DECLS
