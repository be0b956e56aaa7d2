/* icc-enum-util.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "icc-enum-util.h"

gboolean
icc_enum_from_nick (GType       enum_type,
                    const char *nick,
                    int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *ev;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), FALSE);

  if (nick == NULL)
    return FALSE;

  klass = g_type_class_ref (enum_type);
  ev = g_enum_get_value_by_nick (klass, nick);
  if (ev == NULL)
    return FALSE;

  if (value != NULL)
    *value = ev->value;

  return TRUE;
}

const char *
icc_enum_to_nick (GType enum_type,
                  int   value)
{
  GEnumClass *klass;
  GEnumValue *ev;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), NULL);

  /* Enum classes are static once referenced; keep the reference so the
   * returned nick stays valid. */
  klass = g_type_class_peek (enum_type);
  if (klass == NULL)
    klass = g_type_class_ref (enum_type);

  ev = g_enum_get_value (klass, value);

  return ev != NULL ? ev->value_nick : NULL;
}

char *
icc_enum_list_nicks (GType enum_type)
{
  g_autoptr(GEnumClass) klass = NULL;
  GString *str;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), NULL);

  klass = g_type_class_ref (enum_type);
  str = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      if (i > 0)
        g_string_append (str, ", ");
      g_string_append (str, klass->values[i].value_nick);
    }

  return g_string_free (str, FALSE);
}

gboolean
icc_event_kind_is_membership (IccEventKind kind)
{
  return kind <= ICC_EVENT_KIND_SIGNATURE_WITHDRAWN;
}

IccLane
icc_event_kind_get_lane (IccEventKind kind)
{
  switch (kind)
    {
    case ICC_EVENT_KIND_SIGNATURE:
    case ICC_EVENT_KIND_RATIFICATION:
    case ICC_EVENT_KIND_ACCESSION:
    case ICC_EVENT_KIND_ENTRY_INTO_FORCE:
    case ICC_EVENT_KIND_WITHDRAWAL_NOTICE:
    case ICC_EVENT_KIND_WITHDRAWAL_EFFECTIVE:
    case ICC_EVENT_KIND_WITHDRAWAL_REVOKED:
    case ICC_EVENT_KIND_SIGNATURE_WITHDRAWN:
      return ICC_LANE_MEMBERSHIP;

    case ICC_EVENT_KIND_ADOPTION:
    case ICC_EVENT_KIND_INVESTIGATION:
    case ICC_EVENT_KIND_PRELIMINARY_EXAMINATION:
    case ICC_EVENT_KIND_REPORT:
    case ICC_EVENT_KIND_WARRANT:
    case ICC_EVENT_KIND_VERDICT:
      return ICC_LANE_COURT;

    case ICC_EVENT_KIND_STATEMENT:
    case ICC_EVENT_KIND_OTHER:
    default:
      return ICC_LANE_POLITICS;
    }
}

const char *
icc_event_kind_get_label (IccEventKind kind)
{
  switch (kind)
    {
    case ICC_EVENT_KIND_SIGNATURE: return _("Signature");
    case ICC_EVENT_KIND_RATIFICATION: return _("Ratification");
    case ICC_EVENT_KIND_ACCESSION: return _("Accession");
    case ICC_EVENT_KIND_ENTRY_INTO_FORCE: return _("Entry into force");
    case ICC_EVENT_KIND_WITHDRAWAL_NOTICE: return _("Withdrawal notice");
    case ICC_EVENT_KIND_WITHDRAWAL_EFFECTIVE: return _("Withdrawal takes effect");
    case ICC_EVENT_KIND_WITHDRAWAL_REVOKED: return _("Withdrawal revoked");
    case ICC_EVENT_KIND_SIGNATURE_WITHDRAWN: return _("Signature withdrawn");
    case ICC_EVENT_KIND_ADOPTION: return _("Adoption");
    case ICC_EVENT_KIND_INVESTIGATION: return _("Investigation");
    case ICC_EVENT_KIND_PRELIMINARY_EXAMINATION: return _("Preliminary examination");
    case ICC_EVENT_KIND_REPORT: return _("Report");
    case ICC_EVENT_KIND_WARRANT: return _("Arrest warrant");
    case ICC_EVENT_KIND_VERDICT: return _("Verdict");
    case ICC_EVENT_KIND_STATEMENT: return _("Statement");
    case ICC_EVENT_KIND_OTHER: return _("Other");
    default: return _("Unknown");
    }
}

