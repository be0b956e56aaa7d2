/* icc-article.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "icc-date.h"
#include "icc-types.h"

G_BEGIN_DECLS

#define ICC_TYPE_ARTICLE (icc_article_get_type ())

G_DECLARE_FINAL_TYPE (IccArticle, icc_article, ICC, ARTICLE, GObject)

IccArticle    *icc_article_new          (const char    *id);
const char    *icc_article_get_id       (IccArticle    *self);
const char    *icc_article_get_title    (IccArticle    *self);
void           icc_article_set_title    (IccArticle    *self,
                                         const char    *title);
const char    *icc_article_get_outlet   (IccArticle    *self);
void           icc_article_set_outlet   (IccArticle    *self,
                                         const char    *outlet);
const char    *icc_article_get_author   (IccArticle    *self);
void           icc_article_set_author   (IccArticle    *self,
                                         const char    *author);
const IccDate *icc_article_get_date     (IccArticle    *self);
void           icc_article_set_date     (IccArticle    *self,
                                         const IccDate *date);
const char    *icc_article_get_url      (IccArticle    *self);
const char    *icc_article_get_web_url  (IccArticle    *self);
gboolean       icc_article_is_web_url   (const char    *url);
void           icc_article_set_url      (IccArticle    *self,
                                         const char    *url);
/* Plain UTF-8 text; citation offsets count characters in it. */
const char    *icc_article_get_text     (IccArticle    *self);
void           icc_article_set_text     (IccArticle    *self,
                                         const char    *text);
/* What was removed from the text as published (page furniture, etc.). */
const char    *icc_article_get_edit_note (IccArticle   *self);
void           icc_article_set_edit_note (IccArticle   *self,
                                          const char   *edit_note);
/* Fields of the file this version does not know, kept for saving. */
JsonObject    *icc_article_get_extra    (IccArticle    *self);
void           icc_article_set_extra    (IccArticle    *self,
                                         JsonObject    *extra);

G_END_DECLS
