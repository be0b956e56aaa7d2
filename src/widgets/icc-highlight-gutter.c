/* icc-highlight-gutter.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "icc-highlight-gutter.h"

#define MIN_MARK_HEIGHT 3.0
#define N_KINDS (ICC_HIGHLIGHT_EMPHASIS + 1)

struct _IccHighlightGutter
{
  GtkWidget  parent_instance;

  GArray    *marks;
  GdkRGBA    colors[N_KINDS];
};

G_DEFINE_FINAL_TYPE (IccHighlightGutter, icc_highlight_gutter, GTK_TYPE_WIDGET)

enum {
  MARK_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
mark_rect (IccHighlightGutter     *self,
           const IccHighlightMark *mark,
           graphene_rect_t        *rect)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double y = CLAMP (mark->start, 0, 1) * height;
  double h = MAX (MIN_MARK_HEIGHT, (CLAMP (mark->end, 0, 1) - CLAMP (mark->start, 0, 1)) * height);

  if (y + h > height)
    y = MAX (0, height - h);

  graphene_rect_init (rect, 1, y, MAX (1, width - 2), h);
}

static void
icc_highlight_gutter_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  IccHighlightGutter *self = ICC_HIGHLIGHT_GUTTER (widget);

  /* Citations first, emphasis last, so the focused event's marks are on top. */
  for (int kind = 0; kind < N_KINDS; kind++)
    {
      for (guint i = 0; i < self->marks->len; i++)
        {
          const IccHighlightMark *mark = &g_array_index (self->marks, IccHighlightMark, i);
          graphene_rect_t rect;

          if ((int)mark->kind != kind)
            continue;

          mark_rect (self, mark, &rect);
          gtk_snapshot_append_color (snapshot, &self->colors[kind], &rect);
        }
    }
}

static void
pressed_cb (GtkGestureClick    *gesture,
            int                 n_press,
            double              x,
            double              y,
            IccHighlightGutter *self)
{
  guint best = G_MAXUINT;
  double best_distance = G_MAXDOUBLE;

  /* The nearest mark within a few pixels: marks are thin. */
  for (guint i = 0; i < self->marks->len; i++)
    {
      const IccHighlightMark *mark = &g_array_index (self->marks, IccHighlightMark, i);
      graphene_rect_t rect;
      double distance;

      mark_rect (self, mark, &rect);
      if (y < rect.origin.y)
        distance = rect.origin.y - y;
      else if (y > rect.origin.y + rect.size.height)
        distance = y - (rect.origin.y + rect.size.height);
      else
        distance = 0;

      if (distance < best_distance)
        {
          best_distance = distance;
          best = i;
        }
    }

  if (best != G_MAXUINT && best_distance <= 6)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      g_signal_emit (self, signals [MARK_ACTIVATED], 0, best);
    }
}

static void
icc_highlight_gutter_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 8;
  else
    *minimum = *natural = 0;
}

static void
icc_highlight_gutter_finalize (GObject *object)
{
  IccHighlightGutter *self = (IccHighlightGutter *)object;

  g_clear_pointer (&self->marks, g_array_unref);

  G_OBJECT_CLASS (icc_highlight_gutter_parent_class)->finalize (object);
}

static void
icc_highlight_gutter_class_init (IccHighlightGutterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = icc_highlight_gutter_finalize;

  widget_class->snapshot = icc_highlight_gutter_snapshot;
  widget_class->measure = icc_highlight_gutter_measure;

  signals [MARK_ACTIVATED] =
    g_signal_new ("mark-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "highlightgutter");
  /* A pointer shortcut: the previous/next citation buttons do the same from
   * the keyboard. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
icc_highlight_gutter_init (IccHighlightGutter *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->marks = g_array_new (FALSE, FALSE, sizeof (IccHighlightMark));
  for (int i = 0; i < N_KINDS; i++)
    gdk_rgba_parse (&self->colors[i], "rgba(128,128,128,0.5)");

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
}

GtkWidget *
icc_highlight_gutter_new (void)
{
  return g_object_new (ICC_TYPE_HIGHLIGHT_GUTTER, NULL);
}

void
icc_highlight_gutter_set_marks (IccHighlightGutter     *self,
                                const IccHighlightMark *marks,
                                guint                   n_marks)
{
  g_return_if_fail (ICC_IS_HIGHLIGHT_GUTTER (self));
  g_return_if_fail (marks != NULL || n_marks == 0);

  g_array_set_size (self->marks, 0);
  if (n_marks > 0)
    g_array_append_vals (self->marks, marks, n_marks);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
icc_highlight_gutter_get_n_marks (IccHighlightGutter *self)
{
  g_return_val_if_fail (ICC_IS_HIGHLIGHT_GUTTER (self), 0);

  return self->marks->len;
}

void
icc_highlight_gutter_set_color (IccHighlightGutter *self,
                                IccHighlightKind    kind,
                                const GdkRGBA      *color)
{
  g_return_if_fail (ICC_IS_HIGHLIGHT_GUTTER (self));
  g_return_if_fail (kind < N_KINDS);
  g_return_if_fail (color != NULL);

  if (gdk_rgba_equal (&self->colors[kind], color))
    return;

  self->colors[kind] = *color;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
