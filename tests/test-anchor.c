/* test-anchor.c: resolving citations against article text.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "icc-anchor.h"
#include "icc-article.h"
#include "icc-citation.h"
#include "icc-dataset-json.h"
#include "icc-event.h"

static const char *article =
  "MOSCOW — Russia will withdraw its signature from the Rome Statute, the "
  "Kremlin said on Wednesday. President Vladimir Putin signed a decree on "
  "16 November 2016.\n\nThe court said Russia's action in Crimea amounted to "
  "an occupation. Russia signed the statute in 2000 but never ratified it. "
  "Later, Russia signed the statute in 2000 but never ratified it, he repeated.";

static char *
substring (const char *text,
           int         start,
           int         end)
{
  const char *s = g_utf8_offset_to_pointer (text, start);
  const char *e = g_utf8_offset_to_pointer (text, end);

  return g_strndup (s, e - s);
}

static void
test_hint (void)
{
  const char *quote = "President Vladimir Putin signed a decree";
  const char *at = strstr (article, quote);
  int hint = g_utf8_pointer_to_offset (article, at);
  int start, end;

  g_assert_cmpint (icc_anchor_resolve (article, quote, NULL, NULL, hint, hint + 40,
                                       &start, &end), ==, ICC_ANCHOR_HINT);
  g_assert_cmpint (start, ==, hint);
  g_assert_cmpint (end, ==, hint + 40);
}

/* The hint is checked with a fast path over runs of ASCII: every offset, in
 * a text mixing long ASCII runs with characters of two, three and four
 * bytes, finds its quote; a hint past the end does not. */
static void
test_hint_every_offset (void)
{
  const char *text =
    "Début — the Rome Statute entered into force on 1 July 2002; "
    "Россия signed it in 2000. Ζ 🌍 ok: a long plain ASCII stretch for the fast path, "
    "then ü.";
  glong n = g_utf8_strlen (text, -1);
  int start, end;

  for (glong s = 0; s + 6 <= n; s++)
    {
      g_autofree char *quote = substring (text, s, s + 6);

      g_assert_cmpint (icc_anchor_resolve (text, quote, NULL, NULL, s, s + 6, &start, &end),
                       ==, ICC_ANCHOR_HINT);
      g_assert_cmpint (start, ==, s);
      g_assert_cmpint (end, ==, s + 6);
    }

  /* Past the end: not the hint (the quote is found by searching). */
  g_assert_cmpint (icc_anchor_resolve (text, "then ü.", NULL, NULL, n + 3, n + 10, &start, &end),
                   ==, ICC_ANCHOR_EXACT);
  g_assert_cmpint (start, ==, n - 7);
  g_assert_cmpint (icc_anchor_resolve (text, "absent!", NULL, NULL, n + 100, n + 107, &start, &end),
                   ==, ICC_ANCHOR_NONE);
}

/* Offsets count characters, not bytes: "—" is three bytes, one character. */
static void
test_exact_and_unicode_offsets (void)
{
  g_autofree char *found = NULL;
  int start, end;

  g_assert_cmpint (icc_anchor_resolve (article, "Russia will withdraw its signature", NULL, NULL,
                                       -1, -1, &start, &end), ==, ICC_ANCHOR_EXACT);
  g_assert_cmpint (start, ==, 9);
  g_assert_cmpint (end, ==, 9 + 34);
  found = substring (article, start, end);
  g_assert_cmpstr (found, ==, "Russia will withdraw its signature");
}

/* Text moved: the hint is stale, the quote is found elsewhere. */
static void
test_moved_text (void)
{
  g_autofree char *found = NULL;
  int start, end;

  g_assert_cmpint (icc_anchor_resolve (article, "amounted to an occupation", NULL, NULL,
                                       3, 28, &start, &end), ==, ICC_ANCHOR_EXACT);
  found = substring (article, start, end);
  g_assert_cmpstr (found, ==, "amounted to an occupation");
}

/* Two copies: prefix/suffix choose. */
static void
test_disambiguation (void)
{
  const char *quote = "Russia signed the statute in 2000 but never ratified it";
  const char *second = strstr (strstr (article, quote) + 1, quote);
  int second_offset = g_utf8_pointer_to_offset (article, second);
  int first_offset = g_utf8_pointer_to_offset (article, strstr (article, quote));
  int start, end;

  g_assert_cmpint (icc_anchor_resolve (article, quote, "Later, ", ", he repeated",
                                       -1, -1, &start, &end), ==, ICC_ANCHOR_EXACT);
  g_assert_cmpint (start, ==, second_offset);

  g_assert_cmpint (icc_anchor_resolve (article, quote, "an occupation. ", ". Later",
                                       -1, -1, &start, &end), ==, ICC_ANCHOR_EXACT);
  g_assert_cmpint (start, ==, first_offset);
}

/* Whitespace and punctuation changes still anchor, to the real passage. */
static void
test_whitespace_changes (void)
{
  g_autofree char *found = NULL;
  int start, end;

  g_assert_cmpint (icc_anchor_resolve (article,
                                       "signed a  decree on\n16 November, 2016",
                                       NULL, NULL, -1, -1, &start, &end),
                   ==, ICC_ANCHOR_APPROXIMATE);
  found = substring (article, start, end);
  g_assert_cmpstr (found, ==, "signed a decree on 16 November 2016");
}

