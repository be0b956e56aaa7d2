/* bench-anchor.c: anchoring citations in adversarial texts.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds adversarial texts of SIZE bytes (1 MiB by default) and times one
 * icc_anchor_resolve() for each kind of hard citation: overlapping repeats,
 * long prefix and suffix compared at every occurrence, many near-matches,
 * a quote that matches nowhere, a quote longer than the text, non-ASCII
 * text. Then builds a dataset file of about SIZE bytes in memory, with
 * articles and citations of those kinds, and times icc_dataset_load_bytes()
 * (parse + validate + anchor), the median of RUNS loads; and the same for
 * a file of many short citations of one long article ("dataset-many").
 * Target (issue: anchoring is quadratic): the 1 MiB file loads in under one
 * second in a release build.
 *
 * Usage: bench-anchor [SIZE [RUNS [KIND...]]]
 * where KIND names the cases to run (all by default; "dataset" and
 * "dataset-many" are the files).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "icc-anchor.h"
#include "icc-dataset-json.h"
#include "bench-util.h"

static const char *words[] = {
  "court", "statute", "state", "party", "withdrawal", "signature", "Rome", "treaty",
  "prosecutor", "investigation", "Crimea", "Kremlin", "decree", "justice", "international",
  "crimes", "jurisdiction", "ratified", "member", "United", "Nations", "Hague",
};

static const char *cyrillic_words[] = {
  "суд", "статут", "государство", "подпись", "Рим", "договор", "прокурор", "Крым",
  "указ", "правосудие", "международный", "преступления", "юрисдикция",
};

static const char *sentence =
  "The Prosecutor opened an investigation into the situation in the State on the date "
  "the declaration accepting the jurisdiction of the Court was lodged with the Registrar";

typedef struct
{
  const char *name;
  char       *text;
  char       *quote;
  char       *prefix;
  char       *suffix;
} Case;

/* @unit repeated, to at most @size bytes. */
static char *
repeat (const char *unit,
        gsize       size)
{
  gsize len = strlen (unit);
  GString *str = g_string_sized_new (size + len);

  while (str->len + len <= size)
    g_string_append (str, unit);

  return g_string_free (str, FALSE);
}

/* Words drawn at random, to about @size bytes. */
static char *
random_words (GRand              *rand,
              const char * const *list,
              guint               n_list,
              gsize               size)
{
  GString *str = g_string_sized_new (size + 32);

  while (str->len < size)
    {
      if (str->len > 0)
        g_string_append_c (str, g_rand_int_range (rand, 0, 12) == 0 ? '.' : ' ');
      g_string_append (str, list[g_rand_int_range (rand, 0, n_list)]);
    }

  return g_string_free (str, FALSE);
}

/* Copies of @sentence, each with one letter changed: every copy nearly
 * matches, none exactly. */
static char *
near_misses (GRand *rand,
             gsize  size)
{
  gsize len = strlen (sentence);
  GString *str = g_string_sized_new (size + len);

  while (str->len + len + 2 <= size)
    {
      gsize at = str->len + g_rand_int_range (rand, 0, len);

      g_string_append (str, sentence);
      g_string_append (str, ". ");
      str->str[at] = 'a' + g_rand_int_range (rand, 0, 26);
    }

  return g_string_free (str, FALSE);
}

/* @sentence with @n letters changed, at fixed places. */
static char *
edited_sentence (guint n)
{
  char *copy = g_strdup (sentence);
  gsize len = strlen (copy);

  for (guint i = 0; i < n; i++)
    copy[(i * 37 + 5) % len] = 'z';

  return copy;
}

/* @n_chars characters of @text from the character at or after byte @at,
 * with one Cyrillic letter (from the hundredth character on) changed if
 * @edit. */
static char *
cyrillic_quote (const char *text,
                gsize       at,
                glong       n_chars,
                gboolean    edit)
{
  const char *start = text + at;
  char *quote;
  char *p;

  while ((*start & 0xc0) == 0x80)
    start++;
  quote = g_strndup (start, g_utf8_offset_to_pointer (start, n_chars) - start);

  if (!edit)
    return quote;

  for (p = g_utf8_offset_to_pointer (quote, 100); *p != '\0'; p = g_utf8_next_char (p))
    {
      if ((guchar)p[0] == 0xd0 && ((guchar)p[1] == 0xb0 || (guchar)p[1] == 0xb1))
        {
          p[1] = (guchar)p[1] == 0xb0 ? '\xb1' : '\xb0';
          break;
        }
    }

  return quote;
}

