/* test-timeline-widget.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>
#include <locale.h>

#include "icc-enum-util.h"
#include "icc-era.h"
#include "icc-event.h"
#include "icc-focus.h"
#include "icc-timeline.h"
#include "icc-test-dates.h"

typedef struct
{
  GtkWindow   *window;
  IccTimeline *timeline;
  GListStore  *events;
  GListStore  *eras;
  IccFocus    *focus;
} Fixture;

static void
add_event (GListStore   *store,
           const char   *id,
           const char   *date_text,
           IccEventKind  kind,
           const char   *title,
           IccCertainty  certainty)
{
  g_autoptr(IccEvent) event = NULL;
  const char *states[] = { "RU", NULL };
  IccDate date;

  g_assert_true (icc_date_parse (date_text, &date, NULL));
  event = icc_event_new (id, kind, &date);
  icc_event_set_title (event, title);
  icc_event_set_states (event, states);
  icc_event_set_certainty (event, certainty);
  if (certainty != ICC_CERTAINTY_CONFIRMED)
    icc_event_set_certainty_note (event, "Reported by a single outlet");
  g_list_store_append (store, event);
}

static void
fill_events (GListStore *store)
{
  add_event (store, "adoption", "1998-07-17", ICC_EVENT_KIND_ADOPTION,
             "Rome Statute adopted", ICC_CERTAINTY_CONFIRMED);
  add_event (store, "ru-sign", "2000-09-13", ICC_EVENT_KIND_SIGNATURE,
             "Russian Federation signs the Rome Statute", ICC_CERTAINTY_CONFIRMED);
  add_event (store, "us-sign", "2000-12-31", ICC_EVENT_KIND_SIGNATURE,
             "United States signs", ICC_CERTAINTY_CONFIRMED);
  add_event (store, "eif", "2002-07-01", ICC_EVENT_KIND_ENTRY_INTO_FORCE,
             "Statute enters into force", ICC_CERTAINTY_CONFIRMED);
  add_event (store, "us-unsign", "2002-05-06", ICC_EVENT_KIND_SIGNATURE_WITHDRAWN,
             "United States withdraws its signature", ICC_CERTAINTY_CONFIRMED);
  add_event (store, "ge-pe", "2008-08-20", ICC_EVENT_KIND_PRELIMINARY_EXAMINATION,
             "Georgia: preliminary examination", ICC_CERTAINTY_CONFIRMED);
  add_event (store, "ge-inv", "2016-01-27", ICC_EVENT_KIND_INVESTIGATION,
             "Georgia: investigation authorised", ICC_CERTAINTY_CONFIRMED);
  add_event (store, "bi-notice", "2016-10-27", ICC_EVENT_KIND_WITHDRAWAL_NOTICE,
             "Burundi notifies withdrawal", ICC_CERTAINTY_CONFIRMED);
  add_event (store, "otp-report", "2016-11-14", ICC_EVENT_KIND_REPORT,
             "OTP report on preliminary examinations", ICC_CERTAINTY_CONFIRMED);
  add_event (store, "ru-stmt", "2016-11-16", ICC_EVENT_KIND_STATEMENT,
             "Presidential decree announced", ICC_CERTAINTY_SINGLE_SOURCE);
  add_event (store, "ru-unsign", "2016-11-30", ICC_EVENT_KIND_SIGNATURE_WITHDRAWN,
             "Russian Federation withdraws its signature", ICC_CERTAINTY_CONFIRMED);
  add_event (store, "bi-eff", "2017-10-27", ICC_EVENT_KIND_WITHDRAWAL_EFFECTIVE,
             "Burundi's withdrawal takes effect", ICC_CERTAINTY_CONFIRMED);
  add_event (store, "ua-warrant", "2023-03-17", ICC_EVENT_KIND_WARRANT,
             "Arrest warrants issued", ICC_CERTAINTY_CONFIRMED);
  add_event (store, "ua-party", "2025-01-01", ICC_EVENT_KIND_ENTRY_INTO_FORCE,
             "Ukraine becomes a State Party", ICC_CERTAINTY_DISPUTED);

  /* A dense year: clusters at coarse zoom. */
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *id = g_strdup_printf ("dense%u", i);
      g_autofree char *date = g_strdup_printf ("2012-%02u-%02u", 1 + i / 6, 1 + (i % 6) * 4);

      add_event (store, id, date, i % 2 ? ICC_EVENT_KIND_STATEMENT : ICC_EVENT_KIND_REPORT,
                 "Statement", ICC_CERTAINTY_CONFIRMED);
    }
}

