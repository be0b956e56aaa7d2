/* icc-timeline-renderer.h
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "icc-timeline-layout.h"
#include "icc-timeline-view.h"

G_BEGIN_DECLS

/* Draws an IccTimelineView into a GtkSnapshot: for the widget, and for the
 * exports, which make their snapshot with gtk_snapshot_new() and draw the
 * node into a cairo context with gsk_render_node_draw(). Nothing here needs
 * a widget, a display or gtk_init(): text goes through the PangoContext it
 * is given (the widget's, or one of pango_cairo_font_map_get_default()),
 * colours come from an IccTimelinePalette. */

typedef struct
{
  GdkRGBA fg;
  GdkRGBA bg;            /* what the timeline is drawn on, opaque */
  GdkRGBA accent;
  GdkRGBA cursor_pill;   /* the accent, dark enough for white text */
  GdkRGBA today;
  GdkRGBA kinds[ICC_N_EVENT_KINDS];
  /* Derived from the above (icc_timeline_palette_set_background()), opaque:
   * a cluster's bubble, its outline and its count (at least 4.6:1 on the
   * bubble); the eras' bands (two, alternating), their edges and titles. */
  GdkRGBA cluster_fill;
  GdkRGBA cluster_line;
  GdkRGBA cluster_text;
  GdkRGBA accent_line;   /* the cursor's line, the selected event's ring */
  GdkRGBA era_fill[2];
  GdkRGBA era_edge;
  GdkRGBA era_text;
} IccTimelinePalette;

/* The light theme's colours (Adwaita's text and accent, data/style.css's
 * kind colours): what exports use. */
void           icc_timeline_palette_init_light (IccTimelinePalette *palette);
/* Sets the background and the colours derived from it and the others (set
 * the text colour and the accent first). */
void           icc_timeline_palette_set_background (IccTimelinePalette *palette,
                                                const GdkRGBA      *bg);
/* The WCAG 2 contrast ratio of two opaque colours (1 to 21). */
double         icc_timeline_contrast_ratio     (const GdkRGBA      *a,
                                                const GdkRGBA      *b);
/* Sets the accent and the cursor pill derived from it. */
void           icc_timeline_palette_set_accent (IccTimelinePalette *palette,
                                                const GdkRGBA      *accent);
/* The fallback colour of a kind, as "#RRGGBB". */
const char    *icc_timeline_kind_fallback_color (IccEventKind       kind);
/* The marker shape of a kind as a character, for legends ("●", "■"…). */
const char    *icc_timeline_kind_symbol        (IccEventKind        kind);

/* Where things are, for a size and a line height: pure arithmetic. */
typedef struct
{
  double width;
  double height;
  double axis_height;   /* two rows of labels */
  double lane_heading;  /* a line of text */
  double lanes_top;
  double lanes_bottom;
  double lane_height;
  double overview_top;
  /* Where each lane starts, and lanes_bottom: equal lanes, unless an
   * export fits them to their labels (markers_on_top, label lines of
   * row_height under them). */
  double lane_tops[ICC_N_LANES + 1];
  double row_height;
  gboolean markers_on_top;
} IccTimelineGeometry;

#define ICC_TIMELINE_OVERVIEW_HEIGHT 18.0
#define ICC_TIMELINE_MARKER_RADIUS   6.0

void           icc_timeline_geometry_init      (IccTimelineGeometry       *geometry,
                                                double                     width,
                                                double                     height,
                                                int                        line_height);
double         icc_timeline_geometry_marker_y  (const IccTimelineGeometry *geometry,
                                                IccLane                    lane);
/* How many lines an event's label cut by the next marker may wrap to: as
 * many as the lane holds below its heading, 1 to 3. */
int            icc_timeline_geometry_label_lines (const IccTimelineGeometry *geometry,
                                                int                        line_height);
/* The lane at @y, or -1. */
int            icc_timeline_geometry_lane_at_y (const IccTimelineGeometry *geometry,
                                                double                     y);

typedef struct _IccTimelineRenderer IccTimelineRenderer;

/* Every text an export draws, with the position of its layout's top left
 * corner, when the file format writes text itself (SVG's <text>). */
