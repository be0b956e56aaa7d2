/* icc-state-list.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "icc-ui-resources.h"

#include "icc-after-frame.h"
#include "icc-enum-util.h"
#include "icc-list-tab.h"
#include "icc-state-list-private.h"
#include "icc-status-badge.h"


G_DEFINE_FINAL_TYPE (IccStateList, icc_state_list, GTK_TYPE_WIDGET)

/* Until its first frame is on screen the list shows only its first rows:
 * GTK 4.8 builds, binds and measures a widget for every row of a list under
 * 200 items (a state list has 162), and the first frame shows the top of the
 * list (it scrolls to the selected row once it has a size). 32 rows fill
 * the sidebar of a window maximized on a 1080-pixel screen; a taller one
 * shows the rest a frame later. */
#define FIRST_FRAME_ROWS 32

enum {
  PROP_0,
  PROP_WORLD,
  PROP_FOCUS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static gboolean
contains_casefolded (const char *haystack,
                     const char *needle)
{
  g_autofree char *normalized = NULL;
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;

  normalized = g_utf8_normalize (haystack, -1, G_NORMALIZE_ALL);
  folded = g_utf8_casefold (normalized, -1);

  return strstr (folded, needle) != NULL;
}

/* Names in the user's language and in English, the ISO code, and GLib's
 * word-prefix match that ignores accents ("cote" finds Côte d'Ivoire). */
gboolean
_icc_state_list_matches_search (IccStateList *self,
                                IccWorldRow  *row)
{
  IccState *state = icc_world_row_get_state (row);

  if (self->search == NULL)
    return TRUE;

  return contains_casefolded (icc_state_get_display_name (state), self->search) ||
         contains_casefolded (icc_state_get_name (state), self->search) ||
         contains_casefolded (icc_state_get_code (state), self->search) ||
         g_str_match_string (self->search, icc_state_get_display_name (state), TRUE);
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  IccState *sa = icc_world_row_get_state ((IccWorldRow *)a);
  IccState *sb = icc_world_row_get_state ((IccWorldRow *)b);
  g_autofree char *ka = g_utf8_collate_key (icc_state_get_display_name (sa), -1);
  g_autofree char *kb = g_utf8_collate_key (icc_state_get_display_name (sb), -1);

  return strcmp (ka, kb);
}

static int
compare_status (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  int sa = icc_world_row_get_status ((IccWorldRow *)a);
  int sb = icc_world_row_get_status ((IccWorldRow *)b);

  if (sa != sb)
    return sa < sb ? -1 : 1;

  return compare_names (a, b, user_data);
}

static int
compare_since (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const IccDate *da = icc_world_row_get_since ((IccWorldRow *)a);
  const IccDate *db = icc_world_row_get_since ((IccWorldRow *)b);
  gboolean set_a = da != NULL && icc_date_is_set (da);
  gboolean set_b = db != NULL && icc_date_is_set (db);
  int cmp;

  /* States without a date (never signed) come last. */
  if (set_a != set_b)
    return set_a ? -1 : 1;
  if (set_a && (cmp = icc_date_compare (da, db)) != 0)
    return cmp;

  return compare_names (a, b, user_data);
}

static void
since_label_update (GtkLabel    *label,
                    GParamSpec  *pspec,
                    IccWorldRow *row)
{
  const IccDate *since = icc_world_row_get_since (row);
  g_autofree char *text = NULL;

  if (since != NULL && icc_date_is_set (since))
    text = icc_date_to_iso (since);

  gtk_label_set_text (label, text != NULL ? text : "");
}

/* The rows' cells are built in C (GtkSignalListItemFactory) rather than by
 * GtkBuilderListItemFactory: GTK 4.8's list views build every row of a list
 * of under 200 items at once, and building a cell from XML with expression
 * bindings made the state list the most expensive part of the window's
 * first frame (about 190 ms of 640 under Xvfb). */

static void
name_label_update (GtkLabel *label,
                   IccState *state)
{
  gtk_label_set_text (label, icc_state_get_display_name (state));
}

static void
name_state_notify_cb (IccState   *state,
                      GParamSpec *pspec,
                      GtkLabel   *label)
{
  name_label_update (label, state);
}

static void
name_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
name_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  IccState *state = icc_world_row_get_state (gtk_list_item_get_item (item));
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));

  name_label_update (label, state);
  g_signal_connect_object (state, "notify::display-name",
                           G_CALLBACK (name_state_notify_cb), label, 0);
}

