/* icc-event-panel.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "icc-ui-resources.h"

#include "icc-enum-util.h"
#include "icc-list-tab.h"
#include "icc-event-panel.h"
#include "icc-after-frame.h"

struct _IccEventPanel
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkWidget          *state_box;
  GtkLabel           *state_label;
  GtkListView        *state_events_view;
  GtkStack           *stack;
  GtkLabel           *empty_label;
  GtkLabel           *title_label;
  GtkLabel           *date_label;
  GtkLabel           *kind_label;
  GtkLabel           *certainty_label;
  GtkLabel           *certainty_note_label;
  GtkFlowBox         *states_box;
  GtkLabel           *summary_label;
  GtkLabel           *sources_label;
  GtkWidget          *citations_heading;
  GtkListBox         *citation_list;

  /* Owned */
  IccAfterFrame      *placeholder_frame;
  IccDataset         *dataset;
  IccFocus           *focus;
  GSignalGroup       *focus_signals;
  GListStore         *state_events;
  GtkSingleSelection *state_selection;
  guint               scroll_tick;
  guint               syncing : 1;
};

G_DEFINE_FINAL_TYPE (IccEventPanel, icc_event_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_FOCUS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
event_row_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *date = gtk_label_new (NULL);
  GtkWidget *title = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (date), 0);
  gtk_label_set_width_chars (GTK_LABEL (date), 10);
  gtk_widget_add_css_class (date, "numeric");
  gtk_widget_add_css_class (date, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (box), date);
  gtk_box_append (GTK_BOX (box), title);
  gtk_list_item_set_child (item, box);
}

static void
event_row_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  IccEvent *event = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *date = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_next_sibling (date);
  g_autofree char *iso = icc_date_to_iso (icc_event_get_date (event));

  gtk_label_set_text (GTK_LABEL (date), iso);
  gtk_label_set_text (GTK_LABEL (title), icc_event_get_title (event));
  gtk_widget_set_tooltip_text (box, icc_event_get_title (event));
}

static void
state_button_clicked_cb (GtkButton     *button,
                         IccEventPanel *self)
{
  IccState *state = g_object_get_data (G_OBJECT (button), "icc-state");

  if (self->focus != NULL && state != NULL)
    icc_focus_set_state (self->focus, state);
}

static GtkWidget *
create_citation_row (gpointer item,
                     gpointer user_data)
{
  IccCitation *citation = item;
  IccArticle *article = icc_citation_get_article (citation);
  IccStance stance = icc_citation_get_stance (citation);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (article != NULL ? icc_article_get_title (article)
                                                    : icc_citation_get_article_id (citation));
  GtkWidget *meta = gtk_label_new (NULL);
  GtkWidget *stance_label = gtk_label_new (icc_stance_get_label (stance));
  g_autoptr(GString) line = g_string_new (NULL);

  if (article != NULL && icc_article_get_outlet (article) != NULL)
    g_string_append (line, icc_article_get_outlet (article));
  if (article != NULL && icc_date_is_set (icc_article_get_date (article)))
    {
      g_autofree char *date = icc_date_format (icc_article_get_date (article));

      if (line->len > 0)
        g_string_append (line, " · ");
      g_string_append (line, date);
    }
  if (icc_citation_get_comment (citation))
    {
      if (line->len > 0)
        g_string_append (line, " · ");
      g_string_append (line, _("a reader’s comment, not the article"));
    }
  if (!icc_citation_is_anchored (citation))
    {
      if (line->len > 0)
        g_string_append (line, " · ");
      g_string_append (line, _("passage not found in the article"));
    }
  gtk_label_set_text (GTK_LABEL (meta), line->str);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_wrap (GTK_LABEL (meta), TRUE);
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_add_css_class (meta, "caption");
  gtk_label_set_xalign (GTK_LABEL (stance_label), 0);
  gtk_widget_set_halign (stance_label, GTK_ALIGN_START);
  gtk_widget_add_css_class (stance_label, "stance-badge");
  gtk_widget_add_css_class (stance_label, stance == ICC_STANCE_DISPUTES ? "stance-disputes"
                                          : stance == ICC_STANCE_CONTEXT ? "stance-context"
                                          : "stance-reports");

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), meta);
  gtk_box_append (GTK_BOX (box), stance_label);
  gtk_widget_add_css_class (box, "citation-row");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Show this passage in the reader"));
  g_object_set_data_full (G_OBJECT (row), "icc-citation", g_object_ref (citation), g_object_unref);

  return row;
}

