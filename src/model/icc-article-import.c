/* icc-article-import.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Articles from plain text, Markdown and web pages. Every format goes the
 * same way: the bytes become UTF-8 (decode()), the format's reader finds the
 * text and what it can of the title, author, date, address and outlet, and
 * _icc_article_import_normalize() gives the text its one shape: LF line
 * ends, no control characters but tab and newline, no trailing white space,
 * paragraphs separated by one blank line. icc-article-import-private.h says
 * which file does what.
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

/* Where <html, <body or <p are looked for to tell a web page. */
#define SNIFF_BYTES (64 * 1024)

/* Where a web page's <meta> declaring its character set is looked for. */
#define CHARSET_SCAN_BYTES (1024 * 1024)

/* Files are read in pieces of this size, to look at the cancellable between. */
#define READ_CHUNK (4 * 1024 * 1024)

typedef enum
{
  FORMAT_UNKNOWN,
  FORMAT_TEXT,
  FORMAT_MARKDOWN,
  FORMAT_HTML,
} Format;

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
set_not_text_error (GError     **error,
                    const char  *name)
{
  if (name != NULL)
    g_set_error (error, ICC_ARTICLE_IMPORT_ERROR, ICC_ARTICLE_IMPORT_ERROR_NOT_TEXT,
                 _("“%s” is not a text file: it holds binary data, such as a picture or a "
                   "program does"), name);
  else
    g_set_error_literal (error, ICC_ARTICLE_IMPORT_ERROR, ICC_ARTICLE_IMPORT_ERROR_NOT_TEXT,
                         _("This is not text: it holds binary data, such as a picture or a "
                           "program does"));
}

static void
set_encoding_error (GError     **error,
                    const char  *name)
{
  if (name != NULL)
    g_set_error (error, ICC_ARTICLE_IMPORT_ERROR, ICC_ARTICLE_IMPORT_ERROR_ENCODING,
                 _("“%s” is not text in UTF-8 and declares no character set we can "
                   "convert"), name);
  else
    g_set_error_literal (error, ICC_ARTICLE_IMPORT_ERROR, ICC_ARTICLE_IMPORT_ERROR_ENCODING,
                         _("The text is not in UTF-8 and declares no character set we can "
                           "convert"));
}

static void
set_utf16_error (GError     **error,
                 const char  *name)
{
  if (name != NULL)
    g_set_error (error, ICC_ARTICLE_IMPORT_ERROR, ICC_ARTICLE_IMPORT_ERROR_ENCODING,
                 _("“%s” starts as UTF-16 text does, but the rest is not UTF-16"), name);
  else
    g_set_error_literal (error, ICC_ARTICLE_IMPORT_ERROR, ICC_ARTICLE_IMPORT_ERROR_ENCODING,
                         _("The text starts as UTF-16 text does, but the rest is not UTF-16"));
}

static void
set_charset_error (GError       **error,
                   const char    *name,
                   const char    *charset,
                   const GError  *convert_error)
{
  gboolean unknown = g_error_matches (convert_error, G_CONVERT_ERROR,
                                      G_CONVERT_ERROR_NO_CONVERSION);

  if (name != NULL && unknown)
    g_set_error (error, ICC_ARTICLE_IMPORT_ERROR, ICC_ARTICLE_IMPORT_ERROR_ENCODING,
                 /* Translators: the second %s is a character set, such as “iso-8859-1”. */
                 _("“%s” declares the character set “%s”, which this computer cannot "
                   "convert"), name, charset);
  else if (name != NULL)
    g_set_error (error, ICC_ARTICLE_IMPORT_ERROR, ICC_ARTICLE_IMPORT_ERROR_ENCODING,
                 /* Translators: the second %s is a character set, such as “iso-8859-1”. */
                 _("“%s” declares the character set “%s”, but its text is not in that "
                   "character set"), name, charset);
  else if (unknown)
    g_set_error (error, ICC_ARTICLE_IMPORT_ERROR, ICC_ARTICLE_IMPORT_ERROR_ENCODING,
                 /* Translators: %s is a character set, such as “iso-8859-1”. */
                 _("The web page declares the character set “%s”, which this computer "
                   "cannot convert"), charset);
  else
    g_set_error (error, ICC_ARTICLE_IMPORT_ERROR, ICC_ARTICLE_IMPORT_ERROR_ENCODING,
                 /* Translators: %s is a character set, such as “iso-8859-1”. */
                 _("The web page declares the character set “%s”, but its text is not in "
                   "that character set"), charset);
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

/* Bytes */

/* NUL bytes, or more than one byte in 50 a control character that text
 * does not have. */
static gboolean
looks_binary (const char *data,
              gsize       len)
{
  gsize n_controls = 0;

  if (memchr (data, '\0', len) != NULL)
    return TRUE;

  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar)data[i];

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') ||
          c == 0x7f)
        n_controls++;
    }

  return n_controls > 8 && n_controls > len / 50;
}

