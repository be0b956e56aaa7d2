/* test-player.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "icc-dataset-json.h"
#include "icc-player.h"

static IccDataset *
load_dataset (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  IccDataset *dataset;

  if (name == NULL)
    {
      dataset = icc_dataset_load_bundled (&error);
    }
  else
    {
      path = g_test_build_filename (G_TEST_DIST, "data", "good", name, NULL);
      file = g_file_new_for_path (path);
      dataset = icc_dataset_load_file (file, NULL, NULL, &error);
    }
  g_assert_no_error (error);
  g_assert_nonnull (dataset);

  return dataset;
}

static gint32
focus_day (IccFocus *focus)
{
  return icc_date_get_day (icc_focus_get_date (focus));
}

static void
increment (int *counter)
{
  (*counter)++;
}

/* Stepping visits every change day in order, forwards and back. */
static void
test_player_step_through_changes (void)
{
  g_autoptr(IccDataset) dataset = load_dataset (NULL);
  g_autoptr(GArray) days = icc_dataset_get_change_days (dataset);
  IccFocus *focus = icc_focus_new ();
  IccPlayer *player = icc_player_new (dataset, focus);
  int notified = 0;
  IccDate date;

  /* A new focus is on today; start before the first change. */
  icc_date_init (&date, 1900, 1, 1);
  icc_focus_set_date (focus, &date);

  g_assert_cmpuint (days->len, >, 10);
  g_assert_cmpuint (icc_player_get_n_changes (player), ==, days->len);
  g_assert_cmpint (icc_player_get_position (player), ==, -1);

  g_signal_connect_swapped (focus, "notify::date", G_CALLBACK (increment), &notified);

  for (guint i = 0; i < days->len; i++)
    {
      g_assert_true (icc_player_step (player, 1));
      g_assert_cmpint (focus_day (focus), ==, g_array_index (days, gint32, i));
      g_assert_cmpint (icc_player_get_position (player), ==, (int)i);
    }
  g_assert_cmpint (notified, ==, (int)days->len);

  /* Nothing after the last change: the date stays. */
  g_assert_false (icc_player_step (player, 1));
  g_assert_cmpint (focus_day (focus), ==, g_array_index (days, gint32, days->len - 1));

  for (guint i = days->len - 1; i > 0; i--)
    {
      g_assert_true (icc_player_step (player, -1));
      g_assert_cmpint (focus_day (focus), ==, g_array_index (days, gint32, i - 1));
    }
  g_assert_false (icc_player_step (player, -1));
  g_assert_cmpint (focus_day (focus), ==, g_array_index (days, gint32, 0));

  g_assert_finalize_object (player);
  g_assert_finalize_object (focus);
}

/* From a date between two changes, the steps go to the neighbours. */
static void
test_player_step_from_between (void)
{
  g_autoptr(IccDataset) dataset = load_dataset (NULL);
  g_autoptr(GArray) days = icc_dataset_get_change_days (dataset);
  g_autoptr(IccFocus) focus = icc_focus_new ();
  g_autoptr(IccPlayer) player = icc_player_new (dataset, focus);
  gint32 a = g_array_index (days, gint32, 5);
  gint32 b = g_array_index (days, gint32, 6);
  IccDate date;

  g_assert_cmpint (b - a, >, 1);
  icc_date_init_from_day (&date, a + 1);
  icc_focus_set_date (focus, &date);
  g_assert_cmpint (icc_player_get_position (player), ==, 5);

  g_assert_true (icc_player_step (player, 1));
  g_assert_cmpint (focus_day (focus), ==, b);

  icc_date_init_from_day (&date, b - 1);
  icc_focus_set_date (focus, &date);
  g_assert_true (icc_player_step (player, -1));
  g_assert_cmpint (focus_day (focus), ==, a);
}

typedef struct
{
  IccFocus  *focus;
  GArray    *seen;
  GMainLoop *loop;
} PlayState;

static void
date_changed_cb (IccFocus   *focus,
                 GParamSpec *pspec,
                 PlayState  *state)
{
  gint32 day = focus_day (focus);

  g_array_append_val (state->seen, day);
}

static void
playing_changed_cb (IccPlayer  *player,
                    GParamSpec *pspec,
                    PlayState  *state)
{
  if (!icc_player_get_playing (player))
    g_main_loop_quit (state->loop);
}

