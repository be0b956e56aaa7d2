/* icc-changes.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "icc-changes.h"
#include "icc-enum-util.h"
#include "icc-problem.h"
#include "icc-world-row.h"

static int
compare_changes (gconstpointer a,
                 gconstpointer b)
{
  const IccStatusChange *ca = a;
  const IccStatusChange *cb = b;

  if (ca->day != cb->day)
    return (ca->day > cb->day) - (ca->day < cb->day);

  return g_strcmp0 (icc_state_get_display_name (ca->state),
                    icc_state_get_display_name (cb->state));
}

GArray *
icc_changes_between (IccDataset *dataset,
                     gint32      first_day,
                     gint32      last_day)
{
  GArray *changes = g_array_new (FALSE, FALSE, sizeof (IccStatusChange));
  GListModel *states;
  guint n_states;

  g_return_val_if_fail (ICC_IS_DATASET (dataset), changes);

  states = icc_dataset_get_states (dataset);
  n_states = g_list_model_get_n_items (states);

  for (guint i = 0; i < n_states; i++)
    {
      g_autoptr(IccState) state = g_list_model_get_item (states, i);
      guint n = 0;
      const IccTransition *transitions = icc_dataset_get_transitions (dataset, state, &n);

      for (guint j = 0; j < n; j++)
        {
          IccStatusChange change;

          if (transitions[j].day < first_day || transitions[j].day > last_day)
            continue;

          change.state = state;
          change.event = transitions[j].event;
          change.from = j > 0 ? transitions[j - 1].status : ICC_STATUS_NONE;
          change.to = transitions[j].status;
          change.day = transitions[j].day;
          g_array_append_val (changes, change);
        }
    }

  g_array_sort (changes, compare_changes);

  return changes;
}

gboolean
icc_changes_parse_range (const char  *text,
                         IccDataset  *dataset,
                         gint32      *first_day,
                         gint32      *last_day,
                         GError     **error)
{
  g_auto(GStrv) parts = NULL;
  IccDate first, last;

  g_return_val_if_fail (text != NULL, FALSE);

  parts = g_strsplit (text, "..", 2);
  if (parts[0] == NULL || parts[1] == NULL ||
      !icc_date_parse (parts[0], &first, NULL))
    goto invalid;

  if (*parts[1] == '\0')
    {
      /* "Since…": to today, or the last event when it is later. */
      icc_date_init_today (&last);
      *last_day = icc_date_get_end_day (&last);
      if (dataset != NULL)
        {
          GListModel *events = icc_dataset_get_events (dataset);
          guint n = g_list_model_get_n_items (events);

          if (n > 0)
            {
              g_autoptr(IccEvent) event = g_list_model_get_item (events, n - 1);

              *last_day = MAX (*last_day, icc_event_get_end_day (event));
            }
        }
    }
  else if (icc_date_parse (parts[1], &last, NULL))
    *last_day = icc_date_get_end_day (&last);
  else
    goto invalid;

  *first_day = icc_date_get_day (&first);
  if (*last_day < *first_day)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” ends before it starts"), text);
      return FALSE;
    }

  return TRUE;

invalid:
  /* TRANSLATORS: --changes=START..END; %s is what was given. */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("“%s” is not a range of dates: use START..END, such as "
                 "2016-10-01..2016-12-31, or START.. for since a date"), text);
  return FALSE;
}

/* CSV */

