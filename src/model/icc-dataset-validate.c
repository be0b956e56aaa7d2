/* icc-dataset-validate.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "icc-dataset-json.h"
#include "icc-dataset-json-private.h"
#include "icc-enum-util.h"
#include "icc-enums.h"

/* Longest value quoted in a message, in characters. */
#define QUOTE_MAX_CHARS 60

/* Problems */

/* The id of the list element @path is in ("events[3].date": the "id" of
 * events[3]; a state's "code"), or NULL. */
static char *
element_id (Loader     *self,
            const char *path)
{
  static const char * const lists[] = { "events", "articles", "states", "eras", "tours" };
  JsonArray *array;
  JsonNode *node, *id;
  JsonObject *element;
  const char *open;
  guint64 index;
  char *end;
  g_autofree char *list = NULL;

  if (self->root == NULL || path == NULL || (open = strchr (path, '[')) == NULL)
    return NULL;

  list = g_strndup (path, open - path);
  if (!g_strv_contains (lists, list))
    return NULL;

  index = g_ascii_strtoull (open + 1, &end, 10);
  if (end == open + 1 || *end != ']' ||
      (node = json_object_get_member (self->root, list)) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (node) ||
      index >= json_array_get_length (array = json_node_get_array (node)) ||
      !JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, index)))
    return NULL;

  element = json_array_get_object_element (array, index);
  id = json_object_get_member (element, g_str_equal (list, "states") ? "code" : "id");
  if (id == NULL || json_node_get_value_type (id) != G_TYPE_STRING)
    return NULL;

  return icc_escape_control_characters (json_node_get_string (id));
}

void
loader_add (Loader             *self,
            IccProblemSeverity  severity,
            const char         *path,
            int                 line,
            int                 column,
            const char         *message)
{
  IccProblem *problem = icc_problem_new (severity, path, line, column, message);

  problem->id = element_id (self, path);
  g_ptr_array_add (self->problems, problem);
  if (severity == ICC_PROBLEM_ERROR)
    self->n_errors++;
}

void
loader_report (Loader             *self,
               IccProblemSeverity  severity,
               const char         *path,
               const char         *format,
               ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  loader_add (self, severity, path, 0, 0, message);
}


/* Paths and quoting */

static gboolean
is_identifier (const char *s)
{
  if (s[0] == '\0' || !(g_ascii_isalpha (s[0]) || s[0] == '_'))
    return FALSE;

  for (const char *p = s; *p != '\0'; p++)
    if (!(g_ascii_isalnum (*p) || *p == '_'))
      return FALSE;

  return TRUE;
}

/* A JSON string literal for @text, shortened to QUOTE_MAX_CHARS characters. */
char *
loader_quote (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *str = g_string_new ("\"");
  const char *p = valid;
  guint n = 0;

  for (; *p != '\0' && n < QUOTE_MAX_CHARS; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '"' || c == '\\')
        {
          g_string_append_c (str, '\\');
          g_string_append_c (str, (char)c);
        }
      else if (c == '\n')
        g_string_append (str, "\\n");
      else if (c == '\t')
        g_string_append (str, "\\t");
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (str, "\\u%04x", c);
      else
        g_string_append_unichar (str, c);
    }

  if (*p != '\0')
    g_string_append (str, "…");
  g_string_append_c (str, '"');

  return g_string_free (str, FALSE);
}

char *
loader_path_member (const char *parent,
             const char *member)
{
  g_autofree char *made_valid = NULL;
  const char *valid = member;

  if (!g_utf8_validate (member, -1, NULL))
    valid = made_valid = g_utf8_make_valid (member, -1);

  if (is_identifier (valid))
    {
      if (parent == NULL || parent[0] == '\0')
        return g_strdup (valid);
      return g_strconcat (parent, ".", valid, NULL);
    }
  else
    {
      g_autofree char *quoted = loader_quote (valid);

      return g_strdup_printf ("%s[%s]", parent != NULL ? parent : "", quoted);
    }
}

/* Called for every element of every array a file holds (149,000 times for
 * 100,000 events): without g_strdup_printf(), which took a tenth of what the
 * loader adds to parsing. */
char *
loader_path_index (const char *parent,
                   guint       index)
{
  char digits[16];
  char *first = digits + sizeof digits - 1;

  *first = '\0';
  do
    {
      *--first = '0' + index % 10;
      index /= 10;
    }
  while (index != 0);

  return g_strconcat (parent, "[", first, "]", NULL);
}