typedef void (*IccTimelineTextFunc) (PangoLayout   *layout,
                                     double         x,
                                     double         y,
                                     const GdkRGBA *color,
                                     gpointer       user_data);

/* Every rectangle of the Today line, the cursor and the overview strip an
 * export draws, when the file format writes shapes itself (SVG): @role is
 * "today", "cursor" (its line), "cursor-pill", "overview" (the strip's
 * band), "overview-bar" or "overview-window"; @radius rounds its corners,
 * @stroke (may be NULL) outlines it a pixel wide. */
typedef void (*IccTimelineRectFunc) (const char            *role,
                                     const graphene_rect_t *rect,
                                     double                 radius,
                                     const GdkRGBA         *fill,
                                     const GdkRGBA         *stroke,
                                     gpointer               user_data);

/* How an export draws, unlike the window: no overview strip, cursor or
 * Today unless asked, lanes as tall as their labels need. */
typedef struct
{
  guint               label_rows;  /* at most so many lines of labels under
                                    * a lane's markers; lanes fit them */
  gboolean            today;       /* the Today line and label */
  gboolean            cursor;      /* the view's cursor: its line, and its
                                    * date in a pill over the axis */
  gboolean            overview;    /* the overview strip under the lanes,
                                    * the range drawn framed in it */
  gboolean            no_shapes;   /* markers and clusters left to the caller:
                                    * icc_timeline_renderer_item_path() */
  IccTimelineTextFunc text_func;   /* NULL: text nodes */
  IccTimelineRectFunc rect_func;   /* NULL: colour nodes */
  gpointer            text_data;   /* of text_func and rect_func */
  IccEvent           *current;     /* a tour step's event: its label in the
                                    * accent, as the ring around it */
} IccTimelineExportOptions;

IccTimelineRenderer *icc_timeline_renderer_new          (PangoContext        *context);
void           icc_timeline_renderer_free               (IccTimelineRenderer *self);
/* The font or its settings changed: drops the text caches. */
void           icc_timeline_renderer_set_context        (IccTimelineRenderer *self,
                                                         PangoContext        *context);
void           icc_timeline_renderer_set_palette        (IccTimelineRenderer *self,
                                                         const IccTimelinePalette *palette);
const IccTimelinePalette *
               icc_timeline_renderer_get_palette        (IccTimelineRenderer *self);
int            icc_timeline_renderer_get_line_height    (IccTimelineRenderer *self);
/* The events changed: drops the cached titles and the items. */
void           icc_timeline_renderer_invalidate_events  (IccTimelineRenderer *self);
PangoLayout   *icc_timeline_renderer_get_text_layout    (IccTimelineRenderer *self,
                                                         const char          *text);

/* Draws as an export: see IccTimelineExportOptions. */
void           icc_timeline_renderer_set_export         (IccTimelineRenderer *self,
                                                         const IccTimelineExportOptions *options);
/* The outline of item @i of the last static layer (a marker's shape, or a
 * cluster's pill) added to @cr's path; returns the y of its centre. */
double         icc_timeline_renderer_item_path          (IccTimelineRenderer *self,
                                                         cairo_t             *cr,
                                                         guint                i);
/* A marker of @kind at (@x, @y) into @cr, as the timeline draws it (hollow
 * and dashed when less than confirmed): for legends. */
void           icc_timeline_renderer_draw_marker        (IccTimelineRenderer *self,
                                                         cairo_t             *cr,
                                                         IccEventKind         kind,
                                                         IccCertainty         certainty,
                                                         double               x,
                                                         double               y);
/* The text of a cluster's count ("12", "1.2k"). */
void           icc_timeline_cluster_count_text          (guint                count,
                                                         char                *text,
                                                         gsize                size);

/* The static layer (eras, axis, lanes, today, events, headings); lays the
 * items out, which the calls below then use. */
GskRenderNode *icc_timeline_renderer_render_static      (IccTimelineRenderer *self,
                                                         IccTimelineView     *view,
                                                         int                  width,
                                                         int                  height);
