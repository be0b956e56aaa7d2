/* bench-hostile.c: loading files made to hurt the loader.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case is built in memory and loaded with icc_dataset_load_bytes() in a
 * child process of its own, which reports the load's wall time and the
 * child's peak resident memory (ru_maxrss, input included). Targets (issue
 * 10): a 60 MB file with one unmatched quote under 600 MB peak; every case
 * refused or loaded in well under a second per MB.
 *
 *   bench-hostile [MB]      (default 60)
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "icc-dataset-json.h"

typedef GString *(*BuildFunc) (gsize size);

static GString *
build_unmatched_quote (gsize size)
{
  GString *s = g_string_sized_new (size + 16);

  g_string_append (s, "{\"title\": \"");
  while (s->len < size)
    g_string_append (s, "no closing quote in sight, ");

  return s;
}

static GString *
build_comment_hides_nesting (gsize size)
{
  GString *s = g_string_sized_new (size + 16);
  gsize levels = (size - 16) / 2;

  g_string_append (s, "{\"x\": /* \" */ ");
  for (gsize i = 0; i < levels; i++)
    g_string_append_c (s, '[');
  for (gsize i = 0; i < levels; i++)
    g_string_append_c (s, ']');
  g_string_append_c (s, '}');

  return s;
}

static GString *
build_escapes (gsize size)
{
  GString *s = g_string_sized_new (size + 64);

  /* One string of escapes, closed at the very end. */
  g_string_append (s, "{\"format\":\"icc-tracker\",\"version\":1,\"title\":\"");
  while (s->len < size)
    g_string_append (s, "\\\"\\\\\\n\\u00e9\\ud83d\\ude00");
  g_string_append (s, "\",\"states\":[],\"events\":[]}");

  return s;
}

static GString *
build_long_text (gsize size)
{
  GString *s = g_string_sized_new (size + 256);

  /* A valid file: one article of @size bytes. */
  g_string_append (s, "{\"format\":\"icc-tracker\",\"version\":1,\"title\":\"T\",\"states\":[],"
                      "\"events\":[],\"articles\":[{\"id\":\"a\",\"title\":\"A\",\"text\":\"");
  while (s->len < size)
    g_string_append (s, "Russia withdrew its signature from the Rome Statute. ");
  g_string_append (s, "\"}]}");

  return s;
}

static void
run_case (const char *name,
          BuildFunc   build,
          gsize       size)
{
  pid_t pid;
  int fds[2];
  int status;
  double seconds = -1;
  long maxrss_kib = -1;
  gboolean loaded = FALSE;

  if (pipe (fds) != 0)
    g_error ("pipe failed");

  pid = fork ();
  if (pid == 0)
    {
      GString *text = build (size);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(IccDataset) dataset = NULL;
      struct rusage usage;
      gint64 start;
      char line[128];

      gsize len = text->len;

      bytes = g_bytes_new_take (g_string_free (text, FALSE), len);
      start = g_get_monotonic_time ();
      dataset = icc_dataset_load_bytes (bytes, &problems, &error);
      seconds = (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;
      getrusage (RUSAGE_SELF, &usage);

      g_snprintf (line, sizeof line, "%f %ld %d\n", seconds, usage.ru_maxrss, dataset != NULL);
      if (write (fds[1], line, strlen (line)) < 0)
        _exit (1);
      if (error != NULL)
        fprintf (stderr, "  %s: %s\n", name, error->message);
      _exit (0);
    }

  close (fds[1]);
  {
    char buf[128] = { 0 };
    ssize_t n = read (fds[0], buf, sizeof buf - 1);
    int ok = 0;

    if (n > 0 && sscanf (buf, "%lf %ld %d", &seconds, &maxrss_kib, &ok) == 3)
      loaded = ok;
  }
  close (fds[0]);
  waitpid (pid, &status, 0);

  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    printf ("%-24s %6.1f MB  CRASHED (status %d)\n", name, size / 1e6, status);
  else
    printf ("%-24s %6.1f MB  %8.3f s  peak %7.1f MB  %s\n", name, size / 1e6, seconds,
            maxrss_kib / 1024.0, loaded ? "loaded" : "refused");
}

int
main (int   argc,
      char *argv[])
{
  gsize mb = argc > 1 ? (gsize)g_ascii_strtoull (argv[1], NULL, 10) : 60;
  gsize size = mb * 1000 * 1000;

  printf ("case                     size        load        peak RSS\n");
  run_case ("unmatched-quote", build_unmatched_quote, size);
  run_case ("comment-hides-nesting", build_comment_hides_nesting, MIN (size, 1000 * 1000));
  run_case ("escapes", build_escapes, size);
  run_case ("long-text (valid)", build_long_text, size);

  return 0;
}
