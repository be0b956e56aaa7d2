/* icc-anchor-exact.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Exact matching, the second step of icc-anchor.c: every occurrence of the
 * quote, scored by how many bytes of the prefix end right before it and of
 * the suffix start right after it. Occurrences may overlap ("aaa" in
 * "aaaa…") and contexts may agree over long stretches at each of them, so
 * neither is compared one occurrence at a time: the lengths of agreement
 * of a pattern with every position of the text come from the pattern's
 * Z-array, in one pass that never compares a byte of the text twice. Only
 * the positions where the quote's byte rarest in the text falls in place
 * are tried, found by memchr(); without context, the search stops at the
 * first occurrence at or past the hint.
 *
 * Bounds (n the length of the text, m of the quote, c of the prefix and
 * suffix): O(n + m + c) time (strstr() is not: glibc's takes O(nm) on some
 * periodic texts); memory 4 bytes per occurrence and 8 per byte of the
 * quote and context, and the text's byte counts, kept in its
 * IccAnchorText (2 KB). The work done is charged in the units of
 * icc-anchor-private.h.
 */

#include "config.h"

#include <string.h>

#include "icc-anchor-private.h"

static glong
distance_to_hint (glong pos,
                  int   hint_start)
{
  if (hint_start < 0)
    return 0;
  return ABS (pos - (glong)hint_start);
}

static const gsize *
get_byte_counts (IccAnchorText *self,
                 gint64        *work)
{
  if (self->byte_counts == NULL)
    {
      const guchar *bytes = (const guchar *)self->text;
      gsize counts[4][256] = { { 0 } };
      gsize i;

      /* Four tables: runs of one byte do not wait on one counter. */
      for (i = 0; i + 4 <= self->len; i += 4)
        {
          counts[0][bytes[i]]++;
          counts[1][bytes[i + 1]]++;
          counts[2][bytes[i + 2]]++;
          counts[3][bytes[i + 3]]++;
        }
      for (; i < self->len; i++)
        counts[0][bytes[i]]++;

      self->byte_counts = g_new (gsize, 256);
      for (guint c = 0; c < 256; c++)
        self->byte_counts[c] = counts[0][c] + counts[1][c] + counts[2][c] + counts[3][c];
      *work += self->len / BULK_BYTES;
    }

  return self->byte_counts;
}

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
  gint64     work;  /* Bytes compared, and calls. */
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
  self->work = len;

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
static inline gsize
matcher_agreement (Matcher *self,
                   gsize    i)
{
  gsize e = 0, from;

  self->work += CALL_WORK;

  if (i < self->r)
    {
      e = self->z[i - self->l];
      if (e < self->r - i)
        return e;
      e = self->r - i;
    }

  from = e;
  while (e < self->pattern.len && i + e < self->text->len &&
         seq_at (self->text, i + e) == seq_at (&self->pattern, e))
    e++;
  self->work += e - from;

  self->l = i;
  self->r = i + e;

  return e;
}

/* The last byte @c in [@lo, @hi), or NULL: memrchr(), which is not
 * standard C, eight bytes at a time. */
static const guchar *
find_byte_backward (const guchar *lo,
                    const guchar *hi,
                    guchar        c)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  guint64 repeated = ones * c;

  while (hi - lo >= 8)
    {
      guint64 word;

      memcpy (&word, hi - 8, sizeof word);
      word ^= repeated;
      /* Whether a byte of the word is zero, that is, @c. */
      if (((word - ones) & ~word & highs) != 0)
        break;
      hi -= 8;
    }

  while (hi > lo)
    {
      if (*--hi == c)
        return hi;
    }

  return NULL;
}

/* The occurrences of a pattern, in increasing order of position in a text
 * read forwards or backwards. Only the positions where the pattern's byte
 * rarest in the text falls in place are tried: memchr() finds them. */
typedef struct
{
  Matcher matcher;
  guchar  rare;     /* The rarest byte, */
  gsize   rare_at;  /* at this index of the pattern (as it reads). */
} Finder;

static void
finder_init (Finder      *self,
             const Seq   *text,
             const gsize *byte_counts,
             const char  *pattern,
             gboolean     reverse)
{
  matcher_init (&self->matcher, text, pattern, reverse);
  self->rare_at = 0;
  self->rare = seq_at (&self->matcher.pattern, 0);
  for (gsize i = 1; i < self->matcher.pattern.len; i++)
    {
      guchar byte = seq_at (&self->matcher.pattern, i);

      if (byte_counts[byte] < byte_counts[self->rare])
        {
          self->rare = byte;
          self->rare_at = i;
        }
    }
}

/* The first position in [@from, @last] where the byte is in place, or
 * G_MAXSIZE. */
static gsize
finder_skip (Finder *self,
             gsize   from,
             gsize   last)
{
  const Seq *text = self->matcher.text;
  gsize a = from + self->rare_at, b = last + self->rare_at;
  gsize found = G_MAXSIZE;

  if (!text->reverse)
    {
      const guchar *p = memchr (text->bytes + a, self->rare, b - a + 1);

      if (p != NULL)
        found = p - text->bytes - self->rare_at;
    }
  else
    {
      /* Reading backwards, [a, b] is bytes [len - 1 - b, len - 1 - a]. */
      const guchar *p = find_byte_backward (text->bytes + (text->len - 1 - b),
                                            text->bytes + (text->len - a), self->rare);

      if (p != NULL)
        found = (text->len - 1 - (p - text->bytes)) - self->rare_at;
    }

  self->matcher.work += CALL_WORK + ((found == G_MAXSIZE ? last : found) - from) / BULK_BYTES;

  return found;
}

