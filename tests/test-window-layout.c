/* test-window-layout.c: the window fits an 800×600 screen.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 13: the window could not be narrower than about 876 px, so at
 * 800×600 its buttons were off the screen. Below the width where the event
 * panel and the reader fit side by side, they fold into one pane with a
 * switcher (IccFoldPane).
 */

#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "icc-fold-pane.h"
#include "icc-test-widgets.h"
#include "icc-test-window.h"
#include "icc-window-private.h"

typedef struct
{
  IccFoldPane *pane;
  gboolean     folded;
} FoldWait;

static gboolean
fold_is (gpointer data)
{
  FoldWait *wait = data;

  return icc_fold_pane_get_folded (wait->pane) == wait->folded;
}

static void
resize_and_wait (IccWindow   *window,
                 int          width,
                 int          height,
                 gboolean     folded)
{
  FoldWait wait = { window->detail_pane, folded };

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  g_assert_true (test_wait_until (fold_is, &wait, 10000));
  test_settle (200);
}

/* Every button of the header bar lies inside the window. */
static void
assert_header_inside (IccWindow *window)
{
  GtkWidget *header = gtk_window_get_titlebar (GTK_WINDOW (window));
  int window_width = gtk_widget_get_width (GTK_WIDGET (window));
  GPtrArray *stack = g_ptr_array_new ();
  guint buttons = 0;

  g_ptr_array_add (stack, header);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      if (!gtk_widget_get_mapped (widget))
        continue;

      if (GTK_IS_BUTTON (widget))
        {
          graphene_rect_t bounds;

          g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (window), &bounds));
          g_test_message ("%s at x %.0f..%.0f of %d", G_OBJECT_TYPE_NAME (widget),
                          bounds.origin.x, bounds.origin.x + bounds.size.width, window_width);
          g_assert_cmpfloat (bounds.origin.x, >=, 0);
          g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, window_width);
          g_assert_cmpfloat (bounds.size.width, >, 0);
          buttons++;
          continue;
        }

      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }
  g_ptr_array_unref (stack);

  /* Open, the date, Find, Play, Present, the menu, and the window's own. */
  g_assert_cmpuint (buttons, >=, 6);
}

static void
test_minimum_size (void)
{
  IccWindow *window = test_new_window ();
  int min_width, min_height;

  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1,
                      &min_width, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_VERTICAL, 800,
                      &min_height, NULL, NULL, NULL);
  g_test_message ("minimum %d × %d", min_width, min_height);
  g_assert_cmpint (min_width, <=, 800);
  g_assert_cmpint (min_height, <=, 600);

  /* At 800×600: folded, and everything inside the window. */
  resize_and_wait (window, 800, 600, TRUE);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 800);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), <=, 600);
  assert_header_inside (window);

  /* One pane at a time; the switcher shows the other. */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->event_panel)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (window->reader)));
  icc_fold_pane_set_visible_child (window->detail_pane, GTK_WIDGET (window->reader));
  test_settle (100);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (window->event_panel)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->reader)));
  {
    graphene_rect_t bounds;
    int width = gtk_widget_get_width (GTK_WIDGET (window));

    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (window->reader), GTK_WIDGET (window),
                                              &bounds));
    g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, width);
  }

  /* At 1024×768 as at 1600×1000, side by side again. */
  resize_and_wait (window, 1024, 768, FALSE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->event_panel)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->reader)));
  assert_header_inside (window);

  /* The pane remembers which side it showed. */
  resize_and_wait (window, 800, 600, TRUE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->reader)));

  test_destroy_window (window);
}

