/* icc-reader.c: the article reader: the object, its properties and API,
 * and the focus it follows
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "icc-ui-resources.h"

#include "icc-reader-private.h"

G_DEFINE_FINAL_TYPE (IccReader, icc_reader, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_FOCUS,
  PROP_SEARCH_MODE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

IccEvent *
_icc_reader_focus_event (IccReader *self)
{
  return self->focus != NULL ? icc_focus_get_event (self->focus) : NULL;
}

void
_icc_reader_notify_search_mode (IccReader *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SEARCH_MODE]);
}

/* The focus. */

static void
focus_article_changed_cb (IccReader  *self,
                          GParamSpec *pspec,
                          IccFocus   *focus)
{
  if (icc_focus_get_article (focus) != self->article)
    _icc_reader_load_article (self);
}

static void
focus_citation_changed_cb (IccReader  *self,
                           GParamSpec *pspec,
                           IccFocus   *focus)
{
  IccCitation *citation = icc_focus_get_citation (focus);

  if (citation != NULL && icc_citation_get_article (citation) == self->article)
    {
      if (_icc_reader_citation_index (self, citation) >= 0)
        _icc_reader_scroll_to_citation (self, citation);
      else if (self->orphans->len > 0)
        gtk_expander_set_expanded (self->orphans_expander, TRUE);
    }

  _icc_reader_update_position (self);
}

/* DESIGN §2: selecting an event opens the article of its preferred citation
 * (icc_event_get_preferred_citation(): the open article wins when the event
 * cites it too) and scrolls to it. */
static void
focus_event_changed_cb (IccReader  *self,
                        GParamSpec *pspec,
                        IccFocus   *focus)
{
  IccEvent *event = icc_focus_get_event (focus);
  IccCitation *current = icc_focus_get_citation (focus);

  _icc_reader_apply_emphasis (self);

  if (event == NULL)
    return;

  if (current != NULL && icc_citation_get_event (current) == event)
    {
      _icc_reader_update_position (self);
      return;
    }

  icc_focus_set_citation (focus, icc_event_get_preferred_citation (event, self->article));

  _icc_reader_update_position (self);
}

/* GObject. */

static void
icc_reader_css_changed (GtkWidget         *widget,
                        GtkCssStyleChange *change)
{
  IccReader *self = ICC_READER (widget);

  GTK_WIDGET_CLASS (icc_reader_parent_class)->css_changed (widget, change);

  /* The probes' styles are updated after ours: read them when idle. */
  _icc_reader_queue_update_colors (self);
}

static void
icc_reader_root (GtkWidget *widget)
{
  IccReader *self = ICC_READER (widget);

  GTK_WIDGET_CLASS (icc_reader_parent_class)->root (widget);

  _icc_reader_queue_update_colors (self);
}

static void
placeholder_frame_cb (GtkWidget *widget)
{
  IccReader *self = ICC_READER (widget);

  g_clear_pointer (&self->placeholder_frame, icc_after_frame_free);
  self->placeholder_shown = TRUE;
  _icc_reader_update_header (self);
}

static void
icc_reader_dispose (GObject *object)
{
  IccReader *self = (IccReader *)object;
  GtkWidget *child;

  icc_reader_set_focus (self, NULL);
  icc_reader_set_dataset (self, NULL);
  g_clear_object (&self->focus_signals);

  g_clear_handle_id (&self->colors_idle, g_source_remove);
  g_clear_handle_id (&self->margins_idle, g_source_remove);
  g_clear_handle_id (&self->gutter_idle, g_source_remove);
  g_clear_handle_id (&self->load_idle, g_source_remove);
  g_clear_pointer (&self->placeholder_frame, icc_after_frame_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), ICC_TYPE_READER);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->articles_filter_model);
  g_clear_object (&self->articles_filter);
  g_clear_object (&self->dataset);
  g_clear_object (&self->article);
  g_clear_pointer (&self->articles_search_text, g_free);
  if (self->anchored != NULL)
    g_ptr_array_set_size (self->anchored, 0);
  if (self->orphans != NULL)
    g_ptr_array_set_size (self->orphans, 0);

  G_OBJECT_CLASS (icc_reader_parent_class)->dispose (object);
}

static void
icc_reader_finalize (GObject *object)
{
  IccReader *self = (IccReader *)object;

  g_clear_pointer (&self->anchored, g_ptr_array_unref);
  g_clear_pointer (&self->orphans, g_ptr_array_unref);

  G_OBJECT_CLASS (icc_reader_parent_class)->finalize (object);
}

