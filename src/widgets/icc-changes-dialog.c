/* icc-changes-dialog.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "icc-changes.h"
#include "icc-changes-dialog.h"
#include "icc-enum-util.h"
#include "icc-file-replace.h"

struct _IccChangesDialog
{
  GtkWindow             parent_instance;

  IccDataset           *dataset;
  IccFocus             *focus;
  GArray               *changes;
  gint32                first_day;
  gint32                last_day;
  GtkFileChooserNative *chooser;

  GtkEditable          *from_entry;
  GtkEditable          *to_entry;
  GtkLabel             *message;
  GtkLabel             *count;
  GtkListBox           *list;
};

G_DEFINE_FINAL_TYPE (IccChangesDialog, icc_changes_dialog, GTK_TYPE_WINDOW)

static void
icc_changes_dialog_dispose (GObject *object)
{
  IccChangesDialog *self = (IccChangesDialog *)object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->dataset != NULL)
    g_signal_handlers_disconnect_by_data (self->dataset, self);
  g_clear_object (&self->dataset);
  g_clear_object (&self->focus);
  g_clear_pointer (&self->changes, g_array_unref);

  G_OBJECT_CLASS (icc_changes_dialog_parent_class)->dispose (object);
}

static char *
format_day (gint32 day)
{
  IccDate date;

  icc_date_init_from_day (&date, day);
  return icc_date_format (&date);
}

static GtkWidget *
change_row (const IccStatusChange *change)
{
  g_autofree char *date = format_day (change->day);
  const char *mark = icc_certainty_get_mark (icc_event_get_certainty (change->event));
  g_autofree char *text = NULL;
  GtkWidget *label;

  /* TRANSLATORS: a status change: "19 October 2016 — South Africa: State
   * Party → Withdrawing", then a certainty mark when it is not confirmed. */
  text = g_strdup_printf (_("%s — %s: %s → %s%s%s"), date,
                          icc_state_get_display_name (change->state),
                          icc_status_get_label (change->from),
                          icc_status_get_label (change->to),
                          *mark != '\0' ? " " : "", mark);
  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  if (*mark != '\0')
    gtk_widget_set_tooltip_text (label, icc_certainty_get_label (icc_event_get_certainty (change->event)));

  return label;
}

static void
show_changes (IccChangesDialog *self)
{
  GtkWidget *child;
  g_autofree char *count = NULL;

  g_clear_pointer (&self->changes, g_array_unref);
  self->changes = icc_changes_between (self->dataset, self->first_day, self->last_day);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; i < self->changes->len; i++)
    gtk_list_box_append (self->list, change_row (&g_array_index (self->changes, IccStatusChange, i)));

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change", "%u changes",
                                        self->changes->len), self->changes->len);
  gtk_label_set_text (self->count, count);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "changes.export", self->changes->len > 0);
}

static void
show_message (IccChangesDialog *self,
              const char       *message)
{
  gtk_label_set_text (self->message, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), message != NULL);
}

gboolean
icc_changes_dialog_apply (IccChangesDialog *self)
{
  g_autoptr(GError) error = NULL;
  IccDate from, to;
  gint32 first, last;

  g_return_val_if_fail (ICC_IS_CHANGES_DIALOG (self), FALSE);

  if (!icc_date_parse_user (gtk_editable_get_text (self->from_entry), &from, &error) ||
      !icc_date_parse_user (gtk_editable_get_text (self->to_entry), &to, &error))
    {
      show_message (self, error->message);
      return FALSE;
    }

  if (!icc_date_is_set (&from))
    {
      show_message (self, _("Type the first date, such as 2016-10-01."));
      return FALSE;
    }

  first = icc_date_get_day (&from);
  if (icc_date_is_set (&to))
    last = icc_date_get_end_day (&to);
  else
    {
      g_autofree char *iso = icc_date_to_iso (&from);
      g_autofree char *range = g_strconcat (iso, "..", NULL);

      /* Since the first date. */
      icc_changes_parse_range (range, self->dataset, &first, &last, NULL);
    }

  if (last < first)
    {
      show_message (self, _("The second date is before the first."));
      return FALSE;
    }

  show_message (self, NULL);
  self->first_day = first;
  self->last_day = last;
  show_changes (self);

  return TRUE;
}

static void
entry_activate_cb (IccChangesDialog *self)
{
  icc_changes_dialog_apply (self);
}

static void
row_activated_cb (IccChangesDialog *self,
                  GtkListBoxRow    *row)
{
  int index = gtk_list_box_row_get_index (row);
  const IccStatusChange *change;

  if (index < 0 || self->changes == NULL || (guint)index >= self->changes->len)
    return;

  change = &g_array_index (self->changes, IccStatusChange, index);
  icc_focus_set_state (self->focus, change->state);
  icc_focus_set_event (self->focus, change->event);
}

/* The dataset was edited: the changes again, same dates. */
static void
dataset_indexed_cb (IccChangesDialog *self)
{
  show_changes (self);
}

