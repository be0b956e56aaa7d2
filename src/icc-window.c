/* icc-window.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "icc-ui-resources.h"

#include "icc-after-frame.h"
#include "icc-country-names.h"
#include "icc-enum-util.h"
#include "icc-event-panel.h"
#include "icc-reader.h"
#include "icc-scroll-animations.h"
#include "icc-state-list.h"
#include "icc-timeline.h"
#include "icc-player.h"
#include "icc-window-private.h"

G_DEFINE_FINAL_TYPE (IccWindow, icc_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_FOCUS,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

void
_icc_window_set_busy (IccWindow *self,
                      gboolean   busy)
{
  gboolean was_busy = self->busy > 0;

  if (busy)
    self->busy++;
  else if (self->busy > 0)
    self->busy--;

  if (was_busy != (self->busy > 0))
    {
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), self->busy > 0 ? "progress" : NULL);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
    }
}

/* The timeline pane: IccTimeline follows and sets the focus by itself. */

static GtkWidget *
timeline_new (IccWindow *self)
{
  self->timeline = icc_timeline_new ();
  icc_timeline_set_focus (self->timeline, self->focus);
  gtk_widget_set_hexpand (GTK_WIDGET (self->timeline), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->timeline), TRUE);

  return GTK_WIDGET (self->timeline);
}

static void
timeline_set_dataset (IccWindow  *self,
                      IccDataset *dataset)
{
  icc_timeline_set_model (self->timeline,
                          dataset != NULL ? icc_dataset_get_events (dataset) : NULL);
  icc_timeline_set_eras (self->timeline, dataset != NULL ? icc_dataset_get_eras (dataset) : NULL);
}


static void
update_date_label (IccWindow *self)
{
  g_autofree char *date = icc_date_format (icc_focus_get_date (self->focus));

  gtk_label_set_text (self->date_label, date);
}

static void
focus_date_changed_cb (IccWindow  *self,
                       GParamSpec *pspec,
                       IccFocus   *focus)
{
  if (self->world != NULL)
    icc_world_set_date (self->world, icc_focus_get_date (focus));

  update_date_label (self);
  _icc_window_date_changed (self);
}

/* What a new window shows: the latest event up to today that cites an
 * article, so that every pane has something in it. */
static IccEvent *
choose_initial_event (IccDataset *dataset)
{
  GListModel *events = icc_dataset_get_events (dataset);
  IccDate today;
  guint n = g_list_model_get_n_items (events);
  guint last;

  if (n == 0)
    return NULL;

  icc_date_init_today (&today);
  last = icc_dataset_find_event_at_day (dataset, icc_date_get_day (&today) + 1);
  if (last == 0)
    last = n;

  for (guint i = last; i > 0; i--)
    {
      g_autoptr(IccEvent) event = g_list_model_get_item (events, i - 1);
      GListModel *citations = icc_event_get_citations (event);

      for (guint j = 0; j < g_list_model_get_n_items (citations); j++)
        {
          g_autoptr(IccCitation) citation = g_list_model_get_item (citations, j);

          if (icc_citation_is_anchored (citation))
            return g_steal_pointer (&event);
        }
    }

  return g_list_model_get_item (events, last - 1);
}

void
_icc_window_update_title (IccWindow *self)
{
  const char *title = self->dataset != NULL ? icc_dataset_get_title (self->dataset) : NULL;

  if (title == NULL || *title == '\0')
    title = _("ICC Tracker");

  /* Unsaved changes: a dot before the title, as GNOME's editors show. */
  if (self->history != NULL && icc_history_get_modified (self->history))
    {
      g_autofree char *modified = g_strdup_printf ("• %s", title);
      /* TRANSLATORS: tooltip of the window title; %s is the dataset's title. */
      g_autofree char *tooltip = g_strdup_printf (_("%s (unsaved changes)"), title);

      gtk_label_set_text (self->title_label, modified);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), tooltip);
      gtk_window_set_title (GTK_WINDOW (self), modified);
      return;
    }

  /* A plain label: a title like <b>Bold & "quoted"</b> shows as typed. */
  gtk_label_set_text (self->title_label, title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), title);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

