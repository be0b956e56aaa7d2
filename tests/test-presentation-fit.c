/* test-presentation-fit.c: every step of the bundled tour fits the screen
 * (issue 16, item 1)
 *
 * At the sizes classroom projectors run (1024×768, 1280×720, 1280×800) and
 * at 1920×1080, every text of every step (the tour's title for it, the
 * date, the title, the kind and states, the status-change line, the
 * certainty, the summary, the quote and its source) is laid out whole inside
 * the visible area: inside the window, inside the page's viewport without
 * scrolling, and clear of the counts bar. Bounds are the widgets' own
 * (gtk_widget_compute_bounds), not pixels.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>
#include <locale.h>

#include "icc-test-load.h"
#include "icc-presentation.h"
#include "icc-timeline.h"
#include "icc-timeline-layout.h"
#include "icc-timeline-renderer.h"

#define TOUR "russia-2016"

/* The texts of a step: the CSS classes of the labels that hold them. */
static const char * const card_classes[] = {
  "presentation-kicker",
  "presentation-date",
  "presentation-title",
  "presentation-meta",
  "presentation-change",
  "presentation-certainty-label",
  "presentation-body",
  "presentation-quote-text",
  "presentation-source",
  "presentation-continued",
};

static gboolean
set_flag_cb (gpointer user_data)
{
  *(gboolean *)user_data = TRUE;

  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms, sleeping when there is nothing to do. */
static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* With ICC_TEST_FIT_PNG_DIR set, each step is saved there to look at. */
static void
render_to_png (GtkWidget  *widget,
               const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static gboolean
is_progress (GtkWidget *widget)
{
  return gtk_widget_has_css_class (widget, "presentation-progress");
}

static gboolean
is_card_label (GtkWidget *widget)
{
  if (!GTK_IS_LABEL (widget))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (card_classes); i++)
    if (gtk_widget_has_css_class (widget, card_classes[i]))
      return TRUE;

  return FALSE;
}

static void
collect (GtkWidget *widget,
         gboolean (*match) (GtkWidget *),
         GPtrArray *out)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (match (widget))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, match, out);
}

static gboolean
is_counts (GtkWidget *widget)
{
  return gtk_widget_has_css_class (widget, "presentation-counts");
}

static gboolean
is_timeline (GtkWidget *widget)
{
  return ICC_IS_TIMELINE (widget);
}

static gboolean
is_page (GtkWidget *widget)
{
  return GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), "event") != NULL;
}

/* A digest of where every card label is, to see the layout settle. */
static char *
layout_digest (GtkWidget *presentation,
               GPtrArray *labels)
{
  GString *digest = g_string_new (NULL);
  g_autoptr(GPtrArray) timelines = g_ptr_array_new ();

  /* The timeline's range too: its animation must be over. */
  collect (presentation, is_timeline, timelines);
  for (guint i = 0; i < timelines->len; i++)
    g_string_append_printf (digest, "%.3f,%.3f;",
                            icc_timeline_get_start (g_ptr_array_index (timelines, i)),
                            icc_timeline_get_end (g_ptr_array_index (timelines, i)));

  for (guint i = 0; i < labels->len; i++)
    {
      graphene_rect_t r;

      if (gtk_widget_compute_bounds (g_ptr_array_index (labels, i), presentation, &r))
        g_string_append_printf (digest, "%.0f,%.0f,%.0f,%.0f;", r.origin.x, r.origin.y,
                                r.size.width, r.size.height);
    }

  return g_string_free (digest, FALSE);
}

/* Waits until the card has kept its layout for 300 ms, polling; fails
 * after 20 s. */
static void
wait_settled (GtkWidget *presentation)
{
  g_autofree char *before = NULL;
  gint64 end = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;
  guint same = 0;

  while (same < 6)
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();
      g_autofree char *now = NULL;

      gtk_widget_queue_draw (presentation);
      wait_ms (50);
      collect (presentation, is_card_label, labels);
      now = layout_digest (presentation, labels);
      same = before != NULL && g_str_equal (before, now) ? same + 1 : 0;
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_free (before);
      before = g_steal_pointer (&now);
    }
}

