/* icc-tour.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "icc-tour.h"

typedef struct
{
  char *event_id;
  char *title;
  char *note;
  IccTourView view;
} Step;

struct _IccTour
{
  GObject     parent_instance;

  char       *id;
  char       *title;
  char       *description;
  GArray     *steps;
  JsonObject *extra;
};

G_DEFINE_FINAL_TYPE (IccTour, icc_tour, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_N_STEPS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  STEPS_CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
step_clear (gpointer data)
{
  Step *step = data;

  g_clear_pointer (&step->event_id, g_free);
  g_clear_pointer (&step->title, g_free);
  g_clear_pointer (&step->note, g_free);
}

static void
icc_tour_finalize (GObject *object)
{
  IccTour *self = (IccTour *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->steps, g_array_unref);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (icc_tour_parent_class)->finalize (object);
}

static void
icc_tour_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  IccTour *self = ICC_TOUR (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_N_STEPS:
      g_value_set_uint (value, self->steps->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_tour_class_init (IccTourClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = icc_tour_finalize;
  object_class->get_property = icc_tour_get_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_N_STEPS] =
    g_param_spec_uint ("n-steps", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Like GListModel::items-changed, for the steps. */
  signals [STEPS_CHANGED] =
    g_signal_new ("steps-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);
}

static void
icc_tour_init (IccTour *self)
{
  self->steps = g_array_new (FALSE, TRUE, sizeof (Step));
  g_array_set_clear_func (self->steps, step_clear);
}

IccTour *
icc_tour_new (const char *id,
              const char *title)
{
  IccTour *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (ICC_TYPE_TOUR, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title);

  return self;
}

const char *
icc_tour_get_id (IccTour *self)
{
  g_return_val_if_fail (ICC_IS_TOUR (self), NULL);
  return self->id;
}

const char *
icc_tour_get_title (IccTour *self)
{
  g_return_val_if_fail (ICC_IS_TOUR (self), NULL);
  return self->title != NULL ? self->title : "";
}

void
icc_tour_set_title (IccTour    *self,
                    const char *title)
{
  g_return_if_fail (ICC_IS_TOUR (self));

  if (g_strcmp0 (title, self->title) != 0)
    {
      g_free (self->title);
      self->title = g_strdup (title);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
}

const char *
icc_tour_get_description (IccTour *self)
{
  g_return_val_if_fail (ICC_IS_TOUR (self), NULL);
  return self->description;
}

void
icc_tour_set_description (IccTour    *self,
                          const char *description)
{
  g_return_if_fail (ICC_IS_TOUR (self));

  if (g_strcmp0 (description, self->description) != 0)
    {
      g_free (self->description);
      self->description = g_strdup (description);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
    }
}

guint
icc_tour_get_n_steps (IccTour *self)
{
  g_return_val_if_fail (ICC_IS_TOUR (self), 0);
  return self->steps->len;
}

void
icc_tour_add_step (IccTour    *self,
                   const char *event_id,
                   const char *title,
                   const char *note)
{
  Step step;

  g_return_if_fail (ICC_IS_TOUR (self));
  g_return_if_fail (event_id != NULL);

  step.event_id = g_strdup (event_id);
  step.title = g_strdup (title);
  step.note = g_strdup (note);
  step.view = ICC_TOUR_VIEW_TIMELINE;
  g_array_append_val (self->steps, step);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_STEPS]);
  g_signal_emit (self, signals[STEPS_CHANGED], 0, self->steps->len - 1, 0, 1);
}

void
icc_tour_insert_step (IccTour    *self,
                      guint       position,
                      const char *event_id,
                      const char *title,
                      const char *note)
{
  Step step;

  g_return_if_fail (ICC_IS_TOUR (self));
  g_return_if_fail (event_id != NULL);
  g_return_if_fail (position <= self->steps->len);

  step.event_id = g_strdup (event_id);
  step.title = g_strdup (title);
  step.note = g_strdup (note);
  step.view = ICC_TOUR_VIEW_TIMELINE;
  g_array_insert_val (self->steps, position, step);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_STEPS]);
  g_signal_emit (self, signals[STEPS_CHANGED], 0, position, 0, 1);
}

