/* icc-presentation-play.c: playing through time: the period played, the
 * time page in while the player runs, the timeline, the step counter and
 * the headline following its date, the play button
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "icc-presentation-private.h"

/* The first and last days of the tour's steps; FALSE without steps. */
static gboolean
tour_days (IccPresentation *self,
           gint32          *first,
           gint32          *last)
{
  if (self->steps == NULL || self->steps->len == 0)
    return FALSE;

  *first = G_MAXINT32;
  *last = G_MININT32;
  for (guint i = 0; i < self->steps->len; i++)
    {
      IccEvent *event = g_array_index (self->steps, Step, i).event;
      const IccDate *end = icc_event_get_end_date (event);

      *first = MIN (*first, icc_event_get_day (event));
      *last = MAX (*last, end != NULL && icc_date_is_set (end)
                          ? icc_date_get_end_day (end)
                          : icc_date_get_end_day (icc_event_get_date (event)));
    }

  return TRUE;
}

/* The days the period covers; FALSE for every change. */
static gboolean
period_days (IccPresentation *self,
             gint32          *first,
             gint32          *last)
{
  switch (self->period)
    {
    case ICC_PRESENTATION_PERIOD_TOUR:
      /* "All events in date order" is every change. */
      return self->tour != NULL && tour_days (self, first, last);

    case ICC_PRESENTATION_PERIOD_VISIBLE:
      *first = (gint32)ceil (icc_timeline_get_start (self->timeline));
      *last = (gint32)floor (icc_timeline_get_end (self->timeline));
      return *last >= *first;

    case ICC_PRESENTATION_PERIOD_CHOSEN:
      *first = icc_date_is_set (&self->period_start)
               ? icc_date_get_day (&self->period_start) : G_MININT32;
      *last = icc_date_is_set (&self->period_end)
              ? icc_date_get_end_day (&self->period_end) : G_MAXINT32;
      return *last >= *first;

    case ICC_PRESENTATION_PERIOD_ALL:
    default:
      return FALSE;
    }
}

static char *
format_year (gint32 day)
{
  IccDate date;

  icc_date_init_from_day (&date, day);
  return g_strdup_printf ("%d", date.year);
}

/* The period button says what Play plays: "2000 – 2017". */
void
_icc_presentation_update_period (IccPresentation *self)
{
  g_autofree char *label = NULL;
  gint32 first, last;

  if (self->period == ICC_PRESENTATION_PERIOD_VISIBLE)
    label = g_strdup (_("Visible Range"));
  else if (!period_days (self, &first, &last))
    label = g_strdup (_("Every Change"));
  else
    {
      g_autofree char *from = first != G_MININT32 ? format_year (first) : g_strdup ("1998");
      g_autofree char *to = last != G_MAXINT32 ? format_year (last) : NULL;

      /* Translators: the years of the period Play plays, "2000 – 2017". */
      label = to != NULL ? g_strdup_printf (_("%s – %s"), from, to)
                         /* Translators: the period Play plays, from a year on. */
                         : g_strdup_printf (_("From %s"), from);
    }

  gtk_menu_button_set_label (self->period_button, label);
}

/* Plays the period chosen: from its first change, or on from the date
 * shown when paused inside it. */
void
_icc_presentation_start_playing (IccPresentation *self)
{
  const IccDate *date = icc_focus_get_date (self->focus);
  gint32 first, last;

  if (period_days (self, &first, &last))
    icc_player_set_range (self->player, first, last);
  else
    icc_player_clear_range (self->player);

  /* From a step's card, the period starts again; from a pause, it goes on. */
  if (!self->time_mode || date == NULL || !icc_date_is_set (date))
    icc_player_play_from_start (self->player);
  else
    icc_player_set_playing (self->player, TRUE);
}

static void
period_toggled_cb (IccPresentation *self)
{
  const char *error = NULL;
  IccDate start, end;

  gtk_widget_set_sensitive (self->period_dates_box,
                            gtk_check_button_get_active (self->period_chosen_check));

  if (gtk_check_button_get_active (self->period_visible_check))
    self->period = ICC_PRESENTATION_PERIOD_VISIBLE;
  else if (gtk_check_button_get_active (self->period_all_check))
    self->period = ICC_PRESENTATION_PERIOD_ALL;
  else if (gtk_check_button_get_active (self->period_chosen_check))
    self->period = ICC_PRESENTATION_PERIOD_CHOSEN;
  else
    self->period = ICC_PRESENTATION_PERIOD_TOUR;

  if (self->period == ICC_PRESENTATION_PERIOD_CHOSEN)
    {
      if (!icc_date_parse_user (gtk_editable_get_text (self->period_start_entry), &start, NULL))
        error = _("The start date is not a date: type 2016-01-01, 2016-01 or 2016.");
      else if (!icc_date_parse_user (gtk_editable_get_text (self->period_end_entry), &end, NULL))
        error = _("The end date is not a date: type 2017-12-31, 2017-12 or 2017.");
      else if (icc_date_is_set (&start) && icc_date_is_set (&end) &&
               icc_date_get_day (&start) > icc_date_get_end_day (&end))
        error = _("The end date is before the start date.");
      else
        {
          self->period_start = start;
          self->period_end = end;
        }
    }

  gtk_label_set_text (self->period_error_label, error != NULL ? error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->period_error_label), error != NULL);
  _icc_presentation_update_period (self);
}

