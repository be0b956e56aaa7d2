/* icc-edit.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "icc-edit.h"

typedef enum
{
  EDIT_GROUP,
  EDIT_ADD_EVENT,
  EDIT_REMOVE_EVENT,
  EDIT_SET_EVENT,
  EDIT_ADD_CITATION,
  EDIT_REMOVE_CITATION,
  EDIT_SET_CITATION,
  EDIT_ADD_ARTICLE,
  EDIT_REMOVE_ARTICLE,
  EDIT_SET_ARTICLE,
  EDIT_ADD_TOUR,
  EDIT_REMOVE_TOUR,
  EDIT_SET_TOUR,
  EDIT_INSERT_STEP,
  EDIT_REMOVE_STEP,
  EDIT_SET_STEP,
  EDIT_MOVE_STEP,
  EDIT_SET_STEP_VIEW,
} EditKind;

/* Text of one version (before or after) of what an edit changes. */
typedef struct
{
  char      *title;
  char      *text;      /* a description, a note, a step's note */
  IccStance  stance;
  gboolean   comment;   /* a citation's part: a reader's comment */
} Version;

struct _IccEdit
{
  GObject     parent_instance;

  EditKind    kind;
  char       *label;

  /* What the edit is about: an IccEvent, IccCitation, IccArticle or IccTour. */
  GObject    *subject;
  /* The event a citation is added to or removed from. */
  IccEvent   *event;
  /* EDIT_SET_EVENT and EDIT_SET_ARTICLE: detached copies of the fields. */
  GObject    *before_object;
  GObject    *after_object;
  /* EDIT_SET_CITATION, EDIT_SET_TOUR, the steps. */
  Version     before;
  Version     after;
  char       *event_id;  /* of a step */
  /* Positions: where an item was, recorded when removed; a step's place. */
  int         position;
  int         to;
  IccTourView step_view;  /* of a step removed; before EDIT_SET_STEP_VIEW (after: to) */
  /* EDIT_GROUP */
  GPtrArray  *edits;
};

G_DEFINE_FINAL_TYPE (IccEdit, icc_edit, G_TYPE_OBJECT)

static void
version_clear (Version *version)
{
  g_clear_pointer (&version->title, g_free);
  g_clear_pointer (&version->text, g_free);
}

static void
icc_edit_finalize (GObject *object)
{
  IccEdit *self = (IccEdit *)object;

  g_clear_pointer (&self->label, g_free);
  g_clear_object (&self->subject);
  g_clear_object (&self->event);
  g_clear_object (&self->before_object);
  g_clear_object (&self->after_object);
  version_clear (&self->before);
  version_clear (&self->after);
  g_clear_pointer (&self->event_id, g_free);
  g_clear_pointer (&self->edits, g_ptr_array_unref);

  G_OBJECT_CLASS (icc_edit_parent_class)->finalize (object);
}

static void
icc_edit_class_init (IccEditClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = icc_edit_finalize;
}

static void
icc_edit_init (IccEdit *self)
{
  self->position = -1;
  self->to = -1;
}

static IccEdit *
edit_new (EditKind    kind,
          const char *label,
          gpointer    subject)
{
  IccEdit *self = g_object_new (ICC_TYPE_EDIT, NULL);

  self->kind = kind;
  self->label = g_strdup (label);
  self->subject = subject != NULL ? g_object_ref (subject) : NULL;

  return self;
}

/* Groups */

IccEdit *
icc_edit_new_group (const char *label)
{
  IccEdit *self = edit_new (EDIT_GROUP, label, NULL);

  self->edits = g_ptr_array_new_with_free_func (g_object_unref);

  return self;
}

void
icc_edit_group_add (IccEdit *self,
                    IccEdit *edit)
{
  g_return_if_fail (ICC_IS_EDIT (self));
  g_return_if_fail (self->kind == EDIT_GROUP);
  g_return_if_fail (ICC_IS_EDIT (edit));

  g_ptr_array_add (self->edits, g_object_ref (edit));
  if (self->subject == NULL && edit->subject != NULL)
    self->subject = g_object_ref (edit->subject);
}

guint
icc_edit_group_get_n_edits (IccEdit *self)
{
  g_return_val_if_fail (ICC_IS_EDIT (self), 0);
  return self->edits != NULL ? self->edits->len : 0;
}

/* Events */

IccEdit *
icc_edit_new_add_event (IccEvent *event)
{
  g_return_val_if_fail (ICC_IS_EVENT (event), NULL);

  return edit_new (EDIT_ADD_EVENT, _("Add Event"), event);
}

