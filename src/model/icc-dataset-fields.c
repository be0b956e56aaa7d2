/* icc-dataset-fields.c: reading one field of one object with its checks
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

FieldResult
loader_read_string (Loader      *self,
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

  if (!loader_node_has_type (node, TYPE_STRING))
    {
      member_path = loader_path_member (path, member);
      loader_expect_type (self, node, member_path, TYPE_STRING);
      return FIELD_INVALID;
    }

  *out = json_node_get_string (node);

  return FIELD_OK;
}

/* An id: a non-empty string. */
FieldResult
loader_read_id (Loader      *self,
         JsonObject  *object,
         const char  *path,
         const char  *member,
         const char **out)
{
  FieldResult result = loader_read_string (self, object, path, member, TRUE, out);

  if (result == FIELD_OK && (*out)[0] == '\0')
    {
      g_autofree char *member_path = loader_path_member (path, member);

      report_error (self, member_path, _("must not be empty"));
      *out = NULL;
      return FIELD_INVALID;
    }

  return result;
}

FieldResult
loader_read_int (Loader     *self,
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

  if (!loader_node_has_type (node, TYPE_INTEGER))
    {
      member_path = loader_path_member (path, member);
      loader_expect_type (self, node, member_path, TYPE_INTEGER);
      return FIELD_INVALID;
    }

  value = json_node_get_int (node);
  if (value < min_value || value > max_value)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, value);

      member_path = loader_path_member (path, member);
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

FieldResult
loader_read_date (Loader     *self,
           JsonObject *object,
           const char *path,
           const char *member,
           gboolean    required,
           IccDate    *out)
{
  const char *text;
  FieldResult result;

  icc_date_clear (out);

  result = loader_read_string (self, object, path, member, required, &text);
  if (result != FIELD_OK)
    return result;

  if (!icc_date_parse (text, out, NULL))
    {
      g_autofree char *member_path = loader_path_member (path, member);
      g_autofree char *quoted = loader_quote (text);

      /* Translators: %s is the quoted text found where a date was expected. */
      report_error (self, member_path, _("%s is not a valid date"), quoted);
      icc_date_clear (out);
      return FIELD_INVALID;
    }

  return FIELD_OK;
}

void
loader_report_unknown_value (Loader     *self,
                      const char *path,
                      const char *value,
                      const char *valid)
{
  g_autofree char *quoted = loader_quote (value);

  /* Translators: the first %s is the quoted value of the file, the second a
   * comma-separated list of the values this version knows. */
  report_error (self, path, _("unknown value %s; expected one of: %s"), quoted, valid);
}

FieldResult
loader_read_enum (Loader     *self,
           JsonObject *object,
           const char *path,
           const char *member,
           gboolean    required,
           GType       enum_type,
           int        *out)
{
  const char *text;
  FieldResult result;

  result = loader_read_string (self, object, path, member, required, &text);
  if (result != FIELD_OK)
    return result;

  if (!icc_enum_from_nick (enum_type, text, out))
    {
      g_autofree char *member_path = loader_path_member (path, member);
      g_autofree char *valid = icc_enum_list_nicks (enum_type);

      loader_report_unknown_value (self, member_path, text, valid);
      return FIELD_INVALID;
    }

  return FIELD_OK;
}

FieldResult
loader_read_array (Loader      *self,
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

  if (!loader_node_has_type (node, TYPE_ARRAY))
    {
      member_path = loader_path_member (path, member);
      loader_expect_type (self, node, member_path, TYPE_ARRAY);
      return FIELD_INVALID;
    }

  *out = json_node_get_array (node);

  return FIELD_OK;
}

/* An array of strings, returned as a NULL-terminated vector (of borrowed
 * strings) holding the valid elements. */
FieldResult
loader_read_string_array (Loader       *self,
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

  result = loader_read_array (self, object, path, member, FALSE, &array);
  if (result != FIELD_OK)
    return result;

  n = json_array_get_length (array);
  *out = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (loader_node_has_type (element, TYPE_STRING))
        g_ptr_array_add (*out, (gpointer)json_node_get_string (element));
      else
        {
          g_autofree char *element_path = NULL;

          if (member_path == NULL)
            member_path = loader_path_member (path, member);
          element_path = loader_path_index (member_path, i);
          loader_expect_type (self, element, element_path, TYPE_STRING);
          result = FIELD_INVALID;
        }
    }

  g_ptr_array_add (*out, NULL);

  return result;
}

/* A copy of @node sharing nothing with it: json_node_copy() shares objects,
 * arrays and values, and the parse tree must be ours alone to free it on
 * another thread (see free_tree_later()). */
JsonNode *
loader_deep_copy_node (JsonNode *node)
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
          json_object_set_member (object, name, loader_deep_copy_node (member));
        json_node_init_object (copy, object);
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);
        g_autoptr(JsonArray) array_copy = json_array_sized_new (n);

        for (guint i = 0; i < n; i++)
          json_array_add_element (array_copy, loader_deep_copy_node (json_array_get_element (array, i)));
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
JsonObject *
loader_read_extra (Loader             *self,
            JsonObject         *object,
            const char         *path,
            const char * const *known)
{
  JsonObject *extra = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  guint n_known = 0;

  /* Usually every field is a known one: comparing the members' names with
   * the known ones (most differ at their first letter) is cheaper than
   * looking each known one up, or walking the members in order. */
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, NULL))
    for (guint i = 0; known[i] != NULL; i++)
      if (known[i][0] == name[0] && strcmp (known[i], name) == 0)
        {
          n_known++;
          break;
        }
  if (n_known == json_object_get_size (object))
    return NULL;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      g_autofree char *member_path = NULL;

      if (g_strv_contains (known, name))
        continue;

      member_path = loader_path_member (path, name);
      report_warning (self, member_path, _("unknown field, kept when saving"));

      /* The known fields check their own values as they read them. */
      if (!self->values_checked)
        {
          PathSegment root = { NULL, member_path, 0, TRUE };

          loader_check_values (self, member, &root, FALSE);
        }

      if (extra == NULL)
        extra = json_object_new ();
      json_object_set_member (extra, name, loader_deep_copy_node (member));
    }

  return extra;
}

/* Registers @id in @ids, or reports a duplicate. */
gboolean
loader_register_id (Loader     *self,
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

  member_path = loader_path_member (path, member);
  quoted = loader_quote (id);

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

gboolean
loader_is_state_code (const char *code)
{
  return g_ascii_isupper (code[0]) && g_ascii_isupper (code[1]) && code[2] == '\0';
}

void
loader_report_bad_state_code (Loader     *self,
                       const char *path,
                       const char *code)
{
  g_autofree char *quoted = loader_quote (code);

  report_error (self, path,
                _("%s is not a valid state code (two upper-case letters, ISO 3166-1 alpha-2)"),
                quoted);
}

gboolean
loader_date_before (const IccDate *end,
             const IccDate *start)
{
  return icc_date_get_end_day (end) < icc_date_get_day (start);
}

void
loader_object_unref_nullable (gpointer object)
{
  if (object != NULL)
    json_object_unref (object);
}

/* Tour steps have no extra fields in the IccTour API: they are kept on the
 * tour as object data, a GPtrArray of JsonObject (or NULL) by step. */
GPtrArray *
loader_tour_get_step_extras (IccTour *tour)
{
  return g_object_get_data (G_OBJECT (tour), STEP_EXTRAS_KEY);
}
