/* icc-presentation-tour.c: the tour and stepping through it: loading
 * its steps, the tour drop-down, the step shown and the timeline zoomed to it
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "icc-presentation-private.h"

/* The tour shown by default when the dataset has it (the bundled one). */
#define DEFAULT_TOUR "russia-2016"

const Step *
_icc_presentation_current_step (IccPresentation *self)
{
  if (self->steps == NULL || self->step >= self->steps->len)
    return NULL;

  return &g_array_index (self->steps, Step, self->step);
}

/* Zooms the timeline to the step's neighbourhood: the previous and next
 * steps in view, the current event in the middle, and closer when that
 * would fold the event into a cluster or cut its label. */
void
_icc_presentation_zoom_to_step (IccPresentation *self,
                                gboolean         animate)
{
  const Step *step = _icc_presentation_current_step (self);
  double day, half = MIN_HALF_SPAN;

  if (step == NULL)
    return;

  day = icc_event_get_day (step->event) + 0.5;
  if (self->step > 0)
    {
      const Step *prev = &g_array_index (self->steps, Step, self->step - 1);

      half = MAX (half, fabs (day - icc_event_get_day (prev->event)));
    }
  if (self->step + 1 < self->steps->len)
    {
      const Step *next = &g_array_index (self->steps, Step, self->step + 1);

      half = MAX (half, fabs (icc_event_get_day (next->event) - day));
    }
  half = MIN (half * 1.15, MAX_HALF_SPAN);

  icc_timeline_zoom_to_event (self->timeline, step->event, day - half, day + half,
                              animate && gtk_widget_get_mapped (GTK_WIDGET (self)));
}

/* The step's view: the world map on its date, or the timeline around it
 * (always while playing through time). */
void
_icc_presentation_show_view (IccPresentation *self)
{
  const Step *step = _icc_presentation_current_step (self);
  gboolean map = !self->time_mode && step != NULL && step->view == ICC_TOUR_VIEW_MAP &&
                 icc_focus_get_event (self->focus) == step->event;

  gtk_stack_set_visible_child_name (self->view_stack, map ? "map" : "timeline");
}

void
_icc_presentation_show_step (IccPresentation *self,
                             guint            step,
                             gboolean         animate)
{
  if (self->steps == NULL || self->steps->len == 0)
    {
      _icc_presentation_update_card (self);
      _icc_presentation_update_progress (self);
      _icc_presentation_update_notes (self);
      return;
    }

  self->step = MIN (step, self->steps->len - 1);
  if (self->time_mode)
    {
      icc_player_set_playing (self->player, FALSE);
      _icc_presentation_set_time_mode (self, FALSE);
    }

  _icc_presentation_reset_parts (self);
  self->syncing = TRUE;
  icc_focus_set_event (self->focus, _icc_presentation_current_step (self)->event);
  self->syncing = FALSE;

  _icc_presentation_update_card (self);
  _icc_presentation_update_counts (self);
  _icc_presentation_update_progress (self);
  _icc_presentation_update_notes (self);
  _icc_presentation_zoom_to_step (self, animate);
  _icc_presentation_show_view (self);
}

void
_icc_presentation_focus_event_changed_cb (IccPresentation *self,
                                          GParamSpec      *pspec,
                                          IccFocus        *focus)
{
  IccEvent *event = icc_focus_get_event (focus);

  if (self->syncing)
    return;

  /* Chosen elsewhere (a click on the timeline): follow it, and the tour too
   * when the event is one of its steps. */
  for (guint i = 0; self->steps != NULL && i < self->steps->len; i++)
    {
      if (g_array_index (self->steps, Step, i).event == event)
        {
          self->step = i;
          break;
        }
    }

  if (self->time_mode && !icc_player_get_playing (self->player))
    _icc_presentation_set_time_mode (self, FALSE);

  _icc_presentation_reset_parts (self);
  _icc_presentation_update_card (self);
  _icc_presentation_update_progress (self);
  _icc_presentation_update_notes (self);
  _icc_presentation_show_view (self);
}

