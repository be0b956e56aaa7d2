/* icc-window-map.c: the sidebar's List | Map switcher (issue 14)
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "icc-window-private.h"

static gboolean
page_from_setting (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  g_value_set_string (value, g_variant_get_boolean (variant) ? "map" : "list");

  return TRUE;
}

static GVariant *
setting_from_page (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  return g_variant_new_boolean (g_strcmp0 (g_value_get_string (value), "map") == 0);
}

/* win.show-map (Ctrl+M) is the "show-map" setting: the switcher, the
 * action and the setting follow each other, so the choice is remembered. */
void
_icc_window_map_init (IccWindow *self)
{
  g_autoptr(GAction) action = g_settings_create_action (self->settings, "show-map");

  g_action_map_add_action (G_ACTION_MAP (self), action);
  g_settings_bind_with_mapping (self->settings, "show-map",
                                self->sidebar_stack, "visible-child-name",
                                G_SETTINGS_BIND_DEFAULT,
                                page_from_setting, setting_from_page, NULL, NULL);

  icc_world_map_view_set_focus (self->world_map, self->focus);
}
