/* test-edit.c: every edit, its inverse, the history and its checks.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each edit is performed on the bundled dataset, its effect checked, then
 * undone (the saved bytes must equal the original's) and redone (equal to
 * the edited ones). The property test runs random sequences of edits:
 * ICC_EDIT_SEQUENCES of them (default 1000) of up to 6 edits each, seed
 * ICC_EDIT_SEED (printed).
 */

#include "config.h"

#include "icc-anchor.h"
#include "icc-dataset-json.h"
#include "icc-edit.h"
#include "icc-enum-util.h"
#include "icc-history.h"
#include "icc-test-load.h"

static GBytes *
save_bytes (IccDataset *dataset)
{
  gsize length = 0;
  char *data = icc_dataset_to_data (dataset, &length);

  return g_bytes_new_take (data, length);
}

static void
assert_bytes_equal (GBytes *a,
                    GBytes *b)
{
  if (!g_bytes_equal (a, b))
    {
      gsize la, lb;
      const char *da = g_bytes_get_data (a, &la);
      const char *db = g_bytes_get_data (b, &lb);
      gsize i = 0;

      while (i < la && i < lb && da[i] == db[i])
        i++;
      g_test_message ("differ at byte %" G_GSIZE_FORMAT ": …%.60s… vs …%.60s…",
                      i, da + MIN (i, la), db + MIN (i, lb));
      g_assert_not_reached ();
    }
}

/* Performs @edit (which must succeed), then checks undo and redo restore
 * the bytes before and after. Returns the bytes after. */
static GBytes *
perform_undo_redo (IccHistory *history,
                   IccEdit    *edit)
{
  IccDataset *dataset = icc_history_get_dataset (history);
  g_autoptr(GBytes) before = save_bytes (dataset);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GBytes) redone = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (icc_history_perform (history, edit, &error));
  g_assert_no_error (error);
  g_assert_true (icc_history_get_modified (history));
  after = save_bytes (dataset);
  g_assert_false (g_bytes_equal (before, after));

  g_assert_true (icc_history_undo (history) == edit);
  undone = save_bytes (dataset);
  assert_bytes_equal (before, undone);

  g_assert_true (icc_history_redo (history) == edit);
  redone = save_bytes (dataset);
  assert_bytes_equal (after, redone);

  return g_steal_pointer (&after);
}

static IccHistory *
bundled_history (void)
{
  g_autoptr(IccDataset) dataset = test_load_bundled ();

  return icc_history_new (dataset);
}

/* Events */

static void
test_add_event (void)
{
  g_autoptr(IccHistory) history = bundled_history ();
  IccDataset *dataset = icc_history_get_dataset (history);
  IccDate date = { 2026, 5, 29 };
  const char *states[] = { "HU", NULL };
  g_autoptr(IccEvent) event = icc_event_new ("hu-note", ICC_EVENT_KIND_STATEMENT, &date);
  g_autoptr(IccEdit) edit = NULL;
  g_autoptr(GBytes) after = NULL;
  guint n = g_list_model_get_n_items (icc_dataset_get_events (dataset));
  g_autoptr(GPtrArray) hu_events = NULL;

  icc_event_set_title (event, "A statement");
  icc_event_set_states (event, states);
  edit = icc_edit_new_add_event (event);
  g_assert_cmpstr (icc_edit_get_label (edit), ==, "Add Event");

  after = perform_undo_redo (history, edit);
  g_assert_cmpuint (g_list_model_get_n_items (icc_dataset_get_events (dataset)), ==, n + 1);
  g_assert_true (icc_dataset_lookup_event (dataset, "hu-note") == event);
  /* Indexed: the state's events include it. */
  hu_events = icc_dataset_get_state_events (dataset, icc_dataset_lookup_state (dataset, "HU"));
  g_assert_true (g_ptr_array_find (hu_events, event, NULL));

  icc_history_undo (history);
  g_assert_null (icc_dataset_lookup_event (dataset, "hu-note"));
  g_assert_false (icc_history_get_modified (history));
}

