/* icc-dataset-json.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "icc-dataset-json.h"
#include "icc-dataset-resources.h"
#include "icc-enum-util.h"
#include "icc-enums.h"
#include "icc-file-replace.h"
#include "icc-json-strict.h"
#include "icc-json-writer.h"

/* The loader works in three passes, so that one run reports every problem:
 *
 *  1. the bytes: size, UTF-8, JSON syntax (one problem, with line and column);
 *  2. the tree: every field of every object is checked against the format
 *     (docs/FORMAT.md) and reported with its JSON path, and the model objects
 *     are built from what is valid;
 *  3. the model: icc_dataset_index() checks what needs the whole dataset
 *     (transitions, anchoring); its reports are mapped back to JSON paths.
 *
 * An event that cannot be built (bad id, date, kind or states) is left out of
 * the dataset, and the transition errors of its states are not reported: they
 * would only be consequences of the first error. */

#define BUNDLED_PATH "/org/example/IccTracker/dataset/icc-tracker.json"

/* Deepest nesting of arrays and objects accepted (checked before json-glib
 * parses, see icc-json-strict.c). json-glib parses recursively and crashes on
 * deep enough input (about 100000 levels), and so would the validation; the
 * format itself needs 5. */
#define MAX_DEPTH 256

/* Longest value quoted in a message, in characters. */
#define QUOTE_MAX_CHARS 60

/* Key of the per-step extras stored on an IccTour (see tour_get_step_extras). */
#define STEP_EXTRAS_KEY "icc-dataset-json-step-extras"

/* Parse trees of files from this size on are freed on another thread. */
#define FREE_TREE_LATER_SIZE (4 * 1024 * 1024)

G_DEFINE_QUARK (icc-dataset-error-quark, icc_dataset_error)

typedef enum
{
  FIELD_ABSENT,
  FIELD_OK,
  FIELD_INVALID,
} FieldResult;

typedef struct
{
  GPtrArray  *problems;        /* IccProblem */
  guint       n_errors;
  IccDataset *dataset;

  /* Ids seen so far -> JSON path of their first occurrence. */
  GHashTable *article_ids;
  GHashTable *built_articles;  /* ids of the articles in the dataset */
  GHashTable *state_codes;
  GHashTable *event_ids;
  GHashTable *era_ids;
  GHashTable *tour_ids;

  /* IccEvent or IccCitation in the dataset -> its JSON path, for the
   * reports of icc_dataset_index(). */
  GHashTable *paths;

  /* State code -> the event whose error makes later transition errors of
   * the state consequences (NULL for an event left out of the dataset). */
  GHashTable *tainted_states;

  /* A whole list was unreadable: references into it are not checked. */
  guint       articles_unreadable : 1;
  /* Every value of the tree was checked by check_values(); otherwise only
   * the unknown fields are (see read_extra()). */
  guint       values_checked : 1;
  guint       states_unreadable : 1;
  guint       events_unreadable : 1;
} Loader;

static const char * const dataset_fields[] = {
  "format", "version", "title", "description",
  "articles", "states", "events", "eras", "tours", NULL
};
static const char * const article_fields[] = {
  "id", "title", "outlet", "author", "url", "date", "text", "edit_note", NULL
};
static const char * const state_fields[] = { "code", "name", "group", NULL };
static const char * const event_fields[] = {
  "id", "date", "end_date", "kind", "states", "title", "summary", "certainty",
  "certainty_note", "sources", "citations", NULL
};
static const char * const citation_fields[] = {
  "article", "quote", "prefix", "suffix", "start", "end", "stance", "note", NULL
};
static const char * const era_fields[] = { "id", "title", "start", "end", "summary", NULL };
static const char * const tour_fields[] = { "id", "title", "description", "steps", NULL };
static const char * const step_fields[] = { "event", "title", "note", NULL };

static const char * const regional_groups[] = {
  "african", "asia_pacific", "eastern_european", "latin_american_caribbean", "weog", NULL
};

/* Problems */

static void
loader_add (Loader             *self,
            IccProblemSeverity  severity,
            const char         *path,
            int                 line,
            int                 column,
            const char         *message)
{
  g_ptr_array_add (self->problems, icc_problem_new (severity, path, line, column, message));
  if (severity == ICC_PROBLEM_ERROR)
    self->n_errors++;
}

static void loader_report (Loader             *self,
                           IccProblemSeverity  severity,
                           const char         *path,
                           const char         *format,
                           ...) G_GNUC_PRINTF (4, 5);

static void
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

#define report_error(self, path, ...) \
  loader_report ((self), ICC_PROBLEM_ERROR, (path), __VA_ARGS__)
#define report_warning(self, path, ...) \
  loader_report ((self), ICC_PROBLEM_WARNING, (path), __VA_ARGS__)

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
static char *
quote (const char *text)
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

static char *
path_member (const char *parent,
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
      g_autofree char *quoted = quote (valid);

      return g_strdup_printf ("%s[%s]", parent != NULL ? parent : "", quoted);
    }
}

static char *
path_index (const char *parent,
            guint       index)
{
  return g_strdup_printf ("%s[%u]", parent, index);
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

typedef enum
{
  TYPE_OBJECT,
  TYPE_ARRAY,
  TYPE_STRING,
  TYPE_INTEGER,
} ExpectedType;

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

static gboolean
node_has_type (JsonNode     *node,
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

static gboolean
expect_type (Loader       *self,
             JsonNode     *node,
             const char   *path,
             ExpectedType  type)
{
  if (node_has_type (node, type))
    return TRUE;

  /* Translators: the first %s is a JSON type ("a string"), the second the
   * type found in the file ("a number"). */
  report_error (self, path, _("expected %s, found %s"), describe_type (type), describe_node (node));

  return FALSE;
}

/* Every string and number of the tree, once: text must be valid UTF-8 (a lone
 * surrogate escape, "\udc00", is not) and numbers finite, or the file could
 * not be written back. @path is extended and restored. */
/* Where check_values() is, without building the path string: a path is
 * built only for a problem. */
typedef struct _PathSegment PathSegment;
struct _PathSegment
{
  const PathSegment *parent;
  const char        *member;  /* NULL for an array element */
  guint              index;
  gboolean           is_root; /* member is the whole path of a subtree */
};

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
    return path_member (parent, segment->member);
  return path_index (parent, segment->index);
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
static void
check_values (Loader            *self,
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
            check_values (self, member, &child, check_strings);
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

            check_values (self, json_array_get_element (array, i), &child, check_strings);
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
static gboolean
has_unicode_escape (const char *data,
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

/* Fields */

static JsonNode *
get_field (Loader     *self,
           JsonObject *object,
           const char *path,
           const char *member,
           gboolean    required)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL && required)
    /* Translators: %s is a field name of the file format, like "title". */
    report_error (self, path, _("missing required field \"%s\""), member);

  return node;
}

static FieldResult
read_string (Loader      *self,
             JsonObject  *object,
             const char  *path,
             const char  *member,
             gboolean     required,
             const char **out)
{
  g_autofree char *member_path = NULL;
  JsonNode *node;

  *out = NULL;

  if (!(node = get_field (self, object, path, member, required)))
    return required ? FIELD_INVALID : FIELD_ABSENT;

  if (!node_has_type (node, TYPE_STRING))
    {
      member_path = path_member (path, member);
      expect_type (self, node, member_path, TYPE_STRING);
      return FIELD_INVALID;
    }

  *out = json_node_get_string (node);

  return FIELD_OK;
}

/* An id: a non-empty string. */
static FieldResult
read_id (Loader      *self,
         JsonObject  *object,
         const char  *path,
         const char  *member,
         const char **out)
{
  FieldResult result = read_string (self, object, path, member, TRUE, out);

  if (result == FIELD_OK && (*out)[0] == '\0')
    {
      g_autofree char *member_path = path_member (path, member);

      report_error (self, member_path, _("must not be empty"));
      *out = NULL;
      return FIELD_INVALID;
    }

  return result;
}

static FieldResult
read_int (Loader     *self,
          JsonObject *object,
          const char *path,
          const char *member,
          gboolean    required,
          gint64      min_value,
          gint64      max_value,
          gint64     *out)
{
  g_autofree char *member_path = NULL;
  JsonNode *node;
  gint64 value;

  *out = 0;

  if (!(node = get_field (self, object, path, member, required)))
    return required ? FIELD_INVALID : FIELD_ABSENT;

  if (!node_has_type (node, TYPE_INTEGER))
    {
      member_path = path_member (path, member);
      expect_type (self, node, member_path, TYPE_INTEGER);
      return FIELD_INVALID;
    }

  value = json_node_get_int (node);
  if (value < min_value || value > max_value)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, value);

      member_path = path_member (path, member);
      if (value < 0 && min_value == 0)
        /* Translators: %s is a number of the file. */
        report_error (self, member_path, _("%s is negative"), number);
      else
        /* Translators: %s is a number of the file. */
        report_error (self, member_path, _("%s is out of range"), number);
      return FIELD_INVALID;
    }

  *out = value;

  return FIELD_OK;
}

