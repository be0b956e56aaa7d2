/* icc-window-date.c: the cursor's date, typed or picked
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The date under the header's title is a button: it opens a date field, a
 * calendar and Today (win.go-to-date, Ctrl+G; win.go-to-today). Keys move
 * the cursor by a day, a month and a year (win.move-cursor). The rule for
 * selection and the cursor (README, "Dates"): selecting an event moves the
 * cursor to its date, so that the list shows the world that day; the date
 * the user chose last (typed, picked, Today, the keys, or the cursor dragged)
 * stays one click away, "Back to …" in the same popover
 * (win.go-to-chosen-date).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "icc-window-private.h"

/* The first day the cursor can show: the year of the Rome Conference. */
#define FIRST_YEAR 1998

/* The range a typed date must fall in: 1998 to the later of today and the
 * last event (a withdrawal may take effect next year). */
static void
date_range (IccWindow *self,
            gint32    *first,
            gint32    *last)
{
  IccDate date;

  icc_date_init (&date, FIRST_YEAR, 1, 1);
  *first = icc_date_get_day (&date);

  icc_date_init_today (&date);
  *last = icc_date_get_day (&date);

  if (self->dataset != NULL)
    {
      GListModel *events = icc_dataset_get_events (self->dataset);
      guint n = g_list_model_get_n_items (events);

      if (n > 0)
        {
          g_autoptr(IccEvent) event = g_list_model_get_item (events, n - 1);

          *last = MAX (*last, icc_event_get_end_day (event));
        }
    }
}

/* Moves the cursor to @day, and the timeline so that it shows it. */
static void
go_to_day (IccWindow *self,
           gint32     day)
{
  double start = icc_timeline_get_start (self->timeline);
  double end = icc_timeline_get_end (self->timeline);
  IccDate date;

  icc_date_init_from_day (&date, day);

  /* Chosen by the user: remembered before the focus says so. */
  self->chosen_date = date;
  icc_focus_set_date (self->focus, &date);

  if (end > start && (day < start || day > end))
    {
      double half = (end - start) / 2;

      icc_timeline_zoom_to_range (self->timeline, day - half, day + half, TRUE);
    }
}

/* Checks @date (its first day) against the range; FALSE with a message. */
static gboolean
date_in_range (IccWindow      *self,
               const IccDate  *date,
               char          **message)
{
  gint32 first, last;
  gint32 day = icc_date_get_day (date);

  date_range (self, &first, &last);
  if (day >= first && day <= last)
    return TRUE;

  {
    IccDate first_date, last_date;
    g_autofree char *from = NULL;
    g_autofree char *to = NULL;

    icc_date_init_from_day (&first_date, first);
    icc_date_init_from_day (&last_date, last);
    from = icc_date_format (&first_date);
    to = icc_date_format (&last_date);
    /* TRANSLATORS: "The timeline runs from 1 January 1998 to 2 December 2026." */
    *message = g_strdup_printf (_("The timeline runs from %s to %s."), from, to);
  }

  return FALSE;
}

/* The date field: Enter goes there. */
static void
entry_activate_cb (IccWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  IccDate date;

  if (!icc_date_parse_user (gtk_editable_get_text (self->date_entry), &date, &error))
    message = g_strdup (error->message);
  else if (!icc_date_is_set (&date))
    message = g_strdup (_("Type a date, such as 2010-01-01 or 1 January 2010."));
  else
    date_in_range (self, &date, &message);

  gtk_label_set_text (self->date_message, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->date_message), message != NULL);
  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->date_entry), "error");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->date_entry), "error");
  go_to_day (self, icc_date_get_day (&date));
  gtk_popover_popdown (self->date_popover);
}

static void
entry_changed_cb (IccWindow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_entry), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->date_message), FALSE);
}

