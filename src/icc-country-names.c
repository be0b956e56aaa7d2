/* icc-country-names.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "icc-country-names.h"

#define ISO_DOMAIN "iso_3166-1"

/* Where iso-codes is commonly installed; the configured prefix comes first. */
static const char * const localedirs[] = {
  ISO_CODES_LOCALEDIR,
  "/usr/share/locale",
};
static const char * const jsondirs[] = {
  ISO_CODES_LOCALEDIR "/../iso-codes/json",
  "/usr/share/iso-codes/json",
};

static GHashTable *names_by_code;
static GHashTable *common_names_by_code;

static void
load_iso_names (void)
{
  const char *env;

  names_by_code = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  common_names_by_code = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  /* ICC_TRACKER_ISO_CODES_LOCALEDIR lets tests and relocated installs point
   * at another copy of iso-codes. */
  env = g_getenv ("ICC_TRACKER_ISO_CODES_LOCALEDIR");
  if (env != NULL && *env != '\0')
    {
      bindtextdomain (ISO_DOMAIN, env);
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (localedirs); i++)
        {
          g_autofree char *probe = g_build_filename (localedirs[i], "de", "LC_MESSAGES",
                                                     ISO_DOMAIN ".mo", NULL);

          if (g_file_test (probe, G_FILE_TEST_EXISTS))
            {
              bindtextdomain (ISO_DOMAIN, localedirs[i]);
              break;
            }
        }
    }
  bind_textdomain_codeset (ISO_DOMAIN, "UTF-8");

  /* The msgids of the catalogue are iso-codes' English names, which may differ
   * from the dataset's ("Russian Federation"); map codes to them. */
  for (guint i = 0; i < G_N_ELEMENTS (jsondirs); i++)
    {
      g_autofree char *path = g_build_filename (jsondirs[i], "iso_3166-1.json", NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonNode *root;
      JsonArray *array;

      if (!g_file_test (path, G_FILE_TEST_EXISTS) ||
          !json_parser_load_from_file (parser, path, NULL))
        continue;

      root = json_parser_get_root (parser);
      if (!JSON_NODE_HOLDS_OBJECT (root))
        continue;
      array = json_object_get_array_member (json_node_get_object (root), "3166-1");
      if (array == NULL)
        continue;

      for (guint j = 0; j < json_array_get_length (array); j++)
        {
          JsonObject *entry = json_array_get_object_element (array, j);
          const char *code;
          const char *name;
          const char *common;

          if (entry == NULL)
            continue;
          code = json_object_get_string_member_with_default (entry, "alpha_2", NULL);
          name = json_object_get_string_member_with_default (entry, "name", NULL);
          common = json_object_get_string_member_with_default (entry, "common_name", NULL);
          if (code != NULL && name != NULL)
            g_hash_table_insert (names_by_code, g_strdup (code), g_strdup (name));
          if (code != NULL && common != NULL)
            g_hash_table_insert (common_names_by_code, g_strdup (code), g_strdup (common));
        }
      break;
    }
}

/* iso-codes' names sort by the country: "Russie, Fédération de" in French,
 * "Corea, República de" in Spanish. A heading "Événements : Russie,
 * Fédération de" reads as cut (issue 13): put such a name in reading order,
 * "Fédération de Russie". Only when the part after the comma ends with a
 * preposition that joins it to the country. */
char *
icc_country_names_reading_order (const char *name)
{
  static const char * const joins[] = { " de", " du", " des", " del", " d'", " d’", " of" };
  const char *comma = strstr (name, ", ");
  const char *rest;

  if (comma == NULL || strstr (comma + 2, ", ") != NULL)
    return g_strdup (name);

  rest = comma + 2;
  for (guint i = 0; i < G_N_ELEMENTS (joins); i++)
    if (g_str_has_suffix (rest, joins[i]))
      {
        gboolean elided = g_str_has_suffix (joins[i], "'") || g_str_has_suffix (joins[i], "’");

        return g_strdup_printf ("%s%s%.*s", rest, elided ? "" : " ", (int)(comma - name), name);
      }

  return g_strdup (name);
}

const char *
icc_country_names_lookup (const char *code,
                          const char *english_name)
{
  static gsize initialized = 0;
  const char *msgid = NULL;
  const char *translated;

  if (g_once_init_enter (&initialized))
    {
      load_iso_names ();
      g_once_init_leave (&initialized, 1);
    }

  /* "South Korea" rather than "Korea, Republic of", when iso-codes
   * translates the common name. */
  if (code != NULL && (msgid = g_hash_table_lookup (common_names_by_code, code)) != NULL)
    {
      translated = g_dgettext (ISO_DOMAIN, msgid);
      if (translated != msgid && g_strcmp0 (translated, msgid) != 0)
        return translated;
    }

  msgid = NULL;
  if (code != NULL)
    msgid = g_hash_table_lookup (names_by_code, code);
  if (msgid == NULL)
    msgid = english_name;
  if (msgid == NULL || *msgid == '\0')
    return NULL;

  /* dgettext returns its argument when there is no translation. */
  translated = g_dgettext (ISO_DOMAIN, msgid);
  if (translated == msgid || g_strcmp0 (translated, msgid) == 0)
    return NULL;

  return translated;
}

void
icc_country_names_apply (IccDataset *dataset)
{
  GListModel *states;
  guint n;

  g_return_if_fail (ICC_IS_DATASET (dataset));

  states = icc_dataset_get_states (dataset);
  n = g_list_model_get_n_items (states);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IccState) state = g_list_model_get_item (states, i);
      const char *name = icc_country_names_lookup (icc_state_get_code (state),
                                                   icc_state_get_name (state));
      g_autofree char *ordered = name != NULL ? icc_country_names_reading_order (name) : NULL;

      icc_state_set_display_name (state, ordered);
    }
}