gboolean
icc_changes_dialog_export (IccChangesDialog  *self,
                           GFile             *file,
                           GError           **error)
{
  g_autofree char *csv = NULL;

  g_return_val_if_fail (ICC_IS_CHANGES_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  csv = icc_changes_to_csv (self->changes);

  return icc_file_replace_contents (file, csv, strlen (csv), NULL, error);
}

static void
export_response_cb (IccChangesDialog     *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (file != NULL && !icc_changes_dialog_export (self, file, &error))
        show_message (self, error->message);
    }

  g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  IccChangesDialog *self = ICC_CHANGES_DIALOG (widget);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *name = NULL;
  IccDate date;

  if (self->chooser != NULL)
    return;

  icc_date_init_from_day (&date, self->first_day);
  from = icc_date_to_iso (&date);
  icc_date_init_from_day (&date, self->last_day);
  to = icc_date_to_iso (&date);
  /* TRANSLATORS: the suggested file name; the dates are ISO dates. */
  name = g_strdup_printf (_("changes-%s-%s.csv"), from, to);

  self->chooser = gtk_file_chooser_native_new (_("Export the Changes"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (export_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
icc_changes_dialog_class_init (IccChangesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icc_changes_dialog_dispose;

  gtk_widget_class_install_action (widget_class, "changes.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
icc_changes_dialog_init (IccChangesDialog *self)
{
}

static GtkEditable *
date_field (GtkBox     *box,
            const char *mnemonic)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 12);
  gtk_box_append (box, label);
  gtk_box_append (box, entry);

  return GTK_EDITABLE (entry);
}

GtkWidget *
icc_changes_dialog_new (GtkWindow  *parent,
                        IccDataset *dataset,
                        IccFocus   *focus)
{
  IccChangesDialog *self;
  GtkWidget *box, *fields, *show, *scrolled, *header, *export;

  g_return_val_if_fail (ICC_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (ICC_IS_FOCUS (focus), NULL);

  self = g_object_new (ICC_TYPE_CHANGES_DIALOG,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       "title", _("What Changed"),
                       "default-width", 560,
                       "default-height", 520,
                       NULL);
  self->dataset = g_object_ref (dataset);
  self->focus = g_object_ref (focus);
  g_signal_connect_object (dataset, "indexed", G_CALLBACK (dataset_indexed_cb), self,
                           G_CONNECT_SWAPPED);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_window_set_child (GTK_WINDOW (self), box);

  fields = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->from_entry = date_field (GTK_BOX (fields), _("_From"));
  self->to_entry = date_field (GTK_BOX (fields), _("_To"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->to_entry), _("today"));
  g_signal_connect_object (self->from_entry, "activate", G_CALLBACK (entry_activate_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->to_entry, "activate", G_CALLBACK (entry_activate_cb), self,
                           G_CONNECT_SWAPPED);
  show = gtk_button_new_with_mnemonic (_("_Show"));
  g_signal_connect_object (show, "clicked", G_CALLBACK (entry_activate_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (fields), show);
  gtk_box_append (GTK_BOX (box), fields);

  self->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->message, 0);
  gtk_label_set_wrap (self->message, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->message));

  self->count = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->count, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->count), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->count));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_BROWSE);
  gtk_list_box_set_activate_on_single_click (self->list, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Status changes"), -1);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_widget_add_css_class (scrolled, "frame");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_box_append (GTK_BOX (box), scrolled);

  header = gtk_header_bar_new ();
  export = gtk_button_new_with_mnemonic (_("_Export as CSV…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (export), "changes.export");
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), export);
  gtk_window_set_titlebar (GTK_WINDOW (self), header);

  /* The year of the cursor to start with. */
  {
    const IccDate *cursor = icc_focus_get_date (focus);
    IccDate year;

    if (cursor != NULL && icc_date_is_set (cursor))
      icc_date_init (&year, cursor->year, 0, 0);
    else
      {
        icc_date_init_today (&year);
        icc_date_init (&year, year.year, 0, 0);
      }
    icc_changes_dialog_set_range (self, icc_date_get_day (&year), icc_date_get_end_day (&year));
  }

  return GTK_WIDGET (self);
}

void
icc_changes_dialog_set_range (IccChangesDialog *self,
                              gint32            first_day,
                              gint32            last_day)
{
  IccDate date;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_if_fail (ICC_IS_CHANGES_DIALOG (self));
  g_return_if_fail (last_day >= first_day);

  icc_date_init_from_day (&date, first_day);
  from = icc_date_to_iso (&date);
  icc_date_init_from_day (&date, last_day);
  to = icc_date_to_iso (&date);
  gtk_editable_set_text (self->from_entry, from);
  gtk_editable_set_text (self->to_entry, to);

  self->first_day = first_day;
  self->last_day = last_day;
  show_message (self, NULL);
  show_changes (self);
}

GArray *
icc_changes_dialog_get_changes (IccChangesDialog *self)
{
  g_return_val_if_fail (ICC_IS_CHANGES_DIALOG (self), NULL);
  return self->changes;
}
