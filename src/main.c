/* main.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "icc-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(IccApplication) app = NULL;
  const char *localedir;

  /* ICC_TRACKER_LOCALEDIR lets tests use the translations of the build tree. */
  localedir = g_getenv ("ICC_TRACKER_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = icc_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
