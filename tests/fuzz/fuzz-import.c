/* fuzz-import.c: libFuzzer target for the article import.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte chooses the file name icc_article_import_bytes() gets,
 * and so the format: byte 0 & 3 == 0 "x.html", 1 "x.txt", 2 "x.md", 3 none
 * (sniffed); the rest of the input is the file. An article must have a text
 * in the one shape every import gives (valid UTF-8, no control characters
 * but newline and tab, no CR, no white space at the end of a line, no blank
 * line at either end nor two in a row), fields in valid UTF-8 on one line,
 * and an id as icc_article_import_suggest_id() makes it. A failure must be
 * an ICC_ARTICLE_IMPORT_ERROR with a message in valid UTF-8.
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "icc-article-import.h"

#define FUZZ_NAME "fuzz-import"
#include "fuzz-util.h"

static const char * const filenames[] = { "x.html", "x.txt", "x.md", NULL };

static void
check_text (const char *text)
{
  gsize len;

  if (text == NULL || text[0] == '\0')
    fail ("an article without text");
  if (!g_utf8_validate (text, -1, NULL))
    fail ("the text is not valid UTF-8");

  len = strlen (text);
  if (text[0] == '\n' || text[len - 1] == '\n')
    fail ("the text starts or ends with a blank line");
  if (strstr (text, "\n\n\n") != NULL)
    fail ("the text has two blank lines in a row");

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != '\n' && c != '\t' && g_unichar_iscntrl (c))
        fail ("the text has the control character U+%04X at byte %td", c, p - text);
      if (c == '\n' && p > text && (p[-1] == ' ' || p[-1] == '\t'))
        fail ("white space at the end of the line before byte %td", p - text);
    }

  if (text[len - 1] == ' ' || text[len - 1] == '\t')
    fail ("white space at the end of the text");
}

static void
check_field (const char *name,
             const char *value)
{
  if (value == NULL)
    return;

  if (value[0] == '\0')
    fail ("%s is empty rather than NULL", name);
  if (!g_utf8_validate (value, -1, NULL))
    fail ("%s is not valid UTF-8", name);

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      fail ("%s has a control character at byte %td", name, p - value);
}

static void
check_id (const char *id)
{
  gsize len;

  if (id == NULL || !g_str_has_prefix (id, "imported"))
    fail ("the id “%s” does not start with “imported”", id != NULL ? id : "(null)");

  len = strlen (id);
  if (len > 60)
    fail ("the id “%s” is %zu bytes long", id, len);
  if (id[len - 1] == '-' || strstr (id, "--") != NULL)
    fail ("the id “%s” has an empty word", id);

  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      fail ("the id “%s” has the byte 0x%02x", id, (guchar)*p);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IccArticle) article = NULL;
  g_autofree char *suggested = NULL;

  if (size < 1)
    return 0;

  bytes = g_bytes_new (data + 1, size - 1);
  article = icc_article_import_bytes (bytes, filenames[data[0] & 3], &error);

  if (article == NULL)
    {
      if (error == NULL)
        fail ("no article and no error");
      if (error->domain != ICC_ARTICLE_IMPORT_ERROR)
        fail ("an error of domain %s: %s", g_quark_to_string (error->domain), error->message);
      if (!g_utf8_validate (error->message, -1, NULL))
        fail ("the error message is not valid UTF-8");
      return 0;
    }

  if (error != NULL)
    fail ("an article and an error");

  check_text (icc_article_get_text (article));
  check_field ("the title", icc_article_get_title (article));
  check_field ("the author", icc_article_get_author (article));
  check_field ("the outlet", icc_article_get_outlet (article));
  check_field ("the url", icc_article_get_url (article));
  check_field ("the edit note", icc_article_get_edit_note (article));
  check_id (icc_article_get_id (article));

  suggested = icc_article_import_suggest_id (article);
  if (g_strcmp0 (suggested, icc_article_get_id (article)) != 0)
    fail ("the id “%s” is not the one suggested, “%s”", icc_article_get_id (article), suggested);

  return 0;
}