static void
calendar_day_selected_cb (IccWindow   *self,
                          GtkCalendar *calendar)
{
  g_autoptr(GDateTime) picked = NULL;
  g_autofree char *message = NULL;
  IccDate date;

  if (self->syncing_calendar)
    return;

  picked = gtk_calendar_get_date (calendar);
  icc_date_init (&date, g_date_time_get_year (picked), g_date_time_get_month (picked),
                 g_date_time_get_day_of_month (picked));

  if (!date_in_range (self, &date, &message))
    {
      gtk_label_set_text (self->date_message, message);
      gtk_widget_set_visible (GTK_WIDGET (self->date_message), TRUE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->date_message), FALSE);
  go_to_day (self, icc_date_get_day (&date));
}

/* What the popover shows follows the cursor. */
static void
sync_popover (IccWindow *self)
{
  const IccDate *date = icc_focus_get_date (self->focus);
  gboolean show_back;

  /* Not built yet: built in sync when first opened. */
  if (self->date_popover == NULL)
    return;

  if (date != NULL && icc_date_is_set (date))
    {
      g_autoptr(GDateTime) when = NULL;
      g_autofree char *iso = icc_date_to_iso (date);

      when = g_date_time_new_local (date->year, MAX (1, date->month), MAX (1, date->day), 0, 0, 0);
      self->syncing_calendar = TRUE;
      if (when != NULL)
        gtk_calendar_select_day (self->date_calendar, when);
      self->syncing_calendar = FALSE;

      if (!gtk_widget_get_visible (GTK_WIDGET (self->date_popover)))
        gtk_editable_set_text (self->date_entry, iso);
    }

  show_back = icc_date_is_set (&self->chosen_date) &&
              (date == NULL || !icc_date_equal (date, &self->chosen_date));
  if (show_back)
    {
      g_autofree char *chosen = icc_date_format (&self->chosen_date);
      /* TRANSLATORS: a button that takes the cursor back to the date the
       * user chose; %s is that date. */
      g_autofree char *label = g_strdup_printf (_("_Back to %s"), chosen);

      gtk_button_set_label (GTK_BUTTON (self->date_back_button), label);
    }
  gtk_widget_set_visible (self->date_back_button, show_back);
}

/* Called when the focus's date changed, however it did. */
void
_icc_window_date_changed (IccWindow *self)
{
  const IccDate *date = icc_focus_get_date (self->focus);
  IccEvent *event = icc_focus_get_event (self->focus);

  /* Not the date of the selected event: the user moved the cursor (dragged
   * it, or a key); that is the date chosen. Selecting an event moves the
   * cursor too, but keeps the choice. */
  if (date != NULL && icc_date_is_set (date) &&
      (event == NULL || icc_event_get_day (event) != icc_date_get_day (date)))
    self->chosen_date = *date;

  sync_popover (self);
}

static void
popover_show_cb (IccWindow *self)
{
  g_autofree char *iso = NULL;
  const IccDate *date = icc_focus_get_date (self->focus);

  /* The field starts on the cursor's date, selected, ready to be typed
   * over. */
  if (date != NULL && icc_date_is_set (date))
    iso = icc_date_to_iso (date);
  gtk_editable_set_text (self->date_entry, iso != NULL ? iso : "");
  gtk_widget_set_visible (GTK_WIDGET (self->date_message), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_entry), "error");
  sync_popover (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->date_entry));
  gtk_editable_select_region (self->date_entry, 0, -1);
}

/* Again once mapped: the popover gives the focus to its first child as it
 * maps, and a text then keeps or places its cursor as it likes; typing
 * went before the date shown ("2010-01-012018-07-17"). */
static gboolean
select_date_idle (gpointer data)
{
  IccWindow *self = data;

  self->select_date_source = 0;
  if (gtk_widget_get_mapped (GTK_WIDGET (self->date_popover)) &&
      gtk_widget_has_focus (GTK_WIDGET (self->date_entry)) == FALSE)
    gtk_widget_grab_focus (GTK_WIDGET (self->date_entry));
  if (gtk_widget_get_mapped (GTK_WIDGET (self->date_popover)))
    gtk_editable_select_region (self->date_entry, 0, -1);

  return G_SOURCE_REMOVE;
}

