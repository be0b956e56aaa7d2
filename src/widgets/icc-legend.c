/* icc-legend.c: what the colours and shapes of the window mean
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 13: nothing explained the reader's yellow, orange and pink, or the
 * timeline's shapes. The legend is a popover of the header bar's Legend
 * button, one click from the reader and the timeline: the highlights, with
 * the same CSS classes the reader reads its colours from, and each kind of
 * event with its marker, in the timeline's shape and colour.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "icc-enum-util.h"
#include "icc-legend.h"
#include "icc-timeline-renderer.h"

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");

  return label;
}

static void
add_row (GtkGrid    *grid,
         int         row,
         GtkWidget  *sample,
         const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_set_halign (sample, GTK_ALIGN_CENTER);
  gtk_grid_attach (grid, sample, 0, row, 1, 1);
  gtk_grid_attach (grid, label, 1, row, 1, 1);
}

/* A few words of text in a highlight's colour. */
static GtkWidget *
highlight_sample (const char *css_class)
{
  GtkWidget *sample = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  /* TRANSLATORS: sample text on a highlight's colour in the legend. */
  gtk_box_append (GTK_BOX (sample), gtk_label_new (_("text")));
  gtk_widget_add_css_class (sample, "legend-highlight");
  gtk_widget_add_css_class (sample, css_class);

  return sample;
}

static GtkWidget *
marker_sample (IccEventKind kind)
{
  g_autofree char *markup = NULL;
  GtkWidget *sample = gtk_label_new (NULL);

  /* Both strings are the program's own constants, not text from a file. */
  markup = g_strdup_printf ("<span foreground=\"%s\">%s</span>",
                            icc_timeline_kind_fallback_color (kind),
                            icc_timeline_kind_symbol (kind));
  gtk_label_set_markup (GTK_LABEL (sample), markup);
  gtk_widget_add_css_class (sample, "legend-marker");

  return sample;
}

static GtkWidget *
new_grid (void)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);

  return grid;
}

/**
 * icc_legend_new:
 *
 * Returns: (transfer floating): the legend, a box to put in a popover.
 */
GtkWidget *
icc_legend_new (void)
{
  static const IccEventKind kinds[] = {
    ICC_EVENT_KIND_ADOPTION,
    ICC_EVENT_KIND_SIGNATURE,
    ICC_EVENT_KIND_RATIFICATION,
    ICC_EVENT_KIND_ACCESSION,
    ICC_EVENT_KIND_ENTRY_INTO_FORCE,
    ICC_EVENT_KIND_WITHDRAWAL_NOTICE,
    ICC_EVENT_KIND_WITHDRAWAL_EFFECTIVE,
    ICC_EVENT_KIND_WITHDRAWAL_REVOKED,
    ICC_EVENT_KIND_SIGNATURE_WITHDRAWN,
    ICC_EVENT_KIND_PRELIMINARY_EXAMINATION,
    ICC_EVENT_KIND_INVESTIGATION,
    ICC_EVENT_KIND_WARRANT,
    ICC_EVENT_KIND_VERDICT,
    ICC_EVENT_KIND_REPORT,
    ICC_EVENT_KIND_STATEMENT,
    ICC_EVENT_KIND_OTHER,
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *grid;
  GtkWidget *bubble;
  int row = 0;

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_add_css_class (box, "legend");

  /* The reader. */
  gtk_box_append (GTK_BOX (left), heading (_("In the Article")));
  grid = new_grid ();
  add_row (GTK_GRID (grid), row++, highlight_sample ("highlight-citation"),
           _("A passage an event cites"));
  add_row (GTK_GRID (grid), row++, highlight_sample ("highlight-emphasis"),
           _("The passage of the selected event"));
  add_row (GTK_GRID (grid), row++, highlight_sample ("highlight-disputes"),
           _("A passage the reference disputes (underlined)"));
  add_row (GTK_GRID (grid), row++, highlight_sample ("highlight-match"),
           _("A match of Find"));
  add_row (GTK_GRID (grid), row++, highlight_sample ("highlight-current-match"),
           _("The match Find is on"));
  gtk_box_append (GTK_BOX (left), grid);

  /* The timeline's other marks. */
  gtk_box_append (GTK_BOX (left), heading (_("On the Timeline")));
  grid = new_grid ();
  row = 0;
  bubble = gtk_label_new ("12");
  gtk_widget_add_css_class (bubble, "legend-bubble");
  add_row (GTK_GRID (grid), row++, bubble,
           _("Events too close together to draw apart: zoom in, or click it"));
  add_row (GTK_GRID (grid), row++, gtk_label_new ("◌"),
           _("A hollow, dashed marker: the fact is not confirmed (see the event)"));
  add_row (GTK_GRID (grid), row++, gtk_label_new ("┃"),
           _("The date cursor: the list and the map show the world on this day"));
  gtk_box_append (GTK_BOX (left), grid);

  /* Every kind's marker. */
  gtk_box_append (GTK_BOX (right), heading (_("Kinds of Event")));
  grid = new_grid ();
  row = 0;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    add_row (GTK_GRID (grid), row++, marker_sample (kinds[i]), icc_event_kind_get_label (kinds[i]));
  gtk_box_append (GTK_BOX (right), grid);

  gtk_box_append (GTK_BOX (columns), left);
  gtk_box_append (GTK_BOX (columns), right);
  gtk_box_append (GTK_BOX (box), columns);

  return box;
}