static void
icc_reader_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  IccReader *self = ICC_READER (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;

    case PROP_FOCUS:
      g_value_set_object (value, self->focus);
      break;

    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, icc_reader_get_search_mode (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_reader_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  IccReader *self = ICC_READER (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      icc_reader_set_dataset (self, g_value_get_object (value));
      break;

    case PROP_FOCUS:
      icc_reader_set_focus (self, g_value_get_object (value));
      break;

    case PROP_SEARCH_MODE:
      icc_reader_set_search_mode (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icc_reader_class_init (IccReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icc_reader_dispose;
  object_class->finalize = icc_reader_finalize;
  object_class->get_property = icc_reader_get_property;
  object_class->set_property = icc_reader_set_property;

  widget_class->css_changed = icc_reader_css_changed;
  widget_class->root = icc_reader_root;

  properties [PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, ICC_TYPE_DATASET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_FOCUS] =
    g_param_spec_object ("focus", NULL, NULL, ICC_TYPE_FOCUS,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SEARCH_MODE] =
    g_param_spec_boolean ("search-mode", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The resources live in a static library: referencing them links their
   * object file in, whose constructor registers them. */
  (void)icc_ui_resources_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/IccTracker/ui/icc-reader.ui");
  gtk_widget_class_bind_template_child (widget_class, IccReader, title_label);
  gtk_widget_class_bind_template_child (widget_class, IccReader, articles_button);
  gtk_widget_class_bind_template_child (widget_class, IccReader, articles_popover);
  gtk_widget_class_bind_template_child (widget_class, IccReader, articles_search);
  gtk_widget_class_bind_template_child (widget_class, IccReader, articles_view);
  gtk_widget_class_bind_template_child (widget_class, IccReader, meta_label);
  gtk_widget_class_bind_template_child (widget_class, IccReader, edit_note_label);
  gtk_widget_class_bind_template_child (widget_class, IccReader, edit_note_button);
  gtk_widget_class_bind_template_child (widget_class, IccReader, link_button);
  gtk_widget_class_bind_template_child (widget_class, IccReader, position_label);
  gtk_widget_class_bind_template_child (widget_class, IccReader, outline_button);
  gtk_widget_class_bind_template_child (widget_class, IccReader, outline_popover);
  gtk_widget_class_bind_template_child (widget_class, IccReader, outline_list);
  gtk_widget_class_bind_template_child (widget_class, IccReader, outline_empty);
  gtk_widget_class_bind_template_child (widget_class, IccReader, search_bar);
  gtk_widget_class_bind_template_child (widget_class, IccReader, find_entry);
  gtk_widget_class_bind_template_child (widget_class, IccReader, find_label);
  gtk_widget_class_bind_template_child (widget_class, IccReader, text_view);
  gtk_widget_class_bind_template_child (widget_class, IccReader, gutter);
  gtk_widget_class_bind_template_child (widget_class, IccReader, orphans_expander);
  gtk_widget_class_bind_template_child (widget_class, IccReader, orphans_list);
  gtk_widget_class_bind_template_child (widget_class, IccReader, probe_citation);
  gtk_widget_class_bind_template_child (widget_class, IccReader, probe_disputes);
  gtk_widget_class_bind_template_child (widget_class, IccReader, probe_emphasis);
  gtk_widget_class_bind_template_child (widget_class, IccReader, probe_match);
  gtk_widget_class_bind_template_child (widget_class, IccReader, probe_current_match);

  _icc_reader_class_init_article_list (widget_class);
  _icc_reader_class_init_article (widget_class);
  _icc_reader_class_init_find (widget_class);
  _icc_reader_class_init_citations (widget_class);
  _icc_reader_class_init_outline (widget_class);
  _icc_reader_class_init_highlights (widget_class);

  gtk_widget_class_set_css_name (widget_class, "reader");

  g_type_ensure (ICC_TYPE_HIGHLIGHT_GUTTER);
}

static void
icc_reader_init (IccReader *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;

  self->placeholder_frame = icc_after_frame_new (GTK_WIDGET (self), placeholder_frame_cb);
  self->focus_signals = g_signal_group_new (ICC_TYPE_FOCUS);
  g_signal_group_connect_swapped (self->focus_signals, "notify::article",
                                  G_CALLBACK (focus_article_changed_cb), self);
  g_signal_group_connect_swapped (self->focus_signals, "notify::citation",
                                  G_CALLBACK (focus_citation_changed_cb), self);
  g_signal_group_connect_swapped (self->focus_signals, "notify::event",
                                  G_CALLBACK (focus_event_changed_cb), self);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->anchored = g_ptr_array_new_with_free_func (g_object_unref);
  self->orphans = g_ptr_array_new_with_free_func (g_object_unref);

  _icc_reader_init_highlights (self);
  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_start_iter (buffer, &start);
  self->scroll_mark = gtk_text_buffer_create_mark (buffer, NULL, &start, TRUE);

  _icc_reader_init_find (self);
  _icc_reader_init_citations (self);
  _icc_reader_init_article (self);
  _icc_reader_init_article_list (self);

  _icc_reader_update_header (self);
  _icc_reader_update_position (self);
}

GtkWidget *
icc_reader_new (void)
{
  return g_object_new (ICC_TYPE_READER, NULL);
}

IccDataset *
icc_reader_get_dataset (IccReader *self)
{
  g_return_val_if_fail (ICC_IS_READER (self), NULL);

  return self->dataset;
}

static void
update_articles_button (IccReader *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->articles_button),
                            self->dataset != NULL &&
                            g_list_model_get_n_items (icc_dataset_get_articles (self->dataset)) > 0);
}

static void
articles_changed_cb (IccReader  *self,
                     guint       position,
                     guint       removed,
                     guint       added,
                     GListModel *articles)
{
  update_articles_button (self);

  /* The open article's metadata changed (Edit Article). */
  if (self->article != NULL)
    _icc_reader_update_header (self);
}

static void
dataset_indexed_cb (IccReader  *self,
                    IccDataset *dataset)
{
  _icc_reader_refresh_article (self);
}

void
icc_reader_set_dataset (IccReader  *self,
                        IccDataset *dataset)
{
  g_return_if_fail (ICC_IS_READER (self));
  g_return_if_fail (dataset == NULL || ICC_IS_DATASET (dataset));

  if (self->dataset == dataset)
    return;

  if (self->dataset != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->dataset, dataset_indexed_cb, self);
      g_signal_handlers_disconnect_by_func (icc_dataset_get_articles (self->dataset),
                                            articles_changed_cb, self);
    }

  g_set_object (&self->dataset, dataset);

  if (dataset != NULL)
    {
      /* Edits index the dataset again: citations added, removed, restyled. */
      g_signal_connect_object (dataset, "indexed",
                               G_CALLBACK (dataset_indexed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (icc_dataset_get_articles (dataset), "items-changed",
                               G_CALLBACK (articles_changed_cb), self, G_CONNECT_SWAPPED);
    }

  gtk_filter_list_model_set_model (self->articles_filter_model,
                                   dataset != NULL ? icc_dataset_get_articles (dataset) : NULL);
  update_articles_button (self);
  _icc_reader_load_article (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATASET]);
}

IccFocus *
icc_reader_get_focus (IccReader *self)
{
  g_return_val_if_fail (ICC_IS_READER (self), NULL);

  return self->focus;
}

void
icc_reader_set_focus (IccReader *self,
                      IccFocus  *focus)
{
  g_return_if_fail (ICC_IS_READER (self));
  g_return_if_fail (focus == NULL || ICC_IS_FOCUS (focus));

  if (self->focus == focus)
    return;

  g_set_object (&self->focus, focus);
  g_signal_group_set_target (self->focus_signals, focus);

  if (self->anchored != NULL)
    _icc_reader_load_article (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FOCUS]);
}

gboolean
icc_reader_get_search_mode (IccReader *self)
{
  g_return_val_if_fail (ICC_IS_READER (self), FALSE);

  return gtk_search_bar_get_search_mode (self->search_bar);
}

void
icc_reader_set_search_mode (IccReader *self,
                            gboolean   search_mode)
{
  g_return_if_fail (ICC_IS_READER (self));

  /* The search bar notifies, and we forward that as our own notify. */
  gtk_search_bar_set_search_mode (self->search_bar, !!search_mode);
}

GtkTextView *
icc_reader_get_text_view (IccReader *self)
{
  g_return_val_if_fail (ICC_IS_READER (self), NULL);

  return self->text_view;
}

guint
icc_reader_get_n_orphans (IccReader *self)
{
  g_return_val_if_fail (ICC_IS_READER (self), 0);

  return self->orphans->len;
}

gboolean
icc_reader_activate_offset (IccReader *self,
                            int        offset)
{
  g_autoptr(GPtrArray) found = NULL;
  IccCitation *chosen = NULL;
  IccEvent *event;

  g_return_val_if_fail (ICC_IS_READER (self), FALSE);

  found = _icc_reader_citations_at_offset (self, offset);
  if (found->len == 0)
    return FALSE;

  /* Overlapping highlights: the one after the focused event's, in turn. */
  event = _icc_reader_focus_event (self);
  chosen = g_ptr_array_index (found, 0);
  for (guint i = 0; i < found->len; i++)
    {
      IccCitation *citation = g_ptr_array_index (found, i);

      if (event != NULL && icc_citation_get_event (citation) == event)
        {
          chosen = g_ptr_array_index (found, (i + 1) % found->len);
          break;
        }
    }

  _icc_reader_activate_citation (self, chosen);

  return TRUE;
}
