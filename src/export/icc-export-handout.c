/* icc-export-handout.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "icc-enum-util.h"
#include "icc-export-handout.h"
#include "icc-export-image.h"

#define TIMELINE_WIDTH  1200
#define TIMELINE_HEIGHT 360
#define GAP             6.0
#define N_COLUMNS       3
/* Space under a table row, with its rule in the middle. */
#define ROW_RULE        3.0
/* Blocks up to this part of a page high are never split across pages. */
#define KEEP_TOGETHER   (1.0 / 3.0)
/* Lines of a split block kept together at either side of a page break. */
#define MIN_LINES       2
/* Rounding allowed when fitting units on a page, in points. */
#define EPSILON         0.01

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
  int            n_pages;
  GArray        *page_headers; /* Per page, the header row repeated on top, or -1. */
} Handout;

static void
block_clear_layouts (Block *block)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_object (&block->layouts[i]);
}

static void
block_clear (gpointer data)
{
  Block *block = data;

  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_pointer (&block->text[i], g_free);
  block_clear_layouts (block);
}

static void
handout_free (gpointer data)
{
  Handout *handout = data;

  g_clear_object (&handout->dataset);
  g_clear_pointer (&handout->blocks, g_array_unref);
  g_clear_pointer (&handout->units, g_array_unref);
  g_clear_pointer (&handout->page_headers, g_array_unref);
  g_clear_pointer (&handout->timeline, gsk_render_node_unref);
  g_free (handout);
}

static void
add_block (Handout    *handout,
           BlockKind   kind,
           const char *font,
           double      indent,
           double      space_before,
           const char *a,
           const char *b,
           const char *c)
{
  Block block = { kind, font, indent, space_before, FALSE, -1,
                  { g_strdup (a), g_strdup (b), g_strdup (c) }, { NULL } };

  g_array_append_val (handout->blocks, block);
}

/* Keeps the block added last on the page of the first lines of the next one:
 * a heading with what it heads, a passage with its source. */
static void
keep_last_with_next (Handout *handout)
{
  g_array_index (handout->blocks, Block, handout->blocks->len - 1).keep_with_next = TRUE;
}

/* The events of the handout, in order. */
static GPtrArray *
collect_events (IccDataset *dataset,
                IccTour    *tour)
{
  GPtrArray *events = g_ptr_array_new_with_free_func (g_object_unref);

  if (tour != NULL)
    {
      for (guint i = 0; i < icc_tour_get_n_steps (tour); i++)
        {
          IccEvent *event = icc_dataset_lookup_event (dataset, icc_tour_get_step_event (tour, i));

          if (event != NULL)
            g_ptr_array_add (events, g_object_ref (event));
        }
    }
  else
    {
      GListModel *all = icc_dataset_get_events (dataset);
      guint n = g_list_model_get_n_items (all);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(IccEvent) event = g_list_model_get_item (all, i);

          if (icc_event_get_n_citations (event) > 0)
            g_ptr_array_add (events, g_object_ref (event));
        }
    }

  return events;
}

static char *
citation_source (IccCitation *citation)
{
  IccArticle *article = icc_citation_get_article (citation);
  g_autofree char *date = NULL;
  GString *str;

  if (article == NULL)
    return g_strdup (icc_citation_get_article_id (citation));

  str = g_string_new ("— ");
  if (icc_article_get_outlet (article) != NULL)
    g_string_append_printf (str, "%s, ", icc_article_get_outlet (article));
  g_string_append_printf (str, "“%s”", icc_article_get_title (article));
  date = icc_date_format (icc_article_get_date (article));
  if (*date != '\0')
    g_string_append_printf (str, ", %s", date);

  return g_string_free (str, FALSE);
}

/* A cited passage, then its source, then what the dataset says instead when
 * the passage disputes it: kept together at the page breaks between them. */
static void
add_citation_blocks (Handout     *handout,
                     IccCitation *citation)
{
  g_autofree char *quote = g_strdup_printf ("“%s”", icc_citation_get_quote (citation));
  g_autofree char *source = citation_source (citation);
  g_autofree char *note = NULL;

  add_block (handout, BLOCK_TEXT, "Serif Italic 10", 12, 3, quote, NULL, NULL);
  keep_last_with_next (handout);
  add_block (handout, BLOCK_TEXT, "Sans 8", 12, 1, source, NULL, NULL);
  if (icc_citation_get_stance (citation) != ICC_STANCE_DISPUTES)
    return;

  keep_last_with_next (handout);
  note = g_strdup_printf (_("The reference disagrees: %s"),
                          icc_citation_get_note (citation) != NULL ?
                          icc_citation_get_note (citation) : "");
  add_block (handout, BLOCK_TEXT, "Sans Bold 8", 12, 1, note, NULL, NULL);
}

