/* icc-anchor.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The public API of citation anchoring: prepared texts (IccAnchorText),
 * the budget of one indexing (IccAnchorBudget), and resolving a citation,
 * whose first step, the offset hint, is here. What the files of anchoring
 * share is in icc-anchor-private.h.
 *
 * A citation is looked for in three steps, each bounded for any input (n is
 * the length of the text, m of the quote, c of the prefix and suffix):
 *
 * - The offset hint: O(m) on a prepared text (a checkpoint every
 *   CHECKPOINT characters finds the hint's byte).
 * - An exact match (icc-anchor-exact.c): the occurrence of the quote whose
 *   context agrees best. O(n + m + c) time; memory 4 bytes per occurrence
 *   and 8 per byte of the quote and context.
 * - An approximate match (icc-anchor-approximate.c), on letters and digits
 *   only, case-folded (icc-anchor-normalize.c): the substring of the text
 *   with the fewest edits from the quote, if it scores at least
 *   MIN_APPROXIMATE_SCORE, looked for only where a q-gram filter
 *   (icc-anchor-qgram.c) lets it be. Time O(n + m + r⌈m/64⌉ + md) for r
 *   the length of the stretches the filter keeps and d the distance;
 *   memory O(n + m). Past APPROXIMATE_BUDGET, only a match without edits
 *   (linear) is looked for, and the citation is otherwise an orphan.
 *
 * Each step is still linear in the text, so a file of many citations of
 * one long article would take citations × length. An IccAnchorText does
 * once per article what does not depend on the citation: validation,
 * checkpoints, byte counts and, on first need, the normalized letters and
 * digits with an index of their q-grams (12 bytes per letter or digit, 16
 * per distinct q-gram). An IccAnchorBudget bounds what all the citations
 * of one indexing may spend, in units of work of a nanosecond or two: a
 * byte compared, a character or q-gram looked at, a call, a word of
 * Myers' algorithm, a cell of the band (weighted as icc-anchor-private.h
 * says). Past TOTAL_EXACT_BUDGET units of exact matching, only hints
 * anchor; past TOTAL_APPROXIMATE_BUDGET units of approximate matching, only
 * hints and exact matches do. A step starts only if its pool is not spent, and is
 * charged what it did: one indexing does at most the two pools and one
 * citation's work (bounded as above). Measured in a release build (CPU
 * time on a 2-core x86-64 shared with other work), the citations that
 * spend the pools slowest (1,000-letter quotes with a near match at each
 * of a million places, a 2,000-byte periodic quote in a periodic text, a
 * quote with 20,000 bytes of context agreeing at a million places) take
 * 1.1-1.5 s for the approximate pool, 0.4-0.8 s for the exact one.
 *
 * The bundled dataset (90 citations) spends 0.01% of the exact pool and
 * none of the approximate one; a file of 3,115 citations without hints of
 * one 512 KB article, half of them edited (bench-anchor's dataset-many at
 * 1 MiB), 18% and 66%, in about 1.5 s.
 *
 * Normalized texts are kept from one citation to the next up to
 * TOTAL_MEMORY_BUDGET bytes in all; past it, each approximate match
 * normalizes its text again and frees it. Under a budget, a text that
 * normalizing could take more than that for (NORMALIZED_PEAK bytes per
 * byte: over 3.5 MiB) is not matched approximately. So anchoring takes at
 * most twice TOTAL_MEMORY_BUDGET, besides the 8 bytes per byte of a quote
 * and its context that exact matching takes.
 *
 * The results are those of the quadratic algorithms this replaces (naive
 * comparison at every occurrence, Sellers' full table), budgets not spent:
 * tests/test-anchor.c checks them against each other on random inputs.
 */

#include "config.h"

#include <string.h>

#include "icc-anchor-private.h"

void
icc_anchor_budget_init (IccAnchorBudget *budget)
{
  g_return_if_fail (budget != NULL);

  budget->exact = TOTAL_EXACT_BUDGET;
  budget->approximate = TOTAL_APPROXIMATE_BUDGET;
  budget->memory = TOTAL_MEMORY_BUDGET;
}

/**
 * icc_anchor_text_new:
 * @text: (nullable): the text, valid UTF-8 or not (nothing is found in
 *   invalid or %NULL text); not copied
 *
 * Validates @text and notes where every CHECKPOINT-th character starts:
 * two linear passes. Byte counts and the normalized text are computed on
 * first use.
 */
IccAnchorText *
icc_anchor_text_new (const char *text)
{
  IccAnchorText *self = g_new0 (IccAnchorText, 1);
  const char *end;
  guchar all = 0;
  gsize n_checkpoints = 0;
  glong chars = 0;

  self->text = text;
  if (text == NULL || !g_utf8_validate (text, -1, &end))
    return self;

  self->valid = TRUE;
  self->len = end - text;

  for (gsize i = 0; i < self->len; i++)
    all |= (guchar)text[i];
  if ((all & 0x80) == 0)
    {
      self->n_chars = self->len;
      return self;
    }

  self->char_bytes = g_new (gsize, self->len / CHECKPOINT + 2);
  for (gsize i = 0; i < self->len; i++)
    {
      if (!anchor_is_char_start (text[i]))
        continue;
      if (chars % CHECKPOINT == 0)
        self->char_bytes[n_checkpoints++] = i;
      chars++;
    }
  if (chars % CHECKPOINT == 0)
    self->char_bytes[n_checkpoints++] = self->len;
  self->n_chars = chars;

  return self;
}