static void
citation_activated_cb (IccEventPanel *self,
                       GtkListBoxRow *row,
                       GtkListBox    *list)
{
  IccCitation *citation = g_object_get_data (G_OBJECT (row), "icc-citation");

  if (self->focus != NULL && citation != NULL)
    icc_focus_set_citation (self->focus, citation);
}

static void
state_event_activate_cb (IccEventPanel *self,
                         guint          position,
                         GtkListView   *view)
{
  g_autoptr(IccEvent) event = g_list_model_get_item (G_LIST_MODEL (self->state_events), position);

  if (self->focus != NULL && event != NULL)
    icc_focus_set_event (self->focus, event);
}

/* A click selects (single-click-activate); a double click or Enter on the
 * list edits the selected event. */
static void
state_events_pressed_cb (GtkGestureClick *gesture,
                         int              n_press,
                         double           x,
                         double           y,
                         IccEventPanel   *self)
{
  if (n_press == 2)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-event", NULL);
}

static gboolean
state_events_key_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     IccEventPanel         *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter) &&
      (state & GDK_MODIFIER_MASK & ~GDK_LOCK_MASK) == 0)
    {
      /* The focused row is the selected one: the selection follows it. */
      gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-event", NULL);
      return FALSE;
    }

  return FALSE;
}

static void
state_selection_changed_cb (IccEventPanel      *self,
                            GParamSpec         *pspec,
                            GtkSingleSelection *selection)
{
  IccEvent *event;

  if (self->syncing || self->focus == NULL)
    return;

  /* Keyboard navigation moves the selection: follow it. */
  event = gtk_single_selection_get_selected_item (selection);
  if (event != NULL)
    icc_focus_set_event (self->focus, event);
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  IccEventPanel *self = ICC_EVENT_PANEL (widget);
  guint position = gtk_single_selection_get_selected (self->state_selection);

  /* The list can only scroll to rows once it has a size. */
  if (gtk_widget_get_height (GTK_WIDGET (self->state_events_view)) == 0)
    return G_SOURCE_CONTINUE;

  self->scroll_tick = 0;
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->state_events_view), "list.scroll-to-item",
                                "u", position);

  return G_SOURCE_REMOVE;
}

static void
sync_state_selection (IccEventPanel *self)
{
  IccEvent *event = self->focus != NULL ? icc_focus_get_event (self->focus) : NULL;
  guint position = GTK_INVALID_LIST_POSITION;

  if (event == NULL || !g_list_store_find (self->state_events, event, &position))
    position = GTK_INVALID_LIST_POSITION;

  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->state_selection, position);
  self->syncing = FALSE;

  if (position != GTK_INVALID_LIST_POSITION && self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb,
                                                      NULL, NULL);
}

static void
update_state (IccEventPanel *self)
{
  IccState *state = self->focus != NULL ? icc_focus_get_state (self->focus) : NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autofree char *heading = NULL;

  self->syncing = TRUE;
  g_list_store_remove_all (self->state_events);
  self->syncing = FALSE;

  gtk_widget_set_visible (self->state_box, state != NULL && self->dataset != NULL);
  if (state == NULL || self->dataset == NULL)
    return;

  events = icc_dataset_get_state_events (self->dataset, state);
  /* TRANSLATORS: heading of the list of a state's events; %s is its name. */
  heading = g_strdup_printf (_("Events of %s"), icc_state_get_display_name (state));
  gtk_label_set_text (self->state_label, heading);

  self->syncing = TRUE;
  g_list_store_splice (self->state_events, 0, 0, events->pdata, events->len);
  self->syncing = FALSE;

  sync_state_selection (self);
}

