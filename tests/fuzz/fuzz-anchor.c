/* fuzz-anchor.c: libFuzzer target for icc_anchor_resolve().
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is a three-byte header, then up to four fields separated by NUL
 * bytes: the text, the quote, the prefix and the suffix (a field not there
 * is NULL). The header chooses the offset hint:
 *
 *   byte 0 & 3 == 0  no hint (-1, -1)
 *              == 1  start = bytes 1-2 (little endian), end = start + the quote's length,
 *                    so that the hint can hold the quote
 *              == 2  start = bytes 1-2, end = start + (signed) byte 0 >> 2
 *              == 3  start and end from a table of hostile values (bytes 1 and 2)
 *
 * An anchor found must lie within the text; an exact or hinted one must be
 * the quote itself, and an exact one the occurrence whose context fits best;
 * a quote that occurs in the text must be found exactly; a tolerant match
 * must score enough, and a quote not found must have no passage that would
 * (both checked against the textbook edit distance).
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "icc-anchor.h"

#define FUZZ_NAME "fuzz-anchor"
#include "fuzz-util.h"

#define HEADER_SIZE 3

/* As in icc-anchor-approximate.c: the least score of a tolerant match. */
#define MIN_APPROXIMATE_SCORE 0.85

/* Above this many cells (text × quote), tolerant matches are not checked
 * here: that would be slow, and the function may give up on purpose past
 * its own budget, which inputs this small never reach. Inputs under
 * -max_len=4096 (run-fuzz) stay below. */
#define MAX_REFERENCE_CELLS (G_GINT64_CONSTANT (1) << 23)

static const int hostile[] = {
  -1, 0, 1, -2, G_MININT, G_MAXINT, G_MAXINT - 1, G_MININT + 1, 65536, G_MAXINT / 2,
};

/* The next field of @data from *@at (a byte offset; past @size when there is
 * no more), up to a NUL byte or the end, or NULL when there is none. */
static char *
next_field (const uint8_t *data,
            size_t         size,
            size_t        *at)
{
  const uint8_t *nul;
  size_t len;
  char *field;

  if (*at > size)
    return NULL;

  nul = memchr (data + *at, '\0', size - *at);
  len = nul != NULL ? (size_t)(nul - (data + *at)) : size - *at;
  field = g_strndup ((const char *)data + *at, len);
  *at += len + 1;

  return field;
}

static gboolean
is_valid (const char *s)
{
  return s == NULL || g_utf8_validate (s, -1, NULL);
}

/* How well the context of the quote at byte @at of @text fits: bytes of
 * @prefix matching right before it plus bytes of @suffix right after. */
static gsize
context_score (const char *text,
               gsize       at,
               gsize       quote_len,
               const char *prefix,
               const char *suffix)
{
  gsize score = 0;

  if (prefix != NULL)
    {
      gsize plen = strlen (prefix);

      while (score < plen && score < at && text[at - score - 1] == prefix[plen - score - 1])
        score++;
    }

  if (suffix != NULL)
    {
      const char *after = text + at + quote_len;

      for (gsize i = 0; suffix[i] != '\0' && after[i] == suffix[i]; i++)
        score++;
    }

  return score;
}

/* An exact anchor is the occurrence whose context fits best, and among
 * those the nearest to the hint: compare with every occurrence. */
static void
check_best_occurrence (const char *text,
                       const char *quote,
                       const char *prefix,
                       const char *suffix,
                       int         hint_start,
                       int         start)
{
  gsize quote_len = strlen (quote);
  const char *chosen = g_utf8_offset_to_pointer (text, start);
  gsize chosen_score = context_score (text, chosen - text, quote_len, prefix, suffix);
  glong chosen_distance = hint_start >= 0 ? ABS ((glong)start - hint_start) : 0;

  for (const char *at = strstr (text, quote); at != NULL; at = strstr (at + 1, quote))
    {
      gsize score = context_score (text, at - text, quote_len, prefix, suffix);
      glong offset = g_utf8_pointer_to_offset (text, at);
      glong distance = hint_start >= 0 ? ABS (offset - hint_start) : 0;

      if (score > chosen_score || (score == chosen_score && distance < chosen_distance))
        fail ("exact: the occurrence at %ld (score %" G_GSIZE_FORMAT ", distance %ld) "
              "fits better than the one at %d (score %" G_GSIZE_FORMAT ", distance %ld)",
              offset, score, distance, start, chosen_score, chosen_distance);
    }
}

/* Letters and digits only, case-folded: what a tolerant match compares. */
static gunichar *
normalize (const char *start,
           const char *end,
           glong      *out_len)
{
  gunichar *out = g_new (gunichar, end - start + 1);
  glong len = 0;

  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        out[len++] = g_unichar_tolower (c);
    }

  *out_len = len;
  return out;
}

/* The fewest edits from @pattern to @text (@free_ends: to any substring of
 * @text), by the textbook dynamic programme. */
static glong
edit_distance (const gunichar *text,
               glong           n,
               const gunichar *pattern,
               glong           m,
               gboolean        free_ends)
{
  g_autofree glong *prev = g_new (glong, n + 1);
  g_autofree glong *cur = g_new (glong, n + 1);
  glong best;

  for (glong j = 0; j <= n; j++)
    prev[j] = free_ends ? 0 : j;

  for (glong i = 1; i <= m; i++)
    {
      glong *swap;

      cur[0] = i;
      for (glong j = 1; j <= n; j++)
        cur[j] = MIN (MIN (prev[j] + 1, cur[j - 1] + 1),
                      prev[j - 1] + (pattern[i - 1] == text[j - 1] ? 0 : 1));
      swap = prev;
      prev = cur;
      cur = swap;
    }

  if (!free_ends)
    return prev[n];

  best = G_MAXLONG;
  for (glong j = 0; j <= n; j++)
    best = MIN (best, prev[j]);
  return best;
}

