/* icc-export-timelinejs.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <gtk/gtk.h>
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

/* What a slide holds at 1280×720 without scrolling. */
#define MAX_QUOTES      2
#define MAX_QUOTE_CHARS 280

/* @text cut at a word before @max characters, with an ellipsis. */
static char *
shorten (const char *text,
         glong       max)
{
  const char *end;
  const char *space;

  if (g_utf8_strlen (text, -1) <= max)
    return g_strdup (text);

  end = g_utf8_offset_to_pointer (text, max);
  for (space = end; space > text && *space != ' '; space--)
    ;
  if (space > text)
    end = space;

  {
    g_autofree char *cut = g_strndup (text, end - text);

    return g_strconcat (cut, "…", NULL);
  }
}

/* The source's name, a link when it has an address (http or https only). */
static void
append_source (GString    *html,
               const char *name,
               const char *url)
{
  if (url != NULL && (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://")))
    {
      g_autofree char *escaped_url = g_markup_escape_text (url, -1);

      g_string_append_printf (html, "<a href=\"%s\">", escaped_url);
      append_escaped (html, "", name, "</a>");
    }
  else
    {
      append_escaped (html, "", name, "");
    }
}

/* The sources of the passages a slide does not quote. */
typedef struct
{
  const char *name;
  const char *url;
  guint       count;
} MoreSource;

/* The body of an event's slide: summary, states, certainty, cited passages. */
static char *
event_html (IccDataset *dataset,
            IccEvent   *event)
{
  GString *html = g_string_new (NULL);
  const char * const *codes = icc_event_get_states (event);
  GListModel *citations = icc_event_get_citations (event);
  guint n_citations = g_list_model_get_n_items (citations);
  g_autoptr(GPtrArray) more = g_ptr_array_new_with_free_func (g_free);

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

  /* A slide holds two passages, shortened: the rest are one link each. */
  for (guint i = 0; i < n_citations; i++)
    {
      g_autoptr(IccCitation) citation = g_list_model_get_item (citations, i);
      IccArticle *article = icc_citation_get_article (citation);
      const char *source = NULL;
      const char *url = NULL;

      if (article != NULL)
        {
          source = icc_article_get_outlet (article) != NULL ? icc_article_get_outlet (article)
                                                            : icc_article_get_title (article);
          url = icc_article_get_url (article);
        }

      if (i >= MAX_QUOTES)
        {
          /* Counted by source, in the order they come. */
          guint k;

          for (k = 0; k < more->len; k++)
            if (g_str_equal (((MoreSource *)more->pdata[k])->name, source != NULL ? source : ""))
              break;
          if (k == more->len)
            {
              MoreSource *m = g_new0 (MoreSource, 1);

              m->name = source != NULL ? source : "";
              m->url = url;
              g_ptr_array_add (more, m);
            }
          ((MoreSource *)more->pdata[k])->count++;
          continue;
        }

      {
        g_autofree char *quote = shorten (icc_citation_get_quote (citation), MAX_QUOTE_CHARS);

        append_escaped (html, "<blockquote>", quote, "");
      }
      if (source != NULL)
        {
          g_string_append (html, " — ");
          append_source (html, source, url);
        }
      g_string_append (html, "</blockquote>");
      if (icc_citation_get_stance (citation) == ICC_STANCE_DISPUTES &&
          icc_citation_get_note (citation) != NULL)
        append_escaped (html, "<p><em>", icc_citation_get_note (citation), "</em></p>");
    }

  if (more->len > 0)
    {
      g_autofree char *intro = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u more passage, in:",
                                                             "%u more passages, in:",
                                                             n_citations - MAX_QUOTES),
                                                n_citations - MAX_QUOTES);

      append_escaped (html, "<p>", intro, "");
      for (guint k = 0; k < more->len; k++)
        {
          MoreSource *m = more->pdata[k];

          g_string_append (html, k == 0 ? " " : "; ");
          append_source (html, *m->name != '\0' ? m->name : _("an article"), m->url);
          if (m->count > 1)
            g_string_append_printf (html, " (%u)", m->count);
        }
      g_string_append (html, "</p>");
    }

  return g_string_free (html, FALSE);
}

/* Same day: the adoption first (it opened the Statute for signature), then
 * the other kinds in their order (signatures before ratifications…), then
 * by title, so that the order never depends on the file's. */
