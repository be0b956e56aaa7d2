/* icc-world-map-view.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "icc-world-map-view-private.h"

G_DEFINE_FINAL_TYPE (IccWorldMapView, icc_world_map_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_FOCUS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Pixels per map unit, in logical pixels. */
double
_icc_world_map_view_get_scale (IccWorldMapView *self)
{
  IccMapBounds extent;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  icc_world_map_get_extent (self->map, &extent);

  return MIN (width / (extent.x1 - extent.x0), height / (extent.y1 - extent.y0)) * 0.98 *
         self->zoom;
}

void
_icc_world_map_view_map_to_widget (IccWorldMapView *self,
                                   double           mx,
                                   double           my,
                                   double          *x,
                                   double          *y)
{
  double scale = _icc_world_map_view_get_scale (self);

  *x = (mx - self->center_x) * scale + gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  *y = (my - self->center_y) * scale + gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
}

void
_icc_world_map_view_widget_to_map (IccWorldMapView *self,
                                   double           x,
                                   double           y,
                                   double          *mx,
                                   double          *my)
{
  double scale = _icc_world_map_view_get_scale (self);

  *mx = (x - gtk_widget_get_width (GTK_WIDGET (self)) / 2.0) / scale + self->center_x;
  *my = (y - gtk_widget_get_height (GTK_WIDGET (self)) / 2.0) / scale + self->center_y;
}

static void
update_fills (IccWorldMapView *self)
{
  const IccDate *date = self->focus != NULL ? icc_focus_get_date (self->focus) : NULL;
  gint32 day;

  if (date != NULL)
    day = icc_date_get_day (date);
  else
    {
      IccDate today;

      icc_date_init_today (&today);
      day = icc_date_get_day (&today);
    }

  for (guint i = 0; i < self->n_shapes; i++)
    self->states[i] = self->dataset != NULL ?
                      icc_dataset_lookup_state (self->dataset,
                                                icc_world_map_get_code (self->map, i)) :
                      NULL;

  if (icc_world_map_compute_fills (self->map, self->dataset, day, self->fills) > 0)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
date_changed_cb (IccWorldMapView *self)
{
  update_fills (self);
}

static void
state_changed_cb (IccWorldMapView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
events_changed_cb (IccWorldMapView *self)
{
  update_fills (self);
}

/* Properties. */

void
icc_world_map_view_set_dataset (IccWorldMapView *self,
                                IccDataset      *dataset)
{
  g_return_if_fail (ICC_IS_WORLD_MAP_VIEW (self));
  g_return_if_fail (dataset == NULL || ICC_IS_DATASET (dataset));

  if (self->dataset == dataset)
    return;

  if (self->dataset != NULL)
    g_signal_handlers_disconnect_by_func (icc_dataset_get_events (self->dataset),
                                          events_changed_cb, self);
  g_set_object (&self->dataset, dataset);
  if (dataset != NULL)
    g_signal_connect_object (icc_dataset_get_events (dataset), "items-changed",
                             G_CALLBACK (events_changed_cb), self, G_CONNECT_SWAPPED);

  memset (self->fills, ICC_WORLD_MAP_FILL_LAND, self->n_shapes);
  update_fills (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

IccDataset *
icc_world_map_view_get_dataset (IccWorldMapView *self)
{
  g_return_val_if_fail (ICC_IS_WORLD_MAP_VIEW (self), NULL);

  return self->dataset;
}

void
icc_world_map_view_set_focus (IccWorldMapView *self,
                              IccFocus        *focus)
{
  g_return_if_fail (ICC_IS_WORLD_MAP_VIEW (self));
  g_return_if_fail (focus == NULL || ICC_IS_FOCUS (focus));

  if (self->focus == focus)
    return;

  if (self->focus != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->focus, date_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->focus, state_changed_cb, self);
    }
  g_set_object (&self->focus, focus);
  if (focus != NULL)
    {
      g_signal_connect_object (focus, "notify::date", G_CALLBACK (date_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (focus, "notify::state", G_CALLBACK (state_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  update_fills (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS]);
}

IccFocus *
icc_world_map_view_get_focus (IccWorldMapView *self)
{
  g_return_val_if_fail (ICC_IS_WORLD_MAP_VIEW (self), NULL);

  return self->focus;
}

GtkWidget *
icc_world_map_view_new (void)
{
  return g_object_new (ICC_TYPE_WORLD_MAP_VIEW, NULL);
}

static void
icc_world_map_view_dispose (GObject *object)
{
  IccWorldMapView *self = ICC_WORLD_MAP_VIEW (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  icc_world_map_view_set_focus (self, NULL);
  icc_world_map_view_set_dataset (self, NULL);
  g_clear_pointer (&self->legend, gsk_render_node_unref);

  G_OBJECT_CLASS (icc_world_map_view_parent_class)->dispose (object);
}

static void
icc_world_map_view_finalize (GObject *object)
{
  IccWorldMapView *self = ICC_WORLD_MAP_VIEW (object);

  _icc_world_map_view_drop_cache (self);
  g_free (self->luts);
  g_clear_pointer (&self->tile_pool, _icc_world_map_tile_pool_unref);
  g_free (self->fills);
  g_free (self->states);

  G_OBJECT_CLASS (icc_world_map_view_parent_class)->finalize (object);
}

static void
icc_world_map_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  IccWorldMapView *self = ICC_WORLD_MAP_VIEW (object);

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
icc_world_map_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  IccWorldMapView *self = ICC_WORLD_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      icc_world_map_view_set_dataset (self, g_value_get_object (value));
      break;

    case PROP_FOCUS:
      icc_world_map_view_set_focus (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_world_map_view_class_init (IccWorldMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icc_world_map_view_dispose;
  object_class->finalize = icc_world_map_view_finalize;
  object_class->get_property = icc_world_map_view_get_property;
  object_class->set_property = icc_world_map_view_set_property;

  _icc_world_map_view_class_init_draw (widget_class);

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, ICC_TYPE_DATASET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOCUS] =
    g_param_spec_object ("focus", NULL, NULL, ICC_TYPE_FOCUS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  _icc_world_map_view_class_init_input (widget_class);

  gtk_widget_class_set_css_name (widget_class, "worldmap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
icc_world_map_view_init (IccWorldMapView *self)
{
  self->map = icc_world_map_get_default ();
  self->n_shapes = icc_world_map_get_n_shapes (self->map);
  self->fills = g_malloc (self->n_shapes);
  memset (self->fills, ICC_WORLD_MAP_FILL_LAND, self->n_shapes);
  self->states = g_new0 (IccState *, self->n_shapes);
  self->luts = g_malloc0 (N_VARIANTS * sizeof (*self->luts));
  self->zoom = 1;
  self->hover = -1;
  icc_world_map_palette_init_light (&self->palette);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("World map of statuses"),
                                  -1);

  _icc_world_map_view_init_input (self);
}
