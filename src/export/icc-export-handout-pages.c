/* icc-export-handout-pages.c: laying the handout out, paginating, drawing
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "icc-export-handout-private.h"
#include "icc-export-timeline-private.h"

/* The blocks laid out for a canvas (a print context or a PDF surface), cut
 * into units where pagination may break them, the units placed on pages
 * (with a table's header row repeated where the table continues) and each
 * page drawn, with its number at its foot. */

#define GAP             6.0
/* Space under a table row, with its rule in the middle. */
#define ROW_RULE        3.0
/* Blocks up to this part of a page high are never split across pages. */
#define KEEP_TOGETHER   (1.0 / 3.0)
/* Lines of a split block kept together at either side of a page break. */
#define MIN_LINES       2
/* The page number's line at the foot of each page. */
#define FOOTER_HEIGHT   18.0
/* Rounding allowed when fitting units on a page, in points. */
#define EPSILON         0.01

void
_icc_handout_block_clear_layouts (Block *block)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_object (&block->layouts[i]);
}

static PangoLayout *
make_layout (const HandoutCanvas *canvas,
             const char          *font,
             const char          *text,
             double               width)
{
  PangoLayout *layout = pango_layout_new (canvas->pango);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* Dataset text: as text, never as markup. */
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  pango_font_description_free (desc);

  return layout;
}

static double
block_width (const HandoutCanvas *canvas,
             Block               *block)
{
  return canvas->width - block->indent;
}

/* Where column @column of @block starts and how wide it is; FALSE when the
 * block has no such column. */
static gboolean
block_column (const HandoutCanvas *canvas,
              Block               *block,
              guint                column,
              double              *x,
              double              *width)
{
  static const double columns[] = { 0.0, 0.2, 0.72, 1.0 };
  double block_w = block_width (canvas, block);

  switch (block->kind)
    {
    case BLOCK_TEXT:
      *x = block->indent;
      *width = block_w;
      return column == 0;

    case BLOCK_ROW:
      *x = block->indent + block_w * columns[column];
      *width = block_w * (columns[column + 1] - columns[column]) - GAP;
      return TRUE;

    case BLOCK_TIMELINE:
      return FALSE;

    default:
      g_assert_not_reached ();
    }
}

static void
block_make_layouts (const HandoutCanvas *canvas,
                    Block               *block)
{
  double x, width;

  _icc_handout_block_clear_layouts (block);
  for (guint c = 0; c < N_COLUMNS; c++)
    if (block_column (canvas, block, c, &x, &width))
      block->layouts[c] = make_layout (canvas, block->font, block->text[c], width);
}

/* Whether a line of @layout starts above @y and ends below it. */
static gboolean
cuts_a_line (PangoLayout *layout,
             int          y)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  gboolean cuts = FALSE;

  do
    {
      int top, bottom;

      pango_layout_iter_get_line_yrange (iter, &top, &bottom);
      cuts = top < y && y < bottom;
    }
  while (!cuts && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  return cuts;
}

static gboolean
is_break (Block *block,
          int    y)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    if (block->layouts[c] != NULL && cuts_a_line (block->layouts[c], y))
      return FALSE;

  return TRUE;
}

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  return *(const int *)a - *(const int *)b;
}

/* Where @block's text may be broken across pages, in Pango units, ascending:
 * the bottoms of lines that no line of another column crosses. The last is the
 * bottom of the block's text. */
static GArray *
block_breaks (Block *block)
{
  GArray *bottoms = g_array_new (FALSE, FALSE, sizeof (int));
  GArray *breaks = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      PangoLayoutIter *iter;

      if (block->layouts[c] == NULL)
        continue;
      iter = pango_layout_get_iter (block->layouts[c]);
      do
        {
          int top, bottom;

          pango_layout_iter_get_line_yrange (iter, &top, &bottom);
          g_array_append_val (bottoms, bottom);
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }
  g_array_sort (bottoms, compare_int);

  for (guint i = 0; i < bottoms->len; i++)
    {
      int y = g_array_index (bottoms, int, i);

      if ((breaks->len == 0 || g_array_index (breaks, int, breaks->len - 1) < y) &&
          is_break (block, y))
        g_array_append_val (breaks, y);
    }
  g_array_unref (bottoms);

  return breaks;
}

static void
add_unit (Handout *handout,
          guint    block,
          int      top,
          int      bottom,
          gboolean last,
          double   height)
{
  Block *b = &g_array_index (handout->blocks, Block, block);
  Unit unit = { block, top, bottom, last, height, top == 0 ? b->space_before : 0 };

  g_array_append_val (handout->units, unit);
}

static void
add_text_units (Handout *handout,
                guint    block)
{
  Block *b = &g_array_index (handout->blocks, Block, block);
  GArray *breaks = block_breaks (b);
  int top = 0;

  for (guint i = 0; i < breaks->len; i++)
    {
      int bottom = g_array_index (breaks, int, i);
      gboolean last = i + 1 == breaks->len;
      double height = (double)(bottom - top) / PANGO_SCALE;

      if (last && b->kind == BLOCK_ROW)
        height += ROW_RULE;
      add_unit (handout, block, top, bottom, last, height);
      top = bottom;
    }
  g_array_unref (breaks);
}