static int
compare_events (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  return icc_event_compare ((IccEvent *)a, (IccEvent *)b);
}

static void
wait_for (gboolean (*condition) (Fixture *),
          Fixture   *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!condition (fixture) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);

  g_assert_true (condition (fixture));
}

static gboolean
is_allocated (Fixture *fixture)
{
  return gtk_widget_get_mapped (GTK_WIDGET (fixture->timeline)) &&
         gtk_widget_get_width (GTK_WIDGET (fixture->timeline)) > 0;
}

static void
drain (void)
{
  gint64 until = g_get_monotonic_time () + 400 * G_TIME_SPAN_MILLISECOND;

  /* Let animations (200 ms) finish. */
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(IccEra) era = NULL;
  IccDate a;
  IccDate b;

  fixture->events = g_list_store_new (ICC_TYPE_EVENT);
  fill_events (fixture->events);
  g_list_store_sort (fixture->events, compare_events, NULL);

  fixture->eras = g_list_store_new (ICC_TYPE_ERA);
  icc_date_init (&a, 2002, 7, 1);
  icc_date_init (&b, 2016, 11, 30);
  era = icc_era_new ("signatory", "Russia a signatory", &a, &b);
  g_list_store_append (fixture->eras, era);

  fixture->focus = icc_focus_new ();

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1280, 400);
  fixture->timeline = icc_timeline_new ();
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->timeline));
  icc_timeline_set_model (fixture->timeline, G_LIST_MODEL (fixture->events));
  icc_timeline_set_eras (fixture->timeline, G_LIST_MODEL (fixture->eras));
  icc_timeline_set_focus (fixture->timeline, fixture->focus);
  gtk_window_present (fixture->window);

  wait_for (is_allocated, fixture);
  gtk_widget_grab_focus (GTK_WIDGET (fixture->timeline));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  IccTimeline *timeline = g_object_ref (fixture->timeline);

  gtk_window_destroy (fixture->window);
  g_assert_finalize_object (timeline);
  g_clear_object (&fixture->events);
  g_clear_object (&fixture->eras);
  g_assert_finalize_object (fixture->focus);
}

static void
send_key (Fixture         *fixture,
          guint            keyval,
          GdkModifierType  state)
{
  g_autoptr(GListModel) controllers =
    gtk_widget_observe_controllers (GTK_WIDGET (fixture->timeline));
  guint n = g_list_model_get_n_items (controllers);
  gboolean handled = FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }

  g_assert_true (handled);
}

static double
span (Fixture *fixture)
{
  return icc_timeline_get_end (fixture->timeline) - icc_timeline_get_start (fixture->timeline);
}

static void
test_initial_fit (Fixture       *fixture,
                  gconstpointer  data)
{
  double start = icc_timeline_get_start (fixture->timeline);
  double end = icc_timeline_get_end (fixture->timeline);

  /* Everything in view at first. */
  g_assert_cmpfloat (start, <=, dmy (17, 7, 1998));
  g_assert_cmpfloat (end, >=, dmy (2, 1, 2025));
  g_assert_cmpfloat (end - start, <=, 40 * 365.25);

  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (fixture->timeline)));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (fixture->timeline)), ==,
                   GTK_ACCESSIBLE_ROLE_SLIDER);

  /* Animations take 200 ms unless told otherwise (the presentation uses 400). */
  g_assert_cmpuint (icc_timeline_get_animation_duration (fixture->timeline), ==, 200);
  icc_timeline_set_animation_duration (fixture->timeline, 400);
  g_assert_cmpuint (icc_timeline_get_animation_duration (fixture->timeline), ==, 400);
  icc_timeline_set_animation_duration (fixture->timeline, 200);
}

