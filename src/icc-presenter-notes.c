/* icc-presenter-notes.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "icc-presenter-notes.h"

struct _IccPresenterNotes
{
  GtkWindow  parent_instance;

  /* Template widgets */
  GtkLabel  *progress_label;
  GtkLabel  *title_label;
  GtkLabel  *note_label;
  GtkLabel  *next_label;
};

G_DEFINE_FINAL_TYPE (IccPresenterNotes, icc_presenter_notes, GTK_TYPE_WINDOW)

static void
icc_presenter_notes_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ICC_TYPE_PRESENTER_NOTES);

  G_OBJECT_CLASS (icc_presenter_notes_parent_class)->dispose (object);
}

static void
icc_presenter_notes_class_init (IccPresenterNotesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icc_presenter_notes_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/IccTracker/ui/icc-presenter-notes.ui");
  gtk_widget_class_bind_template_child (widget_class, IccPresenterNotes, progress_label);
  gtk_widget_class_bind_template_child (widget_class, IccPresenterNotes, title_label);
  gtk_widget_class_bind_template_child (widget_class, IccPresenterNotes, note_label);
  gtk_widget_class_bind_template_child (widget_class, IccPresenterNotes, next_label);
}

static void
icc_presenter_notes_init (IccPresenterNotes *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

IccPresenterNotes *
icc_presenter_notes_new (void)
{
  return g_object_new (ICC_TYPE_PRESENTER_NOTES, NULL);
}

void
icc_presenter_notes_set_step (IccPresenterNotes *self,
                              const char        *progress,
                              const char        *title,
                              const char        *note,
                              const char        *next_title)
{
  g_autofree char *next = NULL;

  g_return_if_fail (ICC_IS_PRESENTER_NOTES (self));

  if (next_title != NULL)
    next = g_strdup_printf (_("Next: %s"), next_title);

  gtk_label_set_text (self->progress_label, progress != NULL ? progress : "");
  gtk_label_set_text (self->title_label, title != NULL ? title : "");
  gtk_label_set_text (self->note_label, note != NULL && note[0] != '\0'
                                        ? note : _("No note for this step."));
  gtk_label_set_text (self->next_label, next != NULL ? next : _("Last step"));
}