void
_icc_window_update_actions (IccWindow *self)
{
  static const char * const names[] = { "save", "save-as", "export", "print-handout" };
  GAction *action;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      action = g_action_map_lookup_action (G_ACTION_MAP (self), names[i]);
      if (action != NULL)
        g_simple_action_set_enabled (G_SIMPLE_ACTION (action),
                                     self->dataset != NULL && self->busy == 0);
    }

  _icc_window_edit_update_actions (self);
}

static void
player_playing_cb (IccWindow  *self,
                   GParamSpec *pspec,
                   IccPlayer  *player)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "play");
  gboolean playing = icc_player_get_playing (player);

  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (playing));

  /* As the presentation's play button does. */
  gtk_button_set_icon_name (GTK_BUTTON (self->play_button),
                            playing ? "media-playback-pause-symbolic"
                                    : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->play_button),
                               playing ? _("Pause (P)") : _("Play Through Time (P)"));
}

static void
select_initial_event (IccWindow *self)
{
  g_autoptr(IccEvent) initial = NULL;

  if (self->dataset != NULL && (initial = choose_initial_event (self->dataset)) != NULL)
    {
      const char * const *codes = icc_event_get_states (initial);

      if (codes != NULL && codes[0] != NULL)
        icc_focus_set_state (self->focus, icc_dataset_lookup_state (self->dataset, codes[0]));
      icc_focus_set_event (self->focus, initial);
    }
}

static void
cancel_initial_event (IccWindow *self)
{
  g_clear_pointer (&self->initial_event, icc_after_frame_free);
  if (self->focus != NULL)
    g_clear_signal_handler (&self->initial_event_guard, self->focus);
}

/* A new window shows itself before it selects its event: the event panel
 * and the reader's article are laid out after the first frame. */
static void
select_initial_event_after_frame (GtkWidget *widget)
{
  IccWindow *self = ICC_WINDOW (widget);

  cancel_initial_event (self);
  select_initial_event (self);
}

/* Whatever chose a date, state or event before the first frame wins. */
static void
focus_changed_before_frame_cb (IccWindow  *self,
                               GParamSpec *pspec,
                               IccFocus   *focus)
{
  cancel_initial_event (self);
}

void
icc_window_set_dataset (IccWindow  *self,
                        IccDataset *dataset)
{
  g_return_if_fail (ICC_IS_WINDOW (self));
  g_return_if_fail (dataset == NULL || ICC_IS_DATASET (dataset));

  if (self->dataset == dataset)
    return;

  /* Drop the focus on the old dataset before the views see the new one. */
  icc_focus_set_citation (self->focus, NULL);
  icc_focus_set_event (self->focus, NULL);
  icc_focus_set_article (self->focus, NULL);
  icc_focus_set_state (self->focus, NULL);

  g_set_object (&self->dataset, dataset);
  g_clear_object (&self->world);
  cancel_initial_event (self);

  if (self->player != NULL)
    icc_player_set_playing (self->player, FALSE);
  g_clear_object (&self->player);
  if (dataset != NULL)
    {
      self->player = icc_player_new (dataset, self->focus);
      /* The "Play Speed" menu changes the key: playing follows at once. */
      g_settings_bind (self->settings, "presentation-play-speed",
                       self->player, "interval", G_SETTINGS_BIND_GET);
      g_signal_connect_object (self->player, "notify::playing",
                               G_CALLBACK (player_playing_cb), self, G_CONNECT_SWAPPED);
    }

  if (dataset != NULL)
    {
      icc_country_names_apply (dataset);
      self->world = icc_world_new (dataset);
      icc_world_set_date (self->world, icc_focus_get_date (self->focus));
    }

  icc_state_list_set_world (self->state_list, self->world);
  icc_world_map_view_set_dataset (self->world_map, dataset);
  icc_event_panel_set_dataset (self->event_panel, dataset);
  icc_reader_set_dataset (self->reader, dataset);
  timeline_set_dataset (self, dataset);
  _icc_window_edit_set_dataset (self);

  _icc_window_update_title (self);
  _icc_window_update_actions (self);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    select_initial_event (self);
  else if (dataset != NULL)
    {
      self->initial_event = icc_after_frame_new (GTK_WIDGET (self),
                                                 select_initial_event_after_frame);
      self->initial_event_guard =
        g_signal_connect_swapped (self->focus, "notify",
                                  G_CALLBACK (focus_changed_before_frame_cb), self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATASET]);
}

/* The main menu's popover is built when it first opens, not for the first
 * frame. */
