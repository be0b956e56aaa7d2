/* icc-anchor.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A citation is looked for in three steps, each bounded for any input (n is
 * the length of the text, m of the quote, c of the prefix and suffix):
 *
 * - The offset hint: O(hint + m).
 * - An exact match: every occurrence of the quote, scored by how many bytes
 *   of the prefix end right before it and of the suffix start right after
 *   it. Occurrences may overlap ("aaa" in "aaaa…") and contexts may agree
 *   over long stretches at each of them, so neither is compared one
 *   occurrence at a time: the lengths of agreement of a pattern with every
 *   position of the text come from the pattern's Z-array, in one pass that
 *   never compares a byte of the text twice. O(n + m + c) time; memory 4
 *   bytes per occurrence and 8 per byte of the quote and context.
 * - An approximate match, on letters and digits only, case-folded: the
 *   substring of the text with the fewest edits from the quote (Sellers),
 *   if it scores at least MIN_APPROXIMATE_SCORE, so within k edits for a
 *   k of about 15% of the quote. A q-gram filter (one linear pass) keeps
 *   only the stretches of text that may hold such a substring; Myers'
 *   bit-parallel algorithm computes the edit distances over them, 64 rows
 *   at a time; the start of the best match is traced in a band of 2d + 1
 *   cells per row, for d its distance. Time O(n + m + r⌈m/64⌉ + md) for r
 *   the length of the stretches kept; memory O(n + m), about 4 bytes per
 *   byte of the text. The last two terms are what adversarial inputs (a
 *   text of near matches, a huge quote) make large: past
 *   APPROXIMATE_BUDGET, only a match without edits (Knuth-Morris-Pratt,
 *   linear) is looked for, and the citation is otherwise an orphan.
 *
 * The results are those of the quadratic algorithms this replaces (naive
 * comparison at every occurrence, Sellers' full table): tests/test-anchor.c
 * checks them against each other on random inputs.
 */

#include "config.h"

#include <string.h>

#include "icc-anchor.h"

/* Below this score an approximate match is not a match: the citation is an
 * orphan rather than silently moved to a look-alike passage. */
#define MIN_APPROXIMATE_SCORE 0.85

/* The most work an approximate match may take, in 64-cell words of Myers'
 * algorithm, or in cells of the traced band: about 0.1 s each. Enough for
 * a quote of 1,000 letters in a text of a million near matches. */
#define APPROXIMATE_BUDGET (G_GINT64_CONSTANT (1) << 24)

/* The length of the q-grams of the filter. */
#define QGRAM 3

/* The size of the filter's table of q-gram counts, as a power of two. */
#define QGRAM_MIN_BITS 8
#define QGRAM_MAX_BITS 16

static glong
distance_to_hint (glong pos,
                  int   hint_start)
{
  if (hint_start < 0)
    return 0;
  return ABS (pos - (glong)hint_start);
}

/* Exact matching. */

/* A string of bytes, read forwards or backwards. */
typedef struct
{
  const guchar *bytes;
  gsize         len;
  gboolean      reverse;
} Seq;

static inline guchar
seq_at (const Seq *seq,
        gsize      i)
{
  return seq->reverse ? seq->bytes[seq->len - 1 - i] : seq->bytes[i];
}

/* The lengths of agreement of a pattern with the text from positions
 * taken in increasing order. */
typedef struct
{
  Seq        pattern;
  gsize     *z;     /* z[i]: how many bytes of the pattern from i agree with its start. */
  const Seq *text;
  gsize      l, r;  /* text[l, r) agrees with the pattern's start, r the largest so far. */
} Matcher;

static void
matcher_init (Matcher    *self,
              const Seq  *text,
              const char *pattern,
              gboolean    reverse)
{
  gsize len = strlen (pattern);
  gsize l = 0, r = 0;

  self->pattern.bytes = (const guchar *)pattern;
  self->pattern.len = len;
  self->pattern.reverse = reverse;
  self->text = text;
  self->l = self->r = 0;
  self->z = g_new (gsize, MAX (len, 1));
  self->z[0] = len;

  /* Gusfield's Z algorithm. */
  for (gsize i = 1; i < len; i++)
    {
      gsize e = 0;

      if (i < r)
        e = MIN (self->z[i - l], r - i);
      while (i + e < len && seq_at (&self->pattern, e) == seq_at (&self->pattern, i + e))
        e++;
      self->z[i] = e;
      if (i + e > r)
        {
          l = i;
          r = i + e;
        }
    }
}

