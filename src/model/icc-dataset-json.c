/* icc-dataset-json.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "icc-dataset-json.h"
#include "icc-dataset-json-private.h"
#include "icc-dataset-resources.h"
#include "icc-json-strict.h"

/* The loader works in three passes, so that one run reports every problem:
 *
 *  1. the bytes: size, UTF-8, JSON syntax (one problem, with line and column);
 *  2. the tree: every field of every object is checked against the format
 *     (docs/FORMAT.md) and reported with its JSON path, and the model objects
 *     are built from what is valid;
 *  3. the model: icc_dataset_index() checks what needs the whole dataset
 *     (transitions, anchoring); its reports are mapped back to JSON paths.
 *
 * An event that cannot be built (bad id, date, kind or states) is left out of
 * the dataset, and the transition errors of its states are not reported: they
 * would only be consequences of the first error. */

#define BUNDLED_PATH "/org/example/IccTracker/dataset/icc-tracker.json"

/* Deepest nesting of arrays and objects accepted (checked before json-glib
 * parses, see icc-json-strict.c). json-glib parses recursively and crashes on
 * deep enough input (about 100000 levels), and so would the validation; the
 * format itself needs 5. */
#define MAX_DEPTH 256

/* Parse trees of files from this size on are freed on another thread. */
#define FREE_TREE_LATER_SIZE (4 * 1024 * 1024)

G_DEFINE_QUARK (icc-dataset-error-quark, icc_dataset_error)

static void
position_of_offset (const char *data,
                    gsize       offset,
                    int        *line,
                    int        *column)
{
  const char *line_start = data;

  *line = 1;
  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      {
        (*line)++;
        line_start = data + i + 1;
      }

  *column = (int)g_utf8_strlen (line_start, data + offset - line_start) + 1;
}

/* json-glib reports columns in bytes: converts to characters. */
static int
byte_column_to_chars (const char *data,
                      gsize       size,
                      int         line,
                      int         byte_column)
{
  const char *p = data;
  const char *end = data + size;
  const char *line_end;
  gsize offset;

  if (byte_column < 1)
    return byte_column;

  for (int l = 1; l < line; l++)
    {
      p = memchr (p, '\n', end - p);
      if (p == NULL)
        return byte_column;
      p++;
    }

  line_end = memchr (p, '\n', end - p);
  if (line_end == NULL)
    line_end = end;

  /* Past the end of the line: one column for each byte beyond it. */
  offset = (gsize)byte_column - 1;
  if (offset >= (gsize)(line_end - p))
    return (int)(g_utf8_strlen (p, line_end - p) + 1 + (offset - (line_end - p)));

  /* Do not split a character. */
  while (offset > 0 && (p[offset] & 0xc0) == 0x80)
    offset--;

  return (int)g_utf8_strlen (p, offset) + 1;
}

static void
report_syntax_error (Loader       *self,
                     const char   *data,
                     gsize         size,
                     const GError *parse_error)
{
  const char *message = parse_error->message;
  const char *p;
  int line = 0, column = 0;

  /* json-glib 1.6: "<data>:LINE:COLUMN: Parse error: MESSAGE". */
  p = strstr (message, "<data>:");
  if (p != NULL)
    {
      char *end;
      gint64 l, c;

      p += strlen ("<data>:");
      l = g_ascii_strtoll (p, &end, 10);
      if (end != p && *end == ':')
        {
          p = end + 1;
          c = g_ascii_strtoll (p, &end, 10);
          if (end != p && *end == ':' && l > 0 && l <= G_MAXINT && c >= 0 && c <= G_MAXINT)
            {
              line = (int)l;
              column = byte_column_to_chars (data, size, line, (int)c);
              message = end + 1;
              while (*message == ' ')
                message++;
            }
        }
    }

  if (g_str_has_prefix (message, "Parse error: "))
    message += strlen ("Parse error: ");

  {
    /* Translators: %s is json-glib's description of the error (in English). */
    g_autofree char *text = g_strdup_printf (_("syntax error: %s"), message);

    loader_add (self, ICC_PROBLEM_ERROR, "", line, column, text);
  }
}