static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  IccEvent *x = *(IccEvent **)a;
  IccEvent *y = *(IccEvent **)b;
  int kx = icc_event_get_kind (x) == ICC_EVENT_KIND_ADOPTION ? -1 : (int)icc_event_get_kind (x);
  int ky = icc_event_get_kind (y) == ICC_EVENT_KIND_ADOPTION ? -1 : (int)icc_event_get_kind (y);

  if (icc_event_get_day (x) != icc_event_get_day (y))
    return icc_event_get_day (x) < icc_event_get_day (y) ? -1 : 1;
  if (kx != ky)
    return kx < ky ? -1 : 1;

  return g_utf8_collate (icc_event_get_title (x), icc_event_get_title (y));
}

/* The events of the slides: those of @tour's steps (all without a tour)
 * within [@start_day, @end_day) (all days when both are 0), in order. */
static GPtrArray *
select_events (IccDataset *dataset,
               IccTour    *tour,
               double      start_day,
               double      end_day)
{
  GPtrArray *selected = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *events = icc_dataset_get_events (dataset);
  gboolean all_days = start_day == 0 && end_day == 0;
  guint n = g_list_model_get_n_items (events);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IccEvent) event = g_list_model_get_item (events, i);
      gint32 day = icc_event_get_day (event);

      if (!all_days && (day < start_day || day >= end_day))
        continue;
      if (tour != NULL)
        {
          guint step;

          for (step = 0; step < icc_tour_get_n_steps (tour); step++)
            if (g_strcmp0 (icc_tour_get_step_event (tour, step), icc_event_get_id (event)) == 0)
              break;
          if (step == icc_tour_get_n_steps (tour))
            continue;
        }
      g_ptr_array_add (selected, g_steal_pointer (&event));
    }
  g_ptr_array_sort (selected, compare_events);

  return selected;
}

/* A dataset's description without the sentences written for its
 * maintainers (those naming the project's files: "Built by
 * tools/build-dataset.py…", "see docs/DATASET.md"). */
static char *
description_for_readers (const char *description)
{
  g_auto(GStrv) sentences = NULL;
  GString *str = g_string_new (NULL);

  if (description == NULL)
    return g_string_free (str, FALSE);

  sentences = g_strsplit (description, ". ", -1);
  for (guint i = 0; sentences[i] != NULL; i++)
    {
      const char *sentence = sentences[i];

      if (strstr (sentence, "tools/") != NULL || strstr (sentence, "docs/") != NULL ||
          strstr (sentence, ".py") != NULL || strstr (sentence, ".md") != NULL)
        continue;
      if (str->len > 0)
        g_string_append (str, " ");
      g_string_append (str, sentence);
      if (sentences[i + 1] != NULL)
        g_string_append_c (str, '.');
    }

  return g_string_free (str, FALSE);
}

/* The title slide: the tour's (or the dataset's) title and description,
 * the span and the number of events, and where they come from. */
static void
add_title_slide (JsonBuilder *builder,
                 IccDataset  *dataset,
                 IccTour     *tour,
                 GPtrArray   *events)
{
  g_autoptr(GString) html = g_string_new (NULL);
  g_autofree char *description = NULL;

  if (tour != NULL && icc_tour_get_description (tour) != NULL)
    description = g_strdup (icc_tour_get_description (tour));
  else if (tour == NULL)
    description = description_for_readers (icc_dataset_get_description (dataset));
  if (description != NULL && *description != '\0')
    append_escaped (html, "<p>", description, "</p>");

  if (events->len > 0)
    {
      g_autofree char *first = icc_date_format (icc_event_get_date (events->pdata[0]));
      g_autofree char *last = icc_date_format (icc_event_get_date (events->pdata[events->len - 1]));
      g_autofree char *span = NULL;

      /* Translators: on the title slide of a TimelineJS export. */
      span = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event, %s – %s.",
                                           "%u events, %s – %s.", events->len),
                              events->len, first, last);
      append_escaped (html, "<p>", span, "");
    }
  /* Translators: on the title slide of a TimelineJS export: where the
   * events come from; %s is the dataset's title. */
  {
    g_autofree char *source = NULL;

    source = g_strdup_printf (_("From the ICC Tracker dataset “%s”; each slide names its "
                                "sources."), icc_dataset_get_title (dataset));

    append_escaped (html, events->len > 0 ? " " : "<p>", source, "</p>");
  }

  json_builder_set_member_name (builder, "title");
  json_builder_begin_object (builder);
  add_text (builder, tour != NULL ? icc_tour_get_title (tour) : icc_dataset_get_title (dataset),
            html->str);
  json_builder_end_object (builder);
}

