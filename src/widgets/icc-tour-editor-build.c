/* icc-tour-editor-build.c: the tour editor's widgets, built in code
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "icc-tour-editor-private.h"

/* Building */

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_top (label, 3);
  gtk_widget_set_margin_bottom (label, 3);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_list_item_set_child (item, label);
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkStringObject *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (row));
  gtk_widget_set_tooltip_text (label, gtk_string_object_get_string (row));
}

static GtkWidget *
heading (const char *mnemonic,
         GtkWidget  *field)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), field);
  gtk_widget_add_css_class (label, "heading");

  return label;
}

/* Applied when activated or left. */
static void
watch_field (IccTourEditor *self,
             GtkWidget     *field,
             GCallback      apply)
{
  GtkEventController *controller = gtk_event_controller_focus_new ();

  g_signal_connect_object (controller, "leave", apply, self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (field, controller);
  if (GTK_IS_ENTRY (field))
    g_signal_connect_object (field, "activate", apply, self, G_CONNECT_SWAPPED);
}

/* The key, as GTK names it in the user's language. */
static void
set_key_tooltip (GtkWidget *button,
                 guint      keyval)
{
  g_autofree char *label = gtk_accelerator_get_label (keyval, GDK_ALT_MASK);

  gtk_widget_set_tooltip_text (button, label);
}

static GtkWidget *
action_button (const char *mnemonic,
               const char *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (mnemonic);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

void
_icc_tour_editor_build (IccTourEditor *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkExpression *title_expression;
  GtkExpression *label_expression;
  GtkShortcutController *shortcuts;
  GtkShortcutTrigger *trigger;
  GtkShortcutAction *action;
  GtkSelectionModel *model;
  GListModel *tours;
  GtkWidget *box, *row, *grid, *label, *scrolled, *button, *header;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_window_set_child (GTK_WINDOW (self), box);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));

  /* The tours: the dataset's model, shown by title. */
  title_expression = gtk_property_expression_new (ICC_TYPE_TOUR, NULL, "title");
  label_expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1, &title_expression,
                                                  G_CALLBACK (_icc_tour_editor_tour_label_cb), NULL, NULL);
  tours = icc_dataset_get_tours (self->dataset);
  self->tours = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (tours), label_expression));
  gtk_widget_set_hexpand (GTK_WIDGET (self->tours), TRUE);
  g_signal_connect_object (self->tours, "notify::selected-item",
                           G_CALLBACK (_icc_tour_editor_tour_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (icc_dataset_get_tours (self->dataset), "items-changed",
                           G_CALLBACK (_icc_tour_editor_tours_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gtk_box_append (GTK_BOX (box), heading (_("_Tour"), GTK_WIDGET (self->tours)));

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->tours));
  gtk_box_append (GTK_BOX (row), action_button (_("_New Tour"), "tours.new"));
  button = action_button (_("_Delete Tour"), "tours.delete");
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_widget_set_tooltip_text (button, _("Delete this tour and its steps. Undo brings it back."));
  gtk_box_append (GTK_BOX (row), button);
  gtk_box_append (GTK_BOX (box), row);

  /* Everything about the tour shown. */
  self->tour_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_vexpand (self->tour_box, TRUE);
  gtk_box_append (GTK_BOX (box), self->tour_box);

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_top (grid, 6);
  gtk_box_append (GTK_BOX (self->tour_box), grid);

  self->title = GTK_EDITABLE (gtk_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (self->title), "tour-title");
  gtk_widget_set_hexpand (GTK_WIDGET (self->title), TRUE);
  watch_field (self, GTK_WIDGET (self->title), G_CALLBACK (_icc_tour_editor_tour_field_done_cb));
  label = gtk_label_new_with_mnemonic (_("T_itle"));
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->title));
  gtk_grid_attach (GTK_GRID (grid), label, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->title), 1, 0, 1, 1);

  self->description = GTK_EDITABLE (gtk_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (self->description), "tour-description");
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->description),
                                  _("What the tour shows, for whoever presents it"));
  watch_field (self, GTK_WIDGET (self->description), G_CALLBACK (_icc_tour_editor_tour_field_done_cb));
  label = gtk_label_new_with_mnemonic (_("D_escription"));
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->description));
  gtk_grid_attach (GTK_GRID (grid), label, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->description), 1, 1, 1, 1);

  /* The steps. */
  self->rows = gtk_string_list_new (NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (_icc_tour_editor_step_selected_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (row_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind_cb), NULL);
  model = GTK_SELECTION_MODEL (g_object_ref (self->selection));
  self->steps = GTK_LIST_VIEW (gtk_list_view_new (model, g_object_ref (factory)));
  gtk_widget_set_name (GTK_WIDGET (self->steps), "steps");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->steps),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Steps of the tour"), -1);
  trigger = gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                         gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0));
  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  action = gtk_named_action_new ("tours.delete-step");
  gtk_shortcut_controller_add_shortcut (shortcuts, gtk_shortcut_new (trigger, action));
  gtk_widget_add_controller (GTK_WIDGET (self->steps), GTK_EVENT_CONTROLLER (shortcuts));

  label = heading (_("_Steps"), GTK_WIDGET (self->steps));
  gtk_widget_set_margin_top (label, 6);
  gtk_box_append (GTK_BOX (self->tour_box), label);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 200);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_widget_add_css_class (scrolled, "frame");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->steps));
  gtk_box_append (GTK_BOX (self->tour_box), scrolled);

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  button = action_button (_("_Add Selected Event"), "tours.add-event");
  gtk_widget_set_tooltip_text (button, _("Add the event selected in the main window after "
                                         "the selected step"));
  gtk_box_append (GTK_BOX (row), button);
  button = action_button (_("Move _Up"), "tours.move-up");
  set_key_tooltip (button, GDK_KEY_Up);
  gtk_box_append (GTK_BOX (row), button);
  button = action_button (_("Move Do_wn"), "tours.move-down");
  set_key_tooltip (button, GDK_KEY_Down);
  gtk_box_append (GTK_BOX (row), button);
  button = action_button (_("Delete Ste_p"), "tours.delete-step");
  gtk_widget_set_hexpand (button, TRUE);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (row), button);
  gtk_box_append (GTK_BOX (self->tour_box), row);

  /* The selected step. */
  self->step_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (self->tour_box), self->step_box);

  self->step_title = GTK_EDITABLE (gtk_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (self->step_title), "step-title");
  watch_field (self, GTK_WIDGET (self->step_title), G_CALLBACK (_icc_tour_editor_step_field_done_cb));
  label = heading (_("Step Tit_le"), GTK_WIDGET (self->step_title));
  gtk_widget_set_margin_top (label, 6);
  gtk_box_append (GTK_BOX (self->step_box), label);
  gtk_box_append (GTK_BOX (self->step_box), GTK_WIDGET (self->step_title));

  self->step_map_check =
    GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("Present with the World _Map")));
  gtk_widget_set_name (GTK_WIDGET (self->step_map_check), "step-map");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->step_map_check),
                               _("The presentation shows the world map on the step’s date "
                                 "instead of the timeline"));
  g_signal_connect_object (self->step_map_check, "toggled",
                           G_CALLBACK (_icc_tour_editor_step_map_toggled_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->step_box), GTK_WIDGET (self->step_map_check));

  self->step_note = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_widget_set_name (GTK_WIDGET (self->step_note), "step-note");
  gtk_text_view_set_wrap_mode (self->step_note, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->step_note, FALSE);
  gtk_text_view_set_top_margin (self->step_note, 6);
  gtk_text_view_set_bottom_margin (self->step_note, 6);
  gtk_text_view_set_left_margin (self->step_note, 6);
  gtk_text_view_set_right_margin (self->step_note, 6);
  watch_field (self, GTK_WIDGET (self->step_note), G_CALLBACK (_icc_tour_editor_step_field_done_cb));
  gtk_box_append (GTK_BOX (self->step_box), heading (_("Presenter N_ote"),
                                                      GTK_WIDGET (self->step_note)));
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 80);
  gtk_widget_add_css_class (scrolled, "frame");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->step_note));
  gtk_box_append (GTK_BOX (self->step_box), scrolled);

  header = gtk_header_bar_new ();
  gtk_window_set_titlebar (GTK_WINDOW (self), header);
}

