/* icc-anchor-qgram.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The q-grams of approximate matching: the index of a normalized text's
 * q-grams, made once per text, and the filter that keeps, for one quote,
 * only the stretches of the text that may hold a match within k edits.
 *
 * Bounds (n the letters and digits of the text, m of the quote): the index
 * takes time O(n) and keeps 8 bytes per letter or digit and 16 per
 * distinct q-gram, with a table of at most 8 bytes per letter or digit
 * (or 16 per distinct q-gram) while it is made. The filter takes time
 * O(distinct q-grams + occurrences of those that count + windows counted
 * + n / 64), at most about one pass over the text, and memory O(distinct
 * q-grams + n / 64 + those occurrences), its tables of q-gram counts at
 * most 2^QGRAM_MAX_BITS each. The work done is charged in the units of
 * icc-anchor-private.h.
 */

#include "config.h"

#include <string.h>

#include "icc-anchor-private.h"

/* The size of the filter's table of q-gram counts, as a power of two,
 * and how many more buckets it has for the q-grams a quote does not need. */
#define QGRAM_MIN_BITS 8
#define QGRAM_MAX_BITS 16
#define SPARE 8

G_STATIC_ASSERT (QGRAM == 3);

/* Where a q-gram goes in a table of 2^@bits slots. Ids are less than
 * 2^21 (there are fewer code points): a q-gram packs into 63 bits. */
static inline gsize
qgram_slot (const guint32 *ids,
            guint          bits)
{
  guint64 key = ((guint64)ids[0] << 42) | ((guint64)ids[1] << 21) | ids[2];

  return (key * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)) >> (64 - bits);
}

/* A new number for the q-gram at @ids. */
static inline guint32
add_qgram (Normalized    *norm,
           const guint32 *ids)
{
  memcpy (norm->gram_ids + QGRAM * norm->n_grams, ids, QGRAM * sizeof (guint32));
  return norm->n_grams++;
}

/* Numbers the @count q-grams of @norm with a table indexed by their ids,
 * of @side^3 numbers. */
static void
number_qgrams_by_ids (Normalized *norm,
                      glong       count,
                      guint64     side)
{
  g_autofree guint32 *table = g_new (guint32, side * side * side);

  memset (table, 0xff, side * side * side * sizeof (guint32));
  for (glong i = 0; i < count; i++)
    {
      const guint32 *ids = norm->ids + i;
      guint32 *number = &table[(ids[0] * side + ids[1]) * side + ids[2]];

      if (*number == G_MAXUINT32)
        *number = add_qgram (norm, ids);
      norm->grams[i] = *number;
    }
}

/* Numbers the @count q-grams of @norm with an open-addressing hash table
 * of their numbers (their ids are in gram_ids), at most half full. */
static void
number_qgrams_by_hash (Normalized *norm,
                       glong       count)
{
  guint bits = 4;
  gsize size = (gsize)1 << bits;
  g_autofree guint32 *table = g_new (guint32, size);

  memset (table, 0xff, size * sizeof (guint32));
  for (glong i = 0; i < count; i++)
    {
      const guint32 *ids = norm->ids + i;
      gsize slot = qgram_slot (ids, bits);
      guint32 number;

      while (table[slot] != G_MAXUINT32 &&
             memcmp (norm->gram_ids + QGRAM * table[slot], ids, QGRAM * sizeof (guint32)) != 0)
        slot = (slot + 1) & (size - 1);

      number = table[slot];
      if (number == G_MAXUINT32)
        {
          number = table[slot] = add_qgram (norm, ids);
          if (2 * norm->n_grams > size)
            {
              size = (gsize)1 << ++bits;
              g_free (table);
              table = g_new (guint32, size);
              memset (table, 0xff, size * sizeof (guint32));
              for (guint32 g = 0; g < norm->n_grams; g++)
                {
                  gsize to = qgram_slot (norm->gram_ids + QGRAM * g, bits);

                  while (table[to] != G_MAXUINT32)
                    to = (to + 1) & (size - 1);
                  table[to] = g;
                }
            }
        }
      norm->grams[i] = number;
    }
}

/* Numbers the distinct q-grams of @norm, in the order they first occur,
 * and lists where each starts: the filter of approximate matching then
 * looks at each distinct q-gram once per quote, and only at the
 * occurrences of those that may count. A text of few different letters
 * and digits (most) has a table of all the q-grams they can make, no
 * larger than the text's q-gram numbers; others, a hash table. */