/* Glues the units of @block, from @first on: all of them when the block is
 * small, else its first and its last MIN_LINES; its last unit to the next
 * block's first when the block keeps with the next. */
static void
glue_block_units (Handout *handout,
                  guint    block,
                  guint    first,
                  double   page_height)
{
  Block *b = &g_array_index (handout->blocks, Block, block);
  guint last = handout->units->len - 1;
  double height = 0;
  gboolean keep_together;

  for (guint i = first; i <= last; i++)
    height += g_array_index (handout->units, Unit, i).height;
  keep_together = height <= page_height * KEEP_TOGETHER;

  for (guint i = first; i < last; i++)
    g_array_index (handout->units, Unit, i).keep_with_next =
      keep_together || i - first < MIN_LINES - 1 || last - i < MIN_LINES;
  g_array_index (handout->units, Unit, last).keep_with_next = b->keep_with_next;
}

/* Lays @block out and cuts it into units. */
static void
add_block_units (Handout             *handout,
                 const HandoutCanvas *canvas,
                 guint                block,
                 double               page_height)
{
  Block *b = &g_array_index (handout->blocks, Block, block);
  guint first = handout->units->len;

  if (b->kind == BLOCK_TIMELINE)
    {
      double width = block_width (canvas, b);

      add_unit (handout, block, 0, 0, TRUE,
                width * (TIMELINE_HEIGHT + handout->legend_height) / TIMELINE_WIDTH);
    }
  else
    {
      block_make_layouts (canvas, b);
      add_text_units (handout, block);
    }
  glue_block_units (handout, block, first, page_height);
}

/* The last unit glued to unit @first. */
static guint
chain_end (Handout *handout,
           guint    first)
{
  guint last = first;

  while (last + 1 < handout->units->len &&
         g_array_index (handout->units, Unit, last).keep_with_next)
    last++;

  return last;
}

/* How high units @first to @last are, from the top of a page or not. */
static double
chain_height (Handout *handout,
              guint    first,
              guint    last,
              gboolean at_top)
{
  double height = 0;

  for (guint i = first; i <= last; i++)
    {
      Unit *unit = &g_array_index (handout->units, Unit, i);

      if (i > first || !at_top)
        height += unit->space_before;
      height += unit->height;
    }

  return height;
}

/* The last of units @first to @last that fits on an empty page; @first when
 * none does, so that every page has something on it. */
static guint
last_fitting (Handout *handout,
              guint    first,
              guint    last,
              double   page_height)
{
  guint fitting = first;

  while (fitting < last &&
         chain_height (handout, first, fitting + 1, TRUE) <= page_height + EPSILON)
    fitting++;

  return fitting;
}

/* How high the header row repeated over unit @i is on a new page; 0 when
 * @i is not part of a table row, or is the header itself. */
static double
repeated_header_height (Handout *handout,
                        guint    i,
                        int     *header)
{
  Unit *unit = &g_array_index (handout->units, Unit, i);
  double height = 0;

  *header = g_array_index (handout->blocks, Block, unit->block).header;
  if (*header < 0)
    return 0;

  for (guint j = 0; j < handout->units->len; j++)
    {
      Unit *u = &g_array_index (handout->units, Unit, j);

      if (u->block == (guint)*header)
        height += u->height;
    }

  return height;
}

/* Places units on pages. A chain of glued units goes whole on the page it
 * starts on, or else whole on the next; a chain higher than a page is broken
 * at the last unit that fits. A table continued on a new page starts it with
 * its header row again. */
static void
paginate (Handout *handout,
          double   page_height)
{
  double y = 0, top = 0;
  int page = 0, none = -1;
  guint i = 0;

  g_array_set_size (handout->page_headers, 0);
  g_array_append_val (handout->page_headers, none);

  while (i < handout->units->len)
    {
      guint last = chain_end (handout, i);
      gboolean at_top = y <= top;

      if (!at_top && y + chain_height (handout, i, last, FALSE) > page_height + EPSILON)
        {
          int header;
          double header_height = repeated_header_height (handout, i, &header);

          page++;
          y = top = 0;
          /* Only if the header and one unit fit: a page of header alone would
           * move nothing on. */
          if (header_height > 0 &&
              header_height + chain_height (handout, i, i, TRUE) <= page_height + EPSILON)
            y = top = header_height;
          else
            header = -1;
          g_array_append_val (handout->page_headers, header);
          continue;
        }
      if (at_top)
        last = last_fitting (handout, i, last, page_height - top);

      for (guint first = i; i <= last; i++)
        {
          Unit *unit = &g_array_index (handout->units, Unit, i);

          if (i > first || !at_top)
            y += unit->space_before;
          unit->page = page;
          unit->y = y;
          y += unit->height;
        }
    }

  handout->n_pages = page + 1;
}