/* The first occurrence in [@from, @last], or G_MAXSIZE. */
static inline gsize
finder_next (Finder *self,
             gsize   from,
             gsize   last)
{
  while (from <= last)
    {
      gsize at = from;

      /* A periodic text has the byte in place nearly everywhere. */
      if (seq_at (self->matcher.text, from + self->rare_at) != self->rare)
        at = finder_skip (self, from, last);

      if (at == G_MAXSIZE)
        break;
      if (matcher_agreement (&self->matcher, at) == self->matcher.pattern.len)
        return at;
      from = at + 1;
    }

  return G_MAXSIZE;
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
 * match at a character boundary of a valid UTF-8 haystack. Adds the work
 * done to @work. */
gboolean
_icc_anchor_find_exact_bytes (IccAnchorText *self,
                              const char    *quote,
                              const char    *prefix,
                              const char    *suffix,
                              int            hint_start,
                              gint64        *work,
                              glong         *out_start)
{
  const char *text = self->text;
  gsize n = self->len;
  gsize qlen = strlen (quote);
  gboolean has_prefix = prefix != NULL && *prefix != '\0';
  gboolean has_suffix = suffix != NULL && *suffix != '\0';
  const gsize *byte_counts;
  Seq forward = { (const guchar *)text, n, FALSE };
  Seq backward = { (const guchar *)text, n, TRUE };
  Finder quote_finder;
  Matcher suffix_matcher;
  g_autoptr(GArray) suffix_scores = NULL;
  gsize first_at, at, next_at, last_at = 0, best_score = 0;
  glong offset, last_offset = 0, best_offset = -1, best_distance = G_MAXLONG;

  if (qlen > n)
    return FALSE;

  byte_counts = get_byte_counts (self, work);
  finder_init (&quote_finder, &forward, byte_counts, quote, FALSE);
  first_at = finder_next (&quote_finder, 0, n - qlen);
  if (first_at == G_MAXSIZE)
    {
      *work += quote_finder.matcher.work;
      matcher_clear (&quote_finder.matcher);
      return FALSE;
    }
  offset = _icc_anchor_byte_to_offset (self, first_at);
  *work += CHECKPOINT;

  /* Only one, or, without context, one the later ones cannot beat (see
   * below). */
  next_at = G_MAXSIZE;
  if (has_prefix || has_suffix || offset < hint_start)
    next_at = finder_next (&quote_finder, first_at + 1, n - qlen);
  if (next_at == G_MAXSIZE)
    {
      *work += quote_finder.matcher.work;
      matcher_clear (&quote_finder.matcher);
      *out_start = offset;
      return TRUE;
    }

  /* Forwards: the occurrences, and how much of the suffix follows each. */
  matcher_init (&suffix_matcher, &forward, has_suffix ? suffix : "", FALSE);
  if (has_prefix)
    suffix_scores = g_array_new (FALSE, FALSE, sizeof (guint32));

  at = first_at;
  while (at != G_MAXSIZE)
    {
      gsize score = has_suffix ? matcher_agreement (&suffix_matcher, at + qlen) : 0;
      glong distance = distance_to_hint (offset, hint_start);

      if (has_prefix)
        {
          guint32 stored = MIN (score, G_MAXUINT32);

          g_array_append_val (suffix_scores, stored);
          last_at = at;
          last_offset = offset;
        }
      else if (best_offset < 0 || is_better (score, distance, best_score, best_distance))
        {
          best_score = score;
          best_distance = distance;
          best_offset = offset;
        }

      /* Without context, the later occurrences are only farther from the
       * hint (every one as far without a hint): they lose. */
      if (!has_prefix && !has_suffix && offset >= hint_start)
        break;

      if (next_at != G_MAXSIZE)
        {
          offset += anchor_count_chars (text + at, text + next_at);
          *work += (next_at - at) / BULK_BYTES;
        }
      at = next_at;
      if (at != G_MAXSIZE)
        next_at = finder_next (&quote_finder, at + 1, n - qlen);
    }

  *work += quote_finder.matcher.work + suffix_matcher.work;
  matcher_clear (&quote_finder.matcher);
  matcher_clear (&suffix_matcher);

  /* Backwards, from the last occurrence to the first: how much of the
   * prefix precedes each. Reading the text backwards, the quote read
   * backwards occurs at n - (at + qlen), and the prefix read backwards at
   * n - at, for an occurrence at @at. */
  if (has_prefix)
    {
      Matcher prefix_matcher;
      guint idx = suffix_scores->len;
      gsize p, prev_at = last_at;

      offset = last_offset;
      finder_init (&quote_finder, &backward, byte_counts, quote, TRUE);
      matcher_init (&prefix_matcher, &backward, prefix, TRUE);

      for (p = finder_next (&quote_finder, n - (last_at + qlen), n - (first_at + qlen));
           p != G_MAXSIZE;
           p = finder_next (&quote_finder, p + 1, n - (first_at + qlen)))
        {
          gsize score;
          glong distance;

          at = n - p - qlen;
          offset -= anchor_count_chars (text + at, text + prev_at);
          *work += (prev_at - at) / BULK_BYTES;
          prev_at = at;

          score = matcher_agreement (&prefix_matcher, n - at);
          distance = distance_to_hint (offset, hint_start);

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

      *work += quote_finder.matcher.work + prefix_matcher.work;
      matcher_clear (&quote_finder.matcher);
      matcher_clear (&prefix_matcher);
    }

  *out_start = best_offset;
  return TRUE;
}
