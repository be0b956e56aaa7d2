/* icc-article-import.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Articles from plain text, Markdown and web pages. Every format goes the
 * same way: the bytes become UTF-8 (_icc_article_import_decode()), the
 * format's reader finds the text and what it can of the title, author,
 * date, address and outlet, and _icc_article_import_normalize() gives the
 * text its one shape: LF line ends, no control characters but tab and
 * newline, no trailing white space, paragraphs separated by one blank line.
 * icc-article-import-private.h says which file does what.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>

#include "icc-article-import-private.h"

#define MAX_ID_LENGTH 60
#define ID_PREFIX "imported"

/* Characters of the title that can make it into an id. */
#define MAX_ID_TITLE_CHARS 100

/* Files are read in pieces of this size, to look at the cancellable between. */
#define READ_CHUNK (4 * 1024 * 1024)

G_DEFINE_QUARK (icc-article-import-error-quark, icc_article_import_error)

void
_icc_import_result_clear (IccImportResult *imported)
{
  g_clear_pointer (&imported->title, g_free);
  g_clear_pointer (&imported->author, g_free);
  g_clear_pointer (&imported->outlet, g_free);
  g_clear_pointer (&imported->url, g_free);
  g_clear_pointer (&imported->text, g_free);
  g_clear_pointer (&imported->edit_note, g_free);
  icc_date_clear (&imported->date);
}

/* Errors. @name is the file's name as shown to people, or NULL for text
 * without a file (pasted). */

void
_icc_article_import_set_empty_error (GError     **error,
                                     const char  *name)
{
  if (name != NULL)
    g_set_error (error, ICC_ARTICLE_IMPORT_ERROR, ICC_ARTICLE_IMPORT_ERROR_EMPTY,
                 _("“%s” has no text"), name);
  else
    g_set_error_literal (error, ICC_ARTICLE_IMPORT_ERROR, ICC_ARTICLE_IMPORT_ERROR_EMPTY,
                         _("There is no text to make an article of"));
}

static void
set_too_large_error (GError     **error,
                     const char  *name,
                     guint64      size)
{
  g_autofree char *size_text = g_format_size (size);
  g_autofree char *limit_text = g_format_size (ICC_ARTICLE_IMPORT_MAX_SIZE);

  if (name != NULL)
    g_set_error (error, ICC_ARTICLE_IMPORT_ERROR, ICC_ARTICLE_IMPORT_ERROR_TOO_LARGE,
                 /* Translators: “%s” is a file name, then two sizes, such as “70.0 MB”. */
                 _("“%s” is too large to be an article (%s; the most is %s)"),
                 name, size_text, limit_text);
  else
    g_set_error (error, ICC_ARTICLE_IMPORT_ERROR, ICC_ARTICLE_IMPORT_ERROR_TOO_LARGE,
                 /* Translators: two sizes, such as “70.0 MB”. */
                 _("The text is too large to be an article (%s; the most is %s)"),
                 size_text, limit_text);
}

void
_icc_article_import_set_parse_error (GError     **error,
                                     const char  *name)
{
  if (name != NULL)
    g_set_error (error, ICC_ARTICLE_IMPORT_ERROR, ICC_ARTICLE_IMPORT_ERROR_PARSE,
                 _("“%s” could not be read as a web page"), name);
  else
    g_set_error_literal (error, ICC_ARTICLE_IMPORT_ERROR, ICC_ARTICLE_IMPORT_ERROR_PARSE,
                         _("The text could not be read as a web page"));
}

/* Ids */

static char *
make_id (const char    *title,
         const IccDate *date)
{
  GString *id = g_string_new (ID_PREFIX);
  gsize title_start;

  if (date != NULL && icc_date_is_set (date))
    {
      g_autofree char *iso = icc_date_to_iso (date);

      g_string_append_c (id, '-');
      g_string_append (id, iso);
    }
  title_start = id->len;

  if (title != NULL)
    {
      g_autofree char *valid = g_utf8_make_valid (title, -1);
      glong n_chars = g_utf8_strlen (valid, -1);
      g_autofree char *head = g_utf8_substring (valid, 0, MIN (n_chars, MAX_ID_TITLE_CHARS));
      g_autofree char *ascii = g_str_to_ascii (head, "C");
      gboolean dash = TRUE;

      for (const char *p = ascii; *p != '\0'; p++)
        {
          if (*p == '\'')
            continue;
          if (!g_ascii_isalnum (*p))
            {
              dash = TRUE;
              continue;
            }
          if (dash)
            g_string_append_c (id, '-');
          dash = FALSE;
          g_string_append_c (id, g_ascii_tolower (*p));
        }
    }

  /* Cut after the last word of the title that fits, or in the first. */
  if (id->len > MAX_ID_LENGTH)
    {
      gsize cut = MAX_ID_LENGTH;

      while (cut > title_start && id->str[cut] != '-')
        cut--;
      if (cut <= title_start)
        cut = MAX_ID_LENGTH;
      g_string_truncate (id, cut);
    }
  while (id->len > 0 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);

  return g_string_free (id, FALSE);
}

/* Import */

static void
ensure_libxml (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }
}

