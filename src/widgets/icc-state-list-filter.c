/* icc-state-list-filter.c: the state list's filters
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A popover of check buttons: the statuses on the cursor's date, several at
 * once ("State Party" and "Withdrawing"), and what a state's history holds
 * ("has ever withdrawn", "withdrawal revoked", "signature withdrawn"). A row
 * shows when its status is one of those checked (or none is) and, when a
 * history is checked, its history has one of them. The button's label says
 * what is filtered.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "icc-enum-util.h"
#include "icc-state-list-private.h"

static const char *
history_label (IccStateHistory history)
{
  switch (history)
    {
    case ICC_STATE_HISTORY_WITHDRAWN: return _("Has ever withdrawn");
    case ICC_STATE_HISTORY_WITHDRAWAL_REVOKED: return _("Withdrawal revoked");
    case ICC_STATE_HISTORY_SIGNATURE_WITHDRAWN: return _("Signature ever withdrawn");
    default: g_return_val_if_reached (NULL);
    }
}

/* Which histories @state has, as a mask of 1 << IccStateHistory. */
static guint
state_histories (IccDataset *dataset,
                 IccState   *state)
{
  const IccTransition *transitions;
  guint n = 0;
  guint mask = 0;

  transitions = icc_dataset_get_transitions (dataset, state, &n);
  for (guint i = 0; i < n; i++)
    {
      if (transitions[i].status == ICC_STATUS_WITHDRAWN)
        mask |= 1u << ICC_STATE_HISTORY_WITHDRAWN;
      if (transitions[i].status == ICC_STATUS_UNSIGNED)
        mask |= 1u << ICC_STATE_HISTORY_SIGNATURE_WITHDRAWN;
      if (transitions[i].event != NULL &&
          icc_event_get_kind (transitions[i].event) == ICC_EVENT_KIND_WITHDRAWAL_REVOKED)
        mask |= 1u << ICC_STATE_HISTORY_WITHDRAWAL_REVOKED;
    }

  return mask;
}

gboolean
_icc_state_list_has_filters (IccStateList *self)
{
  return self->status_mask != 0 || self->history_mask != 0;
}

gboolean
_icc_state_list_filter_row (gpointer item,
                            gpointer user_data)
{
  IccStateList *self = user_data;
  IccWorldRow *row = item;

  if (self->status_mask != 0 &&
      (self->status_mask & (1u << icc_world_row_get_status (row))) == 0)
    return FALSE;

  if (self->history_mask != 0 && self->world != NULL &&
      (state_histories (icc_world_get_dataset (self->world),
                        icc_world_row_get_state (row)) & self->history_mask) == 0)
    return FALSE;

  return _icc_state_list_matches_search (self, row);
}

/* The button says what is shown: "All Statuses", the one status or
 * history checked, or how many filters. */
static void
update_button (IccStateList *self)
{
  guint n = 0;
  const char *one = NULL;
  g_autofree char *label = NULL;

  for (guint i = 0; i < ICC_N_STATUSES; i++)
    if (self->status_mask & (1u << i))
      {
        n++;
        one = icc_status_get_label (i);
      }
  for (guint i = 0; i < ICC_N_STATE_HISTORIES; i++)
    if (self->history_mask & (1u << i))
      {
        n++;
        one = history_label (i);
      }

  if (n == 0)
    label = g_strdup (_("All Statuses"));
  else if (n == 1)
    label = g_strdup (one);
  else
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Filter", "%u Filters", n), n);

  gtk_menu_button_set_label (self->filter_button, label);
}

static void
sync_checks (IccStateList *self)
{
  self->syncing_checks = TRUE;
  for (guint i = 0; i < ICC_N_STATUSES; i++)
    gtk_check_button_set_active (self->status_checks[i], (self->status_mask & (1u << i)) != 0);
  for (guint i = 0; i < ICC_N_STATE_HISTORIES; i++)
    gtk_check_button_set_active (self->history_checks[i], (self->history_mask & (1u << i)) != 0);
  self->syncing_checks = FALSE;
}

static void
set_masks (IccStateList *self,
           guint         status_mask,
           guint         history_mask)
{
  if (self->status_mask == status_mask && self->history_mask == history_mask)
    return;

  self->status_mask = status_mask;
  self->history_mask = history_mask;
  sync_checks (self);
  update_button (self);
  _icc_state_list_filter_changed (self);
}

static void
check_toggled_cb (IccStateList   *self,
                  GtkCheckButton *check)
{
  guint status_mask = 0, history_mask = 0;

  if (self->syncing_checks)
    return;

  for (guint i = 0; i < ICC_N_STATUSES; i++)
    if (gtk_check_button_get_active (self->status_checks[i]))
      status_mask |= 1u << i;
  for (guint i = 0; i < ICC_N_STATE_HISTORIES; i++)
    if (gtk_check_button_get_active (self->history_checks[i]))
      history_mask |= 1u << i;

  set_masks (self, status_mask, history_mask);
}

static void
show_all_clicked_cb (IccStateList *self)
{
  set_masks (self, 0, 0);
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");

  return label;
}

void
_icc_state_list_init_filter (IccStateList *self)
{
  GtkWidget *box, *popover, *show_all;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  gtk_box_append (GTK_BOX (box), heading (_("Status on the date")));
  for (guint i = 0; i < ICC_N_STATUSES; i++)
    {
      self->status_checks[i] = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (icc_status_get_label (i)));
      g_signal_connect_object (self->status_checks[i], "toggled",
                               G_CALLBACK (check_toggled_cb), self, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->status_checks[i]));
    }

  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (box), heading (_("In the state’s history")));
  for (guint i = 0; i < ICC_N_STATE_HISTORIES; i++)
    {
      self->history_checks[i] = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (history_label (i)));
      g_signal_connect_object (self->history_checks[i], "toggled",
                               G_CALLBACK (check_toggled_cb), self, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->history_checks[i]));
    }

  show_all = gtk_button_new_with_mnemonic (_("Show _All"));
  gtk_widget_set_margin_top (show_all, 6);
  g_signal_connect_object (show_all, "clicked", G_CALLBACK (show_all_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), show_all);

  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (self->filter_button, popover);

  /* The empty list's button clears the filters too. */
  g_signal_connect_object (self->empty_button, "clicked", G_CALLBACK (show_all_clicked_cb), self,
                           G_CONNECT_SWAPPED);

  update_button (self);
}

void
icc_state_list_set_status_filter (IccStateList *self,
                                  int           status)
{
  g_return_if_fail (ICC_IS_STATE_LIST (self));
  g_return_if_fail (status >= -1 && status < ICC_N_STATUSES);

  set_masks (self, status < 0 ? 0 : 1u << status, 0);
}

void
icc_state_list_set_filters (IccStateList *self,
                            guint         status_mask,
                            guint         history_mask)
{
  g_return_if_fail (ICC_IS_STATE_LIST (self));

  set_masks (self, status_mask & ((1u << ICC_N_STATUSES) - 1),
             history_mask & ((1u << ICC_N_STATE_HISTORIES) - 1));
}