void
icc_anchor_text_free (IccAnchorText *self)
{
  if (self == NULL)
    return;

  g_free (self->char_bytes);
  g_free (self->byte_counts);
  g_clear_pointer (&self->normalized, _icc_anchor_normalized_free);
  g_free (self);
}

/* The pointer to character @offset of the text, or NULL if the text is
 * shorter. */
static const char *
offset_to_pointer (IccAnchorText *self,
                   glong          offset)
{
  const char *p;

  if (offset < 0 || offset > self->n_chars)
    return NULL;
  if (self->char_bytes == NULL)
    return self->text + offset;

  p = self->text + self->char_bytes[offset / CHECKPOINT];
  for (glong i = 0; i < offset % CHECKPOINT; i++)
    p = g_utf8_next_char (p);

  return p;
}

/* The character offset of byte @at, a character's start. */
glong
_icc_anchor_byte_to_offset (IccAnchorText *self,
                            gsize          at)
{
  gsize lo = 0, hi;

  if (self->char_bytes == NULL)
    return at;

  /* The last checkpoint at or before @at. */
  hi = self->n_chars / CHECKPOINT + 1;
  while (hi - lo > 1)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (self->char_bytes[mid] <= at)
        lo = mid;
      else
        hi = mid;
    }

  return lo * CHECKPOINT +
         anchor_count_chars (self->text + self->char_bytes[lo], self->text + at);
}

/**
 * icc_anchor_resolve_in:
 *
 * See icc-anchor.h. A step runs only if its pool of @budget is not spent
 * (greater than zero), and is then charged the work it did, which may take
 * the pool below zero: by at most one citation's work.
 */
IccAnchorMethod
icc_anchor_resolve_in (IccAnchorText   *text,
                       IccAnchorBudget *budget,
                       const char      *quote,
                       const char      *prefix,
                       const char      *suffix,
                       int              hint_start,
                       int              hint_end,
                       int             *out_start,
                       int             *out_end)
{
  IccAnchorMethod method = ICC_ANCHOR_NONE;
  glong quote_chars;
  glong start = -1, end = -1;

  if (out_start != NULL)
    *out_start = -1;
  if (out_end != NULL)
    *out_end = -1;

  g_return_val_if_fail (text != NULL, ICC_ANCHOR_NONE);

  if (!text->valid || quote == NULL || *quote == '\0' || !g_utf8_validate (quote, -1, NULL) ||
      (prefix != NULL && !g_utf8_validate (prefix, -1, NULL)) ||
      (suffix != NULL && !g_utf8_validate (suffix, -1, NULL)))
    return ICC_ANCHOR_NONE;

  quote_chars = g_utf8_strlen (quote, -1);

  /* In 64 bits: hint_end - hint_start overflows an int for hostile hints. */
  if (hint_start >= 0 && (gint64)hint_end - (gint64)hint_start == quote_chars)
    {
      const char *at = offset_to_pointer (text, hint_start);

      if (at != NULL && strncmp (at, quote, strlen (quote)) == 0)
        {
          method = ICC_ANCHOR_HINT;
          start = hint_start;
          end = hint_end;
        }
    }

  if (method == ICC_ANCHOR_NONE && (budget == NULL || budget->exact > 0))
    {
      gint64 work = 0;

      if (_icc_anchor_find_exact_bytes (text, quote, prefix, suffix, hint_start, &work, &start))
        {
          method = ICC_ANCHOR_EXACT;
          end = start + quote_chars;
        }
      if (budget != NULL)
        budget->exact -= work;
    }

  /* Past the exact pool, not even this. */
  if (method == ICC_ANCHOR_NONE &&
      (budget == NULL || (budget->exact > 0 && budget->approximate > 0)))
    {
      gint64 work = 0;

      if (_icc_anchor_find_approximate (text, budget, quote, &work, &start, &end))
        method = ICC_ANCHOR_APPROXIMATE;
      if (budget != NULL)
        budget->approximate -= work;
    }

  if (method != ICC_ANCHOR_NONE)
    {
      if (out_start != NULL)
        *out_start = start;
      if (out_end != NULL)
        *out_end = end;
    }

  return method;
}

IccAnchorMethod
icc_anchor_resolve (const char *text,
                    const char *quote,
                    const char *prefix,
                    const char *suffix,
                    int         hint_start,
                    int         hint_end,
                    int        *out_start,
                    int        *out_end)
{
  g_autoptr(IccAnchorText) prepared = icc_anchor_text_new (text);

  return icc_anchor_resolve_in (prepared, NULL, quote, prefix, suffix, hint_start, hint_end,
                                out_start, out_end);
}
