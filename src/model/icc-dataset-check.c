/* icc-dataset-check.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "icc-dataset.h"
#include "icc-enum-util.h"

/* What an edit of a membership event would do, before it is made: the
 * state's membership events replayed through the transition table with the
 * draft in place of the event it replaces, the same walk icc_dataset_index()
 * makes. The event editor shows the effect and refuses what the table
 * forbids, in words a reader understands. */

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  return icc_event_compare (*(IccEvent **)a, *(IccEvent **)b);
}

static void
set_refused (GError    **error,
             IccState   *state,
             IccEvent   *event,
             IccStatus   status)
{
  g_autofree char *date = icc_date_format (icc_event_get_date (event));

  /* Translators: "Hungary cannot have a “Withdrawal notice” on 2 June
   * 2025: its status is “Signatory” then." */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("%s cannot have a “%s” on %s: its status is “%s” then."),
               icc_state_get_name (state),
               icc_event_kind_get_label (icc_event_get_kind (event)),
               date,
               icc_status_get_label (status));
}

/* Replays @state's membership events with @draft instead of @replaced. */
static gboolean
replay_state (IccDataset       *self,
              IccState         *state,
              IccEvent         *draft,
              IccEvent         *replaced,
              IccStatusEffect  *effect,
              GError          **error)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) walk = g_ptr_array_new ();
  IccStatus status = ICC_STATUS_NONE;
  IccStatus before_ratification = ICC_STATUS_NONE;

  events = icc_dataset_get_state_events (self, state);
  for (guint i = 0; i < events->len; i++)
    {
      IccEvent *event = g_ptr_array_index (events, i);

      if (event != replaced && event != draft &&
          icc_event_kind_is_membership (icc_event_get_kind (event)))
        g_ptr_array_add (walk, event);
    }
  g_ptr_array_add (walk, draft);
  g_ptr_array_sort (walk, compare_events);

  effect->state = state;
  effect->day = icc_event_get_day (draft);

  for (guint i = 0; i < walk->len; i++)
    {
      IccEvent *event = g_ptr_array_index (walk, i);
      IccEventKind kind = icc_event_get_kind (event);
      IccStatus to;

      if (event == draft)
        effect->before = status;

      if (!icc_status_apply (status, kind, before_ratification, &to))
        {
          set_refused (error, state, event, status);
          return FALSE;
        }

      if (kind == ICC_EVENT_KIND_RATIFICATION || kind == ICC_EVENT_KIND_ACCESSION)
        before_ratification = status;
      status = to;

      if (event == draft)
        effect->after = status;
    }

  return TRUE;
}

/**
 * icc_dataset_check_event:
 * @self: an indexed dataset
 * @draft: the event as it would be
 * @replaced: (nullable): the event @draft would replace (an edit), or %NULL
 *   (a new event)
 * @effects: (out) (optional): an array of #IccStatusEffect, one per state of
 *   @draft whose status it changes
 * @error: what the transition table forbids, naming the state and the date
 *
 * Returns: %TRUE if the dataset would stay valid
 */
gboolean
icc_dataset_check_event (IccDataset  *self,
                         IccEvent    *draft,
                         IccEvent    *replaced,
                         GArray     **effects,
                         GError     **error)
{
  g_autoptr(GArray) found = NULL;
  const char * const *codes;
  gboolean membership;

  g_return_val_if_fail (ICC_IS_DATASET (self), FALSE);
  g_return_val_if_fail (ICC_IS_EVENT (draft), FALSE);
  g_return_val_if_fail (replaced == NULL || ICC_IS_EVENT (replaced), FALSE);

  found = g_array_new (FALSE, FALSE, sizeof (IccStatusEffect));
  codes = icc_event_get_states (draft);
  membership = icc_event_kind_is_membership (icc_event_get_kind (draft));

  if (membership && codes[0] == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("A membership event must name at least one state."));
      return FALSE;
    }

  for (guint i = 0; codes[i] != NULL; i++)
    {
      IccState *state = icc_dataset_lookup_state (self, codes[i]);
      IccStatusEffect effect = { 0 };

      if (state == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("There is no state with the code “%s”."), codes[i]);
          return FALSE;
        }

      /* A state the edit takes away from the event is replayed too: its
       * later events may depend on this one. */
      if (!replay_state (self, state, draft, replaced, &effect, error))
        return FALSE;

      if (membership && effect.before != effect.after)
        g_array_append_val (found, effect);
    }

  if (replaced != NULL)
    {
      codes = icc_event_get_states (replaced);
      for (guint i = 0; codes[i] != NULL; i++)
        {
          IccState *state = icc_dataset_lookup_state (self, codes[i]);
          g_autoptr(IccEvent) nothing = NULL;
          IccStatusEffect effect = { 0 };

          if (state == NULL || icc_event_involves_state (draft, codes[i]))
            continue;

          /* Replay without the event: an "other" event changes nothing. */
          nothing = icc_event_new ("", ICC_EVENT_KIND_OTHER, icc_event_get_date (replaced));
          if (!replay_state (self, state, nothing, replaced, &effect, error))
            return FALSE;
        }
    }

  if (effects != NULL)
    *effects = g_steal_pointer (&found);

  return TRUE;
}