/* Playing starts again from the first change, visits every change in order
 * and stops by itself on the last. */
static void
test_player_plays_to_the_end (void)
{
  g_autoptr(IccDataset) dataset = load_dataset ("full.json");
  g_autoptr(GArray) days = icc_dataset_get_change_days (dataset);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (gint32));
  IccFocus *focus = icc_focus_new ();
  IccPlayer *player = icc_player_new (dataset, focus);
  PlayState state = { focus, seen, loop };
  int playing_notified = 0;
  IccDate date;

  g_assert_cmpuint (days->len, >=, 2);

  /* After the last change: playing rewinds to the first. */
  icc_date_init (&date, 2030, 1, 1);
  icc_focus_set_date (focus, &date);

  icc_player_set_speed (player, 10);
  g_assert_cmpuint (icc_player_get_interval (player), ==, 100);
  g_assert_cmpfloat_with_epsilon (icc_player_get_speed (player), 10, 1e-9);

  g_signal_connect (focus, "notify::date", G_CALLBACK (date_changed_cb), &state);
  g_signal_connect (player, "notify::playing", G_CALLBACK (playing_changed_cb), &state);
  g_signal_connect_swapped (player, "notify::playing", G_CALLBACK (increment), &playing_notified);

  icc_player_toggle (player);
  g_assert_true (icc_player_get_playing (player));
  g_assert_cmpint (playing_notified, ==, 1);
  g_assert_cmpint (focus_day (focus), ==, g_array_index (days, gint32, 0));

  g_main_loop_run (loop);

  g_assert_false (icc_player_get_playing (player));
  g_assert_cmpint (playing_notified, ==, 2);
  g_assert_cmpuint (seen->len, ==, days->len);
  for (guint i = 0; i < days->len; i++)
    g_assert_cmpint (g_array_index (seen, gint32, i), ==, g_array_index (days, gint32, i));

  g_signal_handlers_disconnect_by_data (focus, &state);
  g_assert_finalize_object (player);
  g_assert_finalize_object (focus);
}