static FieldResult
read_date (Loader     *self,
           JsonObject *object,
           const char *path,
           const char *member,
           gboolean    required,
           IccDate    *out)
{
  const char *text;
  FieldResult result;

  icc_date_clear (out);

  result = read_string (self, object, path, member, required, &text);
  if (result != FIELD_OK)
    return result;

  if (!icc_date_parse (text, out, NULL))
    {
      g_autofree char *member_path = path_member (path, member);
      g_autofree char *quoted = quote (text);

      /* Translators: %s is the quoted text found where a date was expected. */
      report_error (self, member_path, _("%s is not a valid date"), quoted);
      icc_date_clear (out);
      return FIELD_INVALID;
    }

  return FIELD_OK;
}

static void
report_unknown_value (Loader     *self,
                      const char *path,
                      const char *value,
                      const char *valid)
{
  g_autofree char *quoted = quote (value);

  /* Translators: the first %s is the quoted value of the file, the second a
   * comma-separated list of the values this version knows. */
  report_error (self, path, _("unknown value %s; expected one of: %s"), quoted, valid);
}

static FieldResult
read_enum (Loader     *self,
           JsonObject *object,
           const char *path,
           const char *member,
           gboolean    required,
           GType       enum_type,
           int        *out)
{
  const char *text;
  FieldResult result;

  result = read_string (self, object, path, member, required, &text);
  if (result != FIELD_OK)
    return result;

  if (!icc_enum_from_nick (enum_type, text, out))
    {
      g_autofree char *member_path = path_member (path, member);
      g_autofree char *valid = icc_enum_list_nicks (enum_type);

      report_unknown_value (self, member_path, text, valid);
      return FIELD_INVALID;
    }

  return FIELD_OK;
}

static FieldResult
read_array (Loader      *self,
            JsonObject  *object,
            const char  *path,
            const char  *member,
            gboolean     required,
            JsonArray  **out)
{
  g_autofree char *member_path = NULL;
  JsonNode *node;

  *out = NULL;

  if (!(node = get_field (self, object, path, member, required)))
    return required ? FIELD_INVALID : FIELD_ABSENT;

  if (!node_has_type (node, TYPE_ARRAY))
    {
      member_path = path_member (path, member);
      expect_type (self, node, member_path, TYPE_ARRAY);
      return FIELD_INVALID;
    }

  *out = json_node_get_array (node);

  return FIELD_OK;
}

/* An array of strings, returned as a NULL-terminated vector (of borrowed
 * strings) holding the valid elements. */
static FieldResult
read_string_array (Loader       *self,
                   JsonObject   *object,
                   const char   *path,
                   const char   *member,
                   GPtrArray   **out)
{
  g_autofree char *member_path = NULL;
  FieldResult result;
  JsonArray *array;
  guint n;

  *out = NULL;

  result = read_array (self, object, path, member, FALSE, &array);
  if (result != FIELD_OK)
    return result;

  n = json_array_get_length (array);
  *out = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (node_has_type (element, TYPE_STRING))
        g_ptr_array_add (*out, (gpointer)json_node_get_string (element));
      else
        {
          g_autofree char *element_path = NULL;

          if (member_path == NULL)
            member_path = path_member (path, member);
          element_path = path_index (member_path, i);
          expect_type (self, element, element_path, TYPE_STRING);
          result = FIELD_INVALID;
        }
    }

  g_ptr_array_add (*out, NULL);

  return result;
}

/* A copy of @node sharing nothing with it: json_node_copy() shares objects,
 * arrays and values, and the parse tree must be ours alone to free it on
 * another thread (see free_tree_later()). */
static JsonNode *
json_node_deep_copy (JsonNode *node)
{
  JsonNode *copy = json_node_alloc ();

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        g_autoptr(JsonObject) object = json_object_new ();
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          json_object_set_member (object, name, json_node_deep_copy (member));
        json_node_init_object (copy, object);
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);
        g_autoptr(JsonArray) array_copy = json_array_sized_new (n);

        for (guint i = 0; i < n; i++)
          json_array_add_element (array_copy, json_node_deep_copy (json_array_get_element (array, i)));
        json_node_init_array (copy, array_copy);
      }
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          json_node_init_int (copy, json_node_get_int (node));
          break;

        case G_TYPE_DOUBLE:
          json_node_init_double (copy, json_node_get_double (node));
          break;

        case G_TYPE_BOOLEAN:
          json_node_init_boolean (copy, json_node_get_boolean (node));
          break;

        case G_TYPE_STRING:
        default:
          json_node_init_string (copy, json_node_get_string (node));
          break;
        }
      break;

    case JSON_NODE_NULL:
    default:
      json_node_init_null (copy);
      break;
    }

  return copy;
}

/* Reports the fields of @object not in @known and returns them (a new
 * JsonObject sharing nothing with the parse tree, or NULL when there are
 * none). */
static JsonObject *
read_extra (Loader             *self,
            JsonObject         *object,
            const char         *path,
            const char * const *known)
{
  JsonObject *extra = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  guint n_known = 0;

  /* Usually every field is a known one: counting them is cheaper than
   * walking the members in order. */
  for (guint i = 0; known[i] != NULL; i++)
    n_known += json_object_has_member (object, known[i]);
  if (n_known == json_object_get_size (object))
    return NULL;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      g_autofree char *member_path = NULL;

      if (g_strv_contains (known, name))
        continue;

      member_path = path_member (path, name);
      report_warning (self, member_path, _("unknown field, kept when saving"));

      /* The known fields check their own values as they read them. */
      if (!self->values_checked)
        {
          PathSegment root = { NULL, member_path, 0, TRUE };

          check_values (self, member, &root, FALSE);
        }

      if (extra == NULL)
        extra = json_object_new ();
      json_object_set_member (extra, name, json_node_deep_copy (member));
    }

  return extra;
}

typedef enum
{
  ID_ARTICLE,
  ID_STATE,
  ID_EVENT,
  ID_ERA,
  ID_TOUR,
} IdKind;

/* Registers @id in @ids, or reports a duplicate. */
static gboolean
register_id (Loader     *self,
             GHashTable *ids,
             const char *id,
             const char *path,
             const char *member,
             IdKind      kind)
{
  g_autofree char *member_path = NULL;
  g_autofree char *quoted = NULL;
  const char *first = g_hash_table_lookup (ids, id);

  if (first == NULL)
    {
      /* The id is the parse tree's: it outlives the loader's tables. */
      g_hash_table_insert (ids, (char *)id, g_strdup (path));
      return TRUE;
    }

  member_path = path_member (path, member);
  quoted = quote (id);

  /* Translators: in the messages below, the first %s is a quoted id, the
   * second the JSON path where it was first used, like "events[2]". */
  switch (kind)
    {
    case ID_ARTICLE:
      report_error (self, member_path, _("duplicate article id %s (first used at %s)"),
                    quoted, first);
      break;

    case ID_STATE:
      report_error (self, member_path, _("duplicate state code %s (first used at %s)"),
                    quoted, first);
      break;

    case ID_EVENT:
      report_error (self, member_path, _("duplicate event id %s (first used at %s)"),
                    quoted, first);
      break;

    case ID_ERA:
      report_error (self, member_path, _("duplicate era id %s (first used at %s)"),
                    quoted, first);
      break;

    case ID_TOUR:
    default:
      report_error (self, member_path, _("duplicate tour id %s (first used at %s)"),
                    quoted, first);
      break;
    }

  return FALSE;
}