/* Back to the slides, so that the next key press goes to them. */
static void
period_popover_closed_cb (IccPresentation *self)
{
  gtk_widget_grab_focus (self->content);
}

void
icc_presentation_set_play_period (IccPresentation       *self,
                                  IccPresentationPeriod  period,
                                  const IccDate         *start,
                                  const IccDate         *end)
{
  GtkCheckButton *checks[] = {
    [ICC_PRESENTATION_PERIOD_TOUR] = self->period_tour_check,
    [ICC_PRESENTATION_PERIOD_VISIBLE] = self->period_visible_check,
    [ICC_PRESENTATION_PERIOD_ALL] = self->period_all_check,
    [ICC_PRESENTATION_PERIOD_CHOSEN] = self->period_chosen_check,
  };
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;

  g_return_if_fail (ICC_IS_PRESENTATION (self));
  g_return_if_fail (period <= ICC_PRESENTATION_PERIOD_CHOSEN);

  if (period == ICC_PRESENTATION_PERIOD_CHOSEN)
    {
      start_text = start != NULL && icc_date_is_set (start) ? icc_date_to_iso (start) : NULL;
      end_text = end != NULL && icc_date_is_set (end) ? icc_date_to_iso (end) : NULL;
      gtk_editable_set_text (self->period_start_entry, start_text != NULL ? start_text : "");
      gtk_editable_set_text (self->period_end_entry, end_text != NULL ? end_text : "");
    }
  gtk_check_button_set_active (checks[period], TRUE);
  period_toggled_cb (self);
}

IccPresentationPeriod
icc_presentation_get_play_period (IccPresentation *self)
{
  g_return_val_if_fail (ICC_IS_PRESENTATION (self), ICC_PRESENTATION_PERIOD_TOUR);

  return self->period;
}

void
_icc_presentation_class_init_play (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, period_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, period_popover_closed_cb);
}

void
_icc_presentation_set_time_mode (IccPresentation *self,
                                 gboolean         time_mode)
{
  self->time_mode = !!time_mode;
  gtk_stack_set_visible_child_name (self->stack, time_mode ? "time" : "event");
  _icc_presentation_show_view (self);
  if (time_mode)
    _icc_presentation_update_time_page (self);
  else
    gtk_label_set_text (self->hint_label, "");
}

void
_icc_presentation_focus_date_changed_cb (IccPresentation *self,
                                         GParamSpec      *pspec,
                                         IccFocus        *focus)
{
  const IccDate *date = icc_focus_get_date (focus);

  _icc_presentation_update_counts (self);

  if (self->time_mode && date != NULL && icc_date_is_set (date))
    {
      double day = icc_date_get_day (date) + 0.5;
      double half = MAX (MIN_HALF_SPAN,
                         (icc_timeline_get_end (self->timeline) -
                          icc_timeline_get_start (self->timeline)) / 2);

      _icc_presentation_update_time_page (self);

      /* Keep the cursor in the middle third of the view. */
      if (day < icc_timeline_get_start (self->timeline) + half * 2 / 3 ||
          day > icc_timeline_get_end (self->timeline) - half * 2 / 3)
        icc_timeline_zoom_to_range (self->timeline, day - half, day + half,
                                    gtk_widget_get_mapped (GTK_WIDGET (self)));
    }
}

void
_icc_presentation_player_playing_changed_cb (IccPresentation *self,
                                             GParamSpec      *pspec,
                                             IccPlayer       *player)
{
  gboolean playing = icc_player_get_playing (player);

  gtk_button_set_icon_name (self->play_button, playing ? "media-playback-pause-symbolic"
                                                       : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->play_button),
                               playing ? _("Pause (P)") : _("Play Through Time (P)"));
  if (playing)
    _icc_presentation_set_time_mode (self, TRUE);
}