static char *
format_event_date (IccEvent *event)
{
  g_autofree char *start = icc_date_format (icc_event_get_date (event));
  const IccDate *end = icc_event_get_end_date (event);

  if (end != NULL && icc_date_is_set (end))
    {
      g_autofree char *end_text = icc_date_format (end);

      /* TRANSLATORS: a period, from the first date to the second. */
      return g_strdup_printf (_("%s to %s"), start, end_text);
    }

  return g_steal_pointer (&start);
}

static void
update_event (IccEventPanel *self)
{
  IccEvent *event = self->focus != NULL ? icc_focus_get_event (self->focus) : NULL;
  const char * const *codes;
  const char * const *sources;
  GtkWidget *child;
  IccCertainty certainty;
  GListModel *citations;

  sync_state_selection (self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->states_box))) != NULL)
    gtk_flow_box_remove (self->states_box, child);

  if (event == NULL)
    {
      gtk_list_box_bind_model (self->citation_list, NULL, NULL, NULL, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "event");

  /* Plain labels: dataset text never goes through markup. */
  gtk_label_set_text (self->title_label, icc_event_get_title (event));
  {
    g_autofree char *date = format_event_date (event);
    gtk_label_set_text (self->date_label, date);
  }
  gtk_label_set_text (self->kind_label, icc_event_kind_get_label (icc_event_get_kind (event)));

  certainty = icc_event_get_certainty (event);
  gtk_widget_set_visible (GTK_WIDGET (self->certainty_label), certainty != ICC_CERTAINTY_CONFIRMED);
  gtk_widget_set_visible (GTK_WIDGET (self->certainty_note_label), FALSE);
  if (certainty != ICC_CERTAINTY_CONFIRMED)
    {
      const char *note = icc_event_get_certainty_note (event);
      const char *classes[] = { "certainty-badge", NULL, NULL };

      classes[1] = certainty == ICC_CERTAINTY_DISPUTED ? "certainty-disputed"
                   : certainty == ICC_CERTAINTY_UNVERIFIED ? "certainty-unverified"
                   : "certainty-single-source";
      gtk_widget_set_css_classes (GTK_WIDGET (self->certainty_label), classes);
      gtk_label_set_text (self->certainty_label, icc_certainty_get_label (certainty));
      gtk_label_set_text (self->certainty_note_label, note != NULL ? note : "");
      gtk_widget_set_visible (GTK_WIDGET (self->certainty_note_label),
                              note != NULL && *note != '\0');
    }

  codes = icc_event_get_states (event);
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      IccState *state = self->dataset != NULL ? icc_dataset_lookup_state (self->dataset, codes[i])
                                              : NULL;
      GtkWidget *button = gtk_button_new_with_label (state != NULL
                                                     ? icc_state_get_display_name (state)
                                                     : codes[i]);

      gtk_widget_add_css_class (button, "state-button");
      gtk_widget_set_sensitive (button, state != NULL);
      if (state != NULL)
        {
          g_autofree char *tooltip = g_strdup_printf (_("Show the events of %s"),
                                                      icc_state_get_display_name (state));

          gtk_widget_set_tooltip_text (button, tooltip);
          g_object_set_data_full (G_OBJECT (button), "icc-state",
                                  g_object_ref (state), g_object_unref);
          g_signal_connect_object (button, "clicked",
                                   G_CALLBACK (state_button_clicked_cb), self, 0);
        }
      gtk_flow_box_append (self->states_box, button);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->states_box), codes != NULL && codes[0] != NULL);

  gtk_label_set_text (self->summary_label, icc_event_get_summary (event) != NULL
                                           ? icc_event_get_summary (event) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label),
                          icc_event_get_summary (event) != NULL &&
                          *icc_event_get_summary (event) != '\0');

  sources = icc_event_get_sources (event);
  if (sources != NULL && sources[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv ("\n", (char **)sources);
      g_autofree char *text = g_strdup_printf (_("Sources: %s"), joined);

      gtk_label_set_text (self->sources_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->sources_label), sources != NULL && sources[0] != NULL);

  citations = icc_event_get_citations (event);
  gtk_list_box_bind_model (self->citation_list, citations, create_citation_row, self, NULL);
  gtk_widget_set_visible (self->citations_heading, g_list_model_get_n_items (citations) > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->citation_list),
                          g_list_model_get_n_items (citations) > 0);
}