static void
test_remove_event_with_steps (void)
{
  g_autoptr(IccHistory) history = bundled_history ();
  IccDataset *dataset = icc_history_get_dataset (history);
  IccTour *tour = icc_dataset_lookup_tour (dataset, "russia-2016");
  IccEvent *event = icc_dataset_lookup_event (dataset, "rome-statute-adopted");
  g_autoptr(IccEdit) edit = NULL;
  g_autoptr(GBytes) after = NULL;
  guint n_steps = icc_tour_get_n_steps (tour);

  g_assert_nonnull (event);
  g_assert_cmpstr (icc_tour_get_step_event (tour, 0), ==, "rome-statute-adopted");

  edit = icc_edit_new_remove_event (dataset, event);
  g_assert_true (icc_edit_get_subject (edit) == G_OBJECT (event));
  after = perform_undo_redo (history, edit);
  g_assert_null (icc_dataset_lookup_event (dataset, "rome-statute-adopted"));
  g_assert_cmpuint (icc_tour_get_n_steps (tour), ==, n_steps - 1);

  icc_history_undo (history);
  g_assert_cmpuint (icc_tour_get_n_steps (tour), ==, n_steps);
  g_assert_cmpstr (icc_tour_get_step_event (tour, 0), ==, "rome-statute-adopted");
  g_assert_cmpstr (icc_tour_get_step_title (tour, 0), ==, "Rome, 1998");
}

static void
test_set_event_moves_it (void)
{
  g_autoptr(IccHistory) history = bundled_history ();
  IccDataset *dataset = icc_history_get_dataset (history);
  GListModel *events = icc_dataset_get_events (dataset);
  IccEvent *event = icc_dataset_lookup_event (dataset, "putin-warrant");
  g_autoptr(IccEvent) draft = icc_event_new ("putin-warrant", ICC_EVENT_KIND_WARRANT,
                                             icc_event_get_date (event));
  g_autoptr(IccEdit) edit = NULL;
  g_autoptr(GBytes) after = NULL;
  IccDate date = { 2000, 1, 1 };

  icc_event_copy_fields (draft, event);
  icc_event_set_date (draft, &date);
  icc_event_set_title (draft, "Moved");
  edit = icc_edit_new_set_event (event, draft);
  after = perform_undo_redo (history, edit);

  g_assert_cmpstr (icc_event_get_title (event), ==, "Moved");
  g_assert_cmpint (icc_event_get_day (event), ==, icc_date_get_day (&date));
  /* Still sorted. */
  for (guint i = 1; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(IccEvent) a = g_list_model_get_item (events, i - 1);
      g_autoptr(IccEvent) b = g_list_model_get_item (events, i);

      g_assert_cmpint (icc_event_compare (a, b), <=, 0);
    }
}

/* A withdrawal notice from a state that is not a party is refused, by the
 * check (with the state and date named) and by the history. */
static void
test_forbidden_transition (void)
{
  g_autoptr(IccHistory) history = bundled_history ();
  IccDataset *dataset = icc_history_get_dataset (history);
  IccDate date = { 2016, 12, 1 };
  const char *states[] = { "RU", NULL };
  g_autoptr(IccEvent) event = icc_event_new ("ru-notice", ICC_EVENT_KIND_WITHDRAWAL_NOTICE, &date);
  g_autoptr(IccEdit) edit = NULL;
  g_autoptr(GBytes) before = save_bytes (dataset);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) effects = NULL;
  guint n = g_list_model_get_n_items (icc_dataset_get_events (dataset));

  icc_event_set_states (event, states);

  g_assert_false (icc_dataset_check_event (dataset, event, NULL, &effects, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "Russia"));
  g_assert_nonnull (strstr (error->message, "1 December 2016"));
  g_assert_nonnull (strstr (error->message, "Signature withdrawn"));
  g_assert_null (effects);
  g_clear_error (&error);

  edit = icc_edit_new_add_event (event);
  g_assert_false (icc_history_perform (history, edit, &error));
  g_assert_error (error, ICC_HISTORY_ERROR, ICC_HISTORY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "ru-notice"));
  g_assert_false (icc_history_can_undo (history));
  g_assert_false (icc_history_get_modified (history));
  g_assert_cmpuint (g_list_model_get_n_items (icc_dataset_get_events (dataset)), ==, n);
  after = save_bytes (dataset);
  assert_bytes_equal (before, after);
}

/* An event before a state's later events must keep them valid: a second
 * signature for Hungary in 2000 would make its 2001 ratification… still
 * fine, but a signature withdrawn in 2000 makes the ratification invalid. */