void
_icc_anchor_number_qgrams (Normalized *norm)
{
  glong count = MAX (norm->n - QGRAM + 1, 0);
  guint64 side = norm->alphabet.n_ids + 1;

  /* As many as there may be: of a large block, only the pages written to
   * take memory. */
  norm->grams = g_new (guint32, count + 1);
  norm->gram_ids = g_new (guint32, QGRAM * (count + 1));
  norm->n_grams = 0;

  if (side * side * side <= 2 * (guint64)count)
    number_qgrams_by_ids (norm, count, side);
  else
    number_qgrams_by_hash (norm, count);

  norm->gram_ids = g_renew (guint32, norm->gram_ids, QGRAM * MAX (norm->n_grams, 1));

  /* Where each starts, by counting sort. */
  norm->gram_start = g_new0 (guint32, norm->n_grams + 2);
  norm->gram_positions = g_new (guint32, count + 1);
  for (glong i = 0; i < count; i++)
    norm->gram_start[norm->grams[i] + 2]++;
  for (guint32 g = 1; g <= norm->n_grams; g++)
    norm->gram_start[g + 1] += norm->gram_start[g];
  for (glong i = 0; i < count; i++)
    norm->gram_positions[norm->gram_start[norm->grams[i] + 1]++] = i;
}

/* Whether the q-gram at @ids can be one of the pattern's. */
static inline gboolean
qgram_in_alphabet (const guint32 *ids)
{
  return ids[0] != 0 && ids[1] != 0 && ids[2] != 0;
}

static inline guint32
qgram_hash (const guint32 *ids,
            guint          bits)
{
  guint32 h = ids[0] * 0x9e3779b1u;

  h = (h ^ ids[1]) * 0x85ebca77u;
  h = (h ^ ids[2]) * 0xc2b2ae3du;

  return h >> (32 - bits);
}

/* Adds to @regions the window of @window characters ending at @e. */
static inline void
add_window (GArray *regions,
            glong   e,
            glong   window,
            glong  *total)
{
  glong *last = regions->len > 0 ? &g_array_index (regions, glong, 2 * regions->len - 1) : NULL;

  if (last != NULL && e - window <= *last)
    {
      *total += e - *last;
      *last = e;
    }
  else
    {
      glong stretch[2] = { e - window, e };

      g_array_append_vals (regions, stretch, 1);
      *total += window;
    }
}

/* Adds to @regions the windows ending in [@from, @to] that share at least
 * @threshold q-grams with the pattern, counting them as the windows before
 * @from did. @have is all zeros before and after. Returns the work done. */
static glong
replay (const guint32 *grams,
        const guint32 *buckets,
        const guint32 *need,
        guint32       *have,
        glong          window,
        glong          threshold,
        glong          from,
        glong          to,
        GArray        *regions,
        glong         *total)
{
  glong first = MAX (from - 1 - window, 0), shared = 0;
  guint32 h;

  /* Window from - 1. */
  for (glong i = first; i <= from - 1 - QGRAM; i++)
    {
      h = buckets[grams[i]];
      shared += have[h]++ < need[h];
    }

  /* Without branches: whether a q-gram counts is as good as random. */
  for (glong e = from; e <= to; e++)
    {
      h = buckets[grams[e - QGRAM]];
      shared += have[h]++ < need[h];

      if (e - window - 1 >= 0)
        {
          h = buckets[grams[e - window - 1]];
          shared -= have[h]-- <= need[h];
        }

      if (shared >= threshold)
        add_window (regions, e, window, total);
    }

  /* @have back to zeros: the q-grams of window @to let go of. */
  for (glong i = MAX (to - window, 0); i <= to - QGRAM; i++)
    {
      h = buckets[grams[i]];
      have[h]--;
    }

  return (to - first) + window;
}

/* Appends to @regions (pairs of glong, start and end) the stretches of
 * the text of @norm (read through @to_quote) that may hold a substring
 * within @k edits of @pattern; returns their total length. Such a
 * substring shares at least m - q + 1 - kq of the pattern's q-grams,
 * counted with their multiplicity (each edit spoils at most q of them),
 * and lies in a window of m + k characters: the windows that share as
 * many are kept. Hashing q-grams into fewer buckets only adds windows.
 *
 * A q-gram of the text counts only if its bucket is one of the pattern's.
 * Each distinct q-gram of the text is hashed once, to its bucket or to
 * none; the text's index gives where those that count start; windows are
 * counted only where as many of them lie close together. Time O(distinct
 * q-grams + occurrences of those that count + windows counted + n / 64),
 * the windows kept being the same as if all were counted in one pass.
 * Adds the work done to @work. */
