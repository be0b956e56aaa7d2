/* icc-json-writer.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "icc-json-writer.h"

/* json-glib 1.6's JsonGenerator writes what is not JSON, and so what our
 * strict reader (icc-json-strict.c) rightly refuses: control characters
 * other than \b \f \n \r \t raw inside strings, and a double with an
 * exponent as "1e+20.0" (both found by the fuzzer: a file that loaded saved
 * as one that did not). This writer prints a json-glib tree in the same
 * layout as json-glib's pretty printer with a two-space indent (so files
 * saved before keep their bytes), but always as RFC 8259 JSON. An empty
 * object is written "{}". Trees are at most 256 levels deep (the reader's
 * bound), so recursion is fine. */

static void write_node (GString  *out,
                        JsonNode *node,
                        guint     level);

static void
indent (GString *out,
        guint    level)
{
  for (guint i = 0; i < level; i++)
    g_string_append (out, "  ");
}

static void
write_string (GString    *out,
              const char *text)
{
  const char *run = text;

  g_string_append_c (out, '"');

  /* Characters that need no escape are copied a run at a time. */
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar)*p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      g_string_append_len (out, run, p - run);
      run = p + 1;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default: g_string_append_printf (out, "\\u%04x", c); break;
        }
    }
  g_string_append (out, run);

  g_string_append_c (out, '"');
}

static void
write_double (GString *out,
              double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_dtostr (buf, sizeof buf, value);
  g_string_append (out, buf);

  /* A double stays a double when read again, but ".0" after an exponent
   * is not a number. */
  if (strpbrk (buf, ".eE") == NULL)
    g_string_append (out, ".0");
}

static void
write_value (GString  *out,
             JsonNode *node)
{
  GType type = json_node_get_value_type (node);

  if (type == G_TYPE_INT64)
    g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
  else if (type == G_TYPE_DOUBLE)
    write_double (out, json_node_get_double (node));
  else if (type == G_TYPE_BOOLEAN)
    g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
  else if (type == G_TYPE_STRING)
    write_string (out, json_node_get_string (node));
  else
    g_string_append (out, "null");
}

static void
write_array (GString   *out,
             JsonArray *array,
             guint      level)
{
  guint n = json_array_get_length (array);

  g_string_append_c (out, '[');
  if (n == 0)
    {
      g_string_append_c (out, ']');
      return;
    }

  g_string_append_c (out, '\n');
  for (guint i = 0; i < n; i++)
    {
      indent (out, level + 1);
      write_node (out, json_array_get_element (array, i), level + 1);
      if (i + 1 < n)
        g_string_append_c (out, ',');
      g_string_append_c (out, '\n');
    }
  indent (out, level);
  g_string_append_c (out, ']');
}

static void
write_object (GString    *out,
              JsonObject *object,
              guint       level)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  guint n = json_object_get_size (object);
  guint i = 0;

  g_string_append_c (out, '{');
  if (n == 0)
    {
      g_string_append_c (out, '}');
      return;
    }

  g_string_append_c (out, '\n');
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      indent (out, level + 1);
      write_string (out, name);
      g_string_append (out, " : ");
      write_node (out, member, level + 1);
      if (++i < n)
        g_string_append_c (out, ',');
      g_string_append_c (out, '\n');
    }
  indent (out, level);
  g_string_append_c (out, '}');
}

static void
write_node (GString  *out,
            JsonNode *node,
            guint     level)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      write_object (out, json_node_get_object (node), level);
      break;

    case JSON_NODE_ARRAY:
      write_array (out, json_node_get_array (node), level);
      break;

    case JSON_NODE_VALUE:
      write_value (out, node);
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

/**
 * icc_json_write_pretty:
 * @root: a tree
 * @length: (out) (optional): the length of the result
 *
 * Returns: (transfer full): @root as pretty-printed, strict JSON, with a
 *   two-space indent and no final newline
 */
char *
icc_json_write_pretty (JsonNode *root,
                       gsize    *length)
{
  GString *out;

  g_return_val_if_fail (root != NULL, NULL);

  out = g_string_sized_new (4096);
  write_node (out, root, 0);

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}