static GPtrArray *
make_cases (gsize size)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  GPtrArray *cases = g_ptr_array_new ();
  Case *c;

  /* A quote of 1000 "a" in a text of "a": an occurrence at every byte. */
  c = g_new0 (Case, 1);
  c->name = "repeat-exact";
  c->text = repeat ("a", size);
  c->quote = repeat ("a", 1000);
  g_ptr_array_add (cases, c);

  /* The same, with a prefix and a suffix of 20,000 "a" that agree with
   * the text around nearly every occurrence. */
  c = g_new0 (Case, 1);
  c->name = "repeat-context";
  c->text = repeat ("a", size);
  c->quote = repeat ("a", 100);
  c->prefix = repeat ("a", 20000);
  c->suffix = repeat ("a", 20000);
  g_ptr_array_add (cases, c);

  /* A periodic text and a periodic quote, context of 5,000 bytes. */
  c = g_new0 (Case, 1);
  c->name = "periodic-context";
  c->text = repeat ("the court ", size);
  c->quote = repeat ("the court ", 1000);
  c->prefix = repeat ("the court ", 5000);
  c->suffix = repeat ("the court ", 5000);
  g_ptr_array_add (cases, c);

  /* "aaa…ab" in "aaa…a": no exact match, an approximate one everywhere. */
  c = g_new0 (Case, 1);
  c->name = "repeat-approximate";
  c->text = repeat ("a", size);
  c->quote = repeat ("a", 1000);
  c->quote[999] = 'b';
  g_ptr_array_add (cases, c);

  /* A sentence with three letters changed, in a text of copies with one. */
  c = g_new0 (Case, 1);
  c->name = "near-misses";
  c->text = near_misses (rand, size);
  c->quote = edited_sentence (3);
  g_ptr_array_add (cases, c);

  /* A quote of 1,000 characters found nowhere, in words. */
  c = g_new0 (Case, 1);
  c->name = "no-match";
  c->text = random_words (rand, words, G_N_ELEMENTS (words), size);
  c->quote = repeat ("Lorem ipsum dolor sit amet, consectetur adipiscing elit. ", 1000);
  g_ptr_array_add (cases, c);

  /* A quote longer than the text, its start being the text. */
  c = g_new0 (Case, 1);
  c->name = "longer-than-text";
  c->text = random_words (rand, words, G_N_ELEMENTS (words), size);
  c->quote = g_strconcat (c->text, " and more", NULL);
  g_ptr_array_add (cases, c);

  /* Cyrillic words, a quote of them with a letter changed. */
  c = g_new0 (Case, 1);
  c->name = "non-ascii-approximate";
  c->text = random_words (rand, cyrillic_words, G_N_ELEMENTS (cyrillic_words), size);
  c->quote = cyrillic_quote (c->text, size / 2, 200, TRUE);
  g_ptr_array_add (cases, c);

  return cases;
}

static gboolean
wanted (char       **kinds,
        int          n_kinds,
        const char  *name)
{
  if (n_kinds == 0)
    return TRUE;
  for (int i = 0; i < n_kinds; i++)
    if (g_str_equal (kinds[i], name))
      return TRUE;
  return FALSE;
}

static const char *
method_name (IccAnchorMethod method)
{
  switch (method)
    {
    case ICC_ANCHOR_NONE: return "none";
    case ICC_ANCHOR_HINT: return "hint";
    case ICC_ANCHOR_EXACT: return "exact";
    case ICC_ANCHOR_APPROXIMATE: return "approximate";
    default: return "?";
    }
}

static void
append_escaped (GString    *json,
                const char *s)
{
  for (; *s != '\0'; s++)
    {
      if (*s == '"' || *s == '\\')
        g_string_append_c (json, '\\');
      g_string_append_c (json, *s);
    }
}