static Handout *
handout_new (IccDataset *dataset,
             IccTour    *tour)
{
  Handout *handout = g_new0 (Handout, 1);
  g_autoptr(IccTour) default_tour = NULL;
  g_autoptr(GPtrArray) events = NULL;
  double start = 0, end = 0;
  int header;

  if (tour == NULL && g_list_model_get_n_items (icc_dataset_get_tours (dataset)) > 0)
    tour = default_tour = g_list_model_get_item (icc_dataset_get_tours (dataset), 0);
  events = collect_events (dataset, tour);

  handout->dataset = g_object_ref (dataset);
  handout->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (handout->blocks, block_clear);
  handout->units = g_array_new (FALSE, TRUE, sizeof (Unit));
  handout->page_headers = g_array_new (FALSE, FALSE, sizeof (int));

  /* The timeline over the events' dates, with a margin of a tenth each side. */
  if (events->len > 0)
    {
      double first = icc_event_get_day (g_ptr_array_index (events, 0));
      double last = first;

      for (guint i = 0; i < events->len; i++)
        {
          first = MIN (first, icc_event_get_day (g_ptr_array_index (events, i)));
          last = MAX (last, icc_event_get_end_day (g_ptr_array_index (events, i)) + 1);
        }
      start = first - (last - first) / 10 - 15;
      end = last + (last - first) / 10 + 15;
    }
  handout->timeline = icc_export_timeline_node (dataset, &start, &end,
                                                TIMELINE_WIDTH, TIMELINE_HEIGHT);

  add_block (handout, BLOCK_TEXT, "Sans Bold 18", 0, 0, icc_dataset_get_title (dataset),
             NULL, NULL);
  if (tour != NULL)
    add_block (handout, BLOCK_TEXT, "Sans 13", 0, 2, icc_tour_get_title (tour), NULL, NULL);
  if (tour != NULL && icc_tour_get_description (tour) != NULL)
    add_block (handout, BLOCK_TEXT, "Sans 10", 0, 2, icc_tour_get_description (tour), NULL, NULL);
  add_block (handout, BLOCK_TIMELINE, NULL, 0, 8, NULL, NULL, NULL);

  add_block (handout, BLOCK_TEXT, "Sans Bold 13", 0, 10, _("Events"), NULL, NULL);
  keep_last_with_next (handout);
  add_block (handout, BLOCK_ROW, "Sans Bold 9", 0, 4, _("Date"), _("Event"), _("Certainty"));
  keep_last_with_next (handout);
  header = handout->blocks->len - 1;
  for (guint i = 0; i < events->len; i++)
    {
      IccEvent *event = g_ptr_array_index (events, i);
      g_autofree char *date = icc_date_format (icc_event_get_date (event));
      g_autofree char *certainty = NULL;

      if (icc_event_get_certainty_note (event) != NULL &&
          icc_event_get_certainty (event) != ICC_CERTAINTY_CONFIRMED)
        certainty = g_strdup_printf ("%s: %s",
                                     icc_certainty_get_label (icc_event_get_certainty (event)),
                                     icc_event_get_certainty_note (event));
      else
        certainty = g_strdup (icc_certainty_get_label (icc_event_get_certainty (event)));

      add_block (handout, BLOCK_ROW, "Sans 9", 0, 2, date, icc_event_get_title (event), certainty);
      g_array_index (handout->blocks, Block, handout->blocks->len - 1).header = header;
    }

  add_block (handout, BLOCK_TEXT, "Sans Bold 13", 0, 14, _("Cited passages"), NULL, NULL);
  keep_last_with_next (handout);
  for (guint i = 0; i < events->len; i++)
    {
      IccEvent *event = g_ptr_array_index (events, i);
      GListModel *citations = icc_event_get_citations (event);
      guint n = g_list_model_get_n_items (citations);
      g_autofree char *date = icc_date_format (icc_event_get_date (event));
      g_autofree char *heading = g_strdup_printf ("%s — %s", date, icc_event_get_title (event));

      if (n == 0)
        continue;

      add_block (handout, BLOCK_TEXT, "Sans Bold 10", 0, 8, heading, NULL, NULL);
      keep_last_with_next (handout);
      for (guint j = 0; j < n; j++)
        {
          g_autoptr(IccCitation) citation = g_list_model_get_item (citations, j);
          add_citation_blocks (handout, citation);
        }
    }

  return handout;
}

static PangoLayout *
make_layout (GtkPrintContext *context,
             const char      *font,
             const char      *text,
             double           width)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
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
block_width (GtkPrintContext *context,
             Block           *block)
{
  return gtk_print_context_get_width (context) - block->indent;
}

/* Where column @column of @block starts and how wide it is; FALSE when the
 * block has no such column. */