static gboolean
rect_inside (const graphene_rect_t *inner,
             const graphene_rect_t *outer)
{
  /* Half a pixel for rounding. */
  return inner->origin.x >= outer->origin.x - 0.5 &&
         inner->origin.y >= outer->origin.y - 0.5 &&
         inner->origin.x + inner->size.width <= outer->origin.x + outer->size.width + 0.5 &&
         inner->origin.y + inner->size.height <= outer->origin.y + outer->size.height + 0.5;
}

static void
check_step (GtkWidget  *presentation,
            int         width,
            int         height,
            guint       step,
            GString    *failures)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) counts = g_ptr_array_new ();
  g_autoptr(GPtrArray) stacks = g_ptr_array_new ();
  graphene_rect_t window_rect, page_rect, counts_rect;
  GtkWidget *page;

  graphene_rect_init (&window_rect, 0, 0, width, height);
  collect (presentation, is_page, stacks);
  g_assert_cmpuint (stacks->len, ==, 1);
  page = gtk_stack_get_visible_child (GTK_STACK (g_ptr_array_index (stacks, 0)));
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_compute_bounds (page, presentation, &page_rect));

  collect (presentation, is_counts, counts);
  g_assert_cmpuint (counts->len, ==, 1);
  g_assert_true (gtk_widget_compute_bounds (g_ptr_array_index (counts, 0), presentation,
                                            &counts_rect));
  g_assert_true (rect_inside (&counts_rect, &window_rect));

  collect (page, is_card_label, labels);
  g_assert_cmpuint (labels->len, >=, 3);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);
      const char *text = gtk_label_get_text (GTK_LABEL (label));
      graphene_rect_t r;
      int nat_height = 0;
      const char *why = NULL;

      if (text[0] == '\0')
        continue;
      g_assert_true (gtk_widget_compute_bounds (label, presentation, &r));
      gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (label),
                          NULL, &nat_height, NULL, NULL);

      if (!rect_inside (&r, &window_rect))
        why = "outside the window";
      else if (!rect_inside (&r, &page_rect))
        why = "outside the page's visible area";
      else if (graphene_rect_intersection (&r, &counts_rect, NULL))
        why = "under the counts bar";
      else if (gtk_widget_get_height (label) < nat_height)
        why = "cut (allocated less than its text needs)";

      if (why != NULL)
        g_string_append_printf (failures, "%dx%d step %u: %s “%.40s” at %.0f,%.0f %.0f×%.0f: %s\n",
                                width, height, step + 1,
                                gtk_widget_get_css_classes (label)[0], text,
                                r.origin.x, r.origin.y, r.size.width, r.size.height, why);
    }
}

static const char *
progress_text (GtkWidget *presentation)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (presentation, is_progress, found);
  g_assert_cmpuint (found->len, ==, 1);

  return gtk_label_get_text (g_ptr_array_index (found, 0));
}

static void
save_step (GtkWidget *presentation,
           const int *size,
           guint      step)
{
  const char *dir = g_getenv ("ICC_TEST_FIT_PNG_DIR");
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  name = g_strdup_printf ("fit-%dx%d-step%u.png", size[0], size[1], step + 1);
  path = g_build_filename (dir, name, NULL);
  render_to_png (presentation, path);
}

/* Item 2: at the zoom the presentation chose, the step's event is a
 * marker of its own on the timeline, not in a cluster (the renderer's
 * clustering: 28 px bins, 6 px markers). */