static void
name_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  IccWorldRow *row = gtk_list_item_get_item (item);

  if (row != NULL)
    g_signal_handlers_disconnect_by_func (icc_world_row_get_state (row), name_state_notify_cb,
                                          gtk_list_item_get_child (item));
}

static void
status_row_notify_cb (IccWorldRow    *row,
                      GParamSpec     *pspec,
                      IccStatusBadge *badge)
{
  icc_status_badge_set_status (badge, icc_world_row_get_status (row));
  icc_status_badge_set_certainty (badge, icc_world_row_get_certainty (row),
                                  icc_world_row_get_certainty_note (row));
}

static void
status_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *badge = icc_status_badge_new ();

  icc_status_badge_reserve_widest (ICC_STATUS_BADGE (badge));
  gtk_list_item_set_child (item, badge);
}

static void
status_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  IccWorldRow *row = gtk_list_item_get_item (item);
  GtkWidget *badge = gtk_list_item_get_child (item);

  icc_status_badge_set_status (ICC_STATUS_BADGE (badge), icc_world_row_get_status (row));
  icc_status_badge_set_certainty (ICC_STATUS_BADGE (badge), icc_world_row_get_certainty (row),
                                  icc_world_row_get_certainty_note (row));
  /* The certainty is that of the event the status dates from. */
  g_signal_connect_object (row, "notify::status", G_CALLBACK (status_row_notify_cb), badge, 0);
  g_signal_connect_object (row, "notify::since-event", G_CALLBACK (status_row_notify_cb), badge,
                           0);
}

static void
status_unbind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  IccWorldRow *row = gtk_list_item_get_item (item);

  if (row != NULL)
    g_signal_handlers_disconnect_by_func (row, status_row_notify_cb,
                                          gtk_list_item_get_child (item));
}

static void
since_row_notify_cb (IccWorldRow *row,
                     GParamSpec  *pspec,
                     GtkLabel    *label)
{
  since_label_update (label, NULL, row);
}

static void
since_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
since_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  IccWorldRow *row = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));

  since_label_update (label, NULL, row);
  g_signal_connect_object (row, "notify::since", G_CALLBACK (since_row_notify_cb), label, 0);
}

static void
since_unbind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  IccWorldRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  if (row != NULL)
    g_signal_handlers_disconnect_by_func (row, since_row_notify_cb, label);
}

void
_icc_state_list_update_empty (IccStateList *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  guint hidden = 0;

  gtk_stack_set_visible_child_name (self->stack, n > 0 || self->world == NULL ? "list" : "empty");
  if (n > 0 || self->world == NULL)
    return;

  /* Nothing shown: say whether the filters hide what the search finds. */
  if (_icc_state_list_has_filters (self))
    {
      GListModel *rows = G_LIST_MODEL (self->world);

      for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
        {
          g_autoptr(IccWorldRow) row = g_list_model_get_item (rows, i);

          hidden += _icc_state_list_matches_search (self, row);
        }
    }

  if (hidden > 0)
    {
      g_autofree char *text = NULL;

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The filters hide the %u state that matches",
                                           "The filters hide the %u states that match",
                                           hidden), hidden);
      gtk_label_set_text (self->empty_label, text);
    }
  else
    gtk_label_set_text (self->empty_label, _("No Matching States"));
  gtk_widget_set_visible (GTK_WIDGET (self->empty_button), hidden > 0);
}

