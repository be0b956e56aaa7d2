#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks po/POTFILES.in against the sources:
#  - every file under src/ and data/ui/ that marks a string for translation
#    (_(), N_(), C_(), NC_(), Q_(), g_dngettext() and the other gettext
#    calls, or translatable="yes") is listed in
#    po/POTFILES.in, unless po/POTFILES.skip lists it;
#  - every file that po/POTFILES.in lists exists;
#  - the desktop file, metainfo and GSettings schema templates are listed.
#
# Usage: test-potfiles.sh SOURCE_ROOT

set -u

srcdir=${1:-$(dirname "$0")/..}
cd "$srcdir" || exit 1

potfiles=po/POTFILES.in
skipfiles=po/POTFILES.skip
status=0

if [ ! -f "$potfiles" ]; then
  echo "missing $potfiles"
  exit 1
fi

listed ()
{
  # Lines of a POTFILES-style file, without comments and blanks.
  [ -f "$1" ] || return 0
  sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$1"
}

in_list ()
{
  listed "$2" | grep -Fxq -- "$1"
}

# Files that must be listed: translatable strings in C sources and UI files.
marked=$( {
  find src -type f \( -name '*.c' -o -name '*.h' \) -print0 2>/dev/null |
    xargs -0 -r grep -lE '(^|[^[:alnum:]_])((N|C|NC|Q)?_|g_dcgettext|g_dngettext|g_dpgettext2|d?c?n?gettext|pgettext)[[:space:]]*\(' \
      2>/dev/null
  find data/ui src -type f \( -name '*.ui' -o -name '*.blp' \) -print0 2>/dev/null |
    xargs -0 -r grep -lE 'translatable="yes"|_\("' 2>/dev/null
} | LC_ALL=C sort -u )

for f in $marked \
         org.example.IccTracker.desktop \
         data/org.example.IccTracker.metainfo.xml.in \
         data/org.example.IccTracker.gschema.xml; do
  if ! in_list "$f" "$potfiles" && ! in_list "$f" "$skipfiles"; then
    echo "$f has translatable strings but is missing from $potfiles"
    status=1
  fi
done

# Every listed file exists.
for f in $(listed "$potfiles"); do
  if [ ! -f "$f" ]; then
    echo "$potfiles lists $f, which does not exist"
    status=1
  fi
done

if [ $status -eq 0 ]; then
  echo "$potfiles is complete ($(listed "$potfiles" | wc -l) files)"
fi
exit $status
