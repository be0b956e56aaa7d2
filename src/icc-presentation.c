/* icc-presentation.c: the presentation window itself: its properties,
 * construction and disposal, the compact type size and the public API
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "icc-presentation-private.h"
#include "icc-scroll-animations.h"
#include "icc-ui-resources.h"
#include "icc-world-map-view.h"

/* Below this height the type shrinks (.compact): the px sizes of style.css
 * are meant for 1080 lines. */
#define COMPACT_HEIGHT 1000

G_DEFINE_FINAL_TYPE (IccPresentation, icc_presentation, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_FOCUS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
step_clear (gpointer data)
{
  Step *step = data;

  g_clear_object (&step->event);
}

static gboolean
update_compact_cb (gpointer user_data)
{
  IccPresentation *self = user_data;

  self->compact_idle_id = 0;
  if (self->compact)
    gtk_widget_add_css_class (GTK_WIDGET (self), "compact");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "compact");

  return G_SOURCE_REMOVE;
}

static void
icc_presentation_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  IccPresentation *self = (IccPresentation *)widget;
  gboolean compact = height < COMPACT_HEIGHT;
  gboolean resized = width != gtk_widget_get_width (widget) ||
                     height != gtk_widget_get_height (widget);

  GTK_WIDGET_CLASS (icc_presentation_parent_class)->size_allocate (widget, width, height,
                                                                   baseline);

  /* Not during the allocation: the new type size needs a new layout. */
  if (compact != self->compact)
    {
      self->compact = compact;
      if (self->compact_idle_id == 0)
        self->compact_idle_id = g_idle_add (update_compact_cb, self);
    }
  if (resized)
    {
      self->rezoom = TRUE;
      _icc_presentation_queue_fit (self);
    }
  else
    _icc_presentation_check_fit (self);
}

