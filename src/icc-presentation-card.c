/* icc-presentation-card.c: what the slides say: the step card, the
 * time page shown while playing through time, the world-state counts,
 * the presenter notes and the progress
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "icc-enum-util.h"
#include "icc-presentation-private.h"

/* Lines of changes listed for one day when playing through time. */
#define MAX_CHANGE_LINES 6

/* The status @state had before @event and the one it reached with it.
 * FALSE if the event changed nothing for the state. */
static gboolean
get_status_change (IccDataset *dataset,
                   IccEvent   *event,
                   IccState   *state,
                   IccStatus  *before,
                   IccStatus  *after)
{
  const IccTransition *transitions;
  guint n_transitions = 0;

  transitions = icc_dataset_get_transitions (dataset, state, &n_transitions);
  for (guint i = 0; i < n_transitions; i++)
    {
      if (transitions[i].event != event)
        continue;

      *before = i > 0 ? transitions[i - 1].status : ICC_STATUS_NONE;
      *after = transitions[i].status;
      return TRUE;
    }

  return FALSE;
}

/* "Russian Federation: Signatory → Signature withdrawn", one line per state
 * the event changed, at most @max_lines of them (0: all); appended. With
 * @mark_certainty, a change less than confirmed says so on its line.
 * Returns the number of lines left out. */
static guint
append_status_changes (IccDataset *dataset,
                       IccEvent   *event,
                       GString    *text,
                       guint       max_lines,
                       gboolean    mark_certainty,
                       guint      *n_lines)
{
  IccCertainty certainty = icc_event_get_certainty (event);

  const char * const *codes = icc_event_get_states (event);
  guint left_out = 0;

  if (!icc_event_kind_is_membership (icc_event_get_kind (event)) || codes == NULL)
    return 0;

  for (guint i = 0; codes[i] != NULL; i++)
    {
      IccState *state = icc_dataset_lookup_state (dataset, codes[i]);
      IccStatus before, after;

      if (state == NULL || !get_status_change (dataset, event, state, &before, &after))
        continue;

      if (max_lines > 0 && *n_lines >= max_lines)
        {
          left_out++;
          continue;
        }

      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (mark_certainty && certainty != ICC_CERTAINTY_CONFIRMED)
        /* Translators: a state, its status before and after an event, and
         * the event's certainty when less than confirmed ("unverified"). */
        g_string_append_printf (text, _("%s: %s → %s (%s)"),
                                icc_state_get_display_name (state),
                                icc_status_get_label (before),
                                icc_status_get_label (after),
                                icc_certainty_get_label (certainty));
      else
        /* Translators: a state and its status before and after an event. */
        g_string_append_printf (text, _("%s: %s → %s"),
                                icc_state_get_display_name (state),
                                icc_status_get_label (before),
                                icc_status_get_label (after));
      (*n_lines)++;
    }

  return left_out;
}

static char *
format_event_date (IccEvent *event)
{
  g_autofree char *start = icc_date_format (icc_event_get_date (event));
  const IccDate *end_date = icc_event_get_end_date (event);

  if (end_date != NULL && icc_date_is_set (end_date))
    {
      g_autofree char *end = icc_date_format (end_date);

      /* Translators: a period, from one date to another. */
      return g_strdup_printf (_("%s – %s"), start, end);
    }

  return g_steal_pointer (&start);
}

static char *
format_states (IccDataset *dataset,
               IccEvent   *event)
{
  const char * const *codes = icc_event_get_states (event);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      IccState *state = icc_dataset_lookup_state (dataset, codes[i]);

      if (text->len > 0)
        /* Translators: separates the names of states in a list. */
        g_string_append (text, _(", "));
      g_string_append (text, state != NULL ? icc_state_get_display_name (state) : codes[i]);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && text[0] != '\0');
}

