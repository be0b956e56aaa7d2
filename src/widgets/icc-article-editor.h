/* icc-article-editor.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "icc-article.h"

G_BEGIN_DECLS

#define ICC_TYPE_ARTICLE_EDITOR (icc_article_editor_get_type ())

G_DECLARE_FINAL_TYPE (IccArticleEditor, icc_article_editor, ICC, ARTICLE_EDITOR, GtkWindow)

/* Edit Article: an article's metadata (title, outlet, author, date, URL, and
 * what was left out of the text). Its text is not edited: citations are
 * anchored in it. Like the other editors it changes nothing by itself: on
 * "article-editor.confirm" (the Save button, Ctrl+Enter) with valid fields it
 * emits ::confirmed (IccArticle *draft, a new article with the fields) and
 * stays open until whoever opened it closes it. */
GtkWidget   *icc_article_editor_new        (GtkWindow        *parent,
                                            IccArticle       *article);
IccArticle  *icc_article_editor_get_article (IccArticleEditor *self);
/* The fields as a new article with the same id, or NULL with @error (a
 * date that does not exist, an empty title). */
IccArticle  *icc_article_editor_get_draft  (IccArticleEditor *self,
                                            GError          **error);
void         icc_article_editor_show_error (IccArticleEditor *self,
                                            const char       *message);

G_END_DECLS