static void
test_api_zoom (Fixture       *fixture,
               gconstpointer  data)
{
  double d = dmy (1, 1, 2010);
  double around;
  double frac;

  icc_timeline_zoom_to_range (fixture->timeline, d, d + 365, FALSE);
  g_assert_cmpfloat (icc_timeline_get_start (fixture->timeline), ==, d);
  g_assert_cmpfloat (icc_timeline_get_end (fixture->timeline), ==, d + 365);

  /* Zooming around a day keeps it in place. */
  around = d + 100;
  icc_timeline_zoom_by_factor (fixture->timeline, 2, around, FALSE);
  g_assert_cmpfloat_with_epsilon (span (fixture), 182.5, 1e-6);
  frac = (around - icc_timeline_get_start (fixture->timeline)) / span (fixture);
  g_assert_cmpfloat_with_epsilon (frac, 100.0 / 365, 1e-9);

  /* Span limits. */
  icc_timeline_zoom_by_factor (fixture->timeline, 1000, around, FALSE);
  g_assert_cmpfloat_with_epsilon (span (fixture), 10, 1e-6);
  icc_timeline_zoom_to_range (fixture->timeline, d - 100 * 365, d + 100 * 365, FALSE);
  g_assert_cmpfloat (span (fixture), <=, 40 * 365.25 + 1e-6);

  /* Animated: glides there. */
  icc_timeline_zoom_to_range (fixture->timeline, d, d + 30, TRUE);
  g_assert_cmpfloat (span (fixture), >, 30);
  drain ();
  g_assert_cmpfloat_with_epsilon (icc_timeline_get_start (fixture->timeline), d, 1e-6);
  g_assert_cmpfloat_with_epsilon (icc_timeline_get_end (fixture->timeline), d + 30, 1e-6);

  icc_timeline_fit_all (fixture->timeline, TRUE);
  drain ();
  g_assert_cmpfloat (icc_timeline_get_start (fixture->timeline), <=, dmy (17, 7, 1998));

  /* Properties, as a .ui file would set them. */
  g_object_set (fixture->timeline, "start", d, "end", d + 50.0, NULL);
  g_assert_cmpfloat_with_epsilon (icc_timeline_get_start (fixture->timeline), d, 1e-6);
  g_assert_cmpfloat_with_epsilon (icc_timeline_get_end (fixture->timeline), d + 50, 1e-6);
}

static void
test_keyboard_zoom (Fixture       *fixture,
                    gconstpointer  data)
{
  double d = dmy (1, 1, 2010);
  double before;

  icc_timeline_zoom_to_range (fixture->timeline, d, d + 360, FALSE);

  send_key (fixture, GDK_KEY_plus, 0);
  drain ();
  g_assert_cmpfloat_with_epsilon (span (fixture), 240, 1e-6);

  send_key (fixture, GDK_KEY_minus, 0);
  drain ();
  g_assert_cmpfloat_with_epsilon (span (fixture), 360, 1e-6);

  before = span (fixture);
  send_key (fixture, GDK_KEY_0, GDK_CONTROL_MASK);
  drain ();
  g_assert_cmpfloat (span (fixture), >, before);
  g_assert_cmpfloat (icc_timeline_get_start (fixture->timeline), <=, dmy (17, 7, 1998));

  /* Alt+Left returns to the view before fitting. */
  send_key (fixture, GDK_KEY_Left, GDK_ALT_MASK);
  drain ();
  g_assert_cmpfloat_with_epsilon (span (fixture), 360, 1e-6);
}

