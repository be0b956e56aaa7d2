/* icc-cli.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "icc-date.h"

G_BEGIN_DECLS

/* The command line: --validate, --world-state, --changes, --format, --version,
 * --export-timelinejs, --export and --export-map work without a display
 * (--export draws with the timeline's renderer, --export-map with the map's,
 * no gtk_init()); --export-handout needs one
 * (it prints with GtkPrintOperation). IccApplication adds the options at construction and
 * calls icc_cli_handle_local_options() from handle-local-options. */
void icc_cli_add_main_options          (GApplication *application);
/* Returns an exit status, or -1 to let the application go on (open windows). */
int  icc_cli_handle_local_options      (GApplication *application,
                                        GVariantDict *options);

/* The pieces, for tests. They write to @out and return an exit status. */
int  icc_cli_validate                  (const char * const *files,
                                        GString            *out);
int  icc_cli_world_state               (const char         *file,
                                        const char         *date,
                                        const char         *format,
                                        GString            *out);

/* --changes=START..END: every status change in the range (icc-cli-changes.c). */
int  icc_cli_changes                   (const char         *file,
                                        const char         *range,
                                        const char         *format,
                                        GString            *out);

/* icc-cli-export.c */
int  icc_cli_export_timelinejs         (const char         *dataset_file,
                                        const char         *output,
                                        const char         *tour,
                                        const char         *range,
                                        GString            *out);
int  icc_cli_export_tour               (const char         *dataset_file,
                                        const char         *output,
                                        const char         *tour,
                                        const char         *size,
                                        double              scale,
                                        GString            *out);
/* --export, with --show's words and the cursor's --date (default: today) */
int  icc_cli_export_image              (const char         *dataset_file,
                                        const char         *output,
                                        const char         *range,
                                        const char         *size,
                                        double              scale,
                                        const char         *show,
                                        const char         *date,
                                        GString            *out);
int  icc_cli_export_map                (const char         *dataset_file,
                                        const char         *output,
                                        const char         *date,
                                        const char         *size,
                                        double              scale,
                                        GString            *out);
int  icc_cli_export_handout            (const char         *dataset_file,
                                        const char         *output,
                                        GString            *out);

/* The dataset of FILE (NULL: the bundled one) with localized names, or
 * NULL with the problems in @out. */
typedef struct _IccDataset IccDataset;
IccDataset *_icc_cli_load_dataset      (const char         *file,
                                        GString            *out);
/* "WIDTHxHEIGHT", each side in range. */
gboolean    _icc_cli_parse_size        (const char         *text,
                                        int                *width,
                                        int                *height);
gboolean    _icc_cli_parse_date_or_today  (const char      *text,
                                           IccDate         *date,
                                           GString         *out);
gboolean    _icc_cli_parse_size_and_scale (const char      *size,
                                           int             *width,
                                           int             *height,
                                           double          *scale,
                                           GString         *out);

G_END_DECLS