static gboolean
is_state_code (const char *code)
{
  return g_ascii_isupper (code[0]) && g_ascii_isupper (code[1]) && code[2] == '\0';
}

static void
report_bad_state_code (Loader     *self,
                       const char *path,
                       const char *code)
{
  g_autofree char *quoted = quote (code);

  report_error (self, path,
                _("%s is not a valid state code (two upper-case letters, ISO 3166-1 alpha-2)"),
                quoted);
}

static gboolean
date_before (const IccDate *end,
             const IccDate *start)
{
  return icc_date_get_end_day (end) < icc_date_get_day (start);
}

static void
json_object_unref_nullable (gpointer object)
{
  if (object != NULL)
    json_object_unref (object);
}

/* Tour steps have no extra fields in the IccTour API: they are kept on the
 * tour as object data, a GPtrArray of JsonObject (or NULL) by step. */
static GPtrArray *
tour_get_step_extras (IccTour *tour)
{
  return g_object_get_data (G_OBJECT (tour), STEP_EXTRAS_KEY);
}

/* Articles */

static void
load_article (Loader   *self,
              JsonNode *node,
              guint     index)
{
  g_autofree char *path = path_index ("articles", index);
  g_autoptr(IccArticle) article = NULL;
  g_autoptr(JsonObject) extra = NULL;
  const char *id, *title, *outlet, *author, *url, *text, *edit_note;
  JsonObject *object;
  IccDate date;
  gboolean ok = TRUE;
  FieldResult date_result;

  if (!expect_type (self, node, path, TYPE_OBJECT))
    return;
  object = json_node_get_object (node);

  if (read_id (self, object, path, "id", &id) != FIELD_OK ||
      !register_id (self, self->article_ids, id, path, "id", ID_ARTICLE))
    ok = FALSE;
  read_string (self, object, path, "title", TRUE, &title);
  read_string (self, object, path, "outlet", FALSE, &outlet);
  read_string (self, object, path, "author", FALSE, &author);
  if (read_string (self, object, path, "url", FALSE, &url) == FIELD_OK &&
      url[0] != '\0' && !icc_article_is_web_url (url))
    {
      g_autofree char *url_path = path_member (path, "url");

      report_warning (self, url_path, _("not an http or https address: it will not be opened"));
    }
  date_result = read_date (self, object, path, "date", FALSE, &date);
  if (read_string (self, object, path, "text", TRUE, &text) != FIELD_OK)
    ok = FALSE;
  read_string (self, object, path, "edit_note", FALSE, &edit_note);
  extra = read_extra (self, object, path, article_fields);

  /* Citations of an article left out are left out too, without more
   * errors. */
  if (!ok)
    return;

  article = icc_article_new (id);
  icc_article_set_title (article, title);
  icc_article_set_outlet (article, outlet);
  icc_article_set_author (article, author);
  icc_article_set_url (article, url);
  if (date_result == FIELD_OK)
    icc_article_set_date (article, &date);
  icc_article_set_text (article, text);
  icc_article_set_edit_note (article, edit_note);
  icc_article_set_extra (article, extra);

  if (icc_dataset_add_article (self->dataset, article))
    g_hash_table_add (self->built_articles, g_strdup (id));
}

/* States */

static void
load_state (Loader   *self,
            JsonNode *node,
            guint     index)
{
  g_autofree char *path = path_index ("states", index);
  g_autoptr(IccState) state = NULL;
  g_autoptr(JsonObject) extra = NULL;
  const char *code, *name, *group;
  JsonObject *object;
  gboolean ok = TRUE;

  if (!expect_type (self, node, path, TYPE_OBJECT))
    return;
  object = json_node_get_object (node);

  if (read_string (self, object, path, "code", TRUE, &code) != FIELD_OK)
    ok = FALSE;
  else if (!is_state_code (code))
    {
      g_autofree char *code_path = path_member (path, "code");

      report_bad_state_code (self, code_path, code);
      ok = FALSE;
    }
  else if (!register_id (self, self->state_codes, code, path, "code", ID_STATE))
    ok = FALSE;

  read_string (self, object, path, "name", TRUE, &name);

  if (read_string (self, object, path, "group", FALSE, &group) == FIELD_OK &&
      !g_strv_contains (regional_groups, group))
    {
      g_autofree char *group_path = path_member (path, "group");
      g_autofree char *valid = g_strjoinv (", ", (char **)regional_groups);

      report_unknown_value (self, group_path, group, valid);
      group = NULL;
    }

  extra = read_extra (self, object, path, state_fields);

  if (!ok)
    return;

  state = icc_state_new (code, name);
  icc_state_set_group (state, group);
  icc_state_set_extra (state, extra);

  icc_dataset_add_state (self->dataset, state);
}

/* Events */

static IccCitation *
load_citation (Loader     *self,
               JsonNode   *node,
               const char *path)
{
  g_autoptr(IccCitation) citation = NULL;
  g_autoptr(JsonObject) extra = NULL;
  const char *article, *quote_text, *prefix, *suffix, *note;
  JsonObject *object;
  gint64 start = -1, end = -1;
  FieldResult start_result, end_result;
  int stance = ICC_STANCE_REPORTS;
  gboolean ok = TRUE;

  if (!expect_type (self, node, path, TYPE_OBJECT))
    return NULL;
  object = json_node_get_object (node);

  if (read_id (self, object, path, "article", &article) != FIELD_OK)
    ok = FALSE;
  else if (!g_hash_table_contains (self->article_ids, article))
    {
      g_autofree char *article_path = path_member (path, "article");

      g_autofree char *quoted = quote (article);

      if (!self->articles_unreadable)
        /* Translators: %s is a quoted article id. */
        report_error (self, article_path, _("unknown article %s"), quoted);
      ok = FALSE;
    }
  else if (!g_hash_table_contains (self->built_articles, article))
    ok = FALSE;

  if (read_string (self, object, path, "quote", TRUE, &quote_text) != FIELD_OK)
    ok = FALSE;
  else if (quote_text[0] == '\0')
    {
      g_autofree char *quote_path = path_member (path, "quote");

      report_error (self, quote_path, _("must not be empty"));
      ok = FALSE;
    }

  read_string (self, object, path, "prefix", FALSE, &prefix);
  read_string (self, object, path, "suffix", FALSE, &suffix);

  start_result = read_int (self, object, path, "start", FALSE, 0, G_MAXINT, &start);
  end_result = read_int (self, object, path, "end", FALSE, 0, G_MAXINT, &end);
  if (start_result == FIELD_INVALID || end_result == FIELD_INVALID)
    ok = FALSE;
  else if (start_result == FIELD_OK && end_result == FIELD_OK && start > end)
    {
      /* Translators: offsets of a citation in its article's text. */
      report_error (self, path, _("start (%d) is after end (%d)"), (int)start, (int)end);
      ok = FALSE;
    }
  if (start_result != FIELD_OK)
    start = -1;
  if (end_result != FIELD_OK)
    end = -1;

  read_enum (self, object, path, "stance", FALSE, ICC_TYPE_STANCE, &stance);
  read_string (self, object, path, "note", FALSE, &note);
  extra = read_extra (self, object, path, citation_fields);

  if (!ok)
    return NULL;

  citation = icc_citation_new (article, quote_text);
  icc_citation_set_prefix (citation, prefix);
  icc_citation_set_suffix (citation, suffix);
  icc_citation_set_hint (citation, (int)start, (int)end);
  icc_citation_set_stance (citation, stance);
  icc_citation_set_note (citation, note);
  icc_citation_set_extra (citation, extra);

  return g_steal_pointer (&citation);
}