static void
focus_state_changed_cb (IccEventPanel *self,
                        GParamSpec    *pspec,
                        IccFocus      *focus)
{
  update_state (self);
}

static void
focus_event_changed_cb (IccEventPanel *self,
                        GParamSpec    *pspec,
                        IccFocus      *focus)
{
  update_event (self);
}

/* The hint waits for the first frame: a new window selects its first
 * event right after it (as the reader's "No Article"). */
static void
placeholder_frame_cb (GtkWidget *widget)
{
  IccEventPanel *self = ICC_EVENT_PANEL (widget);

  g_clear_pointer (&self->placeholder_frame, icc_after_frame_free);
  gtk_label_set_text (self->empty_label,
                      _("Choose an event on the timeline or in a state’s history"));
}

static void
icc_event_panel_dispose (GObject *object)
{
  IccEventPanel *self = (IccEventPanel *)object;
  GtkWidget *child;

  g_clear_pointer (&self->placeholder_frame, icc_after_frame_free);
  icc_event_panel_set_focus (self, NULL);
  icc_event_panel_set_dataset (self, NULL);
  g_clear_object (&self->focus_signals);
  if (self->scroll_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
      self->scroll_tick = 0;
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), ICC_TYPE_EVENT_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->state_selection);
  g_clear_object (&self->state_events);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (icc_event_panel_parent_class)->dispose (object);
}

