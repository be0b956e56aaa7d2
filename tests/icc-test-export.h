/* icc-test-export.h: what the export tests share: artifacts, poppler's
 * readings of a PDF, pixels of a PNG, a one-event dataset, the program run
 * with no display.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <gtk/gtk.h>

#include "icc-dataset-json.h"

/* Copies @file to the build directory, to look at. */
static inline void
keep_artifact (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *artifact = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_autoptr(GFile) dest = g_file_new_for_path (artifact);

  g_file_copy (file, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL);
}

/* Pages of a PDF, as pdfinfo reads them; -1 when pdfinfo is not installed. */
static inline int
pdfinfo_pages (GFile *file)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  const char *line;
  int status = 0;

  if (pdfinfo == NULL)
    return -1;

  argv[0] = pdfinfo;
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  line = strstr (out, "Pages:");
  g_assert_nonnull (line);

  return atoi (line + strlen ("Pages:"));
}

/* The text of a PDF as pdftotext reads it, pages separated by form feeds;
 * with @bbox, as XHTML giving every word's box. NULL when pdftotext is not
 * installed. */
static inline char *
pdftotext (GFile    *file,
           gboolean  bbox)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  /* Without -bbox, -q (quiet) holds its place. */
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", bbox ? "-bbox" : "-q", path, "-", NULL };
  char *out = NULL;
  int status = 0;

  if (pdftotext == NULL)
    return NULL;

  argv[0] = pdftotext;
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

/* @text with every run of white space (line breaks and no-break spaces too)
 * as one space, as pdftotext gives it. */
static inline char *
collapse_spaces (const char *text)
{
  GString *str = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (str, c);
      else if (str->len > 0 && str->str[str->len - 1] != ' ')
        g_string_append_c (str, ' ');
    }

  return g_string_free (str, FALSE);
}

/* One statement (a filled circle, #CC79A7) on 14 November 2016. */
#define ONE_EVENT_JSON \
  "{\"format\": \"icc-tracker\", \"version\": 1, \"title\": \"One event\"," \
  " \"articles\": [], \"states\": [], \"events\": [{\"id\": \"e1\"," \
  " \"date\": \"2016-11-14\", \"kind\": \"statement\", \"title\": \"Testland signs\"}]}"
#define ONE_EVENT_RANGE "2016-11-01..2016-11-30"
#define MARKER_RGB      0xCC, 0x79, 0xA7

static inline IccDataset *
one_event_dataset (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (ONE_EVENT_JSON, strlen (ONE_EVENT_JSON));
  g_autoptr(GError) error = NULL;
  IccDataset *one = icc_dataset_load_bytes (bytes, NULL, &error);

  g_assert_no_error (error);

  return one;
}

/* Pixels of @png within 10 levels of @r, @g, @b in columns [@x0, @x1) and
 * rows [@y0, @y1). */
static inline guint
count_color_in (cairo_surface_t *png,
                int              x0,
                int              x1,
                int              y0,
                int              y1,
                guint8           r,
                guint8           g,
                guint8           b)
{
  int width = cairo_image_surface_get_width (png);
  int height = cairo_image_surface_get_height (png);
  int stride = cairo_image_surface_get_stride (png);
  const guint8 *data;
  guint n = 0;

  cairo_surface_flush (png);
  data = cairo_image_surface_get_data (png);
  for (int y = MAX (y0, 0); y < MIN (y1, height); y++)
    for (int x = MAX (x0, 0); x < MIN (x1, width); x++)
      {
        guint32 p = *(const guint32 *)(data + y * stride + x * 4);

        if (ABS ((int)((p >> 16) & 0xff) - r) <= 10 &&
            ABS ((int)((p >> 8) & 0xff) - g) <= 10 &&
            ABS ((int)(p & 0xff) - b) <= 10)
          n++;
      }

  return n;
}

/* Runs the real program with @args and no display; returns its status. */
static inline int
run_cli (const char * const *args,
         char              **err)
{
  const char *binary = g_getenv ("ICC_TRACKER_BIN");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_nonnull (binary);
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  g_ptr_array_add (argv, (char *)binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *)args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, envp, G_SPAWN_DEFAULT,
                               NULL, NULL, NULL, err, &status, &error));
  g_assert_no_error (error);

  return WIFEXITED (status) ? WEXITSTATUS (status) : 128;
}

static inline char *
replace_all (const char *text,
             const char *from,
             const char *to)
{
  g_auto(GStrv) parts = g_strsplit (text, from, -1);

  return g_strjoinv (to, parts);
}

/* Deletes the folder @path and what it holds. */
static inline void
icc_test_remove_tree (const char *path)
{
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);

  while (children != NULL &&
         (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (dir, g_file_info_get_name (info));

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          g_autofree char *child_path = g_file_get_path (child);

          icc_test_remove_tree (child_path);
        }
      else
        {
          g_file_delete (child, NULL, NULL);
        }
      g_object_unref (info);
    }
  g_file_delete (dir, NULL, NULL);
}
