/* test-focus.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "icc-focus.h"

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           GString    *log)
{
  g_string_append_printf (log, "%s;", pspec->name);
}

static void
test_notify_on_change_only (void)
{
  g_autoptr(IccFocus) focus = icc_focus_new ();
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(IccEvent) event = NULL;
  g_autoptr(IccArticle) article = icc_article_new ("a1");
  g_autoptr(IccCitation) citation = icc_citation_new ("a1", "quote");
  g_autoptr(IccState) state = icc_state_new ("RU", "Russian Federation");
  IccDate date;

  g_signal_connect (focus, "notify", G_CALLBACK (notify_cb), log);

  g_assert_true (icc_date_parse ("2016-11-16", &date, NULL));
  icc_focus_set_date (focus, &date);
  icc_focus_set_date (focus, &date);
  g_assert_cmpstr (log->str, ==, "date;");

  g_string_truncate (log, 0);
  g_assert_true (icc_date_parse ("2016-11-30", &date, NULL));
  event = icc_event_new ("e1", ICC_EVENT_KIND_SIGNATURE_WITHDRAWN, &date);
  icc_focus_set_event (focus, event);
  icc_focus_set_event (focus, event);
  g_assert_cmpstr (log->str, ==, "date;event;");
  g_assert_true (icc_date_equal (icc_focus_get_date (focus), &date));

  g_string_truncate (log, 0);
  icc_focus_set_state (focus, state);
  icc_focus_set_state (focus, state);
  g_assert_cmpstr (log->str, ==, "state;");

  g_string_truncate (log, 0);
  icc_citation_set_article (citation, article);
  icc_focus_set_citation (focus, citation);
  g_assert_cmpstr (log->str, ==, "article;citation;");
  g_assert_true (icc_focus_get_article (focus) == article);

  g_string_truncate (log, 0);
  g_object_set (focus, "event", NULL, NULL);
  g_object_set (focus, "state", NULL, NULL);
  g_assert_cmpstr (log->str, ==, "event;state;");
  g_assert_null (icc_focus_get_event (focus));

  g_signal_handlers_disconnect_by_func (focus, notify_cb, log);
  g_assert_finalize_object (g_steal_pointer (&focus));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/focus/notify-on-change-only", test_notify_on_change_only);

  return g_test_run ();
}
