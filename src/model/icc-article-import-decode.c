/* icc-article-import-decode.c: what a file holds, and its bytes made UTF-8 text
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Binary data refused; the format from the file's name or, for a web page,
 * its first bytes; byte order marks, UTF-16, and the character set a web
 * page declares.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "icc-article-import-private.h"

/* Where <html, <body or <p are looked for to tell a web page. */
#define SNIFF_BYTES (64 * 1024)

/* Where a web page's <meta> declaring its character set is looked for. */
#define CHARSET_SCAN_BYTES (1024 * 1024)

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

Format
_icc_article_import_format_from_name (const char *filename)
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
gboolean
_icc_article_import_decode (const char  *data,
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

