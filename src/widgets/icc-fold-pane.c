/* icc-fold-pane.c: two panes side by side, or one at a time when they do not fit.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 has no AdwBreakpoint or AdwLeaflet, so this is the small part of
 * them the window needs. Side by side, the two children sit in a GtkPaned
 * the user can drag. When the width allocated is less than both children's
 * minimum widths together, the pane "folds": it shows one child at a time,
 * under a two-button switcher, so that the window still fits an 800×600
 * screen with nothing off it.
 *
 * The pane's own minimum width is the larger of its children's, so that the
 * window can be made narrow enough to fold it. The rule is decided where the
 * width is known, in size_allocate(), and applied from an idle right after
 * (a widget's visibility must not change while GTK lays it out). For that one
 * frame the paned keeps its minimum width and is clipped.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "icc-fold-pane.h"

struct _IccFoldPane
{
  GtkWidget        parent_instance;

  GtkWidget       *switcher;
  GtkToggleButton *start_button;
  GtkToggleButton *end_button;
  GtkPaned        *paned;

  GtkWidget       *start_child;   /* owned by the paned */
  GtkWidget       *end_child;
  gboolean         show_end;      /* folded: which child is shown */
  int              start_min_width;
  int              end_min_width;

  guint            folded : 1;        /* applied */
  guint            want_folded : 1;   /* decided in the last allocation */
  guint            apply_source;
};

enum {
  PROP_0,
  PROP_START_CHILD,
  PROP_END_CHILD,
  PROP_START_TITLE,
  PROP_END_TITLE,
  PROP_FOLDED,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (IccFoldPane, icc_fold_pane, GTK_TYPE_WIDGET)

/* A hidden child measures 0: while folded, the hidden one's minimum width is
 * the last one it had while shown. */
static int
child_min_width (GtkWidget *child,
                 int       *last)
{
  if (child != NULL && gtk_widget_get_visible (child))
    gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, last, NULL, NULL, NULL);

  return *last;
}

/**
 * icc_fold_pane_folds_at:
 * @self: a pane
 * @width: a width in pixels
 *
 * The rule: whether the pane shows one child at a time at @width, which is
 * when both children's minimum widths and the paned's handle do not fit.
 */
gboolean
icc_fold_pane_folds_at (IccFoldPane *self,
                        int          width)
{
  g_return_val_if_fail (ICC_IS_FOLD_PANE (self), FALSE);

  if (self->start_child == NULL || self->end_child == NULL)
    return FALSE;

  /* The handle is a pixel wide; a few more keep the fold from flickering
   * at the limit as the children's text reflows. */
  return width < (child_min_width (self->start_child, &self->start_min_width) +
                  child_min_width (self->end_child, &self->end_min_width) + 8);
}

static void
apply_folded (IccFoldPane *self)
{
  gboolean folded = self->folded;

  gtk_widget_set_visible (self->switcher, folded);
  if (self->start_child != NULL)
    gtk_widget_set_visible (self->start_child, !folded || !self->show_end);
  if (self->end_child != NULL)
    gtk_widget_set_visible (self->end_child, !folded || self->show_end);
}

static gboolean
apply_cb (gpointer data)
{
  IccFoldPane *self = data;

  self->apply_source = 0;
  if (self->folded == self->want_folded)
    return G_SOURCE_REMOVE;

  self->folded = self->want_folded;
  apply_folded (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);

  return G_SOURCE_REMOVE;
}

static void
icc_fold_pane_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  IccFoldPane *self = ICC_FOLD_PANE (widget);
  int min = 0, nat = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int start_nat = 0, end_nat = 0, switcher_min = 0;
      int start_min = self->start_min_width, end_min = self->end_min_width;

      if (self->start_child != NULL && gtk_widget_get_visible (self->start_child))
        gtk_widget_measure (self->start_child, orientation, -1, &start_min, &start_nat, NULL, NULL);
      if (self->end_child != NULL && gtk_widget_get_visible (self->end_child))
        gtk_widget_measure (self->end_child, orientation, -1, &end_min, &end_nat, NULL, NULL);
      self->start_min_width = start_min;
      self->end_min_width = end_min;
      gtk_widget_measure (self->switcher, orientation, -1, &switcher_min, NULL, NULL, NULL);

      /* Narrow enough to fold; as wide as both side by side by preference. */
      min = MAX (MAX (start_min, end_min), switcher_min);
      nat = MAX (min, start_nat + end_nat + 1);
    }
  else
    {
      int paned_min = 0, paned_nat = 0;

      gtk_widget_measure (GTK_WIDGET (self->paned), orientation, -1,
                          &paned_min, &paned_nat, NULL, NULL);
      min = paned_min;
      nat = paned_nat;
      if (gtk_widget_get_visible (self->switcher))
        {
          int switcher_min = 0, switcher_nat = 0;

          gtk_widget_measure (self->switcher, orientation, -1,
                              &switcher_min, &switcher_nat, NULL, NULL);
          min += switcher_min;
          nat += switcher_nat;
        }
    }

  *minimum = min;
  *natural = nat;
  *minimum_baseline = -1;
  *natural_baseline = -1;
}

