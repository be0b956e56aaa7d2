/* icc-history.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "icc-history.h"

struct _IccHistory
{
  GObject     parent_instance;

  IccDataset *dataset;
  GPtrArray  *undo;         /* IccEdit, oldest first */
  GPtrArray  *redo;         /* IccEdit, next to redo last */
  /* The depth of the undo stack that matches the file, or G_MAXUINT when
   * no depth does (the saved state was undone and then replaced). */
  guint       saved_depth;
  /* Errors of the dataset's last indexing, -1 before the first edit. */
  int         n_errors;
};

G_DEFINE_FINAL_TYPE (IccHistory, icc_history, G_TYPE_OBJECT)

G_DEFINE_QUARK (icc-history-error-quark, icc_history_error)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
icc_history_finalize (GObject *object)
{
  IccHistory *self = (IccHistory *)object;

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (icc_history_parent_class)->finalize (object);
}

static void
icc_history_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  IccHistory *self = ICC_HISTORY (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, icc_history_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, icc_history_can_redo (self));
      break;

    case PROP_UNDO_LABEL:
      g_value_set_string (value, icc_history_get_undo_label (self));
      break;

    case PROP_REDO_LABEL:
      g_value_set_string (value, icc_history_get_redo_label (self));
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, icc_history_get_modified (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_history_class_init (IccHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = icc_history_finalize;
  object_class->get_property = icc_history_get_property;

  properties [PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, ICC_TYPE_DATASET,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, ICC_TYPE_EDIT, G_TYPE_BOOLEAN);
}

static void
icc_history_init (IccHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func (g_object_unref);
  self->redo = g_ptr_array_new_with_free_func (g_object_unref);
  self->n_errors = -1;
}

IccHistory *
icc_history_new (IccDataset *dataset)
{
  IccHistory *self;

  g_return_val_if_fail (ICC_IS_DATASET (dataset), NULL);

  self = g_object_new (ICC_TYPE_HISTORY, NULL);
  self->dataset = g_object_ref (dataset);

  return self;
}

IccDataset *
icc_history_get_dataset (IccHistory *self)
{
  g_return_val_if_fail (ICC_IS_HISTORY (self), NULL);
  return self->dataset;
}

typedef struct
{
  int   n_errors;
  char *first;
} Errors;

static void
collect_error (IccEvent    *event,
               IccCitation *citation,
               gboolean     is_error,
               const char  *message,
               gpointer     user_data)
{
  Errors *errors = user_data;

  if (!is_error)
    return;

  if (errors->first == NULL)
    errors->first = g_strdup_printf ("%s: %s", icc_event_get_id (event), message);
  errors->n_errors++;
}

/* Indexes the dataset; returns the number of errors and, in @first, the
 * first one's message. */
static int
index_dataset (IccHistory  *self,
               char       **first)
{
  Errors errors = { 0, NULL };

  icc_dataset_index (self->dataset, collect_error, &errors);

  if (first != NULL)
    *first = g_steal_pointer (&errors.first);
  g_free (errors.first);

  return errors.n_errors;
}

/* Notifies what depends on the stacks, before ::changed. */
static void
stacks_changed (IccHistory *self,
                gboolean    was_modified)
{
  GObject *object = G_OBJECT (self);

  g_object_freeze_notify (object);
  g_object_notify_by_pspec (object, properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (object, properties[PROP_CAN_REDO]);
  g_object_notify_by_pspec (object, properties[PROP_UNDO_LABEL]);
  g_object_notify_by_pspec (object, properties[PROP_REDO_LABEL]);
  if (was_modified != icc_history_get_modified (self))
    g_object_notify_by_pspec (object, properties[PROP_MODIFIED]);
  g_object_thaw_notify (object);
}

gboolean
icc_history_perform (IccHistory  *self,
                     IccEdit     *edit,
                     GError     **error)
{
  g_autofree char *first = NULL;
  gboolean was_modified;
  int n_errors;

  g_return_val_if_fail (ICC_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (ICC_IS_EDIT (edit), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* What the dataset had before: an edit may not add errors. */
  if (self->n_errors < 0)
    self->n_errors = index_dataset (self, NULL);

  icc_edit_apply (edit, self->dataset);
  n_errors = index_dataset (self, &first);

  if (n_errors > self->n_errors)
    {
      icc_edit_revert (edit, self->dataset);
      self->n_errors = index_dataset (self, NULL);
      g_set_error (error, ICC_HISTORY_ERROR, ICC_HISTORY_ERROR_INVALID,
                   /* Translators: %s is what is wrong, e.g. "ru-2016: a
                    * “withdrawal_notice” event cannot happen to RU…". */
                   _("The change was not made, because %s"), first);
      return FALSE;
    }

  self->n_errors = n_errors;
  was_modified = icc_history_get_modified (self);

  /* A saved state among the edits undone can no longer be reached. */
  if (self->saved_depth != G_MAXUINT && self->saved_depth > self->undo->len)
    self->saved_depth = G_MAXUINT;
  g_ptr_array_set_size (self->redo, 0);
  g_ptr_array_add (self->undo, g_object_ref (edit));

  stacks_changed (self, was_modified);
  g_signal_emit (self, signals[CHANGED], 0, edit, FALSE);

  return TRUE;
}

gboolean
icc_history_can_undo (IccHistory *self)
{
  g_return_val_if_fail (ICC_IS_HISTORY (self), FALSE);
  return self->undo->len > 0;
}

gboolean
icc_history_can_redo (IccHistory *self)
{
  g_return_val_if_fail (ICC_IS_HISTORY (self), FALSE);
  return self->redo->len > 0;
}

IccEdit *
icc_history_undo (IccHistory *self)
{
  g_autoptr(IccEdit) edit = NULL;
  gboolean was_modified;

  g_return_val_if_fail (ICC_IS_HISTORY (self), NULL);

  if (self->undo->len == 0)
    return NULL;

  was_modified = icc_history_get_modified (self);
  edit = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  icc_edit_revert (edit, self->dataset);
  self->n_errors = index_dataset (self, NULL);
  g_ptr_array_add (self->redo, g_object_ref (edit));

  stacks_changed (self, was_modified);
  g_signal_emit (self, signals[CHANGED], 0, edit, TRUE);

  /* The redo stack holds it. */
  return edit;
}

IccEdit *
icc_history_redo (IccHistory *self)
{
  g_autoptr(IccEdit) edit = NULL;
  gboolean was_modified;

  g_return_val_if_fail (ICC_IS_HISTORY (self), NULL);

  if (self->redo->len == 0)
    return NULL;

  was_modified = icc_history_get_modified (self);
  edit = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  icc_edit_apply (edit, self->dataset);
  self->n_errors = index_dataset (self, NULL);
  g_ptr_array_add (self->undo, g_object_ref (edit));

  stacks_changed (self, was_modified);
  g_signal_emit (self, signals[CHANGED], 0, edit, FALSE);

  return edit;
}

const char *
icc_history_get_undo_label (IccHistory *self)
{
  g_return_val_if_fail (ICC_IS_HISTORY (self), NULL);

  if (self->undo->len == 0)
    return NULL;

  return icc_edit_get_label (g_ptr_array_index (self->undo, self->undo->len - 1));
}

const char *
icc_history_get_redo_label (IccHistory *self)
{
  g_return_val_if_fail (ICC_IS_HISTORY (self), NULL);

  if (self->redo->len == 0)
    return NULL;

  return icc_edit_get_label (g_ptr_array_index (self->redo, self->redo->len - 1));
}

gboolean
icc_history_get_modified (IccHistory *self)
{
  g_return_val_if_fail (ICC_IS_HISTORY (self), FALSE);
  return self->saved_depth != self->undo->len;
}

void
icc_history_set_saved (IccHistory *self)
{
  gboolean was_modified;

  g_return_if_fail (ICC_IS_HISTORY (self));

  was_modified = icc_history_get_modified (self);
  self->saved_depth = self->undo->len;
  if (was_modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

void
icc_history_set_unsaved (IccHistory *self)
{
  gboolean was_modified;

  g_return_if_fail (ICC_IS_HISTORY (self));

  was_modified = icc_history_get_modified (self);
  self->saved_depth = G_MAXUINT;
  if (!was_modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}
