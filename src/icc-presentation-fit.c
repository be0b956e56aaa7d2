/* icc-presentation-fit.c: a step's card fitted to the screen: its type
 * sized for the screen's height, shrunk within the readable minimum until
 * the whole card shows without scrolling, and split into a "continued"
 * second slide when even the minimum does not fit (issue 16, item 1)
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "icc-presentation-private.h"

/* The heights the px sizes are meant for, and the least type then. */
#define REFERENCE_HEIGHT 1080.0
#define MIN_BODY_PX      24.0
#define MIN_TITLE_PX     40.0

/* Steps of the search for the largest type that fits. */
#define FIT_ITERATIONS 7

/* The timeline's height at 1080 lines, and the least it gets. */
#define TIMELINE_HEIGHT     200.0
#define MIN_TIMELINE_HEIGHT 150
#define MAP_SHARE           0.4

typedef struct
{
  gsize  offset;   /* of the GtkLabel * in IccPresentation */
  double px;       /* at 1080 lines, before fitting */
  double min_px;   /* at 1080 lines */
} Role;

static const Role roles[] = {
  { G_STRUCT_OFFSET (IccPresentation, kicker_label), 28, MIN_BODY_PX },
  { G_STRUCT_OFFSET (IccPresentation, date_label), 32, MIN_BODY_PX },
  { G_STRUCT_OFFSET (IccPresentation, title_label), 46, MIN_TITLE_PX },
  { G_STRUCT_OFFSET (IccPresentation, meta_label), 28, MIN_BODY_PX },
  { G_STRUCT_OFFSET (IccPresentation, change_label), 32, MIN_BODY_PX },
  { G_STRUCT_OFFSET (IccPresentation, certainty_label), 28, MIN_BODY_PX },
  { G_STRUCT_OFFSET (IccPresentation, certainty_note_label), 28, MIN_BODY_PX },
  { G_STRUCT_OFFSET (IccPresentation, summary_label), 28, MIN_BODY_PX },
  { G_STRUCT_OFFSET (IccPresentation, quote_label), 40, MIN_BODY_PX },
  { G_STRUCT_OFFSET (IccPresentation, source_label), 28, MIN_BODY_PX },
  { G_STRUCT_OFFSET (IccPresentation, continued_label), 24, MIN_BODY_PX },
};

static GtkLabel *
role_label (IccPresentation *self,
            const Role      *role)
{
  return G_STRUCT_MEMBER (GtkLabel *, self, role->offset);
}

/* The screen's share of 1080 lines: type scales with the screen. */
static double
screen_factor (IccPresentation *self)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  return height > 0 ? height / REFERENCE_HEIGHT : 1.0;
}

/* Sets every card label's size for @scale (1: the full size, 0: the
 * minimum) on a screen of @factor. */
static void
apply_scale (IccPresentation *self,
             double           scale,
             double           factor)
{
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      GtkLabel *label = role_label (self, &roles[i]);
      double px = roles[i].min_px + (roles[i].px - roles[i].min_px) * scale;
      int size = (int)(px * factor * PANGO_SCALE);
      PangoAttrList *old = gtk_label_get_attributes (label);
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_size_new_absolute (size));
      /* Unchanged: no new layout. */
      if (old == NULL || !pango_attr_list_equal (old, attrs))
        gtk_label_set_attributes (label, attrs);
    }
}

/* Whether the card, laid out at the page's width, fits its height. */
static gboolean
card_fits (IccPresentation *self,
           int              width,
           int              height)
{
  int natural = 0;

  gtk_widget_measure (self->event_page, GTK_ORIENTATION_VERTICAL, width,
                      NULL, &natural, NULL, NULL);

  return natural <= height;
}

/* What a part of a step shows: the whole card, or the card with the quote
 * (part 1 of 2) then with the summary and certainty note (part 2 of 2). */
static void
show_part (IccPresentation *self)
{
  const char *text = NULL;

  if (self->n_parts > 1 && self->part == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->summary_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->certainty_note_label), FALSE);
      text = _("Continued on the next slide");
    }
  else if (self->n_parts > 1)
    {
      gtk_widget_set_visible (self->quote_box, FALSE);
      text = _("Continued from the previous slide");
    }

  gtk_label_set_text (self->continued_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->continued_label), text != NULL);
}