static void
matcher_clear (Matcher *self)
{
  g_clear_pointer (&self->z, g_free);
}

/* How many bytes of the text from @i agree with the pattern. Calls come
 * with increasing @i: a byte of the text that agreed is never compared
 * again, so all calls take O(text + calls) in all. */
static gsize
matcher_agreement (Matcher *self,
                   gsize    i)
{
  gsize e = 0;

  if (i < self->r)
    {
      e = self->z[i - self->l];
      if (e < self->r - i)
        return e;
      e = self->r - i;
    }

  while (e < self->pattern.len && i + e < self->text->len &&
         seq_at (self->text, i + e) == seq_at (&self->pattern, e))
    e++;

  self->l = i;
  self->r = i + e;

  return e;
}

static inline gboolean
is_char_start (guchar byte)
{
  return (byte & 0xc0) != 0x80;
}

/* The character offset of @at in @text. */
static glong
utf8_offset (const char *text,
             const char *at)
{
  glong offset = 0;

  /* Simple enough for the compiler to vectorize. */
  for (const char *p = text; p < at; p++)
    offset += is_char_start (*p);

  return offset;
}

static inline gboolean
is_better (gsize  score,
           glong  distance,
           gsize  best_score,
           glong  best_distance)
{
  return score > best_score || (score == best_score && distance < best_distance);
}

/* Among the occurrences of @quote, the one whose context agrees best with
 * @prefix and @suffix (in bytes), then the nearest the hint, then the
 * first. Exact search on the UTF-8 bytes: a valid UTF-8 needle can only
 * match at a character boundary of a valid UTF-8 haystack. */
static gboolean
find_exact_bytes (const char *text,
                  const char *quote,
                  const char *prefix,
                  const char *suffix,
                  int         hint_start,
                  glong      *out_start)
{
  gsize n = strlen (text);
  gsize qlen = strlen (quote);
  gboolean has_prefix = prefix != NULL && *prefix != '\0';
  gboolean has_suffix = suffix != NULL && *suffix != '\0';
  const char *first;
  Seq forward = { (const guchar *)text, n, FALSE };
  Seq backward = { (const guchar *)text, n, TRUE };
  Matcher quote_matcher, suffix_matcher;
  g_autoptr(GArray) suffix_scores = NULL;
  gsize first_at, last_at = 0, best_score = 0;
  glong offset, last_offset = 0, best_offset = -1, best_distance = G_MAXLONG;

  /* strstr() is linear (glibc and musl use the two-way algorithm). */
  first = strstr (text, quote);
  if (first == NULL)
    return FALSE;

  first_at = first - text;
  offset = utf8_offset (text, first);

  if (strstr (first + 1, quote) == NULL)
    {
      *out_start = offset;
      return TRUE;
    }

  /* Forwards: the occurrences, and how much of the suffix follows each. */
  matcher_init (&quote_matcher, &forward, quote, FALSE);
  matcher_init (&suffix_matcher, &forward, has_suffix ? suffix : "", FALSE);
  if (has_prefix)
    suffix_scores = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (gsize i = first_at; i + qlen <= n; i++)
    {
      if (i > first_at && is_char_start (forward.bytes[i - 1]))
        offset++;

      if (matcher_agreement (&quote_matcher, i) == qlen)
        {
          gsize score = has_suffix ? matcher_agreement (&suffix_matcher, i + qlen) : 0;
          glong distance = distance_to_hint (offset, hint_start);

          if (has_prefix)
            {
              guint32 stored = MIN (score, G_MAXUINT32);

              g_array_append_val (suffix_scores, stored);
              last_at = i;
              last_offset = offset;
            }
          else if (best_offset < 0 || is_better (score, distance, best_score, best_distance))
            {
              best_score = score;
              best_distance = distance;
              best_offset = offset;
            }
        }
    }

  matcher_clear (&quote_matcher);
  matcher_clear (&suffix_matcher);

  /* Backwards, from the last occurrence to the first: how much of the
   * prefix precedes each. Reading the text backwards, the quote read
   * backwards occurs at n - (at + qlen), and the prefix read backwards at
   * n - at, for an occurrence at @at. */
  if (has_prefix)
    {
      Matcher prefix_matcher;
      guint idx = suffix_scores->len;

      offset = last_offset;
      matcher_init (&quote_matcher, &backward, quote, TRUE);
      matcher_init (&prefix_matcher, &backward, prefix, TRUE);

      for (gsize p = n - (last_at + qlen); p <= n - (first_at + qlen); p++)
        {
          gsize at = n - p - qlen;

          if (at < last_at && is_char_start (forward.bytes[at]))
            offset--;

          if (matcher_agreement (&quote_matcher, p) == qlen)
            {
              gsize score = matcher_agreement (&prefix_matcher, n - at);
              glong distance = distance_to_hint (offset, hint_start);

              g_assert (idx > 0);
              score += g_array_index (suffix_scores, guint32, --idx);

              /* Later in this loop is earlier in the text: it wins ties. */
              if (best_offset < 0 || !is_better (best_score, best_distance, score, distance))
                {
                  best_score = score;
                  best_distance = distance;
                  best_offset = offset;
                }
            }
        }

      matcher_clear (&quote_matcher);
      matcher_clear (&prefix_matcher);
    }

  *out_start = best_offset;
  return TRUE;
}