static Format
format_from_name (const char *filename)
{
  static const struct
  {
    const char *extension;
    Format      format;
  } extensions[] = {
    { "txt", FORMAT_TEXT },
    { "text", FORMAT_TEXT },
    { "md", FORMAT_MARKDOWN },
    { "markdown", FORMAT_MARKDOWN },
    { "html", FORMAT_HTML },
    { "htm", FORMAT_HTML },
    { "xhtml", FORMAT_HTML },
  };
  const char *base;
  const char *dot;

  if (filename == NULL)
    return FORMAT_UNKNOWN;

  base = strrchr (filename, G_DIR_SEPARATOR);
  base = base != NULL ? base + 1 : filename;
  dot = strrchr (base, '.');
  if (dot == NULL || dot == base)
    return FORMAT_UNKNOWN;

  for (gsize i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (g_ascii_strcasecmp (dot + 1, extensions[i].extension) == 0)
      return extensions[i].format;

  return FORMAT_UNKNOWN;
}

static gboolean
has_prefix_ci (const char *data,
               gsize       len,
               const char *prefix)
{
  gsize n = strlen (prefix);

  return len >= n && g_ascii_strncasecmp (data, prefix, n) == 0;
}

/* A web page: '<' first (after white space and a byte order mark), and
 * <html, <body or <p in the first SNIFF_BYTES. */
static gboolean
sniff_html (const char *data,
            gsize       len)
{
  gsize i = 0;

  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < len && g_ascii_isspace (data[i]))
    i++;
  if (i >= len || data[i] != '<')
    return FALSE;

  len = MIN (len, SNIFF_BYTES);
  for (; i < len; i++)
    {
      const char *p = data + i + 1;
      gsize rest = len - i - 1;

      if (data[i] != '<')
        continue;

      if (has_prefix_ci (p, rest, "html") || has_prefix_ci (p, rest, "body"))
        return TRUE;
      if (rest >= 1 && (p[0] == 'p' || p[0] == 'P') &&
          (rest == 1 || p[1] == '>' || p[1] == '/' || g_ascii_isspace (p[1])))
        return TRUE;
    }

  return FALSE;
}

static const char *
find_ci (const char *data,
         gsize       len,
         const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    if (g_ascii_tolower (data[i]) == needle[0] && g_ascii_strncasecmp (data + i, needle, n) == 0)
      return data + i;

  return NULL;
}

/* The character set a <meta charset> or <meta http-equiv content="…;
 * charset=…"> declares in the first CHARSET_SCAN_BYTES of @data, or NULL. */
static char *
find_meta_charset (const char *data,
                   gsize       len)
{
  const char *end = data + MIN (len, CHARSET_SCAN_BYTES);
  const char *p = data;
  const char *tag;

  while ((tag = find_ci (p, end - p, "<meta")) != NULL)
    {
      const char *tag_end = memchr (tag, '>', end - tag);
      const char *at = tag;

      if (tag_end == NULL)
        tag_end = end;

      while ((at = find_ci (at, tag_end - at, "charset")) != NULL)
        {
          const char *value;

          at += strlen ("charset");
          value = at;
          while (value < tag_end && g_ascii_isspace (*value))
            value++;
          if (value >= tag_end || *value != '=')
            continue;
          value++;
          while (value < tag_end && (g_ascii_isspace (*value) || *value == '"' || *value == '\''))
            value++;
          at = value;
          while (at < tag_end && (g_ascii_isalnum (*at) || strchr ("-_.:+", *at) != NULL))
            at++;
          if (at > value)
            return g_ascii_strdown (value, at - value);
        }

      p = tag_end;
    }

  return NULL;
}

