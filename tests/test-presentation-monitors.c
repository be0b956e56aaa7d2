/* test-presentation-monitors.c: the presenter view on a second monitor
 * (issue 16): the slides on the monitor that is not the opener's, the notes
 * window on the opener's, following the steps; with one monitor no notes
 * window at all.
 *
 * Xvfb shows GDK one monitor whatever RandR is told: GDK's X11 backend
 * makes a GdkMonitor of each RandR 1.5 monitor that has an output of its
 * own, and Xvfb has a single output ("xrandr --setmonitor" on it replaces
 * the monitor, and a monitor with no output is skipped). So the second
 * monitor here is a GdkMonitor of the same display made by the test (with
 * no geometry), given to the presentation with icc_presentation_set_monitors()
 * beside the display's real one, where the opener is. Without a window
 * manager nothing moves a window to a monitor: what is checked is the
 * choice, the windows and what they show.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>
#include <locale.h>
#include <string.h>

#include "icc-test-load.h"
#include "icc-presentation.h"
#include "icc-test-widgets.h"

#define TOUR "russia-2016"

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

/* The display's real monitor (the only one Xvfb gives) and one more of the
 * same display, first in the list: a choice that ignored the opener would
 * take the first as the presenter's and send the slides to the real one. */
static GListModel *
two_monitors (GdkMonitor **real_out,
              GdkMonitor **second_out)
{
  GdkDisplay *display = gdk_display_get_default ();
  GListModel *monitors = gdk_display_get_monitors (display);
  GListStore *store = g_list_store_new (GDK_TYPE_MONITOR);
  g_autoptr(GdkMonitor) real = NULL;
  g_autoptr(GdkMonitor) second = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (monitors), ==, 1);
  real = g_list_model_get_item (monitors, 0);
  second = g_object_new (GDK_TYPE_MONITOR, "display", display, NULL);
  g_list_store_append (store, second);
  g_list_store_append (store, real);

  *real_out = g_steal_pointer (&real);
  *second_out = g_steal_pointer (&second);
  return G_LIST_MODEL (store);
}

/* What pressing @keyval in @window does: its shortcut controllers' action
 * for the key, as a clicker's key reaching the focused window would. */