/* Pausing removes the source; disposing a playing player does too. */
static void
test_player_pause_and_dispose (void)
{
  g_autoptr(IccDataset) dataset = load_dataset (NULL);
  IccFocus *focus = icc_focus_new ();
  IccPlayer *player = icc_player_new (dataset, focus);
  int notified = 0;
  gint32 day;

  g_signal_connect_swapped (player, "notify::playing", G_CALLBACK (increment), &notified);

  icc_player_set_playing (player, TRUE);
  icc_player_set_playing (player, TRUE);
  g_assert_cmpint (notified, ==, 1);
  day = focus_day (focus);

  icc_player_toggle (player);
  g_assert_false (icc_player_get_playing (player));
  g_assert_cmpint (notified, ==, 2);

  /* Paused: no more steps. */
  for (int i = 0; i < 3; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpint (focus_day (focus), ==, day);

  icc_player_set_playing (player, TRUE);
  g_assert_finalize_object (player);
  g_assert_finalize_object (focus);
}

/* A handler of the date that changes the speed restarts the timeout from
 * inside the step: the player keeps the new source, stops on the last change
 * and leaves no source behind to fire on a finalized player. */
static void
restart_cb (IccFocus   *focus,
            GParamSpec *pspec,
            IccPlayer  *player)
{
  guint interval = icc_player_get_interval (player);

  icc_player_set_interval (player, interval == 100 ? 101 : 100);
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_player_restart_from_handler (void)
{
  g_autoptr(IccDataset) dataset = load_dataset ("full.json");
  g_autoptr(GArray) days = icc_dataset_get_change_days (dataset);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (gint32));
  IccFocus *focus = icc_focus_new ();
  IccPlayer *player = icc_player_new (dataset, focus);
  PlayState state = { focus, seen, loop };

  icc_player_set_interval (player, 100);
  icc_player_set_playing (player, TRUE);
  g_signal_connect (focus, "notify::date", G_CALLBACK (restart_cb), player);
  g_signal_connect (player, "notify::playing", G_CALLBACK (playing_changed_cb), &state);

  g_main_loop_run (loop);

  g_assert_false (icc_player_get_playing (player));
  g_assert_cmpint (focus_day (focus), ==, g_array_index (days, gint32, days->len - 1));

  g_signal_handlers_disconnect_by_data (focus, player);
  g_assert_finalize_object (player);

  /* No stray source fires after the player is gone. */
  g_timeout_add (350, quit_cb, loop);
  g_main_loop_run (loop);
  g_assert_cmpint (focus_day (focus), ==, g_array_index (days, gint32, days->len - 1));

  g_assert_finalize_object (focus);
}

/* An empty dataset has nothing to play. */
static void
test_player_empty (void)
{
  g_autoptr(IccDataset) dataset = icc_dataset_new ();
  g_autoptr(IccFocus) focus = icc_focus_new ();
  g_autoptr(IccPlayer) player = icc_player_new (dataset, focus);

  g_assert_true (icc_dataset_index (dataset, NULL, NULL));
  icc_player_set_playing (player, TRUE);
  g_assert_false (icc_player_get_playing (player));
  g_assert_false (icc_player_step (player, 1));
  g_assert_cmpuint (icc_player_get_n_changes (player), ==, 0);
}

/* A period (issue 16): only its change days are played, counted and
 * stepped to, and playing from outside it starts at its first. */
static void
test_player_range (void)
{
  g_autoptr(IccDataset) dataset = load_dataset (NULL);
  g_autoptr(GArray) all = icc_dataset_get_change_days (dataset);
  g_autoptr(IccFocus) focus = icc_focus_new ();
  g_autoptr(IccPlayer) player = icc_player_new (dataset, focus);
  IccDate from, to, date;
  gint32 first = 0, last = 0;
  guint n_inside = 0;
  gint32 first_inside = G_MAXINT32, last_inside = G_MININT32;

  icc_date_init (&from, 2016, 10, 1);
  icc_date_init (&to, 2017, 12, 31);
  for (guint i = 0; i < all->len; i++)
    {
      gint32 day = g_array_index (all, gint32, i);

      if (day >= icc_date_get_day (&from) && day <= icc_date_get_day (&to))
        {
          n_inside++;
          first_inside = MIN (first_inside, day);
          last_inside = MAX (last_inside, day);
        }
    }
  g_assert_cmpuint (n_inside, >, 3);
  g_assert_cmpuint (n_inside, <, all->len);

  g_assert_false (icc_player_get_range (player, NULL, NULL));
  icc_player_set_range (player, icc_date_get_day (&from), icc_date_get_day (&to));
  g_assert_true (icc_player_get_range (player, &first, &last));
  g_assert_cmpint (first, ==, icc_date_get_day (&from));
  g_assert_cmpint (last, ==, icc_date_get_day (&to));
  g_assert_cmpuint (icc_player_get_n_changes (player), ==, n_inside);

  /* From 1998, play starts at the period's first change. */
  icc_date_init (&date, 1998, 7, 17);
  icc_focus_set_date (focus, &date);
  g_assert_cmpint (icc_player_get_position (player), ==, -1);
  icc_player_set_playing (player, TRUE);
  g_assert_true (icc_player_get_playing (player));
  g_assert_cmpint (focus_day (focus), ==, first_inside);
  g_assert_cmpint (icc_player_get_position (player), ==, 0);
  icc_player_set_playing (player, FALSE);

  /* Stepping stays inside. */
  for (guint i = 1; i < n_inside; i++)
    {
      g_assert_true (icc_player_step (player, 1));
      g_assert_cmpint (icc_player_get_position (player), ==, (int)i);
    }
  g_assert_cmpint (focus_day (focus), ==, last_inside);
  g_assert_false (icc_player_step (player, 1));

  icc_player_clear_range (player);
  g_assert_false (icc_player_get_range (player, NULL, NULL));
  g_assert_cmpuint (icc_player_get_n_changes (player), ==, all->len);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/IccTracker/Player/step-through-changes", test_player_step_through_changes);
  g_test_add_func ("/IccTracker/Player/step-from-between", test_player_step_from_between);
  g_test_add_func ("/IccTracker/Player/plays-to-the-end", test_player_plays_to_the_end);
  g_test_add_func ("/IccTracker/Player/pause-and-dispose", test_player_pause_and_dispose);
  g_test_add_func ("/IccTracker/Player/empty", test_player_empty);
  g_test_add_func ("/IccTracker/Player/restart-from-handler", test_player_restart_from_handler);
  g_test_add_func ("/IccTracker/Player/range", test_player_range);

  return g_test_run ();
}
