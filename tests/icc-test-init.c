/* icc-test-init.c: linked into every test program.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GLib stops a thread pool's idle thread after 15 s. A test that ran a GTask
 * 15 s before it ends can then have a thread exiting while LeakSanitizer
 * scans every thread's stack at exit, and LSan's tracer crashes ("Tracer
 * caught signal 11" in ScanRangeForPointers), as two CI-like runs showed. Idle
 * threads that wait instead of exiting keep the end of a test deterministic.
 */

#include <glib.h>

__attribute__((constructor)) static void
icc_test_init (void)
{
  g_thread_pool_set_max_idle_time (0);
}