/* Reads "states" of an event: returns the valid codes (borrowed) in @codes
 * and FALSE if any is bad. */
static gboolean
load_event_states (Loader      *self,
                   JsonObject  *object,
                   const char  *path,
                   GPtrArray  **codes)
{
  g_autoptr(GPtrArray) strings = NULL;
  gboolean ok = TRUE;

  *codes = g_ptr_array_new ();

  switch (read_string_array (self, object, path, "states", &strings))
    {
    case FIELD_ABSENT:
      g_ptr_array_add (*codes, NULL);
      return TRUE;

    case FIELD_INVALID:
      ok = FALSE;
      break;

    case FIELD_OK:
    default:
      break;
    }

  if (strings == NULL)
    {
      g_ptr_array_add (*codes, NULL);
      return FALSE;
    }

  for (guint i = 0; i + 1 < strings->len; i++)
    {
      const char *code = g_ptr_array_index (strings, i);
      g_autofree char *states_path = NULL;
      g_autofree char *code_path = NULL;
      gboolean seen = FALSE;

      for (guint j = 0; j < (*codes)->len; j++)
        if (g_strcmp0 (g_ptr_array_index (*codes, j), code) == 0)
          seen = TRUE;

      /* Paths are made only for a problem: this runs for every event. */
      if (!is_state_code (code) || seen ||
          (!g_hash_table_contains (self->state_codes, code) && !self->states_unreadable))
        {
          states_path = path_member (path, "states");
          code_path = path_index (states_path, i);
        }

      if (!is_state_code (code))
        {
          report_bad_state_code (self, code_path, code);
          ok = FALSE;
        }
      else if (seen)
        {
          g_autofree char *quoted = quote (code);

          report_error (self, code_path, _("state %s is listed twice"), quoted);
          ok = FALSE;
        }
      else
        {
          if (!g_hash_table_contains (self->state_codes, code))
            {
              g_autofree char *quoted = quote (code);

              if (!self->states_unreadable)
                /* Translators: %s is a quoted state code. */
                report_error (self, code_path, _("unknown state %s"), quoted);
              ok = FALSE;
            }
          g_ptr_array_add (*codes, (gpointer)code);
        }
    }

  g_ptr_array_add (*codes, NULL);

  return ok;
}

static void
load_event (Loader   *self,
            JsonNode *node,
            guint     index)
{
  g_autofree char *path = path_index ("events", index);
  g_autoptr(IccEvent) event = NULL;
  g_autoptr(JsonObject) extra = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GPtrArray) citations = NULL;
  g_autoptr(GPtrArray) citation_paths = NULL;
  const char *id, *title, *summary, *certainty_note;
  JsonArray *citations_array;
  JsonObject *object;
  IccDate date, end_date;
  FieldResult date_result, end_result, kind_result;
  int kind = ICC_EVENT_KIND_OTHER;
  int certainty = ICC_CERTAINTY_CONFIRMED;
  gboolean ok = TRUE;

  if (!expect_type (self, node, path, TYPE_OBJECT))
    return;
  object = json_node_get_object (node);

  if (read_id (self, object, path, "id", &id) != FIELD_OK ||
      !register_id (self, self->event_ids, id, path, "id", ID_EVENT))
    ok = FALSE;

  date_result = read_date (self, object, path, "date", TRUE, &date);
  end_result = read_date (self, object, path, "end_date", FALSE, &end_date);
  if (date_result != FIELD_OK || end_result == FIELD_INVALID)
    ok = FALSE;
  else if (end_result == FIELD_OK && date_before (&end_date, &date))
    {
      g_autofree char *end_path = path_member (path, "end_date");
      g_autofree char *end_iso = icc_date_to_iso (&end_date);
      g_autofree char *date_iso = icc_date_to_iso (&date);

      report_error (self, end_path, _("\"%s\" is before the event's date \"%s\""),
                    end_iso, date_iso);
      ok = FALSE;
    }

  kind_result = read_enum (self, object, path, "kind", TRUE, ICC_TYPE_EVENT_KIND, &kind);
  if (kind_result != FIELD_OK)
    ok = FALSE;

  if (!load_event_states (self, object, path, &codes))
    ok = FALSE;
  else if (kind_result == FIELD_OK &&
           icc_event_kind_is_membership (kind) &&
           codes->len <= 1)
    {
      const char *nick = icc_enum_to_nick (ICC_TYPE_EVENT_KIND, kind);

      /* Translators: %s is a membership event kind of the file format, like
       * "ratification". */
      report_error (self, path,
                    _("a membership event (\"%s\") needs at least one state in \"states\""),
                    nick);
      ok = FALSE;
    }

  read_string (self, object, path, "title", TRUE, &title);
  read_string (self, object, path, "summary", FALSE, &summary);
  read_enum (self, object, path, "certainty", FALSE, ICC_TYPE_CERTAINTY, &certainty);
  read_string (self, object, path, "certainty_note", FALSE, &certainty_note);
  read_string_array (self, object, path, "sources", &sources);
  extra = read_extra (self, object, path, event_fields);

  citations = g_ptr_array_new_with_free_func (g_object_unref);
  citation_paths = g_ptr_array_new_with_free_func (g_free);
  if (read_array (self, object, path, "citations", FALSE, &citations_array) == FIELD_OK)
    {
      g_autofree char *citations_path = path_member (path, "citations");
      guint n = json_array_get_length (citations_array);

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *citation_path = path_index (citations_path, i);
          IccCitation *citation;

          citation = load_citation (self, json_array_get_element (citations_array, i),
                                    citation_path);
          if (citation != NULL)
            {
              g_ptr_array_add (citations, citation);
              g_ptr_array_add (citation_paths, g_steal_pointer (&citation_path));
            }
        }
    }

  if (!ok)
    {
      /* Its states' histories are incomplete: do not report their
       * transitions. */
      for (guint i = 0; codes != NULL && i + 1 < codes->len; i++)
        g_hash_table_insert (self->tainted_states,
                             g_strdup (g_ptr_array_index (codes, i)), NULL);
      return;
    }

  event = icc_event_new (id, kind, &date);
  if (end_result == FIELD_OK)
    icc_event_set_end_date (event, &end_date);
  icc_event_set_title (event, title);
  icc_event_set_summary (event, summary);
  icc_event_set_states (event, (const char * const *)codes->pdata);
  icc_event_set_certainty (event, certainty);
  icc_event_set_certainty_note (event, certainty_note);
  if (sources != NULL)
    icc_event_set_sources (event, (const char * const *)sources->pdata);
  icc_event_set_extra (event, extra);

  for (guint i = 0; i < citations->len; i++)
    {
      IccCitation *citation = g_ptr_array_index (citations, i);

      icc_event_add_citation (event, citation);
      g_hash_table_insert (self->paths, citation, g_steal_pointer (&citation_paths->pdata[i]));
    }

  if (icc_dataset_add_event (self->dataset, event))
    g_hash_table_insert (self->paths, event, g_steal_pointer (&path));
}

/* Eras */

static void
load_era (Loader   *self,
          JsonNode *node,
          guint     index)
{
  g_autofree char *path = path_index ("eras", index);
  g_autoptr(IccEra) era = NULL;
  g_autoptr(JsonObject) extra = NULL;
  const char *id, *title, *summary;
  JsonObject *object;
  IccDate start, end;
  gboolean ok = TRUE;

  if (!expect_type (self, node, path, TYPE_OBJECT))
    return;
  object = json_node_get_object (node);

  if (read_id (self, object, path, "id", &id) != FIELD_OK ||
      !register_id (self, self->era_ids, id, path, "id", ID_ERA))
    ok = FALSE;
  if (read_string (self, object, path, "title", TRUE, &title) != FIELD_OK)
    ok = FALSE;
  if (read_date (self, object, path, "start", TRUE, &start) != FIELD_OK)
    ok = FALSE;
  if (read_date (self, object, path, "end", TRUE, &end) != FIELD_OK)
    ok = FALSE;
  else if (icc_date_is_set (&start) && date_before (&end, &start))
    {
      g_autofree char *end_path = path_member (path, "end");
      g_autofree char *end_iso = icc_date_to_iso (&end);
      g_autofree char *start_iso = icc_date_to_iso (&start);

      report_error (self, end_path, _("\"%s\" is before the era's start \"%s\""),
                    end_iso, start_iso);
      ok = FALSE;
    }
  read_string (self, object, path, "summary", FALSE, &summary);
  extra = read_extra (self, object, path, era_fields);

  if (!ok)
    return;

  era = icc_era_new (id, title, &start, &end);
  icc_era_set_summary (era, summary);
  icc_era_set_extra (era, extra);

  icc_dataset_add_era (self->dataset, era);
}

