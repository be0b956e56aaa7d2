/* icc-world.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "icc-enum-util.h"
#include "icc-world.h"

struct _IccWorld
{
  GObject     parent_instance;

  IccDataset *dataset;
  GPtrArray  *rows;
  IccDate     date;
  guint       counts[ICC_N_STATUSES];
  /* Rows of each status whose status rests on an unverified event. */
  guint       unverified[ICC_N_STATUSES];
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (IccWorld, icc_world, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_DATASET,
  PROP_DATE,
  PROP_COUNTS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static GType
icc_world_get_item_type (GListModel *model)
{
  return ICC_TYPE_WORLD_ROW;
}

static guint
icc_world_get_n_items (GListModel *model)
{
  return ICC_WORLD (model)->rows->len;
}

static gpointer
icc_world_get_item (GListModel *model,
                    guint       position)
{
  IccWorld *self = ICC_WORLD (model);

  if (position >= self->rows->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->rows, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = icc_world_get_item_type;
  iface->get_n_items = icc_world_get_n_items;
  iface->get_item = icc_world_get_item;
}

/* Recomputes every row for the current date. Consecutive changed rows are
 * announced as one items-changed; unchanged rows are not announced. */
static void
update_rows (IccWorld *self,
             gboolean  notify)
{
  gint32 day = icc_date_get_day (&self->date);
  guint run_start = 0, run_len = 0;

  memset (self->counts, 0, sizeof self->counts);
  memset (self->unverified, 0, sizeof self->unverified);

  for (guint i = 0; i < self->rows->len; i++)
    {
      IccWorldRow *row = g_ptr_array_index (self->rows, i);
      IccEvent *since = NULL;
      IccStatus status;
      gboolean changed;

      status = icc_dataset_status_at_day (self->dataset, icc_world_row_get_state (row),
                                          day, &since);
      changed = icc_world_row_get_status (row) != status;
      icc_world_row_update (row, status, since);
      self->counts[status]++;
      if (icc_world_row_get_certainty (row) == ICC_CERTAINTY_UNVERIFIED)
        self->unverified[status]++;

      if (!notify)
        continue;

      if (changed)
        {
          if (run_len == 0)
            run_start = i;
          run_len++;
        }
      else if (run_len > 0)
        {
          g_list_model_items_changed (G_LIST_MODEL (self), run_start, run_len, run_len);
          run_len = 0;
        }
    }

  if (notify && run_len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), run_start, run_len, run_len);
}

static void
rebuild (IccWorld *self)
{
  GListModel *states = icc_dataset_get_states (self->dataset);
  guint old_len = self->rows->len;
  guint n = g_list_model_get_n_items (states);

  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IccState) state = g_list_model_get_item (states, i);
      g_ptr_array_add (self->rows, icc_world_row_new (state));
    }

  update_rows (self, FALSE);

  if (old_len > 0 || n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, n);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTS]);
}

static void
dataset_indexed_cb (IccWorld   *self,
                    IccDataset *dataset)
{
  rebuild (self);
}

static void
icc_world_constructed (GObject *object)
{
  IccWorld *self = (IccWorld *)object;

  G_OBJECT_CLASS (icc_world_parent_class)->constructed (object);

  g_signal_connect_object (self->dataset, "indexed",
                           G_CALLBACK (dataset_indexed_cb), self,
                           G_CONNECT_SWAPPED);
  rebuild (self);
}

static void
icc_world_finalize (GObject *object)
{
  IccWorld *self = (IccWorld *)object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (icc_world_parent_class)->finalize (object);
}