static void
test_keyboard_select (Fixture       *fixture,
                      gconstpointer  data)
{
  IccEvent *event;
  IccDate date;

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (fixture->timeline),
                                   GTK_ACCESSIBLE_ROLE_SLIDER);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fixture->timeline),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Timeline");

  send_key (fixture, GDK_KEY_Home, 0);
  event = icc_focus_get_event (fixture->focus);
  g_assert_nonnull (event);
  g_assert_cmpstr (icc_event_get_id (event), ==, "adoption");

  /* The selected event is announced through the accessible description. */
  {
    g_autofree char *date_text = icc_date_format (icc_event_get_date (event));
    g_autofree char *expected =
      g_strdup_printf ("Selected: %s, %s (%s)", date_text, icc_event_get_title (event),
                       icc_event_kind_get_label (icc_event_get_kind (event)));

    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fixture->timeline),
                                         GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
  }

  send_key (fixture, GDK_KEY_Right, 0);
  g_assert_cmpstr (icc_event_get_id (icc_focus_get_event (fixture->focus)), ==, "ru-sign");
  send_key (fixture, GDK_KEY_Right, 0);
  g_assert_cmpstr (icc_event_get_id (icc_focus_get_event (fixture->focus)), ==, "us-sign");
  send_key (fixture, GDK_KEY_Left, 0);
  g_assert_cmpstr (icc_event_get_id (icc_focus_get_event (fixture->focus)), ==, "ru-sign");

  /* The focus date follows the selected event. */
  g_assert_cmpint (icc_date_get_day (icc_focus_get_date (fixture->focus)), ==,
                   dmy (13, 9, 2000));

  /* Once the cursor left the selected event, the step is from the cursor
   * (issue 13: from 30 December 2009, Right jumped far from it). */
  icc_date_init (&date, 2009, 12, 30);
  icc_focus_set_date (fixture->focus, &date);
  send_key (fixture, GDK_KEY_Right, 0);
  g_assert_cmpstr (icc_event_get_id (icc_focus_get_event (fixture->focus)), ==, "dense0");
  icc_focus_set_date (fixture->focus, &date);
  send_key (fixture, GDK_KEY_Left, 0);
  g_assert_cmpstr (icc_event_get_id (icc_focus_get_event (fixture->focus)), ==, "ge-pe");
  /* Back on the selected event: from it, one event at a time. */
  send_key (fixture, GDK_KEY_Left, 0);
  g_assert_cmpstr (icc_event_get_id (icc_focus_get_event (fixture->focus)), ==, "eif");
  /* The cursor on the day of a selected event's neighbour, not on it. */
  icc_date_init (&date, 2016, 11, 30);
  icc_focus_set_date (fixture->focus, &date);
  send_key (fixture, GDK_KEY_Left, 0);
  g_assert_cmpstr (icc_event_get_id (icc_focus_get_event (fixture->focus)), ==, "ru-stmt");

  send_key (fixture, GDK_KEY_End, 0);
  g_assert_cmpstr (icc_event_get_id (icc_focus_get_event (fixture->focus)), ==, "ua-party");

  /* Without a selected event, Right goes to the first event after the cursor. */
  icc_focus_set_event (fixture->focus, NULL);
  icc_date_init (&date, 2016, 11, 15);
  icc_focus_set_date (fixture->focus, &date);
  send_key (fixture, GDK_KEY_Right, 0);
  g_assert_cmpstr (icc_event_get_id (icc_focus_get_event (fixture->focus)), ==, "ru-stmt");

  /* A selected event off screen is brought into view. */
  icc_timeline_zoom_to_range (fixture->timeline, dmy (1, 1, 1999), dmy (1, 2, 1999), FALSE);
  send_key (fixture, GDK_KEY_Right, 0);
  drain ();
  g_assert_cmpfloat (icc_timeline_get_start (fixture->timeline), <, dmy (30, 11, 2016));
  g_assert_cmpfloat (icc_timeline_get_end (fixture->timeline), >, dmy (30, 11, 2016));
}

static void
test_scroll_pan (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GListModel) controllers =
    gtk_widget_observe_controllers (GTK_WIDGET (fixture->timeline));
  double d = dmy (1, 1, 2010);
  gboolean handled = FALSE;

  icc_timeline_zoom_to_range (fixture->timeline, d, d + 100, FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      /* One wheel step down pans 15% of the span later in time. */
      if (GTK_IS_EVENT_CONTROLLER_SCROLL (controller))
        g_signal_emit_by_name (controller, "scroll", 0.0, 1.0, &handled);
    }

  g_assert_true (handled);
  drain ();
  g_assert_cmpfloat_with_epsilon (icc_timeline_get_start (fixture->timeline), d + 15, 1e-6);
  g_assert_cmpfloat_with_epsilon (span (fixture), 100, 1e-6);
}