void
_icc_handout_paginate (Handout             *handout,
                       const HandoutCanvas *canvas)
{
  double page_height = canvas->height - FOOTER_HEIGHT;

  g_array_set_size (handout->units, 0);
  for (guint i = 0; i < handout->blocks->len; i++)
    add_block_units (handout, canvas, i, page_height);
  paginate (handout, page_height);
}

/* Draws the lines of @layout from @top to @bottom (Pango units), @top at @y. */
static void
draw_lines (cairo_t     *cr,
            PangoLayout *layout,
            double       x,
            double       y,
            int          top,
            int          bottom)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      int line_top, line_bottom;

      pango_layout_iter_get_line_yrange (iter, &line_top, &line_bottom);
      if (line_top < top || line_top >= bottom)
        continue;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      cairo_move_to (cr, x + (double)logical.x / PANGO_SCALE,
                     y + (double)(pango_layout_iter_get_baseline (iter) - top) / PANGO_SCALE);
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_text_unit (const HandoutCanvas *canvas,
                cairo_t             *cr,
                Block               *block,
                Unit                *unit)
{
  double x, width;

  for (guint c = 0; c < N_COLUMNS; c++)
    if (block_column (canvas, block, c, &x, &width))
      draw_lines (cr, block->layouts[c], x, unit->y, unit->top, unit->bottom);

  if (block->kind == BLOCK_ROW && unit->last)
    {
      double rule_y = unit->y + (double)(unit->bottom - unit->top) / PANGO_SCALE
                      + ROW_RULE / 2;

      cairo_set_line_width (cr, 0.4);
      cairo_move_to (cr, block->indent, rule_y);
      cairo_line_to (cr, block->indent + block_width (canvas, block), rule_y);
      cairo_stroke (cr);
    }
}

static void
draw_timeline (Handout             *handout,
               const HandoutCanvas *canvas,
               cairo_t             *cr,
               Block               *block,
               double               y)
{
  double scale = block_width (canvas, block) / TIMELINE_WIDTH;

  if (handout->timeline == NULL)
    return;

  cairo_save (cr);
  cairo_translate (cr, block->indent, y);
  cairo_scale (cr, scale, scale);
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, TIMELINE_WIDTH, TIMELINE_HEIGHT);
  cairo_clip (cr);
  gsk_render_node_draw (handout->timeline, cr);
  cairo_restore (cr);
  /* The legend of its kinds under it. */
  cairo_translate (cr, 0, TIMELINE_HEIGHT + LEGEND_GAP);
  _icc_export_timeline_legend (cr, handout->dataset, handout->timeline_start,
                               handout->timeline_end, TIMELINE_WIDTH);
  cairo_restore (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
}

void
_icc_handout_draw_page (Handout             *handout,
                        const HandoutCanvas *canvas,
                        int                  page_nr)
{
  cairo_t *cr = canvas->cr;

  cairo_set_source_rgb (cr, 0, 0, 0);
  if ((guint)page_nr < handout->page_headers->len &&
      g_array_index (handout->page_headers, int, page_nr) >= 0)
    {
      int header = g_array_index (handout->page_headers, int, page_nr);
      Block *block = &g_array_index (handout->blocks, Block, header);
      Unit whole = { header, 0, 0, TRUE, 0, 0, FALSE, page_nr, 0 };

      /* The whole header, from its first line to its last. */
      for (guint i = 0; i < handout->units->len; i++)
        if (g_array_index (handout->units, Unit, i).block == (guint)header)
          whole.bottom = g_array_index (handout->units, Unit, i).bottom;
      draw_text_unit (canvas, cr, block, &whole);
    }
  for (guint i = 0; i < handout->units->len; i++)
    {
      Unit *unit = &g_array_index (handout->units, Unit, i);
      Block *block = &g_array_index (handout->blocks, Block, unit->block);

      if (unit->page != page_nr)
        continue;
      if (block->kind == BLOCK_TIMELINE)
        draw_timeline (handout, canvas, cr, block, unit->y);
      else
        draw_text_unit (canvas, cr, block, unit);
    }

  /* The page number, centred under the page's text. */
  {
    g_autofree char *number = NULL;
    PangoLayout *layout;
    int w, h;

    /* Translators: the footer of each page of a handout. */
    number = g_strdup_printf (_("Page %d of %d"), page_nr + 1, handout->n_pages);
    layout = make_layout (canvas, "Sans 8", number, canvas->width);
    pango_layout_set_width (layout, -1);
    pango_layout_get_size (layout, &w, &h);
    cairo_move_to (cr, (canvas->width - (double)w / PANGO_SCALE) / 2,
                   canvas->height - (double)h / PANGO_SCALE);
    pango_cairo_show_layout (cr, layout);
    g_object_unref (layout);
  }
}
