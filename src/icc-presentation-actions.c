/* icc-presentation-actions.c: the actions (presentation.next,
 * presentation.blank…) and the keys presenters and their clickers use, in
 * the slides and in the presenter-notes window
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "icc-presentation-private.h"

/* How long a message stays on screen. */
#define MESSAGE_SECONDS 5

/* The keys presenters and their clickers use. Clickers send Page Up/Down (a
 * few send Left/Right, b or period); "blank" toggles black. */
static const struct {
  guint           keyval;
  GdkModifierType modifiers;
  const char     *action;
} key_bindings[] = {
  { GDK_KEY_Right, 0, "presentation.next" },
  { GDK_KEY_KP_Right, 0, "presentation.next" },
  { GDK_KEY_Down, 0, "presentation.next" },
  { GDK_KEY_KP_Down, 0, "presentation.next" },
  { GDK_KEY_Page_Down, 0, "presentation.next" },
  { GDK_KEY_KP_Page_Down, 0, "presentation.next" },
  { GDK_KEY_space, 0, "presentation.next" },
  { GDK_KEY_Return, 0, "presentation.next" },
  { GDK_KEY_KP_Enter, 0, "presentation.next" },
  { GDK_KEY_Left, 0, "presentation.previous" },
  { GDK_KEY_KP_Left, 0, "presentation.previous" },
  { GDK_KEY_Up, 0, "presentation.previous" },
  { GDK_KEY_KP_Up, 0, "presentation.previous" },
  { GDK_KEY_Page_Up, 0, "presentation.previous" },
  { GDK_KEY_KP_Page_Up, 0, "presentation.previous" },
  { GDK_KEY_BackSpace, 0, "presentation.previous" },
  { GDK_KEY_Home, 0, "presentation.first" },
  { GDK_KEY_KP_Home, 0, "presentation.first" },
  { GDK_KEY_End, 0, "presentation.last" },
  { GDK_KEY_KP_End, 0, "presentation.last" },
  { GDK_KEY_b, 0, "presentation.blank" },
  { GDK_KEY_B, GDK_SHIFT_MASK, "presentation.blank" },
  { GDK_KEY_period, 0, "presentation.blank" },
  { GDK_KEY_w, 0, "presentation.blank-white" },
  { GDK_KEY_W, GDK_SHIFT_MASK, "presentation.blank-white" },
  { GDK_KEY_n, 0, "presentation.notes" },
  { GDK_KEY_N, GDK_SHIFT_MASK, "presentation.notes" },
  { GDK_KEY_p, 0, "presentation.play" },
  { GDK_KEY_P, GDK_SHIFT_MASK, "presentation.play" },
  { GDK_KEY_Escape, 0, "presentation.leave" },
};

static void
set_blank (IccPresentation      *self,
           IccPresentationBlank  mode)
{
  self->blank_mode = mode;
  gtk_widget_set_visible (self->blank, mode != ICC_PRESENTATION_BLANK_NONE);
  if (mode == ICC_PRESENTATION_BLANK_WHITE)
    {
      gtk_widget_remove_css_class (self->blank, "black");
      gtk_widget_add_css_class (self->blank, "white");
    }
  else
    {
      gtk_widget_remove_css_class (self->blank, "white");
      gtk_widget_add_css_class (self->blank, "black");
    }
}

/* A navigation key while the screen is blank brings the slide back, where
 * the presenter left it. */
static gboolean
unblank (IccPresentation *self)
{
  if (self->blank_mode == ICC_PRESENTATION_BLANK_NONE)
    return FALSE;

  set_blank (self, ICC_PRESENTATION_BLANK_NONE);
  return TRUE;
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  IccPresentation *self = ICC_PRESENTATION (widget);

  if (unblank (self) || _icc_presentation_step_part (self, 1))
    return;
  if (self->steps != NULL && self->step + 1 < self->steps->len)
    _icc_presentation_show_step (self, self->step + 1, TRUE);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  IccPresentation *self = ICC_PRESENTATION (widget);

  if (unblank (self) || _icc_presentation_step_part (self, -1))
    return;
  if (self->step > 0)
    _icc_presentation_show_step (self, self->step - 1, TRUE);
}

static void
first_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  IccPresentation *self = ICC_PRESENTATION (widget);

  if (!unblank (self))
    _icc_presentation_show_step (self, 0, TRUE);
}

static void
last_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  IccPresentation *self = ICC_PRESENTATION (widget);

  if (!unblank (self) && self->steps != NULL && self->steps->len > 0)
    _icc_presentation_show_step (self, self->steps->len - 1, TRUE);
}

static void
blank_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  IccPresentation *self = ICC_PRESENTATION (widget);

  set_blank (self, self->blank_mode == ICC_PRESENTATION_BLANK_BLACK
                   ? ICC_PRESENTATION_BLANK_NONE : ICC_PRESENTATION_BLANK_BLACK);
}

