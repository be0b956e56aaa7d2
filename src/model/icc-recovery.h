/* icc-recovery.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Unsaved edits, kept so that a crash or a kill loses at most a few seconds
 * of work. Each edited dataset has one recovery file in the recovery folder
 * ($ICC_TRACKER_RECOVERY_DIR, else the user's data folder's
 * icc-tracker/recovery), named from its file's URI ("untitled" for a dataset
 * without a file, such as the bundled one): KEY.json holds the dataset as it
 * would be saved and KEY.ini says which file it belongs to, when, and which
 * process wrote it. Both are written atomically (icc-file-replace.h), the
 * data first. Saving or discarding the edits removes both. */

typedef struct
{
  char   *data_path;    /* the dataset, as saved */
  char   *uri;          /* the file it belongs to; NULL when it had none */
  char   *title;        /* the dataset's title when written */
  gint64  written;      /* microseconds since the epoch (g_get_real_time) */
  int     pid;          /* the process that wrote it */
} IccRecoveryEntry;

char      *icc_recovery_get_dir        (void);
/* Where the data of @file's recovery file go (NULL: untitled). */
char      *icc_recovery_get_data_path  (const char    *dir,
                                        GFile         *file);
/* Writes (or replaces) the recovery file of @file (NULL: untitled). */
gboolean   icc_recovery_write          (const char    *dir,
                                        GFile         *file,
                                        const char    *title,
                                        GBytes        *data,
                                        GCancellable  *cancellable,
                                        GError       **error);
/* Removes it; TRUE when there was none. */
gboolean   icc_recovery_remove         (const char    *dir,
                                        GFile         *file,
                                        GError       **error);
/* What was left by processes that are no longer running, newest first: a
 * GPtrArray of IccRecoveryEntry (freed with the array). */
GPtrArray *icc_recovery_list_orphans   (const char    *dir);
void       icc_recovery_entry_free     (IccRecoveryEntry *entry);
/* Removes an entry's files (after it was restored or declined). */
gboolean   icc_recovery_entry_remove   (IccRecoveryEntry *entry,
                                        GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IccRecoveryEntry, icc_recovery_entry_free)

G_END_DECLS