const char *
icc_status_get_label (IccStatus status)
{
  switch (status)
    {
    case ICC_STATUS_NONE: return _("Not signed");
    case ICC_STATUS_SIGNATORY: return _("Signatory");
    case ICC_STATUS_RATIFIED: return _("Ratified");
    case ICC_STATUS_PARTY: return _("State Party");
    case ICC_STATUS_WITHDRAWING: return _("Withdrawing");
    case ICC_STATUS_WITHDRAWN: return _("Withdrawn");
    case ICC_STATUS_UNSIGNED: return _("Signature withdrawn");
    default: return _("Unknown");
    }
}

const char *
icc_certainty_get_label (IccCertainty certainty)
{
  switch (certainty)
    {
    case ICC_CERTAINTY_CONFIRMED: return _("Confirmed");
    case ICC_CERTAINTY_SINGLE_SOURCE: return _("Single source");
    case ICC_CERTAINTY_DISPUTED: return _("Disputed");
    case ICC_CERTAINTY_UNVERIFIED: return _("Unverified");
    default: return _("Unknown");
    }
}

const char *
icc_certainty_get_mark (IccCertainty certainty)
{
  switch (certainty)
    {
    case ICC_CERTAINTY_CONFIRMED: return "";
    case ICC_CERTAINTY_SINGLE_SOURCE: return "*";
    case ICC_CERTAINTY_DISPUTED:
    case ICC_CERTAINTY_UNVERIFIED:
    default: return "?";
    }
}

const char *
icc_stance_get_label (IccStance stance)
{
  switch (stance)
    {
    case ICC_STANCE_REPORTS: return _("Reports");
    case ICC_STANCE_DISPUTES: return _("Disputed by the reference");
    case ICC_STANCE_CONTEXT: return _("Context");
    default: return _("Unknown");
    }
}

const char *
icc_lane_get_label (IccLane lane)
{
  switch (lane)
    {
    case ICC_LANE_MEMBERSHIP: return _("Membership");
    case ICC_LANE_COURT: return _("Court");
    case ICC_LANE_POLITICS: return _("Politics");
    default: return _("Unknown");
    }
}

/* The transition table of DESIGN §1, in one place. */
static const struct {
  IccStatus    from;
  IccEventKind kind;
  IccStatus    to;
} transitions[] = {
  { ICC_STATUS_NONE,        ICC_EVENT_KIND_SIGNATURE,            ICC_STATUS_SIGNATORY },
  { ICC_STATUS_SIGNATORY,   ICC_EVENT_KIND_RATIFICATION,         ICC_STATUS_RATIFIED },
  { ICC_STATUS_NONE,        ICC_EVENT_KIND_ACCESSION,            ICC_STATUS_RATIFIED },
  { ICC_STATUS_RATIFIED,    ICC_EVENT_KIND_ENTRY_INTO_FORCE,     ICC_STATUS_PARTY },
  { ICC_STATUS_PARTY,       ICC_EVENT_KIND_WITHDRAWAL_NOTICE,    ICC_STATUS_WITHDRAWING },
  { ICC_STATUS_WITHDRAWING, ICC_EVENT_KIND_WITHDRAWAL_REVOKED,   ICC_STATUS_PARTY },
  { ICC_STATUS_WITHDRAWING, ICC_EVENT_KIND_WITHDRAWAL_EFFECTIVE, ICC_STATUS_WITHDRAWN },
  /* An instrument withdrawn before entry into force: see below. */
  { ICC_STATUS_RATIFIED,    ICC_EVENT_KIND_WITHDRAWAL_EFFECTIVE, ICC_STATUS_NONE },
  { ICC_STATUS_SIGNATORY,   ICC_EVENT_KIND_SIGNATURE_WITHDRAWN,  ICC_STATUS_UNSIGNED },
};

gboolean
icc_status_apply (IccStatus     from,
                  IccEventKind  kind,
                  IccStatus     before_ratification,
                  IccStatus    *to)
{
  g_return_val_if_fail (to != NULL, FALSE);

  if (!icc_event_kind_is_membership (kind))
    {
      *to = from;
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    {
      if (transitions[i].from == from && transitions[i].kind == kind)
        {
          /* A ratification or accession withdrawn before it entered into
           * force takes the state back to where it was before depositing. */
          if (from == ICC_STATUS_RATIFIED && kind == ICC_EVENT_KIND_WITHDRAWAL_EFFECTIVE)
            *to = before_ratification;
          else
            *to = transitions[i].to;
          return TRUE;
        }
    }

  return FALSE;
}