static void
filter_items_changed_cb (IccStateList *self,
                         guint         position,
                         guint         removed,
                         guint         added,
                         GListModel   *model)
{
  _icc_state_list_update_empty (self);
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  IccStateList *self = ICC_STATE_LIST (widget);
  guint position = gtk_single_selection_get_selected (self->selection);

  /* The list can only scroll to rows once it has a size. */
  if (gtk_widget_get_height (GTK_WIDGET (self->column_view)) == 0)
    return G_SOURCE_CONTINUE;

  self->scroll_tick = 0;

  /* The action lives on the column view's inner list view (GTK 4.8 has no
   * gtk_column_view_scroll_to). */
  if (position != GTK_INVALID_LIST_POSITION)
    {
      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_LIST_VIEW (child))
          gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
    }

  return G_SOURCE_REMOVE;
}

static void
scroll_to_selected (IccStateList *self)
{
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb,
                                                      NULL, NULL);
}

/* Selects the row of focus.state if it is shown, else nothing. */
static void
sync_selection_from_focus (IccStateList *self)
{
  IccState *state = self->focus != NULL ? icc_focus_get_state (self->focus) : NULL;
  GListModel *model = G_LIST_MODEL (self->sort_model);
  guint n = g_list_model_get_n_items (model);
  guint position = GTK_INVALID_LIST_POSITION;

  if (state != NULL)
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(IccWorldRow) row = g_list_model_get_item (model, i);

          if (icc_world_row_get_state (row) == state)
            {
              position = i;
              break;
            }
        }
    }

  /* A row not built yet is selected once all rows are. */
  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->slice_model)))
    position = GTK_INVALID_LIST_POSITION;

  if (gtk_single_selection_get_selected (self->selection) == position)
    return;

  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing = FALSE;

  if (position != GTK_INVALID_LIST_POSITION)
    scroll_to_selected (self);
}

static void
show_all_rows (GtkWidget *widget)
{
  IccStateList *self = ICC_STATE_LIST (widget);

  g_clear_pointer (&self->all_rows, icc_after_frame_free);
  gtk_slice_list_model_set_size (self->slice_model, G_MAXUINT);
  sync_selection_from_focus (self);
}

static void
focus_state_changed_cb (IccStateList *self,
                        GParamSpec   *pspec,
                        IccFocus     *focus)
{
  sync_selection_from_focus (self);
}

static void
selection_changed_cb (IccStateList       *self,
                      GParamSpec         *pspec,
                      GtkSingleSelection *selection)
{
  IccWorldRow *row;

  if (self->syncing || self->focus == NULL)
    return;

  row = gtk_single_selection_get_selected_item (selection);
  if (row != NULL)
    icc_focus_set_state (self->focus, icc_world_row_get_state (row));
}

static void
search_changed_cb (IccStateList   *self,
                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *normalized = NULL;
  g_autofree char *old = g_steal_pointer (&self->search);
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  if (*stripped != '\0')
    {
      normalized = g_utf8_normalize (stripped, -1, G_NORMALIZE_ALL);
      self->search = g_utf8_casefold (normalized, -1);
    }

  if (g_strcmp0 (old, self->search) == 0)
    return;

  if (old == NULL || (self->search != NULL && strstr (self->search, old) != NULL))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (self->search == NULL || strstr (old, self->search) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  gtk_filter_changed (GTK_FILTER (self->filter), change);
  sync_selection_from_focus (self);
}

/* The filters changed (icc-state-list-filter.c). */
void
_icc_state_list_filter_changed (IccStateList *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  sync_selection_from_focus (self);
  _icc_state_list_update_empty (self);
}

static void
stop_search_cb (IccStateList   *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
icc_state_list_dispose (GObject *object)
{
  IccStateList *self = (IccStateList *)object;
  GtkWidget *child;

  icc_state_list_set_focus (self, NULL);
  g_clear_object (&self->focus_signals);
  g_clear_pointer (&self->all_rows, icc_after_frame_free);
  g_clear_pointer (&self->counts_binding, g_binding_unbind);
  if (self->scroll_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
      self->scroll_tick = 0;
    }

  /* Taking the column view down changes its sorter, which re-sorts the
   * model: nothing of ours may react to that any more. */
  if (self->sort_model != NULL)
    g_signal_handlers_disconnect_by_func (self->sort_model, filter_items_changed_cb, self);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), ICC_TYPE_STATE_LIST);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->slice_model);
  g_clear_object (&self->world);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (icc_state_list_parent_class)->dispose (object);
}