static IccEdit *
remove_event_only (IccEvent *event)
{
  return edit_new (EDIT_REMOVE_EVENT, _("Delete Event"), event);
}

IccEdit *
icc_edit_new_remove_event (IccDataset *dataset,
                           IccEvent   *event)
{
  GListModel *tours;
  IccEdit *self;
  const char *id;
  guint n_tours;

  g_return_val_if_fail (ICC_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (ICC_IS_EVENT (event), NULL);

  self = icc_edit_new_group (_("Delete Event"));
  id = icc_event_get_id (event);

  /* The steps that show the event go first, last step first, so that each
   * position stays right as the ones after it are removed. */
  tours = icc_dataset_get_tours (dataset);
  n_tours = g_list_model_get_n_items (tours);
  for (guint i = 0; i < n_tours; i++)
    {
      g_autoptr(IccTour) tour = g_list_model_get_item (tours, i);

      for (guint j = icc_tour_get_n_steps (tour); j > 0; j--)
        {
          if (g_strcmp0 (icc_tour_get_step_event (tour, j - 1), id) == 0)
            {
              g_autoptr(IccEdit) step = icc_edit_new_remove_step (tour, j - 1);

              icc_edit_group_add (self, step);
            }
        }
    }

  {
    g_autoptr(IccEdit) remove = remove_event_only (event);

    icc_edit_group_add (self, remove);
  }

  /* The subject is the event, not the first tour. */
  g_set_object (&self->subject, G_OBJECT (event));

  return self;
}

static IccEvent *
event_fields_copy (IccEvent *event)
{
  IccEvent *copy = icc_event_new (icc_event_get_id (event),
                                  icc_event_get_kind (event),
                                  icc_event_get_date (event));

  icc_event_copy_fields (copy, event);

  return copy;
}

IccEdit *
icc_edit_new_set_event (IccEvent *event,
                        IccEvent *draft)
{
  IccEdit *self;

  g_return_val_if_fail (ICC_IS_EVENT (event), NULL);
  g_return_val_if_fail (ICC_IS_EVENT (draft), NULL);

  self = edit_new (EDIT_SET_EVENT, _("Edit Event"), event);
  self->before_object = G_OBJECT (event_fields_copy (event));
  self->after_object = G_OBJECT (event_fields_copy (draft));

  return self;
}

/* Citations */

IccEdit *
icc_edit_new_add_citation (IccEvent    *event,
                           IccCitation *citation)
{
  IccEdit *self;

  g_return_val_if_fail (ICC_IS_EVENT (event), NULL);
  g_return_val_if_fail (ICC_IS_CITATION (citation), NULL);
  g_return_val_if_fail (icc_citation_get_event (citation) == NULL, NULL);

  self = edit_new (EDIT_ADD_CITATION, _("Add Citation"), citation);
  self->event = g_object_ref (event);

  return self;
}

IccEdit *
icc_edit_new_remove_citation (IccCitation *citation)
{
  IccEdit *self;
  IccEvent *event;

  g_return_val_if_fail (ICC_IS_CITATION (citation), NULL);

  event = icc_citation_get_event (citation);
  g_return_val_if_fail (event != NULL, NULL);

  self = edit_new (EDIT_REMOVE_CITATION, _("Delete Citation"), citation);
  self->event = g_object_ref (event);

  return self;
}

IccEdit *
icc_edit_new_set_citation (IccCitation *citation,
                           IccStance    stance,
                           const char  *note)
{
  g_return_val_if_fail (ICC_IS_CITATION (citation), NULL);

  return icc_edit_new_set_citation_full (citation, stance, note,
                                         icc_citation_get_comment (citation));
}

IccEdit *
icc_edit_new_set_citation_full (IccCitation *citation,
                                IccStance    stance,
                                const char  *note,
                                gboolean     comment)
{
  IccEdit *self;

  g_return_val_if_fail (ICC_IS_CITATION (citation), NULL);

  self = edit_new (EDIT_SET_CITATION, _("Edit Citation"), citation);
  self->before.stance = icc_citation_get_stance (citation);
  self->before.text = g_strdup (icc_citation_get_note (citation));
  self->before.comment = icc_citation_get_comment (citation);
  self->after.stance = stance;
  self->after.text = g_strdup (note);
  self->after.comment = comment;

  return self;
}

/* Articles */

IccEdit *
icc_edit_new_add_article (IccArticle *article)
{
  g_return_val_if_fail (ICC_IS_ARTICLE (article), NULL);

  return edit_new (EDIT_ADD_ARTICLE, _("Add Article"), article);
}

IccEdit *
icc_edit_new_remove_article (IccDataset *dataset,
                             IccArticle *article)
{
  GListModel *events;
  IccEdit *self;
  const char *id;
  guint n_events;

  g_return_val_if_fail (ICC_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (ICC_IS_ARTICLE (article), NULL);

  self = icc_edit_new_group (_("Delete Article"));
  id = icc_article_get_id (article);

  /* Every citation of the article, anchored or not, by its id. */
  events = icc_dataset_get_events (dataset);
  n_events = g_list_model_get_n_items (events);
  for (guint i = 0; i < n_events; i++)
    {
      g_autoptr(IccEvent) event = g_list_model_get_item (events, i);
      GListModel *citations;
      guint n;

      if ((n = icc_event_get_n_citations (event)) == 0)
        continue;

      citations = icc_event_get_citations (event);
      for (guint j = n; j > 0; j--)
        {
          g_autoptr(IccCitation) citation = g_list_model_get_item (citations, j - 1);

          if (g_strcmp0 (icc_citation_get_article_id (citation), id) == 0)
            {
              g_autoptr(IccEdit) remove = icc_edit_new_remove_citation (citation);

              icc_edit_group_add (self, remove);
            }
        }
    }

  {
    g_autoptr(IccEdit) remove = edit_new (EDIT_REMOVE_ARTICLE, _("Delete Article"), article);

    icc_edit_group_add (self, remove);
  }

  g_set_object (&self->subject, G_OBJECT (article));

  return self;
}

static void
article_copy_metadata (IccArticle *article,
                       IccArticle *source)
{
  icc_article_set_title (article, icc_article_get_title (source));
  icc_article_set_outlet (article, icc_article_get_outlet (source));
  icc_article_set_author (article, icc_article_get_author (source));
  icc_article_set_date (article, icc_article_get_date (source));
  icc_article_set_url (article, icc_article_get_url (source));
  icc_article_set_edit_note (article, icc_article_get_edit_note (source));
}

static IccArticle *
article_metadata_copy (IccArticle *article)
{
  IccArticle *copy = icc_article_new (icc_article_get_id (article));

  article_copy_metadata (copy, article);

  return copy;
}

IccEdit *
icc_edit_new_set_article (IccArticle *article,
                          IccArticle *draft)
{
  IccEdit *self;

  g_return_val_if_fail (ICC_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (ICC_IS_ARTICLE (draft), NULL);

  self = edit_new (EDIT_SET_ARTICLE, _("Edit Article"), article);
  self->before_object = G_OBJECT (article_metadata_copy (article));
  self->after_object = G_OBJECT (article_metadata_copy (draft));

  return self;
}

/* Tours */

IccEdit *
icc_edit_new_add_tour (IccTour *tour)
{
  g_return_val_if_fail (ICC_IS_TOUR (tour), NULL);

  return edit_new (EDIT_ADD_TOUR, _("New Tour"), tour);
}

IccEdit *
icc_edit_new_remove_tour (IccTour *tour)
{
  g_return_val_if_fail (ICC_IS_TOUR (tour), NULL);

  return edit_new (EDIT_REMOVE_TOUR, _("Delete Tour"), tour);
}

IccEdit *
icc_edit_new_set_tour (IccTour    *tour,
                       const char *title,
                       const char *description)
{
  IccEdit *self;

  g_return_val_if_fail (ICC_IS_TOUR (tour), NULL);

  self = edit_new (EDIT_SET_TOUR, _("Edit Tour"), tour);
  self->before.title = g_strdup (icc_tour_get_title (tour));
  self->before.text = g_strdup (icc_tour_get_description (tour));
  self->after.title = g_strdup (title);
  self->after.text = g_strdup (description);

  return self;
}

IccEdit *
icc_edit_new_insert_step (IccTour    *tour,
                          guint       position,
                          const char *event_id,
                          const char *title,
                          const char *note)
{
  IccEdit *self;

  g_return_val_if_fail (ICC_IS_TOUR (tour), NULL);
  g_return_val_if_fail (event_id != NULL, NULL);
  g_return_val_if_fail (position <= icc_tour_get_n_steps (tour), NULL);

  self = edit_new (EDIT_INSERT_STEP, _("Add Step to Tour"), tour);
  self->position = position;
  self->event_id = g_strdup (event_id);
  self->after.title = g_strdup (title);
  self->after.text = g_strdup (note);

  return self;
}

IccEdit *
icc_edit_new_remove_step (IccTour *tour,
                          guint    position)
{
  IccEdit *self;

  g_return_val_if_fail (ICC_IS_TOUR (tour), NULL);
  g_return_val_if_fail (position < icc_tour_get_n_steps (tour), NULL);

  self = edit_new (EDIT_REMOVE_STEP, _("Delete Step"), tour);
  self->position = position;
  self->event_id = g_strdup (icc_tour_get_step_event (tour, position));
  self->before.title = g_strdup (icc_tour_get_step_title (tour, position));
  self->before.text = g_strdup (icc_tour_get_step_note (tour, position));
  self->step_view = icc_tour_get_step_view (tour, position);

  return self;
}

IccEdit *
icc_edit_new_set_step (IccTour    *tour,
                       guint       position,
                       const char *title,
                       const char *note)
{
  IccEdit *self;

  g_return_val_if_fail (ICC_IS_TOUR (tour), NULL);
  g_return_val_if_fail (position < icc_tour_get_n_steps (tour), NULL);

  self = edit_new (EDIT_SET_STEP, _("Edit Step"), tour);
  self->position = position;
  self->before.title = g_strdup (icc_tour_get_step_title (tour, position));
  self->before.text = g_strdup (icc_tour_get_step_note (tour, position));
  self->after.title = g_strdup (title);
  self->after.text = g_strdup (note);

  return self;
}

IccEdit *
icc_edit_new_set_step_view (IccTour     *tour,
                            guint        position,
                            IccTourView  view)
{
  IccEdit *self;

  g_return_val_if_fail (ICC_IS_TOUR (tour), NULL);
  g_return_val_if_fail (position < icc_tour_get_n_steps (tour), NULL);

  self = edit_new (EDIT_SET_STEP_VIEW, view == ICC_TOUR_VIEW_MAP ? _("Show the Map on the Step")
                                                                 : _("Show the Timeline on the Step"),
                   tour);
  self->position = position;
  self->step_view = icc_tour_get_step_view (tour, position);
  self->to = view;

  return self;
}

IccEdit *
icc_edit_new_move_step (IccTour *tour,
                        guint    from,
                        guint    to)
{
  IccEdit *self;
  guint n;

  g_return_val_if_fail (ICC_IS_TOUR (tour), NULL);
  n = icc_tour_get_n_steps (tour);
  g_return_val_if_fail (from < n && to < n, NULL);

  self = edit_new (EDIT_MOVE_STEP, _("Move Step"), tour);
  self->position = from;
  self->to = to;

  return self;
}

const char *
icc_edit_get_label (IccEdit *self)
{
  g_return_val_if_fail (ICC_IS_EDIT (self), NULL);
  return self->label;
}

GObject *
icc_edit_get_subject (IccEdit *self)
{
  g_return_val_if_fail (ICC_IS_EDIT (self), NULL);
  return self->subject;
}

/* Applying and reverting. @forward is TRUE to apply. Each kind and its
 * inverse share one branch. */

static void
add_event (IccDataset *dataset,
           IccEvent   *event)
{
  gboolean added = icc_dataset_insert_event (dataset, event);

  g_return_if_fail (added);
}

static void
remove_event (IccDataset *dataset,
              IccEvent   *event)
{
  int position = icc_dataset_remove_event (dataset, event);

  g_return_if_fail (position >= 0);
}

static void
add_citation (IccEdit *self)
{
  guint n = icc_event_get_n_citations (self->event);
  guint position = self->position >= 0 ? MIN ((guint)self->position, n) : n;

  icc_event_insert_citation (self->event, position, ICC_CITATION (self->subject));
}

static void
remove_citation (IccEdit *self)
{
  self->position = icc_event_remove_citation (self->event, ICC_CITATION (self->subject));
  g_return_if_fail (self->position >= 0);
}

static void
add_article (IccEdit    *self,
             IccDataset *dataset)
{
  guint position = self->position >= 0 ? (guint)self->position : G_MAXUINT;
  gboolean added = icc_dataset_insert_article (dataset, position, ICC_ARTICLE (self->subject));

  g_return_if_fail (added);
}

static void
remove_article (IccEdit    *self,
                IccDataset *dataset)
{
  self->position = icc_dataset_remove_article (dataset, ICC_ARTICLE (self->subject));
  g_return_if_fail (self->position >= 0);
}

static void
add_tour (IccEdit    *self,
          IccDataset *dataset)
{
  guint position = self->position >= 0 ? (guint)self->position : G_MAXUINT;
  gboolean added = icc_dataset_insert_tour (dataset, position, ICC_TOUR (self->subject));

  g_return_if_fail (added);
}

static void
remove_tour (IccEdit    *self,
             IccDataset *dataset)
{
  self->position = icc_dataset_remove_tour (dataset, ICC_TOUR (self->subject));
  g_return_if_fail (self->position >= 0);
}

static void
run (IccEdit    *self,
     IccDataset *dataset,
     gboolean    forward)
{
  const Version *version = forward ? &self->after : &self->before;

  switch (self->kind)
    {
    case EDIT_GROUP:
      if (forward)
        for (guint i = 0; i < self->edits->len; i++)
          run (g_ptr_array_index (self->edits, i), dataset, TRUE);
      else
        for (guint i = self->edits->len; i > 0; i--)
          run (g_ptr_array_index (self->edits, i - 1), dataset, FALSE);
      break;

    case EDIT_ADD_EVENT:
    case EDIT_REMOVE_EVENT:
      if (forward == (self->kind == EDIT_ADD_EVENT))
        add_event (dataset, ICC_EVENT (self->subject));
      else
        remove_event (dataset, ICC_EVENT (self->subject));
      break;

    case EDIT_SET_EVENT:
      icc_event_copy_fields (ICC_EVENT (self->subject),
                             ICC_EVENT (forward ? self->after_object : self->before_object));
      icc_dataset_event_changed (dataset, ICC_EVENT (self->subject));
      break;

    case EDIT_ADD_CITATION:
    case EDIT_REMOVE_CITATION:
      if (forward == (self->kind == EDIT_ADD_CITATION))
        add_citation (self);
      else
        remove_citation (self);
      break;

    case EDIT_SET_CITATION:
      icc_citation_set_stance (ICC_CITATION (self->subject), version->stance);
      icc_citation_set_note (ICC_CITATION (self->subject), version->text);
      icc_citation_set_comment (ICC_CITATION (self->subject), version->comment);
      break;

    case EDIT_ADD_ARTICLE:
    case EDIT_REMOVE_ARTICLE:
      if (forward == (self->kind == EDIT_ADD_ARTICLE))
        add_article (self, dataset);
      else
        remove_article (self, dataset);
      break;

    case EDIT_SET_ARTICLE:
      article_copy_metadata (ICC_ARTICLE (self->subject),
                             ICC_ARTICLE (forward ? self->after_object : self->before_object));
      icc_dataset_article_changed (dataset, ICC_ARTICLE (self->subject));
      break;

    case EDIT_ADD_TOUR:
    case EDIT_REMOVE_TOUR:
      if (forward == (self->kind == EDIT_ADD_TOUR))
        add_tour (self, dataset);
      else
        remove_tour (self, dataset);
      break;

    case EDIT_SET_TOUR:
      icc_tour_set_title (ICC_TOUR (self->subject), version->title);
      icc_tour_set_description (ICC_TOUR (self->subject), version->text);
      break;

    case EDIT_INSERT_STEP:
    case EDIT_REMOVE_STEP:
      if (forward == (self->kind == EDIT_INSERT_STEP))
        {
          const Version *step = self->kind == EDIT_INSERT_STEP ? &self->after : &self->before;

          icc_tour_insert_step (ICC_TOUR (self->subject), self->position,
                                self->event_id, step->title, step->text);
          if (self->kind == EDIT_REMOVE_STEP)
            icc_tour_set_step_view (ICC_TOUR (self->subject), self->position, self->step_view);
        }
      else
        icc_tour_remove_step (ICC_TOUR (self->subject), self->position);
      break;

    case EDIT_SET_STEP:
      icc_tour_set_step_text (ICC_TOUR (self->subject), self->position,
                              version->title, version->text);
      break;

    case EDIT_SET_STEP_VIEW:
      icc_tour_set_step_view (ICC_TOUR (self->subject), self->position,
                              forward ? (IccTourView)self->to : self->step_view);
      break;

    case EDIT_MOVE_STEP:
      if (forward)
        icc_tour_move_step (ICC_TOUR (self->subject), self->position, self->to);
      else
        icc_tour_move_step (ICC_TOUR (self->subject), self->to, self->position);
      break;

    default:
      g_assert_not_reached ();
    }
}

void
icc_edit_apply (IccEdit    *self,
                IccDataset *dataset)
{
  g_return_if_fail (ICC_IS_EDIT (self));
  g_return_if_fail (ICC_IS_DATASET (dataset));

  run (self, dataset, TRUE);
}

void
icc_edit_revert (IccEdit    *self,
                 IccDataset *dataset)
{
  g_return_if_fail (ICC_IS_EDIT (self));
  g_return_if_fail (ICC_IS_DATASET (dataset));

  run (self, dataset, FALSE);
}
