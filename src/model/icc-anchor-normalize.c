/* icc-anchor-normalize.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Normalized texts, for approximate matching: the letters and digits of a
 * quote or a text, lowercased, as ids of an alphabet. A text's is kept in
 * its IccAnchorText, with a checkpoint every CHECKPOINT letters or digits
 * (to map them back to characters) and the index of its q-grams
 * (icc-anchor-qgram.c).
 *
 * Bounds: normalizing takes time linear in the text (a few units of work
 * a byte, charged) and at most NORMALIZED_PEAK bytes per byte of it at its
 * peak; kept, 12 bytes per letter or digit and 16 per distinct q-gram.
 * Mapping a letter or digit back to its character reads at most
 * CHECKPOINT of them.
 */

#include "config.h"

#include <string.h>

#include "icc-anchor-private.h"

void
_icc_anchor_alphabet_init (Alphabet *self)
{
  memset (self->ascii, 0, sizeof self->ascii);
  self->others = g_hash_table_new (NULL, NULL);
  self->n_ids = 0;
}

void
_icc_anchor_alphabet_clear (Alphabet *self)
{
  g_clear_pointer (&self->others, g_hash_table_unref);
}

guint32
_icc_anchor_alphabet_lookup (Alphabet *self,
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
guint32 *
_icc_anchor_normalize (const char *utf8,
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
        ids[len++] = _icc_anchor_alphabet_lookup (alphabet, c, add);
    }

  *out_len = len;
  return ids;
}

void
_icc_anchor_normalized_free (Normalized *self)
{
  g_free (self->ids);
  g_free (self->grams);
  g_free (self->gram_ids);
  g_free (self->gram_start);
  g_free (self->gram_positions);
  g_free (self->checkpoint_chars);
  g_free (self->checkpoint_bytes);
  _icc_anchor_alphabet_clear (&self->alphabet);
  g_free (self);
}

/* The letters and digits of the text, lowercased, with a checkpoint every
 * CHECKPOINT of them. */
Normalized *
_icc_anchor_normalize_text (IccAnchorText *self,
                            gint64        *work)
{
  Normalized *norm = g_new0 (Normalized, 1);
  gsize max_checkpoints = self->len / CHECKPOINT + 1;
  const char *p = self->text;
  glong offset = 0, n = 0;

  _icc_anchor_alphabet_init (&norm->alphabet);
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
      norm->ids[n++] = _icc_anchor_alphabet_lookup (&norm->alphabet, c, TRUE);
    }

  norm->n = n;
  norm->ids = g_renew (guint32, norm->ids, n + 1);
  norm->checkpoint_chars = g_renew (glong, norm->checkpoint_chars, n / CHECKPOINT + 1);
  norm->checkpoint_bytes = g_renew (gsize, norm->checkpoint_bytes, n / CHECKPOINT + 1);
  _icc_anchor_number_qgrams (norm);
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
glong
_icc_anchor_normalized_to_offset (IccAnchorText *self,
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