static GtkEventController *
find_controller (Fixture *fixture,
                 GType    type)
{
  g_autoptr(GListModel) controllers =
    gtk_widget_observe_controllers (GTK_WIDGET (fixture->timeline));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }

  g_assert_not_reached ();
}

static void
test_drag (Fixture       *fixture,
           gconstpointer  data)
{
  GtkEventController *drag = find_controller (fixture, GTK_TYPE_GESTURE_DRAG);
  double d = dmy (1, 1, 2010);
  IccDate date;

  /* Dragging the lanes right by 128 px (10 days) shows earlier days. */
  icc_timeline_zoom_to_range (fixture->timeline, d, d + 128, FALSE);
  g_signal_emit_by_name (drag, "drag-begin", 600.0, 200.0);
  g_signal_emit_by_name (drag, "drag-update", 64.0, 0.0);
  g_signal_emit_by_name (drag, "drag-update", 128.0, 0.0);
  g_signal_emit_by_name (drag, "drag-end", 128.0, 0.0);
  g_assert_cmpfloat_with_epsilon (icc_timeline_get_start (fixture->timeline), d - 12.8, 1e-6);
  g_assert_cmpfloat_with_epsilon (span (fixture), 128, 1e-6);

  /* The drag is one step back. */
  g_assert_true (icc_timeline_go_back (fixture->timeline, FALSE));
  g_assert_cmpfloat_with_epsilon (icc_timeline_get_start (fixture->timeline), d, 1e-6);

  /* A fast drag flings: the view keeps going after the release. The
   * widget measures the drag's speed in real time, so an attempt counts
   * only when this process was not descheduled in the middle of it (every
   * update, and the release, within 40 ms of the one before): on a loaded
   * machine (two test programs, Xvfb, a fuzzer on two cores, under ASan)
   * stalls of 100 ms happen. The first attempt that counts must fling; the
   * fling then moves on frame-clock ticks, which load can also delay: wait
   * for the motion itself, up to 5 s. */
  {
    gboolean flung = FALSE;
    gboolean timed = FALSE;

    for (guint attempt = 0; attempt < 50 && !timed; attempt++)
      {
        gint64 last, deadline;

        icc_timeline_zoom_to_range (fixture->timeline, d, d + 128, FALSE);
        g_signal_emit_by_name (drag, "drag-begin", 600.0, 200.0);
        last = g_get_monotonic_time ();
        timed = TRUE;
        for (guint i = 1; i <= 6; i++)
          {
            g_usleep (10 * G_TIME_SPAN_MILLISECOND);
            g_signal_emit_by_name (drag, "drag-update", 20.0 * i, 0.0);
            timed = timed && g_get_monotonic_time () - last < 40 * G_TIME_SPAN_MILLISECOND;
            last = g_get_monotonic_time ();
          }
        g_signal_emit_by_name (drag, "drag-end", 120.0, 0.0);
        timed = timed && g_get_monotonic_time () - last < 40 * G_TIME_SPAN_MILLISECOND;
        g_assert_cmpfloat_with_epsilon (icc_timeline_get_start (fixture->timeline), d - 12, 1e-6);

        deadline = g_get_monotonic_time () + (timed ? 5 : 0) * G_USEC_PER_SEC;
        do
          g_main_context_iteration (NULL, FALSE);
        while (!(flung = icc_timeline_get_start (fixture->timeline) < d - 13) &&
               g_get_monotonic_time () < deadline);
        drain ();
        g_assert_cmpfloat_with_epsilon (span (fixture), 128, 1e-6);
      }
    if (!timed)
      g_error ("no drag of 50 ran without a stall of 40 ms: the machine is too loaded to time one");
    g_assert_true (flung);
  }

  /* Dragging the cursor line moves the focus date. */
  icc_timeline_zoom_to_range (fixture->timeline, d, d + 128, FALSE);
  icc_date_init_from_day (&date, (gint32)d + 10);
  icc_focus_set_date (fixture->focus, &date);
  g_signal_emit_by_name (drag, "drag-begin", 105.0, 200.0);
  g_signal_emit_by_name (drag, "drag-update", 100.0, 0.0);
  g_signal_emit_by_name (drag, "drag-end", 100.0, 0.0);
  g_assert_cmpint (icc_date_get_day (icc_focus_get_date (fixture->focus)), ==, (gint32)d + 20);
  g_assert_cmpfloat (icc_timeline_get_start (fixture->timeline), ==, d);

  /* Dragging in the overview strip moves the view there. */
  g_signal_emit_by_name (drag, "drag-begin", 10.0, 395.0);
  g_signal_emit_by_name (drag, "drag-update", 0.0, 0.0);
  g_signal_emit_by_name (drag, "drag-update", 10.0, 0.0);
  g_signal_emit_by_name (drag, "drag-end", 10.0, 0.0);
  g_assert_cmpfloat (icc_timeline_get_start (fixture->timeline), <, dmy (1, 1, 1999));
}