/* Tours */

static void
load_tour (Loader   *self,
           JsonNode *node,
           guint     index)
{
  g_autofree char *path = path_index ("tours", index);
  g_autofree char *steps_path = NULL;
  g_autoptr(IccTour) tour = NULL;
  g_autoptr(JsonObject) extra = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GPtrArray) step_extras = NULL;
  const char *id, *title, *description;
  JsonArray *steps_array;
  JsonObject *object;
  gboolean ok = TRUE;
  gboolean any_step_extra = FALSE;

  if (!expect_type (self, node, path, TYPE_OBJECT))
    return;
  object = json_node_get_object (node);

  if (read_id (self, object, path, "id", &id) != FIELD_OK ||
      !register_id (self, self->tour_ids, id, path, "id", ID_TOUR))
    ok = FALSE;
  if (read_string (self, object, path, "title", TRUE, &title) != FIELD_OK)
    ok = FALSE;
  read_string (self, object, path, "description", FALSE, &description);
  extra = read_extra (self, object, path, tour_fields);

  /* Triples of borrowed strings: event, title, note. */
  steps = g_ptr_array_new ();
  step_extras = g_ptr_array_new_with_free_func (json_object_unref_nullable);
  steps_path = path_member (path, "steps");

  if (read_array (self, object, path, "steps", TRUE, &steps_array) == FIELD_OK)
    {
      guint n = json_array_get_length (steps_array);

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *step_path = path_index (steps_path, i);
          JsonNode *step_node = json_array_get_element (steps_array, i);
          JsonObject *step;
          JsonObject *step_extra;
          const char *event, *step_title, *note;

          if (!expect_type (self, step_node, step_path, TYPE_OBJECT))
            {
              ok = FALSE;
              continue;
            }
          step = json_node_get_object (step_node);

          if (read_id (self, step, step_path, "event", &event) != FIELD_OK)
            ok = FALSE;
          else if (!g_hash_table_contains (self->event_ids, event))
            {
              g_autofree char *event_path = path_member (step_path, "event");

              g_autofree char *quoted = quote (event);

              if (!self->events_unreadable)
                /* Translators: %s is a quoted event id. */
                report_error (self, event_path, _("unknown event %s"), quoted);
              ok = FALSE;
            }
          read_string (self, step, step_path, "title", FALSE, &step_title);
          read_string (self, step, step_path, "note", FALSE, &note);

          step_extra = read_extra (self, step, step_path, step_fields);
          any_step_extra |= step_extra != NULL;

          g_ptr_array_add (steps, (gpointer)event);
          g_ptr_array_add (steps, (gpointer)step_title);
          g_ptr_array_add (steps, (gpointer)note);
          g_ptr_array_add (step_extras, step_extra);
        }
    }
  else
    ok = FALSE;

  if (!ok)
    return;

  tour = icc_tour_new (id, title);
  icc_tour_set_description (tour, description);
  for (guint i = 0; i + 2 < steps->len; i += 3)
    icc_tour_add_step (tour,
                       g_ptr_array_index (steps, i),
                       g_ptr_array_index (steps, i + 1),
                       g_ptr_array_index (steps, i + 2));
  icc_tour_set_extra (tour, extra);
  if (any_step_extra)
    g_object_set_data_full (G_OBJECT (tour), STEP_EXTRAS_KEY,
                            g_steal_pointer (&step_extras),
                            (GDestroyNotify)g_ptr_array_unref);

  icc_dataset_add_tour (self->dataset, tour);
}

/* The whole file */

typedef void (*LoadElementFunc) (Loader   *self,
                                 JsonNode *node,
                                 guint     index);

static gboolean
load_list (Loader          *self,
           JsonObject      *root,
           const char      *member,
           gboolean         required,
           LoadElementFunc  load_element)
{
  JsonArray *array;
  guint n;

  switch (read_array (self, root, "", member, required, &array))
    {
    case FIELD_ABSENT:
      return TRUE;

    case FIELD_INVALID:
      return FALSE;

    case FIELD_OK:
    default:
      break;
    }

  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    load_element (self, json_array_get_element (array, i), i);

  return TRUE;
}

static void
index_report_cb (IccEvent    *event,
                 IccCitation *citation,
                 gboolean     is_error,
                 const char  *message,
                 gpointer     user_data)
{
  Loader *self = user_data;
  const char *path = NULL;

  /* Only the first transition error of a state: the next ones are usually
   * its consequences. */
  if (is_error && event != NULL && citation == NULL)
    {
      const char * const *codes = icc_event_get_states (event);
      gpointer tainted_by;

      for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
        if (g_hash_table_lookup_extended (self->tainted_states, codes[i], NULL, &tainted_by) &&
            tainted_by != event)
          return;

      for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
        if (!g_hash_table_contains (self->tainted_states, codes[i]))
          g_hash_table_insert (self->tainted_states, g_strdup (codes[i]), event);
    }

  if (citation != NULL)
    path = g_hash_table_lookup (self->paths, citation);
  if (path == NULL && event != NULL)
    path = g_hash_table_lookup (self->paths, event);

  loader_add (self, is_error ? ICC_PROBLEM_ERROR : ICC_PROBLEM_WARNING,
              path, 0, 0, message != NULL ? message : "");
}

static void
load_root (Loader     *self,
           JsonObject *root)
{
  g_autoptr(JsonObject) extra = NULL;
  const char *format, *title, *description;
  gint64 version;

  /* Another kind of file, or a newer format: the rest would be noise. */
  if (read_string (self, root, "", "format", TRUE, &format) == FIELD_OK &&
      g_strcmp0 (format, ICC_DATASET_FORMAT) != 0)
    {
      g_autofree char *quoted = quote (format);

      report_error (self, "format", _("%s is not an ICC Tracker dataset (expected \"%s\")"),
                    quoted, ICC_DATASET_FORMAT);
      return;
    }

  if (read_int (self, root, "", "version", TRUE, G_MININT64, G_MAXINT64, &version) == FIELD_OK &&
      version != ICC_DATASET_VERSION)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, version);

      if (version > ICC_DATASET_VERSION)
        {
          /* Translators: %s is the format version of the file, %d the one we read. */
          report_error (self, "version",
                        _("the file was written by a newer version of ICC Tracker "
                          "(format version %s; this version reads version %d)"),
                        number, ICC_DATASET_VERSION);
          return;
        }

      /* Translators: %s is the format version of the file, %d the one we read. */
      report_error (self, "version", _("unsupported format version %s (expected %d)"),
                    number, ICC_DATASET_VERSION);
    }

  read_string (self, root, "", "title", TRUE, &title);
  read_string (self, root, "", "description", FALSE, &description);
  icc_dataset_set_title (self->dataset, title);
  icc_dataset_set_description (self->dataset, description);
  extra = read_extra (self, root, "", dataset_fields);
  icc_dataset_set_extra (self->dataset, extra);

  self->articles_unreadable = !load_list (self, root, "articles", FALSE, load_article);
  self->states_unreadable = !load_list (self, root, "states", TRUE, load_state);
  self->events_unreadable = !load_list (self, root, "events", TRUE, load_event);
  load_list (self, root, "eras", FALSE, load_era);
  load_list (self, root, "tours", FALSE, load_tour);

  /* A failed index always reports why; just in case it did not. */
  if (!icc_dataset_index (self->dataset, index_report_cb, self) && self->n_errors == 0)
    report_error (self, "", _("the dataset is not consistent"));
}

