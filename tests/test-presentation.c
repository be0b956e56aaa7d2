/* test-presentation.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>
#include <locale.h>
#include <string.h>

#include "icc-dataset-json.h"
#include "icc-test-load.h"
#include "icc-presentation.h"
#include "icc-timeline.h"
#include "icc-world-map-view.h"
#include "icc-test-widgets.h"

#define TOUR "russia-2016"

static GtkCssProvider *css_provider;

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
activate (IccPresentation *presentation,
          const char      *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presentation), action, NULL));
}

static const char *
focus_event_id (IccFocus *focus)
{
  IccEvent *event = icc_focus_get_event (focus);

  return event != NULL ? icc_event_get_id (event) : NULL;
}

/* The presentation is destroyed (Esc) and nothing else holds it. */
static void
leave_and_finalize (IccPresentation *presentation)
{
  activate (presentation, "presentation.leave");
  wait_ms (50);
  g_assert_finalize_object (presentation);
}

static void
test_presentation_walks_the_tour (void)
{
  g_autoptr(IccDataset) dataset = test_load_bundled ();
  g_autoptr(IccFocus) focus = icc_focus_new ();
  IccTour *tour = icc_dataset_lookup_tour (dataset, TOUR);
  IccPresentation *presentation = g_object_ref (icc_presentation_new (NULL, dataset, focus));
  guint n_steps;

  g_assert_nonnull (tour);
  n_steps = icc_tour_get_n_steps (tour);
  g_assert_cmpuint (n_steps, ==, 15);

  /* No tour asked for: the bundled one. */
  icc_presentation_start (presentation, NULL);
  g_assert_cmpstr (icc_presentation_get_tour (presentation), ==, TOUR);
  g_assert_cmpuint (icc_presentation_get_n_steps (presentation), ==, n_steps);
  g_assert_cmpuint (icc_presentation_get_step (presentation), ==, 0);
  g_assert_cmpstr (focus_event_id (focus), ==, icc_tour_get_step_event (tour, 0));
  wait_ms (100);

  /* Forward through the tour: the focus follows each step. */
  for (guint i = 1; i < n_steps; i++)
    {
      activate (presentation, "presentation.next");
      g_assert_cmpuint (icc_presentation_get_step (presentation), ==, i);
      g_assert_cmpstr (focus_event_id (focus), ==, icc_tour_get_step_event (tour, i));
      g_assert_true (icc_date_equal (icc_focus_get_date (focus),
                                     icc_event_get_date (icc_focus_get_event (focus))));
    }

  /* The last step has no next: the step stays. */
  activate (presentation, "presentation.next");
  g_assert_cmpuint (icc_presentation_get_step (presentation), ==, n_steps - 1);

  /* And back. */
  for (guint i = n_steps - 1; i > 0; i--)
    {
      activate (presentation, "presentation.previous");
      g_assert_cmpuint (icc_presentation_get_step (presentation), ==, i - 1);
      g_assert_cmpstr (focus_event_id (focus), ==, icc_tour_get_step_event (tour, i - 1));
    }

  /* Home and End. */
  activate (presentation, "presentation.last");
  g_assert_cmpuint (icc_presentation_get_step (presentation), ==, n_steps - 1);
  g_assert_cmpstr (focus_event_id (focus), ==, icc_tour_get_step_event (tour, n_steps - 1));
  activate (presentation, "presentation.first");
  g_assert_cmpuint (icc_presentation_get_step (presentation), ==, 0);
  g_assert_cmpstr (focus_event_id (focus), ==, icc_tour_get_step_event (tour, 0));

  /* Leaving gives back what was selected before: nothing. */
  activate (presentation, "presentation.next");
  activate (presentation, "presentation.next");
  leave_and_finalize (presentation);
  g_assert_null (icc_focus_get_event (focus));
}