static gboolean
is_utf8_name (const char *charset)
{
  /* A page that says UTF-16 without a byte order mark is read as UTF-8, as
   * browsers do (it could not hold the ASCII <meta> otherwise). */
  return g_str_equal (charset, "utf-8") || g_str_equal (charset, "utf8") ||
         g_str_equal (charset, "unicode-1-1-utf-8") || g_str_has_prefix (charset, "utf-16");
}

static gboolean
is_latin1_name (const char *charset)
{
  static const char * const names[] = {
    "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "us-ascii", "ascii",
    "windows-1252", "cp1252", "x-cp1252",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (charset, names[i]))
      return TRUE;

  return FALSE;
}

/* @data in UTF-8, or NULL: from @charset, or for Latin-1 and ASCII, as
 * browsers do, from Windows-1252 (which gives the bytes 0x80 to 0x9f the
 * quotation marks and dashes pages mean by them), then Latin-1. */
static char *
convert_charset (const char  *data,
                 gsize        len,
                 const char  *charset,
                 gsize       *out_len,
                 GError     **error)
{
  char *out;

  if (!is_latin1_name (charset))
    return g_convert (data, len, "UTF-8", charset, NULL, out_len, error);

  out = g_convert (data, len, "UTF-8", "WINDOWS-1252", NULL, out_len, NULL);
  if (out == NULL)
    out = g_convert (data, len, "UTF-8", "ISO-8859-1", NULL, out_len, error);

  return out;
}

/* Makes @data UTF-8 text: *@text and *@text_len are set to it, in @data or
 * in *@owned. Decides *@format when it is FORMAT_UNKNOWN. */
static gboolean
decode (const char  *data,
        gsize        len,
        Format      *format,
        const char  *name,
        char       **owned,
        const char **text,
        gsize       *text_len,
        GError     **error)
{
  const char *utf16 = NULL;
  g_autofree char *charset = NULL;
  g_autoptr(GError) convert_error = NULL;

  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      len -= 3;
    }
  else if (len >= 2 && memcmp (data, "\xff\xfe", 2) == 0)
    utf16 = "UTF-16LE";
  else if (len >= 2 && memcmp (data, "\xfe\xff", 2) == 0)
    utf16 = "UTF-16BE";

  if (utf16 != NULL)
    {
      gsize written = 0;

      *owned = g_convert (data + 2, len - 2, "UTF-8", utf16, NULL, &written, NULL);
      if (*owned != NULL && looks_binary (*owned, written))
        {
          set_not_text_error (error, name);
          return FALSE;
        }
      if (*owned == NULL || !g_utf8_validate (*owned, written, NULL))
        {
          set_utf16_error (error, name);
          return FALSE;
        }
      if (*format == FORMAT_UNKNOWN)
        *format = sniff_html (*owned, written) ? FORMAT_HTML : FORMAT_TEXT;
      *text = *owned;
      *text_len = written;
      return TRUE;
    }

  if (looks_binary (data, len))
    {
      set_not_text_error (error, name);
      return FALSE;
    }

  if (*format == FORMAT_UNKNOWN)
    *format = sniff_html (data, len) ? FORMAT_HTML : FORMAT_TEXT;

  if (*format == FORMAT_HTML)
    charset = find_meta_charset (data, len);

  if (charset == NULL || is_utf8_name (charset))
    {
      if (!g_utf8_validate (data, len, NULL))
        {
          if (charset != NULL)
            {
              g_set_error_literal (&convert_error, G_CONVERT_ERROR,
                                   G_CONVERT_ERROR_ILLEGAL_SEQUENCE, "");
              set_charset_error (error, name, charset, convert_error);
            }
          else
            set_encoding_error (error, name);
          return FALSE;
        }
      *text = data;
      *text_len = len;
      return TRUE;
    }

  *owned = convert_charset (data, len, charset, text_len, &convert_error);
  if (*owned != NULL && looks_binary (*owned, *text_len))
    {
      set_not_text_error (error, name);
      return FALSE;
    }
  if (*owned == NULL || !g_utf8_validate (*owned, *text_len, NULL))
    {
      set_charset_error (error, name, charset, convert_error);
      return FALSE;
    }
  *text = *owned;

  return TRUE;
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
  Format format = format_from_name (filename);
  const char *text = NULL;
  gsize text_len = 0;
  IccArticle *article;

  if (len > ICC_ARTICLE_IMPORT_MAX_SIZE)
    {
      set_too_large_error (error, name, len);
      return NULL;
    }

  if (!decode (data, len, &format, name, &owned, &text, &text_len, error))
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