void
_icc_presentation_update_card (IccPresentation *self)
{
  IccEvent *event = icc_focus_get_event (self->focus);
  const Step *step = _icc_presentation_current_step (self);
  g_autoptr(GString) changes = g_string_new (NULL);
  IccCitation *citation;
  g_autofree char *date = NULL;
  g_autofree char *states = NULL;
  g_autofree char *meta = NULL;
  IccCertainty certainty;
  guint n_lines = 0;

  if (event == NULL)
    {
      set_label (self->kicker_label, NULL);
      set_label (self->date_label, NULL);
      set_label (self->title_label, _("No event"));
      set_label (self->meta_label, NULL);
      set_label (self->change_label, NULL);
      set_label (self->summary_label, NULL);
      gtk_widget_set_visible (self->certainty_box, FALSE);
      gtk_widget_set_visible (self->quote_box, FALSE);
      _icc_presentation_apply_part (self);
      return;
    }

  date = format_event_date (event);
  states = format_states (self->dataset, event);
  if (states[0] != '\0')
    /* Translators: the kind of an event and the states involved. */
    meta = g_strdup_printf (_("%s · %s"), icc_event_kind_get_label (icc_event_get_kind (event)),
                            states);
  else
    meta = g_strdup (icc_event_kind_get_label (icc_event_get_kind (event)));
  append_status_changes (self->dataset, event, changes, 0, FALSE, &n_lines);

  /* The tour's own title for the step, above the event's. */
  set_label (self->kicker_label, step != NULL && step->event == event ? step->title : NULL);
  set_label (self->date_label, date);
  set_label (self->title_label, icc_event_get_title (event));
  set_label (self->meta_label, meta);
  set_label (self->change_label, changes->str);
  set_label (self->summary_label, icc_event_get_summary (event));

  /* A classroom tool must not present an unconfirmed fact as settled. */
  certainty = icc_event_get_certainty (event);
  gtk_widget_set_visible (self->certainty_box, certainty != ICC_CERTAINTY_CONFIRMED);
  if (certainty != ICC_CERTAINTY_CONFIRMED)
    {
      g_autofree char *text = g_strdup_printf (_("Certainty: %s"),
                                               icc_certainty_get_label (certainty));

      set_label (self->certainty_label, text);
      set_label (self->certainty_note_label, icc_event_get_certainty_note (event));
    }

  citation = icc_event_get_preferred_citation (event, NULL);
  gtk_widget_set_visible (self->quote_box, citation != NULL);
  if (citation != NULL)
    {
      IccArticle *article = icc_citation_get_article (citation);
      IccStance stance = icc_citation_get_stance (citation);
      g_autoptr(GString) source = g_string_new (NULL);
      /* Translators: a quoted passage of an article. */
      g_autofree char *quote = g_strdup_printf (_("“%s”"), icc_citation_get_quote (citation));

      if (article != NULL && icc_article_get_outlet (article) != NULL)
        g_string_append (source, icc_article_get_outlet (article));
      else if (article != NULL && icc_article_get_title (article) != NULL)
        g_string_append (source, icc_article_get_title (article));
      if (article != NULL && icc_date_is_set (icc_article_get_date (article)))
        {
          g_autofree char *article_date = icc_date_format (icc_article_get_date (article));

          if (source->len > 0)
            g_string_append (source, " · ");
          g_string_append (source, article_date);
        }
      if (stance != ICC_STANCE_REPORTS)
        {
          if (source->len > 0)
            g_string_append (source, " · ");
          g_string_append (source, icc_stance_get_label (stance));
        }
      /* Only when the event has nothing else (icc_event_get_preferred_citation),
       * and never as if it were the article. */
      if (icc_citation_get_comment (citation))
        {
          if (source->len > 0)
            g_string_append (source, " · ");
          g_string_append (source, _("A reader’s comment, not the article"));
        }

      set_label (self->quote_label, quote);
      set_label (self->source_label, source->str);
    }

  _icc_presentation_apply_part (self);
}