static void
icc_fold_pane_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  IccFoldPane *self = ICC_FOLD_PANE (widget);
  int paned_min_width = 0, paned_min_height = 0;
  int y = 0;

  self->want_folded = icc_fold_pane_folds_at (self, width);
  if (self->want_folded != self->folded && self->apply_source == 0)
    self->apply_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_cb, self, NULL);

  if (gtk_widget_get_visible (self->switcher))
    {
      int switcher_height = 0;

      gtk_widget_measure (self->switcher, GTK_ORIENTATION_VERTICAL, width,
                          &switcher_height, NULL, NULL, NULL);
      gtk_widget_allocate (self->switcher, width, switcher_height, -1, NULL);
      y = switcher_height;
    }

  /* Until the fold is applied, the paned may need more than there is: it
   * keeps its minimum and the pane clips it. */
  gtk_widget_measure (GTK_WIDGET (self->paned), GTK_ORIENTATION_HORIZONTAL, -1,
                      &paned_min_width, NULL, NULL, NULL);
  width = MAX (width, paned_min_width);
  gtk_widget_measure (GTK_WIDGET (self->paned), GTK_ORIENTATION_VERTICAL, width,
                      &paned_min_height, NULL, NULL, NULL);
  gtk_widget_allocate (GTK_WIDGET (self->paned), width, MAX (height - y, paned_min_height), -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, y)));
}

static void
switcher_toggled_cb (IccFoldPane     *self,
                     GtkToggleButton *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;

  icc_fold_pane_set_visible_child (self, button == self->end_button ? self->end_child
                                                                    : self->start_child);
}

static void
icc_fold_pane_dispose (GObject *object)
{
  IccFoldPane *self = ICC_FOLD_PANE (object);

  g_clear_handle_id (&self->apply_source, g_source_remove);
  self->start_child = NULL;
  self->end_child = NULL;
  g_clear_pointer (&self->switcher, gtk_widget_unparent);
  if (self->paned != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->paned));
      self->paned = NULL;
    }

  G_OBJECT_CLASS (icc_fold_pane_parent_class)->dispose (object);
}