static void
icc_event_panel_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  IccEventPanel *self = ICC_EVENT_PANEL (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;

    case PROP_FOCUS:
      g_value_set_object (value, self->focus);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_event_panel_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  IccEventPanel *self = ICC_EVENT_PANEL (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      icc_event_panel_set_dataset (self, g_value_get_object (value));
      break;

    case PROP_FOCUS:
      icc_event_panel_set_focus (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_event_panel_class_init (IccEventPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icc_event_panel_dispose;
  object_class->get_property = icc_event_panel_get_property;
  object_class->set_property = icc_event_panel_set_property;

  properties [PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, ICC_TYPE_DATASET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_FOCUS] =
    g_param_spec_object ("focus", NULL, NULL, ICC_TYPE_FOCUS,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The resources live in a static library: referencing them links their
   * object file in, whose constructor registers them. */
  (void)icc_ui_resources_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/IccTracker/ui/icc-event-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, IccEventPanel, state_box);
  gtk_widget_class_bind_template_child (widget_class, IccEventPanel, state_label);
  gtk_widget_class_bind_template_child (widget_class, IccEventPanel, state_events_view);
  gtk_widget_class_bind_template_child (widget_class, IccEventPanel, empty_label);
  gtk_widget_class_bind_template_child (widget_class, IccEventPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, IccEventPanel, title_label);
  gtk_widget_class_bind_template_child (widget_class, IccEventPanel, date_label);
  gtk_widget_class_bind_template_child (widget_class, IccEventPanel, kind_label);
  gtk_widget_class_bind_template_child (widget_class, IccEventPanel, certainty_label);
  gtk_widget_class_bind_template_child (widget_class, IccEventPanel, certainty_note_label);
  gtk_widget_class_bind_template_child (widget_class, IccEventPanel, states_box);
  gtk_widget_class_bind_template_child (widget_class, IccEventPanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, IccEventPanel, sources_label);
  gtk_widget_class_bind_template_child (widget_class, IccEventPanel, citations_heading);
  gtk_widget_class_bind_template_child (widget_class, IccEventPanel, citation_list);
  gtk_widget_class_bind_template_callback (widget_class, citation_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, state_event_activate_cb);

  gtk_widget_class_set_css_name (widget_class, "eventpanel");
}

static void
icc_event_panel_init (IccEventPanel *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkGesture *gesture;
  GtkEventController *key;

  self->focus_signals = g_signal_group_new (ICC_TYPE_FOCUS);
  g_signal_group_connect_swapped (self->focus_signals, "notify::state",
                                  G_CALLBACK (focus_state_changed_cb), self);
  g_signal_group_connect_swapped (self->focus_signals, "notify::event",
                                  G_CALLBACK (focus_event_changed_cb), self);

  gtk_widget_init_template (GTK_WIDGET (self));
  icc_list_tab_leaves (GTK_WIDGET (self->state_events_view));

  self->state_events = g_list_store_new (ICC_TYPE_EVENT);
  self->state_selection =
    gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->state_events)));
  gtk_single_selection_set_autoselect (self->state_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->state_selection, TRUE);
  gesture = gtk_gesture_click_new ();
  g_signal_connect (gesture, "pressed", G_CALLBACK (state_events_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->state_events_view), GTK_EVENT_CONTROLLER (gesture));
  /* Before the row's own Enter (activate), which stops the event. */
  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (state_events_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->state_events_view), key);

  g_signal_connect_object (self->state_selection, "notify::selected-item",
                           G_CALLBACK (state_selection_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (event_row_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (event_row_bind_cb), NULL);
  gtk_list_view_set_factory (self->state_events_view, factory);
  gtk_list_view_set_model (self->state_events_view, GTK_SELECTION_MODEL (self->state_selection));

  gtk_stack_set_visible_child_name (self->stack, "empty");
  self->placeholder_frame = icc_after_frame_new (GTK_WIDGET (self), placeholder_frame_cb);
}

GtkWidget *
icc_event_panel_new (void)
{
  return g_object_new (ICC_TYPE_EVENT_PANEL, NULL);
}

IccDataset *
icc_event_panel_get_dataset (IccEventPanel *self)
{
  g_return_val_if_fail (ICC_IS_EVENT_PANEL (self), NULL);

  return self->dataset;
}

static void
dataset_indexed_cb (IccEventPanel *self,
                    IccDataset    *dataset)
{
  update_state (self);
  update_event (self);
}

void
icc_event_panel_set_dataset (IccEventPanel *self,
                             IccDataset    *dataset)
{
  g_return_if_fail (ICC_IS_EVENT_PANEL (self));
  g_return_if_fail (dataset == NULL || ICC_IS_DATASET (dataset));

  if (self->dataset == dataset)
    return;

  if (self->dataset != NULL)
    g_signal_handlers_disconnect_by_func (self->dataset, dataset_indexed_cb, self);
  g_set_object (&self->dataset, dataset);
  /* Edits index the dataset again: the event and the state's events may
   * have changed. */
  if (dataset != NULL)
    g_signal_connect_object (dataset, "indexed",
                             G_CALLBACK (dataset_indexed_cb), self, G_CONNECT_SWAPPED);

  update_state (self);
  update_event (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATASET]);
}

IccFocus *
icc_event_panel_get_focus (IccEventPanel *self)
{
  g_return_val_if_fail (ICC_IS_EVENT_PANEL (self), NULL);

  return self->focus;
}

void
icc_event_panel_set_focus (IccEventPanel *self,
                           IccFocus      *focus)
{
  g_return_if_fail (ICC_IS_EVENT_PANEL (self));
  g_return_if_fail (focus == NULL || ICC_IS_FOCUS (focus));

  if (self->focus == focus)
    return;

  g_set_object (&self->focus, focus);
  g_signal_group_set_target (self->focus_signals, focus);

  if (self->state_events != NULL)
    {
      update_state (self);
      update_event (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FOCUS]);
}

GListModel *
icc_event_panel_get_state_events (IccEventPanel *self)
{
  g_return_val_if_fail (ICC_IS_EVENT_PANEL (self), NULL);

  return G_LIST_MODEL (self->state_events);
}

GtkListBox *
icc_event_panel_get_citation_list (IccEventPanel *self)
{
  g_return_val_if_fail (ICC_IS_EVENT_PANEL (self), NULL);

  return self->citation_list;
}