static void render_png (Fixture    *fixture,
                        const char *name);

static void
marker_position (Fixture *fixture,
                 gint32   day,
                 int      lane,
                 double  *x,
                 double  *y)
{
  double width = gtk_widget_get_width (GTK_WIDGET (fixture->timeline));
  double height = gtk_widget_get_height (GTK_WIDGET (fixture->timeline));
  double lane_height = (height - 18 - 40) / 3;

  *x = (day + 0.5 - icc_timeline_get_start (fixture->timeline)) / span (fixture) * width;
  *y = 40 + lane * lane_height + 16 + (lane_height - 16) / 2;
}

static void
click (Fixture *fixture,
       int      n_press,
       double   x,
       double   y)
{
  GtkEventController *gesture = find_controller (fixture, GTK_TYPE_GESTURE_CLICK);

  g_signal_emit_by_name (gesture, "pressed", n_press, x, y);
  g_signal_emit_by_name (gesture, "released", n_press, x, y);
}

static void
test_click (Fixture       *fixture,
            gconstpointer  data)
{
  double x;
  double y;
  double before;

  /* Snapshot once so that the layout exists, as after the first frame. */
  icc_timeline_zoom_to_range (fixture->timeline, dmy (1, 11, 2016), dmy (1, 12, 2016), FALSE);
  render_png (fixture, "timeline-click.png");

  /* A marker: selects its event, and moves the date there. */
  marker_position (fixture, dmy (14, 11, 2016), 1, &x, &y);
  click (fixture, 1, x, y);
  g_assert_nonnull (icc_focus_get_event (fixture->focus));
  g_assert_cmpstr (icc_event_get_id (icc_focus_get_event (fixture->focus)), ==, "otp-report");
  g_assert_cmpint (icc_date_get_day (icc_focus_get_date (fixture->focus)), ==, dmy (14, 11, 2016));

  /* The axis: sets the date only. */
  click (fixture, 1, x + gtk_widget_get_width (GTK_WIDGET (fixture->timeline)) / 30.0, 20);
  g_assert_cmpint (icc_date_get_day (icc_focus_get_date (fixture->focus)), ==, dmy (15, 11, 2016));
  g_assert_cmpstr (icc_event_get_id (icc_focus_get_event (fixture->focus)), ==, "otp-report");

  /* A double click on an event zooms to it. */
  before = span (fixture);
  click (fixture, 1, x, y);
  click (fixture, 2, x, y);
  drain ();
  g_assert_cmpfloat (span (fixture), <, before);
  g_assert_cmpfloat (icc_timeline_get_start (fixture->timeline), <, dmy (14, 11, 2016));
  g_assert_cmpfloat (icc_timeline_get_end (fixture->timeline), >, dmy (15, 11, 2016));

  /* A cluster: the dense year of 2012 at full zoom; clicking zooms in. */
  icc_timeline_fit_all (fixture->timeline, FALSE);
  render_png (fixture, "timeline-click.png");
  before = span (fixture);
  marker_position (fixture, dmy (1, 1, 2012), 2, &x, &y);
  for (double dx = 0; dx < 40 && span (fixture) == before; dx += 2)
    {
      click (fixture, 1, x + dx, y);
      drain ();
    }
  g_assert_cmpfloat (span (fixture), <, before / 5);
}

