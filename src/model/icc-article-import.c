/* icc-article-import.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Articles from plain text, Markdown and web pages. Every format goes the
 * same way: the bytes become UTF-8 (decode()), the format's reader finds the
 * text and what it can of the title, author, date, address and outlet, and
 * normalize_text() gives the text its one shape: LF line ends, no control
 * characters but tab and newline, no trailing white space, paragraphs
 * separated by one blank line.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "icc-article-import.h"

/* A title made of the text's first line is cut at a word near this many
 * characters. */
#define MAX_TITLE_CHARS 120

#define MAX_ID_LENGTH 60
#define ID_PREFIX "imported"

/* Characters of the title that can make it into an id. */
#define MAX_ID_TITLE_CHARS 100

/* Where <html, <body or <p are looked for to tell a web page. */
#define SNIFF_BYTES (64 * 1024)

/* Where a web page's <meta> declaring its character set is looked for. */
#define CHARSET_SCAN_BYTES (1024 * 1024)

/* Links in Markdown longer than this are left as they are: it keeps the
 * search for their end linear. */
#define MAX_LINK_BYTES 2048

/* Files are read in pieces of this size, to look at the cancellable between. */
#define READ_CHUNK (4 * 1024 * 1024)

typedef enum
{
  FORMAT_UNKNOWN,
  FORMAT_TEXT,
  FORMAT_MARKDOWN,
  FORMAT_HTML,
} Format;

/* What a reader found, before it becomes an IccArticle. */
typedef struct
{
  char    *title;
  char    *author;
  char    *outlet;
  char    *url;
  char    *text;
  char    *edit_note;
  IccDate  date;
} Imported;

G_DEFINE_QUARK (icc-article-import-error-quark, icc_article_import_error)

static void
imported_clear (Imported *imported)
{
  g_clear_pointer (&imported->title, g_free);
  g_clear_pointer (&imported->author, g_free);
  g_clear_pointer (&imported->outlet, g_free);
  g_clear_pointer (&imported->url, g_free);
  g_clear_pointer (&imported->text, g_free);
  g_clear_pointer (&imported->edit_note, g_free);
  icc_date_clear (&imported->date);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Imported, imported_clear)

/* Errors. @name is the file's name as shown to people, or NULL for text
 * without a file (pasted). */