static void
append_field (GString    *out,
              const char *text)
{
  if (text == NULL)
    text = "";

  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_row (GString            *out,
            const char * const *fields)
{
  for (guint i = 0; fields[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_field (out, fields[i]);
    }
  g_string_append (out, "\r\n");
}

static char *
day_to_iso (gint32 day)
{
  IccDate date;

  icc_date_init_from_day (&date, day);
  return icc_date_to_iso (&date);
}

/* Column names are the JSON ones, for scripts; the values are nicks. */
char *
icc_changes_to_csv (GArray *changes)
{
  static const char * const header[] = {
    "date", "code", "state", "from", "to", "certainty", "event", NULL
  };
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (changes != NULL, NULL);

  append_row (out, header);
  for (guint i = 0; i < changes->len; i++)
    {
      const IccStatusChange *change = &g_array_index (changes, IccStatusChange, i);
      g_autofree char *date = day_to_iso (change->day);
      const char *row[] = {
        date,
        icc_state_get_code (change->state),
        icc_state_get_name (change->state),
        icc_enum_to_nick (ICC_TYPE_STATUS, change->from),
        icc_enum_to_nick (ICC_TYPE_STATUS, change->to),
        icc_enum_to_nick (ICC_TYPE_CERTAINTY, icc_event_get_certainty (change->event)),
        icc_event_get_id (change->event),
        NULL
      };

      append_row (out, row);
    }

  return g_string_free (out, FALSE);
}

char *
icc_world_to_csv (IccWorld *world)
{
  static const char * const header[] = {
    "code", "state", "status", "since", "certainty", NULL
  };
  GString *out = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (ICC_IS_WORLD (world), NULL);

  append_row (out, header);
  n = g_list_model_get_n_items (G_LIST_MODEL (world));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IccWorldRow) row = g_list_model_get_item (G_LIST_MODEL (world), i);
      IccState *state = icc_world_row_get_state (row);
      const IccDate *since = icc_world_row_get_since (row);
      g_autofree char *since_iso = icc_date_is_set (since) ? icc_date_to_iso (since) : NULL;
      const char *fields[] = {
        icc_state_get_code (state),
        icc_state_get_name (state),
        icc_enum_to_nick (ICC_TYPE_STATUS, icc_world_row_get_status (row)),
        since_iso != NULL ? since_iso : "",
        icc_enum_to_nick (ICC_TYPE_CERTAINTY, icc_world_row_get_certainty (row)),
        NULL
      };

      append_row (out, fields);
    }

  return g_string_free (out, FALSE);
}

/* JSON and text */

char *
icc_changes_to_json (GArray *changes,
                     gint32  first_day,
                     gint32  last_day)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *from = day_to_iso (first_day);
  g_autofree char *to = day_to_iso (last_day);

  g_return_val_if_fail (changes != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "from");
  json_builder_add_string_value (builder, from);
  json_builder_set_member_name (builder, "to");
  json_builder_add_string_value (builder, to);
  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < changes->len; i++)
    {
      const IccStatusChange *change = &g_array_index (changes, IccStatusChange, i);
      g_autofree char *date = day_to_iso (change->day);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, date);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, icc_state_get_code (change->state));
      json_builder_set_member_name (builder, "state");
      json_builder_add_string_value (builder, icc_state_get_name (change->state));
      json_builder_set_member_name (builder, "from");
      json_builder_add_string_value (builder, icc_enum_to_nick (ICC_TYPE_STATUS, change->from));
      json_builder_set_member_name (builder, "to");
      json_builder_add_string_value (builder, icc_enum_to_nick (ICC_TYPE_STATUS, change->to));
      json_builder_set_member_name (builder, "certainty");
      json_builder_add_string_value (builder,
                                     icc_enum_to_nick (ICC_TYPE_CERTAINTY,
                                                       icc_event_get_certainty (change->event)));
      json_builder_set_member_name (builder, "event");
      json_builder_add_string_value (builder, icc_event_get_id (change->event));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}

void
icc_changes_to_text (GArray  *changes,
                     gint32   first_day,
                     gint32   last_day,
                     GString *out)
{
  IccDate first, last;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_if_fail (changes != NULL);
  g_return_if_fail (out != NULL);

  icc_date_init_from_day (&first, first_day);
  icc_date_init_from_day (&last, last_day);
  from = icc_date_format (&first);
  to = icc_date_format (&last);

  /* Translators: the heading of --changes: "Changes from 1 October 2016 to
   * 31 December 2016: 4". */
  g_string_append_printf (out, _("Changes from %s to %s: %u"), from, to, changes->len);
  g_string_append_c (out, '\n');

  for (guint i = 0; i < changes->len; i++)
    {
      const IccStatusChange *change = &g_array_index (changes, IccStatusChange, i);
      g_autofree char *date = day_to_iso (change->day);
      g_autofree char *name = icc_escape_control_characters (icc_state_get_display_name (change->state));
      const char *mark = icc_certainty_get_mark (icc_event_get_certainty (change->event));

      /* Translators: one change: date, code, state, old status → new status,
       * and a mark of its certainty ("?" unverified). */
      g_string_append_printf (out, _("%s  %s  %s: %s → %s%s%s"), date,
                              icc_state_get_code (change->state), name,
                              icc_status_get_label (change->from),
                              icc_status_get_label (change->to),
                              *mark != '\0' ? " " : "", mark);
      g_string_append_c (out, '\n');
    }
}