static IccTimeline *
find_timeline (GtkWidget *widget)
{
  if (ICC_IS_TIMELINE (widget))
    return ICC_TIMELINE (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      IccTimeline *found = find_timeline (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Remembers the date, the selection and the opener's timeline view, which
 * leaving gives back. */
static void
save_return (IccPresentation *self,
             GtkWidget       *opener)
{
  const IccDate *date = icc_focus_get_date (self->focus);
  IccTimeline *timeline = opener != NULL ? find_timeline (opener) : NULL;

  self->have_return = TRUE;
  if (date != NULL)
    self->return_date = *date;
  g_set_object (&self->return_event, icc_focus_get_event (self->focus));
  g_set_object (&self->return_state, icc_focus_get_state (self->focus));
  g_set_object (&self->return_article, icc_focus_get_article (self->focus));
  g_set_object (&self->return_citation, icc_focus_get_citation (self->focus));
  g_set_weak_pointer (&self->return_timeline, timeline);
  if (timeline != NULL)
    {
      self->return_start = icc_timeline_get_start (timeline);
      self->return_end = icc_timeline_get_end (timeline);
    }
}

/* Back to what the teacher left: the event, the date (which may not be the
 * event's), the state, the article and passage, and the timeline's view. */
static void
restore_return (IccPresentation *self)
{
  if (!self->have_return)
    return;
  self->have_return = FALSE;

  icc_focus_set_event (self->focus, self->return_event);
  if (icc_date_is_set (&self->return_date))
    icc_focus_set_date (self->focus, &self->return_date);
  icc_focus_set_state (self->focus, self->return_state);
  icc_focus_set_article (self->focus, self->return_article);
  icc_focus_set_citation (self->focus, self->return_citation);
  if (self->return_timeline != NULL && self->return_end > self->return_start)
    icc_timeline_zoom_to_range (self->return_timeline, self->return_start, self->return_end,
                                FALSE);
}

static gboolean
icc_presentation_close_request (GtkWindow *window)
{
  IccPresentation *self = (IccPresentation *)window;

  icc_player_set_playing (self->player, FALSE);
  restore_return (self);

  if (GTK_WINDOW_CLASS (icc_presentation_parent_class)->close_request != NULL)
    return GTK_WINDOW_CLASS (icc_presentation_parent_class)->close_request (window);

  return FALSE;
}

static void
icc_presentation_constructed (GObject *object)
{
  IccPresentation *self = (IccPresentation *)object;

  G_OBJECT_CLASS (icc_presentation_parent_class)->constructed (object);

  g_return_if_fail (self->dataset != NULL && self->focus != NULL);

  self->world = icc_world_new (self->dataset);
  self->player = icc_player_new (self->dataset, self->focus);
  if (self->settings != NULL)
    g_settings_bind (self->settings, "presentation-play-speed",
                     self->player, "interval", G_SETTINGS_BIND_GET);

  icc_timeline_set_model (self->timeline, icc_dataset_get_events (self->dataset));
  icc_timeline_set_eras (self->timeline, icc_dataset_get_eras (self->dataset));
  icc_timeline_set_focus (self->timeline, self->focus);
  icc_world_map_view_set_dataset (ICC_WORLD_MAP_VIEW (self->world_map), self->dataset);
  icc_world_map_view_set_focus (ICC_WORLD_MAP_VIEW (self->world_map), self->focus);

  g_signal_connect_object (self->focus, "notify::event",
                           G_CALLBACK (_icc_presentation_focus_event_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->focus, "notify::date",
                           G_CALLBACK (_icc_presentation_focus_date_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->player, "notify::playing",
                           G_CALLBACK (_icc_presentation_player_playing_changed_cb), self,
                           G_CONNECT_SWAPPED);

  _icc_presentation_fill_tours (self);
  _icc_presentation_load_tour (self, _icc_presentation_default_tour (self));
  _icc_presentation_update_card (self);
  _icc_presentation_update_counts (self);
  _icc_presentation_update_progress (self);
  _icc_presentation_update_notes (self);
  _icc_presentation_update_period (self);
}

static void
icc_presentation_dispose (GObject *object)
{
  IccPresentation *self = (IccPresentation *)object;

  if (self->player != NULL)
    icc_player_set_playing (self->player, FALSE);
  g_clear_handle_id (&self->compact_idle_id, g_source_remove);
  g_clear_handle_id (&self->fit_idle_id, g_source_remove);
  g_clear_handle_id (&self->message_timeout_id, g_source_remove);
  g_clear_weak_pointer (&self->return_timeline);
  g_clear_weak_pointer (&self->opener);
  g_clear_object (&self->return_event);
  g_clear_object (&self->return_state);
  g_clear_object (&self->return_article);
  g_clear_object (&self->return_citation);
  g_clear_object (&self->monitors);
  g_clear_object (&self->slides_monitor);
  g_clear_object (&self->notes_monitor);
  if (self->notes_window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->notes_window));
  self->notes_window = NULL;

  if (self->timeline != NULL)
    icc_timeline_set_focus (self->timeline, NULL);
  if (self->world_map != NULL)
    icc_world_map_view_set_focus (ICC_WORLD_MAP_VIEW (self->world_map), NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), ICC_TYPE_PRESENTATION);

  g_clear_object (&self->player);
  g_clear_object (&self->world);
  g_clear_object (&self->tour);
  g_clear_object (&self->focus);
  g_clear_object (&self->dataset);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->steps, g_array_unref);
  g_clear_pointer (&self->tour_ids, g_ptr_array_unref);
  g_clear_pointer (&self->tour_id, g_free);

  G_OBJECT_CLASS (icc_presentation_parent_class)->dispose (object);
}

static void
icc_presentation_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  IccPresentation *self = ICC_PRESENTATION (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;

    case PROP_FOCUS:
      g_value_set_object (value, self->focus);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_presentation_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  IccPresentation *self = ICC_PRESENTATION (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      self->dataset = g_value_dup_object (value);
      break;

    case PROP_FOCUS:
      self->focus = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_presentation_unmap (GtkWidget *widget)
{
  /* Before the scrolled windows are unmapped: see icc-scroll-animations.c. */
  icc_stop_scroll_animations (widget);

  GTK_WIDGET_CLASS (icc_presentation_parent_class)->unmap (widget);
}

static void
icc_presentation_class_init (IccPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = icc_presentation_constructed;
  object_class->dispose = icc_presentation_dispose;
  object_class->get_property = icc_presentation_get_property;
  object_class->set_property = icc_presentation_set_property;
  widget_class->unmap = icc_presentation_unmap;
  window_class->close_request = icc_presentation_close_request;

  widget_class->size_allocate = icc_presentation_size_allocate;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL,
                         ICC_TYPE_DATASET,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FOCUS] =
    g_param_spec_object ("focus", NULL, NULL,
                         ICC_TYPE_FOCUS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The resources live in a static library: referencing them links them in
   * (and their constructor registers them) wherever this class is used. */
  (void)icc_ui_resources_get_resource ();

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/IccTracker/ui/icc-presentation.ui");
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, content);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, tour_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, play_button);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, period_button);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, period_tour_check);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, period_visible_check);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, period_all_check);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, period_chosen_check);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, period_dates_box);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, period_start_entry);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, period_end_entry);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, period_error_label);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, hint_label);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, progress_label);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, view_stack);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, timeline);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, world_map);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, stack);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, kicker_label);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, date_label);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, title_label);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, meta_label);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, change_label);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, certainty_box);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, certainty_label);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, certainty_note_label);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, summary_label);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, quote_box);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, quote_label);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, source_label);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, continued_label);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, event_page);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, time_date_label);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, time_parties_label);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, time_changes_label);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, counts_label);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, message_label);
  gtk_widget_class_bind_template_child (widget_class, IccPresentation, blank);
  _icc_presentation_class_init_tour (widget_class);
  _icc_presentation_class_init_play (widget_class);

  _icc_presentation_class_init_actions (widget_class);

  g_type_ensure (ICC_TYPE_TIMELINE);
  g_type_ensure (ICC_TYPE_WORLD_MAP_VIEW);
}

