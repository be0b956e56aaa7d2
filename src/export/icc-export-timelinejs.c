/* icc-export-timelinejs.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "icc-enum-util.h"
#include "icc-export-timelinejs.h"

static void
add_date (JsonBuilder   *builder,
          const char    *member,
          const IccDate *date)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, date->year);
  if (date->month > 0)
    {
      json_builder_set_member_name (builder, "month");
      json_builder_add_int_value (builder, date->month);
    }
  if (date->day > 0)
    {
      json_builder_set_member_name (builder, "day");
      json_builder_add_int_value (builder, date->day);
    }
  json_builder_end_object (builder);
}

static void
add_text (JsonBuilder *builder,
          const char  *headline,
          const char  *html)
{
  g_autofree char *escaped = g_markup_escape_text (headline != NULL ? headline : "", -1);

  json_builder_set_member_name (builder, "text");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "headline");
  json_builder_add_string_value (builder, escaped);
  if (html != NULL && *html != '\0')
    {
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, html);
    }
  json_builder_end_object (builder);
}

static void
append_escaped (GString    *html,
                const char *format_open,
                const char *text,
                const char *format_close)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append_printf (html, "%s%s%s", format_open, escaped, format_close);
}

/* The body of an event's slide: summary, states, certainty, cited passages. */
static char *
event_html (IccDataset *dataset,
            IccEvent   *event)
{
  GString *html = g_string_new (NULL);
  const char * const *codes = icc_event_get_states (event);
  GListModel *citations = icc_event_get_citations (event);
  guint n_citations = g_list_model_get_n_items (citations);

  if (icc_event_get_summary (event) != NULL)
    append_escaped (html, "<p>", icc_event_get_summary (event), "</p>");

  if (codes[0] != NULL)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; codes[i] != NULL; i++)
        {
          IccState *state = icc_dataset_lookup_state (dataset, codes[i]);

          if (i > 0)
            g_string_append (names, ", ");
          g_string_append (names, state != NULL ? icc_state_get_name (state) : codes[i]);
        }
      append_escaped (html, "<p><strong>", _("States:"), "</strong> ");
      append_escaped (html, "", names->str, "</p>");
    }

  if (icc_event_get_certainty (event) != ICC_CERTAINTY_CONFIRMED)
    {
      append_escaped (html, "<p><em>", icc_certainty_get_label (icc_event_get_certainty (event)),
                      "");
      if (icc_event_get_certainty_note (event) != NULL)
        append_escaped (html, ": ", icc_event_get_certainty_note (event), "");
      g_string_append (html, "</em></p>");
    }

  for (guint i = 0; i < n_citations; i++)
    {
      g_autoptr(IccCitation) citation = g_list_model_get_item (citations, i);
      IccArticle *article = icc_citation_get_article (citation);

      append_escaped (html, "<blockquote>", icc_citation_get_quote (citation), "");
      if (article != NULL)
        {
          const char *outlet = icc_article_get_outlet (article);
          append_escaped (html, " — ", outlet != NULL ? outlet : icc_article_get_title (article),
                          "");
        }
      g_string_append (html, "</blockquote>");
      if (icc_citation_get_stance (citation) == ICC_STANCE_DISPUTES &&
          icc_citation_get_note (citation) != NULL)
        append_escaped (html, "<p><em>", icc_citation_get_note (citation), "</em></p>");
    }

  return g_string_free (html, FALSE);
}

char *
icc_export_timelinejs_to_data (IccDataset *dataset,
                               gsize      *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  GListModel *events, *eras;
  guint n_events, n_eras;

  g_return_val_if_fail (ICC_IS_DATASET (dataset), NULL);

  events = icc_dataset_get_events (dataset);
  eras = icc_dataset_get_eras (dataset);
  n_events = g_list_model_get_n_items (events);
  n_eras = g_list_model_get_n_items (eras);

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "title");
  json_builder_begin_object (builder);
  {
    g_autofree char *description = NULL;

    if (icc_dataset_get_description (dataset) != NULL)
      {
        g_autofree char *escaped = g_markup_escape_text (icc_dataset_get_description (dataset), -1);
        description = g_strdup_printf ("<p>%s</p>", escaped);
      }
    add_text (builder, icc_dataset_get_title (dataset), description);
  }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_events; i++)
    {
      g_autoptr(IccEvent) event = g_list_model_get_item (events, i);
      g_autofree char *html = event_html (dataset, event);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "unique_id");
      json_builder_add_string_value (builder, icc_event_get_id (event));
      add_date (builder, "start_date", icc_event_get_date (event));
      if (icc_date_is_set (icc_event_get_end_date (event)))
        add_date (builder, "end_date", icc_event_get_end_date (event));
      add_text (builder, icc_event_get_title (event), html);
      json_builder_set_member_name (builder, "group");
      json_builder_add_string_value (builder, icc_lane_get_label (icc_event_get_lane (event)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "eras");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_eras; i++)
    {
      g_autoptr(IccEra) era = g_list_model_get_item (eras, i);

      json_builder_begin_object (builder);
      add_date (builder, "start_date", icc_era_get_start (era));
      add_date (builder, "end_date", icc_era_get_end (era));
      add_text (builder, icc_era_get_title (era), NULL);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);

  return json_generator_to_data (generator, length);
}

gboolean
icc_export_timelinejs_to_file (IccDataset    *dataset,
                               GFile         *file,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (ICC_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  data = icc_export_timelinejs_to_data (dataset, &length);

  return g_file_replace_contents (file, data, length, NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                  cancellable, error);
}
