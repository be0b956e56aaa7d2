/* icc-anchor-private.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* What the files of citation anchoring share (icc-anchor.c describes the
 * three steps, their bounds and the budget):
 *
 *  icc-anchor.c              the public API: prepared texts, the budget,
 *                            resolving a citation (and its offset hint)
 *  icc-anchor-exact.c        exact matching, context agreement
 *  icc-anchor-normalize.c    letters and digits, normalized
 *  icc-anchor-qgram.c        the q-gram index of a normalized text, and the
 *                            q-gram filter
 *  icc-anchor-approximate.c  approximate matching: Myers' algorithm, the
 *                            traced band
 *
 * The constants, the prepared text's fields and the functions below; each
 * file's top says what it keeps within which bounds.
 */

#include <glib.h>

#include "icc-anchor.h"

G_BEGIN_DECLS

/* Bytes skipped by memchr() or counted in bulk, per unit of work; units
 * of work per call comparing or searching (each costs more than the bytes
 * it compares), per word of Myers' algorithm, per cell of the traced band. */
#define BULK_BYTES 16
#define CALL_WORK 4
#define MYERS_WORD_WORK 3
#define BAND_CELL_WORK 2

/* The pools of an IccAnchorBudget, for all the citations of one indexing,
 * in the units above: about 1 s of work each (see the top of
 * icc-anchor.c). */
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

/* The length of the q-grams of the filter. */
#define QGRAM 3

/* Characters between two of the positions a prepared text keeps. */
#define CHECKPOINT 64

/* The characters of a quote (or a text), numbered from 1; 0 stands for
 * every character not in it. */
typedef struct
{
  guint32     ascii[128];
  GHashTable *others;
  guint32     n_ids;
} Alphabet;

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

static inline gboolean
anchor_is_char_start (guchar byte)
{
  return (byte & 0xc0) != 0x80;
}

/* How many characters start in [@from, @to). */
static inline gsize
anchor_count_chars (const char *from,
                    const char *to)
{
  gsize count = 0;

  /* Simple enough for the compiler to vectorize. */
  for (const char *p = from; p < to; p++)
    count += anchor_is_char_start (*p);

  return count;
}

void           _icc_anchor_alphabet_init        (Alphabet        *self);
void           _icc_anchor_alphabet_clear       (Alphabet        *self);
guint32        _icc_anchor_alphabet_lookup      (Alphabet        *self,
                                                 gunichar         c,
                                                 gboolean         add);
guint32       *_icc_anchor_normalize            (const char      *utf8,
                                                 Alphabet        *alphabet,
                                                 gboolean         add,
                                                 glong           *out_len);
Normalized    *_icc_anchor_normalize_text       (IccAnchorText   *self,
                                                 gint64          *work);
void           _icc_anchor_normalized_free      (Normalized      *self);
glong          _icc_anchor_normalized_to_offset (IccAnchorText   *self,
                                                 Normalized      *norm,
                                                 glong            letter,
                                                 gint64          *work);

void           _icc_anchor_number_qgrams        (Normalized      *norm);
glong          _icc_anchor_filter               (Normalized      *norm,
                                                 const guint32   *to_quote,
                                                 const guint32   *pattern,
                                                 glong            m,
                                                 glong            k,
                                                 GArray          *regions,
                                                 gint64          *work);

glong          _icc_anchor_byte_to_offset       (IccAnchorText   *self,
                                                 gsize            at);
gboolean       _icc_anchor_find_exact_bytes     (IccAnchorText   *self,
                                                 const char      *quote,
                                                 const char      *prefix,
                                                 const char      *suffix,
                                                 int              hint_start,
                                                 gint64          *work,
                                                 glong           *out_start);
gboolean       _icc_anchor_find_approximate     (IccAnchorText   *self,
                                                 IccAnchorBudget *budget,
                                                 const char      *quote,
                                                 gint64          *work,
                                                 glong           *out_start,
                                                 glong           *out_end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Normalized, _icc_anchor_normalized_free)

G_END_DECLS
