/* icc-problems-dialog.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "icc-ui-resources.h"

#include "icc-problem.h"
#include "icc-problems-dialog.h"

struct _IccProblemsDialog
{
  GtkWindow   parent_instance;

  GtkLabel   *heading_label;
  GtkLabel   *kept_label;
  GtkListBox *problems_list;
  GtkWidget  *close_button;

  GString    *text;
  guint       n_problems;
};

G_DEFINE_FINAL_TYPE (IccProblemsDialog, icc_problems_dialog, GTK_TYPE_WINDOW)

static void
add_row (IccProblemsDialog *self,
         gboolean           is_error,
         const char        *where,
         const char        *message)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (is_error ? "dialog-error-symbolic"
                                                           : "dialog-warning-symbolic");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *where_label = gtk_label_new (where);
  GtkWidget *message_label = gtk_label_new (message);

  gtk_widget_add_css_class (icon, is_error ? "error" : "warning");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  is_error ? _("Error") : _("Warning"),
                                  -1);
  gtk_label_set_xalign (GTK_LABEL (where_label), 0);
  gtk_label_set_wrap (GTK_LABEL (where_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (where_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (where_label), TRUE);
  gtk_widget_add_css_class (where_label, "monospace");
  gtk_widget_add_css_class (where_label, "dim-label");
  gtk_widget_set_visible (where_label, where != NULL && *where != '\0');
  gtk_label_set_xalign (GTK_LABEL (message_label), 0);
  gtk_label_set_wrap (GTK_LABEL (message_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (message_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (message_label), TRUE);

  gtk_box_append (GTK_BOX (box), where_label);
  gtk_box_append (GTK_BOX (box), message_label);
  gtk_box_append (GTK_BOX (row), icon);
  gtk_box_append (GTK_BOX (row), box);
  gtk_widget_add_css_class (row, "problem-row");
  gtk_list_box_append (self->problems_list, row);

  if (where != NULL && *where != '\0')
    g_string_append_printf (self->text, "%s: ", where);
  g_string_append_printf (self->text, "%s\n", message);
  self->n_problems++;
}

static void
icc_problems_dialog_finalize (GObject *object)
{
  IccProblemsDialog *self = (IccProblemsDialog *)object;

  g_string_free (self->text, TRUE);

  G_OBJECT_CLASS (icc_problems_dialog_parent_class)->finalize (object);
}

static void
icc_problems_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ICC_TYPE_PROBLEMS_DIALOG);

  G_OBJECT_CLASS (icc_problems_dialog_parent_class)->dispose (object);
}

static void
icc_problems_dialog_class_init (IccProblemsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icc_problems_dialog_dispose;
  object_class->finalize = icc_problems_dialog_finalize;

  /* The resources live in a static library: referencing them links their
   * object file in, whose constructor registers them. */
  (void)icc_ui_resources_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/IccTracker/ui/icc-problems-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IccProblemsDialog, heading_label);
  gtk_widget_class_bind_template_child (widget_class, IccProblemsDialog, kept_label);
  gtk_widget_class_bind_template_child (widget_class, IccProblemsDialog, problems_list);
  gtk_widget_class_bind_template_child (widget_class, IccProblemsDialog, close_button);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
icc_problems_dialog_init (IccProblemsDialog *self)
{
  self->text = g_string_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), self->close_button);
  /* Not the first selectable label, which would show all selected. */
  gtk_window_set_focus (GTK_WINDOW (self), self->close_button);
}

GtkWidget *
icc_problems_dialog_new (GtkWindow    *parent,
                         GFile        *file,
                         GPtrArray    *problems,
                         const GError *error)
{
  IccProblemsDialog *self;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  guint n_errors = 0;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (ICC_TYPE_PROBLEMS_DIALOG,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);

  name = g_file_get_parse_name (file);
  /* TRANSLATORS: %s is a file name. */
  heading = g_strdup_printf (_("“%s” could not be opened"), name);
  gtk_label_set_text (self->heading_label, heading);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const IccProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *where = NULL;

      if (problem->line > 0)
        /* TRANSLATORS: where a problem is in a file. */
        where = g_strdup_printf (_("Line %d, column %d"), problem->line, problem->column);
      else if (problem->path != NULL && problem->id != NULL)
        /* TRANSLATORS: where a problem is: a JSON path ("events[307].date")
         * and the id of the event (article, state…) it is in. */
        where = g_strdup_printf (_("%s (%s)"), problem->path, problem->id);
      else if (problem->path != NULL)
        where = g_strdup (problem->path);

      add_row (self, problem->severity == ICC_PROBLEM_ERROR, where, problem->message);
      if (problem->severity == ICC_PROBLEM_ERROR)
        n_errors++;
    }

  /* An I/O error, or problems that somehow held no error: say why anyway. */
  if (n_errors == 0 && error != NULL)
    add_row (self, TRUE, NULL, error->message);

  return GTK_WIDGET (self);
}

/**
 * icc_problems_dialog_set_kept:
 * @title: the title of the dataset the window still shows
 * @bundled: whether it is the bundled dataset
 *
 * Says which dataset the window kept, so that it is not taken for the
 * file that failed (issue 13: a broken file given on the command line left
 * the bundled dataset behind the dialog, as if it were that file).
 */
void
icc_problems_dialog_set_kept (IccProblemsDialog *self,
                              const char        *title,
                              gboolean           bundled)
{
  g_autofree char *text = NULL;

  g_return_if_fail (ICC_IS_PROBLEMS_DIALOG (self));

  if (title == NULL)
    text = g_strdup (_("The window shows no dataset. Fix these problems in the file and open it again."));
  else if (bundled)
    /* TRANSLATORS: %s is the title of the dataset that comes with the application. */
    text = g_strdup_printf (_("The window shows the bundled dataset, “%s”, instead. "
                              "Fix these problems in the file and open it again."), title);
  else
    /* TRANSLATORS: %s is the title of the dataset the window had open. */
    text = g_strdup_printf (_("The window keeps the dataset it had, “%s”. "
                              "Fix these problems in the file and open it again."), title);

  gtk_label_set_text (self->kept_label, text);
}

guint
icc_problems_dialog_get_n_problems (IccProblemsDialog *self)
{
  g_return_val_if_fail (ICC_IS_PROBLEMS_DIALOG (self), 0);

  return self->n_problems;
}

char *
icc_problems_dialog_get_text (IccProblemsDialog *self)
{
  g_return_val_if_fail (ICC_IS_PROBLEMS_DIALOG (self), NULL);

  return g_strdup (self->text->str);
}
