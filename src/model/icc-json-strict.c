/* icc-json-strict.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "icc-json-strict.h"

/* json-glib 1.6 parses with GScanner, which accepts much that is not JSON:
 * comments, single-quoted strings, octal and hexadecimal numbers, leading
 * zeros and "\NNN" escapes (which can put invalid UTF-8 in a string). It
 * also parses recursively, so deep enough nesting overflows the stack, and
 * its errors can quote invalid UTF-8. This checker runs first: it accepts
 * exactly the JSON of RFC 8259, in one pass, in constant memory (but for
 * one byte and one offset per level of nesting), without recursion; so
 * json-glib only ever sees strict, bounded JSON.
 *
 * It also refuses two things RFC 8259 allows but our files cannot hold: a
 * "\u0000" escape (strings are C strings) and an escape of a lone UTF-16
 * surrogate (not a character: it would become invalid UTF-8). */

typedef enum
{
  WANT_VALUE,
  WANT_VALUE_OR_CLOSE,    /* right after "[" */
  WANT_VALUE_AFTER_COMMA, /* in an array */
  WANT_KEY,
  WANT_KEY_OR_CLOSE,      /* right after "{" */
  WANT_COLON,
  WANT_COMMA_OR_CLOSE,
  WANT_END,
} State;

typedef struct
{
  const char *data;
  gsize       size;
  gsize       pos;
  gsize       error_offset;
  char       *error_message;
} Checker;