static void
icc_world_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  IccWorld *self = ICC_WORLD (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;

    case PROP_DATE:
      g_value_set_boxed (value, &self->date);
      break;

    case PROP_COUNTS:
      g_value_take_string (value, icc_world_format_counts (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_world_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  IccWorld *self = ICC_WORLD (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      self->dataset = g_value_dup_object (value);
      break;

    case PROP_DATE:
      icc_world_set_date (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_world_class_init (IccWorldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = icc_world_constructed;
  object_class->finalize = icc_world_finalize;
  object_class->get_property = icc_world_get_property;
  object_class->set_property = icc_world_set_property;

  properties [PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, ICC_TYPE_DATASET,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL, ICC_TYPE_DATE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* The translated counts line, for binding to a label. */
  properties [PROP_COUNTS] =
    g_param_spec_string ("counts", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
icc_world_init (IccWorld *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  icc_date_init_today (&self->date);
}

IccWorld *
icc_world_new (IccDataset *dataset)
{
  g_return_val_if_fail (ICC_IS_DATASET (dataset), NULL);

  return g_object_new (ICC_TYPE_WORLD, "dataset", dataset, NULL);
}

IccDataset *
icc_world_get_dataset (IccWorld *self)
{
  g_return_val_if_fail (ICC_IS_WORLD (self), NULL);
  return self->dataset;
}

const IccDate *
icc_world_get_date (IccWorld *self)
{
  g_return_val_if_fail (ICC_IS_WORLD (self), NULL);
  return &self->date;
}

void
icc_world_set_date (IccWorld      *self,
                    const IccDate *date)
{
  guint old_counts[ICC_N_STATUSES];
  guint old_unverified[ICC_N_STATUSES];

  g_return_if_fail (ICC_IS_WORLD (self));

  if (!icc_date_is_set (date) || icc_date_equal (&self->date, date))
    return;

  memcpy (old_counts, self->counts, sizeof old_counts);
  memcpy (old_unverified, self->unverified, sizeof old_unverified);

  self->date = *date;
  update_rows (self, TRUE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
  if (memcmp (old_counts, self->counts, sizeof old_counts) != 0 ||
      memcmp (old_unverified, self->unverified, sizeof old_unverified) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTS]);
}

guint
icc_world_get_count (IccWorld  *self,
                     IccStatus  status)
{
  g_return_val_if_fail (ICC_IS_WORLD (self), 0);
  g_return_val_if_fail (status < ICC_N_STATUSES, 0);

  return self->counts[status];
}

guint
icc_world_get_unverified_count (IccWorld  *self,
                                IccStatus  status)
{
  g_return_val_if_fail (ICC_IS_WORLD (self), 0);
  g_return_val_if_fail (status < ICC_N_STATUSES, 0);

  return self->unverified[status];
}

guint
icc_world_get_states_parties (IccWorld *self)
{
  g_return_val_if_fail (ICC_IS_WORLD (self), 0);

  return self->counts[ICC_STATUS_PARTY] + self->counts[ICC_STATUS_WITHDRAWING];
}

/* ", 1 unverified" after a count, when some of its rows are. */
static void
append_unverified (GString *str,
                   guint    n)
{
  if (n == 0)
    return;
  /* Translators: follows a count in the counts line ("124 States Parties, 1
   * unverified"): how many of those states have that status only by an
   * unverified event. */
  g_string_append_printf (str, g_dngettext (GETTEXT_PACKAGE, ", %u unverified", ", %u unverified",
                                            n), n);
}

char *
icc_world_format_counts (IccWorld *self)
{
  GString *str;
  guint parties, signatories, unsigned_, withdrawn, ratified;

  g_return_val_if_fail (ICC_IS_WORLD (self), NULL);

  parties = icc_world_get_states_parties (self);
  signatories = self->counts[ICC_STATUS_SIGNATORY];
  ratified = self->counts[ICC_STATUS_RATIFIED];
  withdrawn = self->counts[ICC_STATUS_WITHDRAWN];
  unsigned_ = self->counts[ICC_STATUS_UNSIGNED];

  str = g_string_new (NULL);
  g_string_append_printf (str, g_dngettext (GETTEXT_PACKAGE, "%u State Party", "%u States Parties",
                                            parties), parties);
  append_unverified (str, self->unverified[ICC_STATUS_PARTY] +
                          self->unverified[ICC_STATUS_WITHDRAWING]);
  if (self->counts[ICC_STATUS_WITHDRAWING] > 0)
    g_string_append_printf (str, g_dngettext (GETTEXT_PACKAGE, " (%u withdrawing)",
                                              " (%u withdrawing)",
                                              self->counts[ICC_STATUS_WITHDRAWING]),
                            self->counts[ICC_STATUS_WITHDRAWING]);
  if (ratified > 0)
    g_string_append_printf (str, g_dngettext (GETTEXT_PACKAGE, " · %u ratified, not yet in force",
                                              " · %u ratified, not yet in force", ratified),
                            ratified);
  if (ratified > 0)
    append_unverified (str, self->unverified[ICC_STATUS_RATIFIED]);
  g_string_append_printf (str, g_dngettext (GETTEXT_PACKAGE, " · %u signatory",
                                            " · %u signatories", signatories), signatories);
  append_unverified (str, self->unverified[ICC_STATUS_SIGNATORY]);
  if (unsigned_ > 0)
    g_string_append_printf (str, g_dngettext (GETTEXT_PACKAGE, " · %u signature withdrawn",
                                              " · %u signatures withdrawn", unsigned_),
                            unsigned_);
  if (unsigned_ > 0)
    append_unverified (str, self->unverified[ICC_STATUS_UNSIGNED]);
  if (withdrawn > 0)
    g_string_append_printf (str, g_dngettext (GETTEXT_PACKAGE, " · %u withdrawn",
                                              " · %u withdrawn", withdrawn), withdrawn);
  if (withdrawn > 0)
    append_unverified (str, self->unverified[ICC_STATUS_WITHDRAWN]);

  return g_string_free (str, FALSE);
}