/* Every key presenters expect is bound, in the capture phase. */
static void
test_presentation_keys (void)
{
  static const struct {
    guint       keyval;
    const char *action;
  } expected[] = {
    { GDK_KEY_Right, "presentation.next" },
    { GDK_KEY_Down, "presentation.next" },
    { GDK_KEY_Page_Down, "presentation.next" },
    { GDK_KEY_space, "presentation.next" },
    { GDK_KEY_Return, "presentation.next" },
    { GDK_KEY_KP_Enter, "presentation.next" },
    { GDK_KEY_Left, "presentation.previous" },
    { GDK_KEY_Up, "presentation.previous" },
    { GDK_KEY_Page_Up, "presentation.previous" },
    { GDK_KEY_BackSpace, "presentation.previous" },
    { GDK_KEY_Home, "presentation.first" },
    { GDK_KEY_End, "presentation.last" },
    { GDK_KEY_b, "presentation.blank" },
    { GDK_KEY_period, "presentation.blank" },
    { GDK_KEY_w, "presentation.blank-white" },
    { GDK_KEY_Escape, "presentation.leave" },
    { GDK_KEY_n, "presentation.notes" },
    { GDK_KEY_p, "presentation.play" },
  };
  g_autoptr(IccDataset) dataset = test_load_bundled ();
  g_autoptr(IccFocus) focus = icc_focus_new ();
  IccPresentation *presentation = g_object_ref_sink (icc_presentation_new (NULL, dataset, focus));
  GListModel *shortcuts = icc_presentation_get_shortcuts (presentation);

  g_assert_cmpint (gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (shortcuts)), ==,
                   GTK_SHORTCUT_SCOPE_LOCAL);
  g_assert_cmpint (gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (shortcuts)),
                   ==, GTK_PHASE_CAPTURE);

  for (guint k = 0; k < G_N_ELEMENTS (expected); k++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (shortcuts) && !found; i++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, i);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (!GTK_IS_KEYVAL_TRIGGER (trigger) || !GTK_IS_NAMED_ACTION (action))
            continue;
          if (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) != expected[k].keyval ||
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) != 0)
            continue;

          g_assert_cmpstr (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), ==,
                           expected[k].action);
          found = TRUE;
        }

      if (!found)
        g_error ("No binding for %s", gdk_keyval_name (expected[k].keyval));
    }

  gtk_window_destroy (GTK_WINDOW (presentation));
  g_assert_finalize_object (presentation);
}

static void
test_presentation_blank (void)
{
  g_autoptr(IccDataset) dataset = test_load_bundled ();
  g_autoptr(IccFocus) focus = icc_focus_new ();
  IccPresentation *presentation = g_object_ref (icc_presentation_new (NULL, dataset, focus));

  icc_presentation_start (presentation, TOUR);
  activate (presentation, "presentation.next");
  g_assert_cmpint (icc_presentation_get_blank (presentation), ==, ICC_PRESENTATION_BLANK_NONE);

  /* b: black and back. */
  activate (presentation, "presentation.blank");
  g_assert_cmpint (icc_presentation_get_blank (presentation), ==, ICC_PRESENTATION_BLANK_BLACK);
  activate (presentation, "presentation.blank");
  g_assert_cmpint (icc_presentation_get_blank (presentation), ==, ICC_PRESENTATION_BLANK_NONE);

  /* w: white and back. */
  activate (presentation, "presentation.blank-white");
  g_assert_cmpint (icc_presentation_get_blank (presentation), ==, ICC_PRESENTATION_BLANK_WHITE);
  activate (presentation, "presentation.blank-white");
  g_assert_cmpint (icc_presentation_get_blank (presentation), ==, ICC_PRESENTATION_BLANK_NONE);

  /* From white, b goes to black. */
  activate (presentation, "presentation.blank-white");
  activate (presentation, "presentation.blank");
  g_assert_cmpint (icc_presentation_get_blank (presentation), ==, ICC_PRESENTATION_BLANK_BLACK);

  /* A clicker's "next" on a blank screen brings the slide back first. */
  activate (presentation, "presentation.next");
  g_assert_cmpint (icc_presentation_get_blank (presentation), ==, ICC_PRESENTATION_BLANK_NONE);
  g_assert_cmpuint (icc_presentation_get_step (presentation), ==, 1);
  activate (presentation, "presentation.next");
  g_assert_cmpuint (icc_presentation_get_step (presentation), ==, 2);

  leave_and_finalize (presentation);
}