static void
popover_map_cb (IccWindow *self)
{
  if (self->select_date_source == 0)
    self->select_date_source = g_idle_add (select_date_idle, self);
}

/* Actions */

static void
go_to_date_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  IccWindow *self = user_data;

  gtk_menu_button_popup (self->date_button);
}

static void
go_to_today_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  IccWindow *self = user_data;
  IccDate today;

  icc_date_init_today (&today);
  go_to_day (self, icc_date_get_day (&today));
  if (self->date_popover != NULL)
    gtk_popover_popdown (self->date_popover);
}

static void
go_to_chosen_date_action (GSimpleAction *action,
                          GVariant      *param,
                          gpointer       user_data)
{
  IccWindow *self = user_data;

  if (icc_date_is_set (&self->chosen_date))
    go_to_day (self, icc_date_get_day (&self->chosen_date));
  if (self->date_popover != NULL)
    gtk_popover_popdown (self->date_popover);
}

/* The target: a signed number and a unit, "-1d", "+1m", "+10y". */
static void
move_cursor_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  IccWindow *self = user_data;
  const char *target = g_variant_get_string (param, NULL);
  const IccDate *date = icc_focus_get_date (self->focus);
  char *end = NULL;
  gint64 n = g_ascii_strtoll (target, &end, 10);
  gint32 first, last;
  IccDate moved;

  if (date == NULL || !icc_date_is_set (date) || end == NULL || end == target ||
      n < -1000 || n > 1000)
    return;

  switch (*end)
    {
    case 'd': icc_date_add (date, (int)n, 0, 0, &moved); break;
    case 'm': icc_date_add (date, 0, (int)n, 0, &moved); break;
    case 'y': icc_date_add (date, 0, 0, (int)n, &moved); break;
    default: return;
    }

  date_range (self, &first, &last);
  go_to_day (self, CLAMP (icc_date_get_day (&moved), first, last));
}

/* The window's keys that text fields also use: Ctrl+Left/Right (a day;
 * a word in text), Shift+Ctrl+Left/Right (a month; selecting a word),
 * Ctrl+Page Up/Down (a year), Ctrl+Z, Shift+Ctrl+Z and Ctrl+Y (undo and
 * redo; typing in a field), Ctrl+Delete (the selected event; a word). As
 * application accelerators they ran before every widget: Ctrl+Left in the
 * state search moved the date cursor, and a list's Ctrl+arrows were lost to
 * them. Here, before the focused widget too, they are left to a text field
 * (the cursor keys to any text, the editing keys to an editable one) and
 * taken everywhere else, lists included. */
static gboolean
focus_is_text (IccWindow *self,
               gboolean   editable_only)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  for (GtkWidget *w = focus; w != NULL && w != GTK_WIDGET (self); w = gtk_widget_get_parent (w))
    {
      if (GTK_IS_TEXT_VIEW (w))
        return !editable_only || gtk_text_view_get_editable (GTK_TEXT_VIEW (w));
      if (GTK_IS_EDITABLE (w))
        return !editable_only || gtk_editable_get_editable (GTK_EDITABLE (w));
    }

  return FALSE;
}