/* Playing through time: the date, big, and what changed on it. */
void
_icc_presentation_update_time_page (IccPresentation *self)
{
  const IccDate *date = icc_focus_get_date (self->focus);
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autofree char *date_text = NULL;
  g_autofree char *parties = NULL;
  GListModel *events;
  guint n_events, n_lines = 0, left_out = 0, n_parties;
  gint32 day;
  int position;

  if (date == NULL || !icc_date_is_set (date))
    {
      set_label (self->time_date_label, NULL);
      set_label (self->time_changes_label, NULL);
      return;
    }

  date_text = icc_date_format (date);
  day = icc_date_get_day (date);
  events = icc_dataset_get_events (self->dataset);
  n_events = g_list_model_get_n_items (events);
  for (guint i = icc_dataset_find_event_at_day (self->dataset, day); i < n_events; i++)
    {
      g_autoptr(IccEvent) event = g_list_model_get_item (events, i);

      if (icc_event_get_day (event) != day)
        break;
      left_out += append_status_changes (self->dataset, event, changes, MAX_CHANGE_LINES,
                                         TRUE, &n_lines);
    }
  if (left_out > 0)
    {
      g_string_append_c (changes, '\n');
      g_string_append_printf (changes,
                              g_dngettext (GETTEXT_PACKAGE, "and %u more state",
                                           "and %u more states", left_out),
                              left_out);
    }

  icc_world_set_date (self->world, date);
  n_parties = icc_world_get_states_parties (self->world);
  if (n_parties == 0)
    {
      /* Before the Statute entered into force (1 July 2002) no state was a
       * party: what counted was the ratifications deposited, 60 needed. */
      guint n_ratified = icc_world_get_count (self->world, ICC_STATUS_RATIFIED);

      parties = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u ratification deposited",
                                              "%u ratifications deposited", n_ratified),
                                 n_ratified);
    }
  else
    parties = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u State Party",
                                            "%u States Parties", n_parties),
                               n_parties);

  set_label (self->time_date_label, date_text);
  set_label (self->time_parties_label, parties);
  set_label (self->time_changes_label, changes->str);

  /* The step counter follows: the last step on or before the date. */
  for (guint i = 0; self->steps != NULL && i < self->steps->len; i++)
    {
      if (icc_event_get_day (g_array_index (self->steps, Step, i).event) > day)
        break;
      if (self->step != i)
        {
          self->step = i;
          _icc_presentation_update_progress (self);
          _icc_presentation_update_notes (self);
        }
    }

  position = icc_player_get_position (self->player);
  if (position >= 0)
    {
      g_autofree char *hint = g_strdup_printf (_("Playing through time: change %d of %u"),
                                               position + 1,
                                               icc_player_get_n_changes (self->player));

      gtk_label_set_text (self->hint_label, hint);
    }
}

void
_icc_presentation_update_counts (IccPresentation *self)
{
  const IccDate *date = icc_focus_get_date (self->focus);
  g_autofree char *counts = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *text = NULL;

  if (date == NULL || !icc_date_is_set (date))
    {
      set_label (self->counts_label, NULL);
      return;
    }

  icc_world_set_date (self->world, date);
  if (icc_world_get_states_parties (self->world) == 0)
    {
      /* Before entry into force, not "0 States Parties" but the count that
       * mattered then. */
      guint n_ratified = icc_world_get_count (self->world, ICC_STATUS_RATIFIED);
      guint n_signatories = icc_world_get_count (self->world, ICC_STATUS_SIGNATORY);
      g_autofree char *ratified = NULL;
      g_autofree char *signatories = NULL;

      ratified = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u ratification deposited",
                                               "%u ratifications deposited", n_ratified),
                                  n_ratified);
      signatories = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u signatory",
                                                  "%u signatories", n_signatories),
                                     n_signatories);
      /* Translators: ratifications, then signatories, before the Statute
       * entered into force. */
      counts = g_strdup_printf (_("%s · %s · not yet in force"), ratified, signatories);
    }
  else
    counts = icc_world_format_counts (self->world);
  date_text = icc_date_format (date);
  /* Translators: the date, then the world-state counts on it. */
  text = g_strdup_printf (_("On %s: %s"), date_text, counts);
  set_label (self->counts_label, text);
}

void
_icc_presentation_update_notes (IccPresentation *self)
{
  const Step *step = _icc_presentation_current_step (self);
  const Step *next = NULL;
  g_autofree char *progress = NULL;
  const char *title = NULL;
  const char *next_title = NULL;

  if (self->steps != NULL && self->step + 1 < self->steps->len)
    next = &g_array_index (self->steps, Step, self->step + 1);

  if (step != NULL)
    title = step->title != NULL ? step->title : icc_event_get_title (step->event);
  if (next != NULL)
    next_title = next->title != NULL ? next->title : icc_event_get_title (next->event);

  if (self->notes_window != NULL)
    {
      progress = g_strdup_printf (_("Step %u of %u"), self->step + 1,
                                  self->steps != NULL ? self->steps->len : 0);
      icc_presenter_notes_set_step (self->notes_window, progress, title,
                                    step != NULL ? step->note : NULL, next_title);
    }
}

void
_icc_presentation_update_progress (IccPresentation *self)
{
  guint n_steps = self->steps != NULL ? self->steps->len : 0;
  g_autofree char *text = NULL;

  if (self->n_parts > 1)
    /* Translators: the step shown, its part and the number of steps, "5 (2/2) / 12". */
    text = g_strdup_printf (_("%u (%u/%u) / %u"), self->step + 1, self->part + 1, self->n_parts,
                            n_steps);
  else
    /* Translators: the step shown and the number of steps, "5 / 12". */
    text = g_strdup_printf (_("%u / %u"), n_steps > 0 ? self->step + 1 : 0, n_steps);
  gtk_label_set_text (self->progress_label, text);
}
