/* icc-timeline-tooltip.c: the timeline's tooltips and legend
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "icc-date.h"
#include "icc-enum-util.h"
#include "icc-event.h"
#include "icc-timeline-private.h"

/* The kinds of a lane, each with its marker in its colour. */
static char *
legend_markup (IccTimeline *self,
               IccLane      lane)
{
  GString *markup = g_string_new (NULL);
  g_autofree char *heading = g_markup_escape_text (icc_lane_get_label (lane), -1);

  g_string_append_printf (markup, "<b>%s</b>", heading);

  for (guint k = 0; k < ICC_N_EVENT_KINDS; k++)
    {
      const GdkRGBA *c = &icc_timeline_renderer_get_palette (self->renderer)->kinds[k];
      g_autofree char *label = NULL;

      if (icc_event_kind_get_lane (k) != lane)
        continue;

      label = g_markup_escape_text (icc_event_kind_get_label (k), -1);
      g_string_append_printf (markup, "\n<span foreground=\"#%02x%02x%02x\">%s</span> %s",
                              (guint)(c->red * 255), (guint)(c->green * 255),
                              (guint)(c->blue * 255),
                              icc_timeline_kind_symbol (k), label);
    }

  g_string_append_printf (markup, "\n<i>%s</i>",
                          /* Translators: legend of the timeline's markers */
                          _("Hollow, dashed: not confirmed. A number: several events."));

  return g_string_free (markup, FALSE);
}

gboolean
_icc_timeline_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard_mode,
                            GtkTooltip *tooltip)
{
  IccTimeline *self = (IccTimeline *)widget;
  IccTimelineGeometry geometry;
  g_autoptr(IccEvent) event = NULL;
  GString *markup;
  int hit;

  /* The legend of a lane, on its heading. */
  _icc_timeline_get_geometry (self, &geometry);
  if (!keyboard_mode && icc_timeline_geometry_lane_at_y (&geometry, y) >= 0)
    {
      int lane = icc_timeline_geometry_lane_at_y (&geometry, y);
      double heading_top = geometry.lanes_top + lane * geometry.lane_height;
      int w;

      pango_layout_get_pixel_size (icc_timeline_renderer_get_text_layout (self->renderer,
                                                                          icc_lane_get_label (lane)),
                                    &w, NULL);
      if (y < heading_top + geometry.lane_heading && x < w + 12)
        {
          g_autofree char *legend = legend_markup (self, lane);

          gtk_tooltip_set_markup (tooltip, legend);
          return TRUE;
        }
    }

  if (keyboard_mode)
    {
      if (self->focus == NULL || icc_focus_get_event (self->focus) == NULL)
        return FALSE;
      event = g_object_ref (icc_focus_get_event (self->focus));
    }
  else
    {
      hit = _icc_timeline_item_at (self, x, y);

      if (hit < 0)
        {
          if (y < geometry.axis_height)
            {
              IccDate date;
              g_autofree char *text = NULL;

              icc_date_init_from_day (&date, (gint32)floor (_icc_timeline_day_at_x (self, x)));
              text = icc_date_format (&date);
              gtk_tooltip_set_text (tooltip, text);
              return TRUE;
            }
          return FALSE;
        }

      {
        IccTimelineItem item = g_array_index (icc_timeline_renderer_get_items (self->renderer),
                                              IccTimelineItem, hit);

        if (item.count > 1)
          {
            IccDate first;
            IccDate last;
            g_autofree char *first_text = NULL;
            g_autofree char *last_text = NULL;
            g_autofree char *text = NULL;

            icc_date_init_from_day (&first, item.first_day);
            icc_date_init_from_day (&last, item.last_day);
            first_text = icc_date_format (&first);
            last_text = icc_date_format (&last);
            text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%u event, %s – %s\nClick to zoom in",
                                                 "%u events, %s – %s\nClick to zoom in",
                                                 item.count),
                                    item.count, first_text, last_text);
            gtk_tooltip_set_text (tooltip, text);
            return TRUE;
          }

        event = g_list_model_get_item (icc_timeline_view_get_model (self->view), item.position);
      }
    }

  if (event == NULL)
    return FALSE;

  markup = g_string_new (NULL);
  {
    g_autofree char *date = icc_date_format (icc_event_get_date (event));
    g_autofree char *title = g_markup_escape_text (icc_event_get_title (event) ?: "", -1);
    const char * const *states = icc_event_get_states (event);
    IccCertainty certainty = icc_event_get_certainty (event);

    g_string_append_printf (markup, "<b>%s</b>\n%s · %s", title, date,
                            icc_event_kind_get_label (icc_event_get_kind (event)));
    if (icc_event_get_end_date (event) != NULL && icc_date_is_set (icc_event_get_end_date (event)))
      {
        g_autofree char *end = icc_date_format (icc_event_get_end_date (event));

        /* Translators: the end date of a period in a timeline tooltip */
        g_string_append_printf (markup, _(" to %s"), end);
      }

    if (states != NULL && states[0] != NULL)
      {
        g_autofree char *joined = g_strjoinv (", ", (char **)states);
        g_autofree char *escaped = g_markup_escape_text (joined, -1);

        /* Translators: the states involved in an event, in a tooltip */
        g_string_append_printf (markup, "\n%s %s", _("States:"), escaped);
      }

    if (certainty != ICC_CERTAINTY_CONFIRMED)
      {
        const char *note = icc_event_get_certainty_note (event);
        g_autofree char *escaped = g_markup_escape_text (note != NULL ? note : "", -1);

        g_string_append_printf (markup, "\n<i>%s</i>", icc_certainty_get_label (certainty));
        if (note != NULL && note[0] != '\0')
          g_string_append_printf (markup, "<i>: %s</i>", escaped);
      }
  }

  gtk_tooltip_set_markup (tooltip, markup->str);
  g_string_free (markup, TRUE);

  return TRUE;
}
