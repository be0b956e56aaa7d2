/* icc-timeline-palette.c: the timeline's colours, derived from the style's
 * foreground, background and accent so that text and marks keep their
 * contrast in the light, dark and high contrast styles
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * icc_timeline_palette_init_light(), which needs the kinds' colours, is in
 * icc-timeline-marks.c with them.
 */

#include "config.h"

#include <math.h>

#include "icc-timeline-renderer.h"

/* WCAG 2 relative luminance of an sRGB colour. */
static double
relative_luminance (const GdkRGBA *color)
{
  double c[3] = { color->red, color->green, color->blue };

  for (guint i = 0; i < 3; i++)
    c[i] = c[i] <= 0.04045 ? c[i] / 12.92 : pow ((c[i] + 0.055) / 1.055, 2.4);

  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

/* Darkens @background until white text on it has the WCAG AA contrast
 * (4.5:1), a little over it so that 8-bit rounding keeps it there. Adwaita's
 * light accent (#3584e4) gives 3.8:1; its dark and high contrast accents
 * already pass and are kept as they are. */
static void
darken_for_white_text (GdkRGBA *background)
{
  for (guint i = 0; i < 40 && 1.05 / (relative_luminance (background) + 0.05) < 4.6; i++)
    {
      background->red *= 0.97;
      background->green *= 0.97;
      background->blue *= 0.97;
    }
}

void
icc_timeline_palette_set_accent (IccTimelinePalette *palette,
                                 const GdkRGBA      *accent)
{
  palette->accent = *accent;
  palette->cursor_pill = *accent;
  darken_for_white_text (&palette->cursor_pill);
}

double
icc_timeline_contrast_ratio (const GdkRGBA *a,
                             const GdkRGBA *b)
{
  double la = relative_luminance (a);
  double lb = relative_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* @from with @t of @to over it, opaque (@to's alpha counts). */
static GdkRGBA
mix (const GdkRGBA *from,
     const GdkRGBA *to,
     double         t)
{
  t *= to->alpha;

  return (GdkRGBA) {
    from->red + (to->red - from->red) * t,
    from->green + (to->green - from->green) * t,
    from->blue + (to->blue - from->blue) * t,
    1,
  };
}

/* Every theme's text on every theme's bubble reads at AA (4.5:1) or
 * better: the bubble is a light tint of the text colour, paler where the
 * text alone would not stand out enough (high contrast's grey on grey). */
void
icc_timeline_palette_set_background (IccTimelinePalette *palette,
                                     const GdkRGBA      *bg)
{
  GdkRGBA opaque_fg = palette->fg;
  GdkRGBA era;
  gboolean dark;
  double t;

  palette->bg = *bg;
  palette->bg.alpha = 1;
  opaque_fg.alpha = 1;

  palette->cluster_text = mix (&palette->bg, &palette->fg, 1);
  if (icc_timeline_contrast_ratio (&palette->cluster_text, &palette->bg) < 7)
    palette->cluster_text = opaque_fg;
  for (t = .16; t > 0; t -= .02)
    {
      palette->cluster_fill = mix (&palette->bg, &opaque_fg, t);
      if (icc_timeline_contrast_ratio (&palette->cluster_text, &palette->cluster_fill) >= 4.6)
        break;
    }
  if (t <= 0)
    palette->cluster_fill = palette->bg;
  palette->cluster_line = mix (&palette->bg, &opaque_fg, .6);

  /* On a dark background the accent (GTK 4.8's selection colour) is about
   * as dark as it: there the bands take the accent lightened towards the
   * text colour, as the focus ring does (style.css). */
  dark = relative_luminance (&palette->bg) < .2;
  era = dark ? mix (&palette->accent, &opaque_fg, .4) : palette->accent;
  palette->accent_line = era;
  palette->era_fill[0] = mix (&palette->bg, &era, dark ? .25 : .12);
  palette->era_fill[1] = mix (&palette->bg, &era, dark ? .4 : .22);
  palette->era_edge = mix (&palette->bg, &era, dark ? 1 : .7);
  palette->era_text = palette->cluster_text;
}