/* Not found, and a look-alike below the minimum score, are orphans. */
static void
test_not_found (void)
{
  int start = 0, end = 0;

  g_assert_cmpint (icc_anchor_resolve (article, "The Netherlands hosts the court in The Hague",
                                       NULL, NULL, -1, -1, &start, &end), ==, ICC_ANCHOR_NONE);
  g_assert_cmpint (start, ==, -1);
  g_assert_cmpint (end, ==, -1);

  /* Shares many words with a real sentence but says something else. */
  g_assert_cmpint (icc_anchor_resolve (article,
                                       "China will ratify its signature of the Rome Statute soon",
                                       NULL, NULL, -1, -1, &start, &end), ==, ICC_ANCHOR_NONE);

  g_assert_cmpint (icc_anchor_resolve (article, "", NULL, NULL, -1, -1, &start, &end),
                   ==, ICC_ANCHOR_NONE);
  g_assert_cmpint (icc_anchor_resolve ("", "Russia", NULL, NULL, -1, -1, &start, &end),
                   ==, ICC_ANCHOR_NONE);
  g_assert_cmpint (icc_anchor_resolve (article, "Russia", NULL, NULL, 5000, 5006, &start, &end),
                   ==, ICC_ANCHOR_EXACT);
  g_assert_cmpint (icc_anchor_resolve (article, "Russia", NULL, NULL, -7, 2, &start, &end),
                   ==, ICC_ANCHOR_EXACT);
  /* Hints whose difference overflows an int (UBSan). */
  g_assert_cmpint (icc_anchor_resolve (article, "Russia", NULL, NULL, 5, G_MININT, &start, &end),
                   ==, ICC_ANCHOR_EXACT);
  g_assert_cmpint (icc_anchor_resolve (article, "Russia", NULL, NULL, G_MAXINT, -1,
                                       &start, &end), ==, ICC_ANCHOR_EXACT);
  /* A prefix longer than the text before the match. */
  g_assert_cmpint (icc_anchor_resolve (article, "MOSCOW", "a long prefix before the start", NULL,
                                       -1, -1, &start, &end), ==, ICC_ANCHOR_EXACT);
  g_assert_cmpint (start, ==, 0);
  g_assert_cmpint (icc_anchor_resolve ("abc\xff", "abc", NULL, NULL, -1, -1, &start, &end),
                   ==, ICC_ANCHOR_NONE);
}

/* The quadratic algorithm that anchoring used to run, kept as the
 * reference of its results: every occurrence scored naively, then Sellers'
 * full table on the normalized text. */