/* @filename decides the format; @name is shown in messages. */
static IccArticle *
import_data (const char  *data,
             gsize        len,
             const char  *filename,
             const char  *name,
             GError     **error)
{
  g_auto(IccImportResult) imported = { NULL };
  g_autofree char *owned = NULL;
  g_autofree char *id = NULL;
  Format format = _icc_article_import_format_from_name (filename);
  const char *text = NULL;
  gsize text_len = 0;
  IccArticle *article;

  if (len > ICC_ARTICLE_IMPORT_MAX_SIZE)
    {
      set_too_large_error (error, name, len);
      return NULL;
    }

  if (!_icc_article_import_decode (data, len, &format, name, &owned, &text, &text_len, error))
    return NULL;

  switch (format)
    {
    case FORMAT_HTML:
      ensure_libxml ();
      if (!_icc_article_import_html (text, text_len, name, &imported, error))
        return NULL;
      break;

    case FORMAT_MARKDOWN:
      _icc_article_import_markdown (text, text_len, name, &imported);
      break;

    case FORMAT_TEXT:
    case FORMAT_UNKNOWN:
    default:
      _icc_article_import_plain (text, text_len, &imported);
      break;
    }

  if (imported.text == NULL || imported.text[0] == '\0')
    {
      _icc_article_import_set_empty_error (error, name);
      return NULL;
    }

  id = make_id (imported.title, &imported.date);
  article = icc_article_new (id);
  icc_article_set_title (article, imported.title);
  icc_article_set_author (article, imported.author);
  icc_article_set_outlet (article, imported.outlet);
  icc_article_set_url (article, imported.url);
  icc_article_set_text (article, imported.text);
  icc_article_set_edit_note (article, imported.edit_note);
  if (icc_date_is_set (&imported.date))
    icc_article_set_date (article, &imported.date);

  return article;
}

/**
 * icc_article_import_bytes:
 * @bytes: a file's contents
 * @filename: (nullable): its name, for its extension (the format) and messages
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): a new article, or %NULL with @error set
 */
IccArticle *
icc_article_import_bytes (GBytes      *bytes,
                          const char  *filename,
                          GError     **error)
{
  g_autofree char *name = NULL;
  gconstpointer data;
  gsize len;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  if (filename != NULL)
    name = g_filename_display_basename (filename);

  return import_data (data != NULL ? data : "", len, filename, name, error);
}

/**
 * icc_article_new_from_text:
 * @text: text in UTF-8, as pasted
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): a new article, or %NULL with @error set
 */
IccArticle *
icc_article_new_from_text (const char  *text,
                           GError     **error)
{
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return import_data (text, strlen (text), "pasted.txt", NULL, error);
}

/**
 * icc_article_import_suggest_id:
 * @article: an article
 *
 * Returns: (transfer full): an id for @article from its date and title
 */
char *
icc_article_import_suggest_id (IccArticle *article)
{
  g_return_val_if_fail (ICC_IS_ARTICLE (article), NULL);

  return make_id (icc_article_get_title (article), icc_article_get_date (article));
}

/* Files */

/* Reads @file whole, refusing what is not a regular file or is too large. */
static GBytes *
read_file (GFile         *file,
           char         **name,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *buffer = NULL;
  gsize capacity;
  gsize length = 0;
  guint64 size;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  *name = g_strdup (g_file_info_get_display_name (info));

  switch (g_file_info_get_file_type (info))
    {
    case G_FILE_TYPE_REGULAR:
      break;

    case G_FILE_TYPE_DIRECTORY:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder, not a file: choose an article inside it"), *name);
      return NULL;

    default:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is not an ordinary file (it may be a device or a pipe), so it "
                     "cannot be read as an article"), *name);
      return NULL;
    }

  size = g_file_info_get_size (info);
  if (size > ICC_ARTICLE_IMPORT_MAX_SIZE)
    {
      set_too_large_error (error, *name, size);
      return NULL;
    }

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  /* One byte more than the size, to see a file that grew; never more than
   * one byte past the limit. */
  capacity = (gsize)size + 1;
  buffer = g_malloc (capacity);
  for (;;)
    {
      gsize want = MIN (capacity - length, READ_CHUNK);
      gsize got = 0;

      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer + length, want, &got,
                                    cancellable, error))
        return NULL;

      length += got;
      if (length > ICC_ARTICLE_IMPORT_MAX_SIZE)
        {
          set_too_large_error (error, *name, length);
          return NULL;
        }
      if (got < want)
        break;
      if (length == capacity)
        {
          capacity = MIN (capacity * 2, ICC_ARTICLE_IMPORT_MAX_SIZE + 1);
          buffer = g_realloc (buffer, capacity);
        }
    }

  if (!g_input_stream_close (G_INPUT_STREAM (stream), cancellable, error))
    return NULL;

  return g_bytes_new_take (g_steal_pointer (&buffer), length);
}

static void
import_file_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  g_autofree char *basename = NULL;
  IccArticle *article;
  gconstpointer data;
  gsize len;

  bytes = read_file (file, &name, cancellable, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  basename = g_file_get_basename (file);
  data = g_bytes_get_data (bytes, &len);
  article = import_data (data != NULL ? data : "", len, basename, name, &error);
  if (article == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, article, g_object_unref);
}

/**
 * icc_article_import_file_async:
 * @file: a text, Markdown or HTML file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context of the caller
 * @user_data: data for @callback
 *
 * Reads and imports @file in a worker thread: see icc_article_import_bytes().
 */
void
icc_article_import_file_async (GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  /* libxml2 must be initialized before threads use it. */
  ensure_libxml ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, icc_article_import_file_async);
  g_task_set_name (task, "[icc-tracker] import article");
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, import_file_thread);
}

/**
 * icc_article_import_file_finish:
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the article, or %NULL with @error set
 */
IccArticle *
icc_article_import_file_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        icc_article_import_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
