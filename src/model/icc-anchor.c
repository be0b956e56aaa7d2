/* icc-anchor.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A citation is looked for in three steps, each bounded for any input (n is
 * the length of the text, m of the quote, c of the prefix and suffix):
 *
 * - The offset hint: O(m) on a prepared text (a checkpoint every
 *   CHECKPOINT characters finds the hint's byte).
 * - An exact match: every occurrence of the quote, scored by how many bytes
 *   of the prefix end right before it and of the suffix start right after
 *   it. Occurrences may overlap ("aaa" in "aaaa…") and contexts may agree
 *   over long stretches at each of them, so neither is compared one
 *   occurrence at a time: the lengths of agreement of a pattern with every
 *   position of the text come from the pattern's Z-array, in one pass that
 *   never compares a byte of the text twice. Only the positions where the
 *   quote's byte rarest in the text falls in place are tried, found by
 *   memchr(); without context, the search stops at the first occurrence at
 *   or past the hint. O(n + m + c) time (strstr() is not: glibc's takes
 *   O(nm) on some periodic texts); memory 4 bytes per occurrence and 8 per
 *   byte of the quote and context.
 * - An approximate match, on letters and digits only, case-folded: the
 *   substring of the text with the fewest edits from the quote (Sellers),
 *   if it scores at least MIN_APPROXIMATE_SCORE, so within k edits for a
 *   k of about 15% of the quote. A q-gram filter keeps only the stretches
 *   of text that may hold such a substring, looking only at the
 *   occurrences of the q-grams that may count (the text's index of
 *   q-grams lists them): O(n/64 + those occurrences + the windows where
 *   enough of them lie together), at most about one pass over the text.
 *   Myers' bit-parallel algorithm computes the edit distances over the
 *   stretches, 64 rows at a time; the start of the best match is traced in
 *   a band of 2d + 1 cells per row, for d its distance. Time O(n + m +
 *   r⌈m/64⌉ + md) for r the length of the stretches kept; memory O(n + m).
 *   The last two terms are what adversarial inputs (a text of near
 *   matches, a huge quote) make large: past APPROXIMATE_BUDGET, only a
 *   match without edits (Knuth-Morris-Pratt, linear) is looked for, and
 *   the citation is otherwise an orphan.
 *
 * Each step is still linear in the text, so a file of many citations of
 * one long article would take citations × length. An IccAnchorText does
 * once per article what does not depend on the citation: validation,
 * checkpoints, byte counts and, on first need, the normalized letters and
 * digits with an index of their q-grams (12 bytes per letter or digit, 16
 * per distinct q-gram). An IccAnchorBudget bounds what all the citations
 * of one indexing may spend, in units of work of a nanosecond or two: a
 * byte compared, a character or q-gram looked at, a call, a word of
 * Myers' algorithm, a cell of the band (weighted as below). Past
 * TOTAL_EXACT_BUDGET units of exact matching, only hints anchor; past
 * TOTAL_APPROXIMATE_BUDGET units of approximate matching, only hints and
 * exact matches do. A step starts only if its pool is not spent, and is
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

#include "icc-anchor.h"

/* Below this score an approximate match is not a match: the citation is an
 * orphan rather than silently moved to a look-alike passage. */
#define MIN_APPROXIMATE_SCORE 0.85

/* The most work an approximate match may take, in 64-cell words of Myers'
 * algorithm, or in cells of the traced band: about 0.1 s each. Enough for
 * a quote of 1,000 letters in a text of a million near matches. */
#define APPROXIMATE_BUDGET (G_GINT64_CONSTANT (1) << 24)

/* The pools of an IccAnchorBudget, for all the citations of one indexing,
 * in the units above: about 1 s of work each (see the top of the file). */
#define TOTAL_EXACT_BUDGET (G_GINT64_CONSTANT (1) << 29)
#define TOTAL_APPROXIMATE_BUDGET (G_GINT64_CONSTANT (1) << 30)
#define TOTAL_MEMORY_BUDGET (G_GINT64_CONSTANT (128) << 20)