static void
icc_presentation_init (IccPresentation *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  self->steps = g_array_new (FALSE, FALSE, sizeof (Step));
  g_array_set_clear_func (self->steps, step_clear);
  self->tour_ids = g_ptr_array_new_with_free_func (g_free);
  self->n_parts = 1;

  /* Without the installed schema (a test, an uninstalled run) nothing is saved. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new_full (schema, NULL, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Issue 7: transitions from one event to the next take about 400 ms. */
  icc_timeline_set_animation_duration (self->timeline, 400);

  _icc_presentation_init_shortcuts (self);
}

IccPresentation *
icc_presentation_new (GtkApplication *app,
                      IccDataset     *dataset,
                      IccFocus       *focus)
{
  g_return_val_if_fail (app == NULL || GTK_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (ICC_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (ICC_IS_FOCUS (focus), NULL);

  return g_object_new (ICC_TYPE_PRESENTATION,
                       "application", app,
                       "dataset", dataset,
                       "focus", focus,
                       NULL);
}

GdkMonitor *
icc_presentation_choose_monitor (GListModel *monitors,
                                 GdkMonitor *home)
{
  guint n_monitors;
  gboolean home_found = FALSE;

  g_return_val_if_fail (G_IS_LIST_MODEL (monitors), NULL);
  g_return_val_if_fail (home == NULL || GDK_IS_MONITOR (home), NULL);

  n_monitors = g_list_model_get_n_items (monitors);
  for (guint i = 0; i < n_monitors && home != NULL && !home_found; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      home_found = monitor == home;
    }
  if (!home_found)
    home = NULL;

  for (guint i = 0; i < n_monitors; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      /* Without a known home, the first monitor is the presenter's. */
      if (home == NULL)
        home = monitor;
      else if (monitor != home)
        return g_steal_pointer (&monitor);
    }

  return NULL;
}

/* The presenter's monitor: the opener's, else the first. */
static GdkMonitor *
find_home_monitor (GListModel *monitors,
                   GtkWindow  *opener)
{
  GdkSurface *surface = opener != NULL ? gtk_native_get_surface (GTK_NATIVE (opener)) : NULL;
  GdkMonitor *home = NULL;

  if (surface != NULL)
    home = gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface), surface);

  for (guint i = 0; home != NULL && i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      if (monitor == home)
        return g_steal_pointer (&monitor);
    }

  return g_list_model_get_n_items (monitors) > 0 ? g_list_model_get_item (monitors, 0) : NULL;
}

void
icc_presentation_start (IccPresentation *self,
                        const char      *tour_id)
{
  GtkApplication *app;
  GtkWindow *opener = NULL;
  GListModel *monitors;
  g_autoptr(GdkMonitor) home = NULL;
  g_autoptr(GdkMonitor) other = NULL;

  g_return_if_fail (ICC_IS_PRESENTATION (self));

  /* The window that opened us tells which monitor the presenter sits at:
   * the slides go to another one when there is one, the notes stay there. */
  app = gtk_window_get_application (GTK_WINDOW (self));
  if (self->opener != NULL)
    opener = self->opener;
  else if (app != NULL)
    opener = gtk_application_get_active_window (app);
  if (opener == GTK_WINDOW (self))
    opener = NULL;

  if (!self->have_return)
    save_return (self, opener != NULL ? GTK_WIDGET (opener) : NULL);

  if (tour_id == NULL || !icc_presentation_set_tour (self, tour_id))
    icc_presentation_set_tour (self, _icc_presentation_default_tour (self));

  monitors = self->monitors;
  if (monitors == NULL)
    monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  home = find_home_monitor (monitors, opener);
  other = home != NULL ? icc_presentation_choose_monitor (monitors, home) : NULL;
  if (other == NULL)
    g_clear_object (&home);
  g_set_object (&self->slides_monitor, other);
  g_set_object (&self->notes_monitor, home);

  _icc_presentation_show_step (self, 0, FALSE);

  gtk_window_present (GTK_WINDOW (self));
  if (other != NULL)
    gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), other);
  else
    gtk_window_fullscreen (GTK_WINDOW (self));
  gtk_widget_grab_focus (self->content);

  if (other != NULL && self->notes_window == NULL)
    _icc_presentation_setup_notes_window (self, home);
}

