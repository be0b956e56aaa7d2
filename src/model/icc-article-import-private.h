/* icc-article-import-private.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* What the files of the article import share:
 *
 *  icc-article-import.c       the public API: the format's reader chosen,
 *                             ids, files read in a thread
 *  icc-article-import-decode.c  the format from the name or the first bytes;
 *                             bytes made UTF-8 text (byte order marks,
 *                             declared character sets)
 *  icc-article-import-text.c  the one shape of every text, plain text and
 *                             Markdown
 *  icc-article-import-html.c  web pages, with libxml2's HTML parser
 */

#include "icc-article-import.h"

G_BEGIN_DECLS

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
} IccImportResult;

void      _icc_import_result_clear               (IccImportResult  *result);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (IccImportResult, _icc_import_result_clear)

/* @name is the file's name as shown to people, or NULL for text without a
 * file (pasted). */
void      _icc_article_import_set_empty_error    (GError          **error,
                                                  const char       *name);
void      _icc_article_import_set_parse_error    (GError          **error,
                                                  const char       *name);

/* @text (@len bytes of valid UTF-8) with LF line ends, without control
 * characters but tab and newline, white space at the ends of lines, blank
 * lines at the start and end, and with one blank line at most between
 * paragraphs. Indentation stays. */
char     *_icc_article_import_normalize          (const char       *text,
                                                  gsize             len);
/* @text (@len bytes, or -1) on one line: white space runs made one space,
 * control characters dropped, trimmed; NULL when nothing is left. */
char     *_icc_article_import_clean_line         (const char       *text,
                                                  gssize            len);
/* The first line of @text that is not blank, cleaned, and cut near 120
 * characters at a word. */
char     *_icc_article_import_title_from_text    (const char       *text);
/* The date @text starts with: YYYY-MM-DD, YYYY-MM or YYYY, followed by
 * anything but a digit. A date that does not exist is no date. */
gboolean  _icc_article_import_parse_date         (const char       *text,
                                                  IccDate          *date);

/* The readers: @text is @len bytes of valid UTF-8 without NUL. */
void      _icc_article_import_plain              (const char       *text,
                                                  gsize             len,
                                                  IccImportResult  *result);
void      _icc_article_import_markdown           (const char       *text,
                                                  gsize             len,
                                                  const char       *name,
                                                  IccImportResult  *result);
/* Call xmlInitParser() first, once, from one thread. */
gboolean  _icc_article_import_html               (const char       *text,
                                                  gsize             len,
                                                  const char       *name,
                                                  IccImportResult  *result,
                                                  GError          **error);

/* icc-article-import-decode.c */
Format    _icc_article_import_format_from_name   (const char       *filename);
gboolean  _icc_article_import_decode             (const char       *data,
                                                  gsize             len,
                                                  Format           *format,
                                                  const char       *name,
                                                  char            **owned,
                                                  const char      **text,
                                                  gsize            *text_len,
                                                  GError          **error);

G_END_DECLS
