/* icc-array-model.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "icc-array-model.h"

struct _IccArrayModel
{
  GObject    parent_instance;

  GType      item_type;
  GPtrArray *items;
};

static GType
icc_array_model_get_item_type (GListModel *model)
{
  return ICC_ARRAY_MODEL (model)->item_type;
}

static guint
icc_array_model_get_n_items (GListModel *model)
{
  return ICC_ARRAY_MODEL (model)->items->len;
}

static gpointer
icc_array_model_get_item (GListModel *model,
                          guint       position)
{
  IccArrayModel *self = ICC_ARRAY_MODEL (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = icc_array_model_get_item_type;
  iface->get_n_items = icc_array_model_get_n_items;
  iface->get_item = icc_array_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (IccArrayModel, icc_array_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* GListModel::items-changed */
static guint items_changed_signal;

/* Every change goes through here. Nothing listens while the loader appends
 * a file's 100,000 events, and emitting to nobody costs ten times this
 * check. */
static void
items_changed (IccArrayModel *self,
               guint          position,
               guint          removed,
               guint          added)
{
  if (g_signal_has_handler_pending (self, items_changed_signal, 0, TRUE))
    g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
icc_array_model_finalize (GObject *object)
{
  IccArrayModel *self = (IccArrayModel *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (icc_array_model_parent_class)->finalize (object);
}

static void
icc_array_model_class_init (IccArrayModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = icc_array_model_finalize;

  items_changed_signal = g_signal_lookup ("items-changed", G_TYPE_LIST_MODEL);
}

static void
icc_array_model_init (IccArrayModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

IccArrayModel *
icc_array_model_new (GType item_type)
{
  IccArrayModel *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);

  self = g_object_new (ICC_TYPE_ARRAY_MODEL, NULL);
  self->item_type = item_type;

  return self;
}

void
icc_array_model_append (IccArrayModel *self,
                        gpointer       item)
{
  g_return_if_fail (ICC_IS_ARRAY_MODEL (self));
  g_return_if_fail (g_type_is_a (G_OBJECT_TYPE (item), self->item_type));

  g_ptr_array_add (self->items, g_object_ref (item));
  items_changed (self, self->items->len - 1, 0, 1);
}

void
icc_array_model_insert (IccArrayModel *self,
                        guint          position,
                        gpointer       item)
{
  g_return_if_fail (ICC_IS_ARRAY_MODEL (self));
  g_return_if_fail (g_type_is_a (G_OBJECT_TYPE (item), self->item_type));
  g_return_if_fail (position <= self->items->len);

  g_ptr_array_insert (self->items, position, g_object_ref (item));
  items_changed (self, position, 0, 1);
}

void
icc_array_model_remove (IccArrayModel *self,
                        guint          position)
{
  g_return_if_fail (ICC_IS_ARRAY_MODEL (self));
  g_return_if_fail (position < self->items->len);

  /* The array's free function drops the reference after the removal. */
  g_ptr_array_remove_index (self->items, position);
  items_changed (self, position, 1, 0);
}

void
icc_array_model_item_changed (IccArrayModel *self,
                              guint          position)
{
  g_return_if_fail (ICC_IS_ARRAY_MODEL (self));
  g_return_if_fail (position < self->items->len);

  items_changed (self, position, 1, 1);
}

int
icc_array_model_find (IccArrayModel *self,
                      gpointer       item)
{
  guint position;

  g_return_val_if_fail (ICC_IS_ARRAY_MODEL (self), -1);

  if (!g_ptr_array_find (self->items, item, &position))
    return -1;

  return (int)position;
}

gboolean
icc_array_model_sort (IccArrayModel *self,
                      GCompareFunc   compare)
{
  gboolean sorted = TRUE;
  guint n;

  g_return_val_if_fail (ICC_IS_ARRAY_MODEL (self), FALSE);
  g_return_val_if_fail (compare != NULL, FALSE);

  n = self->items->len;
  for (guint i = 1; i < n && sorted; i++)
    sorted = compare (&self->items->pdata[i - 1], &self->items->pdata[i]) <= 0;

  if (sorted)
    return FALSE;

  /* g_ptr_array_sort() is a stable merge sort. */
  g_ptr_array_sort (self->items, compare);
  items_changed (self, 0, n, n);

  return TRUE;
}

gpointer const *
icc_array_model_get_items (IccArrayModel *self,
                           guint         *n_items)
{
  g_return_val_if_fail (ICC_IS_ARRAY_MODEL (self), NULL);

  if (n_items != NULL)
    *n_items = self->items->len;

  return (gpointer const *)self->items->pdata;
}