static void
test_check_later_events (void)
{
  g_autoptr(IccDataset) dataset = test_load_bundled ();
  IccDate date = { 2000, 6, 1 };
  const char *states[] = { "HU", NULL };
  g_autoptr(IccEvent) event = icc_event_new ("x", ICC_EVENT_KIND_SIGNATURE_WITHDRAWN, &date);
  g_autoptr(GError) error = NULL;

  icc_event_set_states (event, states);
  g_assert_false (icc_dataset_check_event (dataset, event, NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "Hungary"));
  g_assert_nonnull (strstr (error->message, "30 November 2001"));
}

/* The effect shown before confirming: Hungary's withdrawal revoked on 29 May
 * 2026 takes it from Withdrawing to State Party, once the effective
 * withdrawal is gone. */
static void
test_check_effects (void)
{
  g_autoptr(IccHistory) history = bundled_history ();
  IccDataset *dataset = icc_history_get_dataset (history);
  IccEvent *effective = icc_dataset_lookup_event (dataset, "hu-withdrawal-effective");
  IccDate date = { 2026, 5, 29 };
  const char *states[] = { "HU", NULL };
  g_autoptr(IccEvent) event = icc_event_new ("hu-revoked", ICC_EVENT_KIND_WITHDRAWAL_REVOKED, &date);
  g_autoptr(IccEdit) remove = NULL;
  g_autoptr(GArray) effects = NULL;
  g_autoptr(GError) error = NULL;
  IccStatusEffect *effect;

  icc_event_set_states (event, states);

  /* With the effective withdrawal still there, it is refused. */
  g_assert_false (icc_dataset_check_event (dataset, event, NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "2 June 2026"));
  g_clear_error (&error);

  remove = icc_edit_new_remove_event (dataset, effective);
  g_assert_true (icc_history_perform (history, remove, &error));
  g_assert_no_error (error);

  g_assert_true (icc_dataset_check_event (dataset, event, NULL, &effects, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (effects->len, ==, 1);
  effect = &g_array_index (effects, IccStatusEffect, 0);
  g_assert_cmpstr (icc_state_get_code (effect->state), ==, "HU");
  g_assert_cmpint (effect->before, ==, ICC_STATUS_WITHDRAWING);
  g_assert_cmpint (effect->after, ==, ICC_STATUS_PARTY);
  g_assert_cmpint (effect->day, ==, icc_date_get_day (&date));
}

/* Citations */

static void
test_citations (void)
{
  g_autoptr(IccHistory) history = bundled_history ();
  IccDataset *dataset = icc_history_get_dataset (history);
  IccEvent *event = icc_dataset_lookup_event (dataset, "hu-withdrawal-notice");
  IccEvent *cited = icc_dataset_lookup_event (dataset, "ru-order-361-rp");
  IccArticle *article = icc_dataset_lookup_article (dataset, "cnn-2016-11-16");
  g_autoptr(IccCitation) citation = icc_citation_new ("cnn-2016-11-16", "Russia");
  g_autoptr(IccCitation) existing = g_list_model_get_item (icc_event_get_citations (cited), 3);
  g_autoptr(IccEdit) add = NULL;
  g_autoptr(IccEdit) set = NULL;
  g_autoptr(IccEdit) remove = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GPtrArray) list = NULL;
  guint n = icc_event_get_n_citations (cited);

  add = icc_edit_new_add_citation (event, citation);
  g_clear_pointer (&after, g_bytes_unref);
  after = perform_undo_redo (history, add);
  g_assert_cmpuint (icc_event_get_n_citations (event), ==, 1);
  g_assert_true (icc_citation_get_event (citation) == event);
  /* Indexed: anchored and listed with the article's citations. */
  g_assert_true (icc_citation_is_anchored (citation));
  list = icc_dataset_get_article_citations (dataset, article);
  g_assert_true (g_ptr_array_find (list, citation, NULL));

  set = icc_edit_new_set_citation (existing, ICC_STANCE_DISPUTES, "A note");
  g_clear_pointer (&after, g_bytes_unref);
  after = perform_undo_redo (history, set);
  g_assert_cmpint (icc_citation_get_stance (existing), ==, ICC_STANCE_DISPUTES);
  g_assert_cmpstr (icc_citation_get_note (existing), ==, "A note");

  remove = icc_edit_new_remove_citation (existing);
  g_clear_pointer (&after, g_bytes_unref);
  after = perform_undo_redo (history, remove);
  g_assert_cmpuint (icc_event_get_n_citations (cited), ==, n - 1);
  g_assert_null (icc_citation_get_event (existing));

  /* Undone, it is back in its place (the bytes check that too). */
  icc_history_undo (history);
  {
    g_autoptr(IccCitation) again = g_list_model_get_item (icc_event_get_citations (cited), 3);

    g_assert_true (again == existing);
  }
}

/* "Cite…" on a selection: the passage anchors back where it was, even a
 * word that occurs many times, with the loader's anchoring. */
static void
test_citation_from_range (void)
{
  g_autoptr(IccHistory) history = bundled_history ();
  IccDataset *dataset = icc_history_get_dataset (history);
  IccArticle *article = icc_dataset_lookup_article (dataset, "cnn-2016-11-16");
  IccEvent *event = icc_dataset_lookup_event (dataset, "hu-withdrawal-notice");
  const char *text = icc_article_get_text (article);
  const char *second_the;
  int start, end, found_start, found_end;
  g_autoptr(IccCitation) citation = NULL;
  g_autoptr(IccEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *quote = NULL;

  /* The second "the " of the text, selected with a space on each side. */
  second_the = strstr (strstr (text, "the ") + 1, "the ");
  g_assert_nonnull (second_the);
  start = (int)g_utf8_pointer_to_offset (text, second_the) - 1;
  end = start + 5;

  citation = icc_citation_new_for_range (article, start, end, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (icc_citation_get_quote (citation), ==, "the");
  g_assert_cmpstr (icc_citation_get_article_id (citation), ==, "cnn-2016-11-16");
  g_assert_cmpint (icc_citation_get_hint_start (citation), ==, start + 1);
  g_assert_cmpint (icc_citation_get_hint_end (citation), ==, start + 4);
  g_assert_nonnull (icc_citation_get_prefix (citation));
  g_assert_nonnull (icc_citation_get_suffix (citation));

  /* Found again without its offsets. */
  g_assert_cmpint (icc_anchor_resolve (text, "the", icc_citation_get_prefix (citation),
                                       icc_citation_get_suffix (citation), -1, -1,
                                       &found_start, &found_end), !=, ICC_ANCHOR_NONE);
  g_assert_cmpint (found_start, ==, start + 1);
  g_assert_cmpint (found_end, ==, start + 4);

  edit = icc_edit_new_add_citation (event, citation);
  g_assert_true (icc_history_perform (history, edit, &error));
  g_assert_no_error (error);
  g_assert_true (icc_citation_get_anchor (citation, &found_start, &found_end));
  g_assert_cmpint (found_start, ==, start + 1);
  g_assert_true (icc_citation_get_article (citation) == article);

  /* Nothing but white space, or nothing. */
  g_assert_null (icc_citation_new_for_range (article, start, start + 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (icc_citation_new_for_range (article, 10, 10, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* Out of range is clamped: the whole text. */
  citation = (g_object_unref (citation), icc_citation_new_for_range (article, -5, G_MAXINT, &error));
  g_assert_no_error (error);
  quote = g_strstrip (g_strdup (text));
  g_assert_cmpstr (icc_citation_get_quote (citation), ==, quote);
}

/* Articles */

static void
test_articles (void)
{
  g_autoptr(IccHistory) history = bundled_history ();
  IccDataset *dataset = icc_history_get_dataset (history);
  IccArticle *article = icc_dataset_lookup_article (dataset, "cnn-2016-11-16");
  g_autoptr(IccArticle) added = icc_article_new ("new-article");
  g_autoptr(IccArticle) draft = icc_article_new ("cnn-2016-11-16");
  g_autoptr(IccEdit) add = NULL;
  g_autoptr(IccEdit) set = NULL;
  g_autoptr(IccEdit) remove = NULL;
  g_autoptr(GBytes) after = NULL;
  IccDate date = { 2026, 12, 2 };
  guint n_cnn = 0;
  guint n_articles = g_list_model_get_n_items (icc_dataset_get_articles (dataset));
  GListModel *events = icc_dataset_get_events (dataset);

  icc_article_set_title (added, "This morning");
  icc_article_set_text (added, "Something happened this morning.");
  add = icc_edit_new_add_article (added);
  after = perform_undo_redo (history, add);
  g_assert_true (icc_dataset_lookup_article (dataset, "new-article") == added);

  icc_article_set_title (draft, "Renamed");
  icc_article_set_date (draft, &date);
  icc_article_set_outlet (draft, "CNN");
  set = icc_edit_new_set_article (article, draft);
  g_clear_pointer (&after, g_bytes_unref);
  after = perform_undo_redo (history, set);
  g_assert_cmpstr (icc_article_get_title (article), ==, "Renamed");

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(IccEvent) event = g_list_model_get_item (events, i);

      for (guint j = 0; j < icc_event_get_n_citations (event); j++)
        {
          g_autoptr(IccCitation) c = g_list_model_get_item (icc_event_get_citations (event), j);

          n_cnn += g_strcmp0 (icc_citation_get_article_id (c), "cnn-2016-11-16") == 0;
        }
    }
  g_assert_cmpuint (n_cnn, >, 0);

  remove = icc_edit_new_remove_article (dataset, article);
  g_assert_cmpuint (icc_edit_group_get_n_edits (remove), ==, n_cnn + 1);
  g_clear_pointer (&after, g_bytes_unref);
  after = perform_undo_redo (history, remove);
  g_assert_null (icc_dataset_lookup_article (dataset, "cnn-2016-11-16"));
  g_assert_cmpuint (g_list_model_get_n_items (icc_dataset_get_articles (dataset)), ==, n_articles);
}

/* Tours */

static void
test_tours (void)
{
  g_autoptr(IccHistory) history = bundled_history ();
  IccDataset *dataset = icc_history_get_dataset (history);
  IccTour *tour = icc_dataset_lookup_tour (dataset, "russia-2016");
  g_autoptr(IccTour) added = NULL;
  g_autofree char *id = icc_dataset_make_unique_id (dataset, "My Lesson!");
  g_autoptr(IccEdit) edit = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *step0 = g_strdup (icc_tour_get_step_event (tour, 0));
  g_autofree char *step1 = g_strdup (icc_tour_get_step_event (tour, 1));
  guint n = icc_tour_get_n_steps (tour);

  g_assert_cmpstr (id, ==, "my-lesson");
  added = icc_tour_new (id, "My lesson");
  edit = icc_edit_new_add_tour (added);
  after = perform_undo_redo (history, edit);
  g_assert_true (icc_dataset_lookup_tour (dataset, "my-lesson") == added);
  g_clear_object (&edit);
  g_clear_pointer (&after, g_bytes_unref);

  edit = icc_edit_new_insert_step (added, 0, "ru-signature-withdrawn", "Step", "Ask why");
  after = perform_undo_redo (history, edit);
  g_assert_cmpuint (icc_tour_get_n_steps (added), ==, 1);
  g_clear_object (&edit);
  g_clear_pointer (&after, g_bytes_unref);

  edit = icc_edit_new_set_tour (added, "Renamed", "About Russia");
  after = perform_undo_redo (history, edit);
  g_assert_cmpstr (icc_tour_get_title (added), ==, "Renamed");
  g_clear_object (&edit);
  g_clear_pointer (&after, g_bytes_unref);

  edit = icc_edit_new_move_step (tour, 0, 1);
  after = perform_undo_redo (history, edit);
  g_assert_cmpstr (icc_tour_get_step_event (tour, 0), ==, step1);
  g_assert_cmpstr (icc_tour_get_step_event (tour, 1), ==, step0);
  g_clear_object (&edit);
  g_clear_pointer (&after, g_bytes_unref);

  edit = icc_edit_new_set_step (tour, 2, "New title", NULL);
  after = perform_undo_redo (history, edit);
  g_assert_cmpstr (icc_tour_get_step_title (tour, 2), ==, "New title");
  g_assert_null (icc_tour_get_step_note (tour, 2));
  g_clear_object (&edit);
  g_clear_pointer (&after, g_bytes_unref);

  edit = icc_edit_new_remove_step (tour, n - 1);
  after = perform_undo_redo (history, edit);
  g_assert_cmpuint (icc_tour_get_n_steps (tour), ==, n - 1);
  g_clear_object (&edit);
  g_clear_pointer (&after, g_bytes_unref);

  edit = icc_edit_new_set_step_view (tour, 0, ICC_TOUR_VIEW_MAP);
  after = perform_undo_redo (history, edit);
  g_assert_cmpint (icc_tour_get_step_view (tour, 0), ==, ICC_TOUR_VIEW_MAP);
  g_assert_true (icc_history_undo (history) == edit);
  g_assert_cmpint (icc_tour_get_step_view (tour, 0), ==, ICC_TOUR_VIEW_TIMELINE);
  g_assert_true (icc_history_redo (history) == edit);
  g_clear_object (&edit);
  g_clear_pointer (&after, g_bytes_unref);

  /* A step that shows the map keeps it through Delete and Undo (the saved
   * bytes compare equal, "view": "map" included). */
  for (guint i = 0; i < icc_tour_get_n_steps (tour); i++)
    if (icc_tour_get_step_view (tour, i) == ICC_TOUR_VIEW_MAP)
      {
        edit = icc_edit_new_remove_step (tour, i);
        after = perform_undo_redo (history, edit);
        g_assert_true (icc_history_undo (history) == edit);
        g_assert_cmpint (icc_tour_get_step_view (tour, i), ==, ICC_TOUR_VIEW_MAP);
        g_assert_true (icc_history_redo (history) == edit);
        g_clear_object (&edit);
        g_clear_pointer (&after, g_bytes_unref);
        break;
      }

  edit = icc_edit_new_remove_tour (tour);
  after = perform_undo_redo (history, edit);
  g_assert_null (icc_dataset_lookup_tour (dataset, "russia-2016"));
}

/* The history's state: labels, modified, saved points. */
static void
test_history_state (void)
{
  g_autoptr(IccHistory) history = bundled_history ();
  IccDataset *dataset = icc_history_get_dataset (history);
  IccTour *tour = icc_dataset_lookup_tour (dataset, "russia-2016");
  g_autoptr(IccEdit) a = icc_edit_new_set_tour (tour, "A", NULL);
  g_autoptr(IccEdit) b = NULL;
  g_autoptr(IccEdit) c = NULL;

  g_assert_false (icc_history_can_undo (history));
  g_assert_false (icc_history_can_redo (history));
  g_assert_null (icc_history_get_undo_label (history));
  g_assert_null (icc_history_undo (history));
  g_assert_null (icc_history_redo (history));
  g_assert_false (icc_history_get_modified (history));

  g_assert_true (icc_history_perform (history, a, NULL));
  g_assert_cmpstr (icc_history_get_undo_label (history), ==, "Edit Tour");
  g_assert_true (icc_history_get_modified (history));
  icc_history_set_saved (history);
  g_assert_false (icc_history_get_modified (history));

  b = icc_edit_new_set_tour (tour, "B", NULL);
  g_assert_true (icc_history_perform (history, b, NULL));
  g_assert_true (icc_history_get_modified (history));
  icc_history_undo (history);
  g_assert_false (icc_history_get_modified (history));
  g_assert_cmpstr (icc_history_get_redo_label (history), ==, "Edit Tour");
  icc_history_undo (history);
  g_assert_true (icc_history_get_modified (history));
  g_assert_cmpstr (icc_tour_get_title (tour), !=, "A");

  /* A new edit after undoing past the saved point: it cannot come back. */
  c = icc_edit_new_set_tour (tour, "C", NULL);
  g_assert_true (icc_history_perform (history, c, NULL));
  g_assert_false (icc_history_can_redo (history));
  icc_history_undo (history);
  g_assert_true (icc_history_get_modified (history));

  icc_history_set_saved (history);
  g_assert_false (icc_history_get_modified (history));
  icc_history_set_unsaved (history);
  g_assert_true (icc_history_get_modified (history));
}

/* Random sequences of edits */

typedef struct
{
  GRand      *rand;
  IccDataset *dataset;
  guint       counter;
} Random;

static gpointer
random_item (Random     *r,
             GListModel *model)
{
  guint n = g_list_model_get_n_items (model);

  if (n == 0)
    return NULL;

  return g_list_model_get_item (model, g_rand_int_range (r->rand, 0, n));
}

/* A random event that has citations, or NULL. */
static IccEvent *
random_cited_event (Random *r)
{
  GListModel *events = icc_dataset_get_events (r->dataset);

  for (guint tries = 0; tries < 50; tries++)
    {
      IccEvent *event = random_item (r, events);

      if (event != NULL && icc_event_get_n_citations (event) > 0)
        return event;
      g_clear_object (&event);
    }

  return NULL;
}

static IccEdit *
random_edit (Random *r)
{
  GListModel *events = icc_dataset_get_events (r->dataset);
  GListModel *articles = icc_dataset_get_articles (r->dataset);
  GListModel *tours = icc_dataset_get_tours (r->dataset);
  g_autofree char *id = g_strdup_printf ("random-%u", r->counter++);

  switch (g_rand_int_range (r->rand, 0, 13))
    {
    case 0:
      {
        IccDate date;
        g_autoptr(IccEvent) event = NULL;
        g_autoptr(IccState) state = random_item (r, icc_dataset_get_states (r->dataset));
        const char *states[] = { icc_state_get_code (state), NULL };

        icc_date_init (&date, g_rand_int_range (r->rand, 1998, 2027),
                       g_rand_int_range (r->rand, 0, 13), 0);
        event = icc_event_new (id, ICC_EVENT_KIND_STATEMENT, &date);
        icc_event_set_title (event, id);
        icc_event_set_states (event, states);
        return icc_edit_new_add_event (event);
      }

    case 1:
      {
        g_autoptr(IccEvent) event = random_item (r, events);

        return event != NULL ? icc_edit_new_remove_event (r->dataset, event) : NULL;
      }

    case 2:
      {
        g_autoptr(IccEvent) event = random_item (r, events);
        g_autoptr(IccEvent) draft = NULL;
        IccDate date;

        if (event == NULL)
          return NULL;
        draft = icc_event_new (icc_event_get_id (event), icc_event_get_kind (event),
                               icc_event_get_date (event));
        icc_event_copy_fields (draft, event);
        icc_event_set_title (draft, id);
        icc_event_set_certainty (draft, g_rand_int_range (r->rand, 0, 4));
        if (!icc_event_kind_is_membership (icc_event_get_kind (event)))
          {
            icc_date_init_from_day (&date, icc_event_get_day (event) +
                                    g_rand_int_range (r->rand, -400, 400));
            icc_event_set_date (draft, &date);
          }
        return icc_edit_new_set_event (event, draft);
      }

    case 3:
      {
        g_autoptr(IccEvent) event = random_item (r, events);
        g_autoptr(IccArticle) article = random_item (r, articles);
        g_autoptr(IccCitation) citation = NULL;
        const char *text;
        glong length;
        glong start;
        g_autofree char *quote = NULL;

        if (event == NULL || article == NULL)
          return NULL;
        text = icc_article_get_text (article);
        length = g_utf8_strlen (text, -1);
        if (length < 20)
          return NULL;
        start = g_rand_int_range (r->rand, 0, length - 10);
        quote = g_utf8_substring (text, start, start + 10);
        citation = icc_citation_new (icc_article_get_id (article), quote);
        icc_citation_set_hint (citation, start, start + 10);
        return icc_edit_new_add_citation (event, citation);
      }

    case 4:
      {
        g_autoptr(IccEvent) event = random_cited_event (r);
        g_autoptr(IccCitation) citation = NULL;

        if (event == NULL)
          return NULL;
        citation = random_item (r, icc_event_get_citations (event));
        return icc_edit_new_remove_citation (citation);
      }

    case 5:
      {
        g_autoptr(IccEvent) event = random_cited_event (r);
        g_autoptr(IccCitation) citation = NULL;

        if (event == NULL)
          return NULL;
        citation = random_item (r, icc_event_get_citations (event));
        return icc_edit_new_set_citation (citation, g_rand_int_range (r->rand, 0, 3), id);
      }

    case 6:
      {
        g_autoptr(IccArticle) article = icc_article_new (id);

        icc_article_set_title (article, id);
        icc_article_set_text (article, "Text of a new article, long enough to cite.");
        return icc_edit_new_add_article (article);
      }

    case 7:
      {
        g_autoptr(IccArticle) article = random_item (r, articles);

        return article != NULL ? icc_edit_new_remove_article (r->dataset, article) : NULL;
      }

    case 8:
      {
        g_autoptr(IccArticle) article = random_item (r, articles);
        g_autoptr(IccArticle) draft = icc_article_new ("draft");

        if (article == NULL)
          return NULL;
        icc_article_set_title (draft, id);
        icc_article_set_url (draft, icc_article_get_url (article));
        return icc_edit_new_set_article (article, draft);
      }

    case 9:
      {
        g_autoptr(IccTour) tour = icc_tour_new (id, id);

        return icc_edit_new_add_tour (tour);
      }

    case 10:
      {
        g_autoptr(IccTour) tour = random_item (r, tours);
        g_autoptr(IccEvent) event = random_item (r, events);

        if (tour == NULL || event == NULL)
          return NULL;
        return icc_edit_new_insert_step (tour,
                                         g_rand_int_range (r->rand, 0, icc_tour_get_n_steps (tour) + 1),
                                         icc_event_get_id (event), id, NULL);
      }

    case 11:
      {
        g_autoptr(IccTour) tour = random_item (r, tours);
        guint n;

        if (tour == NULL || (n = icc_tour_get_n_steps (tour)) == 0)
          return NULL;
        if (g_rand_boolean (r->rand))
          return icc_edit_new_remove_step (tour, g_rand_int_range (r->rand, 0, n));
        return icc_edit_new_move_step (tour, g_rand_int_range (r->rand, 0, n),
                                       g_rand_int_range (r->rand, 0, n));
      }

    case 12:
      {
        g_autoptr(IccTour) tour = random_item (r, tours);

        if (tour == NULL)
          return NULL;
        if (g_rand_boolean (r->rand) && icc_tour_get_n_steps (tour) > 0)
          return icc_edit_new_set_step (tour, 0, id, id);
        return icc_edit_new_remove_tour (tour);
      }

    default:
      g_assert_not_reached ();
    }
}

static void
test_random_sequences (void)
{
  const char *env_count = g_getenv ("ICC_EDIT_SEQUENCES");
  const char *env_seed = g_getenv ("ICC_EDIT_SEED");
  guint count = env_count != NULL ? (guint)g_ascii_strtoull (env_count, NULL, 10) : 1000;
  guint32 seed = env_seed != NULL ? (guint32)g_ascii_strtoull (env_seed, NULL, 10) : 2026;
  g_autoptr(IccHistory) history = bundled_history ();
  g_autoptr(GBytes) original = save_bytes (icc_history_get_dataset (history));
  Random r = { g_rand_new_with_seed (seed), icc_history_get_dataset (history), 0 };
  guint n_edits = 0, n_refused = 0;

  g_test_message ("%u sequences, seed %u", count, seed);

  for (guint i = 0; i < count; i++)
    {
      guint length = g_rand_int_range (r.rand, 1, 7);
      g_autoptr(GBytes) edited = NULL;
      g_autoptr(GBytes) undone = NULL;
      g_autoptr(GBytes) redone = NULL;
      guint done = 0;

      for (guint j = 0; j < length; j++)
        {
          g_autoptr(IccEdit) edit = random_edit (&r);
          g_autoptr(GError) error = NULL;

          if (edit == NULL)
            continue;
          if (icc_history_perform (history, edit, &error))
            done++;
          else
            {
              g_assert_error (error, ICC_HISTORY_ERROR, ICC_HISTORY_ERROR_INVALID);
              n_refused++;
            }
        }
      n_edits += done;

      edited = save_bytes (r.dataset);
      for (guint j = 0; j < done; j++)
        g_assert_nonnull (icc_history_undo (history));
      g_assert_false (icc_history_can_undo (history));
      g_assert_false (icc_history_get_modified (history));
      undone = save_bytes (r.dataset);
      assert_bytes_equal (original, undone);

      for (guint j = 0; j < done; j++)
        g_assert_nonnull (icc_history_redo (history));
      redone = save_bytes (r.dataset);
      assert_bytes_equal (edited, redone);

      /* Back to the original for the next sequence. */
      while (icc_history_undo (history) != NULL)
        ;
    }

  g_test_message ("%u edits made, %u refused", n_edits, n_refused);
  g_rand_free (r.rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/edit/event/add", test_add_event);
  g_test_add_func ("/edit/event/remove-with-steps", test_remove_event_with_steps);
  g_test_add_func ("/edit/event/set-moves", test_set_event_moves_it);
  g_test_add_func ("/edit/event/forbidden", test_forbidden_transition);
  g_test_add_func ("/edit/event/check-later-events", test_check_later_events);
  g_test_add_func ("/edit/event/check-effects", test_check_effects);
  g_test_add_func ("/edit/citations", test_citations);
  g_test_add_func ("/edit/citation-from-range", test_citation_from_range);
  g_test_add_func ("/edit/articles", test_articles);
  g_test_add_func ("/edit/tours", test_tours);
  g_test_add_func ("/edit/history", test_history_state);
  g_test_add_func ("/edit/random-sequences", test_random_sequences);

  return g_test_run ();
}