/* Approximate matching. */

/* The quote's characters, numbered from 1; 0 stands for every character
 * not in the quote. */
typedef struct
{
  guint32     ascii[128];
  GHashTable *others;
  guint32     n_ids;
} Alphabet;

static void
alphabet_init (Alphabet *self)
{
  memset (self->ascii, 0, sizeof self->ascii);
  self->others = g_hash_table_new (NULL, NULL);
  self->n_ids = 0;
}

static void
alphabet_clear (Alphabet *self)
{
  g_clear_pointer (&self->others, g_hash_table_unref);
}

static guint32
alphabet_lookup (Alphabet *self,
                 gunichar  c,
                 gboolean  add)
{
  guint32 id;

  if (c < G_N_ELEMENTS (self->ascii))
    id = self->ascii[c];
  else
    id = GPOINTER_TO_UINT (g_hash_table_lookup (self->others, GUINT_TO_POINTER (c)));

  if (id == 0 && add)
    {
      id = ++self->n_ids;
      if (c < G_N_ELEMENTS (self->ascii))
        self->ascii[c] = id;
      else
        g_hash_table_insert (self->others, GUINT_TO_POINTER (c), GUINT_TO_POINTER (id));
    }

  return id;
}

/* Letters and digits, lowercased; 0 for the other characters. */
static inline gunichar
normal_char (gunichar c)
{
  if (c < 0x80)
    {
      if (c >= 'A' && c <= 'Z')
        return c + ('a' - 'A');
      return g_ascii_isalnum (c) ? c : 0;
    }

  return g_unichar_isalnum (c) ? g_unichar_tolower (c) : 0;
}

/* The character at *@p normalized, and *@p moved past it. */
static inline gunichar
read_normal_char (const char **p)
{
  const char *at = *p;

  if ((guchar)*at < 0x80)
    {
      *p = at + 1;
      return normal_char ((guchar)*at);
    }

  *p = g_utf8_next_char (at);
  return normal_char (g_utf8_get_char (at));
}

/* @utf8 normalized, as ids of @alphabet (new ones added if @add). */
static guint32 *
normalize (const char *utf8,
           Alphabet   *alphabet,
           gboolean    add,
           glong      *out_len)
{
  guint32 *ids = g_new (guint32, strlen (utf8) + 1);
  const char *p = utf8;
  glong len = 0;

  while (*p != '\0')
    {
      gunichar c = read_normal_char (&p);

      if (c != 0)
        ids[len++] = alphabet_lookup (alphabet, c, add);
    }

  *out_len = len;
  return ids;
}

/* The character offsets in @utf8 of the normalized characters @start and
 * @end - 1, the latter plus one. */