/* The most bytes normalizing a text takes at its peak, per byte of the
 * text: 4 per byte, then 8 per letter or digit (ids, q-gram numbers), 12
 * per distinct q-gram (their ids) and 16 while they are numbered (a hash
 * table at most half full), there being at most one per letter. Kept, it
 * takes 12 bytes per letter or digit (ids, q-gram numbers, where each
 * starts) and 16 per distinct q-gram: for most texts, far fewer. */
#define NORMALIZED_PEAK 36

/* Bytes skipped by memchr() or counted in bulk, per unit of work; units
 * of work per call comparing or searching (each costs more than the bytes
 * it compares), per word of Myers' algorithm, per cell of the traced band. */
#define BULK_BYTES 16
#define CALL_WORK 4
#define MYERS_WORD_WORK 3
#define BAND_CELL_WORK 2

/* The length of the q-grams of the filter. */
#define QGRAM 3

/* The size of the filter's table of q-gram counts, as a power of two,
 * and how many more buckets it has for the q-grams a quote does not need. */
#define QGRAM_MIN_BITS 8
#define QGRAM_MAX_BITS 16
#define SPARE 8

/* Characters between two of the positions a prepared text keeps. */
#define CHECKPOINT 64

static glong
distance_to_hint (glong pos,
                  int   hint_start)
{
  if (hint_start < 0)
    return 0;
  return ABS (pos - (glong)hint_start);
}

/* Characters. */

/* The characters of a quote (or a text), numbered from 1; 0 stands for
 * every character not in it. */
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

/* Prepared texts. */

/* A text's letters and digits, normalized: @n ids of @alphabet. The
 * q-gram starting at letter i is q-gram number grams[i], made of the ids
 * gram_ids[QGRAM grams[i]] onwards; the letters where q-gram g starts are
 * gram_positions[gram_start[g]] to gram_positions[gram_start[g + 1] - 1]. */
typedef struct
{
  guint32  *ids;
  glong     n;
  Alphabet  alphabet;
  guint32  *grams;
  guint32  *gram_ids;
  guint32   n_grams;
  guint32  *gram_start;
  guint32  *gram_positions;
  glong    *checkpoint_chars;  /* Of letter or digit i × CHECKPOINT: its character offset, */
  gsize    *checkpoint_bytes;  /* and its byte offset. */
  gint64    size;              /* The bytes it takes, about. */
} Normalized;

struct _IccAnchorText
{
  const char *text;
  gsize       len;          /* In bytes. */
  glong       n_chars;
  gboolean    valid;        /* Valid UTF-8: nothing is found in an invalid text. */
  gsize      *char_bytes;   /* Byte offset of character i × CHECKPOINT (≤ n_chars), or */
                            /* NULL if the text is ASCII. */
  gsize      *byte_counts;  /* How often each byte occurs: on first exact search. */
  Normalized *normalized;   /* On first approximate search, if the memory budget allows. */
};

static void
normalized_free (Normalized *self)
{
  g_free (self->ids);
  g_free (self->grams);
  g_free (self->gram_ids);
  g_free (self->gram_start);
  g_free (self->gram_positions);
  g_free (self->checkpoint_chars);
  g_free (self->checkpoint_bytes);
  alphabet_clear (&self->alphabet);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Normalized, normalized_free)

static inline gboolean
is_char_start (guchar byte)
{
  return (byte & 0xc0) != 0x80;
}