/* Line and 1-based column, in characters, of byte @offset of @data (valid
 * UTF-8 up to @offset). */
static void
position_of_offset (const char *data,
                    gsize       offset,
                    int        *line,
                    int        *column)
{
  const char *line_start = data;

  *line = 1;
  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      {
        (*line)++;
        line_start = data + i + 1;
      }

  *column = (int)g_utf8_strlen (line_start, data + offset - line_start) + 1;
}

/* json-glib reports columns in bytes: converts to characters. */
static int
byte_column_to_chars (const char *data,
                      gsize       size,
                      int         line,
                      int         byte_column)
{
  const char *p = data;
  const char *end = data + size;
  const char *line_end;
  gsize offset;

  if (byte_column < 1)
    return byte_column;

  for (int l = 1; l < line; l++)
    {
      p = memchr (p, '\n', end - p);
      if (p == NULL)
        return byte_column;
      p++;
    }

  line_end = memchr (p, '\n', end - p);
  if (line_end == NULL)
    line_end = end;

  /* Past the end of the line: one column for each byte beyond it. */
  offset = (gsize)byte_column - 1;
  if (offset >= (gsize)(line_end - p))
    return (int)(g_utf8_strlen (p, line_end - p) + 1 + (offset - (line_end - p)));

  /* Do not split a character. */
  while (offset > 0 && (p[offset] & 0xc0) == 0x80)
    offset--;

  return (int)g_utf8_strlen (p, offset) + 1;
}

static void
report_syntax_error (Loader       *self,
                     const char   *data,
                     gsize         size,
                     const GError *parse_error)
{
  const char *message = parse_error->message;
  const char *p;
  int line = 0, column = 0;

  /* json-glib 1.6: "<data>:LINE:COLUMN: Parse error: MESSAGE". */
  p = strstr (message, "<data>:");
  if (p != NULL)
    {
      char *end;
      gint64 l, c;

      p += strlen ("<data>:");
      l = g_ascii_strtoll (p, &end, 10);
      if (end != p && *end == ':')
        {
          p = end + 1;
          c = g_ascii_strtoll (p, &end, 10);
          if (end != p && *end == ':' && l > 0 && l <= G_MAXINT && c >= 0 && c <= G_MAXINT)
            {
              line = (int)l;
              column = byte_column_to_chars (data, size, line, (int)c);
              message = end + 1;
              while (*message == ' ')
                message++;
            }
        }
    }

  if (g_str_has_prefix (message, "Parse error: "))
    message += strlen ("Parse error: ");

  {
    /* Translators: %s is json-glib's description of the error (in English). */
    g_autofree char *text = g_strdup_printf (_("syntax error: %s"), message);

    loader_add (self, ICC_PROBLEM_ERROR, "", line, column, text);
  }
}

static void
loader_init (Loader *self)
{
  memset (self, 0, sizeof *self);

  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify)icc_problem_free);
  self->dataset = icc_dataset_new ();
  self->article_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->built_articles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->state_codes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->event_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->era_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->tour_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->paths = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->tainted_states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
loader_clear (Loader *self)
{
  g_clear_pointer (&self->article_ids, g_hash_table_unref);
  g_clear_pointer (&self->built_articles, g_hash_table_unref);
  g_clear_pointer (&self->state_codes, g_hash_table_unref);
  g_clear_pointer (&self->event_ids, g_hash_table_unref);
  g_clear_pointer (&self->era_ids, g_hash_table_unref);
  g_clear_pointer (&self->tour_ids, g_hash_table_unref);
  g_clear_pointer (&self->paths, g_hash_table_unref);
  g_clear_pointer (&self->tainted_states, g_hash_table_unref);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
}

static void
set_invalid_error (Loader  *self,
                   GError **error)
{
  const IccProblem *first = NULL;
  g_autofree char *first_text = NULL;

  for (guint i = 0; i < self->problems->len && first == NULL; i++)
    {
      const IccProblem *problem = g_ptr_array_index (self->problems, i);

      if (problem->severity == ICC_PROBLEM_ERROR)
        first = problem;
    }

  if (first != NULL)
    first_text = icc_problem_to_string (first, NULL);

  /* Translators: %u is a number of errors, %s the first of them. */
  g_set_error (error, ICC_DATASET_ERROR, ICC_DATASET_ERROR_INVALID,
               g_dngettext (GETTEXT_PACKAGE,
                            "The dataset has %u error: %s",
                            "The dataset has %u errors, the first: %s",
                            self->n_errors),
               self->n_errors, first_text != NULL ? first_text : "");
}

static void
return_problems (Loader     *self,
                 GPtrArray **problems)
{
  if (problems != NULL)
    *problems = g_steal_pointer (&self->problems);
}

static void
free_tree_func (gpointer data,
                gpointer user_data)
{
  g_object_unref (data);
}

/* Freeing the parse tree of a large file takes about a third as long as
 * parsing it: the dataset no longer needs it (the loader copies what it
 * keeps, see json_node_deep_copy()), so a large one is freed on another
 * thread while the caller goes on. The thread is one of GLib's shared pool,
 * not a thread of its own: no thread is made and ended for each file. */
static void
free_tree_later (JsonParser *parser,
                 gsize       size)
{
  static GThreadPool *pool;

  if (size >= FREE_TREE_LATER_SIZE)
    {
      if (g_once_init_enter (&pool))
        g_once_init_leave (&pool, g_thread_pool_new (free_tree_func, NULL, 1, FALSE, NULL));

      if (pool != NULL && g_thread_pool_push (pool, parser, NULL))
        return;
    }

  g_object_unref (parser);
}

IccDataset *
icc_dataset_load_bytes (GBytes     *bytes,
                        GPtrArray **problems,
                        GError    **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  IccDataset *dataset = NULL;
  const char *data;
  g_autofree char *message = NULL;
  const char *invalid;
  gsize error_offset;
  gsize size;
  JsonNode *root;
  Loader self;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (problems != NULL)
    *problems = NULL;

  loader_init (&self);
  data = g_bytes_get_data (bytes, &size);

  if (size > ICC_DATASET_MAX_SIZE)
    {
      g_autofree char *max = g_format_size_full (ICC_DATASET_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("the file is larger than %s"), max);
      loader_add (&self, ICC_PROBLEM_ERROR, "", 0, 0, message);
      g_set_error (error, ICC_DATASET_ERROR, ICC_DATASET_ERROR_TOO_LARGE,
                   _("The file is larger than %s"), max);
      goto out;
    }

  if (size == 0 || data == NULL)
    {
      report_error (&self, "", _("the file is empty"));
      goto invalid;
    }

  if (!g_utf8_validate_len (data, size, &invalid))
    {
      int line, column;

      position_of_offset (data, invalid - data, &line, &column);
      loader_add (&self, ICC_PROBLEM_ERROR, "", line, column,
                  *invalid == '\0' ? _("the file contains a NUL byte")
                                   : _("the file is not valid UTF-8"));
      goto invalid;
    }

  /* A byte order mark is not JSON, but editors write it: skip it. */
  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      size -= 3;
    }

  /* json-glib accepts more than JSON, and crashes on deep nesting: it only
   * gets what is strict JSON (see icc-json-strict.c). */
  if (!icc_json_check_strict (data, size, MAX_DEPTH, &error_offset, &message))
    {
      int line, column;

      g_autofree char *text = NULL;

      position_of_offset (data, error_offset, &line, &column);
      /* Translators: %s says what is wrong with the file's JSON. */
      text = g_strdup_printf (_("syntax error: %s"), message);
      loader_add (&self, ICC_PROBLEM_ERROR, "", line, column, text);
      goto invalid;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, (gssize)size, &parse_error))
    {
      report_syntax_error (&self, data, size, parse_error);
      goto invalid;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      report_error (&self, "", _("the file is empty"));
      goto invalid;
    }

  if (!expect_type (&self, root, "", TYPE_OBJECT))
    goto invalid;

  /* Walking the whole tree is only needed when a \u escape could have put
   * invalid UTF-8 in a string. */
  if (has_unicode_escape (data, size))
    {
      check_values (&self, root, NULL, TRUE);
      self.values_checked = TRUE;
    }
  load_root (&self, json_node_get_object (root));

  if (self.n_errors == 0)
    {
      dataset = g_steal_pointer (&self.dataset);
      goto out;
    }