/* The timeline's and the map's heights, for the screen's. */
static void
update_view_heights (IccPresentation *self)
{
  int timeline_height = MAX (MIN_TIMELINE_HEIGHT, (int)(TIMELINE_HEIGHT * screen_factor (self)));
  int map_height = MAX (timeline_height,
                        (int)(gtk_widget_get_height (GTK_WIDGET (self)) * MAP_SHARE));
  int old_height;

  gtk_widget_get_size_request (GTK_WIDGET (self->timeline), NULL, &old_height);
  if (old_height != timeline_height)
    gtk_widget_set_size_request (GTK_WIDGET (self->timeline), -1, timeline_height);

  /* A map needs more room than a timeline to be read: two fifths of the
   * screen. */
  gtk_widget_get_size_request (self->world_map, NULL, &old_height);
  if (old_height != map_height)
    gtk_widget_set_size_request (self->world_map, -1, map_height);
}

/* The scrolled window the card is in, which must never need to scroll. */
static GtkWidget *
get_viewport (IccPresentation *self)
{
  GtkWidget *viewport = gtk_widget_get_parent (self->event_page);

  while (viewport != NULL && !GTK_IS_SCROLLED_WINDOW (viewport))
    viewport = gtk_widget_get_parent (viewport);

  return viewport;
}

/* After a layout: the card's room changed (the map shown or hidden), fit
 * again. */
void
_icc_presentation_check_fit (IccPresentation *self)
{
  GtkWidget *viewport = get_viewport (self);

  if (viewport != NULL && gtk_widget_get_height (viewport) != self->fit_height)
    _icc_presentation_queue_fit (self);
}

static gboolean
fit_cb (gpointer user_data)
{
  IccPresentation *self = user_data;
  GtkWidget *viewport = get_viewport (self);
  double factor = screen_factor (self);
  double low = 0.0, high = 1.0;
  int width, height;

  self->fit_idle_id = 0;

  update_view_heights (self);

  /* A new width clusters the timeline anew: the step's event alone again. */
  if (self->rezoom && gtk_widget_get_width (GTK_WIDGET (self->timeline)) > 0)
    {
      self->rezoom = FALSE;
      if (!self->time_mode)
        _icc_presentation_zoom_to_step (self, FALSE);
    }

  if (viewport == NULL)
    return G_SOURCE_REMOVE;
  width = gtk_widget_get_width (viewport);
  height = gtk_widget_get_height (viewport);
  self->fit_height = height;
  if (width <= 0 || height <= 0)
    return G_SOURCE_REMOVE;

  apply_scale (self, 1.0, factor);
  if (!card_fits (self, width, height))
    {
      apply_scale (self, 0.0, factor);
      if (!card_fits (self, width, height) && self->n_parts == 1)
        {
          /* Even the least readable type is too big: two slides. */
          self->n_parts = 2;
          show_part (self);
          _icc_presentation_update_progress (self);
        }

      /* The largest type that fits. */
      for (guint i = 0; i < FIT_ITERATIONS; i++)
        {
          double mid = (low + high) / 2;

          apply_scale (self, mid, factor);
          if (card_fits (self, width, height))
            low = mid;
          else
            high = mid;
        }
      apply_scale (self, low, factor);
    }

  return G_SOURCE_REMOVE;
}

/* Fits the card again once the widgets are laid out (after a new card or
 * a new size); may be called from an allocation. */
void
_icc_presentation_queue_fit (IccPresentation *self)
{
  if (self->fit_idle_id == 0)
    self->fit_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 20, fit_cb, self, NULL);
}

/* A new step: one slide until the fit says otherwise. */
void
_icc_presentation_reset_parts (IccPresentation *self)
{
  self->part = 0;
  self->n_parts = 1;
}

/* After the card is filled: hides what another part of the step shows. */
void
_icc_presentation_apply_part (IccPresentation *self)
{
  show_part (self);
  _icc_presentation_queue_fit (self);
}

/* The next or previous part of the step; FALSE when there is none. */
gboolean
_icc_presentation_step_part (IccPresentation *self,
                             int              delta)
{
  int part = (int)self->part + delta;

  if (self->time_mode || part < 0 || part >= (int)self->n_parts)
    return FALSE;

  self->part = part;
  _icc_presentation_update_card (self);
  _icc_presentation_update_progress (self);

  return TRUE;
}