void
icc_tour_remove_step (IccTour *self,
                      guint    position)
{
  g_return_if_fail (ICC_IS_TOUR (self));
  g_return_if_fail (position < self->steps->len);

  g_array_remove_index (self->steps, position);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_STEPS]);
  g_signal_emit (self, signals[STEPS_CHANGED], 0, position, 1, 0);
}

void
icc_tour_set_step_text (IccTour    *self,
                        guint       position,
                        const char *title,
                        const char *note)
{
  Step *step;

  g_return_if_fail (ICC_IS_TOUR (self));
  g_return_if_fail (position < self->steps->len);

  step = &g_array_index (self->steps, Step, position);
  if (g_strcmp0 (step->title, title) == 0 && g_strcmp0 (step->note, note) == 0)
    return;

  /* Either may point into the step itself. */
  {
    char *new_title = g_strdup (title);
    char *new_note = g_strdup (note);

    g_free (step->title);
    g_free (step->note);
    step->title = new_title;
    step->note = new_note;
  }

  g_signal_emit (self, signals[STEPS_CHANGED], 0, position, 1, 1);
}

void
icc_tour_move_step (IccTour *self,
                    guint    from,
                    guint    to)
{
  Step step;

  g_return_if_fail (ICC_IS_TOUR (self));
  g_return_if_fail (from < self->steps->len);
  g_return_if_fail (to < self->steps->len);

  if (from == to)
    return;

  /* Moved out by value: no clear function runs. */
  step = g_array_index (self->steps, Step, from);
  memset (&g_array_index (self->steps, Step, from), 0, sizeof (Step));
  g_array_remove_index (self->steps, from);
  g_array_insert_val (self->steps, to, step);

  g_signal_emit (self, signals[STEPS_CHANGED], 0, MIN (from, to),
                 MAX (from, to) - MIN (from, to) + 1,
                 MAX (from, to) - MIN (from, to) + 1);
}

const char *
icc_tour_get_step_event (IccTour *self,
                         guint    step)
{
  g_return_val_if_fail (ICC_IS_TOUR (self), NULL);
  g_return_val_if_fail (step < self->steps->len, NULL);
  return g_array_index (self->steps, Step, step).event_id;
}

const char *
icc_tour_get_step_title (IccTour *self,
                         guint    step)
{
  g_return_val_if_fail (ICC_IS_TOUR (self), NULL);
  g_return_val_if_fail (step < self->steps->len, NULL);
  return g_array_index (self->steps, Step, step).title;
}

const char *
icc_tour_get_step_note (IccTour *self,
                        guint    step)
{
  g_return_val_if_fail (ICC_IS_TOUR (self), NULL);
  g_return_val_if_fail (step < self->steps->len, NULL);
  return g_array_index (self->steps, Step, step).note;
}

JsonObject *
icc_tour_get_extra (IccTour *self)
{
  g_return_val_if_fail (ICC_IS_TOUR (self), NULL);
  return self->extra;
}

void
icc_tour_set_extra (IccTour    *self,
                    JsonObject *extra)
{
  g_return_if_fail (ICC_IS_TOUR (self));

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}

IccTourView
icc_tour_get_step_view (IccTour *self,
                        guint    step)
{
  g_return_val_if_fail (ICC_IS_TOUR (self), ICC_TOUR_VIEW_TIMELINE);
  g_return_val_if_fail (step < self->steps->len, ICC_TOUR_VIEW_TIMELINE);

  return g_array_index (self->steps, Step, step).view;
}

void
icc_tour_set_step_view (IccTour     *self,
                        guint        step,
                        IccTourView  view)
{
  Step *s;

  g_return_if_fail (ICC_IS_TOUR (self));
  g_return_if_fail (step < self->steps->len);
  g_return_if_fail (view == ICC_TOUR_VIEW_TIMELINE || view == ICC_TOUR_VIEW_MAP);

  s = &g_array_index (self->steps, Step, step);
  if (s->view == view)
    return;

  s->view = view;
  g_signal_emit (self, signals[STEPS_CHANGED], 0, step, 1, 1);
}