static void
check_step_marker (GtkWidget  *presentation,
                   IccEvent   *event,
                   const int  *size,
                   guint       step,
                   GString    *failures)
{
  g_autoptr(GPtrArray) timelines = g_ptr_array_new ();
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (IccTimelineItem));
  IccTimelineLayoutParams params = { 28.0, ICC_TIMELINE_MARKER_RADIUS, 4.0, 40.0, NULL, NULL };
  IccTimeline *timeline;
  IccTimelineIndex *index;
  IccTimelineScale scale;
  int rank, k;

  collect (presentation, is_timeline, timelines);
  g_assert_cmpuint (timelines->len, ==, 1);
  timeline = g_ptr_array_index (timelines, 0);
  index = icc_timeline_view_get_index (icc_timeline_get_view (timeline));
  rank = icc_timeline_index_find_event (index, event);
  g_assert_cmpint (rank, >=, 0);

  icc_timeline_scale_init (&scale, icc_timeline_get_start (timeline),
                           icc_timeline_get_end (timeline),
                           gtk_widget_get_width (GTK_WIDGET (timeline)));
  icc_timeline_layout_compute (index, &scale, &params, items);
  k = icc_timeline_layout_find_rank (index, items, rank);
  if (k < 0)
    g_string_append_printf (failures, "%dx%d step %u: “%s” not on the timeline\n",
                            size[0], size[1], step + 1, icc_event_get_title (event));
  else if (g_array_index (items, IccTimelineItem, k).count != 1)
    g_string_append_printf (failures, "%dx%d step %u: “%s” in a cluster of %u\n",
                            size[0], size[1], step + 1, icc_event_get_title (event),
                            g_array_index (items, IccTimelineItem, k).count);
}

static void
test_fit (gconstpointer data)
{
  const int *size = data;
  g_autoptr(IccDataset) dataset = test_load_bundled ();
  g_autoptr(IccFocus) focus = icc_focus_new ();
  g_autoptr(GString) failures = g_string_new (NULL);
  IccPresentation *presentation = g_object_ref (icc_presentation_new (NULL, dataset, focus));
  GtkWidget *widget = GTK_WIDGET (presentation);
  guint n_steps;

  gtk_window_set_default_size (GTK_WINDOW (presentation), size[0], size[1]);
  g_assert_true (icc_presentation_set_tour (presentation, TOUR));
  gtk_window_present (GTK_WINDOW (presentation));
  wait_ms (100);

  n_steps = icc_presentation_get_n_steps (presentation);
  g_assert_cmpuint (n_steps, >=, 15);
  for (guint i = 0; i < n_steps; i++)
    {
      icc_presentation_set_step (presentation, i);
      wait_settled (widget);
      g_assert_cmpint (gtk_widget_get_width (widget), ==, size[0]);
      g_assert_cmpint (gtk_widget_get_height (widget), ==, size[1]);
      check_step (widget, size[0], size[1], i, failures);
      check_step_marker (widget, icc_focus_get_event (focus), size, i, failures);
      save_step (widget, size, i);

      /* A step in two slides: the second one fits too. */
      if (g_strstr_len (progress_text (widget), -1, "(1/2)") != NULL)
        {
          g_test_message ("%dx%d: step %u in two slides", size[0], size[1], i + 1);
          g_assert_true (gtk_widget_activate_action (widget, "presentation.next", NULL));
          g_assert_cmpuint (icc_presentation_get_step (presentation), ==, i);
          wait_settled (widget);
          check_step (widget, size[0], size[1], i, failures);
          save_step (widget, size, i + 100);
        }
    }

  if (failures->len > 0)
    g_error ("Text not fully visible:\n%s", failures->str);

  gtk_window_destroy (GTK_WINDOW (presentation));
  wait_ms (50);
  g_assert_finalize_object (presentation);
}

int
main (int   argc,
      char *argv[])
{
  static const int sizes[][2] = { { 1024, 768 }, { 1280, 720 }, { 1280, 800 }, { 1920, 1080 } };
  g_autoptr(GtkCssProvider) css_provider = NULL;

  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);

  /* What the application loads from its resource base path. */
  css_provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css_provider, "/org/example/IccTracker/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css_provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *path = g_strdup_printf ("/IccTracker/PresentationFit/%dx%d",
                                               sizes[i][0], sizes[i][1]);

      g_test_add_data_func (path, sizes[i], test_fit);
    }

  return g_test_run ();
}