static void
icc_state_list_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  IccStateList *self = ICC_STATE_LIST (object);

  switch (prop_id)
    {
    case PROP_WORLD:
      g_value_set_object (value, self->world);
      break;

    case PROP_FOCUS:
      g_value_set_object (value, self->focus);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_state_list_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  IccStateList *self = ICC_STATE_LIST (object);

  switch (prop_id)
    {
    case PROP_WORLD:
      icc_state_list_set_world (self, g_value_get_object (value));
      break;

    case PROP_FOCUS:
      icc_state_list_set_focus (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
grab_focus (GtkWidget *widget)
{
  IccStateList *self = ICC_STATE_LIST (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
icc_state_list_class_init (IccStateListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icc_state_list_dispose;
  object_class->get_property = icc_state_list_get_property;
  object_class->set_property = icc_state_list_set_property;

  widget_class->grab_focus = grab_focus;

  properties [PROP_WORLD] =
    g_param_spec_object ("world", NULL, NULL, ICC_TYPE_WORLD,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_FOCUS] =
    g_param_spec_object ("focus", NULL, NULL, ICC_TYPE_FOCUS,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The resources live in a static library: referencing them links their
   * object file in, whose constructor registers them. */
  (void)icc_ui_resources_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/IccTracker/ui/icc-state-list.ui");
  gtk_widget_class_bind_template_child (widget_class, IccStateList, counts_label);
  gtk_widget_class_bind_template_child (widget_class, IccStateList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, IccStateList, filter_button);
  gtk_widget_class_bind_template_child (widget_class, IccStateList, empty_label);
  gtk_widget_class_bind_template_child (widget_class, IccStateList, empty_button);
  gtk_widget_class_bind_template_child (widget_class, IccStateList, stack);
  gtk_widget_class_bind_template_child (widget_class, IccStateList, column_view);
  gtk_widget_class_bind_template_child (widget_class, IccStateList, name_column);
  gtk_widget_class_bind_template_child (widget_class, IccStateList, status_column);
  gtk_widget_class_bind_template_child (widget_class, IccStateList, since_column);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  gtk_widget_class_set_css_name (widget_class, "statelist");

  g_type_ensure (ICC_TYPE_STATUS_BADGE);
  g_type_ensure (ICC_TYPE_WORLD_ROW);
  g_type_ensure (ICC_TYPE_STATE);
}

static void
icc_state_list_init (IccStateList *self)
{
  g_autoptr(GtkListItemFactory) name_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) status_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) since_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkSorter) name_sorter = NULL;
  g_autoptr(GtkSorter) status_sorter = NULL;
  g_autoptr(GtkSorter) since_sorter = NULL;
  GtkSorter *view_sorter;

  self->focus_signals = g_signal_group_new (ICC_TYPE_FOCUS);
  g_signal_group_connect_swapped (self->focus_signals, "notify::state",
                                  G_CALLBACK (focus_state_changed_cb), self);

  gtk_widget_init_template (GTK_WIDGET (self));
  icc_list_tab_leaves (GTK_WIDGET (self->column_view));

  _icc_state_list_init_filter (self);

  g_signal_connect (name_factory, "setup", G_CALLBACK (name_setup_cb), NULL);
  g_signal_connect (name_factory, "bind", G_CALLBACK (name_bind_cb), NULL);
  g_signal_connect (name_factory, "unbind", G_CALLBACK (name_unbind_cb), NULL);
  gtk_column_view_column_set_factory (self->name_column, name_factory);

  g_signal_connect (status_factory, "setup", G_CALLBACK (status_setup_cb), NULL);
  g_signal_connect (status_factory, "bind", G_CALLBACK (status_bind_cb), NULL);
  g_signal_connect (status_factory, "unbind", G_CALLBACK (status_unbind_cb), NULL);
  gtk_column_view_column_set_factory (self->status_column, status_factory);

  g_signal_connect (since_factory, "setup", G_CALLBACK (since_setup_cb), NULL);
  g_signal_connect (since_factory, "bind", G_CALLBACK (since_bind_cb), NULL);
  g_signal_connect (since_factory, "unbind", G_CALLBACK (since_unbind_cb), NULL);
  gtk_column_view_column_set_factory (self->since_column, since_factory);

  /* A string sorter keeps collation keys per row: re-sorting the rows whose
   * status changed on a new date stays cheap while the date is scrubbed. */
  name_sorter = GTK_SORTER (gtk_string_sorter_new (
    gtk_property_expression_new (ICC_TYPE_STATE,
                                 gtk_property_expression_new (ICC_TYPE_WORLD_ROW, NULL, "state"),
                                 "display-name")));
  status_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_status, NULL, NULL));
  since_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_since, NULL, NULL));
  gtk_column_view_column_set_sorter (self->name_column, name_sorter);
  gtk_column_view_column_set_sorter (self->status_column, status_sorter);
  gtk_column_view_column_set_sorter (self->since_column, since_sorter);

  self->filter = gtk_custom_filter_new (_icc_state_list_filter_row, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  view_sorter = gtk_column_view_get_sorter (self->column_view);
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (self->filter_model),
                                              g_object_ref (view_sorter));
  self->slice_model = gtk_slice_list_model_new (G_LIST_MODEL (self->sort_model), 0,
                                                FIRST_FRAME_ROWS);
  self->all_rows = icc_after_frame_new (GTK_WIDGET (self), show_all_rows);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->slice_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sort_model, "items-changed",
                           G_CALLBACK (filter_items_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);
}