glong
_icc_anchor_filter (Normalized    *norm,
                    const guint32 *to_quote,
                    const guint32 *pattern,
                    glong          m,
                    glong          k,
                    GArray        *regions,
                    gint64        *work)
{
  glong n = norm->n;
  glong threshold = m - QGRAM + 1 - k * QGRAM;
  glong window = MIN (m + k, n);
  guint bits = QGRAM_MIN_BITS;
  g_autofree guint32 *need = NULL;
  g_autofree guint32 *have = NULL;
  g_autofree guint32 *buckets = NULL;
  g_autofree guint64 *words = NULL;
  g_autofree guint32 *hits = NULL;
  glong count = n - QGRAM + 1, n_hits = 0, zone_from = -1, zone_to = -1, total = 0;
  guint32 spare, h;

  if (threshold <= 0)
    {
      glong whole[2] = { 0, n };

      g_array_append_vals (regions, whole, 1);
      return n;
    }

  /* Too short for the q-grams it would need. */
  if (window < QGRAM)
    return 0;

  while (bits < QGRAM_MAX_BITS && (G_GINT64_CONSTANT (1) << bits) < 2 * m)
    bits++;
  /* Past the 1 << bits buckets, SPARE ones that nothing needs. */
  spare = 1 << bits;
  need = g_new0 (guint32, spare + SPARE);
  have = g_new0 (guint32, spare + SPARE);

  for (glong i = 0; i + QGRAM <= m; i++)
    need[qgram_hash (pattern + i, bits)]++;

  /* A bucket not needed never changes how many are shared: its q-grams go
   * to a spare one (q-gram number g to spare g % SPARE, so that
   * neighbours seldom wait on one counter). In a spare bucket, have > need
   * = 0 when a q-gram leaves it: no change. Q-grams with a character not
   * in the pattern are not in it. */
  buckets = g_new (guint32, norm->n_grams + 1);
  for (guint32 g = 0; g < norm->n_grams; g++)
    {
      const guint32 *ids = norm->gram_ids + QGRAM * g;
      guint32 gram[QGRAM] = { to_quote[ids[0]], to_quote[ids[1]], to_quote[ids[2]] };

      buckets[g] = spare + g % SPARE;
      if (!qgram_in_alphabet (gram))
        continue;
      h = qgram_hash (gram, bits);
      if (need[h] > 0)
        buckets[g] = h;
    }
  *work += norm->n_grams;

  /* Most q-grams count: all windows are counted, in one pass. */
  for (guint32 g = 0; g < norm->n_grams; g++)
    {
      if (buckets[g] < spare)
        n_hits += norm->gram_start[g + 1] - norm->gram_start[g];
    }
  if (n_hits > count / 4)
    {
      *work += replay (norm->grams, buckets, need, have, window, threshold,
                       MAX (window, QGRAM), n, regions, &total);
      return total;
    }

  /* Where the q-grams that count start, in order: a bit for each. */
  words = g_new0 (guint64, count / 64 + 1);
  for (guint32 g = 0; g < norm->n_grams; g++)
    {
      if (buckets[g] >= spare)
        continue;
      for (guint32 at = norm->gram_start[g]; at < norm->gram_start[g + 1]; at++)
        {
          guint32 i = norm->gram_positions[at];

          words[i / 64] |= G_GUINT64_CONSTANT (1) << (i % 64);
        }
    }
  hits = g_new (guint32, n_hits + 1);
  n_hits = 0;
  for (glong w = 0; w <= count / 64; w++)
    {
      for (guint64 word = words[w]; word != 0; word &= word - 1)
        hits[n_hits++] = 64 * w + __builtin_ctzll (word);
    }
  *work += count / 64 + 2 * n_hits;

  /* Window e holds the q-grams starting in [e - window, e - QGRAM], and
   * shares at most as many as count among them: threshold of them,
   * hits[j] to hits[j + threshold - 1], are in the windows e in
   * [hits[j + threshold - 1] + QGRAM, hits[j] + window]. Only there is the
   * count replayed, stretches less than two windows apart together. */
  for (glong j = 0; j + threshold - 1 < n_hits; j++)
    {
      glong from = MAX ((glong)hits[j + threshold - 1] + QGRAM, window);
      glong to = MIN ((glong)hits[j] + window, n);

      if (from > to)
        continue;
      if (zone_to >= 0 && from <= zone_to + 2 * window)
        zone_to = to;
      else
        {
          if (zone_to >= 0)
            *work += replay (norm->grams, buckets, need, have, window, threshold,
                             zone_from, zone_to, regions, &total);
          zone_from = from;
          zone_to = to;
        }
    }
  if (zone_to >= 0)
    *work += replay (norm->grams, buckets, need, have, window, threshold,
                     zone_from, zone_to, regions, &total);

  return total;
}