static gboolean fail (Checker    *self,
                      gsize       offset,
                      const char *format,
                      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (Checker    *self,
      gsize       offset,
      const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  self->error_offset = offset;
  self->error_message = g_strdup_vprintf (format, args);
  va_end (args);

  return FALSE;
}

/* The character at @offset, for a message: “x”, or U+XXXX when it is not
 * printable. @data is valid UTF-8. */
static char *
describe_char (const char *data,
               gsize       size,
               gsize       offset)
{
  gunichar c = g_utf8_get_char_validated (data + offset, (gssize)(size - offset));
  char buf[8] = { 0 };

  if (c == (gunichar)-1 || c == (gunichar)-2)
    return g_strdup_printf ("0x%02X", (guchar)data[offset]);

  if (!g_unichar_isgraph (c))
    return g_strdup_printf ("U+%04X", c);

  g_unichar_to_utf8 (c, buf);

  return g_strdup_printf ("“%s”", buf);
}

static gboolean
unexpected (Checker    *self,
            const char *expected)
{
  const char *data = self->data;
  gsize pos = self->pos;
  g_autofree char *what = NULL;

  switch (data[pos])
    {
    case '/':
      return fail (self, pos, _("comments are not allowed in JSON"));
    case '\'':
      return fail (self, pos, _("strings must be in double quotes (\"), not single quotes"));
    default:
      break;
    }

  what = describe_char (data, self->size, pos);

  /* Translators: the first %s is a character (“x” or U+0001), the second
   * what was expected instead, for example “a value”. */
  return fail (self, pos, _("unexpected %s, expected %s"), what, expected);
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Reads the four hex digits of a "\u" escape at @pos (the backslash). */
static gboolean
read_unicode_escape (Checker *self,
                     gsize    pos,
                     guint   *value)
{
  *value = 0;

  if (self->size - pos < 6)
    return fail (self, pos, _("a \\u escape needs four hexadecimal digits"));

  for (guint i = 2; i < 6; i++)
    {
      int digit = hex_value (self->data[pos + i]);

      if (digit < 0)
        return fail (self, pos, _("a \\u escape needs four hexadecimal digits"));
      *value = *value * 16 + (guint)digit;
    }

  return TRUE;
}

/* A string from its opening quote at self->pos; leaves self->pos after the
 * closing quote. */
static gboolean
check_string (Checker *self)
{
  const char *data = self->data;
  gsize start = self->pos;
  gsize i = start + 1;
  /* The next quote at or after i, found once and again only when passed,
   * so that a string of many escapes is not scanned again for each. */
  const char *quote = NULL;
  gboolean no_quote = FALSE;

  for (;;)
    {
      const char *special;
      const char *backslash;
      guchar c;

      /* Most of a string is plain text: skip to the next quote or
       * backslash, then check the skipped bytes for control characters. */
      if (!no_quote && (quote == NULL || quote < data + i))
        {
          quote = memchr (data + i, '"', self->size - i);
          no_quote = quote == NULL;
        }
      special = quote;
      backslash = memchr (data + i, '\\', (quote != NULL ? (gsize)(quote - data) : self->size) - i);
      if (backslash != NULL)
        special = backslash;

      {
        gsize stop = special != NULL ? (gsize)(special - data) : self->size;

        for (; i < stop; i++)
          if ((guchar)data[i] < 0x20)
            {
              if (data[i] == '\n')
                return fail (self, start,
                             _("a string is not closed on its line (a line break in a "
                               "string must be written \\n)"));
              return fail (self, i,
                           _("control character U+%04X in a string (write it as a \\u "
                             "escape)"), (guint)(guchar)data[i]);
            }
      }

      if (special == NULL)
        return fail (self, start, _("a string is not closed"));

      i = (gsize)(special - data);
      c = (guchar)data[i];

      if (c == '"')
        {
          self->pos = i + 1;
          return TRUE;
        }

      /* A backslash. */
      if (i + 1 >= self->size)
        return fail (self, start, _("a string is not closed"));

      switch (data[i + 1])
        {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          i += 2;
          break;

        case 'u':
          {
            guint value;

            if (!read_unicode_escape (self, i, &value))
              return FALSE;

            if (value == 0)
              return fail (self, i, _("the escape \\u0000 (a NUL character) is not allowed"));

            if (value >= 0xdc00 && value <= 0xdfff)
              return fail (self, i, _("the escape \\u%04X is half of a UTF-16 surrogate pair "
                                      "without its first half"), value);

            if (value >= 0xd800 && value <= 0xdbff)
              {
                guint low;

                if (self->size - i < 12 || data[i + 6] != '\\' || data[i + 7] != 'u' ||
                    !read_unicode_escape (self, i + 6, &low) ||
                    low < 0xdc00 || low > 0xdfff)
                  {
                    g_clear_pointer (&self->error_message, g_free);
                    return fail (self, i, _("the escape \\u%04X is half of a UTF-16 surrogate "
                                            "pair without its second half"), value);
                  }
                i += 12;
              }
            else
              i += 6;
          }
          break;

        default:
          {
            g_autofree char *what = describe_char (data, self->size, i + 1);

            /* Translators: %s is a character, as in “x” or U+0001. */
            return fail (self, i, _("invalid escape: a backslash followed by %s (JSON allows "
                                    "\\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX)"), what);
          }
        }
    }
}

static gsize
skip_digits (const char *data,
             gsize       size,
             gsize       pos)
{
  while (pos < size && g_ascii_isdigit (data[pos]))
    pos++;
  return pos;
}

/* Whether the @len decimal digits at @digits (no leading zero) are at most
 * G_MAXINT64, or at most -G_MININT64 when @negative. */
static gboolean
fits_in_int64 (const char *digits,
               gsize       len,
               gboolean    negative)
{
  const char *limit = negative ? "9223372036854775808" : "9223372036854775807";

  if (len != strlen (limit))
    return len < strlen (limit);

  return memcmp (digits, limit, len) <= 0;
}

/* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static gboolean
check_number (Checker *self)
{
  const char *data = self->data;
  gsize size = self->size;
  gsize start = self->pos;
  gsize i = start;
  gsize digits_start, digits_end;
  gboolean fraction_or_exponent = FALSE;

  if (data[i] == '-')
    i++;

  if (i >= size || !g_ascii_isdigit (data[i]))
    return fail (self, start, _("a number needs a digit after its minus sign"));

  digits_start = i;
  if (data[i] == '0')
    {
      i++;
      if (i < size && (data[i] == 'x' || data[i] == 'X'))
        return fail (self, start, _("hexadecimal numbers are not allowed in JSON"));
      if (i < size && g_ascii_isdigit (data[i]))
        return fail (self, start, _("a number cannot start with 0 (octal numbers and leading "
                                    "zeros are not allowed in JSON)"));
    }
  else
    i = skip_digits (data, size, i);
  digits_end = i;

  if (i < size && data[i] == '.')
    {
      gsize digits = ++i;

      fraction_or_exponent = TRUE;
      i = skip_digits (data, size, i);
      if (i == digits)
        return fail (self, start, _("a number needs a digit after its decimal point"));
    }

  if (i < size && (data[i] == 'e' || data[i] == 'E'))
    {
      gsize digits;

      fraction_or_exponent = TRUE;
      i++;
      if (i < size && (data[i] == '+' || data[i] == '-'))
        i++;
      digits = i;
      i = skip_digits (data, size, i);
      if (i == digits)
        return fail (self, start, _("a number needs a digit in its exponent"));
    }

  /* An integer json-glib cannot hold in a gint64 would be read as another
   * number (it gives -1 for 2^64 + 1), and so saved changed. */
  if (!fraction_or_exponent && !fits_in_int64 (data + digits_start, digits_end - digits_start,
                                               data[start] == '-'))
    return fail (self, start, _("the integer is too large: integers must be between "
                                "-9223372036854775808 and 9223372036854775807 (write a "
                                "larger number with an exponent, as in 1e20)"));

  self->pos = i;

  return TRUE;
}

static gboolean
check_literal (Checker *self)
{
  static const char * const literals[] = { "true", "false", "null" };
  const char *data = self->data + self->pos;
  gsize left = self->size - self->pos;

  for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
    {
      gsize len = strlen (literals[i]);

      if (left >= len && memcmp (data, literals[i], len) == 0 &&
          (left == len || !g_ascii_isalnum (data[len])))
        {
          self->pos += len;
          return TRUE;
        }
    }

  return fail (self, self->pos, _("unknown word: text must be in double quotes, and the "
                                  "only words JSON knows are true, false and null"));
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

/**
 * icc_json_check_strict:
 * @data: the bytes, valid UTF-8 (the caller checks it first)
 * @size: their length
 * @max_depth: the deepest nesting of arrays and objects accepted
 * @error_offset: (out): where the first problem is, in bytes
 * @error_message: (out): what it is, translated
 *
 * Checks that @data is exactly one JSON text as RFC 8259 defines it, and
 * nested at most @max_depth levels deep.
 *
 * Returns: %TRUE when it is; otherwise %FALSE, with @error_offset and
 *   @error_message set
 */
gboolean
icc_json_check_strict (const char  *data,
                       gsize        size,
                       guint        max_depth,
                       gsize       *error_offset,
                       char       **error_message)
{
  g_autofree guint8 *is_object = NULL;
  g_autofree gsize *opened_at = NULL;
  Checker self = { data, size, 0, 0, NULL };
  State state = WANT_VALUE;
  gsize comma_at = 0;
  gsize value_end = 0;
  guint depth = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (data != NULL || size == 0, FALSE);
  g_return_val_if_fail (error_offset != NULL, FALSE);
  g_return_val_if_fail (error_message != NULL, FALSE);

  is_object = g_new (guint8, max_depth + 1);
  opened_at = g_new (gsize, max_depth + 1);

  while (ok)
    {
      char c;

      while (self.pos < size && is_space (data[self.pos]))
        self.pos++;

      if (self.pos >= size)
        {
          if (state == WANT_END)
            break;

          if (depth > 0)
            ok = fail (&self, opened_at[depth - 1],
                       is_object[depth - 1] ? _("this object is not closed: the file ends "
                                                "before its “}”")
                                            : _("this array is not closed: the file ends "
                                                "before its “]”"));
          else
            ok = fail (&self, size, _("the file is empty"));
          break;
        }

      c = data[self.pos];

      switch (state)
        {
        case WANT_VALUE_OR_CLOSE:
        case WANT_KEY_OR_CLOSE:
          if (c == (state == WANT_KEY_OR_CLOSE ? '}' : ']'))
            {
              self.pos++;
              value_end = self.pos;
              depth--;
              state = depth == 0 ? WANT_END : WANT_COMMA_OR_CLOSE;
              continue;
            }
          if (state == WANT_KEY_OR_CLOSE)
            {
              state = WANT_KEY;
              continue;
            }
          G_GNUC_FALLTHROUGH;

        case WANT_VALUE:
        case WANT_VALUE_AFTER_COMMA:
          if (c == '{' || c == '[')
            {
              if (depth >= max_depth)
                {
                  /* Translators: %u is a number of levels of nesting. */
                  ok = fail (&self, self.pos, _("arrays and objects are nested too deeply "
                                                "(more than %u levels)"), max_depth);
                  break;
                }
              is_object[depth] = c == '{';
              opened_at[depth] = self.pos;
              depth++;
              self.pos++;
              state = c == '{' ? WANT_KEY_OR_CLOSE : WANT_VALUE_OR_CLOSE;
              continue;
            }

          if (c == ']' && state == WANT_VALUE_AFTER_COMMA)
            {
              ok = fail (&self, comma_at, _("a comma before a closing bracket is not allowed "
                                            "in JSON"));
              break;
            }

          if (c == '"')
            ok = check_string (&self);
          else if (c == '-' || g_ascii_isdigit (c))
            ok = check_number (&self);
          else if (g_ascii_isalpha (c))
            ok = check_literal (&self);
          else
            ok = unexpected (&self, _("a value (a string, number, object, array, true, "
                                      "false or null)"));

          value_end = self.pos;
          state = depth == 0 ? WANT_END : WANT_COMMA_OR_CLOSE;
          break;

        case WANT_KEY:
          if (c == '"')
            {
              ok = check_string (&self);
              state = WANT_COLON;
            }
          else if (c == '}')
            ok = fail (&self, comma_at, _("a comma before a closing bracket is not allowed "
                                          "in JSON"));
          else
            ok = unexpected (&self, _("a field name in double quotes"));
          break;

        case WANT_COLON:
          if (c == ':')
            {
              self.pos++;
              state = WANT_VALUE;
            }
          else
            ok = unexpected (&self, _("“:” after the field name"));
          break;

        case WANT_COMMA_OR_CLOSE:
          if (c == ',')
            {
              comma_at = self.pos++;
              state = is_object[depth - 1] ? WANT_KEY : WANT_VALUE_AFTER_COMMA;
            }
          else if (c == (is_object[depth - 1] ? '}' : ']'))
            {
              self.pos++;
              value_end = self.pos;
              depth--;
              state = depth == 0 ? WANT_END : WANT_COMMA_OR_CLOSE;
            }
          else if (c == '"' || c == '{' || c == '[' || c == '-' || g_ascii_isalnum (c))
            /* Another value: a comma was forgotten. Said where it belongs,
             * which is where the person who forgot it will look. */
            ok = fail (&self, value_end, is_object[depth - 1]
                                         ? _("a “,” or “}” is missing here, after a value")
                                         : _("a “,” or “]” is missing here, after a value"));
          else
            ok = unexpected (&self, is_object[depth - 1] ? _("“,” or “}”") : _("“,” or “]”"));
          break;

        case WANT_END:
        default:
          ok = fail (&self, self.pos, _("unexpected text after the end of the JSON value"));
          break;
        }
    }

  *error_offset = self.error_offset;
  *error_message = self.error_message;

  return ok;
}

gboolean
icc_utf8_validate (const char  *data,
                   gsize        size,
                   const char **end)
{
  const char *p = data;
  const char *stop = data + size;

  g_return_val_if_fail (data != NULL || size == 0, FALSE);

  while (p < stop)
    {
      const char *after;

      /* Eight bytes, none with its high bit set or zero: ASCII, no NUL. A
       * zero byte sets the high bit of (v - 0x01…) in its own place
       * (a borrow can only flag more, never hide one). */
      while (stop - p >= 8)
        {
          guint64 v;

          memcpy (&v, p, sizeof v);
          if (((v - G_GUINT64_CONSTANT (0x0101010101010101)) | v) &
              G_GUINT64_CONSTANT (0x8080808080808080))
            break;
          p += 8;
        }
      if (p == stop)
        break;

      if ((guchar)*p < 0x80)
        {
          if (*p == '\0')
            break;
          p++;
          continue;
        }

      /* One character of two to four bytes, as GLib checks it. */
      g_utf8_validate_len (p, MIN ((gsize)(stop - p), 4), &after);
      if (after == p)
        break;
      p = after;
    }

  if (end != NULL)
    *end = p;

  return p == stop;
}
