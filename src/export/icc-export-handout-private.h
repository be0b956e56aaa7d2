/* icc-export-handout-private.h: what the handout's two files share
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "icc-dataset.h"

G_BEGIN_DECLS

/* The handout in two files: icc-export-handout.c (the blocks built from the
 * dataset, the print operation, the public API) and icc-export-handout-pages.c
 * (layouts, line breaks, units, pagination and drawing the pages). */

/* The timeline, drawn at this size and scaled to the width of the page's
 * text (about 0.6 on A4 and Letter): its text at 8 points or so. */
#define TIMELINE_WIDTH  800
#define TIMELINE_HEIGHT 520
/* Between the timeline and its legend, in the timeline's pixels. */
#define LEGEND_GAP      8
#define N_COLUMNS       3

typedef enum
{
  BLOCK_TEXT,
  BLOCK_ROW,
  BLOCK_TIMELINE,
} BlockKind;

typedef struct
{
  BlockKind    kind;
  const char  *font;
  double       indent;
  double       space_before;
  gboolean     keep_with_next;
  /* For a table row, the table's header row, repeated at the top of a page
   * the table continues on; -1 for other blocks. */
  int          header;
  char        *text[N_COLUMNS];
  /* Made in begin-print; NULL for the columns the block does not use. */
  PangoLayout *layouts[N_COLUMNS];
} Block;

/* The part of a block that pagination never splits: one line of a text, a
 * band of a table row that no line of any column crosses, or the timeline. */
typedef struct
{
  guint    block;
  int      top;            /* In the block's layouts, in Pango units. */
  int      bottom;
  gboolean last;           /* The block's last unit. */
  double   height;         /* In points, with the rule under a row's last band. */
  double   space_before;   /* Before a block's first unit; dropped at the top of a page. */
  gboolean keep_with_next; /* No page break between this unit and the next. */
  int      page;
  double   y;
} Unit;

typedef struct
{
  IccDataset    *dataset;
  GArray        *blocks;
  GArray        *units;
  GskRenderNode *timeline;
  double         timeline_start;  /* Its days, for its legend. */
  double         timeline_end;
  double         legend_height;   /* In the timeline's pixels. */
  int            n_pages;
  GArray        *page_headers; /* Per page, the header row repeated on top, or -1. */
  char          *title;        /* The PDF's metadata. */
  char          *subject;
} Handout;

/* Where the pages are laid out and drawn: a print operation's context, or a
 * PDF surface of our own (no display needed). Points, the page's text area
 * from (0, 0). */
typedef struct
{
  cairo_t      *cr;
  PangoContext *pango;
  double        width;
  double        height;
} HandoutCanvas;

/* icc-export-handout.c */
char *_icc_handout_quote_passage      (const char          *quote);

/* icc-export-handout-pages.c */
void _icc_handout_block_clear_layouts (Block           *block);
/* Lays the blocks out for @context, cuts them into units and places those on
 * pages; sets @handout's n_pages. */
void _icc_handout_paginate            (Handout             *handout,
                                       const HandoutCanvas *canvas);
void _icc_handout_draw_page           (Handout             *handout,
                                       const HandoutCanvas *canvas,
                                       int                  page_nr);

G_END_DECLS