/* How many characters start in [@from, @to). */
static gsize
count_chars (const char *from,
             const char *to)
{
  gsize count = 0;

  /* Simple enough for the compiler to vectorize. */
  for (const char *p = from; p < to; p++)
    count += is_char_start (*p);

  return count;
}

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
      if (!is_char_start (text[i]))
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
  g_clear_pointer (&self->normalized, normalized_free);
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
static glong
byte_to_offset (IccAnchorText *self,
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

  return lo * CHECKPOINT + count_chars (self->text + self->char_bytes[lo], self->text + at);
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
static void
number_qgrams (Normalized *norm)
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

/* The letters and digits of the text, lowercased, with a checkpoint every
 * CHECKPOINT of them. */
static Normalized *
normalize_text (IccAnchorText *self,
                gint64        *work)
{
  Normalized *norm = g_new0 (Normalized, 1);
  gsize max_checkpoints = self->len / CHECKPOINT + 1;
  const char *p = self->text;
  glong offset = 0, n = 0;

  alphabet_init (&norm->alphabet);
  norm->ids = g_new (guint32, self->len + 1);
  norm->checkpoint_chars = g_new (glong, max_checkpoints);
  norm->checkpoint_bytes = g_new (gsize, max_checkpoints);

  for (; *p != '\0'; offset++)
    {
      const char *at = p;
      gunichar c = read_normal_char (&p);

      if (c == 0)
        continue;
      if (n % CHECKPOINT == 0)
        {
          norm->checkpoint_chars[n / CHECKPOINT] = offset;
          norm->checkpoint_bytes[n / CHECKPOINT] = at - self->text;
        }
      norm->ids[n++] = alphabet_lookup (&norm->alphabet, c, TRUE);
    }

  norm->n = n;
  norm->ids = g_renew (guint32, norm->ids, n + 1);
  norm->checkpoint_chars = g_renew (glong, norm->checkpoint_chars, n / CHECKPOINT + 1);
  norm->checkpoint_bytes = g_renew (gsize, norm->checkpoint_bytes, n / CHECKPOINT + 1);
  number_qgrams (norm);
  norm->size = sizeof (Normalized) + 3 * (n + 1) * sizeof (guint32) +
               (gint64)norm->n_grams * (QGRAM + 1) * sizeof (guint32) +
               (n / CHECKPOINT + 1) * (sizeof (glong) + sizeof (gsize)) +
               (gint64)norm->alphabet.n_ids * 32;

  /* Decoding and classifying each character, numbering each q-gram: a few
   * units a byte. */
  *work += 4 * (gint64)self->len + 4 * n;

  return norm;
}

/* The character offset of letter or digit @letter. */
static glong
normalized_to_offset (IccAnchorText *self,
                      Normalized    *norm,
                      glong          letter,
                      gint64        *work)
{
  glong checkpoint = letter / CHECKPOINT;
  glong normalized = checkpoint * CHECKPOINT;
  glong offset = norm->checkpoint_chars[checkpoint];
  const char *p = self->text + norm->checkpoint_bytes[checkpoint];
  const char *from = p;

  for (; *p != '\0'; offset++)
    {
      if (read_normal_char (&p) == 0)
        continue;
      if (normalized == letter)
        {
          *work += p - from;
          return offset;
        }
      normalized++;
    }

  g_assert_not_reached ();
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
static gboolean
find_exact_bytes (IccAnchorText *self,
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
  offset = byte_to_offset (self, first_at);
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
          offset += count_chars (text + at, text + next_at);
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
          offset -= count_chars (text + at, text + prev_at);
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

/* Approximate matching. */

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
static glong
filter (Normalized    *norm,
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
        to_quote[alphabet_lookup (&norm->alphabet, c, FALSE)] = alphabet->ascii[c];
    }
  g_hash_table_iter_init (&iter, alphabet->others);
  while (g_hash_table_iter_next (&iter, &key, &value))
    to_quote[alphabet_lookup (&norm->alphabet, GPOINTER_TO_UINT (key), FALSE)] =
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
static gboolean
find_approximate (IccAnchorText   *self,
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

  alphabet_init (&alphabet);
  nquote = normalize (quote, &alphabet, TRUE, &m);
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
      norm = normalize_text (self, work);
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
      region_length = filter (norm, to_quote, nquote, m, k, regions, work);
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
      *out_start = normalized_to_offset (self, norm, start, work);
      *out_end = normalized_to_offset (self, norm, end - 1, work) + 1;
    }
  alphabet_clear (&alphabet);

  return found;
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

      if (find_exact_bytes (text, quote, prefix, suffix, hint_start, &work, &start))
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

      if (find_approximate (text, budget, quote, &work, &start, &end))
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