GtkWidget *
icc_state_list_new (void)
{
  return g_object_new (ICC_TYPE_STATE_LIST, NULL);
}

IccWorld *
icc_state_list_get_world (IccStateList *self)
{
  g_return_val_if_fail (ICC_IS_STATE_LIST (self), NULL);

  return self->world;
}

void
icc_state_list_set_world (IccStateList *self,
                          IccWorld     *world)
{
  g_return_if_fail (ICC_IS_STATE_LIST (self));
  g_return_if_fail (world == NULL || ICC_IS_WORLD (world));

  if (self->world == world)
    return;

  g_clear_pointer (&self->counts_binding, g_binding_unbind);
  g_set_object (&self->world, world);

  self->syncing = TRUE;
  gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (world));
  self->syncing = FALSE;

  if (world != NULL)
    self->counts_binding = g_object_bind_property (world, "counts",
                                                   self->counts_label, "label",
                                                   G_BINDING_SYNC_CREATE);
  else
    gtk_label_set_text (self->counts_label, "");

  _icc_state_list_update_empty (self);
  sync_selection_from_focus (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_WORLD]);
}

IccFocus *
icc_state_list_get_focus (IccStateList *self)
{
  g_return_val_if_fail (ICC_IS_STATE_LIST (self), NULL);

  return self->focus;
}

void
icc_state_list_set_focus (IccStateList *self,
                          IccFocus     *focus)
{
  g_return_if_fail (ICC_IS_STATE_LIST (self));
  g_return_if_fail (focus == NULL || ICC_IS_FOCUS (focus));

  if (self->focus == focus)
    return;

  g_set_object (&self->focus, focus);
  g_signal_group_set_target (self->focus_signals, focus);

  if (focus != NULL)
    sync_selection_from_focus (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FOCUS]);
}

GListModel *
icc_state_list_get_model (IccStateList *self)
{
  g_return_val_if_fail (ICC_IS_STATE_LIST (self), NULL);

  return G_LIST_MODEL (self->sort_model);
}

GtkEditable *
icc_state_list_get_search_entry (IccStateList *self)
{
  g_return_val_if_fail (ICC_IS_STATE_LIST (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