static void
create_main_menu_cb (GtkMenuButton *button,
                     gpointer       user_data)
{
  IccWindow *self = user_data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->main_menu);
}

/* Drag and drop of a dataset file. */

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         IccWindow     *self)
{
  GFile *file;

  if (!G_VALUE_HOLDS (value, G_TYPE_FILE))
    return FALSE;

  file = g_value_get_object (value);
  if (file == NULL)
    return FALSE;

  icc_window_open_file (self, file);

  return TRUE;
}

/* Geometry. */

/* The size kept from another screen may not fit this one (a 1280×800 window
 * on a 1024×768 projector): no larger than the smallest monitor. */
static void
fit_screen (int *width,
            int *height)
{
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
  guint n = g_list_model_get_n_items (monitors);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      if (geometry.width > 0 && geometry.height > 0)
        {
          *width = MIN (*width, geometry.width);
          *height = MIN (*height, geometry.height);
        }
    }
}

static void
save_geometry (IccWindow *self)
{
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));

  g_settings_delay (self->settings);

  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  if (!maximized)
    {
      int width, height;

      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      if (width > 0 && height > 0)
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
    }

  g_settings_set_int (self->settings, "sidebar-position",
                      gtk_paned_get_position (self->main_paned));
  g_settings_set_int (self->settings, "timeline-position",
                      gtk_paned_get_position (self->content_paned));
  g_settings_set_int (self->settings, "event-panel-position",
                      icc_fold_pane_get_position (self->detail_pane));

  g_settings_apply (self->settings);
}

static gboolean
icc_window_close_request (GtkWindow *window)
{
  IccWindow *self = ICC_WINDOW (window);

  /* Unsaved changes: Save, Discard or Cancel first. */
  if (_icc_window_edit_close_request (self))
    return TRUE;

  save_geometry (self);
  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (icc_window_parent_class)->close_request (window);
}

/* GObject. */

static void
icc_window_dispose (GObject *object)
{
  IccWindow *self = (IccWindow *)object;

  g_cancellable_cancel (self->cancellable);
  cancel_initial_event (self);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  /* GTK 4.8's dispose_template unparents a bound direct child (main_paned)
   * behind GtkWindow's back, which then unparents it again from its own
   * dispose. Detach it the way GtkWindow expects first. */
  gtk_window_set_child (GTK_WINDOW (self), NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), ICC_TYPE_WINDOW);

  if (self->player != NULL)
    icc_player_set_playing (self->player, FALSE);
  g_clear_object (&self->player);
  _icc_window_edit_dispose (self);
  _icc_window_panes_dispose (self);
  g_clear_handle_id (&self->select_date_source, g_source_remove);
  g_clear_object (&self->world);
  g_clear_object (&self->dataset);
  g_clear_object (&self->focus);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (icc_window_parent_class)->dispose (object);
}

