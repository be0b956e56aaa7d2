/* icc-status-badge.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "icc-enum-util.h"
#include "icc-enums.h"
#include "icc-status-badge.h"

struct _IccStatusBadge
{
  GtkWidget  parent_instance;

  GtkWidget *dot;
  GtkWidget *label;
  IccStatus  status;
  IccCertainty certainty;
  char      *certainty_note;
};

G_DEFINE_FINAL_TYPE (IccStatusBadge, icc_status_badge, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

const char *
icc_status_get_css_class (IccStatus status)
{
  switch (status)
    {
    case ICC_STATUS_NONE: return "status-none";
    case ICC_STATUS_SIGNATORY: return "status-signatory";
    case ICC_STATUS_RATIFIED: return "status-ratified";
    case ICC_STATUS_PARTY: return "status-party";
    case ICC_STATUS_WITHDRAWING: return "status-withdrawing";
    case ICC_STATUS_WITHDRAWN: return "status-withdrawn";
    case ICC_STATUS_UNSIGNED: return "status-unsigned";
    default: return "status-none";
    }
}

static void
update (IccStatusBadge *self)
{
  const char *classes[] = { "status-dot", icc_status_get_css_class (self->status), NULL };

  const char *mark = icc_certainty_get_mark (self->certainty);
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  gtk_widget_set_css_classes (self->dot, classes);
  if (*mark != '\0')
    {
      /* Translators: a status and the mark of its certainty ("Withdrawn ?"). */
      text = g_strdup_printf (_("%s %s"), icc_status_get_label (self->status), mark);
      if (self->certainty_note != NULL && *self->certainty_note != '\0')
        /* Translators: the tooltip of a status that is less than confirmed: the
         * certainty ("Unverified") and why. */
        tooltip = g_strdup_printf (_("%s: %s"), icc_certainty_get_label (self->certainty),
                                   self->certainty_note);
      else
        tooltip = g_strdup (icc_certainty_get_label (self->certainty));
    }
  gtk_label_set_text (GTK_LABEL (self->label),
                      text != NULL ? text : icc_status_get_label (self->status));
  /* Plain text, not markup: the note comes from the file. Only when it
   * changes: GTK 4.8 asks the display where the pointer is (two X round
   * trips) each time a visible widget's tooltip is set, even to none, and
   * every row of the state list has a badge. */
  if (g_strcmp0 (tooltip, gtk_widget_get_tooltip_text (GTK_WIDGET (self))) != 0)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
  if (tooltip != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    tooltip, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
icc_status_badge_dispose (GObject *object)
{
  IccStatusBadge *self = (IccStatusBadge *)object;

  g_clear_pointer (&self->dot, gtk_widget_unparent);
  g_clear_pointer (&self->label, gtk_widget_unparent);
  g_clear_pointer (&self->certainty_note, g_free);

  G_OBJECT_CLASS (icc_status_badge_parent_class)->dispose (object);
}

static void
icc_status_badge_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  IccStatusBadge *self = ICC_STATUS_BADGE (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_status_badge_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  IccStatusBadge *self = ICC_STATUS_BADGE (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      icc_status_badge_set_status (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_status_badge_class_init (IccStatusBadgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icc_status_badge_dispose;
  object_class->get_property = icc_status_badge_get_property;
  object_class->set_property = icc_status_badge_set_property;

  properties [PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, ICC_TYPE_STATUS, ICC_STATUS_NONE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "statusbadge");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
icc_status_badge_init (IccStatusBadge *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  self->dot = gtk_image_new ();
  gtk_widget_set_valign (self->dot, GTK_ALIGN_CENTER);
  /* Decoration: the label says the status. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->dot), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_widget_set_parent (self->dot, GTK_WIDGET (self));

  self->label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));

  self->status = ICC_STATUS_NONE;
  update (self);
}

GtkWidget *
icc_status_badge_new (void)
{
  return g_object_new (ICC_TYPE_STATUS_BADGE, NULL);
}

/**
 * icc_status_badge_reserve_widest:
 *
 * Asks for the width of the longest status label (and a certainty mark),
 * whichever status is shown: a list column sized by the rows on screen
 * would otherwise cut "Signature withdrawn" when it scrolls into view
 * (issue 13).
 */
void
icc_status_badge_reserve_widest (IccStatusBadge *self)
{
  static int widest = 0;

  g_return_if_fail (ICC_IS_STATUS_BADGE (self));

  if (widest == 0)
    for (IccStatus status = 0; status < ICC_N_STATUSES; status++)
      widest = MAX (widest, (int)g_utf8_strlen (icc_status_get_label (status), -1));

  gtk_label_set_width_chars (GTK_LABEL (self->label), widest + 2);
}

IccStatus
icc_status_badge_get_status (IccStatusBadge *self)
{
  g_return_val_if_fail (ICC_IS_STATUS_BADGE (self), ICC_STATUS_NONE);

  return self->status;
}

void
icc_status_badge_set_status (IccStatusBadge *self,
                             IccStatus       status)
{
  g_return_if_fail (ICC_IS_STATUS_BADGE (self));

  if (self->status == status)
    return;

  self->status = status;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
}

void
icc_status_badge_set_certainty (IccStatusBadge *self,
                                IccCertainty    certainty,
                                const char     *note)
{
  g_return_if_fail (ICC_IS_STATUS_BADGE (self));

  if (certainty == ICC_CERTAINTY_CONFIRMED)
    note = NULL;
  if (self->certainty == certainty && g_strcmp0 (self->certainty_note, note) == 0)
    return;

  self->certainty = certainty;
  g_free (self->certainty_note);
  self->certainty_note = g_strdup (note);
  update (self);
}