static void
loader_init (Loader *self)
{
  memset (self, 0, sizeof *self);

  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify)icc_problem_free);
  self->dataset = icc_dataset_new ();
  self->article_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->built_articles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->state_codes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->event_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->era_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->tour_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->paths = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->tainted_states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
loader_clear (Loader *self)
{
  g_clear_pointer (&self->article_ids, g_hash_table_unref);
  g_clear_pointer (&self->built_articles, g_hash_table_unref);
  g_clear_pointer (&self->state_codes, g_hash_table_unref);
  g_clear_pointer (&self->event_ids, g_hash_table_unref);
  g_clear_pointer (&self->era_ids, g_hash_table_unref);
  g_clear_pointer (&self->tour_ids, g_hash_table_unref);
  g_clear_pointer (&self->paths, g_hash_table_unref);
  g_clear_pointer (&self->tainted_states, g_hash_table_unref);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
}

static void
set_invalid_error (Loader  *self,
                   GError **error)
{
  const IccProblem *first = NULL;
  g_autofree char *first_text = NULL;

  for (guint i = 0; i < self->problems->len && first == NULL; i++)
    {
      const IccProblem *problem = g_ptr_array_index (self->problems, i);

      if (problem->severity == ICC_PROBLEM_ERROR)
        first = problem;
    }

  if (first != NULL)
    first_text = icc_problem_to_string (first, NULL);

  /* Translators: %u is a number of errors, %s the first of them. */
  g_set_error (error, ICC_DATASET_ERROR, ICC_DATASET_ERROR_INVALID,
               g_dngettext (GETTEXT_PACKAGE,
                            "The dataset has %u error: %s",
                            "The dataset has %u errors, the first: %s",
                            self->n_errors),
               self->n_errors, first_text != NULL ? first_text : "");
}

static void
return_problems (Loader     *self,
                 GPtrArray **problems)
{
  if (problems != NULL)
    *problems = g_steal_pointer (&self->problems);
}

static void
free_tree_func (gpointer data,
                gpointer user_data)
{
  g_object_unref (data);
}

/* Freeing the parse tree of a large file takes about a third as long as
 * parsing it: the dataset no longer needs it (the loader copies what it
 * keeps, see loader_deep_copy_node()), so a large one is freed on another
 * thread while the caller goes on. The thread is one of GLib's shared pool,
 * not a thread of its own: no thread is made and ended for each file. */
static void
free_tree_later (JsonParser *parser,
                 gsize       size)
{
  static GThreadPool *pool;

  if (size >= FREE_TREE_LATER_SIZE)
    {
      if (g_once_init_enter (&pool))
        g_once_init_leave (&pool, g_thread_pool_new (free_tree_func, NULL, 1, FALSE, NULL));

      if (pool != NULL && g_thread_pool_push (pool, parser, NULL))
        return;
    }

  g_object_unref (parser);
}