invalid:
  set_invalid_error (&self, error);

out:
  return_problems (&self, problems);
  loader_clear (&self);
  if (parser != NULL)
    free_tree_later (g_steal_pointer (&parser), size);

  return dataset;
}

/* Reads at most ICC_DATASET_MAX_SIZE + 1 bytes, so that a file that grows
 * while being read cannot make us read more. */
static GBytes *
read_stream (GInputStream  *stream,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GByteArray) buffer = NULL;
  gsize limit = (gsize)ICC_DATASET_MAX_SIZE + 1;

  buffer = g_byte_array_new ();

  while (buffer->len < limit)
    {
      gsize chunk = MIN ((gsize)64 * 1024, limit - buffer->len);
      gsize old_len = buffer->len;
      gsize n_read;

      g_byte_array_set_size (buffer, old_len + chunk);
      if (!g_input_stream_read_all (stream, buffer->data + old_len, chunk,
                                    &n_read, cancellable, error))
        return NULL;

      g_byte_array_set_size (buffer, old_len + n_read);
      if (n_read < chunk)
        break;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/* The same from a file descriptor of a regular file. */
static GBytes *
read_fd (int            fd,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  gsize limit = (gsize)ICC_DATASET_MAX_SIZE + 1;

  while (buffer->len < limit)
    {
      gsize chunk = MIN ((gsize)256 * 1024, limit - buffer->len);
      gsize old_len = buffer->len;
      gssize n_read;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      g_byte_array_set_size (buffer, old_len + chunk);
      do
        n_read = read (fd, buffer->data + old_len, chunk);
      while (n_read < 0 && errno == EINTR);

      if (n_read < 0)
        {
          int saved_errno = errno;

          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               g_strerror (saved_errno));
          return NULL;
        }

      g_byte_array_set_size (buffer, old_len + (gsize)n_read);
      if (n_read == 0)
        break;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

static gboolean
not_regular_error (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                       _("It is a pipe, a device or a socket, not a file"));
  return FALSE;
}

/* Only regular files are read: opening a FIFO would wait for a writer
 * forever, and a device could be read without end. A local file is opened
 * without blocking and checked on the opened descriptor, so that it cannot
 * be swapped for a FIFO between the check and the read. */
static GBytes *
read_file (GFile         *file,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GFileInputStream) file_stream = NULL;
  g_autofree char *path = g_file_get_path (file);
  GBytes *bytes;
  struct stat st;
  int fd;
  int saved_errno;

  if (path == NULL)
    {
      g_autoptr(GFileInfo) info = NULL;

      file_stream = g_file_read (file, cancellable, error);
      if (file_stream == NULL)
        return NULL;

      info = g_file_input_stream_query_info (file_stream, G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                             cancellable, NULL);
      if (info != NULL && g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
        {
          not_regular_error (error);
          return NULL;
        }

      return read_stream (G_INPUT_STREAM (file_stream), cancellable, error);
    }

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
      return NULL;
    }

  if (fstat (fd, &st) != 0)
    {
      saved_errno = errno;
      close (fd);
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
      return NULL;
    }

  /* O_NONBLOCK is without effect on a regular file's reads. */
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      if (S_ISDIR (st.st_mode))
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("It is a folder"));
      else
        not_regular_error (error);
      return NULL;
    }

  bytes = read_fd (fd, cancellable, error);
  close (fd);

  return bytes;
}

static void
set_io_error (GFile      *file,
              GPtrArray **problems,
              GError    **error,
              GError     *io_error)
{
  g_autofree char *name = g_file_get_parse_name (file);

  if (problems != NULL)
    {
      *problems = g_ptr_array_new_with_free_func ((GDestroyNotify)icc_problem_free);
      g_ptr_array_add (*problems, icc_problem_new (ICC_PROBLEM_ERROR, "", 0, 0, io_error->message));
    }

  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, io_error);
  else
    {
      /* Translators: the first %s is a file name, the second why it could not be read. */
      g_set_error (error, ICC_DATASET_ERROR, ICC_DATASET_ERROR_IO,
                   _("Could not read “%s”: %s"), name, io_error->message);
      g_error_free (io_error);
    }
}

IccDataset *
icc_dataset_load_file (GFile         *file,
                       GPtrArray    **problems,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  IccDataset *dataset;
  GError *local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (problems != NULL)
    *problems = NULL;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      set_io_error (file, problems, error, local_error);
      return NULL;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                           _("It is a folder"));
      set_io_error (file, problems, error, local_error);
      return NULL;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      not_regular_error (&local_error);
      set_io_error (file, problems, error, local_error);
      return NULL;
    }

  if (g_file_info_get_size (info) > ICC_DATASET_MAX_SIZE)
    {
      g_autofree char *max = g_format_size_full (ICC_DATASET_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *message = g_strdup_printf (_("the file is larger than %s"), max);

      if (problems != NULL)
        {
          *problems = g_ptr_array_new_with_free_func ((GDestroyNotify)icc_problem_free);
          g_ptr_array_add (*problems, icc_problem_new (ICC_PROBLEM_ERROR, "", 0, 0, message));
        }
      g_set_error (error, ICC_DATASET_ERROR, ICC_DATASET_ERROR_TOO_LARGE,
                   _("The file is larger than %s"), max);
      return NULL;
    }

  bytes = read_file (file, cancellable, &local_error);
  if (bytes == NULL)
    {
      set_io_error (file, problems, error, local_error);
      return NULL;
    }

  dataset = icc_dataset_load_bytes (bytes, problems, error);
  if (dataset != NULL)
    icc_dataset_set_file (dataset, file);

  return dataset;
}

IccDataset *
icc_dataset_load_bundled (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_resource_lookup_data (icc_dataset_resources_get_resource (), BUNDLED_PATH,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  return icc_dataset_load_bytes (bytes, NULL, error);
}

/* Saving */

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

/* For required fields: written even when unset, so the file stays valid. */
static void
add_required_string (JsonBuilder *builder,
                     const char  *name,
                     const char  *value)
{
  add_string (builder, name, value != NULL ? value : "");
}

static void
add_date (JsonBuilder   *builder,
          const char    *name,
          const IccDate *date)
{
  g_autofree char *iso = NULL;

  if (!icc_date_is_set (date))
    return;

  iso = icc_date_to_iso (date);
  add_string (builder, name, iso);
}

static void
add_strv (JsonBuilder        *builder,
          const char         *name,
          const char * const *strv)
{
  if (strv == NULL || strv[0] == NULL)
    return;

  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
}

static void
add_extra (JsonBuilder        *builder,
           JsonObject         *extra,
           const char * const *known)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (extra == NULL)
    return;

  json_object_iter_init_ordered (&iter, extra);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      /* A known field in the extras would be written twice. */
      if (g_strv_contains (known, name))
        continue;

      json_builder_set_member_name (builder, name);
      json_builder_add_value (builder, json_node_copy (member));
    }
}

static void
build_article (JsonBuilder *builder,
               IccArticle  *article)
{
  json_builder_begin_object (builder);
  add_required_string (builder, "id", icc_article_get_id (article));
  add_required_string (builder, "title", icc_article_get_title (article));
  add_string (builder, "outlet", icc_article_get_outlet (article));
  add_string (builder, "author", icc_article_get_author (article));
  add_string (builder, "url", icc_article_get_url (article));
  add_date (builder, "date", icc_article_get_date (article));
  add_required_string (builder, "text", icc_article_get_text (article));
  add_string (builder, "edit_note", icc_article_get_edit_note (article));
  add_extra (builder, icc_article_get_extra (article), article_fields);
  json_builder_end_object (builder);
}

