/* icc-article-import-text.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one shape of every imported text (normalize), one-line fields, dates,
 * and the readers of plain text and Markdown.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "icc-article-import-private.h"

/* A title made of the text's first line is cut at a word near this many
 * characters. */
#define MAX_TITLE_CHARS 120

/* Links in Markdown longer than this are left as they are: it keeps the
 * search for their end linear. */
#define MAX_LINK_BYTES 2048

typedef enum
{
  CHAR_CONTENT,
  CHAR_SPACE,
  CHAR_DROP,
  CHAR_BREAK,
  CHAR_PARAGRAPH,
} CharKind;

/* What the character at @p (valid UTF-8 up to @end) is to
 * _icc_article_import_normalize(); *@next is set to the character after it. */
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
char *
_icc_article_import_normalize (const char *text,
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
char *
_icc_article_import_clean_line (const char *text,
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
char *
_icc_article_import_title_from_text (const char *text)
{
  g_autofree char *line = NULL;
  const char *eol;
  const char *cut;
  const char *end;

  while (*text == '\n')
    text++;
  eol = strchr (text, '\n');
  line = _icc_article_import_clean_line (text, eol != NULL ? eol - text : -1);
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
gboolean
_icc_article_import_parse_date (const char *text,
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

/* Plain text */

void
_icc_article_import_plain (const char *text,
                           gsize       len,
                           IccImportResult   *imported)
{
  imported->text = _icc_article_import_normalize (text, len);
  imported->title = _icc_article_import_title_from_text (imported->text);
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
  g_autofree char *line = _icc_article_import_clean_line (value, -1);
  gsize len;

  if (line == NULL)
    return NULL;

  len = strlen (line);
  if (len >= 2 && (line[0] == '"' || line[0] == '\'') && line[len - 1] == line[0])
    return _icc_article_import_clean_line (line + 1, len - 2);

  return g_steal_pointer (&line);
}

/* A front matter block at the start of @text (normalized): a line "---",
 * lines "key: value", and a line "---" or "...". Reads title, author, date,
 * url and outlet into @imported; returns where the text after it starts, or
 * @text when there is none. */
static const char *
read_front_matter (const char *text,
                   IccImportResult   *imported)
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
            _icc_article_import_parse_date (value, &imported->date);
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

void
_icc_article_import_markdown (const char *data,
                              gsize       len,
                              const char *name,
                              IccImportResult   *imported)
{
  g_autofree char *text = _icc_article_import_normalize (data, len);
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
            first_heading = _icc_article_import_clean_line (out->str + start, out->len - start);
        }
      else
        append_without_markup (out, p, n);

      g_string_append_c (out, '\n');
      p = *eol == '\n' ? eol + 1 : eol;
    }

  imported->text = _icc_article_import_normalize (out->str, out->len);
  if (imported->title == NULL)
    imported->title = g_steal_pointer (&first_heading);
  if (imported->title == NULL)
    imported->title = _icc_article_import_title_from_text (imported->text);

  if (name != NULL)
    imported->edit_note = g_strdup_printf (_("Imported from “%s”: Markdown marks (headings, "
                                             "emphasis, links) removed."), name);
}