char *
icc_export_timelinejs_to_data (IccDataset *dataset,
                               IccTour    *tour,
                               double      start_day,
                               double      end_day,
                               gsize      *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) events = NULL;
  GListModel *eras;
  guint n_eras;
  double first_day = G_MAXDOUBLE;
  double last_day = -G_MAXDOUBLE;

  g_return_val_if_fail (ICC_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (tour == NULL || ICC_IS_TOUR (tour), NULL);

  events = select_events (dataset, tour, start_day, end_day);
  eras = icc_dataset_get_eras (dataset);
  n_eras = g_list_model_get_n_items (eras);

  json_builder_begin_object (builder);
  add_title_slide (builder, dataset, tour, events);

  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  for (guint i = 0; i < events->len; i++)
    {
      IccEvent *event = events->pdata[i];
      g_autofree char *html = event_html (dataset, event);

      first_day = MIN (first_day, icc_event_get_day (event));
      last_day = MAX (last_day, icc_event_get_day (event));
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

  /* The eras over the slides' dates. */
  json_builder_set_member_name (builder, "eras");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_eras; i++)
    {
      g_autoptr(IccEra) era = g_list_model_get_item (eras, i);

      if (icc_era_get_end_day (era) < first_day || icc_era_get_start_day (era) > last_day)
        continue;
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
                               IccTour       *tour,
                               double         start_day,
                               double         end_day,
                               GFile         *file,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (ICC_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  data = icc_export_timelinejs_to_data (dataset, tour, start_day, end_day, &length);

  return g_file_replace_contents (file, data, length, NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                  cancellable, error);
}

/* The window's export dialog ------------------------------------------ */

void
icc_export_timelinejs_add_choice (GtkFileChooser *chooser,
                                  IccDataset     *dataset)
{
  GListModel *tours = icc_dataset_get_tours (dataset);
  guint n = g_list_model_get_n_items (tours);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  g_return_if_fail (GTK_IS_FILE_CHOOSER (chooser));
  g_return_if_fail (ICC_IS_DATASET (dataset));

  g_ptr_array_add (ids, g_strdup ("all"));
  g_ptr_array_add (labels, g_strdup (_("All events")));
  g_ptr_array_add (ids, g_strdup ("visible"));
  g_ptr_array_add (labels, g_strdup (_("The dates the timeline shows")));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IccTour) tour = g_list_model_get_item (tours, i);

      g_ptr_array_add (ids, g_strconcat ("tour:", icc_tour_get_id (tour), NULL));
      /* Translators: a choice of the TimelineJS export: a tour's events. */
      g_ptr_array_add (labels, g_strdup_printf (_("The tour “%s”"), icc_tour_get_title (tour)));
    }
  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (labels, NULL);

  /* Translators: the choice of the events a TimelineJS export has. */
  gtk_file_chooser_add_choice (chooser, ICC_EXPORT_TIMELINEJS_CHOICE, _("Events"),
                               (const char **)ids->pdata, (const char **)labels->pdata);
  gtk_file_chooser_set_choice (chooser, ICC_EXPORT_TIMELINEJS_CHOICE, "all");
}

gboolean
icc_export_timelinejs_to_file_for_choice (IccDataset  *dataset,
                                          const char  *choice,
                                          double       visible_start,
                                          double       visible_end,
                                          GFile       *file,
                                          GError     **error)
{
  IccTour *tour = NULL;

  g_return_val_if_fail (ICC_IS_DATASET (dataset), FALSE);

  if (g_strcmp0 (choice, "visible") == 0)
    return icc_export_timelinejs_to_file (dataset, NULL, visible_start, visible_end, file, NULL,
                                          error);

  if (choice != NULL && g_str_has_prefix (choice, "tour:"))
    tour = icc_dataset_lookup_tour (dataset, choice + strlen ("tour:"));

  return icc_export_timelinejs_to_file (dataset, tour, 0, 0, file, NULL, error);
}
