/* icc-export-image.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "icc-dataset.h"
#include "icc-tour.h"

G_BEGIN_DECLS

#define ICC_EXPORT_ERROR (icc_export_error_quark ())

typedef enum
{
  ICC_EXPORT_ERROR_FORMAT,
  ICC_EXPORT_ERROR_RANGE,
  ICC_EXPORT_ERROR_WRITE,
  ICC_EXPORT_ERROR_DRAW,
} IccExportError;

typedef enum
{
  ICC_EXPORT_FORMAT_PNG,
  ICC_EXPORT_FORMAT_SVG,
  ICC_EXPORT_FORMAT_PDF,
} IccExportFormat;

/* What a timeline export leaves out unless asked (--show, the export
 * dialog's checks). */
typedef enum
{
  ICC_EXPORT_SHOW_TODAY    = 1 << 0,  /* the Today line and label */
  ICC_EXPORT_SHOW_CURSOR   = 1 << 1,  /* the cursor's line and date */
  ICC_EXPORT_SHOW_OVERVIEW = 1 << 2,  /* the overview strip */
} IccExportShow;

GQuark   icc_export_error_quark          (void);

/* From the file name's extension (.png, .svg, .pdf, any case). */
gboolean icc_export_format_from_filename (const char       *filename,
                                          IccExportFormat  *format,
                                          GError          **error);
/* Parses "START..END" of (partial) dates into a range of day numbers, END
 * inclusive: "2016-11-14..2016-11-30", "1998..2026". */
gboolean icc_export_parse_range          (const char       *text,
                                          double           *start_day,
                                          double           *end_day,
                                          GError          **error);

/* Parses a comma-separated list of "today", "cursor" and "overview"
 * ("today,cursor"); an unknown word is an error naming the known ones. */
gboolean icc_export_parse_show           (const char       *text,
                                          IccExportShow    *show,
                                          GError          **error);

/* Draws the timeline of @dataset between @start_day and @end_day (day
 * numbers, end exclusive; both 0 to fit all events) under a title and the
 * date range, over a legend of the kinds shown and a source line, @width ×
 * @height logical pixels, to @file as PNG (at @scale device pixels per
 * logical pixel), SVG or PDF. The drawing is the timeline widget's renderer
 * (icc-timeline-renderer.h) in the light palette as an export draws it: no
 * overview strip, cursor or Today, lanes as tall as their labels need; an
 * SVG's markers are <path>s and its text <text> (icc-export-timeline.c).
 * Needs no display and no gtk_init(). */
gboolean icc_export_timeline             (IccDataset       *dataset,
                                          double            start_day,
                                          double            end_day,
                                          int               width,
                                          int               height,
                                          double            scale,
                                          IccExportFormat   format,
                                          GFile            *file,
                                          GError          **error);
/* The same, with what @show asks for: the Today line, the cursor on
 * @cursor_day (a day number; drawn only when in the range) and the
 * overview strip, as the window draws them (an SVG's as <rect>s of their
 * names' classes, and their text as <text>). */
gboolean icc_export_timeline_full        (IccDataset       *dataset,
                                          double            start_day,
                                          double            end_day,
                                          int               width,
                                          int               height,
                                          double            scale,
                                          IccExportShow     show,
                                          gint32            cursor_day,
                                          IccExportFormat   format,
                                          GFile            *file,
                                          GError          **error);

/* Writes one page that @draw draws into @cr to @file: see
 * icc-export-image.c. Shared by the timeline's and the map's exports. */
typedef gboolean (*IccExportDrawFunc) (cairo_t  *cr,
                                       gpointer  user_data);
gboolean icc_export_page_to_file         (IccDataset       *dataset,
                                          int               width,
                                          int               height,
                                          double            scale,
                                          IccExportFormat   format,
                                          GFile            *file,
                                          IccExportDrawFunc draw,
                                          gpointer          user_data,
                                          const char       *svg_description,
                                          GString          *svg_body,
                                          GError          **error);

/* Writes @n_pages pages that @draw draws, page by page, to @file as one
 * PDF: see icc-export-image.c. */
typedef gboolean (*IccExportPageFunc) (cairo_t  *cr,
                                       guint     page,
                                       gpointer  user_data);
gboolean icc_export_pages_to_pdf         (IccDataset       *dataset,
                                          int               width,
                                          int               height,
                                          GFile            *file,
                                          guint             n_pages,
                                          IccExportPageFunc draw,
                                          gpointer          user_data,
                                          GError          **error);

/* One slide per step of @tour: the step's title, its date and the tour's
 * title over the timeline around the step's event, ringed and labelled,
 * with the legend and the source line. @target is a PDF file (.pdf: one
 * step a page) or a folder, made if need be, that gets one PNG a step
 * ("step-01.png"…). */
gboolean icc_export_tour                 (IccDataset       *dataset,
                                          IccTour          *tour,
                                          int               width,
                                          int               height,
                                          double            scale,
                                          GFile            *target,
                                          GError          **error);

/* The timeline's render node at @width × @height for the range (both 0 to
 * fit all events; set to the range drawn), drawn as an export (see
 * icc_export_timeline()), for the handout. Needs no display. */
GskRenderNode *icc_export_timeline_node  (IccDataset       *dataset,
                                          double           *start_day,
                                          double           *end_day,
                                          int               width,
                                          int               height);

G_END_DECLS