static gboolean
press_key_in (GtkWidget *window,
              guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, window,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

static GtkWindow *
present_opener (void)
{
  GtkWindow *opener = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (opener, 400, 300);
  gtk_window_present (opener);
  wait_ms (50);
  g_assert_nonnull (gtk_native_get_surface (GTK_NATIVE (opener)));

  return opener;
}

static void
test_choose_monitor (void)
{
  g_autoptr(GdkMonitor) real = NULL;
  g_autoptr(GdkMonitor) second = NULL;
  g_autoptr(GListModel) monitors = two_monitors (&real, &second);
  g_autoptr(GListStore) one = g_list_store_new (GDK_TYPE_MONITOR);
  g_autoptr(GdkMonitor) chosen = NULL;

  chosen = icc_presentation_choose_monitor (monitors, real);
  g_assert_true (chosen == second);
  g_clear_object (&chosen);
  chosen = icc_presentation_choose_monitor (monitors, second);
  g_assert_true (chosen == real);
  g_clear_object (&chosen);

  /* No home known: the first is the presenter's. */
  chosen = icc_presentation_choose_monitor (monitors, NULL);
  g_assert_true (chosen == real);
  g_clear_object (&chosen);

  /* One monitor: nowhere else to go. */
  g_list_store_append (one, real);
  g_assert_null (icc_presentation_choose_monitor (G_LIST_MODEL (one), real));
  g_assert_null (icc_presentation_choose_monitor (G_LIST_MODEL (one), NULL));
}

static void
test_two_monitors (void)
{
  g_autoptr(IccDataset) dataset = test_load_bundled ();
  g_autoptr(IccFocus) focus = icc_focus_new ();
  g_autoptr(GdkMonitor) real = NULL;
  g_autoptr(GdkMonitor) second = NULL;
  g_autoptr(GListModel) monitors = two_monitors (&real, &second);
  IccTour *tour = icc_dataset_lookup_tour (dataset, TOUR);
  GtkWindow *opener = present_opener ();
  IccPresentation *presentation = g_object_ref (icc_presentation_new (NULL, dataset, focus));
  GdkDisplay *display = gdk_display_get_default ();
  GtkWindow *notes;
  GdkSurface *surface;
  IccEvent *next_event;
  g_autofree char *note0 = NULL;
  g_autofree char *note1 = NULL;
  g_autofree char *next_title = NULL;

  g_assert_nonnull (tour);
  note0 = g_strndup (icc_tour_get_step_note (tour, 0), 24);
  note1 = g_strndup (icc_tour_get_step_note (tour, 1), 24);
  g_assert_cmpstr (note0, !=, note1);

  icc_presentation_set_opener (presentation, opener);
  icc_presentation_set_monitors (presentation, monitors);
  icc_presentation_start (presentation, TOUR);
  wait_ms (100);

  /* The slides on the monitor that is not the opener's; the notes on it. */
  g_assert_true (gdk_display_get_monitor_at_surface (display,
                                                     gtk_native_get_surface (GTK_NATIVE (opener)))
                 == real);
  g_assert_true (icc_presentation_get_slides_monitor (presentation) == second);
  g_assert_true (icc_presentation_get_notes_monitor (presentation) == real);
  notes = icc_presentation_get_notes_window (presentation);
  g_assert_nonnull (notes);
  g_assert_true (notes != GTK_WINDOW (presentation));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (notes)));
  g_assert_true (icc_presentation_get_notes_visible (presentation));
  surface = gtk_native_get_surface (GTK_NATIVE (notes));
  g_assert_nonnull (surface);
  g_assert_true (gdk_display_get_monitor_at_surface (display, surface) == real);

  /* The notes window shows the step's note and what comes next; the class
   * never sees the note. */
  g_assert_true (label_text_shown (GTK_WIDGET (notes), "Step 1 of 15"));
  g_assert_true (label_text_shown (GTK_WIDGET (notes), note0));
  next_event = icc_dataset_lookup_event (dataset, icc_tour_get_step_event (tour, 1));
  next_title = g_strdup_printf ("Next: %s", icc_event_get_title (next_event));
  if (icc_tour_get_step_title (tour, 1) == NULL)
    g_assert_true (label_text_shown (GTK_WIDGET (notes), next_title));
  g_assert_false (label_text_shown (GTK_WIDGET (presentation), note0));

  /* It follows the steps. */
  activate (presentation, "presentation.next");
  g_assert_cmpuint (icc_presentation_get_step (presentation), ==, 1);
  g_assert_true (label_text_shown (GTK_WIDGET (notes), "Step 2 of 15"));
  g_assert_true (label_text_shown (GTK_WIDGET (notes), note1));
  g_assert_false (label_text_shown (GTK_WIDGET (notes), note0));
  activate (presentation, "presentation.last");
  g_assert_true (label_text_shown (GTK_WIDGET (notes), "Step 15 of 15"));
  g_assert_true (label_text_shown (GTK_WIDGET (notes), "Last step"));
  activate (presentation, "presentation.first");
  g_assert_true (label_text_shown (GTK_WIDGET (notes), note0));

  /* A clicker's keys in the notes window drive the slides. */
  g_assert_true (press_key_in (GTK_WIDGET (notes), GDK_KEY_Page_Down));
  g_assert_cmpuint (icc_presentation_get_step (presentation), ==, 1);
  g_assert_true (label_text_shown (GTK_WIDGET (notes), note1));
  g_assert_true (press_key_in (GTK_WIDGET (notes), GDK_KEY_Page_Up));
  g_assert_cmpuint (icc_presentation_get_step (presentation), ==, 0);

  /* n hides and shows the notes window, with no message on the slides. */
  activate (presentation, "presentation.notes");
  g_assert_false (icc_presentation_get_notes_visible (presentation));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (notes)));
  activate (presentation, "presentation.notes");
  g_assert_true (icc_presentation_get_notes_visible (presentation));
  g_assert_false (label_text_shown (GTK_WIDGET (presentation), "second monitor"));

  /* Leaving closes the notes window with the slides. */
  g_object_add_weak_pointer (G_OBJECT (notes), (gpointer *)&notes);
  activate (presentation, "presentation.leave");
  wait_ms (50);
  g_assert_finalize_object (presentation);
  g_assert_null (notes);

  gtk_window_destroy (opener);
}

static void
test_one_monitor (void)
{
  g_autoptr(IccDataset) dataset = test_load_bundled ();
  g_autoptr(IccFocus) focus = icc_focus_new ();
  IccTour *tour = icc_dataset_lookup_tour (dataset, TOUR);
  GtkWindow *opener = present_opener ();
  IccPresentation *presentation = g_object_ref (icc_presentation_new (NULL, dataset, focus));
  g_autofree char *note0 = g_strndup (icc_tour_get_step_note (tour, 0), 24);

  /* The display's own monitors: Xvfb's one. */
  icc_presentation_set_opener (presentation, opener);
  icc_presentation_start (presentation, TOUR);
  wait_ms (100);

  g_assert_null (icc_presentation_get_slides_monitor (presentation));
  g_assert_null (icc_presentation_get_notes_monitor (presentation));
  g_assert_null (icc_presentation_get_notes_window (presentation));
  g_assert_false (icc_presentation_get_notes_visible (presentation));

  /* n never puts the notes on the one screen: it says where they are. */
  activate (presentation, "presentation.notes");
  g_assert_null (icc_presentation_get_notes_window (presentation));
  g_assert_false (label_text_shown (GTK_WIDGET (presentation), note0));
  g_assert_true (label_text_shown (GTK_WIDGET (presentation), "second monitor"));
  activate (presentation, "presentation.next");
  g_assert_false (label_text_shown (GTK_WIDGET (presentation),
                                    icc_tour_get_step_note (tour, 1)));

  activate (presentation, "presentation.leave");
  wait_ms (50);
  g_assert_finalize_object (presentation);
  gtk_window_destroy (opener);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/IccTracker/PresentationMonitors/choose", test_choose_monitor);
  g_test_add_func ("/IccTracker/PresentationMonitors/two", test_two_monitors);
  g_test_add_func ("/IccTracker/PresentationMonitors/one", test_one_monitor);

  return g_test_run ();
}
