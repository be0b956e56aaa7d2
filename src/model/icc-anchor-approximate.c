/* icc-anchor-approximate.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Approximate matching, the third step of icc-anchor.c, on letters and
 * digits only, case-folded (icc-anchor-normalize.c): the substring of the
 * text with the fewest edits from the quote (Sellers), if it scores at
 * least MIN_APPROXIMATE_SCORE, so within k edits for a k of about 15% of
 * the quote. The q-gram filter (icc-anchor-qgram.c) keeps only the
 * stretches of text that may hold such a substring. Myers' bit-parallel
 * algorithm computes the edit distances over the stretches, 64 rows at a
 * time; the start of the best match is traced in a band of 2d + 1 cells
 * per row, for d its distance.
 *
 * Bounds (n the letters and digits of the text, m of the quote): time
 * O(n + m + r⌈m/64⌉ + md) for r the length of the stretches kept; memory
 * O(n + m). The last two terms are what adversarial inputs (a text of near
 * matches, a huge quote) make large: past APPROXIMATE_BUDGET, only a match
 * without edits (Knuth-Morris-Pratt, linear) is looked for, and the
 * citation is otherwise an orphan. Under an IccAnchorBudget, a step runs
 * only if what is left of the approximate pool covers it, and a text is
 * normalized only if it cannot take more than TOTAL_MEMORY_BUDGET.
 */

#include "config.h"

#include <string.h>

#include "icc-anchor-private.h"

/* Below this score an approximate match is not a match: the citation is an
 * orphan rather than silently moved to a look-alike passage. */
#define MIN_APPROXIMATE_SCORE 0.85

/* The most work an approximate match may take, in 64-cell words of Myers'
 * algorithm, or in cells of the traced band: about 0.1 s each. Enough for
 * a quote of 1,000 letters in a text of a million near matches. */
#define APPROXIMATE_BUDGET (G_GINT64_CONSTANT (1) << 24)

/* The first occurrence of @pattern in @text read through @to_quote
 * (Knuth-Morris-Pratt), or -1. */
static glong
find_ids (const guint32 *text,
          const guint32 *to_quote,
          glong          n,
          const guint32 *pattern,
          glong          m)
{
  g_autofree glong *border = g_new (glong, m + 1);
  glong k = -1;

  border[0] = -1;
  for (glong i = 0; i < m; i++)
    {
      while (k >= 0 && pattern[k] != pattern[i])
        k = border[k];
      border[i + 1] = ++k;
    }

  k = 0;
  for (glong j = 0; j < n; j++)
    {
      while (k >= 0 && pattern[k] != to_quote[text[j]])
        k = border[k];
      if (++k == m)
        return j + 1 - m;
    }

  return -1;
}

/* A 64-row block of a column of Myers' algorithm (Myers 1999, Hyyrö 2003):
 * vertical deltas, +1 in @pv, -1 in @mv. Returns the horizontal delta out
 * of the block's row @high. */
static inline int
advance_block (guint64 *pv,
               guint64 *mv,
               guint64  eq,
               int      hin,
               guint64  high)
{
  guint64 xv = eq | *mv;
  guint64 xh, ph, mh;
  int hout = 0;

  if (hin < 0)
    eq |= 1;
  xh = (((eq & *pv) + *pv) ^ *pv) | eq;
  ph = *mv | ~(xh | *pv);
  mh = *pv & xh;
  if (ph & high)
    hout = 1;
  else if (mh & high)
    hout = -1;
  ph <<= 1;
  mh <<= 1;
  if (hin < 0)
    mh |= 1;
  else if (hin > 0)
    ph |= 1;
  *pv = mh | ~(xv | ph);
  *mv = ph & xv;

  return hout;
}

typedef struct
{
  guint32 block;
  guint64 mask;
} PeqEntry;

/* The smallest edit distance from @pattern of a substring of @text (read
 * through @to_quote) ending in one of @regions (each searched from its
 * start), and the first end with it. The pattern's characters match by blocks: each id has the
 * masks of the blocks it occurs in, so memory is O(m). */