void
icc_presentation_set_opener (IccPresentation *self,
                             GtkWindow       *opener)
{
  g_return_if_fail (ICC_IS_PRESENTATION (self));
  g_return_if_fail (opener == NULL || GTK_IS_WINDOW (opener));

  g_set_weak_pointer (&self->opener, opener);
}

gboolean
icc_presentation_set_tour (IccPresentation *self,
                           const char      *tour_id)
{
  g_return_val_if_fail (ICC_IS_PRESENTATION (self), FALSE);
  g_return_val_if_fail (tour_id != NULL, FALSE);

  if (g_strcmp0 (tour_id, ICC_PRESENTATION_ALL_EVENTS) != 0 &&
      icc_dataset_lookup_tour (self->dataset, tour_id) == NULL)
    return FALSE;

  _icc_presentation_load_tour (self, tour_id);
  _icc_presentation_show_step (self, 0, FALSE);

  return TRUE;
}

const char *
icc_presentation_get_tour (IccPresentation *self)
{
  g_return_val_if_fail (ICC_IS_PRESENTATION (self), NULL);

  return self->tour_id;
}

IccDataset *
icc_presentation_get_dataset (IccPresentation *self)
{
  g_return_val_if_fail (ICC_IS_PRESENTATION (self), NULL);

  return self->dataset;
}

IccFocus *
icc_presentation_get_focus (IccPresentation *self)
{
  g_return_val_if_fail (ICC_IS_PRESENTATION (self), NULL);

  return self->focus;
}

IccPlayer *
icc_presentation_get_player (IccPresentation *self)
{
  g_return_val_if_fail (ICC_IS_PRESENTATION (self), NULL);

  return self->player;
}

guint
icc_presentation_get_step (IccPresentation *self)
{
  g_return_val_if_fail (ICC_IS_PRESENTATION (self), 0);

  return self->step;
}

guint
icc_presentation_get_n_steps (IccPresentation *self)
{
  g_return_val_if_fail (ICC_IS_PRESENTATION (self), 0);

  return self->steps != NULL ? self->steps->len : 0;
}

void
icc_presentation_set_step (IccPresentation *self,
                           guint            step)
{
  g_return_if_fail (ICC_IS_PRESENTATION (self));

  _icc_presentation_show_step (self, step, TRUE);
}

IccPresentationBlank
icc_presentation_get_blank (IccPresentation *self)
{
  g_return_val_if_fail (ICC_IS_PRESENTATION (self), ICC_PRESENTATION_BLANK_NONE);

  return self->blank_mode;
}

gboolean
icc_presentation_get_notes_visible (IccPresentation *self)
{
  g_return_val_if_fail (ICC_IS_PRESENTATION (self), FALSE);

  if (self->notes_window != NULL)
    return gtk_widget_get_visible (GTK_WIDGET (self->notes_window));

  /* One monitor: the notes are never shown on the screen the class sees. */
  return FALSE;
}

void
icc_presentation_set_monitors (IccPresentation *self,
                               GListModel      *monitors)
{
  g_return_if_fail (ICC_IS_PRESENTATION (self));
  g_return_if_fail (monitors == NULL || G_IS_LIST_MODEL (monitors));

  g_set_object (&self->monitors, monitors);
}

GdkMonitor *
icc_presentation_get_slides_monitor (IccPresentation *self)
{
  g_return_val_if_fail (ICC_IS_PRESENTATION (self), NULL);

  return self->slides_monitor;
}

GdkMonitor *
icc_presentation_get_notes_monitor (IccPresentation *self)
{
  g_return_val_if_fail (ICC_IS_PRESENTATION (self), NULL);

  return self->notes_window != NULL ? self->notes_monitor : NULL;
}

GtkWindow *
icc_presentation_get_notes_window (IccPresentation *self)
{
  g_return_val_if_fail (ICC_IS_PRESENTATION (self), NULL);

  return self->notes_window != NULL ? GTK_WINDOW (self->notes_window) : NULL;
}

GListModel *
icc_presentation_get_shortcuts (IccPresentation *self)
{
  g_return_val_if_fail (ICC_IS_PRESENTATION (self), NULL);

  return G_LIST_MODEL (self->shortcuts);
}