static void
test_selection (Fixture       *fixture,
                gconstpointer  data)
{
  double start;
  double end;

  g_assert_false (icc_timeline_get_selection (fixture->timeline, NULL, NULL));
  icc_timeline_set_selection (fixture->timeline, dmy (30, 11, 2016), dmy (14, 11, 2016));
  g_assert_true (icc_timeline_get_selection (fixture->timeline, &start, &end));
  g_assert_cmpfloat (start, ==, dmy (14, 11, 2016));
  /* No popover asks again: Enter (or the action) zooms to it. */
  g_assert_null (gtk_widget_get_first_child (GTK_WIDGET (fixture->timeline)));

  icc_timeline_zoom_to_selection (fixture->timeline);
  drain ();
  g_assert_false (icc_timeline_get_selection (fixture->timeline, NULL, NULL));
  g_assert_cmpfloat_with_epsilon (icc_timeline_get_start (fixture->timeline), start, 1e-6);
  g_assert_cmpfloat_with_epsilon (icc_timeline_get_end (fixture->timeline), end, 1e-6);

  g_assert_true (icc_timeline_go_back (fixture->timeline, FALSE));
  g_assert_cmpfloat (span (fixture), >, 365);
}

static void
render_png (Fixture    *fixture,
            const char *name)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (fixture->timeline));
  graphene_point_t origin;
  GdkRGBA fg;
  g_autoptr(GskRenderNode) node = NULL;
  g_autofree char *path = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  int width = gtk_widget_get_width (GTK_WIDGET (fixture->timeline));
  int height = gtk_widget_get_height (GTK_WIDGET (fixture->timeline));

  /* The snapshot GTK itself takes of the widget (CSS included), moved back
   * to the widget's origin. */
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (fixture->timeline), parent,
                                           &GRAPHENE_POINT_INIT (0, 0), &origin));
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-origin.x, -origin.y));
  gtk_widget_snapshot_child (parent, GTK_WIDGET (fixture->timeline), snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  /* A window background that suits the theme (light text: dark style). */
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (fixture->timeline)), &fg);
  if (fg.red + fg.green + fg.blue > 1.5)
    cairo_set_source_rgb (cr, .14, .14, .14);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);

  path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("wrote %s", path);
  cairo_surface_destroy (surface);
}

static void
test_render (Fixture       *fixture,
             gconstpointer  data)
{
  IccDate date;

  icc_date_init (&date, 2016, 11, 16);
  icc_focus_set_date (fixture->focus, &date);

  icc_timeline_fit_all (fixture->timeline, FALSE);
  render_png (fixture, "timeline-all.png");

  icc_timeline_zoom_to_range (fixture->timeline, dmy (1, 1, 2016), dmy (1, 1, 2017), FALSE);
  render_png (fixture, "timeline-year.png");

  /* The week of 14-30 November 2016, with an event selected. */
  icc_timeline_zoom_to_range (fixture->timeline, dmy (12, 11, 2016), dmy (2, 12, 2016), FALSE);
  send_key (fixture, GDK_KEY_Right, 0);
  render_png (fixture, "timeline-week.png");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/timeline/widget/initial-fit", Fixture, NULL,
              fixture_setup, test_initial_fit, fixture_teardown);
  g_test_add ("/timeline/widget/api-zoom", Fixture, NULL,
              fixture_setup, test_api_zoom, fixture_teardown);
  g_test_add ("/timeline/widget/keyboard-zoom", Fixture, NULL,
              fixture_setup, test_keyboard_zoom, fixture_teardown);
  g_test_add ("/timeline/widget/keyboard-select", Fixture, NULL,
              fixture_setup, test_keyboard_select, fixture_teardown);
  g_test_add ("/timeline/widget/scroll-pan", Fixture, NULL,
              fixture_setup, test_scroll_pan, fixture_teardown);
  g_test_add ("/timeline/widget/drag", Fixture, NULL,
              fixture_setup, test_drag, fixture_teardown);
  g_test_add ("/timeline/widget/click", Fixture, NULL,
              fixture_setup, test_click, fixture_teardown);
  g_test_add ("/timeline/widget/selection", Fixture, NULL,
              fixture_setup, test_selection, fixture_teardown);
  g_test_add ("/timeline/widget/render", Fixture, NULL,
              fixture_setup, test_render, fixture_teardown);

  return g_test_run ();
}
