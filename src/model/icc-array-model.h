/* icc-array-model.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ICC_TYPE_ARRAY_MODEL (icc_array_model_get_type ())

G_DECLARE_FINAL_TYPE (IccArrayModel, icc_array_model, ICC, ARRAY_MODEL, GObject)

/* A GListModel over an array of objects: what GListStore does, with O(1)
 * access, 8 bytes per item, and sorting in place (the dataset's 100,000
 * events are appended in file order, then sorted once). */
IccArrayModel  *icc_array_model_new       (GType          item_type);
void            icc_array_model_append    (IccArrayModel *self,
                                           gpointer       item);
/* Sorts the items with @compare (which receives pointers to the items, as
 * for g_ptr_array_sort()); stable. Emits items-changed over the whole list
 * if the order changed. Returns whether it changed. */
gboolean        icc_array_model_sort      (IccArrayModel *self,
                                           GCompareFunc   compare);
/* Inserts @item at @position (at most the number of items). */
void            icc_array_model_insert    (IccArrayModel *self,
                                           guint          position,
                                           gpointer       item);
void            icc_array_model_remove    (IccArrayModel *self,
                                           guint          position);
/* Emits items-changed for one item whose contents changed. */
void            icc_array_model_item_changed (IccArrayModel *self,
                                              guint          position);
/* The position of @item, or -1 (a linear search). */
int             icc_array_model_find      (IccArrayModel *self,
                                           gpointer       item);
/* The items, in order (transfer none; valid until the model changes). */
gpointer const *icc_array_model_get_items (IccArrayModel *self,
                                           guint         *n_items);

G_END_DECLS
