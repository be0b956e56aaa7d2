/* icc-event-editor.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "icc-ui-resources.h"

#include "icc-enum-util.h"
#include "icc-event-editor-private.h"

enum {
  CONFIRMED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (IccEventEditor, icc_event_editor, GTK_TYPE_WINDOW)

G_DEFINE_QUARK (icc-event-editor-error-quark, icc_event_editor_error)

/* Dates. */

/* Reads a date as typed (icc_date_parse_user()); on failure, @message says
 * why. */
static gboolean
parse_date (const char  *text,
            IccDate     *out,
            char       **message)
{
  g_autoptr(GError) error = NULL;

  if (icc_date_parse_user (text, out, &error))
    return TRUE;

  *message = g_strdup (error->message);
  return FALSE;
}

static void
set_caption (GtkLabel   *label,
             const char *text,
             gboolean    is_error)
{
  gtk_label_set_text (label, text);
  if (is_error)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (label), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
    }
}

/* Shows under each date field what was understood, or why nothing was. */
static void
update_date_captions (IccEventEditor *self)
{
  g_autofree char *message = NULL;
  g_autofree char *end_message = NULL;
  IccDate date, end_date;
  gboolean date_ok;

  date_ok = parse_date (gtk_editable_get_text (self->date_entry), &date, &message);
  if (!date_ok)
    set_caption (self->date_caption, message, TRUE);
  else if (!icc_date_is_set (&date))
    set_caption (self->date_caption,
                 _("A day, a month or a year: 2026-05-29, 2026-05 or 2026."), FALSE);
  else
    {
      g_autofree char *text = icc_date_format (&date);

      set_caption (self->date_caption, text, FALSE);
    }

  if (!parse_date (gtk_editable_get_text (self->end_date_entry), &end_date, &end_message))
    set_caption (self->end_date_caption, end_message, TRUE);
  else if (!icc_date_is_set (&end_date))
    set_caption (self->end_date_caption, _("For a period: its last day, month or year."), FALSE);
  else if (date_ok && icc_date_is_set (&date) &&
           icc_date_get_end_day (&end_date) < icc_date_get_day (&date))
    set_caption (self->end_date_caption, _("The end date is before the date."), TRUE);
  else
    {
      g_autofree char *text = icc_date_format (&end_date);

      set_caption (self->end_date_caption, text, FALSE);
    }
}

/* The draft. */

static char *
get_buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static const char *
empty_to_null (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

static char *
make_id (IccEventEditor *self,
         IccEventKind    kind,
         const IccDate  *date,
         const char     *title)
{
  g_autofree char *iso = NULL;
  g_autofree char *base = NULL;

  if (self->event != NULL)
    return g_strdup (icc_event_get_id (self->event));

  if (self->states->len == 0)
    return icc_dataset_make_unique_id (self->dataset, title);

  iso = icc_date_to_iso (date);
  base = g_strdup_printf ("%s-%s-%s", (const char *)g_ptr_array_index (self->states, 0),
                          icc_enum_to_nick (ICC_TYPE_EVENT_KIND, kind), iso);
  return icc_dataset_make_unique_id (self->dataset, base);
}

/* With @need_title FALSE, a draft without a title (to show its effect while
 * the title is still to be typed). */
static IccEvent *
build_draft (IccEventEditor  *self,
             gboolean         need_title,
             GError         **error)
{
  IccEventKind kind = gtk_drop_down_get_selected (self->kind_dropdown);
  g_autofree char *message = NULL;
  g_autofree char *title = NULL;
  g_autofree char *id = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *sources_text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GPtrArray) states = NULL;
  IccDate date, end_date;
  IccEvent *draft;

  if (!parse_date (gtk_editable_get_text (self->date_entry), &date, &message))
    {
      /* Translators: %s says what is wrong with the date typed. */
      g_set_error (error, ICC_EVENT_EDITOR_ERROR, ICC_EVENT_EDITOR_ERROR_INVALID,
                   _("Date: %s"), message);
      return NULL;
    }
  if (!icc_date_is_set (&date))
    {
      g_set_error_literal (error, ICC_EVENT_EDITOR_ERROR, ICC_EVENT_EDITOR_ERROR_INVALID,
                           _("Type the date of the event."));
      return NULL;
    }
  if (!parse_date (gtk_editable_get_text (self->end_date_entry), &end_date, &message))
    {
      /* Translators: %s says what is wrong with the end date typed. */
      g_set_error (error, ICC_EVENT_EDITOR_ERROR, ICC_EVENT_EDITOR_ERROR_INVALID,
                   _("End date: %s"), message);
      return NULL;
    }
  if (icc_date_is_set (&end_date) && icc_date_get_end_day (&end_date) < icc_date_get_day (&date))
    {
      g_set_error_literal (error, ICC_EVENT_EDITOR_ERROR, ICC_EVENT_EDITOR_ERROR_INVALID,
                           _("The end date is before the date."));
      return NULL;
    }
  if (icc_event_kind_is_membership (kind) && self->states->len == 0)
    {
      /* Translators: %s is a kind of event, as "Ratification". */
      g_set_error (error, ICC_EVENT_EDITOR_ERROR, ICC_EVENT_EDITOR_ERROR_INVALID,
                   _("Choose the state of this “%s”."), icc_event_kind_get_label (kind));
      return NULL;
    }

  title = g_strstrip (g_strdup (gtk_editable_get_text (self->title_entry)));
  if (*title == '\0' && need_title)
    {
      g_set_error_literal (error, ICC_EVENT_EDITOR_ERROR, ICC_EVENT_EDITOR_ERROR_INVALID,
                           _("Give the event a title."));
      return NULL;
    }

  id = make_id (self, kind, &date, title);
  draft = icc_event_new (id, kind, &date);
  icc_event_set_end_date (draft, &end_date);
  icc_event_set_title (draft, title);

  summary = get_buffer_text (self->summary_view);
  icc_event_set_summary (draft, empty_to_null (summary));

  states = g_ptr_array_new ();
  for (guint i = 0; i < self->states->len; i++)
    g_ptr_array_add (states, g_ptr_array_index (self->states, i));
  g_ptr_array_add (states, NULL);
  icc_event_set_states (draft, (const char * const *)states->pdata);

  sources_text = get_buffer_text (self->sources_view);
  lines = g_strsplit (sources_text, "\n", -1);
  sources = g_ptr_array_new ();
  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      g_ptr_array_add (sources, lines[i]);
  g_ptr_array_add (sources, NULL);
  icc_event_set_sources (draft, (const char * const *)sources->pdata);

  icc_event_set_certainty (draft, gtk_drop_down_get_selected (self->certainty_dropdown));
  icc_event_set_certainty_note (draft,
                                empty_to_null (gtk_editable_get_text (self->certainty_note_entry)));

  return draft;
}

