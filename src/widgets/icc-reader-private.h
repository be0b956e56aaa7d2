/* icc-reader-private.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "icc-after-frame.h"
#include "icc-highlight-gutter.h"
#include "icc-reader.h"

G_BEGIN_DECLS

/* The reader in seven files, as gnome-text-editor splits its window:
 * icc-reader.c (the object, its API, the focus followed),
 * icc-reader-article.c (the open article: header, text, reading width,
 * Open Original), icc-reader-highlights.c (tags, emphasis, colours, the
 * gutter), icc-reader-citations.c (the citations of the article: position,
 * moving between them, the pointer over them, orphans),
 * icc-reader-find.c (find in article), icc-reader-outline.c (the events the
 * article reports, in its order) and icc-reader-article-list.c (the list of
 * all articles). Each file binds its own template callbacks. */

struct _IccReader
{
  GtkWidget           parent_instance;

  /* "No Article" waits for the first frame (see _icc_reader_update_header) */
  IccAfterFrame      *placeholder_frame;
  gboolean            placeholder_shown;

  /* Template widgets */
  GtkLabel           *title_label;
  GtkMenuButton      *articles_button;
  GtkPopover         *articles_popover;
  GtkSearchEntry     *articles_search;
  GtkListView        *articles_view;
  GtkLabel           *meta_label;
  GtkLabel           *edit_note_label;
  GtkWidget          *edit_note_button;
  GtkWidget          *link_button;
  GtkLabel           *position_label;
  GtkMenuButton      *outline_button;
  GtkPopover         *outline_popover;
  GtkListBox         *outline_list;
  GtkLabel           *outline_empty;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *find_entry;
  GtkLabel           *find_label;
  GtkTextView        *text_view;
  IccHighlightGutter *gutter;
  GtkExpander        *orphans_expander;
  GtkListBox         *orphans_list;
  GtkWidget          *probe_citation;
  GtkWidget          *probe_disputes;
  GtkWidget          *probe_emphasis;
  GtkWidget          *probe_match;
  GtkWidget          *probe_current_match;

  /* Borrowed: owned by the buffer and its tag table, created once. */
  GtkTextTag         *citation_tag;
  GtkTextTag         *disputes_tag;
  GtkTextTag         *emphasis_tag;
  GtkTextTag         *match_tag;
  GtkTextTag         *current_match_tag;
  guint               n_matches;
  GtkTextMark        *scroll_mark;

  /* Owned */
  IccDataset         *dataset;
  IccFocus           *focus;
  GSignalGroup       *focus_signals;
  IccArticle         *article;
  GPtrArray          *anchored;   /* IccCitation, in text order */
  GPtrArray          *orphans;    /* IccCitation */
  GtkFilterListModel *articles_filter_model;
  GtkCustomFilter    *articles_filter;
  char               *articles_search_text;
  guint               colors_idle;
  guint               margins_idle;
  guint               gutter_idle;
  /* A large article goes into the buffer a chunk per main-loop turn (and
   * a large one leaves it so): see icc-reader-article.c. */
  guint               load_idle;
  gsize               load_offset;
  gsize               load_length;   /* of the article's text, in bytes */
  guint               unloading : 1;
  int                 last_width;
  gint64              scrolled_at;  /* when we last scrolled to a citation */
  guint               over_citation : 1;
};

/* icc-reader.c */
IccEvent  *_icc_reader_focus_event              (IccReader      *self);
void       _icc_reader_notify_search_mode       (IccReader      *self);

/* icc-reader-article.c */
void       _icc_reader_update_header            (IccReader      *self);
void       _icc_reader_load_article             (IccReader      *self);
void       _icc_reader_refresh_article          (IccReader      *self);
void       _icc_reader_init_article             (IccReader      *self);
void       _icc_reader_class_init_article       (GtkWidgetClass *widget_class);

/* icc-reader-article-list.c */
void       _icc_reader_init_article_list        (IccReader      *self);
void       _icc_reader_class_init_article_list  (GtkWidgetClass *widget_class);

/* icc-reader-citations.c */
int        _icc_reader_citation_index           (IccReader      *self,
                                                 IccCitation    *citation);
void       _icc_reader_update_position          (IccReader      *self);
void       _icc_reader_scroll_to_citation       (IccReader      *self,
                                                 IccCitation    *citation);
/* The anchored citations covering @offset, in text order. */
GPtrArray *_icc_reader_citations_at_offset      (IccReader      *self,
                                                 int             offset);
void       _icc_reader_activate_citation        (IccReader      *self,
                                                 IccCitation    *citation);
void       _icc_reader_rebuild_orphans          (IccReader      *self);
void       _icc_reader_init_citations           (IccReader      *self);
void       _icc_reader_class_init_citations     (GtkWidgetClass *widget_class);

/* icc-reader-outline.c */
void       _icc_reader_show_citation            (IccReader      *self,
                                                 IccCitation    *citation);
void       _icc_reader_class_init_outline       (GtkWidgetClass *widget_class);

/* icc-reader-find.c */
/* Finds the search text again in new text, while the search bar is open. */
void       _icc_reader_update_matches           (IccReader      *self);
void       _icc_reader_init_find                (IccReader      *self);
void       _icc_reader_class_init_find          (GtkWidgetClass *widget_class);

/* icc-reader-highlights.c */
/* Creates the tags, once per buffer. */
void       _icc_reader_init_highlights          (IccReader      *self);
void       _icc_reader_class_init_highlights    (GtkWidgetClass *widget_class);
void       _icc_reader_apply_emphasis           (IccReader      *self);
void       _icc_reader_queue_update_colors      (IccReader      *self);

G_END_DECLS