static void
icc_fold_pane_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  IccFoldPane *self = ICC_FOLD_PANE (object);

  switch (prop_id)
    {
    case PROP_START_CHILD:
      g_value_set_object (value, self->start_child);
      break;

    case PROP_END_CHILD:
      g_value_set_object (value, self->end_child);
      break;

    case PROP_START_TITLE:
      g_value_set_string (value, gtk_button_get_label (GTK_BUTTON (self->start_button)));
      break;

    case PROP_END_TITLE:
      g_value_set_string (value, gtk_button_get_label (GTK_BUTTON (self->end_button)));
      break;

    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;

    case PROP_POSITION:
      g_value_set_int (value, icc_fold_pane_get_position (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_fold_pane_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  IccFoldPane *self = ICC_FOLD_PANE (object);

  switch (prop_id)
    {
    case PROP_START_CHILD:
      icc_fold_pane_set_start_child (self, g_value_get_object (value));
      break;

    case PROP_END_CHILD:
      icc_fold_pane_set_end_child (self, g_value_get_object (value));
      break;

    case PROP_START_TITLE:
      gtk_button_set_label (GTK_BUTTON (self->start_button), g_value_get_string (value));
      break;

    case PROP_END_TITLE:
      gtk_button_set_label (GTK_BUTTON (self->end_button), g_value_get_string (value));
      break;

    case PROP_POSITION:
      icc_fold_pane_set_position (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_fold_pane_class_init (IccFoldPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icc_fold_pane_dispose;
  object_class->get_property = icc_fold_pane_get_property;
  object_class->set_property = icc_fold_pane_set_property;

  widget_class->measure = icc_fold_pane_measure;
  widget_class->size_allocate = icc_fold_pane_size_allocate;

  properties[PROP_START_CHILD] =
    g_param_spec_object ("start-child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_END_CHILD] =
    g_param_spec_object ("end-child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The switcher's labels, with mnemonics. */
  properties[PROP_START_TITLE] =
    g_param_spec_string ("start-title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_END_TITLE] =
    g_param_spec_string ("end-title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "foldpane");
}

static void
icc_fold_pane_init (IccFoldPane *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);

  self->switcher = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_halign (self->switcher, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (self->switcher, 6);
  gtk_widget_set_margin_bottom (self->switcher, 6);
  gtk_widget_add_css_class (self->switcher, "linked");
  gtk_widget_set_visible (self->switcher, FALSE);
  gtk_widget_set_parent (self->switcher, widget);

  self->start_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
  self->end_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
  gtk_button_set_use_underline (GTK_BUTTON (self->start_button), TRUE);
  gtk_button_set_use_underline (GTK_BUTTON (self->end_button), TRUE);
  gtk_toggle_button_set_group (self->end_button, self->start_button);
  gtk_toggle_button_set_active (self->start_button, TRUE);
  gtk_box_append (GTK_BOX (self->switcher), GTK_WIDGET (self->start_button));
  gtk_box_append (GTK_BOX (self->switcher), GTK_WIDGET (self->end_button));
  g_signal_connect_swapped (self->start_button, "toggled", G_CALLBACK (switcher_toggled_cb), self);
  g_signal_connect_swapped (self->end_button, "toggled", G_CALLBACK (switcher_toggled_cb), self);

  self->paned = GTK_PANED (gtk_paned_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_paned_set_resize_start_child (self->paned, FALSE);
  gtk_paned_set_shrink_start_child (self->paned, FALSE);
  gtk_paned_set_shrink_end_child (self->paned, FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->paned), widget);
}

GtkWidget *
icc_fold_pane_new (void)
{
  return g_object_new (ICC_TYPE_FOLD_PANE, NULL);
}

GtkWidget *
icc_fold_pane_get_start_child (IccFoldPane *self)
{
  g_return_val_if_fail (ICC_IS_FOLD_PANE (self), NULL);

  return self->start_child;
}

void
icc_fold_pane_set_start_child (IccFoldPane *self,
                               GtkWidget   *child)
{
  g_return_if_fail (ICC_IS_FOLD_PANE (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->start_child == child)
    return;

  self->start_child = child;
  gtk_paned_set_start_child (self->paned, child);
  apply_folded (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_CHILD]);
}

GtkWidget *
icc_fold_pane_get_end_child (IccFoldPane *self)
{
  g_return_val_if_fail (ICC_IS_FOLD_PANE (self), NULL);

  return self->end_child;
}

void
icc_fold_pane_set_end_child (IccFoldPane *self,
                             GtkWidget   *child)
{
  g_return_if_fail (ICC_IS_FOLD_PANE (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->end_child == child)
    return;

  self->end_child = child;
  gtk_paned_set_end_child (self->paned, child);
  apply_folded (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END_CHILD]);
}

void
icc_fold_pane_set_titles (IccFoldPane *self,
                          const char  *start_title,
                          const char  *end_title)
{
  g_return_if_fail (ICC_IS_FOLD_PANE (self));

  g_object_set (self, "start-title", start_title, "end-title", end_title, NULL);
}

gboolean
icc_fold_pane_get_folded (IccFoldPane *self)
{
  g_return_val_if_fail (ICC_IS_FOLD_PANE (self), FALSE);

  return self->folded;
}

/**
 * icc_fold_pane_get_visible_child:
 *
 * Returns: (transfer none) (nullable): the child shown when folded.
 */
GtkWidget *
icc_fold_pane_get_visible_child (IccFoldPane *self)
{
  g_return_val_if_fail (ICC_IS_FOLD_PANE (self), NULL);

  return self->show_end ? self->end_child : self->start_child;
}

/**
 * icc_fold_pane_set_visible_child:
 * @child: the start or the end child
 *
 * Which child the folded pane shows (side by side, both are shown and this
 * is remembered for the next fold).
 */
void
icc_fold_pane_set_visible_child (IccFoldPane *self,
                                 GtkWidget   *child)
{
  g_return_if_fail (ICC_IS_FOLD_PANE (self));
  g_return_if_fail (child != NULL);
  g_return_if_fail (child == self->start_child || child == self->end_child);

  self->show_end = child == self->end_child;
  gtk_toggle_button_set_active (self->show_end ? self->end_button : self->start_button, TRUE);
  apply_folded (self);
}

int
icc_fold_pane_get_position (IccFoldPane *self)
{
  g_return_val_if_fail (ICC_IS_FOLD_PANE (self), 0);

  return gtk_paned_get_position (self->paned);
}

void
icc_fold_pane_set_position (IccFoldPane *self,
                            int          position)
{
  g_return_if_fail (ICC_IS_FOLD_PANE (self));

  gtk_paned_set_position (self->paned, position);
}
