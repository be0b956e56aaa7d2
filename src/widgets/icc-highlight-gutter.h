/* icc-highlight-gutter.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ICC_TYPE_HIGHLIGHT_GUTTER (icc_highlight_gutter_get_type ())

G_DECLARE_FINAL_TYPE (IccHighlightGutter, icc_highlight_gutter, ICC, HIGHLIGHT_GUTTER, GtkWidget)

typedef enum
{
  ICC_HIGHLIGHT_CITATION,
  ICC_HIGHLIGHT_DISPUTES,
  ICC_HIGHLIGHT_EMPHASIS,
} IccHighlightKind;

/* One highlight, as fractions (0..1) of the document's height. */
typedef struct
{
  double           start;
  double           end;
  IccHighlightKind kind;
} IccHighlightMark;

/* A thin strip beside the reader's scrollbar marking where the article's
 * highlights are, like Hypothesis's bucket bar. Clicking a mark emits
 * "mark-activated" with its index. */
GtkWidget *icc_highlight_gutter_new        (void);
void       icc_highlight_gutter_set_marks  (IccHighlightGutter     *self,
                                            const IccHighlightMark *marks,
                                            guint                   n_marks);
guint      icc_highlight_gutter_get_n_marks (IccHighlightGutter    *self);
void       icc_highlight_gutter_set_color  (IccHighlightGutter     *self,
                                            IccHighlightKind        kind,
                                            const GdkRGBA          *color);

G_END_DECLS