/* The rule itself, on a pane of two fixed-width children. */
static void
test_fold_rule (void)
{
  GtkWidget *pane = icc_fold_pane_new ();
  GtkWidget *start = gtk_label_new ("start");
  GtkWidget *end = gtk_label_new ("end");
  int min;

  g_object_ref_sink (pane);
  gtk_widget_set_size_request (start, 240, 20);
  gtk_widget_set_size_request (end, 320, 20);
  icc_fold_pane_set_start_child (ICC_FOLD_PANE (pane), start);
  icc_fold_pane_set_end_child (ICC_FOLD_PANE (pane), end);

  gtk_widget_measure (pane, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_assert_cmpint (min, ==, 320);
  g_assert_true (icc_fold_pane_folds_at (ICC_FOLD_PANE (pane), 320));
  g_assert_true (icc_fold_pane_folds_at (ICC_FOLD_PANE (pane), 560));
  g_assert_false (icc_fold_pane_folds_at (ICC_FOLD_PANE (pane), 600));

  g_object_unref (pane);
}

/* F6 visits the four panes in turn, each time a mapped widget inside the
 * window, with the focus shown; folded, the event and the article too. */
static void
walk_panes (IccWindow *window)
{
  gboolean seen[4] = { FALSE, };
  int previous = -1;

  for (guint i = 0; i < 8; i++)
    {
      GtkWidget *focused;
      graphene_rect_t bounds;
      int pane;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.next-pane", NULL);
      test_settle (100);
      focused = gtk_window_get_focus (GTK_WINDOW (window));
      pane = _icc_window_focused_pane (window);
      g_test_message ("F6: pane %d, %s", pane,
                      focused != NULL ? G_OBJECT_TYPE_NAME (focused) : "nothing");
      g_assert_nonnull (focused);
      g_assert_cmpint (pane, >=, 0);
      g_assert_cmpint (pane, !=, previous);
      g_assert_true (gtk_widget_get_mapped (focused));
      g_assert_true (gtk_window_get_focus_visible (GTK_WINDOW (window)));
      g_assert_true (gtk_widget_compute_bounds (focused, GTK_WIDGET (window), &bounds));
      g_assert_cmpfloat (bounds.origin.x, >=, 0);
      g_assert_cmpfloat (bounds.origin.y, >=, 0);
      g_assert_cmpfloat (bounds.origin.x, <, gtk_widget_get_width (GTK_WIDGET (window)));
      g_assert_cmpfloat (bounds.origin.y, <, gtk_widget_get_height (GTK_WIDGET (window)));
      seen[pane] = TRUE;
      previous = pane;
    }

  for (guint i = 0; i < G_N_ELEMENTS (seen); i++)
    g_assert_true (seen[i]);
}

static void
test_panes (void)
{
  IccWindow *window = test_new_window ();

  resize_and_wait (window, 1600, 1000, FALSE);
  walk_panes (window);
  resize_and_wait (window, 800, 600, TRUE);
  walk_panes (window);

  /* Alt+Down from anywhere: the reader's next citation, shown when folded. */
  icc_fold_pane_set_visible_child (window->detail_pane, GTK_WIDGET (window->event_panel));
  gtk_widget_grab_focus (GTK_WIDGET (window->state_list));
  {
    IccCitation *before = icc_focus_get_citation (icc_window_get_focus (window));

    gtk_widget_activate_action (GTK_WIDGET (window), "win.next-citation", NULL);
    test_settle (100);
    g_assert_true (icc_focus_get_citation (icc_window_get_focus (window)) != before);
    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->reader)));
  }

  test_destroy_window (window);
}

static guint
count_class (GtkWidget  *widget,
             const char *css_class)
{
  guint n = gtk_widget_has_css_class (widget, css_class) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_class (child, css_class);

  return n;
}

/* With ICC_TEST_SHOT_DIR set, saves @widget as NAME.png there, to look at. */
static void
maybe_save_png (GtkWidget  *widget,
                const char *name)
{
  const char *dir = g_getenv ("ICC_TEST_SHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;

  if (dir == NULL)
    return;

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, NULL);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  gdk_texture_save_to_png (texture, path);
}

static gboolean
widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* The legend: one click (or Shift+Ctrl+L) away, every highlight and every
 * kind of event, built when first shown. */
static void
test_legend (void)
{
  IccWindow *window = test_new_window ();
  GtkWidget *legend;

  g_assert_null (gtk_popover_get_child (window->legend_popover));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-legend", NULL);
  g_assert_true (test_wait_until (widget_is_mapped, window->legend_popover, 5000));
  test_settle (200);

  legend = gtk_popover_get_child (window->legend_popover);
  g_assert_nonnull (legend);
  g_assert_cmpuint (count_class (legend, "legend-highlight"), ==, 5);
  g_assert_cmpuint (count_class (legend, "legend-marker"), ==, ICC_N_EVENT_KINDS);
  g_assert_cmpuint (count_class (legend, "highlight-citation"), ==, 1);
  g_assert_cmpuint (count_class (legend, "highlight-disputes"), ==, 1);
  maybe_save_png (legend, "legend");

  gtk_popover_popdown (window->legend_popover);
  test_destroy_window (window);
}

static gboolean
outline_has_comment (gpointer data)
{
  return has_label_containing (data, "a reader’s comment, not the article");
}

/* In This Article labels a reader's comment as one (issue 16, item 5): the
 * blog article's comments are cited. */
static void
test_outline_labels_comments (void)
{
  IccWindow *window = test_new_window ();
  IccDataset *dataset = icc_window_get_dataset (window);
  IccFocus *focus = icc_window_get_focus (window);

  icc_focus_set_citation (focus, NULL);
  icc_focus_set_article (focus, icc_dataset_lookup_article (dataset, "blog-russia-withdraws-support"));
  test_settle (300);
  g_assert_false (outline_has_comment (window->reader));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.article-outline", NULL);
  g_assert_true (test_wait_until (outline_has_comment, window->reader, 5000));

  test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  /* The application's style, as IccApplication loads it: the legend's
   * samples take their colours from it. */
  {
    g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (provider, "/org/example/IccTracker/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  g_test_add_func ("/window-layout/fold-rule", test_fold_rule);
  g_test_add_func ("/window-layout/minimum-size", test_minimum_size);
  g_test_add_func ("/window-layout/panes", test_panes);
  g_test_add_func ("/window-layout/legend", test_legend);
  g_test_add_func ("/window-layout/outline-labels-comments", test_outline_labels_comments);

  return g_test_run ();
}