/* The effect area and the confirm button. */

static void
add_effect_line (IccEventEditor *self,
                 const char     *text,
                 const char     *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (self->effect_box, label);
}

static void
add_effect (IccEventEditor        *self,
            IccEvent              *draft,
            const IccStatusEffect *effect)
{
  g_autofree char *day = NULL;
  g_autofree char *line = NULL;
  IccDate date;

  /* The draft's own date keeps the precision typed ("from May 2026"). */
  if (effect->day == icc_event_get_day (draft))
    date = *icc_event_get_date (draft);
  else
    icc_date_init_from_day (&date, effect->day);
  day = icc_date_format (&date);

  /* Translators: what an event does to a state's status, as in "Hungary:
   * State Party → Withdrawing from 2 June 2025". */
  line = g_strdup_printf (_("%1$s: %2$s → %3$s from %4$s"),
                          icc_state_get_display_name (effect->state),
                          icc_status_get_label (effect->before),
                          icc_status_get_label (effect->after),
                          day);
  add_effect_line (self, line, NULL);
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_widget_unparent (child);
}

void
_icc_event_editor_update (IccEventEditor *self)
{
  g_autoptr(IccEvent) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) effects = NULL;
  IccEventKind kind;
  gboolean membership;
  gboolean valid = FALSE;

  if (self->filling)
    return;

  /* A message about the previous confirmation no longer applies. */
  gtk_widget_set_visible (self->error_box, FALSE);

  update_date_captions (self);

  kind = gtk_drop_down_get_selected (self->kind_dropdown);
  membership = icc_event_kind_is_membership (kind);
  clear_box (GTK_WIDGET (self->effect_box));

  draft = build_draft (self, FALSE, &error);
  if (draft == NULL)
    {
      if (membership)
        add_effect_line (self, _("Shown once the date and the states are set."), "dim-label");
    }
  else if (!icc_dataset_check_event (self->dataset, draft, self->event, &effects, &error))
    {
      add_effect_line (self, error->message, "error");
    }
  else
    {
      for (guint i = 0; membership && i < effects->len; i++)
        add_effect (self, draft, &g_array_index (effects, IccStatusEffect, i));

      valid = g_strcmp0 (icc_event_get_title (draft), "") != 0;
      if (!valid)
        g_set_error_literal (&error, ICC_EVENT_EDITOR_ERROR, ICC_EVENT_EDITOR_ERROR_INVALID,
                             _("Give the event a title."));
    }

  if ((draft == NULL && !membership) ||
      (effects != NULL && (!membership || effects->len == 0)))
    add_effect_line (self, _("Does not change any state’s status."), "dim-label");

  gtk_label_set_text (self->reason_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->reason_label), error != NULL);
  gtk_widget_set_visible (self->reason_separator, error != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.confirm", valid);
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  IccEventEditor *self = ICC_EVENT_EDITOR (widget);
  g_autoptr(IccEvent) draft = build_draft (self, TRUE, NULL);

  if (draft == NULL || !icc_dataset_check_event (self->dataset, draft, self->event, NULL, NULL))
    {
      gtk_widget_error_bell (widget);
      return;
    }

  g_signal_emit (self, signals[CONFIRMED], 0, draft);
}

