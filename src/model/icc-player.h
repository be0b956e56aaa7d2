/* icc-player.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "icc-dataset.h"
#include "icc-focus.h"

G_BEGIN_DECLS

#define ICC_TYPE_PLAYER (icc_player_get_type ())

G_DECLARE_FINAL_TYPE (IccPlayer, icc_player, ICC, PLAYER, GObject)

#define ICC_PLAYER_DEFAULT_INTERVAL 1500

/* Plays through time: moves focus.date from the dataset's first membership
 * change to its last, change day by change day, one step every "interval"
 * milliseconds, so the views following the focus (world-state list, counts,
 * timeline cursor) show the Statute gain and lose parties. GLib only; the
 * timeout source is removed when playing stops and in dispose.
 *
 * Properties: "dataset", "focus" (construct-only), "playing" (boolean),
 * "interval" (milliseconds per step, 100 to 10000; bind it to the
 * "presentation-play-speed" setting). */
IccPlayer  *icc_player_new          (IccDataset *dataset,
                                     IccFocus   *focus);
IccDataset *icc_player_get_dataset  (IccPlayer  *self);
IccFocus   *icc_player_get_focus    (IccPlayer  *self);
gboolean    icc_player_get_playing  (IccPlayer  *self);
/* Starting at or after the last change starts again from the first. Playing
 * stops by itself on the last change. */
void        icc_player_set_playing  (IccPlayer  *self,
                                     gboolean    playing);
void        icc_player_toggle       (IccPlayer  *self);
/* Goes to the first change (of the range) and plays from there. */
void        icc_player_play_from_start (IccPlayer *self);
guint       icc_player_get_interval (IccPlayer  *self);
void        icc_player_set_interval (IccPlayer  *self,
                                     guint       interval_ms);
/* The same as an interval: steps per second (0.1 to 10). */
double      icc_player_get_speed    (IccPlayer  *self);
void        icc_player_set_speed    (IccPlayer  *self,
                                     double      steps_per_second);
/* Moves focus.date to the next (@direction > 0) or previous (< 0) change
 * day from the current date. From no date, either goes to the first change.
 * Returns FALSE, leaving the date alone, when there is none that way. Does
 * not stop playing. */
gboolean    icc_player_step         (IccPlayer  *self,
                                     int         direction);
/* The number of change days, and the index of the one the focus is on or
 * after (-1 before the first); for a "12 / 180" indicator. */
guint       icc_player_get_n_changes (IccPlayer *self);
int         icc_player_get_position (IccPlayer  *self);
/* Plays one period: only the change days from @first_day to @last_day
 * (day numbers, both included) are played, counted and stepped to; playing
 * from before or after them starts at the first of them. */
void        icc_player_set_range    (IccPlayer  *self,
                                     gint32      first_day,
                                     gint32      last_day);
/* Back to every change of the dataset. */
void        icc_player_clear_range  (IccPlayer  *self);
/* The period played; FALSE (and the widest days) when it is every change. */
gboolean    icc_player_get_range    (IccPlayer  *self,
                                     gint32     *first_day,
                                     gint32     *last_day);

G_END_DECLS
