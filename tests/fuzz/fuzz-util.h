/* fuzz-util.h: what the fuzz targets share. Define FUZZ_NAME before
 * including it.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib.h>

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

static void fail (const char *format,
                  ...) G_GNUC_PRINTF (1, 2) G_GNUC_NORETURN;

/* Says what is wrong and aborts, so that libFuzzer keeps the input. */
static void
fail (const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  fputs (FUZZ_NAME ": ", stderr);
  vfprintf (stderr, format, args);
  fputc ('\n', stderr);
  va_end (args);

  abort ();
}

/* A warning or a critical (a failed g_return_if_fail()) is a bug: abort, so
 * that libFuzzer keeps the input, whatever G_DEBUG says. Quieter levels are
 * dropped to keep the fuzzer's output readable. */
static GLogWriterOutput
log_writer (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  if ((log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)) != 0)
    {
      g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
      abort ();
    }

  return G_LOG_WRITER_HANDLED;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_writer_func (log_writer, NULL, NULL);

  return 0;
}