static gboolean
key_pressed_cb (IccWindow             *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK | GDK_SUPER_MASK);
  const char *action = NULL;
  const char *target = NULL;
  gboolean editing_key = FALSE;

  if ((mods & GDK_CONTROL_MASK) == 0 || (mods & (GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      action = "move-cursor", target = (mods & GDK_SHIFT_MASK) ? "-1m" : "-1d";
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      action = "move-cursor", target = (mods & GDK_SHIFT_MASK) ? "+1m" : "+1d";
      break;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      action = (mods & GDK_SHIFT_MASK) ? NULL : "move-cursor", target = "-1y";
      break;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      action = (mods & GDK_SHIFT_MASK) ? NULL : "move-cursor", target = "+1y";
      break;
    case GDK_KEY_z:
    case GDK_KEY_Z:
      action = (mods & GDK_SHIFT_MASK) ? "redo" : "undo", editing_key = TRUE;
      break;
    case GDK_KEY_y:
    case GDK_KEY_Y:
      action = (mods & GDK_SHIFT_MASK) ? NULL : "redo", editing_key = TRUE;
      break;
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
      action = (mods & GDK_SHIFT_MASK) ? NULL : "delete-event", editing_key = TRUE;
      break;
    default:
      break;
    }

  if (action == NULL || focus_is_text (self, editing_key))
    return GDK_EVENT_PROPAGATE;

  if (!g_action_group_get_action_enabled (G_ACTION_GROUP (self), action))
    return GDK_EVENT_PROPAGATE;

  g_action_group_activate_action (G_ACTION_GROUP (self), action,
                                  target != NULL ? g_variant_new_string (target) : NULL);

  return GDK_EVENT_STOP;
}

static const GActionEntry date_actions[] = {
  { "go-to-date", go_to_date_action },
  { "go-to-today", go_to_today_action },
  { "go-to-chosen-date", go_to_chosen_date_action },
  { "move-cursor", move_cursor_action, "s" },
};

static void
create_popup_cb (GtkMenuButton *button,
                 gpointer       user_data)
{
  IccWindow *self = user_data;
  GtkWidget *box, *label, *today, *buttons;

  if (self->date_popover != NULL)
    return;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  label = gtk_label_new_with_mnemonic (_("_Go to date"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  self->date_entry = GTK_EDITABLE (gtk_entry_new ());
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->date_entry), _("2010-01-01 or 1 January 2010"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->date_entry));
  g_signal_connect_object (self->date_entry, "activate",
                           G_CALLBACK (entry_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->date_entry, "changed",
                           G_CALLBACK (entry_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->date_entry));

  self->date_message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->date_message, TRUE);
  gtk_label_set_max_width_chars (self->date_message, 30);
  gtk_label_set_xalign (self->date_message, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->date_message), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->date_message), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->date_message));

  self->date_calendar = GTK_CALENDAR (gtk_calendar_new ());
  g_signal_connect_object (self->date_calendar, "day-selected",
                           G_CALLBACK (calendar_day_selected_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->date_calendar));

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  today = gtk_button_new_with_mnemonic (_("_Today"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (today), "win.go-to-today");
  gtk_box_append (GTK_BOX (buttons), today);
  self->date_back_button = gtk_button_new_with_mnemonic ("");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->date_back_button), "win.go-to-chosen-date");
  gtk_widget_set_hexpand (self->date_back_button, TRUE);
  gtk_widget_set_visible (self->date_back_button, FALSE);
  gtk_box_append (GTK_BOX (buttons), self->date_back_button);
  gtk_box_append (GTK_BOX (box), buttons);

  self->date_popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->date_popover, box);
  g_signal_connect_object (self->date_popover, "show",
                           G_CALLBACK (popover_show_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->date_popover, "map",
                           G_CALLBACK (popover_map_cb), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gtk_menu_button_set_popover (self->date_button, GTK_WIDGET (self->date_popover));
  sync_popover (self);
}

void
_icc_window_date_init (IccWindow *self)
{
  GtkEventController *keys;

  g_action_map_add_action_entries (G_ACTION_MAP (self), date_actions,
                                   G_N_ELEMENTS (date_actions), self);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  /* The popover (a calendar is 12 M instructions) is built when first
   * opened: the first frame does not need it. */
  gtk_menu_button_set_create_popup_func (self->date_button, create_popup_cb, self, NULL);

  icc_date_clear (&self->chosen_date);
}