/* Ctrl+Enter confirms from any field, a text view included. */
static gboolean
confirm_shortcut_cb (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   user_data)
{
  confirm_action (widget, "editor.confirm", NULL);
  return TRUE;
}

/* Filling the form. */

static void
set_buffer_text (GtkTextView *view,
                 const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

static void
set_date_text (GtkEditable   *entry,
               const IccDate *date)
{
  g_autofree char *iso = icc_date_is_set (date) ? icc_date_to_iso (date) : g_strdup ("");

  gtk_editable_set_text (entry, iso);
}

static void
fill (IccEventEditor *self,
      IccEvent       *source)
{
  const char * const *codes = icc_event_get_states (source);
  const char * const *sources = icc_event_get_sources (source);
  g_autofree char *sources_text = g_strjoinv ("\n", (char **)sources);

  self->filling = TRUE;

  gtk_drop_down_set_selected (self->kind_dropdown, icc_event_get_kind (source));
  set_date_text (self->date_entry, icc_event_get_date (source));
  set_date_text (self->end_date_entry, icc_event_get_end_date (source));
  for (guint i = 0; codes[i] != NULL; i++)
    if (!_icc_event_editor_is_chosen (self, codes[i]))
      g_ptr_array_add (self->states, g_strdup (codes[i]));
  gtk_editable_set_text (self->title_entry,
                         icc_event_get_title (source) != NULL ? icc_event_get_title (source) : "");
  set_buffer_text (self->summary_view, icc_event_get_summary (source));
  gtk_drop_down_set_selected (self->certainty_dropdown, icc_event_get_certainty (source));
  gtk_editable_set_text (self->certainty_note_entry,
                         icc_event_get_certainty_note (source) != NULL
                         ? icc_event_get_certainty_note (source) : "");
  set_buffer_text (self->sources_view, sources_text);

  self->filling = FALSE;

  _icc_event_editor_rebuild_chips (self);
}

/* GObject. */

static void
icc_event_editor_dispose (GObject *object)
{
  IccEventEditor *self = (IccEventEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ICC_TYPE_EVENT_EDITOR);

  g_clear_object (&self->matches);
  g_clear_object (&self->dataset);
  g_clear_object (&self->event);

  G_OBJECT_CLASS (icc_event_editor_parent_class)->dispose (object);
}

static void
icc_event_editor_finalize (GObject *object)
{
  IccEventEditor *self = (IccEventEditor *)object;

  g_ptr_array_unref (self->states);
  g_free (self->search_text);

  G_OBJECT_CLASS (icc_event_editor_parent_class)->finalize (object);
}

static void
icc_event_editor_class_init (IccEventEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icc_event_editor_dispose;
  object_class->finalize = icc_event_editor_finalize;

  /**
   * IccEventEditor::confirmed:
   * @draft: the event as the fields describe it (icc_event_editor_get_draft())
   *
   * The user confirmed a draft the dataset accepts. The dialog stays open.
   */
  signals[CONFIRMED] = g_signal_new ("confirmed",
                                     G_TYPE_FROM_CLASS (klass),
                                     G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL,
                                     G_TYPE_NONE, 1, ICC_TYPE_EVENT);

  /* The resources live in a static library: referencing them links their
   * object file in, whose constructor registers them. */
  (void)icc_ui_resources_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/IccTracker/ui/icc-event-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, IccEventEditor, error_box);
  gtk_widget_class_bind_template_child (widget_class, IccEventEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, IccEventEditor, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IccEventEditor, date_entry);
  gtk_widget_class_bind_template_child (widget_class, IccEventEditor, date_caption);
  gtk_widget_class_bind_template_child (widget_class, IccEventEditor, end_date_entry);
  gtk_widget_class_bind_template_child (widget_class, IccEventEditor, end_date_caption);
  gtk_widget_class_bind_template_child (widget_class, IccEventEditor, state_chips);
  gtk_widget_class_bind_template_child (widget_class, IccEventEditor, state_search);
  gtk_widget_class_bind_template_child (widget_class, IccEventEditor, state_results_window);
  gtk_widget_class_bind_template_child (widget_class, IccEventEditor, state_results);
  gtk_widget_class_bind_template_child (widget_class, IccEventEditor, effect_box);
  gtk_widget_class_bind_template_child (widget_class, IccEventEditor, title_entry);
  gtk_widget_class_bind_template_child (widget_class, IccEventEditor, summary_view);
  gtk_widget_class_bind_template_child (widget_class, IccEventEditor, certainty_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IccEventEditor, certainty_note_entry);
  gtk_widget_class_bind_template_child (widget_class, IccEventEditor, sources_view);
  gtk_widget_class_bind_template_child (widget_class, IccEventEditor, reason_separator);
  gtk_widget_class_bind_template_child (widget_class, IccEventEditor, reason_label);
  gtk_widget_class_bind_template_child (widget_class, IccEventEditor, confirm_button);

  gtk_widget_class_install_action (widget_class, "editor.confirm", NULL, confirm_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
icc_event_editor_init (IccEventEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) certainties = gtk_string_list_new (NULL);
  GtkEventController *controller;
  GtkShortcut *shortcut;

  self->states = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The positions in the drop-downs are the enums' values. */
  for (guint i = 0; i < ICC_N_EVENT_KINDS; i++)
    gtk_string_list_append (kinds, icc_event_kind_get_label (i));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  for (guint i = 0; i <= ICC_CERTAINTY_UNVERIFIED; i++)
    gtk_string_list_append (certainties, icc_certainty_get_label (i));
  gtk_drop_down_set_model (self->certainty_dropdown, G_LIST_MODEL (certainties));

  g_signal_connect_swapped (self->kind_dropdown, "notify::selected",
                            G_CALLBACK (_icc_event_editor_update), self);
  g_signal_connect_swapped (self->certainty_dropdown, "notify::selected",
                            G_CALLBACK (_icc_event_editor_update), self);
  g_signal_connect_swapped (self->date_entry, "changed",
                            G_CALLBACK (_icc_event_editor_update), self);
  g_signal_connect_swapped (self->end_date_entry, "changed",
                            G_CALLBACK (_icc_event_editor_update), self);
  g_signal_connect_swapped (self->title_entry, "changed",
                            G_CALLBACK (_icc_event_editor_update), self);
  g_signal_connect_swapped (self->certainty_note_entry, "changed",
                            G_CALLBACK (_icc_event_editor_update), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->summary_view), "changed",
                            G_CALLBACK (_icc_event_editor_update), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->sources_view), "changed",
                            G_CALLBACK (_icc_event_editor_update), self);

  _icc_event_editor_init_states (self);

  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_name (controller, "icc-event-editor-shortcuts");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  shortcut = gtk_shortcut_new (gtk_alternative_trigger_new (
                                 gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                 gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK)),
                               gtk_callback_action_new (confirm_shortcut_cb, NULL, NULL));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