static gboolean
scores_enough (glong distance,
               glong quote_len)
{
  return 1.0 - (double)distance / (double)quote_len >= MIN_APPROXIMATE_SCORE;
}

/* A tolerant match must score enough, and when there is none the text must
 * hold no passage that would. */
static void
check_approximate (IccAnchorMethod  method,
                   const char      *text,
                   const char      *quote,
                   int              start,
                   int              end)
{
  g_autofree gunichar *nquote = NULL;
  glong nquote_len;

  nquote = normalize (quote, quote + strlen (quote), &nquote_len);

  if (method == ICC_ANCHOR_APPROXIMATE)
    {
      const char *from = g_utf8_offset_to_pointer (text, start);
      const char *to = g_utf8_offset_to_pointer (text, end);
      g_autofree gunichar *found = NULL;
      glong found_len, distance;

      found = normalize (from, to, &found_len);
      if ((gint64)found_len * nquote_len > MAX_REFERENCE_CELLS)
        return;
      distance = edit_distance (found, found_len, nquote, nquote_len, FALSE);
      if (nquote_len == 0 || !scores_enough (distance, nquote_len))
        fail ("approximate: %d..%d is %ld edits from a quote of %ld letters",
              start, end, distance, nquote_len);
    }
  else if (method == ICC_ANCHOR_NONE && nquote_len > 0)
    {
      g_autofree gunichar *ntext = NULL;
      glong ntext_len, distance;

      ntext = normalize (text, text + strlen (text), &ntext_len);
      if ((gint64)ntext_len * nquote_len > MAX_REFERENCE_CELLS)
        return;
      distance = edit_distance (ntext, ntext_len, nquote, nquote_len, TRUE);
      if (distance < nquote_len && scores_enough (distance, nquote_len))
        fail ("no anchor, but a passage is %ld edits from a quote of %ld letters",
              distance, nquote_len);
    }
}

/* @valid: the text, quote, prefix and suffix can be searched (the function
 * anchors nothing otherwise). */
static void
check_result (IccAnchorMethod  method,
              const char      *text,
              const char      *quote,
              gboolean         valid,
              int              start,
              int              end)
{
  glong text_chars = valid ? g_utf8_strlen (text, -1) : 0;
  glong quote_chars = valid ? g_utf8_strlen (quote, -1) : 0;

  switch (method)
    {
    case ICC_ANCHOR_NONE:
      if (start != -1 || end != -1)
        fail ("no anchor, but offsets %d..%d", start, end);
      break;

    case ICC_ANCHOR_HINT:
    case ICC_ANCHOR_EXACT:
      {
        const char *at;

        if (!valid)
          fail ("method %d for invalid input", method);
        if (start < 0 || end != start + quote_chars || end > text_chars)
          fail ("method %d: offsets %d..%d for a quote of %ld characters in %ld",
                method, start, end, quote_chars, text_chars);
        at = g_utf8_offset_to_pointer (text, start);
        if (strncmp (at, quote, strlen (quote)) != 0)
          fail ("method %d: the text at %d..%d is not the quote", method, start, end);
      }
      break;

    case ICC_ANCHOR_APPROXIMATE:
      if (!valid)
        fail ("approximate anchor for invalid input");
      if (start < 0 || start >= end || end > text_chars)
        fail ("approximate: offsets %d..%d in a text of %ld characters", start, end, text_chars);
      break;

    default:
      fail ("unknown method %d", method);
    }

  if (valid && strstr (text, quote) != NULL &&
      method != ICC_ANCHOR_HINT && method != ICC_ANCHOR_EXACT)
    fail ("the quote is in the text, but the method is %d", method);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  size_t at = HEADER_SIZE;
  g_autofree char *text = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  int hint_start = -1, hint_end = -1;
  int start = 0, end_offset = 0;
  IccAnchorMethod method;
  gboolean valid;
  guint value;

  if (size < HEADER_SIZE)
    return 0;

  text = next_field (data, size, &at);
  quote = next_field (data, size, &at);
  prefix = next_field (data, size, &at);
  suffix = next_field (data, size, &at);

  value = data[1] | (guint)data[2] << 8;
  switch (data[0] & 3)
    {
    case 1:
      hint_start = (int)value;
      if (quote != NULL && g_utf8_validate (quote, -1, NULL))
        hint_end = hint_start + (int)g_utf8_strlen (quote, -1);
      break;

    case 2:
      hint_start = (int)value;
      hint_end = hint_start + ((int8_t)data[0] >> 2);
      break;

    case 3:
      hint_start = hostile[data[1] % G_N_ELEMENTS (hostile)];
      hint_end = hostile[data[2] % G_N_ELEMENTS (hostile)];
      break;

    default:
      break;
    }

  method = icc_anchor_resolve (text, quote, prefix, suffix, hint_start, hint_end,
                               &start, &end_offset);
  valid = text != NULL && quote != NULL && *quote != '\0' && is_valid (text) &&
          is_valid (quote) && is_valid (prefix) && is_valid (suffix);
  check_result (method, text, quote, valid, start, end_offset);
  if (method == ICC_ANCHOR_EXACT)
    check_best_occurrence (text, quote, prefix, suffix, hint_start, start);
  if (valid)
    check_approximate (method, text, quote, start, end_offset);

  return 0;
}