static void
append_citation (GString    *json,
                 gboolean    first,
                 const char *article,
                 const char *quote,
                 const char *prefix,
                 const char *suffix)
{
  g_string_append_printf (json, "%s{\"article\":\"%s\",\"quote\":\"", first ? "" : ",", article);
  append_escaped (json, quote);
  g_string_append (json, "\"");
  if (prefix != NULL)
    {
      g_string_append (json, ",\"prefix\":\"");
      append_escaped (json, prefix);
      g_string_append (json, "\"");
    }
  if (suffix != NULL)
    {
      g_string_append (json, ",\"suffix\":\"");
      append_escaped (json, suffix);
      g_string_append (json, "\"");
    }
  g_string_append (json, "}");
}

/* A dataset of about @size bytes: four articles of a sixth of it each
 * ("a" repeated, a periodic text, near-misses, Cyrillic words) and, on
 * every event, a citation of each hard kind on them; the first event also
 * quotes a whole article in another. */
static GBytes *
make_dataset (gsize  size,
              guint *n_citations)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  GString *json =
    g_string_new ("{\"format\":\"icc-tracker\",\"version\":1,\"title\":\"Adversarial\",");
  gsize part = size / 6;
  g_autofree char *a_text = repeat ("a", part);
  g_autofree char *periodic = repeat ("the court ", part);
  g_autofree char *misses = near_misses (rand, part);
  g_autofree char *cyrillic = random_words (rand, cyrillic_words, G_N_ELEMENTS (cyrillic_words),
                                            part);
  const char *texts[] = { a_text, periodic, misses, cyrillic };
  g_autofree char *a_quote = repeat ("a", 1000);
  g_autofree char *a_context = repeat ("a", 10000);
  g_autofree char *a_almost = g_strconcat (a_quote, "b", NULL);
  g_autofree char *p_quote = repeat ("the court ", 500);
  g_autofree char *p_context = repeat ("the court ", 5000);
  g_autofree char *edited = edited_sentence (3);
  g_autofree char *c_edited = cyrillic_quote (cyrillic, part / 2, 200, TRUE);
  g_autofree char *c_quote = cyrillic_quote (cyrillic, part / 3, 200, FALSE);
  g_autofree char *nowhere = repeat ("Lorem ipsum dolor sit amet. ", 1000);
  guint n = 0;

  g_string_append (json, "\"articles\":[");
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_string_append_printf (json, "%s{\"id\":\"a%u\",\"title\":\"Article %u\",\"text\":\"",
                              i > 0 ? "," : "", i, i);
      append_escaped (json, texts[i]);
      g_string_append (json, "\"}");
    }
  g_string_append (json, "],\"states\":[{\"code\":\"RU\",\"name\":\"Russia\"}],\"events\":[");

  /* Events until the file reaches @size. */
  for (guint e = 0; json->len < size; e++)
    {
      g_string_append_printf (json, "%s{\"id\":\"e%u\",\"date\":\"2016-11-16\",\"kind\":\"other\","
                              "\"states\":[\"RU\"],\"title\":\"Event %u\",\"citations\":[",
                              e > 0 ? "," : "", e, e);
      append_citation (json, TRUE, "a0", a_quote, NULL, NULL);
      append_citation (json, FALSE, "a0", a_quote, a_context, a_context);
      append_citation (json, FALSE, "a0", a_almost, NULL, NULL);
      append_citation (json, FALSE, "a1", p_quote, p_context, p_context);
      append_citation (json, FALSE, "a2", edited, NULL, NULL);
      append_citation (json, FALSE, "a2", nowhere, NULL, NULL);
      append_citation (json, FALSE, "a3", c_quote, NULL, NULL);
      append_citation (json, FALSE, "a3", c_edited, NULL, NULL);
      n += 8;
      /* Once: a quote as long as a whole (other) article. */
      if (e == 0)
        {
          append_citation (json, FALSE, "a3", misses, NULL, NULL);
          n++;
        }
      g_string_append (json, "]}");
    }
  g_string_append (json, "]}");

  *n_citations = n;
  return g_string_free_to_bytes (json);
}

/* A dataset of about @size bytes: one article of half of it, in words, and
 * short citations without hints filling the other half, every other one
 * with a letter changed. Each citation is linear in the article, so the
 * file is quadratic in its size. */