GtkWidget *
icc_event_editor_new (GtkWindow  *parent,
                      IccDataset *dataset,
                      IccEvent   *event,
                      IccEvent   *prefill)
{
  IccEventEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ICC_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (event == NULL || ICC_IS_EVENT (event), NULL);
  g_return_val_if_fail (prefill == NULL || ICC_IS_EVENT (prefill), NULL);

  self = g_object_new (ICC_TYPE_EVENT_EDITOR,
                       "transient-for", parent,
                       "title", event != NULL ? _("Edit Event") : _("New Event"),
                       NULL);
  self->dataset = g_object_ref (dataset);
  g_set_object (&self->event, event);

  gtk_button_set_label (GTK_BUTTON (self->confirm_button),
                        event != NULL ? _("Sa_ve") : _("_Add Event"));

  _icc_event_editor_bind_states (self, dataset);

  if (event != NULL)
    fill (self, event);
  else if (prefill != NULL)
    fill (self, prefill);

  _icc_event_editor_update (self);

  return GTK_WIDGET (self);
}

IccEvent *
icc_event_editor_get_event (IccEventEditor *self)
{
  g_return_val_if_fail (ICC_IS_EVENT_EDITOR (self), NULL);

  return self->event;
}

IccEvent *
icc_event_editor_get_draft (IccEventEditor  *self,
                            GError         **error)
{
  g_return_val_if_fail (ICC_IS_EVENT_EDITOR (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return build_draft (self, TRUE, error);
}

void
icc_event_editor_show_error (IccEventEditor *self,
                             const char     *message)
{
  g_return_if_fail (ICC_IS_EVENT_EDITOR (self));

  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->error_box, message != NULL && *message != '\0');
}