IccDataset *
icc_dataset_load_bytes (GBytes     *bytes,
                        GPtrArray **problems,
                        GError    **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  IccDataset *dataset = NULL;
  const char *data;
  g_autofree char *message = NULL;
  const char *invalid;
  gsize error_offset;
  gsize size;
  JsonNode *root;
  Loader self;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (problems != NULL)
    *problems = NULL;

  loader_init (&self);
  data = g_bytes_get_data (bytes, &size);

  if (size > ICC_DATASET_MAX_SIZE)
    {
      g_autofree char *max = g_format_size_full (ICC_DATASET_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("the file is larger than %s"), max);
      loader_add (&self, ICC_PROBLEM_ERROR, "", 0, 0, message);
      g_set_error (error, ICC_DATASET_ERROR, ICC_DATASET_ERROR_TOO_LARGE,
                   _("The file is larger than %s"), max);
      goto out;
    }

  if (size == 0 || data == NULL)
    {
      report_error (&self, "", _("the file is empty"));
      goto invalid;
    }

  if (!icc_utf8_validate (data, size, &invalid))
    {
      int line, column;

      position_of_offset (data, invalid - data, &line, &column);
      loader_add (&self, ICC_PROBLEM_ERROR, "", line, column,
                  *invalid == '\0' ? _("the file contains a NUL byte")
                                   : _("the file is not valid UTF-8"));
      goto invalid;
    }

  /* A byte order mark is not JSON, but editors write it: skip it. */
  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      size -= 3;
    }

  /* json-glib accepts more than JSON, and crashes on deep nesting: it only
   * gets what is strict JSON (see icc-json-strict.c). */
  if (!icc_json_check_strict (data, size, MAX_DEPTH, &error_offset, &message))
    {
      int line, column;

      g_autofree char *text = NULL;

      position_of_offset (data, error_offset, &line, &column);
      /* Translators: %s says what is wrong with the file's JSON. */
      text = g_strdup_printf (_("syntax error: %s"), message);
      loader_add (&self, ICC_PROBLEM_ERROR, "", line, column, text);
      goto invalid;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, (gssize)size, &parse_error))
    {
      report_syntax_error (&self, data, size, parse_error);
      goto invalid;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      report_error (&self, "", _("the file is empty"));
      goto invalid;
    }

  if (!loader_expect_type (&self, root, "", TYPE_OBJECT))
    goto invalid;

  /* Walking the whole tree is only needed when a \u escape could have put
   * invalid UTF-8 in a string. */
  if (loader_has_unicode_escape (data, size))
    {
      loader_check_values (&self, root, NULL, TRUE);
      self.values_checked = TRUE;
    }
  self.root = json_node_get_object (root);
  loader_load_root (&self, self.root);
  self.root = NULL;

  if (self.n_errors == 0)
    {
      dataset = g_steal_pointer (&self.dataset);
      goto out;
    }

invalid:
  set_invalid_error (&self, error);

out:
  return_problems (&self, problems);
  loader_clear (&self);
  if (parser != NULL)
    free_tree_later (g_steal_pointer (&parser), size);

  return dataset;
}

/* Reads at most ICC_DATASET_MAX_SIZE + 1 bytes, so that a file that grows
 * while being read cannot make us read more. */
static GBytes *
read_stream (GInputStream  *stream,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GByteArray) buffer = NULL;
  gsize limit = (gsize)ICC_DATASET_MAX_SIZE + 1;

  buffer = g_byte_array_new ();

  while (buffer->len < limit)
    {
      gsize chunk = MIN ((gsize)64 * 1024, limit - buffer->len);
      gsize old_len = buffer->len;
      gsize n_read;

      g_byte_array_set_size (buffer, old_len + chunk);
      if (!g_input_stream_read_all (stream, buffer->data + old_len, chunk,
                                    &n_read, cancellable, error))
        return NULL;

      g_byte_array_set_size (buffer, old_len + n_read);
      if (n_read < chunk)
        break;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/* The same from a file descriptor of a regular file. */
static GBytes *
read_fd (int            fd,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  gsize limit = (gsize)ICC_DATASET_MAX_SIZE + 1;

  while (buffer->len < limit)
    {
      gsize chunk = MIN ((gsize)256 * 1024, limit - buffer->len);
      gsize old_len = buffer->len;
      gssize n_read;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      g_byte_array_set_size (buffer, old_len + chunk);
      do
        n_read = read (fd, buffer->data + old_len, chunk);
      while (n_read < 0 && errno == EINTR);

      if (n_read < 0)
        {
          int saved_errno = errno;

          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               g_strerror (saved_errno));
          return NULL;
        }

      g_byte_array_set_size (buffer, old_len + (gsize)n_read);
      if (n_read == 0)
        break;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

static gboolean
not_regular_error (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                       _("It is a pipe, a device or a socket, not a file"));
  return FALSE;
}

/* Only regular files are read: opening a FIFO would wait for a writer
 * forever, and a device could be read without end. A local file is opened
 * without blocking and checked on the opened descriptor, so that it cannot
 * be swapped for a FIFO between the check and the read. */
static GBytes *
read_file (GFile         *file,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GFileInputStream) file_stream = NULL;
  g_autofree char *path = g_file_get_path (file);
  GBytes *bytes;
  struct stat st;
  int fd;
  int saved_errno;

  if (path == NULL)
    {
      g_autoptr(GFileInfo) info = NULL;

      file_stream = g_file_read (file, cancellable, error);
      if (file_stream == NULL)
        return NULL;

      info = g_file_input_stream_query_info (file_stream, G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                             cancellable, NULL);
      if (info != NULL && g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
        {
          not_regular_error (error);
          return NULL;
        }

      return read_stream (G_INPUT_STREAM (file_stream), cancellable, error);
    }

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
      return NULL;
    }

  if (fstat (fd, &st) != 0)
    {
      saved_errno = errno;
      close (fd);
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
      return NULL;
    }

  /* O_NONBLOCK is without effect on a regular file's reads. */
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      if (S_ISDIR (st.st_mode))
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("It is a folder"));
      else
        not_regular_error (error);
      return NULL;
    }

  bytes = read_fd (fd, cancellable, error);
  close (fd);

  return bytes;
}