static void
blank_white_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  IccPresentation *self = ICC_PRESENTATION (widget);

  set_blank (self, self->blank_mode == ICC_PRESENTATION_BLANK_WHITE
                   ? ICC_PRESENTATION_BLANK_NONE : ICC_PRESENTATION_BLANK_WHITE);
}

static void
notes_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  IccPresentation *self = ICC_PRESENTATION (widget);

  /* Never on the screen the class sees (one monitor, mirrored to the
   * projector): only a word on where they are. */
  if (self->notes_window != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->notes_window),
                            !gtk_widget_get_visible (GTK_WIDGET (self->notes_window)));
  else
    _icc_presentation_show_message (self,
                                    _("Presenter notes show on a second monitor only, never on "
                                      "this screen. They are in Edit Tours."));
}

static gboolean
hide_message_cb (gpointer user_data)
{
  IccPresentation *self = user_data;

  self->message_timeout_id = 0;
  gtk_revealer_set_reveal_child (self->message_revealer, FALSE);

  return G_SOURCE_REMOVE;
}

/* A short message over the timeline, gone after a few seconds. */
void
_icc_presentation_show_message (IccPresentation *self,
                                const char      *message)
{
  gtk_label_set_text (self->message_label, message);
  gtk_revealer_set_reveal_child (self->message_revealer, TRUE);
  g_clear_handle_id (&self->message_timeout_id, g_source_remove);
  self->message_timeout_id = g_timeout_add_seconds (MESSAGE_SECONDS, hide_message_cb, self);
}

static void
play_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  IccPresentation *self = ICC_PRESENTATION (widget);

  if (icc_player_get_playing (self->player))
    icc_player_set_playing (self->player, FALSE);
  else
    _icc_presentation_start_playing (self);
}

static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  IccPresentation *self = ICC_PRESENTATION (widget);

  /* Closing gives back what the teacher left (close_request). */
  icc_player_set_playing (self->player, FALSE);
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
forward_key_cb (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  IccPresentation *self = user_data;

  return gtk_widget_activate_action_variant (GTK_WIDGET (self), g_variant_get_string (args, NULL),
                                             NULL);
}

/* Keys pressed in the notes window (a clicker sends them to the focused
 * window, which may be that one) drive the presentation too. */
void
_icc_presentation_setup_notes_window (IccPresentation *self,
                                      GdkMonitor      *monitor)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  self->notes_window = icc_presenter_notes_new ();
  gtk_window_set_application (GTK_WINDOW (self->notes_window),
                              gtk_window_get_application (GTK_WINDOW (self)));

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (key_bindings); i++)
    {
      GtkShortcut *shortcut =
        gtk_shortcut_new (gtk_keyval_trigger_new (key_bindings[i].keyval,
                                                  key_bindings[i].modifiers),
                          gtk_callback_action_new (forward_key_cb, self, NULL));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_string (key_bindings[i].action));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self->notes_window), controller);

  _icc_presentation_update_notes (self);
  gtk_window_present (GTK_WINDOW (self->notes_window));
  if (monitor != NULL)
    gtk_window_fullscreen_on_monitor (GTK_WINDOW (self->notes_window), monitor);
}

void
_icc_presentation_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "presentation.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "presentation.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "presentation.first", NULL, first_action);
  gtk_widget_class_install_action (widget_class, "presentation.last", NULL, last_action);
  gtk_widget_class_install_action (widget_class, "presentation.blank", NULL, blank_action);
  gtk_widget_class_install_action (widget_class, "presentation.blank-white", NULL,
                                   blank_white_action);
  gtk_widget_class_install_action (widget_class, "presentation.notes", NULL, notes_action);
  gtk_widget_class_install_action (widget_class, "presentation.play", NULL, play_action);
  gtk_widget_class_install_action (widget_class, "presentation.leave", NULL, leave_action);

  /* With the focus in the top bar, GtkWindow's own bindings (arrows move the
   * focus, Return and space activate) come first; the rest still works. The
   * same keys are caught before any child in _icc_presentation_init_shortcuts(). */
  for (guint i = 0; i < G_N_ELEMENTS (key_bindings); i++)
    gtk_widget_class_add_binding_action (widget_class, key_bindings[i].keyval,
                                         key_bindings[i].modifiers, key_bindings[i].action,
                                         NULL);
}

void
_icc_presentation_init_shortcuts (IccPresentation *self)
{
  /* The slides' keys, caught in the capture phase so that no child (the
   * timeline has its own Left/Right/Home/End) takes them first. The top bar
   * is outside @content, so its drop-down keeps its keys. */
  self->shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (self->shortcuts),
                                              GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (key_bindings); i++)
    gtk_shortcut_controller_add_shortcut (self->shortcuts,
                                          gtk_shortcut_new (gtk_keyval_trigger_new (key_bindings[i].keyval,
                                                                                    key_bindings[i].modifiers),
                                                            gtk_named_action_new (key_bindings[i].action)));
  gtk_widget_add_controller (self->content, GTK_EVENT_CONTROLLER (self->shortcuts));
}