static glong
myers (const guint32 *text,
       const guint32 *to_quote,
       const guint32 *pattern,
       glong          m,
       guint32        n_ids,
       GArray        *regions,
       glong         *out_end)
{
  glong n_blocks = (m + 63) / 64;
  guint64 last_high = G_GUINT64_CONSTANT (1) << ((m - 1) % 64);
  g_autofree guint *offsets = g_new0 (guint, n_ids + 2);
  g_autofree guint32 *last_block = g_new (guint32, n_ids + 1);
  g_autofree guint *fill = NULL;
  g_autofree PeqEntry *entries = NULL;
  g_autofree guint64 *pv = g_new (guint64, n_blocks);
  g_autofree guint64 *mv = g_new (guint64, n_blocks);
  glong best = G_MAXLONG;

  /* Entries of id i at offsets[i], …, offsets[i + 1] - 1, by block. */
  memset (last_block, 0xff, sizeof (guint32) * (n_ids + 1));
  for (glong i = 0; i < m; i++)
    {
      if (last_block[pattern[i]] != (guint32)(i / 64))
        {
          last_block[pattern[i]] = i / 64;
          offsets[pattern[i] + 1]++;
        }
    }
  for (guint32 id = 1; id <= n_ids; id++)
    offsets[id + 1] += offsets[id];
  entries = g_new (PeqEntry, offsets[n_ids + 1] + 1);
  fill = g_memdup2 (offsets, sizeof (guint) * (n_ids + 2));
  memset (last_block, 0xff, sizeof (guint32) * (n_ids + 1));
  for (glong i = 0; i < m; i++)
    {
      guint32 id = pattern[i];

      if (last_block[id] != (guint32)(i / 64))
        {
          last_block[id] = i / 64;
          entries[fill[id]].block = i / 64;
          entries[fill[id]].mask = 0;
          fill[id]++;
        }
      entries[fill[id] - 1].mask |= G_GUINT64_CONSTANT (1) << (i % 64);
    }

  for (guint r = 0; r < regions->len; r++)
    {
      glong from = g_array_index (regions, glong, 2 * r);
      glong to = g_array_index (regions, glong, 2 * r + 1);
      glong score = m;

      for (glong b = 0; b < n_blocks; b++)
        {
          pv[b] = ~G_GUINT64_CONSTANT (0);
          mv[b] = 0;
        }

      for (glong j = from; j < to; j++)
        {
          guint32 id = to_quote[text[j]];
          const PeqEntry *entry = entries + offsets[id];
          const PeqEntry *entries_end = entries + offsets[id + 1];
          int carry = 0;

          /* Row 0 is all zeros (a match may start anywhere): no carry in. */
          for (glong b = 0; b < n_blocks; b++)
            {
              guint64 eq = 0;

              if (entry < entries_end && entry->block == (guint32)b)
                eq = (entry++)->mask;
              carry = advance_block (&pv[b], &mv[b], eq, carry,
                                     b == n_blocks - 1 ? last_high
                                                       : G_GUINT64_CONSTANT (1) << 63);
            }

          score += carry;
          if (score < best)
            {
              best = score;
              *out_end = j + 1;
            }
        }
    }

  return best;
}

/* The start of the substring of @text (read through @to_quote) ending at
 * @end at @distance from
 * @pattern, as Sellers' algorithm traces it (on ties, a substitution, then
 * a deletion, then an insertion). Only the band of cells that a path of
 * cost @distance to (m, end) can cross is computed, 2 @distance + 1 per
 * row: the cells of the traced path are in it, with their values, and a
 * cell outside it cannot tie with one of them. */
static glong
trace_start (const guint32 *text,
             const guint32 *to_quote,
             glong          n,
             const guint32 *pattern,
             glong          m,
             glong          end,
             glong          distance)
{
  const glong infinity = G_MAXLONG / 4;
  glong width = 2 * distance + 1;
  g_autofree glong *prev = g_new (glong, width);
  g_autofree glong *cur = g_new (glong, width);
  g_autofree glong *prev_start = g_new (glong, width);
  g_autofree glong *cur_start = g_new (glong, width);

  /* Row i holds columns end - (m - i) - distance + t, t < width. */
  for (glong t = 0; t < width; t++)
    {
      glong j = end - m - distance + t;

      prev[t] = (j < 0 || j > n) ? infinity : 0;
      prev_start[t] = j;
    }

  for (glong i = 1; i <= m; i++)
    {
      glong lo = end - (m - i) - distance;

      for (glong t = 0; t < width; t++)
        {
          glong j = lo + t;
          glong sub, del, ins;

          if (j < 0 || j > n)
            {
              cur[t] = infinity;
              cur_start[t] = 0;
              continue;
            }
          if (j == 0)
            {
              cur[t] = i;
              cur_start[t] = 0;
              continue;
            }

          /* Column j - 1 of row i - 1 is at t, column j at t + 1. */
          sub = prev[t] + (pattern[i - 1] == to_quote[text[j - 1]] ? 0 : 1);
          del = t + 1 < width ? prev[t + 1] + 1 : infinity;
          ins = t > 0 ? cur[t - 1] + 1 : infinity;

          if (sub <= del && sub <= ins)
            {
              cur[t] = sub;
              cur_start[t] = prev_start[t];
            }
          else if (del <= ins)
            {
              cur[t] = del;
              cur_start[t] = prev_start[t + 1];
            }
          else
            {
              cur[t] = ins;
              cur_start[t] = cur_start[t - 1];
            }
        }

      { glong *swap = prev; prev = cur; cur = swap; }
      { glong *swap = prev_start; prev_start = cur_start; cur_start = swap; }
    }

  /* The band holds the path: a failure here is a bug, the citation an orphan. */
  g_warn_if_fail (prev[distance] == distance);
  if (prev[distance] != distance)
    return end;

  return prev_start[distance];
}

/* The largest number of edits that still scores MIN_APPROXIMATE_SCORE
 * for a quote of @m characters. */
