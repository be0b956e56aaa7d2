/* icc-anchor.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "icc-anchor.h"

/* Below this score an approximate match is not a match: the citation is an
 * orphan rather than silently moved to a look-alike passage. */
#define MIN_APPROXIMATE_SCORE 0.85

typedef struct
{
  gunichar *chars;
  glong     len;
} UString;

static void
ustring_init (UString    *u,
              const char *utf8)
{
  u->chars = g_utf8_to_ucs4_fast (utf8 != NULL ? utf8 : "", -1, &u->len);
}

static void
ustring_clear (UString *u)
{
  g_clear_pointer (&u->chars, g_free);
  u->len = 0;
}

/* How many characters of @prefix end right before @pos, and of @suffix start
 * at @end. */
static glong
distance_to_hint (glong pos,
                  int   hint_start)
{
  if (hint_start < 0)
    return 0;
  return ABS (pos - (glong)hint_start);
}

/* Keeps letters and digits only, case-folded, with a map back to the
 * original character offsets. */
static void
normalize (const UString *in,
           UString       *out,
           glong        **map)
{
  out->chars = g_new (gunichar, in->len + 1);
  out->len = 0;

  if (map != NULL)
    *map = g_new (glong, in->len + 1);

  for (glong i = 0; i < in->len; i++)
    {
      gunichar c = in->chars[i];

      if (!g_unichar_isalnum (c))
        continue;

      if (map != NULL)
        (*map)[out->len] = i;
      out->chars[out->len++] = g_unichar_tolower (c);
    }
}

/* Sellers' algorithm: the substring of @text with the smallest edit
 * distance to @pattern. Returns the distance. */
static glong
best_approximate (const UString *text,
                  const UString *pattern,
                  glong         *out_start,
                  glong         *out_end)
{
  glong n = text->len;
  glong m = pattern->len;
  g_autofree glong *prev = g_new (glong, n + 1);
  g_autofree glong *cur = g_new (glong, n + 1);
  g_autofree glong *prev_start = g_new (glong, n + 1);
  g_autofree glong *cur_start = g_new (glong, n + 1);
  glong best = G_MAXLONG;
  glong best_end = 0;

  for (glong j = 0; j <= n; j++)
    {
      prev[j] = 0;
      prev_start[j] = j;
    }

  for (glong i = 1; i <= m; i++)
    {
      cur[0] = i;
      cur_start[0] = 0;

      for (glong j = 1; j <= n; j++)
        {
          glong sub = prev[j - 1] + (pattern->chars[i - 1] == text->chars[j - 1] ? 0 : 1);
          glong del = prev[j] + 1;
          glong ins = cur[j - 1] + 1;

          if (sub <= del && sub <= ins)
            {
              cur[j] = sub;
              cur_start[j] = prev_start[j - 1];
            }
          else if (del <= ins)
            {
              cur[j] = del;
              cur_start[j] = prev_start[j];
            }
          else
            {
              cur[j] = ins;
              cur_start[j] = cur_start[j - 1];
            }
        }

      { glong *t = prev; prev = cur; cur = t; }
      { glong *t = prev_start; prev_start = cur_start; cur_start = t; }
    }

  for (glong j = 0; j <= n; j++)
    {
      if (prev[j] < best)
        {
          best = prev[j];
          best_end = j;
        }
    }

  *out_start = prev_start[best_end];
  *out_end = best_end;

  return best;
}

static gboolean
find_approximate (const UString *text,
                  const UString *quote,
                  glong         *out_start,
                  glong         *out_end)
{
  UString ntext, nquote;
  g_autofree glong *map = NULL;
  glong start = 0, end = 0, distance;
  gboolean found = FALSE;

  normalize (text, &ntext, &map);
  normalize (quote, &nquote, NULL);

  if (nquote.len == 0 || ntext.len == 0)
    goto out;

  distance = best_approximate (&ntext, &nquote, &start, &end);

  if (end > start &&
      1.0 - (double)distance / (double)nquote.len >= MIN_APPROXIMATE_SCORE)
    {
      *out_start = map[start];
      *out_end = map[end - 1] + 1;
      found = TRUE;
    }

out:
  ustring_clear (&ntext);
  ustring_clear (&nquote);

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

/* Bytes of @prefix that match right before @at, plus bytes of @suffix right
 * after @end. */
static gsize
byte_context_score (const char *text,
                    const char *at,
                    const char *end,
                    const char *prefix,
                    const char *suffix)
{
  gsize score = 0;

  if (prefix != NULL)
    {
      gsize plen = strlen (prefix);

      /* Never form a pointer before @text: compare lengths, not pointers. */
      for (gsize i = 1; i <= plen && i <= (gsize)(at - text); i++)
        {
          if (at[-(gssize)i] != prefix[plen - i])
            break;
          score++;
        }
    }

  if (suffix != NULL)
    {
      for (gsize i = 0; suffix[i] != '\0' && end[i] != '\0'; i++)
        {
          if (end[i] != suffix[i])
            break;
          score++;
        }
    }

  return score;
}

/* Exact search on the UTF-8 bytes: a valid UTF-8 needle can only match at a
 * character boundary of a valid UTF-8 haystack. */
static gboolean
find_exact_bytes (const char *text,
                  const char *quote,
                  const char *prefix,
                  const char *suffix,
                  int         hint_start,
                  glong      *out_start)
{
  gsize qlen = strlen (quote);
  const char *best = NULL;
  gsize best_score = 0;
  glong best_distance = G_MAXLONG;
  glong best_offset = -1;
  const char *last = text;
  glong last_offset = 0;

  for (const char *at = strstr (text, quote); at != NULL; at = strstr (at + 1, quote))
    {
      gsize score = byte_context_score (text, at, at + qlen, prefix, suffix);
      glong offset = last_offset + g_utf8_pointer_to_offset (last, at);
      glong distance = distance_to_hint (offset, hint_start);

      last = at;
      last_offset = offset;

      if (best == NULL || score > best_score || (score == best_score && distance < best_distance))
        {
          best = at;
          best_score = score;
          best_distance = distance;
          best_offset = offset;
        }
    }

  if (best == NULL)
    return FALSE;

  *out_start = best_offset;
  return TRUE;
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

  if (method == ICC_ANCHOR_NONE)
    {
      UString utext, uquote;

      ustring_init (&utext, text);
      ustring_init (&uquote, quote);
      if (find_approximate (&utext, &uquote, &start, &end))
        method = ICC_ANCHOR_APPROXIMATE;
      ustring_clear (&utext);
      ustring_clear (&uquote);
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
