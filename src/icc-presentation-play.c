/* icc-presentation-play.c: playing through time: the time page in while
 * the player runs, the timeline following its date, the play button
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "icc-presentation-private.h"

void
_icc_presentation_set_time_mode (IccPresentation *self,
                                 gboolean         time_mode)
{
  self->time_mode = !!time_mode;
  gtk_stack_set_visible_child_name (self->stack, time_mode ? "time" : "event");
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