static void
set_io_error (GFile      *file,
              GPtrArray **problems,
              GError    **error,
              GError     *io_error)
{
  g_autofree char *name = g_file_get_parse_name (file);

  if (problems != NULL)
    {
      *problems = g_ptr_array_new_with_free_func ((GDestroyNotify)icc_problem_free);
      g_ptr_array_add (*problems, icc_problem_new (ICC_PROBLEM_ERROR, "", 0, 0, io_error->message));
    }

  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, io_error);
  else
    {
      /* Translators: the first %s is a file name, the second why it could not be read. */
      g_set_error (error, ICC_DATASET_ERROR, ICC_DATASET_ERROR_IO,
                   _("Could not read “%s”: %s"), name, io_error->message);
      g_error_free (io_error);
    }
}

IccDataset *
icc_dataset_load_file (GFile         *file,
                       GPtrArray    **problems,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  IccDataset *dataset;
  GError *local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (problems != NULL)
    *problems = NULL;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      set_io_error (file, problems, error, local_error);
      return NULL;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                           _("It is a folder"));
      set_io_error (file, problems, error, local_error);
      return NULL;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      not_regular_error (&local_error);
      set_io_error (file, problems, error, local_error);
      return NULL;
    }

  if (g_file_info_get_size (info) > ICC_DATASET_MAX_SIZE)
    {
      g_autofree char *max = g_format_size_full (ICC_DATASET_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *message = g_strdup_printf (_("the file is larger than %s"), max);

      if (problems != NULL)
        {
          *problems = g_ptr_array_new_with_free_func ((GDestroyNotify)icc_problem_free);
          g_ptr_array_add (*problems, icc_problem_new (ICC_PROBLEM_ERROR, "", 0, 0, message));
        }
      g_set_error (error, ICC_DATASET_ERROR, ICC_DATASET_ERROR_TOO_LARGE,
                   _("The file is larger than %s"), max);
      return NULL;
    }

  bytes = read_file (file, cancellable, &local_error);
  if (bytes == NULL)
    {
      set_io_error (file, problems, error, local_error);
      return NULL;
    }

  dataset = icc_dataset_load_bytes (bytes, problems, error);
  if (dataset != NULL)
    icc_dataset_set_file (dataset, file);

  return dataset;
}

IccDataset *
icc_dataset_load_bundled (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_resource_lookup_data (icc_dataset_resources_get_resource (), BUNDLED_PATH,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  return icc_dataset_load_bytes (bytes, NULL, error);
}
