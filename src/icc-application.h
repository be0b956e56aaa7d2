/* icc-application.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ICC_TYPE_APPLICATION (icc_application_get_type ())

G_DECLARE_FINAL_TYPE (IccApplication, icc_application, ICC, APPLICATION, GtkApplication)

IccApplication *icc_application_new (void);

G_END_DECLS