static void
normalized_to_offsets (const char *utf8,
                       glong       start,
                       glong       end,
                       glong      *out_start,
                       glong      *out_end)
{
  glong normalized = 0;
  const char *p = utf8;

  for (glong offset = 0; *p != '\0'; offset++)
    {
      if (read_normal_char (&p) == 0)
        continue;
      if (normalized == start)
        *out_start = offset;
      if (normalized == end - 1)
        {
          *out_end = offset + 1;
          return;
        }
      normalized++;
    }

  g_assert_not_reached ();
}

/* The first occurrence of @pattern in @text (Knuth-Morris-Pratt), or -1. */
static glong
find_ids (const guint32 *text,
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
      while (k >= 0 && pattern[k] != text[j])
        k = border[k];
      if (++k == m)
        return j + 1 - m;
    }

  return -1;
}

G_STATIC_ASSERT (QGRAM == 3);

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

/* Appends to @regions (pairs of glong, start and end) the stretches of
 * @text that may hold a substring within @k edits of @pattern; returns their
 * total length. Such a substring shares at least m - q + 1 - kq of the
 * pattern's q-grams, counted with their multiplicity (each edit spoils at
 * most q of them), and lies in a window of m + k characters: the windows
 * that share as many are counted in one pass. Hashing q-grams into fewer
 * buckets only adds windows. */