static void
build_state (JsonBuilder *builder,
             IccState    *state)
{
  json_builder_begin_object (builder);
  add_required_string (builder, "code", icc_state_get_code (state));
  add_required_string (builder, "name", icc_state_get_name (state));
  add_string (builder, "group", icc_state_get_group (state));
  add_extra (builder, icc_state_get_extra (state), state_fields);
  json_builder_end_object (builder);
}

static void
build_citation (JsonBuilder *builder,
                IccCitation *citation)
{
  IccStance stance = icc_citation_get_stance (citation);
  int start = icc_citation_get_hint_start (citation);
  int end = icc_citation_get_hint_end (citation);

  json_builder_begin_object (builder);
  add_required_string (builder, "article", icc_citation_get_article_id (citation));
  add_required_string (builder, "quote", icc_citation_get_quote (citation));
  add_string (builder, "prefix", icc_citation_get_prefix (citation));
  add_string (builder, "suffix", icc_citation_get_suffix (citation));
  if (start >= 0)
    {
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, start);
    }
  if (end >= 0)
    {
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, end);
    }
  if (stance != ICC_STANCE_REPORTS)
    add_string (builder, "stance", icc_enum_to_nick (ICC_TYPE_STANCE, stance));
  add_string (builder, "note", icc_citation_get_note (citation));
  add_extra (builder, icc_citation_get_extra (citation), citation_fields);
  json_builder_end_object (builder);
}

static void
build_event (JsonBuilder *builder,
             IccEvent    *event)
{
  IccCertainty certainty = icc_event_get_certainty (event);
  guint n_citations = icc_event_get_n_citations (event);

  json_builder_begin_object (builder);
  add_required_string (builder, "id", icc_event_get_id (event));
  add_date (builder, "date", icc_event_get_date (event));
  add_date (builder, "end_date", icc_event_get_end_date (event));
  add_string (builder, "kind", icc_enum_to_nick (ICC_TYPE_EVENT_KIND, icc_event_get_kind (event)));
  add_strv (builder, "states", icc_event_get_states (event));
  add_required_string (builder, "title", icc_event_get_title (event));
  add_string (builder, "summary", icc_event_get_summary (event));
  if (certainty != ICC_CERTAINTY_CONFIRMED)
    add_string (builder, "certainty", icc_enum_to_nick (ICC_TYPE_CERTAINTY, certainty));
  add_string (builder, "certainty_note", icc_event_get_certainty_note (event));
  add_strv (builder, "sources", icc_event_get_sources (event));

  if (n_citations > 0)
    {
      json_builder_set_member_name (builder, "citations");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n_citations; i++)
        {
          g_autoptr(IccCitation) citation =
            g_list_model_get_item (icc_event_get_citations (event), i);

          build_citation (builder, citation);
        }
      json_builder_end_array (builder);
    }

  add_extra (builder, icc_event_get_extra (event), event_fields);
  json_builder_end_object (builder);
}

static void
build_era (JsonBuilder *builder,
           IccEra      *era)
{
  json_builder_begin_object (builder);
  add_required_string (builder, "id", icc_era_get_id (era));
  add_required_string (builder, "title", icc_era_get_title (era));
  add_date (builder, "start", icc_era_get_start (era));
  add_date (builder, "end", icc_era_get_end (era));
  add_string (builder, "summary", icc_era_get_summary (era));
  add_extra (builder, icc_era_get_extra (era), era_fields);
  json_builder_end_object (builder);
}

static void
build_tour (JsonBuilder *builder,
            IccTour     *tour)
{
  GPtrArray *step_extras = tour_get_step_extras (tour);
  guint n_steps = icc_tour_get_n_steps (tour);

  json_builder_begin_object (builder);
  add_required_string (builder, "id", icc_tour_get_id (tour));
  add_required_string (builder, "title", icc_tour_get_title (tour));
  add_string (builder, "description", icc_tour_get_description (tour));

  json_builder_set_member_name (builder, "steps");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_steps; i++)
    {
      json_builder_begin_object (builder);
      add_required_string (builder, "event", icc_tour_get_step_event (tour, i));
      add_string (builder, "title", icc_tour_get_step_title (tour, i));
      add_string (builder, "note", icc_tour_get_step_note (tour, i));
      if (step_extras != NULL && i < step_extras->len)
        add_extra (builder, g_ptr_array_index (step_extras, i), step_fields);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_extra (builder, icc_tour_get_extra (tour), tour_fields);
  json_builder_end_object (builder);
}

typedef void (*BuildItemFunc) (JsonBuilder *builder,
                               gpointer     item);

static void
build_list (JsonBuilder   *builder,
            const char    *name,
            GListModel    *model,
            gboolean       required,
            BuildItemFunc  build_item)
{
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;

  if (n == 0 && !required)
    return;

  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      build_item (builder, item);
    }
  json_builder_end_array (builder);
}

char *
icc_dataset_to_data (IccDataset *self,
                     gsize      *length)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  char *data;
  gsize json_length = 0;

  g_return_val_if_fail (ICC_IS_DATASET (self), NULL);

  builder = json_builder_new ();
  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, ICC_DATASET_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, ICC_DATASET_VERSION);
  add_required_string (builder, "title", icc_dataset_get_title (self));
  add_string (builder, "description", icc_dataset_get_description (self));

  build_list (builder, "articles", icc_dataset_get_articles (self), FALSE,
              (BuildItemFunc)build_article);
  build_list (builder, "states", icc_dataset_get_states (self), TRUE,
              (BuildItemFunc)build_state);
  build_list (builder, "events", icc_dataset_get_events (self), TRUE,
              (BuildItemFunc)build_event);
  build_list (builder, "eras", icc_dataset_get_eras (self), FALSE,
              (BuildItemFunc)build_era);
  build_list (builder, "tours", icc_dataset_get_tours (self), FALSE,
              (BuildItemFunc)build_tour);

  add_extra (builder, icc_dataset_get_extra (self), dataset_fields);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json = icc_json_write_pretty (root, &json_length);

  /* End the file with a newline, as text files do. */
  data = g_malloc (json_length + 2);
  memcpy (data, json, json_length);
  data[json_length] = '\n';
  data[json_length + 1] = '\0';

  if (length != NULL)
    *length = json_length + 1;

  return data;
}

/* Atomic through symbolic and hard links, keeping permissions, and without
 * leaving temporary files behind: see icc-file-replace.h. */
static gboolean
replace_contents (GFile         *file,
                  const char    *data,
                  gsize          length,
                  GCancellable  *cancellable,
                  GError       **error)
{
  return icc_file_replace_contents (file, data, length, cancellable, error);
}

/**
 * icc_dataset_write_data:
 * @data: a dataset as icc_dataset_to_data() made it
 * @file: where to write it
 *
 * Writes @data to @file atomically. It touches no dataset, so it can run on
 * a worker thread while the dataset stays with the thread that owns it
 * (which serializes first, and records the file when this succeeds).
 */
gboolean
icc_dataset_write_data (GBytes        *data,
                        GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *bytes;
  gsize length;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = g_bytes_get_data (data, &length);

  /* Written to a temporary file in the same folder, then renamed over the
   * target: an error leaves the old file as it was. */
  if (!replace_contents (file, bytes, length, cancellable, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        {
          g_autofree char *name = g_file_get_parse_name (file);

          /* Translators: the first %s is a file name, the second why it could not be written. */
          g_set_error (error, ICC_DATASET_ERROR, ICC_DATASET_ERROR_IO,
                       _("Could not save “%s”: %s"), name, local_error->message);
        }
      return FALSE;
    }

  return TRUE;
}

gboolean
icc_dataset_save_file (IccDataset    *self,
                       GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GBytes) data = NULL;
  char *text;
  gsize length;

  g_return_val_if_fail (ICC_IS_DATASET (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  text = icc_dataset_to_data (self, &length);
  data = g_bytes_new_take (text, length);

  if (!icc_dataset_write_data (data, file, cancellable, error))
    return FALSE;

  icc_dataset_set_file (self, file);

  return TRUE;
}