static void
icc_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  IccWindow *self = ICC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;

    case PROP_FOCUS:
      g_value_set_object (value, self->focus);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy > 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  IccWindow *self = ICC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      icc_window_set_dataset (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_window_unmap (GtkWidget *widget)
{
  /* Before the scrolled windows are unmapped: see icc-scroll-animations.c. */
  icc_stop_scroll_animations (widget);

  GTK_WIDGET_CLASS (icc_window_parent_class)->unmap (widget);
}

static void
icc_window_class_init (IccWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = icc_window_dispose;
  object_class->get_property = icc_window_get_property;
  object_class->set_property = icc_window_set_property;
  widget_class->unmap = icc_window_unmap;

  window_class->close_request = icc_window_close_request;

  properties [PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, ICC_TYPE_DATASET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_FOCUS] =
    g_param_spec_object ("focus", NULL, NULL, ICC_TYPE_FOCUS,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The resources live in a static library: referencing them links their
   * object file in, whose constructor registers them. */
  (void)icc_ui_resources_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/IccTracker/ui/icc-window.ui");

  /* Bubble phase: search entries keep "p", focused lists keep Page Up/Down. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, 0, "win.play", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0,
                                       "win.step-change", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0,
                                       "win.step-change", "i", -1);
  gtk_widget_class_bind_template_child (widget_class, IccWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, IccWindow, date_label);
  gtk_widget_class_bind_template_child (widget_class, IccWindow, date_button);
  gtk_widget_class_bind_template_child (widget_class, IccWindow, find_button);
  gtk_widget_class_bind_template_child (widget_class, IccWindow, play_button);
  gtk_widget_class_bind_template_child (widget_class, IccWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, IccWindow, main_menu);
  gtk_widget_class_bind_template_child (widget_class, IccWindow, main_paned);
  gtk_widget_class_bind_template_child (widget_class, IccWindow, content_paned);
  gtk_widget_class_bind_template_child (widget_class, IccWindow, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, IccWindow, legend_button);
  gtk_widget_class_bind_template_child (widget_class, IccWindow, legend_popover);
  gtk_widget_class_bind_template_child (widget_class, IccWindow, timeline_box);
  gtk_widget_class_bind_template_child (widget_class, IccWindow, state_list);
  gtk_widget_class_bind_template_child (widget_class, IccWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, IccWindow, world_map);
  gtk_widget_class_bind_template_child (widget_class, IccWindow, event_panel);
  gtk_widget_class_bind_template_child (widget_class, IccWindow, reader);

  g_type_ensure (ICC_TYPE_STATE_LIST);
  g_type_ensure (ICC_TYPE_EVENT_PANEL);
  g_type_ensure (ICC_TYPE_FOLD_PANE);
  g_type_ensure (ICC_TYPE_READER);
  g_type_ensure (ICC_TYPE_WORLD_MAP_VIEW);
}

static void
icc_window_init (IccWindow *self)
{
  GtkDropTarget *drop;
  GtkWidget *timeline;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->focus = icc_focus_new ();
  /* The schema id stays the same for development builds. */
  self->settings = g_settings_new (APP_ID);

  icc_window_add_actions (self);
  _icc_window_edit_add_actions (self);
  _icc_window_date_init (self);
  _icc_window_panes_init (self);
  gtk_menu_button_set_create_popup_func (self->menu_button, create_main_menu_cb, self, NULL);

  timeline = timeline_new (self);
  gtk_box_append (self->timeline_box, timeline);

  icc_state_list_set_focus (self->state_list, self->focus);
  _icc_window_map_init (self);
  icc_event_panel_set_focus (self->event_panel, self->focus);
  icc_reader_set_focus (self->reader, self->focus);

  g_signal_connect_object (self->focus, "notify::date",
                           G_CALLBACK (focus_date_changed_cb), self, G_CONNECT_SWAPPED);
  /* Edit Event and Delete Article need something selected. */
  g_signal_connect_object (self->focus, "notify::event",
                           G_CALLBACK (_icc_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->focus, "notify::article",
                           G_CALLBACK (_icc_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->focus, "notify::citation",
                           G_CALLBACK (_icc_window_update_actions), self, G_CONNECT_SWAPPED);
  update_date_label (self);

  g_object_bind_property (self->find_button, "active", self->reader, "search-mode",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  {
    int width = g_settings_get_int (self->settings, "window-width");
    int height = g_settings_get_int (self->settings, "window-height");

    fit_screen (&width, &height);
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  }
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  gtk_paned_set_position (self->main_paned,
                          g_settings_get_int (self->settings, "sidebar-position"));
  gtk_paned_set_position (self->content_paned,
                          g_settings_get_int (self->settings, "timeline-position"));
  icc_fold_pane_set_position (self->detail_pane,
                          g_settings_get_int (self->settings, "event-panel-position"));

  drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  _icc_window_update_title (self);
  _icc_window_update_actions (self);
}

IccWindow *
icc_window_new (IccApplication *application,
                IccDataset     *dataset)
{
  return g_object_new (ICC_TYPE_WINDOW,
                       "application", application,
                       "dataset", dataset,
                       NULL);
}

IccDataset *
icc_window_get_dataset (IccWindow *self)
{
  g_return_val_if_fail (ICC_IS_WINDOW (self), NULL);

  return self->dataset;
}

IccFocus *
icc_window_get_focus (IccWindow *self)
{
  g_return_val_if_fail (ICC_IS_WINDOW (self), NULL);

  return self->focus;
}

IccWorld *
icc_window_get_world (IccWindow *self)
{
  g_return_val_if_fail (ICC_IS_WINDOW (self), NULL);

  return self->world;
}

gboolean
icc_window_get_busy (IccWindow *self)
{
  g_return_val_if_fail (ICC_IS_WINDOW (self), FALSE);

  return self->busy > 0;
}