void
_icc_presentation_load_tour (IccPresentation *self,
                             const char      *tour_id)
{
  IccTour *tour = NULL;

  if (g_strcmp0 (tour_id, ICC_PRESENTATION_ALL_EVENTS) != 0)
    tour = icc_dataset_lookup_tour (self->dataset, tour_id);

  g_set_object (&self->tour, tour);
  g_free (self->tour_id);
  self->tour_id = g_strdup (tour != NULL ? tour_id : ICC_PRESENTATION_ALL_EVENTS);
  g_array_set_size (self->steps, 0);
  self->step = 0;

  if (tour != NULL)
    {
      for (guint i = 0; i < icc_tour_get_n_steps (tour); i++)
        {
          IccEvent *event = icc_dataset_lookup_event (self->dataset,
                                                      icc_tour_get_step_event (tour, i));
          Step step;

          /* The loader reports unknown ids; a step without its event is skipped. */
          if (event == NULL)
            continue;

          step.event = g_object_ref (event);
          step.title = icc_tour_get_step_title (tour, i);
          step.note = icc_tour_get_step_note (tour, i);
          step.view = icc_tour_get_step_view (tour, i);
          g_array_append_val (self->steps, step);
        }
    }
  else
    {
      GListModel *events = icc_dataset_get_events (self->dataset);

      for (guint i = 0; i < g_list_model_get_n_items (events); i++)
        {
          Step step = { g_list_model_get_item (events, i), NULL, NULL, ICC_TOUR_VIEW_TIMELINE };

          g_array_append_val (self->steps, step);
        }
    }

  /* The drop-down follows. */
  for (guint i = 0; i < self->tour_ids->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (self->tour_ids, i), self->tour_id) == 0)
        {
          self->syncing = TRUE;
          gtk_drop_down_set_selected (self->tour_dropdown, i);
          self->syncing = FALSE;
          break;
        }
    }

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "presentation-tour", self->tour_id);
  _icc_presentation_update_period (self);
}

static void
tour_selected_cb (IccPresentation *self,
                  GParamSpec      *pspec,
                  GtkDropDown     *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->syncing || selected >= self->tour_ids->len)
    return;

  _icc_presentation_load_tour (self, g_ptr_array_index (self->tour_ids, selected));
  _icc_presentation_show_step (self, 0, TRUE);

  /* Back to the slides, so that the next key press goes to them. */
  gtk_widget_grab_focus (self->content);
}

void
_icc_presentation_fill_tours (IccPresentation *self)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  GListModel *tours = icc_dataset_get_tours (self->dataset);

  for (guint i = 0; i < g_list_model_get_n_items (tours); i++)
    {
      g_autoptr(IccTour) tour = g_list_model_get_item (tours, i);
      const char *title = icc_tour_get_title (tour);

      gtk_string_list_append (titles, title != NULL && title[0] != '\0'
                                      ? title : icc_tour_get_id (tour));
      g_ptr_array_add (self->tour_ids, g_strdup (icc_tour_get_id (tour)));
    }
  gtk_string_list_append (titles, _("All events in date order"));
  g_ptr_array_add (self->tour_ids, g_strdup (ICC_PRESENTATION_ALL_EVENTS));

  self->syncing = TRUE;
  gtk_drop_down_set_model (self->tour_dropdown, G_LIST_MODEL (titles));
  self->syncing = FALSE;
}

/* The tour to show when none is asked for. */
const char *
_icc_presentation_default_tour (IccPresentation *self)
{
  GListModel *tours = icc_dataset_get_tours (self->dataset);
  g_autofree char *saved = NULL;

  if (self->settings != NULL)
    saved = g_settings_get_string (self->settings, "presentation-tour");
  if (saved != NULL && saved[0] != '\0')
    {
      for (guint i = 0; i < self->tour_ids->len; i++)
        if (g_str_equal (g_ptr_array_index (self->tour_ids, i), saved))
          return g_ptr_array_index (self->tour_ids, i);
    }

  if (icc_dataset_lookup_tour (self->dataset, DEFAULT_TOUR) != NULL)
    return DEFAULT_TOUR;

  if (g_list_model_get_n_items (tours) > 0)
    return g_ptr_array_index (self->tour_ids, 0);

  return ICC_PRESENTATION_ALL_EVENTS;
}

void
_icc_presentation_class_init_tour (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, tour_selected_cb);
}