/* Types */

static const char *
describe_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");

    case JSON_NODE_ARRAY:
      return _("an array");

    case JSON_NODE_NULL:
      return _("null");

    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return _("a string");

        case G_TYPE_BOOLEAN:
          return _("a boolean");

        case G_TYPE_INT64:
        case G_TYPE_DOUBLE:
        default:
          return _("a number");
        }
    }
}

static const char *
describe_type (ExpectedType type)
{
  switch (type)
    {
    case TYPE_OBJECT:
      return _("an object");

    case TYPE_ARRAY:
      return _("an array");

    case TYPE_STRING:
      return _("a string");

    case TYPE_INTEGER:
    default:
      return _("an integer");
    }
}

gboolean
loader_node_has_type (JsonNode     *node,
                      ExpectedType  type)
{
  switch (type)
    {
    case TYPE_OBJECT:
      return JSON_NODE_HOLDS_OBJECT (node);

    case TYPE_ARRAY:
      return JSON_NODE_HOLDS_ARRAY (node);

    case TYPE_STRING:
      return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;

    case TYPE_INTEGER:
    default:
      return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
    }
}

gboolean
loader_expect_type (Loader       *self,
             JsonNode     *node,
             const char   *path,
             ExpectedType  type)
{
  if (loader_node_has_type (node, type))
    return TRUE;

  /* Translators: the first %s is a JSON type ("a string"), the second the
   * type found in the file ("a number"). */
  report_error (self, path, _("expected %s, found %s"), describe_type (type), describe_node (node));

  return FALSE;
}

/* Every string and number of the tree, once: text must be valid UTF-8 (a lone
 * surrogate escape, "\udc00", is not) and numbers finite, or the file could
 * not be written back. @path is extended and restored. */
/* Where loader_check_values() is, without building the path string: a path is
 * built only for a problem. */
static char *
segment_to_path (const PathSegment *segment)
{
  g_autofree char *parent = NULL;

  if (segment == NULL)
    return g_strdup ("");

  if (segment->is_root)
    return g_strdup (segment->member);

  parent = segment_to_path (segment->parent);
  if (segment->member != NULL)
    return loader_path_member (parent, segment->member);
  return loader_path_index (parent, segment->index);
}

static void
report_value_error (Loader            *self,
                    const PathSegment *segment,
                    const char        *message)
{
  g_autofree char *path = segment_to_path (segment);

  report_error (self, path, "%s", message);
}

/* json-glib accepts what we must not: lone surrogate escapes (which it turns
 * into invalid UTF-8) and numbers out of range (which become infinities).
 * Either would make a saved file unreadable. */
void
loader_check_values (Loader            *self,
              JsonNode          *node,
              const PathSegment *segment,
              gboolean           check_strings)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            PathSegment child = { segment, name, 0, FALSE };

            if (check_strings && !g_utf8_validate (name, -1, NULL))
              report_value_error (self, &child, _("the field name is not valid UTF-8"));
            loader_check_values (self, member, &child, check_strings);
          }
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        for (guint i = 0; i < n; i++)
          {
            PathSegment child = { segment, NULL, i, FALSE };

            loader_check_values (self, json_array_get_element (array, i), &child, check_strings);
          }
      }
      break;

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        {
          if (check_strings && !g_utf8_validate (json_node_get_string (node), -1, NULL))
            report_value_error (self, segment,
                                _("the text is not valid UTF-8 (a lone surrogate escape?)"));
        }
      else if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
        {
          if (!isfinite (json_node_get_double (node)))
            report_value_error (self, segment, _("the number is out of range"));
        }
      break;

    case JSON_NODE_NULL:
    default:
      break;
    }
}

/* Only a \u escape can put invalid UTF-8 in a string of a valid UTF-8 file. */
gboolean
loader_has_unicode_escape (const char *data,
                    gsize       size)
{
  for (const char *p = memchr (data, '\\', size); p != NULL;
       p = memchr (p + 1, '\\', size - (gsize)(p + 1 - data)))
    {
      if (p + 1 < data + size && p[1] == 'u')
        return TRUE;
      if (p + 1 < data + size && p[1] == '\\')
        p++;
      if (p + 1 >= data + size)
        break;
    }

  return FALSE;
}
