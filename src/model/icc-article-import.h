/* icc-article-import.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "icc-article.h"

G_BEGIN_DECLS

#define ICC_ARTICLE_IMPORT_ERROR (icc_article_import_error_quark ())

typedef enum
{
  /* Nothing but white space once the markup is removed. */
  ICC_ARTICLE_IMPORT_ERROR_EMPTY,
  /* Binary data: NUL bytes or many control characters. */
  ICC_ARTICLE_IMPORT_ERROR_NOT_TEXT,
  /* Not UTF-8, UTF-16 with a byte order mark or a character set the web
   * page declares and iconv converts. */
  ICC_ARTICLE_IMPORT_ERROR_ENCODING,
  /* Over ICC_ARTICLE_IMPORT_MAX_SIZE bytes. */
  ICC_ARTICLE_IMPORT_ERROR_TOO_LARGE,
  /* The HTML parser gave up (it recovers from nearly anything). */
  ICC_ARTICLE_IMPORT_ERROR_PARSE,
} IccArticleImportError;

/* Files and texts larger than this are refused (64 MiB). */
#define ICC_ARTICLE_IMPORT_MAX_SIZE ((gsize)64 * 1024 * 1024)

GQuark      icc_article_import_error_quark (void);

/* Makes an article of a file's contents. @filename (nullable; only its
 * extension matters, and its base name for messages) decides the format:
 * .txt/.text, .md/.markdown, .html/.htm/.xhtml; without it, or with another
 * extension, a text starting with '<' that holds <html, <body or <p is a web
 * page and anything else plain text. The article's id is
 * icc_article_import_suggest_id()'s: the caller makes it unique. Safe to call
 * from any thread. */
IccArticle *icc_article_import_bytes       (GBytes               *bytes,
                                            const char           *filename,
                                            GError              **error);

/* Reads and imports @file in a worker thread, as icc_article_import_bytes()
 * with the file's name. Refuses anything but a regular file
 * (G_IO_ERROR_NOT_REGULAR_FILE, G_IO_ERROR_IS_DIRECTORY) and files over
 * ICC_ARTICLE_IMPORT_MAX_SIZE (ICC_ARTICLE_IMPORT_ERROR_TOO_LARGE). */
void        icc_article_import_file_async  (GFile                *file,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
IccArticle *icc_article_import_file_finish (GAsyncResult         *result,
                                            GError              **error);

/* "Paste as New Article": @text (UTF-8) normalized as a .txt file is, its
 * first line the title. */
IccArticle *icc_article_new_from_text      (const char           *text,
                                            GError              **error);

/* A slug for @article's id from its date and title, such as
 * "imported-2016-11-16-russia-withdraws-signature": ASCII lowercase letters,
 * digits and '-', at most 60 characters, starting with "imported". */
char       *icc_article_import_suggest_id  (IccArticle           *article);

G_END_DECLS