/* The overview strip's density histogram, drawn at @scale_factor. */
GskRenderNode *icc_timeline_renderer_render_overview    (IccTimelineRenderer *self,
                                                         IccTimelineView     *view,
                                                         int                  width,
                                                         int                  height,
                                                         int                  scale_factor);
void           icc_timeline_renderer_snapshot_overview_window (IccTimelineRenderer *self,
                                                         IccTimelineView     *view,
                                                         GtkSnapshot         *snapshot,
                                                         int                  width,
                                                         int                  height);
/* The range selection [@start_day, @end_day], in any order. */
void           icc_timeline_renderer_snapshot_selection (IccTimelineRenderer *self,
                                                         IccTimelineView     *view,
                                                         GtkSnapshot         *snapshot,
                                                         int                  width,
                                                         int                  height,
                                                         double               start_day,
                                                         double               end_day);
/* The top row of the axis (years over months, say), drawn after the static
 * layer it belongs to and before the cursor: a label the cursor's pill for
 * @label (NULL: the cursor's date) would touch is left out. */
void           icc_timeline_renderer_snapshot_axis_labels (IccTimelineRenderer *self,
                                                         IccTimelineView     *view,
                                                         GtkSnapshot         *snapshot,
                                                         int                  width,
                                                         int                  height,
                                                         const char          *label);
/* Whether an axis label over [@label_x0, @label_x1] is left out for a pill
 * over [@pill_x0, @pill_x1]: when they overlap or nearly touch. */
gboolean       icc_timeline_axis_label_hidden           (double               label_x0,
                                                         double               label_x1,
                                                         double               pill_x0,
                                                         double               pill_x1);
/* The view's cursor with @label in its pill (NULL: the cursor's date). */
void           icc_timeline_renderer_snapshot_cursor    (IccTimelineRenderer *self,
                                                         IccTimelineView     *view,
                                                         GtkSnapshot         *snapshot,
                                                         int                  width,
                                                         int                  height,
                                                         const char          *label);
/* A ring around item @i (hover, selection). */
void           icc_timeline_renderer_snapshot_ring      (IccTimelineRenderer *self,
                                                         GtkSnapshot         *snapshot,
                                                         int                  height,
                                                         guint                i,
                                                         const GdkRGBA       *color,
                                                         float                line_width);
/* The whole title of item @i, a single event whose label the layout cut
 * or left out, in a pill over its neighbours (the selected event's). */
void           icc_timeline_renderer_snapshot_full_label (IccTimelineRenderer *self,
                                                         IccTimelineView     *view,
                                                         GtkSnapshot         *snapshot,
                                                         int                  width,
                                                         int                  height,
                                                         guint                i);
/* Everything, uncached: static layer, overview, selection and cursor. */
void           icc_timeline_renderer_snapshot           (IccTimelineRenderer *self,
                                                         IccTimelineView     *view,
                                                         GtkSnapshot         *snapshot,
                                                         int                  width,
                                                         int                  height);

/* The widest span, at most @max_span days, of a view @width pixels wide
 * centred on @centre_day in which @event is drawn as a marker of its own
 * with its whole label (icc_timeline_layout_fit_event() with the labels and
 * clusters this renderer draws). */
double         icc_timeline_renderer_fit_event          (IccTimelineRenderer *self,
                                                         IccTimelineView     *view,
                                                         int                  width,
                                                         IccEvent            *event,
                                                         double               centre_day,
                                                         double               min_span,
                                                         double               max_span);

/* The items of the last static layer (IccTimelineItem). */
GArray        *icc_timeline_renderer_get_items          (IccTimelineRenderer *self);
void           icc_timeline_renderer_clear_items        (IccTimelineRenderer *self);
/* The item under (@x, @y), or -1. */
int            icc_timeline_renderer_item_at            (IccTimelineRenderer *self,
                                                         int                  height,
                                                         double               x,
                                                         double               y);
/* The item holding @event, or -1. */
int            icc_timeline_renderer_find_event_item    (IccTimelineRenderer *self,
                                                         IccTimelineView     *view,
                                                         IccEvent            *event);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IccTimelineRenderer, icc_timeline_renderer_free)

G_END_DECLS