static void
set_empty_error (GError     **error,
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

static void
set_parse_error (GError     **error,
                 const char  *name)
{
  if (name != NULL)
    g_set_error (error, ICC_ARTICLE_IMPORT_ERROR, ICC_ARTICLE_IMPORT_ERROR_PARSE,
                 _("“%s” could not be read as a web page"), name);
  else
    g_set_error_literal (error, ICC_ARTICLE_IMPORT_ERROR, ICC_ARTICLE_IMPORT_ERROR_PARSE,
                         _("The text could not be read as a web page"));
}

/* Text */

typedef enum
{
  CHAR_CONTENT,
  CHAR_SPACE,
  CHAR_DROP,
  CHAR_BREAK,
  CHAR_PARAGRAPH,
} CharKind;

/* What the character at @p (valid UTF-8 up to @end) is to normalize_text();
 * *@next is set to the character after it. */
static CharKind
classify (const char  *p,
          const char  *end,
          const char **next)
{
  guchar c = (guchar)*p;
  gunichar uc;

  if (c < 0x80)
    {
      *next = p + 1;
      switch (c)
        {
        case '\r':
          if (*next < end && **next == '\n')
            (*next)++;
          return CHAR_BREAK;

        case '\n':
        case '\f':
        case '\v':
          return CHAR_BREAK;

        case ' ':
        case '\t':
          return CHAR_SPACE;

        default:
          return c < 0x20 || c == 0x7f ? CHAR_DROP : CHAR_CONTENT;
        }
    }

  *next = g_utf8_next_char (p);
  if (*next > end)
    {
      /* Cannot happen with valid UTF-8: drop the cut character. */
      *next = end;
      return CHAR_DROP;
    }

  uc = g_utf8_get_char (p);
  if (uc == 0x85 || uc == 0x2028)
    return CHAR_BREAK;
  if (uc == 0x2029)
    return CHAR_PARAGRAPH;
  /* C1 controls, and byte order marks inside the text. */
  if (uc < 0xa0 || uc == 0xfeff)
    return CHAR_DROP;
  if (g_unichar_isspace (uc))
    return CHAR_SPACE;

  return CHAR_CONTENT;
}

/* @text (@len bytes of valid UTF-8) with LF line ends, without control
 * characters but tab and newline, white space at the ends of lines, blank
 * lines at the start and end, and with one blank line at most between
 * paragraphs. Indentation stays. */
static char *
normalize_text (const char *text,
                gsize       len)
{
  GString *out = g_string_sized_new (len + 1);
  g_autoptr(GString) lead = g_string_new (NULL);
  const char *end = text + len;
  const char *p = text;
  gboolean line_has_content = FALSE;
  gsize mark = 0;
  guint breaks = 0;

  while (p < end)
    {
      const char *next;
      CharKind kind = classify (p, end, &next);

      switch (kind)
        {
        case CHAR_BREAK:
        case CHAR_PARAGRAPH:
          if (line_has_content)
            {
              g_string_truncate (out, mark);
              breaks = 1;
            }
          else if (out->len > 0)
            breaks++;
          if (kind == CHAR_PARAGRAPH && out->len > 0)
            breaks++;
          line_has_content = FALSE;
          g_string_truncate (lead, 0);
          break;

        case CHAR_CONTENT:
          if (!line_has_content)
            {
              if (out->len > 0)
                g_string_append_len (out, "\n\n", MIN (breaks, 2));
              g_string_append_len (out, lead->str, lead->len);
              line_has_content = TRUE;
            }
          g_string_append_len (out, p, next - p);
          mark = out->len;
          break;

        case CHAR_SPACE:
          g_string_append_len (line_has_content ? out : lead, p, next - p);
          break;

        case CHAR_DROP:
        default:
          break;
        }

      p = next;
    }

  if (line_has_content)
    g_string_truncate (out, mark);

  return g_string_free (out, FALSE);
}

/* @text (@len bytes, or -1) on one line: white space runs made one space,
 * control characters dropped, trimmed; NULL when nothing is left. */
static char *
clean_line (const char *text,
            gssize      len)
{
  g_autofree char *valid = NULL;
  GString *out;
  gboolean space = FALSE;

  if (text == NULL)
    return NULL;

  if (len < 0)
    len = strlen (text);

  if (!g_utf8_validate (text, len, NULL))
    {
      valid = g_utf8_make_valid (text, len);
      text = valid;
      len = strlen (valid);
    }

  out = g_string_sized_new (len + 1);
  for (const char *p = text, *end = text + len; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\0')
        break;
      if (g_unichar_isspace (c) || c == 0x85 || c == 0x2028 || c == 0x2029)
        space = TRUE;
      else if (g_unichar_iscntrl (c) || c == 0xfeff)
        continue;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
    }

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  return g_string_free (out, FALSE);
}

/* The first line of @text that is not blank, cleaned, and cut near
 * MAX_TITLE_CHARS characters at a word. */
static char *
title_from_text (const char *text)
{
  g_autofree char *line = NULL;
  const char *eol;
  const char *cut;
  const char *end;

  while (*text == '\n')
    text++;
  eol = strchr (text, '\n');
  line = clean_line (text, eol != NULL ? eol - text : -1);
  if (line == NULL)
    return NULL;

  if (g_utf8_strlen (line, -1) <= MAX_TITLE_CHARS)
    return g_steal_pointer (&line);

  cut = g_utf8_offset_to_pointer (line, MAX_TITLE_CHARS);
  /* The last space before the cut, unless that loses more than half. */
  end = cut;
  while (end > line && *end != ' ')
    end--;
  if (g_utf8_pointer_to_offset (line, end) < MAX_TITLE_CHARS / 2)
    end = cut;
  while (end > line && strchr (" ,;:-", end[-1]) != NULL)
    end--;

  return g_strdup_printf ("%.*s…", (int)(end - line), line);
}

/* Reads the first date of @text: YYYY-MM-DD, YYYY-MM or YYYY, followed by
 * anything but a digit ("2016-11-16T10:00:00Z"). A date that does not exist
 * is no date. */
static gboolean
parse_leading_date (const char *text,
                    IccDate    *date)
{
  char buffer[11];
  gsize len = 0;

  if (text == NULL)
    return FALSE;

  while (g_ascii_isspace (*text))
    text++;

  /* The longest of YYYY-MM-DD, YYYY-MM and YYYY that @text starts with. */
  for (gsize i = 0; i < 10 && text[i] != '\0'; i++)
    {
      gboolean dash = i == 4 || i == 7;

      if (dash ? text[i] != '-' : !g_ascii_isdigit (text[i]))
        break;
      if (!dash)
        len = i + 1;
    }

  if (len != 4 && len != 7 && len != 10)
    return FALSE;
  if (g_ascii_isdigit (text[len]))
    return FALSE;

  memcpy (buffer, text, len);
  buffer[len] = '\0';

  return icc_date_parse (buffer, date, NULL);
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

/* Plain text */

static void
import_plain (const char *text,
              gsize       len,
              Imported   *imported)
{
  imported->text = normalize_text (text, len);
  imported->title = title_from_text (imported->text);
}

/* Markdown */

/* The end of the line at @p: its newline or the string's end. */
static const char *
line_end (const char *p)
{
  const char *eol = strchr (p, '\n');

  return eol != NULL ? eol : p + strlen (p);
}

/* A YAML value on one line, without its quotes. */
static char *
front_matter_value (const char *value)
{
  g_autofree char *line = clean_line (value, -1);
  gsize len;

  if (line == NULL)
    return NULL;

  len = strlen (line);
  if (len >= 2 && (line[0] == '"' || line[0] == '\'') && line[len - 1] == line[0])
    return clean_line (line + 1, len - 2);

  return g_steal_pointer (&line);
}

/* A front matter block at the start of @text (normalized): a line "---",
 * lines "key: value", and a line "---" or "...". Reads title, author, date,
 * url and outlet into @imported; returns where the text after it starts, or
 * @text when there is none. */
static const char *
read_front_matter (const char *text,
                   Imported   *imported)
{
  g_auto(GStrv) lines = NULL;
  const char *p;
  const char *close = NULL;
  const char *after = text;

  if (!g_str_has_prefix (text, "---\n"))
    return text;

  /* The closing line, and every line before it a key, a comment, or
   * indented or a list item (a value of several lines). */
  p = text + 4;
  while (*p != '\0')
    {
      const char *eol = line_end (p);
      gsize n = eol - p;

      if ((n == 3 && (strncmp (p, "---", 3) == 0 || strncmp (p, "...", 3) == 0)))
        {
          close = p;
          after = *eol == '\n' ? eol + 1 : eol;
          break;
        }

      if (n > 0 && !(p[0] == ' ' || p[0] == '\t' || p[0] == '-' || p[0] == '#'))
        {
          const char *q = p;

          while (q < eol && (g_ascii_isalnum (*q) || *q == '_' || *q == '-'))
            q++;
          if (q == p || q >= eol || *q != ':')
            return text;
        }

      p = *eol == '\n' ? eol + 1 : eol;
    }

  if (close == NULL)
    return text;

  {
    g_autofree char *block = g_strndup (text + 4, close - (text + 4));

    lines = g_strsplit (block, "\n", -1);
  }

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *colon = strchr (lines[i], ':');
      char **field = NULL;
      const char *key;

      if (colon == NULL || g_ascii_isspace (lines[i][0]) || lines[i][0] == '#')
        continue;

      *colon = '\0';
      key = lines[i];

      if (g_ascii_strcasecmp (key, "title") == 0)
        field = &imported->title;
      else if (g_ascii_strcasecmp (key, "author") == 0)
        field = &imported->author;
      else if (g_ascii_strcasecmp (key, "url") == 0)
        field = &imported->url;
      else if (g_ascii_strcasecmp (key, "outlet") == 0)
        field = &imported->outlet;
      else if (g_ascii_strcasecmp (key, "date") == 0)
        {
          g_autofree char *value = front_matter_value (colon + 1);

          if (!icc_date_is_set (&imported->date))
            parse_leading_date (value, &imported->date);
        }

      if (field != NULL && *field == NULL)
        *field = front_matter_value (colon + 1);
    }

  return after;
}

/* The length of a link [text](address) at @p (up to @end), or 0; its text
 * is [*@text, *@text + *@text_len). */
static gsize
match_link (const char  *p,
            const char  *end,
            const char **text,
            gsize       *text_len)
{
  const char *close;
  const char *q;
  int depth = 0;

  if (p >= end || *p != '[')
    return 0;

  for (close = p + 1; close < end && close - p < MAX_LINK_BYTES; close++)
    if (*close == ']' || *close == '[')
      break;
  if (close >= end || *close != ']' || close + 1 >= end || close[1] != '(')
    return 0;

  for (q = close + 2; q < end && q - close < MAX_LINK_BYTES; q++)
    {
      if (*q == '(')
        depth++;
      else if (*q == ')' && depth-- == 0)
        {
          *text = p + 1;
          *text_len = close - (p + 1);
          return q + 1 - p;
        }
    }

  return 0;
}

/* Appends @line without emphasis markers (** and __) and with links made
 * their text. */
static void
append_without_markup (GString    *out,
                       const char *line,
                       gsize       len)
{
  const char *end = line + len;
  const char *p = line;

  while (p < end)
    {
      const char *text;
      gsize text_len;
      gsize link_len;

      if ((*p == '*' || *p == '_') && p + 1 < end && p[1] == *p)
        {
          p += 2;
          continue;
        }

      if (*p == '!' && p + 1 < end && (link_len = match_link (p + 1, end, &text, &text_len)) > 0)
        {
          append_without_markup (out, text, text_len);
          p += 1 + link_len;
          continue;
        }

      if ((link_len = match_link (p, end, &text, &text_len)) > 0)
        {
          append_without_markup (out, text, text_len);
          p += link_len;
          continue;
        }

      g_string_append_c (out, *p);
      p++;
    }
}

/* The level of an ATX heading ("## Title"), 0 for another line; *@content
 * and *@content_len are set to its text without the markers. */
static guint
heading_level (const char  *line,
               gsize        len,
               const char **content,
               gsize       *content_len)
{
  const char *end = line + len;
  const char *p = line;
  const char *q;
  guint level = 0;

  while (p < end && p - line < 3 && *p == ' ')
    p++;
  while (p < end && *p == '#' && level < 7)
    {
      p++;
      level++;
    }
  if (level == 0 || level > 6 || (p < end && *p != ' ' && *p != '\t'))
    return 0;

  while (p < end && (*p == ' ' || *p == '\t'))
    p++;

  /* A closing sequence: " ##" at the end. */
  q = end;
  while (q > p && q[-1] == '#')
    q--;
  if (q == p || q[-1] == ' ' || q[-1] == '\t')
    end = q;
  while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
    end--;

  *content = p;
  *content_len = end - p;

  return level;
}

static void
import_markdown (const char *data,
                 gsize       len,
                 const char *name,
                 Imported   *imported)
{
  g_autofree char *text = normalize_text (data, len);
  g_autofree char *first_heading = NULL;
  g_autoptr(GString) out = g_string_sized_new (strlen (text) + 1);
  gboolean in_fence = FALSE;
  const char *p;

  p = read_front_matter (text, imported);

  while (*p != '\0')
    {
      const char *eol = line_end (p);
      gsize n = eol - p;
      const char *content;
      gsize content_len;
      guint level;

      if (g_str_has_prefix (p, "```") || g_str_has_prefix (p, "~~~"))
        in_fence = !in_fence;

      if (in_fence || g_str_has_prefix (p, "```") || g_str_has_prefix (p, "~~~"))
        g_string_append_len (out, p, n);
      else if ((level = heading_level (p, n, &content, &content_len)) > 0)
        {
          gsize start = out->len;

          append_without_markup (out, content, content_len);
          if (level == 1 && first_heading == NULL)
            first_heading = clean_line (out->str + start, out->len - start);
        }
      else
        append_without_markup (out, p, n);

      g_string_append_c (out, '\n');
      p = *eol == '\n' ? eol + 1 : eol;
    }

  imported->text = normalize_text (out->str, out->len);
  if (imported->title == NULL)
    imported->title = g_steal_pointer (&first_heading);
  if (imported->title == NULL)
    imported->title = title_from_text (imported->text);

  if (name != NULL)
    imported->edit_note = g_strdup_printf (_("Imported from “%s”: Markdown marks (headings, "
                                             "emphasis, links) removed."), name);
}

/* Web pages */

typedef enum
{
  WALK_CHILDREN,
  WALK_SKIP,
  WALK_STOP,
} WalkAction;

typedef WalkAction (*EnterFunc) (xmlNode  *node,
                                 gpointer  user_data);
typedef void       (*LeaveFunc) (xmlNode  *node,
                                 gpointer  user_data);

/* Visits @root and what is under it in document order, without recursion
 * (pages can nest elements deeper than the stack allows). @leave is called
 * for the nodes @enter returned WALK_CHILDREN for, after their children. */
static void
walk (xmlNode   *root,
      EnterFunc  enter,
      LeaveFunc  leave,
      gpointer   user_data)
{
  xmlNode *node = root;

  while (node != NULL)
    {
      WalkAction action = enter (node, user_data);

      if (action == WALK_STOP)
        return;

      if (action == WALK_CHILDREN && node->children != NULL)
        {
          node = node->children;
          continue;
        }

      if (action == WALK_CHILDREN && leave != NULL)
        leave (node, user_data);

      while (node != root && node->next == NULL)
        {
          node = node->parent;
          if (leave != NULL)
            leave (node, user_data);
        }

      node = node != root ? node->next : NULL;
    }
}

static int
compare_names (const void *a,
               const void *b)
{
  return strcmp (a, *(const char * const *)b);
}

static gboolean
name_in (const xmlNode      *node,
         const char * const *sorted_names,
         gsize               n_names)
{
  return node->type == XML_ELEMENT_NODE && node->name != NULL &&
         bsearch (node->name, sorted_names, n_names, sizeof (char *), compare_names) != NULL;
}

static gboolean
is_element (const xmlNode *node,
            const char    *name)
{
  return node->type == XML_ELEMENT_NODE && node->name != NULL &&
         strcmp ((const char *)node->name, name) == 0;
}

/* An attribute's value, or NULL; free with xmlFree(). */
static char *
get_attribute (const xmlNode *node,
               const char    *name)
{
  return (char *)xmlGetProp (node, (const xmlChar *)name);
}

static gboolean
attribute_is (const xmlNode *node,
              const char    *name,
              const char    *value)
{
  char *actual;
  gboolean is;

  if (xmlHasProp (node, (const xmlChar *)name) == NULL)
    return FALSE;

  actual = get_attribute (node, name);
  is = actual != NULL && g_ascii_strcasecmp (g_strstrip (actual), value) == 0;
  xmlFree (actual);

  return is;
}

/* Whether an element's style hides it ("display: none"). */
static gboolean
style_hides (const xmlNode *node)
{
  char *style;
  gboolean hides = FALSE;

  if (xmlHasProp (node, (const xmlChar *)"style") == NULL)
    return FALSE;

  style = get_attribute (node, "style");
  if (style != NULL)
    {
      GString *compact = g_string_new (NULL);

      for (const char *p = style; *p != '\0'; p++)
        if (!g_ascii_isspace (*p))
          g_string_append_c (compact, g_ascii_tolower (*p));
      hides = strstr (compact->str, "display:none") != NULL;
      g_string_free (compact, TRUE);
    }
  xmlFree (style);

  return hides;
}

/* Elements whose text is not the article's, wherever they are. <head> is
 * not one: what it may hold has no text or is skipped (<title>, <style>,
 * <script>, <noscript>, <template>), and libxml2's HTML 4 parser puts the
 * HTML5 elements it does not know into it when a page without <body> starts
 * with <meta> ("<meta charset=utf-8><article>…"). */
static gboolean
is_skipped (const xmlNode *node)
{
  static const char * const skipped[] = {
    "aside", "audio", "button", "canvas", "embed", "footer", "form", "frameset", "iframe",
    "nav", "noframes", "noscript", "object", "script", "select", "style", "svg", "template",
    "textarea", "title", "video",
  };

  if (node->type != XML_ELEMENT_NODE)
    return FALSE;

  return name_in (node, skipped, G_N_ELEMENTS (skipped)) ||
         xmlHasProp (node, (const xmlChar *)"hidden") != NULL ||
         attribute_is (node, "aria-hidden", "true") ||
         style_hides (node);
}

static gboolean
is_block (const xmlNode *node)
{
  static const char * const blocks[] = {
    "address", "article", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "ol",
    "optgroup", "option", "p", "pre", "section", "summary", "table", "tbody", "tfoot",
    "thead", "tr", "ul",
  };

  return name_in (node, blocks, G_N_ELEMENTS (blocks));
}

/* The text of a page, as paragraphs. */
typedef struct
{
  GString *out;
  guint    pre_depth;
  guint    pending_breaks;
  gboolean pending_space;
} Extractor;

static void
extractor_flush (Extractor *self)
{
  if (self->out->len > 0)
    {
      if (self->pending_breaks > 0)
        g_string_append_len (self->out, "\n\n", MIN (self->pending_breaks, 2));
      else if (self->pending_space)
        g_string_append_c (self->out, ' ');
    }

  self->pending_breaks = 0;
  self->pending_space = FALSE;
}

static void
extractor_add_text (Extractor  *self,
                    const char *text)
{
  const char *p = text;

  if (text == NULL || *text == '\0')
    return;

  if (self->pre_depth > 0)
    {
      extractor_flush (self);
      g_string_append (self->out, text);
      return;
    }

  /* HTML's white space (not the no-break space) collapses to one space. */
  while (*p != '\0')
    {
      gsize spaces = strspn (p, " \t\n\r\f");
      gsize word;

      if (spaces > 0)
        {
          self->pending_space = TRUE;
          p += spaces;
        }

      word = strcspn (p, " \t\n\r\f");
      if (word > 0)
        {
          extractor_flush (self);
          g_string_append_len (self->out, p, word);
          p += word;
        }
    }
}

static WalkAction
extract_enter (xmlNode  *node,
               gpointer  user_data)
{
  Extractor *self = user_data;

  switch (node->type)
    {
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
      extractor_add_text (self, (const char *)node->content);
      return WALK_SKIP;

    case XML_ELEMENT_NODE:
      break;

    default:
      return WALK_SKIP;
    }

  if (is_skipped (node))
    return WALK_SKIP;

  if (is_element (node, "br"))
    {
      /* A line break; two make a paragraph break. */
      self->pending_breaks = MIN (self->pending_breaks + 1, 2);
      return WALK_SKIP;
    }

  if (is_block (node))
    self->pending_breaks = 2;
  else if (is_element (node, "td") || is_element (node, "th"))
    self->pending_space = TRUE;

  if (is_element (node, "pre"))
    self->pre_depth++;

  return WALK_CHILDREN;
}

static void
extract_leave (xmlNode  *node,
               gpointer  user_data)
{
  Extractor *self = user_data;

  if (node->type != XML_ELEMENT_NODE)
    return;

  if (is_block (node))
    self->pending_breaks = 2;
  else if (is_element (node, "td") || is_element (node, "th"))
    self->pending_space = TRUE;

  if (is_element (node, "pre") && self->pre_depth > 0)
    self->pre_depth--;
}

static char *
extract_text (xmlNode *root)
{
  g_autoptr(GString) out = g_string_new (NULL);
  Extractor extractor = { out, 0, 0, FALSE };

  walk (root, extract_enter, extract_leave, &extractor);

  if (!g_utf8_validate (out->str, out->len, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (out->str, out->len);

      return normalize_text (valid, strlen (valid));
    }

  return normalize_text (out->str, out->len);
}

/* The first element named @name, with @attribute when not NULL, under
 * @root and not in a skipped element. */
typedef struct
{
  const char *name;
  const char *attribute;
  xmlNode    *found;
} Finder;

static WalkAction
find_enter (xmlNode  *node,
            gpointer  user_data)
{
  Finder *self = user_data;

  if (node->type != XML_ELEMENT_NODE || is_skipped (node))
    return WALK_SKIP;

  if (is_element (node, self->name) &&
      (self->attribute == NULL || xmlHasProp (node, (const xmlChar *)self->attribute) != NULL))
    {
      self->found = node;
      return WALK_STOP;
    }

  return WALK_CHILDREN;
}

static xmlNode *
find_element (xmlNode    *root,
              const char *name,
              const char *attribute)
{
  Finder finder = { name, attribute, NULL };

  if (root != NULL)
    walk (root, find_enter, NULL, &finder);

  return finder.found;
}

/* Metadata, in the order they are preferred. */
typedef enum
{
  META_TITLE,
  META_TITLE_ELEMENT,
  META_AUTHOR,
  META_ARTICLE_AUTHOR,
  META_OG_AUTHOR,
  META_PUBLISHED_TIME,
  META_DATE,
  META_DATE_PUBLISHED,
  META_DC_DATE,
  META_CANONICAL,
  META_OG_URL,
  META_SITE_NAME,
  N_META
} MetaSlot;

typedef struct
{
  char *values[N_META];
} Metadata;

static void
metadata_set (Metadata   *self,
              MetaSlot    slot,
              const char *value)
{
  if (self->values[slot] == NULL)
    self->values[slot] = clean_line (value, -1);
}

static void
metadata_add_meta (Metadata *self,
                   xmlNode  *node)
{
  static const struct
  {
    const char *key;
    MetaSlot    slot;
  } keys[] = {
    { "og:title", META_TITLE },
    { "author", META_AUTHOR },
    { "article:author", META_ARTICLE_AUTHOR },
    { "og:article:author", META_OG_AUTHOR },
    { "article:published_time", META_PUBLISHED_TIME },
    { "og:article:published_time", META_PUBLISHED_TIME },
    { "date", META_DATE },
    { "datepublished", META_DATE_PUBLISHED },
    { "dc.date", META_DC_DATE },
    { "dcterms.date", META_DC_DATE },
    { "og:url", META_OG_URL },
    { "og:site_name", META_SITE_NAME },
  };
  static const char * const key_attributes[] = { "property", "name", "itemprop" };
  char *content;

  if (xmlHasProp (node, (const xmlChar *)"content") == NULL)
    return;

  content = get_attribute (node, "content");

  for (gsize a = 0; a < G_N_ELEMENTS (key_attributes); a++)
    {
      char *key;

      if (xmlHasProp (node, (const xmlChar *)key_attributes[a]) == NULL)
        continue;

      key = get_attribute (node, key_attributes[a]);
      if (key != NULL)
        {
          g_strstrip (key);
          for (gsize k = 0; k < G_N_ELEMENTS (keys); k++)
            if (g_ascii_strcasecmp (key, keys[k].key) == 0)
              metadata_set (self, keys[k].slot, content);
        }
      xmlFree (key);
    }

  xmlFree (content);
}

static WalkAction
metadata_enter (xmlNode  *node,
                gpointer  user_data)
{
  Metadata *self = user_data;

  if (node->type != XML_ELEMENT_NODE)
    return WALK_SKIP;

  if (is_element (node, "meta"))
    metadata_add_meta (self, node);
  else if (is_element (node, "title"))
    {
      xmlChar *content = xmlNodeGetContent (node);

      metadata_set (self, META_TITLE_ELEMENT, (const char *)content);
      xmlFree (content);
      return WALK_SKIP;
    }
  else if (is_element (node, "link") && self->values[META_CANONICAL] == NULL)
    {
      char *rel = get_attribute (node, "rel");

      if (rel != NULL)
        {
          g_auto(GStrv) tokens = g_strsplit_set (rel, " \t\n\r\f", -1);

          for (guint i = 0; tokens[i] != NULL; i++)
            if (g_ascii_strcasecmp (tokens[i], "canonical") == 0)
              {
                char *href = get_attribute (node, "href");

                metadata_set (self, META_CANONICAL, href);
                xmlFree (href);
                break;
              }
        }
      xmlFree (rel);
    }
  else if (is_element (node, "svg") || is_element (node, "script") ||
           is_element (node, "style") || is_element (node, "template"))
    return WALK_SKIP;

  return WALK_CHILDREN;
}

static void
metadata_clear (Metadata *self)
{
  for (guint i = 0; i < N_META; i++)
    g_clear_pointer (&self->values[i], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Metadata, metadata_clear)

/* An element's text on one line. */
static char *
element_line (xmlNode *node)
{
  g_autofree char *text = NULL;

  if (node == NULL)
    return NULL;

  text = extract_text (node);
  return clean_line (text, -1);
}

/* The first of @values that is a web address, else the first at all. */
static char *
choose_url (const char *canonical,
            const char *og_url)
{
  if (icc_article_is_web_url (canonical))
    return g_strdup (canonical);
  if (icc_article_is_web_url (og_url))
    return g_strdup (og_url);

  return g_strdup (canonical != NULL ? canonical : og_url);
}

static gboolean
import_html (const char  *data,
             gsize        len,
             const char  *name,
             Imported    *imported,
             GError     **error)
{
  g_auto(Metadata) metadata = { { NULL } };
  xmlDoc *doc;
  xmlNode *html;
  xmlNode *candidates[4];
  xmlNode *root = NULL;
  xmlNode *time;

  doc = htmlReadMemory (data, (int)len, NULL, "UTF-8",
                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
  html = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (html == NULL)
    {
      gboolean blank = TRUE;

      for (gsize i = 0; i < len && blank; i++)
        blank = g_ascii_isspace (data[i]);

      /* No document from something is the parser giving up; no element in
       * a document is a page without text (only comments, say). */
      if (doc == NULL && !blank)
        set_parse_error (error, name);
      else
        set_empty_error (error, name);
      g_clear_pointer (&doc, xmlFreeDoc);
      return FALSE;
    }

  walk (html, metadata_enter, NULL, &metadata);

  /* The first <article>, else <main>, else the body: the first of them
   * that has text. */
  candidates[0] = find_element (html, "article", NULL);
  candidates[1] = find_element (html, "main", NULL);
  candidates[2] = find_element (html, "body", NULL);
  candidates[3] = html;
  for (guint i = 0; i < G_N_ELEMENTS (candidates) && imported->text == NULL; i++)
    {
      g_autofree char *text = NULL;

      if (candidates[i] == NULL)
        continue;

      text = extract_text (candidates[i]);
      if (*text != '\0')
        {
          root = candidates[i];
          imported->text = g_steal_pointer (&text);
        }
    }

  if (imported->text == NULL)
    {
      xmlFreeDoc (doc);
      set_empty_error (error, name);
      return FALSE;
    }

  imported->title = g_strdup (metadata.values[META_TITLE]);
  if (imported->title == NULL)
    imported->title = g_strdup (metadata.values[META_TITLE_ELEMENT]);
  if (imported->title == NULL)
    imported->title = element_line (find_element (root, "h1", NULL));
  if (imported->title == NULL)
    imported->title = element_line (find_element (html, "h1", NULL));
  if (imported->title == NULL)
    imported->title = title_from_text (imported->text);

  /* article:author is often the address of the author's page. */
  for (MetaSlot slot = META_AUTHOR; slot <= META_OG_AUTHOR && imported->author == NULL; slot++)
    if (metadata.values[slot] != NULL && !icc_article_is_web_url (metadata.values[slot]))
      imported->author = g_strdup (metadata.values[slot]);

  for (MetaSlot slot = META_PUBLISHED_TIME; slot <= META_DC_DATE; slot++)
    if (parse_leading_date (metadata.values[slot], &imported->date))
      break;

  time = find_element (root, "time", "datetime");
  if (!icc_date_is_set (&imported->date) && time != NULL)
    {
      char *datetime = get_attribute (time, "datetime");

      parse_leading_date (datetime, &imported->date);
      xmlFree (datetime);
    }

  imported->url = choose_url (metadata.values[META_CANONICAL], metadata.values[META_OG_URL]);
  imported->outlet = g_strdup (metadata.values[META_SITE_NAME]);

  if (name != NULL)
    imported->edit_note = g_strdup_printf (_("Imported from the web page “%s”: only the text "
                                             "of its article is kept, without menus, scripts "
                                             "and other page furniture."), name);

  xmlFreeDoc (doc);

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
  g_auto(Imported) imported = { NULL };
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
      if (!import_html (text, text_len, name, &imported, error))
        return NULL;
      break;

    case FORMAT_MARKDOWN:
      import_markdown (text, text_len, name, &imported);
      break;

    case FORMAT_TEXT:
    case FORMAT_UNKNOWN:
    default:
      import_plain (text, text_len, &imported);
      break;
    }

  if (imported.text == NULL || imported.text[0] == '\0')
    {
      set_empty_error (error, name);
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