static GBytes *
make_many_dataset (gsize  size,
                   guint *n_citations)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);
  GString *json = g_string_new ("{\"format\":\"icc-tracker\",\"version\":1,\"title\":\"Many\",");
  g_autofree char *text = random_words (rand, words, G_N_ELEMENTS (words), size / 2);
  gsize len = strlen (text);
  guint n = 0;

  g_string_append_printf (json, "\"articles\":[{\"id\":\"a0\",\"title\":\"Article\","
                          "\"text\":\"%s\"}],", text);
  g_string_append (json, "\"states\":[{\"code\":\"RU\",\"name\":\"Russia\"}],\"events\":[");

  for (guint e = 0; json->len < size; e++)
    {
      gsize at = g_rand_int_range (rand, 0, len - 40);
      g_autofree char *quote = g_strndup (text + at, 40);

      if (e % 2 == 1)
        quote[20] = quote[20] == 'x' ? 'y' : 'x';
      g_string_append_printf (json, "%s{\"id\":\"e%u\",\"date\":\"2016-11-16\",\"kind\":\"other\","
                              "\"states\":[\"RU\"],\"title\":\"Event %u\",\"citations\":[",
                              e > 0 ? "," : "", e, e);
      append_citation (json, TRUE, "a0", quote, NULL, NULL);
      g_string_append (json, "]}");
      n++;
    }
  g_string_append (json, "]}");

  *n_citations = n;
  return g_string_free_to_bytes (json);
}

static void
time_load (const char *name,
           GBytes     *bytes,
           guint       n_citations,
           guint       runs)
{
  g_autofree double *load_ms = g_new0 (double, MAX (runs, 1));

  for (guint r = 0; r < MAX (runs, 1); r++)
    {
      g_autoptr(IccDataset) dataset = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      gint64 t0, t1;

      t0 = g_get_monotonic_time ();
      dataset = icc_dataset_load_bytes (bytes, &problems, &error);
      t1 = g_get_monotonic_time ();
      if (dataset == NULL)
        g_error ("load failed: %s", error->message);
      load_ms[r] = (t1 - t0) / 1000.0;
      if (r == 0)
        printf ("%s: %zu bytes, %u citations, %u problems\n", name,
                g_bytes_get_size (bytes), n_citations, problems != NULL ? problems->len : 0);
    }
  bench_sort_doubles (load_ms, MAX (runs, 1));
  printf ("%s_load median_ms=%.1f\n", name, load_ms[MAX (runs, 1) / 2]);
}

int
main (int   argc,
      char *argv[])
{
  gsize size = argc > 1 ? strtoul (argv[1], NULL, 10) : 1024 * 1024;
  guint runs = argc > 2 ? atoi (argv[2]) : 3;
  char **kinds = argc > 3 ? argv + 3 : NULL;
  int n_kinds = argc > 3 ? argc - 3 : 0;
  g_autoptr(GPtrArray) cases = make_cases (size);

  printf ("size: %zu bytes\n", size);

  for (guint i = 0; i < cases->len; i++)
    {
      Case *c = g_ptr_array_index (cases, i);
      int start = -1, end = -1;
      IccAnchorMethod method;
      gint64 t0, t1;

      if (wanted (kinds, n_kinds, c->name))
        {
          t0 = g_get_monotonic_time ();
          method = icc_anchor_resolve (c->text, c->quote, c->prefix, c->suffix, -1, -1,
                                       &start, &end);
          t1 = g_get_monotonic_time ();
          printf ("%-22s %10.1f ms  %s [%d, %d)\n", c->name, (t1 - t0) / 1000.0,
                  method_name (method), start, end);
          fflush (stdout);
        }

      g_free (c->text);
      g_free (c->quote);
      g_free (c->prefix);
      g_free (c->suffix);
      g_free (c);
    }

  if (wanted (kinds, n_kinds, "dataset"))
    {
      guint n_citations;
      g_autoptr(GBytes) bytes = make_dataset (size, &n_citations);

      time_load ("dataset", bytes, n_citations, runs);
    }

  if (wanted (kinds, n_kinds, "dataset-many"))
    {
      guint n_citations;
      g_autoptr(GBytes) bytes = make_many_dataset (size, &n_citations);

      time_load ("dataset-many", bytes, n_citations, runs);
    }

  return 0;
}