static glong
max_edits (glong m)
{
  glong k = (glong)((1.0 - MIN_APPROXIMATE_SCORE) * m) + 1;

  while (k > 0 && 1.0 - (double)k / (double)m < MIN_APPROXIMATE_SCORE)
    k--;

  return k;
}

/* For each id of the text, the id of the same character in the quote's
 * @alphabet, or 0. */
static guint32 *
map_to_quote (Normalized *norm,
              Alphabet   *alphabet)
{
  guint32 *to_quote = g_new0 (guint32, norm->alphabet.n_ids + 1);
  GHashTableIter iter;
  gpointer key, value;

  for (gunichar c = 0; c < G_N_ELEMENTS (alphabet->ascii); c++)
    {
      if (alphabet->ascii[c] != 0)
        to_quote[_icc_anchor_alphabet_lookup (&norm->alphabet, c, FALSE)] = alphabet->ascii[c];
    }
  g_hash_table_iter_init (&iter, alphabet->others);
  while (g_hash_table_iter_next (&iter, &key, &value))
    to_quote[_icc_anchor_alphabet_lookup (&norm->alphabet, GPOINTER_TO_UINT (key), FALSE)] =
      GPOINTER_TO_UINT (value);
  /* Characters not in the text landed here; no character of the text is 0. */
  to_quote[0] = 0;

  return to_quote;
}

/* Whether a step of @cost words or cells, of @weight units each, may
 * run: within APPROXIMATE_BUDGET, and within what is left of @budget
 * after @work. */
static gboolean
step_fits (IccAnchorBudget *budget,
           gint64           work,
           gint64           cost,
           gint64           weight)
{
  if (cost > APPROXIMATE_BUDGET)
    return FALSE;
  return budget == NULL || weight * cost <= budget->approximate - work;
}

/* Adds the work done to @work. */
gboolean
_icc_anchor_find_approximate (IccAnchorText   *self,
                              IccAnchorBudget *budget,
                              const char      *quote,
                              gint64          *work,
                              glong           *out_start,
                              glong           *out_end)
{
  Alphabet alphabet;
  Normalized *norm = NULL;
  g_autoptr(Normalized) transient = NULL;
  g_autofree guint32 *to_quote = NULL;
  g_autofree guint32 *nquote = NULL;
  g_autoptr(GArray) regions = NULL;
  glong n, m, k, at, region_length, distance, start = 0, end = 0;
  gint64 words, cells;
  gboolean found = FALSE;

  _icc_anchor_alphabet_init (&alphabet);
  nquote = _icc_anchor_normalize (quote, &alphabet, TRUE, &m);
  *work += m;
  if (m == 0)
    goto out;

  /* Kept for the next citations if the memory budget allows; not made at
   * all under a budget if it could take more than all of it. */
  norm = self->normalized;
  if (norm == NULL)
    {
      if (budget != NULL && (gint64)self->len * NORMALIZED_PEAK > TOTAL_MEMORY_BUDGET)
        goto out;
      norm = _icc_anchor_normalize_text (self, work);
      if (budget == NULL || budget->memory >= norm->size)
        {
          self->normalized = norm;
          if (budget != NULL)
            budget->memory -= norm->size;
        }
      else
        transient = norm;
    }
  n = norm->n;

  /* Every substring is too short, or too far. */
  k = max_edits (m);
  if (m - n > k)
    goto out;

  to_quote = map_to_quote (norm, &alphabet);
  *work += norm->alphabet.n_ids;

  /* Myers' algorithm finds exact matches too, at the same place, but only
   * within the budget. */
  if (k > 0)
    {
      regions = g_array_new (FALSE, FALSE, 2 * sizeof (glong));
      region_length = _icc_anchor_filter (norm, to_quote, nquote, m, k, regions, work);
      if (region_length == 0)
        goto out;

      words = (gint64)region_length * ((m + 63) / 64);
      if (step_fits (budget, *work, words, MYERS_WORD_WORK))
        {
          distance = myers (norm->ids, to_quote, nquote, m, alphabet.n_ids, regions, &end);
          *work += MYERS_WORD_WORK * words;
          cells = (gint64)(m + 1) * (2 * distance + 1);
          if (distance <= k && step_fits (budget, *work, cells, BAND_CELL_WORK))
            {
              start = trace_start (norm->ids, to_quote, n, nquote, m, end, distance);
              *work += BAND_CELL_WORK * cells;
              found = end > start;
            }
          goto out;
        }
    }

  /* Whitespace and punctuation changes only: no edit left. The first
   * occurrence is where Sellers' algorithm finds a distance of 0 first. */
  at = find_ids (norm->ids, to_quote, n, nquote, m);
  *work += n + m;
  if (at >= 0)
    {
      start = at;
      end = at + m;
      found = TRUE;
    }

out:
  if (found)
    {
      *out_start = _icc_anchor_normalized_to_offset (self, norm, start, work);
      *out_end = _icc_anchor_normalized_to_offset (self, norm, end - 1, work) + 1;
    }
  _icc_anchor_alphabet_clear (&alphabet);

  return found;
}