static GtkWidget *
find_map (GtkWidget *widget)
{
  if (ICC_IS_WORLD_MAP_VIEW (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_map (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
map_shown (GtkWidget *map)
{
  GtkWidget *stack = gtk_widget_get_parent (map);

  while (stack != NULL && !GTK_IS_STACK (stack))
    stack = gtk_widget_get_parent (stack);
  g_assert_nonnull (stack);

  return gtk_stack_get_visible_child (GTK_STACK (stack)) == map;
}

/* Issue 14: a step with "view": "map" shows the world map on its date, the
 * others the timeline. */
static void
test_presentation_map_step (void)
{
  g_autoptr(IccDataset) dataset = test_load_bundled ();
  g_autoptr(IccFocus) focus = icc_focus_new ();
  IccPresentation *presentation = g_object_ref (icc_presentation_new (NULL, dataset, focus));
  IccTour *tour = icc_dataset_lookup_tour (dataset, TOUR);
  GtkWidget *map = find_map (GTK_WIDGET (presentation));
  guint map_step = G_MAXUINT;

  g_assert_nonnull (map);
  for (guint i = 0; i < icc_tour_get_n_steps (tour); i++)
    if (icc_tour_get_step_view (tour, i) == ICC_TOUR_VIEW_MAP)
      map_step = i;
  g_assert_cmpuint (map_step, <, icc_tour_get_n_steps (tour));

  icc_presentation_start (presentation, TOUR);
  g_assert_false (map_shown (map));
  icc_presentation_set_step (presentation, map_step);
  g_assert_true (map_shown (map));
  g_assert_true (icc_date_equal (icc_focus_get_date (focus),
                                 icc_event_get_date (icc_focus_get_event (focus))));
  icc_presentation_set_step (presentation, map_step + 1);
  g_assert_false (map_shown (map));

  leave_and_finalize (presentation);
}

/* Esc gives back the date, the selection and the view the teacher left. */
static void
test_presentation_leave_restores (void)
{
  g_autoptr(IccDataset) dataset = test_load_bundled ();
  g_autoptr(IccFocus) focus = icc_focus_new ();
  GtkWidget *opener = gtk_window_new ();
  IccTimeline *timeline = icc_timeline_new ();
  IccPresentation *presentation;
  IccEvent *event = icc_dataset_lookup_event (dataset, "rome-statute-adopted");
  IccState *state = icc_dataset_lookup_state (dataset, "HU");
  IccDate date;
  double start, end;

  g_assert_nonnull (event);
  g_assert_nonnull (state);

  /* The teacher's window: a timeline on 2003–2006, an event selected and
   * the cursor moved on to 1 January 2010, Hungary selected. */
  icc_timeline_set_model (timeline, icc_dataset_get_events (dataset));
  icc_timeline_set_focus (timeline, focus);
  gtk_window_set_child (GTK_WINDOW (opener), GTK_WIDGET (timeline));
  gtk_window_set_default_size (GTK_WINDOW (opener), 1000, 300);
  gtk_window_present (GTK_WINDOW (opener));
  icc_focus_set_event (focus, event);
  icc_date_init (&date, 2010, 1, 1);
  icc_focus_set_date (focus, &date);
  icc_focus_set_state (focus, state);
  wait_ms (100);
  icc_timeline_zoom_to_range (timeline, 12000, 13000, FALSE);
  start = icc_timeline_get_start (timeline);
  end = icc_timeline_get_end (timeline);

  presentation = g_object_ref (icc_presentation_new (NULL, dataset, focus));
  icc_presentation_set_opener (presentation, GTK_WINDOW (opener));
  icc_presentation_start (presentation, TOUR);
  activate (presentation, "presentation.next");
  activate (presentation, "presentation.next");
  wait_ms (500);
  g_assert_false (icc_focus_get_event (focus) == event);

  leave_and_finalize (presentation);
  g_assert_true (icc_focus_get_event (focus) == event);
  g_assert_true (icc_date_equal (icc_focus_get_date (focus), &date));
  g_assert_true (icc_focus_get_state (focus) == state);
  g_assert_cmpfloat_with_epsilon (icc_timeline_get_start (timeline), start, 0.5);
  g_assert_cmpfloat_with_epsilon (icc_timeline_get_end (timeline), end, 0.5);

  gtk_window_destroy (GTK_WINDOW (opener));
}

static void
test_presentation_tours_and_notes (void)
{
  g_autoptr(IccDataset) dataset = test_load_bundled ();
  g_autoptr(IccFocus) focus = icc_focus_new ();
  IccPresentation *presentation = g_object_ref (icc_presentation_new (NULL, dataset, focus));
  GListModel *events = icc_dataset_get_events (dataset);
  g_autoptr(IccEvent) first = g_list_model_get_item (events, 0);
  g_autofree char *note_start = NULL;
  const char *note;

  icc_presentation_start (presentation, ICC_PRESENTATION_ALL_EVENTS);
  g_assert_cmpstr (icc_presentation_get_tour (presentation), ==, ICC_PRESENTATION_ALL_EVENTS);
  g_assert_cmpuint (icc_presentation_get_n_steps (presentation), ==,
                    g_list_model_get_n_items (events));
  g_assert_true (icc_focus_get_event (focus) == first);

  activate (presentation, "presentation.last");
  g_assert_cmpuint (icc_presentation_get_step (presentation), ==,
                    g_list_model_get_n_items (events) - 1);

  g_assert_false (icc_presentation_set_tour (presentation, "no-such-tour"));
  g_assert_true (icc_presentation_set_tour (presentation, TOUR));
  g_assert_cmpuint (icc_presentation_get_n_steps (presentation), ==, 15);
  g_assert_cmpuint (icc_presentation_get_step (presentation), ==, 0);
  note = icc_tour_get_step_note (icc_dataset_lookup_tour (dataset, TOUR), 0);
  g_assert_nonnull (note);
  note_start = g_strndup (note, 24);

  /* One monitor (a laptop mirrored to the projector): n never shows the
   * notes to the class, it says where they are. */
  g_assert_false (icc_presentation_get_notes_visible (presentation));
  activate (presentation, "presentation.notes");
  g_assert_false (icc_presentation_get_notes_visible (presentation));
  g_assert_false (label_text_shown (GTK_WIDGET (presentation), note_start));
  g_assert_true (label_text_shown (GTK_WIDGET (presentation), "second monitor"));
  activate (presentation, "presentation.notes");
  g_assert_false (icc_presentation_get_notes_visible (presentation));

  leave_and_finalize (presentation);
}

static void
test_presentation_play (void)
{
  g_autoptr(IccDataset) dataset = test_load_bundled ();
  g_autoptr(IccFocus) focus = icc_focus_new ();
  IccPresentation *presentation = g_object_ref (icc_presentation_new (NULL, dataset, focus));
  IccPlayer *player = icc_presentation_get_player (presentation);
  g_autoptr(GArray) days = icc_dataset_get_change_days (dataset);

  icc_presentation_start (presentation, TOUR);

  /* The tour starts in 1998, before the first change (2000): play starts
   * from the first change. */
  activate (presentation, "presentation.play");
  g_assert_true (icc_player_get_playing (player));
  g_assert_cmpint (icc_date_get_day (icc_focus_get_date (focus)), ==,
                   g_array_index (days, gint32, 0));

  icc_player_set_speed (player, 10);
  for (guint i = 0; i < 50 && icc_player_get_position (player) < 2; i++)
    wait_ms (100);
  g_assert_cmpint (icc_player_get_position (player), >=, 2);

  activate (presentation, "presentation.play");
  g_assert_false (icc_player_get_playing (player));

  /* Navigating goes back to the tour's steps. */
  activate (presentation, "presentation.next");
  g_assert_cmpuint (icc_presentation_get_step (presentation), ==, 1);

  /* Leaving while playing stops the player's source with it. */
  activate (presentation, "presentation.play");
  leave_and_finalize (presentation);
}

/* Play a period (issue 16): the tour's dates by default, or chosen ones;
 * the step counter follows; before entry into force the headline counts
 * ratifications; an unverified change says so. */
static void
test_presentation_play_period (void)
{
  g_autoptr(IccDataset) dataset = test_load_bundled ();
  g_autoptr(IccFocus) focus = icc_focus_new ();
  IccPresentation *presentation = g_object_ref (icc_presentation_new (NULL, dataset, focus));
  IccPlayer *player = icc_presentation_get_player (presentation);
  IccTour *tour = icc_dataset_lookup_tour (dataset, TOUR);
  g_autoptr(GArray) days = icc_dataset_get_change_days (dataset);
  IccDate start, end, date;
  gint32 first_day = G_MAXINT32, last_day = G_MININT32, first_change = G_MAXINT32;
  guint expected_step = 0;

  icc_presentation_start (presentation, TOUR);
  g_assert_cmpint (icc_presentation_get_play_period (presentation), ==,
                   ICC_PRESENTATION_PERIOD_TOUR);

  /* The tour's dates: from its first step to its last. */
  for (guint i = 0; i < icc_tour_get_n_steps (tour); i++)
    {
      IccEvent *event = icc_dataset_lookup_event (dataset, icc_tour_get_step_event (tour, i));

      first_day = MIN (first_day, icc_event_get_day (event));
      last_day = MAX (last_day, icc_event_get_day (event));
    }
  activate (presentation, "presentation.play");
  g_assert_true (icc_player_get_playing (player));
  g_assert_true (icc_player_get_range (player, NULL, NULL));
  g_assert_cmpint (icc_date_get_day (icc_focus_get_date (focus)), >=, first_day);
  activate (presentation, "presentation.play");

  /* A chosen period: autumn 2016 to 2017, from its first change. */
  icc_date_init (&start, 2016, 10, 1);
  icc_date_init (&end, 2017, 12, 31);
  icc_presentation_set_play_period (presentation, ICC_PRESENTATION_PERIOD_CHOSEN, &start, &end);
  g_assert_cmpint (icc_presentation_get_play_period (presentation), ==,
                   ICC_PRESENTATION_PERIOD_CHOSEN);
  activate (presentation, "presentation.next");
  activate (presentation, "presentation.play");
  g_assert_true (icc_player_get_playing (player));
  for (guint i = 0; i < days->len; i++)
    if (g_array_index (days, gint32, i) >= icc_date_get_day (&start))
      {
        first_change = g_array_index (days, gint32, i);
        break;
      }
  g_assert_cmpint (icc_date_get_day (icc_focus_get_date (focus)), ==, first_change);

  /* The counter follows: the last step on or before the date. */
  for (guint i = 0; i < icc_tour_get_n_steps (tour); i++)
    {
      IccEvent *event = icc_dataset_lookup_event (dataset, icc_tour_get_step_event (tour, i));

      if (icc_event_get_day (event) <= first_change)
        expected_step = i;
    }
  g_assert_cmpuint (icc_presentation_get_step (presentation), ==, expected_step);
  g_assert_true (label_text_shown (GTK_WIDGET (presentation), "/ 15"));

  /* Russia's unverified change is labelled as such. */
  activate (presentation, "presentation.play");
  icc_date_init (&date, 2016, 11, 30);
  icc_focus_set_date (focus, &date);
  g_assert_true (label_text_shown (GTK_WIDGET (presentation), "Signature withdrawn (Unverified)"));

  /* Before entry into force: ratifications deposited, not "0 States Parties". */
  icc_date_init (&date, 2001, 6, 1);
  icc_focus_set_date (focus, &date);
  g_assert_true (label_text_shown (GTK_WIDGET (presentation), "ratifications deposited"));
  g_assert_false (label_text_shown (GTK_WIDGET (presentation), "0 States Parties"));
  icc_date_init (&date, 2003, 1, 1);
  icc_focus_set_date (focus, &date);
  g_assert_true (label_text_shown (GTK_WIDGET (presentation), "States Parties"));

  leave_and_finalize (presentation);
}

static void
render_to_png (GtkWidget  *widget,
               const char *path)
{
  GdkPaintable *paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  /* Between a layout and the next frame there may be nothing to draw yet:
   * poll for up to 2 s. */
  for (guint i = 0; node == NULL && i < 40; i++)
    {
      wait_ms (50);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_object_unref (paintable);
}

/* Renders steps of the tour at two sizes, light and dark, to PNGs in the
 * build directory (test artifacts to look at). */
static void
test_presentation_render (void)
{
  static const struct { int width, height; } sizes[] = { { 1920, 1080 }, { 1280, 720 } };
  static const struct { const char *name; const char *theme; gboolean dark; } themes[] = {
    { "light", "Default", FALSE },
    { "dark", "Default", TRUE },
    { "hc", "Default-hc", FALSE },
  };
  static const struct { const char *name; guint step; gboolean notes; } shots[] = {
    { "step2", 1, FALSE },
    { "step11", 10, TRUE },
  };
  g_autoptr(IccDataset) dataset = test_load_bundled ();
  g_autoptr(IccFocus) focus = icc_focus_new ();
  GtkSettings *settings = gtk_settings_get_default ();
  g_autofree char *theme_name = NULL;

  g_object_get (settings, "gtk-theme-name", &theme_name, NULL);

  for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        IccPresentation *presentation = g_object_ref (icc_presentation_new (NULL, dataset, focus));
        GtkWidget *widget = GTK_WIDGET (presentation);

        g_object_set (settings,
                      "gtk-theme-name", themes[t].theme,
                      "gtk-application-prefer-dark-theme", themes[t].dark,
                      NULL);

        gtk_window_set_default_size (GTK_WINDOW (presentation), sizes[s].width, sizes[s].height);
        g_assert_true (icc_presentation_set_tour (presentation, TOUR));
        gtk_window_present (GTK_WINDOW (presentation));

        for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
          {
            g_autofree char *name = NULL;
            g_autofree char *path = NULL;

            icc_presentation_set_step (presentation, shots[i].step);
            if (shots[i].notes != icc_presentation_get_notes_visible (presentation))
              activate (presentation, "presentation.notes");
            wait_ms (700);

            g_assert_cmpint (gtk_widget_get_width (widget), ==, sizes[s].width);
            g_assert_cmpint (gtk_widget_get_height (widget), ==, sizes[s].height);

            name = g_strdup_printf ("presentation-%dx%d-%s-%s.png", sizes[s].width,
                                    sizes[s].height, themes[t].name, shots[i].name);
            path = g_test_build_filename (G_TEST_BUILT, name, NULL);
            render_to_png (widget, path);
            g_test_message ("Wrote %s", path);
          }

        /* Playing through time. */
        if (t < 2)
          {
            g_autofree char *name = NULL;
            g_autofree char *path = NULL;
            IccDate date;

            activate (presentation, "presentation.play");
            activate (presentation, "presentation.play");
            icc_date_init (&date, 2017, 10, 27);
            icc_focus_set_date (focus, &date);
            wait_ms (700);
            name = g_strdup_printf ("presentation-%dx%d-%s-play.png", sizes[s].width,
                                    sizes[s].height, themes[t].name);
            path = g_test_build_filename (G_TEST_BUILT, name, NULL);
            render_to_png (widget, path);
          }

        leave_and_finalize (presentation);
      }

  g_object_set (settings,
                "gtk-theme-name", theme_name,
                "gtk-application-prefer-dark-theme", FALSE,
                NULL);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);

  /* What the application loads from its resource base path. */
  css_provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css_provider, "/org/example/IccTracker/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css_provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add_func ("/IccTracker/Presentation/walks-the-tour", test_presentation_walks_the_tour);
  g_test_add_func ("/IccTracker/Presentation/keys", test_presentation_keys);
  g_test_add_func ("/IccTracker/Presentation/blank", test_presentation_blank);
  g_test_add_func ("/IccTracker/Presentation/tours-and-notes", test_presentation_tours_and_notes);
  g_test_add_func ("/IccTracker/Presentation/leave-restores", test_presentation_leave_restores);
  g_test_add_func ("/IccTracker/Presentation/map-step", test_presentation_map_step);
  g_test_add_func ("/IccTracker/Presentation/play", test_presentation_play);
  g_test_add_func ("/IccTracker/Presentation/play-period", test_presentation_play_period);
  g_test_add_func ("/IccTracker/Presentation/render", test_presentation_render);

  return g_test_run ();
}