static glong
filter (const guint32 *text,
        glong          n,
        const guint32 *pattern,
        glong          m,
        glong          k,
        GArray        *regions)
{
  glong threshold = m - QGRAM + 1 - k * QGRAM;
  glong window = MIN (m + k, n);
  guint bits = QGRAM_MIN_BITS;
  g_autofree guint32 *need = NULL;
  g_autofree guint32 *have = NULL;
  glong shared = 0, total = 0;

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
  need = g_new0 (guint32, 1 << bits);
  have = g_new0 (guint32, 1 << bits);

  for (glong i = 0; i + QGRAM <= m; i++)
    need[qgram_hash (pattern + i, bits)]++;

  for (glong e = QGRAM; e <= n; e++)
    {
      glong gone = e - window - 1;

      /* Q-grams with a character not in the pattern are not in it. */
      if (qgram_in_alphabet (text + e - QGRAM))
        {
          guint32 h = qgram_hash (text + e - QGRAM, bits);

          if (have[h]++ < need[h])
            shared++;
        }

      if (gone >= 0 && qgram_in_alphabet (text + gone))
        {
          guint32 h = qgram_hash (text + gone, bits);

          if (have[h]-- <= need[h])
            shared--;
        }

      if (e >= window && shared >= threshold)
        {
          glong *last = regions->len > 0 ? &g_array_index (regions, glong, 2 * regions->len - 1)
                                         : NULL;

          if (last != NULL && e - window <= *last)
            {
              total += e - *last;
              *last = e;
            }
          else
            {
              glong stretch[2] = { e - window, e };

              g_array_append_vals (regions, stretch, 1);
              total += window;
            }
        }
    }

  return total;
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

/* The smallest edit distance from @pattern of a substring of @text ending
 * in one of @regions (each searched from its start), and the first end
 * with it. The pattern's characters match by blocks: each id has the
 * masks of the blocks it occurs in, so memory is O(m). */
static glong
myers (const guint32 *text,
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
          const PeqEntry *entry = entries + offsets[text[j]];
          const PeqEntry *entries_end = entries + offsets[text[j] + 1];
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

/* The start of the substring of @text ending at @end at @distance from
 * @pattern, as Sellers' algorithm traces it (on ties, a substitution, then
 * a deletion, then an insertion). Only the band of cells that a path of
 * cost @distance to (m, end) can cross is computed, 2 @distance + 1 per
 * row: the cells of the traced path are in it, with their values, and a
 * cell outside it cannot tie with one of them. */
static glong
trace_start (const guint32 *text,
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
          sub = prev[t] + (pattern[i - 1] == text[j - 1] ? 0 : 1);
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

static gboolean
find_approximate (const char *text,
                  const char *quote,
                  glong      *out_start,
                  glong      *out_end)
{
  Alphabet alphabet;
  g_autofree guint32 *ntext = NULL;
  g_autofree guint32 *nquote = NULL;
  g_autoptr(GArray) regions = NULL;
  glong n, m, k, at, region_length, distance, start = 0, end = 0;
  gboolean found = FALSE;

  alphabet_init (&alphabet);
  nquote = normalize (quote, &alphabet, TRUE, &m);
  if (m == 0)
    goto out;
  ntext = normalize (text, &alphabet, FALSE, &n);

  /* Every substring is too short, or too far. */
  k = max_edits (m);
  if (m - n > k)
    goto out;

  /* Myers' algorithm finds exact matches too, at the same place, but only
   * within the budget. */
  if (k > 0)
    {
      regions = g_array_new (FALSE, FALSE, 2 * sizeof (glong));
      region_length = filter (ntext, n, nquote, m, k, regions);
      if (region_length == 0)
        goto out;

      if ((gint64)region_length * ((m + 63) / 64) <= APPROXIMATE_BUDGET)
        {
          distance = myers (ntext, nquote, m, alphabet.n_ids, regions, &end);
          if (distance <= k && (gint64)(m + 1) * (2 * distance + 1) <= APPROXIMATE_BUDGET)
            {
              start = trace_start (ntext, n, nquote, m, end, distance);
              found = end > start;
            }
          goto out;
        }
    }

  /* Whitespace and punctuation changes only: no edit left. The first
   * occurrence is where Sellers' algorithm finds a distance of 0 first. */
  at = find_ids (ntext, n, nquote, m);
  if (at >= 0)
    {
      start = at;
      end = at + m;
      found = TRUE;
    }

out:
  if (found)
    normalized_to_offsets (text, start, end, out_start, out_end);
  alphabet_clear (&alphabet);

  return found;
}

/* The pointer to character @offset of @text, or NULL if the text is shorter. */
static const char *
safe_offset_to_pointer (const char *text,
                        glong       offset)
{
  const char *end = text + strlen (text);
  const char *p = text;
  glong i = 0;

  while (i < offset)
    {
      guint64 word;

      /* Eight ASCII characters at a time: the common case, and the hint
       * of every citation is checked on load. */
      if (offset - i >= 8 && end - p >= 8)
        {
          memcpy (&word, p, sizeof word);
          if ((word & G_GUINT64_CONSTANT (0x8080808080808080)) == 0)
            {
              p += 8;
              i += 8;
              continue;
            }
        }

      if (p >= end)
        return NULL;
      p = g_utf8_next_char (p);
      i++;
    }

  return p;
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
  IccAnchorMethod method = ICC_ANCHOR_NONE;
  glong quote_chars;
  glong start = -1, end = -1;

  if (out_start != NULL)
    *out_start = -1;
  if (out_end != NULL)
    *out_end = -1;

  if (text == NULL || quote == NULL || *quote == '\0' ||
      !g_utf8_validate (text, -1, NULL) || !g_utf8_validate (quote, -1, NULL) ||
      (prefix != NULL && !g_utf8_validate (prefix, -1, NULL)) ||
      (suffix != NULL && !g_utf8_validate (suffix, -1, NULL)))
    return ICC_ANCHOR_NONE;

  quote_chars = g_utf8_strlen (quote, -1);

  /* In 64 bits: hint_end - hint_start overflows an int for hostile hints. */
  if (hint_start >= 0 && (gint64)hint_end - (gint64)hint_start == quote_chars)
    {
      const char *at = safe_offset_to_pointer (text, hint_start);

      if (at != NULL && strncmp (at, quote, strlen (quote)) == 0)
        {
          method = ICC_ANCHOR_HINT;
          start = hint_start;
          end = hint_end;
        }
    }

  if (method == ICC_ANCHOR_NONE &&
      find_exact_bytes (text, quote, prefix, suffix, hint_start, &start))
    {
      method = ICC_ANCHOR_EXACT;
      end = start + quote_chars;
    }

  if (method == ICC_ANCHOR_NONE && find_approximate (text, quote, &start, &end))
    method = ICC_ANCHOR_APPROXIMATE;

  if (method != ICC_ANCHOR_NONE)
    {
      if (out_start != NULL)
        *out_start = start;
      if (out_end != NULL)
        *out_end = end;
    }

  return method;
}
