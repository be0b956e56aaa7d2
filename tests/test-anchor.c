/* test-anchor.c: resolving citations against article text.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "icc-anchor.h"

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

  return g_test_run ();
}