static gsize
reference_context_score (const char *text,
                         const char *at,
                         const char *end,
                         const char *prefix,
                         const char *suffix)
{
  gsize score = 0;

  if (prefix != NULL)
    {
      gsize plen = strlen (prefix);

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

static gunichar *
reference_normalize (const char *utf8,
                     glong     **map,
                     glong      *out_len)
{
  glong n;
  g_autofree gunichar *chars = g_utf8_to_ucs4_fast (utf8, -1, &n);
  gunichar *out = g_new (gunichar, n + 1);
  glong len = 0;

  *map = g_new (glong, n + 1);
  for (glong i = 0; i < n; i++)
    {
      if (!g_unichar_isalnum (chars[i]))
        continue;
      (*map)[len] = i;
      out[len++] = g_unichar_tolower (chars[i]);
    }

  *out_len = len;
  return out;
}

static IccAnchorMethod
reference_resolve (const char *text,
                   const char *quote,
                   const char *prefix,
                   const char *suffix,
                   int         hint_start,
                   int         hint_end,
                   int        *out_start,
                   int        *out_end)
{
  glong quote_chars = g_utf8_strlen (quote, -1);
  gsize qlen = strlen (quote);
  const char *best = NULL;
  gsize best_score = 0;
  glong best_distance = G_MAXLONG;
  g_autofree gunichar *ntext = NULL;
  g_autofree gunichar *nquote = NULL;
  g_autofree glong *map = NULL;
  g_autofree glong *quote_map = NULL;
  g_autofree glong *prev = NULL;
  g_autofree glong *cur = NULL;
  g_autofree glong *prev_start = NULL;
  g_autofree glong *cur_start = NULL;
  glong n, m, best_end = 0;

  *out_start = *out_end = -1;
  if (*quote == '\0' || !g_utf8_validate (text, -1, NULL))
    return ICC_ANCHOR_NONE;

  if (hint_start >= 0 && (gint64)hint_end - hint_start == quote_chars &&
      hint_start <= g_utf8_strlen (text, -1) &&
      strncmp (g_utf8_offset_to_pointer (text, hint_start), quote, qlen) == 0)
    {
      *out_start = hint_start;
      *out_end = hint_end;
      return ICC_ANCHOR_HINT;
    }

  for (const char *at = strstr (text, quote); at != NULL; at = strstr (at + 1, quote))
    {
      gsize score = reference_context_score (text, at, at + qlen, prefix, suffix);
      glong distance = hint_start < 0 ? 0 : ABS (g_utf8_pointer_to_offset (text, at) - hint_start);

      if (best == NULL || score > best_score || (score == best_score && distance < best_distance))
        {
          best = at;
          best_score = score;
          best_distance = distance;
        }
    }
  if (best != NULL)
    {
      *out_start = g_utf8_pointer_to_offset (text, best);
      *out_end = *out_start + quote_chars;
      return ICC_ANCHOR_EXACT;
    }

  ntext = reference_normalize (text, &map, &n);
  nquote = reference_normalize (quote, &quote_map, &m);
  if (n == 0 || m == 0)
    return ICC_ANCHOR_NONE;

  prev = g_new (glong, n + 1);
  cur = g_new (glong, n + 1);
  prev_start = g_new (glong, n + 1);
  cur_start = g_new (glong, n + 1);
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
          glong sub = prev[j - 1] + (nquote[i - 1] == ntext[j - 1] ? 0 : 1);
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
    if (prev[j] < prev[best_end])
      best_end = j;

  if (best_end > prev_start[best_end] &&
      1.0 - (double)prev[best_end] / (double)m >= 0.85)
    {
      *out_start = map[prev_start[best_end]];
      *out_end = map[best_end - 1] + 1;
      return ICC_ANCHOR_APPROXIMATE;
    }

  return ICC_ANCHOR_NONE;
}

/* Random strings over few tokens, so that repeats, overlaps, ties and near
 * matches are common; with case and non-ASCII letters for normalization. */
static const char *tokens[] = {
  "a", "a", "a", "b", "b", "c", "A", " ", " ", ".", "1", "é", "É", "Ж", "ж", "—", "🌍",
};

/* With @wide, letters of the whole alphabet too, so that the filter of
 * approximate matching keeps only some stretches of the text. */
static void
append_tokens (GString  *str,
               guint     n,
               gboolean  wide)
{
  for (guint i = 0; i < n; i++)
    {
      if (wide && g_test_rand_bit ())
        g_string_append_c (str, 'a' + g_test_rand_int_range (0, 26));
      else
        g_string_append (str, tokens[g_test_rand_int_range (0, G_N_ELEMENTS (tokens))]);
    }
}

/* A copy of @utf8 with @n random token edits. */
static char *
edit (const char *utf8,
      guint       n)
{
  GString *str = g_string_new (utf8);

  for (guint e = 0; e < n; e++)
    {
      glong len = g_utf8_strlen (str->str, -1);
      glong at = g_test_rand_int_range (0, len + 1);
      gsize pos = g_utf8_offset_to_pointer (str->str, at) - str->str;
      const char *token = tokens[g_test_rand_int_range (0, G_N_ELEMENTS (tokens))];

      switch (g_test_rand_int_range (0, 3))
        {
        case 0:
          g_string_insert (str, pos, token);
          break;
        case 1:
          if (at < len)
            g_string_erase (str, pos, g_utf8_next_char (str->str + pos) - (str->str + pos));
          break;
        default:
          if (at < len)
            {
              g_string_erase (str, pos, g_utf8_next_char (str->str + pos) - (str->str + pos));
              g_string_insert (str, pos, token);
            }
          break;
        }
    }

  return g_string_free (str, FALSE);
}

static void
check_against_reference (const char *text,
                         const char *quote,
                         const char *prefix,
                         const char *suffix,
                         int         hint_start,
                         int         hint_end)
{
  static const char *ways[] = { "unprepared", "prepared", "prepared, with a budget" };
  g_autoptr(IccAnchorText) prepared = icc_anchor_text_new (text);
  IccAnchorBudget budget;
  int start, end, ref_start, ref_end;
  IccAnchorMethod method, expected;

  expected = reference_resolve (text, quote, prefix, suffix, hint_start, hint_end,
                                &ref_start, &ref_end);
  icc_anchor_budget_init (&budget);

  for (guint way = 0; way < G_N_ELEMENTS (ways); way++)
    {
      if (way == 0)
        method = icc_anchor_resolve (text, quote, prefix, suffix, hint_start, hint_end,
                                     &start, &end);
      else
        method = icc_anchor_resolve_in (prepared, way == 2 ? &budget : NULL, quote, prefix,
                                        suffix, hint_start, hint_end, &start, &end);

      if (method != expected || start != ref_start || end != ref_end)
        g_error ("text “%s”, quote “%s”, prefix “%s”, suffix “%s”, hint %d–%d, %s: "
                 "method %d [%d, %d), the reference %d [%d, %d)", text, quote, prefix, suffix,
                 hint_start, hint_end, ways[way], method, start, end, expected, ref_start,
                 ref_end);
    }
}

typedef struct
{
  char *quote;
  char *prefix;
  char *suffix;
  int   hint_start;
  int   hint_end;
} Citation;

static void
citation_clear (Citation *self)
{
  g_clear_pointer (&self->quote, g_free);
  g_clear_pointer (&self->prefix, g_free);
  g_clear_pointer (&self->suffix, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Citation, citation_clear)

/* A random citation of @text: a passage of it, edited or not, or
 * anything; context from around the passage, edited or not, or none; a
 * hint that holds the passage, or one of the right length anywhere, or of
 * the wrong length, or none. */
static void
random_citation (const char *text,
                 gboolean    long_one,
                 gboolean    wide,
                 Citation   *out)
{
  g_autofree char *source = NULL;
  glong len, from, to, reach;

  len = g_utf8_strlen (text, -1);
  out->prefix = out->suffix = NULL;
  out->hint_start = out->hint_end = -1;

  from = g_test_rand_int_range (0, len + 1);
  reach = g_test_rand_int_range (1, long_one ? 250 : 30);
  to = MIN (len, from + reach);
  source = g_utf8_substring (text, from, to);
  switch (g_test_rand_int_range (0, 4))
    {
    case 0:
      out->quote = g_strdup (source);
      break;
    case 1:
    case 2:
      out->quote = edit (source, g_test_rand_int_range (1, 4 + (to - from) / 8));
      break;
    default:
      {
        GString *other = g_string_new (NULL);

        append_tokens (other, g_test_rand_int_range (1, 20), wide);
        out->quote = g_string_free (other, FALSE);
      }
      break;
    }

  if (g_test_rand_bit ())
    {
      g_autofree char *before = NULL;

      reach = g_test_rand_int_range (0, 40);
      before = g_utf8_substring (text, MAX (0, from - reach), from);
      out->prefix = g_test_rand_bit () ? g_strdup (before) : edit (before, 1);
    }
  if (g_test_rand_bit ())
    {
      g_autofree char *after = NULL;

      reach = g_test_rand_int_range (0, 40);
      after = g_utf8_substring (text, to, MIN (len, to + reach));
      out->suffix = g_test_rand_bit () ? g_strdup (after) : edit (after, 1);
    }

  switch (g_test_rand_int_range (0, 4))
    {
    case 0:
      out->hint_start = from;
      out->hint_end = to;
      break;
    case 1:
      out->hint_start = g_test_rand_int_range (0, len + 10);
      out->hint_end = out->hint_start + g_utf8_strlen (out->quote, -1);
      break;
    case 2:
      out->hint_start = g_test_rand_int_range (0, len + 10);
      out->hint_end = out->hint_start;
      break;
    default:
      break;
    }
}

/* On random inputs, the same results as the quadratic algorithm: exact
 * matches with context, the nearest the hint, ties, approximate matches
 * (from one 64-row block to several), orphans; unprepared, prepared, and
 * prepared with a budget. */
static void
test_same_as_reference (void)
{
  for (guint iteration = 0; iteration < 4000; iteration++)
    {
      gboolean long_one = iteration % 10 == 0;
      gboolean wide = iteration % 3 == 0;
      g_autoptr(GString) text = g_string_new (NULL);
      g_auto(Citation) citation = { 0 };

      append_tokens (text, g_test_rand_int_range (0, long_one ? 600 : 80), wide);
      random_citation (text->str, long_one, wide, &citation);
      check_against_reference (text->str, citation.quote, citation.prefix, citation.suffix,
                               citation.hint_start, citation.hint_end);
    }
}

/* One prepared text for many citations, its byte counts and normalized
 * letters computed once and kept (or, without the memory to keep them,
 * computed again each time): the results of one text prepared per
 * citation, and of the reference. */
static void
test_prepared_reuse (void)
{
  for (guint round = 0; round < 40; round++)
    {
      gboolean long_one = round % 4 == 0;
      gboolean wide = round % 3 == 0;
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(IccAnchorText) kept = NULL;
      g_autoptr(IccAnchorText) not_kept = NULL;
      IccAnchorBudget budget, no_memory;

      append_tokens (text, g_test_rand_int_range (0, long_one ? 600 : 150), wide);
      kept = icc_anchor_text_new (text->str);
      not_kept = icc_anchor_text_new (text->str);
      icc_anchor_budget_init (&budget);
      icc_anchor_budget_init (&no_memory);
      no_memory.memory = 0;

      for (guint i = 0; i < 60; i++)
        {
          g_auto(Citation) c = { 0 };
          int start, end, kept_start, kept_end, other_start, other_end;
          IccAnchorMethod method;

          random_citation (text->str, long_one, wide, &c);
          check_against_reference (text->str, c.quote, c.prefix, c.suffix,
                                   c.hint_start, c.hint_end);
          method = icc_anchor_resolve (text->str, c.quote, c.prefix, c.suffix,
                                       c.hint_start, c.hint_end, &start, &end);
          g_assert_cmpint (icc_anchor_resolve_in (kept, &budget, c.quote, c.prefix, c.suffix,
                                                  c.hint_start, c.hint_end,
                                                  &kept_start, &kept_end), ==, method);
          g_assert_cmpint (kept_start, ==, start);
          g_assert_cmpint (kept_end, ==, end);
          g_assert_cmpint (icc_anchor_resolve_in (not_kept, &no_memory, c.quote, c.prefix,
                                                  c.suffix, c.hint_start, c.hint_end,
                                                  &other_start, &other_end), ==, method);
          g_assert_cmpint (other_start, ==, start);
          g_assert_cmpint (other_end, ==, end);
        }

      /* Nothing spent past its pool; nothing kept without memory. */
      g_assert_cmpint (budget.exact, >, 0);
      g_assert_cmpint (budget.approximate, >, 0);
      g_assert_cmpint (no_memory.memory, ==, 0);
    }
}

static char *
repeat (const char *unit,
        guint       n)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (str, unit);

  return g_string_free (str, FALSE);
}

/* "a" in "aaa…": an occurrence at every character, the context agreeing
 * over thousands of characters at most of them. */
static void
test_overlapping_repeats (void)
{
  g_autofree char *text = repeat ("a", 200000);
  g_autofree char *quote = repeat ("a", 1000);
  g_autofree char *context = repeat ("a", 5000);
  g_autofree char *almost = g_strconcat (quote, "b", NULL);
  g_autofree char *nowhere = repeat ("b", 1000);
  int start, end;

  /* The first. */
  g_assert_cmpint (icc_anchor_resolve (text, quote, NULL, NULL, -1, -1, &start, &end),
                   ==, ICC_ANCHOR_EXACT);
  g_assert_cmpint (start, ==, 0);
  g_assert_cmpint (end, ==, 1000);

  /* The first with all its context, before and after. */
  g_assert_cmpint (icc_anchor_resolve (text, quote, context, context, -1, -1, &start, &end),
                   ==, ICC_ANCHOR_EXACT);
  g_assert_cmpint (start, ==, 5000);
  g_assert_cmpint (icc_anchor_resolve (text, quote, context, NULL, -1, -1, &start, &end),
                   ==, ICC_ANCHOR_EXACT);
  g_assert_cmpint (start, ==, 5000);
  g_assert_cmpint (icc_anchor_resolve (text, quote, NULL, context, -1, -1, &start, &end),
                   ==, ICC_ANCHOR_EXACT);
  g_assert_cmpint (start, ==, 0);

  /* The last with all its suffix. */
  g_assert_cmpint (icc_anchor_resolve (text, quote, "b", context, -1, -1, &start, &end),
                   ==, ICC_ANCHOR_EXACT);
  g_assert_cmpint (start, ==, 0);

  /* Among equals, the nearest the hint (a hint of the wrong length). */
  g_assert_cmpint (icc_anchor_resolve (text, quote, context, context, 123456, 123457,
                                       &start, &end), ==, ICC_ANCHOR_EXACT);
  g_assert_cmpint (start, ==, 123456);
  g_assert_cmpint (icc_anchor_resolve (text, quote, NULL, NULL, 199500, 199501, &start, &end),
                   ==, ICC_ANCHOR_EXACT);
  g_assert_cmpint (start, ==, 199000);

  /* A hint of the right length. */
  g_assert_cmpint (icc_anchor_resolve (text, quote, NULL, NULL, 7777, 8777, &start, &end),
                   ==, ICC_ANCHOR_HINT);
  g_assert_cmpint (start, ==, 7777);

  /* One edit away, everywhere: the first. */
  g_assert_cmpint (icc_anchor_resolve (text, almost, NULL, NULL, -1, -1, &start, &end),
                   ==, ICC_ANCHOR_APPROXIMATE);
  g_assert_cmpint (start, ==, 0);
  g_assert_cmpint (end, ==, 1000);

  g_assert_cmpint (icc_anchor_resolve (text, nowhere, NULL, NULL, -1, -1, &start, &end),
                   ==, ICC_ANCHOR_NONE);
  g_assert_cmpint (start, ==, -1);
}

/* Periodic text and quote: the context chooses, however long it agrees. */
static void
test_long_context (void)
{
  g_autofree char *run = repeat ("the court ", 20000);
  g_autofree char *text = g_strconcat (run, "said so. ", run, "did not. ", run, NULL);
  g_autofree char *quote = repeat ("the court ", 100);
  g_autofree char *context = repeat ("the court ", 5000);
  g_autofree char *prefix = g_strconcat ("said so. ", context, NULL);
  g_autofree char *suffix = g_strconcat (context, "did", NULL);
  glong second = 200000 + 9;
  glong third = second + 200000 + 9;
  int start, end;

  /* The prefix agrees best right after "said so. " + 5,000 runs. */
  g_assert_cmpint (icc_anchor_resolve (text, quote, prefix, NULL, -1, -1, &start, &end),
                   ==, ICC_ANCHOR_EXACT);
  g_assert_cmpint (start, ==, second + 50000);
  g_assert_cmpint (end, ==, second + 51000);

  /* The suffix agrees best 5,000 runs before "did not." */
  g_assert_cmpint (icc_anchor_resolve (text, quote, NULL, suffix, -1, -1, &start, &end),
                   ==, ICC_ANCHOR_EXACT);
  g_assert_cmpint (start, ==, third - 9 - 50000 - 1000);

  /* Both: the prefix's place wins by its longer agreement. */
  g_assert_cmpint (icc_anchor_resolve (text, quote, prefix, context, -1, -1, &start, &end),
                   ==, ICC_ANCHOR_EXACT);
  g_assert_cmpint (start, ==, second + 50000);
}

static const char *sentence =
  "The Prosecutor opened an investigation into the situation in the State on the date "
  "the declaration accepting the jurisdiction of the Court was lodged with the Registrar";

/* A megabyte of copies of the sentence, each with a letter changed (never
 * the 61st or the 100th), but copy @exact_copy, left as it is. */
static GString *
near_copies (glong  exact_copy,
             glong *exact_at)
{
  gsize len = strlen (sentence);
  GString *text = g_string_new (NULL);
  gsize changed = 0;

  for (glong copy = 0; text->len < 1024 * 1024; copy++)
    {
      g_string_append (text, sentence);
      if (copy == exact_copy)
        *exact_at = text->len - len;
      else
        {
          do
            changed = (changed + 7) % len;
          while (!g_ascii_isalpha (sentence[changed]) || changed == 61 || changed == 100);
          text->str[text->len - len + changed] = sentence[changed] == 'q' ? 'x' : 'q';
        }
      g_string_append (text, ". ");
    }

  return text;
}

/* A sentence with two letters changed, in a megabyte of copies of it with
 * one other letter changed: the one unchanged copy is the nearest, else
 * the first copy. */
static void
test_near_matches (void)
{
  gsize len = strlen (sentence);
  g_autofree char *quote = g_strdup (sentence);
  GString *text;
  glong exact_at = -1;
  int start, end;

  g_assert_true (g_ascii_isalpha (quote[61]) && g_ascii_isalpha (quote[100]));
  quote[61] = 'Z';
  quote[100] = 'Z';

  text = near_copies (3000, &exact_at);
  g_assert_cmpint (icc_anchor_resolve (text->str, quote, NULL, NULL, -1, -1, &start, &end),
                   ==, ICC_ANCHOR_APPROXIMATE);
  g_assert_cmpint (start, ==, exact_at);
  g_assert_cmpint (end, ==, exact_at + len);
  g_string_free (text, TRUE);

  text = near_copies (-1, &exact_at);
  g_assert_cmpint (icc_anchor_resolve (text->str, quote, NULL, NULL, -1, -1, &start, &end),
                   ==, ICC_ANCHOR_APPROXIMATE);
  g_assert_cmpint (start, ==, 0);
  g_assert_cmpint (end, ==, len);
  g_string_free (text, TRUE);
}

/* A quote that nothing approaches, in a megabyte of words. */
static void
test_no_approximate_match (void)
{
  static const char *words[] = { "court", "statute", "state", "party", "Rome", "treaty" };
  GString *text = g_string_new (NULL);
  g_autofree char *quote = repeat ("Lorem ipsum dolor sit amet, consectetur adipiscing. ", 20);
  int start = 0, end = 0;

  for (guint i = 0; text->len < 1024 * 1024; i++)
    {
      g_string_append (text, words[(i * 7 + i / 5) % G_N_ELEMENTS (words)]);
      g_string_append_c (text, i % 11 == 0 ? '.' : ' ');
    }

  g_assert_cmpint (icc_anchor_resolve (text->str, quote, NULL, NULL, -1, -1, &start, &end),
                   ==, ICC_ANCHOR_NONE);
  g_assert_cmpint (start, ==, -1);
  g_assert_cmpint (end, ==, -1);

  /* Every word of the text, in another order. */
  g_assert_cmpint (icc_anchor_resolve (text->str, "treaty Rome party state statute court",
                                       NULL, NULL, -1, -1, &start, &end), ==, ICC_ANCHOR_NONE);

  g_string_free (text, TRUE);
}

/* A quote longer than the text: close enough to all of it, or not. */
static void
test_quote_longer_than_text (void)
{
  const char *text = "Russia signed the Rome Statute in 2000.";
  g_autofree char *long_text = repeat ("Russia signed the Rome Statute in 2000. ", 200);
  g_autofree char *long_quote = g_strconcat (long_text, "It never ratified it.", NULL);
  g_autofree char *huge_quote = repeat ("Russia signed the Rome Statute in 2000. ", 5000);
  int start, end;

  g_assert_cmpint (icc_anchor_resolve (text, "Russia signed the Rome Statute in 2000, he",
                                       NULL, NULL, -1, -1, &start, &end),
                   ==, ICC_ANCHOR_APPROXIMATE);
  g_assert_cmpint (start, ==, 0);
  g_assert_cmpint (end, ==, strlen (text) - 1);

  g_assert_cmpint (icc_anchor_resolve (text, "Russia signed the Rome Statute in 2000, he said so",
                                       NULL, NULL, -1, -1, &start, &end), ==, ICC_ANCHOR_NONE);
  check_against_reference (text, "Russia signed the Rome Statute in 2000, he", NULL, NULL, -1, -1);
  check_against_reference (text, "Russia signed the Rome Statute in 2000, he said so", NULL, NULL,
                           -1, -1);

  /* 8,000 characters, 17 letters more than the text. */
  g_assert_cmpint (icc_anchor_resolve (long_text, long_quote, NULL, NULL, -1, -1, &start, &end),
                   ==, ICC_ANCHOR_APPROXIMATE);
  g_assert_cmpint (start, ==, 0);
  g_assert_cmpint (end, ==, strlen (long_text) - 2);
  check_against_reference (long_text, long_quote, NULL, NULL, -1, -1);

  /* Far longer than the text. */
  g_assert_cmpint (icc_anchor_resolve (long_text, huge_quote, NULL, NULL, -1, -1, &start, &end),
                   ==, ICC_ANCHOR_NONE);
}

/* Offsets count characters of any width; letters of any script are
 * compared case-folded. */
static void
test_non_ascii (void)
{
  const char *unit = "Международный уголовный суд — ΔΙΚΑΣΤΉΡΙΟ 🌍 国际刑事法院。";
  g_autofree char *run = repeat (unit, 2000);
  g_autofree char *text = g_strconcat (run, "Россия отозвала подпись.", run, NULL);
  glong at = g_utf8_strlen (run, -1);
  int start, end;

  /* "ΔΙΚΑΣΤΉΡΙΟ" at 30 in every 50 characters. */
  g_assert_cmpint (g_utf8_strlen (unit, -1), ==, 50);

  g_assert_cmpint (icc_anchor_resolve (text, "Россия отозвала подпись", NULL, NULL, -1, -1,
                                       &start, &end), ==, ICC_ANCHOR_EXACT);
  g_assert_cmpint (start, ==, at);
  g_assert_cmpint (end, ==, at + 23);

  /* Case, punctuation and one letter changed. */
  g_assert_cmpint (icc_anchor_resolve (text, "РОССИЯ, отозвала подпис", NULL, NULL, -1, -1,
                                       &start, &end), ==, ICC_ANCHOR_APPROXIMATE);
  g_assert_cmpint (start, ==, at);
  g_assert_cmpint (end, ==, at + 22);

  g_assert_cmpint (icc_anchor_resolve (text, "Россия отозвала подпись", NULL, NULL, at, at + 23,
                                       &start, &end), ==, ICC_ANCHOR_HINT);

  /* Repeated: the context chooses, the hint breaks ties. */
  g_assert_cmpint (icc_anchor_resolve (text, "国际刑事法院", "🌍 ", "。Россия", -1, -1,
                                       &start, &end), ==, ICC_ANCHOR_EXACT);
  g_assert_cmpint (start, ==, at - 7);
  g_assert_cmpint (icc_anchor_resolve (text, "ΔΙΚΑΣΤΉΡΙΟ", NULL, NULL, 1000, -1,
                                       &start, &end), ==, ICC_ANCHOR_EXACT);
  g_assert_cmpint (start, ==, 19 * 50 + 30);
  g_assert_cmpint (icc_anchor_resolve (text, "δικαστήριο 🌍", NULL, NULL, -1, -1, &start, &end),
                   ==, ICC_ANCHOR_APPROXIMATE);
  g_assert_cmpint (start, ==, 30);
  g_assert_cmpint (end, ==, 40);
}

static void
test_empty (void)
{
  int start = 0, end = 0;

  g_assert_cmpint (icc_anchor_resolve ("", "", NULL, NULL, -1, -1, &start, &end),
                   ==, ICC_ANCHOR_NONE);
  g_assert_cmpint (icc_anchor_resolve ("", "x", "", "", -1, -1, &start, &end),
                   ==, ICC_ANCHOR_NONE);
  g_assert_cmpint (icc_anchor_resolve ("", "x", NULL, NULL, 0, 1, &start, &end),
                   ==, ICC_ANCHOR_NONE);
  g_assert_cmpint (icc_anchor_resolve ("abc", "", "a", "b", 0, 0, &start, &end),
                   ==, ICC_ANCHOR_NONE);
  g_assert_cmpint (start, ==, -1);
  g_assert_cmpint (end, ==, -1);
  g_assert_cmpint (icc_anchor_resolve (NULL, "x", NULL, NULL, -1, -1, &start, &end),
                   ==, ICC_ANCHOR_NONE);
  g_assert_cmpint (icc_anchor_resolve ("x", NULL, NULL, NULL, -1, -1, &start, &end),
                   ==, ICC_ANCHOR_NONE);

  /* Empty context is no context: the first occurrence. */
  g_assert_cmpint (icc_anchor_resolve ("ab ab", "ab", "", "", -1, -1, &start, &end),
                   ==, ICC_ANCHOR_EXACT);
  g_assert_cmpint (start, ==, 0);

  /* No letters or digits: found verbatim, or not at all. */
  g_assert_cmpint (icc_anchor_resolve ("a ... b", "...", NULL, NULL, -1, -1, &start, &end),
                   ==, ICC_ANCHOR_EXACT);
  g_assert_cmpint (start, ==, 2);
  g_assert_cmpint (icc_anchor_resolve ("a ... b", "!!", NULL, NULL, -1, -1, &start, &end),
                   ==, ICC_ANCHOR_NONE);
  g_assert_cmpint (icc_anchor_resolve ("... ,,,", "a", NULL, NULL, -1, -1, &start, &end),
                   ==, ICC_ANCHOR_NONE);

  /* Without out pointers. */
  g_assert_cmpint (icc_anchor_resolve ("abc", "b", NULL, NULL, -1, -1, NULL, NULL),
                   ==, ICC_ANCHOR_EXACT);
}

static const char *court_words[] = {
  "court", "statute", "state", "party", "withdrawal", "signature", "Rome", "treaty",
  "prosecutor", "investigation", "Crimea", "Kremlin", "decree", "justice", "international",
  "crimes", "jurisdiction", "ratified", "member", "United", "Nations", "Hague",
};

/* Words at random, about @size bytes. */
static char *
court_text (gsize size)
{
  GString *str = g_string_new (NULL);

  while (str->len < size)
    {
      if (str->len > 0)
        g_string_append_c (str, g_test_rand_int_range (0, 12) == 0 ? '.' : ' ');
      g_string_append (str, court_words[g_test_rand_int_range (0, G_N_ELEMENTS (court_words))]);
    }

  return g_string_free (str, FALSE);
}

/* Quote @i of many in @text (ASCII): 40 bytes from anywhere, a letter
 * changed in every other one. */
static char *
court_quote (const char *text,
             guint       i,
             int        *at)
{
  char *quote;

  *at = g_test_rand_int_range (0, strlen (text) - 40);
  quote = g_strndup (text + *at, 40);
  if (i % 2 == 1)
    quote[20] = quote[20] == 'x' ? 'y' : 'x';

  return quote;
}

/* Many citations with edits against one large text: each edited one is
 * looked for approximately while the approximate pool lasts, and is an
 * orphan after; the others are found exactly all along (those with a
 * hint, by it). Past the exact pool, only hints anchor. Each pool goes
 * below zero by one citation's work at most. */
static void
test_budget (void)
{
  g_autofree char *text = court_text (64 * 1024);
  g_autoptr(IccAnchorText) prepared = icc_anchor_text_new (text);
  g_autoptr(IccAnchorText) unlimited = icc_anchor_text_new (text);
  IccAnchorBudget budget;
  guint n_approximate = 0, n_orphans = 0, n_after = 0;

  icc_anchor_budget_init (&budget);
  /* The first approximate match normalizes the text (about 8 units a
   * byte), the next ones each take about a unit a letter. */
  budget.approximate = 1024 * 1024;
  budget.exact = 1024 * 1024;

  for (guint i = 0; i < 400; i++)
    {
      int at;
      g_autofree char *quote = court_quote (text, i, &at);
      gboolean hinted = i % 8 == 0;
      gboolean approximate_left = budget.approximate > 0;
      gboolean exact_left = budget.exact > 0;
      int start, end, expected_start, expected_end;
      IccAnchorMethod method, expected;

      /* As icc_anchor_resolve() (see test_prepared_reuse), faster. */
      expected = icc_anchor_resolve_in (unlimited, NULL, quote, NULL, NULL, hinted ? at : -1,
                                        hinted ? at + 40 : -1, &expected_start, &expected_end);
      method = icc_anchor_resolve_in (prepared, &budget, quote, NULL, NULL, hinted ? at : -1,
                                      hinted ? at + 40 : -1, &start, &end);

      if (i % 2 == 0)
        g_assert_cmpint (expected, ==, hinted ? ICC_ANCHOR_HINT : ICC_ANCHOR_EXACT);
      else
        g_assert_cmpint (expected, ==, ICC_ANCHOR_APPROXIMATE);

      /* Near the end of the approximate pool, a step may not fit in what
       * is left: an orphan. */
      if ((i % 2 == 0 && (hinted || exact_left)) ||
          (i % 2 == 1 && exact_left && approximate_left && method != ICC_ANCHOR_NONE))
        {
          g_assert_cmpint (method, ==, expected);
          g_assert_cmpint (start, ==, expected_start);
          g_assert_cmpint (end, ==, expected_end);
          n_approximate += method == ICC_ANCHOR_APPROXIMATE;
        }
      else
        {
          g_assert_cmpint (method, ==, ICC_ANCHOR_NONE);
          g_assert_cmpint (start, ==, -1);
          g_assert_cmpint (end, ==, -1);
          n_orphans++;
          n_after += i % 2 == 0;
        }
    }

  /* Both pools spent, by at most one citation's work. */
  g_assert_cmpint (n_approximate, >, 2);
  g_assert_cmpint (n_approximate, <, 100);
  g_assert_cmpint (n_after, >, 10);
  g_assert_cmpint (budget.approximate, <=, 0);
  g_assert_cmpint (budget.approximate, >, -1024 * 1024);
  g_assert_cmpint (budget.exact, <=, 0);
  g_assert_cmpint (budget.exact, >, -1024 * 1024);
  g_test_message ("%u approximate, %u orphans", n_approximate, n_orphans);
}

/* A file of many citations of long articles: loading it anchors each as
 * icc_anchor_resolve() does alone (the articles prepared once, the budget
 * not reached). */
static void
test_dataset_many_citations (void)
{
  GString *json = g_string_new ("{\"format\":\"icc-tracker\",\"version\":1,\"title\":\"Many\","
                                "\"articles\":[");
  char *texts[3];
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(IccDataset) dataset = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *events;
  guint n_citations = 0, n_approximate = 0;

  for (guint a = 0; a < G_N_ELEMENTS (texts); a++)
    {
      texts[a] = court_text (32 * 1024);
      g_string_append_printf (json, "%s{\"id\":\"a%u\",\"title\":\"Article %u\","
                              "\"text\":\"%s\"}", a > 0 ? "," : "", a, a, texts[a]);
    }
  g_string_append (json, "],\"states\":[{\"code\":\"RU\",\"name\":\"Russia\"}],"
                         "\"events\":[");
  for (guint e = 0; e < 150; e++)
    {
      int at;
      g_autofree char *quote = court_quote (texts[e % 3], e / 3, &at);

      g_string_append_printf (json, "%s{\"id\":\"e%u\",\"date\":\"2016-11-%02u\","
                              "\"kind\":\"other\",\"states\":[\"RU\"],\"title\":\"E\","
                              "\"citations\":[{\"article\":\"a%u\",\"quote\":\"%s\"",
                              e > 0 ? "," : "", e, 1 + e % 28, e % 3, quote);
      if (e % 5 == 0)
        g_string_append_printf (json, ",\"start\":%d,\"end\":%d", at, at + 40);
      g_string_append (json, "}]}");
    }
  g_string_append (json, "]}");
  bytes = g_string_free_to_bytes (json);

  dataset = icc_dataset_load_bytes (bytes, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (problems->len, ==, 0);

  events = icc_dataset_get_events (dataset);
  for (guint e = 0; e < g_list_model_get_n_items (events); e++)
    {
      g_autoptr(IccEvent) event = g_list_model_get_item (events, e);
      GListModel *citations = icc_event_get_citations (event);

      for (guint c = 0; c < g_list_model_get_n_items (citations); c++)
        {
          g_autoptr(IccCitation) citation = g_list_model_get_item (citations, c);
          IccArticle *article = icc_citation_get_article (citation);
          int start, end, expected_start, expected_end;
          IccAnchorMethod expected;

          expected = icc_anchor_resolve (icc_article_get_text (article),
                                         icc_citation_get_quote (citation), NULL, NULL,
                                         icc_citation_get_hint_start (citation),
                                         icc_citation_get_hint_end (citation),
                                         &expected_start, &expected_end);
          g_assert_cmpint (expected, !=, ICC_ANCHOR_NONE);
          g_assert_true (icc_citation_get_anchor (citation, &start, &end));
          g_assert_cmpint (start, ==, expected_start);
          g_assert_cmpint (end, ==, expected_end);
          n_citations++;
          n_approximate += expected == ICC_ANCHOR_APPROXIMATE;
        }
    }
  g_assert_cmpuint (n_citations, ==, 150);
  g_assert_cmpuint (n_approximate, >=, 60);

  for (guint a = 0; a < G_N_ELEMENTS (texts); a++)
    g_free (texts[a]);
}

/* The bundled dataset spends a small part of each pool. */
static void
test_bundled_budget (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IccDataset) dataset = icc_dataset_load_bundled (&error);
  g_autoptr(GHashTable) texts = g_hash_table_new_full (NULL, NULL, NULL,
                                                       (GDestroyNotify)icc_anchor_text_free);
  IccAnchorBudget budget, full;
  GListModel *events;
  guint n_citations = 0;

  g_assert_no_error (error);
  icc_anchor_budget_init (&budget);
  icc_anchor_budget_init (&full);

  events = icc_dataset_get_events (dataset);
  for (guint e = 0; e < g_list_model_get_n_items (events); e++)
    {
      g_autoptr(IccEvent) event = g_list_model_get_item (events, e);
      GListModel *citations = icc_event_get_citations (event);

      for (guint c = 0; c < g_list_model_get_n_items (citations); c++)
        {
          g_autoptr(IccCitation) citation = g_list_model_get_item (citations, c);
          IccArticle *article = icc_citation_get_article (citation);
          IccAnchorText *text = g_hash_table_lookup (texts, article);
          int start, end;

          if (text == NULL)
            {
              text = icc_anchor_text_new (icc_article_get_text (article));
              g_hash_table_insert (texts, article, text);
            }
          /* Without the hint: more work than loading does. */
          g_assert_cmpint (icc_anchor_resolve_in (text, &budget,
                                                  icc_citation_get_quote (citation),
                                                  icc_citation_get_prefix (citation),
                                                  icc_citation_get_suffix (citation),
                                                  -1, -1, &start, &end), !=, ICC_ANCHOR_NONE);
          n_citations++;
        }
    }

  g_test_message ("%u citations: %" G_GINT64_FORMAT " exact, %" G_GINT64_FORMAT
                  " approximate, %" G_GINT64_FORMAT " bytes", n_citations,
                  full.exact - budget.exact, full.approximate - budget.approximate,
                  full.memory - budget.memory);
  g_assert_cmpuint (n_citations, >=, 90);
  g_assert_cmpint (full.exact - budget.exact, <, full.exact / 100);
  g_assert_cmpint (full.approximate - budget.approximate, <, full.approximate / 100);
  g_assert_cmpint (full.memory - budget.memory, <, full.memory / 10);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/anchor/hint", test_hint);
  g_test_add_func ("/anchor/hint-every-offset", test_hint_every_offset);
  g_test_add_func ("/anchor/exact", test_exact_and_unicode_offsets);
  g_test_add_func ("/anchor/moved", test_moved_text);
  g_test_add_func ("/anchor/disambiguation", test_disambiguation);
  g_test_add_func ("/anchor/whitespace", test_whitespace_changes);
  g_test_add_func ("/anchor/not-found", test_not_found);
  g_test_add_func ("/anchor/same-as-reference", test_same_as_reference);
  g_test_add_func ("/anchor/prepared-reuse", test_prepared_reuse);
  g_test_add_func ("/anchor/budget", test_budget);
  g_test_add_func ("/anchor/dataset-many-citations", test_dataset_many_citations);
  g_test_add_func ("/anchor/bundled-budget", test_bundled_budget);
  g_test_add_func ("/anchor/overlapping-repeats", test_overlapping_repeats);
  g_test_add_func ("/anchor/long-context", test_long_context);
  g_test_add_func ("/anchor/near-matches", test_near_matches);
  g_test_add_func ("/anchor/no-approximate-match", test_no_approximate_match);
  g_test_add_func ("/anchor/quote-longer-than-text", test_quote_longer_than_text);
  g_test_add_func ("/anchor/non-ascii", test_non_ascii);
  g_test_add_func ("/anchor/empty", test_empty);

  return g_test_run ();
}