static gboolean
block_column (GtkPrintContext *context,
              Block           *block,
              guint            column,
              double          *x,
              double          *width)
{
  static const double columns[] = { 0.0, 0.2, 0.72, 1.0 };
  double block_w = block_width (context, block);

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
block_make_layouts (GtkPrintContext *context,
                    Block           *block)
{
  double x, width;

  block_clear_layouts (block);
  for (guint c = 0; c < N_COLUMNS; c++)
    if (block_column (context, block, c, &x, &width))
      block->layouts[c] = make_layout (context, block->font, block->text[c], width);
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
add_block_units (Handout         *handout,
                 GtkPrintContext *context,
                 guint            block,
                 double           page_height)
{
  Block *b = &g_array_index (handout->blocks, Block, block);
  guint first = handout->units->len;

  if (b->kind == BLOCK_TIMELINE)
    {
      double width = block_width (context, b);

      add_unit (handout, block, 0, 0, TRUE, width * TIMELINE_HEIGHT / TIMELINE_WIDTH);
    }
  else
    {
      block_make_layouts (context, b);
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

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                Handout           *handout)
{
  double page_height = gtk_print_context_get_height (context);

  g_array_set_size (handout->units, 0);
  for (guint i = 0; i < handout->blocks->len; i++)
    add_block_units (handout, context, i, page_height);
  paginate (handout, page_height);

  gtk_print_operation_set_n_pages (operation, handout->n_pages);
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
draw_text_unit (GtkPrintContext *context,
                cairo_t         *cr,
                Block           *block,
                Unit            *unit)
{
  double x, width;

  for (guint c = 0; c < N_COLUMNS; c++)
    if (block_column (context, block, c, &x, &width))
      draw_lines (cr, block->layouts[c], x, unit->y, unit->top, unit->bottom);

  if (block->kind == BLOCK_ROW && unit->last)
    {
      double rule_y = unit->y + (double)(unit->bottom - unit->top) / PANGO_SCALE
                      + ROW_RULE / 2;

      cairo_set_line_width (cr, 0.4);
      cairo_move_to (cr, block->indent, rule_y);
      cairo_line_to (cr, block->indent + block_width (context, block), rule_y);
      cairo_stroke (cr);
    }
}

static void
draw_timeline (Handout         *handout,
               GtkPrintContext *context,
               cairo_t         *cr,
               Block           *block,
               double           y)
{
  double scale = block_width (context, block) / TIMELINE_WIDTH;

  if (handout->timeline == NULL)
    return;

  cairo_save (cr);
  cairo_translate (cr, block->indent, y);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, TIMELINE_WIDTH, TIMELINE_HEIGHT);
  cairo_clip (cr);
  gsk_render_node_draw (handout->timeline, cr);
  cairo_restore (cr);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              Handout           *handout)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

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
      draw_text_unit (context, cr, block, &whole);
    }
  for (guint i = 0; i < handout->units->len; i++)
    {
      Unit *unit = &g_array_index (handout->units, Unit, i);
      Block *block = &g_array_index (handout->blocks, Block, unit->block);

      if (unit->page != page_nr)
        continue;
      if (block->kind == BLOCK_TIMELINE)
        draw_timeline (handout, context, cr, block, unit->y);
      else
        draw_text_unit (context, cr, block, unit);
    }
}

GtkPrintOperation *
icc_export_handout_new_operation (IccDataset *dataset,
                                  IccTour    *tour)
{
  GtkPrintOperation *operation;
  Handout *handout;

  g_return_val_if_fail (ICC_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (tour == NULL || ICC_IS_TOUR (tour), NULL);

  handout = handout_new (dataset, tour);
  operation = gtk_print_operation_new ();
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, icc_dataset_get_title (dataset));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_object_set_data_full (G_OBJECT (operation), "icc-handout", handout, handout_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), handout);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), handout);

  return operation;
}

gboolean
icc_export_handout_to_pdf (IccDataset  *dataset,
                           IccTour     *tour,
                           GFile       *file,
                           guint       *n_pages,
                           GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *path = NULL;
  g_autofree char *tmp_path = NULL;
  g_autoptr(GFile) tmp_file = NULL;
  g_autoptr(GError) local_error = NULL;
  GtkPrintOperationResult result;
  int fd;

  g_return_val_if_fail (ICC_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, ICC_EXPORT_ERROR, ICC_EXPORT_ERROR_WRITE,
                   _("Can only export to a local file"));
      return FALSE;
    }

  /* Write next to the target, then rename over it. */
  tmp_path = g_strdup_printf ("%s.XXXXXX", path);
  /* 0666 less the umask, as a new file gets (g_mkstemp() gives 0600). */
  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  operation = icc_export_handout_new_operation (dataset, tour);
  gtk_print_operation_set_export_filename (operation, tmp_path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL,
                                    &local_error);

  /* Anything but APPLY (an error, or a cancelled export) leaves the empty
   * temporary file: never rename it over the target. */
  if (result != GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_unlink (tmp_path);
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, ICC_EXPORT_ERROR, ICC_EXPORT_ERROR_WRITE,
                     _("Could not write “%s”: %s"), path,
                     g_strerror (result == GTK_PRINT_OPERATION_RESULT_CANCEL ? ECANCELED : EIO));
      return FALSE;
    }

  if (n_pages != NULL)
    {
      int pages = 0;

      g_object_get (operation, "n-pages", &pages, NULL);
      *n_pages = MAX (pages, 0);
    }

  tmp_file = g_file_new_for_path (tmp_path);
  if (!g_file_move (tmp_file, file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
    {
      g_unlink (tmp_path);
      return FALSE;
    }

  return TRUE;
}
